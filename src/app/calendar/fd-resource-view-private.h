/* fd-resource-view-private.h — for tests of FdResourceView only
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-resource-view.h"

G_BEGIN_DECLS

guint    _fd_resource_view_get_first_visible_lane (FdResourceView *self);
guint    _fd_resource_view_get_n_layouts_made     (FdResourceView *self);
guint    _fd_resource_view_get_n_layouts_cached   (FdResourceView *self);
gint64   _fd_resource_view_get_last_snapshot_usec (FdResourceView *self);
const char *_fd_resource_view_get_message          (FdResourceView *self);
gboolean _fd_resource_view_get_point              (FdResourceView *self,
                                                   const char     *lane_id,
                                                   const char     *iso,
                                                   double         *x,
                                                   double         *y);

G_END_DECLS
