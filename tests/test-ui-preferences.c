/* test-ui-preferences.c — who is working: the accounts page and its dialogs
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-ui-common.h"

#include "fd-account-dialog.h"
#include "fd-account-row.h"
#include "fd-application.h"
#include "fd-field-message.h"
#include "fd-password-dialog.h"
#include "fd-preferences-window.h"
#include "fd-sign-in-dialog.h"
#include "fd-trainer-chooser.h"
#include "fd-user-ui.h"
#include "fd-window.h"

#define PLANNER_EMAIL    "camille.planif@exemple.fr"
#define PLANNER_NAME     "Camille Planif"
#define PLANNER_PASSWORD "une longue phrase de passe"

static FdApplication *app;

static GObject *
child (gpointer    widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name);

  g_assert_nonnull (object);

  return object;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* With FORMADESK_SHOT_DIR set, saves @widget as it is drawn to NAME.png
 * there, to look at it */
static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("FORMADESK_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width;
  int height;

  if (dir == NULL)
    return;

  ui_test_iterate (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("# screenshot: %s\n", path);
}

static gint64
count_accounts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = fd_database_count_tables (ui_test_get_database (), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      FdTableCount *count = g_ptr_array_index (counts, i);

      if (g_str_equal (count->name, "user_account"))
        return count->rows;
    }

  g_assert_not_reached ();
}

static FdWindow *
new_window (void)
{
  FdWindow *window = fd_window_new (GTK_APPLICATION (app), ui_test_get_database ());

  gtk_window_present (GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

/* Opens the preferences as the user does: app.preferences (Ctrl+comma) */
static FdPreferencesWindow *
open_preferences (FdWindow *window)
{
  GtkWindow *preferences;

  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate (20);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  UI_TEST_WAIT_UNTIL (find_toplevel (FD_TYPE_PREFERENCES_WINDOW) != NULL);
  preferences = find_toplevel (FD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (preferences)));

  return FD_PREFERENCES_WINDOW (preferences);
}

static void
click (GObject *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static void
set_text (gpointer    dialog,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, name)), text);
}

static const char *
field_message (gpointer    dialog,
               const char *name)
{
  return fd_field_message_get_message (FD_FIELD_MESSAGE (child (dialog, name)));
}

static gboolean
has_error_class (gpointer    dialog,
                 const char *name)
{
  return gtk_widget_has_css_class (GTK_WIDGET (child (dialog, name)), "error");
}

/* The account row of @email in the preferences, or NULL */
static FdAccountRow *
find_account_row (FdPreferencesWindow *preferences,
                  const char          *email)
{
  GtkListBox *list = GTK_LIST_BOX (child (preferences, "accounts_list"));
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (FD_IS_ACCOUNT_ROW (row) &&
        g_strcmp0 (fd_user_get_email (fd_account_row_get_user (FD_ACCOUNT_ROW (row))), email) == 0)
      return FD_ACCOUNT_ROW (row);

  return NULL;
}

static const char *
row_title (gpointer    widget,
           const char *name)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (widget, name)));
}

/* The widget @name of the account row of @email */
static GtkWidget *
account_child (FdPreferencesWindow *preferences,
               const char          *email,
               const char          *name)
{
  FdAccountRow *row = find_account_row (preferences, email);

  g_assert_nonnull (row);

  return GTK_WIDGET (child (row, name));
}

static gboolean
account_is_active (FdPreferencesWindow *preferences,
                   const char          *email)
{
  FdAccountRow *row = find_account_row (preferences, email);

  g_assert_nonnull (row);

  return fd_user_get_active (fd_account_row_get_user (row));
}

static FdAccountDialog *
open_account_dialog (FdPreferencesWindow *preferences)
{
  GtkWindow *dialog;

  click (child (preferences, "add_button"));
  dialog = find_toplevel (FD_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (preferences));
  g_assert_true (gtk_window_get_modal (dialog));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  return FD_ACCOUNT_DIALOG (dialog);
}

/* Clicks Add and waits until the dialog answered: a message shown, or
 * the dialog closed */
static void
click_add (FdAccountDialog **dialog)
{
  GObject *button = child (*dialog, "add_button");

  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  click (button);
  UI_TEST_WAIT_UNTIL (*dialog == NULL || gtk_widget_is_sensitive (GTK_WIDGET (button)));
  if (*dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
}

static void
click_sign_in (FdSignInDialog **dialog)
{
  GObject *button = child (*dialog, "sign_in_button");

  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  click (button);
  UI_TEST_WAIT_UNTIL (*dialog == NULL || gtk_widget_is_sensitive (GTK_WIDGET (button)));
  if (*dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
}

static void
click_change (FdPasswordDialog **dialog)
{
  GObject *button = child (*dialog, "change_button");

  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  click (button);
  UI_TEST_WAIT_UNTIL (*dialog == NULL || gtk_widget_is_sensitive (GTK_WIDGET (button)));
  if (*dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
}

static FdPasswordDialog *
open_password_dialog (FdAccountRow *row)
{
  GtkWindow *dialog;

  click (child (row, "password_button"));
  dialog = find_toplevel (FD_TYPE_PASSWORD_DIALOG);
  g_assert_nonnull (dialog);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  return FD_PASSWORD_DIALOG (dialog);
}

static void
rename_first_trainer (FdWindow *window)
{
  g_autoptr(FdRecordList) trainers = fd_record_list_new (ui_test_get_database (),
                                                         FD_RECORD_KIND_TRAINER);
  g_autoptr(FdTrainer) trainer = g_list_model_get_item (G_LIST_MODEL (trainers), 0);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GError) error = NULL;
  FdChange *change;

  change = fd_change_new_update ("trainer", fd_record_get_id (FD_RECORD (trainer)),
                                 fd_record_get_revision (FD_RECORD (trainer)));
  fd_change_set_string (change, "city", "Lyon");
  g_ptr_array_add (changes, change);
  g_assert_true (fd_window_apply_edit (window, "Trainer changed", changes, &error));
  g_assert_no_error (error);
}

/* The whole story, through the widgets: add a planner (a mismatched
 * confirmation, a bad email and a short password first: nothing
 * written), sign in as them (a wrong password first), see what a planner
 * may not do, sign out */
static void
test_accounts_page (void)
{
  FdDatabase *db = ui_test_get_database ();
  FdWindow *window = new_window ();
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (child (window, "switcher_title"));
  FdPreferencesWindow *preferences;
  FdAccountDialog *dialog;
  FdSignInDialog *sign_in;
  FdAccountRow *row;
  g_autofree char *refusal = NULL;
  g_autofree char *summary = NULL;
  GtkListBoxRow *other;
  GtkListBox *list;
  GtkWidget *reason;
  gint64 accounts;

  fd_window_set_user (window, NULL);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "");

  preferences = open_preferences (window);
  g_assert_cmpstr (row_title (preferences, "user_row"), ==,
                   fd_user_get_display_name (fd_database_get_user (db)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (preferences, "reason_box"))));
  /* The demo's accounts came from the server: none can sign in here */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (preferences, "switch_button"))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (preferences, "sign_out_button"))));
  save_shot (GTK_WIDGET (preferences), "preferences-admin");

  accounts = count_accounts ();
  dialog = open_account_dialog (preferences);
  set_text (dialog, "email_row", PLANNER_EMAIL);
  set_text (dialog, "name_row", PLANNER_NAME);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "role_row")), FD_ROLE_PLANNER);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (dialog, "trainer_chooser"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (dialog, "place_row"))));
  save_shot (GTK_WIDGET (dialog), "account-dialog");

  /* A confirmation that differs: said at the confirmation, core not asked */
  set_text (dialog, "password_row", PLANNER_PASSWORD);
  set_text (dialog, "confirm_row", "une autre phrase");
  click_add (&dialog);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (field_message (dialog, "confirm_message"), ==,
                   "The two passwords are not the same.");
  g_assert_true (has_error_class (dialog, "confirm_row"));
  g_assert_null (field_message (dialog, "email_message"));
  g_assert_cmpint (count_accounts (), ==, accounts);

  /* Typing again clears it */
  set_text (dialog, "confirm_row", PLANNER_PASSWORD);
  g_assert_null (field_message (dialog, "confirm_message"));
  g_assert_false (has_error_class (dialog, "confirm_row"));

  /* A bad email: core's message, at the email */
  set_text (dialog, "email_row", "pas une adresse");
  click_add (&dialog);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (field_message (dialog, "email_message"), "pas une adresse"));
  g_assert_true (has_error_class (dialog, "email_row"));
  g_assert_null (field_message (dialog, "confirm_message"));
  g_assert_cmpint (count_accounts (), ==, accounts);
  save_shot (GTK_WIDGET (dialog), "account-dialog-error");

  /* A password too short: at the password */
  set_text (dialog, "email_row", PLANNER_EMAIL);
  set_text (dialog, "password_row", "court");
  set_text (dialog, "confirm_row", "court");
  click_add (&dialog);
  g_assert_nonnull (dialog);
  g_assert_nonnull (field_message (dialog, "password_message"));
  g_assert_true (has_error_class (dialog, "password_row"));
  g_assert_null (field_message (dialog, "email_message"));
  g_assert_false (has_error_class (dialog, "email_row"));
  g_assert_cmpint (count_accounts (), ==, accounts);

  set_text (dialog, "password_row", PLANNER_PASSWORD);
  set_text (dialog, "confirm_row", PLANNER_PASSWORD);
  click_add (&dialog);
  g_assert_null (dialog);
  g_assert_cmpint (count_accounts (), ==, accounts + 1);

  UI_TEST_WAIT_UNTIL (find_account_row (preferences, PLANNER_EMAIL) != NULL);
  row = find_account_row (preferences, PLANNER_EMAIL);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, PLANNER_NAME);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (row, "role_label"))), ==, "Planner");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (row, "active_switch"))));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (child (row, "active_switch"))));
  /* Someone can sign in now */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (child (preferences, "switch_button"))));

  /* An edit to undo, which signing in forgets */
  rename_first_trainer (window);
  g_assert_true (fd_history_get_can_undo (fd_window_get_history (window)));

  click (child (preferences, "switch_button"));
  sign_in = FD_SIGN_IN_DIALOG (find_toplevel (FD_TYPE_SIGN_IN_DIALOG));
  g_assert_nonnull (sign_in);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (sign_in)));
  set_text (sign_in, "email_row", PLANNER_EMAIL);
  set_text (sign_in, "password_row", "pas la bonne phrase");
  click_sign_in (&sign_in);
  g_assert_nonnull (sign_in);
  g_assert_cmpstr (field_message (sign_in, "password_message"), ==,
                   "The email address or the password is wrong.");
  g_assert_true (has_error_class (sign_in, "password_row"));
  g_assert_true (fd_user_is_local_admin (fd_database_get_user (db)));
  save_shot (GTK_WIDGET (sign_in), "sign-in-dialog-error");

  set_text (sign_in, "password_row", PLANNER_PASSWORD);
  g_assert_null (field_message (sign_in, "password_message"));
  click_sign_in (&sign_in);
  g_assert_null (sign_in);

  g_assert_cmpint (fd_user_get_role (fd_database_get_user (db)), ==, FD_ROLE_PLANNER);
  g_assert_cmpstr (fd_user_get_email (fd_database_get_user (db)), ==, PLANNER_EMAIL);
  summary = g_strdup_printf ("%s · %s", PLANNER_NAME, "Planner");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, summary);
  g_assert_false (fd_history_get_can_undo (fd_window_get_history (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (window, "user_button"))));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (child (window, "user_button"))), ==,
                   summary);
  save_shot (GTK_WIDGET (window), "window-signed-in");
  g_assert_cmpstr (row_title (preferences, "user_row"), ==, PLANNER_NAME);

  /* A planner sees the accounts, and why they cannot manage them */
  refusal = fd_roles_explain (db, NULL, FD_PERMISSION_MANAGE_ACCOUNTS, NULL);
  g_assert_nonnull (refusal);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (preferences, "add_button"))));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (child (preferences, "add_button"))), ==,
                   refusal);
  reason = GTK_WIDGET (child (preferences, "reason_box"));
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (preferences, "reason_label"))), ==,
                   refusal);
  row = find_account_row (preferences, PLANNER_EMAIL);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (row, "active_switch"))));
  /* their own password they may change */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (child (row, "password_button"))));
  list = GTK_LIST_BOX (child (preferences, "accounts_list"));
  for (guint i = 0; (other = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (!FD_IS_ACCOUNT_ROW (other) || FD_ACCOUNT_ROW (other) == row)
        continue;
      g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (other, "active_switch"))));
      g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (other, "password_button"))));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (child (other, "password_button"))),
                       ==, refusal);
    }
  save_shot (GTK_WIDGET (preferences), "preferences-planner");

  /* Their own password, knowing the current one */
  {
    FdPasswordDialog *password = open_password_dialog (row);

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (password, "current_row"))));
    set_text (password, "current_row", "pas la bonne phrase");
    set_text (password, "password_row", "une toute nouvelle phrase");
    set_text (password, "confirm_row", "une toute nouvelle phrase");
    click_change (&password);
    g_assert_nonnull (password);
    g_assert_nonnull (field_message (password, "current_message"));
    g_assert_true (has_error_class (password, "current_row"));
    save_shot (GTK_WIDGET (password), "password-dialog-error");
    gtk_widget_activate_action (GTK_WIDGET (password), "window.close", NULL);
    ui_test_iterate (50);
    g_assert_null (find_toplevel (FD_TYPE_PASSWORD_DIALOG));
  }

  /* No administrator account can sign in: back to the desktop's user */
  g_assert_false (fd_user_ui_sign_out_needs_sign_in (db));
  click (child (preferences, "sign_out_button"));
  g_assert_null (find_toplevel (FD_TYPE_SIGN_IN_DIALOG));
  g_assert_true (fd_user_is_local_admin (fd_database_get_user (db)));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (window, "user_button"))));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (child (preferences, "add_button"))));
  g_assert_false (gtk_widget_get_visible (reason));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (20);
  g_assert_null (find_toplevel (FD_TYPE_PREFERENCES_WINDOW));
}

/* A kiosk is tied to a place, a trainer's account to their card: each
 * row shows for its role only, and core's complaint lands at it */
static void
test_account_dialog_roles (void)
{
  FdDatabase *db = ui_test_get_database ();
  FdWindow *window = new_window ();
  FdPreferencesWindow *preferences;
  FdAccountDialog *dialog;
  FdTrainerChooser *chooser;
  AdwComboRow *role_row;
  g_autoptr(FdRecordList) trainers = fd_record_list_new (db, FD_RECORD_KIND_TRAINER);
  g_autoptr(FdTrainer) trainer = g_list_model_get_item (G_LIST_MODEL (trainers), 2);
  g_autoptr(GListModel) list = NULL;
  g_autofree char *name = fd_trainer_dup_full_name (trainer);
  const char *trainer_id = fd_record_get_id (FD_RECORD (trainer));
  gint64 accounts = count_accounts ();
  GtkMenuButton *menu_button;
  GListModel *shown;
  gboolean found = FALSE;

  fd_window_set_user (window, NULL);
  preferences = open_preferences (window);
  dialog = open_account_dialog (preferences);
  role_row = ADW_COMBO_ROW (child (dialog, "role_row"));
  chooser = FD_TRAINER_CHOOSER (child (dialog, "trainer_chooser"));

  /* Each role says what it may do */
  adw_combo_row_set_selected (role_row, FD_ROLE_KIOSK);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (role_row)), ==,
                   fd_role_get_description (FD_ROLE_KIOSK));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (dialog, "place_row"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));

  adw_combo_row_set_selected (role_row, FD_ROLE_TRAINER);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (dialog, "place_row"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chooser)));

  /* No card chosen: core names the field */
  set_text (dialog, "email_row", "formateur.compte@exemple.fr");
  set_text (dialog, "name_row", "Compte Formateur");
  set_text (dialog, "password_row", PLANNER_PASSWORD);
  set_text (dialog, "confirm_row", PLANNER_PASSWORD);
  click_add (&dialog);
  g_assert_nonnull (dialog);
  g_assert_nonnull (field_message (dialog, "trainer_message"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chooser), "error"));
  g_assert_cmpint (count_accounts (), ==, accounts);
  save_shot (GTK_WIDGET (dialog), "account-dialog-trainer");

  /* The chooser searches the trainers, accents aside, and Enter picks */
  menu_button = GTK_MENU_BUTTON (child (chooser, "menu_button"));
  gtk_menu_button_popup (menu_button);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (child (chooser, "popover"))));
  set_text (chooser, "search_entry", fd_trainer_get_last_name (trainer));
  /* GtkSearchEntry waits a little before it says the search changed */
  ui_test_iterate (300);
  shown = G_LIST_MODEL (child (chooser, "selection"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <,
                    g_list_model_get_n_items (G_LIST_MODEL (trainers)));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(FdTrainer) item = g_list_model_get_item (shown, i);

      found |= g_strcmp0 (fd_record_get_id (FD_RECORD (item)), trainer_id) == 0;
    }
  g_assert_true (found);
  save_shot (GTK_WIDGET (child (chooser, "popover")), "trainer-chooser");
  fd_trainer_chooser_set_trainer_id (chooser, trainer_id);
  g_assert_cmpstr (gtk_menu_button_get_label (menu_button), ==, name);
  /* Choosing clears the complaint */
  g_assert_null (field_message (dialog, "trainer_message"));
  gtk_popover_popdown (GTK_POPOVER (child (chooser, "popover")));

  click_add (&dialog);
  g_assert_null (dialog);
  g_assert_cmpint (count_accounts (), ==, accounts + 1);

  list = fd_accounts_list (db, TRUE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(FdUser) user = g_list_model_get_item (list, i);

      if (g_strcmp0 (fd_user_get_email (user), "formateur.compte@exemple.fr") == 0)
        {
          g_assert_cmpint (fd_user_get_role (user), ==, FD_ROLE_TRAINER);
          g_assert_cmpstr (fd_user_get_trainer_id (user), ==, trainer_id);
        }
    }

  /* Cancelling adds nothing */
  dialog = open_account_dialog (preferences);
  set_text (dialog, "email_row", "annule@exemple.fr");
  set_text (dialog, "name_row", "Annulé");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ui_test_iterate (50);
  g_assert_null (find_toplevel (FD_TYPE_ACCOUNT_DIALOG));
  g_assert_cmpint (count_accounts (), ==, accounts + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (20);
}

/* Once an administrator account can sign in, signing out asks who is
 * working next, and says why; Cancel keeps the current user */
static void
test_sign_out_needs_sign_in (void)
{
  FdDatabase *db = ui_test_get_database ();
  FdWindow *window = new_window ();
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (child (window, "switcher_title"));
  g_autoptr(FdUser) admin = NULL;
  g_autoptr(FdUser) planner = NULL;
  g_autoptr(GError) error = NULL;
  FdPreferencesWindow *preferences;
  FdSignInDialog *sign_in;
  const char *reason;

  fd_window_set_user (window, NULL);
  admin = fd_accounts_add (db, "dominique.admin@exemple.fr", "Dominique Admin", FD_ROLE_ADMIN,
                           NULL, NULL, PLANNER_PASSWORD, &error);
  g_assert_no_error (error);
  planner = fd_accounts_sign_in (db, PLANNER_EMAIL, PLANNER_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (fd_user_ui_sign_out_needs_sign_in (db));

  fd_window_set_user (window, planner);
  preferences = open_preferences (window);

  click (child (preferences, "sign_out_button"));
  sign_in = FD_SIGN_IN_DIALOG (find_toplevel (FD_TYPE_SIGN_IN_DIALOG));
  g_assert_nonnull (sign_in);
  reason = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (sign_in, "group")));
  g_assert_nonnull (strstr (reason, "someone has to sign in"));
  g_assert_nonnull (strstr (reason, PLANNER_NAME));
  save_shot (GTK_WIDGET (sign_in), "sign-in-dialog-sign-out");

  gtk_widget_activate_action (GTK_WIDGET (sign_in), "window.close", NULL);
  ui_test_iterate (50);
  g_assert_null (find_toplevel (FD_TYPE_SIGN_IN_DIALOG));
  g_assert_cmpstr (fd_user_get_id (fd_database_get_user (db)), ==, fd_user_get_id (planner));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, PLANNER_NAME " · Planner");

  /* The administrator signs in instead */
  click (child (preferences, "sign_out_button"));
  sign_in = FD_SIGN_IN_DIALOG (find_toplevel (FD_TYPE_SIGN_IN_DIALOG));
  set_text (sign_in, "email_row", "DOMINIQUE.admin@exemple.fr");
  set_text (sign_in, "password_row", PLANNER_PASSWORD);
  click_sign_in (&sign_in);
  g_assert_null (sign_in);
  g_assert_cmpstr (fd_user_get_id (fd_database_get_user (db)), ==, fd_user_get_id (admin));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==,
                   "Dominique Admin · Administrator");
  /* Not their own account: the switch is theirs to use, but not on themselves */
  g_assert_false (gtk_widget_is_sensitive (account_child (preferences, "dominique.admin@exemple.fr",
                                                          "active_switch")));
  g_assert_true (gtk_widget_is_sensitive (account_child (preferences, PLANNER_EMAIL,
                                                         "active_switch")));

  /* An administrator sets another's password: no current one asked */
  {
    FdPasswordDialog *password;
    g_autoptr(FdUser) again = NULL;

    password = open_password_dialog (find_account_row (preferences, PLANNER_EMAIL));

    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (password, "current_row"))));
    set_text (password, "password_row", "une toute nouvelle phrase");
    set_text (password, "confirm_row", "une autre nouvelle phrase");
    click_change (&password);
    g_assert_nonnull (password);
    g_assert_nonnull (field_message (password, "confirm_message"));

    set_text (password, "password_row", "court");
    set_text (password, "confirm_row", "court");
    click_change (&password);
    g_assert_nonnull (password);
    g_assert_nonnull (field_message (password, "password_message"));
    g_assert_true (has_error_class (password, "password_row"));
    g_assert_null (field_message (password, "confirm_message"));

    set_text (password, "password_row", "une toute nouvelle phrase");
    set_text (password, "confirm_row", "une toute nouvelle phrase");
    click_change (&password);
    g_assert_null (password);

    again = fd_accounts_sign_in (db, PLANNER_EMAIL, "une toute nouvelle phrase", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fd_user_get_id (again), ==, fd_user_get_id (planner));
  }

  /* Deactivating the planner goes through core and shows */
  gtk_switch_set_active (GTK_SWITCH (account_child (preferences, PLANNER_EMAIL, "active_switch")),
                         FALSE);
  /* The row is built again from the account as it is now */
  UI_TEST_WAIT_UNTIL (!account_is_active (preferences, PLANNER_EMAIL));
  g_assert_false (account_is_active (preferences, PLANNER_EMAIL));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (account_child (preferences, PLANNER_EMAIL,
                                                                    "active_switch"))));
  g_assert_null (fd_accounts_sign_in (db, PLANNER_EMAIL, "une toute nouvelle phrase", &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_DEACTIVATED);
  g_clear_error (&error);
  save_shot (GTK_WIDGET (preferences), "preferences-signed-in-admin");
  save_shot (GTK_WIDGET (find_account_row (preferences, PLANNER_EMAIL)), "account-row-inactive");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (20);
}

/* The dialogs speak French */
static void
test_french (void)
{
  FdWindow *window;
  FdPreferencesWindow *preferences;
  AdwPreferencesPage *page;
  FdAccountDialog *dialog;

  if (!ui_test_in_french_subprocess ())
    return;

  window = new_window ();
  fd_window_set_user (window, NULL);
  preferences = open_preferences (window);
  page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences));
  g_assert_cmpstr (adw_preferences_page_get_title (page), ==, "Comptes");
  dialog = open_account_dialog (preferences);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Ajouter un compte");
  set_text (dialog, "password_row", "une phrase");
  set_text (dialog, "confirm_row", "une autre");
  click_add (&dialog);
  g_assert_cmpstr (field_message (dialog, "confirm_message"), ==,
                   "Les deux mots de passe ne sont pas identiques.");
  /* Core's messages too */
  set_text (dialog, "confirm_row", "une phrase");
  set_text (dialog, "email_row", "nimporte");
  click_add (&dialog);
  g_assert_nonnull (strstr (field_message (dialog, "email_message"),
                           "n’est pas une adresse e-mail valide."));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (20);
}

/* Pure decisions, from values */
static void
test_user_ui (void)
{
  g_autoptr(FdUser) local = fd_user_new_local_admin ();
  g_autoptr(FdUser) trainer = fd_user_new ("id-1", "a@exemple.fr", "Anne Martin", FD_ROLE_TRAINER,
                                           "t-1", NULL, TRUE);
  g_autofree char *summary = fd_user_ui_dup_summary (trainer);
  g_autoptr(GError) email = NULL;
  g_autoptr(GError) password = g_error_new_literal (FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_TOO_SHORT,
                                                    "short");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "disk");

  g_assert_null (fd_user_ui_dup_summary (local));
  g_assert_cmpstr (summary, ==, "Anne Martin · Trainer");

  fd_set_field_error (&email, FD_VALIDATION_ERROR_INVALID, "email", "bad");
  g_assert_cmpstr (fd_user_ui_get_error_field (email), ==, "email");
  g_assert_cmpstr (fd_user_ui_get_error_field (password), ==, "password");
  g_assert_null (fd_user_ui_get_error_field (other));
}

/* The shortcut is listed and set */
static void
test_shortcut (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_auto(GStrv) accels = NULL;
  gboolean listed = FALSE;
  GSList *objects;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  builder = gtk_builder_new_from_resource ("/fr/formadesk/Formadesk/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *action_name = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "action-name", &action_name, NULL);
      listed |= g_strcmp0 (action_name, "app.preferences") == 0;
    }
  g_slist_free (objects);
  g_assert_true (listed);
}

/* Ctrl+comma twice shows the same preferences */
static void
test_show_once (void)
{
  FdWindow *window = new_window ();
  FdPreferencesWindow *first = open_preferences (window);

  g_assert_true (fd_preferences_window_show_for (window) == first);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (20);
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

  g_test_add_func ("/preferences/user-ui", test_user_ui);
  g_test_add_func ("/preferences/shortcut", test_shortcut);
  g_test_add_func ("/preferences/show-once", test_show_once);
  g_test_add_func ("/preferences/french", test_french);
  /* In this order: each goes on from the accounts the one before added */
  g_test_add_func ("/preferences/accounts-page", test_accounts_page);
  g_test_add_func ("/preferences/account-dialog-roles", test_account_dialog_roles);
  g_test_add_func ("/preferences/sign-out-needs-sign-in", test_sign_out_needs_sign_in);

  ret = ui_test_run ();

  g_clear_object (&app);

  return ret;
}
