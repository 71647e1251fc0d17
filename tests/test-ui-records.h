/* test-ui-records.h — what the tests of the sessions, trainers and
 * candidates views share (header only)
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "test-ui-common.h"

#include "fd-details.h"
#include "fd-record-row.h"
#include "fd-record-view.h"

/* What a test binary tells the shared tests about its view */
typedef struct
{
  FdRecordKind  kind;
  const char   *noun;      /* "session", as the messages say it */
  const char   *nouns;     /* "sessions" */
  guint         more_than; /* the small demo has more records than this */
} ViewInfo;

typedef struct
{
  const ViewInfo *info;
  GtkWindow      *window;
  GtkWidget      *view;
  GListModel     *selection;
} Fixture;

/* Adds a test of the view described by @info (a const ViewInfo *). */
#define VIEW_TEST_ADD(path, info, func) \
  g_test_add (path, Fixture, info, view_fixture_set_up, func, view_fixture_tear_down)

static inline void
view_fixture_set_up (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture->info = data;
  fixture->view = fd_record_view_new (ui_test_get_database (), fixture->info->kind);
  fixture->window = ui_test_show (fixture->view);
  fixture->selection = G_LIST_MODEL (ui_test_child (fixture->view, "selection"));
}

static inline void
view_fixture_tear_down (Fixture       *fixture,
                        gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  ui_test_iterate (10);
}

/* The same query as the view's, made independently. */
static inline FdRecordList *
view_new_reference_list (Fixture    *fixture,
                         const char *search)
{
  FdRecordList *list = fd_record_list_new (ui_test_get_database (), fixture->info->kind);

  fd_record_list_set_search (list, search);

  return list;
}

/* The first row the list shows, once shown */
static inline FdRecordRow *
view_get_first_row (Fixture *fixture)
{
  GtkWidget *list_view = GTK_WIDGET (ui_test_child (fixture->view, "list_view"));
  GtkWidget *row;

  UI_TEST_WAIT_UNTIL (ui_test_find_first (list_view, FD_TYPE_RECORD_ROW) != NULL);
  row = ui_test_find_first (list_view, FD_TYPE_RECORD_ROW);
  g_assert_nonnull (row);

  return FD_RECORD_ROW (row);
}

/* Types @search and waits until the view lists as many records as the
 * same query made independently, which it returns. */
static inline FdRecordList *
view_search (Fixture    *fixture,
             const char *search)
{
  FdRecordList *reference = view_new_reference_list (fixture, search);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (reference));

  g_assert_cmpuint (n, >=, 1);

  ui_test_search (fixture->view, search);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == n);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, n);

  return reference;
}

/* Waits until the details pane shows a record. */
static inline void
view_wait_for_details (Fixture *fixture)
{
  GtkStack *details_stack = GTK_STACK (ui_test_child (fixture->view, "details_stack"));

  UI_TEST_WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (details_stack), "details") == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "details");
}

static inline void
view_test_count (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FdRecordList) reference = view_new_reference_list (fixture, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (reference));
  g_autofree char *number = fd_details_format_count (n);
  g_autofree char *expected = g_strconcat (number, " ", fixture->info->nouns, NULL);

  g_assert_cmpuint (n, >, fixture->info->more_than);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, n);
  g_assert_cmpstr (ui_test_label (fixture->view, "count_label"), ==, expected);
}

static inline void
view_test_no_result (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *description = g_strconcat ("No ", fixture->info->noun,
                                              " matches “zzqxw”", NULL);
  g_autofree char *count = g_strconcat ("0 ", fixture->info->nouns, NULL);
  GtkStack *list_stack;
  AdwStatusPage *page;

  list_stack = GTK_STACK (ui_test_child (fixture->view, "list_stack"));
  page = ADW_STATUS_PAGE (ui_test_child (fixture->view, "no_results_page"));

  ui_test_search (fixture->view, "zzqxw");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, 0);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_description (page), ==, description);
  g_assert_cmpstr (ui_test_label (fixture->view, "count_label"), ==, count);

  /* Clearing the search brings every record back */
  ui_test_search (fixture->view, "");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) > 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
}

/* In French, the no-results page says so in French. */
static inline void
view_check_french_no_result (Fixture *fixture)
{
  g_autofree char *msgid = g_strconcat ("No ", fixture->info->noun, " matches “%s”", NULL);
  g_autofree char *english = g_strconcat ("No ", fixture->info->noun, " matches “zzqxw”", NULL);
  AdwStatusPage *page;

  if (!ui_test_use_french (msgid))
    {
      ui_test_use_english ();
      g_test_skip ("no French catalogue");
      return;
    }

  page = ADW_STATUS_PAGE (ui_test_child (fixture->view, "no_results_page"));
  ui_test_search (fixture->view, "zzqxw");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == 0);

  g_assert_cmpstr (adw_status_page_get_description (page), !=, english);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "zzqxw"));

  ui_test_use_english ();
}

static inline void
view_test_french_no_result (Fixture       *fixture,
                            gconstpointer  data)
{
  if (ui_test_in_french_subprocess ())
    view_check_french_no_result (fixture);
}
