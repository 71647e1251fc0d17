/* test-month-layout.c — the month grid's decisions, without a display
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "fd-month-model.h"

typedef struct
{
  const char *name;
  const char *start;
  const char *end;
} Item;

static const char *
item_get_start (gpointer item)
{
  return ((Item *) item)->start;
}

static const char *
item_get_end (gpointer item)
{
  return ((Item *) item)->end;
}

static void
assert_cell_date (FdMonthModel *model,
                  guint         cell,
                  int           year,
                  int           month,
                  int           day)
{
  GDate date;

  fd_month_model_get_cell_date (model, cell, &date);
  g_assert_cmpint (g_date_get_year (&date), ==, year);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_day (&date), ==, day);
  g_assert_cmpint (g_date_get_weekday (&date), ==, cell % 7 + 1);
}

static void
test_cells_monday_start (void)
{
  /* June 2026 starts on a Monday: no day of May is shown */
  g_autoptr(FdMonthModel) model = fd_month_model_new (2026, 6);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  assert_cell_date (model, 0, 2026, 6, 1);
  assert_cell_date (model, 29, 2026, 6, 30);
  assert_cell_date (model, 30, 2026, 7, 1);
  assert_cell_date (model, 41, 2026, 7, 12);
  g_assert_true (fd_month_model_cell_in_month (model, 0));
  g_assert_true (fd_month_model_cell_in_month (model, 29));
  g_assert_false (fd_month_model_cell_in_month (model, 30));

  from = fd_month_model_dup_range_start (model);
  to = fd_month_model_dup_range_end (model);
  g_assert_cmpstr (from, ==, "2026-06-01T00:00");
  g_assert_cmpstr (to, ==, "2026-07-13T00:00");
}

static void
test_cells_sunday_start (void)
{
  /* November 2026 starts on a Sunday: six days of October come first */
  g_autoptr(FdMonthModel) model = fd_month_model_new (2026, 11);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate date;

  assert_cell_date (model, 0, 2026, 10, 26);
  assert_cell_date (model, 5, 2026, 10, 31);
  assert_cell_date (model, 6, 2026, 11, 1);
  assert_cell_date (model, 35, 2026, 11, 30);
  assert_cell_date (model, 41, 2026, 12, 6);
  g_assert_false (fd_month_model_cell_in_month (model, 5));
  g_assert_true (fd_month_model_cell_in_month (model, 6));
  g_assert_true (fd_month_model_cell_in_month (model, 35));
  g_assert_false (fd_month_model_cell_in_month (model, 36));

  g_assert_false (fd_month_model_cell_is_weekend (model, 4));
  g_assert_true (fd_month_model_cell_is_weekend (model, 5));
  g_assert_true (fd_month_model_cell_is_weekend (model, 6));
  g_assert_false (fd_month_model_cell_is_weekend (model, 7));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, 11, 2026);
  g_assert_cmpint (fd_month_model_get_cell_for_date (model, &date), ==, 30);
  g_date_set_dmy (&date, 25, 10, 2026);
  g_assert_cmpint (fd_month_model_get_cell_for_date (model, &date), ==, -1);
  g_date_set_dmy (&date, 7, 12, 2026);
  g_assert_cmpint (fd_month_model_get_cell_for_date (model, &date), ==, -1);

  g_assert_cmpint (fd_month_model_get_cell_for_iso (model, "2026-11-25T09:00"), ==, 30);
  g_assert_cmpint (fd_month_model_get_cell_for_iso (model, "2026-12-06"), ==, 41);
  g_assert_cmpint (fd_month_model_get_cell_for_iso (model, "2026-02-30"), ==, -1);
  g_assert_cmpint (fd_month_model_get_cell_for_iso (model, "garbage"), ==, -1);
  g_assert_cmpint (fd_month_model_get_cell_for_iso (model, NULL), ==, -1);

  from = fd_month_model_dup_range_start (model);
  to = fd_month_model_dup_range_end (model);
  g_assert_cmpstr (from, ==, "2026-10-26T00:00");
  g_assert_cmpstr (to, ==, "2026-12-07T00:00");
}

static void
test_cells_leap_february (void)
{
  /* February 2028 (leap year) starts on a Tuesday and has 29 days */
  g_autoptr(FdMonthModel) model = fd_month_model_new (2028, 2);
  g_autoptr(FdMonthModel) plain = fd_month_model_new (2027, 2);

  assert_cell_date (model, 0, 2028, 1, 31);
  assert_cell_date (model, 1, 2028, 2, 1);
  assert_cell_date (model, 29, 2028, 2, 29);
  assert_cell_date (model, 30, 2028, 3, 1);
  g_assert_true (fd_month_model_cell_in_month (model, 29));
  g_assert_false (fd_month_model_cell_in_month (model, 30));
  g_assert_cmpint (fd_month_model_get_cell_for_iso (model, "2028-02-29T14:00"), ==, 29);

  /* February 2027 starts on a Monday and fills exactly four rows */
  assert_cell_date (plain, 0, 2027, 2, 1);
  assert_cell_date (plain, 27, 2027, 2, 28);
  assert_cell_date (plain, 28, 2027, 3, 1);
  g_assert_cmpint (fd_month_model_get_cell_for_iso (plain, "2027-02-29"), ==, -1);
}

static void
test_cells_year_boundary (void)
{
  /* January 2027 starts on a Friday: the grid begins in December 2026 */
  g_autoptr(FdMonthModel) model = fd_month_model_new (2027, 1);
  g_autoptr(FdMonthModel) december = fd_month_model_new (2026, 12);
  g_autofree char *to = NULL;

  assert_cell_date (model, 0, 2026, 12, 28);
  assert_cell_date (model, 4, 2027, 1, 1);

  to = fd_month_model_dup_range_end (december);
  assert_cell_date (december, 41, 2027, 1, 10);
  g_assert_cmpstr (to, ==, "2027-01-11T00:00");
}

static void
test_fit_chips (void)
{
  /* chips of 20 px, 2 px apart, an overflow button of 18 px */
  g_assert_cmpuint (fd_month_model_fit_chips (100, 20, 2, 18, 0), ==, 0);
  g_assert_cmpuint (fd_month_model_fit_chips (100, 20, 2, 18, 1), ==, 1);
  /* four chips take 86 px, five take 108 px */
  g_assert_cmpuint (fd_month_model_fit_chips (100, 20, 2, 18, 4), ==, 4);
  g_assert_cmpuint (fd_month_model_fit_chips (108, 20, 2, 18, 5), ==, 5);
  /* five do not fit in 100 px: three chips (66 px) and the button */
  g_assert_cmpuint (fd_month_model_fit_chips (100, 20, 2, 18, 5), ==, 3);
  g_assert_cmpuint (fd_month_model_fit_chips (100, 20, 2, 18, 40), ==, 3);
  /* exactly one chip, or less than one */
  g_assert_cmpuint (fd_month_model_fit_chips (20, 20, 2, 18, 1), ==, 1);
  g_assert_cmpuint (fd_month_model_fit_chips (19, 20, 2, 18, 1), ==, 0);
  /* room for the overflow button only */
  g_assert_cmpuint (fd_month_model_fit_chips (30, 20, 2, 18, 2), ==, 0);
  g_assert_cmpuint (fd_month_model_fit_chips (40, 20, 2, 18, 2), ==, 1);
  g_assert_cmpuint (fd_month_model_fit_chips (0, 20, 2, 18, 3), ==, 0);
  g_assert_cmpuint (fd_month_model_fit_chips (-5, 20, 2, 18, 3), ==, 0);
}

static void
test_packing_order (void)
{
  Item items[] = {
    { "late",       "2026-11-25T14:00", "2026-11-25T17:30" },
    { "other-day",  "2026-11-24T09:00", "2026-11-24T12:00" },
    { "short",      "2026-11-25T09:00", "2026-11-25T10:00" },
    { "long",       "2026-11-25T09:00", "2026-11-25T12:30" },
    { "same-a",     "2026-11-25T09:00", "2026-11-25T12:30" },
    { "outside",    "2026-12-08T09:00", "2026-12-08T12:00" },
    { "before",     "2026-10-25T09:00", "2026-10-25T12:00" },
    { "first-cell", "2026-10-26T00:00", "2026-10-26T01:00" },
    { "last-cell",  "2026-12-06T23:00", "2026-12-06T23:30" },
    { "bad",        NULL,               NULL },
  };
  g_autoptr(FdMonthModel) model = fd_month_model_new (2026, 11);
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  GPtrArray *cell;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_ptr_array_add (array, &items[i]);

  fd_month_model_set_items (model, array, item_get_start, item_get_end);
  g_assert_true (fd_month_model_get_items (model) == array);

  cell = fd_month_model_get_cell_items (model, 30);
  g_assert_cmpuint (cell->len, ==, 4);
  g_assert_cmpstr (((Item *) cell->pdata[0])->name, ==, "short");
  /* equal start and end keep the given order */
  g_assert_cmpstr (((Item *) cell->pdata[1])->name, ==, "long");
  g_assert_cmpstr (((Item *) cell->pdata[2])->name, ==, "same-a");
  g_assert_cmpstr (((Item *) cell->pdata[3])->name, ==, "late");

  cell = fd_month_model_get_cell_items (model, 29);
  g_assert_cmpuint (cell->len, ==, 1);
  g_assert_cmpstr (((Item *) cell->pdata[0])->name, ==, "other-day");

  cell = fd_month_model_get_cell_items (model, 0);
  g_assert_cmpuint (cell->len, ==, 1);
  g_assert_cmpstr (((Item *) cell->pdata[0])->name, ==, "first-cell");

  cell = fd_month_model_get_cell_items (model, 41);
  g_assert_cmpuint (cell->len, ==, 1);
  g_assert_cmpstr (((Item *) cell->pdata[0])->name, ==, "last-cell");

  /* no other cell got anything: "outside", "before" and "bad" are dropped */
  {
    guint total = 0;

    for (guint i = 0; i < FD_MONTH_MODEL_N_CELLS; i++)
      total += fd_month_model_get_cell_items (model, i)->len;
    g_assert_cmpuint (total, ==, 7);
  }

  /* clearing empties every cell */
  fd_month_model_set_items (model, NULL, NULL, NULL);
  g_assert_null (fd_month_model_get_items (model));
  g_assert_cmpuint (fd_month_model_get_cell_items (model, 30)->len, ==, 0);
}

static void
test_parse_iso (void)
{
  GDate date;

  g_assert_true (fd_month_model_parse_iso_date ("2026-03-03", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 3);
  g_assert_true (fd_month_model_parse_iso_date ("2026-03-03T09:00", &date));
  g_assert_true (fd_month_model_parse_iso_date ("2028-02-29 09:00", &date));
  g_assert_false (fd_month_model_parse_iso_date ("2027-02-29", &date));
  g_assert_false (fd_month_model_parse_iso_date ("2026-13-01", &date));
  g_assert_false (fd_month_model_parse_iso_date ("2026-3-3", &date));
  g_assert_false (fd_month_model_parse_iso_date ("2026-03-03X", &date));
  g_assert_false (fd_month_model_parse_iso_date ("", &date));
  g_assert_false (fd_month_model_parse_iso_date (NULL, &date));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/month-layout/cells/monday-start", test_cells_monday_start);
  g_test_add_func ("/month-layout/cells/sunday-start", test_cells_sunday_start);
  g_test_add_func ("/month-layout/cells/leap-february", test_cells_leap_february);
  g_test_add_func ("/month-layout/cells/year-boundary", test_cells_year_boundary);
  g_test_add_func ("/month-layout/fit-chips", test_fit_chips);
  g_test_add_func ("/month-layout/packing/order", test_packing_order);
  g_test_add_func ("/month-layout/parse-iso", test_parse_iso);

  return g_test_run ();
}
