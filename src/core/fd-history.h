/* fd-history.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-database.h"

G_BEGIN_DECLS

#define FD_TYPE_HISTORY (fd_history_get_type ())

G_DECLARE_FINAL_TYPE (FdHistory, fd_history, FD, HISTORY, GObject)

FdHistory  *fd_history_new            (FdDatabase  *database);
FdDatabase *fd_history_get_database   (FdHistory   *self);
gboolean    fd_history_apply          (FdHistory   *self,
                                       const char  *label,
                                       GPtrArray   *changes,
                                       GError     **error);
gboolean    fd_history_undo           (FdHistory   *self,
                                       GError     **error);
gboolean    fd_history_redo           (FdHistory   *self,
                                       GError     **error);
gboolean    fd_history_get_can_undo   (FdHistory   *self);
gboolean    fd_history_get_can_redo   (FdHistory   *self);
const char *fd_history_get_undo_label (FdHistory   *self);
const char *fd_history_get_redo_label (FdHistory   *self);
void        fd_history_clear          (FdHistory   *self);

G_END_DECLS
