/* test-slot-draft.c — a new slot selected in the calendar, checked then planned
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-core-common.h"

typedef struct
{
  CoreFixture core;
  char *place;
  char *room;
  char *anne;
  char *paul;
  char *march;       /* slots on 2026-03-02 and 2026-03-06 */
  char *march_q1;
  char *march_q2;
  char *april;       /* planned for April, no slot */
  char *april_q;
  char *undated;     /* neither */
  char *cancelled;   /* a cancelled session */
  char *empty;       /* no sequence */
  char *closed;      /* its only sequence cancelled */
  char *closed_q;
  char *booked;      /* Anne's slot on 2026-03-04 09:00–12:00 */
} Fixture;

static char *
add_session (CoreFixture *core,
             const char  *code,
             const char  *label,
             const char  *status,
             const char  *planned_start,
             const char  *planned_end)
{
  g_autoptr(FdChange) change = fd_change_new_create ("session");

  fd_change_set_string (change, "code", code);
  fd_change_set_int (change, "year", 2026);
  fd_change_set_string (change, "label", label);
  if (status != NULL)
    fd_change_set_string (change, "status", status);
  if (planned_start != NULL)
    {
      fd_change_set_string (change, "planned_start_on", planned_start);
      fd_change_set_string (change, "planned_end_on", planned_end);
    }

  return core_apply_create (core->db, change);
}

static char *
add_sequence (CoreFixture *core,
              const char  *session,
              const char  *label,
              int          position,
              const char  *status)
{
  g_autoptr(FdChange) change = fd_change_new_create ("sequence");

  fd_change_set_string (change, "session_id", session);
  fd_change_set_string (change, "label", label);
  fd_change_set_int (change, "position", position);
  fd_change_set_string (change, "status", status);

  return core_apply_create (core->db, change);
}

static char *
add_slot (CoreFixture *core,
          const char  *session,
          const char  *sequence,
          const char  *start_at,
          const char  *end_at)
{
  return core_create (core->db, "slot", "session_id", session, "sequence_id", sequence,
                      "start_at", start_at, "end_at", end_at, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  CoreFixture *core = &fixture->core;
  g_autofree char *slot = NULL;

  core_fixture_set_up (core, user_data);
  fixture->place = core_create (core->db, "place", "name", "Centre Lyon", "city", "Lyon",
                                "postal_code", "69003", NULL);
  fixture->room = core_create (core->db, "room", "place_id", fixture->place, "name", "Salle Bleue",
                               NULL);
  fixture->anne = core_create (core->db, "trainer", "first_name", "Anne", "last_name", "Martin",
                               NULL);
  fixture->paul = core_create (core->db, "trainer", "first_name", "Paul", "last_name", "Durand",
                               NULL);

  fixture->march = add_session (core, "2026-0001", "Prévention des risques", NULL, NULL, NULL);
  fixture->march_q2 = add_sequence (core, fixture->march, "Module 2", 1, "planned");
  fixture->march_q1 = add_sequence (core, fixture->march, "Module 1", 0, "planned");
  g_free (add_sequence (core, fixture->march, "Module annulé", 2, "cancelled"));
  g_free (add_slot (core, fixture->march, fixture->march_q1, "2026-03-02T09:00",
                    "2026-03-02T12:00"));
  g_free (add_slot (core, fixture->march, fixture->march_q1, "2026-03-06T09:00",
                    "2026-03-06T12:00"));

  fixture->april = add_session (core, "2026-0002", "Excel perfectionnement", NULL,
                                "2026-04-06", "2026-04-10");
  fixture->april_q = add_sequence (core, fixture->april, "Module 1", 0, "planned");

  fixture->undated = add_session (core, "2026-0003", "Anglais professionnel", NULL, NULL, NULL);
  g_free (add_sequence (core, fixture->undated, "Module 1", 0, "planned"));

  fixture->cancelled = add_session (core, "2026-0004", "Session annulée", "cancelled",
                                    "2026-03-02", "2026-03-06");
  g_free (add_sequence (core, fixture->cancelled, "Module 1", 0, "planned"));

  fixture->empty = add_session (core, "2026-0005", "Sans séquence", NULL, "2026-03-02",
                                "2026-03-06");

  fixture->closed = add_session (core, "2026-0006", "Séquences annulées", NULL, "2026-03-02",
                                 "2026-03-06");
  fixture->closed_q = add_sequence (core, fixture->closed, "Module 1", 0, "cancelled");

  /* Anne teaches on Wednesday morning */
  slot = add_slot (core, fixture->march, fixture->march_q1, "2026-03-04T09:00", "2026-03-04T12:00");
  fixture->booked = g_steal_pointer (&slot);
  g_free (core_create (core->db, "slot_staff", "slot_id", fixture->booked,
                       "trainer_id", fixture->anne, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_free (fixture->place);
  g_free (fixture->room);
  g_free (fixture->anne);
  g_free (fixture->paul);
  g_free (fixture->march);
  g_free (fixture->march_q1);
  g_free (fixture->march_q2);
  g_free (fixture->april);
  g_free (fixture->april_q);
  g_free (fixture->undated);
  g_free (fixture->cancelled);
  g_free (fixture->empty);
  g_free (fixture->closed);
  g_free (fixture->closed_q);
  g_free (fixture->booked);
  core_fixture_tear_down (&fixture->core, user_data);
}

static const char *
choice_id (GPtrArray *choices,
           guint      i)
{
  return ((FdSessionChoice *) g_ptr_array_index (choices, i))->id;
}

/* Live sessions with a sequence to plan in, nearest the day first */
static void
test_list_sessions (Fixture       *fixture,
                    gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  FdSessionChoice *first;

  /* 14 days after March's last slot, 17 before April's planned start */
  choices = fd_slot_draft_list_sessions (db, "2026-03-20", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 3);
  g_assert_cmpstr (choice_id (choices, 0), ==, fixture->march);
  g_assert_cmpstr (choice_id (choices, 1), ==, fixture->april);
  g_assert_cmpstr (choice_id (choices, 2), ==, fixture->undated);
  first = g_ptr_array_index (choices, 0);
  g_assert_cmpstr (first->code, ==, "2026-0001");
  g_assert_cmpstr (first->label, ==, "Prévention des risques");
  g_assert_cmpstr (first->first_day, ==, "2026-03-02");
  g_assert_cmpstr (first->last_day, ==, "2026-03-06");
  g_clear_pointer (&choices, g_ptr_array_unref);

  /* 2 days before April's planned start, 29 after March */
  choices = fd_slot_draft_list_sessions (db, "2026-04-04T10:00", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (choice_id (choices, 0), ==, fixture->april);
  g_assert_cmpstr (choice_id (choices, 1), ==, fixture->march);
  g_clear_pointer (&choices, g_ptr_array_unref);

  /* by code or label, any case or accents */
  choices = fd_slot_draft_list_sessions (db, "2026-03-03", "PREVENTION", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 1);
  g_assert_cmpstr (choice_id (choices, 0), ==, fixture->march);
  g_clear_pointer (&choices, g_ptr_array_unref);

  choices = fd_slot_draft_list_sessions (db, "2026-03-03", " 2026-0003 ", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 1);
  g_assert_cmpstr (choice_id (choices, 0), ==, fixture->undated);
  g_clear_pointer (&choices, g_ptr_array_unref);

  /* blank is everything; % and _ are letters */
  choices = fd_slot_draft_list_sessions (db, "2026-03-03", "   ", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 3);
  g_clear_pointer (&choices, g_ptr_array_unref);
  choices = fd_slot_draft_list_sessions (db, "2026-03-03", "%", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 0);
  g_clear_pointer (&choices, g_ptr_array_unref);

  /* bounded */
  choices = fd_slot_draft_list_sessions (db, "2026-03-03", NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 2);
  g_clear_pointer (&choices, g_ptr_array_unref);

  /* a deleted session is gone */
  core_delete (db, "session", fixture->undated);
  choices = fd_slot_draft_list_sessions (db, "2026-03-03", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 2);
}

static void
test_list_sessions_bad_day (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char * const bad[] = { "", "2026-02-30", "26-03-03", "2026/03/03", "next week" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (fd_slot_draft_list_sessions (fixture->core.db, bad[i], NULL, 0, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }

  g_assert_null (fd_slot_draft_list_sessions (fixture->core.db, NULL, NULL, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_list_sequences (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) sequences = NULL;
  g_autoptr(GError) error = NULL;

  sequences = fd_slot_draft_list_sequences (fixture->core.db, fixture->march, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sequences->len, ==, 2);
  g_assert_cmpstr (fd_option_get_id (g_ptr_array_index (sequences, 0)), ==, fixture->march_q1);
  g_assert_cmpstr (fd_option_get_label (g_ptr_array_index (sequences, 0)), ==, "Module 1");
  g_assert_cmpstr (fd_option_get_id (g_ptr_array_index (sequences, 1)), ==, fixture->march_q2);
  g_clear_pointer (&sequences, g_ptr_array_unref);

  sequences = fd_slot_draft_list_sequences (fixture->core.db, fixture->closed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sequences->len, ==, 0);
  g_clear_pointer (&sequences, g_ptr_array_unref);

  sequences = fd_slot_draft_list_sequences (fixture->core.db, "no-such-session", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sequences->len, ==, 0);
}

static void
test_bad_draft (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const struct { const char *start, *end, *field; } bad[] = {
    { "2026-03-03T09:00", "2026-03-03T09:00", "end_at" },
    { "2026-03-03T10:00", "2026-03-03T09:00", "end_at" },
    { "2026-03-03", "2026-03-03T09:00", "start_at" },
    { "2026-03-03T25:00", "2026-03-03T26:00", "start_at" },
    { "2026-02-30T09:00", "2026-02-30T12:00", "start_at" },
    { "2026-03-03T09:00", "2026-03-03T12:00:00", "end_at" },
    { "", "2026-03-03T12:00", "start_at" },
    { NULL, "2026-03-03T12:00", "start_at" },
    { "2026-03-03T09:00", NULL, "end_at" },
  };
  FdDatabase *db = fixture->core.db;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (fd_slot_draft_new (db, bad[i].start, bad[i].end, FD_SLOT_LANE_NONE, NULL,
                                        &error));
      g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
      g_assert_cmpstr (fd_validation_error_get_field (error), ==, bad[i].field);
      g_clear_error (&error);
    }

  g_assert_null (fd_slot_draft_new (db, "2026-03-03T09:00", "2026-03-03T12:00",
                                    FD_SLOT_LANE_TRAINER, "nobody", &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainer_id");
  g_clear_error (&error);
  g_assert_null (fd_slot_draft_new (db, "2026-03-03T09:00", "2026-03-03T12:00",
                                    FD_SLOT_LANE_TRAINER, NULL, &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainer_id");
  g_clear_error (&error);
  g_assert_null (fd_slot_draft_new (db, "2026-03-03T09:00", "2026-03-03T12:00",
                                    FD_SLOT_LANE_ROOM, "nowhere", &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "room_id");
  g_clear_error (&error);

  core_delete (db, "trainer", fixture->paul);
  g_assert_null (fd_slot_draft_new (db, "2026-03-03T09:00", "2026-03-03T12:00",
                                    FD_SLOT_LANE_TRAINER, fixture->paul, &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainer_id");
}

static void
test_set_session (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(FdSlotDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = fd_slot_draft_new (fixture->core.db, "2026-03-03T09:00", "2026-03-03T12:00",
                             FD_SLOT_LANE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (fd_slot_draft_get_session_id (draft));

  /* its first sequence by default */
  g_assert_true (fd_slot_draft_set_session (draft, fixture->march, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fd_slot_draft_get_session_id (draft), ==, fixture->march);
  g_assert_cmpstr (fd_slot_draft_get_sequence_id (draft), ==, fixture->march_q1);
  g_assert_true (fd_slot_draft_set_session (draft, fixture->march, fixture->march_q2, &error));
  g_assert_cmpstr (fd_slot_draft_get_sequence_id (draft), ==, fixture->march_q2);

  /* refused, the choice kept */
  g_assert_false (fd_slot_draft_set_session (draft, fixture->cancelled, NULL, &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "session_id");
  g_clear_error (&error);
  g_assert_false (fd_slot_draft_set_session (draft, "no-such-session", NULL, &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "session_id");
  g_clear_error (&error);
  g_assert_false (fd_slot_draft_set_session (draft, fixture->empty, NULL, &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "sequence_id");
  g_clear_error (&error);
  g_assert_false (fd_slot_draft_set_session (draft, fixture->closed, fixture->closed_q, &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "sequence_id");
  g_clear_error (&error);
  g_assert_false (fd_slot_draft_set_session (draft, fixture->march, fixture->april_q, &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "sequence_id");
  g_clear_error (&error);
  g_assert_false (fd_slot_draft_set_session (draft, fixture->march, "no-such-sequence", &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "sequence_id");
  g_clear_error (&error);
  g_assert_cmpstr (fd_slot_draft_get_session_id (draft), ==, fixture->march);
  g_assert_cmpstr (fd_slot_draft_get_sequence_id (draft), ==, fixture->march_q2);
}

/* The conflicts of the lane's trainer, then the session's lock */
static void
test_check (Fixture       *fixture,
            gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(FdUser) planner = fd_user_new ("p", NULL, "P", FD_ROLE_PLANNER, NULL, NULL, TRUE);
  g_autoptr(FdUser) manager = fd_user_new ("m", NULL, "M", FD_ROLE_OPERATIONS_MANAGER, NULL, NULL,
                                           TRUE);
  g_autoptr(FdSlotDraft) busy = NULL;
  g_autoptr(FdSlotDraft) free_draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *trainee = NULL;
  g_autofree char *enrollment = NULL;
  gboolean refused = TRUE;

  busy = fd_slot_draft_new (db, "2026-03-04T10:00", "2026-03-04T11:00", FD_SLOT_LANE_TRAINER,
                            fixture->anne, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_slot_draft_get_trainer_id (busy), ==, fixture->anne);
  g_assert_cmpuint (fd_slot_draft_get_proposal (busy)->trainer_ids->len, ==, 1);

  /* before a session is chosen, the trainer's conflict already shows */
  message = fd_slot_draft_check (busy, NULL, &refused);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Anne Martin"));
  g_assert_false (refused);
  g_clear_pointer (&message, g_free);

  g_assert_true (fd_slot_draft_set_session (busy, fixture->march, NULL, &error));
  message = fd_slot_draft_check (busy, planner, &refused);
  g_assert_nonnull (message);
  g_assert_false (refused);
  g_clear_pointer (&message, g_free);

  /* Paul is free then */
  free_draft = fd_slot_draft_new (db, "2026-03-04T10:00", "2026-03-04T11:00",
                                  FD_SLOT_LANE_TRAINER, fixture->paul, &error);
  g_assert_no_error (error);
  g_assert_true (fd_slot_draft_set_session (free_draft, fixture->march, NULL, &error));
  g_assert_null (fd_slot_draft_check (free_draft, planner, &refused));
  g_assert_false (refused);

  /* a trainee enrolled locks the session's dates for a planner */
  trainee = core_create (db, "trainee", "first_name", "Léa", "last_name", "Petit", NULL);
  enrollment = core_create (db, "enrollment", "session_id", fixture->march, "trainee_id", trainee,
                            NULL);
  message = fd_slot_draft_check (free_draft, planner, &refused);
  g_assert_true (refused);
  g_assert_nonnull (message);
  g_assert_null (fd_slot_draft_check (free_draft, manager, &refused));
  g_assert_false (refused);
}

/* One edit: the slot in the room (and its place), or with its trainer */
static void
test_build_changes (Fixture       *fixture,
                    gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(FdSlotDraft) draft = NULL;
  g_autoptr(FdSlotDraft) room_draft = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *slot_id;

  draft = fd_slot_draft_new (db, "2026-03-05T14:00", "2026-03-05T17:00", FD_SLOT_LANE_TRAINER,
                             fixture->paul, &error);
  g_assert_no_error (error);

  /* no session yet */
  g_assert_null (fd_slot_draft_build_changes (draft, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  g_assert_true (fd_slot_draft_set_session (draft, fixture->march, fixture->march_q2, &error));
  changes = fd_slot_draft_build_changes (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_true (fd_database_apply_all (db, changes, &error));
  g_assert_no_error (error);

  slot_id = fd_change_get_id (g_ptr_array_index (changes, 0));
  text = core_query_text (db, "SELECT sequence_id || ' ' || start_at || ' ' || end_at"
                              " FROM slot WHERE id = ?1 AND deleted = 0", slot_id);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, fixture->march_q2));
  g_assert_true (g_str_has_suffix (text, " 2026-03-05T14:00 2026-03-05T17:00"));
  g_clear_pointer (&text, g_free);
  text = core_query_text (db, "SELECT trainer_id FROM slot_staff WHERE slot_id = ?1"
                              " AND deleted = 0 AND role = 'trainer'", slot_id);
  g_assert_cmpstr (text, ==, fixture->paul);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* a room's lane: the room and its place, no staff */
  room_draft = fd_slot_draft_new (db, "2026-03-05T09:00", "2026-03-05T12:00", FD_SLOT_LANE_ROOM,
                                  fixture->room, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_slot_draft_get_room_id (room_draft), ==, fixture->room);
  g_assert_cmpstr (fd_slot_draft_get_place_id (room_draft), ==, fixture->place);
  g_assert_null (fd_slot_draft_get_trainer_id (room_draft));
  g_assert_true (fd_slot_draft_set_session (room_draft, fixture->undated, NULL, &error));
  changes = fd_slot_draft_build_changes (room_draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (fd_database_apply_all (db, changes, &error));
  g_assert_no_error (error);
  text = core_query_text (db, "SELECT place_id || ' ' || room_id FROM slot WHERE id = ?1",
                          fd_change_get_id (g_ptr_array_index (changes, 0)));
  g_assert_true (g_str_has_prefix (text, fixture->place));
  g_assert_true (g_str_has_suffix (text, fixture->room));

  /* the session now has a day: on it, it ties with March, and sorts by
   * code, newest first */
  {
    g_autoptr(GPtrArray) choices = fd_slot_draft_list_sessions (db, "2026-03-05", NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (choice_id (choices, 0), ==, fixture->undated);
    g_assert_cmpstr (choice_id (choices, 1), ==, fixture->march);
  }
}

/* Planned on a holiday, a Sunday or at night asks first, like a drop */
static void
test_question (Fixture       *fixture,
               gconstpointer  user_data)
{
  static const struct { const char *start, *end; gboolean asks; } cases[] = {
    { "2026-05-01T09:00", "2026-05-01T12:00", TRUE },   /* Labour Day */
    { "2026-03-08T09:00", "2026-03-08T12:00", TRUE },   /* a Sunday */
    { "2026-03-03T06:00", "2026-03-03T08:00", TRUE },
    { "2026-03-03T19:00", "2026-03-03T21:30", TRUE },
    { "2026-03-03T09:00", "2026-03-03T12:00", FALSE },
    { "2026-03-07T09:00", "2026-03-07T12:00", FALSE },  /* a Saturday */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FdSlotDraft) draft = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *question = NULL;

      draft = fd_slot_draft_new (fixture->core.db, cases[i].start, cases[i].end,
                                 FD_SLOT_LANE_ROOM, fixture->room, &error);
      g_assert_no_error (error);
      question = fd_slot_draft_dup_question (draft);
      g_assert_cmpint (question != NULL, ==, cases[i].asks);
    }

  {
    g_autofree char *question = fd_slot_dup_planning_question (fixture->core.db, NULL,
                                                               "2026-05-01T09:00",
                                                               "2026-05-01T12:00");

    g_assert_nonnull (question);
    g_assert_nonnull (strstr (question, "public holiday"));
    g_assert_null (fd_slot_dup_planning_question (fixture->core.db, NULL, "bad", "worse"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/slot-draft/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list-sessions", test_list_sessions);
  ADD ("list-sessions/bad-day", test_list_sessions_bad_day);
  ADD ("list-sequences", test_list_sequences);
  ADD ("bad-draft", test_bad_draft);
  ADD ("set-session", test_set_session);
  ADD ("check", test_check);
  ADD ("build-changes", test_build_changes);
  ADD ("question", test_question);

  return g_test_run ();
}
