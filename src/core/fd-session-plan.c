/* fd-session-plan.c — a session as its editor reads it
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "fd-session-plan.h"

#include "fd-database-private.h"

G_DEFINE_BOXED_TYPE (FdSessionPlan, fd_session_plan, fd_session_plan_ref, fd_session_plan_unref)

/* Every query reads by an index on session_id: sequence_session,
 * slot_session, slot_staff_slot, cost_session, attachment_owner,
 * session_email_session, enrollment_session. */

static const char session_sql[] =
  "SELECT s.id, s.revision, s.training_id, t.title, s.code, s.year, s.label, s.kind,"
  " s.organisation_id, o.name, c.name, s.status, s.published,"
  " s.capacity_min, s.capacity_target, s.capacity_max, s.dispositif, s.eligible_funding,"
  " s.certification_id, ce.name, s.evaluation_id, ev.name, s.comments, s.notice_comment,"
  " s.organisation_comment, s.calendar_invitations, s.planned_start_on, s.planned_end_on,"
  " s.price_cents, t.code, s.client_id, s.external_reference, s.evaluation, s.population,"
  " s.commission_bp, s.survey_config,"
  " (SELECT count (*) FROM enrollment e WHERE e.session_id = s.id AND e.deleted = 0"
  "  AND e.status NOT IN ('withdrawn', 'cancelled'))"
  " FROM session s"
  " LEFT JOIN training t ON t.id = s.training_id"
  " LEFT JOIN organisation o ON o.id = s.organisation_id"
  " LEFT JOIN client c ON c.id = s.client_id"
  " LEFT JOIN certification ce ON ce.id = s.certification_id"
  " LEFT JOIN evaluation ev ON ev.id = s.evaluation_id"
  " WHERE s.id = ?1 AND s.deleted = 0";

static const char sequences_sql[] =
  "SELECT id, revision, position, label, modality, url, status, prework, survey_config"
  " FROM sequence WHERE session_id = ?1 AND deleted = 0"
  " ORDER BY position, rowid";

static const char slots_sql[] =
  "SELECT sl.id, sl.revision, sl.sequence_id, sl.start_at, sl.end_at, sl.break_minutes,"
  " sl.place_id, p.name, sl.room_id, r.name, sl.organisation_id, sl.organisation_notice,"
  " sl.place_notice, sl.trainer_notice, sl.comments"
  " FROM slot sl"
  " LEFT JOIN place p ON p.id = sl.place_id"
  " LEFT JOIN room r ON r.id = sl.room_id"
  " WHERE sl.session_id = ?1 AND sl.deleted = 0"
  " ORDER BY sl.start_at, sl.end_at, sl.id";

static const char staff_sql[] =
  "SELECT ss.id, ss.revision, ss.slot_id, ss.trainer_id,"
  " trim (coalesce (tr.first_name, '') || ' ' || coalesce (tr.last_name, '')), ss.role,"
  " tr.first_name, tr.last_name, tr.email, tr.sort_key"
  " FROM slot sl"
  " JOIN slot_staff ss ON ss.slot_id = sl.id AND ss.deleted = 0"
  " LEFT JOIN trainer tr ON tr.id = ss.trainer_id"
  " WHERE sl.session_id = ?1 AND sl.deleted = 0"
  " ORDER BY ss.rowid";

static const char costs_sql[] =
  "SELECT id, revision, type, amount_cents, distribution, quantity, provider,"
  " attachment_sha256"
  " FROM cost WHERE session_id = ?1 AND deleted = 0"
  " ORDER BY rowid";

static const char attachments_sql[] =
  "SELECT a.id, a.revision, a.owner_id, a.file_name, a.blob_sha256, a.mime_type"
  " FROM cost c"
  " JOIN attachment a ON a.owner_id = c.id AND a.owner_entity = 'cost' AND a.deleted = 0"
  " WHERE c.session_id = ?1 AND c.deleted = 0"
  " ORDER BY a.rowid";

static const char email_attachments_sql[] =
  "SELECT a.id, a.revision, a.owner_id, a.file_name, a.blob_sha256, a.mime_type"
  " FROM session_email se"
  " JOIN attachment a ON a.owner_id = se.id AND a.owner_entity = 'session_email'"
  "  AND a.deleted = 0"
  " WHERE se.session_id = ?1 AND se.deleted = 0"
  " ORDER BY a.rowid";

static const char owner_attachments_sql[] =
  "SELECT id, revision, owner_id, file_name, blob_sha256, mime_type FROM attachment"
  " WHERE owner_entity = ?1 AND owner_id = ?2 AND deleted = 0 ORDER BY rowid";

static const char emails_sql[] =
  "SELECT se.id, se.revision, se.kind, et.name, se.enabled, se.anchor, se.offset_minutes,"
  " se.recipients, se.cc, se.bcc"
  " FROM session_email se"
  " LEFT JOIN email_template et ON et.id = se.template_id"
  " WHERE se.session_id = ?1 AND se.deleted = 0"
  " ORDER BY se.rowid";

static const char code_sql[] =
  "SELECT id FROM session WHERE code = ?1 AND deleted = 0";

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
staff_free (FdPlanStaff *staff)
{
  g_free (staff->id);
  g_free (staff->trainer_id);
  g_free (staff->trainer_name);
  g_free (staff->first_name);
  g_free (staff->last_name);
  g_free (staff->email);
  g_free (staff->sort_key);
  g_free (staff->role);
  g_free (staff);
}

static void
slot_free (FdPlanSlot *slot)
{
  g_free (slot->id);
  g_free (slot->sequence_id);
  g_free (slot->start_at);
  g_free (slot->end_at);
  g_free (slot->place_id);
  g_free (slot->place_name);
  g_free (slot->room_id);
  g_free (slot->room_name);
  g_free (slot->organisation_id);
  g_free (slot->organisation_notice);
  g_free (slot->place_notice);
  g_free (slot->trainer_notice);
  g_free (slot->comments);
  g_ptr_array_unref (slot->staff);
  g_free (slot);
}

static void
sequence_free (FdPlanSequence *sequence)
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

void
fd_plan_attachment_free (FdPlanAttachment *attachment)
{
  if (attachment == NULL)
    return;

  g_free (attachment->id);
  g_free (attachment->file_name);
  g_free (attachment->blob_sha256);
  g_free (attachment->mime_type);
  g_free (attachment);
}

/* An attachment from a row of id, revision, owner_id, file_name,
 * blob_sha256, mime_type */
static FdPlanAttachment *
read_attachment (sqlite3_stmt *stmt)
{
  FdPlanAttachment *attachment = g_new0 (FdPlanAttachment, 1);

  attachment->id = dup_column (stmt, 0);
  attachment->revision = sqlite3_column_int64 (stmt, 1);
  attachment->file_name = dup_column (stmt, 3);
  attachment->blob_sha256 = dup_column (stmt, 4);
  attachment->mime_type = dup_column (stmt, 5);

  return attachment;
}

static void
cost_free (FdPlanCost *cost)
{
  g_free (cost->id);
  g_free (cost->type);
  g_free (cost->distribution);
  g_free (cost->provider);
  g_free (cost->attachment_sha256);
  g_ptr_array_unref (cost->attachments);
  g_free (cost);
}

static void
email_free (FdPlanEmail *email)
{
  g_ptr_array_unref (email->attachments);
  g_free (email->id);
  g_free (email->kind);
  g_free (email->template_name);
  g_free (email->anchor);
  g_free (email->recipients);
  g_free (email->cc);
  g_free (email->bcc);
  g_free (email);
}

/**
 * fd_session_plan_new:
 *
 * An empty plan, for a session being made or for tests of the functions
 * computed from a plan.
 *
 * Returns: (transfer full): a new plan
 */
FdSessionPlan *
fd_session_plan_new (void)
{
  FdSessionPlan *self = g_new0 (FdSessionPlan, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->sequences = g_ptr_array_new_with_free_func ((GDestroyNotify) sequence_free);
  self->costs = g_ptr_array_new_with_free_func ((GDestroyNotify) cost_free);
  self->emails = g_ptr_array_new_with_free_func ((GDestroyNotify) email_free);
  self->populations = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_population_free);
  self->kind = g_strdup ("inter");
  self->status = g_strdup ("created");

  return self;
}

FdSessionPlan *
fd_session_plan_ref (FdSessionPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
fd_session_plan_unref (FdSessionPlan *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->training_id);
  g_free (self->training_code);
  g_free (self->training_title);
  g_free (self->code);
  g_free (self->label);
  g_free (self->kind);
  g_free (self->organisation_id);
  g_free (self->organisation_name);
  g_free (self->client_id);
  g_free (self->client_name);
  g_free (self->external_reference);
  g_free (self->status);
  g_free (self->dispositif);
  g_free (self->certification_id);
  g_free (self->certification_name);
  g_free (self->evaluation_id);
  g_free (self->evaluation_name);
  g_free (self->evaluation);
  g_free (self->population);
  g_free (self->survey_config);
  g_free (self->comments);
  g_free (self->notice_comment);
  g_free (self->organisation_comment);
  g_free (self->planned_start_on);
  g_free (self->planned_end_on);
  g_ptr_array_unref (self->sequences);
  g_ptr_array_unref (self->costs);
  g_ptr_array_unref (self->emails);
  g_ptr_array_unref (self->populations);
  g_free (self);
}

/**
 * fd_session_plan_add_sequence:
 * @self: a plan
 * @id: the sequence's id
 * @prework: whether it is pre-work
 * @status: (nullable): its status, "planned" if %NULL
 *
 * Adds a sequence at the end of @self (reading builds plans this way;
 * so can tests).
 *
 * Returns: (transfer none): the sequence, owned by @self
 */
FdPlanSequence *
fd_session_plan_add_sequence (FdSessionPlan *self,
                              const char    *id,
                              gboolean       prework,
                              const char    *status)
{
  FdPlanSequence *sequence;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  sequence = g_new0 (FdPlanSequence, 1);
  sequence->id = g_strdup (id);
  sequence->position = (int) self->sequences->len;
  sequence->prework = prework;
  sequence->status = g_strdup (status != NULL ? status : "planned");
  sequence->modality = g_strdup ("on_site");
  sequence->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
  g_ptr_array_add (self->sequences, sequence);

  return sequence;
}

/**
 * fd_plan_sequence_add_slot:
 * @sequence: a sequence of a plan
 * @id: the slot's id
 * @start_at: its start, "2026-03-03T09:00"
 * @end_at: its end
 * @break_minutes: its break
 *
 * Returns: (transfer none): the slot, owned by @sequence
 */
FdPlanSlot *
fd_plan_sequence_add_slot (FdPlanSequence *sequence,
                           const char     *id,
                           const char     *start_at,
                           const char     *end_at,
                           int             break_minutes)
{
  FdPlanSlot *slot;

  g_return_val_if_fail (sequence != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  slot = g_new0 (FdPlanSlot, 1);
  slot->id = g_strdup (id);
  slot->sequence_id = g_strdup (sequence->id);
  slot->start_at = g_strdup (start_at);
  slot->end_at = g_strdup (end_at);
  slot->break_minutes = break_minutes;
  slot->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) staff_free);
  g_ptr_array_add (sequence->slots, slot);

  return slot;
}

static FdPlanSequence *
lookup_sequence (FdSessionPlan *self,
                 GHashTable    *sequences,
                 const char    *id)
{
  FdPlanSequence *sequence = g_hash_table_lookup (sequences, id);

  /* A slot pulled before its sequence (SYNC.md) still shows, under a
   * sequence of its own, so that its time counts and it can be moved */
  if (sequence == NULL)
    {
      sequence = fd_session_plan_add_sequence (self, id, FALSE, "planned");
      sequence->label = g_strdup ("");
      sequence->placeholder = TRUE;
      g_hash_table_insert (sequences, sequence->id, sequence);
    }

  return sequence;
}

static gboolean
read_session (FdDatabase     *database,
              FdSessionPlan  *self,
              const char     *session_id,
              gboolean       *found,
              GError        **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, session_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    {
      g_free (self->kind);
      g_free (self->status);

      self->id = dup_column (stmt, 0);
      self->revision = sqlite3_column_int64 (stmt, 1);
      self->training_id = dup_column (stmt, 2);
      self->training_title = dup_column (stmt, 3);
      self->code = dup_column (stmt, 4);
      self->year = sqlite3_column_int64 (stmt, 5);
      self->label = dup_column (stmt, 6);
      self->kind = dup_column (stmt, 7);
      self->organisation_id = dup_column (stmt, 8);
      self->organisation_name = dup_column (stmt, 9);
      self->client_name = dup_column (stmt, 10);
      self->status = dup_column (stmt, 11);
      self->published = sqlite3_column_int (stmt, 12) != 0;
      self->capacity_min = sqlite3_column_int64 (stmt, 13);
      self->capacity_target = sqlite3_column_int64 (stmt, 14);
      self->capacity_max = sqlite3_column_int64 (stmt, 15);
      self->dispositif = dup_column (stmt, 16);
      self->eligible_funding = sqlite3_column_int (stmt, 17) != 0;
      self->certification_id = dup_column (stmt, 18);
      self->certification_name = dup_column (stmt, 19);
      self->evaluation_id = dup_column (stmt, 20);
      self->evaluation_name = dup_column (stmt, 21);
      self->comments = dup_column (stmt, 22);
      self->notice_comment = dup_column (stmt, 23);
      self->organisation_comment = dup_column (stmt, 24);
      self->calendar_invitations = sqlite3_column_int (stmt, 25) != 0;
      self->planned_start_on = dup_column (stmt, 26);
      self->planned_end_on = dup_column (stmt, 27);
      self->price_cents = sqlite3_column_int64 (stmt, 28);
      self->training_code = dup_column (stmt, 29);
      self->client_id = dup_column (stmt, 30);
      self->external_reference = dup_column (stmt, 31);
      self->evaluation = dup_column (stmt, 32);
      self->population = dup_column (stmt, 33);
      self->commission_bp = sqlite3_column_int64 (stmt, 34);
      self->survey_config = dup_column (stmt, 35);
      self->n_enrolled = (guint) sqlite3_column_int (stmt, 36);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "reading a session");
      return FALSE;
    }

  return TRUE;
}

/* Steps @stmt to the end; FALSE with @error on a SQLite error */
static gboolean
finish_rows (FdDatabase    *database,
             sqlite3_stmt  *stmt,
             int            rc,
             const char    *what,
             GError       **error)
{
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_planning (FdDatabase     *database,
               FdSessionPlan  *self,
               GError        **error)
{
  g_autoptr(GHashTable) sequences = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) slots = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _fd_database_prepare (database, sequences_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdPlanSequence *sequence;

      sequence = fd_session_plan_add_sequence (self, (const char *) sqlite3_column_text (stmt, 0),
                                               sqlite3_column_int (stmt, 7) != 0,
                                               (const char *) sqlite3_column_text (stmt, 6));
      sequence->revision = sqlite3_column_int64 (stmt, 1);
      sequence->position = sqlite3_column_int (stmt, 2);
      sequence->label = dup_column (stmt, 3);
      g_free (sequence->modality);
      sequence->modality = dup_column (stmt, 4);
      sequence->url = dup_column (stmt, 5);
      sequence->survey_config = dup_column (stmt, 8);
      g_hash_table_insert (sequences, sequence->id, sequence);
    }
  if (!finish_rows (database, stmt, rc, "reading a session's sequences", error))
    return FALSE;

  stmt = _fd_database_prepare (database, slots_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdPlanSequence *sequence = lookup_sequence (self, sequences,
                                                  (const char *) sqlite3_column_text (stmt, 2));
      FdPlanSlot *slot;

      slot = fd_plan_sequence_add_slot (sequence,
                                        (const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 3),
                                        (const char *) sqlite3_column_text (stmt, 4),
                                        sqlite3_column_int (stmt, 5));
      slot->revision = sqlite3_column_int64 (stmt, 1);
      slot->place_id = dup_column (stmt, 6);
      slot->place_name = dup_column (stmt, 7);
      slot->room_id = dup_column (stmt, 8);
      slot->room_name = dup_column (stmt, 9);
      slot->organisation_id = dup_column (stmt, 10);
      slot->organisation_notice = dup_column (stmt, 11);
      slot->place_notice = dup_column (stmt, 12);
      slot->trainer_notice = dup_column (stmt, 13);
      slot->comments = dup_column (stmt, 14);
      g_hash_table_insert (slots, slot->id, slot);
    }
  if (!finish_rows (database, stmt, rc, "reading a session's slots", error))
    return FALSE;

  if (g_hash_table_size (slots) == 0)
    return TRUE;

  stmt = _fd_database_prepare (database, staff_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdPlanSlot *slot = g_hash_table_lookup (slots, (const char *) sqlite3_column_text (stmt, 2));
      FdPlanStaff *staff;

      if (slot == NULL)
        continue;

      staff = g_new0 (FdPlanStaff, 1);
      staff->id = dup_column (stmt, 0);
      staff->revision = sqlite3_column_int64 (stmt, 1);
      staff->trainer_id = dup_column (stmt, 3);
      staff->trainer_name = dup_column (stmt, 4);
      staff->role = dup_column (stmt, 5);
      staff->first_name = dup_column (stmt, 6);
      staff->last_name = dup_column (stmt, 7);
      staff->email = dup_column (stmt, 8);
      staff->sort_key = dup_column (stmt, 9);
      g_ptr_array_add (slot->staff, staff);
    }

  return finish_rows (database, stmt, rc, "reading a session's staff", error);
}

static gboolean
read_costs (FdDatabase     *database,
            FdSessionPlan  *self,
            GError        **error)
{
  g_autoptr(GHashTable) costs = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _fd_database_prepare (database, costs_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdPlanCost *cost = g_new0 (FdPlanCost, 1);

      cost->id = dup_column (stmt, 0);
      cost->revision = sqlite3_column_int64 (stmt, 1);
      cost->type = dup_column (stmt, 2);
      cost->amount_cents = sqlite3_column_int64 (stmt, 3);
      cost->distribution = dup_column (stmt, 4);
      cost->quantity = sqlite3_column_int64 (stmt, 5);
      cost->provider = dup_column (stmt, 6);
      cost->attachment_sha256 = dup_column (stmt, 7);
      cost->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_plan_attachment_free);
      g_ptr_array_add (self->costs, cost);
      g_hash_table_insert (costs, cost->id, cost);
    }
  if (!finish_rows (database, stmt, rc, "reading a session's costs", error))
    return FALSE;

  if (self->costs->len == 0)
    return TRUE;

  stmt = _fd_database_prepare (database, attachments_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdPlanCost *cost = g_hash_table_lookup (costs, (const char *) sqlite3_column_text (stmt, 2));
      if (cost == NULL)
        continue;

      g_ptr_array_add (cost->attachments, read_attachment (stmt));
    }

  return finish_rows (database, stmt, rc, "reading the attachments of a session's costs", error);
}

static gboolean
read_emails (FdDatabase     *database,
             FdSessionPlan  *self,
             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _fd_database_prepare (database, emails_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdPlanEmail *email = g_new0 (FdPlanEmail, 1);

      email->id = dup_column (stmt, 0);
      email->revision = sqlite3_column_int64 (stmt, 1);
      email->kind = dup_column (stmt, 2);
      email->template_name = dup_column (stmt, 3);
      email->enabled = sqlite3_column_int (stmt, 4) != 0;
      email->anchor = dup_column (stmt, 5);
      email->offset_minutes = sqlite3_column_int64 (stmt, 6);
      email->recipients = dup_column (stmt, 7);
      email->cc = dup_column (stmt, 8);
      email->bcc = dup_column (stmt, 9);
      email->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_plan_attachment_free);
      g_ptr_array_add (self->emails, email);
    }

  if (!finish_rows (database, stmt, rc, "reading a session's emails", error))
    return FALSE;

  if (self->emails->len == 0)
    return TRUE;

  stmt = _fd_database_prepare (database, email_attachments_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *owner = (const char *) sqlite3_column_text (stmt, 2);

      for (guint i = 0; i < self->emails->len; i++)
        {
          FdPlanEmail *email = g_ptr_array_index (self->emails, i);

          if (g_strcmp0 (email->id, owner) == 0)
            {
              g_ptr_array_add (email->attachments, read_attachment (stmt));
              break;
            }
        }
    }

  return finish_rows (database, stmt, rc, "reading the attachments of a session's emails", error);
}

static gboolean
read_populations (FdDatabase     *database,
                  FdSessionPlan  *self,
                  GError        **error)
{
  GPtrArray *populations = fd_database_list_session_populations (database, self->id, error);

  if (populations == NULL)
    return FALSE;

  g_ptr_array_unref (self->populations);
  self->populations = populations;

  return TRUE;
}

/**
 * fd_database_list_attachments:
 * @database: a #FdDatabase
 * @owner_entity: what the files are attached to: "cost" or "session_email"
 * @owner_id: its id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FdPlanAttachment): the live
 *   attachments of the record, in the order they were attached, or %NULL
 *   with @error set
 */
GPtrArray *
fd_database_list_attachments (FdDatabase  *database,
                              const char  *owner_entity,
                              const char  *owner_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) attachments = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (owner_entity != NULL, NULL);
  g_return_val_if_fail (owner_id != NULL, NULL);

  stmt = _fd_database_prepare (database, owner_attachments_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, owner_entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, owner_id, -1, SQLITE_STATIC);

  attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_plan_attachment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (attachments, read_attachment (stmt));

  if (!finish_rows (database, stmt, rc, "reading attachments", error))
    return NULL;

  return g_steal_pointer (&attachments);
}

/**
 * fd_session_lookup_code:
 * @database: a #FdDatabase
 * @code: a session code ("2026-0042")
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the id of the live session with @code, or
 *   %NULL with %FD_DATABASE_ERROR_NOT_FOUND
 */
char *
fd_session_lookup_code (FdDatabase  *database,
                        const char  *code,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  char *id = NULL;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (database, code_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = dup_column (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                 _("There is no session “%s”."), code);
  else
    _fd_database_set_error (database, error, code_sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return id;
}

/**
 * fd_database_read_session_plan:
 * @database: a #FdDatabase
 * @session_id: the id of a session
 * @error: return location for a #GError
 *
 * Reads a live session with its sequences, slots, staff, costs,
 * attachments, emails and populations, in one read transaction so that the parts
 * agree.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 *   (%FD_DATABASE_ERROR_NOT_FOUND if there is no such live session)
 */
FdSessionPlan *
fd_database_read_session_plan (FdDatabase  *database,
                               const char  *session_id,
                               GError     **error)
{
  g_autoptr(FdSessionPlan) self = NULL;
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = fd_session_plan_new ();

  /* One snapshot for all the reads: another connection's commit
   * between two of them would show a cost without its attachments */
  if (!_fd_database_run (database, "SAVEPOINT fd_read_plan", error))
    return NULL;

  ok = read_session (database, self, session_id, &found, error);
  if (ok && !found)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("This session no longer exists; it may have been deleted."));
      ok = FALSE;
    }
  ok = ok && read_planning (database, self, error) && read_costs (database, self, error) &&
       read_emails (database, self, error) && read_populations (database, self, error);

  _fd_database_run (database, "RELEASE fd_read_plan", NULL);

  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

const FdPlanSequence *
fd_session_plan_find_sequence (const FdSessionPlan *self,
                               const char          *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; id != NULL && i < self->sequences->len; i++)
    {
      const FdPlanSequence *sequence = g_ptr_array_index (self->sequences, i);

      if (g_str_equal (sequence->id, id))
        return sequence;
    }

  return NULL;
}

const FdPlanSlot *
fd_session_plan_find_slot (const FdSessionPlan *self,
                           const char          *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; id != NULL && i < self->sequences->len; i++)
    {
      const FdPlanSequence *sequence = g_ptr_array_index (self->sequences, i);

      for (guint j = 0; j < sequence->slots->len; j++)
        {
          const FdPlanSlot *slot = g_ptr_array_index (sequence->slots, j);

          if (g_str_equal (slot->id, id))
            return slot;
        }
    }

  return NULL;
}

const FdPlanCost *
fd_session_plan_find_cost (const FdSessionPlan *self,
                           const char          *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; id != NULL && i < self->costs->len; i++)
    {
      const FdPlanCost *cost = g_ptr_array_index (self->costs, i);

      if (g_str_equal (cost->id, id))
        return cost;
    }

  return NULL;
}

/**
 * fd_session_plan_contains:
 * @self: a plan
 * @entity: an entity name, "slot"
 * @id: a row id
 *
 * Whether the row is one @self was read from (to know whether a change
 * announced by #FdDatabase::rows-changed concerns it). A new row is not in
 * it yet: look at the entity of created rows too.
 *
 * Returns: %TRUE if @self shows that row
 */
gboolean
fd_session_plan_contains (const FdSessionPlan *self,
                          const char          *entity,
                          const char          *id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  if (id == NULL)
    return FALSE;

  if (g_str_equal (entity, "session"))
    return g_strcmp0 (self->id, id) == 0;

  if (g_str_equal (entity, "sequence"))
    return fd_session_plan_find_sequence (self, id) != NULL;

  if (g_str_equal (entity, "slot"))
    return fd_session_plan_find_slot (self, id) != NULL;

  if (g_str_equal (entity, "cost"))
    return fd_session_plan_find_cost (self, id) != NULL;

  if (g_str_equal (entity, "slot_staff"))
    {
      for (guint i = 0; i < self->sequences->len; i++)
        {
          const FdPlanSequence *sequence = g_ptr_array_index (self->sequences, i);

          for (guint j = 0; j < sequence->slots->len; j++)
            {
              const FdPlanSlot *slot = g_ptr_array_index (sequence->slots, j);

              for (guint k = 0; k < slot->staff->len; k++)
                if (g_str_equal (((FdPlanStaff *) g_ptr_array_index (slot->staff, k))->id, id))
                  return TRUE;
            }
        }
      return FALSE;
    }

  if (g_str_equal (entity, "attachment"))
    {
      for (guint i = 0; i < self->costs->len; i++)
        {
          const FdPlanCost *cost = g_ptr_array_index (self->costs, i);

          for (guint j = 0; j < cost->attachments->len; j++)
            if (g_str_equal (((FdPlanAttachment *) g_ptr_array_index (cost->attachments, j))->id,
                             id))
              return TRUE;
        }
      for (guint i = 0; i < self->emails->len; i++)
        {
          const FdPlanEmail *email = g_ptr_array_index (self->emails, i);

          for (guint j = 0; j < email->attachments->len; j++)
            if (g_str_equal (((FdPlanAttachment *) g_ptr_array_index (email->attachments, j))->id,
                             id))
              return TRUE;
        }
      return FALSE;
    }

  if (g_str_equal (entity, "population"))
    {
      for (guint i = 0; i < self->populations->len; i++)
        if (g_str_equal (((FdPopulation *) g_ptr_array_index (self->populations, i))->id, id))
          return TRUE;
      return FALSE;
    }

  if (g_str_equal (entity, "session_email"))
    {
      for (guint i = 0; i < self->emails->len; i++)
        if (g_str_equal (((FdPlanEmail *) g_ptr_array_index (self->emails, i))->id, id))
          return TRUE;
      return FALSE;
    }

  return FALSE;
}

/* Minutes since midnight of "…T09:30", or -1 */
static int
minutes_of_day (const char *iso)
{
  const char *t = iso != NULL ? strchr (iso, 'T') : NULL;

  if (t == NULL || strlen (t) < 6 || !g_ascii_isdigit (t[1]) || !g_ascii_isdigit (t[2]) ||
      t[3] != ':' || !g_ascii_isdigit (t[4]) || !g_ascii_isdigit (t[5]))
    return -1;

  return ((t[1] - '0') * 10 + (t[2] - '0')) * 60 + (t[4] - '0') * 10 + (t[5] - '0');
}

/**
 * fd_plan_slot_get_minutes:
 * @slot: a slot
 *
 * Returns: the time trained in @slot: its length less its break, in
 *   minutes (0 if its times cannot be read); a slot lies within one day
 */
gint64
fd_plan_slot_get_minutes (const FdPlanSlot *slot)
{
  int start;
  int end;

  g_return_val_if_fail (slot != NULL, 0);

  start = minutes_of_day (slot->start_at);
  end = minutes_of_day (slot->end_at);
  if (start < 0 || end <= start)
    return 0;

  return MAX (0, end - start - slot->break_minutes);
}

void
fd_plan_period_clear (FdPlanPeriod *period)
{
  g_clear_pointer (&period->start_at, g_free);
  g_clear_pointer (&period->end_at, g_free);
  period->duration_minutes = 0;
  period->n_days = 0;
}

/**
 * fd_session_plan_compute_period:
 * @self: a plan
 * @period: (out caller-allocates): where to store the result; clear it
 *   with fd_plan_period_clear()
 *
 * Computes the session's start, end and duration from its slots. Pre-work
 * moves the start and the end but does not count in the duration (nor in
 * the days); slots of cancelled sequences do not count at all.
 */
void
fd_session_plan_compute_period (const FdSessionPlan *self,
                                FdPlanPeriod     *period)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (self != NULL);
  g_return_if_fail (period != NULL);

  memset (period, 0, sizeof *period);

  for (guint i = 0; i < self->sequences->len; i++)
    {
      const FdPlanSequence *sequence = g_ptr_array_index (self->sequences, i);

      if (g_strcmp0 (sequence->status, "cancelled") == 0)
        continue;

      for (guint j = 0; j < sequence->slots->len; j++)
        {
          const FdPlanSlot *slot = g_ptr_array_index (sequence->slots, j);

          if (slot->start_at == NULL || slot->end_at == NULL)
            continue;

          if (period->start_at == NULL || strcmp (slot->start_at, period->start_at) < 0)
            {
              g_free (period->start_at);
              period->start_at = g_strdup (slot->start_at);
            }
          if (period->end_at == NULL || strcmp (slot->end_at, period->end_at) > 0)
            {
              g_free (period->end_at);
              period->end_at = g_strdup (slot->end_at);
            }

          if (sequence->prework)
            continue;

          period->duration_minutes += fd_plan_slot_get_minutes (slot);
          g_hash_table_add (days, g_strndup (slot->start_at, 10));
        }
    }

  period->n_days = g_hash_table_size (days);
}

/**
 * fd_session_reminders_from_values:
 * @n_costs: how many cost lines the session has
 * @has_evaluation: whether an evaluation is chosen
 * @published: whether the session is published
 *
 * What the session page reminds of: costs and the evaluation are to be
 * entered as soon as the session is made, and a session stays a draft
 * until published by hand.
 *
 * Returns: the reminders to show
 */
FdSessionReminders
fd_session_reminders_from_values (guint    n_costs,
                                  gboolean has_evaluation,
                                  gboolean published)
{
  FdSessionReminders reminders = FD_SESSION_REMINDER_NONE;

  if (n_costs == 0)
    reminders |= FD_SESSION_REMINDER_COSTS;
  if (!has_evaluation)
    reminders |= FD_SESSION_REMINDER_EVALUATION;
  if (!published)
    reminders |= FD_SESSION_REMINDER_DRAFT;

  return reminders;
}

FdSessionReminders
fd_session_plan_get_reminders (const FdSessionPlan *self)
{
  g_return_val_if_fail (self != NULL, FD_SESSION_REMINDER_NONE);

  return fd_session_reminders_from_values (self->costs->len, self->evaluation_id != NULL,
                                           self->published);
}
