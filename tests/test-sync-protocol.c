/* test-sync-protocol.c — the sync protocol's codec, and its fuzz target
 * over nasty inputs
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <string.h>

#include "fd-sync-protocol.h"

/* The libFuzzer target (fuzz-sync-protocol.c), linked in */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
run (const char *data,
     gsize       size)
{
  LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
}

static void
run_string (const char *text)
{
  run (text, strlen (text));
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = fd_sync_parse_json (json, strlen (json), 4096, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static void
test_corpus (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "corpus", "sync-protocol", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (name[0] == '.')
        continue;
      g_file_get_contents (file, &contents, &length, &error);
      g_assert_no_error (error);
      g_test_message ("%s", name);
      run (contents, length);

      /* every prefix: a body cut anywhere */
      for (gsize cut = 0; cut < length; cut++)
        run (contents, cut);
      /* and every byte flipped to a few troublemakers */
      for (gsize at = 0; at < length; at++)
        {
          static const char bytes[] = { '"', '\\', '{', '[', '\0', '\xff' };

          for (guint b = 0; b < G_N_ELEMENTS (bytes); b++)
            {
              char saved = contents[at];

              contents[at] = bytes[b];
              run (contents, length);
              contents[at] = saved;
            }
        }
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 5);
}

static void
test_tiny (void)
{
  static const char * const inputs[] = {
    "", " ", "{", "}", "{}", "[]", "null", "0", "\"x\"", "{\"a\"}", "{\"a\":}", "{,}",
    "var x = {}", "{} {}", "{\"mutations\":[]}", "{\"device_id\":\"d\"}",
    "{\"device_id\":\"d\",\"mutations\":[]}", "{\"device_id\":\"d\",\"mutations\":[null]}",
    "{\"device_id\":\"\",\"mutations\":[]}", "{\"device_id\":\"a b\",\"mutations\":[]}",
    "{\"results\":[],\"server_time\":0}", "{\"results\":[],\"server_time\":-1}",
    "{\"changes\":[],\"cursor\":\"\",\"more\":false}", "{\"changes\":[],\"cursor\":1,\"more\":0}",
    "{\"error\":\"x\",\"message\":\"y\"}", "\xef\xbb\xbf{}", "{\"\xff\":1}", "{/*c*/}",
    "djE6MQ", "djE6", "djE6MDA", "djE6LTE", "====", "dj", "v1:1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    run_string (inputs[i]);

  for (guint c = 0; c < 256; c++)
    {
      char byte = (char) c;
      g_autofree char *wrapped = g_strdup_printf ("{\"device_id\":\"%c\",\"mutations\":[]}", byte);

      run (&byte, 1);
      run_string (wrapped);
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"a\":");
  g_autoptr(GString) strings = g_string_new ("{\"a\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* A stack overflow for a recursive parser; refused before parsing */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  run (deep->str, deep->len);
  node = fd_sync_parse_json (deep->str, deep->len, G_MAXSIZE, &error);
  g_assert_null (node);
  g_assert_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED);
  g_clear_error (&error);

  /* Brackets inside a string are text, not depth */
  for (guint i = 0; i < 1000; i++)
    g_string_append (strings, "[{\\\"");
  g_string_append (strings, "\"}");
  node = fd_sync_parse_json (strings->str, strings->len, G_MAXSIZE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
}

static void
test_bounds (void)
{
  g_autoptr(GString) many = g_string_new ("{\"device_id\":\"d\",\"mutations\":[");
  g_autoptr(GString) long_id = g_string_new ("{\"device_id\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSyncPushRequest) request = NULL;
  g_autofree char *huge = NULL;

  for (guint i = 0; i <= FD_SYNC_MAX_MUTATIONS; i++)
    g_string_append_printf (many, "%s{\"id\":\"m%u\",\"name\":\"a.b\",\"entity_id\":\"e\","
                            "\"base_version\":0,\"args\":{}}", i > 0 ? "," : "", i);
  g_string_append (many, "]}");
  request = fd_sync_push_request_decode (many->str, many->len, &error);
  g_assert_null (request);
  g_assert_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_TOO_LARGE);
  g_clear_error (&error);

  for (guint i = 0; i <= FD_SYNC_MAX_ID_LENGTH; i++)
    g_string_append_c (long_id, 'a');
  g_string_append (long_id, "\",\"mutations\":[]}");
  request = fd_sync_push_request_decode (long_id->str, long_id->len, &error);
  g_assert_null (request);
  g_assert_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Over the body limit: refused before parsing */
  huge = g_malloc0 (FD_SYNC_MAX_PUSH_BYTES + 1);
  memset (huge, ' ', FD_SYNC_MAX_PUSH_BYTES + 1);
  huge[0] = '{';
  request = fd_sync_push_request_decode (huge, FD_SYNC_MAX_PUSH_BYTES + 1, &error);
  g_assert_null (request);
  g_assert_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_TOO_LARGE);
}

static void
test_shapes (void)
{
  static const struct {
    const char *json;
    const char *in_message;
  } cases[] = {
    { "{\"mutations\":[]}", "device_id" },
    { "{\"device_id\":\"d\"}", "mutations" },
    { "{\"device_id\":\"d\",\"mutations\":[1]}", "mutations[0]" },
    { "{\"device_id\":\"d\",\"mutations\":[{\"id\":\"m\",\"name\":\"Slot.update\","
      "\"entity_id\":\"e\",\"base_version\":0,\"args\":{}}]}", "mutations[0].name" },
    { "{\"device_id\":\"d\",\"mutations\":[{\"id\":\"m\",\"name\":\"slot.update\","
      "\"entity_id\":\"e\",\"base_version\":-3,\"args\":{}}]}", "mutations[0].base_version" },
    { "{\"device_id\":\"d\",\"mutations\":[{\"id\":\"m\",\"name\":\"slot.update\","
      "\"entity_id\":\"e\",\"base_version\":1.5,\"args\":{}}]}", "mutations[0].base_version" },
    { "{\"device_id\":\"d\",\"mutations\":[{\"id\":\"m\",\"name\":\"slot.update\","
      "\"entity_id\":\"e\",\"base_version\":0,\"args\":[]}]}", "mutations[0].args" },
    { "{\"device_id\":\"d\",\"mutations\":[{\"id\":\"m\",\"name\":\"slot.update\","
      "\"entity_id\":\"e;DROP\",\"base_version\":0,\"args\":{}}]}", "mutations[0].entity_id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FdSyncPushRequest) request =
        fd_sync_push_request_decode (cases[i].json, strlen (cases[i].json), &error);

      g_assert_null (request);
      g_assert_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }
}

static void
test_push_round_trip (void)
{
  g_autoptr(FdSyncPushRequest) request = fd_sync_push_request_new ("dev-1");
  g_autoptr(FdSyncPushRequest) decoded = NULL;
  g_autoptr(JsonObject) args = parse_object ("{\"id\":\"s-1\",\"set\":{\"room_id\":\"B12\"}}");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  FdSyncMutation *mutation;
  gsize length;

  g_ptr_array_add (request->mutations,
                   fd_sync_mutation_new ("m-1", "slot.update", "s-1", 42, args, "b-1"));
  g_ptr_array_add (request->mutations,
                   fd_sync_mutation_new ("m-2", "slot.delete", "s-2", 0, args, NULL));
  json = fd_sync_push_request_encode (request, &length);
  decoded = fd_sync_push_request_decode (json, length, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (decoded->device_id, ==, "dev-1");
  g_assert_cmpuint (decoded->mutations->len, ==, 2);
  mutation = g_ptr_array_index (decoded->mutations, 0);
  g_assert_cmpstr (mutation->id, ==, "m-1");
  g_assert_cmpstr (mutation->name, ==, "slot.update");
  g_assert_cmpstr (mutation->entity_id, ==, "s-1");
  g_assert_cmpint (mutation->base_version, ==, 42);
  g_assert_cmpstr (mutation->batch_id, ==, "b-1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (mutation->args, "set"),
                                                  "room_id"), ==, "B12");
  mutation = g_ptr_array_index (decoded->mutations, 1);
  g_assert_null (mutation->batch_id);
}

static void
test_results_round_trip (void)
{
  g_autoptr(FdSyncPushResponse) response = fd_sync_push_response_new (1234);
  g_autoptr(FdSyncPushResponse) decoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  FdSyncResult *result;
  gsize length;

  g_ptr_array_add (response->results,
                   fd_sync_result_new ("m-1", FD_SYNC_STATUS_APPLIED, 7, NULL, NULL));
  g_ptr_array_add (response->results,
                   fd_sync_result_new ("m-2", FD_SYNC_STATUS_CONFLICT, 0, "start_at", "Changed"));
  json = fd_sync_push_response_encode (response, &length);
  decoded = fd_sync_push_response_decode (json, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (decoded->server_time, ==, 1234);
  result = g_ptr_array_index (decoded->results, 0);
  g_assert_cmpint (result->status, ==, FD_SYNC_STATUS_APPLIED);
  g_assert_cmpint (result->version, ==, 7);
  g_assert_null (result->field);
  result = g_ptr_array_index (decoded->results, 1);
  g_assert_cmpint (result->status, ==, FD_SYNC_STATUS_CONFLICT);
  g_assert_cmpstr (result->field, ==, "start_at");
  g_assert_cmpstr (result->message, ==, "Changed");
}

static void
test_pull_round_trip (void)
{
  g_autofree char *cursor = fd_sync_cursor_encode (99);
  g_autoptr(FdSyncPullResponse) response = fd_sync_pull_response_new (cursor, TRUE);
  g_autoptr(FdSyncPullResponse) decoded = NULL;
  g_autoptr(JsonObject) row = parse_object ("{\"name\":\"Salle B\",\"capacity\":12}");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  FdSyncChange *change;
  gsize length;
  gint64 version;

  g_ptr_array_add (response->changes, fd_sync_change_new (99, "room", "r-1", FALSE, row));
  json = fd_sync_pull_response_encode (response, &length);
  decoded = fd_sync_pull_response_decode (json, length, &error);
  g_assert_no_error (error);
  g_assert_true (decoded->more);
  g_assert_true (fd_sync_cursor_decode (decoded->cursor, &version, &error));
  g_assert_cmpint (version, ==, 99);
  change = g_ptr_array_index (decoded->changes, 0);
  g_assert_cmpint (change->version, ==, 99);
  g_assert_cmpstr (change->entity, ==, "room");
  g_assert_false (change->deleted);
  g_assert_cmpint (json_object_get_int_member (change->row, "capacity"), ==, 12);
}

static void
test_cursor (void)
{
  static const char * const invalid[] = {
    "v1:5", "djE6", "djE6MDU", "djE6LTE", "djE6KzE", "djE6MSA", "d j", "djE6MQ==", "djE6MQ%",
    "eDE6MQ", "\xc3\xa9",
  };
  gint64 version = -1;

  for (gint64 v = 0; v < 100000; v += 997)
    {
      g_autofree char *cursor = fd_sync_cursor_encode (v);

      g_assert_true (fd_sync_cursor_decode (cursor, &version, NULL));
      g_assert_cmpint (version, ==, v);
      for (const char *p = cursor; *p; p++)
        g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
    }

  g_assert_true (fd_sync_cursor_decode (NULL, &version, NULL));
  g_assert_cmpint (version, ==, 0);
  g_assert_true (fd_sync_cursor_decode ("", &version, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (fd_sync_cursor_decode (invalid[i], &version, &error));
      g_assert_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED);
    }
}

static void
test_errors (void)
{
  g_autofree char *json = fd_sync_error_encode ("too_large", "Trop gros « ici »", NULL);
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;

  g_assert_true (fd_sync_error_decode (json, strlen (json), &code, &message, NULL));
  g_assert_cmpstr (code, ==, "too_large");
  g_assert_cmpstr (message, ==, "Trop gros « ici »");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-protocol/fuzz/corpus", test_corpus);
  g_test_add_func ("/sync-protocol/fuzz/tiny", test_tiny);
  g_test_add_func ("/sync-protocol/fuzz/deep-nesting", test_deep_nesting);
  g_test_add_func ("/sync-protocol/bounds", test_bounds);
  g_test_add_func ("/sync-protocol/shapes", test_shapes);
  g_test_add_func ("/sync-protocol/push/round-trip", test_push_round_trip);
  g_test_add_func ("/sync-protocol/results/round-trip", test_results_round_trip);
  g_test_add_func ("/sync-protocol/pull/round-trip", test_pull_round_trip);
  g_test_add_func ("/sync-protocol/cursor", test_cursor);
  g_test_add_func ("/sync-protocol/errors", test_errors);

  return g_test_run ();
}
