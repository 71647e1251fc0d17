/* fd-week-view.h — a week or a day of slots on a time grid
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-slot-view.h"

G_BEGIN_DECLS

#define FD_TYPE_WEEK_VIEW (fd_week_view_get_type ())

G_DECLARE_FINAL_TYPE (FdWeekView, fd_week_view, FD, WEEK_VIEW, GtkWidget)

GtkWidget *fd_week_view_new             (guint         n_days);
guint      fd_week_view_get_n_days      (FdWeekView   *self);
double     fd_week_view_get_hour_height (FdWeekView   *self);
gboolean   fd_week_view_get_day_area    (FdWeekView   *self,
                                         guint         day,
                                         GdkRectangle *area);
void       fd_week_view_scroll_to       (FdWeekView   *self,
                                         int           minutes);

G_END_DECLS
