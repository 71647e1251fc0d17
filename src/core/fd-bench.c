/* fd-bench.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-bench.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * fd_bench_median:
 * @samples: (element-type double): measured times
 *
 * Sorts @samples in increasing order and returns their median, 0 for none.
 * The slowest sample is then the last one.
 *
 * Returns: the median of @samples
 */
double
fd_bench_median (GArray *samples)
{
  guint n;

  g_return_val_if_fail (samples != NULL, 0);
  g_return_val_if_fail (g_array_get_element_size (samples) == sizeof (double), 0);

  n = samples->len;
  if (n == 0)
    return 0;

  g_array_sort (samples, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);

  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}
