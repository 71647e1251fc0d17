/* fd-sync-indicator.h — the header bar's word on sync
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-sync-engine.h"

G_BEGIN_DECLS

#define FD_TYPE_SYNC_INDICATOR (fd_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (FdSyncIndicator, fd_sync_indicator, FD, SYNC_INDICATOR, GtkWidget)

FdSyncEngine *fd_sync_indicator_get_engine (FdSyncIndicator *self);
void          fd_sync_indicator_set_engine (FdSyncIndicator *self,
                                         FdSyncEngine *engine);
const char   *fd_sync_indicator_get_text   (FdSyncIndicator *self);

G_END_DECLS
