/* fd-calendar-view-private.h — for the benchmarks and tests of FdCalendarView only
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-calendar-view.h"

G_BEGIN_DECLS

gboolean _fd_calendar_view_get_slots_shown     (FdCalendarView *self,
                                                gint64         *usec);
gboolean _fd_calendar_view_get_conflicts_shown (FdCalendarView *self,
                                                gint64         *usec);
gboolean _fd_calendar_view_is_page_cached      (FdCalendarView *self,
                                                int             step);

G_END_DECLS
