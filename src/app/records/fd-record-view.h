/* fd-record-view.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-core.h"
#include "fd-record-pane.h"

G_BEGIN_DECLS

#define FD_TYPE_RECORD_VIEW (fd_record_view_get_type ())

G_DECLARE_FINAL_TYPE (FdRecordView, fd_record_view, FD, RECORD_VIEW, GtkWidget)

GtkWidget    *fd_record_view_new          (FdDatabase   *database,
                                           FdRecordKind  kind);
FdDatabase   *fd_record_view_get_database (FdRecordView *self);
FdRecordKind  fd_record_view_get_kind     (FdRecordView *self);
void          fd_record_view_reload       (FdRecordView *self);
void          fd_record_view_focus_search (FdRecordView *self);
FdRecordPane *fd_record_view_get_pane     (FdRecordView *self);
GtkWidget    *fd_record_view_get_details  (FdRecordView *self);
GtkWidget    *fd_record_view_prepare_details (FdRecordView *self);
gboolean      fd_record_view_show_record  (FdRecordView *self,
                                           const char   *id);

G_END_DECLS
