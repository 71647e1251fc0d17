/* test-session-emails.c — a session's emails: prefill, schedule, queue, tags
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>

#include "fd-core.h"
#include "fd-database-private.h"

/* Every row is written through fd_database_apply(), as the application
 * writes them. The fixture is the seed's « session complexe »: an intra
 * session with a sequence on 15–16 May 2026 and one on 27 June, in Paris,
 * two trainers (one per sequence, and a host), three trainees enrolled
 * (one withdrawn, one without an address), and the organisation's
 * templates. */
typedef struct
{
  char *dir;
  FdDatabase *db;
  char *paris;
  char *session;
  char *q1;
  char *q2;
  char *notice;       /* template, session_start -7 days */
  char *reminder;     /* sequence_start -1 day */
  char *trainer_file; /* session_start -10 days, to trainers */
  char *satisfaction; /* session_end +1 day */
  char *enrollment;   /* anchor enrollment: never prefilled */
  char *claire;       /* trainer of sequence 1 */
  char *paul;         /* trainer of sequence 2 */
  char *hugo;         /* host of sequence 1 */
} Fixture;

/* Creates a row of @entity from (field, value) pairs ending with NULL; a
 * field written "#name" is an integer. Returns the new id. */
static char *
create (Fixture    *fixture,
        const char *entity,
        ...)
{
  g_autoptr(FdChange) change = fd_change_new_create (entity);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list ap;

  va_start (ap, entity);
  while ((field = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);

      if (field[0] == '#')
        fd_change_set_int (change, field + 1, g_ascii_strtoll (value, NULL, 10));
      else if (value == NULL)
        fd_change_set_null (change, field);
      else
        fd_change_set_string (change, field, value);
    }
  va_end (ap);

  fd_database_apply (fixture->db, change, &error);
  g_assert_no_error (error);

  return g_strdup (fd_change_get_id (change));
}

static gint64
query_int (FdDatabase *db,
           const char *sql,
           const char *arg)
{
  sqlite3_stmt *stmt = _fd_database_prepare (db, sql, NULL);
  gint64 value = -1;

  g_assert_nonnull (stmt);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

static char *
query_text (FdDatabase *db,
            const char *sql,
            const char *arg)
{
  sqlite3_stmt *stmt = _fd_database_prepare (db, sql, NULL);
  char *value = NULL;

  g_assert_nonnull (stmt);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

/* Sets one field of a row as it is now; "#field" is an integer */
static void
update (Fixture    *fixture,
        const char *entity,
        const char *id,
        const char *field,
        const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT revision FROM \"%s\" WHERE id = ?1", entity);
  g_autoptr(FdChange) change = fd_change_new_update (entity, id, query_int (fixture->db, sql, id));
  g_autoptr(GError) error = NULL;

  if (field[0] == '#')
    fd_change_set_int (change, field + 1, g_ascii_strtoll (value, NULL, 10));
  else if (value == NULL)
    fd_change_set_null (change, field);
  else
    fd_change_set_string (change, field, value);
  fd_database_apply (fixture->db, change, &error);
  g_assert_no_error (error);
}

static char *
create_template (Fixture    *fixture,
                 const char *key,
                 const char *name,
                 const char *subject,
                 const char *body,
                 const char *anchor,
                 const char *offset_days)
{
  return create (fixture, "email_template", "key", key, "name", name, "subject", subject,
                 "body", body, "anchor", anchor, "#offset_days", offset_days, "#enabled", "1",
                 "#system", "1", NULL);
}

static char *
create_slot (Fixture    *fixture,
             const char *sequence,
             const char *start_at,
             const char *end_at,
             const char *place)
{
  return create (fixture, "slot", "sequence_id", sequence, "session_id", fixture->session,
                 "start_at", start_at, "end_at", end_at, "place_id", place, NULL);
}

static void
staff (Fixture    *fixture,
       const char *slot,
       const char *trainer,
       const char *role)
{
  g_autofree char *id = create (fixture, "slot_staff", "slot_id", slot, "trainer_id", trainer,
                                "role", role, NULL);
}

static void
enroll (Fixture    *fixture,
        const char *first_name,
        const char *last_name,
        const char *email,
        const char *status)
{
  g_autofree char *trainee = create (fixture, "trainee", "first_name", first_name,
                                     "last_name", last_name, "email", email, NULL);
  g_autofree char *enrollment = create (fixture, "enrollment", "session_id", fixture->session,
                                        "trainee_id", trainee, "status", status, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *room = NULL;
  g_autofree char *training = NULL;
  g_autofree char *manual = NULL;
  g_autofree char *disabled = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  fixture->dir = g_dir_make_tmp ("test-session-emails-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->db = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  organisation = create (fixture, "organisation", "name", "Horizon Compétences", NULL);
  fixture->notice = create_template (fixture, "notice", "Convocation",
                                     "Convocation — {formation}",
                                     "Bonjour {prenom},\nRendez-vous le {date_debut} à "
                                     "{heure_debut}, {lieu}.\n{commentaire_convocation}",
                                     "session_start", "-7");
  fixture->reminder = create_template (fixture, "reminder", "Rappel la veille",
                                       "Rappel : {sequence} demain",
                                       "Bonjour {prenom}, à demain {heure_debut}.",
                                       "sequence_start", "-1");
  fixture->trainer_file = create_template (fixture, "trainer_file", "Dossier formateur",
                                           "Dossier formateur — {code_session}",
                                           "Bonjour {prenom} {nom},\n{horaires}\n{adresse}",
                                           "session_start", "-10");
  fixture->satisfaction = create_template (fixture, "satisfaction", "Questionnaire",
                                           "Votre avis sur {formation}",
                                           "Merci {prenom} : {lien}", "session_end", "1");
  fixture->enrollment = create_template (fixture, "enrollment", "Inscription",
                                         "Inscription confirmée", "Bonjour {prenom}",
                                         "enrollment", "0");
  manual = create_template (fixture, "trainer_invitation", "Invitation extranet",
                            "Invitation", "Bonjour {prenom}", "manual", "0");
  disabled = create (fixture, "email_template", "key", "old", "name", "Ancien", "subject", "x",
                     "body", "x", "anchor", "sequence_start", "#offset_days", "-3",
                     "#enabled", "0", NULL);

  fixture->paris = create (fixture, "place", "name", "Paris Bastille",
                           "address", "18 rue de la Roquette", "postal_code", "75011",
                           "city", "Paris", "time_zone", "Europe/Paris", NULL);
  room = create (fixture, "room", "place_id", fixture->paris, "name", "Salle Voltaire", NULL);
  training = create (fixture, "training", "code", "XL2", "title", "Excel intermédiaire", NULL);
  fixture->session = create (fixture, "session", "training_id", training, "#year", "2026",
                             "label", "Excel intermédiaire — Acme", "kind", "intra",
                             "status", "confirmed", "#published", "1",
                             "notice_comment", "Apportez votre ordinateur.",
                             "organisation_comment", "Facturer à Acme.", NULL);
  fixture->q1 = create (fixture, "sequence", "session_id", fixture->session, "#position", "0",
                        "label", "Partie 1", NULL);
  fixture->q2 = create (fixture, "sequence", "session_id", fixture->session, "#position", "1",
                        "label", "Partie 2", "modality", "remote",
                        "url", "https://visio.example.org/xl2", NULL);

  fixture->claire = create (fixture, "trainer", "first_name", "Claire", "last_name", "Dubois",
                            "email", "claire.dubois@example.org", NULL);
  fixture->paul = create (fixture, "trainer", "first_name", "Paul", "last_name", "Martin",
                          "email", "paul.martin@example.org", NULL);
  fixture->hugo = create (fixture, "trainer", "first_name", "Hugo", "last_name", "Petit",
                          "email", "hugo.petit@example.org", NULL);

  a = create (fixture, "slot", "sequence_id", fixture->q1, "session_id", fixture->session,
              "start_at", "2026-05-15T09:00", "end_at", "2026-05-15T12:30",
              "place_id", fixture->paris, "room_id", room,
              "organisation_notice", "Badge à l’accueil.", "place_notice", "Parking rue Keller.",
              "trainer_notice", "Vidéoprojecteur en salle.", NULL);
  b = create (fixture, "slot", "sequence_id", fixture->q1, "session_id", fixture->session,
              "start_at", "2026-05-15T13:30", "end_at", "2026-05-15T17:00",
              "place_id", fixture->paris, "room_id", room,
              "place_notice", "Parking rue Keller.", NULL);
  c = create (fixture, "slot", "sequence_id", fixture->q1, "session_id", fixture->session,
              "start_at", "2026-05-16T09:00", "end_at", "2026-05-16T17:00",
              "place_id", fixture->paris, "room_id", room, NULL);
  staff (fixture, a, fixture->claire, "trainer");
  staff (fixture, b, fixture->claire, "trainer");
  staff (fixture, c, fixture->claire, "trainer");
  staff (fixture, a, fixture->hugo, "host");
  {
    g_autofree char *d = create_slot (fixture, fixture->q2, "2026-06-27T09:00",
                                      "2026-06-27T17:00", NULL);

    staff (fixture, d, fixture->paul, "trainer");
  }

  enroll (fixture, "Hélène", "Garnier", "helene.garnier@example.org", "confirmed");
  enroll (fixture, "Karim", "Benali", "karim.benali@example.org", "withdrawn");
  enroll (fixture, "Zoé", "Lefèvre", NULL, "registered");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->db);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->paris);
  g_free (fixture->session);
  g_free (fixture->q1);
  g_free (fixture->q2);
  g_free (fixture->notice);
  g_free (fixture->reminder);
  g_free (fixture->trainer_file);
  g_free (fixture->satisfaction);
  g_free (fixture->enrollment);
  g_free (fixture->claire);
  g_free (fixture->paul);
  g_free (fixture->hugo);
}

/* A wall-clock time in Paris */
static GDateTime *
paris_time (const char *iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  int year, month, day, hour, minute;

  g_assert_nonnull (tz);
  g_assert_cmpint (sscanf (iso, "%4d-%2d-%2dT%2d:%2d", &year, &month, &day, &hour, &minute), ==, 5);

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static void
prefill (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_session_emails_prefill (fixture->db, fixture->session, &error));
  g_assert_no_error (error);
}

static GPtrArray *
schedule_at (Fixture    *fixture,
             const char *now)
{
  g_autoptr(GDateTime) time = paris_time (now);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = fd_session_emails_schedule (fixture->db, fixture->session, time, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);

  return entries;
}

static const FdSessionEmailEntry *
find_entry (GPtrArray  *entries,
            const char *kind,
            const char *sequence_id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const FdSessionEmailEntry *entry = g_ptr_array_index (entries, i);

      const FdSessionEmailSetting *setting = fd_session_email_entry_get_setting (entry);

      if (g_str_equal (fd_session_email_setting_get_kind (setting), kind) &&
          g_str_equal (fd_session_email_entry_get_sequence_id (entry), sequence_id))
        return entry;
    }

  g_assert_not_reached ();
}

static FdSessionEmailState
state_of (GPtrArray  *entries,
          const char *kind,
          const char *sequence_id)
{
  return fd_session_email_entry_get_state (find_entry (entries, kind, sequence_id));
}

#define assert_state(entries, kind, sequence_id, expected) \
  g_assert_cmpint (state_of ((entries), (kind), (sequence_id)), ==, \
                   FD_SESSION_EMAIL_STATE_##expected)

static gboolean
is_overdue (GPtrArray  *entries,
            const char *kind,
            const char *sequence_id)
{
  return fd_session_email_state_is_overdue (state_of (entries, kind, sequence_id));
}

static char *
setting_id (Fixture    *fixture,
            const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM session_email WHERE session_id = ?1"
                                          " AND kind = '%s' AND deleted = 0", kind);

  return query_text (fixture->db, sql, fixture->session);
}

static guint
queue_at (Fixture    *fixture,
          const char *now)
{
  g_autoptr(GDateTime) time = paris_time (now);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  guint n = G_MAXUINT;

  g_assert_true (fd_session_emails_queue_due (fixture->db, time, &n, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);

  return n;
}

static gint64
count_messages (Fixture *fixture)
{
  return query_int (fixture->db, "SELECT count(*) FROM email_message WHERE session_id = ?1",
                    fixture->session);
}

/* ------------------------------------------------------------------------ */
/* Prefill                                                                  */
/* ------------------------------------------------------------------------ */

static void
test_prefill_defaults (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outbox = fd_database_count_outbox (fixture->db);

  prefill (fixture);

  settings = fd_session_emails_list (fixture->db, fixture->session, &error);
  g_assert_no_error (error);
  /* notice, reminder, trainer file, satisfaction; not the enrollment or
   * manual templates, nor the disabled one */
  g_assert_cmpuint (settings->len, ==, 4);

  {
    const FdSessionEmailSetting *s = g_ptr_array_index (settings, 0);

    g_assert_cmpstr (fd_session_email_setting_get_kind (s), ==, "notice");
    g_assert_cmpstr (fd_session_email_setting_get_name (s), ==, "Convocation");
    g_assert_cmpstr (fd_session_email_setting_get_template_id (s), ==, fixture->notice);
    g_assert_cmpstr (fd_session_email_setting_get_session_id (s), ==, fixture->session);
    g_assert_true (fd_session_email_setting_get_enabled (s));
    g_assert_cmpstr (fd_session_email_setting_get_anchor (s), ==, "sequence_start");
    g_assert_cmpint (fd_session_email_setting_get_offset_minutes (s), ==, -7 * 24 * 60);
    g_assert_cmpstr (fd_session_email_setting_get_recipients (s), ==, "trainees");
    g_assert_null (fd_session_email_setting_get_cc (s));
    g_assert_null (fd_session_email_setting_get_template_problem (s));
    g_assert_cmpuint (fd_session_email_setting_get_n_attachments (s), ==, 0);
    g_assert_cmpstr (fd_session_email_setting_get_subject (s), ==, "Convocation — {formation}");
    g_assert_cmpint (fd_session_email_setting_get_revision (s), >, 0);
  }
  {
    const FdSessionEmailSetting *s = g_ptr_array_index (settings, 1);

    g_assert_cmpstr (fd_session_email_setting_get_kind (s), ==, "reminder");
    g_assert_cmpint (fd_session_email_setting_get_offset_minutes (s), ==, -24 * 60);
    g_assert_cmpstr (fd_session_email_setting_get_recipients (s), ==, "trainees");
  }
  {
    const FdSessionEmailSetting *s = g_ptr_array_index (settings, 2);

    g_assert_cmpstr (fd_session_email_setting_get_kind (s), ==, "trainer_file");
    g_assert_cmpstr (fd_session_email_setting_get_anchor (s), ==, "sequence_start");
    g_assert_cmpint (fd_session_email_setting_get_offset_minutes (s), ==, -10 * 24 * 60);
    g_assert_cmpstr (fd_session_email_setting_get_recipients (s), ==, "trainers");
  }
  {
    const FdSessionEmailSetting *s = g_ptr_array_index (settings, 3);

    g_assert_cmpstr (fd_session_email_setting_get_kind (s), ==, "satisfaction");
    g_assert_cmpstr (fd_session_email_setting_get_anchor (s), ==, "sequence_end");
    g_assert_cmpint (fd_session_email_setting_get_offset_minutes (s), ==, 24 * 60);
  }

  /* One user operation: one batch in the sync outbox */
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox + 4);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(DISTINCT batch_id) FROM outbox"
                              " WHERE name LIKE 'session_email.%'",
                              NULL), ==, 1);
}

static void
test_prefill_idempotent (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *reminder = NULL;
  g_autoptr(FdChange) removal = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outbox;

  prefill (fixture);
  outbox = fd_database_count_outbox (fixture->db);

  /* Again: nothing written at all */
  prefill (fixture);
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM session_email WHERE session_id = ?1",
                              fixture->session), ==, 4);

  /* A setting the planner removed is not brought back */
  reminder = setting_id (fixture, "reminder");
  removal = fd_change_new_delete ("session_email", reminder, 0);
  g_assert_true (fd_database_apply (fixture->db, removal, &error));
  g_assert_no_error (error);
  prefill (fixture);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM session_email"
                              " WHERE session_id = ?1 AND deleted = 0",
                              fixture->session), ==, 3);

  /* A template added later is added to the session */
  {
    g_autofree char *cold = create_template (fixture, "cold_survey", "À froid", "À froid",
                                             "Bonjour {prenom}", "session_end", "60");
    g_autofree char *sql = NULL;

    prefill (fixture);
    g_assert_cmpint (query_int (fixture->db,
                                "SELECT count(*) FROM session_email"
                                " WHERE session_id = ?1 AND deleted = 0",
                                fixture->session), ==, 4);
    g_assert_cmpint (query_int (fixture->db,
                                "SELECT offset_minutes FROM session_email WHERE template_id = ?1",
                                cold), ==, 60 * 24 * 60);
  }

  /* Within a transaction (the demo, an import), the same */
  {
    g_autofree char *survey = create_template (fixture, "survey", "Enquête", "Enquête",
                                               "Bonjour {prenom}", "sequence_start", "2");

    g_assert_true (fd_database_begin (fixture->db, &error));
    prefill (fixture);
    prefill (fixture);
    g_assert_true (fd_database_commit (fixture->db, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int (fixture->db,
                                "SELECT count(*) FROM session_email WHERE template_id = ?1",
                                survey), ==, 1);
    g_assert_cmpint (query_int (fixture->db,
                                "SELECT count(*) FROM session_email"
                                " WHERE session_id = ?1 AND deleted = 0",
                                fixture->session), ==, 5);
  }
}

static void
test_prefill_inter (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GError) error = NULL;

  /* Inter-company notices go from each enrollment (seed) */
  update (fixture, "session", fixture->session, "kind", "inter");
  prefill (fixture);

  settings = fd_session_emails_list (fixture->db, fixture->session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (settings->len, ==, 3);
  for (guint i = 0; i < settings->len; i++)
    g_assert_cmpstr (fd_session_email_setting_get_kind (g_ptr_array_index (settings, i)), !=,
                     "notice");
}

static void
test_prefill_missing_session (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) settings = NULL;

  g_assert_false (fd_session_emails_prefill (fixture->db, "no-such-session", &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  entries = fd_session_emails_schedule (fixture->db, "no-such-session", NULL, &error);
  g_assert_null (entries);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  settings = fd_session_emails_list (fixture->db, "no-such-session", &error);
  g_assert_null (settings);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------------ */
/* Schedule                                                                 */
/* ------------------------------------------------------------------------ */

static void
test_schedule_seed_example (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  const FdSessionEmailEntry *first;
  const FdSessionEmailEntry *second;
  g_autoptr(GDateTime) expected = paris_time ("2026-05-05T09:00");

  prefill (fixture);
  entries = schedule_at (fixture, "2026-04-01T12:00");

  /* Four settings × two sequences, settings first */
  g_assert_cmpuint (entries->len, ==, 8);
  g_assert_cmpstr (fd_session_email_entry_get_sequence_id (g_ptr_array_index (entries, 0)), ==,
                   fixture->q1);
  g_assert_cmpstr (fd_session_email_entry_get_sequence_id (g_ptr_array_index (entries, 1)), ==,
                   fixture->q2);

  /* The seed: a trainer file 10 days before, sequences on 15 May and
   * 27 June, leaves on 5 May and on 17 June */
  first = find_entry (entries, "trainer_file", fixture->q1);
  second = find_entry (entries, "trainer_file", fixture->q2);
  g_assert_cmpstr (fd_session_email_entry_get_anchor_at (first), ==, "2026-05-15T09:00");
  g_assert_cmpstr (fd_session_email_entry_get_send_at (first), ==, "2026-05-05T09:00");
  g_assert_cmpstr (fd_session_email_entry_get_send_at (second), ==, "2026-06-17T09:00");
  g_assert_cmpstr (fd_session_email_entry_get_time_zone (first), ==, "Europe/Paris");
  g_assert_cmpint (fd_session_email_entry_get_scheduled_at (first), ==,
                   g_date_time_to_unix (expected) * G_USEC_PER_SEC);
  g_assert_cmpstr (fd_session_email_entry_get_sequence_label (second), ==, "Partie 2");
  g_assert_cmpint (fd_session_email_entry_get_sequence_position (second), ==, 1);
  g_assert_false (fd_session_email_entry_get_prework (first));
  g_assert_false (fd_session_email_entry_get_draft (first));

  g_assert_cmpint (fd_session_email_entry_get_state (first), ==, FD_SESSION_EMAIL_STATE_UPCOMING);
  g_assert_false (fd_session_email_state_is_overdue (fd_session_email_entry_get_state (first)));

  /* Recipients: the sequence's trainer, not the host */
  g_assert_cmpuint (fd_session_email_entry_get_n_recipients (first), ==, 1);
  g_assert_cmpuint (fd_session_email_entry_get_n_recipients (second), ==, 1);
  g_assert_cmpuint (fd_session_email_entry_get_n_messages (first), ==, 0);

  /* Trainees: Hélène; Zoé has no address, Karim withdrew */
  first = find_entry (entries, "notice", fixture->q1);
  g_assert_cmpstr (fd_session_email_entry_get_send_at (first), ==, "2026-05-08T09:00");
  g_assert_cmpuint (fd_session_email_entry_get_n_recipients (first), ==, 1);
  g_assert_cmpuint (fd_session_email_entry_get_n_without_address (first), ==, 1);

  first = find_entry (entries, "reminder", fixture->q2);
  g_assert_cmpstr (fd_session_email_entry_get_send_at (first), ==, "2026-06-26T09:00");
}

static void
test_schedule_sequence_end (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *id = NULL;

  prefill (fixture);
  entries = schedule_at (fixture, "2026-04-01T12:00");

  /* The last slot's end, plus one day */
  g_assert_cmpstr (fd_session_email_entry_get_anchor_at (find_entry (entries, "satisfaction",
                                                                     fixture->q1)), ==,
                   "2026-05-16T17:00");
  g_assert_cmpstr (fd_session_email_entry_get_send_at (find_entry (entries, "satisfaction",
                                                                   fixture->q1)), ==,
                   "2026-05-17T17:00");
  g_assert_cmpstr (fd_session_email_entry_get_send_at (find_entry (entries, "satisfaction",
                                                                   fixture->q2)), ==,
                   "2026-06-28T17:00");
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A setting edited to two hours before the end */
  id = setting_id (fixture, "satisfaction");
  update (fixture, "session_email", id, "#offset_minutes", "-120");
  entries = schedule_at (fixture, "2026-04-01T12:00");
  g_assert_cmpstr (fd_session_email_entry_get_send_at (find_entry (entries, "satisfaction",
                                                                   fixture->q1)), ==,
                   "2026-05-16T15:00");
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* And to the start */
  update (fixture, "session_email", id, "anchor", "sequence_start");
  entries = schedule_at (fixture, "2026-04-01T12:00");
  g_assert_cmpstr (fd_session_email_entry_get_send_at (find_entry (entries, "satisfaction",
                                                                   fixture->q1)), ==,
                   "2026-05-15T07:00");
}

static void
test_schedule_prework (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *prework = NULL;
  g_autofree char *slot = NULL;
  const FdSessionEmailEntry *entry;

  prework = create (fixture, "sequence", "session_id", fixture->session, "#position", "2",
                    "label", "Pré-work", "#prework", "1", "modality", "e_learning", NULL);
  slot = create_slot (fixture, prework, "2026-05-04T09:00", "2026-05-04T10:00", NULL);
  prefill (fixture);

  entries = schedule_at (fixture, "2026-05-20T12:00");
  g_assert_cmpuint (entries->len, ==, 12);
  for (guint i = 0; i < entries->len; i++)
    {
      entry = g_ptr_array_index (entries, i);
      if (g_strcmp0 (fd_session_email_entry_get_sequence_id (entry), prework) != 0)
        continue;
      /* A calendar invitation only: no time, no email */
      g_assert_true (fd_session_email_entry_get_prework (entry));
      g_assert_cmpint (fd_session_email_entry_get_state (entry), ==,
                       FD_SESSION_EMAIL_STATE_PREWORK);
      g_assert_null (fd_session_email_entry_get_send_at (entry));
      g_assert_cmpint (fd_session_email_entry_get_scheduled_at (entry), ==, 0);
      g_assert_false (fd_session_email_state_is_overdue (fd_session_email_entry_get_state (entry)));
    }

  /* Nothing queued for it, although its notice, reminder and trainer
   * file would all be due by now */
  g_assert_cmpuint (queue_at (fixture, "2026-05-04T08:00"), ==, 0);
  g_assert_cmpint (count_messages (fixture), ==, 0);
}

static void
test_schedule_states (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *id = NULL;
  g_autofree char *empty = NULL;

  prefill (fixture);

  /* The day after the trainer file's time: due (red); the rest to come */
  entries = schedule_at (fixture, "2026-05-06T10:00");
  assert_state (entries, "trainer_file", fixture->q1, DUE);
  g_assert_true (is_overdue (entries, "trainer_file", fixture->q1));
  assert_state (entries, "trainer_file", fixture->q2, UPCOMING);
  assert_state (entries, "notice", fixture->q1, UPCOMING);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Exactly at its time: due */
  entries = schedule_at (fixture, "2026-05-05T09:00");
  assert_state (entries, "trainer_file", fixture->q1, DUE);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = schedule_at (fixture, "2026-05-05T08:59");
  assert_state (entries, "trainer_file", fixture->q1, UPCOMING);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Once the sequence started, what was meant to come before it is missed
   * (still red); what comes after it has a few days' grace */
  entries = schedule_at (fixture, "2026-05-18T10:00");
  assert_state (entries, "trainer_file", fixture->q1, MISSED);
  assert_state (entries, "notice", fixture->q1, MISSED);
  g_assert_true (is_overdue (entries, "notice", fixture->q1));
  assert_state (entries, "satisfaction", fixture->q1, DUE);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = schedule_at (fixture, "2026-05-25T10:00");
  assert_state (entries, "satisfaction", fixture->q1, MISSED);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Turned off */
  id = setting_id (fixture, "trainer_file");
  update (fixture, "session_email", id, "#enabled", "0");
  entries = schedule_at (fixture, "2026-05-06T10:00");
  assert_state (entries, "trainer_file", fixture->q1, DISABLED);
  g_assert_false (is_overdue (entries, "trainer_file", fixture->q1));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A sequence without slots has no date */
  empty = create (fixture, "sequence", "session_id", fixture->session, "#position", "3",
                  "label", "Partie 3", NULL);
  entries = schedule_at (fixture, "2026-05-06T10:00");
  assert_state (entries, "notice", empty, NO_DATE);
  g_assert_null (fd_session_email_entry_get_send_at (find_entry (entries, "notice", empty)));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A cancelled sequence sends nothing */
  update (fixture, "sequence", fixture->q2, "status", "cancelled");
  entries = schedule_at (fixture, "2026-06-20T10:00");
  assert_state (entries, "reminder", fixture->q2, CANCELLED);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A template deleted: nothing to send */
  {
    g_autoptr(FdChange) removal = fd_change_new_delete ("email_template", fixture->notice, 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (fd_database_apply (fixture->db, removal, &error));
    g_assert_no_error (error);
    entries = schedule_at (fixture, "2026-05-09T10:00");
    assert_state (entries, "notice", fixture->q1, NO_TEMPLATE);
  }
}

static void
test_schedule_time_zones (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *reunion = NULL;
  g_autofree char *q3 = NULL;
  g_autofree char *q4 = NULL;
  g_autofree char *s3 = NULL;
  g_autofree char *s4 = NULL;
  const FdSessionEmailEntry *entry;
  g_autoptr(GDateTime) utc = NULL;

  reunion = create (fixture, "place", "name", "Saint-Denis", "time_zone", "Indian/Reunion", NULL);
  q3 = create (fixture, "sequence", "session_id", fixture->session, "#position", "2",
               "label", "À La Réunion", NULL);
  s3 = create_slot (fixture, q3, "2026-09-10T08:30", "2026-09-10T12:00", reunion);
  /* Ten days before 2 April crosses the change to summer time: the
   * wall-clock hour is kept */
  q4 = create (fixture, "sequence", "session_id", fixture->session, "#position", "3",
               "label", "Avant l’été", NULL);
  s4 = create_slot (fixture, q4, "2026-04-02T09:00", "2026-04-02T12:00", fixture->paris);
  prefill (fixture);

  entries = schedule_at (fixture, "2026-01-01T00:00");

  entry = find_entry (entries, "trainer_file", q3);
  g_assert_cmpstr (fd_session_email_entry_get_send_at (entry), ==, "2026-08-31T08:30");
  g_assert_cmpstr (fd_session_email_entry_get_time_zone (entry), ==, "Indian/Reunion");
  /* 08:30 at UTC+4 is 04:30 UTC */
  utc = g_date_time_new_utc (2026, 8, 31, 4, 30, 0);
  g_assert_cmpint (fd_session_email_entry_get_scheduled_at (entry), ==,
                   g_date_time_to_unix (utc) * G_USEC_PER_SEC);
  g_clear_pointer (&utc, g_date_time_unref);

  entry = find_entry (entries, "trainer_file", q4);
  g_assert_cmpstr (fd_session_email_entry_get_send_at (entry), ==, "2026-03-23T09:00");
  /* Still winter time then: UTC+1 */
  utc = g_date_time_new_utc (2026, 3, 23, 8, 0, 0);
  g_assert_cmpint (fd_session_email_entry_get_scheduled_at (entry), ==,
                   g_date_time_to_unix (utc) * G_USEC_PER_SEC);
}

/* ------------------------------------------------------------------------ */
/* Queue                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_queue_trainer_file (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *cc = NULL;
  g_autofree char *bcc = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GDateTime) expected = paris_time ("2026-05-05T09:00");
  gint64 outbox;

  prefill (fixture);
  id = setting_id (fixture, "trainer_file");
  update (fixture, "session_email", id, "cc", "planning@horizon.example.org");
  update (fixture, "session_email", id, "bcc", "archive@horizon.example.org");

  /* Before its time: nothing */
  g_assert_cmpuint (queue_at (fixture, "2026-05-05T08:00"), ==, 0);
  g_assert_cmpint (count_messages (fixture), ==, 0);

  outbox = fd_database_count_outbox (fixture->db);
  g_assert_cmpuint (queue_at (fixture, "2026-05-06T10:00"), ==, 1);
  /* One write, through the write path */
  g_assert_cmpint (fd_database_count_outbox (fixture->db), ==, outbox + 1);

  message = query_text (fixture->db, "SELECT id FROM email_message WHERE session_id = ?1",
                        fixture->session);
  g_assert_nonnull (message);
  g_assert_cmpstr ((template_id = query_text (fixture->db,
                                              "SELECT template_id FROM email_message WHERE id = ?1",
                                              message)), ==, fixture->trainer_file);
  g_assert_cmpint (query_int (fixture->db, "SELECT scheduled_at FROM email_message WHERE id = ?1",
                              message), ==, g_date_time_to_unix (expected) * G_USEC_PER_SEC);
  g_assert_cmpstr ((status = query_text (fixture->db,
                                         "SELECT status FROM email_message WHERE id = ?1",
                                         message)), ==, "scheduled");
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT sent_at IS NULL FROM email_message WHERE id = ?1", message),
                   ==, 1);
  {
    g_autofree char *recipient = query_text (fixture->db,
                                             "SELECT recipient FROM email_message WHERE id = ?1",
                                             message);

    g_assert_cmpstr (recipient, ==, "claire.dubois@example.org");
  }
  cc = query_text (fixture->db, "SELECT cc FROM email_message WHERE id = ?1", message);
  bcc = query_text (fixture->db, "SELECT bcc FROM email_message WHERE id = ?1", message);
  g_assert_cmpstr (cc, ==, "planning@horizon.example.org");
  g_assert_cmpstr (bcc, ==, "archive@horizon.example.org");

  subject = query_text (fixture->db, "SELECT subject FROM email_message WHERE id = ?1", message);
  body = query_text (fixture->db, "SELECT body FROM email_message WHERE id = ?1", message);
  g_assert_true (g_str_has_prefix (subject, "Dossier formateur — 2026-"));
  g_assert_cmpstr (body, ==,
                   "Bonjour Claire Dubois,\n"
                   "Friday 15 May 2026: 09:00 – 12:30, 13:30 – 17:00\n"
                   "Saturday 16 May 2026: 09:00 – 17:00\n"
                   "18 rue de la Roquette, 75011 Paris");

  /* Queued, then idempotent */
  entries = schedule_at (fixture, "2026-05-06T10:00");
  assert_state (entries, "trainer_file", fixture->q1, QUEUED);
  g_assert_cmpuint (fd_session_email_entry_get_n_messages (find_entry (entries, "trainer_file",
                                                                       fixture->q1)), ==, 1);
  g_assert_false (is_overdue (entries, "trainer_file", fixture->q1));
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_cmpuint (queue_at (fixture, "2026-05-06T10:00"), ==, 0);
  g_assert_cmpuint (queue_at (fixture, "2026-05-07T10:00"), ==, 0);
  g_assert_cmpint (count_messages (fixture), ==, 1);

  /* Delivered (by the delivery issue): sent */
  update (fixture, "email_message", message, "status", "sent");
  entries = schedule_at (fixture, "2026-05-06T10:00");
  assert_state (entries, "trainer_file", fixture->q1, SENT);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A failure shows */
  update (fixture, "email_message", message, "status", "failed");
  entries = schedule_at (fixture, "2026-05-06T10:00");
  assert_state (entries, "trainer_file", fixture->q1, FAILED);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A message deleted from the outbox is never queued again */
  {
    g_autoptr(FdChange) removal = fd_change_new_delete ("email_message", message, 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (fd_database_apply (fixture->db, removal, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (queue_at (fixture, "2026-05-06T11:00"), ==, 0);
    entries = schedule_at (fixture, "2026-05-06T11:00");
    g_assert_cmpint (state_of (entries, "trainer_file", fixture->q1), ==,
                     FD_SESSION_EMAIL_STATE_CANCELLED);
  }
}

static void
test_queue_trainees (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *body = NULL;

  prefill (fixture);

  /* The notice of part 1 (8 May 09:00) and the trainer file (5 May) */
  g_assert_cmpuint (queue_at (fixture, "2026-05-08T09:30"), ==, 2);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM email_message WHERE template_id = ?1",
                              fixture->notice), ==, 1);
  body = query_text (fixture->db, "SELECT body FROM email_message WHERE template_id = ?1",
                     fixture->notice);
  g_assert_cmpstr (body, ==,
                   "Bonjour Hélène,\n"
                   "Rendez-vous le Friday 15 May 2026 à 09:00, Paris Bastille.\n"
                   "Apportez votre ordinateur.");

  /* A late enrollment gets its notice; the others are not sent again */
  enroll (fixture, "Inès", "Roux", "Ines.Roux@Example.ORG", "registered");
  entries = schedule_at (fixture, "2026-05-09T09:30");
  assert_state (entries, "notice", fixture->q1, DUE);
  g_assert_cmpuint (fd_session_email_entry_get_n_recipients (find_entry (entries, "notice",
                                                                         fixture->q1)), ==, 2);
  g_assert_cmpuint (fd_session_email_entry_get_n_messages (find_entry (entries, "notice",
                                                                       fixture->q1)), ==, 1);
  g_assert_cmpuint (queue_at (fixture, "2026-05-09T09:30"), ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM email_message"
                              " WHERE recipient = 'Ines.Roux@example.org'",
                              NULL), ==, 1);
  g_assert_cmpuint (queue_at (fixture, "2026-05-09T09:30"), ==, 0);
  g_assert_cmpint (count_messages (fixture), ==, 3);

  /* A withdrawn trainee and one without an address get nothing */
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM email_message WHERE recipient LIKE 'karim%'",
                              NULL), ==, 0);

  /* Addresses given as such receive it too, each once */
  {
    g_autofree char *id = setting_id (fixture, "reminder");

    update (fixture, "session_email", id, "recipients",
            "trainees, direction@acme.example.org, helene.garnier@example.org");
    g_assert_cmpuint (queue_at (fixture, "2026-05-14T09:30"), ==, 3);
    g_assert_cmpint (query_int (fixture->db,
                                "SELECT count(*) FROM email_message WHERE template_id = ?1",
                                fixture->reminder), ==, 3);
  }
}

static void
test_queue_drafts (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;

  prefill (fixture);
  update (fixture, "session", fixture->session, "#published", "0");

  /* A draft sends nothing, but shows what is late */
  g_assert_cmpuint (queue_at (fixture, "2026-05-08T09:30"), ==, 0);
  g_assert_cmpint (count_messages (fixture), ==, 0);
  entries = schedule_at (fixture, "2026-05-08T09:30");
  assert_state (entries, "notice", fixture->q1, DUE);
  g_assert_true (fd_session_email_entry_get_draft (find_entry (entries, "notice", fixture->q1)));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Published: sent */
  update (fixture, "session", fixture->session, "#published", "1");
  g_assert_cmpuint (queue_at (fixture, "2026-05-08T09:30"), ==, 2);

  /* Cancelled: nothing more */
  update (fixture, "session", fixture->session, "status", "cancelled");
  g_assert_cmpuint (queue_at (fixture, "2026-05-14T09:30"), ==, 0);
  entries = schedule_at (fixture, "2026-05-14T09:30");
  assert_state (entries, "reminder", fixture->q1, CANCELLED);
  assert_state (entries, "notice", fixture->q1, QUEUED);
}

static void
test_queue_bad_template (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GDateTime) time = paris_time ("2026-05-08T09:30");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  const FdSessionEmailSetting *notice;
  guint n = 0;

  update (fixture, "email_template", fixture->notice, "body", "Bonjour {prenom,\nà bientôt");
  prefill (fixture);

  settings = fd_session_emails_list (fixture->db, fixture->session, &error);
  g_assert_no_error (error);
  notice = g_ptr_array_index (settings, 0);
  g_assert_cmpstr (fd_session_email_setting_get_kind (notice), ==, "notice");
  g_assert_nonnull (fd_session_email_setting_get_template_problem (notice));
  g_assert_nonnull (strstr (fd_session_email_setting_get_template_problem (notice), "Line 1"));

  /* Refused and reported; the other emails still go */
  g_assert_true (fd_session_emails_queue_due (fixture->db, time, &n, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], "Convocation"));
  g_assert_nonnull (strstr (problems[0], "“{”"));
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM email_message WHERE template_id = ?1",
                              fixture->notice), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Rendering                                                                */
/* ------------------------------------------------------------------------ */

static void
test_render_every_tag (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char * const *tags = fd_session_emails_get_tags ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autofree char *code = query_text (fixture->db, "SELECT code FROM session WHERE id = ?1",
                                      fixture->session);
  static const char * const expected[] = {
    "prenom=Hélène",
    "nom=Garnier",
    "session=Excel intermédiaire — Acme",
    NULL, /* code_session */
    "formation=Excel intermédiaire",
    "sequence=Partie 1",
    "date_debut=Friday 15 May 2026",
    "date_fin=Saturday 16 May 2026",
    "heure_debut=09:00",
    "heure_fin=17:00",
    "horaires=Friday 15 May 2026: 09:00 – 12:30, 13:30 – 17:00",
    "Saturday 16 May 2026: 09:00 – 17:00",
    "lieu=Paris Bastille",
    "salle=Salle Voltaire",
    "adresse=18 rue de la Roquette, 75011 Paris",
    "lien=",
    "formateur=Claire Dubois",
    "organisme=Horizon Compétences",
    "commentaire_convocation=Apportez votre ordinateur.",
    "commentaire_organisme=Facturer à Acme.",
    "Badge à l’accueil.",
    "commentaire_lieu=Parking rue Keller.",
    "commentaire_formateur=Vidéoprojecteur en salle.",
  };
  guint line;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_assert_nonnull (fd_session_emails_get_tag_description (tags[i]));
      g_string_append_printf (text, "%s={%s}\n", tags[i], tags[i]);
    }
  g_assert_null (fd_session_emails_get_tag_description ("inconnu"));
  g_assert_true (fd_session_emails_check_template (text->str, &unknown, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);

  update (fixture, "email_template", fixture->notice, "body", text->str);
  update (fixture, "email_template", fixture->notice, "subject",
          "{formation}\n— {prenom} {inconnu}");
  prefill (fixture);

  entries = schedule_at (fixture, "2026-05-01T00:00");
  g_assert_true (fd_session_emails_preview (fixture->db,
                                            (FdSessionEmailEntry *) find_entry (entries, "notice",
                                                                                fixture->q1),
                                            &subject, &body, &error));
  g_assert_no_error (error);

  /* One line, unknown tags as written */
  g_assert_cmpstr (subject, ==, "Excel intermédiaire — Hélène {inconnu}");

  lines = g_strsplit (body, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 1);
  for (line = 0; line < G_N_ELEMENTS (expected); line++)
    {
      if (expected[line] == NULL)
        {
          g_autofree char *wanted = g_strconcat ("code_session=", code, NULL);

          g_assert_cmpstr (lines[line], ==, wanted);
        }
      else
        g_assert_cmpstr (lines[line], ==, expected[line]);
    }
  g_assert_cmpstr (lines[line], ==, "");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);

  /* The remote sequence: its link, no place */
  g_assert_true (fd_session_emails_preview (fixture->db,
                                            (FdSessionEmailEntry *) find_entry (entries, "notice",
                                                                                fixture->q2),
                                            &subject, &body, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (body, "\nlien=https://visio.example.org/xl2\n"));
  g_assert_nonnull (strstr (body, "\nlieu=Online\n"));
  g_assert_nonnull (strstr (body, "\nformateur=Paul Martin\n"));
  g_assert_nonnull (strstr (body, "\nadresse=\n"));
}

static void
test_render_unknown_tags (void)
{
  g_auto(GStrv) unknown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_session_emails_check_template ("Bonjour {prenom} {Prenom} {inconnu}, "
                                                   "{{inconnu}} {inconnu} {} {date_debut}",
                                                   &unknown, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (unknown), ==, 3);
  g_assert_cmpstr (unknown[0], ==, "Prenom");
  g_assert_cmpstr (unknown[1], ==, "inconnu");
  g_assert_cmpstr (unknown[2], ==, "");

  g_clear_pointer (&unknown, g_strfreev);
  g_assert_true (fd_session_emails_check_template ("Rien à remplacer", &unknown, &error));
  g_assert_nonnull (unknown);
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);

  /* Refused */
  g_clear_pointer (&unknown, g_strfreev);
  g_assert_false (fd_session_emails_check_template ("Bonjour\n{prenom", &unknown, &error));
  g_assert_error (error, FD_TEMPLATE_ERROR, FD_TEMPLATE_ERROR_UNTERMINATED);
  g_assert_null (unknown);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

/* ------------------------------------------------------------------------ */
/* Settings                                                                 */
/* ------------------------------------------------------------------------ */

static void
test_check_change (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  prefill (fixture);
  id = setting_id (fixture, "notice");

  {
    gint64 revision = query_int (fixture->db, "SELECT revision FROM session_email WHERE id = ?1",
                                 id);
    g_autoptr(FdChange) change = fd_change_new_update ("session_email", id, revision);
    g_autofree char *recipients = NULL;
    g_autofree char *cc = NULL;

    fd_change_set_string (change, "recipients", "trainees;  Direction@ACME.example.org\ntrainers");
    fd_change_set_string (change, "cc", " rh@acme.example.org ; compta@acme.example.org ");
    g_assert_true (fd_session_emails_check_change (change, &error));
    g_assert_no_error (error);
    g_assert_true (fd_database_apply (fixture->db, change, &error));
    g_assert_no_error (error);

    recipients = query_text (fixture->db, "SELECT recipients FROM session_email WHERE id = ?1", id);
    cc = query_text (fixture->db, "SELECT cc FROM session_email WHERE id = ?1", id);
    g_assert_cmpstr (recipients, ==, "trainees, Direction@acme.example.org, trainers");
    g_assert_cmpstr (cc, ==, "rh@acme.example.org, compta@acme.example.org");
  }

  {
    g_autoptr(FdChange) change = fd_change_new_update ("session_email", id, 0);

    fd_change_set_string (change, "bcc", "archives");
    g_assert_false (fd_session_emails_check_change (change, &error));
    g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
    g_assert_cmpstr (fd_validation_error_get_field (error), ==, "bcc");
    g_assert_nonnull (strstr (error->message, "archives"));
    g_clear_error (&error);
  }

  {
    g_autoptr(FdChange) change = fd_change_new_update ("session_email", id, 0);

    fd_change_set_string (change, "recipients", " ; ");
    g_assert_false (fd_session_emails_check_change (change, &error));
    g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED);
    g_assert_cmpstr (fd_validation_error_get_field (error), ==, "recipients");
    g_clear_error (&error);
  }

  {
    g_autoptr(FdChange) change = fd_change_new_update ("session_email", id, 0);

    fd_change_set_string (change, "recipients", "everybody");
    g_assert_false (fd_session_emails_check_change (change, &error));
    g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
    g_assert_cmpstr (fd_validation_error_get_field (error), ==, "recipients");
    g_clear_error (&error);
  }

  {
    g_autoptr(FdChange) change = fd_change_new_update ("session_email", id, 0);

    fd_change_set_int (change, "cc", 3);
    g_assert_false (fd_session_emails_check_change (change, &error));
    g_assert_cmpstr (fd_validation_error_get_field (error), ==, "cc");
    g_clear_error (&error);
  }

  {
    /* Other tables and deletions pass */
    g_autoptr(FdChange) trainee = fd_change_new_update ("trainee", "x", 0);
    g_autoptr(FdChange) removal = fd_change_new_delete ("session_email", id, 0);

    fd_change_set_string (trainee, "cc", "not checked here");
    g_assert_true (fd_session_emails_check_change (trainee, &error));
    g_assert_true (fd_session_emails_check_change (removal, &error));
    g_assert_no_error (error);
  }
}

static void
test_format_delay (void)
{
  static const struct
  {
    const char *anchor;
    gint64 offset;
    const char *expected;
  } cases[] = {
    { "sequence_start", -10 * 24 * 60, "10 days before the start" },
    { "sequence_start", -24 * 60, "1 day before the start" },
    { "sequence_end", 24 * 60, "1 day after the end" },
    { "sequence_end", -120, "2 hours before the end" },
    { "sequence_start", 90, "90 minutes after the start" },
    { "sequence_start", 0, "At the start" },
    { "sequence_end", 0, "At the end" },
    { NULL, -60, "1 hour before the start" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fd_session_email_format_delay (cases[i].anchor, cases[i].offset);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  for (int s = FD_SESSION_EMAIL_STATE_UPCOMING; s <= FD_SESSION_EMAIL_STATE_PREWORK; s++)
    {
      g_assert_nonnull (fd_session_email_state_to_string (s));
      g_assert_nonnull (fd_session_email_state_get_label (s));
    }
  g_assert_cmpstr (fd_session_email_state_to_string (FD_SESSION_EMAIL_STATE_DUE), ==, "due");
  g_assert_cmpstr (fd_session_email_state_to_string (FD_SESSION_EMAIL_STATE_NO_TEMPLATE), ==,
                   "no_template");
}

/* ------------------------------------------------------------------------ */
/* The renderer                                                             */
/* ------------------------------------------------------------------------ */

static GHashTable *
make_values (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, (gpointer) "prenom", (gpointer) "Hélène");
  g_hash_table_insert (values, (gpointer) "nom", (gpointer) "Garnier");
  g_hash_table_insert (values, (gpointer) "vide", NULL);
  g_hash_table_insert (values, (gpointer) "piege", (gpointer) "{prenom} {{");
  g_hash_table_insert (values, (gpointer) "lignes", (gpointer) "a\r\nb\n\nc");
  g_hash_table_insert (values, (gpointer) "binaire", (gpointer) "caf\xc3");

  return values;
}

static char *
render (const char      *text,
        FdTemplateFlags  flags)
{
  g_autoptr(GHashTable) values = make_values ();
  g_autoptr(GError) error = NULL;
  char *out = fd_template_render (text, values, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (out);

  return out;
}

static void
assert_render (const char *text,
               const char *expected)
{
  g_autofree char *out = render (text, FD_TEMPLATE_FLAGS_NONE);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_template_render (void)
{
  assert_render ("", "");
  assert_render ("Bonjour", "Bonjour");
  assert_render ("Bonjour {prenom} {nom} !", "Bonjour Hélène Garnier !");
  assert_render ("{prenom}{nom}", "HélèneGarnier");
  assert_render ("[{vide}]", "[]");
  /* Escapes */
  assert_render ("{{prenom}}", "{prenom}");
  assert_render ("{{ et }} et } seul", "{ et } et } seul");
  assert_render ("{{{prenom}}}", "{Hélène}");
  /* Unknown tags stay as written */
  assert_render ("{inconnu} {Prenom} {}", "{inconnu} {Prenom} {}");
  /* Values are not templates */
  assert_render ("{piege}", "{prenom} {{");
  /* Values that are not UTF-8 are made so */
  {
    g_autofree char *out = render ("{binaire}", FD_TEMPLATE_FLAGS_NONE);

    g_assert_true (g_utf8_validate (out, -1, NULL));
    g_assert_true (g_str_has_prefix (out, "caf"));
  }
  /* One line for a subject */
  {
    g_autofree char *out = render ("  Objet\n: {lignes} \n", FD_TEMPLATE_FLAGS_SINGLE_LINE);

    g_assert_cmpstr (out, ==, "Objet : a b c");
  }
  assert_render ("{lignes}", "a\r\nb\n\nc");
}

static void
assert_refused (const char      *text,
                FdTemplateError  code,
                const char      *fragment)
{
  g_autoptr(GHashTable) values = make_values ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = fd_template_render (text, values, FD_TEMPLATE_FLAGS_NONE, &error);
  g_auto(GStrv) unknown = NULL;

  g_assert_null (out);
  g_assert_error (error, FD_TEMPLATE_ERROR, (int) code);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
  g_clear_error (&error);

  g_assert_false (fd_template_check (text, NULL, &unknown, &error));
  g_assert_error (error, FD_TEMPLATE_ERROR, (int) code);
  g_assert_null (unknown);
}

static void
test_template_refused (void)
{
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GString) tag = g_string_new ("{");

  assert_refused ("{", FD_TEMPLATE_ERROR_UNTERMINATED, "Line 1");
  assert_refused ("Bonjour {prenom", FD_TEMPLATE_ERROR_UNTERMINATED, "Line 1");
  assert_refused ("a\nb\nc {prenom\n}", FD_TEMPLATE_ERROR_UNTERMINATED, "Line 3");
  assert_refused ("{pre{nom}", FD_TEMPLATE_ERROR_UNTERMINATED, NULL);
  assert_refused ("{prenom}\r\n{nom\r}", FD_TEMPLATE_ERROR_UNTERMINATED, "Line 2");
  assert_refused ("fin {", FD_TEMPLATE_ERROR_UNTERMINATED, NULL);
  assert_refused ("{{{", FD_TEMPLATE_ERROR_UNTERMINATED, NULL);

  /* A tag name is short */
  for (guint i = 0; i < FD_TEMPLATE_MAX_TAG_LENGTH; i++)
    g_string_append_c (tag, 'a');
  g_string_append_c (tag, '}');
  {
    g_autofree char *out = render (tag->str, FD_TEMPLATE_FLAGS_NONE);

    g_assert_cmpstr (out, ==, tag->str);
  }
  g_string_insert_c (tag, 1, 'a');
  assert_refused (tag->str, FD_TEMPLATE_ERROR_UNTERMINATED, NULL);

  /* Not UTF-8 */
  assert_refused ("Bonjour \xff{prenom}", FD_TEMPLATE_ERROR_INVALID_UTF8, "Line 1");
  assert_refused ("a\n\nb\xc3(", FD_TEMPLATE_ERROR_INVALID_UTF8, "Line 3");
  assert_refused ("{pr\xe9nom}", FD_TEMPLATE_ERROR_INVALID_UTF8, NULL);

  /* Too long */
  while (huge->len <= FD_TEMPLATE_MAX_LENGTH)
    g_string_append (huge, "Bonjour {prenom}, ");
  assert_refused (huge->str, FD_TEMPLATE_ERROR_TOO_LONG, NULL);

  /* Too long once rendered */
  {
    g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
    g_autofree char *big = g_strnfill (1024 * 1024, 'x');
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;

    g_hash_table_insert (values, (gpointer) "x", big);
    out = fd_template_render ("{x}{x}{x}{x}{x}", values, FD_TEMPLATE_FLAGS_NONE, &error);
    g_assert_null (out);
    g_assert_error (error, FD_TEMPLATE_ERROR, FD_TEMPLATE_ERROR_TOO_LONG);
    g_clear_error (&error);

    out = fd_template_render ("{x}{x}{x}", values, FD_TEMPLATE_FLAGS_NONE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (out), ==, 3 * 1024 * 1024);
  }
}

/* Random texts made of what templates break on: braces, line breaks,
 * tag names, multi-byte characters and bytes that are not UTF-8. Whatever
 * the text, the renderer answers (text or a translated error of its
 * domain), its answer is UTF-8, and check and render agree. */
static void
test_template_fuzz (void)
{
  static const char * const pieces[] = {
    "{", "}", "{{", "}}", "{prenom}", "{nom}", "{inconnu}", "prenom", "\n", "\r\n", " ",
    "é", "€", "\xff", "\xc3", "\xe2\x82", "{piege}", "{lignes}", "{binaire}", "{vide}", "a",
    "\t", "{}",
  };
  g_autoptr(GHashTable) values = make_values ();
  const char * const known[] = { "prenom", "nom", "vide", "piege", "lignes", "binaire", NULL };
  guint refused = 0;
  guint rendered = 0;

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) check_error = NULL;
      g_autoptr(GError) render_error = NULL;
      g_auto(GStrv) unknown = NULL;
      g_autofree char *out = NULL;
      guint n = (guint) g_test_rand_int_range (0, 24);
      FdTemplateFlags flags = g_test_rand_bit () ? FD_TEMPLATE_FLAGS_SINGLE_LINE
                                                 : FD_TEMPLATE_FLAGS_NONE;
      gboolean checked;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);

      checked = fd_template_check (text->str, known, &unknown, &check_error);
      out = fd_template_render (text->str, values, flags, &render_error);

      g_assert_cmpint (checked, ==, out != NULL);
      if (out == NULL)
        {
          g_assert_nonnull (render_error);
          g_assert_true (render_error->domain == FD_TEMPLATE_ERROR);
          g_assert_cmpint (render_error->code, ==, check_error->code);
          g_assert_cmpstr (render_error->message, ==, check_error->message);
          g_assert_true (g_utf8_validate (render_error->message, -1, NULL));
          g_assert_cmpuint (strlen (render_error->message), >, 10);
          g_assert_null (unknown);
          refused++;
          continue;
        }

      g_assert_no_error (render_error);
      g_assert_no_error (check_error);
      g_assert_true (g_utf8_validate (out, -1, NULL));
      g_assert_nonnull (unknown);
      /* Unknown tags are written in the text, and are not known ones */
      for (guint i = 0; unknown[i] != NULL; i++)
        {
          g_autofree char *written = g_strconcat ("{", unknown[i], "}", NULL);

          g_assert_false (g_strv_contains (known, unknown[i]));
          g_assert_true (g_utf8_validate (unknown[i], -1, NULL));
          g_assert_nonnull (strstr (text->str, written));
        }
      if (flags & FD_TEMPLATE_FLAGS_SINGLE_LINE)
        {
          g_assert_null (strchr (out, '\n'));
          g_assert_null (strchr (out, '\r'));
        }
      /* Without braces, nothing changes */
      if (strchr (text->str, '{') == NULL && strchr (text->str, '}') == NULL &&
          flags == FD_TEMPLATE_FLAGS_NONE)
        g_assert_cmpstr (out, ==, text->str);
      rendered++;
    }

  /* Both ways were taken often */
  g_assert_cmpuint (refused, >, 1000);
  g_assert_cmpuint (rendered, >, 1000);
}

/* gettext caches translations until the locale is set again */
static void
use_english (void)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
}

static gboolean
use_french (void)
{
  const char *localedir = g_getenv ("FORMADESK_LOCALEDIR");
  g_autofree char *catalogue = NULL;

  if (localedir == NULL)
    localedir = LOCALEDIR;

  catalogue = g_build_filename (localedir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
    {
      g_autofree char *reason = g_strdup_printf ("no French catalogue at %s", catalogue);

      g_test_skip (reason);
      return FALSE;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");

  return TRUE;
}

static void
test_template_french (void)
{
  g_autoptr(GHashTable) values = make_values ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *delay = NULL;

  if (!use_french ())
    return;

  out = fd_template_render ("Bonjour\n{prenom", values, FD_TEMPLATE_FLAGS_NONE, &error);
  g_assert_null (out);
  g_assert_error (error, FD_TEMPLATE_ERROR, FD_TEMPLATE_ERROR_UNTERMINATED);
  g_assert_cmpstr (error->message, ==,
                   "Ligne 2 : une « { » n’est pas fermée par « } ». "
                   "Écrivez « {{ » pour une accolade.");
  g_clear_error (&error);

  out = fd_template_render ("\xff", values, FD_TEMPLATE_FLAGS_NONE, &error);
  g_assert_error (error, FD_TEMPLATE_ERROR, FD_TEMPLATE_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "La ligne 1 contient"));

  delay = fd_session_email_format_delay ("sequence_start", -10 * 24 * 60);
  g_assert_cmpstr (delay, ==, "10 jours avant le début");

  use_english ();
}

/* Seed 004: the invitation is updated with the convocation, which carries
 * the current invitation of its sequence to its recipient */
static void
test_queue_convocation_carries_invitation (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  g_autofree char *calendar = NULL;
  g_autofree char *uid = g_strdup_printf ("UID:sequence-%s@formadesk", fixture->q1);
  g_autofree char *invitation = NULL;
  g_autofree char *late = NULL;
  g_autofree char *trainer_file = NULL;

  prefill (fixture);
  g_assert_cmpuint (queue_at (fixture, "2026-05-08T09:30"), ==, 2);

  calendar = query_text (fixture->db,
                         "SELECT calendar FROM email_message WHERE template_id = ?1"
                         " AND sequence_id IS NOT NULL AND calendar_sequence = 0",
                         fixture->notice);
  g_assert_nonnull (calendar);
  g_assert_nonnull (strstr (calendar, "METHOD:REQUEST"));
  g_assert_nonnull (strstr (calendar, uid));
  g_assert_nonnull (strstr (calendar, "mailto:helene.garnier@example.org"));
  g_assert_nonnull (strstr (calendar, "SEQUENCE:0"));
  /* The invitation's row is made with it; the trainer file carries none */
  invitation = query_text (fixture->db,
                           "SELECT id FROM calendar_invitation WHERE sequence_id = ?1",
                           fixture->q1);
  g_assert_nonnull (invitation);
  trainer_file = query_text (fixture->db,
                             "SELECT count(*) FROM email_message WHERE template_id = ?1"
                             " AND calendar IS NULL", fixture->trainer_file);
  g_assert_cmpstr (trainer_file, !=, "0");

  /* After an update, a late enrollee's convocation carries the new SEQUENCE */
  update (fixture, "calendar_invitation", invitation, "#ical_sequence", "3");
  enroll (fixture, "Inès", "Roux", "ines.roux@example.org", "registered");
  g_assert_cmpuint (queue_at (fixture, "2026-05-09T09:30"), ==, 1);
  late = query_text (fixture->db,
                     "SELECT calendar FROM email_message WHERE template_id = ?1"
                     " AND recipient = 'ines.roux@example.org'", fixture->notice);
  g_assert_nonnull (late);
  g_assert_nonnull (strstr (late, "SEQUENCE:3"));
  g_assert_nonnull (strstr (late, "mailto:ines.roux@example.org"));

  /* Invitations off: the convocation goes alone */
  update (fixture, "session", fixture->session, "#calendar_invitations", "0");
  enroll (fixture, "Zoé", "Morel", "zoe.morel@example.org", "registered");
  g_assert_cmpuint (queue_at (fixture, "2026-05-09T10:30"), ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM email_message"
                              " WHERE recipient = 'zoe.morel@example.org' AND calendar IS NULL",
                              NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/session-emails/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("prefill/defaults", test_prefill_defaults);
  ADD ("prefill/idempotent", test_prefill_idempotent);
  ADD ("prefill/inter-no-notice", test_prefill_inter);
  ADD ("prefill/missing-session", test_prefill_missing_session);
  ADD ("schedule/seed-example", test_schedule_seed_example);
  ADD ("schedule/sequence-end", test_schedule_sequence_end);
  ADD ("schedule/prework", test_schedule_prework);
  ADD ("schedule/states", test_schedule_states);
  ADD ("schedule/time-zones", test_schedule_time_zones);
  ADD ("queue/trainer-file", test_queue_trainer_file);
  ADD ("queue/trainees", test_queue_trainees);
  ADD ("queue/convocation-carries-invitation", test_queue_convocation_carries_invitation);
  ADD ("queue/drafts-send-nothing", test_queue_drafts);
  ADD ("queue/bad-template", test_queue_bad_template);
  ADD ("render/every-tag", test_render_every_tag);
  ADD ("settings/check-change", test_check_change);

#undef ADD

  g_test_add_func ("/session-emails/render/unknown-tags", test_render_unknown_tags);
  g_test_add_func ("/session-emails/format-delay", test_format_delay);
  g_test_add_func ("/template/render", test_template_render);
  g_test_add_func ("/template/refused", test_template_refused);
  g_test_add_func ("/template/fuzz", test_template_fuzz);
  g_test_add_func ("/template/french", test_template_french);

  return g_test_run ();
}
