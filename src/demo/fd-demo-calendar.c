/* fd-demo-calendar.c — the demo's days: working days, holidays, dates
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

void
_fd_demo_day_to_date (Demo  *demo,
                      int    day,
                      GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, demo->base_julian + day);
}

char *
_fd_demo_format_day (Demo *demo,
                     int   day)
{
  GDate date;

  _fd_demo_day_to_date (demo, day, &date);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

char *
_fd_demo_format_day_time (Demo *demo,
                          int   day,
                          int   minutes)
{
  GDate date;

  _fd_demo_day_to_date (demo, day, &date);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date),
                          minutes / 60, minutes % 60);
}

int
_fd_demo_day_year (Demo *demo,
                   int   day)
{
  GDate date;

  _fd_demo_day_to_date (demo, day, &date);

  return g_date_get_year (&date);
}

/* UTC microseconds of a wall-clock time in the training room. */
gint64
_fd_demo_day_time_to_usec (Demo *demo,
                           int   day,
                           int   minutes,
                           int   seconds)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  _fd_demo_day_to_date (demo, day, &date);
  date_time = g_date_time_new (demo->tz,
                               g_date_get_year (&date),
                               g_date_get_month (&date),
                               g_date_get_day (&date),
                               minutes / 60, minutes % 60, seconds);

  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC;
}

static void
close_date (Demo *demo,
            int   year,
            int   month,
            int   day_of_month)
{
  GDate date;
  gint64 day;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day_of_month, month, year);
  day = (gint64) g_date_get_julian (&date) - demo->base_julian;
  if (day >= 0 && day < demo->n_days)
    demo->closed[day] = TRUE;
}

static void
close_easter_based (Demo *demo,
                    int   year,
                    int   offset)
{
  /* Anonymous Gregorian algorithm for Easter Sunday. */
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day_of_month = (h + l - 7 * m + 114) % 31 + 1;
  GDate date;
  gint64 day;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day_of_month, month, year);
  g_date_add_days (&date, offset);
  day = (gint64) g_date_get_julian (&date) - demo->base_julian;
  if (day >= 0 && day < demo->n_days)
    demo->closed[day] = TRUE;
}

void
_fd_demo_build_calendar (Demo        *demo,
                         const GDate *today)
{
  GDate first;
  GDate last;
  int year;
  int day;

  first = *today;
  g_date_subtract_years (&first, 2);
  g_date_subtract_days (&first, 7);
  last = *today;
  g_date_add_years (&last, 1);
  /* Room for the weekly courses that start near the end. */
  g_date_add_days (&last, 200);

  demo->base_julian = g_date_get_julian (&first);
  demo->n_days = g_date_get_julian (&last) - demo->base_julian + 1;
  demo->today = g_date_get_julian (today) - demo->base_julian;
  demo->closed = g_new0 (guint8, demo->n_days);

  for (day = 0; day < demo->n_days; day++)
    {
      GDate date;

      _fd_demo_day_to_date (demo, day, &date);
      if (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
        demo->closed[day] = TRUE;
    }

  for (year = g_date_get_year (&first); year <= g_date_get_year (&last); year++)
    {
      close_date (demo, year, 1, 1);
      close_date (demo, year, 5, 1);
      close_date (demo, year, 5, 8);
      close_date (demo, year, 7, 14);
      close_date (demo, year, 8, 15);
      close_date (demo, year, 11, 1);
      close_date (demo, year, 11, 11);
      close_date (demo, year, 12, 25);
      close_easter_based (demo, year, 1);  /* Easter Monday */
      close_easter_based (demo, year, 39); /* Ascension */
      close_easter_based (demo, year, 50); /* Whit Monday */
    }
}

int
_fd_demo_next_open_day (Demo *demo,
                        int   day)
{
  while (day < demo->n_days - 1 && demo->closed[day])
    day++;

  return day;
}
