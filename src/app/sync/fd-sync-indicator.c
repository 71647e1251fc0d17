/* fd-sync-indicator.c — the header bar's word on sync
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-sync-indicator.h"

#include <adwaita.h>

/* FdSyncIndicator:
 *
 * An icon in the header bar whose tooltip says the sync state in words
 * (fd_sync_engine_describe()); its popover adds why the last run failed,
 * the account, the changes the server refused with its reason, and
 * “Sync Now”. Offline is said there, never in a dialog. Hidden for a
 * database that has no server.
 */
struct _FdSyncIndicator
{
  GtkWidget      parent_instance;

  FdSyncEngine  *engine;
  GSignalGroup  *engine_signals;
  char          *text;

  GtkLabel      *account_label;
  GtkMenuButton *button;
  GtkWidget     *conflicts_box;
  GtkListBox    *conflicts_list;
  GtkLabel      *message_label;
  GtkPopover    *popover;
  GtkLabel      *state_label;
};

G_DEFINE_FINAL_TYPE (FdSyncIndicator, fd_sync_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill_conflicts (FdSyncIndicator *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list))) != NULL)
    gtk_list_box_remove (self->conflicts_list, child);

  if (self->engine != NULL && fd_sync_engine_get_conflicts (self->engine) > 0)
    conflicts = fd_database_list_sync_conflicts (fd_sync_engine_get_database (self->engine), &error);
  gtk_widget_set_visible (self->conflicts_box, conflicts != NULL && conflicts->len > 0);
  if (conflicts == NULL)
    return;

  for (guint i = 0; i < conflicts->len; i++)
    {
      const FdSyncConflict *conflict = g_ptr_array_index (conflicts, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   conflict->message != NULL ? conflict->message
                                   : conflict->outcome == FD_PUSH_OUTCOME_CONFLICT
                                   ? _("Someone changed it meanwhile.")
                                   : _("The server refused it."));
      gtk_list_box_append (self->conflicts_list, row);
    }
}

static void
update (FdSyncIndicator *self)
{
  FdSyncEngineState state = FD_SYNC_ENGINE_STATE_LOCAL;
  g_autofree char *text = NULL;
  g_autofree char *account = NULL;
  const char *message = NULL;
  const char *icon;

  if (self->engine != NULL)
    {
      state = fd_sync_engine_get_state (self->engine);
      message = fd_sync_engine_get_message (self->engine);
      if (fd_sync_engine_get_email (self->engine) != NULL)
        /* Translators: %1$s is an email address, %2$s a server address */
        account = g_strdup_printf (_("%1$s on %2$s"), fd_sync_engine_get_email (self->engine),
                                   fd_sync_engine_get_server_url (self->engine));
    }

  text = fd_sync_engine_describe (state,
                                  self->engine != NULL ? fd_sync_engine_get_pending (self->engine) : 0,
                                  self->engine != NULL ? fd_sync_engine_get_conflicts (self->engine) : 0);
  icon = fd_sync_engine_icon_name (state);

  gtk_widget_set_visible (GTK_WIDGET (self), icon != NULL);
  if (icon != NULL)
    gtk_menu_button_set_icon_name (self->button, icon);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), text);
  gtk_label_set_text (self->state_label, text);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_label_set_text (self->account_label, account != NULL ? account : "");
  gtk_widget_set_visible (GTK_WIDGET (self->account_label), account != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.now",
                                 state != FD_SYNC_ENGINE_STATE_LOCAL &&
                                 state != FD_SYNC_ENGINE_STATE_SIGNED_OUT &&
                                 state != FD_SYNC_ENGINE_STATE_SYNCING);
  fill_conflicts (self);

  if (g_strcmp0 (self->text, text) != 0)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
}

static void
on_engine_notify_cb (FdSyncIndicator *self)
{
  update (self);
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FdSyncIndicator *self = FD_SYNC_INDICATOR (widget);

  if (self->engine != NULL)
    fd_sync_engine_sync_now (self->engine);
}

static void
fd_sync_indicator_dispose (GObject *object)
{
  FdSyncIndicator *self = FD_SYNC_INDICATOR (object);

  g_clear_object (&self->engine_signals);
  g_clear_object (&self->engine);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (fd_sync_indicator_parent_class)->dispose (object);
}

static void
fd_sync_indicator_finalize (GObject *object)
{
  FdSyncIndicator *self = FD_SYNC_INDICATOR (object);

  g_free (self->text);

  G_OBJECT_CLASS (fd_sync_indicator_parent_class)->finalize (object);
}

static void
fd_sync_indicator_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdSyncIndicator *self = FD_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_sync_indicator_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdSyncIndicator *self = FD_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      fd_sync_indicator_set_engine (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_sync_indicator_class_init (FdSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_sync_indicator_dispose;
  object_class->finalize = fd_sync_indicator_finalize;
  object_class->get_property = fd_sync_indicator_get_property;
  object_class->set_property = fd_sync_indicator_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL,
                         FD_TYPE_SYNC_ENGINE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The state in words, as the tooltip says it */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-sync-indicator.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, FdSyncIndicator, account_label);
  gtk_widget_class_bind_template_child (widget_class, FdSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, FdSyncIndicator, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, FdSyncIndicator, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, FdSyncIndicator, message_label);
  gtk_widget_class_bind_template_child (widget_class, FdSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, FdSyncIndicator, state_label);

  gtk_widget_class_install_action (widget_class, "sync.now", NULL, sync_now_action);
}

static void
fd_sync_indicator_init (FdSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->engine_signals = g_signal_group_new (FD_TYPE_SYNC_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "notify", G_CALLBACK (on_engine_notify_cb),
                                  self);
  update (self);
}

/**
 * fd_sync_indicator_get_engine:
 *
 * Returns: (transfer none) (nullable): the engine shown
 */
FdSyncEngine *
fd_sync_indicator_get_engine (FdSyncIndicator *self)
{
  g_return_val_if_fail (FD_IS_SYNC_INDICATOR (self), NULL);

  return self->engine;
}

void
fd_sync_indicator_set_engine (FdSyncIndicator *self,
                           FdSyncEngine *engine)
{
  g_return_if_fail (FD_IS_SYNC_INDICATOR (self));
  g_return_if_fail (engine == NULL || FD_IS_SYNC_ENGINE (engine));

  if (!g_set_object (&self->engine, engine))
    return;

  g_signal_group_set_target (self->engine_signals, engine);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

/**
 * fd_sync_indicator_get_text:
 *
 * Returns: (nullable): the state in words, as shown
 */
const char *
fd_sync_indicator_get_text (FdSyncIndicator *self)
{
  g_return_val_if_fail (FD_IS_SYNC_INDICATOR (self), NULL);

  return self->text;
}
