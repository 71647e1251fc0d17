/* fd-session-sheet.h — everything about one session, read at once
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-database.h"

G_BEGIN_DECLS

/*
 * A session sheet is a read-only snapshot of one session and what hangs
 * from it, for `formadesk-cli show session` and for views that show the
 * whole session at once. Its fields are public and owned by the sheet;
 * stored codes stay as stored ("inter", "on_site", "trainer"): the
 * fd_format_…() functions give their labels. Date-times are ISO local
 * times as stored ("2026-03-03T09:00"), dates ISO dates, money cents.
 */

/**
 * FdSessionSheetStaff:
 * @trainer_id: the trainer
 * @first_name: (nullable): their first name (%NULL if the trainer is missing)
 * @last_name: (nullable): their last name
 * @email: (nullable): their email
 * @role: "trainer", "co_trainer" or "host"
 */
typedef struct
{
  char *trainer_id;
  char *first_name;
  char *last_name;
  char *email;
  char *role;
} FdSessionSheetStaff;

/**
 * FdSessionSheetSlot:
 * @id: the slot
 * @start_at: when it starts
 * @end_at: when it ends
 * @break_minutes: the break within it
 * @place_id: (nullable): its place
 * @place_name: (nullable): the place's name
 * @room_id: (nullable): its room
 * @room_name: (nullable): the room's name
 * @comments: (nullable): its comments
 * @staff: (element-type FdSessionSheetStaff): trainers, co-trainers and
 *   hosts, trainers first
 */
typedef struct
{
  char *id;
  char *start_at;
  char *end_at;
  int break_minutes;
  char *place_id;
  char *place_name;
  char *room_id;
  char *room_name;
  char *comments;
  GPtrArray *staff;
} FdSessionSheetSlot;

/**
 * FdSessionSheetSequence:
 * @id: the sequence
 * @position: its position in the session
 * @label: its label
 * @modality: "on_site", "remote", "blended" or "e_learning"
 * @url: (nullable): the training's URL
 * @status: "planned", "closed", "cancelled" or "external"
 * @prework: whether it is preparatory work: it moves the session's start
 *   and end but does not count in its duration
 * @survey_config: (nullable): its hot and cold survey configuration
 * @slots: (element-type FdSessionSheetSlot): its live slots, in time order
 */
typedef struct
{
  char *id;
  int position;
  char *label;
  char *modality;
  char *url;
  char *status;
  gboolean prework;
  char *survey_config;
  GPtrArray *slots;
} FdSessionSheetSequence;

/**
 * FdSessionSheetCost:
 * @id: the cost line
 * @type: its type
 * @amount_cents: its amount
 * @distribution: "global" or "per_trainee"
 * @quantity: the quantity, for a distribution per trainee
 * @provider: (nullable): who provides it
 * @n_attachments: its attached files
 */
typedef struct
{
  char *id;
  char *type;
  gint64 amount_cents;
  char *distribution;
  int quantity;
  char *provider;
  guint n_attachments;
} FdSessionSheetCost;

/**
 * FdSessionSheetAttachment:
 * @file_name: the file's name
 * @mime_type: (nullable): its type
 * @blob_sha256: its content's hash
 */
typedef struct
{
  char *file_name;
  char *mime_type;
  char *blob_sha256;
} FdSessionSheetAttachment;

/**
 * FdSessionSheetEmail:
 * @id: the email setting
 * @kind: which email ("notice", "reminder"…)
 * @template_name: (nullable): the name of its template
 * @enabled: whether it is sent
 * @anchor: "sequence_start" or "sequence_end"
 * @offset_minutes: when it is sent from its anchor, negative before
 * @recipients: who receives it
 * @cc: (nullable): copies
 * @bcc: (nullable): blind copies
 * @attachments: (element-type FdSessionSheetAttachment): its attachments
 */
typedef struct
{
  char *id;
  char *kind;
  char *template_name;
  gboolean enabled;
  char *anchor;
  int offset_minutes;
  char *recipients;
  char *cc;
  char *bcc;
  GPtrArray *attachments;
} FdSessionSheetEmail;

/**
 * FdSessionSheet:
 * @start_at: (nullable): the start of its first slot, pre-work included
 * @end_at: (nullable): the end of its last slot, pre-work included
 * @duration_minutes: the time of its slots less their breaks, pre-work
 *   sequences left out
 * @n_days: the days it has slots on, pre-work left out
 * @n_enrolled: its enrollments neither withdrawn nor cancelled
 * @populations: (element-type utf8): the names of the populations it is
 *   restricted to
 * @sequences: (element-type FdSessionSheetSequence): in position order
 * @costs: (element-type FdSessionSheetCost): its cost lines
 * @emails: (element-type FdSessionSheetEmail): its email settings
 *
 * The other fields are the session's columns, and the names of the rows
 * they refer to (%NULL when there is none).
 */
typedef struct
{
  char *id;
  char *code;
  int year;
  char *label;
  char *kind;
  char *status;
  gboolean published;
  char *training_id;
  char *training_code;
  char *training_title;
  char *client_id;
  char *client_name;
  char *organisation_id;
  char *organisation_name;
  char *certification_id;
  char *certification_name;
  char *evaluation_id;
  char *evaluation_name;
  char *evaluation;
  char *external_reference;
  char *population;
  int capacity_min;
  int capacity_target;
  int capacity_max;
  char *dispositif;
  gboolean eligible_funding;
  gint64 price_cents;
  int commission_bp;
  char *comments;
  char *notice_comment;
  char *organisation_comment;
  gboolean calendar_invitations;
  char *survey_config;
  char *planned_start_on;
  char *planned_end_on;

  char *start_at;
  char *end_at;
  gint64 duration_minutes;
  guint n_days;
  guint n_slots;
  guint n_enrolled;

  GPtrArray *populations;
  GPtrArray *sequences;
  GPtrArray *costs;
  GPtrArray *emails;
} FdSessionSheet;

FdSessionSheet *fd_session_sheet_load  (FdDatabase  *database,
                                        const char  *session_id,
                                        GError     **error);
void            fd_session_sheet_free  (FdSessionSheet *sheet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSessionSheet, fd_session_sheet_free)

G_END_DECLS
