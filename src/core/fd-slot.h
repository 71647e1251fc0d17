/* fd-slot.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-record.h"

G_BEGIN_DECLS

#define FD_TYPE_SLOT (fd_slot_get_type ())

G_DECLARE_FINAL_TYPE (FdSlot, fd_slot, FD, SLOT, FdRecord)

const char *fd_slot_get_session_id     (FdSlot *self);
const char *fd_slot_get_session_code   (FdSlot *self);
const char *fd_slot_get_session_label  (FdSlot *self);
const char *fd_slot_get_sequence_label (FdSlot *self);
const char *fd_slot_get_start_at       (FdSlot *self);
const char *fd_slot_get_end_at         (FdSlot *self);
guint       fd_slot_get_break_minutes  (FdSlot *self);
const char *fd_slot_get_place_name     (FdSlot *self);
const char *fd_slot_get_room_name      (FdSlot *self);
const char *fd_slot_get_trainer_names  (FdSlot *self);
const char *fd_slot_get_place_id       (FdSlot *self);
const char *fd_slot_get_room_id        (FdSlot *self);
const char * const *fd_slot_get_trainer_ids (FdSlot *self);
gboolean    fd_slot_has_trainer        (FdSlot     *self,
                                        const char *trainer_id);

G_END_DECLS
