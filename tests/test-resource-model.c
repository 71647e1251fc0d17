/* test-resource-model.c — the decisions of the resource week
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "fd-core.h"
#include "test-core-common.h"
#include "fd-models-private.h"
#include "fd-calendar-period.h"
#include "fd-resource-model.h"
#include "fd-slot-view.h"

#define MONDAY "2026-03-02"

static FdSlot *
new_slot (const char         *id,
          const char         *session_id,
          const char         *start_at,
          const char         *end_at,
          const char         *room_id,
          const char * const *trainer_ids)
{
  FdSlotRow row = { 0 };

  row.id = id;
  row.revision = 1;
  row.session_id = session_id;
  row.session_code = "2026-0001";
  row.session_label = "Excel";
  row.start_at = start_at;
  row.end_at = end_at;
  row.room_id = room_id;
  row.trainer_ids = trainer_ids;

  return _fd_slot_new_from_row (&row);
}

static GPtrArray *
new_lanes (const char *first,
           ...) G_GNUC_NULL_TERMINATED;

static GPtrArray *
new_lanes (const char *first,
           ...)
{
  GPtrArray *lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_resource_lane_unref);
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (lanes, fd_resource_lane_new (id, id, NULL, NULL, 0));
  va_end (args);

  return lanes;
}

static FdResourceModel *
new_model (FdResourceBy by)
{
  FdResourceModel *model = fd_resource_model_new (by);
  GDate monday;

  g_assert_true (fd_calendar_parse_iso (MONDAY, &monday, NULL));
  fd_resource_model_set_week (model, &monday);

  return model;
}

static guint
n_placements (FdResourceModel *model,
              guint            lane)
{
  GArray *placements = fd_resource_model_get_placements (model, lane);

  return placements != NULL ? placements->len : 0;
}

static FdResourcePlacement *
placement_at (FdResourceModel *model,
              guint            lane,
              guint            index)
{
  GArray *placements = fd_resource_model_get_placements (model, lane);

  g_assert_nonnull (placements);
  g_assert_cmpuint (index, <, placements->len);

  return &g_array_index (placements, FdResourcePlacement, index);
}

static const char *
placement_id (FdResourceModel *model,
              guint            lane,
              guint            index)
{
  return fd_record_get_id (FD_RECORD (placement_at (model, lane, index)->slot));
}

/* A slot with two trainers is a bar in each one's lane; a room lane
 * takes the slot of its room only; unknown trainers are no lane */
static void
test_lane_index (void)
{
  g_autoptr(GPtrArray) lanes = new_lanes ("anne", "bruno", "chloe", NULL);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const both[] = { "anne", "chloe", "anne", NULL };
  const char * const ghost[] = { "nobody", NULL };
  const char * const bruno[] = { "bruno", NULL };
  FdResourceModel *model = new_model (FD_RESOURCE_BY_TRAINER);
  guint found[4];

  g_ptr_array_add (slots, new_slot ("s1", "x", "2026-03-03T09:00", "2026-03-03T12:00", "r1", both));
  g_ptr_array_add (slots, new_slot ("s2", "x", "2026-03-04T09:00", "2026-03-04T12:00", "r1", ghost));
  /* the week before and the week after are not placed */
  g_ptr_array_add (slots, new_slot ("s3", "x", "2026-03-01T09:00", "2026-03-01T12:00", NULL, bruno));
  g_ptr_array_add (slots, new_slot ("s4", "x", "2026-03-09T09:00", "2026-03-09T12:00", NULL, bruno));

  fd_resource_model_set_lanes (model, lanes);
  fd_resource_model_set_slots (model, slots);

  g_assert_cmpuint (fd_resource_model_get_n_lanes (model), ==, 3);
  g_assert_cmpint (fd_resource_model_find_lane (model, "chloe"), ==, 2);
  g_assert_cmpint (fd_resource_model_find_lane (model, "nobody"), ==, -1);
  g_assert_cmpint (fd_resource_model_find_lane (model, NULL), ==, -1);

  /* a trainer in two roles is one bar */
  g_assert_cmpuint (n_placements (model, 0), ==, 1);
  g_assert_cmpuint (n_placements (model, 1), ==, 0);
  g_assert_cmpuint (n_placements (model, 2), ==, 1);
  g_assert_cmpstr (placement_id (model, 0, 0), ==, "s1");
  g_assert_cmpstr (placement_id (model, 2, 0), ==, "s1");
  g_assert_cmpint (placement_at (model, 0, 0)->start, ==, 24 * 60 + 9 * 60);
  g_assert_cmpint (placement_at (model, 0, 0)->end, ==, 24 * 60 + 12 * 60);

  g_assert_cmpuint (fd_resource_model_get_slot_lanes (model, "s1", found, 4), ==, 2);
  g_assert_cmpuint (found[0], ==, 0);
  g_assert_cmpuint (found[1], ==, 2);
  g_assert_cmpuint (fd_resource_model_get_slot_lanes (model, "s3", found, 4), ==, 0);
  g_assert_null (fd_resource_model_lookup_slot (model, "s4"));

  /* an update moves the bar from one lane to another, nothing else */
  {
    g_autoptr(FdSlot) moved = new_slot ("s1", "x", "2026-03-03T10:00", "2026-03-03T12:00",
                                        "r1", bruno);

    g_assert_true (fd_resource_model_add_slot (model, moved));
    g_assert_cmpuint (n_placements (model, 0), ==, 0);
    g_assert_cmpuint (n_placements (model, 1), ==, 1);
    g_assert_cmpuint (n_placements (model, 2), ==, 0);
    g_assert_cmpint (placement_at (model, 1, 0)->start, ==, 24 * 60 + 10 * 60);
  }

  g_assert_true (fd_resource_model_remove_slot (model, "s1"));
  g_assert_false (fd_resource_model_remove_slot (model, "s1"));
  g_assert_cmpuint (n_placements (model, 1), ==, 0);

  /* rooms: the same slots, by room */
  fd_resource_model_set_slots (model, slots);
  fd_resource_model_set_by (model, FD_RESOURCE_BY_ROOM);
  g_ptr_array_set_size (lanes, 0);
  g_ptr_array_add (lanes, fd_resource_lane_new ("r1", "Salle 1", "p1", "Centre", 12));
  fd_resource_model_set_lanes (model, lanes);
  g_assert_cmpuint (n_placements (model, 0), ==, 2);

  /* a filter: fewer lanes, the slots placed again */
  fd_resource_model_set_by (model, FD_RESOURCE_BY_TRAINER);
  g_clear_pointer (&lanes, g_ptr_array_unref);
  lanes = new_lanes ("chloe", NULL);
  fd_resource_model_set_lanes (model, lanes);
  g_assert_cmpuint (fd_resource_model_get_n_lanes (model), ==, 1);
  g_assert_cmpuint (n_placements (model, 0), ==, 1);

  /* a new week forgets the slots */
  {
    GDate next;

    g_assert_true (fd_calendar_parse_iso ("2026-03-12", &next, NULL));
    g_assert_true (fd_resource_model_set_week (model, &next));
    g_assert_false (fd_resource_model_set_week (model, &next));
    g_assert_cmpuint (n_placements (model, 0), ==, 0);
  }

  fd_resource_model_free (model);
}

/* Overlaps share real time: touching slots stay on one row */
static void
test_stacking (void)
{
  g_autoptr(GPtrArray) lanes = new_lanes ("anne", NULL);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const anne[] = { "anne", NULL };
  FdResourceModel *model = new_model (FD_RESOURCE_BY_TRAINER);
  g_autoptr(FdSlot) late = NULL;

  g_ptr_array_add (slots, new_slot ("a", "x", "2026-03-03T12:00", "2026-03-03T13:00", NULL, anne));
  g_ptr_array_add (slots, new_slot ("b", "x", "2026-03-03T09:00", "2026-03-03T12:00", NULL, anne));
  fd_resource_model_set_lanes (model, lanes);
  fd_resource_model_set_metrics (model, 24, 4);
  fd_resource_model_set_slots (model, slots);

  g_assert_cmpuint (fd_resource_model_get_n_rows (model, 0), ==, 1);
  g_assert_cmpstr (placement_id (model, 0, 0), ==, "b");
  g_assert_cmpuint (placement_at (model, 0, 0)->row, ==, 0);
  g_assert_cmpuint (placement_at (model, 0, 1)->row, ==, 0);
  g_assert_cmpint (fd_resource_model_get_lane_height (model, 0), ==, 24 + 8);

  /* one that overlaps both goes on a second row, and the lane grows */
  late = new_slot ("c", "x", "2026-03-03T11:30", "2026-03-03T12:30", NULL, anne);
  g_assert_true (fd_resource_model_add_slot (model, late));
  g_assert_cmpuint (fd_resource_model_get_n_rows (model, 0), ==, 2);
  g_assert_cmpstr (placement_id (model, 0, 1), ==, "c");
  g_assert_cmpuint (placement_at (model, 0, 1)->row, ==, 1);
  g_assert_cmpuint (placement_at (model, 0, 2)->row, ==, 0);
  g_assert_cmpint (fd_resource_model_get_lane_height (model, 0), ==, 2 * 24 + 8);
  g_assert_cmpint (fd_resource_model_get_height (model), ==, 2 * 24 + 8);

  /* three at once need three rows; the rows free up after */
  {
    g_autoptr(FdSlot) third = new_slot ("d", "x", "2026-03-03T11:45", "2026-03-03T12:15",
                                        NULL, anne);
    g_autoptr(FdSlot) after = new_slot ("e", "x", "2026-03-03T14:00", "2026-03-03T15:00",
                                        NULL, anne);

    fd_resource_model_add_slot (model, third);
    fd_resource_model_add_slot (model, after);
    g_assert_cmpuint (fd_resource_model_get_n_rows (model, 0), ==, 3);
    g_assert_cmpstr (placement_id (model, 0, 4), ==, "e");
    g_assert_cmpuint (placement_at (model, 0, 4)->row, ==, 0);
  }

  /* removing the overlaps shrinks the lane again */
  fd_resource_model_remove_slot (model, "c");
  fd_resource_model_remove_slot (model, "d");
  g_assert_cmpuint (fd_resource_model_get_n_rows (model, 0), ==, 1);
  g_assert_cmpint (fd_resource_model_get_height (model), ==, 24 + 8);

  /* a slot whose end is before its start is a short bar, not a crash */
  {
    g_autoptr(FdSlot) bad = new_slot ("f", "x", "2026-03-05T10:00", "2026-03-05T09:00", NULL, anne);

    g_assert_true (fd_resource_model_add_slot (model, bad));
    g_assert_cmpint (fd_resource_model_find_placement (model, 0, "f"), >=, 0);
  }
  {
    g_autoptr(FdSlot) bad = new_slot ("g", "x", "not a date", "2026-03-05T09:00", NULL, anne);

    g_assert_false (fd_resource_model_add_slot (model, bad));
  }

  fd_resource_model_free (model);
}

static void
test_scale (void)
{
  /* 100 px a day, from x = 200: 07:00 at 200, 21:00 at 300 */
  FdResourceScale scale = { 200, 100 };
  int tuesday = 24 * 60;

  g_assert_cmpfloat_with_epsilon (fd_resource_scale_time_to_x (&scale, 7 * 60), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (fd_resource_scale_time_to_x (&scale, 14 * 60), 250, 1e-9);
  g_assert_cmpfloat_with_epsilon (fd_resource_scale_time_to_x (&scale, tuesday + 7 * 60), 300, 1e-9);
  /* outside the hours, at the column's edges; outside the week, at its edges */
  g_assert_cmpfloat_with_epsilon (fd_resource_scale_time_to_x (&scale, 5 * 60), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (fd_resource_scale_time_to_x (&scale, 23 * 60), 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (fd_resource_scale_time_to_x (&scale, -60), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (fd_resource_scale_time_to_x (&scale, FD_RESOURCE_WEEK + 60),
                                  900, 1e-9);

  /* back, snapped to 15 minutes */
  g_assert_cmpint (fd_resource_scale_x_to_time (&scale, 250, 15), ==, 14 * 60);
  g_assert_cmpint (fd_resource_scale_x_to_time (&scale, 250.8, 15), ==, 14 * 60);
  g_assert_cmpint (fd_resource_scale_x_to_time (&scale, 251, 15), ==, 14 * 60 + 15);
  g_assert_cmpint (fd_resource_scale_x_to_time (&scale, 251, 1), ==, 14 * 60 + 8);
  g_assert_cmpint (fd_resource_scale_x_to_time (&scale, 350, 15), ==, tuesday + 14 * 60);
  /* left of the days is Monday's first hour; right of them Sunday's last */
  g_assert_cmpint (fd_resource_scale_x_to_time (&scale, 10, 15), ==, 7 * 60);
  g_assert_cmpint (fd_resource_scale_x_to_time (&scale, 5000, 15), ==, 6 * 24 * 60 + 21 * 60);
  /* a day's end and the next day's start are one x: it is the next day */
  g_assert_cmpint (fd_resource_scale_x_to_time (&scale, 300, 15), ==, tuesday + 7 * 60);
  /* round trip on the grid */
  for (int m = 7 * 60; m < 21 * 60; m += 15)
    g_assert_cmpint (fd_resource_scale_x_to_time (&scale,
                                                  fd_resource_scale_time_to_x (&scale, 2 * 24 * 60 + m),
                                                  15), ==, 2 * 24 * 60 + m);

  /* no width: no crash */
  scale.day_width = 0;
  g_assert_cmpint (fd_resource_scale_x_to_time (&scale, 300, 15), ==, 7 * 60);
}

static void
test_drag (void)
{
  int start, end;
  int tuesday = 24 * 60;

  /* a move keeps the length and snaps the start */
  fd_resource_drag_move (9 * 60, 12 * 60, 10 * 60, 10 * 60 + 37, &start, &end);
  g_assert_cmpint (start, ==, 9 * 60 + 30);
  g_assert_cmpint (end, ==, 12 * 60 + 30);
  fd_resource_drag_move (9 * 60 + 5, 10 * 60 + 5, 9 * 60 + 5, 9 * 60 + 5, &start, &end);
  g_assert_cmpint (start, ==, 9 * 60);
  g_assert_cmpint (end, ==, 10 * 60);
  /* to the next day: the same time */
  fd_resource_drag_move (9 * 60, 12 * 60, 10 * 60, tuesday + 10 * 60, &start, &end);
  g_assert_cmpint (start, ==, tuesday + 9 * 60);
  /* kept within the day's hours when it fits */
  fd_resource_drag_move (9 * 60, 12 * 60, 10 * 60, 20 * 60, &start, &end);
  g_assert_cmpint (start, ==, 18 * 60);
  g_assert_cmpint (end, ==, 21 * 60);
  fd_resource_drag_move (9 * 60, 12 * 60, 11 * 60, tuesday + 7 * 60, &start, &end);
  g_assert_cmpint (start, ==, tuesday + 7 * 60);
  /* and within the week */
  fd_resource_drag_move (tuesday + 9 * 60, tuesday + 10 * 60, tuesday + 9 * 60, -3 * 24 * 60,
                         &start, &end);
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (end - start, ==, 60);

  /* resizing: on the grid, at least 15 minutes, not past midnight */
  g_assert_cmpint (fd_resource_drag_resize (9 * 60, 13 * 60 + 8), ==, 13 * 60 + 15);
  g_assert_cmpint (fd_resource_drag_resize (9 * 60, 8 * 60), ==, 9 * 60 + 15);
  g_assert_cmpint (fd_resource_drag_resize (9 * 60, tuesday + 10 * 60), ==, 24 * 60);

  /* a range selected either way */
  fd_resource_drag_range (14 * 60 + 7, 10 * 60 + 52, &start, &end);
  g_assert_cmpint (start, ==, 10 * 60 + 45);
  g_assert_cmpint (end, ==, 14 * 60);
  fd_resource_drag_range (10 * 60, 10 * 60 + 2, &start, &end);
  g_assert_cmpint (end - start, ==, 15);
}

static void
test_visible (void)
{
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_resource_lane_unref);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  FdResourceModel *model = new_model (FD_RESOURCE_BY_TRAINER);
  const char * const tall[] = { "t0010", NULL };
  guint first, n;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%04u", i);

      g_ptr_array_add (lanes, fd_resource_lane_new (id, id, NULL, NULL, 0));
    }
  /* lane 10 is three rows tall */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      g_ptr_array_add (slots, new_slot (id, "x", "2026-03-04T09:00", "2026-03-04T10:00", NULL, tall));
    }

  fd_resource_model_set_metrics (model, 24, 4);
  fd_resource_model_set_lanes (model, lanes);
  fd_resource_model_set_slots (model, slots);

  /* 32 px a lane, 80 px for lane 10 */
  g_assert_cmpint (fd_resource_model_get_lane_y (model, 10), ==, 320);
  g_assert_cmpint (fd_resource_model_get_lane_height (model, 10), ==, 80);
  g_assert_cmpint (fd_resource_model_get_lane_y (model, 11), ==, 400);
  g_assert_cmpint (fd_resource_model_get_height (model), ==, 1999 * 32 + 80);

  n = fd_resource_model_get_visible (model, 0, 640, &first);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (n, ==, 19);   /* 0…9, the tall 10, 11…18 */

  n = fd_resource_model_get_visible (model, 330, 100, &first);
  g_assert_cmpuint (first, ==, 10);
  g_assert_cmpuint (n, ==, 2);

  /* far down: lane 1 000 starts at 48 px more than 1 000 lanes */
  n = fd_resource_model_get_visible (model, 1000 * 32 + 48, 320, &first);
  g_assert_cmpuint (first, ==, 1000);
  g_assert_cmpuint (n, ==, 10);
  n = fd_resource_model_get_visible (model, 1000 * 32 + 48 + 31, 320, &first);
  g_assert_cmpuint (first, ==, 1000);
  g_assert_cmpuint (n, ==, 11);

  /* the end, and past it */
  n = fd_resource_model_get_visible (model, fd_resource_model_get_height (model) - 64, 640, &first);
  g_assert_cmpuint (first, ==, 1998);
  g_assert_cmpuint (n, ==, 2);
  n = fd_resource_model_get_visible (model, 10 * 1000 * 1000, 640, &first);
  g_assert_cmpuint (first + n, ==, 2000);
  n = fd_resource_model_get_visible (model, -500, 64, &first);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (n, ==, 2);

  g_assert_cmpint (fd_resource_model_get_lane_at_y (model, -1), ==, -1);
  g_assert_cmpint (fd_resource_model_get_lane_at_y (model, 399), ==, 10);
  g_assert_cmpint (fd_resource_model_get_lane_at_y (model, fd_resource_model_get_height (model)), ==, -1);
  g_assert_cmpuint (fd_resource_model_get_visible (model, 0, 0, &first), ==, 0);

  fd_resource_model_set_lanes (model, NULL);
  g_assert_cmpuint (fd_resource_model_get_visible (model, 0, 640, &first), ==, 0);
  g_assert_cmpint (fd_resource_model_get_lane_at_y (model, 0), ==, -1);

  fd_resource_model_free (model);
}

static void
test_iso (void)
{
  FdResourceModel *model = new_model (FD_RESOURCE_BY_TRAINER);
  g_autofree char *sunday = NULL;
  g_autofree char *before = NULL;
  int minutes;

  g_assert_true (fd_resource_model_iso_to_minutes (model, "2026-03-02T00:00", &minutes));
  g_assert_cmpint (minutes, ==, 0);
  g_assert_true (fd_resource_model_iso_to_minutes (model, "2026-03-08T21:15", &minutes));
  g_assert_cmpint (minutes, ==, 6 * 24 * 60 + 21 * 60 + 15);
  g_assert_true (fd_resource_model_iso_to_minutes (model, "2026-03-01T23:00", &minutes));
  g_assert_cmpint (minutes, ==, -60);
  g_assert_false (fd_resource_model_iso_to_minutes (model, "2026-03-0", &minutes));
  g_assert_false (fd_resource_model_iso_to_minutes (model, NULL, &minutes));

  sunday = fd_resource_model_dup_iso (model, 6 * 24 * 60 + 21 * 60 + 15);
  g_assert_cmpstr (sunday, ==, "2026-03-08T21:15");
  before = fd_resource_model_dup_iso (model, -60);
  g_assert_cmpstr (before, ==, "2026-03-01T23:00");

  /* the colour of a session is stable and in the palette */
  g_assert_cmpuint (fd_slot_view_get_color_index ("abc"), ==, fd_slot_view_get_color_index ("abc"));
  g_assert_cmpuint (fd_slot_view_get_color_index ("abc"), <, FD_SLOT_VIEW_N_COLORS);
  g_assert_cmpuint (fd_slot_view_get_color_index (NULL), ==, 0);
  g_assert_cmpstr (fd_slot_view_get_color_class (3), ==, "slot-color-3");

  fd_resource_model_free (model);
}

/* Lane queries */

static char *
create (FdDatabase *db,
        const char *entity,
        const char *first_field,
        ...) G_GNUC_NULL_TERMINATED;

static char *
create (FdDatabase *db,
        const char *entity,
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

static void
delete_row (FdDatabase *db,
            const char *entity,
            const char *id)
{
  g_autoptr(FdChange) change = fd_change_new_delete (entity, id, core_revision (db, entity, id));
  g_autoptr(GError) error = NULL;

  fd_database_apply (db, change, &error);
  g_assert_no_error (error);
}

static void
test_lane_queries (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("formadesk-lanes-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(FdDatabase) db = NULL;
  g_autoptr(GPtrArray) trainers = NULL;
  g_autoptr(GPtrArray) rooms = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *zola = NULL;
  g_autofree char *ecole = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *room_gone = NULL;
  g_autofree char *room_closed = NULL;
  FdResourceLane *lane;

  g_assert_no_error (error);
  db = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* empty */
  trainers = fd_database_list_trainer_lanes (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trainers->len, ==, 0);
  g_clear_pointer (&trainers, g_ptr_array_unref);

  g_free (create (db, "trainer", "first_name", "Zoé", "last_name", "Zola", NULL));
  g_free (create (db, "trainer", "first_name", "Éloïse", "last_name", "Élan", NULL));
  g_free (create (db, "trainer", "first_name", "Anne", "last_name", "Martin", NULL));
  gone = create (db, "trainer", "first_name", "Gone", "last_name", "Away", NULL);
  delete_row (db, "trainer", gone);

  trainers = fd_database_list_trainer_lanes (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trainers->len, ==, 3);
  /* by the trainers' list's sort key: last name, accents folded */
  g_assert_cmpstr (fd_resource_lane_get_name (g_ptr_array_index (trainers, 0)), ==, "Éloïse Élan");
  g_assert_cmpstr (fd_resource_lane_get_name (g_ptr_array_index (trainers, 1)), ==, "Anne Martin");
  g_assert_cmpstr (fd_resource_lane_get_name (g_ptr_array_index (trainers, 2)), ==, "Zoé Zola");
  g_assert_null (fd_resource_lane_get_place_id (g_ptr_array_index (trainers, 0)));

  zola = create (db, "place", "name", "Zola", NULL);
  ecole = create (db, "place", "name", "École", NULL);
  closed = create (db, "place", "name", "Fermé", NULL);
  g_free (create (db, "room", "place_id", zola, "name", "B", NULL));
  g_free (create (db, "room", "place_id", zola, "name", "a", NULL));
  {
    g_autoptr(FdChange) change = fd_change_new_create ("room");

    fd_change_set_string (change, "place_id", ecole);
    fd_change_set_string (change, "name", "Salle 2");
    fd_change_set_int (change, "capacity", 12);
    fd_database_apply (db, change, &error);
    g_assert_no_error (error);
  }
  room_gone = create (db, "room", "place_id", ecole, "name", "Salle 1", NULL);
  room_closed = create (db, "room", "place_id", closed, "name", "Salle", NULL);
  delete_row (db, "room", room_gone);
  delete_row (db, "room", room_closed);
  delete_row (db, "place", closed);

  rooms = fd_database_list_room_lanes (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rooms->len, ==, 3);
  lane = g_ptr_array_index (rooms, 0);
  g_assert_cmpstr (fd_resource_lane_get_name (lane), ==, "Salle 2");
  g_assert_cmpstr (fd_resource_lane_get_place_name (lane), ==, "École");
  g_assert_cmpstr (fd_resource_lane_get_place_id (lane), ==, ecole);
  g_assert_cmpuint (fd_resource_lane_get_capacity (lane), ==, 12);
  g_assert_cmpstr (fd_resource_lane_get_name (g_ptr_array_index (rooms, 1)), ==, "a");
  g_assert_cmpstr (fd_resource_lane_get_name (g_ptr_array_index (rooms, 2)), ==, "B");
  g_assert_cmpstr (fd_resource_lane_get_place_name (g_ptr_array_index (rooms, 2)), ==, "Zola");

  /* a boxed type: copies are references */
  {
    g_autoptr(FdResourceLane) copy = g_boxed_copy (FD_TYPE_RESOURCE_LANE, lane);

    g_assert_true (copy == lane);
  }

  g_clear_object (&db);
  {
    g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
    const char *name;

    while (files != NULL && (name = g_dir_read_name (files)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/resource-model/lane-index", test_lane_index);
  g_test_add_func ("/resource-model/stacking", test_stacking);
  g_test_add_func ("/resource-model/scale", test_scale);
  g_test_add_func ("/resource-model/drag", test_drag);
  g_test_add_func ("/resource-model/visible", test_visible);
  g_test_add_func ("/resource-model/iso", test_iso);
  g_test_add_func ("/resource-model/lane-queries", test_lane_queries);

  return g_test_run ();
}
