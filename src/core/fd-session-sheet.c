/* fd-session-sheet.c — everything about one session, read at once
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-session-sheet.h"

#include "fd-database-private.h"

#include <string.h>

static const char session_sql[] =
  "SELECT s.id, s.code, s.year, s.label, s.kind, s.status, s.published,"
  " s.training_id, t.code, t.title, s.client_id, c.name, s.organisation_id, o.name,"
  " s.certification_id, ce.name, s.evaluation_id, ev.name, s.evaluation,"
  " s.external_reference, s.population, s.capacity_min, s.capacity_target,"
  " s.capacity_max, s.dispositif, s.eligible_funding, s.price_cents, s.commission_bp,"
  " s.comments, s.notice_comment, s.organisation_comment, s.calendar_invitations,"
  " s.survey_config, s.planned_start_on, s.planned_end_on,"
  " (SELECT count (*) FROM enrollment e WHERE e.session_id = s.id AND e.deleted = 0"
  "  AND e.status NOT IN ('withdrawn', 'cancelled'))"
  " FROM session s"
  " LEFT JOIN training t ON t.id = s.training_id"
  " LEFT JOIN client c ON c.id = s.client_id"
  " LEFT JOIN organisation o ON o.id = s.organisation_id"
  " LEFT JOIN certification ce ON ce.id = s.certification_id"
  " LEFT JOIN evaluation ev ON ev.id = s.evaluation_id"
  " WHERE s.id = ?1 AND s.deleted = 0";

static const char populations_sql[] =
  "SELECT p.name FROM session_population sp JOIN population p ON p.id = sp.population_id"
  " WHERE sp.session_id = ?1 AND sp.deleted = 0 AND p.deleted = 0 ORDER BY p.name";

static const char sequences_sql[] =
  "SELECT id, position, label, modality, url, status, prework, survey_config"
  " FROM sequence WHERE session_id = ?1 AND deleted = 0 ORDER BY position, rowid";

static const char slots_sql[] =
  "SELECT sl.id, sl.sequence_id, sl.start_at, sl.end_at, sl.break_minutes,"
  " sl.place_id, p.name, sl.room_id, r.name, sl.comments"
  " FROM slot sl"
  " LEFT JOIN place p ON p.id = sl.place_id"
  " LEFT JOIN room r ON r.id = sl.room_id"
  " WHERE sl.session_id = ?1 AND sl.deleted = 0"
  " ORDER BY sl.start_at, sl.end_at, sl.id";

static const char staff_sql[] =
  "SELECT ss.slot_id, ss.trainer_id, tr.first_name, tr.last_name, tr.email, ss.role"
  " FROM slot sl"
  " JOIN slot_staff ss ON ss.slot_id = sl.id"
  " LEFT JOIN trainer tr ON tr.id = ss.trainer_id"
  " WHERE sl.session_id = ?1 AND sl.deleted = 0 AND ss.deleted = 0"
  " ORDER BY CASE ss.role WHEN 'trainer' THEN 0 WHEN 'co_trainer' THEN 1 ELSE 2 END,"
  " tr.sort_key, ss.id";

static const char costs_sql[] =
  "SELECT c.id, c.type, c.amount_cents, c.distribution, c.quantity, c.provider,"
  " (SELECT count (*) FROM attachment a WHERE a.owner_entity = 'cost'"
  "  AND a.owner_id = c.id AND a.deleted = 0) + (c.attachment_sha256 IS NOT NULL)"
  " FROM cost c WHERE c.session_id = ?1 AND c.deleted = 0 ORDER BY c.rowid";

static const char emails_sql[] =
  "SELECT e.id, e.kind, t.name, e.enabled, e.anchor, e.offset_minutes, e.recipients,"
  " e.cc, e.bcc"
  " FROM session_email e LEFT JOIN email_template t ON t.id = e.template_id"
  " WHERE e.session_id = ?1 AND e.deleted = 0 ORDER BY e.rowid";

static const char email_attachments_sql[] =
  "SELECT a.owner_id, a.file_name, a.mime_type, a.blob_sha256"
  " FROM session_email e JOIN attachment a ON a.owner_id = e.id"
  " WHERE e.session_id = ?1 AND e.deleted = 0 AND a.owner_entity = 'session_email'"
  " AND a.deleted = 0 ORDER BY a.rowid";

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
staff_free (FdSessionSheetStaff *staff)
{
  g_free (staff->trainer_id);
  g_free (staff->first_name);
  g_free (staff->last_name);
  g_free (staff->email);
  g_free (staff->role);
  g_free (staff);
}

static void
slot_free (FdSessionSheetSlot *slot)
{
  g_free (slot->id);
  g_free (slot->start_at);
  g_free (slot->end_at);
  g_free (slot->place_id);
  g_free (slot->place_name);
  g_free (slot->room_id);
  g_free (slot->room_name);
  g_free (slot->comments);
  g_ptr_array_unref (slot->staff);
  g_free (slot);
}

static void
sequence_free (FdSessionSheetSequence *sequence)
{
  g_free (sequence->id);
  g_free (sequence->label);
  g_free (sequence->modality);
  g_free (sequence->url);
  g_free (sequence->status);
  g_free (sequence->survey_config);
  g_ptr_array_unref (sequence->slots);
  g_free (sequence);
}

static void
cost_free (FdSessionSheetCost *cost)
{
  g_free (cost->id);
  g_free (cost->type);
  g_free (cost->distribution);
  g_free (cost->provider);
  g_free (cost);
}

static void
attachment_free (FdSessionSheetAttachment *attachment)
{
  g_free (attachment->file_name);
  g_free (attachment->mime_type);
  g_free (attachment->blob_sha256);
  g_free (attachment);
}

static void
email_free (FdSessionSheetEmail *email)
{
  g_free (email->id);
  g_free (email->kind);
  g_free (email->template_name);
  g_free (email->anchor);
  g_free (email->recipients);
  g_free (email->cc);
  g_free (email->bcc);
  g_ptr_array_unref (email->attachments);
  g_free (email);
}

/**
 * fd_session_sheet_free:
 * @sheet: (nullable): a sheet
 *
 * Frees @sheet and everything it holds.
 */
void
fd_session_sheet_free (FdSessionSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_free (sheet->id);
  g_free (sheet->code);
  g_free (sheet->label);
  g_free (sheet->kind);
  g_free (sheet->status);
  g_free (sheet->training_id);
  g_free (sheet->training_code);
  g_free (sheet->training_title);
  g_free (sheet->client_id);
  g_free (sheet->client_name);
  g_free (sheet->organisation_id);
  g_free (sheet->organisation_name);
  g_free (sheet->certification_id);
  g_free (sheet->certification_name);
  g_free (sheet->evaluation_id);
  g_free (sheet->evaluation_name);
  g_free (sheet->evaluation);
  g_free (sheet->external_reference);
  g_free (sheet->population);
  g_free (sheet->dispositif);
  g_free (sheet->comments);
  g_free (sheet->notice_comment);
  g_free (sheet->organisation_comment);
  g_free (sheet->survey_config);
  g_free (sheet->planned_start_on);
  g_free (sheet->planned_end_on);
  g_free (sheet->start_at);
  g_free (sheet->end_at);
  g_clear_pointer (&sheet->populations, g_ptr_array_unref);
  g_clear_pointer (&sheet->sequences, g_ptr_array_unref);
  g_clear_pointer (&sheet->costs, g_ptr_array_unref);
  g_clear_pointer (&sheet->emails, g_ptr_array_unref);
  g_free (sheet);
}

/* Prepares @sql with ?1 bound to @id */
static sqlite3_stmt *
prepare_for (FdDatabase  *database,
             const char  *sql,
             const char  *id,
             GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);

  return stmt;
}

/* Ends a statement stepped to @rc; FALSE with @error if it failed */
static gboolean
finish (FdDatabase    *database,
        sqlite3_stmt  *stmt,
        int            rc,
        const char    *sql,
        GError       **error)
{
  if (rc != SQLITE_DONE)
    _fd_database_set_error (database, error, sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

static void
read_session (FdSessionSheet *sheet,
              sqlite3_stmt   *stmt)
{
  sheet->id = column_dup (stmt, 0);
  sheet->code = column_dup (stmt, 1);
  sheet->year = sqlite3_column_int (stmt, 2);
  sheet->label = column_dup (stmt, 3);
  sheet->kind = column_dup (stmt, 4);
  sheet->status = column_dup (stmt, 5);
  sheet->published = sqlite3_column_int (stmt, 6) != 0;
  sheet->training_id = column_dup (stmt, 7);
  sheet->training_code = column_dup (stmt, 8);
  sheet->training_title = column_dup (stmt, 9);
  sheet->client_id = column_dup (stmt, 10);
  sheet->client_name = column_dup (stmt, 11);
  sheet->organisation_id = column_dup (stmt, 12);
  sheet->organisation_name = column_dup (stmt, 13);
  sheet->certification_id = column_dup (stmt, 14);
  sheet->certification_name = column_dup (stmt, 15);
  sheet->evaluation_id = column_dup (stmt, 16);
  sheet->evaluation_name = column_dup (stmt, 17);
  sheet->evaluation = column_dup (stmt, 18);
  sheet->external_reference = column_dup (stmt, 19);
  sheet->population = column_dup (stmt, 20);
  sheet->capacity_min = sqlite3_column_int (stmt, 21);
  sheet->capacity_target = sqlite3_column_int (stmt, 22);
  sheet->capacity_max = sqlite3_column_int (stmt, 23);
  sheet->dispositif = column_dup (stmt, 24);
  sheet->eligible_funding = sqlite3_column_int (stmt, 25) != 0;
  sheet->price_cents = sqlite3_column_int64 (stmt, 26);
  sheet->commission_bp = sqlite3_column_int (stmt, 27);
  sheet->comments = column_dup (stmt, 28);
  sheet->notice_comment = column_dup (stmt, 29);
  sheet->organisation_comment = column_dup (stmt, 30);
  sheet->calendar_invitations = sqlite3_column_int (stmt, 31) != 0;
  sheet->survey_config = column_dup (stmt, 32);
  sheet->planned_start_on = column_dup (stmt, 33);
  sheet->planned_end_on = column_dup (stmt, 34);
  sheet->n_enrolled = (guint) sqlite3_column_int (stmt, 35);
}

/* Minutes since an epoch of an ISO local date-time, -1 if it is not one */
static gint64
minutes_of (const char *iso)
{
  guint64 year;
  guint64 month;
  guint64 day;
  GDate date;

  if (iso == NULL || strlen (iso) < 16 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' ||
      iso[13] != ':')
    return -1;

  year = g_ascii_strtoull (iso, NULL, 10);
  month = g_ascii_strtoull (iso + 5, NULL, 10);
  day = g_ascii_strtoull (iso + 8, NULL, 10);
  if (year > G_MAXUINT16 || month > 12 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return -1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return (gint64) g_date_get_julian (&date) * 24 * 60 +
         (gint64) g_ascii_strtoull (iso + 11, NULL, 10) * 60 +
         (gint64) g_ascii_strtoull (iso + 14, NULL, 10);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The dates, duration and days, computed from the slots as the help
 * centre says: pre-work moves the start and the end, but its time does
 * not count in the duration (seeds/004). */
static void
compute_dates (FdSessionSheet *sheet)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < sheet->sequences->len; i++)
    {
      FdSessionSheetSequence *sequence = g_ptr_array_index (sheet->sequences, i);

      for (guint j = 0; j < sequence->slots->len; j++)
        {
          FdSessionSheetSlot *slot = g_ptr_array_index (sequence->slots, j);
          gint64 start = minutes_of (slot->start_at);
          gint64 end = minutes_of (slot->end_at);

          sheet->n_slots++;
          if (sheet->start_at == NULL || strcmp (slot->start_at, sheet->start_at) < 0)
            replace_string (&sheet->start_at, slot->start_at);
          if (sheet->end_at == NULL || strcmp (slot->end_at, sheet->end_at) > 0)
            replace_string (&sheet->end_at, slot->end_at);

          if (sequence->prework)
            continue;

          if (start >= 0 && end > start)
            sheet->duration_minutes += MAX (end - start - slot->break_minutes, 0);
          g_hash_table_add (days, g_strndup (slot->start_at, 10));
        }
    }

  sheet->n_days = g_hash_table_size (days);
}

static gboolean
read_sequences (FdDatabase      *database,
                FdSessionSheet  *sheet,
                GError         **error)
{
  g_autoptr(GHashTable) sequences = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) slots = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_for (database, sequences_sql, sheet->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdSessionSheetSequence *sequence = g_new0 (FdSessionSheetSequence, 1);

      sequence->id = column_dup (stmt, 0);
      sequence->position = sqlite3_column_int (stmt, 1);
      sequence->label = column_dup (stmt, 2);
      sequence->modality = column_dup (stmt, 3);
      sequence->url = column_dup (stmt, 4);
      sequence->status = column_dup (stmt, 5);
      sequence->prework = sqlite3_column_int (stmt, 6) != 0;
      sequence->survey_config = column_dup (stmt, 7);
      sequence->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
      g_ptr_array_add (sheet->sequences, sequence);
      g_hash_table_insert (sequences, sequence->id, sequence);
    }
  if (!finish (database, stmt, rc, sequences_sql, error))
    return FALSE;

  /* A slot whose sequence is missing or deleted is a broken row (`verify`
   * reports it): it is not part of the session's planning. */
  stmt = prepare_for (database, slots_sql, sheet->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdSessionSheetSequence *sequence;
      FdSessionSheetSlot *slot;

      sequence = g_hash_table_lookup (sequences, (const char *) sqlite3_column_text (stmt, 1));
      if (sequence == NULL)
        continue;

      slot = g_new0 (FdSessionSheetSlot, 1);
      slot->id = column_dup (stmt, 0);
      slot->start_at = column_dup (stmt, 2);
      slot->end_at = column_dup (stmt, 3);
      slot->break_minutes = sqlite3_column_int (stmt, 4);
      slot->place_id = column_dup (stmt, 5);
      slot->place_name = column_dup (stmt, 6);
      slot->room_id = column_dup (stmt, 7);
      slot->room_name = column_dup (stmt, 8);
      slot->comments = column_dup (stmt, 9);
      slot->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) staff_free);
      g_ptr_array_add (sequence->slots, slot);
      g_hash_table_insert (slots, slot->id, slot);
    }
  if (!finish (database, stmt, rc, slots_sql, error))
    return FALSE;

  stmt = prepare_for (database, staff_sql, sheet->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdSessionSheetSlot *slot;
      FdSessionSheetStaff *staff;

      slot = g_hash_table_lookup (slots, (const char *) sqlite3_column_text (stmt, 0));
      if (slot == NULL)
        continue;

      staff = g_new0 (FdSessionSheetStaff, 1);
      staff->trainer_id = column_dup (stmt, 1);
      staff->first_name = column_dup (stmt, 2);
      staff->last_name = column_dup (stmt, 3);
      staff->email = column_dup (stmt, 4);
      staff->role = column_dup (stmt, 5);
      g_ptr_array_add (slot->staff, staff);
    }

  return finish (database, stmt, rc, staff_sql, error);
}

static gboolean
read_costs_and_emails (FdDatabase      *database,
                       FdSessionSheet  *sheet,
                       GError         **error)
{
  g_autoptr(GHashTable) emails = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_for (database, costs_sql, sheet->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdSessionSheetCost *cost = g_new0 (FdSessionSheetCost, 1);

      cost->id = column_dup (stmt, 0);
      cost->type = column_dup (stmt, 1);
      cost->amount_cents = sqlite3_column_int64 (stmt, 2);
      cost->distribution = column_dup (stmt, 3);
      cost->quantity = sqlite3_column_int (stmt, 4);
      cost->provider = column_dup (stmt, 5);
      cost->n_attachments = (guint) sqlite3_column_int (stmt, 6);
      g_ptr_array_add (sheet->costs, cost);
    }
  if (!finish (database, stmt, rc, costs_sql, error))
    return FALSE;

  stmt = prepare_for (database, emails_sql, sheet->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdSessionSheetEmail *email = g_new0 (FdSessionSheetEmail, 1);

      email->id = column_dup (stmt, 0);
      email->kind = column_dup (stmt, 1);
      email->template_name = column_dup (stmt, 2);
      email->enabled = sqlite3_column_int (stmt, 3) != 0;
      email->anchor = column_dup (stmt, 4);
      email->offset_minutes = sqlite3_column_int (stmt, 5);
      email->recipients = column_dup (stmt, 6);
      email->cc = column_dup (stmt, 7);
      email->bcc = column_dup (stmt, 8);
      email->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
      g_ptr_array_add (sheet->emails, email);
      g_hash_table_insert (emails, email->id, email);
    }
  if (!finish (database, stmt, rc, emails_sql, error))
    return FALSE;

  stmt = prepare_for (database, email_attachments_sql, sheet->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdSessionSheetEmail *email;
      FdSessionSheetAttachment *attachment;

      email = g_hash_table_lookup (emails, (const char *) sqlite3_column_text (stmt, 0));
      if (email == NULL)
        continue;

      attachment = g_new0 (FdSessionSheetAttachment, 1);
      attachment->file_name = column_dup (stmt, 1);
      attachment->mime_type = column_dup (stmt, 2);
      attachment->blob_sha256 = column_dup (stmt, 3);
      g_ptr_array_add (email->attachments, attachment);
    }

  return finish (database, stmt, rc, email_attachments_sql, error);
}

/**
 * fd_session_sheet_load:
 * @database: a #FdDatabase
 * @session_id: a session
 * @error: return location for a #GError
 *
 * Reads the live session @session_id with its populations, sequences,
 * slots (place, room, staff), costs and email settings, and computes its
 * start, end, duration and days from its slots.
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 *   (%FD_DATABASE_ERROR_NOT_FOUND if the session is missing or deleted)
 */
FdSessionSheet *
fd_session_sheet_load (FdDatabase  *database,
                       const char  *session_id,
                       GError     **error)
{
  g_autoptr(FdSessionSheet) sheet = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare_for (database, session_sql, session_id, error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      g_set_error_literal (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                           _("This session no longer exists; it may have been deleted."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      finish (database, stmt, rc, session_sql, error);
      return NULL;
    }

  sheet = g_new0 (FdSessionSheet, 1);
  read_session (sheet, stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  sheet->populations = g_ptr_array_new_with_free_func (g_free);
  sheet->sequences = g_ptr_array_new_with_free_func ((GDestroyNotify) sequence_free);
  sheet->costs = g_ptr_array_new_with_free_func ((GDestroyNotify) cost_free);
  sheet->emails = g_ptr_array_new_with_free_func ((GDestroyNotify) email_free);

  stmt = prepare_for (database, populations_sql, session_id, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sheet->populations, column_dup (stmt, 0));
  if (!finish (database, stmt, rc, populations_sql, error))
    return NULL;

  if (!read_sequences (database, sheet, error) ||
      !read_costs_and_emails (database, sheet, error))
    return NULL;

  compute_dates (sheet);

  return g_steal_pointer (&sheet);
}
