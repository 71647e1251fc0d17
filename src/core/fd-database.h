/* fd-database.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-change.h"
#include "fd-row-changes.h"
#include "fd-user.h"

G_BEGIN_DECLS

#define FD_DATABASE_ERROR (fd_database_error_quark ())

typedef enum
{
  FD_DATABASE_ERROR_NOT_A_DATABASE,
  FD_DATABASE_ERROR_TOO_NEW,
  FD_DATABASE_ERROR_READ_ONLY,
  FD_DATABASE_ERROR_NOT_FOUND,
  FD_DATABASE_ERROR_CONSTRAINT,
  FD_DATABASE_ERROR_FAILED,
} FdDatabaseError;

typedef enum
{
  FD_DATABASE_OPEN_DEFAULT = 0,
  /* Create the file (and its folder) when it does not exist yet. */
  FD_DATABASE_OPEN_CREATE = 1 << 0,
  /* Only read: nothing is ever written to the file, not even its schema
   * (for `stats`, `verify`, `list`…); the database must be up to date. */
  FD_DATABASE_OPEN_READ_ONLY = 1 << 1,
} FdDatabaseOpenFlags;

/**
 * FdTableCount:
 * @name: the table name
 * @rows: rows in it, tombstones included
 * @live: rows not marked deleted (equal to @rows for local-only tables)
 */
typedef struct
{
  char *name;
  gint64 rows;
  gint64 live;
} FdTableCount;

void fd_table_count_free (FdTableCount *count);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdTableCount, fd_table_count_free)

#define FD_TYPE_DATABASE (fd_database_get_type ())

G_DECLARE_FINAL_TYPE (FdDatabase, fd_database, FD, DATABASE, GObject)

GQuark       fd_database_error_quark        (void);

char        *fd_database_dup_default_path   (void);
FdDatabase  *fd_database_open               (const char           *path,
                                             FdDatabaseOpenFlags   flags,
                                             GError              **error);
const char  *fd_database_get_path           (FdDatabase           *self);
int          fd_database_get_schema_version (FdDatabase           *self);
const char  *fd_database_get_device_id      (FdDatabase           *self);
gboolean     fd_database_is_empty           (FdDatabase           *self);

FdUser      *fd_database_get_user           (FdDatabase           *self);
void         fd_database_set_user           (FdDatabase           *self,
                                             FdUser               *user);

gboolean     fd_database_begin              (FdDatabase           *self,
                                             GError              **error);
gboolean     fd_database_commit             (FdDatabase           *self,
                                             GError              **error);
void         fd_database_rollback           (FdDatabase           *self);

gboolean     fd_database_apply              (FdDatabase           *self,
                                             FdChange             *change,
                                             GError              **error);
gboolean     fd_database_apply_all          (FdDatabase           *self,
                                             GPtrArray            *changes,
                                             GError              **error);
gboolean     fd_database_apply_all_with_inverse (FdDatabase       *self,
                                             GPtrArray            *changes,
                                             GPtrArray           **inverse,
                                             GError              **error);

void         fd_database_check_changes      (FdDatabase           *self);
void         fd_database_watch_changes      (FdDatabase           *self,
                                             guint                 interval_ms);

gint64       fd_database_count_outbox       (FdDatabase           *self);
GPtrArray   *fd_database_count_tables       (FdDatabase           *self,
                                             GError              **error);
GPtrArray   *fd_database_verify             (FdDatabase           *self,
                                             GError              **error);

G_END_DECLS
