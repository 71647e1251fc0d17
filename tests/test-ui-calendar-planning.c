/* test-ui-calendar-planning.c — planning in the calendar, through the whole window
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-ui-common.h"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "fd-application.h"
#include "fd-calendar-view.h"
#include "fd-resource-view-private.h"
#include "fd-slot-create-popover.h"
#include "fd-week-view.h"
#include "fd-window.h"

/*
 * An FdWindow (so edits are undoable and refusals are toasts) on a
 * database of its own, its week known: Monday 9 to Sunday 15 November
 * 2026, Wednesday 11 being Armistice Day. Real pointer and key input goes
 * through xdotool on the test's Xvfb display. Each test puts the database
 * back as it found it (by undo), and asserts what was shown and what was
 * stored, after waiting for it.
 */

#define TODAY       "2026-11-10"
#define SST_CODE    "2026-9101"
#define XL_CODE     "2026-9102"
#define LOCKED_CODE "2026-9103"
#define NEW_CODE    "2026-9104"

static FdApplication *app;
static char *test_dir;
static FdDatabase *db;

static char *anne;
static char *bruno;
static char *chloe;
static char *sst_slot;      /* Tue 10 09:00–12:00, Anne, Salle Molière */
static char *xl_slot;       /* Tue 10 09:00–12:00, Bruno, Salle Hugo */
static char *locked_slot;   /* Thu 12 14:00–17:00, Chloé; a trainee enrolled */
static char *new_session;   /* planned for this week, no slot yet */

typedef struct
{
  FdWindow *window;
  FdCalendarView *calendar;
} Fixture;

/* The database */

static char *
create (const char *entity,
        const char *first_field,
        ...) G_GNUC_NULL_TERMINATED;

static char *
create (const char *entity,
        const char *first_field,
        ...)
{
  g_autoptr(FdChange) change = fd_change_new_create (entity);
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    fd_change_set_string (change, field, va_arg (args, const char *));
  va_end (args);

  fd_database_apply (db, change, &error);
  g_assert_no_error (error);

  return g_strdup (fd_change_get_id (change));
}

static char *
create_session (const char  *code,
                const char  *label,
                char       **sequence_id)
{
  g_autoptr(FdChange) change = fd_change_new_create ("session");
  g_autoptr(GError) error = NULL;

  fd_change_set_string (change, "code", code);
  fd_change_set_int (change, "year", 2026);
  fd_change_set_string (change, "label", label);
  if (g_str_equal (code, NEW_CODE))
    {
      fd_change_set_string (change, "planned_start_on", "2026-11-09");
      fd_change_set_string (change, "planned_end_on", "2026-11-13");
    }
  fd_database_apply (db, change, &error);
  g_assert_no_error (error);

  *sequence_id = create ("sequence", "session_id", fd_change_get_id (change),
                         "label", "Module 1", NULL);

  return g_strdup (fd_change_get_id (change));
}

static char *
create_slot (const char *session,
             const char *sequence,
             const char *start_at,
             const char *end_at,
             const char *place,
             const char *room,
             const char *trainer)
{
  char *slot = create ("slot", "session_id", session, "sequence_id", sequence,
                       "start_at", start_at, "end_at", end_at,
                       "place_id", place, "room_id", room, NULL);

  g_free (create ("slot_staff", "slot_id", slot, "trainer_id", trainer, NULL));

  return slot;
}

static void
create_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *place = NULL;
  g_autofree char *moliere = NULL;
  g_autofree char *hugo = NULL;
  g_autofree char *session = NULL;
  g_autofree char *sequence = NULL;
  g_autofree char *trainee = NULL;

  test_dir = g_dir_make_tmp ("formadesk-planning-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (test_dir, "formadesk.db", NULL);
  db = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  place = create ("place", "name", "Centre Paris Bastille", "city", "Paris",
                  "postal_code", "75011", NULL);
  moliere = create ("room", "place_id", place, "name", "Salle Molière", NULL);
  hugo = create ("room", "place_id", place, "name", "Salle Hugo", NULL);
  /* skills, so that the panel can suggest replacements */
  anne = create ("trainer", "first_name", "Anne", "last_name", "Martin",
                 "skills", "Sauveteur secouriste du travail", NULL);
  bruno = create ("trainer", "first_name", "Bruno", "last_name", "Petit",
                  "skills", "Sauveteur secouriste du travail, Excel perfectionnement", NULL);
  chloe = create ("trainer", "first_name", "Chloé", "last_name", "Roux",
                  "skills", "Sauveteur secouriste du travail, Excel perfectionnement", NULL);

  session = create_session (SST_CODE, "Sauveteur secouriste du travail", &sequence);
  sst_slot = create_slot (session, sequence, "2026-11-10T09:00", "2026-11-10T12:00",
                          place, moliere, anne);
  g_clear_pointer (&session, g_free);
  g_clear_pointer (&sequence, g_free);

  session = create_session (XL_CODE, "Excel perfectionnement", &sequence);
  xl_slot = create_slot (session, sequence, "2026-11-10T09:00", "2026-11-10T12:00",
                         place, hugo, bruno);
  g_clear_pointer (&session, g_free);
  g_clear_pointer (&sequence, g_free);

  session = create_session (LOCKED_CODE, "Habilitation électrique", &sequence);
  locked_slot = create_slot (session, sequence, "2026-11-12T14:00", "2026-11-12T17:00",
                             place, moliere, chloe);
  trainee = create ("trainee", "first_name", "Léa", "last_name", "Petit", NULL);
  g_free (create ("enrollment", "session_id", session, "trainee_id", trainee, NULL));
  g_clear_pointer (&session, g_free);
  g_clear_pointer (&sequence, g_free);

  new_session = create_session (NEW_CODE, "Anglais professionnel", &sequence);
}

static void
remove_database (void)
{
  g_clear_object (&db);
  ui_test_remove_dir (test_dir);
  g_clear_pointer (&test_dir, g_free);
  g_clear_pointer (&anne, g_free);
  g_clear_pointer (&bruno, g_free);
  g_clear_pointer (&chloe, g_free);
  g_clear_pointer (&sst_slot, g_free);
  g_clear_pointer (&xl_slot, g_free);
  g_clear_pointer (&locked_slot, g_free);
  g_clear_pointer (&new_session, g_free);
}

/* What is stored */

static FdSlot *
stored_slot (const char *id)
{
  g_autoptr(GError) error = NULL;
  FdSlot *slot = fd_database_get_slot (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (slot);

  return slot;
}

static gboolean
stored_has_trainer (const char *slot_id,
                    const char *trainer_id)
{
  g_autoptr(FdSlot) slot = stored_slot (slot_id);

  return fd_slot_has_trainer (slot, trainer_id);
}

static char *
stored_times (const char *slot_id)
{
  g_autoptr(FdSlot) slot = stored_slot (slot_id);

  return g_strconcat (fd_slot_get_start_at (slot), " ", fd_slot_get_end_at (slot), NULL);
}

static void
assert_original_state (void)
{
  g_autofree char *sst = stored_times (sst_slot);
  g_autofree char *xl = stored_times (xl_slot);
  g_autofree char *locked = stored_times (locked_slot);
  g_autoptr(GPtrArray) created = fd_database_list_session_slots (db, new_session, NULL);

  g_assert_cmpstr (sst, ==, "2026-11-10T09:00 2026-11-10T12:00");
  g_assert_cmpstr (xl, ==, "2026-11-10T09:00 2026-11-10T12:00");
  g_assert_cmpstr (locked, ==, "2026-11-12T14:00 2026-11-12T17:00");
  g_assert_true (stored_has_trainer (sst_slot, anne));
  g_assert_false (stored_has_trainer (sst_slot, bruno));
  g_assert_true (stored_has_trainer (xl_slot, bruno));
  g_assert_true (stored_has_trainer (locked_slot, chloe));
  g_assert_cmpuint (created->len, ==, 0);
}

/* The window */

static FdSlotView *
get_slot_view (Fixture *fixture)
{
  return fd_calendar_view_get_slot_view (fixture->calendar);
}

static gboolean
is_shown (Fixture    *fixture,
          const char *slot_id)
{
  GdkRectangle area;

  return fd_slot_view_get_slot_area (get_slot_view (fixture), slot_id, &area);
}

/* Shows the view @name, by its action, and waits for @slot_id in it */
static void
show_view_with (Fixture    *fixture,
                const char *name,
                const char *slot_id)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->calendar), "calendar.view", "s", name);
  g_assert_cmpstr (fd_calendar_view_get_view (fixture->calendar), ==, name);
  UI_TEST_WAIT_UNTIL (is_shown (fixture, slot_id));
  g_assert_true (is_shown (fixture, slot_id));
  ui_test_iterate (50);
}

static void
show_view (Fixture    *fixture,
           const char *name)
{
  show_view_with (fixture, name, sst_slot);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->window = fd_window_new (GTK_APPLICATION (app), db);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1260, 860);
  gtk_window_present (GTK_WINDOW (fixture->window));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "calendar");
  fixture->calendar = FD_CALENDAR_VIEW (fd_window_get_view (fixture->window, "calendar"));
  fd_calendar_view_set_today (fixture->calendar, TODAY);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->calendar)));
  show_view (fixture, "week");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_original_state ();
}

static GObject *
calendar_child (Fixture    *fixture,
                const char *name)
{
  return ui_test_child (GTK_WIDGET (fixture->calendar), name);
}

static const char *
conflicts_count (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (calendar_child (fixture, "conflicts_count_label")));
}

/* A visible label showing @text (or containing it, when @part) under @widget */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text,
            gboolean    part)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          const char *shown = gtk_label_get_text (GTK_LABEL (child));

          if (part ? strstr (shown, text) != NULL : g_str_equal (shown, text))
            return child;
        }
      if ((found = find_label (child, text, part)) != NULL)
        return found;
    }

  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* xdotool */
static gulong
get_xid (Fixture *fixture)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

  return (gulong) gdk_x11_surface_get_xid (surface);
}

static void
focus_window (Fixture *fixture)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %lu", get_xid (fixture));

  ui_test_xdotool (args);
}

/* Moves the pointer to (x, y) of the view shown */
static void
pointer_to (Fixture *fixture,
            double   x,
            double   y)
{
  GtkWidget *view = GTK_WIDGET (get_slot_view (fixture));
  GtkNative *native = gtk_widget_get_native (view);
  g_autofree char *args = NULL;
  graphene_point_t point;
  double sx, sy;

  g_assert_true (gtk_widget_compute_point (view, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  args = g_strdup_printf ("mousemove --window %lu %d %d", get_xid (fixture),
                          (int) (point.x + sx), (int) (point.y + sy));
  ui_test_xdotool (args);
}

/* Presses on (x1, y1) and moves in steps to (x2, y2), the button held */
static void
drag_to (Fixture *fixture,
         double   x1,
         double   y1,
         double   x2,
         double   y2)
{
  pointer_to (fixture, x1, y1);
  ui_test_xdotool ("mousedown 1");
  for (guint i = 1; i <= 6; i++)
    pointer_to (fixture, x1 + (x2 - x1) * i / 6, y1 + (y2 - y1) * i / 6);
}

static void
get_slot_centre (Fixture    *fixture,
                 const char *slot_id,
                 double     *x,
                 double     *y)
{
  GdkRectangle area;

  g_assert_true (fd_slot_view_get_slot_area (get_slot_view (fixture), slot_id, &area));
  *x = area.x + area.width / 2.0;
  *y = area.y + area.height / 2.0;
}

/* Where @minutes of day @day (0 = Monday) is in the week view */
static void
get_week_point (Fixture *fixture,
                guint    day,
                int      minutes,
                double  *x,
                double  *y)
{
  FdWeekView *view = FD_WEEK_VIEW (get_slot_view (fixture));
  GdkRectangle area;

  g_assert_true (fd_week_view_get_day_area (view, day, &area));
  *x = area.x + area.width / 2.0;
  *y = area.y + minutes / 60.0 * fd_week_view_get_hour_height (view);
}

static GtkLabel *
get_week_message (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (get_slot_view (fixture)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "move-message"))
      return GTK_LABEL (child);

  g_assert_not_reached ();
}

static void
undo (Fixture *fixture)
{
  focus_window (fixture);
  ui_test_xdotool ("key ctrl+z");
}

/* Tests */

static GtkToggleButton *
get_switcher_button (Fixture    *fixture,
                     const char *label)
{
  GtkWidget *switcher = GTK_WIDGET (calendar_child (fixture, "view_switcher"));

  for (GtkWidget *child = gtk_widget_get_first_child (switcher);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child) &&
        g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
      return GTK_TOGGLE_BUTTON (child);

  g_assert_not_reached ();
}

static const char *
get_title (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (calendar_child (fixture, "title_label")));
}

/* Views by their actions and their buttons, pages by the arrows' actions */
static void
test_switch_views_and_pages (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkStack *stack = GTK_STACK (calendar_child (fixture, "view_stack"));
  g_autofree char *week_title = NULL;
  g_autofree char *start = NULL;

  /* the week of the 10th, by the action */
  g_assert_true (FD_IS_WEEK_VIEW (get_slot_view (fixture)));
  g_assert_cmpuint (fd_week_view_get_n_days (FD_WEEK_VIEW (get_slot_view (fixture))), ==, 7);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "week");
  g_assert_true (gtk_toggle_button_get_active (get_switcher_button (fixture, "Week")));
  g_assert_true (is_shown (fixture, xl_slot));
  g_assert_true (is_shown (fixture, locked_slot));
  week_title = g_strdup (get_title (fixture));
  g_assert_nonnull (strstr (week_title, "9"));
  start = g_date_time_format (fd_calendar_view_get_date (fixture->calendar), "%F");
  g_assert_cmpstr (start, ==, "2026-11-09");

  /* the day, by its button: Tuesday the 10th shows its two slots, not
   * Thursday's */
  g_signal_emit_by_name (get_switcher_button (fixture, "Day"), "clicked");
  g_assert_cmpstr (fd_calendar_view_get_view (fixture->calendar), ==, "day");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "day");
  g_assert_false (gtk_toggle_button_get_active (get_switcher_button (fixture, "Week")));
  UI_TEST_WAIT_UNTIL (is_shown (fixture, sst_slot));
  g_assert_true (is_shown (fixture, xl_slot));
  g_assert_false (is_shown (fixture, locked_slot));

  /* the next day, by the action: Wednesday, nothing */
  gtk_widget_activate_action (GTK_WIDGET (fixture->calendar), "calendar.next", NULL);
  UI_TEST_WAIT_UNTIL (!is_shown (fixture, sst_slot));
  g_clear_pointer (&start, g_free);
  start = g_date_time_format (fd_calendar_view_get_date (fixture->calendar), "%F");
  g_assert_cmpstr (start, ==, "2026-11-11");
  g_assert_false (is_shown (fixture, sst_slot));
  g_assert_nonnull (strstr (get_title (fixture), "11"));

  /* the trainers' week, by its button; then the week after and back */
  g_signal_emit_by_name (get_switcher_button (fixture, "Trainers"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "trainers");
  g_assert_true (FD_IS_RESOURCE_VIEW (get_slot_view (fixture)));
  UI_TEST_WAIT_UNTIL (is_shown (fixture, locked_slot));
  g_assert_true (is_shown (fixture, sst_slot));
  g_assert_cmpuint (fd_resource_view_get_n_lanes (FD_RESOURCE_VIEW (get_slot_view (fixture))), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (fixture->calendar), "calendar.next", NULL);
  UI_TEST_WAIT_UNTIL (!is_shown (fixture, sst_slot));
  g_assert_false (is_shown (fixture, locked_slot));
  g_clear_pointer (&start, g_free);
  start = g_date_time_format (fd_calendar_view_get_date (fixture->calendar), "%F");
  g_assert_cmpstr (start, ==, "2026-11-16");
  gtk_widget_activate_action (GTK_WIDGET (fixture->calendar), "calendar.previous", NULL);
  UI_TEST_WAIT_UNTIL (is_shown (fixture, sst_slot));
  g_assert_true (is_shown (fixture, locked_slot));

  /* the rooms, then the month, by the action; Today comes back */
  show_view (fixture, "rooms");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "rooms");
  g_assert_true (gtk_toggle_button_get_active (get_switcher_button (fixture, "Rooms")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->calendar), "calendar.view", "s", "month");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "month");
  gtk_widget_activate_action (GTK_WIDGET (fixture->calendar), "calendar.next", NULL);
  UI_TEST_WAIT_UNTIL (!is_shown (fixture, sst_slot));
  gtk_widget_activate_action (GTK_WIDGET (fixture->calendar), "calendar.today", NULL);
  UI_TEST_WAIT_UNTIL (is_shown (fixture, sst_slot));
  g_assert_true (is_shown (fixture, sst_slot));
  g_clear_pointer (&start, g_free);
  start = g_date_time_format (fd_calendar_view_get_date (fixture->calendar), "%F");
  g_assert_cmpstr (start, ==, "2026-11-01");

  /* unknown names change nothing */
  fd_calendar_view_set_view (fixture->calendar, "year");
  g_assert_cmpstr (fd_calendar_view_get_view (fixture->calendar), ==, "month");
}

/* The trainer dropdown of the Filters popover: only that trainer's slots */
static void
test_filter_by_trainer (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (calendar_child (fixture, "filters_button"));
  GtkGrid *grid = GTK_GRID (calendar_child (fixture, "filters_grid"));
  GtkDropDown *trainers;
  GListModel *model;
  guint bruno_row = GTK_INVALID_LIST_POSITION;

  gtk_menu_button_popup (button);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (grid)));
  trainers = GTK_DROP_DOWN (gtk_grid_get_child_at (grid, 1, 2));
  g_assert_true (GTK_IS_DROP_DOWN (trainers));
  model = gtk_drop_down_get_model (trainers);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Bruno") != NULL)
      bruno_row = i;
  g_assert_cmpuint (bruno_row, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (trainers, bruno_row);
  UI_TEST_WAIT_UNTIL (!is_shown (fixture, sst_slot) && is_shown (fixture, xl_slot));
  g_assert_false (is_shown (fixture, sst_slot));
  g_assert_false (is_shown (fixture, locked_slot));
  g_assert_true (is_shown (fixture, xl_slot));
  g_assert_cmpstr (gtk_menu_button_get_label (button), !=, "Filters");

  /* kept per view: the day view shows everyone's */
  show_view (fixture, "day");
  g_assert_true (is_shown (fixture, xl_slot));
  show_view_with (fixture, "week", xl_slot);
  g_assert_false (is_shown (fixture, sst_slot));

  /* any trainer again */
  gtk_menu_button_popup (button);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (grid)));
  gtk_drop_down_set_selected (trainers, 0);
  UI_TEST_WAIT_UNTIL (is_shown (fixture, sst_slot) && is_shown (fixture, locked_slot));
  g_assert_true (is_shown (fixture, locked_slot));
  g_assert_true (is_shown (fixture, xl_slot));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Filters");
  gtk_menu_button_popdown (button);
}

static GtkWidget *
find_suggestions_button (Fixture *fixture)
{
  GtkListBox *list = GTK_LIST_BOX (calendar_child (fixture, "conflicts_list"));
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, (int) i)) != NULL; i++)
    {
      GtkWidget *button = ui_test_find_first (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON);

      if (button != NULL)
        return button;
    }

  return NULL;
}

/* A real drag onto Bruno's lane, who teaches then: the conflict shows
 * while dragging, then in the toolbar and the panel, whose suggestion
 * solves it; Ctrl+Z undoes the suggestion, then the move */
static void
test_drag_conflict_suggestion_undo (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  FdResourceView *view;
  GtkListBox *list = GTK_LIST_BOX (calendar_child (fixture, "conflicts_list"));
  GtkWidget *suggestions;
  GtkPopover *popover;
  GtkWidget *choice;
  const char *message;
  double x, y, tx, ty;

  if (!ui_test_have_xdotool ())
    return;

  show_view (fixture, "trainers");
  view = FD_RESOURCE_VIEW (get_slot_view (fixture));
  g_assert_cmpstr (conflicts_count (fixture), ==, "0");

  get_slot_centre (fixture, sst_slot, &x, &y);
  g_assert_true (_fd_resource_view_get_point (view, bruno, "2026-11-10T10:30", &tx, &ty));
  drag_to (fixture, x, y, tx, ty);

  /* the conflict, in red by the ghost, before the drop */
  message = _fd_resource_view_get_message (view);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Bruno Petit"));
  g_assert_true (stored_has_trainer (sst_slot, anne));

  ui_test_xdotool ("mouseup 1");
  UI_TEST_WAIT_UNTIL (stored_has_trainer (sst_slot, bruno));
  g_assert_true (stored_has_trainer (sst_slot, bruno));
  g_assert_false (stored_has_trainer (sst_slot, anne));
  g_assert_null (_fd_resource_view_get_message (view));

  /* counted in the toolbar, listed in the panel */
  UI_TEST_WAIT_UNTIL (g_strcmp0 (conflicts_count (fixture), "0") != 0);
  g_assert_cmpstr (conflicts_count (fixture), !=, "0");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (calendar_child (fixture, "conflicts_button")),
                                TRUE);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_nonnull (find_label (GTK_WIDGET (list), "Bruno Petit", TRUE));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (calendar_child (fixture,
                                                                           "conflicts_title"))),
                            "on this page"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (calendar_child (fixture, "conflicts_title"))),
                   !=, "No conflicts on this page");

  /* a suggestion from the panel */
  suggestions = find_suggestions_button (fixture);
  g_assert_nonnull (suggestions);
  gtk_menu_button_popup (GTK_MENU_BUTTON (suggestions));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (suggestions));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  choice = ui_test_find_first (GTK_WIDGET (popover), GTK_TYPE_BUTTON);
  if (choice == NULL)
    {
      GtkWidget *label = ui_test_find_first (GTK_WIDGET (popover), GTK_TYPE_LABEL);

      g_test_message ("no suggestion: %s", label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "");
    }
  g_assert_nonnull (choice);
  g_signal_emit_by_name (choice, "clicked");

  UI_TEST_WAIT_UNTIL (g_strcmp0 (conflicts_count (fixture), "0") == 0);
  g_assert_cmpstr (conflicts_count (fixture), ==, "0");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (calendar_child (fixture, "conflicts_title"))),
                   ==, "No conflicts on this page");
  /* one of the two slots has another trainer now */
  g_assert_false (stored_has_trainer (sst_slot, bruno) && stored_has_trainer (xl_slot, bruno));

  /* Ctrl+Z: the suggestion undone, the conflict is back */
  undo (fixture);
  UI_TEST_WAIT_UNTIL (g_strcmp0 (conflicts_count (fixture), "0") != 0);
  g_assert_true (stored_has_trainer (sst_slot, bruno));
  g_assert_true (stored_has_trainer (xl_slot, bruno));

  /* Ctrl+Z again: the move undone, as stored before */
  undo (fixture);
  UI_TEST_WAIT_UNTIL (stored_has_trainer (sst_slot, anne));
  g_assert_true (stored_has_trainer (sst_slot, anne));
  g_assert_false (stored_has_trainer (sst_slot, bruno));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (conflicts_count (fixture), "0") == 0);
  g_assert_cmpstr (conflicts_count (fixture), ==, "0");
}

/* M, Shift+Down, Enter: a quarter of an hour longer */
static void
test_keyboard_resize (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *times = NULL;

  if (!ui_test_have_xdotool ())
    return;

  focus_window (fixture);
  g_assert_true (fd_slot_view_focus_slot (get_slot_view (fixture), sst_slot));
  ui_test_iterate (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (get_slot_view (fixture))));

  ui_test_xdotool ("key m shift+Down Return");
  UI_TEST_WAIT_UNTIL (g_strcmp0 ((g_free (times), times = stored_times (sst_slot)),
                                 "2026-11-10T09:00 2026-11-10T12:00") != 0);
  g_assert_cmpstr (times, ==, "2026-11-10T09:00 2026-11-10T12:15");

  /* the view shows it: the block is a quarter of an hour taller */
  {
    GdkRectangle area;

    g_assert_true (fd_slot_view_get_slot_area (get_slot_view (fixture), sst_slot, &area));
    g_assert_cmpfloat (ABS (area.height -
                            3.25 * fd_week_view_get_hour_height (FD_WEEK_VIEW (get_slot_view (fixture)))),
                       <=, 3);
  }

  undo (fixture);
  UI_TEST_WAIT_UNTIL (g_strcmp0 ((g_free (times), times = stored_times (sst_slot)),
                                 "2026-11-10T09:00 2026-11-10T12:00") == 0);
  g_assert_cmpstr (times, ==, "2026-11-10T09:00 2026-11-10T12:00");
}

/* A planner may not move the dates of a session with a trainee enrolled:
 * the reason in a toast, nothing stored */
static void
test_planner_refused (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(FdUser) planner = fd_user_new ("planner", NULL, "Paule Planner", FD_ROLE_PLANNER,
                                           NULL, NULL, TRUE);
  g_autoptr(FdSlot) slot = stored_slot (locked_slot);
  g_autofree char *reason = NULL;
  g_autofree char *times = NULL;

  if (!ui_test_have_xdotool ())
    return;

  fd_window_set_user (fixture->window, planner);
  reason = fd_roles_explain_session_lock (db, planner, fd_slot_get_session_id (slot));
  g_assert_nonnull (reason);
  g_assert_null (find_label (GTK_WIDGET (fixture->window), reason, FALSE));

  /* a day later, by the keyboard */
  focus_window (fixture);
  g_assert_true (fd_slot_view_focus_slot (get_slot_view (fixture), locked_slot));
  ui_test_iterate (50);
  ui_test_xdotool ("key m Right");
  g_assert_cmpstr (gtk_label_get_text (get_week_message (fixture)), ==, reason);
  ui_test_xdotool ("key Return");
  UI_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (fixture->window), reason, FALSE) != NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window), reason, FALSE));
  ui_test_iterate (100);
  times = stored_times (locked_slot);
  g_assert_cmpstr (times, ==, "2026-11-12T14:00 2026-11-12T17:00");
  g_assert_null (find_dialog ());

  /* by a drag too */
  {
    double x, y, tx, ty;

    get_slot_centre (fixture, locked_slot, &x, &y);
    get_week_point (fixture, 4, 15 * 60 + 30, &tx, &ty);
    drag_to (fixture, x, y, tx, ty);
    g_assert_cmpstr (gtk_label_get_text (get_week_message (fixture)), ==, reason);
    ui_test_xdotool ("mouseup 1");
    ui_test_iterate (200);
    g_clear_pointer (&times, g_free);
    times = stored_times (locked_slot);
    g_assert_cmpstr (times, ==, "2026-11-12T14:00 2026-11-12T17:00");
  }

  fd_window_set_user (fixture->window, NULL);
}

/* Escape during a drag leaves everything; a drop on Armistice Day asks,
 * and Cancel leaves everything too */
static void
test_escape_and_holiday (Fixture       *fixture,
                         gconstpointer  user_data)
{
  AdwMessageDialog *dialog;
  g_autofree char *times = NULL;
  double x, y, tx, ty;

  if (!ui_test_have_xdotool ())
    return;

  focus_window (fixture);
  get_slot_centre (fixture, sst_slot, &x, &y);
  get_week_point (fixture, 3, 10 * 60 + 30, &tx, &ty);
  drag_to (fixture, x, y, tx, ty);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (get_week_message (fixture))) ||
                 gtk_label_get_text (get_week_message (fixture))[0] == '\0');
  ui_test_xdotool ("key Escape");
  ui_test_xdotool ("mouseup 1");
  ui_test_iterate (200);
  times = stored_times (sst_slot);
  g_assert_cmpstr (times, ==, "2026-11-10T09:00 2026-11-10T12:00");
  g_assert_null (find_dialog ());
  g_assert_true (fd_history_get_can_undo (fd_window_get_history (fixture->window)) == FALSE);

  /* Wednesday the 11th is a public holiday: the drop asks first */
  get_slot_centre (fixture, sst_slot, &x, &y);
  get_week_point (fixture, 2, 10 * 60 + 30, &tx, &ty);
  drag_to (fixture, x, y, tx, ty);
  ui_test_xdotool ("mouseup 1");
  UI_TEST_WAIT_UNTIL (find_dialog () != NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "public holiday"));
  g_clear_pointer (&times, g_free);
  times = stored_times (sst_slot);
  g_assert_cmpstr (times, ==, "2026-11-10T09:00 2026-11-10T12:00");

  adw_message_dialog_response (dialog, "cancel");
  UI_TEST_WAIT_UNTIL (find_dialog () == NULL);
  ui_test_iterate (100);
  g_clear_pointer (&times, g_free);
  times = stored_times (sst_slot);
  g_assert_cmpstr (times, ==, "2026-11-10T09:00 2026-11-10T12:00");
  g_assert_true (is_shown (fixture, sst_slot));
}

static GtkListBox *
get_sessions_list (FdSlotCreatePopover *popover)
{
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (popover),
                                                 FD_TYPE_SLOT_CREATE_POPOVER, "sessions_list");

  g_assert_true (GTK_IS_LIST_BOX (list));

  return GTK_LIST_BOX (list);
}

static GObject *
popover_child (FdSlotCreatePopover *popover,
               const char          *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (popover),
                                                  FD_TYPE_SLOT_CREATE_POPOVER, name);

  g_assert_nonnull (child);

  return child;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;

  return n;
}

static guint
count_created (void)
{
  g_autoptr(GPtrArray) slots = fd_database_list_session_slots (db, new_session, NULL);

  return slots != NULL ? slots->len : 0;
}

/* A range drag-selected on Thursday morning, a session chosen in the
 * popover, Plan: stored and shown; Ctrl+Z takes it away */
static void
test_create_slot (Fixture       *fixture,
                  gconstpointer  user_data)
{
  FdSlotCreatePopover *popover = NULL;
  g_autoptr(GPtrArray) created = NULL;
  GtkListBox *list;
  GtkListBoxRow *row;
  double x1, y1, x2, y2;

  if (!ui_test_have_xdotool ())
    return;

  focus_window (fixture);
  get_week_point (fixture, 3, 9 * 60 + 5, &x1, &y1);
  get_week_point (fixture, 3, 11 * 60, &x2, &y2);
  drag_to (fixture, x1, y1, x2, y2);
  ui_test_xdotool ("mouseup 1");

  popover = FD_SLOT_CREATE_POPOVER (ui_test_find_first (GTK_WIDGET (fixture->calendar),
                                                        FD_TYPE_SLOT_CREATE_POPOVER));
  UI_TEST_WAIT_UNTIL (popover != NULL ||
                      (popover = FD_SLOT_CREATE_POPOVER (
                         ui_test_find_first (GTK_WIDGET (fixture->calendar),
                                             FD_TYPE_SLOT_CREATE_POPOVER))) != NULL);
  g_assert_nonnull (popover);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpstr (fd_slot_draft_get_start_at (fd_slot_create_popover_get_draft (popover)), ==,
                   "2026-11-12T09:00");
  g_assert_cmpstr (fd_slot_draft_get_end_at (fd_slot_create_popover_get_draft (popover)), ==,
                   "2026-11-12T11:00");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (popover_child (popover, "when_label"))),
                            "09:00"));

  /* the four sessions, the one planned this week among the first */
  list = get_sessions_list (popover);
  g_assert_cmpuint (count_rows (list), ==, 4);
  g_assert_nonnull (gtk_list_box_get_selected_row (list));

  /* searched by code */
  gtk_editable_set_text (GTK_EDITABLE (popover_child (popover, "search_entry")), NEW_CODE);
  UI_TEST_WAIT_UNTIL (count_rows (list) == 1);
  g_assert_cmpuint (count_rows (list), ==, 1);
  row = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (row);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Anglais professionnel", FALSE));
  g_assert_cmpstr (fd_slot_draft_get_session_id (fd_slot_create_popover_get_draft (popover)), ==,
                   new_session);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (popover_child (popover, "check_label"))), ==,
                   "No conflict.");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (popover_child (popover, "plan_button"))));
  g_assert_cmpuint (count_created (), ==, 0);

  /* a search that matches nothing */
  gtk_editable_set_text (GTK_EDITABLE (popover_child (popover, "search_entry")), "zzzz");
  UI_TEST_WAIT_UNTIL (count_rows (list) == 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (popover_child (popover, "plan_button"))));
  gtk_editable_set_text (GTK_EDITABLE (popover_child (popover, "search_entry")), "anglais");
  UI_TEST_WAIT_UNTIL (count_rows (list) == 1);
  g_assert_cmpstr (fd_slot_draft_get_session_id (fd_slot_create_popover_get_draft (popover)), ==,
                   new_session);

  /* Plan */
  g_signal_emit_by_name (popover_child (popover, "plan_button"), "clicked");
  UI_TEST_WAIT_UNTIL (count_created () == 1);
  created = fd_database_list_session_slots (db, new_session, NULL);
  g_assert_cmpuint (created->len, ==, 1);
  g_assert_cmpstr (fd_slot_get_start_at (g_ptr_array_index (created, 0)), ==, "2026-11-12T09:00");
  g_assert_cmpstr (fd_slot_get_end_at (g_ptr_array_index (created, 0)), ==, "2026-11-12T11:00");
  UI_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  UI_TEST_WAIT_UNTIL (is_shown (fixture, fd_record_get_id (g_ptr_array_index (created, 0))));
  g_assert_true (is_shown (fixture, fd_record_get_id (g_ptr_array_index (created, 0))));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window), "Slot planned", TRUE));

  /* undone */
  undo (fixture);
  UI_TEST_WAIT_UNTIL (count_created () == 0);
  g_assert_cmpuint (count_created (), ==, 0);
  UI_TEST_WAIT_UNTIL (!is_shown (fixture, fd_record_get_id (g_ptr_array_index (created, 0))));
  g_assert_false (is_shown (fixture, fd_record_get_id (g_ptr_array_index (created, 0))));
}

/* On a trainer's lane the new slot is that trainer's; the trainer already
 * teaching then shows as the conflict before Plan */
static void
test_create_on_trainer_lane (Fixture       *fixture,
                             gconstpointer  user_data)
{
  FdSlotCreatePopover *popover;
  g_autoptr(GPtrArray) created = NULL;
  FdResourceView *view;
  GtkLabel *check;
  double x1, y1, x2, y2;

  if (!ui_test_have_xdotool ())
    return;

  show_view (fixture, "trainers");
  view = FD_RESOURCE_VIEW (get_slot_view (fixture));
  focus_window (fixture);
  /* Thursday morning, free on Bruno's lane */
  g_assert_true (_fd_resource_view_get_point (view, bruno, "2026-11-12T10:00", &x1, &y1));
  g_assert_true (_fd_resource_view_get_point (view, bruno, "2026-11-12T12:00", &x2, &y2));
  drag_to (fixture, x1 + 1, y1, x2, y2);
  ui_test_xdotool ("mouseup 1");

  popover = NULL;
  UI_TEST_WAIT_UNTIL ((popover = FD_SLOT_CREATE_POPOVER (
                         ui_test_find_first (GTK_WIDGET (fixture->calendar),
                                             FD_TYPE_SLOT_CREATE_POPOVER))) != NULL &&
                      gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_nonnull (popover);
  g_assert_cmpstr (fd_slot_draft_get_trainer_id (fd_slot_create_popover_get_draft (popover)), ==,
                   bruno);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (popover_child (popover, "where_label"))),
                            "Bruno"));
  check = GTK_LABEL (popover_child (popover, "check_label"));
  g_assert_cmpstr (gtk_label_get_text (check), ==, "No conflict.");

  gtk_editable_set_text (GTK_EDITABLE (popover_child (popover, "search_entry")), NEW_CODE);
  UI_TEST_WAIT_UNTIL (count_rows (get_sessions_list (popover)) == 1);
  g_signal_emit_by_name (popover_child (popover, "plan_button"), "clicked");
  UI_TEST_WAIT_UNTIL (count_created () == 1);
  created = fd_database_list_session_slots (db, new_session, NULL);
  g_assert_cmpuint (created->len, ==, 1);
  g_assert_true (stored_has_trainer (fd_record_get_id (g_ptr_array_index (created, 0)), bruno));

  undo (fixture);
  UI_TEST_WAIT_UNTIL (count_created () == 0);
  g_assert_cmpuint (count_created (), ==, 0);
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
  create_database ();

#define ADD(path, func) \
  g_test_add ("/ui/calendar-planning/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("switch-views-and-pages", test_switch_views_and_pages);
  ADD ("filter-by-trainer", test_filter_by_trainer);
  ADD ("drag-conflict-suggestion-undo", test_drag_conflict_suggestion_undo);
  ADD ("keyboard-resize", test_keyboard_resize);
  ADD ("planner-refused", test_planner_refused);
  ADD ("escape-and-holiday", test_escape_and_holiday);
  ADD ("create-slot", test_create_slot);
  ADD ("create-on-trainer-lane", test_create_on_trainer_lane);

  ret = g_test_run ();

  remove_database ();
  g_clear_object (&app);

  return ret;
}
