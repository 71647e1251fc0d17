/* fd-details.h — helpers shared by the details panes of the list views
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

void       fd_details_set_row               (AdwActionRow *row,
                                             const char   *value);
void       fd_details_set_row_take          (AdwActionRow *row,
                                             char         *value);
void       fd_details_replace               (GListStore   *store,
                                             GPtrArray    *items);
char      *fd_details_format_date_range     (const char   *start_date,
                                             const char   *end_date);
char      *fd_details_format_count          (guint         n);
char      *fd_details_join                  (const char   *separator,
                                             ...) G_GNUC_NULL_TERMINATED;
GtkWidget *fd_details_create_slot_row       (gpointer      item,
                                             gpointer      user_data);
GtkWidget *fd_details_create_enrollment_row (gpointer      item,
                                             gpointer      user_data);

G_END_DECLS
