/* fd-record-row.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FD_TYPE_RECORD_ROW (fd_record_row_get_type ())

G_DECLARE_FINAL_TYPE (FdRecordRow, fd_record_row, FD, RECORD_ROW, GtkWidget)

GtkWidget  *fd_record_row_new              (void);
void        fd_record_row_snapshot_samples (GtkWidget   *widget,
                                            GtkSnapshot *snapshot);
const char *fd_record_row_get_title        (FdRecordRow *self);
void        fd_record_row_set_title        (FdRecordRow *self,
                                            const char  *title);
const char *fd_record_row_get_subtitle     (FdRecordRow *self);
void        fd_record_row_set_subtitle     (FdRecordRow *self,
                                            const char  *subtitle);
const char *fd_record_row_get_end_title    (FdRecordRow *self);
void        fd_record_row_set_end_title    (FdRecordRow *self,
                                            const char  *end_title);
const char *fd_record_row_get_end_subtitle (FdRecordRow *self);
void        fd_record_row_set_end_subtitle (FdRecordRow *self,
                                            const char  *end_subtitle);
void        fd_record_row_set_texts        (FdRecordRow *self,
                                            const char  *title,
                                            const char  *subtitle,
                                            const char  *end_title,
                                            const char  *end_subtitle);

G_END_DECLS
