/* fd-client.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-client"

#include "config.h"

#include "fd-client.h"

#include "fd-models-private.h"

/**
 * FdClient:
 *
 * A client (an individual, a company or a self-employed person) as the
 * lists and the details pane show it.
 *
 * It is a read-only snapshot: its properties never change, and edits go
 * through #FdChange.
 */
struct _FdClient
{
  FdRecord parent_instance;

  char *kind;
  char *name;
  char *email;
  char *phone;
  char *siret;
  char *city;
  char *funder;
};

G_DEFINE_FINAL_TYPE (FdClient, fd_client, FD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_SIRET,
  PROP_CITY,
  PROP_FUNDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns of FD_CLIENT_SELECT */
enum {
  COLUMN_ID,
  COLUMN_VERSION,
  COLUMN_KIND,
  COLUMN_NAME,
  COLUMN_EMAIL,
  COLUMN_PHONE,
  COLUMN_SIRET,
  COLUMN_CITY,
  COLUMN_FUNDER,
};

static void
fd_client_finalize (GObject *object)
{
  FdClient *self = (FdClient *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->siret, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->funder, g_free);

  G_OBJECT_CLASS (fd_client_parent_class)->finalize (object);
}

static void
fd_client_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FdClient *self = FD_CLIENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_SIRET:
      g_value_set_string (value, self->siret);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_FUNDER:
      g_value_set_string (value, self->funder);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_client_class_init (FdClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_client_finalize;
  object_class->get_property = fd_client_get_property;

  /**
   * FdClient:kind:
   *
   * "individual", "company" or "independent".
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdClient:name:
   *
   * The name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdClient:email:
   *
   * The email address, or %NULL.
   */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdClient:phone:
   *
   * The phone number, or %NULL.
   */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdClient:siret:
   *
   * The SIRET number, or %NULL.
   */
  properties[PROP_SIRET] =
    g_param_spec_string ("siret", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdClient:city:
   *
   * The city, or %NULL.
   */
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdClient:funder:
   *
   * The usual funder ("opco", "cpf"…), or %NULL.
   */
  properties[PROP_FUNDER] =
    g_param_spec_string ("funder", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_client_init (FdClient *self)
{
}

/* Builds a #FdClient from the current row of @stmt, whose columns are those
 * of FD_CLIENT_SELECT. */
FdClient *
_fd_client_new_from_stmt (sqlite3_stmt *stmt)
{
  FdClient *self;

  g_return_val_if_fail (stmt != NULL, NULL);

  self = g_object_new (FD_TYPE_CLIENT, NULL);
  _fd_record_set_identity_from_stmt (FD_RECORD (self), stmt);
  self->kind = _fd_stmt_dup_text (stmt, COLUMN_KIND);
  self->name = _fd_stmt_dup_text (stmt, COLUMN_NAME);
  self->email = _fd_stmt_dup_text (stmt, COLUMN_EMAIL);
  self->phone = _fd_stmt_dup_text (stmt, COLUMN_PHONE);
  self->siret = _fd_stmt_dup_text (stmt, COLUMN_SIRET);
  self->city = _fd_stmt_dup_text (stmt, COLUMN_CITY);
  self->funder = _fd_stmt_dup_text (stmt, COLUMN_FUNDER);

  return self;
}

/**
 * fd_client_get_kind:
 * @self: a #FdClient
 *
 * Returns: (transfer none): "individual", "company" or "independent".
 */
const char *
fd_client_get_kind (FdClient *self)
{
  g_return_val_if_fail (FD_IS_CLIENT (self), NULL);

  return self->kind;
}

/**
 * fd_client_get_name:
 * @self: a #FdClient
 *
 * Returns: (transfer none): the name.
 */
const char *
fd_client_get_name (FdClient *self)
{
  g_return_val_if_fail (FD_IS_CLIENT (self), NULL);

  return self->name;
}

/**
 * fd_client_get_email:
 * @self: a #FdClient
 *
 * Returns: (transfer none) (nullable): the email address, or %NULL.
 */
const char *
fd_client_get_email (FdClient *self)
{
  g_return_val_if_fail (FD_IS_CLIENT (self), NULL);

  return self->email;
}

/**
 * fd_client_get_phone:
 * @self: a #FdClient
 *
 * Returns: (transfer none) (nullable): the phone number, or %NULL.
 */
const char *
fd_client_get_phone (FdClient *self)
{
  g_return_val_if_fail (FD_IS_CLIENT (self), NULL);

  return self->phone;
}

/**
 * fd_client_get_siret:
 * @self: a #FdClient
 *
 * Returns: (transfer none) (nullable): the SIRET number, or %NULL.
 */
const char *
fd_client_get_siret (FdClient *self)
{
  g_return_val_if_fail (FD_IS_CLIENT (self), NULL);

  return self->siret;
}

/**
 * fd_client_get_city:
 * @self: a #FdClient
 *
 * Returns: (transfer none) (nullable): the city, or %NULL.
 */
const char *
fd_client_get_city (FdClient *self)
{
  g_return_val_if_fail (FD_IS_CLIENT (self), NULL);

  return self->city;
}

/**
 * fd_client_get_funder:
 * @self: a #FdClient
 *
 * Returns: (transfer none) (nullable): the usual funder ("opco", "cpf"…),
 *   or %NULL.
 */
const char *
fd_client_get_funder (FdClient *self)
{
  g_return_val_if_fail (FD_IS_CLIENT (self), NULL);

  return self->funder;
}
