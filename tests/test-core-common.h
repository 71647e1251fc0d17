/* test-core-common.h — a temporary database and queries for core tests
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>

#include "fd-core.h"
#include "fd-database-private.h"

/* A temporary folder, the path of a database in it and, once opened, that
 * database. A test's own fixture that holds more (ids of rows it made)
 * embeds this one as its first member and builds on its set-up. */
typedef struct
{
  char *dir;
  char *path;
  FdDatabase *db;
} CoreFixture;

/* The folder and the path, no file yet: for tests that create, open or
 * refuse the database themselves */
static inline void
core_fixture_set_up_dir (CoreFixture   *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("formadesk-core-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->db = NULL;
}

static inline void
core_fixture_set_up (CoreFixture   *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  core_fixture_set_up_dir (fixture, user_data);
  fixture->db = fd_database_open (fixture->path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

/* Removes @path and everything below it, which must all go */
static inline void
core_remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        core_remove_dir (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_dir_close (dir);
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static inline void
core_fixture_tear_down (CoreFixture   *fixture,
                        gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  core_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
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
  sqlite3_clear_bindings (stmt);

  return value;
}

/* The same as a number; -1 when there is no row or the value is NULL */
static inline gint64
core_query_int (FdDatabase *db,
                const char *sql,
                const char *id)
{
  g_autofree char *text = core_query_text (db, sql, id);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* The revision of a row, which must exist: the base of an edit made on it
 * now */
static inline gint64
core_revision (FdDatabase *db,
               const char *table,
               const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT revision FROM \"%s\" WHERE id = ?1", table);
  gint64 revision = core_query_int (db, sql, id);

  g_assert_cmpint (revision, >=, 0);

  return revision;
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

/* Applies @change, a create, which must succeed; returns the new row's id */
static inline char *
core_apply_create (FdDatabase *db,
                   FdChange   *change)
{
  core_apply (db, change);

  return g_strdup (fd_change_get_id (change));
}

/* Creates a row of @entity from field, value pairs ending with NULL: a
 * value is text (NULL for none), and a field written "#name" is an
 * integer written in decimal. Returns the new row's id. */
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
    {
      const char *value = va_arg (args, const char *);

      if (name[0] == '#')
        {
          gint64 number = 0;

          g_assert_true (g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number,
                                                   NULL));
          fd_change_set_int (change, name + 1, number);
        }
      else
        {
          fd_change_set_string (change, name, value);
        }
    }
  va_end (args);

  return core_apply_create (db, change);
}

/* Deletes a row, whatever its revision: the delete must succeed */
static inline void
core_delete (FdDatabase *db,
             const char *entity,
             const char *id)
{
  g_autoptr(FdChange) change = fd_change_new_delete (entity, id, 0);

  core_apply (db, change);
}
