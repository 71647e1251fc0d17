/* fd-accounts.c — local accounts of a shared workstation
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-accounts.h"

#include "fd-change.h"
#include "fd-database-private.h"
#include "fd-password.h"
#include "fd-roles.h"
#include "fd-text.h"
#include "fd-validate.h"

/*
 * An account is a `user_account` row, written through fd_database_apply()
 * like any other row (so it syncs, and the role rules apply: only an
 * administrator may write it), and a `local_credential` row holding its
 * password hash, which never leaves this workstation.
 *
 * Operations that hash or verify a password run in three steps: checks
 * that read the database (main thread), the slow hashing (in a worker
 * thread for the _async variants: it touches only its own copy of the
 * inputs), then the write (main thread again, checking again what may
 * have changed in between).
 */

G_DEFINE_QUARK (fd-accounts-error-quark, fd_accounts_error)

/* The hash of a random password nobody knows, with this version's
 * parameters: verified when no account has the address typed, so that a
 * wrong address takes as long as a wrong password and tells nothing. */
static const char dummy_hash[] =
  "$argon2id$v=19$m=19456,t=2,p=1$RMKBIh0+q2pl8RtJdbiMgg$"
  "fJMdywuauA0j47p3kheGbj6IxnlgLx3G0KTNTVO3/bo";

#define USER_COLUMNS "id, email, display_name, role, trainer_id, place_id, active"

typedef struct
{
  /* Inputs */
  char *verify_hash;  /* checks password against it when set */
  char *password;     /* a copy, wiped when freed */
  char *new_password; /* hashed when set (after a successful check); wiped */
  gboolean rehash;    /* hashes password again if verify_hash's parameters are old */
  /* Results */
  gboolean verified;
  char *new_hash;
} Work;

typedef struct _Operation Operation;

/* The last step, in the main thread: writes, and returns the account */
typedef FdUser *(*FinishFunc) (FdDatabase  *database,
                               Operation   *op,
                               GError     **error);

struct _Operation
{
  FinishFunc finish;
  char *user_id;
  char *email;
  char *display_name;
  char *trainer_id;
  char *place_id;
  FdRole role;
  Work work;
};

static void
operation_free (Operation *op)
{
  fd_password_free (op->work.password);
  fd_password_free (op->work.new_password);
  g_free (op->work.verify_hash);
  g_free (op->work.new_hash);
  g_free (op->user_id);
  g_free (op->email);
  g_free (op->display_name);
  g_free (op->trainer_id);
  g_free (op->place_id);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Operation, operation_free)

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* A row of USER_COLUMNS */
static FdUser *
user_from_row (sqlite3_stmt *stmt)
{
  FdRole role;

  if (!fd_role_from_string (column_text (stmt, 3), &role))
    {
      g_debug ("Account %s has an unknown role, “%s”",
               column_text (stmt, 0), column_text (stmt, 3));
      return NULL;
    }

  return fd_user_new (column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 2), role,
                      column_text (stmt, 4), column_text (stmt, 5),
                      sqlite3_column_int (stmt, 6) != 0);
}

static gboolean
exists (FdDatabase *database,
        const char *sql,
        const char *value)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
email_in_use (FdDatabase *database,
              const char *email)
{
  return exists (database,
                 "SELECT 1 FROM user_account WHERE deleted = 0 AND lower(email) = lower(?1)",
                 email);
}

static gboolean
check_may_manage (FdDatabase  *database,
                  GError     **error)
{
  g_autofree char *refusal = fd_roles_explain (database, NULL, FD_PERMISSION_MANAGE_ACCOUNTS, NULL);

  if (refusal != NULL)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_FORBIDDEN, NULL, "%s", refusal);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_hash (FdDatabase  *database,
            const char  *user_id,
            const char  *hash,
            GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database,
                                             "INSERT INTO local_credential (user_id, password_hash)"
                                             " VALUES (?1, ?2) ON CONFLICT (user_id)"
                                             " DO UPDATE SET password_hash = excluded.password_hash",
                                             error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "local_credential");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/* In a transaction of its own, so that it queues with other writers */
static gboolean
store_hash (FdDatabase  *database,
            const char  *user_id,
            const char  *hash,
            GError     **error)
{
  if (!fd_database_begin (database, error))
    return FALSE;

  if (!write_hash (database, user_id, hash, error))
    {
      fd_database_rollback (database);
      return FALSE;
    }

  return fd_database_commit (database, error);
}

static char *
stored_hash (FdDatabase *database,
             const char *user_id)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database,
                                             "SELECT password_hash FROM local_credential"
                                             " WHERE user_id = ?1",
                                             NULL);
  char *hash = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);

  return hash;
}

/* The slow part: no database, no shared state */
static gboolean
run_work (Work    *work,
          GError **error)
{
  const char *to_hash = work->new_password;
  gboolean rehashing = FALSE;

  if (work->verify_hash != NULL)
    {
      work->verified = fd_password_verify (work->verify_hash, work->password);
      if (!work->verified)
        return TRUE;

      if (work->rehash && fd_password_needs_rehash (work->verify_hash))
        {
          to_hash = work->password;
          rehashing = TRUE;
        }
    }

  if (to_hash == NULL)
    return TRUE;

  work->new_hash = fd_password_hash (to_hash, rehashing ? NULL : error);

  /* A password that no longer meets the rules keeps its old hash */
  return work->new_hash != NULL || rehashing;
}

static FdUser *
run_sync (FdDatabase  *database,
          Operation   *op,
          GError     **error)
{
  if (!run_work (&op->work, error))
    return NULL;

  return op->finish (database, op, error);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Operation *op = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!run_work (&op->work, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_work_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FdDatabase *database = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  GError *error = NULL;
  FdUser *user;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Cancelled while hashing: write nothing */
  if (g_task_return_error_if_cancelled (task))
    return;

  user = op->finish (database, op, &error);
  if (user == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, user, g_object_unref);
}

/* Takes @op, or @prepare_error when the checks failed */
static void
run_async (FdDatabase          *database,
           Operation           *op,
           GError              *prepare_error,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;

  task = g_task_new (database, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if (op == NULL)
    {
      g_task_return_error (task, prepare_error);
      return;
    }

  g_task_set_task_data (task, op, (GDestroyNotify) operation_free);

  /* The worker reads @op while @task, which owns it, waits for it */
  worker = g_task_new (NULL, cancellable, on_work_done_cb, g_object_ref (task));
  g_task_set_task_data (worker, op, NULL);
  g_task_run_in_thread (worker, work_thread);
}

/**
 * fd_accounts_lookup:
 * @database: a #FdDatabase
 * @user_id: an account's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the account as it is now (deactivated or
 *   not), or %NULL with %FD_ACCOUNTS_ERROR_NOT_FOUND if there is none
 */
FdUser *
fd_accounts_lookup (FdDatabase  *database,
                    const char  *user_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  FdUser *user = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (database,
                               "SELECT " USER_COLUMNS " FROM user_account"
                               " WHERE id = ?1 AND deleted = 0",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    user = user_from_row (stmt);
  sqlite3_reset (stmt);

  if (user == NULL)
    g_set_error_literal (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_NOT_FOUND,
                         _("This account no longer exists."));

  return user;
}

/* Checks a new account; returns its normalised email */
static char *
check_new_account (FdDatabase  *database,
                   const char  *email,
                   const char  *display_name,
                   FdRole       role,
                   const char  *trainer_id,
                   const char  *place_id,
                   GError     **error)
{
  g_autofree char *normalized = fd_normalize_email (email);
  g_autofree char *name = g_strstrip (g_strdup (display_name));

  if (normalized == NULL)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "email",
                          _("“%s” is not a valid email address."), email);
      return NULL;
    }

  if (email_in_use (database, normalized))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "email",
                          _("Another account already signs in with “%s”."), normalized);
      return NULL;
    }

  if (*name == '\0')
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "display_name",
                          "%s", _("The name is required."));
      return NULL;
    }

  if (role == FD_ROLE_TRAINER && trainer_id == NULL)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "trainer_id",
                          "%s", _("A trainer’s account must be linked to their trainer card."));
      return NULL;
    }

  if (trainer_id != NULL &&
      !exists (database, "SELECT 1 FROM trainer WHERE id = ?1 AND deleted = 0", trainer_id))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainer_id",
                          "%s", _("This trainer card does not exist or was deleted."));
      return NULL;
    }

  if (place_id != NULL &&
      !exists (database, "SELECT 1 FROM place WHERE id = ?1 AND deleted = 0", place_id))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "place_id",
                          "%s", _("This place does not exist or was deleted."));
      return NULL;
    }

  return g_steal_pointer (&normalized);
}

static FdUser *
finish_add (FdDatabase  *database,
            Operation   *op,
            GError     **error)
{
  g_autoptr(FdChange) change = fd_change_new_create ("user_account");
  g_autofree char *name = g_strstrip (g_strdup (op->display_name));

  fd_change_set_string (change, "email", op->email);
  fd_change_set_string (change, "display_name", name);
  fd_change_set_string (change, "role", fd_role_to_string (op->role));
  if (op->trainer_id != NULL)
    fd_change_set_string (change, "trainer_id", op->trainer_id);
  if (op->place_id != NULL)
    fd_change_set_string (change, "place_id", op->place_id);
  fd_change_set_bool (change, "active", TRUE);

  /* The row and its password hash, together or not at all */
  if (!fd_database_begin (database, error))
    return NULL;

  /* Someone may have taken the address while the password was hashed */
  if (email_in_use (database, op->email))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "email",
                          _("Another account already signs in with “%s”."), op->email);
    }
  else if (fd_database_apply (database, change, error) &&
           write_hash (database, fd_change_get_id (change), op->work.new_hash, error))
    {
      if (!fd_database_commit (database, error))
        return NULL;
      return fd_accounts_lookup (database, fd_change_get_id (change), error);
    }

  fd_database_rollback (database);

  return NULL;
}

static Operation *
prepare_add (FdDatabase  *database,
             const char  *email,
             const char  *display_name,
             FdRole       role,
             const char  *trainer_id,
             const char  *place_id,
             const char  *password,
             GError     **error)
{
  g_autofree char *normalized = NULL;
  Operation *op;

  if (!check_may_manage (database, error))
    return NULL;

  normalized = check_new_account (database, email, display_name, role, trainer_id, place_id, error);
  if (normalized == NULL)
    return NULL;

  op = g_new0 (Operation, 1);
  op->finish = finish_add;
  op->email = g_steal_pointer (&normalized);
  op->display_name = g_strdup (display_name);
  op->role = role;
  op->trainer_id = g_strdup (trainer_id);
  op->place_id = g_strdup (place_id);
  op->work.new_password = g_strdup (password);

  return op;
}

/**
 * fd_accounts_add:
 * @database: a #FdDatabase
 * @email: the address the user signs in with
 * @display_name: the name shown
 * @role: the role
 * @trainer_id: (nullable): the trainer card, required for %FD_ROLE_TRAINER
 * @place_id: (nullable): the place of a signature kiosk
 * @password: the password (never stored; its hash is, on this
 *   workstation only)
 * @error: return location for a #GError
 *
 * Adds an account. Only an administrator may (%FD_VALIDATION_ERROR_FORBIDDEN
 * otherwise). A wrong field is a %FD_VALIDATION_ERROR naming it
 * (fd_validation_error_get_field(): "email", "display_name", "trainer_id",
 * "place_id"); a password too short a %FD_PASSWORD_ERROR. The account row
 * and its password hash are written together or not at all.
 *
 * Returns: (transfer full): the new account, or %NULL with @error set
 */
FdUser *
fd_accounts_add (FdDatabase  *database,
                 const char  *email,
                 const char  *display_name,
                 FdRole       role,
                 const char  *trainer_id,
                 const char  *place_id,
                 const char  *password,
                 GError     **error)
{
  g_autoptr(Operation) op = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (email != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail ((guint) role < FD_N_ROLES, NULL);
  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  op = prepare_add (database, email, display_name, role, trainer_id, place_id, password, error);
  if (op == NULL)
    return NULL;

  return run_sync (database, op, error);
}

/**
 * fd_accounts_add_async:
 * @database: a #FdDatabase
 * @email: the address the user signs in with
 * @display_name: the name shown
 * @role: the role
 * @trainer_id: (nullable): the trainer card, required for %FD_ROLE_TRAINER
 * @place_id: (nullable): the place of a signature kiosk
 * @password: the password; copied, and the copy wiped when done
 * @cancellable: (nullable): a #GCancellable; once cancelled, nothing is written
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Adds an account, hashing its password in a worker thread; see
 * fd_accounts_add().
 */
void
fd_accounts_add_async (FdDatabase          *database,
                       const char          *email,
                       const char          *display_name,
                       FdRole               role,
                       const char          *trainer_id,
                       const char          *place_id,
                       const char          *password,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GError *error = NULL;
  Operation *op;

  g_return_if_fail (FD_IS_DATABASE (database));
  g_return_if_fail (email != NULL);
  g_return_if_fail (display_name != NULL);
  g_return_if_fail ((guint) role < FD_N_ROLES);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = prepare_add (database, email, display_name, role, trainer_id, place_id, password, &error);
  run_async (database, op, error, cancellable, callback, user_data, fd_accounts_add_async);
}

/**
 * fd_accounts_add_finish:
 * @database: a #FdDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new account, or %NULL with @error set
 */
FdUser *
fd_accounts_add_finish (FdDatabase    *database,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, database), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fd_accounts_add_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
compare_users (gconstpointer a,
               gconstpointer b)
{
  FdUser *user_a = *(FdUser * const *) a;
  FdUser *user_b = *(FdUser * const *) b;
  g_autofree char *key_a = fd_text_fold (fd_user_get_display_name (user_a));
  g_autofree char *key_b = fd_text_fold (fd_user_get_display_name (user_b));
  int result = g_strcmp0 (key_a, key_b);

  return result != 0 ? result : g_strcmp0 (fd_user_get_email (user_a), fd_user_get_email (user_b));
}

/**
 * fd_accounts_list:
 * @database: a #FdDatabase
 * @include_inactive: whether to list deactivated accounts too
 * @error: return location for a #GError
 *
 * The accounts, sorted by name, for a sign-in screen or the accounts page
 * of the preferences. Anyone may list them.
 *
 * Returns: (transfer full): a #GListModel of #FdUser, or %NULL with @error set
 */
GListModel *
fd_accounts_list (FdDatabase  *database,
                  gboolean     include_inactive,
                  GError     **error)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (database,
                               "SELECT " USER_COLUMNS " FROM user_account"
                               " WHERE deleted = 0 AND (?1 OR active = 1)",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_inactive != FALSE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FdUser *user = user_from_row (stmt);

      if (user != NULL)
        g_ptr_array_add (users, user);
    }
  sqlite3_reset (stmt);

  g_ptr_array_sort (users, compare_users);

  store = g_list_store_new (FD_TYPE_USER);
  g_list_store_splice (store, 0, 0, users->pdata, users->len);

  return G_LIST_MODEL (store);
}

/**
 * fd_accounts_has_password:
 * @database: a #FdDatabase
 * @user_id: an account's id
 *
 * Accounts that came from the server have no password here until an
 * administrator sets one (fd_accounts_change_password()).
 *
 * Returns: whether the account can sign in on this workstation
 */
gboolean
fd_accounts_has_password (FdDatabase *database,
                          const char *user_id)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);

  return exists (database, "SELECT 1 FROM local_credential WHERE user_id = ?1", user_id);
}

/**
 * fd_accounts_any_can_sign_in:
 * @database: a #FdDatabase
 *
 * Returns: whether an active account has a password on this workstation:
 *   the application then asks who is working rather than running as the
 *   desktop's user
 */
gboolean
fd_accounts_any_can_sign_in (FdDatabase *database)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);

  stmt = _fd_database_prepare (database,
                               "SELECT 1 FROM user_account u JOIN local_credential c"
                               " ON c.user_id = u.id WHERE u.deleted = 0 AND u.active = 1 LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/**
 * fd_accounts_set_active:
 * @database: a #FdDatabase
 * @user_id: an account's id
 * @active: %FALSE to deactivate it, %TRUE to reactivate it
 * @error: return location for a #GError
 *
 * A deactivated account cannot sign in; it is kept, with its password,
 * for the history that names it. Only an administrator may, and not on
 * their own account.
 *
 * Returns: %TRUE if done, %FALSE with @error set
 */
gboolean
fd_accounts_set_active (FdDatabase  *database,
                        const char  *user_id,
                        gboolean     active,
                        GError     **error)
{
  g_autoptr(FdChange) change = NULL;
  sqlite3_stmt *stmt;
  gint64 revision = -1;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_may_manage (database, error))
    return FALSE;

  if (!active && g_strcmp0 (fd_user_get_id (fd_database_get_user (database)), user_id) == 0)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_FORBIDDEN, "active", "%s",
                          _("You cannot deactivate your own account; another administrator can."));
      return FALSE;
    }

  stmt = _fd_database_prepare (database,
                               "SELECT revision FROM user_account WHERE id = ?1 AND deleted = 0",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    revision = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (revision < 0)
    {
      g_set_error_literal (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_NOT_FOUND,
                           _("This account no longer exists."));
      return FALSE;
    }

  change = fd_change_new_update ("user_account", user_id, revision);
  fd_change_set_bool (change, "active", active);

  return fd_database_apply (database, change, error);
}

static FdUser *
finish_change_password (FdDatabase  *database,
                        Operation   *op,
                        GError     **error)
{
  g_autoptr(FdUser) user = NULL;

  if (op->work.verify_hash != NULL && !op->work.verified)
    {
      g_set_error_literal (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_WRONG_PASSWORD,
                           _("The current password is wrong."));
      return NULL;
    }

  user = fd_accounts_lookup (database, op->user_id, error);
  if (user == NULL || !store_hash (database, op->user_id, op->work.new_hash, error))
    return NULL;

  return g_steal_pointer (&user);
}

static Operation *
prepare_change_password (FdDatabase  *database,
                         const char  *user_id,
                         const char  *current_password,
                         const char  *new_password,
                         GError     **error)
{
  FdUser *me = fd_database_get_user (database);
  g_autoptr(FdUser) account = NULL;
  g_autoptr(Operation) op = g_new0 (Operation, 1);

  op->finish = finish_change_password;
  op->user_id = g_strdup (user_id);
  op->work.new_password = g_strdup (new_password);

  /* An administrator sets anyone's password; others change their own,
   * knowing the current one */
  if (!fd_roles_can (database, me, FD_PERMISSION_MANAGE_ACCOUNTS, NULL))
    {
      if (g_strcmp0 (fd_user_get_id (me), user_id) != 0)
        {
          check_may_manage (database, error);
          return NULL;
        }

      op->work.verify_hash = stored_hash (database, user_id);
      if (op->work.verify_hash == NULL || current_password == NULL)
        {
          g_set_error_literal (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_WRONG_PASSWORD,
                               _("The current password is wrong."));
          return NULL;
        }
      op->work.password = g_strdup (current_password);
    }

  account = fd_accounts_lookup (database, user_id, error);
  if (account == NULL)
    return NULL;

  return g_steal_pointer (&op);
}

/**
 * fd_accounts_change_password:
 * @database: a #FdDatabase
 * @user_id: an account's id
 * @current_password: (nullable): the account's current password; needed
 *   unless the current user is an administrator
 * @new_password: the new password
 * @error: return location for a #GError
 *
 * Sets the password of an account on this workstation. An administrator
 * may set anyone's (and so let an account that came from the server sign
 * in here); anyone else only their own, giving the current one
 * (%FD_ACCOUNTS_ERROR_WRONG_PASSWORD if it is wrong). Nothing is synced.
 *
 * Returns: %TRUE if done, %FALSE with @error set
 */
gboolean
fd_accounts_change_password (FdDatabase  *database,
                             const char  *user_id,
                             const char  *current_password,
                             const char  *new_password,
                             GError     **error)
{
  g_autoptr(Operation) op = NULL;
  g_autoptr(FdUser) user = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);
  g_return_val_if_fail (new_password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  op = prepare_change_password (database, user_id, current_password, new_password, error);
  if (op == NULL)
    return FALSE;

  user = run_sync (database, op, error);

  return user != NULL;
}

/**
 * fd_accounts_change_password_async:
 * @database: a #FdDatabase
 * @user_id: an account's id
 * @current_password: (nullable): see fd_accounts_change_password()
 * @new_password: the new password
 * @cancellable: (nullable): a #GCancellable; once cancelled, nothing is written
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Verifies and hashes in a worker thread; see fd_accounts_change_password().
 * The passwords are copied, and the copies wiped when done.
 */
void
fd_accounts_change_password_async (FdDatabase          *database,
                                   const char          *user_id,
                                   const char          *current_password,
                                   const char          *new_password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GError *error = NULL;
  Operation *op;

  g_return_if_fail (FD_IS_DATABASE (database));
  g_return_if_fail (user_id != NULL);
  g_return_if_fail (new_password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = prepare_change_password (database, user_id, current_password, new_password, &error);
  run_async (database, op, error, cancellable, callback, user_data,
             fd_accounts_change_password_async);
}

/**
 * fd_accounts_change_password_finish:
 * @database: a #FdDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the password was changed, %FALSE with @error set
 */
gboolean
fd_accounts_change_password_finish (FdDatabase    *database,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_autoptr(FdUser) user = NULL;

  g_return_val_if_fail (g_task_is_valid (result, database), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        fd_accounts_change_password_async, FALSE);

  user = g_task_propagate_pointer (G_TASK (result), error);

  return user != NULL;
}

static FdUser *
finish_sign_in (FdDatabase  *database,
                Operation   *op,
                GError     **error)
{
  g_autoptr(FdUser) user = NULL;
  g_autoptr(GError) local_error = NULL;

  if (op->user_id == NULL || !op->work.verified ||
      (user = fd_accounts_lookup (database, op->user_id, NULL)) == NULL)
    {
      g_set_error_literal (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_SIGN_IN_FAILED,
                           _("The email address or the password is wrong."));
      return NULL;
    }

  /* Said only to whoever knows the password */
  if (!fd_user_get_active (user))
    {
      g_set_error_literal (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_DEACTIVATED,
                           _("This account is deactivated; an administrator can reactivate it."));
      return NULL;
    }

  if (op->work.new_hash != NULL &&
      !store_hash (database, op->user_id, op->work.new_hash, &local_error))
    g_warning ("Could not store the new password hash of account %s: %s",
               op->user_id, local_error->message);

  return g_steal_pointer (&user);
}

static Operation *
prepare_sign_in (FdDatabase *database,
                 const char *email,
                 const char *password)
{
  g_autofree char *normalized = fd_normalize_email (email);
  Operation *op = g_new0 (Operation, 1);
  sqlite3_stmt *stmt;

  op->finish = finish_sign_in;
  op->work.password = g_strdup (password);
  op->work.rehash = TRUE;

  stmt = normalized == NULL ? NULL :
    _fd_database_prepare (database,
                          "SELECT u.id, c.password_hash FROM user_account u"
                          " JOIN local_credential c ON c.user_id = u.id"
                          " WHERE u.deleted = 0 AND lower(u.email) = lower(?1)"
                          " ORDER BY u.active DESC LIMIT 1",
                          NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, normalized, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          op->user_id = g_strdup (column_text (stmt, 0));
          op->work.verify_hash = g_strdup (column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
    }

  if (op->work.verify_hash == NULL)
    {
      op->work.verify_hash = g_strdup (dummy_hash);
      op->work.rehash = FALSE;
    }

  return op;
}

/**
 * fd_accounts_sign_in:
 * @database: a #FdDatabase
 * @email: the address typed
 * @password: the password typed
 * @error: return location for a #GError
 *
 * Checks an email address and a password against the accounts of this
 * workstation, in constant time (libsodium's verification; an unknown
 * address takes as long as a wrong password). On success, give the user
 * to fd_database_set_user().
 *
 * Returns: (transfer full): the account, or %NULL with
 *   %FD_ACCOUNTS_ERROR_SIGN_IN_FAILED (the address or the password is
 *   wrong: the message does not say which) or
 *   %FD_ACCOUNTS_ERROR_DEACTIVATED (the password was right)
 */
FdUser *
fd_accounts_sign_in (FdDatabase  *database,
                     const char  *email,
                     const char  *password,
                     GError     **error)
{
  g_autoptr(Operation) op = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (email != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  op = prepare_sign_in (database, email, password);

  return run_sync (database, op, error);
}

/**
 * fd_accounts_sign_in_async:
 * @database: a #FdDatabase
 * @email: the address typed
 * @password: the password typed; copied, and the copy wiped when done
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Verifies the password in a worker thread; see fd_accounts_sign_in().
 */
void
fd_accounts_sign_in_async (FdDatabase          *database,
                           const char          *email,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (FD_IS_DATABASE (database));
  g_return_if_fail (email != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_async (database, prepare_sign_in (database, email, password), NULL, cancellable, callback,
             user_data, fd_accounts_sign_in_async);
}

/**
 * fd_accounts_sign_in_finish:
 * @database: a #FdDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the account, or %NULL with @error set (see
 *   fd_accounts_sign_in())
 */
FdUser *
fd_accounts_sign_in_finish (FdDatabase    *database,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, database), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fd_accounts_sign_in_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
