/* fd-editor-lists.h — what the editors offer to choose from
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-option.h"
#include "fd-database.h"

G_BEGIN_DECLS

/**
 * FdOptionKind:
 * @FD_OPTION_TRAINING: trainings of the catalogue (detail: their code)
 * @FD_OPTION_CERTIFICATION: certifications
 * @FD_OPTION_ORGANISATION: training organisations
 * @FD_OPTION_PLACE: places (detail: their city)
 * @FD_OPTION_ROOM: rooms of the place given as parent (detail: capacity)
 * @FD_OPTION_TRAINER: trainers, by name (detail: city or company)
 * @FD_OPTION_EVALUATION: evaluations, by name
 * @FD_OPTION_PROVIDER: providers already named on costs (id = the name)
 * @FD_OPTION_DISPOSITIF: schemes already named on trainings and sessions
 * @FD_OPTION_COMPANY: client companies (detail: their city)
 * @FD_OPTION_GROUP: groups of trainees
 * @FD_OPTION_TRAINEE: trainees, by name (detail: email or city)
 */
typedef enum
{
  FD_OPTION_TRAINING,
  FD_OPTION_CERTIFICATION,
  FD_OPTION_ORGANISATION,
  FD_OPTION_PLACE,
  FD_OPTION_ROOM,
  FD_OPTION_TRAINER,
  FD_OPTION_EVALUATION,
  FD_OPTION_PROVIDER,
  FD_OPTION_DISPOSITIF,
  FD_OPTION_COMPANY,
  FD_OPTION_GROUP,
  FD_OPTION_TRAINEE,
} FdOptionKind;

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

GPtrArray          *fd_database_list_options           (FdDatabase    *database,
                                                        FdOptionKind   kind,
                                                        const char    *parent_id,
                                                        GError       **error);
FdTrainingDefaults *fd_database_read_training_defaults (FdDatabase    *database,
                                                        const char    *training_id,
                                                        GError       **error);
gint64              fd_database_read_training_price    (FdDatabase    *database,
                                                        const char    *training_id);

G_END_DECLS
