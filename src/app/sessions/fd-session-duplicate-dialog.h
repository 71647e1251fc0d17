/* fd-session-duplicate-dialog.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_SESSION_DUPLICATE_DIALOG (fd_session_duplicate_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdSessionDuplicateDialog, fd_session_duplicate_dialog,
                      FD, SESSION_DUPLICATE_DIALOG, AdwWindow)

GtkWidget  *fd_session_duplicate_dialog_new            (GtkWindow                *parent,
                                                        FdDatabase               *database);
void        fd_session_duplicate_dialog_search         (FdSessionDuplicateDialog *self,
                                                        const char               *text);
gboolean    fd_session_duplicate_dialog_choose         (FdSessionDuplicateDialog *self,
                                                        guint                     position);
gboolean    fd_session_duplicate_dialog_duplicate      (FdSessionDuplicateDialog *self);
const char *fd_session_duplicate_dialog_get_page       (FdSessionDuplicateDialog *self);

G_END_DECLS
