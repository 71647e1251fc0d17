/* test-holidays.c — French public holidays: Easter, the lists by department,
 * postal codes, and the question a planned slot asks
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-core-common.h"
#include "fd-holidays.h"

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static char *
easter_text (int year)
{
  GDate date;

  g_assert_true (fd_holidays_easter (year, &date));

  return iso (&date);
}

/* "2026-05-14" as a GDate */
static void
parse_day (const char *text,
           GDate      *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (text, NULL, 10));
  g_assert_true (g_date_valid (date));
}

/* The holidays of @year in @department as "MM-DD name" lines */
static char *
describe_year (int         year,
               const char *department)
{
  g_autoptr(GArray) holidays = fd_holidays_for_year (year, department);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < holidays->len; i++)
    {
      const FdHoliday *holiday = &g_array_index (holidays, FdHoliday, i);

      g_string_append_printf (text, "%02u-%02u %s%s\n", (guint) g_date_get_month (&holiday->date),
                              (guint) g_date_get_day (&holiday->date), holiday->name,
                              holiday->regional ? " *" : "");
    }

  return g_string_free (text, FALSE);
}

static void
test_easter_known (void)
{
  /* From published tables; 1818 and 2285 are the earliest possible day,
   * 1886, 1943 and 2038 the latest */
  static const struct
  {
    int year;
    const char *date;
  } known[] = {
    { 1583, "1583-04-10" }, { 1700, "1700-04-11" }, { 1818, "1818-03-22" },
    { 1886, "1886-04-25" }, { 1943, "1943-04-25" }, { 1954, "1954-04-18" },
    { 2000, "2000-04-23" }, { 2008, "2008-03-23" }, { 2011, "2011-04-24" },
    { 2019, "2019-04-21" }, { 2024, "2024-03-31" }, { 2025, "2025-04-20" },
    { 2026, "2026-04-05" }, { 2027, "2027-03-28" }, { 2038, "2038-04-25" },
    { 2100, "2100-03-28" }, { 2285, "2285-03-22" }, { 3000, "3000-04-13" },
    { 9999, "9999-03-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *date = easter_text (known[i].year);

      g_assert_cmpstr (date, ==, known[i].date);
    }
}

/* Every year: a Sunday from 22 March to 25 April; Ascension a Thursday and
 * Whit Monday a Monday, 39 and 50 days after it */
static void
test_easter_every_year (void)
{
  for (int year = FD_HOLIDAYS_FIRST_YEAR; year <= FD_HOLIDAYS_LAST_YEAR; year++)
    {
      GDate easter;
      GDate earliest;
      GDate latest;

      g_assert_true (fd_holidays_easter (year, &easter));
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
      g_date_clear (&earliest, 1);
      g_date_clear (&latest, 1);
      g_date_set_dmy (&earliest, 22, G_DATE_MARCH, (GDateYear) year);
      g_date_set_dmy (&latest, 25, G_DATE_APRIL, (GDateYear) year);
      g_assert_cmpint (g_date_compare (&easter, &earliest), >=, 0);
      g_assert_cmpint (g_date_compare (&easter, &latest), <=, 0);

      if (year % 7 == 0)
        {
          g_autoptr(GArray) holidays = fd_holidays_for_year (year, NULL);
          guint found = 0;

          for (guint i = 0; i < holidays->len; i++)
            {
              const FdHoliday *holiday = &g_array_index (holidays, FdHoliday, i);
              int days = g_date_days_between (&easter, &holiday->date);

              /* Ascension may fall on 1 or 8 May: known by its name */
              if (g_str_equal (holiday->name, "Ascension Day"))
                {
                  g_assert_cmpint (days, ==, 39);
                  g_assert_cmpint (g_date_get_weekday (&holiday->date), ==, G_DATE_THURSDAY);
                  found++;
                }
              else if (g_str_equal (holiday->name, "Whit Monday"))
                {
                  g_assert_cmpint (days, ==, 50);
                  g_assert_cmpint (g_date_get_weekday (&holiday->date), ==, G_DATE_MONDAY);
                  found++;
                }
              else if (g_str_equal (holiday->name, "Easter Monday"))
                {
                  g_assert_cmpint (days, ==, 1);
                  found++;
                }
            }
          g_assert_cmpuint (found, ==, 3);
        }
    }
}

static void
test_easter_out_of_range (void)
{
  static const int years[] = { G_MININT, -1, 0, 1, 1582, 10000, G_MAXINT };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(GArray) holidays = fd_holidays_for_year (years[i], "57");
      GDate date;

      g_assert_false (fd_holidays_easter (years[i], &date));
      g_assert_false (g_date_valid (&date));
      g_assert_cmpuint (holidays->len, ==, 0);
    }
}

static void
test_national (void)
{
  g_autofree char *paris = describe_year (2026, "75");
  g_autofree char *none = describe_year (2026, NULL);
  g_autofree char *unknown = describe_year (2026, "not a department");
  g_autofree char *year_2024 = describe_year (2024, NULL);

  g_assert_cmpstr (paris, ==,
                   "01-01 New Year’s Day\n"
                   "04-06 Easter Monday\n"
                   "05-01 Labour Day\n"
                   "05-08 Victory in Europe Day\n"
                   "05-14 Ascension Day\n"
                   "05-25 Whit Monday\n"
                   "07-14 Bastille Day\n"
                   "08-15 Assumption Day\n"
                   "11-01 All Saints’ Day\n"
                   "11-11 Armistice Day\n"
                   "12-25 Christmas Day\n");
  g_assert_cmpstr (none, ==, paris);
  g_assert_cmpstr (unknown, ==, paris);

  /* Easter on 31 March: its Monday is in April; Ascension on 9 May */
  g_assert_nonnull (strstr (year_2024, "04-01 Easter Monday\n"));
  g_assert_nonnull (strstr (year_2024, "05-09 Ascension Day\n"));
  g_assert_nonnull (strstr (year_2024, "05-20 Whit Monday\n"));
}

/* 2008: Ascension on 1 May, the same day as Labour Day; both are listed */
static void
test_same_day (void)
{
  g_autofree char *text = describe_year (2008, NULL);

  g_assert_nonnull (strstr (text, "05-01 Labour Day\n"));
  g_assert_nonnull (strstr (text, "05-01 Ascension Day\n"));
}

static void
test_alsace_moselle (void)
{
  static const char * const departments[] = { "57", "67", "68" };

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_autoptr(GArray) holidays = fd_holidays_for_year (2026, departments[i]);
      g_autofree char *text = describe_year (2026, departments[i]);
      g_autofree char *text_2027 = describe_year (2027, departments[i]);

      g_assert_cmpuint (holidays->len, ==, 13);
      g_assert_nonnull (strstr (text, "04-03 Good Friday *\n04-06 Easter Monday\n"));
      g_assert_true (g_str_has_suffix (text, "12-25 Christmas Day\n12-26 St Stephen’s Day *\n"));
      g_assert_nonnull (strstr (text_2027, "03-26 Good Friday *\n"));
      g_assert_null (strstr (text, "Abolition"));
    }

  /* Neighbours have neither */
  {
    g_autofree char *text = describe_year (2026, "54");

    g_assert_null (strstr (text, "Good Friday"));
    g_assert_null (strstr (text, "St Stephen"));
  }
}

static void
test_overseas (void)
{
  static const struct
  {
    const char *department;
    const char *day;
  } overseas[] = {
    { "971", "05-27" }, { "972", "05-22" }, { "973", "06-10" }, { "974", "12-20" },
    { "976", "04-27" }, { "977", "10-09" }, { "978", "05-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (overseas); i++)
    {
      g_autoptr(GArray) holidays = fd_holidays_for_year (2026, overseas[i].department);
      g_autofree char *text = describe_year (2026, overseas[i].department);
      g_autofree char *line = g_strdup_printf ("%s Abolition of Slavery *\n", overseas[i].day);

      g_assert_cmpuint (holidays->len, ==, 12);
      g_assert_nonnull (strstr (text, line));
      g_assert_null (strstr (text, "Good Friday"));

      /* Only its own day */
      for (guint j = 0; j < G_N_ELEMENTS (overseas); j++)
        if (j != i && strcmp (overseas[j].day, overseas[i].day) != 0)
          {
            g_autofree char *other = g_strdup_printf ("%s Abolition", overseas[j].day);

            g_assert_null (strstr (text, other));
          }
    }

  /* Saint-Pierre-et-Miquelon has no such day */
  {
    g_autoptr(GArray) holidays = fd_holidays_for_year (2026, "975");

    g_assert_cmpuint (holidays->len, ==, 11);
  }
}

static void
test_name (void)
{
  static const struct
  {
    const char *date;
    const char *department;
    const char *name;
  } cases[] = {
    { "2026-05-14", NULL, "Ascension Day" },
    { "2026-05-15", NULL, NULL },
    { "2026-04-05", NULL, NULL }, /* Easter Sunday is a Sunday, not a holiday */
    { "2026-04-03", "75", NULL },
    { "2026-04-03", "67", "Good Friday" },
    { "2026-12-26", "57", "St Stephen’s Day" },
    { "2026-12-26", "974", NULL },
    { "2026-12-20", "974", "Abolition of Slavery" },
    { "2026-12-20", "971", NULL },
    { "2026-07-14", "2A", "Bastille Day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      parse_day (cases[i].date, &date);
      g_assert_cmpstr (fd_holiday_name (&date, cases[i].department), ==, cases[i].name);
    }
}

static void
test_in_range (void)
{
  g_autoptr(GArray) holidays = NULL;
  g_autoptr(GArray) empty = NULL;
  GDate first;
  GDate last;

  /* A week page across the new year, in Moselle */
  parse_day ("2026-12-24", &first);
  parse_day ("2027-01-02", &last);
  holidays = fd_holidays_in_range (&first, &last, "57");
  g_assert_cmpuint (holidays->len, ==, 3);
  g_assert_cmpstr (g_array_index (holidays, FdHoliday, 0).name, ==, "Christmas Day");
  g_assert_cmpstr (g_array_index (holidays, FdHoliday, 1).name, ==, "St Stephen’s Day");
  g_assert_cmpstr (g_array_index (holidays, FdHoliday, 2).name, ==, "New Year’s Day");
  g_assert_cmpint (g_date_get_year (&g_array_index (holidays, FdHoliday, 2).date), ==, 2027);

  /* Backwards: nothing */
  empty = fd_holidays_in_range (&last, &first, "57");
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_postal_codes (void)
{
  static const struct
  {
    const char *postal_code;
    const char *department;
  } cases[] = {
    { "75001", "75" },
    { "57000", "57" },
    { "67000", "67" },
    { "68100", "68" },
    { "01000", "01" },
    { "97411", "974" },
    { "97200", "972" },
    { "97600", "976" },
    { "97133", "977" }, /* Saint-Barthélemy */
    { "97150", "978" }, /* Saint-Martin */
    { "97110", "971" },
    { "98800", "988" },
    { "20000", "2A" },
    { "20167", "2A" },
    { "20200", "2B" },
    { "20600", "2B" },
    { " 67 000 ", "67" },
    /* Bad input: national holidays only */
    { NULL, NULL },
    { "", NULL },
    { "   ", NULL },
    { "abcde", NULL },
    { "6700", NULL },
    { "670000", NULL },
    { "00100", NULL },
    { "96000", NULL },
    { "99000", NULL },
    { "2A000", NULL },
    { "67-00", NULL },
    { "6700\xc3\xa9", NULL },
    { "\xff\xfe\xfd\xfc\xfb", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *department = fd_department_from_postal_code (cases[i].postal_code);

      g_assert_cmpstr (department, ==, cases[i].department);
    }
}

static void
test_department_parse (void)
{
  static const struct
  {
    const char *text;
    const char *department;
  } cases[] = {
    { "57", "57" },
    { "01", "01" },
    { "95", "95" },
    { "2a", "2A" },
    { "2B", "2B" },
    { " 974 ", "974" },
    { "971", "971" },
    { "978", "978" },
    { "987", "987" },
    { "97411", "974" },
    { "57000", "57" },
    { NULL, NULL },
    { "", NULL },
    { "00", NULL },
    { "20", NULL },
    { "96", NULL },
    { "1", NULL },
    { "970", NULL },
    { "979", NULL },
    { "985", NULL },
    { "2C", NULL },
    { "Moselle", NULL },
    { "5x", NULL },
    { "-57", NULL },
    { "9741", NULL },
    { "974110", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *department = fd_department_parse (cases[i].text);

      g_assert_cmpstr (department, ==, cases[i].department);
    }
}

static char *
check_slot (FdDatabase *db,
            const char *place,
            const char *start_at)
{
  g_autoptr(GError) error = NULL;
  char *name = (char *) "unset";

  g_assert_true (fd_holidays_check_slot (db, place, start_at, &name, &error));
  g_assert_no_error (error);

  return name;
}

static void
test_check_slot (CoreFixture   *fixture,
                 gconstpointer  user_data)
{
  FdDatabase *db = fixture->db;
  g_autofree char *strasbourg = core_create (db, "place", "name", "Strasbourg",
                                             "postal_code", "67000", NULL);
  g_autofree char *reunion = core_create (db, "place", "name", "Saint-Denis",
                                          "postal_code", "97400", "time_zone", "Indian/Reunion",
                                          NULL);
  g_autofree char *paris = core_create (db, "place", "name", "Paris", "postal_code", "75011",
                                        NULL);
  g_autofree char *nowhere = core_create (db, "place", "name", "Sans adresse", NULL);
  g_autofree char *gone = core_create (db, "place", "name", "Metz", "postal_code", "57000", NULL);
  static const struct
  {
    int place;
    const char *start_at;
    const char *name;
  } cases[] = {
    { 0, "2026-12-26T09:00", "St Stephen’s Day" },
    { 0, "2026-04-03T14:00", "Good Friday" },
    { 0, "2026-04-02T14:00", NULL },
    { 1, "2026-12-20T08:30", "Abolition of Slavery" },
    { 1, "2026-12-26T08:30", NULL },
    { 2, "2026-12-26T09:00", NULL },
    { 2, "2026-05-14T09:00", "Ascension Day" },
    { 2, "2026-05-14", "Ascension Day" },
    { 3, "2026-05-01T09:00", "Labour Day" },
    { 3, "2026-12-26T09:00", NULL },
    { 4, "2026-12-26T09:00", NULL }, /* deleted: national only */
    { 5, "2026-12-26T09:00", NULL }, /* no such place */
    { 6, "2026-11-11T09:00", "Armistice Day" }, /* no place */
  };
  const char *places[] = { strasbourg, reunion, paris, nowhere, gone, "no-such-place", NULL };

  core_delete (db, "place", gone);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = check_slot (db, places[cases[i].place], cases[i].start_at);

      g_assert_cmpstr (name, ==, cases[i].name);
    }

  /* The name is optional */
  g_assert_true (fd_holidays_check_slot (db, paris, "2026-05-14T09:00", NULL, NULL));

  /* A place's department, whose holidays a page filtered by it shows */
  {
    const struct
    {
      const char *place;
      const char *department;
    } departments[] = {
      { strasbourg, "67" }, { reunion, "974" }, { paris, "75" }, { nowhere, NULL },
      { gone, NULL }, { "no-such-place", NULL }, { NULL, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *department = fd_database_dup_place_department (db, departments[i].place,
                                                                        &error);

        g_assert_no_error (error);
        g_assert_cmpstr (department, ==, departments[i].department);
      }
  }
}

static void
test_check_slot_bad_input (CoreFixture   *fixture,
                           gconstpointer  user_data)
{
  static const char * const starts[] = {
    NULL, "", "tomorrow", "2026-02-30T09:00", "2026-13-01T09:00", "14/05/2026 09:00",
    "2026-05-14T25:00", "2026-05-14T09:00Z", "\xff\xfe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autoptr(GError) error = NULL;
      char *name = (char *) "unset";

      g_assert_false (fd_holidays_check_slot (fixture->db, NULL, starts[i], &name, &error));
      g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
      g_assert_null (name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/holidays/easter/known", test_easter_known);
  g_test_add_func ("/holidays/easter/every-year", test_easter_every_year);
  g_test_add_func ("/holidays/easter/out-of-range", test_easter_out_of_range);
  g_test_add_func ("/holidays/national", test_national);
  g_test_add_func ("/holidays/same-day", test_same_day);
  g_test_add_func ("/holidays/alsace-moselle", test_alsace_moselle);
  g_test_add_func ("/holidays/overseas", test_overseas);
  g_test_add_func ("/holidays/name", test_name);
  g_test_add_func ("/holidays/in-range", test_in_range);
  g_test_add_func ("/holidays/postal-codes", test_postal_codes);
  g_test_add_func ("/holidays/department-parse", test_department_parse);
  g_test_add ("/holidays/check-slot", CoreFixture, NULL, core_fixture_set_up, test_check_slot,
              core_fixture_tear_down);
  g_test_add ("/holidays/check-slot/bad-input", CoreFixture, NULL, core_fixture_set_up,
              test_check_slot_bad_input, core_fixture_tear_down);

  return g_test_run ();
}
