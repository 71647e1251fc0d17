/* test-concurrency.c — what real users do at once: the app's worker, a
 * second connection and a second process writing together; two processes
 * creating one new file; the CLI run beside the app; kill -9 mid-write
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-core-common.h"

/* Sessions each writer creates; FORMADESK_TEST_WRITES overrides it */
static guint n_writes = 3000;

/* Creates @count sessions, one transaction each; returns the failures.
 * With @out, prints each id once committed. */
static guint
write_sessions (FdDatabase *db,
                guint       count,
                FILE       *out)
{
  guint failures = 0;

  for (guint i = 0; count == 0 || i < count; i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("session");
      g_autoptr(GError) error = NULL;

      fd_change_set_int (change, "year", 2027);
      fd_change_set_string (change, "label", "Sauveteur secouriste du travail");
      if (!fd_database_apply (db, change, &error))
        {
          g_printerr ("write %u: %s\n", i, error->message);
          failures++;
        }
      else if (out != NULL)
        {
          fprintf (out, "%s\n", fd_change_get_id (change));
          fflush (out);
        }
    }

  return failures;
}

/* The second process: `test-concurrency --writer PATH COUNT` */
static int
run_writer (const char *path,
            guint       count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  guint failures;

  if (db == NULL)
    {
      g_printerr ("open: %s\n", error->message);
      return 2;
    }

  failures = write_sessions (db, count, count == 0 ? stdout : NULL);

  return failures == 0 ? 0 : 1;
}

static GPid
spawn_writer (const char *path,
              guint       count,
              int        *stdout_fd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  const char *argv[] = { "/proc/self/exe", "--writer", path, count_text, NULL };
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  GPid pid = 0;

  argv[0] = self;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, stdout_fd, NULL, &error));
  g_assert_no_error (error);

  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  return status;
}

typedef struct
{
  const char *path;
  guint failures;
} WorkerData;

static gpointer
worker_thread (gpointer user_data)
{
  WorkerData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = fd_database_open (data->path, FD_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  data->failures = write_sessions (db, n_writes, NULL);

  return NULL;
}

/* The app's worker thread, a second connection of the main thread and a
 * second process each create sessions at once: none fails with "busy",
 * none is lost, every code is unique */
static void
test_three_writers (CoreFixture   *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) second = fd_database_open (fixture->path, FD_DATABASE_OPEN_DEFAULT, &error);
  WorkerData data = { fixture->path, 0 };
  GThread *thread;
  GPid pid;
  guint failures;
  int status;

  g_assert_no_error (error);

  pid = spawn_writer (fixture->path, n_writes, NULL);
  thread = g_thread_new ("worker", worker_thread, &data);
  failures = write_sessions (second, n_writes, NULL);
  g_thread_join (thread);
  status = wait_child (pid);

  g_assert_cmpuint (failures, ==, 0);
  g_assert_cmpuint (data.failures, ==, 0);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM session", NULL), ==, 3 * n_writes);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(DISTINCT code) FROM session", NULL),
                   ==, 3 * n_writes);
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 3 * n_writes);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM change_log"
                                                " WHERE entity = 'session'", NULL), >, 0);
}

/* Four processes open the same new file at once: it is migrated once, and
 * each one's session is there */
static void
test_new_file_opened_at_once (CoreFixture   *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = NULL;
  GPid pids[4];

  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    pids[i] = spawn_writer (path, 1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      int status = wait_child (pids[i]);

      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  db = fd_database_open (path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM session", NULL), ==, 4);
  /* one device id: the migration that makes it ran once */
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM sync_state WHERE key = 'device_id'", NULL),
                   ==, 1);
  g_assert_cmpint (fd_database_get_schema_version (db), ==, core_query_int (db, "PRAGMA user_version", NULL));
}

static void
run_cli (const char *path,
         const char *command)
{
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("FORMADESK_CLI");
  const char *argv[] = { cli, "--db", path, command, NULL };
  int status = 0;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The app keeps its connection while a second one of the same process
 * opens and closes (the calendar's thread), and the CLI runs beside it:
 * nothing the app committed is lost */
static void
test_cli_beside_the_app (CoreFixture   *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_assert_cmpuint (write_sessions (fixture->db, 5, NULL), ==, 0);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(FdDatabase) other = fd_database_open (fixture->path, FD_DATABASE_OPEN_DEFAULT, &error);

      g_assert_no_error (error);
      g_clear_object (&other);

      run_cli (fixture->path, "stats");
      run_cli (fixture->path, "verify");
      g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (write_sessions (fixture->db, 5, NULL), ==, 0);
    }

  g_clear_object (&fixture->db);
  db = fd_database_open (fixture->path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM session", NULL), ==, 20);
}

/* kill -9 in the middle of writes: the file is intact and every write the
 * writer saw committed is there */
static void
test_kill_mid_write (CoreFixture   *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FdDatabase) db = NULL;
  g_autofree char *integrity = NULL;
  int out = -1;
  GPid pid;
  int status;

  g_clear_object (&fixture->db);
  pid = spawn_writer (fixture->path, 0, &out);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);

  while (ids->len < 200)
    {
      char *line = NULL;
      gsize terminator = 0;

      g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, &terminator, &error), ==,
                       G_IO_STATUS_NORMAL);
      line[terminator] = '\0';
      g_ptr_array_add (ids, line);
    }
  kill (pid, SIGKILL);
  status = wait_child (pid);
  g_assert_true (WIFSIGNALED (status));

  db = fd_database_open (fixture->path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  integrity = core_query_text (db, "PRAGMA integrity_check", NULL);
  g_assert_cmpstr (integrity, ==, "ok");
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM session WHERE id = ?1",
                                     g_ptr_array_index (ids, i)), ==, 1);
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM session", NULL), >=, ids->len);
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM session", NULL), ==,
                   fd_database_count_outbox (db));
}

int
main (int   argc,
      char *argv[])
{
  const char *writes = g_getenv ("FORMADESK_TEST_WRITES");

  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));

  if (writes != NULL)
    n_writes = (guint) g_ascii_strtoull (writes, NULL, 10);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CoreFixture, NULL, core_fixture_set_up, func, core_fixture_tear_down)

  ADD ("/concurrency/three-writers", test_three_writers);
  ADD ("/concurrency/new-file-opened-at-once", test_new_file_opened_at_once);
  ADD ("/concurrency/cli-beside-the-app", test_cli_beside_the_app);
  ADD ("/concurrency/kill-mid-write", test_kill_mid_write);

#undef ADD

  return g_test_run ();
}
