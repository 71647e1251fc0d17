/* fd-session-details.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_SESSION_DETAILS (fd_session_details_get_type ())

G_DECLARE_FINAL_TYPE (FdSessionDetails, fd_session_details, FD, SESSION_DETAILS, GtkWidget)

GtkWidget *fd_session_details_new         (FdDatabase       *database);
FdSession *fd_session_details_get_session (FdSessionDetails *self);
void       fd_session_details_set_session (FdSessionDetails *self,
                                           FdSession        *session);

G_END_DECLS
