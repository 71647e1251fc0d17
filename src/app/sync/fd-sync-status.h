/* fd-sync-status.h — the header bar's word on sync
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-sync-engine.h"

G_BEGIN_DECLS

#define FD_TYPE_SYNC_STATUS (fd_sync_status_get_type ())

G_DECLARE_FINAL_TYPE (FdSyncStatus, fd_sync_status, FD, SYNC_STATUS, GtkWidget)

FdSyncEngine *fd_sync_status_get_engine (FdSyncStatus *self);
void          fd_sync_status_set_engine (FdSyncStatus *self,
                                         FdSyncEngine *engine);
const char   *fd_sync_status_get_text   (FdSyncStatus *self);

G_END_DECLS
