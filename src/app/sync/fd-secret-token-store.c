/* fd-secret-token-store.c — refresh tokens in the keyring (libsecret)
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-secret-token-store"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-secret-token-store.h"

#include <libsecret/secret.h>

/* FdSecretTokenStore:
 *
 * The #FdTokenStore of the app: one secret per server and account in the
 * user's default keyring, through the Secret Service. Without one (CI, a
 * headless machine) every call fails with the D-Bus error, which the
 * sync engine reports once.
 */
struct _FdSecretTokenStore
{
  GObject parent_instance;
};

static void token_store_iface_init (FdTokenStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdSecretTokenStore, fd_secret_token_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FD_TYPE_TOKEN_STORE, token_store_iface_init))

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".SyncToken", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "email", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
on_lookup_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

static void
secret_lookup_async (FdTokenStore        *store,
                     const char          *server_url,
                     const char          *email,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, secret_lookup_async);
  secret_password_lookup (get_schema (), cancellable, on_lookup_cb, task,
                          "server", server_url, "email", email, NULL);
}

static char *
secret_lookup_finish (FdTokenStore  *store,
                      GAsyncResult  *result,
                      GError       **error)
{
  char *secret = g_task_propagate_pointer (G_TASK (result), error);
  char *token = g_strdup (secret);

  secret_password_free (secret);

  return token;
}

static void
on_store_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_clear_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to forget */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
secret_save_async (FdTokenStore        *store,
                   const char          *server_url,
                   const char          *email,
                   const char          *token,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  g_autofree char *label = NULL;

  g_task_set_source_tag (task, secret_save_async);
  if (token == NULL)
    {
      secret_password_clear (get_schema (), cancellable, on_clear_cb, task,
                             "server", server_url, "email", email, NULL);
      return;
    }

  /* Translators: the keyring's name for the secret; %1$s is an email
   * address, %2$s a server address */
  label = g_strdup_printf (_("Formadesk sync: %1$s on %2$s"), email, server_url);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, token, cancellable,
                         on_store_cb, task, "server", server_url, "email", email, NULL);
}

static gboolean
secret_save_finish (FdTokenStore  *store,
                    GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
token_store_iface_init (FdTokenStoreInterface *iface)
{
  iface->lookup_async = secret_lookup_async;
  iface->lookup_finish = secret_lookup_finish;
  iface->save_async = secret_save_async;
  iface->save_finish = secret_save_finish;
}

static void
fd_secret_token_store_class_init (FdSecretTokenStoreClass *klass)
{
}

static void
fd_secret_token_store_init (FdSecretTokenStore *self)
{
}

FdTokenStore *
fd_secret_token_store_new (void)
{
  return g_object_new (FD_TYPE_SECRET_TOKEN_STORE, NULL);
}
