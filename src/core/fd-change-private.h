/* fd-change-private.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-change.h"

G_BEGIN_DECLS

typedef enum
{
  FD_FIELD_NULL,
  FD_FIELD_TEXT,
  FD_FIELD_INT,
  FD_FIELD_REAL,
} FdFieldType;

typedef struct
{
  const char *name; /* interned */
  FdFieldType type;
  union {
    char *text;
    gint64 integer;
    double real;
  } v;
} FdChangeField;

const FdChangeField *_fd_change_get_field    (const FdChange *self,
                                              guint           position);
const FdChangeField *_fd_change_lookup       (const FdChange *self,
                                              const char     *name);
const char          *_fd_change_kind_to_string (FdChangeKind kind);
FdChange            *_fd_change_copy_rebased  (const FdChange *self,
                                               gint64          base_version);
void                 _fd_change_replace_text (FdChange       *self,
                                              const char     *name,
                                              char           *value);

G_END_DECLS
