/* fd-user-ui.h — how the app shows who is working
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fd-core.h"

G_BEGIN_DECLS

char       *fd_user_ui_dup_summary            (FdUser       *user);
const char *fd_user_ui_get_error_field        (const GError *error);
gboolean    fd_user_ui_sign_out_needs_sign_in (FdDatabase   *database);

G_END_DECLS
