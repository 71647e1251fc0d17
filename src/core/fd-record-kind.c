/* fd-record-kind.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-record-kind"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-record-kind.h"

#include "fd-models-private.h"
#include "fd-record-kind-private.h"

/* Both queries order by sort_key alone so that an index on (deleted,
 * sort_key, search_key) can cover them both; rows with the same key come
 * in index order. */
#define IDS_SELECT(table) "SELECT rowid FROM " table " WHERE deleted = 0"
#define KEYS_SELECT(table) "SELECT rowid, search_key FROM " table " WHERE deleted = 0"
#define BY_SORT_KEY " ORDER BY sort_key"

#define OWN_ROW(table) \
  { table, "SELECT rowid FROM " table " WHERE id = ?1" }

/* The row of @table that a changed row of @child belongs to by @column */
#define BY_PARENT(table, child, column) \
  { child, "SELECT p.rowid FROM " table " p JOIN " child " c ON c." column " = p.id" \
           " WHERE c.id = ?1" }

/* The rows of @table that refer to the changed row by @column */
#define BY_CHILD(table, parent, column) \
  { parent, "SELECT rowid FROM " table " WHERE " column " = ?1" }

/* The sessions list opens on what is coming: drafts first (they wait to
 * be published), then sessions not over yet, soonest first, then the past
 * ones, the latest first; a session without slots by its planned dates,
 * and one without dates first of its group. */
#define SESSION_ORDER \
  " ORDER BY published," \
  " coalesce (ends_on, planned_end_on) < date ('now', 'localtime')," \
  " CASE WHEN coalesce (ends_on, planned_end_on) >= date ('now', 'localtime')" \
  "   THEN coalesce (starts_on, planned_start_on) END," \
  " coalesce (starts_on, planned_start_on) DESC, sort_key"

/* The sessions list's filters (FdRecordList:filters): by workflow status,
 * drafts only, by training, by a place of its slots, by period */
#define SESSION_FILTERS \
  { \
    { "status", "status = ?1" }, \
    { "draft", "published = 0" }, \
    { "training", "training_id = ?1" }, \
    { "place", "EXISTS (SELECT 1 FROM slot sl WHERE sl.session_id = session.id" \
               " AND sl.deleted = 0 AND sl.place_id = ?1)" }, \
    { "from", "coalesce (ends_on, planned_end_on) >= ?1" }, \
    { "to", "coalesce (starts_on, planned_start_on) <= ?1" }, \
  }

/* What SESSION_ORDER reads besides the sort key: the dates come from the
 * slots (see fd-schema.c) */
#define SESSION_ORDER_COLUMNS "published planned_start_on planned_end_on"
#define SESSION_ORDER_ENTITIES "slot"

#define NO_FILTERS { { NULL, NULL } }

#define KIND(kind, name, alias, table, label, type, select, alias_col, new_from_stmt, ...) \
  KIND_ORDERED (kind, name, alias, table, label, type, select, alias_col, new_from_stmt, \
                BY_SORT_KEY, NULL, NULL, NO_FILTERS, __VA_ARGS__)

#define KIND_ORDERED(kind, name, alias, table, label, type, select, alias_col, new_from_stmt, \
                     order, order_columns, order_entities, filters_, ...) \
  [kind] = { \
    { kind, name, alias, table, label, type }, \
    IDS_SELECT (table) order, \
    KEYS_SELECT (table) order, \
    select " WHERE " alias_col ".rowid = ?1", \
    (gpointer (*) (sqlite3_stmt *)) new_from_stmt, \
    { OWN_ROW (table), __VA_ARGS__ }, \
    order_columns, \
    order_entities, \
    IDS_SELECT (table), \
    KEYS_SELECT (table), \
    order, \
    filters_, \
  }

static const FdRecordKindQueries kinds[] = {
  KIND_ORDERED (FD_RECORD_KIND_SESSION, "sessions", NULL, "session",
        NC_("record kind", "sessions"), fd_session_get_type,
        FD_SESSION_SELECT, "s", _fd_session_new_from_stmt,
        SESSION_ORDER, SESSION_ORDER_COLUMNS, SESSION_ORDER_ENTITIES, SESSION_FILTERS,
        BY_PARENT ("session", "slot", "session_id"),
        BY_PARENT ("session", "enrollment", "session_id"),
        BY_CHILD ("session", "training", "training_id"),
        BY_CHILD ("session", "client", "client_id")),
  KIND (FD_RECORD_KIND_TRAINER, "trainers", NULL, "trainer",
        NC_("record kind", "trainers"), fd_trainer_get_type,
        FD_TRAINER_SELECT, "tr", _fd_trainer_new_from_stmt, { NULL, NULL }),
  KIND (FD_RECORD_KIND_TRAINEE, "candidates", "trainees", "trainee",
        NC_("record kind", "candidates"), fd_trainee_get_type,
        FD_TRAINEE_SELECT, "te", _fd_trainee_new_from_stmt,
        BY_CHILD ("trainee", "client", "client_id")),
  KIND (FD_RECORD_KIND_CLIENT, "clients", NULL, "client",
        NC_("record kind", "clients"), fd_client_get_type,
        FD_CLIENT_SELECT, "c", _fd_client_new_from_stmt, { NULL, NULL }),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == FD_N_RECORD_KINDS);

const FdRecordKindQueries *
_fd_record_kind_get_queries (FdRecordKind kind)
{
  g_assert (kind < G_N_ELEMENTS (kinds));

  return &kinds[kind];
}

/**
 * fd_record_kind_get_info:
 * @kind: a #FdRecordKind
 *
 * Returns: (transfer none): what @kind is
 */
const FdRecordKindInfo *
fd_record_kind_get_info (FdRecordKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return &kinds[kind].info;
}

/**
 * fd_record_kind_find:
 * @name: a kind's #FdRecordKindInfo.name or alias, "candidates"
 *
 * Returns: (transfer none) (nullable): the kind called @name, or %NULL
 */
const FdRecordKindInfo *
fd_record_kind_find (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const FdRecordKindInfo *info = &kinds[i].info;

      if (g_str_equal (name, info->name) || g_strcmp0 (name, info->alias) == 0)
        return info;
    }

  return NULL;
}

/**
 * fd_record_kind_info_get_label:
 * @info: a #FdRecordKindInfo
 *
 * Returns: (transfer none): @info's label, translated: "candidats"
 */
const char *
fd_record_kind_info_get_label (const FdRecordKindInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "record kind", info->label);
}
