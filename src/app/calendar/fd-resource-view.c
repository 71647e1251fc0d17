/* fd-resource-view.c — a week of slots, one lane per trainer or room
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-resource-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-resource-view.h"
#include "fd-resource-view-private.h"

#include "fd-calendar-period.h"
#include "fd-format.h"
#include "fd-resource-model.h"

#include <math.h>

/*
 * FdResourceView:
 *
 * The calendar's resource week: one lane (row) per trainer or per room, a
 * name column on the left, and the seven days of the week side by side,
 * each covering the working hours (07:00–21:00), so a week fits the width
 * and only the lanes scroll, vertically. Each slot is a bar in every lane
 * it belongs to (each of its trainers', its room's), coloured by session;
 * overlapping bars of a lane are stacked on sub-rows and the lane grows
 * (FdResourceModel decides, without pixels).
 *
 * Why it draws rather than recycles widgets: the large demo has 2 000
 * trainers, and a page shows 20 to 40 lanes with a few bars each. The view
 * is one widget that lays nothing out for lanes off screen: snapshot()
 * asks the model which lanes a scroll offset shows (a binary search over
 * the lanes' summed heights), then draws those lanes' names and bars with
 * PangoLayouts cached by lane and by slot, and the CSS boxes (bars,
 * ghost, focus) through the style of a few hidden "swatch" children, so
 * colours, borders and dark mode still come from ui/style.css. Scrolling
 * only moves an adjustment and redraws; no widget is allocated, so a
 * scrolled page costs the drawing of the lanes shown. A GtkListView of
 * rows was the other choice: it recycles row widgets well, but a drag
 * from one row to another, with a ghost following across rows and
 * auto-scroll, would cross widgets the list owns and recycles under the
 * pointer, and each row would be a tree of bar widgets to allocate.
 * Bars are not widgets, so the view handles their focus itself: Tab and
 * the arrows move a focused bar drawn with a ring, and tooltips are
 * answered by hit-testing.
 *
 * Keyboard: Tab / Shift+Tab and the arrows go from bar to bar, Enter opens
 * one; "m" starts moving the focused bar: Left / Right by 15 minutes,
 * Ctrl+Left / Right by a day, Shift+Left / Right change its end by 15
 * minutes, Up / Down to the lane above or below, Enter drops it (the
 * move-slot signal), Escape cancels. Pointer: click a bar to open it,
 * drag it (another time, day or lane), drag its right edge to resize,
 * drag on empty space to select a range to create a slot in; Escape
 * cancels a drag. Page Up / Page Down are left to the page (previous and
 * next week); the wheel and the scrollbar scroll the lanes. Moves are asked about through check-move each time the
 * snapped target changes, and its message is shown by the ghost.
 */

#define HEADER_HEIGHT   44
#define NAME_WIDTH      200
#define ROW_HEIGHT      24     /* a sub-row of a lane: a bar and its gap */
#define BAR_HEIGHT      20
#define LANE_PADDING    4
#define MIN_DAY_WIDTH   56
#define NAT_DAY_WIDTH   150
#define EDGE_WIDTH      6      /* the grip at a bar's right edge */
#define DRAG_THRESHOLD  4
#define AUTOSCROLL_ZONE 32
#define N_COLORS        FD_SLOT_VIEW_N_COLORS
#define MAX_CACHED      512    /* layouts of bars kept between frames */

typedef enum
{
  OP_NONE,
  OP_PRESS_BAR,       /* pressed on a bar, not dragged yet: a click */
  OP_PRESS_EMPTY,     /* pressed on a lane's empty space */
  OP_MOVE,
  OP_RESIZE,
  OP_CREATE,
  OP_KEYBOARD,        /* moving the focused bar with the keys */
} Op;

typedef enum
{
  SWATCH_HEADER,
  SWATCH_TODAY,
  SWATCH_HOLIDAY,
  SWATCH_DIM,
  SWATCH_NAMES,
  SWATCH_LINE,
  SWATCH_WEEKEND,
  SWATCH_TODAY_COLUMN,
  SWATCH_HOLIDAY_COLUMN,
  SWATCH_CONFLICTED,
  SWATCH_GHOST,
  SWATCH_REFUSED,
  SWATCH_MESSAGE,
  SWATCH_FOCUS,
  SWATCH_SELECTION,
  N_SWATCHES
} Swatch;

static const char * const swatch_classes[N_SWATCHES] = {
  "header", "today", "holiday", "dim", "names", "line", "weekend",
  "today-column", "holiday-column", "conflicted", "ghost", "refused",
  "message", "focus", "selection",
};

struct _FdResourceView
{
  GtkWidget parent_instance;

  FdResourceModel *model;
  FdSlotViewLanes lanes;
  GDate today;
  GHashTable *conflicted;     /* slot id → message */
  GHashTable *holidays;       /* ISO day → name */

  GtkAdjustment *vadjustment;
  GtkWidget *scrollbar;
  GtkGesture *drag;           /* owned by the widget */
  GtkWidget *swatches[N_SWATCHES];
  GtkWidget *colors[N_COLORS];

  /* what was drawn */
  GHashTable *name_layouts;   /* lane index + 1 → PangoLayout */
  GHashTable *bar_layouts;    /* slot id (owned) → PangoLayout */
  PangoLayout *day_layouts[FD_RESOURCE_N_DAYS];
  PangoLayout *holiday_layouts[FD_RESOURCE_N_DAYS];
  gboolean header_valid;
  guint first_visible;
  guint n_visible;
  guint n_layouts_made;
  gint64 last_snapshot_usec;

  /* the focused bar */
  char *focus_id;
  int focus_lane;

  /* a drag or a keyboard move */
  Op op;
  FdSlot *op_slot;
  int op_lane;                /* where the slot was taken from */
  int op_target;              /* the lane it is over */
  int op_start;               /* the slot's times, then the proposal's */
  int op_end;
  int new_start;
  int new_end;
  int grab;                   /* the time under the pointer at the press */
  double press_x;
  double press_y;
  double pointer_x;
  double pointer_y;
  gboolean press_on_edge;
  char *message;
  guint autoscroll_id;
  gint64 autoscroll_time;
};

static void fd_resource_view_slot_view_init (FdSlotViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdResourceView, fd_resource_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (FD_TYPE_SLOT_VIEW,
                                                      fd_resource_view_slot_view_init))

enum {
  PROP_0,
  PROP_LANES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Geometry */

static int
get_content_width (FdResourceView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (gtk_widget_get_child_visible (self->scrollbar))
    width -= gtk_widget_get_width (self->scrollbar);

  return MAX (width, NAME_WIDTH + FD_RESOURCE_N_DAYS);
}

static FdResourceScale
get_scale (FdResourceView *self)
{
  FdResourceScale scale;

  scale.x = NAME_WIDTH;
  scale.day_width = (get_content_width (self) - NAME_WIDTH) / (double) FD_RESOURCE_N_DAYS;

  return scale;
}

static double
get_scroll (FdResourceView *self)
{
  return gtk_adjustment_get_value (self->vadjustment);
}

/* The top of a lane, in the widget's coordinates */
static double
get_lane_top (FdResourceView *self,
              guint           lane)
{
  return HEADER_HEIGHT + fd_resource_model_get_lane_y (self->model, lane) - get_scroll (self);
}

static graphene_rect_t
get_bar_rect (FdResourceView *self,
              guint           lane,
              int             start,
              int             end,
              guint           row)
{
  FdResourceScale scale = get_scale (self);
  double x1 = fd_resource_scale_time_to_x (&scale, start);
  double x2 = fd_resource_scale_time_to_x (&scale, end);
  double top = get_lane_top (self, lane) + LANE_PADDING + row * ROW_HEIGHT +
               (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
  graphene_rect_t rect;

  /* a slot outside the hours shown is still a grip wide */
  if (x2 - x1 < 4)
    x2 = x1 + 4;

  graphene_rect_init (&rect, floor (x1) + 1, floor (top),
                      floor (x2) - floor (x1) - 2, BAR_HEIGHT);

  return rect;
}

static int
get_lane_at (FdResourceView *self,
             double          y)
{
  return fd_resource_model_get_lane_at_y (self->model,
                                          (int) floor (y - HEADER_HEIGHT + get_scroll (self)));
}

/* The placement under (x, y) in @lane, or -1 */
static int
get_placement_at (FdResourceView *self,
                  int             lane,
                  double          x,
                  double          y)
{
  GArray *placements;

  if (lane < 0)
    return -1;

  placements = fd_resource_model_get_placements (self->model, (guint) lane);
  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      FdResourcePlacement *placement = &g_array_index (placements, FdResourcePlacement, i);
      graphene_rect_t rect = get_bar_rect (self, (guint) lane, placement->start,
                                           placement->end, placement->row);

      if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        return (int) i;
    }

  return -1;
}

static void
configure_adjustment (FdResourceView *self,
                      int             height)
{
  double page = MAX (0, height - HEADER_HEIGHT);
  double upper = fd_resource_model_get_height (self->model);
  double value = CLAMP (get_scroll (self), 0, MAX (0, upper - page));

  gtk_adjustment_configure (self->vadjustment, value, 0, MAX (upper, page),
                            ROW_HEIGHT + 2 * LANE_PADDING, page * 0.9, page);
}

static void
update_adjustment (FdResourceView *self)
{
  configure_adjustment (self, gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
scroll_lane_into_view (FdResourceView *self,
                       guint           lane)
{
  double top = fd_resource_model_get_lane_y (self->model, lane);
  double bottom = top + fd_resource_model_get_lane_height (self->model, lane);
  double value = get_scroll (self);
  double page = gtk_adjustment_get_page_size (self->vadjustment);

  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (self->vadjustment, bottom - page);
}

/* Text */

static PangoLayout *
create_layout (FdResourceView *self,
               const char     *text,
               int             width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_width (layout, MAX (1, width) * PANGO_SCALE);

  return layout;
}

static PangoLayout *
get_name_layout (FdResourceView *self,
                 guint           lane)
{
  PangoLayout *layout = g_hash_table_lookup (self->name_layouts, GUINT_TO_POINTER (lane + 1));
  FdResourceLane *resource;
  const char *place;
  g_autofree char *markup = NULL;

  if (layout != NULL)
    return layout;

  resource = fd_resource_model_get_lane (self->model, lane);
  place = fd_resource_lane_get_place_name (resource);
  if (place != NULL)
    {
      guint seats = fd_resource_lane_get_capacity (resource);
      g_autofree char *detail = NULL;

      if (seats > 0)
        /* Translators: under a room's name in the resource week: its place · seats */
        detail = g_strdup_printf (ngettext ("%1$s · %2$u seat", "%1$s · %2$u seats", seats),
                                  place, seats);
      else
        detail = g_strdup (place);

      markup = g_markup_printf_escaped ("%s\n<span alpha=\"55%%\" size=\"small\">%s</span>",
                                        fd_resource_lane_get_name (resource), detail);
    }
  else
    {
      markup = g_markup_escape_text (fd_resource_lane_get_name (resource), -1);
    }

  layout = create_layout (self, NULL, NAME_WIDTH - 24);
  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_spacing (layout, -2 * PANGO_SCALE);
  pango_layout_set_markup (layout, markup, -1);
  g_hash_table_insert (self->name_layouts, GUINT_TO_POINTER (lane + 1), layout);
  self->n_layouts_made++;

  return layout;
}

static PangoLayout *
get_bar_layout (FdResourceView *self,
                FdSlot         *slot,
                int             width)
{
  const char *id = fd_record_get_id (FD_RECORD (slot));
  PangoLayout *layout = g_hash_table_lookup (self->bar_layouts, id);

  if (layout == NULL)
    {
      const char *label = fd_slot_get_session_label (slot);

      if (label == NULL || *label == '\0')
        label = fd_slot_get_session_code (slot);

      layout = create_layout (self, label != NULL ? label : "", width);
      g_hash_table_insert (self->bar_layouts, g_strdup (id), layout);
    }
  else if (pango_layout_get_width (layout) != width * PANGO_SCALE)
    {
      pango_layout_set_width (layout, MAX (1, width) * PANGO_SCALE);
    }

  return layout;
}

static void
invalidate_header (FdResourceView *self)
{
  self->header_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
forget_layouts (FdResourceView *self)
{
  g_hash_table_remove_all (self->name_layouts);
  g_hash_table_remove_all (self->bar_layouts);
  invalidate_header (self);
}

static void
ensure_header (FdResourceView *self)
{
  GDate day;
  int width = (int) get_scale (self).day_width - 8;

  if (self->header_valid)
    {
      for (guint i = 0; i < FD_RESOURCE_N_DAYS; i++)
        {
          pango_layout_set_width (self->day_layouts[i], MAX (1, width) * PANGO_SCALE);
          pango_layout_set_width (self->holiday_layouts[i], MAX (1, width) * PANGO_SCALE);
        }
      return;
    }

  fd_resource_model_get_monday (self->model, &day);
  for (guint i = 0; i < FD_RESOURCE_N_DAYS; i++)
    {
      g_autofree char *text = NULL;
      char iso[11];
      const char *holiday;

      g_snprintf (iso, sizeof iso, "%04u-%02u-%02u",
                  (guint) g_date_get_year (&day), (guint) g_date_get_month (&day),
                  (guint) g_date_get_day (&day));
      holiday = self->holidays != NULL ? g_hash_table_lookup (self->holidays, iso) : NULL;

      /* Translators: a day's column in the resource week: weekday, day of month */
      text = g_strdup_printf (C_("resource week", "%1$s %2$u"),
                              fd_format_weekday_abbrev ((int) i + 1),
                              (guint) g_date_get_day (&day));

      g_clear_object (&self->day_layouts[i]);
      g_clear_object (&self->holiday_layouts[i]);
      self->day_layouts[i] = create_layout (self, text, width);
      self->holiday_layouts[i] = create_layout (self, holiday != NULL ? holiday : "", width);
      g_date_add_days (&day, 1);
    }

  self->header_valid = TRUE;
}

/* Drawing */

static GtkStyleContext *
get_swatch (FdResourceView *self,
            Swatch          swatch)
{
  return gtk_widget_get_style_context (self->swatches[swatch]);
}

static void
get_swatch_color (FdResourceView *self,
                  Swatch          swatch,
                  GdkRGBA        *color)
{
  gtk_style_context_get_color (get_swatch (self, swatch), color);
}

static void
render_box (GtkSnapshot           *snapshot,
            GtkStyleContext       *context,
            const graphene_rect_t *rect)
{
  gtk_snapshot_render_background (snapshot, context, rect->origin.x, rect->origin.y,
                                  rect->size.width, rect->size.height);
  gtk_snapshot_render_frame (snapshot, context, rect->origin.x, rect->origin.y,
                             rect->size.width, rect->size.height);
}

static gboolean
is_today (FdResourceView *self,
          guint           day_index)
{
  GDate day;

  if (!g_date_valid (&self->today))
    return FALSE;

  fd_resource_model_get_monday (self->model, &day);
  g_date_add_days (&day, day_index);

  return g_date_compare (&day, &self->today) == 0;
}

static gboolean
is_holiday (FdResourceView *self,
            guint           day_index)
{
  return pango_layout_get_character_count (self->holiday_layouts[day_index]) > 0;
}

static void
snapshot_columns (FdResourceView *self,
                  GtkSnapshot    *snapshot,
                  int             width,
                  int             height)
{
  FdResourceScale scale = get_scale (self);
  GdkRGBA weekend, today, holiday, line, faint;

  get_swatch_color (self, SWATCH_WEEKEND, &weekend);
  get_swatch_color (self, SWATCH_TODAY_COLUMN, &today);
  get_swatch_color (self, SWATCH_HOLIDAY_COLUMN, &holiday);
  get_swatch_color (self, SWATCH_LINE, &line);
  faint = line;
  faint.alpha *= 0.4f;

  for (guint i = 0; i < FD_RESOURCE_N_DAYS; i++)
    {
      double x = floor (scale.x + i * scale.day_width);
      double next = floor (scale.x + (i + 1) * scale.day_width);
      graphene_rect_t column = GRAPHENE_RECT_INIT (x, HEADER_HEIGHT, next - x, height - HEADER_HEIGHT);
      double noon = floor (fd_resource_scale_time_to_x (&scale, (int) i * 24 * 60 + 12 * 60));

      if (i >= 5)
        gtk_snapshot_append_color (snapshot, &weekend, &column);
      if (is_holiday (self, i))
        gtk_snapshot_append_color (snapshot, &holiday, &column);
      if (is_today (self, i))
        gtk_snapshot_append_color (snapshot, &today, &column);

      gtk_snapshot_append_color (snapshot, &faint,
                                 &GRAPHENE_RECT_INIT (noon, HEADER_HEIGHT, 1, height - HEADER_HEIGHT));
      if (i > 0)
        gtk_snapshot_append_color (snapshot, &line,
                                   &GRAPHENE_RECT_INIT (x, 0, 1, height));
    }
}

static void
snapshot_bar (FdResourceView            *self,
              GtkSnapshot               *snapshot,
              guint                      lane,
              const FdResourcePlacement *placement)
{
  const char *id = fd_record_get_id (FD_RECORD (placement->slot));
  graphene_rect_t rect = get_bar_rect (self, lane, placement->start, placement->end,
                                       placement->row);
  gboolean conflicted = self->conflicted != NULL && g_hash_table_contains (self->conflicted, id);
  guint color = fd_slot_view_get_color_index (fd_slot_get_session_id (placement->slot));
  GtkStyleContext *context = conflicted ? get_swatch (self, SWATCH_CONFLICTED)
                                        : gtk_widget_get_style_context (self->colors[color]);
  int text_width = (int) rect.size.width - 10;

  /* "A…" says nothing: a short bar shows its colour, and its tooltip */

  render_box (snapshot, context, &rect);

  if (text_width >= 36)
    {
      PangoLayout *layout = get_bar_layout (self, placement->slot, text_width);
      int text_height;

      pango_layout_get_pixel_size (layout, NULL, &text_height);
      gtk_snapshot_push_clip (snapshot, &rect);
      gtk_snapshot_render_layout (snapshot, context, rect.origin.x + 6,
                                  rect.origin.y + (rect.size.height - text_height) / 2.0,
                                  layout);
      gtk_snapshot_pop (snapshot);
    }

  if (self->focus_id != NULL && (int) lane == self->focus_lane &&
      g_str_equal (id, self->focus_id) && gtk_widget_has_focus (GTK_WIDGET (self)) &&
      self->op != OP_KEYBOARD)
    {
      graphene_rect_t ring = rect;

      graphene_rect_inset (&ring, -2, -2);
      render_box (snapshot, get_swatch (self, SWATCH_FOCUS), &ring);
    }
}

static void
snapshot_lanes (FdResourceView *self,
                GtkSnapshot    *snapshot,
                int             width)
{
  GdkRGBA line;

  get_swatch_color (self, SWATCH_LINE, &line);

  for (guint lane = self->first_visible; lane < self->first_visible + self->n_visible; lane++)
    {
      GArray *placements = fd_resource_model_get_placements (self->model, lane);
      double bottom = get_lane_top (self, lane) + fd_resource_model_get_lane_height (self->model, lane);

      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (0, floor (bottom) - 1, width, 1));

      for (guint i = 0; placements != NULL && i < placements->len; i++)
        snapshot_bar (self, snapshot, lane, &g_array_index (placements, FdResourcePlacement, i));
    }
}

static void
snapshot_names (FdResourceView *self,
                GtkSnapshot    *snapshot,
                int             height)
{
  GtkStyleContext *context = get_swatch (self, SWATCH_NAMES);

  render_box (snapshot, context, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, NAME_WIDTH,
                                                      height - HEADER_HEIGHT));

  for (guint lane = self->first_visible; lane < self->first_visible + self->n_visible; lane++)
    {
      PangoLayout *layout = get_name_layout (self, lane);
      double top = get_lane_top (self, lane);
      int text_height;

      pango_layout_get_pixel_size (layout, NULL, &text_height);
      /* centred on the first row, or on the lane's height for two lines */
      gtk_snapshot_render_layout (snapshot, context, 12,
                                  floor (top + MAX (1, (ROW_HEIGHT + 2 * LANE_PADDING - text_height) / 2.0)),
                                  layout);
    }
}

static void
snapshot_header (FdResourceView *self,
                 GtkSnapshot    *snapshot,
                 int             width)
{
  FdResourceScale scale = get_scale (self);

  render_box (snapshot, get_swatch (self, SWATCH_HEADER),
              &GRAPHENE_RECT_INIT (0, 0, width, HEADER_HEIGHT));

  for (guint i = 0; i < FD_RESOURCE_N_DAYS; i++)
    {
      double x = floor (scale.x + i * scale.day_width) + 6;
      GtkStyleContext *context = get_swatch (self, is_today (self, i) ? SWATCH_TODAY : SWATCH_HEADER);

      gtk_snapshot_render_layout (snapshot, context, x, 5, self->day_layouts[i]);
      if (is_holiday (self, i))
        gtk_snapshot_render_layout (snapshot, get_swatch (self, SWATCH_HOLIDAY), x, 24,
                                    self->holiday_layouts[i]);
    }
}

static void
snapshot_operation (FdResourceView *self,
                    GtkSnapshot    *snapshot,
                    int             width,
                    int             height)
{
  graphene_rect_t rect;
  int lane = self->op_target;
  PangoLayout *layout;
  int text_width, text_height;
  double x, y;

  if (lane < 0 || (guint) lane >= fd_resource_model_get_n_lanes (self->model))
    return;

  if (self->op == OP_CREATE)
    {
      rect = get_bar_rect (self, (guint) lane, self->new_start, self->new_end, 0);
      rect.origin.y = get_lane_top (self, (guint) lane) + 1;
      rect.size.height = fd_resource_model_get_lane_height (self->model, (guint) lane) - 3;
      render_box (snapshot, get_swatch (self, SWATCH_SELECTION), &rect);
      return;
    }

  if (self->op != OP_MOVE && self->op != OP_RESIZE && self->op != OP_KEYBOARD)
    return;

  rect = get_bar_rect (self, (guint) lane, self->new_start, self->new_end, 0);
  if (lane == self->op_lane)
    {
      int index = fd_resource_model_find_placement (self->model, (guint) lane,
                                                    fd_record_get_id (FD_RECORD (self->op_slot)));

      if (index >= 0)
        {
          GArray *placements = fd_resource_model_get_placements (self->model, (guint) lane);
          guint row = g_array_index (placements, FdResourcePlacement, index).row;

          rect = get_bar_rect (self, (guint) lane, self->new_start, self->new_end, row);
        }
    }
  render_box (snapshot, get_swatch (self, self->message != NULL ? SWATCH_REFUSED : SWATCH_GHOST),
              &rect);

  if (self->message == NULL)
    return;

  layout = create_layout (self, self->message, 320);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  x = CLAMP (rect.origin.x, NAME_WIDTH, MAX (NAME_WIDTH, width - text_width - 16));
  y = rect.origin.y + rect.size.height + 4;
  if (y + text_height + 8 > height)
    y = rect.origin.y - text_height - 12;

  render_box (snapshot, get_swatch (self, SWATCH_MESSAGE),
              &GRAPHENE_RECT_INIT (x, y, text_width + 12, text_height + 8));
  gtk_snapshot_render_layout (snapshot, get_swatch (self, SWATCH_MESSAGE), x + 6, y + 4, layout);
  g_object_unref (layout);
}

static gboolean
is_lane_off_screen (gpointer key,
               gpointer value,
               gpointer user_data)
{
  FdResourceView *self = user_data;
  guint lane = GPOINTER_TO_UINT (key) - 1;

  return lane < self->first_visible || lane >= self->first_visible + self->n_visible;
}

static void
fd_resource_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  FdResourceView *self = FD_RESOURCE_VIEW (widget);
  int width = get_content_width (self);
  int height = gtk_widget_get_height (widget);
  gint64 begin = g_get_monotonic_time ();

  self->n_visible = fd_resource_model_get_visible (self->model, (int) get_scroll (self),
                                                   height - HEADER_HEIGHT, &self->first_visible);
  ensure_header (self);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, width,
                                                         MAX (0, height - HEADER_HEIGHT)));
  snapshot_columns (self, snapshot, width, height);
  snapshot_lanes (self, snapshot, width);
  if (self->op != OP_KEYBOARD)
    snapshot_operation (self, snapshot, width, height);
  snapshot_names (self, snapshot, height);
  gtk_snapshot_pop (snapshot);

  snapshot_header (self, snapshot, width);
  if (self->op == OP_KEYBOARD)
    snapshot_operation (self, snapshot, width, height);

  /* the lanes scrolled away drop their names; bars are few */
  if (g_hash_table_size (self->name_layouts) > 2 * self->n_visible + 32)
    g_hash_table_foreach_remove (self->name_layouts, is_lane_off_screen, self);
  if (g_hash_table_size (self->bar_layouts) > MAX_CACHED)
    g_hash_table_remove_all (self->bar_layouts);

  gtk_widget_snapshot_child (widget, self->scrollbar, snapshot);

  self->last_snapshot_usec = g_get_monotonic_time () - begin;
}

/* Focus */

static FdResourcePlacement *
get_placement (FdResourceView *self,
               int             lane,
               int             index)
{
  GArray *placements;

  if (lane < 0 || (guint) lane >= fd_resource_model_get_n_lanes (self->model) || index < 0)
    return NULL;

  placements = fd_resource_model_get_placements (self->model, (guint) lane);
  if (placements == NULL || (guint) index >= placements->len)
    return NULL;

  return &g_array_index (placements, FdResourcePlacement, index);
}

static FdResourcePlacement *
get_focused (FdResourceView *self,
             int            *index)
{
  int found;

  if (self->focus_id == NULL || self->focus_lane < 0 ||
      (guint) self->focus_lane >= fd_resource_model_get_n_lanes (self->model))
    return NULL;

  found = fd_resource_model_find_placement (self->model, (guint) self->focus_lane, self->focus_id);
  if (index != NULL)
    *index = found;

  return get_placement (self, self->focus_lane, found);
}

static void
set_focus (FdResourceView *self,
           int             lane,
           FdSlot         *slot)
{
  g_free (self->focus_id);
  self->focus_id = slot != NULL ? g_strdup (fd_record_get_id (FD_RECORD (slot))) : NULL;
  self->focus_lane = slot != NULL ? lane : -1;

  if (slot != NULL)
    scroll_lane_into_view (self, (guint) lane);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The next bar in the order lanes, then start: @step is 1 or -1 */
static gboolean
focus_next (FdResourceView *self,
            int             step)
{
  int n_lanes = (int) fd_resource_model_get_n_lanes (self->model);
  int index = -1;
  int lane;

  if (get_focused (self, &index) != NULL)
    {
      FdResourcePlacement *next = get_placement (self, self->focus_lane, index + step);

      if (next != NULL)
        {
          set_focus (self, self->focus_lane, next->slot);
          return TRUE;
        }
      lane = self->focus_lane + step;
    }
  else
    {
      lane = step > 0 ? (int) self->first_visible : (int) (self->first_visible + self->n_visible) - 1;
    }

  for (; lane >= 0 && lane < n_lanes; lane += step)
    {
      GArray *placements = fd_resource_model_get_placements (self->model, (guint) lane);

      if (placements != NULL && placements->len > 0)
        {
          int i = step > 0 ? 0 : (int) placements->len - 1;

          set_focus (self, lane, g_array_index (placements, FdResourcePlacement, i).slot);
          return TRUE;
        }
    }

  return FALSE;
}

/* The bar nearest in time to the focused one, in the next lane with
 * bars above (@step -1) or below (1) */
static gboolean
focus_vertically (FdResourceView *self,
                  int             step)
{
  FdResourcePlacement *current = get_focused (self, NULL);
  int n_lanes = (int) fd_resource_model_get_n_lanes (self->model);

  if (current == NULL)
    return focus_next (self, step);

  for (int lane = self->focus_lane + step; lane >= 0 && lane < n_lanes; lane += step)
    {
      GArray *placements = fd_resource_model_get_placements (self->model, (guint) lane);
      FdResourcePlacement *best = NULL;
      int best_distance = G_MAXINT;

      for (guint i = 0; placements != NULL && i < placements->len; i++)
        {
          FdResourcePlacement *placement = &g_array_index (placements, FdResourcePlacement, i);
          int distance = ABS (placement->start - current->start);

          if (distance < best_distance)
            {
              best = placement;
              best_distance = distance;
            }
        }

      if (best != NULL)
        {
          set_focus (self, lane, best->slot);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
fd_resource_view_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  FdResourceView *self = FD_RESOURCE_VIEW (widget);
  int step = direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP ||
             direction == GTK_DIR_LEFT ? -1 : 1;

  if (!gtk_widget_has_focus (widget))
    {
      if (get_focused (self, NULL) == NULL)
        focus_next (self, step);
      gtk_widget_grab_focus (widget);
      gtk_widget_queue_draw (widget);
      return TRUE;
    }

  if (self->op == OP_KEYBOARD)
    return TRUE;

  if (focus_next (self, step))
    return TRUE;

  /* past the last bar, the focus leaves the view */
  set_focus (self, -1, NULL);
  return FALSE;
}

/* Moves */

static const char *
get_lane_id (FdResourceView *self,
             int             lane)
{
  if (lane < 0 || (guint) lane >= fd_resource_model_get_n_lanes (self->model))
    return NULL;

  return fd_resource_lane_get_id (fd_resource_model_get_lane (self->model, (guint) lane));
}

static void
stop_autoscroll (FdResourceView *self)
{
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
}

static void
end_operation (FdResourceView *self)
{
  stop_autoscroll (self);
  self->op = OP_NONE;
  g_clear_object (&self->op_slot);
  g_clear_pointer (&self->message, g_free);
  self->op_lane = -1;
  self->op_target = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Asks the page about the proposal, when it changed */
static void
check_proposal (FdResourceView *self,
                int             start,
                int             end,
                int             target)
{
  g_autofree char *start_iso = NULL;
  g_autofree char *end_iso = NULL;

  if (start == self->new_start && end == self->new_end && target == self->op_target &&
      self->op != OP_CREATE)
    return;

  self->new_start = start;
  self->new_end = end;
  self->op_target = target;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->op == OP_CREATE)
    return;

  start_iso = fd_resource_model_dup_iso (self->model, start);
  end_iso = fd_resource_model_dup_iso (self->model, end);
  g_free (self->message);
  self->message = fd_slot_view_emit_check_move (FD_SLOT_VIEW (self), self->op_slot,
                                                start_iso, end_iso,
                                                get_lane_id (self, self->op_lane),
                                                get_lane_id (self, target));
}

static void
begin_operation (FdResourceView *self,
                 Op              op,
                 int             lane,
                 FdResourcePlacement *placement)
{
  self->op = op;
  self->op_lane = lane;
  self->op_target = -1;
  g_clear_object (&self->op_slot);
  if (placement != NULL)
    self->op_slot = g_object_ref (placement->slot);
  self->op_start = placement != NULL ? placement->start : 0;
  self->op_end = placement != NULL ? placement->end : 0;
  self->new_start = G_MININT;
  self->new_end = G_MININT;
  g_clear_pointer (&self->message, g_free);
}

static void
update_drag (FdResourceView *self)
{
  FdResourceScale scale = get_scale (self);
  int pointer = fd_resource_scale_x_to_time (&scale, self->pointer_x, 1);
  int n_lanes = (int) fd_resource_model_get_n_lanes (self->model);
  int lane = get_lane_at (self, CLAMP (self->pointer_y, HEADER_HEIGHT,
                                       gtk_widget_get_height (GTK_WIDGET (self)) - 1));
  int start, end;

  if (lane < 0)
    lane = self->pointer_y <= HEADER_HEIGHT ? 0 : n_lanes - 1;

  switch (self->op)
    {
    case OP_MOVE:
      fd_resource_drag_move (self->op_start, self->op_end, self->grab, pointer, &start, &end);
      check_proposal (self, start, end, lane);
      break;

    case OP_RESIZE:
      check_proposal (self, self->op_start, fd_resource_drag_resize (self->op_start, pointer),
                      self->op_lane);
      break;

    case OP_CREATE:
      fd_resource_drag_range (self->grab, pointer, &start, &end);
      check_proposal (self, start, end, self->op_lane);
      break;

    case OP_NONE:
    case OP_PRESS_BAR:
    case OP_PRESS_EMPTY:
    case OP_KEYBOARD:
    default:
      break;
    }
}

static gboolean
autoscroll_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  FdResourceView *self = FD_RESOURCE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double elapsed = (now - self->autoscroll_time) / (double) G_USEC_PER_SEC;
  int height = gtk_widget_get_height (widget);
  double speed = 0;

  self->autoscroll_time = now;

  if (self->pointer_y < HEADER_HEIGHT + AUTOSCROLL_ZONE)
    speed = -(HEADER_HEIGHT + AUTOSCROLL_ZONE - self->pointer_y);
  else if (self->pointer_y > height - AUTOSCROLL_ZONE)
    speed = self->pointer_y - (height - AUTOSCROLL_ZONE);

  if (speed == 0 || (self->op != OP_MOVE && self->op != OP_CREATE))
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* up to about 20 lanes a second at the very edge */
  speed = CLAMP (speed, -AUTOSCROLL_ZONE * 2, AUTOSCROLL_ZONE * 2) * 20;
  gtk_adjustment_set_value (self->vadjustment,
                            get_scroll (self) + speed * MIN (elapsed, 0.1));
  update_drag (self);

  return G_SOURCE_CONTINUE;
}

static void
update_autoscroll (FdResourceView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean near = self->pointer_y < HEADER_HEIGHT + AUTOSCROLL_ZONE ||
                  self->pointer_y > height - AUTOSCROLL_ZONE;

  if (self->op != OP_MOVE && self->op != OP_CREATE)
    near = FALSE;

  if (near && self->autoscroll_id == 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      self->autoscroll_time = clock != NULL ? gdk_frame_clock_get_frame_time (clock)
                                            : g_get_monotonic_time ();
      self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_cb,
                                                          NULL, NULL);
    }
  else if (!near)
    {
      stop_autoscroll (self);
    }
}

/* Emits move-slot for the proposal if it changes anything, then ends */
static void
drop (FdResourceView *self)
{
  g_autoptr(FdSlot) slot = self->op_slot != NULL ? g_object_ref (self->op_slot) : NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *end_iso = NULL;
  g_autofree char *from = g_strdup (get_lane_id (self, self->op_lane));
  g_autofree char *to = g_strdup (get_lane_id (self, self->op_target));
  gboolean changed;

  changed = slot != NULL && self->new_start != G_MININT &&
            (self->new_start != self->op_start || self->new_end != self->op_end ||
             self->op_target != self->op_lane);

  if (changed)
    {
      start_iso = fd_resource_model_dup_iso (self->model, self->new_start);
      end_iso = fd_resource_model_dup_iso (self->model, self->new_end);
    }

  /* the page may change the slots while it handles the drop */
  end_operation (self);

  if (changed)
    fd_slot_view_emit_move (FD_SLOT_VIEW (self), slot, start_iso, end_iso, from, to);
}

static void
emit_create (FdResourceView *self)
{
  g_autofree char *start_iso = fd_resource_model_dup_iso (self->model, self->new_start);
  g_autofree char *end_iso = fd_resource_model_dup_iso (self->model, self->new_end);
  g_autofree char *lane = g_strdup (get_lane_id (self, self->op_lane));
  graphene_rect_t rect = get_bar_rect (self, (guint) self->op_lane, self->new_start,
                                       self->new_end, 0);
  GdkRectangle area = {
    (int) rect.origin.x, (int) get_lane_top (self, (guint) self->op_lane),
    (int) rect.size.width, fd_resource_model_get_lane_height (self->model, (guint) self->op_lane),
  };

  end_operation (self);
  fd_slot_view_emit_create (FD_SLOT_VIEW (self), start_iso, end_iso, lane, &area);
}

static void
activate_slot (FdResourceView *self,
               FdSlot         *slot)
{
  g_autoptr(FdSlot) ref = g_object_ref (slot);

  fd_slot_view_emit_activated (FD_SLOT_VIEW (self), ref);
}

/* Pointer */

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  FdResourceView *self)
{
  int lane, index;
  FdResourcePlacement *placement;
  FdResourceScale scale;
  graphene_rect_t rect;

  if (self->op == OP_KEYBOARD)
    end_operation (self);

  if (y < HEADER_HEIGHT || x < NAME_WIDTH || x >= get_content_width (self))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));

  lane = get_lane_at (self, y);
  if (lane < 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;

  index = get_placement_at (self, lane, x, y);
  placement = get_placement (self, lane, index);
  begin_operation (self, placement != NULL ? OP_PRESS_BAR : OP_PRESS_EMPTY, lane, placement);
  scale = get_scale (self);
  self->grab = fd_resource_scale_x_to_time (&scale, x, 1);
  self->press_on_edge = FALSE;

  if (placement != NULL)
    {
      rect = get_bar_rect (self, (guint) lane, placement->start, placement->end, placement->row);
      /* the right edge resizes */
      self->press_on_edge = x >= rect.origin.x + rect.size.width - EDGE_WIDTH &&
                            rect.size.width > 3 * EDGE_WIDTH;
      set_focus (self, lane, placement->slot);
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          offset_x,
                   double          offset_y,
                   FdResourceView *self)
{
  self->pointer_x = self->press_x + offset_x;
  self->pointer_y = self->press_y + offset_y;

  if (self->op == OP_PRESS_BAR || self->op == OP_PRESS_EMPTY)
    {
      if (hypot (offset_x, offset_y) < DRAG_THRESHOLD)
        return;

      if (self->op == OP_PRESS_EMPTY)
        self->op = OP_CREATE;
      else
        self->op = self->press_on_edge ? OP_RESIZE : OP_MOVE;
      self->new_start = G_MININT;
      self->new_end = G_MININT;
    }

  update_drag (self);
  update_autoscroll (self);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                FdResourceView *self)
{
  switch (self->op)
    {
    case OP_PRESS_BAR:
      {
        g_autoptr(FdSlot) slot = g_object_ref (self->op_slot);

        end_operation (self);
        activate_slot (self, slot);
      }
      break;

    case OP_MOVE:
    case OP_RESIZE:
      drop (self);
      break;

    case OP_CREATE:
      emit_create (self);
      break;

    case OP_PRESS_EMPTY:
      end_operation (self);
      break;

    case OP_NONE:
    case OP_KEYBOARD:
    default:
      break;
    }
}

static void
on_drag_cancel_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   FdResourceView   *self)
{
  if (self->op != OP_KEYBOARD)
    end_operation (self);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              FdResourceView           *self)
{
  double step;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    step = 1;
  else
    step = pow (gtk_adjustment_get_page_size (self->vadjustment), 2.0 / 3.0);

  gtk_adjustment_set_value (self->vadjustment, get_scroll (self) + dy * step);

  if (self->op == OP_MOVE || self->op == OP_CREATE)
    update_drag (self);

  return dy != 0;
}

static void
on_value_changed_cb (GtkAdjustment  *adjustment,
                     FdResourceView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Keyboard */

static void
step_keyboard_move (FdResourceView *self,
                    int             delta_start,
                    int             delta_end,
                    int             delta_lane)
{
  int n_lanes = (int) fd_resource_model_get_n_lanes (self->model);
  int start = self->new_start + delta_start;
  int end = self->new_end + delta_start + delta_end;
  int target = CLAMP (self->op_target + delta_lane, 0, n_lanes - 1);

  if (start < 0 || start >= FD_RESOURCE_WEEK || end - start < FD_RESOURCE_SNAP)
    return;

  check_proposal (self, start, end, target);
  scroll_lane_into_view (self, (guint) target);
}

static gboolean
handle_move_key (FdResourceView  *self,
                 guint            keyval,
                 GdkModifierType  state)
{
  int minutes = (state & GDK_CONTROL_MASK) ? 24 * 60 : FD_RESOURCE_SNAP;
  gboolean resize = (state & GDK_SHIFT_MASK) != 0;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step_keyboard_move (self, resize ? 0 : -minutes, resize ? -FD_RESOURCE_SNAP : 0, 0);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step_keyboard_move (self, resize ? 0 : minutes, resize ? FD_RESOURCE_SNAP : 0, 0);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step_keyboard_move (self, 0, 0, -1);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step_keyboard_move (self, 0, 0, 1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      drop (self);
      return TRUE;

    case GDK_KEY_Escape:
      end_operation (self);
      return TRUE;

    default:
      /* other keys do nothing while moving, rather than leave the move */
      return TRUE;
    }
}

static void
begin_keyboard_move (FdResourceView *self)
{
  FdResourcePlacement *placement = get_focused (self, NULL);
  int start, end;

  if (placement == NULL)
    return;

  begin_operation (self, OP_KEYBOARD, self->focus_lane, placement);
  start = placement->start;
  end = placement->end;
  self->new_start = start;
  self->new_end = end;
  self->op_target = self->focus_lane;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FdResourceView        *self)
{
  FdResourcePlacement *focused;

  if (self->op == OP_KEYBOARD)
    return handle_move_key (self, keyval, state);

  if (self->op != OP_NONE)
    {
      if (keyval == GDK_KEY_Escape)
        {
          end_operation (self);
          gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
        }
      return TRUE;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  focused = get_focused (self, NULL);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return focus_next (self, -1);

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return focus_next (self, 1);

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return focus_vertically (self, -1);

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return focus_vertically (self, 1);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (focused == NULL)
        return FALSE;
      activate_slot (self, focused->slot);
      return TRUE;

    case GDK_KEY_m:
    case GDK_KEY_M:
      if (focused == NULL)
        return FALSE;
      begin_keyboard_move (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   FdResourceView          *self)
{
  if (self->op == OP_KEYBOARD)
    end_operation (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
fd_resource_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  FdResourceView *self = FD_RESOURCE_VIEW (widget);
  FdResourcePlacement *placement;
  g_autofree char *text = NULL;
  graphene_rect_t rect;
  int lane;

  if (self->op != OP_NONE)
    return FALSE;

  if (keyboard_mode)
    {
      placement = get_focused (self, NULL);
      lane = self->focus_lane;
    }
  else
    {
      if (y < HEADER_HEIGHT || x < NAME_WIDTH)
        return FALSE;
      lane = get_lane_at (self, y);
      placement = get_placement (self, lane, get_placement_at (self, lane, x, y));
    }

  if (placement == NULL)
    return FALSE;

  text = fd_slot_view_dup_slot_tooltip (placement->slot, self->conflicted, NULL);
  rect = get_bar_rect (self, (guint) lane, placement->start, placement->end, placement->row);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) rect.origin.x, (int) rect.origin.y,
                              (int) rect.size.width, (int) rect.size.height });

  return TRUE;
}

/* FdSlotView */

static FdCalendarPeriod
fd_resource_view_get_period (FdSlotView *view)
{
  return FD_CALENDAR_PERIOD_WEEK;
}

static FdSlotViewLanes
fd_resource_view_get_lanes (FdSlotView *view)
{
  return FD_RESOURCE_VIEW (view)->lanes;
}

static void
slots_changed (FdResourceView *self)
{
  if (self->op != OP_NONE && self->op_slot != NULL &&
      fd_resource_model_lookup_slot (self->model,
                                     fd_record_get_id (FD_RECORD (self->op_slot))) == NULL)
    end_operation (self);

  update_adjustment (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_resource_view_set_date (FdSlotView  *view,
                           const GDate *date)
{
  FdResourceView *self = FD_RESOURCE_VIEW (view);

  if (!fd_resource_model_set_week (self->model, date))
    return;

  end_operation (self);
  set_focus (self, -1, NULL);
  g_hash_table_remove_all (self->bar_layouts);
  invalidate_header (self);
  slots_changed (self);
}

static void
fd_resource_view_set_today (FdSlotView  *view,
                            const GDate *today)
{
  FdResourceView *self = FD_RESOURCE_VIEW (view);

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_resource_view_set_slots (FdSlotView *view,
                            GPtrArray  *slots)
{
  FdResourceView *self = FD_RESOURCE_VIEW (view);

  fd_resource_model_set_slots (self->model, slots);
  g_hash_table_remove_all (self->bar_layouts);
  slots_changed (self);
}

static void
fd_resource_view_add_slot (FdSlotView *view,
                           FdSlot     *slot)
{
  FdResourceView *self = FD_RESOURCE_VIEW (view);

  g_hash_table_remove (self->bar_layouts, fd_record_get_id (FD_RECORD (slot)));
  fd_resource_model_add_slot (self->model, slot);
  slots_changed (self);
}

static void
fd_resource_view_remove_slot (FdSlotView *view,
                              const char *slot_id)
{
  FdResourceView *self = FD_RESOURCE_VIEW (view);

  g_hash_table_remove (self->bar_layouts, slot_id);
  if (fd_resource_model_remove_slot (self->model, slot_id))
    slots_changed (self);
}

static void
fd_resource_view_set_marks (FdSlotView *view,
                            GHashTable *conflicted,
                            GHashTable *holidays)
{
  FdResourceView *self = FD_RESOURCE_VIEW (view);

  if (conflicted != NULL)
    g_hash_table_ref (conflicted);
  if (holidays != NULL)
    g_hash_table_ref (holidays);
  g_clear_pointer (&self->conflicted, g_hash_table_unref);
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  self->conflicted = conflicted;
  self->holidays = holidays;

  invalidate_header (self);
}

/* The lane a slot is best shown in: the focused one, else the first */
static int
get_slot_lane (FdResourceView *self,
               const char     *slot_id)
{
  guint lanes[1];

  if (g_strcmp0 (self->focus_id, slot_id) == 0 && get_focused (self, NULL) != NULL)
    return self->focus_lane;

  if (fd_resource_model_get_slot_lanes (self->model, slot_id, lanes, 1) == 0)
    return -1;

  return (int) lanes[0];
}

static gboolean
fd_resource_view_get_slot_area (FdSlotView   *view,
                                const char   *slot_id,
                                GdkRectangle *area)
{
  FdResourceView *self = FD_RESOURCE_VIEW (view);
  int lane = get_slot_lane (self, slot_id);
  FdResourcePlacement *placement;
  graphene_rect_t rect;

  if (lane < 0)
    return FALSE;

  placement = get_placement (self, lane, fd_resource_model_find_placement (self->model,
                                                                           (guint) lane, slot_id));
  if (placement == NULL)
    return FALSE;

  /* a popover points at it: show it */
  scroll_lane_into_view (self, (guint) lane);
  rect = get_bar_rect (self, (guint) lane, placement->start, placement->end, placement->row);
  *area = (GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                           (int) rect.size.width, (int) rect.size.height };

  return TRUE;
}

static gboolean
fd_resource_view_focus_slot (FdSlotView *view,
                             const char *slot_id)
{
  FdResourceView *self = FD_RESOURCE_VIEW (view);
  int lane = get_slot_lane (self, slot_id);
  FdSlot *slot = fd_resource_model_lookup_slot (self->model, slot_id);

  if (lane < 0 || slot == NULL)
    return FALSE;

  set_focus (self, lane, slot);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  return TRUE;
}

static void
fd_resource_view_slot_view_init (FdSlotViewInterface *iface)
{
  iface->get_period = fd_resource_view_get_period;
  iface->get_lanes = fd_resource_view_get_lanes;
  iface->set_date = fd_resource_view_set_date;
  iface->set_today = fd_resource_view_set_today;
  iface->set_slots = fd_resource_view_set_slots;
  iface->add_slot = fd_resource_view_add_slot;
  iface->update_slot = fd_resource_view_add_slot;
  iface->remove_slot = fd_resource_view_remove_slot;
  iface->set_marks = fd_resource_view_set_marks;
  iface->get_slot_area = fd_resource_view_get_slot_area;
  iface->focus_slot = fd_resource_view_focus_slot;
}

/* GtkWidget */

static void
fd_resource_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  FdResourceView *self = FD_RESOURCE_VIEW (widget);
  int bar_min = 0, bar_nat = 0;

  gtk_widget_measure (self->scrollbar, orientation, -1, &bar_min, &bar_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = NAME_WIDTH + FD_RESOURCE_N_DAYS * MIN_DAY_WIDTH + bar_min;
      *natural = NAME_WIDTH + FD_RESOURCE_N_DAYS * NAT_DAY_WIDTH + bar_nat;
    }
  else
    {
      int lanes = fd_resource_model_get_height (self->model);

      *minimum = HEADER_HEIGHT + 3 * (ROW_HEIGHT + 2 * LANE_PADDING);
      *natural = HEADER_HEIGHT + CLAMP (lanes, *minimum - HEADER_HEIGHT, 600);
    }
}

static void
fd_resource_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  FdResourceView *self = FD_RESOURCE_VIEW (widget);
  int bar_width = 0;

  /* before the scrollbar lays its slider out */
  configure_adjustment (self, height);

  gtk_widget_measure (self->scrollbar, GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &bar_width, NULL, NULL);
  gtk_widget_size_allocate (self->scrollbar,
                            &(GtkAllocation) { width - bar_width, HEADER_HEIGHT,
                                               bar_width, MAX (0, height - HEADER_HEIGHT) },
                            -1);

  ensure_header (self);
}

static void
fd_resource_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  FdResourceView *self = FD_RESOURCE_VIEW (widget);

  GTK_WIDGET_CLASS (fd_resource_view_parent_class)->css_changed (widget, change);

  /* the font may have changed */
  forget_layouts (self);
}

static void
fd_resource_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdResourceView *self = FD_RESOURCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LANES:
      g_value_set_enum (value, self->lanes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_lane_kind (FdResourceView  *self,
               FdSlotViewLanes  lanes)
{
  if (lanes == FD_SLOT_VIEW_LANES_DAYS)
    {
      g_warning ("A resource view has a lane per trainer or per room, not per day");
      lanes = FD_SLOT_VIEW_LANES_TRAINERS;
    }

  if (self->lanes == lanes)
    return;

  self->lanes = lanes;
  end_operation (self);
  set_focus (self, -1, NULL);
  fd_resource_model_set_by (self->model, lanes == FD_SLOT_VIEW_LANES_ROOMS
                                         ? FD_RESOURCE_BY_ROOM : FD_RESOURCE_BY_TRAINER);
  forget_layouts (self);
  slots_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

static void
fd_resource_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FdResourceView *self = FD_RESOURCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LANES:
      set_lane_kind (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_resource_view_dispose (GObject *object)
{
  FdResourceView *self = FD_RESOURCE_VIEW (object);
  GtkWidget *child;

  stop_autoscroll (self);
  g_clear_object (&self->op_slot);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->scrollbar = NULL;

  for (guint i = 0; i < FD_RESOURCE_N_DAYS; i++)
    {
      g_clear_object (&self->day_layouts[i]);
      g_clear_object (&self->holiday_layouts[i]);
    }
  if (self->name_layouts != NULL)
    g_hash_table_remove_all (self->name_layouts);
  if (self->bar_layouts != NULL)
    g_hash_table_remove_all (self->bar_layouts);
  g_clear_pointer (&self->conflicted, g_hash_table_unref);
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (fd_resource_view_parent_class)->dispose (object);
}

static void
fd_resource_view_finalize (GObject *object)
{
  FdResourceView *self = FD_RESOURCE_VIEW (object);

  g_clear_pointer (&self->model, fd_resource_model_free);
  g_clear_pointer (&self->name_layouts, g_hash_table_unref);
  g_clear_pointer (&self->bar_layouts, g_hash_table_unref);
  g_free (self->focus_id);
  g_free (self->message);

  G_OBJECT_CLASS (fd_resource_view_parent_class)->finalize (object);
}

static void
fd_resource_view_class_init (FdResourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_resource_view_dispose;
  object_class->finalize = fd_resource_view_finalize;
  object_class->get_property = fd_resource_view_get_property;
  object_class->set_property = fd_resource_view_set_property;

  widget_class->measure = fd_resource_view_measure;
  widget_class->size_allocate = fd_resource_view_size_allocate;
  widget_class->snapshot = fd_resource_view_snapshot;
  widget_class->focus = fd_resource_view_focus;
  widget_class->query_tooltip = fd_resource_view_query_tooltip;
  widget_class->css_changed = fd_resource_view_css_changed;

  /**
   * FdResourceView:lanes:
   *
   * What the lanes are: %FD_SLOT_VIEW_LANES_TRAINERS or
   * %FD_SLOT_VIEW_LANES_ROOMS. The page gives the matching lanes with
   * fd_resource_view_set_lanes().
   */
  properties[PROP_LANES] =
    g_param_spec_enum ("lanes", NULL, NULL,
                       FD_TYPE_SLOT_VIEW_LANES, FD_SLOT_VIEW_LANES_TRAINERS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "resourceview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
create_swatch (FdResourceView *self,
               const char     *css_class,
               const char     *more)
{
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (swatch, css_class);
  if (more != NULL)
    gtk_widget_add_css_class (swatch, more);
  gtk_widget_set_child_visible (swatch, FALSE);
  gtk_widget_set_can_target (swatch, FALSE);
  gtk_widget_set_parent (swatch, GTK_WIDGET (self));

  return swatch;
}

static void
fd_resource_view_init (FdResourceView *self)
{
  GtkGesture *drag;
  GtkEventController *controller;

  self->lanes = FD_SLOT_VIEW_LANES_TRAINERS;
  self->model = fd_resource_model_new (FD_RESOURCE_BY_TRAINER);
  fd_resource_model_set_metrics (self->model, ROW_HEIGHT, LANE_PADDING);
  g_date_clear (&self->today, 1);
  self->focus_lane = -1;
  self->op_lane = -1;
  self->op_target = -1;

  self->name_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->bar_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < N_SWATCHES; i++)
    self->swatches[i] = create_swatch (self, swatch_classes[i],
                                       i == SWATCH_CONFLICTED ? "bar" : NULL);
  for (guint i = 0; i < N_COLORS; i++)
    self->colors[i] = create_swatch (self, "bar", fd_slot_view_get_color_class (i));

  self->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_object (self->vadjustment, "value-changed",
                           G_CALLBACK (on_value_changed_cb), self, 0);
  self->scrollbar = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, self->vadjustment);
  gtk_widget_set_parent (self->scrollbar, GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self, 0);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self, 0);
  self->drag = drag;
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * fd_resource_view_new:
 * @lanes: %FD_SLOT_VIEW_LANES_TRAINERS or %FD_SLOT_VIEW_LANES_ROOMS
 *
 * Returns: (transfer floating): a resource week on the current week, with
 *   no lanes until fd_resource_view_set_lanes()
 */
GtkWidget *
fd_resource_view_new (FdSlotViewLanes lanes)
{
  return g_object_new (FD_TYPE_RESOURCE_VIEW, "lanes", lanes, NULL);
}

/**
 * fd_resource_view_set_lanes:
 * @self: a #FdResourceView
 * @lanes: (nullable) (element-type FdResourceLane): the lanes to show, in
 *   order: fd_database_list_trainer_lanes() or
 *   fd_database_list_room_lanes(), or only some of them (the lanes of one
 *   place, one trainer)
 *
 * The slots shown are placed again in the new lanes; those in none of
 * them are not shown. The view takes references on the lanes.
 */
void
fd_resource_view_set_lanes (FdResourceView *self,
                            GPtrArray      *lanes)
{
  g_autofree char *focus_lane_id = NULL;

  g_return_if_fail (FD_IS_RESOURCE_VIEW (self));

  focus_lane_id = g_strdup (get_lane_id (self, self->focus_lane));

  end_operation (self);
  fd_resource_model_set_lanes (self->model, lanes);
  g_hash_table_remove_all (self->name_layouts);

  /* keep the focused bar where it still is */
  self->focus_lane = fd_resource_model_find_lane (self->model, focus_lane_id);
  if (self->focus_lane < 0 || get_focused (self, NULL) == NULL)
    set_focus (self, -1, NULL);

  slots_changed (self);
}

guint
fd_resource_view_get_n_lanes (FdResourceView *self)
{
  g_return_val_if_fail (FD_IS_RESOURCE_VIEW (self), 0);

  return fd_resource_model_get_n_lanes (self->model);
}

/**
 * fd_resource_view_get_vadjustment:
 *
 * Returns: (transfer none): the adjustment of the lanes' scrolling, in
 *   pixels from the top of the first lane
 */
GtkAdjustment *
fd_resource_view_get_vadjustment (FdResourceView *self)
{
  g_return_val_if_fail (FD_IS_RESOURCE_VIEW (self), NULL);

  return self->vadjustment;
}

/**
 * fd_resource_view_scroll_to_lane:
 * @self: a #FdResourceView
 * @lane_id: a trainer's or room's id
 *
 * Scrolls so the lane is at the top (or as high as the end allows).
 *
 * Returns: %FALSE if there is no such lane
 */
gboolean
fd_resource_view_scroll_to_lane (FdResourceView *self,
                                 const char     *lane_id)
{
  int lane;

  g_return_val_if_fail (FD_IS_RESOURCE_VIEW (self), FALSE);
  g_return_val_if_fail (lane_id != NULL, FALSE);

  lane = fd_resource_model_find_lane (self->model, lane_id);
  if (lane < 0)
    return FALSE;

  update_adjustment (self);
  gtk_adjustment_set_value (self->vadjustment,
                            fd_resource_model_get_lane_y (self->model, (guint) lane));

  return TRUE;
}

guint
_fd_resource_view_get_first_visible_lane (FdResourceView *self)
{
  g_return_val_if_fail (FD_IS_RESOURCE_VIEW (self), 0);

  return self->first_visible;
}

guint
_fd_resource_view_get_n_layouts_made (FdResourceView *self)
{
  g_return_val_if_fail (FD_IS_RESOURCE_VIEW (self), 0);

  return self->n_layouts_made;
}

guint
_fd_resource_view_get_n_layouts_cached (FdResourceView *self)
{
  g_return_val_if_fail (FD_IS_RESOURCE_VIEW (self), 0);

  return g_hash_table_size (self->name_layouts);
}

gint64
_fd_resource_view_get_last_snapshot_usec (FdResourceView *self)
{
  g_return_val_if_fail (FD_IS_RESOURCE_VIEW (self), 0);

  return self->last_snapshot_usec;
}

/* The message drawn by the ghost of a drag, red when set (a conflict or
 * a refusal), %NULL when the drop is free or nothing is dragged */
const char *
_fd_resource_view_get_message (FdResourceView *self)
{
  g_return_val_if_fail (FD_IS_RESOURCE_VIEW (self), NULL);

  return self->message;
}

/* Where the time @iso is in the first sub-row of the lane of @lane_id, in
 * the view's coordinates */
gboolean
_fd_resource_view_get_point (FdResourceView *self,
                             const char     *lane_id,
                             const char     *iso,
                             double         *x,
                             double         *y)
{
  FdResourceScale scale;
  int lane, minutes;

  g_return_val_if_fail (FD_IS_RESOURCE_VIEW (self), FALSE);

  lane = fd_resource_model_find_lane (self->model, lane_id);
  if (lane < 0 || !fd_resource_model_iso_to_minutes (self->model, iso, &minutes))
    return FALSE;

  scale = get_scale (self);
  *x = fd_resource_scale_time_to_x (&scale, minutes);
  *y = get_lane_top (self, (guint) lane) + LANE_PADDING + ROW_HEIGHT / 2.0;

  return TRUE;
}
