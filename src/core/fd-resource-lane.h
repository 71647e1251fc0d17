/* fd-resource-lane.h — the trainers and rooms a resource week has lanes for
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-database.h"

G_BEGIN_DECLS

#define FD_TYPE_RESOURCE_LANE (fd_resource_lane_get_type ())

typedef struct _FdResourceLane FdResourceLane;

GType           fd_resource_lane_get_type       (void) G_GNUC_CONST;

FdResourceLane *fd_resource_lane_new            (const char     *id,
                                                 const char     *name,
                                                 const char     *place_id,
                                                 const char     *place_name,
                                                 guint           capacity);
FdResourceLane *fd_resource_lane_ref            (FdResourceLane *self);
void            fd_resource_lane_unref          (FdResourceLane *self);

const char     *fd_resource_lane_get_id         (const FdResourceLane *self);
const char     *fd_resource_lane_get_name       (const FdResourceLane *self);
const char     *fd_resource_lane_get_place_id   (const FdResourceLane *self);
const char     *fd_resource_lane_get_place_name (const FdResourceLane *self);
guint           fd_resource_lane_get_capacity   (const FdResourceLane *self);

GPtrArray      *fd_database_list_trainer_lanes  (FdDatabase  *self,
                                                 GError     **error);
GPtrArray      *fd_database_list_room_lanes     (FdDatabase  *self,
                                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdResourceLane, fd_resource_lane_unref)

G_END_DECLS
