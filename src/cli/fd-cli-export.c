/* fd-cli-export.c — `formadesk-cli export ics`: slots as an iCalendar file
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"
#include "fd-ical.h"
#include "fd-invitations.h"

#include <gio/gunixoutputstream.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The same fd_ical_export() a trainer's calendar feed will serve; with
 * --invitation, the invitations of a session's sequences as
 * fd_invitations_render() makes them for the mail outbox. */

static GOutputStream *
open_stdout (void)
{
  g_autoptr(GOutputStream) raw = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  return g_buffered_output_stream_new_sized (raw, 256 * 1024);
}

static gboolean
write_invitations (FdDatabase     *database,
                   const char     *code,
                   const char     *recipient,
                   GOutputStream  *output,
                   guint          *n_written,
                   GError        **error)
{
  g_autofree char *session_id = fd_ical_resolve_scope (database, FD_ICAL_SCOPE_SESSION, code,
                                                       error);
  g_auto(GStrv) calendars = NULL;

  *n_written = 0;
  if (session_id == NULL)
    return FALSE;

  calendars = fd_invitations_render (database, session_id, recipient, error);
  if (calendars == NULL)
    return FALSE;

  for (guint i = 0; calendars[i] != NULL; i++)
    {
      if (!g_output_stream_write_all (output, calendars[i], strlen (calendars[i]), NULL, NULL,
                                      error))
        return FALSE;
      (*n_written)++;
    }

  return TRUE;
}

static int
export_ics (FdCliContext  *context,
            int            argc,
            char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autofree char *trainer = NULL;
  g_autofree char *room = NULL;
  g_autofree char *session = NULL;
  g_autofree char *file = NULL;
  g_autofree char *recipient = NULL;
  gboolean all = FALSE;
  gboolean invitation = FALSE;
  FdIcalScope scope = FD_ICAL_SCOPE_ALL;
  const char *key = NULL;
  guint n_chosen = 0;
  guint n_events = 0;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "trainer", 0, 0, G_OPTION_ARG_STRING, &trainer,
      N_("The slots of the trainer of this email address"), N_("EMAIL") },
    { "room", 0, 0, G_OPTION_ARG_STRING, &room,
      N_("The slots of this room (“Place/Room” when several places have one)"), N_("NAME") },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session,
      N_("The slots of this session"), N_("CODE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Every slot of every published session"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &file,
      N_("Write to this file instead of the standard output"), N_("FILE") },
    { "invitation", 0, 0, G_OPTION_ARG_NONE, &invitation,
      N_("With --session: the calendar invitation of each sequence, as it is sent"), NULL },
    { "recipient", 0, 0, G_OPTION_ARG_STRING, &recipient,
      N_("With --invitation: the invitation of this participant"), N_("EMAIL") },
    { NULL }
  };

  option_context = g_option_context_new ("ics");
  g_option_context_set_summary (option_context,
                                _("Write slots as an iCalendar (RFC 5545) file that GNOME "
                                  "Calendar, Thunderbird or Evolution import: one event per "
                                  "slot of the published sessions, in its place’s time zone, "
                                  "with a UID that stays the same from one export to the "
                                  "next. Give one of --trainer, --room, --session or --all. "
                                  "Nothing is written when what is named does not exist."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "export", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));
  if (!fd_cli_check_no_more_arguments (argc, argv, 1, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (trainer != NULL)
    n_chosen++, scope = FD_ICAL_SCOPE_TRAINER, key = trainer;
  if (room != NULL)
    n_chosen++, scope = FD_ICAL_SCOPE_ROOM, key = room;
  if (session != NULL)
    n_chosen++, scope = FD_ICAL_SCOPE_SESSION, key = session;
  if (all)
    n_chosen++, scope = FD_ICAL_SCOPE_ALL, key = NULL;
  if (n_chosen != 1)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("give one of --trainer, --room, --session or --all"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }
  if ((invitation && scope != FD_ICAL_SCOPE_SESSION) || (recipient != NULL && !invitation))
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--invitation goes with --session, --recipient with --invitation"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  if (file != NULL && !invitation)
    {
      if (!fd_ical_export_to_file (database, scope, key, file, &n_events, &error))
        return fd_cli_fail (g_steal_pointer (&error));
      /* Translators: printed by `export ics -o FILE`, %2$s is the file */
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %1$u event to %2$s.\n",
                               "Wrote %1$u events to %2$s.\n", n_events),
                  n_events, file);
      return FD_CLI_EXIT_OK;
    }

  if (file != NULL)
    {
      g_autoptr(GFile) target = g_file_new_for_path (file);
      g_autofree char *id = fd_ical_resolve_scope (database, scope, key, &error);

      if (id == NULL)
        return fd_cli_fail (g_steal_pointer (&error));
      output = G_OUTPUT_STREAM (g_file_replace (target, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                                &error));
      if (output == NULL)
        return fd_cli_fail (g_steal_pointer (&error));
    }
  else
    output = open_stdout ();

  if (invitation)
    ok = write_invitations (database, key, recipient, output, &n_events, &error);
  else
    ok = fd_ical_export (database, scope, key, output, &n_events, NULL, &error);
  if (!ok || !g_output_stream_close (output, NULL, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

int
fd_cli_export (FdCliContext  *context,
               int            argc,
               char         **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "ics"))
    return export_ics (context, argc - 1, argv + 1);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      /* Translators: the help of `export`; "ics" is typed as it is */
      puts (_("Usage: formadesk-cli export ics (--trainer EMAIL | --room NAME | --session CODE "
              "| --all) [-o FILE]"));
      return FD_CLI_EXIT_OK;
    }

  fd_cli_print_error (_("export: say what to export: “ics”"));

  return FD_CLI_EXIT_USAGE;
}
