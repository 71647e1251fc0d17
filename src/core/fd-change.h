/* fd-change.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FdChange:
 *
 * One change a user (or an import, or the demo generator) wants to make to
 * one row: create, update some fields of, or delete. It is the only way to
 * write data: fd_database_apply() validates it against the entity's rules,
 * writes the row, and appends the named mutation (`trainee.update`, with the
 * base version the user saw) to the outbox, in one transaction.
 */
typedef struct _FdChange FdChange;

typedef enum
{
  FD_CHANGE_CREATE,
  FD_CHANGE_UPDATE,
  FD_CHANGE_DELETE,
  /* Brings a deleted row back (the undo of a delete) */
  FD_CHANGE_RESTORE,
} FdChangeKind;

#define FD_TYPE_CHANGE (fd_change_get_type ())

GType         fd_change_get_type          (void) G_GNUC_CONST;
FdChange     *fd_change_new_create        (const char *entity);
FdChange     *fd_change_new_create_with_id (const char *entity,
                                           const char *id);
FdChange     *fd_change_new_update        (const char *entity,
                                           const char *id,
                                           gint64      base_version);
FdChange     *fd_change_new_delete        (const char *entity,
                                           const char *id,
                                           gint64      base_version);
FdChange     *fd_change_new_restore       (const char *entity,
                                           const char *id,
                                           gint64      base_version);
FdChange     *fd_change_ref               (FdChange   *self);
void          fd_change_unref             (FdChange   *self);

FdChangeKind  fd_change_get_kind          (const FdChange *self);
const char   *fd_change_get_entity        (const FdChange *self);
const char   *fd_change_get_id            (const FdChange *self);
gint64        fd_change_get_base_version  (const FdChange *self);
guint         fd_change_get_n_fields      (const FdChange *self);
gboolean      fd_change_has_field         (const FdChange *self,
                                           const char     *field);

void          fd_change_set_string        (FdChange   *self,
                                           const char *field,
                                           const char *value);
void          fd_change_set_int           (FdChange   *self,
                                           const char *field,
                                           gint64      value);
void          fd_change_set_double        (FdChange   *self,
                                           const char *field,
                                           double      value);
void          fd_change_set_bool          (FdChange   *self,
                                           const char *field,
                                           gboolean    value);
void          fd_change_set_null          (FdChange   *self,
                                           const char *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdChange, fd_change_unref)

G_END_DECLS
