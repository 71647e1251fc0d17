/* fd-cli-verify.c — `formadesk-cli verify`: integrity and rules
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

int
fd_cli_verify (FdCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Check the database: SQLite integrity, references between "
                                  "rows and the rules every write obeys. Prints each problem "
                                  "found, or “OK”; exits with 1 when there is a problem."));
  if (!fd_cli_parse_options (context, option_context, "verify", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (!fd_cli_check_no_more_arguments (argc, argv, 1, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  problems = fd_database_verify (database, &error);
  if (problems == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  if (problems->len == 0)
    {
      /* Translators: printed by `verify` when nothing is wrong */
      puts (_("OK"));
      return FD_CLI_EXIT_OK;
    }

  for (i = 0; i < problems->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (problems, i));
  fflush (stdout);

  {
    g_autofree char *summary = g_strdup_printf (ngettext ("%u problem found",
                                                          "%u problems found",
                                                          problems->len),
                                                problems->len);

    fd_cli_print_error (summary);
  }

  return FD_CLI_EXIT_FAILED;
}
