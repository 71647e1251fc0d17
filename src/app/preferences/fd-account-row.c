/* fd-account-row.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-account-row"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-account-row.h"

/* FdAccountRow:
 *
 * A local account in the preferences: name, email and role, a switch to
 * deactivate or reactivate it and a button to set its password. What the
 * current user may not do stays visible but insensitive, its tooltip
 * saying why; core enforces it anyway.
 *
 * Accounts are immutable snapshots: the accounts page builds new rows
 * when they change.
 */
struct _FdAccountRow
{
  AdwActionRow  parent_instance;

  FdDatabase   *database;
  FdUser       *user;

  GtkSwitch    *active_switch;
  AdwAvatar    *avatar;
  GtkButton    *password_button;
  GtkLabel     *role_label;
};

G_DEFINE_FINAL_TYPE (FdAccountRow, fd_account_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_USER,
  N_PROPS
};

enum {
  CHANGE_PASSWORD,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_self (FdAccountRow *self)
{
  return g_strcmp0 (fd_user_get_id (fd_database_get_user (self->database)),
                    fd_user_get_id (self->user)) == 0;
}

static void
show_user (FdAccountRow *self)
{
  const char *id = fd_user_get_id (self->user);
  const char *email = fd_user_get_email (self->user);
  g_autofree char *refusal = NULL;
  g_autofree char *subtitle = NULL;
  gboolean can_manage;
  gboolean mine;

  g_assert (FD_IS_ACCOUNT_ROW (self));

  refusal = fd_roles_explain (self->database, NULL, FD_PERMISSION_MANAGE_ACCOUNTS, NULL);
  can_manage = refusal == NULL;
  mine = is_self (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), fd_user_get_display_name (self->user));
  adw_avatar_set_text (self->avatar, fd_user_get_display_name (self->user));

  /* An account that came from the server cannot sign in here until an
   * administrator gives it a password */
  if (!fd_accounts_has_password (self->database, id))
    /* Translators: %s is an email address */
    subtitle = g_strdup_printf (_("%s · no password on this workstation"), email);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : email);

  gtk_label_set_text (self->role_label, fd_role_get_label (fd_user_get_role (self->user)));

  gtk_switch_set_active (self->active_switch, fd_user_get_active (self->user));
  gtk_switch_set_state (self->active_switch, fd_user_get_active (self->user));
  gtk_widget_set_sensitive (GTK_WIDGET (self->active_switch), can_manage && !mine);
  if (!can_manage)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->active_switch), refusal);
  else if (mine)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->active_switch),
                                 _("This is your own account: another administrator can "
                                   "deactivate it"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->active_switch),
                                 fd_user_get_active (self->user)
                                 ? _("Deactivate the account: it can no longer sign in")
                                 : _("Reactivate the account"));

  /* Anyone may change their own password, knowing the current one */
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_button), can_manage || mine);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->password_button),
                               can_manage || mine ? _("Change Password…") : refusal);

  if (fd_user_get_active (self->user))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "inactive");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "inactive");
}

static void
show_error (FdAccountRow *self,
            const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* The switch moves at once; its state follows once core agreed. The
 * accounts page then lists the accounts again. */
static gboolean
on_active_switch_state_set_cb (FdAccountRow *self,
                               gboolean      state,
                               GtkSwitch    *active_switch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAccountRow) hold = g_object_ref (self);

  if (state == fd_user_get_active (self->user))
    return FALSE;

  if (!fd_accounts_set_active (self->database, fd_user_get_id (self->user), state, &error))
    {
      show_error (self, error->message);
      gtk_switch_set_active (active_switch, !state);
      return TRUE;
    }

  gtk_switch_set_state (active_switch, state);

  return TRUE;
}

static void
on_password_button_clicked_cb (FdAccountRow *self,
                               GtkButton    *button)
{
  g_signal_emit (self, signals[CHANGE_PASSWORD], 0);
}

static void
fd_account_row_constructed (GObject *object)
{
  FdAccountRow *self = FD_ACCOUNT_ROW (object);

  G_OBJECT_CLASS (fd_account_row_parent_class)->constructed (object);

  show_user (self);
}

static void
fd_account_row_dispose (GObject *object)
{
  FdAccountRow *self = FD_ACCOUNT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_ACCOUNT_ROW);

  g_clear_object (&self->user);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_account_row_parent_class)->dispose (object);
}

static void
fd_account_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdAccountRow *self = FD_ACCOUNT_ROW (object);

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
fd_account_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdAccountRow *self = FD_ACCOUNT_ROW (object);

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
fd_account_row_class_init (FdAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_account_row_constructed;
  object_class->dispose = fd_account_row_dispose;
  object_class->get_property = fd_account_row_get_property;
  object_class->set_property = fd_account_row_set_property;

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
   * FdAccountRow::change-password:
   *
   * Emitted when the user asks to set the account's password.
   */
  signals[CHANGE_PASSWORD] =
    g_signal_new ("change-password",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-account-row.ui");

  gtk_widget_class_bind_template_child (widget_class, FdAccountRow, active_switch);
  gtk_widget_class_bind_template_child (widget_class, FdAccountRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, FdAccountRow, password_button);
  gtk_widget_class_bind_template_child (widget_class, FdAccountRow, role_label);

  gtk_widget_class_bind_template_callback (widget_class, on_active_switch_state_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_button_clicked_cb);
}

static void
fd_account_row_init (FdAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fd_account_row_new (FdDatabase *database,
                    FdUser     *user)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (FD_IS_USER (user), NULL);
  g_return_val_if_fail (fd_user_get_id (user) != NULL, NULL);

  return g_object_new (FD_TYPE_ACCOUNT_ROW,
                       "database", database,
                       "user", user,
                       NULL);
}

/**
 * fd_account_row_get_user:
 *
 * Returns: (transfer none): the account shown
 */
FdUser *
fd_account_row_get_user (FdAccountRow *self)
{
  g_return_val_if_fail (FD_IS_ACCOUNT_ROW (self), NULL);

  return self->user;
}
