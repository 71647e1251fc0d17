/* fd-queries.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-queries"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-queries.h"

#include "fd-database-private.h"
#include "fd-models-private.h"
#include "fd-text.h"

#include <string.h>

/* Slots whose session was deleted are not shown, but a slot pulled before
 * its session (SYNC.md) is. */
#define LIVE_SLOT "sl.deleted = 0 AND coalesce (se.deleted, 0) = 0"

/* A calendar page: the slots of the range with what their chips show; the
 * names of sessions and places are looked up once each (see
 * fd_database_list_calendar_slots). */
static const char range_slots_sql[] =
  "SELECT sl.id, sl.revision, sl.session_id, sl.start_at, sl.end_at,"
  " sl.break_minutes, sl.place_id, sl.room_id"
  " FROM slot sl WHERE sl.start_at >= ?1 AND sl.start_at < ?2 AND sl.deleted = 0";

/* The staff of a calendar page's slots, in one pass over the range: ids of
 * every role (the resource lanes and the filters), names of the trainers
 * and co-trainers (what a block shows), trainers first. */
static const char range_staff_sql[] =
  "SELECT ss.slot_id, ss.trainer_id, ss.role,"
  " st.first_name || ' ' || st.last_name"
  " FROM slot sl"
  " CROSS JOIN slot_staff ss ON ss.slot_id = sl.id AND ss.deleted = 0"
  " CROSS JOIN trainer st ON st.id = ss.trainer_id AND st.deleted = 0"
  " WHERE sl.start_at >= ?1 AND sl.start_at < ?2 AND sl.deleted = 0"
  " ORDER BY ss.slot_id, ss.role <> 'trainer', st.sort_key";

/* Each returns up to two names and whether the row is deleted */
static const char session_names_sql[] = "SELECT code, label, deleted FROM session WHERE id = ?1";
static const char place_names_sql[] = "SELECT name, NULL, deleted FROM place WHERE id = ?1";
static const char room_names_sql[] = "SELECT name, NULL, deleted FROM room WHERE id = ?1";

static const char slot_sql[] = FD_SLOT_SELECT " WHERE sl.id = ?1 AND " LIVE_SLOT;

static const char session_slots_sql[] =
  FD_SLOT_SELECT
  " WHERE sl.session_id = ?1 AND sl.deleted = 0"
  " ORDER BY sl.start_at, sl.end_at";

static const char session_enrollments_sql[] =
  FD_ENROLLMENT_SELECT
  " WHERE e.session_id = ?1 AND e.deleted = 0"
  " ORDER BY te.sort_key, e.id";

/* Any role counts: a host has to be there too. */
static const char trainer_slots_sql[] =
  FD_SLOT_SELECT
  " WHERE sl.id IN (SELECT ss.slot_id FROM slot_staff ss"
  "                 WHERE ss.trainer_id = ?1 AND ss.deleted = 0)"
  " AND sl.start_at >= ?2 AND " LIVE_SLOT
  " ORDER BY sl.start_at, sl.end_at"
  " LIMIT ?3";

/* Most recent first; sessions not planned yet (no start date) last. Column
 * 10 is the start date of FD_ENROLLMENT_SELECT. */
static const char trainee_enrollments_sql[] =
  FD_ENROLLMENT_SELECT
  " WHERE e.trainee_id = ?1 AND e.deleted = 0 AND coalesce (se.deleted, 0) = 0"
  " ORDER BY 10 DESC, se.code DESC";

static const char session_sql[] = FD_SESSION_SELECT " WHERE s.id = ?1 AND s.deleted = 0";
static const char trainer_sql[] = FD_TRAINER_SELECT " WHERE tr.id = ?1 AND tr.deleted = 0";
static const char trainee_sql[] = FD_TRAINEE_SELECT " WHERE te.id = ?1 AND te.deleted = 0";
static const char client_sql[] = FD_CLIENT_SELECT " WHERE c.id = ?1 AND c.deleted = 0";

typedef gpointer (*BuildFunc) (sqlite3_stmt *stmt);

static gpointer
build_slot (sqlite3_stmt *stmt)
{
  return _fd_slot_new_from_stmt (stmt);
}

static gpointer
build_enrollment (sqlite3_stmt *stmt)
{
  return _fd_enrollment_new_from_stmt (stmt);
}

static gpointer
build_session (sqlite3_stmt *stmt)
{
  return _fd_session_new_from_stmt (stmt);
}

static gpointer
build_trainer (sqlite3_stmt *stmt)
{
  return _fd_trainer_new_from_stmt (stmt);
}

static gpointer
build_trainee (sqlite3_stmt *stmt)
{
  return _fd_trainee_new_from_stmt (stmt);
}

static gpointer
build_client (sqlite3_stmt *stmt)
{
  return _fd_client_new_from_stmt (stmt);
}

static void
release_statement (sqlite3_stmt *stmt)
{
  /* Ends the statement's read transaction and drops borrowed bindings */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Steps through @stmt, whose parameters are bound, building an object of
 * each row with @build. Releases @stmt. */
static GPtrArray *
collect_rows (FdDatabase    *self,
              sqlite3_stmt  *stmt,
              BuildFunc      build,
              const char    *what,
              GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_assert (FD_IS_DATABASE (self));
  g_assert (stmt != NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, build (stmt));

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, what);
      release_statement (stmt);
      return NULL;
    }

  release_statement (stmt);

  return g_steal_pointer (&rows);
}

/* Reads the live row of @id with @sql and @build, or sets
 * FD_DATABASE_ERROR_NOT_FOUND with @not_found as its message. */
static gpointer
get_row (FdDatabase  *self,
         const char  *sql,
         const char  *id,
         BuildFunc    build,
         const char  *what,
         const char  *not_found,
         GError     **error)
{
  sqlite3_stmt *stmt;
  gpointer row = NULL;
  int rc;

  g_assert (FD_IS_DATABASE (self));
  g_assert (id != NULL);

  stmt = _fd_database_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = build (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND, not_found);
  else
    _fd_database_set_error (self, error, what);

  release_statement (stmt);

  return row;
}

/* The names of a row of a calendar page's slots */
typedef struct
{
  char *first;   /* a name, a code */
  char *second;  /* a label, a sort key */
  gboolean found;
  gboolean deleted;
} Names;

static void
names_free (Names *names)
{
  g_free (names->first);
  g_free (names->second);
  g_free (names);
}

static GHashTable *
names_memo_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) names_free);
}

/* The names of row @id, looked up once per call of the caller */
static const Names *
lookup_names (FdDatabase  *self,
              GHashTable  *memo,
              const char  *sql,
              const char  *id)
{
  Names *names;
  sqlite3_stmt *stmt;

  if (id == NULL)
    return NULL;

  names = g_hash_table_lookup (memo, id);
  if (names != NULL)
    return names;

  names = g_new0 (Names, 1);
  stmt = _fd_database_prepare (self, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          names->found = TRUE;
          names->first = _fd_stmt_dup_text (stmt, 0);
          names->second = _fd_stmt_dup_text (stmt, 1);
          names->deleted = sqlite3_column_int (stmt, 2) != 0;
        }
      sqlite3_reset (stmt);
    }
  g_hash_table_insert (memo, g_strdup (id), names);

  return names;
}

static const char *
live_first (const Names *names)
{
  return names != NULL && !names->deleted ? names->first : NULL;
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  FdSlot *x = *(FdSlot * const *) a;
  FdSlot *y = *(FdSlot * const *) b;
  int order;

  order = g_strcmp0 (fd_slot_get_start_at (x), fd_slot_get_start_at (y));
  if (order == 0)
    order = g_strcmp0 (fd_slot_get_end_at (x), fd_slot_get_end_at (y));
  if (order == 0)
    order = g_strcmp0 (fd_slot_get_session_code (x), fd_slot_get_session_code (y));

  return order;
}

typedef struct
{
  GPtrArray *ids;    /* of char *, NULL-terminated once read */
  GString *names;    /* trainers and co-trainers, ", "-separated */
} Staff;

static void
staff_free (Staff *staff)
{
  g_ptr_array_unref (staff->ids);
  g_string_free (staff->names, TRUE);
  g_free (staff);
}

/* Reads the staff of the slots starting in [@from, @to): slot id → Staff */
static GHashTable *
read_range_staff (FdDatabase  *self,
                  const char  *from,
                  const char  *to,
                  GError     **error)
{
  g_autoptr(GHashTable) staff = NULL;
  sqlite3_stmt *stmt;
  Staff *current = NULL;
  GHashTableIter iter;
  int rc;

  stmt = _fd_database_prepare (self, range_staff_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);

  staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) staff_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *slot_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *role = (const char *) sqlite3_column_text (stmt, 2);

      if (slot_id == NULL)
        continue;

      current = g_hash_table_lookup (staff, slot_id);
      if (current == NULL)
        {
          current = g_new0 (Staff, 1);
          current->ids = g_ptr_array_new_with_free_func (g_free);
          current->names = g_string_new (NULL);
          g_hash_table_insert (staff, g_strdup (slot_id), current);
        }

      g_ptr_array_add (current->ids, _fd_stmt_dup_text (stmt, 1));
      if (g_strcmp0 (role, "host") != 0)
        {
          g_autofree char *name = _fd_stmt_dup_text (stmt, 3);

          if (current->names->len > 0)
            g_string_append (current->names, ", ");
          g_string_append (current->names, name);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, "listing the staff of slots between dates");
      return NULL;
    }

  g_hash_table_iter_init (&iter, staff);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &current))
    g_ptr_array_add (current->ids, NULL);

  return g_steal_pointer (&staff);
}

/**
 * fd_database_list_calendar_slots:
 * @self: a #FdDatabase
 * @from: the first local date-time included ("2026-03-01T00:00")
 * @to: the first local date-time excluded
 * @error: return location for a #GError
 *
 * Lists the live slots starting in [@from, @to), in time order, with what
 * a calendar page shows of each: times, session code and label, place,
 * room, and staff (ids of every role, names of the trainers). Slots of
 * deleted sessions are left out, but a slot pulled before its session is
 * shown.
 *
 * The sequence of these slots is not read, so its label is %NULL:
 * fd_database_get_slot() reads a whole slot when it is opened.
 *
 * The slots that share a session, a place or a room look its names up
 * once, rather than once per slot as a join would, and the staff of the
 * whole range is read in one pass.
 *
 * Returns: (transfer full) (element-type FdSlot): the slots, or %NULL
 */
GPtrArray *
fd_database_list_calendar_slots (FdDatabase  *self,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error)
{
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GHashTable) sessions = names_memo_new ();
  g_autoptr(GHashTable) places = names_memo_new ();
  g_autoptr(GHashTable) rooms = names_memo_new ();
  g_autoptr(GHashTable) staff = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  staff = read_range_staff (self, from, to, error);
  if (staff == NULL)
    return NULL;

  stmt = _fd_database_prepare (self, range_slots_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);

  slots = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *session_id = (const char *) sqlite3_column_text (stmt, 2);
      const Names *session = lookup_names (self, sessions, session_names_sql, session_id);
      const Staff *slot_staff;
      FdSlotRow row = { 0 };

      if (session != NULL && session->deleted)
        continue;

      row.id = (const char *) sqlite3_column_text (stmt, 0);
      row.revision = sqlite3_column_int64 (stmt, 1);
      row.session_id = session_id;
      row.session_code = session != NULL ? session->first : NULL;
      row.session_label = session != NULL ? session->second : NULL;
      row.start_at = (const char *) sqlite3_column_text (stmt, 3);
      row.end_at = (const char *) sqlite3_column_text (stmt, 4);
      row.break_minutes = (guint) CLAMP (sqlite3_column_int64 (stmt, 5), 0, G_MAXUINT);
      row.place_id = (const char *) sqlite3_column_text (stmt, 6);
      row.place_name = live_first (lookup_names (self, places, place_names_sql, row.place_id));
      row.room_id = (const char *) sqlite3_column_text (stmt, 7);
      row.room_name = live_first (lookup_names (self, rooms, room_names_sql, row.room_id));
      slot_staff = row.id != NULL ? g_hash_table_lookup (staff, row.id) : NULL;
      if (slot_staff != NULL)
        {
          row.trainer_ids = (const char * const *) slot_staff->ids->pdata;
          row.trainer_names = slot_staff->names->len > 0 ? slot_staff->names->str : NULL;
        }

      g_ptr_array_add (slots, _fd_slot_new_from_row (&row));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, "listing slots between dates");
      return NULL;
    }

  g_ptr_array_sort (slots, compare_slots);

  return g_steal_pointer (&slots);
}

/**
 * fd_database_get_slot:
 * @self: a #FdDatabase
 * @id: the id of a slot
 * @error: return location for a #GError
 *
 * Reads a whole live slot: its session, sequence, place, room and
 * trainers' names as well as its times.
 *
 * Returns: (transfer full): the slot, or %NULL with
 *   %FD_DATABASE_ERROR_NOT_FOUND if there is no such live slot in a live
 *   session
 */
FdSlot *
fd_database_get_slot (FdDatabase  *self,
                      const char  *id,
                      GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return get_row (self, slot_sql, id, build_slot, "reading a slot",
                  _("This slot does not exist or was deleted."), error);
}

/**
 * fd_database_list_session_slots:
 * @self: a #FdDatabase
 * @session_id: the id of a session
 * @error: return location for a #GError
 *
 * Lists the live slots of a session, in time order.
 *
 * Returns: (transfer full) (element-type FdSlot): the slots, or %NULL
 */
GPtrArray *
fd_database_list_session_slots (FdDatabase  *self,
                                const char  *session_id,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (self, session_slots_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);

  return collect_rows (self, stmt, build_slot, "listing a session's slots", error);
}

/**
 * fd_database_list_session_enrollments:
 * @self: a #FdDatabase
 * @session_id: the id of a session
 * @error: return location for a #GError
 *
 * Lists the live enrollments of a session, whatever their status, sorted by
 * trainee name.
 *
 * Returns: (transfer full) (element-type FdEnrollment): the enrollments,
 *   or %NULL
 */
GPtrArray *
fd_database_list_session_enrollments (FdDatabase  *self,
                                      const char  *session_id,
                                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (self, session_enrollments_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);

  return collect_rows (self, stmt, build_enrollment,
                       "listing a session's enrollments", error);
}

/**
 * fd_database_list_trainer_slots:
 * @self: a #FdDatabase
 * @trainer_id: the id of a trainer
 * @from: (nullable): the first local date-time to include, or %NULL for
 *   all the past
 * @limit: the most slots to return, or 0 for all of them
 * @error: return location for a #GError
 *
 * Lists the live slots a trainer is staffed on (in any role) starting at or
 * after @from, in time order.
 *
 * Returns: (transfer full) (element-type FdSlot): the slots, or %NULL
 */
GPtrArray *
fd_database_list_trainer_slots (FdDatabase  *self,
                                const char  *trainer_id,
                                const char  *from,
                                guint        limit,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (trainer_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (self, trainer_slots_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, trainer_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, from != NULL ? from : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  return collect_rows (self, stmt, build_slot, "listing a trainer's slots", error);
}

/**
 * fd_database_list_trainee_enrollments:
 * @self: a #FdDatabase
 * @trainee_id: the id of a trainee
 * @error: return location for a #GError
 *
 * Lists the live enrollments of a trainee in live sessions, the most
 * recent session first.
 *
 * Returns: (transfer full) (element-type FdEnrollment): the enrollments,
 *   or %NULL
 */
GPtrArray *
fd_database_list_trainee_enrollments (FdDatabase  *self,
                                      const char  *trainee_id,
                                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (trainee_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (self, trainee_enrollments_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, trainee_id, -1, SQLITE_STATIC);

  return collect_rows (self, stmt, build_enrollment,
                       "listing a trainee's enrollments", error);
}

/**
 * fd_database_get_session:
 * @self: a #FdDatabase
 * @id: the id of a session
 * @error: return location for a #GError
 *
 * Reads a live session, with its computed dates and counts.
 *
 * Returns: (transfer full): the session, or %NULL with
 *   %FD_DATABASE_ERROR_NOT_FOUND if there is no such live session
 */
FdSession *
fd_database_get_session (FdDatabase  *self,
                         const char  *id,
                         GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return get_row (self, session_sql, id, build_session, "reading a session",
                  _("This session does not exist or was deleted."), error);
}

/**
 * fd_database_get_trainer:
 * @self: a #FdDatabase
 * @id: the id of a trainer
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the trainer, or %NULL with
 *   %FD_DATABASE_ERROR_NOT_FOUND if there is no such live trainer
 */
FdTrainer *
fd_database_get_trainer (FdDatabase  *self,
                         const char  *id,
                         GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return get_row (self, trainer_sql, id, build_trainer, "reading a trainer",
                  _("This trainer does not exist or was deleted."), error);
}

/**
 * fd_database_get_trainee:
 * @self: a #FdDatabase
 * @id: the id of a trainee
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the trainee, or %NULL with
 *   %FD_DATABASE_ERROR_NOT_FOUND if there is no such live trainee
 */
FdTrainee *
fd_database_get_trainee (FdDatabase  *self,
                         const char  *id,
                         GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return get_row (self, trainee_sql, id, build_trainee, "reading a trainee",
                  _("This trainee does not exist or was deleted."), error);
}

/**
 * fd_database_get_client:
 * @self: a #FdDatabase
 * @id: the id of a client
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the client, or %NULL with
 *   %FD_DATABASE_ERROR_NOT_FOUND if there is no such live client
 */
FdClient *
fd_database_get_client (FdDatabase  *self,
                        const char  *id,
                        GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return get_row (self, client_sql, id, build_client, "reading a client",
                  _("This client does not exist or was deleted."), error);
}


/**
 * fd_database_dup_staff_slot_id:
 * @self: a #FdDatabase
 * @staff_id: the id of a `slot_staff` row, deleted or not
 *
 * Which slot a staff row belongs to, for a view told that the row
 * changed.
 *
 * Returns: (transfer full) (nullable): the slot's id, or %NULL if there is
 *   no such row
 */
char *
fd_database_dup_staff_slot_id (FdDatabase *self,
                               const char *staff_id)
{
  sqlite3_stmt *stmt;
  char *slot_id = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (staff_id != NULL, NULL);

  stmt = _fd_database_prepare (self, "SELECT slot_id FROM slot_staff WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    slot_id = _fd_stmt_dup_text (stmt, 0);
  release_statement (stmt);

  return slot_id;
}
