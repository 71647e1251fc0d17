/* fd-bench-ui-private.h — what the parts of `formadesk --bench-ui` share
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-bench-ui.h"

G_BEGIN_DECLS

typedef struct _FdBenchUiCalendar FdBenchUiCalendar;

/*
 * FdBenchUiReady:
 * @self: the bench
 * @shown_usec: (out): when what the measure waits for was shown, in
 *   g_get_monotonic_time()'s microseconds (before the action when the
 *   action read nothing)
 *
 * What a measure waits for besides its action: the slots a page reads in
 * a worker, for instance. The measure ends with the first frame that
 * starts after it is ready.
 *
 * Returns: %TRUE once it is ready
 */
typedef gboolean (*FdBenchUiReady) (FdBenchUi *self,
                                    gint64    *shown_usec);

struct _FdBenchUi
{
  FdWindow *window;
  guint runs;
  guint step;
  guint index;            /* of the action within the step */
  gint64 started;         /* the action's start */
  gint64 started_cpu;     /* the process's CPU time then, µs */
  double action_ms;
  GPtrArray *waits;       /* Wait: the measures the action's frames end */
  gint64 frame_start;
  gint64 layout_end;
  gint64 paint_end;
  GPtrArray *measures;    /* Measure */
  GdkFrameClock *frame_clock;
  guint idle_id;
  guint poll_id;
  GSourceFunc done;
  gpointer done_data;
  FdBenchUiCalendar *calendar;
};

void      _fd_bench_ui_expect        (FdBenchUi      *self,
                                      const char     *name,
                                      FdBenchUiReady  ready);
void      _fd_bench_ui_show_view     (FdBenchUi      *self,
                                      const char     *name);

gboolean  _fd_bench_ui_calendar_run  (FdBenchUi      *self);
void      _fd_bench_ui_calendar_free (FdBenchUiCalendar *calendar);

G_END_DECLS
