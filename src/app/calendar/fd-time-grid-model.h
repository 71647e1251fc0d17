/* fd-time-grid-model.h — what a week or day time grid shows, without GTK
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FD_TIME_GRID_DAY_MINUTES  (24 * 60)
#define FD_TIME_GRID_STEP         15   /* the snapping grid, in minutes */
#define FD_TIME_GRID_MAX_DAYS     31

/**
 * FdTimeGridBlock:
 * @item: the item (a slot), borrowed
 * @day: its column on the page, 0 … n_days - 1
 * @start: where it starts in that day, in minutes after midnight, clipped
 *   to 0 … 1440
 * @end: where it ends in that day, clipped the same way (at least
 *   @start + 1: an empty item is drawn a quarter of an hour long)
 * @starts_before: the item began on an earlier day
 * @ends_after: the item goes on after this day's midnight
 * @cluster: which cluster of the day it belongs to (items that overlap,
 *   transitively), counted from the morning
 * @column: the column it has in its cluster, 0 for the leftmost
 * @n_columns: how many columns its cluster has
 *
 * One item's part in one day. An item that crosses midnight has one block
 * in each day of the page it covers.
 */
typedef struct
{
  gpointer item;
  guint day;
  int start;
  int end;
  gboolean starts_before;
  gboolean ends_after;
  guint cluster;
  guint column;
  guint n_columns;
} FdTimeGridBlock;

typedef const char *(*FdTimeGridGetIso) (gpointer item);

typedef struct _FdTimeGridModel FdTimeGridModel;

FdTimeGridModel *fd_time_grid_model_new          (const GDate      *first,
                                                  guint             n_days,
                                                  FdTimeGridGetIso  get_start,
                                                  FdTimeGridGetIso  get_end);
void             fd_time_grid_model_free         (FdTimeGridModel  *self);

void             fd_time_grid_model_set_first    (FdTimeGridModel  *self,
                                                  const GDate      *first);
const GDate     *fd_time_grid_model_get_first    (FdTimeGridModel  *self);
guint            fd_time_grid_model_get_n_days   (FdTimeGridModel  *self);

void             fd_time_grid_model_set_items    (FdTimeGridModel  *self,
                                                  GPtrArray        *items);
guint32          fd_time_grid_model_add          (FdTimeGridModel  *self,
                                                  gpointer          item);
guint32          fd_time_grid_model_remove       (FdTimeGridModel  *self,
                                                  gpointer          item);

GArray          *fd_time_grid_model_get_blocks   (FdTimeGridModel  *self,
                                                  guint             day);
guint            fd_time_grid_model_get_n_clusters (FdTimeGridModel *self,
                                                  guint             day);
guint            fd_time_grid_model_count_hidden (FdTimeGridModel  *self,
                                                  guint             day,
                                                  guint             cluster,
                                                  guint             max_columns);

gboolean         fd_time_grid_model_get_minutes  (FdTimeGridModel  *self,
                                                  const char       *iso,
                                                  int              *minutes);
char            *fd_time_grid_model_dup_iso      (FdTimeGridModel  *self,
                                                  int               minutes);

guint            fd_time_grid_max_columns        (double            day_width,
                                                  double            min_width);
guint            fd_time_grid_shown_columns      (guint             n_columns,
                                                  guint             max_columns);
gboolean         fd_time_grid_block_is_shown     (const FdTimeGridBlock *block,
                                                  guint             max_columns);

double           fd_time_grid_minutes_to_y       (int               minutes,
                                                  double            hour_height);
int              fd_time_grid_y_to_minutes       (double            y,
                                                  double            hour_height);

void             fd_time_grid_move               (int               start,
                                                  int               end,
                                                  int               grab_offset,
                                                  guint             day,
                                                  int               minutes,
                                                  int              *new_start,
                                                  int              *new_end);
int              fd_time_grid_resize             (int               start,
                                                  int               minutes);
void             fd_time_grid_select             (guint             day,
                                                  int               from,
                                                  int               to,
                                                  int              *start,
                                                  int              *end);

G_END_DECLS
