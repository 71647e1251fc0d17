/* fd-calendar-period.h — the periods a calendar view shows, without GTK
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * FdCalendarPeriod:
 * @FD_CALENDAR_PERIOD_MONTH: the six weeks (Monday first) around a month
 * @FD_CALENDAR_PERIOD_WEEK: a week, Monday to Sunday
 * @FD_CALENDAR_PERIOD_DAY: one day
 *
 * What one page of a calendar view covers. The resource week is a week.
 */
typedef enum
{
  FD_CALENDAR_PERIOD_MONTH,
  FD_CALENDAR_PERIOD_WEEK,
  FD_CALENDAR_PERIOD_DAY,
} FdCalendarPeriod;

void      fd_calendar_period_get_range   (FdCalendarPeriod  period,
                                          const GDate      *date,
                                          GDate            *first,
                                          GDate            *after_last);
void      fd_calendar_period_step        (FdCalendarPeriod  period,
                                          GDate            *date,
                                          int               n);
gboolean  fd_calendar_period_same_page   (FdCalendarPeriod  period,
                                          const GDate      *a,
                                          const GDate      *b);
char     *fd_calendar_period_dup_title   (FdCalendarPeriod  period,
                                          const GDate      *date);
char     *fd_calendar_period_dup_short_title (FdCalendarPeriod  period,
                                              const GDate      *date);
char     *fd_calendar_period_dup_iso_range (FdCalendarPeriod  period,
                                          const GDate      *date,
                                          char            **to);

gint64    fd_calendar_day_get_seconds    (const GDate      *day,
                                          GTimeZone        *zone);
gboolean  fd_calendar_day_get_instant    (const GDate      *day,
                                          int               minutes,
                                          GTimeZone        *zone,
                                          gint64           *unix_time);

int       fd_calendar_snap_minutes       (int               minutes,
                                          int               step);
char     *fd_calendar_dup_iso_at         (const GDate      *day,
                                          int               minutes);
gboolean  fd_calendar_parse_iso          (const char       *iso,
                                          GDate            *day,
                                          int              *minutes);

G_END_DECLS
