/* fd-slot-create-popover.h — the session a drag-selected range is planned for
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-database.h"
#include "fd-slot-draft.h"

G_BEGIN_DECLS

#define FD_TYPE_SLOT_CREATE_POPOVER (fd_slot_create_popover_get_type ())

G_DECLARE_FINAL_TYPE (FdSlotCreatePopover, fd_slot_create_popover, FD, SLOT_CREATE_POPOVER,
                      GtkPopover)

GtkWidget   *fd_slot_create_popover_new       (void);
void         fd_slot_create_popover_set_draft (FdSlotCreatePopover *self,
                                               FdDatabase          *database,
                                               FdSlotDraft         *draft,
                                               const char          *where);
FdSlotDraft *fd_slot_create_popover_get_draft (FdSlotCreatePopover *self);
void         fd_slot_create_popover_clear     (FdSlotCreatePopover *self);

G_END_DECLS
