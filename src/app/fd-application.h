/* fd-application.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FD_TYPE_APPLICATION (fd_application_get_type ())

G_DECLARE_FINAL_TYPE (FdApplication, fd_application, FD, APPLICATION, AdwApplication)

FdApplication *fd_application_new            (const char        *application_id,
                                              GApplicationFlags  flags);
void           fd_application_set_main_time  (FdApplication     *self,
                                              gint64             main_time);
GtkWindow     *fd_application_open_database  (FdApplication     *self,
                                              const char        *path);

G_END_DECLS
