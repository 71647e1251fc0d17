/* fd-calendar-period.c — the periods a calendar view shows, without GTK
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-calendar-period"

#include "config.h"

#include "fd-calendar-period.h"

#include <string.h>

#include "fd-format.h"

/*
 * The date arithmetic every calendar view shares: which days a page shows,
 * the page before and after, its title, and the few conversions between a
 * day's wall-clock minutes and instants that a time grid, a drag and an
 * export need. Slots are stored as wall-clock times of their place's zone
 * ("2026-03-29T09:00"), so a page is a range of days, not of instants; the
 * instants matter only where a zone's day is 23 or 25 hours long.
 */

static void
go_to_monday (GDate *date)
{
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

/**
 * fd_calendar_period_get_range:
 * @period: the kind of page
 * @date: any day of the page
 * @first: (out): the first day shown
 * @after_last: (out): the day after the last one shown
 *
 * A month page shows the six weeks, Monday first, that start on the week of
 * the month's first day; a week, Monday to Sunday (ISO 8601); a day, itself.
 */
void
fd_calendar_period_get_range (FdCalendarPeriod  period,
                              const GDate      *date,
                              GDate            *first,
                              GDate            *after_last)
{
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (first != NULL && after_last != NULL);

  *first = *date;

  switch (period)
    {
    case FD_CALENDAR_PERIOD_MONTH:
      g_date_set_day (first, 1);
      go_to_monday (first);
      *after_last = *first;
      g_date_add_days (after_last, 6 * 7);
      break;

    case FD_CALENDAR_PERIOD_WEEK:
      go_to_monday (first);
      *after_last = *first;
      g_date_add_days (after_last, 7);
      break;

    case FD_CALENDAR_PERIOD_DAY:
    default:
      *after_last = *first;
      g_date_add_days (after_last, 1);
      break;
    }
}

/**
 * fd_calendar_period_step:
 * @period: the kind of page
 * @date: (inout): a day of the page, moved to the same place of the page
 *   @n pages later (earlier when negative)
 * @n: how many pages
 *
 * A month step keeps the day of the month where it can (31 January plus a
 * month is 28 or 29 February).
 */
void
fd_calendar_period_step (FdCalendarPeriod  period,
                         GDate            *date,
                         int               n)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (n == 0)
    return;

  switch (period)
    {
    case FD_CALENDAR_PERIOD_MONTH:
      if (n > 0)
        g_date_add_months (date, (guint) n);
      else
        g_date_subtract_months (date, (guint) -n);
      break;

    case FD_CALENDAR_PERIOD_WEEK:
      if (n > 0)
        g_date_add_days (date, (guint) n * 7);
      else
        g_date_subtract_days (date, (guint) -n * 7);
      break;

    case FD_CALENDAR_PERIOD_DAY:
    default:
      if (n > 0)
        g_date_add_days (date, (guint) n);
      else
        g_date_subtract_days (date, (guint) -n);
      break;
    }
}

/**
 * fd_calendar_period_same_page:
 *
 * Returns: whether @a and @b are shown on the same page of @period
 */
gboolean
fd_calendar_period_same_page (FdCalendarPeriod  period,
                              const GDate      *a,
                              const GDate      *b)
{
  GDate first_a, first_b, after;

  g_return_val_if_fail (a != NULL && g_date_valid (a), FALSE);
  g_return_val_if_fail (b != NULL && g_date_valid (b), FALSE);

  if (period == FD_CALENDAR_PERIOD_MONTH)
    return g_date_get_year (a) == g_date_get_year (b) &&
           g_date_get_month (a) == g_date_get_month (b);

  fd_calendar_period_get_range (period, a, &first_a, &after);
  fd_calendar_period_get_range (period, b, &first_b, &after);

  return g_date_compare (&first_a, &first_b) == 0;
}

static char *
dup_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * fd_calendar_period_dup_title:
 * @period: the kind of page
 * @date: any day of the page
 *
 * Returns: (transfer full): the page's title, translated: "March 2026",
 *   "Week 10 · 2–8 March 2026", "Tuesday 3 March 2026"
 */
char *
fd_calendar_period_dup_title (FdCalendarPeriod  period,
                              const GDate      *date)
{
  g_autofree char *iso = NULL;
  GDate first, after;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  switch (period)
    {
    case FD_CALENDAR_PERIOD_MONTH:
      return fd_format_month_year (g_date_get_year (date), g_date_get_month (date));

    case FD_CALENDAR_PERIOD_WEEK:
      fd_calendar_period_get_range (period, date, &first, &after);
      iso = dup_iso_date (&first);
      return fd_format_week (iso);

    case FD_CALENDAR_PERIOD_DAY:
    default:
      iso = dup_iso_date (date);
      return fd_format_date_long (iso);
    }
}

/**
 * fd_calendar_period_dup_short_title:
 * @period: the kind of page
 * @date: any day of the page
 *
 * The title where the whole one does not fit: a week by its days only
 * ("30 November – 6 December 2026"); a month or a day as
 * fd_calendar_period_dup_title() gives them.
 *
 * Returns: (transfer full): the page's short title, translated
 */
char *
fd_calendar_period_dup_short_title (FdCalendarPeriod  period,
                                    const GDate      *date)
{
  g_autofree char *iso = NULL;
  GDate first, after;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (period != FD_CALENDAR_PERIOD_WEEK)
    return fd_calendar_period_dup_title (period, date);

  fd_calendar_period_get_range (period, date, &first, &after);
  iso = dup_iso_date (&first);

  return fd_format_week_days (iso);
}

/**
 * fd_calendar_period_dup_iso_range:
 * @period: the kind of page
 * @date: any day of the page
 * @to: (out) (transfer full): midnight after the last day, "2026-04-13T00:00"
 *
 * Gives the page's range as the local date-times slots are stored in, for
 * the range queries of core.
 *
 * Returns: (transfer full): midnight of the first day, "2026-03-02T00:00"
 */
char *
fd_calendar_period_dup_iso_range (FdCalendarPeriod   period,
                                  const GDate       *date,
                                  char             **to)
{
  GDate first, after;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (to != NULL, NULL);

  fd_calendar_period_get_range (period, date, &first, &after);
  *to = fd_calendar_dup_iso_at (&after, 0);

  return fd_calendar_dup_iso_at (&first, 0);
}

/**
 * fd_calendar_day_get_instant:
 * @day: a day
 * @minutes: minutes after its midnight on the wall clock, 0…1440
 * @zone: the time zone of the wall clock
 * @unix_time: (out): the instant, in seconds since the epoch
 *
 * A wall-clock time that does not exist (02:30 on the day clocks go
 * forward) is taken as the instant an hour later, as GLib does; one that
 * happens twice (02:30 on the day they go back) as its first occurrence.
 *
 * Returns: %FALSE if the time cannot be represented
 */
gboolean
fd_calendar_day_get_instant (const GDate *day,
                             int          minutes,
                             GTimeZone   *zone,
                             gint64      *unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (unix_time != NULL, FALSE);

  if (minutes < 0 || minutes > 24 * 60)
    return FALSE;

  if (minutes == 24 * 60)
    {
      GDate next = *day;

      g_date_add_days (&next, 1);
      return fd_calendar_day_get_instant (&next, 0, zone, unix_time);
    }

  time = g_date_time_new (zone,
                          g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), minutes / 60, minutes % 60, 0.0);
  if (time == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (time);
  return TRUE;
}

/**
 * fd_calendar_day_get_seconds:
 * @day: a day
 * @zone: a time zone
 *
 * Returns: how long @day lasts in @zone: 86 400 seconds, or 82 800 and
 *   90 000 on the days daylight saving time starts and ends; 0 on error
 */
gint64
fd_calendar_day_get_seconds (const GDate *day,
                             GTimeZone   *zone)
{
  gint64 start, end;

  if (!fd_calendar_day_get_instant (day, 0, zone, &start) ||
      !fd_calendar_day_get_instant (day, 24 * 60, zone, &end))
    return 0;

  return end - start;
}

/**
 * fd_calendar_snap_minutes:
 * @minutes: a time of day, or a length, in minutes
 * @step: the grid, in minutes (15 in the calendar)
 *
 * Returns: @minutes rounded to the nearest multiple of @step (halves up)
 */
int
fd_calendar_snap_minutes (int minutes,
                          int step)
{
  g_return_val_if_fail (step > 0, minutes);

  if (minutes >= 0)
    return (minutes + step / 2) / step * step;

  return -(((-minutes) + (step - 1) / 2) / step * step);
}

/**
 * fd_calendar_dup_iso_at:
 * @day: a day
 * @minutes: minutes after its midnight, 0…1440 (1440 is the next midnight)
 *
 * Returns: (transfer full): the local date-time as slots store it,
 *   "2026-03-03T09:15"
 */
char *
fd_calendar_dup_iso_at (const GDate *day,
                        int          minutes)
{
  GDate date;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (minutes >= 0 && minutes <= 24 * 60, NULL);

  date = *day;
  if (minutes == 24 * 60)
    {
      g_date_add_days (&date, 1);
      minutes = 0;
    }

  return g_strdup_printf ("%04u-%02u-%02uT%02d:%02d",
                          (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date),
                          (guint) g_date_get_day (&date),
                          minutes / 60, minutes % 60);
}

/**
 * fd_calendar_parse_iso:
 * @iso: (nullable): a local date-time, "2026-03-03T09:15" (seconds, if
 *   any, are ignored), or a date
 * @day: (out): its day
 * @minutes: (out) (optional): its minutes after midnight, 0 for a date
 *
 * Returns: %FALSE if @iso is not a valid date or date-time
 */
gboolean
fd_calendar_parse_iso (const char *iso,
                       GDate      *day,
                       int        *minutes)
{
  guint year = 0, month = 0, mday = 0, hour = 0, minute = 0;
  gsize len;

  g_return_val_if_fail (day != NULL, FALSE);

  if (iso == NULL)
    return FALSE;

  len = strnlen (iso, 32);
  if (len < 10)
    return FALSE;

  for (gsize i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? iso[i] != '-' : !g_ascii_isdigit (iso[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (iso, NULL, 10);
  month = (guint) g_ascii_strtoull (iso + 5, NULL, 10);
  mday = (guint) g_ascii_strtoull (iso + 8, NULL, 10);

  if (len > 10)
    {
      if (len < 16 || (iso[10] != 'T' && iso[10] != ' ') ||
          !g_ascii_isdigit (iso[11]) || !g_ascii_isdigit (iso[12]) || iso[13] != ':' ||
          !g_ascii_isdigit (iso[14]) || !g_ascii_isdigit (iso[15]))
        return FALSE;

      hour = (guint) g_ascii_strtoull (iso + 11, NULL, 10);
      minute = (guint) g_ascii_strtoull (iso + 14, NULL, 10);
      if (hour > 23 || minute > 59)
        return FALSE;
    }

  if (year < 1 || !g_date_valid_dmy ((GDateDay) mday, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) mday, (GDateMonth) month, (GDateYear) year);
  if (minutes != NULL)
    *minutes = (int) (hour * 60 + minute);

  return TRUE;
}
