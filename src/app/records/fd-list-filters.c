/* fd-list-filters.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-list-filters"

#include "config.h"

#include "fd-list-filters.h"

G_DEFINE_INTERFACE (FdListFilters, fd_list_filters, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fd_list_filters_default_init (FdListFiltersInterface *iface)
{
  /**
   * FdListFilters::changed:
   *
   * The user chose other filters: the list is to be filtered again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * FdListFilters:database:
   *
   * The database the choices come from.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("database", NULL, NULL,
                                                            FD_TYPE_DATABASE,
                                                            (G_PARAM_READWRITE |
                                                             G_PARAM_CONSTRUCT_ONLY |
                                                             G_PARAM_STATIC_STRINGS)));
}

/**
 * fd_list_filters_apply:
 * @self: a #FdListFilters
 * @list: a list of the filters' kind
 *
 * Puts the filters the user chose on @list.
 */
void
fd_list_filters_apply (FdListFilters *self,
                       FdRecordList  *list)
{
  g_return_if_fail (FD_IS_LIST_FILTERS (self));
  g_return_if_fail (FD_IS_RECORD_LIST (list));

  FD_LIST_FILTERS_GET_IFACE (self)->apply (self, list);
}

/* For implementations: says the user chose other filters */
void
fd_list_filters_changed (FdListFilters *self)
{
  g_return_if_fail (FD_IS_LIST_FILTERS (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
