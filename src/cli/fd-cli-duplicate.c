/* fd-cli-duplicate.c — `formadesk-cli duplicate session`: a session on new dates
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"

#include <stdio.h>

/* DD/MM/YYYY, as French users write dates, or YYYY-MM-DD */
gboolean
fd_cli_parse_date (const char  *text,
                   const char  *option,
                   GDate       *date,
                   GError     **error)
{
  unsigned int day = 0;
  unsigned int month = 0;
  unsigned int year = 0;
  char tail = '\0';

  g_date_clear (date, 1);

  if (text != NULL &&
      (sscanf (text, "%2u/%2u/%4u%c", &day, &month, &year, &tail) == 3 ||
       sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) == 3) &&
      year >= 1000 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      return TRUE;
    }

  /* Translators: %1$s is an option, "--start"; %2$s what was typed */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%1$s: “%2$s” is not a date (expected DD/MM/YYYY)"), option,
               text != NULL ? text : "");

  return FALSE;
}

int
fd_cli_duplicate (FdCliContext  *context,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *new_code = NULL;
  int year = G_MININT;
  GDate start;
  GDate end;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("The year the new session is numbered in (default: the start date’s)"), N_("YYYY") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text,
      N_("The first day of the new session"), N_("DD/MM/YYYY") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_text,
      N_("The last day of the new session"), N_("DD/MM/YYYY") },
    { NULL }
  };

  option_context = g_option_context_new (_("session CODE"));
  g_option_context_set_summary (option_context,
                                _("Duplicate a session as a draft planned on new dates: its "
                                  "details, sequences and email settings are copied; its slots, "
                                  "costs, fundings, participants and documents are not. "
                                  "Prints the new session’s code."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "duplicate", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (argc < 3 || !g_str_equal (argv[1], "session"))
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("what to duplicate? usage: formadesk-cli duplicate session CODE "
                             "--start DD/MM/YYYY --end DD/MM/YYYY [--year YYYY]"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (!fd_cli_check_no_more_arguments (argc, argv, 3, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (start_text == NULL || end_text == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("the new session’s dates are required: --start DD/MM/YYYY "
                             "--end DD/MM/YYYY"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (!fd_cli_parse_date (start_text, "--start", &start, &error) ||
      !fd_cli_parse_date (end_text, "--end", &end, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (year == G_MININT)
    year = g_date_get_year (&start);

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  session_id = fd_session_lookup_code (database, argv[2], &error);
  if (session_id == NULL ||
      !fd_session_duplicate (database, session_id, year, &start, &end, NULL, &new_code, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%s\n", new_code);

  return FD_CLI_EXIT_OK;
}
