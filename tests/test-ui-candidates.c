/* test-ui-candidates.c — the Candidates view, driven as a user would
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-ui-records.h"

static const ViewInfo candidates = {
  FD_RECORD_KIND_TRAINEE, "candidate", "candidates", 100,
};

static void
test_row_matches_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FdTrainee) first = g_list_model_get_item (fixture->selection, 0);
  g_autoptr(FdTrainee) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  FdRecordRow *row;

  stored = fd_database_get_trainee (ui_test_get_database (),
                                    fd_record_get_id (FD_RECORD (first)), &error);
  g_assert_no_error (error);
  name = fd_trainee_dup_full_name (stored);

  row = view_get_first_row (fixture);
  g_assert_cmpstr (fd_record_row_get_title (row), ==, name);
  g_assert_cmpstr (fd_record_row_get_subtitle (row), ==, fd_trainee_get_email (stored));
}

static void
test_search_and_select (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FdRecordList) all = view_new_reference_list (fixture, NULL);
  g_autoptr(FdTrainee) target = g_list_model_get_item (G_LIST_MODEL (all), 42);
  g_autoptr(FdRecordList) reference = NULL;
  g_autoptr(FdTrainee) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) enrollments = NULL;
  g_autofree char *name = NULL;
  GtkStack *details_stack;

  details_stack = GTK_STACK (ui_test_child (fixture->view, "details_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "empty");

  reference = view_search (fixture, fd_trainee_get_last_name (target));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->selection), 0);
  view_wait_for_details (fixture);

  expected = g_list_model_get_item (G_LIST_MODEL (reference), 0);
  name = fd_trainee_dup_full_name (expected);
  g_assert_cmpstr (ui_test_label (fixture->view, "title_label"), ==, name);
  g_assert_cmpstr (ui_test_row_value (fixture->view, "email_row"), ==,
                   fd_trainee_get_email (expected));

  enrollments = fd_database_list_trainee_enrollments (ui_test_get_database (),
                                                      fd_record_get_id (FD_RECORD (expected)),
                                                      &error);
  g_assert_no_error (error);
  ui_test_assert_n_rows (GTK_LIST_BOX (ui_test_child (fixture->view, "enrollments_list")),
                         enrollments->len);

  /* Unselecting empties the details */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->selection),
                                     GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "empty");
}

/* The list is rebuilt by a search, and no longer shows the candidate
 * chosen before it selected, but the details keep showing them. */
static void
test_search_keeps_details (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (fixture->selection);
  g_autoptr(FdTrainee) chosen = g_list_model_get_item (fixture->selection, 3);
  g_autoptr(FdTrainee) first = g_list_model_get_item (fixture->selection, 0);
  g_autofree char *chosen_name = fd_trainee_dup_full_name (chosen);
  g_autofree char *first_name = fd_trainee_dup_full_name (first);
  GtkStack *details_stack = GTK_STACK (ui_test_child (fixture->view, "details_stack"));

  gtk_single_selection_set_selected (selection, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "details");
  g_assert_cmpstr (ui_test_label (fixture->view, "title_label"), ==, chosen_name);

  ui_test_search (fixture->view, "zzqxw");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "details");
  g_assert_cmpstr (ui_test_label (fixture->view, "title_label"), ==, chosen_name);

  /* The list shows rows again once the search is cleared */
  ui_test_search (fixture->view, "");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) > 0);
  g_assert_cmpstr (fd_record_row_get_title (view_get_first_row (fixture)), ==, first_name);
  g_assert_cmpstr (ui_test_label (fixture->view, "title_label"), ==, chosen_name);

  /* Reading the records again lets go of it: it may have changed */
  fd_record_view_reload (FD_RECORD_VIEW (fixture->view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "empty");
}

/* Enter on a row the keyboard focus reached without selecting it (from
 * the search entry, with Tab or Down) shows that row */
static void
test_activate_row_shows_it (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(FdTrainee) second = g_list_model_get_item (fixture->selection, 1);
  g_autofree char *name = fd_trainee_dup_full_name (second);
  GObject *list_view = ui_test_child (fixture->view, "list_view");

  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (fixture->selection)),
                    ==, GTK_INVALID_LIST_POSITION);

  g_signal_emit_by_name (list_view, "activate", 1);

  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (fixture->selection)),
                    ==, 1);
  view_wait_for_details (fixture);
  g_assert_cmpstr (ui_test_label (fixture->view, "title_label"), ==, name);
}

/* « né le 12 mars 1985 à Lyon »: a birth place reads « à Lyon » */
static void
check_french_birth (Fixture *fixture)
{
  guint n = g_list_model_get_n_items (fixture->selection);
  g_autofree char *suffix = NULL;
  const char *value;

  for (guint i = 0; i < n && suffix == NULL; i++)
    {
      g_autoptr(FdTrainee) trainee = g_list_model_get_item (fixture->selection, i);
      const char *city = fd_trainee_get_birth_city (trainee);

      if (fd_trainee_get_birth_date (trainee) != NULL && city != NULL && *city != '\0')
        {
          suffix = g_strconcat (" à ", city, NULL);
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->selection), i);
        }
    }
  g_assert_nonnull (suffix);

  view_wait_for_details (fixture);
  value = ui_test_row_value (fixture->view, "birth_row");
  g_assert_true (g_str_has_suffix (value, suffix));
}

static void
test_french_birth (Fixture       *fixture,
                   gconstpointer  data)
{
  if (ui_test_in_french_subprocess ())
    check_french_birth (fixture);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  VIEW_TEST_ADD ("/candidates/count", &candidates, view_test_count);
  VIEW_TEST_ADD ("/candidates/row-matches-database", &candidates, test_row_matches_database);
  VIEW_TEST_ADD ("/candidates/search-and-select", &candidates, test_search_and_select);
  VIEW_TEST_ADD ("/candidates/no-result", &candidates, view_test_no_result);
  VIEW_TEST_ADD ("/candidates/search-keeps-rows", &candidates, view_test_search_keeps_rows);
  VIEW_TEST_ADD ("/candidates/search-sees-changes", &candidates, view_test_search_sees_changes);
  VIEW_TEST_ADD ("/candidates/keyboard-to-results", &candidates, view_test_keyboard_to_results);
  VIEW_TEST_ADD ("/candidates/search-keeps-details", &candidates, test_search_keeps_details);
  VIEW_TEST_ADD ("/candidates/activate-row", &candidates, test_activate_row_shows_it);
  VIEW_TEST_ADD ("/candidates/french", &candidates, view_test_french_no_result);
  VIEW_TEST_ADD ("/candidates/french-birth", &candidates, test_french_birth);

  return ui_test_run ();
}
