/* fd-row-changes.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-change.h"

G_BEGIN_DECLS

/**
 * FdRowChanges:
 *
 * The rows that one or more commits changed, as #FdDatabase announces them
 * after they are durable, whichever connection or process wrote them: each
 * row once, by entity and id, with what happened to it. Lists and the
 * calendar update those rows in place. A "reset" says that too much
 * changed to list (a demo, an import, a first sync) or that the announcer
 * fell behind: reload everything.
 */
typedef struct _FdRowChanges FdRowChanges;

#define FD_TYPE_ROW_CHANGES (fd_row_changes_get_type ())

GType          fd_row_changes_get_type   (void) G_GNUC_CONST;
FdRowChanges  *fd_row_changes_new        (void);
FdRowChanges  *fd_row_changes_new_reset  (void);
FdRowChanges  *fd_row_changes_ref        (FdRowChanges *self);
void           fd_row_changes_unref      (FdRowChanges *self);

void           fd_row_changes_add        (FdRowChanges *self,
                                          const char   *entity,
                                          const char   *id,
                                          FdChangeKind  kind);
void           fd_row_changes_add_fields (FdRowChanges *self,
                                          const char   *entity,
                                          const char   *id,
                                          FdChangeKind  kind,
                                          const char   *fields);

gboolean       fd_row_changes_is_reset   (const FdRowChanges *self);
guint          fd_row_changes_get_length (const FdRowChanges *self);
const char    *fd_row_changes_get_entity (const FdRowChanges *self,
                                          guint               position);
const char    *fd_row_changes_get_id     (const FdRowChanges *self,
                                          guint               position);
FdChangeKind   fd_row_changes_get_kind   (const FdRowChanges *self,
                                          guint               position);
const char * const *fd_row_changes_get_fields (const FdRowChanges *self,
                                          guint               position);
gboolean       fd_row_changes_touches    (const FdRowChanges *self,
                                          const char         *entity);
gboolean       fd_row_changes_lookup     (const FdRowChanges *self,
                                          const char         *entity,
                                          const char         *id,
                                          FdChangeKind       *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdRowChanges, fd_row_changes_unref)

G_END_DECLS
