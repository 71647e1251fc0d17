/* fd-database.c — the local SQLite database and its one write path
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-database"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fd-database-private.h"
#include "fd-entity-private.h"
#include "fd-schema-private.h"
#include "fd-text.h"
#include "fd-validate.h"

/*
 * FdDatabase owns one SQLite connection, used from the thread that opened
 * it. Threads that need the database (imports, demo data, big queries)
 * open their own FdDatabase on the same file; WAL lets them read while the
 * main thread writes.
 */
struct _FdDatabase
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements; /* SQL text → sqlite3_stmt */
  GHashTable *entities;   /* name → FdEntity */
  char *device_id;
  guint transaction_depth;
};

G_DEFINE_FINAL_TYPE (FdDatabase, fd_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (fd-database-error-quark, fd_database_error)

#define SQLITE_HEADER "SQLite format 3"

void
fd_table_count_free (FdTableCount *count)
{
  if (count == NULL)
    return;
  g_free (count->name);
  g_free (count);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

void
_fd_database_set_error (FdDatabase  *self,
                        GError     **error,
                        const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);

  /* SQLite's own text is English and technical: it goes to the log, the
   * user gets a sentence of ours */
  g_debug ("%s: %s (%d)", what, sqlite3_errmsg (self->db), code);

  switch (code)
    {
    case SQLITE_CONSTRAINT_CHECK:
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_CONSTRAINT,
                   _("A value is not one of those allowed."));
      return;

    case SQLITE_CONSTRAINT_NOTNULL:
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_CONSTRAINT,
                   _("A required value is missing."));
      return;

    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_CONSTRAINT,
                   _("This record already exists."));
      return;

    default:
      break;
    }

  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_CONSTRAINT,
                   _("The change breaks a rule of the database."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED,
                   _("The database is busy in another window or program; try again."));
      break;

    case SQLITE_READONLY:
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_READ_ONLY,
                   _("The database is read-only."));
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE,
                   _("The database file is damaged."));
      break;

    case SQLITE_FULL:
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED,
                   _("The disk is full."));
      break;

    default:
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED,
                   _("The database could not be read or written."));
      break;
    }
}

sqlite3 *
_fd_database_get_handle (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);

  return self->db;
}

sqlite3_stmt *
_fd_database_prepare (FdDatabase  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _fd_database_set_error (self, error, sql);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static gboolean
exec (FdDatabase  *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _fd_database_set_error (self, error, sql);
      return FALSE;
    }

  return TRUE;
}

gboolean
_fd_database_run (FdDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _fd_database_set_error (self, error, sql);
      return FALSE;
    }

  return TRUE;
}

static gint64
query_int (FdDatabase *self,
           const char *sql,
           gint64      fallback)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self, sql, NULL);
  gint64 value = fallback;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return value;
}

static void
fd_database_finalize (GObject *object)
{
  FdDatabase *self = (FdDatabase *)object;

  g_clear_pointer (&self->entities, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->device_id);
  g_free (self->path);

  G_OBJECT_CLASS (fd_database_parent_class)->finalize (object);
}

static void
fd_database_class_init (FdDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_database_finalize;
}

static void
fd_database_init (FdDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->entities = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) _fd_entity_free);
}

/**
 * fd_database_dup_default_path:
 *
 * Returns: (transfer full): where the app keeps its database:
 *   `$XDG_DATA_HOME/formadesk/formadesk.db`
 */
char *
fd_database_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "formadesk", "formadesk.db", NULL);
}

/* Looks at an existing file without writing to it: is it SQLite, of a
 * schema version this build knows, and can we write it? Every refusal
 * leaves the file byte for byte as it was. */
static gboolean
check_existing_file (const char  *path,
                     int          max_version,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  guchar header[100] = { 0 };
  struct stat st;
  FILE *file;
  size_t n_read;
  guint32 version;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Formadesk database."), display);
      return FALSE;
    }

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not open “%s”: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read == 0)
    return TRUE; /* an empty file is an empty database */

  if (n_read < sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Formadesk database."), display);
      return FALSE;
    }

  /* The schema version is `PRAGMA user_version`, stored big-endian at
   * offset 60 of the header: read it there, because even a read-only
   * SQLite connection may create -wal and -shm files beside the database. */
  version = ((guint32) header[60] << 24) | ((guint32) header[61] << 16) |
            ((guint32) header[62] << 8) | (guint32) header[63];

  if (version > (guint32) max_version)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Formadesk; update Formadesk to open it."),
                   display);
      return FALSE;
    }

  /* root passes access(W_OK) whatever the mode: read the bits too */
  if (access (path, W_OK) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
      access (dir, W_OK) != 0)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_READ_ONLY,
                   _("“%s” is read-only: Formadesk needs to write to it and to its folder."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (FdDatabase  *self,
         int          target,
         GError     **error)
{
  int current = (int) query_int (self, "PRAGMA user_version", 0);

  for (int version = current + 1; version <= target; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!exec (self, _fd_schema_get_migration (version), error) ||
          !exec (self, set_version, error))
        {
          exec (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
          return FALSE;
        }

      if (!exec (self, "COMMIT", error))
        return FALSE;

      g_debug ("Migrated %s to schema version %d", self->path, version);
    }

  return TRUE;
}

static FdDatabase *
open_database (const char           *path,
               FdDatabaseOpenFlags   flags,
               int                   version,
               GError              **error)
{
  g_autoptr(FdDatabase) self = NULL;
  g_autofree char *display = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!check_existing_file (path, FD_SCHEMA_VERSION, error))
        return NULL;
    }
  else if (flags & FD_DATABASE_OPEN_CREATE)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder of “%s”: %s."), display,
                       g_strerror (saved_errno));
          return NULL;
        }
    }
  else
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), display);
      return NULL;
    }

  self = g_object_new (FD_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED,
                       _("Could not open “%s”."), display);
          return NULL;
        }
      _fd_database_set_error (self, error, "open");
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Foreign keys stay off on purpose: a pull may bring a child before its
   * parent, and tombstoned parents keep their children (see fd-schema.c).
   * synchronous=FULL: attendance signatures must survive a power cut. */
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !exec (self, "PRAGMA foreign_keys = OFF", error) ||
      !exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !exec (self, "PRAGMA cache_size = -32768", error) ||
      !migrate (self, version, error))
    return NULL;

  stmt = _fd_database_prepare (self, "SELECT value FROM sync_state WHERE key = 'device_id'", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    self->device_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return g_steal_pointer (&self);
}

/**
 * fd_database_open:
 * @path: the database file
 * @flags: whether to create it
 * @error: return location for a #GError
 *
 * Opens (and, with %FD_DATABASE_OPEN_CREATE, creates) a Formadesk
 * database and migrates it to this build's schema. A file that is not a
 * SQLite database, a database written by a newer Formadesk, or a read-only
 * file is refused with a message fit for the user, and left untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
FdDatabase *
fd_database_open (const char           *path,
                  FdDatabaseOpenFlags   flags,
                  GError              **error)
{
  return open_database (path, flags, FD_SCHEMA_VERSION, error);
}

FdDatabase *
_fd_database_open_at_version (const char  *path,
                              int          version,
                              GError     **error)
{
  g_return_val_if_fail (version >= 1 && version <= FD_SCHEMA_VERSION, NULL);

  return open_database (path, FD_DATABASE_OPEN_CREATE, version, error);
}

const char *
fd_database_get_path (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);

  return self->path;
}

int
fd_database_get_schema_version (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), 0);

  return (int) query_int (self, "PRAGMA user_version", 0);
}

/**
 * fd_database_get_device_id:
 *
 * Returns: the UUID of this device, made when its database was created;
 *   stamped on signatures and mutations
 */
const char *
fd_database_get_device_id (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);

  return self->device_id;
}

/**
 * fd_database_is_empty:
 *
 * Returns: whether the database holds no organisation and no session yet
 */
gboolean
fd_database_is_empty (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), TRUE);

  return query_int (self,
                    "SELECT NOT EXISTS (SELECT 1 FROM organisation)"
                    " AND NOT EXISTS (SELECT 1 FROM session)",
                    1) != 0;
}

/**
 * fd_database_begin:
 *
 * Starts a transaction grouping many fd_database_apply() calls (an import,
 * the demo data): they become visible together at fd_database_commit(), or
 * not at all after fd_database_rollback(). Calls nest.
 */
gboolean
fd_database_begin (FdDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);

  if (self->transaction_depth == 0 && !exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->transaction_depth++;

  return TRUE;
}

gboolean
fd_database_commit (FdDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1 && !exec (self, "COMMIT", error))
    return FALSE;

  self->transaction_depth--;

  return TRUE;
}

void
fd_database_rollback (FdDatabase *self)
{
  g_return_if_fail (FD_IS_DATABASE (self));
  g_return_if_fail (self->transaction_depth > 0);

  self->transaction_depth = 0;
  if (!sqlite3_get_autocommit (self->db))
    exec (self, "ROLLBACK", NULL);
}

static const FdEntity *
lookup_entity (FdDatabase  *self,
               const char  *name,
               GError     **error)
{
  FdEntity *entity = g_hash_table_lookup (self->entities, name);

  if (entity == NULL)
    {
      entity = _fd_entity_load (self->db, name, error);
      if (entity == NULL)
        return NULL;
      g_hash_table_insert (self->entities, entity->name, entity);
    }

  return entity;
}

static void
bind_field (sqlite3_stmt        *stmt,
            int                  index,
            const FdChangeField *field)
{
  switch (field->type)
    {
    case FD_FIELD_TEXT:
      sqlite3_bind_text (stmt, index, field->v.text, -1, SQLITE_TRANSIENT);
      break;

    case FD_FIELD_INT:
      sqlite3_bind_int64 (stmt, index, field->v.integer);
      break;

    case FD_FIELD_REAL:
      sqlite3_bind_double (stmt, index, field->v.real);
      break;

    case FD_FIELD_NULL:
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
          else
            g_string_append_c (out, *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* The mutation's arguments: {"id": …, "set": {field: value, …}}. Written
 * by hand because core depends on GLib and SQLite only; the sync layer
 * reads it with json-glib, and `verify` checks it with json_valid(). */
static char *
mutation_args (const FdChange *change)
{
  GString *out = g_string_new ("{\"id\":");
  guint n_fields = fd_change_get_n_fields (change);

  append_json_string (out, fd_change_get_id (change));

  if (fd_change_get_kind (change) != FD_CHANGE_DELETE)
    {
      g_string_append (out, ",\"set\":{");
      for (guint i = 0; i < n_fields; i++)
        {
          const FdChangeField *field = _fd_change_get_field (change, i);

          if (i > 0)
            g_string_append_c (out, ',');
          append_json_string (out, field->name);
          g_string_append_c (out, ':');

          switch (field->type)
            {
            case FD_FIELD_TEXT:
              append_json_string (out, field->v.text);
              break;

            case FD_FIELD_INT:
              g_string_append_printf (out, "%" G_GINT64_FORMAT, field->v.integer);
              break;

            case FD_FIELD_REAL:
              {
                char buffer[G_ASCII_DTOSTR_BUF_SIZE];

                if (isfinite (field->v.real))
                  g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, field->v.real));
                else
                  g_string_append (out, "null");
              }
              break;

            case FD_FIELD_NULL:
            default:
              g_string_append (out, "null");
              break;
            }
        }
      g_string_append_c (out, '}');
    }

  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

static gboolean
append_outbox (FdDatabase      *self,
               const FdChange  *change,
               GError         **error)
{
  static const char * const verbs[] = { "create", "update", "delete" };
  g_autofree char *mutation_id = fd_text_uuid ();
  g_autofree char *name = g_strdup_printf ("%s.%s", fd_change_get_entity (change),
                                           verbs[fd_change_get_kind (change)]);
  g_autofree char *args = mutation_args (change);
  sqlite3_stmt *stmt;

  stmt = _fd_database_prepare (self,
                               "INSERT INTO outbox"
                               " (mutation_id, name, entity_id, base_version, args, created_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, mutation_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fd_change_get_id (change), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, fd_change_get_base_version (change));
  sqlite3_bind_text (stmt, 5, args, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, "outbox");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  g_string_append (sql, name);
  g_string_append_c (sql, '"');
}

static gboolean
write_row (FdDatabase      *self,
           const FdEntity  *entity,
           const FdChange  *change,
           GError         **error)
{
  g_autoptr(GString) sql = g_string_sized_new (256);
  g_autofree char *search_key = NULL;
  g_autofree char *sort_key = NULL;
  guint n_fields = fd_change_get_n_fields (change);
  gboolean with_keys = entity->has_keys && fd_change_get_kind (change) == FD_CHANGE_CREATE;
  sqlite3_stmt *stmt;
  int param = 1;

  /* Column names come from the schema (checked by validation), values are
   * always bound: no user text ever reaches the SQL string. The statement
   * is cached by its text, so a batch of similar changes prepares once. */
  switch (fd_change_get_kind (change))
    {
    case FD_CHANGE_CREATE:
      g_string_append (sql, "INSERT INTO ");
      append_identifier (sql, entity->name);
      g_string_append (sql, " (id, updated_at");
      if (with_keys)
        g_string_append (sql, ", search_key, sort_key");
      for (guint i = 0; i < n_fields; i++)
        {
          g_string_append (sql, ", ");
          append_identifier (sql, _fd_change_get_field (change, i)->name);
        }
      g_string_append (sql, ") VALUES (?, ?");
      if (with_keys)
        g_string_append (sql, ", ?, ?");
      for (guint i = 0; i < n_fields; i++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
      break;

    case FD_CHANGE_UPDATE:
      g_string_append (sql, "UPDATE ");
      append_identifier (sql, entity->name);
      g_string_append (sql, " SET updated_at = ?2");
      for (guint i = 0; i < n_fields; i++)
        {
          g_string_append (sql, ", ");
          append_identifier (sql, _fd_change_get_field (change, i)->name);
          g_string_append_printf (sql, " = ?%u", i + 3);
        }
      g_string_append (sql, " WHERE id = ?1 AND deleted = 0");
      break;

    case FD_CHANGE_DELETE:
    default:
      g_string_append (sql, "UPDATE ");
      append_identifier (sql, entity->name);
      g_string_append (sql, " SET updated_at = ?2, deleted = 1 WHERE id = ?1 AND deleted = 0");
      break;
    }

  stmt = _fd_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, param++, fd_change_get_id (change), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, param++, g_get_real_time ());
  if (with_keys)
    {
      _fd_entity_compute_keys (entity, change, &search_key, &sort_key);
      sqlite3_bind_text (stmt, param++, search_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, param++, sort_key, -1, SQLITE_STATIC);
    }
  for (guint i = 0; i < n_fields; i++)
    bind_field (stmt, param++, _fd_change_get_field (change, i));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, sql->str);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (fd_change_get_kind (change) != FD_CHANGE_CREATE && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("This record no longer exists; it may have been deleted."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_one (FdDatabase  *self,
           FdChange    *change,
           GError     **error)
{
  const FdEntity *entity;

  entity = lookup_entity (self, fd_change_get_entity (change), error);
  if (entity == NULL)
    return FALSE;

  return _fd_entity_validate (self, entity, change, error) &&
         write_row (self, entity, change, error) &&
         (!entity->has_keys || fd_change_get_kind (change) != FD_CHANGE_UPDATE ||
          _fd_entity_update_keys (self, entity, fd_change_get_id (change), error)) &&
         append_outbox (self, change, error);
}

/**
 * fd_database_apply_all:
 * @self: a #FdDatabase
 * @changes: (element-type FdChange): changes to apply in order
 * @error: return location for a #GError
 *
 * The one write path. Each change is validated and normalised (it may be
 * modified: an email trimmed, a phone number made E.164, a session code
 * generated), its row written and its named mutation appended to the
 * outbox with the base version the user saw. All the changes are applied
 * in one transaction: on error nothing at all is written.
 *
 * Returns: %TRUE if every change was applied
 */
gboolean
fd_database_apply_all (FdDatabase  *self,
                       GPtrArray   *changes,
                       GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_fd_database_run (self, "SAVEPOINT fd_apply", error))
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      if (!apply_one (self, g_ptr_array_index (changes, i), error))
        {
          _fd_database_run (self, "ROLLBACK TO fd_apply", NULL);
          _fd_database_run (self, "RELEASE fd_apply", NULL);
          return FALSE;
        }
    }

  return _fd_database_run (self, "RELEASE fd_apply", error);
}

/**
 * fd_database_apply:
 * @self: a #FdDatabase
 * @change: the change
 * @error: return location for a #GError
 *
 * Applies one change; see fd_database_apply_all().
 *
 * Returns: %TRUE if the change was applied
 */
gboolean
fd_database_apply (FdDatabase  *self,
                   FdChange    *change,
                   GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();

  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  g_ptr_array_add (changes, change);

  return fd_database_apply_all (self, changes, error);
}

gint64
fd_database_count_outbox (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), 0);

  return query_int (self, "SELECT count(*) FROM outbox", 0);
}

static gboolean
has_column (FdDatabase *self,
            const char *table,
            const char *column)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self,
                                             "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2",
                                             NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/**
 * fd_database_count_tables:
 *
 * Returns: (transfer full) (element-type FdTableCount): rows per table,
 *   sorted by table name
 */
GPtrArray *
fd_database_count_tables (FdDatabase  *self,
                          GError     **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_table_count_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);

  stmt = _fd_database_prepare (self,
                               "SELECT name FROM sqlite_schema WHERE type = 'table'"
                               " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                               error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean synced = has_column (self, name, "deleted");
      g_autofree char *sql = NULL;
      sqlite3_stmt *count_stmt;
      FdTableCount *count;

      /* Table names come from sqlite_schema, not from the user */
      if (synced)
        sql = g_strdup_printf ("SELECT count(*), count(*) - total(deleted) FROM \"%s\"", name);
      else
        sql = g_strdup_printf ("SELECT count(*), count(*) FROM \"%s\"", name);

      count_stmt = _fd_database_prepare (self, sql, error);
      if (count_stmt == NULL)
        return NULL;
      if (sqlite3_step (count_stmt) != SQLITE_ROW)
        {
          _fd_database_set_error (self, error, sql);
          sqlite3_reset (count_stmt);
          return NULL;
        }

      count = g_new0 (FdTableCount, 1);
      count->name = g_strdup (name);
      count->rows = sqlite3_column_int64 (count_stmt, 0);
      count->live = sqlite3_column_int64 (count_stmt, 1);
      sqlite3_reset (count_stmt);
      g_ptr_array_add (counts, count);
    }

  return g_steal_pointer (&counts);
}

typedef struct
{
  const char *sql;     /* one row per problem: what identifies the offending row */
  const char *message; /* what is wrong, untranslated */
} Invariant;

/* Domain invariants `verify` checks besides SQLite's own integrity. Each
 * query yields the offending rows' description. */
static const Invariant invariants[] = {
  { "SELECT s.id FROM slot s JOIN sequence q ON q.id = s.sequence_id"
    " WHERE s.session_id <> q.session_id",
    N_("Slot in a sequence of another session") },
  { "SELECT s.id FROM slot s WHERE s.deleted = 0 AND NOT EXISTS"
    " (SELECT 1 FROM sequence q WHERE q.id = s.sequence_id AND q.deleted = 0)",
    N_("Slot of a missing or deleted sequence") },
  { "SELECT e.id FROM enrollment e WHERE e.deleted = 0 AND NOT EXISTS"
    " (SELECT 1 FROM trainee t WHERE t.id = e.trainee_id)",
    N_("Enrollment of a missing trainee") },
  { "SELECT e.id FROM enrollment e WHERE e.deleted = 0 AND NOT EXISTS"
    " (SELECT 1 FROM session s WHERE s.id = e.session_id)",
    N_("Enrollment in a missing session") },
  { "SELECT s.code FROM session s WHERE s.deleted = 0 AND s.status <> 'cancelled'"
    " AND (SELECT count(*) FROM enrollment e WHERE e.session_id = s.id AND e.deleted = 0"
    "      AND e.status NOT IN ('withdrawn', 'cancelled')) > s.capacity_max",
    N_("Session with more trainees enrolled than seats") },
  { "SELECT a.id FROM attendance a WHERE NOT EXISTS"
    " (SELECT 1 FROM slot s WHERE s.id = a.slot_id)",
    N_("Attendance record of a missing slot") },
  { "SELECT a.id FROM attendance a JOIN slot s ON s.id = a.slot_id"
    " WHERE a.trainee_id IS NOT NULL AND NOT EXISTS"
    " (SELECT 1 FROM enrollment e WHERE e.session_id = s.session_id"
    "  AND e.trainee_id = a.trainee_id)",
    N_("Attendance signed by a trainee not enrolled in the session") },
  { "SELECT a.id FROM attendance a WHERE a.deleted = 1",
    N_("Attendance record deleted (attendance is append-only)") },
  { "SELECT s.id FROM slot_staff s WHERE s.deleted = 0 AND NOT EXISTS"
    " (SELECT 1 FROM trainer t WHERE t.id = s.trainer_id)",
    N_("Slot staffed with a missing trainer") },
  { "SELECT seq FROM outbox WHERE NOT json_valid(args)",
    N_("Outbox entry that is not valid JSON") },
  { "SELECT code FROM session WHERE deleted = 0 GROUP BY code HAVING count(*) > 1",
    N_("Session code used twice") },
};

static gboolean
check_siret_column (FdDatabase  *self,
                    const char  *sql,
                    GPtrArray   *problems,
                    GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *label = (const char *) sqlite3_column_text (stmt, 0);
      const char *siret = (const char *) sqlite3_column_text (stmt, 1);

      if (!fd_validate_siret (siret))
        /* Translators: the first %s is a name, the second a SIRET number */
        g_ptr_array_add (problems, g_strdup_printf (_("“%1$s” has an invalid SIRET number (%2$s)."),
                                                    label, siret));
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/**
 * fd_database_verify:
 * @self: a #FdDatabase
 * @error: return location for a #GError
 *
 * Checks SQLite's integrity and the domain's invariants.
 *
 * Returns: (transfer full) (element-type utf8): the problems found, one
 *   translated sentence each (empty when all is well), or %NULL with @error
 *   set if the checks could not run
 */
GPtrArray *
fd_database_verify (FdDatabase  *self,
                    GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);

  stmt = _fd_database_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("SQLite integrity: %s"), result));
    }
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *parent = (const char *) sqlite3_column_text (stmt, 2);

      g_autofree char *rowid = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                (gint64) sqlite3_column_int64 (stmt, 1));

      g_ptr_array_add (problems,
                       /* Translators: %1$s is a table, %2$s the table it refers to, %3$s a row number */
                       g_strdup_printf (_("A row of %1$s refers to a missing row of %2$s (row %3$s)."),
                                        table, parent, rowid));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (invariants); i++)
    {
      stmt = _fd_database_prepare (self, invariants[i].sql, error);
      if (stmt == NULL)
        return NULL;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        /* Translators: "what is wrong: which row" */
        g_ptr_array_add (problems, g_strdup_printf (_("%1$s: %2$s"), _(invariants[i].message),
                                                    (const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }

  if (!check_siret_column (self,
                           "SELECT name, siret FROM organisation WHERE deleted = 0 AND siret IS NOT NULL",
                           problems, error) ||
      !check_siret_column (self,
                           "SELECT name, siret FROM client WHERE deleted = 0 AND siret IS NOT NULL"
                           " AND coalesce(siret_override_reason, '') = ''",
                           problems, error))
    return NULL;

  return g_steal_pointer (&problems);
}
