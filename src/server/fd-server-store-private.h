/* fd-server-store-private.h — what the store's files share
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The server is a storage back end of core: its own tables (srv_…) are
 * written on core's connection, inside core's transactions, so that a
 * pushed mutation, its version and its change index commit together.
 * That needs core's statement cache, hence its private header; nothing
 * else outside core includes it. */
#include "fd-database-private.h"

#include "fd-server-store.h"

G_BEGIN_DECLS

struct _FdServerStore
{
  GObject parent_instance;

  FdDatabase *database;
  gint64 access_lifetime;  /* microseconds */
  gint64 refresh_lifetime; /* microseconds */
};

sqlite3_stmt *_fd_server_store_prepare (FdServerStore  *self,
                                        const char     *sql,
                                        GError        **error);
gboolean      _fd_server_store_step    (FdServerStore  *self,
                                        sqlite3_stmt   *stmt,
                                        const char     *what,
                                        GError        **error);
void          _fd_server_bind_text     (sqlite3_stmt   *stmt,
                                        int             index,
                                        const char     *text);

gboolean      _fd_server_store_apply_versioned (FdServerStore  *self,
                                                FdChange       *change,
                                                gint64         *version,
                                                GError        **error);

G_END_DECLS
