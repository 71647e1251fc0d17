/* fd-suggestion.h — what to change to solve a scheduling conflict
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-conflicts.h"
#include "fd-database.h"

G_BEGIN_DECLS

/**
 * FdSuggestionKind:
 * @FD_SUGGESTION_KIND_TRAINER: another trainer, in place of one who is
 *   booked, unavailable or at another place that day
 * @FD_SUGGESTION_KIND_ROOM: another room of the slot's place, in place of
 *   one booked or too small
 */
typedef enum
{
  FD_SUGGESTION_KIND_TRAINER,
  FD_SUGGESTION_KIND_ROOM,
} FdSuggestionKind;

/**
 * FdSuggestion:
 *
 * One way out of a slot's conflict: a free trainer with the skills the
 * session needs, or a free room big enough, with a translated reason
 * ("Free, teaches Excel"). fd_conflicts_suggest() finds them;
 * fd_suggestion_build_changes() turns one into the edit that applies it,
 * through the one write path, undoable; fd_suggestion_apply_to_proposal()
 * applies it to a slot not saved yet.
 *
 * How a session's needed skills are known: trainers have a free-text
 * `skills` column ("Excel, Word ; Management"), read as terms separated by
 * commas and semicolons, compared without case. The skills a replacement
 * needs are those of the trainer being replaced; when the training's title
 * or the session's label names some of them ("Excel initiation"), only
 * those; when the replaced trainer has none written, those of the trainers
 * who taught the same training before. A trainer who taught the training
 * before qualifies whatever their skills. Best first: trainers who taught
 * the training at the slot's place, then elsewhere, then those with a
 * matching skill only; by name within each.
 *
 * Rooms: those of the slot's place seating at least the session's
 * trainees (as the capacity rule counts them), those seating its target
 * headcount first, the smallest first; rooms of unknown capacity last.
 *
 * "Free" is the conflict rules' own answer (fd_conflicts_check_proposal()):
 * a suggested trainer would have no overlap, unavailability or second
 * place that day; a suggested room no overlap and enough seats.
 */
typedef struct _FdSuggestion FdSuggestion;

#define FD_TYPE_SUGGESTION (fd_suggestion_get_type ())

GType             fd_suggestion_get_type         (void) G_GNUC_CONST;
FdSuggestion     *fd_suggestion_ref              (FdSuggestion          *self);
void              fd_suggestion_unref            (FdSuggestion          *self);

FdSuggestionKind  fd_suggestion_get_kind         (const FdSuggestion    *self);
const char       *fd_suggestion_get_slot_id      (const FdSuggestion    *self);
const char       *fd_suggestion_get_id           (const FdSuggestion    *self);
const char       *fd_suggestion_get_name         (const FdSuggestion    *self);
const char       *fd_suggestion_get_replaces_id  (const FdSuggestion    *self);
const char       *fd_suggestion_get_reason       (const FdSuggestion    *self);
gboolean          fd_suggestion_answers          (const FdSuggestion    *self,
                                                  const FdConflict      *conflict);

GPtrArray        *fd_conflicts_suggest           (FdDatabase            *database,
                                                  const FdSlotProposal  *proposal,
                                                  guint                  max,
                                                  GError               **error);
GPtrArray        *fd_suggestion_build_changes    (FdDatabase            *database,
                                                  const FdSuggestion    *self,
                                                  GError               **error);
void              fd_suggestion_apply_to_proposal (const FdSuggestion   *self,
                                                   FdSlotProposal       *proposal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSuggestion, fd_suggestion_unref)

G_END_DECLS
