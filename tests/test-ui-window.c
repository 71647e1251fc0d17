/* test-ui-window.c — the main window and the application around it
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-ui-common.h"

#include "fd-application.h"
#include "fd-bench-ui.h"
#include "fd-calendar-view.h"
#include "fd-record-kind-ui.h"
#include "fd-record-view.h"
#include "fd-window.h"

static FdApplication *app;

static GtkWindow *
find_window (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

static FdWindow *
new_window (void)
{
  FdWindow *window = fd_window_new (GTK_APPLICATION (app), ui_test_get_database ());

  gtk_window_present (GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

static gboolean
on_bench_done_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

/* `formadesk --bench-ui` drives the window through its script and reports
 * every measure, each with its runs (no time is asserted). */
static void
test_bench_ui (void)
{
  static const char * const measures[] = {
    "first visit: sessions", "first visit: calendar", "switch to: trainers",
    "search keystroke: candidates", "clear search: trainers", "scroll a page: candidates",
    "month: next page, slots drawn", "week: next page, conflicts marked",
    "day: next page, slots drawn", "resource week: first visit, slots drawn",
    "resource week: scroll a page of lanes", "resource week: drag motion (check-move)",
    "resource week: drop, applied and drawn", "resource week: undo a drop, drawn",
  };
  FdWindow *window = new_window ();
  g_autoptr(FdBenchUi) bench = NULL;
  g_autoptr(FdRecordList) all = NULL;
  g_autofree char *table = NULL;
  FdRecordPane *pane;
  gboolean done = FALSE;

  bench = fd_bench_ui_new (window, 2, on_bench_done_cb, &done);
  fd_bench_ui_start (bench);
  /* first visits come 300 ms apart: longer than UI_TEST_WAIT_UNTIL waits */
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (!done && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_true (done);

  table = fd_bench_ui_format (bench);
  g_test_message ("%s", table);
  g_assert_true (g_str_has_prefix (table, "MEASURE"));
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      g_autofree char *escaped = g_regex_escape_string (measures[i], -1);
      g_autofree char *pattern = g_strdup_printf ("^%s *[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9]+$",
                                                  escaped);

      g_assert_true (g_regex_match_simple (pattern, table, G_REGEX_MULTILINE, 0));
    }

  g_assert_true (g_regex_match_simple ("^peak memory: [0-9]+ MB RSS$", table, G_REGEX_MULTILINE, 0));

  /* The searches were cleared: every candidate is listed again */
  all = fd_record_list_new (ui_test_get_database (), FD_RECORD_KIND_TRAINEE);
  pane = fd_record_view_get_pane (FD_RECORD_VIEW (fd_window_get_view (window, "candidates")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fd_record_pane_get_model (pane))), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (all)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_last_view (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  FdWindow *window;

  g_settings_set_string (settings, "last-view", "trainers");
  window = new_window ();
  g_assert_cmpstr (fd_window_get_visible_view (window), ==, "trainers");
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_set_string (settings, "last-view", "candidates");
  window = new_window ();
  g_assert_cmpstr (fd_window_get_visible_view (window), ==, "candidates");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_show_view (void)
{
  static const char *names[] = { "sessions", "trainers", "candidates", "calendar" };
  FdWindow *window = new_window ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *view;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                                 "win.show-view", "s", names[i]));
      g_assert_cmpstr (fd_window_get_visible_view (window), ==, names[i]);

      view = fd_window_get_view (window, names[i]);
      g_assert_nonnull (view);
      g_assert_true (gtk_widget_get_mapped (view));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_action (void)
{
  FdWindow *window = new_window ();
  GtkWidget *entry;
  GtkWidget *focus;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sessions");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ui_test_iterate (20);

  entry = GTK_WIDGET (ui_test_child (fd_window_get_view (window, "sessions"), "search_entry"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_show_session (void)
{
  FdWindow *window = new_window ();
  g_autoptr(FdRecordList) sessions = fd_record_list_new (ui_test_get_database (),
                                                         FD_RECORD_KIND_SESSION);
  g_autoptr(FdSession) session = g_list_model_get_item (G_LIST_MODEL (sessions), 3);
  const char *code = fd_session_get_code (session);
  const char *id = fd_record_get_id (FD_RECORD (session));
  GtkSingleSelection *selection;
  GtkWidget *view;

  /* A search that hides the session is cleared */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sessions");
  view = fd_window_get_view (window, "sessions");
  fd_record_pane_search (fd_record_view_get_pane (FD_RECORD_VIEW (view)), "zzzz");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-session", "s", id));
  g_assert_cmpstr (fd_window_get_visible_view (window), ==, "sessions");
  g_assert_cmpstr (ui_test_row_value (view, "code_row"), ==, code);

  /* Selected by id, where it is in the list: no search typed */
  ui_test_iterate (400);
  selection = GTK_SINGLE_SELECTION (ui_test_child (view, "selection"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_child (view, "search_entry"))), ==, "");
  g_assert_cmpstr (ui_test_row_value (view, "code_row"), ==, code);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The calendar's slot details open the slot's session */
static void
test_calendar_opens_session (void)
{
  FdWindow *window = new_window ();
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *calendar;
  GtkWidget *popover;
  GtkWidget *sessions;
  GObject *button;
  const char *code;
  FdSlot *slot;

  slots = fd_database_list_calendar_slots (ui_test_get_database (),
                                          "2000-01-01T00:00", "2100-01-01T00:00", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, >, 0);
  slot = g_ptr_array_index (slots, slots->len / 2);
  code = fd_slot_get_session_code (slot);
  g_assert_nonnull (code);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar");
  calendar = fd_window_get_view (window, "calendar");
  g_signal_emit_by_name (fd_calendar_view_get_slot_view (FD_CALENDAR_VIEW (calendar)), "slot-activated", slot);
  popover = GTK_WIDGET (ui_test_child (calendar, "details_popover"));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (popover));

  button = ui_test_child (calendar, "details_open_button");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpstr (fd_window_get_visible_view (window), ==, "sessions");
  sessions = fd_window_get_view (window, "sessions");
  g_assert_cmpstr (ui_test_row_value (sessions, "code_row"), ==, code);
  g_assert_false (gtk_widget_get_visible (popover));

  gtk_window_destroy (GTK_WINDOW (window));
}

static FdTrainer *
trainer_at (GListModel *model,
            guint       position)
{
  return g_list_model_get_item (model, position);
}

static char *
row_title (GtkWidget *view,
           guint      nth)
{
  GtkWidget *list = GTK_WIDGET (ui_test_child (view, "list_view"));
  GtkWidget *row = gtk_widget_get_first_child (list);

  for (guint i = 0; row != NULL && i < nth; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);

  return g_strdup (fd_record_row_get_title (FD_RECORD_ROW (ui_test_find_first (row, FD_TYPE_RECORD_ROW))));
}

/* What another process commits reaches the open list in place: the
 * changed row only, the selection kept by id, the details refreshed */
static void
test_edit_reaches_list (void)
{
  FdWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) other = fd_database_open (fd_database_get_path (ui_test_get_database ()),
                                                  FD_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(FdTrainer) chosen = NULL;
  g_autoptr(FdChange) change = NULL;
  g_autoptr(FdTrainer) shown = NULL;
  g_autofree char *email = NULL;
  GtkSingleSelection *selection;
  GtkWidget *first_row;
  GtkWidget *view;

  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "trainers");
  view = fd_window_get_view (window, "trainers");
  selection = GTK_SINGLE_SELECTION (ui_test_child (view, "selection"));
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (selection)) > 5);
  gtk_single_selection_set_selected (selection, 3);
  ui_test_iterate (50);
  chosen = trainer_at (G_LIST_MODEL (selection), 3);
  first_row = gtk_widget_get_first_child (GTK_WIDGET (ui_test_child (view, "list_view")));

  /* The CLI, or sync, changes the chosen trainer's email */
  email = g_strdup_printf ("nouvelle.adresse.%u@exemple.fr", g_random_int_range (0, 100000));
  change = fd_change_new_update ("trainer", fd_record_get_id (FD_RECORD (chosen)),
                                 fd_record_get_revision (FD_RECORD (chosen)));
  fd_change_set_string (change, "email", email);
  g_assert_true (fd_database_apply (other, change, &error));
  g_assert_no_error (error);

  UI_TEST_WAIT_UNTIL (g_strcmp0 (ui_test_row_value (view, "email_row"), email) == 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);
  shown = trainer_at (G_LIST_MODEL (selection), 3);
  g_assert_cmpstr (fd_record_get_id (FD_RECORD (shown)), ==, fd_record_get_id (FD_RECORD (chosen)));
  g_assert_cmpstr (fd_trainer_get_email (shown), ==, email);
  /* The other rows kept their widgets */
  g_assert_true (gtk_widget_get_first_child (GTK_WIDGET (ui_test_child (view, "list_view"))) == first_row);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An edit made in the window is undone by Ctrl+Z, redone by
 * Shift+Ctrl+Z, and the list follows each time */
static void
test_undo_redo_edit (void)
{
  FdWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(FdTrainer) first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkSingleSelection *selection;
  GtkWidget *view;
  FdChange *change;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "trainers");
  view = fd_window_get_view (window, "trainers");
  selection = GTK_SINGLE_SELECTION (ui_test_child (view, "selection"));
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (selection)) > 0);
  ui_test_iterate (50);
  first = trainer_at (G_LIST_MODEL (selection), 0);
  before = row_title (view, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL) &&
                  fd_history_get_can_redo (fd_window_get_history (window)));

  /* “Aaa” sorts first whatever the demo's names */
  change = fd_change_new_update ("trainer", fd_record_get_id (FD_RECORD (first)),
                                 fd_record_get_revision (FD_RECORD (first)));
  fd_change_set_string (change, "first_name", "Aaa");
  g_ptr_array_add (changes, change);
  g_assert_true (fd_window_apply_edit (window, "Trainer renamed", changes, &error));
  g_assert_no_error (error);
  ui_test_iterate (50);
  after = row_title (view, 0);
  g_assert_nonnull (strstr (after, "Aaa"));
  g_assert_cmpstr (after, !=, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ui_test_iterate (50);
  g_clear_pointer (&after, g_free);
  after = row_title (view, 0);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (fd_history_get_can_redo (fd_window_get_history (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  ui_test_iterate (50);
  g_clear_pointer (&after, g_free);
  after = row_title (view, 0);
  g_assert_nonnull (strstr (after, "Aaa"));

  /* Put the shared database back as it was */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ui_test_iterate (50);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_settings_saved_on_close (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  FdWindow *window = new_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sessions");
  ui_test_iterate (20);

  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate (20);

  g_assert_cmpstr (g_settings_get_string (settings, "last-view"), ==, "sessions");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static GtkWindow *
find_demo_error_dialog (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), "Could Not Load Demo Data") == 0)
      return l->data;

  return NULL;
}

/* Demo data that fails after its window was closed is reported on its own,
 * not over the window that is gone */
static void
test_demo_error_after_close (void)
{
  g_autofree char *dir = g_dir_make_tmp ("formadesk-gone-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gone.db", NULL);
  GtkWindow *window;
  GtkWindow *dialog;

  window = fd_application_open_database (app, path);
  g_assert_true (FD_IS_WINDOW (window));
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  /* The worker cannot open a file that is gone */
  g_assert_cmpint (g_unlink (path), ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "load");
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);

  UI_TEST_WAIT_UNTIL (find_demo_error_dialog () != NULL);
  dialog = find_demo_error_dialog ();
  g_assert_null (gtk_window_get_transient_for (dialog));
  ui_test_iterate (20);
  gtk_window_destroy (dialog);
  ui_test_iterate (20);

  ui_test_remove_dir (dir);
}

/* Quitting (Ctrl+Q) keeps the window's state as closing it does */
static void
test_settings_saved_on_quit (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  FdWindow *window = new_window ();

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "trainers");
  ui_test_iterate (20);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  ui_test_iterate (20);

  g_assert_cmpstr (g_settings_get_string (settings, "last-view"), ==, "trainers");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);

  if (window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_help_overlay (void)
{
  FdWindow *window = new_window ();

  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every shortcut of the window is listed in the shortcuts window */
static void
test_shortcuts_listed (void)
{
  static const char *accelerators[] = {
    "<Primary>1", "<Primary>2", "<Primary>3", "<Primary>4", "<Primary>f", "<Primary>w",
    "<Primary>n", "<Primary>s",
  };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) quit_accels = NULL;
  GSList *objects;

  builder = gtk_builder_new_from_resource ("/fr/formadesk/Formadesk/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action_name, NULL);
      if (accelerator != NULL)
        g_ptr_array_add (listed, g_steal_pointer (&accelerator));
      if (action_name != NULL)
        g_ptr_array_add (listed, g_steal_pointer (&action_name));
    }
  g_slist_free (objects);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (listed, accelerators[i], g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (listed, "app.quit", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (listed, "win.show-help-overlay",
                                                   g_str_equal, NULL));

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
}

static void
test_about (void)
{
  FdWindow *window = new_window ();
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  UI_TEST_WAIT_UNTIL (find_window (ADW_TYPE_ABOUT_WINDOW) != NULL);

  about = find_window (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Formadesk");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));

  gtk_window_destroy (about);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The about window's credits speak French too */
static void
test_about_french (void)
{
  FdWindow *window;
  GtkWindow *about;
  const char * const *developers;

  if (!ui_test_in_french_subprocess ())
    return;

  window = new_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  UI_TEST_WAIT_UNTIL (find_window (ADW_TYPE_ABOUT_WINDOW) != NULL);
  about = find_window (ADW_TYPE_ABOUT_WINDOW);

  g_assert_cmpstr (adw_about_window_get_copyright (ADW_ABOUT_WINDOW (about)), ==,
                   "© 2026 Les auteurs de Formadesk");
  developers = adw_about_window_get_developers (ADW_ABOUT_WINDOW (about));
  g_assert_nonnull (developers);
  g_assert_cmpstr (developers[0], ==, "Les auteurs de Formadesk");

  gtk_window_destroy (about);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_database (void)
{
  static const char content[] = "Ceci n’est pas une base de données.\n";
  g_autofree char *dir = g_dir_make_tmp ("formadesk-bad-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  gsize length;

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);

  dialog = fd_application_open_database (app, path);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  g_assert_null (find_window (FD_TYPE_WINDOW));

  g_file_get_contents (path, &after, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, content);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  gtk_window_destroy (dialog);
  ui_test_remove_dir (dir);
}

static void
test_new_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("formadesk-new-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sub", "new.db", NULL);
  g_autofree char *sub = g_path_get_dirname (path);
  GtkWindow *window;
  GtkWindow *dialog;
  GListModel *sessions;

  window = fd_application_open_database (app, path);
  g_assert_true (FD_IS_WINDOW (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (fd_database_is_empty (fd_window_get_database (FD_WINDOW (window))));

  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);

  sessions = G_LIST_MODEL (ui_test_child (fd_window_get_view (FD_WINDOW (window), "sessions"),
                                          "selection"));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 0);

  /* Loading the demo data runs in a thread, then the views show it */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "load");
  gtk_window_destroy (dialog);
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (g_list_model_get_n_items (sessions) == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (g_list_model_get_n_items (sessions), >, 0);

  gtk_window_destroy (window);
  ui_test_iterate (20);
  ui_test_remove_dir (sub);
  ui_test_remove_dir (dir);
}

/* The kinds the window shows are the first ones, each with its row */
static void
test_record_kind_ui (void)
{
  FdRecordKind last = fd_record_kind_ui_last ();

  for (FdRecordKind kind = 0; kind < FD_N_RECORD_KINDS; kind++)
    {
      const FdRecordKindUi *ui = fd_record_kind_ui_get (kind);
      GObjectClass *klass;

      if (kind > last)
        {
          g_assert_null (ui);
          continue;
        }

      g_assert_nonnull (ui);
      g_assert_cmpint (ui->kind, ==, kind);
      g_assert_true (g_type_is_a (ui->get_details_type (), GTK_TYPE_WIDGET));
      klass = g_type_class_ref (ui->get_details_type ());
      g_assert_nonnull (g_object_class_find_property (klass, "database"));
      g_assert_nonnull (g_object_class_find_property (klass, ui->record_property));
      g_type_class_unref (klass);
    }

  g_assert_null (fd_record_kind_ui_get (FD_RECORD_KIND_CLIENT));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  if (!ui_test_init (&argc, &argv))
    return 0;

  app = fd_application_new ("fr.formadesk.Formadesk.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/record-kind-ui", test_record_kind_ui);
  g_test_add_func ("/window/last-view", test_last_view);
  g_test_add_func ("/window/show-view", test_show_view);
  g_test_add_func ("/window/search-action", test_search_action);
  g_test_add_func ("/window/show-session", test_show_session);
  g_test_add_func ("/window/edit-reaches-list", test_edit_reaches_list);
  g_test_add_func ("/window/undo-redo-edit", test_undo_redo_edit);
  g_test_add_func ("/window/calendar-opens-session", test_calendar_opens_session);
  g_test_add_func ("/window/settings-saved-on-close", test_settings_saved_on_close);
  g_test_add_func ("/window/help-overlay", test_help_overlay);
  g_test_add_func ("/window/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/window/about", test_about);
  g_test_add_func ("/window/about/french", test_about_french);
  g_test_add_func ("/window/bench-ui", test_bench_ui);
  g_test_add_func ("/application/bad-database", test_bad_database);
  g_test_add_func ("/application/new-database", test_new_database);
  g_test_add_func ("/application/demo-error-after-close", test_demo_error_after_close);
  /* Last: it quits the application */
  g_test_add_func ("/application/quit-saves-settings", test_settings_saved_on_quit);

  ret = g_test_run ();

  g_clear_object (&app);
  ui_test_cleanup ();

  return ret;
}
