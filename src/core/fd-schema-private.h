/* fd-schema-private.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema version this build writes; `PRAGMA user_version` of a database
 * it has migrated. A database with a higher version is refused untouched. */
#define FD_SCHEMA_VERSION 5

const char *_fd_schema_get_migration (int version);

G_END_DECLS
