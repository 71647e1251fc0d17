/* fd-enrollment.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-enrollment"

#include "config.h"

#include "fd-enrollment.h"

#include "fd-models-private.h"

/**
 * FdEnrollment:
 *
 * A trainee's enrollment in a session, with the session's code, label and
 * start date and the trainee's name joined when the row was read.
 *
 * It is a read-only snapshot: its properties never change, and edits go
 * through #FdChange.
 */
struct _FdEnrollment
{
  FdRecord parent_instance;

  char *session_id;
  char *session_code;
  char *session_label;
  char *trainee_id;
  char *trainee_name;
  char *status;
  char *funder;
  char *start_date;
};

G_DEFINE_FINAL_TYPE (FdEnrollment, fd_enrollment, FD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SESSION_ID,
  PROP_SESSION_CODE,
  PROP_SESSION_LABEL,
  PROP_TRAINEE_ID,
  PROP_TRAINEE_NAME,
  PROP_STATUS,
  PROP_FUNDER,
  PROP_START_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns of FD_ENROLLMENT_SELECT */
enum {
  COLUMN_ID,
  COLUMN_VERSION,
  COLUMN_SESSION_ID,
  COLUMN_SESSION_CODE,
  COLUMN_SESSION_LABEL,
  COLUMN_TRAINEE_ID,
  COLUMN_TRAINEE_NAME,
  COLUMN_STATUS,
  COLUMN_FUNDER,
  COLUMN_START_DATE,
};

static void
fd_enrollment_finalize (GObject *object)
{
  FdEnrollment *self = (FdEnrollment *)object;

  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->session_code, g_free);
  g_clear_pointer (&self->session_label, g_free);
  g_clear_pointer (&self->trainee_id, g_free);
  g_clear_pointer (&self->trainee_name, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->funder, g_free);
  g_clear_pointer (&self->start_date, g_free);

  G_OBJECT_CLASS (fd_enrollment_parent_class)->finalize (object);
}

static void
fd_enrollment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdEnrollment *self = FD_ENROLLMENT (object);

  switch (prop_id)
    {
    case PROP_SESSION_ID:
      g_value_set_string (value, self->session_id);
      break;

    case PROP_SESSION_CODE:
      g_value_set_string (value, self->session_code);
      break;

    case PROP_SESSION_LABEL:
      g_value_set_string (value, self->session_label);
      break;

    case PROP_TRAINEE_ID:
      g_value_set_string (value, self->trainee_id);
      break;

    case PROP_TRAINEE_NAME:
      g_value_set_string (value, self->trainee_name);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_FUNDER:
      g_value_set_string (value, self->funder);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_enrollment_class_init (FdEnrollmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_enrollment_finalize;
  object_class->get_property = fd_enrollment_get_property;

  /**
   * FdEnrollment:session-id:
   *
   * The id of the session.
   */
  properties[PROP_SESSION_ID] =
    g_param_spec_string ("session-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdEnrollment:session-code:
   *
   * The code of the session.
   */
  properties[PROP_SESSION_CODE] =
    g_param_spec_string ("session-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdEnrollment:session-label:
   *
   * The label of the session.
   */
  properties[PROP_SESSION_LABEL] =
    g_param_spec_string ("session-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdEnrollment:trainee-id:
   *
   * The id of the trainee.
   */
  properties[PROP_TRAINEE_ID] =
    g_param_spec_string ("trainee-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdEnrollment:trainee-name:
   *
   * The first and last names of the trainee.
   */
  properties[PROP_TRAINEE_NAME] =
    g_param_spec_string ("trainee-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdEnrollment:status:
   *
   * "planned", "registered", "confirmed", "completed", "withdrawn" or
   * "cancelled".
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdEnrollment:funder:
   *
   * The funder, or %NULL.
   */
  properties[PROP_FUNDER] =
    g_param_spec_string ("funder", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdEnrollment:start-date:
   *
   * The day of the session's first slot, or %NULL.
   */
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_enrollment_init (FdEnrollment *self)
{
}

/* Builds a #FdEnrollment from the current row of @stmt, whose columns are those
 * of FD_ENROLLMENT_SELECT. */
FdEnrollment *
_fd_enrollment_new_from_stmt (sqlite3_stmt *stmt)
{
  FdEnrollment *self;

  g_return_val_if_fail (stmt != NULL, NULL);

  self = g_object_new (FD_TYPE_ENROLLMENT, NULL);
  _fd_record_set_identity_from_stmt (FD_RECORD (self), stmt);
  self->session_id = _fd_stmt_dup_text (stmt, COLUMN_SESSION_ID);
  self->session_code = _fd_stmt_dup_text (stmt, COLUMN_SESSION_CODE);
  self->session_label = _fd_stmt_dup_text (stmt, COLUMN_SESSION_LABEL);
  self->trainee_id = _fd_stmt_dup_text (stmt, COLUMN_TRAINEE_ID);
  self->trainee_name = _fd_stmt_dup_text (stmt, COLUMN_TRAINEE_NAME);
  self->status = _fd_stmt_dup_text (stmt, COLUMN_STATUS);
  self->funder = _fd_stmt_dup_text (stmt, COLUMN_FUNDER);
  self->start_date = _fd_stmt_dup_text (stmt, COLUMN_START_DATE);

  return self;
}

/**
 * fd_enrollment_get_session_id:
 * @self: a #FdEnrollment
 *
 * Returns: (transfer none): the id of the session.
 */
const char *
fd_enrollment_get_session_id (FdEnrollment *self)
{
  g_return_val_if_fail (FD_IS_ENROLLMENT (self), NULL);

  return self->session_id;
}

/**
 * fd_enrollment_get_session_code:
 * @self: a #FdEnrollment
 *
 * Returns: (transfer none): the code of the session.
 */
const char *
fd_enrollment_get_session_code (FdEnrollment *self)
{
  g_return_val_if_fail (FD_IS_ENROLLMENT (self), NULL);

  return self->session_code;
}

/**
 * fd_enrollment_get_session_label:
 * @self: a #FdEnrollment
 *
 * Returns: (transfer none): the label of the session.
 */
const char *
fd_enrollment_get_session_label (FdEnrollment *self)
{
  g_return_val_if_fail (FD_IS_ENROLLMENT (self), NULL);

  return self->session_label;
}

/**
 * fd_enrollment_get_trainee_id:
 * @self: a #FdEnrollment
 *
 * Returns: (transfer none): the id of the trainee.
 */
const char *
fd_enrollment_get_trainee_id (FdEnrollment *self)
{
  g_return_val_if_fail (FD_IS_ENROLLMENT (self), NULL);

  return self->trainee_id;
}

/**
 * fd_enrollment_get_trainee_name:
 * @self: a #FdEnrollment
 *
 * Returns: (transfer none): the first and last names of the trainee.
 */
const char *
fd_enrollment_get_trainee_name (FdEnrollment *self)
{
  g_return_val_if_fail (FD_IS_ENROLLMENT (self), NULL);

  return self->trainee_name;
}

/**
 * fd_enrollment_get_status:
 * @self: a #FdEnrollment
 *
 * Returns: (transfer none): "planned", "registered", "confirmed",
 *   "completed", "withdrawn" or "cancelled".
 */
const char *
fd_enrollment_get_status (FdEnrollment *self)
{
  g_return_val_if_fail (FD_IS_ENROLLMENT (self), NULL);

  return self->status;
}

/**
 * fd_enrollment_get_funder:
 * @self: a #FdEnrollment
 *
 * Returns: (transfer none) (nullable): the funder, or %NULL.
 */
const char *
fd_enrollment_get_funder (FdEnrollment *self)
{
  g_return_val_if_fail (FD_IS_ENROLLMENT (self), NULL);

  return self->funder;
}

/**
 * fd_enrollment_get_start_date:
 * @self: a #FdEnrollment
 *
 * Returns: (transfer none) (nullable): the day of the session's first
 *   slot, or %NULL.
 */
const char *
fd_enrollment_get_start_date (FdEnrollment *self)
{
  g_return_val_if_fail (FD_IS_ENROLLMENT (self), NULL);

  return self->start_date;
}
