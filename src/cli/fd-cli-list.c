/* fd-cli-list.c — `formadesk-cli list`: the application's lists, for scripts
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"

/* The same FdRecordList the application's views show, so the CLI sorts and
 * searches exactly as they do ("helene" finds "Hélène"). */

#define MAX_COLUMN_CHARS 44

static char *
cell (const char *text)
{
  if (text == NULL)
    return g_strdup ("");

  if (g_utf8_strlen (text, -1) > MAX_COLUMN_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_COLUMN_CHARS - 1);

      return g_strconcat (start, "…", NULL);
    }

  return g_strdup (text);
}

static char *
cell_take (char *text)
{
  g_autofree char *owned = text;

  return cell (owned);
}

static char *
join_name (const char *first_name,
           const char *last_name)
{
  return cell_take (g_strjoin (" ",
                               first_name != NULL ? first_name : "",
                               last_name != NULL ? last_name : "",
                               NULL));
}

static void
fill_session_row (char     **row,
                  gpointer   item)
{
  FdSession *session = item;

  row[0] = cell (fd_session_get_code (session));
  row[1] = cell (fd_session_get_label (session));
  row[2] = cell (fd_format_session_status (fd_session_get_status (session)));
  row[3] = cell (fd_session_get_start_date (session));
  row[4] = cell (fd_session_get_end_date (session));
  row[5] = g_strdup_printf ("%u/%u", fd_session_get_n_enrolled (session),
                            fd_session_get_capacity_max (session));
}

static void
fill_trainer_row (char     **row,
                  gpointer   item)
{
  FdTrainer *trainer = item;

  row[0] = join_name (fd_trainer_get_first_name (trainer),
                      fd_trainer_get_last_name (trainer));
  row[1] = cell (fd_format_trainer_kind (fd_trainer_get_kind (trainer)));
  row[2] = cell (fd_trainer_get_email (trainer));
  row[3] = cell_take (fd_format_phone (fd_trainer_get_phone (trainer)));
  row[4] = cell (fd_trainer_get_city (trainer));
  row[5] = cell (fd_format_extranet_state (fd_trainer_get_extranet_state (trainer)));
}

static void
fill_trainee_row (char     **row,
                  gpointer   item)
{
  FdTrainee *trainee = item;

  row[0] = join_name (fd_trainee_get_first_name (trainee),
                      fd_trainee_get_last_name (trainee));
  row[1] = cell (fd_trainee_get_email (trainee));
  row[2] = cell_take (fd_format_phone (fd_trainee_get_phone (trainee)));
  row[3] = cell (fd_trainee_get_birth_date (trainee));
  row[4] = cell (fd_trainee_get_city (trainee));
  row[5] = cell (fd_trainee_get_client_name (trainee));
}

static void
fill_client_row (char     **row,
                 gpointer   item)
{
  FdClient *client = item;

  row[0] = cell (fd_client_get_name (client));
  row[1] = cell (fd_format_client_kind (fd_client_get_kind (client)));
  row[2] = cell (fd_client_get_siret (client));
  row[3] = cell (fd_client_get_email (client));
  row[4] = cell (fd_client_get_city (client));
  row[5] = cell (fd_client_get_funder (client) != NULL
                 ? fd_format_funder (fd_client_get_funder (client))
                 : NULL);
}

static void
add_session_members (JsonBuilder *builder,
                     gpointer     item)
{
  FdSession *session = item;

  fd_cli_builder_add_string (builder, "code", fd_session_get_code (session));
  fd_cli_builder_add_string (builder, "label", fd_session_get_label (session));
  fd_cli_builder_add_string (builder, "training", fd_session_get_training_title (session));
  fd_cli_builder_add_string (builder, "kind", fd_session_get_kind (session));
  fd_cli_builder_add_string (builder, "status", fd_session_get_status (session));
  json_builder_set_member_name (builder, "published");
  json_builder_add_boolean_value (builder, fd_session_get_published (session));
  fd_cli_builder_add_string (builder, "client", fd_session_get_client_name (session));
  fd_cli_builder_add_string (builder, "start_date", fd_session_get_start_date (session));
  fd_cli_builder_add_string (builder, "end_date", fd_session_get_end_date (session));
  json_builder_set_member_name (builder, "slots");
  json_builder_add_int_value (builder, fd_session_get_n_slots (session));
  json_builder_set_member_name (builder, "enrolled");
  json_builder_add_int_value (builder, fd_session_get_n_enrolled (session));
  json_builder_set_member_name (builder, "capacity");
  json_builder_add_int_value (builder, fd_session_get_capacity_max (session));
}

static void
add_trainer_members (JsonBuilder *builder,
                     gpointer     item)
{
  FdTrainer *trainer = item;

  fd_cli_builder_add_string (builder, "first_name", fd_trainer_get_first_name (trainer));
  fd_cli_builder_add_string (builder, "last_name", fd_trainer_get_last_name (trainer));
  fd_cli_builder_add_string (builder, "email", fd_trainer_get_email (trainer));
  fd_cli_builder_add_string (builder, "phone", fd_trainer_get_phone (trainer));
  fd_cli_builder_add_string (builder, "kind", fd_trainer_get_kind (trainer));
  fd_cli_builder_add_string (builder, "city", fd_trainer_get_city (trainer));
  fd_cli_builder_add_string (builder, "extranet", fd_trainer_get_extranet_state (trainer));
}

static void
add_trainee_members (JsonBuilder *builder,
                     gpointer     item)
{
  FdTrainee *trainee = item;

  fd_cli_builder_add_string (builder, "civility", fd_trainee_get_civility (trainee));
  fd_cli_builder_add_string (builder, "first_name", fd_trainee_get_first_name (trainee));
  fd_cli_builder_add_string (builder, "last_name", fd_trainee_get_last_name (trainee));
  fd_cli_builder_add_string (builder, "email", fd_trainee_get_email (trainee));
  fd_cli_builder_add_string (builder, "phone", fd_trainee_get_phone (trainee));
  fd_cli_builder_add_string (builder, "birth_date", fd_trainee_get_birth_date (trainee));
  fd_cli_builder_add_string (builder, "city", fd_trainee_get_city (trainee));
  fd_cli_builder_add_string (builder, "client", fd_trainee_get_client_name (trainee));
}

static void
add_client_members (JsonBuilder *builder,
                    gpointer     item)
{
  FdClient *client = item;

  fd_cli_builder_add_string (builder, "kind", fd_client_get_kind (client));
  fd_cli_builder_add_string (builder, "name", fd_client_get_name (client));
  fd_cli_builder_add_string (builder, "siret", fd_client_get_siret (client));
  fd_cli_builder_add_string (builder, "email", fd_client_get_email (client));
  fd_cli_builder_add_string (builder, "phone", fd_client_get_phone (client));
  fd_cli_builder_add_string (builder, "city", fd_client_get_city (client));
  fd_cli_builder_add_string (builder, "funder", fd_client_get_funder (client));
}

/* How the CLI prints each kind: the column headers, then each item as a
 * row of six cells or as a JSON object's members (after its id) */
static const struct
{
  const char *header;
  void      (*fill_row)    (char       **row,
                            gpointer     item);
  void      (*add_members) (JsonBuilder *builder,
                            gpointer     item);
} formats[] = {
  [FD_RECORD_KIND_SESSION] = {
    /* Translators: column headers, separated by | */
    N_("CODE|LABEL|STATUS|START|END|ENROLLED"),
    fill_session_row, add_session_members,
  },
  [FD_RECORD_KIND_TRAINER] = {
    /* Translators: column headers, separated by | */
    N_("NAME|KIND|EMAIL|PHONE|CITY|EXTRANET"),
    fill_trainer_row, add_trainer_members,
  },
  [FD_RECORD_KIND_TRAINEE] = {
    /* Translators: column headers, separated by | */
    N_("NAME|EMAIL|PHONE|BIRTH DATE|CITY|CLIENT"),
    fill_trainee_row, add_trainee_members,
  },
  [FD_RECORD_KIND_CLIENT] = {
    /* Translators: column headers, separated by | */
    N_("NAME|KIND|SIRET|EMAIL|CITY|FUNDER"),
    fill_client_row, add_client_members,
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (formats) == FD_N_RECORD_KINDS);

static char **
header_row (FdRecordKind kind)
{
  return g_strsplit (_(formats[kind].header), "|", -1);
}

static char **
text_row (FdRecordKind  kind,
          gpointer      item)
{
  char **row = g_new0 (char *, 7);

  formats[kind].fill_row (row, item);

  return row;
}

static void
add_json_object (JsonBuilder  *builder,
                 FdRecordKind  kind,
                 gpointer      item)
{
  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "id", fd_record_get_id (FD_RECORD (item)));
  formats[kind].add_members (builder, item);
  json_builder_end_object (builder);
}

int
fd_cli_list (FdCliContext  *context,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL;
  const FdRecordKindInfo *kind;
  g_autofree char *limit_text = NULL;
  gboolean json = FALSE;
  guint64 limit = G_MAXUINT;
  guint n_items;
  guint i;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only rows matching these words, ignoring case and accents"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of objects"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Print at most N rows; 0 prints none (default: all)"), N_("N") },
    { NULL }
  };

  option_context = g_option_context_new (_("sessions|trainers|candidates|clients"));
  g_option_context_set_summary (option_context,
                                _("List sessions, trainers, candidates or clients, sorted "
                                  "as the application shows them."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "list", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (argc < 2)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("what to list? usage: formadesk-cli list "
                             "sessions|trainers|candidates|clients [OPTION…]"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  kind = fd_record_kind_find (argv[1]);

  if (kind == NULL)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("cannot list “%s” (expected sessions, trainers, candidates or clients)"),
                   argv[1]);
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (!fd_cli_check_no_more_arguments (argc, argv, 2, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  /* Parsed here rather than by GOption, for a clear message, and so that
   * 0 can mean none, as `head -n 0` does, while no option means all */
  if (limit_text != NULL &&
      !g_ascii_string_to_unsigned (limit_text, 10, 0, G_MAXUINT, &limit, NULL))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the limit must be a number of rows, 0 or more, not “%s”"), limit_text);
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  list = fd_record_list_new (database, kind->kind);
  if (search != NULL)
    fd_record_list_set_search (list, search);

  n_items = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), (guint) limit);
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (i = 0; i < n_items; i++)
    {
      gpointer item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  /* Rows that could not be read: say why rather than print fewer */
  if (fd_record_list_get_error (list) != NULL)
    return fd_cli_fail (g_error_copy (fd_record_list_get_error (list)));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (i = 0; i < items->len; i++)
        add_json_object (builder, kind->kind, g_ptr_array_index (items, i));
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_ptr_array_add (rows, header_row (kind->kind));
      for (i = 0; i < items->len; i++)
        g_ptr_array_add (rows, text_row (kind->kind, g_ptr_array_index (items, i)));
      fd_cli_print_table (rows);
    }

  return FD_CLI_EXIT_OK;
}
