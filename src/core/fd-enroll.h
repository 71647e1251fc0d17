/* fd-enroll.h — enrolling a trainee in a session, and taking them out,
 * with the calendar invitations that go with it
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-database.h"

G_BEGIN_DECLS

/*
 * Enrolling writes the enrollment through the write path (its rules:
 * the session's populations, a live session, one active enrollment per
 * trainee and session) and queues the calendar invitations it brings
 * (seed 004), in one transaction: both are written, or neither. Unenrolling
 * tombstones the enrollment (a session is never deleted for it) and
 * queues the CANCEL of the invitations the trainee was sent.
 *
 * Why these are operations and not FdHistory steps: they send mail. An
 * undo is an inverse change of rows, and the inverse of an enrollment
 * (deleting it) would leave the invitation in the trainee's calendar,
 * when it may have left the outbox already; the undo of an enrollment is
 * fd_unenroll_trainee(), which sends the CANCEL, and the other way round.
 * A view that offers "Undo" after an enrollment calls the other operation.
 */

char     *fd_enroll_find_trainee (FdDatabase   *database,
                                  const char   *email,
                                  GError      **error);
gboolean  fd_enroll_trainee      (FdDatabase   *database,
                                  const char   *session_id,
                                  const char   *trainee_id,
                                  const char   *funder,
                                  char        **enrollment_id,
                                  GError      **error);
gboolean  fd_unenroll_trainee    (FdDatabase   *database,
                                  const char   *session_id,
                                  const char   *trainee_id,
                                  GError      **error);

G_END_DECLS
