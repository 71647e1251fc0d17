/* fd-choice.h — one row a user can choose in a list
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_CHOICE (fd_choice_get_type ())

G_DECLARE_FINAL_TYPE (FdChoice, fd_choice, FD, CHOICE, GObject)

FdChoice   *fd_choice_new        (const char *id,
                                  const char *label,
                                  const char *detail);
const char *fd_choice_get_id     (FdChoice   *self);
const char *fd_choice_get_label  (FdChoice   *self);
const char *fd_choice_get_detail (FdChoice   *self);

G_END_DECLS
