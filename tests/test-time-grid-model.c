/* test-time-grid-model.c — the week and day views' decisions, without GTK
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "fd-time-grid-model.h"

/* An item is a "start/end" pair of local date-times. */
typedef struct
{
  const char *start;
  const char *end;
} Item;

static const char *
item_get_start (gpointer item)
{
  return ((Item *) item)->start;
}

static const char *
item_get_end (gpointer item)
{
  return ((Item *) item)->end;
}

/* A week from Monday 2 March 2026 */
static FdTimeGridModel *
create_model (guint n_days)
{
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 2, G_DATE_MARCH, 2026);

  return fd_time_grid_model_new (&first, n_days, item_get_start, item_get_end);
}

static void
set_items (FdTimeGridModel *model,
           Item            *items,
           guint            n_items)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, &items[i]);

  fd_time_grid_model_set_items (model, array);
}

static const FdTimeGridBlock *
find_block (FdTimeGridModel *model,
            guint            day,
            Item            *item)
{
  GArray *blocks = fd_time_grid_model_get_blocks (model, day);

  for (guint i = 0; i < blocks->len; i++)
    {
      const FdTimeGridBlock *block = &g_array_index (blocks, FdTimeGridBlock, i);

      if (block->item == item)
        return block;
    }

  return NULL;
}

static void
test_touching (void)
{
  FdTimeGridModel *model = create_model (7);
  Item items[] = {
    { "2026-03-03T09:00", "2026-03-03T12:00" },
    { "2026-03-03T12:00", "2026-03-03T13:00" },
  };

  set_items (model, items, G_N_ELEMENTS (items));

  g_assert_cmpuint (fd_time_grid_model_get_blocks (model, 1)->len, ==, 2);
  g_assert_cmpuint (fd_time_grid_model_get_n_clusters (model, 1), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      const FdTimeGridBlock *block = find_block (model, 1, &items[i]);

      g_assert_nonnull (block);
      g_assert_cmpuint (block->column, ==, 0);
      g_assert_cmpuint (block->n_columns, ==, 1);
    }
  g_assert_cmpint (find_block (model, 1, &items[0])->start, ==, 9 * 60);
  g_assert_cmpint (find_block (model, 1, &items[0])->end, ==, 12 * 60);

  /* nothing on the other days */
  g_assert_cmpuint (fd_time_grid_model_get_blocks (model, 0)->len, ==, 0);
  g_assert_cmpuint (fd_time_grid_model_get_blocks (model, 2)->len, ==, 0);

  fd_time_grid_model_free (model);
}

static void
test_three_overlapping (void)
{
  FdTimeGridModel *model = create_model (7);
  Item items[] = {
    { "2026-03-04T10:00", "2026-03-04T11:00" },
    { "2026-03-04T09:00", "2026-03-04T12:00" },
    { "2026-03-04T10:30", "2026-03-04T11:30" },
  };
  gboolean used[3] = { FALSE, FALSE, FALSE };

  set_items (model, items, G_N_ELEMENTS (items));

  g_assert_cmpuint (fd_time_grid_model_get_n_clusters (model, 2), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      const FdTimeGridBlock *block = find_block (model, 2, &items[i]);

      g_assert_nonnull (block);
      g_assert_cmpuint (block->n_columns, ==, 3);
      g_assert_cmpuint (block->column, <, 3);
      g_assert_false (used[block->column]);
      used[block->column] = TRUE;
    }

  /* the longest, first to start, on the left */
  g_assert_cmpuint (find_block (model, 2, &items[1])->column, ==, 0);

  fd_time_grid_model_free (model);
}

static void
test_chain (void)
{
  FdTimeGridModel *model = create_model (7);
  Item items[] = {
    { "2026-03-05T09:00", "2026-03-05T10:30" },  /* A */
    { "2026-03-05T10:00", "2026-03-05T12:00" },  /* B, overlaps A and C */
    { "2026-03-05T11:00", "2026-03-05T13:00" },  /* C, disjoint from A */
    { "2026-03-05T14:00", "2026-03-05T15:00" },  /* alone */
  };
  const FdTimeGridBlock *a, *b, *c, *alone;

  set_items (model, items, G_N_ELEMENTS (items));

  a = find_block (model, 3, &items[0]);
  b = find_block (model, 3, &items[1]);
  c = find_block (model, 3, &items[2]);
  alone = find_block (model, 3, &items[3]);

  g_assert_cmpuint (fd_time_grid_model_get_n_clusters (model, 3), ==, 2);
  g_assert_cmpuint (a->cluster, ==, b->cluster);
  g_assert_cmpuint (b->cluster, ==, c->cluster);
  g_assert_cmpuint (alone->cluster, !=, a->cluster);

  g_assert_cmpuint (a->n_columns, ==, 2);
  g_assert_cmpuint (b->n_columns, ==, 2);
  g_assert_cmpuint (c->n_columns, ==, 2);
  g_assert_cmpuint (a->column, ==, 0);
  g_assert_cmpuint (b->column, ==, 1);
  /* A has ended when C starts: C takes its column */
  g_assert_cmpuint (c->column, ==, 0);
  g_assert_cmpuint (alone->n_columns, ==, 1);
  g_assert_cmpuint (alone->column, ==, 0);

  fd_time_grid_model_free (model);
}

static void
test_clipping (void)
{
  FdTimeGridModel *model = create_model (7);
  Item items[] = {
    { "2026-03-03T22:00", "2026-03-04T02:00" },  /* past midnight */
    { "2026-03-05T09:00", "2026-03-07T17:00" },  /* three days */
    { "2026-03-01T20:00", "2026-03-02T08:00" },  /* from the page before */
    { "2026-03-08T23:00", "2026-03-09T01:00" },  /* into the next page */
    { "2026-03-06T00:00", "2026-03-06T00:00" },  /* empty */
    { "2026-02-10T09:00", "2026-02-10T10:00" },  /* not on the page */
    { "tomorrow", "2026-03-06T10:00" },          /* unreadable */
  };
  const FdTimeGridBlock *block;
  guint32 days;

  set_items (model, items, G_N_ELEMENTS (items));

  block = find_block (model, 1, &items[0]);
  g_assert_cmpint (block->start, ==, 22 * 60);
  g_assert_cmpint (block->end, ==, 24 * 60);
  g_assert_false (block->starts_before);
  g_assert_true (block->ends_after);
  block = find_block (model, 2, &items[0]);
  g_assert_cmpint (block->start, ==, 0);
  g_assert_cmpint (block->end, ==, 2 * 60);
  g_assert_true (block->starts_before);
  g_assert_false (block->ends_after);

  g_assert_cmpint (find_block (model, 3, &items[1])->start, ==, 9 * 60);
  g_assert_cmpint (find_block (model, 3, &items[1])->end, ==, 24 * 60);
  g_assert_cmpint (find_block (model, 4, &items[1])->start, ==, 0);
  g_assert_cmpint (find_block (model, 4, &items[1])->end, ==, 24 * 60);
  g_assert_cmpint (find_block (model, 5, &items[1])->end, ==, 17 * 60);

  block = find_block (model, 0, &items[2]);
  g_assert_cmpint (block->start, ==, 0);
  g_assert_cmpint (block->end, ==, 8 * 60);
  g_assert_true (block->starts_before);

  block = find_block (model, 6, &items[3]);
  g_assert_cmpint (block->start, ==, 23 * 60);
  g_assert_cmpint (block->end, ==, 24 * 60);

  /* an empty slot is drawn a quarter long */
  block = find_block (model, 4, &items[4]);
  g_assert_nonnull (block);
  g_assert_cmpint (block->end - block->start, ==, 15);

  for (guint day = 0; day < 7; day++)
    {
      g_assert_null (find_block (model, day, &items[5]));
      g_assert_null (find_block (model, day, &items[6]));
    }

  /* removing touches only the days the item covered */
  days = fd_time_grid_model_remove (model, &items[0]);
  g_assert_cmpuint (days, ==, (1u << 1) | (1u << 2));
  g_assert_null (find_block (model, 1, &items[0]));
  g_assert_cmpuint (fd_time_grid_model_remove (model, &items[0]), ==, 0);
  days = fd_time_grid_model_add (model, &items[0]);
  g_assert_cmpuint (days, ==, (1u << 1) | (1u << 2));
  g_assert_nonnull (find_block (model, 2, &items[0]));

  fd_time_grid_model_free (model);
}

static void
test_add_repacks_day (void)
{
  FdTimeGridModel *model = create_model (1);
  Item first = { "2026-03-02T09:00", "2026-03-02T12:00" };
  Item second = { "2026-03-02T11:00", "2026-03-02T13:00" };

  fd_time_grid_model_add (model, &first);
  g_assert_cmpuint (find_block (model, 0, &first)->n_columns, ==, 1);

  g_assert_cmpuint (fd_time_grid_model_add (model, &second), ==, 1);
  g_assert_cmpuint (find_block (model, 0, &first)->n_columns, ==, 2);
  g_assert_cmpuint (find_block (model, 0, &second)->column, ==, 1);

  fd_time_grid_model_remove (model, &first);
  g_assert_cmpuint (find_block (model, 0, &second)->n_columns, ==, 1);
  g_assert_cmpuint (find_block (model, 0, &second)->column, ==, 0);

  /* another page empties it */
  fd_time_grid_model_set_first (model, fd_time_grid_model_get_first (model));
  g_assert_cmpuint (fd_time_grid_model_get_blocks (model, 0)->len, ==, 0);

  fd_time_grid_model_free (model);
}

static void
test_overflow (void)
{
  FdTimeGridModel *model = create_model (1);
  Item items[6];
  char starts[6][20];

  /* six slots overlapping at 10:00 */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_snprintf (starts[i], sizeof starts[i], "2026-03-02T%02u:00", 9 + i % 2);
      items[i].start = starts[i];
      items[i].end = "2026-03-02T12:00";
    }
  set_items (model, items, G_N_ELEMENTS (items));

  g_assert_cmpuint (fd_time_grid_max_columns (150, 40), ==, 3);
  g_assert_cmpuint (fd_time_grid_max_columns (20, 40), ==, 1);
  g_assert_cmpuint (fd_time_grid_max_columns (1000, 40), ==, 25);

  g_assert_cmpuint (fd_time_grid_shown_columns (6, 10), ==, 6);
  g_assert_cmpuint (fd_time_grid_shown_columns (6, 6), ==, 6);
  g_assert_cmpuint (fd_time_grid_shown_columns (6, 3), ==, 2);
  g_assert_cmpuint (fd_time_grid_shown_columns (6, 1), ==, 0);

  /* three fit: two shown, the third column says "+4" */
  g_assert_cmpuint (fd_time_grid_model_count_hidden (model, 0, 0, 3), ==, 4);
  g_assert_cmpuint (fd_time_grid_model_count_hidden (model, 0, 0, 6), ==, 0);
  g_assert_cmpuint (fd_time_grid_model_count_hidden (model, 0, 0, 5), ==, 2);
  g_assert_cmpuint (fd_time_grid_model_count_hidden (model, 0, 0, 1), ==, 6);
  g_assert_cmpuint (fd_time_grid_model_count_hidden (model, 0, 1, 3), ==, 0);

  fd_time_grid_model_free (model);
}

static void
test_mapping (void)
{
  FdTimeGridModel *model = create_model (7);
  g_autofree char *iso = NULL;
  int minutes = 0;

  g_assert_cmpfloat (fd_time_grid_minutes_to_y (0, 48), ==, 0);
  g_assert_cmpfloat (fd_time_grid_minutes_to_y (8 * 60, 48), ==, 8 * 48);
  g_assert_cmpfloat (fd_time_grid_minutes_to_y (15, 48), ==, 12);
  g_assert_cmpint (fd_time_grid_y_to_minutes (8 * 48, 48), ==, 8 * 60);
  g_assert_cmpint (fd_time_grid_y_to_minutes (12, 48), ==, 15);
  g_assert_cmpint (fd_time_grid_y_to_minutes (11.9, 48), ==, 14);
  g_assert_cmpint (fd_time_grid_y_to_minutes (-30, 48), ==, 0);
  g_assert_cmpint (fd_time_grid_y_to_minutes (30 * 48, 48), ==, 24 * 60);

  for (int m = 0; m <= 24 * 60; m += 15)
    g_assert_cmpint (fd_time_grid_y_to_minutes (fd_time_grid_minutes_to_y (m, 48), 48), ==, m);

  g_assert_true (fd_time_grid_model_get_minutes (model, "2026-03-02T00:00", &minutes));
  g_assert_cmpint (minutes, ==, 0);
  g_assert_true (fd_time_grid_model_get_minutes (model, "2026-03-04T09:15", &minutes));
  g_assert_cmpint (minutes, ==, 2 * 1440 + 9 * 60 + 15);
  g_assert_true (fd_time_grid_model_get_minutes (model, "2026-03-01T23:00", &minutes));
  g_assert_cmpint (minutes, ==, -60);
  g_assert_true (fd_time_grid_model_get_minutes (model, "2026-03-04", &minutes));
  g_assert_cmpint (minutes, ==, 2 * 1440);
  g_assert_false (fd_time_grid_model_get_minutes (model, "2026-13-04T09:00", &minutes));
  g_assert_false (fd_time_grid_model_get_minutes (model, "", &minutes));
  g_assert_false (fd_time_grid_model_get_minutes (model, NULL, &minutes));
  g_assert_false (fd_time_grid_model_get_minutes (model, "1200-01-01T09:00", &minutes));

  iso = fd_time_grid_model_dup_iso (model, 2 * 1440 + 9 * 60 + 15);
  g_assert_cmpstr (iso, ==, "2026-03-04T09:15");
  g_clear_pointer (&iso, g_free);
  iso = fd_time_grid_model_dup_iso (model, -60);
  g_assert_cmpstr (iso, ==, "2026-03-01T23:00");
  g_clear_pointer (&iso, g_free);
  iso = fd_time_grid_model_dup_iso (model, 7 * 1440);
  g_assert_cmpstr (iso, ==, "2026-03-09T00:00");

  fd_time_grid_model_free (model);
}

static void
test_snapping (void)
{
  int start = 0, end = 0;

  /* a 09:00–12:00 slot on day 1 grabbed at 10:00, dropped an hour later
   * and a day right, a few minutes off */
  fd_time_grid_move (1440 + 540, 1440 + 720, 60, 2, 11 * 60 + 6, &start, &end);
  g_assert_cmpint (start, ==, 2 * 1440 + 600);
  g_assert_cmpint (end, ==, 2 * 1440 + 780);
  fd_time_grid_move (1440 + 540, 1440 + 720, 60, 2, 11 * 60 + 8, &start, &end);
  g_assert_cmpint (start, ==, 2 * 1440 + 615);

  /* kept in its day */
  fd_time_grid_move (540, 720, 0, 0, 23 * 60, &start, &end);
  g_assert_cmpint (start, ==, 21 * 60);
  g_assert_cmpint (end, ==, 24 * 60);
  fd_time_grid_move (540, 720, 120, 3, 30, &start, &end);
  g_assert_cmpint (start, ==, 3 * 1440);
  g_assert_cmpint (end, ==, 3 * 1440 + 180);

  /* a two-day slot keeps its length */
  fd_time_grid_move (540, 1440 + 720, 0, 1, 600, &start, &end);
  g_assert_cmpint (start, ==, 1440 + 600);
  g_assert_cmpint (end, ==, 1440 + 600 + 1440 + 180);

  g_assert_cmpint (fd_time_grid_resize (540, 727), ==, 720);
  g_assert_cmpint (fd_time_grid_resize (540, 728), ==, 735);
  g_assert_cmpint (fd_time_grid_resize (540, 500), ==, 555);
  g_assert_cmpint (fd_time_grid_resize (540, 547), ==, 555);

  fd_time_grid_select (1, 9 * 60 + 5, 10 * 60 + 53, &start, &end);
  g_assert_cmpint (start, ==, 1440 + 540);
  g_assert_cmpint (end, ==, 1440 + 660);
  fd_time_grid_select (1, 10 * 60 + 53, 9 * 60 + 5, &start, &end);
  g_assert_cmpint (start, ==, 1440 + 540);
  g_assert_cmpint (end, ==, 1440 + 660);
  fd_time_grid_select (0, 600, 600, &start, &end);
  g_assert_cmpint (start, ==, 600);
  g_assert_cmpint (end, ==, 615);
  fd_time_grid_select (0, 1435, 2000, &start, &end);
  g_assert_cmpint (start, ==, 1425);
  g_assert_cmpint (end, ==, 1440);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-grid/packing/touching", test_touching);
  g_test_add_func ("/time-grid/packing/three-overlapping", test_three_overlapping);
  g_test_add_func ("/time-grid/packing/chain", test_chain);
  g_test_add_func ("/time-grid/packing/add-repacks-day", test_add_repacks_day);
  g_test_add_func ("/time-grid/clipping", test_clipping);
  g_test_add_func ("/time-grid/overflow", test_overflow);
  g_test_add_func ("/time-grid/mapping", test_mapping);
  g_test_add_func ("/time-grid/snapping", test_snapping);

  return g_test_run ();
}
