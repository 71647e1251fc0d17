/* fd-holidays.h — French public holidays, by department
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fd-database.h"

G_BEGIN_DECLS

/* The years the Gregorian computus (and GDate) are used for */
#define FD_HOLIDAYS_FIRST_YEAR 1583
#define FD_HOLIDAYS_LAST_YEAR  9999

/**
 * FdHoliday:
 * @date: the day
 * @name: (transfer none): its translated name ("Lundi de Pâques"), static
 * @regional: %TRUE for a holiday of some departments only (Alsace-Moselle,
 *   an overseas department's abolition of slavery)
 *
 * One public holiday, as the elements of the #GArray that
 * fd_holidays_for_year() returns.
 */
typedef struct
{
  GDate date;
  const char *name;
  gboolean regional;
} FdHoliday;

gboolean    fd_holidays_easter             (int             year,
                                            GDate          *date);
GArray     *fd_holidays_for_year           (int             year,
                                            const char     *department);
GArray     *fd_holidays_in_range           (const GDate    *first,
                                            const GDate    *last,
                                            const char     *department);
const char *fd_holiday_name                (const GDate    *date,
                                            const char     *department);
char       *fd_department_from_postal_code (const char     *postal_code);
char       *fd_department_parse            (const char     *text);
char       *fd_database_dup_place_department (FdDatabase   *database,
                                              const char   *place_id,
                                              GError      **error);
gboolean    fd_holidays_check_slot         (FdDatabase     *database,
                                            const char     *place_id,
                                            const char     *start_at,
                                            char          **holiday_name,
                                            GError        **error);

G_END_DECLS
