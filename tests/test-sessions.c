/* test-sessions.c — duplicating, reading whole and importing sessions
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-core-common.h"

/* One world for every test: a training organisation with its catalogue,
 * places, trainers, and one session that has everything a session can
 * have (populations, sequences with pre-work and surveys, slots and staff,
 * costs with attachments, email settings with attachments, enrollments,
 * attendance, documents, sent emails, expenses, invoices, a ticket), so
 * that what a duplicate copies and what it leaves behind are both seen. */
typedef struct
{
  CoreFixture core;

  char *organisation;
  char *certification;
  char *client;
  char *evaluation;
  char *population;
  char *email_template;
  char *place_lyon;
  char *place_paris;
  char *room_a;
  char *room_b;
  char *room_c;
  char *alice;
  char *bob;
  char *carl;
  char *trainee;

  char *session;
  char *email_notice;
} Fixture;

static GPtrArray *
query_column (FdDatabase *db,
              const char *sql,
              const char *id)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _fd_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return values;
}

static void
exec_sql (FdDatabase *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (_fd_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
make_world (Fixture *fixture)
{
  FdDatabase *db = fixture->core.db;
  g_autofree char *training = NULL;
  g_autofree char *old_training = NULL;
  g_autofree char *old_place = NULL;
  g_autofree char *population2 = NULL;
  g_autofree char *trainee2 = NULL;
  g_autofree char *prework = NULL;
  g_autofree char *main_sequence = NULL;
  g_autofree char *cancelled_sequence = NULL;
  g_autofree char *slot1 = NULL;
  g_autofree char *slot2 = NULL;
  g_autofree char *slot3 = NULL;
  g_autofree char *slot4 = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *reminder = NULL;
  g_autofree char *dropped = NULL;
  g_autofree char *link = NULL;

  fixture->organisation = core_create (db, "organisation", "name", "Horizon Compétences", NULL);
  fixture->certification = core_create (db, "certification", "name", "TOSA Excel", NULL);
  fixture->client = core_create (db, "client", "kind", "company", "name", "Pharmacie Laurent",
                                 NULL);
  fixture->evaluation = core_create (db, "evaluation", "name", "Satisfaction à chaud", NULL);
  fixture->population = core_create (db, "population", "name", "Salariés Laurent", "kind", "client",
                                     "client_id", fixture->client, NULL);
  population2 = core_create (db, "population", "name", "Stagiaires", "kind", "list", NULL);
  fixture->email_template = core_create (db, "email_template", "key", "notice",
                                         "name", "Convocation", "subject", "Votre convocation",
                                         "body", "Bonjour {prenom}", NULL);

  training = core_create (db, "training", "code", "BUR-01", "title", "Excel initiation",
                          "#capacity_min", "3", "#capacity_target", "6", "#capacity_max", "9",
                          "dispositif", "Action de formation", "#eligible_funding", "1",
                          "comments", "Ordinateur fourni", "#price_cents", "69000",
                          "evaluation", "Quiz final", "certification_id", fixture->certification,
                          NULL);
  g_free (core_create (db, "training", "code", "MAN-08", "title", "Management d’équipe", NULL));
  old_training = core_create (db, "training", "code", "OLD-01", "title", "Lotus 1-2-3", NULL);
  core_delete (db, "training", old_training);

  fixture->place_lyon = core_create (db, "place", "name", "Centre Lyon", NULL);
  fixture->place_paris = core_create (db, "place", "name", "Centre Paris", NULL);
  old_place = core_create (db, "place", "name", "Ancien centre", NULL);
  core_delete (db, "place", old_place);
  fixture->room_a = core_create (db, "room", "place_id", fixture->place_lyon, "name", "Salle A",
                                 NULL);
  fixture->room_b = core_create (db, "room", "place_id", fixture->place_lyon, "name", "Salle B",
                                 NULL);
  fixture->room_c = core_create (db, "room", "place_id", fixture->place_paris, "name", "Salle C",
                                 NULL);

  fixture->alice = core_create (db, "trainer", "first_name", "Alice", "last_name", "Martin",
                                "email", "alice@ex.fr", NULL);
  fixture->bob = core_create (db, "trainer", "first_name", "Bob", "last_name", "Durand",
                              "email", "bob@ex.fr", NULL);
  fixture->carl = core_create (db, "trainer", "first_name", "Carl", "last_name", "Petit",
                               "email", "carl@ex.fr", NULL);
  core_delete (db, "trainer", fixture->carl);

  /* employees of the client: the session is open to its population */
  fixture->trainee = core_create (db, "trainee", "first_name", "Zoé", "last_name", "Leroy",
                                  "client_id", fixture->client, NULL);
  trainee2 = core_create (db, "trainee", "first_name", "Léo", "last_name", "Roux",
                          "client_id", fixture->client, NULL);

  fixture->session =
    core_create (db, "session",
                 "training_id", training, "code", "2026-0001", "#year", "2026",
                 "label", "Excel initiation — Pharmacie Laurent", "kind", "intra",
                 "client_id", fixture->client, "status", "confirmed", "#published", "1",
                 "population", "Salariés", "#capacity_min", "4", "#capacity_target", "8",
                 "#capacity_max", "10", "dispositif", "Plan de développement des compétences",
                 "#eligible_funding", "1", "#price_cents", "180000", "#commission_bp", "1500",
                 "certification_id", fixture->certification, "evaluation", "Questionnaire",
                 "evaluation_id", fixture->evaluation, "comments", "Apporter un ordinateur",
                 "notice_comment", "Prévoir une pièce d’identité",
                 "organisation_comment", "Facturation mensuelle", "#calendar_invitations", "0",
                 "organisation_id", fixture->organisation, "external_reference", "PART-77",
                 "survey_config", "{\"hot\":\"Q1\",\"cold\":\"Q2\"}",
                 "planned_start_on", "2026-03-01", "planned_end_on", "2026-03-31",
                 NULL);

  g_free (core_create (db, "session_population", "session_id", fixture->session,
                       "population_id", fixture->population, NULL));
  link = core_create (db, "session_population", "session_id", fixture->session,
                      "population_id", population2, NULL);
  core_delete (db, "session_population", link);

  prework = core_create (db, "sequence", "session_id", fixture->session, "#position", "0",
                         "label", "Préparation en ligne", "modality", "e_learning",
                         "url", "https://elearning.example.fr/excel", "status", "planned",
                         "#prework", "1", NULL);
  main_sequence = core_create (db, "sequence", "session_id", fixture->session, "#position", "1",
                               "label", "Présentiel", "modality", "on_site", "status", "closed",
                               "survey_config", "{\"hot\":\"Q1\"}", NULL);
  cancelled_sequence = core_create (db, "sequence", "session_id", fixture->session,
                                    "#position", "2", "label", "Annulée", NULL);
  core_delete (db, "sequence", cancelled_sequence);

  slot1 = core_create (db, "slot", "sequence_id", prework, "session_id", fixture->session,
                       "start_at", "2026-03-02T09:00", "end_at", "2026-03-02T10:00", NULL);
  slot2 = core_create (db, "slot", "sequence_id", main_sequence, "session_id", fixture->session,
                       "start_at", "2026-03-09T09:00", "end_at", "2026-03-09T12:30",
                       "#break_minutes", "15", "place_id", fixture->place_lyon,
                       "room_id", fixture->room_a, NULL);
  slot3 = core_create (db, "slot", "sequence_id", main_sequence, "session_id", fixture->session,
                       "start_at", "2026-03-09T13:30", "end_at", "2026-03-09T17:00",
                       "place_id", fixture->place_lyon, "room_id", fixture->room_a, NULL);
  slot4 = core_create (db, "slot", "sequence_id", main_sequence, "session_id", fixture->session,
                       "start_at", "2026-03-10T09:00", "end_at", "2026-03-10T17:00",
                       "#break_minutes", "60", "place_id", fixture->place_lyon,
                       "room_id", fixture->room_b, NULL);
  g_free (core_create (db, "slot_staff", "slot_id", slot2, "trainer_id", fixture->alice, NULL));
  g_free (core_create (db, "slot_staff", "slot_id", slot2, "trainer_id", fixture->bob,
                       "role", "host", NULL));
  g_free (core_create (db, "slot_staff", "slot_id", slot3, "trainer_id", fixture->alice, NULL));
  g_free (core_create (db, "slot_staff", "slot_id", slot4, "trainer_id", fixture->alice, NULL));
  g_free (core_create (db, "slot_staff", "slot_id", slot4, "trainer_id", fixture->bob,
                       "role", "co_trainer", NULL));

  cost = core_create (db, "cost", "session_id", fixture->session, "type", "Location de salle",
                      "#amount_cents", "50000", "provider", "Centre Lyon", NULL);
  g_free (core_create (db, "cost", "session_id", fixture->session, "type", "Repas",
                       "#amount_cents", "1500", "distribution", "per_trainee", "#quantity", "8",
                       NULL));
  g_free (core_create (db, "attachment", "owner_entity", "cost", "owner_id", cost,
                       "blob_sha256", "aa11", "file_name", "devis-salle.pdf", NULL));

  fixture->email_notice =
    core_create (db, "session_email", "session_id", fixture->session,
                 "template_id", fixture->email_template, "kind", "notice", "#enabled", "1",
                 "anchor", "sequence_start", "#offset_minutes", "-10080", "recipients", "trainees",
                 "cc", "rh@laurent.fr", NULL);
  reminder = core_create (db, "session_email", "session_id", fixture->session, "kind", "reminder",
                          "#enabled", "0", "anchor", "sequence_end", "#offset_minutes", "1440",
                          "recipients", "trainer", "bcc", "qualite@horizon.fr", NULL);
  g_free (core_create (db, "attachment", "owner_entity", "session_email",
                       "owner_id", fixture->email_notice, "blob_sha256", "bb22",
                       "file_name", "plan-acces.pdf", "mime_type", "application/pdf", NULL));
  g_free (core_create (db, "attachment", "owner_entity", "session_email",
                       "owner_id", fixture->email_notice, "blob_sha256", "cc33",
                       "file_name", "reglement-interieur.pdf", NULL));
  dropped = core_create (db, "attachment", "owner_entity", "session_email",
                         "owner_id", fixture->email_notice, "blob_sha256", "dd44",
                         "file_name", "ancien.pdf", NULL);
  core_delete (db, "attachment", dropped);
  g_free (core_create (db, "attachment", "owner_entity", "session_email", "owner_id", reminder,
                       "blob_sha256", "ee55", "file_name", "questionnaire.pdf", NULL));

  g_free (core_create (db, "enrollment", "session_id", fixture->session,
                       "trainee_id", fixture->trainee, "status", "confirmed", NULL));
  g_free (core_create (db, "enrollment", "session_id", fixture->session, "trainee_id", trainee2,
                       "status", "withdrawn", NULL));
  g_free (core_create (db, "attendance", "slot_id", slot2, "half_day", "am",
                       "trainee_id", fixture->trainee, "#signed_at", "1772000000000000",
                       "device_id", "test-device", "method", "pad", NULL));
  g_free (core_create (db, "document", "kind", "agreement", "title", "Convention",
                       "session_id", fixture->session, NULL));
  g_free (core_create (db, "email_message", "session_id", fixture->session,
                       "recipient", "zoe@ex.fr", "subject", "Convocation", "body", "…", NULL));
  g_free (core_create (db, "expense", "trainer_id", fixture->alice, "session_id", fixture->session,
                       "spent_on", "2026-03-09", "category", "transport", "#amount_cents", "2000",
                       NULL));
  g_free (core_create (db, "trainer_invoice", "trainer_id", fixture->alice,
                       "session_id", fixture->session, "number", "F-1", "issued_on", "2026-03-31",
                       "#amount_cents", "90000", NULL));
  g_free (core_create (db, "quality_ticket", "session_id", fixture->session,
                       "subject", "Vidéoprojecteur en panne", "opened_on", "2026-03-09", NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  core_fixture_set_up (&fixture->core, user_data);
  make_world (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  core_fixture_tear_down (&fixture->core, user_data);
  g_free (fixture->organisation);
  g_free (fixture->certification);
  g_free (fixture->client);
  g_free (fixture->evaluation);
  g_free (fixture->population);
  g_free (fixture->email_template);
  g_free (fixture->place_lyon);
  g_free (fixture->place_paris);
  g_free (fixture->room_a);
  g_free (fixture->room_b);
  g_free (fixture->room_c);
  g_free (fixture->alice);
  g_free (fixture->bob);
  g_free (fixture->carl);
  g_free (fixture->trainee);
  g_free (fixture->session);
  g_free (fixture->email_notice);
}

/* Rows per table (live and deleted), local bookkeeping left out */
static GHashTable *
count_rows (FdDatabase *db)
{
  static const char * const bookkeeping[] = { "outbox", "change_log", "field_version", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = fd_database_count_tables (db, &error);
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      FdTableCount *count = g_ptr_array_index (counts, i);

      if (!g_strv_contains (bookkeeping, count->name))
        g_hash_table_insert (rows, g_strdup (count->name), GINT_TO_POINTER ((int) count->rows));
    }

  return rows;
}

/* Asserts that the tables grew by @grown (NULL-terminated pairs of a
 * table and a number of rows) and not at all otherwise. */
static void
assert_rows_grew (GHashTable *before,
                  GHashTable *after,
                  ...)
{
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  const char *table;
  va_list args;

  va_start (args, after);
  while ((table = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (expected, (gpointer) table, GINT_TO_POINTER (va_arg (args, int)));
  va_end (args);

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int grown = GPOINTER_TO_INT (value) - GPOINTER_TO_INT (g_hash_table_lookup (before, key));

      if (grown != GPOINTER_TO_INT (g_hash_table_lookup (expected, key)))
        g_error ("table %s grew by %d rows, expected %d", (const char *) key, grown,
                 GPOINTER_TO_INT (g_hash_table_lookup (expected, key)));
    }
}

/* Whether @column has the same value (and type) in rows @a and @b */
static void
assert_same_value (FdDatabase *db,
                   const char *table,
                   const char *column,
                   const char *a,
                   const char *b)
{
  g_autofree char *sql = g_strdup_printf ("SELECT quote (\"%s\") FROM \"%s\" WHERE id = ?1",
                                          column, table);
  g_autofree char *first = core_query_text (db, sql, a);
  g_autofree char *second = core_query_text (db, sql, b);

  if (g_strcmp0 (first, second) != 0)
    g_error ("%s.%s: %s copied as %s", table, column, first, second);
}

/* What the help centre says a duplicate takes from the session's
 * creation form, what it sets anew, and what it leaves behind. */
static const char * const copied_session_columns[] = {
  "training_id", "label", "kind", "client_id", "organisation_id", "population",
  "capacity_min", "capacity_target", "capacity_max", "dispositif", "eligible_funding",
  "price_cents", "commission_bp", "certification_id", "evaluation", "evaluation_id",
  "comments", "notice_comment", "organisation_comment", "calendar_invitations",
  "survey_config", NULL
};

static const char * const set_session_columns[] = {
  "code", "year", "status", "published", "planned_start_on", "planned_end_on", NULL
};

/* The write path's own columns (its dates come from its slots: none yet),
 * and the partner's reference (a copy is not the partner's session) */
static const char * const other_session_columns[] = {
  "id", "version", "deleted", "updated_at", "revision", "search_key", "sort_key",
  "starts_on", "ends_on", "external_reference", NULL
};

static const char * const copied_sequence_columns[] = {
  "position", "label", "modality", "url", "status", "prework", "survey_config", NULL
};

static const char * const copied_email_columns[] = {
  "template_id", "kind", "enabled", "anchor", "offset_minutes", "recipients", "cc", "bcc", NULL
};

static char *
duplicate (Fixture *fixture,
           int      year,
           char   **new_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (7, G_DATE_SEPTEMBER, year);
  g_autoptr(GDate) end = g_date_new_dmy (25, G_DATE_SEPTEMBER, year);
  char *new_id = NULL;

  g_assert_true (fd_session_duplicate (fixture->core.db, fixture->session, year, start, end,
                                       &new_id, new_code, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (new_id));

  return new_id;
}

static void
test_duplicate_decides_every_column (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) columns = query_column (fixture->core.db,
                                               "SELECT name FROM pragma_table_info('session')",
                                               NULL);

  /* A column added to session must be put in one of the lists: copied
   * by a duplicate, or not. */
  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);

      if (!g_strv_contains (copied_session_columns, column) &&
          !g_strv_contains (set_session_columns, column) &&
          !g_strv_contains (other_session_columns, column))
        g_error ("session.%s: does a duplicate copy it? Say so in fd-session-duplicate.c "
                 "and here", column);
    }
}

static void
test_duplicate_copies_the_form (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *code = NULL;
  g_autofree char *id = duplicate (fixture, 2027, &code);
  g_autofree char *status = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  for (guint i = 0; copied_session_columns[i] != NULL; i++)
    assert_same_value (fixture->core.db, "session", copied_session_columns[i], fixture->session,
                       id);

  /* A new code for the year, a draft whose workflow starts again */
  g_assert_cmpstr (code, ==, "2027-0001");
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT year FROM session WHERE id = ?1", id),
                   ==, 2027);
  status = core_query_text (fixture->core.db, "SELECT status FROM session WHERE id = ?1", id);
  g_assert_cmpstr (status, ==, "created");
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT published FROM session WHERE id = ?1",
                                   id), ==, 0);
  start = core_query_text (fixture->core.db, "SELECT planned_start_on FROM session WHERE id = ?1",
                           id);
  end = core_query_text (fixture->core.db, "SELECT planned_end_on FROM session WHERE id = ?1", id);
  g_assert_cmpstr (start, ==, "2027-09-07");
  g_assert_cmpstr (end, ==, "2027-09-25");
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT external_reference IS NULL"
                                                     " FROM session WHERE id = ?1", id), ==, 1);
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT code = '2027-0001' AND deleted = 0"
                                                     " FROM session WHERE id = ?1", id), ==, 1);

  /* The original is untouched */
  g_free (status);
  status = core_query_text (fixture->core.db, "SELECT status || published || code FROM session"
                                              " WHERE id = ?1", fixture->session);
  g_assert_cmpstr (status, ==, "confirmed12026-0001");
}

static void
test_duplicate_keeps_sequences (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *id = duplicate (fixture, 2027, NULL);
  g_autoptr(GPtrArray) old = query_column (fixture->core.db,
                                           "SELECT id FROM sequence WHERE session_id = ?1"
                                           " AND deleted = 0 ORDER BY position",
                                           fixture->session);
  g_autoptr(GPtrArray) new = query_column (fixture->core.db,
                                           "SELECT id FROM sequence WHERE session_id = ?1"
                                           " ORDER BY position",
                                           id);

  /* The live sequences, with their surveys; not the deleted one */
  g_assert_cmpuint (old->len, ==, 2);
  g_assert_cmpuint (new->len, ==, 2);
  for (guint i = 0; i < new->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (old, i), !=, g_ptr_array_index (new, i));
      for (guint c = 0; copied_sequence_columns[c] != NULL; c++)
        assert_same_value (fixture->core.db, "sequence", copied_sequence_columns[c],
                           g_ptr_array_index (old, i), g_ptr_array_index (new, i));
    }
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT count (*) FROM sequence"
                                                     " WHERE session_id = ?1"
                                                     " AND survey_config = '{\"hot\":\"Q1\"}'", id),
                   ==, 1);
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT count (*) FROM sequence"
                                                     " WHERE session_id = ?1 AND prework = 1", id),
                   ==, 1);
}

static void
test_duplicate_copies_emails (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *id = duplicate (fixture, 2027, NULL);
  g_autoptr(GPtrArray) old = query_column (fixture->core.db,
                                           "SELECT id FROM session_email WHERE session_id = ?1"
                                           " ORDER BY kind", fixture->session);
  g_autoptr(GPtrArray) new = query_column (fixture->core.db,
                                           "SELECT id FROM session_email WHERE session_id = ?1"
                                           " ORDER BY kind", id);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) populations = NULL;

  g_assert_cmpuint (new->len, ==, 2);
  for (guint i = 0; i < new->len; i++)
    for (guint c = 0; copied_email_columns[c] != NULL; c++)
      assert_same_value (fixture->core.db, "session_email", copied_email_columns[c],
                         g_ptr_array_index (old, i), g_ptr_array_index (new, i));

  /* Their live attachments, attached to the copies */
  files = query_column (fixture->core.db,
                        "SELECT a.file_name || ':' || a.blob_sha256 || ':' || e.kind"
                        " || ':' || coalesce (a.mime_type, '-')"
                        " FROM attachment a JOIN session_email e ON e.id = a.owner_id"
                        " WHERE a.owner_entity = 'session_email' AND e.session_id = ?1"
                        " AND a.deleted = 0 ORDER BY a.file_name", id);
  g_assert_cmpuint (files->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, "plan-acces.pdf:bb22:notice:application/pdf");
  g_assert_cmpstr (g_ptr_array_index (files, 1), ==, "questionnaire.pdf:ee55:reminder:-");
  g_assert_cmpstr (g_ptr_array_index (files, 2), ==, "reglement-interieur.pdf:cc33:notice:-");

  /* and the live populations */
  populations = query_column (fixture->core.db,
                              "SELECT population_id FROM session_population WHERE session_id = ?1",
                              id);
  g_assert_cmpuint (populations->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (populations, 0), ==, fixture->population);
}

/* Slots, staff, costs, fundings, participants, attendance, certifications,
 * documents, survey results and history stay behind. */
static void
test_duplicate_leaves_the_rest (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GHashTable) before = count_rows (fixture->core.db);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *id = duplicate (fixture, 2027, NULL);

  after = count_rows (fixture->core.db);
  assert_rows_grew (before, after,
                    "session", 1, "sequence", 2, "session_email", 2, "session_population", 1,
                    "attachment", 3, NULL);

  /* Nothing else refers to the new session */
  tables = query_column (fixture->core.db,
                         "SELECT m.name FROM sqlite_schema m, pragma_table_info (m.name) c"
                         " WHERE m.type = 'table' AND c.name = 'session_id'", NULL);
  g_assert_cmpuint (tables->len, >=, 10);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM \"%s\" WHERE session_id = ?1",
                                              table);
      gint64 expected = g_str_equal (table, "sequence") || g_str_equal (table, "session_email") ? 2
                        : g_str_equal (table, "session_population") ? 1
                        : 0;

      if (core_query_int (fixture->core.db, sql, id) != expected)
        g_error ("%s has %" G_GINT64_FORMAT " rows of the duplicate", table,
                 core_query_int (fixture->core.db, sql, id));
    }
}

static void
test_duplicate_numbers_per_year (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *same_year = NULL;
  g_autofree char *id1 = duplicate (fixture, 2027, &first);
  g_autofree char *id2 = duplicate (fixture, 2027, &second);
  g_autofree char *id3 = duplicate (fixture, 2026, &same_year);

  g_assert_cmpstr (first, ==, "2027-0001");
  g_assert_cmpstr (second, ==, "2027-0002");
  g_assert_cmpstr (same_year, ==, "2026-0002");
}

static void
assert_field_error (GError     *error,
                    const char *field)
{
  g_assert_error (error, FD_VALIDATION_ERROR, error->code);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, field);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_duplicate_refuses_bad_input (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GHashTable) before = count_rows (fixture->core.db);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (7, G_DATE_SEPTEMBER, 2027);
  g_autoptr(GDate) end = g_date_new_dmy (25, G_DATE_SEPTEMBER, 2027);
  g_autoptr(GDate) before_start = g_date_new_dmy (6, G_DATE_SEPTEMBER, 2027);
  g_autofree char *deleted = NULL;
  GDate invalid;
  static const int bad_years[] = { 0, 1899, 2201, -2027 };
  char *new_id = NULL;
  char *new_code = NULL;
  GError *error = NULL;

  g_date_clear (&invalid, 1);

  g_assert_false (fd_session_duplicate (fixture->core.db, fixture->session, 2027, start,
                                        before_start, &new_id, &new_code, &error));
  assert_field_error (error, "planned_end_on");
  g_assert_cmpint (error->code, ==, FD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_years); i++)
    {
      g_assert_false (fd_session_duplicate (fixture->core.db, fixture->session, bad_years[i], start,
                                            end, &new_id, &new_code, &error));
      assert_field_error (error, "year");
      g_clear_error (&error);
    }

  g_assert_false (fd_session_duplicate (fixture->core.db, fixture->session, 2027, NULL, end,
                                        NULL, NULL, &error));
  assert_field_error (error, "planned_start_on");
  g_clear_error (&error);
  g_assert_false (fd_session_duplicate (fixture->core.db, fixture->session, 2027, start, &invalid,
                                        NULL, NULL, &error));
  assert_field_error (error, "planned_end_on");
  g_clear_error (&error);

  g_assert_false (fd_session_duplicate (fixture->core.db, "00000000-0000-4000-8000-000000000000",
                                        2027, start, end, NULL, NULL, &error));
  assert_field_error (error, "session_id");
  g_clear_error (&error);

  deleted = core_create (fixture->core.db, "session", "code", "2026-0099", "#year", "2026",
                         "label", "Supprimée", NULL);
  core_delete (fixture->core.db, "session", deleted);
  g_clear_pointer (&before, g_hash_table_unref);
  before = count_rows (fixture->core.db);
  g_assert_false (fd_session_duplicate (fixture->core.db, deleted, 2027, start, end,
                                        NULL, NULL, &error));
  assert_field_error (error, "session_id");
  g_clear_error (&error);

  g_assert_null (new_id);
  g_assert_null (new_code);
  after = count_rows (fixture->core.db);
  assert_rows_grew (before, after, NULL);

  /* A session of one day is fine */
  g_assert_true (fd_session_duplicate (fixture->core.db, fixture->session, 2027, start, start,
                                       &new_id, &new_code, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_code, ==, "2027-0001");
  g_free (new_id);
  g_free (new_code);
}

/* A row the write path refuses, met half-way through, leaves nothing */
static void
test_duplicate_is_all_or_nothing (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (7, G_DATE_SEPTEMBER, 2027);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  /* An email setting of a blank kind, written behind the write path's
   * back: the copy of it is refused, after the session's and others' */
  sql = g_strdup_printf ("INSERT INTO session_email (id, session_id, kind, anchor)"
                         " VALUES ('broken', '%s', '   ', 'sequence_start')", fixture->session);
  exec_sql (fixture->core.db, sql);
  before = count_rows (fixture->core.db);

  g_assert_false (fd_session_duplicate (fixture->core.db, fixture->session, 2027, start, start,
                                        NULL, NULL, &error));
  g_assert_nonnull (error);

  after = count_rows (fixture->core.db);
  assert_rows_grew (before, after, NULL);
}

/* ------------------------------------------------------------------ */

static void
test_plan_reads_everything (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSessionPlan) plan = fd_database_read_session_plan (fixture->core.db,
                                                                  fixture->session, &error);
  g_auto(FdPlanPeriod) period = { 0, };
  FdPlanSequence *prework;
  FdPlanSequence *main_sequence;
  FdPlanSlot *slot;
  FdPlanEmail *email;
  FdPlanCost *cost;

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  g_assert_cmpstr (plan->code, ==, "2026-0001");
  g_assert_cmpstr (plan->training_code, ==, "BUR-01");
  g_assert_cmpstr (plan->training_title, ==, "Excel initiation");
  g_assert_cmpstr (plan->client_name, ==, "Pharmacie Laurent");
  g_assert_cmpstr (plan->organisation_name, ==, "Horizon Compétences");
  g_assert_cmpstr (plan->certification_name, ==, "TOSA Excel");
  g_assert_cmpstr (plan->evaluation_name, ==, "Satisfaction à chaud");
  g_assert_cmpstr (plan->status, ==, "confirmed");
  g_assert_true (plan->published);
  g_assert_false (plan->calendar_invitations);
  g_assert_cmpint (plan->capacity_max, ==, 10);
  g_assert_cmpint (plan->price_cents, ==, 180000);
  g_assert_cmpstr (plan->external_reference, ==, "PART-77");
  g_assert_cmpuint (plan->n_enrolled, ==, 1); /* the other withdrew */
  g_assert_cmpuint (plan->populations->len, ==, 1);
  g_assert_cmpstr (((FdPopulation *) g_ptr_array_index (plan->populations, 0))->name, ==,
                   "Salariés Laurent");

  /* Pre-work moves the start, not the duration: 3 h 15 + 3 h 30 + 7 h */
  fd_session_plan_compute_period (plan, &period);
  g_assert_cmpstr (period.start_at, ==, "2026-03-02T09:00");
  g_assert_cmpstr (period.end_at, ==, "2026-03-10T17:00");
  g_assert_cmpint (period.duration_minutes, ==, 195 + 210 + 420);
  g_assert_cmpuint (period.n_days, ==, 2);

  g_assert_cmpuint (plan->sequences->len, ==, 2);
  prework = g_ptr_array_index (plan->sequences, 0);
  main_sequence = g_ptr_array_index (plan->sequences, 1);
  g_assert_false (prework->placeholder);
  g_assert_true (prework->prework);
  g_assert_cmpstr (prework->modality, ==, "e_learning");
  g_assert_cmpuint (prework->slots->len, ==, 1);
  g_assert_cmpstr (main_sequence->status, ==, "closed");
  g_assert_cmpstr (main_sequence->survey_config, ==, "{\"hot\":\"Q1\"}");
  g_assert_cmpuint (main_sequence->slots->len, ==, 3);

  slot = g_ptr_array_index (main_sequence->slots, 0);
  g_assert_cmpstr (slot->start_at, ==, "2026-03-09T09:00");
  g_assert_cmpint (slot->break_minutes, ==, 15);
  g_assert_cmpstr (slot->place_name, ==, "Centre Lyon");
  g_assert_cmpstr (slot->room_name, ==, "Salle A");
  g_assert_cmpuint (slot->staff->len, ==, 2);
  g_assert_cmpstr (((FdPlanStaff *) g_ptr_array_index (slot->staff, 0))->role, ==, "trainer");
  g_assert_cmpstr (((FdPlanStaff *) g_ptr_array_index (slot->staff, 0))->email, ==,
                   "alice@ex.fr");
  g_assert_cmpstr (((FdPlanStaff *) g_ptr_array_index (slot->staff, 1))->role, ==, "host");
  slot = g_ptr_array_index (main_sequence->slots, 2);
  g_assert_cmpstr (slot->room_name, ==, "Salle B");
  g_assert_cmpstr (((FdPlanStaff *) g_ptr_array_index (slot->staff, 1))->role, ==,
                   "co_trainer");

  g_assert_cmpuint (plan->costs->len, ==, 2);
  cost = g_ptr_array_index (plan->costs, 0);
  g_assert_cmpint (cost->amount_cents, ==, 50000);
  g_assert_cmpuint (cost->attachments->len, ==, 1);
  g_assert_null (cost->attachment_sha256);
  cost = g_ptr_array_index (plan->costs, 1);
  g_assert_cmpstr (cost->distribution, ==, "per_trainee");
  g_assert_cmpint (cost->quantity, ==, 8);

  g_assert_cmpuint (plan->emails->len, ==, 2);
  email = g_ptr_array_index (plan->emails, 0);
  g_assert_cmpstr (email->template_name, ==, "Convocation");
  g_assert_cmpint (email->offset_minutes, ==, -10080);
  g_assert_cmpstr (email->cc, ==, "rh@laurent.fr");
  g_assert_cmpuint (email->attachments->len, ==, 2);
  email = g_ptr_array_index (plan->emails, 1);
  g_assert_false (email->enabled);
  g_assert_cmpuint (email->attachments->len, ==, 1);
}

static void
test_plan_of_a_duplicate (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *id = duplicate (fixture, 2027, &code);
  g_autofree char *found = fd_session_lookup_code (fixture->core.db, code, &error);
  g_autoptr(FdSessionPlan) plan = NULL;
  g_auto(FdPlanPeriod) period = { 0, };

  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, id);
  plan = fd_database_read_session_plan (fixture->core.db, id, &error);
  g_assert_no_error (error);
  fd_session_plan_compute_period (plan, &period);
  g_assert_null (period.start_at);
  g_assert_cmpint (period.duration_minutes, ==, 0);
  g_assert_cmpstr (plan->planned_start_on, ==, "2027-09-07");
  g_assert_false (plan->published);
  g_assert_cmpuint (plan->sequences->len, ==, 2);
  g_assert_cmpuint (plan->costs->len, ==, 0);
  g_assert_cmpuint (plan->emails->len, ==, 2);
  g_assert_cmpuint (plan->n_enrolled, ==, 0);
}

static void
test_plan_missing (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSessionPlan) plan = NULL;
  g_autofree char *id = NULL;

  id = fd_session_lookup_code (fixture->core.db, "1999-0001", &error);
  g_assert_null (id);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autofree char *deleted = core_create (fixture->core.db, "session", "code", "2026-0050",
                                            "#year", "2026", "label", "Supprimée", NULL);

    core_delete (fixture->core.db, "session", deleted);
    plan = fd_database_read_session_plan (fixture->core.db, deleted, &error);
  }
  g_assert_null (plan);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  id = fd_session_lookup_code (fixture->core.db, "2026-0050", &error);
  g_assert_null (id);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------ */

#define HEADER "reference;formation;libelle;type;sequence;date;debut;fin;pause_minutes;lieu;salle;formateurs"

static FdSessionImport *
parse (const char *text,
       gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GError) error = NULL;
  FdSessionImport *import = fd_session_import_parse_csv (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static void
assert_parse_error (const char *text,
                    gssize      length,
                    int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSessionImport) import = fd_session_import_parse_csv (bytes, &error);

  g_assert_null (import);
  g_assert_error (error, FD_SESSION_IMPORT_ERROR, code);
}

static const char *
row_value (FdSessionImport       *import,
       guint                  row,
       FdSessionImportColumn  column)
{
  return fd_session_import_get_value (import, row, column);
}

static char *
problems_text (FdSessionImport *import)
{
  GPtrArray *problems = fd_session_import_get_problems (import);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = fd_session_import_problem_format (g_ptr_array_index (problems, i));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}

static void
test_parse_separators_and_endings (void)
{
  /* The same rows, with either separator and any line ending */
  static const char * const files[] = {
    HEADER "\nP-1;BUR-01;Excel;inter;Jour 1;10/03/2026;09:00;12:30;15;Centre Lyon;Salle A;alice@ex.fr\n",
    HEADER "\r\nP-1;BUR-01;Excel;inter;Jour 1;10/03/2026;09:00;12:30;15;Centre Lyon;Salle A;alice@ex.fr\r\n",
    HEADER "\rP-1;BUR-01;Excel;inter;Jour 1;10/03/2026;09:00;12:30;15;Centre Lyon;Salle A;alice@ex.fr",
    "reference,formation,libelle,type,sequence,date,debut,fin,pause_minutes,lieu,salle,formateurs\n"
    "P-1,BUR-01,Excel,inter,Jour 1,10/03/2026,09:00,12:30,15,Centre Lyon,Salle A,alice@ex.fr\n",
    "\xef\xbb\xbf" HEADER "\n\n  \n"
    "P-1;BUR-01;Excel;inter;Jour 1;10/03/2026;09:00;12:30;15;Centre Lyon;Salle A;alice@ex.fr\n"
    ";;;;;;;;;;;\n",
    "\n\r\n  \nreference,formation,libelle,type,sequence,date,debut,fin,pause_minutes,lieu,salle,formateurs\n"
    "P-1,BUR-01,Excel,inter,Jour 1,10/03/2026,09:00,12:30,15,Centre Lyon,Salle A,alice@ex.fr\n",
    /* columns in another order, named with accents and capitals */
    "Formateurs;Salle;Lieu;Pause minutes;Fin;Début;Date;Séquence;Type;Libellé;Formation;Référence\n"
    "alice@ex.fr;Salle A;Centre Lyon;15;12:30;09:00;10/03/2026;Jour 1;inter;Excel;BUR-01;P-1\n",
  };
  /* the line of the row: blank lines count */
  static const guint lines[] = { 2, 2, 2, 2, 4, 5, 2 };

  G_STATIC_ASSERT (G_N_ELEMENTS (lines) == G_N_ELEMENTS (files));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(FdSessionImport) import = parse (files[i], -1);

      g_test_message ("file %u", i);
      g_assert_cmpuint (fd_session_import_get_problems (import)->len, ==, 0);
      g_assert_cmpuint (fd_session_import_get_n_rows (import), ==, 1);
      g_assert_cmpuint (fd_session_import_get_row_line (import, 0), ==, lines[i]);
      g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_REFERENCE), ==, "P-1");
      g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_LABEL), ==, "Excel");
      g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_SEQUENCE), ==, "Jour 1");
      g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_PLACE), ==, "Centre Lyon");
      g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_TRAINERS), ==, "alice@ex.fr");
    }
}

static void
test_parse_quotes (void)
{
  const char *text =
    "reference,formation,libelle,type,sequence,date,debut,fin,pause_minutes,lieu,salle,formateurs\r\n"
    "P-1,BUR-01,\"Excel, niveau 1\",inter,\"Jour \"\"un\"\"\",10/03/2026,09:00,12:30,,"
    "\"Centre\r\nLyon\",  \"Salle A\"  ,\"alice@ex.fr,bob@ex.fr\"\r\n"
    "P-1,BUR-01,,inter,Jour 2,11/03/2026,09:00,12:30,,Centre Lyon,Salle \"A\",\r\n";
  g_autoptr(FdSessionImport) import = parse (text, -1);

  g_assert_cmpuint (fd_session_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (fd_session_import_get_n_rows (import), ==, 2);
  g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_LABEL), ==, "Excel, niveau 1");
  g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_SEQUENCE), ==, "Jour \"un\"");
  g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_PLACE), ==, "Centre\nLyon");
  g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_ROOM), ==, "Salle A");
  g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_TRAINERS), ==,
                   "alice@ex.fr,bob@ex.fr");
  /* The quoted line break moved the next row a line down */
  g_assert_cmpuint (fd_session_import_get_row_line (import, 1), ==, 4);
  g_assert_cmpstr (row_value (import, 1, FD_SESSION_IMPORT_COLUMN_ROOM), ==, "Salle \"A\"");
}

static void
test_parse_encodings (void)
{
  /* "Préparation à l’examen" and "Centre Lyon" in UTF-8, UTF-8 with a
   * BOM, and Windows-1252 (é = E9, à = E0, ’ = 92) */
  const char *utf8 = HEADER "\n"
                     "P-1;BUR-01;Préparation à l’examen;inter;Séance;10/03/2026;09:00;12:30;0;"
                     "Centre Lyon;;\n";
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", utf8, NULL);
  const char *cp1252 = HEADER "\n"
                       "P-1;BUR-01;Pr\xe9paration \xe0 l\x92" "examen;inter;S\xe9" "ance;"
                       "10/03/2026;09:00;12:30;0;Centre Lyon;;\n";
  const char *cp1252_header = "R\xe9" "f\xe9rence;formation;libell\xe9;type;s\xe9quence;date;"
                              "d\xe9" "but;fin;pause_minutes;lieu;salle;formateurs\n"
                              "P-1;BUR-01;Pr\xe9paration \xe0 l\x92" "examen;inter;S\xe9" "ance;"
                              "10/03/2026;09:00;12:30;0;Centre Lyon;;\n";
  const char * const files[] = { utf8, bom, cp1252, cp1252_header };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(FdSessionImport) import = parse (files[i], -1);

      g_assert_cmpuint (fd_session_import_get_problems (import)->len, ==, 0);
      g_assert_cmpuint (fd_session_import_get_n_rows (import), ==, 1);
      g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_LABEL), ==,
                       "Préparation à l’examen");
      g_assert_cmpstr (row_value (import, 0, FD_SESSION_IMPORT_COLUMN_SEQUENCE), ==, "Séance");
    }
}

static void
test_parse_header_problems (void)
{
  g_autoptr(FdSessionImport) missing = parse ("reference;formation;type;sequence;date;debut;fin\n"
                                              "P-1;BUR-01;inter;J1;10/03/2026;09:00;12:00\n", -1);
  g_autoptr(FdSessionImport) twice = parse (HEADER ";lieu\nP-1\n", -1);
  g_autoptr(FdSessionImport) unknown = parse (HEADER ";couleur;prix\n"
                                              "P-1;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;;;bleu;12\n",
                                              -1);
  g_autoptr(FdSessionImport) single = parse ("hello\nworld\n", -1);
  g_autofree char *missing_text = problems_text (missing);
  g_autofree char *twice_text = problems_text (twice);
  g_autofree char *unknown_text = problems_text (unknown);
  GPtrArray *problems;

  g_assert_cmpstr (missing_text, ==,
                   "line 1: the column “libelle” is missing\n"
                   "line 1: the column “pause_minutes” is missing\n"
                   "line 1: the column “lieu” is missing\n"
                   "line 1: the column “salle” is missing\n"
                   "line 1: the column “formateurs” is missing\n");
  g_assert_cmpuint (fd_session_import_get_n_rows (missing), ==, 0);
  g_assert_cmpstr (twice_text, ==, "line 1: the column “lieu” appears twice\n");
  g_assert_cmpstr (unknown_text, ==, "line 1: unknown columns “couleur”, “prix”\n");
  g_assert_cmpuint (fd_session_import_get_n_rows (unknown), ==, 1);

  problems = fd_session_import_get_problems (single);
  g_assert_cmpuint (problems->len, ==, FD_SESSION_IMPORT_N_COLUMNS + 1);
  g_assert_cmpuint (fd_session_import_get_n_rows (single), ==, 0);
}

static void
test_parse_bad_input (void)
{
  g_autoptr(FdSessionImport) counts = NULL;
  g_autofree char *counts_text = NULL;
  GError *error = NULL;
  GBytes *bytes;

  assert_parse_error ("", 0, FD_SESSION_IMPORT_ERROR_EMPTY);
  assert_parse_error ("\xef\xbb\xbf", 3, FD_SESSION_IMPORT_ERROR_EMPTY);
  assert_parse_error ("\n\r\n  \n", -1, FD_SESSION_IMPORT_ERROR_EMPTY);
  assert_parse_error ("\xff\xfer\0e\0f\0", 8, FD_SESSION_IMPORT_ERROR_ENCODING);
  assert_parse_error (HEADER "\nP-1;\0;x\n", sizeof HEADER + 8, FD_SESSION_IMPORT_ERROR_NOT_TEXT);
  /* 0x81 is not a Windows-1252 character, and this is not UTF-8 */
  assert_parse_error (HEADER "\nP-\x81\xe9;\n", -1, FD_SESSION_IMPORT_ERROR_ENCODING);

  /* An open quote swallows the file: the error names where it opened */
  bytes = g_bytes_new_static (HEADER "\nP-1;\"BUR-01;\n\nP-2;x\n", strlen (HEADER) + 21);
  g_assert_null (fd_session_import_parse_csv (bytes, &error));
  g_assert_error (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "line 2: a quoted field is not closed");
  g_clear_error (&error);
  g_bytes_unref (bytes);

  /* Rows with too few or too many fields, or text after a quote, are
   * problems of their line; the others are still read */
  counts = parse (HEADER "\nP-1;BUR-01\n"
                  "P-2;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;;;extra\n"
                  "P-3;BUR-01;\"Excel\" niveau 2;inter;J1;10/03/2026;09:00;12:00;;;;\n"
                  "P-4;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;;\n", -1);
  counts_text = problems_text (counts);
  g_assert_cmpstr (counts_text, ==,
                   "line 2: the row has 2 fields where the header has 12\n"
                   "line 3: the row has 13 fields where the header has 12\n"
                   "line 4: libelle: text follows the closing quote of the field\n");
  g_assert_cmpuint (fd_session_import_get_n_rows (counts), ==, 1);
  g_assert_cmpstr (row_value (counts, 0, FD_SESSION_IMPORT_COLUMN_REFERENCE), ==, "P-4");
}

static const char good_file[] =
  HEADER "\n"
  "P-1;BUR-01;;inter;Jour 1;10/03/2026;13:30;17:00;;Centre Lyon;Salle A;alice@ex.fr\n"
  "P-1;BUR-01;;inter;Jour 1;10/03/2026;09:00;12:30;15;Centre Lyon;Salle A;alice@ex.fr, bob@ex.fr\n"
  "P-2;MAN-08;Management — partenaire;intra;Module 1;2027-02-02;9h00;12h;0;;;\n"
  "P-1;BUR-01;;inter;Jour 2;11/03/2026;09:00;17:00;60;centre lyon;SALLE B;ALICE@EX.FR;\n";

static char *
warnings_text (FdSessionImport *import)
{
  GPtrArray *sessions = fd_session_import_get_sessions (import);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sessions->len; i++)
    {
      FdSessionImportSession *session = g_ptr_array_index (sessions, i);

      for (guint k = 0; k < session->slots->len; k++)
        {
          FdSessionImportSlot *slot = g_ptr_array_index (session->slots, k);

          for (guint w = 0; w < slot->warnings->len; w++)
            {
              const FdSessionImportProblem *warning = g_ptr_array_index (slot->warnings, w);

              g_string_append_printf (text, "%u: %s\n", warning->line, warning->message);
            }
        }
    }

  return g_string_free (text, FALSE);
}

/* Conflicts with what is planned, and between the file's own rows, are
 * warnings of the preview: they do not stop the import */
static void
test_check_finds_conflicts (Fixture       *fixture,
                            gconstpointer  user_data)
{
  static const char file[] =
    HEADER "\n"
    "P-9;BUR-01;;inter;Jour 1;09/03/2026;10:00;11:00;0;Centre Lyon;Salle A;alice@ex.fr\n"
    "P-9;BUR-01;;inter;Jour 2;20/03/2026;09:00;12:00;0;Centre Lyon;Salle B;bob@ex.fr\n"
    "P-9;BUR-01;;inter;Jour 2;20/03/2026;11:00;13:00;0;Centre Lyon;Salle B;bob@ex.fr\n"
    "P-9;BUR-01;;inter;Jour 3;27/03/2026;09:00;12:00;0;Centre Lyon;Salle B;bob@ex.fr\n";
  g_autoptr(FdSessionImport) import = parse (file, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *warnings = NULL;

  g_assert_true (fd_session_import_check (fixture->core.db, import, &error));
  g_assert_no_error (error);
  problems = problems_text (import);
  g_assert_cmpstr (problems, ==, "");

  warnings = warnings_text (import);
  g_test_message ("%s", warnings);
  /* line 2: Alice teaches then in Salle A, which is booked */
  g_assert_nonnull (strstr (warnings, "2: Alice Martin"));
  g_assert_nonnull (strstr (warnings, "2: Salle A"));
  /* lines 3 and 4 overlap: told on line 4, for the trainer and the room */
  g_assert_nonnull (strstr (warnings, "4: the same trainer is also on line 3 at that time"));
  g_assert_nonnull (strstr (warnings, "4: the same room is also booked on line 3 at that time"));
  g_assert_null (strstr (warnings, "5: "));

  /* Imported all the same, as a draft */
  g_assert_true (fd_session_import_apply (fixture->core.db, import, &error));
  g_assert_no_error (error);
}

static void
test_check_groups_sessions (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(FdSessionImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FdSessionImportSession *session;
  FdSessionImportSlot *slot;
  GPtrArray *sessions;

  /* The last row has one field too many: its trailing separator */
  import = parse (good_file, -1);
  text = problems_text (import);
  g_assert_cmpstr (text, ==, "line 5: the row has 13 fields where the header has 12\n");
  g_clear_pointer (&import, fd_session_import_free);
  g_clear_pointer (&text, g_free);

  {
    g_autofree char *fixed = g_strndup (good_file, sizeof good_file - 3);

    import = parse (fixed, -1);
  }
  g_assert_true (fd_session_import_check (fixture->core.db, import, &error));
  g_assert_no_error (error);
  text = problems_text (import);
  g_assert_cmpstr (text, ==, "");

  sessions = fd_session_import_get_sessions (import);
  g_assert_cmpuint (sessions->len, ==, 2);

  session = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (session->reference, ==, "P-1");
  g_assert_cmpuint (session->line, ==, 2);
  g_assert_cmpstr (session->training_code, ==, "BUR-01");
  g_assert_cmpstr (session->label, ==, "Excel initiation");
  g_assert_cmpstr (session->kind, ==, "inter");
  g_assert_cmpint (session->year, ==, 2026);
  g_assert_cmpstr (session->start_at, ==, "2026-03-10T09:00");
  g_assert_cmpstr (session->end_at, ==, "2026-03-11T17:00");
  g_assert_cmpuint (session->sequences->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (session->sequences, 1), ==, "Jour 2");
  g_assert_cmpuint (session->slots->len, ==, 3);
  g_assert_null (session->id);

  /* In time order, names resolved whatever their case */
  slot = g_ptr_array_index (session->slots, 0);
  g_assert_cmpuint (slot->line, ==, 3);
  g_assert_cmpint (slot->break_minutes, ==, 15);
  g_assert_cmpuint (slot->trainer_ids->len, ==, 2);
  g_assert_cmpstr (slot->room_id, ==, fixture->room_a);
  slot = g_ptr_array_index (session->slots, 2);
  g_assert_cmpstr (slot->sequence, ==, "Jour 2");
  g_assert_cmpstr (slot->place_name, ==, "Centre Lyon");
  g_assert_cmpstr (slot->room_id, ==, fixture->room_b);
  g_assert_cmpuint (slot->trainer_ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (slot->trainer_ids, 0), ==, fixture->alice);
  g_assert_cmpuint (slot->warnings->len, ==, 0);

  session = g_ptr_array_index (sessions, 1);
  g_assert_cmpstr (session->label, ==, "Management — partenaire");
  g_assert_cmpstr (session->kind, ==, "intra");
  g_assert_cmpint (session->year, ==, 2027);
  slot = g_ptr_array_index (session->slots, 0);
  g_assert_cmpstr (slot->start_at, ==, "2027-02-02T09:00");
  g_assert_cmpstr (slot->end_at, ==, "2027-02-02T12:00");
  g_assert_null (slot->place_id);

  /* Nothing is written by a check */
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT count (*) FROM session", NULL), ==, 1);
}

typedef struct
{
  guint line;
  const char *column;
} Expected;

static void
test_check_lists_bad_rows (Fixture       *fixture,
                           gconstpointer  user_data)
{
  static const char file[] =
    HEADER "\n"
    /* 2 */ "A-2;XXX-99;;inter;J1;10/03/2026;09:00;12:00;;;;\n"
    /* 3 */ "A-3;OLD-01;;inter;J1;10/03/2026;09:00;12:00;;;;\n"
    /* 4 */ "A-4;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;Nulle part;;\n"
    /* 5 */ "A-5;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;Centre Lyon;Salle C;\n"
    /* 6 */ "A-6;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;;carl@ex.fr\n"
    /* 7 */ "A-7;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;;alice@ex.fr,zed@ex.fr\n"
    /* 8 */ "A-8;BUR-01;;inter;J1;31/02/2026;09:00;12:00;;;;\n"
    /* 9 */ "A-9;BUR-01;;inter;J1;10/03/2026;25:00;12:00;;;;\n"
    /* 10 */ "A-10;BUR-01;;inter;J1;10/03/2026;14:00;13:00;;;;\n"
    /* 11 */ "A-11;BUR-01;;inter;J1;10/03/2026;09:00;10:00;60;;;\n"
    /* 12 */ "A-12;BUR-01;;public;J1;10/03/2026;09:00;12:00;;;;\n"
    /* 13 */ "A-13;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;;\n"
    /* 14 */ "A-13;MAN-08;;inter;J2;11/03/2026;09:00;12:00;;;;\n"
    /* 15 */ "A-15;BUR-01;;inter;;10/03/2026;09:00;12:00;;;;\n"
    /* 16 */ "A-16;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;Salle A;\n"
    /* 17 */ "A-17;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;Ancien centre;;\n"
    /* 18 */ "A-18;BUR-01;;inter;J1;10/03/2026;09:00;12:00\n"
    /* 19 */ "A-19;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;;pas-un-email\n"
    /* 20 */ "A-20;BUR-01;;inter;J1;10/03/2026;09:00;12:00;quinze;;;\n"
    /* 21 */ "A-13;BUR-01;Excel débutants;intra;J3;12/03/2026;09:00;12:00;;;;\n"
    /* 22 */ "A-13;BUR-01;Autre libellé;inter;J3;12/03/2026;14:00;17:00;;;;\n"
    /* 23 */ "A-23;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;Centre Lyon;Salle Z;\n"
    /* 24 */ "PART-77;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;;\n"
    /* 25 */ "A-25;BUR-01;;inter;J1;10/3/2026;9:00;12:00;;Centre Paris;Salle C;bob@ex.fr\n";
  static const Expected expected[] = {
    { 2, "formation" }, { 3, "formation" }, { 4, "lieu" }, { 5, "salle" },
    { 6, "formateurs" }, { 7, "formateurs" }, { 8, "date" }, { 9, "debut" },
    { 10, "fin" }, { 11, "pause_minutes" }, { 12, "type" }, { 14, "formation" },
    { 15, "sequence" }, { 16, "salle" }, { 17, "lieu" }, { 18, NULL },
    { 19, "formateurs" }, { 20, "pause_minutes" }, { 21, "type" }, { 22, "libelle" },
    { 23, "salle" }, { 24, "reference" },
  };
  g_autoptr(FdSessionImport) import = parse (file, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GPtrArray *problems;

  g_assert_true (fd_session_import_check (fixture->core.db, import, &error));
  g_assert_no_error (error);
  problems = fd_session_import_get_problems (import);
  text = problems_text (import);
  g_test_message ("%s", text);

  /* Each bad row once, naming its column; the good ones (13, 25) not */
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      FdSessionImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = fd_session_import_problem_format (problem);
      g_autofree char *prefix = g_strdup_printf ("line %u: ", expected[i].line);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpstr (problem->column, ==, expected[i].column);
      g_assert_true (g_str_has_prefix (line, prefix));
      g_assert_cmpuint (strlen (problem->message), >, 10);
    }

  g_assert_nonnull (strstr (text, "line 2: formation: no training has the code “XXX-99”\n"));
  g_assert_nonnull (strstr (text, "line 3: formation: the training “OLD-01” was deleted\n"));
  g_assert_nonnull (strstr (text, "line 5: salle: the room “Salle C” is in “Centre "
                            "Paris”, not in “Centre Lyon”\n"));
  g_assert_nonnull (strstr (text, "line 6: formateurs: the trainer Carl Petit (carl@ex.fr) was deleted\n"));
  g_assert_nonnull (strstr (text, "line 7: formateurs: no trainer has the email “zed@ex.fr”\n"));
  g_assert_nonnull (strstr (text, "line 10: fin: the slot ends at 13:00, not after its start at 14:00\n"));
  g_assert_nonnull (strstr (text, "line 11: pause_minutes: a break of 60 minutes does "
                            "not fit in a slot of 60 minutes\n"));
  g_assert_nonnull (strstr (text, "line 14: formation: the session “A-13” already has "
                            "the training “BUR-01” (line 13)\n"));
  g_assert_nonnull (strstr (text, "line 24: reference: the session “PART-77” was "
                            "already imported as 2026-0001\n"));

  /* A check does not write, and an import with problems is not applied */
  g_assert_false (fd_session_import_apply (fixture->core.db, import, &error));
  g_assert_error (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_INVALID);
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT count (*) FROM session", NULL), ==, 1);
}

static void
test_apply_writes_drafts (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *fixed = g_strndup (good_file, sizeof good_file - 3);
  g_autoptr(FdSessionImport) import = parse (fixed, -1);
  g_autoptr(GHashTable) before = count_rows (fixture->core.db);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autofree char *row = NULL;
  FdSessionImportSession *first;
  FdSessionImportSession *second;

  g_assert_true (fd_session_import_apply (fixture->core.db, import, &error));
  g_assert_no_error (error);

  /* and their emails prefilled from the templates: the fixture's one
   * template is a convocation, which an inter session does not get */
  after = count_rows (fixture->core.db);
  assert_rows_grew (before, after, "session", 2, "sequence", 3, "slot", 4, "slot_staff", 4,
                    "session_email", 1, NULL);

  first = g_ptr_array_index (fd_session_import_get_sessions (import), 0);
  second = g_ptr_array_index (fd_session_import_get_sessions (import), 1);
  g_assert_cmpstr (first->code, ==, "2026-0002");
  g_assert_cmpstr (second->code, ==, "2027-0001");
  g_assert_true (g_uuid_string_is_valid (first->id));
  g_assert_true (g_uuid_string_is_valid (((FdSessionImportSlot *) g_ptr_array_index (first->slots, 0))->id));

  /* A draft, with what the training fills in */
  row = core_query_text (fixture->core.db,
                         "SELECT s.code || '|' || s.label || '|' || s.kind || '|' || s.status"
                         " || '|' || s.published || '|' || s.external_reference || '|'"
                         " || s.capacity_max || '|' || s.dispositif || '|' || s.price_cents"
                         " || '|' || s.certification_id || '|' || s.eligible_funding || '|'"
                         " || s.comments || '|' || s.evaluation"
                         " FROM session s WHERE s.id = ?1", first->id);
  {
    g_autofree char *expected = g_strdup_printf ("2026-0002|Excel initiation|inter|created|0|P-1|9|"
                                                 "Action de formation|69000|%s|1|Ordinateur fourni|"
                                                 "Quiz final", fixture->certification);

    g_assert_cmpstr (row, ==, expected);
  }
  g_clear_pointer (&row, g_free);
  row = core_query_text (fixture->core.db,
                         "SELECT group_concat (label || '@' || position, ',') FROM"
                         " (SELECT label, position FROM sequence WHERE session_id = ?1"
                         "  ORDER BY position)",
                         first->id);
  g_assert_cmpstr (row, ==, "Jour 1@0,Jour 2@1");
  g_clear_pointer (&row, g_free);
  row = core_query_text (fixture->core.db,
                         "SELECT group_concat (start_at || '-' || substr (end_at, 12) || '/'"
                         " || break_minutes || '/' || coalesce (room_id = ?1, 'none'), ',') FROM"
                         " (SELECT * FROM slot WHERE session_id IN"
                         "  (SELECT id FROM session WHERE external_reference IN ('P-1', 'P-2'))"
                         "  ORDER BY start_at)",
                         fixture->room_a);
  g_assert_cmpstr (row, ==, "2026-03-10T09:00-12:30/15/1,2026-03-10T13:30-17:00/0/1,"
                            "2026-03-11T09:00-17:00/60/0,2027-02-02T09:00-12:00/0/none");

  staff = query_column (fixture->core.db,
                        "SELECT ss.trainer_id || ss.role FROM slot_staff ss JOIN slot sl"
                        " ON sl.id = ss.slot_id WHERE sl.session_id = ?1 ORDER BY sl.start_at,"
                        " ss.trainer_id = (SELECT id FROM trainer WHERE email = 'bob@ex.fr')",
                        first->id);
  g_assert_cmpuint (staff->len, ==, 4);

  problems = fd_database_verify (fixture->core.db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("verify: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_apply_is_all_or_nothing (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *fixed = g_strndup (good_file, sizeof good_file - 3);
  g_autofree char *bad = g_strconcat (fixed, "P-3;BUR-01;;inter;J1;10/03/2026;09:00;12:00;;;;zed@ex.fr\n",
                                      NULL);
  g_autoptr(FdSessionImport) bad_import = parse (bad, -1);
  g_autoptr(FdSessionImport) import = parse (fixed, -1);
  g_autoptr(GHashTable) before = count_rows (fixture->core.db);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outbox = fd_database_count_outbox (fixture->core.db);

  /* One bad row: nothing of the good ones is written */
  g_assert_false (fd_session_import_apply (fixture->core.db, bad_import, &error));
  g_assert_error (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fd_session_import_get_problems (bad_import)->len, ==, 1);

  /* The database refusing the last row written: nothing is written */
  exec_sql (fixture->core.db, "CREATE TEMP TRIGGER refuse_staff BEFORE INSERT ON slot_staff"
                              " WHEN NEW.trainer_id = (SELECT id FROM trainer"
                              "                        WHERE email = 'alice@ex.fr')"
                              " AND (SELECT count (*) FROM slot WHERE start_at >= '2026-03-11') > 0"
                              " BEGIN SELECT RAISE (ABORT, 'refused'); END");
  g_assert_false (fd_session_import_apply (fixture->core.db, import, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  exec_sql (fixture->core.db, "DROP TRIGGER refuse_staff");

  after = count_rows (fixture->core.db);
  assert_rows_grew (before, after, NULL);
  g_assert_cmpint (fd_database_count_outbox (fixture->core.db), ==, outbox);

  /* and then it can be written */
  g_assert_true (fd_session_import_apply (fixture->core.db, import, &error));
  g_assert_no_error (error);
}

/* The database may change between the preview and the import: the
 * import checks again */
static void
test_apply_checks_again (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *fixed = g_strndup (good_file, sizeof good_file - 3);
  g_autoptr(FdSessionImport) import = parse (fixed, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (fd_session_import_check (fixture->core.db, import, &error));
  g_assert_cmpuint (fd_session_import_get_problems (import)->len, ==, 0);

  core_delete (fixture->core.db, "trainer", fixture->bob);
  g_assert_false (fd_session_import_apply (fixture->core.db, import, &error));
  g_assert_error (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_INVALID);
  text = problems_text (import);
  g_assert_cmpstr (text, ==, "line 3: formateurs: the trainer Bob Durand (bob@ex.fr) was deleted\n");
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT count (*) FROM session", NULL), ==, 1);
}

/* Importing the same file twice would make every session twice */
static void
test_apply_refuses_a_second_import (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autofree char *fixed = g_strndup (good_file, sizeof good_file - 3);
  g_autoptr(FdSessionImport) import = parse (fixed, -1);
  g_autoptr(FdSessionImport) again = parse (fixed, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (fd_session_import_apply (fixture->core.db, import, &error));
  g_assert_false (fd_session_import_apply (fixture->core.db, again, &error));
  g_assert_error (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_INVALID);
  text = problems_text (again);
  g_assert_cmpstr (text, ==,
                   "line 2: reference: the session “P-1” was already imported as 2026-0002\n"
                   "line 4: reference: the session “P-2” was already imported as 2027-0001\n");
}

/* Rows added by another reader (the CLI's JSON one) are checked the same */
static void
test_rows_of_another_reader (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char *row[FD_SESSION_IMPORT_N_COLUMNS] = {
    "J-1", "BUR-01", NULL, " inter ", "Jour 1", "10/03/2026", "09:00", "12:00", NULL,
    "Centre Lyon", "Salle A", "alice@ex.fr",
  };
  const char *bad[FD_SESSION_IMPORT_N_COLUMNS] = {
    "J-1", "BUR-01", NULL, "inter", "Jour 1", "10/03/2026", "09:00", "08:00", NULL,
    NULL, NULL, NULL,
  };
  g_autoptr(FdSessionImport) import = fd_session_import_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  fd_session_import_add_row (import, 3, row);
  fd_session_import_add_row (import, 9, bad);
  fd_session_import_add_problem (import, 1, NULL, "unknown member “x”");
  g_assert_cmpstr (fd_session_import_get_value (import, 0, FD_SESSION_IMPORT_COLUMN_KIND), ==,
                   "inter");
  g_assert_cmpstr (fd_session_import_get_value (import, 0, FD_SESSION_IMPORT_COLUMN_LABEL), ==, "");

  g_assert_true (fd_session_import_check (fixture->core.db, import, &error));
  g_assert_true (fd_session_import_check (fixture->core.db, import, &error));
  text = problems_text (import);
  g_assert_cmpstr (text, ==,
                   "line 1: unknown member “x”\n"
                   "line 9: fin: the slot ends at 08:00, not after its start at 09:00\n");
  g_assert_cmpuint (fd_session_import_get_sessions (import)->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sessions/duplicate/decides-every-column", test_duplicate_decides_every_column);
  ADD ("/sessions/duplicate/copies-the-form", test_duplicate_copies_the_form);
  ADD ("/sessions/duplicate/keeps-sequences", test_duplicate_keeps_sequences);
  ADD ("/sessions/duplicate/copies-emails-and-populations", test_duplicate_copies_emails);
  ADD ("/sessions/duplicate/leaves-the-rest", test_duplicate_leaves_the_rest);
  ADD ("/sessions/duplicate/numbers-per-year", test_duplicate_numbers_per_year);
  ADD ("/sessions/duplicate/refuses-bad-input", test_duplicate_refuses_bad_input);
  ADD ("/sessions/duplicate/all-or-nothing", test_duplicate_is_all_or_nothing);
  ADD ("/sessions/plan/reads-everything", test_plan_reads_everything);
  ADD ("/sessions/plan/of-a-duplicate", test_plan_of_a_duplicate);
  ADD ("/sessions/plan/missing", test_plan_missing);
  g_test_add_func ("/sessions/import/parse/separators-and-endings",
                   test_parse_separators_and_endings);
  g_test_add_func ("/sessions/import/parse/quotes", test_parse_quotes);
  g_test_add_func ("/sessions/import/parse/encodings", test_parse_encodings);
  g_test_add_func ("/sessions/import/parse/header-problems", test_parse_header_problems);
  g_test_add_func ("/sessions/import/parse/bad-input", test_parse_bad_input);
  ADD ("/sessions/import/check/groups-sessions", test_check_groups_sessions);
  ADD ("/sessions/import/check/lists-bad-rows", test_check_lists_bad_rows);
  ADD ("/sessions/import/check/finds-conflicts", test_check_finds_conflicts);
  ADD ("/sessions/import/apply/writes-drafts", test_apply_writes_drafts);
  ADD ("/sessions/import/apply/all-or-nothing", test_apply_is_all_or_nothing);
  ADD ("/sessions/import/apply/checks-again", test_apply_checks_again);
  ADD ("/sessions/import/apply/refuses-a-second-import", test_apply_refuses_a_second_import);
  ADD ("/sessions/import/other-reader", test_rows_of_another_reader);

#undef ADD

  return g_test_run ();
}
