/* test-write-path.c — the one write path: validation, rows, outbox
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "fd-core.h"
#include "fd-database-private.h"

typedef struct
{
  char *dir;
  FdDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("formadesk-write-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->db = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->db);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
query_text (FdDatabase *db,
            const char *sql,
            const char *id)
{
  sqlite3_stmt *stmt = _fd_database_prepare (db, sql, NULL);
  char *value = NULL;

  g_assert_nonnull (stmt);
  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

static gint64
query_int (FdDatabase *db,
           const char *sql,
           const char *id)
{
  g_autofree char *text = query_text (db, sql, id);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static FdChange *
new_trainee (const char *first,
             const char *last)
{
  FdChange *change = fd_change_new_create ("trainee");

  fd_change_set_string (change, "first_name", first);
  fd_change_set_string (change, "last_name", last);

  return change;
}

static void
test_create_writes_row_and_outbox (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) change = new_trainee ("Hélène", "Dupont");
  g_autofree char *args = NULL;
  g_autofree char *search = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  const char *id = fd_change_get_id (change);

  fd_change_set_string (change, "email", "  helene.dupont@EXEMPLE.fr ");
  fd_change_set_string (change, "phone", "06 12 34 56 78");
  fd_change_set_string (change, "city", "Besançon");
  fd_change_set_string (change, "birth_date", "1990-05-17");
  fd_change_set_string (change, "postal_code", "25000");
  fd_change_set_string (change, "disability_needs", "   ");
  fd_change_set_bool (change, "employee", TRUE);

  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_true (fd_database_apply (fixture->db, change, &error));
  g_assert_no_error (error);

  email = query_text (fixture->db, "SELECT email FROM trainee WHERE id = ?1", id);
  phone = query_text (fixture->db, "SELECT phone FROM trainee WHERE id = ?1", id);
  search = query_text (fixture->db, "SELECT search_key FROM trainee WHERE id = ?1", id);
  sort = query_text (fixture->db, "SELECT sort_key FROM trainee WHERE id = ?1", id);
  g_assert_cmpstr (email, ==, "helene.dupont@exemple.fr");
  g_assert_cmpstr (phone, ==, "+33612345678");
  g_assert_cmpstr (search, ==, "helene dupont helene.dupont@exemple.fr besancon");
  g_assert_cmpstr (sort, ==, "dupont helene");
  g_assert_cmpint (query_int (fixture->db, "SELECT disability_needs IS NULL FROM trainee WHERE id = ?1", id), ==, 1);
  g_assert_cmpint (query_int (fixture->db, "SELECT version FROM trainee WHERE id = ?1", id), ==, 0);
  g_assert_cmpint (query_int (fixture->db, "SELECT updated_at > 0 FROM trainee WHERE id = ?1", id), ==, 1);

  /* One named mutation, with what was written (normalised) */
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 1);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM outbox WHERE name = 'trainee.create'"
                                           " AND entity_id = ?1 AND base_version = 0", id), ==, 1);
  args = query_text (fixture->db, "SELECT args FROM outbox WHERE entity_id = ?1", id);
  g_assert_cmpint (query_int (fixture->db, "SELECT json_valid(args) FROM outbox WHERE entity_id = ?1", id), ==, 1);
  g_assert_cmpint (query_int (fixture->db, "SELECT json_extract(args, '$.set.employee') FROM outbox"
                                           " WHERE entity_id = ?1", id), ==, 1);
  g_assert_nonnull (strstr (args, "\"first_name\":\"Hélène\""));
  g_assert_nonnull (strstr (args, "\"email\":\"helene.dupont@exemple.fr\""));
  g_assert_nonnull (strstr (args, "\"disability_needs\":null"));
}

static void
test_update_keeps_base_version (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) create = new_trainee ("Zoé", "Martin");
  g_autoptr(FdChange) update = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *name = NULL;
  const char *id = fd_change_get_id (create);

  g_assert_true (fd_database_apply (fixture->db, create, &error));

  update = fd_change_new_update ("trainee", id, 7);
  fd_change_set_string (update, "last_name", "Lefèvre");
  fd_change_set_string (update, "comment\"; DROP TABLE trainee; --", "x");
  g_assert_false (fd_database_apply (fixture->db, update, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_UNKNOWN_FIELD);
  g_clear_error (&error);
  g_clear_pointer (&update, fd_change_unref);

  /* The row as a pull left it: server version 7 */
  g_assert_true (_fd_database_run (fixture->db, "UPDATE trainee SET version = 7", &error));
  update = fd_change_new_update ("trainee", id, query_int (fixture->db, "SELECT revision FROM trainee"
                                                                         " WHERE id = ?1", id));
  fd_change_set_string (update, "last_name", "Lefèvre");
  g_assert_true (fd_database_apply (fixture->db, update, &error));
  g_assert_no_error (error);

  name = query_text (fixture->db, "SELECT first_name || ' ' || last_name FROM trainee WHERE id = ?1", id);
  sort = query_text (fixture->db, "SELECT sort_key FROM trainee WHERE id = ?1", id);
  g_assert_cmpstr (name, ==, "Zoé Lefèvre");
  g_assert_cmpstr (sort, ==, "lefevre zoe");
  g_assert_cmpint (query_int (fixture->db, "SELECT base_version FROM outbox WHERE name = 'trainee.update'"
                                           " AND entity_id = ?1", id), ==, 7);
  g_assert_cmpint (query_int (fixture->db, "SELECT json_extract(args, '$.set.last_name') = 'Lefèvre'"
                                           " FROM outbox WHERE name = 'trainee.update'", NULL), ==, 1);
}

static void
test_delete_is_a_tombstone (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) create = new_trainee ("Loïc", "Bernard");
  g_autoptr(FdChange) remove = NULL;
  g_autoptr(FdChange) again = NULL;
  const char *id = fd_change_get_id (create);

  g_assert_true (fd_database_apply (fixture->db, create, &error));
  remove = fd_change_new_delete ("trainee", id, 0);
  g_assert_true (fd_database_apply (fixture->db, remove, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture->db, "SELECT deleted FROM trainee WHERE id = ?1", id), ==, 1);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM outbox WHERE name = 'trainee.delete'", NULL), ==, 1);

  /* A tombstone cannot be edited or deleted twice */
  again = fd_change_new_update ("trainee", id, 0);
  fd_change_set_string (again, "city", "Lyon");
  g_assert_false (fd_database_apply (fixture->db, again, &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 2);
}

/* Bad input: a clear error, and nothing of the batch is written */
static void
test_batch_is_atomic (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  FdChange *bad;

  g_ptr_array_add (changes, new_trainee ("Éloïse", "Roux"));
  g_ptr_array_add (changes, new_trainee ("Maëlys", "Petit"));
  bad = new_trainee ("François", "Garnier");
  fd_change_set_string (bad, "email", "francois@");
  g_ptr_array_add (changes, bad);

  g_assert_false (fd_database_apply_all (fixture->db, changes, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "francois@"));
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM trainee", NULL), ==, 0);
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 0);
}

static void
test_validation_errors (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const struct {
    const char *entity;
    const char *field;
    const char *value;
    int code;
  } cases[] = {
    { "trainee", "phone", "12", FD_VALIDATION_ERROR_INVALID },
    { "trainee", "postal_code", "7501", FD_VALIDATION_ERROR_INVALID },
    { "trainee", "birth_date", "31/12/1990", FD_VALIDATION_ERROR_INVALID },
    { "trainee", "first_name", "  ", FD_VALIDATION_ERROR_REQUIRED },
    { "trainee", "first_name", NULL, FD_VALIDATION_ERROR_REQUIRED },
    { "trainee", "first_name", "\xff\xfe", FD_VALIDATION_ERROR_INVALID },
    { "client", "siret", "12345678901234", FD_VALIDATION_ERROR_INVALID },
    { "organisation", "nda", "1234", FD_VALIDATION_ERROR_INVALID },
    { "nonsense", "name", "y", FD_VALIDATION_ERROR_UNKNOWN_ENTITY },
    { "outbox", "name", "y", FD_VALIDATION_ERROR_UNKNOWN_ENTITY },
    { "sqlite_schema", "name", "y", FD_VALIDATION_ERROR_UNKNOWN_ENTITY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FdChange) change = fd_change_new_create (cases[i].entity);

      if (g_str_equal (cases[i].entity, "trainee"))
        {
          fd_change_set_string (change, "first_name", "Anne");
          fd_change_set_string (change, "last_name", "Morel");
        }
      else
        {
          fd_change_set_string (change, "name", "Morel SARL");
          if (g_str_equal (cases[i].entity, "client"))
            fd_change_set_string (change, "kind", "company");
        }
      fd_change_set_string (change, cases[i].field, cases[i].value);

      g_assert_false (fd_database_apply (fixture->db, change, &error));
      g_assert_error (error, FD_VALIDATION_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 0);
}

static void
test_missing_required (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) change = fd_change_new_create ("trainee");

  fd_change_set_string (change, "first_name", "Anne");
  g_assert_false (fd_database_apply (fixture->db, change, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "Last name is required.");
}

static void
test_siret_override (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) valid = fd_change_new_create ("client");
  g_autoptr(FdChange) overridden = fd_change_new_create ("client");
  g_autoptr(FdChange) update = NULL;
  g_autofree char *siret = NULL;

  fd_change_set_string (valid, "kind", "company");
  fd_change_set_string (valid, "name", "Exemple SA");
  fd_change_set_string (valid, "siret", "732 829 320 00074");
  g_assert_true (fd_database_apply (fixture->db, valid, &error));
  g_assert_no_error (error);
  siret = query_text (fixture->db, "SELECT siret FROM client WHERE id = ?1", fd_change_get_id (valid));
  g_assert_cmpstr (siret, ==, "73282932000074");

  fd_change_set_string (overridden, "kind", "company");
  fd_change_set_string (overridden, "name", "Établissement récent");
  fd_change_set_string (overridden, "siret", "12345678901234");
  fd_change_set_string (overridden, "siret_override_reason", "Avis de situation INSEE du 2 mars");
  g_assert_true (fd_database_apply (fixture->db, overridden, &error));
  g_assert_no_error (error);

  /* The stored reason still covers a later correction of the number */
  update = fd_change_new_update ("client", fd_change_get_id (overridden), 0);
  fd_change_set_string (update, "siret", "12345678901235");
  g_assert_true (fd_database_apply (fixture->db, update, &error));
  g_assert_no_error (error);
}

static void
create_session (FdDatabase *db,
                int         year,
                char      **id_out,
                char      **code_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) change = fd_change_new_create ("session");

  fd_change_set_int (change, "year", year);
  fd_change_set_string (change, "label", "Habilitation électrique B1V");
  g_assert_true (fd_database_apply (db, change, &error));
  g_assert_no_error (error);

  *id_out = g_strdup (fd_change_get_id (change));
  *code_out = query_text (db, "SELECT code FROM session WHERE id = ?1", *id_out);
}

static void
test_session_codes (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *id1 = NULL, *code1 = NULL;
  g_autofree char *id2 = NULL, *code2 = NULL;
  g_autofree char *id3 = NULL, *code3 = NULL;
  g_autofree char *sort1 = NULL, *sort2 = NULL;

  create_session (fixture->db, 2026, &id1, &code1);
  create_session (fixture->db, 2026, &id2, &code2);
  create_session (fixture->db, 2027, &id3, &code3);

  g_assert_cmpstr (code1, ==, "2026-0001");
  g_assert_cmpstr (code2, ==, "2026-0002");
  g_assert_cmpstr (code3, ==, "2027-0001");

  /* Sorted by sort_key, the most recent session comes first */
  sort1 = query_text (fixture->db, "SELECT sort_key FROM session WHERE id = ?1", id1);
  sort2 = query_text (fixture->db, "SELECT sort_key FROM session WHERE id = ?1", id2);
  g_assert_cmpint (strcmp (sort2, sort1), <, 0);
}

static void
test_slot_times (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) slot = fd_change_new_create ("slot");

  fd_change_set_string (slot, "sequence_id", "s");
  fd_change_set_string (slot, "session_id", "s");
  fd_change_set_string (slot, "start_at", "2026-03-03T14:00");
  fd_change_set_string (slot, "end_at", "2026-03-03T09:00");
  g_assert_false (fd_database_apply (fixture->db, slot, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  fd_change_set_string (slot, "end_at", "2026-03-03T25:00");
  g_assert_false (fd_database_apply (fixture->db, slot, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
}

/* A session with one sequence and one slot; returns the slot's id */
static char *
create_slot (FdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL, *code = NULL;
  g_autoptr(FdChange) sequence = fd_change_new_create ("sequence");
  g_autoptr(FdChange) slot = fd_change_new_create ("slot");

  create_session (db, 2026, &session, &code);
  fd_change_set_string (sequence, "session_id", session);
  fd_change_set_string (sequence, "label", "Jour 1");
  g_assert_true (fd_database_apply (db, sequence, &error));
  fd_change_set_string (slot, "session_id", session);
  fd_change_set_string (slot, "sequence_id", fd_change_get_id (sequence));
  fd_change_set_string (slot, "start_at", "2026-03-03T09:00");
  fd_change_set_string (slot, "end_at", "2026-03-03T12:30");
  g_assert_true (fd_database_apply (db, slot, &error));
  g_assert_no_error (error);

  return g_strdup (fd_change_get_id (slot));
}

static void
test_attendance_is_append_only (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) sign = fd_change_new_create ("attendance");
  g_autoptr(FdChange) trainee = new_trainee ("Anne", "Morel");
  g_autoptr(FdChange) edit = NULL;
  g_autoptr(FdChange) remove = NULL;
  g_autoptr(FdChange) correction = fd_change_new_create ("attendance");
  g_autofree char *slot = create_slot (fixture->db);
  const char *id = fd_change_get_id (sign);

  g_assert_true (fd_database_apply (fixture->db, trainee, &error));
  fd_change_set_string (sign, "slot_id", slot);
  fd_change_set_string (sign, "half_day", "am");
  fd_change_set_string (sign, "trainee_id", fd_change_get_id (trainee));
  fd_change_set_int (sign, "signed_at", g_get_real_time ());
  fd_change_set_string (sign, "device_id", fd_database_get_device_id (fixture->db));
  fd_change_set_string (sign, "method", "kiosk");
  g_assert_true (fd_database_apply (fixture->db, sign, &error));
  g_assert_no_error (error);

  edit = fd_change_new_update ("attendance", id, 0);
  fd_change_set_string (edit, "status", "absent");
  g_assert_false (fd_database_apply (fixture->db, edit, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_LOCKED);
  g_clear_error (&error);

  remove = fd_change_new_delete ("attendance", id, 0);
  g_assert_false (fd_database_apply (fixture->db, remove, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_LOCKED);
  g_clear_error (&error);

  /* A correction is a new record superseding the first */
  fd_change_set_string (correction, "slot_id", slot);
  fd_change_set_string (correction, "half_day", "am");
  fd_change_set_string (correction, "trainee_id", fd_change_get_id (trainee));
  fd_change_set_string (correction, "status", "excused");
  fd_change_set_string (correction, "justification", "Arrêt maladie");
  fd_change_set_int (correction, "signed_at", g_get_real_time ());
  fd_change_set_string (correction, "device_id", fd_database_get_device_id (fixture->db));
  fd_change_set_string (correction, "method", "manual");
  fd_change_set_string (correction, "supersedes_id", id);
  g_assert_true (fd_database_apply (fixture->db, correction, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM attendance", NULL), ==, 2);
  g_assert_cmpint (query_int (fixture->db, "SELECT status = 'present' FROM attendance WHERE id = ?1", id), ==, 1);
}

static void
test_session_with_trainees_is_not_deleted (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL, *code = NULL;
  g_autoptr(FdChange) trainee = new_trainee ("Anne", "Morel");
  g_autoptr(FdChange) enroll = fd_change_new_create ("enrollment");
  g_autoptr(FdChange) remove = NULL;
  g_autoptr(FdChange) cancel = NULL;

  create_session (fixture->db, 2026, &id, &code);
  g_assert_true (fd_database_apply (fixture->db, trainee, &error));
  fd_change_set_string (enroll, "session_id", id);
  fd_change_set_string (enroll, "trainee_id", fd_change_get_id (trainee));
  g_assert_true (fd_database_apply (fixture->db, enroll, &error));
  g_assert_no_error (error);

  remove = fd_change_new_delete ("session", id, 0);
  g_assert_false (fd_database_apply (fixture->db, remove, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_LOCKED);
  g_clear_error (&error);

  cancel = fd_change_new_update ("session", id, 0);
  fd_change_set_string (cancel, "status", "cancelled");
  g_assert_true (fd_database_apply (fixture->db, cancel, &error));
  g_assert_no_error (error);

  /* A value the schema forbids is refused */
  g_clear_pointer (&cancel, fd_change_unref);
  cancel = fd_change_new_update ("session", id, query_int (fixture->db, "SELECT revision FROM session"
                                                                        " WHERE id = ?1", id));
  fd_change_set_string (cancel, "status", "abandoned");
  g_assert_false (fd_database_apply (fixture->db, cancel, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "status");
  /* in words of ours, not SQLite's */
  g_assert_cmpstr (error->message, ==, "Status: “abandoned” is not one of the allowed values.");
}

static void
test_transaction (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) first = new_trainee ("Anne", "Morel");
  g_autoptr(FdChange) second = new_trainee ("Paul", "Roy");

  g_assert_true (fd_database_begin (fixture->db, &error));
  g_assert_true (fd_database_apply (fixture->db, first, &error));
  g_assert_true (fd_database_begin (fixture->db, &error));
  g_assert_true (fd_database_apply (fixture->db, second, &error));
  g_assert_true (fd_database_commit (fixture->db, &error));
  fd_database_rollback (fixture->db);
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM trainee", NULL), ==, 0);
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, 0);
}

static void
test_stats_and_verify (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) trainee = new_trainee ("Anne", "Morel");
  g_autoptr(FdChange) remove = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(FdChange) enroll = fd_change_new_create ("enrollment");
  gboolean seen = FALSE;

  g_assert_true (fd_database_apply (fixture->db, trainee, &error));
  remove = fd_change_new_delete ("trainee", fd_change_get_id (trainee), 0);
  g_assert_true (fd_database_apply (fixture->db, remove, &error));

  counts = fd_database_count_tables (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      FdTableCount *count = g_ptr_array_index (counts, i);

      if (g_str_equal (count->name, "trainee"))
        {
          g_assert_cmpint (count->rows, ==, 1);
          g_assert_cmpint (count->live, ==, 0);
          seen = TRUE;
        }
      if (g_str_equal (count->name, "outbox"))
        g_assert_cmpint (count->live, ==, 2);
    }
  g_assert_true (seen);

  problems = fd_database_verify (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The write path refuses an enrollment of a session that does not
   * exist; written behind its back, verify reports it */
  fd_change_set_string (enroll, "session_id", "missing");
  fd_change_set_string (enroll, "trainee_id", "missing");
  g_assert_false (fd_database_apply (fixture->db, enroll, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "session_id");
  g_clear_error (&error);
  g_assert_true (_fd_database_run (fixture->db, "INSERT INTO enrollment (id, session_id, trainee_id)"
                                                " VALUES ('e', 'missing', 'missing')", &error));
  problems = fd_database_verify (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (problems->len, >=, 2);

  /* …by the enrollment's id and what it refers to, not by row numbers */
  {
    const char *missing_session = "Enrollment e: its “Session” field refers to missing, "
                                  "which does not exist.";
    gboolean found = FALSE;

    for (guint i = 0; i < problems->len; i++)
      {
        const char *problem = g_ptr_array_index (problems, i);

        g_test_message ("%s", problem);
        g_assert_true (g_str_has_prefix (problem, "Enrollment e: ") ||
                       g_str_has_suffix (problem, ": e (missing)"));
        found = found || g_str_equal (problem, missing_session);
      }
    g_assert_true (found);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/write-path/create/row-and-outbox", test_create_writes_row_and_outbox);
  ADD ("/write-path/update/base-version", test_update_keeps_base_version);
  ADD ("/write-path/delete/tombstone", test_delete_is_a_tombstone);
  ADD ("/write-path/batch/atomic", test_batch_is_atomic);
  ADD ("/write-path/validation/errors", test_validation_errors);
  ADD ("/write-path/validation/required", test_missing_required);
  ADD ("/write-path/validation/siret-override", test_siret_override);
  ADD ("/write-path/validation/slot-times", test_slot_times);
  ADD ("/write-path/session/codes", test_session_codes);
  ADD ("/write-path/session/cancel-not-delete", test_session_with_trainees_is_not_deleted);
  ADD ("/write-path/attendance/append-only", test_attendance_is_append_only);
  ADD ("/write-path/transaction/rollback", test_transaction);
  ADD ("/write-path/stats-and-verify", test_stats_and_verify);

#undef ADD

  return g_test_run ();
}
