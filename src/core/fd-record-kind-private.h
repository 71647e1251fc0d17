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

/* A change to a row of @entity changes what the rows @sql returns show
 * (?1 is the changed row's id; it returns the list's rowids) */
typedef struct
{
  const char *entity;
  const char *sql;
} FdRecordKindDependency;

#define FD_RECORD_KIND_MAX_DEPENDENCIES 6

/* A way to narrow a list: @condition is SQL over the kind's table, with
 * one ?1 for the value (or none, for a yes/no filter) */
typedef struct
{
  const char *name;
  const char *condition;
} FdRecordKindFilter;

#define FD_RECORD_KIND_MAX_FILTERS 8

/* The queries of an #FdRecordList of the kind (see fd-record-list.c), the
 * constructor of its items from a row of @row_sql, and what its rows show
 * of other tables, the kind's own first. */
typedef struct
{
  FdRecordKindInfo   info;
  const char        *ids_sql;
  const char        *keys_sql;
  const char        *row_sql;
  gpointer         (*new_from_stmt) (sqlite3_stmt *stmt);
  FdRecordKindDependency depends_on[FD_RECORD_KIND_MAX_DEPENDENCIES];
  /* Besides its sort and search keys, what the order of @ids_sql reads:
   * its own columns, and other tables whose changes may move its rows
   * (space-separated; NULL for none) */
  const char        *order_columns;
  const char        *order_entities;
  /* The parts of @ids_sql and @keys_sql, to insert filters between */
  const char        *ids_select;
  const char        *keys_select;
  const char        *order_by;
  FdRecordKindFilter filters[FD_RECORD_KIND_MAX_FILTERS];
} FdRecordKindQueries;

const FdRecordKindQueries *_fd_record_kind_get_queries (FdRecordKind kind);

G_END_DECLS
