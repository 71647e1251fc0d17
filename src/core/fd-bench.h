/* fd-bench.h — what the benchmarks of the CLI and the app share
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double fd_bench_median (GArray *samples);

G_END_DECLS
