/* fd-bench-ui.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-window.h"

G_BEGIN_DECLS

typedef struct _FdBenchUi FdBenchUi;

FdBenchUi *fd_bench_ui_new   (FdWindow    *window,
                              guint        runs,
                              GSourceFunc  done,
                              gpointer     done_data);
void       fd_bench_ui_start (FdBenchUi   *self);
char      *fd_bench_ui_format (FdBenchUi  *self);
void       fd_bench_ui_free  (FdBenchUi   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdBenchUi, fd_bench_ui_free)

G_END_DECLS
