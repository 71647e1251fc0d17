/* fd-trainer.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-trainer"

#include "config.h"

#include "fd-trainer.h"

#include "fd-models-private.h"

/**
 * FdTrainer:
 *
 * A trainer's card as the lists and the details pane show it.
 *
 * It is a read-only snapshot: its properties never change, and edits go
 * through #FdChange.
 */
struct _FdTrainer
{
  FdRecord parent_instance;

  char *first_name;
  char *last_name;
  char *full_name;
  char *email;
  char *phone;
  char *kind;
  char *company;
  char *city;
  char *skills;
  char *extranet_state;
  gint64 daily_rate_cents;
};

G_DEFINE_FINAL_TYPE (FdTrainer, fd_trainer, FD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_FULL_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_KIND,
  PROP_COMPANY,
  PROP_CITY,
  PROP_SKILLS,
  PROP_EXTRANET_STATE,
  PROP_DAILY_RATE_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns of FD_TRAINER_SELECT */
enum {
  COLUMN_ID,
  COLUMN_VERSION,
  COLUMN_FIRST_NAME,
  COLUMN_LAST_NAME,
  COLUMN_EMAIL,
  COLUMN_PHONE,
  COLUMN_KIND,
  COLUMN_COMPANY,
  COLUMN_CITY,
  COLUMN_SKILLS,
  COLUMN_EXTRANET_STATE,
  COLUMN_DAILY_RATE_CENTS,
};

static void
fd_trainer_finalize (GObject *object)
{
  FdTrainer *self = (FdTrainer *)object;

  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->skills, g_free);
  g_clear_pointer (&self->extranet_state, g_free);

  G_OBJECT_CLASS (fd_trainer_parent_class)->finalize (object);
}

static void
fd_trainer_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FdTrainer *self = FD_TRAINER (object);

  switch (prop_id)
    {
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

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_COMPANY:
      g_value_set_string (value, self->company);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_SKILLS:
      g_value_set_string (value, self->skills);
      break;

    case PROP_EXTRANET_STATE:
      g_value_set_string (value, self->extranet_state);
      break;

    case PROP_DAILY_RATE_CENTS:
      g_value_set_int64 (value, self->daily_rate_cents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_trainer_class_init (FdTrainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_trainer_finalize;
  object_class->get_property = fd_trainer_get_property;

  /**
   * FdTrainer:first-name:
   *
   * The first name.
   */
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:last-name:
   *
   * The last name.
   */
  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:full-name:
   *
   * The first and last names ("Anne Martin").
   */
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:email:
   *
   * The email address, or %NULL.
   */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:phone:
   *
   * The phone number, or %NULL.
   */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:kind:
   *
   * "internal" or "external".
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:company:
   *
   * The company of an external trainer, or %NULL.
   */
  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:city:
   *
   * The city, or %NULL.
   */
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:skills:
   *
   * The skills, free text, or %NULL.
   */
  properties[PROP_SKILLS] =
    g_param_spec_string ("skills", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:extranet-state:
   *
   * "none", "invited" or "active".
   */
  properties[PROP_EXTRANET_STATE] =
    g_param_spec_string ("extranet-state", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdTrainer:daily-rate-cents:
   *
   * The daily rate, in cents.
   */
  properties[PROP_DAILY_RATE_CENTS] =
    g_param_spec_int64 ("daily-rate-cents", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_trainer_init (FdTrainer *self)
{
}

/* Builds a #FdTrainer from the current row of @stmt, whose columns are those
 * of FD_TRAINER_SELECT. */
FdTrainer *
_fd_trainer_new_from_stmt (sqlite3_stmt *stmt)
{
  FdTrainer *self;

  g_return_val_if_fail (stmt != NULL, NULL);

  self = g_object_new (FD_TYPE_TRAINER, NULL);
  _fd_record_set_identity_from_stmt (FD_RECORD (self), stmt);
  self->first_name = _fd_stmt_dup_text (stmt, COLUMN_FIRST_NAME);
  self->last_name = _fd_stmt_dup_text (stmt, COLUMN_LAST_NAME);
  self->email = _fd_stmt_dup_text (stmt, COLUMN_EMAIL);
  self->phone = _fd_stmt_dup_text (stmt, COLUMN_PHONE);
  self->kind = _fd_stmt_dup_text (stmt, COLUMN_KIND);
  self->company = _fd_stmt_dup_text (stmt, COLUMN_COMPANY);
  self->city = _fd_stmt_dup_text (stmt, COLUMN_CITY);
  self->skills = _fd_stmt_dup_text (stmt, COLUMN_SKILLS);
  self->extranet_state = _fd_stmt_dup_text (stmt, COLUMN_EXTRANET_STATE);
  self->daily_rate_cents = sqlite3_column_int64 (stmt, COLUMN_DAILY_RATE_CENTS);
  self->full_name = g_strdup_printf ("%s %s", self->first_name, self->last_name);

  return self;
}

/**
 * fd_trainer_get_first_name:
 * @self: a #FdTrainer
 *
 * Returns: (transfer none): the first name.
 */
const char *
fd_trainer_get_first_name (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return self->first_name;
}

/**
 * fd_trainer_get_last_name:
 * @self: a #FdTrainer
 *
 * Returns: (transfer none): the last name.
 */
const char *
fd_trainer_get_last_name (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return self->last_name;
}

/**
 * fd_trainer_dup_full_name:
 * @self: a #FdTrainer
 *
 * Returns: (transfer full): the first and last names ("Anne Martin").
 */
char *
fd_trainer_dup_full_name (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return g_strdup (self->full_name);
}

/**
 * fd_trainer_get_email:
 * @self: a #FdTrainer
 *
 * Returns: (transfer none) (nullable): the email address, or %NULL.
 */
const char *
fd_trainer_get_email (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return self->email;
}

/**
 * fd_trainer_get_phone:
 * @self: a #FdTrainer
 *
 * Returns: (transfer none) (nullable): the phone number, or %NULL.
 */
const char *
fd_trainer_get_phone (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return self->phone;
}

/**
 * fd_trainer_get_kind:
 * @self: a #FdTrainer
 *
 * Returns: (transfer none): "internal" or "external".
 */
const char *
fd_trainer_get_kind (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return self->kind;
}

/**
 * fd_trainer_get_company:
 * @self: a #FdTrainer
 *
 * Returns: (transfer none) (nullable): the company of an external trainer,
 *   or %NULL.
 */
const char *
fd_trainer_get_company (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return self->company;
}

/**
 * fd_trainer_get_city:
 * @self: a #FdTrainer
 *
 * Returns: (transfer none) (nullable): the city, or %NULL.
 */
const char *
fd_trainer_get_city (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return self->city;
}

/**
 * fd_trainer_get_skills:
 * @self: a #FdTrainer
 *
 * Returns: (transfer none) (nullable): the skills, free text, or %NULL.
 */
const char *
fd_trainer_get_skills (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return self->skills;
}

/**
 * fd_trainer_get_extranet_state:
 * @self: a #FdTrainer
 *
 * Returns: (transfer none): "none", "invited" or "active".
 */
const char *
fd_trainer_get_extranet_state (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), NULL);

  return self->extranet_state;
}

/**
 * fd_trainer_get_daily_rate_cents:
 * @self: a #FdTrainer
 *
 * Returns: the daily rate, in cents.
 */
gint64
fd_trainer_get_daily_rate_cents (FdTrainer *self)
{
  g_return_val_if_fail (FD_IS_TRAINER (self), 0);

  return self->daily_rate_cents;
}
