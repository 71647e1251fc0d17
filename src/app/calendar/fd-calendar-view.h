/* fd-calendar-view.h — the Calendar page: its views of slots
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-database.h"
#include "fd-slot-view.h"

G_BEGIN_DECLS

#define FD_TYPE_CALENDAR_VIEW (fd_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (FdCalendarView, fd_calendar_view, FD, CALENDAR_VIEW, GtkWidget)

GtkWidget  *fd_calendar_view_new          (void);

FdDatabase *fd_calendar_view_get_database (FdCalendarView *self);
void        fd_calendar_view_set_database (FdCalendarView *self,
                                           FdDatabase     *database);

GDateTime  *fd_calendar_view_get_date     (FdCalendarView *self);
void        fd_calendar_view_set_date     (FdCalendarView *self,
                                           GDateTime      *date);

const char *fd_calendar_view_get_today    (FdCalendarView *self);
void        fd_calendar_view_set_today    (FdCalendarView *self,
                                           const char     *today);

const char *fd_calendar_view_get_view     (FdCalendarView *self);
void        fd_calendar_view_set_view     (FdCalendarView *self,
                                           const char     *name);
FdSlotView *fd_calendar_view_get_slot_view (FdCalendarView *self);

void        fd_calendar_view_reload       (FdCalendarView *self);

G_END_DECLS
