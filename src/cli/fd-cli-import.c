/* fd-cli-import.c — `formadesk-cli import sessions`: partners' sessions
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

/*
 * The CSV form is read by core (fd_session_import_parse_csv()). The JSON
 * form is read here, because core does not depend on json-glib: each slot
 * becomes the row a CSV file would have, with the line its object starts
 * on, and core checks both the same way.
 *
 *   {"sessions": [{"reference": "…", "formation": "…", "libelle": "…",
 *                  "type": "inter",
 *                  "slots": [{"sequence": "…", "date": "03/03/2026",
 *                             "debut": "09:00", "fin": "17:00",
 *                             "pause_minutes": 60, "lieu": "…", "salle": "…",
 *                             "formateurs": ["…", "…"]}]}]}
 *
 * (a bare array of sessions is accepted too).
 */

typedef struct
{
  FdSessionImport *import;
  GHashTable *lines; /* JsonObject → line its "{" is on */
  GArray *open;      /* lines of the objects being parsed, innermost last */
} JsonImport;

static const FdSessionImportColumn session_members[] = {
  FD_SESSION_IMPORT_COLUMN_REFERENCE,
  FD_SESSION_IMPORT_COLUMN_TRAINING,
  FD_SESSION_IMPORT_COLUMN_LABEL,
  FD_SESSION_IMPORT_COLUMN_KIND,
};

static const FdSessionImportColumn slot_members[] = {
  FD_SESSION_IMPORT_COLUMN_SEQUENCE,
  FD_SESSION_IMPORT_COLUMN_DATE,
  FD_SESSION_IMPORT_COLUMN_START,
  FD_SESSION_IMPORT_COLUMN_END,
  FD_SESSION_IMPORT_COLUMN_BREAK,
  FD_SESSION_IMPORT_COLUMN_PLACE,
  FD_SESSION_IMPORT_COLUMN_ROOM,
  FD_SESSION_IMPORT_COLUMN_TRAINERS,
};

/* The parser says where an object starts, and then which object it was
 * once it ends: nested objects end first. */
static void
on_parser_object_start_cb (JsonParser *parser,
                           gpointer    user_data)
{
  JsonImport *reader = user_data;
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (reader->open, line);
}

static void
on_parser_object_end_cb (JsonParser *parser,
                         JsonObject *object,
                         gpointer    user_data)
{
  JsonImport *reader = user_data;
  guint line;

  if (reader->open->len == 0)
    return;

  line = g_array_index (reader->open, guint, reader->open->len - 1);
  g_array_set_size (reader->open, reader->open->len - 1);
  g_hash_table_insert (reader->lines, object, GUINT_TO_POINTER (line));
}

static guint
line_of (JsonImport *reader,
         JsonObject *object)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (reader->lines, object));
}

/* The text of a member that may be a string or a number; FALSE if it is
 * something else. *@text is NULL for null. */
static gboolean
member_text (JsonNode  *node,
             char     **text)
{
  *text = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      *text = g_strdup (json_node_get_string (node));
      return TRUE;

    case G_TYPE_INT64:
      *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;

    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        *text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      }
      return TRUE;

    default:
      return FALSE;
    }
}

/* "formateurs" may be a list of emails or one text */
static gboolean
member_trainers (JsonNode  *node,
                 char     **text)
{
  g_autoptr(GString) joined = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return member_text (node, text);

  joined = g_string_new (NULL);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        return FALSE;
      if (joined->len > 0)
        g_string_append_c (joined, ',');
      g_string_append (joined, json_node_get_string (element));
    }

  *text = g_string_free (g_steal_pointer (&joined), FALSE);

  return TRUE;
}

/* Reads the members of @object named in @columns into @values; unknown
 * members (other than @container, read by the caller) are problems. */
static gboolean
read_members (JsonImport                  *reader,
              JsonObject                  *object,
              const FdSessionImportColumn *columns,
              guint                        n_columns,
              const char                  *container,
              char                       **values)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint line = line_of (reader, object);
  gboolean ok = TRUE;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);
      gboolean known = FALSE;

      if (container != NULL && g_str_equal (name, container))
        continue;

      for (guint i = 0; i < n_columns && !known; i++)
        {
          FdSessionImportColumn column = columns[i];
          gboolean read;

          if (!g_str_equal (name, fd_session_import_column_name (column)))
            continue;
          known = TRUE;

          g_clear_pointer (&values[column], g_free);
          if (column == FD_SESSION_IMPORT_COLUMN_TRAINERS)
            read = member_trainers (node, &values[column]);
          else
            read = member_text (node, &values[column]);

          if (!read)
            {
              fd_session_import_add_problem (reader->import, line, name,
                                             column == FD_SESSION_IMPORT_COLUMN_TRAINERS
                                             ? _("must be a list of email addresses")
                                             : _("must be text or a number"));
              ok = FALSE;
            }
        }

      if (!known)
        {
          g_autofree char *message = g_strdup_printf (_("unknown member “%s”"), name);

          fd_session_import_add_problem (reader->import, line, NULL, message);
          ok = FALSE;
        }
    }

  return ok;
}

static void
read_session (JsonImport *reader,
              JsonNode   *node,
              guint       parent_line)
{
  char *values[FD_SESSION_IMPORT_N_COLUMNS] = { NULL, };
  JsonObject *object;
  JsonNode *slots;
  guint line;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fd_session_import_add_problem (reader->import, parent_line, NULL,
                                     _("each session must be an object"));
      return;
    }

  object = json_node_get_object (node);
  line = line_of (reader, object);
  read_members (reader, object, session_members, G_N_ELEMENTS (session_members), "slots",
                values);

  slots = json_object_get_member (object, "slots");
  if (slots == NULL || !JSON_NODE_HOLDS_ARRAY (slots) ||
      json_array_get_length (json_node_get_array (slots)) == 0)
    {
      fd_session_import_add_problem (reader->import, line, "slots",
                                     _("must be a list of one or more slots"));
    }
  else
    {
      JsonArray *array = json_node_get_array (slots);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          char *row[FD_SESSION_IMPORT_N_COLUMNS] = { NULL, };
          JsonObject *slot;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              fd_session_import_add_problem (reader->import, line, "slots",
                                             _("each slot must be an object"));
              continue;
            }

          slot = json_node_get_object (element);
          for (guint c = 0; c < G_N_ELEMENTS (session_members); c++)
            row[session_members[c]] = g_strdup (values[session_members[c]]);

          if (read_members (reader, slot, slot_members, G_N_ELEMENTS (slot_members), NULL, row))
            fd_session_import_add_row (reader->import, line_of (reader, slot),
                                       (const char * const *) row);

          for (guint c = 0; c < FD_SESSION_IMPORT_N_COLUMNS; c++)
            g_free (row[c]);
        }
    }

  for (guint c = 0; c < FD_SESSION_IMPORT_N_COLUMNS; c++)
    g_free (values[c]);
}

static FdSessionImport *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(FdSessionImport) import = fd_session_import_new ();
  JsonImport reader = { import, lines, open };
  JsonNode *root;
  JsonNode *sessions = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  g_signal_connect (parser, "object-start", G_CALLBACK (on_parser_object_start_cb), &reader);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_parser_object_end_cb), &reader);
  if (!json_parser_load_from_data (parser, data, (gssize) length, error))
    return NULL;

  root = json_parser_get_root (parser);

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    sessions = root;
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      g_autoptr(GList) members = json_object_get_members (object);

      sessions = json_object_get_member (object, "sessions");
      for (GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "sessions"))
          {
            g_autofree char *message = g_strdup_printf (_("unknown member “%s”"),
                                                        (const char *) l->data);

            fd_session_import_add_problem (import, line_of (&reader, object), NULL, message);
          }
    }

  if (sessions == NULL || !JSON_NODE_HOLDS_ARRAY (sessions))
    {
      g_set_error_literal (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_SYNTAX,
                           _("The JSON file must hold a “sessions” list."));
      return NULL;
    }

  {
    JsonArray *array = json_node_get_array (sessions);

    for (guint i = 0; i < json_array_get_length (array); i++)
      read_session (&reader, json_array_get_element (array, i), 1);
  }

  return g_steal_pointer (&import);
}

static gboolean
looks_like_json (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && (data[i] == '{' || data[i] == '[');
}

static char *
format_period (const char *start_at,
               const char *end_at)
{
  g_autofree char *start_day = NULL;
  g_autofree char *end_day = NULL;

  if (start_at == NULL || end_at == NULL)
    return g_strdup ("");

  start_day = fd_format_date_short (start_at);
  end_day = fd_format_date_short (end_at);
  if (strncmp (start_at, end_at, 10) == 0)
    return g_steal_pointer (&start_day);

  return g_strdup_printf ("%s – %s", start_day, end_day);
}

/* Conflicts do not stop an import: they are listed, by line */
static void
print_warnings (GPtrArray *sessions)
{
  guint n = 0;

  for (guint i = 0; i < sessions->len; i++)
    {
      FdSessionImportSession *session = g_ptr_array_index (sessions, i);

      for (guint k = 0; k < session->slots->len; k++)
        {
          FdSessionImportSlot *slot = g_ptr_array_index (session->slots, k);

          for (guint w = 0; w < slot->warnings->len; w++)
            {
              const FdSessionImportProblem *warning = g_ptr_array_index (slot->warnings, w);

              if (n++ == 0)
                printf ("%s\n", _("Conflicts to sort out:"));
              /* Translators: %1$u is a line of the file, %2$s a conflict */
              printf (_("line %1$u: %2$s\n"), warning->line, warning->message);
            }
        }
    }
}

static void
print_sessions (GPtrArray *sessions,
                gboolean   written)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (written)
    /* Translators: column headers, separated by | */
    g_ptr_array_add (rows,
                     g_strsplit (_("CODE|REFERENCE|TRAINING|LABEL|TYPE|DATES|SEQUENCES|SLOTS"),
                                 "|", -1));
  else
    /* Translators: column headers, separated by | */
    g_ptr_array_add (rows, g_strsplit (_("REFERENCE|TRAINING|LABEL|TYPE|DATES|SEQUENCES|SLOTS"),
                                       "|", -1));

  for (guint i = 0; i < sessions->len; i++)
    {
      const FdSessionImportSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GPtrArray) row = g_ptr_array_new ();

      if (written)
        g_ptr_array_add (row, g_strdup (session->code));
      g_ptr_array_add (row, g_strdup (session->reference));
      g_ptr_array_add (row, g_strdup (session->training_code));
      g_ptr_array_add (row, g_strdup (session->label));
      g_ptr_array_add (row, g_strdup (fd_format_session_kind (session->kind)));
      g_ptr_array_add (row, format_period (session->start_at, session->end_at));
      g_ptr_array_add (row, g_strdup_printf ("%u", session->sequences->len));
      g_ptr_array_add (row, g_strdup_printf ("%u", session->slots->len));
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&row), FALSE));
    }

  fd_cli_print_table (rows);
}

static guint
count_slots (GPtrArray *sessions)
{
  guint n = 0;

  for (guint i = 0; i < sessions->len; i++)
    n += ((FdSessionImportSession *) g_ptr_array_index (sessions, i))->slots->len;

  return n;
}

/* Lists every problem on stderr, then a last line saying nothing was
 * written; returns the failure status. */
static int
report_problems (GPtrArray *problems)
{
  g_autofree char *summary = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = fd_session_import_problem_format (g_ptr_array_index (problems, i));

      g_strdelimit (line, "\r\n", ' ');
      fprintf (stderr, "%s\n", line);
    }

  summary = g_strdup_printf (ngettext ("%u problem; nothing was imported",
                                       "%u problems; nothing was imported", problems->len),
                             problems->len);
  fd_cli_print_error (summary);

  return FD_CLI_EXIT_FAILED;
}

int
fd_cli_import (FdCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(FdSessionImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *format = NULL;
  gboolean dry_run = FALSE;
  gboolean json;
  GPtrArray *problems;
  GPtrArray *sessions;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and show what would be imported, without writing"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The file’s format (default: JSON if it starts with “{” or “[”, else CSV)"),
      N_("csv|json") },
    { NULL }
  };

  option_context = g_option_context_new (_("sessions FILE"));
  g_option_context_set_summary (option_context,
                                _("Import partners’ sessions from a CSV or JSON file, one row "
                                  "per slot, as drafts. Every row is checked first: if one is "
                                  "wrong, each wrong row is listed and nothing is written."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "import", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (argc < 3 || !g_str_equal (argv[1], "sessions"))
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("what to import? usage: formadesk-cli import sessions FILE "
                             "[--dry-run]"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (!fd_cli_check_no_more_arguments (argc, argv, 3, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown format “%s” (expected csv or json)"), format);
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    return fd_cli_fail (g_steal_pointer (&error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  json = format != NULL ? g_str_equal (format, "json") : looks_like_json (bytes);
  import = json ? parse_json (bytes, &error) : fd_session_import_parse_csv (bytes, &error);
  if (import == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  if (!fd_session_import_check (database, import, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  problems = fd_session_import_get_problems (import);
  if (problems->len > 0)
    return report_problems (problems);

  sessions = fd_session_import_get_sessions (import);
  if (sessions->len == 0)
    {
      fd_cli_print_error (_("The file has no session to import."));
      return FD_CLI_EXIT_FAILED;
    }

  if (dry_run)
    {
      guint n_slots = count_slots (sessions);
      g_autofree char *slots = g_strdup_printf (ngettext ("%u slot", "%u slots", n_slots),
                                                n_slots);

      /* Translators: %1$u is a number of sessions, %2$s "12 slots" */
      printf (ngettext ("Would import %1$u session (%2$s); nothing was written:\n",
                        "Would import %1$u sessions (%2$s); nothing was written:\n",
                        sessions->len),
              sessions->len, slots);
      print_sessions (sessions, FALSE);
      print_warnings (sessions);
      return FD_CLI_EXIT_OK;
    }

  if (!fd_session_import_apply (database, import, &error))
    {
      /* The database changed since the check: list what is wrong now */
      if (g_error_matches (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_INVALID))
        return report_problems (fd_session_import_get_problems (import));
      return fd_cli_fail (g_steal_pointer (&error));
    }

  sessions = fd_session_import_get_sessions (import);
  {
    guint n_slots = count_slots (sessions);
    g_autofree char *slots = g_strdup_printf (ngettext ("%u slot", "%u slots", n_slots), n_slots);

    /* Translators: %1$u is a number of sessions, %2$s "12 slots" */
    printf (ngettext ("Imported %1$u session (%2$s), as a draft:\n",
                      "Imported %1$u sessions (%2$s), as drafts:\n", sessions->len),
            sessions->len, slots);
  }
  print_sessions (sessions, TRUE);
  print_warnings (sessions);

  return FD_CLI_EXIT_OK;
}
