/* fd-resource-view.h — a week of slots, one lane per trainer or room
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-resource-lane.h"
#include "fd-slot-view.h"

G_BEGIN_DECLS

#define FD_TYPE_RESOURCE_VIEW (fd_resource_view_get_type ())

G_DECLARE_FINAL_TYPE (FdResourceView, fd_resource_view, FD, RESOURCE_VIEW, GtkWidget)

GtkWidget     *fd_resource_view_new             (FdSlotViewLanes  lanes);
void           fd_resource_view_set_lanes       (FdResourceView  *self,
                                                 GPtrArray       *lanes);
guint          fd_resource_view_get_n_lanes     (FdResourceView  *self);
GtkAdjustment *fd_resource_view_get_vadjustment (FdResourceView  *self);
gboolean       fd_resource_view_scroll_to_lane  (FdResourceView  *self,
                                                 const char      *lane_id);

G_END_DECLS
