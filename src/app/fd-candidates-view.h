/* fd-candidates-view.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_CANDIDATES_VIEW (fd_candidates_view_get_type ())

G_DECLARE_FINAL_TYPE (FdCandidatesView, fd_candidates_view, FD, CANDIDATES_VIEW, GtkWidget)

GtkWidget  *fd_candidates_view_new          (FdDatabase *database);
FdDatabase *fd_candidates_view_get_database (FdCandidatesView *self);
void        fd_candidates_view_set_database (FdCandidatesView *self,
                                             FdDatabase       *database);
void        fd_candidates_view_reload       (FdCandidatesView *self);
void        fd_candidates_view_focus_search (FdCandidatesView *self);

G_END_DECLS
