/* fd-date-row.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FD_TYPE_DATE_ROW (fd_date_row_get_type ())

G_DECLARE_FINAL_TYPE (FdDateRow, fd_date_row, FD, DATE_ROW, AdwEntryRow)

GtkWidget *fd_date_row_new          (void);
gboolean   fd_date_row_get_multiple (FdDateRow   *self);
void       fd_date_row_set_multiple (FdDateRow   *self,
                                     gboolean     multiple);
gboolean   fd_date_row_get_date     (FdDateRow   *self,
                                     char       **iso_date);
GStrv      fd_date_row_get_dates    (FdDateRow   *self,
                                     char       **bad_part);
void       fd_date_row_set_date     (FdDateRow   *self,
                                     const char  *iso_date);
void       fd_date_row_add_date     (FdDateRow   *self,
                                     const char  *iso_date);

G_END_DECLS
