/* test-format.c — dates, times, money and labels, in English and French
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "fd-core.h"

/* French separators: narrow no-break space between thousands, no-break
 * space before the currency sign */
#define NNBSP "\xe2\x80\xaf"
#define NBSP "\xc2\xa0"

static void
assert_money (gint64      cents,
              const char *expected)
{
  g_autofree char *money = fd_format_money (cents);

  g_assert_cmpstr (money, ==, expected);
}

static void
assert_date (char       *(*format) (const char *),
             const char  *iso,
             const char  *expected)
{
  g_autofree char *date = format (iso);

  g_assert_cmpstr (date, ==, expected);
}

static void
test_money_english (void)
{
  assert_money (171000, "€1,710.00");
  assert_money (0, "€0.00");
  assert_money (5, "€0.05");
  assert_money (99999, "€999.99");
  assert_money (100000, "€1,000.00");
  assert_money (123456789, "€1,234,567.89");
  assert_money (-171050, "-€1,710.50");
  assert_money (G_MAXINT64, "€92,233,720,368,547,758.07");
  assert_money (G_MININT64, "-€92,233,720,368,547,758.08");
}

static void
test_dates_english (void)
{
  g_autofree char *month = NULL;
  g_autofree char *time = NULL;
  g_autofree char *range = NULL;

  assert_date (fd_format_date_long, "2026-03-03", "Tuesday 3 March 2026");
  assert_date (fd_format_date_long, "2026-03-01T09:00", "Sunday 1 March 2026");
  assert_date (fd_format_date_long, "2024-02-29", "Thursday 29 February 2024");
  assert_date (fd_format_date_long, "2026-12-31 23:59", "Thursday 31 December 2026");
  assert_date (fd_format_date_short, "2026-03-03", "03/03/2026");
  assert_date (fd_format_date_short, "2026-11-25T09:00", "25/11/2026");

  /* Not dates */
  assert_date (fd_format_date_long, NULL, NULL);
  assert_date (fd_format_date_long, "", NULL);
  assert_date (fd_format_date_long, "2026-02-30", NULL);
  assert_date (fd_format_date_short, "2026-3-3", NULL);
  assert_date (fd_format_date_short, "2026-03-03x", NULL);

  month = fd_format_month_year (2026, 3);
  g_assert_cmpstr (month, ==, "March 2026");

  assert_date (fd_format_time, "2026-03-03T09:00", "09:00");
  assert_date (fd_format_time, "2026-03-03 17:45:00", "17:45");
  assert_date (fd_format_time, "08:05", "08:05");
  assert_date (fd_format_time, "2026-03-03", NULL);
  assert_date (fd_format_time, "2026-03-03T25:00", NULL);
  assert_date (fd_format_time, NULL, NULL);

  range = fd_format_time_range ("2026-03-03T09:00", "2026-03-03T12:30");
  g_assert_cmpstr (range, ==, "09:00 – 12:30");
  time = fd_format_time_range ("2026-03-03T09:00", NULL);
  g_assert_null (time);

  g_assert_cmpstr (fd_format_weekday_abbrev (1), ==, "Mon");
  g_assert_cmpstr (fd_format_weekday_abbrev (7), ==, "Sun");
}

static void
test_labels_english (void)
{
  g_assert_cmpstr (fd_format_session_status ("created"), ==, "Created");
  g_assert_cmpstr (fd_format_session_status ("proposal_sent"), ==, "Proposal sent");
  g_assert_cmpstr (fd_format_session_status ("in_progress"), ==, "In progress");
  g_assert_cmpstr (fd_format_session_status ("cancelled"), ==, "Cancelled");
  g_assert_cmpstr (fd_format_session_kind ("intra"), ==, "Intra-company");
  g_assert_cmpstr (fd_format_session_kind ("inter"), ==, "Inter-company");
  g_assert_cmpstr (fd_format_trainer_kind ("external"), ==, "External");
  g_assert_cmpstr (fd_format_client_kind ("independent"), ==, "Self-employed");
  g_assert_cmpstr (fd_format_funder ("cpf"), ==, "CPF");
  g_assert_cmpstr (fd_format_funder ("france_travail"), ==, "France Travail");
  g_assert_cmpstr (fd_format_funder ("self"), ==, "Self-funded");
  g_assert_cmpstr (fd_format_funder ("company"), ==, "Employer");
  g_assert_cmpstr (fd_format_enrollment_status ("withdrawn"), ==, "Withdrawn");
  g_assert_cmpstr (fd_format_extranet_state ("none"), ==, "Not invited");
  g_assert_cmpstr (fd_format_extranet_state ("active"), ==, "Active");

  /* Unknown codes (a newer database) are shown as they are */
  g_assert_cmpstr (fd_format_session_status ("archived"), ==, "archived");
  g_assert_cmpstr (fd_format_funder ("region"), ==, "region");
  g_assert_null (fd_format_session_status (NULL));
  g_assert_null (fd_format_funder (NULL));
}

/* gettext caches translations until the locale is set again */
static void
use_english (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

static gboolean
use_french (void)
{
  const char *localedir = g_getenv ("FORMADESK_LOCALEDIR");
  g_autofree char *catalogue = NULL;

  if (localedir == NULL)
    localedir = LOCALEDIR;

  catalogue = g_build_filename (localedir, "fr", "LC_MESSAGES",
                                GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
    {
      g_autofree char *reason = g_strdup_printf ("no French catalogue at %s", catalogue);

      g_test_skip (reason);
      return FALSE;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");

  if (g_str_equal (g_dpgettext2 (GETTEXT_PACKAGE, "month", "March"), "March"))
    {
      use_english ();
      g_test_skip ("the French catalogue does not translate fd-format.c yet");
      return FALSE;
    }

  return TRUE;
}

static void
test_french (void)
{
  g_autofree char *month = NULL;
  g_autofree char *range = NULL;

  if (!use_french ())
    return;

  assert_money (171000, "1" NNBSP "710,00" NBSP "€");
  assert_money (123456789, "1" NNBSP "234" NNBSP "567,89" NBSP "€");
  assert_money (5, "0,05" NBSP "€");
  assert_money (-171050, "-1" NNBSP "710,50" NBSP "€");

  assert_date (fd_format_date_long, "2026-03-03", "mardi 3 mars 2026");
  assert_date (fd_format_date_long, "2026-03-01", "dimanche 1er mars 2026");
  assert_date (fd_format_date_long, "2026-08-15", "samedi 15 août 2026");
  assert_date (fd_format_date_short, "2026-03-03", "03/03/2026");
  assert_date (fd_format_time, "2026-03-03T09:00", "09:00");

  month = fd_format_month_year (2026, 2);
  g_assert_cmpstr (month, ==, "février 2026");
  range = fd_format_time_range ("09:00", "12:30");
  g_assert_cmpstr (range, ==, "09:00 – 12:30");
  g_assert_cmpstr (fd_format_weekday_abbrev (1), ==, "lun.");

  g_assert_cmpstr (fd_format_session_status ("confirmed"), ==, "Confirmée");
  g_assert_cmpstr (fd_format_session_kind ("inter"), ==, "Inter-entreprises");
  g_assert_cmpstr (fd_format_client_kind ("individual"), ==, "Particulier");
  g_assert_cmpstr (fd_format_funder ("self"), ==, "Autofinancement");
  g_assert_cmpstr (fd_format_funder ("opco"), ==, "OPCO");

  use_english ();
}

static void
test_phone (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "+33612345678", "06 12 34 56 78" },
    { "+33123456789", "01 23 45 67 89" },
    { "+3221234567", "+3221234567" },
    { "+3361234567", "+3361234567" },
    { "+336123456789", "+336123456789" },
    { "+33a12345678", "+33a12345678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = fd_format_phone (cases[i].in);

      g_assert_cmpstr (shown, ==, cases[i].out);
    }
  g_assert_null (fd_format_phone (NULL));
}

/* The benchmarks' median: sorted in place, the slowest last */
static void
test_bench_median (void)
{
  static const double odd[] = { 5.0, 1.0, 3.0 };
  static const double even[] = { 4.0, 1.0, 3.0, 2.0 };
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_cmpfloat (fd_bench_median (samples), ==, 0);

  g_array_append_vals (samples, odd, G_N_ELEMENTS (odd));
  g_assert_cmpfloat (fd_bench_median (samples), ==, 3.0);
  g_assert_cmpfloat (g_array_index (samples, double, samples->len - 1), ==, 5.0);

  g_array_set_size (samples, 0);
  g_array_append_vals (samples, even, G_N_ELEMENTS (even));
  g_assert_cmpfloat (fd_bench_median (samples), ==, 2.5);
  g_assert_cmpfloat (g_array_index (samples, double, 0), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  /* The C.UTF-8 locale of the tests: under plain "C", gettext ignores
   * LANGUAGE */
  setlocale (LC_ALL, "");
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/money/english", test_money_english);
  g_test_add_func ("/format/dates/english", test_dates_english);
  g_test_add_func ("/format/labels/english", test_labels_english);
  g_test_add_func ("/format/french", test_french);
  g_test_add_func ("/format/phone", test_phone);
  g_test_add_func ("/bench/median", test_bench_median);

  return g_test_run ();
}
