/* fd-sync-state.c — core's half of sync: pulled pages, the outbox's
 * progress, and the mutations the server refused
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-sync-state"

#include "config.h"

#include "fd-sync-state.h"

#include "fd-change-private.h"
#include "fd-database-private.h"
#include "fd-entity-private.h"
#include "fd-validate.h"

#include <string.h>

/*
 * The rules are in fd-sync-state.h. Bookkeeping lives in sync_state
 * (key → value): "pull_cursor", the server's opaque cursor; "pulled_version",
 * the highest server version a pull applied (it only grows, and decides
 * which pushed outbox entries can go); "pull_rewind", when set, the version
 * the next pull must start after instead of the cursor.
 */

void
fd_pulled_row_free (FdPulledRow *row)
{
  if (row == NULL)
    return;
  g_free (row->entity);
  g_free (row->id);
  g_clear_pointer (&row->values, fd_change_unref);
  g_free (row);
}

/**
 * fd_pulled_row_new:
 * @entity: the row's table
 * @id: its id
 * @version: the server version it was last changed at
 * @deleted: whether it is a tombstone
 *
 * Returns: (transfer full): a row without values; set them on its
 *   @values with fd_change_set_string() and the like
 */
FdPulledRow *
fd_pulled_row_new (const char *entity,
                   const char *id,
                   gint64      version,
                   gboolean    deleted)
{
  FdPulledRow *row;

  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (version >= 0, NULL);

  row = g_new0 (FdPulledRow, 1);
  row->entity = g_strdup (entity);
  row->id = g_strdup (id);
  row->version = version;
  row->deleted = deleted;
  row->values = fd_change_new_create_with_id (entity, id);

  return row;
}

void
fd_outbox_entry_free (FdOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->mutation_id);
  g_free (entry->name);
  g_free (entry->entity_id);
  g_free (entry->args);
  g_free (entry->batch_id);
  g_free (entry);
}

void
fd_sync_conflict_free (FdSyncConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->mutation_id);
  g_free (conflict->name);
  g_free (conflict->entity);
  g_free (conflict->entity_id);
  g_free (conflict->args);
  g_free (conflict->field);
  g_free (conflict->message);
  g_free (conflict);
}

static gboolean
step_done (FdDatabase    *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _fd_database_set_error (self, error, what);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static char *
dup_state (FdDatabase *self,
           const char *key)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self, "SELECT value FROM sync_state WHERE key = ?1",
                                             NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

static gint64
get_state_int (FdDatabase *self,
               const char *key,
               gint64      fallback)
{
  g_autofree char *text = dup_state (self, key);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return fallback;

  return value;
}

static gboolean
set_state (FdDatabase  *self,
           const char  *key,
           const char  *value,
           GError     **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    stmt = _fd_database_prepare (self, "DELETE FROM sync_state WHERE key = ?1", error);
  else
    stmt = _fd_database_prepare (self,
                                 "INSERT INTO sync_state (key, value) VALUES (?1, ?2)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return step_done (self, stmt, "sync_state", error);
}

static gboolean
set_state_int (FdDatabase  *self,
               const char  *key,
               gint64       value,
               GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return set_state (self, key, text, error);
}

static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  g_string_append (sql, name);
  g_string_append_c (sql, '"');
}

/* The fields of @row's entity that the device's unacknowledged outbox
 * entries set, and whether one of them deletes or restores it */
static gboolean
read_pending (FdDatabase   *self,
              FdPulledRow  *row,
              GHashTable  **fields,
              gboolean     *tombstone,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *fields = NULL;
  *tombstone = FALSE;

  stmt = _fd_database_prepare (self,
                               "SELECT o.name, j.key FROM outbox o"
                               " LEFT JOIN json_each (o.args, '$.set') j"
                               " WHERE o.entity_id = ?1"
                               " AND substr (o.name, 1, length (?2) + 1) = ?2 || '.'"
                               " AND (o.pushed_version IS NULL OR o.pushed_version > ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row->version);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);
      const char *kind = name != NULL ? strchr (name, '.') : NULL;

      if (kind != NULL && (g_str_equal (kind, ".delete") || g_str_equal (kind, ".restore")))
        *tombstone = TRUE;
      if (key != NULL)
        {
          if (*fields == NULL)
            *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_add (*fields, g_strdup (key));
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, "pending outbox");
      g_clear_pointer (fields, g_hash_table_unref);
      return FALSE;
    }

  return TRUE;
}

static char *
slot_session (FdDatabase *self,
              const char *slot_id)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self, "SELECT session_id FROM slot WHERE id = ?1",
                                             NULL);
  char *session_id = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    session_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return session_id;
}

static gboolean
stamp_fields (FdDatabase  *self,
              const char  *entity,
              const char  *id,
              GPtrArray   *names,
              gint64       revision,
              GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self,
                                             "INSERT INTO field_version"
                                             " (entity, entity_id, field, version)"
                                             " VALUES (?1, ?2, ?3, ?4)"
                                             " ON CONFLICT (entity, entity_id, field)"
                                             " DO UPDATE SET version = excluded.version",
                                             error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (names, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, revision);
      if (!step_done (self, stmt, "field_version", error))
        return FALSE;
    }

  return TRUE;
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, g_ptr_array_index (names, i));
    }

  return g_string_free (g_steal_pointer (&joined), joined->len == 0);
}

/* A row this device never had: inserted whole (a tombstone of it is
 * not: there is nothing to delete) */
static gboolean
insert_row (FdDatabase      *self,
            const FdEntity  *entity,
            FdPulledRow     *row,
            GPtrArray       *known,
            GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  sqlite3_stmt *stmt;
  gint64 revision;
  int param = 5;

  append_identifier (sql, entity->name);
  g_string_append (sql, " (id, version, updated_at, revision");
  for (guint i = 0; i < known->len; i++)
    {
      const FdChangeField *field = g_ptr_array_index (known, i);

      g_string_append (sql, ", ");
      append_identifier (sql, field->name);
      g_ptr_array_add (names, (gpointer) field->name);
    }
  g_string_append (sql, ") VALUES (?1, ?2, ?3, ?4");
  for (guint i = 0; i < known->len; i++)
    g_string_append (sql, ", ?");
  g_string_append_c (sql, ')');

  joined = join_names (names);
  revision = _fd_database_log_row (self, entity->name, row->id, FD_CHANGE_CREATE, joined, error);
  if (revision == 0)
    return FALSE;

  stmt = _fd_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row->version);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 4, revision);
  for (guint i = 0; i < known->len; i++)
    _fd_database_bind_field (stmt, param++, g_ptr_array_index (known, i));

  return step_done (self, stmt, sql->str, error);
}

static gboolean
apply_row (FdDatabase   *self,
           FdPulledRow  *row,
           GHashTable   *sessions,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) known = g_ptr_array_new ();
  g_autoptr(GPtrArray) written = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *left_session = NULL;
  const FdEntity *entity;
  gboolean pending_tombstone = FALSE;
  gboolean found;
  gboolean local_deleted = FALSE;
  gboolean deleted;
  sqlite3_stmt *stmt;
  int rc;
  int param;

  entity = _fd_database_lookup_entity (self, row->entity, &local_error);
  if (entity == NULL)
    {
      /* A table of a newer server: this build cannot hold it */
      if (g_error_matches (local_error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_UNKNOWN_ENTITY))
        {
          g_debug ("Pulled a row of “%s”, which this build does not know; skipped", row->entity);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < fd_change_get_n_fields (row->values); i++)
    {
      const FdChangeField *field = _fd_change_get_field (row->values, i);

      if (_fd_entity_column (entity, field->name) != NULL)
        g_ptr_array_add (known, (gpointer) field);
    }

  if (!read_pending (self, row, &pending, &pending_tombstone, error))
    return FALSE;

  /* deleted, then whether each pulled field equals the local one */
  sql = g_string_new ("SELECT deleted");
  for (guint i = 0; i < known->len; i++)
    {
      const FdChangeField *field = g_ptr_array_index (known, i);

      g_string_append (sql, ", ");
      append_identifier (sql, field->name);
      g_string_append_printf (sql, " IS ?%u", i + 2);
    }
  g_string_append (sql, " FROM ");
  append_identifier (sql, entity->name);
  g_string_append (sql, " WHERE id = ?1");

  stmt = _fd_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  for (guint i = 0; i < known->len; i++)
    _fd_database_bind_field (stmt, (int) i + 2, g_ptr_array_index (known, i));
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  if (found)
    {
      local_deleted = sqlite3_column_int (stmt, 0) != 0;
      for (guint i = 0; i < known->len; i++)
        {
          const FdChangeField *field = g_ptr_array_index (known, i);

          if (pending != NULL && g_hash_table_contains (pending, field->name))
            continue;
          g_ptr_array_add (written, (gpointer) field);
          if (sqlite3_column_int (stmt, (int) i + 1) == 0)
            g_ptr_array_add (changed, (gpointer) field->name);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, sql->str);
      return FALSE;
    }

  if (!found)
    {
      if (row->deleted)
        return TRUE;
      if (!insert_row (self, entity, row, known, error))
        return FALSE;
    }
  else
    {
      g_autofree char *joined = NULL;
      FdChangeKind kind = FD_CHANGE_UPDATE;
      gint64 revision = 0;

      deleted = pending_tombstone ? local_deleted : row->deleted;
      if (deleted != local_deleted)
        kind = deleted ? FD_CHANGE_DELETE : FD_CHANGE_RESTORE;

      if (g_str_equal (entity->name, "slot"))
        left_session = slot_session (self, row->id);

      /* Nothing else changed (only the server version moves): not logged,
       * not announced */
      if (changed->len > 0 || kind != FD_CHANGE_UPDATE)
        {
          joined = join_names (changed);
          revision = _fd_database_log_row (self, entity->name, row->id, kind, joined, error);
          if (revision == 0)
            return FALSE;
        }

      /* Unchanged fields are written too (with their own value), so that
       * the statement depends on the pending fields only, and is cached */
      g_string_truncate (sql, 0);
      g_string_append (sql, "UPDATE ");
      append_identifier (sql, entity->name);
      g_string_append (sql, " SET version = ?2, deleted = ?3");
      if (revision != 0)
        g_string_append (sql, ", updated_at = ?4, revision = ?5");
      param = 6;
      for (guint i = 0; revision != 0 && i < written->len; i++)
        {
          const FdChangeField *field = g_ptr_array_index (written, i);

          g_string_append (sql, ", ");
          append_identifier (sql, field->name);
          g_string_append_printf (sql, " = ?%d", param++);
        }
      g_string_append (sql, " WHERE id = ?1");

      stmt = _fd_database_prepare (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, row->version);
      sqlite3_bind_int (stmt, 3, deleted ? 1 : 0);
      if (revision != 0)
        {
          sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
          sqlite3_bind_int64 (stmt, 5, revision);
          param = 6;
          for (guint i = 0; i < written->len; i++)
            _fd_database_bind_field (stmt, param++, g_ptr_array_index (written, i));
        }
      if (!step_done (self, stmt, sql->str, error))
        return FALSE;

      if (revision == 0)
        return TRUE;

      if (!stamp_fields (self, entity->name, row->id, changed, revision, error))
        return FALSE;
      if (left_session != NULL)
        g_hash_table_add (sessions, g_steal_pointer (&left_session));
    }

  if (entity->has_keys && !_fd_entity_update_keys (self, entity, row->id, error))
    return FALSE;

  if (g_str_equal (entity->name, "slot"))
    {
      char *session_id = slot_session (self, row->id);

      if (session_id != NULL)
        g_hash_table_add (sessions, session_id);
    }
  else if (g_str_equal (entity->name, "session"))
    g_hash_table_add (sessions, g_strdup (row->id));

  return TRUE;
}

/**
 * fd_database_apply_pulled:
 * @self: a #FdDatabase
 * @rows: (element-type FdPulledRow): a pulled page, in version order
 * @cursor: the cursor the server gave with the page
 * @error: return location for a #GError
 *
 * Applies a page of the server's changes and stores @cursor, in one
 * transaction: after a crash either both are there or neither is. Rows
 * are written as the server has them (no role checks, no validation, no
 * outbox entries), except for the fields this device's pending outbox
 * entries set (see the rule in fd-sync-state.h). What core derives is
 * kept (a session's dates from its slots, search and sort keys), pulled
 * fields are stamped like local edits (an editor open on an older
 * revision sees a conflict on them), and the rows are announced by
 * #FdDatabase::rows-changed. Outbox entries the server applied at a
 * version the pulls have now reached are deleted.
 *
 * Tables and columns this build does not know are skipped.
 *
 * Returns: %TRUE if the page was applied; on error nothing was
 */
gboolean
fd_database_apply_pulled (FdDatabase  *self,
                          GPtrArray   *rows,
                          const char  *cursor,
                          GError     **error)
{
  g_autoptr(GHashTable) sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer session_id;
  gint64 pulled_version;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (cursor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fd_database_begin (self, error))
    return FALSE;

  pulled_version = get_state_int (self, "pulled_version", 0);

  for (guint i = 0; i < rows->len; i++)
    {
      FdPulledRow *row = g_ptr_array_index (rows, i);

      if (!apply_row (self, row, sessions, error))
        goto failed;
      pulled_version = MAX (pulled_version, row->version);
    }

  g_hash_table_iter_init (&iter, sessions);
  while (g_hash_table_iter_next (&iter, &session_id, NULL))
    if (!_fd_database_update_session_dates (self, session_id, error))
      goto failed;

  if (!set_state (self, "pull_cursor", cursor, error) ||
      !set_state (self, "pull_rewind", NULL, error) ||
      !set_state_int (self, "pulled_version", pulled_version, error))
    goto failed;

  stmt = _fd_database_prepare (self,
                               "DELETE FROM outbox"
                               " WHERE pushed_version IS NOT NULL AND pushed_version <= ?1",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, pulled_version);
  if (!step_done (self, stmt, "outbox", error))
    goto failed;

  return fd_database_commit (self, error);

failed:
  fd_database_rollback (self);
  return FALSE;
}

/**
 * fd_database_dup_pull_cursor:
 *
 * Returns: (transfer full) (nullable): the cursor of the last page
 *   applied, or %NULL before the first pull
 */
char *
fd_database_dup_pull_cursor (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);

  return dup_state (self, "pull_cursor");
}

/**
 * fd_database_get_pulled_version:
 *
 * Returns: the highest server version a pull has applied (0: none)
 */
gint64
fd_database_get_pulled_version (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), 0);

  return get_state_int (self, "pulled_version", 0);
}

/**
 * fd_database_get_pull_rewind:
 *
 * When the server refused a mutation, the rows it was about show values
 * the server does not have: the next pull must start after this version
 * rather than at the stored cursor, to bring them back.
 *
 * Returns: the version to pull after, or -1 to pull from the cursor
 */
gint64
fd_database_get_pull_rewind (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), -1);

  return get_state_int (self, "pull_rewind", -1);
}

static FdOutboxEntry *
read_entry (sqlite3_stmt *stmt)
{
  FdOutboxEntry *entry = g_new0 (FdOutboxEntry, 1);

  entry->seq = sqlite3_column_int64 (stmt, 0);
  entry->mutation_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  entry->entity_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  entry->base_version = sqlite3_column_int64 (stmt, 4);
  entry->args = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  entry->batch_id = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  entry->created_at = sqlite3_column_int64 (stmt, 7);

  return entry;
}

/**
 * fd_database_list_unpushed:
 * @self: a #FdDatabase
 * @max: the most entries wanted (a push's limit)
 * @error: return location for a #GError
 *
 * The outbox entries not pushed yet, oldest first, at most @max, never
 * ending inside a batch: the entries of one user operation go together,
 * for the server to apply them all or nothing. A batch larger than @max
 * alone is cut in pieces of @max (each applied all or nothing).
 *
 * Returns: (transfer full) (element-type FdOutboxEntry): the entries, or
 *   %NULL with @error set
 */
GPtrArray *
fd_database_list_unpushed (FdDatabase  *self,
                           guint        max,
                           GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_outbox_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (max > 0, NULL);

  stmt = _fd_database_prepare (self,
                               "SELECT seq, mutation_id, name, entity_id, base_version, args,"
                               " batch_id, created_at FROM outbox"
                               " WHERE pushed_version IS NULL ORDER BY seq LIMIT ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, (gint64) max + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, "outbox");
      return NULL;
    }

  if (entries->len > max)
    {
      const char *cut_batch = ((FdOutboxEntry *) g_ptr_array_index (entries, max))->batch_id;
      guint keep = max;

      /* Back to the start of the batch the limit cuts, unless it is the
       * first one */
      while (cut_batch != NULL && keep > 0 &&
             g_strcmp0 (((FdOutboxEntry *) g_ptr_array_index (entries, keep - 1))->batch_id,
                        cut_batch) == 0)
        keep--;
      g_ptr_array_set_size (entries, keep > 0 ? keep : max);
    }

  return g_steal_pointer (&entries);
}

/**
 * fd_database_count_unpushed:
 *
 * Returns: how many outbox entries wait to be pushed
 */
gint64
fd_database_count_unpushed (FdDatabase *self)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (FD_IS_DATABASE (self), 0);

  stmt = _fd_database_prepare (self, "SELECT count(*) FROM outbox WHERE pushed_version IS NULL",
                               NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static gboolean
record_refusal (FdDatabase     *self,
                gint64          seq,
                FdPushOutcome   outcome,
                const char     *field,
                const char     *message,
                GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 base = -1;

  stmt = _fd_database_prepare (self, "SELECT base_version FROM outbox WHERE seq = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    base = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (base < 0)
    return TRUE;

  stmt = _fd_database_prepare (self,
                               "INSERT INTO sync_conflict (mutation_id, name, entity_id,"
                               " base_version, args, batch_id, status, field, message,"
                               " created_at, refused_at)"
                               " SELECT mutation_id, name, entity_id, base_version, args,"
                               " batch_id, ?2, ?3, ?4, created_at, ?5 FROM outbox WHERE seq = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, outcome == FD_PUSH_OUTCOME_CONFLICT ? "conflict" : "rejected", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, message, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  if (!step_done (self, stmt, "sync_conflict", error))
    return FALSE;

  stmt = _fd_database_prepare (self, "DELETE FROM outbox WHERE seq = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (!step_done (self, stmt, "outbox", error))
    return FALSE;

  /* The row comes back as the server has it (a create the server never
   * had has nothing to bring back) */
  if (base > 0)
    {
      gint64 rewind = get_state_int (self, "pull_rewind", -1);

      if (rewind < 0 || base - 1 < rewind)
        return set_state_int (self, "pull_rewind", base - 1, error);
    }

  return TRUE;
}

/**
 * fd_database_record_push_result:
 * @self: a #FdDatabase
 * @seq: the outbox entry
 * @outcome: what the server made of it
 * @version: the version it was applied at (%FD_PUSH_OUTCOME_APPLIED), or 0
 * @field: (nullable): the field a refusal names
 * @message: (nullable): why it was refused
 * @error: return location for a #GError
 *
 * An applied entry is kept, marked with @version, until a pull reaches
 * that version (at once if one already has). A refused one leaves the
 * outbox for the sync_conflict table. Call it for each result of a push
 * inside one fd_database_begin() … fd_database_commit(). An entry that is
 * no longer there is ignored.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
fd_database_record_push_result (FdDatabase    *self,
                                gint64         seq,
                                FdPushOutcome  outcome,
                                gint64         version,
                                const char    *field,
                                const char    *message,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (version >= 0, FALSE);

  if (outcome != FD_PUSH_OUTCOME_APPLIED)
    return record_refusal (self, seq, outcome, field, message, error);

  stmt = _fd_database_prepare (self, "UPDATE outbox SET pushed_version = ?2 WHERE seq = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, version);
  if (!step_done (self, stmt, "outbox", error))
    return FALSE;

  if (version > fd_database_get_pulled_version (self))
    return TRUE;

  stmt = _fd_database_prepare (self, "DELETE FROM outbox WHERE seq = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);

  return step_done (self, stmt, "outbox", error);
}

/**
 * fd_database_list_sync_conflicts:
 * @self: a #FdDatabase
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FdSyncConflict): the mutations
 *   the server refused, oldest first, or %NULL with @error set
 */
GPtrArray *
fd_database_list_sync_conflicts (FdDatabase  *self,
                                 GError     **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_sync_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);

  stmt = _fd_database_prepare (self,
                               "SELECT id, mutation_id, name, entity_id, args, status, field,"
                               " message, created_at, refused_at FROM sync_conflict ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdSyncConflict *conflict = g_new0 (FdSyncConflict, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      const char *dot = name != NULL ? strchr (name, '.') : NULL;

      conflict->id = sqlite3_column_int64 (stmt, 0);
      conflict->mutation_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      conflict->name = g_strdup (name);
      conflict->entity = dot != NULL ? g_strndup (name, dot - name) : g_strdup (name);
      conflict->entity_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      conflict->args = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      conflict->outcome = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "conflict") == 0
                          ? FD_PUSH_OUTCOME_CONFLICT : FD_PUSH_OUTCOME_REJECTED;
      conflict->field = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      conflict->message = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      conflict->created_at = sqlite3_column_int64 (stmt, 8);
      conflict->refused_at = sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (conflicts, conflict);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, "sync_conflict");
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

/**
 * fd_database_dup_sync_account:
 * @self: a #FdDatabase
 * @server_url: (out) (optional) (transfer full): the server this database
 *   syncs with, or %NULL
 * @email: (out) (optional) (transfer full): the account signed in there
 * @device_id: (out) (optional) (transfer full): the device id that server
 *   gave this database
 *
 * Reads what the last sign-in stored (fd_database_set_sync_account()).
 *
 * Returns: %TRUE if a server is configured
 */
gboolean
fd_database_dup_sync_account (FdDatabase  *self,
                              char       **server_url,
                              char       **email,
                              char       **device_id)
{
  g_autofree char *url = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);

  url = dup_state (self, "server_url");
  if (email != NULL)
    *email = url != NULL ? dup_state (self, "server_email") : NULL;
  if (device_id != NULL)
    *device_id = url != NULL ? dup_state (self, "server_device_id") : NULL;
  if (server_url != NULL)
    *server_url = g_strdup (url);

  return url != NULL;
}

/**
 * fd_database_set_sync_account:
 * @self: a #FdDatabase
 * @server_url: (nullable): the server, %NULL to forget it
 * @email: (nullable): the account
 * @device_id: (nullable): the device id the server gave
 * @error: return location for a #GError
 *
 * Stores, in one transaction, where and as whom this database syncs, so
 * that the next sign-in reuses the device id and the server keeps
 * recognising the outbox's mutations as this device's.
 *
 * Returns: %TRUE if stored
 */
gboolean
fd_database_set_sync_account (FdDatabase  *self,
                              const char  *server_url,
                              const char  *email,
                              const char  *device_id,
                              GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);

  if (!fd_database_begin (self, error))
    return FALSE;
  if (!set_state (self, "server_url", server_url, error) ||
      !set_state (self, "server_email", server_url != NULL ? email : NULL, error) ||
      !set_state (self, "server_device_id", server_url != NULL ? device_id : NULL, error) ||
      !fd_database_commit (self, error))
    {
      fd_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}
