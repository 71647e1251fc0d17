/* fd-sign-in-dialog.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_SIGN_IN_DIALOG (fd_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdSignInDialog, fd_sign_in_dialog, FD, SIGN_IN_DIALOG, AdwWindow)

GtkWidget *fd_sign_in_dialog_new (GtkWindow  *parent,
                                  FdDatabase *database,
                                  const char *reason);

G_END_DECLS
