/* fd-slot-draft.c — a new slot drag-selected in the calendar, before it is planned
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-slot-draft"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-slot-draft.h"

#include "fd-database-private.h"
#include "fd-models-private.h"
#include "fd-option.h"
#include "fd-roles.h"
#include "fd-text.h"
#include "fd-validate.h"

#include <string.h>

/**
 * FdSlotDraft:
 *
 * A range selected on an empty part of the calendar, on the way to being a
 * slot: its times and, in a resource view, the trainer or the room of the
 * lane (with the room's place). The user then chooses a session and one of
 * its sequences (fd_slot_draft_set_session()); the draft is checked like a
 * move (the session's lock, then the one conflict API) and turned into one
 * edit: the slot and its staff row.
 *
 * The sessions offered (fd_slot_draft_list_sessions()) are the live ones,
 * not cancelled, with a sequence that is not cancelled, those whose slots
 * (or, before they have any, their planned period) are nearest the day
 * first.
 */

struct _FdSlotDraft
{
  FdDatabase *database;
  FdSlotLane lane;
  char *trainer_id;
  char *room_id;
  char *place_id;
  FdSlotProposal *proposal;
};

/* The distance in days from ?1 to a session's period, 0 inside it; those
 * without a period last, then by code. search_key folds "code label". */
static const char sessions_sql[] =
  "SELECT id, code, label, first_day, last_day FROM ("
  "  SELECT id, code, label,"
  "   coalesce (starts_on, planned_start_on) AS first_day,"
  "   coalesce (ends_on, planned_end_on, starts_on, planned_start_on) AS last_day"
  "  FROM session s"
  "  WHERE deleted = 0 AND status <> 'cancelled'"
  "   AND (?2 IS NULL OR instr (search_key, ?2) > 0)"
  "   AND EXISTS (SELECT 1 FROM sequence q WHERE q.session_id = s.id"
  "               AND q.deleted = 0 AND q.status <> 'cancelled'))"
  " ORDER BY first_day IS NULL,"
  "  CASE WHEN ?1 < first_day THEN julianday (first_day) - julianday (?1)"
  "       WHEN ?1 > last_day THEN julianday (?1) - julianday (last_day)"
  "       ELSE 0 END,"
  "  code DESC"
  " LIMIT ?3";

static const char sequences_sql[] =
  "SELECT id, label FROM sequence"
  " WHERE session_id = ?1 AND deleted = 0 AND status <> 'cancelled'"
  " ORDER BY position, label, id";

static const char session_sql[] =
  "SELECT status FROM session WHERE id = ?1 AND deleted = 0";

static const char sequence_sql[] =
  "SELECT session_id, status FROM sequence WHERE id = ?1 AND deleted = 0";

static const char room_sql[] =
  "SELECT place_id FROM room WHERE id = ?1 AND deleted = 0";

static const char trainer_sql[] =
  "SELECT id FROM trainer WHERE id = ?1 AND deleted = 0";

void
fd_session_choice_free (FdSessionChoice *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->code);
  g_free (self->label);
  g_free (self->first_day);
  g_free (self->last_day);
  g_free (self);
}

/* "2026-03-03": digits and dashes of a real day */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  static const char pattern[] = "dddd-dd-dd";

  if (text == NULL || strlen (text) < 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;

  if (!g_date_valid_dmy ((GDateDay) g_ascii_strtoll (text + 8, NULL, 10),
                         (GDateMonth) g_ascii_strtoll (text + 5, NULL, 10),
                         (GDateYear) g_ascii_strtoll (text, NULL, 10)))
    return FALSE;

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay) g_ascii_strtoll (text + 8, NULL, 10),
                      (GDateMonth) g_ascii_strtoll (text + 5, NULL, 10),
                      (GDateYear) g_ascii_strtoll (text, NULL, 10));
    }

  return TRUE;
}

/* "2026-03-03T09:00", nothing after the minutes */
static gboolean
parse_moment (const char *text)
{
  if (!parse_day (text, NULL) || strlen (text) != 16 || text[10] != 'T' || text[13] != ':')
    return FALSE;

  for (guint i = 11; i < 16; i++)
    if (i != 13 && !g_ascii_isdigit (text[i]))
      return FALSE;

  return g_ascii_strtoll (text + 11, NULL, 10) < 24 && g_ascii_strtoll (text + 14, NULL, 10) < 60;
}

/**
 * fd_slot_draft_list_sessions:
 * @database: a #FdDatabase
 * @day: the ISO day of the new slot ("2026-03-03")
 * @search: (nullable): words of a session's code or label, any case or
 *   accents; %NULL or blank for all
 * @limit: the most to return, at most %FD_SLOT_DRAFT_MAX_SESSIONS (0 for
 *   that many)
 * @error: return location for a #GError
 *
 * The sessions a slot on @day can be planned for: live, not cancelled,
 * with a sequence not cancelled; those whose slots or planned period are
 * nearest @day first (0 days inside it), those with neither last.
 *
 * Returns: (transfer full) (element-type FdSessionChoice): the sessions,
 *   or %NULL with @error set (%G_IO_ERROR_INVALID_ARGUMENT for a @day that
 *   is not one)
 */
GPtrArray *
fd_slot_draft_list_sessions (FdDatabase  *database,
                             const char  *day,
                             const char  *search,
                             guint        limit,
                             GError     **error)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *iso_day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_day (day, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date."), day != NULL ? day : "");
      return NULL;
    }
  iso_day = g_strndup (day, 10);

  if (limit == 0 || limit > FD_SLOT_DRAFT_MAX_SESSIONS)
    limit = FD_SLOT_DRAFT_MAX_SESSIONS;

  if (search != NULL)
    {
      folded = fd_text_fold (search);
      g_strstrip (folded);
      if (*folded == '\0')
        g_clear_pointer (&folded, g_free);
    }

  stmt = _fd_database_prepare (database, sessions_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, iso_day, -1, SQLITE_TRANSIENT);
  if (folded != NULL)
    sqlite3_bind_text (stmt, 2, folded, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) limit);

  choices = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_session_choice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdSessionChoice *choice = g_new0 (FdSessionChoice, 1);

      choice->id = _fd_stmt_dup_text (stmt, 0);
      choice->code = _fd_stmt_dup_text (stmt, 1);
      choice->label = _fd_stmt_dup_text (stmt, 2);
      choice->first_day = _fd_stmt_dup_text (stmt, 3);
      choice->last_day = _fd_stmt_dup_text (stmt, 4);
      g_ptr_array_add (choices, choice);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "listing the sessions to plan a slot for");
      return NULL;
    }

  return g_steal_pointer (&choices);
}

/**
 * fd_slot_draft_list_sequences:
 * @database: a #FdDatabase
 * @session_id: a session
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FdOption): the session's live
 *   sequences that are not cancelled, in order (empty for an unknown
 *   session), or %NULL with @error set
 */
GPtrArray *
fd_slot_draft_list_sequences (FdDatabase  *database,
                              const char  *session_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) options = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (database, sequences_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_TRANSIENT);

  options = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (options, fd_option_new ((const char *) sqlite3_column_text (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             NULL));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "listing the sequences to plan a slot for");
      return NULL;
    }

  return g_steal_pointer (&options);
}

/* Reads the first column of the row @sql finds for @id: FALSE without
 * @error when there is none */
static gboolean
read_row (FdDatabase  *database,
          const char  *sql,
          const char  *id,
          char       **first,
          char       **second,
          GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (first != NULL)
        *first = _fd_stmt_dup_text (stmt, 0);
      if (second != NULL)
        *second = _fd_stmt_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "checking a new slot");
      return FALSE;
    }

  return rc == SQLITE_ROW;
}

/**
 * fd_slot_draft_new:
 * @database: a #FdDatabase
 * @start_at: the local start, "2026-03-03T09:00"
 * @end_at: the local end, after @start_at
 * @lane: what @lane_id is
 * @lane_id: (nullable): the trainer (%FD_SLOT_LANE_TRAINER) or the room
 *   (%FD_SLOT_LANE_ROOM) the slot was selected on; ignored for
 *   %FD_SLOT_LANE_NONE
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the draft, no session chosen yet, or %NULL
 *   with @error set (%FD_VALIDATION_ERROR, naming the field) for times
 *   that are not, an end before the start, or a trainer or room that does
 *   not exist
 */
FdSlotDraft *
fd_slot_draft_new (FdDatabase  *database,
                   const char  *start_at,
                   const char  *end_at,
                   FdSlotLane   lane,
                   const char  *lane_id,
                   GError     **error)
{
  g_autoptr(FdSlotDraft) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_moment (start_at))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "start_at", "%s",
                          _("The slot’s start is not a date and time."));
      return NULL;
    }
  if (!parse_moment (end_at))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "end_at", "%s",
                          _("The slot’s end is not a date and time."));
      return NULL;
    }
  if (strcmp (end_at, start_at) <= 0)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "end_at", "%s",
                          _("The slot must end after it starts."));
      return NULL;
    }

  self = g_new0 (FdSlotDraft, 1);
  self->database = g_object_ref (database);
  self->lane = lane;
  self->proposal = fd_slot_proposal_new (NULL);
  fd_slot_proposal_set_times (self->proposal, start_at, end_at);

  if (lane == FD_SLOT_LANE_TRAINER)
    {
      if (lane_id == NULL ||
          !read_row (database, trainer_sql, lane_id, NULL, NULL, &local_error))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainer_id", "%s",
                                _("This trainer no longer exists."));
          return NULL;
        }
      self->trainer_id = g_strdup (lane_id);
      fd_slot_proposal_add_trainer (self->proposal, lane_id);
    }
  else if (lane == FD_SLOT_LANE_ROOM)
    {
      if (lane_id == NULL ||
          !read_row (database, room_sql, lane_id, &self->place_id, NULL, &local_error))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "room_id", "%s",
                                _("This room no longer exists."));
          return NULL;
        }
      self->room_id = g_strdup (lane_id);
      fd_slot_proposal_set_room_id (self->proposal, self->room_id);
      fd_slot_proposal_set_place_id (self->proposal, self->place_id);
    }

  return g_steal_pointer (&self);
}

void
fd_slot_draft_free (FdSlotDraft *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->database);
  g_free (self->trainer_id);
  g_free (self->room_id);
  g_free (self->place_id);
  g_clear_pointer (&self->proposal, fd_slot_proposal_free);
  g_free (self);
}

const char *
fd_slot_draft_get_start_at (FdSlotDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->proposal->start_at;
}

const char *
fd_slot_draft_get_end_at (FdSlotDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->proposal->end_at;
}

/**
 * fd_slot_draft_get_trainer_id:
 *
 * Returns: (nullable): the trainer of the lane the slot was selected on
 */
const char *
fd_slot_draft_get_trainer_id (FdSlotDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->trainer_id;
}

/**
 * fd_slot_draft_get_room_id:
 *
 * Returns: (nullable): the room of the lane the slot was selected on
 */
const char *
fd_slot_draft_get_room_id (FdSlotDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->room_id;
}

/**
 * fd_slot_draft_get_place_id:
 *
 * Returns: (nullable): the place of that room
 */
const char *
fd_slot_draft_get_place_id (FdSlotDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->place_id;
}

/**
 * fd_slot_draft_set_session:
 * @self: a draft
 * @session_id: the session the slot is for
 * @sequence_id: (nullable): one of its sequences; %NULL for its first
 *   that is not cancelled
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set (%FD_VALIDATION_ERROR naming
 *   "session_id" or "sequence_id") and the session left as it was, for a
 *   session deleted or cancelled, or a sequence that is not the session's,
 *   deleted or cancelled
 */
gboolean
fd_slot_draft_set_session (FdSlotDraft  *self,
                           const char   *session_id,
                           const char   *sequence_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) sequences = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *chosen = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_row (self->database, session_sql, session_id, &status, NULL, &local_error) ||
      g_strcmp0 (status, "cancelled") == 0)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (status != NULL)
        fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "session_id", "%s",
                            _("This session is cancelled: no slot can be planned for it."));
      else
        fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "session_id", "%s",
                            _("This session no longer exists; it may have been deleted."));
      return FALSE;
    }

  if (sequence_id == NULL)
    {
      sequences = fd_slot_draft_list_sequences (self->database, session_id, error);
      if (sequences == NULL)
        return FALSE;
      if (sequences->len == 0)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "sequence_id", "%s",
                              _("This session has no sequence to plan a slot in."));
          return FALSE;
        }
      chosen = g_strdup (fd_option_get_id (g_ptr_array_index (sequences, 0)));
    }
  else
    {
      g_clear_pointer (&status, g_free);
      if (!read_row (self->database, sequence_sql, sequence_id, &owner, &status, &local_error) ||
          g_strcmp0 (owner, session_id) != 0 || g_strcmp0 (status, "cancelled") == 0)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else if (g_strcmp0 (status, "cancelled") == 0 && g_strcmp0 (owner, session_id) == 0)
            fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "sequence_id", "%s",
                                _("This sequence is cancelled: no slot can be planned in it."));
          else
            fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "sequence_id", "%s",
                                _("This sequence is not one of the session’s."));
          return FALSE;
        }
      chosen = g_strdup (sequence_id);
    }

  g_free (self->proposal->session_id);
  self->proposal->session_id = g_strdup (session_id);
  g_free (self->proposal->sequence_id);
  self->proposal->sequence_id = g_steal_pointer (&chosen);

  return TRUE;
}

/**
 * fd_slot_draft_get_session_id:
 *
 * Returns: (nullable): the session chosen
 */
const char *
fd_slot_draft_get_session_id (FdSlotDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->proposal->session_id;
}

/**
 * fd_slot_draft_get_sequence_id:
 *
 * Returns: (nullable): the sequence chosen
 */
const char *
fd_slot_draft_get_sequence_id (FdSlotDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->proposal->sequence_id;
}

/**
 * fd_slot_draft_get_proposal:
 *
 * Returns: (transfer none): the slot as it would be, for the conflict API
 *   and its suggestions
 */
const FdSlotProposal *
fd_slot_draft_get_proposal (FdSlotDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->proposal;
}

/**
 * fd_slot_draft_check:
 * @self: a draft
 * @user: (nullable): who plans it, %NULL for the database's user
 * @refused: (out) (optional): set to %TRUE when planning it will be
 *   refused (the session's dates are locked for @user)
 *
 * What planning the slot would cause, shown before the user confirms: the
 * session's lock first, then the first conflict not kept with a reason
 * (fd_conflicts_check_proposal()). Without a session chosen, only the
 * conflicts of the lane's trainer or room.
 *
 * Returns: (transfer full) (nullable): a translated sentence, or %NULL if
 *   the slot is free
 */
char *
fd_slot_draft_check (FdSlotDraft *self,
                     FdUser      *user,
                     gboolean    *refused)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (user == NULL || FD_IS_USER (user), NULL);

  return fd_slot_check_planning (self->database, user, self->proposal, TRUE, refused);
}

/**
 * fd_slot_draft_dup_question:
 *
 * Whether planning the slot there should be confirmed first, as for a
 * drop (fd_slot_dup_planning_question()): a public holiday of its place, a
 * Sunday, outside working hours.
 *
 * Returns: (transfer full) (nullable): the translated question, or %NULL
 */
char *
fd_slot_draft_dup_question (FdSlotDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return fd_slot_dup_planning_question (self->database, self->place_id,
                                        self->proposal->start_at, self->proposal->end_at);
}

/**
 * fd_slot_draft_build_changes:
 * @self: a draft with a session
 * @error: return location for a #GError
 *
 * The edit that plans the slot: the slot in the chosen sequence, with the
 * lane's room and place, then the lane's trainer's staff row. Core's write
 * path checks it again (roles, the lock) when it is applied.
 *
 * Returns: (transfer full) (element-type FdChange): the changes, or %NULL
 *   with @error set (%FD_VALIDATION_ERROR_REQUIRED on "session_id") when
 *   no session was chosen
 */
GPtrArray *
fd_slot_draft_build_changes (FdSlotDraft  *self,
                             GError      **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  FdChange *slot;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->proposal->session_id == NULL || self->proposal->sequence_id == NULL)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "session_id", "%s",
                          _("Choose the session to plan the slot for."));
      return NULL;
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);

  slot = fd_change_new_create ("slot");
  fd_change_set_string (slot, "session_id", self->proposal->session_id);
  fd_change_set_string (slot, "sequence_id", self->proposal->sequence_id);
  fd_change_set_string (slot, "start_at", self->proposal->start_at);
  fd_change_set_string (slot, "end_at", self->proposal->end_at);
  if (self->place_id != NULL)
    fd_change_set_string (slot, "place_id", self->place_id);
  if (self->room_id != NULL)
    fd_change_set_string (slot, "room_id", self->room_id);
  g_ptr_array_add (changes, slot);

  if (self->trainer_id != NULL)
    {
      FdChange *staff = fd_change_new_create ("slot_staff");

      fd_change_set_string (staff, "slot_id", fd_change_get_id (slot));
      fd_change_set_string (staff, "trainer_id", self->trainer_id);
      fd_change_set_string (staff, "role", "trainer");
      g_ptr_array_add (changes, staff);
    }

  return g_steal_pointer (&changes);
}
