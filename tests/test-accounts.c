/* test-accounts.c — password hashing and the local accounts of a workstation
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "test-roles-common.h"

#define PASSWORD "correct horse battery staple"

static void
test_password_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = fd_password_hash (PASSWORD, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=19456,t=2,p=1$"));
  g_assert_null (strstr (hash, "horse"));

  g_assert_true (fd_password_verify (hash, PASSWORD));
  g_assert_false (fd_password_verify (hash, "correct horse battery stapler"));
  g_assert_false (fd_password_verify (hash, "Correct horse battery staple"));
  g_assert_false (fd_password_verify (hash, ""));
  g_assert_false (fd_password_needs_rehash (hash));

  /* A new salt every time */
  again = fd_password_hash (PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, !=, again);
  g_assert_true (fd_password_verify (again, PASSWORD));
}

static void
test_password_normalisation (void)
{
  g_autoptr(GError) error = NULL;
  /* "mot de passe café", é precomposed, then as e + combining acute */
  g_autofree char *hash = fd_password_hash ("mot de passe caf\xc3\xa9", &error);

  g_assert_no_error (error);
  g_assert_true (fd_password_verify (hash, "mot de passe caf\xc3\xa9"));
  g_assert_true (fd_password_verify (hash, "mot de passe cafe\xcc\x81"));
  g_assert_false (fd_password_verify (hash, "mot de passe cafe"));
}

static void
test_password_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (FD_PASSWORD_MAX_LENGTH + 1, 'a');
  g_autofree char *longest = g_strnfill (FD_PASSWORD_MAX_LENGTH, 'a');
  g_autofree char *hash = NULL;
  g_autofree char *other_parameters = NULL;
  char *copy;

  g_assert_null (fd_password_hash ("court", &error));
  g_assert_error (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_TOO_SHORT);
  g_assert_nonnull (strstr (error->message, "at least 8 characters"));
  g_clear_error (&error);

  /* Seven characters, but more than eight bytes */
  g_assert_null (fd_password_hash ("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
                                   &error));
  g_assert_error (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_TOO_SHORT);
  g_clear_error (&error);

  g_assert_null (fd_password_hash ("invalid \xff\xfe UTF-8", &error));
  g_assert_error (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (fd_password_hash (too_long, &error));
  g_assert_error (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_INVALID);
  g_clear_error (&error);

  hash = fd_password_hash (longest, &error);
  g_assert_no_error (error);
  g_assert_true (fd_password_verify (hash, longest));
  g_assert_false (fd_password_verify (hash, too_long));
  g_assert_false (fd_password_verify (hash, "invalid \xff\xfe UTF-8"));

  /* Malformed hashes verify nothing and ask for a new hash */
  g_assert_false (fd_password_verify ("", PASSWORD));
  g_assert_false (fd_password_verify ("$argon2id$v=19$m=19456,t=2,p=1$", PASSWORD));
  g_assert_false (fd_password_verify ("plain text password", "plain text password"));
  g_assert_true (fd_password_needs_rehash ("garbage"));

  /* A hash made with other parameters still verifies, but asks for a new one */
  g_assert_cmpint (crypto_pwhash_str_alg ((other_parameters = g_malloc (crypto_pwhash_STRBYTES)),
                                          PASSWORD, strlen (PASSWORD), 1,
                                          crypto_pwhash_MEMLIMIT_MIN * 4,
                                          crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  g_assert_true (fd_password_verify (other_parameters, PASSWORD));
  g_assert_true (fd_password_needs_rehash (other_parameters));

  /* Copies are wiped and freed; NULL is fine */
  copy = g_strdup (PASSWORD);
  fd_password_free (copy);
  fd_password_free (NULL);
}

static void
on_async_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
test_password_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) hashed = NULL;
  g_autoptr(GAsyncResult) right = NULL;
  g_autoptr(GAsyncResult) wrong = NULL;
  g_autoptr(GAsyncResult) short_one = NULL;
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *hash = NULL;

  fd_password_hash_async (PASSWORD, NULL, on_async_done_cb, &hashed);
  hash = fd_password_hash_finish (wait_for (&hashed), &error);
  g_assert_no_error (error);

  fd_password_verify_async (hash, PASSWORD, NULL, on_async_done_cb, &right);
  g_assert_true (fd_password_verify_finish (wait_for (&right), &error));
  g_assert_no_error (error);

  fd_password_verify_async (hash, "wrong password", NULL, on_async_done_cb, &wrong);
  g_assert_false (fd_password_verify_finish (wait_for (&wrong), &error));
  g_assert_no_error (error);

  fd_password_hash_async ("court", NULL, on_async_done_cb, &short_one);
  g_assert_null (fd_password_hash_finish (wait_for (&short_one), &error));
  g_assert_error (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_TOO_SHORT);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  fd_password_verify_async (hash, PASSWORD, cancellable, on_async_done_cb, &cancelled);
  g_assert_false (fd_password_verify_finish (wait_for (&cancelled), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static FdUser *
add_account (Fixture    *fixture,
             const char *email,
             const char *name,
             FdRole      role,
             const char *trainer_id)
{
  g_autoptr(GError) error = NULL;
  FdUser *user = fd_accounts_add (fixture->db, email, name, role, trainer_id, NULL, PASSWORD,
                                  &error);

  g_assert_no_error (error);
  g_assert_nonnull (user);

  return user;
}

static void
test_add_and_sign_in (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) added = NULL;
  g_autoptr(FdUser) signed_in = NULL;
  g_autoptr(FdUser) upper_case = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *args = NULL;
  g_autofree char *wrong_message = NULL;
  gint64 outbox = fd_database_count_outbox (fixture->db);
  const char *id;

  added = fd_accounts_add (fixture->db, "  claire.morel@EXEMPLE.fr ", " Claire Morel ",
                           FD_ROLE_PLANNER, NULL, NULL, PASSWORD, &error);
  g_assert_no_error (error);
  id = fd_user_get_id (added);
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (fd_user_get_email (added), ==, "claire.morel@exemple.fr");
  g_assert_cmpstr (fd_user_get_display_name (added), ==, "Claire Morel");
  g_assert_cmpint (fd_user_get_role (added), ==, FD_ROLE_PLANNER);
  g_assert_true (fd_user_get_active (added));
  g_assert_true (fd_accounts_has_password (fixture->db, id));
  g_assert_true (fd_accounts_any_can_sign_in (fixture->db));

  /* The account syncs, its password does not */
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox + 1);
  args = query_text (fixture->db, "SELECT args FROM outbox WHERE name = 'user_account.create'"
                                  " AND entity_id = ?1", id);
  g_assert_nonnull (args);
  g_assert_nonnull (strstr (args, "\"role\":\"planner\""));
  g_assert_null (strstr (args, "horse"));
  g_assert_null (strstr (args, "argon2"));
  hash = query_text (fixture->db,
                     "SELECT password_hash FROM local_credential WHERE user_id = ?1", id);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "horse"));

  signed_in = fd_accounts_sign_in (fixture->db, "claire.morel@exemple.fr", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_user_get_id (signed_in), ==, id);
  g_assert_cmpint (fd_user_get_role (signed_in), ==, FD_ROLE_PLANNER);
  upper_case = fd_accounts_sign_in (fixture->db, " Claire.Morel@Exemple.FR", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_user_get_id (upper_case), ==, id);

  /* A wrong password and an unknown address say the same thing */
  g_assert_null (fd_accounts_sign_in (fixture->db, "claire.morel@exemple.fr", "wrong password",
                                      &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_SIGN_IN_FAILED);
  g_assert_cmpstr (error->message, ==, "The email address or the password is wrong.");
  wrong_message = g_strdup (error->message);
  g_clear_error (&error);
  g_assert_null (fd_accounts_sign_in (fixture->db, "nobody@exemple.fr", PASSWORD, &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_SIGN_IN_FAILED);
  g_assert_cmpstr (error->message, ==, wrong_message);
  g_clear_error (&error);
  g_assert_null (fd_accounts_sign_in (fixture->db, "not an address", PASSWORD, &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_SIGN_IN_FAILED);
  g_clear_error (&error);
  g_assert_null (fd_accounts_sign_in (fixture->db, "", "", &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_SIGN_IN_FAILED);
  g_clear_error (&error);

  /* Signing in changes nothing in the database */
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox + 1);

  /* The signed-in planner is now held to a planner's rules */
  fd_database_set_user (fixture->db, signed_in);
  g_assert_false (fd_roles_can (fixture->db, NULL, FD_PERMISSION_MANAGE_ACCOUNTS, NULL));
  g_assert_true (fd_roles_can (fixture->db, NULL, FD_PERMISSION_EDIT_PLANNING, NULL));
}

static void
test_trainer_account (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) trainer = add_account (fixture, "anne.martin@exemple.fr", "Anne Martin",
                                           FD_ROLE_TRAINER, fixture->trainer);
  g_autoptr(FdUser) kiosk = NULL;
  g_autoptr(FdUser) signed_in = NULL;
  g_autoptr(FdChange) unavailability = fd_change_new_create ("unavailability");
  g_autoptr(FdChange) someone_elses = fd_change_new_create ("unavailability");

  kiosk = fd_accounts_add (fixture->db, "salle-b@exemple.fr", "Salle B", FD_ROLE_KIOSK, NULL,
                           fixture->place, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_user_get_place_id (kiosk), ==, fixture->place);

  signed_in = fd_accounts_sign_in (fixture->db, "anne.martin@exemple.fr", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_user_get_trainer_id (signed_in), ==, fixture->trainer);
  fd_database_set_user (fixture->db, signed_in);

  fd_change_set_string (unavailability, "trainer_id", fixture->trainer);
  fd_change_set_string (unavailability, "start_at", "2026-04-01T08:00");
  fd_change_set_string (unavailability, "end_at", "2026-04-01T18:00");
  g_assert_true (fd_database_apply (fixture->db, unavailability, &error));
  g_assert_no_error (error);

  fd_change_set_string (someone_elses, "trainer_id", fixture->other_trainer);
  fd_change_set_string (someone_elses, "start_at", "2026-04-01T08:00");
  fd_change_set_string (someone_elses, "end_at", "2026-04-01T18:00");
  g_assert_false (fd_database_apply (fixture->db, someone_elses, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_FORBIDDEN);
}

static void
assert_add_fails (Fixture    *fixture,
                  const char *email,
                  const char *name,
                  FdRole      role,
                  const char *trainer_id,
                  const char *place_id,
                  const char *password,
                  GQuark      domain,
                  int         code,
                  const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot_counts (fixture->db);
  g_autofree char *after = NULL;
  g_autoptr(FdUser) user = fd_accounts_add (fixture->db, email, name, role, trainer_id, place_id,
                                            password, &error);

  g_assert_null (user);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, field);
  g_assert_cmpstr (error->message, !=, "");
  after = snapshot_counts (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_add_bad_input (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(FdUser) first = add_account (fixture, "marc@exemple.fr", "Marc", FD_ROLE_PLANNER, NULL);
  g_autoptr(FdChange) remove_trainer = fd_change_new_delete ("trainer", fixture->other_trainer, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_database_apply (fixture->db, remove_trainer, &error));

  assert_add_fails (fixture, "pas une adresse", "X", FD_ROLE_PLANNER, NULL, NULL, PASSWORD,
                    FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID, "email");
  assert_add_fails (fixture, "MARC@exemple.fr", "Marc bis", FD_ROLE_PLANNER, NULL, NULL, PASSWORD,
                    FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID, "email");
  assert_add_fails (fixture, "vide@exemple.fr", "   ", FD_ROLE_PLANNER, NULL, NULL, PASSWORD,
                    FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED, "display_name");
  assert_add_fails (fixture, "t@exemple.fr", "T", FD_ROLE_TRAINER, NULL, NULL, PASSWORD,
                    FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED, "trainer_id");
  assert_add_fails (fixture, "t@exemple.fr", "T", FD_ROLE_TRAINER, "no-such-trainer", NULL,
                    PASSWORD, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID, "trainer_id");
  assert_add_fails (fixture, "t@exemple.fr", "T", FD_ROLE_TRAINER, fixture->other_trainer, NULL,
                    PASSWORD, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID, "trainer_id");
  assert_add_fails (fixture, "k@exemple.fr", "K", FD_ROLE_KIOSK, NULL, "no-such-place",
                    PASSWORD, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID, "place_id");
  assert_add_fails (fixture, "p@exemple.fr", "P", FD_ROLE_PLANNER, NULL, NULL, "court",
                    FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_TOO_SHORT, NULL);
}

static void
test_management_is_for_admins (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) planner = add_account (fixture, "planner@exemple.fr", "Planner",
                                           FD_ROLE_PLANNER, NULL);
  g_autoptr(FdUser) colleague = add_account (fixture, "colleague@exemple.fr", "Colleague",
                                             FD_ROLE_PLANNER, NULL);
  g_autoptr(FdUser) manager = fd_user_new ("m", NULL, "M", FD_ROLE_OPERATIONS_MANAGER, NULL, NULL,
                                           TRUE);
  g_autoptr(FdUser) signed_in = fd_accounts_sign_in (fixture->db, "planner@exemple.fr", PASSWORD,
                                                     NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *hash_before = NULL;
  g_autofree char *hash_after = NULL;
  FdUser *users[] = { signed_in, manager };

  g_assert_nonnull (signed_in);

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autoptr(FdUser) added = NULL;

      fd_database_set_user (fixture->db, users[i]);
      before = snapshot_counts (fixture->db);
      hash_before = query_text (fixture->db, "SELECT password_hash FROM local_credential"
                                             " WHERE user_id = ?1", fd_user_get_id (colleague));

      added = fd_accounts_add (fixture->db, "new@exemple.fr", "New", FD_ROLE_ADMIN, NULL, NULL,
                               PASSWORD, &error);
      g_assert_null (added);
      g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_FORBIDDEN);
      g_assert_cmpstr (error->message, ==, "Only an administrator can manage user accounts.");
      g_clear_error (&error);

      g_assert_false (fd_accounts_set_active (fixture->db, fd_user_get_id (colleague), FALSE,
                                              &error));
      g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_FORBIDDEN);
      g_clear_error (&error);

      g_assert_false (fd_accounts_change_password (fixture->db, fd_user_get_id (colleague), NULL,
                                                   "another password", &error));
      g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_FORBIDDEN);
      g_clear_error (&error);

      after = snapshot_counts (fixture->db);
      hash_after = query_text (fixture->db, "SELECT password_hash FROM local_credential"
                                            " WHERE user_id = ?1", fd_user_get_id (colleague));
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpstr (hash_before, ==, hash_after);
      g_clear_pointer (&before, g_free);
      g_clear_pointer (&after, g_free);
      g_clear_pointer (&hash_before, g_free);
      g_clear_pointer (&hash_after, g_free);
    }

  /* Anyone may list the accounts (a sign-in screen does) */
  {
    g_autoptr(GListModel) list = fd_accounts_list (fixture->db, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  }
}

static void
test_deactivate (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) account = add_account (fixture, "julie@exemple.fr", "Julie", FD_ROLE_PLANNER,
                                           NULL);
  g_autoptr(FdUser) admin = add_account (fixture, "admin@exemple.fr", "Admin", FD_ROLE_ADMIN, NULL);
  g_autoptr(FdUser) again = NULL;
  g_autoptr(FdUser) looked_up = NULL;
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) all = NULL;
  const char *id = fd_user_get_id (account);
  gint64 outbox = fd_database_count_outbox (fixture->db);

  g_assert_true (fd_accounts_set_active (fixture->db, id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox + 1);
  g_assert_cmpint (count_rows (fixture->db,
                               "SELECT count(*) FROM outbox WHERE name = 'user_account.update'"
                               " AND json_extract(args, '$.set.active') = 0"), ==, 1);

  /* Only who knows the password learns the account is deactivated */
  g_assert_null (fd_accounts_sign_in (fixture->db, "julie@exemple.fr", PASSWORD, &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_DEACTIVATED);
  g_clear_error (&error);
  g_assert_null (fd_accounts_sign_in (fixture->db, "julie@exemple.fr", "wrong password", &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_SIGN_IN_FAILED);
  g_clear_error (&error);

  looked_up = fd_accounts_lookup (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_false (fd_user_get_active (looked_up));
  active = fd_accounts_list (fixture->db, FALSE, &error);
  all = fd_accounts_list (fixture->db, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);

  g_assert_true (fd_accounts_set_active (fixture->db, id, TRUE, &error));
  again = fd_accounts_sign_in (fixture->db, "julie@exemple.fr", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  /* Not one's own account, not an account that does not exist */
  fd_database_set_user (fixture->db, admin);
  g_assert_false (fd_accounts_set_active (fixture->db, fd_user_get_id (admin), FALSE, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_FORBIDDEN);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "active");
  g_clear_error (&error);
  g_assert_false (fd_accounts_set_active (fixture->db, "no-such-account", FALSE, &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (fd_accounts_lookup (fixture->db, "no-such-account", &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_NOT_FOUND);
}

static void
test_change_password (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) planner = add_account (fixture, "leo@exemple.fr", "Léo", FD_ROLE_PLANNER, NULL);
  g_autoptr(FdUser) signed_in = NULL;
  g_autoptr(FdUser) with_new = NULL;
  g_autoptr(FdUser) with_own = NULL;
  const char *id = fd_user_get_id (planner);
  gint64 outbox = fd_database_count_outbox (fixture->db);

  /* An administrator resets it without the old one */
  g_assert_true (fd_accounts_change_password (fixture->db, id, NULL, "a new pass phrase", &error));
  g_assert_no_error (error);
  g_assert_null (fd_accounts_sign_in (fixture->db, "leo@exemple.fr", PASSWORD, &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_SIGN_IN_FAILED);
  g_clear_error (&error);
  with_new = fd_accounts_sign_in (fixture->db, "leo@exemple.fr", "a new pass phrase", &error);
  g_assert_no_error (error);

  /* The user changes their own, knowing the current one */
  signed_in = g_object_ref (with_new);
  fd_database_set_user (fixture->db, signed_in);
  g_assert_false (fd_accounts_change_password (fixture->db, id, "not the password", "mine now!",
                                               &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_false (fd_accounts_change_password (fixture->db, id, NULL, "mine now!", &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_false (fd_accounts_change_password (fixture->db, id, "a new pass phrase", "short",
                                               &error));
  g_assert_error (error, FD_PASSWORD_ERROR, FD_PASSWORD_ERROR_TOO_SHORT);
  g_clear_error (&error);
  g_assert_true (fd_accounts_change_password (fixture->db, id, "a new pass phrase", "mine now!",
                                              &error));
  g_assert_no_error (error);
  with_own = fd_accounts_sign_in (fixture->db, "leo@exemple.fr", "mine now!", &error);
  g_assert_no_error (error);

  /* Passwords never sync */
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox);

  /* An account that came from the server gets a password here */
  fd_database_set_user (fixture->db, NULL);
  g_assert_false (fd_accounts_change_password (fixture->db, "no-such-account", NULL, PASSWORD,
                                               &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_NOT_FOUND);
}

static void
test_synced_account_without_password (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) change = fd_change_new_create ("user_account");
  g_autoptr(FdUser) user = NULL;
  const char *id = fd_change_get_id (change);

  fd_change_set_string (change, "email", "server@exemple.fr");
  fd_change_set_string (change, "display_name", "Du serveur");
  fd_change_set_string (change, "role", "operations_manager");
  g_assert_true (fd_database_apply (fixture->db, change, &error));

  g_assert_false (fd_accounts_has_password (fixture->db, id));
  g_assert_false (fd_accounts_any_can_sign_in (fixture->db));
  g_assert_null (fd_accounts_sign_in (fixture->db, "server@exemple.fr", PASSWORD, &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_SIGN_IN_FAILED);
  g_clear_error (&error);

  g_assert_true (fd_accounts_change_password (fixture->db, id, NULL, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (fd_accounts_any_can_sign_in (fixture->db));
  user = fd_accounts_sign_in (fixture->db, "server@exemple.fr", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_user_get_role (user), ==, FD_ROLE_OPERATIONS_MANAGER);
}

static void
test_rehash_on_sign_in (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) account = add_account (fixture, "ancien@exemple.fr", "Ancien", FD_ROLE_PLANNER,
                                           NULL);
  g_autoptr(FdUser) user = NULL;
  g_autofree char *stored = NULL;
  char old[crypto_pwhash_STRBYTES];
  sqlite3_stmt *stmt;

  /* As an older version with weaker parameters would have stored it */
  g_assert_cmpint (crypto_pwhash_str_alg (old, PASSWORD, strlen (PASSWORD), 1,
                                          crypto_pwhash_MEMLIMIT_MIN * 4,
                                          crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  stmt = _fd_database_prepare (fixture->db, "UPDATE local_credential SET password_hash = ?2"
                                            " WHERE user_id = ?1", NULL);
  sqlite3_bind_text (stmt, 1, fd_user_get_id (account), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, old, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  user = fd_accounts_sign_in (fixture->db, "ancien@exemple.fr", PASSWORD, &error);
  g_assert_no_error (error);
  stored = query_text (fixture->db, "SELECT password_hash FROM local_credential WHERE user_id = ?1",
                       fd_user_get_id (account));
  g_assert_cmpstr (stored, !=, old);
  g_assert_false (fd_password_needs_rehash (stored));
  g_assert_true (fd_password_verify (stored, PASSWORD));
}

static void
test_list_is_sorted (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  const char *names[] = { "zoé", "Éloïse", "Bruno" };
  const char *expected[] = { "Bruno", "Éloïse", "zoé" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *email = g_strdup_printf ("user%u@exemple.fr", i);
      g_autoptr(FdUser) user = add_account (fixture, email, names[i], FD_ROLE_PLANNER, NULL);
    }

  list = fd_accounts_list (fixture->db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (list) == FD_TYPE_USER);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(FdUser) user = g_list_model_get_item (list, i);

      g_assert_cmpstr (fd_user_get_display_name (user), ==, expected[i]);
    }
}

static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) added_result = NULL;
  g_autoptr(GAsyncResult) signed_in_result = NULL;
  g_autoptr(GAsyncResult) wrong_result = NULL;
  g_autoptr(GAsyncResult) changed_result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GAsyncResult) refused_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(FdUser) added = NULL;
  g_autoptr(FdUser) signed_in = NULL;
  g_autoptr(FdUser) after_change = NULL;
  g_autoptr(FdUser) planner = fd_user_new ("p", NULL, "P", FD_ROLE_PLANNER, NULL, NULL, TRUE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fd_accounts_add_async (fixture->db, "async@exemple.fr", "Async", FD_ROLE_PLANNER, NULL, NULL,
                         PASSWORD, NULL, on_async_done_cb, &added_result);
  added = fd_accounts_add_finish (fixture->db, wait_for (&added_result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_user_get_email (added), ==, "async@exemple.fr");

  fd_accounts_sign_in_async (fixture->db, "async@exemple.fr", PASSWORD, NULL, on_async_done_cb,
                             &signed_in_result);
  signed_in = fd_accounts_sign_in_finish (fixture->db, wait_for (&signed_in_result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_user_get_id (signed_in), ==, fd_user_get_id (added));

  fd_accounts_sign_in_async (fixture->db, "async@exemple.fr", "wrong password", NULL,
                             on_async_done_cb, &wrong_result);
  g_assert_null (fd_accounts_sign_in_finish (fixture->db, wait_for (&wrong_result), &error));
  g_assert_error (error, FD_ACCOUNTS_ERROR, FD_ACCOUNTS_ERROR_SIGN_IN_FAILED);
  g_clear_error (&error);

  fd_accounts_change_password_async (fixture->db, fd_user_get_id (added), NULL, "changed async",
                                     NULL, on_async_done_cb, &changed_result);
  g_assert_true (fd_accounts_change_password_finish (fixture->db, wait_for (&changed_result),
                                                     &error));
  g_assert_no_error (error);
  after_change = fd_accounts_sign_in (fixture->db, "async@exemple.fr", "changed async", &error);
  g_assert_no_error (error);

  /* Cancelled: nothing written */
  before = snapshot_counts (fixture->db);
  g_cancellable_cancel (cancellable);
  fd_accounts_add_async (fixture->db, "cancelled@exemple.fr", "Cancelled", FD_ROLE_PLANNER, NULL,
                         NULL, PASSWORD, cancellable, on_async_done_cb, &cancelled_result);
  g_assert_null (fd_accounts_add_finish (fixture->db, wait_for (&cancelled_result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Refused before any hashing */
  fd_database_set_user (fixture->db, planner);
  fd_accounts_add_async (fixture->db, "refused@exemple.fr", "Refused", FD_ROLE_PLANNER, NULL,
                         NULL, PASSWORD, NULL, on_async_done_cb, &refused_result);
  g_assert_null (fd_accounts_add_finish (fixture->db, wait_for (&refused_result), &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_FORBIDDEN);
  after = snapshot_counts (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/accounts/password/round-trip", test_password_round_trip);
  g_test_add_func ("/accounts/password/normalisation", test_password_normalisation);
  g_test_add_func ("/accounts/password/bad-input", test_password_bad_input);
  g_test_add_func ("/accounts/password/async", test_password_async);
  ADD ("/accounts/add-and-sign-in", test_add_and_sign_in);
  ADD ("/accounts/trainer", test_trainer_account);
  ADD ("/accounts/add/bad-input", test_add_bad_input);
  ADD ("/accounts/management-is-for-admins", test_management_is_for_admins);
  ADD ("/accounts/deactivate", test_deactivate);
  ADD ("/accounts/change-password", test_change_password);
  ADD ("/accounts/synced-without-password", test_synced_account_without_password);
  ADD ("/accounts/rehash-on-sign-in", test_rehash_on_sign_in);
  ADD ("/accounts/list-sorted", test_list_is_sorted);
  ADD ("/accounts/async", test_async);

#undef ADD

  return g_test_run ();
}
