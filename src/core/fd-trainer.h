/* fd-trainer.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-record.h"

G_BEGIN_DECLS

#define FD_TYPE_TRAINER (fd_trainer_get_type ())

G_DECLARE_FINAL_TYPE (FdTrainer, fd_trainer, FD, TRAINER, FdRecord)

const char *fd_trainer_get_first_name       (FdTrainer *self);
const char *fd_trainer_get_last_name        (FdTrainer *self);
char       *fd_trainer_dup_full_name        (FdTrainer *self);
const char *fd_trainer_get_email            (FdTrainer *self);
const char *fd_trainer_get_phone            (FdTrainer *self);
const char *fd_trainer_get_kind             (FdTrainer *self);
const char *fd_trainer_get_company          (FdTrainer *self);
const char *fd_trainer_get_city             (FdTrainer *self);
const char *fd_trainer_get_skills           (FdTrainer *self);
const char *fd_trainer_get_extranet_state   (FdTrainer *self);
gint64      fd_trainer_get_daily_rate_cents (FdTrainer *self);

G_END_DECLS
