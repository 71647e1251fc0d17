/* fd-cli-emails.c — `formadesk-cli emails`: a session's email schedule, and
 * the due emails put in the mail outbox
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"
#include "fd-session-emails.h"

#include <stdio.h>

/* The same fd_session_emails_schedule() the session's Emails tab shows,
 * and the fd_session_emails_queue_due() a timer or cron job runs. */

#define DEFAULT_TIME_ZONE "Europe/Paris"

/* Reads YYYY-MM-DDTHH:MM, a wall-clock time of this computer's zone */
static gboolean
parse_now (const char  *text,
           GDateTime  **now,
           GError     **error)
{
  g_autoptr(GTimeZone) local = NULL;
  int year, month, day, hour, minute;

  *now = NULL;
  if (text == NULL)
    return TRUE;

  if (fd_validate_date_time (text) &&
      sscanf (text, "%4d-%2d-%2dT%2d:%2d", &year, &month, &day, &hour, &minute) == 5)
    {
      local = g_time_zone_new_local ();
      *now = g_date_time_new (local, year, month, day, hour, minute, 0);
      if (*now != NULL)
        return TRUE;
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: %s is what was given to --now */
               _("--now: “%s” is not a time; write it YYYY-MM-DDTHH:MM"), text);
  return FALSE;
}

static char *
format_send_at (const FdSessionEmailEntry *entry)
{
  const char *send_at = fd_session_email_entry_get_send_at (entry);
  const char *zone = fd_session_email_entry_get_time_zone (entry);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (send_at == NULL)
    return g_strdup ("—");

  date = fd_format_date_short (send_at);
  time = fd_format_time (send_at);
  if (zone != NULL && !g_str_equal (zone, DEFAULT_TIME_ZONE))
    return g_strdup_printf ("%s %s %s", date, time, zone);

  return g_strdup_printf ("%s %s", date, time);
}

static char *
format_recipients (const FdSessionEmailEntry *entry)
{
  guint n = fd_session_email_entry_get_n_recipients (entry);
  guint without = fd_session_email_entry_get_n_without_address (entry);

  if (without == 0)
    return g_strdup_printf ("%u", n);

  /* Translators: %1$u people receive an email, %2$u have no address */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%1$u (%2$u without an address)",
                                       "%1$u (%2$u without an address)", without),
                          n, without);
}

static char *
describe_recipients (const FdSessionEmailSetting *setting)
{
  g_auto(GStrv) parts = g_strsplit (fd_session_email_setting_get_recipients (setting) != NULL
                                    ? fd_session_email_setting_get_recipients (setting) : "",
                                    ", ", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      if (*part == '\0')
        continue;
      if (g_str_equal (part, FD_SESSION_EMAIL_RECIPIENTS_TRAINEES))
        part = _("trainees");
      else if (g_str_equal (part, FD_SESSION_EMAIL_RECIPIENTS_TRAINERS))
        part = _("trainers");
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, part);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_delay (const FdSessionEmailSetting *setting)
{
  return fd_session_email_format_delay (fd_session_email_setting_get_anchor (setting),
                                        fd_session_email_setting_get_offset_minutes (setting));
}

static void
print_settings (GPtrArray *settings)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  /* Translators: column headers, separated by | */
  g_ptr_array_add (rows, g_strsplit (_("EMAIL|ON|DELAY|RECIPIENTS|CC|BCC|FILES"), "|", 7));
  for (guint i = 0; i < settings->len; i++)
    {
      const FdSessionEmailSetting *setting = g_ptr_array_index (settings, i);
      char **row = g_new0 (char *, 8);
      const char *cc = fd_session_email_setting_get_cc (setting);
      const char *bcc = fd_session_email_setting_get_bcc (setting);

      row[0] = g_strdup (fd_session_email_setting_get_name (setting));
      row[1] = g_strdup (fd_session_email_setting_get_enabled (setting)
                         ? C_("email setting", "on") : C_("email setting", "off"));
      row[2] = format_delay (setting);
      row[3] = describe_recipients (setting);
      row[4] = g_strdup (cc != NULL ? cc : "");
      row[5] = g_strdup (bcc != NULL ? bcc : "");
      row[6] = g_strdup_printf ("%u", fd_session_email_setting_get_n_attachments (setting));
      g_ptr_array_add (rows, row);
    }
  fd_cli_print_table (rows);
}

static void
print_schedule (GPtrArray *entries)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  /* Translators: column headers, separated by | */
  g_ptr_array_add (rows, g_strsplit (_("EMAIL|SEQUENCE|ESTIMATED SEND|STATE|RECIPIENTS"), "|", 5));
  for (guint i = 0; i < entries->len; i++)
    {
      const FdSessionEmailEntry *entry = g_ptr_array_index (entries, i);
      const FdSessionEmailSetting *setting = fd_session_email_entry_get_setting (entry);
      FdSessionEmailState state = fd_session_email_entry_get_state (entry);
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup (fd_session_email_setting_get_name (setting));
      row[1] = g_strdup (fd_session_email_entry_get_sequence_label (entry));
      row[2] = format_send_at (entry);
      if (fd_session_email_state_is_overdue (state))
        /* Translators: an email state ("Due") marked as late; the UI shows it in red */
        row[3] = g_strdup_printf (_("%s (late)"), fd_session_email_state_get_label (state));
      else
        row[3] = g_strdup (fd_session_email_state_get_label (state));
      row[4] = format_recipients (entry);
      g_ptr_array_add (rows, row);
    }
  fd_cli_print_table (rows);
}

static char *
format_instant (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;

  if (usec == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return utc != NULL ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static void
add_json_setting (JsonBuilder                 *builder,
                  const FdSessionEmailSetting *setting)
{
  g_autofree char *delay = format_delay (setting);

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "id", fd_session_email_setting_get_id (setting));
  fd_cli_builder_add_string (builder, "kind", fd_session_email_setting_get_kind (setting));
  fd_cli_builder_add_string (builder, "name", fd_session_email_setting_get_name (setting));
  fd_cli_builder_add_string (builder, "template_id",
                             fd_session_email_setting_get_template_id (setting));
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, fd_session_email_setting_get_enabled (setting));
  fd_cli_builder_add_string (builder, "anchor", fd_session_email_setting_get_anchor (setting));
  json_builder_set_member_name (builder, "offset_minutes");
  json_builder_add_int_value (builder, fd_session_email_setting_get_offset_minutes (setting));
  fd_cli_builder_add_string (builder, "delay", delay);
  fd_cli_builder_add_string (builder, "recipients",
                             fd_session_email_setting_get_recipients (setting));
  fd_cli_builder_add_string (builder, "cc", fd_session_email_setting_get_cc (setting));
  fd_cli_builder_add_string (builder, "bcc", fd_session_email_setting_get_bcc (setting));
  json_builder_set_member_name (builder, "attachments");
  json_builder_add_int_value (builder, fd_session_email_setting_get_n_attachments (setting));
  fd_cli_builder_add_string (builder, "template_problem",
                             fd_session_email_setting_get_template_problem (setting));
  json_builder_end_object (builder);
}

static void
add_json_entry (JsonBuilder               *builder,
                const FdSessionEmailEntry *entry)
{
  const FdSessionEmailSetting *setting = fd_session_email_entry_get_setting (entry);
  FdSessionEmailState state = fd_session_email_entry_get_state (entry);
  g_autofree char *scheduled_at = format_instant (fd_session_email_entry_get_scheduled_at (entry));

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "setting_id", fd_session_email_setting_get_id (setting));
  fd_cli_builder_add_string (builder, "kind", fd_session_email_setting_get_kind (setting));
  fd_cli_builder_add_string (builder, "name", fd_session_email_setting_get_name (setting));
  fd_cli_builder_add_string (builder, "sequence_id",
                             fd_session_email_entry_get_sequence_id (entry));
  fd_cli_builder_add_string (builder, "sequence",
                             fd_session_email_entry_get_sequence_label (entry));
  json_builder_set_member_name (builder, "position");
  json_builder_add_int_value (builder, fd_session_email_entry_get_sequence_position (entry));
  json_builder_set_member_name (builder, "prework");
  json_builder_add_boolean_value (builder, fd_session_email_entry_get_prework (entry));
  fd_cli_builder_add_string (builder, "anchor_at", fd_session_email_entry_get_anchor_at (entry));
  fd_cli_builder_add_string (builder, "send_at", fd_session_email_entry_get_send_at (entry));
  fd_cli_builder_add_string (builder, "time_zone", fd_session_email_entry_get_time_zone (entry));
  fd_cli_builder_add_string (builder, "scheduled_at", scheduled_at);
  fd_cli_builder_add_string (builder, "state", fd_session_email_state_to_string (state));
  fd_cli_builder_add_string (builder, "state_label", fd_session_email_state_get_label (state));
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, fd_session_email_state_is_overdue (state));
  json_builder_set_member_name (builder, "recipients");
  json_builder_add_int_value (builder, fd_session_email_entry_get_n_recipients (entry));
  json_builder_set_member_name (builder, "without_address");
  json_builder_add_int_value (builder, fd_session_email_entry_get_n_without_address (entry));
  json_builder_set_member_name (builder, "messages");
  json_builder_add_int_value (builder, fd_session_email_entry_get_n_messages (entry));
  json_builder_end_object (builder);
}

static int
show_session (FdCliContext *context,
              const char   *code,
              GDateTime    *now,
              gboolean      json)
{
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session_id = NULL;
  gboolean published = FALSE;

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  session_id = fd_session_emails_find_session (database, code, &published, &error);
  if (session_id == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  settings = fd_session_emails_list (database, session_id, &error);
  if (settings != NULL)
    entries = fd_session_emails_schedule (database, session_id, now, &error);
  if (entries == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      fd_cli_builder_add_string (builder, "session", code);
      fd_cli_builder_add_string (builder, "session_id", session_id);
      json_builder_set_member_name (builder, "published");
      json_builder_add_boolean_value (builder, published);
      json_builder_set_member_name (builder, "settings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < settings->len; i++)
        add_json_setting (builder, g_ptr_array_index (settings, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "schedule");
      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        add_json_entry (builder, g_ptr_array_index (entries, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
      return FD_CLI_EXIT_OK;
    }

  if (!published)
    /* Translators: %s is a session's code */
    printf (_("Session %s is a draft: its emails are not sent until it is published.\n"), code);

  if (settings->len == 0)
    {
      /* Translators: %s is a session's code */
      printf (_("Session %s has no email settings.\n"), code);
      return FD_CLI_EXIT_OK;
    }

  print_settings (settings);
  for (guint i = 0; i < settings->len; i++)
    {
      const FdSessionEmailSetting *setting = g_ptr_array_index (settings, i);
      const char *problem = fd_session_email_setting_get_template_problem (setting);

      if (problem != NULL)
        /* Translators: %1$s is an email's name, %2$s what is wrong with its template */
        printf (_("“%1$s” cannot be sent: %2$s\n"), fd_session_email_setting_get_name (setting),
                problem);
    }

  putchar ('\n');
  if (entries->len == 0)
    puts (_("The session has no sequence yet."));
  else
    print_schedule (entries);

  return FD_CLI_EXIT_OK;
}

static int
queue_due (FdCliContext *context,
           GDateTime    *now,
           gboolean      json)
{
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  guint n_queued = 0;

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  if (!fd_session_emails_queue_due (database, now, &n_queued, &problems, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "queued");
      json_builder_add_int_value (builder, n_queued);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; problems[i] != NULL; i++)
        json_builder_add_string_value (builder, problems[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
    }
  else
    {
      /* Translators: printed by `emails --queue-due` */
      printf (g_dngettext (GETTEXT_PACKAGE, "Queued %u email.\n", "Queued %u emails.\n", n_queued),
              n_queued);
    }

  for (guint i = 0; problems[i] != NULL; i++)
    fd_cli_print_error (problems[i]);

  return problems[0] != NULL ? FD_CLI_EXIT_FAILED : FD_CLI_EXIT_OK;
}

int
fd_cli_emails (FdCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  gboolean json = FALSE;
  gboolean queue = FALSE;
  const GOptionEntry entries[] = {
    { "queue-due", 0, 0, G_OPTION_ARG_NONE, &queue,
      N_("Put every email that is due in the mail outbox, and say how many"), NULL },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Compute at this local time instead of now"), N_("YYYY-MM-DDTHH:MM") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("[CODE]"));
  g_option_context_set_summary (option_context,
                                _("Show a session’s email settings and, for each of its "
                                  "sequences, when each email is estimated to leave and where "
                                  "it stands (late ones are marked). With --queue-due, render "
                                  "every email due in any published session into the mail "
                                  "outbox, once per recipient; the exit status is 1 if a "
                                  "template could not be rendered."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "emails", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (!fd_cli_check_no_more_arguments (argc, argv, queue ? 1 : 2, &error) ||
      !parse_now (now_text, &now, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (!queue && argc < 2)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("give a session’s code, or --queue-due"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (queue)
    return queue_due (context, now, json);

  return show_session (context, argv[1], now, json);
}
