/* fd-sequence-dialog.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_SEQUENCE_DIALOG (fd_sequence_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdSequenceDialog, fd_sequence_dialog, FD, SEQUENCE_DIALOG, AdwWindow)

GtkWidget  *fd_sequence_dialog_new             (GtkWindow            *parent,
                                                FdDatabase           *database,
                                                FdSessionPlan        *plan,
                                                const FdPlanSequence *sequence);
gboolean    fd_sequence_dialog_save            (FdSequenceDialog     *self);
gboolean    fd_sequence_dialog_delete          (FdSequenceDialog     *self);
const char *fd_sequence_dialog_get_sequence_id (FdSequenceDialog     *self);

G_END_DECLS
