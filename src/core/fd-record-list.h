/* fd-record-list.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-database.h"
#include "fd-record-kind.h"

G_BEGIN_DECLS

#define FD_TYPE_RECORD_LIST (fd_record_list_get_type ())

G_DECLARE_FINAL_TYPE (FdRecordList, fd_record_list, FD, RECORD_LIST, GObject)

/**
 * FdRecordList:
 *
 * A #GListModel of model objects (#FdSession, #FdTrainer, #FdTrainee or
 * #FdClient) over a query: it holds only the ordered row ids matching the
 * search, and builds objects from their rows when asked for them, a page
 * of 32 at a time (kept until the next search or reload), so 50 000 rows
 * cost nothing until they are shown. Sorted the French way; the search
 * ignores case and accents ("helene" finds "Hélène"): the first search
 * loads the rows' folded keys and later keystrokes filter them in memory.
 */
FdRecordList *fd_record_list_new        (FdDatabase   *database,
                                         FdRecordKind  kind);
FdRecordKind  fd_record_list_get_kind   (FdRecordList *self);
const GError *fd_record_list_get_error  (FdRecordList *self);
const char   *fd_record_list_get_search (FdRecordList *self);
void          fd_record_list_set_search (FdRecordList *self,
                                         const char   *search);
void          fd_record_list_reload     (FdRecordList *self);
gboolean      fd_record_list_load_search_keys (FdRecordList  *self,
                                               GError       **error);
guint         fd_record_list_find       (FdRecordList *self,
                                         const char   *id);
gboolean      fd_record_list_is_updating (FdRecordList *self);
void          fd_record_list_set_follows_changes (FdRecordList *self,
                                                  gboolean      follows);
gboolean      fd_record_list_has_filter  (FdRecordKind  kind,
                                          const char   *name);
void          fd_record_list_set_filter  (FdRecordList *self,
                                          const char   *name,
                                          const char   *value);
const char   *fd_record_list_get_filter  (FdRecordList *self,
                                          const char   *name);

G_END_DECLS
