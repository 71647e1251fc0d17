/* fd-sequence-dialog.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-sequence-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-sequence-dialog.h"

#include "fd-editor-helpers.h"

/* FdSequenceDialog:
 *
 * Adds a sequence to a session, or edits one: its label, teaching
 * modality, optional URL, status (for information) and whether it is
 * pre-work. "Confirm" writes it at once; an edited sequence can also be
 * deleted, with its slots and their staff, in one operation.
 */
struct _FdSequenceDialog
{
  AdwWindow          parent_instance;

  FdDatabase        *database;
  FdSessionPlan     *plan;
  char              *sequence_id; /* NULL until a new one is saved */
  gint64             revision;
  gboolean           filling;

  GtkButton         *delete_button;
  AdwPreferencesGroup *delete_group;
  GtkLabel          *error_label;
  GtkRevealer       *error_revealer;
  AdwEntryRow       *label_row;
  GListStore        *modalities;
  AdwComboRow       *modality_row;
  AdwActionRow      *prework_row;
  GtkSwitch         *prework_switch;
  GtkButton         *save_button;
  AdwComboRow       *status_row;
  GListStore        *statuses;
  AdwEntryRow       *url_row;
  AdwWindowTitle    *window_title;
};

G_DEFINE_FINAL_TYPE (FdSequenceDialog, fd_sequence_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
row_of_field (FdSequenceDialog *self,
              const char       *field)
{
  if (g_strcmp0 (field, "label") == 0)
    return GTK_WIDGET (self->label_row);
  if (g_strcmp0 (field, "modality") == 0)
    return GTK_WIDGET (self->modality_row);
  if (g_strcmp0 (field, "url") == 0)
    return GTK_WIDGET (self->url_row);
  if (g_strcmp0 (field, "status") == 0)
    return GTK_WIDGET (self->status_row);
  if (g_strcmp0 (field, "prework") == 0)
    return GTK_WIDGET (self->prework_row);

  return NULL;
}

static void
clear_errors (FdSequenceDialog *self)
{
  fd_editor_clear_field_error (GTK_WIDGET (self->label_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->modality_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->url_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->status_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->prework_row));
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
show_error (FdSequenceDialog *self,
            const GError     *error)
{
  GtkWidget *row = row_of_field (self, fd_validation_error_get_field (error));

  gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (row != NULL)
    fd_editor_show_field_error (row, error->message);
}

static void
on_field_changed_cb (FdSequenceDialog *self)
{
  if (!self->filling)
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
fill_codes (GListStore         *store,
            const FdEditorCode *codes,
            guint               n_codes)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_codes; i++)
    g_ptr_array_add (choices, fd_option_new (codes[i].code, fd_editor_code_get_label (&codes[i]),
                                             NULL));
  fd_editor_fill_choices (store, choices, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fd_sequence_dialog_save (FD_SEQUENCE_DIALOG (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fd_sequence_dialog_delete (FD_SEQUENCE_DIALOG (widget));
}

static void
fd_sequence_dialog_dispose (GObject *object)
{
  FdSequenceDialog *self = FD_SEQUENCE_DIALOG (object);

  g_clear_pointer (&self->plan, fd_session_plan_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_sequence_dialog_parent_class)->dispose (object);
}

static void
fd_sequence_dialog_finalize (GObject *object)
{
  FdSequenceDialog *self = FD_SEQUENCE_DIALOG (object);

  g_free (self->sequence_id);

  G_OBJECT_CLASS (fd_sequence_dialog_parent_class)->finalize (object);
}

static void
fd_sequence_dialog_class_init (FdSequenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_sequence_dialog_dispose;
  object_class->finalize = fd_sequence_dialog_finalize;

  /**
   * FdSequenceDialog::saved:
   * @self: the dialog
   * @sequence_id: the id of the sequence written (or deleted)
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (FD_TYPE_OPTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-sequence-dialog.ui");

  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, delete_group);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, modalities);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, modality_row);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, prework_row);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, prework_switch);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, statuses);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, FdSequenceDialog, window_title);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_sequence_dialog_init (FdSequenceDialog *self)
{
  const FdEditorCode *codes;
  guint n_codes;

  gtk_widget_init_template (GTK_WIDGET (self));

  codes = fd_editor_get_modalities (&n_codes);
  fill_codes (self->modalities, codes, n_codes);
  codes = fd_editor_get_sequence_statuses (&n_codes);
  fill_codes (self->statuses, codes, n_codes);
}

/**
 * fd_sequence_dialog_new:
 * @parent: (nullable): the window to put the dialog over
 * @database: where to write
 * @plan: the session the sequence is of
 * @sequence: (nullable): the sequence to edit, or %NULL to add one
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
fd_sequence_dialog_new (GtkWindow            *parent,
                        FdDatabase           *database,
                        FdSessionPlan        *plan,
                        const FdPlanSequence *sequence)
{
  FdSequenceDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  self = g_object_new (FD_TYPE_SEQUENCE_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->plan = fd_session_plan_ref (plan);

  self->filling = TRUE;
  if (sequence != NULL)
    {
      self->sequence_id = g_strdup (sequence->id);
      self->revision = sequence->revision;
      fd_editor_set_text (self->label_row, sequence->label);
      fd_editor_select_id (self->modality_row, sequence->modality);
      fd_editor_set_text (self->url_row, sequence->url);
      fd_editor_select_id (self->status_row, sequence->status);
      gtk_switch_set_active (self->prework_switch, sequence->prework);
      adw_window_title_set_title (self->window_title, _("Edit Sequence"));
    }
  else
    {
      fd_editor_select_id (self->modality_row, "on_site");
      fd_editor_select_id (self->status_row, "planned");
      adw_window_title_set_title (self->window_title, _("New Sequence"));
    }
  self->filling = FALSE;

  adw_window_title_set_subtitle (self->window_title, plan->label);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), sequence != NULL);

  return GTK_WIDGET (self);
}

static const FdPlanSequence *
find_shown (FdSequenceDialog *self)
{
  return fd_session_plan_find_sequence (self->plan, self->sequence_id);
}

/**
 * fd_sequence_dialog_save:
 * @self: a #FdSequenceDialog
 *
 * Writes the sequence (only the fields changed, for an edit), then closes
 * the dialog; on error shows it at its field and writes nothing.
 *
 * Returns: whether it was written
 */
gboolean
fd_sequence_dialog_save (FdSequenceDialog *self)
{
  const FdPlanSequence *shown;
  g_autoptr(FdChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *url = NULL;
  const char *modality;
  const char *status;
  gboolean prework;

  g_return_val_if_fail (FD_IS_SEQUENCE_DIALOG (self), FALSE);

  clear_errors (self);

  label = fd_editor_dup_text (self->label_row);
  url = fd_editor_dup_text (self->url_row);
  modality = fd_editor_get_selected_id (self->modality_row);
  status = fd_editor_get_selected_id (self->status_row);
  prework = gtk_switch_get_active (self->prework_switch);
  shown = find_shown (self);

  if (shown == NULL)
    {
      gint64 position = 0;

      for (guint i = 0; i < self->plan->sequences->len; i++)
        position = MAX (position,
                        ((FdPlanSequence *) g_ptr_array_index (self->plan->sequences,
                                                               i))->position + 1);

      change = fd_change_new_create ("sequence");
      fd_change_set_string (change, "session_id", self->plan->id);
      fd_change_set_int (change, "position", position);
      fd_change_set_string (change, "label", label != NULL ? label : "");
      fd_change_set_string (change, "modality", modality);
      if (url != NULL)
        fd_change_set_string (change, "url", url);
      fd_change_set_string (change, "status", status);
      fd_change_set_bool (change, "prework", prework);
    }
  else
    {
      change = fd_change_new_update ("sequence", shown->id, self->revision);
      if (g_strcmp0 (label, shown->label) != 0)
        fd_change_set_string (change, "label", label != NULL ? label : "");
      if (g_strcmp0 (modality, shown->modality) != 0)
        fd_change_set_string (change, "modality", modality);
      if (g_strcmp0 (url, shown->url) != 0)
        {
          if (url != NULL)
            fd_change_set_string (change, "url", url);
          else
            fd_change_set_null (change, "url");
        }
      if (g_strcmp0 (status, shown->status) != 0)
        fd_change_set_string (change, "status", status);
      if (!prework != !shown->prework)
        fd_change_set_bool (change, "prework", prework);
    }

  if (fd_change_get_n_fields (change) > 0 &&
      !fd_editor_apply_one (GTK_WIDGET (self), self->database,
                            shown == NULL ? _("Sequence added") : _("Sequence changed"),
                            change, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  g_free (self->sequence_id);
  self->sequence_id = g_strdup (fd_change_get_id (change));
  g_signal_emit (self, signals[SAVED], 0, self->sequence_id);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

/**
 * fd_sequence_dialog_delete:
 * @self: a #FdSequenceDialog editing a sequence
 *
 * Deletes the sequence with its slots and their staff, all or nothing.
 *
 * Returns: whether it was deleted
 */
gboolean
fd_sequence_dialog_delete (FdSequenceDialog *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  const FdPlanSequence *shown;

  g_return_val_if_fail (FD_IS_SEQUENCE_DIALOG (self), FALSE);

  shown = find_shown (self);
  if (shown == NULL)
    return FALSE;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  for (guint i = 0; i < shown->slots->len; i++)
    {
      const FdPlanSlot *slot = g_ptr_array_index (shown->slots, i);

      for (guint j = 0; j < slot->staff->len; j++)
        {
          const FdPlanStaff *staff = g_ptr_array_index (slot->staff, j);

          g_ptr_array_add (changes, fd_change_new_delete ("slot_staff", staff->id,
                                                          staff->revision));
        }
      g_ptr_array_add (changes, fd_change_new_delete ("slot", slot->id, slot->revision));
    }
  g_ptr_array_add (changes, fd_change_new_delete ("sequence", shown->id, self->revision));

  if (!fd_editor_apply (GTK_WIDGET (self), self->database, _("Sequence deleted"), changes, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->sequence_id);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

/* Returns: (nullable): the sequence's id; %NULL until a new one is saved */
const char *
fd_sequence_dialog_get_sequence_id (FdSequenceDialog *self)
{
  g_return_val_if_fail (FD_IS_SEQUENCE_DIALOG (self), NULL);

  return self->sequence_id;
}
