/* fd-sync-client.c — the device's side of sync: sign in, push the outbox,
 * pull the server's changes
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-sync-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-sync-client.h"

#include "fd-core.h"
#include "fd-sync-protocol.h"

#include <libsoup/soup.h>
#include <string.h>

/*
 * FdSyncClient talks to one formadesk-server (src/server/API.md) for one
 * local database. It is what the app's sync engine and `formadesk-cli
 * sync` run; it has no UI and no GTK.
 *
 * Threads. Every operation blocks on the network and the database, so it
 * runs in a worker: the _async functions run it in a GTask thread, the
 * blocking ones are for threads that may block (the CLI, a worker). Each
 * operation opens its own FdDatabase on the file (one connection per
 * thread, WAL lets the UI read meanwhile) and its own SoupSession (used
 * by that thread only), and operations of one client run one at a time.
 * What a pull writes reaches the UI's connection through the change log:
 * the UI calls fd_database_check_changes() (or watches) and gets
 * #FdDatabase::rows-changed for the pulled rows.
 *
 * Tokens live in memory only (the app keeps the refresh token in the
 * keyring): an access token is sent with each request; on a 401 the
 * refresh token is spent once for new tokens and the request sent again;
 * a second 401 means the device was signed out or revoked.
 *
 * Push. The outbox is read oldest first in batches of at most
 * FD_SYNC_MAX_MUTATIONS that never cut a user operation's batch
 * (fd_database_list_unpushed()); each answer is recorded in one local
 * transaction: applied and duplicate entries are marked with their
 * version and deleted once a pull reaches it, conflicts and rejections
 * leave the outbox for the sync_conflict table (fd-sync-state.h). A
 * failure to reach the server, or an answer that is not the protocol,
 * records nothing: everything stays queued and is sent again, which the
 * server's per-device mutation ids make harmless.
 *
 * Pull. Pages are fetched until the server says there are no more, each
 * applied with its cursor in one local transaction
 * (fd_database_apply_pulled()), so an interrupted pull resumes where it
 * stopped. After a refusal the next pull starts again just before the
 * refused entry's base version (fd_database_get_pull_rewind()), so that
 * the row shows what the server has.
 *
 * sync_once = push, then pull to the end.
 */

#define DEFAULT_PAGE_SIZE 1000
#define TIMEOUT_SECONDS 60
#define MAX_TOKENS_BYTES FD_SYNC_MAX_SMALL_BYTES

struct _FdSyncClient
{
  GObject parent_instance;

  char *server_url; /* without a trailing slash */
  char *database_path;
  gboolean loopback;
  guint page_size;

  GMutex run_lock; /* one operation at a time */

  GMutex lock; /* guards what follows */
  char *access_token;
  char *refresh_token;
  char *device_id;
};

G_DEFINE_FINAL_TYPE (FdSyncClient, fd_sync_client, G_TYPE_OBJECT)
G_DEFINE_QUARK (fd-sync-client-error-quark, fd_sync_client_error)

static SoupSession *
make_session (FdSyncClient *self)
{
  SoupSession *session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                        "user-agent", "Formadesk/" PACKAGE_VERSION,
                                                        NULL);

  /* A server on this machine is never reached through a proxy */
  if (self->loopback)
    soup_session_set_proxy_resolver (session, NULL);

  return session;
}

static char *
dup_token (FdSyncClient *self,
           char        **field)
{
  char *value;

  g_mutex_lock (&self->lock);
  value = g_strdup (*field);
  g_mutex_unlock (&self->lock);

  return value;
}

static void
clear_tokens (FdSyncClient *self)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->access_token, g_free);
  g_clear_pointer (&self->refresh_token, g_free);
  g_mutex_unlock (&self->lock);
}

/* The sentence a server's error carries, for the log */
static char *
dup_server_message (GBytes *body)
{
  g_autofree char *code = NULL;
  char *message = NULL;
  gsize length = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;

  if (data == NULL || !fd_sync_error_decode (data, length, &code, &message, NULL))
    return NULL;

  return message;
}

/* What an HTTP status other than 200 means for the user */
static void
set_status_error (guint        status,
                  GBytes      *body,
                  gboolean     signing_in,
                  GError     **error)
{
  g_autofree char *message = dup_server_message (body);

  g_debug ("HTTP %u: %s", status, message != NULL ? message : "(no message)");

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      if (signing_in)
        g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_BAD_CREDENTIALS,
                             _("The server refused this email address and password."));
      else
        g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_UNAUTHORIZED,
                             _("The server no longer accepts this device: it was signed out "
                               "or revoked. Sign in again; your changes are kept."));
      break;

    case SOUP_STATUS_FORBIDDEN:
      g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_FORBIDDEN,
                           _("This account may not synchronise with this server."));
      break;

    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_UNAVAILABLE,
                           _("The server is unavailable for now; your changes are kept and "
                             "will be sent later."));
      break;

    default:
      g_set_error (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_PROTOCOL,
                   _("The server gave an answer Formadesk does not understand (HTTP %u)."),
                   status);
      break;
    }
}

/* One HTTP exchange. Returns the body (and its status), or NULL with
 * @error set when there was no answer. */
static GBytes *
exchange (FdSyncClient  *self,
          SoupSession   *session,
          const char    *method,
          const char    *path,
          const char    *token,
          GBytes        *body,
          guint         *status,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *uri = g_strconcat (self->server_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) local_error = NULL;
  GBytes *response;

  if (msg == NULL)
    {
      g_set_error (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_UNREACHABLE,
                   _("“%s” is not a server address."), self->server_url);
      return NULL;
    }

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);

  response = soup_session_send_and_read (session, msg, cancellable, &local_error);
  if (response == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_UNREACHABLE,
                     /* Translators: %1$s is a server address, %2$s why it failed */
                     _("Could not reach the server at %1$s: %2$s"), self->server_url,
                     local_error->message);
      return NULL;
    }

  *status = soup_message_get_status (msg);

  return response;
}

/* The JSON text of @builder's object */
static GBytes *
builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *text = json_to_string (root, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static gboolean
read_tokens (FdSyncClient  *self,
             GBytes        *body,
             GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  const char *member[3] = { "access_token", "refresh_token", "device_id" };
  const char *value[3] = { NULL };
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  root = fd_sync_parse_json (data, length, MAX_TOKENS_BYTES, NULL);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  for (guint i = 0; object != NULL && i < G_N_ELEMENTS (member); i++)
    {
      JsonNode *node = json_object_get_member (object, member[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        value[i] = json_node_get_string (node);
    }

  if (value[0] == NULL || value[1] == NULL || !fd_sync_is_valid_id (value[2]))
    {
      g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_PROTOCOL,
                           _("The server’s answer to the sign-in is not one Formadesk "
                             "understands."));
      return FALSE;
    }

  g_mutex_lock (&self->lock);
  g_free (self->access_token);
  self->access_token = g_strdup (value[0]);
  g_free (self->refresh_token);
  self->refresh_token = g_strdup (value[1]);
  g_free (self->device_id);
  self->device_id = g_strdup (value[2]);
  g_mutex_unlock (&self->lock);

  return TRUE;
}

/* Spends the refresh token for new tokens */
static gboolean
refresh (FdSyncClient  *self,
         SoupSession   *session,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autofree char *refresh_token = dup_token (self, &self->refresh_token);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) response = NULL;
  guint status = 0;

  if (refresh_token == NULL)
    {
      g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_UNAUTHORIZED,
                           _("The server no longer accepts this device: it was signed out "
                             "or revoked. Sign in again; your changes are kept."));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, refresh_token);
  json_builder_end_object (builder);
  body = builder_to_bytes (builder);

  response = exchange (self, session, "POST", "/v1/refresh", NULL, body, &status, cancellable,
                       error);
  if (response == NULL)
    return FALSE;
  if (status != SOUP_STATUS_OK)
    {
      if (status == SOUP_STATUS_UNAUTHORIZED)
        clear_tokens (self);
      set_status_error (status, response, FALSE, error);
      return FALSE;
    }

  return read_tokens (self, response, error);
}

/* An exchange with the access token; on a 401, refreshes once and tries
 * again */
static GBytes *
authorized (FdSyncClient  *self,
            SoupSession   *session,
            const char    *method,
            const char    *path,
            GBytes        *body,
            guint         *status,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *token = dup_token (self, &self->access_token);
  GBytes *response;

  if (token == NULL)
    {
      g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_NOT_SIGNED_IN,
                           _("Sign in to the server first."));
      return NULL;
    }

  response = exchange (self, session, method, path, token, body, status, cancellable, error);
  if (response == NULL || *status != SOUP_STATUS_UNAUTHORIZED)
    return response;

  g_bytes_unref (response);
  if (!refresh (self, session, cancellable, error))
    return NULL;

  g_free (token);
  token = dup_token (self, &self->access_token);

  return exchange (self, session, method, path, token, body, status, cancellable, error);
}

static gboolean
login_with (FdSyncClient  *self,
            SoupSession   *session,
            const char    *email,
            const char    *password,
            const char    *device_name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(FdDatabase) db = NULL;
  g_autofree char *known_url = NULL;
  g_autofree char *known_email = NULL;
  g_autofree char *known_device_id = NULL;
  g_autofree char *device_id = NULL;
  guint status = 0;

  /* The device id this database had from this server and account: sent
   * back, so that a push whose answer was lost before this sign-in is
   * still recognised as a duplicate */
  db = fd_database_open (self->database_path, FD_DATABASE_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;
  fd_database_dup_sync_account (db, &known_url, &known_email, &known_device_id);
  if (g_strcmp0 (known_url, self->server_url) != 0 || known_email == NULL ||
      g_ascii_strcasecmp (known_email, email) != 0 || !fd_sync_is_valid_id (known_device_id))
    g_clear_pointer (&known_device_id, g_free);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_set_member_name (builder, "device_name");
  json_builder_add_string_value (builder, device_name != NULL ? device_name : g_get_host_name ());
  if (known_device_id != NULL)
    {
      json_builder_set_member_name (builder, "device_id");
      json_builder_add_string_value (builder, known_device_id);
    }
  json_builder_end_object (builder);
  body = builder_to_bytes (builder);

  response = exchange (self, session, "POST", "/v1/login", NULL, body, &status, cancellable,
                       error);
  if (response == NULL)
    return FALSE;
  if (status != SOUP_STATUS_OK)
    {
      set_status_error (status, response, TRUE, error);
      return FALSE;
    }

  if (!read_tokens (self, response, error))
    return FALSE;

  device_id = dup_token (self, &self->device_id);
  if (!fd_database_set_sync_account (db, self->server_url, email, device_id, error))
    {
      clear_tokens (self);
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
new_seq_array (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void
add_seq (GPtrArray *array,
         gint64     seq)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = seq;
  g_ptr_array_add (array, copy);
}

static gboolean
contains_seq (GPtrArray *array,
              gint64     seq)
{
  for (guint i = 0; i < array->len; i++)
    if (*(gint64 *) g_ptr_array_index (array, i) == seq)
      return TRUE;

  return FALSE;
}

static FdPushOutcome
outcome_of (FdSyncStatus status)
{
  switch (status)
    {
    case FD_SYNC_STATUS_CONFLICT:
      return FD_PUSH_OUTCOME_CONFLICT;
    case FD_SYNC_STATUS_REJECTED:
      return FD_PUSH_OUTCOME_REJECTED;
    case FD_SYNC_STATUS_APPLIED:
    case FD_SYNC_STATUS_DUPLICATE:
    default:
      return FD_PUSH_OUTCOME_APPLIED;
    }
}

/* Pushes one batch of the outbox; *@done when it was empty */
static gboolean
push_batch (FdSyncClient  *self,
            SoupSession   *session,
            FdDatabase    *db,
            gboolean      *done,
            FdSyncStats   *stats,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) unreadable = new_seq_array ();
  g_autoptr(FdSyncPushRequest) request = NULL;
  g_autoptr(FdSyncPushResponse) response = NULL;
  g_autoptr(GHashTable) results = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) sent = NULL;
  g_autofree char *device_id = dup_token (self, &self->device_id);
  g_autofree char *text = NULL;
  guint status = 0;
  guint missing = 0;
  gsize length = 0;
  const char *data;

  *done = FALSE;

  entries = fd_database_list_unpushed (db, FD_SYNC_MAX_MUTATIONS, error);
  if (entries == NULL)
    return FALSE;
  if (entries->len == 0)
    {
      *done = TRUE;
      return TRUE;
    }

  if (device_id == NULL)
    {
      g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_NOT_SIGNED_IN,
                           _("Sign in to the server first."));
      return FALSE;
    }

  request = fd_sync_push_request_new (device_id);
  for (guint i = 0; i < entries->len; i++)
    {
      const FdOutboxEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(JsonNode) args = NULL;
      g_autoptr(GError) local_error = NULL;

      args = fd_sync_parse_json (entry->args, strlen (entry->args), FD_SYNC_MAX_PUSH_BYTES,
                                 &local_error);
      if (args == NULL || !JSON_NODE_HOLDS_OBJECT (args) ||
          !fd_sync_is_valid_id (entry->mutation_id) || !fd_sync_is_valid_name (entry->name) ||
          !fd_sync_is_valid_id (entry->entity_id) ||
          (entry->batch_id != NULL && !fd_sync_is_valid_id (entry->batch_id)))
        {
          g_warning ("Outbox entry %" G_GINT64_FORMAT " (%s) cannot be sent: %s", entry->seq,
                     entry->name, local_error != NULL ? local_error->message : "not valid");
          add_seq (unreadable, entry->seq);
          continue;
        }

      g_ptr_array_add (request->mutations,
                       fd_sync_mutation_new (entry->mutation_id, entry->name, entry->entity_id,
                                             entry->base_version, json_node_get_object (args),
                                             entry->batch_id));
    }

  if (request->mutations->len > 0)
    {
      text = fd_sync_push_request_encode (request, &length);
      sent = g_bytes_new_take (g_steal_pointer (&text), length);
      body = authorized (self, session, "POST", "/v1/push", sent, &status, cancellable, error);
      if (body == NULL)
        return FALSE;
      if (status != SOUP_STATUS_OK)
        {
          set_status_error (status, body, FALSE, error);
          return FALSE;
        }

      data = g_bytes_get_data (body, &length);
      response = fd_sync_push_response_decode (data, length, NULL);
      if (response == NULL)
        {
          g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_PROTOCOL,
                               _("The server’s answer to the changes sent is not one Formadesk "
                                 "understands; they will be sent again."));
          return FALSE;
        }
      stats->server_time = response->server_time;

      results = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < response->results->len; i++)
        {
          FdSyncResult *result = g_ptr_array_index (response->results, i);

          g_hash_table_insert (results, result->id, result);
        }
    }

  /* Every answer of the push in one transaction */
  if (!fd_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      const FdOutboxEntry *entry = g_ptr_array_index (entries, i);
      const FdSyncResult *result = NULL;
      gboolean ok;

      if (contains_seq (unreadable, entry->seq))
        {
          ok = fd_database_record_push_result (db, entry->seq, FD_PUSH_OUTCOME_REJECTED, 0, NULL,
                                               _("This change is damaged and cannot be sent."),
                                               error);
          stats->rejected++;
        }
      else
        {
          result = g_hash_table_lookup (results, entry->mutation_id);
          if (result == NULL)
            {
              missing++;
              continue;
            }
          ok = fd_database_record_push_result (db, entry->seq, outcome_of (result->status),
                                               result->version, result->field, result->message,
                                               error);
          if (result->status == FD_SYNC_STATUS_CONFLICT)
            stats->conflicts++;
          else if (result->status == FD_SYNC_STATUS_REJECTED)
            stats->rejected++;
          else
            stats->pushed++;
        }

      if (!ok)
        {
          fd_database_rollback (db);
          return FALSE;
        }
    }
  if (!fd_database_commit (db, error))
    return FALSE;

  /* What the server did not answer for stays queued; sending it again in
   * a loop would never end */
  if (missing > 0)
    {
      g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_PROTOCOL,
                           _("The server did not answer for every change sent; they will be "
                             "sent again."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
push_with (FdSyncClient  *self,
           SoupSession   *session,
           FdDatabase    *db,
           FdSyncStats   *stats,
           GCancellable  *cancellable,
           GError       **error)
{
  gboolean done = FALSE;

  while (!done)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !push_batch (self, session, db, &done, stats, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static void
set_value (FdChange   *values,
           const char *name,
           JsonNode   *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      fd_change_set_null (values, name);
      return;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      fd_change_set_string (values, name, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      fd_change_set_int (values, name, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      fd_change_set_double (values, name, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      fd_change_set_bool (values, name, json_node_get_boolean (node));
      break;
    default:
      break;
    }
}

static GPtrArray *
pulled_rows (FdSyncPullResponse *response)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_pulled_row_free);

  for (guint i = 0; i < response->changes->len; i++)
    {
      const FdSyncChange *change = g_ptr_array_index (response->changes, i);
      FdPulledRow *row = fd_pulled_row_new (change->entity, change->id, change->version,
                                            change->deleted);
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, change->row);
      while (json_object_iter_next (&iter, &name, &value))
        set_value (row->values, name, value);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static gboolean
pull_with (FdSyncClient  *self,
           SoupSession   *session,
           FdDatabase    *db,
           FdSyncStats   *stats,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *cursor = NULL;
  gint64 rewind = fd_database_get_pull_rewind (db);
  gboolean more = TRUE;

  cursor = rewind >= 0 ? fd_sync_cursor_encode (rewind) : fd_database_dup_pull_cursor (db);

  while (more)
    {
      g_autofree char *escaped = g_uri_escape_string (cursor != NULL ? cursor : "", NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/v1/pull?cursor=%s&limit=%u", escaped,
                                               self->page_size);
      g_autoptr(FdSyncPullResponse) response = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GBytes) body = NULL;
      guint status = 0;
      gsize length = 0;
      const char *data;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      body = authorized (self, session, "GET", path, NULL, &status, cancellable, error);
      if (body == NULL)
        return FALSE;
      if (status != SOUP_STATUS_OK)
        {
          set_status_error (status, body, FALSE, error);
          return FALSE;
        }

      data = g_bytes_get_data (body, &length);
      response = fd_sync_pull_response_decode (data, length, NULL);
      /* A page that says more follows must move on, or this never ends */
      if (response == NULL || (response->more && response->changes->len == 0))
        {
          g_set_error_literal (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_PROTOCOL,
                               _("The server sent changes Formadesk does not understand."));
          return FALSE;
        }

      rows = pulled_rows (response);
      if (!fd_database_apply_pulled (db, rows, response->cursor, error))
        return FALSE;

      stats->pulled += rows->len;
      stats->pages++;
      more = response->more;
      g_free (cursor);
      cursor = g_strdup (response->cursor);
    }

  return TRUE;
}

typedef enum
{
  RUN_PUSH = 1 << 0,
  RUN_PULL = 1 << 1,
} RunFlags;

static gboolean
run (FdSyncClient  *self,
     RunFlags       flags,
     GCancellable  *cancellable,
     FdSyncStats   *stats,
     GError       **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(FdDatabase) db = NULL;
  FdSyncStats local_stats = { 0 };
  gboolean ok;

  if (stats == NULL)
    stats = &local_stats;
  memset (stats, 0, sizeof *stats);

  g_mutex_lock (&self->run_lock);

  db = fd_database_open (self->database_path, FD_DATABASE_OPEN_DEFAULT, error);
  ok = db != NULL;
  if (ok)
    {
      g_autofree char *access_token = dup_token (self, &self->access_token);
      g_autofree char *refresh_token = dup_token (self, &self->refresh_token);

      session = make_session (self);
      /* A session restored from a refresh token only */
      if (access_token == NULL && refresh_token != NULL)
        ok = refresh (self, session, cancellable, error);
      ok = ok &&
           (!(flags & RUN_PUSH) || push_with (self, session, db, stats, cancellable, error)) &&
           (!(flags & RUN_PULL) || pull_with (self, session, db, stats, cancellable, error));
    }

  g_mutex_unlock (&self->run_lock);

  return ok;
}

static void
fd_sync_client_finalize (GObject *object)
{
  FdSyncClient *self = (FdSyncClient *)object;

  g_free (self->server_url);
  g_free (self->database_path);
  g_free (self->access_token);
  g_free (self->refresh_token);
  g_free (self->device_id);
  g_mutex_clear (&self->run_lock);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fd_sync_client_parent_class)->finalize (object);
}

static void
fd_sync_client_class_init (FdSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_sync_client_finalize;
}

static void
fd_sync_client_init (FdSyncClient *self)
{
  g_mutex_init (&self->run_lock);
  g_mutex_init (&self->lock);
  self->page_size = DEFAULT_PAGE_SIZE;
}

/**
 * fd_sync_client_new:
 * @server_url: the server, `http://host:port` or `https://…`
 * @database_path: the local database this client syncs
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a client, not signed in, or %NULL with @error
 *   set when @server_url is not an HTTP address
 */
FdSyncClient *
fd_sync_client_new (const char  *server_url,
                    const char  *database_path,
                    GError     **error)
{
  g_autoptr(FdSyncClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;
  gsize length;

  g_return_val_if_fail (server_url != NULL, NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (scheme == NULL || host == NULL || *host == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a server address (expected http://host:port)."), server_url);
      return NULL;
    }

  self = g_object_new (FD_TYPE_SYNC_CLIENT, NULL);
  self->server_url = g_strdup (server_url);
  length = strlen (self->server_url);
  while (length > 0 && self->server_url[length - 1] == '/')
    self->server_url[--length] = '\0';
  self->database_path = g_strdup (database_path);
  self->loopback = g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
                   g_ascii_strcasecmp (host, "localhost") == 0;

  return g_steal_pointer (&self);
}

const char *
fd_sync_client_get_server_url (FdSyncClient *self)
{
  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), NULL);

  return self->server_url;
}

/**
 * fd_sync_client_is_signed_in:
 *
 * Returns: whether the client holds tokens, or a refresh token to renew
 *   them (the server may still have revoked them)
 */
gboolean
fd_sync_client_is_signed_in (FdSyncClient *self)
{
  gboolean signed_in;

  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), FALSE);

  g_mutex_lock (&self->lock);
  signed_in = self->access_token != NULL || self->refresh_token != NULL;
  g_mutex_unlock (&self->lock);

  return signed_in;
}

/**
 * fd_sync_client_dup_device_id:
 *
 * Returns: (transfer full) (nullable): the device id the server gave at
 *   sign-in
 */
char *
fd_sync_client_dup_device_id (FdSyncClient *self)
{
  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), NULL);

  return dup_token (self, &self->device_id);
}

/**
 * fd_sync_client_dup_refresh_token:
 *
 * The refresh token changes at each renewal (it is spent): a caller that
 * keeps it (the app, in the keyring) reads it again after each operation.
 *
 * Returns: (transfer full) (nullable): the current refresh token
 */
char *
fd_sync_client_dup_refresh_token (FdSyncClient *self)
{
  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), NULL);

  return dup_token (self, &self->refresh_token);
}

/**
 * fd_sync_client_set_refresh_token:
 * @refresh_token: (nullable): a refresh token kept from an earlier run
 *
 * Restores a session without the password: the next operation spends
 * @refresh_token for an access token first. %NULL signs out (locally: the
 * server's device stays registered, its outbox keeps its id).
 */
void
fd_sync_client_set_refresh_token (FdSyncClient *self,
                                  const char   *refresh_token)
{
  g_return_if_fail (FD_IS_SYNC_CLIENT (self));

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->access_token, g_free);
  g_free (self->refresh_token);
  self->refresh_token = g_strdup (refresh_token);
  g_mutex_unlock (&self->lock);
}

/**
 * fd_sync_client_set_page_size:
 * @page_size: changes per pull page, 1 to %FD_SYNC_MAX_PULL_CHANGES
 */
void
fd_sync_client_set_page_size (FdSyncClient *self,
                              guint         page_size)
{
  g_return_if_fail (FD_IS_SYNC_CLIENT (self));

  self->page_size = CLAMP (page_size, 1, FD_SYNC_MAX_PULL_CHANGES);
}

/**
 * fd_sync_client_login:
 * @self: a #FdSyncClient
 * @email: the account
 * @password: its password
 * @device_name: (nullable): how the server lists this device (default:
 *   the host name)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Signs in, registering a device; blocks (call it from a worker, or use
 * fd_sync_client_login_async()). The server's device id, the server and
 * the account are stored in the local database
 * (fd_database_set_sync_account()), and the device id is sent again at
 * the next sign-in to the same server and account, so the device keeps
 * its identity (and the server its memory of what it applied).
 *
 * Returns: %TRUE if signed in
 */
gboolean
fd_sync_client_login (FdSyncClient  *self,
                      const char    *email,
                      const char    *password,
                      const char    *device_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(SoupSession) session = NULL;
  gboolean ok;

  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (email != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  g_mutex_lock (&self->run_lock);
  session = make_session (self);
  ok = login_with (self, session, email, password, device_name, cancellable, error);
  g_mutex_unlock (&self->run_lock);

  return ok;
}

typedef struct
{
  char *email;
  char *password;
  char *device_name;
} LoginData;

static void
login_data_free (LoginData *data)
{
  g_free (data->email);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data->device_name);
  g_free (data);
}

static void
login_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LoginData *data = task_data;
  GError *error = NULL;

  if (fd_sync_client_login (source_object, data->email, data->password, data->device_name,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fd_sync_client_login_async (FdSyncClient        *self,
                            const char          *email,
                            const char          *password,
                            const char          *device_name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoginData *data;

  g_return_if_fail (FD_IS_SYNC_CLIENT (self));
  g_return_if_fail (email != NULL);
  g_return_if_fail (password != NULL);

  data = g_new0 (LoginData, 1);
  data->email = g_strdup (email);
  data->password = g_strdup (password);
  data->device_name = g_strdup (device_name);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_sync_client_login_async);
  g_task_set_task_data (task, data, (GDestroyNotify) login_data_free);
  g_task_run_in_thread (task, login_thread);
}

gboolean
fd_sync_client_login_finish (FdSyncClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * fd_sync_client_push:
 * @self: a signed-in #FdSyncClient
 * @cancellable: (nullable): a #GCancellable
 * @stats: (out caller-allocates) (optional): what was done
 * @error: return location for a #GError
 *
 * Sends the whole outbox, batch after batch; blocks. On error what was
 * answered before stays recorded and the rest stays queued.
 *
 * Returns: %TRUE if every entry was answered
 */
gboolean
fd_sync_client_push (FdSyncClient  *self,
                     GCancellable  *cancellable,
                     FdSyncStats   *stats,
                     GError       **error)
{
  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), FALSE);

  return run (self, RUN_PUSH, cancellable, stats, error);
}

/**
 * fd_sync_client_pull:
 * @self: a signed-in #FdSyncClient
 * @cancellable: (nullable): a #GCancellable
 * @stats: (out caller-allocates) (optional): what was done
 * @error: return location for a #GError
 *
 * Pulls pages until the server has no more; blocks. Each page is applied
 * with its cursor, so an interrupted pull resumes after the last page.
 *
 * Returns: %TRUE if the local database is up to date with the server
 */
gboolean
fd_sync_client_pull (FdSyncClient  *self,
                     GCancellable  *cancellable,
                     FdSyncStats   *stats,
                     GError       **error)
{
  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), FALSE);

  return run (self, RUN_PULL, cancellable, stats, error);
}

/**
 * fd_sync_client_sync_once:
 * @self: a signed-in #FdSyncClient
 * @cancellable: (nullable): a #GCancellable
 * @stats: (out caller-allocates) (optional): what was done
 * @error: return location for a #GError
 *
 * Pushes the outbox, then pulls to the end; blocks (use
 * fd_sync_client_sync_async() from the main thread).
 *
 * Returns: %TRUE if both went through
 */
gboolean
fd_sync_client_sync_once (FdSyncClient  *self,
                          GCancellable  *cancellable,
                          FdSyncStats   *stats,
                          GError       **error)
{
  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), FALSE);

  return run (self, RUN_PUSH | RUN_PULL, cancellable, stats, error);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FdSyncStats *stats = g_new0 (FdSyncStats, 1);
  GError *error = NULL;

  if (fd_sync_client_sync_once (source_object, cancellable, stats, &error))
    g_task_return_pointer (task, stats, g_free);
  else
    {
      g_free (stats);
      g_task_return_error (task, error);
    }
}

/**
 * fd_sync_client_sync_async:
 * @self: a signed-in #FdSyncClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * fd_sync_client_sync_once() in a worker thread.
 */
void
fd_sync_client_sync_async (FdSyncClient        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FD_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_sync_client_sync_async);
  g_task_run_in_thread (task, sync_thread);
}

gboolean
fd_sync_client_sync_finish (FdSyncClient  *self,
                            GAsyncResult  *result,
                            FdSyncStats   *stats,
                            GError       **error)
{
  g_autofree FdSyncStats *done = NULL;

  g_return_val_if_fail (FD_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;
  if (stats != NULL)
    *stats = *done;

  return TRUE;
}
