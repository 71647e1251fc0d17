/* fd-format.h — dates, times and money the user's way
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Separators and day/month names come from the translation (so French is
 * right under LANGUAGE=fr even in the C locale): « 1 710,00 € »,
 * « mardi 3 mars 2026 », « 03/03/2026 », « 09:00 ». */

char *fd_format_money        (gint64      cents);
char *fd_format_phone        (const char *e164);
char *fd_format_date_long    (const char *iso_date);
char *fd_format_date_short   (const char *iso_date);
char *fd_format_month_year   (int         year,
                              int         month);
char *fd_format_week         (const char *iso_monday);
char *fd_format_week_days    (const char *iso_monday);
char *fd_format_time         (const char *iso_date_time);
char *fd_format_time_range   (const char *start_iso,
                              const char *end_iso);
const char *fd_format_weekday_abbrev (int weekday); /* 1 = Monday … 7 = Sunday, translated */

/* Translated labels for stored codes ("inter" → "Inter-company", "mrs" → "Mrs"). */
const char *fd_format_session_status (const char *status);
guint       fd_format_get_n_session_statuses  (void);
const char *fd_format_get_session_status_code (guint position);
const char *fd_format_session_kind   (const char *kind);
const char *fd_format_trainer_kind   (const char *kind);
const char *fd_format_client_kind    (const char *kind);
const char *fd_format_funder         (const char *funder);
const char *fd_format_enrollment_status (const char *status);
const char *fd_format_extranet_state (const char *state);

G_END_DECLS
