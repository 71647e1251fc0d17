/* fd-trainer-chooser.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_TRAINER_CHOOSER (fd_trainer_chooser_get_type ())

G_DECLARE_FINAL_TYPE (FdTrainerChooser, fd_trainer_chooser, FD, TRAINER_CHOOSER, AdwActionRow)

FdDatabase *fd_trainer_chooser_get_database   (FdTrainerChooser *self);
void        fd_trainer_chooser_set_database   (FdTrainerChooser *self,
                                               FdDatabase       *database);
const char *fd_trainer_chooser_get_trainer_id (FdTrainerChooser *self);
void        fd_trainer_chooser_set_trainer_id (FdTrainerChooser *self,
                                               const char       *trainer_id);

G_END_DECLS
