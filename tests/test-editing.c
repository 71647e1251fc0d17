/* test-editing.c — what edits rest on: revisions, merges and conflicts,
 * nested transactions, change announcements, inverses, read-only opens
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-core-common.h"

static char *
create_trainee (FdDatabase *db,
                const char *first,
                const char *last)
{
  return core_create (db, "trainee", "first_name", first, "last_name", last, NULL);
}

static gboolean
update_trainee (FdDatabase  *db,
                const char  *id,
                gint64       base,
                const char  *field,
                const char  *value,
                GError     **error)
{
  g_autoptr(FdChange) change = fd_change_new_update ("trainee", id, base);

  fd_change_set_string (change, field, value);

  return fd_database_apply (db, change, error);
}

/* Two people open the same trainee; each saves a different field */
static void
test_disjoint_fields_merge (CoreFixture   *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = create_trainee (fixture->db, "Hélène", "Dupont");
  g_autofree char *name = NULL;
  gint64 seen = core_revision (fixture->db, "trainee", id);

  g_assert_cmpint (seen, >, 0);
  g_assert_true (update_trainee (fixture->db, id, seen, "email", "helene@exemple.fr", &error));
  g_assert_no_error (error);
  g_assert_cmpint (core_revision (fixture->db, "trainee", id), >, seen);

  /* Made on the older revision, but of another field: merged */
  g_assert_true (update_trainee (fixture->db, id, seen, "city", "Lyon", &error));
  g_assert_no_error (error);

  name = core_query_text (fixture->db, "SELECT email || ' ' || city FROM trainee WHERE id = ?1", id);
  g_assert_cmpstr (name, ==, "helene@exemple.fr Lyon");
}

/* … and the same field: the second is a conflict naming it, and nothing
 * of it is written */
static void
test_same_field_conflicts (CoreFixture   *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = create_trainee (fixture->db, "Hélène", "Dupont");
  g_autofree char *last = NULL;
  gint64 seen = core_revision (fixture->db, "trainee", id);
  gint64 outbox;

  g_assert_true (update_trainee (fixture->db, id, seen, "last_name", "Martin", &error));
  outbox = fd_database_count_outbox (fixture->db);

  g_assert_false (update_trainee (fixture->db, id, seen, "last_name", "Moreau", &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_CONFLICT);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "last_name");
  g_assert_nonnull (strstr (error->message, "Last name"));

  last = core_query_text (fixture->db, "SELECT last_name FROM trainee WHERE id = ?1", id);
  g_assert_cmpstr (last, ==, "Martin");
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox);

  /* Made on what is there now, it goes through */
  g_clear_error (&error);
  g_assert_true (update_trainee (fixture->db, id, core_revision (fixture->db, "trainee", id),
                                 "last_name", "Moreau", &error));
  g_assert_no_error (error);
}

/* The outbox sends the server version the row had, and a batch id for an
 * operation that writes several rows */
static void
test_outbox_base_and_batch (CoreFixture   *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autofree char *id = create_trainee (fixture->db, "Zoé", "Martin");
  g_autofree char *batch_id = NULL;
  FdChange *one = fd_change_new_create ("trainee");
  FdChange *two = fd_change_new_create ("trainee");

  g_assert_true (_fd_database_run (fixture->db, "UPDATE trainee SET version = 41", &error));
  g_assert_true (update_trainee (fixture->db, id, core_revision (fixture->db, "trainee", id),
                                 "city", "Brest", &error));
  g_assert_cmpint (core_query_int (fixture->db, "SELECT base_version FROM outbox"
                                                " WHERE name = 'trainee.update'", NULL), ==, 41);
  g_assert_null (core_query_text (fixture->db, "SELECT batch_id FROM outbox"
                                               " WHERE name = 'trainee.update'", NULL));

  fd_change_set_string (one, "first_name", "Anne");
  fd_change_set_string (one, "last_name", "Morel");
  fd_change_set_string (two, "first_name", "Paul");
  fd_change_set_string (two, "last_name", "Roy");
  g_ptr_array_add (batch, one);
  g_ptr_array_add (batch, two);
  g_assert_true (fd_database_apply_all (fixture->db, batch, &error));
  g_assert_no_error (error);

  batch_id = core_query_text (fixture->db, "SELECT batch_id FROM outbox WHERE entity_id = ?1",
                              fd_change_get_id (one));
  g_assert_true (g_uuid_string_is_valid (batch_id));
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM outbox WHERE batch_id = ?1",
                                   batch_id), ==, 2);
}

/* An inner rollback undoes only its own part */
static void
test_nested_rollback (CoreFixture   *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) first = fd_change_new_create ("trainee");
  g_autoptr(FdChange) second = fd_change_new_create ("trainee");

  fd_change_set_string (first, "first_name", "Anne");
  fd_change_set_string (first, "last_name", "Morel");
  fd_change_set_string (second, "first_name", "Paul");
  fd_change_set_string (second, "last_name", "Roy");

  g_assert_true (fd_database_begin (fixture->db, &error));
  g_assert_true (fd_database_apply (fixture->db, first, &error));
  g_assert_true (fd_database_begin (fixture->db, &error));
  g_assert_true (fd_database_apply (fixture->db, second, &error));
  fd_database_rollback (fixture->db);
  g_assert_true (fd_database_commit (fixture->db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM trainee", NULL), ==, 1);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM trainee WHERE id = ?1",
                                   fd_change_get_id (first)), ==, 1);
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 1);

  /* The depth is back to zero: a new transaction starts cleanly */
  g_assert_true (fd_database_begin (fixture->db, &error));
  fd_database_rollback (fixture->db);
  g_assert_true (sqlite3_get_autocommit (_fd_database_get_handle (fixture->db)));
}

static void
on_rows_changed_cb (FdDatabase   *db,
                    FdRowChanges *changes,
                    gpointer      user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, fd_row_changes_ref (changes));
}

/* Announced once per commit, after it, with the rows concerned */
static void
test_changes_announced (CoreFixture   *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_row_changes_unref);
  g_autoptr(FdChange) inside = fd_change_new_create ("trainee");
  g_autofree char *id = NULL;
  FdRowChanges *changes;
  FdChangeKind kind;

  g_signal_connect (fixture->db, "rows-changed", G_CALLBACK (on_rows_changed_cb), seen);

  id = create_trainee (fixture->db, "Hélène", "Dupont");
  g_assert_cmpuint (seen->len, ==, 1);
  changes = g_ptr_array_index (seen, 0);
  g_assert_false (fd_row_changes_is_reset (changes));
  g_assert_cmpuint (fd_row_changes_get_length (changes), ==, 1);
  g_assert_cmpstr (fd_row_changes_get_entity (changes, 0), ==, "trainee");
  g_assert_cmpstr (fd_row_changes_get_id (changes, 0), ==, id);
  g_assert_cmpint (fd_row_changes_get_kind (changes, 0), ==, FD_CHANGE_CREATE);
  g_assert_true (fd_row_changes_touches (changes, "trainee"));
  g_assert_false (fd_row_changes_touches (changes, "session"));

  /* Nothing while a transaction is open; a rolled back one never */
  fd_change_set_string (inside, "first_name", "Paul");
  fd_change_set_string (inside, "last_name", "Roy");
  g_assert_true (fd_database_begin (fixture->db, &error));
  g_assert_true (fd_database_apply (fixture->db, inside, &error));
  g_assert_true (update_trainee (fixture->db, id, core_revision (fixture->db, "trainee", id),
                                 "city", "Lyon", &error));
  g_assert_cmpuint (seen->len, ==, 1);
  fd_database_rollback (fixture->db);
  g_assert_cmpuint (seen->len, ==, 1);

  g_assert_true (update_trainee (fixture->db, id, core_revision (fixture->db, "trainee", id),
                                 "city", "Lyon", &error));
  g_assert_cmpuint (seen->len, ==, 2);
  changes = g_ptr_array_index (seen, 1);
  g_assert_cmpuint (fd_row_changes_get_length (changes), ==, 1);
  g_assert_true (fd_row_changes_lookup (changes, "trainee", id, &kind));
  g_assert_cmpint (kind, ==, FD_CHANGE_UPDATE);
  g_assert_false (fd_row_changes_lookup (changes, "trainee", fd_change_get_id (inside), NULL));
}

/* What another connection (a worker, the CLI) commits is announced when
 * the database is checked, and only then */
static void
test_other_connection_announced (CoreFixture   *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_row_changes_unref);
  g_autoptr(FdDatabase) other = fd_database_open (fixture->path, FD_DATABASE_OPEN_DEFAULT, &error);
  g_autofree char *id = NULL;
  FdRowChanges *changes;

  g_assert_no_error (error);
  g_signal_connect (fixture->db, "rows-changed", G_CALLBACK (on_rows_changed_cb), seen);

  fd_database_check_changes (fixture->db);
  g_assert_cmpuint (seen->len, ==, 0);

  id = create_trainee (other, "Anne", "Morel");
  g_assert_cmpuint (seen->len, ==, 0);
  fd_database_check_changes (fixture->db);
  g_assert_cmpuint (seen->len, ==, 1);
  changes = g_ptr_array_index (seen, 0);
  g_assert_true (fd_row_changes_lookup (changes, "trainee", id, NULL));

  /* Once only */
  fd_database_check_changes (fixture->db);
  g_assert_cmpuint (seen->len, ==, 1);

  /* The other connection's own announcements do not repeat ours */
  g_clear_pointer (&id, g_free);
  id = create_trainee (fixture->db, "Paul", "Roy");
  g_assert_cmpuint (seen->len, ==, 2);
  fd_database_check_changes (fixture->db);
  g_assert_cmpuint (seen->len, ==, 2);
}

/* More rows than are worth listing are announced as a reset */
static void
test_big_batch_is_a_reset (CoreFixture   *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_row_changes_unref);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);

  for (guint i = 0; i < 6000; i++)
    {
      FdChange *change = fd_change_new_create ("trainee");

      fd_change_set_string (change, "first_name", "Anne");
      fd_change_set_string (change, "last_name", "Morel");
      g_ptr_array_add (batch, change);
    }

  g_signal_connect (fixture->db, "rows-changed", G_CALLBACK (on_rows_changed_cb), seen);
  g_assert_true (fd_database_apply_all (fixture->db, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (fd_row_changes_is_reset (g_ptr_array_index (seen, 0)));

  /* … and what follows is listed again */
  g_free (create_trainee (fixture->db, "Paul", "Roy"));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_false (fd_row_changes_is_reset (g_ptr_array_index (seen, 1)));
  g_assert_cmpuint (fd_row_changes_get_length (g_ptr_array_index (seen, 1)), ==, 1);
}

static gboolean
apply_with_inverse (FdDatabase  *db,
                    FdChange    *change,
                    GPtrArray  **inverse)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_ptr_array_add (changes, change);
  ok = fd_database_apply_all_with_inverse (db, changes, inverse, &error);
  g_assert_no_error (error);

  return ok;
}

/* The inverse of an update puts the old values back through the write
 * path; of a create deletes; of a delete restores */
static void
test_inverse_changes (CoreFixture   *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = create_trainee (fixture->db, "Hélène", "Dupont");
  g_autoptr(FdChange) update = fd_change_new_update ("trainee", id,
                                                     core_revision (fixture->db, "trainee", id));
  g_autoptr(FdChange) create = fd_change_new_create ("trainee");
  g_autoptr(FdChange) remove = NULL;
  g_autoptr(GPtrArray) inverse = NULL;
  g_autoptr(GPtrArray) redo = NULL;
  g_autofree char *text = NULL;

  fd_change_set_string (update, "last_name", "Martin");
  fd_change_set_string (update, "city", "Lyon");
  g_assert_true (apply_with_inverse (fixture->db, update, &inverse));
  g_assert_cmpuint (inverse->len, ==, 1);

  g_assert_true (fd_database_apply_all_with_inverse (fixture->db, inverse, &redo, &error));
  g_assert_no_error (error);
  text = core_query_text (fixture->db, "SELECT last_name || '/' || coalesce(city, '-')"
                                       " || '/' || sort_key FROM trainee WHERE id = ?1", id);
  g_assert_cmpstr (text, ==, "Dupont/-/dupont helene");

  /* The inverse of the inverse does it again */
  g_assert_true (fd_database_apply_all (fixture->db, redo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = core_query_text (fixture->db, "SELECT last_name || '/' || city FROM trainee WHERE id = ?1", id);
  g_assert_cmpstr (text, ==, "Martin/Lyon");

  /* create ↔ delete, delete ↔ restore */
  g_clear_pointer (&inverse, g_ptr_array_unref);
  fd_change_set_string (create, "first_name", "Paul");
  fd_change_set_string (create, "last_name", "Roy");
  g_assert_true (apply_with_inverse (fixture->db, create, &inverse));
  g_assert_cmpint (fd_change_get_kind (g_ptr_array_index (inverse, 0)), ==, FD_CHANGE_DELETE);
  g_assert_true (fd_database_apply_all (fixture->db, inverse, &error));
  g_assert_cmpint (core_query_int (fixture->db, "SELECT deleted FROM trainee WHERE id = ?1",
                                   fd_change_get_id (create)), ==, 1);

  g_clear_pointer (&inverse, g_ptr_array_unref);
  remove = fd_change_new_delete ("trainee", id, core_revision (fixture->db, "trainee", id));
  g_assert_true (apply_with_inverse (fixture->db, remove, &inverse));
  g_assert_cmpint (fd_change_get_kind (g_ptr_array_index (inverse, 0)), ==, FD_CHANGE_RESTORE);
  g_assert_true (fd_database_apply_all (fixture->db, inverse, &error));
  g_assert_no_error (error);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT deleted FROM trainee WHERE id = ?1", id), ==, 0);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM outbox"
                                                " WHERE name = 'trainee.restore'", NULL), ==, 1);
}

/* An undo made after someone else changed the same field is refused */
static void
test_inverse_conflicts (CoreFixture   *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = create_trainee (fixture->db, "Hélène", "Dupont");
  g_autoptr(FdChange) update = fd_change_new_update ("trainee", id,
                                                     core_revision (fixture->db, "trainee", id));
  g_autoptr(GPtrArray) inverse = NULL;

  fd_change_set_string (update, "city", "Lyon");
  g_assert_true (apply_with_inverse (fixture->db, update, &inverse));
  g_assert_true (update_trainee (fixture->db, id, core_revision (fixture->db, "trainee", id),
                                 "city", "Brest", &error));

  g_assert_false (fd_database_apply_all (fixture->db, inverse, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_CONFLICT);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "city");
}

static gboolean
history_set_city (FdHistory   *history,
                  const char  *id,
                  const char  *city,
                  GError     **error)
{
  FdDatabase *db = fd_history_get_database (history);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  FdChange *change = fd_change_new_update ("trainee", id, core_revision (db, "trainee", id));

  fd_change_set_string (change, "city", city);
  g_ptr_array_add (changes, change);

  return fd_history_apply (history, "City changed", changes, error);
}

static char *
trainee_city (FdDatabase *db,
              const char *id)
{
  return core_query_text (db, "SELECT coalesce(city, '-') FROM trainee WHERE id = ?1", id);
}

/* Undo and redo go through the write path, and say what they would do */
static void
test_history_undo_redo (CoreFixture   *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdHistory) history = fd_history_new (fixture->db);
  g_autofree char *id = create_trainee (fixture->db, "Hélène", "Dupont");
  g_autofree char *city = NULL;
  gint64 outbox;

  g_assert_false (fd_history_get_can_undo (history));
  g_assert_true (history_set_city (history, id, "Lyon", &error));
  g_assert_true (history_set_city (history, id, "Brest", &error));
  g_assert_true (fd_history_get_can_undo (history));
  g_assert_false (fd_history_get_can_redo (history));
  g_assert_cmpstr (fd_history_get_undo_label (history), ==, "City changed");
  outbox = fd_database_count_outbox (fixture->db);

  g_assert_true (fd_history_undo (history, &error));
  city = trainee_city (fixture->db, id);
  g_assert_cmpstr (city, ==, "Lyon");
  g_assert_true (fd_history_undo (history, &error));
  g_clear_pointer (&city, g_free);
  city = trainee_city (fixture->db, id);
  g_assert_cmpstr (city, ==, "-");
  g_assert_false (fd_history_get_can_undo (history));
  g_assert_true (fd_history_get_can_redo (history));
  /* recorded like any other edit */
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox + 2);

  g_assert_true (fd_history_redo (history, &error));
  g_clear_pointer (&city, g_free);
  city = trainee_city (fixture->db, id);
  g_assert_cmpstr (city, ==, "Lyon");

  /* A new edit drops what could be redone */
  g_assert_true (history_set_city (history, id, "Paris", &error));
  g_assert_false (fd_history_get_can_redo (history));
  g_assert_no_error (error);
}

/* An undo refused (the field changed since) keeps the step */
static void
test_history_undo_refused (CoreFixture   *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdHistory) history = fd_history_new (fixture->db);
  g_autofree char *id = create_trainee (fixture->db, "Hélène", "Dupont");
  g_autofree char *city = NULL;

  g_assert_true (history_set_city (history, id, "Lyon", &error));
  g_assert_true (update_trainee (fixture->db, id, core_revision (fixture->db, "trainee", id),
                                 "city", "Brest", &error));

  g_assert_false (fd_history_undo (history, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_CONFLICT);
  g_assert_true (fd_history_get_can_undo (history));
  city = trainee_city (fixture->db, id);
  g_assert_cmpstr (city, ==, "Brest");
}

static void
on_rows_changed_read_sync_cb (FdDatabase   *db,
                              FdRowChanges *changes,
                              gint64       *mode)
{
  *mode = core_query_int (db, "PRAGMA synchronous", NULL);
}

/* Signatures must survive a power cut: their commits wait for the disk
 * (synchronous=FULL); other edits need not (NORMAL, safe from crashes) */
static void
test_attendance_full_sync (CoreFixture   *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trainee = create_trainee (fixture->db, "Hélène", "Dupont");
  g_autofree char *session = NULL;
  g_autofree char *sequence = NULL;
  g_autofree char *slot = NULL;
  g_autoptr(FdChange) change = fd_change_new_create ("session");
  g_autoptr(FdChange) sign = fd_change_new_create ("attendance");
  gint64 mode = -1;

  g_signal_connect (fixture->db, "rows-changed", G_CALLBACK (on_rows_changed_read_sync_cb), &mode);

  fd_change_set_int (change, "year", 2026);
  fd_change_set_string (change, "label", "Excel");
  core_apply (fixture->db, change);
  g_assert_cmpint (mode, ==, 1);
  session = g_strdup (fd_change_get_id (change));
  sequence = core_create (fixture->db, "sequence", "session_id", session, "label", "Jour 1", NULL);
  slot = core_create (fixture->db, "slot", "session_id", session, "sequence_id", sequence,
                      "start_at", "2026-03-03T09:00", "end_at", "2026-03-03T12:00", NULL);

  fd_change_set_string (sign, "slot_id", slot);
  fd_change_set_string (sign, "half_day", "am");
  fd_change_set_string (sign, "trainee_id", trainee);
  fd_change_set_int (sign, "signed_at", g_get_real_time ());
  fd_change_set_string (sign, "device_id", fd_database_get_device_id (fixture->db));
  fd_change_set_string (sign, "method", "kiosk");
  core_apply (fixture->db, sign);
  g_assert_cmpint (mode, ==, 2);

  /* and back to NORMAL for what follows */
  g_assert_true (update_trainee (fixture->db, trainee, core_revision (fixture->db, "trainee", trainee),
                                 "city", "Lyon", &error));
  g_assert_cmpint (mode, ==, 1);
}

static char *
session_dates (FdDatabase *db,
               const char *id)
{
  return core_query_text (db, "SELECT coalesce (starts_on, '-') || ' ' || coalesce (ends_on, '-')"
                              " FROM session WHERE id = ?1", id);
}

static char *
create_dated_session (FdDatabase *db)
{
  g_autoptr(FdChange) change = fd_change_new_create ("session");

  fd_change_set_int (change, "year", 2026);
  fd_change_set_string (change, "label", "Excel");
  core_apply (db, change);

  return g_strdup (fd_change_get_id (change));
}

/* A session's first and last days follow its slots, whichever way they
 * change; they are not the user's to set */
static void
test_session_dates_follow_slots (CoreFixture   *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = create_dated_session (fixture->db);
  g_autofree char *second = create_dated_session (fixture->db);
  g_autofree char *sequence = core_create (fixture->db, "sequence", "session_id", first,
                                           "label", "Jour 1", NULL);
  g_autofree char *other_sequence = core_create (fixture->db, "sequence", "session_id", second,
                                                 "label", "Jour 1", NULL);
  g_autofree char *dates = NULL;
  g_autofree char *slot = NULL;
  g_autofree char *last = NULL;
  g_autoptr(FdChange) move = NULL;
  g_autoptr(FdChange) remove = NULL;
  g_autoptr(FdChange) forged = fd_change_new_update ("session", first, 1 << 30);

  dates = session_dates (fixture->db, first);
  g_assert_cmpstr (dates, ==, "- -");

  slot = core_create (fixture->db, "slot", "session_id", first, "sequence_id", sequence,
                      "start_at", "2026-03-10T09:00", "end_at", "2026-03-10T12:00", NULL);
  last = core_create (fixture->db, "slot", "session_id", first, "sequence_id", sequence,
                      "start_at", "2026-04-02T13:30", "end_at", "2026-04-02T17:00", NULL);
  g_clear_pointer (&dates, g_free);
  dates = session_dates (fixture->db, first);
  g_assert_cmpstr (dates, ==, "2026-03-10 2026-04-02");

  /* moved to the other session: both follow */
  move = fd_change_new_update ("slot", last, core_revision (fixture->db, "slot", last));
  fd_change_set_string (move, "session_id", second);
  fd_change_set_string (move, "sequence_id", other_sequence);
  core_apply (fixture->db, move);
  g_clear_pointer (&dates, g_free);
  dates = session_dates (fixture->db, first);
  g_assert_cmpstr (dates, ==, "2026-03-10 2026-03-10");
  g_clear_pointer (&dates, g_free);
  dates = session_dates (fixture->db, second);
  g_assert_cmpstr (dates, ==, "2026-04-02 2026-04-02");

  remove = fd_change_new_delete ("slot", slot, core_revision (fixture->db, "slot", slot));
  core_apply (fixture->db, remove);
  g_clear_pointer (&dates, g_free);
  dates = session_dates (fixture->db, first);
  g_assert_cmpstr (dates, ==, "- -");

  /* computed, never typed */
  fd_change_set_string (forged, "starts_on", "2020-01-01");
  g_assert_false (fd_database_apply (fixture->db, forged, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_UNKNOWN_FIELD);
}

static gboolean
enroll (FdDatabase  *db,
        const char  *session,
        const char  *trainee,
        GError     **error)
{
  g_autoptr(FdChange) change = fd_change_new_create ("enrollment");

  fd_change_set_string (change, "session_id", session);
  fd_change_set_string (change, "trainee_id", trainee);

  return fd_database_apply (db, change, error);
}

/* A session with populations takes enrollments only from them */
static void
test_population_enrollments (CoreFixture   *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session = create_dated_session (fixture->db);
  g_autofree char *open = create_dated_session (fixture->db);
  g_autofree char *client = core_create (fixture->db, "client", "kind", "company",
                                         "name", "Pharmacie Laurent", NULL);
  g_autofree char *group = core_create (fixture->db, "trainee_group", "name", "Promo 2026",
                                        "category", "class", NULL);
  g_autofree char *employee = core_create (fixture->db, "trainee", "first_name", "Anne",
                                           "last_name", "Morel", "client_id", client, NULL);
  g_autofree char *student = create_trainee (fixture->db, "Paul", "Roy");
  g_autofree char *listed = create_trainee (fixture->db, "Zoé", "Martin");
  g_autofree char *outsider = create_trainee (fixture->db, "Léo", "Petit");
  g_autofree char *by_client = core_create (fixture->db, "population", "name", "Salariés Laurent",
                                            "kind", "client", "client_id", client, NULL);
  g_autofree char *by_group = core_create (fixture->db, "population", "name", "Promo",
                                           "kind", "group", "group_id", group, NULL);
  g_autofree char *by_list = core_create (fixture->db, "population", "name", "Liste",
                                          "kind", "list", NULL);
  gint64 before;

  g_free (core_create (fixture->db, "group_member", "group_id", group, "trainee_id", student, NULL));
  g_free (core_create (fixture->db, "population_member", "population_id", by_list,
                       "trainee_id", listed, NULL));
  g_free (core_create (fixture->db, "session_population", "session_id", session,
                       "population_id", by_client, NULL));
  g_free (core_create (fixture->db, "session_population", "session_id", session,
                       "population_id", by_group, NULL));
  g_free (core_create (fixture->db, "session_population", "session_id", session,
                       "population_id", by_list, NULL));

  g_assert_true (enroll (fixture->db, session, employee, &error));
  g_assert_true (enroll (fixture->db, session, student, &error));
  g_assert_true (enroll (fixture->db, session, listed, &error));
  g_assert_no_error (error);

  before = core_query_int (fixture->db, "SELECT count(*) FROM enrollment", NULL);
  g_assert_false (enroll (fixture->db, session, outsider, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainee_id");
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM enrollment", NULL), ==, before);
  g_clear_error (&error);

  /* A session without populations is open to all */
  g_assert_true (enroll (fixture->db, open, outsider, &error));
  g_assert_no_error (error);
}

static GBytes *
read_file_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_bytes_new_take (contents, length);
}

/* A read-only open never writes: not to an empty file, not to a database */
static void
test_read_only_open (CoreFixture   *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *id = create_trainee (fixture->db, "Hélène", "Dupont");
  g_autoptr(FdDatabase) reader = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(FdChange) change = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  reader = fd_database_open (empty, FD_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (reader);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "empty.db"));
  g_assert_cmpint (g_stat (empty, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_clear_error (&error);

  g_clear_object (&fixture->db);
  before = read_file_bytes (fixture->path);
  reader = fd_database_open (fixture->path, FD_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (core_query_int (reader, "SELECT count(*) FROM trainee", NULL), ==, 1);

  change = fd_change_new_update ("trainee", id, core_revision (reader, "trainee", id));
  fd_change_set_string (change, "city", "Lyon");
  g_assert_false (fd_database_apply (reader, change, &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_READ_ONLY);
  g_clear_object (&reader);

  after = read_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Another program's SQLite database is not taken over */
static void
test_foreign_database_refused (CoreFixture   *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(FdDatabase) db = NULL;
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (handle);

  db = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "other.db"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CoreFixture, NULL, core_fixture_set_up, func, core_fixture_tear_down)

  ADD ("/editing/revision/disjoint-fields-merge", test_disjoint_fields_merge);
  ADD ("/editing/revision/same-field-conflicts", test_same_field_conflicts);
  ADD ("/editing/outbox/base-and-batch", test_outbox_base_and_batch);
  ADD ("/editing/transaction/nested-rollback", test_nested_rollback);
  ADD ("/editing/announce/after-commit", test_changes_announced);
  ADD ("/editing/announce/other-connection", test_other_connection_announced);
  ADD ("/editing/announce/big-batch-is-a-reset", test_big_batch_is_a_reset);
  ADD ("/editing/inverse/round-trip", test_inverse_changes);
  ADD ("/editing/inverse/conflict", test_inverse_conflicts);
  ADD ("/editing/history/undo-redo", test_history_undo_redo);
  ADD ("/editing/history/undo-refused", test_history_undo_refused);
  ADD ("/editing/durability/attendance-full-sync", test_attendance_full_sync);
  ADD ("/editing/derived/session-dates-follow-slots", test_session_dates_follow_slots);
  ADD ("/editing/rules/population-enrollments", test_population_enrollments);
  ADD ("/editing/open/read-only", test_read_only_open);
  ADD ("/editing/open/foreign-database", test_foreign_database_refused);

#undef ADD

  return g_test_run ();
}
