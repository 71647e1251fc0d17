/* fd-account-row.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_ACCOUNT_ROW (fd_account_row_get_type ())

G_DECLARE_FINAL_TYPE (FdAccountRow, fd_account_row, FD, ACCOUNT_ROW, AdwActionRow)

GtkWidget *fd_account_row_new      (FdDatabase   *database,
                                    FdUser       *user);
FdUser    *fd_account_row_get_user (FdAccountRow *self);

G_END_DECLS
