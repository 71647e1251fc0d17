/* fd-cli-demo.c — `formadesk-cli demo`: fill an empty database
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"
#include "fd-demo.h"

#include <stdio.h>

int
fd_cli_demo (FdCliContext  *context,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size_name = NULL;
  g_autofree char *today = NULL;
  g_autofree char *elapsed = NULL;
  gint64 seed = 1;
  gint64 started;
  FdDemoSize size;
  guint i;
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_name,
      N_("How much data: small (150 sessions) or large (5 000 sessions)"), N_("SIZE") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Random seed; the same seed gives the same data (default: 1)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("The date the three years are centred on (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Fill an empty database with a training organisation’s "
                                  "three years of realistic data: two years past, one "
                                  "planned."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "demo", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (!fd_cli_check_no_more_arguments (argc, argv, 1, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (size_name == NULL || g_str_equal (size_name, "small"))
    size = FD_DEMO_SIZE_SMALL;
  else if (g_str_equal (size_name, "large"))
    size = FD_DEMO_SIZE_LARGE;
  else
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown size “%s” (expected small or large)"), size_name);
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the seed must be between 0 and %u"), G_MAXUINT32);
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (today != NULL && !fd_validate_date (today))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), today);
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_CREATE, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  if (!fd_database_is_empty (database))
    {
      g_set_error (&error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED,
                   _("%s already holds data; the demo only fills an empty database"),
                   fd_database_get_path (database));
      return fd_cli_fail (g_steal_pointer (&error));
    }

  started = g_get_monotonic_time ();
  if (!fd_demo_generate (database, size, today, (guint32) seed, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  counts = fd_database_count_tables (database, &error);
  if (counts == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (rows, g_strsplit (_("TABLE|ROWS"), "|", 2));
  for (i = 0; i < counts->len; i++)
    {
      const FdTableCount *count = g_ptr_array_index (counts, i);
      char **row;

      if (count->rows == 0)
        continue;

      row = g_new0 (char *, 3);
      row[0] = g_strdup (count->name);
      row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, count->rows);
      g_ptr_array_add (rows, row);
    }
  fd_cli_print_table (rows);

  elapsed = g_strdup_printf ("%.1f", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  /* One message per size: the size's name is not the option's value in
   * every language. */
  if (size == FD_DEMO_SIZE_LARGE)
    /* Translators: %1$s is the database's path, %2$s a number of seconds */
    printf (_("Generated the large demo into %1$s in %2$s s.\n"),
            fd_database_get_path (database), elapsed);
  else
    /* Translators: %1$s is the database's path, %2$s a number of seconds */
    printf (_("Generated the small demo into %1$s in %2$s s.\n"),
            fd_database_get_path (database), elapsed);

  return FD_CLI_EXIT_OK;
}
