/* fd-server.h — formadesk-server's HTTP API over a store
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-server-store.h"

G_BEGIN_DECLS

/* Bodies of login and refresh requests */
#define FD_SERVER_MAX_SMALL_BODY FD_SYNC_MAX_SMALL_BYTES
#define FD_SERVER_DEFAULT_PULL_LIMIT 1000

#define FD_TYPE_SERVER (fd_server_get_type ())

G_DECLARE_FINAL_TYPE (FdServer, fd_server, FD, SERVER, GObject)

FdServer      *fd_server_new        (FdServerStore  *store);
FdServerStore *fd_server_get_store  (FdServer       *self);
gboolean       fd_server_listen     (FdServer       *self,
                                     const char     *address,
                                     GError        **error);
guint16        fd_server_get_port   (FdServer       *self);
void           fd_server_disconnect (FdServer       *self);

G_END_DECLS
