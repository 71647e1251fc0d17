/* fd-population-dialog.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_POPULATION_DIALOG (fd_population_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdPopulationDialog, fd_population_dialog, FD, POPULATION_DIALOG, AdwWindow)

GtkWidget  *fd_population_dialog_new         (GtkWindow           *parent,
                                              FdDatabase          *database,
                                              const char * const  *chosen_ids,
                                              GPtrArray           *pending,
                                              GHashTable          *pending_names);
gboolean    fd_population_dialog_create      (FdPopulationDialog  *self);
void        fd_population_dialog_done        (FdPopulationDialog  *self);
GStrv       fd_population_dialog_dup_chosen  (FdPopulationDialog  *self);
GPtrArray  *fd_population_dialog_get_pending (FdPopulationDialog  *self);
char       *fd_population_dialog_dup_names   (FdPopulationDialog  *self);
GHashTable *fd_population_dialog_get_pending_names (FdPopulationDialog *self);

G_END_DECLS
