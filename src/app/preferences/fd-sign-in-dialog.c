/* fd-sign-in-dialog.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-sign-in-dialog.h"

#include "fd-field-message.h"

/* FdSignInDialog:
 *
 * Asks for an email address and a password, checks them in a worker
 * thread (fd_accounts_sign_in_async()) and says who signed in with
 * #FdSignInDialog::signed-in; whoever opened it then makes that user the
 * current one. A wrong password is said under the password and the
 * dialog stays open; Cancel changes nothing.
 */
struct _FdSignInDialog
{
  AdwWindow            parent_instance;

  FdDatabase          *database;
  GCancellable        *cancellable;

  AdwEntryRow         *email_row;
  AdwPreferencesGroup *group;
  FdFieldMessage      *password_message;
  AdwPasswordEntryRow *password_row;
  GtkButton           *sign_in_button;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (FdSignInDialog, fd_sign_in_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_REASON,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_busy (FdSignInDialog *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
on_sign_in_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FdSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) user = NULL;

  user = fd_accounts_sign_in_finish (FD_DATABASE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (user == NULL)
    {
      fd_field_message_set_message (self->password_message, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  g_signal_emit (self, signals[SIGNED_IN], 0, user);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_sign_in_button_clicked_cb (FdSignInDialog *self,
                              GtkButton      *button)
{
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->sign_in_button)))
    return;

  fd_field_message_set_message (self->password_message, NULL);
  set_busy (self, TRUE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  fd_accounts_sign_in_async (self->database,
                             gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
                             gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                             self->cancellable,
                             on_sign_in_cb,
                             g_object_ref (self));
}

static void
on_field_changed_cb (FdSignInDialog *self,
                     GtkEditable    *field)
{
  fd_field_message_set_message (self->password_message, NULL);
}

static void
fd_sign_in_dialog_dispose (GObject *object)
{
  FdSignInDialog *self = FD_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_SIGN_IN_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_sign_in_dialog_parent_class)->dispose (object);
}

static void
fd_sign_in_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdSignInDialog *self = FD_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_REASON:
      g_value_set_string (value, adw_preferences_group_get_description (self->group));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_sign_in_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdSignInDialog *self = FD_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_REASON:
      adw_preferences_group_set_description (self->group, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_sign_in_dialog_class_init (FdSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_sign_in_dialog_dispose;
  object_class->get_property = fd_sign_in_dialog_get_property;
  object_class->set_property = fd_sign_in_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Why someone has to sign in, shown above the fields */
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdSignInDialog::signed-in:
   * @self: the dialog
   * @user: the account whose password was given
   *
   * Emitted when the email address and the password were right, before
   * the dialog closes. The dialog does not make @user the current user.
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, FD_TYPE_USER);

  g_type_ensure (FD_TYPE_FIELD_MESSAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-sign-in-dialog.ui");

  gtk_widget_class_bind_template_child (widget_class, FdSignInDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, FdSignInDialog, group);
  gtk_widget_class_bind_template_child (widget_class, FdSignInDialog, password_message);
  gtk_widget_class_bind_template_child (widget_class, FdSignInDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, FdSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, FdSignInDialog, spinner);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_sign_in_dialog_init (FdSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_sign_in_dialog_new:
 * @parent: the window the dialog is for
 * @database: whose accounts may sign in
 * @reason: (nullable): why someone has to sign in, translated
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
GtkWidget *
fd_sign_in_dialog_new (GtkWindow  *parent,
                       FdDatabase *database,
                       const char *reason)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  return g_object_new (FD_TYPE_SIGN_IN_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       "reason", reason,
                       NULL);
}
