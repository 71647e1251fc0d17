/* test-session-plan.c — what the session editor reads and computes
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-core-common.h"

/* The period: pre-work moves the dates but not the duration, cancelled
 * sequences do not count, breaks are taken off. */
static void
test_period (void)
{
  g_autoptr(FdSessionPlan) plan = fd_session_plan_new ();
  g_auto(FdPlanPeriod) period = { 0 };
  FdPlanSequence *prework;
  FdPlanSequence *main_part;
  FdPlanSequence *cancelled;

  fd_session_plan_compute_period (plan, &period);
  g_assert_null (period.start_at);
  g_assert_null (period.end_at);
  g_assert_cmpint (period.duration_minutes, ==, 0);
  g_assert_cmpuint (period.n_days, ==, 0);

  main_part = fd_session_plan_add_sequence (plan, "main", FALSE, "planned");
  fd_plan_sequence_add_slot (main_part, "a", "2026-03-03T09:00", "2026-03-03T12:30", 0);
  fd_plan_sequence_add_slot (main_part, "b", "2026-03-03T13:30", "2026-03-03T17:00", 15);
  fd_plan_sequence_add_slot (main_part, "c", "2026-03-05T09:00", "2026-03-05T17:00", 60);

  fd_session_plan_compute_period (plan, &period);
  g_assert_cmpstr (period.start_at, ==, "2026-03-03T09:00");
  g_assert_cmpstr (period.end_at, ==, "2026-03-05T17:00");
  /* 210 + 195 + 420 */
  g_assert_cmpint (period.duration_minutes, ==, 825);
  g_assert_cmpuint (period.n_days, ==, 2);
  fd_plan_period_clear (&period);

  /* Pre-work before and after: the dates move, the duration does not */
  prework = fd_session_plan_add_sequence (plan, "pre", TRUE, "planned");
  fd_plan_sequence_add_slot (prework, "p1", "2026-02-20T10:00", "2026-02-20T11:00", 0);
  fd_plan_sequence_add_slot (prework, "p2", "2026-03-06T10:00", "2026-03-06T18:00", 0);
  cancelled = fd_session_plan_add_sequence (plan, "gone", FALSE, "cancelled");
  fd_plan_sequence_add_slot (cancelled, "x", "2026-01-10T09:00", "2026-01-10T17:00", 0);

  fd_session_plan_compute_period (plan, &period);
  g_assert_cmpstr (period.start_at, ==, "2026-02-20T10:00");
  g_assert_cmpstr (period.end_at, ==, "2026-03-06T18:00");
  g_assert_cmpint (period.duration_minutes, ==, 825);
  g_assert_cmpuint (period.n_days, ==, 2);
}

static void
test_slot_minutes (void)
{
  g_autoptr(FdSessionPlan) plan = fd_session_plan_new ();
  FdPlanSequence *sequence = fd_session_plan_add_sequence (plan, "s", FALSE, NULL);

  g_assert_cmpint (fd_plan_slot_get_minutes (fd_plan_sequence_add_slot (sequence, "a",
                                                                        "2026-03-03T09:00",
                                                                        "2026-03-03T17:00", 60)),
                   ==, 420);
  /* Unreadable or backwards times count nothing */
  g_assert_cmpint (fd_plan_slot_get_minutes (fd_plan_sequence_add_slot (sequence, "b",
                                                                        "2026-03-03",
                                                                        "2026-03-03T17:00", 0)),
                   ==, 0);
  g_assert_cmpint (fd_plan_slot_get_minutes (fd_plan_sequence_add_slot (sequence, "c",
                                                                        "2026-03-03T17:00",
                                                                        "2026-03-03T09:00", 0)),
                   ==, 0);
  /* A break longer than the slot does not make it negative */
  g_assert_cmpint (fd_plan_slot_get_minutes (fd_plan_sequence_add_slot (sequence, "d",
                                                                        "2026-03-03T09:00",
                                                                        "2026-03-03T10:00", 90)),
                   ==, 0);
}

static void
test_reminders (void)
{
  g_assert_cmpint (fd_session_reminders_from_values (0, FALSE, FALSE), ==,
                   FD_SESSION_REMINDER_COSTS | FD_SESSION_REMINDER_EVALUATION |
                   FD_SESSION_REMINDER_DRAFT);
  g_assert_cmpint (fd_session_reminders_from_values (2, FALSE, FALSE), ==,
                   FD_SESSION_REMINDER_EVALUATION | FD_SESSION_REMINDER_DRAFT);
  g_assert_cmpint (fd_session_reminders_from_values (0, TRUE, TRUE), ==,
                   FD_SESSION_REMINDER_COSTS);
  g_assert_cmpint (fd_session_reminders_from_values (1, TRUE, FALSE), ==,
                   FD_SESSION_REMINDER_DRAFT);
  g_assert_cmpint (fd_session_reminders_from_values (1, TRUE, TRUE), ==,
                   FD_SESSION_REMINDER_NONE);
}

static void
test_parse_dates (void)
{
  static const struct
  {
    const char *text;
    const char *iso;
  } dates[] = {
    { "03/03/2026", "2026-03-03" },
    { " 3/3/26 ", "2026-03-03" },
    { "29.02.2028", "2028-02-29" },
    { "2026-03-03", "2026-03-03" },
    { "29/02/2026", NULL },
    { "31/04/2026", NULL },
    { "2026/13/01", NULL },
    { "03/03", NULL },
    { "03/03/2026x", NULL },
    { "03-03/2026", NULL },
    { "", NULL },
    { "mardi", NULL },
  };
  g_auto(GStrv) several = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *formatted = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *iso = fd_input_parse_date (dates[i].text);

      g_assert_cmpstr (iso, ==, dates[i].iso);
    }
  g_assert_null (fd_input_parse_date (NULL));

  /* Several at once, sorted, each once */
  several = fd_input_parse_dates ("10/03/2026, 03/03/2026;03/03/2026  17/03/2026", &bad);
  g_assert_null (bad);
  g_assert_nonnull (several);
  g_assert_cmpuint (g_strv_length (several), ==, 3);
  g_assert_cmpstr (several[0], ==, "2026-03-03");
  g_assert_cmpstr (several[1], ==, "2026-03-10");
  g_assert_cmpstr (several[2], ==, "2026-03-17");

  formatted = fd_input_format_dates ((const char * const *) several);
  g_assert_cmpstr (formatted, ==, "03/03/2026, 10/03/2026, 17/03/2026");

  g_clear_pointer (&several, g_strfreev);
  several = fd_input_parse_dates ("03/03/2026, 32/03/2026", &bad);
  g_assert_null (several);
  g_assert_cmpstr (bad, ==, "32/03/2026");
  g_clear_pointer (&bad, g_free);

  several = fd_input_parse_dates (" , ", &bad);
  g_assert_null (several);
  g_assert_null (bad);
}

static void
test_parse_time (void)
{
  static const struct
  {
    const char *text;
    const char *time;
  } times[] = {
    { "09:00", "09:00" },
    { "9:05", "09:05" },
    { "9h", "09:00" },
    { "9h30", "09:30" },
    { "17H45", "17:45" },
    { "0930", "09:30" },
    { " 14 ", "14:00" },
    { "24:00", NULL },
    { "12:60", NULL },
    { "9:5", NULL },
    { "9:305", NULL },
    { "noon", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *time = fd_input_parse_time (times[i].text);

      g_assert_cmpstr (time, ==, times[i].time);
    }
}

static void
test_parse_money (void)
{
  static const struct
  {
    const char *text;
    gint64 cents; /* -1: not an amount */
  } amounts[] = {
    { "1290", 129000 },
    { "1 290,50 €", 129050 },
    { "1\u202f290,50\u00a0€", 129050 },
    { "€1,290.50", 129050 },
    { "12.5", 1250 },
    { "12,05", 1205 },
    { "1,290", 129000 },
    { "0", 0 },
    { "-12", -1 },
    { "12,345,67", 1234567 },
    { "douze", -1 },
    { "", -1 },
    { ",50", -1 },
    { "12.505", 1250500 },
    { "99999999999999", -1 },
  };
  gint64 cents;

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      gboolean parsed = fd_input_parse_money (amounts[i].text, &cents);

      if (amounts[i].cents < 0)
        g_assert_false (parsed);
      else
        {
          g_assert_true (parsed);
          g_assert_cmpint (cents, ==, amounts[i].cents);
        }
    }
  g_assert_false (fd_input_parse_money (NULL, &cents));

  {
    g_autofree char *text = fd_input_format_money (129050);

    g_assert_cmpstr (text, ==, "1290.50");
    g_assert_true (fd_input_parse_money (text, &cents));
    g_assert_cmpint (cents, ==, 129050);
  }
}

static void
apply_all (FdDatabase *db,
           GPtrArray  *changes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_database_apply_all (db, changes, &error));
  g_assert_no_error (error);
}

/* A session written through the write path reads back whole */
static void
test_read_plan (CoreFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autofree char *trainer = core_create (fixture->db, "trainer",
                                          "first_name", "Hélène", "last_name", "Martin", NULL);
  g_autofree char *place = core_create (fixture->db, "place", "name", "Lyon Part-Dieu", NULL);
  g_autofree char *evaluation = core_create (fixture->db, "evaluation", "name", "À chaud", NULL);
  g_autoptr(FdSessionPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *room = NULL;
  FdChange *session;
  FdChange *sequence;
  FdChange *slot;
  FdChange *staff;
  FdChange *cost;
  FdChange *attachment;
  const FdPlanSequence *read_sequence;
  const FdPlanSlot *read_slot;
  const FdPlanCost *read_cost;

  room = core_create (fixture->db, "room", "place_id", place, "name", "Salle 2", NULL);

  session = fd_change_new_create ("session");
  fd_change_set_int (session, "year", 2026);
  fd_change_set_string (session, "label", "Excel avancé");
  fd_change_set_string (session, "evaluation_id", evaluation);
  g_ptr_array_add (changes, session);

  sequence = fd_change_new_create ("sequence");
  fd_change_set_string (sequence, "session_id", fd_change_get_id (session));
  fd_change_set_string (sequence, "label", "Jour 1");
  fd_change_set_bool (sequence, "prework", FALSE);
  g_ptr_array_add (changes, sequence);

  slot = fd_change_new_create ("slot");
  fd_change_set_string (slot, "session_id", fd_change_get_id (session));
  fd_change_set_string (slot, "sequence_id", fd_change_get_id (sequence));
  fd_change_set_string (slot, "start_at", "2026-03-03T09:00");
  fd_change_set_string (slot, "end_at", "2026-03-03T17:00");
  fd_change_set_int (slot, "break_minutes", 60);
  fd_change_set_string (slot, "place_id", place);
  fd_change_set_string (slot, "room_id", room);
  fd_change_set_string (slot, "trainer_notice", "Badge à l’accueil");
  g_ptr_array_add (changes, slot);

  staff = fd_change_new_create ("slot_staff");
  fd_change_set_string (staff, "slot_id", fd_change_get_id (slot));
  fd_change_set_string (staff, "trainer_id", trainer);
  fd_change_set_string (staff, "role", "co_trainer");
  g_ptr_array_add (changes, staff);

  cost = fd_change_new_create ("cost");
  fd_change_set_string (cost, "session_id", fd_change_get_id (session));
  fd_change_set_string (cost, "type", "room_hire");
  fd_change_set_int (cost, "amount_cents", 35000);
  fd_change_set_string (cost, "distribution", "per_trainee");
  fd_change_set_int (cost, "quantity", 3);
  fd_change_set_string (cost, "provider", "Regus");
  g_ptr_array_add (changes, cost);

  attachment = fd_change_new_create ("attachment");
  fd_change_set_string (attachment, "owner_entity", "cost");
  fd_change_set_string (attachment, "owner_id", fd_change_get_id (cost));
  fd_change_set_string (attachment, "blob_sha256", "00");
  fd_change_set_string (attachment, "file_name", "devis.pdf");
  g_ptr_array_add (changes, attachment);

  apply_all (fixture->db, changes);

  plan = fd_database_read_session_plan (fixture->db, fd_change_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  g_assert_cmpstr (plan->code, ==, "2026-0001");
  g_assert_cmpstr (plan->label, ==, "Excel avancé");
  g_assert_cmpint (plan->revision, ==, core_revision (fixture->db, "session",
                                                      fd_change_get_id (session)));
  g_assert_false (plan->published);
  g_assert_cmpstr (plan->evaluation_name, ==, "À chaud");
  g_assert_cmpuint (plan->n_enrolled, ==, 0);

  g_assert_cmpuint (plan->sequences->len, ==, 1);
  read_sequence = g_ptr_array_index (plan->sequences, 0);
  g_assert_cmpstr (read_sequence->label, ==, "Jour 1");
  g_assert_cmpstr (read_sequence->status, ==, "planned");
  g_assert_cmpuint (read_sequence->slots->len, ==, 1);
  read_slot = g_ptr_array_index (read_sequence->slots, 0);
  g_assert_cmpstr (read_slot->place_name, ==, "Lyon Part-Dieu");
  g_assert_cmpstr (read_slot->room_name, ==, "Salle 2");
  g_assert_cmpstr (read_slot->trainer_notice, ==, "Badge à l’accueil");
  g_assert_cmpint (read_slot->break_minutes, ==, 60);
  g_assert_cmpuint (read_slot->staff->len, ==, 1);
  g_assert_cmpstr (((FdPlanStaff *) g_ptr_array_index (read_slot->staff, 0))->trainer_name, ==,
                   "Hélène Martin");
  g_assert_cmpstr (((FdPlanStaff *) g_ptr_array_index (read_slot->staff, 0))->role, ==,
                   "co_trainer");

  g_assert_cmpuint (plan->costs->len, ==, 1);
  read_cost = g_ptr_array_index (plan->costs, 0);
  g_assert_cmpint (read_cost->amount_cents, ==, 35000);
  g_assert_cmpstr (read_cost->distribution, ==, "per_trainee");
  g_assert_cmpint (read_cost->quantity, ==, 3);
  g_assert_cmpuint (read_cost->attachments->len, ==, 1);
  g_assert_cmpstr (((FdPlanAttachment *) g_ptr_array_index (read_cost->attachments, 0))->file_name,
                   ==, "devis.pdf");

  g_assert_true (fd_session_plan_contains (plan, "slot", read_slot->id));
  g_assert_true (fd_session_plan_contains (plan, "slot_staff", fd_change_get_id (staff)));
  g_assert_true (fd_session_plan_contains (plan, "attachment", fd_change_get_id (attachment)));
  g_assert_true (fd_session_plan_contains (plan, "session", plan->id));
  g_assert_false (fd_session_plan_contains (plan, "slot", "elsewhere"));
  g_assert_false (fd_session_plan_contains (plan, "trainer", trainer));

  g_assert_cmpint (fd_session_plan_get_reminders (plan), ==, FD_SESSION_REMINDER_DRAFT);

  /* A deleted session is not found */
  g_clear_pointer (&plan, fd_session_plan_unref);
  {
    g_autoptr(FdChange) delete = fd_change_new_delete ("session", fd_change_get_id (session),
                                                       core_revision (fixture->db, "session",
                                                                      fd_change_get_id (session)));
    core_apply (fixture->db, delete);
  }
  plan = fd_database_read_session_plan (fixture->db, fd_change_get_id (session), &error);
  g_assert_null (plan);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
}

static void
test_choices_and_defaults (CoreFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(FdChange) training = fd_change_new_create ("training");
  g_autoptr(FdTrainingDefaults) defaults = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = core_create (fixture->db, "place", "name", "Nantes", NULL);
  g_autofree char *other = core_create (fixture->db, "place", "name", "Brest", NULL);
  g_autofree char *room = core_create (fixture->db, "room", "place_id", place, "name", "B12", NULL);
  g_autofree char *elsewhere = core_create (fixture->db, "room", "place_id", other, "name", "A1",
                                            NULL);

  fd_change_set_string (training, "code", "XL-02");
  fd_change_set_string (training, "title", "Excel avancé");
  fd_change_set_string (training, "session_kind", "intra");
  fd_change_set_int (training, "capacity_min", 3);
  fd_change_set_int (training, "capacity_target", 6);
  fd_change_set_int (training, "capacity_max", 10);
  fd_change_set_string (training, "dispositif", "Plan de développement");
  fd_change_set_bool (training, "eligible_funding", TRUE);
  fd_change_set_string (training, "comments", "Apporter un portable");
  fd_change_set_int (training, "price_cents", 129000);
  core_apply (fixture->db, training);

  defaults = fd_database_read_training_defaults (fixture->db, fd_change_get_id (training), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (defaults->title, ==, "Excel avancé");
  g_assert_cmpstr (defaults->session_kind, ==, "intra");
  g_assert_cmpint (defaults->capacity_min, ==, 3);
  g_assert_cmpint (defaults->capacity_target, ==, 6);
  g_assert_cmpint (defaults->capacity_max, ==, 10);
  g_assert_cmpstr (defaults->dispositif, ==, "Plan de développement");
  g_assert_true (defaults->eligible_funding);
  g_assert_cmpstr (defaults->comments, ==, "Apporter un portable");
  g_assert_cmpint (fd_database_read_training_price (fixture->db, fd_change_get_id (training)), ==,
                   129000);
  g_assert_cmpint (fd_database_read_training_price (fixture->db, NULL), ==, 0);

  g_assert_null (fd_database_read_training_defaults (fixture->db, "missing", &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  choices = fd_database_list_options (fixture->db, FD_OPTION_TRAINING, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 1);
  g_assert_cmpstr (fd_option_get_label (g_ptr_array_index (choices, 0)), ==, "Excel avancé");
  g_assert_cmpstr (fd_option_get_detail (g_ptr_array_index (choices, 0)), ==, "XL-02");
  g_clear_pointer (&choices, g_ptr_array_unref);

  /* Sorted by name */
  choices = fd_database_list_options (fixture->db, FD_OPTION_PLACE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 2);
  g_assert_cmpstr (fd_option_get_label (g_ptr_array_index (choices, 0)), ==, "Brest");
  g_clear_pointer (&choices, g_ptr_array_unref);

  /* Only the rooms of the place */
  choices = fd_database_list_options (fixture->db, FD_OPTION_ROOM, place, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 1);
  g_assert_cmpstr (fd_option_get_id (g_ptr_array_index (choices, 0)), ==, room);
}

static void
test_blob (CoreFixture   *fixture,
           gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 devis", 14);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *again = NULL;
  g_autofree char *empty_sha256 = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *computed = fd_blob_compute_sha256 (bytes);

  sha256 = fd_database_store_blob (fixture->db, bytes, "application/pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (sha256), ==, 64);
  g_assert_cmpstr (sha256, ==, computed);

  /* Stored once, whatever the number of calls */
  again = fd_database_store_blob (fixture->db, bytes, "application/pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, sha256);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM blob", NULL), ==, 1);

  read = fd_database_read_blob (fixture->db, sha256, &mime_type, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, bytes));
  g_assert_cmpstr (mime_type, ==, "application/pdf");
  g_assert_true (fd_database_has_blob (fixture->db, sha256));

  empty_sha256 = fd_database_store_blob (fixture->db, empty, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fd_database_has_blob (fixture->db, empty_sha256));

  g_assert_null (fd_database_read_blob (fixture->db, "0000", NULL, &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_assert_false (fd_database_has_blob (fixture->db, "0000"));
}

static void
test_blob_too_large (CoreFixture   *fixture,
                     gconstpointer  data)
{
  gsize size = FD_BLOB_MAX_SIZE + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;

  sha256 = fd_database_store_blob (fixture->db, bytes, NULL, &error);
  g_assert_null (sha256);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpint (core_query_int (fixture->db, "SELECT count(*) FROM blob", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-plan/period", test_period);
  g_test_add_func ("/session-plan/slot-minutes", test_slot_minutes);
  g_test_add_func ("/session-plan/reminders", test_reminders);
  g_test_add_func ("/session-plan/parse-dates", test_parse_dates);
  g_test_add_func ("/session-plan/parse-time", test_parse_time);
  g_test_add_func ("/session-plan/parse-money", test_parse_money);
  g_test_add ("/session-plan/read", CoreFixture, NULL,
              core_fixture_set_up, test_read_plan, core_fixture_tear_down);
  g_test_add ("/session-plan/choices-and-defaults", CoreFixture, NULL,
              core_fixture_set_up, test_choices_and_defaults, core_fixture_tear_down);
  g_test_add ("/session-plan/blob", CoreFixture, NULL,
              core_fixture_set_up, test_blob, core_fixture_tear_down);
  g_test_add ("/session-plan/blob-too-large", CoreFixture, NULL,
              core_fixture_set_up, test_blob_too_large, core_fixture_tear_down);

  return g_test_run ();
}
