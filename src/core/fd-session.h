/* fd-session.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-record.h"

G_BEGIN_DECLS

#define FD_TYPE_SESSION (fd_session_get_type ())

G_DECLARE_FINAL_TYPE (FdSession, fd_session, FD, SESSION, FdRecord)

const char *fd_session_get_code           (FdSession *self);
const char *fd_session_get_label          (FdSession *self);
const char *fd_session_get_training_title (FdSession *self);
const char *fd_session_get_kind           (FdSession *self);
const char *fd_session_get_status         (FdSession *self);
gboolean    fd_session_get_published      (FdSession *self);
const char *fd_session_get_client_name    (FdSession *self);
const char *fd_session_get_start_date     (FdSession *self);
const char *fd_session_get_end_date       (FdSession *self);
guint       fd_session_get_n_slots        (FdSession *self);
guint       fd_session_get_n_enrolled     (FdSession *self);
guint       fd_session_get_capacity_max   (FdSession *self);
gint64      fd_session_get_price_cents    (FdSession *self);

G_END_DECLS
