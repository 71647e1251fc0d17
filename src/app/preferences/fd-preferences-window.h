/* fd-preferences-window.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-window.h"

G_BEGIN_DECLS

#define FD_TYPE_PREFERENCES_WINDOW (fd_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FdPreferencesWindow, fd_preferences_window, FD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget           *fd_preferences_window_new      (FdWindow *window);
FdPreferencesWindow *fd_preferences_window_show_for (FdWindow *window);

G_END_DECLS
