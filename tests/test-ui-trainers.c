/* test-ui-trainers.c — the Trainers view, driven as a user would
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-ui-records.h"

static const ViewInfo trainers = {
  FD_RECORD_KIND_TRAINER, "trainer", "trainers", 10,
};

static void
test_row_matches_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FdTrainer) first = g_list_model_get_item (fixture->selection, 0);
  g_autoptr(FdTrainer) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  FdRecordRow *row;

  stored = fd_database_get_trainer (ui_test_get_database (),
                                    fd_record_get_id (FD_RECORD (first)), &error);
  g_assert_no_error (error);
  name = fd_trainer_dup_full_name (stored);

  row = view_get_first_row (fixture);
  g_assert_cmpstr (fd_record_row_get_title (row), ==, name);
  g_assert_cmpstr (fd_record_row_get_end_title (row), ==,
                   fd_format_extranet_state (fd_trainer_get_extranet_state (stored)));
}

static void
test_search_and_select (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FdRecordList) all = view_new_reference_list (fixture, NULL);
  g_autoptr(FdTrainer) target = g_list_model_get_item (G_LIST_MODEL (all), 5);
  g_autoptr(FdRecordList) reference = NULL;
  g_autoptr(FdTrainer) expected = NULL;
  g_autofree char *name = NULL;

  reference = view_search (fixture, fd_trainer_get_last_name (target));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->selection), 0);
  view_wait_for_details (fixture);

  expected = g_list_model_get_item (G_LIST_MODEL (reference), 0);
  name = fd_trainer_dup_full_name (expected);
  g_assert_cmpstr (ui_test_label (fixture->view, "title_label"), ==, name);
  g_assert_cmpstr (ui_test_row_value (fixture->view, "email_row"), ==,
                   fd_trainer_get_email (expected));
  g_assert_cmpstr (ui_test_row_value (fixture->view, "kind_row"), ==,
                   fd_format_trainer_kind (fd_trainer_get_kind (expected)));
  g_assert_cmpstr (ui_test_row_value (fixture->view, "extranet_row"), ==,
                   fd_format_extranet_state (fd_trainer_get_extranet_state (expected)));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  VIEW_TEST_ADD ("/trainers/count", &trainers, view_test_count);
  VIEW_TEST_ADD ("/trainers/row-matches-database", &trainers, test_row_matches_database);
  VIEW_TEST_ADD ("/trainers/search-and-select", &trainers, test_search_and_select);
  VIEW_TEST_ADD ("/trainers/no-result", &trainers, view_test_no_result);
  VIEW_TEST_ADD ("/trainers/search-sees-changes", &trainers, view_test_search_sees_changes);
  VIEW_TEST_ADD ("/trainers/keyboard-to-results", &trainers, view_test_keyboard_to_results);
  VIEW_TEST_ADD ("/trainers/french", &trainers, view_test_french_no_result);

  return ui_test_run ();
}
