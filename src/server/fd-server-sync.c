/* fd-server-sync.c — the server's half of sync: applying pushed mutations
 * through core, and reading the changes a pull asks for
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-server-store-private.h"

#include <string.h>

/*
 * A pushed mutation ("slot.update" {id, set:{…}}) becomes the FdChange
 * that made it on the device, applied by core as the pushing user: the
 * same validation, roles, locks and per-field conflict check as on a
 * desktop. In the same transaction the organisation's clock is bumped
 * (its version is the mutation's), the rows core logged are stamped with
 * it in the change index, and the mutation id is recorded for its device.
 *
 * Bases: a device sends the server version of the row it saw; core checks
 * fields against its own revisions (change_log seqs). srv_version says at
 * which revision each version ended, which translates one into the other
 * because versions and revisions both grow in commit order. A device's
 * own earlier mutations of the row count as seen: it made this edit after
 * them, even if no pull had brought them back yet.
 */

/* Bookkeeping columns a pull does not send: each replica keeps its own */
static const char * const local_columns[] = {
  "id", "version", "revision", "deleted", "updated_at", "search_key", "sort_key",
};

/* Columns core computes from other rows on every replica (fd-schema.c) */
static const char * const computed_columns[][2] = {
  { "session", "starts_on" },
  { "session", "ends_on" },
};

static gboolean
is_identifier (const char *text)
{
  gsize length = 0;

  if (text == NULL || !g_ascii_islower (text[0]))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++, length++)
    if (length >= FD_SYNC_MAX_NAME_LENGTH ||
        !(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;

  return TRUE;
}

static gint64
query_int (FdServerStore *self,
           const char    *sql,
           gint64         parameter,
           gint64         fallback)
{
  sqlite3_stmt *stmt = _fd_server_store_prepare (self, sql, NULL);
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;
  sqlite3_bind_int64 (stmt, 1, parameter);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

static gint64
last_revision (FdServerStore *self)
{
  return query_int (self, "SELECT coalesce(max(seq), $1) FROM change_log", 0, 0);
}

/* Synced tables have a version and a tombstone; local ones (the outbox,
 * blobs, credentials) cannot be pushed to */
static gboolean
is_synced_entity (FdServerStore *self,
                  const char    *entity)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  if (!is_identifier (entity) || g_str_has_prefix (entity, "srv_"))
    return FALSE;

  stmt = _fd_server_store_prepare (self,
                                   "SELECT count(*) FROM pragma_table_info($1)"
                                   " WHERE name IN ('version', 'deleted', 'revision')",
                                   NULL);
  if (stmt == NULL)
    return FALSE;
  _fd_server_bind_text (stmt, 1, entity);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n == 3;
}

gboolean
_fd_server_store_apply_versioned (FdServerStore  *self,
                                  FdChange       *change,
                                  gint64         *version,
                                  GError        **error)
{
  gint64 before = last_revision (self);
  gint64 ver = 0;
  sqlite3_stmt *stmt;

  /* The clock row is the one every writer updates: the commit order */
  stmt = _fd_server_store_prepare (self,
                                   "UPDATE srv_clock SET ver = ver + 1 WHERE id = 1 RETURNING ver",
                                   error);
  if (stmt == NULL || !_fd_server_store_step (self, stmt, "clock", error))
    return FALSE;
  ver = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (ver <= 0)
    {
      g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_FAILED,
                           _("The server database has no clock; it is damaged."));
      return FALSE;
    }

  if (!fd_database_apply (self->database, change, error))
    return FALSE;

  stmt = _fd_server_store_prepare (self,
                                   "INSERT INTO srv_change (entity, entity_id, version)"
                                   " SELECT entity, entity_id, $1 FROM change_log WHERE seq > $2"
                                   " ON CONFLICT (entity, entity_id)"
                                   " DO UPDATE SET version = excluded.version",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ver);
  sqlite3_bind_int64 (stmt, 2, before);
  if (!_fd_server_store_step (self, stmt, "change index", error))
    return FALSE;
  sqlite3_reset (stmt);

  stmt = _fd_server_store_prepare (self,
                                   "INSERT INTO srv_version (version, revision) VALUES ($1, $2)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ver);
  sqlite3_bind_int64 (stmt, 2, last_revision (self));
  if (!_fd_server_store_step (self, stmt, "version", error))
    return FALSE;
  sqlite3_reset (stmt);

  /* Core queued the mutation for a push; the server pushes to nobody */
  stmt = _fd_server_store_prepare (self, "DELETE FROM outbox", error);
  if (stmt == NULL || !_fd_server_store_step (self, stmt, "outbox", error))
    return FALSE;
  sqlite3_reset (stmt);

  *version = ver;
  return TRUE;
}

/* What a refused mutation becomes */
typedef struct
{
  FdSyncStatus status;
  char *field;
  char *message;
} Refusal;

static void
refusal_clear (Refusal *refusal)
{
  g_clear_pointer (&refusal->field, g_free);
  g_clear_pointer (&refusal->message, g_free);
}

static void
refuse (Refusal    *refusal,
        const char *field,
        const char *message)
{
  refusal_clear (refusal);
  refusal->status = FD_SYNC_STATUS_REJECTED;
  refusal->field = g_strdup (field);
  refusal->message = g_strdup (message);
}

static gboolean
set_field (FdChange   *change,
           const char *name,
           JsonNode   *value,
           Refusal    *refusal)
{
  if (!is_identifier (name))
    {
      refuse (refusal, NULL, _("The change names a field that does not exist."));
      return FALSE;
    }

  if (JSON_NODE_HOLDS_NULL (value))
    {
      fd_change_set_null (change, name);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (value))
    {
      switch (json_node_get_value_type (value))
        {
        case G_TYPE_STRING:
          fd_change_set_string (change, name, json_node_get_string (value));
          return TRUE;
        case G_TYPE_INT64:
          fd_change_set_int (change, name, json_node_get_int (value));
          return TRUE;
        case G_TYPE_DOUBLE:
          fd_change_set_double (change, name, json_node_get_double (value));
          return TRUE;
        case G_TYPE_BOOLEAN:
          fd_change_set_bool (change, name, json_node_get_boolean (value));
          return TRUE;
        default:
          break;
        }
    }

  refuse (refusal, name, _("A field’s value must be text, a number, true, false or null."));
  return FALSE;
}

/* The FdChange @mutation stands for, based on @base_revision */
static FdChange *
mutation_to_change (FdServerStore        *self,
                    const FdSyncMutation *mutation,
                    gint64                base_revision,
                    Refusal              *refusal)
{
  g_autoptr(FdChange) change = NULL;
  g_auto(GStrv) parts = g_strsplit (mutation->name, ".", 2);
  const char *entity = parts[0];
  const char *kind = parts[1];
  JsonNode *id_node = json_object_get_member (mutation->args, "id");
  JsonNode *set_node = json_object_get_member (mutation->args, "set");
  JsonObject *set = NULL;
  gboolean with_set;

  if (kind == NULL || !is_synced_entity (self, entity))
    {
      refuse (refusal, NULL, _("The server does not know this kind of record."));
      return NULL;
    }

  if (g_str_equal (kind, "create"))
    change = fd_change_new_create_with_id (entity, mutation->entity_id);
  else if (g_str_equal (kind, "update"))
    change = fd_change_new_update (entity, mutation->entity_id, base_revision);
  else if (g_str_equal (kind, "delete"))
    change = fd_change_new_delete (entity, mutation->entity_id, base_revision);
  else if (g_str_equal (kind, "restore"))
    change = fd_change_new_restore (entity, mutation->entity_id, base_revision);
  else
    {
      refuse (refusal, NULL, _("The server does not know this kind of change."));
      return NULL;
    }

  /* args.id repeats entity_id: both must say the same row */
  if (id_node == NULL || !JSON_NODE_HOLDS_VALUE (id_node) ||
      json_node_get_value_type (id_node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (id_node), mutation->entity_id) != 0)
    {
      refuse (refusal, NULL, _("The change is not about the record it names."));
      return NULL;
    }

  with_set = fd_change_get_kind (change) == FD_CHANGE_CREATE ||
             fd_change_get_kind (change) == FD_CHANGE_UPDATE;
  if (with_set)
    {
      if (set_node == NULL || !JSON_NODE_HOLDS_OBJECT (set_node))
        {
          refuse (refusal, NULL, _("The change does not say which fields it sets."));
          return NULL;
        }
      set = json_node_get_object (set_node);
    }

  if (set != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, set);
      while (json_object_iter_next (&iter, &name, &value))
        if (!set_field (change, name, value, refusal))
          return NULL;

      if (fd_change_get_kind (change) == FD_CHANGE_UPDATE && fd_change_get_n_fields (change) == 0)
        {
          refuse (refusal, NULL, _("The change does not say which fields it sets."));
          return NULL;
        }
    }

  return g_steal_pointer (&change);
}

/* The errors that say something about the mutation (it is refused), as
 * opposed to the server's own failures (the push fails, to be retried) */
static gboolean
is_refusal (const GError *error)
{
  if (error->domain == FD_VALIDATION_ERROR)
    return TRUE;

  if (error->domain == FD_DATABASE_ERROR)
    return error->code == FD_DATABASE_ERROR_NOT_FOUND ||
           error->code == FD_DATABASE_ERROR_CONSTRAINT;

  return FALSE;
}

static gboolean
lookup_applied (FdServerStore  *self,
                const char     *device_id,
                const char     *mutation_id,
                gint64         *version,
                GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = _fd_server_store_prepare (self,
                                   "SELECT version FROM srv_applied"
                                   " WHERE device_id = $1 AND mutation_id = $2",
                                   error);
  if (stmt == NULL)
    return FALSE;
  _fd_server_bind_text (stmt, 1, device_id);
  _fd_server_bind_text (stmt, 2, mutation_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  *version = found ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
record_applied (FdServerStore        *self,
                const char           *device_id,
                const FdSyncMutation *mutation,
                gint64                version,
                GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = _fd_server_store_prepare (self,
                                   "INSERT INTO srv_applied"
                                   " (device_id, mutation_id, entity_id, version, applied_at)"
                                   " VALUES ($1, $2, $3, $4, $5)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  _fd_server_bind_text (stmt, 1, device_id);
  _fd_server_bind_text (stmt, 2, mutation->id);
  _fd_server_bind_text (stmt, 3, mutation->entity_id);
  sqlite3_bind_int64 (stmt, 4, version);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  if (!_fd_server_store_step (self, stmt, "applied", error))
    return FALSE;
  sqlite3_reset (stmt);

  return TRUE;
}

/* The revision core should check @mutation's fields against */
static gint64
base_revision (FdServerStore        *self,
               const char           *device_id,
               const FdSyncMutation *mutation)
{
  sqlite3_stmt *stmt;
  gint64 base = mutation->base_version;

  stmt = _fd_server_store_prepare (self,
                                   "SELECT max(version) FROM srv_applied"
                                   " WHERE device_id = $1 AND entity_id = $2",
                                   NULL);
  if (stmt != NULL)
    {
      _fd_server_bind_text (stmt, 1, device_id);
      _fd_server_bind_text (stmt, 2, mutation->entity_id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        base = MAX (base, sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
    }

  return query_int (self,
                    "SELECT revision FROM srv_version WHERE version <= $1"
                    " ORDER BY version DESC LIMIT 1",
                    base, 0);
}

/* Applies mutations [@first, @last) of @request, one batch (or one
 * mutation), in one transaction; adds their results to @results. FALSE
 * only when the server failed (nothing of the batch is applied). */
static gboolean
apply_group (FdServerStore      *self,
             FdUser             *user,
             const char         *device_id,
             FdSyncPushRequest  *request,
             guint               first,
             guint               last,
             GPtrArray          *results,
             GError            **error)
{
  g_autoptr(GPtrArray) group = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_sync_result_free);
  Refusal refusal = { 0 };
  guint refused = G_MAXUINT;
  gint64 now_version;

  if (!fd_database_begin (self->database, error))
    return FALSE;

  now_version = fd_server_store_get_version (self);
  fd_database_set_user (self->database, user);

  for (guint i = first; i < last && refused == G_MAXUINT; i++)
    {
      const FdSyncMutation *mutation = g_ptr_array_index (request->mutations, i);
      g_autoptr(FdChange) change = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 version = 0;

      if (lookup_applied (self, device_id, mutation->id, &version, &local_error))
        {
          g_ptr_array_add (group, fd_sync_result_new (mutation->id, FD_SYNC_STATUS_DUPLICATE,
                                                      version, NULL, NULL));
          continue;
        }
      if (local_error != NULL)
        goto failed_with_local_error;

      if (mutation->base_version > now_version)
        {
          refuse (&refusal, NULL, _("The change is based on a version the server never had."));
          refused = i;
          break;
        }

      change = mutation_to_change (self, mutation, base_revision (self, device_id, mutation),
                                   &refusal);
      if (change == NULL)
        {
          refused = i;
          break;
        }

      if (!_fd_server_store_apply_versioned (self, change, &version, &local_error))
        {
          if (!is_refusal (local_error))
            goto failed_with_local_error;

          refuse (&refusal, fd_validation_error_get_field (local_error), local_error->message);
          if (g_error_matches (local_error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_CONFLICT))
            refusal.status = FD_SYNC_STATUS_CONFLICT;
          refused = i;
          break;
        }

      if (!record_applied (self, device_id, mutation, version, &local_error))
        goto failed_with_local_error;

      now_version = version;
      g_ptr_array_add (group, fd_sync_result_new (mutation->id, FD_SYNC_STATUS_APPLIED,
                                                  version, NULL, NULL));
      continue;

failed_with_local_error:
      fd_database_set_user (self->database, NULL);
      fd_database_rollback (self->database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  fd_database_set_user (self->database, NULL);

  if (refused == G_MAXUINT)
    {
      if (!fd_database_commit (self->database, error))
        return FALSE;
      for (guint i = 0; i < group->len; i++)
        g_ptr_array_add (results, g_steal_pointer (&group->pdata[i]));
      return TRUE;
    }

  /* All or nothing: the refused one says why, the others of its batch
   * that would have been applied are refused with it */
  fd_database_rollback (self->database);
  for (guint i = first; i < last; i++)
    {
      const FdSyncMutation *mutation = g_ptr_array_index (request->mutations, i);
      const FdSyncResult *done = i - first < group->len ? g_ptr_array_index (group, i - first) : NULL;

      if (i == refused)
        g_ptr_array_add (results, fd_sync_result_new (mutation->id, refusal.status, 0,
                                                      refusal.field, refusal.message));
      else if (done != NULL && done->status == FD_SYNC_STATUS_DUPLICATE)
        g_ptr_array_add (results, fd_sync_result_new (mutation->id, FD_SYNC_STATUS_DUPLICATE,
                                                      done->version, NULL, NULL));
      else
        g_ptr_array_add (results,
                         fd_sync_result_new (mutation->id, FD_SYNC_STATUS_REJECTED, 0, NULL,
                                             _("Not applied: another change of the same "
                                               "operation was refused.")));
    }
  refusal_clear (&refusal);

  return TRUE;
}

/**
 * fd_server_store_push:
 * @self: a #FdServerStore
 * @user: the pushing account
 * @device_id: its device (the token's, checked by the caller)
 * @request: the mutations, in the order the device made them
 * @error: return location for a #GError
 *
 * Applies each mutation in its own short transaction, or each batch (a
 * run of mutations sharing a batch id) in one, all or nothing.
 *
 * Returns: (transfer full): one result per mutation, in order; %NULL with
 *   @error set if the server failed (what was applied before stays
 *   applied, and a retry reports it as duplicate)
 */
FdSyncPushResponse *
fd_server_store_push (FdServerStore      *self,
                      FdUser             *user,
                      const char         *device_id,
                      FdSyncPushRequest  *request,
                      GError            **error)
{
  g_autoptr(FdSyncPushResponse) response = NULL;
  guint n;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (FD_IS_USER (user), NULL);
  g_return_val_if_fail (device_id != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);

  response = fd_sync_push_response_new (g_get_real_time ());
  n = request->mutations->len;

  for (guint first = 0; first < n;)
    {
      const FdSyncMutation *mutation = g_ptr_array_index (request->mutations, first);
      guint last = first + 1;

      if (mutation->batch_id != NULL)
        while (last < n &&
               g_strcmp0 (((FdSyncMutation *) g_ptr_array_index (request->mutations, last))->batch_id,
                          mutation->batch_id) == 0)
          last++;

      if (!apply_group (self, user, device_id, request, first, last, response->results, error))
        return NULL;
      first = last;
    }

  return g_steal_pointer (&response);
}

static gboolean
is_sent_column (const char *entity,
                const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (local_columns); i++)
    if (g_str_equal (column, local_columns[i]))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (computed_columns); i++)
    if (g_str_equal (entity, computed_columns[i][0]) && g_str_equal (column, computed_columns[i][1]))
      return FALSE;

  return TRUE;
}

/* The row as JSON; NULL if it is missing */
static JsonObject *
read_row (FdServerStore  *self,
          const char     *entity,
          const char     *id,
          gboolean       *deleted,
          GError        **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(JsonObject) row = NULL;
  sqlite3_stmt *stmt;
  int n_columns;

  /* @entity comes from the change index, which core's log fed */
  g_assert (is_identifier (entity));
  sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = $1", entity);
  stmt = _fd_server_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  _fd_server_bind_text (stmt, 1, id);
  if (!_fd_server_store_step (self, stmt, "pull row", error))
    return NULL;

  row = json_object_new ();
  *deleted = FALSE;
  n_columns = sqlite3_data_count (stmt);
  if (n_columns == 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_NOT_FOUND,
                   "%s %s is in the change index but not in its table", entity, id);
      return NULL;
    }

  for (int i = 0; i < n_columns; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      if (g_str_equal (name, "deleted"))
        *deleted = sqlite3_column_int (stmt, i) != 0;
      if (!is_sent_column (entity, name))
        continue;

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          json_object_set_int_member (row, name, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_object_set_double_member (row, name, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_TEXT:
          {
            g_autofree char *text = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, i),
                                                       sqlite3_column_bytes (stmt, i));

            json_object_set_string_member (row, name, text);
          }
          break;
        case SQLITE_NULL:
        case SQLITE_BLOB:
        default:
          json_object_set_null_member (row, name);
          break;
        }
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&row);
}

typedef struct
{
  gint64 version;
  char *entity;
  char *id;
} IndexEntry;

static void
index_entry_free (IndexEntry *entry)
{
  g_free (entry->entity);
  g_free (entry->id);
  g_free (entry);
}

static gboolean
read_index (FdServerStore  *self,
            const char     *sql,
            gint64          parameter,
            gint64          limit,
            GPtrArray      *entries,
            GError        **error)
{
  sqlite3_stmt *stmt = _fd_server_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parameter);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IndexEntry *entry = g_new0 (IndexEntry, 1);

      entry->version = sqlite3_column_int64 (stmt, 0);
      entry->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self->database, error, "pull");
      return FALSE;
    }

  return TRUE;
}

static gboolean
fill_page (FdServerStore       *self,
           gint64               since,
           guint                limit,
           FdSyncPullResponse **out,
           GError             **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) index_entry_free);
  g_autoptr(FdSyncPullResponse) response = NULL;
  g_autofree char *cursor = NULL;
  gboolean more = FALSE;
  gint64 last = since;

  if (!read_index (self,
                   "SELECT version, entity, entity_id FROM srv_change WHERE version > $1"
                   " ORDER BY version, entity, entity_id LIMIT $2",
                   since, (gint64) limit + 1, entries, error))
    return FALSE;

  if (entries->len > limit)
    {
      gint64 cut = ((IndexEntry *) g_ptr_array_index (entries, limit))->version;
      guint keep = limit;

      /* A page ends between versions, never inside one: the cursor is a
       * version, and the rest of a version cut in two would be skipped */
      while (keep > 0 && ((IndexEntry *) g_ptr_array_index (entries, keep - 1))->version == cut)
        keep--;
      if (keep > 0)
        g_ptr_array_set_size (entries, keep);
      else
        {
          /* One version larger than a page: send all of it */
          g_ptr_array_set_size (entries, 0);
          if (!read_index (self,
                           "SELECT version, entity, entity_id FROM srv_change WHERE version = $1"
                           " ORDER BY entity, entity_id LIMIT $2",
                           cut, FD_SYNC_MAX_PULL_CHANGES, entries, error))
            return FALSE;
        }
      more = TRUE;
    }

  if (entries->len > 0)
    last = ((IndexEntry *) g_ptr_array_index (entries, entries->len - 1))->version;

  cursor = fd_sync_cursor_encode (last);
  response = fd_sync_pull_response_new (cursor, more);
  for (guint i = 0; i < entries->len; i++)
    {
      const IndexEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(JsonObject) row = NULL;
      gboolean deleted = FALSE;

      if (!is_identifier (entry->entity))
        {
          g_warning ("Change index names “%s”, not a table; skipped", entry->entity);
          continue;
        }
      row = read_row (self, entry->entity, entry->id, &deleted, error);
      if (row == NULL)
        return FALSE;
      g_ptr_array_add (response->changes,
                       fd_sync_change_new (entry->version, entry->entity, entry->id, deleted, row));
    }

  *out = g_steal_pointer (&response);
  return TRUE;
}

/**
 * fd_server_store_pull:
 * @self: a #FdServerStore
 * @user: the pulling account
 * @since: the version the device has everything up to (its cursor's)
 * @limit: the most changes wanted, 1 to %FD_SYNC_MAX_PULL_CHANGES (a page
 *   may hold more when one version changed more rows)
 * @error: return location for a #GError
 *
 * The rows changed after @since, each once, at its last version, in
 * version order, read in one snapshot.
 *
 * Returns: (transfer full): a page of changes, or %NULL with @error set
 */
FdSyncPullResponse *
fd_server_store_pull (FdServerStore  *self,
                      FdUser         *user,
                      gint64          since,
                      guint           limit,
                      GError        **error)
{
  FdSyncPullResponse *response = NULL;
  FdRole role;
  gboolean ok;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (FD_IS_USER (user), NULL);
  g_return_val_if_fail (since >= 0, NULL);

  /* Until buckets exist, only staff receive data: the whole organisation */
  role = fd_user_get_role (user);
  if (role == FD_ROLE_TRAINER || role == FD_ROLE_KIOSK)
    {
      g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_FORBIDDEN,
                           _("This server does not send data to trainers’ and kiosks’ "
                             "devices yet."));
      return NULL;
    }

  limit = CLAMP (limit, 1, FD_SYNC_MAX_PULL_CHANGES);

  /* A read transaction: the index and the rows from one snapshot */
  if (!_fd_database_run (self->database, "BEGIN", error))
    return NULL;
  ok = fill_page (self, since, limit, &response, error);
  _fd_database_run (self->database, ok ? "COMMIT" : "ROLLBACK", NULL);

  return ok ? response : NULL;
}
