/* fd-cost-row.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_COST_ROW (fd_cost_row_get_type ())

G_DECLARE_FINAL_TYPE (FdCostRow, fd_cost_row, FD, COST_ROW, AdwExpanderRow)

GtkWidget  *fd_cost_row_new_for_cost      (FdDatabase        *database,
                                           const FdPlanCost  *cost);
GtkWidget  *fd_cost_row_new_for_type      (FdDatabase        *database,
                                           const char        *type,
                                           gint64             amount_cents);
const char *fd_cost_row_get_cost_id       (FdCostRow         *self);
gboolean    fd_cost_row_is_modified       (FdCostRow         *self);
gboolean    fd_cost_row_is_removed        (FdCostRow         *self);
gboolean    fd_cost_row_get_total         (FdCostRow         *self,
                                           gint64            *cents);
void        fd_cost_row_set_providers     (FdCostRow         *self,
                                           GListModel        *providers);
gboolean    fd_cost_row_build_changes     (FdCostRow         *self,
                                           const char        *session_id,
                                           GPtrArray         *changes,
                                           GError           **error);
gboolean    fd_cost_row_show_error        (FdCostRow         *self,
                                           const GError      *error);
void        fd_cost_row_clear_errors      (FdCostRow         *self);
gboolean    fd_cost_row_attach_bytes      (FdCostRow         *self,
                                           const char        *file_name,
                                           GBytes            *bytes,
                                           const char        *mime_type,
                                           GError           **error);
guint       fd_cost_row_get_n_attachments (FdCostRow         *self);

G_END_DECLS
