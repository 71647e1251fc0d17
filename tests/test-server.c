/* test-server.c — formadesk-server over HTTP on a loopback port
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "fd-server.h"
#include "test-server-common.h"

/*
 * Each test starts a real FdServer in a thread of its own (its own main
 * context and its own connection to the database, as in production) on
 * 127.0.0.1, port 0, and talks to it with libsoup's client. The test's
 * thread opens the same database too, the way `formadesk-server user …`
 * would, to add, revoke and look.
 */

#define PASSWORD "correct horse 1"

typedef struct
{
  char *dir;
  char *path;
  FdServerStore *store; /* the test thread's connection */

  TestServer server;

  SoupSession *session;
} Fixture;

typedef struct
{
  char *access_token;
  char *refresh_token;
  char *device_id;
} Device;

static void
device_clear (Device *device)
{
  g_clear_pointer (&device->access_token, g_free);
  g_clear_pointer (&device->refresh_token, g_free);
  g_clear_pointer (&device->device_id, g_free);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) admin = NULL;
  g_autoptr(FdUser) planner = NULL;

  fixture->dir = g_dir_make_tmp ("formadesk-server-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "server.db", NULL);

  fixture->store = fd_server_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (fd_server_store_ensure_organisation (fixture->store, "Formation Plus", &error));
  g_assert_no_error (error);
  admin = fd_server_store_add_account (fixture->store, "admin@example.fr", "Admin",
                                       FD_ROLE_ADMIN, NULL, NULL, PASSWORD, &error);
  g_assert_no_error (error);
  planner = fd_server_store_add_account (fixture->store, "planner@example.fr", NULL,
                                         FD_ROLE_PLANNER, NULL, NULL, PASSWORD, &error);
  g_assert_no_error (error);

  test_server_start (&fixture->server, fixture->path);

  /* Loopback, never through the environment's proxy */
  fixture->session = soup_session_new ();
  soup_session_set_proxy_resolver (fixture->session, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-lock" };

  g_clear_object (&fixture->session);

  test_server_stop (&fixture->server);

  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* One HTTP exchange; returns the body and sets *@status */
static GBytes *
request (Fixture    *fixture,
         const char *method,
         const char *path_and_query,
         const char *token,
         const char *body,
         gsize       body_length,
         guint      *status)
{
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u%s", fixture->server.port, path_and_query);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  GBytes *response;

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, body_length);

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  response = soup_session_send_and_read (fixture->session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);

  return response;
}

static GBytes *
post (Fixture    *fixture,
      const char *path,
      const char *token,
      const char *body,
      guint      *status)
{
  return request (fixture, "POST", path, token, body, strlen (body), status);
}

/* The "error" code of an error response */
static char *
error_code (GBytes *body)
{
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  g_assert_true (fd_sync_error_decode (data, length, &code, &message, &error));
  g_assert_no_error (error);
  g_assert_true (message[0] != '\0');

  return g_steal_pointer (&code);
}

static void
assert_error (GBytes     *body,
              guint       status,
              guint       expected_status,
              const char *expected_code)
{
  g_autofree char *code = error_code (body);

  g_assert_cmpuint (status, ==, expected_status);
  g_assert_cmpstr (code, ==, expected_code);
}

static void
login (Fixture    *fixture,
       const char *email,
       Device     *device)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"" PASSWORD "\","
                                           "\"device_name\":\"Laptop\"}", email);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  guint status;
  gsize length;
  const char *data;

  response = post (fixture, "/v1/login", NULL, body, &status);
  data = g_bytes_get_data (response, &length);
  if (status != 200)
    g_error ("login: %u %.*s", status, (int) length, data);
  root = fd_sync_parse_json (data, length, G_MAXSIZE, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  device->access_token = g_strdup (json_object_get_string_member (object, "access_token"));
  device->refresh_token = g_strdup (json_object_get_string_member (object, "refresh_token"));
  device->device_id = g_strdup (json_object_get_string_member (object, "device_id"));
  g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==,
                   FD_SERVER_ACCESS_TOKEN_LIFETIME);
  g_assert_cmpuint (strlen (device->access_token), >=, 43);
  g_assert_cmpstr (device->access_token, !=, device->refresh_token);
}

/* Pushes @mutations (a JSON array's items) from @device */
static FdSyncPushResponse *
push (Fixture    *fixture,
      Device     *device,
      const char *mutations)
{
  g_autofree char *body = g_strdup_printf ("{\"device_id\":\"%s\",\"mutations\":[%s]}",
                                           device->device_id, mutations);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  FdSyncPushResponse *decoded;
  const char *data;
  guint status;
  gsize length;

  response = post (fixture, "/v1/push", device->access_token, body, &status);
  data = g_bytes_get_data (response, &length);
  if (status != 200)
    g_error ("push: %u %.*s", status, (int) length, data);
  decoded = fd_sync_push_response_decode (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (decoded->server_time, >, 0);

  return decoded;
}

static FdSyncPullResponse *
pull (Fixture    *fixture,
      Device     *device,
      const char *cursor,
      guint       limit)
{
  g_autofree char *path = g_strdup_printf ("/v1/pull?cursor=%s&limit=%u",
                                           cursor != NULL ? cursor : "", limit);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  FdSyncPullResponse *decoded;
  const char *data;
  guint status;
  gsize length;

  response = request (fixture, "GET", path, device->access_token, NULL, 0, &status);
  data = g_bytes_get_data (response, &length);
  if (status != 200)
    g_error ("pull: %u %.*s", status, (int) length, data);
  decoded = fd_sync_pull_response_decode (data, length, &error);
  g_assert_no_error (error);

  return decoded;
}

static char *
trainer_create (const char *mutation_id,
                const char *trainer_id,
                const char *first_name,
                const char *batch_id)
{
  g_autofree char *batch = batch_id != NULL ? g_strdup_printf (",\"batch_id\":\"%s\"", batch_id)
                                            : g_strdup ("");

  return g_strdup_printf ("{\"id\":\"%s\",\"name\":\"trainer.create\",\"entity_id\":\"%s\","
                          "\"base_version\":0,\"args\":{\"id\":\"%s\",\"set\":{"
                          "\"first_name\":\"%s\",\"last_name\":\"Martin\"}}%s}",
                          mutation_id, trainer_id, trainer_id, first_name, batch);
}

static char *
trainer_update (const char *mutation_id,
                const char *trainer_id,
                gint64      base_version,
                const char *field,
                const char *value,
                const char *batch_id)
{
  g_autofree char *batch = batch_id != NULL ? g_strdup_printf (",\"batch_id\":\"%s\"", batch_id)
                                            : g_strdup ("");

  return g_strdup_printf ("{\"id\":\"%s\",\"name\":\"trainer.update\",\"entity_id\":\"%s\","
                          "\"base_version\":%" G_GINT64_FORMAT ",\"args\":{\"id\":\"%s\","
                          "\"set\":{\"%s\":\"%s\"}}%s}",
                          mutation_id, trainer_id, base_version, trainer_id, field, value, batch);
}

static const FdSyncResult *
result_at (FdSyncPushResponse *response,
           guint               index)
{
  g_assert_cmpuint (index, <, response->results->len);

  return g_ptr_array_index (response->results, index);
}

/* The change of @id in a pull from the start, or NULL */
static FdSyncChange *
find_change (FdSyncPullResponse *response,
             const char         *id)
{
  for (guint i = 0; i < response->changes->len; i++)
    {
      FdSyncChange *change = g_ptr_array_index (response->changes, i);

      if (g_str_equal (change->id, id))
        return change;
    }

  return NULL;
}

static void
test_login (Fixture       *fixture,
            gconstpointer  user_data)
{
  Device device = { 0 };
  g_autoptr(GBytes) body = NULL;
  guint status;

  login (fixture, "admin@example.fr", &device);
  /* Email addresses are compared normalised */
  device_clear (&device);
  login (fixture, "  Admin@Example.FR ", &device);
  device_clear (&device);

  body = post (fixture, "/v1/login", NULL,
               "{\"email\":\"admin@example.fr\",\"password\":\"wrong password\","
               "\"device_name\":\"x\"}", &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);

  body = post (fixture, "/v1/login", NULL,
               "{\"email\":\"nobody@example.fr\",\"password\":\"" PASSWORD "\","
               "\"device_name\":\"x\"}", &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);

  body = post (fixture, "/v1/login", NULL, "{\"email\":\"admin@example.fr\"}", &status);
  assert_error (body, status, 400, "malformed");
  g_clear_pointer (&body, g_bytes_unref);

  body = request (fixture, "GET", "/v1/login", NULL, NULL, 0, &status);
  assert_error (body, status, 405, "method_not_allowed");
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  user_data)
{
  Device device = { 0 };
  g_autofree char *create = trainer_create ("m-1", "t-1", "Ana", NULL);
  g_autoptr(FdSyncPushResponse) first = NULL;
  g_autoptr(FdSyncPushResponse) again = NULL;
  gint64 version;

  login (fixture, "planner@example.fr", &device);
  first = push (fixture, &device, create);
  g_assert_cmpuint (first->results->len, ==, 1);
  g_assert_cmpstr (result_at (first, 0)->id, ==, "m-1");
  g_assert_cmpint (result_at (first, 0)->status, ==, FD_SYNC_STATUS_APPLIED);
  version = result_at (first, 0)->version;
  g_assert_cmpint (version, >, 0);
  g_assert_cmpint (fd_server_store_get_version (fixture->store), ==, version);

  /* A retry (the first answer was lost): nothing applied twice */
  again = push (fixture, &device, create);
  g_assert_cmpint (result_at (again, 0)->status, ==, FD_SYNC_STATUS_DUPLICATE);
  g_assert_cmpint (result_at (again, 0)->version, ==, version);
  g_assert_cmpint (fd_server_store_get_version (fixture->store), ==, version);

  device_clear (&device);
}

static void
test_rejected (Fixture       *fixture,
               gconstpointer  user_data)
{
  static const char * const unknown[] = {
    "{\"id\":\"u-1\",\"name\":\"spaceship.create\",\"entity_id\":\"x\",\"base_version\":0,"
    "\"args\":{\"id\":\"x\",\"set\":{}}}",
    "{\"id\":\"u-2\",\"name\":\"trainer.explode\",\"entity_id\":\"t-1\",\"base_version\":0,"
    "\"args\":{\"id\":\"t-1\"}}",
    "{\"id\":\"u-3\",\"name\":\"outbox.create\",\"entity_id\":\"o\",\"base_version\":0,"
    "\"args\":{\"id\":\"o\",\"set\":{\"name\":\"x\"}}}",
    "{\"id\":\"u-4\",\"name\":\"srv_account.create\",\"entity_id\":\"a\",\"base_version\":0,"
    "\"args\":{\"id\":\"a\",\"set\":{\"email\":\"x@example.fr\"}}}",
    "{\"id\":\"u-5\",\"name\":\"trainer.update\",\"entity_id\":\"t-1\",\"base_version\":0,"
    "\"args\":{\"id\":\"t-2\",\"set\":{\"first_name\":\"x\"}}}",
    "{\"id\":\"u-6\",\"name\":\"trainer.update\",\"entity_id\":\"t-1\",\"base_version\":0,"
    "\"args\":{\"id\":\"t-1\",\"set\":{\"first_name\":{\"nested\":1}}}}",
    "{\"id\":\"u-7\",\"name\":\"trainer.update\",\"entity_id\":\"t-1\",\"base_version\":0,"
    "\"args\":{\"id\":\"t-1\",\"set\":{\"revision\":1}}}",
    "{\"id\":\"u-8\",\"name\":\"trainer.update\",\"entity_id\":\"t-1\",\"base_version\":999,"
    "\"args\":{\"id\":\"t-1\",\"set\":{\"first_name\":\"x\"}}}",
  };
  Device device = { 0 };
  g_autofree char *create = trainer_create ("m-1", "t-1", "Ana", NULL);
  g_autofree char *bad_email = trainer_update ("m-2", "t-1", 0, "email", "not an email", NULL);
  g_autoptr(FdSyncPushResponse) created = NULL;
  g_autoptr(FdSyncPushResponse) response = NULL;
  gint64 version;

  login (fixture, "planner@example.fr", &device);
  created = push (fixture, &device, create);
  version = fd_server_store_get_version (fixture->store);

  response = push (fixture, &device, bad_email);
  g_assert_cmpint (result_at (response, 0)->status, ==, FD_SYNC_STATUS_REJECTED);
  g_assert_cmpstr (result_at (response, 0)->field, ==, "email");
  g_assert_nonnull (result_at (response, 0)->message);
  g_assert_cmpint (result_at (response, 0)->version, ==, 0);
  g_clear_pointer (&response, fd_sync_push_response_free);

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      response = push (fixture, &device, unknown[i]);
      g_test_message ("%s: %s", unknown[i], result_at (response, 0)->message);
      g_assert_cmpint (result_at (response, 0)->status, ==, FD_SYNC_STATUS_REJECTED);
      g_assert_nonnull (result_at (response, 0)->message);
      g_clear_pointer (&response, fd_sync_push_response_free);
    }

  /* Nothing of that reached the data, and the clock did not move */
  g_assert_cmpint (fd_server_store_get_version (fixture->store), ==, version);

  device_clear (&device);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  user_data)
{
  Device laptop = { 0 };
  Device desktop = { 0 };
  g_autofree char *create = trainer_create ("m-1", "t-1", "Ana", NULL);
  g_autoptr(FdSyncPushResponse) created = NULL;
  g_autoptr(FdSyncPushResponse) first = NULL;
  g_autoptr(FdSyncPushResponse) second = NULL;
  g_autoptr(FdSyncPushResponse) own = NULL;
  g_autoptr(FdSyncPullResponse) pulled = NULL;
  g_autofree char *edit_a = NULL;
  g_autofree char *edit_b = NULL;
  g_autofree char *edit_a_again = NULL;
  gint64 base;

  login (fixture, "planner@example.fr", &laptop);
  login (fixture, "admin@example.fr", &desktop);
  created = push (fixture, &laptop, create);
  base = result_at (created, 0)->version;

  /* Both saw the row at @base and change its first name */
  edit_a = trainer_update ("a-1", "t-1", base, "first_name", "Anna", NULL);
  edit_b = trainer_update ("b-1", "t-1", base, "first_name", "Annie", NULL);
  first = push (fixture, &laptop, edit_a);
  g_assert_cmpint (result_at (first, 0)->status, ==, FD_SYNC_STATUS_APPLIED);
  second = push (fixture, &desktop, edit_b);
  g_assert_cmpint (result_at (second, 0)->status, ==, FD_SYNC_STATUS_CONFLICT);
  g_assert_cmpstr (result_at (second, 0)->field, ==, "first_name");
  g_assert_nonnull (result_at (second, 0)->message);

  /* The laptop's own later edit from the same old base is no conflict:
   * it made it after its first one */
  edit_a_again = trainer_update ("a-2", "t-1", base, "first_name", "Anne", NULL);
  own = push (fixture, &laptop, edit_a_again);
  g_assert_cmpint (result_at (own, 0)->status, ==, FD_SYNC_STATUS_APPLIED);

  pulled = pull (fixture, &desktop, NULL, 100);
  g_assert_cmpstr (json_object_get_string_member (find_change (pulled, "t-1")->row, "first_name"),
                   ==, "Anne");

  device_clear (&laptop);
  device_clear (&desktop);
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  user_data)
{
  Device laptop = { 0 };
  Device desktop = { 0 };
  g_autofree char *create = trainer_create ("m-1", "t-1", "Ana", NULL);
  g_autoptr(FdSyncPushResponse) created = NULL;
  g_autoptr(FdSyncPushResponse) first = NULL;
  g_autoptr(FdSyncPushResponse) second = NULL;
  g_autoptr(FdSyncPullResponse) pulled = NULL;
  g_autofree char *edit_a = NULL;
  g_autofree char *edit_b = NULL;
  FdSyncChange *change;
  gint64 base;

  login (fixture, "planner@example.fr", &laptop);
  login (fixture, "planner@example.fr", &desktop);
  created = push (fixture, &laptop, create);
  base = result_at (created, 0)->version;

  edit_a = trainer_update ("a-1", "t-1", base, "first_name", "Anna", NULL);
  edit_b = trainer_update ("b-1", "t-1", base, "last_name", "Durand", NULL);
  first = push (fixture, &laptop, edit_a);
  second = push (fixture, &desktop, edit_b);
  g_assert_cmpint (result_at (first, 0)->status, ==, FD_SYNC_STATUS_APPLIED);
  g_assert_cmpint (result_at (second, 0)->status, ==, FD_SYNC_STATUS_APPLIED);
  g_assert_cmpint (result_at (second, 0)->version, >, result_at (first, 0)->version);

  pulled = pull (fixture, &laptop, NULL, 100);
  change = find_change (pulled, "t-1");
  g_assert_nonnull (change);
  g_assert_cmpint (change->version, ==, result_at (second, 0)->version);
  g_assert_cmpstr (change->entity, ==, "trainer");
  g_assert_false (change->deleted);
  g_assert_cmpstr (json_object_get_string_member (change->row, "first_name"), ==, "Anna");
  g_assert_cmpstr (json_object_get_string_member (change->row, "last_name"), ==, "Durand");
  /* Each replica keeps its own bookkeeping */
  g_assert_false (json_object_has_member (change->row, "revision"));
  g_assert_false (json_object_has_member (change->row, "search_key"));

  device_clear (&laptop);
  device_clear (&desktop);
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  user_data)
{
  Device device = { 0 };
  g_autofree char *create = trainer_create ("m-1", "t-9", "Ana", "batch-1");
  g_autofree char *bad = trainer_update ("m-2", "t-9", 0, "email", "not an email", "batch-1");
  g_autofree char *alone = trainer_create ("m-3", "t-10", "Léa", NULL);
  g_autofree char *both = g_strjoin (",", create, bad, alone, NULL);
  g_autofree char *good_create = trainer_create ("m-4", "t-9", "Ana", "batch-2");
  g_autofree char *good_update = trainer_update ("m-5", "t-9", 0, "email", "ana@example.fr",
                                                 "batch-2");
  g_autofree char *good = g_strjoin (",", good_create, good_update, NULL);
  g_autoptr(FdSyncPushResponse) response = NULL;
  g_autoptr(FdSyncPushResponse) retry = NULL;
  g_autoptr(FdSyncPushResponse) applied = NULL;
  g_autoptr(FdSyncPullResponse) pulled = NULL;
  gint64 version;

  login (fixture, "planner@example.fr", &device);
  version = fd_server_store_get_version (fixture->store);

  response = push (fixture, &device, both);
  g_assert_cmpuint (response->results->len, ==, 3);
  g_assert_cmpint (result_at (response, 0)->status, ==, FD_SYNC_STATUS_REJECTED);
  g_assert_null (result_at (response, 0)->field);
  g_assert_cmpint (result_at (response, 1)->status, ==, FD_SYNC_STATUS_REJECTED);
  g_assert_cmpstr (result_at (response, 1)->field, ==, "email");
  /* The mutation after the batch is its own transaction */
  g_assert_cmpint (result_at (response, 2)->status, ==, FD_SYNC_STATUS_APPLIED);
  g_assert_cmpint (fd_server_store_get_version (fixture->store), ==, version + 1);

  pulled = pull (fixture, &device, NULL, 100);
  g_assert_null (find_change (pulled, "t-9"));
  g_assert_nonnull (find_change (pulled, "t-10"));

  /* Refused mutations were not recorded: the batch was not applied */
  retry = push (fixture, &device, both);
  g_assert_cmpint (result_at (retry, 0)->status, ==, FD_SYNC_STATUS_REJECTED);
  g_assert_cmpint (result_at (retry, 2)->status, ==, FD_SYNC_STATUS_DUPLICATE);

  applied = push (fixture, &device, good);
  g_assert_cmpint (result_at (applied, 0)->status, ==, FD_SYNC_STATUS_APPLIED);
  g_assert_cmpint (result_at (applied, 1)->status, ==, FD_SYNC_STATUS_APPLIED);
  g_assert_cmpint (result_at (applied, 1)->version, ==, result_at (applied, 0)->version + 1);

  device_clear (&device);
}

static void
test_pull_pages (Fixture       *fixture,
                 gconstpointer  user_data)
{
  Device device = { 0 };
  g_autoptr(GString) mutations = g_string_new (NULL);
  g_autoptr(FdSyncPushResponse) response = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *update = NULL;
  g_autoptr(FdSyncPushResponse) updated = NULL;
  gint64 last_version = 0;
  guint n_pages = 0;
  gboolean more = TRUE;

  login (fixture, "admin@example.fr", &device);
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *mutation_id = g_strdup_printf ("m-%u", i);
      g_autofree char *trainer_id = g_strdup_printf ("t-%u", i);
      g_autofree char *create = trainer_create (mutation_id, trainer_id, "Ana", NULL);

      g_string_append_printf (mutations, "%s%s", i > 0 ? "," : "", create);
    }
  response = push (fixture, &device, mutations->str);
  for (guint i = 0; i < 25; i++)
    g_assert_cmpint (result_at (response, i)->status, ==, FD_SYNC_STATUS_APPLIED);

  while (more)
    {
      g_autoptr(FdSyncPullResponse) page = pull (fixture, &device, cursor, 10);
      g_autofree char *decimal = NULL;
      gint64 cursor_version;

      g_assert_cmpuint (page->changes->len, <=, 10);
      for (guint i = 0; i < page->changes->len; i++)
        {
          FdSyncChange *change = g_ptr_array_index (page->changes, i);

          g_assert_cmpint (change->version, >, last_version);
          last_version = change->version;
          g_assert_false (g_hash_table_contains (seen, change->id));
          g_hash_table_add (seen, g_strdup (change->id));
        }

      /* Opaque, but it says where the page ended */
      g_assert_true (fd_sync_cursor_decode (page->cursor, &cursor_version, NULL));
      g_assert_cmpint (cursor_version, ==, last_version);
      decimal = g_strdup_printf ("%" G_GINT64_FORMAT, last_version);
      g_assert_cmpstr (page->cursor, !=, decimal);

      g_free (cursor);
      cursor = g_strdup (page->cursor);
      more = page->more;
      n_pages++;
      g_assert_cmpuint (n_pages, <=, 10);
    }

  /* The organisation and 25 trainers, each once */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 26);
  g_assert_cmpuint (n_pages, ==, 3);

  /* A later change of a row already pulled comes again, past the cursor */
  update = trainer_update ("u-1", "t-3", last_version, "first_name", "Zoé", NULL);
  updated = push (fixture, &device, update);
  {
    g_autoptr(FdSyncPullResponse) page = pull (fixture, &device, cursor, 10);

    g_assert_cmpuint (page->changes->len, ==, 1);
    g_assert_cmpstr (((FdSyncChange *) g_ptr_array_index (page->changes, 0))->id, ==, "t-3");
    g_assert_false (page->more);
  }

  device_clear (&device);
}

static void
test_http_errors (Fixture       *fixture,
                  gconstpointer  user_data)
{
  Device device = { 0 };
  Device other = { 0 };
  g_autoptr(GBytes) body = NULL;
  g_autoptr(FdServerStore) quick = NULL;
  g_autoptr(FdUser) planner = NULL;
  g_autoptr(FdServerTokens) expired = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *wrong_device = NULL;
  guint status;

  login (fixture, "planner@example.fr", &device);
  login (fixture, "admin@example.fr", &other);

  /* 401: no token, a forged one, an expired one */
  body = request (fixture, "GET", "/v1/pull", NULL, NULL, 0, &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);
  body = request (fixture, "GET", "/v1/pull", "forged-token-0123456789abcdefABCDEF", NULL, 0,
                  &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);
  body = request (fixture, "GET", "/v1/pull", "\"; DROP TABLE srv_token; --", NULL, 0, &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);

  quick = fd_server_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fd_server_store_set_token_lifetimes (quick, 0, 60);
  planner = fd_server_store_lookup_account (quick, "planner@example.fr", NULL, &error);
  g_assert_no_error (error);
  expired = fd_server_store_register_device (quick, planner, "Old laptop", NULL, &error);
  g_assert_no_error (error);
  body = request (fixture, "GET", "/v1/pull", expired->access_token, NULL, 0, &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);
  /* A refresh token is not an access token */
  body = request (fixture, "GET", "/v1/pull", device.refresh_token, NULL, 0, &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);

  /* 403: changes of another device */
  wrong_device = g_strdup_printf ("{\"device_id\":\"%s\",\"mutations\":[]}", other.device_id);
  body = post (fixture, "/v1/push", device.access_token, wrong_device, &status);
  assert_error (body, status, 403, "forbidden");
  g_clear_pointer (&body, g_bytes_unref);

  /* 400: not JSON, not the shape, a bad cursor or limit */
  body = post (fixture, "/v1/push", device.access_token, "{\"device_id\":", &status);
  assert_error (body, status, 400, "malformed");
  g_clear_pointer (&body, g_bytes_unref);
  body = post (fixture, "/v1/push", device.access_token, "[1, 2, 3]", &status);
  assert_error (body, status, 400, "malformed");
  g_clear_pointer (&body, g_bytes_unref);
  body = request (fixture, "GET", "/v1/pull?cursor=not-a-cursor", device.access_token, NULL, 0,
                  &status);
  assert_error (body, status, 400, "malformed");
  g_clear_pointer (&body, g_bytes_unref);
  body = request (fixture, "GET", "/v1/pull?limit=0", device.access_token, NULL, 0, &status);
  assert_error (body, status, 400, "malformed");
  g_clear_pointer (&body, g_bytes_unref);
  body = request (fixture, "GET", "/v1/pull?limit=99999999999999999999", device.access_token,
                  NULL, 0, &status);
  assert_error (body, status, 400, "malformed");
  g_clear_pointer (&body, g_bytes_unref);

  /* 413: a body over the limit */
  huge = g_malloc (FD_SYNC_MAX_PUSH_BYTES + 2);
  memset (huge, ' ', FD_SYNC_MAX_PUSH_BYTES + 1);
  huge[0] = '{';
  huge[FD_SYNC_MAX_PUSH_BYTES + 1] = '\0';
  body = post (fixture, "/v1/push", device.access_token, huge, &status);
  assert_error (body, status, 413, "too_large");
  g_clear_pointer (&body, g_bytes_unref);
  body = post (fixture, "/v1/login", NULL, huge, &status);
  assert_error (body, status, 413, "too_large");
  g_clear_pointer (&body, g_bytes_unref);

  /* 404 and 405 */
  body = request (fixture, "GET", "/v2/pull", device.access_token, NULL, 0, &status);
  assert_error (body, status, 404, "not_found");
  g_clear_pointer (&body, g_bytes_unref);
  body = post (fixture, "/v1/pull", device.access_token, "{}", &status);
  assert_error (body, status, 405, "method_not_allowed");
  g_clear_pointer (&body, g_bytes_unref);

  /* and the server still serves */
  {
    g_autoptr(FdSyncPullResponse) page = pull (fixture, &device, NULL, 10);

    g_assert_cmpuint (page->changes->len, ==, 1);
  }

  device_clear (&device);
  device_clear (&other);
}

static void
test_revoke_device (Fixture       *fixture,
                    gconstpointer  user_data)
{
  Device laptop = { 0 };
  Device desktop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(FdSyncPullResponse) before = NULL;
  g_autoptr(FdSyncPullResponse) still = NULL;
  g_autofree char *refresh = NULL;
  guint status;

  login (fixture, "planner@example.fr", &laptop);
  login (fixture, "planner@example.fr", &desktop);
  before = pull (fixture, &laptop, NULL, 10);

  g_assert_true (fd_server_store_revoke_device (fixture->store, laptop.device_id, &error));
  g_assert_no_error (error);

  body = request (fixture, "GET", "/v1/pull", laptop.access_token, NULL, 0, &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);
  refresh = g_strdup_printf ("{\"refresh_token\":\"%s\"}", laptop.refresh_token);
  body = post (fixture, "/v1/refresh", NULL, refresh, &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);

  /* The account's other device keeps working */
  still = pull (fixture, &desktop, NULL, 10);

  g_assert_false (fd_server_store_revoke_device (fixture->store, "no-such-device", &error));
  g_assert_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_NOT_FOUND);

  device_clear (&laptop);
  device_clear (&desktop);
}

static void
test_revoke_user (Fixture       *fixture,
                  gconstpointer  user_data)
{
  Device laptop = { 0 };
  Device admin = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(FdSyncPullResponse) still = NULL;
  guint status;

  login (fixture, "planner@example.fr", &laptop);
  login (fixture, "admin@example.fr", &admin);

  g_assert_true (fd_server_store_revoke_account (fixture->store, "planner@example.fr", &error));
  g_assert_no_error (error);

  body = request (fixture, "GET", "/v1/pull", laptop.access_token, NULL, 0, &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);
  body = post (fixture, "/v1/login", NULL,
               "{\"email\":\"planner@example.fr\",\"password\":\"" PASSWORD "\","
               "\"device_name\":\"x\"}", &status);
  assert_error (body, status, 401, "unauthorized");
  g_clear_pointer (&body, g_bytes_unref);

  still = pull (fixture, &admin, NULL, 10);

  accounts = fd_server_store_list_accounts (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpstr (fd_user_get_email (g_ptr_array_index (accounts, 1)), ==, "planner@example.fr");
  g_assert_false (fd_user_get_active (g_ptr_array_index (accounts, 1)));

  device_clear (&laptop);
  device_clear (&admin);
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  user_data)
{
  Device device = { 0 };
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) reused = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh = NULL;
  Device renewed = { 0 };
  const char *data;
  gsize length;
  guint status;

  login (fixture, "planner@example.fr", &device);
  refresh = g_strdup_printf ("{\"refresh_token\":\"%s\"}", device.refresh_token);
  body = post (fixture, "/v1/refresh", NULL, refresh, &status);
  g_assert_cmpuint (status, ==, 200);
  data = g_bytes_get_data (body, &length);
  root = fd_sync_parse_json (data, length, G_MAXSIZE, &error);
  g_assert_no_error (error);
  renewed.access_token = g_strdup (json_object_get_string_member (json_node_get_object (root),
                                                                  "access_token"));
  renewed.device_id = g_strdup (json_object_get_string_member (json_node_get_object (root),
                                                               "device_id"));
  g_assert_cmpstr (renewed.device_id, ==, device.device_id);
  g_assert_cmpstr (renewed.access_token, !=, device.access_token);

  /* A refresh token is used up */
  reused = post (fixture, "/v1/refresh", NULL, refresh, &status);
  assert_error (reused, status, 401, "unauthorized");

  {
    g_autoptr(FdSyncPullResponse) page = pull (fixture, &renewed, NULL, 10);

    g_assert_nonnull (page);
  }

  device_clear (&device);
  device_clear (&renewed);
}

static void
test_trainer_account (Fixture       *fixture,
                      gconstpointer  user_data)
{
  Device admin = { 0 };
  Device trainer = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) account = NULL;
  g_autoptr(FdUser) orphan = NULL;
  g_autoptr(FdSyncPushResponse) created = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  login (fixture, "admin@example.fr", &admin);
  created = push (fixture, &admin,
                  "{\"id\":\"m-1\",\"name\":\"trainer.create\",\"entity_id\":\"t-1\","
                  "\"base_version\":0,\"args\":{\"id\":\"t-1\",\"set\":{\"first_name\":\"Ana\","
                  "\"last_name\":\"Lopez\",\"email\":\"ana@example.fr\"}}}");
  g_assert_cmpint (result_at (created, 0)->status, ==, FD_SYNC_STATUS_APPLIED);

  account = fd_server_store_add_account (fixture->store, "ana.lopez@example.fr", NULL,
                                         FD_ROLE_TRAINER, "ana@example.fr", NULL, PASSWORD,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_user_get_trainer_id (account), ==, "t-1");

  orphan = fd_server_store_add_account (fixture->store, "bob@example.fr", NULL,
                                        FD_ROLE_TRAINER, "nobody@example.fr", NULL, PASSWORD,
                                        &error);
  g_assert_null (orphan);
  g_assert_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  orphan = fd_server_store_add_account (fixture->store, "ana.lopez@example.fr", NULL,
                                        FD_ROLE_PLANNER, NULL, NULL, PASSWORD, &error);
  g_assert_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_EXISTS);
  g_clear_error (&error);

  /* Until buckets exist, a trainer's device receives nothing */
  login (fixture, "ana.lopez@example.fr", &trainer);
  body = request (fixture, "GET", "/v1/pull", trainer.access_token, NULL, 0, &status);
  assert_error (body, status, 403, "forbidden");

  device_clear (&admin);
  device_clear (&trainer);
}


static guint
count_descriptors (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* A client that goes away leaves no socket behind on the server (libsoup
 * 3.2 kept every idle connection a client closed, one descriptor each) */
static void
test_connections_closed (Fixture       *fixture,
                         gconstpointer  user_data)
{
  guint before, after = 0;
  guint first_status = 0;

  /* one exchange first: the server's own descriptors are open by then */
  g_bytes_unref (request (fixture, "GET", "/v1/pull", NULL, NULL, 0, &first_status));
  before = count_descriptors ();

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GBytes) body = NULL;
      guint status = 0;

      /* a new client each time, gone after its request */
      g_clear_object (&fixture->session);
      fixture->session = soup_session_new ();
      soup_session_set_proxy_resolver (fixture->session, NULL);
      body = request (fixture, "GET", "/v1/pull", NULL, NULL, 0, &status);
      g_assert_cmpuint (status, ==, 401);
    }
  g_clear_object (&fixture->session);
  fixture->session = soup_session_new ();
  soup_session_set_proxy_resolver (fixture->session, NULL);

  /* the server thread closes them as it sees them go */
  for (guint tries = 0; tries < 50; tries++)
    {
      after = count_descriptors ();
      if (after <= before + 4)
        break;
      g_usleep (20 * 1000);
    }
  g_assert_cmpuint (after, <=, before + 4);
}

static void
add_test (const char *path,
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

  add_test ("/server/login", test_login);
  add_test ("/server/push/duplicate", test_duplicate);
  add_test ("/server/push/rejected", test_rejected);
  add_test ("/server/push/conflict", test_conflict);
  add_test ("/server/push/merge", test_merge);
  add_test ("/server/push/batch", test_batch);
  add_test ("/server/pull/pages", test_pull_pages);
  add_test ("/server/http/errors", test_http_errors);
  add_test ("/server/revoke/device", test_revoke_device);
  add_test ("/server/revoke/user", test_revoke_user);
  add_test ("/server/refresh", test_refresh);
  add_test ("/server/http/connections-closed", test_connections_closed);
  add_test ("/server/accounts/trainer", test_trainer_account);

  return g_test_run ();
}
