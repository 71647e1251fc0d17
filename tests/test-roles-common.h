/* test-roles-common.h — a database with people and a session, for the
 * role and account tests (header only)
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fd-core.h"
#include "fd-database-private.h"

typedef struct
{
  char *dir;
  FdDatabase *db;
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
create_row (FdDatabase *db,
            FdChange   *change)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_database_apply (db, change, &error));
  g_assert_no_error (error);

  return g_strdup (fd_change_get_id (change));
}

static char *
create_place (FdDatabase *db,
              const char *name)
{
  g_autoptr(FdChange) change = fd_change_new_create ("place");

  fd_change_set_string (change, "name", name);

  return create_row (db, change);
}

static char *
create_trainer (FdDatabase *db,
                const char *first,
                const char *last)
{
  g_autoptr(FdChange) change = fd_change_new_create ("trainer");

  fd_change_set_string (change, "first_name", first);
  fd_change_set_string (change, "last_name", last);

  return create_row (db, change);
}

static char *
create_session (FdDatabase *db,
                const char *label)
{
  g_autoptr(FdChange) change = fd_change_new_create ("session");

  fd_change_set_string (change, "label", label);
  fd_change_set_int (change, "year", 2026);

  return create_row (db, change);
}

static char *
create_sequence (FdDatabase *db,
                 const char *session)
{
  g_autoptr(FdChange) change = fd_change_new_create ("sequence");

  fd_change_set_string (change, "session_id", session);
  fd_change_set_string (change, "label", "Jour 1");

  return create_row (db, change);
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
  g_autoptr(FdChange) staff = fd_change_new_create ("slot_staff");
  char *id = create_row (db, change);

  fd_change_set_string (staff, "slot_id", id);
  fd_change_set_string (staff, "trainer_id", trainer);
  g_free (create_row (db, staff));

  return id;
}

G_GNUC_UNUSED static char *
create_enrollment (FdDatabase *db,
                   const char *session,
                   const char *trainee,
                   const char *status)
{
  g_autoptr(FdChange) change = fd_change_new_create ("enrollment");

  fd_change_set_string (change, "session_id", session);
  fd_change_set_string (change, "trainee_id", trainee);
  fd_change_set_string (change, "status", status);

  return create_row (db, change);
}

static gint64
count_rows (FdDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = _fd_database_prepare (db, sql, NULL);
  gint64 count = -1;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

static char *
query_text (FdDatabase *db,
            const char *sql,
            const char *id)
{
  sqlite3_stmt *stmt = _fd_database_prepare (db, sql, NULL);
  char *value = NULL;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

/* The revision an editor would have seen: the base of an update */
G_GNUC_UNUSED static gint64
row_revision (FdDatabase *db,
              const char *entity,
              const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT revision FROM \"%s\" WHERE id = ?1", entity);
  g_autofree char *text = query_text (db, sql, id);

  g_assert_nonnull (text);

  return g_ascii_strtoll (text, NULL, 10);
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
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FdChange) trainee = fd_change_new_create ("trainee");

  fixture->dir = g_dir_make_tmp ("formadesk-roles-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->db = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  fixture->place = create_place (fixture->db, "Centre de Lyon");
  fixture->other_place = create_place (fixture->db, "Centre de Nantes");
  fixture->trainer = create_trainer (fixture->db, "Anne", "Martin");
  fixture->other_trainer = create_trainer (fixture->db, "Paul", "Durand");
  fd_change_set_string (trainee, "first_name", "Léa");
  fd_change_set_string (trainee, "last_name", "Petit");
  fixture->trainee = create_row (fixture->db, trainee);
  fixture->session = create_session (fixture->db, "Sauveteur secouriste du travail");
  fixture->sequence = create_sequence (fixture->db, fixture->session);
  fixture->slot = create_slot (fixture->db, fixture->session, fixture->sequence, fixture->place,
                               fixture->trainer);
  fixture->other_slot = create_slot (fixture->db, fixture->session, fixture->sequence,
                                     fixture->other_place, fixture->other_trainer);
}

static void
remove_test_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  remove_test_dir (fixture->dir);
  g_free (fixture->dir);
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

  fd_database_set_user (fixture->db, user);
}
