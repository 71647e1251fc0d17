/* test-ui-sync.c — signing in to a server from Preferences, and the
 * header bar's sync status
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-server-common.h"
#include "test-ui-common.h"

#include "fd-application.h"
#include "fd-field-message.h"
#include "fd-memory-token-store.h"
#include "fd-preferences-window.h"
#include "fd-secret-token-store.h"
#include "fd-server-group.h"
#include "fd-server.h"
#include "fd-sync-client.h"
#include "fd-sync-indicator.h"
#include "fd-window.h"

/*
 * A real FdServer runs in a thread of its own on 127.0.0.1, port 0 (as in
 * test-sync-client.c). The window shows a new, empty database; the tests
 * run in order: a wrong password and an unreachable server are said at
 * their field, then a sign-in syncs an edit up to the server, then the
 * server stops and the status says offline, the edit kept.
 */

#define PASSWORD "correct horse 1"
#define EMAIL "admin@example.fr"

static FdApplication *app;
static char *dir;
static char *server_path;
static FdServerStore *store;
static TestServer server;

static FdDatabase *database;
static FdTokenStore *token_store;
static FdWindow *window;

static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) admin = NULL;

  dir = g_dir_make_tmp ("formadesk-ui-sync-XXXXXX", &error);
  g_assert_no_error (error);
  server_path = g_build_filename (dir, "server.db", NULL);
  store = fd_server_store_open (server_path, &error);
  g_assert_no_error (error);
  g_assert_true (fd_server_store_ensure_organisation (store, "Formation Plus", &error));
  admin = fd_server_store_add_account (store, EMAIL, "Admin", FD_ROLE_ADMIN, NULL, NULL,
                                       PASSWORD, &error);
  g_assert_no_error (error);

  test_server_start (&server, server_path);
}

static void
stop_server (void)
{
  test_server_stop (&server);
}

static char *
server_url (void)
{
  return test_server_dup_url (&server);
}

/* A port nothing listens on */
static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 closed;

  closed = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  return closed;
}

static FdSyncEngine *
engine (void)
{
  return fd_window_get_sync_engine (window);
}

static FdSyncIndicator *
status (void)
{
  return FD_SYNC_INDICATOR (gtk_widget_get_template_child (GTK_WIDGET (window), FD_TYPE_WINDOW,
                                                        "sync_indicator"));
}

static FdServerGroup *
open_server_group (void)
{
  FdPreferencesWindow *prefs = fd_preferences_window_show_for (window);
  GtkWidget *group;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "server");
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (prefs)));
  group = ui_test_find_first (GTK_WIDGET (prefs), FD_TYPE_SERVER_GROUP);
  g_assert_nonnull (group);

  return FD_SERVER_GROUP (group);
}

static GtkEditable *
group_field (FdServerGroup *group,
             const char    *name)
{
  return GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (group), FD_TYPE_SERVER_GROUP,
                                                      name));
}

static const char *
group_message (FdServerGroup *group,
               const char    *name)
{
  return fd_field_message_get_message (FD_FIELD_MESSAGE (
    gtk_widget_get_template_child (GTK_WIDGET (group), FD_TYPE_SERVER_GROUP, name)));
}

static void
sign_in (FdServerGroup *group,
         const char    *url,
         const char    *password)
{
  gtk_editable_set_text (group_field (group, "url_row"), url);
  gtk_editable_set_text (group_field (group, "email_row"), EMAIL);
  gtk_editable_set_text (group_field (group, "password_row"), password);
  gtk_widget_activate_action (GTK_WIDGET (group), "server.sign-in", NULL);
  g_assert_true (fd_server_group_get_busy (group));
  UI_TEST_WAIT_UNTIL (!fd_server_group_get_busy (group));
  g_assert_false (fd_server_group_get_busy (group));
}

static void
close_preferences (void)
{
  FdPreferencesWindow *prefs = fd_preferences_window_show_for (window);

  gtk_window_destroy (GTK_WINDOW (prefs));
  ui_test_iterate (50);
}

static char *
create_trainer (const char *first_name,
                const char *last_name)
{
  g_autoptr(FdChange) change = fd_change_new_create ("trainer");
  g_autoptr(GError) error = NULL;

  fd_change_set_string (change, "first_name", first_name);
  fd_change_set_string (change, "last_name", last_name);
  g_assert_true (fd_database_apply (database, change, &error));
  g_assert_no_error (error);

  return g_strdup (fd_change_get_id (change));
}

/* Whether the server has the row, pulled as the administrator would */
static gboolean
server_has (const char *entity,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) admin = fd_server_store_lookup_account (store, EMAIL, NULL, &error);
  g_autoptr(FdSyncPullResponse) response = NULL;

  g_assert_no_error (error);
  response = fd_server_store_pull (store, admin, 0, FD_SYNC_MAX_PULL_CHANGES, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < response->changes->len; i++)
    {
      const FdSyncChange *change = g_ptr_array_index (response->changes, i);

      if (g_str_equal (change->entity, entity) && g_str_equal (change->id, id))
        return !change->deleted;
    }

  return FALSE;
}

/* A visible label showing @text under @widget */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_text (GTK_LABEL (child)), text))
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static void
open_window (void)
{
  window = g_object_new (FD_TYPE_WINDOW,
                         "application", app,
                         "database", database,
                         "token-store", token_store,
                         NULL);
  gtk_window_present (GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

static void
test_local (void)
{
  /* A database without a server: nothing in the header bar */
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_LOCAL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (status ())));
}

static void
test_bad_sign_in (void)
{
  FdServerGroup *group = open_server_group ();
  g_autofree char *url = server_url ();
  g_autofree char *unreachable = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());

  sign_in (group, url, "wrong password");
  g_assert_cmpstr (group_message (group, "password_message"), ==,
                   "The server refused this email address and password.");
  g_assert_null (group_message (group, "url_message"));
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_LOCAL);

  /* Typing clears it */
  gtk_editable_set_text (group_field (group, "password_row"), "x");
  g_assert_null (group_message (group, "password_message"));

  sign_in (group, unreachable, PASSWORD);
  g_assert_nonnull (group_message (group, "url_message"));
  g_assert_null (group_message (group, "password_message"));

  sign_in (group, "ftp://example.fr", PASSWORD);
  g_assert_nonnull (group_message (group, "url_message"));
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_LOCAL);

  close_preferences ();
}

static void
test_sign_in_and_sync (void)
{
  FdServerGroup *group = open_server_group ();
  g_autofree char *url = server_url ();
  g_autofree char *trainer = NULL;
  g_autofree char *token = NULL;

  sign_in (group, url, PASSWORD);
  g_assert_null (group_message (group, "password_message"));
  g_assert_null (group_message (group, "url_message"));
  /* The fields give way to who is signed in */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group_field (group, "password_row"))));
  g_assert_cmpstr (gtk_editable_get_text (group_field (group, "password_row")), ==, "");

  UI_TEST_WAIT_UNTIL (fd_sync_engine_get_state (engine ()) == FD_SYNC_ENGINE_STATE_UP_TO_DATE);
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_UP_TO_DATE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status ())));
  g_assert_cmpstr (fd_sync_indicator_get_text (status ()), ==, "Up to date");

  /* The refresh token is kept, never the password */
  token = fd_memory_token_store_dup (FD_MEMORY_TOKEN_STORE (token_store), url, EMAIL);
  g_assert_nonnull (token);
  g_assert_cmpstr (token, !=, PASSWORD);
  close_preferences ();

  /* An edit: pending, then sent after the debounce, then up to date */
  trainer = create_trainer ("Hélène", "Dupont");
  UI_TEST_WAIT_UNTIL (fd_sync_engine_get_pending (engine ()) == 1);
  g_assert_cmpint (fd_sync_engine_get_pending (engine ()), ==, 1);
  g_assert_cmpstr (fd_sync_indicator_get_text (status ()), ==, "1 change waiting to be sent");

  UI_TEST_WAIT_UNTIL (fd_sync_engine_get_state (engine ()) == FD_SYNC_ENGINE_STATE_UP_TO_DATE &&
                      fd_database_count_outbox (database) == 0);
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_UP_TO_DATE);
  g_assert_cmpint (fd_sync_engine_get_pending (engine ()), ==, 0);
  g_assert_cmpstr (fd_sync_indicator_get_text (status ()), ==, "Up to date");
  g_assert_true (server_has ("trainer", trainer));
}

/* The next start signs in from the kept token, without the password */
static void
test_restore_at_start (void)
{
  g_autofree char *trainer = NULL;

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
  trainer = create_trainer ("Inès", "Martin");

  open_window ();
  UI_TEST_WAIT_UNTIL (fd_sync_engine_get_state (engine ()) == FD_SYNC_ENGINE_STATE_UP_TO_DATE &&
                      fd_database_count_outbox (database) == 0);
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_UP_TO_DATE);
  g_assert_true (server_has ("trainer", trainer));
}

/* Without a keyring the sign-in works, and says once that it is not kept;
 * signing in again keeps the device */
static void
test_keyring_unavailable (void)
{
  static const char message[] = "The keyring is not available: the password will be asked "
                                "again next time";
  g_autofree char *url = server_url ();
  g_autofree char *device_before = NULL;
  g_autofree char *device_after = NULL;
  FdServerGroup *group;

  fd_database_dup_sync_account (database, NULL, NULL, &device_before);
  g_assert_nonnull (device_before);
  fd_sync_engine_sign_out (engine ());
  ui_test_iterate (50);
  fd_memory_token_store_set_available (FD_MEMORY_TOKEN_STORE (token_store), FALSE);

  group = open_server_group ();
  /* The address and the email are remembered */
  g_assert_cmpstr (gtk_editable_get_text (group_field (group, "url_row")), ==, url);
  g_assert_cmpstr (gtk_editable_get_text (group_field (group, "email_row")), ==, EMAIL);
  sign_in (group, url, PASSWORD);
  close_preferences ();

  UI_TEST_WAIT_UNTIL (!fd_sync_engine_get_keyring_available (engine ()));
  g_assert_false (fd_sync_engine_get_keyring_available (engine ()));
  UI_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (window), message) != NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (window), message));
  UI_TEST_WAIT_UNTIL (fd_sync_engine_get_state (engine ()) == FD_SYNC_ENGINE_STATE_UP_TO_DATE);
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_UP_TO_DATE);

  fd_database_dup_sync_account (database, NULL, NULL, &device_after);
  g_assert_cmpstr (device_after, ==, device_before);
  fd_memory_token_store_set_available (FD_MEMORY_TOKEN_STORE (token_store), TRUE);
}

static void
test_offline (void)
{
  g_autofree char *trainer = NULL;

  stop_server ();

  trainer = create_trainer ("Paul", "Roy");
  UI_TEST_WAIT_UNTIL (fd_sync_engine_get_state (engine ()) == FD_SYNC_ENGINE_STATE_OFFLINE);
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_OFFLINE);
  g_assert_cmpstr (fd_sync_indicator_get_text (status ()), ==,
                   "Offline: 1 change waiting to be sent");
  g_assert_nonnull (fd_sync_engine_get_message (engine ()));
  /* Said in the header bar only: no dialog */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    g_assert_true (l->data == (gpointer) window);

  /* The edit stays queued, and "Sync Now" tries again without losing it */
  g_assert_cmpint (fd_database_count_unpushed (database), ==, 1);
  fd_sync_engine_sync_now (engine ());
  ui_test_iterate (300);
  UI_TEST_WAIT_UNTIL (fd_sync_engine_get_state (engine ()) == FD_SYNC_ENGINE_STATE_OFFLINE);
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_OFFLINE);
  g_assert_cmpint (fd_database_count_unpushed (database), ==, 1);
  g_assert_false (server_has ("trainer", trainer));
}

/* Signing out forgets the token but keeps the server, and the queue */
static void
test_sign_out (void)
{
  g_autofree char *url = server_url ();
  g_autofree char *token = NULL;

  fd_sync_engine_sign_out (engine ());
  g_assert_cmpint (fd_sync_engine_get_state (engine ()), ==, FD_SYNC_ENGINE_STATE_SIGNED_OUT);
  ui_test_iterate (50);
  token = fd_memory_token_store_dup (FD_MEMORY_TOKEN_STORE (token_store), url, EMAIL);
  g_assert_null (token);
  g_assert_cmpint (fd_database_count_unpushed (database), ==, 1);
  g_assert_cmpstr (fd_sync_engine_get_server_url (engine ()), ==, url);
}

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The keyring, as this machine has it: without a Secret Service (CI) the
 * calls fail at once rather than hang; with one, a token saved is found
 * and forgotten */
static void
test_secret_store (void)
{
  g_autoptr(FdTokenStore) secrets = fd_secret_token_store_new ();
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  const char *url = "http://test-ui-sync.invalid:1";
  gboolean available;

  fd_token_store_save_async (secrets, url, EMAIL, "token", NULL, on_async_done_cb, &saved);
  UI_TEST_WAIT_UNTIL (saved != NULL);
  g_assert_nonnull (saved);
  available = fd_token_store_save_finish (secrets, saved, &error);
  g_test_message ("Secret Service: %s", available ? "available" : error->message);
  g_clear_error (&error);

  fd_token_store_lookup_async (secrets, url, EMAIL, NULL, on_async_done_cb, &found);
  UI_TEST_WAIT_UNTIL (found != NULL);
  g_assert_nonnull (found);
  token = fd_token_store_lookup_finish (secrets, found, &error);
  if (available)
    g_assert_cmpstr (token, ==, "token");
  else
    g_assert_null (token);
  g_clear_error (&error);

  fd_token_store_save_async (secrets, url, EMAIL, NULL, NULL, on_async_done_cb, &cleared);
  UI_TEST_WAIT_UNTIL (cleared != NULL);
  g_assert_nonnull (cleared);
  g_assert_true (fd_token_store_save_finish (secrets, cleared, &error) == available);
}

static void
test_retry_delay (void)
{
  g_assert_cmpuint (fd_sync_engine_retry_delay (1, 0.5), ==, 2000);
  g_assert_cmpuint (fd_sync_engine_retry_delay (2, 0.5), ==, 4000);
  g_assert_cmpuint (fd_sync_engine_retry_delay (1, 0.0), ==, 1600);
  g_assert_cmpuint (fd_sync_engine_retry_delay (1, 1.0), ==, 2400);
  g_assert_cmpuint (fd_sync_engine_retry_delay (9, 0.5), ==, 5 * 60 * 1000);
  g_assert_cmpuint (fd_sync_engine_retry_delay (1000, 1.0), ==, 6 * 60 * 1000);
}

static void
test_describe (void)
{
  g_autofree char *pending = fd_sync_engine_describe (FD_SYNC_ENGINE_STATE_PENDING, 3, 0);
  g_autofree char *conflicts = fd_sync_engine_describe (FD_SYNC_ENGINE_STATE_CONFLICTS, 0, 2);
  g_autofree char *offline = fd_sync_engine_describe (FD_SYNC_ENGINE_STATE_OFFLINE, 0, 0);

  g_assert_cmpstr (pending, ==, "3 changes waiting to be sent");
  g_assert_cmpstr (conflicts, ==, "2 changes refused by the server");
  g_assert_cmpstr (offline, ==, "Offline");
  g_assert_null (fd_sync_engine_icon_name (FD_SYNC_ENGINE_STATE_LOCAL));
  g_assert_cmpstr (fd_sync_engine_icon_name (FD_SYNC_ENGINE_STATE_OFFLINE), ==,
                   "network-offline-symbolic");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int ret;

  if (!ui_test_init (&argc, &argv))
    return 0;

  app = fd_application_new ("fr.formadesk.Formadesk.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  start_server ();
  path = g_build_filename (dir, "client.db", NULL);
  database = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  token_store = fd_memory_token_store_new ();
  open_window ();

  g_test_add_func ("/sync-ui/retry-delay", test_retry_delay);
  g_test_add_func ("/sync-ui/describe", test_describe);
  g_test_add_func ("/sync-ui/secret-store", test_secret_store);
  g_test_add_func ("/sync-ui/local", test_local);
  g_test_add_func ("/sync-ui/bad-sign-in", test_bad_sign_in);
  g_test_add_func ("/sync-ui/sign-in-and-sync", test_sign_in_and_sync);
  g_test_add_func ("/sync-ui/restore-at-start", test_restore_at_start);
  g_test_add_func ("/sync-ui/keyring-unavailable", test_keyring_unavailable);
  g_test_add_func ("/sync-ui/offline", test_offline);
  g_test_add_func ("/sync-ui/sign-out", test_sign_out);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (50);
  stop_server ();
  g_clear_object (&database);
  g_clear_object (&token_store);
  g_clear_object (&store);
  g_clear_object (&app);
  ui_test_remove_dir (dir);
  g_free (server_path);
  g_free (dir);
  ui_test_cleanup ();

  return ret;
}
