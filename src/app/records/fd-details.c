/* fd-details.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-details"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fd-details.h"

static gboolean
parse_date (const char *iso,
            int        *year,
            int        *month,
            int        *day)
{
  return iso != NULL && sscanf (iso, "%d-%d-%d", year, month, day) == 3;
}

/* Shows @value as the subtitle of @row, or hides the row when there is
 * nothing to show. */
void
fd_details_set_row (AdwActionRow *row,
                    const char   *value)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  adw_action_row_set_subtitle (row, value != NULL ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && *value != '\0');
}

void
fd_details_set_row_take (AdwActionRow *row,
                         char         *value)
{
  g_autofree char *owned = value;

  fd_details_set_row (row, owned);
}

/* Replaces the content of @store by @items (may be %NULL) in one
 * items-changed emission. */
void
fd_details_replace (GListStore *store,
                    GPtrArray  *items)
{
  g_return_if_fail (G_IS_LIST_STORE (store));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items != NULL ? items->pdata : NULL,
                       items != NULL ? items->len : 0);
}

/* « 3 », or « 1er » for the first of the month in French, as
 * fd_format_date_long() writes it */
static char *
format_day (int day)
{
  if (day == 1)
    /* Translators: the first day of a month in a date written in full
     * ("Sunday 1 March 2026"); French writes "1er" */
    return g_strdup (C_("day of month", "1"));

  return g_strdup_printf ("%d", day);
}

/* « 3–7 mars 2026 », « 30 mars 2026 – 3 avril 2026 », « 3 mars 2026 » */
char *
fd_details_format_date_range (const char *start_date,
                              const char *end_date)
{
  g_autofree char *start_month = NULL;
  g_autofree char *end_month = NULL;
  g_autofree char *start_day = NULL;
  g_autofree char *end_day = NULL;
  int sy, sm, sd;
  int ey, em, ed;

  if (!parse_date (start_date, &sy, &sm, &sd))
    return NULL;

  start_month = fd_format_month_year (sy, sm);
  start_day = format_day (sd);

  if (!parse_date (end_date, &ey, &em, &ed) || (ey == sy && em == sm && ed == sd))
    /* Translators: a single day, « 3 mars 2026 »: %1$s is the day of the
     * month (« 1er » for the first), %2$s the month and year */
    return g_strdup_printf (C_("date range", "%1$s %2$s"), start_day, start_month);

  end_day = format_day (ed);

  if (ey == sy && em == sm)
    /* Translators: days of one month, « 3–7 mars 2026 »: %1$s and %2$s are
     * the first and last days, %3$s the month and year */
    return g_strdup_printf (C_("date range", "%1$s–%2$s %3$s"), start_day, end_day, start_month);

  end_month = fd_format_month_year (ey, em);

  if (ey == sy)
    {
      g_autofree char *year = g_strdup_printf (" %d", sy);

      /* Within one year, the first month is written without the year where
       * the translation puts the year last (English, French). */
      if (g_str_has_suffix (start_month, year))
        start_month[strlen (start_month) - strlen (year)] = '\0';
    }

  /* Translators: a range of days over two months, « 30 mars – 3 avril
   * 2026 » or « 28 décembre 2026 – 3 janvier 2027 »: %1$s and %3$s are
   * days of the month, %2$s and %4$s months */
  return g_strdup_printf (C_("date range", "%1$s %2$s – %3$s %4$s"),
                          start_day, start_month, end_day, end_month);
}

/* « 1 482 », “1,482”: the same separator of thousands as amounts of money,
 * from our translation, so that it is right even in the C locale. */
char *
fd_details_format_count (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *str = g_string_new (NULL);
  /* Translators: the separator of thousands, as in "1,710.00" */
  const char *group = C_("money", ",");
  gsize n_digits = strlen (digits);

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (str, group);
      g_string_append_c (str, digits[i]);
    }

  return g_string_free (str, FALSE);
}

/* Joins the non-empty strings of the %NULL-terminated list with
 * @separator; returns %NULL when all are empty. */
char *
fd_details_join (const char *separator,
                 ...)
{
  g_autoptr(GString) str = g_string_new (NULL);
  const char *part;
  va_list args;

  va_start (args, separator);
  while ((part = va_arg (args, const char *)) != NULL)
    {
      if (*part == '\0')
        continue;

      if (str->len > 0)
        g_string_append (str, separator);
      g_string_append (str, part);
    }
  va_end (args);

  if (str->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static const char *
or_empty (const char *str)
{
  return str != NULL ? str : "";
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), or_empty (title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), or_empty (subtitle));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  return row;
}

/* A row for an #FdSlot of a list box bound to a model; @user_data is
 * %TRUE to name the session (a trainer's agenda) instead of the trainers
 * (a session's slots). */
GtkWidget *
fd_details_create_slot_row (gpointer item,
                            gpointer user_data)
{
  FdSlot *slot = item;
  gboolean show_session = GPOINTER_TO_INT (user_data);
  g_autofree char *date = NULL;
  g_autofree char *times = NULL;
  g_autofree char *place = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *session = NULL;
  const char *start_at;

  g_assert (FD_IS_SLOT (slot));

  start_at = fd_slot_get_start_at (slot);
  date = fd_format_date_long (start_at);
  times = fd_format_time_range (start_at, fd_slot_get_end_at (slot));
  place = fd_details_join (", ",
                           or_empty (fd_slot_get_place_name (slot)),
                           or_empty (fd_slot_get_room_name (slot)),
                           NULL);

  if (show_session)
    {
      session = fd_details_join (" ",
                                 or_empty (fd_slot_get_session_code (slot)),
                                 or_empty (fd_slot_get_session_label (slot)),
                                 NULL);
      subtitle = fd_details_join (" · ",
                                  or_empty (times),
                                  or_empty (session),
                                  or_empty (place),
                                  NULL);
    }
  else
    {
      subtitle = fd_details_join (" · ",
                                  or_empty (times),
                                  or_empty (place),
                                  or_empty (fd_slot_get_trainer_names (slot)),
                                  NULL);
    }

  return new_row (date, subtitle);
}

/* A row for an #FdEnrollment; @user_data is %TRUE to name the session
 * (a candidate's enrollments) instead of the trainee (a session's). */
GtkWidget *
fd_details_create_enrollment_row (gpointer item,
                                  gpointer user_data)
{
  FdEnrollment *enrollment = item;
  gboolean show_session = GPOINTER_TO_INT (user_data);
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  g_assert (FD_IS_ENROLLMENT (enrollment));

  if (show_session)
    {
      title = fd_details_join (" ",
                               or_empty (fd_enrollment_get_session_code (enrollment)),
                               or_empty (fd_enrollment_get_session_label (enrollment)),
                               NULL);
      date = fd_format_date_long (fd_enrollment_get_start_date (enrollment));
    }
  else
    {
      title = g_strdup (fd_enrollment_get_trainee_name (enrollment));
    }

  subtitle = fd_details_join (" · ",
                              or_empty (date),
                              or_empty (fd_format_enrollment_status (fd_enrollment_get_status (enrollment))),
                              or_empty (fd_format_funder (fd_enrollment_get_funder (enrollment))),
                              NULL);

  return new_row (title, subtitle);
}
