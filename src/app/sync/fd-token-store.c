/* fd-token-store.c — where the app keeps a sync account's refresh token
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-token-store"

#include "config.h"

#include "fd-token-store.h"

/* FdTokenStore:
 *
 * The secret that lets the app sync without asking the password again
 * (a refresh token), one per server and account. The app keeps it in the
 * keyring (#FdSecretTokenStore); tests, and machines without a Secret
 * Service, use #FdMemoryTokenStore. The sync engine only sees this
 * interface.
 */

G_DEFINE_INTERFACE (FdTokenStore, fd_token_store, G_TYPE_OBJECT)

static void
fd_token_store_default_init (FdTokenStoreInterface *iface)
{
}

/**
 * fd_token_store_lookup_async:
 * @self: a #FdTokenStore
 * @server_url: the server
 * @email: the account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Looks up the token kept for @email on @server_url.
 */
void
fd_token_store_lookup_async (FdTokenStore        *self,
                             const char          *server_url,
                             const char          *email,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (FD_IS_TOKEN_STORE (self));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (email != NULL);

  FD_TOKEN_STORE_GET_IFACE (self)->lookup_async (self, server_url, email, cancellable, callback,
                                                 user_data);
}

/**
 * fd_token_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token, %NULL when none is kept
 *   (without @error) or on error
 */
char *
fd_token_store_lookup_finish (FdTokenStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (FD_IS_TOKEN_STORE (self), NULL);

  return FD_TOKEN_STORE_GET_IFACE (self)->lookup_finish (self, result, error);
}

/**
 * fd_token_store_save_async:
 * @self: a #FdTokenStore
 * @server_url: the server
 * @email: the account
 * @token: (nullable): the token to keep, %NULL to forget it
 * @cancellable: (nullable): a #GCancellable
 * @callback: (nullable): called when done
 * @user_data: data for @callback
 *
 * Keeps (or forgets) the token of @email on @server_url.
 */
void
fd_token_store_save_async (FdTokenStore        *self,
                           const char          *server_url,
                           const char          *email,
                           const char          *token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (FD_IS_TOKEN_STORE (self));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (email != NULL);

  FD_TOKEN_STORE_GET_IFACE (self)->save_async (self, server_url, email, token, cancellable,
                                               callback, user_data);
}

gboolean
fd_token_store_save_finish (FdTokenStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (FD_IS_TOKEN_STORE (self), FALSE);

  return FD_TOKEN_STORE_GET_IFACE (self)->save_finish (self, result, error);
}
