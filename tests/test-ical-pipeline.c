/* test-ical-pipeline.c — an export made by two threads is the one made by
 * one, and stops cleanly midway
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-core-common.h"

#include "fd-ical-private.h"

/* More slots than several batches of the pipeline hold, so that both
 * threads have work at once and the last batch is a partial one */
#define N_SLOTS 3001

typedef struct
{
  CoreFixture core;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  FdDatabase *db;
  g_autofree char *paris = NULL;
  g_autofree char *cayenne = NULL;
  g_autofree char *room = NULL;
  g_autofree char *claire = NULL;
  g_autofree char *paul = NULL;
  g_autofree char *session = NULL;
  g_autofree char *sequence = NULL;
  g_autofree char *sql = NULL;
  char *message = NULL;

  core_fixture_set_up (&fixture->core, user_data);
  db = fixture->core.db;

  paris = core_create (db, "place", "name", "Paris Bastille", "address", "18 rue de la Roquette",
                       "postal_code", "75011", "city", "Paris", "time_zone", "Europe/Paris",
                       NULL);
  cayenne = core_create (db, "place", "name", "Cayenne Centre", "city", "Cayenne",
                         "time_zone", "America/Cayenne", NULL);
  room = core_create (db, "room", "place_id", paris, "name", "Salle Voltaire", NULL);
  claire = core_create (db, "trainer", "first_name", "Claire", "last_name", "Dubois",
                        "email", "claire.dubois@example.org", NULL);
  paul = core_create (db, "trainer", "first_name", "Paul", "last_name", "Martin", NULL);
  session = core_create (db, "session", "code", "2026-0200", "#year", "2026",
                         "label", "Gestion de projet", "#published", "1", NULL);
  sequence = core_create (db, "sequence", "session_id", session, "label", "Partie 1", NULL);

  /* Written directly: through the write path, thousands of slots would
   * take longer than the test. Every third slot is in Cayenne, every
   * fifth has no place, the trainers vary, one slot in seven has none. */
  sql = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO slot (id, session_id, sequence_id, start_at, end_at, place_id, room_id,"
    "   updated_at, revision)"
    " SELECT printf ('slot-%%05d', i), '%s', '%s',"
    "   strftime ('%%Y-%%m-%%dT%%H:%%M', '2026-01-05 09:00', '+' || (i / 2) || ' days',"
    "     '+' || ((i %% 2) * 270) || ' minutes'),"
    "   strftime ('%%Y-%%m-%%dT%%H:%%M', '2026-01-05 12:30', '+' || (i / 2) || ' days',"
    "     '+' || ((i %% 2) * 270) || ' minutes'),"
    "   CASE WHEN i %% 5 = 0 THEN NULL WHEN i %% 3 = 0 THEN '%s' ELSE '%s' END,"
    "   CASE WHEN i %% 5 <> 0 AND i %% 3 <> 0 THEN '%s' END,"
    "   1767225600000000 + i * 1000000, i %% 4"
    " FROM n;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO slot_staff (id, slot_id, trainer_id, role)"
    " SELECT printf ('staff-a-%%05d', i), printf ('slot-%%05d', i),"
    "   CASE WHEN i %% 2 = 0 THEN '%s' ELSE '%s' END, 'trainer'"
    " FROM n WHERE i %% 7 <> 0"
    " UNION ALL SELECT printf ('staff-b-%%05d', i), printf ('slot-%%05d', i), '%s', 'co_trainer'"
    " FROM n WHERE i %% 11 = 0;",
    N_SLOTS, session, sequence, cayenne, paris, room, N_SLOTS, claire, paul, paul);
  if (sqlite3_exec (_fd_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Could not make the slots: %s", message);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  core_fixture_tear_down (&fixture->core, user_data);
}

static GBytes *
export_bytes (Fixture  *fixture,
              gboolean  threaded,
              guint    *n_events)
{
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (_fd_ical_export_full (fixture->core.db, FD_ICAL_SCOPE_ALL, NULL, output,
                                       threaded, n_events, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (output, NULL, &error));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *found = strstr (text, needle); found != NULL;
       found = strstr (found + 1, needle))
    n++;

  return n;
}

static void
test_threads_same_bytes (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GBytes) one = NULL;
  g_autoptr(GBytes) two = NULL;
  g_autofree char *text = NULL;
  guint n_one = 0;
  guint n_two = 0;

  one = export_bytes (fixture, FALSE, &n_one);
  two = export_bytes (fixture, TRUE, &n_two);

  g_assert_cmpuint (n_one, ==, N_SLOTS);
  g_assert_cmpuint (n_two, ==, N_SLOTS);
  g_assert_true (g_bytes_equal (one, two));

  /* and what they hold is every slot, in order, with its zone */
  text = g_strndup (g_bytes_get_data (one, NULL), g_bytes_get_size (one));
  g_assert_cmpuint (count (text, "BEGIN:VEVENT\r\n"), ==, N_SLOTS);
  g_assert_cmpuint (count (text, "BEGIN:VTIMEZONE\r\n"), ==, 2);
  g_assert_nonnull (strstr (text, "TZID:America/Cayenne\r\n"));
  g_assert_nonnull (strstr (text, "UID:slot-slot-03001@formadesk\r\n"));
  g_assert_true (strstr (text, "UID:slot-slot-00001@formadesk") <
                 strstr (text, "UID:slot-slot-00002@formadesk"));
  g_assert_nonnull (strstr (text, "DESCRIPTION:Trainers: Claire Dubois\\, Paul Martin\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
}

/* Cancels the export's cancellable once SQLite has run a while: the
 * export is then midway through its rows */
static int
on_progress_cancel_cb (void *data)
{
  g_cancellable_cancel (data);

  return 0;
}

static void
test_cancelled_midway_no_file (Fixture       *fixture,
                               gconstpointer  user_data)
{
  sqlite3 *handle = _fd_database_get_handle (fixture->core.db);
  g_autofree char *path = g_build_filename (fixture->core.dir, "cancelled.ics", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (int threaded = 0; threaded <= 1; threaded++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      guint n_events = 12345;

      sqlite3_progress_handler (handle, 200000, on_progress_cancel_cb, cancellable);
      g_assert_false (_fd_ical_export_to_file_full (fixture->core.db, FD_ICAL_SCOPE_ALL, NULL,
                                                    path, threaded, &n_events, cancellable,
                                                    &error));
      sqlite3_progress_handler (handle, 0, NULL, NULL);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (n_events, ==, 0);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* no temporary file left behind either */
  dir = g_dir_open (fixture->core.dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".part"));

  /* and the database is usable again: a whole export follows */
  {
    g_autoptr(GError) error = NULL;
    guint n_events = 0;

    g_assert_true (_fd_ical_export_to_file_full (fixture->core.db, FD_ICAL_SCOPE_ALL, NULL,
                                                 path, TRUE, &n_events, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_events, ==, N_SLOTS);
  }
}

/* An output that fails once it has taken @limit bytes, as a full disk */
#define TEST_TYPE_SHORT_OUTPUT (test_short_output_get_type ())
G_DECLARE_FINAL_TYPE (TestShortOutput, test_short_output, TEST, SHORT_OUTPUT, GOutputStream)

struct _TestShortOutput
{
  GOutputStream parent_instance;
  gsize limit;
  gsize written;
};

G_DEFINE_FINAL_TYPE (TestShortOutput, test_short_output, G_TYPE_OUTPUT_STREAM)

static gssize
test_short_output_write_fn (GOutputStream  *stream,
                            const void     *buffer,
                            gsize           count,
                            GCancellable   *cancellable,
                            GError        **error)
{
  TestShortOutput *self = TEST_SHORT_OUTPUT (stream);

  if (self->written + count > self->limit)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left");
      return -1;
    }
  self->written += count;

  return (gssize) count;
}

static void
test_short_output_class_init (TestShortOutputClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_short_output_write_fn;
}

static void
test_short_output_init (TestShortOutput *self)
{
}

static void
test_write_error_midway (Fixture       *fixture,
                         gconstpointer  user_data)
{
  for (int threaded = 0; threaded <= 1; threaded++)
    {
      g_autoptr(TestShortOutput) output = g_object_new (TEST_TYPE_SHORT_OUTPUT, NULL);
      g_autoptr(GError) error = NULL;
      guint n_events = 12345;

      output->limit = 200 * 1024;
      g_assert_false (_fd_ical_export_full (fixture->core.db, FD_ICAL_SCOPE_ALL, NULL,
                                            G_OUTPUT_STREAM (output), threaded, &n_events,
                                            NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpuint (n_events, ==, 0);
      g_assert_cmpuint (output->written, >, 0);
      g_assert_cmpuint (output->written, <=, output->limit);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ical/pipeline/threads-same-bytes", Fixture, NULL, fixture_set_up,
              test_threads_same_bytes, fixture_tear_down);
  g_test_add ("/ical/pipeline/cancelled-midway-no-file", Fixture, NULL, fixture_set_up,
              test_cancelled_midway_no_file, fixture_tear_down);
  g_test_add ("/ical/pipeline/write-error-midway", Fixture, NULL, fixture_set_up,
              test_write_error_midway, fixture_tear_down);

  return g_test_run ();
}
