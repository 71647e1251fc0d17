/* fd-ical.h — slots as RFC 5545 iCalendar, written through libical
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-database.h"

G_BEGIN_DECLS

/**
 * FdIcalScope:
 * @FD_ICAL_SCOPE_ALL: every slot of every published session
 * @FD_ICAL_SCOPE_TRAINER: the slots a trainer (named by email) is staffed on
 * @FD_ICAL_SCOPE_ROOM: the slots of a room (named by its name, or
 *   "Place/Room" when several places have a room of that name)
 * @FD_ICAL_SCOPE_SESSION: the slots of a session (named by its code)
 *
 * Which slots an export holds.
 */
typedef enum
{
  FD_ICAL_SCOPE_ALL,
  FD_ICAL_SCOPE_TRAINER,
  FD_ICAL_SCOPE_ROOM,
  FD_ICAL_SCOPE_SESSION,
} FdIcalScope;

char     *fd_ical_resolve_scope  (FdDatabase     *database,
                                  FdIcalScope     scope,
                                  const char     *key,
                                  GError        **error);
gboolean  fd_ical_export         (FdDatabase     *database,
                                  FdIcalScope     scope,
                                  const char     *key,
                                  GOutputStream  *output,
                                  guint          *n_events,
                                  GCancellable   *cancellable,
                                  GError        **error);
gboolean  fd_ical_export_to_file (FdDatabase     *database,
                                  FdIcalScope     scope,
                                  const char     *key,
                                  const char     *path,
                                  guint          *n_events,
                                  GError        **error);

G_END_DECLS
