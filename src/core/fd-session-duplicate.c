/* fd-session-duplicate.c — a new session from an existing one, on new dates
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-duplicate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-session-duplicate.h"

#include "fd-change-private.h"
#include "fd-database-private.h"
#include "fd-validate.h"

/*
 * What a duplicate takes from its original is the help centre's list
 * (seeds/004, « Dupliquer une session »): the creation form's data, the
 * sequences with their survey configuration, and the email settings. It
 * gets a new code for its year, is a draft, and its workflow starts again
 * at "created". Slots, costs, fundings, participants, attendance,
 * certifications, documents, survey results and history stay behind: the
 * duplicate is planned anew.
 *
 * The columns are listed here rather than taken from the schema, so that a
 * column added later is not copied by accident; tests/test-sessions.c
 * fails when a session column is neither copied nor known to be left out.
 */

/* The creation form's data. Not copied: code (a new one is generated for
 * the year), year, status, published and the planned dates (set below),
 * and external_reference, which names a partner's session: a copy is not
 * that session. */
static const char * const session_columns[] = {
  "training_id", "label", "kind", "client_id", "organisation_id", "population",
  "capacity_min", "capacity_target", "capacity_max", "dispositif", "eligible_funding",
  "price_cents", "commission_bp", "certification_id", "evaluation", "evaluation_id",
  "comments", "notice_comment", "organisation_comment", "calendar_invitations",
  "survey_config",
  NULL
};

static const char * const sequence_columns[] = {
  "position", "label", "modality", "url", "status", "prework", "survey_config", NULL
};

static const char * const email_columns[] = {
  "template_id", "kind", "enabled", "anchor", "offset_minutes", "recipients", "cc", "bcc", NULL
};

static const char * const attachment_columns[] = {
  "owner_entity", "blob_sha256", "file_name", "mime_type", NULL
};

static const char * const population_columns[] = {
  "population_id", NULL
};

/* Sets each column of the current row of @stmt, from @first on, in
 * @change under its name in @columns; NULL values are left unset. */
static void
copy_values (sqlite3_stmt       *stmt,
             int                 first,
             const char * const *columns,
             FdChange           *change)
{
  for (int i = 0; columns[i] != NULL; i++)
    {
      int column = first + i;

      switch (sqlite3_column_type (stmt, column))
        {
        case SQLITE_INTEGER:
          fd_change_set_int (change, columns[i], sqlite3_column_int64 (stmt, column));
          break;

        case SQLITE_FLOAT:
          fd_change_set_double (change, columns[i], sqlite3_column_double (stmt, column));
          break;

        case SQLITE_TEXT:
        case SQLITE_BLOB:
          fd_change_set_string (change, columns[i],
                                (const char *) sqlite3_column_text (stmt, column));
          break;

        case SQLITE_NULL:
        default:
          break;
        }
    }
}

static char *
select_sql (const char         *table,
            const char * const *columns,
            const char         *where,
            const char         *order)
{
  g_autofree char *list = g_strjoinv (", ", (char **) columns);

  /* Every part is a constant of this file: no user text in the SQL */
  return g_strdup_printf ("SELECT id, %s FROM %s WHERE %s AND deleted = 0 ORDER BY %s",
                          list, table, where, order);
}

/* Appends to @changes a copy of each live row of @table whose @where
 * (with ?1 bound to @parent_id) holds, its @parent_column set to
 * @new_parent_id. The original ids are added to @old_ids and the copies'
 * to @new_ids when these are not NULL. */
static gboolean
copy_children (FdDatabase         *database,
               const char         *table,
               const char * const *columns,
               const char         *where,
               const char         *order,
               const char         *parent_id,
               const char         *parent_column,
               const char         *new_parent_id,
               GPtrArray          *changes,
               GPtrArray          *old_ids,
               GPtrArray          *new_ids,
               GError            **error)
{
  g_autofree char *sql = select_sql (table, columns, where, order);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _fd_database_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdChange *change = fd_change_new_create (table);

      fd_change_set_string (change, parent_column, new_parent_id);
      copy_values (stmt, 1, columns, change);
      if (old_ids != NULL)
        g_ptr_array_add (old_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (new_ids != NULL)
        g_ptr_array_add (new_ids, g_strdup (fd_change_get_id (change)));
      g_ptr_array_add (changes, change);
    }

  if (rc != SQLITE_DONE)
    _fd_database_set_error (database, error, sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

/* The new session's row, or NULL with @error set when the original is not
 * a live session. */
static FdChange *
copy_session (FdDatabase  *database,
              const char  *session_id,
              GError     **error)
{
  g_autofree char *sql = select_sql ("session", session_columns, "id = ?1", "id");
  g_autoptr(FdChange) change = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _fd_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      change = fd_change_new_create ("session");
      copy_values (stmt, 1, session_columns, change);
    }
  else if (rc == SQLITE_DONE)
    fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "session_id",
                        _("The session to duplicate no longer exists; it may have been deleted."));
  else
    _fd_database_set_error (database, error, sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return g_steal_pointer (&change);
}

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", (int) g_date_get_year (date),
                          (int) g_date_get_month (date), (int) g_date_get_day (date));
}

static gboolean
check_arguments (int           year,
                 const GDate  *start,
                 const GDate  *end,
                 GError      **error)
{
  if (year < FD_SESSION_YEAR_MIN || year > FD_SESSION_YEAR_MAX)
    {
      /* Translators: %1$d is the year typed, %2$d and %3$d the range allowed */
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "year",
                          _("The year %1$d is not between %2$d and %3$d."),
                          year, FD_SESSION_YEAR_MIN, FD_SESSION_YEAR_MAX);
      return FALSE;
    }

  if (start == NULL || !g_date_valid (start))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "planned_start_on",
                          _("The start date is required."));
      return FALSE;
    }

  if (end == NULL || !g_date_valid (end))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "planned_end_on",
                          _("The end date is required."));
      return FALSE;
    }

  if (g_date_compare (end, start) < 0)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "planned_end_on",
                          _("The end date comes before the start date."));
      return FALSE;
    }

  return TRUE;
}

/**
 * fd_session_duplicate:
 * @database: a #FdDatabase
 * @session_id: the session to duplicate
 * @year: the year the new session is numbered in
 * @start: the first day the new session is planned for
 * @end: the last day it is planned for (@start or later)
 * @new_id: (out) (optional) (transfer full): the new session's id
 * @new_code: (out) (optional) (transfer full): its code, generated for
 *   @year ("2027-0012")
 * @error: return location for a #GError
 *
 * Creates a draft copy of @session_id planned from @start to @end: its
 * creation form's data, populations, sequences (with their survey
 * configuration) and email settings (with their attachments). Slots,
 * costs, fundings, enrollments, attendance, certifications, documents,
 * survey results and history are not copied.
 *
 * Everything is written by one fd_database_apply_all(): all or nothing.
 * A year out of range, a missing date, an end before the start or a
 * session that is missing or deleted is a %FD_VALIDATION_ERROR naming its
 * field (fd_validation_error_get_field(): "year", "planned_start_on",
 * "planned_end_on", "session_id").
 *
 * Returns: %TRUE if the session was duplicated
 */
gboolean
fd_session_duplicate (FdDatabase   *database,
                      const char   *session_id,
                      int           year,
                      const GDate  *start,
                      const GDate  *end,
                      char        **new_id,
                      char        **new_code,
                      GError      **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GPtrArray) old_emails = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new_emails = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start_on = NULL;
  g_autofree char *end_on = NULL;
  FdChange *session;
  const char *id;
  const FdChangeField *code;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_arguments (year, start, end, error))
    return FALSE;

  session = copy_session (database, session_id, error);
  if (session == NULL)
    return FALSE;
  g_ptr_array_add (changes, session);
  id = fd_change_get_id (session);

  start_on = iso_date (start);
  end_on = iso_date (end);
  fd_change_set_int (session, "year", year);
  fd_change_set_string (session, "status", "created");
  fd_change_set_bool (session, "published", FALSE);
  fd_change_set_string (session, "planned_start_on", start_on);
  fd_change_set_string (session, "planned_end_on", end_on);

  if (!copy_children (database, "session_population", population_columns,
                      "session_id = ?1", "rowid", session_id, "session_id", id,
                      changes, NULL, NULL, error) ||
      !copy_children (database, "sequence", sequence_columns,
                      "session_id = ?1", "position, rowid", session_id, "session_id", id,
                      changes, NULL, NULL, error) ||
      !copy_children (database, "session_email", email_columns,
                      "session_id = ?1", "rowid", session_id, "session_id", id,
                      changes, old_emails, new_emails, error))
    return FALSE;

  for (guint i = 0; i < old_emails->len; i++)
    if (!copy_children (database, "attachment", attachment_columns,
                        "owner_entity = 'session_email' AND owner_id = ?1", "rowid",
                        g_ptr_array_index (old_emails, i), "owner_id",
                        g_ptr_array_index (new_emails, i),
                        changes, NULL, NULL, error))
      return FALSE;

  if (!fd_database_apply_all (database, changes, error))
    return FALSE;

  code = _fd_change_lookup (session, "code");
  if (new_id != NULL)
    *new_id = g_strdup (id);
  if (new_code != NULL)
    *new_code = g_strdup (code != NULL && code->type == FD_FIELD_TEXT ? code->v.text : NULL);

  return TRUE;
}
