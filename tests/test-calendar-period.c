/* test-calendar-period.c — the date arithmetic of the calendar views
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "fd-calendar-period.h"
#include "fd-format.h"

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static char *
dup_iso (const GDate *date)
{
  return fd_calendar_dup_iso_at (date, 0);
}

static void
assert_range (FdCalendarPeriod  period,
              int               year,
              int               month,
              int               day,
              const char       *first_iso,
              const char       *after_iso)
{
  g_autofree char *first_str = NULL;
  g_autofree char *after_str = NULL;
  GDate date, first, after;

  set_date (&date, year, month, day);
  fd_calendar_period_get_range (period, &date, &first, &after);
  first_str = dup_iso (&first);
  after_str = dup_iso (&after);
  g_assert_cmpstr (first_str, ==, first_iso);
  g_assert_cmpstr (after_str, ==, after_iso);
}

static void
test_ranges (void)
{
  /* a week is Monday to Sunday, across a year end too */
  assert_range (FD_CALENDAR_PERIOD_WEEK, 2026, 3, 4, "2026-03-02T00:00", "2026-03-09T00:00");
  assert_range (FD_CALENDAR_PERIOD_WEEK, 2026, 3, 2, "2026-03-02T00:00", "2026-03-09T00:00");
  assert_range (FD_CALENDAR_PERIOD_WEEK, 2026, 3, 8, "2026-03-02T00:00", "2026-03-09T00:00");
  assert_range (FD_CALENDAR_PERIOD_WEEK, 2027, 1, 2, "2026-12-28T00:00", "2027-01-04T00:00");
  assert_range (FD_CALENDAR_PERIOD_WEEK, 2026, 12, 31, "2026-12-28T00:00", "2027-01-04T00:00");
  /* a leap day */
  assert_range (FD_CALENDAR_PERIOD_WEEK, 2028, 2, 29, "2028-02-28T00:00", "2028-03-06T00:00");

  /* a month page: six weeks from the Monday of its first day's week */
  assert_range (FD_CALENDAR_PERIOD_MONTH, 2026, 3, 17, "2026-02-23T00:00", "2026-04-06T00:00");
  /* June 2026 starts on a Monday */
  assert_range (FD_CALENDAR_PERIOD_MONTH, 2026, 6, 30, "2026-06-01T00:00", "2026-07-13T00:00");
  assert_range (FD_CALENDAR_PERIOD_MONTH, 2027, 1, 1, "2026-12-28T00:00", "2027-02-08T00:00");

  /* a day, to the next midnight, across a month and a year end */
  assert_range (FD_CALENDAR_PERIOD_DAY, 2026, 3, 31, "2026-03-31T00:00", "2026-04-01T00:00");
  assert_range (FD_CALENDAR_PERIOD_DAY, 2026, 12, 31, "2026-12-31T00:00", "2027-01-01T00:00");
}

static void
assert_step (FdCalendarPeriod  period,
             const char       *from,
             int               n,
             const char       *expected)
{
  g_autofree char *result = NULL;
  GDate date;

  g_assert_true (fd_calendar_parse_iso (from, &date, NULL));
  fd_calendar_period_step (period, &date, n);
  result = dup_iso (&date);
  g_assert_cmpstr (result, ==, expected);
}

static void
test_steps (void)
{
  assert_step (FD_CALENDAR_PERIOD_WEEK, "2026-12-30", 1, "2027-01-06T00:00");
  assert_step (FD_CALENDAR_PERIOD_WEEK, "2027-01-06", -1, "2026-12-30T00:00");
  assert_step (FD_CALENDAR_PERIOD_WEEK, "2026-03-04", 0, "2026-03-04T00:00");
  assert_step (FD_CALENDAR_PERIOD_DAY, "2026-12-31", 1, "2027-01-01T00:00");
  assert_step (FD_CALENDAR_PERIOD_DAY, "2024-03-01", -1, "2024-02-29T00:00");
  /* the day of the month kept where the month has it */
  assert_step (FD_CALENDAR_PERIOD_MONTH, "2026-01-31", 1, "2026-02-28T00:00");
  assert_step (FD_CALENDAR_PERIOD_MONTH, "2026-12-15", 1, "2027-01-15T00:00");
  assert_step (FD_CALENDAR_PERIOD_MONTH, "2027-01-15", -13, "2025-12-15T00:00");
}

static void
test_same_page (void)
{
  GDate a, b;

  set_date (&a, 2026, 12, 28);
  set_date (&b, 2027, 1, 3);
  g_assert_true (fd_calendar_period_same_page (FD_CALENDAR_PERIOD_WEEK, &a, &b));
  g_assert_false (fd_calendar_period_same_page (FD_CALENDAR_PERIOD_MONTH, &a, &b));
  g_assert_false (fd_calendar_period_same_page (FD_CALENDAR_PERIOD_DAY, &a, &b));
  set_date (&b, 2027, 1, 4);
  g_assert_false (fd_calendar_period_same_page (FD_CALENDAR_PERIOD_WEEK, &a, &b));
  set_date (&b, 2026, 12, 1);
  g_assert_true (fd_calendar_period_same_page (FD_CALENDAR_PERIOD_MONTH, &a, &b));
}

static void
assert_title (FdCalendarPeriod  period,
              const char       *iso,
              const char       *expected)
{
  g_autofree char *title = NULL;
  GDate date;

  g_assert_true (fd_calendar_parse_iso (iso, &date, NULL));
  title = fd_calendar_period_dup_title (period, &date);
  g_assert_cmpstr (title, ==, expected);
}

static void
test_titles (void)
{
  /* ISO 8601 week numbers: 2026 has 53 weeks, 2027's first starts on 4
   * January */
  assert_title (FD_CALENDAR_PERIOD_WEEK, "2026-03-04", "Week 10 · 2–8 March 2026");
  assert_title (FD_CALENDAR_PERIOD_WEEK, "2026-04-01", "Week 14 · 30 March – 5 April 2026");
  assert_title (FD_CALENDAR_PERIOD_WEEK, "2027-01-01",
                "Week 53 · 28 December 2026 – 3 January 2027");
  assert_title (FD_CALENDAR_PERIOD_WEEK, "2027-01-04", "Week 1 · 4–10 January 2027");
  assert_title (FD_CALENDAR_PERIOD_MONTH, "2026-03-17", "March 2026");
  assert_title (FD_CALENDAR_PERIOD_DAY, "2026-03-03", "Tuesday 3 March 2026");
}

static void
assert_short_title (FdCalendarPeriod  period,
                    const char       *iso,
                    const char       *expected)
{
  g_autofree char *title = NULL;
  GDate date;

  g_assert_true (fd_calendar_parse_iso (iso, &date, NULL));
  title = fd_calendar_period_dup_short_title (period, &date);
  g_assert_cmpstr (title, ==, expected);
}

/* What a narrow toolbar shows: a week by its days */
static void
test_short_titles (void)
{
  assert_short_title (FD_CALENDAR_PERIOD_WEEK, "2026-03-04", "2–8 March 2026");
  assert_short_title (FD_CALENDAR_PERIOD_WEEK, "2026-12-02", "30 November – 6 December 2026");
  assert_short_title (FD_CALENDAR_PERIOD_WEEK, "2027-01-01", "28 December 2026 – 3 January 2027");
  assert_short_title (FD_CALENDAR_PERIOD_MONTH, "2026-03-17", "March 2026");
  assert_short_title (FD_CALENDAR_PERIOD_DAY, "2026-03-03", "Tuesday 3 March 2026");
  g_assert_null (fd_format_week_days ("2026-02-30"));
  g_assert_null (fd_format_week_days (NULL));
}

static void
test_daylight_saving (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GTimeZone) reunion = g_time_zone_new_identifier ("Indian/Reunion");
  gint64 nine, ten, midnight;
  GDate day;

  g_assert_nonnull (paris);
  g_assert_nonnull (reunion);

  /* the last Sunday of March lasts 23 hours in Paris, of October 25; La
   * Réunion keeps 24 */
  set_date (&day, 2026, 3, 29);
  g_assert_cmpint (fd_calendar_day_get_seconds (&day, paris), ==, 23 * 3600);
  g_assert_cmpint (fd_calendar_day_get_seconds (&day, reunion), ==, 24 * 3600);
  set_date (&day, 2026, 10, 25);
  g_assert_cmpint (fd_calendar_day_get_seconds (&day, paris), ==, 25 * 3600);
  set_date (&day, 2026, 10, 26);
  g_assert_cmpint (fd_calendar_day_get_seconds (&day, paris), ==, 24 * 3600);

  /* 09:00 to 10:00 on the wall clock is one hour on either side of it */
  set_date (&day, 2026, 3, 29);
  g_assert_true (fd_calendar_day_get_instant (&day, 9 * 60, paris, &nine));
  g_assert_true (fd_calendar_day_get_instant (&day, 10 * 60, paris, &ten));
  g_assert_cmpint (ten - nine, ==, 3600);
  /* 09:00 in Paris that day is 07:00 UTC (summer time), it was 08:00 UTC
   * the day before */
  g_assert_cmpint (nine % 86400, ==, 7 * 3600);
  g_assert_true (fd_calendar_day_get_instant (&day, 0, paris, &midnight));
  g_assert_cmpint (nine - midnight, ==, 8 * 3600);
  set_date (&day, 2026, 3, 28);
  g_assert_true (fd_calendar_day_get_instant (&day, 9 * 60, paris, &nine));
  g_assert_cmpint (nine % 86400, ==, 8 * 3600);

  /* out of range */
  g_assert_false (fd_calendar_day_get_instant (&day, -1, paris, &nine));
  g_assert_false (fd_calendar_day_get_instant (&day, 24 * 60 + 1, paris, &nine));
}

static void
test_snapping (void)
{
  g_assert_cmpint (fd_calendar_snap_minutes (0, 15), ==, 0);
  g_assert_cmpint (fd_calendar_snap_minutes (7, 15), ==, 0);
  g_assert_cmpint (fd_calendar_snap_minutes (8, 15), ==, 15);
  g_assert_cmpint (fd_calendar_snap_minutes (9 * 60 + 22, 15), ==, 9 * 60 + 15);
  g_assert_cmpint (fd_calendar_snap_minutes (9 * 60 + 23, 15), ==, 9 * 60 + 30);
  g_assert_cmpint (fd_calendar_snap_minutes (24 * 60 - 1, 15), ==, 24 * 60);
  /* a move backwards snaps the same way */
  g_assert_cmpint (fd_calendar_snap_minutes (-7, 15), ==, 0);
  g_assert_cmpint (fd_calendar_snap_minutes (-8, 15), ==, -15);
  g_assert_cmpint (fd_calendar_snap_minutes (-22, 15), ==, -15);
  g_assert_cmpint (fd_calendar_snap_minutes (-23, 15), ==, -30);
}

static void
test_iso (void)
{
  g_autofree char *iso = NULL;
  g_autofree char *next = NULL;
  int minutes = -1;
  GDate day;

  g_assert_true (fd_calendar_parse_iso ("2026-03-03T09:15", &day, &minutes));
  g_assert_cmpint (minutes, ==, 9 * 60 + 15);
  iso = fd_calendar_dup_iso_at (&day, minutes);
  g_assert_cmpstr (iso, ==, "2026-03-03T09:15");
  next = fd_calendar_dup_iso_at (&day, 24 * 60);
  g_assert_cmpstr (next, ==, "2026-03-04T00:00");

  g_assert_true (fd_calendar_parse_iso ("2026-03-03T09:15:30", &day, &minutes));
  g_assert_true (fd_calendar_parse_iso ("2026-03-03", &day, &minutes));
  g_assert_cmpint (minutes, ==, 0);

  /* bad input */
  g_assert_false (fd_calendar_parse_iso (NULL, &day, &minutes));
  g_assert_false (fd_calendar_parse_iso ("", &day, &minutes));
  g_assert_false (fd_calendar_parse_iso ("2026-02-30", &day, &minutes));
  g_assert_false (fd_calendar_parse_iso ("2026-13-01", &day, &minutes));
  g_assert_false (fd_calendar_parse_iso ("2026-03-03T24:00", &day, &minutes));
  g_assert_false (fd_calendar_parse_iso ("2026-03-03T09:60", &day, &minutes));
  g_assert_false (fd_calendar_parse_iso ("2026-03-03T9:15", &day, &minutes));
  g_assert_false (fd_calendar_parse_iso ("2026/03/03", &day, &minutes));
  g_assert_false (fd_calendar_parse_iso ("0000-01-01", &day, &minutes));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar-period/ranges", test_ranges);
  g_test_add_func ("/calendar-period/steps", test_steps);
  g_test_add_func ("/calendar-period/same-page", test_same_page);
  g_test_add_func ("/calendar-period/titles", test_titles);
  g_test_add_func ("/calendar-period/short-titles", test_short_titles);
  g_test_add_func ("/calendar-period/daylight-saving", test_daylight_saving);
  g_test_add_func ("/calendar-period/snapping", test_snapping);
  g_test_add_func ("/calendar-period/iso", test_iso);

  return g_test_run ();
}
