/* fd-resource-model.h — the decisions of the resource week, without GTK
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fd-models.h"
#include "fd-resource-lane.h"

G_BEGIN_DECLS

/* The hours each day column covers: slots outside them are drawn against
 * the column's edge. */
#define FD_RESOURCE_DAY_START   (7 * 60)
#define FD_RESOURCE_DAY_END     (21 * 60)
#define FD_RESOURCE_SNAP        15
#define FD_RESOURCE_N_DAYS      7
#define FD_RESOURCE_WEEK        (FD_RESOURCE_N_DAYS * 24 * 60)

/**
 * FdResourceBy:
 * @FD_RESOURCE_BY_TRAINER: a slot is in the lane of each of its staff
 * @FD_RESOURCE_BY_ROOM: a slot is in its room's lane
 */
typedef enum
{
  FD_RESOURCE_BY_TRAINER,
  FD_RESOURCE_BY_ROOM,
} FdResourceBy;

/**
 * FdResourcePlacement:
 * @slot: the slot (the model holds a reference)
 * @start: its start, in minutes since the week's Monday 00:00
 * @end: its end, likewise (after @start)
 * @row: the sub-row of its lane it is stacked on, from 0
 *
 * Where a slot is in one of its lanes.
 */
typedef struct
{
  FdSlot *slot;
  int start;
  int end;
  guint row;
} FdResourcePlacement;

/**
 * FdResourceScale:
 * @x: where Monday's column starts
 * @day_width: the width of a day column
 *
 * Maps times of the week to x and back.
 */
typedef struct
{
  double x;
  double day_width;
} FdResourceScale;

typedef struct _FdResourceModel FdResourceModel;

FdResourceModel *fd_resource_model_new              (FdResourceBy            by);
void             fd_resource_model_free             (FdResourceModel        *self);

FdResourceBy     fd_resource_model_get_by           (FdResourceModel        *self);
void             fd_resource_model_set_by           (FdResourceModel        *self,
                                                     FdResourceBy            by);
gboolean         fd_resource_model_set_week         (FdResourceModel        *self,
                                                     const GDate            *date);
void             fd_resource_model_get_monday       (FdResourceModel        *self,
                                                     GDate                  *monday);

void             fd_resource_model_set_lanes        (FdResourceModel        *self,
                                                     GPtrArray              *lanes);
guint            fd_resource_model_get_n_lanes      (FdResourceModel        *self);
FdResourceLane  *fd_resource_model_get_lane         (FdResourceModel        *self,
                                                     guint                   lane);
int              fd_resource_model_find_lane        (FdResourceModel        *self,
                                                     const char             *lane_id);

void             fd_resource_model_set_slots        (FdResourceModel        *self,
                                                     GPtrArray              *slots);
gboolean         fd_resource_model_add_slot         (FdResourceModel        *self,
                                                     FdSlot                 *slot);
gboolean         fd_resource_model_remove_slot      (FdResourceModel        *self,
                                                     const char             *slot_id);
FdSlot          *fd_resource_model_lookup_slot      (FdResourceModel        *self,
                                                     const char             *slot_id);
GArray          *fd_resource_model_get_placements   (FdResourceModel        *self,
                                                     guint                   lane);
guint            fd_resource_model_get_n_rows       (FdResourceModel        *self,
                                                     guint                   lane);
int              fd_resource_model_find_placement   (FdResourceModel        *self,
                                                     guint                   lane,
                                                     const char             *slot_id);
guint            fd_resource_model_get_slot_lanes   (FdResourceModel        *self,
                                                     const char             *slot_id,
                                                     guint                  *lanes,
                                                     guint                   n_lanes);

void             fd_resource_model_set_metrics      (FdResourceModel        *self,
                                                     int                     row_height,
                                                     int                     padding);
int              fd_resource_model_get_lane_y       (FdResourceModel        *self,
                                                     guint                   lane);
int              fd_resource_model_get_lane_height  (FdResourceModel        *self,
                                                     guint                   lane);
int              fd_resource_model_get_height       (FdResourceModel        *self);
int              fd_resource_model_get_lane_at_y    (FdResourceModel        *self,
                                                     int                     y);
guint            fd_resource_model_get_visible      (FdResourceModel        *self,
                                                     int                     offset,
                                                     int                     height,
                                                     guint                  *first);

gboolean         fd_resource_model_iso_to_minutes   (FdResourceModel        *self,
                                                     const char             *iso,
                                                     int                    *minutes);
char            *fd_resource_model_dup_iso          (FdResourceModel        *self,
                                                     int                     minutes);

double           fd_resource_scale_time_to_x        (const FdResourceScale  *scale,
                                                     int                     minutes);
int              fd_resource_scale_x_to_time        (const FdResourceScale  *scale,
                                                     double                  x,
                                                     int                     snap);

void             fd_resource_drag_move              (int                     start,
                                                     int                     end,
                                                     int                     grab,
                                                     int                     pointer,
                                                     int                    *new_start,
                                                     int                    *new_end);
int              fd_resource_drag_resize            (int                     start,
                                                     int                     pointer);
void             fd_resource_drag_range             (int                     from,
                                                     int                     to,
                                                     int                    *start,
                                                     int                    *end);


G_END_DECLS
