/* fd-time-grid-model.c — what a week or day time grid shows, without GTK
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-time-grid-model"

#include "config.h"

#include "fd-time-grid-model.h"

#include <math.h>

#include "fd-calendar-period.h"

/*
 * FdTimeGridModel:
 *
 * The decisions of FdWeekView that need no pixels: which part of each slot
 * falls in which day of the page, and how the slots of a day are packed
 * side by side. Slots that overlap in real time, directly or through
 * others, form a cluster; each takes the leftmost column free at its start
 * and is as wide as the cluster's column count allows. 09:00–12:00 and
 * 12:00–13:00 touch, they do not overlap. A slot that crosses midnight has
 * a block in each day it covers, clipped to that day.
 *
 * Times are counted in "page minutes": minutes after the midnight that
 * starts the page's first day, on the wall clock (a day is always 1440 of
 * them, as the grid draws it, whatever daylight saving time does). A
 * drag's arithmetic is done in them, then turned back into the local
 * date-times slots store.
 *
 * Adding or removing one item packs again the days it covers only.
 */

struct _FdTimeGridModel
{
  GDate first;
  guint n_days;
  FdTimeGridGetIso get_start;
  FdTimeGridGetIso get_end;
  GArray *days[FD_TIME_GRID_MAX_DAYS];   /* of FdTimeGridBlock */
  guint n_clusters[FD_TIME_GRID_MAX_DAYS];
};

static int
floor_div (int a,
           int b)
{
  int q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const FdTimeGridBlock *block_a = a;
  const FdTimeGridBlock *block_b = b;

  if (block_a->start != block_b->start)
    return block_a->start < block_b->start ? -1 : 1;

  /* the longer first, so it takes the left column */
  if (block_a->end != block_b->end)
    return block_a->end > block_b->end ? -1 : 1;

  return 0;
}

static void
close_cluster (GArray *blocks,
               guint   from,
               guint   to,
               guint   n_columns)
{
  for (guint i = from; i < to; i++)
    g_array_index (blocks, FdTimeGridBlock, i).n_columns = n_columns;
}

/* Sorts a day's blocks and gives each its cluster and column. */
static void
pack_day (FdTimeGridModel *self,
          guint            day)
{
  GArray *blocks = self->days[day];
  g_autoptr(GArray) column_ends = g_array_new (FALSE, FALSE, sizeof (int));
  guint cluster_first = 0;
  guint cluster = 0;
  int cluster_end = G_MININT;

  g_array_sort (blocks, compare_blocks);

  for (guint i = 0; i < blocks->len; i++)
    {
      FdTimeGridBlock *block = &g_array_index (blocks, FdTimeGridBlock, i);
      guint column;

      if (block->start >= cluster_end)
        {
          if (i > 0)
            {
              close_cluster (blocks, cluster_first, i, column_ends->len);
              cluster++;
            }
          cluster_first = i;
          g_array_set_size (column_ends, 0);
        }

      for (column = 0; column < column_ends->len; column++)
        {
          if (g_array_index (column_ends, int, column) <= block->start)
            break;
        }

      if (column == column_ends->len)
        g_array_append_val (column_ends, block->end);
      else
        g_array_index (column_ends, int, column) = block->end;

      block->column = column;
      block->cluster = cluster;
      cluster_end = MAX (cluster_end, block->end);
    }

  if (blocks->len > 0)
    {
      close_cluster (blocks, cluster_first, blocks->len, column_ends->len);
      cluster++;
    }

  self->n_clusters[day] = cluster;
}

/* Adds @item's blocks to the days it covers, without packing them. */
static guint32
insert_item (FdTimeGridModel *self,
             gpointer         item)
{
  int start, end;
  guint32 days = 0;

  if (!fd_time_grid_model_get_minutes (self, self->get_start (item), &start))
    return 0;
  if (!fd_time_grid_model_get_minutes (self, self->get_end (item), &end) || end <= start)
    end = start + FD_TIME_GRID_STEP;

  for (guint day = 0; day < self->n_days; day++)
    {
      int day_start = (int) day * FD_TIME_GRID_DAY_MINUTES;
      int day_end = day_start + FD_TIME_GRID_DAY_MINUTES;
      FdTimeGridBlock block = { 0 };

      if (end <= day_start || start >= day_end)
        continue;

      block.item = item;
      block.day = day;
      block.start = MAX (start, day_start) - day_start;
      block.end = MIN (end, day_end) - day_start;
      block.starts_before = start < day_start;
      block.ends_after = end > day_end;
      block.n_columns = 1;
      g_array_append_val (self->days[day], block);
      days |= 1u << day;
    }

  return days;
}

static void
pack_days (FdTimeGridModel *self,
           guint32          days)
{
  for (guint day = 0; day < self->n_days; day++)
    {
      if (days & (1u << day))
        pack_day (self, day);
    }
}

/**
 * fd_time_grid_model_new:
 * @first: the page's first day
 * @n_days: how many days it shows, 1 … %FD_TIME_GRID_MAX_DAYS
 * @get_start: gives an item's start, a local date-time "2026-03-03T09:00"
 * @get_end: gives its end
 *
 * Returns: (transfer full): an empty model, free with
 *   fd_time_grid_model_free()
 */
FdTimeGridModel *
fd_time_grid_model_new (const GDate      *first,
                        guint             n_days,
                        FdTimeGridGetIso  get_start,
                        FdTimeGridGetIso  get_end)
{
  FdTimeGridModel *self;

  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (n_days >= 1 && n_days <= FD_TIME_GRID_MAX_DAYS, NULL);
  g_return_val_if_fail (get_start != NULL && get_end != NULL, NULL);

  self = g_new0 (FdTimeGridModel, 1);
  self->first = *first;
  self->n_days = n_days;
  self->get_start = get_start;
  self->get_end = get_end;
  for (guint i = 0; i < n_days; i++)
    self->days[i] = g_array_new (FALSE, FALSE, sizeof (FdTimeGridBlock));

  return self;
}

void
fd_time_grid_model_free (FdTimeGridModel *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_days; i++)
    g_array_unref (self->days[i]);
  g_free (self);
}

/**
 * fd_time_grid_model_set_first:
 * @self: a model
 * @first: the new page's first day
 *
 * Moves to another page, emptied.
 */
void
fd_time_grid_model_set_first (FdTimeGridModel *self,
                              const GDate     *first)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (first != NULL && g_date_valid (first));

  self->first = *first;
  fd_time_grid_model_set_items (self, NULL);
}

const GDate *
fd_time_grid_model_get_first (FdTimeGridModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->first;
}

guint
fd_time_grid_model_get_n_days (FdTimeGridModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_days;
}

/**
 * fd_time_grid_model_set_items:
 * @self: a model
 * @items: (nullable): the items to show; those outside the page, or whose
 *   start cannot be read, are left out
 *
 * The items are borrowed: they must outlive their place in the model.
 */
void
fd_time_grid_model_set_items (FdTimeGridModel *self,
                              GPtrArray       *items)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->n_days; i++)
    {
      g_array_set_size (self->days[i], 0);
      self->n_clusters[i] = 0;
    }

  if (items == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    insert_item (self, g_ptr_array_index (items, i));

  pack_days (self, G_MAXUINT32);
}

/**
 * fd_time_grid_model_add:
 * @self: a model
 * @item: an item the model does not hold
 *
 * Returns: the days packed again, as a mask (bit 0 for the first day)
 */
guint32
fd_time_grid_model_add (FdTimeGridModel *self,
                        gpointer         item)
{
  guint32 days;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (item != NULL, 0);

  days = insert_item (self, item);
  pack_days (self, days);

  return days;
}

/**
 * fd_time_grid_model_remove:
 * @self: a model
 * @item: an item the model may hold
 *
 * Returns: the days packed again, as a mask; 0 if @item was not there
 */
guint32
fd_time_grid_model_remove (FdTimeGridModel *self,
                           gpointer         item)
{
  guint32 days = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint day = 0; day < self->n_days; day++)
    {
      GArray *blocks = self->days[day];

      for (guint i = blocks->len; i > 0; i--)
        {
          if (g_array_index (blocks, FdTimeGridBlock, i - 1).item == item)
            {
              g_array_remove_index (blocks, i - 1);
              days |= 1u << day;
            }
        }
    }

  pack_days (self, days);

  return days;
}

/**
 * fd_time_grid_model_get_blocks:
 * @self: a model
 * @day: a day of the page
 *
 * Returns: (transfer none) (element-type FdTimeGridBlock): the day's
 *   blocks, by start (the longer first), packed
 */
GArray *
fd_time_grid_model_get_blocks (FdTimeGridModel *self,
                               guint            day)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (day < self->n_days, NULL);

  return self->days[day];
}

guint
fd_time_grid_model_get_n_clusters (FdTimeGridModel *self,
                                   guint            day)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (day < self->n_days, 0);

  return self->n_clusters[day];
}

/**
 * fd_time_grid_model_count_hidden:
 * @self: a model
 * @day: a day of the page
 * @cluster: one of its clusters
 * @max_columns: how many columns fit in the day's width
 *
 * Returns: how many blocks of the cluster are left for its "+N" button
 */
guint
fd_time_grid_model_count_hidden (FdTimeGridModel *self,
                                 guint            day,
                                 guint            cluster,
                                 guint            max_columns)
{
  GArray *blocks;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (day < self->n_days, 0);

  blocks = self->days[day];
  for (guint i = 0; i < blocks->len; i++)
    {
      const FdTimeGridBlock *block = &g_array_index (blocks, FdTimeGridBlock, i);

      if (block->cluster == cluster && !fd_time_grid_block_is_shown (block, max_columns))
        n++;
    }

  return n;
}

/**
 * fd_time_grid_model_get_minutes:
 * @self: a model
 * @iso: (nullable): a local date-time, "2026-03-03T09:00"
 * @minutes: (out): the page minutes it is at (negative before the page)
 *
 * Returns: %FALSE if @iso cannot be read or is too far from the page
 */
gboolean
fd_time_grid_model_get_minutes (FdTimeGridModel *self,
                                const char      *iso,
                                int             *minutes)
{
  GDate day;
  int in_day = 0;
  gint64 days;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (minutes != NULL, FALSE);

  if (!fd_calendar_parse_iso (iso, &day, &in_day))
    return FALSE;

  days = (gint64) g_date_get_julian (&day) - (gint64) g_date_get_julian (&self->first);
  /* a year either side is plenty, and keeps the arithmetic in an int */
  if (days < -366 || days > 366 + FD_TIME_GRID_MAX_DAYS)
    return FALSE;

  *minutes = (int) days * FD_TIME_GRID_DAY_MINUTES + in_day;
  return TRUE;
}

/**
 * fd_time_grid_model_dup_iso:
 * @self: a model
 * @minutes: page minutes
 *
 * Returns: (transfer full): the local date-time they are, as slots store
 *   it, "2026-03-03T09:15"
 */
char *
fd_time_grid_model_dup_iso (FdTimeGridModel *self,
                            int              minutes)
{
  GDate day;
  int days;

  g_return_val_if_fail (self != NULL, NULL);

  days = floor_div (minutes, FD_TIME_GRID_DAY_MINUTES);
  day = self->first;
  if (days > 0)
    g_date_add_days (&day, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&day, (guint) -days);

  return fd_calendar_dup_iso_at (&day, minutes - days * FD_TIME_GRID_DAY_MINUTES);
}

/**
 * fd_time_grid_max_columns:
 * @day_width: a day's width
 * @min_width: the narrowest a block may be
 *
 * Returns: how many columns of blocks fit in a day, at least 1
 */
guint
fd_time_grid_max_columns (double day_width,
                          double min_width)
{
  g_return_val_if_fail (min_width > 0, 1);

  if (day_width < min_width)
    return 1;

  return (guint) MAX (1.0, floor (day_width / min_width));
}

/**
 * fd_time_grid_shown_columns:
 * @n_columns: a cluster's columns
 * @max_columns: how many fit
 *
 * When they do not all fit, the last column that fits is given to the
 * "+N" button, so one fewer column of blocks is shown.
 *
 * Returns: how many of the cluster's columns show blocks
 */
guint
fd_time_grid_shown_columns (guint n_columns,
                            guint max_columns)
{
  if (n_columns <= max_columns)
    return n_columns;

  return max_columns > 0 ? max_columns - 1 : 0;
}

gboolean
fd_time_grid_block_is_shown (const FdTimeGridBlock *block,
                             guint                  max_columns)
{
  g_return_val_if_fail (block != NULL, FALSE);

  return block->column < fd_time_grid_shown_columns (block->n_columns, max_columns);
}

/**
 * fd_time_grid_minutes_to_y:
 * @minutes: minutes after midnight
 * @hour_height: the height of an hour
 *
 * Returns: how far below midnight @minutes are drawn
 */
double
fd_time_grid_minutes_to_y (int    minutes,
                           double hour_height)
{
  return minutes * hour_height / 60.0;
}

/**
 * fd_time_grid_y_to_minutes:
 * @y: how far below midnight a point is
 * @hour_height: the height of an hour
 *
 * Returns: the minute the point is in, 0 … 1440
 */
int
fd_time_grid_y_to_minutes (double y,
                           double hour_height)
{
  double minutes;

  g_return_val_if_fail (hour_height > 0, 0);

  minutes = floor (y * 60.0 / hour_height);

  return (int) CLAMP (minutes, 0, FD_TIME_GRID_DAY_MINUTES);
}

/**
 * fd_time_grid_move:
 * @start: the item's start, in page minutes
 * @end: its end
 * @grab_offset: where it was grabbed: the pointer's page minutes then,
 *   minus @start
 * @day: the day the pointer is over
 * @minutes: the pointer's minutes in that day
 * @new_start: (out): where the item would start, snapped to a quarter
 * @new_end: (out): where it would end, the same length as before
 *
 * An item within a day is kept in the day under the pointer: dragged past
 * midnight, it stops at midnight. One that crosses midnight moves freely.
 */
void
fd_time_grid_move (int    start,
                   int    end,
                   int    grab_offset,
                   guint  day,
                   int    minutes,
                   int   *new_start,
                   int   *new_end)
{
  int length = MAX (end - start, 0);
  int moved;

  g_return_if_fail (new_start != NULL && new_end != NULL);

  if (length > 0 &&
      floor_div (start, FD_TIME_GRID_DAY_MINUTES) ==
      floor_div (end - 1, FD_TIME_GRID_DAY_MINUTES))
    {
      /* within a day: it stays in the day under the pointer */
      int in_day = fd_calendar_snap_minutes (minutes - grab_offset, FD_TIME_GRID_STEP);

      in_day = CLAMP (in_day, 0, FD_TIME_GRID_DAY_MINUTES - length);
      moved = (int) day * FD_TIME_GRID_DAY_MINUTES + in_day;
    }
  else
    {
      moved = (int) day * FD_TIME_GRID_DAY_MINUTES + minutes - grab_offset;
      moved = fd_calendar_snap_minutes (moved, FD_TIME_GRID_STEP);
    }

  *new_start = moved;
  *new_end = moved + length;
}

/**
 * fd_time_grid_resize:
 * @start: the item's start, in page minutes
 * @minutes: where its end is dragged, in page minutes
 *
 * Returns: the new end, snapped to a quarter and at least a quarter after
 *   @start
 */
int
fd_time_grid_resize (int start,
                     int minutes)
{
  int end = fd_calendar_snap_minutes (minutes, FD_TIME_GRID_STEP);

  return MAX (end, start + FD_TIME_GRID_STEP);
}

/**
 * fd_time_grid_select:
 * @day: the day a range is selected in
 * @from: where the selection began, in minutes of that day
 * @to: where the pointer is now
 * @start: (out): the range's start, in page minutes, snapped to a quarter
 * @end: (out): its end, at least a quarter later, never past midnight
 */
void
fd_time_grid_select (guint  day,
                     int    from,
                     int    to,
                     int   *start,
                     int   *end)
{
  int low, high;

  g_return_if_fail (start != NULL && end != NULL);

  from = CLAMP (from, 0, FD_TIME_GRID_DAY_MINUTES);
  to = CLAMP (to, 0, FD_TIME_GRID_DAY_MINUTES);

  /* the quarter the selection began in is always part of it */
  low = MIN (from, to) / FD_TIME_GRID_STEP * FD_TIME_GRID_STEP;
  high = fd_calendar_snap_minutes (MAX (from, to), FD_TIME_GRID_STEP);
  if (high < low + FD_TIME_GRID_STEP)
    high = low + FD_TIME_GRID_STEP;
  if (high > FD_TIME_GRID_DAY_MINUTES)
    {
      high = FD_TIME_GRID_DAY_MINUTES;
      low = MIN (low, high - FD_TIME_GRID_STEP);
    }

  *start = (int) day * FD_TIME_GRID_DAY_MINUTES + low;
  *end = (int) day * FD_TIME_GRID_DAY_MINUTES + high;
}
