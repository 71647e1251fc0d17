/* test-populations.c — who a session is for, and the files of its emails
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-core-common.h"

typedef struct
{
  CoreFixture core;
  char *session;
  char *company;
  char *group;
  char *employee;
  char *student;
  char *listed;
  char *outsider;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  FdDatabase *db;
  g_autoptr(FdChange) session = fd_change_new_create ("session");

  core_fixture_set_up (&fixture->core, user_data);
  db = fixture->core.db;

  fd_change_set_int (session, "year", 2026);
  fd_change_set_string (session, "label", "Excel");
  fixture->session = core_apply_create (db, session);
  fixture->company = core_create (db, "client", "kind", "company", "name", "Pharmacie Laurent",
                                  NULL);
  fixture->group = core_create (db, "trainee_group", "name", "Promo 2026", "category", "class",
                                NULL);
  fixture->employee = core_create (db, "trainee", "first_name", "Anne", "last_name", "Morel",
                                   "client_id", fixture->company, NULL);
  fixture->student = core_create (db, "trainee", "first_name", "Paul", "last_name", "Roy", NULL);
  fixture->listed = core_create (db, "trainee", "first_name", "Zoé", "last_name", "Martin", NULL);
  fixture->outsider = core_create (db, "trainee", "first_name", "Léo", "last_name", "Petit", NULL);
  g_free (core_create (db, "group_member", "group_id", fixture->group,
                       "trainee_id", fixture->student, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_free (fixture->session);
  g_free (fixture->company);
  g_free (fixture->group);
  g_free (fixture->employee);
  g_free (fixture->student);
  g_free (fixture->listed);
  g_free (fixture->outsider);
  core_fixture_tear_down (&fixture->core, user_data);
}

static gboolean
enroll (FdDatabase  *db,
        const char  *session,
        const char  *trainee,
        GError     **error)
{
  g_autoptr(FdChange) change = fd_change_new_create ("enrollment");

  fd_change_set_string (change, "session_id", session);
  fd_change_set_string (change, "trainee_id", trainee);

  return fd_database_apply (db, change, error);
}

static const FdPopulation *
find_population (GPtrArray  *populations,
                 const char *id)
{
  for (guint i = 0; i < populations->len; i++)
    if (g_str_equal (((FdPopulation *) g_ptr_array_index (populations, i))->id, id))
      return g_ptr_array_index (populations, i);

  return NULL;
}

/* Made from a company, a group or a list; listed in French order with
 * their members counted */
static void
test_create_and_list (Fixture       *fixture,
                      gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) populations = NULL;
  const char *members[] = { fixture->listed, fixture->outsider, NULL };
  g_autofree char *by_company = NULL;
  g_autofree char *by_group = NULL;
  g_autofree char *by_list = NULL;

  by_company = fd_database_create_population (db, "client", "  Salariés Laurent ", fixture->company,
                                              NULL, &error);
  g_assert_no_error (error);
  by_group = fd_database_create_population (db, "group", "Promo", fixture->group, NULL, &error);
  g_assert_no_error (error);
  by_list = fd_database_create_population (db, "list", "Équipe de nuit", NULL, members, &error);
  g_assert_no_error (error);

  populations = fd_database_list_populations (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (populations->len, ==, 3);
  /* « Équipe » before « Promo » and « Salariés », whatever the bytes */
  g_assert_cmpstr (((FdPopulation *) g_ptr_array_index (populations, 0))->name, ==, "Équipe de nuit");
  g_assert_cmpstr (((FdPopulation *) g_ptr_array_index (populations, 1))->name, ==, "Promo");
  g_assert_cmpstr (((FdPopulation *) g_ptr_array_index (populations, 2))->name, ==, "Salariés Laurent");
  g_assert_cmpstr (find_population (populations, by_company)->kind, ==, "client");
  g_assert_cmpuint (find_population (populations, by_company)->n_members, ==, 1);
  g_assert_cmpuint (find_population (populations, by_group)->n_members, ==, 1);
  g_assert_cmpuint (find_population (populations, by_list)->n_members, ==, 2);
  g_assert_cmpstr (fd_population_kind_label ("list"), ==, "List of trainees");

  /* A member who is deleted is no longer counted */
  core_delete (db, "trainee", fixture->outsider);
  g_clear_pointer (&populations, g_ptr_array_unref);
  populations = fd_database_list_populations (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (find_population (populations, by_list)->n_members, ==, 1);
}

/* Each refusal names its field and writes nothing */
static void
test_create_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(GError) error = NULL;
  g_autofree char *individual = core_create (db, "client", "kind", "individual", "name", "Jean Roy",
                                             NULL);
  const char *twice[] = { fixture->listed, fixture->listed, NULL };
  const char *unknown[] = { "0190-nobody", NULL };
  const char *none[] = { NULL };
  gint64 before = core_query_int (db, "SELECT count(*) FROM population", NULL);
  gint64 members = core_query_int (db, "SELECT count(*) FROM population_member", NULL);
  struct
  {
    const char *kind;
    const char *name;
    const char *source;
    const char * const *trainees;
    const char *field;
    int code;
  } cases[] = {
    { "client", "", fixture->company, NULL, "name", FD_VALIDATION_ERROR_REQUIRED },
    { "client", "Salariés", NULL, NULL, "client_id", FD_VALIDATION_ERROR_REQUIRED },
    { "client", "Salariés", individual, NULL, "client_id", FD_VALIDATION_ERROR_REQUIRED },
    { "group", "Promo", NULL, NULL, "group_id", FD_VALIDATION_ERROR_REQUIRED },
    { "group", "Promo", "0190-no-group", NULL, "group_id", FD_VALIDATION_ERROR_REQUIRED },
    { "list", "Liste", NULL, none, "trainee_id", FD_VALIDATION_ERROR_REQUIRED },
    { "list", "Liste", NULL, twice, "trainee_id", FD_VALIDATION_ERROR_INVALID },
    { "list", "Liste", NULL, unknown, "trainee_id", FD_VALIDATION_ERROR_INVALID },
    { "everyone", "Tous", NULL, NULL, "kind", FD_VALIDATION_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = fd_database_create_population (db, cases[i].kind, cases[i].name,
                                                           cases[i].source, cases[i].trainees,
                                                           &error);

      g_assert_null (id);
      g_assert_error (error, FD_VALIDATION_ERROR, cases[i].code);
      g_assert_cmpstr (fd_validation_error_get_field (error), ==, cases[i].field);
      g_clear_error (&error);
    }

  /* The write path refuses the same rows made by hand */
  {
    g_autoptr(FdChange) change = fd_change_new_create ("population");

    fd_change_set_string (change, "name", "Salariés");
    fd_change_set_string (change, "kind", "client");
    fd_change_set_string (change, "client_id", individual);
    g_assert_false (fd_database_apply (db, change, &error));
    g_assert_cmpstr (fd_validation_error_get_field (error), ==, "client_id");
    g_clear_error (&error);
  }

  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM population", NULL), ==, before);
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM population_member", NULL), ==, members);
}

/* Set, changed and emptied; undone by the inverse through the write path */
static void
test_session_populations (Fixture       *fixture,
                          gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GPtrArray) inverse = NULL;
  g_autofree char *by_company = fd_database_create_population (db, "client", "Salariés",
                                                               fixture->company, NULL, &error);
  g_autofree char *by_group = fd_database_create_population (db, "group", "Promo", fixture->group,
                                                             NULL, &error);
  const char *both[] = { by_company, by_group, NULL };
  const char *group_only[] = { by_group, NULL };
  const char *none[] = { NULL };

  g_assert_no_error (error);
  g_assert_true (fd_database_set_session_populations (db, fixture->session, both, &error));
  g_assert_no_error (error);
  chosen = fd_database_list_session_populations (db, fixture->session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chosen->len, ==, 2);
  g_assert_cmpstr (((FdPopulation *) g_ptr_array_index (chosen, 0))->id, ==, by_company);

  /* Setting the same again writes nothing */
  g_assert_true (fd_session_populations_collect_changes (db, fixture->session, both, changes,
                                                         &error));
  g_assert_cmpuint (changes->len, ==, 0);

  /* Down to the group: one link deleted, undoable */
  g_assert_true (fd_session_populations_collect_changes (db, fixture->session, group_only, changes,
                                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (fd_database_apply_all_with_inverse (db, changes, &inverse, &error));
  g_assert_no_error (error);
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM session_population"
                                       " WHERE session_id = ?1 AND deleted = 0",
                                   fixture->session), ==, 1);
  g_assert_true (fd_database_apply_all (db, inverse, &error));
  g_assert_no_error (error);
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM session_population"
                                       " WHERE session_id = ?1 AND deleted = 0",
                                   fixture->session), ==, 2);

  /* Open to all again */
  g_assert_true (fd_database_set_session_populations (db, fixture->session, none, &error));
  g_assert_no_error (error);
  g_clear_pointer (&chosen, g_ptr_array_unref);
  chosen = fd_database_list_session_populations (db, fixture->session, &error);
  g_assert_cmpuint (chosen->len, ==, 0);
}

/* A population made in the same edit may be chosen; unknown, deleted or
 * doubled ones are refused at "population_id" */
static void
test_session_populations_refused (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autofree char *by_group = fd_database_create_population (db, "group", "Promo", fixture->group,
                                                             NULL, &error);
  g_autofree char *gone = fd_database_create_population (db, "client", "Anciens", fixture->company,
                                                         NULL, &error);
  g_autofree char *pending = NULL;
  const char *twice[] = { by_group, by_group, NULL };
  const char *unknown[] = { "0190-no-population", NULL };
  const char *deleted[] = { gone, NULL };
  const char * const *refused[] = { twice, unknown, deleted };
  const char *members[] = { fixture->listed, NULL };

  g_assert_no_error (error);
  core_delete (db, "population", gone);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (fd_session_populations_collect_changes (db, fixture->session, refused[i],
                                                              changes, &error));
      g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
      g_assert_cmpstr (fd_validation_error_get_field (error), ==, "population_id");
      g_assert_cmpuint (changes->len, ==, 0);
      g_clear_error (&error);
    }

  /* A second link to the same population, by hand, is refused too */
  {
    g_autoptr(FdChange) first = fd_change_new_create ("session_population");
    g_autoptr(FdChange) second = fd_change_new_create ("session_population");

    fd_change_set_string (first, "session_id", fixture->session);
    fd_change_set_string (first, "population_id", by_group);
    core_apply (db, first);
    fd_change_set_string (second, "session_id", fixture->session);
    fd_change_set_string (second, "population_id", by_group);
    g_assert_false (fd_database_apply (db, second, &error));
    g_assert_cmpstr (fd_validation_error_get_field (error), ==, "population_id");
    g_clear_error (&error);
  }

  /* Created and chosen in one edit */
  g_assert_true (fd_population_collect_create (db, "list", "Liste", NULL, members, changes,
                                               &pending, &error));
  g_assert_no_error (error);
  {
    const char *chosen[] = { by_group, pending, NULL };

    g_assert_true (fd_session_populations_collect_changes (db, fixture->session, chosen, changes,
                                                           &error));
    g_assert_no_error (error);
  }
  g_assert_true (fd_database_apply_all (db, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM session_population"
                                       " WHERE session_id = ?1 AND deleted = 0",
                                   fixture->session), ==, 2);
}

/* With populations, enrollments come only from them */
static void
test_enrollment_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(GError) error = NULL;
  g_autofree char *by_company = fd_database_create_population (db, "client", "Salariés",
                                                               fixture->company, NULL, &error);
  const char *chosen[] = { by_company, NULL };
  gint64 before;

  g_assert_true (fd_database_set_session_populations (db, fixture->session, chosen, &error));
  g_assert_no_error (error);
  g_assert_true (enroll (db, fixture->session, fixture->employee, &error));
  g_assert_no_error (error);

  before = core_query_int (db, "SELECT count(*) FROM enrollment", NULL);
  g_assert_false (enroll (db, fixture->session, fixture->outsider, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainee_id");
  g_assert_cmpint (core_query_int (db, "SELECT count(*) FROM enrollment", NULL), ==, before);
}

/* Attachments of an email: listed, counted, and only of a live owner */
static void
test_email_attachments (Fixture       *fixture,
                        gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 plan", 13);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autofree char *email = core_create (db, "session_email", "session_id", fixture->session,
                                        "kind", "convocation", NULL);
  g_autofree char *sha256 = fd_database_store_blob (db, bytes, "application/pdf", &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  struct
  {
    const char *owner_entity;
    const char *owner_id;
    const char *sha256;
    const char *field;
  } refused[] = {
    { "session_email", "0190-no-email", sha256, "owner_id" },
    { "session_email", fixture->session, sha256, "owner_id" },
    { "trainee", email, sha256, "owner_entity" },
  };

  g_assert_no_error (error);
  first = core_create (db, "attachment", "owner_entity", "session_email", "owner_id", email,
                       "blob_sha256", sha256, "file_name", "plan.pdf", NULL);
  second = core_create (db, "attachment", "owner_entity", "session_email", "owner_id", email,
                        "blob_sha256", sha256, "file_name", "acces.pdf", NULL);

  attachments = fd_database_list_attachments (db, "session_email", email, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 2);
  g_assert_cmpstr (((FdPlanAttachment *) g_ptr_array_index (attachments, 0))->file_name, ==,
                   "plan.pdf");

  /* The session's emails count them */
  {
    g_autoptr(GPtrArray) settings = fd_session_emails_list (db, fixture->session, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (settings->len, ==, 1);
    g_assert_cmpuint (fd_session_email_setting_get_n_attachments (g_ptr_array_index (settings, 0)),
                      ==, 2);
  }

  /* The plan holds them too, so a removal reaches the session page */
  {
    g_autoptr(FdSessionPlan) plan = fd_database_read_session_plan (db, fixture->session, &error);

    g_assert_no_error (error);
    g_assert_true (fd_session_plan_contains (plan, "attachment", second));
  }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("attachment");

      fd_change_set_string (change, "owner_entity", refused[i].owner_entity);
      fd_change_set_string (change, "owner_id", refused[i].owner_id);
      fd_change_set_string (change, "blob_sha256", refused[i].sha256);
      fd_change_set_string (change, "file_name", "x.pdf");
      g_assert_false (fd_database_apply (db, change, &error));
      g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
      g_assert_cmpstr (fd_validation_error_get_field (error), ==, refused[i].field);
      g_clear_error (&error);
    }

  core_delete (db, "attachment", first);
  g_clear_pointer (&attachments, g_ptr_array_unref);
  attachments = fd_database_list_attachments (db, "session_email", email, &error);
  g_assert_cmpuint (attachments->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/populations/create-and-list", test_create_and_list);
  ADD ("/populations/create-refused", test_create_refused);
  ADD ("/populations/session/set-and-undo", test_session_populations);
  ADD ("/populations/session/refused", test_session_populations_refused);
  ADD ("/populations/session/enrollment-refused", test_enrollment_refused);
  ADD ("/populations/email-attachments", test_email_attachments);

#undef ADD

  return g_test_run ();
}
