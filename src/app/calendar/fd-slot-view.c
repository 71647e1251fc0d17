/* fd-slot-view.c — what every calendar view does: a page of slots
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-slot-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-slot-view.h"

#include "fd-format.h"

G_DEFINE_INTERFACE (FdSlotView, fd_slot_view, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (FdSlotViewLanes, fd_slot_view_lanes,
                    G_DEFINE_ENUM_VALUE (FD_SLOT_VIEW_LANES_DAYS, "days"),
                    G_DEFINE_ENUM_VALUE (FD_SLOT_VIEW_LANES_TRAINERS, "trainers"),
                    G_DEFINE_ENUM_VALUE (FD_SLOT_VIEW_LANES_ROOMS, "rooms"))

enum {
  SLOT_ACTIVATED,
  CHECK_MOVE,
  MOVE_SLOT,
  CREATE_SLOT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static FdSlotViewLanes
fd_slot_view_real_get_lanes (FdSlotView *self)
{
  return FD_SLOT_VIEW_LANES_DAYS;
}

static void
fd_slot_view_real_set_marks (FdSlotView *self,
                             GHashTable *conflicted,
                             GHashTable *holidays)
{
}

static gboolean
fd_slot_view_real_focus_slot (FdSlotView *self,
                              const char *slot_id)
{
  return FALSE;
}

static void
fd_slot_view_default_init (FdSlotViewInterface *iface)
{
  iface->get_lanes = fd_slot_view_real_get_lanes;
  iface->set_marks = fd_slot_view_real_set_marks;
  iface->focus_slot = fd_slot_view_real_focus_slot;

  /**
   * FdSlotView::slot-activated:
   * @self: the view
   * @slot: the slot clicked, or chosen with Enter
   *
   * The page shows the slot's details.
   */
  signals[SLOT_ACTIVATED] =
    g_signal_new ("slot-activated",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FD_TYPE_SLOT);

  /**
   * FdSlotView::check-move:
   * @self: the view
   * @slot: the slot being dragged, resized or moved with the keyboard
   * @start_at: where it would start, "2026-03-03T09:15"
   * @end_at: where it would end
   * @from_lane: (nullable): the lane it was taken from (a trainer's or a
   *   room's id in a resource view, %NULL for days)
   * @to_lane: (nullable): the lane it is over
   *
   * Asked at each step of a move, before the drop, so the view can show
   * what the drop would cause.
   *
   * Returns: (transfer full) (nullable): a translated sentence saying why
   *   the move conflicts or is refused, or %NULL if it is free
   */
  signals[CHECK_MOVE] =
    g_signal_new ("check-move",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_STRING, 5, FD_TYPE_SLOT,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * FdSlotView::move-slot:
   * @self: the view
   * @slot: the slot dropped
   * @start_at: its new start
   * @end_at: its new end
   * @from_lane: (nullable): the lane it was taken from
   * @to_lane: (nullable): the lane it was dropped on
   *
   * The page applies the move through core (or asks first, or refuses it
   * with the reason); the view shows the result when core announces the
   * slot's change.
   *
   * Returns: %TRUE if the move was applied or is being asked about
   */
  signals[MOVE_SLOT] =
    g_signal_new ("move-slot",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 5, FD_TYPE_SLOT,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * FdSlotView::create-slot:
   * @self: the view
   * @start_at: the start of the range selected
   * @end_at: its end
   * @lane: (nullable): the lane it was selected in
   * @area: where the range is drawn, in @self's coordinates
   *
   * An empty range was selected: the page offers to plan a slot there.
   */
  signals[CREATE_SLOT] =
    g_signal_new ("create-slot",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, GDK_TYPE_RECTANGLE);
}

FdCalendarPeriod
fd_slot_view_get_period (FdSlotView *self)
{
  g_return_val_if_fail (FD_IS_SLOT_VIEW (self), FD_CALENDAR_PERIOD_MONTH);

  return FD_SLOT_VIEW_GET_IFACE (self)->get_period (self);
}

FdSlotViewLanes
fd_slot_view_get_lanes (FdSlotView *self)
{
  g_return_val_if_fail (FD_IS_SLOT_VIEW (self), FD_SLOT_VIEW_LANES_DAYS);

  return FD_SLOT_VIEW_GET_IFACE (self)->get_lanes (self);
}

/**
 * fd_slot_view_set_date:
 * @self: a view
 * @date: any day of the page to show
 *
 * Shows the page holding @date (fd_calendar_period_get_range() of the
 * view's period); its slots are cleared until fd_slot_view_set_slots().
 * Nothing changes when @date is on the page shown.
 */
void
fd_slot_view_set_date (FdSlotView  *self,
                       const GDate *date)
{
  g_return_if_fail (FD_IS_SLOT_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  FD_SLOT_VIEW_GET_IFACE (self)->set_date (self, date);
}

/**
 * fd_slot_view_set_today:
 * @self: a view
 * @today: (nullable): the day to highlight, %NULL for none
 */
void
fd_slot_view_set_today (FdSlotView  *self,
                        const GDate *today)
{
  g_return_if_fail (FD_IS_SLOT_VIEW (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  FD_SLOT_VIEW_GET_IFACE (self)->set_today (self, today);
}

/**
 * fd_slot_view_set_slots:
 * @self: a view
 * @slots: (nullable) (element-type FdSlot): every slot of the page; those
 *   outside it are ignored
 *
 * The view keeps a reference on @slots, which must not change afterwards:
 * the view copies it before its first fd_slot_view_add_slot().
 */
void
fd_slot_view_set_slots (FdSlotView *self,
                        GPtrArray  *slots)
{
  g_return_if_fail (FD_IS_SLOT_VIEW (self));

  FD_SLOT_VIEW_GET_IFACE (self)->set_slots (self, slots);
}

/**
 * fd_slot_view_add_slot:
 * @self: a view
 * @slot: a slot of the page the view did not show
 */
void
fd_slot_view_add_slot (FdSlotView *self,
                       FdSlot     *slot)
{
  g_return_if_fail (FD_IS_SLOT_VIEW (self));
  g_return_if_fail (FD_IS_SLOT (slot));

  FD_SLOT_VIEW_GET_IFACE (self)->add_slot (self, slot);
}

/**
 * fd_slot_view_update_slot:
 * @self: a view
 * @slot: the new state of a slot the view shows (same id), still on the
 *   page
 */
void
fd_slot_view_update_slot (FdSlotView *self,
                          FdSlot     *slot)
{
  g_return_if_fail (FD_IS_SLOT_VIEW (self));
  g_return_if_fail (FD_IS_SLOT (slot));

  FD_SLOT_VIEW_GET_IFACE (self)->update_slot (self, slot);
}

/**
 * fd_slot_view_remove_slot:
 * @self: a view
 * @slot_id: the id of a slot that left the page (deleted, moved away or
 *   filtered out); unknown ids are ignored
 */
void
fd_slot_view_remove_slot (FdSlotView *self,
                          const char *slot_id)
{
  g_return_if_fail (FD_IS_SLOT_VIEW (self));
  g_return_if_fail (slot_id != NULL);

  FD_SLOT_VIEW_GET_IFACE (self)->remove_slot (self, slot_id);
}

/**
 * fd_slot_view_set_marks:
 * @self: a view
 * @conflicted: (nullable) (element-type utf8 utf8): slot id → the
 *   translated sentence of its first conflict
 * @holidays: (nullable) (element-type utf8 utf8): ISO day ("2026-05-14") →
 *   the public holiday's translated name
 *
 * The view keeps references on both tables, which must not change.
 */
void
fd_slot_view_set_marks (FdSlotView *self,
                        GHashTable *conflicted,
                        GHashTable *holidays)
{
  g_return_if_fail (FD_IS_SLOT_VIEW (self));

  FD_SLOT_VIEW_GET_IFACE (self)->set_marks (self, conflicted, holidays);
}

/**
 * fd_slot_view_get_slot_area:
 * @self: a view
 * @slot_id: a slot's id
 * @area: (out): where it is drawn, in @self's coordinates
 *
 * Returns: %TRUE if the slot is on the page
 */
gboolean
fd_slot_view_get_slot_area (FdSlotView   *self,
                            const char   *slot_id,
                            GdkRectangle *area)
{
  g_return_val_if_fail (FD_IS_SLOT_VIEW (self), FALSE);
  g_return_val_if_fail (slot_id != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  return FD_SLOT_VIEW_GET_IFACE (self)->get_slot_area (self, slot_id, area);
}

/**
 * fd_slot_view_focus_slot:
 * @self: a view
 * @slot_id: a slot's id
 *
 * Returns: %TRUE if the slot is on the page and took the focus
 */
gboolean
fd_slot_view_focus_slot (FdSlotView *self,
                         const char *slot_id)
{
  g_return_val_if_fail (FD_IS_SLOT_VIEW (self), FALSE);
  g_return_val_if_fail (slot_id != NULL, FALSE);

  return FD_SLOT_VIEW_GET_IFACE (self)->focus_slot (self, slot_id);
}

void
fd_slot_view_emit_activated (FdSlotView *self,
                             FdSlot     *slot)
{
  g_return_if_fail (FD_IS_SLOT_VIEW (self));
  g_return_if_fail (FD_IS_SLOT (slot));

  g_signal_emit (self, signals[SLOT_ACTIVATED], 0, slot);
}

/**
 * fd_slot_view_emit_check_move:
 *
 * Returns: (transfer full) (nullable): see #FdSlotView::check-move
 */
char *
fd_slot_view_emit_check_move (FdSlotView *self,
                              FdSlot     *slot,
                              const char *start_at,
                              const char *end_at,
                              const char *from_lane,
                              const char *to_lane)
{
  char *message = NULL;

  g_return_val_if_fail (FD_IS_SLOT_VIEW (self), NULL);
  g_return_val_if_fail (FD_IS_SLOT (slot), NULL);

  g_signal_emit (self, signals[CHECK_MOVE], 0, slot, start_at, end_at,
                 from_lane, to_lane, &message);

  return message;
}

/**
 * fd_slot_view_emit_move:
 *
 * Returns: see #FdSlotView::move-slot
 */
gboolean
fd_slot_view_emit_move (FdSlotView *self,
                        FdSlot     *slot,
                        const char *start_at,
                        const char *end_at,
                        const char *from_lane,
                        const char *to_lane)
{
  gboolean handled = FALSE;

  g_return_val_if_fail (FD_IS_SLOT_VIEW (self), FALSE);
  g_return_val_if_fail (FD_IS_SLOT (slot), FALSE);

  g_signal_emit (self, signals[MOVE_SLOT], 0, slot, start_at, end_at,
                 from_lane, to_lane, &handled);

  return handled;
}

void
fd_slot_view_emit_create (FdSlotView         *self,
                          const char         *start_at,
                          const char         *end_at,
                          const char         *lane,
                          const GdkRectangle *area)
{
  g_return_if_fail (FD_IS_SLOT_VIEW (self));
  g_return_if_fail (area != NULL);

  g_signal_emit (self, signals[CREATE_SLOT], 0, start_at, end_at, lane, area);
}

/**
 * fd_slot_view_get_color_index:
 * @session_id: (nullable): a session's id
 *
 * Returns: the palette entry of a session, below %FD_SLOT_VIEW_N_COLORS:
 *   the same in every view, on every run and every machine (a djb hash of
 *   its id, mixed)
 */
guint
fd_slot_view_get_color_index (const char *session_id)
{
  guint32 hash = 5381;

  if (session_id == NULL)
    return 0;

  for (const char *p = session_id; *p != '\0'; p++)
    hash = hash * 33 + (guchar) *p;

  /* djb's low bits are only the sum of the characters (33 is 1 modulo
   * 8): mix them (Knuth's multiplicative hash) and keep the high bits */
  return (guint) ((hash * 2654435761u) >> 29) % FD_SLOT_VIEW_N_COLORS;
}

/**
 * fd_slot_view_get_color_class:
 * @index: a palette entry, below %FD_SLOT_VIEW_N_COLORS
 *
 * Returns: its CSS class, "slot-color-3"
 */
const char *
fd_slot_view_get_color_class (guint index)
{
  static const char * const classes[FD_SLOT_VIEW_N_COLORS] = {
    "slot-color-0", "slot-color-1", "slot-color-2", "slot-color-3",
    "slot-color-4", "slot-color-5", "slot-color-6", "slot-color-7",
  };

  g_return_val_if_fail (index < FD_SLOT_VIEW_N_COLORS, classes[0]);

  return classes[index];
}

/**
 * fd_slot_view_dup_slot_title:
 * @slot: a slot
 *
 * Returns: (transfer full): what every view calls the slot: its session's
 *   code and label, "2026-0012 — Sauveteur secouriste du travail"
 */
char *
fd_slot_view_dup_slot_title (FdSlot *slot)
{
  const char *code;
  const char *label;

  g_return_val_if_fail (FD_IS_SLOT (slot), NULL);

  code = fd_slot_get_session_code (slot);
  label = fd_slot_get_session_label (slot);
  if (code == NULL || *code == '\0')
    return g_strdup (label != NULL ? label : "");
  if (label == NULL || *label == '\0')
    return g_strdup (code);

  /* Translators: a slot in the calendar: session code — session label */
  return g_strdup_printf (C_("calendar slot", "%1$s — %2$s"), code, label);
}

/**
 * fd_slot_view_dup_slot_tooltip:
 * @slot: a slot
 * @conflicted: (nullable): slot id → its conflict's sentence, as given to
 *   fd_slot_view_set_marks()
 * @hint: (nullable): a last line, how to act on the slot in this view
 *
 * Returns: (transfer full): a slot's tooltip in every view: its times,
 *   title, place and room, trainers, conflict, and @hint, one per line
 */
char *
fd_slot_view_dup_slot_tooltip (FdSlot     *slot,
                               GHashTable *conflicted,
                               const char *hint)
{
  g_autofree char *range = NULL;
  g_autofree char *title = NULL;
  const char *place, *room, *trainers, *conflict = NULL;
  GString *text;

  g_return_val_if_fail (FD_IS_SLOT (slot), NULL);

  range = fd_format_time_range (fd_slot_get_start_at (slot), fd_slot_get_end_at (slot));
  title = fd_slot_view_dup_slot_title (slot);
  place = fd_slot_get_place_name (slot);
  room = fd_slot_get_room_name (slot);
  trainers = fd_slot_get_trainer_names (slot);
  if (conflicted != NULL)
    conflict = g_hash_table_lookup (conflicted, fd_record_get_id (FD_RECORD (slot)));

  text = g_string_new (range != NULL ? range : "");
  g_string_append_printf (text, "\n%s", title);
  if (place != NULL && *place != '\0' && room != NULL && *room != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: where a slot is: place · room */
      g_string_append_printf (text, C_("calendar slot", "%1$s · %2$s"), place, room);
    }
  else if (place != NULL && *place != '\0')
    g_string_append_printf (text, "\n%s", place);
  else if (room != NULL && *room != '\0')
    g_string_append_printf (text, "\n%s", room);
  if (trainers != NULL && *trainers != '\0')
    g_string_append_printf (text, "\n%s", trainers);
  if (conflict != NULL)
    g_string_append_printf (text, "\n⚠ %s", conflict);
  if (hint != NULL)
    g_string_append_printf (text, "\n%s", hint);

  return g_string_free (text, FALSE);
}
