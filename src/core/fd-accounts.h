/* fd-accounts.h — local accounts of a shared workstation
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-database.h"
#include "fd-user.h"

G_BEGIN_DECLS

#define FD_ACCOUNTS_ERROR (fd_accounts_error_quark ())

typedef enum
{
  /* The email address or the password is wrong (never says which) */
  FD_ACCOUNTS_ERROR_SIGN_IN_FAILED,
  /* The password was right, but the account is deactivated */
  FD_ACCOUNTS_ERROR_DEACTIVATED,
  /* The current password given to change it is wrong */
  FD_ACCOUNTS_ERROR_WRONG_PASSWORD,
  /* No such account */
  FD_ACCOUNTS_ERROR_NOT_FOUND,
} FdAccountsError;

GQuark      fd_accounts_error_quark         (void);

FdUser     *fd_accounts_add                 (FdDatabase           *database,
                                             const char           *email,
                                             const char           *display_name,
                                             FdRole                role,
                                             const char           *trainer_id,
                                             const char           *place_id,
                                             const char           *password,
                                             GError              **error);
void        fd_accounts_add_async           (FdDatabase           *database,
                                             const char           *email,
                                             const char           *display_name,
                                             FdRole                role,
                                             const char           *trainer_id,
                                             const char           *place_id,
                                             const char           *password,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
FdUser     *fd_accounts_add_finish          (FdDatabase           *database,
                                             GAsyncResult         *result,
                                             GError              **error);

GListModel *fd_accounts_list                (FdDatabase           *database,
                                             gboolean              include_inactive,
                                             GError              **error);
FdUser     *fd_accounts_lookup              (FdDatabase           *database,
                                             const char           *user_id,
                                             GError              **error);
gboolean    fd_accounts_has_password        (FdDatabase           *database,
                                             const char           *user_id);
gboolean    fd_accounts_any_can_sign_in     (FdDatabase           *database);

gboolean    fd_accounts_set_active          (FdDatabase           *database,
                                             const char           *user_id,
                                             gboolean              active,
                                             GError              **error);

gboolean    fd_accounts_change_password     (FdDatabase           *database,
                                             const char           *user_id,
                                             const char           *current_password,
                                             const char           *new_password,
                                             GError              **error);
void        fd_accounts_change_password_async  (FdDatabase           *database,
                                                const char           *user_id,
                                                const char           *current_password,
                                                const char           *new_password,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    fd_accounts_change_password_finish (FdDatabase           *database,
                                                GAsyncResult         *result,
                                                GError              **error);

FdUser     *fd_accounts_sign_in             (FdDatabase           *database,
                                             const char           *email,
                                             const char           *password,
                                             GError              **error);
void        fd_accounts_sign_in_async       (FdDatabase           *database,
                                             const char           *email,
                                             const char           *password,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
FdUser     *fd_accounts_sign_in_finish      (FdDatabase           *database,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
