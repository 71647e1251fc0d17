/* fd-demo.h — realistic French demo data
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-database.h"

G_BEGIN_DECLS

typedef enum
{
  FD_DEMO_SIZE_SMALL, /* ~150 sessions, ~60 trainers, ~1 500 trainees: tests and first start */
  FD_DEMO_SIZE_LARGE, /* ~5 000 sessions, 50 000 slots, 2 000 trainers, 50 000 trainees */
} FdDemoSize;

/* Fills @database (expected empty) with three years of data centred on
 * @today (an ISO date; NULL means the current date), deterministically
 * from @seed. Everything goes through fd_database_apply(). */
gboolean fd_demo_generate (FdDatabase  *database,
                           FdDemoSize   size,
                           const char  *today,
                           guint32      seed,
                           GError     **error);

G_END_DECLS
