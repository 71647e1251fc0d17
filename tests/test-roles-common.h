/* test-roles-common.h — a database with people and a session, for the
 * role and account tests (header only)
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "config.h"

#include "test-core-common.h"

typedef struct
{
  CoreFixture core;
  /* Rows made by the local administrator */
  char *place;        /* where slot is */
  char *other_place;
  char *trainer;      /* staffed on slot */
  char *other_trainer;
  char *trainee;
  char *session;
  char *sequence;
  char *slot;
  char *other_slot;   /* same session, at other_place, staffed by other_trainer */
} Fixture;

static char *
create_session (FdDatabase *db,
                const char *label)
{
  return core_create (db, "session", "label", label, "#year", "2026", NULL);
}

static char *
create_sequence (FdDatabase *db,
                 const char *session)
{
  return core_create (db, "sequence", "session_id", session, "label", "Jour 1", NULL);
}

static FdChange *
new_slot (const char *session,
          const char *sequence,
          const char *place,
          const char *start,
          const char *end)
{
  FdChange *change = fd_change_new_create ("slot");

  fd_change_set_string (change, "session_id", session);
  fd_change_set_string (change, "sequence_id", sequence);
  fd_change_set_string (change, "start_at", start);
  fd_change_set_string (change, "end_at", end);
  if (place != NULL)
    fd_change_set_string (change, "place_id", place);

  return change;
}

static char *
create_slot (FdDatabase *db,
             const char *session,
             const char *sequence,
             const char *place,
             const char *trainer)
{
  g_autoptr(FdChange) change = new_slot (session, sequence, place,
                                         "2026-03-03T09:00", "2026-03-03T12:30");
  char *id = core_apply_create (db, change);

  g_free (core_create (db, "slot_staff", "slot_id", id, "trainer_id", trainer, NULL));

  return id;
}

G_GNUC_UNUSED static char *
create_enrollment (FdDatabase *db,
                   const char *session,
                   const char *trainee,
                   const char *status)
{
  return core_create (db, "enrollment", "session_id", session, "trainee_id", trainee,
                      "status", status, NULL);
}

/* Every table's row count and the outbox, as one string to compare */
static char *
snapshot_counts (FdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = fd_database_count_tables (db, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      FdTableCount *count = g_ptr_array_index (counts, i);

      g_string_append_printf (out, "%s=%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " ",
                              count->name, count->rows, count->live);
    }
  g_string_append_printf (out, "outbox=%" G_GINT64_FORMAT, fd_database_count_outbox (db));

  return g_string_free (out, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  FdDatabase *db;

  core_fixture_set_up (&fixture->core, user_data);
  db = fixture->core.db;
  fixture->place = core_create (db, "place", "name", "Centre de Lyon", NULL);
  fixture->other_place = core_create (db, "place", "name", "Centre de Nantes", NULL);
  fixture->trainer = core_create (db, "trainer", "first_name", "Anne", "last_name", "Martin",
                                  NULL);
  fixture->other_trainer = core_create (db, "trainer", "first_name", "Paul", "last_name", "Durand",
                                        NULL);
  fixture->trainee = core_create (db, "trainee", "first_name", "Léa", "last_name", "Petit", NULL);
  fixture->session = create_session (db, "Sauveteur secouriste du travail");
  fixture->sequence = create_sequence (db, fixture->session);
  fixture->slot = create_slot (db, fixture->session, fixture->sequence, fixture->place,
                               fixture->trainer);
  fixture->other_slot = create_slot (db, fixture->session, fixture->sequence,
                                     fixture->other_place, fixture->other_trainer);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  core_fixture_tear_down (&fixture->core, user_data);
  g_free (fixture->place);
  g_free (fixture->other_place);
  g_free (fixture->trainer);
  g_free (fixture->other_trainer);
  g_free (fixture->trainee);
  g_free (fixture->session);
  g_free (fixture->sequence);
  g_free (fixture->slot);
  g_free (fixture->other_slot);
}

/* Works as a user of @role, without an account row (the rules read the
 * user, not the table) */
G_GNUC_UNUSED static void
become (Fixture    *fixture,
        FdRole      role,
        const char *trainer_id,
        const char *place_id)
{
  g_autoptr(FdUser) user = fd_user_new ("00000000-0000-4000-8000-000000000001",
                                        "someone@exemple.fr", "Quelqu’un", role,
                                        trainer_id, place_id, TRUE);

  fd_database_set_user (fixture->core.db, user);
}
