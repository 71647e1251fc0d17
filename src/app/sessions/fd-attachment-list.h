/* fd-attachment-list.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

#define FD_TYPE_ATTACHMENT_LIST (fd_attachment_list_get_type ())

G_DECLARE_FINAL_TYPE (FdAttachmentList, fd_attachment_list, FD, ATTACHMENT_LIST, GObject)

FdAttachmentList *fd_attachment_list_new              (FdDatabase             *database,
                                                       GtkWidget              *container);
void              fd_attachment_list_add_saved        (FdAttachmentList       *self,
                                                       const FdPlanAttachment *attachment);
gboolean          fd_attachment_list_attach_bytes     (FdAttachmentList       *self,
                                                       const char             *file_name,
                                                       GBytes                 *bytes,
                                                       const char             *mime_type,
                                                       GError                **error);
void              fd_attachment_list_attach_file      (FdAttachmentList       *self,
                                                       GFile                  *file);
void              fd_attachment_list_choose_file      (FdAttachmentList       *self,
                                                       GtkWidget              *parent);
guint             fd_attachment_list_get_n_attachments (FdAttachmentList      *self);
gboolean          fd_attachment_list_is_modified      (FdAttachmentList       *self);
void              fd_attachment_list_build_changes    (FdAttachmentList       *self,
                                                       const char             *owner_entity,
                                                       const char             *owner_id,
                                                       GPtrArray              *changes);
void              fd_attachment_list_build_deletes    (FdAttachmentList       *self,
                                                       GPtrArray              *changes);

G_END_DECLS
