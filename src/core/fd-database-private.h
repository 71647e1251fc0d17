/* fd-database-private.h — for the rest of src/core only
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "fd-database.h"
#include "fd-entity-private.h"

G_BEGIN_DECLS

sqlite3      *_fd_database_get_handle (FdDatabase *self);

/* Returns a cached prepared statement for @sql (the cache keeps a copy of
 * the text as its key), reset and with its bindings cleared; owned by
 * @self: do not finalize it, reset it when done. */
sqlite3_stmt *_fd_database_prepare    (FdDatabase  *self,
                                       const char  *sql,
                                       GError     **error);

/* Runs one statement without results through the statement cache */
gboolean      _fd_database_run        (FdDatabase  *self,
                                       const char  *sql,
                                       GError     **error);

/* Sets @error from the connection's last SQLite error, with @what as
 * context for the log. The message is ours, for users: it names the file
 * when it is damaged, and the table or column when one is missing. */
void          _fd_database_set_error  (FdDatabase  *self,
                                       GError     **error,
                                       const char  *what);

gboolean      _fd_database_row_matches (FdDatabase     *self,
                                        const FdChange *change,
                                        const FdChange *expected,
                                        gint64         *revision);

/* For the pull path (fd-sync-state.c), shared with the write path */
const FdEntity *_fd_database_lookup_entity (FdDatabase  *self,
                                            const char  *name,
                                            GError     **error);
void          _fd_database_bind_field  (sqlite3_stmt        *stmt,
                                        int                  index,
                                        const FdChangeField *field);
gint64        _fd_database_log_row     (FdDatabase    *self,
                                        const char    *entity,
                                        const char    *id,
                                        FdChangeKind   kind,
                                        const char    *fields,
                                        GError       **error);
gboolean      _fd_database_update_session_dates (FdDatabase  *self,
                                                 const char  *session_id,
                                                 GError     **error);

/* For migration tests: create or migrate @path only up to @version. */
FdDatabase   *_fd_database_open_at_version (const char  *path,
                                            int          version,
                                            GError     **error);

G_END_DECLS
