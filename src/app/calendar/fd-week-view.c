/* fd-week-view.c — a week or a day of slots on a time grid
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-week-view.h"

#include <math.h>

#include "fd-format.h"
#include "fd-time-grid-model.h"

/*
 * FdWeekView:
 *
 * The calendar's week and day pages: a header of days, an hour column and
 * 24 hours of quarter lines, with each slot a block at its times; slots
 * that overlap are packed side by side (FdTimeGridModel decides where).
 * It is a GtkScrollable: the page puts it in a GtkScrolledWindow, and the
 * header stays pinned while the hours scroll (get_border() keeps the
 * scrollbar below it). It opens on 08:00.
 *
 * Blocks are drawn in snapshot(), not made of widgets. A week of the large
 * demo holds about 270 slots, up to 30 overlapping at once: measured here
 * (tests/bench-week-view.c, cairo renderer under Xvfb), a page change with
 * one GtkButton + GtkInscription per block took about 11 ms to create,
 * measure and allocate its 270 children before drawing, while drawing
 * from a cached PangoLayout per slot (made when the slot is first drawn,
 * so only for the hours in sight) fits the 8 ms budget with the frame.
 * What widgets would give for free is done by hand: hit testing, a tooltip
 * per block, and keyboard focus (Tab and the arrows move between blocks,
 * drawn with a focus ring; the view itself holds the focus).
 *
 * The few real children are the day headers, the message shown beside a
 * moved block, the popover listing what a "+N" button hides, and hidden
 * "swatches": one styled box per kind of thing drawn (the 8 session
 * colours, a conflict, the focus, the ghost of a move, a selection, the
 * lines), whose CSS snapshot() renders, so ui/style.css alone says how it
 * all looks, in light and dark.
 *
 * Moving: a drag (or "m" then the arrows on a focused block) shows a ghost
 * snapped to a quarter of an hour, asks #FdSlotView::check-move at each
 * step and shows its answer beside the ghost; the release (or Enter)
 * emits #FdSlotView::move-slot, Escape cancels. The bottom edge of a block
 * resizes it. A drag over empty hours selects a range for
 * #FdSlotView::create-slot.
 */

#define HOUR_HEIGHT      48.0
#define HOUR_WIDTH       56
#define MIN_BLOCK_WIDTH  40.0
#define NAT_DAY_WIDTH    150
#define MIN_HEADER       36
#define DAY_MARGIN       2.0   /* between a day's edge and its blocks */
#define BLOCK_GAP        1.0
#define BLOCK_PADDING    4.0
#define RESIZE_EDGE      6.0
#define OPENING_HOUR     8
#define N_PALETTE        FD_SLOT_VIEW_N_COLORS
#define MAX_DAYS         7

#define MAX_BLOCK_LINES  4
#define MAX_LINE_LAYOUTS 2048

#define DAY_MINUTES FD_TIME_GRID_DAY_MINUTES
#define STEP        FD_TIME_GRID_STEP

typedef enum
{
  SWATCH_CONFLICT = N_PALETTE,
  SWATCH_FOCUS,
  SWATCH_GHOST,
  SWATCH_SELECTION,
  SWATCH_OVERFLOW,
  SWATCH_TODAY,
  SWATCH_WEEKEND,
  SWATCH_HOLIDAY,
  SWATCH_HOUR_LINE,
  SWATCH_QUARTER_LINE,
  SWATCH_HEADER,
  N_SWATCHES
} Swatch;

/* after the palette's (fd_slot_view_get_color_class()) */
static const char * const swatch_classes[N_SWATCHES - N_PALETTE] = {
  "conflict", "focus", "ghost", "selection", "overflow",
  "today", "weekend", "holiday", "hour-line", "quarter-line", "header",
};

typedef enum
{
  MODE_NONE,
  MODE_PRESSED_BLOCK,     /* a click on a block, until it moves */
  MODE_PRESSED_EDGE,      /* the same, on its bottom edge */
  MODE_PRESSED_EMPTY,
  MODE_PRESSED_OVERFLOW,
  MODE_MOVE,
  MODE_RESIZE,
  MODE_SELECT,
  MODE_KEY_MOVE,
} Mode;

/* The lines of a slot's block for one shape (how many lines, narrow) */
typedef struct
{
  guint shape;
  char *lines[MAX_BLOCK_LINES];
} BlockText;

struct _FdWeekView
{
  GtkWidget parent_instance;

  guint n_days;
  FdTimeGridModel *model;
  GHashTable *slots;           /* id → FdSlot */
  GHashTable *texts;           /* FdSlot → BlockText, made when drawn */
  GHashTable *line_layouts;    /* "width markup" → PangoLayout, see get_line_layout() */
  GHashTable *conflicted;      /* slot id → message */
  GHashTable *holidays;        /* ISO day → name */
  GDate today;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;
  guint scrolled_once : 1;

  GtkWidget *day_labels[MAX_DAYS];
  GtkWidget *holiday_labels[MAX_DAYS];
  GtkWidget *swatches[N_SWATCHES];
  GtkWidget *message_label;
  PangoLayout *hour_layouts[24];
  PangoFontDescription *font;  /* the layouts' */

  GtkWidget *overflow_popover;
  GtkWidget *overflow_title;
  GtkWidget *overflow_list;

  int header_height;

  /* the pointer's or the keyboard's move */
  Mode mode;
  FdSlot *moved;
  double press_x;
  double press_y;
  guint press_day;
  int press_minutes;           /* in the pressed day */
  guint press_cluster;
  int orig_start;              /* page minutes */
  int orig_end;
  int grab_offset;
  int ghost_start;
  int ghost_end;
  char *message;

  char *focus_id;
};

static void fd_week_view_scrollable_init (GtkScrollableInterface *iface);
static void fd_week_view_slot_view_init  (FdSlotViewInterface    *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdWeekView, fd_week_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      fd_week_view_scrollable_init)
                               G_IMPLEMENT_INTERFACE (FD_TYPE_SLOT_VIEW,
                                                      fd_week_view_slot_view_init))

enum {
  PROP_0,
  PROP_N_DAYS,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static const char *
slot_get_start (gpointer item)
{
  return fd_slot_get_start_at (item);
}

static const char *
slot_get_end (gpointer item)
{
  return fd_slot_get_end_at (item);
}

static const char *
slot_get_id (FdSlot *slot)
{
  return fd_record_get_id (FD_RECORD (slot));
}

static guint
get_palette_index (FdSlot *slot)
{
  return fd_slot_view_get_color_index (fd_slot_get_session_id (slot));
}

static GtkStyleContext *
get_swatch (FdWeekView *self,
            guint       swatch)
{
  g_assert (swatch < N_SWATCHES);

  return gtk_widget_get_style_context (self->swatches[swatch]);
}

static void
get_swatch_color (FdWeekView *self,
                  guint       swatch,
                  GdkRGBA    *color)
{
  gtk_style_context_get_color (get_swatch (self, swatch), color);
}

/* Geometry */

static double
get_day_width (FdWeekView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return MAX (0.0, (double) (width - HOUR_WIDTH) / self->n_days);
}

static double
get_day_x (FdWeekView *self,
           guint       day)
{
  return HOUR_WIDTH + day * get_day_width (self);
}

static double
get_scroll (FdWeekView *self)
{
  return gtk_adjustment_get_value (self->vadjustment);
}

/* Where @minutes of any day are drawn, in the view's coordinates */
static double
get_minutes_y (FdWeekView *self,
               int         minutes)
{
  return self->header_height + fd_time_grid_minutes_to_y (minutes, HOUR_HEIGHT)
         - get_scroll (self);
}

static guint
get_max_columns (FdWeekView *self)
{
  return fd_time_grid_max_columns (get_day_width (self) - 2 * DAY_MARGIN, MIN_BLOCK_WIDTH);
}

static double
get_column_width (FdWeekView *self,
                  guint       n_columns,
                  guint       max_columns)
{
  guint columns = MIN (n_columns, max_columns);

  return (get_day_width (self) - 2 * DAY_MARGIN) / MAX (columns, 1);
}

static void
get_block_rect (FdWeekView            *self,
                const FdTimeGridBlock *block,
                guint                  max_columns,
                graphene_rect_t       *rect)
{
  double column_width = get_column_width (self, block->n_columns, max_columns);
  double top = get_minutes_y (self, block->start);
  double bottom = get_minutes_y (self, block->end);

  graphene_rect_init (rect,
                      get_day_x (self, block->day) + DAY_MARGIN + block->column * column_width,
                      top + BLOCK_GAP,
                      column_width - BLOCK_GAP,
                      MAX (bottom - top - 2 * BLOCK_GAP, 8.0));
}

/* The "+N" button of a day's cluster, if its columns do not all fit */
static gboolean
get_overflow_rect (FdWeekView      *self,
                   guint            day,
                   guint            cluster,
                   guint            max_columns,
                   guint           *n_hidden,
                   graphene_rect_t *rect)
{
  GArray *blocks = fd_time_grid_model_get_blocks (self->model, day);
  int start = DAY_MINUTES, end = 0;
  guint n_columns = 0;
  guint shown;
  double column_width;

  for (guint i = 0; i < blocks->len; i++)
    {
      const FdTimeGridBlock *block = &g_array_index (blocks, FdTimeGridBlock, i);

      if (block->cluster != cluster)
        continue;

      start = MIN (start, block->start);
      end = MAX (end, block->end);
      n_columns = block->n_columns;
    }

  if (n_columns <= max_columns)
    return FALSE;

  shown = fd_time_grid_shown_columns (n_columns, max_columns);
  column_width = get_column_width (self, n_columns, max_columns);
  graphene_rect_init (rect,
                      get_day_x (self, day) + DAY_MARGIN + shown * column_width,
                      get_minutes_y (self, start) + BLOCK_GAP,
                      column_width - BLOCK_GAP,
                      MAX (get_minutes_y (self, end) - get_minutes_y (self, start)
                           - 2 * BLOCK_GAP, 8.0));
  if (n_hidden != NULL)
    *n_hidden = fd_time_grid_model_count_hidden (self->model, day, cluster, max_columns);

  return TRUE;
}

static void
rect_to_area (const graphene_rect_t *rect,
              GdkRectangle          *area)
{
  area->x = (int) floor (rect->origin.x);
  area->y = (int) floor (rect->origin.y);
  area->width = (int) ceil (rect->size.width);
  area->height = (int) ceil (rect->size.height);
}

/* Which day and minute a point is over, clamped to the grid */
static void
get_point_time (FdWeekView *self,
                double      x,
                double      y,
                guint      *day,
                int        *minutes)
{
  double day_width = get_day_width (self);
  double day_index = day_width > 0 ? floor ((x - HOUR_WIDTH) / day_width) : 0;

  *day = (guint) CLAMP (day_index, 0, self->n_days - 1);
  *minutes = fd_time_grid_y_to_minutes (y - self->header_height + get_scroll (self),
                                        HOUR_HEIGHT);
}

static const FdTimeGridBlock *
find_block_at (FdWeekView      *self,
               double           x,
               double           y,
               graphene_rect_t *out_rect)
{
  guint max_columns = get_max_columns (self);
  guint day;
  int minutes;
  GArray *blocks;

  if (x < HOUR_WIDTH || y < self->header_height)
    return NULL;

  get_point_time (self, x, y, &day, &minutes);
  blocks = fd_time_grid_model_get_blocks (self->model, day);

  for (guint i = 0; i < blocks->len; i++)
    {
      const FdTimeGridBlock *block = &g_array_index (blocks, FdTimeGridBlock, i);
      graphene_rect_t rect;

      if (!fd_time_grid_block_is_shown (block, max_columns))
        continue;

      get_block_rect (self, block, max_columns, &rect);
      if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (out_rect != NULL)
            *out_rect = rect;
          return block;
        }
    }

  return NULL;
}

static gboolean
find_overflow_at (FdWeekView *self,
                  double      x,
                  double      y,
                  guint      *out_day,
                  guint      *out_cluster)
{
  guint max_columns = get_max_columns (self);
  guint day;
  int minutes;

  if (x < HOUR_WIDTH || y < self->header_height)
    return FALSE;

  get_point_time (self, x, y, &day, &minutes);
  for (guint cluster = 0; cluster < fd_time_grid_model_get_n_clusters (self->model, day); cluster++)
    {
      graphene_rect_t rect;

      if (get_overflow_rect (self, day, cluster, max_columns, NULL, &rect) &&
          graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          *out_day = day;
          *out_cluster = cluster;
          return TRUE;
        }
    }

  return FALSE;
}

/* The first block of @slot shown, and its rectangle */
static const FdTimeGridBlock *
find_slot_block (FdWeekView      *self,
                 FdSlot          *slot,
                 graphene_rect_t *rect)
{
  guint max_columns = get_max_columns (self);

  for (guint day = 0; day < self->n_days; day++)
    {
      GArray *blocks = fd_time_grid_model_get_blocks (self->model, day);

      for (guint i = 0; i < blocks->len; i++)
        {
          const FdTimeGridBlock *block = &g_array_index (blocks, FdTimeGridBlock, i);

          if (block->item != slot)
            continue;

          if (fd_time_grid_block_is_shown (block, max_columns))
            get_block_rect (self, block, max_columns, rect);
          else
            get_overflow_rect (self, day, block->cluster, max_columns, NULL, rect);

          return block;
        }
    }

  return NULL;
}

/* Text */

/* What a block says, in as many lines as it has room for (each line is
 * shaped, so a short or narrow block spares the frame the others): the
 * time and session code, the label, the room (or place), the trainers.
 * Each line is a markup of its own, NULL where there is nothing to say. */
static void
dup_block_lines (FdSlot   *slot,
                 guint     n_lines,
                 gboolean  narrow,
                 char     *lines[MAX_BLOCK_LINES])
{
  g_autofree char *range = NULL;
  const char *code = fd_slot_get_session_code (slot);
  const char *label = fd_slot_get_session_label (slot);
  const char *room = fd_slot_get_room_name (slot);
  const char *place = fd_slot_get_place_name (slot);
  const char *trainers = fd_slot_get_trainer_names (slot);
  GString *first = g_string_new (NULL);

  range = narrow ? fd_format_time (fd_slot_get_start_at (slot))
                 : fd_format_time_range (fd_slot_get_start_at (slot), fd_slot_get_end_at (slot));

  g_string_append_printf (first, "<span font_size=\"small\"><b>%s</b>", range != NULL ? range : "");
  if (!narrow && code != NULL && *code != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (code, -1);

      g_string_append_printf (first, " <span alpha=\"70%%\">%s</span>", escaped);
    }
  g_string_append (first, "</span>");
  lines[0] = g_string_free (first, FALSE);

  lines[1] = n_lines > 1 && label != NULL && *label != '\0'
             ? g_markup_printf_escaped ("<span font_size=\"small\">%s</span>", label)
             : NULL;
  lines[2] = n_lines > 2 && ((room != NULL && *room != '\0') || (place != NULL && *place != '\0'))
             ? g_markup_printf_escaped ("<span font_size=\"small\" alpha=\"75%%\">%s</span>",
                                        room != NULL && *room != '\0' ? room : place)
             : NULL;
  lines[3] = n_lines > 3 && trainers != NULL && *trainers != '\0'
             ? g_markup_printf_escaped ("<span font_size=\"small\" alpha=\"75%%\">%s</span>",
                                        trainers)
             : NULL;
}

static void
block_text_free (BlockText *text)
{
  for (guint i = 0; i < MAX_BLOCK_LINES; i++)
    g_free (text->lines[i]);
  g_free (text);
}

#define LINE_HEIGHT   14.0   /* a line of small text, about */
#define NARROW_BLOCK  80.0   /* narrower, a block shows its start only */

/* The lines @slot shows in a block of that size, made once per shape */
static const BlockText *
get_block_text (FdWeekView *self,
                FdSlot     *slot,
                double      width,
                double      height)
{
  BlockText *text = g_hash_table_lookup (self->texts, slot);
  guint n_lines = (guint) CLAMP (floor ((height - BLOCK_PADDING) / LINE_HEIGHT), 1,
                                 MAX_BLOCK_LINES);
  gboolean narrow = width < NARROW_BLOCK;
  guint shape = n_lines * 2 + (narrow ? 1 : 0);

  if (text == NULL || text->shape != shape)
    {
      text = g_new0 (BlockText, 1);
      text->shape = shape;
      dup_block_lines (slot, n_lines, narrow, text->lines);
      g_hash_table_insert (self->texts, slot, text);
    }

  return text;
}

/* A line of text shaped for @width (Pango units), ellipsized: the same
 * line at the same width, in any block and on any page (a session's
 * label, room and trainers, a time shared by a column of narrow blocks),
 * is shaped once. Shaping is most of what drawing a page of blocks costs:
 * the cache is dropped when the font changes or when it grows past
 * MAX_LINE_LAYOUTS. */
static PangoLayout *
get_line_layout (FdWeekView *self,
                 const char *markup,
                 int         width)
{
  g_autofree char *key = g_strdup_printf ("%d %s", width, markup);
  PangoLayout *layout = g_hash_table_lookup (self->line_layouts, key);

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->line_layouts) >= MAX_LINE_LAYOUTS)
    g_hash_table_remove_all (self->line_layouts);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (layout, markup, -1);
  /* one line, ellipsized: wrapping every label into 40 px columns costs
   * more than the frame has */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, width);
  g_hash_table_insert (self->line_layouts, g_steal_pointer (&key), layout);

  return layout;
}

/* The day headers */

static void
dup_day_iso (FdWeekView *self,
             guint       day,
             char        iso[11])
{
  GDate date = *fd_time_grid_model_get_first (self->model);

  g_date_add_days (&date, day);
  g_snprintf (iso, 11, "%04u-%02u-%02u",
              (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date),
              (guint) g_date_get_day (&date));
}

/* Setting a tooltip asks the display where the pointer is (a round trip
 * to the X server, for each widget): only when it changes */
static void
set_tooltip_text (GtkWidget  *widget,
                  const char *text)
{
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_headers (FdWeekView *self)
{
  const GDate *first = fd_time_grid_model_get_first (self->model);

  for (guint day = 0; day < self->n_days; day++)
    {
      g_autofree char *text = NULL;
      const char *holiday = NULL;
      GDate date = *first;
      char iso[11];

      g_date_add_days (&date, day);
      dup_day_iso (self, day, iso);

      if (self->n_days == 1)
        text = fd_format_date_long (iso);
      else
        /* Translators: a day in the week view's header: weekday, day of the month */
        text = g_strdup_printf (C_("week view day", "%1$s %2$u"),
                                fd_format_weekday_abbrev (g_date_get_weekday (&date)),
                                (guint) g_date_get_day (&date));
      gtk_label_set_label (GTK_LABEL (self->day_labels[day]), text);

      if (g_date_valid (&self->today) && g_date_compare (&date, &self->today) == 0)
        gtk_widget_add_css_class (self->day_labels[day], "today");
      else
        gtk_widget_remove_css_class (self->day_labels[day], "today");

      if (self->holidays != NULL)
        holiday = g_hash_table_lookup (self->holidays, iso);
      gtk_label_set_label (GTK_LABEL (self->holiday_labels[day]), holiday);
      gtk_widget_set_visible (self->holiday_labels[day], holiday != NULL);
      set_tooltip_text (self->holiday_labels[day], holiday);
    }
}

static void
update_hour_layouts (FdWeekView *self)
{
  for (guint hour = 0; hour < 24; hour++)
    {
      g_autofree char *iso = g_strdup_printf ("2000-01-01T%02u:00", hour);
      g_autofree char *text = fd_format_time (iso);
      g_autofree char *markup = g_markup_printf_escaped ("<span font_size=\"small\">%s</span>",
                                                         text);

      g_clear_object (&self->hour_layouts[hour]);
      self->hour_layouts[hour] = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_markup (self->hour_layouts[hour], markup, -1);
    }
}

/* Moves */

static void
set_message (FdWeekView *self,
             char       *message)
{
  g_free (self->message);
  self->message = message;

  gtk_label_set_label (GTK_LABEL (self->message_label), message);
  gtk_widget_set_visible (self->message_label, message != NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
end_move (FdWeekView *self)
{
  self->mode = MODE_NONE;
  g_clear_object (&self->moved);
  set_message (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ask_ghost (FdWeekView *self)
{
  g_autofree char *start = fd_time_grid_model_dup_iso (self->model, self->ghost_start);
  g_autofree char *end = fd_time_grid_model_dup_iso (self->model, self->ghost_end);

  g_assert (self->moved != NULL);

  set_message (self, fd_slot_view_emit_check_move (FD_SLOT_VIEW (self), self->moved,
                                                   start, end, NULL, NULL));
}

static void
set_ghost (FdWeekView *self,
           int         start,
           int         end)
{
  if (start == self->ghost_start && end == self->ghost_end && self->message != NULL)
    return;

  self->ghost_start = start;
  self->ghost_end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  ask_ghost (self);
}

static gboolean
begin_move (FdWeekView *self,
            FdSlot     *slot,
            Mode        mode)
{
  if (!fd_time_grid_model_get_minutes (self->model, fd_slot_get_start_at (slot),
                                       &self->orig_start))
    return FALSE;
  if (!fd_time_grid_model_get_minutes (self->model, fd_slot_get_end_at (slot),
                                       &self->orig_end) ||
      self->orig_end <= self->orig_start)
    self->orig_end = self->orig_start + STEP;

  g_set_object (&self->moved, slot);
  self->mode = mode;
  self->ghost_start = self->orig_start;
  self->ghost_end = self->orig_end;
  g_clear_pointer (&self->message, g_free);
  ask_ghost (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

/* Emits move-slot if the ghost is elsewhere, then ends the move. */
static void
drop_move (FdWeekView *self)
{
  g_autoptr(FdSlot) slot = g_steal_pointer (&self->moved);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gboolean moved = self->ghost_start != self->orig_start || self->ghost_end != self->orig_end;

  start = fd_time_grid_model_dup_iso (self->model, self->ghost_start);
  end = fd_time_grid_model_dup_iso (self->model, self->ghost_end);
  end_move (self);

  if (moved && slot != NULL)
    fd_slot_view_emit_move (FD_SLOT_VIEW (self), slot, start, end, NULL, NULL);
}

static void
get_ghost_rect (FdWeekView      *self,
                graphene_rect_t *rect)
{
  int day = self->ghost_start >= 0 ? self->ghost_start / DAY_MINUTES : 0;
  int start = self->ghost_start - day * DAY_MINUTES;
  int end = MIN (self->ghost_end - day * DAY_MINUTES, DAY_MINUTES);
  double top = get_minutes_y (self, MAX (start, 0));
  double bottom = get_minutes_y (self, end);

  day = CLAMP (day, 0, (int) self->n_days - 1);
  graphene_rect_init (rect,
                      get_day_x (self, (guint) day) + DAY_MARGIN,
                      top + BLOCK_GAP,
                      get_day_width (self) - 2 * DAY_MARGIN - BLOCK_GAP,
                      MAX (bottom - top - 2 * BLOCK_GAP, 8.0));
}

static void
scroll_to_rect (FdWeekView            *self,
                const graphene_rect_t *rect)
{
  double scroll = get_scroll (self);
  double top = rect->origin.y - self->header_height + scroll;

  gtk_adjustment_clamp_page (self->vadjustment, top - HOUR_HEIGHT / 2,
                             top + rect->size.height + HOUR_HEIGHT / 2);
}

/* The overflow popover */

static void
on_overflow_list_row_activated_cb (GtkListBox    *list,
                                   GtkListBoxRow *row,
                                   FdWeekView    *self)
{
  FdSlot *slot = g_object_get_data (G_OBJECT (row), "fd-slot");

  g_assert (FD_IS_SLOT (slot));

  g_object_ref (slot);
  gtk_popover_popdown (GTK_POPOVER (self->overflow_popover));
  fd_slot_view_emit_activated (FD_SLOT_VIEW (self), slot);
  g_object_unref (slot);
}

static GtkWidget *
create_overflow_row (FdSlot *slot)
{
  g_autofree char *range = fd_format_time_range (fd_slot_get_start_at (slot),
                                                 fd_slot_get_end_at (slot));
  g_autofree char *title = fd_slot_view_dup_slot_title (slot);
  const char *room = fd_slot_get_room_name (slot);
  const char *trainers = fd_slot_get_trainer_names (slot);
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *box, *text_box, *widget;

  if (room != NULL && *room != '\0' && trainers != NULL && *trainers != '\0')
    /* Translators: under a slot in a list: room · trainers */
    subtitle = g_strdup_printf (C_("calendar slot", "%1$s · %2$s"), room, trainers);
  else
    subtitle = g_strdup (room != NULL && *room != '\0' ? room :
                         trainers != NULL ? trainers : "");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  widget = gtk_label_new (range != NULL ? range : "");
  gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
  gtk_label_set_yalign (GTK_LABEL (widget), 0.0);
  gtk_widget_add_css_class (widget, "numeric");
  gtk_box_append (GTK_BOX (box), widget);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), text_box);

  widget = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
  gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (widget), 36);
  gtk_box_append (GTK_BOX (text_box), widget);

  if (*subtitle != '\0')
    {
      widget = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (widget), 36);
      gtk_widget_add_css_class (widget, "caption");
      gtk_widget_add_css_class (widget, "dim-label");
      gtk_box_append (GTK_BOX (text_box), widget);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "fd-slot", g_object_ref (slot), g_object_unref);

  return row;
}

static void
create_overflow_popover (FdWeekView *self)
{
  GtkWidget *box, *scrolled;

  self->overflow_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->overflow_title), 0.0);
  gtk_widget_add_css_class (self->overflow_title, "heading");

  self->overflow_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->overflow_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->overflow_list, "boxed-list");
  g_signal_connect_object (self->overflow_list, "row-activated",
                           G_CALLBACK (on_overflow_list_row_activated_cb), self, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->overflow_list);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), self->overflow_title);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->overflow_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->overflow_popover), box);
  gtk_widget_add_css_class (self->overflow_popover, "day-slots");
  gtk_widget_set_parent (self->overflow_popover, GTK_WIDGET (self));
}

static void
show_overflow_popover (FdWeekView *self,
                       guint       day,
                       guint       cluster)
{
  guint max_columns = get_max_columns (self);
  GArray *blocks = fd_time_grid_model_get_blocks (self->model, day);
  g_autofree char *title = NULL;
  graphene_rect_t rect;
  GdkRectangle area;
  GtkWidget *child;
  guint n_hidden = 0;
  char iso[11];

  if (!get_overflow_rect (self, day, cluster, max_columns, &n_hidden, &rect))
    return;

  /* made on first use: most pages never overflow */
  if (self->overflow_popover == NULL)
    create_overflow_popover (self);

  while ((child = gtk_widget_get_first_child (self->overflow_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->overflow_list), child);

  for (guint i = 0; i < blocks->len; i++)
    {
      const FdTimeGridBlock *block = &g_array_index (blocks, FdTimeGridBlock, i);

      if (block->cluster == cluster && !fd_time_grid_block_is_shown (block, max_columns))
        gtk_list_box_append (GTK_LIST_BOX (self->overflow_list),
                             create_overflow_row (block->item));
    }

  dup_day_iso (self, day, iso);
  title = fd_format_date_long (iso);
  gtk_label_set_label (GTK_LABEL (self->overflow_title), title);

  rect_to_area (&rect, &area);
  area.height = MIN (area.height, 24);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->overflow_popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->overflow_popover));
}

/* Keyboard focus */

typedef struct
{
  FdSlot *slot;
  guint day;
  int start;
  guint column;
} FocusEntry;

static int
compare_focus_entries (gconstpointer a,
                       gconstpointer b)
{
  const FocusEntry *entry_a = a;
  const FocusEntry *entry_b = b;

  if (entry_a->day != entry_b->day)
    return entry_a->day < entry_b->day ? -1 : 1;
  if (entry_a->start != entry_b->start)
    return entry_a->start < entry_b->start ? -1 : 1;
  if (entry_a->column != entry_b->column)
    return entry_a->column < entry_b->column ? -1 : 1;

  return 0;
}

/* The shown blocks in the order Tab visits them: by day, then time */
static GArray *
dup_focus_order (FdWeekView *self)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (FocusEntry));
  guint max_columns = get_max_columns (self);

  for (guint day = 0; day < self->n_days; day++)
    {
      GArray *blocks = fd_time_grid_model_get_blocks (self->model, day);

      for (guint i = 0; i < blocks->len; i++)
        {
          const FdTimeGridBlock *block = &g_array_index (blocks, FdTimeGridBlock, i);
          FocusEntry entry = { block->item, day, block->start, block->column };

          if (fd_time_grid_block_is_shown (block, max_columns) && !block->starts_before)
            g_array_append_val (order, entry);
        }
    }

  g_array_sort (order, compare_focus_entries);

  return order;
}

static int
find_focus_index (FdWeekView *self,
                  GArray     *order)
{
  if (self->focus_id == NULL)
    return -1;

  for (guint i = 0; i < order->len; i++)
    {
      if (g_strcmp0 (slot_get_id (g_array_index (order, FocusEntry, i).slot),
                     self->focus_id) == 0)
        return (int) i;
    }

  return -1;
}

static void
set_focus_slot (FdWeekView *self,
                FdSlot     *slot)
{
  graphene_rect_t rect;

  g_free (self->focus_id);
  self->focus_id = slot != NULL ? g_strdup (slot_get_id (slot)) : NULL;

  if (slot != NULL && find_slot_block (self, slot, &rect) != NULL)
    scroll_to_rect (self, &rect);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static FdSlot *
get_focus_slot (FdWeekView *self)
{
  if (self->focus_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->slots, self->focus_id);
}

/* Up, Down: the block before or after in the day; Left, Right: the
 * nearest in time in the day before or after. */
static gboolean
move_focus (FdWeekView *self,
            guint       keyval)
{
  g_autoptr(GArray) order = dup_focus_order (self);
  int index = find_focus_index (self, order);
  const FocusEntry *current;
  const FocusEntry *best = NULL;
  int target_day;

  if (order->len == 0)
    return FALSE;

  if (index < 0)
    {
      set_focus_slot (self, g_array_index (order, FocusEntry, 0).slot);
      return TRUE;
    }

  current = &g_array_index (order, FocusEntry, index);

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down)
    {
      int next = index + (keyval == GDK_KEY_Up ? -1 : 1);

      if (next < 0 || next >= (int) order->len ||
          g_array_index (order, FocusEntry, next).day != current->day)
        return TRUE;

      set_focus_slot (self, g_array_index (order, FocusEntry, next).slot);
      return TRUE;
    }

  target_day = (int) current->day + (keyval == GDK_KEY_Left ? -1 : 1);
  for (guint i = 0; i < order->len; i++)
    {
      const FocusEntry *entry = &g_array_index (order, FocusEntry, i);

      if ((int) entry->day != target_day)
        continue;
      if (best == NULL || ABS (entry->start - current->start) < ABS (best->start - current->start))
        best = entry;
    }

  if (best == NULL)
    return FALSE;

  set_focus_slot (self, best->slot);
  return TRUE;
}

static gboolean
fd_week_view_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  FdWeekView *self = FD_WEEK_VIEW (widget);
  g_autoptr(GArray) order = NULL;
  int index;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    {
      if (!gtk_widget_has_focus (widget))
        return gtk_widget_grab_focus (widget);
      return FALSE;
    }

  if (self->mode == MODE_KEY_MOVE)
    return TRUE;

  order = dup_focus_order (self);
  if (order->len == 0)
    {
      if (gtk_widget_has_focus (widget))
        return FALSE;
      return gtk_widget_grab_focus (widget);
    }

  index = find_focus_index (self, order);

  if (!gtk_widget_has_focus (widget))
    {
      if (index < 0)
        index = direction == GTK_DIR_TAB_FORWARD ? 0 : (int) order->len - 1;
    }
  else
    {
      index += direction == GTK_DIR_TAB_FORWARD ? 1 : -1;
      if (index < 0 || index >= (int) order->len)
        {
          /* the focus leaves the view; the next Tab back starts over */
          g_clear_pointer (&self->focus_id, g_free);
          gtk_widget_queue_draw (widget);
          return FALSE;
        }
    }

  set_focus_slot (self, g_array_index (order, FocusEntry, index).slot);
  gtk_widget_grab_focus (widget);

  return TRUE;
}

/* Callbacks */

static void
on_adjustment_value_changed_cb (GtkAdjustment *adjustment,
                                FdWeekView    *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  FdWeekView     *self)
{
  const FdTimeGridBlock *block;
  graphene_rect_t rect;
  guint day, cluster;
  int minutes;

  if (self->mode == MODE_KEY_MOVE)
    end_move (self);

  if (x < HOUR_WIDTH || y < self->header_height)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));

  self->press_x = x;
  self->press_y = y;
  get_point_time (self, x, y, &day, &minutes);
  self->press_day = day;
  self->press_minutes = minutes;

  block = find_block_at (self, x, y, &rect);
  if (block != NULL)
    {
      g_set_object (&self->moved, block->item);
      self->mode = (y >= rect.origin.y + rect.size.height - RESIZE_EDGE)
                   ? MODE_PRESSED_EDGE : MODE_PRESSED_BLOCK;
    }
  else if (find_overflow_at (self, x, y, &day, &cluster))
    {
      self->press_cluster = cluster;
      self->mode = MODE_PRESSED_OVERFLOW;
    }
  else
    {
      self->mode = MODE_PRESSED_EMPTY;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          offset_x,
                   double          offset_y,
                   FdWeekView     *self)
{
  double x = self->press_x + offset_x;
  double y = self->press_y + offset_y;
  guint day;
  int minutes;
  int start, end;

  switch (self->mode)
    {
    case MODE_PRESSED_BLOCK:
    case MODE_PRESSED_EDGE:
    case MODE_PRESSED_EMPTY:
      if (!gtk_drag_check_threshold (GTK_WIDGET (self),
                                     (int) self->press_x, (int) self->press_y,
                                     (int) x, (int) y))
        return;

      if (self->mode == MODE_PRESSED_EMPTY)
        {
          self->mode = MODE_SELECT;
        }
      else
        {
          g_autoptr(FdSlot) slot = g_steal_pointer (&self->moved);
          Mode mode = self->mode == MODE_PRESSED_EDGE ? MODE_RESIZE : MODE_MOVE;

          if (!begin_move (self, slot, mode))
            {
              self->mode = MODE_NONE;
              return;
            }
          self->grab_offset = (int) self->press_day * DAY_MINUTES + self->press_minutes
                              - self->orig_start;
        }
      break;

    case MODE_MOVE:
    case MODE_RESIZE:
    case MODE_SELECT:
      break;

    case MODE_NONE:
    case MODE_PRESSED_OVERFLOW:
    case MODE_KEY_MOVE:
    default:
      return;
    }

  get_point_time (self, x, y, &day, &minutes);

  if (self->mode == MODE_SELECT)
    {
      fd_time_grid_select (self->press_day, self->press_minutes, minutes, &start, &end);
      self->ghost_start = start;
      self->ghost_end = end;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (self->mode == MODE_MOVE)
    {
      fd_time_grid_move (self->orig_start, self->orig_end, self->grab_offset,
                         day, minutes, &start, &end);
    }
  else
    {
      /* the end follows the pointer in the day the block ends */
      int end_day = (self->orig_end - 1) / DAY_MINUTES;

      start = self->orig_start;
      end = fd_time_grid_resize (start, end_day * DAY_MINUTES + minutes);
    }

  set_ghost (self, start, end);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                FdWeekView     *self)
{
  switch (self->mode)
    {
    case MODE_PRESSED_BLOCK:
    case MODE_PRESSED_EDGE:
      {
        g_autoptr(FdSlot) slot = g_steal_pointer (&self->moved);

        self->mode = MODE_NONE;
        set_focus_slot (self, slot);
        fd_slot_view_emit_activated (FD_SLOT_VIEW (self), slot);
      }
      break;

    case MODE_PRESSED_OVERFLOW:
      self->mode = MODE_NONE;
      show_overflow_popover (self, self->press_day, self->press_cluster);
      break;

    case MODE_MOVE:
    case MODE_RESIZE:
      drop_move (self);
      break;

    case MODE_SELECT:
      {
        g_autofree char *start = fd_time_grid_model_dup_iso (self->model, self->ghost_start);
        g_autofree char *end = fd_time_grid_model_dup_iso (self->model, self->ghost_end);
        graphene_rect_t rect;
        GdkRectangle area;

        get_ghost_rect (self, &rect);
        rect_to_area (&rect, &area);
        end_move (self);
        fd_slot_view_emit_create (FD_SLOT_VIEW (self), start, end, NULL, &area);
      }
      break;

    case MODE_PRESSED_EMPTY:
    case MODE_NONE:
    case MODE_KEY_MOVE:
    default:
      self->mode = self->mode == MODE_KEY_MOVE ? MODE_KEY_MOVE : MODE_NONE;
      g_clear_object (&self->moved);
      break;
    }
}

static void
step_key_move (FdWeekView *self,
               int         start_delta,
               int         end_delta)
{
  int start = self->ghost_start + start_delta;
  int end = self->ghost_end + end_delta;
  int last = (int) self->n_days * DAY_MINUTES;

  if (end < start + STEP)
    end = start + STEP;

  /* it stays on the page, and in one day if it was in one */
  if (start < 0 || start >= last)
    return;
  if (self->orig_start / DAY_MINUTES == (self->orig_end - 1) / DAY_MINUTES &&
      start / DAY_MINUTES != (end - 1) / DAY_MINUTES)
    return;

  set_ghost (self, start, end);
  {
    graphene_rect_t rect;

    get_ghost_rect (self, &rect);
    scroll_to_rect (self, &rect);
  }
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FdWeekView            *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  FdSlot *slot;

  switch (self->mode)
    {
    case MODE_MOVE:
    case MODE_RESIZE:
    case MODE_SELECT:
    case MODE_PRESSED_BLOCK:
    case MODE_PRESSED_EDGE:
    case MODE_PRESSED_EMPTY:
    case MODE_PRESSED_OVERFLOW:
      if (keyval == GDK_KEY_Escape)
        {
          end_move (self);
          return TRUE;
        }
      return FALSE;

    case MODE_KEY_MOVE:
      switch (keyval)
        {
        case GDK_KEY_Escape:
          end_move (self);
          return TRUE;

        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          drop_move (self);
          return TRUE;

        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          if (shift)
            step_key_move (self, 0, -STEP);
          else
            step_key_move (self, -STEP, -STEP);
          return TRUE;

        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          if (shift)
            step_key_move (self, 0, STEP);
          else
            step_key_move (self, STEP, STEP);
          return TRUE;

        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
          step_key_move (self, -DAY_MINUTES, -DAY_MINUTES);
          return TRUE;

        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          step_key_move (self, DAY_MINUTES, DAY_MINUTES);
          return TRUE;

        default:
          /* nothing else while a slot is held */
          return TRUE;
        }

    case MODE_NONE:
    default:
      break;
    }

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Down:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Right:
      if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
        return FALSE;
      switch (keyval)
        {
        case GDK_KEY_KP_Up: keyval = GDK_KEY_Up; break;
        case GDK_KEY_KP_Down: keyval = GDK_KEY_Down; break;
        case GDK_KEY_KP_Left: keyval = GDK_KEY_Left; break;
        case GDK_KEY_KP_Right: keyval = GDK_KEY_Right; break;
        default: break;
        }
      return move_focus (self, keyval);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      slot = get_focus_slot (self);
      if (slot == NULL)
        return FALSE;
      g_object_ref (slot);
      fd_slot_view_emit_activated (FD_SLOT_VIEW (self), slot);
      g_object_unref (slot);
      return TRUE;

    case GDK_KEY_m:
    case GDK_KEY_M:
      if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
        return FALSE;
      slot = get_focus_slot (self);
      if (slot == NULL)
        return FALSE;
      return begin_move (self, slot, MODE_KEY_MOVE);

    default:
      return FALSE;
    }
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   FdWeekView              *self)
{
  if (self->mode == MODE_KEY_MOVE)
    end_move (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     FdWeekView *self)
{
  FdSlot *slot = NULL;
  g_autofree char *text = NULL;
  graphene_rect_t rect;

  if (self->mode != MODE_NONE)
    return FALSE;

  if (keyboard_mode)
    {
      slot = get_focus_slot (self);
      if (slot == NULL || find_slot_block (self, slot, &rect) == NULL)
        return FALSE;
    }
  else
    {
      const FdTimeGridBlock *block = find_block_at (self, x, y, &rect);

      if (block == NULL)
        return FALSE;
      slot = block->item;
    }

  text = fd_slot_view_dup_slot_tooltip (slot, self->conflicted,
                                        _("Drag to move, drag the bottom edge to resize; "
                                          "M to move with the arrow keys"));
  gtk_tooltip_set_text (tooltip, text);
  {
    GdkRectangle area;

    rect_to_area (&rect, &area);
    gtk_tooltip_set_tip_area (tooltip, &area);
  }

  return TRUE;
}

/* Drawing */

static void
append_line (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
snapshot_grid (FdWeekView  *self,
               GtkSnapshot *snapshot,
               int          width,
               int          height)
{
  double day_width = get_day_width (self);
  double scroll = get_scroll (self);
  GdkRGBA hour_color, quarter_color, text_color;
  int first_quarter, last_quarter;
  const GDate *first = fd_time_grid_model_get_first (self->model);

  get_swatch_color (self, SWATCH_HOUR_LINE, &hour_color);
  get_swatch_color (self, SWATCH_QUARTER_LINE, &quarter_color);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &text_color);
  text_color.alpha *= 0.6f;

  /* day backgrounds: weekend, holiday, today */
  for (guint day = 0; day < self->n_days; day++)
    {
      GDate date = *first;
      double x = get_day_x (self, day);
      int swatch = -1;
      char iso[11];

      g_date_add_days (&date, day);
      dup_day_iso (self, day, iso);

      if (g_date_valid (&self->today) && g_date_compare (&date, &self->today) == 0)
        swatch = SWATCH_TODAY;
      else if (self->holidays != NULL && g_hash_table_contains (self->holidays, iso))
        swatch = SWATCH_HOLIDAY;
      else if (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
        swatch = SWATCH_WEEKEND;

      if (swatch >= 0)
        gtk_snapshot_render_background (snapshot, get_swatch (self, swatch),
                                        x, self->header_height, day_width,
                                        height - self->header_height);
    }

  /* quarter lines in sight, hours stronger */
  first_quarter = MAX (0, (int) floor (scroll / (HOUR_HEIGHT / 4)));
  last_quarter = MIN (24 * 4, (int) ceil ((scroll + height) / (HOUR_HEIGHT / 4)));
  for (int quarter = first_quarter; quarter <= last_quarter; quarter++)
    {
      double y = floor (get_minutes_y (self, quarter * STEP));

      if (y < self->header_height)
        continue;

      if (quarter % 4 == 0)
        {
          append_line (snapshot, &hour_color, HOUR_WIDTH - 6, y, width - HOUR_WIDTH + 6, 1);

          if (quarter < 24 * 4 && self->hour_layouts[quarter / 4] != NULL)
            {
              PangoLayout *layout = self->hour_layouts[quarter / 4];
              int text_width, text_height;

              pango_layout_get_pixel_size (layout, &text_width, &text_height);
              gtk_snapshot_save (snapshot);
              /* the top one slides under the header rather than be cut */
              gtk_snapshot_translate (snapshot,
                                      &GRAPHENE_POINT_INIT (HOUR_WIDTH - 10 - text_width,
                                                            MAX (y - text_height / 2.0,
                                                                 self->header_height + 1)));
              gtk_snapshot_append_layout (snapshot, layout, &text_color);
              gtk_snapshot_restore (snapshot);
            }
        }
      else
        {
          append_line (snapshot, &quarter_color, HOUR_WIDTH, y, width - HOUR_WIDTH, 1);
        }
    }

  for (guint day = 0; day <= self->n_days; day++)
    append_line (snapshot, &hour_color, floor (get_day_x (self, day)), self->header_height,
                 1, height - self->header_height);
}

static void
snapshot_block (FdWeekView            *self,
                GtkSnapshot           *snapshot,
                const FdTimeGridBlock *block,
                const graphene_rect_t *rect,
                gboolean               has_focus)
{
  FdSlot *slot = block->item;
  GtkStyleContext *context = get_swatch (self, get_palette_index (slot));
  gboolean moving = self->moved != NULL && self->mode >= MODE_MOVE &&
                    (self->moved == slot ||
                     g_strcmp0 (slot_get_id (self->moved), slot_get_id (slot)) == 0);
  double x = rect->origin.x, y = rect->origin.y;
  double width = rect->size.width, height = rect->size.height;
  GdkRGBA color;

  if (moving)
    gtk_snapshot_push_opacity (snapshot, 0.4);

  gtk_snapshot_render_background (snapshot, context, x, y, width, height);
  gtk_snapshot_render_frame (snapshot, context, x, y, width, height);

  if (self->conflicted != NULL && g_hash_table_contains (self->conflicted, slot_get_id (slot)))
    {
      GtkStyleContext *conflict = get_swatch (self, SWATCH_CONFLICT);

      gtk_snapshot_render_background (snapshot, conflict, x, y, width, height);
      gtk_snapshot_render_frame (snapshot, conflict, x, y, width, height);
    }

  if (width > 2 * BLOCK_PADDING && height > BLOCK_PADDING + 6)
    {
      int text_width = (int) ((width - 2 * BLOCK_PADDING - 2) * PANGO_SCALE);
      const BlockText *text = get_block_text (self, slot, width, height);
      double line_y = y + BLOCK_PADDING / 2;

      gtk_style_context_get_color (context, &color);
      gtk_snapshot_push_clip (snapshot, rect);
      for (guint i = 0; i < MAX_BLOCK_LINES && line_y < y + height; i++)
        {
          PangoLayout *layout;
          int line_height;

          if (text->lines[i] == NULL)
            continue;

          layout = get_line_layout (self, text->lines[i], text_width);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + BLOCK_PADDING + 2, line_y));
          gtk_snapshot_append_layout (snapshot, layout, &color);
          gtk_snapshot_restore (snapshot);
          pango_layout_get_pixel_size (layout, NULL, &line_height);
          line_y += line_height;
        }
      gtk_snapshot_pop (snapshot);
    }

  if (moving)
    gtk_snapshot_pop (snapshot);

  if (has_focus && self->focus_id != NULL && g_strcmp0 (self->focus_id, slot_get_id (slot)) == 0)
    gtk_snapshot_render_frame (snapshot, get_swatch (self, SWATCH_FOCUS),
                               x - 1, y - 1, width + 2, height + 2);
}

static void
snapshot_overflow (FdWeekView            *self,
                   GtkSnapshot           *snapshot,
                   const graphene_rect_t *rect,
                   guint                  n_hidden)
{
  GtkStyleContext *context = get_swatch (self, SWATCH_OVERFLOW);
  g_autofree char *text = g_strdup_printf ("+%u", n_hidden);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int text_width, text_height;
  GdkRGBA color;

  gtk_snapshot_render_background (snapshot, context, rect->origin.x, rect->origin.y,
                                  rect->size.width, rect->size.height);
  gtk_snapshot_render_frame (snapshot, context, rect->origin.x, rect->origin.y,
                             rect->size.width, rect->size.height);

  gtk_style_context_get_color (context, &color);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_push_clip (snapshot, rect);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (rect->origin.x + (rect->size.width - text_width) / 2,
                                                rect->origin.y + BLOCK_PADDING));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  g_object_unref (layout);
}

static void
snapshot_ghost (FdWeekView  *self,
                GtkSnapshot *snapshot)
{
  GtkStyleContext *context = get_swatch (self, self->mode == MODE_SELECT
                                               ? SWATCH_SELECTION : SWATCH_GHOST);

  for (guint day = 0; day < self->n_days; day++)
    {
      int day_start = (int) day * DAY_MINUTES;
      int start = MAX (self->ghost_start, day_start) - day_start;
      int end = MIN (self->ghost_end, day_start + DAY_MINUTES) - day_start;
      double top, bottom, x;

      if (end <= start)
        continue;

      top = get_minutes_y (self, start);
      bottom = get_minutes_y (self, end);
      x = get_day_x (self, day) + DAY_MARGIN;
      gtk_snapshot_render_background (snapshot, context, x, top + BLOCK_GAP,
                                      get_day_width (self) - 2 * DAY_MARGIN - BLOCK_GAP,
                                      bottom - top - 2 * BLOCK_GAP);
      gtk_snapshot_render_frame (snapshot, context, x, top + BLOCK_GAP,
                                 get_day_width (self) - 2 * DAY_MARGIN - BLOCK_GAP,
                                 bottom - top - 2 * BLOCK_GAP);
    }
}

static void
fd_week_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FdWeekView *self = FD_WEEK_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint max_columns = get_max_columns (self);
  gboolean has_focus = gtk_widget_has_focus (widget);
  double visible_top = self->header_height;

  if (width <= HOUR_WIDTH || height <= self->header_height)
    return;

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, self->header_height,
                                               width, height - self->header_height));

  snapshot_grid (self, snapshot, width, height);

  for (guint day = 0; day < self->n_days; day++)
    {
      GArray *blocks = fd_time_grid_model_get_blocks (self->model, day);

      for (guint i = 0; i < blocks->len; i++)
        {
          const FdTimeGridBlock *block = &g_array_index (blocks, FdTimeGridBlock, i);
          graphene_rect_t rect;

          if (!fd_time_grid_block_is_shown (block, max_columns))
            continue;

          get_block_rect (self, block, max_columns, &rect);
          if (rect.origin.y > height || rect.origin.y + rect.size.height < visible_top)
            continue;

          snapshot_block (self, snapshot, block, &rect, has_focus);
        }

      for (guint cluster = 0; cluster < fd_time_grid_model_get_n_clusters (self->model, day);
           cluster++)
        {
          graphene_rect_t rect;
          guint n_hidden;

          if (get_overflow_rect (self, day, cluster, max_columns, &n_hidden, &rect) &&
              rect.origin.y <= height && rect.origin.y + rect.size.height >= visible_top)
            snapshot_overflow (self, snapshot, &rect, n_hidden);
        }
    }

  if (self->mode >= MODE_MOVE)
    snapshot_ghost (self, snapshot);

  gtk_snapshot_pop (snapshot);

  /* the header, over anything scrolled under it */
  gtk_snapshot_render_background (snapshot, get_swatch (self, SWATCH_HEADER),
                                  0, 0, width, self->header_height);
  gtk_snapshot_render_frame (snapshot, get_swatch (self, SWATCH_HEADER),
                             0, 0, width, self->header_height);

  for (guint day = 0; day < self->n_days; day++)
    {
      gtk_widget_snapshot_child (widget, self->day_labels[day], snapshot);
      gtk_widget_snapshot_child (widget, self->holiday_labels[day], snapshot);
    }

  gtk_widget_snapshot_child (widget, self->message_label, snapshot);
}

/* Layout */

static int
measure_height (GtkWidget *child,
                int        for_width)
{
  int height = 0;

  if (!gtk_widget_get_visible (child))
    return 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, for_width, &height, NULL, NULL, NULL);

  return height;
}

static void
configure_adjustments (FdWeekView *self,
                       int         width,
                       int         height)
{
  double upper = self->header_height + 24 * HOUR_HEIGHT;
  double value = gtk_adjustment_get_value (self->vadjustment);

  if (!self->scrolled_once && height > self->header_height)
    {
      value = OPENING_HOUR * HOUR_HEIGHT;
      self->scrolled_once = TRUE;
    }

  value = CLAMP (value, 0, MAX (0, upper - height));
  gtk_adjustment_configure (self->vadjustment, value, 0, upper,
                            HOUR_HEIGHT / 4, HOUR_HEIGHT * 4, height);
  gtk_adjustment_configure (self->hadjustment, 0, 0, width, 1, width, width);
}

static void
allocate_message (FdWeekView *self,
                  int         width,
                  int         height)
{
  graphene_rect_t ghost;
  int label_width = 0, label_height = 0;
  double x, y;

  if (self->message == NULL || self->mode < MODE_MOVE)
    {
      gtk_widget_set_child_visible (self->message_label, FALSE);
      return;
    }

  gtk_widget_measure (self->message_label, GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &label_width, NULL, NULL);
  label_width = MIN (label_width, 280);
  gtk_widget_measure (self->message_label, GTK_ORIENTATION_VERTICAL, label_width,
                      &label_height, NULL, NULL, NULL);

  get_ghost_rect (self, &ghost);
  x = ghost.origin.x + ghost.size.width + 4;
  if (x + label_width > width)
    x = ghost.origin.x - label_width - 4;
  if (x < 0)
    x = ghost.origin.x + 4;
  y = CLAMP (ghost.origin.y, self->header_height + 2, MAX (self->header_height + 2,
                                                            height - label_height - 2));

  gtk_widget_set_child_visible (self->message_label, TRUE);
  gtk_widget_size_allocate (self->message_label,
                            &(GtkAllocation) { (int) x, (int) y, label_width, label_height },
                            -1);
}

static void
fd_week_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  FdWeekView *self = FD_WEEK_VIEW (widget);
  double day_width = MAX (0.0, (double) (width - HOUR_WIDTH) / self->n_days);
  int header = self->header_height;

  configure_adjustments (self, width, height);

  for (guint day = 0; day < self->n_days; day++)
    {
      int x = HOUR_WIDTH + (int) (day * day_width);
      int w = (int) ((day + 1) * day_width) - (int) (day * day_width);
      int label_height = measure_height (self->day_labels[day], w);
      int holiday_height = measure_height (self->holiday_labels[day], w);
      int y = (header - label_height - holiday_height) / 2;

      gtk_widget_size_allocate (self->day_labels[day],
                                &(GtkAllocation) { x, y, w, label_height }, -1);
      if (holiday_height > 0)
        gtk_widget_size_allocate (self->holiday_labels[day],
                                  &(GtkAllocation) { x, y + label_height, w, holiday_height },
                                  -1);
    }

  allocate_message (self, width, height);

  if (self->overflow_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->overflow_popover));
}

static void
fd_week_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  FdWeekView *self = FD_WEEK_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = HOUR_WIDTH + (int) self->n_days * (int) (MIN_BLOCK_WIDTH + 2 * DAY_MARGIN);
      *natural = HOUR_WIDTH + (int) self->n_days * NAT_DAY_WIDTH;
    }
  else
    {
      int header = MIN_HEADER;

      /* the header is measured here, before the scrolled window asks
       * get_border() and allocates */
      for (guint day = 0; day < self->n_days; day++)
        header = MAX (header, measure_height (self->day_labels[day], -1)
                              + measure_height (self->holiday_labels[day], -1) + 8);
      self->header_height = header;

      *minimum = header + (int) HOUR_HEIGHT * 2;
      *natural = header + (int) HOUR_HEIGHT * 24;
    }
}

static void
fd_week_view_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  FdWeekView *self = FD_WEEK_VIEW (widget);

  PangoFontDescription *font;

  GTK_WIDGET_CLASS (fd_week_view_parent_class)->css_changed (widget, change);

  /* a new font: every layout is made again when drawn (not for a mere
   * change of state, such as the focus) */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && font != NULL && pango_font_description_equal (font, self->font))
    return;

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = font != NULL ? pango_font_description_copy (font) : NULL;
  g_hash_table_remove_all (self->texts);
  g_hash_table_remove_all (self->line_layouts);
  update_hour_layouts (self);
}

static gboolean
fd_week_view_get_border (GtkScrollable *scrollable,
                         GtkBorder     *border)
{
  FdWeekView *self = FD_WEEK_VIEW (scrollable);

  border->top = (gint16) self->header_height;
  border->left = border->right = border->bottom = 0;

  return TRUE;
}

static void
fd_week_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = fd_week_view_get_border;
}

/* FdSlotView */

static FdCalendarPeriod
fd_week_view_get_period (FdSlotView *view)
{
  FdWeekView *self = FD_WEEK_VIEW (view);

  return self->n_days == 1 ? FD_CALENDAR_PERIOD_DAY : FD_CALENDAR_PERIOD_WEEK;
}

static void
clear_slots (FdWeekView *self)
{
  if (self->mode != MODE_NONE)
    end_move (self);

  if (self->overflow_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->overflow_popover));

  fd_time_grid_model_set_items (self->model, NULL);
  g_hash_table_remove_all (self->texts);
  g_hash_table_remove_all (self->slots);
}

static void
fd_week_view_set_date (FdSlotView  *view,
                       const GDate *date)
{
  FdWeekView *self = FD_WEEK_VIEW (view);
  GDate first, after;

  fd_calendar_period_get_range (fd_week_view_get_period (view), date, &first, &after);
  if (g_date_compare (&first, fd_time_grid_model_get_first (self->model)) == 0)
    return;

  clear_slots (self);
  fd_time_grid_model_set_first (self->model, &first);
  g_clear_pointer (&self->focus_id, g_free);
  update_headers (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_week_view_set_today (FdSlotView  *view,
                        const GDate *today)
{
  FdWeekView *self = FD_WEEK_VIEW (view);

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  update_headers (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_week_view_set_slots (FdSlotView *view,
                        GPtrArray  *slots)
{
  FdWeekView *self = FD_WEEK_VIEW (view);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  clear_slots (self);

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      FdSlot *slot = g_ptr_array_index (slots, i);

      /* one block per id, the last given */
      if (g_hash_table_contains (self->slots, slot_get_id (slot)))
        continue;

      g_hash_table_insert (self->slots, g_strdup (slot_get_id (slot)), g_object_ref (slot));
      g_ptr_array_add (items, slot);
    }

  fd_time_grid_model_set_items (self->model, items);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_week_view_remove_slot (FdSlotView *view,
                          const char *slot_id)
{
  FdWeekView *self = FD_WEEK_VIEW (view);
  FdSlot *slot = g_hash_table_lookup (self->slots, slot_id);

  if (slot == NULL)
    return;

  if (self->moved != NULL && g_strcmp0 (slot_get_id (self->moved), slot_id) == 0)
    end_move (self);

  fd_time_grid_model_remove (self->model, slot);
  g_hash_table_remove (self->texts, slot);
  g_hash_table_remove (self->slots, slot_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_week_view_add_slot (FdSlotView *view,
                       FdSlot     *slot)
{
  FdWeekView *self = FD_WEEK_VIEW (view);

  fd_week_view_remove_slot (view, slot_get_id (slot));

  g_hash_table_insert (self->slots, g_strdup (slot_get_id (slot)), g_object_ref (slot));
  fd_time_grid_model_add (self->model, slot);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_week_view_update_slot (FdSlotView *view,
                          FdSlot     *slot)
{
  fd_week_view_add_slot (view, slot);
}

static void
fd_week_view_set_marks (FdSlotView *view,
                        GHashTable *conflicted,
                        GHashTable *holidays)
{
  FdWeekView *self = FD_WEEK_VIEW (view);

  if (conflicted != NULL)
    g_hash_table_ref (conflicted);
  g_clear_pointer (&self->conflicted, g_hash_table_unref);
  self->conflicted = conflicted;

  if (holidays != NULL)
    g_hash_table_ref (holidays);
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  self->holidays = holidays;

  update_headers (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
fd_week_view_get_slot_area (FdSlotView   *view,
                            const char   *slot_id,
                            GdkRectangle *area)
{
  FdWeekView *self = FD_WEEK_VIEW (view);
  FdSlot *slot = g_hash_table_lookup (self->slots, slot_id);
  graphene_rect_t rect;

  if (slot == NULL || find_slot_block (self, slot, &rect) == NULL)
    return FALSE;

  rect_to_area (&rect, area);
  return TRUE;
}

static gboolean
fd_week_view_focus_slot (FdSlotView *view,
                         const char *slot_id)
{
  FdWeekView *self = FD_WEEK_VIEW (view);
  FdSlot *slot = g_hash_table_lookup (self->slots, slot_id);
  graphene_rect_t rect;

  if (slot == NULL || find_slot_block (self, slot, &rect) == NULL)
    return FALSE;

  set_focus_slot (self, slot);
  return gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
fd_week_view_slot_view_init (FdSlotViewInterface *iface)
{
  iface->get_period = fd_week_view_get_period;
  iface->set_date = fd_week_view_set_date;
  iface->set_today = fd_week_view_set_today;
  iface->set_slots = fd_week_view_set_slots;
  iface->add_slot = fd_week_view_add_slot;
  iface->update_slot = fd_week_view_update_slot;
  iface->remove_slot = fd_week_view_remove_slot;
  iface->set_marks = fd_week_view_set_marks;
  iface->get_slot_area = fd_week_view_get_slot_area;
  iface->focus_slot = fd_week_view_focus_slot;
}

/* GObject */

static void
set_adjustment (FdWeekView     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment != NULL && adjustment == *slot)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_adjustment_value_changed_cb), self, 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
fd_week_view_constructed (GObject *object)
{
  FdWeekView *self = FD_WEEK_VIEW (object);
  GDateTime *now = g_date_time_new_now_local ();
  GDate date;

  G_OBJECT_CLASS (fd_week_view_parent_class)->constructed (object);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  g_date_time_unref (now);
  self->today = date;

  for (guint day = 0; day < self->n_days; day++)
    {
      self->day_labels[day] = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->day_labels[day]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->day_labels[day], "day-header");
      gtk_widget_set_parent (self->day_labels[day], GTK_WIDGET (self));

      self->holiday_labels[day] = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->holiday_labels[day]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->holiday_labels[day], "holiday");
      gtk_widget_add_css_class (self->holiday_labels[day], "caption");
      gtk_widget_set_visible (self->holiday_labels[day], FALSE);
      gtk_widget_set_parent (self->holiday_labels[day], GTK_WIDGET (self));
    }

  {
    GDate first, after;

    fd_calendar_period_get_range (self->n_days == 1 ? FD_CALENDAR_PERIOD_DAY
                                                    : FD_CALENDAR_PERIOD_WEEK,
                                  &date, &first, &after);
    self->model = fd_time_grid_model_new (&first, self->n_days, slot_get_start, slot_get_end);
  }

  update_headers (self);
}

static void
fd_week_view_dispose (GObject *object)
{
  FdWeekView *self = FD_WEEK_VIEW (object);
  GtkWidget *child;

  g_clear_object (&self->moved);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->overflow_popover = NULL;
  self->message_label = NULL;

  if (self->model != NULL)
    fd_time_grid_model_set_items (self->model, NULL);
  g_hash_table_remove_all (self->texts);
  g_hash_table_remove_all (self->line_layouts);
  g_hash_table_remove_all (self->slots);
  g_clear_pointer (&self->conflicted, g_hash_table_unref);
  g_clear_pointer (&self->holidays, g_hash_table_unref);

  for (guint hour = 0; hour < 24; hour++)
    g_clear_object (&self->hour_layouts[hour]);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (fd_week_view_parent_class)->dispose (object);
}

static void
fd_week_view_finalize (GObject *object)
{
  FdWeekView *self = FD_WEEK_VIEW (object);

  g_clear_pointer (&self->model, fd_time_grid_model_free);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->line_layouts, g_hash_table_unref);
  g_clear_pointer (&self->slots, g_hash_table_unref);
  g_free (self->message);
  g_free (self->focus_id);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (fd_week_view_parent_class)->finalize (object);
}

static void
fd_week_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FdWeekView *self = FD_WEEK_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_DAYS:
      g_value_set_uint (value, self->n_days);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_week_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FdWeekView *self = FD_WEEK_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_DAYS:
      /* construct-only */
      self->n_days = g_value_get_uint (value) == 1 ? 1 : MAX_DAYS;
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_week_view_class_init (FdWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_week_view_constructed;
  object_class->dispose = fd_week_view_dispose;
  object_class->finalize = fd_week_view_finalize;
  object_class->get_property = fd_week_view_get_property;
  object_class->set_property = fd_week_view_set_property;

  widget_class->measure = fd_week_view_measure;
  widget_class->size_allocate = fd_week_view_size_allocate;
  widget_class->snapshot = fd_week_view_snapshot;
  widget_class->focus = fd_week_view_focus;
  widget_class->css_changed = fd_week_view_css_changed;

  /**
   * FdWeekView:n-days:
   *
   * How many days a page shows: 7 (a week, Monday first) or 1 (a day).
   */
  properties[PROP_N_DAYS] =
    g_param_spec_uint ("n-days", NULL, NULL,
                       1, MAX_DAYS, MAX_DAYS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "weekview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fd_week_view_init (FdWeekView *self)
{
  GtkGesture *drag;
  GtkEventController *controller;

  self->n_days = MAX_DAYS;
  self->header_height = MIN_HEADER;
  self->slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) block_text_free);
  self->line_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_date_clear (&self->today, 1);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  for (guint i = 0; i < N_SWATCHES; i++)
    {
      self->swatches[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      if (i < N_PALETTE)
        {
          gtk_widget_add_css_class (self->swatches[i], fd_slot_view_get_color_class (i));
          gtk_widget_add_css_class (self->swatches[i], "block");
        }
      else
        gtk_widget_add_css_class (self->swatches[i], swatch_classes[i - N_PALETTE]);
      gtk_widget_set_child_visible (self->swatches[i], FALSE);
      gtk_widget_set_parent (self->swatches[i], GTK_WIDGET (self));
    }

  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0.0);
  gtk_widget_add_css_class (self->message_label, "move-message");
  gtk_widget_set_visible (self->message_label, FALSE);
  gtk_widget_set_parent (self->message_label, GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Public API */

/**
 * fd_week_view_new:
 * @n_days: 7 for a week page, 1 for a day page
 *
 * Returns: (transfer floating): a view of the current week or day, to be
 *   put in a #GtkScrolledWindow
 */
GtkWidget *
fd_week_view_new (guint n_days)
{
  g_return_val_if_fail (n_days == 1 || n_days == 7, NULL);

  return g_object_new (FD_TYPE_WEEK_VIEW, "n-days", n_days, NULL);
}

guint
fd_week_view_get_n_days (FdWeekView *self)
{
  g_return_val_if_fail (FD_IS_WEEK_VIEW (self), 0);

  return self->n_days;
}

/**
 * fd_week_view_get_hour_height:
 *
 * Returns: how tall an hour is drawn, in pixels
 */
double
fd_week_view_get_hour_height (FdWeekView *self)
{
  g_return_val_if_fail (FD_IS_WEEK_VIEW (self), 0);

  return HOUR_HEIGHT;
}

/**
 * fd_week_view_get_day_area:
 * @self: a #FdWeekView
 * @day: a day of the page, 0 for the first
 * @area: (out): the day's column from its midnight to the next one, in
 *   @self's coordinates as scrolled now (its top may be above the view)
 *
 * Returns: %FALSE if @day is not on the page
 */
gboolean
fd_week_view_get_day_area (FdWeekView   *self,
                           guint         day,
                           GdkRectangle *area)
{
  g_return_val_if_fail (FD_IS_WEEK_VIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (day >= self->n_days)
    return FALSE;

  area->x = (int) floor (get_day_x (self, day));
  area->width = (int) floor (get_day_x (self, day + 1)) - area->x;
  area->y = (int) floor (get_minutes_y (self, 0));
  area->height = (int) (24 * HOUR_HEIGHT);

  return TRUE;
}

/**
 * fd_week_view_scroll_to:
 * @self: a #FdWeekView
 * @minutes: a time of day, in minutes after midnight
 *
 * Scrolls so that @minutes is at the top of the hours shown.
 */
void
fd_week_view_scroll_to (FdWeekView *self,
                        int         minutes)
{
  g_return_if_fail (FD_IS_WEEK_VIEW (self));

  self->scrolled_once = TRUE;
  gtk_adjustment_set_value (self->vadjustment,
                            fd_time_grid_minutes_to_y (CLAMP (minutes, 0, DAY_MINUTES),
                                                       HOUR_HEIGHT));
}
