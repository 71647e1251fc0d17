/* fd-bench-ui.c — `formadesk --bench-ui`: time what the user waits on
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-bench-ui"

#include "config.h"

#include "fd-bench-ui.h"
#include "fd-bench-ui-private.h"

#include "fd-record-pane.h"
#include "fd-record-view.h"

#include <sys/resource.h>
#include <time.h>

/*
 * What an action costs the main thread: the action itself (a view switch,
 * a search, a scroll), then the frame that shows it, from the frame
 * clock's ::before-paint to its ::after-paint (style, size, allocation and
 * drawing). The wait for the frame to start is not counted: it is the
 * frame clock's pacing, not work. An action is within a frame when the
 * sum stays under 16 ms.
 *
 * The script: wait until every view is built (the window builds them when
 * idle after its first frame), visit each view once (a first visit builds
 * its rows), switch between views, open sessions one after another in the
 * sessions view (its page reads the session whole and builds the tab
 * shown), type a search one keystroke at a time in the candidates,
 * trainers and sessions, scroll the candidates a page at a time, edit a trainer and a
 * candidate shown in their lists and undo each edit (the edit or undo,
 * committed, announced and shown in the list), then the calendar's pages,
 * resource week, drags and drops (fd-bench-ui-calendar.c), then print a
 * line per measure and quit. The edits and drops are undone: the
 * database is left as it was, but for its outbox.
 *
 * What a view reads in a worker is waited for (_fd_bench_ui_expect()):
 * such a measure ends with the first frame after the view showed what
 * its worker read, and counts the wait. Each measure also gives the CPU
 * time the process spent from the action to that frame, all threads
 * together: on cores shared with other work, the wall-clock figures
 * vary from run to run more than it does.
 */

#define FIRST_VISIT_INTERVAL_MS 300
#define ACTION_INTERVAL_MS      20

static const char * const view_names[] = { "sessions", "trainers", "candidates", "calendar" };
static const char * const prefixes[] = { "h", "he", "hel", "hele" };

typedef enum
{
  STEP_WAIT_BUILT,
  STEP_FIRST_VISITS,
  STEP_SWITCHES,
  STEP_OPEN_SESSIONS,
  STEP_SEARCH_CANDIDATES,
  STEP_SEARCH_TRAINERS,
  STEP_SEARCH_SESSIONS,
  STEP_SCROLL_CANDIDATES,
  STEP_EDIT_TRAINERS,
  STEP_EDIT_CANDIDATES,
  STEP_CALENDAR,
  STEP_DONE,
} Step;

typedef struct
{
  char *name;
  GArray *samples;     /* double, ms */
  GArray *cpu_samples; /* double, ms */
} Measure;

/* A measure the action's frames end: with the first frame, or with the
 * first one after what it waits for is ready */
typedef struct
{
  Measure *measure;       /* NULL: a step of the script, not measured */
  FdBenchUiReady ready;   /* NULL: nothing more than the action */
} Wait;

/* Longer than this, what a measure waits for is given up on */
#define WAIT_LIMIT_USEC (10 * G_USEC_PER_SEC)

/* The CPU time of the whole process (the main thread, the workers), in
 * µs: what a measure cost, whatever else shares the cores */
static gint64
get_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
measure_free (Measure *measure)
{
  g_free (measure->name);
  g_array_unref (measure->samples);
  g_array_unref (measure->cpu_samples);
  g_free (measure);
}

static Measure *
get_measure (FdBenchUi  *self,
             const char *name)
{
  Measure *measure;

  for (guint i = 0; i < self->measures->len; i++)
    {
      measure = g_ptr_array_index (self->measures, i);
      if (g_str_equal (measure->name, name))
        return measure;
    }

  measure = g_new0 (Measure, 1);
  measure->name = g_strdup (name);
  measure->samples = g_array_new (FALSE, FALSE, sizeof (double));
  measure->cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (self->measures, measure);

  return measure;
}

/**
 * _fd_bench_ui_expect:
 * @self: the bench
 * @name: (nullable): the measure's name, or %NULL for a step of the
 *   script that is not measured but waited for
 * @ready: (nullable): what the measure waits for after the action
 *
 * Adds a measure to the action being run: it ends with the first frame
 * after the action, or with the first frame after @ready says it is
 * ready. It counts the action, the wait for @ready (the main thread may
 * be idle then: a worker reads), and that frame, not the wait for the
 * frame to start.
 */
void
_fd_bench_ui_expect (FdBenchUi      *self,
                     const char     *name,
                     FdBenchUiReady  ready)
{
  Wait *wait = g_new0 (Wait, 1);

  wait->measure = name != NULL ? get_measure (self, name) : NULL;
  wait->ready = ready;
  g_ptr_array_add (self->waits, wait);
}

static void schedule_next (FdBenchUi *self);

static GtkWidget *
get_view (FdBenchUi  *self,
          const char *name)
{
  return fd_window_get_view (self->window, name);
}

static FdRecordPane *
get_pane (FdBenchUi  *self,
          const char *name)
{
  return fd_record_view_get_pane (FD_RECORD_VIEW (get_view (self, name)));
}

void
_fd_bench_ui_show_view (FdBenchUi  *self,
                        const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.show-view", "s", name);
}

static GtkAdjustment *
get_list_adjustment (FdRecordPane *pane)
{
  GtkScrollable *list = GTK_SCROLLABLE (fd_record_pane_get_list_view (pane));

  return gtk_scrollable_get_vadjustment (list);
}

/* Shows @view, the first action of a step that acts on it */
static char *
switch_to (FdBenchUi  *self,
           const char *view)
{
  self->started = g_get_monotonic_time ();
  _fd_bench_ui_show_view (self, view);

  return g_strdup_printf ("switch to: %s", view);
}

/* Edits the record shown at @position of @view's list through the
 * window's undo history, as an editor would */
static void
edit_record (FdBenchUi  *self,
             const char *view,
             guint       position,
             guint       run)
{
  FdRecordPane *pane = get_pane (self, view);
  g_autoptr(FdRecord) record = g_list_model_get_item (G_LIST_MODEL (fd_record_pane_get_model (pane)),
                                                      position);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("Bench %u", run);
  gboolean trainer = FD_IS_TRAINER (record);
  FdChange *change;

  if (record == NULL)
    return;

  change = fd_change_new_update (trainer ? "trainer" : "trainee", fd_record_get_id (record),
                                 fd_record_get_revision (record));
  fd_change_set_string (change, trainer ? "qualifications" : "disability_needs", text);
  g_ptr_array_add (changes, change);
  if (!fd_window_apply_edit (self->window, "Bench", changes, &error))
    g_warning ("Could not edit the %s: %s", view, error->message);
}

/* Runs the next action of the script and sets the measure that its frame
 * completes, or returns FALSE when the step has no more actions. */
static gboolean
run_action (FdBenchUi *self)
{
  g_autofree char *name = NULL;
  guint n;

  self->started_cpu = get_cpu_usec ();

  switch ((Step) self->step)
    {
    case STEP_WAIT_BUILT:
    case STEP_DONE:
      return FALSE;

    case STEP_FIRST_VISITS:
      if (self->index >= G_N_ELEMENTS (view_names))
        return FALSE;
      name = g_strdup_printf ("first visit: %s", view_names[self->index]);
      self->started = g_get_monotonic_time ();
      _fd_bench_ui_show_view (self, view_names[self->index]);
      break;

    case STEP_SWITCHES:
      n = G_N_ELEMENTS (view_names);
      if (self->index >= self->runs * n)
        return FALSE;
      name = switch_to (self, view_names[self->index % n]);
      break;

    case STEP_OPEN_SESSIONS:
      {
        GtkSingleSelection *selection =
          GTK_SINGLE_SELECTION (fd_record_pane_get_model (get_pane (self, "sessions")));
        guint n_sessions = g_list_model_get_n_items (G_LIST_MODEL (selection));

        if (self->index == 0)
          {
            name = switch_to (self, "sessions");
            break;
          }
        if (self->index > self->runs || n_sessions == 0)
          return FALSE;
        name = g_strdup ("open session: sessions");
        self->started = g_get_monotonic_time ();
        /* Sessions spread over the list, each opened once: no cache helps */
        gtk_single_selection_set_selected (selection, (self->index * 97) % n_sessions);
      }
      break;

    case STEP_SEARCH_CANDIDATES:
    case STEP_SEARCH_TRAINERS:
    case STEP_SEARCH_SESSIONS:
      {
        const char *view = self->step == STEP_SEARCH_CANDIDATES ? "candidates"
                           : self->step == STEP_SEARCH_TRAINERS ? "trainers" : "sessions";
        /* each run types the prefixes, then clears the search */
        guint k = (self->index - 1) % (G_N_ELEMENTS (prefixes) + 1);
        FdRecordPane *pane = get_pane (self, view);

        if (self->index == 0)
          {
            name = switch_to (self, view);
            break;
          }
        if (self->index > self->runs * (G_N_ELEMENTS (prefixes) + 1))
          return FALSE;
        name = g_strdup_printf (k < G_N_ELEMENTS (prefixes) ? "search keystroke: %s"
                                                             : "clear search: %s", view);
        self->started = g_get_monotonic_time ();
        fd_record_pane_search (pane, k < G_N_ELEMENTS (prefixes) ? prefixes[k] : "");
      }
      break;

    case STEP_SCROLL_CANDIDATES:
      {
        FdRecordPane *pane = get_pane (self, "candidates");
        GtkAdjustment *adjustment = get_list_adjustment (pane);

        if (self->index == 0)
          {
            name = switch_to (self, "candidates");
            break;
          }
        if (self->index > self->runs)
          return FALSE;
        name = g_strdup ("scroll a page: candidates");
        self->started = g_get_monotonic_time ();
        gtk_adjustment_set_value (adjustment,
                                  gtk_adjustment_get_value (adjustment)
                                  + gtk_adjustment_get_page_size (adjustment));
      }
      break;

    case STEP_EDIT_TRAINERS:
    case STEP_EDIT_CANDIDATES:
      {
        const char *view = self->step == STEP_EDIT_TRAINERS ? "trainers" : "candidates";

        if (self->index == 0)
          {
            name = switch_to (self, view);
            break;
          }
        if (self->index > self->runs * 2)
          return FALSE;
        self->started = g_get_monotonic_time ();
        if (self->index % 2 == 1)
          {
            name = g_strdup_printf ("edit reaching the list: %s", view);
            edit_record (self, view, 3, self->index);
          }
        else
          {
            name = g_strdup_printf ("undo reaching the list: %s", view);
            gtk_widget_activate_action (GTK_WIDGET (self->window), "win.undo", NULL);
          }
      }
      break;

    case STEP_CALENDAR:
      /* it sets what it measures */
      if (!_fd_bench_ui_calendar_run (self))
        return FALSE;
      break;

    default:
      g_assert_not_reached ();
    }

  self->action_ms = (g_get_monotonic_time () - self->started) / 1000.0;
  if (name != NULL)
    _fd_bench_ui_expect (self, name, NULL);
  self->index++;

  /* Make sure a frame comes even when the action changed nothing shown,
   * without drawing more than it changed */
  gdk_frame_clock_request_phase (self->frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);

  return TRUE;
}

static gboolean
all_views_built (FdBenchUi *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (!fd_window_is_view_built (self->window, view_names[i]))
      return FALSE;

  return TRUE;
}

static gboolean
next_cb (gpointer user_data)
{
  FdBenchUi *self = user_data;

  self->idle_id = 0;

  while (self->step != STEP_DONE)
    {
      if (self->step == STEP_WAIT_BUILT)
        {
          if (!all_views_built (self))
            {
              schedule_next (self);
              return G_SOURCE_REMOVE;
            }
          self->step++;
          self->index = 0;
          continue;
        }

      if (run_action (self))
        return G_SOURCE_REMOVE; /* the frame's ::after-paint goes on */

      self->step++;
      self->index = 0;
    }

  self->done (self->done_data);

  return G_SOURCE_REMOVE;
}

static void
schedule_next (FdBenchUi *self)
{
  /* After the window's own idle work (building views), like a user would.
   * First visits come at a user's pace: fired 20 ms apart, the third one
   * took about 12 ms more to lay out one run in two, which a pace of
   * 250 ms or more makes go away; that is not what a first visit costs. */
  guint interval = self->step <= STEP_FIRST_VISITS ? FIRST_VISIT_INTERVAL_MS : ACTION_INTERVAL_MS;

  if (self->idle_id == 0)
    self->idle_id = g_timeout_add_full (G_PRIORITY_LOW, interval, next_cb, self, NULL);
}

static void
on_before_paint_cb (GdkFrameClock *frame_clock,
                    FdBenchUi     *self)
{
  self->frame_start = g_get_monotonic_time ();
}

static void
on_layout_cb (GdkFrameClock *frame_clock,
              FdBenchUi     *self)
{
  self->layout_end = g_get_monotonic_time ();
}

static void
on_paint_cb (GdkFrameClock *frame_clock,
             FdBenchUi     *self)
{
  self->paint_end = g_get_monotonic_time ();
}

/* Asks for a frame once what a measure waits for is ready: the view
 * may have nothing to redraw by then. */
static gboolean
poll_cb (gpointer user_data)
{
  FdBenchUi *self = user_data;
  gboolean timed_out = g_get_monotonic_time () - self->started > WAIT_LIMIT_USEC;

  for (guint i = 0; i < self->waits->len; i++)
    {
      Wait *wait = g_ptr_array_index (self->waits, i);
      gint64 shown_usec;

      if (timed_out || wait->ready == NULL || wait->ready (self, &shown_usec))
        {
          gdk_frame_clock_request_phase (self->frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
          break;
        }
    }

  return G_SOURCE_CONTINUE;
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   FdBenchUi     *self)
{
  gint64 now = g_get_monotonic_time ();
  gboolean timed_out = now - self->started > WAIT_LIMIT_USEC;
  double frame_ms = (now - self->frame_start) / 1000.0;
  double cpu_ms = (get_cpu_usec () - self->started_cpu) / 1000.0;

  if (self->waits->len == 0 || self->frame_start == 0)
    return;

  for (guint i = self->waits->len; i > 0; i--)
    {
      Wait *wait = g_ptr_array_index (self->waits, i - 1);
      gint64 shown_usec = 0;
      double ms;

      if (wait->ready != NULL && !wait->ready (self, &shown_usec))
        {
          if (!timed_out)
            continue;
          g_warning ("Gave up waiting: %s", wait->measure != NULL ? wait->measure->name : "a step");
          g_ptr_array_remove_index (self->waits, i - 1);
          continue;
        }
      /* shown after this frame started: the next one shows it */
      if (shown_usec > self->frame_start)
        continue;

      ms = MAX (self->action_ms, (shown_usec - self->started) / 1000.0) + frame_ms;
      if (wait->measure != NULL)
        {
          g_debug ("%s: %.1f ms (action %.1f ms, shown after %.1f ms, frame %.1f ms: "
                   "layout %.1f, paint %.1f)",
                   wait->measure->name, ms, self->action_ms,
                   (shown_usec - self->started) / 1000.0, frame_ms,
                   (self->layout_end - self->frame_start) / 1000.0,
                   (self->paint_end - self->layout_end) / 1000.0);
          g_array_append_val (wait->measure->samples, ms);
          g_array_append_val (wait->measure->cpu_samples, cpu_ms);
        }
      g_ptr_array_remove_index (self->waits, i - 1);
    }

  if (self->waits->len > 0)
    {
      if (self->poll_id == 0)
        self->poll_id = g_timeout_add (2, poll_cb, self);
      return;
    }

  g_clear_handle_id (&self->poll_id, g_source_remove);
  schedule_next (self);
}

FdBenchUi *
fd_bench_ui_new (FdWindow    *window,
                 guint        runs,
                 GSourceFunc  done,
                 gpointer     done_data)
{
  FdBenchUi *self;

  g_return_val_if_fail (FD_IS_WINDOW (window), NULL);
  g_return_val_if_fail (runs > 0, NULL);
  g_return_val_if_fail (done != NULL, NULL);

  self = g_new0 (FdBenchUi, 1);
  self->window = g_object_ref (window);
  self->runs = runs;
  self->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) measure_free);
  self->waits = g_ptr_array_new_with_free_func (g_free);
  self->done = done;
  self->done_data = done_data;

  return self;
}

/* Starts once the window is realized (it has a frame clock). */
void
fd_bench_ui_start (FdBenchUi *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (gtk_widget_get_realized (GTK_WIDGET (self->window)));

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self->window)));
  g_signal_connect (self->frame_clock, "before-paint", G_CALLBACK (on_before_paint_cb), self);
  g_signal_connect (self->frame_clock, "layout", G_CALLBACK (on_layout_cb), self);
  g_signal_connect (self->frame_clock, "paint", G_CALLBACK (on_paint_cb), self);
  g_signal_connect (self->frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);

  schedule_next (self);
}

/**
 * fd_bench_ui_format:
 * @self: a #FdBenchUi
 *
 * Returns: (transfer full): a table with a line per measure: its name, the
 *   median and the worst time in milliseconds, the median CPU time the
 *   process spent on it (its threads together, a figure that other
 *   processes sharing the cores do not inflate), and the number of runs;
 *   then the process's peak memory
 */
char *
fd_bench_ui_format (FdBenchUi *self)
{
  struct rusage usage;
  GString *table;

  g_return_val_if_fail (self != NULL, NULL);

  table = g_string_new (NULL);
  g_string_append_printf (table, "%-48s %9s %9s %9s %5s\n", "MEASURE", "MEDIAN MS", "MAX MS",
                          "CPU MS", "RUNS");
  for (guint i = 0; i < self->measures->len; i++)
    {
      Measure *measure = g_ptr_array_index (self->measures, i);
      GArray *samples = measure->samples;
      double median;

      if (samples->len == 0)
        continue;

      /* sorts them: the slowest is the last */
      median = fd_bench_median (samples);

      g_string_append_printf (table, "%-48s %9.1f %9.1f %9.1f %5u\n", measure->name, median,
                              g_array_index (samples, double, samples->len - 1),
                              fd_bench_median (measure->cpu_samples), samples->len);
    }

  /* What the script left in memory, at its most */
  if (getrusage (RUSAGE_SELF, &usage) == 0)
    g_string_append_printf (table, "peak memory: %ld MB RSS\n", usage.ru_maxrss / 1024);

  return g_string_free (table, FALSE);
}

void
fd_bench_ui_free (FdBenchUi *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->frame_clock, self);
      g_object_unref (self->frame_clock);
    }
  g_ptr_array_unref (self->waits);
  g_ptr_array_unref (self->measures);
  g_clear_pointer (&self->calendar, _fd_bench_ui_calendar_free);
  g_object_unref (self->window);
  g_free (self);
}
