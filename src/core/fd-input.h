/* fd-input.h — dates and times as users type them
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *fd_input_parse_date  (const char  *text);
GStrv  fd_input_parse_dates (const char  *text,
                                  char       **bad_part);
char  *fd_input_parse_time  (const char  *text);
char  *fd_input_format_dates (const char * const *iso_dates);

gboolean fd_input_parse_money  (const char  *text,
                                gint64      *cents);
char    *fd_input_format_money (gint64       cents);

G_END_DECLS
