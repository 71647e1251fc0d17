/* fd-trainee.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-record.h"

G_BEGIN_DECLS

#define FD_TYPE_TRAINEE (fd_trainee_get_type ())

G_DECLARE_FINAL_TYPE (FdTrainee, fd_trainee, FD, TRAINEE, FdRecord)

const char *fd_trainee_get_civility    (FdTrainee *self);
const char *fd_trainee_get_first_name  (FdTrainee *self);
const char *fd_trainee_get_last_name   (FdTrainee *self);
char       *fd_trainee_dup_full_name   (FdTrainee *self);
const char *fd_trainee_get_email       (FdTrainee *self);
const char *fd_trainee_get_phone       (FdTrainee *self);
const char *fd_trainee_get_birth_date  (FdTrainee *self);
const char *fd_trainee_get_birth_city  (FdTrainee *self);
const char *fd_trainee_get_postal_code (FdTrainee *self);
const char *fd_trainee_get_city        (FdTrainee *self);
const char *fd_trainee_get_client_name (FdTrainee *self);
const char *fd_trainee_get_status      (FdTrainee *self);

G_END_DECLS
