/* fd-month-view.c — a month grid of slots
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-month-view.h"

#include "fd-format.h"
#include "fd-month-model.h"
#include "fd-slot-view.h"

/*
 * FdMonthView:
 *
 * The calendar's month page: six weeks of seven days, Monday first, each day
 * listing its slots as small buttons ("chips") under the day number, and a
 * "+N more" button opening a popover with the whole day when they do not all
 * fit. Like GNOME Calendar's month view it owns its children and lays them
 * out itself: a fixed set of day cells and overflow buttons, and a pool of
 * chips recycled from month to month, grown only when a bigger window shows
 * more of them. The layout is computed in size_allocate() and reused while
 * the size and the slots stay the same; the decisions that need no pixels
 * live in FdMonthModel.
 *
 * Popovers given as children (in a template, through GtkBuildable) are
 * presented by the view, so a parent widget can point one at a chip.
 *
 * It is the month of the #FdSlotView interface: a slot added, changed or
 * removed is applied to a copy of the page's slots, since a cell's chips
 * are laid out from the whole day. Public holidays mark their day (its
 * name in the cell's tooltip), conflicts their chips.
 */

#define N_CELLS          FD_MONTH_MODEL_N_CELLS
#define N_COLUMNS        FD_MONTH_MODEL_N_COLUMNS
#define N_ROWS           FD_MONTH_MODEL_N_ROWS
#define CELL_PADDING     4   /* between a cell's border and its chips */
#define CHIP_SPACING     2
#define MIN_CELL_WIDTH   48
#define NAT_CELL_WIDTH   150
#define DEFAULT_CAPACITY 4   /* chips per cell until the first layout */

typedef struct
{
  GtkWidget *button;
  GtkWidget *inscription;
  FdSlot *slot;              /* borrowed from self->slots, or NULL */
  const char *color_class;   /* the session's colour, or NULL */
  GtkAllocation allocation;
} Chip;

struct _FdMonthView
{
  GtkWidget parent_instance;

  FdMonthModel *model;
  GPtrArray *slots;
  GDate today;

  GtkWidget *weekday_labels[N_COLUMNS];
  GtkWidget *cells[N_CELLS];
  GtkWidget *day_labels[N_CELLS];
  GtkWidget *overflow_buttons[N_CELLS];
  GtkWidget *overflow_labels[N_CELLS];
  GArray *chips;             /* of Chip, the recycled pool */
  GHashTable *conflicted;    /* slot id → message, or NULL */
  GHashTable *holidays;      /* ISO day → name, or NULL */

  GtkWidget *overflow_popover;
  GtkWidget *overflow_title;
  GtkWidget *overflow_list;

  /* the cached layout */
  gboolean layout_valid;
  int last_width;
  int last_height;
  int capacity;              /* most chips a cell showed at the last layout */
  guint chips_wanted;
  guint grow_pool_id;
  GtkAllocation weekday_allocations[N_COLUMNS];
  GtkAllocation cell_allocations[N_CELLS];
  GtkAllocation overflow_allocations[N_CELLS];
};

static void fd_month_view_buildable_init (GtkBuildableIface *iface);
static void fd_month_view_slot_view_init (FdSlotViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdMonthView, fd_month_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      fd_month_view_buildable_init)
                               G_IMPLEMENT_INTERFACE (FD_TYPE_SLOT_VIEW,
                                                      fd_month_view_slot_view_init))

static GtkBuildableIface *parent_buildable_iface;

static FdSlot *find_slot (FdMonthView *self,
                          const char  *slot_id,
                          guint       *position);

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

/* "<b>09:00</b> Sauveteur secouriste du travail 2026-0012": the label
 * first because it is what people read, the code dimmed after it. */
static char *
dup_chip_markup (FdSlot *slot)
{
  g_autofree char *time = fd_format_time (fd_slot_get_start_at (slot));
  const char *code = fd_slot_get_session_code (slot);
  const char *label = fd_slot_get_session_label (slot);

  if (time == NULL)
    time = g_strdup ("");
  if (code == NULL)
    code = "";

  if (label == NULL || *label == '\0')
    return g_markup_printf_escaped ("<b>%s</b> %s", time, code);

  return g_markup_printf_escaped ("<b>%s</b> %s <span alpha=\"60%%\">%s</span>",
                                  time, label, code);
}

static void
hide_overflow_popover (FdMonthView *self)
{
  if (self->overflow_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->overflow_popover));
}

static void
emit_slot_activated (FdMonthView *self,
                     FdSlot      *slot)
{
  g_assert (FD_IS_MONTH_VIEW (self));
  g_assert (FD_IS_SLOT (slot));

  /* the handler may change the slots: keep this one alive meanwhile */
  g_object_ref (slot);
  fd_slot_view_emit_activated (FD_SLOT_VIEW (self), slot);
  g_object_unref (slot);
}

static void
on_chip_clicked_cb (GtkButton   *button,
                    FdMonthView *self)
{
  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);

      if (chip->button == GTK_WIDGET (button) && chip->slot != NULL)
        {
          emit_slot_activated (self, chip->slot);
          return;
        }
    }
}

static void
on_overflow_list_row_activated_cb (GtkListBox    *list,
                                   GtkListBoxRow *row,
                                   FdMonthView   *self)
{
  FdSlot *slot = g_object_get_data (G_OBJECT (row), "fd-slot");

  g_assert (FD_IS_SLOT (slot));

  g_object_ref (slot);
  hide_overflow_popover (self);
  emit_slot_activated (self, slot);
  g_object_unref (slot);
}

/* A row of a day's list: "09:00 – 12:30  Python — les fondamentaux",
 * with the session code and the place dimmed under the label. */
static GtkWidget *
create_overflow_row (FdSlot *slot)
{
  g_autofree char *range = fd_format_time_range (fd_slot_get_start_at (slot),
                                                 fd_slot_get_end_at (slot));
  g_autofree char *subtitle = NULL;
  const char *code = fd_slot_get_session_code (slot);
  const char *label = fd_slot_get_session_label (slot);
  const char *place = fd_slot_get_place_name (slot);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *text_box;
  GtkWidget *widget;

  /* A slot synced before its session has neither code nor label yet */
  if (code == NULL)
    code = "";
  if (place == NULL)
    place = "";

  if (*code != '\0' && *place != '\0')
    /* Translators: under a slot's label in a day's list: session code · place */
    subtitle = g_strdup_printf (C_("calendar slot", "%1$s · %2$s"), code, place);
  else
    subtitle = g_strdup (*code != '\0' ? code : place);

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

  widget = gtk_label_new (label != NULL && *label != '\0' ? label : code);
  gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
  gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (widget), 36);
  gtk_box_append (GTK_BOX (text_box), widget);

  widget = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (widget), 36);
  gtk_widget_add_css_class (widget, "caption");
  gtk_widget_add_css_class (widget, "dim-label");
  gtk_box_append (GTK_BOX (text_box), widget);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "fd-slot",
                          g_object_ref (slot), g_object_unref);

  return row;
}

static void
create_overflow_popover (FdMonthView *self)
{
  GtkWidget *box;
  GtkWidget *scrolled;

  self->overflow_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->overflow_title), 0.0);
  gtk_widget_add_css_class (self->overflow_title, "heading");

  self->overflow_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->overflow_list),
                                   GTK_SELECTION_NONE);
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
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), self->overflow_title);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->overflow_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->overflow_popover), box);
  gtk_popover_set_position (GTK_POPOVER (self->overflow_popover), GTK_POS_BOTTOM);
  gtk_widget_add_css_class (self->overflow_popover, "day-slots");
  gtk_widget_set_parent (self->overflow_popover, GTK_WIDGET (self));
}

static void
show_overflow_popover (FdMonthView *self,
                       guint        cell)
{
  GPtrArray *items = fd_month_model_get_cell_items (self->model, cell);
  GtkWidget *child;
  GDate date;
  char iso[11];
  g_autofree char *title = NULL;

  g_assert (cell < N_CELLS);

  /* made on first use: most days never overflow */
  if (self->overflow_popover == NULL)
    create_overflow_popover (self);

  while ((child = gtk_widget_get_first_child (self->overflow_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->overflow_list), child);

  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->overflow_list),
                         create_overflow_row (g_ptr_array_index (items, i)));

  fd_month_model_get_cell_date (self->model, cell, &date);
  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u",
              (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date),
              (guint) g_date_get_day (&date));
  title = fd_format_date_long (iso);
  gtk_label_set_label (GTK_LABEL (self->overflow_title), title);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->overflow_popover),
                               &self->cell_allocations[cell]);
  gtk_popover_popup (GTK_POPOVER (self->overflow_popover));
}

static void
on_overflow_button_clicked_cb (GtkButton   *button,
                               FdMonthView *self)
{
  for (guint i = 0; i < N_CELLS; i++)
    {
      if (self->overflow_buttons[i] == GTK_WIDGET (button))
        {
          show_overflow_popover (self, i);
          return;
        }
    }
}

/* Tooltips are made when asked for, not for every chip of every month. */
static gboolean
on_chip_query_tooltip_cb (GtkWidget   *button,
                          int          x,
                          int          y,
                          gboolean     keyboard_mode,
                          GtkTooltip  *tooltip,
                          FdMonthView *self)
{
  /* not over the slot’s details or the day’s list (popovers come last) */
  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self));
       child != NULL && GTK_IS_POPOVER (child);
       child = gtk_widget_get_prev_sibling (child))
    {
      if (gtk_widget_get_visible (child))
        return FALSE;
    }

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);

      if (chip->button == button && chip->slot != NULL)
        {
          g_autofree char *text = fd_slot_view_dup_slot_tooltip (chip->slot, self->conflicted,
                                                                  NULL);

          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }

  return FALSE;
}

static void
add_chips (FdMonthView *self,
           guint        n_chips)
{
  while (self->chips->len < n_chips)
    {
      Chip chip = { 0 };

      chip.inscription = gtk_inscription_new (NULL);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (chip.inscription), 0);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (chip.inscription), 20);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (chip.inscription),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (chip.inscription), 0.0);

      chip.button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (chip.button), chip.inscription);
      gtk_widget_add_css_class (chip.button, "event");
      gtk_widget_set_child_visible (chip.button, FALSE);
      gtk_widget_set_has_tooltip (chip.button, TRUE);
      g_signal_connect_object (chip.button, "clicked",
                               G_CALLBACK (on_chip_clicked_cb), self, 0);
      g_signal_connect_object (chip.button, "query-tooltip",
                               G_CALLBACK (on_chip_query_tooltip_cb), self, 0);

      /* above the cells, below the overflow buttons and popovers */
      gtk_widget_insert_before (chip.button, GTK_WIDGET (self),
                                self->overflow_buttons[0]);

      g_array_append_val (self->chips, chip);
    }
}

static gboolean
grow_pool_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  FdMonthView *self = FD_MONTH_VIEW (widget);

  self->grow_pool_id = 0;

  if (self->chips_wanted > self->chips->len)
    {
      add_chips (self, self->chips_wanted);
      self->layout_valid = FALSE;
      gtk_widget_queue_allocate (widget);
    }

  return G_SOURCE_REMOVE;
}

/* Called during size_allocate, where adding children is not welcome:
 * the pool grows before the next frame's layout. */
static void
queue_grow_pool (FdMonthView *self,
                 guint        n_chips)
{
  self->chips_wanted = MAX (self->chips_wanted, n_chips);

  if (self->grow_pool_id == 0)
    self->grow_pool_id = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                       grow_pool_cb,
                                                       NULL, NULL);
}

/* How many chips the current slots need at the last known capacity. */
static guint
count_wanted_chips (FdMonthView *self)
{
  guint wanted = 0;

  for (guint i = 0; i < N_CELLS; i++)
    wanted += MIN (fd_month_model_get_cell_items (self->model, i)->len,
                   (guint) self->capacity);

  return wanted;
}

/* Gives @chip its slot; %NULL only forgets the old one, since a chip
 * without a slot is hidden anyway and rewriting its text costs time. */
static void
set_chip_slot (Chip   *chip,
               FdSlot *slot)
{
  g_autofree char *markup = NULL;

  if (chip->slot == slot)
    return;

  chip->slot = slot;

  if (slot == NULL)
    return;

  /* the session's colour; the old slot may be gone already */
  {
    const char *color_class =
      fd_slot_view_get_color_class (fd_slot_view_get_color_index (fd_slot_get_session_id (slot)));

    if (chip->color_class != color_class)
      {
        if (chip->color_class != NULL)
          gtk_widget_remove_css_class (chip->button, chip->color_class);
        gtk_widget_add_css_class (chip->button, color_class);
        chip->color_class = color_class;
      }
  }

  /* an inscription only redraws when its text changes: safe in allocate */
  markup = dup_chip_markup (slot);
  gtk_inscription_set_markup (GTK_INSCRIPTION (chip->inscription), markup);
}

/* A chip of a slot with a conflict is marked, its message in the tooltip */
static void
mark_chip (FdMonthView *self,
           Chip        *chip)
{
  gboolean conflicted = chip->slot != NULL && self->conflicted != NULL &&
                        g_hash_table_contains (self->conflicted,
                                               fd_record_get_id (FD_RECORD (chip->slot)));

  if (conflicted)
    gtk_widget_add_css_class (chip->button, "conflicted");
  else
    gtk_widget_remove_css_class (chip->button, "conflicted");
}

static void
forget_chip_slots (FdMonthView *self)
{
  for (guint i = 0; i < self->chips->len; i++)
    set_chip_slot (&g_array_index (self->chips, Chip, i), NULL);
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
update_cells (FdMonthView *self)
{
  int today_cell = -1;

  if (g_date_valid (&self->today))
    today_cell = fd_month_model_get_cell_for_date (self->model, &self->today);

  for (guint i = 0; i < N_CELLS; i++)
    {
      GDate date;
      char day[4];

      fd_month_model_get_cell_date (self->model, i, &date);
      g_snprintf (day, sizeof day, "%u", (guint) g_date_get_day (&date));
      gtk_label_set_label (GTK_LABEL (self->day_labels[i]), day);

      if (fd_month_model_cell_in_month (self->model, i))
        gtk_widget_remove_css_class (self->cells[i], "other-month");
      else
        gtk_widget_add_css_class (self->cells[i], "other-month");

      if ((int) i == today_cell)
        gtk_widget_add_css_class (self->cells[i], "today");
      else
        gtk_widget_remove_css_class (self->cells[i], "today");

      {
        g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u",
                                                (guint) g_date_get_year (&date),
                                                (guint) g_date_get_month (&date),
                                                (guint) g_date_get_day (&date));
        const char *holiday = self->holidays != NULL ? g_hash_table_lookup (self->holidays, iso)
                                                     : NULL;

        if (holiday != NULL)
          gtk_widget_add_css_class (self->cells[i], "holiday");
        else
          gtk_widget_remove_css_class (self->cells[i], "holiday");
        set_tooltip_text (self->cells[i], holiday);
      }
    }
}

static void
invalidate_layout (FdMonthView *self)
{
  self->layout_valid = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static char *
dup_overflow_text (guint    n_more,
                   gboolean compact)
{
  if (compact)
    /* Translators: the "+N more" button of a narrow calendar day */
    return g_strdup_printf (C_("calendar overflow", "+%u"), n_more);

  /* Translators: in a calendar day too small for all its slots, a button
   * opening the list of the others */
  return g_strdup_printf (ngettext ("+%u more", "+%u more", n_more), n_more);
}

/* "+12 more", or "+12" when the days are too narrow for the words: one
 * decision for the whole grid, from the widest count. */
static gboolean
overflow_needs_compact (FdMonthView *self,
                        guint        max_more,
                        int          width)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  int text_width;

  if (max_more == 0)
    return FALSE;

  text = dup_overflow_text (max_more, FALSE);
  layout = gtk_widget_create_pango_layout (self->overflow_labels[0], text);
  pango_layout_get_pixel_size (layout, &text_width, NULL);

  return text_width > width;
}

static int
measure_height (GtkWidget *widget,
                int        for_width)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, for_width,
                      NULL, &natural, NULL, NULL);
  return natural;
}

static void
compute_layout (FdMonthView *self,
                int          width,
                int          height)
{
  int header_height = 0;
  int chip_height;
  int overflow_height;
  int day_height;
  int grid_height;
  guint n_more[N_CELLS];
  guint max_more = 0;
  int min_width = G_MAXINT;
  gboolean compact;
  guint next_chip = 0;
  guint wanted = 0;
  int capacity = 0;

  for (guint col = 0; col < N_COLUMNS; col++)
    header_height = MAX (header_height, measure_height (self->weekday_labels[col], -1));

  for (guint col = 0; col < N_COLUMNS; col++)
    {
      int x = col * width / N_COLUMNS;

      self->weekday_allocations[col] = (GtkAllocation) {
        x, 0, (int) (col + 1) * width / N_COLUMNS - x, header_height
      };
    }

  day_height = measure_height (self->cells[0], -1);
  overflow_height = measure_height (self->overflow_buttons[0], -1);
  chip_height = self->chips->len > 0
    ? measure_height (g_array_index (self->chips, Chip, 0).button, -1)
    : overflow_height;
  chip_height = MAX (chip_height, 1);
  grid_height = MAX (height - header_height, 0);

  for (guint i = 0; i < N_CELLS; i++)
    {
      GPtrArray *items = fd_month_model_get_cell_items (self->model, i);
      guint col = i % N_COLUMNS;
      guint row = i / N_COLUMNS;
      int x = col * width / N_COLUMNS;
      int y = header_height + (int) row * grid_height / N_ROWS;
      int cell_width = (int) (col + 1) * width / N_COLUMNS - x;
      int cell_height = header_height + (int) (row + 1) * grid_height / N_ROWS - y;
      int chips_y = y + day_height;
      int chips_width = MAX (cell_width - 2 * CELL_PADDING - 1, 0);
      guint n_fit;
      guint n_shown;

      self->cell_allocations[i] = (GtkAllocation) { x, y, cell_width, cell_height };

      n_fit = fd_month_model_fit_chips (cell_height - day_height - CELL_PADDING,
                                        chip_height, CHIP_SPACING,
                                        overflow_height, items->len);
      capacity = MAX (capacity, (int) n_fit);
      wanted += n_fit;

      n_shown = MIN (n_fit, self->chips->len - next_chip);

      for (guint j = 0; j < n_shown; j++)
        {
          Chip *chip = &g_array_index (self->chips, Chip, next_chip++);

          set_chip_slot (chip, g_ptr_array_index (items, j));
          mark_chip (self, chip);
          chip->allocation = (GtkAllocation) {
            x + CELL_PADDING,
            chips_y + (int) j * (chip_height + CHIP_SPACING),
            chips_width,
            chip_height,
          };
        }

      n_more[i] = items->len - n_shown;
      max_more = MAX (max_more, n_more[i]);
      min_width = MIN (min_width, chips_width);

      if (n_more[i] > 0)
        {
          self->overflow_allocations[i] = (GtkAllocation) {
            x + CELL_PADDING,
            chips_y + (int) n_shown * (chip_height + CHIP_SPACING),
            chips_width,
            overflow_height,
          };
        }
      else
        {
          self->overflow_allocations[i] = (GtkAllocation) { 0, 0, 0, 0 };
        }
    }

  compact = overflow_needs_compact (self, max_more, min_width - 2 * CELL_PADDING);
  for (guint i = 0; i < N_CELLS; i++)
    {
      g_autofree char *text = NULL;

      if (n_more[i] == 0)
        continue;

      text = dup_overflow_text (n_more[i], compact);
      gtk_inscription_set_text (GTK_INSCRIPTION (self->overflow_labels[i]), text);
    }

  /* unused chips are hidden */
  for (guint i = next_chip; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);

      set_chip_slot (chip, NULL);
      chip->allocation = (GtkAllocation) { 0, 0, 0, 0 };
    }

  if (capacity > 0)
    self->capacity = capacity;

  if (wanted > self->chips->len)
    queue_grow_pool (self, wanted);

  self->last_width = width;
  self->last_height = height;
  self->layout_valid = TRUE;
}

static void
allocate_child (GtkWidget           *child,
                const GtkAllocation *allocation)
{
  gboolean shown = allocation->width > 0 && allocation->height > 0;

  gtk_widget_set_child_visible (child, shown);

  if (shown)
    {
      /* GTK wants a measure before every allocation */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, allocation, -1);
    }
}

static void
fd_month_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  FdMonthView *self = FD_MONTH_VIEW (widget);

  if (!self->layout_valid || width != self->last_width || height != self->last_height)
    compute_layout (self, width, height);

  for (guint i = 0; i < N_COLUMNS; i++)
    allocate_child (self->weekday_labels[i], &self->weekday_allocations[i]);

  for (guint i = 0; i < N_CELLS; i++)
    {
      allocate_child (self->cells[i], &self->cell_allocations[i]);
      allocate_child (self->overflow_buttons[i], &self->overflow_allocations[i]);
    }

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);

      allocate_child (chip->button, &chip->allocation);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        gtk_popover_present (GTK_POPOVER (child));
    }
}

static void
fd_month_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  FdMonthView *self = FD_MONTH_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int cell_min = MIN_CELL_WIDTH;

      for (guint i = 0; i < N_COLUMNS; i++)
        {
          int child_min = 0;

          gtk_widget_measure (self->weekday_labels[i], orientation, -1,
                              &child_min, NULL, NULL, NULL);
          cell_min = MAX (cell_min, child_min);
        }

      *minimum = N_COLUMNS * cell_min;
      *natural = N_COLUMNS * MAX (cell_min, NAT_CELL_WIDTH);
    }
  else
    {
      int header = 0;
      int day = measure_height (self->cells[0], -1);
      int overflow = measure_height (self->overflow_buttons[0], -1);

      for (guint i = 0; i < N_COLUMNS; i++)
        header = MAX (header, measure_height (self->weekday_labels[i], -1));

      /* every day shows at least its "+N more" button */
      *minimum = header + N_ROWS * (day + overflow + CELL_PADDING);
      *natural = header + N_ROWS * (day + 3 * (overflow + CHIP_SPACING) + CELL_PADDING);
    }
}

static GtkSizeRequestMode
fd_month_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
fd_month_view_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  if (GTK_IS_POPOVER (child))
    gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (buildable));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
fd_month_view_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = fd_month_view_add_child;
}

static void
fd_month_view_dispose (GObject *object)
{
  FdMonthView *self = FD_MONTH_VIEW (object);
  GtkWidget *child;

  if (self->grow_pool_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_pool_id);
      self->grow_pool_id = 0;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  self->overflow_popover = NULL;
  if (self->chips != NULL)
    g_array_set_size (self->chips, 0);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  if (self->model != NULL)
    fd_month_model_set_items (self->model, NULL, NULL, NULL);

  G_OBJECT_CLASS (fd_month_view_parent_class)->dispose (object);
}

static void
fd_month_view_finalize (GObject *object)
{
  FdMonthView *self = FD_MONTH_VIEW (object);

  g_clear_pointer (&self->model, fd_month_model_free);
  g_clear_pointer (&self->chips, g_array_unref);
  g_clear_pointer (&self->conflicted, g_hash_table_unref);
  g_clear_pointer (&self->holidays, g_hash_table_unref);

  G_OBJECT_CLASS (fd_month_view_parent_class)->finalize (object);
}

static void
fd_month_view_class_init (FdMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_month_view_dispose;
  object_class->finalize = fd_month_view_finalize;

  widget_class->measure = fd_month_view_measure;
  widget_class->size_allocate = fd_month_view_size_allocate;
  widget_class->get_request_mode = fd_month_view_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fd_month_view_init (FdMonthView *self)
{
  GDateTime *now = g_date_time_new_now_local ();

  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  self->capacity = DEFAULT_CAPACITY;
  self->last_width = -1;
  self->last_height = -1;

  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  self->model = fd_month_model_new (g_date_time_get_year (now),
                                    g_date_time_get_month (now));
  g_date_time_unref (now);

  for (guint i = 0; i < N_CELLS; i++)
    {
      self->day_labels[i] = gtk_label_new (NULL);
      gtk_widget_set_halign (self->day_labels[i], GTK_ALIGN_START);
      gtk_widget_add_css_class (self->day_labels[i], "day-number");
      gtk_widget_add_css_class (self->day_labels[i], "numeric");

      self->cells[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_valign (self->day_labels[i], GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (self->cells[i]), self->day_labels[i]);
      gtk_widget_add_css_class (self->cells[i], "day");
      if (i % N_COLUMNS >= 5)
        gtk_widget_add_css_class (self->cells[i], "weekend");
      if (i % N_COLUMNS == N_COLUMNS - 1)
        gtk_widget_add_css_class (self->cells[i], "last-column");
      if (i < N_COLUMNS)
        gtk_widget_add_css_class (self->cells[i], "first-row");
      gtk_widget_set_parent (self->cells[i], GTK_WIDGET (self));
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      self->weekday_labels[i] = gtk_label_new (fd_format_weekday_abbrev (i + 1));
      gtk_label_set_xalign (GTK_LABEL (self->weekday_labels[i]), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (self->weekday_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->weekday_labels[i], "weekday");
      gtk_widget_add_css_class (self->weekday_labels[i], "caption-heading");
      gtk_widget_add_css_class (self->weekday_labels[i], "dim-label");
      gtk_widget_set_parent (self->weekday_labels[i], GTK_WIDGET (self));
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      self->overflow_labels[i] = gtk_inscription_new (NULL);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->overflow_labels[i]), 0);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->overflow_labels[i]),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (self->overflow_labels[i]), 0.0);

      self->overflow_buttons[i] = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->overflow_buttons[i]), self->overflow_labels[i]);
      gtk_widget_add_css_class (self->overflow_buttons[i], "flat");
      gtk_widget_add_css_class (self->overflow_buttons[i], "overflow");
      gtk_widget_set_child_visible (self->overflow_buttons[i], FALSE);
      g_signal_connect_object (self->overflow_buttons[i], "clicked",
                               G_CALLBACK (on_overflow_button_clicked_cb), self, 0);
      gtk_widget_set_parent (self->overflow_buttons[i], GTK_WIDGET (self));
    }

  update_cells (self);
}

/**
 * fd_month_view_new:
 *
 * Returns: (transfer floating): a month view on the current month
 */
GtkWidget *
fd_month_view_new (void)
{
  return g_object_new (FD_TYPE_MONTH_VIEW, NULL);
}

/**
 * fd_month_view_set_month:
 * @self: a #FdMonthView
 * @year: the year
 * @month: the month, 1…12
 *
 * Shows @month; its slots are cleared until fd_month_view_set_slots().
 */
void
fd_month_view_set_month (FdMonthView *self,
                         int          year,
                         int          month)
{
  g_return_if_fail (FD_IS_MONTH_VIEW (self));
  g_return_if_fail (year >= 1 && year <= 9999);
  g_return_if_fail (month >= 1 && month <= 12);

  if (fd_month_model_get_year (self->model) == year &&
      fd_month_model_get_month (self->model) == month)
    return;

  hide_overflow_popover (self);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->model, fd_month_model_free);
  self->model = fd_month_model_new (year, month);

  /* the chips' slots belong to the old array */
  forget_chip_slots (self);

  update_cells (self);
  invalidate_layout (self);
}

int
fd_month_view_get_year (FdMonthView *self)
{
  g_return_val_if_fail (FD_IS_MONTH_VIEW (self), 0);

  return fd_month_model_get_year (self->model);
}

int
fd_month_view_get_month (FdMonthView *self)
{
  g_return_val_if_fail (FD_IS_MONTH_VIEW (self), 0);

  return fd_month_model_get_month (self->model);
}

/**
 * fd_month_view_dup_range:
 * @self: a #FdMonthView
 * @from: (out) (transfer full): midnight of the first day shown
 * @to: (out) (transfer full): midnight after the last day shown
 *
 * Gives the range of slots the view can show, as ISO local date-times.
 */
void
fd_month_view_dup_range (FdMonthView  *self,
                         char        **from,
                         char        **to)
{
  g_return_if_fail (FD_IS_MONTH_VIEW (self));
  g_return_if_fail (from != NULL && to != NULL);

  *from = fd_month_model_dup_range_start (self->model);
  *to = fd_month_model_dup_range_end (self->model);
}

/**
 * fd_month_view_set_today:
 * @self: a #FdMonthView
 * @today: (nullable): the day to highlight, or %NULL for none
 */
void
fd_month_view_set_today (FdMonthView *self,
                         const GDate *today)
{
  g_return_if_fail (FD_IS_MONTH_VIEW (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  update_cells (self);
}

/**
 * fd_month_view_set_slots:
 * @self: a #FdMonthView
 * @slots: (nullable) (element-type FdSlot): the slots to show; those
 *   outside the visible days are ignored
 *
 * Keeps a reference on @slots, which must not change afterwards.
 */
void
fd_month_view_set_slots (FdMonthView *self,
                         GPtrArray   *slots)
{
  guint wanted;

  g_return_if_fail (FD_IS_MONTH_VIEW (self));

  if (slots != NULL)
    g_ptr_array_ref (slots);

  hide_overflow_popover (self);

  /* drop the chips' borrowed pointers before the old array goes */
  forget_chip_slots (self);

  fd_month_model_set_items (self->model, slots, slot_get_start, slot_get_end);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  self->slots = slots;

  /* grow the pool now rather than a frame late */
  wanted = count_wanted_chips (self);
  if (wanted > self->chips->len)
    add_chips (self, wanted);

  invalidate_layout (self);
}

/**
 * fd_month_view_get_slots:
 *
 * Returns: (transfer none) (nullable) (element-type FdSlot): the slots
 */
GPtrArray *
fd_month_view_get_slots (FdMonthView *self)
{
  g_return_val_if_fail (FD_IS_MONTH_VIEW (self), NULL);

  return self->slots;
}

/**
 * fd_month_view_get_slot_area:
 * @self: a #FdMonthView
 * @slot: a slot shown by @self
 * @area: (out): where to store the area, in @self's coordinates
 *
 * Finds where @slot is: its chip, or its day when the chip is hidden
 * behind "+N more".
 *
 * Returns: %TRUE if @slot is in one of the visible days
 */
gboolean
fd_month_view_get_slot_area (FdMonthView  *self,
                             FdSlot       *slot,
                             GdkRectangle *area)
{
  int cell;

  g_return_val_if_fail (FD_IS_MONTH_VIEW (self), FALSE);
  g_return_val_if_fail (FD_IS_SLOT (slot), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  /* the page may hold a newer object of the same slot */
  slot = find_slot (self, fd_record_get_id (FD_RECORD (slot)), NULL);
  if (slot == NULL)
    return FALSE;

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);

      if (chip->slot == slot && chip->allocation.width > 0)
        {
          *area = chip->allocation;
          return TRUE;
        }
    }

  cell = fd_month_model_get_cell_for_iso (self->model, fd_slot_get_start_at (slot));
  if (cell < 0)
    return FALSE;

  *area = self->cell_allocations[cell];
  return TRUE;
}

/* FdSlotView */

static FdSlot *
find_slot (FdMonthView *self,
           const char  *slot_id,
           guint       *position)
{
  if (self->slots == NULL)
    return NULL;

  for (guint i = 0; i < self->slots->len; i++)
    {
      FdSlot *slot = g_ptr_array_index (self->slots, i);

      if (g_strcmp0 (fd_record_get_id (FD_RECORD (slot)), slot_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return slot;
        }
    }

  return NULL;
}

static int
compare_slots_by_time (gconstpointer a,
                       gconstpointer b)
{
  FdSlot *slot_a = *(FdSlot **) a;
  FdSlot *slot_b = *(FdSlot **) b;
  int cmp = g_strcmp0 (fd_slot_get_start_at (slot_a), fd_slot_get_start_at (slot_b));

  return cmp != 0 ? cmp : g_strcmp0 (fd_slot_get_end_at (slot_a), fd_slot_get_end_at (slot_b));
}

/* The page's slots with @slot put in place of @slot_id (either may be
 * %NULL), in time order: the model lays out whole days */
static void
replace_slot (FdMonthView *self,
              const char  *slot_id,
              FdSlot      *slot)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  guint position;

  if (self->slots != NULL)
    for (guint i = 0; i < self->slots->len; i++)
      g_ptr_array_add (slots, g_object_ref (g_ptr_array_index (self->slots, i)));

  if (slot_id != NULL && find_slot (self, slot_id, &position) != NULL)
    g_ptr_array_remove_index (slots, position);
  if (slot != NULL)
    g_ptr_array_add (slots, g_object_ref (slot));

  g_ptr_array_sort (slots, compare_slots_by_time);
  fd_month_view_set_slots (self, slots);
}

static FdCalendarPeriod
fd_month_view_get_period (FdSlotView *view)
{
  return FD_CALENDAR_PERIOD_MONTH;
}

static void
fd_month_view_slot_view_set_date (FdSlotView  *view,
                                  const GDate *date)
{
  fd_month_view_set_month (FD_MONTH_VIEW (view), g_date_get_year (date), g_date_get_month (date));
}

static void
fd_month_view_slot_view_set_today (FdSlotView  *view,
                                   const GDate *today)
{
  fd_month_view_set_today (FD_MONTH_VIEW (view), today);
}

static void
fd_month_view_slot_view_set_slots (FdSlotView *view,
                                   GPtrArray  *slots)
{
  fd_month_view_set_slots (FD_MONTH_VIEW (view), slots);
}

static void
fd_month_view_add_slot (FdSlotView *view,
                        FdSlot     *slot)
{
  FdMonthView *self = FD_MONTH_VIEW (view);

  replace_slot (self, fd_record_get_id (FD_RECORD (slot)), slot);
}

static void
fd_month_view_update_slot (FdSlotView *view,
                           FdSlot     *slot)
{
  FdMonthView *self = FD_MONTH_VIEW (view);

  replace_slot (self, fd_record_get_id (FD_RECORD (slot)), slot);
}

static void
fd_month_view_remove_slot (FdSlotView *view,
                           const char *slot_id)
{
  FdMonthView *self = FD_MONTH_VIEW (view);

  if (find_slot (self, slot_id, NULL) != NULL)
    replace_slot (self, slot_id, NULL);
}

static void
fd_month_view_set_marks (FdSlotView *view,
                         GHashTable *conflicted,
                         GHashTable *holidays)
{
  FdMonthView *self = FD_MONTH_VIEW (view);

  if (conflicted != NULL)
    g_hash_table_ref (conflicted);
  if (holidays != NULL)
    g_hash_table_ref (holidays);
  g_clear_pointer (&self->conflicted, g_hash_table_unref);
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  self->conflicted = conflicted;
  self->holidays = holidays;

  update_cells (self);
  for (guint i = 0; i < self->chips->len; i++)
    mark_chip (self, &g_array_index (self->chips, Chip, i));
}

static gboolean
fd_month_view_slot_view_get_slot_area (FdSlotView   *view,
                                       const char   *slot_id,
                                       GdkRectangle *area)
{
  FdMonthView *self = FD_MONTH_VIEW (view);
  FdSlot *slot = find_slot (self, slot_id, NULL);

  return slot != NULL && fd_month_view_get_slot_area (self, slot, area);
}

static gboolean
fd_month_view_focus_slot (FdSlotView *view,
                          const char *slot_id)
{
  FdMonthView *self = FD_MONTH_VIEW (view);

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);

      if (chip->slot != NULL && chip->allocation.width > 0 &&
          g_strcmp0 (fd_record_get_id (FD_RECORD (chip->slot)), slot_id) == 0)
        return gtk_widget_grab_focus (chip->button);
    }

  return FALSE;
}

static void
fd_month_view_slot_view_init (FdSlotViewInterface *iface)
{
  iface->get_period = fd_month_view_get_period;
  iface->set_date = fd_month_view_slot_view_set_date;
  iface->set_today = fd_month_view_slot_view_set_today;
  iface->set_slots = fd_month_view_slot_view_set_slots;
  iface->add_slot = fd_month_view_add_slot;
  iface->update_slot = fd_month_view_update_slot;
  iface->remove_slot = fd_month_view_remove_slot;
  iface->set_marks = fd_month_view_set_marks;
  iface->get_slot_area = fd_month_view_slot_view_get_slot_area;
  iface->focus_slot = fd_month_view_focus_slot;
}
