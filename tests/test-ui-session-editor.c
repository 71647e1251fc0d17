/* test-ui-session-editor.c — creating and completing a session, as a user would
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-ui-common.h"

#include <sqlite3.h>

#include "fd-cost-row.h"
#include "fd-database-private.h"
#include "fd-date-row.h"
#include "fd-editor-helpers.h"
#include "fd-record-view.h"
#include "fd-sequence-dialog.h"
#include "fd-session-duplicate-dialog.h"
#include "fd-session-form.h"
#include "fd-session-import-dialog.h"
#include "fd-session-page.h"
#include "fd-email-setting-dialog.h"
#include "fd-population-dialog.h"
#include "fd-slot-dialog.h"

/* ── Helpers ─────────────────────────────────────────────────────────── */

/* The texts read, kept until the tests end, so that assertions can read
 * them inline */
static GPtrArray *texts;

static const char *
query_text (const char *sql,
            const char *id)
{
  sqlite3_stmt *stmt = _fd_database_prepare (ui_test_get_database (), sql, NULL);
  char *value = NULL;

  g_assert_nonnull (stmt);
  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (texts == NULL)
    texts = g_ptr_array_new_with_free_func (g_free);
  if (value != NULL)
    g_ptr_array_add (texts, value);

  return value;
}

static gint64
query_int (const char *sql,
           const char *id)
{
  const char *text = query_text (sql, id);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
}

#define PAGE_CHILD(page, name) child ((page), FD_TYPE_SESSION_PAGE, (name))
#define FORM_CHILD(form, name) child ((form), FD_TYPE_SESSION_FORM, (name))
#define SLOT_CHILD(dialog, name) child ((dialog), FD_TYPE_SLOT_DIALOG, (name))
#define SEQUENCE_CHILD(dialog, name) child ((dialog), FD_TYPE_SEQUENCE_DIALOG, (name))
#define COST_CHILD(row, name) child ((row), FD_TYPE_COST_ROW, (name))

/* The toplevel window of @type shown, if any */
static GtkWindow *
find_window (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Returns: (transfer full): the window of @type, once shown; a reference
 * for wait_until_closed() */
static GtkWindow *
wait_for_window (GType type)
{
  UI_TEST_WAIT_UNTIL (find_window (type) != NULL);
  g_assert_nonnull (find_window (type));

  return g_object_ref (find_window (type));
}

/* Waits until @window, which the caller holds a reference on, is closed,
 * then drops that reference */
static void
wait_until_closed (GtkWindow *window)
{
  UI_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);
}

static gboolean
is_shown (gpointer widget)
{
  return gtk_widget_get_visible (GTK_WIDGET (widget)) &&
         gtk_widget_get_mapped (GTK_WIDGET (widget));
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* A training of the demo with a price, and what it gives a session */
static FdTrainingDefaults *
pick_training (void)
{
  g_autoptr(GPtrArray) trainings = NULL;
  g_autoptr(GError) error = NULL;

  trainings = fd_database_list_options (ui_test_get_database (), FD_OPTION_TRAINING, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < trainings->len; i++)
    {
      FdTrainingDefaults *defaults =
        fd_database_read_training_defaults (ui_test_get_database (),
                                            fd_option_get_id (g_ptr_array_index (trainings, i)),
                                            &error);

      g_assert_no_error (error);
      if (defaults->price_cents > 0 && defaults->capacity_min < defaults->capacity_max)
        return defaults;
      fd_training_defaults_free (defaults);
    }

  g_assert_not_reached ();
}

static char *
create_row (const char *entity,
            ...)
{
  g_autoptr(FdChange) change = fd_change_new_create (entity);
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list args;

  va_start (args, entity);
  while ((name = va_arg (args, const char *)) != NULL)
    fd_change_set_string (change, name, va_arg (args, const char *));
  va_end (args);

  g_assert_true (fd_database_apply (ui_test_get_database (), change, &error));
  g_assert_no_error (error);

  return g_strdup (fd_change_get_id (change));
}

/* A session made through the form, for the tests that start from one */
static char *
create_session_through_form (FdTrainingDefaults *training)
{
  GtkWidget *form = g_object_ref (fd_session_form_new_create (NULL, ui_test_get_database ()));
  g_autofree char *id = NULL;

  gtk_window_present (GTK_WINDOW (form));
  g_assert_true (fd_session_form_select_training (FD_SESSION_FORM (form), training->id));
  g_assert_true (fd_session_form_save (FD_SESSION_FORM (form)));
  id = g_strdup (fd_session_form_get_session_id (FD_SESSION_FORM (form)));
  wait_until_closed (GTK_WINDOW (form));

  return g_steal_pointer (&id);
}

static FdSessionPage *
show_page (const char *session_id,
           GtkWindow **window)
{
  GtkWidget *page = fd_session_page_new (ui_test_get_database ());

  fd_session_page_set_session_id (FD_SESSION_PAGE (page), session_id);
  *window = ui_test_show (page);

  return FD_SESSION_PAGE (page);
}

static guint
count_slots (FdSessionPlan *plan)
{
  guint n = 0;

  for (guint i = 0; i < plan->sequences->len; i++)
    n += ((FdPlanSequence *) g_ptr_array_index (plan->sequences, i))->slots->len;

  return n;
}

static FdCostRow *
first_cost_row (FdSessionPage *page)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (PAGE_CHILD (page, "costs_list"), 0);

  g_assert_true (FD_IS_COST_ROW (row));

  return FD_COST_ROW (row);
}

/* With FORMADESK_TEST_SHOTS set to a folder, saves @widget as drawn to
 * NAME.png there: to look at what the tests drive */
static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("FORMADESK_TEST_SHOTS");
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

  ui_test_iterate (200);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* ── Create a session and complete it ────────────────────────────────── */

static void
test_create_and_complete (void)
{
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *evaluation = create_row ("evaluation", "name", "Satisfaction à chaud",
                                            "kind", "hot", NULL);
  g_autofree char *place = NULL;
  g_autofree char *room = NULL;
  g_autofree char *trainer = NULL;
  g_autofree char *session_id = NULL;
  const char *code = NULL;
  g_autofree char *price = fd_input_format_money (training->price_cents);
  g_autoptr(GBytes) quote = g_bytes_new_static ("%PDF-1.4 devis salle", 20);
  g_autofree char *quote_sha256 = fd_blob_compute_sha256 (quote);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) trainers = NULL;
  g_autoptr(GPtrArray) rooms = NULL;
  g_auto(GStrv) slot_ids = NULL;
  GtkWidget *form;
  GtkWindow *window;
  GtkWindow *dialog;
  FdSessionPage *page;
  FdSessionPlan *plan;
  FdCostRow *cost;
  const char *sequence_id;
  gint64 n_sessions;

  places = fd_database_list_options (ui_test_get_database (), FD_OPTION_PLACE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < places->len && room == NULL; i++)
    {
      g_clear_pointer (&rooms, g_ptr_array_unref);
      rooms = fd_database_list_options (ui_test_get_database (), FD_OPTION_ROOM,
                                        fd_option_get_id (g_ptr_array_index (places, i)), &error);
      if (rooms->len > 0)
        {
          place = g_strdup (fd_option_get_id (g_ptr_array_index (places, i)));
          room = g_strdup (fd_option_get_id (g_ptr_array_index (rooms, 0)));
        }
    }
  g_assert_nonnull (room);
  trainers = fd_database_list_options (ui_test_get_database (), FD_OPTION_TRAINER, NULL, &error);
  g_assert_no_error (error);
  trainer = g_strdup (fd_option_get_id (g_ptr_array_index (trainers, 0)));

  n_sessions = query_int ("SELECT count(*) FROM session", NULL);

  /* Choosing a training fills in the form */
  form = g_object_ref (fd_session_form_new_create (NULL, ui_test_get_database ()));
  gtk_window_present (GTK_WINDOW (form));
  g_assert_cmpstr (gtk_editable_get_text (FORM_CHILD (form, "label_row")), ==, "");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (FORM_CHILD (form, "year_spin")), ==,
                   g_date_time_get_year (now));

  g_assert_true (fd_session_form_select_training (FD_SESSION_FORM (form), training->id));
  g_assert_cmpstr (gtk_editable_get_text (FORM_CHILD (form, "label_row")), ==, training->title);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (FORM_CHILD (form, "capacity_min_spin")), ==,
                   training->capacity_min);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (FORM_CHILD (form, "capacity_target_spin")), ==,
                   training->capacity_target);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (FORM_CHILD (form, "capacity_max_spin")), ==,
                   training->capacity_max);
  g_assert_cmpstr (fd_editor_get_selected_id (FORM_CHILD (form, "kind_row")), ==,
                   training->session_kind);
  g_assert_cmpstr (fd_editor_get_selected_id (FORM_CHILD (form, "certification_row")), ==,
                   training->certification_id);
  g_assert_cmpstr (gtk_editable_get_text (FORM_CHILD (form, "dispositif_row")), ==,
                   training->dispositif != NULL ? training->dispositif : "");
  g_assert_cmpint (gtk_switch_get_active (FORM_CHILD (form, "funding_switch")), ==,
                   training->eligible_funding);
  g_assert_cmpstr (gtk_editable_get_text (FORM_CHILD (form, "comments_row")), ==,
                   training->comments != NULL ? training->comments : "");
  g_assert_nonnull (fd_editor_get_selected_id (FORM_CHILD (form, "organisation_row")));

  /* All of it stays editable */
  set_text (FORM_CHILD (form, "label_row"), "Session d’essai — Lyon");
  g_assert_true (fd_session_form_save (FD_SESSION_FORM (form)));
  session_id = g_strdup (fd_session_form_get_session_id (FD_SESSION_FORM (form)));
  wait_until_closed (GTK_WINDOW (form));

  /* What reached the database: the code is core's, the session a draft */
  g_assert_cmpint (query_int ("SELECT count(*) FROM session", NULL), ==, n_sessions + 1);
  g_assert_cmpstr (query_text ("SELECT label FROM session WHERE id = ?1", session_id), ==,
                   "Session d’essai — Lyon");
  g_assert_cmpstr (query_text ("SELECT training_id FROM session WHERE id = ?1", session_id), ==,
                   training->id);
  g_assert_cmpint (query_int ("SELECT capacity_max FROM session WHERE id = ?1", session_id), ==,
                   training->capacity_max);
  g_assert_cmpint (query_int ("SELECT published FROM session WHERE id = ?1", session_id), ==, 0);
  code = query_text ("SELECT code FROM session WHERE id = ?1", session_id);
  g_assert_true (g_str_has_prefix (code, "2"));
  g_assert_cmpuint (strlen (code), ==, 9);

  /* The session page: both reminders */
  page = show_page (session_id, &window);
  g_assert_cmpstr (gtk_label_get_text (PAGE_CHILD (page, "title_label")), ==,
                   "Session d’essai — Lyon");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (PAGE_CHILD (page, "subtitle_label")), code));
  g_assert_true (is_shown (PAGE_CHILD (page, "reminder_box")));
  g_assert_true (is_shown (PAGE_CHILD (page, "draft_box")));
  g_assert_cmpstr (gtk_label_get_text (PAGE_CHILD (page, "reminder_label")), ==,
                   "Enter the costs of this session and choose its evaluation.");

  /* A sequence */
  fd_session_page_show_tab (page, "planning");
  gtk_widget_activate_action (GTK_WIDGET (page), "session.add-sequence", NULL);
  dialog = wait_for_window (FD_TYPE_SEQUENCE_DIALOG);
  set_text (SEQUENCE_CHILD (dialog, "label_row"), "Jour 1 — les bases");
  g_assert_true (fd_sequence_dialog_save (FD_SEQUENCE_DIALOG (dialog)));
  wait_until_closed (dialog);

  plan = fd_session_page_get_plan (page);
  g_assert_cmpuint (plan->sequences->len, ==, 1);
  sequence_id = ((FdPlanSequence *) g_ptr_array_index (plan->sequences, 0))->id;
  g_assert_cmpstr (query_text ("SELECT label FROM sequence WHERE id = ?1", sequence_id), ==,
                   "Jour 1 — les bases");
  g_assert_cmpstr (query_text ("SELECT modality FROM sequence WHERE id = ?1", sequence_id), ==,
                   "on_site");
  g_assert_nonnull (gtk_list_box_get_row_at_index (PAGE_CHILD (page, "sequences_list"), 0));

  /* Two slots at once, with a place, a room and a trainer */
  gtk_widget_activate_action (GTK_WIDGET (page), "session.add-slot", "s", sequence_id);
  dialog = wait_for_window (FD_TYPE_SLOT_DIALOG);
  set_text (SLOT_CHILD (dialog, "dates_row"), "10/03/2026, 03/03/2026");
  set_text (SLOT_CHILD (dialog, "start_row"), "9:00");
  set_text (SLOT_CHILD (dialog, "end_row"), "12h30");
  gtk_spin_button_set_value (SLOT_CHILD (dialog, "break_spin"), 15);
  g_assert_true (fd_editor_select_id (SLOT_CHILD (dialog, "place_drop_down"), place));
  g_assert_true (fd_editor_select_id (SLOT_CHILD (dialog, "room_drop_down"), room));
  g_assert_true (fd_slot_dialog_add_trainer (FD_SLOT_DIALOG (dialog), trainer));
  set_text (SLOT_CHILD (dialog, "trainer_notice_row"), "Badge à l’accueil");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (SLOT_CHILD (dialog, "duration_row")),
                            "2 slots"));
  g_assert_true (fd_slot_dialog_save (FD_SLOT_DIALOG (dialog)));
  slot_ids = fd_slot_dialog_dup_slot_ids (FD_SLOT_DIALOG (dialog));
  wait_until_closed (dialog);

  g_assert_cmpuint (g_strv_length (slot_ids), ==, 2);
  g_assert_cmpint (query_int ("SELECT count(*) FROM slot WHERE session_id = ?1 AND deleted = 0",
                              session_id), ==, 2);
  g_assert_cmpstr (query_text ("SELECT start_at FROM slot WHERE id = ?1", slot_ids[0]), ==,
                   "2026-03-03T09:00");
  g_assert_cmpstr (query_text ("SELECT end_at FROM slot WHERE id = ?1", slot_ids[1]), ==,
                   "2026-03-10T12:30");
  g_assert_cmpstr (query_text ("SELECT room_id FROM slot WHERE id = ?1", slot_ids[1]), ==, room);
  g_assert_cmpstr (query_text ("SELECT trainer_notice FROM slot WHERE id = ?1", slot_ids[0]), ==,
                   "Badge à l’accueil");
  g_assert_cmpint (query_int ("SELECT count(*) FROM slot_staff s JOIN slot sl ON sl.id = s.slot_id"
                              " WHERE sl.session_id = ?1 AND s.role = 'trainer'", session_id),
                   ==, 2);

  /* The session's dates and duration come from its slots */
  plan = fd_session_page_get_plan (page);
  g_assert_cmpuint (count_slots (plan), ==, 2);
  fd_session_page_show_tab (page, "general");
  g_assert_cmpstr (adw_action_row_get_subtitle (PAGE_CHILD (page, "dates_row")), ==,
                   "3–10 March 2026");
  g_assert_cmpstr (adw_action_row_get_subtitle (PAGE_CHILD (page, "duration_row")), ==,
                   "2 days · 6 h 30");

  /* A cost: its amount starts at the training's price */
  cost = FD_COST_ROW (fd_session_page_add_cost (page, "room_hire"));
  g_assert_cmpstr (fd_session_page_get_visible_tab (page), ==, "costs");
  g_assert_cmpstr (gtk_editable_get_text (COST_CHILD (cost, "amount_row")), ==, price);
  g_assert_true (fd_session_page_get_modified (page));
  g_assert_true (is_shown (PAGE_CHILD (page, "save_revealer")));
  set_text (COST_CHILD (cost, "amount_row"), "350,50");
  adw_combo_row_set_selected (COST_CHILD (cost, "distribution_row"), 1);
  gtk_spin_button_set_value (COST_CHILD (cost, "quantity_spin"), 3);
  set_text (COST_CHILD (cost, "provider_row"), "Regus Part-Dieu");
  g_assert_true (fd_cost_row_attach_bytes (cost, "devis.pdf", quote, "application/pdf", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_text (PAGE_CHILD (page, "total_label")), ==, "€1,051.50");

  /* Nothing is written before Save, and the orange box stays */
  g_assert_cmpint (query_int ("SELECT count(*) FROM cost WHERE session_id = ?1", session_id), ==,
                   0);
  gtk_widget_activate_action (GTK_WIDGET (page), "session.save", NULL);
  g_assert_false (fd_session_page_get_modified (page));
  g_assert_cmpint (query_int ("SELECT count(*) FROM cost WHERE session_id = ?1", session_id), ==,
                   1);
  g_assert_cmpint (query_int ("SELECT amount_cents FROM cost WHERE session_id = ?1", session_id),
                   ==,
                   35050);
  g_assert_cmpstr (query_text ("SELECT distribution FROM cost WHERE session_id = ?1", session_id),
                   ==,
                   "per_trainee");
  g_assert_cmpint (query_int ("SELECT quantity FROM cost WHERE session_id = ?1", session_id), ==,
                   3);
  g_assert_cmpstr (query_text ("SELECT provider FROM cost WHERE session_id = ?1", session_id), ==,
                   "Regus Part-Dieu");
  g_assert_cmpstr (query_text ("SELECT a.blob_sha256 FROM attachment a"
                               " JOIN cost c ON c.id = a.owner_id WHERE c.session_id = ?1",
                               session_id), ==, quote_sha256);
  g_assert_cmpint (query_int ("SELECT length(data) FROM blob WHERE sha256 = ?1", quote_sha256), ==,
                   20);

  g_assert_true (is_shown (PAGE_CHILD (page, "reminder_box")));
  g_assert_cmpstr (gtk_label_get_text (PAGE_CHILD (page, "reminder_label")), ==,
                   "Choose the evaluation of this session.");
  g_assert_true (is_shown (PAGE_CHILD (page, "draft_box")));
  /* The saved line reads back as saved */
  g_assert_cmpuint (fd_cost_row_get_n_attachments (first_cost_row (page)), ==, 1);
  g_assert_false (fd_cost_row_is_modified (first_cost_row (page)));

  /* The evaluation: the orange box goes once it is saved */
  fd_session_page_show_tab (page, "evaluation");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (PAGE_CHILD (page, "results_stack")), ==,
                   "empty");
  g_assert_true (fd_editor_select_id (PAGE_CHILD (page, "evaluation_row"), evaluation));
  g_assert_true (fd_session_page_get_modified (page));
  g_assert_true (is_shown (PAGE_CHILD (page, "reminder_box")));
  g_assert_true (fd_session_page_save (page));
  g_assert_cmpstr (query_text ("SELECT evaluation_id FROM session WHERE id = ?1", session_id), ==,
                   evaluation);
  g_assert_false (gtk_widget_get_visible (PAGE_CHILD (page, "reminder_box")));
  g_assert_true (is_shown (PAGE_CHILD (page, "draft_box")));
  save_shot (GTK_WIDGET (page), "evaluation-saved");

  /* Published by hand: the red box goes; back to draft, it comes back */
  gtk_widget_activate_action (GTK_WIDGET (page), "session.set-published", "b", TRUE);
  g_assert_cmpint (query_int ("SELECT published FROM session WHERE id = ?1", session_id), ==, 1);
  g_assert_false (gtk_widget_get_visible (PAGE_CHILD (page, "draft_box")));
  g_assert_cmpstr (gtk_button_get_label (PAGE_CHILD (page, "publish_button")), ==,
                   "Back to _Draft");
  gtk_widget_activate_action (GTK_WIDGET (page), "session.set-published", "b", FALSE);
  g_assert_cmpint (query_int ("SELECT published FROM session WHERE id = ?1", session_id), ==, 0);
  g_assert_true (is_shown (PAGE_CHILD (page, "draft_box")));

  gtk_window_destroy (window);
}

/* ── Unsaved edits are asked about before leaving ─────────────────────── */

static AdwMessageDialog *
wait_for_question (void)
{
  return ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
}

/* Answers the question, and drops the reference wait_for_question() gave */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until_closed (GTK_WINDOW (dialog));
}

static void
test_unsaved_asks (void)
{
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *session_id = create_session_through_form (training);
  g_autofree char *evaluation = create_row ("evaluation", "name", "Satisfaction à froid",
                                            "kind", "cold", NULL);
  AdwViewStack *tabs;
  AdwMessageDialog *question;
  GtkWindow *window;
  FdSessionPage *page;
  FdCostRow *cost;

  page = show_page (session_id, &window);
  tabs = PAGE_CHILD (page, "tabs_stack");

  /* An edited amount: leaving the tab asks, and Cancel stays */
  cost = FD_COST_ROW (fd_session_page_add_cost (page, "catering"));
  set_text (COST_CHILD (cost, "amount_row"), "80");
  adw_view_stack_set_visible_child_name (tabs, "general");
  question = wait_for_question ();
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Save Changes?");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tabs), ==, "costs");
  answer (question, FD_EDITOR_RESPONSE_CANCEL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tabs), ==, "costs");
  g_assert_true (fd_session_page_get_modified (page));

  /* Discard: the tab changes, nothing was written */
  adw_view_stack_set_visible_child_name (tabs, "general");
  answer (wait_for_question (), FD_EDITOR_RESPONSE_DISCARD);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tabs), ==, "general");
  g_assert_false (fd_session_page_get_modified (page));
  g_assert_cmpint (query_int ("SELECT count(*) FROM cost WHERE session_id = ?1", session_id), ==,
                   0);
  fd_session_page_show_tab (page, "costs");
  g_assert_null (gtk_list_box_get_row_at_index (PAGE_CHILD (page, "costs_list"), 0));

  /* Save: written, then the tab changes */
  fd_session_page_show_tab (page, "evaluation");
  fd_editor_select_id (PAGE_CHILD (page, "evaluation_row"), evaluation);
  adw_view_stack_set_visible_child_name (tabs, "planning");
  answer (wait_for_question (), FD_EDITOR_RESPONSE_SAVE);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tabs), ==, "planning");
  g_assert_cmpstr (query_text ("SELECT evaluation_id FROM session WHERE id = ?1", session_id), ==,
                   evaluation);
  g_assert_false (fd_session_page_get_modified (page));

  gtk_window_destroy (window);
}

/* Choosing another session in the list with unsaved edits asks too; the
 * user can stay on the session and its edits. */
static void
test_unsaved_asks_in_view (void)
{
  GtkWidget *view = fd_record_view_new (ui_test_get_database (), FD_RECORD_KIND_SESSION);
  GtkWindow *window = ui_test_show (view);
  FdRecordPane *pane = fd_record_view_get_pane (FD_RECORD_VIEW (view));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (fd_record_pane_get_model (pane));
  g_autoptr(FdSession) first = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_autoptr(FdSession) second = g_list_model_get_item (G_LIST_MODEL (selection), 1);
  FdSessionPage *page;

  gtk_single_selection_set_selected (selection, 0);
  page = FD_SESSION_PAGE (fd_record_view_get_details (FD_RECORD_VIEW (view)));
  g_assert_cmpstr (fd_session_page_get_session_id (page), ==, fd_record_get_id (FD_RECORD (first)));

  fd_session_page_add_cost (page, "travel");
  g_assert_true (fd_session_page_get_modified (page));

  gtk_single_selection_set_selected (selection, 1);
  answer (wait_for_question (), FD_EDITOR_RESPONSE_CANCEL);
  g_assert_cmpstr (fd_session_page_get_session_id (page), ==, fd_record_get_id (FD_RECORD (first)));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_true (fd_session_page_get_modified (page));

  gtk_single_selection_set_selected (selection, 1);
  answer (wait_for_question (), FD_EDITOR_RESPONSE_DISCARD);
  g_assert_cmpstr (fd_session_page_get_session_id (page), ==,
                   fd_record_get_id (FD_RECORD (second)));
  g_assert_false (fd_session_page_get_modified (page));

  gtk_window_destroy (window);
}

/* ── Bad input: shown at its field, nothing saved ─────────────────────── */

static void
test_bad_input (void)
{
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *session_id = create_session_through_form (training);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *sequence_id = NULL;
  GtkWidget *form;
  GtkWidget *row;
  GtkWindow *window;
  GtkWindow *dialog;
  FdSessionPage *page;
  FdCostRow *cost;
  gint64 n_sessions = query_int ("SELECT count(*) FROM session", NULL);

  /* Capacity: the minimum above the maximum */
  form = fd_session_form_new_create (NULL, ui_test_get_database ());
  gtk_window_present (GTK_WINDOW (form));
  fd_session_form_select_training (FD_SESSION_FORM (form), training->id);
  gtk_spin_button_set_value (FORM_CHILD (form, "capacity_min_spin"), 20);
  gtk_spin_button_set_value (FORM_CHILD (form, "capacity_max_spin"), 5);
  g_assert_false (fd_session_form_save (FD_SESSION_FORM (form)));
  row = FORM_CHILD (form, "capacity_min_row");
  g_assert_true (fd_editor_has_field_error (row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==,
                   "The minimum capacity cannot be above the maximum.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "The minimum capacity cannot be above the maximum.");
  g_assert_true (gtk_revealer_get_reveal_child (FORM_CHILD (form, "error_revealer")));
  g_assert_false (fd_editor_has_field_error (FORM_CHILD (form, "label_row")));
  save_shot (form, "bad-capacity");

  /* A blank label: required */
  gtk_spin_button_set_value (FORM_CHILD (form, "capacity_min_spin"), 2);
  set_text (FORM_CHILD (form, "label_row"), "   ");
  g_assert_false (fd_session_form_save (FD_SESSION_FORM (form)));
  g_assert_false (fd_editor_has_field_error (FORM_CHILD (form, "capacity_min_row")));
  g_assert_true (fd_editor_has_field_error (FORM_CHILD (form, "label_row")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (FORM_CHILD (form, "label_row")), ==,
                   "Label is required.");

  /* A planned end that is not a date */
  set_text (FORM_CHILD (form, "label_row"), "Encore une");
  set_text (FORM_CHILD (form, "planned_end_row"), "31/02/2026");
  g_assert_false (fd_session_form_save (FD_SESSION_FORM (form)));
  g_assert_true (fd_editor_has_field_error (FORM_CHILD (form, "planned_end_row")));

  g_assert_cmpint (query_int ("SELECT count(*) FROM session", NULL), ==, n_sessions);
  gtk_window_destroy (GTK_WINDOW (form));

  /* A slot that ends before it starts */
  {
    FdChange *sequence = fd_change_new_create ("sequence");

    fd_change_set_string (sequence, "session_id", session_id);
    fd_change_set_string (sequence, "label", "Jour 1");
    g_ptr_array_add (changes, sequence);
    g_assert_true (fd_database_apply_all (ui_test_get_database (), changes, &error));
    g_assert_no_error (error);
    sequence_id = g_strdup (fd_change_get_id (sequence));
  }

  page = show_page (session_id, &window);
  gtk_widget_activate_action (GTK_WIDGET (page), "session.add-slot", "s", sequence_id);
  dialog = wait_for_window (FD_TYPE_SLOT_DIALOG);
  set_text (SLOT_CHILD (dialog, "dates_row"), "03/03/2026");
  set_text (SLOT_CHILD (dialog, "start_row"), "14:00");
  set_text (SLOT_CHILD (dialog, "end_row"), "09:00");
  g_assert_false (fd_slot_dialog_save (FD_SLOT_DIALOG (dialog)));
  row = SLOT_CHILD (dialog, "end_row");
  g_assert_true (fd_editor_has_field_error (row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "The end must come after the start.");
  g_assert_false (fd_editor_has_field_error (SLOT_CHILD (dialog, "start_row")));
  g_assert_cmpint (query_int ("SELECT count(*) FROM slot WHERE session_id = ?1", session_id), ==,
                   0);
  save_shot (GTK_WIDGET (dialog), "bad-slot-end");

  /* A date that is not one, then a time that is not one */
  set_text (SLOT_CHILD (dialog, "dates_row"), "03/03/2026, 45/03/2026");
  set_text (SLOT_CHILD (dialog, "end_row"), "17:00");
  g_assert_false (fd_slot_dialog_save (FD_SLOT_DIALOG (dialog)));
  g_assert_true (fd_editor_has_field_error (SLOT_CHILD (dialog, "dates_row")));
  g_assert_false (fd_editor_has_field_error (SLOT_CHILD (dialog, "end_row")));
  set_text (SLOT_CHILD (dialog, "dates_row"), "03/03/2026");
  set_text (SLOT_CHILD (dialog, "start_row"), "neuf heures");
  g_assert_false (fd_slot_dialog_save (FD_SLOT_DIALOG (dialog)));
  g_assert_true (fd_editor_has_field_error (SLOT_CHILD (dialog, "start_row")));
  g_assert_cmpint (query_int ("SELECT count(*) FROM slot WHERE session_id = ?1", session_id), ==,
                   0);
  gtk_window_destroy (dialog);
  g_object_unref (dialog);

  /* A cost whose amount is not an amount */
  cost = FD_COST_ROW (fd_session_page_add_cost (page, "materials"));
  set_text (COST_CHILD (cost, "amount_row"), "douze euros");
  g_assert_false (fd_session_page_save (page));
  g_assert_true (fd_editor_has_field_error (COST_CHILD (cost, "amount_row")));
  g_assert_true (fd_session_page_get_modified (page));
  save_shot (GTK_WIDGET (page), "bad-cost-amount");
  g_assert_cmpint (query_int ("SELECT count(*) FROM cost WHERE session_id = ?1", session_id), ==,
                   0);

  /* Fixed, it saves, and the message goes */
  set_text (COST_CHILD (cost, "amount_row"), "12");
  g_assert_false (fd_editor_has_field_error (COST_CHILD (cost, "amount_row")));
  g_assert_true (fd_session_page_save (page));
  g_assert_cmpint (query_int ("SELECT amount_cents FROM cost WHERE session_id = ?1", session_id),
                   ==,
                   1200);

  gtk_window_destroy (window);
}

/* ── What others write shows at once ─────────────────────────────────── */

static void
test_follows_changes (void)
{
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *session_id = create_session_through_form (training);
  g_autofree char *mine = create_row ("evaluation", "name", "Quiz final", NULL);
  g_autofree char *theirs = create_row ("evaluation", "name", "Entretien", NULL);
  g_autoptr(FdChange) change = NULL;
  g_autoptr(FdChange) cost = fd_change_new_create ("cost");
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  FdSessionPage *page;

  page = show_page (session_id, &window);

  change = fd_change_new_update ("session", session_id, fd_session_page_get_plan (page)->revision);
  fd_change_set_string (change, "label", "Renommée ailleurs");
  g_assert_true (fd_database_apply (ui_test_get_database (), change, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_text (PAGE_CHILD (page, "title_label")), ==, "Renommée ailleurs");

  /* A cost line made elsewhere: the reminder changes */
  fd_change_set_string (cost, "session_id", session_id);
  fd_change_set_string (cost, "type", "travel");
  fd_change_set_int (cost, "amount_cents", 4200);
  g_assert_true (fd_database_apply (ui_test_get_database (), cost, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_text (PAGE_CHILD (page, "reminder_label")), ==,
                   "Choose the evaluation of this session.");
  fd_session_page_show_tab (page, "costs");
  g_assert_true (FD_IS_COST_ROW (gtk_list_box_get_row_at_index (PAGE_CHILD (page, "costs_list"),
                                                                0)));

  /* The evaluation chosen here while someone else chose another: the
   * edit stays on screen, and saving it is a conflict shown at the field */
  fd_session_page_show_tab (page, "evaluation");
  g_assert_true (fd_editor_select_id (PAGE_CHILD (page, "evaluation_row"), mine));
  g_assert_true (fd_session_page_get_modified (page));
  g_clear_pointer (&change, fd_change_unref);
  change = fd_change_new_update ("session", session_id, fd_session_page_get_plan (page)->revision);
  fd_change_set_string (change, "evaluation_id", theirs);
  g_assert_true (fd_database_apply (ui_test_get_database (), change, &error));
  g_assert_no_error (error);
  g_assert_true (fd_session_page_get_modified (page));
  g_assert_cmpstr (fd_editor_get_selected_id (PAGE_CHILD (page, "evaluation_row")), ==, mine);

  g_assert_false (fd_session_page_save (page));
  g_assert_true (fd_editor_has_field_error (PAGE_CHILD (page, "evaluation_row")));
  g_assert_cmpstr (query_text ("SELECT evaluation_id FROM session WHERE id = ?1", session_id), ==,
                   theirs);

  /* Discard shows theirs */
  fd_session_page_discard (page);
  g_assert_cmpstr (fd_editor_get_selected_id (PAGE_CHILD (page, "evaluation_row")), ==, theirs);
  g_assert_false (gtk_widget_get_visible (PAGE_CHILD (page, "reminder_box")));

  /* Out of sight, the page reads a change when it is shown again */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_clear_pointer (&change, fd_change_unref);
  change = fd_change_new_update ("session", session_id, fd_session_page_get_plan (page)->revision);
  fd_change_set_string (change, "label", "Renommée pendant l’absence");
  g_assert_true (fd_database_apply (ui_test_get_database (), change, &error));
  g_assert_no_error (error);
  gtk_widget_set_visible (GTK_WIDGET (window), TRUE);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (gtk_label_get_text (PAGE_CHILD (page, "title_label")), ==,
                   "Renommée pendant l’absence");

  gtk_window_destroy (window);
}

/* ── Emails: on or off, with their estimated sending per sequence ────── */

static GtkWidget *
find_widget_of (GtkWidget *root,
                GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget_of (c, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_emails_tab (void)
{
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *session_id = create_session_through_form (training);
  GtkWindow *window;
  FdSessionPage *page;
  GtkWidget *list;
  GtkWidget *toggle;
  gint64 enabled;
  const char *email_id;

  /* A session made in the form gets the templates' emails */
  g_assert_cmpint (query_int ("SELECT count(*) FROM session_email WHERE session_id = ?1 AND deleted = 0",
                              session_id), >, 0);
  email_id = query_text ("SELECT id FROM session_email WHERE session_id = ?1 AND deleted = 0"
                         " ORDER BY rowid LIMIT 1", session_id);

  page = show_page (session_id, &window);
  fd_session_page_show_tab (page, "emails");
  list = PAGE_CHILD (page, "emails_list");
  UI_TEST_WAIT_UNTIL (gtk_widget_get_first_child (list) != NULL);
  g_assert_true (ADW_IS_EXPANDER_ROW (gtk_widget_get_first_child (list)));

  /* Turned off by its switch, undoable */
  toggle = find_widget_of (gtk_widget_get_first_child (list), GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);
  enabled = query_int ("SELECT enabled FROM session_email WHERE id = ?1", email_id);
  gtk_switch_set_active (GTK_SWITCH (toggle), !enabled);
  UI_TEST_WAIT_UNTIL (query_int ("SELECT enabled FROM session_email WHERE id = ?1", email_id)
                      == !enabled);
  g_assert_cmpint (query_int ("SELECT enabled FROM session_email WHERE id = ?1", email_id), ==,
                   !enabled);

  /* When and to whom, by its dialog: a bad address is refused at its
   * field and nothing is written; then 3 days before each end */
  {
    g_autoptr(FdSessionEmailSetting) setting = NULL;
    g_autoptr(GPtrArray) settings = NULL;
    g_autoptr(GError) error = NULL;
    GtkWidget *dialog;
    gint64 before_offset = query_int ("SELECT offset_minutes FROM session_email WHERE id = ?1",
                                      email_id);

    settings = fd_session_emails_list (ui_test_get_database (), session_id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < settings->len; i++)
      if (g_str_equal (fd_session_email_setting_get_id (g_ptr_array_index (settings, i)), email_id))
        setting = fd_session_email_setting_ref (g_ptr_array_index (settings, i));
    g_assert_nonnull (setting);

    dialog = fd_email_setting_dialog_new (window, ui_test_get_database (), setting);
    gtk_window_present (GTK_WINDOW (dialog));
    gtk_spin_button_set_value (child (dialog, FD_TYPE_EMAIL_SETTING_DIALOG, "days_spin"), 3);
    adw_combo_row_set_selected (child (dialog, FD_TYPE_EMAIL_SETTING_DIALOG, "direction_row"), 0);
    adw_combo_row_set_selected (child (dialog, FD_TYPE_EMAIL_SETTING_DIALOG, "anchor_row"), 1);
    set_text (child (dialog, FD_TYPE_EMAIL_SETTING_DIALOG, "cc_row"), "pas une adresse");
    g_assert_false (fd_email_setting_dialog_save (FD_EMAIL_SETTING_DIALOG (dialog)));
    g_assert_true (fd_editor_has_field_error (child (dialog, FD_TYPE_EMAIL_SETTING_DIALOG, "cc_row")));
    g_assert_cmpint (query_int ("SELECT offset_minutes FROM session_email WHERE id = ?1", email_id),
                     ==, before_offset);

    set_text (child (dialog, FD_TYPE_EMAIL_SETTING_DIALOG, "cc_row"), "direction@exemple.fr");
    g_assert_true (fd_email_setting_dialog_save (FD_EMAIL_SETTING_DIALOG (dialog)));
    g_assert_cmpint (query_int ("SELECT offset_minutes FROM session_email WHERE id = ?1", email_id),
                     ==, -3 * 24 * 60);
    g_assert_cmpstr (query_text ("SELECT anchor || ' ' || cc FROM session_email WHERE id = ?1",
                                 email_id), ==, "sequence_end direction@exemple.fr");
  }

  gtk_window_destroy (window);
}

/* ── Email attachments: several per email, counted in the tab ────────── */

/* The first button of @root showing @icon_name */
static GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon_name)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_icon_button (c, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static FdSessionEmailSetting *
read_setting (const char *session_id,
              const char *email_id)
{
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GError) error = NULL;

  settings = fd_session_emails_list (ui_test_get_database (), session_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < settings->len; i++)
    if (g_str_equal (fd_session_email_setting_get_id (g_ptr_array_index (settings, i)), email_id))
      return fd_session_email_setting_ref (g_ptr_array_index (settings, i));

  g_assert_not_reached ();
}

static void
on_list_changed_cb (FdAttachmentList *list,
                    gboolean         *changed)
{
  *changed = TRUE;
}

static void
test_email_attachments (void)
{
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *session_id = create_session_through_form (training);
  g_autoptr(GBytes) plan = g_bytes_new_static ("%PDF-1.4 plan d'accès", 22);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("formadesk-attach-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "livret.txt", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "absent.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  GtkWindow *window;
  FdSessionPage *page;
  GtkWidget *list;
  GtkWidget *dialog;
  FdAttachmentList *attachments;
  const char *email_id;
  gint64 n_blobs;
  gboolean changed = FALSE;
  const char *attachments_sql = "SELECT count(*) FROM attachment WHERE owner_entity = 'session_email'"
                                " AND owner_id = ?1 AND deleted = 0";

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "Livret d'accueil", -1, &error));
  email_id = query_text ("SELECT id FROM session_email WHERE session_id = ?1 AND deleted = 0"
                         " ORDER BY rowid LIMIT 1", session_id);

  page = show_page (session_id, &window);
  fd_session_page_show_tab (page, "emails");
  list = PAGE_CHILD (page, "emails_list");
  UI_TEST_WAIT_UNTIL (gtk_widget_get_first_child (list) != NULL);

  /* Two files: one given as bytes, one read from disk */
  {
    g_autoptr(FdSessionEmailSetting) setting = read_setting (session_id, email_id);

    dialog = fd_email_setting_dialog_new (window, ui_test_get_database (), setting);
  }
  gtk_window_present (GTK_WINDOW (dialog));
  attachments = fd_email_setting_dialog_get_attachments (FD_EMAIL_SETTING_DIALOG (dialog));
  g_signal_connect (attachments, "changed", G_CALLBACK (on_list_changed_cb), &changed);
  g_assert_true (fd_attachment_list_attach_bytes (attachments, "plan.pdf", plan, "application/pdf",
                                                  &error));
  g_assert_no_error (error);
  changed = FALSE;
  fd_attachment_list_attach_file (attachments, file);
  UI_TEST_WAIT_UNTIL (changed);
  g_assert_cmpuint (fd_attachment_list_get_n_attachments (attachments), ==, 2);

  /* A file that cannot be read: said at the row, in words; nothing stored */
  n_blobs = query_int ("SELECT count(*) FROM blob", NULL);
  fd_attachment_list_attach_file (attachments, missing);
  UI_TEST_WAIT_UNTIL (fd_editor_has_field_error (child (dialog, FD_TYPE_EMAIL_SETTING_DIALOG,
                                                        "attach_row")));
  g_assert_true (fd_editor_has_field_error (child (dialog, FD_TYPE_EMAIL_SETTING_DIALOG,
                                                   "attach_row")));
  g_assert_cmpuint (fd_attachment_list_get_n_attachments (attachments), ==, 2);
  g_assert_cmpint (query_int ("SELECT count(*) FROM blob", NULL), ==, n_blobs);
  g_assert_cmpint (query_int (attachments_sql, email_id), ==, 0);
  save_shot (GTK_WIDGET (dialog), "email-attachments");

  /* Nothing is written before Confirm; then both, with their bytes */
  g_assert_true (fd_email_setting_dialog_save (FD_EMAIL_SETTING_DIALOG (dialog)));
  g_assert_cmpint (query_int (attachments_sql, email_id), ==, 2);
  g_assert_cmpstr (query_text ("SELECT group_concat (file_name, ',') FROM"
                               " (SELECT file_name FROM attachment WHERE owner_id = ?1"
                               "  AND deleted = 0 ORDER BY rowid)", email_id), ==,
                   "plan.pdf,livret.txt");
  g_assert_cmpint (query_int ("SELECT count(*) FROM attachment a JOIN blob b"
                              " ON b.sha256 = a.blob_sha256 WHERE a.owner_id = ?1", email_id), ==, 2);

  /* The tab counts them */
  UI_TEST_WAIT_UNTIL (g_str_has_suffix (adw_expander_row_get_subtitle (
                                          ADW_EXPANDER_ROW (gtk_widget_get_first_child (list))),
                                        "2 attachments"));
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (
                                     ADW_EXPANDER_ROW (gtk_widget_get_first_child (list))),
                                   "2 attachments"));

  /* Opened again: listed, one removed by its button */
  {
    g_autoptr(FdSessionEmailSetting) setting = read_setting (session_id, email_id);

    dialog = fd_email_setting_dialog_new (window, ui_test_get_database (), setting);
  }
  gtk_window_present (GTK_WINDOW (dialog));
  attachments = fd_email_setting_dialog_get_attachments (FD_EMAIL_SETTING_DIALOG (dialog));
  g_assert_cmpuint (fd_attachment_list_get_n_attachments (attachments), ==, 2);
  g_signal_emit_by_name (find_icon_button (GTK_WIDGET (dialog), "list-remove-symbolic"), "clicked");
  g_assert_cmpuint (fd_attachment_list_get_n_attachments (attachments), ==, 1);
  g_assert_cmpint (query_int (attachments_sql, email_id), ==, 2);
  g_assert_true (fd_email_setting_dialog_save (FD_EMAIL_SETTING_DIALOG (dialog)));
  g_assert_cmpint (query_int (attachments_sql, email_id), ==, 1);
  g_assert_cmpstr (query_text ("SELECT file_name FROM attachment WHERE owner_id = ?1 AND deleted = 0",
                               email_id), ==, "livret.txt");
  UI_TEST_WAIT_UNTIL (g_str_has_suffix (adw_expander_row_get_subtitle (
                                          ADW_EXPANDER_ROW (gtk_widget_get_first_child (list))),
                                        "1 attachment"));
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (
                                     ADW_EXPANDER_ROW (gtk_widget_get_first_child (list))),
                                   "1 attachment"));

  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* ── Populations: who the session is for ─────────────────────────────── */

#define POPULATION_CHILD(dialog, name) child ((dialog), FD_TYPE_POPULATION_DIALOG, (name))

static gboolean
enroll (const char  *session_id,
        const char  *trainee_id,
        GError     **error)
{
  g_autoptr(FdChange) change = fd_change_new_create ("enrollment");

  fd_change_set_string (change, "session_id", session_id);
  fd_change_set_string (change, "trainee_id", trainee_id);

  return fd_database_apply (ui_test_get_database (), change, error);
}

static void
test_populations (void)
{
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *session_id = create_session_through_form (training);
  g_autoptr(FdSessionPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *company;
  const char *employee;
  const char *listed;
  const char *outsider;
  GtkWindow *dialog;
  GtkWidget *form;
  GtkWindow *window;
  FdSessionPage *page;
  gint64 n_enrolled;

  /* A company with trainees, one of them, and two trainees of others */
  company = query_text ("SELECT c.id FROM client c WHERE c.kind = 'company' AND c.deleted = 0"
                        " AND EXISTS (SELECT 1 FROM trainee t WHERE t.client_id = c.id"
                        "             AND t.deleted = 0) ORDER BY c.rowid LIMIT 1", NULL);
  g_assert_nonnull (company);
  employee = query_text ("SELECT id FROM trainee WHERE client_id = ?1 AND deleted = 0"
                         " ORDER BY rowid LIMIT 1", company);
  listed = query_text ("SELECT id FROM trainee WHERE client_id IS NOT ?1 AND deleted = 0"
                       " ORDER BY rowid LIMIT 1", company);
  outsider = query_text ("SELECT id FROM trainee WHERE client_id IS NOT ?1 AND deleted = 0"
                         " ORDER BY rowid LIMIT 1 OFFSET 1", company);
  g_assert_nonnull (employee);
  g_assert_nonnull (listed);
  g_assert_nonnull (outsider);

  plan = fd_database_read_session_plan (ui_test_get_database (), session_id, &error);
  g_assert_no_error (error);
  form = g_object_ref (fd_session_form_new_edit (NULL, ui_test_get_database (), plan));
  gtk_window_present (GTK_WINDOW (form));
  g_assert_cmpstr (adw_action_row_get_subtitle (FORM_CHILD (form, "population_row")), ==,
                   "Open to all");

  g_signal_emit_by_name (FORM_CHILD (form, "population_button"), "clicked");
  dialog = wait_for_window (FD_TYPE_POPULATION_DIALOG);

  /* From a company: a name is required, said at its row */
  adw_combo_row_set_selected (POPULATION_CHILD (dialog, "kind_row"), 0);
  g_assert_true (fd_editor_select_id (POPULATION_CHILD (dialog, "source_drop_down"), company));
  g_assert_false (fd_population_dialog_create (FD_POPULATION_DIALOG (dialog)));
  g_assert_true (fd_editor_has_field_error (POPULATION_CHILD (dialog, "name_row")));
  set_text (POPULATION_CHILD (dialog, "name_row"), "Salariés du client");
  g_assert_true (fd_population_dialog_create (FD_POPULATION_DIALOG (dialog)));

  /* A list: empty, refused at its row; with one trainee, made */
  adw_combo_row_set_selected (POPULATION_CHILD (dialog, "kind_row"), 2);
  set_text (POPULATION_CHILD (dialog, "name_row"), "Invités");
  g_assert_false (fd_population_dialog_create (FD_POPULATION_DIALOG (dialog)));
  g_assert_true (fd_editor_has_field_error (POPULATION_CHILD (dialog, "add_member_row")));
  g_assert_true (fd_editor_select_id (POPULATION_CHILD (dialog, "source_drop_down"), listed));
  g_signal_emit_by_name (POPULATION_CHILD (dialog, "add_member_button"), "clicked");
  g_assert_true (fd_population_dialog_create (FD_POPULATION_DIALOG (dialog)));
  /* Nothing is written before the session is saved */
  g_assert_cmpint (query_int ("SELECT count(*) FROM population WHERE name IN"
                              " ('Salariés du client', 'Invités')", NULL), ==, 0);

  /* The search keeps the rows that match */
  set_text (POPULATION_CHILD (dialog, "search_entry"), "invi");
  UI_TEST_WAIT_UNTIL (!gtk_widget_get_child_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (
                        POPULATION_CHILD (dialog, "populations_list"), 0))) ||
                      g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                        gtk_list_box_get_row_at_index (POPULATION_CHILD (dialog, "populations_list"),
                                                       0))), "Invités"));
  set_text (POPULATION_CHILD (dialog, "search_entry"), "");
  save_shot (GTK_WIDGET (dialog), "population-dialog");

  fd_population_dialog_done (FD_POPULATION_DIALOG (dialog));
  wait_until_closed (dialog);
  g_assert_cmpstr (adw_action_row_get_subtitle (FORM_CHILD (form, "population_row")), ==,
                   "Salariés du client, Invités");

  /* Saved with the rest, in one edit */
  g_assert_true (fd_session_form_save (FD_SESSION_FORM (form)));
  wait_until_closed (GTK_WINDOW (form));
  g_assert_cmpint (query_int ("SELECT count(*) FROM session_population sp"
                              " JOIN population p ON p.id = sp.population_id"
                              " WHERE sp.session_id = ?1 AND sp.deleted = 0", session_id), ==, 2);
  g_assert_cmpstr (query_text ("SELECT client_id FROM population WHERE name = 'Salariés du client'",
                               NULL), ==, company);
  g_assert_cmpint (query_int ("SELECT count(*) FROM population_member m"
                              " JOIN population p ON p.id = m.population_id"
                              " WHERE p.name = 'Invités' AND m.deleted = 0", NULL), ==, 1);

  /* Shown on the General tab */
  page = show_page (session_id, &window);
  fd_session_page_show_tab (page, "general");
  UI_TEST_WAIT_UNTIL (g_strcmp0 (adw_action_row_get_subtitle (PAGE_CHILD (page, "population_row")),
                                 "Salariés du client, Invités") == 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (PAGE_CHILD (page, "population_row")), ==,
                   "Salariés du client, Invités");
  save_shot (GTK_WIDGET (window), "population-general-tab");

  /* Enrollments come only from them: core refuses anyone else */
  n_enrolled = query_int ("SELECT count(*) FROM enrollment WHERE session_id = ?1", session_id);
  g_assert_false (enroll (session_id, outsider, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainee_id");
  g_clear_error (&error);
  g_assert_cmpint (query_int ("SELECT count(*) FROM enrollment WHERE session_id = ?1", session_id),
                   ==, n_enrolled);
  g_assert_true (enroll (session_id, employee, &error));
  g_assert_no_error (error);
  g_assert_true (enroll (session_id, listed, &error));
  g_assert_no_error (error);

  gtk_window_destroy (window);
}

/* ── Conflicts: shown as the slot is typed, by the core's rules ──────── */

static void
test_slot_conflicts (void)
{
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *session_id = create_session_through_form (training);
  g_autofree char *trainer = create_row ("trainer", "first_name", "Zoé", "last_name", "Conflit",
                                         NULL);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *start_at = NULL;
  g_autofree char *end_at = NULL;
  FdChange *sequence;
  FdChange *slot;
  FdChange *staff;
  GtkWindow *window;
  GtkWindow *dialog;
  FdSessionPage *page;
  gint64 year = query_int ("SELECT year FROM session WHERE id = ?1", session_id);

  /* Zoé trains on 2 June, 9:00–12:00 */
  day = g_strdup_printf ("%04d-06-02", (int) year);
  typed = g_strdup_printf ("02/06/%04d", (int) year);
  sequence = fd_change_new_create ("sequence");
  fd_change_set_string (sequence, "session_id", session_id);
  fd_change_set_string (sequence, "label", "Jour 1");
  g_ptr_array_add (changes, sequence);
  slot = fd_change_new_create ("slot");
  fd_change_set_string (slot, "session_id", session_id);
  fd_change_set_string (slot, "sequence_id", fd_change_get_id (sequence));
  start_at = g_strconcat (day, "T09:00", NULL);
  end_at = g_strconcat (day, "T12:00", NULL);
  fd_change_set_string (slot, "start_at", start_at);
  fd_change_set_string (slot, "end_at", end_at);
  g_ptr_array_add (changes, slot);
  staff = fd_change_new_create ("slot_staff");
  fd_change_set_string (staff, "slot_id", fd_change_get_id (slot));
  fd_change_set_string (staff, "trainer_id", trainer);
  g_ptr_array_add (changes, staff);
  g_assert_true (fd_database_apply_all (ui_test_get_database (), changes, &error));
  g_assert_no_error (error);

  page = show_page (session_id, &window);
  gtk_widget_activate_action (GTK_WIDGET (page), "session.add-slot", "s",
                              fd_change_get_id (sequence));
  dialog = wait_for_window (FD_TYPE_SLOT_DIALOG);

  /* Another day: nothing to say */
  set_text (SLOT_CHILD (dialog, "dates_row"), typed);
  set_text (SLOT_CHILD (dialog, "start_row"), "14:00");
  set_text (SLOT_CHILD (dialog, "end_row"), "17:00");
  /* The sequence's last slot's trainer comes with the new slots */
  g_assert_false (fd_slot_dialog_add_trainer (FD_SLOT_DIALOG (dialog), trainer));
  g_assert_nonnull (gtk_list_box_get_row_at_index (SLOT_CHILD (dialog, "trainers_list"), 0));
  g_assert_false (gtk_widget_get_visible (SLOT_CHILD (dialog, "conflicts_group")));

  /* Over her morning: said at once, naming her */
  set_text (SLOT_CHILD (dialog, "start_row"), "10:00");
  g_assert_true (gtk_widget_get_visible (SLOT_CHILD (dialog, "conflicts_group")));
  g_assert_nonnull (strstr (gtk_label_get_text (SLOT_CHILD (dialog, "conflicts_label")), "Zoé"));

  /* A warning, not a refusal: the slot can still be saved */
  g_assert_true (fd_slot_dialog_save (FD_SLOT_DIALOG (dialog)));
  wait_until_closed (dialog);
  g_assert_cmpint (query_int ("SELECT count(*) FROM slot WHERE session_id = ?1 AND deleted = 0",
                              session_id), ==, 2);

  gtk_window_destroy (window);
}

/* ── Invitations: a slot moved with trainees enrolled updates theirs ── */

static gint64
count_invitations_to (const char *recipient)
{
  return query_int ("SELECT count(*) FROM email_message WHERE recipient = ?1"
                    " AND calendar LIKE '%METHOD:REQUEST%'", recipient);
}

static void
edit_slot (FdSessionPage  *page,
           const char     *slot_id,
           GtkWindow     **dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "session.edit-slot", "s", slot_id);
  *dialog = wait_for_window (FD_TYPE_SLOT_DIALOG);
}

static void
test_slot_update_invitations (void)
{
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *session_id = create_session_through_form (training);
  g_autofree char *trainee = create_row ("trainee", "first_name", "Inès", "last_name", "Roux",
                                         "email", "ines.roux@example.org", NULL);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *sequence_id = NULL;
  g_autofree char *slot_id = NULL;
  FdDatabase *db = ui_test_get_database ();
  FdChange *change;
  GtkWindow *window;
  GtkWindow *dialog;
  FdSessionPage *page;

  /* Published, one sequence with a slot to come, one trainee enrolled */
  change = fd_change_new_update ("session", session_id,
                                 query_int ("SELECT revision FROM session WHERE id = ?1",
                                            session_id));
  fd_change_set_bool (change, "published", TRUE);
  g_ptr_array_add (changes, change);
  change = fd_change_new_create ("sequence");
  fd_change_set_string (change, "session_id", session_id);
  fd_change_set_string (change, "label", "Jour 1");
  sequence_id = g_strdup (fd_change_get_id (change));
  g_ptr_array_add (changes, change);
  change = fd_change_new_create ("slot");
  fd_change_set_string (change, "session_id", session_id);
  fd_change_set_string (change, "sequence_id", sequence_id);
  fd_change_set_string (change, "start_at", "2031-05-12T09:00");
  fd_change_set_string (change, "end_at", "2031-05-12T12:00");
  slot_id = g_strdup (fd_change_get_id (change));
  g_ptr_array_add (changes, change);
  g_assert_true (fd_database_apply_all (db, changes, &error));
  g_assert_no_error (error);
  g_assert_true (fd_enroll_trainee (db, session_id, trainee, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_invitations_to ("ines.roux@example.org"), ==, 1);

  page = show_page (session_id, &window);
  fd_session_page_show_tab (page, "planning");

  /* A comment changes nothing in the calendar: no question */
  edit_slot (page, slot_id, &dialog);
  g_assert_false (gtk_widget_get_visible (SLOT_CHILD (dialog, "update_group")));
  set_text (SLOT_CHILD (dialog, "place_notice_row"), "Code 1234");
  g_assert_false (gtk_widget_get_visible (SLOT_CHILD (dialog, "update_group")));

  /* Another date: offered, unticked, and the update is sent */
  set_text (SLOT_CHILD (dialog, "dates_row"), "13/05/2031");
  g_assert_true (gtk_widget_get_visible (SLOT_CHILD (dialog, "update_group")));
  g_assert_false (gtk_check_button_get_active (SLOT_CHILD (dialog, "no_update_check")));
  save_shot (GTK_WIDGET (dialog), "slot-dialog-update");
  g_assert_true (fd_slot_dialog_save (FD_SLOT_DIALOG (dialog)));
  wait_until_closed (dialog);
  g_assert_cmpstr (query_text ("SELECT start_at FROM slot WHERE id = ?1", slot_id), ==,
                   "2031-05-13T09:00");
  g_assert_cmpint (count_invitations_to ("ines.roux@example.org"), ==, 2);
  g_assert_cmpint (query_int ("SELECT max(calendar_sequence) FROM email_message"
                              " WHERE recipient = ?1", "ines.roux@example.org"), ==, 1);

  /* Another time, "do not send an update" ticked: saved, nothing sent */
  edit_slot (page, slot_id, &dialog);
  set_text (SLOT_CHILD (dialog, "start_row"), "10:00");
  g_assert_true (gtk_widget_get_visible (SLOT_CHILD (dialog, "update_group")));
  gtk_check_button_set_active (SLOT_CHILD (dialog, "no_update_check"), TRUE);
  g_assert_true (fd_slot_dialog_save (FD_SLOT_DIALOG (dialog)));
  wait_until_closed (dialog);
  g_assert_cmpstr (query_text ("SELECT start_at FROM slot WHERE id = ?1", slot_id), ==,
                   "2031-05-13T10:00");
  g_assert_cmpint (count_invitations_to ("ines.roux@example.org"), ==, 2);

  /* Unticked again in a new dialog, the time change is sent */
  edit_slot (page, slot_id, &dialog);
  g_assert_false (gtk_check_button_get_active (SLOT_CHILD (dialog, "no_update_check")));
  set_text (SLOT_CHILD (dialog, "end_row"), "12:30");
  g_assert_true (fd_slot_dialog_save (FD_SLOT_DIALOG (dialog)));
  wait_until_closed (dialog);
  g_assert_cmpint (count_invitations_to ("ines.roux@example.org"), ==, 3);

  gtk_window_destroy (window);
}

/* ── Roles: once trainees are enrolled, a planner no longer moves slots ─ */

static void
test_planner_locked_out (void)
{
  g_autoptr(FdUser) planner = fd_user_new ("planner", "p@exemple.fr", "Paule Planning",
                                           FD_ROLE_PLANNER, NULL, NULL, TRUE);
  g_autofree char *session_id = NULL;
  g_autofree char *sequence_id = NULL;
  const char *description;
  GtkWindow *window;
  GtkWindow *dialog;
  FdSessionPage *page;

  /* A demo session with trainees enrolled */
  session_id = g_strdup (query_text ("SELECT e.session_id FROM enrollment e"
                                     " WHERE e.deleted = 0"
                                     " AND e.status NOT IN ('withdrawn', 'cancelled')"
                                     " AND EXISTS (SELECT 1 FROM sequence q"
                                     "  WHERE q.session_id = e.session_id AND q.deleted = 0)"
                                     " LIMIT 1", NULL));
  g_assert_nonnull (session_id);

  page = show_page (session_id, &window);
  sequence_id = g_strdup (((FdPlanSequence *)
                           g_ptr_array_index (fd_session_page_get_plan (page)->sequences, 0))->id);

  /* The desktop's user, an admin, may move them */
  gtk_widget_activate_action (GTK_WIDGET (page), "session.add-slot", "s", sequence_id);
  dialog = wait_for_window (FD_TYPE_SLOT_DIALOG);
  gtk_window_destroy (dialog);
  g_object_unref (dialog);

  fd_database_set_user (ui_test_get_database (), planner);
  fd_session_page_set_session_id (page, session_id);
  fd_session_page_show_tab (page, "planning");

  /* A planner: the session and its costs yes, its slots no, and why */
  g_assert_true (gtk_widget_is_sensitive (PAGE_CHILD (page, "edit_button")));
  g_assert_nonnull (fd_session_page_add_cost (page, "travel"));
  fd_session_page_discard (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "session.add-slot", "s", sequence_id);
  ui_test_iterate (50);
  g_assert_null (find_window (FD_TYPE_SLOT_DIALOG));
  description = adw_preferences_group_get_description (PAGE_CHILD (page, "planning_group"));
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, " — "));

  fd_database_set_user (ui_test_get_database (), NULL);
  gtk_window_destroy (window);
}

/* ── Duplicate and import: their dialogs, up to core's hook ──────────── */

static void
on_open_session_cb (GtkWidget  *dialog,
                    const char *session_id,
                    char      **opened)
{
  g_free (*opened);
  *opened = g_strdup (session_id);
}

static void
test_duplicate_dialog (void)
{
  GtkWidget *dialog = g_object_ref (fd_session_duplicate_dialog_new (NULL,
                                                                     ui_test_get_database ()));
  FdSessionDuplicateDialog *self = FD_SESSION_DUPLICATE_DIALOG (dialog);
  gint64 n_sessions = query_int ("SELECT count(*) FROM session", NULL);
  GtkSingleSelection *selection;
  g_autoptr(FdSession) chosen = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  char *opened = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  selection = child (dialog, FD_TYPE_SESSION_DUPLICATE_DIALOG, "selection");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >, 10);

  fd_session_duplicate_dialog_search (self, "2026-0001");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  chosen = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_assert_cmpstr (fd_session_get_code (chosen), ==, "2026-0001");

  g_assert_true (fd_session_duplicate_dialog_choose (self, 0));
  g_assert_cmpstr (fd_session_duplicate_dialog_get_page (self), ==, "details");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog,
                                                            FD_TYPE_SESSION_DUPLICATE_DIALOG,
                                                            "year_spin")), ==,
                   g_date_time_get_year (now));

  /* Dates first checked here */
  set_text (child (dialog, FD_TYPE_SESSION_DUPLICATE_DIALOG, "start_row"), "10/06/2027");
  set_text (child (dialog, FD_TYPE_SESSION_DUPLICATE_DIALOG, "end_row"), "08/06/2027");
  g_assert_false (fd_session_duplicate_dialog_duplicate (self));
  g_assert_true (fd_editor_has_field_error (child (dialog, FD_TYPE_SESSION_DUPLICATE_DIALOG,
                                                   "end_row")));

  /* Then core's copy: a draft of that year, on those dates */
  set_text (child (dialog, FD_TYPE_SESSION_DUPLICATE_DIALOG, "end_row"), "12/06/2027");
  gtk_spin_button_set_value (child (dialog, FD_TYPE_SESSION_DUPLICATE_DIALOG, "year_spin"), 2027);
  g_signal_connect (dialog, "open-session", G_CALLBACK (on_open_session_cb), &opened);
  g_assert_true (fd_session_duplicate_dialog_duplicate (self));
  g_assert_cmpstr (fd_session_duplicate_dialog_get_page (self), ==, "done");
  g_assert_cmpint (query_int ("SELECT count(*) FROM session", NULL), ==, n_sessions + 1);
  gtk_widget_activate_action (dialog, "dialog.open-session", NULL);
  g_assert_nonnull (opened);
  g_assert_cmpstr (query_text ("SELECT label FROM session WHERE id = ?1", opened), ==,
                   fd_session_get_label (chosen));
  g_assert_cmpint (query_int ("SELECT year FROM session WHERE id = ?1", opened), ==, 2027);
  g_assert_cmpint (query_int ("SELECT published FROM session WHERE id = ?1", opened), ==, 0);
  g_assert_cmpstr (query_text ("SELECT planned_start_on FROM session WHERE id = ?1", opened), ==,
                   "2027-06-10");
  g_assert_cmpstr (query_text ("SELECT planned_end_on FROM session WHERE id = ?1", opened), ==,
                   "2027-06-12");
  g_assert_cmpint (query_int ("SELECT count(*) FROM slot WHERE session_id = ?1", opened), ==, 0);
  g_assert_true (g_str_has_prefix (query_text ("SELECT code FROM session WHERE id = ?1", opened),
                                   "2027-"));
  g_free (opened);
  g_object_unref (dialog);
}

static GFile *
write_csv (const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (ui_test_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* The file is read and checked in a worker: waits for its preview */
static void
wait_for_preview (FdSessionImportDialog *self)
{
  g_assert_cmpstr (fd_session_import_dialog_get_page (self), ==, "checking");
  UI_TEST_WAIT_UNTIL (!g_str_equal (fd_session_import_dialog_get_page (self), "checking"));
  g_assert_cmpstr (fd_session_import_dialog_get_page (self), ==, "preview");
}

static char *
import_csv_text (const char *reference,
                 const char *training_code)
{
  return g_strdup_printf ("reference;formation;libelle;type;sequence;date;debut;fin;"
                          "pause_minutes;lieu;salle;formateurs\n"
                          "%1$s;%2$s;Partenaire — groupe A;inter;Jour 1;07/09/2026;"
                          "09:00;17:00;60;;;\n"
                          "%1$s;%2$s;Partenaire — groupe A;inter;Jour 2;08/09/2026;"
                          "09:00;17:00;60;;;\n",
                          reference, training_code);
}

static void
test_import_dialog (void)
{
  GtkWidget *dialog = fd_session_import_dialog_new (NULL, ui_test_get_database ());
  FdSessionImportDialog *self = FD_SESSION_IMPORT_DIALOG (dialog);
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/partner.csv");
  g_autoptr(GFile) good = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autofree char *good_text = NULL;
  g_autofree char *bad_text = NULL;
  GtkListBox *list = child (dialog, FD_TYPE_SESSION_IMPORT_DIALOG, "preview_list");
  gint64 n_sessions = query_int ("SELECT count(*) FROM session", NULL);

  good_text = import_csv_text ("PART-UI-1", training->code);
  bad_text = g_strdup_printf ("reference;formation;libelle;type;sequence;date;debut;fin;"
                              "pause_minutes;lieu;salle;formateurs\n"
                              "PART-UI-2;%1$s;;inter;Jour 1;31/02/2026;09:00;17:00;60;;;\n",
                              training->code);
  good = write_csv ("good.csv", good_text);
  bad = write_csv ("bad.csv", bad_text);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (fd_session_import_dialog_get_page (self), ==, "choose");

  /* A file that cannot be read: said, nothing to import */
  fd_session_import_dialog_set_file (self, missing);
  wait_for_preview (self);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_false (fd_session_import_dialog_import (self));

  /* A wrong line: shown, and the import waits for a right file */
  fd_session_import_dialog_set_file (self, bad);
  wait_for_preview (self);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_false (gtk_widget_is_sensitive (child (dialog, FD_TYPE_SESSION_IMPORT_DIALOG,
                                                  "import_button")));
  g_assert_false (fd_session_import_dialog_import (self));
  g_assert_cmpint (query_int ("SELECT count(*) FROM session", NULL), ==, n_sessions);

  /* A right one: its session previewed, then imported as a draft */
  fd_session_import_dialog_set_file (self, good);
  g_assert_false (fd_session_import_dialog_import (self));
  wait_for_preview (self);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "Partenaire — groupe A");
  g_assert_cmpint (query_int ("SELECT count(*) FROM session", NULL), ==, n_sessions);
  g_assert_true (fd_session_import_dialog_import (self));
  g_assert_cmpstr (fd_session_import_dialog_get_page (self), ==, "done");
  g_assert_cmpint (query_int ("SELECT count(*) FROM session", NULL), ==, n_sessions + 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM slot sl JOIN session s ON s.id = sl.session_id"
                              " WHERE s.external_reference = 'PART-UI-1'", NULL), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A session of @n_slots days from 4 January 2027, long to check */
static GFile *
write_long_csv (const char *name,
                const char *reference,
                const char *training_code,
                guint       n_slots)
{
  g_autoptr(GString) text = g_string_new ("reference;formation;libelle;type;sequence;date;debut;"
                                          "fin;pause_minutes;lieu;salle;formateurs\n");
  GDate date;

  g_date_set_dmy (&date, 4, G_DATE_JANUARY, 2027);
  for (guint i = 0; i < n_slots; i++, g_date_add_days (&date, 1))
    g_string_append_printf (text, "%s;%s;Partenaire — long;inter;Jour %u;%02u/%02u/%04u;"
                            "09:00;17:00;60;;;\n",
                            reference, training_code, i + 1, g_date_get_day (&date),
                            g_date_get_month (&date), g_date_get_year (&date));

  return write_csv (name, text->str);
}

/* Another file chosen during a check: only the last one is shown */
static void
test_import_dialog_other_file (void)
{
  GtkWidget *dialog = fd_session_import_dialog_new (NULL, ui_test_get_database ());
  FdSessionImportDialog *self = FD_SESSION_IMPORT_DIALOG (dialog);
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/partner.csv");
  g_autofree char *text = import_csv_text ("PART-UI-3", training->code);
  g_autoptr(GFile) good = write_csv ("other.csv", text);
  g_autoptr(GFile) longer = write_long_csv ("long.csv", "PART-UI-5", training->code, 700);
  GtkListBox *list = child (dialog, FD_TYPE_SESSION_IMPORT_DIALOG, "preview_list");

  gtk_window_present (GTK_WINDOW (dialog));
  /* the long check ends after the short one: its result must not land */
  fd_session_import_dialog_set_file (self, longer);
  fd_session_import_dialog_set_file (self, missing);
  wait_for_preview (self);
  ui_test_iterate (1500);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_false (fd_session_import_dialog_import (self));

  fd_session_import_dialog_set_file (self, missing);
  fd_session_import_dialog_set_file (self, good);
  wait_for_preview (self);
  ui_test_iterate (200);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* An in-memory database has no second connection: checked at once */
static void
test_import_dialog_in_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) database = fd_database_open (":memory:", FD_DATABASE_OPEN_CREATE, &error);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/partner.csv");
  g_autoptr(GFile) empty = write_csv ("header-only.csv",
                                      "reference;formation;libelle;type;sequence;date;debut;"
                                      "fin;pause_minutes;lieu;salle;formateurs\n");
  GtkWidget *dialog;
  FdSessionImportDialog *self;

  g_assert_no_error (error);
  dialog = fd_session_import_dialog_new (NULL, database);
  self = FD_SESSION_IMPORT_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  fd_session_import_dialog_set_file (self, missing);
  g_assert_cmpstr (fd_session_import_dialog_get_page (self), ==, "preview");
  fd_session_import_dialog_set_file (self, empty);
  g_assert_cmpstr (fd_session_import_dialog_get_page (self), ==, "preview");
  g_assert_false (fd_session_import_dialog_import (self));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Closed during a check: its result, when it comes, lands nowhere, and
 * nothing is written */
static void
test_import_dialog_closed_while_checking (void)
{
  GtkWidget *dialog = fd_session_import_dialog_new (NULL, ui_test_get_database ());
  FdSessionImportDialog *self = FD_SESSION_IMPORT_DIALOG (dialog);
  g_autoptr(FdTrainingDefaults) training = pick_training ();
  g_autofree char *text = import_csv_text ("PART-UI-4", training->code);
  g_autoptr(GFile) good = write_csv ("closed.csv", text);
  gint64 n_sessions = query_int ("SELECT count(*) FROM session", NULL);
  g_autoptr(GtkListBox) list = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  fd_session_import_dialog_set_file (self, good);
  g_assert_cmpstr (fd_session_import_dialog_get_page (self), ==, "checking");
  list = g_object_ref (child (dialog, FD_TYPE_SESSION_IMPORT_DIALOG, "preview_list"));

  /* the worker's task keeps the dialog until its result is dropped */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  UI_TEST_WAIT_UNTIL (dialog == NULL);
  g_assert_null (dialog);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  g_assert_cmpint (query_int ("SELECT count(*) FROM session", NULL), ==, n_sessions);
  g_assert_cmpint (query_int ("SELECT count(*) FROM session WHERE external_reference = 'PART-UI-4'",
                              NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/session-editor/create-and-complete", test_create_and_complete);
  g_test_add_func ("/session-editor/unsaved-asks", test_unsaved_asks);
  g_test_add_func ("/session-editor/unsaved-asks-in-view", test_unsaved_asks_in_view);
  g_test_add_func ("/session-editor/bad-input", test_bad_input);
  g_test_add_func ("/session-editor/follows-changes", test_follows_changes);
  g_test_add_func ("/session-editor/slot-conflicts", test_slot_conflicts);
  g_test_add_func ("/session-editor/emails-tab", test_emails_tab);
  g_test_add_func ("/session-editor/email-attachments", test_email_attachments);
  g_test_add_func ("/session-editor/populations", test_populations);
  g_test_add_func ("/session-editor/planner-locked-out", test_planner_locked_out);
  g_test_add_func ("/session-editor/slot-update-invitations", test_slot_update_invitations);
  g_test_add_func ("/session-editor/duplicate-dialog", test_duplicate_dialog);
  g_test_add_func ("/session-editor/import-dialog", test_import_dialog);
  g_test_add_func ("/session-editor/import-dialog/other-file", test_import_dialog_other_file);
  g_test_add_func ("/session-editor/import-dialog/in-memory", test_import_dialog_in_memory);
  g_test_add_func ("/session-editor/import-dialog/closed-while-checking",
                   test_import_dialog_closed_while_checking);

  ret = ui_test_run ();
  g_clear_pointer (&texts, g_ptr_array_unref);

  return ret;
}
