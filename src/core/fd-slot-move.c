/* fd-slot-move.c — a slot moved in the calendar, checked then applied
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-slot-move"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-slot-move.h"

#include "fd-database-private.h"
#include "fd-models-private.h"
#include "fd-holidays.h"
#include "fd-roles.h"
#include "fd-validate.h"

#include <string.h>

/**
 * FdSlotMove:
 *
 * One slot as a calendar drag (or a keyboard move) takes it: read once when
 * the move starts, then given a target at each step — new times, and in a
 * resource view another trainer's or room's lane — checked against the
 * session's lock and the one conflict API (fd_conflicts_check_proposal())
 * as the pointer moves, and turned into the edit that applies it at the
 * drop. The edit carries the revisions the move was read at, so a change
 * made meanwhile by someone else merges or is refused by core, like any
 * other edit.
 *
 * Working hours, for the question a drop outside them asks: Monday to
 * Saturday, 07:00 to 21:00.
 */

#define WORKDAY_START (7 * 60)
#define WORKDAY_END   (21 * 60)

typedef struct
{
  char *id;
  gint64 revision;
  char *trainer_id;
} Staff;

struct _FdSlotMove
{
  FdDatabase *database;
  char *slot_id;
  gint64 revision;
  char *session_id;
  char *start_at;          /* as stored */
  char *end_at;
  char *room_id;
  char *place_id;
  GArray *staff;           /* of Staff, the live slot_staff rows */

  FdSlotProposal *proposal; /* the target */
  char *new_room_id;
  char *new_place_id;
  char *from_trainer_id;
  char *to_trainer_id;
};

static const char slot_sql[] =
  "SELECT revision, session_id, start_at, end_at, room_id, place_id"
  " FROM slot WHERE id = ?1 AND deleted = 0";

static const char staff_sql[] =
  "SELECT id, revision, trainer_id FROM slot_staff"
  " WHERE slot_id = ?1 AND deleted = 0 ORDER BY id";

static const char room_sql[] =
  "SELECT place_id FROM room WHERE id = ?1 AND deleted = 0";

static const char trainer_sql[] =
  "SELECT 1 FROM trainer WHERE id = ?1 AND deleted = 0";

static void
staff_clear (Staff *staff)
{
  g_free (staff->id);
  g_free (staff->trainer_id);
}

/**
 * fd_slot_move_new:
 * @database: a #FdDatabase
 * @slot_id: the slot taken
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the move, its target the slot as it is, or
 *   %NULL with %FD_DATABASE_ERROR_NOT_FOUND if the slot was deleted
 */
FdSlotMove *
fd_slot_move_new (FdDatabase  *database,
                  const char  *slot_id,
                  GError     **error)
{
  g_autoptr(FdSlotMove) self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (slot_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (FdSlotMove, 1);
  self->database = g_object_ref (database);
  self->slot_id = g_strdup (slot_id);
  self->staff = g_array_new (FALSE, TRUE, sizeof (Staff));
  g_array_set_clear_func (self->staff, (GDestroyNotify) staff_clear);

  stmt = _fd_database_prepare (database, slot_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self->revision = sqlite3_column_int64 (stmt, 0);
      self->session_id = _fd_stmt_dup_text (stmt, 1);
      self->start_at = _fd_stmt_dup_text (stmt, 2);
      self->end_at = _fd_stmt_dup_text (stmt, 3);
      self->room_id = _fd_stmt_dup_text (stmt, 4);
      self->place_id = _fd_stmt_dup_text (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("This slot no longer exists; it may have been deleted."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _fd_database_set_error (database, error, "reading a slot to move");
      return NULL;
    }

  stmt = _fd_database_prepare (database, staff_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Staff staff = {
        _fd_stmt_dup_text (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        _fd_stmt_dup_text (stmt, 2),
      };

      g_array_append_val (self->staff, staff);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "reading the staff of a slot to move");
      return NULL;
    }

  self->proposal = fd_slot_proposal_new_for_slot (database, slot_id, error);
  if (self->proposal == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

void
fd_slot_move_free (FdSlotMove *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->database);
  g_free (self->slot_id);
  g_free (self->session_id);
  g_free (self->start_at);
  g_free (self->end_at);
  g_free (self->room_id);
  g_free (self->place_id);
  g_clear_pointer (&self->staff, g_array_unref);
  g_clear_pointer (&self->proposal, fd_slot_proposal_free);
  g_free (self->new_room_id);
  g_free (self->new_place_id);
  g_free (self->from_trainer_id);
  g_free (self->to_trainer_id);
  g_free (self);
}

const char *
fd_slot_move_get_slot_id (FdSlotMove *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->slot_id;
}

const char *
fd_slot_move_get_session_id (FdSlotMove *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->session_id;
}

static const Staff *
find_staff (FdSlotMove *self,
            const char *trainer_id)
{
  for (guint i = 0; i < self->staff->len; i++)
    {
      const Staff *staff = &g_array_index (self->staff, Staff, i);

      if (g_strcmp0 (staff->trainer_id, trainer_id) == 0)
        return staff;
    }

  return NULL;
}

static gboolean
row_exists (FdDatabase  *database,
            const char  *sql,
            const char  *id,
            char       **first_column,
            GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && first_column != NULL)
    *first_column = _fd_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "checking the target of a move");
      return FALSE;
    }

  return rc == SQLITE_ROW;
}

static gboolean
valid_times (const char *start_at,
             const char *end_at)
{
  return start_at != NULL && end_at != NULL &&
         strlen (start_at) >= 16 && strlen (end_at) >= 16 &&
         g_strcmp0 (end_at, start_at) > 0;
}

/**
 * fd_slot_move_set_target:
 * @self: a move
 * @start_at: where the slot would start, "2026-03-03T09:15"
 * @end_at: where it would end, after @start_at
 * @lane: what @from_lane and @to_lane are
 * @from_lane: (nullable): the trainer the slot is taken from, for
 *   %FD_SLOT_LANE_TRAINER (one of its staff)
 * @to_lane: (nullable): the trainer or room it goes to
 * @error: return location for a #GError
 *
 * Sets where the slot would go. The proposal follows (for the conflict
 * check); nothing is written.
 *
 * Returns: %FALSE with @error set (%FD_VALIDATION_ERROR, naming the field)
 *   if the target cannot be: an end before the start, a trainer who is not
 *   on the slot or already on it, a deleted trainer or room
 */
gboolean
fd_slot_move_set_target (FdSlotMove  *self,
                         const char  *start_at,
                         const char  *end_at,
                         FdSlotLane   lane,
                         const char  *from_lane,
                         const char  *to_lane,
                         GError     **error)
{
  g_autofree char *place_id = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!valid_times (start_at, end_at))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "end_at", "%s",
                          _("The slot must end after it starts."));
      return FALSE;
    }

  g_clear_pointer (&self->new_room_id, g_free);
  g_clear_pointer (&self->new_place_id, g_free);
  g_clear_pointer (&self->from_trainer_id, g_free);
  g_clear_pointer (&self->to_trainer_id, g_free);

  fd_slot_proposal_free (self->proposal);
  self->proposal = fd_slot_proposal_new (self->session_id);
  self->proposal->slot_id = g_strdup (self->slot_id);
  fd_slot_proposal_set_times (self->proposal, start_at, end_at);
  fd_slot_proposal_set_place_id (self->proposal, self->place_id);
  fd_slot_proposal_set_room_id (self->proposal, self->room_id);

  if (lane == FD_SLOT_LANE_ROOM && to_lane != NULL && g_strcmp0 (to_lane, self->room_id) != 0)
    {
      if (!row_exists (self->database, room_sql, to_lane, &place_id, &local_error))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "room_id", "%s",
                                _("This room no longer exists."));
          return FALSE;
        }
      self->new_room_id = g_strdup (to_lane);
      self->new_place_id = g_steal_pointer (&place_id);
      fd_slot_proposal_set_room_id (self->proposal, self->new_room_id);
      fd_slot_proposal_set_place_id (self->proposal, self->new_place_id);
    }

  for (guint i = 0; i < self->staff->len; i++)
    {
      const Staff *staff = &g_array_index (self->staff, Staff, i);

      if (lane == FD_SLOT_LANE_TRAINER && to_lane != NULL && from_lane != NULL &&
          g_strcmp0 (staff->trainer_id, from_lane) == 0 && g_strcmp0 (from_lane, to_lane) != 0)
        continue;
      fd_slot_proposal_add_trainer (self->proposal, staff->trainer_id);
    }

  if (lane == FD_SLOT_LANE_TRAINER && to_lane != NULL && from_lane != NULL &&
      g_strcmp0 (from_lane, to_lane) != 0)
    {
      if (find_staff (self, from_lane) == NULL)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainer_id", "%s",
                              _("This trainer is no longer on the slot."));
          return FALSE;
        }
      if (find_staff (self, to_lane) != NULL)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainer_id", "%s",
                              _("This trainer is already on the slot."));
          return FALSE;
        }
      if (!row_exists (self->database, trainer_sql, to_lane, NULL, &local_error))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainer_id", "%s",
                                _("This trainer no longer exists."));
          return FALSE;
        }
      self->from_trainer_id = g_strdup (from_lane);
      self->to_trainer_id = g_strdup (to_lane);
      fd_slot_proposal_add_trainer (self->proposal, to_lane);
    }

  return TRUE;
}

/**
 * fd_slot_move_changes_dates:
 *
 * Returns: whether the target's times differ from the stored slot's
 */
gboolean
fd_slot_move_changes_dates (FdSlotMove *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_strcmp0 (self->proposal->start_at, self->start_at) != 0 ||
         g_strcmp0 (self->proposal->end_at, self->end_at) != 0;
}

/**
 * fd_slot_move_changes_nothing:
 *
 * Returns: whether the target is where the slot already is
 */
gboolean
fd_slot_move_changes_nothing (FdSlotMove *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return !fd_slot_move_changes_dates (self) && self->new_room_id == NULL &&
         self->to_trainer_id == NULL;
}

/**
 * fd_slot_move_get_proposal:
 *
 * Returns: (transfer none): the slot as the target would have it
 */
const FdSlotProposal *
fd_slot_move_get_proposal (FdSlotMove *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->proposal;
}

/**
 * fd_slot_move_check:
 * @self: a move
 * @user: (nullable): who moves it, %NULL for the database's user
 * @refused: (out) (optional): set to %TRUE when the move will be refused
 *   (the session's dates are locked for @user), %FALSE when it may be
 *   dropped, conflicts and all
 *
 * What the drop would cause, as the pointer moves: the lock first, then
 * the first conflict not kept with a reason.
 *
 * Returns: (transfer full) (nullable): a translated sentence, or %NULL if
 *   the move is free
 */
char *
fd_slot_move_check (FdSlotMove *self,
                    FdUser     *user,
                    gboolean   *refused)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (refused != NULL)
    *refused = FALSE;

  if (fd_slot_move_changes_nothing (self))
    return NULL;

  return fd_slot_check_planning (self->database, user, self->proposal,
                                 fd_slot_move_changes_dates (self), refused);
}

/**
 * fd_slot_check_planning:
 * @database: a #FdDatabase
 * @user: (nullable): who plans, %NULL for the database's user
 * @proposal: the slot as it would be
 * @check_lock: whether the session's date lock applies (the times or
 *   dates change, or a slot is added)
 * @refused: (out) (optional): set to %TRUE when core will refuse it (the
 *   session's dates are locked for @user), else %FALSE
 *
 * What planning a slot there would cause, for a drag as it moves and a
 * new slot before it is planned: the lock first, then the first conflict
 * not kept with a reason, from the one conflict API.
 *
 * Returns: (transfer full) (nullable): a translated sentence, or %NULL if
 *   the slot is free
 */
char *
fd_slot_check_planning (FdDatabase           *database,
                        FdUser               *user,
                        const FdSlotProposal *proposal,
                        gboolean              check_lock,
                        gboolean             *refused)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  char *lock;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (proposal != NULL, NULL);

  if (refused != NULL)
    *refused = FALSE;

  if (user == NULL)
    user = fd_database_get_user (database);

  lock = check_lock ? fd_roles_explain_session_lock (database, user, proposal->session_id) : NULL;
  if (lock != NULL)
    {
      if (refused != NULL)
        *refused = TRUE;
      return lock;
    }

  conflicts = fd_conflicts_check_proposal (database, proposal, &error);
  if (conflicts == NULL)
    return g_strdup (error->message);

  for (guint i = 0; i < conflicts->len; i++)
    {
      FdConflict *conflict = g_ptr_array_index (conflicts, i);

      if (!fd_conflict_get_kept (conflict))
        return g_strdup (fd_conflict_get_message (conflict));
    }

  return NULL;
}

/**
 * fd_slot_dup_planning_question:
 * @database: a #FdDatabase
 * @place_id: (nullable): the slot's place, whose department's holidays count
 * @start_at: the slot's start, "2026-03-03T09:00"
 * @end_at: its end
 *
 * Whether planning a slot there should be confirmed first, for a drop in
 * the calendar or a slot created there: on a public holiday of its place
 * (auditors reject attendance dated on one), on a Sunday, starting before
 * 07:00 or ending after 21:00 (or on another day).
 *
 * Returns: (transfer full) (nullable): the translated question, or %NULL
 */
char *
fd_slot_dup_planning_question (FdDatabase *database,
                               const char *place_id,
                               const char *start_at,
                               const char *end_at)
{
  g_autofree char *holiday = NULL;
  int start_minutes, end_minutes;
  GDate day;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  if (!valid_times (start_at, end_at))
    return NULL;

  if (fd_holidays_check_slot (database, place_id, start_at, &holiday, NULL) && holiday != NULL)
    /* Translators: %s is a public holiday, as in "Whit Monday" */
    return g_strdup_printf (_("This slot would be on a public holiday (%s): attendance dated "
                              "on it is rejected by auditors. Plan it there?"), holiday);

  start_minutes = (int) g_ascii_strtoll (start_at + 11, NULL, 10) * 60 +
                  (int) g_ascii_strtoll (start_at + 14, NULL, 10);
  end_minutes = (int) g_ascii_strtoll (end_at + 11, NULL, 10) * 60 +
                (int) g_ascii_strtoll (end_at + 14, NULL, 10);

  g_date_clear (&day, 1);
  if (g_date_valid_dmy ((GDateDay) g_ascii_strtoll (start_at + 8, NULL, 10),
                        (GDateMonth) g_ascii_strtoll (start_at + 5, NULL, 10),
                        (GDateYear) g_ascii_strtoll (start_at, NULL, 10)))
    g_date_set_dmy (&day,
                    (GDateDay) g_ascii_strtoll (start_at + 8, NULL, 10),
                    (GDateMonth) g_ascii_strtoll (start_at + 5, NULL, 10),
                    (GDateYear) g_ascii_strtoll (start_at, NULL, 10));

  if (g_date_valid (&day) && g_date_get_weekday (&day) == G_DATE_SUNDAY)
    return g_strdup (_("This slot would be on a Sunday, outside working hours. Plan it there?"));

  if (start_minutes < WORKDAY_START || strncmp (start_at, end_at, 10) != 0 ||
      end_minutes > WORKDAY_END)
    return g_strdup (_("This slot would be outside working hours (07:00 to 21:00). Plan it there?"));

  return NULL;
}

/**
 * fd_slot_move_dup_question:
 *
 * Whether a drop there should be confirmed first (see
 * fd_slot_dup_planning_question()); never when the times stay.
 *
 * Returns: (transfer full) (nullable): the translated question, or %NULL
 */
char *
fd_slot_move_dup_question (FdSlotMove *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!fd_slot_move_changes_dates (self))
    return NULL;

  return fd_slot_dup_planning_question (self->database, self->proposal->place_id,
                                        self->proposal->start_at, self->proposal->end_at);
}

/**
 * fd_slot_move_build_changes:
 * @self: a move
 * @error: return location for a #GError
 *
 * The edit that applies the target: the slot's times and room (and place),
 * the staff row of the trainer replaced, each at the revision read when
 * the move started.
 *
 * Returns: (transfer full) (element-type FdChange): the changes, empty if
 *   the move changes nothing
 */
GPtrArray *
fd_slot_move_build_changes (FdSlotMove  *self,
                            GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (fd_slot_move_changes_dates (self) || self->new_room_id != NULL)
    {
      FdChange *change = fd_change_new_update ("slot", self->slot_id, self->revision);

      if (fd_slot_move_changes_dates (self))
        {
          fd_change_set_string (change, "start_at", self->proposal->start_at);
          fd_change_set_string (change, "end_at", self->proposal->end_at);
        }
      if (self->new_room_id != NULL)
        {
          fd_change_set_string (change, "room_id", self->new_room_id);
          if (g_strcmp0 (self->new_place_id, self->place_id) != 0)
            fd_change_set_string (change, "place_id", self->new_place_id);
        }
      g_ptr_array_add (changes, change);
    }

  if (self->to_trainer_id != NULL)
    {
      const Staff *staff = find_staff (self, self->from_trainer_id);
      FdChange *change;

      g_assert (staff != NULL);
      change = fd_change_new_update ("slot_staff", staff->id, staff->revision);
      fd_change_set_string (change, "trainer_id", self->to_trainer_id);
      g_ptr_array_add (changes, change);
    }

  return g_steal_pointer (&changes);
}
