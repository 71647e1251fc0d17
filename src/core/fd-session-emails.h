/* fd-session-emails.h — a session's email notifications: settings,
 * schedule per sequence, and the due messages put in the mail outbox
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-change.h"
#include "fd-database.h"

G_BEGIN_DECLS

/* What session_email.recipients may name besides addresses */
#define FD_SESSION_EMAIL_RECIPIENTS_TRAINEES "trainees"
#define FD_SESSION_EMAIL_RECIPIENTS_TRAINERS "trainers"

/* A message due since more days than this is not queued any more (nor is
 * one meant to arrive before its sequence once the sequence started): it
 * is %FD_SESSION_EMAIL_STATE_MISSED. */
#define FD_SESSION_EMAILS_GRACE_DAYS 7

/**
 * FdSessionEmailState:
 * @FD_SESSION_EMAIL_STATE_UPCOMING: its time is to come (green)
 * @FD_SESSION_EMAIL_STATE_DUE: its time has passed and it was not sent to
 *   every recipient yet; fd_session_emails_queue_due() will queue it (red)
 * @FD_SESSION_EMAIL_STATE_MISSED: its time has passed, it was not sent, and
 *   it is too late to send it by itself (see %FD_SESSION_EMAILS_GRACE_DAYS)
 *   (red)
 * @FD_SESSION_EMAIL_STATE_QUEUED: in the mail outbox, waiting for delivery
 * @FD_SESSION_EMAIL_STATE_SENT: delivered to every recipient queued
 * @FD_SESSION_EMAIL_STATE_FAILED: the delivery of one of its messages failed
 * @FD_SESSION_EMAIL_STATE_CANCELLED: nothing will be sent: the session or
 *   the sequence is cancelled, or its messages were cancelled
 * @FD_SESSION_EMAIL_STATE_DISABLED: the setting is off
 * @FD_SESSION_EMAIL_STATE_NO_TEMPLATE: the setting has no template (or its
 *   template was deleted): there is nothing to send
 * @FD_SESSION_EMAIL_STATE_NO_DATE: the sequence has no slot yet
 * @FD_SESSION_EMAIL_STATE_PREWORK: a pre-work sequence: its participants
 *   get a calendar invitation only, never an email
 *
 * Where one email of one sequence stands. The seed's colours: red for
 * fd_session_email_state_is_overdue(), green for upcoming.
 */
typedef enum
{
  FD_SESSION_EMAIL_STATE_UPCOMING,
  FD_SESSION_EMAIL_STATE_DUE,
  FD_SESSION_EMAIL_STATE_MISSED,
  FD_SESSION_EMAIL_STATE_QUEUED,
  FD_SESSION_EMAIL_STATE_SENT,
  FD_SESSION_EMAIL_STATE_FAILED,
  FD_SESSION_EMAIL_STATE_CANCELLED,
  FD_SESSION_EMAIL_STATE_DISABLED,
  FD_SESSION_EMAIL_STATE_NO_TEMPLATE,
  FD_SESSION_EMAIL_STATE_NO_DATE,
  FD_SESSION_EMAIL_STATE_PREWORK,
} FdSessionEmailState;

const char *fd_session_email_state_to_string  (FdSessionEmailState state);
const char *fd_session_email_state_get_label  (FdSessionEmailState state);
gboolean    fd_session_email_state_is_overdue (FdSessionEmailState state);

char       *fd_session_email_format_delay     (const char *anchor,
                                               gint64      offset_minutes);

/**
 * FdSessionEmailSetting:
 *
 * One row of session_email as the Emails tab shows it: which email, on or
 * off, its delay from each sequence's start or end, who receives it, and
 * its template's name. Editing it is an ordinary update of the row
 * (fd_change_new_update ("session_email", id, revision)), checked first
 * with fd_session_emails_check_change(); its files are attachment rows
 * (owner_entity "session_email").
 */
typedef struct _FdSessionEmailSetting FdSessionEmailSetting;

#define FD_TYPE_SESSION_EMAIL_SETTING (fd_session_email_setting_get_type ())

GType        fd_session_email_setting_get_type         (void) G_GNUC_CONST;
FdSessionEmailSetting *fd_session_email_setting_ref    (FdSessionEmailSetting *self);
void         fd_session_email_setting_unref            (FdSessionEmailSetting *self);

const char  *fd_session_email_setting_get_id           (const FdSessionEmailSetting *self);
gint64       fd_session_email_setting_get_revision     (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_session_id   (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_template_id  (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_kind         (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_name         (const FdSessionEmailSetting *self);
gboolean     fd_session_email_setting_get_enabled      (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_anchor       (const FdSessionEmailSetting *self);
gint64       fd_session_email_setting_get_offset_minutes (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_recipients   (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_cc           (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_bcc          (const FdSessionEmailSetting *self);
guint        fd_session_email_setting_get_n_attachments (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_subject      (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_body         (const FdSessionEmailSetting *self);
const char  *fd_session_email_setting_get_template_problem (const FdSessionEmailSetting *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSessionEmailSetting, fd_session_email_setting_unref)

/**
 * FdSessionEmailEntry:
 *
 * One email of one sequence: when it is estimated to leave (the
 * sequence's first slot start or last slot end, plus the setting's
 * delay, in the wall-clock time of that slot's place) and where it
 * stands. The schedule of a session is one entry per setting and
 * sequence.
 */
typedef struct _FdSessionEmailEntry FdSessionEmailEntry;

#define FD_TYPE_SESSION_EMAIL_ENTRY (fd_session_email_entry_get_type ())

GType        fd_session_email_entry_get_type           (void) G_GNUC_CONST;
FdSessionEmailEntry *fd_session_email_entry_ref        (FdSessionEmailEntry *self);
void         fd_session_email_entry_unref              (FdSessionEmailEntry *self);

FdSessionEmailSetting *fd_session_email_entry_get_setting (const FdSessionEmailEntry *self);
const char  *fd_session_email_entry_get_sequence_id    (const FdSessionEmailEntry *self);
const char  *fd_session_email_entry_get_sequence_label (const FdSessionEmailEntry *self);
int          fd_session_email_entry_get_sequence_position (const FdSessionEmailEntry *self);
gboolean     fd_session_email_entry_get_prework        (const FdSessionEmailEntry *self);
const char  *fd_session_email_entry_get_anchor_at      (const FdSessionEmailEntry *self);
const char  *fd_session_email_entry_get_send_at        (const FdSessionEmailEntry *self);
const char  *fd_session_email_entry_get_time_zone      (const FdSessionEmailEntry *self);
gint64       fd_session_email_entry_get_scheduled_at   (const FdSessionEmailEntry *self);
FdSessionEmailState fd_session_email_entry_get_state   (const FdSessionEmailEntry *self);
gboolean     fd_session_email_entry_get_draft          (const FdSessionEmailEntry *self);
guint        fd_session_email_entry_get_n_recipients   (const FdSessionEmailEntry *self);
guint        fd_session_email_entry_get_n_messages     (const FdSessionEmailEntry *self);
guint        fd_session_email_entry_get_n_without_address (const FdSessionEmailEntry *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSessionEmailEntry, fd_session_email_entry_unref)

char        *fd_session_emails_find_session  (FdDatabase           *database,
                                              const char           *code,
                                              gboolean             *published,
                                              GError              **error);
gboolean     fd_session_emails_prefill       (FdDatabase           *database,
                                              const char           *session_id,
                                              GError              **error);
GPtrArray   *fd_session_emails_list          (FdDatabase           *database,
                                              const char           *session_id,
                                              GError              **error);
GPtrArray   *fd_session_emails_schedule      (FdDatabase           *database,
                                              const char           *session_id,
                                              GDateTime            *now,
                                              GError              **error);
gboolean     fd_session_emails_queue_due     (FdDatabase           *database,
                                              GDateTime            *now,
                                              guint                *n_queued,
                                              GStrv                *problems,
                                              GError              **error);
gboolean     fd_session_emails_preview       (FdDatabase           *database,
                                              FdSessionEmailEntry  *entry,
                                              char                **subject,
                                              char                **body,
                                              GError              **error);

gboolean     fd_session_emails_check_change  (FdChange             *change,
                                              GError              **error);

const char * const *fd_session_emails_get_tags (void);
const char  *fd_session_emails_get_tag_description (const char *tag);
gboolean     fd_session_emails_check_template (const char          *text,
                                               GStrv               *unknown_tags,
                                               GError             **error);

G_END_DECLS
