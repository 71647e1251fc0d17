/* fd-session-plan.h — a session as its editor reads it
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-database.h"
#include "fd-population.h"

G_BEGIN_DECLS

/* Each row carries its id and its revision: the base of an update
 * (fd_change_new_update()). Strings may be %NULL where the schema allows
 * NULL. All of it is a snapshot: read again after rows-changed. */

typedef struct
{
  char   *id;
  gint64  revision;
  char   *trainer_id;
  char   *trainer_name;  /* "first last", "" if the trainer is missing */
  char   *first_name;    /* NULL if the trainer is missing */
  char   *last_name;
  char   *email;
  char   *sort_key;      /* the trainer's, to list staff by name */
  char   *role;          /* "trainer", "co_trainer" or "host" */
} FdPlanStaff;

typedef struct
{
  char      *id;
  gint64     revision;
  char      *sequence_id;
  char      *start_at;   /* local "2026-03-03T09:00" */
  char      *end_at;
  int        break_minutes;
  char      *place_id;
  char      *place_name;
  char      *room_id;
  char      *room_name;
  char      *organisation_id;
  char      *organisation_notice;
  char      *place_notice;
  char      *trainer_notice;
  char      *comments;
  GPtrArray *staff;      /* FdPlanStaff, in the order they were added */
} FdPlanSlot;

typedef struct
{
  char      *id;
  gint64     revision;
  int        position;
  char      *label;
  char      *modality;   /* "on_site", "remote", "blended", "e_learning" */
  char      *url;
  char      *status;     /* "planned", "closed", "cancelled", "external" */
  gboolean   prework;
  char      *survey_config;
  /* TRUE for a sequence not in the database, made to hold slots whose
   * sequence is missing or deleted (pulled before it, or broken) */
  gboolean   placeholder;
  GPtrArray *slots;      /* FdPlanSlot, in time order, ties by id */
} FdPlanSequence;

typedef struct
{
  char   *id;
  gint64  revision;
  char   *file_name;
  char   *blob_sha256;
  char   *mime_type;
} FdPlanAttachment;

typedef struct
{
  char      *id;
  gint64     revision;
  char      *type;
  gint64     amount_cents;
  char      *distribution; /* "global" or "per_trainee" */
  gint64     quantity;
  char      *provider;
  char      *attachment_sha256; /* a file attached in the old column, before attachments */
  GPtrArray *attachments;  /* FdPlanAttachment */
} FdPlanCost;

typedef struct
{
  char     *id;
  gint64    revision;
  char     *kind;
  char     *template_name;
  gboolean  enabled;
  char     *anchor;        /* "sequence_start" or "sequence_end" */
  gint64    offset_minutes;
  char     *recipients;
  char     *cc;
  char     *bcc;
  GPtrArray *attachments;  /* FdPlanAttachment */
} FdPlanEmail;

/**
 * FdSessionPlan:
 *
 * One session with what its editor shows: its own fields (and the names
 * of the rows they refer to), its sequences with their slots and staff,
 * its costs with their attachments, its email notifications (with
 * theirs), the populations it is for and its number of enrolled trainees.
 * Read in a few indexed queries, so that opening a session costs well
 * under a frame. It is the one reader of a whole session: the editor
 * and `formadesk-cli show session` both format from it.
 */
typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public >*/
  char            *id;
  gint64           revision;
  char            *training_id;
  char            *training_code;
  char            *training_title;
  char            *code;
  gint64           year;
  char            *label;
  char            *kind;            /* "intra" or "inter" */
  char            *organisation_id;
  char            *organisation_name;
  char            *client_id;
  char            *client_name;
  char            *external_reference; /* the partner's, for an imported session */
  char            *status;
  gboolean         published;
  gint64           capacity_min;
  gint64           capacity_target;
  gint64           capacity_max;
  char            *dispositif;
  gboolean         eligible_funding;
  char            *certification_id;
  char            *certification_name;
  char            *evaluation_id;
  char            *evaluation_name;
  char            *evaluation;      /* the old free text, when no evaluation is chosen */
  char            *population;      /* the old free text, before populations */
  gint64           commission_bp;
  char            *survey_config;
  char            *comments;
  char            *notice_comment;
  char            *organisation_comment;
  gboolean         calendar_invitations;
  char            *planned_start_on;
  char            *planned_end_on;
  gint64           price_cents;
  guint            n_enrolled;

  GPtrArray       *sequences;       /* FdPlanSequence, by position */
  GPtrArray       *costs;           /* FdPlanCost */
  GPtrArray       *emails;          /* FdPlanEmail */
  GPtrArray       *populations;     /* FdPopulation: who it is for; empty, open to all */
} FdSessionPlan;

/**
 * FdPlanPeriod:
 * @start_at: (nullable): the start of the first slot, pre-work included
 * @end_at: (nullable): the end of the last slot, pre-work included
 * @duration_minutes: the time trained: every slot's length less its
 *   break, pre-work left out
 * @n_days: the days with a slot, pre-work left out
 *
 * A session's dates and duration, computed from its slots; slots of
 * cancelled sequences do not count at all.
 */
typedef struct
{
  char   *start_at;
  char   *end_at;
  gint64  duration_minutes;
  guint   n_days;
} FdPlanPeriod;

void fd_plan_period_clear (FdPlanPeriod *period);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FdPlanPeriod, fd_plan_period_clear)

/**
 * FdSessionReminders:
 * @FD_SESSION_REMINDER_NONE: nothing to remind
 * @FD_SESSION_REMINDER_COSTS: the session has no cost yet
 * @FD_SESSION_REMINDER_EVALUATION: no evaluation is chosen
 * @FD_SESSION_REMINDER_DRAFT: the session is not published
 *
 * What the session page reminds the user of.
 */
typedef enum
{
  FD_SESSION_REMINDER_NONE = 0,
  FD_SESSION_REMINDER_COSTS = 1 << 0,
  FD_SESSION_REMINDER_EVALUATION = 1 << 1,
  FD_SESSION_REMINDER_DRAFT = 1 << 2,
} FdSessionReminders;

#define FD_TYPE_SESSION_PLAN (fd_session_plan_get_type ())

void                fd_plan_attachment_free         (FdPlanAttachment *attachment);
GPtrArray          *fd_database_list_attachments    (FdDatabase      *database,
                                                     const char      *owner_entity,
                                                     const char      *owner_id,
                                                     GError         **error);

char               *fd_session_lookup_code          (FdDatabase      *database,
                                                     const char      *code,
                                                     GError         **error);

GType               fd_session_plan_get_type        (void) G_GNUC_CONST;
FdSessionPlan      *fd_session_plan_new             (void);
FdSessionPlan      *fd_session_plan_ref             (FdSessionPlan   *self);
void                fd_session_plan_unref           (FdSessionPlan   *self);

FdSessionPlan      *fd_database_read_session_plan   (FdDatabase      *database,
                                                     const char      *session_id,
                                                     GError         **error);

FdPlanSequence     *fd_session_plan_add_sequence    (FdSessionPlan   *self,
                                                     const char      *id,
                                                     gboolean         prework,
                                                     const char      *status);
FdPlanSlot         *fd_plan_sequence_add_slot       (FdPlanSequence  *sequence,
                                                     const char      *id,
                                                     const char      *start_at,
                                                     const char      *end_at,
                                                     int              break_minutes);

const FdPlanSequence *fd_session_plan_find_sequence (const FdSessionPlan *self,
                                                     const char          *id);
const FdPlanSlot     *fd_session_plan_find_slot     (const FdSessionPlan *self,
                                                     const char          *id);
const FdPlanCost     *fd_session_plan_find_cost     (const FdSessionPlan *self,
                                                     const char          *id);
gboolean            fd_session_plan_contains        (const FdSessionPlan *self,
                                                     const char          *entity,
                                                     const char          *id);

void                fd_session_plan_compute_period  (const FdSessionPlan *self,
                                                     FdPlanPeriod     *period);
FdSessionReminders  fd_session_plan_get_reminders   (const FdSessionPlan *self);
FdSessionReminders  fd_session_reminders_from_values (guint     n_costs,
                                                      gboolean  has_evaluation,
                                                      gboolean  published);

gint64              fd_plan_slot_get_minutes        (const FdPlanSlot *slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSessionPlan, fd_session_plan_unref)

G_END_DECLS
