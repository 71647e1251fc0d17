/* test-conflicts.c — scheduling conflicts: each rule, its boundaries, keeping
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-core-common.h"
#include "fd-conflicts.h"
#include "fd-slot-move.h"
#include "fd-user.h"

/* Every row is written through fd_database_apply(), as the application
 * writes them. The fixture holds two Paris places, a Réunion place, rooms,
 * two trainers and two sessions of 2026 with a sequence each. */
typedef struct
{
  CoreFixture core;
  char *lyon;
  char *marseille;
  char *reunion;
  char *blue;   /* Lyon, 10 seats */
  char *green;  /* Lyon, 2 seats */
  char *creole; /* Réunion */
  char *claire;
  char *paul;
  char *s1;
  char *q1;
  char *s2;
  char *q2;
} Fixture;

/* Sets @field of a row, on the revision the row has now */
static void
update (Fixture    *fixture,
        const char *entity,
        const char *id,
        const char *field,
        const char *value)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(FdChange) change = fd_change_new_update (entity, id, core_revision (db, entity, id));

  fd_change_set_string (change, field, value);
  core_apply (db, change);
}

static char *
add_slot (Fixture    *fixture,
          const char *session,
          const char *sequence,
          const char *start,
          const char *end,
          const char *place,
          const char *room,
          const char *trainer)
{
  FdDatabase *db = fixture->core.db;
  char *slot = core_create (db, "slot", "session_id", session, "sequence_id", sequence,
                            "start_at", start, "end_at", end, "place_id", place, "room_id", room,
                            NULL);

  if (trainer != NULL)
    g_free (core_create (db, "slot_staff", "slot_id", slot, "trainer_id", trainer, NULL));

  return slot;
}

static char *
add_session (Fixture    *fixture,
             const char *year,
             char      **sequence)
{
  FdDatabase *db = fixture->core.db;
  char *session = core_create (db, "session", "#year", year, "label", "Gestion de projet", NULL);

  *sequence = core_create (db, "sequence", "session_id", session, "label", "Jour 1", NULL);

  return session;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  FdDatabase *db;

  core_fixture_set_up (&fixture->core, user_data);
  db = fixture->core.db;
  fixture->lyon = core_create (db, "place", "name", "Lyon Part-Dieu", NULL);
  fixture->marseille = core_create (db, "place", "name", "Marseille Joliette", NULL);
  fixture->reunion = core_create (db, "place", "name", "Saint-Denis", "time_zone", "Indian/Reunion",
                                  NULL);
  fixture->blue = core_create (db, "room", "place_id", fixture->lyon, "name", "Salle Bleue",
                               "#capacity", "10", NULL);
  fixture->green = core_create (db, "room", "place_id", fixture->lyon, "name", "Salle Verte",
                                "#capacity", "2", NULL);
  fixture->creole = core_create (db, "room", "place_id", fixture->reunion, "name", "Salle Créole",
                                 NULL);
  fixture->claire = core_create (db, "trainer", "first_name", "Claire", "last_name", "Martin",
                                 NULL);
  fixture->paul = core_create (db, "trainer", "first_name", "Paul", "last_name", "Durand", NULL);
  fixture->s1 = add_session (fixture, "2026", &fixture->q1);
  fixture->s2 = add_session (fixture, "2026", &fixture->q2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  core_fixture_tear_down (&fixture->core, user_data);
  g_free (fixture->lyon);
  g_free (fixture->marseille);
  g_free (fixture->reunion);
  g_free (fixture->blue);
  g_free (fixture->green);
  g_free (fixture->creole);
  g_free (fixture->claire);
  g_free (fixture->paul);
  g_free (fixture->s1);
  g_free (fixture->q1);
  g_free (fixture->s2);
  g_free (fixture->q2);
}

static FdSlotProposal *
new_proposal (Fixture    *fixture,
              const char *start,
              const char *end,
              const char *place,
              const char *room,
              const char *trainer)
{
  FdSlotProposal *proposal = fd_slot_proposal_new (fixture->s1);

  fd_slot_proposal_set_times (proposal, start, end);
  fd_slot_proposal_set_place_id (proposal, place);
  fd_slot_proposal_set_room_id (proposal, room);
  if (trainer != NULL)
    fd_slot_proposal_add_trainer (proposal, trainer);

  return proposal;
}

static GPtrArray *
check (Fixture              *fixture,
       const FdSlotProposal *proposal)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = fd_conflicts_check_proposal (fixture->core.db, proposal, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conflicts);

  return conflicts;
}

static GPtrArray *
check_times (Fixture    *fixture,
             const char *start,
             const char *end,
             const char *place,
             const char *room,
             const char *trainer)
{
  g_autoptr(FdSlotProposal) proposal = new_proposal (fixture, start, end, place, room, trainer);

  return check (fixture, proposal);
}

static GPtrArray *
for_slot (Fixture    *fixture,
          const char *slot)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = fd_conflicts_for_slot (fixture->core.db, slot, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conflicts);

  return conflicts;
}

static GPtrArray *
in_range (Fixture    *fixture,
          const char *from,
          const char *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = fd_conflicts_in_range (fixture->core.db, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conflicts);

  return conflicts;
}

static guint
count_kind (GPtrArray      *conflicts,
            FdConflictKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < conflicts->len; i++)
    if (fd_conflict_get_kind (g_ptr_array_index (conflicts, i)) == kind)
      n++;

  return n;
}

static FdConflict *
find_kind (GPtrArray      *conflicts,
           FdConflictKind  kind)
{
  for (guint i = 0; i < conflicts->len; i++)
    if (fd_conflict_get_kind (g_ptr_array_index (conflicts, i)) == kind)
      return g_ptr_array_index (conflicts, i);

  return NULL;
}

static const char *
session_code (Fixture    *fixture,
              const char *session)
{
  static char code[32];
  sqlite3_stmt *stmt = _fd_database_prepare (fixture->core.db,
                                             "SELECT code FROM session WHERE id = ?1", NULL);

  sqlite3_bind_text (stmt, 1, session, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_strlcpy (code, (const char *) sqlite3_column_text (stmt, 0), sizeof code);
  sqlite3_reset (stmt);

  return code;
}

static void
test_kinds (void)
{
  FdConflictKind kind;

  for (guint i = 0; i < FD_CONFLICT_N_KINDS; i++)
    {
      const char *name = fd_conflict_kind_to_string (i);

      g_assert_nonnull (name);
      g_assert_true (fd_conflict_kind_from_string (name, &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (fd_conflict_kind_get_label (i));
    }
  g_assert_cmpstr (fd_conflict_kind_to_string (FD_CONFLICT_KIND_ROOM_CAPACITY), ==,
                   "room_capacity");
  g_assert_false (fd_conflict_kind_from_string ("double_booking", &kind));
  g_assert_false (fd_conflict_kind_from_string (NULL, &kind));
}

static void
test_trainer_overlap (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *stored = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-03T10:00",
                                      "2026-03-03T11:00", fixture->lyon, NULL, fixture->claire);
  g_autofree char *morning = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-04T09:00",
                                       "2026-03-04T12:00", fixture->lyon, NULL, fixture->claire);
  g_autofree char *expected = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GPtrArray) overlap = NULL;
  g_autoptr(GPtrArray) touching = NULL;
  g_autoptr(GPtrArray) touching_before = NULL;
  g_autoptr(GPtrArray) other_trainer = NULL;
  g_autoptr(GPtrArray) next_day = NULL;
  FdConflict *conflict;

  /* 09:30–10:30 against 10:00–11:00 */
  overlap = check_times (fixture, "2026-03-03T09:30", "2026-03-03T10:30", fixture->lyon, NULL,
                         fixture->claire);
  g_assert_cmpuint (overlap->len, ==, 1);
  conflict = g_ptr_array_index (overlap, 0);
  g_assert_cmpint (fd_conflict_get_kind (conflict), ==, FD_CONFLICT_KIND_TRAINER_OVERLAP);
  g_assert_null (fd_conflict_get_slot_id (conflict));
  g_assert_cmpstr (fd_conflict_get_other_slot_id (conflict), ==, stored);
  g_assert_cmpstr (fd_conflict_get_trainer_id (conflict), ==, fixture->claire);
  g_assert_cmpstr (fd_conflict_get_trainer_name (conflict), ==, "Claire Martin");
  g_assert_cmpstr (fd_conflict_get_session_code (conflict), ==, session_code (fixture, fixture->s1));
  g_assert_cmpstr (fd_conflict_get_other_session_code (conflict), ==,
                   session_code (fixture, fixture->s2));
  g_assert_cmpstr (fd_conflict_get_start_at (conflict), ==, "2026-03-03T09:30");
  g_assert_cmpstr (fd_conflict_get_other_start_at (conflict), ==, "2026-03-03T10:00");
  g_assert_cmpstr (fd_conflict_get_other_end_at (conflict), ==, "2026-03-03T11:00");
  g_assert_false (fd_conflict_get_kept (conflict));
  g_assert_null (fd_conflict_get_kept_reason (conflict));
  expected = g_strdup_printf ("Claire Martin is already teaching %s from 10:00 to 11:00.",
                              session_code (fixture, fixture->s2));
  g_assert_cmpstr (fd_conflict_get_message (conflict), ==, expected);
  subject = g_strconcat (stored, "/", fixture->claire, NULL);
  g_assert_cmpstr (fd_conflict_get_subject_id (conflict), ==, subject);

  /* 09:00–12:00 then 12:00–13:00, either way round, is no conflict */
  touching = check_times (fixture, "2026-03-04T12:00", "2026-03-04T13:00", fixture->lyon, NULL,
                          fixture->claire);
  g_assert_cmpuint (touching->len, ==, 0);
  touching_before = check_times (fixture, "2026-03-03T09:00", "2026-03-03T10:00", fixture->lyon,
                                 NULL, fixture->claire);
  g_assert_cmpuint (touching_before->len, ==, 0);

  /* Another trainer, or the same hours another day: nothing */
  other_trainer = check_times (fixture, "2026-03-03T09:30", "2026-03-03T10:30", fixture->lyon,
                               NULL, fixture->paul);
  g_assert_cmpuint (other_trainer->len, ==, 0);
  next_day = check_times (fixture, "2026-03-05T10:00", "2026-03-05T11:00", fixture->lyon, NULL,
                          fixture->claire);
  g_assert_cmpuint (next_day->len, ==, 0);
}

static void
test_room_overlap (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *stored = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-03T10:00",
                                      "2026-03-03T12:00", fixture->lyon, fixture->blue, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) overlap = NULL;
  g_autoptr(GPtrArray) inside = NULL;
  g_autoptr(GPtrArray) touching = NULL;
  g_autoptr(GPtrArray) other_room = NULL;
  FdConflict *conflict;

  overlap = check_times (fixture, "2026-03-03T11:59", "2026-03-03T13:00", fixture->lyon,
                         fixture->blue, NULL);
  g_assert_cmpuint (overlap->len, ==, 1);
  conflict = g_ptr_array_index (overlap, 0);
  g_assert_cmpint (fd_conflict_get_kind (conflict), ==, FD_CONFLICT_KIND_ROOM_OVERLAP);
  g_assert_cmpstr (fd_conflict_get_other_slot_id (conflict), ==, stored);
  g_assert_cmpstr (fd_conflict_get_room_id (conflict), ==, fixture->blue);
  g_assert_cmpstr (fd_conflict_get_room_name (conflict), ==, "Salle Bleue");
  g_assert_null (fd_conflict_get_trainer_id (conflict));
  expected = g_strdup_printf ("Salle Bleue is already booked for %s from 10:00 to 12:00.",
                              session_code (fixture, fixture->s2));
  g_assert_cmpstr (fd_conflict_get_message (conflict), ==, expected);

  inside = check_times (fixture, "2026-03-03T10:30", "2026-03-03T11:00", fixture->lyon,
                        fixture->blue, NULL);
  g_assert_cmpuint (count_kind (inside, FD_CONFLICT_KIND_ROOM_OVERLAP), ==, 1);

  touching = check_times (fixture, "2026-03-03T12:00", "2026-03-03T13:00", fixture->lyon,
                          fixture->blue, NULL);
  g_assert_cmpuint (touching->len, ==, 0);

  other_room = check_times (fixture, "2026-03-03T10:00", "2026-03-03T12:00", fixture->lyon,
                            fixture->green, NULL);
  g_assert_cmpuint (other_room->len, ==, 0);
}

static void
test_trainer_unavailable (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *leave = core_create (fixture->core.db, "unavailability",
                                        "trainer_id", fixture->claire,
                                        "start_at", "2026-03-03T10:00",
                                        "end_at", "2026-03-03T12:00",
                                        "reason", "Rendez-vous médical", NULL);
  g_autofree char *holiday = core_create (fixture->core.db, "unavailability",
                                          "trainer_id", fixture->paul,
                                          "start_at", "2026-03-09T00:00",
                                          "end_at", "2026-03-14T00:00", NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) overlap = NULL;
  g_autoptr(GPtrArray) long_leave = NULL;
  FdConflict *conflict;

  after = check_times (fixture, "2026-03-03T12:00", "2026-03-03T13:00", NULL, NULL,
                       fixture->claire);
  g_assert_cmpuint (after->len, ==, 0);
  before = check_times (fixture, "2026-03-03T08:00", "2026-03-03T10:00", NULL, NULL,
                        fixture->claire);
  g_assert_cmpuint (before->len, ==, 0);

  overlap = check_times (fixture, "2026-03-03T11:30", "2026-03-03T13:00", NULL, NULL,
                         fixture->claire);
  g_assert_cmpuint (overlap->len, ==, 1);
  conflict = g_ptr_array_index (overlap, 0);
  g_assert_cmpint (fd_conflict_get_kind (conflict), ==, FD_CONFLICT_KIND_TRAINER_UNAVAILABLE);
  g_assert_cmpstr (fd_conflict_get_unavailability_id (conflict), ==, leave);
  g_assert_cmpstr (fd_conflict_get_subject_id (conflict), ==, leave);
  g_assert_cmpstr (fd_conflict_get_trainer_id (conflict), ==, fixture->claire);
  g_assert_cmpstr (fd_conflict_get_message (conflict), ==,
                   "Claire Martin is unavailable from 10:00 to 12:00 (Rendez-vous médical).");

  /* An unavailability of several days is shown with its dates */
  long_leave = check_times (fixture, "2026-03-10T09:00", "2026-03-10T12:00", NULL, NULL,
                            fixture->paul);
  g_assert_cmpuint (long_leave->len, ==, 1);
  g_assert_cmpstr (fd_conflict_get_message (g_ptr_array_index (long_leave, 0)), ==,
                   "Paul Durand is unavailable from 09/03/2026 00:00 to 14/03/2026 00:00.");
}

static void
test_room_capacity (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) three = NULL;
  g_autoptr(GPtrArray) big_room = NULL;
  g_autoptr(GPtrArray) no_capacity = NULL;
  g_autoptr(GPtrArray) withdrawn = NULL;
  g_autofree char *third = NULL;
  FdConflict *conflict;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *trainee = core_create (fixture->core.db, "trainee", "first_name", "Inès",
                                              "last_name", "Moreau", NULL);

      g_free (core_create (fixture->core.db, "enrollment", "session_id", fixture->s1,
                           "trainee_id", trainee, NULL));
    }
  /* Withdrawn and cancelled enrollments do not take a seat */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *trainee = core_create (fixture->core.db, "trainee", "first_name", "Hugo",
                                              "last_name", "Petit", NULL);

      g_free (core_create (fixture->core.db, "enrollment", "session_id", fixture->s1,
                           "trainee_id", trainee, "status", i == 0 ? "withdrawn" : "cancelled",
                           NULL));
    }

  /* Two trainees in two seats */
  two = check_times (fixture, "2026-03-03T09:00", "2026-03-03T12:00", fixture->lyon,
                     fixture->green, NULL);
  g_assert_cmpuint (two->len, ==, 0);

  {
    g_autofree char *trainee = core_create (fixture->core.db, "trainee", "first_name", "Léa",
                                            "last_name", "Roux", NULL);

    third = core_create (fixture->core.db, "enrollment", "session_id", fixture->s1,
                         "trainee_id", trainee, NULL);
  }

  three = check_times (fixture, "2026-03-03T09:00", "2026-03-03T12:00", fixture->lyon,
                       fixture->green, NULL);
  g_assert_cmpuint (three->len, ==, 1);
  conflict = g_ptr_array_index (three, 0);
  g_assert_cmpint (fd_conflict_get_kind (conflict), ==, FD_CONFLICT_KIND_ROOM_CAPACITY);
  g_assert_cmpstr (fd_conflict_get_room_id (conflict), ==, fixture->green);
  g_assert_cmpstr (fd_conflict_get_subject_id (conflict), ==, fixture->green);
  g_assert_cmpstr (fd_conflict_get_message (conflict), ==,
                   "Salle Verte seats 2, but 3 trainees are enrolled.");

  big_room = check_times (fixture, "2026-03-03T09:00", "2026-03-03T12:00", fixture->lyon,
                          fixture->blue, NULL);
  g_assert_cmpuint (big_room->len, ==, 0);

  /* A room whose capacity is not known (0) is never too small */
  no_capacity = check_times (fixture, "2026-03-03T09:00", "2026-03-03T12:00", fixture->reunion,
                             fixture->creole, NULL);
  g_assert_cmpuint (no_capacity->len, ==, 0);

  update (fixture, "enrollment", third, "status", "withdrawn");
  withdrawn = check_times (fixture, "2026-03-03T09:00", "2026-03-03T12:00", fixture->lyon,
                           fixture->green, NULL);
  g_assert_cmpuint (withdrawn->len, ==, 0);
}

static void
test_outside_year (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) last_day = NULL;
  g_autoptr(GPtrArray) first_day = NULL;
  g_autoptr(GPtrArray) next_year = NULL;
  g_autoptr(GPtrArray) last_year = NULL;
  FdConflict *conflict;

  last_day = check_times (fixture, "2026-12-31T14:00", "2026-12-31T17:00", NULL, NULL, NULL);
  g_assert_cmpuint (last_day->len, ==, 0);
  first_day = check_times (fixture, "2026-01-01T09:00", "2026-01-01T12:00", NULL, NULL, NULL);
  g_assert_cmpuint (first_day->len, ==, 0);

  next_year = check_times (fixture, "2027-01-04T09:00", "2027-01-04T12:00", NULL, NULL, NULL);
  g_assert_cmpuint (next_year->len, ==, 1);
  conflict = g_ptr_array_index (next_year, 0);
  g_assert_cmpint (fd_conflict_get_kind (conflict), ==, FD_CONFLICT_KIND_OUTSIDE_YEAR);
  g_assert_null (fd_conflict_get_subject_id (conflict));
  g_assert_cmpstr (fd_conflict_get_message (conflict), ==,
                   "This slot is on 04/01/2027, outside the session’s year 2026.");

  last_year = check_times (fixture, "2025-12-31T09:00", "2025-12-31T12:00", NULL, NULL, NULL);
  g_assert_cmpuint (count_kind (last_year, FD_CONFLICT_KIND_OUTSIDE_YEAR), ==, 1);
}

/* A session that starts in its year may span the new year (it counts in
 * both years): its January slots are no conflict, but two years on are */
static void
test_spans_new_year (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *december = add_slot (fixture, fixture->s1, fixture->q1, "2026-12-28T09:00",
                                        "2026-12-28T12:00", NULL, NULL, NULL);
  g_autoptr(GPtrArray) january = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *slot = NULL;

  january = check_times (fixture, "2027-01-04T09:00", "2027-01-04T12:00", NULL, NULL, NULL);
  g_assert_cmpuint (count_kind (january, FD_CONFLICT_KIND_OUTSIDE_YEAR), ==, 0);
  later = check_times (fixture, "2028-01-04T09:00", "2028-01-04T12:00", NULL, NULL, NULL);
  g_assert_cmpuint (count_kind (later, FD_CONFLICT_KIND_OUTSIDE_YEAR), ==, 1);

  /* the December slot itself is what lets January in: not itself */
  slot = add_slot (fixture, fixture->s1, fixture->q1, "2027-01-05T09:00", "2027-01-05T12:00",
                   NULL, NULL, NULL);
  core_delete (fixture->core.db, "slot", december);
  stored = for_slot (fixture, slot);
  g_assert_cmpuint (count_kind (stored, FD_CONFLICT_KIND_OUTSIDE_YEAR), ==, 1);
}

static void
test_two_places (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *morning = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-03T09:00",
                                       "2026-03-03T12:00", fixture->lyon, NULL, fixture->claire);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) afternoon = NULL;
  g_autoptr(GPtrArray) same_place = NULL;
  g_autoptr(GPtrArray) next_day = NULL;
  g_autoptr(GPtrArray) no_place = NULL;
  g_autoptr(GPtrArray) overlap = NULL;
  FdConflict *conflict;

  afternoon = check_times (fixture, "2026-03-03T14:00", "2026-03-03T17:00", fixture->marseille,
                           NULL, fixture->claire);
  g_assert_cmpuint (afternoon->len, ==, 1);
  conflict = g_ptr_array_index (afternoon, 0);
  g_assert_cmpint (fd_conflict_get_kind (conflict), ==, FD_CONFLICT_KIND_TRAINER_TWO_PLACES);
  g_assert_cmpstr (fd_conflict_get_other_slot_id (conflict), ==, morning);
  g_assert_cmpstr (fd_conflict_get_trainer_id (conflict), ==, fixture->claire);
  expected = g_strdup_printf ("Claire Martin also teaches %s at Lyon Part-Dieu the same day, "
                              "from 09:00 to 12:00.", session_code (fixture, fixture->s2));
  g_assert_cmpstr (fd_conflict_get_message (conflict), ==, expected);

  same_place = check_times (fixture, "2026-03-03T14:00", "2026-03-03T17:00", fixture->lyon, NULL,
                            fixture->claire);
  g_assert_cmpuint (same_place->len, ==, 0);
  next_day = check_times (fixture, "2026-03-04T09:00", "2026-03-04T12:00", fixture->marseille,
                          NULL, fixture->claire);
  g_assert_cmpuint (next_day->len, ==, 0);
  /* A slot without a place (remote) is not at another place */
  no_place = check_times (fixture, "2026-03-03T14:00", "2026-03-03T17:00", NULL, NULL,
                          fixture->claire);
  g_assert_cmpuint (no_place->len, ==, 0);

  /* Overlapping at two places: reported as the overlap only */
  overlap = check_times (fixture, "2026-03-03T11:00", "2026-03-03T13:00", fixture->marseille,
                         NULL, fixture->claire);
  g_assert_cmpuint (overlap->len, ==, 1);
  g_assert_cmpint (fd_conflict_get_kind (g_ptr_array_index (overlap, 0)), ==,
                   FD_CONFLICT_KIND_TRAINER_OVERLAP);
}

/* Réunion is UTC+4 without summer time; Paris is UTC+1 in early March. */
static void
test_time_zones (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *reunion = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-03T13:00",
                                       "2026-03-03T14:00", fixture->reunion, NULL,
                                       fixture->claire);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) real_overlap = NULL;
  g_autoptr(GPtrArray) touching = NULL;
  g_autoptr(GPtrArray) same_text = NULL;
  g_autoptr(GPtrArray) range = NULL;
  FdConflict *conflict;

  /* 10:30–11:30 in Paris is 13:30–14:30 in Réunion */
  real_overlap = check_times (fixture, "2026-03-03T10:30", "2026-03-03T11:30", fixture->lyon,
                              NULL, fixture->claire);
  g_assert_cmpuint (real_overlap->len, ==, 1);
  conflict = g_ptr_array_index (real_overlap, 0);
  g_assert_cmpint (fd_conflict_get_kind (conflict), ==, FD_CONFLICT_KIND_TRAINER_OVERLAP);
  g_assert_cmpstr (fd_conflict_get_other_slot_id (conflict), ==, reunion);
  expected = g_strdup_printf ("Claire Martin is already teaching %s from 13:00 to 14:00 (+04).",
                              session_code (fixture, fixture->s2));
  g_assert_cmpstr (fd_conflict_get_message (conflict), ==, expected);

  /* 09:00–10:00 in Paris ends when the Réunion slot starts */
  touching = check_times (fixture, "2026-03-03T09:00", "2026-03-03T10:00", fixture->lyon, NULL,
                          fixture->claire);
  g_assert_cmpuint (count_kind (touching, FD_CONFLICT_KIND_TRAINER_OVERLAP), ==, 0);
  /* … and at another place the same day */
  g_assert_cmpuint (count_kind (touching, FD_CONFLICT_KIND_TRAINER_TWO_PLACES), ==, 1);

  /* The same wall-clock text in Paris is three hours later in real time */
  same_text = check_times (fixture, "2026-03-03T13:00", "2026-03-03T14:00", fixture->lyon, NULL,
                           fixture->claire);
  g_assert_cmpuint (count_kind (same_text, FD_CONFLICT_KIND_TRAINER_OVERLAP), ==, 0);

  /* The range finds the same, from stored slots */
  g_free (add_slot (fixture, fixture->s1, fixture->q1, "2026-03-03T10:30", "2026-03-03T11:30",
                    fixture->lyon, NULL, fixture->claire));
  range = in_range (fixture, "2026-03-03", "2026-03-03");
  g_assert_cmpuint (range->len, ==, 1);
  g_assert_cmpint (fd_conflict_get_kind (g_ptr_array_index (range, 0)), ==,
                   FD_CONFLICT_KIND_TRAINER_OVERLAP);
}

static void
test_deleted_ignored (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *cancelled_session = NULL;
  g_autofree char *cancelled_sequence = NULL;
  g_autofree char *q3 = NULL;
  g_autofree char *slot = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *leave = NULL;
  g_autofree char *deleted_room = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  /* A live slot and unavailability that conflict … */
  slot = core_create (fixture->core.db, "slot", "session_id", fixture->s2,
                      "sequence_id", fixture->q2, "start_at", "2026-03-03T10:00",
                      "end_at", "2026-03-03T12:00", "place_id", fixture->lyon,
                      "room_id", fixture->blue, NULL);
  staff = core_create (fixture->core.db, "slot_staff", "slot_id", slot, "trainer_id", fixture->paul,
                       NULL);
  leave = core_create (fixture->core.db, "unavailability", "trainer_id", fixture->paul,
                       "start_at", "2026-03-03T08:00", "end_at", "2026-03-03T18:00", NULL);
  before = check_times (fixture, "2026-03-03T10:00", "2026-03-03T12:00", fixture->lyon,
                        fixture->blue, fixture->paul);
  g_assert_cmpuint (before->len, ==, 3);

  /* … do not once deleted */
  core_delete (fixture->core.db, "slot_staff", staff);
  core_delete (fixture->core.db, "unavailability", leave);
  core_delete (fixture->core.db, "slot", slot);
  after = check_times (fixture, "2026-03-03T10:00", "2026-03-03T12:00", fixture->lyon,
                       fixture->blue, fixture->paul);
  g_assert_cmpuint (after->len, ==, 0);

  /* Slots of a cancelled session or of a cancelled sequence */
  cancelled_session = add_session (fixture, "2026", &q3);
  update (fixture, "session", cancelled_session, "status", "cancelled");
  g_free (add_slot (fixture, cancelled_session, q3, "2026-03-05T10:00", "2026-03-05T12:00",
                    fixture->lyon, fixture->blue, fixture->paul));
  cancelled_sequence = core_create (fixture->core.db, "sequence", "session_id", fixture->s2,
                                    "label", "Annulée", "status", "cancelled", NULL);
  g_free (add_slot (fixture, fixture->s2, cancelled_sequence, "2026-03-06T10:00",
                    "2026-03-06T12:00", fixture->lyon, fixture->blue, fixture->paul));
  {
    g_autoptr(GPtrArray) cancelled_day = check_times (fixture, "2026-03-05T10:00",
                                                      "2026-03-05T12:00", fixture->lyon,
                                                      fixture->blue, fixture->paul);
    g_autoptr(GPtrArray) cancelled_sequence_day = check_times (fixture, "2026-03-06T10:00",
                                                               "2026-03-06T12:00", fixture->lyon,
                                                               fixture->blue, fixture->paul);
    g_autoptr(GPtrArray) range = in_range (fixture, "2026-03-01", "2026-03-31");

    g_assert_cmpuint (cancelled_day->len, ==, 0);
    g_assert_cmpuint (cancelled_sequence_day->len, ==, 0);
    g_assert_cmpuint (range->len, ==, 0);
  }

  /* A deleted room books nothing */
  deleted_room = core_create (fixture->core.db, "room", "place_id", fixture->lyon,
                              "name", "Salle Rouge", "#capacity", "1", NULL);
  g_free (add_slot (fixture, fixture->s2, fixture->q2, "2026-03-10T10:00", "2026-03-10T12:00",
                    fixture->lyon, deleted_room, NULL));
  core_delete (fixture->core.db, "room", deleted_room);
  {
    g_autoptr(GPtrArray) conflicts = check_times (fixture, "2026-03-10T10:00", "2026-03-10T12:00",
                                                  fixture->lyon, deleted_room, NULL);

    g_assert_cmpuint (conflicts->len, ==, 0);
  }
}

static void
test_excludes_own_slot (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *a = add_slot (fixture, fixture->s1, fixture->q1, "2026-03-03T09:00",
                                 "2026-03-03T12:00", fixture->lyon, fixture->blue,
                                 fixture->claire);
  g_autofree char *b = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-03T14:00",
                                 "2026-03-03T17:00", fixture->lyon, fixture->blue,
                                 fixture->claire);
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autoptr(FdSlotProposal) copy = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) dragged = NULL;
  g_autoptr(GPtrArray) as_new = NULL;
  g_autoptr(GError) error = NULL;
  FdSlotProposal *missing;

  /* A stored slot does not conflict with itself */
  stored = for_slot (fixture, a);
  g_assert_cmpuint (stored->len, ==, 0);

  proposal = fd_slot_proposal_new_for_slot (fixture->core.db, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (proposal->slot_id, ==, a);
  g_assert_cmpstr (proposal->session_id, ==, fixture->s1);
  g_assert_cmpstr (proposal->sequence_id, ==, fixture->q1);
  g_assert_cmpstr (proposal->room_id, ==, fixture->blue);
  g_assert_cmpuint (proposal->trainer_ids->len, ==, 1);

  /* Dragged over B: its room and its trainer; not over its own old place */
  fd_slot_proposal_set_times (proposal, "2026-03-03T10:00", "2026-03-03T15:00");
  dragged = check (fixture, proposal);
  g_assert_cmpuint (dragged->len, ==, 2);
  for (guint i = 0; i < dragged->len; i++)
    {
      FdConflict *conflict = g_ptr_array_index (dragged, i);

      g_assert_cmpstr (fd_conflict_get_slot_id (conflict), ==, a);
      g_assert_cmpstr (fd_conflict_get_other_slot_id (conflict), ==, b);
    }

  /* The same slot as a new one (no id) conflicts with A too */
  copy = fd_slot_proposal_copy (proposal);
  g_clear_pointer (&copy->slot_id, g_free);
  as_new = check (fixture, copy);
  g_assert_cmpuint (as_new->len, ==, 4);
  g_assert_cmpuint (count_kind (as_new, FD_CONFLICT_KIND_ROOM_OVERLAP), ==, 2);
  g_assert_cmpuint (count_kind (as_new, FD_CONFLICT_KIND_TRAINER_OVERLAP), ==, 2);

  missing = fd_slot_proposal_new_for_slot (fixture->core.db, "no-such-slot", &error);
  g_assert_null (missing);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
}

static void
test_bad_proposals (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const struct
  {
    const char *start;
    const char *end;
    const char *field;
  } bad[] = {
    { "2026-03-03 09:00", "2026-03-03T10:00", "start_at" },
    { "2026-02-30T09:00", "2026-03-03T10:00", "start_at" },
    { NULL, "2026-03-03T10:00", "start_at" },
    { "2026-03-03T09:00", "10:00", "end_at" },
    { "2026-03-03T09:00", "2026-03-03T09:00", "end_at" },
    { "2026-03-03T09:00", "2026-03-03T08:00", "end_at" },
  };
  g_autoptr(FdSlotProposal) orphan = fd_slot_proposal_new ("no-such-session");
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(FdSlotProposal) proposal = fd_slot_proposal_new (fixture->s1);

      fd_slot_proposal_set_times (proposal, bad[i].start, bad[i].end);
      conflicts = fd_conflicts_check_proposal (fixture->core.db, proposal, &error);
      g_assert_null (conflicts);
      g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
      g_assert_cmpstr (fd_validation_error_get_field (error), ==, bad[i].field);
      g_clear_error (&error);
    }

  fd_slot_proposal_set_times (orphan, "2026-03-03T09:00", "2026-03-03T10:00");
  conflicts = fd_conflicts_check_proposal (fixture->core.db, orphan, &error);
  g_assert_null (conflicts);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  conflicts = fd_conflicts_for_slot (fixture->core.db, "no-such-slot", &error);
  g_assert_null (conflicts);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Bad ranges */
  conflicts = fd_conflicts_in_range (fixture->core.db, "2026-13-01", NULL, &error);
  g_assert_null (conflicts);
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  conflicts = fd_conflicts_in_range (fixture->core.db, "2026-03-31", "2026-03-01", &error);
  g_assert_null (conflicts);
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_keep (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *a = add_slot (fixture, fixture->s1, fixture->q1, "2026-03-03T09:00",
                                 "2026-03-03T12:00", fixture->lyon, NULL, fixture->claire);
  g_autofree char *b = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-03T11:00",
                                 "2026-03-03T13:00", fixture->lyon, NULL, fixture->claire);
  g_autofree char *c = NULL;
  g_autoptr(GPtrArray) first = for_slot (fixture, a);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) from_b = NULL;
  g_autoptr(GPtrArray) with_c = NULL;
  g_autoptr(GPtrArray) range = NULL;
  g_autoptr(GPtrArray) unsaved = NULL;
  g_autoptr(GError) error = NULL;
  FdConflict *conflict;
  gint64 outbox;

  g_assert_cmpuint (first->len, ==, 1);
  conflict = g_ptr_array_index (first, 0);

  /* A blank reason is refused, and nothing is written */
  outbox = fd_database_count_outbox (fixture->core.db);
  g_assert_false (fd_conflict_keep (fixture->core.db, conflict, "  \t ", &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "reason");
  g_assert_cmpstr (error->message, ==, "Give a reason to keep this conflict.");
  g_clear_error (&error);
  g_assert_false (fd_conflict_keep (fixture->core.db, conflict, NULL, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (fd_conflict_get_kept (conflict));
  g_assert_cmpint (fd_database_count_outbox (fixture->core.db), ==, outbox);

  g_assert_true (fd_conflict_keep (fixture->core.db, conflict, " Claire fait la liaison ", &error));
  g_assert_no_error (error);
  g_assert_true (fd_conflict_get_kept (conflict));
  g_assert_cmpstr (fd_conflict_get_kept_reason (conflict), ==, "Claire fait la liaison");
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT count(*) FROM conflict_ack"
                                                     " WHERE deleted = 0"
                                                     " AND kind = 'trainer_overlap'", NULL), ==, 1);
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT count(*) FROM outbox"
                                                     " WHERE name = 'conflict_ack.create'", NULL),
                   ==, 1);

  /* Still reported, kept, from either slot and in a range */
  again = for_slot (fixture, a);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_true (fd_conflict_get_kept (g_ptr_array_index (again, 0)));
  g_assert_cmpstr (fd_conflict_get_kept_reason (g_ptr_array_index (again, 0)), ==,
                   "Claire fait la liaison");
  from_b = for_slot (fixture, b);
  g_assert_cmpuint (from_b->len, ==, 1);
  g_assert_true (fd_conflict_get_kept (g_ptr_array_index (from_b, 0)));
  range = in_range (fixture, "2026-03-03", "2026-03-03");
  g_assert_cmpuint (range->len, ==, 1);
  g_assert_true (fd_conflict_get_kept (g_ptr_array_index (range, 0)));

  /* Keeping from the other slot replaces the reason, it adds no row */
  g_assert_true (fd_conflict_keep (fixture->core.db, g_ptr_array_index (from_b, 0),
                                   "Réunion commune", &error));
  g_assert_no_error (error);
  g_assert_cmpint (core_query_int (fixture->core.db, "SELECT count(*) FROM conflict_ack", NULL),
                   ==, 1);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = for_slot (fixture, a);
  g_assert_cmpstr (fd_conflict_get_kept_reason (g_ptr_array_index (again, 0)), ==,
                   "Réunion commune");

  /* A new conflict, with another slot, is not hidden by the kept one */
  c = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-03T08:00", "2026-03-03T10:00",
                fixture->lyon, NULL, fixture->claire);
  with_c = for_slot (fixture, a);
  g_assert_cmpuint (with_c->len, ==, 2);
  for (guint i = 0; i < with_c->len; i++)
    {
      FdConflict *each = g_ptr_array_index (with_c, i);

      g_assert_cmpint (fd_conflict_get_kept (each), ==,
                       g_str_equal (fd_conflict_get_other_slot_id (each), b));
    }

  /* The conflicts of a slot not saved yet cannot be kept */
  unsaved = check_times (fixture, "2026-03-03T09:00", "2026-03-03T10:00", fixture->lyon, NULL,
                         fixture->claire);
  g_assert_cmpuint (unsaved->len, >, 0);
  g_assert_false (fd_conflict_get_kept (g_ptr_array_index (unsaved, 0)));
  g_assert_false (fd_conflict_keep (fixture->core.db, g_ptr_array_index (unsaved, 0), "Parce que",
                                    &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  /* A kept capacity conflict: the subject is the room */
  {
    g_autofree char *small = add_slot (fixture, fixture->s1, fixture->q1, "2026-03-20T09:00",
                                       "2026-03-20T12:00", fixture->lyon, fixture->green, NULL);
    g_autoptr(GPtrArray) capacity = NULL;
    g_autoptr(GPtrArray) kept = NULL;

    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *trainee = core_create (fixture->core.db, "trainee", "first_name", "Inès",
                                                "last_name", "Moreau", NULL);

        g_free (core_create (fixture->core.db, "enrollment", "session_id", fixture->s1,
                             "trainee_id", trainee, NULL));
      }
    capacity = for_slot (fixture, small);
    g_assert_cmpuint (capacity->len, ==, 1);
    g_assert_true (fd_conflict_keep (fixture->core.db, g_ptr_array_index (capacity, 0),
                                     "Une chaise en plus", &error));
    g_assert_no_error (error);
    kept = for_slot (fixture, small);
    g_assert_true (fd_conflict_get_kept (g_ptr_array_index (kept, 0)));
    g_assert_cmpint (core_query_int (fixture->core.db, "SELECT count(*) FROM conflict_ack"
                                                       " WHERE kind = 'room_capacity'", NULL),
                     ==, 1);
  }
}

static void
test_in_range_pairs_once (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *a = add_slot (fixture, fixture->s1, fixture->q1, "2026-03-03T09:30",
                                 "2026-03-03T10:30", fixture->lyon, fixture->blue,
                                 fixture->claire);
  g_autofree char *b = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-04T00:00",
                                 "2026-03-04T01:00", fixture->lyon, fixture->blue,
                                 fixture->claire);
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(GPtrArray) first_day = NULL;
  g_autoptr(GPtrArray) second_day = NULL;
  g_autoptr(GPtrArray) neither = NULL;
  g_autoptr(GPtrArray) everything = NULL;
  g_autoptr(GPtrArray) by_slot = NULL;

  /* B moved next to A: same hours, another day */
  update (fixture, "slot", b, "end_at", "2026-03-04T11:00");
  update (fixture, "slot", b, "start_at", "2026-03-04T10:00");
  both = in_range (fixture, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (both->len, ==, 0);

  /* Now 10:00–11:00 the same day: one trainer overlap, one room overlap */
  update (fixture, "slot", b, "start_at", "2026-03-03T10:00");
  update (fixture, "slot", b, "end_at", "2026-03-03T11:00");
  g_clear_pointer (&both, g_ptr_array_unref);
  both = in_range (fixture, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (both->len, ==, 2);
  g_assert_cmpuint (count_kind (both, FD_CONFLICT_KIND_TRAINER_OVERLAP), ==, 1);
  g_assert_cmpuint (count_kind (both, FD_CONFLICT_KIND_ROOM_OVERLAP), ==, 1);
  /* From the earlier slot */
  g_assert_cmpstr (fd_conflict_get_slot_id (g_ptr_array_index (both, 0)), ==, a);
  g_assert_cmpstr (fd_conflict_get_other_slot_id (g_ptr_array_index (both, 0)), ==, b);

  everything = in_range (fixture, NULL, NULL);
  g_assert_cmpuint (everything->len, ==, 2);

  first_day = in_range (fixture, "2026-03-03", "2026-03-03");
  g_assert_cmpuint (first_day->len, ==, 2);

  /* A slot overlapping one before the range is reported from it */
  update (fixture, "slot", a, "start_at", "2026-03-02T22:00");
  second_day = in_range (fixture, "2026-03-03", "2026-03-03");
  g_assert_cmpuint (second_day->len, ==, 2);
  g_assert_cmpstr (fd_conflict_get_slot_id (g_ptr_array_index (second_day, 0)), ==, b);
  g_assert_cmpstr (fd_conflict_get_other_slot_id (g_ptr_array_index (second_day, 0)), ==, a);

  neither = in_range (fixture, "2026-03-04", "2026-03-31");
  g_assert_cmpuint (neither->len, ==, 0);

  /* fd_conflicts_for_slot() sees the pair from each side */
  by_slot = for_slot (fixture, b);
  g_assert_cmpuint (by_slot->len, ==, 2);
  g_assert_nonnull (find_kind (by_slot, FD_CONFLICT_KIND_ROOM_OVERLAP));
}

/* A conflict of two slots as a string both sides agree on */
static char *
pair_key (FdConflict *conflict,
          gboolean    reverse)
{
  const char *slot = fd_conflict_get_slot_id (conflict);
  const char *other = fd_conflict_get_other_slot_id (conflict);
  const char *who = fd_conflict_get_trainer_id (conflict);

  if (who == NULL)
    who = fd_conflict_get_room_id (conflict);
  if (who == NULL)
    who = "";

  return g_strdup_printf ("%s %s %s %s %s", fd_conflict_kind_to_string (fd_conflict_get_kind (conflict)),
                          reverse ? other : slot, other != NULL ? (reverse ? slot : other) : "-",
                          who, fd_conflict_get_unavailability_id (conflict) != NULL
                               ? fd_conflict_get_unavailability_id (conflict) : "-");
}

/* Random slots over three weeks, two zones, few rooms and trainers: what
 * fd_conflicts_for_slot() finds for each slot is what the range finds. */
static void
test_range_agrees_with_slots (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) from_range = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) from_slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) range = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const char *places[] = { fixture->lyon, fixture->marseille, fixture->reunion, NULL };
  const char *trainers[] = { fixture->claire, fixture->paul, NULL };
  const char *rooms[] = { fixture->blue, fixture->green, NULL };
  GHashTableIter iter;
  gpointer key;
  guint n_pairs = 0;

  static const char * const leaves[][2] = {
    { "2026-03-04T08:00", "2026-03-04T11:00" },
    { "2026-03-10T14:00", "2026-03-11T10:00" },
    { "2026-03-16T00:00", "2026-03-17T00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    g_free (core_create (fixture->core.db, "unavailability", "trainer_id", trainers[i % 2],
                         "start_at", leaves[i][0], "end_at", leaves[i][1], NULL));

  /* Three trainees for the first session: too many for the green room,
   * counted once for all its slots */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *trainee = core_create (fixture->core.db, "trainee", "first_name", "Inès",
                                              "last_name", "Moreau", NULL);

      g_free (core_create (fixture->core.db, "enrollment", "session_id", fixture->s1,
                           "trainee_id", trainee, NULL));
    }

  for (guint i = 0; i < 80; i++)
    {
      int day = g_rand_int_range (rand, 2, 23);
      int start = g_rand_int_range (rand, 7 * 4, 18 * 4) * 15;
      int length = g_rand_int_range (rand, 2, 16) * 15;
      int end = start + length;
      g_autofree char *start_at = g_strdup_printf ("2026-03-%02dT%02d:%02d", day, start / 60,
                                                   start % 60);
      g_autofree char *end_at = g_strdup_printf ("2026-03-%02dT%02d:%02d", day + end / (24 * 60),
                                                 end % (24 * 60) / 60, end % 60);
      guint place = g_rand_int_range (rand, 0, 4);
      guint room = g_rand_int_range (rand, 0, 3);
      gboolean second_session = g_rand_boolean (rand);
      char *slot;

      slot = add_slot (fixture, second_session ? fixture->s2 : fixture->s1,
                       second_session ? fixture->q2 : fixture->q1, start_at, end_at,
                       places[place], place == 0 ? rooms[room] : NULL,
                       trainers[g_rand_int_range (rand, 0, 3)]);
      if (g_rand_int_range (rand, 0, 5) == 0)
        g_free (core_create (fixture->core.db, "slot_staff", "slot_id", slot,
                             "trainer_id", fixture->paul, "role", "co_trainer", NULL));
      g_ptr_array_add (slots, slot);
    }

  range = in_range (fixture, "2026-03-01", "2026-03-31");
  for (guint i = 0; i < range->len; i++)
    {
      FdConflict *conflict = g_ptr_array_index (range, i);

      g_autofree char *reverse = pair_key (conflict, TRUE);

      /* Each pair once: not also the other way round */
      g_assert_false (g_hash_table_contains (from_range, reverse));
      g_assert_true (g_hash_table_add (from_range, pair_key (conflict, FALSE)));
      if (fd_conflict_get_other_slot_id (conflict) != NULL)
        {
          g_hash_table_add (from_range, g_steal_pointer (&reverse));
          n_pairs++;
        }
    }
  /* The data has conflicts of each kind between slots */
  g_assert_cmpuint (count_kind (range, FD_CONFLICT_KIND_TRAINER_OVERLAP), >, 0);
  g_assert_cmpuint (count_kind (range, FD_CONFLICT_KIND_ROOM_OVERLAP), >, 0);
  g_assert_cmpuint (count_kind (range, FD_CONFLICT_KIND_TRAINER_TWO_PLACES), >, 0);
  g_assert_cmpuint (count_kind (range, FD_CONFLICT_KIND_TRAINER_UNAVAILABLE), >, 0);
  g_assert_cmpuint (count_kind (range, FD_CONFLICT_KIND_ROOM_CAPACITY), >, 0);

  for (guint i = 0; i < slots->len; i++)
    {
      g_autoptr(GPtrArray) conflicts = for_slot (fixture, g_ptr_array_index (slots, i));

      for (guint j = 0; j < conflicts->len; j++)
        {
          FdConflict *conflict = g_ptr_array_index (conflicts, j);

          g_assert_true (g_hash_table_add (from_slots, pair_key (conflict, FALSE)));

          /* a slot's own conflicts read the same (the room, its seats, the
           * headcount, the trainer, the times) */
          if (fd_conflict_get_other_slot_id (conflict) == NULL)
            {
              g_autofree char *own_key = pair_key (conflict, FALSE);
              gboolean found = FALSE;

              for (guint k = 0; k < range->len && !found; k++)
                {
                  FdConflict *other = g_ptr_array_index (range, k);
                  g_autofree char *other_key = pair_key (other, FALSE);

                  if (g_str_equal (own_key, other_key))
                    {
                      g_assert_cmpstr (fd_conflict_get_message (other), ==,
                                       fd_conflict_get_message (conflict));
                      g_assert_cmpstr (fd_conflict_get_start_at (other), ==,
                                       fd_conflict_get_start_at (conflict));
                      found = TRUE;
                    }
                }
              g_assert_true (found);
            }
        }
    }

  g_assert_cmpuint (g_hash_table_size (from_slots), ==, g_hash_table_size (from_range));
  g_hash_table_iter_init (&iter, from_slots);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (from_range, key))
        g_error ("found for the slot, not in the range: %s", (const char *) key);
    }
  g_test_message ("%u conflicts, %u between two slots", range->len, n_pairs);
}


static void
apply_move (Fixture    *fixture,
            FdSlotMove *move)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = fd_slot_move_build_changes (move, &error);
  g_assert_no_error (error);
  g_assert_true (fd_database_apply_all (fixture->core.db, changes, &error));
  g_assert_no_error (error);
}

/* A calendar drag: times, another trainer's lane, another room; checked
 * by the one conflict API as it goes, applied as one edit at the drop */
static void
test_move (Fixture       *fixture,
           gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autofree char *a = add_slot (fixture, fixture->s1, fixture->q1, "2026-03-03T09:00",
                                 "2026-03-03T12:00", fixture->lyon, fixture->blue, fixture->claire);
  g_autofree char *b = add_slot (fixture, fixture->s2, fixture->q2, "2026-03-03T14:00",
                                 "2026-03-03T17:00", fixture->lyon, NULL, fixture->paul);
  g_autoptr(FdSlotMove) move = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *question = NULL;
  g_autofree char *staff_trainer = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean refused = TRUE;

  move = fd_slot_move_new (db, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_slot_move_get_session_id (move), ==, fixture->s1);
  g_assert_true (fd_slot_move_changes_nothing (move));
  g_assert_null (fd_slot_move_check (move, NULL, NULL));

  /* an hour later: free, nothing to ask on a Tuesday morning */
  g_assert_true (fd_slot_move_set_target (move, "2026-03-03T10:00", "2026-03-03T13:00",
                                          FD_SLOT_LANE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fd_slot_move_changes_dates (move));
  g_assert_null (fd_slot_move_check (move, NULL, &refused));
  g_assert_false (refused);
  g_assert_null (fd_slot_move_dup_question (move));
  changes = fd_slot_move_build_changes (move, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* onto Paul's lane in the afternoon: Paul is booked, which the drag
   * shows, but the drop is allowed */
  g_assert_true (fd_slot_move_set_target (move, "2026-03-03T15:00", "2026-03-03T16:00",
                                          FD_SLOT_LANE_TRAINER, fixture->claire, fixture->paul,
                                          &error));
  g_assert_no_error (error);
  message = fd_slot_move_check (move, NULL, &refused);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Paul Durand"));
  g_assert_false (refused);
  apply_move (fixture, move);
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM slot WHERE id = ?1"
                                       " AND start_at = '2026-03-03T15:00'", a), ==, 1);
  staff_trainer = core_query_text (db, "SELECT trainer_id FROM slot_staff WHERE slot_id = ?1"
                                       " AND deleted = 0", a);
  g_assert_cmpstr (staff_trainer, ==, fixture->paul);
  {
    g_autoptr(GPtrArray) conflicts = fd_conflicts_for_slot (db, a, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (conflicts->len, >, 0);
  }
  g_clear_pointer (&move, fd_slot_move_free);

  /* a move read before someone else's edit of the same field is refused
   * naming it */
  move = fd_slot_move_new (db, b, &error);
  g_assert_no_error (error);
  update (fixture, "slot", b, "start_at", "2026-03-03T13:00");
  g_assert_true (fd_slot_move_set_target (move, "2026-03-03T14:30", "2026-03-03T17:00",
                                          FD_SLOT_LANE_NONE, NULL, NULL, &error));
  changes = fd_slot_move_build_changes (move, &error);
  g_assert_false (fd_database_apply_all (db, changes, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_CONFLICT);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "start_at");
  g_clear_error (&error);
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_clear_pointer (&move, fd_slot_move_free);

  /* another room: the room and its place */
  move = fd_slot_move_new (db, b, &error);
  g_assert_no_error (error);
  g_assert_true (fd_slot_move_set_target (move, "2026-03-03T13:00", "2026-03-03T17:00",
                                          FD_SLOT_LANE_ROOM, NULL, fixture->creole, &error));
  g_assert_no_error (error);
  g_assert_false (fd_slot_move_changes_nothing (move));
  apply_move (fixture, move);
  {
    g_autofree char *where = core_query_text (db, "SELECT room_id || '/' || place_id FROM slot"
                                                  " WHERE id = ?1", b);
    g_autofree char *expected = g_strconcat (fixture->creole, "/", fixture->reunion, NULL);

    g_assert_cmpstr (where, ==, expected);
  }
  g_clear_pointer (&move, fd_slot_move_free);

  /* questions: a Sunday, an early start */
  move = fd_slot_move_new (db, b, &error);
  g_assert_no_error (error);
  g_assert_true (fd_slot_move_set_target (move, "2026-03-08T09:00", "2026-03-08T12:00",
                                          FD_SLOT_LANE_NONE, NULL, NULL, &error));
  question = fd_slot_move_dup_question (move);
  g_assert_nonnull (strstr (question, "Sunday"));
  g_clear_pointer (&question, g_free);
  g_assert_true (fd_slot_move_set_target (move, "2026-03-09T06:00", "2026-03-09T08:00",
                                          FD_SLOT_LANE_NONE, NULL, NULL, &error));
  question = fd_slot_move_dup_question (move);
  g_assert_nonnull (strstr (question, "working hours"));
  g_clear_pointer (&question, g_free);

  /* Whit Monday 2026 is a public holiday */
  g_assert_true (fd_slot_move_set_target (move, "2026-05-25T09:00", "2026-05-25T12:00",
                                          FD_SLOT_LANE_NONE, NULL, NULL, &error));
  question = fd_slot_move_dup_question (move);
  g_assert_nonnull (strstr (question, "public holiday"));
  g_clear_pointer (&question, g_free);

  /* bad targets, named at their field */
  g_assert_false (fd_slot_move_set_target (move, "2026-03-09T10:00", "2026-03-09T09:00",
                                           FD_SLOT_LANE_NONE, NULL, NULL, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "end_at");
  g_clear_error (&error);
  g_assert_false (fd_slot_move_set_target (move, "2026-03-09T09:00", "2026-03-09T10:00",
                                           FD_SLOT_LANE_TRAINER, fixture->claire, fixture->paul,
                                           &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainer_id");
  g_clear_error (&error);
  g_assert_false (fd_slot_move_set_target (move, "2026-03-09T09:00", "2026-03-09T10:00",
                                           FD_SLOT_LANE_ROOM, NULL, "no-such-room", &error));
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "room_id");
  g_clear_error (&error);
  g_clear_pointer (&move, fd_slot_move_free);

  /* a deleted slot cannot be taken */
  core_delete (db, "slot", b);
  g_assert_null (fd_slot_move_new (db, b, &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
}

/* Once a trainee is enrolled, a planner's drag of the dates is refused
 * with the reason; changing only the trainer is not a date change */
static void
test_move_locked (Fixture       *fixture,
                  gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autofree char *a = add_slot (fixture, fixture->s1, fixture->q1, "2026-03-03T09:00",
                                 "2026-03-03T12:00", fixture->lyon, fixture->blue, fixture->claire);
  g_autofree char *trainee = core_create (db, "trainee", "first_name", "Léa", "last_name", "Petit",
                                          NULL);
  g_autofree char *enrollment = core_create (db, "enrollment", "session_id", fixture->s1,
                                             "trainee_id", trainee, NULL);
  g_autoptr(FdUser) planner = fd_user_new ("p", NULL, "P", FD_ROLE_PLANNER, NULL, NULL, TRUE);
  g_autoptr(FdUser) manager = fd_user_new ("m", NULL, "M", FD_ROLE_OPERATIONS_MANAGER, NULL, NULL,
                                           TRUE);
  g_autoptr(FdSlotMove) move = fd_slot_move_new (db, a, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *none = NULL;
  gboolean refused = FALSE;

  g_assert_true (fd_slot_move_set_target (move, "2026-03-04T09:00", "2026-03-04T12:00",
                                          FD_SLOT_LANE_NONE, NULL, NULL, &error));
  reason = fd_slot_move_check (move, planner, &refused);
  g_assert_true (refused);
  g_assert_nonnull (reason);
  none = fd_slot_move_check (move, manager, &refused);
  g_assert_false (refused);
  g_assert_null (none);

  g_assert_true (fd_slot_move_set_target (move, "2026-03-03T09:00", "2026-03-03T12:00",
                                          FD_SLOT_LANE_TRAINER, fixture->claire, fixture->paul,
                                          &error));
  g_clear_pointer (&none, g_free);
  none = fd_slot_move_check (move, planner, &refused);
  g_assert_false (refused);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/conflicts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/conflicts/kinds", test_kinds);
  ADD ("trainer-overlap", test_trainer_overlap);
  ADD ("room-overlap", test_room_overlap);
  ADD ("trainer-unavailable", test_trainer_unavailable);
  ADD ("room-capacity", test_room_capacity);
  ADD ("outside-year", test_outside_year);
  ADD ("spans-new-year", test_spans_new_year);
  ADD ("two-places", test_two_places);
  ADD ("time-zones", test_time_zones);
  ADD ("deleted-ignored", test_deleted_ignored);
  ADD ("proposal/excludes-own-slot", test_excludes_own_slot);
  ADD ("proposal/bad", test_bad_proposals);
  ADD ("keep", test_keep);
  ADD ("in-range/pairs-once", test_in_range_pairs_once);
  ADD ("in-range/agrees-with-slots", test_range_agrees_with_slots);
  ADD ("move", test_move);
  ADD ("move/locked", test_move_locked);

#undef ADD

  return g_test_run ();
}
