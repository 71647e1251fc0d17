/* fd-list-filters.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_LIST_FILTERS (fd_list_filters_get_type ())

G_DECLARE_INTERFACE (FdListFilters, fd_list_filters, FD, LIST_FILTERS, GtkWidget)

/**
 * FdListFiltersInterface:
 * @apply: puts the filters the user chose on @list
 *
 * The controls that narrow a list pane's records (a kind's own: the
 * sessions' status, drafts, training, place and period). The pane puts
 * them above its list, applies them to each list it shows, and lists again
 * when they emit #FdListFilters::changed.
 */
struct _FdListFiltersInterface
{
  GTypeInterface parent_iface;

  void (*apply) (FdListFilters *self,
                 FdRecordList  *list);
};

void fd_list_filters_apply   (FdListFilters *self,
                              FdRecordList  *list);
void fd_list_filters_changed (FdListFilters *self);

G_END_DECLS
