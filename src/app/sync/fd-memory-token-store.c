/* fd-memory-token-store.c — refresh tokens kept in memory (tests)
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-memory-token-store"

#include "config.h"

#include "fd-memory-token-store.h"

/* FdMemoryTokenStore:
 *
 * An #FdTokenStore in a hash table, for tests; it can play a keyring
 * that is not there (fd_memory_token_store_set_available()).
 */
struct _FdMemoryTokenStore
{
  GObject     parent_instance;

  GHashTable *tokens; /* "url\nemail" → token */
  gboolean    unavailable;
};

static void token_store_iface_init (FdTokenStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdMemoryTokenStore, fd_memory_token_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FD_TYPE_TOKEN_STORE, token_store_iface_init))

static char *
make_key (const char *server_url,
          const char *email)
{
  return g_strconcat (server_url, "\n", email, NULL);
}

static gboolean
check_available (FdMemoryTokenStore  *self,
                 GError             **error)
{
  if (!self->unavailable)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "The test keyring is not available");
  return FALSE;
}

static void
memory_lookup_async (FdTokenStore        *store,
                     const char          *server_url,
                     const char          *email,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  FdMemoryTokenStore *self = FD_MEMORY_TOKEN_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, memory_lookup_async);
  if (!check_available (self, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, fd_memory_token_store_dup (self, server_url, email), g_free);
}

static char *
memory_lookup_finish (FdTokenStore  *store,
                      GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
memory_save_async (FdTokenStore        *store,
                   const char          *server_url,
                   const char          *email,
                   const char          *token,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  FdMemoryTokenStore *self = FD_MEMORY_TOKEN_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, memory_save_async);
  if (!check_available (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (token != NULL)
    g_hash_table_replace (self->tokens, make_key (server_url, email), g_strdup (token));
  else
    {
      g_autofree char *key = make_key (server_url, email);

      g_hash_table_remove (self->tokens, key);
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
memory_save_finish (FdTokenStore  *store,
                    GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
token_store_iface_init (FdTokenStoreInterface *iface)
{
  iface->lookup_async = memory_lookup_async;
  iface->lookup_finish = memory_lookup_finish;
  iface->save_async = memory_save_async;
  iface->save_finish = memory_save_finish;
}

static void
fd_memory_token_store_finalize (GObject *object)
{
  FdMemoryTokenStore *self = FD_MEMORY_TOKEN_STORE (object);

  g_hash_table_unref (self->tokens);

  G_OBJECT_CLASS (fd_memory_token_store_parent_class)->finalize (object);
}

static void
fd_memory_token_store_class_init (FdMemoryTokenStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_memory_token_store_finalize;
}

static void
fd_memory_token_store_init (FdMemoryTokenStore *self)
{
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

FdTokenStore *
fd_memory_token_store_new (void)
{
  return g_object_new (FD_TYPE_MEMORY_TOKEN_STORE, NULL);
}

/**
 * fd_memory_token_store_set_available:
 * @available: %FALSE to fail every lookup and save, as a missing keyring
 */
void
fd_memory_token_store_set_available (FdMemoryTokenStore *self,
                                     gboolean            available)
{
  g_return_if_fail (FD_IS_MEMORY_TOKEN_STORE (self));

  self->unavailable = !available;
}

/**
 * fd_memory_token_store_dup:
 *
 * Returns: (transfer full) (nullable): the token kept for @email on
 *   @server_url
 */
char *
fd_memory_token_store_dup (FdMemoryTokenStore *self,
                           const char         *server_url,
                           const char         *email)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (FD_IS_MEMORY_TOKEN_STORE (self), NULL);

  key = make_key (server_url, email);

  return g_strdup (g_hash_table_lookup (self->tokens, key));
}
