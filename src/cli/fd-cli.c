/* fd-cli.c — formadesk-cli: global options, dispatch and shared helpers
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
#include <string.h>

typedef struct
{
  const char *name;
  FdCliCommandFunc func;
  const char *summary;
} Command;

static const Command commands[] = {
  { "demo", fd_cli_demo, N_("Fill an empty database with demo data") },
  { "stats", fd_cli_stats, N_("Count the rows of each table") },
  { "list", fd_cli_list, N_("List sessions, trainers, candidates or clients") },
  { "verify", fd_cli_verify, N_("Check the database’s integrity and rules") },
  { "show", fd_cli_show, N_("Show a session whole: planning, costs, emails") },
  { "duplicate", fd_cli_duplicate, N_("Duplicate a session on new dates, as a draft") },
  { "import", fd_cli_import, N_("Import partners’ sessions from a CSV or JSON file") },
  { "enroll", fd_cli_enroll, N_("Enroll a trainee in a session, with its invitations") },
  { "unenroll", fd_cli_unenroll, N_("Take a trainee out of a session") },
  { "conflicts", fd_cli_conflicts, N_("List the scheduling conflicts") },
  { "holidays", fd_cli_holidays, N_("List the public holidays of a year, by department") },
  { "emails", fd_cli_emails, N_("Show a session’s email schedule, or queue the due emails") },
  { "export", fd_cli_export, N_("Write slots as an iCalendar file") },
  { "sync", fd_cli_sync, N_("Send changes to a Formadesk server and receive others’") },
  { "bench", fd_cli_bench, N_("Time the queries the application depends on") },
};

/* Prints "formadesk-cli: MESSAGE" as one line on stderr. */
void
fd_cli_print_error (const char *message)
{
  g_autofree char *line = g_strdup (message != NULL ? message : _("Unknown error"));

  g_strstrip (g_strdelimit (line, "\r\n", ' '));
  g_printerr ("formadesk-cli: %s\n", line);
}

/* Reports @error (taking it) and returns the failure exit status. */
int
fd_cli_fail (GError *error)
{
  fd_cli_print_error (error != NULL ? error->message : NULL);
  g_clear_error (&error);

  return FD_CLI_EXIT_FAILED;
}

/* Same as fd_cli_fail(), for a command line that makes no sense. */
int
fd_cli_usage_error (GError *error)
{
  fd_cli_print_error (error != NULL ? error->message : NULL);
  g_clear_error (&error);

  return FD_CLI_EXIT_USAGE;
}

/* Sets @error if the command line has more than @n_expected arguments
 * left after its options (the command's name counts as one). */
gboolean
fd_cli_check_no_more_arguments (int      argc,
                                char   **argv,
                                int      n_expected,
                                GError **error)
{
  if (argc <= n_expected)
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("unexpected argument “%s”"), argv[n_expected]);

  return FALSE;
}

static GOptionEntry *
global_entries (FdCliContext *context)
{
  GOptionEntry *entries = g_new0 (GOptionEntry, 2);

  entries[0].long_name = "db";
  entries[0].arg = G_OPTION_ARG_FILENAME;
  entries[0].arg_data = &context->db_path;
  entries[0].description = _("The database file (default: the application’s own)");
  entries[0].arg_description = _("PATH");

  return entries;
}

/**
 * fd_cli_parse_options:
 *
 * Parses a subcommand's options. `--db` is accepted there too, so that
 * `formadesk-cli list --db x.db sessions` works as well as the canonical
 * `formadesk-cli --db x.db list sessions`. `--help` prints the
 * subcommand's own help, headed "formadesk-cli COMMAND".
 */
gboolean
fd_cli_parse_options (FdCliContext     *context,
                      GOptionContext   *option_context,
                      const char       *command,
                      int              *argc,
                      char           ***argv,
                      GError          **error)
{
  g_autofree GOptionEntry *entries = global_entries (context);
  g_autofree char *prgname = g_strdup_printf ("formadesk-cli %s", command);
  g_autofree char *previous = g_strdup (g_get_prgname ());
  gboolean ok;

  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);

  g_set_prgname (prgname);
  ok = g_option_context_parse (option_context, argc, argv, error);
  g_set_prgname (previous);

  return ok;
}

FdDatabase *
fd_cli_open_database (FdCliContext         *context,
                      FdDatabaseOpenFlags   flags,
                      GError              **error)
{
  if (context->db_path == NULL)
    context->db_path = fd_database_dup_default_path ();

  return fd_database_open (context->db_path, flags, error);
}

/* Writes @node as indented JSON on stdout, in UTF-8 whatever the locale. */
void
fd_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  fputs (text, stdout);
  fputc ('\n', stdout);
}

void
fd_cli_builder_add_int (JsonBuilder *builder,
                        const char  *name,
                        gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
fd_cli_builder_add_boolean (JsonBuilder *builder,
                            const char  *name,
                            gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* Adds @name: @value, made valid UTF-8 first: text comes from a file that
 * another program may have written, and JSON must stay JSON. */
void
fd_cli_builder_add_string (JsonBuilder *builder,
                           const char  *name,
                           const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    {
      json_builder_add_null_value (builder);
    }
  else if (g_utf8_validate (value, -1, NULL))
    {
      json_builder_add_string_value (builder, value);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (builder, valid);
    }
}

/* Prints @rows (arrays of strings; the first one is the header) as columns
 * aligned on characters, not bytes, so accented names line up. Cells that
 * are not valid UTF-8 are made so, in place. */
void
fd_cli_print_table (GPtrArray *rows)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (glong));
  g_autoptr(GString) line = g_string_new (NULL);
  guint r;

  /* g_utf8_strlen() would read past the end of a truncated sequence */
  for (r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        if (!g_utf8_validate (row[c], -1, NULL))
          {
            char *valid = g_utf8_make_valid (row[c], -1);

            g_free (row[c]);
            row[c] = valid;
          }
    }

  for (r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);
      guint c;

      for (c = 0; row[c] != NULL; c++)
        {
          glong width = g_utf8_strlen (row[c], -1);

          if (c >= widths->len)
            g_array_set_size (widths, c + 1);
          if (width > g_array_index (widths, glong, c))
            g_array_index (widths, glong, c) = width;
        }
    }

  for (r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);
      guint c;

      g_string_truncate (line, 0);
      for (c = 0; row[c] != NULL; c++)
        {
          g_string_append (line, row[c]);
          if (row[c + 1] != NULL)
            {
              glong pad = g_array_index (widths, glong, c) - g_utf8_strlen (row[c], -1) + 2;

              for (; pad > 0; pad--)
                g_string_append_c (line, ' ');
            }
        }
      g_string_append_c (line, '\n');
      fputs (line->str, stdout);
    }
}

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));
  guint i;

  g_string_append_c (text, '\n');
  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “formadesk-cli COMMAND --help” for a command’s options."));

  return g_string_free (text, FALSE);
}

static char *
usage_line (void)
{
  GString *names = g_string_new (NULL);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, commands[i].name);
    }

  /* Translators: %s is the list of commands, "demo|stats|list|…" */
  return g_strdup_printf (_("usage: formadesk-cli [--db PATH] %s [OPTION…]"), names->str);
}

int
fd_cli_run (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  FdCliContext context = { NULL, };
  const Command *command = NULL;
  int status;
  guint i;

  g_set_prgname ("formadesk-cli");

  entries = global_entries (&context);
  description = describe_commands ();
  option_context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  g_option_context_set_summary (option_context,
                                _("Work on a Formadesk database from scripts: demo data, "
                                  "statistics, lists, checks and benchmarks."));
  g_option_context_set_description (option_context, description);
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows is the command's. */
  g_option_context_set_strict_posix (option_context, TRUE);

  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (argc < 2)
    {
      g_autofree char *usage = usage_line ();

      fd_cli_print_error (usage);
      g_free (context.db_path);
      return FD_CLI_EXIT_USAGE;
    }

  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];

  if (command == NULL)
    {
      g_autofree char *usage = usage_line ();
      g_autofree char *message = NULL;

      /* Translators: the second %s is the usage line */
      message = g_strdup_printf (_("unknown command “%1$s”; %2$s"), argv[1], usage);
      fd_cli_print_error (message);
      g_free (context.db_path);
      return FD_CLI_EXIT_USAGE;
    }

  status = command->func (&context, argc - 1, argv + 1);
  fflush (stdout);
  g_free (context.db_path);

  return status;
}
