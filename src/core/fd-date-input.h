/* fd-date-input.h — dates and times as users type them
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *fd_date_input_parse_date  (const char  *text);
GStrv  fd_date_input_parse_dates (const char  *text,
                                  char       **bad_part);
char  *fd_date_input_parse_time  (const char  *text);
char  *fd_date_input_format_dates (const char * const *iso_dates);

G_END_DECLS
