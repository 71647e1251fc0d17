/* fd-trainee.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-trainee"

#include "config.h"

#include "fd-trainee.h"

#include "fd-models-private.h"

/**
 * FdTrainee:
 *
 * A trainee (or candidate) as the lists and the details pane show it, with
 * the name of the client it belongs to.
 *
 * It is a read-only snapshot: its properties never change, and edits go
 * through #FdChange.
 */
struct _FdTrainee
{
  FdRecord parent_instance;

  char *civility;
  char *first_name;
  char *last_name;
  char *full_name;
  char *email;
  char *phone;
  char *birth_date;
  char *birth_city;
  char *postal_code;
  char *city;
  char *client_name;
  char *status;
};

G_DEFINE_FINAL_TYPE (FdTrainee, fd_trainee, FD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CIVILITY,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_FULL_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_BIRTH_DATE,
  PROP_BIRTH_CITY,
  PROP_POSTAL_CODE,
  PROP_CITY,
  PROP_CLIENT_NAME,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns of FD_TRAINEE_SELECT */
enum {
  COLUMN_ID,
  COLUMN_VERSION,
  COLUMN_CIVILITY,
  COLUMN_FIRST_NAME,
  COLUMN_LAST_NAME,
  COLUMN_EMAIL,
  COLUMN_PHONE,
  COLUMN_BIRTH_DATE,
  COLUMN_BIRTH_CITY,
  COLUMN_POSTAL_CODE,
  COLUMN_CITY,
  COLUMN_CLIENT_NAME,
  COLUMN_STATUS,
};

static void
fd_trainee_finalize (GObject *object)
{
  FdTrainee *self = (FdTrainee *)object;

  g_clear_pointer (&self->civility, g_free);
  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->birth_city, g_free);
  g_clear_pointer (&self->postal_code, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (fd_trainee_parent_class)->finalize (object);
}

static void
fd_trainee_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FdTrainee *self = FD_TRAINEE (object);

  switch (prop_id)
    {
    case PROP_CIVILITY:
      g_value_set_string (value, self->civility);
      break;

    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;

    case PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;

    case PROP_BIRTH_CITY:
      g_value_set_string (value, self->birth_city);
      break;

    case PROP_POSTAL_CODE:
      g_value_set_string (value, self->postal_code);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_trainee_class_init (FdTraineeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_trainee_finalize;
  object_class->get_property = fd_trainee_get_property;

  /**
   * FdTrainee:civility:
   *
   * "mr", "mrs" or %NULL.
   */
  properties[PROP_CIVILITY] =
    g_param_spec_string ("civility", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:first-name:
   *
   * The first name.
   */
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:last-name:
   *
   * The last name.
   */
  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:full-name:
   *
   * The first and last names ("Hélène Durand").
   */
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:email:
   *
   * The email address, or %NULL.
   */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:phone:
   *
   * The phone number, or %NULL.
   */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:birth-date:
   *
   * The birth date ("1990-05-17"), or %NULL.
   */
  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:birth-city:
   *
   * The birth city, or %NULL.
   */
  properties[PROP_BIRTH_CITY] =
    g_param_spec_string ("birth-city", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:postal-code:
   *
   * The postal code, or %NULL.
   */
  properties[PROP_POSTAL_CODE] =
    g_param_spec_string ("postal-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:city:
   *
   * The city, or %NULL.
   */
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:client-name:
   *
   * The name of the client the trainee belongs to, or %NULL.
   */
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainee:status:
   *
   * "creating", "active" or "archived".
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_trainee_init (FdTrainee *self)
{
}

/* Builds a #FdTrainee from the current row of @stmt, whose columns are those
 * of FD_TRAINEE_SELECT. */
FdTrainee *
_fd_trainee_new_from_stmt (sqlite3_stmt *stmt)
{
  FdTrainee *self;

  g_return_val_if_fail (stmt != NULL, NULL);

  self = g_object_new (FD_TYPE_TRAINEE, NULL);
  _fd_record_set_identity_from_stmt (FD_RECORD (self), stmt);
  self->civility = _fd_stmt_dup_text (stmt, COLUMN_CIVILITY);
  self->first_name = _fd_stmt_dup_text (stmt, COLUMN_FIRST_NAME);
  self->last_name = _fd_stmt_dup_text (stmt, COLUMN_LAST_NAME);
  self->email = _fd_stmt_dup_text (stmt, COLUMN_EMAIL);
  self->phone = _fd_stmt_dup_text (stmt, COLUMN_PHONE);
  self->birth_date = _fd_stmt_dup_text (stmt, COLUMN_BIRTH_DATE);
  self->birth_city = _fd_stmt_dup_text (stmt, COLUMN_BIRTH_CITY);
  self->postal_code = _fd_stmt_dup_text (stmt, COLUMN_POSTAL_CODE);
  self->city = _fd_stmt_dup_text (stmt, COLUMN_CITY);
  self->client_name = _fd_stmt_dup_text (stmt, COLUMN_CLIENT_NAME);
  self->status = _fd_stmt_dup_text (stmt, COLUMN_STATUS);
  self->full_name = g_strdup_printf ("%s %s", self->first_name, self->last_name);

  return self;
}

/**
 * fd_trainee_get_civility:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none) (nullable): "mr", "mrs" or %NULL.
 */
const char *
fd_trainee_get_civility (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->civility;
}

/**
 * fd_trainee_get_first_name:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none): the first name.
 */
const char *
fd_trainee_get_first_name (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->first_name;
}

/**
 * fd_trainee_get_last_name:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none): the last name.
 */
const char *
fd_trainee_get_last_name (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->last_name;
}

/**
 * fd_trainee_dup_full_name:
 * @self: a #FdTrainee
 *
 * Returns: (transfer full): the first and last names ("Hélène Durand").
 */
char *
fd_trainee_dup_full_name (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return g_strdup (self->full_name);
}

/**
 * fd_trainee_get_email:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none) (nullable): the email address, or %NULL.
 */
const char *
fd_trainee_get_email (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->email;
}

/**
 * fd_trainee_get_phone:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none) (nullable): the phone number, or %NULL.
 */
const char *
fd_trainee_get_phone (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->phone;
}

/**
 * fd_trainee_get_birth_date:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none) (nullable): the birth date ("1990-05-17"), or
 *   %NULL.
 */
const char *
fd_trainee_get_birth_date (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->birth_date;
}

/**
 * fd_trainee_get_birth_city:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none) (nullable): the birth city, or %NULL.
 */
const char *
fd_trainee_get_birth_city (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->birth_city;
}

/**
 * fd_trainee_get_postal_code:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none) (nullable): the postal code, or %NULL.
 */
const char *
fd_trainee_get_postal_code (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->postal_code;
}

/**
 * fd_trainee_get_city:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none) (nullable): the city, or %NULL.
 */
const char *
fd_trainee_get_city (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->city;
}

/**
 * fd_trainee_get_client_name:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none) (nullable): the name of the client the trainee
 *   belongs to, or %NULL.
 */
const char *
fd_trainee_get_client_name (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->client_name;
}

/**
 * fd_trainee_get_status:
 * @self: a #FdTrainee
 *
 * Returns: (transfer none): "creating", "active" or "archived".
 */
const char *
fd_trainee_get_status (FdTrainee *self)
{
  g_return_val_if_fail (FD_IS_TRAINEE (self), NULL);

  return self->status;
}
