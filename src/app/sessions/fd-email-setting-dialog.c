/* fd-email-setting-dialog.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-email-setting-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-email-setting-dialog.h"

#include "fd-editor-helpers.h"
#include "fd-session-emails.h"

/* FdEmailSettingDialog:
 *
 * When one of a session's emails leaves, and to whom (seed 004: its delay
 * relative to each sequence's start or end, its recipients, cc and bcc)
 * and the files sent with it (several). Files attached are stored as
 * blobs at once; the setting and its attachment rows are written in one
 * edit when confirmed, checked by core, refused at their field, and
 * undoable together.
 */
struct _FdEmailSettingDialog
{
  AdwWindow              parent_instance;

  FdDatabase            *database;
  FdSessionEmailSetting *setting;
  FdAttachmentList      *attachments;

  AdwComboRow           *anchor_row;
  AdwActionRow          *attach_row;
  AdwPreferencesGroup   *attachments_group;
  AdwEntryRow           *bcc_row;
  AdwEntryRow           *cc_row;
  AdwActionRow          *days_row;
  GtkSpinButton         *days_spin;
  AdwComboRow           *direction_row;
  AdwEntryRow           *recipients_row;
  AdwWindowTitle        *window_title;
};

G_DEFINE_FINAL_TYPE (FdEmailSettingDialog, fd_email_setting_dialog, ADW_TYPE_WINDOW)

#define MINUTES_A_DAY (24 * 60)

static void
fill (FdEmailSettingDialog *self)
{
  gint64 offset = fd_session_email_setting_get_offset_minutes (self->setting);

  adw_window_title_set_title (self->window_title, fd_session_email_setting_get_name (self->setting));
  gtk_spin_button_set_value (self->days_spin, (double) (ABS (offset) / MINUTES_A_DAY));
  adw_combo_row_set_selected (self->direction_row, offset < 0 ? 0 : 1);
  adw_combo_row_set_selected (self->anchor_row,
                              g_strcmp0 (fd_session_email_setting_get_anchor (self->setting),
                                         "sequence_end") == 0 ? 1 : 0);
  fd_editor_set_text (self->recipients_row, fd_session_email_setting_get_recipients (self->setting));
  fd_editor_set_text (self->cc_row, fd_session_email_setting_get_cc (self->setting));
  fd_editor_set_text (self->bcc_row, fd_session_email_setting_get_bcc (self->setting));
}

static GtkWidget *
row_of_field (FdEmailSettingDialog *self,
              const char           *field)
{
  if (g_strcmp0 (field, "cc") == 0)
    return GTK_WIDGET (self->cc_row);
  if (g_strcmp0 (field, "bcc") == 0)
    return GTK_WIDGET (self->bcc_row);
  if (g_strcmp0 (field, "offset_minutes") == 0)
    return GTK_WIDGET (self->days_row);
  if (g_strcmp0 (field, "owner_id") == 0 || g_strcmp0 (field, "blob_sha256") == 0 ||
      g_strcmp0 (field, "file_name") == 0)
    return GTK_WIDGET (self->attach_row);

  return GTK_WIDGET (self->recipients_row);
}

static void
clear_errors (FdEmailSettingDialog *self)
{
  fd_editor_clear_field_error (GTK_WIDGET (self->recipients_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->cc_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->bcc_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->days_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->attach_row));
}

static void
on_attach_button_clicked_cb (FdEmailSettingDialog *self)
{
  fd_attachment_list_choose_file (self->attachments, GTK_WIDGET (self));
}

static void
on_attachments_changed_cb (FdEmailSettingDialog *self)
{
  fd_editor_clear_field_error (GTK_WIDGET (self->attach_row));
}

static void
on_attachments_failed_cb (FdEmailSettingDialog *self,
                          const char           *message)
{
  fd_editor_show_field_error (GTK_WIDGET (self->attach_row), message);
}

static void
load_attachments (FdEmailSettingDialog *self)
{
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;

  self->attachments = fd_attachment_list_new (self->database, GTK_WIDGET (self->attachments_group));
  g_signal_connect_object (self->attachments, "changed", G_CALLBACK (on_attachments_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attachments, "failed", G_CALLBACK (on_attachments_failed_cb),
                           self, G_CONNECT_SWAPPED);

  attachments = fd_database_list_attachments (self->database, "session_email",
                                              fd_session_email_setting_get_id (self->setting),
                                              &error);
  if (attachments == NULL)
    {
      g_warning ("Could not read the attachments of an email: %s", error->message);
      return;
    }
  for (guint i = 0; i < attachments->len; i++)
    fd_attachment_list_add_saved (self->attachments, g_ptr_array_index (attachments, i));
}

/**
 * fd_email_setting_dialog_save:
 *
 * Writes the setting as the dialog shows it and closes; on a refusal
 * shows it at its field and stays.
 *
 * Returns: whether it was saved
 */
gboolean
fd_email_setting_dialog_save (FdEmailSettingDialog *self)
{
  g_autoptr(FdChange) change = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recipients = NULL;
  g_autofree char *cc = NULL;
  g_autofree char *bcc = NULL;
  gint64 days;

  g_return_val_if_fail (FD_IS_EMAIL_SETTING_DIALOG (self), FALSE);

  clear_errors (self);

  days = gtk_spin_button_get_value_as_int (self->days_spin);
  recipients = fd_editor_dup_text (self->recipients_row);
  cc = fd_editor_dup_text (self->cc_row);
  bcc = fd_editor_dup_text (self->bcc_row);

  change = fd_change_new_update ("session_email", fd_session_email_setting_get_id (self->setting),
                                 fd_session_email_setting_get_revision (self->setting));
  fd_change_set_int (change, "offset_minutes",
                     (adw_combo_row_get_selected (self->direction_row) == 0 ? -1 : 1) * days
                     * MINUTES_A_DAY);
  fd_change_set_string (change, "anchor",
                        adw_combo_row_get_selected (self->anchor_row) == 1 ? "sequence_end"
                                                                           : "sequence_start");
  fd_change_set_string (change, "recipients", recipients);
  fd_change_set_string (change, "cc", cc);
  fd_change_set_string (change, "bcc", bcc);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_ptr_array_add (changes, fd_change_ref (change));
  fd_attachment_list_build_changes (self->attachments, "session_email",
                                    fd_session_email_setting_get_id (self->setting), changes);

  if (!fd_session_emails_check_change (change, &error) ||
      !fd_editor_apply (GTK_WIDGET (self), self->database, _("Email changed"), changes, &error))
    {
      fd_editor_show_field_error (row_of_field (self, fd_validation_error_get_field (error)),
                                  error->message);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fd_email_setting_dialog_save (FD_EMAIL_SETTING_DIALOG (widget));
}

static void
fd_email_setting_dialog_dispose (GObject *object)
{
  FdEmailSettingDialog *self = FD_EMAIL_SETTING_DIALOG (object);

  g_clear_object (&self->attachments);
  g_clear_object (&self->database);
  g_clear_pointer (&self->setting, fd_session_email_setting_unref);

  G_OBJECT_CLASS (fd_email_setting_dialog_parent_class)->dispose (object);
}

static void
fd_email_setting_dialog_class_init (FdEmailSettingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_email_setting_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-email-setting-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, anchor_row);
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, attach_row);
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, bcc_row);
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, cc_row);
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, days_row);
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, recipients_row);
  gtk_widget_class_bind_template_child (widget_class, FdEmailSettingDialog, window_title);

  gtk_widget_class_bind_template_callback (widget_class, on_attach_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_email_setting_dialog_init (FdEmailSettingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_email_setting_dialog_new:
 * @parent: (nullable): the window it is over
 * @database: where the setting is
 * @setting: the email's setting, as read
 *
 * Returns: (transfer full): a dialog editing @setting
 */
GtkWidget *
fd_email_setting_dialog_new (GtkWindow             *parent,
                             FdDatabase            *database,
                             FdSessionEmailSetting *setting)
{
  FdEmailSettingDialog *self;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (setting != NULL, NULL);

  self = g_object_new (FD_TYPE_EMAIL_SETTING_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->setting = fd_session_email_setting_ref (setting);
  fill (self);
  load_attachments (self);

  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the files the dialog attaches to the email */
FdAttachmentList *
fd_email_setting_dialog_get_attachments (FdEmailSettingDialog *self)
{
  g_return_val_if_fail (FD_IS_EMAIL_SETTING_DIALOG (self), NULL);

  return self->attachments;
}
