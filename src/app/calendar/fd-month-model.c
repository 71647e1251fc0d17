/* fd-month-model.c — the month grid's decisions, without GTK
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-month-model"

#include "config.h"

#include "fd-month-model.h"

#include <string.h>

/*
 * FdMonthModel:
 *
 * Which day each of the 6 × 7 cells of a month grid shows (French weeks,
 * Monday first, the month's first day in the first row), and which items
 * (calendar slots) fall into each cell, in the order they are drawn. The
 * month view asks it everything that does not need pixels, so unit tests
 * check those decisions without a display.
 */
struct _FdMonthModel
{
  int year;
  int month;
  GDate first;               /* the Monday shown in the top-left cell */
  GPtrArray *items;          /* all items, owned by the caller's array */
  GPtrArray *cells[FD_MONTH_MODEL_N_CELLS]; /* borrowed, sorted */
};

typedef struct
{
  FdMonthModelTimeFunc get_start;
  FdMonthModelTimeFunc get_end;
} SortFuncs;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortFuncs *funcs = user_data;
  gpointer item_a = *(gpointer *) a;
  gpointer item_b = *(gpointer *) b;
  int res;

  res = g_strcmp0 (funcs->get_start (item_a), funcs->get_start (item_b));
  if (res != 0 || funcs->get_end == NULL)
    return res;

  return g_strcmp0 (funcs->get_end (item_a), funcs->get_end (item_b));
}

static void
clear_cells (FdMonthModel *self)
{
  for (guint i = 0; i < FD_MONTH_MODEL_N_CELLS; i++)
    g_ptr_array_set_size (self->cells[i], 0);
  g_clear_pointer (&self->items, g_ptr_array_unref);
}

/**
 * fd_month_model_parse_iso_date:
 * @iso: "2026-03-03" or "2026-03-03T09:00"
 * @date: (out caller-allocates): where to store the day
 *
 * Returns: %TRUE if @iso starts with a valid date
 */
gboolean
fd_month_model_parse_iso_date (const char *iso,
                               GDate      *date)
{
  guint64 year, month, day;
  char buf[11];

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (iso == NULL || strlen (iso) < 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  if (iso[10] != '\0' && iso[10] != 'T' && iso[10] != ' ')
    return FALSE;

  memcpy (buf, iso, 10);
  buf[10] = '\0';
  buf[4] = buf[7] = '\0';

  if (!g_ascii_string_to_unsigned (buf, 10, 1, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (buf + 5, 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (buf + 8, 10, 1, 31, &day, NULL))
    return FALSE;

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/**
 * fd_month_model_new:
 * @year: the year, 1…9999
 * @month: the month, 1…12
 *
 * Returns: (transfer full): a model of @month's grid, without items
 */
FdMonthModel *
fd_month_model_new (int year,
                    int month)
{
  FdMonthModel *self;

  g_return_val_if_fail (year >= 1 && year <= 9999, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  self = g_new0 (FdMonthModel, 1);
  self->year = year;
  self->month = month;

  g_date_clear (&self->first, 1);
  g_date_set_dmy (&self->first, 1, (GDateMonth) month, (GDateYear) year);
  /* GDateWeekday: Monday is 1 … Sunday is 7 */
  g_date_subtract_days (&self->first, g_date_get_weekday (&self->first) - 1);

  for (guint i = 0; i < FD_MONTH_MODEL_N_CELLS; i++)
    self->cells[i] = g_ptr_array_new ();

  return self;
}

void
fd_month_model_free (FdMonthModel *self)
{
  if (self == NULL)
    return;

  clear_cells (self);
  for (guint i = 0; i < FD_MONTH_MODEL_N_CELLS; i++)
    g_ptr_array_unref (self->cells[i]);
  g_free (self);
}

int
fd_month_model_get_year (FdMonthModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->year;
}

int
fd_month_model_get_month (FdMonthModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->month;
}

/**
 * fd_month_model_get_cell_date:
 * @self: a #FdMonthModel
 * @cell: 0 (top-left, a Monday) … 41 (bottom-right, a Sunday)
 * @date: (out caller-allocates): the day the cell shows
 */
void
fd_month_model_get_cell_date (FdMonthModel *self,
                              guint         cell,
                              GDate        *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cell < FD_MONTH_MODEL_N_CELLS);
  g_return_if_fail (date != NULL);

  *date = self->first;
  g_date_add_days (date, cell);
}

/**
 * fd_month_model_get_cell_for_date:
 * @self: a #FdMonthModel
 * @date: a valid day
 *
 * Returns: the cell showing @date, or -1 when the grid does not show it
 */
int
fd_month_model_get_cell_for_date (FdMonthModel *self,
                                  const GDate  *date)
{
  int days;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (date != NULL && g_date_valid (date), -1);

  days = g_date_days_between (&self->first, date);
  if (days < 0 || days >= FD_MONTH_MODEL_N_CELLS)
    return -1;

  return days;
}

/**
 * fd_month_model_get_cell_for_iso:
 * @self: a #FdMonthModel
 * @iso: an ISO date or local date-time
 *
 * Returns: the cell showing @iso's day, or -1 when not shown or invalid
 */
int
fd_month_model_get_cell_for_iso (FdMonthModel *self,
                                 const char   *iso)
{
  GDate date;

  g_return_val_if_fail (self != NULL, -1);

  if (!fd_month_model_parse_iso_date (iso, &date))
    return -1;

  return fd_month_model_get_cell_for_date (self, &date);
}

/**
 * fd_month_model_cell_in_month:
 *
 * Returns: %FALSE for the cells showing the previous or next month's days
 */
gboolean
fd_month_model_cell_in_month (FdMonthModel *self,
                              guint         cell)
{
  GDate date;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cell < FD_MONTH_MODEL_N_CELLS, FALSE);

  fd_month_model_get_cell_date (self, cell, &date);
  return (int) g_date_get_month (&date) == self->month;
}

/**
 * fd_month_model_cell_is_weekend:
 *
 * Returns: %TRUE for Saturdays and Sundays (the last two columns)
 */
gboolean
fd_month_model_cell_is_weekend (FdMonthModel *self,
                                guint         cell)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cell < FD_MONTH_MODEL_N_CELLS, FALSE);

  return cell % FD_MONTH_MODEL_N_COLUMNS >= 5;
}

static char *
format_midnight (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02uT00:00",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * fd_month_model_dup_range_start:
 *
 * Returns: (transfer full): midnight of the first day shown, as an ISO local
 *   date-time, the inclusive start of the grid's query
 */
char *
fd_month_model_dup_range_start (FdMonthModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return format_midnight (&self->first);
}

/**
 * fd_month_model_dup_range_end:
 *
 * Returns: (transfer full): midnight after the last day shown, the
 *   exclusive end of the grid's query
 */
char *
fd_month_model_dup_range_end (FdMonthModel *self)
{
  GDate end;

  g_return_val_if_fail (self != NULL, NULL);

  end = self->first;
  g_date_add_days (&end, FD_MONTH_MODEL_N_CELLS);
  return format_midnight (&end);
}

/**
 * fd_month_model_set_items:
 * @self: a #FdMonthModel
 * @items: (nullable): the items to place, in any order
 * @get_start: returns an item's ISO start; its day chooses the cell
 * @get_end: (nullable): returns an item's ISO end, to order equal starts
 *
 * Puts each item in the cell of its start day, sorted by start then end,
 * keeping the given order between equal items. Items whose day is not
 * shown are left out. Keeps a reference on @items.
 */
void
fd_month_model_set_items (FdMonthModel         *self,
                          GPtrArray            *items,
                          FdMonthModelTimeFunc  get_start,
                          FdMonthModelTimeFunc  get_end)
{
  SortFuncs funcs = { get_start, get_end };

  g_return_if_fail (self != NULL);
  g_return_if_fail (items == NULL || get_start != NULL);

  clear_cells (self);

  if (items == NULL)
    return;

  self->items = g_ptr_array_ref (items);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      int cell = fd_month_model_get_cell_for_iso (self, get_start (item));

      if (cell >= 0)
        g_ptr_array_add (self->cells[cell], item);
    }

  /* g_ptr_array_sort_with_data() is a stable sort */
  for (guint i = 0; i < FD_MONTH_MODEL_N_CELLS; i++)
    g_ptr_array_sort_with_data (self->cells[i], compare_items, &funcs);
}

/**
 * fd_month_model_get_items:
 *
 * Returns: (transfer none) (nullable): the array given to
 *   fd_month_model_set_items()
 */
GPtrArray *
fd_month_model_get_items (FdMonthModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->items;
}

/**
 * fd_month_model_get_cell_items:
 *
 * Returns: (transfer none): the items of @cell's day, in drawing order
 */
GPtrArray *
fd_month_model_get_cell_items (FdMonthModel *self,
                               guint         cell)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (cell < FD_MONTH_MODEL_N_CELLS, NULL);

  return self->cells[cell];
}

/**
 * fd_month_model_fit_chips:
 * @available: the height left for chips in a cell, in pixels
 * @chip_height: one chip's height
 * @spacing: the gap between two chips, and above the overflow button
 * @overflow_height: the "+N more" button's height
 * @n_items: how many items the day has
 *
 * Decides how many chips a cell shows: all of them when they fit, else as
 * many as fit above the overflow button, which then lists the rest.
 *
 * Returns: the number of chips to show, at most @n_items
 */
guint
fd_month_model_fit_chips (int   available,
                          int   chip_height,
                          int   spacing,
                          int   overflow_height,
                          guint n_items)
{
  int step;
  int room;

  g_return_val_if_fail (chip_height > 0, 0);
  g_return_val_if_fail (spacing >= 0, 0);

  if (n_items == 0 || available < chip_height)
    return 0;

  step = chip_height + spacing;

  /* n chips take n × chip + (n − 1) × spacing */
  if ((gint64) n_items * step - spacing <= available)
    return n_items;

  /* k chips, a gap, then the overflow button */
  room = available - overflow_height;
  if (room < step)
    return 0;

  return MIN ((guint) (room / step), n_items - 1);
}
