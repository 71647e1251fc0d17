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
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fd-database-private.h"
#include "fd-entity-private.h"
#include "fd-roles-private.h"
#include "fd-row-changes.h"
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
  gboolean read_only;
  int write_lock_fd; /* on "<path>-lock", never on the database itself */

  /* Change announcements: the change_log seq announced up to, and the
   * data_version when it was read (it moves when another connection or
   * process commits) */
  gint64 announced_seq;
  gint64 data_version;
  guint watch_id;

  FdUser *user; /* who is working; NULL: the local administrator */
};

G_DEFINE_FINAL_TYPE (FdDatabase, fd_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (fd-database-error-quark, fd_database_error)

enum {
  ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every CHANGE_LOG_TRIM_EVERY changes the log drops all but the last
 * CHANGE_LOG_KEEP; more changes than CHANGE_LOG_MAX_LISTED at once are
 * announced as a reset. */
#define CHANGE_LOG_TRIM_EVERY 1024
#define CHANGE_LOG_KEEP 20000
#define CHANGE_LOG_MAX_LISTED 5000

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

/* What a statement lacks, when SQLite's message says so: "no such table:
 * main.trainer" or "no such column: t.email" (SQLite names it only in its
 * English text). Returns the name without its schema or table, as valid
 * UTF-8, or NULL if @message is about something else. */
static char *
dup_missing_name (const char *message,
                  const char *prefix)
{
  const char *name;
  const char *dot;

  if (message == NULL || !g_str_has_prefix (message, prefix))
    return NULL;

  name = message + strlen (prefix);
  dot = strrchr (name, '.');
  if (dot != NULL)
    name = dot + 1;
  if (*name == '\0')
    return NULL;

  return g_utf8_make_valid (name, -1);
}

void
_fd_database_set_error (FdDatabase  *self,
                        GError     **error,
                        const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);
  const char *message = sqlite3_errmsg (self->db);
  g_autofree char *display = g_filename_display_name (self->path != NULL ? self->path : "");
  g_autofree char *table = NULL;
  g_autofree char *column = NULL;

  /* SQLite's own text is English and technical: it goes to the log, the
   * user gets a sentence of ours */
  g_debug ("%s: %s (%d)", what, message, code);

  /* A table or column dropped by hand: the message names it */
  if (code == SQLITE_ERROR)
    {
      table = dup_missing_name (message, "no such table: ");
      if (table == NULL)
        column = dup_missing_name (message, "no such column: ");
    }

  if (table != NULL)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE,
                   /* Translators: %1$s is a file, %2$s the name of a table in it */
                   _("The database “%1$s” has no table “%2$s”: it is damaged or was "
                     "changed by another program."),
                   display, table);
      return;
    }

  if (column != NULL)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE,
                   /* Translators: %1$s is a file, %2$s the name of a column of a table */
                   _("The database “%1$s” has no column “%2$s”: it is damaged or was "
                     "changed by another program."),
                   display, column);
      return;
    }

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
                   _("The database file “%s” is damaged."), display);
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

static gint64
read_data_version (FdDatabase *self)
{
  return query_int (self, "PRAGMA data_version", 0);
}

static void
fd_database_finalize (GObject *object)
{
  FdDatabase *self = (FdDatabase *)object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->write_lock_fd >= 0)
    close (self->write_lock_fd);
  g_clear_object (&self->user);
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

  /**
   * FdDatabase::rows-changed:
   * @self: the database
   * @changes: the rows that changed
   *
   * Emitted, in the thread that uses @self, after changes were committed:
   * by this connection (at once), or by another connection or process
   * (when fd_database_check_changes() runs, or its watch).
   */
  signals[ROWS_CHANGED] =
    g_signal_new ("rows-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, FD_TYPE_ROW_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
fd_database_init (FdDatabase *self)
{
  self->write_lock_fd = -1;
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

/* Looks at an existing file without opening it: on Linux, closing any
 * descriptor of a file drops every POSIX lock the process holds on it,
 * SQLite's included, so only SQLite ever opens the database. */
static gboolean
check_existing_file (const char           *path,
                     FdDatabaseOpenFlags   flags,
                     GError              **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Formadesk database."), display);
      return FALSE;
    }

  if (access (path, R_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not open “%s”: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (flags & FD_DATABASE_OPEN_READ_ONLY)
    {
      if (st.st_size == 0)
        {
          g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE,
                       _("“%s” is empty: it is not a Formadesk database yet."), display);
          return FALSE;
        }
      return TRUE;
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

/* Reads the schema version through SQLite, refusing what is not ours or
 * is too new; nothing is written. */
static gboolean
check_version (FdDatabase           *self,
               FdDatabaseOpenFlags   flags,
               int                   max_version,
               int                  *version,
               GError              **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  sqlite3_stmt *stmt = NULL;
  gint64 n_tables = 0;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT (SELECT user_version FROM pragma_user_version),"
                           " (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      n_tables = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      int code = sqlite3_extended_errcode (self->db) & 0xff;

      g_debug ("reading the version of %s: %s", self->path, sqlite3_errmsg (self->db));
      if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a Formadesk database, or it is damaged."), display);
      else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED,
                     _("“%s” is busy in another window or program; try again."), display);
      else
        g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED,
                     _("Could not read “%s”."), display);
      return FALSE;
    }

  if (*version > max_version)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Formadesk; update Formadesk to open it."),
                   display);
      return FALSE;
    }

  /* Another program's database: tables, but none of ours */
  if (*version == 0 && n_tables > 0)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Formadesk database."), display);
      return FALSE;
    }

  if ((flags & FD_DATABASE_OPEN_READ_ONLY) && *version < max_version)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_READ_ONLY,
                   _("“%s” was written by an older version of Formadesk: open it once in "
                     "Formadesk, or with a command that changes it, to upgrade it."),
                   display);
      return FALSE;
    }

  return TRUE;
}

/* Writers of Formadesk queue on an flock() of a file beside the database
 * before BEGIN IMMEDIATE: SQLite's busy handler only polls, so a writer in
 * a loop (an import, the sync worker) could starve another past any
 * timeout, while the kernel hands a released flock to a waiter. flock()
 * locks belong to one open file, so threads and processes queue alike,
 * and the lock file is another inode: closing it never touches SQLite's
 * POSIX locks on the database. Without the file (a read-only folder),
 * SQLite's busy timeout still applies. */
static void
take_write_lock (FdDatabase *self)
{
  /* a private in-memory database has no other writer, and no folder */
  if (g_str_equal (self->path, ":memory:"))
    return;

  if (self->write_lock_fd < 0)
    {
      g_autofree char *lock_path = g_strconcat (self->path, "-lock", NULL);

      self->write_lock_fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (self->write_lock_fd < 0)
        return;
    }

  while (flock (self->write_lock_fd, LOCK_EX) != 0 && errno == EINTR)
    ;
}

static void
release_write_lock (FdDatabase *self)
{
  if (self->write_lock_fd >= 0)
    flock (self->write_lock_fd, LOCK_UN);
}

/* Switching to WAL needs the file to itself for a moment: two processes
 * opening a new database at once take turns. */
static gboolean
set_wal (FdDatabase  *self,
         GError     **error)
{
  for (guint attempt = 0;; attempt++)
    {
      if (sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) == SQLITE_OK)
        return TRUE;

      if ((sqlite3_extended_errcode (self->db) & 0xff) != SQLITE_BUSY || attempt >= 500)
        {
          _fd_database_set_error (self, error, "journal_mode");
          return FALSE;
        }
      g_usleep (10 * 1000);
    }
}

/* The version is read inside the write transaction, so that of two
 * processes opening a new file at once only the first migrates it. */
static gboolean
migrate (FdDatabase  *self,
         int          target,
         GError     **error)
{
  int current;

  /* Up to date, as nearly always: no need for the write lock */
  if ((int) query_int (self, "PRAGMA user_version", 0) == target)
    return TRUE;

  take_write_lock (self);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    {
      release_write_lock (self);
      return FALSE;
    }

  current = (int) query_int (self, "PRAGMA user_version", 0);

  for (int version = current + 1; version <= target; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

      if (!exec (self, _fd_schema_get_migration (version), error) ||
          !exec (self, set_version, error))
        {
          exec (self, "ROLLBACK", NULL);
          release_write_lock (self);
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %d", self->path, version);
    }

  if (!exec (self, current < target ? "COMMIT" : "ROLLBACK", error))
    {
      exec (self, "ROLLBACK", NULL);
      release_write_lock (self);
      return FALSE;
    }
  release_write_lock (self);

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
  gboolean read_only = (flags & FD_DATABASE_OPEN_READ_ONLY) != 0;
  sqlite3_stmt *stmt;
  int open_flags = SQLITE_OPEN_NOMUTEX;
  int found_version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (!read_only || !(flags & FD_DATABASE_OPEN_CREATE), NULL);

  display = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!check_existing_file (path, flags, error))
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
      open_flags |= SQLITE_OPEN_CREATE;
    }
  else
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), display);
      return NULL;
    }

  self = g_object_new (FD_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  open_flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;

  if (sqlite3_open_v2 (path, &self->db, open_flags, NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED,
                       _("Could not open “%s”."), display);
          return NULL;
        }
      _fd_database_set_error (self, error, "open");
      g_prefix_error (error, "%s: ", display);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_version (self, flags, version, &found_version, error))
    return NULL;

  /* Foreign keys stay off on purpose: a pull may bring a child before its
   * parent, and tombstoned parents keep their children (see fd-schema.c).
   * synchronous=NORMAL in WAL mode: a crash of the process loses nothing
   * committed, a power cut may lose the last commits but never corrupts;
   * what must survive a power cut too (signatures) is committed with
   * synchronous=FULL (see needs_full_sync()). */
  if ((!read_only && !set_wal (self, error)) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec (self, "PRAGMA foreign_keys = OFF", error) ||
      !exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !exec (self, "PRAGMA cache_size = -32768", error) ||
      (!read_only && !migrate (self, version, error)))
    {
      g_prefix_error (error, "%s: ", display);
      return NULL;
    }

  /* Announce only what is committed from now on */
  self->announced_seq = query_int (self, "SELECT max(seq) FROM change_log", 0);
  self->data_version = read_data_version (self);

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
 * fd_database_get_user:
 * @self: a #FdDatabase
 *
 * Who is working: the user whose role the write path enforces. Until
 * fd_database_set_user() is called, the desktop's user as a local
 * administrator (fd_user_new_local_admin()).
 *
 * Returns: (transfer none): the current user, never %NULL
 */
FdUser *
fd_database_get_user (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);

  if (self->user == NULL)
    self->user = fd_user_new_local_admin ();

  return self->user;
}

/**
 * fd_database_set_user:
 * @self: a #FdDatabase
 * @user: (nullable): the user who signed in, or %NULL for the local
 *   administrator
 *
 * Sets who is working. Threads opening their own #FdDatabase give it the
 * same user (an #FdUser is immutable, so it may be shared).
 */
void
fd_database_set_user (FdDatabase *self,
                      FdUser     *user)
{
  g_return_if_fail (FD_IS_DATABASE (self));
  g_return_if_fail (user == NULL || FD_IS_USER (user));

  g_set_object (&self->user, user);
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

/* Reads the change log past what was announced and announces it */
static void
announce_changes (FdDatabase *self)
{
  g_autoptr(FdRowChanges) changes = NULL;
  sqlite3_stmt *stmt;
  gint64 first;
  gint64 last = self->announced_seq;
  guint n_rows = 0;

  self->data_version = read_data_version (self);

  first = query_int (self, "SELECT min(seq) FROM change_log", 0);
  if (first == 0)
    return;

  stmt = _fd_database_prepare (self,
                               "SELECT seq, entity, entity_id, op, fields FROM change_log"
                               " WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                               NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, self->announced_seq);
  sqlite3_bind_int64 (stmt, 2, CHANGE_LOG_MAX_LISTED + 1);

  changes = fd_row_changes_new ();
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *op = (const char *) sqlite3_column_text (stmt, 3);
      FdChangeKind kind = FD_CHANGE_UPDATE;

      if (g_strcmp0 (op, "create") == 0)
        kind = FD_CHANGE_CREATE;
      else if (g_strcmp0 (op, "delete") == 0)
        kind = FD_CHANGE_DELETE;
      else if (g_strcmp0 (op, "restore") == 0)
        kind = FD_CHANGE_RESTORE;

      last = sqlite3_column_int64 (stmt, 0);
      fd_row_changes_add_fields (changes,
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2),
                                 kind,
                                 (const char *) sqlite3_column_text (stmt, 4));
      n_rows++;
    }
  sqlite3_reset (stmt);

  if (n_rows == 0)
    return;

  /* Too many to list, or some were trimmed before we read them */
  if (n_rows > CHANGE_LOG_MAX_LISTED || first > self->announced_seq + 1)
    {
      g_clear_pointer (&changes, fd_row_changes_unref);
      changes = fd_row_changes_new_reset ();
      last = query_int (self, "SELECT max(seq) FROM change_log", last);
    }

  self->announced_seq = last;
  g_signal_emit (self, signals[ROWS_CHANGED], 0, changes);
}

/**
 * fd_database_check_changes:
 * @self: a #FdDatabase
 *
 * Announces the changes other connections or processes committed since
 * the last announcement, if any (#FdDatabase::rows-changed). Cheap when
 * nothing changed: one look at SQLite's data version.
 */
void
fd_database_check_changes (FdDatabase *self)
{
  g_return_if_fail (FD_IS_DATABASE (self));

  if (self->transaction_depth > 0)
    return;

  if (read_data_version (self) != self->data_version)
    announce_changes (self);
}

static gboolean
on_watch_timeout_cb (gpointer user_data)
{
  fd_database_check_changes (user_data);

  return G_SOURCE_CONTINUE;
}

/**
 * fd_database_watch_changes:
 * @self: a #FdDatabase
 * @interval_ms: how often to look, in milliseconds; 0 stops watching
 *
 * Calls fd_database_check_changes() every @interval_ms from the
 * thread-default main context, so that what the CLI, a worker or the sync
 * engine commits reaches the views.
 */
void
fd_database_watch_changes (FdDatabase *self,
                           guint       interval_ms)
{
  g_return_if_fail (FD_IS_DATABASE (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms == 0)
    return;

  self->watch_id = g_timeout_add (interval_ms, on_watch_timeout_cb, self);
  g_source_set_name_by_id (self->watch_id, "[formadesk] watch database changes");
}

static gboolean
run_savepoint (FdDatabase  *self,
               const char  *verb,
               guint        level,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("%s fd_%u", verb, level);

  return exec (self, sql, error);
}

/**
 * fd_database_begin:
 *
 * Starts a transaction grouping many fd_database_apply() calls (an import,
 * the demo data): they become visible together at fd_database_commit(), or
 * not at all after fd_database_rollback(). The outermost call takes the
 * write lock at once (`BEGIN IMMEDIATE`): a transaction that started as a
 * reader and upgrades later fails with "busy" when another process wrote
 * in between, whatever the busy timeout. Calls nest: an inner
 * fd_database_rollback() undoes only what was done since its own begin.
 */
gboolean
fd_database_begin (FdDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_READ_ONLY,
                   _("The database is open read-only."));
      return FALSE;
    }

  if (self->transaction_depth == 0)
    {
      take_write_lock (self);
      if (!exec (self, "BEGIN IMMEDIATE", error))
        {
          release_write_lock (self);
          return FALSE;
        }
    }
  else if (!run_savepoint (self, "SAVEPOINT", self->transaction_depth, error))
    return FALSE;

  self->transaction_depth++;

  return TRUE;
}

/**
 * fd_database_commit:
 *
 * Ends the innermost fd_database_begin(). The outermost commit makes the
 * changes durable and announces them (#FdDatabase::rows-changed). If it
 * fails, everything since the outermost begin is rolled back.
 */
gboolean
fd_database_commit (FdDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth > 1)
    {
      if (!run_savepoint (self, "RELEASE", self->transaction_depth - 1, error))
        return FALSE;
      self->transaction_depth--;
      return TRUE;
    }

  if (!exec (self, "COMMIT", error))
    {
      if (!sqlite3_get_autocommit (self->db))
        exec (self, "ROLLBACK", NULL);
      self->transaction_depth = 0;
      release_write_lock (self);
      return FALSE;
    }
  self->transaction_depth = 0;
  release_write_lock (self);

  announce_changes (self);

  return TRUE;
}

/**
 * fd_database_rollback:
 *
 * Undoes what was done since the innermost fd_database_begin() and ends it.
 */
void
fd_database_rollback (FdDatabase *self)
{
  g_return_if_fail (FD_IS_DATABASE (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth > 1)
    {
      run_savepoint (self, "ROLLBACK TO", self->transaction_depth - 1, NULL);
      run_savepoint (self, "RELEASE", self->transaction_depth - 1, NULL);
      self->transaction_depth--;
      return;
    }

  self->transaction_depth = 0;
  if (!sqlite3_get_autocommit (self->db))
    exec (self, "ROLLBACK", NULL);
  release_write_lock (self);
}

const FdEntity *
_fd_database_lookup_entity (FdDatabase  *self,
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

void
_fd_database_bind_field (sqlite3_stmt        *stmt,
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

  if (fd_change_get_kind (change) == FD_CHANGE_CREATE ||
      fd_change_get_kind (change) == FD_CHANGE_UPDATE)
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
               gint64           base_version,
               const char      *batch_id,
               GError         **error)
{
  g_autofree char *mutation_id = fd_text_uuid ();
  g_autofree char *name = g_strdup_printf ("%s.%s", fd_change_get_entity (change),
                                           _fd_change_kind_to_string (fd_change_get_kind (change)));
  g_autofree char *args = mutation_args (change);
  sqlite3_stmt *stmt;

  stmt = _fd_database_prepare (self,
                               "INSERT INTO outbox"
                               " (mutation_id, name, entity_id, base_version, args, created_at,"
                               "  batch_id)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, mutation_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fd_change_get_id (change), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, base_version);
  sqlite3_bind_text (stmt, 5, args, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  sqlite3_bind_text (stmt, 7, batch_id, -1, SQLITE_STATIC);

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

/* What an update or a delete is made on: the row as stored now */
typedef struct
{
  gint64 revision; /* local: the last change_log seq of the row */
  gint64 version;  /* the server's, as last pulled: the base sent to it */
  gboolean deleted;
} RowState;

static gboolean
read_row_state (FdDatabase      *self,
                const FdEntity  *entity,
                const char      *id,
                RowState        *state,
                gboolean        *found,
                GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT revision, version, deleted FROM ");
  sqlite3_stmt *stmt;
  int rc;

  append_identifier (sql, entity->name);
  g_string_append (sql, " WHERE id = ?1");

  stmt = _fd_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    {
      state->revision = sqlite3_column_int64 (stmt, 0);
      state->version = sqlite3_column_int64 (stmt, 1);
      state->deleted = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, sql->str);
      return FALSE;
    }

  return TRUE;
}

/* The local half of SYNC.md's rule: an edit made on an older revision of
 * the row merges when the fields it sets did not change since, and is a
 * conflict naming the first field that did. */
static gboolean
check_base_revision (FdDatabase      *self,
                     const FdEntity  *entity,
                     const FdChange  *change,
                     const RowState  *state,
                     GError         **error)
{
  gint64 base = fd_change_get_base_version (change);
  sqlite3_stmt *stmt;
  const char *changed = NULL;

  if (base >= state->revision)
    return TRUE;

  stmt = _fd_database_prepare (self,
                               "SELECT field FROM field_version"
                               " WHERE entity = ?1 AND entity_id = ?2 AND version > ?3",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fd_change_get_id (change), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, base);

  while (changed == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 0);

      if (field != NULL && fd_change_has_field (change, field))
        changed = g_intern_string (field);
    }
  sqlite3_reset (stmt);

  if (changed != NULL)
    {
      /* Translators: %s is a field name, such as “Start” */
      fd_set_field_error (error, FD_VALIDATION_ERROR_CONFLICT, changed,
                          _("%s was changed by someone else since you opened this record; "
                            "reload it to see their change."),
                          _fd_entity_column_label (changed));
      return FALSE;
    }

  return TRUE;
}

/* The change that puts back what @change is about to overwrite */
static FdChange *
make_inverse (FdDatabase      *self,
              const FdEntity  *entity,
              const FdChange  *change,
              gint64           revision,
              GError         **error)
{
  const char *id = fd_change_get_id (change);
  g_autoptr(GString) sql = NULL;
  g_autoptr(FdChange) inverse = NULL;
  guint n_fields = fd_change_get_n_fields (change);
  sqlite3_stmt *stmt;

  switch (fd_change_get_kind (change))
    {
    case FD_CHANGE_CREATE:
      return fd_change_new_delete (entity->name, id, revision);

    case FD_CHANGE_DELETE:
      return fd_change_new_restore (entity->name, id, revision);

    case FD_CHANGE_RESTORE:
      return fd_change_new_delete (entity->name, id, revision);

    case FD_CHANGE_UPDATE:
    default:
      break;
    }

  sql = g_string_new ("SELECT ");
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      append_identifier (sql, _fd_change_get_field (change, i)->name);
    }
  g_string_append (sql, " FROM ");
  append_identifier (sql, entity->name);
  g_string_append (sql, " WHERE id = ?1");

  stmt = _fd_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("This record no longer exists; it may have been deleted."));
      return NULL;
    }

  inverse = fd_change_new_update (entity->name, id, revision);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *name = _fd_change_get_field (change, i)->name;

      switch (sqlite3_column_type (stmt, (int) i))
        {
        case SQLITE_INTEGER:
          fd_change_set_int (inverse, name, sqlite3_column_int64 (stmt, (int) i));
          break;

        case SQLITE_FLOAT:
          fd_change_set_double (inverse, name, sqlite3_column_double (stmt, (int) i));
          break;

        case SQLITE_TEXT:
        case SQLITE_BLOB:
          fd_change_set_string (inverse, name, (const char *) sqlite3_column_text (stmt, (int) i));
          break;

        case SQLITE_NULL:
        default:
          fd_change_set_null (inverse, name);
          break;
        }
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&inverse);
}

static char *
join_field_names (const FdChange *change)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < fd_change_get_n_fields (change); i++)
    {
      if (i > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, _fd_change_get_field (change, i)->name);
    }

  return g_string_free (g_steal_pointer (&names), names->len == 0);
}

/* Records that a row changed (@fields: the names, space-separated, or
 * NULL); returns its new revision, or 0 */
gint64
_fd_database_log_row (FdDatabase    *self,
                      const char    *entity,
                      const char    *id,
                      FdChangeKind   kind,
                      const char    *fields,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 seq;

  stmt = _fd_database_prepare (self,
                               "INSERT INTO change_log (entity, entity_id, op, fields)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, _fd_change_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, fields, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, "change_log");
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  seq = sqlite3_last_insert_rowid (self->db);

  /* Keep the log short: a reader that fell further behind reloads */
  if (seq % CHANGE_LOG_TRIM_EVERY == 0)
    {
      stmt = _fd_database_prepare (self, "DELETE FROM change_log WHERE seq <= ?1", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, seq - CHANGE_LOG_KEEP);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }

  return seq;
}

static gint64
log_change (FdDatabase      *self,
            const FdChange  *change,
            GError         **error)
{
  g_autofree char *fields = join_field_names (change);

  return _fd_database_log_row (self, fd_change_get_entity (change), fd_change_get_id (change),
                               fd_change_get_kind (change), fields, error);
}

static gboolean
stamp_fields (FdDatabase      *self,
              const FdChange  *change,
              gint64           revision,
              GError         **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self,
                                             "INSERT INTO field_version (entity, entity_id, field, version)"
                                             " VALUES (?1, ?2, ?3, ?4)"
                                             " ON CONFLICT (entity, entity_id, field)"
                                             " DO UPDATE SET version = excluded.version",
                                             error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < fd_change_get_n_fields (change); i++)
    {
      sqlite3_bind_text (stmt, 1, fd_change_get_entity (change), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, fd_change_get_id (change), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, _fd_change_get_field (change, i)->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, revision);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _fd_database_set_error (self, error, "field_version");
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
write_row (FdDatabase      *self,
           const FdEntity  *entity,
           const FdChange  *change,
           gint64           revision,
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
   * is cached by its text, so a batch of similar changes prepares once.
   * ?1 is the id, ?2 the time, ?3 the revision. */
  switch (fd_change_get_kind (change))
    {
    case FD_CHANGE_CREATE:
      g_string_append (sql, "INSERT INTO ");
      append_identifier (sql, entity->name);
      g_string_append (sql, " (id, updated_at, revision");
      if (with_keys)
        g_string_append (sql, ", search_key, sort_key");
      for (guint i = 0; i < n_fields; i++)
        {
          g_string_append (sql, ", ");
          append_identifier (sql, _fd_change_get_field (change, i)->name);
        }
      g_string_append (sql, ") VALUES (?, ?, ?");
      if (with_keys)
        g_string_append (sql, ", ?, ?");
      for (guint i = 0; i < n_fields; i++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
      break;

    case FD_CHANGE_UPDATE:
      g_string_append (sql, "UPDATE ");
      append_identifier (sql, entity->name);
      g_string_append (sql, " SET updated_at = ?2, revision = ?3");
      for (guint i = 0; i < n_fields; i++)
        {
          g_string_append (sql, ", ");
          append_identifier (sql, _fd_change_get_field (change, i)->name);
          g_string_append_printf (sql, " = ?%u", i + 4);
        }
      g_string_append (sql, " WHERE id = ?1 AND deleted = 0");
      break;

    case FD_CHANGE_RESTORE:
      g_string_append (sql, "UPDATE ");
      append_identifier (sql, entity->name);
      g_string_append (sql, " SET updated_at = ?2, revision = ?3, deleted = 0"
                            " WHERE id = ?1 AND deleted = 1");
      break;

    case FD_CHANGE_DELETE:
    default:
      g_string_append (sql, "UPDATE ");
      append_identifier (sql, entity->name);
      g_string_append (sql, " SET updated_at = ?2, revision = ?3, deleted = 1"
                            " WHERE id = ?1 AND deleted = 0");
      break;
    }

  stmt = _fd_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, param++, fd_change_get_id (change), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, param++, g_get_real_time ());
  sqlite3_bind_int64 (stmt, param++, revision);
  if (with_keys)
    {
      _fd_entity_compute_keys (entity, change, &search_key, &sort_key);
      sqlite3_bind_text (stmt, param++, search_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, param++, sort_key, -1, SQLITE_STATIC);
    }
  for (guint i = 0; i < n_fields; i++)
    _fd_database_bind_field (stmt, param++, _fd_change_get_field (change, i));

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

/* A session's first and last days, kept from its live slots (see
 * fd-schema.c): after a slot is written, for its session and, when it
 * moved, the one it left; pulled slots and sessions go through the same
 * (fd-sync-state.c). */
gboolean
_fd_database_update_session_dates (FdDatabase  *self,
                                   const char  *session_id,
                                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (session_id == NULL)
    return TRUE;

  stmt = _fd_database_prepare (self,
                               "UPDATE session SET"
                               " starts_on = (SELECT substr (min (start_at), 1, 10) FROM slot"
                               "              WHERE session_id = ?1 AND deleted = 0),"
                               " ends_on = (SELECT substr (max (end_at), 1, 10) FROM slot"
                               "            WHERE session_id = ?1 AND deleted = 0)"
                               " WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, "session dates");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static char *
slot_session (FdDatabase *self,
              const char *slot_id)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self, "SELECT session_id FROM slot WHERE id = ?1", NULL);
  char *session_id = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    session_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return session_id;
}

static gboolean
apply_one (FdDatabase  *self,
           FdChange    *change,
           const char  *batch_id,
           GPtrArray   *inverses,
           GError     **error)
{
  FdChangeKind kind = fd_change_get_kind (change);
  const FdEntity *entity;
  RowState state = { 0 };
  gint64 revision;

  entity = _fd_database_lookup_entity (self, fd_change_get_entity (change), error);
  if (entity == NULL)
    return FALSE;

  if (kind != FD_CHANGE_CREATE)
    {
      gboolean found = FALSE;

      if (!read_row_state (self, entity, fd_change_get_id (change), &state, &found, error))
        return FALSE;
      if (!found || state.deleted != (kind == FD_CHANGE_RESTORE))
        {
          g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                       kind == FD_CHANGE_RESTORE && found
                       ? _("This record is not deleted.")
                       : _("This record no longer exists; it may have been deleted."));
          return FALSE;
        }
      if (kind == FD_CHANGE_UPDATE && !check_base_revision (self, entity, change, &state, error))
        return FALSE;
    }

  if (!_fd_roles_check (self, fd_database_get_user (self), entity->name, change, error) ||
      !_fd_entity_validate (self, entity, change, error))
    return FALSE;

  revision = log_change (self, change, error);
  if (revision == 0)
    return FALSE;

  if (inverses != NULL)
    {
      FdChange *inverse = make_inverse (self, entity, change, revision, error);

      if (inverse == NULL)
        return FALSE;
      g_ptr_array_add (inverses, inverse);
    }

  if (g_str_equal (entity->name, "slot"))
    {
      g_autofree char *left = NULL;
      g_autofree char *session_id = NULL;

      /* The session a slot leaves, before it is written */
      if (kind == FD_CHANGE_UPDATE && fd_change_has_field (change, "session_id"))
        left = slot_session (self, fd_change_get_id (change));

      if (!write_row (self, entity, change, revision, error))
        return FALSE;

      session_id = slot_session (self, fd_change_get_id (change));
      if (!_fd_database_update_session_dates (self, session_id, error) ||
          (g_strcmp0 (left, session_id) != 0 && !_fd_database_update_session_dates (self, left, error)))
        return FALSE;
    }
  else if (!write_row (self, entity, change, revision, error))
    return FALSE;

  return (kind != FD_CHANGE_UPDATE || stamp_fields (self, change, revision, error)) &&
         (!entity->has_keys || kind != FD_CHANGE_UPDATE ||
          _fd_entity_update_keys (self, entity, fd_change_get_id (change), error)) &&
         append_outbox (self, change, state.version, batch_id, error);
}

/* Whether the row @change is about still holds, in every field @change
 * sets, the value @expected set there; if so *@revision is the row's. An
 * undo made on such a row is rebased on it: nobody else changed what it
 * puts back. */
gboolean
_fd_database_row_matches (FdDatabase     *self,
                          const FdChange *change,
                          const FdChange *expected,
                          gint64         *revision)
{
  /* column 1 is "1 AND a IS ?2 AND b IS ?3…" */
  g_autoptr(GString) sql = g_string_new ("SELECT revision, 1");
  const FdEntity *entity;
  sqlite3_stmt *stmt;
  guint n_fields = fd_change_get_n_fields (change);
  gboolean matches;
  int param = 2;

  entity = _fd_database_lookup_entity (self, fd_change_get_entity (change), NULL);
  if (entity == NULL)
    return FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *name = _fd_change_get_field (change, i)->name;

      if (_fd_entity_column (entity, name) == NULL || _fd_change_lookup (expected, name) == NULL)
        return FALSE;
      g_string_append (sql, " AND ");
      append_identifier (sql, name);
      g_string_append_printf (sql, " IS ?%u", i + 2);
    }
  g_string_append (sql, " FROM ");
  append_identifier (sql, entity->name);
  g_string_append (sql, " WHERE id = ?1");

  stmt = _fd_database_prepare (self, sql->str, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fd_change_get_id (change), -1, SQLITE_STATIC);
  for (guint i = 0; i < n_fields; i++)
    _fd_database_bind_field (stmt, param++, _fd_change_lookup (expected, _fd_change_get_field (change, i)->name));

  matches = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 1) != 0;
  if (matches)
    *revision = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return matches;
}

/* Attendance evidence must survive a power cut (SYNC.md): its commits wait
 * until the WAL is on the disk. An fsync per commit costs milliseconds, so
 * other edits do not. */
static gboolean
needs_full_sync (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_str_equal (fd_change_get_entity (g_ptr_array_index (changes, i)), "attendance"))
      return TRUE;

  return FALSE;
}

/**
 * fd_database_apply_all_with_inverse:
 * @self: a #FdDatabase
 * @changes: (element-type FdChange): changes to apply in order
 * @inverse: (out) (optional) (transfer full) (element-type FdChange): where
 *   to store the changes that undo these, in the order to apply them
 * @error: return location for a #GError
 *
 * The one write path. Each change is checked against the revision the user
 * saw (fd_change_new_update()'s base): a field changed since is a
 * %FD_VALIDATION_ERROR_CONFLICT naming it, other fields merge. It is then
 * validated and normalised (it may be modified: an email trimmed, a phone
 * number made E.164, a session code generated), its row written with a new
 * revision, its fields' versions stamped, and its named mutation appended
 * to the outbox with the server version the row had. All the changes are
 * applied in one transaction: on error nothing at all is written. Once
 * committed they are announced by #FdDatabase::rows-changed.
 *
 * Returns: %TRUE if every change was applied
 */
gboolean
fd_database_apply_all_with_inverse (FdDatabase  *self,
                                    GPtrArray   *changes,
                                    GPtrArray  **inverse,
                                    GError     **error)
{
  g_autoptr(GPtrArray) inverses = NULL;
  g_autofree char *batch_id = NULL;
  gboolean full_sync;
  gboolean ok;

  g_return_val_if_fail (FD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (inverse != NULL)
    inverses = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);

  /* A user operation that writes several rows travels as one batch */
  if (changes->len > 1)
    batch_id = fd_text_uuid ();

  /* The mode of the outermost transaction is the one that counts */
  full_sync = self->transaction_depth == 0 && needs_full_sync (changes);
  if (full_sync && !exec (self, "PRAGMA synchronous = FULL", error))
    return FALSE;

  ok = fd_database_begin (self, error);
  for (guint i = 0; ok && i < changes->len; i++)
    {
      if (!apply_one (self, g_ptr_array_index (changes, i), batch_id, inverses, error))
        {
          fd_database_rollback (self);
          ok = FALSE;
        }
    }
  if (ok)
    ok = fd_database_commit (self, error);

  if (full_sync)
    exec (self, "PRAGMA synchronous = NORMAL", NULL);
  if (!ok)
    return FALSE;

  if (inverse != NULL)
    {
      /* Undo in the reverse order: a slot's staff before the slot */
      for (guint i = 0; i < inverses->len / 2; i++)
        {
          gpointer first = inverses->pdata[i];

          inverses->pdata[i] = inverses->pdata[inverses->len - 1 - i];
          inverses->pdata[inverses->len - 1 - i] = first;
        }
      *inverse = g_steal_pointer (&inverses);
    }

  return TRUE;
}

/**
 * fd_database_apply_all:
 * @self: a #FdDatabase
 * @changes: (element-type FdChange): changes to apply in order
 * @error: return location for a #GError
 *
 * Applies @changes all or nothing; see fd_database_apply_all_with_inverse().
 *
 * Returns: %TRUE if every change was applied
 */
gboolean
fd_database_apply_all (FdDatabase  *self,
                       GPtrArray   *changes,
                       GError     **error)
{
  return fd_database_apply_all_with_inverse (self, changes, NULL, error);
}

/**
 * fd_database_apply:
 * @self: a #FdDatabase
 * @change: the change
 * @error: return location for a #GError
 *
 * Applies one change; see fd_database_apply_all_with_inverse().
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
  const char *sql;     /* one row per problem: the offending record's id, and
                        * what it refers to or is known by (or NULL) */
  const char *message; /* what is wrong, untranslated */
} Invariant;

/* Domain invariants `verify` checks besides SQLite's own integrity. Each
 * query yields the offending records' ids, for the user to find them. */
static const Invariant invariants[] = {
  { "SELECT s.id, s.sequence_id FROM slot s JOIN sequence q ON q.id = s.sequence_id"
    " WHERE s.session_id <> q.session_id",
    N_("Slot in a sequence of another session") },
  { "SELECT s.id, s.sequence_id FROM slot s WHERE s.deleted = 0 AND NOT EXISTS"
    " (SELECT 1 FROM sequence q WHERE q.id = s.sequence_id AND q.deleted = 0)",
    N_("Slot of a missing or deleted sequence") },
  { "SELECT e.id, e.trainee_id FROM enrollment e WHERE e.deleted = 0 AND NOT EXISTS"
    " (SELECT 1 FROM trainee t WHERE t.id = e.trainee_id)",
    N_("Enrollment of a missing trainee") },
  { "SELECT e.id, e.session_id FROM enrollment e WHERE e.deleted = 0 AND NOT EXISTS"
    " (SELECT 1 FROM session s WHERE s.id = e.session_id)",
    N_("Enrollment in a missing session") },
  { "SELECT s.id, s.code FROM session s WHERE s.deleted = 0 AND s.status <> 'cancelled'"
    " AND (SELECT count(*) FROM enrollment e WHERE e.session_id = s.id AND e.deleted = 0"
    "      AND e.status NOT IN ('withdrawn', 'cancelled')) > s.capacity_max",
    N_("Session with more trainees enrolled than seats") },
  { "SELECT a.id, a.slot_id FROM attendance a WHERE NOT EXISTS"
    " (SELECT 1 FROM slot s WHERE s.id = a.slot_id)",
    N_("Attendance record of a missing slot") },
  { "SELECT a.id, a.trainee_id FROM attendance a JOIN slot s ON s.id = a.slot_id"
    " WHERE a.trainee_id IS NOT NULL AND NOT EXISTS"
    " (SELECT 1 FROM enrollment e WHERE e.session_id = s.session_id"
    "  AND e.trainee_id = a.trainee_id)",
    N_("Attendance signed by a trainee not enrolled in the session") },
  { "SELECT a.id, NULL FROM attendance a WHERE a.deleted = 1",
    N_("Attendance record deleted (attendance is append-only)") },
  { "SELECT s.slot_id, s.trainer_id FROM slot_staff s WHERE s.deleted = 0 AND NOT EXISTS"
    " (SELECT 1 FROM trainer t WHERE t.id = s.trainer_id)",
    N_("Slot staffed with a missing trainer") },
  { "SELECT mutation_id, name || ' ' || entity_id FROM outbox WHERE NOT json_valid(args)",
    N_("Outbox entry that is not valid JSON") },
  { "SELECT group_concat(id, ', '), code FROM session WHERE deleted = 0"
    " GROUP BY code HAVING count(*) > 1",
    N_("Session code used twice") },
};

/* Takes @message, made valid UTF-8: ids and names come from the file as
 * they are, and problems are shown to users. */
static void
add_problem (GPtrArray *problems,
             char      *message)
{
  g_ptr_array_add (problems, g_utf8_make_valid (message, -1));
  g_free (message);
}

static const char *
column_text_or_empty (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* PRAGMA foreign_key_check names the row by its rowid and the reference by
 * its number: say instead which record (its id) refers to which id. */
static char *
describe_missing_reference (FdDatabase   *self,
                            sqlite3_stmt *check)
{
  const char *table = column_text_or_empty (check, 0);
  const char *parent = column_text_or_empty (check, 2);
  gboolean has_rowid = sqlite3_column_type (check, 1) != SQLITE_NULL;
  gint64 rowid = sqlite3_column_int64 (check, 1);
  g_autofree char *column = NULL;
  g_autofree char *id = NULL;
  g_autofree char *target = NULL;
  g_autofree char *rowid_text = NULL;
  sqlite3_stmt *stmt;

  stmt = _fd_database_prepare (self,
                               "SELECT \"from\" FROM pragma_foreign_key_list(?1)"
                               " WHERE id = ?2 ORDER BY seq LIMIT 1",
                               NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, sqlite3_column_int (check, 3));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        column = g_strdup (column_text_or_empty (stmt, 0));
      sqlite3_reset (stmt);
    }

  /* Names from the schema, quoted by SQLite's %w; a table without an id
   * column (not one of ours) fails to prepare and is described by rowid */
  if (column != NULL && has_rowid)
    {
      char *sql = sqlite3_mprintf ("SELECT id, \"%w\" FROM \"%w\" WHERE rowid = ?1", column, table);

      stmt = _fd_database_prepare (self, sql, NULL);
      sqlite3_free (sql);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, rowid);
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            {
              id = g_strdup (column_text_or_empty (stmt, 0));
              target = g_strdup (column_text_or_empty (stmt, 1));
            }
          sqlite3_reset (stmt);
        }
    }

  if (id != NULL)
    {
      /* Translators: %1$s is a kind of record ("Slot"), %2$s its id, %3$s
       * one of its fields ("Room"), %4$s the id that field holds */
      return g_strdup_printf (_("%1$s %2$s: its “%3$s” field refers to %4$s, "
                                "which does not exist."),
                              _fd_entity_table_label (table), id,
                              _fd_entity_column_label (column), target);
    }

  rowid_text = has_rowid ? g_strdup_printf ("%" G_GINT64_FORMAT, rowid) : g_strdup ("?");

  /* Translators: %1$s is a table, %2$s the table it refers to, %3$s a row number */
  return g_strdup_printf (_("A row of %1$s refers to a missing row of %2$s (row %3$s)."),
                          table, parent, rowid_text);
}

static gboolean
check_siret_column (FdDatabase  *self,
                    const char  *table,
                    const char  *sql,
                    GPtrArray   *problems,
                    GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *siret = column_text_or_empty (stmt, 2);

      if (!fd_validate_siret (siret))
        add_problem (problems,
                     /* Translators: %1$s is a kind of record ("Client"), %2$s its
                      * id, %3$s its name, %4$s a SIRET number */
                     g_strdup_printf (_("%1$s %2$s (“%3$s”) has an invalid SIRET number (%4$s)."),
                                      _fd_entity_table_label (table),
                                      column_text_or_empty (stmt, 0),
                                      column_text_or_empty (stmt, 1), siret));
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/**
 * fd_database_verify:
 * @self: a #FdDatabase
 * @error: return location for a #GError
 *
 * Checks SQLite's integrity and the domain's invariants. Each problem
 * names the record at fault by its id.
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
      const char *result = column_text_or_empty (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        add_problem (problems, g_strdup_printf (_("SQLite integrity: %s"), result));
    }
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_problem (problems, describe_missing_reference (self, stmt));
  sqlite3_reset (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (invariants); i++)
    {
      stmt = _fd_database_prepare (self, invariants[i].sql, error);
      if (stmt == NULL)
        return NULL;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *id = column_text_or_empty (stmt, 0);
          const char *detail = (const char *) sqlite3_column_text (stmt, 1);

          if (detail != NULL)
            /* Translators: "what is wrong: which record (what it refers to)" */
            add_problem (problems, g_strdup_printf (_("%1$s: %2$s (%3$s)"),
                                                    _(invariants[i].message), id, detail));
          else
            /* Translators: "what is wrong: which record" */
            add_problem (problems, g_strdup_printf (_("%1$s: %2$s"),
                                                    _(invariants[i].message), id));
        }
      sqlite3_reset (stmt);
    }

  if (!check_siret_column (self, "organisation",
                           "SELECT id, name, siret FROM organisation"
                           " WHERE deleted = 0 AND siret IS NOT NULL",
                           problems, error) ||
      !check_siret_column (self, "client",
                           "SELECT id, name, siret FROM client"
                           " WHERE deleted = 0 AND siret IS NOT NULL"
                           " AND coalesce(siret_override_reason, '') = ''",
                           problems, error))
    return NULL;

  return g_steal_pointer (&problems);
}
