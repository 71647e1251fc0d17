/* fd-password-dialog.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-password-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-password-dialog.h"

#include "fd-field-message.h"

/* FdPasswordDialog:
 *
 * Sets the password of an account on this workstation: an administrator
 * sets anyone's (an account that came from the server then can sign in
 * here); anyone else changes their own, giving the current one first.
 */
struct _FdPasswordDialog
{
  AdwWindow            parent_instance;

  FdDatabase          *database;
  FdUser              *user;
  GCancellable        *cancellable;

  GtkButton           *change_button;
  FdFieldMessage      *confirm_message;
  AdwPasswordEntryRow *confirm_row;
  FdFieldMessage      *current_message;
  AdwPasswordEntryRow *current_row;
  GtkLabel            *error_label;
  AdwPreferencesGroup *group;
  FdFieldMessage      *password_message;
  AdwPasswordEntryRow *password_row;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (FdPasswordDialog, fd_password_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_USER,
  N_PROPS
};

enum {
  PASSWORD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
needs_current_password (FdPasswordDialog *self)
{
  return !fd_roles_can (self->database, NULL, FD_PERMISSION_MANAGE_ACCOUNTS, NULL);
}

static void
clear_errors (FdPasswordDialog *self)
{
  fd_field_message_set_message (self->current_message, NULL);
  fd_field_message_set_message (self->password_message, NULL);
  fd_field_message_set_message (self->confirm_message, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
set_busy (FdPasswordDialog *self,
          gboolean          busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
show_error (FdPasswordDialog *self,
            const GError     *error)
{
  if (error->domain == FD_PASSWORD_ERROR)
    {
      fd_field_message_set_message (self->password_message, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
  else if (g_error_matches (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_WRONG_PASSWORD) &&
           gtk_widget_get_visible (GTK_WIDGET (self->current_row)))
    {
      fd_field_message_set_message (self->current_message, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
    }
  else
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
on_change_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FdPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fd_accounts_change_password_finish (FD_DATABASE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[PASSWORD_CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_change_button_clicked_cb (FdPasswordDialog *self,
                             GtkButton        *button)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *confirmation = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  const char *current = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->change_button)))
    return;

  clear_errors (self);

  if (g_strcmp0 (password, confirmation) != 0)
    {
      fd_field_message_set_message (self->confirm_message,
                                    _("The two passwords are not the same."));
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->current_row)))
    current = gtk_editable_get_text (GTK_EDITABLE (self->current_row));

  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  fd_accounts_change_password_async (self->database, fd_user_get_id (self->user),
                                     current, password, self->cancellable,
                                     on_change_cb, g_object_ref (self));
}

static void
on_current_row_changed_cb (FdPasswordDialog *self,
                           GtkEditable      *editable)
{
  fd_field_message_set_message (self->current_message, NULL);
}

static void
on_password_row_changed_cb (FdPasswordDialog *self,
                            GtkEditable      *editable)
{
  fd_field_message_set_message (self->password_message, NULL);
}

static void
on_confirm_row_changed_cb (FdPasswordDialog *self,
                           GtkEditable      *editable)
{
  fd_field_message_set_message (self->confirm_message, NULL);
}

static void
fd_password_dialog_constructed (GObject *object)
{
  FdPasswordDialog *self = FD_PASSWORD_DIALOG (object);
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (fd_password_dialog_parent_class)->constructed (object);

  /* Translators: %1$s is a person's name, %2$s their email address */
  description = g_strdup_printf (_("For %1$s, who signs in as %2$s. The password stays on "
                                   "this workstation."),
                                 fd_user_get_display_name (self->user),
                                 fd_user_get_email (self->user));
  adw_preferences_group_set_description (self->group, description);

  gtk_widget_set_visible (GTK_WIDGET (self->current_row), needs_current_password (self));
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (needs_current_password (self) ? self->current_row
                                                                  : self->password_row));
}

static void
fd_password_dialog_dispose (GObject *object)
{
  FdPasswordDialog *self = FD_PASSWORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_PASSWORD_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->user);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_password_dialog_parent_class)->dispose (object);
}

static void
fd_password_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdPasswordDialog *self = FD_PASSWORD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_password_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FdPasswordDialog *self = FD_PASSWORD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_USER:
      self->user = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_password_dialog_class_init (FdPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_password_dialog_constructed;
  object_class->dispose = fd_password_dialog_dispose;
  object_class->get_property = fd_password_dialog_get_property;
  object_class->set_property = fd_password_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         FD_TYPE_USER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdPasswordDialog::password-changed:
   * @self: the dialog
   *
   * Emitted once the new password is stored, before the dialog closes.
   */
  signals[PASSWORD_CHANGED] =
    g_signal_new ("password-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (FD_TYPE_FIELD_MESSAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-password-dialog.ui");

  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, change_button);
  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, confirm_message);
  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, current_message);
  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, group);
  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, password_message);
  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, FdPasswordDialog, spinner);

  gtk_widget_class_bind_template_callback (widget_class, on_change_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_current_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_password_dialog_init (FdPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_password_dialog_new:
 * @parent: the window the dialog is for
 * @database: the database of the account
 * @user: the account whose password to set
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
GtkWidget *
fd_password_dialog_new (GtkWindow  *parent,
                        FdDatabase *database,
                        FdUser     *user)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (FD_IS_USER (user), NULL);
  g_return_val_if_fail (fd_user_get_id (user) != NULL, NULL);

  return g_object_new (FD_TYPE_PASSWORD_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       "user", user,
                       NULL);
}
