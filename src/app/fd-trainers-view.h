/* fd-trainers-view.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_TRAINERS_VIEW (fd_trainers_view_get_type ())

G_DECLARE_FINAL_TYPE (FdTrainersView, fd_trainers_view, FD, TRAINERS_VIEW, GtkWidget)

GtkWidget  *fd_trainers_view_new          (FdDatabase *database);
FdDatabase *fd_trainers_view_get_database (FdTrainersView *self);
void        fd_trainers_view_set_database (FdTrainersView *self,
                                           FdDatabase     *database);
void        fd_trainers_view_reload       (FdTrainersView *self);
void        fd_trainers_view_focus_search (FdTrainersView *self);

G_END_DECLS
