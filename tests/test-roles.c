/* test-roles.c — who may change what: the role rules of the write path
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-roles-common.h"
#include "fd-roles-private.h"

#define LOCK_MESSAGE "Trainees are enrolled in this session: only an operations manager or an " \
                     "administrator can change its dates and slots."

/* Applies @change and checks it is refused as forbidden, naming @field,
 * with @fragment in its message, and that nothing at all was written. */
static void
assert_refused (Fixture    *fixture,
                FdChange   *change,
                const char *field,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot_counts (fixture->db);
  g_autofree char *after = NULL;

  g_assert_false (fd_database_apply (fixture->db, change, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_FORBIDDEN);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, field);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);

  after = snapshot_counts (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_allowed (Fixture  *fixture,
                FdChange *change)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_database_apply (fixture->db, change, &error));
  g_assert_no_error (error);
}

static FdChange *
new_attendance (const char *slot,
                const char *trainee,
                const char *trainer)
{
  FdChange *change = fd_change_new_create ("attendance");

  fd_change_set_string (change, "slot_id", slot);
  fd_change_set_string (change, "half_day", "am");
  if (trainee != NULL)
    fd_change_set_string (change, "trainee_id", trainee);
  if (trainer != NULL)
    fd_change_set_string (change, "trainer_id", trainer);
  fd_change_set_int (change, "signed_at", 1772524800000000);
  fd_change_set_string (change, "device_id", "test-device");
  fd_change_set_string (change, "method", "kiosk");

  return change;
}

static FdChange *
new_unavailability (const char *trainer)
{
  FdChange *change = fd_change_new_create ("unavailability");

  fd_change_set_string (change, "trainer_id", trainer);
  fd_change_set_string (change, "start_at", "2026-04-01T08:00");
  fd_change_set_string (change, "end_at", "2026-04-01T18:00");

  return change;
}

static FdChange *
new_expense (const char *trainer)
{
  FdChange *change = fd_change_new_create ("expense");

  fd_change_set_string (change, "trainer_id", trainer);
  fd_change_set_string (change, "spent_on", "2026-03-03");
  fd_change_set_string (change, "category", "train");
  fd_change_set_int (change, "amount_cents", 8450);

  return change;
}

static FdChange *
new_trainee (void)
{
  FdChange *change = fd_change_new_create ("trainee");

  fd_change_set_string (change, "first_name", "Hugo");
  fd_change_set_string (change, "last_name", "Moreau");

  return change;
}

static FdChange *
new_update (FdDatabase *db,
            const char *entity,
            const char *id,
            const char *field,
            const char *value)
{
  FdChange *change = fd_change_new_update (entity, id, row_revision (db, entity, id));

  fd_change_set_string (change, field, value);

  return change;
}

/* An update made on the revision the fixture's database has now */
#define UPDATE(entity, id, field, value) new_update (fixture->db, entity, id, field, value)

static FdChange *
new_account (const char *role)
{
  FdChange *change = fd_change_new_create ("user_account");

  fd_change_set_string (change, "email", "nouveau@exemple.fr");
  fd_change_set_string (change, "display_name", "Nouveau");
  fd_change_set_string (change, "role", role);

  return change;
}

static void
test_default_user (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("formadesk-roles-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(FdDatabase) db = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_autoptr(FdUser) planner = fd_user_new ("id", "p@exemple.fr", "Planner", FD_ROLE_PLANNER,
                                           NULL, NULL, TRUE);
  const char *real_name = g_get_real_name ();
  FdUser *user;

  g_assert_no_error (error);

  user = fd_database_get_user (db);
  g_assert_nonnull (user);
  g_assert_true (fd_user_is_local_admin (user));
  g_assert_null (fd_user_get_id (user));
  g_assert_null (fd_user_get_email (user));
  g_assert_cmpint (fd_user_get_role (user), ==, FD_ROLE_ADMIN);
  g_assert_true (fd_user_get_active (user));
  if (g_str_equal (real_name, "Unknown") || *real_name == '\0')
    g_assert_cmpstr (fd_user_get_display_name (user), ==, g_get_user_name ());
  else
    g_assert_cmpstr (fd_user_get_display_name (user), ==, real_name);
  g_assert_true (fd_database_get_user (db) == user);

  /* No password, and nothing written for them */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM user_account"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM local_credential"), ==, 0);
  g_assert_cmpint (fd_database_count_outbox (db), ==, 0);

  /* Another user, then back to the default one */
  fd_database_set_user (db, planner);
  g_assert_true (fd_database_get_user (db) == planner);
  g_assert_false (fd_user_is_local_admin (planner));
  fd_database_set_user (db, NULL);
  g_assert_true (fd_user_is_local_admin (fd_database_get_user (db)));

  g_clear_object (&db);
  remove_test_dir (dir);
}

static void
test_role_table (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (FD_TYPE_ROLE);
  FdRole role = FD_ROLE_PLANNER;

  g_assert_cmpuint (enum_class->n_values, ==, FD_N_ROLES);

  for (guint i = 0; i < FD_N_ROLES; i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("user_account");
      g_autofree char *email = g_strdup_printf ("role%u@exemple.fr", i);
      g_autofree char *stored = NULL;
      const char *text = fd_role_to_string ((FdRole) i);
      FdRole parsed;

      g_assert_nonnull (text);
      g_assert_true (fd_role_from_string (text, &parsed));
      g_assert_cmpint (parsed, ==, i);
      g_assert_cmpstr (fd_role_get_label ((FdRole) i), !=, "");
      g_assert_cmpstr (fd_role_get_description ((FdRole) i), !=, "");

      /* The stored text is one the schema accepts */
      fd_change_set_string (change, "email", email);
      fd_change_set_string (change, "display_name", "Test");
      fd_change_set_string (change, "role", text);
      assert_allowed (fixture, change);
      stored = query_text (fixture->db, "SELECT role FROM user_account WHERE id = ?1",
                           fd_change_get_id (change));
      g_assert_cmpstr (stored, ==, text);
    }

  g_assert_cmpstr (fd_role_to_string (FD_ROLE_OPERATIONS_MANAGER), ==, "operations_manager");
  g_assert_cmpstr (fd_role_get_label (FD_ROLE_KIOSK), ==, "Signature kiosk");

  /* Bad input leaves the role alone */
  g_assert_false (fd_role_from_string ("boss", &role));
  g_assert_false (fd_role_from_string ("", &role));
  g_assert_false (fd_role_from_string ("Admin", &role));
  g_assert_false (fd_role_from_string (NULL, &role));
  g_assert_cmpint (role, ==, FD_ROLE_PLANNER);
}

static void
test_every_entity_has_a_rule (Fixture       *fixture,
                              gconstpointer  user_data)
{
  sqlite3_stmt *stmt = _fd_database_prepare (fixture->db,
                                             "SELECT name FROM sqlite_schema s WHERE type = 'table'"
                                             " AND EXISTS (SELECT 1 FROM pragma_table_info(s.name)"
                                             "             WHERE name = 'deleted')",
                                             NULL);
  guint n = 0;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (!_fd_roles_knows_entity (name))
        g_error ("The role rules have no line for “%s”", name);
      n++;
    }
  sqlite3_reset (stmt);

  g_assert_cmpuint (n, >, 30);
  g_assert_false (_fd_roles_knows_entity ("outbox"));
}

static void
test_unknown_entity_is_for_managers (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autofree char *planner = NULL;
  g_autofree char *manager = NULL;
  g_autoptr(FdUser) user = fd_user_new ("id", NULL, "P", FD_ROLE_PLANNER, NULL, NULL, TRUE);
  g_autoptr(FdUser) ops = fd_user_new ("id", NULL, "O", FD_ROLE_OPERATIONS_MANAGER, NULL, NULL,
                                       TRUE);

  planner = fd_roles_explain_change (fixture->db, user, "invoice_from_the_future",
                                     FD_CHANGE_CREATE);
  manager = fd_roles_explain_change (fixture->db, ops, "invoice_from_the_future",
                                     FD_CHANGE_CREATE);
  g_assert_nonnull (planner);
  g_assert_nonnull (strstr (planner, "operations manager"));
  g_assert_null (manager);
}

static void
test_kiosk (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(FdChange) sign = NULL;
  g_autoptr(FdChange) elsewhere = NULL;
  g_autoptr(FdChange) trainee = new_trainee ();
  g_autoptr(FdChange) session = UPDATE ("session", fixture->session, "label", "Autre");
  g_autoptr(FdChange) correct = NULL;
  g_autoptr(FdChange) anywhere = NULL;

  become (fixture, FD_ROLE_KIOSK, NULL, fixture->place);

  sign = new_attendance (fixture->slot, fixture->trainee, NULL);
  assert_allowed (fixture, sign);

  /* Its place only */
  elsewhere = new_attendance (fixture->other_slot, fixture->trainee, NULL);
  assert_refused (fixture, elsewhere, "slot_id", "its own place");

  /* Nothing else */
  assert_refused (fixture, trainee, NULL, "signature kiosk can only record attendance");
  assert_refused (fixture, session, NULL, "signature kiosk can only record attendance");
  correct = fd_change_new_delete ("attendance", fd_change_get_id (sign), 0);
  assert_refused (fixture, correct, NULL, NULL);

  /* A kiosk of no place signs anywhere */
  become (fixture, FD_ROLE_KIOSK, NULL, NULL);
  anywhere = new_attendance (fixture->other_slot, fixture->trainee, NULL);
  assert_allowed (fixture, anywhere);
}

static void
test_trainer_attendance (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(FdChange) trainee_signs = NULL;
  g_autoptr(FdChange) trainer_signs = NULL;
  g_autoptr(FdChange) other_slot = NULL;
  g_autoptr(FdChange) as_someone_else = NULL;

  become (fixture, FD_ROLE_TRAINER, fixture->trainer, NULL);

  trainee_signs = new_attendance (fixture->slot, fixture->trainee, NULL);
  assert_allowed (fixture, trainee_signs);
  trainer_signs = new_attendance (fixture->slot, NULL, fixture->trainer);
  assert_allowed (fixture, trainer_signs);

  other_slot = new_attendance (fixture->other_slot, fixture->trainee, NULL);
  assert_refused (fixture, other_slot, "slot_id", "staffed on");

  as_someone_else = new_attendance (fixture->slot, NULL, fixture->other_trainer);
  assert_refused (fixture, as_someone_else, "trainer_id", "their own name");
}

static void
test_trainer_own_records (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(FdChange) mine = new_unavailability (fixture->trainer);
  g_autoptr(FdChange) theirs = new_unavailability (fixture->other_trainer);
  g_autoptr(FdChange) move = NULL;
  g_autoptr(FdChange) give_away = NULL;
  g_autoptr(FdChange) touch_theirs = NULL;
  g_autoptr(FdChange) remove_mine = NULL;
  g_autoptr(FdChange) ticket = fd_change_new_create ("quality_ticket");
  g_autoptr(FdChange) closed_ticket = fd_change_new_create ("quality_ticket");
  g_autoptr(FdChange) change_ticket = NULL;
  g_autoptr(FdChange) unowned_ticket = fd_change_new_create ("quality_ticket");
  g_autoptr(FdChange) invoice = fd_change_new_create ("trainer_invoice");
  g_autoptr(FdChange) theirs_by_staff = new_unavailability (fixture->other_trainer);

  /* Another trainer's unavailability, recorded by staff */
  assert_allowed (fixture, theirs_by_staff);

  become (fixture, FD_ROLE_TRAINER, fixture->trainer, NULL);

  assert_allowed (fixture, mine);
  move = UPDATE ("unavailability", fd_change_get_id (mine), "reason", "Congés");
  assert_allowed (fixture, move);
  give_away = UPDATE ("unavailability", fd_change_get_id (mine), "trainer_id",
                          fixture->other_trainer);
  assert_refused (fixture, give_away, "trainer_id", "their own unavailabilities");
  assert_refused (fixture, theirs, "trainer_id", "their own unavailabilities");
  touch_theirs = UPDATE ("unavailability", fd_change_get_id (theirs_by_staff), "reason", "?");
  assert_refused (fixture, touch_theirs, NULL, "their own unavailabilities");
  remove_mine = fd_change_new_delete ("unavailability", fd_change_get_id (mine), 0);
  assert_allowed (fixture, remove_mine);

  /* Quality tickets: recorded, not handled */
  fd_change_set_string (ticket, "trainer_id", fixture->trainer);
  fd_change_set_string (ticket, "session_id", fixture->session);
  fd_change_set_string (ticket, "subject", "Vidéoprojecteur en panne");
  fd_change_set_string (ticket, "opened_on", "2026-03-03");
  assert_allowed (fixture, ticket);
  change_ticket = UPDATE ("quality_ticket", fd_change_get_id (ticket), "resolution", "Réparé");
  assert_refused (fixture, change_ticket, NULL, "not change it");
  fd_change_set_string (closed_ticket, "trainer_id", fixture->trainer);
  fd_change_set_string (closed_ticket, "subject", "Salle froide");
  fd_change_set_string (closed_ticket, "opened_on", "2026-03-03");
  fd_change_set_string (closed_ticket, "status", "closed");
  assert_refused (fixture, closed_ticket, "status", "status or resolution");
  fd_change_set_string (unowned_ticket, "subject", "Sans nom");
  fd_change_set_string (unowned_ticket, "opened_on", "2026-03-03");
  assert_refused (fixture, unowned_ticket, "trainer_id", "in their own name");

  fd_change_set_string (invoice, "trainer_id", fixture->trainer);
  fd_change_set_string (invoice, "number", "F-2026-012");
  fd_change_set_string (invoice, "issued_on", "2026-03-31");
  fd_change_set_int (invoice, "amount_cents", 120000);
  assert_allowed (fixture, invoice);
}

static void
test_trainer_expenses (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(FdChange) expense = new_expense (fixture->trainer);
  g_autoptr(FdChange) self_validated = new_expense (fixture->trainer);
  g_autoptr(FdChange) edit = NULL;
  g_autoptr(FdChange) validate = NULL;
  g_autoptr(FdChange) review = NULL;
  g_autoptr(FdChange) edit_after = NULL;
  g_autoptr(FdChange) remove_after = NULL;
  g_autoptr(FdChange) someone_elses = new_expense (fixture->other_trainer);

  become (fixture, FD_ROLE_TRAINER, fixture->trainer, NULL);

  assert_allowed (fixture, expense);
  edit = UPDATE ("expense", fd_change_get_id (expense), "description", "Lyon – Nantes");
  assert_allowed (fixture, edit);

  /* The review is staff's */
  fd_change_set_string (self_validated, "status", "validated");
  assert_refused (fixture, self_validated, "status", "validate, reject or mark as paid");
  validate = UPDATE ("expense", fd_change_get_id (expense), "status", "paid");
  assert_refused (fixture, validate, "status", "validate, reject or mark as paid");
  assert_refused (fixture, someone_elses, "trainer_id", "their own expenses");

  /* Once reviewed, it is no longer the trainer's to change */
  become (fixture, FD_ROLE_OPERATIONS_MANAGER, NULL, NULL);
  review = UPDATE ("expense", fd_change_get_id (expense), "status", "validated");
  assert_allowed (fixture, review);

  become (fixture, FD_ROLE_TRAINER, fixture->trainer, NULL);
  edit_after = UPDATE ("expense", fd_change_get_id (expense), "description", "Plus cher");
  assert_refused (fixture, edit_after, NULL, "already been reviewed");
  remove_after = fd_change_new_delete ("expense", fd_change_get_id (expense), 0);
  assert_refused (fixture, remove_after, NULL, "already been reviewed");
}

static void
test_trainer_nothing_else (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(FdChange) trainee = new_trainee ();
  g_autoptr(FdChange) session = UPDATE ("session", fixture->session, "label", "Autre");
  g_autoptr(FdChange) own_card = UPDATE ("trainer", fixture->trainer, "phone", "0612345678");
  g_autoptr(FdChange) slot = UPDATE ("slot", fixture->slot, "comments", "Salle B");
  g_autoptr(FdChange) account = new_account ("admin");
  g_autoptr(FdChange) unlinked = new_unavailability (fixture->trainer);
  g_autoptr(FdChange) unlinked_sign = new_attendance (fixture->slot, fixture->trainee, NULL);

  become (fixture, FD_ROLE_TRAINER, fixture->trainer, NULL);

  assert_refused (fixture, trainee, NULL, "A trainer can only record attendance");
  assert_refused (fixture, session, NULL, "a planner, an operations manager or an administrator");
  assert_refused (fixture, own_card, NULL, "A trainer can only");
  assert_refused (fixture, slot, NULL, "A trainer can only");
  assert_refused (fixture, account, NULL, "A trainer can only");

  /* A trainer account without a trainer card owns nothing */
  become (fixture, FD_ROLE_TRAINER, NULL, NULL);
  assert_refused (fixture, unlinked, NULL, "not linked to a trainer card");
  assert_refused (fixture, unlinked_sign, NULL, "not linked to a trainer card");
}

static void
test_planner (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(FdChange) session = NULL;
  g_autoptr(FdChange) sequence = NULL;
  g_autoptr(FdChange) slot = NULL;
  g_autoptr(FdChange) staff = fd_change_new_create ("slot_staff");
  g_autoptr(FdChange) cost = fd_change_new_create ("cost");
  g_autoptr(FdChange) email = fd_change_new_create ("session_email");
  g_autoptr(FdChange) template = fd_change_new_create ("email_template");
  g_autoptr(FdChange) training = fd_change_new_create ("training");
  g_autoptr(FdChange) trainee = new_trainee ();
  g_autoptr(FdChange) enrollment = fd_change_new_create ("enrollment");
  g_autoptr(FdChange) unavailability = new_unavailability (fixture->other_trainer);
  g_autoptr(FdChange) sign = new_attendance (fixture->other_slot, fixture->trainee, NULL);
  g_autoptr(FdChange) account = new_account ("planner");
  g_autoptr(FdChange) organisation = fd_change_new_create ("organisation");
  g_autoptr(FdChange) expense = new_expense (fixture->trainer);
  g_autofree char *session_id = NULL;
  g_autofree char *sequence_id = NULL;

  become (fixture, FD_ROLE_PLANNER, NULL, NULL);

  session_id = create_session (fixture->db, "Habilitation électrique");
  session = UPDATE ("session", session_id, "planned_start_on", "2026-05-04");
  assert_allowed (fixture, session);
  sequence_id = create_sequence (fixture->db, session_id);
  sequence = UPDATE ("sequence", sequence_id, "label", "Théorie");
  assert_allowed (fixture, sequence);
  slot = new_slot (session_id, sequence_id, fixture->place, "2026-05-04T09:00", "2026-05-04T17:00");
  assert_allowed (fixture, slot);
  fd_change_set_string (staff, "slot_id", fd_change_get_id (slot));
  fd_change_set_string (staff, "trainer_id", fixture->trainer);
  assert_allowed (fixture, staff);
  fd_change_set_string (cost, "session_id", session_id);
  fd_change_set_string (cost, "type", "room");
  fd_change_set_int (cost, "amount_cents", 30000);
  assert_allowed (fixture, cost);
  fd_change_set_string (email, "session_id", session_id);
  fd_change_set_string (email, "kind", "notice");
  assert_allowed (fixture, email);
  fd_change_set_string (template, "key", "notice");
  fd_change_set_string (template, "name", "Convocation");
  fd_change_set_string (template, "subject", "Votre convocation");
  fd_change_set_string (template, "body", "Bonjour {prenom}");
  assert_allowed (fixture, template);
  fd_change_set_string (training, "code", "HAB-B0");
  fd_change_set_string (training, "title", "Habilitation électrique B0");
  assert_allowed (fixture, training);
  assert_allowed (fixture, trainee);
  fd_change_set_string (enrollment, "session_id", session_id);
  fd_change_set_string (enrollment, "trainee_id", fd_change_get_id (trainee));
  assert_allowed (fixture, enrollment);
  assert_allowed (fixture, unavailability);
  assert_allowed (fixture, sign);

  assert_refused (fixture, account, NULL, "Only an administrator can manage user accounts.");
  fd_change_set_string (organisation, "name", "Formations du Rhône");
  assert_refused (fixture, organisation, NULL, "operations manager or an administrator");
  assert_refused (fixture, expense, NULL, "expenses and invoices");
}

static void
test_managers (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(FdChange) organisation = fd_change_new_create ("organisation");
  g_autoptr(FdChange) expense = new_expense (fixture->trainer);
  g_autoptr(FdChange) review = NULL;
  g_autoptr(FdChange) account = new_account ("planner");
  g_autoptr(FdChange) account_again = new_account ("planner");
  g_autoptr(FdUser) admin = fd_user_new ("id", "a@exemple.fr", "Admin", FD_ROLE_ADMIN, NULL, NULL,
                                         TRUE);

  become (fixture, FD_ROLE_OPERATIONS_MANAGER, NULL, NULL);
  fd_change_set_string (organisation, "name", "Formations du Rhône");
  assert_allowed (fixture, organisation);
  assert_allowed (fixture, expense);
  review = UPDATE ("expense", fd_change_get_id (expense), "status", "rejected");
  assert_allowed (fixture, review);
  assert_refused (fixture, account, NULL, "Only an administrator can manage user accounts.");

  /* An administrator with an account, as the local one */
  fd_database_set_user (fixture->db, admin);
  assert_allowed (fixture, account_again);
}

static void
test_inactive_user (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(FdUser) former = fd_user_new ("id", "old@exemple.fr", "Ancien", FD_ROLE_ADMIN, NULL,
                                          NULL, FALSE);
  g_autoptr(FdChange) trainee = new_trainee ();

  fd_database_set_user (fixture->db, former);
  assert_refused (fixture, trainee, NULL, "deactivated");
  g_assert_false (fd_roles_can (fixture->db, NULL, FD_PERMISSION_EDIT_PLANNING, NULL));
}

static void
test_lock_planner_and_manager (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(FdChange) move = UPDATE ("slot", fixture->slot, "start_at", "2026-03-03T10:00");
  g_autoptr(FdChange) end = UPDATE ("slot", fixture->slot, "end_at", "2026-03-03T13:00");
  g_autoptr(FdChange) same = UPDATE ("slot", fixture->slot, "start_at", "2026-03-03T09:00");
  g_autoptr(FdChange) room = UPDATE ("slot", fixture->slot, "comments", "Salle B12");
  g_autoptr(FdChange) add = new_slot (fixture->session, fixture->sequence, fixture->place,
                                      "2026-03-04T09:00", "2026-03-04T12:00");
  g_autoptr(FdChange) remove = fd_change_new_delete ("slot", fixture->slot, 0);
  g_autoptr(FdChange) planned = UPDATE ("session", fixture->session, "planned_start_on",
                                            "2026-03-02");
  g_autoptr(FdChange) year = NULL;
  g_autoptr(FdChange) label = UPDATE ("session", fixture->session, "label", "SST recyclage");
  g_autoptr(FdChange) drop_sequence = fd_change_new_delete ("sequence", fixture->sequence, 0);
  g_autoptr(FdChange) manager_move = NULL;
  g_autoptr(FdChange) manager_add = NULL;
  g_autoptr(FdChange) manager_year = NULL;
  g_autoptr(FdChange) manager_remove = NULL;
  g_autoptr(FdChange) restore = NULL;
  g_autoptr(FdUser) planner = fd_user_new ("p", NULL, "P", FD_ROLE_PLANNER, NULL, NULL, TRUE);
  g_autoptr(FdUser) manager = fd_user_new ("m", NULL, "M", FD_ROLE_OPERATIONS_MANAGER, NULL, NULL,
                                           TRUE);
  g_autofree char *reason = NULL;
  g_autofree char *enrollment = NULL;

  year = fd_change_new_update ("session", fixture->session,
                               row_revision (fixture->db, "session", fixture->session));
  fd_change_set_int (year, "year", 2027);

  /* Before any trainee, a planner changes dates freely */
  g_assert_false (fd_roles_is_session_locked (fixture->db, fixture->session));
  g_assert_null (fd_roles_explain_session_lock (fixture->db, planner, fixture->session));
  g_assert_true (fd_roles_can (fixture->db, planner, FD_PERMISSION_EDIT_SESSION_DATES,
                               fixture->session));

  enrollment = create_enrollment (fixture->db, fixture->session, fixture->trainee, "registered");
  g_assert_true (fd_roles_is_session_locked (fixture->db, fixture->session));

  /* The UI can tell before the planner tries */
  reason = fd_roles_explain_session_lock (fixture->db, planner, fixture->session);
  g_assert_cmpstr (reason, ==, LOCK_MESSAGE);
  g_clear_pointer (&reason, g_free);
  reason = fd_roles_explain (fixture->db, planner, FD_PERMISSION_EDIT_SESSION_DATES,
                             fixture->session);
  g_assert_cmpstr (reason, ==, LOCK_MESSAGE);
  g_assert_false (fd_roles_can (fixture->db, planner, FD_PERMISSION_EDIT_SESSION_DATES,
                                fixture->session));
  g_assert_true (fd_roles_can (fixture->db, planner, FD_PERMISSION_EDIT_SESSION_DATES, NULL));
  g_assert_null (fd_roles_explain_session_lock (fixture->db, manager, fixture->session));
  g_assert_true (fd_roles_can (fixture->db, manager, FD_PERMISSION_EDIT_SESSION_DATES,
                               fixture->session));

  fd_database_set_user (fixture->db, planner);
  assert_refused (fixture, move, "start_at", LOCK_MESSAGE);
  assert_refused (fixture, end, "end_at", LOCK_MESSAGE);
  assert_refused (fixture, add, "start_at", LOCK_MESSAGE);
  assert_refused (fixture, remove, NULL, LOCK_MESSAGE);
  assert_refused (fixture, planned, "planned_start_on", LOCK_MESSAGE);
  assert_refused (fixture, year, "year", LOCK_MESSAGE);
  assert_refused (fixture, drop_sequence, NULL, LOCK_MESSAGE);

  /* What is not a date stays the planner's; a date sent unchanged too */
  assert_allowed (fixture, room);
  assert_allowed (fixture, same);
  assert_allowed (fixture, label);

  fd_database_set_user (fixture->db, manager);
  manager_move = UPDATE ("slot", fixture->slot, "start_at", "2026-03-03T10:00");
  assert_allowed (fixture, manager_move);
  manager_add = new_slot (fixture->session, fixture->sequence, fixture->place,
                          "2026-03-04T09:00", "2026-03-04T12:00");
  assert_allowed (fixture, manager_add);
  manager_year = fd_change_new_update ("session", fixture->session,
                                       row_revision (fixture->db, "session", fixture->session));
  fd_change_set_int (manager_year, "year", 2027);
  assert_allowed (fixture, manager_year);
  manager_remove = fd_change_new_delete ("slot", fd_change_get_id (manager_add), 0);
  assert_allowed (fixture, manager_remove);

  /* Bringing a deleted slot back (an undo) is adding it again */
  fd_database_set_user (fixture->db, planner);
  restore = fd_change_new_restore ("slot", fd_change_get_id (manager_add),
                                   row_revision (fixture->db, "slot", fd_change_get_id (manager_add)));
  assert_refused (fixture, restore, NULL, LOCK_MESSAGE);
  fd_database_set_user (fixture->db, manager);
  assert_allowed (fixture, restore);
}

static void
test_lock_ignores_withdrawn (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *withdrawn = create_enrollment (fixture->db, fixture->session, fixture->trainee,
                                                  "withdrawn");
  g_autofree char *cancelled = create_enrollment (fixture->db, fixture->session, fixture->trainee,
                                                  "cancelled");
  g_autofree char *deleted = create_enrollment (fixture->db, fixture->session, fixture->trainee,
                                                "confirmed");
  g_autoptr(FdChange) remove = fd_change_new_delete ("enrollment", deleted, 0);
  g_autoptr(FdChange) move = UPDATE ("slot", fixture->slot, "start_at", "2026-03-03T10:00");
  g_autoptr(FdChange) add = new_slot (fixture->session, fixture->sequence, fixture->place,
                                      "2026-03-05T09:00", "2026-03-05T12:00");
  g_autoptr(FdChange) planned = UPDATE ("session", fixture->session, "planned_end_on",
                                            "2026-03-06");

  g_assert_true (fd_roles_is_session_locked (fixture->db, fixture->session));
  assert_allowed (fixture, remove);
  g_assert_false (fd_roles_is_session_locked (fixture->db, fixture->session));

  become (fixture, FD_ROLE_PLANNER, NULL, NULL);
  g_assert_true (fd_roles_can (fixture->db, NULL, FD_PERMISSION_EDIT_SESSION_DATES,
                               fixture->session));
  assert_allowed (fixture, move);
  assert_allowed (fixture, add);
  assert_allowed (fixture, planned);
}

static void
test_lock_moving_into_a_locked_session (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autofree char *free_session = create_session (fixture->db, "Sans stagiaire");
  g_autofree char *free_sequence = create_sequence (fixture->db, free_session);
  g_autofree char *free_slot = create_slot (fixture->db, free_session, free_sequence,
                                            fixture->place, fixture->trainer);
  g_autofree char *enrollment = create_enrollment (fixture->db, fixture->session,
                                                   fixture->trainee, "confirmed");
  g_autoptr(FdChange) move_in = NULL;
  g_autoptr(FdChange) move_free = UPDATE ("slot", free_slot, "start_at", "2026-03-03T08:00");

  become (fixture, FD_ROLE_PLANNER, NULL, NULL);
  move_in = fd_change_new_update ("slot", free_slot, row_revision (fixture->db, "slot", free_slot));
  fd_change_set_string (move_in, "session_id", fixture->session);
  fd_change_set_string (move_in, "sequence_id", fixture->sequence);
  assert_refused (fixture, move_in, "session_id", LOCK_MESSAGE);
  assert_allowed (fixture, move_free);
}

static void
test_batch_refused_writes_nothing (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *enrollment = create_enrollment (fixture->db, fixture->session,
                                                   fixture->trainee, "registered");
  gint64 outbox;

  become (fixture, FD_ROLE_PLANNER, NULL, NULL);

  /* Allowed changes first, the refused one last: all or nothing */
  g_ptr_array_add (changes, new_trainee ());
  g_ptr_array_add (changes, UPDATE ("slot", fixture->slot, "comments", "Salle B12"));
  g_ptr_array_add (changes, UPDATE ("slot", fixture->slot, "start_at", "2026-03-03T10:00"));

  before = snapshot_counts (fixture->db);
  outbox = fd_database_count_outbox (fixture->db);
  g_assert_false (fd_database_apply_all (fixture->db, changes, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_FORBIDDEN);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "start_at");
  after = snapshot_counts (fixture->db);

  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM slot WHERE comments IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (count_rows (fixture->db,
                               "SELECT count(*) FROM trainee WHERE last_name = 'Moreau'"), ==, 0);
}

typedef struct
{
  FdPermission permission;
  gboolean allowed[FD_N_ROLES]; /* admin, operations manager, planner, trainer, kiosk */
} PermissionCase;

static const PermissionCase permission_cases[] = {
  { FD_PERMISSION_MANAGE_ACCOUNTS, { TRUE, FALSE, FALSE, FALSE, FALSE } },
  { FD_PERMISSION_EDIT_ORGANISATION, { TRUE, TRUE, FALSE, FALSE, FALSE } },
  { FD_PERMISSION_EDIT_PLANNING, { TRUE, TRUE, TRUE, FALSE, FALSE } },
  { FD_PERMISSION_EDIT_SESSION_DATES, { TRUE, TRUE, TRUE, FALSE, FALSE } },
  { FD_PERMISSION_REVIEW_TRAINER_RECORDS, { TRUE, TRUE, FALSE, FALSE, FALSE } },
  { FD_PERMISSION_RECORD_OWN_TRAINER_RECORDS, { TRUE, TRUE, TRUE, TRUE, FALSE } },
  { FD_PERMISSION_SIGN_ATTENDANCE, { TRUE, TRUE, TRUE, TRUE, TRUE } },
};

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (permission_cases); i++)
    {
      for (guint role = 0; role < FD_N_ROLES; role++)
        {
          g_autoptr(FdUser) user = fd_user_new ("id", NULL, "U", (FdRole) role, fixture->trainer,
                                                NULL, TRUE);
          g_autofree char *reason = fd_roles_explain (fixture->db, user,
                                                      permission_cases[i].permission, NULL);
          gboolean can = fd_roles_can (fixture->db, user, permission_cases[i].permission, NULL);

          if (can != permission_cases[i].allowed[role])
            g_error ("Permission %u for %s: expected %d", permission_cases[i].permission,
                     fd_role_to_string ((FdRole) role), permission_cases[i].allowed[role]);
          /* A refusal always says why */
          g_assert_true ((reason == NULL) == can);
        }
    }
}

static void
test_explain_change (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(FdUser) kiosk = fd_user_new ("k", NULL, "K", FD_ROLE_KIOSK, NULL, NULL, TRUE);
  g_autoptr(FdUser) trainer = fd_user_new ("t", NULL, "T", FD_ROLE_TRAINER, fixture->trainer, NULL,
                                           TRUE);
  g_autofree char *kiosk_session = fd_roles_explain_change (fixture->db, kiosk, "session",
                                                            FD_CHANGE_CREATE);
  g_autofree char *kiosk_sign = fd_roles_explain_change (fixture->db, kiosk, "attendance",
                                                         FD_CHANGE_CREATE);
  g_autofree char *trainer_expense = fd_roles_explain_change (fixture->db, trainer, "expense",
                                                              FD_CHANGE_UPDATE);
  g_autofree char *trainer_ticket = fd_roles_explain_change (fixture->db, trainer,
                                                             "quality_ticket", FD_CHANGE_UPDATE);
  g_autofree char *admin_account = fd_roles_explain_change (fixture->db, NULL, "user_account",
                                                            FD_CHANGE_DELETE);

  g_assert_nonnull (strstr (kiosk_session, "signature kiosk"));
  g_assert_null (kiosk_sign);
  g_assert_null (trainer_expense);
  g_assert_nonnull (strstr (trainer_ticket, "not change it"));
  g_assert_null (admin_account);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/roles/default-user", test_default_user);
  ADD ("/roles/role-table", test_role_table);
  ADD ("/roles/every-entity-has-a-rule", test_every_entity_has_a_rule);
  ADD ("/roles/unknown-entity", test_unknown_entity_is_for_managers);
  ADD ("/roles/kiosk", test_kiosk);
  ADD ("/roles/trainer/attendance", test_trainer_attendance);
  ADD ("/roles/trainer/own-records", test_trainer_own_records);
  ADD ("/roles/trainer/expenses", test_trainer_expenses);
  ADD ("/roles/trainer/nothing-else", test_trainer_nothing_else);
  ADD ("/roles/planner", test_planner);
  ADD ("/roles/managers", test_managers);
  ADD ("/roles/inactive-user", test_inactive_user);
  ADD ("/roles/lock/planner-and-manager", test_lock_planner_and_manager);
  ADD ("/roles/lock/withdrawn-does-not-lock", test_lock_ignores_withdrawn);
  ADD ("/roles/lock/moving-in", test_lock_moving_into_a_locked_session);
  ADD ("/roles/batch-refused-writes-nothing", test_batch_refused_writes_nothing);
  ADD ("/roles/permissions", test_permissions);
  ADD ("/roles/explain-change", test_explain_change);

#undef ADD

  return g_test_run ();
}
