/* fd-record-pane.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_RECORD_PANE (fd_record_pane_get_type ())

G_DECLARE_FINAL_TYPE (FdRecordPane, fd_record_pane, FD, RECORD_PANE, GtkWidget)

GtkWidget         *fd_record_pane_new          (FdDatabase   *database,
                                                FdRecordKind  kind);
FdDatabase        *fd_record_pane_get_database (FdRecordPane *self);
void               fd_record_pane_set_database (FdRecordPane *self,
                                                FdDatabase   *database);
FdRecordKind       fd_record_pane_get_kind     (FdRecordPane *self);
void               fd_record_pane_set_kind     (FdRecordPane *self,
                                                FdRecordKind  kind);
FdRecord          *fd_record_pane_get_selected (FdRecordPane *self);
GtkSelectionModel *fd_record_pane_get_model    (FdRecordPane *self);
GtkListView       *fd_record_pane_get_list_view (FdRecordPane *self);
void               fd_record_pane_search       (FdRecordPane *self,
                                                const char   *text);
void               fd_record_pane_reload       (FdRecordPane *self);
gboolean           fd_record_pane_show         (FdRecordPane *self,
                                                const char   *id);
void               fd_record_pane_focus_search (FdRecordPane *self);
void               fd_record_pane_prepare_search (FdRecordPane *self);

G_END_DECLS
