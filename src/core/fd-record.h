/* fd-record.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_RECORD (fd_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (FdRecord, fd_record, FD, RECORD, GObject)

/**
 * FdRecord:
 *
 * What every synced row read from the database has: its UUID and the
 * revision it was read at (the base of an edit made from it).
 * Model objects are read-only snapshots; changes go through #FdChange.
 */
struct _FdRecordClass
{
  GObjectClass parent_class;

  gpointer padding[4];
};

const char *fd_record_get_id      (FdRecord *self);
gint64      fd_record_get_revision (FdRecord *self);

G_END_DECLS
