/* fd-cli-show.c — `formadesk-cli show session`: one session, whole
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
#include <string.h>

/* The text speaks the user's language; the JSON keeps the stored codes
 * ("on_site", "co_trainer") and ISO dates, for scripts. Both format the
 * session's plan (fd_database_read_session_plan()), with the show's own
 * presentation: the sequences the plan makes up for orphan slots are left
 * out (`verify` reports those slots), staff are listed by role then name,
 * populations by name. */

typedef struct
{
  const char *code;
  const char *label;
} Label;

static const Label modalities[] = {
  { "on_site", NC_("modality", "on site") },
  { "remote", NC_("modality", "remote") },
  { "blended", NC_("modality", "blended") },
  { "e_learning", NC_("modality", "e-learning") },
};

static const Label sequence_statuses[] = {
  { "planned", NC_("sequence status", "planned") },
  { "closed", NC_("sequence status", "closed") },
  { "cancelled", NC_("sequence status", "cancelled") },
  { "external", NC_("sequence status", "external") },
};

static const Label roles[] = {
  { "trainer", NC_("slot role", "Trainer") },
  { "co_trainer", NC_("slot role", "Co-trainer") },
  { "host", NC_("slot role", "Host") },
};

static const Label distributions[] = {
  { "global", NC_("cost distribution", "global") },
  { "per_trainee", NC_("cost distribution", "per trainee") },
};

static const char *
lookup_label (const Label *labels,
              guint        n_labels,
              const char  *context,
              const char  *code)
{
  for (guint i = 0; i < n_labels; i++)
    if (g_strcmp0 (labels[i].code, code) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i].label);

  return code != NULL ? code : "";
}

static char *
format_minutes (gint64 minutes)
{
  /* Translators: a duration in hours and minutes, "21 h 00" */
  return g_strdup_printf (_("%1$d h %2$02d"), (int) (minutes / 60), (int) (minutes % 60));
}

static char *
format_date_time (const char *iso)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (iso == NULL)
    return g_strdup ("");

  date = fd_format_date_short (iso);
  time = fd_format_time (iso);

  return g_strdup_printf ("%s %s", date, time);
}

/* What `show` says of a session's time, computed from its shown slots */
typedef struct
{
  char   *start_at;
  char   *end_at;
  gint64  duration_minutes;
  guint   n_days;
  guint   n_slots;
} ShowPeriod;

static void
show_period_clear (ShowPeriod *period)
{
  g_clear_pointer (&period->start_at, g_free);
  g_clear_pointer (&period->end_at, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShowPeriod, show_period_clear)

/* The sequences shown: not the placeholders of orphan slots */
static GPtrArray *
dup_shown_sequences (const FdSessionPlan *plan)
{
  GPtrArray *sequences = g_ptr_array_new ();

  for (guint i = 0; i < plan->sequences->len; i++)
    {
      FdPlanSequence *sequence = g_ptr_array_index (plan->sequences, i);

      if (!sequence->placeholder)
        g_ptr_array_add (sequences, sequence);
    }

  return sequences;
}

/* Minutes since an epoch of an ISO local date-time, -1 if it is not one */
static gint64
minutes_of (const char *iso)
{
  guint64 year;
  guint64 month;
  guint64 day;
  GDate date;

  if (iso == NULL || strlen (iso) < 16 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' ||
      iso[13] != ':')
    return -1;

  year = g_ascii_strtoull (iso, NULL, 10);
  month = g_ascii_strtoull (iso + 5, NULL, 10);
  day = g_ascii_strtoull (iso + 8, NULL, 10);
  if (year > G_MAXUINT16 || month > 12 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return -1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return (gint64) g_date_get_julian (&date) * 24 * 60 +
         (gint64) g_ascii_strtoull (iso + 11, NULL, 10) * 60 +
         (gint64) g_ascii_strtoull (iso + 14, NULL, 10);
}

/* The show's dates, duration and days, from every shown slot as the help
 * centre says: pre-work moves the start and the end, but its time does
 * not count in the duration (seeds/004). Unlike
 * fd_session_plan_compute_period(), slots of cancelled sequences count and
 * a slot's time runs across midnight: this is what `show` has always
 * printed. */
static void
compute_show_period (GPtrArray  *sequences,
                     ShowPeriod *period)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  memset (period, 0, sizeof *period);

  for (guint i = 0; i < sequences->len; i++)
    {
      const FdPlanSequence *sequence = g_ptr_array_index (sequences, i);

      for (guint j = 0; j < sequence->slots->len; j++)
        {
          const FdPlanSlot *slot = g_ptr_array_index (sequence->slots, j);
          gint64 start = minutes_of (slot->start_at);
          gint64 end = minutes_of (slot->end_at);

          period->n_slots++;
          if (period->start_at == NULL || strcmp (slot->start_at, period->start_at) < 0)
            {
              g_free (period->start_at);
              period->start_at = g_strdup (slot->start_at);
            }
          if (period->end_at == NULL || strcmp (slot->end_at, period->end_at) > 0)
            {
              g_free (period->end_at);
              period->end_at = g_strdup (slot->end_at);
            }

          if (sequence->prework)
            continue;

          if (start >= 0 && end > start)
            period->duration_minutes += MAX (end - start - slot->break_minutes, 0);
          g_hash_table_add (days, g_strndup (slot->start_at, 10));
        }
    }

  period->n_days = g_hash_table_size (days);
}

static int
role_rank (const char *role)
{
  if (g_strcmp0 (role, "trainer") == 0)
    return 0;
  if (g_strcmp0 (role, "co_trainer") == 0)
    return 1;
  return 2;
}

static int
compare_staff (gconstpointer a,
               gconstpointer b)
{
  const FdPlanStaff *x = *(FdPlanStaff * const *) a;
  const FdPlanStaff *y = *(FdPlanStaff * const *) b;
  int cmp = role_rank (x->role) - role_rank (y->role);

  if (cmp == 0)
    cmp = g_strcmp0 (x->sort_key, y->sort_key);
  if (cmp == 0)
    cmp = g_strcmp0 (x->id, y->id);

  return cmp;
}

/* A slot's staff as shown: trainers, co-trainers then hosts, by name */
static GPtrArray *
dup_sorted_staff (const FdPlanSlot *slot)
{
  GPtrArray *staff = g_ptr_array_copy (slot->staff, NULL, NULL);

  /* the copy borrows the plan's staff */
  g_ptr_array_set_free_func (staff, NULL);
  g_ptr_array_sort (staff, compare_staff);

  return staff;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the populations, sorted */
static GPtrArray *
dup_population_names (const FdSessionPlan *plan)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < plan->populations->len; i++)
    g_ptr_array_add (names, ((FdPopulation *) g_ptr_array_index (plan->populations, i))->name);
  g_ptr_array_sort (names, compare_names);

  return names;
}

/* Attached files, the old column's included */
static guint
count_cost_attachments (const FdPlanCost *cost)
{
  return cost->attachments->len + (cost->attachment_sha256 != NULL ? 1 : 0);
}

static char *
format_person (const FdPlanStaff *staff)
{
  g_autofree char *name = NULL;

  if (staff->first_name == NULL && staff->last_name == NULL)
    return g_strdup (staff->trainer_id);

  name = g_strjoin (" ", staff->first_name != NULL ? staff->first_name : "",
                    staff->last_name != NULL ? staff->last_name : "", NULL);
  if (staff->email != NULL)
    return g_strdup_printf ("%s <%s>", name, staff->email);

  return g_steal_pointer (&name);
}

static void
add_field (GPtrArray  *rows,
           const char *label,
           char       *value)
{
  char **row;

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }

  row = g_new0 (char *, 3);
  row[0] = g_strconcat ("  ", label, NULL);
  row[1] = value;
  g_ptr_array_add (rows, row);
}

/* A list's heading, and "none" under it when it is empty */
static void
print_heading (const char *title,
               guint       n_items)
{
  printf ("\n%s\n", title);
  if (n_items == 0)
    printf ("  %s\n", C_("empty list", "none"));
}

static void
print_text (const FdSessionPlan *plan)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) sequences = dup_shown_sequences (plan);
  g_autoptr(GPtrArray) populations = dup_population_names (plan);
  g_auto(ShowPeriod) period = { 0, };

  compute_show_period (sequences, &period);

  printf ("%s — %s\n", plan->code, plan->label);

  if (plan->training_code != NULL || plan->training_title != NULL)
    add_field (rows, _("Training"),
               g_strjoin (" ", plan->training_code != NULL ? plan->training_code : "",
                          plan->training_title != NULL ? plan->training_title : "", NULL));
  add_field (rows, _("Type"), g_strdup (fd_format_session_kind (plan->kind)));
  add_field (rows, _("Status"), g_strdup (fd_format_session_status (plan->status)));
  add_field (rows, _("Publication"),
             g_strdup (plan->published ? _("published") : _("draft (not published)")));
  add_field (rows, _("Client"), g_strdup (plan->client_name));
  add_field (rows, _("Organisation"), g_strdup (plan->organisation_name));
  add_field (rows, _("Reference"), g_strdup (plan->external_reference));
  if (period.start_at != NULL)
    {
      g_autofree char *start = format_date_time (period.start_at);
      g_autofree char *end = format_date_time (period.end_at);

      add_field (rows, _("Dates"), g_strdup_printf ("%s – %s", start, end));
    }
  else
    add_field (rows, _("Dates"), g_strdup (_("no slots yet")));
  if (plan->planned_start_on != NULL || plan->planned_end_on != NULL)
    {
      g_autofree char *start = fd_format_date_short (plan->planned_start_on);
      g_autofree char *end = fd_format_date_short (plan->planned_end_on);

      add_field (rows, _("Planned"), g_strdup_printf ("%s – %s", start != NULL ? start : "",
                                                      end != NULL ? end : ""));
    }
  {
    g_autofree char *duration = format_minutes (period.duration_minutes);

    /* Translators: %1$s is a duration, "21 h 00"; %2$u a number of days */
    add_field (rows, _("Duration"),
               g_strdup_printf (ngettext ("%1$s over %2$u day", "%1$s over %2$u days",
                                          period.n_days),
                                duration, period.n_days));
  }
  /* Translators: enrolled / seats, then the minimum and the target */
  add_field (rows, _("Enrolled"),
             g_strdup_printf (_("%1$u / %2$d (minimum %3$d, target %4$d)"), plan->n_enrolled,
                              (int) plan->capacity_max, (int) plan->capacity_min,
                              (int) plan->capacity_target));
  add_field (rows, _("Price"), fd_format_money (plan->price_cents));
  add_field (rows, _("Dispositif"), g_strdup (plan->dispositif));
  add_field (rows, _("Eligible for funding"),
             g_strdup (plan->eligible_funding ? _("yes") : _("no")));
  add_field (rows, _("Certification"), g_strdup (plan->certification_name));
  add_field (rows, _("Evaluation"),
             g_strdup (plan->evaluation_name != NULL ? plan->evaluation_name
                       : plan->evaluation != NULL ? plan->evaluation
                       : _("none chosen")));
  if (populations->len > 0)
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < populations->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (populations, i));
      add_field (rows, _("Populations"), g_string_free (names, FALSE));
    }
  else
    add_field (rows, _("Population"), g_strdup (plan->population));
  add_field (rows, _("Calendar invitations"),
             g_strdup (plan->calendar_invitations ? _("yes") : _("no")));
  add_field (rows, _("Comments"), g_strdup (plan->comments));
  add_field (rows, _("Notice comment"), g_strdup (plan->notice_comment));
  add_field (rows, _("Organisation comment"), g_strdup (plan->organisation_comment));
  fd_cli_print_table (rows);

  print_heading (_("Sequences"), sequences->len);
  for (guint i = 0; i < sequences->len; i++)
    {
      const FdPlanSequence *sequence = g_ptr_array_index (sequences, i);

      printf ("  %u. %s — %s, %s%s\n", i + 1, sequence->label,
              lookup_label (modalities, G_N_ELEMENTS (modalities), "modality", sequence->modality),
              lookup_label (sequence_statuses, G_N_ELEMENTS (sequence_statuses),
                            "sequence status", sequence->status),
              sequence->prework ? _(", pre-work") : "");
      if (sequence->url != NULL)
        printf ("     %s\n", sequence->url);

      for (guint j = 0; j < sequence->slots->len; j++)
        {
          const FdPlanSlot *slot = g_ptr_array_index (sequence->slots, j);
          g_autoptr(GPtrArray) staff = dup_sorted_staff (slot);
          g_autofree char *day = fd_format_date_short (slot->start_at);
          g_autofree char *times = fd_format_time_range (slot->start_at, slot->end_at);
          g_autoptr(GString) line = g_string_new (NULL);

          g_string_append_printf (line, "     %s %s", day, times);
          if (slot->break_minutes > 0)
            /* Translators: %d is a number of minutes */
            g_string_append_printf (line, _(", break %d min"), slot->break_minutes);
          if (slot->place_name != NULL)
            g_string_append_printf (line, ", %s", slot->place_name);
          if (slot->room_name != NULL)
            g_string_append_printf (line, " — %s", slot->room_name);
          printf ("%s\n", line->str);

          for (guint k = 0; k < staff->len; k++)
            {
              const FdPlanStaff *member = g_ptr_array_index (staff, k);
              g_autofree char *person = format_person (member);

              printf ("       %s: %s\n",
                      lookup_label (roles, G_N_ELEMENTS (roles), "slot role", member->role),
                      person);
            }
        }
    }

  print_heading (_("Costs"), plan->costs->len);
  for (guint i = 0; i < plan->costs->len; i++)
    {
      const FdPlanCost *cost = g_ptr_array_index (plan->costs, i);
      guint n_attachments = count_cost_attachments (cost);
      g_autofree char *amount = fd_format_money (cost->amount_cents);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "  %s: %s, %s", cost->type, amount,
                              lookup_label (distributions, G_N_ELEMENTS (distributions),
                                            "cost distribution", cost->distribution));
      if (g_strcmp0 (cost->distribution, "per_trainee") == 0)
        g_string_append_printf (line, " × %d", (int) cost->quantity);
      if (cost->provider != NULL)
        g_string_append_printf (line, ", %s", cost->provider);
      if (n_attachments > 0)
        g_string_append_printf (line, ngettext (", %u attachment", ", %u attachments",
                                                n_attachments),
                                n_attachments);
      printf ("%s\n", line->str);
    }

  print_heading (_("Emails"), plan->emails->len);
  for (guint i = 0; i < plan->emails->len; i++)
    {
      const FdPlanEmail *email = g_ptr_array_index (plan->emails, i);
      g_autofree char *when = fd_session_email_format_delay (email->anchor, email->offset_minutes);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "  %s", email->template_name != NULL ? email->template_name
                                                                        : email->kind);
      g_string_append_printf (line, " (%s): %s, %s",
                              email->enabled ? C_("email setting", "on")
                                             : C_("email setting", "off"),
                              when, email->recipients);
      if (email->cc != NULL)
        /* Translators: %s lists addresses */
        g_string_append_printf (line, _(", copy to %s"), email->cc);
      if (email->bcc != NULL)
        /* Translators: %s lists addresses */
        g_string_append_printf (line, _(", blind copy to %s"), email->bcc);
      printf ("%s\n", line->str);

      for (guint j = 0; j < email->attachments->len; j++)
        {
          const FdPlanAttachment *attachment = g_ptr_array_index (email->attachments, j);

          printf ("     %s\n", attachment->file_name);
        }
    }
}

typedef void (*AddItemFunc) (JsonBuilder   *builder,
                             gconstpointer  item);

/* Member @name: an array of @items, each added by @add_item */
static void
add_array (JsonBuilder *builder,
           const char  *name,
           GPtrArray   *items,
           AddItemFunc  add_item)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add_item (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);
}

static void
add_population_json (JsonBuilder   *builder,
                     gconstpointer  item)
{
  json_builder_add_string_value (builder, item);
}

static void
add_staff_json (JsonBuilder   *builder,
                gconstpointer  item)
{
  const FdPlanStaff *staff = item;

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "trainer_id", staff->trainer_id);
  fd_cli_builder_add_string (builder, "first_name", staff->first_name);
  fd_cli_builder_add_string (builder, "last_name", staff->last_name);
  fd_cli_builder_add_string (builder, "email", staff->email);
  fd_cli_builder_add_string (builder, "role", staff->role);
  json_builder_end_object (builder);
}

static void
add_slot_json (JsonBuilder   *builder,
               gconstpointer  item)
{
  const FdPlanSlot *slot = item;
  g_autoptr(GPtrArray) staff = dup_sorted_staff (slot);

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "id", slot->id);
  fd_cli_builder_add_string (builder, "start_at", slot->start_at);
  fd_cli_builder_add_string (builder, "end_at", slot->end_at);
  fd_cli_builder_add_int (builder, "break_minutes", slot->break_minutes);
  fd_cli_builder_add_string (builder, "place_id", slot->place_id);
  fd_cli_builder_add_string (builder, "place", slot->place_name);
  fd_cli_builder_add_string (builder, "room_id", slot->room_id);
  fd_cli_builder_add_string (builder, "room", slot->room_name);
  fd_cli_builder_add_string (builder, "comments", slot->comments);
  add_array (builder, "staff", staff, add_staff_json);
  json_builder_end_object (builder);
}

static void
add_sequence_json (JsonBuilder   *builder,
                   gconstpointer  item)
{
  const FdPlanSequence *sequence = item;

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "id", sequence->id);
  fd_cli_builder_add_int (builder, "position", sequence->position);
  fd_cli_builder_add_string (builder, "label", sequence->label);
  fd_cli_builder_add_string (builder, "modality", sequence->modality);
  fd_cli_builder_add_string (builder, "url", sequence->url);
  fd_cli_builder_add_string (builder, "status", sequence->status);
  fd_cli_builder_add_boolean (builder, "prework", sequence->prework);
  fd_cli_builder_add_string (builder, "survey_config", sequence->survey_config);
  add_array (builder, "slots", sequence->slots, add_slot_json);
  json_builder_end_object (builder);
}

static void
add_cost_json (JsonBuilder   *builder,
               gconstpointer  item)
{
  const FdPlanCost *cost = item;

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "id", cost->id);
  fd_cli_builder_add_string (builder, "type", cost->type);
  fd_cli_builder_add_int (builder, "amount_cents", cost->amount_cents);
  fd_cli_builder_add_string (builder, "distribution", cost->distribution);
  fd_cli_builder_add_int (builder, "quantity", cost->quantity);
  fd_cli_builder_add_string (builder, "provider", cost->provider);
  fd_cli_builder_add_int (builder, "attachments", count_cost_attachments (cost));
  json_builder_end_object (builder);
}

static void
add_attachment_json (JsonBuilder   *builder,
                     gconstpointer  item)
{
  const FdPlanAttachment *attachment = item;

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "file_name", attachment->file_name);
  fd_cli_builder_add_string (builder, "mime_type", attachment->mime_type);
  fd_cli_builder_add_string (builder, "sha256", attachment->blob_sha256);
  json_builder_end_object (builder);
}

static void
add_email_json (JsonBuilder   *builder,
                gconstpointer  item)
{
  const FdPlanEmail *email = item;

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "id", email->id);
  fd_cli_builder_add_string (builder, "kind", email->kind);
  fd_cli_builder_add_string (builder, "template", email->template_name);
  fd_cli_builder_add_boolean (builder, "enabled", email->enabled);
  fd_cli_builder_add_string (builder, "anchor", email->anchor);
  fd_cli_builder_add_int (builder, "offset_minutes", email->offset_minutes);
  fd_cli_builder_add_string (builder, "recipients", email->recipients);
  fd_cli_builder_add_string (builder, "cc", email->cc);
  fd_cli_builder_add_string (builder, "bcc", email->bcc);
  add_array (builder, "attachments", email->attachments, add_attachment_json);
  json_builder_end_object (builder);
}

static JsonNode *
build_json (const FdSessionPlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) sequences = dup_shown_sequences (plan);
  g_autoptr(GPtrArray) populations = dup_population_names (plan);
  g_auto(ShowPeriod) period = { 0, };

  compute_show_period (sequences, &period);

  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "id", plan->id);
  fd_cli_builder_add_string (builder, "code", plan->code);
  fd_cli_builder_add_int (builder, "year", plan->year);
  fd_cli_builder_add_string (builder, "label", plan->label);
  fd_cli_builder_add_string (builder, "kind", plan->kind);
  fd_cli_builder_add_string (builder, "status", plan->status);
  fd_cli_builder_add_boolean (builder, "published", plan->published);
  fd_cli_builder_add_string (builder, "training_id", plan->training_id);
  fd_cli_builder_add_string (builder, "training_code", plan->training_code);
  fd_cli_builder_add_string (builder, "training", plan->training_title);
  fd_cli_builder_add_string (builder, "client_id", plan->client_id);
  fd_cli_builder_add_string (builder, "client", plan->client_name);
  fd_cli_builder_add_string (builder, "organisation_id", plan->organisation_id);
  fd_cli_builder_add_string (builder, "organisation", plan->organisation_name);
  fd_cli_builder_add_string (builder, "certification_id", plan->certification_id);
  fd_cli_builder_add_string (builder, "certification", plan->certification_name);
  json_builder_set_member_name (builder, "evaluation");
  json_builder_begin_object (builder);
  fd_cli_builder_add_string (builder, "id", plan->evaluation_id);
  fd_cli_builder_add_string (builder, "name", plan->evaluation_name);
  fd_cli_builder_add_string (builder, "text", plan->evaluation);
  json_builder_end_object (builder);
  fd_cli_builder_add_string (builder, "external_reference", plan->external_reference);
  fd_cli_builder_add_string (builder, "population", plan->population);
  add_array (builder, "populations", populations, add_population_json);
  fd_cli_builder_add_int (builder, "capacity_min", plan->capacity_min);
  fd_cli_builder_add_int (builder, "capacity_target", plan->capacity_target);
  fd_cli_builder_add_int (builder, "capacity_max", plan->capacity_max);
  fd_cli_builder_add_string (builder, "dispositif", plan->dispositif);
  fd_cli_builder_add_boolean (builder, "eligible_funding", plan->eligible_funding);
  fd_cli_builder_add_int (builder, "price_cents", plan->price_cents);
  fd_cli_builder_add_int (builder, "commission_bp", plan->commission_bp);
  fd_cli_builder_add_string (builder, "comments", plan->comments);
  fd_cli_builder_add_string (builder, "notice_comment", plan->notice_comment);
  fd_cli_builder_add_string (builder, "organisation_comment", plan->organisation_comment);
  fd_cli_builder_add_boolean (builder, "calendar_invitations", plan->calendar_invitations);
  fd_cli_builder_add_string (builder, "survey_config", plan->survey_config);
  fd_cli_builder_add_string (builder, "planned_start_on", plan->planned_start_on);
  fd_cli_builder_add_string (builder, "planned_end_on", plan->planned_end_on);
  fd_cli_builder_add_string (builder, "start_at", period.start_at);
  fd_cli_builder_add_string (builder, "end_at", period.end_at);
  fd_cli_builder_add_int (builder, "duration_minutes", period.duration_minutes);
  fd_cli_builder_add_int (builder, "days", period.n_days);
  fd_cli_builder_add_int (builder, "slots", period.n_slots);
  fd_cli_builder_add_int (builder, "enrolled", plan->n_enrolled);
  add_array (builder, "sequences", sequences, add_sequence_json);
  add_array (builder, "costs", plan->costs, add_cost_json);
  add_array (builder, "emails", plan->emails, add_email_json);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

int
fd_cli_show (FdCliContext  *context,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(FdSessionPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session_id = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON object, with the stored codes and ISO dates"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("session CODE"));
  g_option_context_set_summary (option_context,
                                _("Show a session whole: its details, sequences, slots (times, "
                                  "place, room, staff), costs, evaluation, email settings, "
                                  "enrollments, and its dates and duration computed from its "
                                  "slots."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "show", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (argc < 3 || !g_str_equal (argv[1], "session"))
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("what to show? usage: formadesk-cli show session CODE [--json]"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (!fd_cli_check_no_more_arguments (argc, argv, 3, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  session_id = fd_session_lookup_code (database, argv[2], &error);
  if (session_id == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  plan = fd_database_read_session_plan (database, session_id, &error);
  if (plan == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonNode) root = build_json (plan);

      fd_cli_print_json (root);
    }
  else
    print_text (plan);

  return FD_CLI_EXIT_OK;
}
