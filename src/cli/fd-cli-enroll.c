/* fd-cli-enroll.c — `formadesk-cli enroll` and `unenroll`: a trainee in or
 * out of a session, with its calendar invitations
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

/* Opens the database and finds the session and the trainee named by
 * argv[1] and argv[2] */
static FdDatabase *
open_pair (FdCliContext  *context,
           char         **argv,
           char         **session_id,
           char         **trainee_id,
           GError       **error)
{
  g_autoptr(FdDatabase) database = NULL;

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_DEFAULT, error);
  if (database == NULL)
    return NULL;
  *session_id = fd_session_lookup_code (database, argv[1], error);
  if (*session_id == NULL)
    return NULL;
  *trainee_id = fd_enroll_find_trainee (database, argv[2], error);
  if (*trainee_id == NULL)
    return NULL;

  return g_steal_pointer (&database);
}

static gboolean
check_arguments (int          argc,
                 char       **argv,
                 const char  *usage,
                 GError     **error)
{
  if (argc < 3)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, usage);
      return FALSE;
    }

  return fd_cli_check_no_more_arguments (argc, argv, 3, error);
}

int
fd_cli_enroll (FdCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *funder = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *trainee_id = NULL;
  g_autofree char *enrollment_id = NULL;
  const GOptionEntry entries[] = {
    { "funder", 0, 0, G_OPTION_ARG_STRING, &funder,
      N_("Who pays for the enrollment (OPCO, CPF…)"), N_("FUNDER") },
    { NULL }
  };

  option_context = g_option_context_new (_("CODE TRAINEE_EMAIL"));
  g_option_context_set_summary (option_context,
                                _("Enroll a trainee, known by their email address, in a session, "
                                  "and queue the calendar invitations it brings. Prints the new "
                                  "enrollment’s id."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "enroll", &argc, &argv, &error) ||
      !check_arguments (argc, argv,
                        _("whom to enroll? usage: formadesk-cli enroll CODE TRAINEE_EMAIL "
                          "[--funder FUNDER]"),
                        &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  database = open_pair (context, argv, &session_id, &trainee_id, &error);
  if (database == NULL ||
      !fd_enroll_trainee (database, session_id, trainee_id, funder, &enrollment_id, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%s\n", enrollment_id);

  return FD_CLI_EXIT_OK;
}

int
fd_cli_unenroll (FdCliContext  *context,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *trainee_id = NULL;

  option_context = g_option_context_new (_("CODE TRAINEE_EMAIL"));
  g_option_context_set_summary (option_context,
                                _("Take a trainee out of a session, and queue the cancellation "
                                  "of the calendar invitations they were sent."));
  if (!fd_cli_parse_options (context, option_context, "unenroll", &argc, &argv, &error) ||
      !check_arguments (argc, argv,
                        _("whom to take out? usage: formadesk-cli unenroll CODE TRAINEE_EMAIL"),
                        &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  database = open_pair (context, argv, &session_id, &trainee_id, &error);
  if (database == NULL || !fd_unenroll_trainee (database, session_id, trainee_id, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}
