/* test-ui-calendar.c — the Calendar page, driven under Xvfb
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fd-calendar-view.h"
#include "fd-calendar-view-private.h"
#include "fd-database.h"
#include "fd-demo.h"
#include "fd-models-private.h"
#include "fd-database-private.h"
#include "fd-enroll.h"
#include "fd-month-view.h"
#include "fd-resource-view.h"
#include "fd-week-view.h"
#include "fd-queries.h"

#define SST_CODE  "2026-9001"
#define SST_LABEL "Sauveteur secouriste du travail"
#define XL_CODE   "2026-9002"
#define XL_LABEL  "Excel perfectionnement"
#define BUSY_CODE "2026-9003"
#define N_BUSY    8          /* slots on 2026-11-18, more than a cell shows */

typedef struct
{
  GtkWidget *window;
  FdCalendarView *view;
} Fixture;

/* One database for the whole binary: the small demo around the tests'
 * today, plus a few sessions whose slots the tests know. */
static char *test_dir;
static FdDatabase *test_database;

static char *
create (FdDatabase  *database,
        const char  *entity,
        const char  *first_field,
        ...) G_GNUC_NULL_TERMINATED;

/* Creates a row from (field, value) pairs through the write path. */
static char *
create (FdDatabase  *database,
        const char  *entity,
        const char  *first_field,
        ...)
{
  g_autoptr(FdChange) change = fd_change_new_create (entity);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;

  va_start (args, first_field);
  for (field = first_field; field != NULL; field = va_arg (args, const char *))
    fd_change_set_string (change, field, va_arg (args, const char *));
  va_end (args);

  fd_database_apply (database, change, &error);
  g_assert_no_error (error);

  return g_strdup (fd_change_get_id (change));
}

static void
create_session (FdDatabase *database,
                    const char *code,
                    const char *label,
                    char      **session_id,
                    char      **sequence_id)
{
  g_autoptr(FdChange) change = fd_change_new_create ("session");
  g_autoptr(GError) error = NULL;

  fd_change_set_string (change, "code", code);
  fd_change_set_int (change, "year", 2026);
  fd_change_set_string (change, "label", label);
  fd_database_apply (database, change, &error);
  g_assert_no_error (error);

  *session_id = g_strdup (fd_change_get_id (change));
  *sequence_id = create (database, "sequence",
                         "session_id", *session_id,
                         "label", "Module 1",
                         NULL);
}

static char *
create_slot (FdDatabase *database,
             const char *session_id,
             const char *sequence_id,
             const char *start_at,
             const char *end_at,
             const char *place_id,
             const char *room_id)
{
  return create (database, "slot",
                 "session_id", session_id,
                 "sequence_id", sequence_id,
                 "start_at", start_at,
                 "end_at", end_at,
                 "place_id", place_id,
                 "room_id", room_id,
                 NULL);
}

/* The tests' own slots start at 08:30, before the demo's (09:00 or
 * later): they come first in their day and always get a chip. */
static void
fill_database (FdDatabase *database)
{
  g_autofree char *place_id = NULL;
  g_autofree char *room_id = NULL;
  g_autofree char *trainer_id = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *sequence_id = NULL;
  g_autofree char *slot_id = NULL;
  g_autofree char *staff_id = NULL;
  g_autofree char *xl_session_id = NULL;
  g_autofree char *xl_sequence_id = NULL;
  g_autofree char *busy_session_id = NULL;
  g_autofree char *busy_sequence_id = NULL;

  place_id = create (database, "place",
                     "name", "Centre Paris Bastille",
                     "city", "Paris",
                     NULL);
  room_id = create (database, "room",
                    "place_id", place_id,
                    "name", "Salle Molière",
                    NULL);
  trainer_id = create (database, "trainer",
                       "first_name", "Anne",
                       "last_name", "Martin",
                       NULL);

  create_session (database, SST_CODE, SST_LABEL, &session_id, &sequence_id);
  slot_id = create_slot (database, session_id, sequence_id,
                         "2026-11-25T08:30", "2026-11-25T12:30", place_id, room_id);
  staff_id = create (database, "slot_staff",
                     "slot_id", slot_id,
                     "trainer_id", trainer_id,
                     NULL);
  g_free (create_slot (database, session_id, sequence_id,
                       "2026-11-26T08:30", "2026-11-26T12:30", place_id, room_id));

  create_session (database, XL_CODE, XL_LABEL, &xl_session_id, &xl_sequence_id);
  g_free (create_slot (database, xl_session_id, xl_sequence_id,
                       "2026-10-15T08:30", "2026-10-15T17:00", NULL, NULL));
  g_free (create_slot (database, xl_session_id, xl_sequence_id,
                       "2026-12-03T08:30", "2026-12-03T17:00", NULL, NULL));

  create_session (database, BUSY_CODE, "Journée chargée", &busy_session_id, &busy_sequence_id);
  for (guint i = 0; i < N_BUSY; i++)
    {
      g_autofree char *start = g_strdup_printf ("2026-11-18T%02u:00", 8 + i);
      g_autofree char *end = g_strdup_printf ("2026-11-18T%02u:45", 8 + i);

      g_free (create_slot (database, busy_session_id, busy_sequence_id,
                           start, end, place_id, NULL));
    }
}

static void
create_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  test_dir = g_dir_make_tmp ("formadesk-calendar-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (test_dir, "formadesk.db", NULL);
  test_database = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  fd_demo_generate (test_database, FD_DEMO_SIZE_SMALL, "2026-11-25", 42, &error);
  g_assert_no_error (error);
  fill_database (test_database);
}

static void
remove_database (void)
{
  g_autofree char *path = g_build_filename (test_dir, "formadesk.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&test_database);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (test_dir);
  g_clear_pointer (&test_dir, g_free);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->view = g_object_new (FD_TYPE_CALENDAR_VIEW,
                                "today", "2026-11-25",
                                "database", test_database,
                                NULL);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer ((GtkWindow **) &fixture->window, gtk_window_destroy);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Widget tree helpers */

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
get_title (Fixture *fixture)
{
  GtkWidget *label = find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, "calendar-title");

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static FdMonthView *
get_month_view (Fixture *fixture)
{
  GtkWidget *month_view = find_widget (GTK_WIDGET (fixture->view), FD_TYPE_MONTH_VIEW, NULL);

  g_assert_nonnull (month_view);
  return FD_MONTH_VIEW (month_view);
}

static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_get_child_visible (widget) &&
         gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (widget) > 0;
}

/* The chips shown whose text contains @needle. */
static GPtrArray *
find_chips (Fixture    *fixture,
            const char *needle)
{
  GPtrArray *chips = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (get_month_view (fixture)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inscription;
      const char *text;

      if (!GTK_IS_BUTTON (child) || !gtk_widget_has_css_class (child, "event") || !is_shown (child))
        continue;

      inscription = gtk_button_get_child (GTK_BUTTON (child));
      text = gtk_inscription_get_text (GTK_INSCRIPTION (inscription));
      if (text != NULL && strstr (text, needle) != NULL)
        g_ptr_array_add (chips, child);
    }

  return chips;
}

static guint
count_chips (Fixture    *fixture,
             const char *needle)
{
  g_autoptr(GPtrArray) chips = find_chips (fixture, needle);

  return chips->len;
}

/* Every chip widget of the pool, shown or not. */
static guint
count_chip_widgets (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (get_month_view (fixture)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, "event"))
        n++;
    }

  return n;
}

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_for (Fixture       *fixture,
          Condition      condition,
          gconstpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, on_timeout_cb, &timed_out);

  while (!condition (fixture, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

static gboolean
has_slots (Fixture       *fixture,
           gconstpointer  data)
{
  return fd_month_view_get_slots (get_month_view (fixture)) != NULL;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (Fixture       *fixture,
         gconstpointer  flag)
{
  return *(const gboolean *) flag;
}

/* Waits until a frame has laid out what changed. */
static void
wait_for_frame (Fixture *fixture)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  clock = gtk_widget_get_frame_clock (fixture->window);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (fixture->window);
  g_assert_true (wait_for (fixture, is_true, &painted));
  g_signal_handler_disconnect (clock, id);
}

/* Waits until the month's slots are read and a frame has laid them out. */
static void
wait_for_month (Fixture *fixture)
{
  g_assert_true (wait_for (fixture, has_slots, NULL));
  wait_for_frame (fixture);
}

static gboolean
is_popover_shown (Fixture       *fixture,
                  gconstpointer  css_class)
{
  GtkWidget *popover = find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER, css_class);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
popover_has_label (GtkWidget  *popover,
                   const char *text)
{
  if (GTK_IS_LABEL (popover) && gtk_widget_get_visible (popover) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (popover)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (popover);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (popover_has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
maybe_save_png (GtkWidget  *widget,
                const char *name)
{
  const char *dir = g_getenv ("FD_TEST_PNG_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("Nothing drawn for %s", name);
      return;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Tests */

static void
test_shows_today_month (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) chips = NULL;
  const char *text;

  g_assert_cmpstr (get_title (fixture), ==, "November 2026");
  wait_for_month (fixture);

  /* two slots of the session this month, in time order on their days */
  chips = find_chips (fixture, SST_CODE);
  g_assert_cmpuint (chips->len, ==, 2);
  text = gtk_inscription_get_text (GTK_INSCRIPTION (gtk_button_get_child (chips->pdata[0])));
  g_assert_nonnull (strstr (text, "08:30"));
  g_assert_nonnull (strstr (text, SST_LABEL));

  /* today is highlighted */
  {
    GtkWidget *today = find_widget (GTK_WIDGET (get_month_view (fixture)), GTK_TYPE_BOX, "today");
    GtkWidget *label;

    g_assert_nonnull (today);
    label = find_widget (today, GTK_TYPE_LABEL, "day-number");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "25");
    g_assert_false (gtk_widget_has_css_class (today, "other-month"));
  }

  /* October 15 is outside November's six weeks, December 3 inside */
  g_assert_cmpuint (count_chips (fixture, XL_CODE), ==, 1);

  maybe_save_png (fixture->window, "calendar-november.png");
}

static void
test_navigates (Fixture       *fixture,
                gconstpointer  user_data)
{
  GDateTime *date;

  wait_for_month (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL);
  g_assert_cmpstr (get_title (fixture), ==, "December 2026");
  date = fd_calendar_view_get_date (fixture->view);
  g_assert_cmpint (g_date_time_get_month (date), ==, 12);
  wait_for_month (fixture);
  g_assert_cmpuint (count_chips (fixture, SST_CODE), ==, 0);
  g_assert_cmpuint (count_chips (fixture, XL_CODE), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.previous", NULL);
  g_assert_cmpstr (get_title (fixture), ==, "October 2026");
  wait_for_month (fixture);
  g_assert_cmpuint (count_chips (fixture, SST_CODE), ==, 0);
  g_assert_cmpuint (count_chips (fixture, XL_CODE), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.today", NULL);
  g_assert_cmpstr (get_title (fixture), ==, "November 2026");
  wait_for_month (fixture);
  g_assert_cmpuint (count_chips (fixture, SST_CODE), ==, 2);

  /* the chips are recycled: months come and go, the pool stays */
  {
    guint pool = 0;

    for (guint i = 0; i < 3; i++)
      {
        gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL);
        wait_for_month (fixture);
        gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.previous", NULL);
        wait_for_month (fixture);

        /* the first round trip may grow it to the busier month's needs */
        if (i == 0)
          pool = count_chip_widgets (fixture);
      }
    g_assert_cmpuint (count_chip_widgets (fixture), ==, pool);
    g_assert_cmpuint (pool, <=, 42 * 4);
  }

  /* across a year */
  {
    g_autoptr(GDateTime) january = g_date_time_new_local (2027, 1, 15, 10, 0, 0);

    fd_calendar_view_set_date (fixture->view, january);
    g_assert_cmpstr (get_title (fixture), ==, "January 2027");
    gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.previous", NULL);
    g_assert_cmpstr (get_title (fixture), ==, "December 2026");
  }
}

static void
test_overflow (Fixture       *fixture,
               gconstpointer  user_data)
{
  FdMonthView *month_view;
  GtkWidget *overflow = NULL;
  GtkWidget *popover;
  GtkWidget *list;
  GtkWidget *busy_row = NULL;
  guint n_chips;
  guint n_rows = 0;
  guint n_busy_rows = 0;

  wait_for_month (fixture);
  n_chips = count_chips (fixture, BUSY_CODE);
  g_assert_cmpuint (n_chips, >, 0);
  g_assert_cmpuint (n_chips, <, N_BUSY);

  /* the "+N more" button of the busy day: in the column of its chips */
  month_view = get_month_view (fixture);
  {
    g_autoptr(GPtrArray) chips = find_chips (fixture, BUSY_CODE);
    graphene_rect_t chip_bounds;
    float overflow_y = G_MAXFLOAT;

    g_assert_true (gtk_widget_compute_bounds (chips->pdata[0], GTK_WIDGET (month_view),
                                              &chip_bounds));

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (month_view));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        graphene_rect_t bounds;

        if (!gtk_widget_has_css_class (child, "overflow") || !is_shown (child))
          continue;

        /* the first below the chip: cells further down have their own */
        g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (month_view), &bounds));
        if (bounds.origin.x == chip_bounds.origin.x &&
            bounds.origin.y > chip_bounds.origin.y &&
            bounds.origin.y < overflow_y)
          {
            overflow = child;
            overflow_y = bounds.origin.y;
          }
      }
  }
  g_assert_nonnull (overflow);

  g_signal_emit_by_name (overflow, "clicked");
  g_assert_true (wait_for (fixture, is_popover_shown, "day-slots"));

  popover = find_widget (GTK_WIDGET (month_view), GTK_TYPE_POPOVER, "day-slots");
  g_assert_nonnull (find_widget (popover, GTK_TYPE_LABEL, "heading"));
  list = find_widget (popover, GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      n_rows++;
      if (popover_has_label (row, "Journée chargée"))
        {
          n_busy_rows++;
          if (busy_row == NULL)
            busy_row = row;
        }
    }
  g_assert_cmpuint (n_busy_rows, ==, N_BUSY);

  /* the button counts the day's slots without a chip */
  {
    GtkWidget *inscription = gtk_button_get_child (GTK_BUTTON (overflow));
    const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (inscription));
    guint64 n_more = 0;

    g_assert_true (g_str_has_prefix (text, "+"));
    g_assert_true (g_str_has_suffix (text, " more"));
    n_more = g_ascii_strtoull (text + 1, NULL, 10);
    g_assert_cmpuint (n_more, >=, N_BUSY - n_chips);
    g_assert_cmpuint (n_more, <, n_rows);
  }

  maybe_save_png (popover, "calendar-overflow.png");

  /* a row of the day's list shows the slot's details */
  g_signal_emit_by_name (list, "row-activated", busy_row);
  g_assert_true (wait_for (fixture, is_popover_shown, "slot-details"));
  popover = find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER, "slot-details");
  g_assert_true (popover_has_label (popover, "Journée chargée"));
  g_assert_true (popover_has_label (popover, "08:00 – 08:45") ||
                 popover_has_label (popover, "08:00–08:45") ||
                 popover_has_label (popover, "08:00 - 08:45"));
}

static gboolean
has_text_containing (GtkWidget  *widget,
                     const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_text_containing (child, needle))
        return TRUE;
    }

  return FALSE;
}

/* A slot synced before its session has no code: the day's list shows its
 * place alone, not "(null) · place" */
static void
test_overflow_orphan_slots (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  FdMonthView *month_view;
  GtkWidget *overflow = NULL;
  GtkWidget *popover;

  wait_for_month (fixture);
  month_view = get_month_view (fixture);

  for (guint i = 0; i < N_BUSY; i++)
    {
      g_autofree char *id = g_strdup_printf ("orphan-%u", i);
      g_autofree char *start = g_strdup_printf ("2026-11-19T%02u:00", 8 + i);
      g_autofree char *end = g_strdup_printf ("2026-11-19T%02u:45", 8 + i);
      FdSlotRow row = {
        .id = id, .session_id = "not-synced-yet",
        .start_at = start, .end_at = end, .place_name = "Salle Orpheline",
      };

      g_ptr_array_add (slots, _fd_slot_new_from_row (&row));
    }
  fd_month_view_set_slots (month_view, slots);
  wait_for_frame (fixture);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (month_view));
       child != NULL && overflow == NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, "overflow") && is_shown (child))
        overflow = child;
    }
  g_assert_nonnull (overflow);

  g_signal_emit_by_name (overflow, "clicked");
  g_assert_true (wait_for (fixture, is_popover_shown, "day-slots"));
  popover = find_widget (GTK_WIDGET (month_view), GTK_TYPE_POPOVER, "day-slots");
  g_assert_true (popover_has_label (popover, "Salle Orpheline"));
  g_assert_false (has_text_containing (popover, "(null)"));
}

static void
test_details (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) chips = NULL;
  GtkWidget *popover;

  wait_for_month (fixture);
  chips = find_chips (fixture, SST_CODE);

  g_signal_emit_by_name (chips->pdata[0], "clicked");
  g_assert_true (wait_for (fixture, is_popover_shown, "slot-details"));

  popover = find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER, "slot-details");
  g_assert_true (popover_has_label (popover, SST_LABEL));
  g_assert_true (popover_has_label (popover, SST_CODE));
  g_assert_true (popover_has_label (popover, "Module 1"));
  g_assert_true (popover_has_label (popover, "Centre Paris Bastille"));
  g_assert_true (popover_has_label (popover, "Salle Molière"));
  g_assert_true (popover_has_label (popover, "Anne Martin"));

  maybe_save_png (popover, "calendar-details.png");

  /* changing month closes it */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL);
  g_assert_false (gtk_widget_get_visible (popover));
}

static void
test_small_window (Fixture       *fixture,
                   gconstpointer  user_data)
{
  guint big;

  wait_for_month (fixture);
  big = count_chips (fixture, BUSY_CODE);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 560);
  gtk_widget_queue_resize (fixture->window);
  while (gtk_widget_get_height (fixture->window) > 560 &&
         g_main_context_iteration (NULL, TRUE))
    ;
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (count_chips (fixture, BUSY_CODE), <=, big);
  g_assert_cmpuint (count_chips (fixture, SST_CODE), ==, 2);

  maybe_save_png (fixture->window, "calendar-small.png");
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      g_assert_cmpint (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)),
                       ==, GTK_SHORTCUT_SCOPE_GLOBAL);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          g_string_append_printf (found, "%s=%s;", trigger, action);
        }
    }

  g_assert_cmpstr (found->str, ==,
                   "Page_Up|<Alt>Left=action(calendar.previous);"
                   "Page_Down|<Alt>Right=action(calendar.next);"
                   "<Control>t=action(calendar.today);");
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  if (!g_resources_get_info ("/fr/formadesk/Formadesk/style.css",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    return;

  gtk_css_provider_load_from_resource (provider, "/fr/formadesk/Formadesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
has_n_slots (Fixture       *fixture,
             gconstpointer  data)
{
  GPtrArray *slots = fd_month_view_get_slots (get_month_view (fixture));

  return slots != NULL && slots->len == GPOINTER_TO_UINT (data);
}

/* A slot planned elsewhere (an editor, another process through the
 * window's watch) shows on the page without changing month */
static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *session_id = NULL;
  g_autofree char *sequence_id = NULL;
  g_autofree char *slot_id = NULL;
  guint before;

  wait_for_month (fixture);
  before = fd_month_view_get_slots (get_month_view (fixture))->len;

  create_session (test_database, "2026-0990", "Gestes et postures", &session_id, &sequence_id);
  slot_id = create_slot (test_database, session_id, sequence_id,
                         "2026-11-18T08:30", "2026-11-18T11:30", NULL, NULL);
  g_assert_true (wait_for (fixture, has_n_slots, GUINT_TO_POINTER (before + 1)));

  {
    g_autoptr(FdChange) remove = fd_change_new_delete ("slot", slot_id, 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (fd_database_apply (test_database, remove, &error));
    g_assert_no_error (error);
  }
  g_assert_true (wait_for (fixture, has_n_slots, GUINT_TO_POINTER (before)));

  /* Hidden (another view shown), the page is read when shown again */
  gtk_widget_set_visible (fixture->window, FALSE);
  g_free (create_slot (test_database, session_id, sequence_id,
                       "2026-11-19T08:30", "2026-11-19T11:30", NULL, NULL));
  gtk_widget_set_visible (fixture->window, TRUE);
  g_assert_true (wait_for (fixture, has_n_slots, GUINT_TO_POINTER (before + 1)));

  /* A slot planned while the page is being read (in a worker, which may
   * read before the commit) is not lost when that page arrives */
  wait_for_month (fixture);
  fd_calendar_view_reload (fixture->view);
  g_free (create_slot (test_database, session_id, sequence_id,
                       "2026-11-20T08:30", "2026-11-20T11:30", NULL, NULL));
  g_assert_true (wait_for (fixture, has_n_slots, GUINT_TO_POINTER (before + 2)));
  /* and nothing more comes later */
  wait_for_frame (fixture);
  g_assert_true (has_n_slots (fixture, GUINT_TO_POINTER (before + 2)));
}


static gboolean
is_next_page_cached (Fixture       *fixture,
                     gconstpointer  data)
{
  return _fd_calendar_view_is_page_cached (fixture->view, 1);
}

static gboolean
has_slot_at (Fixture    *fixture,
             const char *code,
             const char *start_at)
{
  GPtrArray *slots = fd_month_view_get_slots (get_month_view (fixture));

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      FdSlot *slot = g_ptr_array_index (slots, i);

      if (g_strcmp0 (fd_slot_get_session_code (slot), code) == 0 &&
          g_strcmp0 (fd_slot_get_start_at (slot), start_at) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The next page, read ahead, is shown at once when turned to, and as it
 * is now: a slot planned, moved or removed while it was kept shows */
static void
test_cached_page_follows_changes (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *session_id = NULL;
  g_autofree char *sequence_id = NULL;
  g_autofree char *slot_id = NULL;

  wait_for_month (fixture);
  g_assert_true (wait_for (fixture, is_next_page_cached, NULL));

  /* turned to from the cache: shown before the main loop runs again */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL);
  g_assert_cmpstr (get_title (fixture), ==, "December 2026");
  g_assert_true (has_slot_at (fixture, XL_CODE, "2026-12-03T08:30"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.previous", NULL);
  g_assert_true (has_slot_at (fixture, SST_CODE, "2026-11-25T08:30"));

  /* planned while December is kept */
  g_assert_true (wait_for (fixture, is_next_page_cached, NULL));
  create_session (test_database, "2026-0991", "Habilitation électrique",
                  &session_id, &sequence_id);
  slot_id = create_slot (test_database, session_id, sequence_id,
                         "2026-12-10T08:30", "2026-12-10T11:30", NULL, NULL);
  g_assert_true (wait_for (fixture, is_next_page_cached, NULL));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL);
  g_assert_true (has_slot_at (fixture, "2026-0991", "2026-12-10T08:30"));

  /* moved while December is kept: turning to it before it is read
   * again shows it once read */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.previous", NULL);
  g_assert_true (wait_for (fixture, is_next_page_cached, NULL));
  {
    g_autoptr(FdChange) move = fd_change_new_update ("slot", slot_id, 0);
    g_autoptr(GError) error = NULL;

    fd_change_set_string (move, "start_at", "2026-12-11T08:30");
    fd_change_set_string (move, "end_at", "2026-12-11T11:30");
    g_assert_true (fd_database_apply (test_database, move, &error));
    g_assert_no_error (error);
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL);
  g_assert_true (wait_for (fixture, has_slots, NULL));
  wait_for_frame (fixture);
  g_assert_false (has_slot_at (fixture, "2026-0991", "2026-12-10T08:30"));
  g_assert_true (has_slot_at (fixture, "2026-0991", "2026-12-11T08:30"));

  /* removed while December is kept */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.previous", NULL);
  g_assert_true (wait_for (fixture, is_next_page_cached, NULL));
  {
    g_autoptr(FdChange) remove = fd_change_new_delete ("slot", slot_id, 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (fd_database_apply (test_database, remove, &error));
    g_assert_no_error (error);
  }
  g_assert_true (wait_for (fixture, is_next_page_cached, NULL));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL);
  g_assert_true (has_slot_at (fixture, XL_CODE, "2026-12-03T08:30"));
  g_assert_false (has_slot_at (fixture, "2026-0991", "2026-12-11T08:30"));
}

static FdSlot *
find_shown_slot (Fixture    *fixture,
                 const char *code,
                 const char *start_at)
{
  GPtrArray *slots = fd_month_view_get_slots (get_month_view (fixture));

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      FdSlot *slot = g_ptr_array_index (slots, i);

      if (g_strcmp0 (fd_slot_get_session_code (slot), code) == 0 &&
          g_strcmp0 (fd_slot_get_start_at (slot), start_at) == 0)
        return slot;
    }

  return NULL;
}

static gboolean
slot_shown_at (Fixture       *fixture,
               gconstpointer  start_at)
{
  return find_shown_slot (fixture, SST_CODE, start_at) != NULL;
}

/* A move asked by the view is checked, then applied through core; the
 * view is told of that one slot, not given the page again */
static void
test_move_slot (Fixture       *fixture,
                gconstpointer  user_data)
{
  FdSlotView *view;
  FdSlot *slot;
  g_autofree char *message = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *id = NULL;
  guint before;
  gboolean moved;

  g_assert_true (wait_for (fixture, has_slots, NULL));
  view = fd_calendar_view_get_slot_view (fixture->view);
  slot = find_shown_slot (fixture, SST_CODE, "2026-11-25T08:30");
  g_assert_nonnull (slot);
  id = g_strdup (fd_record_get_id (FD_RECORD (slot)));

  /* an hour later is free */
  message = fd_slot_view_emit_check_move (view, slot, "2026-11-25T09:30", "2026-11-25T13:30",
                                          NULL, NULL);
  g_assert_null (message);

  before = fd_month_view_get_slots (get_month_view (fixture))->len;
  moved = fd_slot_view_emit_move (view, slot, "2026-11-25T09:30", "2026-11-25T13:30", NULL, NULL);
  g_assert_true (moved);

  /* stored, and shown where it went */
  {
    g_autoptr(FdSlot) read = fd_database_get_slot (test_database, id, NULL);

    g_assert_nonnull (read);
    g_assert_cmpstr (fd_slot_get_start_at (read), ==, "2026-11-25T09:30");
  }
  g_assert_true (wait_for (fixture, slot_shown_at, "2026-11-25T09:30"));
  g_assert_null (find_shown_slot (fixture, SST_CODE, "2026-11-25T08:30"));
  /* the page was not read again: the same number of slots, one replaced */
  g_assert_cmpuint (fd_month_view_get_slots (get_month_view (fixture))->len, ==, before);

  /* an end before the start is refused, nothing is written */
  slot = find_shown_slot (fixture, SST_CODE, "2026-11-25T09:30");
  g_clear_pointer (&message, g_free);
  message = fd_slot_view_emit_check_move (view, slot, "2026-11-25T10:00", "2026-11-25T09:00",
                                          NULL, NULL);
  g_assert_nonnull (message);
  g_assert_false (fd_slot_view_emit_move (view, slot, "2026-11-25T10:00", "2026-11-25T09:00",
                                          NULL, NULL));

  /* put it back */
  g_assert_true (fd_slot_view_emit_move (view, slot, "2026-11-25T08:30", "2026-11-25T12:30",
                                         NULL, NULL));
  g_assert_true (wait_for (fixture, slot_shown_at, "2026-11-25T08:30"));
}

static gboolean
has_holiday_cell (Fixture       *fixture,
                  gconstpointer  data)
{
  return find_widget (GTK_WIDGET (get_month_view (fixture)), GTK_TYPE_BOX, "holiday") != NULL;
}

/* November 2026 shows All Saints' Day and the Armistice */
static void
test_holidays (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkWidget *cell;
  const char *tooltip;

  g_assert_true (wait_for (fixture, has_holiday_cell, NULL));
  cell = find_widget (GTK_WIDGET (get_month_view (fixture)), GTK_TYPE_BOX, "holiday");
  tooltip = gtk_widget_get_tooltip_text (cell);
  g_assert_cmpstr (tooltip, ==, "All Saints’ Day");
}


/* Each view behind the one interface: the week keeps the day, turns by a
 * week; the resource week lists the trainers */
static void
test_switch_views (Fixture       *fixture,
                   gconstpointer  user_data)
{
  FdSlotView *view;

  g_assert_true (wait_for (fixture, has_slots, NULL));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.view", "s", "week");
  g_assert_cmpstr (fd_calendar_view_get_view (fixture->view), ==, "week");
  view = fd_calendar_view_get_slot_view (fixture->view);
  g_assert_true (FD_IS_WEEK_VIEW (view));
  g_assert_cmpint (fd_slot_view_get_period (view), ==, FD_CALENDAR_PERIOD_WEEK);
  g_assert_cmpstr (get_title (fixture), ==, "Week 48 · 23–29 November 2026");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL);
  g_assert_cmpstr (get_title (fixture), ==, "Week 49 · 30 November – 6 December 2026");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.view", "s", "day");
  g_assert_cmpint (fd_slot_view_get_period (fd_calendar_view_get_slot_view (fixture->view)), ==,
                   FD_CALENDAR_PERIOD_DAY);
  g_assert_cmpstr (get_title (fixture), ==, "Wednesday 2 December 2026");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.view", "s", "trainers");
  view = fd_calendar_view_get_slot_view (fixture->view);
  g_assert_true (FD_IS_RESOURCE_VIEW (view));
  g_assert_cmpint (fd_slot_view_get_lanes (view), ==, FD_SLOT_VIEW_LANES_TRAINERS);
  g_assert_cmpuint (fd_resource_view_get_n_lanes (FD_RESOURCE_VIEW (view)), >, 0);

  /* back to the month of the day */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.view", "s", "month");
  g_assert_cmpstr (get_title (fixture), ==, "December 2026");
  g_assert_true (wait_for (fixture, has_slots, NULL));
}


static gboolean
slot_shown_with_code (Fixture       *fixture,
                      gconstpointer  code)
{
  GPtrArray *slots = fd_month_view_get_slots (get_month_view (fixture));

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    if (g_strcmp0 (fd_slot_get_session_code (g_ptr_array_index (slots, i)), code) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
slot_shown_at_code (Fixture       *fixture,
                    gconstpointer  start_at)
{
  return find_shown_slot (fixture, "2026-0995", start_at) != NULL;
}

static gint64
count_invitations (void)
{
  sqlite3_stmt *stmt = _fd_database_prepare (test_database,
                                              "SELECT count(*) FROM email_message"
                                              " WHERE calendar IS NOT NULL AND deleted = 0",
                                              NULL);
  gint64 count;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

static AdwMessageDialog *
find_message_dialog (void)
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

static gboolean
has_message_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  return find_message_dialog () != NULL;
}

static gboolean
has_no_message_dialog (Fixture       *fixture,
                       gconstpointer  data)
{
  return find_message_dialog () == NULL;
}

/* Moving a slot enrolled trainees were invited to asks, and sends them an
 * updated invitation unless "Do not send an update" is ticked */
static void
test_move_sends_update (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *session_id = NULL;
  g_autofree char *sequence_id = NULL;
  g_autofree char *trainee_id = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  FdSlotView *view;
  FdSlot *slot;
  gint64 before;

  create_session (test_database, "2026-0995", "Habilitation électrique", &session_id,
                  &sequence_id);
  {
    g_autoptr(FdChange) publish = fd_change_new_update ("session", session_id, 0);

    fd_change_set_int (publish, "published", 1);
    g_assert_true (fd_database_apply (test_database, publish, &error));
    g_assert_no_error (error);
  }
  g_free (create_slot (test_database, session_id, sequence_id,
                       "2030-03-13T08:30", "2030-03-13T12:30", NULL, NULL));
  trainee_id = create (test_database, "trainee", "first_name", "Inès", "last_name", "Moreau",
                       "email", "ines.moreau@example.fr", NULL);
  g_assert_true (fd_enroll_trainee (test_database, session_id, trainee_id, NULL, NULL, &error));
  g_assert_no_error (error);

  /* core sends nothing for what is over by the clock: far enough ahead */
  fd_calendar_view_set_today (fixture->view, "2030-03-11");
  g_assert_true (wait_for (fixture, slot_shown_with_code, "2026-0995"));
  view = fd_calendar_view_get_slot_view (fixture->view);

  /* moved an hour later: asked, accepted, one more invitation queued */
  before = count_invitations ();
  slot = find_shown_slot (fixture, "2026-0995", "2030-03-13T08:30");
  g_assert_true (fd_slot_view_emit_move (view, slot, "2030-03-13T09:30", "2030-03-13T13:30",
                                         NULL, NULL));
  g_assert_true (wait_for (fixture, has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (adw_message_dialog_get_extra_child (dialog));
  /* as its button does: the response, then the dialog goes */
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_for (fixture, has_no_message_dialog, NULL));
  g_assert_true (wait_for (fixture, slot_shown_at_code, "2030-03-13T09:30"));
  g_assert_cmpint (count_invitations (), >, before);

  /* moved back with "Do not send an update" ticked: nothing more queued */
  before = count_invitations ();
  slot = find_shown_slot (fixture, "2026-0995", "2030-03-13T09:30");
  g_assert_true (fd_slot_view_emit_move (view, slot, "2030-03-13T08:30", "2030-03-13T12:30",
                                         NULL, NULL));
  g_assert_true (wait_for (fixture, has_message_dialog, NULL));
  dialog = find_message_dialog ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_message_dialog_get_extra_child (dialog)),
                               TRUE);
  /* as its button does: the response, then the dialog goes */
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_for (fixture, has_no_message_dialog, NULL));
  g_assert_true (wait_for (fixture, slot_shown_at_code, "2030-03-13T08:30"));
  g_assert_cmpint (count_invitations (), ==, before);
}


/* The toolbar's "Filters" menu button */
static GtkWidget *
find_filters_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) &&
      g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)), "Filters") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_filters_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A cell of the month showing @name as its holiday */
static gboolean
has_holiday_named (Fixture       *fixture,
                   gconstpointer  name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (get_month_view (fixture)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "holiday") &&
        g_strcmp0 (gtk_widget_get_tooltip_text (child), name) == 0)
      return TRUE;

  return FALSE;
}

/* Filtered by a place in Alsace, the page shows its own holidays too */
static void
test_place_holidays (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *filters = find_filters_button (GTK_WIDGET (fixture->view));
  GtkPopover *popover;
  GtkDropDown *places = NULL;
  GListModel *model;
  guint strasbourg = GTK_INVALID_LIST_POSITION;

  wait_for_month (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL);
  g_assert_cmpstr (get_title (fixture), ==, "December 2026");
  g_assert_true (wait_for (fixture, has_holiday_named, "Christmas Day"));
  g_assert_false (has_holiday_named (fixture, "St Stephen’s Day"));

  /* the Filters button's popover, its first dropdown the places */
  g_assert_nonnull (filters);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (filters));
  gtk_popover_popup (popover);
  places = GTK_DROP_DOWN (find_widget (GTK_WIDGET (popover), GTK_TYPE_DROP_DOWN, NULL));
  g_assert_nonnull (places);
  model = gtk_drop_down_get_model (places);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (item), "Strasbourg") != NULL)
        strasbourg = i;
    }
  g_assert_cmpuint (strasbourg, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (places, strasbourg);
  gtk_popover_popdown (popover);

  g_assert_true (wait_for (fixture, has_holiday_named, "St Stephen’s Day"));

  /* back to any place: national only */
  gtk_popover_popup (popover);
  gtk_drop_down_set_selected (places, 0);
  gtk_popover_popdown (popover);
  g_assert_true (wait_for (fixture, has_holiday_named, "Christmas Day"));
  g_assert_false (has_holiday_named (fixture, "St Stephen’s Day"));
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

  g_test_add ("/ui/calendar/shows-today-month", Fixture, NULL,
              fixture_set_up, test_shows_today_month, fixture_tear_down);
  g_test_add ("/ui/calendar/follows-changes", Fixture, NULL,
              fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/ui/calendar/cached-page-follows-changes", Fixture, NULL,
              fixture_set_up, test_cached_page_follows_changes, fixture_tear_down);
  g_test_add ("/ui/calendar/navigates", Fixture, NULL,
              fixture_set_up, test_navigates, fixture_tear_down);
  g_test_add ("/ui/calendar/overflow", Fixture, NULL,
              fixture_set_up, test_overflow, fixture_tear_down);
  g_test_add ("/ui/calendar/overflow-orphan-slots", Fixture, NULL,
              fixture_set_up, test_overflow_orphan_slots, fixture_tear_down);
  g_test_add ("/ui/calendar/details", Fixture, NULL,
              fixture_set_up, test_details, fixture_tear_down);
  g_test_add ("/ui/calendar/small-window", Fixture, NULL,
              fixture_set_up, test_small_window, fixture_tear_down);
  g_test_add ("/ui/calendar/move-slot", Fixture, NULL,
              fixture_set_up, test_move_slot, fixture_tear_down);
  g_test_add ("/ui/calendar/move-sends-update", Fixture, NULL,
              fixture_set_up, test_move_sends_update, fixture_tear_down);
  g_test_add ("/ui/calendar/switch-views", Fixture, NULL,
              fixture_set_up, test_switch_views, fixture_tear_down);
  g_test_add ("/ui/calendar/place-holidays", Fixture, NULL,
              fixture_set_up, test_place_holidays, fixture_tear_down);
  g_test_add ("/ui/calendar/holidays", Fixture, NULL,
              fixture_set_up, test_holidays, fixture_tear_down);
  g_test_add ("/ui/calendar/shortcuts", Fixture, NULL,
              fixture_set_up, test_shortcuts, fixture_tear_down);

  ret = g_test_run ();
  remove_database ();

  return ret;
}
