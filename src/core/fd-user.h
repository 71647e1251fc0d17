/* fd-user.h — who is working: a user and their role
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FdRole:
 * @FD_ROLE_ADMIN: manages accounts and may change everything
 * @FD_ROLE_OPERATIONS_MANAGER: may change everything but accounts,
 *   including the dates of sessions that have trainees
 * @FD_ROLE_PLANNER: plans sessions, people and the catalogue
 * @FD_ROLE_TRAINER: signs attendance for their slots and keeps their own
 *   unavailabilities, expenses, invoices and quality tickets
 * @FD_ROLE_KIOSK: a shared workstation where trainees sign attendance
 *
 * Roles, from the most powerful to the least.
 */
typedef enum
{
  FD_ROLE_ADMIN,
  FD_ROLE_OPERATIONS_MANAGER,
  FD_ROLE_PLANNER,
  FD_ROLE_TRAINER,
  FD_ROLE_KIOSK,
} FdRole;

#define FD_N_ROLES (FD_ROLE_KIOSK + 1)

#define FD_TYPE_ROLE (fd_role_get_type ())

GType       fd_role_get_type        (void) G_GNUC_CONST;
const char *fd_role_to_string       (FdRole      role);
gboolean    fd_role_from_string     (const char *text,
                                     FdRole     *role);
const char *fd_role_get_label       (FdRole      role);
const char *fd_role_get_description (FdRole      role);

#define FD_TYPE_USER (fd_user_get_type ())

G_DECLARE_FINAL_TYPE (FdUser, fd_user, FD, USER, GObject)

FdUser     *fd_user_new              (const char *id,
                                      const char *email,
                                      const char *display_name,
                                      FdRole      role,
                                      const char *trainer_id,
                                      const char *place_id,
                                      gboolean    active);
FdUser     *fd_user_new_local_admin  (void);

const char *fd_user_get_id           (FdUser     *self);
const char *fd_user_get_email        (FdUser     *self);
const char *fd_user_get_display_name (FdUser     *self);
FdRole      fd_user_get_role         (FdUser     *self);
const char *fd_user_get_trainer_id   (FdUser     *self);
const char *fd_user_get_place_id     (FdUser     *self);
gboolean    fd_user_get_active       (FdUser     *self);
gboolean    fd_user_is_local_admin   (FdUser     *self);

G_END_DECLS
