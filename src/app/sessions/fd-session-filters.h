/* fd-session-filters.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-list-filters.h"

G_BEGIN_DECLS

/* The periods the sessions list can be narrowed to, from today */
typedef enum
{
  FD_SESSION_PERIOD_ANY,
  FD_SESSION_PERIOD_COMING,
  FD_SESSION_PERIOD_THIS_MONTH,
  FD_SESSION_PERIOD_NEXT_THREE_MONTHS,
  FD_SESSION_PERIOD_THIS_YEAR,
  FD_SESSION_PERIOD_PAST,
} FdSessionPeriod;

#define FD_TYPE_SESSION_FILTERS (fd_session_filters_get_type ())

G_DECLARE_FINAL_TYPE (FdSessionFilters, fd_session_filters, FD, SESSION_FILTERS, GtkWidget)

void  fd_session_period_get_range      (FdSessionPeriod   period,
                                        GDate            *today,
                                        char            **from,
                                        char            **to);

void  fd_session_filters_set_drafts    (FdSessionFilters *self,
                                        gboolean          drafts);
void  fd_session_filters_set_status    (FdSessionFilters *self,
                                        const char       *status);
void  fd_session_filters_set_training  (FdSessionFilters *self,
                                        const char       *training_id);
void  fd_session_filters_set_place     (FdSessionFilters *self,
                                        const char       *place_id);
void  fd_session_filters_set_period    (FdSessionFilters *self,
                                        FdSessionPeriod   period);
guint fd_session_filters_count_active  (FdSessionFilters *self);

G_END_DECLS
