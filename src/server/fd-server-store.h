/* fd-server-store.h — the server's storage: core's database plus accounts,
 * devices, tokens, the organisation's clock and the change index
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-core.h"
#include "fd-sync-protocol.h"

G_BEGIN_DECLS

#define FD_SERVER_ERROR (fd_server_error_quark ())

typedef enum
{
  /* No valid credentials: wrong password, unknown, expired or revoked token */
  FD_SERVER_ERROR_UNAUTHORIZED,
  /* Valid credentials, but not for this */
  FD_SERVER_ERROR_FORBIDDEN,
  FD_SERVER_ERROR_NOT_FOUND,
  FD_SERVER_ERROR_EXISTS,
  FD_SERVER_ERROR_INVALID,
  FD_SERVER_ERROR_FAILED,
} FdServerError;

/* Default lifetimes, in seconds */
#define FD_SERVER_ACCESS_TOKEN_LIFETIME (15 * 60)
#define FD_SERVER_REFRESH_TOKEN_LIFETIME (30 * 24 * 60 * 60)

/**
 * FdServerTokens:
 * @access_token: short-lived, sent as `Authorization: Bearer …`
 * @refresh_token: long-lived, exchanged for new tokens at /v1/refresh
 * @device_id: the device the tokens belong to
 * @expires_in: seconds until @access_token expires
 *
 * What a login or a refresh hands out. Only their hashes are stored.
 */
typedef struct
{
  char *access_token;
  char *refresh_token;
  char *device_id;
  gint64 expires_in;
} FdServerTokens;

void fd_server_tokens_free (FdServerTokens *tokens);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdServerTokens, fd_server_tokens_free)

/**
 * FdServerDevice:
 * @id: the device's id
 * @account_id: the account it was registered by
 * @name: the name its user gave at login
 * @created_at: UTC microseconds
 * @revoked: whether it was revoked
 */
typedef struct
{
  char *id;
  char *account_id;
  char *name;
  gint64 created_at;
  gboolean revoked;
} FdServerDevice;

void fd_server_device_free (FdServerDevice *device);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdServerDevice, fd_server_device_free)

#define FD_TYPE_SERVER_STORE (fd_server_store_get_type ())

G_DECLARE_FINAL_TYPE (FdServerStore, fd_server_store, FD, SERVER_STORE, GObject)

GQuark              fd_server_error_quark              (void);

FdServerStore      *fd_server_store_open               (const char     *path,
                                                        GError        **error);
FdDatabase         *fd_server_store_get_database       (FdServerStore  *self);
void                fd_server_store_set_token_lifetimes (FdServerStore *self,
                                                        gint64          access_seconds,
                                                        gint64          refresh_seconds);

gboolean            fd_server_store_ensure_organisation (FdServerStore *self,
                                                        const char     *name,
                                                        GError        **error);
gint64              fd_server_store_get_version        (FdServerStore  *self);

FdUser             *fd_server_store_add_account        (FdServerStore  *self,
                                                        const char     *email,
                                                        const char     *display_name,
                                                        FdRole          role,
                                                        const char     *trainer_email,
                                                        const char     *place_name,
                                                        const char     *password,
                                                        GError        **error);
GPtrArray          *fd_server_store_list_accounts      (FdServerStore  *self,
                                                        GError        **error);
FdUser             *fd_server_store_lookup_account     (FdServerStore  *self,
                                                        const char     *email,
                                                        char          **password_hash,
                                                        GError        **error);
gboolean            fd_server_store_revoke_account     (FdServerStore  *self,
                                                        const char     *email,
                                                        GError        **error);

GPtrArray          *fd_server_store_list_devices       (FdServerStore  *self,
                                                        GError        **error);
gboolean            fd_server_store_revoke_device      (FdServerStore  *self,
                                                        const char     *device_id,
                                                        GError        **error);

FdServerTokens     *fd_server_store_register_device    (FdServerStore  *self,
                                                        FdUser         *account,
                                                        const char     *device_name,
                                                        const char     *device_id,
                                                        GError        **error);
FdServerTokens     *fd_server_store_refresh            (FdServerStore  *self,
                                                        const char     *refresh_token,
                                                        GError        **error);
FdUser             *fd_server_store_authenticate       (FdServerStore  *self,
                                                        const char     *access_token,
                                                        char          **device_id,
                                                        GError        **error);

FdSyncPushResponse *fd_server_store_push               (FdServerStore  *self,
                                                        FdUser         *user,
                                                        const char     *device_id,
                                                        FdSyncPushRequest *request,
                                                        GError        **error);
FdSyncPullResponse *fd_server_store_pull               (FdServerStore  *self,
                                                        FdUser         *user,
                                                        gint64          since,
                                                        guint           limit,
                                                        GError        **error);

G_END_DECLS
