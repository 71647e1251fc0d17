/* fd-blob.c — content-addressed files kept in the database
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-blob"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-blob.h"

#include "fd-database-private.h"

/*
 * The blob table is local (fd-schema.c): a file is stored once under the
 * SHA-256 of its bytes, and synced rows (an attachment, a signature) name
 * it by that hash; the sync layer pushes it as PUT /v1/blobs/{sha256}
 * (SYNC.md). Storing is idempotent, so a blob may be stored before the
 * row that names it is written: if that write fails, the blob is only an
 * unreferenced copy, never a wrong one.
 */

/**
 * fd_blob_compute_sha256:
 * @data: bytes
 *
 * Returns: (transfer full): the SHA-256 of @data, 64 lower-case hex digits
 */
char *
fd_blob_compute_sha256 (GBytes *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
}

/**
 * fd_database_store_blob:
 * @database: a #FdDatabase
 * @data: the file's bytes
 * @mime_type: (nullable): its type, "application/pdf"
 * @error: return location for a #GError
 *
 * Stores @data under its SHA-256, once whatever the number of calls.
 *
 * Returns: (transfer full): the SHA-256 naming the blob, or %NULL with
 *   @error set (a file larger than %FD_BLOB_MAX_SIZE is refused)
 */
char *
fd_database_store_blob (FdDatabase  *database,
                        GBytes      *data,
                        const char  *mime_type,
                        GError     **error)
{
  g_autofree char *sha256 = NULL;
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer bytes;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  if (size > FD_BLOB_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The file is too large: attach files of up to %d MB."),
                   FD_BLOB_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  sha256 = fd_blob_compute_sha256 (data);

  if (!fd_database_begin (database, error))
    return NULL;

  stmt = _fd_database_prepare (database,
                               "INSERT INTO blob (sha256, mime_type, data) VALUES (?1, ?2, ?3)"
                               " ON CONFLICT (sha256) DO NOTHING",
                               error);
  if (stmt == NULL)
    {
      fd_database_rollback (database);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mime_type != NULL ? mime_type : "application/octet-stream", -1,
                     SQLITE_STATIC);
  /* An empty file is a blob too: bind zero bytes, not NULL */
  sqlite3_bind_blob64 (stmt, 3, size > 0 ? bytes : "", size, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "storing a blob");
      sqlite3_reset (stmt);
      fd_database_rollback (database);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (!fd_database_commit (database, error))
    return NULL;

  return g_steal_pointer (&sha256);
}

/**
 * fd_database_read_blob:
 * @database: a #FdDatabase
 * @sha256: the blob's SHA-256
 * @mime_type: (out) (optional) (transfer full): where to store its type
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the blob's bytes, or %NULL with @error set
 *   (%FD_DATABASE_ERROR_NOT_FOUND when it is not here, e.g. not pulled yet)
 */
GBytes *
fd_database_read_blob (FdDatabase  *database,
                       const char  *sha256,
                       char       **mime_type,
                       GError     **error)
{
  GBytes *bytes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  stmt = _fd_database_prepare (database, "SELECT data, mime_type FROM blob WHERE sha256 = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
      if (mime_type != NULL)
        *mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                 _("This file is not on this computer yet."));
  else if (rc != SQLITE_ROW)
    _fd_database_set_error (database, error, "reading a blob");

  return bytes;
}

gboolean
fd_database_has_blob (FdDatabase *database,
                      const char *sha256)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  stmt = _fd_database_prepare (database, "SELECT 1 FROM blob WHERE sha256 = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}
