/* fd-server-group.c — sign in to the sync server, in the preferences
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-server-group"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-server-group.h"

#include "fd-field-message.h"
#include "fd-sync-client.h"

/* FdServerGroup:
 *
 * The “Server” group of the preferences: the server's address, an email
 * and a password, and “Sign In” (fd_sync_engine_sign_in_async()); once
 * signed in, who is signed in where, and “Sign Out”. A failed sign-in is
 * said at the field it is about: an address that is not one, or a server
 * that does not answer, under the address; a wrong password under the
 * password.
 */
struct _FdServerGroup
{
  AdwPreferencesGroup  parent_instance;

  FdSyncEngine        *engine;
  GCancellable        *cancellable;
  gboolean             busy;

  AdwActionRow        *account_row;
  AdwEntryRow         *email_row;
  AdwPasswordEntryRow *password_row;
  FdFieldMessage      *password_message;
  GtkWidget           *sign_in_box;
  GtkButton           *sign_in_button;
  GtkSpinner          *spinner;
  AdwEntryRow         *url_row;
  FdFieldMessage      *url_message;
};

G_DEFINE_FINAL_TYPE (FdServerGroup, fd_server_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_signed_in (FdServerGroup *self)
{
  FdSyncEngineState state = fd_sync_engine_get_state (self->engine);

  return state != FD_SYNC_ENGINE_STATE_LOCAL && state != FD_SYNC_ENGINE_STATE_SIGNED_OUT;
}

static void
update (FdServerGroup *self)
{
  gboolean signed_in = is_signed_in (self);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->account_row), signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->url_row), !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->email_row), !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), !signed_in);
  gtk_widget_set_visible (self->sign_in_box, !signed_in);
  if (signed_in)
    {
      fd_field_message_set_message (self->url_message, NULL);
      fd_field_message_set_message (self->password_message, NULL);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row),
                                 signed_in ? fd_sync_engine_get_email (self->engine) : "");
  if (signed_in)
    /* Translators: %s is a server address */
    subtitle = g_strdup_printf (_("Signed in on %s"), fd_sync_engine_get_server_url (self->engine));
  adw_action_row_set_subtitle (self->account_row, subtitle != NULL ? subtitle : "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "server.sign-in", !signed_in && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "server.sign-out", signed_in);
}

static void
set_busy (FdServerGroup *self,
          gboolean       busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Which field a sign-in error is about */
static FdFieldMessage *
message_for (FdServerGroup *self,
             const GError  *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ||
      g_error_matches (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_UNREACHABLE) ||
      g_error_matches (error, FD_SYNC_CLIENT_ERROR, FD_SYNC_CLIENT_ERROR_PROTOCOL))
    return self->url_message;

  return self->password_message;
}

static void
on_sign_in_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FdServerGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fd_sync_engine_sign_in_finish (FD_SYNC_ENGINE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      fd_field_message_show (message_for (self, error), error->message);
      return;
    }

  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  update (self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FdServerGroup *self = FD_SERVER_GROUP (widget);
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (self->busy)
    return;

  fd_field_message_set_message (self->url_message, NULL);
  fd_field_message_set_message (self->password_message, NULL);
  if (*url == '\0')
    {
      fd_field_message_show (self->url_message, _("Enter the server’s address."));
      return;
    }
  if (*email == '\0' || *password == '\0')
    {
      fd_field_message_show (self->password_message, _("Enter your email and password."));
      return;
    }

  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  fd_sync_engine_sign_in_async (self->engine, url, email, password, self->cancellable,
                                on_sign_in_cb, g_object_ref (self));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FdServerGroup *self = FD_SERVER_GROUP (widget);

  fd_sync_engine_sign_out (self->engine);
}

static void
on_password_row_entry_activated_cb (FdServerGroup *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "server.sign-in", NULL);
}

static void
on_engine_state_notify_cb (FdServerGroup *self)
{
  update (self);
}

static void
fd_server_group_constructed (GObject *object)
{
  FdServerGroup *self = FD_SERVER_GROUP (object);
  const char *url;
  const char *email;

  G_OBJECT_CLASS (fd_server_group_parent_class)->constructed (object);

  url = fd_sync_engine_get_server_url (self->engine);
  email = fd_sync_engine_get_email (self->engine);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url != NULL ? url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email != NULL ? email : "");

  g_signal_connect_object (self->engine, "notify::state", G_CALLBACK (on_engine_state_notify_cb),
                           self, G_CONNECT_SWAPPED);
  fd_field_message_clear_on (self->url_message, self->url_row, "changed");
  fd_field_message_clear_on (self->password_message, self->email_row, "changed");
  fd_field_message_clear_on (self->password_message, self->password_row, "changed");
  update (self);
}

static void
fd_server_group_dispose (GObject *object)
{
  FdServerGroup *self = FD_SERVER_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_SERVER_GROUP);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (fd_server_group_parent_class)->dispose (object);
}

static void
fd_server_group_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdServerGroup *self = FD_SERVER_GROUP (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_server_group_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FdServerGroup *self = FD_SERVER_GROUP (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      self->engine = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_server_group_class_init (FdServerGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_server_group_constructed;
  object_class->dispose = fd_server_group_dispose;
  object_class->get_property = fd_server_group_get_property;
  object_class->set_property = fd_server_group_set_property;

  /* A sign-in is under way */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL,
                         FD_TYPE_SYNC_ENGINE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-server-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FdServerGroup, account_row);
  gtk_widget_class_bind_template_child (widget_class, FdServerGroup, email_row);
  gtk_widget_class_bind_template_child (widget_class, FdServerGroup, password_message);
  gtk_widget_class_bind_template_child (widget_class, FdServerGroup, password_row);
  gtk_widget_class_bind_template_child (widget_class, FdServerGroup, sign_in_box);
  gtk_widget_class_bind_template_child (widget_class, FdServerGroup, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, FdServerGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, FdServerGroup, url_message);
  gtk_widget_class_bind_template_child (widget_class, FdServerGroup, url_row);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "server.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "server.sign-out", NULL, sign_out_action);
}

static void
fd_server_group_init (FdServerGroup *self)
{
  g_type_ensure (FD_TYPE_FIELD_MESSAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_server_group_new:
 * @engine: the window's sync engine
 *
 * Returns: (transfer floating): the group
 */
GtkWidget *
fd_server_group_new (FdSyncEngine *engine)
{
  g_return_val_if_fail (FD_IS_SYNC_ENGINE (engine), NULL);

  return g_object_new (FD_TYPE_SERVER_GROUP, "engine", engine, NULL);
}

FdSyncEngine *
fd_server_group_get_engine (FdServerGroup *self)
{
  g_return_val_if_fail (FD_IS_SERVER_GROUP (self), NULL);

  return self->engine;
}

/**
 * fd_server_group_get_busy:
 *
 * Returns: whether a sign-in is under way
 */
gboolean
fd_server_group_get_busy (FdServerGroup *self)
{
  g_return_val_if_fail (FD_IS_SERVER_GROUP (self), FALSE);

  return self->busy;
}
