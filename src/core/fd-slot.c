/* fd-slot.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-slot"

#include "config.h"

#include "fd-slot.h"

#include "fd-models-private.h"

/**
 * FdSlot:
 *
 * One dated time range of a session as the calendar and the session's
 * planning show it, with the names of its session, sequence, place, room and
 * trainers joined when the row was read.
 *
 * It is a read-only snapshot: its properties never change, and edits go
 * through #FdChange.
 */
struct _FdSlot
{
  FdRecord parent_instance;

  char *session_id;
  char *session_code;
  char *session_label;
  char *sequence_label;
  char *start_at;
  char *end_at;
  guint break_minutes;
  char *place_name;
  char *room_name;
  char *trainer_names;
  char *place_id;
  char *room_id;
  GStrv trainer_ids;
};

G_DEFINE_FINAL_TYPE (FdSlot, fd_slot, FD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SESSION_ID,
  PROP_SESSION_CODE,
  PROP_SESSION_LABEL,
  PROP_SEQUENCE_LABEL,
  PROP_START_AT,
  PROP_END_AT,
  PROP_BREAK_MINUTES,
  PROP_PLACE_NAME,
  PROP_ROOM_NAME,
  PROP_TRAINER_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns of FD_SLOT_SELECT */
enum {
  COLUMN_ID,
  COLUMN_VERSION,
  COLUMN_SESSION_ID,
  COLUMN_SESSION_CODE,
  COLUMN_SESSION_LABEL,
  COLUMN_SEQUENCE_LABEL,
  COLUMN_START_AT,
  COLUMN_END_AT,
  COLUMN_BREAK_MINUTES,
  COLUMN_PLACE_NAME,
  COLUMN_ROOM_NAME,
  COLUMN_TRAINER_NAMES,
  COLUMN_PLACE_ID,
  COLUMN_ROOM_ID,
  COLUMN_TRAINER_IDS,
};

static void
fd_slot_finalize (GObject *object)
{
  FdSlot *self = (FdSlot *)object;

  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->session_code, g_free);
  g_clear_pointer (&self->session_label, g_free);
  g_clear_pointer (&self->sequence_label, g_free);
  g_clear_pointer (&self->start_at, g_free);
  g_clear_pointer (&self->end_at, g_free);
  g_clear_pointer (&self->place_name, g_free);
  g_clear_pointer (&self->room_name, g_free);
  g_clear_pointer (&self->trainer_names, g_free);
  g_clear_pointer (&self->place_id, g_free);
  g_clear_pointer (&self->room_id, g_free);
  g_clear_pointer (&self->trainer_ids, g_strfreev);

  G_OBJECT_CLASS (fd_slot_parent_class)->finalize (object);
}

static void
fd_slot_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FdSlot *self = FD_SLOT (object);

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

    case PROP_SEQUENCE_LABEL:
      g_value_set_string (value, self->sequence_label);
      break;

    case PROP_START_AT:
      g_value_set_string (value, self->start_at);
      break;

    case PROP_END_AT:
      g_value_set_string (value, self->end_at);
      break;

    case PROP_BREAK_MINUTES:
      g_value_set_uint (value, self->break_minutes);
      break;

    case PROP_PLACE_NAME:
      g_value_set_string (value, self->place_name);
      break;

    case PROP_ROOM_NAME:
      g_value_set_string (value, self->room_name);
      break;

    case PROP_TRAINER_NAMES:
      g_value_set_string (value, self->trainer_names);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_slot_class_init (FdSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_slot_finalize;
  object_class->get_property = fd_slot_get_property;

  /**
   * FdSlot:session-id:
   *
   * The id of the session.
   */
  properties[PROP_SESSION_ID] =
    g_param_spec_string ("session-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSlot:session-code:
   *
   * The code of the session.
   */
  properties[PROP_SESSION_CODE] =
    g_param_spec_string ("session-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSlot:session-label:
   *
   * The label of the session.
   */
  properties[PROP_SESSION_LABEL] =
    g_param_spec_string ("session-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSlot:sequence-label:
   *
   * The label of the sequence.
   */
  properties[PROP_SEQUENCE_LABEL] =
    g_param_spec_string ("sequence-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSlot:start-at:
   *
   * The start, local time ("2026-03-03T09:00").
   */
  properties[PROP_START_AT] =
    g_param_spec_string ("start-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSlot:end-at:
   *
   * The end, local time.
   */
  properties[PROP_END_AT] =
    g_param_spec_string ("end-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSlot:break-minutes:
   *
   * The break, in minutes.
   */
  properties[PROP_BREAK_MINUTES] =
    g_param_spec_uint ("break-minutes", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSlot:place-name:
   *
   * The name of the place, or %NULL.
   */
  properties[PROP_PLACE_NAME] =
    g_param_spec_string ("place-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSlot:room-name:
   *
   * The name of the room, or %NULL.
   */
  properties[PROP_ROOM_NAME] =
    g_param_spec_string ("room-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdSlot:trainer-names:
   *
   * The trainers, comma-separated ("Anne Martin, Paul Roy"), or %NULL.
   */
  properties[PROP_TRAINER_NAMES] =
    g_param_spec_string ("trainer-names", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_slot_init (FdSlot *self)
{
}

/* Builds a #FdSlot from the current row of @stmt, whose columns are those
 * of FD_SLOT_SELECT. */
FdSlot *
_fd_slot_new_from_stmt (sqlite3_stmt *stmt)
{
  FdSlot *self;

  g_return_val_if_fail (stmt != NULL, NULL);

  self = g_object_new (FD_TYPE_SLOT, NULL);
  _fd_record_set_identity_from_stmt (FD_RECORD (self), stmt);
  self->session_id = _fd_stmt_dup_text (stmt, COLUMN_SESSION_ID);
  self->session_code = _fd_stmt_dup_text (stmt, COLUMN_SESSION_CODE);
  self->session_label = _fd_stmt_dup_text (stmt, COLUMN_SESSION_LABEL);
  self->sequence_label = _fd_stmt_dup_text (stmt, COLUMN_SEQUENCE_LABEL);
  self->start_at = _fd_stmt_dup_text (stmt, COLUMN_START_AT);
  self->end_at = _fd_stmt_dup_text (stmt, COLUMN_END_AT);
  self->break_minutes = _fd_stmt_get_uint (stmt, COLUMN_BREAK_MINUTES);
  self->place_name = _fd_stmt_dup_text (stmt, COLUMN_PLACE_NAME);
  self->room_name = _fd_stmt_dup_text (stmt, COLUMN_ROOM_NAME);
  self->trainer_names = _fd_stmt_dup_text (stmt, COLUMN_TRAINER_NAMES);
  self->place_id = _fd_stmt_dup_text (stmt, COLUMN_PLACE_ID);
  self->room_id = _fd_stmt_dup_text (stmt, COLUMN_ROOM_ID);
  if (sqlite3_column_type (stmt, COLUMN_TRAINER_IDS) != SQLITE_NULL)
    {
      g_autofree char *ids = _fd_stmt_dup_text (stmt, COLUMN_TRAINER_IDS);

      self->trainer_ids = g_strsplit (ids, ",", -1);
    }

  return self;
}

FdSlot *
_fd_slot_new_from_row (const FdSlotRow *row)
{
  FdSlot *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (FD_TYPE_SLOT, NULL);
  _fd_record_set_identity (FD_RECORD (self), row->id, row->revision);
  self->session_id = g_strdup (row->session_id);
  self->session_code = g_strdup (row->session_code);
  self->session_label = g_strdup (row->session_label);
  self->sequence_label = g_strdup (row->sequence_label);
  self->start_at = g_strdup (row->start_at);
  self->end_at = g_strdup (row->end_at);
  self->break_minutes = row->break_minutes;
  self->place_name = g_strdup (row->place_name);
  self->room_name = g_strdup (row->room_name);
  self->trainer_names = g_strdup (row->trainer_names);
  self->place_id = g_strdup (row->place_id);
  self->room_id = g_strdup (row->room_id);
  self->trainer_ids = g_strdupv ((char **) row->trainer_ids);

  return self;
}

/**
 * fd_slot_get_session_id:
 * @self: a #FdSlot
 *
 * Returns: (transfer none): the id of the session.
 */
const char *
fd_slot_get_session_id (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->session_id;
}

/**
 * fd_slot_get_session_code:
 * @self: a #FdSlot
 *
 * Returns: (transfer none): the code of the session.
 */
const char *
fd_slot_get_session_code (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->session_code;
}

/**
 * fd_slot_get_session_label:
 * @self: a #FdSlot
 *
 * Returns: (transfer none): the label of the session.
 */
const char *
fd_slot_get_session_label (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->session_label;
}

/**
 * fd_slot_get_sequence_label:
 * @self: a #FdSlot
 *
 * Returns: (transfer none): the label of the sequence.
 */
const char *
fd_slot_get_sequence_label (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->sequence_label;
}

/**
 * fd_slot_get_start_at:
 * @self: a #FdSlot
 *
 * Returns: (transfer none): the start, local time ("2026-03-03T09:00").
 */
const char *
fd_slot_get_start_at (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->start_at;
}

/**
 * fd_slot_get_end_at:
 * @self: a #FdSlot
 *
 * Returns: (transfer none): the end, local time.
 */
const char *
fd_slot_get_end_at (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->end_at;
}

/**
 * fd_slot_get_break_minutes:
 * @self: a #FdSlot
 *
 * Returns: the break, in minutes.
 */
guint
fd_slot_get_break_minutes (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), 0);

  return self->break_minutes;
}

/**
 * fd_slot_get_place_name:
 * @self: a #FdSlot
 *
 * Returns: (transfer none) (nullable): the name of the place, or %NULL.
 */
const char *
fd_slot_get_place_name (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->place_name;
}

/**
 * fd_slot_get_room_name:
 * @self: a #FdSlot
 *
 * Returns: (transfer none) (nullable): the name of the room, or %NULL.
 */
const char *
fd_slot_get_room_name (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->room_name;
}

/**
 * fd_slot_get_trainer_names:
 * @self: a #FdSlot
 *
 * Returns: (transfer none) (nullable): the trainers, comma-separated
 *   ("Anne Martin, Paul Roy"), or %NULL.
 */
const char *
fd_slot_get_trainer_names (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->trainer_names;
}

/**
 * fd_slot_get_place_id:
 *
 * Returns: (nullable): the id of the slot's place
 */
const char *
fd_slot_get_place_id (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->place_id;
}

/**
 * fd_slot_get_room_id:
 *
 * Returns: (nullable): the id of the slot's room
 */
const char *
fd_slot_get_room_id (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return self->room_id;
}

/**
 * fd_slot_get_trainer_ids:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the ids of
 *   the slot's staff, any role (trainer, co-trainer, host), or %NULL
 */
const char * const *
fd_slot_get_trainer_ids (FdSlot *self)
{
  g_return_val_if_fail (FD_IS_SLOT (self), NULL);

  return (const char * const *) self->trainer_ids;
}

/**
 * fd_slot_has_trainer:
 * @self: a slot
 * @trainer_id: a trainer's id
 *
 * Returns: whether @trainer_id is one of the slot's staff
 */
gboolean
fd_slot_has_trainer (FdSlot     *self,
                     const char *trainer_id)
{
  g_return_val_if_fail (FD_IS_SLOT (self), FALSE);
  g_return_val_if_fail (trainer_id != NULL, FALSE);

  return self->trainer_ids != NULL &&
         g_strv_contains ((const char * const *) self->trainer_ids, trainer_id);
}
