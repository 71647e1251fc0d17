/* fd-trainer-details.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_TRAINER_DETAILS (fd_trainer_details_get_type ())

G_DECLARE_FINAL_TYPE (FdTrainerDetails, fd_trainer_details, FD, TRAINER_DETAILS, GtkWidget)

GtkWidget *fd_trainer_details_new         (FdDatabase       *database);
FdTrainer *fd_trainer_details_get_trainer (FdTrainerDetails *self);
void       fd_trainer_details_set_trainer (FdTrainerDetails *self,
                                           FdTrainer        *trainer);

G_END_DECLS
