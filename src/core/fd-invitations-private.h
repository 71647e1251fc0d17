/* fd-invitations-private.h — the invitation a convocation carries, for the
 * rest of src/core only
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-change.h"
#include "fd-database.h"

G_BEGIN_DECLS

/* What a session's invitations are made of, read once for many messages */
typedef struct _FdInvitationsContext FdInvitationsContext;

FdInvitationsContext *_fd_invitations_context_read (FdDatabase            *database,
                                                    const char            *session_id,
                                                    GError               **error);
void                  _fd_invitations_context_free (FdInvitationsContext  *context);

/* Makes @message (an email_message being created) carry the current
 * invitation of @sequence_id to @recipient: its sequence_id, calendar
 * and calendar_sequence. Adds to @changes the calendar_invitation row
 * when the sequence had none yet. FALSE, and @message left alone, when
 * the session sends no invitation for that sequence or @recipient is not
 * one of its participants. */
gboolean              _fd_invitations_attach       (FdInvitationsContext  *context,
                                                    const char            *sequence_id,
                                                    const char            *recipient,
                                                    gint64                 now,
                                                    FdChange              *message,
                                                    GPtrArray             *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdInvitationsContext, _fd_invitations_context_free)

G_END_DECLS
