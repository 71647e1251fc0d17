/* fd-record-kind-private.h — how core reads each kind, for src/core only
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "fd-record-kind.h"

G_BEGIN_DECLS

/* The queries of an #FdRecordList of the kind (see fd-record-list.c) and
 * the constructor of its items from a row of @row_sql. */
typedef struct
{
  FdRecordKindInfo   info;
  const char        *ids_sql;
  const char        *keys_sql;
  const char        *row_sql;
  gpointer         (*new_from_stmt) (sqlite3_stmt *stmt);
} FdRecordKindQueries;

const FdRecordKindQueries *_fd_record_kind_get_queries (FdRecordKind kind);

G_END_DECLS
