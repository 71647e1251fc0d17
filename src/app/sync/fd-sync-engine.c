/* fd-sync-engine.c — when the app syncs, and what it says about it
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-sync-engine"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-sync-engine.h"

#include "fd-sync-client.h"

/* FdSyncEngine:
 *
 * Runs the window's sync: once a server is configured in the database
 * (fd_database_dup_sync_account()) and the account's refresh token is in
 * the #FdTokenStore (or after fd_sync_engine_sign_in_async()), it runs
 * fd_sync_client_sync_async() — in a worker, on its own connection — at
 * start, FD_SYNC_ENGINE_DEBOUNCE_MS after local commits that queued
 * something, every FD_SYNC_ENGINE_INTERVAL_MS while the server answers,
 * and when the network changes. A run that does not reach the server is
 * tried again after a delay that doubles from FD_SYNC_ENGINE_FIRST_RETRY_MS
 * to FD_SYNC_ENGINE_MAX_RETRY_MS, ±20 % so that a fleet of laptops does
 * not come back at once; it never gives up, and the outbox is never
 * touched here (core keeps it until the server has it). After each run,
 * the window's connection looks for what the worker committed
 * (fd_database_check_changes()), so the views show pulled rows at once.
 *
 * Only a refusal of the account (signed out, revoked) stops it: the state
 * becomes signed out, with the server's sentence.
 */
struct _FdSyncEngine
{
  GObject            parent_instance;

  FdDatabase        *database;
  FdTokenStore      *token_store;
  FdSyncClient      *client; /* NULL when signed out */
  char              *server_url;
  char              *email;
  char              *saved_token; /* what the token store holds */
  GCancellable      *cancellable;

  gboolean           running;
  gboolean           again; /* asked for while running */
  guint              timer_id;
  guint              debounce_id;
  guint              failures;
  guint              interval_ms;

  FdSyncEngineState  state;
  gint64             pending;
  guint              conflicts;
  char              *message;
  gboolean           keyring_available;
};

G_DEFINE_FINAL_TYPE (FdSyncEngine, fd_sync_engine, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (FdSyncEngineState, fd_sync_engine_state,
                    G_DEFINE_ENUM_VALUE (FD_SYNC_ENGINE_STATE_LOCAL, "local"),
                    G_DEFINE_ENUM_VALUE (FD_SYNC_ENGINE_STATE_SIGNED_OUT, "signed-out"),
                    G_DEFINE_ENUM_VALUE (FD_SYNC_ENGINE_STATE_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (FD_SYNC_ENGINE_STATE_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (FD_SYNC_ENGINE_STATE_UP_TO_DATE, "up-to-date"),
                    G_DEFINE_ENUM_VALUE (FD_SYNC_ENGINE_STATE_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (FD_SYNC_ENGINE_STATE_CONFLICTS, "conflicts"))

enum {
  PROP_0,
  PROP_CONFLICTS,
  PROP_EMAIL,
  PROP_KEYRING_AVAILABLE,
  PROP_MESSAGE,
  PROP_PENDING,
  PROP_SERVER_URL,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void run_sync (FdSyncEngine *self);

static void
set_state (FdSyncEngine      *self,
           FdSyncEngineState  state,
           const char        *message)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_account (FdSyncEngine *self,
             const char   *server_url,
             const char   *email)
{
  if (g_strcmp0 (self->server_url, server_url) != 0)
    {
      g_free (self->server_url);
      self->server_url = g_strdup (server_url);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
    }
  if (g_strcmp0 (self->email, email) != 0)
    {
      g_free (self->email);
      self->email = g_strdup (email);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
    }
}

static FdSyncEngineState
idle_state (FdSyncEngine *self)
{
  if (self->conflicts > 0)
    return FD_SYNC_ENGINE_STATE_CONFLICTS;
  if (self->pending > 0)
    return FD_SYNC_ENGINE_STATE_PENDING;

  return FD_SYNC_ENGINE_STATE_UP_TO_DATE;
}

static gboolean
is_idle (FdSyncEngineState state)
{
  return state == FD_SYNC_ENGINE_STATE_UP_TO_DATE || state == FD_SYNC_ENGINE_STATE_PENDING ||
         state == FD_SYNC_ENGINE_STATE_CONFLICTS;
}

static void
update_counts (FdSyncEngine *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pending = fd_database_count_unpushed (self->database);
  guint n_conflicts = self->conflicts;

  conflicts = fd_database_list_sync_conflicts (self->database, &error);
  if (conflicts != NULL)
    n_conflicts = conflicts->len;
  else
    g_warning ("Could not list the refused changes: %s", error->message);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->pending != pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (self->conflicts != n_conflicts)
    {
      self->conflicts = n_conflicts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
    }
  if (is_idle (self->state))
    set_state (self, idle_state (self), NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
on_timer_cb (gpointer user_data)
{
  FdSyncEngine *self = user_data;

  self->timer_id = 0;
  run_sync (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (FdSyncEngine *self,
          guint         delay_ms)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->client != NULL)
    self->timer_id = g_timeout_add (delay_ms, on_timer_cb, self);
}

static void
on_token_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FdSyncEngine) self = user_data;
  g_autoptr(GError) error = NULL;

  if (fd_token_store_save_finish (FD_TOKEN_STORE (source), result, &error))
    return;

  g_debug ("The sign-in is not kept in the keyring: %s", error->message);
  if (self->keyring_available)
    {
      self->keyring_available = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYRING_AVAILABLE]);
    }
}

/* The refresh token is spent at each renewal: the keyring gets the new one */
static void
keep_refresh_token (FdSyncEngine *self)
{
  g_autofree char *token = NULL;

  if (self->client == NULL || self->server_url == NULL || self->email == NULL)
    return;

  token = fd_sync_client_dup_refresh_token (self->client);
  if (g_strcmp0 (token, self->saved_token) == 0)
    return;

  g_free (self->saved_token);
  self->saved_token = g_strdup (token);
  fd_token_store_save_async (self->token_store, self->server_url, self->email, token, NULL,
                             on_token_saved_cb, g_object_ref (self));
}

static void
drop_client (FdSyncEngine *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->client);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->running = FALSE;
  self->again = FALSE;
  self->failures = 0;
}

static void
on_sync_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FdSyncEngine) self = user_data;
  g_autoptr(GError) error = NULL;
  FdSyncStats stats = { 0 };
  gboolean ok;

  ok = fd_sync_client_sync_finish (FD_SYNC_CLIENT (source), result, &stats, &error);

  /* Signed out, or signed in again, meanwhile: not ours any more */
  if (FD_SYNC_CLIENT (source) != self->client)
    return;
  self->running = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  fd_database_check_changes (self->database);
  keep_refresh_token (self);

  if (ok)
    {
      g_debug ("Synced: %u pushed, %u refused, %u pulled", stats.pushed,
               stats.conflicts + stats.rejected, stats.pulled);
      self->failures = 0;
      set_state (self, FD_SYNC_ENGINE_STATE_UP_TO_DATE, NULL);
      update_counts (self);
      schedule (self, self->interval_ms);
    }
  else if (g_error_matches (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_UNAUTHORIZED) ||
           g_error_matches (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_NOT_SIGNED_IN))
    {
      g_debug ("Signed out by the server: %s", error->message);
      if (self->saved_token != NULL)
        {
          g_clear_pointer (&self->saved_token, g_free);
          fd_token_store_save_async (self->token_store, self->server_url, self->email, NULL,
                                     NULL, on_token_saved_cb, g_object_ref (self));
        }
      drop_client (self);
      update_counts (self);
      set_state (self, FD_SYNC_ENGINE_STATE_SIGNED_OUT, error->message);
      return;
    }
  else
    {
      guint delay;

      self->failures++;
      delay = fd_sync_engine_retry_delay (self->failures, g_random_double ());
      g_debug ("Sync failed (%u in a row), next try in %u ms: %s", self->failures, delay,
               error->message);
      update_counts (self);
      set_state (self, FD_SYNC_ENGINE_STATE_OFFLINE, error->message);
      schedule (self, delay);
    }

  if (self->again)
    {
      self->again = FALSE;
      run_sync (self);
    }
}

static void
run_sync (FdSyncEngine *self)
{
  if (self->client == NULL)
    return;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->running = TRUE;
  set_state (self, FD_SYNC_ENGINE_STATE_SYNCING, self->message);
  fd_sync_client_sync_async (self->client, self->cancellable, on_sync_done_cb,
                             g_object_ref (self));
}

static gboolean
on_debounce_cb (gpointer user_data)
{
  FdSyncEngine *self = user_data;

  self->debounce_id = 0;
  run_sync (self);

  return G_SOURCE_REMOVE;
}

/* A local commit (or rows another connection committed): something to
 * send when the outbox grew */
static void
on_database_rows_changed_cb (FdSyncEngine *self,
                             FdRowChanges *changes,
                             FdDatabase   *database)
{
  if (self->state == FD_SYNC_ENGINE_STATE_LOCAL)
    return;

  update_counts (self);
  if (self->client == NULL || self->pending == 0 || self->state == FD_SYNC_ENGINE_STATE_OFFLINE)
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (FD_SYNC_ENGINE_DEBOUNCE_MS, on_debounce_cb, self);
}

static void
on_network_changed_cb (FdSyncEngine    *self,
                       gboolean         available,
                       GNetworkMonitor *monitor)
{
  if (self->client == NULL || !available || self->running)
    return;

  /* A new network: the server may be there now, whatever the back-off said */
  self->failures = 0;
  schedule (self, 500);
}

static void
on_token_looked_up_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(FdSyncEngine) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(FdSyncClient) client = NULL;

  token = fd_token_store_lookup_finish (FD_TOKEN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->client != NULL)
    return;
  if (token == NULL)
    {
      if (error != NULL)
        g_debug ("No sign-in from the keyring: %s", error->message);
      return;
    }

  client = fd_sync_client_new (self->server_url, fd_database_get_path (self->database), &error);
  if (client == NULL)
    {
      g_warning ("The configured server cannot be used: %s", error->message);
      return;
    }
  fd_sync_client_set_refresh_token (client, token);
  self->client = g_steal_pointer (&client);
  self->saved_token = g_steal_pointer (&token);
  run_sync (self);
}

static void
start (FdSyncEngine *self)
{
  g_autofree char *server_url = NULL;
  g_autofree char *email = NULL;

  g_signal_connect_object (self->database, "rows-changed",
                           G_CALLBACK (on_database_rows_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed",
                           G_CALLBACK (on_network_changed_cb), self, G_CONNECT_SWAPPED);

  if (!fd_database_dup_sync_account (self->database, &server_url, &email, NULL))
    return;

  set_account (self, server_url, email);
  self->state = FD_SYNC_ENGINE_STATE_SIGNED_OUT;
  update_counts (self);
  if (email != NULL)
    fd_token_store_lookup_async (self->token_store, server_url, email, self->cancellable,
                                 on_token_looked_up_cb, g_object_ref (self));
}

static void
fd_sync_engine_dispose (GObject *object)
{
  FdSyncEngine *self = FD_SYNC_ENGINE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_object (&self->client);
  g_clear_object (&self->token_store);

  G_OBJECT_CLASS (fd_sync_engine_parent_class)->dispose (object);
}

static void
fd_sync_engine_finalize (GObject *object)
{
  FdSyncEngine *self = FD_SYNC_ENGINE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_free (self->server_url);
  g_free (self->email);
  g_free (self->saved_token);
  g_free (self->message);

  G_OBJECT_CLASS (fd_sync_engine_parent_class)->finalize (object);
}

static void
fd_sync_engine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdSyncEngine *self = FD_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_CONFLICTS:
      g_value_set_uint (value, self->conflicts);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_KEYRING_AVAILABLE:
      g_value_set_boolean (value, self->keyring_available);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_PENDING:
      g_value_set_int64 (value, self->pending);
      break;

    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_sync_engine_class_init (FdSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fd_sync_engine_dispose;
  object_class->finalize = fd_sync_engine_finalize;
  object_class->get_property = fd_sync_engine_get_property;

  /* Changes the server refused, listed by fd_database_list_sync_conflicts() */
  properties[PROP_CONFLICTS] =
    g_param_spec_uint ("conflicts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  /* FALSE once saving the sign-in in the keyring failed */
  properties[PROP_KEYRING_AVAILABLE] =
    g_param_spec_boolean ("keyring-available", NULL, NULL, TRUE, flags);
  /* Why the last run failed, for the user; NULL when it did not */
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  /* Local changes not sent yet */
  properties[PROP_PENDING] =
    g_param_spec_int64 ("pending", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SERVER_URL] = g_param_spec_string ("server-url", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FD_TYPE_SYNC_ENGINE_STATE,
                       FD_SYNC_ENGINE_STATE_LOCAL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_sync_engine_init (FdSyncEngine *self)
{
  self->cancellable = g_cancellable_new ();
  self->interval_ms = FD_SYNC_ENGINE_INTERVAL_MS;
  self->keyring_available = TRUE;
}

/**
 * fd_sync_engine_new:
 * @database: the window's connection
 * @token_store: where refresh tokens are kept
 *
 * Returns: (transfer full): an engine, already syncing if the database
 *   has a server and the token store a sign-in for it
 */
FdSyncEngine *
fd_sync_engine_new (FdDatabase   *database,
                    FdTokenStore *token_store)
{
  FdSyncEngine *self;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (FD_IS_TOKEN_STORE (token_store), NULL);

  self = g_object_new (FD_TYPE_SYNC_ENGINE, NULL);
  self->database = g_object_ref (database);
  self->token_store = g_object_ref (token_store);
  start (self);

  return self;
}

/**
 * fd_sync_engine_get_database:
 *
 * Returns: (transfer none): the window's connection
 */
FdDatabase *
fd_sync_engine_get_database (FdSyncEngine *self)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (self), NULL);

  return self->database;
}

FdSyncEngineState
fd_sync_engine_get_state (FdSyncEngine *self)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (self), FD_SYNC_ENGINE_STATE_LOCAL);

  return self->state;
}

gint64
fd_sync_engine_get_pending (FdSyncEngine *self)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (self), 0);

  return self->pending;
}

guint
fd_sync_engine_get_conflicts (FdSyncEngine *self)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (self), 0);

  return self->conflicts;
}

/**
 * fd_sync_engine_get_message:
 *
 * Returns: (nullable): why the last run failed, a sentence for the user
 */
const char *
fd_sync_engine_get_message (FdSyncEngine *self)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (self), NULL);

  return self->message;
}

/**
 * fd_sync_engine_get_server_url:
 *
 * Returns: (nullable): the configured server
 */
const char *
fd_sync_engine_get_server_url (FdSyncEngine *self)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (self), NULL);

  return self->server_url;
}

/**
 * fd_sync_engine_get_email:
 *
 * Returns: (nullable): the account last signed in on the server
 */
const char *
fd_sync_engine_get_email (FdSyncEngine *self)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (self), NULL);

  return self->email;
}

gboolean
fd_sync_engine_get_keyring_available (FdSyncEngine *self)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (self), FALSE);

  return self->keyring_available;
}

/**
 * fd_sync_engine_sync_now:
 *
 * Syncs now (after the current run, if one is running), whatever the
 * back-off said.
 */
void
fd_sync_engine_sync_now (FdSyncEngine *self)
{
  g_return_if_fail (FD_IS_SYNC_ENGINE (self));

  self->failures = 0;
  run_sync (self);
}

/**
 * fd_sync_engine_set_interval:
 * @interval_ms: the delay between two runs while the server answers
 *
 * For tests; the default is %FD_SYNC_ENGINE_INTERVAL_MS.
 */
void
fd_sync_engine_set_interval (FdSyncEngine *self,
                             guint         interval_ms)
{
  g_return_if_fail (FD_IS_SYNC_ENGINE (self));

  self->interval_ms = MAX (interval_ms, 100);
  if (self->timer_id != 0 && self->failures == 0)
    schedule (self, self->interval_ms);
}

static void
on_login_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FdSyncEngine *self = g_task_get_source_object (task);
  FdSyncClient *client = FD_SYNC_CLIENT (source);
  GError *error = NULL;

  if (!fd_sync_client_login_finish (client, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  drop_client (self);
  self->client = g_object_ref (client);
  g_clear_pointer (&self->saved_token, g_free);
  set_account (self, fd_sync_client_get_server_url (client), g_task_get_task_data (task));
  keep_refresh_token (self);
  set_state (self, FD_SYNC_ENGINE_STATE_SYNCING, NULL);
  run_sync (self);

  g_task_return_boolean (task, TRUE);
}

/**
 * fd_sync_engine_sign_in_async:
 * @self: a #FdSyncEngine
 * @server_url: the server, `http://host:port`
 * @email: the account
 * @password: its password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Signs in to @server_url (fd_sync_client_login_async()), keeps the
 * refresh token in the token store and starts syncing.
 */
void
fd_sync_engine_sign_in_async (FdSyncEngine        *self,
                              const char          *server_url,
                              const char          *email,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(FdSyncClient) client = NULL;
  GError *error = NULL;

  g_return_if_fail (FD_IS_SYNC_ENGINE (self));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (email != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_sync_engine_sign_in_async);
  g_task_set_task_data (task, g_strdup (email), g_free);

  client = fd_sync_client_new (server_url, fd_database_get_path (self->database), &error);
  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  fd_sync_client_login_async (client, email, password, NULL, cancellable, on_login_cb,
                              g_steal_pointer (&task));
}

/**
 * fd_sync_engine_sign_in_finish:
 *
 * Returns: %TRUE if signed in; the error is %G_IO_ERROR_INVALID_ARGUMENT
 *   for an address that is not a server's, or an #FdSyncClientError
 */
gboolean
fd_sync_engine_sign_in_finish (FdSyncEngine  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * fd_sync_engine_sign_out:
 *
 * Stops syncing and forgets the refresh token. The server stays
 * configured (and the device keeps its id for the next sign-in); the
 * outbox keeps everything queued.
 */
void
fd_sync_engine_sign_out (FdSyncEngine *self)
{
  g_return_if_fail (FD_IS_SYNC_ENGINE (self));

  if (self->client == NULL)
    return;

  drop_client (self);
  g_clear_pointer (&self->saved_token, g_free);
  if (self->server_url != NULL && self->email != NULL)
    fd_token_store_save_async (self->token_store, self->server_url, self->email, NULL, NULL,
                               on_token_saved_cb, g_object_ref (self));
  set_state (self, FD_SYNC_ENGINE_STATE_SIGNED_OUT, NULL);
}

/**
 * fd_sync_engine_retry_delay:
 * @failures: failed runs in a row, from 1
 * @random: a number in [0, 1)
 *
 * The back-off: FD_SYNC_ENGINE_FIRST_RETRY_MS doubled at each failure up
 * to FD_SYNC_ENGINE_MAX_RETRY_MS, then ±20 % after @random.
 *
 * Returns: the delay before the next run, in milliseconds
 */
guint
fd_sync_engine_retry_delay (guint  failures,
                            double random)
{
  double delay = FD_SYNC_ENGINE_FIRST_RETRY_MS;

  for (guint i = 1; i < failures && delay < FD_SYNC_ENGINE_MAX_RETRY_MS; i++)
    delay *= 2;
  delay = MIN (delay, FD_SYNC_ENGINE_MAX_RETRY_MS);

  return (guint) (delay * (0.8 + 0.4 * CLAMP (random, 0.0, 1.0)));
}

/**
 * fd_sync_engine_describe:
 * @state: a state
 * @pending: local changes not sent
 * @conflicts: changes the server refused
 *
 * Returns: (transfer full): the state in words, for the header bar
 */
char *
fd_sync_engine_describe (FdSyncEngineState state,
                         gint64            pending,
                         guint             conflicts)
{
  int n = (int) CLAMP (pending, 0, G_MAXINT);

  switch (state)
    {
    case FD_SYNC_ENGINE_STATE_LOCAL:
      return g_strdup (_("Not synchronised with a server"));

    case FD_SYNC_ENGINE_STATE_SIGNED_OUT:
      if (n == 0)
        return g_strdup (_("Not signed in to the server"));
      return g_strdup_printf (ngettext ("Not signed in: %d change kept on this computer",
                                        "Not signed in: %d changes kept on this computer", n),
                              n);

    case FD_SYNC_ENGINE_STATE_OFFLINE:
      if (n == 0)
        return g_strdup (_("Offline"));
      return g_strdup_printf (ngettext ("Offline: %d change waiting to be sent",
                                        "Offline: %d changes waiting to be sent", n), n);

    case FD_SYNC_ENGINE_STATE_SYNCING:
      return g_strdup (_("Synchronising…"));

    case FD_SYNC_ENGINE_STATE_UP_TO_DATE:
      return g_strdup (_("Up to date"));

    case FD_SYNC_ENGINE_STATE_PENDING:
      return g_strdup_printf (ngettext ("%d change waiting to be sent",
                                        "%d changes waiting to be sent", n), n);

    case FD_SYNC_ENGINE_STATE_CONFLICTS:
      return g_strdup_printf (ngettext ("%u change refused by the server",
                                        "%u changes refused by the server", conflicts),
                              conflicts);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fd_sync_engine_icon_name:
 *
 * Returns: (nullable): the header bar's icon for @state; %NULL for a
 *   local database (nothing is shown)
 */
const char *
fd_sync_engine_icon_name (FdSyncEngineState state)
{
  switch (state)
    {
    case FD_SYNC_ENGINE_STATE_LOCAL:
      return NULL;
    case FD_SYNC_ENGINE_STATE_SIGNED_OUT:
      return "system-users-symbolic";
    case FD_SYNC_ENGINE_STATE_OFFLINE:
      return "network-offline-symbolic";
    case FD_SYNC_ENGINE_STATE_SYNCING:
    case FD_SYNC_ENGINE_STATE_PENDING:
      return "emblem-synchronizing-symbolic";
    case FD_SYNC_ENGINE_STATE_UP_TO_DATE:
      return "emblem-ok-symbolic";
    case FD_SYNC_ENGINE_STATE_CONFLICTS:
      return "dialog-warning-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}
