/* fd-sync-client.h — the device's side of sync: sign in, push the outbox,
 * pull the server's changes
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FD_SYNC_CLIENT_ERROR (fd_sync_client_error_quark ())

typedef enum
{
  /* No answer: no network, wrong address, server down, timeout */
  FD_SYNC_CLIENT_ERROR_UNREACHABLE,
  /* Wrong email or password at sign-in */
  FD_SYNC_CLIENT_ERROR_BAD_CREDENTIALS,
  /* Signed out: tokens expired and not renewable, device or account revoked */
  FD_SYNC_CLIENT_ERROR_UNAUTHORIZED,
  /* The account may not sync (a role the server does not serve yet) */
  FD_SYNC_CLIENT_ERROR_FORBIDDEN,
  /* The server is there but failing (busy, disk full): try later */
  FD_SYNC_CLIENT_ERROR_UNAVAILABLE,
  /* An answer that is not the protocol: another program, another version */
  FD_SYNC_CLIENT_ERROR_PROTOCOL,
  /* sync before sign-in */
  FD_SYNC_CLIENT_ERROR_NOT_SIGNED_IN,
} FdSyncClientError;

/**
 * FdSyncStats:
 * @pushed: outbox entries the server applied (or had applied)
 * @conflicts: entries it refused as conflicts
 * @rejected: entries it rejected
 * @pulled: rows pulled
 * @pages: pull pages
 * @server_time: the server's clock at the last push, UTC microseconds (0
 *   if nothing was pushed), to warn about a skewed device clock
 */
typedef struct
{
  guint pushed;
  guint conflicts;
  guint rejected;
  guint pulled;
  guint pages;
  gint64 server_time;
} FdSyncStats;

#define FD_TYPE_SYNC_CLIENT (fd_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (FdSyncClient, fd_sync_client, FD, SYNC_CLIENT, GObject)

GQuark        fd_sync_client_error_quark  (void);

FdSyncClient *fd_sync_client_new          (const char           *server_url,
                                           const char           *database_path,
                                           GError              **error);
const char   *fd_sync_client_get_server_url (FdSyncClient       *self);
gboolean      fd_sync_client_is_signed_in (FdSyncClient         *self);
char         *fd_sync_client_dup_device_id (FdSyncClient        *self);
char         *fd_sync_client_dup_refresh_token (FdSyncClient    *self);
void          fd_sync_client_set_refresh_token (FdSyncClient    *self,
                                                const char      *refresh_token);
void          fd_sync_client_set_page_size (FdSyncClient        *self,
                                            guint                page_size);

gboolean      fd_sync_client_login        (FdSyncClient         *self,
                                           const char           *email,
                                           const char           *password,
                                           const char           *device_name,
                                           GCancellable         *cancellable,
                                           GError              **error);
void          fd_sync_client_login_async  (FdSyncClient         *self,
                                           const char           *email,
                                           const char           *password,
                                           const char           *device_name,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean      fd_sync_client_login_finish (FdSyncClient         *self,
                                           GAsyncResult         *result,
                                           GError              **error);

gboolean      fd_sync_client_push         (FdSyncClient         *self,
                                           GCancellable         *cancellable,
                                           FdSyncStats          *stats,
                                           GError              **error);
gboolean      fd_sync_client_pull         (FdSyncClient         *self,
                                           GCancellable         *cancellable,
                                           FdSyncStats          *stats,
                                           GError              **error);
gboolean      fd_sync_client_sync_once    (FdSyncClient         *self,
                                           GCancellable         *cancellable,
                                           FdSyncStats          *stats,
                                           GError              **error);
void          fd_sync_client_sync_async   (FdSyncClient         *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean      fd_sync_client_sync_finish  (FdSyncClient         *self,
                                           GAsyncResult         *result,
                                           FdSyncStats          *stats,
                                           GError              **error);

G_END_DECLS
