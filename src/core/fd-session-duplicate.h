/* fd-session-duplicate.h — a new session from an existing one, on new dates
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-database.h"

G_BEGIN_DECLS

/* The years a session may be numbered in, as the write path accepts them */
#define FD_SESSION_YEAR_MIN 1900
#define FD_SESSION_YEAR_MAX 2200

gboolean fd_session_duplicate (FdDatabase   *database,
                               const char   *session_id,
                               int           year,
                               const GDate  *start,
                               const GDate  *end,
                               char        **new_id,
                               char        **new_code,
                               GError      **error);

G_END_DECLS
