/* fd-secret-token-store.h — refresh tokens in the keyring (libsecret)
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-token-store.h"

G_BEGIN_DECLS

#define FD_TYPE_SECRET_TOKEN_STORE (fd_secret_token_store_get_type ())

G_DECLARE_FINAL_TYPE (FdSecretTokenStore, fd_secret_token_store, FD, SECRET_TOKEN_STORE, GObject)

FdTokenStore *fd_secret_token_store_new (void);

G_END_DECLS
