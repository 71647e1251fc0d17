/* fd-bench-ui-calendar.c — `formadesk --bench-ui`: the calendar's pages and drags
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-bench-ui"

#include "config.h"

#include "fd-bench-ui-private.h"

#include "fd-calendar-period.h"
#include "fd-calendar-view.h"
#include "fd-calendar-view-private.h"
#include "fd-core.h"
#include "fd-invitations.h"
#include "fd-resource-lane.h"
#include "fd-resource-view.h"
#include "fd-resource-view-private.h"
#include "fd-slot-move.h"

/*
 * The calendar's part of the script, after the lists': the month, week
 * and day views each turn a page at a time (starting as many pages
 * before today as they turn, so they cross today's period); then the
 * trainers' resource week is shown for the first time (2 000 lanes),
 * scrolled a page of lanes at a time, and a slot is dragged in it, one
 * pointer motion at a time, then dropped and the drop undone.
 *
 * A page reads its slots in a worker, then their conflicts in another:
 * its measures wait for them. "slots drawn" ends with the first frame
 * after the slots were shown (the action, the worker's read, the main
 * thread's handling of it and that frame, not the frame clock's wait for
 * it), "conflicts marked" with the first frame after the page's
 * conflicts were marked, counted from the same action.
 *
 * The drag goes through the view's own handlers of its GtkGestureDrag,
 * emitted as a pointer would (GTK 4 cannot synthesise pointer events):
 * each motion is snapped, asks the page through check-move (the lock,
 * then the conflicts, in core's FdSlotMove) and redraws the ghost and its
 * message. The drop is applied through the window's undo history,
 * announced and redrawn; undoing it leaves the database as it was, but
 * for its outbox.
 */

#define N_TIME_MOTIONS 4      /* half an hour each: past the drag threshold */
#define MOTION_MINUTES 30

typedef enum
{
  ACT_SHOW_CALENDAR,
  ACT_SET_VIEW,
  ACT_GO_BACK,
  ACT_NEXT,
  ACT_FIRST_VISIT,
  ACT_SCROLL_LANES,
  ACT_DRAG_PREPARE,
  ACT_DRAG_PRESS,
  ACT_DRAG_MOTION,
  ACT_DROP,
  ACT_UNDO,
} ActionKind;

typedef struct
{
  ActionKind kind;
  const char *view;       /* ACT_SET_VIEW, ACT_GO_BACK, ACT_NEXT, ACT_FIRST_VISIT */
  guint n;                /* ACT_DRAG_PREPARE: the run; ACT_DRAG_MOTION: the motion */
} Action;

struct _FdBenchUiCalendar
{
  GArray *actions;        /* Action */
  guint next;
  GPtrArray *lanes;       /* FdResourceLane, the trainers' */

  /* the slot dragged */
  char *slot_id;
  char *lane_id;
  char *other_lane_id;    /* the lane below it */
  char *start_at;
  double press_x;
  double press_y;
  gboolean dragging;
};

static const char * const page_views[] = { "month", "week", "day" };

static void
add_action (FdBenchUiCalendar *calendar,
            ActionKind         kind,
            const char        *view,
            guint              n)
{
  Action action = { kind, view, n };

  g_array_append_val (calendar->actions, action);
}

static FdBenchUiCalendar *
calendar_new (guint runs)
{
  FdBenchUiCalendar *calendar = g_new0 (FdBenchUiCalendar, 1);

  calendar->actions = g_array_new (FALSE, FALSE, sizeof (Action));

  add_action (calendar, ACT_SHOW_CALENDAR, NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (page_views); i++)
    {
      add_action (calendar, ACT_SET_VIEW, page_views[i], 0);
      add_action (calendar, ACT_GO_BACK, page_views[i], 0);
      for (guint run = 0; run < runs; run++)
        add_action (calendar, ACT_NEXT, page_views[i], run);
    }

  add_action (calendar, ACT_FIRST_VISIT, "trainers", 0);
  for (guint run = 0; run < runs; run++)
    add_action (calendar, ACT_SCROLL_LANES, NULL, run);

  for (guint run = 0; run < runs; run++)
    {
      add_action (calendar, ACT_DRAG_PREPARE, NULL, run);
      add_action (calendar, ACT_DRAG_PRESS, NULL, run);
      for (guint motion = 1; motion <= N_TIME_MOTIONS + 2; motion++)
        add_action (calendar, ACT_DRAG_MOTION, NULL, motion);
      add_action (calendar, ACT_DROP, NULL, run);
      add_action (calendar, ACT_UNDO, NULL, run);
    }

  return calendar;
}

void
_fd_bench_ui_calendar_free (FdBenchUiCalendar *calendar)
{
  if (calendar == NULL)
    return;

  g_array_unref (calendar->actions);
  g_clear_pointer (&calendar->lanes, g_ptr_array_unref);
  g_free (calendar->slot_id);
  g_free (calendar->lane_id);
  g_free (calendar->other_lane_id);
  g_free (calendar->start_at);
  g_free (calendar);
}

static FdCalendarView *
get_calendar (FdBenchUi *self)
{
  return FD_CALENDAR_VIEW (fd_window_get_view (self->window, "calendar"));
}

static FdSlotView *
get_slot_view (FdBenchUi *self)
{
  return fd_calendar_view_get_slot_view (get_calendar (self));
}

static gboolean
slots_ready (FdBenchUi *self,
             gint64    *shown_usec)
{
  return _fd_calendar_view_get_slots_shown (get_calendar (self), shown_usec);
}

static gboolean
conflicts_ready (FdBenchUi *self,
                 gint64    *shown_usec)
{
  return _fd_calendar_view_get_conflicts_shown (get_calendar (self), shown_usec);
}

/* The two measures of an action that shows a page: its slots, then its
 * conflicts */
static void
expect_page (FdBenchUi  *self,
             const char *what)
{
  g_autofree char *slots = NULL;
  g_autofree char *conflicts = NULL;

  if (what == NULL)
    {
      _fd_bench_ui_expect (self, NULL, conflicts_ready);
      return;
    }

  slots = g_strdup_printf ("%s, slots drawn", what);
  conflicts = g_strdup_printf ("%s, conflicts marked", what);
  _fd_bench_ui_expect (self, slots, slots_ready);
  _fd_bench_ui_expect (self, conflicts, conflicts_ready);
}

static void
set_view (FdBenchUi  *self,
          const char *view)
{
  gtk_widget_activate_action (GTK_WIDGET (get_calendar (self)), "calendar.view", "s", view);
}

/* Shows the page as many pages before today as the view will turn */
static void
go_back (FdBenchUi  *self,
         const char *view)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = NULL;
  int back = -(int) (self->runs / 2);

  if (g_str_equal (view, "month"))
    date = g_date_time_add_months (now, back);
  else if (g_str_equal (view, "week"))
    date = g_date_time_add_weeks (now, back);
  else
    date = g_date_time_add_days (now, back);

  fd_calendar_view_set_date (get_calendar (self), date);
}

static GtkGesture *
find_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }

  return NULL;
}

/* @iso moved by @minutes, as slots store times */
static char *
shift_iso (const char *iso,
           int         minutes)
{
  GDate day;
  int at;

  if (!fd_calendar_parse_iso (iso, &day, &at))
    return NULL;

  at += minutes;
  while (at >= 24 * 60)
    {
      g_date_add_days (&day, 1);
      at -= 24 * 60;
    }

  return fd_calendar_dup_iso_at (&day, at);
}

static int
get_minutes (const char *iso)
{
  GDate day;
  int minutes;

  return fd_calendar_parse_iso (iso, &day, &minutes) ? minutes : -1;
}

static int
find_lane (GPtrArray  *lanes,
           const char *id)
{
  for (guint i = 0; i < lanes->len; i++)
    if (g_strcmp0 (fd_resource_lane_get_id (g_ptr_array_index (lanes, i)), id) == 0)
      return (int) i;

  return -1;
}

/* Whether @slot can be dragged by the script: one trainer, on the top
 * row of its lane, and a drop two hours later within working hours that
 * nothing refuses or asks about (nor the updated invitations of enrolled
 * trainees: that asks too) */
static gboolean
is_draggable (FdBenchUi         *self,
              FdResourceView    *view,
              FdSlot            *slot)
{
  const char * const *trainers = fd_slot_get_trainer_ids (slot);
  const char *start_at = fd_slot_get_start_at (slot);
  const char *end_at = fd_slot_get_end_at (slot);
  int shift = N_TIME_MOTIONS * MOTION_MINUTES;
  int start = get_minutes (start_at);
  int end = get_minutes (end_at);
  g_autoptr(FdSlotMove) move = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *new_start = NULL;
  g_autofree char *new_end = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *question = NULL;
  g_autofree char *press_at = NULL;
  GdkRectangle area;
  gboolean refused = FALSE;
  double x, y;

  if (trainers == NULL || trainers[0] == NULL || trainers[1] != NULL)
    return FALSE;
  if (start < 8 * 60 || end - start < 60 || end + shift > 20 * 60 ||
      strncmp (start_at, end_at, 10) != 0)
    return FALSE;

  press_at = shift_iso (start_at, 15);
  if (!fd_slot_view_get_slot_area (FD_SLOT_VIEW (view), fd_record_get_id (FD_RECORD (slot)),
                                   &area) ||
      !_fd_resource_view_get_point (view, trainers[0], press_at, &x, &y) ||
      y < area.y || y >= area.y + area.height)
    return FALSE;

  move = fd_slot_move_new (fd_window_get_database (self->window),
                           fd_record_get_id (FD_RECORD (slot)), NULL);
  new_start = shift_iso (start_at, shift);
  new_end = shift_iso (end_at, shift);
  if (move == NULL ||
      !fd_slot_move_set_target (move, new_start, new_end, FD_SLOT_LANE_TRAINER,
                                trainers[0], trainers[0], NULL))
    return FALSE;

  refusal = fd_slot_move_check (move, NULL, &refused);
  question = fd_slot_move_dup_question (move);
  if (refused || question != NULL)
    return FALSE;

  /* nor would it ask whether to update enrolled trainees' invitations */
  changes = fd_slot_move_build_changes (move, NULL);

  return changes != NULL &&
         !fd_invitations_edit_needs_update (fd_window_get_database (self->window), changes,
                                            NULL, NULL);
}

/* Picks a slot of the page to drag, a different one each run, and
 * scrolls its lane to the middle of the view (away from the edges, where
 * a drag scrolls by itself) */
static void
prepare_drag (FdBenchUi *self,
              guint      run)
{
  FdBenchUiCalendar *calendar = self->calendar;
  FdResourceView *view = FD_RESOURCE_VIEW (get_slot_view (self));
  FdDatabase *database = fd_window_get_database (self->window);
  GDateTime *page = fd_calendar_view_get_date (get_calendar (self));
  g_autoptr(GDateTime) after = g_date_time_add_days (page, 7);
  g_autofree char *from = g_date_time_format (page, "%Y-%m-%dT00:00");
  g_autofree char *to = g_date_time_format (after, "%Y-%m-%dT00:00");
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment = fd_resource_view_get_vadjustment (view);

  g_clear_pointer (&calendar->slot_id, g_free);
  if (calendar->lanes == NULL)
    calendar->lanes = fd_database_list_trainer_lanes (database, &error);
  if (calendar->lanes != NULL)
    slots = fd_database_list_calendar_slots (database, from, to, &error);
  if (slots == NULL)
    {
      g_warning ("Could not read the slots to drag: %s", error->message);
      return;
    }

  for (guint i = 0; i < slots->len && calendar->slot_id == NULL; i++)
    {
      FdSlot *slot = g_ptr_array_index (slots, (i + run * 7919u) % slots->len);
      const char *lane_id;
      int lane;

      if (fd_slot_get_trainer_ids (slot) == NULL)
        continue;
      lane_id = fd_slot_get_trainer_ids (slot)[0];
      lane = lane_id != NULL ? find_lane (calendar->lanes, lane_id) : -1;
      if (lane < 0 || !fd_resource_view_scroll_to_lane (view, lane_id))
        continue;
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) -
                                            gtk_adjustment_get_page_size (adjustment) / 3);

      if (!is_draggable (self, view, slot))
        continue;

      calendar->slot_id = g_strdup (fd_record_get_id (FD_RECORD (slot)));
      g_free (calendar->lane_id);
      calendar->lane_id = g_strdup (lane_id);
      g_free (calendar->other_lane_id);
      calendar->other_lane_id =
        g_strdup (fd_resource_lane_get_id (g_ptr_array_index (calendar->lanes,
                                                              (guint) lane + 1 < calendar->lanes->len
                                                                ? (guint) lane + 1
                                                                : (guint) lane - 1)));
      g_free (calendar->start_at);
      calendar->start_at = g_strdup (fd_slot_get_start_at (slot));
    }

  if (calendar->slot_id == NULL)
    g_warning ("No slot of the week of %s can be dragged", from);
}

/* Where the pointer is at motion @n: along the slot's lane half an hour
 * further each time, then on the lane below, then back */
static gboolean
get_motion_point (FdBenchUi *self,
                  guint      n,
                  double    *x,
                  double    *y)
{
  FdBenchUiCalendar *calendar = self->calendar;
  guint steps = MIN (n, N_TIME_MOTIONS);
  g_autofree char *at = shift_iso (calendar->start_at, 15 + (int) steps * MOTION_MINUTES);
  const char *lane = n == N_TIME_MOTIONS + 1 ? calendar->other_lane_id : calendar->lane_id;

  return _fd_resource_view_get_point (FD_RESOURCE_VIEW (get_slot_view (self)), lane, at, x, y);
}

static void
press (FdBenchUi *self)
{
  FdBenchUiCalendar *calendar = self->calendar;
  GtkGesture *gesture = find_drag_gesture (GTK_WIDGET (get_slot_view (self)));

  calendar->dragging = FALSE;
  if (calendar->slot_id == NULL || gesture == NULL ||
      !get_motion_point (self, 0, &calendar->press_x, &calendar->press_y))
    return;

  g_signal_emit_by_name (gesture, "drag-begin", calendar->press_x, calendar->press_y);
  calendar->dragging = TRUE;
}

static void
move_pointer (FdBenchUi *self,
              guint      n,
              gboolean   release)
{
  FdBenchUiCalendar *calendar = self->calendar;
  GtkGesture *gesture = find_drag_gesture (GTK_WIDGET (get_slot_view (self)));
  double x, y;

  if (!calendar->dragging || gesture == NULL || !get_motion_point (self, n, &x, &y))
    return;

  g_signal_emit_by_name (gesture, release ? "drag-end" : "drag-update",
                         x - calendar->press_x, y - calendar->press_y);
  if (release)
    calendar->dragging = FALSE;
}

/* Runs the next action of the calendar's script, or returns FALSE at its
 * end */
gboolean
_fd_bench_ui_calendar_run (FdBenchUi *self)
{
  FdHistory *history = fd_window_get_history (self->window);
  const Action *action;
  g_autofree char *name = NULL;
  gboolean can_undo;

  if (self->calendar == NULL)
    self->calendar = calendar_new (self->runs);

  if (self->calendar->next >= self->calendar->actions->len)
    return FALSE;

  action = &g_array_index (self->calendar->actions, Action, self->calendar->next++);
  self->started = g_get_monotonic_time ();

  switch (action->kind)
    {
    case ACT_SHOW_CALENDAR:
      _fd_bench_ui_show_view (self, "calendar");
      expect_page (self, NULL);
      break;

    case ACT_SET_VIEW:
      set_view (self, action->view);
      expect_page (self, NULL);
      break;

    case ACT_GO_BACK:
      go_back (self, action->view);
      expect_page (self, NULL);
      break;

    case ACT_NEXT:
      gtk_widget_activate_action (GTK_WIDGET (get_calendar (self)), "calendar.next", NULL);
      name = g_strdup_printf ("%s: next page", action->view);
      expect_page (self, name);
      break;

    case ACT_FIRST_VISIT:
      set_view (self, action->view);
      expect_page (self, "resource week: first visit");
      break;

    case ACT_SCROLL_LANES:
      {
        GtkAdjustment *adjustment =
          fd_resource_view_get_vadjustment (FD_RESOURCE_VIEW (get_slot_view (self)));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                              + gtk_adjustment_get_page_size (adjustment));
        _fd_bench_ui_expect (self, "resource week: scroll a page of lanes", NULL);
      }
      break;

    case ACT_DRAG_PREPARE:
      prepare_drag (self, action->n);
      _fd_bench_ui_expect (self, NULL, NULL);
      break;

    case ACT_DRAG_PRESS:
      press (self);
      _fd_bench_ui_expect (self, NULL, NULL);
      break;

    case ACT_DRAG_MOTION:
      move_pointer (self, action->n, FALSE);
      if (self->calendar->dragging)
        _fd_bench_ui_expect (self, "resource week: drag motion (check-move)", NULL);
      else
        _fd_bench_ui_expect (self, NULL, NULL);
      break;

    case ACT_DROP:
      if (!self->calendar->dragging)
        {
          _fd_bench_ui_expect (self, NULL, NULL);
          break;
        }
      can_undo = history != NULL && fd_history_get_can_undo (history);
      move_pointer (self, N_TIME_MOTIONS + 2, TRUE);
      if (history == NULL || can_undo || !fd_history_get_can_undo (history))
        {
          g_warning ("The slot dropped was not moved");
          g_clear_pointer (&self->calendar->slot_id, g_free);
          expect_page (self, NULL);
          break;
        }
      _fd_bench_ui_expect (self, "resource week: drop, applied and drawn", NULL);
      _fd_bench_ui_expect (self, "resource week: drop, conflicts marked", conflicts_ready);
      break;

    case ACT_UNDO:
      if (self->calendar->slot_id == NULL)
        {
          _fd_bench_ui_expect (self, NULL, NULL);
          break;
        }
      gtk_widget_activate_action (GTK_WIDGET (self->window), "win.undo", NULL);
      g_clear_pointer (&self->calendar->slot_id, g_free);
      _fd_bench_ui_expect (self, "resource week: undo a drop, drawn", NULL);
      _fd_bench_ui_expect (self, "resource week: undo a drop, conflicts marked",
                           conflicts_ready);
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}
