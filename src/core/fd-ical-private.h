/* fd-ical-private.h — the pieces of iCalendar that exports and invitations
 * share, for the rest of src/core only
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "fd-ical.h"

G_BEGIN_DECLS

#define FD_ICAL_DEFAULT_TIME_ZONE "Europe/Paris"

/* A VCALENDAR with PRODID, VERSION, CALSCALE and, when not NULL, METHOD */
icalcomponent *_fd_ical_new_calendar    (const char    *method);

/* The zone a place's time_zone stands for: itself when libical knows it,
 * the default zone otherwise */
const char    *_fd_ical_zone_name       (const char    *zone);

/* Adds to @calendar the VTIMEZONE of @zone (see _fd_ical_zone_name()),
 * from the year of @first_wall on, once: @seen remembers the zones
 * added. Its TZID is the zone's IANA name. */
void           _fd_ical_add_timezone    (icalcomponent *calendar,
                                         GHashTable    *seen,
                                         const char    *zone,
                                         const char    *first_wall);

/* Reads a wall-clock "2026-03-03T09:00"; FALSE if it is not one */
gboolean       _fd_ical_parse_wall      (const char    *wall,
                                         icaltimetype  *time);

/* DTSTART or DTEND at @wall in @zone, with its TZID; NULL if @wall is not
 * a wall-clock time */
icalproperty  *_fd_ical_new_local_time  (icalproperty_kind  kind,
                                         const char        *zone,
                                         const char        *wall);

/* A UTC time property (DTSTAMP) at @usec, UTC microseconds */
icalproperty  *_fd_ical_new_dtstamp     (gint64         usec);

/* Serialises @component (folded at 75 octets, CRLF) into @output */
gboolean       _fd_ical_write_component (GOutputStream *output,
                                         icalcomponent *component,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* fd_ical_export() and fd_ical_export_to_file(), with the events made by
 * a second thread or not (the file is the same either way), cancellable */
gboolean       _fd_ical_export_full     (FdDatabase     *database,
                                         FdIcalScope     scope,
                                         const char     *key,
                                         GOutputStream  *output,
                                         gboolean        threaded,
                                         guint          *n_events,
                                         GCancellable   *cancellable,
                                         GError        **error);
gboolean       _fd_ical_export_to_file_full (FdDatabase    *database,
                                             FdIcalScope    scope,
                                             const char    *key,
                                             const char    *path,
                                             gboolean       threaded,
                                             guint         *n_events,
                                             GCancellable  *cancellable,
                                             GError       **error);

G_END_DECLS
