/* fd-queries.h — read queries for details panes and the calendar
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-database.h"
#include "fd-models.h"

G_BEGIN_DECLS

/* Each returns a new GPtrArray of model objects (with a free func), or NULL
 * and sets @error. Ranges are ISO local date-times, start inclusive, end
 * exclusive. */

GPtrArray *fd_database_list_calendar_slots     (FdDatabase  *self,
                                                const char  *from,
                                                const char  *to,
                                                GError     **error);
GPtrArray *fd_database_list_session_slots      (FdDatabase  *self,
                                                const char  *session_id,
                                                GError     **error);
GPtrArray *fd_database_list_session_enrollments (FdDatabase *self,
                                                const char  *session_id,
                                                GError     **error);
GPtrArray *fd_database_list_trainer_slots      (FdDatabase  *self,
                                                const char  *trainer_id,
                                                const char  *from,
                                                guint        limit,
                                                GError     **error);
GPtrArray *fd_database_list_trainee_enrollments (FdDatabase *self,
                                                const char  *trainee_id,
                                                GError     **error);

FdSlot    *fd_database_get_slot                (FdDatabase  *self,
                                                const char  *id,
                                                GError     **error);
FdSession *fd_database_get_session             (FdDatabase  *self,
                                                const char  *id,
                                                GError     **error);
FdTrainer *fd_database_get_trainer             (FdDatabase  *self,
                                                const char  *id,
                                                GError     **error);
FdTrainee *fd_database_get_trainee             (FdDatabase  *self,
                                                const char  *id,
                                                GError     **error);
FdClient  *fd_database_get_client              (FdDatabase  *self,
                                                const char  *id,
                                                GError     **error);

char      *fd_database_dup_staff_slot_id       (FdDatabase  *self,
                                                const char  *staff_id);

G_END_DECLS
