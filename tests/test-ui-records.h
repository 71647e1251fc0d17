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

/* Marks the record rows the list view holds, shown or not, or checks that
 * they are all marked; returns how many there are. A widget built again
 * may be at the same address, but not marked. */
static inline guint
view_mark_rows (Fixture  *fixture,
                gboolean  check)
{
  GtkWidget *list_view = GTK_WIDGET (ui_test_child (fixture->view, "list_view"));
  guint n = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (!FD_IS_RECORD_ROW (row))
        continue;

      if (check)
        g_assert_nonnull (g_object_get_data (G_OBJECT (row), "fd-test-mark"));
      else
        g_object_set_data (G_OBJECT (row), "fd-test-mark", GINT_TO_POINTER (1));
      n++;
    }

  return n;
}

/* A search rebinds the rows the list view built; it does not build new
 * ones (see FdRecordPane). GTK 4.8 keeps 200 rows and a few, or one per
 * record when there are fewer: only a view with more records than that
 * before and after the search can keep them all (the candidates of the
 * small demo). */
static inline void
view_test_search_keeps_rows (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(FdRecordList) reference = NULL;
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) shown = NULL;

  view_get_first_row (fixture);
  g_assert_cmpuint (view_mark_rows (fixture, FALSE), >, 0);

  /* at once, without the search entry's delay */
  reference = view_new_reference_list (fixture, "e");
  fd_record_pane_search (fd_record_view_get_pane (FD_RECORD_VIEW (fixture->view)), "e");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (reference)));
  ui_test_iterate (50);
  g_assert_cmpuint (view_mark_rows (fixture, TRUE), >, 0);

  /* and they show the results, from the first */
  first = g_list_model_get_item (G_LIST_MODEL (reference), 0);
  shown = g_list_model_get_item (fixture->selection, 0);
  g_assert_cmpstr (fd_record_get_id (FD_RECORD (shown)), ==, fd_record_get_id (FD_RECORD (first)));
  g_assert_nonnull (g_object_get_data (G_OBJECT (view_get_first_row (fixture)), "fd-test-mark"));
}

/* Sends @keyval to the search entry as the keyboard would; returns
 * whether the pane handled it. */
static inline gboolean
view_press_in_search (Fixture *fixture,
                      guint    keyval)
{
  GtkWidget *entry = GTK_WIDGET (ui_test_child (fixture->view, "search_entry"));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "results-keys") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
}

/* After a search, Tab and Down in the search go to the first result, not
 * to the row that had the focus before (a search may move it anywhere). */
static inline void
view_test_keyboard_to_results (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *list_view = GTK_WIDGET (ui_test_child (fixture->view, "list_view"));
  GtkWidget *entry = GTK_WIDGET (ui_test_child (fixture->view, "search_entry"));
  g_autoptr(FdRecordList) reference = NULL;
  g_autoptr(GObject) first = NULL;
  GtkWidget *row = NULL;
  GtkWidget *focus;
  guint i = 0;

  /* A row down the list had the focus */
  view_get_first_row (fixture);
  for (row = gtk_widget_get_first_child (list_view); row != NULL && i < 5; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));

  gtk_widget_grab_focus (entry);
  reference = view_new_reference_list (fixture, "e");
  fd_record_pane_search (fd_record_view_get_pane (FD_RECORD_VIEW (fixture->view)), "e");
  ui_test_iterate (50);
  first = g_list_model_get_item (G_LIST_MODEL (reference), 0);

  /* other keys are the entry's */
  g_assert_false (view_press_in_search (fixture, GDK_KEY_a));

  g_assert_true (view_press_in_search (fixture, GDK_KEY_Tab));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, list_view));
  row = ui_test_find_first (gtk_widget_get_focus_child (list_view), FD_TYPE_RECORD_ROW);
  g_assert_nonnull (row);
  g_assert_true (FD_RECORD_ROW (row) == view_get_first_row (fixture));

  /* once in the list, Tab from the search is GTK's again; Down still
   * goes to the first result */
  gtk_widget_grab_focus (entry);
  g_assert_false (view_press_in_search (fixture, GDK_KEY_Tab));
  g_assert_true (view_press_in_search (fixture, GDK_KEY_Down));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), list_view));
  {
    g_autoptr(GObject) shown = g_list_model_get_item (fixture->selection, 0);

    g_assert_cmpstr (fd_record_get_id (FD_RECORD (shown)), ==, fd_record_get_id (FD_RECORD (first)));
  }
}

/* Creates a record of the view's kind named @name through the write path */
static inline void
view_create_record (Fixture    *fixture,
                    const char *name)
{
  g_autoptr(FdChange) change = NULL;
  g_autoptr(GError) error = NULL;

  switch (fixture->info->kind)
    {
    case FD_RECORD_KIND_SESSION:
      change = fd_change_new_create ("session");
      fd_change_set_int (change, "year", 2026);
      fd_change_set_string (change, "label", name);
      break;

    case FD_RECORD_KIND_TRAINER:
    case FD_RECORD_KIND_TRAINEE:
      change = fd_change_new_create (fixture->info->kind == FD_RECORD_KIND_TRAINER
                                     ? "trainer" : "trainee");
      fd_change_set_string (change, "first_name", "Zoé");
      fd_change_set_string (change, "last_name", name);
      break;

    case FD_RECORD_KIND_CLIENT:
    default:
      g_assert_not_reached ();
    }

  fd_database_apply (ui_test_get_database (), change, &error);
  g_assert_no_error (error);
}

/* Searching again for words searched before shows the records as they
 * are now, not as they were then. */
static inline void
view_test_search_sees_changes (Fixture       *fixture,
                               gconstpointer  data)
{
  ui_test_search (fixture->view, "quokka");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, 0);

  ui_test_search (fixture->view, "");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) > 0);

  view_create_record (fixture, "Quokka");

  ui_test_search (fixture->view, "Quokka ");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == 1);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, 1);
  g_assert_nonnull (strstr (fd_record_row_get_title (view_get_first_row (fixture)), "Quokka"));
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
