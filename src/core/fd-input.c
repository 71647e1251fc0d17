/* fd-input.c — dates and times as users type them
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-input"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include "fd-input.h"

#include "fd-format.h"
#include "fd-validate.h"

/* Reads up to @max_digits digits at *@p; -1 if there are none */
static int
read_number (const char **p,
             guint        max_digits)
{
  int value = 0;
  guint n = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  return n > 0 ? value : -1;
}

static char *
make_date (int year,
           int month,
           int day)
{
  g_autofree char *iso = NULL;

  if (year < 0 || month < 1 || day < 1)
    return NULL;

  /* Two digits are this century's years */
  if (year < 100)
    year += 2000;

  iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  return fd_validate_date (iso) ? g_steal_pointer (&iso) : NULL;
}

/**
 * fd_input_parse_date:
 * @text: (nullable): what the user typed: "03/03/2026", "3/3/26",
 *   "03.03.2026" (day first, as fd_format_date_short() writes dates) or
 *   "2026-03-03"
 *
 * Returns: (transfer full) (nullable): the ISO date, "2026-03-03", or
 *   %NULL if @text is not a real date
 */
char *
fd_input_parse_date (const char *text)
{
  g_autofree char *stripped = NULL;
  const char *p;
  int first;
  int second;
  int third;
  gboolean year_first;
  char separator;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  first = read_number (&p, 4);
  year_first = p - stripped == 4;
  if (first < 0 || (*p != '/' && *p != '-' && *p != '.'))
    return NULL;
  separator = *p++;
  second = read_number (&p, 2);
  if (second < 0 || *p != separator)
    return NULL;
  p++;
  third = read_number (&p, 4);
  if (third < 0 || *p != '\0')
    return NULL;

  /* Year first only in ISO order: 2026-03-03 */
  if (year_first)
    return make_date (first, second, third);

  return make_date (third, second, first);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * fd_input_parse_dates:
 * @text: (nullable): dates separated by commas, semicolons or spaces
 * @bad_part: (out) (optional) (transfer full): where to store the first
 *   part that is not a date, when there is one
 *
 * Returns: (transfer full) (nullable): the ISO dates, sorted, each once,
 *   or %NULL when @text holds no date or a part that is not a date
 */
GStrv
fd_input_parse_dates (const char  *text,
                           char       **bad_part)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  if (bad_part != NULL)
    *bad_part = NULL;

  if (text == NULL)
    return NULL;

  parts = g_strsplit_set (text, ",; \t\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *date;
      gboolean seen = FALSE;

      if (*parts[i] == '\0')
        continue;

      date = fd_input_parse_date (parts[i]);
      if (date == NULL)
        {
          if (bad_part != NULL)
            *bad_part = g_strdup (parts[i]);
          return NULL;
        }

      for (guint j = 0; j < dates->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (dates, j), date);
      if (seen)
        g_free (date);
      else
        g_ptr_array_add (dates, date);
    }

  if (dates->len == 0)
    return NULL;

  g_ptr_array_sort (dates, compare_strings);
  g_ptr_array_add (dates, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&dates), FALSE);
}

/**
 * fd_input_parse_time:
 * @text: (nullable): a time: "09:00", "9:00", "9h", "9h30", "0930", "9"
 *
 * Returns: (transfer full) (nullable): the time as "HH:MM", or %NULL if
 *   @text is not a time of day
 */
char *
fd_input_parse_time (const char *text)
{
  g_autofree char *stripped = NULL;
  const char *p;
  int hours;
  int minutes = 0;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  /* "0930": four digits without a separator */
  if (strlen (p) == 4 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
      g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
    {
      hours = (p[0] - '0') * 10 + (p[1] - '0');
      minutes = (p[2] - '0') * 10 + (p[3] - '0');
    }
  else
    {
      hours = read_number (&p, 2);
      if (hours < 0)
        return NULL;
      if (*p == ':' || *p == 'h' || *p == 'H' || *p == '.')
        {
          p++;
          if (*p != '\0')
            {
              const char *start = p;

              minutes = read_number (&p, 2);
              if (minutes < 0 || p - start != 2)
                return NULL;
            }
        }
      if (*p != '\0')
        return NULL;
    }

  if (hours > 23 || minutes > 59)
    return NULL;

  return g_strdup_printf ("%02d:%02d", hours, minutes);
}

/**
 * fd_input_format_dates:
 * @iso_dates: (array zero-terminated=1): ISO dates
 *
 * Returns: (transfer full): the dates as fd_input_parse_dates()
 *   reads them back, "03/03/2026, 10/03/2026"
 */
char *
fd_input_format_dates (const char * const *iso_dates)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; iso_dates != NULL && iso_dates[i] != NULL; i++)
    {
      g_autofree char *date = fd_format_date_short (iso_dates[i]);

      if (date == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, date);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * fd_input_parse_money:
 * @text: (nullable): an amount of euros as typed: "1290", "1 290,50 €",
 *   "€1,290.50", "12.5"
 * @cents: (out): where to store the amount in cents
 *
 * The last comma or point followed by one or two digits is the decimal
 * separator, whatever the language; other commas, points and spaces group
 * thousands. Negative amounts are refused.
 *
 * Returns: whether @text is an amount
 */
gboolean
fd_input_parse_money (const char *text,
                      gint64     *cents)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *decimal = NULL;
  const char *p;
  gint64 units;
  gint64 fraction = 0;
  guint n_digits = 0;

  g_return_val_if_fail (cents != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  /* The decimal separator: the last ',' or '.', if 1 or 2 digits follow */
  for (p = text; *p != '\0'; p++)
    if (*p == ',' || *p == '.')
      decimal = p;
  if (decimal != NULL)
    {
      const char *q = decimal + 1;
      guint n = 0;

      while (g_ascii_isdigit (*q))
        {
          q++;
          n++;
        }
      while (*q != '\0' && (g_unichar_isspace (g_utf8_get_char (q)) || g_str_has_prefix (q, "€")))
        q = g_utf8_next_char (q);
      if (*q != '\0' || n == 0 || n > 2)
        decimal = NULL;
    }

  for (p = text; *p != '\0' && p != decimal; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          n_digits++;
        }
      else if (c == ',' || c == '.' || c == '\'' || g_unichar_isspace (c) || c == 0x202F ||
               c == 0x00A0 || c == 0x20AC /* € */)
        continue;
      else
        return FALSE;
    }

  if (n_digits == 0 || n_digits > 13)
    return FALSE;
  units = g_ascii_strtoll (digits->str, NULL, 10);

  if (decimal != NULL)
    {
      fraction = (decimal[1] - '0') * 10;
      if (g_ascii_isdigit (decimal[2]))
        fraction += decimal[2] - '0';
    }

  *cents = units * 100 + fraction;

  return TRUE;
}

/**
 * fd_input_format_money:
 * @cents: an amount in cents
 *
 * Returns: (transfer full): @cents as an entry shows it for editing, with
 *   the language's decimal separator and no currency: "1290,50"
 */
char *
fd_input_format_money (gint64 cents)
{
  guint64 magnitude = cents < 0 ? 0 - (guint64) cents : (guint64) cents;

  /* The same separator as fd_format_money()'s */
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%02u", cents < 0 ? "-" : "",
                          magnitude / 100, C_("money", "."), (guint) (magnitude % 100));
}
