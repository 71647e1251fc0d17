/* fd-session-page.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-session-page.h"

#include "fd-session-emails.h"

#include "fd-cost-row.h"
#include "fd-details.h"
#include "fd-editor-helpers.h"
#include "fd-email-setting-dialog.h"
#include "fd-sequence-dialog.h"
#include "fd-session-form.h"
#include "fd-slot-dialog.h"

/* FdSessionPage:
 *
 * A session, as the sessions view shows and edits it: its code and label
 * with a pencil to edit its general information, reminders of what is
 * missing (an orange box while it has no cost or no evaluation, a red one
 * while it is a draft), a button to publish it or take it back to draft,
 * and tabs: general information, planning (sequences and their slots),
 * costs, evaluation and emails.
 *
 * The session is read whole (fd_database_read_session_plan()) when shown,
 * and again when #FdDatabase::rows-changed names its rows, whoever wrote
 * them. Dialogs (general information, a sequence, a slot) write when
 * confirmed; the costs and the evaluation are edited in place and wait
 * for "Save", all of them in one fd_database_apply_all(). While such
 * edits are not saved, leaving the tab, the session or the window asks
 * first (fd_session_page_ask_to_leave()).
 *
 * Only what the visible tab shows is built: the others are marked stale
 * and built when shown, so that opening a session stays under a frame.
 */

typedef enum
{
  TAB_GENERAL,
  TAB_PLANNING,
  TAB_COSTS,
  TAB_EVALUATION,
  TAB_EMAILS,
  N_TABS
} Tab;

static const char * const tab_names[N_TABS] = {
  "general", "planning", "costs", "evaluation", "emails",
};

#define ALL_TABS ((1u << N_TABS) - 1)
/* The tabs where edits wait for "Save" */
#define EDITED_TABS ((1u << TAB_COSTS) | (1u << TAB_EVALUATION))

struct _FdSessionPage
{
  GtkWidget          parent_instance;

  FdDatabase        *database;
  FdSession         *session;
  char              *session_id;
  FdSessionPlan     *plan;
  GPtrArray         *enrollment_rows; /* AdwActionRow, recycled */
  GListStore        *cost_types;
  GListStore        *providers;
  GHashTable        *expanded;     /* ids of the sequences shown open */
  gboolean           reload_when_shown; /* rows changed while it was hidden */

  guint              stale;        /* 1 << Tab: tabs to build when shown */
  gboolean           evaluations_loaded;
  gboolean           filling;
  gboolean           modified;
  gint64             evaluation_base; /* the session's revision, when the evaluation was edited */
  gboolean           evaluation_edited;
  char              *shown_tab;    /* where the user is, to come back to */
  gboolean           guarding;
  AdwMessageDialog  *unsaved_dialog;
  gboolean           can_edit;       /* the session, its sequences, costs */
  gboolean           can_edit_dates; /* its slots */

  AdwActionRow      *capacity_row;
  AdwActionRow      *certification_row;
  AdwActionRow      *client_row;
  AdwActionRow      *code_row;
  AdwActionRow      *comments_row;
  GtkDropDown       *cost_type_drop_down;
  GtkListBox        *costs_list;
  AdwActionRow      *dates_row;
  AdwActionRow      *dispositif_row;
  GtkBox            *draft_box;
  AdwActionRow      *duration_row;
  GtkButton         *edit_button;
  GtkListBox        *emails_list;
  GtkListBox        *enrollments_list;
  AdwComboRow       *evaluation_row;
  GListStore        *evaluations;
  AdwActionRow      *funding_row;
  AdwActionRow      *kind_row;
  AdwActionRow      *notice_comment_row;
  AdwActionRow      *organisation_comment_row;
  AdwActionRow      *organisation_row;
  AdwActionRow      *planned_row;
  AdwPreferencesGroup *planning_group;
  AdwActionRow      *population_row;
  GtkButton         *publish_button;
  AdwActionRow      *published_row;
  GtkBox            *reminder_box;
  GtkButton         *reminder_button;
  GtkLabel          *reminder_label;
  GtkStack          *results_stack;
  GtkRevealer       *save_revealer;
  GtkListBox        *sequences_list;
  AdwActionRow      *status_row;
  GtkLabel          *subtitle_label;
  AdwViewStack      *tabs_stack;
  GtkLabel          *title_label;
  GtkLabel          *total_label;
  AdwActionRow      *training_row;
  AdwStatusPage     *waiting_page;
};

G_DEFINE_FINAL_TYPE (FdSessionPage, fd_session_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SESSION,
  PROP_SESSION_ID,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_plan (FdSessionPage *self);

static Tab
tab_from_name (const char *name)
{
  for (guint i = 0; i < N_TABS; i++)
    if (g_strcmp0 (tab_names[i], name) == 0)
      return i;

  return TAB_GENERAL;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* What the one working may change (fd_roles_can()): a planner changes
 * the session, but once trainees are enrolled only an admin or an
 * operations manager changes its dates and slots (seed 004). Read with
 * the session; the write path refuses the same things either way. */
static void
update_permissions (FdSessionPage *self)
{
  g_autofree char *why = NULL;

  g_assert (FD_IS_SESSION_PAGE (self));

  if (self->plan == NULL)
    {
      self->can_edit = self->can_edit_dates = FALSE;
      return;
    }

  self->can_edit = fd_roles_can (self->database, NULL, FD_PERMISSION_EDIT_PLANNING, self->plan->id);
  self->can_edit_dates = self->can_edit &&
                         fd_roles_can (self->database, NULL, FD_PERMISSION_EDIT_SESSION_DATES,
                                       self->plan->id);

  if (!self->can_edit)
    why = fd_roles_explain (self->database, NULL, FD_PERMISSION_EDIT_PLANNING, self->plan->id);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->edit_button),
                               why != NULL ? why : _("Edit Session"));
}

static void
update_actions (FdSessionPage *self)
{
  gboolean loaded = self->plan != NULL;
  gboolean editable = loaded && self->can_edit;
  gboolean dates = loaded && self->can_edit_dates;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save", editable && self->modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.discard", loaded && self->modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.set-published", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-sequence", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.edit-sequence", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-slot", dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.edit-slot", dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-cost", editable);
}

static gboolean
evaluation_is_modified (FdSessionPage *self)
{
  if (self->plan == NULL || !self->evaluations_loaded || (self->stale & (1u << TAB_EVALUATION)))
    return FALSE;

  return g_strcmp0 (fd_editor_get_selected_id (self->evaluation_row),
                    self->plan->evaluation_id) != 0;
}

static void
update_total (FdSessionPage *self)
{
  g_autofree char *text = NULL;
  gint64 total = 0;
  gboolean known = TRUE;

  for (guint i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->costs_list, i);
      gint64 cents;

      if (row == NULL)
        break;
      if (!FD_IS_COST_ROW (row))
        continue;
      if (fd_cost_row_get_total (FD_COST_ROW (row), &cents))
        total += cents;
      else
        known = FALSE;
    }

  text = fd_format_money (total);
  gtk_label_set_text (self->total_label, known ? text : "—");
}

static void
update_modified (FdSessionPage *self)
{
  gboolean modified = evaluation_is_modified (self);

  for (guint i = 0; !modified; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->costs_list, i);

      if (row == NULL)
        break;
      modified = FD_IS_COST_ROW (row) && fd_cost_row_is_modified (FD_COST_ROW (row));
    }

  gtk_revealer_set_reveal_child (self->save_revealer, modified);

  if (self->modified != modified)
    {
      self->modified = modified;
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

/* The orange box: what is still to enter */
static void
update_reminders (FdSessionPage *self)
{
  FdSessionReminders reminders = self->plan != NULL ? fd_session_plan_get_reminders (self->plan)
                                                    : FD_SESSION_REMINDER_NONE;
  gboolean costs = (reminders & FD_SESSION_REMINDER_COSTS) != 0;
  gboolean evaluation = (reminders & FD_SESSION_REMINDER_EVALUATION) != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->reminder_box), costs || evaluation);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_box),
                          (reminders & FD_SESSION_REMINDER_DRAFT) != 0);

  if (costs && evaluation)
    gtk_label_set_text (self->reminder_label,
                        _("Enter the costs of this session and choose its evaluation."));
  else if (costs)
    gtk_label_set_text (self->reminder_label, _("Enter the costs of this session."));
  else if (evaluation)
    gtk_label_set_text (self->reminder_label, _("Choose the evaluation of this session."));

  gtk_button_set_label (self->reminder_button, costs ? _("Go to _Costs") : _("Go to _Evaluation"));
}

static void
update_header (FdSessionPage *self)
{
  g_auto(FdPlanPeriod) period = { 0 };
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;
  gboolean published;

  fd_session_plan_compute_period (self->plan, &period);
  dates = fd_details_format_date_range (period.start_at, period.end_at);
  subtitle = fd_details_join (" · ", self->plan->code, dates != NULL ? dates : "", NULL);

  gtk_label_set_text (self->title_label, self->plan->label);
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");

  published = self->plan->published;
  gtk_button_set_label (self->publish_button, published ? _("Back to _Draft") : _("_Publish"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->publish_button), "b", !published);
  if (published)
    gtk_widget_remove_css_class (GTK_WIDGET (self->publish_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->publish_button), "suggested-action");
}

static char *
format_period (const FdPlanPeriod *period)
{
  g_autofree char *duration = NULL;
  g_autofree char *days = NULL;

  if (period->start_at == NULL)
    return NULL;

  duration = fd_editor_format_duration (period->duration_minutes);
  /* Translators: a session's length in days */
  days = g_strdup_printf (ngettext ("%u day", "%u days", period->n_days), period->n_days);

  return fd_details_join (" · ", days, duration, NULL);
}

/* The enrolled trainees, in rows kept from one session to the next: a
 * new row costs more than new text in an old one */
static void
show_enrollments (FdSessionPage *self,
                  GPtrArray     *enrollments)
{
  guint n = enrollments != NULL ? enrollments->len : 0;

  for (guint i = 0; i < MAX (n, self->enrollment_rows->len); i++)
    {
      FdEnrollment *enrollment;
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (i >= n)
        {
          gtk_widget_set_visible (g_ptr_array_index (self->enrollment_rows, i), FALSE);
          continue;
        }

      if (i < self->enrollment_rows->len)
        row = g_ptr_array_index (self->enrollment_rows, i);
      else
        {
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          gtk_list_box_append (self->enrollments_list, row);
          g_ptr_array_add (self->enrollment_rows, row);
        }

      enrollment = g_ptr_array_index (enrollments, i);
      subtitle = fd_details_join (" · ",
                                  fd_format_enrollment_status (
                                    fd_enrollment_get_status (enrollment)),
                                  fd_enrollment_get_funder (enrollment) != NULL
                                  ? fd_format_funder (fd_enrollment_get_funder (enrollment)) : "",
                                  NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     fd_enrollment_get_trainee_name (enrollment));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
      gtk_widget_set_visible (row, TRUE);
    }
}

static void
show_general (FdSessionPage *self)
{
  FdSessionPlan *plan = self->plan;
  g_auto(FdPlanPeriod) period = { 0 };
  g_autoptr(GPtrArray) enrollments = NULL;
  g_autoptr(GError) error = NULL;

  fd_details_set_row (self->code_row, plan->code);
  fd_details_set_row (self->training_row, plan->training_title);
  fd_details_set_row (self->kind_row, fd_format_session_kind (plan->kind));
  fd_details_set_row (self->organisation_row, plan->organisation_name);
  fd_details_set_row (self->status_row, fd_format_session_status (plan->status));
  fd_details_set_row (self->published_row, plan->published ? _("Published") : _("Draft"));
  fd_details_set_row (self->client_row, plan->client_name);
  fd_details_set_row (self->certification_row, plan->certification_name);
  /* Translators: capacities of a session, « min 4 · target 8 · max 12 » */
  fd_details_set_row_take (self->capacity_row,
                           g_strdup_printf (_("min %1$d · target %2$d · max %3$d · %4$u enrolled"),
                                            (int) plan->capacity_min, (int) plan->capacity_target,
                                            (int) plan->capacity_max, plan->n_enrolled));
  fd_details_set_row (self->dispositif_row, plan->dispositif);
  fd_details_set_row (self->funding_row,
                      plan->eligible_funding ? _("Eligible for funding")
                                             : _("Not eligible for funding"));
  fd_details_set_row (self->comments_row, plan->comments);
  if (plan->populations->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < plan->populations->len; i++)
        {
          const FdPopulation *population = g_ptr_array_index (plan->populations, i);

          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, population->name);
        }
      fd_details_set_row (self->population_row, names->str);
    }
  else
    fd_details_set_row (self->population_row, _("Open to all"));

  fd_session_plan_compute_period (plan, &period);
  fd_details_set_row_take (self->dates_row,
                           fd_details_format_date_range (period.start_at, period.end_at));
  fd_details_set_row_take (self->duration_row, format_period (&period));
  fd_details_set_row_take (self->planned_row,
                           fd_details_format_date_range (plan->planned_start_on,
                                                         plan->planned_end_on));
  fd_details_set_row (self->notice_comment_row, plan->notice_comment);
  fd_details_set_row (self->organisation_comment_row, plan->organisation_comment);

  if (plan->n_enrolled > 0)
    {
      enrollments = fd_database_list_session_enrollments (self->database, plan->id, &error);
      if (enrollments == NULL)
        g_warning ("Could not list the enrollments of session %s: %s", plan->id, error->message);
    }
  show_enrollments (self, enrollments);
}

static GtkWidget *
new_edit_button (const char *action,
                 const char *id,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);

  return button;
}

static char *
format_slot_subtitle (const FdPlanSlot *slot)
{
  g_autoptr(GString) trainers = g_string_new (NULL);
  g_autofree char *times = fd_format_time_range (slot->start_at, slot->end_at);
  g_autofree char *place = NULL;
  g_autofree char *pause = NULL;

  for (guint i = 0; i < slot->staff->len; i++)
    {
      const FdPlanStaff *staff = g_ptr_array_index (slot->staff, i);

      if (g_strcmp0 (staff->role, "trainer") != 0 || staff->trainer_name == NULL)
        continue;
      if (trainers->len > 0)
        g_string_append (trainers, ", ");
      g_string_append (trainers, staff->trainer_name);
    }

  if (slot->break_minutes > 0)
    {
      g_autofree char *length = fd_editor_format_duration (slot->break_minutes);

      /* Translators: the break of a slot, « pause 1 h » */
      pause = g_strdup_printf (_("break %s"), length);
    }

  place = fd_details_join (", ",
                           slot->place_name != NULL ? slot->place_name : "",
                           slot->room_name != NULL ? slot->room_name : "",
                           NULL);

  return fd_details_join (" · ",
                          times != NULL ? times : "",
                          pause != NULL ? pause : "",
                          place != NULL ? place : "",
                          trainers->str,
                          NULL);
}

static GtkWidget *
new_slot_row (const FdPlanSlot *slot)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = fd_format_date_long (slot->start_at);
  g_autofree char *subtitle = format_slot_subtitle (slot);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date != NULL ? date : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "session.edit-slot");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", slot->id);
  gtk_widget_set_name (row, slot->id);

  return row;
}

static void
on_sequence_expanded_cb (FdSessionPage  *self,
                         GParamSpec     *pspec,
                         AdwExpanderRow *row)
{
  const char *id = gtk_widget_get_name (GTK_WIDGET (row));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (id));
  else
    g_hash_table_remove (self->expanded, id);
}

static GtkWidget *
new_sequence_row (FdSessionPage        *self,
                  const FdPlanSequence *sequence)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *add = adw_action_row_new ();
  g_autofree char *slots = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: how many slots a sequence has */
  slots = g_strdup_printf (ngettext ("%u slot", "%u slots", sequence->slots->len),
                           sequence->slots->len);
  subtitle = fd_details_join (" · ",
                              fd_editor_modality_label (sequence->modality),
                              fd_editor_sequence_status_label (sequence->status),
                              sequence->prework ? _("Pre-work") : "",
                              slots,
                              NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 sequence->label != NULL && *sequence->label != '\0'
                                 ? sequence->label : _("Sequence without a label"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               new_edit_button ("session.edit-sequence", sequence->id,
                                                _("Edit Sequence")));
  gtk_widget_set_name (row, sequence->id);

  for (guint i = 0; i < sequence->slots->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              new_slot_row (g_ptr_array_index (sequence->slots, i)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add a Slot"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (add), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (add),
                             gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "session.add-slot");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", sequence->id);
  gtk_widget_add_css_class (add, "add-slot");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_hash_table_contains (self->expanded, sequence->id));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_sequence_expanded_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static void
show_planning (FdSessionPage *self)
{
  g_auto(FdPlanPeriod) period = { 0 };
  g_autofree char *dates = NULL;
  g_autofree char *length = NULL;
  g_autofree char *description = NULL;

  clear_list (self->sequences_list);
  for (guint i = 0; i < self->plan->sequences->len; i++)
    gtk_list_box_append (self->sequences_list,
                         new_sequence_row (self, g_ptr_array_index (self->plan->sequences, i)));

  fd_session_plan_compute_period (self->plan, &period);
  dates = fd_details_format_date_range (period.start_at, period.end_at);
  length = format_period (&period);
  description = fd_details_join (" · ", dates != NULL ? dates : "", length != NULL ? length : "",
                                 NULL);
  if (!self->can_edit_dates)
    {
      g_autofree char *why = fd_roles_explain (self->database, NULL,
                                               FD_PERMISSION_EDIT_SESSION_DATES, self->plan->id);

      if (why != NULL)
        {
          g_autofree char *both = fd_details_join (" — ", description != NULL ? description : "",
                                                   why, NULL);

          adw_preferences_group_set_description (self->planning_group, both);
          return;
        }
    }

  adw_preferences_group_set_description (self->planning_group,
                                         description != NULL ? description
                                                             : _("No slot planned yet."));
}

static void
on_cost_row_changed_cb (FdSessionPage *self,
                        FdCostRow     *row)
{
  update_total (self);
  update_modified (self);
}

static void
append_cost_row (FdSessionPage *self,
                 GtkWidget     *row)
{
  fd_cost_row_set_providers (FD_COST_ROW (row), G_LIST_MODEL (self->providers));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_cost_row_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (self->costs_list, row);
}

static void
show_costs (FdSessionPage *self)
{
  clear_list (self->costs_list);

  fd_editor_load_choices (self->providers, self->database, FD_OPTION_PROVIDER, NULL, NULL);
  for (guint i = 0; i < self->plan->costs->len; i++)
    append_cost_row (self, fd_cost_row_new_for_cost (self->database,
                                                     g_ptr_array_index (self->plan->costs, i)));

  update_total (self);
}

static void
show_evaluation (FdSessionPage *self)
{
  if (!self->evaluations_loaded)
    {
      self->filling = TRUE;
      fd_editor_load_choices (self->evaluations, self->database, FD_OPTION_EVALUATION, NULL,
                              _("None"));
      self->filling = FALSE;
      self->evaluations_loaded = TRUE;
    }

  self->filling = TRUE;
  fd_editor_select_id (self->evaluation_row, self->plan->evaluation_id);
  self->filling = FALSE;
  fd_editor_clear_field_error (GTK_WIDGET (self->evaluation_row));

  if (self->plan->n_enrolled == 0)
    gtk_stack_set_visible_child_name (self->results_stack, "empty");
  else
    {
      g_autofree char *description = NULL;

      /* Translators: shown in place of an evaluation's results */
      description = g_strdup_printf (ngettext ("%u trainee is enrolled: their answers show here.",
                                               "%u trainees are enrolled: their answers show here.",
                                               self->plan->n_enrolled),
                                     self->plan->n_enrolled);
      adw_status_page_set_description (self->waiting_page, description);
      gtk_stack_set_visible_child_name (self->results_stack, "waiting");
    }
}

/* The estimated send date and time of an email for one sequence, or
 * why there is none */
static char *
format_send_at (FdSessionEmailEntry *entry)
{
  const char *send_at = fd_session_email_entry_get_send_at (entry);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (send_at == NULL)
    return g_strdup (fd_session_email_state_get_label (fd_session_email_entry_get_state (entry)));

  date = fd_format_date_long (send_at);
  time = fd_format_time (send_at);

  /* Translators: an email's estimated sending, « lundi 5 mai 2026 at 09:00 » */
  return g_strdup_printf (_("%1$s at %2$s"), date, time);
}

/* Red when past and not sent, green when to come (seed 004) */
static GtkWidget *
new_state_label (FdSessionEmailEntry *entry)
{
  FdSessionEmailState state = fd_session_email_entry_get_state (entry);
  GtkWidget *label = gtk_label_new (fd_session_email_state_get_label (state));

  if (fd_session_email_state_is_overdue (state))
    gtk_widget_add_css_class (label, "error");
  else if (state == FD_SESSION_EMAIL_STATE_UPCOMING)
    gtk_widget_add_css_class (label, "success");
  else
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void show_emails (FdSessionPage *self);

typedef struct
{
  GWeakRef page;
  FdSessionEmailSetting *setting;
  gboolean enabled;
} EmailToggle;

static void
email_toggle_free (EmailToggle *toggle)
{
  g_weak_ref_clear (&toggle->page);
  fd_session_email_setting_unref (toggle->setting);
  g_free (toggle);
}

/* After the switch's own signal: the write's announcement rebuilds the
 * tab, switch included */
static gboolean
apply_email_toggle_cb (gpointer user_data)
{
  EmailToggle *toggle = user_data;
  g_autoptr(FdSessionPage) self = g_weak_ref_get (&toggle->page);
  g_autoptr(FdChange) change = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->database == NULL)
    return G_SOURCE_REMOVE;

  change = fd_change_new_update ("session_email", fd_session_email_setting_get_id (toggle->setting),
                                 fd_session_email_setting_get_revision (toggle->setting));
  fd_change_set_bool (change, "enabled", toggle->enabled);
  if (!fd_editor_apply_one (GTK_WIDGET (self), self->database,
                            toggle->enabled ? _("Email turned on") : _("Email turned off"),
                            change, &error))
    {
      /* the switch shows what is stored again */
      g_warning ("Could not change the email: %s", error->message);
      show_emails (self);
    }

  return G_SOURCE_REMOVE;
}

static void
on_email_switch_active_cb (GtkSwitch     *widget,
                           GParamSpec    *pspec,
                           FdSessionPage *self)
{
  FdSessionEmailSetting *setting = g_object_get_data (G_OBJECT (widget), "setting");
  EmailToggle *toggle;

  if (setting == NULL || gtk_switch_get_active (widget) == fd_session_email_setting_get_enabled (setting))
    return;

  toggle = g_new0 (EmailToggle, 1);
  g_weak_ref_init (&toggle->page, self);
  toggle->setting = fd_session_email_setting_ref (setting);
  toggle->enabled = gtk_switch_get_active (widget);
  g_idle_add_full (G_PRIORITY_DEFAULT, apply_email_toggle_cb, toggle,
                   (GDestroyNotify) email_toggle_free);
}

static void
on_email_edit_clicked_cb (GtkButton     *button,
                          FdSessionPage *self)
{
  FdSessionEmailSetting *setting = g_object_get_data (G_OBJECT (button), "setting");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (setting == NULL)
    return;

  dialog = fd_email_setting_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->database, setting);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Each email of the session, on or off, with its delay; opened, its
 * estimated send date and time for each sequence */
static void
show_emails (FdSessionPage *self)
{
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GPtrArray) schedule = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->emails_list);

  settings = fd_session_emails_list (self->database, self->plan->id, &error);
  if (settings != NULL)
    schedule = fd_session_emails_schedule (self->database, self->plan->id, NULL, &error);
  if (settings == NULL || schedule == NULL)
    {
      g_warning ("Could not read the session's emails: %s", error->message);
      return;
    }

  for (guint i = 0; i < settings->len; i++)
    {
      FdSessionEmailSetting *setting = g_ptr_array_index (settings, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      GtkWidget *edit;
      guint n_attachments;
      g_autofree char *delay =
        fd_session_email_format_delay (fd_session_email_setting_get_anchor (setting),
                                       fd_session_email_setting_get_offset_minutes (setting));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     fd_session_email_setting_get_name (setting));
      n_attachments = fd_session_email_setting_get_n_attachments (setting);
      if (n_attachments > 0)
        {
          /* Translators: an email's delay and its files, « 3 days before · 2 attachments » */
          g_autofree char *files = g_strdup_printf (ngettext ("%u attachment", "%u attachments",
                                                              n_attachments),
                                                    n_attachments);
          g_autofree char *subtitle = g_strjoin (" · ", delay, files, NULL);

          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
        }
      else
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), delay);

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), fd_session_email_setting_get_enabled (setting));
      gtk_widget_set_sensitive (toggle, self->can_edit);
      gtk_widget_set_tooltip_text (toggle, _("Send this email"));
      g_object_set_data_full (G_OBJECT (toggle), "setting",
                              fd_session_email_setting_ref (setting),
                              (GDestroyNotify) fd_session_email_setting_unref);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_email_switch_active_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), toggle);

      edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, _("Change when, to whom and with which files"));
      gtk_widget_set_sensitive (edit, self->can_edit);
      g_object_set_data_full (G_OBJECT (edit), "setting", fd_session_email_setting_ref (setting),
                              (GDestroyNotify) fd_session_email_setting_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_email_edit_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), edit);

      for (guint k = 0; k < schedule->len; k++)
        {
          FdSessionEmailEntry *entry = g_ptr_array_index (schedule, k);
          GtkWidget *sequence_row;
          g_autofree char *when = NULL;

          if (fd_session_email_entry_get_setting (entry) != setting &&
              g_strcmp0 (fd_session_email_setting_get_id (fd_session_email_entry_get_setting (entry)),
                         fd_session_email_setting_get_id (setting)) != 0)
            continue;

          when = format_send_at (entry);
          sequence_row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (sequence_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sequence_row),
                                         fd_session_email_entry_get_sequence_label (entry));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (sequence_row), when);
          adw_action_row_add_suffix (ADW_ACTION_ROW (sequence_row), new_state_label (entry));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sequence_row);
        }

      gtk_list_box_append (self->emails_list, row);
    }
}

/* Builds @tab if it is stale; the costs and the evaluation only when
 * nothing there waits to be saved */
static void
refresh_tab (FdSessionPage *self,
             Tab            tab)
{
  if (self->plan == NULL || !(self->stale & (1u << tab)))
    return;

  if (self->modified && ((1u << tab) & EDITED_TABS))
    return;

  self->stale &= ~(1u << tab);

  switch (tab)
    {
    case TAB_GENERAL:
      show_general (self);
      break;

    case TAB_PLANNING:
      show_planning (self);
      break;

    case TAB_COSTS:
      show_costs (self);
      break;

    case TAB_EVALUATION:
      show_evaluation (self);
      break;

    case TAB_EMAILS:
      show_emails (self);
      break;

    case N_TABS:
    default:
      g_assert_not_reached ();
    }
}

static void
show_plan (FdSessionPage *self)
{
  g_assert (FD_IS_SESSION_PAGE (self));

  if (self->plan == NULL)
    return;

  update_header (self);
  update_reminders (self);
  update_permissions (self);

  /* Edits waiting to be saved stay as they are */
  if (self->modified)
    self->stale = (ALL_TABS & ~EDITED_TABS) | (self->stale & EDITED_TABS);
  else
    self->stale = ALL_TABS;
  refresh_tab (self, tab_from_name (adw_view_stack_get_visible_child_name (self->tabs_stack)));
  update_actions (self);
}

static void
clear_plan (FdSessionPage *self)
{
  g_clear_pointer (&self->plan, fd_session_plan_unref);
  self->stale = ALL_TABS;
  update_permissions (self);

  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->subtitle_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->reminder_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_box), FALSE);
  clear_list (self->sequences_list);
  clear_list (self->costs_list);
  clear_list (self->emails_list);
  show_enrollments (self, NULL);
  update_modified (self);
  update_actions (self);
}

/* Reads the session again; what waits to be saved stays as edited */
static void
load_plan (FdSessionPage *self)
{
  g_autoptr(GError) error = NULL;
  FdSessionPlan *plan;

  if (self->session_id == NULL || self->database == NULL)
    {
      clear_plan (self);
      return;
    }

  plan = fd_database_read_session_plan (self->database, self->session_id, &error);
  if (plan == NULL)
    {
      g_debug ("Could not read session %s: %s", self->session_id, error->message);
      clear_plan (self);
      gtk_label_set_text (self->title_label, error->message);
      return;
    }

  g_clear_pointer (&self->plan, fd_session_plan_unref);
  self->plan = plan;
  show_plan (self);
}

/* Whether @changes concern the session shown. Rows created since it was
 * read are not in the plan: any new child row reads it again, which costs
 * less than looking whose they are. */
static gboolean
concerns_plan (FdSessionPage      *self,
               const FdRowChanges *changes)
{
  static const char * const children[] = {
    "sequence", "slot", "slot_staff", "cost", "attachment", "session_email", "enrollment", NULL
  };
  /* Rows whose names the page shows */
  static const char * const named[] = {
    "training", "organisation", "certification", "evaluation", "place", "room", "trainer",
    "client", "email_template", NULL
  };

  /* Who sessions are for: rare edits, read again whoever they concern */
  static const char * const populations[] = {
    "session_population", "population", "population_member", NULL
  };

  if (fd_row_changes_is_reset (changes))
    return TRUE;

  for (guint i = 0; i < fd_row_changes_get_length (changes); i++)
    {
      const char *entity = fd_row_changes_get_entity (changes, i);
      FdChangeKind kind = fd_row_changes_get_kind (changes, i);

      if (g_strv_contains (populations, entity))
        return TRUE;

      if (fd_session_plan_contains (self->plan, entity, fd_row_changes_get_id (changes, i)))
        return TRUE;
      if (g_strv_contains (children, entity) &&
          (kind == FD_CHANGE_CREATE || kind == FD_CHANGE_RESTORE ||
           g_str_equal (entity, "enrollment")))
        return TRUE;
      if (g_strv_contains (named, entity))
        return TRUE;
    }

  return FALSE;
}

static void
on_database_rows_changed_cb (FdSessionPage *self,
                             FdRowChanges  *changes,
                             FdDatabase    *database)
{
  if (self->plan == NULL || !concerns_plan (self, changes))
    return;

  if (fd_row_changes_is_reset (changes) || fd_row_changes_touches (changes, "evaluation"))
    self->evaluations_loaded = FALSE;
  if (fd_row_changes_is_reset (changes) || fd_row_changes_touches (changes, "cost"))
    fd_editor_load_choices (self->providers, self->database, FD_OPTION_PROVIDER, NULL, NULL);

  /* Out of sight (another view is shown), read it again when shown: an
   * edit of a trainer in the trainers view need not wait for it */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload_when_shown = TRUE;
      return;
    }

  load_plan (self);
}

static void
fd_session_page_map (GtkWidget *widget)
{
  FdSessionPage *self = FD_SESSION_PAGE (widget);

  GTK_WIDGET_CLASS (fd_session_page_parent_class)->map (widget);

  if (self->reload_when_shown)
    {
      self->reload_when_shown = FALSE;
      if (self->plan != NULL)
        load_plan (self);
    }
}

/* Shows @error at the field it is about; TRUE if one shows it */
static gboolean
show_save_error (FdSessionPage *self,
                 const GError  *error)
{
  const char *field = fd_validation_error_get_field (error);

  if (g_strcmp0 (field, "evaluation_id") == 0)
    {
      fd_session_page_show_tab (self, "evaluation");
      fd_editor_show_field_error (GTK_WIDGET (self->evaluation_row), error->message);
      return TRUE;
    }

  /* The write path names the field, not the line: the first line that
   * changed it is the one */
  for (guint i = 0; field != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->costs_list, i);

      if (row == NULL)
        break;
      if (FD_IS_COST_ROW (row) && fd_cost_row_is_modified (FD_COST_ROW (row)) &&
          !fd_cost_row_is_removed (FD_COST_ROW (row)) &&
          fd_cost_row_show_error (FD_COST_ROW (row), error))
        {
          fd_session_page_show_tab (self, "costs");
          fd_cost_row_show_error (FD_COST_ROW (row), error);
          return TRUE;
        }
    }

  return FALSE;
}

static void
show_error_dialog (FdSessionPage *self,
                   const char    *heading,
                   const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_errors (FdSessionPage *self)
{
  fd_editor_clear_field_error (GTK_WIDGET (self->evaluation_row));

  for (guint i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->costs_list, i);

      if (row == NULL)
        break;
      if (FD_IS_COST_ROW (row))
        fd_cost_row_clear_errors (FD_COST_ROW (row));
    }
}

/* After a save or a discard: what was edited is shown as stored */
static void
reset_edits (FdSessionPage *self)
{
  self->modified = FALSE;
  self->evaluation_edited = FALSE;
  self->stale |= EDITED_TABS;
  load_plan (self);
  update_modified (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_form_saved_cb (FdSessionPage *self,
                  const char    *session_id,
                  GtkWidget     *form)
{
  /* rows-changed read it again already; this is for another database
   * connection's form */
  if (g_strcmp0 (session_id, self->session_id) == 0 && self->plan != NULL)
    load_plan (self);
}

static GtkWindow *
get_window (FdSessionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdSessionPage *self = FD_SESSION_PAGE (widget);
  GtkWidget *form;

  if (self->plan == NULL)
    return;

  form = fd_session_form_new_edit (get_window (self), self->database, self->plan);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

static void
set_published_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FdSessionPage *self = FD_SESSION_PAGE (widget);
  g_autoptr(FdChange) change = NULL;
  g_autoptr(GError) error = NULL;
  gboolean published = g_variant_get_boolean (parameter);

  if (self->plan == NULL || self->plan->published == published)
    return;

  change = fd_change_new_update ("session", self->plan->id, self->plan->revision);
  fd_change_set_bool (change, "published", published);
  if (!fd_editor_apply_one (GTK_WIDGET (self), self->database,
                            published ? _("Session published") : _("Session back to draft"), change,
                            &error))
    show_error_dialog (self, published ? _("Could Not Publish the Session")
                                       : _("Could Not Take the Session Back to Draft"),
                       error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fd_session_page_save (FD_SESSION_PAGE (widget));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  fd_session_page_discard (FD_SESSION_PAGE (widget));
}

static void
add_sequence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FdSessionPage *self = FD_SESSION_PAGE (widget);
  GtkWidget *dialog;

  if (self->plan == NULL)
    return;

  dialog = fd_sequence_dialog_new (get_window (self), self->database, self->plan, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_sequence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FdSessionPage *self = FD_SESSION_PAGE (widget);
  const FdPlanSequence *sequence;
  GtkWidget *dialog;

  if (self->plan == NULL)
    return;

  sequence = fd_session_plan_find_sequence (self->plan, g_variant_get_string (parameter, NULL));
  if (sequence == NULL)
    return;

  dialog = fd_sequence_dialog_new (get_window (self), self->database, self->plan, sequence);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_slot_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FdSessionPage *self = FD_SESSION_PAGE (widget);
  const char *sequence_id = g_variant_get_string (parameter, NULL);
  GtkWidget *dialog;

  if (self->plan == NULL || fd_session_plan_find_sequence (self->plan, sequence_id) == NULL)
    return;

  /* Its sequence stays open to show the new slots */
  g_hash_table_add (self->expanded, g_strdup (sequence_id));

  dialog = fd_slot_dialog_new (get_window (self), self->database, self->plan, sequence_id, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_slot_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FdSessionPage *self = FD_SESSION_PAGE (widget);
  const FdPlanSlot *slot;
  GtkWidget *dialog;

  if (self->plan == NULL)
    return;

  slot = fd_session_plan_find_slot (self->plan, g_variant_get_string (parameter, NULL));
  if (slot == NULL)
    return;

  dialog = fd_slot_dialog_new (get_window (self), self->database, self->plan, slot->sequence_id,
                               slot);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_cost_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FdSessionPage *self = FD_SESSION_PAGE (widget);
  GObject *item = gtk_drop_down_get_selected_item (self->cost_type_drop_down);

  if (FD_IS_OPTION (item))
    fd_session_page_add_cost (self, fd_option_get_id (FD_OPTION (item)));
}

static void
show_tab_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  fd_session_page_show_tab (FD_SESSION_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
on_reminder_button_clicked_cb (FdSessionPage *self)
{
  FdSessionReminders reminders;

  if (self->plan == NULL)
    return;

  reminders = fd_session_plan_get_reminders (self->plan);
  fd_session_page_show_tab (self, (reminders & FD_SESSION_REMINDER_COSTS) ? "costs" : "evaluation");
}

static void
on_evaluation_row_selected_cb (FdSessionPage *self)
{
  if (self->filling || self->plan == NULL)
    return;

  fd_editor_clear_field_error (GTK_WIDGET (self->evaluation_row));

  /* The edit is made on the session as it was then */
  if (!self->evaluation_edited)
    {
      self->evaluation_base = self->plan->revision;
      self->evaluation_edited = TRUE;
    }

  update_modified (self);
}

typedef struct
{
  FdSessionPage *self;
  char *tab;
} LeaveTab;

static void
on_leave_tab_cb (gboolean proceed,
                 gpointer user_data)
{
  LeaveTab *leave = user_data;

  if (proceed)
    fd_session_page_show_tab (leave->self, leave->tab);

  g_object_unref (leave->self);
  g_free (leave->tab);
  g_free (leave);
}

static void
on_tabs_stack_visible_child_name_cb (FdSessionPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->tabs_stack);
  LeaveTab *leave;

  if (name == NULL || self->guarding)
    return;

  if (!self->modified || g_strcmp0 (name, self->shown_tab) == 0 || self->shown_tab == NULL)
    {
      g_free (self->shown_tab);
      self->shown_tab = g_strdup (name);
      refresh_tab (self, tab_from_name (name));
      return;
    }

  /* N'oubliez pas de sauvegarder avant de quitter un onglet: stay on the
   * tab until the user says what to do with the changes */
  leave = g_new0 (LeaveTab, 1);
  leave->self = g_object_ref (self);
  leave->tab = g_strdup (name);

  self->guarding = TRUE;
  adw_view_stack_set_visible_child_name (self->tabs_stack, self->shown_tab);
  self->guarding = FALSE;

  fd_session_page_ask_to_leave (self, on_leave_tab_cb, leave);
}

static void
fd_session_page_dispose (GObject *object)
{
  FdSessionPage *self = FD_SESSION_PAGE (object);
  GtkWidget *child;

  if (self->unsaved_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->unsaved_dialog));

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_SESSION_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->plan, fd_session_plan_unref);
  g_clear_pointer (&self->enrollment_rows, g_ptr_array_unref);
  g_clear_object (&self->cost_types);
  g_clear_object (&self->providers);
  g_clear_object (&self->session);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_session_page_parent_class)->dispose (object);
}

static void
fd_session_page_finalize (GObject *object)
{
  FdSessionPage *self = FD_SESSION_PAGE (object);

  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_free (self->session_id);
  g_free (self->shown_tab);

  G_OBJECT_CLASS (fd_session_page_parent_class)->finalize (object);
}

static void
fd_session_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdSessionPage *self = FD_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SESSION_ID:
      g_value_set_string (value, self->session_id);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_session_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FdSessionPage *self = FD_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      if (self->database != NULL)
        g_signal_connect_object (self->database, "rows-changed",
                                 G_CALLBACK (on_database_rows_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    case PROP_SESSION:
      fd_session_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_SESSION_ID:
      fd_session_page_set_session_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_session_page_class_init (FdSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_session_page_dispose;
  object_class->finalize = fd_session_page_finalize;
  object_class->get_property = fd_session_page_get_property;
  object_class->set_property = fd_session_page_set_property;

  widget_class->map = fd_session_page_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * FdSessionPage:session:
   *
   * The session chosen in a list; the page shows it as read again.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         FD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FdSessionPage:session-id:
   *
   * The id of the session shown, or %NULL.
   */
  properties[PROP_SESSION_ID] =
    g_param_spec_string ("session-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FdSessionPage:modified:
   *
   * Whether costs or the evaluation were edited and not saved yet.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_OPTION);
  g_type_ensure (FD_TYPE_COST_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-session-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, certification_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, client_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, comments_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, cost_type_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, costs_list);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, dates_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, dispositif_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, draft_box);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, emails_list);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, enrollments_list);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, evaluation_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, evaluations);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, funding_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, notice_comment_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, organisation_comment_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, planned_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, planning_group);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, population_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, publish_button);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, published_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, reminder_box);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, reminder_button);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, reminder_label);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, save_revealer);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, sequences_list);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, tabs_stack);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, training_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionPage, waiting_page);

  gtk_widget_class_bind_template_callback (widget_class, on_evaluation_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tabs_stack_visible_child_name_cb);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "session.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "session.set-published", "b",
                                   set_published_action);
  gtk_widget_class_install_action (widget_class, "session.add-sequence", NULL, add_sequence_action);
  gtk_widget_class_install_action (widget_class, "session.edit-sequence", "s",
                                   edit_sequence_action);
  gtk_widget_class_install_action (widget_class, "session.add-slot", "s", add_slot_action);
  gtk_widget_class_install_action (widget_class, "session.edit-slot", "s", edit_slot_action);
  gtk_widget_class_install_action (widget_class, "session.add-cost", NULL, add_cost_action);
  gtk_widget_class_install_action (widget_class, "session.show-tab", "s", show_tab_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "session.save", NULL);
}

static void
fd_session_page_init (FdSessionPage *self)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_object_unref);
  const FdEditorCode *codes;
  guint n_codes;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stale = ALL_TABS;

  self->enrollment_rows = g_ptr_array_new ();

  self->providers = g_list_store_new (FD_TYPE_OPTION);

  codes = fd_editor_get_cost_types (&n_codes);
  for (guint i = 0; i < n_codes; i++)
    g_ptr_array_add (types, fd_option_new (codes[i].code, fd_editor_code_get_label (&codes[i]),
                                           NULL));
  self->cost_types = g_list_store_new (FD_TYPE_OPTION);
  fd_editor_fill_choices (self->cost_types, types, NULL);
  gtk_drop_down_set_expression (self->cost_type_drop_down,
                                gtk_property_expression_new (FD_TYPE_OPTION, NULL, "label"));
  gtk_drop_down_set_model (self->cost_type_drop_down, G_LIST_MODEL (self->cost_types));

  fd_editor_use_choice_list (self->evaluation_row);

  self->shown_tab = g_strdup (adw_view_stack_get_visible_child_name (self->tabs_stack));

  update_actions (self);
}

GtkWidget *
fd_session_page_new (FdDatabase *database)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  return g_object_new (FD_TYPE_SESSION_PAGE,
                       "database", database,
                       NULL);
}

FdDatabase *
fd_session_page_get_database (FdSessionPage *self)
{
  g_return_val_if_fail (FD_IS_SESSION_PAGE (self), NULL);

  return self->database;
}

FdSession *
fd_session_page_get_session (FdSessionPage *self)
{
  g_return_val_if_fail (FD_IS_SESSION_PAGE (self), NULL);

  return self->session;
}

/**
 * fd_session_page_set_session:
 * @self: a #FdSessionPage
 * @session: (nullable): a session as a list shows it
 *
 * Shows @session, read again whole. Edits not saved are dropped: ask
 * first with fd_session_page_ask_to_leave().
 */
void
fd_session_page_set_session (FdSessionPage *self,
                             FdSession     *session)
{
  g_return_if_fail (FD_IS_SESSION_PAGE (self));
  g_return_if_fail (session == NULL || FD_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  fd_session_page_set_session_id (self, session != NULL ? fd_record_get_id (FD_RECORD (session))
                                                        : NULL);
}

const char *
fd_session_page_get_session_id (FdSessionPage *self)
{
  g_return_val_if_fail (FD_IS_SESSION_PAGE (self), NULL);

  return self->session_id;
}

/**
 * fd_session_page_set_session_id:
 * @self: a #FdSessionPage
 * @session_id: (nullable): the id of a session
 *
 * Shows the session of @session_id, read again whole (even when it is the
 * one shown). Edits not saved are dropped.
 */
void
fd_session_page_set_session_id (FdSessionPage *self,
                                const char    *session_id)
{
  gboolean changed;

  g_return_if_fail (FD_IS_SESSION_PAGE (self));

  changed = g_strcmp0 (self->session_id, session_id) != 0;
  if (changed)
    {
      g_free (self->session_id);
      self->session_id = g_strdup (session_id);
      g_hash_table_remove_all (self->expanded);
    }

  /* Another session: its own edits, none yet */
  self->modified = FALSE;
  self->evaluation_edited = FALSE;
  self->stale = ALL_TABS;
  clear_errors (self);
  load_plan (self);
  update_modified (self);
  update_actions (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

/**
 * fd_session_page_get_plan:
 * @self: a #FdSessionPage
 *
 * Returns: (transfer none) (nullable): the session shown, as last read
 */
FdSessionPlan *
fd_session_page_get_plan (FdSessionPage *self)
{
  g_return_val_if_fail (FD_IS_SESSION_PAGE (self), NULL);

  return self->plan;
}

gboolean
fd_session_page_get_modified (FdSessionPage *self)
{
  g_return_val_if_fail (FD_IS_SESSION_PAGE (self), FALSE);

  return self->modified;
}

/**
 * fd_session_page_save:
 * @self: a #FdSessionPage
 *
 * Saves the costs and the evaluation as edited, in one
 * fd_database_apply_all(): all of it, or nothing and the first problem
 * shown at its field.
 *
 * Returns: %TRUE if everything was saved (or there was nothing to save)
 */
gboolean
fd_session_page_save (FdSessionPage *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FD_IS_SESSION_PAGE (self), FALSE);

  if (self->plan == NULL || !self->modified)
    return TRUE;

  clear_errors (self);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);

  for (guint i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->costs_list, i);

      if (row == NULL)
        break;
      if (!FD_IS_COST_ROW (row))
        continue;
      if (!fd_cost_row_build_changes (FD_COST_ROW (row), self->plan->id, changes, &error))
        {
          fd_session_page_show_tab (self, "costs");
          fd_cost_row_show_error (FD_COST_ROW (row), error);
          return FALSE;
        }
    }

  if (evaluation_is_modified (self))
    {
      FdChange *change = fd_change_new_update ("session", self->plan->id, self->evaluation_base);
      const char *evaluation = fd_editor_get_selected_id (self->evaluation_row);

      if (evaluation != NULL)
        fd_change_set_string (change, "evaluation_id", evaluation);
      else
        fd_change_set_null (change, "evaluation_id");
      g_ptr_array_add (changes, change);
    }

  if (changes->len > 0 &&
      !fd_editor_apply (GTK_WIDGET (self), self->database, _("Session saved"), changes, &error))
    {
      if (!show_save_error (self, error))
        show_error_dialog (self, _("Could Not Save the Session"), error->message);
      return FALSE;
    }

  reset_edits (self);

  return TRUE;
}

/* Drops what was edited and shows the session as stored */
void
fd_session_page_discard (FdSessionPage *self)
{
  g_return_if_fail (FD_IS_SESSION_PAGE (self));

  clear_errors (self);
  reset_edits (self);
}

typedef struct
{
  FdSessionPage *self;
  FdSessionPageLeaveFunc func;
  gpointer user_data;
} Leave;

static void
on_unsaved_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               Leave            *leave)
{
  FdSessionPage *self = leave->self;
  gboolean proceed = FALSE;

  /* Closing the dialog after a response would answer again */
  g_signal_handlers_disconnect_by_func (dialog, on_unsaved_dialog_response_cb, leave);
  self->unsaved_dialog = NULL;

  if (g_strcmp0 (response, FD_EDITOR_RESPONSE_SAVE) == 0)
    proceed = fd_session_page_save (self);
  else if (g_strcmp0 (response, FD_EDITOR_RESPONSE_DISCARD) == 0)
    {
      fd_session_page_discard (self);
      proceed = TRUE;
    }

  leave->func (proceed, leave->user_data);

  g_object_unref (leave->self);
  g_free (leave);
}

/**
 * fd_session_page_ask_to_leave:
 * @self: a #FdSessionPage
 * @func: (scope async): called with whether the page may be left
 * @user_data: data for @func
 *
 * Before leaving the tab, the session or the window: when edits are not
 * saved, asks whether to save them, discard them, or stay (« N'oubliez
 * pas de sauvegarder »), then calls @func. When nothing is unsaved, calls
 * @func at once with %TRUE.
 */
void
fd_session_page_ask_to_leave (FdSessionPage          *self,
                              FdSessionPageLeaveFunc  func,
                              gpointer                user_data)
{
  Leave *leave;

  g_return_if_fail (FD_IS_SESSION_PAGE (self));
  g_return_if_fail (func != NULL);

  if (!self->modified)
    {
      func (TRUE, user_data);
      return;
    }

  /* Asked already: this second way out waits for that answer */
  if (self->unsaved_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->unsaved_dialog));
      func (FALSE, user_data);
      return;
    }

  leave = g_new0 (Leave, 1);
  leave->self = g_object_ref (self);
  leave->func = func;
  leave->user_data = user_data;

  self->unsaved_dialog = fd_editor_new_unsaved_dialog (GTK_WIDGET (self));
  g_signal_connect (self->unsaved_dialog, "response",
                    G_CALLBACK (on_unsaved_dialog_response_cb), leave);
  gtk_window_present (GTK_WINDOW (self->unsaved_dialog));
}

const char *
fd_session_page_get_visible_tab (FdSessionPage *self)
{
  g_return_val_if_fail (FD_IS_SESSION_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->tabs_stack);
}

/* Shows the tab named @name ("general", "planning", "costs", "evaluation"
 * or "emails"), without asking: the caller asked already */
void
fd_session_page_show_tab (FdSessionPage *self,
                          const char    *name)
{
  g_return_if_fail (FD_IS_SESSION_PAGE (self));
  g_return_if_fail (name != NULL);

  self->guarding = TRUE;
  adw_view_stack_set_visible_child_name (self->tabs_stack, name);
  self->guarding = FALSE;

  g_free (self->shown_tab);
  self->shown_tab = g_strdup (name);
  refresh_tab (self, tab_from_name (name));
}

/**
 * fd_session_page_add_cost:
 * @self: a #FdSessionPage
 * @type: a cost type's code
 *
 * Adds a cost line of @type, its amount the training's price when it has
 * one, to be filled in then saved.
 *
 * Returns: (transfer none) (nullable): the line's row
 */
GtkWidget *
fd_session_page_add_cost (FdSessionPage *self,
                          const char    *type)
{
  GtkWidget *row;

  g_return_val_if_fail (FD_IS_SESSION_PAGE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  if (self->plan == NULL)
    return NULL;

  fd_session_page_show_tab (self, "costs");

  row = fd_cost_row_new_for_type (self->database, type,
                                  fd_database_read_training_price (self->database,
                                                                   self->plan->training_id));
  append_cost_row (self, row);
  update_total (self);
  update_modified (self);

  return row;
}
