/* fd-sessions-view.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_SESSIONS_VIEW (fd_sessions_view_get_type ())

G_DECLARE_FINAL_TYPE (FdSessionsView, fd_sessions_view, FD, SESSIONS_VIEW, GtkWidget)

GtkWidget  *fd_sessions_view_new          (FdDatabase     *database);
FdDatabase *fd_sessions_view_get_database (FdSessionsView *self);
void        fd_sessions_view_set_database (FdSessionsView *self,
                                           FdDatabase     *database);
void        fd_sessions_view_reload       (FdSessionsView *self);
void        fd_sessions_view_focus_search (FdSessionsView *self);
void        fd_sessions_view_show_session (FdSessionsView *self,
                                           const char     *code);

G_END_DECLS
