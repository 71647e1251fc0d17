/* fd-preferences-window.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-preferences-window.h"

#include "fd-account-dialog.h"
#include "fd-account-row.h"
#include "fd-password-dialog.h"
#include "fd-server-group.h"
#include "fd-sign-in-dialog.h"
#include "fd-user-ui.h"

/* FdPreferencesWindow:
 *
 * The preferences of a main window. Its “Accounts” page says who is
 * working (switch user, sign out) and lists the local accounts of this
 * shared workstation, deactivated ones included. Everyone sees the list;
 * what only an administrator may do stays visible but insensitive, with
 * the reason core gives (fd_roles_explain()), and core refuses it anyway.
 *
 * The list follows the database's announcements: it is listed again, once
 * per burst, when an account row changes.
 */
struct _FdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  FdWindow             *window;
  FdDatabase           *database;
  GListModel           *accounts;
  guint                 reload_id;

  GtkListBox           *accounts_list;
  GtkButton            *add_button;
  GtkWidget            *reason_box;
  GtkLabel             *reason_label;
  AdwPreferencesPage   *server_page;
  GtkButton            *sign_out_button;
  GtkButton            *switch_button;
  AdwAvatar            *user_avatar;
  AdwActionRow         *user_row;
};

G_DEFINE_FINAL_TYPE (FdPreferencesWindow, fd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_WINDOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (FdPreferencesWindow *self);

static void
update_user (FdPreferencesWindow *self)
{
  FdUser *user = fd_database_get_user (self->database);
  g_autofree char *subtitle = NULL;

  g_assert (FD_IS_PREFERENCES_WINDOW (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_row),
                                 fd_user_get_display_name (user));
  adw_avatar_set_text (self->user_avatar, fd_user_get_display_name (user));

  if (fd_user_is_local_admin (user))
    subtitle = g_strdup (_("The desktop’s user, as an administrator"));
  else
    /* Translators: %1$s is an email address, %2$s a role (“Planner”) */
    subtitle = g_strdup_printf (_("%1$s · %2$s"),
                                fd_user_get_email (user),
                                fd_role_get_label (fd_user_get_role (user)));
  adw_action_row_set_subtitle (self->user_row, subtitle);
}

/* What may be done, recomputed in one place */
static void
update_actions (FdPreferencesWindow *self)
{
  FdUser *user = fd_database_get_user (self->database);
  g_autofree char *refusal = NULL;
  gboolean any_can_sign_in;
  gboolean can_sign_out;

  g_assert (FD_IS_PREFERENCES_WINDOW (self));

  refusal = fd_roles_explain (self->database, NULL, FD_PERMISSION_MANAGE_ACCOUNTS, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-account", refusal == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), refusal);
  gtk_label_set_text (self->reason_label, refusal != NULL ? refusal : "");
  gtk_widget_set_visible (self->reason_box, refusal != NULL);

  any_can_sign_in = fd_accounts_any_can_sign_in (self->database);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.switch-user", any_can_sign_in);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->switch_button),
                               any_can_sign_in ? NULL
                               : _("No account can sign in on this workstation yet"));

  /* The desktop's user signs out only to let someone sign in */
  can_sign_out = !fd_user_is_local_admin (user) ||
                 fd_user_ui_sign_out_needs_sign_in (self->database);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.sign-out", can_sign_out);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sign_out_button),
                               can_sign_out ? NULL
                               : _("Nobody is signed in: the desktop’s user is working"));
}

static void
on_password_dialog_password_changed_cb (FdPreferencesWindow *self,
                                        FdPasswordDialog    *dialog)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Password changed")));
  /* Passwords are not announced: they never leave this workstation */
  refresh (self);
}

static void
on_account_row_change_password_cb (FdPreferencesWindow *self,
                                   FdAccountRow        *row)
{
  GtkWidget *dialog = fd_password_dialog_new (GTK_WINDOW (self), self->database,
                                              fd_account_row_get_user (row));

  g_signal_connect_object (dialog, "password-changed",
                           G_CALLBACK (on_password_dialog_password_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  FdPreferencesWindow *self = user_data;
  GtkWidget *row = fd_account_row_new (self->database, item);

  g_signal_connect_object (row, "change-password",
                           G_CALLBACK (on_account_row_change_password_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static void
reload_accounts (FdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;

  g_assert (FD_IS_PREFERENCES_WINDOW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);

  accounts = fd_accounts_list (self->database, TRUE, &error);
  if (accounts == NULL)
    {
      g_warning ("Could not list the accounts: %s", error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }

  g_set_object (&self->accounts, accounts);
  gtk_list_box_bind_model (self->accounts_list, self->accounts,
                           create_account_row, self, NULL);
}

static void
refresh (FdPreferencesWindow *self)
{
  update_user (self);
  update_actions (self);
  reload_accounts (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  FdPreferencesWindow *self = user_data;

  self->reload_id = 0;
  update_actions (self);
  reload_accounts (self);

  return G_SOURCE_REMOVE;
}

/* Once the burst is over, and never from inside a row's own handler */
static void
on_database_rows_changed_cb (FdPreferencesWindow *self,
                             FdRowChanges        *changes,
                             FdDatabase          *database)
{
  if (!fd_row_changes_is_reset (changes) && !fd_row_changes_touches (changes, "user_account"))
    return;

  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

static void
on_account_dialog_account_added_cb (FdPreferencesWindow *self,
                                    FdUser              *user,
                                    FdAccountDialog     *dialog)
{
  g_autofree char *title = NULL;

  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("Account added for %s"), fd_user_get_display_name (user));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
  refresh (self);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  GtkWidget *dialog = fd_account_dialog_new (GTK_WINDOW (self), self->database);

  g_signal_connect_object (dialog, "account-added",
                           G_CALLBACK (on_account_dialog_account_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_sign_in_dialog_signed_in_cb (FdPreferencesWindow *self,
                                FdUser              *user,
                                FdSignInDialog      *dialog)
{
  if (self->window != NULL)
    fd_window_set_user (self->window, user);
  refresh (self);
}

static void
open_sign_in (FdPreferencesWindow *self,
              const char          *reason)
{
  GtkWidget *dialog = fd_sign_in_dialog_new (GTK_WINDOW (self), self->database, reason);

  g_signal_connect_object (dialog, "signed-in",
                           G_CALLBACK (on_sign_in_dialog_signed_in_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
switch_user_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_sign_in (FD_PREFERENCES_WINDOW (widget), NULL);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autofree char *reason = NULL;

  if (fd_user_ui_sign_out_needs_sign_in (self->database))
    {
      /* Translators: %s is the name of who is working now */
      reason = g_strdup_printf (_("An administrator account can sign in on this workstation, "
                                  "so someone has to sign in: changes are recorded under "
                                  "their name. Cancel to go on working as %s."),
                                fd_user_get_display_name (fd_database_get_user (self->database)));
      open_sign_in (self, reason);
      return;
    }

  if (self->window != NULL)
    fd_window_set_user (self->window, NULL);
  refresh (self);
}

static void
fd_preferences_window_constructed (GObject *object)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (object);
  GtkWidget *server_group;

  G_OBJECT_CLASS (fd_preferences_window_parent_class)->constructed (object);

  self->database = g_object_ref (fd_window_get_database (self->window));
  g_signal_connect_object (self->database, "rows-changed",
                           G_CALLBACK (on_database_rows_changed_cb), self, G_CONNECT_SWAPPED);

  server_group = fd_server_group_new (fd_window_get_sync_engine (self->window));
  adw_preferences_page_add (self->server_page, ADW_PREFERENCES_GROUP (server_group));

  gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (self->window));
  refresh (self);
}

static void
fd_preferences_window_dispose (GObject *object)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->accounts);
  g_clear_object (&self->database);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (fd_preferences_window_parent_class)->dispose (object);
}

static void
fd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_value_set_object (value, self->window);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      /* Not a reference: the main window, once closed, takes its
       * preferences with it (destroy-with-parent) */
      g_set_weak_pointer (&self->window, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_preferences_window_class_init (FdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_preferences_window_constructed;
  object_class->dispose = fd_preferences_window_dispose;
  object_class->get_property = fd_preferences_window_get_property;
  object_class->set_property = fd_preferences_window_set_property;

  properties[PROP_WINDOW] =
    g_param_spec_object ("window", NULL, NULL,
                         FD_TYPE_WINDOW,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-preferences-window.ui");

  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, reason_box);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, server_page);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, switch_button);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, user_avatar);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, user_row);

  gtk_widget_class_install_action (widget_class, "prefs.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "prefs.switch-user", NULL, switch_user_action);
  gtk_widget_class_install_action (widget_class, "prefs.sign-out", NULL, sign_out_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
fd_preferences_window_init (FdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_preferences_window_new:
 * @window: the main window whose preferences to show
 *
 * Returns: (transfer none): a new preferences window, transient for
 *   @window, not shown yet
 */
GtkWidget *
fd_preferences_window_new (FdWindow *window)
{
  g_return_val_if_fail (FD_IS_WINDOW (window), NULL);

  return g_object_new (FD_TYPE_PREFERENCES_WINDOW,
                       "window", window,
                       NULL);
}

/**
 * fd_preferences_window_show_for:
 * @window: a main window
 *
 * Presents the preferences of @window, opening them if they are not open
 * yet.
 *
 * Returns: (transfer none): the preferences window
 */
FdPreferencesWindow *
fd_preferences_window_show_for (FdWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels = g_list_model_get_n_items (toplevels);
  GtkWidget *preferences = NULL;

  g_return_val_if_fail (FD_IS_WINDOW (window), NULL);

  for (guint i = 0; i < n_toplevels && preferences == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (FD_IS_PREFERENCES_WINDOW (toplevel) &&
          FD_PREFERENCES_WINDOW (toplevel)->window == window)
        preferences = GTK_WIDGET (toplevel);
    }

  if (preferences == NULL)
    preferences = fd_preferences_window_new (window);

  gtk_window_present (GTK_WINDOW (preferences));

  return FD_PREFERENCES_WINDOW (preferences);
}
