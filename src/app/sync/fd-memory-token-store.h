/* fd-memory-token-store.h — refresh tokens kept in memory (tests)
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-token-store.h"

G_BEGIN_DECLS

#define FD_TYPE_MEMORY_TOKEN_STORE (fd_memory_token_store_get_type ())

G_DECLARE_FINAL_TYPE (FdMemoryTokenStore, fd_memory_token_store, FD, MEMORY_TOKEN_STORE, GObject)

FdTokenStore *fd_memory_token_store_new           (void);
void          fd_memory_token_store_set_available (FdMemoryTokenStore *self,
                                                   gboolean            available);
char         *fd_memory_token_store_dup           (FdMemoryTokenStore *self,
                                                   const char         *server_url,
                                                   const char         *email);

G_END_DECLS
