/* test-ical.c — iCalendar exports and calendar invitations, read back by
 * libical's parser
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "test-core-common.h"

typedef struct
{
  CoreFixture core;
  char *session;
  char *draft;
  char *q1;
  char *cayenne_slot;
  char *deleted_slot;
  char *claire;
  char *room;
  /* the invitations' session, in the future */
  char *future;
  char *f1;
  char *prework;
  char *f1_slot;
} Fixture;

static char *
create_slot (Fixture    *fixture,
             const char *session,
             const char *sequence,
             const char *start_at,
             const char *end_at,
             const char *place,
             const char *room)
{
  return core_create (fixture->core.db, "slot", "session_id", session, "sequence_id", sequence,
                      "start_at", start_at, "end_at", end_at, "place_id", place,
                      "room_id", room, NULL);
}

static void
staff (Fixture    *fixture,
       const char *slot,
       const char *trainer)
{
  g_autofree char *id = core_create (fixture->core.db, "slot_staff", "slot_id", slot,
                                     "trainer_id", trainer, "role", "trainer", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  FdDatabase *db;
  g_autofree char *organisation = NULL;
  g_autofree char *paris = NULL;
  g_autofree char *cayenne = NULL;
  g_autofree char *draft_sequence = NULL;
  g_autofree char *draft_slot = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *f1_second = NULL;
  g_autofree char *prework_slot = NULL;

  core_fixture_set_up (&fixture->core, user_data);
  db = fixture->core.db;

  organisation = core_create (db, "organisation", "name", "Horizon Compétences",
                              "email", "contact@horizon.example.org", NULL);
  paris = core_create (db, "place", "name", "Paris Bastille", "address", "18 rue de la Roquette",
                       "postal_code", "75011", "city", "Paris", "time_zone", "Europe/Paris",
                       NULL);
  cayenne = core_create (db, "place", "name", "Cayenne Centre", "city", "Cayenne",
                         "postal_code", "97300", "time_zone", "America/Cayenne", NULL);
  fixture->room = core_create (db, "room", "place_id", paris, "name", "Salle Voltaire", NULL);
  fixture->claire = core_create (db, "trainer", "first_name", "Claire", "last_name", "Dubois",
                                 "email", "claire.dubois@example.org", NULL);

  /* Slots on either side of both changes of 2026: the last Sundays of
   * March (29th) and October (25th) */
  fixture->session = core_create (db, "session", "code", "2026-0100", "#year", "2026",
                                  "label", "Excel intermédiaire avec un libellé assez long "
                                  "pour que la ligne soit repliée", "#published", "1", NULL);
  fixture->q1 = core_create (db, "sequence", "session_id", fixture->session, "label", "Partie 1",
                             NULL);
  a = create_slot (fixture, fixture->session, fixture->q1, "2026-03-28T09:00", "2026-03-28T12:30",
                   paris, fixture->room);
  b = create_slot (fixture, fixture->session, fixture->q1, "2026-03-29T09:00", "2026-03-29T12:30",
                   paris, fixture->room);
  c = create_slot (fixture, fixture->session, fixture->q1, "2026-10-24T09:00", "2026-10-24T12:30",
                   paris, fixture->room);
  d = create_slot (fixture, fixture->session, fixture->q1, "2026-10-25T09:00", "2026-10-25T12:30",
                   paris, NULL);
  fixture->cayenne_slot = create_slot (fixture, fixture->session, fixture->q1,
                                       "2026-11-02T09:00", "2026-11-02T12:00", cayenne, NULL);
  fixture->deleted_slot = create_slot (fixture, fixture->session, fixture->q1,
                                       "2026-11-03T09:00", "2026-11-03T12:00", paris, NULL);
  core_delete (db, "slot", fixture->deleted_slot);
  staff (fixture, a, fixture->claire);
  staff (fixture, c, fixture->claire);

  fixture->draft = core_create (db, "session", "code", "2026-0101", "#year", "2026",
                                "label", "Brouillon", "#published", "0", NULL);
  draft_sequence = core_create (db, "sequence", "session_id", fixture->draft, "label", "Seule",
                                NULL);
  draft_slot = create_slot (fixture, fixture->draft, draft_sequence, "2026-05-05T09:00",
                            "2026-05-05T17:00", paris, fixture->room);
  staff (fixture, draft_slot, fixture->claire);

  fixture->future = core_create (db, "session", "code", "2031-0001", "#year", "2031",
                                 "label", "Management", "#published", "1", NULL);
  fixture->prework = core_create (db, "sequence", "session_id", fixture->future,
                                  "#position", "0", "label", "Pré-travail", "#prework", "1",
                                  NULL);
  fixture->f1 = core_create (db, "sequence", "session_id", fixture->future, "#position", "1",
                             "label", "Jour 1", NULL);
  prework_slot = create_slot (fixture, fixture->future, fixture->prework, "2031-05-05T09:00",
                              "2031-05-09T17:00", NULL, NULL);
  fixture->f1_slot = create_slot (fixture, fixture->future, fixture->f1, "2031-05-12T09:00",
                                  "2031-05-12T12:30", paris, fixture->room);
  f1_second = create_slot (fixture, fixture->future, fixture->f1, "2031-05-12T13:30",
                           "2031-05-12T17:00", paris, fixture->room);
  staff (fixture, fixture->f1_slot, fixture->claire);
  staff (fixture, f1_second, fixture->claire);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_free (fixture->session);
  g_free (fixture->draft);
  g_free (fixture->q1);
  g_free (fixture->cayenne_slot);
  g_free (fixture->deleted_slot);
  g_free (fixture->claire);
  g_free (fixture->room);
  g_free (fixture->future);
  g_free (fixture->f1);
  g_free (fixture->prework);
  g_free (fixture->f1_slot);
  core_fixture_tear_down (&fixture->core, user_data);
}

/* ------------------------------------------------------------------------ */
/* Reading back                                                             */
/* ------------------------------------------------------------------------ */

static char *
export_text (Fixture     *fixture,
             FdIcalScope  scope,
             const char  *key,
             guint        expected_events)
{
  g_autofree char *path = g_build_filename (fixture->core.dir, "export.ics", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  guint n_events = 0;

  g_assert_true (fd_ical_export_to_file (fixture->core.db, scope, key, path, &n_events, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events, ==, expected_events);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);

  return text;
}

/* RFC 5545 3.1: CRLF everywhere, no line longer than 75 octets */
static void
assert_lines (const char *text)
{
  const char *line = text;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');

      g_assert_nonnull (end);
      g_assert_true (end > line && end[-1] == '\r');
      g_assert_cmpint (end - 1 - line, <=, 75);
      line = end + 1;
    }
}

static icalcomponent *
parse (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_null (icalcomponent_get_first_property (calendar, ICAL_XLICERROR_PROPERTY));

  return calendar;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return event;

  return NULL;
}

static GPtrArray *
list_uids (icalcomponent *calendar)
{
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_null (icalcomponent_get_first_property (event, ICAL_XLICERROR_PROPERTY));
      g_ptr_array_add (uids, g_strdup (icalcomponent_get_uid (event)));
    }

  return uids;
}

/* The UTC instant of @event's DTSTART, through the VTIMEZONE of the file
 * itself (not libical's own zones) */
static time_t
start_instant (icalcomponent *calendar,
               icalcomponent *event,
               const char    *expected_tzid)
{
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
  icaltimezone *zone;

  g_assert_nonnull (tzid);
  g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, expected_tzid);
  zone = icalcomponent_get_timezone (calendar, expected_tzid);
  g_assert_nonnull (zone);

  return icaltime_as_timet_with_zone (icalproperty_get_dtstart (dtstart), zone);
}

static time_t
utc (int year,
     int month,
     int day,
     int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, 0, 0);

  return (time_t) g_date_time_to_unix (time);
}

static char *
slot_uid (FdDatabase *db,
          const char *session,
          const char *start_at)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM slot WHERE session_id = ?1"
                                          " AND start_at = '%s'", start_at);
  g_autofree char *id = core_query_text (db, sql, session);

  g_assert_nonnull (id);

  return g_strdup_printf ("slot-%s@formadesk", id);
}

/* ------------------------------------------------------------------------ */
/* Export                                                                   */
/* ------------------------------------------------------------------------ */

static void
test_export_reads_back (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *text = export_text (fixture, FD_ICAL_SCOPE_SESSION, "2026-0100", 5);
  icalcomponent *calendar = parse (text);
  g_autoptr(GPtrArray) uids = list_uids (calendar);
  g_autofree char *uid = slot_uid (fixture->core.db, fixture->session, "2026-03-28T09:00");
  icalcomponent *event = find_event (calendar, uid);

  assert_lines (text);
  g_assert_cmpuint (uids->len, ==, 5);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==,
                   "2026-0100 Excel intermédiaire avec un libellé assez long pour que la ligne "
                   "soit repliée — Partie 1");
  g_assert_cmpstr (icalcomponent_get_location (event), ==,
                   "Paris Bastille, Salle Voltaire, 18 rue de la Roquette, 75011 Paris");
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Claire Dubois"));
  g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
  g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY));
  /* the long summary was folded, and unfolds whole */
  g_assert_nonnull (strstr (text, "\r\n "));
  /* one VTIMEZONE per zone used */
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 2);

  icalcomponent_free (calendar);
}

static void
test_export_uids_stable (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *first = export_text (fixture, FD_ICAL_SCOPE_ALL, NULL, 8);
  g_autofree char *second = export_text (fixture, FD_ICAL_SCOPE_ALL, NULL, 8);
  icalcomponent *one = parse (first);
  icalcomponent *two = parse (second);
  g_autoptr(GPtrArray) a = list_uids (one);
  g_autoptr(GPtrArray) b = list_uids (two);
  g_autofree char *uid = g_strdup_printf ("slot-%s@formadesk", fixture->cayenne_slot);

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
  g_assert_nonnull (find_event (one, uid));

  icalcomponent_free (one);
  icalcomponent_free (two);
}

static void
test_export_daylight_saving (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *text = export_text (fixture, FD_ICAL_SCOPE_SESSION, "2026-0100", 5);
  icalcomponent *calendar = parse (text);
  const struct
  {
    const char *start_at;
    const char *tzid;
    time_t expected;
  } cases[] = {
    /* winter time, +01:00 */
    { "2026-03-28T09:00", "Europe/Paris", utc (2026, 3, 28, 8) },
    /* the last Sunday of March: summer time, +02:00 */
    { "2026-03-29T09:00", "Europe/Paris", utc (2026, 3, 29, 7) },
    { "2026-10-24T09:00", "Europe/Paris", utc (2026, 10, 24, 7) },
    /* the last Sunday of October: winter time again */
    { "2026-10-25T09:00", "Europe/Paris", utc (2026, 10, 25, 8) },
    /* Guiana has no summer time, -03:00 */
    { "2026-11-02T09:00", "America/Cayenne", utc (2026, 11, 2, 12) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uid = slot_uid (fixture->core.db, fixture->session, cases[i].start_at);
      icalcomponent *event = find_event (calendar, uid);

      g_assert_nonnull (event);
      g_assert_cmpint (start_instant (calendar, event, cases[i].tzid), ==, cases[i].expected);
    }

  icalcomponent_free (calendar);
}

static void
test_export_leaves_out_drafts_and_deleted (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  g_autofree char *text = export_text (fixture, FD_ICAL_SCOPE_ALL, NULL, 8);
  g_autofree char *draft_slot = core_query_text (fixture->core.db,
                                                 "SELECT id FROM slot WHERE session_id = ?1",
                                                 fixture->draft);

  g_assert_nonnull (draft_slot);
  g_assert_null (strstr (text, draft_slot));
  g_assert_null (strstr (text, fixture->deleted_slot));
  g_assert_null (strstr (text, "Brouillon"));
}

static void
test_export_scopes (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *trainer = NULL;
  g_autofree char *room = NULL;
  g_autofree char *placed = NULL;
  g_autofree char *session = NULL;

  /* Claire: two slots of 2026-0100 and two of 2031-0001, not the draft's */
  trainer = export_text (fixture, FD_ICAL_SCOPE_TRAINER, "Claire.Dubois@example.org", 4);
  room = export_text (fixture, FD_ICAL_SCOPE_ROOM, "salle voltaire", 5);
  placed = export_text (fixture, FD_ICAL_SCOPE_ROOM, "Paris Bastille/Salle Voltaire", 5);
  session = export_text (fixture, FD_ICAL_SCOPE_SESSION, "2031-0001", 3);
  assert_lines (trainer);
  assert_lines (session);
}

static void
test_export_unknown_writes_nothing (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->core.dir, "agenda.ics", NULL);
  g_autofree char *kept = g_build_filename (fixture->core.dir, "kept.ics", NULL);
  const struct
  {
    FdIcalScope scope;
    const char *key;
  } cases[] = {
    { FD_ICAL_SCOPE_TRAINER, "nobody@example.org" },
    { FD_ICAL_SCOPE_TRAINER, "not an address" },
    { FD_ICAL_SCOPE_ROOM, "Salle Inconnue" },
    { FD_ICAL_SCOPE_SESSION, "2099-9999" },
  };
  g_autofree char *contents = NULL;
  GDir *dir;
  const char *name;

  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint n_events = 99;

      g_assert_false (fd_ical_export_to_file (fixture->core.db, cases[i].scope, cases[i].key,
                                              path, &n_events, &error));
      g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, cases[i].key));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_clear_error (&error);

      g_assert_false (fd_ical_export_to_file (fixture->core.db, cases[i].scope, cases[i].key,
                                              kept, NULL, &error));
      g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
    }

  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  /* and no temporary file was left behind */
  dir = g_dir_open (fixture->core.dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".part"));
  g_dir_close (dir);
}

static void
test_export_cli_unknown_trainer (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  const char *cli = g_getenv ("FORMADESK_CLI");
  g_autofree char *path = g_build_filename (fixture->core.dir, "cli.ics", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *unknown[] = {
    cli, "export", "ics", "--db", fixture->core.path, "--trainer", "personne@example.org",
    "-o", path, NULL
  };
  const char *known[] = {
    cli, "export", "ics", "--db", fixture->core.path, "--session", "2026-0100", "-o", path, NULL
  };

  if (cli == NULL)
    {
      g_test_skip ("FORMADESK_CLI is not set");
      return;
    }

  g_clear_object (&fixture->core.db);
  g_assert_true (g_spawn_sync (NULL, (char **) unknown, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "personne@example.org"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_spawn_sync (NULL, (char **) known, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------------ */
/* Invitations                                                              */
/* ------------------------------------------------------------------------ */

static char *
enroll (Fixture    *fixture,
        const char *session,
        const char *first_name,
        const char *email,
        const char *status)
{
  g_autofree char *trainee = core_create (fixture->core.db, "trainee", "first_name", first_name,
                                          "last_name", "Garnier", "email", email, NULL);

  return core_create (fixture->core.db, "enrollment", "session_id", session,
                      "trainee_id", trainee, "status", status, NULL);
}

static void
queue_for (Fixture    *fixture,
           const char *enrollment)
{
  g_autoptr(GError) error = NULL;

  fd_invitations_queue_for_enrollment (fixture->core.db, enrollment, &error);
  g_assert_no_error (error);
}

static gint64
count_invitations (Fixture    *fixture,
                   const char *session)
{
  return core_query_int (fixture->core.db,
                         "SELECT count(*) FROM email_message WHERE session_id = ?1"
                         " AND calendar IS NOT NULL AND deleted = 0",
                         session);
}

static gint64
count_to (Fixture    *fixture,
          const char *recipient,
          const char *sequence)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM email_message"
                                          " WHERE recipient = '%s' AND sequence_id = ?1",
                                          recipient);

  return core_query_int (fixture->core.db, sql, sequence);
}

/* The calendar of the last message to @recipient about @sequence */
static icalcomponent *
last_calendar (Fixture    *fixture,
               const char *recipient,
               const char *sequence)
{
  g_autofree char *sql = g_strdup_printf ("SELECT calendar FROM email_message"
                                          " WHERE recipient = '%s' AND sequence_id = ?1"
                                          " ORDER BY calendar_sequence DESC LIMIT 1",
                                          recipient);
  g_autofree char *text = core_query_text (fixture->core.db, sql, sequence);

  g_assert_nonnull (text);
  assert_lines (text);

  return parse (text);
}

static void
test_invitations_one_per_sequence_and_participant (Fixture       *fixture,
                                                   gconstpointer  user_data)
{
  g_autofree char *helene = enroll (fixture, fixture->future, "Hélène",
                                    "helene@example.org", "confirmed");
  g_autofree char *karim = NULL;
  g_autofree char *uid = g_strdup_printf ("sequence-%s@formadesk", fixture->f1);
  icalcomponent *calendar;
  icalcomponent *event;
  icalproperty *attendee;

  queue_for (fixture, helene);
  /* Hélène for both sequences, Claire for the one she teaches */
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 3);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->f1), ==, 1);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->prework), ==, 1);
  g_assert_cmpint (count_to (fixture, "claire.dubois@example.org", fixture->f1), ==, 1);
  g_assert_cmpint (count_to (fixture, "claire.dubois@example.org", fixture->prework), ==, 0);

  /* Queued once only */
  queue_for (fixture, helene);
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 3);

  /* A second trainee: two more, Claire is not invited again */
  karim = enroll (fixture, fixture->future, "Karim", "karim@example.org", "registered");
  queue_for (fixture, karim);
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 5);

  calendar = last_calendar (fixture, "helene@example.org", fixture->f1);
  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_REQUEST);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 0);
  /* the sequence's range: first start to last end */
  g_assert_cmpint (start_instant (calendar, event, "Europe/Paris"), ==, utc (2031, 5, 12, 7));
  g_assert_cmpint (icalcomponent_get_dtend (event).hour, ==, 17);
  attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_attendee (attendee), ==, "mailto:helene@example.org");
  g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY));
  icalcomponent_free (calendar);
}

static void
test_invitations_prework (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *helene = enroll (fixture, fixture->future, "Hélène",
                                    "helene@example.org", "confirmed");
  icalcomponent *calendar;
  icalcomponent *event;
  icaltimetype start;
  icaltimetype end;

  queue_for (fixture, helene);
  calendar = last_calendar (fixture, "helene@example.org", fixture->prework);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  start = icalcomponent_get_dtstart (event);
  end = icalcomponent_get_dtend (event);
  /* whole days, from the first to the last one included */
  g_assert_true (start.is_date);
  g_assert_cmpint (start.day, ==, 5);
  g_assert_true (end.is_date);
  g_assert_cmpint (end.day, ==, 10);
  icalcomponent_free (calendar);
}

static void
test_invitations_setting_off (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *helene = NULL;
  g_autofree char *karim = NULL;
  g_autofree char *zoe = NULL;
  g_autoptr(FdChange) off = fd_change_new_update ("session", fixture->future,
                                                  core_revision (fixture->core.db, "session",
                                                                 fixture->future));
  g_autoptr(GError) error = NULL;

  fd_change_set_bool (off, "calendar_invitations", FALSE);
  core_apply (fixture->core.db, off);

  helene = enroll (fixture, fixture->future, "Hélène", "helene@example.org", "confirmed");
  queue_for (fixture, helene);
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 0);
  g_assert_true (fd_invitations_queue_updates (fixture->core.db, fixture->future, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 0);

  /* A draft sends nothing; nor does a withdrawn enrollment */
  karim = enroll (fixture, fixture->draft, "Karim", "karim@example.org", "confirmed");
  queue_for (fixture, karim);
  g_assert_cmpint (count_invitations (fixture, fixture->draft), ==, 0);

  /* A session over sends nothing either */
  zoe = enroll (fixture, fixture->session, "Zoé", "zoe@example.org", "withdrawn");
  queue_for (fixture, zoe);
  g_assert_cmpint (count_invitations (fixture, fixture->session), ==, 0);

  g_assert_false (fd_invitations_queue_for_enrollment (fixture->core.db, "no-such-enrollment",
                                                       &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
}

static void
test_invitations_update (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *helene = NULL;
  g_autofree char *uid = g_strdup_printf ("sequence-%s@formadesk", fixture->f1);
  g_autoptr(FdChange) move = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;
  icalcomponent *event;

  /* Nobody enrolled: nobody to update */
  g_assert_true (fd_invitations_queue_updates (fixture->core.db, fixture->future, fixture->f1,
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 0);

  helene = enroll (fixture, fixture->future, "Hélène", "helene@example.org", "confirmed");
  queue_for (fixture, helene);
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 3);

  move = fd_change_new_update ("slot", fixture->f1_slot,
                               core_revision (fixture->core.db, "slot", fixture->f1_slot));
  fd_change_set_string (move, "start_at", "2031-05-12T10:00");
  core_apply (fixture->core.db, move);
  g_assert_true (fd_invitations_queue_updates (fixture->core.db, fixture->future, fixture->f1,
                                               &error));
  g_assert_no_error (error);

  /* Hélène and Claire get the update; the pre-work's is untouched */
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 5);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->f1), ==, 2);
  g_assert_cmpint (count_to (fixture, "claire.dubois@example.org", fixture->f1), ==, 2);
  g_assert_cmpint (core_query_int (fixture->core.db,
                                   "SELECT ical_sequence FROM calendar_invitation"
                                   " WHERE sequence_id = ?1", fixture->f1), ==, 1);

  calendar = last_calendar (fixture, "helene@example.org", fixture->f1);
  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_REQUEST);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 1);
  g_assert_cmpint (start_instant (calendar, event, "Europe/Paris"), ==, utc (2031, 5, 12, 8));
  icalcomponent_free (calendar);

  /* A second update: SEQUENCE 2 */
  g_assert_true (fd_invitations_queue_updates (fixture->core.db, fixture->future, NULL, &error));
  g_assert_no_error (error);
  calendar = last_calendar (fixture, "claire.dubois@example.org", fixture->f1);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 2);
  icalcomponent_free (calendar);

  g_assert_false (fd_invitations_queue_updates (fixture->core.db, fixture->future, "no-such",
                                                &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
}

static void
test_invitations_render (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) calendars = fd_invitations_render (fixture->core.db, fixture->future, NULL,
                                                   &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (calendars), ==, 2);
  for (guint i = 0; calendars[i] != NULL; i++)
    {
      icalcomponent *calendar = parse (calendars[i]);

      assert_lines (calendars[i]);
      icalcomponent_free (calendar);
    }
}


/* ------------------------------------------------------------------------ */
/* Enrolling                                                                */
/* ------------------------------------------------------------------------ */

static char *
create_trainee (Fixture    *fixture,
                const char *first_name,
                const char *email)
{
  return core_create (fixture->core.db, "trainee", "first_name", first_name,
                      "last_name", "Garnier", "email", email, NULL);
}

static gint64
count_rows (Fixture    *fixture,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return core_query_int (fixture->core.db, sql, NULL);
}

static void
test_enroll_queues_invitations (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *helene = create_trainee (fixture, "Hélène", "helene@example.org");
  g_autofree char *karim = create_trainee (fixture, "Karim", "karim@example.org");
  g_autofree char *enrollment = NULL;
  g_autofree char *found = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_enroll_trainee (fixture->core.db, fixture->future, helene, "opco",
                                    &enrollment, &error));
  g_assert_no_error (error);
  g_assert_nonnull (enrollment);
  written = core_query_text (fixture->core.db,
                             "SELECT funder || ' ' || status FROM enrollment WHERE id = ?1",
                             enrollment);
  g_assert_cmpstr (written, ==, "opco registered");
  /* One per sequence to Hélène, and Claire for the one she teaches */
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 3);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->f1), ==, 1);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->prework), ==, 1);
  g_assert_cmpint (count_to (fixture, "claire.dubois@example.org", fixture->f1), ==, 1);

  /* A second trainee, found by address: two more, Claire is not invited again */
  found = fd_enroll_find_trainee (fixture->core.db, "Karim@Example.ORG", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, karim);
  g_assert_true (fd_enroll_trainee (fixture->core.db, fixture->future, karim, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 5);
  g_assert_cmpint (count_to (fixture, "claire.dubois@example.org", fixture->f1), ==, 1);

  g_assert_null (fd_enroll_find_trainee (fixture->core.db, "nobody@example.org", &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
}

static void
test_enroll_setting_off (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *helene = create_trainee (fixture, "Hélène", "helene@example.org");
  g_autoptr(FdChange) off = fd_change_new_update ("session", fixture->future,
                                                  core_revision (fixture->core.db, "session",
                                                                 fixture->future));
  g_autoptr(GError) error = NULL;

  fd_change_set_bool (off, "calendar_invitations", FALSE);
  core_apply (fixture->core.db, off);

  g_assert_true (fd_enroll_trainee (fixture->core.db, fixture->future, helene, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "enrollment"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "email_message"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "calendar_invitation"), ==, 0);

  /* Leaving sends no cancellation of what was never sent */
  g_assert_true (fd_unenroll_trainee (fixture->core.db, fixture->future, helene, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "email_message"), ==, 0);
}

/* Each refusal names its field and writes nothing */
static void
test_enroll_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autofree char *helene = create_trainee (fixture, "Hélène", "helene@example.org");
  g_autofree char *leo = create_trainee (fixture, "Léo", "leo@example.org");
  g_autofree char *listed = create_trainee (fixture, "Zoé", "zoe@example.org");
  g_autofree char *list = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *closed_sequence = NULL;
  g_autofree char *closed_slot = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  gint64 enrollments;
  gint64 messages;
  gint64 outbox;

  g_assert_true (fd_enroll_trainee (db, fixture->future, helene, NULL, NULL, &error));
  g_assert_no_error (error);
  closed = core_create (db, "session", "code", "2031-0002", "#year", "2031", "label", "Fermée",
                        "#published", "1", NULL);
  closed_sequence = core_create (db, "sequence", "session_id", closed, "label", "Jour", NULL);
  closed_slot = create_slot (fixture, closed, closed_sequence, "2031-06-02T09:00",
                             "2031-06-02T17:00", NULL, NULL);
  list = core_create (db, "population", "name", "Liste", "kind", "list", NULL);
  g_free (core_create (db, "population_member", "population_id", list, "trainee_id", listed,
                       NULL));
  g_free (core_create (db, "session_population", "session_id", closed, "population_id", list,
                       NULL));
  gone = core_create (db, "session", "code", "2031-0003", "#year", "2031", "label", "Supprimée",
                      "#published", "1", NULL);
  core_delete (db, "session", gone);
  enrollments = count_rows (fixture, "enrollment");
  messages = count_rows (fixture, "email_message");
  outbox = fd_database_count_outbox (db);

  /* Twice in the same session */
  g_assert_false (fd_enroll_trainee (db, fixture->future, helene, NULL, &id, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainee_id");
  g_assert_null (id);
  g_clear_error (&error);

  /* Outside the session's populations */
  g_assert_false (fd_enroll_trainee (db, closed, leo, NULL, NULL, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainee_id");
  g_clear_error (&error);

  /* A deleted session */
  g_assert_false (fd_enroll_trainee (db, gone, leo, NULL, NULL, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "session_id");
  g_clear_error (&error);

  /* Not enrolled: nothing to take out */
  g_assert_false (fd_unenroll_trainee (db, fixture->future, leo, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainee_id");
  g_clear_error (&error);

  g_assert_cmpint (count_rows (fixture, "enrollment"), ==, enrollments);
  g_assert_cmpint (count_rows (fixture, "email_message"), ==, messages);
  g_assert_cmpint (fd_database_count_outbox (db), ==, outbox);

  /* Invitations that cannot be queued take the enrollment back with them */
  g_assert_cmpint (sqlite3_exec (_fd_database_get_handle (db),
                                 "CREATE TEMP TRIGGER refuse_mail BEFORE INSERT ON email_message"
                                 " BEGIN SELECT RAISE (ABORT, 'no mail'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (fd_enroll_trainee (db, fixture->future, leo, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "enrollment"), ==, enrollments);
  g_assert_cmpint (fd_database_count_outbox (db), ==, outbox);
  g_assert_cmpint (sqlite3_exec (_fd_database_get_handle (db), "DROP TRIGGER refuse_mail",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* The listed trainee may enroll */
  g_assert_true (fd_enroll_trainee (db, closed, listed, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Withdrawn and cancelled enrollments are history: the trainee may come
 * back, but two active enrollments never coexist */
static void
test_enroll_after_withdrawal (Fixture       *fixture,
                              gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autofree char *helene = create_trainee (fixture, "Hélène", "helene@example.org");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(FdChange) withdraw = NULL;
  g_autoptr(FdChange) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_enroll_trainee (db, fixture->future, helene, NULL, &first, &error));
  g_assert_no_error (error);
  withdraw = fd_change_new_update ("enrollment", first, core_revision (db, "enrollment", first));
  fd_change_set_string (withdraw, "status", "withdrawn");
  core_apply (db, withdraw);

  g_assert_true (fd_enroll_trainee (db, fixture->future, helene, NULL, &second, &error));
  g_assert_no_error (error);

  back = fd_change_new_update ("enrollment", first, core_revision (db, "enrollment", first));
  fd_change_set_string (back, "status", "registered");
  g_assert_false (fd_database_apply (db, back, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainee_id");
}

static void
test_enroll_full (Fixture       *fixture,
                  gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autofree char *helene = create_trainee (fixture, "Hélène", "helene@example.org");
  g_autofree char *karim = create_trainee (fixture, "Karim", "karim@example.org");
  g_autoptr(FdChange) seats = fd_change_new_update ("session", fixture->future,
                                                    core_revision (db, "session",
                                                                   fixture->future));
  g_autoptr(GError) error = NULL;

  fd_change_set_int (seats, "capacity_min", 1);
  fd_change_set_int (seats, "capacity_target", 1);
  fd_change_set_int (seats, "capacity_max", 1);
  core_apply (db, seats);

  g_assert_true (fd_enroll_trainee (db, fixture->future, helene, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (fd_enroll_trainee (db, fixture->future, karim, NULL, NULL, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "session_id");
  g_assert_cmpint (count_to (fixture, "karim@example.org", fixture->f1), ==, 0);
}

static void
test_unenroll_cancels (Fixture       *fixture,
                       gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autofree char *helene = create_trainee (fixture, "Hélène", "helene@example.org");
  g_autofree char *karim = create_trainee (fixture, "Karim", "karim@example.org");
  g_autofree char *uid = g_strdup_printf ("sequence-%s@formadesk", fixture->f1);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;
  icalcomponent *event;
  icalproperty *attendee;

  g_assert_true (fd_enroll_trainee (db, fixture->future, helene, NULL, NULL, &error));
  g_assert_true (fd_enroll_trainee (db, fixture->future, karim, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 5);

  g_assert_true (fd_unenroll_trainee (db, fixture->future, helene, &error));
  g_assert_no_error (error);
  /* The row is a tombstone; the session stays */
  g_assert_cmpint (core_query_int (db, "SELECT deleted FROM enrollment WHERE trainee_id = ?1",
                                   helene), ==, 1);
  g_assert_cmpint (core_query_int (db, "SELECT deleted FROM session WHERE id = ?1",
                                   fixture->future), ==, 0);
  /* A CANCEL per sequence to Hélène, to nobody else */
  g_assert_cmpint (count_invitations (fixture, fixture->future), ==, 7);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->f1), ==, 2);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->prework), ==, 2);
  g_assert_cmpint (count_to (fixture, "karim@example.org", fixture->f1), ==, 1);

  text = core_query_text (db, "SELECT calendar FROM email_message"
                             " WHERE recipient = 'helene@example.org'"
                             " AND sequence_id = ?1 ORDER BY rowid DESC LIMIT 1", fixture->f1);
  assert_lines (text);
  calendar = parse (text);
  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_CANCEL);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 0);
  attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_attendee (attendee), ==, "mailto:helene@example.org");
  icalcomponent_free (calendar);

  /* Updates go to who is left */
  g_assert_true (fd_invitations_queue_updates (db, fixture->future, fixture->f1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->f1), ==, 2);
  g_assert_cmpint (count_to (fixture, "karim@example.org", fixture->f1), ==, 2);

  /* Twice: not enrolled any more */
  g_assert_false (fd_unenroll_trainee (db, fixture->future, helene, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  /* Enrolled again: a new invitation, above the cancellation's SEQUENCE */
  g_assert_true (fd_enroll_trainee (db, fixture->future, helene, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->prework), ==, 3);
  calendar = last_calendar (fixture, "helene@example.org", fixture->prework);
  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_REQUEST);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 1);
  icalcomponent_free (calendar);
}

static void
test_unenroll_keeps_signed (Fixture       *fixture,
                            gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autofree char *helene = create_trainee (fixture, "Hélène", "helene@example.org");
  g_autofree char *signature = NULL;
  g_autoptr(GError) error = NULL;
  gint64 messages;

  g_assert_true (fd_enroll_trainee (db, fixture->future, helene, NULL, NULL, &error));
  g_assert_no_error (error);
  signature = core_create (db, "attendance", "slot_id", fixture->f1_slot, "half_day", "am",
                           "trainee_id", helene, "#signed_at", "1000000", "device_id", "test",
                           "method", "manual", NULL);
  messages = count_rows (fixture, "email_message");

  g_assert_false (fd_unenroll_trainee (db, fixture->future, helene, &error));
  g_assert_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_LOCKED);
  g_assert_cmpstr (fd_validation_error_get_field (error), ==, "trainee_id");
  g_assert_cmpint (core_query_int (db, "SELECT deleted FROM enrollment WHERE trainee_id = ?1",
                                   helene), ==, 0);
  g_assert_cmpint (count_rows (fixture, "email_message"), ==, messages);
}

/* ------------------------------------------------------------------------ */
/* Whether an edit needs an update                                          */
/* ------------------------------------------------------------------------ */

static gboolean
needs_update (Fixture   *fixture,
              FdChange  *change,
              char     **session,
              GStrv     *sequences)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();

  g_ptr_array_add (changes, change);

  return fd_invitations_edit_needs_update (fixture->core.db, changes, session, sequences);
}

static FdChange *
slot_update (Fixture    *fixture,
             const char *slot)
{
  return fd_change_new_update ("slot", slot, core_revision (fixture->core.db, "slot", slot));
}

static void
test_needs_update (Fixture       *fixture,
                   gconstpointer  user_data)
{
  FdDatabase *db = fixture->core.db;
  g_autofree char *helene = create_trainee (fixture, "Hélène", "helene@example.org");
  g_autofree char *session = NULL;
  g_auto(GStrv) sequences = NULL;
  g_autoptr(FdChange) later = NULL;
  g_autoptr(FdChange) same = NULL;
  g_autoptr(FdChange) notice = NULL;
  g_autoptr(FdChange) rename = NULL;
  g_autoptr(FdChange) no_room = NULL;
  g_autoptr(FdChange) added = NULL;
  g_autoptr(GError) error = NULL;

  later = slot_update (fixture, fixture->f1_slot);
  fd_change_set_string (later, "start_at", "2031-05-12T10:00");

  /* Nobody enrolled: never */
  g_assert_false (needs_update (fixture, later, &session, &sequences));
  g_assert_null (session);
  g_assert_null (sequences);

  g_assert_true (fd_enroll_trainee (db, fixture->future, helene, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Another time does */
  g_assert_true (needs_update (fixture, later, &session, &sequences));
  g_assert_cmpstr (session, ==, fixture->future);
  g_assert_nonnull (sequences);
  g_assert_cmpuint (g_strv_length (sequences), ==, 1);
  g_assert_cmpstr (sequences[0], ==, fixture->f1);
  g_clear_pointer (&session, g_free);
  g_clear_pointer (&sequences, g_strfreev);

  /* The same time again, or only a comment, does not */
  same = slot_update (fixture, fixture->f1_slot);
  fd_change_set_string (same, "start_at", "2031-05-12T09:00");
  g_assert_false (needs_update (fixture, same, NULL, NULL));
  notice = slot_update (fixture, fixture->f1_slot);
  fd_change_set_string (notice, "place_notice", "Code 1234");
  g_assert_false (needs_update (fixture, notice, NULL, NULL));

  /* A room renamed does not; a slot out of its room does */
  rename = fd_change_new_update ("room", fixture->room,
                                 core_revision (db, "room", fixture->room));
  fd_change_set_string (rename, "name", "Salle Hugo");
  g_assert_false (needs_update (fixture, rename, NULL, NULL));
  no_room = slot_update (fixture, fixture->f1_slot);
  fd_change_set_null (no_room, "room_id");
  g_assert_true (needs_update (fixture, no_room, NULL, NULL));

  /* A slot added to a sequence does */
  added = fd_change_new_create ("slot");
  fd_change_set_string (added, "session_id", fixture->future);
  fd_change_set_string (added, "sequence_id", fixture->prework);
  fd_change_set_string (added, "start_at", "2031-05-10T09:00");
  fd_change_set_string (added, "end_at", "2031-05-10T12:00");
  g_assert_true (needs_update (fixture, added, &session, &sequences));
  g_assert_cmpstr (sequences[0], ==, fixture->prework);

  /* Applied, then updated: the concerned sequence only */
  g_clear_pointer (&sequences, g_strfreev);
  g_clear_pointer (&session, g_free);
  g_assert_true (needs_update (fixture, later, &session, &sequences));
  core_apply (db, later);
  g_assert_true (fd_invitations_queue_updates_after_edit (db, fixture->future,
                                                          (const char * const *) sequences,
                                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->f1), ==, 2);
  g_assert_cmpint (count_to (fixture, "helene@example.org", fixture->prework), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ical/export/reads-back", test_export_reads_back);
  ADD ("/ical/export/uids-stable", test_export_uids_stable);
  ADD ("/ical/export/daylight-saving", test_export_daylight_saving);
  ADD ("/ical/export/leaves-out-drafts-and-deleted", test_export_leaves_out_drafts_and_deleted);
  ADD ("/ical/export/scopes", test_export_scopes);
  ADD ("/ical/export/unknown-writes-nothing", test_export_unknown_writes_nothing);
  ADD ("/ical/export/cli-unknown-trainer", test_export_cli_unknown_trainer);
  ADD ("/ical/invitations/one-per-sequence-and-participant",
       test_invitations_one_per_sequence_and_participant);
  ADD ("/ical/invitations/prework", test_invitations_prework);
  ADD ("/ical/invitations/setting-off", test_invitations_setting_off);
  ADD ("/ical/invitations/update", test_invitations_update);
  ADD ("/ical/invitations/render", test_invitations_render);
  ADD ("/ical/enroll/queues-invitations", test_enroll_queues_invitations);
  ADD ("/ical/enroll/setting-off", test_enroll_setting_off);
  ADD ("/ical/enroll/refused", test_enroll_refused);
  ADD ("/ical/enroll/full", test_enroll_full);
  ADD ("/ical/enroll/after-withdrawal", test_enroll_after_withdrawal);
  ADD ("/ical/enroll/unenroll-cancels", test_unenroll_cancels);
  ADD ("/ical/enroll/unenroll-keeps-signed", test_unenroll_keeps_signed);
  ADD ("/ical/needs-update", test_needs_update);

  return g_test_run ();
}
