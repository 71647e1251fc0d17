/* fd-candidate-details.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_CANDIDATE_DETAILS (fd_candidate_details_get_type ())

G_DECLARE_FINAL_TYPE (FdCandidateDetails, fd_candidate_details, FD, CANDIDATE_DETAILS, GtkWidget)

GtkWidget *fd_candidate_details_new         (FdDatabase         *database);
FdTrainee *fd_candidate_details_get_trainee (FdCandidateDetails *self);
void       fd_candidate_details_set_trainee (FdCandidateDetails *self,
                                             FdTrainee          *trainee);

G_END_DECLS
