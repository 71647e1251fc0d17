/* fd-window.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"
#include "fd-sync-engine.h"

G_BEGIN_DECLS

#define FD_TYPE_WINDOW (fd_window_get_type ())

G_DECLARE_FINAL_TYPE (FdWindow, fd_window, FD, WINDOW, AdwApplicationWindow)

FdWindow   *fd_window_new              (GtkApplication *application,
                                        FdDatabase     *database);
FdDatabase *fd_window_get_database     (FdWindow       *self);
const char *fd_window_get_visible_view (FdWindow       *self);
GtkWidget  *fd_window_get_view         (FdWindow       *self,
                                        const char     *name);
gboolean    fd_window_is_view_built    (FdWindow       *self,
                                        const char     *name);
void        fd_window_reload           (FdWindow       *self);
FdHistory  *fd_window_get_history      (FdWindow       *self);
gboolean    fd_window_apply_edit       (FdWindow       *self,
                                        const char     *label,
                                        GPtrArray      *changes,
                                        GError        **error);
void        fd_window_add_toast        (FdWindow       *self,
                                        AdwToast       *toast);
void        fd_window_set_user         (FdWindow       *self,
                                        FdUser         *user);
FdSyncEngine *fd_window_get_sync_engine (FdWindow      *self);

G_END_DECLS
