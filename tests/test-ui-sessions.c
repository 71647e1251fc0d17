/* test-ui-candidates.c — the Sessions view, driven as a user would
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-ui-common.h"

#include "fd-sessions-view.h"
#include "fd-details.h"
#include "fd-record-row.h"

#define VIEW_TYPE FD_TYPE_SESSIONS_VIEW

typedef struct
{
  GtkWindow  *window;
  GtkWidget  *view;
  GListModel *selection;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->view = fd_sessions_view_new (ui_test_get_database ());
  fixture->window = ui_test_show (fixture->view);
  fixture->selection = G_LIST_MODEL (gtk_widget_get_template_child (fixture->view, VIEW_TYPE,
                                                                    "selection"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  ui_test_iterate (10);
}

/* The same query as the view's, made independently. */
static FdRecordList *
new_reference_list (const char *search)
{
  FdRecordList *list = fd_record_list_new (ui_test_get_database (), FD_RECORD_KIND_SESSION);

  fd_record_list_set_search (list, search);

  return list;
}

static void
test_count (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FdRecordList) reference = new_reference_list (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (reference));
  g_autofree char *number = fd_details_format_count (n);
  g_autofree char *expected = g_strdup_printf ("%s sessions", number);

  g_assert_cmpuint (n, >, 50);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, n);
  g_assert_cmpstr (ui_test_label (fixture->view, VIEW_TYPE, "count_label"), ==, expected);
}

static void
test_row_matches_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FdSession) first = g_list_model_get_item (fixture->selection, 0);
  g_autoptr(FdSession) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list_view;
  GtkWidget *row;

  stored = fd_database_get_session (ui_test_get_database (),
                                    fd_record_get_id (FD_RECORD (first)), &error);
  g_assert_no_error (error);

  list_view = GTK_WIDGET (gtk_widget_get_template_child (fixture->view, VIEW_TYPE, "list_view"));
  UI_TEST_WAIT_UNTIL (ui_test_find_first (list_view, FD_TYPE_RECORD_ROW) != NULL);
  row = ui_test_find_first (list_view, FD_TYPE_RECORD_ROW);
  g_assert_nonnull (row);

  g_assert_cmpstr (fd_record_row_get_title (FD_RECORD_ROW (row)), ==,
                   fd_session_get_label (stored));
  g_assert_true (g_str_has_prefix (fd_record_row_get_subtitle (FD_RECORD_ROW (row)),
                                   fd_session_get_code (stored)));
  g_assert_cmpstr (fd_record_row_get_end_title (FD_RECORD_ROW (row)), ==,
                   fd_format_session_status (fd_session_get_status (stored)));
}

static void
test_search_and_select (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FdRecordList) all = new_reference_list (NULL);
  g_autoptr(FdSession) target = g_list_model_get_item (G_LIST_MODEL (all), 7);
  g_autoptr(FdRecordList) reference = NULL;
  g_autoptr(FdSession) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) enrollments = NULL;
  GtkStack *details_stack;
  GtkListBox *list;
  const char *search = fd_session_get_code (target);
  guint n;

  reference = new_reference_list (search);
  n = g_list_model_get_n_items (G_LIST_MODEL (reference));
  g_assert_cmpuint (n, ==, 1);

  details_stack = GTK_STACK (gtk_widget_get_template_child (fixture->view, VIEW_TYPE,
                                                            "details_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "empty");

  ui_test_search (fixture->view, VIEW_TYPE, search);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == n);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, n);
  g_assert_cmpstr (ui_test_label (fixture->view, VIEW_TYPE, "count_label"), ==, "1 session");

  /* Enter in the search entry shows the first result */
  g_signal_emit_by_name (gtk_widget_get_template_child (fixture->view, VIEW_TYPE, "search_entry"),
                         "activate");
  UI_TEST_WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (details_stack), "details") == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "details");

  expected = g_list_model_get_item (G_LIST_MODEL (reference), 0);
  g_assert_cmpstr (fd_session_get_code (expected), ==, search);
  g_assert_cmpstr (ui_test_label (fixture->view, VIEW_TYPE, "title_label"), ==,
                   fd_session_get_label (expected));
  g_assert_cmpstr (ui_test_row_value (fixture->view, VIEW_TYPE, "code_row"), ==, search);
  g_assert_cmpstr (ui_test_row_value (fixture->view, VIEW_TYPE, "training_row"), ==,
                   fd_session_get_training_title (expected));
  g_assert_cmpstr (ui_test_row_value (fixture->view, VIEW_TYPE, "status_row"), ==,
                   fd_format_session_status (fd_session_get_status (expected)));
  if (fd_session_get_start_date (expected) != NULL)
    {
      g_autofree char *year = g_strndup (fd_session_get_end_date (expected), 4);

      g_assert_nonnull (strstr (ui_test_row_value (fixture->view, VIEW_TYPE, "dates_row"), year));
    }

  slots = fd_database_list_session_slots (ui_test_get_database (),
                                          fd_record_get_id (FD_RECORD (expected)), &error);
  g_assert_no_error (error);
  list = GTK_LIST_BOX (ui_test_child (fixture->view, VIEW_TYPE, "slots_list"));
  if (slots->len > 0)
    g_assert_nonnull (gtk_list_box_get_row_at_index (list, slots->len - 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, slots->len));

  enrollments = fd_database_list_session_enrollments (ui_test_get_database (),
                                                      fd_record_get_id (FD_RECORD (expected)),
                                                      &error);
  g_assert_no_error (error);
  list = GTK_LIST_BOX (ui_test_child (fixture->view, VIEW_TYPE,
                                                      "enrollments_list"));
  if (enrollments->len > 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
      FdEnrollment *enrollment = g_ptr_array_index (enrollments, 0);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       fd_enrollment_get_trainee_name (enrollment));
      g_assert_nonnull (gtk_list_box_get_row_at_index (list, enrollments->len - 1));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, enrollments->len));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->selection),
                                     GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "empty");
}

static void
test_no_result (Fixture       *fixture,
                gconstpointer  data)
{
  GtkStack *list_stack;
  AdwStatusPage *page;

  list_stack = GTK_STACK (gtk_widget_get_template_child (fixture->view, VIEW_TYPE, "list_stack"));
  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (fixture->view, VIEW_TYPE,
                                                         "no_results_page"));

  ui_test_search (fixture->view, VIEW_TYPE, "zzqxw");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, 0);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_description (page), ==, "No session matches “zzqxw”");
  g_assert_cmpstr (ui_test_label (fixture->view, VIEW_TYPE, "count_label"), ==, "0 sessions");

  /* Clearing the search brings every session back */
  ui_test_search (fixture->view, VIEW_TYPE, "");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) > 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
}

static gboolean
has_french_month (const char *text)
{
  static const char *months[] = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre",
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strstr (text, months[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
check_french (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FdRecordList) all = NULL;
  GtkStack *details_stack;
  guint position = GTK_INVALID_LIST_POSITION;

  if (!ui_test_use_french ("No session matches “%s”"))
    {
      ui_test_use_english ();
      g_test_skip ("no French catalogue");
      return;
    }

  /* A dated session */
  all = new_reference_list (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(FdSession) session = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (fd_session_get_start_date (session) != NULL)
        {
          position = i;
          break;
        }
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  details_stack = GTK_STACK (gtk_widget_get_template_child (fixture->view, VIEW_TYPE,
                                                            "details_stack"));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->selection), position);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "details");
  g_assert_true (has_french_month (ui_test_row_value (fixture->view, VIEW_TYPE, "dates_row")));

  ui_test_use_english ();
}

/* GLib decides once per process whether to translate, so French is
 * checked in a child started with LANGUAGE=fr. */
static void
test_french (Fixture       *fixture,
             gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      check_french (fixture, data);
      return;
    }

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/sessions/count", Fixture, NULL,
              fixture_set_up, test_count, fixture_tear_down);
  g_test_add ("/sessions/row-matches-database", Fixture, NULL,
              fixture_set_up, test_row_matches_database, fixture_tear_down);
  g_test_add ("/sessions/search-and-select", Fixture, NULL,
              fixture_set_up, test_search_and_select, fixture_tear_down);
  g_test_add ("/sessions/no-result", Fixture, NULL,
              fixture_set_up, test_no_result, fixture_tear_down);
  g_test_add ("/sessions/french", Fixture, NULL,
              fixture_set_up, test_french, fixture_tear_down);

  ret = g_test_run ();
  ui_test_cleanup ();

  return ret;
}
