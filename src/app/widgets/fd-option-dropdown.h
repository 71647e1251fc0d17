/* fd-option-dropdown.h — a dropdown of core's options, "any" first
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GPtrArray  *fd_option_dropdown_fill   (GtkDropDown *dropdown,
                                       const char  *any,
                                       GPtrArray   *options,
                                       const char  *chosen_id);
const char *fd_option_dropdown_get_id (GtkDropDown *dropdown,
                                       GPtrArray   *ids);

char       *fd_filters_dup_label      (guint        n_set);

G_END_DECLS
