/* fd-sync-protocol.h — the sync protocol, version 1: messages and their codec
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FD_SYNC_PROTOCOL_VERSION 1

/* Bounds every decoder enforces (src/server/API.md documents them) */
#define FD_SYNC_MAX_MUTATIONS 100
#define FD_SYNC_MAX_PUSH_BYTES (4 * 1024 * 1024)
#define FD_SYNC_MAX_PULL_CHANGES 5000
#define FD_SYNC_MAX_PULL_BYTES (64 * 1024 * 1024)
#define FD_SYNC_MAX_SMALL_BYTES (64 * 1024)
#define FD_SYNC_MAX_ID_LENGTH 64
#define FD_SYNC_MAX_NAME_LENGTH 64
#define FD_SYNC_MAX_TEXT_LENGTH 4096
#define FD_SYNC_MAX_CURSOR_LENGTH 128
#define FD_SYNC_MAX_DEPTH 16

#define FD_SYNC_ERROR (fd_sync_error_quark ())

typedef enum
{
  /* Not JSON, not UTF-8, or not the shape of the message */
  FD_SYNC_ERROR_MALFORMED,
  /* Over one of the bounds above */
  FD_SYNC_ERROR_TOO_LARGE,
} FdSyncError;

typedef enum
{
  FD_SYNC_STATUS_APPLIED,
  /* The mutation id was already applied for this device */
  FD_SYNC_STATUS_DUPLICATE,
  /* A field it sets changed since its base version */
  FD_SYNC_STATUS_CONFLICT,
  /* Refused by validation, a role or the protocol; never retried */
  FD_SYNC_STATUS_REJECTED,
} FdSyncStatus;

/**
 * FdSyncMutation:
 * @id: the mutation's UUID, made on the device (the outbox's mutation_id)
 * @name: "entity.kind", e.g. "slot.update"
 * @entity_id: the row it is about
 * @base_version: the server version of the row the user saw (0: never synced)
 * @args: `{"id": …, "set": {field: value, …}}` as core writes it
 * @batch_id: (nullable): mutations sharing it are applied all or nothing
 *
 * One entry of a device's outbox, as pushed.
 */
typedef struct
{
  char *id;
  char *name;
  char *entity_id;
  gint64 base_version;
  JsonObject *args;
  char *batch_id;
} FdSyncMutation;

typedef struct
{
  char *device_id;
  GPtrArray *mutations; /* FdSyncMutation */
} FdSyncPushRequest;

/**
 * FdSyncResult:
 * @id: the mutation's id
 * @status: what became of it
 * @version: the version it was applied at (applied, and duplicate when
 *   known), or 0
 * @field: (nullable): the field a conflict or a rejection is about
 * @message: (nullable): why it was refused, translated
 */
typedef struct
{
  char *id;
  FdSyncStatus status;
  gint64 version;
  char *field;
  char *message;
} FdSyncResult;

typedef struct
{
  GPtrArray *results; /* FdSyncResult */
  gint64 server_time; /* UTC microseconds */
} FdSyncPushResponse;

/**
 * FdSyncChange:
 * @version: the version the row was last changed at
 * @entity: its table, e.g. "slot"
 * @id: its id
 * @deleted: whether it is a tombstone
 * @row: its current content, column → value
 */
typedef struct
{
  gint64 version;
  char *entity;
  char *id;
  gboolean deleted;
  JsonObject *row;
} FdSyncChange;

typedef struct
{
  GPtrArray *changes; /* FdSyncChange */
  char *cursor;
  gboolean more;
} FdSyncPullResponse;

GQuark              fd_sync_error_quark            (void);

const char         *fd_sync_status_to_string       (FdSyncStatus  status);
gboolean            fd_sync_status_from_string     (const char   *text,
                                                    FdSyncStatus *status);

gboolean            fd_sync_is_valid_id            (const char   *text);
gboolean            fd_sync_is_valid_name          (const char   *text);

FdSyncMutation     *fd_sync_mutation_new           (const char   *id,
                                                    const char   *name,
                                                    const char   *entity_id,
                                                    gint64        base_version,
                                                    JsonObject   *args,
                                                    const char   *batch_id);
void                fd_sync_mutation_free          (FdSyncMutation *mutation);

FdSyncPushRequest  *fd_sync_push_request_new       (const char   *device_id);
void                fd_sync_push_request_free      (FdSyncPushRequest *request);
char               *fd_sync_push_request_encode    (const FdSyncPushRequest *request,
                                                    gsize        *length);
FdSyncPushRequest  *fd_sync_push_request_decode    (const char   *data,
                                                    gsize         length,
                                                    GError      **error);

FdSyncResult       *fd_sync_result_new             (const char   *id,
                                                    FdSyncStatus  status,
                                                    gint64        version,
                                                    const char   *field,
                                                    const char   *message);
void                fd_sync_result_free            (FdSyncResult *result);

FdSyncPushResponse *fd_sync_push_response_new      (gint64        server_time);
void                fd_sync_push_response_free     (FdSyncPushResponse *response);
char               *fd_sync_push_response_encode   (const FdSyncPushResponse *response,
                                                    gsize        *length);
FdSyncPushResponse *fd_sync_push_response_decode   (const char   *data,
                                                    gsize         length,
                                                    GError      **error);

FdSyncChange       *fd_sync_change_new             (gint64        version,
                                                    const char   *entity,
                                                    const char   *id,
                                                    gboolean      deleted,
                                                    JsonObject   *row);
void                fd_sync_change_free            (FdSyncChange *change);

FdSyncPullResponse *fd_sync_pull_response_new      (const char   *cursor,
                                                    gboolean      more);
void                fd_sync_pull_response_free     (FdSyncPullResponse *response);
char               *fd_sync_pull_response_encode   (const FdSyncPullResponse *response,
                                                    gsize        *length);
FdSyncPullResponse *fd_sync_pull_response_decode   (const char   *data,
                                                    gsize         length,
                                                    GError      **error);

char               *fd_sync_error_encode           (const char   *code,
                                                    const char   *message,
                                                    gsize        *length);
gboolean            fd_sync_error_decode           (const char   *data,
                                                    gsize         length,
                                                    char        **code,
                                                    char        **message,
                                                    GError      **error);

char               *fd_sync_cursor_encode          (gint64        version);
gboolean            fd_sync_cursor_decode          (const char   *cursor,
                                                    gint64       *version,
                                                    GError      **error);

JsonNode           *fd_sync_parse_json             (const char   *data,
                                                    gsize         length,
                                                    gsize         max_length,
                                                    GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSyncMutation, fd_sync_mutation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSyncPushRequest, fd_sync_push_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSyncResult, fd_sync_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSyncPushResponse, fd_sync_push_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSyncChange, fd_sync_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSyncPullResponse, fd_sync_pull_response_free)

G_END_DECLS
