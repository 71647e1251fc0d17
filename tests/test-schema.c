/* test-schema.c — opening, creating and migrating databases; bad files
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fd-core.h"
#include "fd-database-private.h"
#include "fd-schema-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("formadesk-schema-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
query_int (FdDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = _fd_database_prepare (db, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "c.db", NULL);

  /* Without the create flag, a missing file is an error */
  db = fd_database_open (fixture->path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = fd_database_open (nested, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_database_get_schema_version (db), ==, FD_SCHEMA_VERSION);
  g_assert_true (fd_database_is_empty (db));
  g_assert_true (g_uuid_string_is_valid (fd_database_get_device_id (db)));
  g_assert_cmpstr (fd_database_get_path (db), ==, nested);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
  /* NORMAL; signatures are committed with FULL (test-editing checks it) */
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 1);
}

static void
test_reopen_keeps_device (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) first = fd_database_open (fixture->path, FD_DATABASE_OPEN_CREATE, &error);
  g_autoptr(FdDatabase) second = NULL;
  g_autofree char *device = NULL;

  g_assert_no_error (error);
  device = g_strdup (fd_database_get_device_id (first));
  g_clear_object (&first);

  second = fd_database_open (fixture->path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_database_get_device_id (second), ==, device);
}

static void
test_every_table_is_synced (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = fd_database_open (fixture->path, FD_DATABASE_OPEN_CREATE, &error);
  static const char * const domain[] = {
    "organisation", "training", "module", "session", "sequence", "slot", "slot_staff", "place",
    "room", "trainer", "unavailability", "client", "trainee", "enrollment", "trainee_group",
    "group_member", "cost", "certification", "cert_order", "cert_order_line", "cert_assignment",
    "activation_code", "attendance", "document", "email_template", "email_message", "expense",
    "trainer_invoice", "quality_ticket", "user_account", "evaluation", "population",
    "population_member", "session_population", "session_email", "attachment", "conflict_ack",
  };

  g_assert_no_error (error);

  /* The glossary's every entity has a table with the sync columns */
  for (guint i = 0; i < G_N_ELEMENTS (domain); i++)
    {
      sqlite3_stmt *stmt = _fd_database_prepare (db,
                                                 "SELECT count(*) FROM pragma_table_info(?1)"
                                                 " WHERE name IN ('id', 'version', 'revision', 'deleted',"
                                                 " 'updated_at')",
                                                 NULL);

      sqlite3_bind_text (stmt, 1, domain[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_test_message ("%s", domain[i]);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 5);
      sqlite3_reset (stmt);
    }
}

/* Version 1 databases, with data, migrate to the current version keeping it */
static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) old = _fd_database_open_at_version (fixture->path, 1, &error);
  g_autoptr(FdDatabase) db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (fd_database_get_schema_version (old), ==, 1);
  g_assert_null (fd_database_get_device_id (old));

  /* Today's write path needs today's schema: write as version 1 did */
  g_assert_true (_fd_database_run (old, "INSERT INTO trainee (id, first_name, last_name)"
                                        " VALUES ('0190a000-0000-7000-8000-000000000001',"
                                        " 'Hélène', 'Dupont')", &error));
  g_assert_true (_fd_database_run (old, "INSERT INTO outbox (mutation_id, name, entity_id, args,"
                                        " created_at) VALUES ('m', 'trainee.create',"
                                        " '0190a000-0000-7000-8000-000000000001', '{}', 0)",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  db = fd_database_open (fixture->path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_database_get_schema_version (db), ==, FD_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM trainee WHERE first_name = 'Hélène'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM field_version"), ==, 0);
  g_assert_true (g_uuid_string_is_valid (fd_database_get_device_id (db)));
  g_assert_cmpint (fd_database_count_outbox (db), ==, 1);
  /* Rows written before revisions existed are at revision 0 */
  g_assert_cmpint (query_int (db, "SELECT revision FROM trainee"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info('place')"
                                  " WHERE name = 'time_zone'"), ==, 1);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
assert_refused_untouched (const char *path,
                          gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(FdDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st_before, st_after;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  db = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, FD_DATABASE_ERROR, code);
  /* The message names the file, for the user */
  g_assert_nonnull (strstr (error->message, "test.db"));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mode, ==, st_after.st_mode);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "Nom;Prénom\nDupont;Hélène\n", -1, &error);
  g_assert_no_error (error);
  assert_refused_untouched (fixture->path, FD_DATABASE_ERROR_NOT_A_DATABASE);

  /* A SQLite header on garbage */
  g_file_set_contents (fixture->path, "SQLite format 3\0garbage garbage garbage", 40, &error);
  g_assert_no_error (error);
  assert_refused_untouched (fixture->path, FD_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = fd_database_open (fixture->dir, FD_DATABASE_OPEN_CREATE, &error);

  g_assert_null (db);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
make_plain_sqlite (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  user_data)
{
  make_plain_sqlite (fixture->path, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  assert_refused_untouched (fixture->path, FD_DATABASE_ERROR_TOO_NEW);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = fd_database_open (fixture->path, FD_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  assert_refused_untouched (fixture->path, FD_DATABASE_ERROR_READ_ONLY);
  g_chmod (fixture->path, 0644);
}

/* A file cut short: the message names it */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = fd_database_open (fixture->path, FD_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpint (truncate (fixture->path, 1000), ==, 0);

  db = fd_database_open (fixture->path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

/* A table or column dropped by another program: the message names it */
static void
test_dropped_table (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = fd_database_open (fixture->path, FD_DATABASE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_fd_database_get_handle (db), "DROP TABLE trainer",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  problems = fd_database_verify (db, &error);
  g_assert_null (problems);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE);
  expected = g_strdup_printf ("The database “%s” has no table “trainer”: it is damaged or was "
                              "changed by another program.", fixture->path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_null (_fd_database_prepare (db, "SELECT t.nickname FROM trainee t", &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "no column “nickname”"));
  g_clear_error (&error);

  /* Other errors keep their own message */
  g_assert_null (_fd_database_prepare (db, "SELEKT 1", &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED);
  g_assert_null (strstr (error->message, "SELEKT"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/schema/create", test_create);
  ADD ("/schema/reopen-keeps-device", test_reopen_keeps_device);
  ADD ("/schema/every-table-is-synced", test_every_table_is_synced);
  ADD ("/schema/migrate/from-v1", test_migrate_from_v1);
  ADD ("/schema/refuse/not-a-database", test_not_a_database);
  ADD ("/schema/refuse/directory", test_directory);
  ADD ("/schema/refuse/too-new", test_too_new);
  ADD ("/schema/refuse/read-only", test_read_only);
  ADD ("/schema/refuse/truncated", test_truncated);
  ADD ("/schema/error/dropped-table", test_dropped_table);

#undef ADD

  return g_test_run ();
}
