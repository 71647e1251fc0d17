/* fd-sync-engine.h — when the app syncs, and what it says about it
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-core.h"
#include "fd-token-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* No server configured: a local database */
  FD_SYNC_ENGINE_STATE_LOCAL,
  /* A server is configured but nobody is signed in (or the server signed
   * the device out) */
  FD_SYNC_ENGINE_STATE_SIGNED_OUT,
  /* The last attempt did not reach the server; it is tried again */
  FD_SYNC_ENGINE_STATE_OFFLINE,
  FD_SYNC_ENGINE_STATE_SYNCING,
  FD_SYNC_ENGINE_STATE_UP_TO_DATE,
  /* Synced, but local changes wait to be sent */
  FD_SYNC_ENGINE_STATE_PENDING,
  /* Synced, but the server refused some changes */
  FD_SYNC_ENGINE_STATE_CONFLICTS,
} FdSyncEngineState;

#define FD_TYPE_SYNC_ENGINE_STATE (fd_sync_engine_state_get_type ())
GType fd_sync_engine_state_get_type (void);

#define FD_TYPE_SYNC_ENGINE (fd_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (FdSyncEngine, fd_sync_engine, FD, SYNC_ENGINE, GObject)

/* The delays of the engine, in milliseconds */
#define FD_SYNC_ENGINE_DEBOUNCE_MS 1500
#define FD_SYNC_ENGINE_INTERVAL_MS 30000
#define FD_SYNC_ENGINE_FIRST_RETRY_MS 2000
#define FD_SYNC_ENGINE_MAX_RETRY_MS (5 * 60 * 1000)

FdSyncEngine     *fd_sync_engine_new             (FdDatabase          *database,
                                                  FdTokenStore        *token_store);
FdDatabase       *fd_sync_engine_get_database    (FdSyncEngine        *self);
FdSyncEngineState fd_sync_engine_get_state       (FdSyncEngine        *self);
gint64            fd_sync_engine_get_pending     (FdSyncEngine        *self);
guint             fd_sync_engine_get_conflicts   (FdSyncEngine        *self);
const char       *fd_sync_engine_get_message     (FdSyncEngine        *self);
const char       *fd_sync_engine_get_server_url  (FdSyncEngine        *self);
const char       *fd_sync_engine_get_email       (FdSyncEngine        *self);
gboolean          fd_sync_engine_get_keyring_available (FdSyncEngine  *self);
void              fd_sync_engine_sync_now        (FdSyncEngine        *self);
void              fd_sync_engine_set_interval    (FdSyncEngine        *self,
                                                  guint                interval_ms);

void              fd_sync_engine_sign_in_async   (FdSyncEngine        *self,
                                                  const char          *server_url,
                                                  const char          *email,
                                                  const char          *password,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean          fd_sync_engine_sign_in_finish  (FdSyncEngine        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void              fd_sync_engine_sign_out        (FdSyncEngine        *self);

guint             fd_sync_engine_retry_delay     (guint                failures,
                                                  double               random);
char             *fd_sync_engine_describe        (FdSyncEngineState    state,
                                                  gint64               pending,
                                                  guint                conflicts);
const char       *fd_sync_engine_icon_name       (FdSyncEngineState    state);

G_END_DECLS
