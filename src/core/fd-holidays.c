/* fd-holidays.c — French public holidays, by department
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-holidays"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-holidays.h"

#include "fd-database-private.h"
#include "fd-validate.h"

#include <string.h>

/*
 * Auditors reject attendance dated on a public holiday (DOMAIN.md), so the
 * calendar marks them and asks before a slot is planned on one. The list is
 * the law as it stands (Code du travail L3133-1, the Alsace-Moselle local
 * law L3134-13, and decree 83-1003 for the abolition of slavery overseas),
 * applied to every year: it is not a history of when each holiday began.
 *
 * The Pacific collectivities (986 to 988) have labour codes of their own and
 * are not covered: they get the national list, as any other department.
 */

typedef enum
{
  /* A fixed day of the year */
  FIXED,
  /* Days after Easter Sunday (negative: before) */
  EASTER,
} Rule;

typedef struct
{
  Rule rule;
  int month; /* FIXED */
  int day;   /* FIXED: the day of the month; EASTER: the offset */
  const char *name;
} HolidaySpec;

static const HolidaySpec national[] = {
  { FIXED, 1, 1, N_("New Year’s Day") },
  { EASTER, 0, 1, N_("Easter Monday") },
  { FIXED, 5, 1, N_("Labour Day") },
  { FIXED, 5, 8, N_("Victory in Europe Day") },
  { EASTER, 0, 39, N_("Ascension Day") },
  { EASTER, 0, 50, N_("Whit Monday") },
  { FIXED, 7, 14, N_("Bastille Day") },
  { FIXED, 8, 15, N_("Assumption Day") },
  { FIXED, 11, 1, N_("All Saints’ Day") },
  { FIXED, 11, 11, N_("Armistice Day") },
  { FIXED, 12, 25, N_("Christmas Day") },
};

static const HolidaySpec alsace_moselle[] = {
  { EASTER, 0, -2, N_("Good Friday") },
  { FIXED, 12, 26, N_("St Stephen’s Day") },
};

static const char * const alsace_moselle_departments[] = { "57", "67", "68" };

#define ABOLITION N_("Abolition of Slavery")

/* Decree 83-1003, as amended: the day each overseas department (and the
 * two collectivities of the Antilles) commemorates the abolition. */
static const struct
{
  const char *department;
  int month;
  int day;
} abolitions[] = {
  { "971", 5, 27 }, /* Guadeloupe */
  { "972", 5, 22 }, /* Martinique */
  { "973", 6, 10 }, /* Guyane */
  { "974", 12, 20 }, /* La Réunion */
  { "976", 4, 27 }, /* Mayotte */
  { "977", 10, 9 }, /* Saint-Barthélemy */
  { "978", 5, 28 }, /* Saint-Martin */
};

static gboolean
is_valid_year (int year)
{
  return year >= FD_HOLIDAYS_FIRST_YEAR && year <= FD_HOLIDAYS_LAST_YEAR;
}

static gboolean
is_alsace_moselle (const char *department)
{
  for (guint i = 0; department != NULL && i < G_N_ELEMENTS (alsace_moselle_departments); i++)
    if (g_str_equal (department, alsace_moselle_departments[i]))
      return TRUE;

  return FALSE;
}

static void
append_holiday (GArray           *holidays,
                const HolidaySpec *spec,
                const GDate       *easter,
                int                year,
                gboolean           regional)
{
  FdHoliday holiday = { { 0, }, _(spec->name), regional };

  g_date_clear (&holiday.date, 1);
  if (spec->rule == FIXED)
    {
      g_date_set_dmy (&holiday.date, (GDateDay) spec->day, (GDateMonth) spec->month,
                      (GDateYear) year);
    }
  else
    {
      holiday.date = *easter;
      if (spec->day >= 0)
        g_date_add_days (&holiday.date, (guint) spec->day);
      else
        g_date_subtract_days (&holiday.date, (guint) -spec->day);
    }

  g_array_append_val (holidays, holiday);
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  return g_date_compare (&((const FdHoliday *) a)->date, &((const FdHoliday *) b)->date);
}

/* Removes spaces ("97 411"); NULL for NULL */
static char *
strip_spaces (const char *text)
{
  GString *stripped;

  if (text == NULL)
    return NULL;

  stripped = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (stripped, *p);

  return g_string_free (stripped, FALSE);
}

/**
 * fd_holidays_easter:
 * @year: a year from %FD_HOLIDAYS_FIRST_YEAR to %FD_HOLIDAYS_LAST_YEAR
 * @date: (out caller-allocates): where to store Easter Sunday
 *
 * Easter Sunday of the Gregorian calendar, by the anonymous computus
 * (Meeus, Jones and Butcher): integer arithmetic only.
 *
 * Returns: %FALSE for a year out of range (@date is then cleared)
 */
gboolean
fd_holidays_easter (int    year,
                    GDate *date)
{
  int a, b, c, d, e, f, g, h, i, k, l, m, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (!is_valid_year (year))
    return FALSE;

  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/**
 * fd_holidays_for_year:
 * @year: a year
 * @department: (nullable): a department as fd_department_parse() returns
 *   it ("57", "2A", "974"); %NULL for the national holidays only
 *
 * The public holidays of @year: the eleven national ones, plus Good Friday
 * and St Stephen's Day in Alsace-Moselle (57, 67, 68), plus the abolition
 * of slavery in an overseas department (971 to 974, 976) or in
 * Saint-Barthélemy (977) and Saint-Martin (978). An unknown department gets
 * the national list.
 *
 * Returns: (transfer full) (element-type FdHoliday): the holidays sorted
 *   by date; empty for a year out of range
 */
GArray *
fd_holidays_for_year (int         year,
                      const char *department)
{
  GArray *holidays = g_array_sized_new (FALSE, FALSE, sizeof (FdHoliday), 14);
  GDate easter;

  if (!fd_holidays_easter (year, &easter))
    return holidays;

  for (guint i = 0; i < G_N_ELEMENTS (national); i++)
    append_holiday (holidays, &national[i], &easter, year, FALSE);

  if (is_alsace_moselle (department))
    for (guint i = 0; i < G_N_ELEMENTS (alsace_moselle); i++)
      append_holiday (holidays, &alsace_moselle[i], &easter, year, TRUE);

  for (guint i = 0; department != NULL && i < G_N_ELEMENTS (abolitions); i++)
    {
      if (g_str_equal (department, abolitions[i].department))
        {
          HolidaySpec spec = { FIXED, abolitions[i].month, abolitions[i].day, ABOLITION };

          append_holiday (holidays, &spec, &easter, year, TRUE);
        }
    }

  g_array_sort (holidays, compare_holidays);

  return holidays;
}

/**
 * fd_holidays_in_range:
 * @first: the first day
 * @last: the last day, included
 * @department: (nullable): a department, as for fd_holidays_for_year()
 *
 * The holidays of a calendar page, which may span a new year.
 *
 * Returns: (transfer full) (element-type FdHoliday): the holidays from
 *   @first to @last, sorted; empty when @last comes before @first
 */
GArray *
fd_holidays_in_range (const GDate *first,
                      const GDate *last,
                      const char  *department)
{
  GArray *holidays;

  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  holidays = g_array_new (FALSE, FALSE, sizeof (FdHoliday));

  for (int year = g_date_get_year (first); year <= g_date_get_year (last); year++)
    {
      g_autoptr(GArray) of_year = fd_holidays_for_year (year, department);

      for (guint i = 0; i < of_year->len; i++)
        {
          const FdHoliday *holiday = &g_array_index (of_year, FdHoliday, i);

          if (g_date_compare (&holiday->date, first) >= 0 &&
              g_date_compare (&holiday->date, last) <= 0)
            g_array_append_val (holidays, *holiday);
        }
    }

  return holidays;
}

/**
 * fd_holiday_name:
 * @date: a day
 * @department: (nullable): a department, as for fd_holidays_for_year()
 *
 * Returns: (transfer none) (nullable): the translated name of the holiday
 *   on @date in @department, or %NULL if it is a working day
 */
const char *
fd_holiday_name (const GDate *date,
                 const char  *department)
{
  g_autoptr(GArray) holidays = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  holidays = fd_holidays_for_year (g_date_get_year (date), department);
  for (guint i = 0; i < holidays->len; i++)
    {
      const FdHoliday *holiday = &g_array_index (holidays, FdHoliday, i);

      if (g_date_compare (&holiday->date, date) == 0)
        return holiday->name;
    }

  return NULL;
}

/**
 * fd_department_from_postal_code:
 * @postal_code: (nullable): a French postal code, "97411"; spaces are
 *   ignored
 *
 * The department of a postal code: its first two digits ("57000" → "57"),
 * three overseas ("97411" → "974"), "2A" or "2B" in Corsica (20000 to
 * 20199 are Corse-du-Sud, the rest Haute-Corse). Saint-Barthélemy (97133)
 * and Saint-Martin (97150) share Guadeloupe's postal prefix but are
 * collectivities of their own: "977" and "978".
 *
 * Returns: (transfer full) (nullable): the department, or %NULL for
 *   %NULL or text that is not a French postal code
 */
char *
fd_department_from_postal_code (const char *postal_code)
{
  g_autofree char *code = strip_spaces (postal_code);

  if (code == NULL || !fd_validate_postal_code (code))
    return NULL;

  if (g_str_equal (code, "97133"))
    return g_strdup ("977");
  if (g_str_equal (code, "97150"))
    return g_strdup ("978");

  if (code[0] == '9' && (code[1] == '7' || code[1] == '8'))
    return g_strndup (code, 3);

  if (code[0] == '2' && code[1] == '0')
    return g_strdup (code[2] < '2' ? "2A" : "2B");

  return g_strndup (code, 2);
}

/**
 * fd_department_parse:
 * @text: (nullable): what a user typed: a department ("57", "2a", "974")
 *   or a postal code ("97411")
 *
 * Returns: (transfer full) (nullable): the department, as
 *   fd_holidays_for_year() takes it, or %NULL if @text is neither a
 *   department (01 to 95 but 20, 2A, 2B, 971 to 978, 986 to 988) nor a
 *   postal code
 */
char *
fd_department_parse (const char *text)
{
  g_autofree char *code = strip_spaces (text);
  gsize length;

  if (code == NULL)
    return NULL;

  length = strlen (code);
  if (length == 5)
    return fd_department_from_postal_code (code);

  if (length == 2 && code[0] == '2' && (code[1] == 'A' || code[1] == 'a' || code[1] == 'B' ||
                                        code[1] == 'b'))
    return g_ascii_strup (code, -1);

  if ((length == 2 || length == 3) && g_ascii_isdigit (code[0]) && g_ascii_isdigit (code[1]) &&
      (length == 2 || g_ascii_isdigit (code[2])))
    {
      int number = (int) g_ascii_strtoll (code, NULL, 10);

      if (length == 2 && number >= 1 && number <= 95 && number != 20)
        return g_steal_pointer (&code);
      if (length == 3 && ((number >= 971 && number <= 978) || (number >= 986 && number <= 988)))
        return g_steal_pointer (&code);
    }

  return NULL;
}

/**
 * fd_database_dup_place_department:
 * @database: a #FdDatabase
 * @place_id: (nullable): a place
 * @error: return location for a #GError, set only when the database
 *   cannot be read
 *
 * The department whose public holidays a place keeps, from its postal
 * code.
 *
 * Returns: (transfer full) (nullable): "57", "974", or %NULL for a
 *   missing, deleted or unknown place, or one without a postal code (the
 *   national holidays only)
 */
char *
fd_database_dup_place_department (FdDatabase  *database,
                                  const char  *place_id,
                                  GError     **error)
{
  static const char sql[] = "SELECT postal_code FROM place WHERE id = ?1 AND deleted = 0";
  char *department = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (place_id == NULL)
    return NULL;

  stmt = _fd_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, place_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    department = fd_department_from_postal_code ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _fd_database_set_error (database, error, sql);

  return department;
}

/**
 * fd_holidays_check_slot:
 * @database: a #FdDatabase
 * @place_id: (nullable): the slot's place, whose postal code gives the
 *   department; %NULL (or a place that no longer exists, or one without a
 *   valid postal code) for the national holidays only
 * @start_at: the slot's local start, "2026-05-14T09:00"
 * @holiday_name: (out) (transfer full) (optional) (nullable): where to
 *   store the translated name of the holiday, %NULL on a working day
 * @error: return location for a #GError
 *
 * Whether a slot proposed at @place_id on the day of @start_at falls on one
 * of that place's public holidays: planning one should ask first, since
 * auditors reject attendance dated on a public holiday.
 *
 * Returns: %TRUE if the question could be answered (look at
 *   @holiday_name); %FALSE with @error set: %FD_VALIDATION_ERROR_INVALID
 *   naming `start_at` for a date that is not valid, or a database error
 */
gboolean
fd_holidays_check_slot (FdDatabase  *database,
                        const char  *place_id,
                        const char  *start_at,
                        char       **holiday_name,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *department = NULL;
  const char *name;
  GDate date;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (holiday_name != NULL)
    *holiday_name = NULL;

  if (!fd_validate_date_time (start_at) && !fd_validate_date (start_at))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "start_at",
                          _("The start is not a valid date and time."));
      return FALSE;
    }

  department = fd_database_dup_place_department (database, place_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_ascii_strtoull (start_at + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (start_at + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (start_at, NULL, 10));

  name = fd_holiday_name (&date, department);
  if (holiday_name != NULL)
    *holiday_name = g_strdup (name);

  return TRUE;
}
