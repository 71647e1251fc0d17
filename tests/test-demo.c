/* test-demo.c — the demo data: realistic, consistent and reproducible
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "fd-core.h"
#include "fd-demo.h"
#include "fd-database-private.h"

#define TODAY "2026-03-03"
#define SEED 42

static const char * const opcos[] = {
  "Akto", "Atlas", "Afdas", "Constructys", "OCAPIAT", "OPCO 2i", "OPCO EP",
  "OPCO Mobilités", "OPCO Santé", "Opcommerce", "Uniformation", NULL
};

/* French public holidays between the demo's first and last days. */
static const char * const holidays[] = {
  "2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09",
  "2024-05-20", "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11",
  "2024-12-25",
  "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29",
  "2025-06-09", "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11",
  "2025-12-25",
  "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14",
  "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11",
  "2026-12-25",
  "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08",
  "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11",
  "2027-12-25", NULL
};

static char *tmp_dir;
static FdDatabase *demo_db;

static FdDatabase *
open_new_database (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  FdDatabase *database;

  database = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);

  return database;
}

static gint64
query_int (FdDatabase *database,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_fd_database_get_handle (database), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Runs @sql and returns its first column, one string per row. */
static GPtrArray *
query_strings (FdDatabase *database,
               const char *sql)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_fd_database_get_handle (database), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  return values;
}

static gint64
live_rows (GPtrArray  *counts,
           const char *table)
{
  for (guint i = 0; i < counts->len; i++)
    {
      const FdTableCount *count = g_ptr_array_index (counts, i);

      if (g_str_equal (count->name, table))
        return count->live;
    }

  g_assert_not_reached ();
  return -1;
}

static void
test_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = fd_database_count_tables (demo_db, &error);

  g_assert_no_error (error);

  g_assert_cmpint (live_rows (counts, "organisation"), ==, 1);
  g_assert_cmpint (live_rows (counts, "training"), >=, 35);
  g_assert_cmpint (live_rows (counts, "training"), <=, 50);
  g_assert_cmpint (live_rows (counts, "module"), >=, 2 * live_rows (counts, "training"));
  g_assert_cmpint (live_rows (counts, "module"), <=, 5 * live_rows (counts, "training"));
  g_assert_cmpint (live_rows (counts, "certification"), >=, 3);
  g_assert_cmpint (live_rows (counts, "place"), ==, 12);
  g_assert_cmpint (live_rows (counts, "room"), >=, 24);
  g_assert_cmpint (live_rows (counts, "room"), <=, 48);
  g_assert_cmpint (live_rows (counts, "trainer"), ==, 60);
  g_assert_cmpint (live_rows (counts, "unavailability"), >=, 60);
  g_assert_cmpint (live_rows (counts, "trainee"), ==, 1500);
  g_assert_cmpint (live_rows (counts, "client"), >=, 300);
  g_assert_cmpint (live_rows (counts, "session"), ==, 150);
  g_assert_cmpint (live_rows (counts, "sequence"), >=, 150);
  g_assert_cmpint (live_rows (counts, "slot"), >=, 150 * 3);
  g_assert_cmpint (live_rows (counts, "slot_staff"), >=, live_rows (counts, "slot"));
  g_assert_cmpint (live_rows (counts, "enrollment"), >=, 150 * 4);
  g_assert_cmpint (live_rows (counts, "enrollment"), <=, 150 * 12);
  g_assert_cmpint (live_rows (counts, "attendance"), >, 1000);
  g_assert_cmpint (live_rows (counts, "email_template"), >=, 3);
  g_assert_cmpint (live_rows (counts, "user_account"), >=, 3);
  g_assert_cmpint (live_rows (counts, "cert_order"), >=, 1);
  g_assert_cmpint (live_rows (counts, "cert_order_line"), >=, 1);
  g_assert_cmpint (live_rows (counts, "cert_assignment"), >=, 1);
  g_assert_cmpint (live_rows (counts, "activation_code"), >=, 1);
  g_assert_cmpint (live_rows (counts, "evaluation"), ==, 4);
  g_assert_cmpint (live_rows (counts, "expense"), >=, 1);
  g_assert_cmpint (live_rows (counts, "trainer_invoice"), >=, 1);
  g_assert_cmpint (live_rows (counts, "quality_ticket"), >=, 1);
  g_assert_cmpint (live_rows (counts, "trainee_group"), >=, 1);
  g_assert_cmpint (live_rows (counts, "cost"), >=, 1);

  /* Every row went through the write path, so each left a mutation. */
  g_assert_cmpint (fd_database_count_outbox (demo_db), >=, live_rows (counts, "trainee"));
}

static void
test_identifiers (void)
{
  g_autoptr(GPtrArray) sirets = query_strings (demo_db,
                                               "SELECT siret FROM organisation WHERE siret IS NOT NULL"
                                               " UNION ALL SELECT siret FROM client WHERE siret IS NOT NULL"
                                               " UNION ALL SELECT siret FROM trainer WHERE siret IS NOT NULL");
  g_autoptr(GPtrArray) ndas = query_strings (demo_db, "SELECT nda FROM organisation");
  g_autoptr(GPtrArray) postal_codes = query_strings (demo_db,
                                                     "SELECT postal_code FROM trainee"
                                                     " UNION ALL SELECT postal_code FROM place");

  g_assert_cmpuint (sirets->len, >, 100);
  for (guint i = 0; i < sirets->len; i++)
    {
      const char *siret = g_ptr_array_index (sirets, i);

      if (!fd_validate_siret (siret))
        g_error ("Invalid SIRET in the demo: %s", siret);
    }

  g_assert_cmpuint (ndas->len, ==, 1);
  g_assert_true (fd_validate_nda (g_ptr_array_index (ndas, 0)));

  for (guint i = 0; i < postal_codes->len; i++)
    g_assert_true (fd_validate_postal_code (g_ptr_array_index (postal_codes, i)));

  /* Company clients name one of the eleven OPCOs. */
  {
    g_autoptr(GPtrArray) names = query_strings (demo_db,
                                                "SELECT DISTINCT opco_name FROM client"
                                                " WHERE kind = 'company'");

    g_assert_cmpuint (names->len, >, 3);
    for (guint i = 0; i < names->len; i++)
      g_assert_true (g_strv_contains (opcos, g_ptr_array_index (names, i)));
  }

  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM client WHERE kind = 'company' AND funder <> 'opco'"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM client WHERE kind = 'independent'"
                              " AND funder NOT IN ('fifpl', 'agefice')"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM client WHERE kind = 'individual'"
                              " AND funder NOT IN ('cpf', 'france_travail', 'self')"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM client WHERE funder = 'france_travail'"
                              " AND (france_travail_id IS NULL OR france_travail_agency IS NULL)"),
                   ==, 0);
}

static void
test_names (void)
{
  g_autoptr(GPtrArray) first_names = query_strings (demo_db,
                                                    "SELECT DISTINCT first_name FROM trainee");
  g_autoptr(GPtrArray) emails = query_strings (demo_db, "SELECT email FROM trainee");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean accented = FALSE;

  for (guint i = 0; i < first_names->len; i++)
    if (g_str_equal (g_ptr_array_index (first_names, i), "Hélène"))
      accented = TRUE;
  g_assert_true (accented);

  for (guint i = 0; i < emails->len; i++)
    {
      const char *email = g_ptr_array_index (emails, i);

      g_assert_true (fd_validate_email (email));
      g_assert_false (g_hash_table_contains (seen, email));
      g_hash_table_add (seen, (gpointer) email);
    }

  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM trainee WHERE client_id IS NULL"
                              " OR birth_date IS NULL OR birth_city IS NULL OR civility IS NULL"
                              " OR phone NOT LIKE '+33%'"),
                   ==, 0);
}

static void
test_sessions (void)
{
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM session s WHERE NOT EXISTS"
                              " (SELECT 1 FROM slot WHERE session_id = s.id)"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM session s WHERE"
                              " (SELECT count(*) FROM enrollment e WHERE e.session_id = s.id)"
                              " > s.capacity_max"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM session s WHERE"
                              " (SELECT count(*) FROM enrollment e WHERE e.session_id = s.id) = 0"),
                   ==, 0);

  /* Statuses follow the dates. */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM session s WHERE s.status = 'completed' AND"
                              " (SELECT max(end_at) FROM slot WHERE session_id = s.id) >= '" TODAY "'"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM session s"
                              " WHERE s.status IN ('created', 'proposal_sent', 'confirmed') AND"
                              " (SELECT min(start_at) FROM slot WHERE session_id = s.id) < '" TODAY "'"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db, "SELECT count(*) FROM session WHERE status = 'completed'"),
                   >, 50);
  g_assert_cmpint (query_int (demo_db, "SELECT count(*) FROM session WHERE status = 'cancelled'"),
                   <, 20);

  /* Sessions under way and coming around today, for the calendar */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(DISTINCT session_id) FROM slot"
                              " WHERE start_at >= date('" TODAY "', '-7 days')"
                              " AND start_at < date('" TODAY "', '+14 days')"),
                   >=, 5);

  /* Three years around today. */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM slot WHERE start_at < '2024-02-20'"
                              " OR start_at > '2027-12-31'"),
                   ==, 0);

  /* Funders follow the client who pays. */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM enrollment e JOIN client c ON c.id = e.client_id"
                              " WHERE e.funder IS NOT c.funder"),
                   ==, 0);

  /* Codes are <year>-<NNNN>, unique. */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM session WHERE code NOT GLOB"
                              " '20[0-9][0-9]-[0-9][0-9][0-9][0-9]'"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db, "SELECT count(DISTINCT code) FROM session"), ==, 150);
}

static void
test_slots (void)
{
  g_autoptr(GPtrArray) dates = query_strings (demo_db, "SELECT substr(start_at, 1, 10) FROM slot");

  g_assert_cmpuint (dates->len, >, 0);
  for (guint i = 0; i < dates->len; i++)
    {
      const char *date = g_ptr_array_index (dates, i);
      g_autoptr(GDateTime) day = NULL;
      g_autofree char *iso = g_strconcat (date, "T12:00:00Z", NULL);

      day = g_date_time_new_from_iso8601 (iso, NULL);
      g_assert_nonnull (day);
      if (g_date_time_get_day_of_week (day) > 5)
        g_error ("Slot on a weekend: %s", date);
      if (g_strv_contains (holidays, date))
        g_error ("Slot on a public holiday: %s", date);
    }

  /* Half-days or full days within working hours. */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM slot WHERE substr(start_at, 12) < '09:00'"
                              " OR substr(end_at, 12) > '17:00'"
                              " OR substr(start_at, 1, 10) <> substr(end_at, 1, 10)"),
                   ==, 0);

  /* Nobody is in two places at once. */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM slot_staff a JOIN slot sa ON sa.id = a.slot_id,"
                              " slot_staff b JOIN slot sb ON sb.id = b.slot_id"
                              " WHERE a.trainer_id = b.trainer_id AND a.id < b.id"
                              " AND sa.start_at < sb.end_at AND sb.start_at < sa.end_at"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM slot a, slot b"
                              " WHERE a.room_id = b.room_id AND a.id < b.id"
                              " AND a.start_at < b.end_at AND b.start_at < a.end_at"),
                   ==, 0);

  /* Every slot has its trainer. */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM slot s WHERE NOT EXISTS (SELECT 1 FROM slot_staff"
                              " WHERE slot_id = s.id AND role = 'trainer')"),
                   ==, 0);
}

static void
test_attendance (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_nonnull (paris);

  /* Only past slots have signatures. */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM attendance a JOIN slot s ON s.id = a.slot_id"
                              " WHERE s.start_at >= '" TODAY "'"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM attendance a JOIN slot s ON s.id = a.slot_id"
                              " JOIN session n ON n.id = s.session_id WHERE n.status = 'cancelled'"),
                   ==, 0);
  /* The trainer countersigns every half-day that trainees signed. */
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM (SELECT DISTINCT slot_id, half_day FROM attendance"
                              " WHERE trainee_id IS NOT NULL) t WHERE NOT EXISTS"
                              " (SELECT 1 FROM attendance a WHERE a.slot_id = t.slot_id"
                              " AND a.half_day = t.half_day AND a.trainer_id IS NOT NULL)"),
                   ==, 0);
  g_assert_cmpint (query_int (demo_db,
                              "SELECT count(*) FROM attendance WHERE method NOT IN ('kiosk', 'pad')"
                              " OR device_id IS NULL"),
                   ==, 0);

  /* Each signature is made during its slot, in Paris time. */
  g_assert_cmpint (sqlite3_prepare_v2 (_fd_database_get_handle (demo_db),
                                       "SELECT s.start_at, s.end_at, a.signed_at FROM attendance a"
                                       " JOIN slot s ON s.id = a.slot_id",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *start_text = g_strconcat ((const char *) sqlite3_column_text (stmt, 0),
                                                 ":00", NULL);
      g_autofree char *end_text = g_strconcat ((const char *) sqlite3_column_text (stmt, 1),
                                               ":00", NULL);
      g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (start_text, paris);
      g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 (end_text, paris);
      gint64 signed_at = sqlite3_column_int64 (stmt, 2);

      g_assert_nonnull (start);
      g_assert_nonnull (end);
      g_assert_cmpint (signed_at, >=, g_date_time_to_unix (start) * G_USEC_PER_SEC);
      g_assert_cmpint (signed_at, <=, g_date_time_to_unix (end) * G_USEC_PER_SEC);
      n++;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (n, >, 0);
}

static void
test_verify (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = fd_database_verify (demo_db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The demo's planner books through the core's conflict rules: they find
 * nothing to complain of in what it planned */
static void
test_no_conflicts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = fd_conflicts_in_range (demo_db, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < conflicts->len; i++)
    g_test_message ("%s", fd_conflict_get_message (g_ptr_array_index (conflicts, i)));
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static char *
describe (FdDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = fd_database_count_tables (database, &error);
  g_autoptr(GPtrArray) labels = query_strings (database,
                                               "SELECT code || ' ' || label || ' ' || status"
                                               " FROM session ORDER BY code");
  g_autoptr(GPtrArray) names = query_strings (database,
                                              "SELECT first_name || ' ' || last_name || ' '"
                                              " || email FROM trainee ORDER BY rowid");
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      const FdTableCount *count = g_ptr_array_index (counts, i);

      if (!g_str_equal (count->name, "sync_state"))
        g_string_append_printf (text, "%s %" G_GINT64_FORMAT "\n", count->name, count->rows);
    }
  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (labels, i));
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (names, i));

  return g_string_free (text, FALSE);
}

static void
test_deterministic (void)
{
  g_autoptr(FdDatabase) same = open_new_database ("same.db");
  g_autoptr(FdDatabase) other = open_new_database ("other.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = describe (demo_db);
  g_autofree char *same_text = NULL;
  g_autofree char *other_text = NULL;

  fd_demo_generate (same, FD_DEMO_SIZE_SMALL, TODAY, SEED, &error);
  g_assert_no_error (error);
  same_text = describe (same);
  g_assert_cmpstr (same_text, ==, expected);

  fd_demo_generate (other, FD_DEMO_SIZE_SMALL, TODAY, SEED + 1, &error);
  g_assert_no_error (error);
  other_text = describe (other);
  g_assert_cmpstr (other_text, !=, expected);
}

static void
test_bad_date (void)
{
  g_autoptr(FdDatabase) database = open_new_database ("bad-date.db");
  g_autoptr(GError) error = NULL;

  g_assert_false (fd_demo_generate (database, FD_DEMO_SIZE_SMALL, "2026-13-45", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (fd_database_is_empty (database));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_assert_no_error (error);

  /* One small demo shared by the read-only checks: it takes a second. */
  demo_db = open_new_database ("demo.db");
  fd_demo_generate (demo_db, FD_DEMO_SIZE_SMALL, TODAY, SEED, &error);
  g_assert_no_error (error);

  g_test_add_func ("/demo/small/counts", test_counts);
  g_test_add_func ("/demo/small/identifiers", test_identifiers);
  g_test_add_func ("/demo/small/names", test_names);
  g_test_add_func ("/demo/small/sessions", test_sessions);
  g_test_add_func ("/demo/small/slots", test_slots);
  g_test_add_func ("/demo/small/attendance", test_attendance);
  g_test_add_func ("/demo/small/verify", test_verify);
  g_test_add_func ("/demo/small/no-conflicts", test_no_conflicts);
  g_test_add_func ("/demo/small/deterministic", test_deterministic);
  g_test_add_func ("/demo/bad-date", test_bad_date);

  status = g_test_run ();

  g_clear_object (&demo_db);
  {
    const char *names[] = { "demo.db", "same.db", "other.db", "bad-date.db" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        const char *suffixes[] = { "", "-wal", "-shm" };

        for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
          {
            g_autofree char *path = g_strconcat (tmp_dir, G_DIR_SEPARATOR_S, names[i],
                                                 suffixes[s], NULL);

            g_unlink (path);
          }
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);

  return status;
}
