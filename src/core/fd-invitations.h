/* fd-invitations.h — calendar invitations of seed 004: one per sequence
 * and participant, queued in the mail outbox, updated when slots move
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-database.h"

G_BEGIN_DECLS

gboolean  fd_invitations_queue_for_enrollment (FdDatabase  *database,
                                               const char  *enrollment_id,
                                               GError     **error);
gboolean  fd_invitations_queue_updates        (FdDatabase  *database,
                                               const char  *session_id,
                                               const char  *sequence_id,
                                               GError     **error);
gboolean  fd_invitations_queue_cancel         (FdDatabase  *database,
                                               const char  *session_id,
                                               const char  *trainee_id,
                                               GError     **error);
gboolean  fd_invitations_edit_needs_update    (FdDatabase  *database,
                                               GPtrArray   *changes,
                                               char       **session_id,
                                               GStrv       *sequence_ids);
gboolean  fd_invitations_queue_updates_after_edit (FdDatabase          *database,
                                                   const char          *session_id,
                                                   const char * const  *sequence_ids,
                                                   GError             **error);
GStrv     fd_invitations_render               (FdDatabase  *database,
                                               const char  *session_id,
                                               const char  *recipient,
                                               GError     **error);

G_END_DECLS
