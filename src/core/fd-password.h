/* fd-password.h — password hashing for local accounts
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FD_PASSWORD_ERROR (fd_password_error_quark ())

typedef enum
{
  /* Shorter than FD_PASSWORD_MIN_LENGTH characters */
  FD_PASSWORD_ERROR_TOO_SHORT,
  /* Longer than FD_PASSWORD_MAX_LENGTH bytes, or not valid UTF-8 */
  FD_PASSWORD_ERROR_INVALID,
  /* libsodium could not start, or ran out of memory while hashing */
  FD_PASSWORD_ERROR_FAILED,
} FdPasswordError;

/* In characters (Unicode code points, after normalisation) */
#define FD_PASSWORD_MIN_LENGTH 8
/* In bytes: a sentence is welcome, a file is not */
#define FD_PASSWORD_MAX_LENGTH 1024

GQuark    fd_password_error_quark  (void);

char     *fd_password_hash         (const char           *password,
                                    GError              **error);
gboolean  fd_password_verify       (const char           *hash,
                                    const char           *password);
gboolean  fd_password_needs_rehash (const char           *hash);
void      fd_password_free         (char                 *password);

void      fd_password_hash_async   (const char           *password,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
char     *fd_password_hash_finish  (GAsyncResult         *result,
                                    GError              **error);
void      fd_password_verify_async (const char           *hash,
                                    const char           *password,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  fd_password_verify_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
