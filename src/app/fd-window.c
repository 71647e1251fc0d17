/* fd-window.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-window.h"

#include "fd-calendar-view.h"
#include "fd-record-row.h"
#include "fd-record-view.h"
#include "fd-secret-token-store.h"
#include "fd-session-duplicate-dialog.h"
#include "fd-session-form.h"
#include "fd-session-import-dialog.h"
#include "fd-session-page.h"
#include "fd-sync-indicator.h"
#include "fd-user-ui.h"

/* FdWindow:
 *
 * The main window: four views of one database (calendar, sessions,
 * trainers, candidates) in an #AdwViewStack, switched from the header bar
 * or, when narrow, from a bar at the bottom. Its size and last view are
 * kept in GSettings.
 *
 * Only the view shown at start is built before the first frame; the others
 * are built one by one when idle afterwards, or when first shown. Their
 * texts, and samples of the lists' rows, are rendered offscreen then (see
 * prepare_texts()): the first view shown does not wait for fonts. Then
 * the session page is built, and each list loads what its first search
 * needs.
 */
struct _FdWindow
{
  AdwApplicationWindow  parent_instance;

  FdDatabase           *database;
  FdHistory            *history;
  GSettings            *settings;
  FdTokenStore         *token_store;
  FdSyncEngine         *sync_engine;

  guint                 build_views_id;
  gboolean              rows_prepared;
  gboolean              details_prepared;
  guint                 searches_prepared;

  /* The view shown, to come back to while the user decides what to do
   * with a session's unsaved edits */
  char                 *shown_view;
  gboolean              guarding;
  gboolean              close_confirmed;

  AdwBin               *calendar_page;
  AdwBin               *candidates_page;
  GtkMenuButton        *create_session_button;
  GtkPopover           *create_session_popover;
  AdwBin               *sessions_page;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  FdSyncIndicator         *sync_indicator;
  AdwToastOverlay      *toast_overlay;
  AdwBin               *trainers_page;
  AdwAvatar            *user_avatar;
  GtkButton            *user_button;

  AdwToast             *history_toast;
  AdwToast             *user_toast;
};

G_DEFINE_FINAL_TYPE (FdWindow, fd_window, ADW_TYPE_APPLICATION_WINDOW)

/* How often the window looks for what others committed, in milliseconds */
#define WATCH_INTERVAL_MS 500

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TOKEN_STORE,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The calendar, then an #FdRecordView for each kind of record */
#define CALENDAR -1

static const int views[] = {
  CALENDAR, FD_RECORD_KIND_SESSION, FD_RECORD_KIND_TRAINER, FD_RECORD_KIND_TRAINEE,
};

/* The view's name, in the stack and in the settings: the kind's */
static const char *
view_name (guint index)
{
  g_assert (index < G_N_ELEMENTS (views));

  return views[index] == CALENDAR ? "calendar" : fd_record_kind_get_info (views[index])->name;
}

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: the window state is not kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static int
find_view (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (name, view_name (i)) == 0)
      return i;

  return -1;
}

static gboolean
is_view_name (const char *name)
{
  return find_view (name) >= 0;
}

static AdwBin *
get_page (FdWindow *self,
          guint     index)
{
  AdwBin *pages[] = {
    self->calendar_page, self->sessions_page, self->trainers_page, self->candidates_page,
  };

  g_assert (index < G_N_ELEMENTS (pages));

  return pages[index];
}

/* Builds the view at @index of views[] if not done yet. */
static GtkWidget *
ensure_view (FdWindow *self,
             guint     index)
{
  AdwBin *page = get_page (self, index);
  GtkWidget *view = adw_bin_get_child (page);

  if (view == NULL)
    {
      if (views[index] == CALENDAR)
        view = g_object_new (FD_TYPE_CALENDAR_VIEW,
                             "database", self->database,
                             NULL);
      else
        view = fd_record_view_new (self->database, views[index]);
      adw_bin_set_child (page, view);
    }

  return view;
}

/* Adds the layout of every visible label under @widget to @snapshot */
static void
snapshot_labels (GtkWidget   *widget,
                 GtkSnapshot *snapshot)
{
  static const GdkRGBA black = { 0, 0, 0, 1 };

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;

      if (GTK_IS_LABEL (child))
        gtk_snapshot_append_layout (snapshot, gtk_label_get_layout (GTK_LABEL (child)), &black);
      else
        snapshot_labels (child, snapshot);
    }
}

/* Renders the texts of @view, built but not shown yet (or without a view,
 * samples of the lists' rows), to a texture that is thrown away: their
 * fonts are opened, their texts shaped and their glyphs drawn now, when
 * idle, rather than in the first frame that shows them. */
static void
prepare_texts (FdWindow  *self,
               GtkWidget *view)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  if (view != NULL)
    snapshot_labels (view, snapshot);
  else
    fd_record_row_snapshot_samples (GTK_WIDGET (self), snapshot);

  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL && renderer != NULL)
    g_object_unref (gsk_renderer_render_texture (renderer, node, NULL));
}

static gboolean
build_next_view_cb (gpointer user_data)
{
  FdWindow *self = user_data;

  /* One step each time: the texts of the lists' rows, then each view,
   * then each list's search */
  if (!self->rows_prepared)
    {
      self->rows_prepared = TRUE;
      prepare_texts (self, NULL);
      return G_SOURCE_CONTINUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      if (adw_bin_get_child (get_page (self, i)) == NULL)
        {
          prepare_texts (self, ensure_view (self, i));
          return G_SOURCE_CONTINUE;
        }
    }

  /* The details of the sessions: the session page is the largest */
  if (!self->details_prepared)
    {
      GtkWidget *view = adw_bin_get_child (self->sessions_page);

      self->details_prepared = TRUE;
      if (FD_IS_RECORD_VIEW (view))
        {
          GtkWidget *details = fd_record_view_prepare_details (FD_RECORD_VIEW (view));
          int width;

          /* Its styles are computed and its texts shaped now, not in the
           * frame that first shows a session */
          gtk_widget_measure (details, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
          gtk_widget_measure (details, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
          prepare_texts (self, details);
        }
      return G_SOURCE_CONTINUE;
    }

  while (self->searches_prepared < G_N_ELEMENTS (views))
    {
      GtkWidget *view = adw_bin_get_child (get_page (self, self->searches_prepared++));

      if (FD_IS_RECORD_VIEW (view))
        {
          fd_record_pane_prepare_search (fd_record_view_get_pane (FD_RECORD_VIEW (view)));
          return G_SOURCE_CONTINUE;
        }
    }

  self->build_views_id = 0;

  return G_SOURCE_REMOVE;
}

static void
on_frame_clock_after_paint_cb (FdWindow      *self,
                               GdkFrameClock *frame_clock)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_frame_clock_after_paint_cb, self);

  if (self->build_views_id == 0)
    self->build_views_id = g_idle_add_full (G_PRIORITY_LOW, build_next_view_cb, self, NULL);
}

static void
update_actions (FdWindow *self)
{
  const char *view;

  g_assert (FD_IS_WINDOW (self));

  view = fd_window_get_visible_view (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 g_strcmp0 (view, "calendar") != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL && fd_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history != NULL && fd_history_get_can_redo (self->history));
}

static void
on_history_notify_cb (FdWindow   *self,
                      GParamSpec *pspec,
                      FdHistory  *history)
{
  update_actions (self);
}

/* Shows what an edit, an undo or a redo did, with the way back */
static void
show_history_toast (FdWindow   *self,
                    const char *title,
                    const char *button_label,
                    const char *action)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->history_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdWindow *self = FD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (fd_history_get_undo_label (self->history));
  g_autofree char *title = NULL;

  if (label == NULL)
    return;

  if (!fd_history_undo (self->history, &error))
    {
      /* Translators: %1$s is an edit (“Slot moved”), %2$s why it cannot be undone */
      title = g_strdup_printf (_("Could not undo “%1$s”: %2$s"), label, error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }

  /* Translators: %s is an edit, “Slot moved” */
  title = g_strdup_printf (_("Undone: %s"), label);
  show_history_toast (self, title, _("Redo"), "win.redo");
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdWindow *self = FD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (fd_history_get_redo_label (self->history));

  if (label == NULL)
    return;

  if (!fd_history_redo (self->history, &error))
    {
      g_autofree char *title = NULL;

      /* Translators: %1$s is an edit (“Slot moved”), %2$s why it cannot be redone */
      title = g_strdup_printf (_("Could not redo “%1$s”: %2$s"), label, error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }

  show_history_toast (self, label, _("Undo"), "win.undo");
}

/* What others commit (the CLI, a worker, sync) shows when the window comes
 * back to the front, not only at the next look */
static void
on_is_active_notify_cb (FdWindow   *self,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->database != NULL)
    fd_database_check_changes (self->database);
}

/* Who is working, under the title (when narrow) and as an avatar (the
 * view switcher hides the title when wide); nothing for the desktop's user */
static void
update_user_title (FdWindow *self)
{
  g_autofree char *summary = NULL;

  if (self->database != NULL)
    summary = fd_user_ui_dup_summary (fd_database_get_user (self->database));
  adw_view_switcher_title_set_subtitle (self->switcher_title, summary != NULL ? summary : "");

  gtk_widget_set_visible (GTK_WIDGET (self->user_button), summary != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->user_button), summary);
  if (summary != NULL)
    adw_avatar_set_text (self->user_avatar,
                         fd_user_get_display_name (fd_database_get_user (self->database)));
}

/* Said once, when saving the sign-in failed: the app goes on syncing */
static void
on_sync_engine_keyring_available_notify_cb (FdWindow     *self,
                                            GParamSpec   *pspec,
                                            FdSyncEngine *engine)
{
  if (fd_sync_engine_get_keyring_available (engine))
    return;

  fd_window_add_toast (self, adw_toast_new (_("The keyring is not available: the password "
                                              "will be asked again next time")));
}

static void
restore_state (FdWindow *self)
{
  g_autofree char *view = NULL;
  int width;
  int height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (is_view_name (view))
    adw_view_stack_set_visible_child_name (self->stack, view);
}

static void
save_state (FdWindow *self)
{
  const char *view;
  int width;
  int height;

  if (self->settings == NULL)
    return;

  g_settings_delay (self->settings);

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  view = fd_window_get_visible_view (self);
  if (is_view_name (view))
    g_settings_set_string (self->settings, "last-view", view);

  g_settings_apply (self->settings);
}

/* The session page of the sessions view, once built */
static FdSessionPage *
get_session_page (FdWindow *self)
{
  GtkWidget *view = adw_bin_get_child (self->sessions_page);
  GtkWidget *details = FD_IS_RECORD_VIEW (view) ? fd_record_view_get_details (FD_RECORD_VIEW (view))
                                                : NULL;

  return FD_IS_SESSION_PAGE (details) ? FD_SESSION_PAGE (details) : NULL;
}

typedef struct
{
  FdWindow *self;
  char *view;
} LeaveView;

static void
on_leave_view_cb (gboolean proceed,
                  gpointer user_data)
{
  LeaveView *leave = user_data;

  if (proceed)
    adw_view_stack_set_visible_child_name (leave->self->stack, leave->view);

  g_object_unref (leave->self);
  g_free (leave->view);
  g_free (leave);
}

static void
on_stack_visible_child_name_cb (FdWindow     *self,
                                GParamSpec   *pspec,
                                AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);
  int index = find_view (name);
  FdSessionPage *page = get_session_page (self);

  if (self->guarding)
    return;

  /* Leaving a session with unsaved edits: stay until the user decides */
  if (page != NULL && fd_session_page_get_modified (page) &&
      g_strcmp0 (self->shown_view, "sessions") == 0 && g_strcmp0 (name, "sessions") != 0)
    {
      LeaveView *leave = g_new0 (LeaveView, 1);

      leave->self = g_object_ref (self);
      leave->view = g_strdup (name);
      self->guarding = TRUE;
      adw_view_stack_set_visible_child_name (stack, "sessions");
      self->guarding = FALSE;
      fd_session_page_ask_to_leave (page, on_leave_view_cb, leave);
      return;
    }

  g_free (self->shown_view);
  self->shown_view = g_strdup (name);

  if (index >= 0)
    ensure_view (self, index);

  gtk_widget_set_visible (GTK_WIDGET (self->create_session_button),
                          g_strcmp0 (name, "sessions") == 0);
  update_actions (self);
}

static void
on_create_session_list_row_activated_cb (FdWindow *self)
{
  gtk_popover_popdown (self->create_session_popover);
}

/* A session made (created, duplicated): the sessions view shows it */
static void
on_session_saved_cb (FdWindow   *self,
                     const char *session_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-session", "s", session_id);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FdWindow *self = FD_WINDOW (widget);
  GtkWidget *form = fd_session_form_new_create (GTK_WINDOW (self), self->database);

  gtk_popover_popdown (self->create_session_popover);

  g_signal_connect_object (form, "saved", G_CALLBACK (on_session_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

static void
duplicate_session_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FdWindow *self = FD_WINDOW (widget);
  GtkWidget *dialog = fd_session_duplicate_dialog_new (GTK_WINDOW (self), self->database);

  gtk_popover_popdown (self->create_session_popover);

  g_signal_connect_object (dialog, "open-session", G_CALLBACK (on_session_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_sessions_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FdWindow *self = FD_WINDOW (widget);

  gtk_popover_popdown (self->create_session_popover);
  gtk_window_present (GTK_WINDOW (fd_session_import_dialog_new (GTK_WINDOW (self),
                                                                self->database)));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FdWindow *self = FD_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!is_view_name (name))
    {
      g_warning ("No view named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* win.show-session::ID shows a session from elsewhere (the calendar), by id */
static void
show_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FdWindow *self = FD_WINDOW (widget);
  GtkWidget *view = fd_window_get_view (self, "sessions");

  adw_view_stack_set_visible_child_name (self->stack, "sessions");
  fd_record_view_show_record (FD_RECORD_VIEW (view), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FdWindow *self = FD_WINDOW (widget);
  GtkWidget *view = fd_window_get_view (self, fd_window_get_visible_view (self));

  if (FD_IS_RECORD_VIEW (view))
    fd_record_view_focus_search (FD_RECORD_VIEW (view));
}

static void
fd_window_realize (GtkWidget *widget)
{
  FdWindow *self = FD_WINDOW (widget);

  GTK_WIDGET_CLASS (fd_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_frame_clock_after_paint_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
on_leave_window_cb (gboolean proceed,
                    gpointer user_data)
{
  g_autoptr(FdWindow) self = user_data;

  if (!proceed)
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
fd_window_close_request (GtkWindow *window)
{
  FdWindow *self = FD_WINDOW (window);
  FdSessionPage *page = get_session_page (self);

  /* A session's unsaved edits: ask first */
  if (!self->close_confirmed && page != NULL && fd_session_page_get_modified (page))
    {
      fd_session_page_ask_to_leave (page, on_leave_window_cb, g_object_ref (self));
      return TRUE;
    }

  save_state (self);

  return GTK_WINDOW_CLASS (fd_window_parent_class)->close_request (window);
}

static void
fd_window_constructed (GObject *object)
{
  FdWindow *self = FD_WINDOW (object);

  G_OBJECT_CLASS (fd_window_parent_class)->constructed (object);

  if (self->database != NULL)
    {
      self->history = fd_history_new (self->database);
      g_signal_connect_object (self->history, "notify::can-undo",
                               G_CALLBACK (on_history_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::can-redo",
                               G_CALLBACK (on_history_notify_cb), self, G_CONNECT_SWAPPED);
      fd_database_watch_changes (self->database, WATCH_INTERVAL_MS);

      if (self->token_store == NULL)
        self->token_store = fd_secret_token_store_new ();
      self->sync_engine = fd_sync_engine_new (self->database, self->token_store);
      g_signal_connect_object (self->sync_engine, "notify::keyring-available",
                               G_CALLBACK (on_sync_engine_keyring_available_notify_cb), self,
                               G_CONNECT_SWAPPED);
      fd_sync_indicator_set_engine (self->sync_indicator, self->sync_engine);
    }
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_notify_cb), NULL);

  restore_state (self);
  ensure_view (self, MAX (0, find_view (fd_window_get_visible_view (self))));
  self->shown_view = g_strdup (fd_window_get_visible_view (self));
  gtk_widget_set_visible (GTK_WIDGET (self->create_session_button),
                          g_strcmp0 (self->shown_view, "sessions") == 0);
  update_actions (self);
  update_user_title (self);
}

static void
fd_window_dispose (GObject *object)
{
  FdWindow *self = FD_WINDOW (object);

  g_clear_handle_id (&self->build_views_id, g_source_remove);
  g_clear_weak_pointer (&self->history_toast);
  g_clear_weak_pointer (&self->user_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_WINDOW);

  /* Cancels a running sync: its answer has no window to go to */
  if (self->sync_engine != NULL)
    g_object_run_dispose (G_OBJECT (self->sync_engine));
  g_clear_object (&self->sync_engine);
  g_clear_object (&self->token_store);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  if (self->database != NULL)
    fd_database_watch_changes (self->database, 0);
  g_clear_object (&self->database);
  g_clear_pointer (&self->shown_view, g_free);

  G_OBJECT_CLASS (fd_window_parent_class)->dispose (object);
}

static void
fd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FdWindow *self = FD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_USER:
      g_value_set_object (value, self->database != NULL ? fd_database_get_user (self->database)
                                                        : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FdWindow *self = FD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_TOKEN_STORE:
      self->token_store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_window_class_init (FdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fd_window_constructed;
  object_class->dispose = fd_window_dispose;
  object_class->get_property = fd_window_get_property;
  object_class->set_property = fd_window_set_property;

  widget_class->realize = fd_window_realize;

  window_class->close_request = fd_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Where the sync engine keeps refresh tokens; NULL: the keyring */
  properties[PROP_TOKEN_STORE] =
    g_param_spec_object ("token-store", NULL, NULL,
                         FD_TYPE_TOKEN_STORE,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Who is working (fd_database_get_user()), as set by fd_window_set_user() */
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         FD_TYPE_USER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-window.ui");

  gtk_widget_class_bind_template_child (widget_class, FdWindow, calendar_page);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, candidates_page);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, create_session_button);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, create_session_popover);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, sessions_page);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, trainers_page);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, user_avatar);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, user_button);

  gtk_widget_class_bind_template_callback (widget_class, on_create_session_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_cb);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-session", "s", show_session_action);
  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-session", NULL,
                                   duplicate_session_action);
  gtk_widget_class_install_action (widget_class, "win.import-sessions", NULL,
                                   import_sessions_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "calendar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "sessions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "trainers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "candidates");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

static void
fd_window_init (FdWindow *self)
{
  g_type_ensure (FD_TYPE_SYNC_INDICATOR);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = new_settings ();

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

FdWindow *
fd_window_new (GtkApplication *application,
               FdDatabase     *database)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  return g_object_new (FD_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       NULL);
}

FdDatabase *
fd_window_get_database (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  return self->database;
}

/**
 * fd_window_get_visible_view:
 * @self: a #FdWindow
 *
 * Returns: (nullable): the name of the view shown: "calendar", "sessions",
 *   "trainers" or "candidates"
 */
const char *
fd_window_get_visible_view (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * fd_window_get_view:
 * @self: a #FdWindow
 * @name: a view name
 *
 * Returns: (transfer none) (nullable): the view named @name
 */
GtkWidget *
fd_window_get_view (FdWindow   *self,
                    const char *name)
{
  int index;

  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  index = find_view (name);
  if (index < 0)
    return NULL;

  return ensure_view (self, index);
}

/**
 * fd_window_is_view_built:
 * @self: a #FdWindow
 * @name: a view name
 *
 * Returns: whether the view named @name was built, when first shown or
 *   when the window was idle; fd_window_get_view() builds it if not
 */
gboolean
fd_window_is_view_built (FdWindow   *self,
                         const char *name)
{
  int index;

  g_return_val_if_fail (FD_IS_WINDOW (self), FALSE);

  index = find_view (name);

  return index >= 0 && adw_bin_get_child (get_page (self, index)) != NULL;
}

/* Reads everything again, after the database changed under the window
 * (demo data loaded by another connection). */
void
fd_window_reload (FdWindow *self)
{
  g_return_if_fail (FD_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      AdwBin *page = get_page (self, i);
      GtkWidget *view = page != NULL ? adw_bin_get_child (page) : NULL;

      if (FD_IS_CALENDAR_VIEW (view))
        fd_calendar_view_reload (FD_CALENDAR_VIEW (view));
      else if (FD_IS_RECORD_VIEW (view))
        fd_record_view_reload (FD_RECORD_VIEW (view));
    }
}

/**
 * fd_window_get_history:
 *
 * Returns: (transfer none) (nullable): the undo history of the window's
 *   database
 */
FdHistory *
fd_window_get_history (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  return self->history;
}

/**
 * fd_window_apply_edit:
 * @self: a #FdWindow
 * @label: the user's words for the edit, translated (“Slot moved”)
 * @changes: (element-type FdChange): the edit, applied all or nothing
 * @error: return location for a #GError
 *
 * Applies an edit of the user's so that it can be undone, and says so with
 * a toast whose button undoes it (“Slot moved — Undo”).
 *
 * Returns: whether the edit was applied
 */
gboolean
fd_window_apply_edit (FdWindow    *self,
                      const char  *label,
                      GPtrArray   *changes,
                      GError     **error)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->history != NULL, FALSE);

  if (!fd_history_apply (self->history, label, changes, error))
    return FALSE;

  show_history_toast (self, label, _("Undo"), "win.undo");

  return TRUE;
}

void
fd_window_add_toast (FdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (FD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * fd_window_set_user:
 * @self: a #FdWindow
 * @user: (nullable): who signed in, or %NULL for the desktop's user (a
 *   local administrator)
 *
 * Makes @user the one working in the window's database: the undo history
 * is cleared (nobody undoes another's edits), the header shows who it is
 * (“Display Name · Role” under the title, and an avatar; nothing for the
 * desktop's user), and a toast says so.
 */
void
fd_window_set_user (FdWindow *self,
                    FdUser   *user)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  FdUser *current;

  g_return_if_fail (FD_IS_WINDOW (self));
  g_return_if_fail (user == NULL || FD_IS_USER (user));
  g_return_if_fail (self->database != NULL);

  fd_database_set_user (self->database, user);
  if (self->history != NULL)
    fd_history_clear (self->history);
  /* Its Undo would do nothing now; and only the last switch matters */
  if (self->history_toast != NULL)
    adw_toast_dismiss (self->history_toast);
  if (self->user_toast != NULL)
    adw_toast_dismiss (self->user_toast);
  update_user_title (self);

  current = fd_database_get_user (self->database);
  if (fd_user_is_local_admin (current))
    /* Translators: %s is the desktop user's name */
    title = g_strdup_printf (_("Signed out: working as %s, the desktop’s user"),
                             fd_user_get_display_name (current));
  else
    /* Translators: %s is a person's name */
    title = g_strdup_printf (_("Signed in as %s"), fd_user_get_display_name (current));
  toast = adw_toast_new (title);
  g_set_weak_pointer (&self->user_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

/**
 * fd_window_get_sync_engine:
 *
 * Returns: (transfer none): the engine that syncs the window's database
 */
FdSyncEngine *
fd_window_get_sync_engine (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  return self->sync_engine;
}
