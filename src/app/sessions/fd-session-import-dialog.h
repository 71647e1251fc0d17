/* fd-session-import-dialog.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_SESSION_IMPORT_DIALOG (fd_session_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdSessionImportDialog, fd_session_import_dialog,
                      FD, SESSION_IMPORT_DIALOG, AdwWindow)

GtkWidget  *fd_session_import_dialog_new      (GtkWindow             *parent,
                                               FdDatabase            *database);
void        fd_session_import_dialog_set_file (FdSessionImportDialog *self,
                                               GFile                 *file);
gboolean    fd_session_import_dialog_import   (FdSessionImportDialog *self);
const char *fd_session_import_dialog_get_page (FdSessionImportDialog *self);

G_END_DECLS
