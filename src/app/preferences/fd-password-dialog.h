/* fd-password-dialog.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_PASSWORD_DIALOG (fd_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdPasswordDialog, fd_password_dialog, FD, PASSWORD_DIALOG, AdwWindow)

GtkWidget *fd_password_dialog_new (GtkWindow  *parent,
                                   FdDatabase *database,
                                   FdUser     *user);

G_END_DECLS
