/* fd-record-kind.h — what each kind of record is, in one table
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A new kind is a value here and a row in fd-record-kind.c's table (plus,
 * to be shown, a row in the application's and the CLI's own tables). */
typedef enum
{
  FD_RECORD_KIND_SESSION,
  FD_RECORD_KIND_TRAINER,
  FD_RECORD_KIND_TRAINEE,
  FD_RECORD_KIND_CLIENT,
} FdRecordKind;

#define FD_N_RECORD_KINDS (FD_RECORD_KIND_CLIENT + 1)

/**
 * FdRecordKindInfo:
 * @kind: the kind described
 * @name: the plural the user knows them by, "candidates": the CLI's
 *   argument, the window's view name, the benchmarks' ids
 * @alias: (nullable): another name the CLI accepts, "trainees", or %NULL
 * @entity: the entity and table its rows are in, "trainee" (see
 *   fd_change_new_create())
 * @label: the plural for the user, untranslated, in the "record kind"
 *   context: see fd_record_kind_info_get_label()
 * @get_item_type: the #GType of the model objects its lists hold
 *
 * What the code does differently for each #FdRecordKind, looked up rather
 * than switched on.
 */
typedef struct
{
  FdRecordKind  kind;
  const char   *name;
  const char   *alias;
  const char   *entity;
  const char   *label;
  GType       (*get_item_type) (void);
} FdRecordKindInfo;

const FdRecordKindInfo *fd_record_kind_get_info       (FdRecordKind            kind);
const FdRecordKindInfo *fd_record_kind_find           (const char             *name);
const char             *fd_record_kind_info_get_label (const FdRecordKindInfo *info);

G_END_DECLS
