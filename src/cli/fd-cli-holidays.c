/* fd-cli-holidays.c — `formadesk-cli holidays`: the public holidays of a year
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"
#include "fd-holidays.h"

#include <stdio.h>
#include <string.h>

/* The same fd_holidays_for_year() the calendar marks its days with; no
 * database is opened. */

static gboolean
parse_year (const char  *text,
            int         *year,
            GError     **error)
{
  gint64 value = 0;

  if (text == NULL ||
      !g_ascii_string_to_signed (text, 10, FD_HOLIDAYS_FIRST_YEAR, FD_HOLIDAYS_LAST_YEAR, &value,
                                 NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %1$s is what was given, %2$d and %3$d the
                    * first and last years accepted */
                   _("“%1$s” is not a year from %2$d to %3$d"), text != NULL ? text : "",
                   FD_HOLIDAYS_FIRST_YEAR, FD_HOLIDAYS_LAST_YEAR);
      return FALSE;
    }

  *year = (int) value;

  return TRUE;
}

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

int
fd_cli_holidays (FdCliContext  *context,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GArray) holidays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *department_text = NULL;
  g_autofree char *department = NULL;
  gboolean json = FALSE;
  int year = 0;
  guint i;
  const GOptionEntry entries[] = {
    { "department", 0, 0, G_OPTION_ARG_STRING, &department_text,
      N_("Add the holidays of a department (“57”, “2A”, “974”) or of a postal code’s"),
      N_("D") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {\"date\", \"name\", \"regional\"} objects"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("YEAR"));
  g_option_context_set_summary (option_context,
                                _("List the French public holidays of a year: the national "
                                  "ones and, with --department, Alsace-Moselle’s two more or "
                                  "the abolition of slavery overseas."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "holidays", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (argc < 2)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("give the year, as in “formadesk-cli holidays 2026”"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (!fd_cli_check_no_more_arguments (argc, argv, 2, &error) ||
      !parse_year (argv[1], &year, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (department_text != NULL)
    {
      department = fd_department_parse (department_text);
      if (department == NULL)
        {
          g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is what was given to --department */
                       _("--department: “%s” is neither a French department nor a postal code"),
                       department_text);
          return fd_cli_usage_error (g_steal_pointer (&error));
        }
    }

  holidays = fd_holidays_for_year (year, department);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (i = 0; i < holidays->len; i++)
        {
          const FdHoliday *holiday = &g_array_index (holidays, FdHoliday, i);
          g_autofree char *date = iso_date (&holiday->date);

          json_builder_begin_object (builder);
          fd_cli_builder_add_string (builder, "date", date);
          fd_cli_builder_add_string (builder, "name", holiday->name);
          fd_cli_builder_add_boolean (builder, "regional", holiday->regional);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      /* Translators: column headers, separated by | */
      g_ptr_array_add (rows, g_strsplit (_("DATE|HOLIDAY|WHERE"), "|", 3));
      for (i = 0; i < holidays->len; i++)
        {
          const FdHoliday *holiday = &g_array_index (holidays, FdHoliday, i);
          g_autofree char *date = iso_date (&holiday->date);
          char **row = g_new0 (char *, 4);

          /* Dates the formatter does not read (far years) stay ISO */
          row[0] = fd_format_date_long (date);
          if (row[0] == NULL)
            row[0] = g_strdup (date);
          row[1] = g_strdup (holiday->name);
          row[2] = g_strdup (holiday->regional ? department
                                               /* Translators: where a holiday is one */
                                               : C_("holiday", "France"));
          g_ptr_array_add (rows, row);
        }
      fd_cli_print_table (rows);
    }

  return FD_CLI_EXIT_OK;
}
