/* fd-roles.h — what each role may change, asked before trying
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-change.h"
#include "fd-database.h"
#include "fd-user.h"

G_BEGIN_DECLS

/**
 * FdPermission:
 * @FD_PERMISSION_MANAGE_ACCOUNTS: add, deactivate and change user accounts
 * @FD_PERMISSION_EDIT_ORGANISATION: change the organisation's details
 * @FD_PERMISSION_EDIT_PLANNING: change sessions, sequences, slots, staffing,
 *   enrollments, costs, emails, people and the catalogue
 * @FD_PERMISSION_EDIT_SESSION_DATES: change a session's dates and slots;
 *   with a session, also checks the enrollment lock
 * @FD_PERMISSION_REVIEW_TRAINER_RECORDS: validate, reject or pay any
 *   trainer's expenses and invoices
 * @FD_PERMISSION_RECORD_OWN_TRAINER_RECORDS: record one's own
 *   unavailabilities, expenses, invoices and quality tickets
 * @FD_PERMISSION_SIGN_ATTENDANCE: record attendance signatures
 *
 * What the UI asks about to hide or explain a command before the user
 * tries it. The answers come from the same table the write path enforces.
 */
typedef enum
{
  FD_PERMISSION_MANAGE_ACCOUNTS,
  FD_PERMISSION_EDIT_ORGANISATION,
  FD_PERMISSION_EDIT_PLANNING,
  FD_PERMISSION_EDIT_SESSION_DATES,
  FD_PERMISSION_REVIEW_TRAINER_RECORDS,
  FD_PERMISSION_RECORD_OWN_TRAINER_RECORDS,
  FD_PERMISSION_SIGN_ATTENDANCE,
} FdPermission;

gboolean  fd_roles_can                  (FdDatabase   *database,
                                         FdUser       *user,
                                         FdPermission  permission,
                                         const char   *session_id);
char     *fd_roles_explain              (FdDatabase   *database,
                                         FdUser       *user,
                                         FdPermission  permission,
                                         const char   *session_id);
char     *fd_roles_explain_change       (FdDatabase   *database,
                                         FdUser       *user,
                                         const char   *entity,
                                         FdChangeKind  kind);
gboolean  fd_roles_is_session_locked    (FdDatabase   *database,
                                         const char   *session_id);
char     *fd_roles_explain_session_lock (FdDatabase   *database,
                                         FdUser       *user,
                                         const char   *session_id);

G_END_DECLS
