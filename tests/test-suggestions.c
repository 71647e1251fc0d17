/* test-suggestions.c — ways out of a conflict: who and which room is free,
 * and taking one through the write path
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-core-common.h"
#include "fd-conflicts.h"
#include "fd-suggestion.h"

/* Lyon has rooms of 2, 2, 4, 10 and 14 seats, Marseille one of 20. The
 * session s1 is of the training "Excel initiation", with 3 trainees; its
 * slot on Tuesday 3 March 2026 9:00–12:00 at Lyon, in the Salle Bleue, is
 * staffed by Claire, who is also teaching s2 at 10:00 (a conflict).
 * Around it, trainers each with a reason to be suggested or not. */
typedef struct
{
  CoreFixture core;
  char *lyon;
  char *marseille;
  char *bleue;   /* 10, booked at 9:30 by s3 */
  char *verte;   /* 2 */
  char *cagibi;  /* 2 */
  char *jaune;   /* 4 */
  char *rouge;   /* 14 */
  char *grande;  /* Marseille, 20 */
  char *claire;  /* Excel, Word ; Management: on the slot, booked */
  char *paul;    /* Excel, PowerPoint: free */
  char *alice;   /* Excel: booked at that time */
  char *bruno;   /* Excel: unavailable */
  char *denise;  /* Anglais: free, not skilled */
  char *eric;    /* no skills, taught Excel initiation at Lyon */
  char *fanny;   /* Management: free, but the title asks for Excel */
  char *gilles;  /* excel: teaching at Marseille that afternoon */
  char *excel;   /* training */
  char *s1;
  char *q1;
  char *s2;
  char *q2;
  char *s3;
  char *q3;
  char *slot;    /* s1's slot */
} Fixture;

static char *
add_trainer (Fixture    *fixture,
             const char *first_name,
             const char *last_name,
             const char *skills)
{
  return core_create (fixture->core.db, "trainer", "first_name", first_name, "last_name",
                      last_name, "skills", skills, NULL);
}

static char *
add_room (Fixture    *fixture,
          const char *place,
          const char *name,
          const char *capacity)
{
  return core_create (fixture->core.db, "room", "place_id", place, "name", name,
                      "#capacity", capacity, NULL);
}

static char *
add_session (Fixture    *fixture,
             const char *training,
             const char *label,
             char      **sequence)
{
  FdDatabase *db = fixture->core.db;
  char *session = core_create (db, "session", "#year", "2026", "label", label,
                               "training_id", training, NULL);

  *sequence = core_create (db, "sequence", "session_id", session, "label", "Jour 1", NULL);

  return session;
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  FdDatabase *db;
  g_autofree char *old = NULL;
  g_autofree char *old_sequence = NULL;

  core_fixture_set_up (&fixture->core, user_data);
  db = fixture->core.db;

  fixture->lyon = core_create (db, "place", "name", "Lyon Part-Dieu", NULL);
  fixture->marseille = core_create (db, "place", "name", "Marseille Joliette", NULL);
  fixture->bleue = add_room (fixture, fixture->lyon, "Salle Bleue", "10");
  fixture->verte = add_room (fixture, fixture->lyon, "Salle Verte", "2");
  fixture->cagibi = add_room (fixture, fixture->lyon, "Cagibi", "2");
  fixture->jaune = add_room (fixture, fixture->lyon, "Salle Jaune", "4");
  fixture->rouge = add_room (fixture, fixture->lyon, "Salle Rouge", "14");
  fixture->grande = add_room (fixture, fixture->marseille, "Grande salle", "20");

  fixture->claire = add_trainer (fixture, "Claire", "Martin", "Excel, Word ; Management");
  fixture->paul = add_trainer (fixture, "Paul", "Durand", "Excel, PowerPoint");
  fixture->alice = add_trainer (fixture, "Alice", "Bernard", "Excel");
  fixture->bruno = add_trainer (fixture, "Bruno", "Petit", "Excel");
  fixture->denise = add_trainer (fixture, "Denise", "Roux", "Anglais");
  fixture->eric = add_trainer (fixture, "Éric", "Moreau", NULL);
  fixture->fanny = add_trainer (fixture, "Fanny", "Leroy", "Management");
  fixture->gilles = add_trainer (fixture, "Gilles", "Faure", "EXCEL");

  fixture->excel = core_create (db, "training", "code", "EXC-1", "title", "Excel initiation",
                                NULL);
  fixture->s1 = add_session (fixture, fixture->excel, "Excel initiation — groupe A",
                             &fixture->q1);
  fixture->s2 = add_session (fixture, NULL, "Management d'équipe", &fixture->q2);
  fixture->s3 = add_session (fixture, NULL, "Anglais", &fixture->q3);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *trainee = core_create (db, "trainee", "first_name", "Inès",
                                              "last_name", "Moreau", NULL);

      g_free (core_create (db, "enrollment", "session_id", fixture->s1, "trainee_id", trainee,
                           NULL));
    }

  fixture->slot = add_slot (fixture, fixture->s1, fixture->q1, "2026-03-03T09:00",
                            "2026-03-03T12:00", fixture->lyon, fixture->bleue, fixture->claire);

  /* Claire's other slot, in another room */
  g_free (add_slot (fixture, fixture->s2, fixture->q2, "2026-03-03T10:00", "2026-03-03T11:00",
                    fixture->lyon, fixture->rouge, fixture->claire));
  /* Alice booked, and the Salle Bleue too, from 9:30: they conflict with
   * the slot; the Salle Rouge is free again by 12:00 */
  g_free (add_slot (fixture, fixture->s3, fixture->q3, "2026-03-03T09:30", "2026-03-03T10:30",
                    fixture->lyon, fixture->bleue, fixture->alice));
  g_free (core_create (db, "unavailability", "trainer_id", fixture->bruno,
                       "start_at", "2026-03-03T08:00", "end_at", "2026-03-03T18:00", NULL));
  g_free (add_slot (fixture, fixture->s3, fixture->q3, "2026-03-03T14:00", "2026-03-03T17:00",
                    fixture->marseille, fixture->grande, fixture->gilles));
  /* Éric taught the training at Lyon last year */
  old = add_session (fixture, fixture->excel, "Excel initiation — 2025", &old_sequence);
  g_free (add_slot (fixture, old, old_sequence, "2026-01-13T09:00", "2026-01-13T12:00",
                    fixture->lyon, fixture->jaune, fixture->eric));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  core_fixture_tear_down (&fixture->core, user_data);
  g_free (fixture->lyon);
  g_free (fixture->marseille);
  g_free (fixture->bleue);
  g_free (fixture->verte);
  g_free (fixture->cagibi);
  g_free (fixture->jaune);
  g_free (fixture->rouge);
  g_free (fixture->grande);
  g_free (fixture->claire);
  g_free (fixture->paul);
  g_free (fixture->alice);
  g_free (fixture->bruno);
  g_free (fixture->denise);
  g_free (fixture->eric);
  g_free (fixture->fanny);
  g_free (fixture->gilles);
  g_free (fixture->excel);
  g_free (fixture->s1);
  g_free (fixture->q1);
  g_free (fixture->s2);
  g_free (fixture->q2);
  g_free (fixture->s3);
  g_free (fixture->q3);
  g_free (fixture->slot);
}

static FdSlotProposal *
stored_proposal (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  FdSlotProposal *proposal = fd_slot_proposal_new_for_slot (fixture->core.db, fixture->slot,
                                                            &error);

  g_assert_no_error (error);
  g_assert_nonnull (proposal);

  return proposal;
}

static GPtrArray *
suggest (Fixture              *fixture,
         const FdSlotProposal *proposal,
         guint                 max)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *suggestions = fd_conflicts_suggest (fixture->core.db, proposal, max, &error);

  g_assert_no_error (error);
  g_assert_nonnull (suggestions);

  return suggestions;
}

/* "T:Paul Durand" and "R:Salle Rouge", comma-separated */
static char *
describe (GPtrArray *suggestions)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    {
      const FdSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s:%s",
                              fd_suggestion_get_kind (suggestion) == FD_SUGGESTION_KIND_TRAINER
                                ? "T" : "R",
                              fd_suggestion_get_name (suggestion));
    }

  return g_string_free (text, FALSE);
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

static GPtrArray *
conflicts_of_slot (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = fd_conflicts_for_slot (fixture->core.db, fixture->slot, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conflicts);

  return conflicts;
}

static void
move_to_room (Fixture    *fixture,
              const char *room)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(FdChange) change = fd_change_new_update ("slot", fixture->slot,
                                                     core_revision (db, "slot", fixture->slot));

  fd_change_set_string (change, "room_id", room);
  core_apply (db, change);
}

/* Only free trainers with the skill, who taught it first; the room has no
 * conflict of its own yet, so none is suggested */
static void
test_trainers (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *text = NULL;
  const FdSuggestion *first;
  const FdSuggestion *second;

  move_to_room (fixture, fixture->jaune);
  proposal = stored_proposal (fixture);
  suggestions = suggest (fixture, proposal, 10);
  text = describe (suggestions);

  /* Not Alice (booked), Bruno (unavailable), Gilles (at Marseille that
   * day), Denise (no Excel), Fanny (Management, but the training is
   * about Excel), Claire (already on the slot) */
  g_assert_cmpstr (text, ==, "T:Éric Moreau, T:Paul Durand");

  first = g_ptr_array_index (suggestions, 0);
  g_assert_cmpstr (fd_suggestion_get_id (first), ==, fixture->eric);
  g_assert_cmpstr (fd_suggestion_get_replaces_id (first), ==, fixture->claire);
  g_assert_cmpstr (fd_suggestion_get_slot_id (first), ==, fixture->slot);
  g_assert_cmpstr (fd_suggestion_get_reason (first), ==, "Free, has taught this training here");

  second = g_ptr_array_index (suggestions, 1);
  g_assert_cmpstr (fd_suggestion_get_id (second), ==, fixture->paul);
  g_assert_cmpstr (fd_suggestion_get_reason (second), ==, "Free, teaches Excel");
}

static void
test_max (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *text = NULL;

  move_to_room (fixture, fixture->jaune);
  proposal = stored_proposal (fixture);
  one = suggest (fixture, proposal, 1);
  text = describe (one);
  g_assert_cmpstr (text, ==, "T:Éric Moreau");

  none = suggest (fixture, proposal, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Booked and unavailable trainers are never suggested, however few the
 * others; once free they are */
static void
test_booked_never (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  move_to_room (fixture, fixture->jaune);
  proposal = stored_proposal (fixture);
  /* An hour later: Alice's slot (9:30–10:30) touches, no longer overlaps;
   * Bruno is still unavailable */
  fd_slot_proposal_set_times (proposal, "2026-03-03T10:30", "2026-03-03T12:00");

  before = suggest (fixture, proposal, 10);
  before_text = describe (before);
  g_assert_cmpstr (before_text, ==, "T:Éric Moreau, T:Alice Bernard, T:Paul Durand");
  g_assert_null (strstr (before_text, "Bruno"));

  /* 9:00 again: Alice overlaps once more */
  fd_slot_proposal_set_times (proposal, "2026-03-03T09:00", "2026-03-03T10:31");
  after = suggest (fixture, proposal, 10);
  after_text = describe (after);
  g_assert_null (strstr (after_text, "Alice"));
  g_assert_null (strstr (after_text, "Bruno"));
}

static void
test_rooms (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) rooms = g_ptr_array_new ();
  g_autofree char *text = NULL;
  const FdSuggestion *rouge;

  /* The slot in the Salle Verte (2 seats, 3 trainees), without Claire */
  move_to_room (fixture, fixture->verte);
  proposal = stored_proposal (fixture);
  g_ptr_array_set_size (proposal->trainer_ids, 0);
  g_free (core_create (fixture->core.db, "slot", "session_id", fixture->s3, "sequence_id",
                       fixture->q3, "start_at", "2026-03-03T08:00", "end_at", "2026-03-03T09:30",
                       "place_id", fixture->lyon, "room_id", fixture->jaune, NULL));

  suggestions = suggest (fixture, proposal, 10);
  text = describe (suggestions);

  /* Not the Salle Bleue (booked from 9:30), the Cagibi (2 seats), the
   * Salle Jaune (booked until 9:30), nor Marseille's; the Salle Rouge,
   * booked 10:00–11:00, neither. */
  g_assert_cmpstr (text, ==, "");

  /* Once the Salle Rouge's other slot moves to the afternoon, it is free */
  {
    FdDatabase *db = fixture->core.db;
    g_autofree char *other = core_query_text (db,
                                              "SELECT id FROM slot WHERE room_id = ?1",
                                              fixture->rouge);
    g_autoptr(FdChange) change = fd_change_new_update ("slot", other,
                                                       core_revision (db, "slot", other));
    g_autoptr(GPtrArray) later = NULL;
    g_autofree char *later_text = NULL;

    fd_change_set_string (change, "start_at", "2026-03-03T13:00");
    fd_change_set_string (change, "end_at", "2026-03-03T14:00");
    core_apply (db, change);

    later = suggest (fixture, proposal, 10);
    later_text = describe (later);
    g_assert_cmpstr (later_text, ==, "R:Salle Rouge");
    rouge = g_ptr_array_index (later, 0);
    g_assert_cmpstr (fd_suggestion_get_reason (rouge), ==, "Free, seats 14");
    g_assert_cmpstr (fd_suggestion_get_replaces_id (rouge), ==, fixture->verte);
    g_assert_cmpstr (fd_suggestion_get_id (rouge), ==, fixture->rouge);
  }

  /* At 12:00–13:00 all three are free: the rooms seating the target (8)
   * come first, the smallest first, then the one seating the 3 trainees */
  {
    g_autoptr(GPtrArray) noon = NULL;
    g_autofree char *noon_text = NULL;

    fd_slot_proposal_set_times (proposal, "2026-03-03T12:00", "2026-03-03T13:00");
    noon = suggest (fixture, proposal, 10);
    noon_text = describe (noon);
    g_assert_cmpstr (noon_text, ==, "R:Salle Bleue, R:Salle Rouge, R:Salle Jaune");
  }
}

/* Taking a suggestion, as the calendar does: the changes applied through
 * the one write path remove the conflict; their inverse brings it back */
static void
test_apply_trainer (Fixture       *fixture,
                    gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) inverse = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *staff = NULL;
  const FdSuggestion *paul = NULL;

  move_to_room (fixture, fixture->jaune);
  before = conflicts_of_slot (fixture);
  g_assert_cmpuint (count_kind (before, FD_CONFLICT_KIND_TRAINER_OVERLAP), ==, 1);

  proposal = stored_proposal (fixture);
  suggestions = suggest (fixture, proposal, 10);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const FdSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_assert_true (fd_suggestion_answers (suggestion, g_ptr_array_index (before, 0)));
      if (g_str_equal (fd_suggestion_get_id (suggestion), fixture->paul))
        paul = suggestion;
    }
  g_assert_nonnull (paul);

  changes = fd_suggestion_build_changes (db, paul, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (fd_change_get_entity (g_ptr_array_index (changes, 0)), ==, "slot_staff");
  g_assert_true (fd_database_apply_all_with_inverse (db, changes, &inverse, &error));
  g_assert_no_error (error);

  after = conflicts_of_slot (fixture);
  g_assert_cmpuint (after->len, ==, 0);
  staff = core_query_text (db, "SELECT group_concat (trainer_id) FROM slot_staff"
                               " WHERE slot_id = ?1 AND deleted = 0", fixture->slot);
  g_assert_cmpstr (staff, ==, fixture->paul);

  /* Undo */
  g_assert_true (fd_database_apply_all_with_inverse (db, inverse, NULL, &error));
  g_assert_no_error (error);
  undone = conflicts_of_slot (fixture);
  g_assert_cmpuint (count_kind (undone, FD_CONFLICT_KIND_TRAINER_OVERLAP), ==, 1);
}

static void
test_apply_room (Fixture       *fixture,
                 gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const FdSuggestion *room = NULL;

  /* 12:00–13:00 in the Salle Verte: too small; Claire is free then */
  move_to_room (fixture, fixture->verte);
  {
    g_autoptr(FdChange) change = fd_change_new_update ("slot", fixture->slot,
                                                       core_revision (db, "slot", fixture->slot));

    fd_change_set_string (change, "start_at", "2026-03-03T12:00");
    fd_change_set_string (change, "end_at", "2026-03-03T13:00");
    core_apply (db, change);
  }
  before = conflicts_of_slot (fixture);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_cmpuint (count_kind (before, FD_CONFLICT_KIND_ROOM_CAPACITY), ==, 1);

  proposal = stored_proposal (fixture);
  suggestions = suggest (fixture, proposal, 1);
  g_assert_cmpuint (suggestions->len, ==, 1);
  room = g_ptr_array_index (suggestions, 0);
  g_assert_cmpint (fd_suggestion_get_kind (room), ==, FD_SUGGESTION_KIND_ROOM);
  g_assert_true (fd_suggestion_answers (room, g_ptr_array_index (before, 0)));

  changes = fd_suggestion_build_changes (db, room, &error);
  g_assert_no_error (error);
  g_assert_true (fd_database_apply_all (db, changes, &error));
  g_assert_no_error (error);

  after = conflicts_of_slot (fixture);
  g_assert_cmpuint (after->len, ==, 0);
}

/* A slot not saved yet (a drag, an editor): the suggestion is taken in the
 * proposal, and cannot be written */
static void
test_apply_to_proposal (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(FdSlotProposal) proposal = fd_slot_proposal_new (fixture->s1);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;

  fd_slot_proposal_set_times (proposal, "2026-03-03T10:00", "2026-03-03T11:00");
  fd_slot_proposal_set_place_id (proposal, fixture->lyon);
  fd_slot_proposal_set_room_id (proposal, fixture->verte);
  fd_slot_proposal_add_trainer (proposal, fixture->alice);

  suggestions = suggest (fixture, proposal, 1);
  g_assert_cmpuint (suggestions->len, ==, 2);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const FdSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_assert_null (fd_suggestion_get_slot_id (suggestion));
      fd_suggestion_apply_to_proposal (suggestion, proposal);
    }

  changes = fd_suggestion_build_changes (fixture->core.db, g_ptr_array_index (suggestions, 0),
                                         &error);
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_null (changes);

  g_assert_cmpuint (proposal->trainer_ids->len, ==, 1);
  after = fd_conflicts_check_proposal (fixture->core.db, proposal, &check_error);
  g_assert_no_error (check_error);
  g_assert_cmpuint (after->len, ==, 0);
}

/* Nothing to solve: no suggestion. A kept conflict: none either. */
static void
test_none (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(FdSlotProposal) proposal = stored_proposal (fixture);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) free_slot = NULL;
  g_autoptr(GError) error = NULL;

  fd_slot_proposal_set_times (proposal, "2026-03-04T09:00", "2026-03-04T12:00");
  free_slot = suggest (fixture, proposal, 10);
  g_assert_cmpuint (free_slot->len, ==, 0);

  move_to_room (fixture, fixture->jaune);
  conflicts = conflicts_of_slot (fixture);
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_assert_true (fd_conflict_keep (fixture->core.db, g_ptr_array_index (conflicts, i),
                                       "Remplacement prévu", &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&proposal, fd_slot_proposal_free);
  proposal = stored_proposal (fixture);
  kept = suggest (fixture, proposal, 10);
  g_assert_cmpuint (kept->len, ==, 0);
}

/* The trainer to replace left the slot since: said so */
static void
test_stale (Fixture       *fixture,
            gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *staff = NULL;

  move_to_room (fixture, fixture->jaune);
  proposal = stored_proposal (fixture);
  suggestions = suggest (fixture, proposal, 1);
  g_assert_cmpuint (suggestions->len, ==, 1);

  staff = core_query_text (db, "SELECT id FROM slot_staff WHERE slot_id = ?1", fixture->slot);
  core_delete (db, "slot_staff", staff);

  changes = fd_suggestion_build_changes (db, g_ptr_array_index (suggestions, 0), &error);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (changes);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(FdSlotProposal) proposal = stored_proposal (fixture);
  g_autoptr(FdSlotProposal) orphan = fd_slot_proposal_new ("no-such-session");
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) orphan_suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) orphan_error = NULL;

  fd_slot_proposal_set_times (proposal, "2026-03-03T12:00", "2026-03-03T09:00");
  suggestions = fd_conflicts_suggest (fixture->core.db, proposal, 10, &error);
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_null (suggestions);

  fd_slot_proposal_set_times (orphan, "2026-03-03T09:00", "2026-03-03T12:00");
  orphan_suggestions = fd_conflicts_suggest (fixture->core.db, orphan, 10, &orphan_error);
  g_assert_error (orphan_error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (orphan_suggestions);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/suggestions/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("trainers", test_trainers);
  ADD ("max", test_max);
  ADD ("booked-never", test_booked_never);
  ADD ("rooms", test_rooms);
  ADD ("apply-trainer", test_apply_trainer);
  ADD ("apply-room", test_apply_room);
  ADD ("apply-to-proposal", test_apply_to_proposal);
  ADD ("none", test_none);
  ADD ("stale", test_stale);
  ADD ("bad-input", test_bad_input);

#undef ADD

  return g_test_run ();
}
