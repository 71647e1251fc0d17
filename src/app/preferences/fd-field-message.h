/* fd-field-message.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FD_TYPE_FIELD_MESSAGE (fd_field_message_get_type ())

G_DECLARE_FINAL_TYPE (FdFieldMessage, fd_field_message, FD, FIELD_MESSAGE, AdwPreferencesRow)

GtkWidget  *fd_field_message_get_field   (FdFieldMessage *self);
void        fd_field_message_set_field   (FdFieldMessage *self,
                                          GtkWidget      *field);
const char *fd_field_message_get_message (FdFieldMessage *self);
void        fd_field_message_set_message (FdFieldMessage *self,
                                          const char     *message);

G_END_DECLS
