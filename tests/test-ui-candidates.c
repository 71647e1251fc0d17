/* test-ui-candidates.c — the Candidates view, driven as a user would
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-ui-common.h"

#include "fd-candidates-view.h"
#include "fd-details.h"
#include "fd-record-row.h"

#define VIEW_TYPE FD_TYPE_CANDIDATES_VIEW

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
  fixture->view = fd_candidates_view_new (ui_test_get_database ());
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
  FdRecordList *list = fd_record_list_new (ui_test_get_database (), FD_RECORD_KIND_TRAINEE);

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
  g_autofree char *expected = g_strdup_printf ("%s candidates", number);

  g_assert_cmpuint (n, >, 100);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, n);
  g_assert_cmpstr (ui_test_label (fixture->view, VIEW_TYPE, "count_label"), ==, expected);
}

static void
test_row_matches_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FdTrainee) first = g_list_model_get_item (fixture->selection, 0);
  g_autoptr(FdTrainee) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *list_view;
  GtkWidget *row;

  stored = fd_database_get_trainee (ui_test_get_database (),
                                    fd_record_get_id (FD_RECORD (first)), &error);
  g_assert_no_error (error);
  name = fd_trainee_dup_full_name (stored);

  list_view = GTK_WIDGET (gtk_widget_get_template_child (fixture->view, VIEW_TYPE, "list_view"));
  UI_TEST_WAIT_UNTIL (ui_test_find_first (list_view, FD_TYPE_RECORD_ROW) != NULL);
  row = ui_test_find_first (list_view, FD_TYPE_RECORD_ROW);
  g_assert_nonnull (row);

  g_assert_cmpstr (fd_record_row_get_title (FD_RECORD_ROW (row)), ==, name);
  g_assert_cmpstr (fd_record_row_get_subtitle (FD_RECORD_ROW (row)), ==,
                   fd_trainee_get_email (stored));
}

static void
test_search_and_select (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FdRecordList) all = new_reference_list (NULL);
  g_autoptr(FdTrainee) target = g_list_model_get_item (G_LIST_MODEL (all), 42);
  g_autoptr(FdRecordList) reference = NULL;
  g_autoptr(FdTrainee) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) enrollments = NULL;
  g_autofree char *name = NULL;
  GtkStack *details_stack;
  GtkListBox *enrollments_list;
  const char *search = fd_trainee_get_last_name (target);
  guint n;

  reference = new_reference_list (search);
  n = g_list_model_get_n_items (G_LIST_MODEL (reference));
  g_assert_cmpuint (n, >=, 1);

  details_stack = GTK_STACK (gtk_widget_get_template_child (fixture->view, VIEW_TYPE,
                                                            "details_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "empty");

  ui_test_search (fixture->view, VIEW_TYPE, search);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == n);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, n);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->selection), 0);
  UI_TEST_WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (details_stack), "details") == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "details");

  expected = g_list_model_get_item (G_LIST_MODEL (reference), 0);
  name = fd_trainee_dup_full_name (expected);
  g_assert_cmpstr (ui_test_label (fixture->view, VIEW_TYPE, "title_label"), ==, name);
  g_assert_cmpstr (ui_test_row_value (fixture->view, VIEW_TYPE, "email_row"), ==,
                   fd_trainee_get_email (expected));

  enrollments = fd_database_list_trainee_enrollments (ui_test_get_database (),
                                                      fd_record_get_id (FD_RECORD (expected)),
                                                      &error);
  g_assert_no_error (error);
  enrollments_list = GTK_LIST_BOX (ui_test_child (fixture->view, VIEW_TYPE,
                                                                  "enrollments_list"));
  if (enrollments->len > 0)
    g_assert_nonnull (gtk_list_box_get_row_at_index (enrollments_list, enrollments->len - 1));
  g_assert_null (gtk_list_box_get_row_at_index (enrollments_list, enrollments->len));

  /* Unselecting empties the details */
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
  g_assert_cmpstr (adw_status_page_get_description (page), ==, "No candidate matches “zzqxw”");
  g_assert_cmpstr (ui_test_label (fixture->view, VIEW_TYPE, "count_label"), ==, "0 candidates");

  /* Clearing the search brings every candidate back */
  ui_test_search (fixture->view, VIEW_TYPE, "");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) > 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
}

static void
check_french (Fixture       *fixture,
              gconstpointer  data)
{
  AdwStatusPage *page;

  if (!ui_test_use_french ("No candidate matches “%s”"))
    {
      ui_test_use_english ();
      g_test_skip ("no French catalogue");
      return;
    }

  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (fixture->view, VIEW_TYPE,
                                                         "no_results_page"));
  ui_test_search (fixture->view, VIEW_TYPE, "zzqxw");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == 0);

  g_assert_cmpstr (adw_status_page_get_description (page), !=, "No candidate matches “zzqxw”");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "zzqxw"));

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

  g_test_add ("/candidates/count", Fixture, NULL,
              fixture_set_up, test_count, fixture_tear_down);
  g_test_add ("/candidates/row-matches-database", Fixture, NULL,
              fixture_set_up, test_row_matches_database, fixture_tear_down);
  g_test_add ("/candidates/search-and-select", Fixture, NULL,
              fixture_set_up, test_search_and_select, fixture_tear_down);
  g_test_add ("/candidates/no-result", Fixture, NULL,
              fixture_set_up, test_no_result, fixture_tear_down);
  g_test_add ("/candidates/french", Fixture, NULL,
              fixture_set_up, test_french, fixture_tear_down);

  ret = g_test_run ();
  ui_test_cleanup ();

  return ret;
}
