/* fd-conflicts.h — scheduling conflicts: one set of rules for every caller
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-database.h"

G_BEGIN_DECLS

/**
 * FdConflictKind:
 * @FD_CONFLICT_KIND_TRAINER_OVERLAP: a trainer staffed on two slots that
 *   overlap in real time
 * @FD_CONFLICT_KIND_ROOM_OVERLAP: a room booked by two slots that overlap
 * @FD_CONFLICT_KIND_TRAINER_UNAVAILABLE: a slot overlapping one of its
 *   trainer's unavailabilities
 * @FD_CONFLICT_KIND_ROOM_CAPACITY: the room seats fewer people than the
 *   session has trainees enrolled
 * @FD_CONFLICT_KIND_OUTSIDE_YEAR: the slot's date is not in its session's year
 * @FD_CONFLICT_KIND_TRAINER_TWO_PLACES: a trainer on two slots at different
 *   places the same local day (slots that also overlap are reported as
 *   %FD_CONFLICT_KIND_TRAINER_OVERLAP only)
 *
 * The kinds of scheduling conflicts; their stable names
 * (fd_conflict_kind_to_string()) are those of `conflict_ack.kind`.
 */
typedef enum
{
  FD_CONFLICT_KIND_TRAINER_OVERLAP,
  FD_CONFLICT_KIND_ROOM_OVERLAP,
  FD_CONFLICT_KIND_TRAINER_UNAVAILABLE,
  FD_CONFLICT_KIND_ROOM_CAPACITY,
  FD_CONFLICT_KIND_OUTSIDE_YEAR,
  FD_CONFLICT_KIND_TRAINER_TWO_PLACES,
} FdConflictKind;

#define FD_CONFLICT_N_KINDS (FD_CONFLICT_KIND_TRAINER_TWO_PLACES + 1)

const char *fd_conflict_kind_to_string   (FdConflictKind  kind);
gboolean    fd_conflict_kind_from_string (const char     *name,
                                          FdConflictKind *kind);
const char *fd_conflict_kind_get_label   (FdConflictKind  kind);

/**
 * FdSlotProposal:
 * @session_id: (nullable): the session of the slot; %NULL for one not
 *   written yet (an import's preview)
 * @sequence_id: (nullable): its sequence, if known: a slot of a cancelled
 *   sequence has no conflicts
 * @slot_id: (nullable): the slot being edited or dragged, %NULL for a new
 *   one; it is left out of the comparison so it does not conflict with its
 *   stored self
 * @start_at: local wall-clock start, "2026-03-03T09:00"
 * @end_at: local wall-clock end, after @start_at
 * @place_id: (nullable): the place, whose time zone the times are in
 *   (Europe/Paris without a place)
 * @room_id: (nullable): the room
 * @trainer_ids: (element-type utf8): the staff, any role
 *
 * A slot as an editor, a drag in the calendar or an import has it, before
 * it is saved. Every field is owned by the proposal: change them with the
 * setters (or free and replace them), and free the proposal with
 * fd_slot_proposal_free().
 */
typedef struct
{
  char *session_id;
  char *sequence_id;
  char *slot_id;
  char *start_at;
  char *end_at;
  char *place_id;
  char *room_id;
  GPtrArray *trainer_ids;
} FdSlotProposal;

#define FD_TYPE_SLOT_PROPOSAL (fd_slot_proposal_get_type ())

GType           fd_slot_proposal_get_type      (void) G_GNUC_CONST;
FdSlotProposal *fd_slot_proposal_new           (const char            *session_id);
FdSlotProposal *fd_slot_proposal_new_for_slot  (FdDatabase            *database,
                                                const char            *slot_id,
                                                GError               **error);
FdSlotProposal *fd_slot_proposal_copy          (const FdSlotProposal  *self);
void            fd_slot_proposal_free          (FdSlotProposal        *self);
void            fd_slot_proposal_set_times     (FdSlotProposal        *self,
                                                const char            *start_at,
                                                const char            *end_at);
void            fd_slot_proposal_set_place_id  (FdSlotProposal        *self,
                                                const char            *place_id);
void            fd_slot_proposal_set_room_id   (FdSlotProposal        *self,
                                                const char            *room_id);
void            fd_slot_proposal_add_trainer   (FdSlotProposal        *self,
                                                const char            *trainer_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSlotProposal, fd_slot_proposal_free)

/**
 * FdConflict:
 *
 * One scheduling conflict of one slot, with what a person needs to
 * understand it: the other slot, the trainer or the room concerned, and a
 * translated sentence. A conflict a planner kept (fd_conflict_keep()) is
 * still reported, marked kept with its reason.
 */
typedef struct _FdConflict FdConflict;

#define FD_TYPE_CONFLICT (fd_conflict_get_type ())

GType           fd_conflict_get_type               (void) G_GNUC_CONST;
FdConflict     *fd_conflict_ref                    (FdConflict *self);
void            fd_conflict_unref                  (FdConflict *self);

FdConflictKind  fd_conflict_get_kind               (const FdConflict *self);
const char     *fd_conflict_get_slot_id            (const FdConflict *self);
const char     *fd_conflict_get_session_code       (const FdConflict *self);
const char     *fd_conflict_get_start_at           (const FdConflict *self);
const char     *fd_conflict_get_end_at             (const FdConflict *self);
const char     *fd_conflict_get_other_slot_id      (const FdConflict *self);
const char     *fd_conflict_get_other_session_code (const FdConflict *self);
const char     *fd_conflict_get_other_start_at     (const FdConflict *self);
const char     *fd_conflict_get_other_end_at       (const FdConflict *self);
const char     *fd_conflict_get_trainer_id         (const FdConflict *self);
const char     *fd_conflict_get_trainer_name       (const FdConflict *self);
const char     *fd_conflict_get_room_id            (const FdConflict *self);
const char     *fd_conflict_get_room_name          (const FdConflict *self);
const char     *fd_conflict_get_unavailability_id  (const FdConflict *self);
const char     *fd_conflict_get_subject_id         (const FdConflict *self);
const char     *fd_conflict_get_message            (const FdConflict *self);
gboolean        fd_conflict_get_kept               (const FdConflict *self);
const char     *fd_conflict_get_kept_reason        (const FdConflict *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdConflict, fd_conflict_unref)

GPtrArray      *fd_conflicts_check_proposal        (FdDatabase            *database,
                                                    const FdSlotProposal  *proposal,
                                                    GError               **error);
GPtrArray      *fd_conflicts_for_slot              (FdDatabase            *database,
                                                    const char            *slot_id,
                                                    GError               **error);
GPtrArray      *fd_conflicts_in_range              (FdDatabase            *database,
                                                    const char            *from_date,
                                                    const char            *to_date,
                                                    GError               **error);
gboolean        fd_conflict_keep                   (FdDatabase            *database,
                                                    FdConflict            *conflict,
                                                    const char            *reason,
                                                    GError               **error);

G_END_DECLS
