/* fd-slot-move.h — a slot moved in the calendar, checked then applied
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-conflicts.h"
#include "fd-database.h"
#include "fd-user.h"

G_BEGIN_DECLS

/**
 * FdSlotLane:
 * @FD_SLOT_LANE_NONE: the move changes times only
 * @FD_SLOT_LANE_TRAINER: the lanes are trainers: the slot goes from one
 *   trainer to another
 * @FD_SLOT_LANE_ROOM: the lanes are rooms: the slot goes to another room
 *   (and to that room's place)
 */
typedef enum
{
  FD_SLOT_LANE_NONE,
  FD_SLOT_LANE_TRAINER,
  FD_SLOT_LANE_ROOM,
} FdSlotLane;

typedef struct _FdSlotMove FdSlotMove;

FdSlotMove           *fd_slot_move_new            (FdDatabase   *database,
                                                   const char   *slot_id,
                                                   GError      **error);
void                  fd_slot_move_free           (FdSlotMove   *self);

const char           *fd_slot_move_get_slot_id    (FdSlotMove   *self);
const char           *fd_slot_move_get_session_id (FdSlotMove   *self);
gboolean              fd_slot_move_set_target     (FdSlotMove   *self,
                                                   const char   *start_at,
                                                   const char   *end_at,
                                                   FdSlotLane    lane,
                                                   const char   *from_lane,
                                                   const char   *to_lane,
                                                   GError      **error);
gboolean              fd_slot_move_changes_nothing (FdSlotMove  *self);
gboolean              fd_slot_move_changes_dates  (FdSlotMove   *self);
const FdSlotProposal *fd_slot_move_get_proposal   (FdSlotMove   *self);

char                 *fd_slot_move_check          (FdSlotMove   *self,
                                                   FdUser       *user,
                                                   gboolean     *refused);
char                 *fd_slot_move_dup_question   (FdSlotMove   *self);
char                 *fd_slot_check_planning      (FdDatabase           *database,
                                                   FdUser               *user,
                                                   const FdSlotProposal *proposal,
                                                   gboolean              check_lock,
                                                   gboolean             *refused);
GPtrArray            *fd_slot_move_build_changes  (FdSlotMove   *self,
                                                   GError      **error);

char                 *fd_slot_dup_planning_question (FdDatabase *database,
                                                     const char *place_id,
                                                     const char *start_at,
                                                     const char *end_at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSlotMove, fd_slot_move_free)

G_END_DECLS
