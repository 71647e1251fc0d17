/* fd-sync-state.h — core's half of sync: pulled pages, the outbox's
 * progress, and the mutations the server refused
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-change.h"
#include "fd-database.h"

G_BEGIN_DECLS

/*
 * The sync engine (src/sync/fd-sync-client.c) speaks HTTP; everything it
 * reads or writes in the local database goes through these functions, so
 * that the rules stay in core:
 *
 * - A pulled page is applied with its cursor in one transaction
 *   (fd_database_apply_pulled()), without outbox entries and without role
 *   checks (the server decided), and announced by
 *   #FdDatabase::rows-changed like a local edit.
 *
 * - The pending rule. A pulled row may be one this device edited and has
 *   not seen come back yet: its outbox holds an entry for the row that is
 *   not pushed, or that the server applied at a version later than the
 *   pulled row's. For each field such an entry sets, the local value is
 *   kept (it will push, or the server already has it and a later page
 *   brings it back); a pending delete or restore keeps the local tombstone
 *   flag. Every other field takes the server's value. Once the row arrives
 *   at a version that includes the entry (or a later one), the server's
 *   values win again: they contain the edit or what replaced it.
 *
 * - An entry the server applied keeps its version (pushed_version) until a
 *   pull has brought changes up to that version; then it is deleted
 *   (SYNC.md: "an outbox entry is deleted only once a pull shows the
 *   server has it").
 *
 * - An entry the server refused (a conflict, a rejection) moves, in the
 *   same transaction, from the outbox to the sync_conflict table, where
 *   the UI lists it (fd_database_list_sync_conflicts()). Its row still
 *   shows the refused values: the next pull starts over from just before
 *   the entry's base version (fd_database_get_pull_rewind()), which brings
 *   the row back as the server has it, now that no entry keeps its fields.
 */

/**
 * FdPulledRow:
 * @version: the server version the row was last changed at
 * @entity: its table, e.g. "slot"
 * @id: its id
 * @deleted: whether it is a tombstone
 * @values: the row's columns as fields of a create #FdChange (its kind and
 *   id are not used); columns this build does not know are ignored
 *
 * One row of a pulled page, in core's terms.
 */
typedef struct
{
  gint64 version;
  char *entity;
  char *id;
  gboolean deleted;
  FdChange *values;
} FdPulledRow;

FdPulledRow *fd_pulled_row_new            (const char  *entity,
                                           const char  *id,
                                           gint64       version,
                                           gboolean     deleted);
void         fd_pulled_row_free           (FdPulledRow *row);

gboolean     fd_database_apply_pulled     (FdDatabase  *self,
                                           GPtrArray   *rows,
                                           const char  *cursor,
                                           GError     **error);
char        *fd_database_dup_pull_cursor  (FdDatabase  *self);
gint64       fd_database_get_pulled_version (FdDatabase *self);
gint64       fd_database_get_pull_rewind  (FdDatabase  *self);

/**
 * FdOutboxEntry:
 * @seq: its place in the outbox
 * @mutation_id: its UUID, made on the device
 * @name: "entity.kind"
 * @entity_id: the row it is about
 * @base_version: the server version of the row when the edit was made
 * @args: `{"id": …, "set": {…}}`, JSON text
 * @batch_id: (nullable): shared by the entries of one user operation
 * @created_at: when it was made, UTC microseconds
 */
typedef struct
{
  gint64 seq;
  char *mutation_id;
  char *name;
  char *entity_id;
  gint64 base_version;
  char *args;
  char *batch_id;
  gint64 created_at;
} FdOutboxEntry;

void         fd_outbox_entry_free         (FdOutboxEntry *entry);

GPtrArray   *fd_database_list_unpushed    (FdDatabase  *self,
                                           guint        max,
                                           GError     **error);
gint64       fd_database_count_unpushed   (FdDatabase  *self);

typedef enum
{
  /* Applied, or applied before (a duplicate) */
  FD_PUSH_OUTCOME_APPLIED,
  FD_PUSH_OUTCOME_CONFLICT,
  FD_PUSH_OUTCOME_REJECTED,
} FdPushOutcome;

gboolean     fd_database_record_push_result (FdDatabase   *self,
                                             gint64        seq,
                                             FdPushOutcome outcome,
                                             gint64        version,
                                             const char   *field,
                                             const char   *message,
                                             GError      **error);

/**
 * FdSyncConflict:
 * @id: its number in the local table
 * @mutation_id: the refused mutation's id
 * @name: "entity.kind"
 * @entity: the table of the row, e.g. "slot"
 * @entity_id: the row
 * @args: what the mutation set, JSON text
 * @outcome: %FD_PUSH_OUTCOME_CONFLICT or %FD_PUSH_OUTCOME_REJECTED
 * @field: (nullable): the field the server named
 * @message: (nullable): why, translated by the server
 * @created_at: when the edit was made, UTC microseconds (device clock)
 * @refused_at: when the device learnt it was refused
 *
 * A mutation the server did not apply, for the user to see.
 */
typedef struct
{
  gint64 id;
  char *mutation_id;
  char *name;
  char *entity;
  char *entity_id;
  char *args;
  FdPushOutcome outcome;
  char *field;
  char *message;
  gint64 created_at;
  gint64 refused_at;
} FdSyncConflict;

void         fd_sync_conflict_free        (FdSyncConflict *conflict);

GPtrArray   *fd_database_list_sync_conflicts (FdDatabase *self,
                                              GError    **error);

gboolean     fd_database_dup_sync_account (FdDatabase  *self,
                                           char       **server_url,
                                           char       **email,
                                           char       **device_id);
gboolean     fd_database_set_sync_account (FdDatabase  *self,
                                           const char  *server_url,
                                           const char  *email,
                                           const char  *device_id,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdPulledRow, fd_pulled_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdOutboxEntry, fd_outbox_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSyncConflict, fd_sync_conflict_free)

G_END_DECLS
