/* fd-models.h — read-only model objects shown by the views
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-record.h"

G_BEGIN_DECLS

/* Dates are ISO 8601 strings as stored ("2026-03-03", "2026-03-03T09:00");
 * money is in cents. Every getter returns a borrowed value, never NULL for
 * strings that the schema makes NOT NULL, possibly NULL otherwise. */

#define FD_TYPE_SESSION (fd_session_get_type ())
G_DECLARE_FINAL_TYPE (FdSession, fd_session, FD, SESSION, FdRecord)

const char *fd_session_get_code            (FdSession *self);
const char *fd_session_get_label           (FdSession *self);
const char *fd_session_get_training_title  (FdSession *self);
const char *fd_session_get_kind            (FdSession *self); /* "intra" | "inter" */
const char *fd_session_get_status          (FdSession *self); /* "created", "confirmed"… */
gboolean    fd_session_get_published       (FdSession *self);
const char *fd_session_get_client_name     (FdSession *self);
const char *fd_session_get_start_date      (FdSession *self); /* first slot's date or NULL */
const char *fd_session_get_end_date        (FdSession *self); /* last slot's date or NULL */
guint       fd_session_get_n_slots         (FdSession *self);
guint       fd_session_get_n_enrolled      (FdSession *self);
guint       fd_session_get_capacity_max    (FdSession *self);
gint64      fd_session_get_price_cents     (FdSession *self);

#define FD_TYPE_TRAINER (fd_trainer_get_type ())
G_DECLARE_FINAL_TYPE (FdTrainer, fd_trainer, FD, TRAINER, FdRecord)

const char *fd_trainer_get_first_name      (FdTrainer *self);
const char *fd_trainer_get_last_name       (FdTrainer *self);
char       *fd_trainer_dup_full_name       (FdTrainer *self);
const char *fd_trainer_get_email           (FdTrainer *self);
const char *fd_trainer_get_phone           (FdTrainer *self);
const char *fd_trainer_get_kind            (FdTrainer *self); /* "internal" | "external" */
const char *fd_trainer_get_company         (FdTrainer *self);
const char *fd_trainer_get_city            (FdTrainer *self);
const char *fd_trainer_get_skills          (FdTrainer *self);
const char *fd_trainer_get_extranet_state  (FdTrainer *self); /* "none" | "invited" | "active" */
gint64      fd_trainer_get_daily_rate_cents (FdTrainer *self);

#define FD_TYPE_TRAINEE (fd_trainee_get_type ())
G_DECLARE_FINAL_TYPE (FdTrainee, fd_trainee, FD, TRAINEE, FdRecord)

const char *fd_trainee_get_civility        (FdTrainee *self); /* "mr" | "mrs" | NULL */
const char *fd_trainee_get_first_name      (FdTrainee *self);
const char *fd_trainee_get_last_name       (FdTrainee *self);
char       *fd_trainee_dup_full_name       (FdTrainee *self);
const char *fd_trainee_get_email           (FdTrainee *self);
const char *fd_trainee_get_phone           (FdTrainee *self);
const char *fd_trainee_get_birth_date      (FdTrainee *self);
const char *fd_trainee_get_birth_city      (FdTrainee *self);
const char *fd_trainee_get_postal_code     (FdTrainee *self);
const char *fd_trainee_get_city            (FdTrainee *self);
const char *fd_trainee_get_client_name     (FdTrainee *self);
const char *fd_trainee_get_status          (FdTrainee *self);

#define FD_TYPE_CLIENT (fd_client_get_type ())
G_DECLARE_FINAL_TYPE (FdClient, fd_client, FD, CLIENT, FdRecord)

const char *fd_client_get_kind             (FdClient *self); /* "individual" | "company" | "independent" */
const char *fd_client_get_name             (FdClient *self);
const char *fd_client_get_email            (FdClient *self);
const char *fd_client_get_phone            (FdClient *self);
const char *fd_client_get_siret            (FdClient *self);
const char *fd_client_get_city             (FdClient *self);
const char *fd_client_get_funder           (FdClient *self);

#define FD_TYPE_SLOT (fd_slot_get_type ())
G_DECLARE_FINAL_TYPE (FdSlot, fd_slot, FD, SLOT, FdRecord)

const char *fd_slot_get_session_id         (FdSlot *self);
const char *fd_slot_get_session_code       (FdSlot *self);
const char *fd_slot_get_session_label      (FdSlot *self);
const char *fd_slot_get_sequence_label     (FdSlot *self);
const char *fd_slot_get_start_at           (FdSlot *self); /* "2026-03-03T09:00" */
const char *fd_slot_get_end_at             (FdSlot *self);
guint       fd_slot_get_break_minutes      (FdSlot *self);
const char *fd_slot_get_place_name         (FdSlot *self);
const char *fd_slot_get_room_name          (FdSlot *self);
const char *fd_slot_get_trainer_names      (FdSlot *self); /* "Anne Martin, Paul Roy" or NULL */

#define FD_TYPE_ENROLLMENT (fd_enrollment_get_type ())
G_DECLARE_FINAL_TYPE (FdEnrollment, fd_enrollment, FD, ENROLLMENT, FdRecord)

const char *fd_enrollment_get_session_id    (FdEnrollment *self);
const char *fd_enrollment_get_session_code  (FdEnrollment *self);
const char *fd_enrollment_get_session_label (FdEnrollment *self);
const char *fd_enrollment_get_trainee_id    (FdEnrollment *self);
const char *fd_enrollment_get_trainee_name  (FdEnrollment *self);
const char *fd_enrollment_get_status        (FdEnrollment *self);
const char *fd_enrollment_get_funder        (FdEnrollment *self);
const char *fd_enrollment_get_start_date    (FdEnrollment *self);

G_END_DECLS
