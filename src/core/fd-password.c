/* fd-password.c — password hashing for local accounts
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-password"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-password.h"

#include <sodium.h>
#include <string.h>

/*
 * Passwords are hashed with Argon2id (libsodium's crypto_pwhash), in the
 * PHC string form ("$argon2id$v=19$m=…,t=…,p=1$salt$hash") that carries its
 * own salt and parameters, so that verifying never needs to know them and
 * parameters can be raised later (fd_password_needs_rehash()).
 *
 * The parameters are OWASP's recommendation for Argon2id, 19 MiB and two
 * passes: libsodium's "interactive" preset takes 64 MiB, which would push
 * the application past its memory budget at every sign-in.
 *
 * Plaintext is never logged and never copied, except where normalisation
 * needs a copy; copies are wiped with sodium_memzero() before being freed.
 */
#define OPS_LIMIT 2
#define MEM_LIMIT ((size_t) 19 * 1024 * 1024)

G_STATIC_ASSERT (OPS_LIMIT >= crypto_pwhash_argon2id_OPSLIMIT_MIN);
G_STATIC_ASSERT (MEM_LIMIT >= crypto_pwhash_argon2id_MEMLIMIT_MIN);

G_DEFINE_QUARK (fd-password-error-quark, fd_password_error)

static gboolean
ensure_sodium (GError **error)
{
  /* Thread-safe, and cheap once done */
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_FAILED,
                           _("The cryptography library could not start."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_ascii (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;

  return TRUE;
}

/* The same password typed on two keyboards may reach us as different code
 * points ("é" precomposed or as e + combining accent): NFKC makes them one.
 * ASCII is left as it is, without a copy. Sets *@normalized to a copy to
 * free with fd_password_free() when one was needed. */
static gboolean
normalize (const char  *password,
           const char **text,
           gsize       *length,
           char       **normalized,
           GError     **error)
{
  gsize n = strnlen (password, FD_PASSWORD_MAX_LENGTH + 1);

  *normalized = NULL;

  if (n > FD_PASSWORD_MAX_LENGTH || !g_utf8_validate (password, (gssize) n, NULL))
    {
      g_set_error (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_INVALID,
                   _("The password must be text of at most %d bytes."), FD_PASSWORD_MAX_LENGTH);
      return FALSE;
    }

  if (is_ascii (password, n))
    {
      *text = password;
      *length = n;
      return TRUE;
    }

  /* GLib's intermediate buffers are freed without being wiped: only
   * non-ASCII passwords pay that, and it stays in this process's memory */
  *normalized = g_utf8_normalize (password, (gssize) n, G_NORMALIZE_NFKC);
  if (*normalized == NULL)
    {
      g_set_error (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_INVALID,
                   _("The password must be text of at most %d bytes."), FD_PASSWORD_MAX_LENGTH);
      return FALSE;
    }

  *text = *normalized;
  *length = strlen (*normalized);

  return TRUE;
}

/**
 * fd_password_free:
 * @password: (nullable) (transfer full): a copy of a password
 *
 * Wipes and frees a copy of a password (one read from a terminal, a
 * duplicated entry text) so that it does not linger in freed memory.
 */
void
fd_password_free (char *password)
{
  if (password == NULL)
    return;

  sodium_memzero (password, strlen (password));
  g_free (password);
}

/**
 * fd_password_hash:
 * @password: the password, UTF-8
 * @error: return location for a #GError
 *
 * Hashes @password with Argon2id and a random salt. This takes tens of
 * milliseconds on purpose: from the UI, use fd_password_hash_async().
 *
 * Returns: (transfer full): the hash in PHC string form, to store; or
 *   %NULL with @error set if @password is too short (%FD_PASSWORD_ERROR_TOO_SHORT)
 *   or not acceptable text
 */
char *
fd_password_hash (const char  *password,
                  GError     **error)
{
  char out[crypto_pwhash_STRBYTES];
  char *normalized = NULL;
  const char *text;
  gsize length;
  char *hash = NULL;

  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_sodium (error) ||
      !normalize (password, &text, &length, &normalized, error))
    return NULL;

  if (g_utf8_strlen (text, (gssize) length) < FD_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_TOO_SHORT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The password must have at least %d character.",
                                "The password must have at least %d characters.",
                                FD_PASSWORD_MIN_LENGTH),
                   FD_PASSWORD_MIN_LENGTH);
    }
  else if (crypto_pwhash_str_alg (out, text, length, OPS_LIMIT, MEM_LIMIT,
                                  crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_FAILED,
                           _("There is not enough memory to protect the password."));
    }
  else
    {
      hash = g_strdup (out);
    }

  sodium_memzero (out, sizeof out);
  fd_password_free (normalized);

  return hash;
}

/**
 * fd_password_verify:
 * @hash: a hash made by fd_password_hash()
 * @password: what the user typed
 *
 * Checks @password against @hash in constant time (libsodium's
 * crypto_pwhash_str_verify()). Takes as long as fd_password_hash(): from
 * the UI, use fd_password_verify_async().
 *
 * Returns: whether @password is the one @hash was made from; %FALSE for a
 *   malformed hash
 */
gboolean
fd_password_verify (const char *hash,
                    const char *password)
{
  char *normalized = NULL;
  const char *text;
  gsize length;
  gboolean matches;

  g_return_val_if_fail (hash != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  /* libsodium reads the hash as a NUL-terminated string of at most
   * crypto_pwhash_STRBYTES */
  if (strnlen (hash, crypto_pwhash_STRBYTES) >= crypto_pwhash_STRBYTES ||
      !ensure_sodium (NULL) ||
      !normalize (password, &text, &length, &normalized, NULL))
    return FALSE;

  matches = crypto_pwhash_str_verify (hash, text, length) == 0;
  fd_password_free (normalized);

  return matches;
}

/**
 * fd_password_needs_rehash:
 * @hash: a stored hash
 *
 * Returns: whether @hash was made with other parameters than this
 *   version's (or is malformed): hash the password again after a
 *   successful verification
 */
gboolean
fd_password_needs_rehash (const char *hash)
{
  g_return_val_if_fail (hash != NULL, TRUE);

  if (strnlen (hash, crypto_pwhash_STRBYTES) >= crypto_pwhash_STRBYTES || !ensure_sodium (NULL))
    return TRUE;

  return crypto_pwhash_str_needs_rehash (hash, OPS_LIMIT, MEM_LIMIT) != 0;
}

typedef struct
{
  char *password; /* a copy, wiped when the task is freed */
  char *hash;
} PasswordData;

static void
password_data_free (PasswordData *data)
{
  fd_password_free (data->password);
  g_free (data->hash);
  g_free (data);
}

static void
hash_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PasswordData *data = task_data;
  GError *error = NULL;
  char *hash;

  if (g_task_return_error_if_cancelled (task))
    return;

  hash = fd_password_hash (data->password, &error);
  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

/**
 * fd_password_hash_async:
 * @password: the password, UTF-8
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Hashes @password in a worker thread; see fd_password_hash(). @password
 * is copied, and the copy wiped when the work is done.
 */
void
fd_password_hash_async (const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PasswordData *data;

  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_password_hash_async);

  data = g_new0 (PasswordData, 1);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) password_data_free);

  g_task_run_in_thread (task, hash_thread);
}

/**
 * fd_password_hash_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the hash, or %NULL with @error set
 */
char *
fd_password_hash_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fd_password_hash_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PasswordData *data = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_boolean (task, fd_password_verify (data->hash, data->password));
}

/**
 * fd_password_verify_async:
 * @hash: a hash made by fd_password_hash()
 * @password: what the user typed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Verifies @password in a worker thread; see fd_password_verify().
 */
void
fd_password_verify_async (const char          *hash,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PasswordData *data;

  g_return_if_fail (hash != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_password_verify_async);

  data = g_new0 (PasswordData, 1);
  data->password = g_strdup (password);
  data->hash = g_strdup (hash);
  g_task_set_task_data (task, data, (GDestroyNotify) password_data_free);

  g_task_run_in_thread (task, verify_thread);
}

/**
 * fd_password_verify_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the password matches; %FALSE with @error set only if
 *   the work was cancelled
 */
gboolean
fd_password_verify_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fd_password_verify_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
