/* fd-conflicts-private.h — the conflict rules, for their siblings
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-conflicts.h"

G_BEGIN_DECLS

/* A proposal loaded once, then asked again and again whether a trainer or
 * a room would be free for it, by the same rules (and the same queries) as
 * fd_conflicts_check_proposal(): fd-suggestions.c tries candidates with it. */
typedef struct _FdSlotCheck FdSlotCheck;

FdSlotCheck *_fd_slot_check_new           (FdDatabase            *database,
                                           const FdSlotProposal  *proposal,
                                           GError               **error);
void         _fd_slot_check_free          (FdSlotCheck           *check);
gboolean     _fd_slot_check_is_cancelled  (const FdSlotCheck     *check);
gint64       _fd_slot_check_get_headcount (const FdSlotCheck     *check);
gboolean     _fd_slot_check_trainer_free  (FdSlotCheck           *check,
                                           const char            *trainer_id,
                                           gboolean              *is_free,
                                           GError               **error);
gboolean     _fd_slot_check_room_free     (FdSlotCheck           *check,
                                           const char            *room_id,
                                           const char            *room_name,
                                           gint64                 capacity,
                                           gboolean              *is_free,
                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSlotCheck, _fd_slot_check_free)

G_END_DECLS
