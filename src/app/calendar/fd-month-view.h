/* fd-month-view.h — a month grid of slots
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-models.h"

G_BEGIN_DECLS

#define FD_TYPE_MONTH_VIEW (fd_month_view_get_type ())

G_DECLARE_FINAL_TYPE (FdMonthView, fd_month_view, FD, MONTH_VIEW, GtkWidget)

GtkWidget *fd_month_view_new            (void);

void       fd_month_view_set_month      (FdMonthView   *self,
                                         int            year,
                                         int            month);
int        fd_month_view_get_year       (FdMonthView   *self);
int        fd_month_view_get_month      (FdMonthView   *self);
void       fd_month_view_dup_range      (FdMonthView   *self,
                                         char         **from,
                                         char         **to);

void       fd_month_view_set_today      (FdMonthView   *self,
                                         const GDate   *today);

void       fd_month_view_set_slots      (FdMonthView   *self,
                                         GPtrArray     *slots);
GPtrArray *fd_month_view_get_slots      (FdMonthView   *self);

gboolean   fd_month_view_get_slot_area  (FdMonthView   *self,
                                         FdSlot        *slot,
                                         GdkRectangle  *area);

G_END_DECLS
