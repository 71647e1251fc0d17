/* fd-option.h — one row a user can choose in a list
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_OPTION (fd_option_get_type ())

G_DECLARE_FINAL_TYPE (FdOption, fd_option, FD, OPTION, GObject)

FdOption   *fd_option_new        (const char *id,
                                  const char *label,
                                  const char *detail);
const char *fd_option_get_id     (FdOption   *self);
const char *fd_option_get_label  (FdOption   *self);
const char *fd_option_get_detail (FdOption   *self);

G_END_DECLS
