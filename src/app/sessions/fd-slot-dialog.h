/* fd-slot-dialog.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_SLOT_DIALOG (fd_slot_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdSlotDialog, fd_slot_dialog, FD, SLOT_DIALOG, AdwWindow)

GtkWidget *fd_slot_dialog_new         (GtkWindow        *parent,
                                       FdDatabase       *database,
                                       FdSessionPlan    *plan,
                                       const char       *sequence_id,
                                       const FdPlanSlot *slot);
gboolean   fd_slot_dialog_add_trainer (FdSlotDialog     *self,
                                       const char       *trainer_id);
gboolean   fd_slot_dialog_save        (FdSlotDialog     *self);
gboolean   fd_slot_dialog_delete      (FdSlotDialog     *self);
GStrv      fd_slot_dialog_dup_slot_ids (FdSlotDialog    *self);

G_END_DECLS
