/* test-sync-client.c — two devices syncing through a real server on loopback
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "fd-server.h"
#include "fd-sync-client.h"
#include "test-core-common.h"
#include "test-server-common.h"

/*
 * As in test-server.c, a real FdServer runs in a thread of its own on
 * 127.0.0.1, port 0 (test-server-common.h). Two client databases, A (signed in as a planner) and
 * B (as an administrator), each with its FdSyncClient; the test's thread
 * edits them through core, as the app does, and syncs them through the
 * client's async API (a worker thread), then looks at what each holds.
 */

#define PASSWORD "correct horse 1"

typedef struct
{
  char *path;
  FdDatabase *db; /* the "UI" connection */
  FdSyncClient *client;
  GPtrArray *announced; /* FdRowChanges */
} Device;

typedef struct
{
  char *dir;
  char *server_path;
  FdServerStore *store;

  TestServer server;

  Device a;
  Device b;
} Fixture;

static void
on_rows_changed_cb (FdDatabase   *db,
                    FdRowChanges *changes,
                    GPtrArray    *announced)
{
  g_ptr_array_add (announced, fd_row_changes_ref (changes));
}

static void
device_set_up (Fixture    *fixture,
               Device     *device,
               const char *name,
               const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", fixture->server.port);
  g_autofree char *file = g_strconcat (name, ".db", NULL);

  device->path = g_build_filename (fixture->dir, file, NULL);
  device->db = fd_database_open (device->path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  device->announced = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_row_changes_unref);
  g_signal_connect (device->db, "rows-changed", G_CALLBACK (on_rows_changed_cb),
                    device->announced);

  device->client = fd_sync_client_new (url, device->path, &error);
  g_assert_no_error (error);
  g_assert_false (fd_sync_client_is_signed_in (device->client));
  g_assert_true (fd_sync_client_login (device->client, email, PASSWORD, name, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fd_sync_client_is_signed_in (device->client));
}

static void
device_tear_down (Device *device)
{
  g_clear_object (&device->client);
  g_clear_object (&device->db);
  g_clear_pointer (&device->announced, g_ptr_array_unref);
  g_clear_pointer (&device->path, g_free);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) admin = NULL;
  g_autoptr(FdUser) planner = NULL;

  fixture->dir = g_dir_make_tmp ("formadesk-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->server_path = g_build_filename (fixture->dir, "server.db", NULL);

  fixture->store = fd_server_store_open (fixture->server_path, &error);
  g_assert_no_error (error);
  g_assert_true (fd_server_store_ensure_organisation (fixture->store, "Formation Plus", &error));
  admin = fd_server_store_add_account (fixture->store, "admin@example.fr", "Admin",
                                       FD_ROLE_ADMIN, NULL, NULL, PASSWORD, &error);
  g_assert_no_error (error);
  planner = fd_server_store_add_account (fixture->store, "planner@example.fr", NULL,
                                         FD_ROLE_PLANNER, NULL, NULL, PASSWORD, &error);
  g_assert_no_error (error);

  test_server_start (&fixture->server, fixture->server_path);

  device_set_up (fixture, &fixture->a, "a", "planner@example.fr");
  device_set_up (fixture, &fixture->b, "b", "admin@example.fr");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  device_tear_down (&fixture->a);
  device_tear_down (&fixture->b);

  test_server_stop (&fixture->server);

  g_clear_object (&fixture->store);
  core_remove_dir (fixture->dir);
  g_free (fixture->server_path);
  g_free (fixture->dir);
}

static void
on_sync_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* One sync_once of @device in its worker thread, waited for on this
 * thread's main context; then the UI connection looks for what the worker
 * committed, as the app's watch does */
static gboolean
sync_device (Device       *device,
             FdSyncStats  *stats,
             GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gboolean ok;

  fd_sync_client_sync_async (device->client, NULL, on_sync_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = fd_sync_client_sync_finish (device->client, result, stats, error);
  fd_database_check_changes (device->db);

  return ok;
}

static void
sync_ok (Device      *device,
         FdSyncStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_device (device, stats, &error));
  g_assert_no_error (error);
}

static gboolean
announced (Device     *device,
           const char *entity,
           const char *id)
{
  for (guint i = 0; i < device->announced->len; i++)
    if (fd_row_changes_lookup (g_ptr_array_index (device->announced, i), entity, id, NULL))
      return TRUE;

  return FALSE;
}

static char *
trainer_name (FdDatabase *db,
              const char *id)
{
  return core_query_text (db, "SELECT first_name || ' ' || last_name FROM trainer"
                          " WHERE id = ?1 AND deleted = 0", id);
}

static void
update_trainer (FdDatabase *db,
                const char *id,
                const char *field,
                const char *value)
{
  g_autoptr(FdChange) change = fd_change_new_update ("trainer", id,
                                                     core_revision (db, "trainer", id));

  fd_change_set_string (change, field, value);
  core_apply (db, change);
}

static void
test_edit_reaches_other (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *trainer = NULL;
  g_autofree char *name = NULL;
  FdSyncStats stats = { 0 };

  /* Both start from the server's organisation */
  sync_ok (&fixture->a, NULL);
  sync_ok (&fixture->b, &stats);
  g_assert_cmpuint (stats.pulled, >=, 1);
  g_assert_cmpint (core_query_int (fixture->b.db, "SELECT count(*) FROM organisation", NULL), ==, 1);

  trainer = core_create (fixture->a.db, "trainer", "first_name", "Hélène", "last_name", "Dupont",
                         NULL);
  g_assert_cmpint (fd_database_count_outbox (fixture->a.db), ==, 1);

  sync_ok (&fixture->a, &stats);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpint (stats.server_time, >, 0);
  /* A pulled past its own mutation: the outbox is empty, the row has the
   * server's version */
  g_assert_cmpint (fd_database_count_outbox (fixture->a.db), ==, 0);
  g_assert_cmpint (core_query_int (fixture->a.db, "SELECT version FROM trainer WHERE id = ?1",
                                   trainer), ==, fd_server_store_get_version (fixture->store));

  g_ptr_array_set_size (fixture->b.announced, 0);
  sync_ok (&fixture->b, &stats);
  name = trainer_name (fixture->b.db, trainer);
  g_assert_cmpstr (name, ==, "Hélène Dupont");
  g_assert_true (announced (&fixture->b, "trainer", trainer));
  g_assert_cmpint (fd_database_count_outbox (fixture->b.db), ==, 0);

  /* B's edit comes back to A; then a delete */
  update_trainer (fixture->b.db, trainer, "last_name", "Durand");
  sync_ok (&fixture->b, NULL);
  g_ptr_array_set_size (fixture->a.announced, 0);
  sync_ok (&fixture->a, NULL);
  g_clear_pointer (&name, g_free);
  name = trainer_name (fixture->a.db, trainer);
  g_assert_cmpstr (name, ==, "Hélène Durand");
  g_assert_true (announced (&fixture->a, "trainer", trainer));

  /* Nothing new: a sync moves nothing */
  sync_ok (&fixture->a, &stats);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpuint (stats.pulled, ==, 0);
}

static void
test_tombstone (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *trainer = NULL;

  trainer = core_create (fixture->a.db, "trainer", "first_name", "Paul", "last_name", "Roy", NULL);
  sync_ok (&fixture->a, NULL);
  sync_ok (&fixture->b, NULL);
  g_assert_cmpint (core_query_int (fixture->b.db, "SELECT deleted FROM trainer WHERE id = ?1",
                                   trainer), ==, 0);

  core_delete (fixture->a.db, "trainer", trainer);
  sync_ok (&fixture->a, NULL);
  g_ptr_array_set_size (fixture->b.announced, 0);
  sync_ok (&fixture->b, NULL);
  g_assert_cmpint (core_query_int (fixture->b.db, "SELECT deleted FROM trainer WHERE id = ?1",
                                   trainer), ==, 1);
  g_assert_true (announced (&fixture->b, "trainer", trainer));
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trainer = NULL;
  g_autofree char *name = NULL;
  FdSyncConflict *conflict;
  FdSyncStats stats = { 0 };

  trainer = core_create (fixture->a.db, "trainer", "first_name", "Ana", "last_name", "Martin",
                         NULL);
  sync_ok (&fixture->a, NULL);
  sync_ok (&fixture->b, NULL);

  /* The same field from the same base on both devices, and another
   * field on B, which merges */
  update_trainer (fixture->a.db, trainer, "first_name", "Anna");
  update_trainer (fixture->b.db, trainer, "first_name", "Annie");
  update_trainer (fixture->b.db, trainer, "email", "ana@example.fr");
  sync_ok (&fixture->a, NULL);
  sync_ok (&fixture->b, &stats);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_assert_cmpuint (stats.pushed, ==, 1);

  /* Consumed on B, listed with its field, and B shows the server's value */
  g_assert_cmpint (fd_database_count_outbox (fixture->b.db), ==, 0);
  conflicts = fd_database_list_sync_conflicts (fixture->b.db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->outcome, ==, FD_PUSH_OUTCOME_CONFLICT);
  g_assert_cmpstr (conflict->entity_id, ==, trainer);
  g_assert_cmpstr (conflict->field, ==, "first_name");
  g_assert_nonnull (conflict->message);
  g_assert_nonnull (strstr (conflict->args, "Annie"));
  name = trainer_name (fixture->b.db, trainer);
  g_assert_cmpstr (name, ==, "Anna Martin");
  g_clear_pointer (&name, g_free);
  name = core_query_text (fixture->b.db, "SELECT email FROM trainer WHERE id = ?1", trainer);
  g_assert_cmpstr (name, ==, "ana@example.fr");

  /* A has nothing to show */
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = fd_database_list_sync_conflicts (fixture->a.db, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

/* A planner may not change the organisation: the server rejects what the
 * device's local administrator could do */
static void
test_rejected (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) rename = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *name = NULL;
  g_autofree char *trainer = NULL;
  FdSyncConflict *conflict;
  FdSyncStats stats = { 0 };

  sync_ok (&fixture->a, NULL);
  organisation = core_query_text (fixture->a.db, "SELECT id FROM organisation", NULL);
  g_assert_nonnull (organisation);

  rename = fd_change_new_update ("organisation", organisation,
                                 core_revision (fixture->a.db, "organisation", organisation));
  fd_change_set_string (rename, "name", "Formation Moins");
  core_apply (fixture->a.db, rename);
  trainer = core_create (fixture->a.db, "trainer", "first_name", "Léa", "last_name", "Petit",
                         NULL);

  sync_ok (&fixture->a, &stats);
  g_assert_cmpuint (stats.rejected, ==, 1);
  /* The next mutation still applied: the queue is not wedged */
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpint (fd_database_count_outbox (fixture->a.db), ==, 0);

  conflicts = fd_database_list_sync_conflicts (fixture->a.db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->outcome, ==, FD_PUSH_OUTCOME_REJECTED);
  g_assert_cmpstr (conflict->name, ==, "organisation.update");
  g_assert_cmpstr (conflict->entity, ==, "organisation");
  g_assert_nonnull (conflict->message);

  /* A shows the organisation as the server has it again */
  name = core_query_text (fixture->a.db, "SELECT name FROM organisation", NULL);
  g_assert_cmpstr (name, ==, "Formation Plus");

  sync_ok (&fixture->b, NULL);
  g_clear_pointer (&name, g_free);
  name = trainer_name (fixture->b.db, trainer);
  g_assert_cmpstr (name, ==, "Léa Petit");
  g_clear_pointer (&name, g_free);
  name = core_query_text (fixture->b.db, "SELECT name FROM organisation", NULL);
  g_assert_cmpstr (name, ==, "Formation Plus");
}

static gint64
count_rows (FdDatabase *db,
            const char *sql,
            const char *id)
{
  return core_query_int (db, sql, id);
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) operation = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) session = fd_change_new_create ("session");
  g_autoptr(FdChange) trainer = NULL;
  g_autoptr(FdChange) rename = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *code = NULL;
  GDate start;
  GDate end;
  FdSyncStats stats = { 0 };
  gint64 version;

  sync_ok (&fixture->a, NULL);

  fd_change_set_int (session, "year", 2026);
  fd_change_set_string (session, "label", "Excel");
  core_apply (fixture->a.db, session);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *label = g_strdup_printf ("Jour %u", i + 1);

      g_free (core_create (fixture->a.db, "sequence", "session_id", fd_change_get_id (session),
                           "label", label, NULL));
    }
  sync_ok (&fixture->a, NULL);

  /* A duplicate is one batch: the session and its sequences */
  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&start, 6, G_DATE_SEPTEMBER, 2026);
  g_date_set_dmy (&end, 10, G_DATE_SEPTEMBER, 2026);
  g_assert_true (fd_session_duplicate (fixture->a.db, fd_change_get_id (session), 2026, &start,
                                       &end, &copy, &code, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->a.db, "SELECT count(DISTINCT batch_id) FROM outbox"
                               " WHERE batch_id IS NOT NULL", NULL), ==, 1);
  g_assert_cmpint (fd_database_count_outbox (fixture->a.db), >=, 4);

  version = fd_server_store_get_version (fixture->store);
  sync_ok (&fixture->a, &stats);
  g_assert_cmpint (fd_server_store_get_version (fixture->store), ==, version + stats.pushed);
  sync_ok (&fixture->b, NULL);
  g_assert_cmpint (count_rows (fixture->b.db, "SELECT count(*) FROM session WHERE id = ?1", copy),
                   ==, 1);
  g_assert_cmpint (count_rows (fixture->b.db, "SELECT count(*) FROM sequence"
                               " WHERE session_id = ?1 AND deleted = 0", copy), ==, 3);

  /* A batch with a refused mutation: nothing of it arrives */
  organisation = core_query_text (fixture->a.db, "SELECT id FROM organisation", NULL);
  trainer = fd_change_new_create ("trainer");
  fd_change_set_string (trainer, "first_name", "Zoé");
  fd_change_set_string (trainer, "last_name", "Martin");
  rename = fd_change_new_update ("organisation", organisation,
                                 core_revision (fixture->a.db, "organisation", organisation));
  fd_change_set_string (rename, "name", "Formation Moins");
  g_ptr_array_add (operation, fd_change_ref (trainer));
  g_ptr_array_add (operation, fd_change_ref (rename));
  g_assert_true (fd_database_apply_all (fixture->a.db, operation, &error));
  g_assert_no_error (error);

  version = fd_server_store_get_version (fixture->store);
  sync_ok (&fixture->a, &stats);
  g_assert_cmpuint (stats.rejected, ==, 2);
  g_assert_cmpint (fd_server_store_get_version (fixture->store), ==, version);
  g_assert_cmpint (fd_database_count_outbox (fixture->a.db), ==, 0);
  sync_ok (&fixture->b, NULL);
  g_assert_cmpint (count_rows (fixture->b.db, "SELECT count(*) FROM trainer WHERE id = ?1",
                               fd_change_get_id (trainer)), ==, 0);
}

static void
test_session_dates (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(FdChange) session = fd_change_new_create ("session");
  g_autofree char *sequence = NULL;
  g_autofree char *dates = NULL;

  fd_change_set_int (session, "year", 2026);
  fd_change_set_string (session, "label", "Word");
  core_apply (fixture->a.db, session);
  sequence = core_create (fixture->a.db, "sequence", "session_id", fd_change_get_id (session),
                          "label", "Jour 1", NULL);
  g_free (core_create (fixture->a.db, "slot", "session_id", fd_change_get_id (session),
                       "sequence_id", sequence, "start_at", "2026-05-04T09:00",
                       "end_at", "2026-05-04T12:00", NULL));
  sync_ok (&fixture->a, NULL);
  sync_ok (&fixture->b, NULL);

  /* Computed on B from the slots it received, never sent */
  dates = core_query_text (fixture->b.db, "SELECT starts_on || ' ' || ends_on FROM session"
                           " WHERE id = ?1", fd_change_get_id (session));
  g_assert_cmpstr (dates, ==, "2026-05-04 2026-05-04");
}

static void
test_revoked (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *device_id = fd_sync_client_dup_device_id (fixture->a.client);
  g_autofree char *trainer = NULL;

  trainer = core_create (fixture->a.db, "trainer", "first_name", "Paul", "last_name", "Roy", NULL);
  g_assert_true (fd_server_store_revoke_device (fixture->store, device_id, &error));
  g_assert_no_error (error);

  g_assert_false (sync_device (&fixture->a, NULL, &error));
  g_assert_error (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_UNAUTHORIZED);
  /* Nothing lost */
  g_assert_cmpint (fd_database_count_unpushed (fixture->a.db), ==, 1);
}

static guint
count_devices (FdServerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = fd_server_store_list_devices (store, &error);

  g_assert_no_error (error);
  return devices->len;
}

/* A new client on A's database, signed in again with the password */
static void
sign_in_again (Fixture    *fixture,
               Device     *device,
               const char *email,
               GError    **error)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", fixture->server.port);

  g_clear_object (&device->client);
  device->client = fd_sync_client_new (url, device->path, NULL);
  g_assert_nonnull (device->client);
  fd_sync_client_login (device->client, email, PASSWORD, "a", NULL, error);
}

/* A push whose answer is lost (the app closed, the network cut after the
 * server committed), then a new sign-in: the server still knows the
 * device, answers "duplicate", and nothing is applied twice */
static void
test_lost_answer (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *device_id = fd_sync_client_dup_device_id (fixture->a.client);
  g_autofree char *again_id = NULL;
  g_autofree char *stored_url = NULL;
  g_autofree char *stored_email = NULL;
  g_autofree char *stored_id = NULL;
  g_autofree char *trainer = NULL;
  FdSyncStats stats = { 0 };
  guint devices = count_devices (fixture->store);
  gint64 version;

  /* The sign-in stored where and as whom this database syncs */
  g_assert_true (fd_database_dup_sync_account (fixture->a.db, &stored_url, &stored_email,
                                               &stored_id));
  g_assert_true (g_str_has_prefix (stored_url, "http://127.0.0.1:"));
  g_assert_false (g_str_has_suffix (stored_url, "/"));
  g_assert_cmpstr (stored_email, ==, "planner@example.fr");
  g_assert_cmpstr (stored_id, ==, device_id);

  trainer = core_create (fixture->a.db, "trainer", "first_name", "Inès", "last_name", "Martin",
                         NULL);
  g_assert_true (fd_sync_client_push (fixture->a.client, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pushed, ==, 1);
  version = fd_server_store_get_version (fixture->store);

  /* The answer never reached the database */
  g_assert_cmpint (sqlite3_exec (_fd_database_get_handle (fixture->a.db),
                                 "UPDATE outbox SET pushed_version = NULL", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (fd_database_count_unpushed (fixture->a.db), ==, 1);

  sign_in_again (fixture, &fixture->a, "PLANNER@example.fr", &error);
  g_assert_no_error (error);
  again_id = fd_sync_client_dup_device_id (fixture->a.client);
  g_assert_cmpstr (again_id, ==, device_id);
  g_assert_cmpuint (count_devices (fixture->store), ==, devices);

  sync_ok (&fixture->a, &stats);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  /* Nothing applied twice: the clock did not move */
  g_assert_cmpint (fd_server_store_get_version (fixture->store), ==, version);
  g_assert_cmpint (fd_database_count_outbox (fixture->a.db), ==, 0);
  g_assert_cmpint (core_query_int (fixture->a.db, "SELECT version FROM trainer WHERE id = ?1",
                                   trainer), ==, version);
}

/* A revoked device is not brought back: the sign-in gets a new one. A
 * device of another account is refused. */
static void
test_device_id_refused (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *device_id = fd_sync_client_dup_device_id (fixture->a.client);
  g_autofree char *other_id = fd_sync_client_dup_device_id (fixture->b.client);
  g_autofree char *new_id = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", fixture->server.port);

  g_assert_true (fd_server_store_revoke_device (fixture->store, device_id, &error));
  g_assert_no_error (error);
  sign_in_again (fixture, &fixture->a, "planner@example.fr", &error);
  g_assert_no_error (error);
  new_id = fd_sync_client_dup_device_id (fixture->a.client);
  g_assert_nonnull (new_id);
  g_assert_cmpstr (new_id, !=, device_id);

  g_assert_true (fd_database_set_sync_account (fixture->a.db, url, "planner@example.fr",
                                               other_id, &error));
  g_assert_no_error (error);
  sign_in_again (fixture, &fixture->a, "planner@example.fr", &error);
  g_assert_error (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_FORBIDDEN);
  g_assert_false (fd_sync_client_is_signed_in (fixture->a.client));
}

/* The app keeps only the refresh token: a client given it syncs without
 * the password, and the spent token is replaced */
static void
test_restore_session (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", fixture->server.port);
  g_autofree char *refresh_token = fd_sync_client_dup_refresh_token (fixture->a.client);
  g_autofree char *renewed = NULL;

  g_assert_nonnull (refresh_token);
  g_clear_object (&fixture->a.client);
  fixture->a.client = fd_sync_client_new (url, fixture->a.path, &error);
  g_assert_no_error (error);
  g_assert_false (fd_sync_client_is_signed_in (fixture->a.client));
  fd_sync_client_set_refresh_token (fixture->a.client, refresh_token);
  g_assert_true (fd_sync_client_is_signed_in (fixture->a.client));

  core_create (fixture->a.db, "trainer", "first_name", "Léa", "last_name", "Petit", NULL);
  sync_ok (&fixture->a, NULL);
  g_assert_cmpint (fd_database_count_outbox (fixture->a.db), ==, 0);
  renewed = fd_sync_client_dup_refresh_token (fixture->a.client);
  g_assert_cmpstr (renewed, !=, refresh_token);

  /* The spent token is worth nothing */
  fd_sync_client_set_refresh_token (fixture->a.client, refresh_token);
  g_assert_false (sync_device (&fixture->a, NULL, &error));
  g_assert_error (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_UNAUTHORIZED);
}

/* A port nothing listens on */
static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  return port;
}

/* Runs formadesk-cli sync on A's database; returns its exit status */
static int
run_cli (Fixture    *fixture,
         guint16     port,
         const char *user,
         const char *password,
         char      **out,
         char      **err)
{
  const char *cli = g_getenv ("FORMADESK_CLI");
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "--db", fixture->a.path, "sync", "--server", url, "--user", user,
                         NULL };
  int status = 0;

  g_assert_nonnull (cli);
  env = g_environ_setenv (env, "FORMADESK_PASSWORD", password, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL) ? 0 : (WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *trainer = NULL;
  g_autofree char *name = NULL;
  int status;

  trainer = core_create (fixture->a.db, "trainer", "first_name", "Inès", "last_name", "Moreau",
                         NULL);

  /* The server unreachable: one line, nothing lost */
  status = run_cli (fixture, closed_port (), "planner@example.fr", PASSWORD, &out, &err);
  g_test_message ("unreachable: %s", err);
  g_assert_cmpint (status, !=, 0);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "formadesk-cli: "));
  g_assert_nonnull (strstr (err, "reach"));
  g_assert_cmpint (fd_database_count_unpushed (fixture->a.db), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A wrong password: one line, nothing lost */
  status = run_cli (fixture, fixture->server.port, "planner@example.fr", "wrong", &out, &err);
  g_test_message ("bad password: %s", err);
  g_assert_cmpint (status, !=, 0);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "password"));
  g_assert_cmpint (fd_database_count_unpushed (fixture->a.db), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Up to date: 0 */
  status = run_cli (fixture, fixture->server.port, "planner@example.fr", PASSWORD, &out, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Up to date: 1 sent"));
  g_assert_cmpint (fd_database_count_outbox (fixture->a.db), ==, 0);

  sync_ok (&fixture->b, NULL);
  name = trainer_name (fixture->b.db, trainer);
  g_assert_cmpstr (name, ==, "Inès Moreau");
}

static void
test_bad_url (void)
{
  static const char * const bad[] = {
    "", "127.0.0.1:8080", "ftp://example.fr", "http://", "http://example.fr/?x=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FdSyncClient) client = fd_sync_client_new (bad[i], "/nonexistent.db", &error);

      g_assert_null (client);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }
}

static void
add (const char *path,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add ("/sync-client/edit-reaches-other", test_edit_reaches_other);
  add ("/sync-client/tombstone", test_tombstone);
  add ("/sync-client/conflict", test_conflict);
  add ("/sync-client/rejected", test_rejected);
  add ("/sync-client/batch", test_batch);
  add ("/sync-client/session-dates", test_session_dates);
  add ("/sync-client/revoked", test_revoked);
  add ("/sync-client/lost-answer", test_lost_answer);
  add ("/sync-client/device-id-refused", test_device_id_refused);
  add ("/sync-client/restore-session", test_restore_session);
  add ("/sync-client/cli", test_cli);
  g_test_add_func ("/sync-client/bad-url", test_bad_url);

  return g_test_run ();
}
