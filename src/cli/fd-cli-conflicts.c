/* fd-cli-conflicts.c — `formadesk-cli conflicts`: the scheduling conflicts
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"
#include "fd-conflicts.h"
#include "fd-suggestion.h"

#include <stdio.h>
#include <string.h>

/* The same fd_conflicts_in_range() the calendar shows its warnings from,
 * and with --suggest the same fd_conflicts_suggest() its panel offers. */

#define SUGGESTIONS_PER_CONFLICT 3

/* slot id → its suggestions (GPtrArray of FdSuggestion), each slot's
 * computed once however many conflicts it has */
static GPtrArray *
lookup_suggestions (FdDatabase  *database,
                    GHashTable  *cache,
                    const char  *slot_id,
                    GError     **error)
{
  g_autoptr(FdSlotProposal) proposal = NULL;
  GPtrArray *suggestions;

  if (slot_id == NULL)
    return NULL;

  suggestions = g_hash_table_lookup (cache, slot_id);
  if (suggestions != NULL)
    return suggestions;

  proposal = fd_slot_proposal_new_for_slot (database, slot_id, error);
  if (proposal == NULL)
    return NULL;
  suggestions = fd_conflicts_suggest (database, proposal, SUGGESTIONS_PER_CONFLICT, error);
  if (suggestions == NULL)
    return NULL;

  g_hash_table_insert (cache, g_strdup (slot_id), suggestions);

  return suggestions;
}

/* The suggestions of @conflict's slot that answer it, borrowed */
static GPtrArray *
answers_of (GHashTable       *cache,
            const FdConflict *conflict)
{
  const char *slot_id = fd_conflict_get_slot_id (conflict);
  GPtrArray *suggestions = slot_id != NULL ? g_hash_table_lookup (cache, slot_id) : NULL;
  GPtrArray *answers = g_ptr_array_new ();

  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    if (fd_suggestion_answers (g_ptr_array_index (suggestions, i), conflict))
      g_ptr_array_add (answers, g_ptr_array_index (suggestions, i));

  return answers;
}

static const char *
suggestion_kind_name (const FdSuggestion *suggestion)
{
  return fd_suggestion_get_kind (suggestion) == FD_SUGGESTION_KIND_TRAINER ? "trainer" : "room";
}

static void
add_json_suggestions (JsonBuilder *builder,
                      GPtrArray   *answers)
{
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < answers->len; i++)
    {
      const FdSuggestion *suggestion = g_ptr_array_index (answers, i);

      json_builder_begin_object (builder);
      fd_cli_builder_add_string (builder, "kind", suggestion_kind_name (suggestion));
      fd_cli_builder_add_string (builder, "id", fd_suggestion_get_id (suggestion));
      fd_cli_builder_add_string (builder, "name", fd_suggestion_get_name (suggestion));
      fd_cli_builder_add_string (builder, "replaces_id",
                                 fd_suggestion_get_replaces_id (suggestion));
      fd_cli_builder_add_string (builder, "reason", fd_suggestion_get_reason (suggestion));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char **
suggestion_row (const FdSuggestion *suggestion)
{
  char **row = g_new0 (char *, 6);

  row[0] = g_strdup ("");
  row[1] = g_strdup ("");
  row[2] = g_strdup ("");
  if (fd_suggestion_get_kind (suggestion) == FD_SUGGESTION_KIND_TRAINER)
    /* Translators: in the CONFLICT column, a suggested way out */
    row[3] = g_strdup (_("→ other trainer"));
  else
    /* Translators: in the CONFLICT column, a suggested way out */
    row[3] = g_strdup (_("→ other room"));
  /* Translators: a suggestion, %1$s a trainer or a room, %2$s why ("Free,
   * teaches Excel") */
  row[4] = g_strdup_printf (_("%1$s: %2$s"), fd_suggestion_get_name (suggestion),
                            fd_suggestion_get_reason (suggestion));

  return row;
}

/* Reads DD/MM/YYYY (as people write dates here) or YYYY-MM-DD */
static gboolean
parse_date_option (const char  *option,
                   const char  *text,
                   char       **iso,
                   GError     **error)
{
  g_autofree char *converted = NULL;

  *iso = NULL;
  if (text == NULL)
    return TRUE;

  if (fd_validate_date (text))
    {
      *iso = g_strdup (text);
      return TRUE;
    }

  if (strlen (text) == 10 && text[2] == '/' && text[5] == '/')
    {
      converted = g_strdup_printf ("%.4s-%.2s-%.2s", text + 6, text + 3, text);
      if (fd_validate_date (converted))
        {
          *iso = g_steal_pointer (&converted);
          return TRUE;
        }
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: %1$s is an option, "--from"; %2$s what was given */
               _("%1$s: “%2$s” is not a date; write it DD/MM/YYYY or YYYY-MM-DD"), option, text);
  return FALSE;
}

static void
add_json_conflict (JsonBuilder      *builder,
                   const FdConflict *conflict,
                   GPtrArray        *answers)
{
  FdConflictKind kind = fd_conflict_get_kind (conflict);

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "kind", fd_conflict_kind_to_string (kind));
  fd_cli_builder_add_string (builder, "label", fd_conflict_kind_get_label (kind));
  fd_cli_builder_add_string (builder, "slot_id", fd_conflict_get_slot_id (conflict));
  fd_cli_builder_add_string (builder, "session", fd_conflict_get_session_code (conflict));
  fd_cli_builder_add_string (builder, "start_at", fd_conflict_get_start_at (conflict));
  fd_cli_builder_add_string (builder, "end_at", fd_conflict_get_end_at (conflict));
  fd_cli_builder_add_string (builder, "other_slot_id", fd_conflict_get_other_slot_id (conflict));
  fd_cli_builder_add_string (builder, "other_session",
                             fd_conflict_get_other_session_code (conflict));
  fd_cli_builder_add_string (builder, "other_start_at",
                             fd_conflict_get_other_start_at (conflict));
  fd_cli_builder_add_string (builder, "other_end_at", fd_conflict_get_other_end_at (conflict));
  fd_cli_builder_add_string (builder, "trainer_id", fd_conflict_get_trainer_id (conflict));
  fd_cli_builder_add_string (builder, "trainer", fd_conflict_get_trainer_name (conflict));
  fd_cli_builder_add_string (builder, "room_id", fd_conflict_get_room_id (conflict));
  fd_cli_builder_add_string (builder, "room", fd_conflict_get_room_name (conflict));
  fd_cli_builder_add_string (builder, "unavailability_id",
                             fd_conflict_get_unavailability_id (conflict));
  fd_cli_builder_add_string (builder, "message", fd_conflict_get_message (conflict));
  fd_cli_builder_add_boolean (builder, "kept", fd_conflict_get_kept (conflict));
  fd_cli_builder_add_string (builder, "kept_reason", fd_conflict_get_kept_reason (conflict));
  if (answers != NULL)
    add_json_suggestions (builder, answers);
  json_builder_end_object (builder);
}

static char **
text_row (const FdConflict *conflict)
{
  char **row = g_new0 (char *, 6);
  const char *code = fd_conflict_get_session_code (conflict);

  row[0] = fd_format_date_short (fd_conflict_get_start_at (conflict));
  row[1] = fd_format_time_range (fd_conflict_get_start_at (conflict),
                                 fd_conflict_get_end_at (conflict));
  row[2] = g_strdup (code != NULL ? code : "");
  row[3] = g_strdup (fd_conflict_kind_get_label (fd_conflict_get_kind (conflict)));
  if (fd_conflict_get_kept (conflict))
    /* Translators: %1$s is what the conflict is, %2$s why a planner kept it */
    row[4] = g_strdup_printf (_("%1$s Kept: %2$s"), fd_conflict_get_message (conflict),
                              fd_conflict_get_kept_reason (conflict));
  else
    row[4] = g_strdup (fd_conflict_get_message (conflict));

  return row;
}

int
fd_cli_conflicts (FdCliContext  *context,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GHashTable) cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  gboolean suggest = FALSE;
  guint i;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("Only slots starting on this day or later"), N_("DD/MM/YYYY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Only slots starting on this day or earlier"), N_("DD/MM/YYYY") },
    { "suggest", 0, 0, G_OPTION_ARG_NONE, &suggest,
      N_("Follow each conflict with free trainers or rooms that would solve it"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of objects"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("List the scheduling conflicts of the slots that start in a "
                                  "period (all of them by default): trainers or rooms booked "
                                  "twice, trainers unavailable or at two places the same day, "
                                  "rooms too small, slots outside their session’s year. "
                                  "Conflicts a planner kept are shown with their reason. "
                                  "Dates are DD/MM/YYYY or YYYY-MM-DD."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "conflicts", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (!fd_cli_check_no_more_arguments (argc, argv, 1, &error) ||
      !parse_date_option ("--from", from_text, &from, &error) ||
      !parse_date_option ("--to", to_text, &to, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (from != NULL && to != NULL && strcmp (to, from) < 0)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("the day given to --to comes before the day given to --from"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  conflicts = fd_conflicts_in_range (database, from, to, &error);
  if (conflicts == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  /* Suggestions first, so that an error prints nothing but itself */
  cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) g_ptr_array_unref);
  for (i = 0; suggest && i < conflicts->len; i++)
    {
      const FdConflict *conflict = g_ptr_array_index (conflicts, i);

      if (fd_conflict_get_kept (conflict))
        continue;
      if (lookup_suggestions (database, cache, fd_conflict_get_slot_id (conflict), &error) == NULL &&
          error != NULL)
        return fd_cli_fail (g_steal_pointer (&error));
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (i = 0; i < conflicts->len; i++)
        {
          const FdConflict *conflict = g_ptr_array_index (conflicts, i);
          g_autoptr(GPtrArray) answers = NULL;

          if (suggest)
            answers = answers_of (cache, conflict);
          add_json_conflict (builder, conflict, answers);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
    }
  else if (conflicts->len == 0)
    {
      /* Translators: printed by `conflicts` when there is none */
      puts (_("No conflicts."));
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      /* Translators: column headers, separated by | */
      g_ptr_array_add (rows, g_strsplit (_("DATE|TIME|SESSION|CONFLICT|DETAILS"), "|", 5));
      for (i = 0; i < conflicts->len; i++)
        {
          const FdConflict *conflict = g_ptr_array_index (conflicts, i);

          g_ptr_array_add (rows, text_row (conflict));
          if (suggest)
            {
              g_autoptr(GPtrArray) answers = NULL;

              answers = answers_of (cache, conflict);
              for (guint j = 0; j < answers->len; j++)
                g_ptr_array_add (rows, suggestion_row (g_ptr_array_index (answers, j)));
            }
        }
      fd_cli_print_table (rows);
    }

  return FD_CLI_EXIT_OK;
}
