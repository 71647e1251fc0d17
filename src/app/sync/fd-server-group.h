/* fd-server-group.h — sign in to the sync server, in the preferences
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-sync-engine.h"

G_BEGIN_DECLS

#define FD_TYPE_SERVER_GROUP (fd_server_group_get_type ())

G_DECLARE_FINAL_TYPE (FdServerGroup, fd_server_group, FD, SERVER_GROUP, AdwPreferencesGroup)

GtkWidget    *fd_server_group_new        (FdSyncEngine  *engine);
FdSyncEngine *fd_server_group_get_engine (FdServerGroup *self);
gboolean      fd_server_group_get_busy   (FdServerGroup *self);

G_END_DECLS
