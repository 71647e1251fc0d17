/* fd-cli-stats.c — `formadesk-cli stats`: rows per table
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"

int
fd_cli_stats (FdCliContext  *context,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  guint i;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {\"table\", \"rows\", \"live\"} objects"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Count the rows of each table: all rows, and the live ones "
                                  "(not deleted)."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "stats", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (!fd_cli_check_no_more_arguments (argc, argv, 1, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  counts = fd_database_count_tables (database, &error);
  if (counts == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (i = 0; i < counts->len; i++)
        {
          const FdTableCount *count = g_ptr_array_index (counts, i);

          json_builder_begin_object (builder);
          fd_cli_builder_add_string (builder, "table", count->name);
          fd_cli_builder_add_int (builder, "rows", count->rows);
          fd_cli_builder_add_int (builder, "live", count->live);
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
      g_ptr_array_add (rows, g_strsplit (_("TABLE|ROWS|LIVE"), "|", 3));
      for (i = 0; i < counts->len; i++)
        {
          const FdTableCount *count = g_ptr_array_index (counts, i);
          char **row = g_new0 (char *, 4);

          row[0] = g_strdup (count->name);
          row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, count->rows);
          row[2] = g_strdup_printf ("%" G_GINT64_FORMAT, count->live);
          g_ptr_array_add (rows, row);
        }
      fd_cli_print_table (rows);
    }

  return FD_CLI_EXIT_OK;
}
