/* fd-record-kind-ui.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-record-kind-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-record-kind-ui.h"

#include "fd-candidate-details.h"
#include "fd-details.h"
#include "fd-session-filters.h"
#include "fd-session-page.h"
#include "fd-trainer-details.h"

static void
bind_session_row (FdRecordRow *row,
                  gpointer     item)
{
  FdSession *session = item;
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *seats = NULL;

  dates = fd_details_format_date_range (fd_session_get_start_date (session),
                                        fd_session_get_end_date (session));
  subtitle = fd_details_join (" · ",
                              fd_session_get_code (session),
                              dates != NULL ? dates : "",
                              NULL);
  /* Translators: enrolled trainees / seats, « 8/12 » */
  seats = g_strdup_printf (_("%1$u/%2$u"),
                           fd_session_get_n_enrolled (session),
                           fd_session_get_capacity_max (session));

  fd_record_row_set_texts (row,
                           fd_session_get_label (session),
                           subtitle,
                           fd_format_session_status (fd_session_get_status (session)),
                           seats);
}

static void
bind_trainer_row (FdRecordRow *row,
                  gpointer     item)
{
  FdTrainer *trainer = item;
  g_autofree char *name = fd_trainer_dup_full_name (trainer);
  g_autofree char *subtitle = NULL;
  const char *kind = fd_format_trainer_kind (fd_trainer_get_kind (trainer));
  const char *city = fd_trainer_get_city (trainer);

  subtitle = fd_details_join (" · ",
                              kind != NULL ? kind : "",
                              city != NULL ? city : "",
                              NULL);

  fd_record_row_set_texts (row,
                           name,
                           subtitle,
                           fd_format_extranet_state (fd_trainer_get_extranet_state (trainer)),
                           NULL);
}

static void
bind_trainee_row (FdRecordRow *row,
                  gpointer     item)
{
  FdTrainee *trainee = item;
  g_autofree char *name = fd_trainee_dup_full_name (trainee);
  const char *client = fd_trainee_get_client_name (trainee);

  /* A private individual is their own client: do not repeat the name. */
  fd_record_row_set_texts (row,
                           name,
                           fd_trainee_get_email (trainee),
                           fd_trainee_get_city (trainee),
                           g_strcmp0 (client, name) != 0 ? client : NULL);
}

static char *
format_session_count (guint n)
{
  g_autofree char *number = fd_details_format_count (n);

  /* Translators: %s is a number, « 1 482 » */
  return g_strdup_printf (ngettext ("%s session", "%s sessions", n), number);
}

static char *
format_session_no_match (const char *search)
{
  /* Translators: %s is what the user searched for */
  return g_strdup_printf (_("No session matches “%s”"), search);
}

static char *
format_trainer_count (guint n)
{
  g_autofree char *number = fd_details_format_count (n);

  /* Translators: %s is a number, « 1 482 » */
  return g_strdup_printf (ngettext ("%s trainer", "%s trainers", n), number);
}

static char *
format_trainer_no_match (const char *search)
{
  /* Translators: %s is what the user searched for */
  return g_strdup_printf (_("No trainer matches “%s”"), search);
}

static char *
format_candidate_count (guint n)
{
  g_autofree char *number = fd_details_format_count (n);

  /* Translators: %s is a number, « 1 482 » */
  return g_strdup_printf (ngettext ("%s candidate", "%s candidates", n), number);
}

static char *
format_candidate_no_match (const char *search)
{
  /* Translators: %s is what the user searched for */
  return g_strdup_printf (_("No candidate matches “%s”"), search);
}

static const FdRecordKindUi kinds[] = {
  {
    FD_RECORD_KIND_SESSION,
    "view-list-bullet-symbolic",
    N_("Search sessions"),
    N_("No Sessions"),
    N_("No Session Selected"),
    N_("Select a session to see its slots and trainees"),
    fd_session_page_get_type, "session",
    bind_session_row, format_session_count, format_session_no_match,
    fd_session_filters_get_type,
  },
  {
    FD_RECORD_KIND_TRAINER,
    "avatar-default-symbolic",
    N_("Search trainers"),
    N_("No Trainers"),
    N_("No Trainer Selected"),
    N_("Select a trainer to see their details and next slots"),
    fd_trainer_details_get_type, "trainer",
    bind_trainer_row, format_trainer_count, format_trainer_no_match,
  },
  {
    FD_RECORD_KIND_TRAINEE,
    "system-users-symbolic",
    N_("Search candidates"),
    N_("No Candidates"),
    N_("No Candidate Selected"),
    N_("Select a candidate to see their details and enrollments"),
    fd_candidate_details_get_type, "trainee",
    bind_trainee_row, format_candidate_count, format_candidate_no_match,
  },
};

/**
 * fd_record_kind_ui_get:
 * @kind: a #FdRecordKind
 *
 * Returns: (transfer none) (nullable): what the window shows of @kind, or
 *   %NULL if it does not show that kind
 */
const FdRecordKindUi *
fd_record_kind_ui_get (FdRecordKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return &kinds[i];

  return NULL;
}

/**
 * fd_record_kind_ui_last:
 *
 * Returns: the last of the kinds the window shows, which are the first
 *   kinds of #FdRecordKind, in order (for properties' ranges)
 */
FdRecordKind
fd_record_kind_ui_last (void)
{
  return kinds[G_N_ELEMENTS (kinds) - 1].kind;
}
