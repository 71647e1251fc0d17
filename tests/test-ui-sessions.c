/* test-ui-sessions.c — the Sessions view, driven as a user would
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-ui-records.h"

#include "fd-session-filters.h"
#include "fd-session-page.h"

static const ViewInfo sessions = {
  FD_RECORD_KIND_SESSION, "session", "sessions", 50,
};

static void
test_row_matches_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FdSession) first = g_list_model_get_item (fixture->selection, 0);
  g_autoptr(FdSession) stored = NULL;
  g_autoptr(GError) error = NULL;
  FdRecordRow *row;

  stored = fd_database_get_session (ui_test_get_database (),
                                    fd_record_get_id (FD_RECORD (first)), &error);
  g_assert_no_error (error);

  row = view_get_first_row (fixture);
  g_assert_cmpstr (fd_record_row_get_title (row), ==, fd_session_get_label (stored));
  g_assert_true (g_str_has_prefix (fd_record_row_get_subtitle (row),
                                   fd_session_get_code (stored)));
  g_assert_cmpstr (fd_record_row_get_end_title (row), ==,
                   fd_format_session_status (fd_session_get_status (stored)));
}

static void
test_search_and_select (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FdRecordList) all = view_new_reference_list (fixture, NULL);
  g_autoptr(FdSession) target = g_list_model_get_item (G_LIST_MODEL (all), 7);
  g_autoptr(FdRecordList) reference = NULL;
  g_autoptr(FdSession) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) enrollments = NULL;
  GtkStack *details_stack;
  GtkListBox *list;
  const char *search = fd_session_get_code (target);

  details_stack = GTK_STACK (ui_test_child (fixture->view, "details_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "empty");

  reference = view_search (fixture, search);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reference)), ==, 1);
  g_assert_cmpstr (ui_test_label (fixture->view, "count_label"), ==, "1 session");

  /* Enter in the search entry shows the first result */
  g_signal_emit_by_name (ui_test_child (fixture->view, "search_entry"), "activate");
  view_wait_for_details (fixture);

  expected = g_list_model_get_item (G_LIST_MODEL (reference), 0);
  g_assert_cmpstr (fd_session_get_code (expected), ==, search);
  g_assert_cmpstr (ui_test_label (fixture->view, "title_label"), ==,
                   fd_session_get_label (expected));
  g_assert_cmpstr (ui_test_row_value (fixture->view, "code_row"), ==, search);
  g_assert_cmpstr (ui_test_row_value (fixture->view, "training_row"), ==,
                   fd_session_get_training_title (expected));
  g_assert_cmpstr (ui_test_row_value (fixture->view, "status_row"), ==,
                   fd_format_session_status (fd_session_get_status (expected)));
  if (fd_session_get_start_date (expected) != NULL)
    {
      g_autofree char *year = g_strndup (fd_session_get_end_date (expected), 4);

      g_assert_nonnull (strstr (ui_test_row_value (fixture->view, "dates_row"), year));
    }

  slots = fd_database_list_session_slots (ui_test_get_database (),
                                          fd_record_get_id (FD_RECORD (expected)), &error);
  g_assert_no_error (error);
  {
    GObject *bin = ui_test_child (fixture->view, "details_bin");
    FdSessionPage *page = FD_SESSION_PAGE (adw_bin_get_child (ADW_BIN (bin)));
    FdSessionPlan *plan = fd_session_page_get_plan (page);
    guint n_slots = 0;

    g_assert_nonnull (plan);
    for (guint i = 0; i < plan->sequences->len; i++)
      n_slots += ((FdPlanSequence *) g_ptr_array_index (plan->sequences, i))->slots->len;
    g_assert_cmpuint (n_slots, ==, slots->len);
  }

  enrollments = fd_database_list_session_enrollments (ui_test_get_database (),
                                                      fd_record_get_id (FD_RECORD (expected)),
                                                      &error);
  g_assert_no_error (error);
  list = GTK_LIST_BOX (ui_test_child (fixture->view, "enrollments_list"));
  if (enrollments->len > 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
      FdEnrollment *enrollment = g_ptr_array_index (enrollments, 0);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       fd_enrollment_get_trainee_name (enrollment));
    }
  ui_test_assert_n_rows (list, enrollments->len);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->selection),
                                     GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "empty");
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
  all = view_new_reference_list (fixture, NULL);
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

  details_stack = GTK_STACK (ui_test_child (fixture->view, "details_stack"));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->selection), position);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details_stack), ==, "details");
  g_assert_true (has_french_month (ui_test_row_value (fixture->view, "dates_row")));

  ui_test_use_english ();
}

static void
test_french (Fixture       *fixture,
             gconstpointer  data)
{
  if (ui_test_in_french_subprocess ())
    check_french (fixture, data);
}

/* A session's dates, in English and in French, where the first of the
 * month is « 1er » */
static void
test_date_range (void)
{
  static const struct
  {
    const char *start;
    const char *end;
    const char *english;
    const char *french;
  } cases[] = {
    { "2026-03-03", NULL, "3 March 2026", "3 mars 2026" },
    { "2026-03-01", "2026-03-01", "1 March 2026", "1er mars 2026" },
    { "2026-03-01", "2026-03-07", "1–7 March 2026", "1er–7 mars 2026" },
    { "2026-03-30", "2026-04-03", "30 March – 3 April 2026", "30 mars – 3 avril 2026" },
    { "2027-11-25", "2028-02-01", "25 November 2027 – 1 February 2028",
      "25 novembre 2027 – 1er février 2028" },
  };
  /* Checked in French in a child, then in English here */
  gboolean french = ui_test_in_french_subprocess ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fd_details_format_date_range (cases[i].start, cases[i].end);

      g_assert_cmpstr (text, ==, french ? cases[i].french : cases[i].english);
    }
}

static guint
count_matching (FdRecordList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* The drafts toggle and the popover's filters narrow the list, with the
 * same rows as the core's filtered list; clearing them shows all again */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FdRecordList) reference = view_new_reference_list (fixture, NULL);
  guint all = count_matching (reference);
  GtkWidget *filters = ui_test_find_first (fixture->view, FD_TYPE_SESSION_FILTERS);
  GtkToggleButton *drafts;
  GtkButton *clear;
  GtkMenuButton *button;

  g_assert_nonnull (filters);
  drafts = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (filters, FD_TYPE_SESSION_FILTERS,
                                                             "drafts_button"));
  clear = GTK_BUTTON (gtk_widget_get_template_child (filters, FD_TYPE_SESSION_FILTERS,
                                                     "clear_button"));
  button = GTK_MENU_BUTTON (gtk_widget_get_template_child (filters, FD_TYPE_SESSION_FILTERS,
                                                           "filters_button"));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->selection), ==, all);

  fd_record_list_set_filter (reference, "status", "confirmed");
  fd_session_filters_set_status (FD_SESSION_FILTERS (filters), "confirmed");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == count_matching (reference));
  g_assert_cmpuint (count_matching (reference), <, all);
  g_assert_cmpuint (count_matching (reference), >, 0);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Filters (1)");
  for (guint i = 0; i < g_list_model_get_n_items (fixture->selection); i++)
    {
      g_autoptr(FdSession) session = g_list_model_get_item (fixture->selection, i);

      g_assert_cmpstr (fd_session_get_status (session), ==, "confirmed");
    }

  /* with the drafts toggle too: the demo publishes what it confirmed */
  fd_record_list_set_filter (reference, "draft", "");
  gtk_toggle_button_set_active (drafts, TRUE);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == count_matching (reference));

  gtk_toggle_button_set_active (drafts, FALSE);
  g_signal_emit_by_name (clear, "clicked");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (fixture->selection) == all);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Filters");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  VIEW_TEST_ADD ("/sessions/count", &sessions, view_test_count);
  VIEW_TEST_ADD ("/sessions/row-matches-database", &sessions, test_row_matches_database);
  VIEW_TEST_ADD ("/sessions/search-and-select", &sessions, test_search_and_select);
  VIEW_TEST_ADD ("/sessions/no-result", &sessions, view_test_no_result);
  VIEW_TEST_ADD ("/sessions/search-sees-changes", &sessions, view_test_search_sees_changes);
  VIEW_TEST_ADD ("/sessions/keyboard-to-results", &sessions, view_test_keyboard_to_results);
  VIEW_TEST_ADD ("/sessions/french", &sessions, test_french);
  VIEW_TEST_ADD ("/sessions/filters", &sessions, test_filters);
  g_test_add_func ("/sessions/date-range", test_date_range);

  return ui_test_run ();
}
