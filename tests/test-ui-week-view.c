/* test-ui-week-view.c — the week view, driven by a real pointer under Xvfb
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-ui-input.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <locale.h>
#include <string.h>

#include "fd-models-private.h"
#include "fd-week-view.h"

#define CONFLICT "Anne Martin teaches elsewhere then"

typedef struct
{
  GtkWidget *window;
  FdWeekView *view;
  GPtrArray *slots;
  FdSlot *tuesday;           /* 2026-03-03 09:00–12:00 */
  FdSlot *wednesday;         /* 2026-03-04 14:00–15:00 */

  guint n_moves;
  char *move_start;
  char *move_end;
  guint n_creates;
  char *create_start;
  char *create_end;
  guint n_activated;
  guint n_checks;
  char *check_start;
} Fixture;

static FdSlot *
create_slot (const char *id,
             const char *session_id,
             const char *start_at,
             const char *end_at)
{
  FdSlotRow row = {
    .id = id,
    .revision = 1,
    .session_id = session_id,
    .session_code = "2026-0042",
    .session_label = "Sauveteur secouriste du travail",
    .start_at = start_at,
    .end_at = end_at,
    .place_name = "Centre Paris Bastille",
    .room_name = "Salle Molière",
    .trainer_names = "Anne Martin",
  };

  return _fd_slot_new_from_row (&row);
}

static char *
on_check_move_cb (FdSlotView *view,
                  FdSlot     *slot,
                  const char *start_at,
                  const char *end_at,
                  const char *from_lane,
                  const char *to_lane,
                  Fixture    *fixture)
{
  fixture->n_checks++;
  g_free (fixture->check_start);
  fixture->check_start = g_strdup (start_at);

  /* Wednesday is booked */
  if (g_str_has_prefix (start_at, "2026-03-04"))
    return g_strdup (CONFLICT);

  return NULL;
}

static gboolean
on_move_slot_cb (FdSlotView *view,
                 FdSlot     *slot,
                 const char *start_at,
                 const char *end_at,
                 const char *from_lane,
                 const char *to_lane,
                 Fixture    *fixture)
{
  g_assert_true (FD_IS_SLOT (slot));
  g_assert_null (from_lane);
  g_assert_null (to_lane);

  fixture->n_moves++;
  g_free (fixture->move_start);
  g_free (fixture->move_end);
  fixture->move_start = g_strdup (start_at);
  fixture->move_end = g_strdup (end_at);

  return TRUE;
}

static void
on_create_slot_cb (FdSlotView         *view,
                   const char         *start_at,
                   const char         *end_at,
                   const char         *lane,
                   const GdkRectangle *area,
                   Fixture            *fixture)
{
  g_assert_nonnull (area);
  g_assert_cmpint (area->width, >, 0);
  g_assert_cmpint (area->height, >, 0);

  fixture->n_creates++;
  g_free (fixture->create_start);
  g_free (fixture->create_end);
  fixture->create_start = g_strdup (start_at);
  fixture->create_end = g_strdup (end_at);
}

static void
on_slot_activated_cb (FdSlotView *view,
                      FdSlot     *slot,
                      Fixture    *fixture)
{
  fixture->n_activated++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *scrolled;
  GDate date;

  fixture->tuesday = create_slot ("slot-tue", "session-a",
                                  "2026-03-03T09:00", "2026-03-03T12:00");
  fixture->wednesday = create_slot ("slot-wed", "session-b",
                                    "2026-03-04T14:00", "2026-03-04T15:00");
  fixture->slots = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->slots, g_object_ref (fixture->tuesday));
  g_ptr_array_add (fixture->slots, g_object_ref (fixture->wednesday));

  fixture->view = FD_WEEK_VIEW (fd_week_view_new (7));
  g_signal_connect (fixture->view, "check-move", G_CALLBACK (on_check_move_cb), fixture);
  g_signal_connect (fixture->view, "move-slot", G_CALLBACK (on_move_slot_cb), fixture);
  g_signal_connect (fixture->view, "create-slot", G_CALLBACK (on_create_slot_cb), fixture);
  g_signal_connect (fixture->view, "slot-activated", G_CALLBACK (on_slot_activated_cb), fixture);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_MARCH, 2026);
  fd_slot_view_set_date (FD_SLOT_VIEW (fixture->view), &date);
  fd_slot_view_set_today (FD_SLOT_VIEW (fixture->view), &date);
  fd_slot_view_set_slots (FD_SLOT_VIEW (fixture->view), fixture->slots);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->view));

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), scrolled);
  gtk_window_present (GTK_WINDOW (fixture->window));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)) &&
              gtk_widget_get_height (GTK_WIDGET (fixture->view)) > 0);
  ui_test_iterate (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer ((GtkWindow **) &fixture->window, gtk_window_destroy);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->slots, g_ptr_array_unref);
  g_clear_object (&fixture->tuesday);
  g_clear_object (&fixture->wednesday);
  g_free (fixture->move_start);
  g_free (fixture->move_end);
  g_free (fixture->create_start);
  g_free (fixture->create_end);
  g_free (fixture->check_start);
}

/* xdotool against the test's display, in the window's coordinates */

static void
xdotool (const char *first,
         ...) G_GNUC_NULL_TERMINATED;

static void
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (args, g_strdup ("xdotool"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  ui_test_iterate (30);
}

static void
move_pointer (Fixture *fixture,
              double   x,
              double   y)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (fixture->view));
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  double tx = 0, ty = 0;
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->view), GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &tx, &ty);
  sx = g_strdup_printf ("%d", (int) (point.x + tx));
  sy = g_strdup_printf ("%d", (int) (point.y + ty));

  xdotool ("mousemove", "--window", xid, sx, sy, NULL);
}

/* Drags from one point of the view to another, through a few steps */
static void
drag (Fixture  *fixture,
      double    x1,
      double    y1,
      double    x2,
      double    y2,
      gboolean  release)
{
  move_pointer (fixture, x1, y1);
  xdotool ("mousedown", "1", NULL);
  for (int i = 1; i <= 6; i++)
    move_pointer (fixture, x1 + (x2 - x1) * i / 6, y1 + (y2 - y1) * i / 6);
  if (release)
    xdotool ("mouseup", "1", NULL);
  ui_test_iterate (50);
}

static void
get_area (Fixture      *fixture,
          FdSlot       *slot,
          GdkRectangle *area)
{
  g_assert_true (fd_slot_view_get_slot_area (FD_SLOT_VIEW (fixture->view),
                                             fd_record_get_id (FD_RECORD (slot)), area));
}

static GtkLabel *
get_message_label (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "move-message"))
        return GTK_LABEL (child);
    }

  g_assert_not_reached ();
}

static gboolean
is_message_shown (Fixture *fixture)
{
  GtkWidget *label = GTK_WIDGET (get_message_label (fixture));

  return gtk_widget_get_visible (label) && gtk_widget_get_child_visible (label);
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  user_data)
{
  double hour = fd_week_view_get_hour_height (fixture->view);
  GdkRectangle area, day;

  g_assert_cmpint (fd_slot_view_get_period (FD_SLOT_VIEW (fixture->view)), ==,
                   FD_CALENDAR_PERIOD_WEEK);

  /* the block is in Tuesday's column, from 09:00 to 12:00 */
  get_area (fixture, fixture->tuesday, &area);
  g_assert_true (fd_week_view_get_day_area (fixture->view, 1, &day));
  g_assert_cmpint (area.x, >=, day.x);
  g_assert_cmpint (area.x + area.width, <=, day.x + day.width);
  g_assert_cmpfloat (ABS (area.y - (day.y + 9 * hour)), <=, 2);
  g_assert_cmpfloat (ABS (area.height - 3 * hour), <=, 3);

  /* opened on 08:00: 09:00 is an hour under the top of the hours */
  g_assert_cmpfloat (area.y, >, hour / 2);
  g_assert_cmpfloat (area.y, <, 3 * hour);

  /* an update moves the block, a removal takes it away */
  {
    g_autoptr(FdSlot) moved = create_slot ("slot-tue", "session-a",
                                           "2026-03-05T10:00", "2026-03-05T11:00");
    GdkRectangle thursday;

    fd_slot_view_update_slot (FD_SLOT_VIEW (fixture->view), moved);
    get_area (fixture, moved, &area);
    g_assert_true (fd_week_view_get_day_area (fixture->view, 3, &thursday));
    g_assert_cmpint (area.x, >=, thursday.x);
    g_assert_cmpfloat (ABS (area.height - hour), <=, 3);

    fd_slot_view_remove_slot (FD_SLOT_VIEW (fixture->view), "slot-tue");
    g_assert_false (fd_slot_view_get_slot_area (FD_SLOT_VIEW (fixture->view), "slot-tue", &area));
    fd_slot_view_remove_slot (FD_SLOT_VIEW (fixture->view), "no-such-slot");

    fd_slot_view_add_slot (FD_SLOT_VIEW (fixture->view), fixture->tuesday);
    get_area (fixture, fixture->tuesday, &area);
    g_assert_cmpint (area.x, >=, day.x);
  }
}

static void
test_click (Fixture       *fixture,
            gconstpointer  user_data)
{
  GdkRectangle area;

  get_area (fixture, fixture->tuesday, &area);
  move_pointer (fixture, area.x + area.width / 2, area.y + 20);
  xdotool ("click", "1", NULL);
  UI_TEST_WAIT_UNTIL (fixture->n_activated > 0);

  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpuint (fixture->n_moves, ==, 0);
}

static void
test_drag (Fixture       *fixture,
           gconstpointer  user_data)
{
  double hour = fd_week_view_get_hour_height (fixture->view);
  GdkRectangle area, monday, tuesday;
  double x, y;

  get_area (fixture, fixture->tuesday, &area);
  fd_week_view_get_day_area (fixture->view, 0, &monday);
  fd_week_view_get_day_area (fixture->view, 1, &tuesday);
  x = area.x + area.width / 2.0;
  y = area.y + hour;      /* grabbed at 10:00 */

  /* a day right: Wednesday is booked, the message shows beside the ghost */
  drag (fixture, x, y, x + tuesday.width, y + hour + 3, FALSE);
  UI_TEST_WAIT_UNTIL (is_message_shown (fixture));
  g_assert_true (is_message_shown (fixture));
  g_assert_cmpstr (gtk_label_get_text (get_message_label (fixture)), ==, CONFLICT);
  g_assert_cmpuint (fixture->n_checks, >, 0);
  g_assert_cmpstr (fixture->check_start, ==, "2026-03-04T10:00");

  xdotool ("mouseup", "1", NULL);
  UI_TEST_WAIT_UNTIL (fixture->n_moves > 0);

  g_assert_cmpuint (fixture->n_moves, ==, 1);
  g_assert_cmpstr (fixture->move_start, ==, "2026-03-04T10:00");
  g_assert_cmpstr (fixture->move_end, ==, "2026-03-04T13:00");
  g_assert_false (is_message_shown (fixture));
  g_assert_cmpuint (fixture->n_activated, ==, 0);

  /* back to Monday, half an hour earlier, a few pixels off: snapped */
  drag (fixture, x, y, x - monday.width, y - hour / 2 - 2, TRUE);
  UI_TEST_WAIT_UNTIL (fixture->n_moves > 1);
  g_assert_cmpuint (fixture->n_moves, ==, 2);
  g_assert_cmpstr (fixture->move_start, ==, "2026-03-02T08:30");
  g_assert_cmpstr (fixture->move_end, ==, "2026-03-02T11:30");
}

static void
test_drag_escape (Fixture       *fixture,
                  gconstpointer  user_data)
{
  double hour = fd_week_view_get_hour_height (fixture->view);
  GdkRectangle area, day;
  double x, y;

  get_area (fixture, fixture->tuesday, &area);
  fd_week_view_get_day_area (fixture->view, 1, &day);
  x = area.x + area.width / 2.0;
  y = area.y + hour;

  drag (fixture, x, y, x + day.width, y + hour, FALSE);
  UI_TEST_WAIT_UNTIL (is_message_shown (fixture));
  g_assert_true (is_message_shown (fixture));

  xdotool ("key", "Escape", NULL);
  UI_TEST_WAIT_UNTIL (!is_message_shown (fixture));
  g_assert_false (is_message_shown (fixture));
  xdotool ("mouseup", "1", NULL);
  ui_test_iterate (100);

  g_assert_cmpuint (fixture->n_moves, ==, 0);
  g_assert_cmpuint (fixture->n_activated, ==, 0);
}

static void
test_resize (Fixture       *fixture,
             gconstpointer  user_data)
{
  double hour = fd_week_view_get_hour_height (fixture->view);
  GdkRectangle area;
  double x, y;

  get_area (fixture, fixture->tuesday, &area);
  x = area.x + area.width / 2.0;
  y = area.y + area.height - 2;   /* the bottom edge */

  drag (fixture, x, y, x + 10, y + hour + 4, TRUE);
  UI_TEST_WAIT_UNTIL (fixture->n_moves > 0);

  g_assert_cmpuint (fixture->n_moves, ==, 1);
  g_assert_cmpstr (fixture->move_start, ==, "2026-03-03T09:00");
  g_assert_cmpstr (fixture->move_end, ==, "2026-03-03T13:00");

  /* never shorter than a quarter */
  drag (fixture, x, y, x, y - 5 * hour, TRUE);
  UI_TEST_WAIT_UNTIL (fixture->n_moves > 1);
  g_assert_cmpstr (fixture->move_start, ==, "2026-03-03T09:00");
  g_assert_cmpstr (fixture->move_end, ==, "2026-03-03T09:15");
}

static void
test_select (Fixture       *fixture,
             gconstpointer  user_data)
{
  double hour = fd_week_view_get_hour_height (fixture->view);
  GdkRectangle thursday;
  double x;

  fd_week_view_get_day_area (fixture->view, 3, &thursday);
  x = thursday.x + thursday.width / 2.0;

  /* 10:00 to 11:30 on Thursday, a few pixels inside */
  drag (fixture, x, thursday.y + 10 * hour + 3, x + 5, thursday.y + 11.5 * hour + 1, TRUE);
  UI_TEST_WAIT_UNTIL (fixture->n_creates > 0);

  g_assert_cmpuint (fixture->n_creates, ==, 1);
  g_assert_cmpstr (fixture->create_start, ==, "2026-03-05T10:00");
  g_assert_cmpstr (fixture->create_end, ==, "2026-03-05T11:30");
  g_assert_cmpuint (fixture->n_moves, ==, 0);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  GdkRectangle area;

  get_area (fixture, fixture->tuesday, &area);
  /* keys go where the pointer is (no window manager) */
  move_pointer (fixture, 10, 10);
  g_assert_true (fd_slot_view_focus_slot (FD_SLOT_VIEW (fixture->view), "slot-tue"));
  g_assert_false (fd_slot_view_focus_slot (FD_SLOT_VIEW (fixture->view), "no-such-slot"));
  ui_test_iterate (50);

  /* Enter activates the focused block */
  xdotool ("key", "Return", NULL);
  UI_TEST_WAIT_UNTIL (fixture->n_activated > 0);
  g_assert_cmpuint (fixture->n_activated, ==, 1);

  /* M, then two quarters later and a day right; Enter drops */
  xdotool ("key", "m", NULL);
  xdotool ("key", "Down", NULL);
  xdotool ("key", "Down", NULL);
  g_assert_cmpstr (fixture->check_start, ==, "2026-03-03T09:30");
  g_assert_false (is_message_shown (fixture));
  xdotool ("key", "Right", NULL);
  UI_TEST_WAIT_UNTIL (is_message_shown (fixture));
  g_assert_cmpstr (gtk_label_get_text (get_message_label (fixture)), ==, CONFLICT);
  xdotool ("key", "shift+Down", NULL);
  xdotool ("key", "Return", NULL);
  UI_TEST_WAIT_UNTIL (fixture->n_moves > 0);

  g_assert_cmpuint (fixture->n_moves, ==, 1);
  g_assert_cmpstr (fixture->move_start, ==, "2026-03-04T09:30");
  g_assert_cmpstr (fixture->move_end, ==, "2026-03-04T12:45");
  g_assert_false (is_message_shown (fixture));

  /* Escape cancels a keyboard move */
  xdotool ("key", "m", NULL);
  xdotool ("key", "Up", NULL);
  xdotool ("key", "Escape", NULL);
  xdotool ("key", "Return", NULL);
  ui_test_iterate (50);
  g_assert_cmpuint (fixture->n_moves, ==, 1);
  g_assert_cmpuint (fixture->n_activated, ==, 2);

  /* Tab goes on to the next block, Wednesday's */
  xdotool ("key", "Tab", NULL);
  xdotool ("key", "m", NULL);
  xdotool ("key", "Down", NULL);
  g_assert_cmpstr (fixture->check_start, ==, "2026-03-04T14:15");
  xdotool ("key", "Escape", NULL);
}

static void
test_marks (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GHashTable) conflicted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) holidays = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean found = FALSE;

  g_hash_table_insert (conflicted, (gpointer) "slot-tue", (gpointer) CONFLICT);
  g_hash_table_insert (holidays, (gpointer) "2026-03-05", (gpointer) "Fête du test");
  fd_slot_view_set_marks (FD_SLOT_VIEW (fixture->view), conflicted, holidays);
  ui_test_iterate (50);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "holiday") &&
          gtk_widget_get_visible (child))
        {
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child)), ==, "Fête du test");
          found = TRUE;
        }
    }
  g_assert_true (found);

  fd_slot_view_set_marks (FD_SLOT_VIEW (fixture->view), NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ||
      xdotool_path == NULL)
    {
      g_print ("1..0 # SKIP no X display or no xdotool\n");
      return 0;
    }

  adw_init ();
  g_object_set (gtk_settings_get_default (),
                "gtk-font-name", "Cantarell 11",
                "gtk-enable-animations", FALSE,
                NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/week-view/layout", test_layout);
  ADD ("/week-view/click", test_click);
  ADD ("/week-view/drag", test_drag);
  ADD ("/week-view/drag-escape", test_drag_escape);
  ADD ("/week-view/resize", test_resize);
  ADD ("/week-view/select", test_select);
  ADD ("/week-view/keyboard", test_keyboard);
  ADD ("/week-view/marks", test_marks);

  return g_test_run ();
}
