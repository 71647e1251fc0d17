/* fd-resource-model.c — the decisions of the resource week, without GTK
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-resource-model"

#include "config.h"

#include "fd-resource-model.h"

#include "fd-calendar-period.h"

#include <math.h>
#include <string.h>

/*
 * FdResourceModel:
 *
 * What FdResourceView shows, decided without pixels so tests can check it:
 * the lanes (one per trainer or room, in the order given), which slots are
 * in each lane (a slot with two trainers is in both trainers' lanes), the
 * sub-rows overlapping slots of a lane are stacked on, how tall each lane
 * is and which lanes a scroll offset shows, and the mapping between x and
 * the times of the week.
 *
 * Slots are indexed by lane once per fd_resource_model_set_slots(), then
 * each added, changed or removed slot touches only its own lanes: their
 * placements are stacked again, and the lanes' offsets are summed again
 * (2 000 integers) only when a lane changed height.
 *
 * Times are minutes since the week's Monday 00:00 on the wall clock, as
 * slots are stored: a day is always 1 440 minutes here, even on the days
 * daylight saving time starts or ends.
 *
 * Stacking: overlapping slots of a lane go on sub-rows, the lane growing
 * by a row for each more, rather than sharing the lane's height: the bars
 * keep a readable height, and a lane with no overlap (nearly all of them)
 * stays one row tall. Two slots overlap when they share real time, so
 * 09:00–12:00 and 12:00–13:00 stay on one row. Each slot takes the first
 * row free at its start, in start order, which uses the fewest rows.
 */

typedef struct
{
  FdResourceLane *lane;
  GArray *placements;      /* of FdResourcePlacement, by start; NULL if none */
  guint n_rows;
} Lane;

struct _FdResourceModel
{
  FdResourceBy by;
  GDate monday;

  GArray *lanes;           /* of Lane */
  GHashTable *lane_index;  /* lane id (borrowed) → index + 1 */
  GHashTable *slots;       /* slot id (borrowed) → FdSlot (owned) */

  int row_height;
  int padding;
  GArray *offsets;         /* of int: lane i spans offsets[i]…offsets[i + 1] */
  gboolean offsets_valid;
};

static void
lane_clear (Lane *lane)
{
  g_clear_pointer (&lane->lane, fd_resource_lane_unref);
  g_clear_pointer (&lane->placements, g_array_unref);
}

static void
go_to_monday (GDate *date)
{
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

/**
 * fd_resource_model_new:
 * @by: what the lanes are
 *
 * Returns: (transfer full): an empty model on the current week
 */
FdResourceModel *
fd_resource_model_new (FdResourceBy by)
{
  FdResourceModel *self = g_new0 (FdResourceModel, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->by = by;
  g_date_clear (&self->monday, 1);
  g_date_set_dmy (&self->monday,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  go_to_monday (&self->monday);

  self->lanes = g_array_new (FALSE, TRUE, sizeof (Lane));
  g_array_set_clear_func (self->lanes, (GDestroyNotify) lane_clear);
  self->lane_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->slots = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->offsets = g_array_new (FALSE, TRUE, sizeof (int));
  self->row_height = 24;
  self->padding = 4;

  return self;
}

void
fd_resource_model_free (FdResourceModel *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->lane_index);
  g_array_unref (self->lanes);
  g_hash_table_unref (self->slots);
  g_array_unref (self->offsets);
  g_free (self);
}

FdResourceBy
fd_resource_model_get_by (FdResourceModel *self)
{
  g_return_val_if_fail (self != NULL, FD_RESOURCE_BY_TRAINER);

  return self->by;
}

static void
clear_placements (FdResourceModel *self)
{
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, i);

      g_clear_pointer (&lane->placements, g_array_unref);
      lane->n_rows = 0;
    }
  self->offsets_valid = FALSE;
}

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const FdResourcePlacement *x = a;
  const FdResourcePlacement *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;

  return g_strcmp0 (fd_record_get_id (FD_RECORD (x->slot)),
                    fd_record_get_id (FD_RECORD (y->slot)));
}

/* Sorts a lane's placements and stacks them; returns whether its number of
 * rows changed. */
static gboolean
restack_lane (Lane *lane)
{
  guint n_rows = 0;
  int ends[64];
  g_autoptr(GArray) more_ends = NULL;
  guint old = lane->n_rows;

  if (lane->placements == NULL || lane->placements->len == 0)
    {
      lane->n_rows = 0;
      return old != 0;
    }

  g_array_sort (lane->placements, compare_placements);

  for (guint i = 0; i < lane->placements->len; i++)
    {
      FdResourcePlacement *placement = &g_array_index (lane->placements,
                                                       FdResourcePlacement, i);
      guint row;

      for (row = 0; row < n_rows; row++)
        {
          int end = row < G_N_ELEMENTS (ends) ? ends[row]
                                              : g_array_index (more_ends, int, row - G_N_ELEMENTS (ends));

          if (end <= placement->start)
            break;
        }

      if (row == n_rows)
        {
          n_rows++;
          if (row >= G_N_ELEMENTS (ends) && more_ends == NULL)
            more_ends = g_array_new (FALSE, TRUE, sizeof (int));
          if (row >= G_N_ELEMENTS (ends))
            g_array_set_size (more_ends, row - G_N_ELEMENTS (ends) + 1);
        }

      if (row < G_N_ELEMENTS (ends))
        ends[row] = placement->end;
      else
        g_array_index (more_ends, int, row - G_N_ELEMENTS (ends)) = placement->end;
      placement->row = row;
    }

  lane->n_rows = n_rows;

  return old != n_rows;
}

/* Where @slot is in the week; FALSE if it does not start in it */
static gboolean
get_slot_times (FdResourceModel *self,
                FdSlot          *slot,
                int             *start,
                int             *end)
{
  if (!fd_resource_model_iso_to_minutes (self, fd_slot_get_start_at (slot), start) ||
      *start < 0 || *start >= FD_RESOURCE_WEEK)
    return FALSE;

  if (!fd_resource_model_iso_to_minutes (self, fd_slot_get_end_at (slot), end) ||
      *end <= *start)
    *end = *start + FD_RESOURCE_SNAP;

  return TRUE;
}

typedef void (*LaneFunc) (FdResourceModel *self,
                          Lane            *lane,
                          gpointer         data);

/* Calls @func on each lane @slot is in, once each */
static void
foreach_slot_lane (FdResourceModel *self,
                   FdSlot          *slot,
                   LaneFunc         func,
                   gpointer         data)
{
  if (self->by == FD_RESOURCE_BY_ROOM)
    {
      const char *room_id = fd_slot_get_room_id (slot);
      guint index = room_id != NULL
        ? GPOINTER_TO_UINT (g_hash_table_lookup (self->lane_index, room_id)) : 0;

      if (index > 0)
        func (self, &g_array_index (self->lanes, Lane, index - 1), data);
      return;
    }

  for (const char * const *ids = fd_slot_get_trainer_ids (slot);
       ids != NULL && *ids != NULL;
       ids++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->lane_index, *ids));
      gboolean seen = FALSE;

      if (index == 0)
        continue;

      /* one person in two roles is one bar */
      for (const char * const *before = fd_slot_get_trainer_ids (slot); before != ids; before++)
        seen = seen || g_strcmp0 (*before, *ids) == 0;

      if (!seen)
        func (self, &g_array_index (self->lanes, Lane, index - 1), data);
    }
}

typedef struct
{
  FdResourcePlacement placement;
  gboolean restack;
} AddData;

static void
add_to_lane (FdResourceModel *self,
             Lane            *lane,
             gpointer         data)
{
  AddData *add = data;

  if (lane->placements == NULL)
    lane->placements = g_array_sized_new (FALSE, TRUE, sizeof (FdResourcePlacement), 4);
  g_array_append_val (lane->placements, add->placement);

  if (add->restack && restack_lane (lane))
    self->offsets_valid = FALSE;
}

static void
remove_from_lane (FdResourceModel *self,
                  Lane            *lane,
                  gpointer         data)
{
  FdSlot *slot = data;

  if (lane->placements == NULL)
    return;

  for (guint i = 0; i < lane->placements->len; i++)
    {
      if (g_array_index (lane->placements, FdResourcePlacement, i).slot == slot)
        {
          g_array_remove_index (lane->placements, i);
          break;
        }
    }

  if (restack_lane (lane))
    self->offsets_valid = FALSE;
}

static void
index_slot (FdResourceModel *self,
            FdSlot          *slot,
            gboolean         restack)
{
  AddData add = { { slot, 0, 0, 0 }, restack };

  if (get_slot_times (self, slot, &add.placement.start, &add.placement.end))
    foreach_slot_lane (self, slot, add_to_lane, &add);
}

/* Indexes every slot again, once: after new lanes or a new kind of lane */
static void
reindex (FdResourceModel *self)
{
  GHashTableIter iter;
  gpointer slot;

  clear_placements (self);

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    index_slot (self, slot, FALSE);

  for (guint i = 0; i < self->lanes->len; i++)
    restack_lane (&g_array_index (self->lanes, Lane, i));
}

void
fd_resource_model_set_by (FdResourceModel *self,
                          FdResourceBy     by)
{
  g_return_if_fail (self != NULL);

  if (self->by == by)
    return;

  self->by = by;
  reindex (self);
}

/**
 * fd_resource_model_set_week:
 * @self: a model
 * @date: any day of the week to show
 *
 * Returns: %TRUE if the week changed; its slots are then cleared
 */
gboolean
fd_resource_model_set_week (FdResourceModel *self,
                            const GDate     *date)
{
  GDate monday;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  monday = *date;
  go_to_monday (&monday);
  if (g_date_compare (&monday, &self->monday) == 0)
    return FALSE;

  self->monday = monday;
  fd_resource_model_set_slots (self, NULL);

  return TRUE;
}

void
fd_resource_model_get_monday (FdResourceModel *self,
                              GDate           *monday)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (monday != NULL);

  *monday = self->monday;
}

/**
 * fd_resource_model_set_lanes:
 * @self: a model
 * @lanes: (nullable) (element-type FdResourceLane): the lanes, in the
 *   order shown: all trainers, or only some (a filter)
 *
 * The model takes references on the lanes, not on @lanes.
 */
void
fd_resource_model_set_lanes (FdResourceModel *self,
                             GPtrArray       *lanes)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->lane_index);
  g_array_set_size (self->lanes, 0);

  for (guint i = 0; lanes != NULL && i < lanes->len; i++)
    {
      FdResourceLane *resource = g_ptr_array_index (lanes, i);
      const char *id = fd_resource_lane_get_id (resource);
      Lane lane = { 0 };

      /* a lane given twice is shown once */
      if (g_hash_table_contains (self->lane_index, id))
        continue;

      lane.lane = fd_resource_lane_ref (resource);
      g_array_append_val (self->lanes, lane);
      g_hash_table_insert (self->lane_index, (gpointer) id,
                           GUINT_TO_POINTER (self->lanes->len));
    }

  reindex (self);
}

guint
fd_resource_model_get_n_lanes (FdResourceModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lanes->len;
}

/**
 * fd_resource_model_get_lane:
 *
 * Returns: (transfer none): the lane at @lane
 */
FdResourceLane *
fd_resource_model_get_lane (FdResourceModel *self,
                            guint            lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  return g_array_index (self->lanes, Lane, lane).lane;
}

/**
 * fd_resource_model_find_lane:
 *
 * Returns: the index of the lane of @lane_id, or -1
 */
int
fd_resource_model_find_lane (FdResourceModel *self,
                             const char      *lane_id)
{
  g_return_val_if_fail (self != NULL, -1);

  if (lane_id == NULL)
    return -1;

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->lane_index, lane_id)) - 1;
}

/**
 * fd_resource_model_set_slots:
 * @self: a model
 * @slots: (nullable) (element-type FdSlot): the week's slots; those that
 *   do not start in the week, or are in no lane, are not placed
 */
void
fd_resource_model_set_slots (FdResourceModel *self,
                             GPtrArray       *slots)
{
  g_return_if_fail (self != NULL);

  clear_placements (self);
  g_hash_table_remove_all (self->slots);

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      FdSlot *slot = g_ptr_array_index (slots, i);
      const char *id = fd_record_get_id (FD_RECORD (slot));
      int start, end;

      if (id == NULL || g_hash_table_contains (self->slots, id) ||
          !get_slot_times (self, slot, &start, &end))
        continue;

      g_hash_table_insert (self->slots, (gpointer) id, g_object_ref (slot));
      index_slot (self, slot, FALSE);
    }

  for (guint i = 0; i < self->lanes->len; i++)
    restack_lane (&g_array_index (self->lanes, Lane, i));
}

/**
 * fd_resource_model_add_slot:
 * @self: a model
 * @slot: a slot; one of the same id is replaced
 *
 * Returns: %TRUE if the slot is known now (it starts in the week)
 */
gboolean
fd_resource_model_add_slot (FdResourceModel *self,
                            FdSlot          *slot)
{
  const char *id;
  int start, end;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FD_IS_SLOT (slot), FALSE);

  id = fd_record_get_id (FD_RECORD (slot));
  g_return_val_if_fail (id != NULL, FALSE);

  fd_resource_model_remove_slot (self, id);

  if (!get_slot_times (self, slot, &start, &end))
    return FALSE;

  g_hash_table_insert (self->slots, (gpointer) id, g_object_ref (slot));
  index_slot (self, slot, TRUE);

  return TRUE;
}

/**
 * fd_resource_model_remove_slot:
 *
 * Returns: %TRUE if a slot of @slot_id was there
 */
gboolean
fd_resource_model_remove_slot (FdResourceModel *self,
                               const char      *slot_id)
{
  FdSlot *slot;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (slot_id != NULL, FALSE);

  slot = g_hash_table_lookup (self->slots, slot_id);
  if (slot == NULL)
    return FALSE;

  foreach_slot_lane (self, slot, remove_from_lane, slot);
  g_hash_table_remove (self->slots, slot_id);

  return TRUE;
}

/**
 * fd_resource_model_lookup_slot:
 *
 * Returns: (transfer none) (nullable): the slot of @slot_id
 */
FdSlot *
fd_resource_model_lookup_slot (FdResourceModel *self,
                               const char      *slot_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return slot_id != NULL ? g_hash_table_lookup (self->slots, slot_id) : NULL;
}

/**
 * fd_resource_model_get_placements:
 *
 * Returns: (transfer none) (nullable) (element-type FdResourcePlacement):
 *   the slots of @lane by start, or %NULL if it has none
 */
GArray *
fd_resource_model_get_placements (FdResourceModel *self,
                                  guint            lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  return g_array_index (self->lanes, Lane, lane).placements;
}

/**
 * fd_resource_model_get_n_rows:
 *
 * Returns: how many sub-rows @lane stacks its slots on, 0 when empty
 */
guint
fd_resource_model_get_n_rows (FdResourceModel *self,
                              guint            lane)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (lane < self->lanes->len, 0);

  return g_array_index (self->lanes, Lane, lane).n_rows;
}

/**
 * fd_resource_model_find_placement:
 *
 * Returns: the index of @slot_id among the placements of @lane, or -1
 */
int
fd_resource_model_find_placement (FdResourceModel *self,
                                  guint            lane,
                                  const char      *slot_id)
{
  GArray *placements;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (lane < self->lanes->len, -1);

  placements = g_array_index (self->lanes, Lane, lane).placements;
  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      FdResourcePlacement *placement = &g_array_index (placements, FdResourcePlacement, i);

      if (g_strcmp0 (fd_record_get_id (FD_RECORD (placement->slot)), slot_id) == 0)
        return (int) i;
    }

  return -1;
}

typedef struct
{
  FdResourceModel *self;
  guint *lanes;
  guint size;
  guint n;
} LanesData;

static void
collect_lane (FdResourceModel *self,
              Lane            *lane,
              gpointer         data)
{
  LanesData *collect = data;

  if (collect->n < collect->size)
    collect->lanes[collect->n] = (guint) (lane - &g_array_index (self->lanes, Lane, 0));
  collect->n++;
}

/**
 * fd_resource_model_get_slot_lanes:
 * @self: a model
 * @slot_id: a slot's id
 * @lanes: (out caller-allocates) (array length=n_lanes): the indexes of
 *   the lanes the slot is in
 * @n_lanes: the size of @lanes
 *
 * Returns: how many lanes the slot is in (possibly more than @n_lanes)
 */
guint
fd_resource_model_get_slot_lanes (FdResourceModel *self,
                                  const char      *slot_id,
                                  guint           *lanes,
                                  guint            n_lanes)
{
  FdSlot *slot;
  LanesData collect = { self, lanes, n_lanes, 0 };
  int start, end;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (lanes != NULL || n_lanes == 0, 0);

  slot = fd_resource_model_lookup_slot (self, slot_id);
  if (slot == NULL || !get_slot_times (self, slot, &start, &end))
    return 0;

  foreach_slot_lane (self, slot, collect_lane, &collect);

  return collect.n;
}

/**
 * fd_resource_model_set_metrics:
 * @self: a model
 * @row_height: the height of a sub-row, in pixels
 * @padding: the space above the first row and below the last
 *
 * A lane is as tall as its rows (at least one) and its padding.
 */
void
fd_resource_model_set_metrics (FdResourceModel *self,
                               int              row_height,
                               int              padding)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row_height > 0 && padding >= 0);

  if (self->row_height == row_height && self->padding == padding)
    return;

  self->row_height = row_height;
  self->padding = padding;
  self->offsets_valid = FALSE;
}

static void
ensure_offsets (FdResourceModel *self)
{
  int y = 0;

  if (self->offsets_valid)
    return;

  g_array_set_size (self->offsets, self->lanes->len + 1);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      guint n_rows = MAX (1, g_array_index (self->lanes, Lane, i).n_rows);

      g_array_index (self->offsets, int, i) = y;
      y += (int) n_rows * self->row_height + 2 * self->padding;
    }
  g_array_index (self->offsets, int, self->lanes->len) = y;
  self->offsets_valid = TRUE;
}

int
fd_resource_model_get_lane_y (FdResourceModel *self,
                              guint            lane)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (lane <= self->lanes->len, 0);

  ensure_offsets (self);

  return g_array_index (self->offsets, int, lane);
}

int
fd_resource_model_get_lane_height (FdResourceModel *self,
                                   guint            lane)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (lane < self->lanes->len, 0);

  ensure_offsets (self);

  return g_array_index (self->offsets, int, lane + 1) - g_array_index (self->offsets, int, lane);
}

/**
 * fd_resource_model_get_height:
 *
 * Returns: the height of all the lanes
 */
int
fd_resource_model_get_height (FdResourceModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return fd_resource_model_get_lane_y (self, self->lanes->len);
}

/**
 * fd_resource_model_get_lane_at_y:
 * @self: a model
 * @y: a height from the top of the first lane
 *
 * Returns: the lane at @y, or -1 when there is none
 */
int
fd_resource_model_get_lane_at_y (FdResourceModel *self,
                                 int              y)
{
  guint low = 0, high;

  g_return_val_if_fail (self != NULL, -1);

  ensure_offsets (self);

  if (y < 0 || self->lanes->len == 0 || y >= fd_resource_model_get_height (self))
    return -1;

  /* the last lane whose top is at or above y */
  high = self->lanes->len;
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->offsets, int, middle) <= y)
        low = middle;
      else
        high = middle;
    }

  return (int) low;
}

/**
 * fd_resource_model_get_visible:
 * @self: a model
 * @offset: the scroll offset, from the top of the first lane
 * @height: the height shown
 * @first: (out): the first lane shown, even partly
 *
 * Returns: how many lanes are shown, even partly, from @first
 */
guint
fd_resource_model_get_visible (FdResourceModel *self,
                               int              offset,
                               int              height,
                               guint           *first)
{
  int top, bottom;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (first != NULL, 0);

  *first = 0;
  if (self->lanes->len == 0 || height <= 0)
    return 0;

  offset = CLAMP (offset, 0, MAX (0, fd_resource_model_get_height (self) - 1));
  top = fd_resource_model_get_lane_at_y (self, offset);
  bottom = fd_resource_model_get_lane_at_y (self, offset + height - 1);
  if (bottom < 0)
    bottom = (int) self->lanes->len - 1;
  if (top < 0)
    return 0;

  *first = (guint) top;

  return (guint) (bottom - top + 1);
}

/**
 * fd_resource_model_iso_to_minutes:
 * @self: a model
 * @iso: a local date-time, "2026-03-03T09:15"
 * @minutes: (out): its minutes since the week's Monday 00:00 (negative
 *   before it)
 *
 * Returns: %FALSE if @iso is not a date-time
 */
gboolean
fd_resource_model_iso_to_minutes (FdResourceModel *self,
                                  const char      *iso,
                                  int             *minutes)
{
  GDate day;
  int day_minutes;
  gint64 days;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (minutes != NULL, FALSE);

  if (!fd_calendar_parse_iso (iso, &day, &day_minutes))
    return FALSE;

  days = g_date_days_between (&self->monday, &day);
  if (days < -366 || days > 366)
    return FALSE;

  *minutes = (int) days * 24 * 60 + day_minutes;

  return TRUE;
}

/**
 * fd_resource_model_dup_iso:
 * @self: a model
 * @minutes: minutes since the week's Monday 00:00
 *
 * Returns: (transfer full): the local date-time, "2026-03-03T09:15"
 */
char *
fd_resource_model_dup_iso (FdResourceModel *self,
                           int              minutes)
{
  GDate day;
  int days;

  g_return_val_if_fail (self != NULL, NULL);

  day = self->monday;
  days = (int) floor (minutes / (24.0 * 60));
  if (days > 0)
    g_date_add_days (&day, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&day, (guint) -days);

  return fd_calendar_dup_iso_at (&day, minutes - days * 24 * 60);
}

/**
 * fd_resource_scale_time_to_x:
 * @scale: the columns
 * @minutes: a time of the week
 *
 * A time before the day's first hour is drawn at its column's left edge,
 * after its last hour at the right edge; before Monday or after Sunday at
 * the week's edges.
 *
 * Returns: the x of @minutes
 */
double
fd_resource_scale_time_to_x (const FdResourceScale *scale,
                             int                    minutes)
{
  int day, in_day;
  double span = FD_RESOURCE_DAY_END - FD_RESOURCE_DAY_START;

  g_return_val_if_fail (scale != NULL, 0.0);

  if (minutes < 0)
    return scale->x;
  if (minutes >= FD_RESOURCE_WEEK)
    return scale->x + FD_RESOURCE_N_DAYS * scale->day_width;

  day = minutes / (24 * 60);
  in_day = CLAMP (minutes % (24 * 60), FD_RESOURCE_DAY_START, FD_RESOURCE_DAY_END);

  return scale->x + day * scale->day_width +
         (in_day - FD_RESOURCE_DAY_START) / span * scale->day_width;
}

/**
 * fd_resource_scale_x_to_time:
 * @scale: the columns
 * @x: a position (left of Monday is Monday's first hour, right of Sunday
 *   is Sunday's last)
 * @snap: the grid in minutes (1 for none)
 *
 * Returns: the time of the week at @x, snapped to @snap within its day
 */
int
fd_resource_scale_x_to_time (const FdResourceScale *scale,
                             double                 x,
                             int                    snap)
{
  double position, fraction;
  int day, in_day;
  int span = FD_RESOURCE_DAY_END - FD_RESOURCE_DAY_START;

  g_return_val_if_fail (scale != NULL, 0);
  g_return_val_if_fail (snap > 0, 0);

  if (scale->day_width <= 0)
    return FD_RESOURCE_DAY_START;

  position = (x - scale->x) / scale->day_width;
  if (position < 0)
    position = 0;
  day = MIN ((int) floor (position), FD_RESOURCE_N_DAYS - 1);
  fraction = CLAMP (position - day, 0.0, 1.0);

  in_day = FD_RESOURCE_DAY_START + (int) lround (fraction * span);
  in_day = fd_calendar_snap_minutes (in_day, snap);
  in_day = CLAMP (in_day, FD_RESOURCE_DAY_START, FD_RESOURCE_DAY_END);

  return day * 24 * 60 + in_day;
}

/**
 * fd_resource_drag_move:
 * @start: the slot's start
 * @end: its end
 * @grab: the time under the pointer when the drag began
 * @pointer: the time under it now
 * @new_start: (out): where the slot would start, on the 15-minute grid,
 *   within its day's hours when it fits there
 * @new_end: (out): where it would end: its length kept
 */
void
fd_resource_drag_move (int  start,
                       int  end,
                       int  grab,
                       int  pointer,
                       int *new_start,
                       int *new_end)
{
  int length = end - start;
  int moved, day, in_day;

  g_return_if_fail (new_start != NULL && new_end != NULL);

  moved = fd_calendar_snap_minutes (start + (pointer - grab), FD_RESOURCE_SNAP);

  /* across a night the pointer jumps hours the columns do not show */
  day = (int) floor (moved / (24.0 * 60));
  in_day = moved - day * 24 * 60;
  if (length <= FD_RESOURCE_DAY_END - FD_RESOURCE_DAY_START)
    {
      int latest = FD_RESOURCE_DAY_END - length;

      latest -= latest % FD_RESOURCE_SNAP;
      in_day = CLAMP (in_day, FD_RESOURCE_DAY_START, MAX (FD_RESOURCE_DAY_START, latest));
    }
  day = CLAMP (day, 0, FD_RESOURCE_N_DAYS - 1);

  *new_start = day * 24 * 60 + in_day;
  *new_end = *new_start + length;
}

/**
 * fd_resource_drag_resize:
 * @start: the slot's start
 * @pointer: the time under the pointer, dragging the slot's end
 *
 * Returns: the new end: on the grid, at least 15 minutes after @start,
 *   at most the next midnight
 */
int
fd_resource_drag_resize (int start,
                         int pointer)
{
  int midnight = ((int) floor (start / (24.0 * 60)) + 1) * 24 * 60;
  int end = fd_calendar_snap_minutes (pointer, FD_RESOURCE_SNAP);

  return CLAMP (end, start + FD_RESOURCE_SNAP, MAX (midnight, start + FD_RESOURCE_SNAP));
}

/**
 * fd_resource_drag_range:
 * @from: the time where a drag on empty space began
 * @to: the time under the pointer now
 * @start: (out): the start of the range selected, on the grid
 * @end: (out): its end, at least 15 minutes later, in the same day
 */
void
fd_resource_drag_range (int  from,
                        int  to,
                        int *start,
                        int *end)
{
  int low = MIN (from, to);
  int high = MAX (from, to);
  int midnight;

  g_return_if_fail (start != NULL && end != NULL);

  *start = fd_calendar_snap_minutes (low, FD_RESOURCE_SNAP);
  midnight = ((int) floor (*start / (24.0 * 60)) + 1) * 24 * 60;
  *end = CLAMP (fd_calendar_snap_minutes (high, FD_RESOURCE_SNAP),
                *start + FD_RESOURCE_SNAP, midnight);
}
