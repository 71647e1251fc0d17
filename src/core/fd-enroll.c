/* fd-enroll.c — enrolling a trainee in a session, and taking them out,
 * with the calendar invitations that go with it
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-enroll"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-enroll.h"

#include "fd-change.h"
#include "fd-database-private.h"
#include "fd-invitations.h"
#include "fd-validate.h"

static const char find_trainee_sql[] =
  "SELECT id FROM trainee WHERE deleted = 0 AND email = ?1 COLLATE NOCASE ORDER BY rowid LIMIT 2";

/* What an enrollment needs to know of its session and trainee */
static const char seats_sql[] =
  "SELECT e.status = 'cancelled', e.capacity_max,"
  " (SELECT count(*) FROM enrollment n WHERE n.session_id = e.id AND n.deleted = 0"
  "  AND n.status NOT IN ('withdrawn', 'cancelled')),"
  " (SELECT client_id FROM trainee WHERE id = ?2 AND deleted = 0)"
  " FROM session e WHERE e.id = ?1 AND e.deleted = 0";

static const char enrollment_sql[] =
  "SELECT id, revision FROM enrollment WHERE session_id = ?1 AND trainee_id = ?2 AND deleted = 0"
  " ORDER BY rowid LIMIT 1";

static const char signed_sql[] =
  "SELECT EXISTS (SELECT 1 FROM attendance a JOIN slot s ON s.id = a.slot_id"
  " WHERE s.session_id = ?1 AND a.trainee_id = ?2)";

static sqlite3_stmt *
prepare_pair (FdDatabase  *database,
              const char  *sql,
              const char  *first,
              const char  *second,
              GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);

  return stmt;
}

static void
finish (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Refuses a cancelled session or a full one; the write path refuses the
 * rest (a deleted session, an outsider, a second enrollment) */
static gboolean
check_seats (FdDatabase  *database,
             const char  *session_id,
             const char  *trainee_id,
             char       **client_id,
             GError     **error)
{
  sqlite3_stmt *stmt = prepare_pair (database, seats_sql, session_id, trainee_id, error);
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 seats = sqlite3_column_int64 (stmt, 1);
      gint64 taken = sqlite3_column_int64 (stmt, 2);
      const char *client = (const char *) sqlite3_column_text (stmt, 3);

      if (sqlite3_column_int (stmt, 0) != 0)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_LOCKED, "session_id",
                              _("This session is cancelled: nobody can enroll in it."));
          ok = FALSE;
        }
      else if (taken >= seats)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "session_id",
                              ngettext ("This session is full: its %d seat is taken.",
                                        "This session is full: its %d seats are taken.",
                                        (gulong) CLAMP (seats, 0, G_MAXINT)),
                              (int) CLAMP (seats, 0, G_MAXINT));
          ok = FALSE;
        }
      *client_id = client != NULL ? g_strdup (client) : NULL;
    }
  else if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, seats_sql);
      ok = FALSE;
    }
  /* A missing session: the write path names the field */
  finish (stmt);

  return ok;
}

static gboolean
enroll (FdDatabase  *database,
        const char  *session_id,
        const char  *trainee_id,
        const char  *funder,
        char       **enrollment_id,
        GError     **error)
{
  g_autoptr(FdChange) change = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *client_id = NULL;

  if (!check_seats (database, session_id, trainee_id, &client_id, error))
    return FALSE;

  change = fd_change_new_create ("enrollment");
  fd_change_set_string (change, "session_id", session_id);
  fd_change_set_string (change, "trainee_id", trainee_id);
  fd_change_set_string (change, "status", "registered");
  fd_change_set_string (change, "enrolled_on", today);
  if (client_id != NULL)
    fd_change_set_string (change, "client_id", client_id);
  if (funder != NULL)
    fd_change_set_string (change, "funder", funder);

  if (!fd_database_apply (database, change, error) ||
      !fd_invitations_queue_for_enrollment (database, fd_change_get_id (change), error))
    return FALSE;

  if (enrollment_id != NULL)
    *enrollment_id = g_strdup (fd_change_get_id (change));

  return TRUE;
}

static gboolean
unenroll (FdDatabase  *database,
          const char  *session_id,
          const char  *trainee_id,
          GError     **error)
{
  g_autoptr(FdChange) change = NULL;
  g_autofree char *id = NULL;
  gint64 revision = 0;
  gboolean has_signed = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_pair (database, enrollment_sql, session_id, trainee_id, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      revision = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainee_id",
                        _("This trainee is not enrolled in this session."));
  else
    _fd_database_set_error (database, error, enrollment_sql);
  finish (stmt);
  if (id == NULL)
    return FALSE;

  stmt = prepare_pair (database, signed_sql, session_id, trainee_id, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    has_signed = sqlite3_column_int (stmt, 0) != 0;
  else
    _fd_database_set_error (database, error, signed_sql);
  finish (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;
  if (has_signed)
    {
      /* Attendance is evidence: it stays tied to an enrollment */
      fd_set_field_error (error, FD_VALIDATION_ERROR_LOCKED, "trainee_id",
                          _("This trainee signed attendance in this session: mark the "
                            "enrollment withdrawn instead of removing it."));
      return FALSE;
    }

  change = fd_change_new_delete ("enrollment", id, revision);

  return fd_database_apply (database, change, error) &&
         fd_invitations_queue_cancel (database, session_id, trainee_id, error);
}

/**
 * fd_enroll_find_trainee:
 * @database: a #FdDatabase
 * @email: a trainee's email address
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the id of the live trainee with @email (case
 *   ignored), or %NULL: %FD_DATABASE_ERROR_NOT_FOUND when nobody has it,
 *   %FD_DATABASE_ERROR_CONSTRAINT when several trainees share it
 */
char *
fd_enroll_find_trainee (FdDatabase  *database,
                        const char  *email,
                        GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt;
  int rows = 0;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (email != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normalized = fd_normalize_email (email);
  stmt = prepare_pair (database, find_trainee_sql, normalized != NULL ? normalized : email, NULL,
                       error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (rows++ == 0)
        id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, find_trainee_sql);
      finish (stmt);
      return NULL;
    }
  finish (stmt);

  if (rows == 0)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("There is no trainee with the address “%s”."), email);
      return NULL;
    }
  if (rows > 1)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_CONSTRAINT,
                   _("Several trainees have the address “%s”."), email);
      return NULL;
    }

  return g_steal_pointer (&id);
}

/**
 * fd_enroll_trainee:
 * @database: a #FdDatabase
 * @session_id: a live session, not cancelled, with a seat left
 * @trainee_id: a trainee
 * @funder: (nullable): who pays ("opco", "cpf"…), or %NULL
 * @enrollment_id: (out) (optional) (transfer full): the new enrollment
 * @error: return location for a #GError
 *
 * Enrolls @trainee_id in @session_id (status "registered", enrolled
 * today, the trainee's client company as the enrollment's client) and
 * queues the calendar invitations it brings
 * (fd_invitations_queue_for_enrollment()): one per sequence to the
 * trainee, and to the sequences' trainers not invited yet. Everything is
 * written in one transaction, or nothing. The demo generator writes its
 * past enrollments its own way, and queues no mail.
 *
 * Refused with a #FD_VALIDATION_ERROR naming the field
 * (fd_validation_error_get_field()): a missing or deleted session or
 * trainee, a cancelled or full session ("session_id"), a trainee outside
 * the session's populations or enrolled already ("trainee_id").
 *
 * Returns: %TRUE if the trainee was enrolled
 */
gboolean
fd_enroll_trainee (FdDatabase   *database,
                   const char   *session_id,
                   const char   *trainee_id,
                   const char   *funder,
                   char        **enrollment_id,
                   GError      **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (trainee_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fd_database_begin (database, error))
    return FALSE;
  if (!enroll (database, session_id, trainee_id, funder, &id, error))
    {
      fd_database_rollback (database);
      return FALSE;
    }
  if (!fd_database_commit (database, error))
    return FALSE;

  if (enrollment_id != NULL)
    *enrollment_id = g_steal_pointer (&id);

  return TRUE;
}

/**
 * fd_unenroll_trainee:
 * @database: a #FdDatabase
 * @session_id: a session
 * @trainee_id: a trainee enrolled in it
 * @error: return location for a #GError
 *
 * Takes @trainee_id out of @session_id: the enrollment is tombstoned
 * (deleted = 1, synced as a delete) and the trainee is sent the CANCEL of
 * each invitation they received (fd_invitations_queue_cancel()), in one
 * transaction. A trainee who signed attendance stays enrolled (evidence
 * is kept): set the enrollment's status to withdrawn instead. A session
 * whose last trainee left is not deleted; it is cancelled, if at all, by
 * its own status.
 *
 * Returns: %TRUE if the trainee was taken out; a #FD_VALIDATION_ERROR on
 *   "trainee_id" if the trainee is not enrolled or signed attendance
 */
gboolean
fd_unenroll_trainee (FdDatabase  *database,
                     const char  *session_id,
                     const char  *trainee_id,
                     GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (trainee_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fd_database_begin (database, error))
    return FALSE;
  if (!unenroll (database, session_id, trainee_id, error))
    {
      fd_database_rollback (database);
      return FALSE;
    }

  return fd_database_commit (database, error);
}
