/* test-core-common.h — a temporary database and queries for core tests
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fd-core.h"
#include "fd-database-private.h"

typedef struct
{
  char *dir;
  char *path;
  FdDatabase *db;
} CoreFixture;

static inline void
core_fixture_set_up (CoreFixture   *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("formadesk-core-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->db = fd_database_open (fixture->path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static inline void
core_fixture_tear_down (CoreFixture   *fixture,
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
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The first column of the first row of @sql, where ?1 is @id (may be NULL) */
static inline char *
core_query_text (FdDatabase *db,
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

static inline gint64
core_query_int (FdDatabase *db,
                const char *sql,
                const char *id)
{
  g_autofree char *text = core_query_text (db, sql, id);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* The revision of a row, the base of an edit made on it now */
static inline gint64
core_revision (FdDatabase *db,
               const char *table,
               const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT revision FROM \"%s\" WHERE id = ?1", table);

  return core_query_int (db, sql, id);
}

/* Applies @change, which must succeed */
static inline void
core_apply (FdDatabase *db,
            FdChange   *change)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_database_apply (db, change, &error));
  g_assert_no_error (error);
}

/* Creates a row of @entity with text fields given as name, value pairs,
 * NULL-terminated; returns its id */
static inline char *
core_create (FdDatabase *db,
             const char *entity,
             ...)
{
  g_autoptr(FdChange) change = fd_change_new_create (entity);
  const char *name;
  va_list args;

  va_start (args, entity);
  while ((name = va_arg (args, const char *)) != NULL)
    fd_change_set_string (change, name, va_arg (args, const char *));
  va_end (args);

  core_apply (db, change);

  return g_strdup (fd_change_get_id (change));
}
