/* fd-blob.h — content-addressed files kept in the database
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-database.h"

G_BEGIN_DECLS

/* The largest file a blob may hold: a scanned invoice, not a video */
#define FD_BLOB_MAX_SIZE (32 * 1024 * 1024)

char   *fd_blob_compute_sha256  (GBytes      *data);
char   *fd_database_store_blob  (FdDatabase  *database,
                                 GBytes      *data,
                                 const char  *mime_type,
                                 GError     **error);
GBytes *fd_database_read_blob   (FdDatabase  *database,
                                 const char  *sha256,
                                 char       **mime_type,
                                 GError     **error);
gboolean fd_database_has_blob   (FdDatabase  *database,
                                 const char  *sha256);

G_END_DECLS
