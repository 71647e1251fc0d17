/* test-cli.c — formadesk-cli as a script runs it
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-core-common.h"
#include "fd-conflicts.h"

/* The binary is spawned, not linked: what is tested is the whole process,
 * its exit status and what it prints, as a shell script would see them. */

static const char *cli_path;
static char *tmp_dir;
static char *demo_path;

typedef struct
{
  int status; /* exit status */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_ptr_array_add (args, (gpointer) cli_path);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (wait_status))
    run->status = WEXITSTATUS (wait_status);
  else
    run->status = -1;
}

/* A failure is reported as one line, "formadesk-cli: …", and nothing else. */
static void
assert_one_error_line (const Run *run)
{
  const char *newline;

  g_assert_cmpint (run->status, !=, 0);
  g_assert_true (g_str_has_prefix (run->err, "formadesk-cli: "));
  newline = strchr (run->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  g_assert_cmpuint (strlen (run->err), >, strlen ("formadesk-cli: ") + 10);
}

static char *
read_bytes (const char *path,
            gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
assert_unchanged (const char *path,
                  const char *contents,
                  gsize       length)
{
  gsize new_length = 0;
  g_autofree char *new_contents = read_bytes (path, &new_length);

  g_assert_cmpmem (new_contents, new_length, contents, length);
}

static char *
make_empty_database (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (fd_database_is_empty (database));

  return path;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
test_list_candidates_json (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  gboolean found = FALSE;

  run_cli (&run, "--db", demo_path, "list", "candidates", "--search", "helene", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), >, 0);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *haystack = NULL;
      g_autofree char *folded = NULL;

      g_assert_nonnull (object);
      g_assert_true (json_object_has_member (object, "id"));
      g_assert_true (json_object_has_member (object, "civility"));
      g_assert_true (json_object_has_member (object, "birth_date"));
      g_assert_true (json_object_has_member (object, "client"));

      haystack = g_strjoin (" ",
                            json_object_get_string_member (object, "first_name"),
                            json_object_get_string_member (object, "last_name"),
                            json_object_get_string_member (object, "email"),
                            NULL);
      folded = fd_text_fold (haystack);
      g_assert_nonnull (strstr (folded, "helene"));
      if (g_str_equal (json_object_get_string_member (object, "first_name"), "Hélène"))
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_list_text (void)
{
  g_auto(Run) run = { 0, };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, "--db", demo_path, "list", "sessions", "--limit", "5", NULL);
  g_assert_cmpint (run.status, ==, 0);

  lines = g_strsplit (run.out, "\n", -1);
  /* A header, five rows and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_true (g_str_has_prefix (lines[0], "CODE"));
  g_assert_cmpstr (lines[6], ==, "");
}

/* --limit 0 prints no row, as `head -n 0` would; JSON gives [] */
static void
test_list_limit_zero (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) json_run = { 0, };
  g_autoptr(JsonNode) root = NULL;

  run_cli (&run, "--db", demo_path, "list", "sessions", "--limit", "0", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "CODE"));
  g_assert_cmpstr (strchr (run.out, '\n'), ==, "\n");

  run_cli (&json_run, "--db", demo_path, "list", "trainers", "--limit=0", "--json", NULL);
  g_assert_cmpint (json_run.status, ==, 0);
  root = parse_json (json_run.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
}

static void
test_list_json_kinds (void)
{
  static const struct
  {
    const char *kind;
    const char *member;
  } kinds[] = {
    { "sessions", "enrolled" },
    { "trainers", "extranet" },
    { "clients", "funder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(Run) run = { 0, };
      g_autoptr(JsonNode) root = NULL;
      JsonArray *array;

      run_cli (&run, "--db", demo_path, "list", kinds[i].kind, "--json", "--limit", "3", NULL);
      g_assert_cmpint (run.status, ==, 0);
      root = parse_json (run.out);
      array = json_node_get_array (root);
      g_assert_cmpuint (json_array_get_length (array), ==, 3);
      g_assert_true (json_object_has_member (json_array_get_object_element (array, 0),
                                             kinds[i].member));
    }
}

/* Copies the demo database, for a test that damages it */
static char *
copy_demo (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);
  gsize length = 0;

  contents = read_bytes (demo_path, &length);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  return path;
}

/* Runs @sql on @path as another program would, behind Formadesk's back */
static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Sets @column of the first trainer (in list order) to @length raw bytes */
static void
set_first_trainer_bytes (const char *path,
                         const char *column,
                         const char *bytes,
                         int         length)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE trainer SET %s = ?1 WHERE rowid ="
                                          " (SELECT rowid FROM trainer WHERE deleted = 0"
                                          "  ORDER BY sort_key LIMIT 1)", column);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, bytes, length, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Text another program stored as invalid UTF-8, or with a NUL inside,
 * still gives valid JSON, whole: U+FFFD where the bytes make no sense */
static void
test_list_json_invalid_text (void)
{
  g_autofree char *path = copy_demo ("invalid-text.db");
  g_auto(Run) run = { 0, };
  g_auto(Run) table = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first;

  set_first_trainer_bytes (path, "first_name", "Ad\xff" "a", 4);
  set_first_trainer_bytes (path, "city", "Saint-\xc3", 7);
  set_first_trainer_bytes (path, "last_name", "Love\0lace", 9);

  run_cli (&run, "--db", path, "list", "trainers", "--json", "--limit", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  root = parse_json (run.out);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "first_name"), ==, "Ad\uFFFDa");
  g_assert_cmpstr (json_object_get_string_member (first, "last_name"), ==, "Love\uFFFDlace");
  g_assert_cmpstr (json_object_get_string_member (first, "city"), ==, "Saint-\uFFFD");

  run_cli (&table, "--db", path, "list", "trainers", "--limit", "1", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_true (g_utf8_validate (table.out, -1, NULL));
  g_assert_nonnull (strstr (table.out, "Ad\uFFFDa Love\uFFFDlace"));
}

/* stats prints the tables' names as SQLite has them: made valid too */
static void
test_stats_json_invalid_name (void)
{
  g_autofree char *path = copy_demo ("invalid-name.db");
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  gboolean found = FALSE;

  exec_raw (path, "CREATE TABLE \"notes\xff\" (x)");

  run_cli (&run, "--db", path, "stats", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  root = parse_json (run.out);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (object, "table"), "notes\uFFFD"))
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_stats (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) json_run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  gboolean found = FALSE;

  run_cli (&run, "--db", demo_path, "stats", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "trainee"));
  g_assert_nonnull (strstr (run.out, "1500"));

  run_cli (&json_run, "--db", demo_path, "stats", "--json", NULL);
  g_assert_cmpint (json_run.status, ==, 0);
  root = parse_json (json_run.out);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (object, "table"), "session"))
        {
          g_assert_cmpint (json_object_get_int_member (object, "live"), ==, 150);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_verify (void)
{
  g_auto(Run) run = { 0, };

  run_cli (&run, "--db", demo_path, "verify", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "OK\n");
  g_assert_cmpstr (run.err, ==, "");
}

/* Each problem names the record at fault by its id, and what it refers
 * to, not SQLite's row numbers */
static void
test_verify_names_records (void)
{
  g_autofree char *path = copy_demo ("broken.db");
  g_auto(Run) run = { 0, };
  g_auto(GStrv) lines = NULL;
  g_autofree char *slot_problem = NULL;
  g_autofree char *slot_id = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *mutation_id = NULL;
  g_autofree char *attendance_id = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *ids[5];

  exec_raw (path,
            "UPDATE slot SET room_id = 'no-such-room'"
            " WHERE rowid = (SELECT min(rowid) FROM slot WHERE room_id IS NOT NULL);"
            "UPDATE session SET capacity_max = 0 WHERE id ="
            " (SELECT session_id FROM enrollment WHERE deleted = 0"
            "  AND status NOT IN ('withdrawn', 'cancelled') LIMIT 1);"
            "UPDATE outbox SET args = 'not json' WHERE seq = (SELECT min(seq) FROM outbox);"
            "UPDATE client SET siret = '12345678901234', siret_override_reason = NULL"
            " WHERE rowid = (SELECT min(rowid) FROM client WHERE deleted = 0);"
            "UPDATE attendance SET deleted = 1 WHERE rowid = (SELECT min(rowid) FROM attendance);");

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT"
                                       " (SELECT id FROM slot WHERE room_id = 'no-such-room'),"
                                       " (SELECT id FROM session WHERE capacity_max = 0),"
                                       " (SELECT id FROM client WHERE siret = '12345678901234'),"
                                       " (SELECT mutation_id FROM outbox WHERE args = 'not json'),"
                                       " (SELECT id FROM attendance WHERE deleted = 1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  slot_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  session_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  client_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  mutation_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  attendance_id = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  ids[0] = slot_id;
  ids[1] = session_id;
  ids[2] = client_id;
  ids[3] = mutation_id;
  ids[4] = attendance_id;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (ids[i]);

  run_cli (&run, "--db", path, "verify", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);

  slot_problem = g_strdup_printf ("Slot %s: its “Room” field refers to no-such-room, "
                                  "which does not exist.\n", slot_id);
  g_assert_nonnull (strstr (run.out, slot_problem));
  g_assert_null (strstr (run.out, "row "));

  /* Every line names one of the records broken above */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, G_N_ELEMENTS (ids) + 1);
  for (guint l = 0; lines[l + 1] != NULL; l++)
    {
      gboolean named = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        named = named || strstr (lines[l], ids[i]) != NULL;
      g_test_message ("%s", lines[l]);
      g_assert_true (named);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (strstr (run.out, ids[i]));
}

static void
test_bench (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  run_cli (&run, "--db", demo_path, "bench", "--runs", "1", "--month", "2026-03", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), >=, 5);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      g_assert_true (json_object_has_member (object, "name"));
      g_assert_cmpfloat (json_object_get_double_member (object, "ms"), >=, 0);
      g_assert_cmpint (json_object_get_int_member (object, "runs"), >=, 1);
    }
}

/* The table speaks French; the JSON's names stay the same for scripts */
static void
test_bench_french (void)
{
  g_auto(Run) table = { 0, };
  g_auto(Run) json = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first;

  g_setenv ("LANGUAGE", "fr", TRUE);
  run_cli (&table, "--db", demo_path, "bench", "--runs", "1", "--month", "2026-03", NULL);
  run_cli (&json, "--db", demo_path, "bench", "--runs", "1", "--month", "2026-03", "--json",
           NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "ouverture + première ligne de session"));
  g_assert_nonnull (strstr (table.out, "frappe dans la recherche : candidats"));
  g_assert_null (strstr (table.out, "keystroke"));

  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==,
                   "open + first session row");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) list_run = { 0, };

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "demo"));
  g_assert_nonnull (strstr (run.out, "--db"));

  run_cli (&list_run, "list", "--help", NULL);
  g_assert_cmpint (list_run.status, ==, 0);
  g_assert_nonnull (strstr (list_run.out, "--search"));
}

static void
test_demo_refuses_data (void)
{
  g_auto(Run) before = { 0, };
  g_auto(Run) run = { 0, };
  g_auto(Run) after = { 0, };

  run_cli (&before, "--db", demo_path, "stats", NULL);
  run_cli (&run, "--db", demo_path, "demo", "--size", "small", NULL);
  assert_one_error_line (&run);
  g_assert_cmpstr (run.out, ==, "");
  run_cli (&after, "--db", demo_path, "stats", NULL);
  g_assert_cmpstr (after.out, ==, before.out);
}

/* The summary speaks the user's language, the size's name included */
static void
test_demo_french (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "demo-fr.db", NULL);
  g_auto(Run) run = { 0, };

  g_setenv ("LANGUAGE", "fr", TRUE);
  run_cli (&run, "--db", path, "demo", "--size", "small", "--today", "2026-03-03", NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Petite démonstration générée dans "));
  g_assert_null (strstr (run.out, "small"));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "notes.txt", NULL);
  const char *text = "Ceci n’est pas une base de données.\n";
  const char * const commands[] = { "stats", "verify", "demo" };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, "--db", path, commands[i], NULL);
      assert_one_error_line (&run);
      assert_unchanged (path, text, strlen (text));
    }
}

/* Reading commands never write: an empty file stays empty, a database
 * stays byte for byte what it was, and its log holds nothing (a read-only
 * connection may leave SQLite's -wal and -shm beside it, empty) */
static void
test_readers_never_write (void)
{
  g_autofree char *empty = g_build_filename (tmp_dir, "empty.db", NULL);
  g_autofree char *wal = g_strconcat (demo_path, "-wal", NULL);
  const char * const readers[][4] = {
    { "stats", NULL, NULL }, { "verify", NULL, NULL }, { "list", "sessions", NULL },
    { "conflicts", NULL, NULL }, { "show", "session", "2026-0001" },
    { "emails", "2026-0001", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gsize length = 0;

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  before = read_bytes (demo_path, &length);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_auto(Run) on_empty = { 0, };
      g_auto(Run) on_demo = { 0, };

      run_cli (&on_empty, "--db", empty, readers[i][0], readers[i][1], readers[i][2], NULL);
      g_assert_cmpint (on_empty.status, !=, 0);
      assert_unchanged (empty, "", 0);

      run_cli (&on_demo, "--db", demo_path, readers[i][0], readers[i][1], readers[i][2], NULL);
      g_assert_cmpint (on_demo.status, ==, 0);
      assert_unchanged (demo_path, before, length);
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        assert_unchanged (wal, "", 0);
    }
}

static void
test_read_only (void)
{
  g_autofree char *path = make_empty_database ("read-only.db");
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0, };
  gsize length = 0;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  contents = read_bytes (path, &length);

  run_cli (&run, "--db", path, "demo", "--size", "small", NULL);
  assert_one_error_line (&run);
  assert_unchanged (path, contents, length);

  g_chmod (path, 0644);
}

static void
test_too_new (void)
{
  g_autofree char *path = make_empty_database ("too-new.db");
  g_autofree char *contents = NULL;
  const char * const commands[] = { "stats", "demo" };
  sqlite3 *db = NULL;
  gsize length = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  contents = read_bytes (path, &length);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, "--db", path, commands[i], NULL);
      assert_one_error_line (&run);
      assert_unchanged (path, contents, length);
    }
}

/* A table dropped by another program: the message names it, and the file */
static void
test_missing_table (void)
{
  g_autofree char *path = copy_demo ("no-trainer.db");
  const char * const commands[][2] = { { "list", "trainers" }, { "verify", NULL } };

  exec_raw (path, "DROP TABLE trainer");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, "--db", path, commands[i][0], commands[i][1], NULL);
      assert_one_error_line (&run);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "no table “trainer”"));
      g_assert_nonnull (strstr (run.err, path));
    }

  {
    g_auto(Run) run = { 0, };

    g_setenv ("LANGUAGE", "fr", TRUE);
    run_cli (&run, "--db", path, "list", "trainers", "--json", NULL);
    g_setenv ("LANGUAGE", "C", TRUE);
    assert_one_error_line (&run);
    g_assert_nonnull (strstr (run.err, "aucune table « trainer »"));
  }
}

/* A truncated file: the message says which file is damaged */
static void
test_truncated (void)
{
  g_autofree char *path = copy_demo ("truncated.db");
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0, };
  gsize length = 0;

  g_assert_cmpint (truncate (path, 1000), ==, 0);
  contents = read_bytes (path, &length);

  run_cli (&run, "--db", path, "stats", NULL);
  assert_one_error_line (&run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, "damaged"));
  assert_unchanged (path, contents, length);
}

static void
test_missing_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "missing.db", NULL);
  g_auto(Run) run = { 0, };

  run_cli (&run, "--db", path, "stats", NULL);
  assert_one_error_line (&run);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_usage (void)
{
  static const char * const lines[][5] = {
    { "frobnicate", NULL },
    { NULL },
    { "list", NULL },
    { "list", "furniture", NULL },
    { "list", "sessions", "--colour", NULL },
    { "demo", "--size", "huge", NULL },
    { "demo", "--today", "tomorrow", NULL },
    { "bench", "--runs", "0", NULL },
    { "list", "sessions", "--limit", "-1" },
    { "list", "sessions", "--limit", "many" },
    { "list", "sessions", "--limit", "99999999999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, "--db", demo_path,
               lines[i][0], lines[i][0] ? lines[i][1] : NULL,
               lines[i][0] && lines[i][1] ? lines[i][2] : NULL,
               lines[i][0] && lines[i][1] && lines[i][2] ? lines[i][3] : NULL,
               NULL);
      assert_one_error_line (&run);
      g_assert_cmpint (run.status, ==, 2);
    }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "frobnicate", NULL);
    assert_one_error_line (&run);
    g_assert_nonnull (strstr (run.err, "usage"));
  }
}

/* A database with two slots that overlap (trainer and room), the room's
 * conflict kept; written through core, as the application writes. */
static char *
make_conflicts_database (const char *name)
{
  char *path = make_empty_database (name);
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  g_autofree char *room = NULL;
  g_autofree char *trainer = NULL;

  database = fd_database_open (path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  place = core_create (database, "place", "name", "Lyon Part-Dieu", NULL);
  room = core_create (database, "room", "place_id", place, "name", "Salle Bleue", "#capacity", "10",
                      NULL);
  trainer = core_create (database, "trainer", "first_name", "Claire", "last_name", "Martin", NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *session = core_create (database, "session", "#year", "2026",
                                              "label", "Gestion de projet", NULL);
      g_autofree char *sequence = core_create (database, "sequence", "session_id", session,
                                               "label", "Jour 1", NULL);
      g_autofree char *slot = core_create (database, "slot", "session_id", session,
                                           "sequence_id", sequence,
                                           "start_at", i == 0 ? "2026-03-03T09:30" : "2026-03-03T10:00",
                                           "end_at", i == 0 ? "2026-03-03T10:30" : "2026-03-03T11:00",
                                           "place_id", place, "room_id", room, NULL);

      g_free (core_create (database, "slot_staff", "slot_id", slot, "trainer_id", trainer, NULL));
    }

  conflicts = fd_conflicts_in_range (database, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  for (guint i = 0; i < conflicts->len; i++)
    {
      FdConflict *conflict = g_ptr_array_index (conflicts, i);

      if (fd_conflict_get_kind (conflict) == FD_CONFLICT_KIND_ROOM_OVERLAP)
        {
          fd_conflict_keep (database, conflict, "Salle partagée", &error);
          g_assert_no_error (error);
        }
    }

  return path;
}

static void
test_conflicts_text (void)
{
  g_autofree char *path = make_conflicts_database ("conflicts-text.db");
  g_auto(Run) run = { 0, };
  g_auto(Run) none = { 0, };
  g_auto(Run) french = { 0, };

  run_cli (&run, "--db", path, "conflicts", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "DATE"));
  g_assert_nonnull (strstr (run.out, "03/03/2026"));
  g_assert_nonnull (strstr (run.out, "09:30 – 10:30"));
  g_assert_nonnull (strstr (run.out, "Trainer double-booked"));
  g_assert_nonnull (strstr (run.out, "Claire Martin is already teaching 2026-0002 from 10:00 to 11:00."));
  g_assert_nonnull (strstr (run.out, "Salle Bleue is already booked for 2026-0002 from 10:00 to 11:00. Kept: Salle partagée"));

  run_cli (&none, "--db", path, "conflicts", "--from", "04/03/2026", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "No conflicts.\n");

  g_setenv ("LANGUAGE", "fr", TRUE);
  run_cli (&french, "--db", path, "conflicts", NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpint (french.status, ==, 0);
  g_assert_nonnull (strstr (french.out, "Claire Martin anime déjà la session 2026-0002 de 10:00 à 11:00."));
  g_assert_null (strstr (french.out, "already"));
}

static void
test_conflicts_json (void)
{
  g_autofree char *path = make_conflicts_database ("conflicts-json.db");
  g_auto(Run) run = { 0, };
  g_auto(Run) range = { 0, };
  g_auto(Run) empty = { 0, };
  g_auto(Run) demo = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) range_root = NULL;
  g_autoptr(JsonNode) empty_root = NULL;
  g_autoptr(JsonNode) demo_root = NULL;
  JsonArray *array;
  guint n_kept = 0;

  run_cli (&run, "--db", path, "conflicts", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *kind = json_object_get_string_member (object, "kind");

      g_assert_true (g_str_equal (kind, "trainer_overlap") || g_str_equal (kind, "room_overlap"));
      g_assert_cmpstr (json_object_get_string_member (object, "session"), ==, "2026-0001");
      g_assert_cmpstr (json_object_get_string_member (object, "other_session"), ==, "2026-0002");
      g_assert_cmpstr (json_object_get_string_member (object, "start_at"), ==, "2026-03-03T09:30");
      g_assert_cmpstr (json_object_get_string_member (object, "other_start_at"), ==,
                       "2026-03-03T10:00");
      g_assert_nonnull (json_object_get_string_member (object, "slot_id"));
      g_assert_nonnull (json_object_get_string_member (object, "message"));
      if (json_object_get_boolean_member (object, "kept"))
        {
          n_kept++;
          g_assert_cmpstr (kind, ==, "room_overlap");
          g_assert_cmpstr (json_object_get_string_member (object, "room"), ==, "Salle Bleue");
          g_assert_cmpstr (json_object_get_string_member (object, "kept_reason"), ==,
                           "Salle partagée");
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (object, "trainer"), ==,
                           "Claire Martin");
          g_assert_true (json_object_get_null_member (object, "kept_reason"));
        }
    }
  g_assert_cmpuint (n_kept, ==, 1);

  /* Both ways of writing a date */
  run_cli (&range, "--db", path, "conflicts", "--from", "2026-03-03", "--to", "03/03/2026",
           "--json", NULL);
  g_assert_cmpint (range.status, ==, 0);
  range_root = parse_json (range.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (range_root)), ==, 2);

  run_cli (&empty, "--db", path, "conflicts", "--to", "02/03/2026", "--json", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  empty_root = parse_json (empty.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (empty_root)), ==, 0);

  run_cli (&demo, "--db", demo_path, "conflicts", "--json", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  demo_root = parse_json (demo.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (demo_root));
}

/* Two Excel slots at the same time, with the same trainer and room; a
 * second trainer who teaches Excel and a second room are free. */
static char *
make_suggestions_database (const char *name)
{
  char *path = make_empty_database (name);
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  g_autofree char *room = NULL;
  g_autofree char *trainer = NULL;

  database = fd_database_open (path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  place = core_create (database, "place", "name", "Lyon Part-Dieu", NULL);
  room = core_create (database, "room", "place_id", place, "name", "Salle Bleue", "#capacity", "10",
                      NULL);
  g_free (core_create (database, "room", "place_id", place, "name", "Salle Rouge", "#capacity",
                       "14", NULL));
  trainer = core_create (database, "trainer", "first_name", "Claire", "last_name", "Martin",
                         "skills", "Excel, Word", NULL);
  g_free (core_create (database, "trainer", "first_name", "Paul", "last_name", "Durand",
                       "skills", "Excel", NULL));

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *session = core_create (database, "session", "#year", "2026",
                                              "label", "Excel initiation", NULL);
      g_autofree char *sequence = core_create (database, "sequence", "session_id", session,
                                               "label", "Jour 1", NULL);
      g_autofree char *slot = core_create (database, "slot", "session_id", session,
                                           "sequence_id", sequence,
                                           "start_at", "2026-03-03T09:30",
                                           "end_at", "2026-03-03T10:30",
                                           "place_id", place, "room_id", room, NULL);

      g_free (core_create (database, "slot_staff", "slot_id", slot, "trainer_id", trainer, NULL));
    }

  return path;
}

static void
test_conflicts_suggest (void)
{
  g_autofree char *path = make_suggestions_database ("conflicts-suggest.db");
  g_autofree char *before = NULL;
  gsize before_length = 0;
  g_auto(Run) plain = { 0, };
  g_auto(Run) run = { 0, };
  g_auto(Run) json = { 0, };
  g_auto(Run) french = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  before = read_bytes (path, &before_length);

  /* Without --suggest, no suggestion */
  run_cli (&plain, "--db", path, "conflicts", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_null (strstr (plain.out, "Paul Durand"));

  run_cli (&run, "--db", path, "conflicts", "--suggest", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Claire Martin is already teaching 2026-0002"));
  g_assert_nonnull (strstr (run.out, "→ other trainer"));
  g_assert_nonnull (strstr (run.out, "Paul Durand: Free, teaches Excel"));
  g_assert_nonnull (strstr (run.out, "→ other room"));
  g_assert_nonnull (strstr (run.out, "Salle Rouge: Free, seats 14"));
  /* Each conflict followed by its own suggestions */
  g_assert_true (strstr (run.out, "Trainer double-booked") < strstr (run.out, "Paul Durand"));
  g_assert_true (strstr (run.out, "Paul Durand") < strstr (run.out, "Room double-booked"));
  g_assert_true (strstr (run.out, "Room double-booked") < strstr (run.out, "Salle Rouge"));

  run_cli (&json, "--db", path, "conflicts", "--suggest", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *kind = json_object_get_string_member (object, "kind");
      JsonArray *suggestions = json_object_get_array_member (object, "suggestions");
      JsonObject *first;

      g_assert_cmpuint (json_array_get_length (suggestions), ==, 1);
      first = json_array_get_object_element (suggestions, 0);
      if (g_str_equal (kind, "trainer_overlap"))
        {
          g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "trainer");
          g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Paul Durand");
          g_assert_cmpstr (json_object_get_string_member (first, "replaces_id"), ==,
                           json_object_get_string_member (object, "trainer_id"));
        }
      else
        {
          g_assert_cmpstr (kind, ==, "room_overlap");
          g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "room");
          g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Salle Rouge");
          g_assert_cmpstr (json_object_get_string_member (first, "reason"), ==,
                           "Free, seats 14");
        }
      g_assert_nonnull (json_object_get_string_member (first, "id"));
    }

  g_setenv ("LANGUAGE", "fr", TRUE);
  run_cli (&french, "--db", path, "conflicts", "--suggest", NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpint (french.status, ==, 0);
  g_assert_nonnull (strstr (french.out, "Libre, enseigne : Excel"));
  g_assert_nonnull (strstr (french.out, "Libre, 14 places"));

  /* A reader: the file is left as it was */
  assert_unchanged (path, before, before_length);
}

static void
test_conflicts_bad_dates (void)
{
  static const char * const lines[][5] = {
    { "--from", "31/02/2026", NULL },
    { "--to", "tomorrow", NULL },
    { "--from", "2026-3-1", NULL },
    { "--from", "05/03/2026", "--to", "01/03/2026" },
    { "--since", "01/03/2026", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, "--db", demo_path, "conflicts", lines[i][0], lines[i][1], lines[i][2],
               lines[i][2] != NULL ? lines[i][3] : NULL, NULL);
      assert_one_error_line (&run);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
    }

  {
    g_auto(Run) run = { 0, };

    g_setenv ("LANGUAGE", "fr", TRUE);
    run_cli (&run, "--db", demo_path, "conflicts", "--from", "31/02/2026", NULL);
    g_setenv ("LANGUAGE", "C", TRUE);
    assert_one_error_line (&run);
    g_assert_nonnull (strstr (run.err, "n’est pas une date"));
  }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "conflicts", "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--from"));
    g_assert_nonnull (strstr (run.out, "--json"));
  }
}

static void
test_holidays_text (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) moselle = { 0, };
  g_auto(Run) french = { 0, };

  run_cli (&run, "holidays", "2026", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "DATE"));
  g_assert_nonnull (strstr (run.out, "Thursday 14 May 2026"));
  g_assert_nonnull (strstr (run.out, "Ascension Day"));
  g_assert_nonnull (strstr (run.out, "Monday 6 April 2026"));
  g_assert_null (strstr (run.out, "Good Friday"));
  /* a header and eleven holidays */
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 13);
  }

  /* A postal code names the department */
  run_cli (&moselle, "holidays", "2026", "--department", "57000", NULL);
  g_assert_cmpint (moselle.status, ==, 0);
  g_assert_nonnull (strstr (moselle.out, "Good Friday"));
  g_assert_nonnull (strstr (moselle.out, "St Stephen’s Day"));

  g_setenv ("LANGUAGE", "fr", TRUE);
  run_cli (&french, "holidays", "2026", "--department", "974", NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpint (french.status, ==, 0);
  g_assert_nonnull (strstr (french.out, "Lundi de Pâques"));
  g_assert_nonnull (strstr (french.out, "Abolition de l’esclavage"));
  g_assert_nonnull (strstr (french.out, "JOUR FÉRIÉ"));
  g_assert_null (strstr (french.out, "Easter"));
}

static void
test_holidays_json (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  guint n_regional = 0;
  gboolean found = FALSE;

  run_cli (&run, "holidays", "2027", "--department", "2a", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 11);

  g_clear_pointer (&root, json_node_unref);
  run_clear (&run);
  run_cli (&run, "holidays", "2027", "--department", "972", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 12);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *date = json_object_get_string_member (object, "date");

      if (json_object_get_boolean_member (object, "regional"))
        {
          n_regional++;
          g_assert_cmpstr (date, ==, "2027-05-22");
          g_assert_cmpstr (json_object_get_string_member (object, "name"), ==,
                           "Abolition of Slavery");
        }
      /* Easter 2027 is on 28 March */
      if (g_str_equal (date, "2027-03-29"))
        found = g_str_equal (json_object_get_string_member (object, "name"), "Easter Monday");
    }
  g_assert_cmpuint (n_regional, ==, 1);
  g_assert_true (found);
}

static void
test_holidays_bad_usage (void)
{
  static const char * const lines[][4] = {
    { NULL },
    { "2026x", NULL },
    { "1582", NULL },
    { "10000", NULL },
    { "-2026", NULL },
    { "", NULL },
    { "2026", "2027", NULL },
    { "2026", "--department", "99", NULL },
    { "2026", "--department", "Moselle", NULL },
    { "2026", "--department", "6700", NULL },
    { "2026", "--region", "57", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, "holidays", lines[i][0], lines[i][0] != NULL ? lines[i][1] : NULL,
               lines[i][0] != NULL && lines[i][1] != NULL ? lines[i][2] : NULL, NULL);
      assert_one_error_line (&run);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
    }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "holidays", "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--department"));
  }
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static char *
stats_of (const char *path)
{
  g_auto(Run) run = { 0, };

  run_cli (&run, "--db", path, "stats", NULL);
  g_assert_cmpint (run.status, ==, 0);

  return g_steal_pointer (&run.out);
}

/* The code of a demo session with slots */
static char *
session_with_slots (const char *path)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  run_cli (&run, "--db", path, "list", "sessions", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (json_object_get_int_member (object, "slots") >= 3 &&
          json_object_get_int_member (object, "enrolled") > 0)
        return g_strdup (json_object_get_string_member (object, "code"));
    }

  g_assert_not_reached ();
}

static void
test_duplicate_prints_code (void)
{
  g_autofree char *path = copy_demo ("duplicate.db");
  g_autofree char *code = session_with_slots (path);
  g_auto(Run) run = { 0, };
  g_auto(Run) again = { 0, };
  g_auto(Run) show = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_cli (&run, "--db", path, "duplicate", "session", code, "--year", "2031",
           "--start", "07/09/2031", "--end", "25/09/2031", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "2031-0001\n");

  /* The year defaults to the start's */
  run_cli (&again, "--db", path, "duplicate", "session", code,
           "--start", "2031-10-05", "--end", "2031-10-05", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, "2031-0002\n");

  run_cli (&show, "--db", path, "show", "session", "2031-0001", "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  root = parse_json (show.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "created");
  g_assert_false (json_object_get_boolean_member (object, "published"));
  g_assert_cmpstr (json_object_get_string_member (object, "planned_start_on"), ==, "2031-09-07");
  g_assert_cmpint (json_object_get_int_member (object, "slots"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "enrolled"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "sequences")), >, 0);
}

static void
test_duplicate_errors (void)
{
  g_autofree char *path = copy_demo ("duplicate-errors.db");
  g_autofree char *code = session_with_slots (path);
  g_autofree char *before = stats_of (path);
  g_autofree char *after = NULL;
  static const struct
  {
    const char *year;
    const char *start;
    const char *end;
    int status;
    const char *message;
  } cases[] = {
    { "2031", "07/09/2031", "06/09/2031", 1, "The end date comes before the start date." },
    { "1800", "07/09/2031", "25/09/2031", 1, "The year 1800 is not between 1900 and 2200." },
    { "2031", "31/02/2031", "25/09/2031", 2, "--start: “31/02/2031” is not a date" },
    { "2031", "07/09/2031", "next week", 2, "--end: “next week” is not a date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, "--db", path, "duplicate", "session", code, "--year", cases[i].year,
               "--start", cases[i].start, "--end", cases[i].end, NULL);
      assert_one_error_line (&run);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      g_assert_cmpstr (run.out, ==, "");
    }

  {
    g_auto(Run) run = { 0, };
    g_auto(Run) usage = { 0, };
    g_auto(Run) french = { 0, };

    run_cli (&run, "--db", path, "duplicate", "session", "1999-0404",
             "--start", "07/09/2031", "--end", "25/09/2031", NULL);
    assert_one_error_line (&run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "1999-0404"));

    run_cli (&usage, "--db", path, "duplicate", "session", code, NULL);
    assert_one_error_line (&usage);
    g_assert_cmpint (usage.status, ==, 2);

    g_setenv ("LANGUAGE", "fr", TRUE);
    run_cli (&french, "--db", path, "duplicate", "session", code,
             "--start", "07/09/2031", "--end", "06/09/2031", NULL);
    g_setenv ("LANGUAGE", "C", TRUE);
    assert_one_error_line (&french);
    g_assert_nonnull (strstr (french.err, "La date de fin"));
  }

  after = stats_of (path);
  g_assert_cmpstr (after, ==, before);
}

/* A future published session with one slot, a trainer and two trainees */
static char *
make_enroll_database (const char *name)
{
  char *path = make_empty_database (name);
  g_autoptr(FdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *session = NULL;
  g_autofree char *sequence = NULL;
  g_autofree char *slot = NULL;
  g_autofree char *trainer = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *helene = NULL;
  g_autofree char *karim = NULL;

  db = fd_database_open (path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  organisation = core_create (db, "organisation", "name", "Horizon Compétences",
                              "email", "contact@horizon.example.org", NULL);
  session = core_create (db, "session", "code", "2031-0500", "#year", "2031",
                         "label", "Management", "#published", "1", NULL);
  sequence = core_create (db, "sequence", "session_id", session, "label", "Jour 1", NULL);
  slot = core_create (db, "slot", "session_id", session, "sequence_id", sequence,
                      "start_at", "2031-05-12T09:00", "end_at", "2031-05-12T17:00", NULL);
  trainer = core_create (db, "trainer", "first_name", "Claire", "last_name", "Dubois",
                         "email", "claire.dubois@example.org", NULL);
  staff = core_create (db, "slot_staff", "slot_id", slot, "trainer_id", trainer, NULL);
  helene = core_create (db, "trainee", "first_name", "Hélène", "last_name", "Garnier",
                        "email", "helene@example.org", NULL);
  karim = core_create (db, "trainee", "first_name", "Karim", "last_name", "Benali",
                       "email", "karim@example.org", NULL);

  return path;
}

static gint64
query_path_int (const char *path,
                const char *sql)
{
  g_autoptr(FdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = fd_database_open (path, FD_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  return core_query_int (db, sql, NULL);
}

static void
test_enroll_and_unenroll (void)
{
  g_autofree char *path = make_enroll_database ("enroll.db");
  g_auto(Run) enroll = { 0, };
  g_auto(Run) again = { 0, };
  g_auto(Run) unenroll = { 0, };

  run_cli (&enroll, "--db", path, "enroll", "2031-0500", "Helene@Example.org",
           "--funder", "opco", NULL);
  g_assert_cmpint (enroll.status, ==, 0);
  g_assert_cmpstr (enroll.err, ==, "");
  g_assert_true (g_str_has_suffix (enroll.out, "\n"));
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM enrollment"
                                         " WHERE deleted = 0 AND funder = 'opco'"), ==, 1);
  /* Hélène and the trainer are invited */
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM email_message"
                                         " WHERE calendar LIKE '%METHOD:REQUEST%'"), ==, 2);

  /* Twice: refused, named, nothing written */
  run_cli (&again, "--db", path, "enroll", "2031-0500", "helene@example.org", NULL);
  assert_one_error_line (&again);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "enrolled in this session already"));
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM enrollment"), ==, 1);

  run_cli (&unenroll, "--db", path, "unenroll", "2031-0500", "helene@example.org", NULL);
  g_assert_cmpint (unenroll.status, ==, 0);
  g_assert_cmpstr (unenroll.out, ==, "");
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM enrollment WHERE deleted = 0"),
                   ==, 0);
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM email_message"
                                         " WHERE recipient = 'helene@example.org'"
                                         " AND calendar LIKE '%METHOD:CANCEL%'"), ==, 1);
}

static void
test_enroll_errors (void)
{
  g_autofree char *path = make_enroll_database ("enroll-errors.db");
  g_autofree char *before = stats_of (path);
  g_autofree char *after = NULL;
  static const struct
  {
    const char *command;
    const char *code;
    const char *email;
    int status;
    const char *message;
  } cases[] = {
    { "enroll", "1999-0404", "helene@example.org", 1, "1999-0404" },
    { "enroll", "2031-0500", "nobody@example.org", 1, "nobody@example.org" },
    { "unenroll", "2031-0500", "karim@example.org", 1, "not enrolled" },
    { "enroll", "2031-0500", NULL, 2, "usage" },
    { "unenroll", NULL, NULL, 2, "usage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, "--db", path, cases[i].command, cases[i].code, cases[i].email, NULL);
      assert_one_error_line (&run);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      g_assert_cmpstr (run.out, ==, "");
    }

  {
    g_auto(Run) extra = { 0, };

    run_cli (&extra, "--db", path, "enroll", "2031-0500", "karim@example.org", "more", NULL);
    assert_one_error_line (&extra);
    g_assert_cmpint (extra.status, ==, 2);
  }

  after = stats_of (path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_show_json (void)
{
  g_autofree char *code = session_with_slots (demo_path);
  g_auto(Run) run = { 0, };
  g_auto(Run) text = { 0, };
  g_auto(Run) missing = { 0, };
  g_autoptr(JsonNode) root = NULL;
  static const char * const members[] = {
    "id", "code", "year", "label", "kind", "status", "published", "training_code", "training",
    "client", "certification", "evaluation", "capacity_min", "capacity_max", "dispositif",
    "eligible_funding", "price_cents", "population", "populations", "start_at", "end_at",
    "duration_minutes", "days", "slots", "enrolled", "sequences", "costs", "emails",
  };
  JsonObject *object;
  JsonArray *sequences;
  gint64 n_slots = 0;
  gint64 minutes = 0;

  run_cli (&run, "--db", demo_path, "show", "session", code, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (!json_object_has_member (object, members[i]))
      g_error ("show --json has no “%s”", members[i]);
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, code);
  g_assert_cmpint (json_object_get_int_member (object, "enrolled"), >, 0);
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "evaluation"),
                                         "name"));

  /* The slots, their staff, and the duration they add up to */
  sequences = json_object_get_array_member (object, "sequences");
  g_assert_cmpuint (json_array_get_length (sequences), >, 0);
  for (guint i = 0; i < json_array_get_length (sequences); i++)
    {
      JsonObject *sequence = json_array_get_object_element (sequences, i);
      JsonArray *slots = json_object_get_array_member (sequence, "slots");

      g_assert_true (json_object_has_member (sequence, "prework"));
      g_assert_true (json_object_has_member (sequence, "modality"));
      for (guint j = 0; j < json_array_get_length (slots); j++)
        {
          JsonObject *slot = json_array_get_object_element (slots, j);
          g_autoptr(GDateTime) start = NULL;
          g_autoptr(GDateTime) end = NULL;
          g_autofree char *start_text = g_strconcat (json_object_get_string_member (slot, "start_at"),
                                                     ":00Z", NULL);
          g_autofree char *end_text = g_strconcat (json_object_get_string_member (slot, "end_at"),
                                                   ":00Z", NULL);

          g_assert_true (json_object_has_member (slot, "place"));
          g_assert_true (json_object_has_member (slot, "room"));
          g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (slot, "staff")));
          start = g_date_time_new_from_iso8601 (start_text, NULL);
          end = g_date_time_new_from_iso8601 (end_text, NULL);
          g_assert_nonnull (start);
          g_assert_nonnull (end);
          if (!json_object_get_boolean_member (sequence, "prework"))
            minutes += g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE
                       - json_object_get_int_member (slot, "break_minutes");
          n_slots++;
        }
    }
  g_assert_cmpint (json_object_get_int_member (object, "slots"), ==, n_slots);
  g_assert_cmpint (json_object_get_int_member (object, "duration_minutes"), ==, minutes);

  run_cli (&text, "--db", demo_path, "show", "session", code, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, code));
  g_assert_nonnull (strstr (text.out, "\nSequences\n"));
  g_assert_nonnull (strstr (text.out, "\nCosts\n"));
  g_assert_nonnull (strstr (text.out, "\nEmails\n"));
  g_assert_nonnull (strstr (text.out, "Trainer: "));

  run_cli (&missing, "--db", demo_path, "show", "session", "1999-0404", "--json", NULL);
  assert_one_error_line (&missing);
  g_assert_cmpstr (missing.out, ==, "");

  /* Even a label written behind the write path's back, not UTF-8 */
  {
    g_autofree char *path = copy_demo ("show-invalid.db");
    g_autofree char *sql = g_strdup_printf ("UPDATE session SET label = CAST (X'4578c3a9c3' AS TEXT)"
                                            " WHERE code = '%s'", code);
    g_auto(Run) invalid = { 0, };
    g_autoptr(JsonNode) invalid_root = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);

    run_cli (&invalid, "--db", path, "show", "session", code, "--json", NULL);
    g_assert_cmpint (invalid.status, ==, 0);
    invalid_root = parse_json (invalid.out);
    g_assert_true (g_str_has_prefix (json_object_get_string_member (json_node_get_object (invalid_root),
                                                                    "label"), "Exé"));
  }
}

#define IMPORT_HEADER "reference;formation;libelle;type;sequence;date;debut;fin;pause_minutes;lieu;salle;formateurs\n"

static void
test_import_bad_row_writes_nothing (void)
{
  g_autofree char *path = copy_demo ("import-bad.db");
  g_autofree char *before = stats_of (path);
  g_autofree char *after = NULL;
  g_autofree char *file = write_file ("bad.csv",
                                      IMPORT_HEADER
                                      "P-1;BUR-01;;inter;Jour 1;07/09/2026;09:00;12:00;;;;\n"
                                      "P-1;NOPE-1;;inter;Jour 2;08/09/2026;09:00;12:00;;;;\n"
                                      "P-2;BUR-02;;public;Jour 1;07/09/2026;09:00;12:00;;;;\n"
                                      "P-3;BUR-02;;inter;Jour 1;07/09/2026;14:00;12:00;;;;\n");
  g_auto(Run) run = { 0, };
  g_auto(Run) dry = { 0, };

  run_cli (&run, "--db", path, "import", "sessions", file, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "line 3: formation: no training has the code “NOPE-1”\n"
                   "line 4: type: “public” is not a session type: write intra or inter\n"
                   "line 5: fin: the slot ends at 12:00, not after its start at 14:00\n"
                   "formadesk-cli: 3 problems; nothing was imported\n");

  run_cli (&dry, "--db", path, "import", "sessions", file, "--dry-run", NULL);
  g_assert_cmpint (dry.status, ==, 1);
  g_assert_cmpstr (dry.err, ==, run.err);

  after = stats_of (path);
  g_assert_cmpstr (after, ==, before);
}

static char *
template_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "import-sessions-template.csv", NULL);
}

static void
test_import_dry_run_writes_nothing (void)
{
  g_autofree char *path = copy_demo ("import-dry.db");
  g_autofree char *template = template_path ();
  g_autofree char *before = stats_of (path);
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0, };

  run_cli (&run, "--db", path, "import", "sessions", template, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Would import 2 sessions (5 slots); nothing was written:\n"
                                            "REFERENCE "));
  g_assert_nonnull (strstr (run.out, "PART-2026-001"));
  g_assert_nonnull (strstr (run.out, "PART-2026-002"));

  after = stats_of (path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_writes (void)
{
  g_autofree char *path = copy_demo ("import.db");
  g_autofree char *template = template_path ();
  g_auto(Run) run = { 0, };
  g_auto(Run) again = { 0, };
  g_auto(Run) verify = { 0, };
  g_auto(Run) list = { 0, };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, "--db", path, "import", "sessions", template, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  /* the sessions, then what conflicts with the demo's planning, if any */
  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  if (g_strv_length (lines) > 5)
    g_assert_cmpstr (lines[4], ==, "Conflicts to sort out:");
  g_assert_cmpstr (lines[0], ==, "Imported 2 sessions (5 slots), as drafts:");
  g_assert_true (g_str_has_prefix (lines[1], "CODE "));
  g_assert_true (g_regex_match_simple ("^2026-[0-9]{4}  PART-2026-001 ", lines[2], 0, 0));

  /* Drafts, found by the lists */
  run_cli (&list, "--db", path, "list", "sessions", "--search", "groupe partenaire", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "\"published\" : false"));

  run_cli (&verify, "--db", path, "verify", NULL);
  g_assert_cmpstr (verify.out, ==, "OK\n");

  /* A second import of the same sessions is refused */
  run_cli (&again, "--db", path, "import", "sessions", template, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_true (g_str_has_prefix (again.err, "line 2: reference: the session “PART-2026-001” "
                                              "was already imported as 2026-"));
}

static void
test_import_json (void)
{
  g_autofree char *path = copy_demo ("import-json.db");
  g_autofree char *before = stats_of (path);
  g_autofree char *good = write_file ("good.json",
    "{\n"
    "  \"sessions\": [\n"
    "    {\n"
    "      \"reference\": \"J-1\",\n"
    "      \"formation\": \"BUR-02\",\n"
    "      \"type\": \"inter\",\n"
    "      \"slots\": [\n"
    "        { \"sequence\": \"Jour 1\", \"date\": \"07/09/2026\", \"debut\": \"09:00\",\n"
    "          \"fin\": \"17:00\", \"pause_minutes\": 60,\n"
    "          \"lieu\": \"Horizon Compétences — Paris Bastille\",\n"
    "          \"salle\": \"Salle informatique\", \"formateurs\": [] },\n"
    "        { \"sequence\": \"Jour 2\", \"date\": \"2026-09-08\", \"debut\": \"09:00\",\n"
    "          \"fin\": \"12:00\", \"lieu\": null }\n"
    "      ]\n"
    "    }\n"
    "  ]\n"
    "}\n");
  g_autofree char *bad = write_file ("bad.json",
    "[\n"
    "  { \"reference\": \"J-2\", \"formation\": \"BUR-02\", \"type\": \"intra\",\n"
    "    \"slots\": [\n"
    "      { \"sequence\": \"Jour 1\", \"date\": \"07/09/2026\", \"debut\": \"09:00\",\n"
    "        \"fin\": \"17:00\", \"pause_minutes\": 60, \"couleur\": \"bleu\" },\n"
    "      { \"sequence\": \"Jour 2\", \"date\": \"07/09/2026\", \"debut\": \"09:00\",\n"
    "        \"fin\": \"17:00\", \"pause_minutes\": 600 }\n"
    "    ] },\n"
    "  { \"reference\": \"J-3\", \"formation\": { \"code\": \"BUR-02\" }, \"slots\": [] }\n"
    "]\n");
  g_autofree char *after = NULL;
  g_auto(Run) dry = { 0, };
  g_auto(Run) wrong = { 0, };
  g_auto(Run) syntax = { 0, };
  g_autofree char *broken = write_file ("broken.json", "{ \"sessions\": [ { \"reference\": ");
  g_autofree char *twice = write_file ("twice.json",
    "{ \"sessions\": [ { \"reference\": \"J-4\", \"formation\": \"BUR-02\",\n"
    "  \"type\": \"inter\", \"x\": {}, \"x\": {},\n"
    "  \"slots\": [ { \"sequence\": \"J1\", \"date\": \"07/09/2026\",\n"
    "    \"debut\": \"09:00\", \"fin\": \"08:00\" } ] } ] }\n");
  g_auto(Run) twice_run = { 0, };

  run_cli (&dry, "--db", path, "import", "sessions", good, "--dry-run", NULL);
  g_assert_cmpstr (dry.err, ==, "");
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_true (g_str_has_prefix (dry.out, "Would import 1 session (2 slots)"));

  /* Each problem on the line of its object */
  run_cli (&wrong, "--db", path, "import", "sessions", bad, NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_cmpstr (wrong.err, ==,
                   "line 4: unknown member “couleur”\n"
                   "line 6: pause_minutes: a break of 600 minutes does not fit in a slot of 480 minutes\n"
                   "line 9: formation: must be text or a number\n"
                   "line 9: slots: must be a list of one or more slots\n"
                   "formadesk-cli: 4 problems; nothing was imported\n");

  run_cli (&syntax, "--db", path, "import", "sessions", broken, NULL);
  assert_one_error_line (&syntax);

  /* A member named twice does not shift the lines of the others */
  run_cli (&twice_run, "--db", path, "import", "sessions", twice, NULL);
  g_assert_cmpstr (twice_run.err, ==,
                   "line 1: unknown member “x”\n"
                   "line 3: fin: the slot ends at 08:00, not after its start at 09:00\n"
                   "formadesk-cli: 2 problems; nothing was imported\n");

  after = stats_of (path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_usage (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.csv", NULL);
  g_autofree char *empty = write_file ("empty.csv", "");
  g_autofree char *header = write_file ("header.csv", IMPORT_HEADER);
  g_autofree char *template = template_path ();
  static const int statuses[] = { 2, 2, 2, 1, 1, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_auto(Run) run = { 0, };

      switch (i)
        {
        case 0:
          run_cli (&run, "--db", demo_path, "import", NULL);
          break;
        case 1:
          run_cli (&run, "--db", demo_path, "import", "trainers", template, NULL);
          break;
        case 2:
          run_cli (&run, "--db", demo_path, "import", "sessions", template, "--format", "xml",
                   NULL);
          break;
        case 3:
          run_cli (&run, "--db", demo_path, "import", "sessions", missing, NULL);
          break;
        case 4:
          run_cli (&run, "--db", demo_path, "import", "sessions", empty, NULL);
          break;
        default:
          run_cli (&run, "--db", demo_path, "import", "sessions", header, "--dry-run", NULL);
          break;
        }
      assert_one_error_line (&run);
      g_assert_cmpint (run.status, ==, statuses[i]);
    }
}

/* The first value of @sql on @path, as text */
static char *
query_raw (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

/* A published session of the demo with two sequences or more */
static char *
complex_session_code (void)
{
  char *code = query_raw (demo_path,
                          "SELECT e.code FROM session e JOIN sequence q ON q.session_id = e.id"
                          " WHERE e.published = 1 AND e.deleted = 0 AND q.deleted = 0"
                          " GROUP BY e.id HAVING count(*) > 1 ORDER BY e.code DESC LIMIT 1");

  g_assert_nonnull (code);

  return code;
}

static void
test_emails_text (void)
{
  g_autofree char *code = complex_session_code ();
  g_autofree char *draft = query_raw (demo_path,
                                      "SELECT code FROM session WHERE published = 0"
                                      " AND deleted = 0 ORDER BY code LIMIT 1");
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_auto(Run) run = { 0, };
  g_auto(Run) draft_run = { 0, };
  g_auto(Run) french = { 0, };

  /* Reading writes nothing */
  contents = read_bytes (demo_path, &length);
  run_cli (&run, "--db", demo_path, "emails", code, "--now", "2026-03-03T10:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_unchanged (demo_path, contents, length);

  /* The settings prefilled by the demo, then the schedule per sequence */
  g_assert_nonnull (strstr (run.out, "EMAIL"));
  g_assert_nonnull (strstr (run.out, "DELAY"));
  g_assert_nonnull (strstr (run.out, "Rappel la veille"));
  g_assert_nonnull (strstr (run.out, "1 day before the start"));
  g_assert_nonnull (strstr (run.out, "ESTIMATED SEND"));
  g_assert_nonnull (strstr (run.out, "Partie 1"));
  g_assert_nonnull (strstr (run.out, "Partie 2"));
  g_assert_nonnull (strstr (run.out, "Upcoming"));
  g_assert_null (strstr (run.out, "draft"));

  run_cli (&draft_run, "--db", demo_path, "emails", draft, NULL);
  g_assert_cmpint (draft_run.status, ==, 0);
  g_assert_nonnull (strstr (draft_run.out, "is a draft"));

  g_setenv ("LANGUAGE", "fr", TRUE);
  run_cli (&french, "--db", demo_path, "emails", code, "--now", "2026-03-03T10:00", NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpint (french.status, ==, 0);
  g_assert_nonnull (strstr (french.out, "ENVOI ESTIMÉ"));
  g_assert_nonnull (strstr (french.out, "1 jour avant le début"));
  g_assert_nonnull (strstr (french.out, "À venir"));
}

static void
test_emails_json (void)
{
  static const char * const known_states[] = {
    "upcoming", "due", "missed", "queued", "sent", "failed", "cancelled", "disabled",
    "no_template", "no_date", "prework", NULL
  };
  g_autofree char *code = complex_session_code ();
  g_autofree char *sql = NULL;
  g_autofree char *n_sequences = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) later = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) later_root = NULL;
  JsonObject *object;
  JsonArray *settings;
  JsonArray *schedule;
  guint n_overdue = 0;

  run_cli (&run, "--db", demo_path, "emails", code, "--json", "--now", "2026-03-03T10:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "session"), ==, code);
  g_assert_true (json_object_get_boolean_member (object, "published"));
  settings = json_object_get_array_member (object, "settings");
  schedule = json_object_get_array_member (object, "schedule");
  g_assert_cmpuint (json_array_get_length (settings), >=, 3);

  /* One entry per setting and sequence */
  sql = g_strdup_printf ("SELECT count(*) FROM sequence q JOIN session e ON e.id = q.session_id"
                         " WHERE e.code = '%s' AND q.deleted = 0", code);
  n_sequences = query_raw (demo_path, sql);
  g_assert_cmpuint (json_array_get_length (schedule), ==,
                    json_array_get_length (settings) * g_ascii_strtoull (n_sequences, NULL, 10));

  for (guint i = 0; i < json_array_get_length (schedule); i++)
    {
      JsonObject *entry = json_array_get_object_element (schedule, i);
      const char *state = json_object_get_string_member (entry, "state");
      const char *anchor_at = json_object_get_string_member (entry, "anchor_at");
      const char *send_at = json_object_get_string_member (entry, "send_at");

      g_assert_true (g_strv_contains (known_states, state));
      g_assert_nonnull (json_object_get_string_member (entry, "state_label"));
      if (g_str_equal (json_object_get_string_member (entry, "kind"), "reminder"))
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autofree char *anchor_text = g_strconcat (anchor_at, ":00", NULL);
          g_autofree char *send_text = g_strconcat (send_at, ":00", NULL);
          GDateTime *anchor = g_date_time_new_from_iso8601 (anchor_text, utc);
          GDateTime *send = g_date_time_new_from_iso8601 (send_text, utc);

          /* The day before, at the same hour */
          g_assert_nonnull (anchor);
          g_assert_nonnull (send);
          g_assert_cmpint (g_date_time_difference (anchor, send), ==, G_TIME_SPAN_DAY);
          g_date_time_unref (anchor);
          g_date_time_unref (send);
        }
      g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "scheduled_at"), "Z"));
      g_assert_cmpint (json_object_get_int_member (entry, "messages"), ==, 0);
      g_assert_false (json_object_get_boolean_member (entry, "overdue"));
    }

  /* A year later, everything is late and unsent (red) */
  run_cli (&later, "--db", demo_path, "emails", code, "--json", "--now", "2027-12-31T10:00", NULL);
  g_assert_cmpint (later.status, ==, 0);
  later_root = parse_json (later.out);
  schedule = json_object_get_array_member (json_node_get_object (later_root), "schedule");
  for (guint i = 0; i < json_array_get_length (schedule); i++)
    {
      JsonObject *entry = json_array_get_object_element (schedule, i);

      g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "missed");
      if (json_object_get_boolean_member (entry, "overdue"))
        n_overdue++;
    }
  g_assert_cmpuint (n_overdue, ==, json_array_get_length (schedule));
}

static void
test_emails_queue_due (void)
{
  g_autofree char *path = copy_demo ("emails-queue.db");
  g_autofree char *n_messages = NULL;
  g_autofree char *n_drafts = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *code = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) again = { 0, };
  g_auto(Run) json_run = { 0, };
  g_auto(Run) show = { 0, };
  g_autoptr(JsonNode) root = NULL;
  guint64 n;

  run_cli (&run, "--db", path, "emails", "--queue-due", "--now", "2026-03-03T10:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  n_messages = query_raw (path, "SELECT count(*) FROM email_message WHERE status = 'scheduled'");
  n = g_ascii_strtoull (n_messages, NULL, 10);
  g_assert_cmpuint (n, >, 0);
  expected = g_strdup_printf ("Queued %" G_GUINT64_FORMAT " emails.\n", n);
  g_assert_cmpstr (run.out, ==, expected);

  /* Drafts sent nothing */
  n_drafts = query_raw (path,
                        "SELECT count(*) FROM email_message m JOIN session e ON e.id = m.session_id"
                        " WHERE e.published = 0");
  g_assert_cmpstr (n_drafts, ==, "0");

  /* Never twice */
  run_cli (&again, "--db", path, "emails", "--queue-due", "--now", "2026-03-03T10:00", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, "Queued 0 emails.\n");
  run_cli (&json_run, "--db", path, "emails", "--queue-due", "--json",
           "--now", "2026-03-03T10:05", NULL);
  g_assert_cmpint (json_run.status, ==, 0);
  root = parse_json (json_run.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "queued"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "problems")), ==, 0);
  g_clear_pointer (&n_messages, g_free);
  n_messages = query_raw (path, "SELECT count(*) FROM email_message");
  g_assert_cmpuint (g_ascii_strtoull (n_messages, NULL, 10), ==, n);

  /* The schedule shows them queued */
  code = query_raw (path, "SELECT e.code FROM email_message m JOIN session e ON e.id = m.session_id"
                          " LIMIT 1");
  run_cli (&show, "--db", path, "emails", code, "--now", "2026-03-03T10:00", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Queued"));
}

static void
test_emails_bad_template (void)
{
  g_autofree char *path = copy_demo ("emails-bad-template.db");
  g_auto(Run) run = { 0, };

  exec_raw (path, "UPDATE email_template SET body = 'Bonjour {prenom' WHERE key = 'satisfaction'");
  run_cli (&run, "--db", path, "emails", "--queue-due", "--now", "2026-03-03T10:00", NULL);
  /* The others are queued; what could not be is said, and the status says so */
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "Queued "));
  g_assert_true (g_str_has_prefix (run.err, "formadesk-cli: “Questionnaire de satisfaction”"));
  g_assert_nonnull (strstr (run.err, "is not closed"));
}

static void
test_emails_bad_usage (void)
{
  static const char * const lines[][5] = {
    { NULL },
    { "2026-0001", "--queue-due", NULL },
    { "2026-0001", "2026-0002", NULL },
    { "--queue-due", "--now", "tomorrow", NULL },
    { "2026-0001", "--now", "2026-02-30T10:00", NULL },
    { "2026-0001", "--now", "2026-03-03", NULL },
    { "--send", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_auto(Run) run = { 0, };

      const char * const *line = lines[i];

      /* The arguments up to the line's NULL */
      run_cli (&run, "--db", demo_path, "emails", line[0],
               line[0] != NULL ? line[1] : NULL,
               line[0] != NULL && line[1] != NULL ? line[2] : NULL,
               line[0] != NULL && line[1] != NULL && line[2] != NULL ? line[3] : NULL,
               NULL);
      assert_one_error_line (&run);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
    }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "--db", demo_path, "emails", "1999-9999", NULL);
    assert_one_error_line (&run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "1999-9999"));
  }

  {
    g_auto(Run) run = { 0, };

    g_setenv ("LANGUAGE", "fr", TRUE);
    run_cli (&run, "--db", demo_path, "emails", "--queue-due", "--now", "demain", NULL);
    g_setenv ("LANGUAGE", "C", TRUE);
    assert_one_error_line (&run);
    g_assert_nonnull (strstr (run.err, "n’est pas une heure"));
  }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "emails", "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--queue-due"));
    g_assert_nonnull (strstr (run.out, "--now"));
  }
}

static void
test_skipped (void)
{
  g_test_skip ("FORMADESK_CLI does not name the formadesk-cli binary");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* The CLI speaks English here whatever the machine's language. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  cli_path = g_getenv ("FORMADESK_CLI");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_add_func ("/cli/skipped", test_skipped);
      return g_test_run ();
    }

  tmp_dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (tmp_dir, "demo.db", NULL);

  /* One small demo, made through the CLI, for the commands that read. */
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, "--db", demo_path, "demo", "--size", "small", "--seed", "7",
             "--today", "2026-03-03", NULL);
    if (run.status != 0)
      g_printerr ("%s", run.err);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "session"));
  }

  g_test_add_func ("/cli/list/candidates-json", test_list_candidates_json);
  g_test_add_func ("/cli/readers-never-write", test_readers_never_write);
  g_test_add_func ("/cli/list/text", test_list_text);
  g_test_add_func ("/cli/list/json-kinds", test_list_json_kinds);
  g_test_add_func ("/cli/list/limit-zero", test_list_limit_zero);
  g_test_add_func ("/cli/list/json-invalid-text", test_list_json_invalid_text);
  g_test_add_func ("/cli/stats/json-invalid-name", test_stats_json_invalid_name);
  g_test_add_func ("/cli/stats", test_stats);
  g_test_add_func ("/cli/verify", test_verify);
  g_test_add_func ("/cli/verify/names-records", test_verify_names_records);
  g_test_add_func ("/cli/bench", test_bench);
  g_test_add_func ("/cli/bench/french", test_bench_french);
  g_test_add_func ("/cli/conflicts/text", test_conflicts_text);
  g_test_add_func ("/cli/conflicts/json", test_conflicts_json);
  g_test_add_func ("/cli/conflicts/bad-dates", test_conflicts_bad_dates);
  g_test_add_func ("/cli/conflicts/suggest", test_conflicts_suggest);
  g_test_add_func ("/cli/holidays/text", test_holidays_text);
  g_test_add_func ("/cli/holidays/json", test_holidays_json);
  g_test_add_func ("/cli/holidays/bad-usage", test_holidays_bad_usage);
  g_test_add_func ("/cli/emails/text", test_emails_text);
  g_test_add_func ("/cli/emails/json", test_emails_json);
  g_test_add_func ("/cli/emails/queue-due", test_emails_queue_due);
  g_test_add_func ("/cli/emails/bad-template", test_emails_bad_template);
  g_test_add_func ("/cli/emails/bad-usage", test_emails_bad_usage);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/demo/refuses-data", test_demo_refuses_data);
  g_test_add_func ("/cli/demo/french", test_demo_french);
  g_test_add_func ("/cli/error/not-a-database", test_not_a_database);
  g_test_add_func ("/cli/error/read-only", test_read_only);
  g_test_add_func ("/cli/error/too-new", test_too_new);
  g_test_add_func ("/cli/error/missing-file", test_missing_file);
  g_test_add_func ("/cli/error/missing-table", test_missing_table);
  g_test_add_func ("/cli/error/truncated", test_truncated);
  g_test_add_func ("/cli/error/usage", test_bad_usage);
  g_test_add_func ("/cli/duplicate/prints-code", test_duplicate_prints_code);
  g_test_add_func ("/cli/duplicate/errors", test_duplicate_errors);
  g_test_add_func ("/cli/enroll/enroll-and-unenroll", test_enroll_and_unenroll);
  g_test_add_func ("/cli/enroll/errors", test_enroll_errors);
  g_test_add_func ("/cli/show/json", test_show_json);
  g_test_add_func ("/cli/import/bad-row-writes-nothing", test_import_bad_row_writes_nothing);
  g_test_add_func ("/cli/import/dry-run-writes-nothing", test_import_dry_run_writes_nothing);
  g_test_add_func ("/cli/import/writes", test_import_writes);
  g_test_add_func ("/cli/import/json", test_import_json);
  g_test_add_func ("/cli/import/usage", test_import_usage);

  status = g_test_run ();

  core_remove_dir (tmp_dir);
  g_free (demo_path);
  g_free (tmp_dir);

  return status;
}
