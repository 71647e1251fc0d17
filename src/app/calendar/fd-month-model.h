/* fd-month-model.h — the month grid's decisions, without GTK
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FD_MONTH_MODEL_N_COLUMNS 7
#define FD_MONTH_MODEL_N_ROWS    6
#define FD_MONTH_MODEL_N_CELLS   (FD_MONTH_MODEL_N_COLUMNS * FD_MONTH_MODEL_N_ROWS)

/**
 * FdMonthModelTimeFunc:
 * @item: one item given to fd_month_model_set_items()
 *
 * Returns: (transfer none) (nullable): the item's start or end as an ISO
 *   local date-time ("2026-03-03T09:00")
 */
typedef const char *(*FdMonthModelTimeFunc) (gpointer item);

typedef struct _FdMonthModel FdMonthModel;

FdMonthModel *fd_month_model_new              (int                   year,
                                               int                   month);
void          fd_month_model_free             (FdMonthModel         *self);

int           fd_month_model_get_year         (FdMonthModel         *self);
int           fd_month_model_get_month        (FdMonthModel         *self);

void          fd_month_model_get_cell_date    (FdMonthModel         *self,
                                               guint                 cell,
                                               GDate                *date);
int           fd_month_model_get_cell_for_date (FdMonthModel        *self,
                                               const GDate          *date);
int           fd_month_model_get_cell_for_iso (FdMonthModel         *self,
                                               const char           *iso);
gboolean      fd_month_model_cell_in_month    (FdMonthModel         *self,
                                               guint                 cell);
gboolean      fd_month_model_cell_is_weekend  (FdMonthModel         *self,
                                               guint                 cell);

char         *fd_month_model_dup_range_start  (FdMonthModel         *self);
char         *fd_month_model_dup_range_end    (FdMonthModel         *self);

void          fd_month_model_set_items        (FdMonthModel         *self,
                                               GPtrArray            *items,
                                               FdMonthModelTimeFunc  get_start,
                                               FdMonthModelTimeFunc  get_end);
GPtrArray    *fd_month_model_get_items        (FdMonthModel         *self);
GPtrArray    *fd_month_model_get_cell_items   (FdMonthModel         *self,
                                               guint                 cell);

guint         fd_month_model_fit_chips        (int                   available,
                                               int                   chip_height,
                                               int                   spacing,
                                               int                   overflow_height,
                                               guint                 n_items);

gboolean      fd_month_model_parse_iso_date   (const char           *iso,
                                               GDate                *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdMonthModel, fd_month_model_free)

G_END_DECLS
