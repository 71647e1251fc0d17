/* fd-token-store.h — where the app keeps a sync account's refresh token
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FD_TYPE_TOKEN_STORE (fd_token_store_get_type ())

G_DECLARE_INTERFACE (FdTokenStore, fd_token_store, FD, TOKEN_STORE, GObject)

struct _FdTokenStoreInterface
{
  GTypeInterface parent_iface;

  void      (*lookup_async)  (FdTokenStore        *self,
                              const char          *server_url,
                              const char          *email,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  char     *(*lookup_finish) (FdTokenStore        *self,
                              GAsyncResult        *result,
                              GError             **error);
  void      (*save_async)    (FdTokenStore        *self,
                              const char          *server_url,
                              const char          *email,
                              const char          *token,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  gboolean  (*save_finish)   (FdTokenStore        *self,
                              GAsyncResult        *result,
                              GError             **error);
};

void      fd_token_store_lookup_async  (FdTokenStore        *self,
                                        const char          *server_url,
                                        const char          *email,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char     *fd_token_store_lookup_finish (FdTokenStore        *self,
                                        GAsyncResult        *result,
                                        GError             **error);
void      fd_token_store_save_async    (FdTokenStore        *self,
                                        const char          *server_url,
                                        const char          *email,
                                        const char          *token,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  fd_token_store_save_finish   (FdTokenStore        *self,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
