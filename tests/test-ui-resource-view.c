/* test-ui-resource-view.c — the resource week, driven under Xvfb
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-ui-input.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "fd-core.h"
#include "fd-models-private.h"
#include "fd-resource-view.h"
#include "fd-resource-view-private.h"

#define WEEK "2026-11-25"
#define BUSY "Bruno Petit is already teaching then."

/* Real pointer input is sent by xdotool to the test's Xvfb display; the
 * view's decisions have unit tests (test-resource-model.c), this checks
 * what reaches the FdSlotView signals from real events. */

static char *test_dir;
static FdDatabase *test_database;
static char *anne_id;
static char *bruno_id;
static char *chloe_id;
static char *slot_id;

typedef struct
{
  GtkWidget *window;
  FdResourceView *view;
  GPtrArray *lanes;
  GPtrArray *slots;

  guint n_checks;
  char *check_to;
  guint n_moves;
  char *move_start;
  char *move_end;
  char *move_from;
  char *move_to;
  guint n_activated;
  guint n_created;
  char *create_start;
  char *create_lane;
} Fixture;

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

  fd_database_apply (test_database, change, &error);
  g_assert_no_error (error);

  return g_strdup (fd_change_get_id (change));
}

static void
create_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *sequence_id = NULL;
  g_autofree char *other_slot = NULL;
  g_autoptr(FdChange) session = fd_change_new_create ("session");

  test_dir = g_dir_make_tmp ("formadesk-resource-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (test_dir, "formadesk.db", NULL);
  test_database = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  anne_id = create ("trainer", "first_name", "Anne", "last_name", "Martin", NULL);
  bruno_id = create ("trainer", "first_name", "Bruno", "last_name", "Petit", NULL);
  chloe_id = create ("trainer", "first_name", "Chloé", "last_name", "Roux", NULL);

  fd_change_set_string (session, "code", "2026-9001");
  fd_change_set_int (session, "year", 2026);
  fd_change_set_string (session, "label", "Sauveteur secouriste du travail");
  fd_database_apply (test_database, session, &error);
  g_assert_no_error (error);
  session_id = g_strdup (fd_change_get_id (session));
  sequence_id = create ("sequence", "session_id", session_id, "label", "Module 1", NULL);

  /* Anne on Tuesday morning; Bruno on Wednesday afternoon */
  slot_id = create ("slot", "session_id", session_id, "sequence_id", sequence_id,
                    "start_at", "2026-11-24T09:00", "end_at", "2026-11-24T12:00", NULL);
  g_free (create ("slot_staff", "slot_id", slot_id, "trainer_id", anne_id, NULL));
  other_slot = create ("slot", "session_id", session_id, "sequence_id", sequence_id,
                       "start_at", "2026-11-25T14:00", "end_at", "2026-11-25T17:00", NULL);
  g_free (create ("slot_staff", "slot_id", other_slot, "trainer_id", bruno_id, NULL));
}

static void
remove_database (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&test_database);
  dir = g_dir_open (test_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (test_dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (test_dir);
  g_clear_pointer (&test_dir, g_free);
  g_clear_pointer (&anne_id, g_free);
  g_clear_pointer (&bruno_id, g_free);
  g_clear_pointer (&chloe_id, g_free);
  g_clear_pointer (&slot_id, g_free);
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
  g_free (fixture->check_to);
  fixture->check_to = g_strdup (to_lane);

  return g_strcmp0 (to_lane, bruno_id) == 0 ? g_strdup (BUSY) : NULL;
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
  fixture->n_moves++;
  g_free (fixture->move_start);
  g_free (fixture->move_end);
  g_free (fixture->move_from);
  g_free (fixture->move_to);
  fixture->move_start = g_strdup (start_at);
  fixture->move_end = g_strdup (end_at);
  fixture->move_from = g_strdup (from_lane);
  fixture->move_to = g_strdup (to_lane);

  return TRUE;
}

static void
on_slot_activated_cb (FdSlotView *view,
                      FdSlot     *slot,
                      Fixture    *fixture)
{
  g_assert_cmpstr (fd_record_get_id (FD_RECORD (slot)), ==, slot_id);
  fixture->n_activated++;
}

static void
on_create_slot_cb (FdSlotView         *view,
                   const char         *start_at,
                   const char         *end_at,
                   const char         *lane,
                   const GdkRectangle *area,
                   Fixture            *fixture)
{
  fixture->n_created++;
  g_free (fixture->create_start);
  g_free (fixture->create_lane);
  fixture->create_start = g_strdup (start_at);
  fixture->create_lane = g_strdup (lane);
  g_assert_cmpint (area->width, >, 0);
}

static void
show_view (Fixture    *fixture,
           GPtrArray  *lanes,
           GPtrArray  *slots)
{
  GDate date;

  fixture->view = FD_RESOURCE_VIEW (fd_resource_view_new (FD_SLOT_VIEW_LANES_TRAINERS));
  g_assert_true (fd_slot_view_get_lanes (FD_SLOT_VIEW (fixture->view)) == FD_SLOT_VIEW_LANES_TRAINERS);
  g_assert_true (fd_slot_view_get_period (FD_SLOT_VIEW (fixture->view)) == FD_CALENDAR_PERIOD_WEEK);

  g_assert_true (fd_calendar_parse_iso (WEEK, &date, NULL));
  fd_slot_view_set_date (FD_SLOT_VIEW (fixture->view), &date);
  fd_slot_view_set_today (FD_SLOT_VIEW (fixture->view), &date);
  fd_resource_view_set_lanes (fixture->view, lanes);
  fd_slot_view_set_slots (FD_SLOT_VIEW (fixture->view), slots);

  g_signal_connect (fixture->view, "check-move", G_CALLBACK (on_check_move_cb), fixture);
  g_signal_connect (fixture->view, "move-slot", G_CALLBACK (on_move_slot_cb), fixture);
  g_signal_connect (fixture->view, "slot-activated", G_CALLBACK (on_slot_activated_cb), fixture);
  g_signal_connect (fixture->view, "create-slot", G_CALLBACK (on_create_slot_cb), fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)) &&
              gtk_widget_get_width (GTK_WIDGET (fixture->view)) > 0);
  ui_test_iterate (100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->lanes = fd_database_list_trainer_lanes (test_database, &error);
  g_assert_no_error (error);
  fixture->slots = fd_database_list_calendar_slots (test_database, "2026-11-23T00:00",
                                                    "2026-11-30T00:00", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->lanes->len, ==, 3);
  g_assert_cmpuint (fixture->slots->len, ==, 2);

  show_view (fixture, fixture->lanes, fixture->slots);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer ((GtkWindow **) &fixture->window, gtk_window_destroy);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->lanes, g_ptr_array_unref);
  g_clear_pointer (&fixture->slots, g_ptr_array_unref);
  g_free (fixture->check_to);
  g_free (fixture->move_start);
  g_free (fixture->move_end);
  g_free (fixture->move_from);
  g_free (fixture->move_to);
  g_free (fixture->create_start);
  g_free (fixture->create_lane);
}

/* xdotool */
/* A point of the view in the X window's coordinates */
static void
to_window (Fixture *fixture,
           double   x,
           double   y,
           int     *wx,
           int     *wy)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (fixture->view));
  graphene_point_t point;
  double sx, sy;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->view), GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  *wx = (int) (point.x + sx);
  *wy = (int) (point.y + sy);
}

static gulong
get_xid (Fixture *fixture)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

  return (gulong) gdk_x11_surface_get_xid (surface);
}

static void
pointer_to (Fixture *fixture,
            double   x,
            double   y)
{
  g_autofree char *args = NULL;
  int wx, wy;

  to_window (fixture, x, y, &wx, &wy);
  args = g_strdup_printf ("mousemove --window %lu %d %d", get_xid (fixture), wx, wy);
  ui_test_xdotool (args);
}

/* Presses on (x1, y1) and moves in steps to (x2, y2), button held */
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
get_bar_centre (Fixture *fixture,
                double  *x,
                double  *y)
{
  GdkRectangle area;

  g_assert_true (fd_slot_view_get_slot_area (FD_SLOT_VIEW (fixture->view), slot_id, &area));
  *x = area.x + area.width / 2.0;
  *y = area.y + area.height / 2.0;
}

static void
focus_window (Fixture *fixture)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %lu", get_xid (fixture));

  ui_test_xdotool (args);
}

/* Tests */

static void
test_drag_to_lane (Fixture       *fixture,
                   gconstpointer  user_data)
{
  double x, y, tx, ty;

  if (!ui_test_have_xdotool ())
    return;

  /* the bar's centre is Tuesday 10:30: dropped on Bruno's lane at
   * Wednesday 10:30, the slot starts at 09:00 there */
  get_bar_centre (fixture, &x, &y);
  g_assert_true (_fd_resource_view_get_point (fixture->view, bruno_id, "2026-11-25T10:30",
                                              &tx, &ty));
  drag_to (fixture, x, y, tx, ty);

  g_assert_cmpuint (fixture->n_checks, >, 0);
  g_assert_cmpstr (fixture->check_to, ==, bruno_id);
  g_assert_cmpuint (fixture->n_moves, ==, 0);

  ui_test_xdotool ("mouseup 1");
  UI_TEST_WAIT_UNTIL (fixture->n_moves > 0);
  g_assert_cmpuint (fixture->n_moves, ==, 1);
  g_assert_cmpstr (fixture->move_from, ==, anne_id);
  g_assert_cmpstr (fixture->move_to, ==, bruno_id);
  g_assert_cmpstr (fixture->move_start, ==, "2026-11-25T09:00");
  g_assert_cmpstr (fixture->move_end, ==, "2026-11-25T12:00");
  g_assert_cmpuint (fixture->n_activated, ==, 0);

  /* a click opens it */
  pointer_to (fixture, x, y);
  ui_test_xdotool ("click 1");
  UI_TEST_WAIT_UNTIL (fixture->n_activated > 0);
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpuint (fixture->n_moves, ==, 1);
}

static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  user_data)
{
  double x, y, tx, ty;

  if (!ui_test_have_xdotool ())
    return;

  get_bar_centre (fixture, &x, &y);
  g_assert_true (_fd_resource_view_get_point (fixture->view, chloe_id, "2026-11-26T15:00",
                                              &tx, &ty));
  focus_window (fixture);
  drag_to (fixture, x, y, tx, ty);
  g_assert_cmpstr (fixture->check_to, ==, chloe_id);

  ui_test_xdotool ("key Escape");
  ui_test_xdotool ("mouseup 1");
  ui_test_iterate (100);
  g_assert_cmpuint (fixture->n_moves, ==, 0);
  g_assert_cmpuint (fixture->n_activated, ==, 0);

  /* resizing by the right edge */
  {
    GdkRectangle area;
    double end_x, end_y;

    g_assert_true (fd_slot_view_get_slot_area (FD_SLOT_VIEW (fixture->view), slot_id, &area));
    g_assert_true (_fd_resource_view_get_point (fixture->view, anne_id, "2026-11-24T13:30",
                                                &end_x, &end_y));
    drag_to (fixture, area.x + area.width - 2, area.y + area.height / 2.0, end_x, end_y);
    ui_test_xdotool ("mouseup 1");
    UI_TEST_WAIT_UNTIL (fixture->n_moves > 0);
    g_assert_cmpuint (fixture->n_moves, ==, 1);
    g_assert_cmpstr (fixture->move_start, ==, "2026-11-24T09:00");
    g_assert_cmpstr (fixture->move_end, ==, "2026-11-24T13:30");
    g_assert_cmpstr (fixture->move_to, ==, anne_id);
  }

  /* a drag on Chloé's empty lane selects a range to create a slot in */
  {
    double from_x, from_y, to_x, to_y;

    g_assert_true (_fd_resource_view_get_point (fixture->view, chloe_id, "2026-11-27T09:00",
                                                &from_x, &from_y));
    g_assert_true (_fd_resource_view_get_point (fixture->view, chloe_id, "2026-11-27T12:00",
                                                &to_x, &to_y));
    drag_to (fixture, from_x + 1, from_y, to_x, to_y);
    ui_test_xdotool ("mouseup 1");
    UI_TEST_WAIT_UNTIL (fixture->n_created > 0);
    g_assert_cmpuint (fixture->n_created, ==, 1);
    g_assert_cmpstr (fixture->create_start, ==, "2026-11-27T09:00");
    g_assert_cmpstr (fixture->create_lane, ==, chloe_id);
  }
}

static void
test_keyboard_move (Fixture       *fixture,
                    gconstpointer  user_data)
{
  if (!ui_test_have_xdotool ())
    return;

  focus_window (fixture);
  g_assert_true (fd_slot_view_focus_slot (FD_SLOT_VIEW (fixture->view), slot_id));
  g_assert_false (fd_slot_view_focus_slot (FD_SLOT_VIEW (fixture->view), "no-such-slot"));
  ui_test_iterate (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->view)));

  /* Escape leaves a move without a change */
  ui_test_xdotool ("key m Right Escape");
  g_assert_cmpuint (fixture->n_moves, ==, 0);

  /* 30 minutes later, a day later, one lane down: Bruno's */
  ui_test_xdotool ("key m Right Right ctrl+Right Down");
  g_assert_cmpstr (fixture->check_to, ==, bruno_id);
  ui_test_xdotool ("key Return");
  UI_TEST_WAIT_UNTIL (fixture->n_moves > 0);
  g_assert_cmpuint (fixture->n_moves, ==, 1);
  g_assert_cmpstr (fixture->move_start, ==, "2026-11-25T09:30");
  g_assert_cmpstr (fixture->move_end, ==, "2026-11-25T12:30");
  g_assert_cmpstr (fixture->move_from, ==, anne_id);
  g_assert_cmpstr (fixture->move_to, ==, bruno_id);

  /* Enter opens the focused slot */
  ui_test_xdotool ("key Return");
  UI_TEST_WAIT_UNTIL (fixture->n_activated > 0);
  g_assert_cmpuint (fixture->n_activated, ==, 1);
}

/* Follows announcements: the slot moved to Chloé leaves Anne's lane */
static void
test_update (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char * const chloe[] = { chloe_id, NULL };
  FdSlotRow row = { 0 };
  g_autoptr(FdSlot) moved = NULL;
  GdkRectangle before, after;

  g_assert_true (fd_slot_view_get_slot_area (FD_SLOT_VIEW (fixture->view), slot_id, &before));

  row.id = slot_id;
  row.revision = 2;
  row.session_id = "x";
  row.start_at = "2026-11-24T09:00";
  row.end_at = "2026-11-24T12:00";
  row.trainer_ids = chloe;
  moved = _fd_slot_new_from_row (&row);
  fd_slot_view_update_slot (FD_SLOT_VIEW (fixture->view), moved);

  g_assert_true (fd_slot_view_get_slot_area (FD_SLOT_VIEW (fixture->view), slot_id, &after));
  g_assert_cmpint (after.x, ==, before.x);
  g_assert_cmpint (after.y, >, before.y);

  fd_slot_view_remove_slot (FD_SLOT_VIEW (fixture->view), slot_id);
  g_assert_false (fd_slot_view_get_slot_area (FD_SLOT_VIEW (fixture->view), slot_id, &after));
  fd_slot_view_remove_slot (FD_SLOT_VIEW (fixture->view), "no-such-slot");
}

/* 2 000 lanes */

static gint64 paint_begin;
static gint64 paint_usec;
static guint n_paints;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    gpointer       user_data)
{
  paint_begin = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  paint_usec = g_get_monotonic_time () - paint_begin;
  n_paints++;
}

static int
compare_usec (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
test_many_lanes (void)
{
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_resource_lane_unref);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  Fixture fixture = { 0 };
  GdkFrameClock *clock;
  GtkAdjustment *adjustment;
  gint64 begin, sync_usec, scrolls[20];
  guint visible, made;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%04u", i);
      g_autofree char *name = g_strdup_printf ("Trainer %04u", i);

      g_ptr_array_add (lanes, fd_resource_lane_new (id, name, NULL, NULL, 0));
    }
  /* about a week of the large demo: 270 slots over 200 trainers */
  for (guint i = 0; i < 270; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *lane = g_strdup_printf ("t%04u", (i * 7) % 2000);
      g_autofree char *start = g_strdup_printf ("2026-11-%02uT%s", 23 + i % 5,
                                                i % 2 ? "13:30" : "09:00");
      g_autofree char *end = g_strdup_printf ("2026-11-%02uT%s", 23 + i % 5,
                                              i % 2 ? "17:00" : "12:30");
      g_autofree char *session = g_strdup_printf ("session-%u", i % 40);
      const char * const ids[] = { lane, NULL };
      FdSlotRow row = { 0 };

      row.id = id;
      row.session_id = session;
      row.session_label = "Habilitation électrique";
      row.start_at = start;
      row.end_at = end;
      row.trainer_ids = ids;
      g_ptr_array_add (slots, _fd_slot_new_from_row (&row));
    }

  show_view (&fixture, NULL, NULL);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture.view));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);

  /* first visit: the lanes and slots given, then the frame that shows them */
  n_paints = 0;
  begin = g_get_monotonic_time ();
  fd_resource_view_set_lanes (fixture.view, lanes);
  fd_slot_view_set_slots (FD_SLOT_VIEW (fixture.view), slots);
  sync_usec = g_get_monotonic_time () - begin;
  UI_TEST_WAIT_UNTIL (n_paints > 0);
  g_test_message ("resource week, first frame: %.2f ms (%.2f ms set, %.2f ms frame, "
                  "%.2f ms snapshot)",
                  (sync_usec + paint_usec) / 1000.0, sync_usec / 1000.0, paint_usec / 1000.0,
                  _fd_resource_view_get_last_snapshot_usec (fixture.view) / 1000.0);
  g_assert_cmpuint (fd_resource_view_get_n_lanes (fixture.view), ==, 2000);

  /* only the lanes shown were laid out */
  visible = (guint) (gtk_widget_get_height (GTK_WIDGET (fixture.view)) / 32) + 2;
  g_assert_cmpuint (_fd_resource_view_get_n_layouts_made (fixture.view), <=, visible);
  g_assert_cmpuint (_fd_resource_view_get_n_layouts_made (fixture.view), >, 5);

  /* scrolled pages */
  adjustment = fd_resource_view_get_vadjustment (fixture.view);
  for (guint i = 0; i < G_N_ELEMENTS (scrolls); i++)
    {
      guint before = n_paints;

      begin = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                gtk_adjustment_get_page_increment (adjustment));
      sync_usec = g_get_monotonic_time () - begin;
      UI_TEST_WAIT_UNTIL (n_paints > before);
      scrolls[i] = sync_usec + paint_usec;
    }
  qsort (scrolls, G_N_ELEMENTS (scrolls), sizeof scrolls[0], compare_usec);
  g_test_message ("resource week, scrolled page: median %.2f ms, worst %.2f ms",
                  scrolls[G_N_ELEMENTS (scrolls) / 2] / 1000.0,
                  scrolls[G_N_ELEMENTS (scrolls) - 1] / 1000.0);

  /* far down: lane 1 500 at the top */
  made = _fd_resource_view_get_n_layouts_made (fixture.view);
  g_assert_true (fd_resource_view_scroll_to_lane (fixture.view, "t1500"));
  g_assert_false (fd_resource_view_scroll_to_lane (fixture.view, "nobody"));
  ui_test_iterate (100);
  g_assert_cmpuint (_fd_resource_view_get_first_visible_lane (fixture.view), ==, 1500);
  /* a page of new lanes laid out, no more; and no more are kept */
  g_assert_cmpuint (_fd_resource_view_get_n_layouts_made (fixture.view) - made, <=, visible);
  g_assert_cmpuint (_fd_resource_view_get_n_layouts_made (fixture.view), <, 25 * visible);
  g_assert_cmpuint (_fd_resource_view_get_n_layouts_cached (fixture.view), <=, 3 * visible + 32);

  /* the end */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ui_test_iterate (100);
  g_assert_cmpuint (_fd_resource_view_get_first_visible_lane (fixture.view), >, 1970);

  fixture_tear_down (&fixture, NULL);
}

/* The app's style sheet, so bars are drawn (and timed) as users see them */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/fr/formadesk/Formadesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();
  g_object_set (gtk_settings_get_default (),
                "gtk-font-name", "Cantarell 11",
                "gtk-enable-animations", FALSE,
                NULL);
  load_style ();
  create_database ();

  g_test_add ("/ui/resource-view/drag-to-lane", Fixture, NULL,
              fixture_set_up, test_drag_to_lane, fixture_tear_down);
  g_test_add ("/ui/resource-view/escape-resize-create", Fixture, NULL,
              fixture_set_up, test_escape_cancels, fixture_tear_down);
  g_test_add ("/ui/resource-view/keyboard-move", Fixture, NULL,
              fixture_set_up, test_keyboard_move, fixture_tear_down);
  g_test_add ("/ui/resource-view/update", Fixture, NULL,
              fixture_set_up, test_update, fixture_tear_down);
  g_test_add_func ("/ui/resource-view/many-lanes", test_many_lanes);

  ret = g_test_run ();
  remove_database ();

  return ret;
}
