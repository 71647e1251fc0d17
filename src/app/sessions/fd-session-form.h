/* fd-session-form.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_SESSION_FORM (fd_session_form_get_type ())

G_DECLARE_FINAL_TYPE (FdSessionForm, fd_session_form, FD, SESSION_FORM, AdwWindow)

GtkWidget  *fd_session_form_new_create      (GtkWindow     *parent,
                                             FdDatabase    *database);
GtkWidget  *fd_session_form_new_edit        (GtkWindow     *parent,
                                             FdDatabase    *database,
                                             FdSessionPlan *plan);
gboolean    fd_session_form_save            (FdSessionForm *self);
const char *fd_session_form_get_session_id  (FdSessionForm *self);
gboolean    fd_session_form_select_training (FdSessionForm *self,
                                             const char    *training_id);

G_END_DECLS
