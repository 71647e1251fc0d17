/* fd-enrollment.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-record.h"

G_BEGIN_DECLS

#define FD_TYPE_ENROLLMENT (fd_enrollment_get_type ())

G_DECLARE_FINAL_TYPE (FdEnrollment, fd_enrollment, FD, ENROLLMENT, FdRecord)

const char *fd_enrollment_get_session_id    (FdEnrollment *self);
const char *fd_enrollment_get_session_code  (FdEnrollment *self);
const char *fd_enrollment_get_session_label (FdEnrollment *self);
const char *fd_enrollment_get_trainee_id    (FdEnrollment *self);
const char *fd_enrollment_get_trainee_name  (FdEnrollment *self);
const char *fd_enrollment_get_status        (FdEnrollment *self);
const char *fd_enrollment_get_funder        (FdEnrollment *self);
const char *fd_enrollment_get_start_date    (FdEnrollment *self);

G_END_DECLS
