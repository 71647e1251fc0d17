/* fd-slot-dialog.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-slot-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-slot-dialog.h"

#include "fd-date-row.h"
#include "fd-editor-helpers.h"

/* FdSlotDialog:
 *
 * Adds slots to a sequence, or edits one: its date (several at once for a
 * new one: a slot each, with the same hours), start, end and break, its
 * place and a room of that place, its training organisation, its
 * trainers (several), co-trainer and host, and the three notification
 * comments that the emails carry. "Confirm" writes the slots and their
 * staff in one fd_database_apply_all(); an edit sets only what changed,
 * and replaces only the staff that changed.
 *
 * When saving (or deleting) would move a slot of a session with trainees
 * enrolled (fd_invitations_edit_needs_update()), the dialog says their
 * calendar invitations will be updated and offers "Do not send an update
 * to the participants", unticked; the updates are queued after the edit
 * unless it was ticked (seed 004).
 */
struct _FdSlotDialog
{
  AdwWindow          parent_instance;

  FdDatabase        *database;
  FdSessionPlan     *plan;
  char              *sequence_id;
  char              *slot_id;     /* the slot edited, or NULL */
  gint64             revision;
  GPtrArray         *chosen;      /* FdOption: the trainers */
  GStrv              slot_ids;    /* once saved */
  gboolean           filling;

  GtkButton         *add_trainer_button;
  AdwActionRow      *add_trainer_row;
  GtkDropDown       *co_trainer_drop_down;
  AdwActionRow      *co_trainer_row;
  GListStore        *co_trainers;
  GtkLabel          *conflicts_label;
  AdwPreferencesGroup *conflicts_group;
  FdDateRow         *dates_row;
  AdwPreferencesGroup *delete_group;
  AdwActionRow      *break_row;
  GtkSpinButton     *break_spin;
  AdwActionRow      *duration_row;
  AdwEntryRow       *end_row;
  GtkLabel          *error_label;
  GtkRevealer       *error_revealer;
  GtkDropDown       *host_drop_down;
  AdwActionRow      *host_row;
  GListStore        *hosts;
  AdwEntryRow       *organisation_notice_row;
  AdwComboRow       *organisation_row;
  GListStore        *organisations;
  GtkDropDown       *place_drop_down;
  AdwEntryRow       *place_notice_row;
  AdwActionRow      *place_row;
  GListStore        *places;
  GtkDropDown       *room_drop_down;
  AdwActionRow      *room_row;
  GListStore        *rooms;
  AdwEntryRow       *start_row;
  GtkDropDown       *trainer_drop_down;
  AdwEntryRow       *trainer_notice_row;
  GListStore        *trainers;
  GtkCheckButton    *no_update_check;
  AdwPreferencesGroup *update_group;
  AdwPreferencesGroup *trainers_group;
  GtkListBox        *trainers_list;
  AdwPreferencesGroup *when_group;
  AdwWindowTitle    *window_title;
};

G_DEFINE_FINAL_TYPE (FdSlotDialog, fd_slot_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
row_of_field (FdSlotDialog *self,
              const char   *field)
{
  static const struct
  {
    const char *field;
    gsize offset;
  } rows[] = {
    { "start_at", G_STRUCT_OFFSET (FdSlotDialog, start_row) },
    { "end_at", G_STRUCT_OFFSET (FdSlotDialog, end_row) },
    { "break_minutes", G_STRUCT_OFFSET (FdSlotDialog, break_row) },
    { "place_id", G_STRUCT_OFFSET (FdSlotDialog, place_row) },
    { "room_id", G_STRUCT_OFFSET (FdSlotDialog, room_row) },
    { "organisation_id", G_STRUCT_OFFSET (FdSlotDialog, organisation_row) },
    { "organisation_notice", G_STRUCT_OFFSET (FdSlotDialog, organisation_notice_row) },
    { "place_notice", G_STRUCT_OFFSET (FdSlotDialog, place_notice_row) },
    { "trainer_notice", G_STRUCT_OFFSET (FdSlotDialog, trainer_notice_row) },
    { "trainer_id", G_STRUCT_OFFSET (FdSlotDialog, add_trainer_row) },
    { "sequence_id", G_STRUCT_OFFSET (FdSlotDialog, dates_row) },
    { "dates", G_STRUCT_OFFSET (FdSlotDialog, dates_row) },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].field, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, rows[i].offset);

  return NULL;
}

static void
clear_errors (FdSlotDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->dates_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row),
    GTK_WIDGET (self->break_row), GTK_WIDGET (self->place_row), GTK_WIDGET (self->room_row),
    GTK_WIDGET (self->organisation_row), GTK_WIDGET (self->organisation_notice_row),
    GTK_WIDGET (self->place_notice_row), GTK_WIDGET (self->trainer_notice_row),
    GTK_WIDGET (self->add_trainer_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    fd_editor_clear_field_error (rows[i]);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
show_message (FdSlotDialog *self,
              const char   *field,
              const char   *message)
{
  GtkWidget *row = row_of_field (self, field);

  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (row != NULL)
    fd_editor_show_field_error (row, message);
}

static void
show_error (FdSlotDialog *self,
            const GError *error)
{
  show_message (self, fd_validation_error_get_field (error), error->message);
}

static GPtrArray *wanted_staff (FdSlotDialog *self);
static GPtrArray *build_changes (FdSlotDialog  *self,
                                 gboolean       report,
                                 GStrv         *slot_ids,
                                 guint         *n_dates);

/* What the slots would clash with (a trainer or a room booked twice at
 * the same time, a trainer unavailable or at another place that day, a
 * room too small, a date outside the session's year), by the core's
 * rules (fd_conflicts_check_proposal()), as the calendar and the CLI
 * check them. A warning: it does not stop the save. */
static void
update_conflicts (FdSlotDialog *self)
{
  g_auto(GStrv) dates = fd_date_row_get_dates (self->dates_row, NULL);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert (FD_IS_SLOT_DIALOG (self));

  start = fd_input_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  end = fd_input_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
  staff = wanted_staff (self);

  for (guint i = 0; dates != NULL && start != NULL && end != NULL && dates[i] != NULL; i++)
    {
      g_autoptr(FdSlotProposal) proposal = fd_slot_proposal_new (self->plan->id);
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *start_at = g_strconcat (dates[i], "T", start, NULL);
      g_autofree char *end_at = g_strconcat (dates[i], "T", end, NULL);

      /* The slot edited is not in conflict with itself */
      proposal->slot_id = g_strdup (self->slot_id);
      proposal->sequence_id = g_strdup (self->sequence_id);
      fd_slot_proposal_set_times (proposal, start_at, end_at);
      fd_slot_proposal_set_place_id (proposal, fd_editor_get_selected_id (self->place_drop_down));
      fd_slot_proposal_set_room_id (proposal, fd_editor_get_selected_id (self->room_drop_down));
      for (guint j = 0; j < staff->len; j++)
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (staff, j), "\t", 2);

          fd_slot_proposal_add_trainer (proposal, parts[0]);
        }

      conflicts = fd_conflicts_check_proposal (self->database, proposal, &error);
      if (conflicts == NULL)
        {
          /* Times that are not times yet: the save says so */
          g_debug ("Could not check the slot's conflicts: %s", error->message);
          continue;
        }

      for (guint j = 0; j < conflicts->len; j++)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, fd_conflict_get_message (g_ptr_array_index (conflicts, j)));
        }
    }

  gtk_label_set_text (self->conflicts_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), text->len > 0);
}

/* « 7 h per slot · 3 slots · 21 h » */
static void
update_duration (FdSlotDialog *self)
{
  g_auto(GStrv) dates = fd_date_row_get_dates (self->dates_row, NULL);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(FdSessionPlan) scratch = NULL;
  g_autofree char *start_at = NULL;
  g_autofree char *end_at = NULL;
  g_autofree char *each = NULL;
  g_autofree char *text = NULL;
  FdPlanSequence *sequence;
  FdPlanSlot *slot;
  gint64 minutes;
  guint n_dates = dates != NULL ? g_strv_length (dates) : 0;

  start = fd_input_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  end = fd_input_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
  if (start == NULL || end == NULL)
    {
      adw_action_row_set_subtitle (self->duration_row, "—");
      return;
    }

  /* The same computation as the session's */
  scratch = fd_session_plan_new ();
  sequence = fd_session_plan_add_sequence (scratch, "scratch", FALSE, NULL);
  start_at = g_strconcat ("2000-01-01T", start, NULL);
  end_at = g_strconcat ("2000-01-01T", end, NULL);
  slot = fd_plan_sequence_add_slot (sequence, "scratch", start_at, end_at,
                                    gtk_spin_button_get_value_as_int (self->break_spin));
  minutes = fd_plan_slot_get_minutes (slot);
  each = fd_editor_format_duration (minutes);

  if (n_dates <= 1)
    text = g_strdup (each);
  else
    {
      g_autofree char *total = fd_editor_format_duration (minutes * n_dates);

      /* Translators: « 7 h a slot · 3 slots · 21 h » */
      text = g_strdup_printf (ngettext ("%1$s a slot · %2$u slot · %3$s",
                                        "%1$s a slot · %2$u slots · %3$s", n_dates),
                              each, n_dates, total);
    }

  adw_action_row_set_subtitle (self->duration_row, text);
}

/* Offers not to send an update when the slots as typed would move
 * enrolled trainees' invitations */
static void
update_invitations (FdSlotDialog *self)
{
  g_autoptr(GPtrArray) changes = build_changes (self, FALSE, NULL, NULL);

  g_assert (FD_IS_SLOT_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->update_group),
                          changes != NULL &&
                          fd_invitations_edit_needs_update (self->database, changes, NULL, NULL));
}

static void
on_field_changed_cb (FdSlotDialog *self)
{
  if (self->filling)
    return;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  update_duration (self);
  update_conflicts (self);
  update_invitations (self);
}

/* Checks @changes before they are applied: whether the participants'
 * invitations need an update, and the user wants it sent */
static gboolean
wants_update (FdSlotDialog  *self,
              GPtrArray     *changes,
              char         **session_id,
              GStrv         *sequence_ids)
{
  return fd_invitations_edit_needs_update (self->database, changes, session_id, sequence_ids) &&
         !gtk_check_button_get_active (self->no_update_check);
}

static void
send_updates (FdSlotDialog       *self,
              const char         *session_id,
              const char * const *sequence_ids)
{
  g_autoptr(GError) error = NULL;

  /* The edit is saved: a failure here is no reason to keep the dialog */
  if (!fd_invitations_queue_updates_after_edit (self->database, session_id, sequence_ids,
                                                &error))
    g_warning ("Could not queue the calendar invitations’ updates: %s", error->message);
}

static void
load_rooms (FdSlotDialog *self,
            const char   *room_id)
{
  const char *place_id = fd_editor_get_selected_id (self->place_drop_down);

  self->filling = TRUE;
  fd_editor_load_choices (self->rooms, self->database, FD_OPTION_ROOM, place_id, _("None"));
  fd_editor_select_id (self->room_drop_down, room_id);
  self->filling = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->room_row), place_id != NULL);
}

static void
on_place_selected_cb (FdSlotDialog *self)
{
  if (self->filling)
    return;

  load_rooms (self, NULL);
  on_field_changed_cb (self);
}

static void
on_trainer_remove_clicked_cb (GtkButton    *button,
                              FdSlotDialog *self)
{
  FdOption *choice = g_object_get_data (G_OBJECT (button), "choice");

  g_ptr_array_remove (self->chosen, choice);
  gtk_list_box_remove (self->trainers_list, g_object_get_data (G_OBJECT (button), "row"));
  on_field_changed_cb (self);
}

static void
append_trainer_row (FdSlotDialog *self,
                    FdOption     *choice)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fd_option_get_label (choice));
  if (fd_option_get_detail (choice) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fd_option_get_detail (choice));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove This Trainer"));
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "choice", choice);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_trainer_remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  gtk_list_box_append (self->trainers_list, row);
}

static FdOption *
find_trainer (FdSlotDialog *self,
              const char   *trainer_id)
{
  guint position = fd_editor_find_choice (G_LIST_MODEL (self->trainers), trainer_id);

  if (trainer_id == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->trainers), position);
}

static void
add_trainer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FdSlotDialog *self = FD_SLOT_DIALOG (widget);

  fd_slot_dialog_add_trainer (self, fd_editor_get_selected_id (self->trainer_drop_down));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fd_slot_dialog_save (FD_SLOT_DIALOG (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fd_slot_dialog_delete (FD_SLOT_DIALOG (widget));
}

static void
fd_slot_dialog_dispose (GObject *object)
{
  FdSlotDialog *self = FD_SLOT_DIALOG (object);

  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->plan, fd_session_plan_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_slot_dialog_parent_class)->dispose (object);
}

static void
fd_slot_dialog_finalize (GObject *object)
{
  FdSlotDialog *self = FD_SLOT_DIALOG (object);

  g_free (self->sequence_id);
  g_free (self->slot_id);
  g_strfreev (self->slot_ids);

  G_OBJECT_CLASS (fd_slot_dialog_parent_class)->finalize (object);
}

static void
fd_slot_dialog_class_init (FdSlotDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_slot_dialog_dispose;
  object_class->finalize = fd_slot_dialog_finalize;

  /**
   * FdSlotDialog::saved:
   * @self: the dialog
   *
   * Emitted once the slots are written (or the slot deleted).
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (FD_TYPE_OPTION);
  g_type_ensure (FD_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-slot-dialog.ui");

  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, add_trainer_button);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, add_trainer_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, break_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, break_spin);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, co_trainer_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, co_trainer_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, co_trainers);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, dates_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, delete_group);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, host_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, no_update_check);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, hosts);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, organisation_notice_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, organisations);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, place_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, place_notice_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, places);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, room_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, room_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, rooms);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, trainer_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, trainer_notice_row);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, trainers);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, trainers_group);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, trainers_list);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, update_group);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, when_group);
  gtk_widget_class_bind_template_child (widget_class, FdSlotDialog, window_title);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_place_selected_cb);

  gtk_widget_class_install_action (widget_class, "dialog.add-trainer", NULL, add_trainer_action);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_slot_dialog_init (FdSlotDialog *self)
{
  self->chosen = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  fd_editor_use_choice_list (self->place_drop_down);
  fd_editor_use_choice_list (self->room_drop_down);
  fd_editor_use_choice_list (self->organisation_row);
  fd_editor_use_choice_list (self->trainer_drop_down);
  fd_editor_use_choice_list (self->co_trainer_drop_down);
  fd_editor_use_choice_list (self->host_drop_down);
}

static void
load_lists (FdSlotDialog *self)
{
  g_autoptr(GPtrArray) trainers = NULL;
  g_autoptr(GError) error = NULL;

  self->filling = TRUE;
  fd_editor_load_choices (self->places, self->database, FD_OPTION_PLACE, NULL, _("None"));
  fd_editor_load_choices (self->organisations, self->database, FD_OPTION_ORGANISATION, NULL,
                          _("None"));

  /* One read of the trainers for the three lists */
  trainers = fd_database_list_options (self->database, FD_OPTION_TRAINER, NULL, &error);
  if (trainers == NULL)
    g_warning ("Could not list the trainers: %s", error->message);
  fd_editor_fill_choices (self->trainers, trainers, NULL);
  fd_editor_fill_choices (self->co_trainers, trainers, _("None"));
  fd_editor_fill_choices (self->hosts, trainers, _("None"));
  self->filling = FALSE;
}

static void
fill_from_slot (FdSlotDialog     *self,
                const FdPlanSlot *slot)
{
  g_autofree char *date = g_strndup (slot->start_at, 10);
  g_autofree char *start = fd_format_time (slot->start_at);
  g_autofree char *end = fd_format_time (slot->end_at);

  self->filling = TRUE;
  fd_date_row_set_date (self->dates_row, date);
  fd_editor_set_text (self->start_row, start);
  fd_editor_set_text (self->end_row, end);
  gtk_spin_button_set_value (self->break_spin, slot->break_minutes);
  fd_editor_select_id (self->place_drop_down, slot->place_id);
  fd_editor_select_id (self->organisation_row, slot->organisation_id);
  fd_editor_set_text (self->organisation_notice_row, slot->organisation_notice);
  fd_editor_set_text (self->place_notice_row, slot->place_notice);
  fd_editor_set_text (self->trainer_notice_row, slot->trainer_notice);
  self->filling = FALSE;

  load_rooms (self, slot->room_id);

  for (guint i = 0; i < slot->staff->len; i++)
    {
      const FdPlanStaff *staff = g_ptr_array_index (slot->staff, i);

      self->filling = TRUE;
      if (g_strcmp0 (staff->role, "co_trainer") == 0)
        fd_editor_select_id (self->co_trainer_drop_down, staff->trainer_id);
      else if (g_strcmp0 (staff->role, "host") == 0)
        fd_editor_select_id (self->host_drop_down, staff->trainer_id);
      else
        fd_slot_dialog_add_trainer (self, staff->trainer_id);
      self->filling = FALSE;
    }
}

/* A new slot starts where the sequence's last one left off: its place,
 * room, organisation and staff, the next day */
static void
fill_defaults (FdSlotDialog *self)
{
  const FdPlanSequence *sequence = fd_session_plan_find_sequence (self->plan, self->sequence_id);
  const FdPlanSlot *last = NULL;

  if (sequence != NULL && sequence->slots->len > 0)
    last = g_ptr_array_index (sequence->slots, sequence->slots->len - 1);

  fd_date_row_set_multiple (self->dates_row, TRUE);

  self->filling = TRUE;
  gtk_spin_button_set_value (self->break_spin, 60);
  if (last != NULL)
    {
      fd_editor_select_id (self->place_drop_down, last->place_id);
      fd_editor_select_id (self->organisation_row, last->organisation_id);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->organisations)) > 1)
    {
      fd_editor_select_id (self->organisation_row, self->plan->organisation_id);
      if (self->plan->organisation_id == NULL)
        adw_combo_row_set_selected (self->organisation_row, 1);
    }
  self->filling = FALSE;

  load_rooms (self, last != NULL ? last->room_id : NULL);

  for (guint i = 0; last != NULL && i < last->staff->len; i++)
    {
      const FdPlanStaff *staff = g_ptr_array_index (last->staff, i);

      self->filling = TRUE;
      if (g_strcmp0 (staff->role, "co_trainer") == 0)
        fd_editor_select_id (self->co_trainer_drop_down, staff->trainer_id);
      else if (g_strcmp0 (staff->role, "host") == 0)
        fd_editor_select_id (self->host_drop_down, staff->trainer_id);
      else
        fd_slot_dialog_add_trainer (self, staff->trainer_id);
      self->filling = FALSE;
    }
}

/**
 * fd_slot_dialog_new:
 * @parent: (nullable): the window to put the dialog over
 * @database: where to write
 * @plan: the session
 * @sequence_id: the sequence of the slots
 * @slot: (nullable): the slot to edit, or %NULL to add slots
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
fd_slot_dialog_new (GtkWindow        *parent,
                    FdDatabase       *database,
                    FdSessionPlan    *plan,
                    const char       *sequence_id,
                    const FdPlanSlot *slot)
{
  const FdPlanSequence *sequence;
  FdSlotDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (sequence_id != NULL, NULL);

  self = g_object_new (FD_TYPE_SLOT_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->plan = fd_session_plan_ref (plan);
  self->sequence_id = g_strdup (sequence_id);

  load_lists (self);

  if (slot != NULL)
    {
      self->slot_id = g_strdup (slot->id);
      self->revision = slot->revision;
      fill_from_slot (self, slot);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->dates_row), _("Date *"));
      adw_preferences_group_set_description (self->when_group, NULL);
      adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), _("Edit Slot"));
    }
  else
    {
      fill_defaults (self);
      adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), _("New Slots"));
    }

  sequence = fd_session_plan_find_sequence (plan, sequence_id);
  adw_window_title_set_subtitle (self->window_title, sequence != NULL ? sequence->label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), slot != NULL);

  update_duration (self);
  update_conflicts (self);
  update_invitations (self);

  return GTK_WIDGET (self);
}

/**
 * fd_slot_dialog_add_trainer:
 * @self: a #FdSlotDialog
 * @trainer_id: (nullable): a trainer's id
 *
 * Adds the trainer to those of the slot, as the "+" beside the list does.
 *
 * Returns: %FALSE if there is no such trainer or it is there already
 */
gboolean
fd_slot_dialog_add_trainer (FdSlotDialog *self,
                            const char   *trainer_id)
{
  g_autoptr(FdOption) choice = NULL;

  g_return_val_if_fail (FD_IS_SLOT_DIALOG (self), FALSE);

  choice = find_trainer (self, trainer_id);
  if (choice == NULL)
    return FALSE;

  for (guint i = 0; i < self->chosen->len; i++)
    if (g_strcmp0 (fd_option_get_id (g_ptr_array_index (self->chosen, i)), trainer_id) == 0)
      return FALSE;

  g_ptr_array_add (self->chosen, g_object_ref (choice));
  append_trainer_row (self, choice);
  on_field_changed_cb (self);

  return TRUE;
}

/* The staff the dialog shows, as trainer id × role pairs: "id\trole" */
static GPtrArray *
wanted_staff (FdSlotDialog *self)
{
  GPtrArray *staff = g_ptr_array_new_with_free_func (g_free);
  const char *co_trainer = fd_editor_get_selected_id (self->co_trainer_drop_down);
  const char *host = fd_editor_get_selected_id (self->host_drop_down);

  for (guint i = 0; i < self->chosen->len; i++)
    g_ptr_array_add (staff, g_strconcat (fd_option_get_id (g_ptr_array_index (self->chosen, i)),
                                         "\ttrainer", NULL));
  if (co_trainer != NULL)
    g_ptr_array_add (staff, g_strconcat (co_trainer, "\tco_trainer", NULL));
  if (host != NULL)
    g_ptr_array_add (staff, g_strconcat (host, "\thost", NULL));

  return staff;
}

static void
add_staff_changes (GPtrArray  *changes,
                   const char *slot_id,
                   GPtrArray  *wanted,
                   GPtrArray  *existing)
{
  /* Staff no longer wanted go, staff not there yet come */
  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      const FdPlanStaff *staff = g_ptr_array_index (existing, i);
      g_autofree char *key = g_strconcat (staff->trainer_id, "\t", staff->role, NULL);

      if (!g_ptr_array_find_with_equal_func (wanted, key, g_str_equal, NULL))
        g_ptr_array_add (changes, fd_change_new_delete ("slot_staff", staff->id, staff->revision));
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      const char *key = g_ptr_array_index (wanted, i);
      g_auto(GStrv) parts = g_strsplit (key, "\t", 2);
      gboolean there = FALSE;
      FdChange *change;

      for (guint j = 0; existing != NULL && j < existing->len && !there; j++)
        {
          const FdPlanStaff *staff = g_ptr_array_index (existing, j);

          there = g_strcmp0 (staff->trainer_id, parts[0]) == 0 &&
                  g_strcmp0 (staff->role, parts[1]) == 0;
        }
      if (there)
        continue;

      change = fd_change_new_create ("slot_staff");
      fd_change_set_string (change, "slot_id", slot_id);
      fd_change_set_string (change, "trainer_id", parts[0]);
      fd_change_set_string (change, "role", parts[1]);
      g_ptr_array_add (changes, change);
    }
}

static void
set_optional (FdChange   *change,
              const char *field,
              const char *value)
{
  if (value != NULL)
    fd_change_set_string (change, field, value);
  else
    fd_change_set_null (change, field);
}

/* Sets @field when it differs from @old (always for a new slot) */
static void
set_changed (FdChange   *change,
             gboolean    create,
             const char *field,
             const char *value,
             const char *old)
{
  if (create ? value != NULL : g_strcmp0 (value, old) != 0)
    set_optional (change, field, value);
}

/* The changes that write the slots as typed (with @report, a problem is
 * shown at its field); NULL when what is typed cannot be saved */
static GPtrArray *
build_changes (FdSlotDialog  *self,
               gboolean       report,
               GStrv         *slot_ids,
               guint         *n_dates)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GStrvBuilder) ids = NULL;
  g_auto(GStrv) dates = NULL;
  g_autofree char *bad_date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *organisation_notice = NULL;
  g_autofree char *place_notice = NULL;
  g_autofree char *trainer_notice = NULL;
  const FdPlanSlot *shown = NULL;
  const char *place;
  const char *room;
  const char *organisation;
  int pause;

  if (self->slot_id != NULL)
    {
      shown = fd_session_plan_find_slot (self->plan, self->slot_id);
      if (shown == NULL)
        {
          if (report)
            show_message (self, NULL, _("This slot no longer exists; it may have been deleted."));
          return NULL;
        }
    }

  dates = fd_date_row_get_dates (self->dates_row, &bad_date);
  if (dates == NULL)
    {
      g_autofree char *message = NULL;

      if (bad_date != NULL)
        /* Translators: %s is what the user typed */
        message = g_strdup_printf (_("“%s” is not a date: type dates such as 03/03/2026, "
                                     "or pick them."), bad_date);
      else
        message = g_strdup (_("Choose the slot’s date."));
      if (report)
        show_message (self, "dates", message);
      return NULL;
    }
  if (shown != NULL && g_strv_length (dates) > 1)
    {
      if (report)
        show_message (self, "dates", _("A slot has one date: add the other dates as new slots."));
      return NULL;
    }

  start = fd_input_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  if (start == NULL)
    {
      if (report)
        show_message (self, "start_at", _("Type a time such as 09:00."));
      return NULL;
    }
  end = fd_input_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
  if (end == NULL)
    {
      if (report)
        show_message (self, "end_at", _("Type a time such as 17:00."));
      return NULL;
    }

  /* Only when saving: the spin button's text becomes its value */
  if (report)
    gtk_spin_button_update (self->break_spin);
  pause = gtk_spin_button_get_value_as_int (self->break_spin);
  place = fd_editor_get_selected_id (self->place_drop_down);
  room = fd_editor_get_selected_id (self->room_drop_down);
  organisation = fd_editor_get_selected_id (self->organisation_row);
  organisation_notice = fd_editor_dup_text (self->organisation_notice_row);
  place_notice = fd_editor_dup_text (self->place_notice_row);
  trainer_notice = fd_editor_dup_text (self->trainer_notice_row);
  wanted = wanted_staff (self);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  ids = g_strv_builder_new ();

  for (guint i = 0; dates[i] != NULL; i++)
    {
      g_autofree char *start_at = g_strconcat (dates[i], "T", start, NULL);
      g_autofree char *end_at = g_strconcat (dates[i], "T", end, NULL);
      gboolean create = shown == NULL;
      g_autoptr(FdChange) change = NULL;

      if (create)
        {
          change = fd_change_new_create ("slot");
          fd_change_set_string (change, "session_id", self->plan->id);
          fd_change_set_string (change, "sequence_id", self->sequence_id);
        }
      else
        change = fd_change_new_update ("slot", shown->id, self->revision);

      if (create || g_strcmp0 (start_at, shown->start_at) != 0)
        fd_change_set_string (change, "start_at", start_at);
      if (create || g_strcmp0 (end_at, shown->end_at) != 0)
        fd_change_set_string (change, "end_at", end_at);
      if (create || pause != shown->break_minutes)
        fd_change_set_int (change, "break_minutes", pause);
      set_changed (change, create, "place_id", place, create ? NULL : shown->place_id);
      set_changed (change, create, "room_id", room, create ? NULL : shown->room_id);
      set_changed (change, create, "organisation_id", organisation,
                   create ? NULL : shown->organisation_id);
      set_changed (change, create, "organisation_notice", organisation_notice,
                   create ? NULL : shown->organisation_notice);
      set_changed (change, create, "place_notice", place_notice,
                   create ? NULL : shown->place_notice);
      set_changed (change, create, "trainer_notice", trainer_notice,
                   create ? NULL : shown->trainer_notice);

      /* A room changes with its place: both go together */
      if (!create && fd_change_has_field (change, "place_id") && !fd_change_has_field (change,
                                                                                       "room_id"))
        set_optional (change, "room_id", room);

      /* The slot first, then its staff */
      g_strv_builder_add (ids, fd_change_get_id (change));
      if (fd_change_get_n_fields (change) > 0)
        g_ptr_array_add (changes, fd_change_ref (change));
      add_staff_changes (changes, fd_change_get_id (change), wanted, create ? NULL : shown->staff);
    }

  if (slot_ids != NULL)
    *slot_ids = g_strv_builder_end (ids);
  if (n_dates != NULL)
    *n_dates = g_strv_length (dates);

  return g_steal_pointer (&changes);
}

/**
 * fd_slot_dialog_save:
 * @self: a #FdSlotDialog
 *
 * Writes a slot for each date with its staff (or the slot edited), all or
 * nothing, then closes the dialog; on error shows it at its field. When
 * the slots moved with trainees enrolled, their invitations' updates are
 * queued, unless "Do not send an update to the participants" is ticked.
 *
 * Returns: whether the slots were written
 */
gboolean
fd_slot_dialog_save (FdSlotDialog *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) slot_ids = NULL;
  g_auto(GStrv) sequence_ids = NULL;
  g_autofree char *session_id = NULL;
  gboolean update;
  guint n_dates = 0;

  g_return_val_if_fail (FD_IS_SLOT_DIALOG (self), FALSE);

  clear_errors (self);
  changes = build_changes (self, TRUE, &slot_ids, &n_dates);
  if (changes == NULL)
    return FALSE;

  update = changes->len > 0 && wants_update (self, changes, &session_id, &sequence_ids);
  if (changes->len > 0 &&
      !fd_editor_apply (GTK_WIDGET (self), self->database,
                        self->slot_id != NULL ? _("Slot changed")
                                              : ngettext ("Slot added", "Slots added", n_dates),
                        changes, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  if (update)
    send_updates (self, session_id, (const char * const *) sequence_ids);

  g_strfreev (self->slot_ids);
  self->slot_ids = g_steal_pointer (&slot_ids);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

/**
 * fd_slot_dialog_delete:
 * @self: a #FdSlotDialog editing a slot
 *
 * Deletes the slot and its staff, all or nothing.
 *
 * Returns: whether it was deleted
 */
gboolean
fd_slot_dialog_delete (FdSlotDialog *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sequence_ids = NULL;
  g_autofree char *session_id = NULL;
  const FdPlanSlot *shown;
  gboolean update;

  g_return_val_if_fail (FD_IS_SLOT_DIALOG (self), FALSE);

  shown = fd_session_plan_find_slot (self->plan, self->slot_id);
  if (shown == NULL)
    return FALSE;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  for (guint i = 0; i < shown->staff->len; i++)
    {
      const FdPlanStaff *staff = g_ptr_array_index (shown->staff, i);

      g_ptr_array_add (changes, fd_change_new_delete ("slot_staff", staff->id, staff->revision));
    }
  g_ptr_array_add (changes, fd_change_new_delete ("slot", shown->id, self->revision));

  update = wants_update (self, changes, &session_id, &sequence_ids);
  if (!fd_editor_apply (GTK_WIDGET (self), self->database, _("Slot deleted"), changes, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  if (update)
    send_updates (self, session_id, (const char * const *) sequence_ids);

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

/**
 * fd_slot_dialog_dup_slot_ids:
 * @self: a #FdSlotDialog
 *
 * Returns: (transfer full) (nullable): the ids of the slots written, once
 *   saved
 */
GStrv
fd_slot_dialog_dup_slot_ids (FdSlotDialog *self)
{
  g_return_val_if_fail (FD_IS_SLOT_DIALOG (self), NULL);

  return g_strdupv (self->slot_ids);
}
