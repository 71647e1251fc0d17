/* fd-client.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-record.h"

G_BEGIN_DECLS

#define FD_TYPE_CLIENT (fd_client_get_type ())

G_DECLARE_FINAL_TYPE (FdClient, fd_client, FD, CLIENT, FdRecord)

const char *fd_client_get_kind   (FdClient *self);
const char *fd_client_get_name   (FdClient *self);
const char *fd_client_get_email  (FdClient *self);
const char *fd_client_get_phone  (FdClient *self);
const char *fd_client_get_siret  (FdClient *self);
const char *fd_client_get_city   (FdClient *self);
const char *fd_client_get_funder (FdClient *self);

G_END_DECLS
