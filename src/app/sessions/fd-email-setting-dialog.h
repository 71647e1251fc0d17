/* fd-email-setting-dialog.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

#include "fd-attachment-list.h"

G_BEGIN_DECLS

#define FD_TYPE_EMAIL_SETTING_DIALOG (fd_email_setting_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdEmailSettingDialog, fd_email_setting_dialog, FD, EMAIL_SETTING_DIALOG,
                      AdwWindow)

GtkWidget *fd_email_setting_dialog_new  (GtkWindow             *parent,
                                         FdDatabase            *database,
                                         FdSessionEmailSetting *setting);
gboolean   fd_email_setting_dialog_save (FdEmailSettingDialog  *self);
FdAttachmentList *fd_email_setting_dialog_get_attachments (FdEmailSettingDialog *self);

G_END_DECLS
