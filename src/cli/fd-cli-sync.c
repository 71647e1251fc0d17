/* fd-cli-sync.c — `formadesk-cli sync`: push the outbox, pull to the end
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"
#include "fd-sync-client.h"

#include <stdio.h>

/* For scripts and cron: signs in, sends what this database has queued,
 * receives everything the server has, and says so in one line. Changes the
 * server refused are not errors of the run (they are consumed and listed
 * in the database, for the app to show), but they are counted on stderr. */
int
fd_cli_sync (FdCliContext  *context,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(FdSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  g_autofree char *device_name = NULL;
  FdSyncStats stats = { 0 };
  const char *password;
  guint refused;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("The Formadesk server"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user,
      N_("The account to sign in with (its password in FORMADESK_PASSWORD)"), N_("EMAIL") },
    { "device-name", 0, 0, G_OPTION_ARG_STRING, &device_name,
      N_("How the server lists this device (default: the host name)"), N_("NAME") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Send this database’s changes to a Formadesk server and "
                                  "receive everyone else’s. Exits with 0 once up to date."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "sync", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));
  if (!fd_cli_check_no_more_arguments (argc, argv, 1, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (server == NULL || user == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("usage: formadesk-cli sync --server URL --user EMAIL "
                             "(password in FORMADESK_PASSWORD)"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  password = g_getenv ("FORMADESK_PASSWORD");
  if (password == NULL || *password == '\0')
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Set the account’s password in FORMADESK_PASSWORD."));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  /* A new file is fine: the first sync fills it */
  database = fd_cli_open_database (context, FD_DATABASE_OPEN_CREATE, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  client = fd_sync_client_new (server, fd_database_get_path (database), &error);
  if (client == NULL)
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (!fd_sync_client_login (client, user, password, device_name, NULL, &error) ||
      !fd_sync_client_sync_once (client, NULL, &stats, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  refused = stats.conflicts + stats.rejected;
  if (refused > 0)
    {
      g_autofree char *line = g_strdup_printf (ngettext ("%u change was refused by the server; "
                                                         "it is listed in the application.",
                                                         "%u changes were refused by the server; "
                                                         "they are listed in the application.",
                                                         refused),
                                               refused);

      fd_cli_print_error (line);
    }

  /* Translators: %1$u changes sent to the server, %2$u rows received */
  printf (_("Up to date: %1$u sent, %2$u received.\n"), stats.pushed, stats.pulled);

  return FD_CLI_EXIT_OK;
}
