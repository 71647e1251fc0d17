/* fd-server-store.c — the server's storage: schema, accounts, devices, tokens
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-server-store-private.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

/*
 * The server's database is a core database (so that every pushed mutation
 * runs through the same rules as on a desktop) plus tables of its own,
 * prefixed srv_, with their own migrations (srv_schema). Their SQL keeps
 * to what SYNC.md allows on SQLite and PostgreSQL alike: $n placeholders
 * (SQLite binds "$1" as the first parameter as long as they appear in
 * order), BIGINT timestamps in UTC microseconds, ON CONFLICT, RETURNING.
 *
 * Tokens are 32 random bytes from the kernel, in URL-safe base64; only
 * their SHA-256 is stored, so a copy of the database signs nobody in.
 */

G_DEFINE_FINAL_TYPE (FdServerStore, fd_server_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (fd-server-error-quark, fd_server_error)

#define TOKEN_BYTES 32
#define MAX_TOKEN_LENGTH 128
#define MAX_DEVICE_NAME_LENGTH 200

static const char * const migrations[] = {
  /* 1: accounts, devices, tokens, idempotency, the clock, the change index */
  "CREATE TABLE srv_account ("
  " id TEXT PRIMARY KEY NOT NULL,"
  " email TEXT NOT NULL UNIQUE,"
  " display_name TEXT NOT NULL,"
  " role TEXT NOT NULL"
  "   CHECK (role IN ('admin', 'operations_manager', 'planner', 'trainer', 'kiosk')),"
  " trainer_id TEXT,"
  " place_id TEXT,"
  " password_hash TEXT NOT NULL,"
  " active INTEGER NOT NULL DEFAULT 1,"
  " created_at BIGINT NOT NULL,"
  " revoked_at BIGINT"
  ");"
  "CREATE TABLE srv_device ("
  " id TEXT PRIMARY KEY NOT NULL,"
  " account_id TEXT NOT NULL REFERENCES srv_account (id),"
  " name TEXT NOT NULL,"
  " created_at BIGINT NOT NULL,"
  " revoked_at BIGINT"
  ");"
  "CREATE INDEX srv_device_account ON srv_device (account_id);"
  "CREATE TABLE srv_token ("
  " hash TEXT PRIMARY KEY NOT NULL,"
  " kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),"
  " device_id TEXT NOT NULL REFERENCES srv_device (id),"
  " expires_at BIGINT NOT NULL"
  ");"
  "CREATE INDEX srv_token_device ON srv_token (device_id);"
  "CREATE INDEX srv_token_expiry ON srv_token (expires_at);"
  /* Mutations applied, per device: a retry is answered "duplicate" */
  "CREATE TABLE srv_applied ("
  " device_id TEXT NOT NULL,"
  " mutation_id TEXT NOT NULL,"
  " entity_id TEXT NOT NULL,"
  " version BIGINT NOT NULL,"
  " applied_at BIGINT NOT NULL,"
  " PRIMARY KEY (device_id, mutation_id)"
  ");"
  "CREATE INDEX srv_applied_row ON srv_applied (device_id, entity_id, version);"
  /* The organisation's version counter, bumped inside each mutation's
   * transaction so that versions are in commit order (SYNC.md) */
  "CREATE TABLE srv_clock ("
  " id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),"
  " ver BIGINT NOT NULL"
  ");"
  "INSERT INTO srv_clock (id, ver) VALUES (1, 0);"
  /* Which of core's revisions (change_log seq) each version ended at:
   * core's per-field conflict check counts in revisions */
  "CREATE TABLE srv_version ("
  " version BIGINT PRIMARY KEY NOT NULL,"
  " revision BIGINT NOT NULL"
  ");"
  /* The last version of each row: what a pull reads past its cursor */
  "CREATE TABLE srv_change ("
  " entity TEXT NOT NULL,"
  " entity_id TEXT NOT NULL,"
  " version BIGINT NOT NULL,"
  " PRIMARY KEY (entity, entity_id)"
  ");"
  "CREATE UNIQUE INDEX srv_change_version ON srv_change (version, entity, entity_id);",
};

void
fd_server_tokens_free (FdServerTokens *tokens)
{
  if (tokens == NULL)
    return;

  g_free (tokens->access_token);
  g_free (tokens->refresh_token);
  g_free (tokens->device_id);
  g_free (tokens);
}

void
fd_server_device_free (FdServerDevice *device)
{
  if (device == NULL)
    return;

  g_free (device->id);
  g_free (device->account_id);
  g_free (device->name);
  g_free (device);
}

sqlite3_stmt *
_fd_server_store_prepare (FdServerStore  *self,
                          const char     *sql,
                          GError        **error)
{
  return _fd_database_prepare (self->database, sql, error);
}

/* Steps @stmt once: TRUE on a row or the end (then reset it yourself when
 * it gave a row), FALSE with @error set on a failure (it is reset) */
gboolean
_fd_server_store_step (FdServerStore  *self,
                       sqlite3_stmt   *stmt,
                       const char     *what,
                       GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  _fd_database_set_error (self->database, error, what);
  sqlite3_reset (stmt);
  return FALSE;
}

void
_fd_server_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* One statement, no rows expected */
static gboolean
run (FdServerStore  *self,
     sqlite3_stmt   *stmt,
     const char     *what,
     GError        **error)
{
  if (!_fd_server_store_step (self, stmt, what, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static void
fd_server_store_finalize (GObject *object)
{
  FdServerStore *self = (FdServerStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_server_store_parent_class)->finalize (object);
}

static void
fd_server_store_class_init (FdServerStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_server_store_finalize;
}

static void
fd_server_store_init (FdServerStore *self)
{
  self->access_lifetime = (gint64) FD_SERVER_ACCESS_TOKEN_LIFETIME * G_USEC_PER_SEC;
  self->refresh_lifetime = (gint64) FD_SERVER_REFRESH_TOKEN_LIFETIME * G_USEC_PER_SEC;
}

static gboolean
migrate (FdServerStore  *self,
         GError        **error)
{
  sqlite3 *db = _fd_database_get_handle (self->database);
  sqlite3_stmt *stmt;
  gint64 current = 0;

  if (!fd_database_begin (self->database, error))
    return FALSE;

  if (sqlite3_exec (db,
                    "CREATE TABLE IF NOT EXISTS srv_schema ("
                    " id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),"
                    " version INTEGER NOT NULL);"
                    "INSERT INTO srv_schema (id, version) VALUES (1, 0)"
                    " ON CONFLICT (id) DO NOTHING;",
                    NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  stmt = _fd_server_store_prepare (self, "SELECT version FROM srv_schema WHERE id = 1", error);
  if (stmt == NULL)
    {
      fd_database_rollback (self->database);
      return FALSE;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    current = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (current > (gint64) G_N_ELEMENTS (migrations))
    {
      fd_database_rollback (self->database);
      g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_FAILED,
                   _("The server database was written by a newer formadesk-server."));
      return FALSE;
    }

  for (gint64 version = current + 1; version <= (gint64) G_N_ELEMENTS (migrations); version++)
    {
      g_autofree char *set_version =
        g_strdup_printf ("UPDATE srv_schema SET version = %" G_GINT64_FORMAT " WHERE id = 1",
                         version);

      if (sqlite3_exec (db, migrations[version - 1], NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK)
        goto failed;
      g_debug ("Server tables migrated to version %" G_GINT64_FORMAT, version);
    }

  return fd_database_commit (self->database, error);

failed:
  _fd_database_set_error (self->database, error, "server migration");
  fd_database_rollback (self->database);
  return FALSE;
}

/**
 * fd_server_store_open:
 * @path: the server's database file, created if missing
 * @error: return location for a #GError
 *
 * Opens (or creates) the server's database: core's schema and the
 * server's tables, both migrated to this build's version.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
FdServerStore *
fd_server_store_open (const char  *path,
                      GError     **error)
{
  g_autoptr(FdServerStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (FD_TYPE_SERVER_STORE, NULL);
  self->database = fd_database_open (path, FD_DATABASE_OPEN_CREATE, error);
  if (self->database == NULL || !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fd_server_store_get_database:
 *
 * Returns: (transfer none): core's database under the store
 */
FdDatabase *
fd_server_store_get_database (FdServerStore *self)
{
  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);

  return self->database;
}

/**
 * fd_server_store_set_token_lifetimes:
 * @self: a #FdServerStore
 * @access_seconds: how long an access token is valid (0: not at all, for tests)
 * @refresh_seconds: how long a refresh token is valid
 *
 * Lifetimes of the tokens issued from now on.
 */
void
fd_server_store_set_token_lifetimes (FdServerStore *self,
                                     gint64         access_seconds,
                                     gint64         refresh_seconds)
{
  g_return_if_fail (FD_IS_SERVER_STORE (self));
  g_return_if_fail (access_seconds >= 0 && refresh_seconds >= 0);

  self->access_lifetime = access_seconds * G_USEC_PER_SEC;
  self->refresh_lifetime = refresh_seconds * G_USEC_PER_SEC;
}

/**
 * fd_server_store_ensure_organisation:
 * @self: a #FdServerStore
 * @name: the organisation's name, used if it has none yet
 * @error: return location for a #GError
 *
 * Creates the organisation's row, through core, unless there is one.
 *
 * Returns: %TRUE if the organisation exists now
 */
gboolean
fd_server_store_ensure_organisation (FdServerStore  *self,
                                     const char     *name,
                                     GError        **error)
{
  g_autoptr(FdChange) change = NULL;
  sqlite3_stmt *stmt;
  gboolean exists;
  gint64 version;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = _fd_server_store_prepare (self, "SELECT 1 FROM organisation WHERE deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (exists)
    return TRUE;

  change = fd_change_new_create ("organisation");
  fd_change_set_string (change, "name", name);

  /* As the server's own administrator, stamped like any pushed change */
  fd_database_set_user (self->database, NULL);
  if (!fd_database_begin (self->database, error))
    return FALSE;
  if (!_fd_server_store_apply_versioned (self, change, &version, error))
    {
      fd_database_rollback (self->database);
      return FALSE;
    }

  return fd_database_commit (self->database, error);
}

/**
 * fd_server_store_get_version:
 *
 * Returns: the organisation's current version (0 before any change)
 */
gint64
fd_server_store_get_version (FdServerStore *self)
{
  sqlite3_stmt *stmt;
  gint64 version = 0;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), 0);

  stmt = _fd_server_store_prepare (self, "SELECT ver FROM srv_clock WHERE id = 1", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return version;
}

/* Accounts */

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Accounts sign in with their email in any case: "Ana@Example.fr" and
 * "ana@example.fr" are one account. NULL if @email is not an address. */
static char *
normalize_account_email (const char *email)
{
  g_autofree char *normalized = fd_normalize_email (email);

  return normalized != NULL ? g_ascii_strdown (normalized, -1) : NULL;
}

/* Columns: id, email, display_name, role, trainer_id, place_id, active */
#define ACCOUNT_COLUMNS "a.id, a.email, a.display_name, a.role, a.trainer_id, a.place_id, a.active"

static FdUser *
account_from_row (sqlite3_stmt *stmt,
                  int           first)
{
  FdRole role = FD_ROLE_KIOSK;

  /* The CHECK constraint keeps the role one of ours; the least powerful
   * otherwise */
  if (!fd_role_from_string (column_text (stmt, first + 3), &role))
    role = FD_ROLE_KIOSK;

  return fd_user_new (column_text (stmt, first),
                      column_text (stmt, first + 1),
                      column_text (stmt, first + 2),
                      role,
                      column_text (stmt, first + 4),
                      column_text (stmt, first + 5),
                      sqlite3_column_int (stmt, first + 6) != 0);
}

/* The id of the one live row @sql finds for @value; *@n_found says how
 * many there were when not one */
static char *
find_record (FdServerStore  *self,
             const char     *sql,
             const char     *value,
             guint          *n_found,
             GError        **error)
{
  sqlite3_stmt *stmt = _fd_server_store_prepare (self, sql, error);
  g_autofree char *id = NULL;

  *n_found = 0;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if ((*n_found)++ == 0)
        id = g_strdup (column_text (stmt, 0));
    }
  sqlite3_reset (stmt);

  return *n_found == 1 ? g_steal_pointer (&id) : NULL;
}

/**
 * fd_server_store_add_account:
 * @self: a #FdServerStore
 * @email: the account's email address, which it signs in with
 * @display_name: (nullable): its name, or %NULL for the email address
 * @role: its role
 * @trainer_email: (nullable): for a trainer, the email of their trainer
 *   record (required for %FD_ROLE_TRAINER)
 * @place_name: (nullable): for a kiosk, the name of its place (required
 *   for %FD_ROLE_KIOSK)
 * @password: the password, hashed with Argon2id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new account, or %NULL with @error set
 */
FdUser *
fd_server_store_add_account (FdServerStore  *self,
                             const char     *email,
                             const char     *display_name,
                             FdRole          role,
                             const char     *trainer_email,
                             const char     *place_name,
                             const char     *password,
                             GError        **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *trainer_id = NULL;
  g_autofree char *place_id = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt;
  guint n_found = 0;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (email != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  normalized = normalize_account_email (email);
  if (normalized == NULL)
    {
      g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_INVALID,
                   _("“%s” is not a valid email address."), email);
      return NULL;
    }

  if (role == FD_ROLE_TRAINER)
    {
      g_autofree char *trainer = NULL;

      if (trainer_email == NULL)
        {
          g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_INVALID,
                               _("A trainer account needs the email of its trainer record."));
          return NULL;
        }
      trainer = fd_normalize_email (trainer_email);
      trainer_id = find_record (self,
                                "SELECT id FROM trainer WHERE lower(email) = lower($1)"
                                " AND deleted = 0",
                                trainer != NULL ? trainer : trainer_email, &n_found, NULL);
      if (trainer_id == NULL)
        {
          if (n_found == 0)
            g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_NOT_FOUND,
                         _("No trainer has the email address “%s”."), trainer_email);
          else
            g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_INVALID,
                         _("Several trainers have the email address “%s”."), trainer_email);
          return NULL;
        }
    }
  else if (trainer_email != NULL)
    {
      g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_INVALID,
                           _("Only a trainer account is linked to a trainer record."));
      return NULL;
    }

  if (role == FD_ROLE_KIOSK)
    {
      if (place_name == NULL)
        {
          g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_INVALID,
                               _("A kiosk account needs the name of its place."));
          return NULL;
        }
      place_id = find_record (self, "SELECT id FROM place WHERE name = $1 AND deleted = 0",
                              place_name, &n_found, NULL);
      if (place_id == NULL)
        {
          if (n_found == 0)
            g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_NOT_FOUND,
                         _("No place is named “%s”."), place_name);
          else
            g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_INVALID,
                         _("Several places are named “%s”."), place_name);
          return NULL;
        }
    }
  else if (place_name != NULL)
    {
      g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_INVALID,
                           _("Only a kiosk account is linked to a place."));
      return NULL;
    }

  hash = fd_password_hash (password, error);
  if (hash == NULL)
    return NULL;

  id = fd_text_uuid ();
  stmt = _fd_server_store_prepare (self,
                                   "INSERT INTO srv_account (id, email, display_name, role,"
                                   " trainer_id, place_id, password_hash, created_at)"
                                   " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                                   " ON CONFLICT (email) DO NOTHING",
                                   error);
  if (stmt == NULL)
    return NULL;
  _fd_server_bind_text (stmt, 1, id);
  _fd_server_bind_text (stmt, 2, normalized);
  _fd_server_bind_text (stmt, 3, display_name != NULL ? display_name : normalized);
  _fd_server_bind_text (stmt, 4, fd_role_to_string (role));
  _fd_server_bind_text (stmt, 5, trainer_id);
  _fd_server_bind_text (stmt, 6, place_id);
  _fd_server_bind_text (stmt, 7, hash);
  sqlite3_bind_int64 (stmt, 8, g_get_real_time ());
  if (!run (self, stmt, "add account", error))
    return NULL;

  if (sqlite3_changes (_fd_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_EXISTS,
                   _("There is already an account for “%s”."), normalized);
      return NULL;
    }

  return fd_user_new (id, normalized, display_name != NULL ? display_name : normalized,
                      role, trainer_id, place_id, TRUE);
}

/**
 * fd_server_store_list_accounts:
 *
 * Returns: (transfer full) (element-type FdUser): every account, revoked
 *   ones too, sorted by email
 */
GPtrArray *
fd_server_store_list_accounts (FdServerStore  *self,
                               GError        **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);

  stmt = _fd_server_store_prepare (self,
                                   "SELECT " ACCOUNT_COLUMNS " FROM srv_account a ORDER BY a.email",
                                   error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (accounts, account_from_row (stmt, 0));
  sqlite3_reset (stmt);

  return g_steal_pointer (&accounts);
}

/**
 * fd_server_store_lookup_account:
 * @self: a #FdServerStore
 * @email: an email address
 * @password_hash: (out) (optional) (transfer full): its password hash
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the account (maybe revoked: see
 *   fd_user_get_active()), or %NULL with %FD_SERVER_ERROR_NOT_FOUND
 */
FdUser *
fd_server_store_lookup_account (FdServerStore  *self,
                                const char     *email,
                                char          **password_hash,
                                GError        **error)
{
  g_autofree char *normalized = NULL;
  sqlite3_stmt *stmt;
  FdUser *account = NULL;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (email != NULL, NULL);

  normalized = normalize_account_email (email);
  stmt = _fd_server_store_prepare (self,
                                   "SELECT " ACCOUNT_COLUMNS ", a.password_hash"
                                   " FROM srv_account a WHERE a.email = $1",
                                   error);
  if (stmt == NULL)
    return NULL;
  _fd_server_bind_text (stmt, 1, normalized != NULL ? normalized : email);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      account = account_from_row (stmt, 0);
      if (password_hash != NULL)
        *password_hash = g_strdup (column_text (stmt, 7));
    }
  sqlite3_reset (stmt);

  if (account == NULL)
    g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_NOT_FOUND,
                 _("There is no account for “%s”."), email);

  return account;
}

/**
 * fd_server_store_revoke_account:
 * @self: a #FdServerStore
 * @email: the account's email address
 * @error: return location for a #GError
 *
 * Revokes the account and all its devices: their tokens are dropped, and
 * the next request made with one is refused.
 *
 * Returns: %TRUE if the account was revoked
 */
gboolean
fd_server_store_revoke_account (FdServerStore  *self,
                                const char     *email,
                                GError        **error)
{
  g_autoptr(FdUser) account = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (email != NULL, FALSE);

  account = fd_server_store_lookup_account (self, email, NULL, error);
  if (account == NULL || !fd_database_begin (self->database, error))
    return FALSE;

  stmt = _fd_server_store_prepare (self,
                                   "UPDATE srv_account SET active = 0,"
                                   " revoked_at = coalesce(revoked_at, $1) WHERE id = $2",
                                   error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, now);
  _fd_server_bind_text (stmt, 2, fd_user_get_id (account));
  if (!run (self, stmt, "revoke account", error))
    goto failed;

  stmt = _fd_server_store_prepare (self,
                                   "DELETE FROM srv_token WHERE device_id IN"
                                   " (SELECT id FROM srv_device WHERE account_id = $1)",
                                   error);
  if (stmt == NULL)
    goto failed;
  _fd_server_bind_text (stmt, 1, fd_user_get_id (account));
  if (!run (self, stmt, "revoke account tokens", error))
    goto failed;

  stmt = _fd_server_store_prepare (self,
                                   "UPDATE srv_device SET revoked_at = coalesce(revoked_at, $1)"
                                   " WHERE account_id = $2",
                                   error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, now);
  _fd_server_bind_text (stmt, 2, fd_user_get_id (account));
  if (!run (self, stmt, "revoke account devices", error))
    goto failed;

  return fd_database_commit (self->database, error);

failed:
  fd_database_rollback (self->database);
  return FALSE;
}

/* Devices */

/**
 * fd_server_store_list_devices:
 *
 * Returns: (transfer full) (element-type FdServerDevice): every device,
 *   oldest first
 */
GPtrArray *
fd_server_store_list_devices (FdServerStore  *self,
                              GError        **error)
{
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_server_device_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);

  stmt = _fd_server_store_prepare (self,
                                   "SELECT id, account_id, name, created_at, revoked_at"
                                   " FROM srv_device ORDER BY created_at, id",
                                   error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FdServerDevice *device = g_new0 (FdServerDevice, 1);

      device->id = g_strdup (column_text (stmt, 0));
      device->account_id = g_strdup (column_text (stmt, 1));
      device->name = g_strdup (column_text (stmt, 2));
      device->created_at = sqlite3_column_int64 (stmt, 3);
      device->revoked = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      g_ptr_array_add (devices, device);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&devices);
}

/**
 * fd_server_store_revoke_device:
 * @self: a #FdServerStore
 * @device_id: the device
 * @error: return location for a #GError
 *
 * Revokes one device: its tokens are dropped, and the next request made
 * with one is refused; the account's other devices keep working.
 *
 * Returns: %TRUE if the device was revoked
 */
gboolean
fd_server_store_revoke_device (FdServerStore  *self,
                               const char     *device_id,
                               GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (device_id != NULL, FALSE);

  if (!fd_database_begin (self->database, error))
    return FALSE;

  stmt = _fd_server_store_prepare (self,
                                   "UPDATE srv_device SET revoked_at = coalesce(revoked_at, $1)"
                                   " WHERE id = $2",
                                   error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  _fd_server_bind_text (stmt, 2, device_id);
  if (!run (self, stmt, "revoke device", error))
    goto failed;
  if (sqlite3_changes (_fd_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_NOT_FOUND,
                   _("There is no device “%s”."), device_id);
      goto failed;
    }

  stmt = _fd_server_store_prepare (self, "DELETE FROM srv_token WHERE device_id = $1", error);
  if (stmt == NULL)
    goto failed;
  _fd_server_bind_text (stmt, 1, device_id);
  if (!run (self, stmt, "revoke device tokens", error))
    goto failed;

  return fd_database_commit (self->database, error);

failed:
  fd_database_rollback (self->database);
  return FALSE;
}

/* Tokens */

static char *
make_token (GError **error)
{
  guchar bytes[TOKEN_BYTES];
  gsize filled = 0;
  char *token;
  gsize length;

  while (filled < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + filled, sizeof bytes - filled, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_FAILED,
                               _("The system could not make random numbers."));
          return NULL;
        }
      filled += (gsize) n;
    }

  token = g_base64_encode (bytes, sizeof bytes);
  length = strlen (token);
  while (length > 0 && token[length - 1] == '=')
    token[--length] = '\0';
  for (char *p = token; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }

  return token;
}

static gboolean
is_token (const char *token)
{
  gsize length = 0;

  if (token == NULL)
    return FALSE;
  for (const char *p = token; *p != '\0'; p++, length++)
    if (length >= MAX_TOKEN_LENGTH || !(g_ascii_isalnum (*p) || *p == '-' || *p == '_'))
      return FALSE;

  return length > 0;
}

static char *
hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static gboolean
store_token (FdServerStore  *self,
             const char     *token,
             const char     *kind,
             const char     *device_id,
             gint64          expires_at,
             GError        **error)
{
  g_autofree char *hash = hash_token (token);
  sqlite3_stmt *stmt;

  stmt = _fd_server_store_prepare (self,
                                   "INSERT INTO srv_token (hash, kind, device_id, expires_at)"
                                   " VALUES ($1, $2, $3, $4)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  _fd_server_bind_text (stmt, 1, hash);
  _fd_server_bind_text (stmt, 2, kind);
  _fd_server_bind_text (stmt, 3, device_id);
  sqlite3_bind_int64 (stmt, 4, expires_at);

  return run (self, stmt, "store token", error);
}

/* In the caller's transaction */
static FdServerTokens *
issue_tokens (FdServerStore  *self,
              const char     *device_id,
              GError        **error)
{
  g_autoptr(FdServerTokens) tokens = g_new0 (FdServerTokens, 1);
  gint64 now = g_get_real_time ();
  sqlite3_stmt *stmt;

  stmt = _fd_server_store_prepare (self, "DELETE FROM srv_token WHERE expires_at < $1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!run (self, stmt, "expire tokens", error))
    return NULL;

  tokens->device_id = g_strdup (device_id);
  tokens->access_token = make_token (error);
  if (tokens->access_token == NULL)
    return NULL;
  tokens->refresh_token = make_token (error);
  if (tokens->refresh_token == NULL)
    return NULL;
  tokens->expires_in = self->access_lifetime / G_USEC_PER_SEC;

  if (!store_token (self, tokens->access_token, "access", device_id,
                    now + self->access_lifetime, error) ||
      !store_token (self, tokens->refresh_token, "refresh", device_id,
                    now + self->refresh_lifetime, error))
    return NULL;

  return g_steal_pointer (&tokens);
}

/**
 * fd_server_store_register_device:
 * @self: a #FdServerStore
 * @account: an active account whose password was just verified
 * @device_name: the name the user gives the device ("Laptop")
 * @device_id: (nullable): a device id the client had from an earlier
 *   sign-in
 * @error: return location for a #GError
 *
 * Registers a new device for @account and issues its first tokens. When
 * @device_id is a live device of @account, it is kept instead (renamed to
 * @device_name), so that mutations the device pushed before, whose answer
 * it may have lost, are still recognised as duplicates. An unknown or
 * revoked @device_id gets a new device; one of another account is refused
 * (%FD_SERVER_ERROR_FORBIDDEN).
 *
 * Returns: (transfer full): the tokens, or %NULL with @error set
 */
FdServerTokens *
fd_server_store_register_device (FdServerStore  *self,
                                 FdUser         *account,
                                 const char     *device_name,
                                 const char     *known_device_id,
                                 GError        **error)
{
  g_autoptr(FdServerTokens) tokens = NULL;
  g_autofree char *device_id = NULL;
  gboolean reuse = FALSE;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (FD_IS_USER (account), NULL);
  g_return_val_if_fail (device_name != NULL, NULL);

  if (!fd_user_get_active (account))
    {
      g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_UNAUTHORIZED,
                           _("This account was revoked."));
      return NULL;
    }

  name = g_utf8_make_valid (device_name, -1);
  if (g_utf8_strlen (name, -1) > MAX_DEVICE_NAME_LENGTH)
    {
      g_set_error (error, FD_SERVER_ERROR, FD_SERVER_ERROR_INVALID,
                   _("The device name is longer than %d characters."), MAX_DEVICE_NAME_LENGTH);
      return NULL;
    }

  if (!fd_database_begin (self->database, error))
    return NULL;

  if (known_device_id != NULL)
    {
      int rc;

      stmt = _fd_server_store_prepare (self,
                                       "SELECT account_id, revoked_at FROM srv_device WHERE id = $1",
                                       error);
      if (stmt == NULL)
        goto failed;
      _fd_server_bind_text (stmt, 1, known_device_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (g_strcmp0 (column_text (stmt, 0), fd_user_get_id (account)) != 0)
            {
              sqlite3_reset (stmt);
              g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_FORBIDDEN,
                                   _("This device belongs to another account."));
              goto failed;
            }
          reuse = sqlite3_column_type (stmt, 1) == SQLITE_NULL;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _fd_database_set_error (self->database, error, "find device");
          goto failed;
        }
    }

  if (reuse)
    {
      device_id = g_strdup (known_device_id);
      stmt = _fd_server_store_prepare (self, "UPDATE srv_device SET name = $1 WHERE id = $2",
                                       error);
      if (stmt == NULL)
        goto failed;
      _fd_server_bind_text (stmt, 1, name);
      _fd_server_bind_text (stmt, 2, device_id);
      if (!run (self, stmt, "rename device", error))
        goto failed;
    }
  else
    {
      device_id = fd_text_uuid ();
      stmt = _fd_server_store_prepare (self,
                                       "INSERT INTO srv_device (id, account_id, name, created_at)"
                                       " VALUES ($1, $2, $3, $4)",
                                       error);
      if (stmt == NULL)
        goto failed;
      _fd_server_bind_text (stmt, 1, device_id);
      _fd_server_bind_text (stmt, 2, fd_user_get_id (account));
      _fd_server_bind_text (stmt, 3, name);
      sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
      if (!run (self, stmt, "register device", error))
        goto failed;
    }

  tokens = issue_tokens (self, device_id, error);
  if (tokens == NULL || !fd_database_commit (self->database, error))
    goto failed;

  return g_steal_pointer (&tokens);

failed:
  fd_database_rollback (self->database);
  return NULL;
}

static void
set_unauthorized (GError **error)
{
  g_set_error_literal (error, FD_SERVER_ERROR, FD_SERVER_ERROR_UNAUTHORIZED,
                       _("Your session has expired or was revoked; sign in again."));
}

/* The device and account of a live token of @kind; NULL when there is
 * none, it expired, or the device or the account was revoked */
static FdUser *
lookup_token (FdServerStore  *self,
              const char     *token,
              const char     *kind,
              char          **device_id,
              GError        **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  FdUser *account = NULL;

  if (!is_token (token))
    {
      set_unauthorized (error);
      return NULL;
    }

  hash = hash_token (token);
  stmt = _fd_server_store_prepare (self,
                                   "SELECT " ACCOUNT_COLUMNS ", d.id"
                                   " FROM srv_token t"
                                   " JOIN srv_device d ON d.id = t.device_id"
                                   " JOIN srv_account a ON a.id = d.account_id"
                                   " WHERE t.hash = $1 AND t.kind = $2 AND t.expires_at > $3"
                                   " AND d.revoked_at IS NULL AND a.active = 1",
                                   error);
  if (stmt == NULL)
    return NULL;
  _fd_server_bind_text (stmt, 1, hash);
  _fd_server_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      account = account_from_row (stmt, 0);
      if (device_id != NULL)
        *device_id = g_strdup (column_text (stmt, 7));
    }
  sqlite3_reset (stmt);

  if (account == NULL)
    set_unauthorized (error);

  return account;
}

/**
 * fd_server_store_authenticate:
 * @self: a #FdServerStore
 * @access_token: a bearer token
 * @device_id: (out) (optional) (transfer full): the token's device
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the account of a valid, unexpired access token
 *   of a device and an account not revoked, or %NULL with
 *   %FD_SERVER_ERROR_UNAUTHORIZED
 */
FdUser *
fd_server_store_authenticate (FdServerStore  *self,
                              const char     *access_token,
                              char          **device_id,
                              GError        **error)
{
  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);

  return lookup_token (self, access_token, "access", device_id, error);
}

/**
 * fd_server_store_refresh:
 * @self: a #FdServerStore
 * @refresh_token: a refresh token
 * @error: return location for a #GError
 *
 * Exchanges a refresh token for new tokens; the old refresh token is
 * used up.
 *
 * Returns: (transfer full): the new tokens, or %NULL with @error set
 */
FdServerTokens *
fd_server_store_refresh (FdServerStore  *self,
                         const char     *refresh_token,
                         GError        **error)
{
  g_autoptr(FdUser) account = NULL;
  g_autoptr(FdServerTokens) tokens = NULL;
  g_autofree char *device_id = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_SERVER_STORE (self), NULL);

  if (!fd_database_begin (self->database, error))
    return NULL;

  account = lookup_token (self, refresh_token, "refresh", &device_id, error);
  if (account == NULL)
    goto failed;

  hash = hash_token (refresh_token);
  stmt = _fd_server_store_prepare (self, "DELETE FROM srv_token WHERE hash = $1", error);
  if (stmt == NULL)
    goto failed;
  _fd_server_bind_text (stmt, 1, hash);
  if (!run (self, stmt, "use refresh token", error))
    goto failed;

  tokens = issue_tokens (self, device_id, error);
  if (tokens == NULL || !fd_database_commit (self->database, error))
    goto failed;

  return g_steal_pointer (&tokens);

failed:
  fd_database_rollback (self->database);
  return NULL;
}
