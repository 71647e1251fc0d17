/* fd-slot-view.h — what every calendar view does: a page of slots
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-calendar-period.h"
#include "fd-models.h"

G_BEGIN_DECLS

#define FD_TYPE_SLOT_VIEW (fd_slot_view_get_type ())

G_DECLARE_INTERFACE (FdSlotView, fd_slot_view, FD, SLOT_VIEW, GtkWidget)

/**
 * FdSlotViewLanes:
 * @FD_SLOT_VIEW_LANES_DAYS: one lane per day (month, week, day)
 * @FD_SLOT_VIEW_LANES_TRAINERS: one lane per trainer (resource week)
 * @FD_SLOT_VIEW_LANES_ROOMS: one lane per room (resource week)
 *
 * What a lane id given by #FdSlotView::move-slot and
 * #FdSlotView::create-slot names: %NULL for days, else a trainer's or a
 * room's id.
 */
typedef enum
{
  FD_SLOT_VIEW_LANES_DAYS,
  FD_SLOT_VIEW_LANES_TRAINERS,
  FD_SLOT_VIEW_LANES_ROOMS,
} FdSlotViewLanes;

#define FD_TYPE_SLOT_VIEW_LANES (fd_slot_view_lanes_get_type ())

GType fd_slot_view_lanes_get_type (void) G_GNUC_CONST;

/**
 * FdSlotViewInterface:
 * @get_period: the kind of page the view shows
 * @get_lanes: what its lanes are
 * @set_date: show the page holding a day
 * @set_today: the day to highlight
 * @set_slots: replace every slot of the page (the page's slots were read
 *   again)
 * @add_slot: one slot entered the page
 * @update_slot: one slot shown changed (same id)
 * @remove_slot: one slot left the page
 * @set_marks: which slots have conflicts, which days are public holidays
 * @get_slot_area: where a slot is drawn, for a popover
 * @focus_slot: give a slot the keyboard focus
 *
 * A calendar view, as GNOME Calendar's GcalView: the calendar page
 * (#FdCalendarView) holds one of each and feeds the visible one with the
 * slots of its range, then with each slot that was added, changed or
 * removed as core announces it, never by rebuilding the page.
 *
 * Views do not write: a drag or a keyboard move asks the page through
 * #FdSlotView::check-move while it goes on, and #FdSlotView::move-slot when
 * it is dropped; the page applies it through core.
 */
struct _FdSlotViewInterface
{
  GTypeInterface parent_iface;

  FdCalendarPeriod (*get_period)    (FdSlotView   *self);
  FdSlotViewLanes  (*get_lanes)     (FdSlotView   *self);
  void             (*set_date)      (FdSlotView   *self,
                                     const GDate  *date);
  void             (*set_today)     (FdSlotView   *self,
                                     const GDate  *today);
  void             (*set_slots)     (FdSlotView   *self,
                                     GPtrArray    *slots);
  void             (*add_slot)      (FdSlotView   *self,
                                     FdSlot       *slot);
  void             (*update_slot)   (FdSlotView   *self,
                                     FdSlot       *slot);
  void             (*remove_slot)   (FdSlotView   *self,
                                     const char   *slot_id);
  void             (*set_marks)     (FdSlotView   *self,
                                     GHashTable   *conflicted,
                                     GHashTable   *holidays);
  gboolean         (*get_slot_area) (FdSlotView   *self,
                                     const char   *slot_id,
                                     GdkRectangle *area);
  gboolean         (*focus_slot)    (FdSlotView   *self,
                                     const char   *slot_id);
};

/* Every view colours a slot by its session from one palette, the CSS
 * classes "slot-color-0" … "slot-color-7" of ui/style.css */
#define FD_SLOT_VIEW_N_COLORS 8

guint            fd_slot_view_get_color_index (const char *session_id);
const char      *fd_slot_view_get_color_class (guint       index);

char            *fd_slot_view_dup_slot_title   (FdSlot     *slot);
char            *fd_slot_view_dup_slot_tooltip (FdSlot     *slot,
                                                GHashTable *conflicted,
                                                const char *hint);

FdCalendarPeriod fd_slot_view_get_period    (FdSlotView   *self);
FdSlotViewLanes  fd_slot_view_get_lanes     (FdSlotView   *self);
void             fd_slot_view_set_date      (FdSlotView   *self,
                                             const GDate  *date);
void             fd_slot_view_set_today     (FdSlotView   *self,
                                             const GDate  *today);
void             fd_slot_view_set_slots     (FdSlotView   *self,
                                             GPtrArray    *slots);
void             fd_slot_view_add_slot      (FdSlotView   *self,
                                             FdSlot       *slot);
void             fd_slot_view_update_slot   (FdSlotView   *self,
                                             FdSlot       *slot);
void             fd_slot_view_remove_slot   (FdSlotView   *self,
                                             const char   *slot_id);
void             fd_slot_view_set_marks     (FdSlotView   *self,
                                             GHashTable   *conflicted,
                                             GHashTable   *holidays);
gboolean         fd_slot_view_get_slot_area (FdSlotView   *self,
                                             const char   *slot_id,
                                             GdkRectangle *area);
gboolean         fd_slot_view_focus_slot    (FdSlotView   *self,
                                             const char   *slot_id);

void             fd_slot_view_emit_activated (FdSlotView  *self,
                                              FdSlot      *slot);
char            *fd_slot_view_emit_check_move (FdSlotView *self,
                                               FdSlot     *slot,
                                               const char *start_at,
                                               const char *end_at,
                                               const char *from_lane,
                                               const char *to_lane);
gboolean         fd_slot_view_emit_move     (FdSlotView   *self,
                                             FdSlot       *slot,
                                             const char   *start_at,
                                             const char   *end_at,
                                             const char   *from_lane,
                                             const char   *to_lane);
void             fd_slot_view_emit_create   (FdSlotView   *self,
                                             const char   *start_at,
                                             const char   *end_at,
                                             const char   *lane,
                                             const GdkRectangle *area);

G_END_DECLS
