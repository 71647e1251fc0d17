/* test-sync-state.c — core's half of sync: pulled pages, outbox progress,
 * refused mutations
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-core-common.h"

static FdPulledRow *
pulled_trainer (const char *id,
                gint64      version,
                const char *first_name,
                const char *last_name)
{
  FdPulledRow *row = fd_pulled_row_new ("trainer", id, version, FALSE);

  fd_change_set_string (row->values, "first_name", first_name);
  fd_change_set_string (row->values, "last_name", last_name);
  fd_change_set_string (row->values, "kind", "internal");

  return row;
}

/* Applies @rows (taking them) as one page, which must succeed */
static void
apply_page (FdDatabase *db,
            const char *cursor,
            ...)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_pulled_row_free);
  g_autoptr(GError) error = NULL;
  FdPulledRow *row;
  va_list args;

  va_start (args, cursor);
  while ((row = va_arg (args, FdPulledRow *)) != NULL)
    g_ptr_array_add (rows, row);
  va_end (args);

  g_assert_true (fd_database_apply_pulled (db, rows, cursor, &error));
  g_assert_no_error (error);
}

static void
on_rows_changed_cb (FdDatabase   *db,
                    FdRowChanges *changes,
                    GPtrArray    *seen)
{
  g_ptr_array_add (seen, fd_row_changes_ref (changes));
}

static gint64
outbox_pushed_version (FdDatabase *db,
                       const char *entity_id)
{
  return core_query_int (db, "SELECT coalesce(pushed_version, 0) FROM outbox WHERE entity_id = ?1",
                         entity_id);
}

static void
test_insert (CoreFixture   *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_row_changes_unref);
  g_autoptr(FdUser) kiosk = fd_user_new ("u-kiosk", "kiosk@example.fr", "Kiosk", FD_ROLE_KIOSK,
                                         NULL, NULL, TRUE);
  g_autofree char *cursor = NULL;
  g_autofree char *name = NULL;
  g_autofree char *search_key = NULL;
  FdRowChanges *changes;

  g_assert_null (fd_database_dup_pull_cursor (fixture->db));
  g_signal_connect (fixture->db, "rows-changed", G_CALLBACK (on_rows_changed_cb), seen);

  /* A kiosk may write no trainer; a pulled one is the server's decision */
  fd_database_set_user (fixture->db, kiosk);
  apply_page (fixture->db, "c-1", pulled_trainer ("t-1", 4, "Hélène", "Dupont"), NULL);

  name = core_query_text (fixture->db, "SELECT first_name || ' ' || last_name FROM trainer"
                          " WHERE id = ?1", "t-1");
  g_assert_cmpstr (name, ==, "Hélène Dupont");
  g_assert_cmpint (core_query_int (fixture->db, "SELECT version FROM trainer WHERE id = ?1", "t-1"),
                   ==, 4);
  g_assert_cmpint (core_revision (fixture->db, "trainer", "t-1"), >, 0);
  /* Core's derived keys, as for a local create */
  search_key = core_query_text (fixture->db, "SELECT search_key FROM trainer WHERE id = ?1", "t-1");
  g_assert_nonnull (search_key);
  g_assert_nonnull (strstr (search_key, "helene"));

  /* Not queued for a push, announced, cursor kept */
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 0);
  g_assert_cmpuint (seen->len, ==, 1);
  changes = g_ptr_array_index (seen, 0);
  g_assert_true (fd_row_changes_lookup (changes, "trainer", "t-1", NULL));
  cursor = fd_database_dup_pull_cursor (fixture->db);
  g_assert_cmpstr (cursor, ==, "c-1");
  g_assert_cmpint (fd_database_get_pulled_version (fixture->db), ==, 4);

  /* The same row again at a later version, unchanged: not announced */
  apply_page (fixture->db, "c-2", pulled_trainer ("t-1", 9, "Hélène", "Dupont"), NULL);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT version FROM trainer WHERE id = ?1", "t-1"),
                   ==, 9);
  g_assert_cmpint (fd_database_get_pulled_version (fixture->db), ==, 9);
}

static void
test_update_and_tombstone (CoreFixture   *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_row_changes_unref);
  g_autoptr(FdChange) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_name = NULL;
  gint64 opened;
  FdRowChanges *changes;

  apply_page (fixture->db, "c-1", pulled_trainer ("t-1", 4, "Hélène", "Dupont"), NULL);
  opened = core_revision (fixture->db, "trainer", "t-1");
  g_signal_connect (fixture->db, "rows-changed", G_CALLBACK (on_rows_changed_cb), seen);

  apply_page (fixture->db, "c-2", pulled_trainer ("t-1", 6, "Hélène", "Durand"), NULL);
  last_name = core_query_text (fixture->db, "SELECT last_name FROM trainer WHERE id = ?1", "t-1");
  g_assert_cmpstr (last_name, ==, "Durand");
  g_assert_cmpuint (seen->len, ==, 1);
  changes = g_ptr_array_index (seen, 0);
  g_assert_cmpint (fd_row_changes_get_kind (changes, 0), ==, FD_CHANGE_UPDATE);
  g_assert_cmpstr (fd_row_changes_get_fields (changes, 0)[0], ==, "last_name");

  /* An editor opened before the pull: the field pulled is someone else's
   * change, another field merges */
  edit = fd_change_new_update ("trainer", "t-1", opened);
  fd_change_set_string (edit, "last_name", "Martin");
  g_assert_false (fd_database_apply (fixture->db, edit, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&edit, fd_change_unref);
  edit = fd_change_new_update ("trainer", "t-1", opened);
  fd_change_set_string (edit, "email", "helene@example.fr");
  core_apply (fixture->db, edit);
  /* Its base is the server version pulled */
  g_assert_cmpint (core_query_int (fixture->db, "SELECT base_version FROM outbox WHERE entity_id = ?1",
                                   "t-1"), ==, 6);

  /* A tombstone deletes */
  {
    FdPulledRow *tombstone = pulled_trainer ("t-1", 8, "Hélène", "Durand");

    tombstone->deleted = TRUE;
    fd_change_set_string (tombstone->values, "email", "helene@example.fr");
    apply_page (fixture->db, "c-3", tombstone, NULL);
  }
  g_assert_cmpint (core_query_int (fixture->db, "SELECT deleted FROM trainer WHERE id = ?1", "t-1"),
                   ==, 1);
  changes = g_ptr_array_index (seen, seen->len - 1);
  g_assert_true (fd_row_changes_lookup (changes, "trainer", "t-1", NULL));
  g_assert_cmpint (fd_row_changes_get_kind (changes, 0), ==, FD_CHANGE_DELETE);

  /* A tombstone of a row never seen adds nothing */
  {
    FdPulledRow *tombstone = pulled_trainer ("t-2", 9, "Paul", "Roy");

    tombstone->deleted = TRUE;
    apply_page (fixture->db, "c-4", tombstone, NULL);
  }
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM trainer WHERE id = ?1", "t-2"),
                   ==, 0);
}

static void
test_keeps_pending (CoreFixture   *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(FdChange) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 seq;

  apply_page (fixture->db, "c-1", pulled_trainer ("t-1", 4, "Hélène", "Dupont"), NULL);
  edit = fd_change_new_update ("trainer", "t-1", core_revision (fixture->db, "trainer", "t-1"));
  fd_change_set_string (edit, "first_name", "Hélèna");
  core_apply (fixture->db, edit);
  seq = core_query_int (fixture->db, "SELECT seq FROM outbox WHERE entity_id = ?1", "t-1");

  /* Someone else's edit of both names arrives before the push: ours stays */
  apply_page (fixture->db, "c-2", pulled_trainer ("t-1", 5, "Elena", "Durand"), NULL);
  name = core_query_text (fixture->db, "SELECT first_name || ' ' || last_name FROM trainer"
                          " WHERE id = ?1", "t-1");
  g_assert_cmpstr (name, ==, "Hélèna Durand");
  g_assert_cmpint (fd_database_count_unpushed (fixture->db), ==, 1);

  /* Pushed, applied at 7: a page older than that does not undo it */
  g_assert_true (fd_database_begin (fixture->db, &error));
  g_assert_true (fd_database_record_push_result (fixture->db, seq, FD_PUSH_OUTCOME_APPLIED, 7,
                                                 NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fd_database_commit (fixture->db, &error));
  g_assert_cmpint (fd_database_count_unpushed (fixture->db), ==, 0);
  g_assert_cmpint (outbox_pushed_version (fixture->db, "t-1"), ==, 7);

  apply_page (fixture->db, "c-3", pulled_trainer ("t-1", 6, "Elena", "Durand"), NULL);
  g_clear_pointer (&name, g_free);
  name = core_query_text (fixture->db, "SELECT first_name FROM trainer WHERE id = ?1", "t-1");
  g_assert_cmpstr (name, ==, "Hélèna");
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 1);

  /* The row at a version that includes it: the server's values, and the
   * entry is done */
  apply_page (fixture->db, "c-4", pulled_trainer ("t-1", 9, "Hélène-Marie", "Durand"), NULL);
  g_clear_pointer (&name, g_free);
  name = core_query_text (fixture->db, "SELECT first_name FROM trainer WHERE id = ?1", "t-1");
  g_assert_cmpstr (name, ==, "Hélène-Marie");
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 0);
}

static void
test_pending_delete (CoreFixture   *fixture,
                     gconstpointer  user_data)
{
  apply_page (fixture->db, "c-1", pulled_trainer ("t-1", 4, "Hélène", "Dupont"), NULL);
  core_delete (fixture->db, "trainer", "t-1");

  /* Not pushed yet: the local delete holds */
  apply_page (fixture->db, "c-2", pulled_trainer ("t-1", 5, "Hélène", "Durand"), NULL);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT deleted FROM trainer WHERE id = ?1", "t-1"),
                   ==, 1);
}

static void
test_session_dates (CoreFixture   *fixture,
                    gconstpointer  user_data)
{
  FdPulledRow *session = fd_pulled_row_new ("session", "s-1", 3, FALSE);
  FdPulledRow *sequence = fd_pulled_row_new ("sequence", "q-1", 3, FALSE);
  FdPulledRow *slot = fd_pulled_row_new ("slot", "l-1", 2, FALSE);
  FdPulledRow *moved;
  g_autofree char *dates = NULL;

  /* The slot before its session, as a page may bring them */
  fd_change_set_string (slot->values, "session_id", "s-1");
  fd_change_set_string (slot->values, "sequence_id", "q-1");
  fd_change_set_string (slot->values, "start_at", "2026-03-03T09:00");
  fd_change_set_string (slot->values, "end_at", "2026-03-03T12:00");
  fd_change_set_string (session->values, "code", "ADF-2026-0001");
  fd_change_set_string (session->values, "label", "Excel");
  fd_change_set_int (session->values, "year", 2026);
  /* Sent by an older server: computed here, never taken */
  fd_change_set_string (session->values, "starts_on", "1999-01-01");
  fd_change_set_string (sequence->values, "session_id", "s-1");
  fd_change_set_string (sequence->values, "label", "Jour 1");
  apply_page (fixture->db, "c-1", slot, sequence, session, NULL);

  dates = core_query_text (fixture->db, "SELECT starts_on || ' ' || ends_on FROM session"
                           " WHERE id = ?1", "s-1");
  g_assert_cmpstr (dates, ==, "2026-03-03 2026-03-03");

  moved = fd_pulled_row_new ("slot", "l-1", 5, FALSE);
  fd_change_set_string (moved->values, "session_id", "s-1");
  fd_change_set_string (moved->values, "sequence_id", "q-1");
  fd_change_set_string (moved->values, "start_at", "2026-03-10T09:00");
  fd_change_set_string (moved->values, "end_at", "2026-03-10T12:00");
  apply_page (fixture->db, "c-2", moved, NULL);
  g_clear_pointer (&dates, g_free);
  dates = core_query_text (fixture->db, "SELECT starts_on || ' ' || ends_on FROM session"
                           " WHERE id = ?1", "s-1");
  g_assert_cmpstr (dates, ==, "2026-03-10 2026-03-10");

  moved = fd_pulled_row_new ("slot", "l-1", 6, TRUE);
  fd_change_set_string (moved->values, "session_id", "s-1");
  fd_change_set_string (moved->values, "sequence_id", "q-1");
  fd_change_set_string (moved->values, "start_at", "2026-03-10T09:00");
  fd_change_set_string (moved->values, "end_at", "2026-03-10T12:00");
  apply_page (fixture->db, "c-3", moved, NULL);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT starts_on IS NULL FROM session WHERE id = ?1",
                                   "s-1"), ==, 1);
}

static void
test_page_is_atomic (CoreFixture   *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_pulled_row_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  FdPulledRow *unknown = fd_pulled_row_new ("spaceship", "x-1", 3, FALSE);
  FdPulledRow *broken = fd_pulled_row_new ("trainer", "t-2", 3, FALSE);
  FdPulledRow *good = pulled_trainer ("t-1", 2, "Hélène", "Dupont");

  apply_page (fixture->db, "c-1", NULL);

  /* A table and a column of a newer server are skipped */
  fd_change_set_string (unknown->values, "name", "x");
  fd_change_set_string (good->values, "colour_of_hat", "red");
  /* A row without a required field cannot be stored: nothing is */
  fd_change_set_string (broken->values, "first_name", "Paul");
  g_ptr_array_add (rows, good);
  g_ptr_array_add (rows, unknown);
  g_ptr_array_add (rows, broken);
  g_assert_false (fd_database_apply_pulled (fixture->db, rows, "c-2", &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM trainer", NULL), ==, 0);
  cursor = fd_database_dup_pull_cursor (fixture->db);
  g_assert_cmpstr (cursor, ==, "c-1");
  g_clear_error (&error);

  g_ptr_array_remove_index (rows, 2);
  g_assert_true (fd_database_apply_pulled (fixture->db, rows, "c-2", &error));
  g_assert_no_error (error);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM trainer", NULL), ==, 1);
}

static void
test_unpushed_batches (CoreFixture   *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_free (core_create (fixture->db, "trainer", "first_name", "A", "last_name", "A", NULL));
  g_free (core_create (fixture->db, "trainer", "first_name", "B", "last_name", "B", NULL));
  for (guint i = 0; i < 3; i++)
    {
      FdChange *change = fd_change_new_create ("trainer");

      fd_change_set_string (change, "first_name", "C");
      fd_change_set_string (change, "last_name", "C");
      g_ptr_array_add (batch, change);
    }
  g_assert_true (fd_database_apply_all (fixture->db, batch, &error));
  g_assert_no_error (error);

  /* 3 would cut the batch: the first two go alone */
  entries = fd_database_list_unpushed (fixture->db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_null (((FdOutboxEntry *) g_ptr_array_index (entries, 1))->batch_id);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = fd_database_list_unpushed (fixture->db, 5, &error);
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpint (((FdOutboxEntry *) g_ptr_array_index (entries, 0))->seq, <,
                   ((FdOutboxEntry *) g_ptr_array_index (entries, 1))->seq);
  g_assert_nonnull (((FdOutboxEntry *) g_ptr_array_index (entries, 4))->batch_id);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A batch larger than a push alone: cut, never stuck */
  g_assert_true (fd_database_begin (fixture->db, &error));
  for (guint i = 0; i < 2; i++)
    g_assert_true (fd_database_record_push_result (fixture->db, i + 1, FD_PUSH_OUTCOME_APPLIED,
                                                   10 + i, NULL, NULL, &error));
  g_assert_true (fd_database_commit (fixture->db, &error));
  entries = fd_database_list_unpushed (fixture->db, 2, &error);
  g_assert_cmpuint (entries->len, ==, 2);
}

static void
test_refusal (CoreFixture   *fixture,
              gconstpointer  user_data)
{
  g_autoptr(FdChange) edit = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  FdSyncConflict *conflict;
  gint64 seq;

  apply_page (fixture->db, "c-1", pulled_trainer ("t-1", 4, "Hélène", "Dupont"),
              pulled_trainer ("t-2", 12, "Paul", "Roy"), NULL);
  g_assert_cmpint (fd_database_get_pull_rewind (fixture->db), ==, -1);
  edit = fd_change_new_update ("trainer", "t-1", core_revision (fixture->db, "trainer", "t-1"));
  fd_change_set_string (edit, "first_name", "Hélèna");
  core_apply (fixture->db, edit);
  seq = core_query_int (fixture->db, "SELECT seq FROM outbox WHERE entity_id = ?1", "t-1");

  g_assert_true (fd_database_begin (fixture->db, &error));
  g_assert_true (fd_database_record_push_result (fixture->db, seq, FD_PUSH_OUTCOME_CONFLICT, 0,
                                                 "first_name", "Changed by someone else", &error));
  g_assert_no_error (error);
  g_assert_true (fd_database_commit (fixture->db, &error));

  /* Consumed, listed, and the next pull brings the row back */
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 0);
  conflicts = fd_database_list_sync_conflicts (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->outcome, ==, FD_PUSH_OUTCOME_CONFLICT);
  g_assert_cmpstr (conflict->entity, ==, "trainer");
  g_assert_cmpstr (conflict->entity_id, ==, "t-1");
  g_assert_cmpstr (conflict->field, ==, "first_name");
  g_assert_cmpstr (conflict->message, ==, "Changed by someone else");
  g_assert_nonnull (strstr (conflict->args, "Hélèna"));
  g_assert_cmpint (conflict->created_at, >, 0);
  g_assert_cmpint (fd_database_get_pull_rewind (fixture->db), ==, 3);

  apply_page (fixture->db, "c-2", pulled_trainer ("t-1", 13, "Elena", "Dupont"), NULL);
  g_assert_cmpint (fd_database_get_pull_rewind (fixture->db), ==, -1);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT first_name = 'Elena' FROM trainer"
                                   " WHERE id = ?1", "t-1"), ==, 1);

  /* An entry no longer there is ignored */
  g_assert_true (fd_database_begin (fixture->db, &error));
  g_assert_true (fd_database_record_push_result (fixture->db, 999, FD_PUSH_OUTCOME_REJECTED, 0,
                                                 NULL, "x", &error));
  g_assert_true (fd_database_commit (fixture->db, &error));
}

static void
add (const char *path,
     void      (*func) (CoreFixture *, gconstpointer))
{
  g_test_add (path, CoreFixture, NULL, core_fixture_set_up, func, core_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add ("/sync-state/pull/insert", test_insert);
  add ("/sync-state/pull/update-and-tombstone", test_update_and_tombstone);
  add ("/sync-state/pull/keeps-pending", test_keeps_pending);
  add ("/sync-state/pull/pending-delete", test_pending_delete);
  add ("/sync-state/pull/session-dates", test_session_dates);
  add ("/sync-state/pull/atomic", test_page_is_atomic);
  add ("/sync-state/outbox/batches", test_unpushed_batches);
  add ("/sync-state/outbox/refusal", test_refusal);

  return g_test_run ();
}
