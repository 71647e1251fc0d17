/* fd-record-kind-ui.h — what the application shows of each kind of record
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-core.h"
#include "fd-record-row.h"

G_BEGIN_DECLS

/**
 * FdRecordKindUi:
 * @kind: the kind described (see fd_record_kind_get_info() for the rest)
 * @icon_name: the icon of its empty list and of its details' empty page
 * @search_placeholder: the search entry's placeholder, untranslated
 * @empty_title: the title of its empty list, untranslated
 * @no_selection_title: the title in place of the details while nothing is
 *   chosen, untranslated
 * @no_selection_description: the description under it, untranslated
 * @get_details_type: the #GType of its details widget, which has a
 *   "database" property
 * @record_property: the details widget's property that takes the record
 * @bind_row: fills a #FdRecordRow from one of its items
 * @format_count: the count shown above its list, "1 482 candidates"
 * @format_no_match: the sentence when a search finds none
 *
 * The pieces of #FdRecordPane and #FdRecordView that differ between the
 * kinds the window shows: one row a kind, looked up by both.
 */
typedef struct
{
  FdRecordKind  kind;
  const char   *icon_name;
  const char   *search_placeholder;
  const char   *empty_title;
  const char   *no_selection_title;
  const char   *no_selection_description;
  GType       (*get_details_type) (void);
  const char   *record_property;
  void        (*bind_row)        (FdRecordRow *row,
                                  gpointer     item);
  char       *(*format_count)    (guint        n);
  char       *(*format_no_match) (const char  *search);
  GType       (*get_filters_type) (void); /* a FdListFilters, or NULL */
} FdRecordKindUi;

const FdRecordKindUi *fd_record_kind_ui_get   (FdRecordKind kind);
FdRecordKind          fd_record_kind_ui_last  (void);

G_END_DECLS
