/* fd-session.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session"

#include "config.h"

#include "fd-session.h"

#include "fd-models-private.h"

/**
 * FdSession:
 *
 * A training session (a run of a training) as the lists and the details
 * pane show it: its own fields, the title of its training and the name of
 * its client, and its dates and counts computed from its live slots and
 * enrollments when the row was read.
 *
 * It is a read-only snapshot: its properties never change, and edits go
 * through #FdChange.
 */
struct _FdSession
{
  FdRecord parent_instance;

  char *code;
  char *label;
  char *training_title;
  char *kind;
  char *status;
  gboolean published;
  char *client_name;
  char *start_date;
  char *end_date;
  guint n_slots;
  guint n_enrolled;
  guint capacity_max;
  gint64 price_cents;
};

G_DEFINE_FINAL_TYPE (FdSession, fd_session, FD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CODE,
  PROP_LABEL,
  PROP_TRAINING_TITLE,
  PROP_KIND,
  PROP_STATUS,
  PROP_PUBLISHED,
  PROP_CLIENT_NAME,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_N_SLOTS,
  PROP_N_ENROLLED,
  PROP_CAPACITY_MAX,
  PROP_PRICE_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns of FD_SESSION_SELECT */
enum {
  COLUMN_ID,
  COLUMN_VERSION,
  COLUMN_CODE,
  COLUMN_LABEL,
  COLUMN_TRAINING_TITLE,
  COLUMN_KIND,
  COLUMN_STATUS,
  COLUMN_PUBLISHED,
  COLUMN_CLIENT_NAME,
  COLUMN_START_DATE,
  COLUMN_END_DATE,
  COLUMN_N_SLOTS,
  COLUMN_N_ENROLLED,
  COLUMN_CAPACITY_MAX,
  COLUMN_PRICE_CENTS,
};

static void
fd_session_finalize (GObject *object)
{
  FdSession *self = (FdSession *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->training_title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);

  G_OBJECT_CLASS (fd_session_parent_class)->finalize (object);
}

static void
fd_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FdSession *self = FD_SESSION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_TRAINING_TITLE:
      g_value_set_string (value, self->training_title);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_PUBLISHED:
      g_value_set_boolean (value, self->published);
      break;

    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_N_SLOTS:
      g_value_set_uint (value, self->n_slots);
      break;

    case PROP_N_ENROLLED:
      g_value_set_uint (value, self->n_enrolled);
      break;

    case PROP_CAPACITY_MAX:
      g_value_set_uint (value, self->capacity_max);
      break;

    case PROP_PRICE_CENTS:
      g_value_set_int64 (value, self->price_cents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_session_class_init (FdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_session_finalize;
  object_class->get_property = fd_session_get_property;

  /**
   * FdSession:code:
   *
   * The session code, unique among live sessions ("2026-0042").
   */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:label:
   *
   * The label of the session.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:training-title:
   *
   * The title of the training it is a run of, or %NULL.
   */
  properties[PROP_TRAINING_TITLE] =
    g_param_spec_string ("training-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:kind:
   *
   * "intra" or "inter".
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:status:
   *
   * "created", "proposal_sent", "confirmed", "in_progress", "completed" or
   * "cancelled".
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:published:
   *
   * Whether the session is published.
   */
  properties[PROP_PUBLISHED] =
    g_param_spec_boolean ("published", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:client-name:
   *
   * The name of the client (intra sessions), or %NULL.
   */
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:start-date:
   *
   * The day of the first slot ("2026-03-03"), or %NULL without slots.
   */
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:end-date:
   *
   * The day of the last slot, or %NULL without slots.
   */
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:n-slots:
   *
   * The number of slots.
   */
  properties[PROP_N_SLOTS] =
    g_param_spec_uint ("n-slots", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:n-enrolled:
   *
   * The number of enrollments not withdrawn nor cancelled.
   */
  properties[PROP_N_ENROLLED] =
    g_param_spec_uint ("n-enrolled", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:capacity-max:
   *
   * The maximum number of trainees.
   */
  properties[PROP_CAPACITY_MAX] =
    g_param_spec_uint ("capacity-max", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSession:price-cents:
   *
   * The price, in cents.
   */
  properties[PROP_PRICE_CENTS] =
    g_param_spec_int64 ("price-cents", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_session_init (FdSession *self)
{
}

/* Builds a #FdSession from the current row of @stmt, whose columns are those
 * of FD_SESSION_SELECT. */
FdSession *
_fd_session_new_from_stmt (sqlite3_stmt *stmt)
{
  FdSession *self;

  g_return_val_if_fail (stmt != NULL, NULL);

  self = g_object_new (FD_TYPE_SESSION, NULL);
  _fd_record_set_identity_from_stmt (FD_RECORD (self), stmt);
  self->code = _fd_stmt_dup_text (stmt, COLUMN_CODE);
  self->label = _fd_stmt_dup_text (stmt, COLUMN_LABEL);
  self->training_title = _fd_stmt_dup_text (stmt, COLUMN_TRAINING_TITLE);
  self->kind = _fd_stmt_dup_text (stmt, COLUMN_KIND);
  self->status = _fd_stmt_dup_text (stmt, COLUMN_STATUS);
  self->published = sqlite3_column_int (stmt, COLUMN_PUBLISHED) != 0;
  self->client_name = _fd_stmt_dup_text (stmt, COLUMN_CLIENT_NAME);
  self->start_date = _fd_stmt_dup_text (stmt, COLUMN_START_DATE);
  self->end_date = _fd_stmt_dup_text (stmt, COLUMN_END_DATE);
  self->n_slots = _fd_stmt_get_uint (stmt, COLUMN_N_SLOTS);
  self->n_enrolled = _fd_stmt_get_uint (stmt, COLUMN_N_ENROLLED);
  self->capacity_max = _fd_stmt_get_uint (stmt, COLUMN_CAPACITY_MAX);
  self->price_cents = sqlite3_column_int64 (stmt, COLUMN_PRICE_CENTS);

  return self;
}

/**
 * fd_session_get_code:
 * @self: a #FdSession
 *
 * Returns: (transfer none): the session code, unique among live sessions
 *   ("2026-0042").
 */
const char *
fd_session_get_code (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), NULL);

  return self->code;
}

/**
 * fd_session_get_label:
 * @self: a #FdSession
 *
 * Returns: (transfer none): the label of the session.
 */
const char *
fd_session_get_label (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), NULL);

  return self->label;
}

/**
 * fd_session_get_training_title:
 * @self: a #FdSession
 *
 * Returns: (transfer none) (nullable): the title of the training it is a
 *   run of, or %NULL.
 */
const char *
fd_session_get_training_title (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), NULL);

  return self->training_title;
}

/**
 * fd_session_get_kind:
 * @self: a #FdSession
 *
 * Returns: (transfer none): "intra" or "inter".
 */
const char *
fd_session_get_kind (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), NULL);

  return self->kind;
}

/**
 * fd_session_get_status:
 * @self: a #FdSession
 *
 * Returns: (transfer none): "created", "proposal_sent", "confirmed",
 *   "in_progress", "completed" or "cancelled".
 */
const char *
fd_session_get_status (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), NULL);

  return self->status;
}

/**
 * fd_session_get_published:
 * @self: a #FdSession
 *
 * Returns: whether the session is published.
 */
gboolean
fd_session_get_published (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), FALSE);

  return self->published;
}

/**
 * fd_session_get_client_name:
 * @self: a #FdSession
 *
 * Returns: (transfer none) (nullable): the name of the client (intra
 *   sessions), or %NULL.
 */
const char *
fd_session_get_client_name (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), NULL);

  return self->client_name;
}

/**
 * fd_session_get_start_date:
 * @self: a #FdSession
 *
 * Returns: (transfer none) (nullable): the day of the first slot
 *   ("2026-03-03"), or %NULL without slots.
 */
const char *
fd_session_get_start_date (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), NULL);

  return self->start_date;
}

/**
 * fd_session_get_end_date:
 * @self: a #FdSession
 *
 * Returns: (transfer none) (nullable): the day of the last slot, or %NULL
 *   without slots.
 */
const char *
fd_session_get_end_date (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), NULL);

  return self->end_date;
}

/**
 * fd_session_get_n_slots:
 * @self: a #FdSession
 *
 * Returns: the number of slots.
 */
guint
fd_session_get_n_slots (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), 0);

  return self->n_slots;
}

/**
 * fd_session_get_n_enrolled:
 * @self: a #FdSession
 *
 * Returns: the number of enrollments not withdrawn nor cancelled.
 */
guint
fd_session_get_n_enrolled (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), 0);

  return self->n_enrolled;
}

/**
 * fd_session_get_capacity_max:
 * @self: a #FdSession
 *
 * Returns: the maximum number of trainees.
 */
guint
fd_session_get_capacity_max (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), 0);

  return self->capacity_max;
}

/**
 * fd_session_get_price_cents:
 * @self: a #FdSession
 *
 * Returns: the price, in cents.
 */
gint64
fd_session_get_price_cents (FdSession *self)
{
  g_return_val_if_fail (FD_IS_SESSION (self), 0);

  return self->price_cents;
}
