/* fd-editor-lists.h — what the editors offer to choose from
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-choice.h"
#include "fd-database.h"

G_BEGIN_DECLS

/**
 * FdChoiceKind:
 * @FD_CHOICE_TRAINING: trainings of the catalogue (detail: their code)
 * @FD_CHOICE_CERTIFICATION: certifications
 * @FD_CHOICE_ORGANISATION: training organisations
 * @FD_CHOICE_PLACE: places (detail: their city)
 * @FD_CHOICE_ROOM: rooms of the place given as parent (detail: capacity)
 * @FD_CHOICE_TRAINER: trainers, by name (detail: city or company)
 * @FD_CHOICE_EVALUATION: evaluations, by name
 * @FD_CHOICE_PROVIDER: providers already named on costs (id = the name)
 * @FD_CHOICE_DISPOSITIF: schemes already named on trainings and sessions
 */
typedef enum
{
  FD_CHOICE_TRAINING,
  FD_CHOICE_CERTIFICATION,
  FD_CHOICE_ORGANISATION,
  FD_CHOICE_PLACE,
  FD_CHOICE_ROOM,
  FD_CHOICE_TRAINER,
  FD_CHOICE_EVALUATION,
  FD_CHOICE_PROVIDER,
  FD_CHOICE_DISPOSITIF,
} FdChoiceKind;

/**
 * FdTrainingDefaults:
 *
 * What a new session takes from its training (the fields it pre-fills).
 */
typedef struct
{
  char     *id;
  char     *code;
  char     *title;
  char     *session_kind;
  char     *certification_id;
  gint64    capacity_min;
  gint64    capacity_target;
  gint64    capacity_max;
  char     *dispositif;
  gboolean  eligible_funding;
  char     *comments;
  gint64    price_cents;
} FdTrainingDefaults;

void                fd_training_defaults_free          (FdTrainingDefaults *defaults);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdTrainingDefaults, fd_training_defaults_free)

GPtrArray          *fd_database_list_choices           (FdDatabase    *database,
                                                        FdChoiceKind   kind,
                                                        const char    *parent_id,
                                                        GError       **error);
FdTrainingDefaults *fd_database_read_training_defaults (FdDatabase    *database,
                                                        const char    *training_id,
                                                        GError       **error);
gint64              fd_database_read_training_price    (FdDatabase    *database,
                                                        const char    *training_id);

G_END_DECLS
