/* fd-session-page.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_SESSION_PAGE (fd_session_page_get_type ())

G_DECLARE_FINAL_TYPE (FdSessionPage, fd_session_page, FD, SESSION_PAGE, GtkWidget)

/**
 * FdSessionPageLeaveFunc:
 * @proceed: %TRUE when the page may be left (nothing unsaved, or the
 *   user saved or discarded), %FALSE when the user chose to stay
 * @user_data: the data given to fd_session_page_ask_to_leave()
 */
typedef void (*FdSessionPageLeaveFunc) (gboolean proceed,
                                        gpointer user_data);

GtkWidget     *fd_session_page_new             (FdDatabase             *database);
FdDatabase    *fd_session_page_get_database    (FdSessionPage          *self);
FdSession     *fd_session_page_get_session     (FdSessionPage          *self);
void           fd_session_page_set_session     (FdSessionPage          *self,
                                                FdSession              *session);
const char    *fd_session_page_get_session_id  (FdSessionPage          *self);
void           fd_session_page_set_session_id  (FdSessionPage          *self,
                                                const char             *session_id);
FdSessionPlan *fd_session_page_get_plan        (FdSessionPage          *self);
gboolean       fd_session_page_get_modified    (FdSessionPage          *self);
gboolean       fd_session_page_save            (FdSessionPage          *self);
void           fd_session_page_discard         (FdSessionPage          *self);
void           fd_session_page_ask_to_leave    (FdSessionPage          *self,
                                                FdSessionPageLeaveFunc  func,
                                                gpointer                user_data);
const char    *fd_session_page_get_visible_tab (FdSessionPage          *self);
void           fd_session_page_show_tab        (FdSessionPage          *self,
                                                const char             *name);
GtkWidget     *fd_session_page_add_cost        (FdSessionPage          *self,
                                                const char             *type);

G_END_DECLS
