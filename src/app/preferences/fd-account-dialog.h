/* fd-account-dialog.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_ACCOUNT_DIALOG (fd_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdAccountDialog, fd_account_dialog, FD, ACCOUNT_DIALOG, AdwWindow)

GtkWidget *fd_account_dialog_new (GtkWindow  *parent,
                                  FdDatabase *database);

G_END_DECLS
