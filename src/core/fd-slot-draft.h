/* fd-slot-draft.h — a new slot drag-selected in the calendar, before it is planned
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-conflicts.h"
#include "fd-database.h"
#include "fd-slot-move.h"
#include "fd-user.h"

G_BEGIN_DECLS

/**
 * FdSessionChoice:
 * @id: the session's id
 * @code: its code ("2026-0012")
 * @label: its label
 * @first_day: (nullable): the ISO day its first slot starts, else its
 *   planned start
 * @last_day: (nullable): the ISO day its last slot ends, else its planned
 *   end
 *
 * A session a new slot can be planned for, as fd_slot_draft_list_sessions()
 * lists them.
 */
typedef struct
{
  char *id;
  char *code;
  char *label;
  char *first_day;
  char *last_day;
} FdSessionChoice;

void fd_session_choice_free (FdSessionChoice *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSessionChoice, fd_session_choice_free)

/* The most sessions fd_slot_draft_list_sessions() returns */
#define FD_SLOT_DRAFT_MAX_SESSIONS 200

GPtrArray   *fd_slot_draft_list_sessions   (FdDatabase   *database,
                                            const char   *day,
                                            const char   *search,
                                            guint         limit,
                                            GError      **error);
GPtrArray   *fd_slot_draft_list_sequences  (FdDatabase   *database,
                                            const char   *session_id,
                                            GError      **error);

typedef struct _FdSlotDraft FdSlotDraft;

FdSlotDraft *fd_slot_draft_new             (FdDatabase   *database,
                                            const char   *start_at,
                                            const char   *end_at,
                                            FdSlotLane    lane,
                                            const char   *lane_id,
                                            GError      **error);
void         fd_slot_draft_free            (FdSlotDraft  *self);

const char  *fd_slot_draft_get_start_at    (FdSlotDraft  *self);
const char  *fd_slot_draft_get_end_at      (FdSlotDraft  *self);
const char  *fd_slot_draft_get_trainer_id  (FdSlotDraft  *self);
const char  *fd_slot_draft_get_room_id     (FdSlotDraft  *self);
const char  *fd_slot_draft_get_place_id    (FdSlotDraft  *self);
gboolean     fd_slot_draft_set_session     (FdSlotDraft  *self,
                                            const char   *session_id,
                                            const char   *sequence_id,
                                            GError      **error);
const char  *fd_slot_draft_get_session_id  (FdSlotDraft  *self);
const char  *fd_slot_draft_get_sequence_id (FdSlotDraft  *self);
const FdSlotProposal *fd_slot_draft_get_proposal (FdSlotDraft *self);

char        *fd_slot_draft_check           (FdSlotDraft  *self,
                                            FdUser       *user,
                                            gboolean     *refused);
char        *fd_slot_draft_dup_question    (FdSlotDraft  *self);
GPtrArray   *fd_slot_draft_build_changes   (FdSlotDraft  *self,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSlotDraft, fd_slot_draft_free)

G_END_DECLS
