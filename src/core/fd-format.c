/* fd-format.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-format.h"

#include <string.h>

/*
 * Names, separators and patterns come from our own translation rather than
 * from the C library's locale: the tests and some desktops run in the C
 * locale with LANGUAGE=fr, and the C library would then print "Tuesday" and
 * "1,710.00" in a French interface.
 */

static const char * const month_names[] = {
  NC_("month", "January"),
  NC_("month", "February"),
  NC_("month", "March"),
  NC_("month", "April"),
  NC_("month", "May"),
  NC_("month", "June"),
  NC_("month", "July"),
  NC_("month", "August"),
  NC_("month", "September"),
  NC_("month", "October"),
  NC_("month", "November"),
  NC_("month", "December"),
};

/* Indexed by GDateWeekday - 1: Monday first */
static const char * const weekday_names[] = {
  NC_("weekday", "Monday"),
  NC_("weekday", "Tuesday"),
  NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"),
  NC_("weekday", "Friday"),
  NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

static const char * const weekday_abbrevs[] = {
  NC_("weekday abbreviation", "Mon"),
  NC_("weekday abbreviation", "Tue"),
  NC_("weekday abbreviation", "Wed"),
  NC_("weekday abbreviation", "Thu"),
  NC_("weekday abbreviation", "Fri"),
  NC_("weekday abbreviation", "Sat"),
  NC_("weekday abbreviation", "Sun"),
};

typedef struct
{
  const char *code;
  const char *label;
} Label;

static const Label session_statuses[] = {
  { "created", NC_("session status", "Created") },
  { "proposal_sent", NC_("session status", "Proposal sent") },
  { "confirmed", NC_("session status", "Confirmed") },
  { "in_progress", NC_("session status", "In progress") },
  { "completed", NC_("session status", "Completed") },
  { "cancelled", NC_("session status", "Cancelled") },
};

static const Label session_kinds[] = {
  /* Translators: a session run for one client company's employees */
  { "intra", NC_("session kind", "Intra-company") },
  /* Translators: a session open to trainees of several companies */
  { "inter", NC_("session kind", "Inter-company") },
};

static const Label trainer_kinds[] = {
  { "internal", NC_("trainer kind", "Internal") },
  { "external", NC_("trainer kind", "External") },
};

static const Label client_kinds[] = {
  { "individual", NC_("client kind", "Individual") },
  { "company", NC_("client kind", "Company") },
  /* Translators: a self-employed professional ("indépendant") */
  { "independent", NC_("client kind", "Self-employed") },
};

/* Acronyms and proper names of French funders are not translated. */
static const struct
{
  const char *code;
  const char *label;
  gboolean    translate;
} funders[] = {
  { "cpf", "CPF", FALSE },
  { "france_travail", "France Travail", FALSE },
  /* Translators: the trainee pays personally */
  { "self", NC_("funder", "Self-funded"), TRUE },
  { "opco", "OPCO", FALSE },
  { "fifpl", "FIFPL", FALSE },
  { "agefice", "AGEFICE", FALSE },
  /* Translators: the employer pays without a funding body */
  { "company", NC_("funder", "Employer"), TRUE },
};

static const Label enrollment_statuses[] = {
  { "planned", NC_("enrollment status", "Planned") },
  { "registered", NC_("enrollment status", "Registered") },
  { "confirmed", NC_("enrollment status", "Confirmed") },
  { "completed", NC_("enrollment status", "Completed") },
  { "withdrawn", NC_("enrollment status", "Withdrawn") },
  { "cancelled", NC_("enrollment status", "Cancelled") },
};

static const Label extranet_states[] = {
  { "none", NC_("extranet state", "Not invited") },
  { "invited", NC_("extranet state", "Invited") },
  { "active", NC_("extranet state", "Active") },
};

/* Returns the translated label of @code in @labels, or @code itself if it
 * is unknown (a newer database), so nothing stored is ever hidden. */
static const char *
lookup_label (const Label *labels,
              gsize        n_labels,
              const char  *context,
              const char  *code)
{
  if (code == NULL)
    return NULL;

  for (gsize i = 0; i < n_labels; i++)
    {
      if (g_str_equal (labels[i].code, code))
        return g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i].label);
    }

  return code;
}

/* Reads the date at the start of "2026-03-03" or "2026-03-03T09:00". */
static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  int year;
  int month;
  int day;

  g_assert (date != NULL);

  if (iso == NULL ||
      !g_ascii_isdigit (iso[0]) || !g_ascii_isdigit (iso[1]) ||
      !g_ascii_isdigit (iso[2]) || !g_ascii_isdigit (iso[3]) || iso[4] != '-' ||
      !g_ascii_isdigit (iso[5]) || !g_ascii_isdigit (iso[6]) || iso[7] != '-' ||
      !g_ascii_isdigit (iso[8]) || !g_ascii_isdigit (iso[9]) ||
      (iso[10] != '\0' && iso[10] != 'T' && iso[10] != ' '))
    return FALSE;

  year = g_ascii_digit_value (iso[0]) * 1000 + g_ascii_digit_value (iso[1]) * 100 +
         g_ascii_digit_value (iso[2]) * 10 + g_ascii_digit_value (iso[3]);
  month = g_ascii_digit_value (iso[5]) * 10 + g_ascii_digit_value (iso[6]);
  day = g_ascii_digit_value (iso[8]) * 10 + g_ascii_digit_value (iso[9]);

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

/* Reads the time of "2026-03-03T09:00", "2026-03-03 09:00" or "09:00". */
static gboolean
parse_time (const char *iso,
            int        *hour,
            int        *minute)
{
  const char *p;

  g_assert (hour != NULL);
  g_assert (minute != NULL);

  if (iso == NULL)
    return FALSE;

  p = strlen (iso) > 10 && (iso[10] == 'T' || iso[10] == ' ') ? iso + 11 : iso;

  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != ':' ||
      !g_ascii_isdigit (p[3]) || !g_ascii_isdigit (p[4]))
    return FALSE;

  *hour = g_ascii_digit_value (p[0]) * 10 + g_ascii_digit_value (p[1]);
  *minute = g_ascii_digit_value (p[3]) * 10 + g_ascii_digit_value (p[4]);

  return *hour < 24 && *minute < 60;
}

static const char *
get_month_name (int month)
{
  g_assert (month >= 1 && month <= 12);

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]);
}

/**
 * fd_format_phone:
 * @e164: (nullable): a number as stored, in E.164 ("+33612345678")
 *
 * French numbers are shown the way people write them, in pairs from the
 * trunk zero (« 06 12 34 56 78 »); other numbers are shown as stored.
 *
 * Returns: (transfer full) (nullable): the number to show, or %NULL for %NULL
 */
char *
fd_format_phone (const char *e164)
{
  GString *out;

  if (e164 == NULL)
    return NULL;

  if (!g_str_has_prefix (e164, "+33") || strlen (e164) != 12 ||
      strspn (e164 + 3, "0123456789") != 9)
    return g_strdup (e164);

  out = g_string_new ("0");
  g_string_append_c (out, e164[3]);
  for (guint i = 4; i < 12; i += 2)
    {
      g_string_append_c (out, ' ');
      g_string_append_len (out, e164 + i, 2);
    }

  return g_string_free (out, FALSE);
}

/**
 * fd_format_money:
 * @cents: an amount, in cents
 *
 * Formats an amount of euros the user's way: "€1,710.00" in English,
 * « 1 710,00 € » in French.
 *
 * Returns: (transfer full): the formatted amount
 */
char *
fd_format_money (gint64 cents)
{
  g_autoptr(GString) number = g_string_new (NULL);
  g_autofree char *digits = NULL;
  guint64 magnitude;
  const char *group;
  const char *decimal;
  gsize n_digits;

  /* Translators: the separator of thousands in amounts of money, as in
   * "1,710.00"; French uses a narrow no-break space (U+202F) */
  group = C_("money", ",");
  /* Translators: the decimal separator in amounts of money, as in
   * "1,710.00"; French uses a comma */
  decimal = C_("money", ".");

  magnitude = cents < 0 ? 0 - (guint64) cents : (guint64) cents;
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  n_digits = strlen (digits);

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (number, group);
      g_string_append_c (number, digits[i]);
    }

  g_string_append_printf (number, "%s%02u", decimal, (guint) (magnitude % 100));

  if (cents < 0)
    {
      /* Translators: a negative amount of euros, %s is the number
       * ("1,710.00"); French writes "-%s €" with a no-break space (U+00A0) */
      return g_strdup_printf (C_("money", "-€%s"), number->str);
    }

  /* Translators: an amount of euros, %s is the number ("1,710.00"); French
   * writes "%s €" with a no-break space (U+00A0) */
  return g_strdup_printf (C_("money", "€%s"), number->str);
}

/**
 * fd_format_date_long:
 * @iso_date: (nullable): a date, "2026-03-03", possibly followed by a time
 *
 * Formats a date in full: "Tuesday 3 March 2026", « mardi 3 mars 2026 ».
 *
 * Returns: (transfer full) (nullable): the formatted date, or %NULL if
 *   @iso_date is %NULL or not a date
 */
char *
fd_format_date_long (const char *iso_date)
{
  g_autofree char *day = NULL;
  GDate date;

  if (!parse_date (iso_date, &date))
    return NULL;

  if (g_date_get_day (&date) == 1)
    /* Translators: the first day of a month in a date written in full
     * ("Sunday 1 March 2026"); French writes "1er" */
    day = g_strdup (C_("day of month", "1"));
  else
    day = g_strdup_printf ("%u", (guint) g_date_get_day (&date));

  /* Translators: a date written in full: %1$s is the day of the week, %2$s
   * the day of the month, %3$s the name of the month, %4$d the year, as in
   * "Tuesday 3 March 2026" */
  return g_strdup_printf (C_("long date", "%1$s %2$s %3$s %4$d"),
                          g_dpgettext2 (GETTEXT_PACKAGE, "weekday",
                                        weekday_names[g_date_get_weekday (&date) - 1]),
                          day,
                          get_month_name (g_date_get_month (&date)),
                          (int) g_date_get_year (&date));
}

/**
 * fd_format_date_short:
 * @iso_date: (nullable): a date, "2026-03-03", possibly followed by a time
 *
 * Formats a date in digits: "03/03/2026".
 *
 * Returns: (transfer full) (nullable): the formatted date, or %NULL if
 *   @iso_date is %NULL or not a date
 */
char *
fd_format_date_short (const char *iso_date)
{
  GDate date;

  if (!parse_date (iso_date, &date))
    return NULL;

  /* Translators: a date in digits: %1$02d is the day, %2$02d the month,
   * %3$04d the year, as in "03/03/2026"; reorder them as your language
   * writes dates */
  return g_strdup_printf (C_("short date", "%1$02d/%2$02d/%3$04d"),
                          (int) g_date_get_day (&date),
                          (int) g_date_get_month (&date),
                          (int) g_date_get_year (&date));
}

/**
 * fd_format_month_year:
 * @year: a year
 * @month: a month, 1 for January to 12 for December
 *
 * Formats a month, as the title of a month in the calendar: "March 2026",
 * « mars 2026 ».
 *
 * Returns: (transfer full): the month and its year
 */
char *
fd_format_month_year (int year,
                      int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  /* Translators: a month and its year, as the title of a calendar page:
   * %1$s is the name of the month, %2$d the year, as in "March 2026" */
  return g_strdup_printf (C_("month and year", "%1$s %2$d"),
                          get_month_name (month), year);
}

/* The days of the week beginning on @monday, as titles show them */
static char *
dup_week_days (const GDate *monday)
{
  char *days;
  GDate first;
  GDate last;

  first = *monday;
  last = first;
  g_date_add_days (&last, 6);

  if (g_date_get_year (&first) != g_date_get_year (&last))
    /* Translators: the days of a week spanning two years, as in "28 December
     * 2026 – 3 January 2027": %1$u and %4$u are days of the month, %2$s and
     * %5$s names of months, %3$d and %6$d years */
    days = g_strdup_printf (C_("week days", "%1$u %2$s %3$d – %4$u %5$s %6$d"),
                            (guint) g_date_get_day (&first),
                            get_month_name (g_date_get_month (&first)),
                            (int) g_date_get_year (&first),
                            (guint) g_date_get_day (&last),
                            get_month_name (g_date_get_month (&last)),
                            (int) g_date_get_year (&last));
  else if (g_date_get_month (&first) != g_date_get_month (&last))
    /* Translators: the days of a week spanning two months, as in "30 March –
     * 5 April 2026" */
    days = g_strdup_printf (C_("week days", "%1$u %2$s – %3$u %4$s %5$d"),
                            (guint) g_date_get_day (&first),
                            get_month_name (g_date_get_month (&first)),
                            (guint) g_date_get_day (&last),
                            get_month_name (g_date_get_month (&last)),
                            (int) g_date_get_year (&last));
  else
    /* Translators: the days of a week within one month, as in "2–8 March
     * 2026" */
    days = g_strdup_printf (C_("week days", "%1$u–%2$u %3$s %4$d"),
                            (guint) g_date_get_day (&first),
                            (guint) g_date_get_day (&last),
                            get_month_name (g_date_get_month (&last)),
                            (int) g_date_get_year (&last));

  return days;
}

/**
 * fd_format_week:
 * @iso_monday: a Monday, "2026-03-02"
 *
 * Formats a week as the title of a calendar page, with its ISO 8601
 * number and its days: "Week 10 · 2–8 March 2026", "Week 14 · 30 March –
 * 5 April 2026", "Week 53 · 28 December 2026 – 3 January 2027".
 *
 * Returns: (transfer full) (nullable): the title, or %NULL if @iso_monday
 *   is not a date
 */
char *
fd_format_week (const char *iso_monday)
{
  g_autofree char *days = NULL;
  GDate first;

  if (!parse_date (iso_monday, &first))
    return NULL;

  days = dup_week_days (&first);

  /* Translators: the title of a week in the calendar: %1$u is its ISO 8601
   * number, %2$s its days, as in "Week 10 · 2–8 March 2026" */
  return g_strdup_printf (_("Week %1$u · %2$s"), g_date_get_iso8601_week_of_year (&first), days);
}

/**
 * fd_format_week_days:
 * @iso_monday: a Monday, "2026-03-02"
 *
 * Formats a week by its days only, the short title of a calendar page
 * where the whole one does not fit: "2–8 March 2026", "30 November –
 * 6 December 2026".
 *
 * Returns: (transfer full) (nullable): the days, or %NULL if @iso_monday
 *   is not a date
 */
char *
fd_format_week_days (const char *iso_monday)
{
  GDate first;

  if (!parse_date (iso_monday, &first))
    return NULL;

  return dup_week_days (&first);
}

/**
 * fd_format_time:
 * @iso_date_time: (nullable): a local date-time, "2026-03-03T09:00", or a
 *   time, "09:00"
 *
 * Formats a time of day: "09:00".
 *
 * Returns: (transfer full) (nullable): the formatted time, or %NULL if
 *   @iso_date_time is %NULL or has no time
 */
char *
fd_format_time (const char *iso_date_time)
{
  int hour;
  int minute;

  if (!parse_time (iso_date_time, &hour, &minute))
    return NULL;

  /* Translators: a time of day: %1$02d is the hour (00 to 23), %2$02d the
   * minutes, as in "09:00" */
  return g_strdup_printf (C_("time of day", "%1$02d:%2$02d"), hour, minute);
}

/**
 * fd_format_time_range:
 * @start_iso: (nullable): the start, a local date-time or a time
 * @end_iso: (nullable): the end, a local date-time or a time
 *
 * Formats the hours of a slot: "09:00 – 12:30".
 *
 * Returns: (transfer full) (nullable): the formatted range, or %NULL if
 *   either end has no time
 */
char *
fd_format_time_range (const char *start_iso,
                      const char *end_iso)
{
  g_autofree char *start = fd_format_time (start_iso);
  g_autofree char *end = fd_format_time (end_iso);

  if (start == NULL || end == NULL)
    return NULL;

  /* Translators: a range of hours, %1$s is the start and %2$s the end, as
   * in "09:00 – 12:30" */
  return g_strdup_printf (C_("time range", "%1$s – %2$s"), start, end);
}

/**
 * fd_format_weekday_abbrev:
 * @weekday: a day of the week, 1 for Monday to 7 for Sunday
 *
 * Returns: (transfer none): the translated abbreviation of @weekday ("Mon")
 */
const char *
fd_format_weekday_abbrev (int weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday abbreviation",
                       weekday_abbrevs[weekday - 1]);
}

/**
 * fd_format_get_n_session_statuses:
 *
 * Returns: how many workflow statuses a session may have
 */
guint
fd_format_get_n_session_statuses (void)
{
  return G_N_ELEMENTS (session_statuses);
}

/**
 * fd_format_get_session_status_code:
 * @position: below fd_format_get_n_session_statuses()
 *
 * Returns: the stored code of a session's workflow status, in the
 *   workflow's order ("created" first), for the lists users choose from
 */
const char *
fd_format_get_session_status_code (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (session_statuses), NULL);

  return session_statuses[position].code;
}

/**
 * fd_format_session_status:
 * @status: (nullable): a session status as stored ("proposal_sent")
 *
 * Returns: (transfer none) (nullable): its translated label ("Proposal
 *   sent"), @status itself if it is unknown, %NULL if it is %NULL
 */
const char *
fd_format_session_status (const char *status)
{
  return lookup_label (session_statuses, G_N_ELEMENTS (session_statuses),
                       "session status", status);
}

/**
 * fd_format_session_kind:
 * @kind: (nullable): a session kind as stored ("intra" or "inter")
 *
 * Returns: (transfer none) (nullable): its translated label
 *   ("Inter-company"), @kind itself if it is unknown, %NULL if it is %NULL
 */
const char *
fd_format_session_kind (const char *kind)
{
  return lookup_label (session_kinds, G_N_ELEMENTS (session_kinds),
                       "session kind", kind);
}

/**
 * fd_format_trainer_kind:
 * @kind: (nullable): a trainer kind as stored ("internal" or "external")
 *
 * Returns: (transfer none) (nullable): its translated label, @kind itself
 *   if it is unknown, %NULL if it is %NULL
 */
const char *
fd_format_trainer_kind (const char *kind)
{
  return lookup_label (trainer_kinds, G_N_ELEMENTS (trainer_kinds),
                       "trainer kind", kind);
}

/**
 * fd_format_client_kind:
 * @kind: (nullable): a client kind as stored ("individual", "company" or
 *   "independent")
 *
 * Returns: (transfer none) (nullable): its translated label, @kind itself
 *   if it is unknown, %NULL if it is %NULL
 */
const char *
fd_format_client_kind (const char *kind)
{
  return lookup_label (client_kinds, G_N_ELEMENTS (client_kinds),
                       "client kind", kind);
}

/**
 * fd_format_funder:
 * @funder: (nullable): a funder as stored ("cpf", "opco", "self"…)
 *
 * Returns: (transfer none) (nullable): its label ("CPF", "Self-funded"),
 *   @funder itself if it is unknown, %NULL if it is %NULL
 */
const char *
fd_format_funder (const char *funder)
{
  if (funder == NULL)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (funders); i++)
    {
      if (g_str_equal (funders[i].code, funder))
        {
          if (!funders[i].translate)
            return funders[i].label;

          return g_dpgettext2 (GETTEXT_PACKAGE, "funder", funders[i].label);
        }
    }

  return funder;
}

/**
 * fd_format_enrollment_status:
 * @status: (nullable): an enrollment status as stored ("registered")
 *
 * Returns: (transfer none) (nullable): its translated label, @status
 *   itself if it is unknown, %NULL if it is %NULL
 */
const char *
fd_format_enrollment_status (const char *status)
{
  return lookup_label (enrollment_statuses, G_N_ELEMENTS (enrollment_statuses),
                       "enrollment status", status);
}

/**
 * fd_format_extranet_state:
 * @state: (nullable): a trainer's extranet state as stored ("none",
 *   "invited" or "active")
 *
 * Returns: (transfer none) (nullable): its translated label, @state itself
 *   if it is unknown, %NULL if it is %NULL
 */
const char *
fd_format_extranet_state (const char *state)
{
  return lookup_label (extranet_states, G_N_ELEMENTS (extranet_states),
                       "extranet state", state);
}
