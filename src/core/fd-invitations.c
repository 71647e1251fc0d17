/* fd-invitations.c — calendar invitations of seed 004: one per sequence
 * and participant, queued in the mail outbox, updated when slots move
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-invitations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-invitations.h"
#include "fd-invitations-private.h"

#include "fd-change.h"
#include "fd-change-private.h"
#include "fd-database-private.h"
#include "fd-format.h"
#include "fd-ical-private.h"
#include "fd-text.h"
#include "fd-validate.h"

#include <string.h>

/*
 * When a session's calendar invitations are on (session.calendar_invitations),
 * each participant of each sequence receives one invitation: an email
 * carrying an iCalendar REQUEST with one VEVENT, from the sequence's first
 * slot start to its last slot end (a pre-work sequence's is a range of
 * whole days), with its slots' hours in the description. Participants are
 * the trainees enrolled (not withdrawn or cancelled) and the trainers and
 * co-trainers staffed on that sequence's slots.
 *
 * Each sequence has one calendar_invitation row: its UID
 * ("sequence-<id>@formadesk", the same in every message about it) and the
 * SEQUENCE last sent. An enrollment queues the invitations that its
 * trainee, and the sequence's trainers, were not sent yet at the current
 * SEQUENCE; an update (slots moved) raises SEQUENCE by one and queues the
 * new invitation to every participant. A message is known by (sequence,
 * recipient, SEQUENCE) in email_message: the same is never queued twice,
 * even if the first was deleted from the outbox.
 *
 * Drafts, cancelled sessions and sequences, sequences without a slot and
 * sequences that are over send nothing.
 */

typedef struct
{
  char *start_at;
  char *end_at;
  char *zone;
  char *place;
  char *room;
  char *address;
} Slot;

typedef struct
{
  char *first_name;
  char *last_name;
  char *email; /* normalised; people without one are not kept */
} Person;

typedef struct
{
  char *id;
  char *label;
  char *url;
  gboolean prework;
  gboolean cancelled;
  GPtrArray *slots;    /* Slot, by start */
  GPtrArray *trainers; /* Person, each address once */
  char *invitation_id; /* NULL until one was made */
  gint64 invitation_revision;
  gint64 number;       /* the SEQUENCE of the iCalendar */
} Sequence;

struct _FdInvitationsContext
{
  char *session_id;
  char *code;
  char *label;
  gboolean sends; /* published, live, not cancelled, invitations on */
  char *organisation_name;
  char *organisation_email;
  GPtrArray *trainees;  /* Person */
  GPtrArray *sequences; /* Sequence */
  GHashTable *sent;     /* "sequence_id|recipient|number", and "cancel|…" */
  GHashTable *invited;  /* "sequence_id|recipient": sent a REQUEST once */
};

typedef struct _FdInvitationsContext Context;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static void
slot_free (Slot *slot)
{
  g_free (slot->start_at);
  g_free (slot->end_at);
  g_free (slot->zone);
  g_free (slot->place);
  g_free (slot->room);
  g_free (slot->address);
  g_free (slot);
}

static void
person_free (Person *person)
{
  g_free (person->first_name);
  g_free (person->last_name);
  g_free (person->email);
  g_free (person);
}

/* A participant, or NULL without a valid address */
static Person *
person_new (sqlite3_stmt *stmt,
            int           first)
{
  g_autofree char *email = fd_normalize_email ((const char *) sqlite3_column_text (stmt,
                                                                                   first + 2));
  Person *person;

  if (email == NULL)
    return NULL;

  person = g_new0 (Person, 1);
  person->first_name = column_dup (stmt, first);
  person->last_name = column_dup (stmt, first + 1);
  person->email = g_steal_pointer (&email);

  return person;
}

static void
sequence_free (Sequence *sequence)
{
  g_free (sequence->id);
  g_free (sequence->label);
  g_free (sequence->url);
  g_ptr_array_unref (sequence->slots);
  g_ptr_array_unref (sequence->trainers);
  g_free (sequence->invitation_id);
  g_free (sequence);
}

static void
context_free (Context *context)
{
  g_free (context->session_id);
  g_free (context->code);
  g_free (context->label);
  g_free (context->organisation_name);
  g_free (context->organisation_email);
  g_clear_pointer (&context->trainees, g_ptr_array_unref);
  g_clear_pointer (&context->sequences, g_ptr_array_unref);
  g_clear_pointer (&context->sent, g_hash_table_unref);
  g_clear_pointer (&context->invited, g_hash_table_unref);
  g_free (context);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Context, context_free)

static char *
sent_key (const char *sequence_id,
          const char *recipient,
          gint64      number)
{
  g_autofree char *folded = g_ascii_strdown (recipient != NULL ? recipient : "", -1);

  return g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT, sequence_id, folded, number);
}

/* The key of the CANCEL sent to @recipient at SEQUENCE @number */
static char *
cancel_key (const char *sequence_id,
            const char *recipient,
            gint64      number)
{
  g_autofree char *key = sent_key (sequence_id, recipient, number);

  return g_strconcat ("cancel|", key, NULL);
}

static char *
invited_key (const char *sequence_id,
             const char *recipient)
{
  g_autofree char *folded = g_ascii_strdown (recipient != NULL ? recipient : "", -1);

  return g_strdup_printf ("%s|%s", sequence_id, folded);
}

static gboolean
contains_person (GPtrArray  *people,
                 const char *email)
{
  for (guint i = 0; i < people->len; i++)
    if (g_ascii_strcasecmp (((Person *) g_ptr_array_index (people, i))->email, email) == 0)
      return TRUE;

  return FALSE;
}

static Sequence *
find_sequence (Context    *context,
               const char *id)
{
  for (guint i = 0; i < context->sequences->len; i++)
    {
      Sequence *sequence = g_ptr_array_index (context->sequences, i);

      if (g_strcmp0 (sequence->id, id) == 0)
        return sequence;
    }

  return NULL;
}

static char *
person_name (const Person *person)
{
  /* Translators: a person's name, %1$s the first name, %2$s the last name */
  return g_strstrip (g_strdup_printf (C_("person name", "%1$s %2$s"),
                                      person->first_name != NULL ? person->first_name : "",
                                      person->last_name != NULL ? person->last_name : ""));
}

/* Runs @stmt (bound to ?1 = @id) and calls @row for each row */
static gboolean
read_rows (FdDatabase   *database,
           const char   *sql,
           const char   *id,
           void        (*row) (Context *, sqlite3_stmt *),
           Context      *context,
           GError      **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (context, stmt);
  if (rc != SQLITE_DONE)
    _fd_database_set_error (database, error, sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

/* ------------------------------------------------------------------------ */
/* Reading a session                                                        */
/* ------------------------------------------------------------------------ */

static const char session_sql[] =
  "SELECT e.code, e.label,"
  " e.published = 1 AND e.status <> 'cancelled' AND e.calendar_invitations = 1, o.name, o.email"
  " FROM session e LEFT JOIN organisation o ON o.deleted = 0 AND o.id = coalesce"
  "   (e.organisation_id, (SELECT id FROM organisation WHERE deleted = 0 ORDER BY rowid LIMIT 1))"
  " WHERE e.id = ?1 AND e.deleted = 0";

static const char trainees_sql[] =
  "SELECT t.first_name, t.last_name, t.email"
  " FROM enrollment n CROSS JOIN trainee t ON t.id = n.trainee_id AND t.deleted = 0"
  " WHERE n.session_id = ?1 AND n.deleted = 0 AND n.status NOT IN ('withdrawn', 'cancelled')"
  " ORDER BY t.sort_key, t.id";

static const char sequences_sql[] =
  "SELECT id, label, url, prework, status = 'cancelled' FROM sequence"
  " WHERE session_id = ?1 AND deleted = 0 ORDER BY position, rowid";

static const char slots_sql[] =
  "SELECT s.sequence_id, s.start_at, s.end_at, p.time_zone, p.name, r.name, p.address,"
  " p.postal_code, p.city"
  " FROM slot s LEFT JOIN place p ON p.id = s.place_id AND p.deleted = 0"
  " LEFT JOIN room r ON r.id = s.room_id AND r.deleted = 0"
  " WHERE s.session_id = ?1 AND s.deleted = 0 ORDER BY s.start_at, s.rowid";

/* Trainers and co-trainers teach; hosts welcome and are not invited */
static const char staff_sql[] =
  "SELECT s.sequence_id, t.first_name, t.last_name, t.email"
  " FROM slot s CROSS JOIN slot_staff st ON st.slot_id = s.id AND st.deleted = 0"
  "   AND st.role IN ('trainer', 'co_trainer')"
  " CROSS JOIN trainer t ON t.id = st.trainer_id AND t.deleted = 0"
  " WHERE s.session_id = ?1 AND s.deleted = 0 ORDER BY s.start_at, st.rowid";

static const char invitations_sql[] =
  "SELECT sequence_id, id, revision, ical_sequence FROM calendar_invitation"
  " WHERE session_id = ?1 AND deleted = 0 ORDER BY rowid";

/* Deleted messages count: what was queued once is not queued again. A
 * cancellation is known by its METHOD (the schema has no column for it). */
static const char sent_sql[] =
  "SELECT sequence_id, recipient, calendar_sequence, instr (calendar, 'METHOD:CANCEL') > 0"
  " FROM email_message"
  " WHERE session_id = ?1 AND calendar IS NOT NULL AND sequence_id IS NOT NULL";

static void
add_trainee (Context      *context,
             sqlite3_stmt *stmt)
{
  Person *person = person_new (stmt, 0);

  if (person == NULL)
    return;
  if (contains_person (context->trainees, person->email))
    person_free (person);
  else
    g_ptr_array_add (context->trainees, person);
}

static void
add_sequence (Context      *context,
              sqlite3_stmt *stmt)
{
  Sequence *sequence = g_new0 (Sequence, 1);

  sequence->id = column_dup (stmt, 0);
  sequence->label = column_dup (stmt, 1);
  sequence->url = column_dup (stmt, 2);
  sequence->prework = sqlite3_column_int (stmt, 3) != 0;
  sequence->cancelled = sqlite3_column_int (stmt, 4) != 0;
  sequence->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
  sequence->trainers = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  g_ptr_array_add (context->sequences, sequence);
}

static void
add_slot (Context      *context,
          sqlite3_stmt *stmt)
{
  Sequence *sequence = find_sequence (context, (const char *) sqlite3_column_text (stmt, 0));
  g_autoptr(GString) address = g_string_new (NULL);
  Slot *slot;

  if (sequence == NULL ||
      !fd_validate_date_time ((const char *) sqlite3_column_text (stmt, 1)) ||
      !fd_validate_date_time ((const char *) sqlite3_column_text (stmt, 2)))
    return;

  slot = g_new0 (Slot, 1);
  slot->start_at = column_dup (stmt, 1);
  slot->end_at = column_dup (stmt, 2);
  slot->zone = g_strdup (_fd_ical_zone_name ((const char *) sqlite3_column_text (stmt, 3)));
  slot->place = column_dup (stmt, 4);
  slot->room = column_dup (stmt, 5);
  for (int column = 6; column <= 8; column++)
    {
      const char *part = (const char *) sqlite3_column_text (stmt, column);

      if (part == NULL || *part == '\0')
        continue;
      if (address->len > 0)
        g_string_append (address, column == 8 ? " " : ", ");
      g_string_append (address, part);
    }
  slot->address = address->len > 0 ? g_string_free (g_steal_pointer (&address), FALSE) : NULL;
  g_ptr_array_add (sequence->slots, slot);
}

static void
add_trainer (Context      *context,
             sqlite3_stmt *stmt)
{
  Sequence *sequence = find_sequence (context, (const char *) sqlite3_column_text (stmt, 0));
  Person *person;

  if (sequence == NULL)
    return;
  person = person_new (stmt, 1);
  if (person == NULL)
    return;
  if (contains_person (sequence->trainers, person->email))
    person_free (person);
  else
    g_ptr_array_add (sequence->trainers, person);
}

static void
add_invitation (Context      *context,
                sqlite3_stmt *stmt)
{
  Sequence *sequence = find_sequence (context, (const char *) sqlite3_column_text (stmt, 0));

  if (sequence == NULL || sequence->invitation_id != NULL)
    return;
  sequence->invitation_id = column_dup (stmt, 1);
  sequence->invitation_revision = sqlite3_column_int64 (stmt, 2);
  sequence->number = sqlite3_column_int64 (stmt, 3);
}

static void
add_sent (Context      *context,
          sqlite3_stmt *stmt)
{
  const char *sequence_id = (const char *) sqlite3_column_text (stmt, 0);
  const char *recipient = (const char *) sqlite3_column_text (stmt, 1);
  gint64 number = sqlite3_column_int64 (stmt, 2);

  if (sqlite3_column_int (stmt, 3) != 0)
    {
      g_hash_table_add (context->sent, cancel_key (sequence_id, recipient, number));
      return;
    }
  g_hash_table_add (context->sent, sent_key (sequence_id, recipient, number));
  g_hash_table_add (context->invited, invited_key (sequence_id, recipient));
}

/* Reads what the invitations of a session are made of; NULL and
 * FD_DATABASE_ERROR_NOT_FOUND if it does not exist. */
static Context *
read_context (FdDatabase  *database,
              const char  *session_id,
              GError     **error)
{
  g_autoptr(Context) context = g_new0 (Context, 1);
  sqlite3_stmt *stmt;
  int rc;

  context->session_id = g_strdup (session_id);
  context->trainees = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  context->sequences = g_ptr_array_new_with_free_func ((GDestroyNotify) sequence_free);
  context->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  context->invited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = _fd_database_prepare (database, session_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      context->code = column_dup (stmt, 0);
      context->label = column_dup (stmt, 1);
      context->sends = sqlite3_column_int (stmt, 2) != 0;
      context->organisation_name = column_dup (stmt, 3);
      context->organisation_email = fd_normalize_email ((const char *) sqlite3_column_text (stmt,
                                                                                           4));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                 _("This session does not exist or was deleted."));
  else
    _fd_database_set_error (database, error, session_sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    return NULL;

  if (!read_rows (database, trainees_sql, session_id, add_trainee, context, error) ||
      !read_rows (database, sequences_sql, session_id, add_sequence, context, error) ||
      !read_rows (database, slots_sql, session_id, add_slot, context, error) ||
      !read_rows (database, staff_sql, session_id, add_trainer, context, error) ||
      !read_rows (database, invitations_sql, session_id, add_invitation, context, error) ||
      !read_rows (database, sent_sql, session_id, add_sent, context, error))
    return NULL;

  return g_steal_pointer (&context);
}

/* ------------------------------------------------------------------------ */
/* The iCalendar                                                            */
/* ------------------------------------------------------------------------ */

static const Slot *
last_slot (const Sequence *sequence)
{
  const Slot *last = NULL;

  for (guint i = 0; i < sequence->slots->len; i++)
    {
      const Slot *slot = g_ptr_array_index (sequence->slots, i);

      if (last == NULL || strcmp (slot->end_at, last->end_at) > 0)
        last = slot;
    }

  return last;
}

/* Whether @sequence is over at @now (its last end has passed in its zone) */
static gboolean
is_over (const Sequence *sequence,
         gint64          now)
{
  const Slot *last = last_slot (sequence);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (last->zone);
  g_autoptr(GDateTime) end = NULL;
  icaltimetype time;

  if (zone == NULL || !_fd_ical_parse_wall (last->end_at, &time))
    return FALSE;
  end = g_date_time_new (zone, time.year, time.month, time.day, time.hour, time.minute, 0);

  return end != NULL && g_date_time_to_unix (end) * G_USEC_PER_SEC < now;
}

/* "Friday 15 May 2026, 09:00 – 12:30", a slot a line */
static char *
format_hours (const Sequence *sequence)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sequence->slots->len; i++)
    {
      const Slot *slot = g_ptr_array_index (sequence->slots, i);
      g_autofree char *date = fd_format_date_long (slot->start_at);
      g_autofree char *range = fd_format_time_range (slot->start_at, slot->end_at);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a slot in a calendar invitation, %1$s its date
       * written in full, %2$s its hours ("09:00 – 12:30") */
      g_string_append_printf (text, C_("invitation hours", "%1$s, %2$s"),
                              date != NULL ? date : slot->start_at,
                              range != NULL ? range : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
join_trainers (const Sequence *sequence)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sequence->trainers->len; i++)
    {
      g_autofree char *name = person_name (g_ptr_array_index (sequence->trainers, i));

      if (*name == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
make_location (const Sequence *sequence)
{
  for (guint i = 0; i < sequence->slots->len; i++)
    {
      const Slot *slot = g_ptr_array_index (sequence->slots, i);
      const char *parts[] = { slot->place, slot->room, slot->address };
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          if (parts[k] == NULL)
            continue;
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, parts[k]);
        }
      if (text->len > 0)
        return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return NULL;
}

static icaltimetype
day_of (const char *wall,
        int         days_after)
{
  icaltimetype time = icaltime_null_date ();

  _fd_ical_parse_wall (wall, &time);
  time.hour = time.minute = time.second = 0;
  time.is_date = 1;
  icaltime_adjust (&time, days_after, 0, 0, 0);

  return time;
}

static void
add_address (icalproperty *property,
             const char   *name)
{
  if (name != NULL && *name != '\0')
    icalproperty_add_parameter (property, icalparameter_new_cn (name));
}

/* The invitation of @sequence to @person (NULL for no ATTENDEE), SEQUENCE
 * @sequence->number; with @cancel, its cancellation (METHOD:CANCEL,
 * STATUS:CANCELLED, RFC 5546 3.2.5) */
static char *
render_calendar (Context        *context,
                 const Sequence *sequence,
                 const Person   *person,
                 gboolean        cancel,
                 gint64          now)
{
  const Slot *first = g_ptr_array_index (sequence->slots, 0);
  const Slot *last = last_slot (sequence);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *uid = g_strdup_printf ("sequence-%s@formadesk", sequence->id);
  g_autofree char *summary = NULL;
  g_autofree char *location = make_location (sequence);
  g_autofree char *hours = format_hours (sequence);
  g_autofree char *trainers = join_trainers (sequence);
  g_autoptr(GString) description = g_string_new (hours);
  icalcomponent *calendar = _fd_ical_new_calendar (cancel ? "CANCEL" : "REQUEST");
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icalproperty *property;
  char *text;

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, _fd_ical_new_dtstamp (now));
  icalcomponent_add_property (event, icalproperty_new_sequence ((int) MIN (sequence->number,
                                                                           G_MAXINT)));
  if (sequence->prework)
    {
      /* Work done at one's own pace: whole days, and the time stays free */
      icalcomponent_add_property (event, icalproperty_new_dtstart (day_of (first->start_at, 0)));
      icalcomponent_add_property (event, icalproperty_new_dtend (day_of (last->end_at, 1)));
      icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
    }
  else
    {
      _fd_ical_add_timezone (calendar, seen, first->zone, first->start_at);
      _fd_ical_add_timezone (calendar, seen, last->zone, first->start_at);
      icalcomponent_add_property (event, _fd_ical_new_local_time (ICAL_DTSTART_PROPERTY,
                                                                  first->zone, first->start_at));
      icalcomponent_add_property (event, _fd_ical_new_local_time (ICAL_DTEND_PROPERTY,
                                                                  last->zone, last->end_at));
    }

  /* Translators: an event's title in an exported calendar: %1$s is the
   * session's code, %2$s its label, %3$s the sequence's label */
  summary = g_strdup_printf (C_("calendar event", "%1$s %2$s — %3$s"), context->code,
                             context->label, sequence->label != NULL ? sequence->label : "");
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (location != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (location));
  if (trainers != NULL)
    {
      g_string_append (description, "\n");
      /* Translators: an exported event's description, %s the trainers'
       * names ("Claire Dubois, Paul Martin") */
      g_string_append_printf (description, _("Trainers: %s"), trainers);
    }
  if (sequence->url != NULL)
    {
      g_string_append_printf (description, "\n%s", sequence->url);
      icalcomponent_add_property (event, icalproperty_new_url (sequence->url));
    }
  icalcomponent_add_property (event, icalproperty_new_description (description->str));
  icalcomponent_add_property (event, icalproperty_new_status (cancel ? ICAL_STATUS_CANCELLED
                                                                     : ICAL_STATUS_CONFIRMED));

  if (context->organisation_email != NULL)
    {
      g_autofree char *organizer = g_strconcat ("mailto:", context->organisation_email, NULL);

      property = icalproperty_new_organizer (organizer);
      add_address (property, context->organisation_name);
      icalcomponent_add_property (event, property);
    }

  if (person != NULL)
    {
      g_autofree char *name = person_name (person);
      g_autofree char *attendee = g_strconcat ("mailto:", person->email, NULL);

      property = icalproperty_new_attendee (attendee);
      add_address (property, name);
      icalproperty_add_parameter (property, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
      icalproperty_add_parameter (property,
                                  icalparameter_new_partstat (ICAL_PARTSTAT_NEEDSACTION));
      icalproperty_add_parameter (property, icalparameter_new_rsvp (ICAL_RSVP_FALSE));
      icalcomponent_add_property (event, property);
    }

  icalcomponent_add_component (calendar, event);
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);

  return text;
}

/* ------------------------------------------------------------------------ */
/* Queueing                                                                 */
/* ------------------------------------------------------------------------ */

static gboolean
can_send (Context        *context,
          const Sequence *sequence,
          gint64          now)
{
  return context->sends && !sequence->cancelled && sequence->slots->len > 0 &&
         !is_over (sequence, now);
}

typedef enum
{
  MESSAGE_INVITATION,
  MESSAGE_UPDATE,
  MESSAGE_CANCEL,
} MessageKind;

/* Adds to @changes the message inviting @person to @sequence (or
 * updating, or cancelling the invitation), unless it was queued once
 * already */
static void
queue_message (Context        *context,
               const Sequence *sequence,
               const Person   *person,
               MessageKind     kind,
               gint64          now,
               GPtrArray      *changes)
{
  g_autofree char *key = NULL;
  g_autofree char *calendar = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *first_name = NULL;
  FdChange *change;

  key = kind == MESSAGE_CANCEL ? cancel_key (sequence->id, person->email, sequence->number)
                               : sent_key (sequence->id, person->email, sequence->number);
  if (g_hash_table_contains (context->sent, key))
    return;
  g_hash_table_add (context->sent, g_steal_pointer (&key));
  if (kind != MESSAGE_CANCEL)
    g_hash_table_add (context->invited, invited_key (sequence->id, person->email));

  calendar = render_calendar (context, sequence, person, kind == MESSAGE_CANCEL, now);
  hours = format_hours (sequence);
  first_name = g_strdup (person->first_name != NULL ? person->first_name : "");
  if (kind == MESSAGE_UPDATE)
    {
      /* Translators: an email's subject, %1$s a session's label, %2$s a
       * sequence's label */
      subject = g_strdup_printf (_("Updated invitation: %1$s — %2$s"), context->label,
                                 sequence->label);
      /* Translators: an email carrying an updated calendar invitation:
       * %1$s the recipient's first name, %2$s the sequence's label, %3$s
       * the session's label, %4$s its slots, one a line */
      body = g_strdup_printf (_("Hello %1$s,\n\nThe dates or the place of “%2$s” (%3$s) "
                                "changed. The attached invitation updates your calendar:\n\n"
                                "%4$s\n"),
                              first_name, sequence->label, context->label, hours);
    }
  else if (kind == MESSAGE_CANCEL)
    {
      /* Translators: an email's subject, %1$s a session's label, %2$s a
       * sequence's label */
      subject = g_strdup_printf (_("Cancelled: %1$s — %2$s"), context->label, sequence->label);
      /* Translators: an email carrying the cancellation of a calendar
       * invitation: %1$s the recipient's first name, %2$s the sequence's
       * label, %3$s the session's label, %4$s its slots, one a line */
      body = g_strdup_printf (_("Hello %1$s,\n\nYou are no longer enrolled in “%2$s” (%3$s). "
                                "The attached cancellation removes it from your calendar:\n\n"
                                "%4$s\n"),
                              first_name, sequence->label, context->label, hours);
    }
  else
    {
      /* Translators: an email's subject, %1$s a session's label, %2$s a
       * sequence's label */
      subject = g_strdup_printf (_("Invitation: %1$s — %2$s"), context->label, sequence->label);
      /* Translators: an email carrying a calendar invitation: %1$s the
       * recipient's first name, %2$s the sequence's label, %3$s the
       * session's label, %4$s its slots, one a line */
      body = g_strdup_printf (_("Hello %1$s,\n\nThe attached invitation adds “%2$s” (%3$s) "
                                "to your calendar:\n\n%4$s\n"),
                              first_name, sequence->label, context->label, hours);
    }

  change = fd_change_new_create ("email_message");
  fd_change_set_string (change, "session_id", context->session_id);
  fd_change_set_string (change, "sequence_id", sequence->id);
  fd_change_set_string (change, "recipient", person->email);
  fd_change_set_string (change, "subject", subject);
  fd_change_set_string (change, "body", body);
  fd_change_set_int (change, "scheduled_at", now);
  fd_change_set_string (change, "status", "scheduled");
  fd_change_set_string (change, "calendar", calendar);
  fd_change_set_int (change, "calendar_sequence", sequence->number);
  g_ptr_array_add (changes, change);
}

/* The change that makes @sequence's invitation row, or raises its SEQUENCE */
static FdChange *
save_invitation (Context  *context,
                 Sequence *sequence,
                 gboolean  raise)
{
  FdChange *change;

  if (sequence->invitation_id == NULL)
    {
      g_autofree char *uid = g_strdup_printf ("sequence-%s@formadesk", sequence->id);

      change = fd_change_new_create ("calendar_invitation");
      fd_change_set_string (change, "session_id", context->session_id);
      fd_change_set_string (change, "sequence_id", sequence->id);
      fd_change_set_string (change, "uid", uid);
      fd_change_set_int (change, "ical_sequence", sequence->number);
      sequence->invitation_id = g_strdup (fd_change_get_id (change));
      return change;
    }

  if (!raise)
    return NULL;

  sequence->number++;
  change = fd_change_new_update ("calendar_invitation", sequence->invitation_id,
                                 sequence->invitation_revision);
  fd_change_set_int (change, "ical_sequence", sequence->number);

  return change;
}

static gboolean
apply_locked (FdDatabase  *database,
              GPtrArray   *changes,
              GError     **error)
{
  return changes->len == 0 || fd_database_apply_all (database, changes, error);
}

static const char enrollment_sql[] =
  "SELECT n.session_id, n.status NOT IN ('withdrawn', 'cancelled'), t.first_name, t.last_name,"
  " t.email"
  " FROM enrollment n LEFT JOIN trainee t ON t.id = n.trainee_id AND t.deleted = 0"
  " WHERE n.id = ?1 AND n.deleted = 0";

static gboolean
queue_for_enrollment (FdDatabase  *database,
                      const char  *enrollment_id,
                      GError     **error)
{
  g_autoptr(Context) context = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *session_id = NULL;
  Person *trainee = NULL;
  gboolean live = FALSE;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();
  int rc;

  stmt = _fd_database_prepare (database, enrollment_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, enrollment_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      session_id = column_dup (stmt, 0);
      live = sqlite3_column_int (stmt, 1) != 0;
      trainee = person_new (stmt, 2);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                 _("This enrollment does not exist or was deleted."));
  else
    _fd_database_set_error (database, error, enrollment_sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;
  if (!live || session_id == NULL)
    {
      g_clear_pointer (&trainee, person_free);
      return TRUE;
    }

  context = read_context (database, session_id, error);
  if (context == NULL)
    {
      g_clear_pointer (&trainee, person_free);
      return FALSE;
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  for (guint i = 0; i < context->sequences->len; i++)
    {
      Sequence *sequence = g_ptr_array_index (context->sequences, i);
      FdChange *saved;

      g_autofree char *cancelled = NULL;

      if (!can_send (context, sequence, now))
        continue;

      /* Enrolled again after a cancellation at this SEQUENCE: a calendar
       * takes a REQUEST after a CANCEL only at a higher one */
      if (trainee != NULL)
        cancelled = cancel_key (sequence->id, trainee->email, sequence->number);
      saved = save_invitation (context, sequence,
                               cancelled != NULL &&
                               g_hash_table_contains (context->sent, cancelled));
      if (saved != NULL)
        g_ptr_array_add (changes, saved);
      if (trainee != NULL)
        queue_message (context, sequence, trainee, MESSAGE_INVITATION, now, changes);
      for (guint k = 0; k < sequence->trainers->len; k++)
        queue_message (context, sequence, g_ptr_array_index (sequence->trainers, k),
                       MESSAGE_INVITATION, now, changes);
    }
  g_clear_pointer (&trainee, person_free);

  return apply_locked (database, changes, error);
}

static gboolean
queue_updates (FdDatabase  *database,
               const char  *session_id,
               const char  *sequence_id,
               GError     **error)
{
  g_autoptr(Context) context = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 now = g_get_real_time ();

  context = read_context (database, session_id, error);
  if (context == NULL)
    return FALSE;
  if (sequence_id != NULL && find_sequence (context, sequence_id) == NULL)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("This sequence does not exist or was deleted."));
      return FALSE;
    }

  /* No trainee enrolled: nobody was invited, nothing to update */
  if (context->trainees->len == 0)
    return TRUE;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  for (guint i = 0; i < context->sequences->len; i++)
    {
      Sequence *sequence = g_ptr_array_index (context->sequences, i);
      gboolean invited = sequence->invitation_id != NULL;
      FdChange *saved;

      if ((sequence_id != NULL && !g_str_equal (sequence->id, sequence_id)) ||
          !can_send (context, sequence, now))
        continue;

      /* A sequence whose invitation was never sent gets its first one */
      saved = save_invitation (context, sequence, invited);
      if (saved != NULL)
        g_ptr_array_add (changes, saved);
      for (guint k = 0; k < context->trainees->len; k++)
        queue_message (context, sequence, g_ptr_array_index (context->trainees, k),
                       invited ? MESSAGE_UPDATE : MESSAGE_INVITATION, now, changes);
      for (guint k = 0; k < sequence->trainers->len; k++)
        queue_message (context, sequence, g_ptr_array_index (sequence->trainers, k),
                       invited ? MESSAGE_UPDATE : MESSAGE_INVITATION, now, changes);
    }

  return apply_locked (database, changes, error);
}

static const char trainee_sql[] =
  "SELECT t.first_name, t.last_name, t.email,"
  " EXISTS (SELECT 1 FROM enrollment n WHERE n.session_id = ?2 AND n.trainee_id = t.id"
  "   AND n.deleted = 0 AND n.status NOT IN ('withdrawn', 'cancelled'))"
  " FROM trainee t WHERE t.id = ?1";

static gboolean
queue_cancel (FdDatabase  *database,
              const char  *session_id,
              const char  *trainee_id,
              GError     **error)
{
  g_autoptr(Context) context = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  Person *trainee = NULL;
  gboolean enrolled = FALSE;
  gint64 now = g_get_real_time ();
  sqlite3_stmt *stmt;
  int rc;

  context = read_context (database, session_id, error);
  if (context == NULL)
    return FALSE;

  stmt = _fd_database_prepare (database, trainee_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, trainee_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, session_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      trainee = person_new (stmt, 0);
      enrolled = sqlite3_column_int (stmt, 3) != 0;
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                 _("This trainee does not exist."));
  else
    _fd_database_set_error (database, error, trainee_sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;

  /* Still a participant, or nobody to write to */
  if (enrolled || trainee == NULL)
    {
      g_clear_pointer (&trainee, person_free);
      return TRUE;
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  for (guint i = 0; i < context->sequences->len; i++)
    {
      Sequence *sequence = g_ptr_array_index (context->sequences, i);
      g_autofree char *key = invited_key (sequence->id, trainee->email);

      /* Only what reached the trainee's calendar is taken out of it,
       * whatever became of the session since */
      if (!g_hash_table_contains (context->invited, key) || sequence->slots->len == 0 ||
          is_over (sequence, now))
        continue;
      queue_message (context, sequence, trainee, MESSAGE_CANCEL, now, changes);
    }
  g_clear_pointer (&trainee, person_free);

  return apply_locked (database, changes, error);
}

/* Runs @func under the write lock, reading and writing in one transaction
 * so that two processes never queue the same invitation */
static gboolean
run_locked (FdDatabase  *database,
            gboolean   (*func) (FdDatabase *, const char *, const char *, GError **),
            const char  *first,
            const char  *second,
            GError     **error)
{
  if (!fd_database_begin (database, error))
    return FALSE;
  if (!func (database, first, second, error))
    {
      fd_database_rollback (database);
      return FALSE;
    }

  return fd_database_commit (database, error);
}

static gboolean
queue_for_enrollment_func (FdDatabase  *database,
                           const char  *enrollment_id,
                           const char  *unused,
                           GError     **error)
{
  return queue_for_enrollment (database, enrollment_id, error);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * fd_invitations_queue_for_enrollment:
 * @database: a #FdDatabase
 * @enrollment_id: an enrollment, written already
 * @error: return location for a #GError
 *
 * Queues the calendar invitations an enrollment brings: for each sequence
 * of its session (pre-work ones included), one email_message to the
 * trainee and to each trainer or co-trainer of that sequence's slots who
 * was not invited yet, carrying the sequence's iCalendar REQUEST (column
 * calendar, SEQUENCE in calendar_sequence). The enrollment operation calls
 * it after writing the enrollment; the demo generator does not, so its
 * past data queues no mail.
 *
 * Nothing is queued when the session is a draft, cancelled, or has its
 * calendar invitations off; for a withdrawn or cancelled enrollment; for
 * cancelled sequences, sequences without a slot or already over; and to
 * people without an email address. The same invitation (sequence,
 * address, SEQUENCE) is never queued twice. Everything is written in one
 * transaction, under the write lock (it may run inside the caller's).
 *
 * Returns: %TRUE on success, even if nothing was queued;
 *   %FD_DATABASE_ERROR_NOT_FOUND if the enrollment does not exist
 */
gboolean
fd_invitations_queue_for_enrollment (FdDatabase  *database,
                                     const char  *enrollment_id,
                                     GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (enrollment_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_locked (database, queue_for_enrollment_func, enrollment_id, NULL, error);
}

/**
 * fd_invitations_queue_updates:
 * @database: a #FdDatabase
 * @session_id: a session
 * @sequence_id: (nullable): one of its sequences, %NULL for all of them
 * @error: return location for a #GError
 *
 * Sends the update of a sequence's invitation after its slots moved to
 * another date or place: the editor and the calendar call it after saving
 * such a move with trainees enrolled, unless "do not send an update" was
 * ticked. The sequence's SEQUENCE is raised by one (its UID stays) and the
 * new invitation is queued to every participant: the trainees enrolled
 * and the trainers of the sequence's slots. A sequence that was never
 * invited gets its first invitation instead. Nothing is sent without a
 * trainee enrolled, nor in the cases fd_invitations_queue_for_enrollment()
 * sends nothing.
 *
 * Returns: %TRUE on success; %FD_DATABASE_ERROR_NOT_FOUND if the session
 *   or the sequence does not exist
 */
gboolean
fd_invitations_queue_updates (FdDatabase  *database,
                              const char  *session_id,
                              const char  *sequence_id,
                              GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_locked (database, queue_updates, session_id, sequence_id, error);
}

/**
 * fd_invitations_render:
 * @database: a #FdDatabase
 * @session_id: a session
 * @recipient: (nullable): the attendee's address, %NULL for invitations
 *   without one (a preview)
 * @error: return location for a #GError
 *
 * Renders the invitation of each sequence of @session_id that has slots,
 * as it would be queued now with the current SEQUENCE, whether or not the
 * session sends invitations: for a preview, and `export ics --invitation`.
 *
 * Returns: (transfer full) (nullable): one iCalendar text (CRLF, folded)
 *   per sequence, in the sequences' order, or %NULL
 *   (%FD_DATABASE_ERROR_NOT_FOUND if the session does not exist)
 */
GStrv
fd_invitations_render (FdDatabase  *database,
                       const char  *session_id,
                       const char  *recipient,
                       GError     **error)
{
  g_autoptr(Context) context = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *email = NULL;
  Person person = { NULL, NULL, NULL };
  const Person *attendee = NULL;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context = read_context (database, session_id, error);
  if (context == NULL)
    return NULL;

  email = fd_normalize_email (recipient);
  if (email != NULL)
    {
      person.email = email;
      attendee = &person;
      for (guint i = 0; i < context->trainees->len; i++)
        if (g_ascii_strcasecmp (((Person *) g_ptr_array_index (context->trainees, i))->email,
                                email) == 0)
          attendee = g_ptr_array_index (context->trainees, i);
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < context->sequences->len; i++)
    {
      const Sequence *sequence = g_ptr_array_index (context->sequences, i);
      g_autofree char *text = NULL;

      if (sequence->slots->len == 0)
        continue;
      text = render_calendar (context, sequence, attendee, FALSE, now);
      if (text != NULL)
        g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/**
 * fd_invitations_queue_cancel:
 * @database: a #FdDatabase
 * @session_id: a session
 * @trainee_id: a trainee who is no longer enrolled in it
 * @error: return location for a #GError
 *
 * Takes a session out of the calendar of a trainee who left it: for each
 * sequence the trainee was sent an invitation for (and that is not over),
 * one email_message carrying a METHOD:CANCEL at the sequence's current
 * SEQUENCE, the same UID, STATUS:CANCELLED. fd_unenroll_trainee() calls it
 * after removing the enrollment. Nothing is sent while the trainee is
 * still enrolled (not withdrawn or cancelled), nor twice. Enrolled again
 * later, the trainee gets a new invitation at SEQUENCE + 1.
 *
 * Returns: %TRUE on success, even if nothing was queued;
 *   %FD_DATABASE_ERROR_NOT_FOUND if the session or the trainee does not
 *   exist
 */
gboolean
fd_invitations_queue_cancel (FdDatabase  *database,
                             const char  *session_id,
                             const char  *trainee_id,
                             GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (trainee_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_locked (database, queue_cancel, session_id, trainee_id, error);
}

/* What invitations see of a slot: where and when, and whose it is */
static const char slot_row_sql[] =
  "SELECT session_id, sequence_id, start_at, end_at, place_id, room_id, deleted"
  " FROM slot WHERE id = ?1";

static const char concerned_sql[] =
  "SELECT e.published = 1 AND e.status <> 'cancelled' AND e.calendar_invitations = 1"
  " AND EXISTS (SELECT 1 FROM enrollment n WHERE n.session_id = e.id AND n.deleted = 0"
  "   AND n.status NOT IN ('withdrawn', 'cancelled'))"
  " FROM session e WHERE e.id = ?1 AND e.deleted = 0";

static const char * const where_and_when[] = {
  "start_at", "end_at", "place_id", "room_id", "sequence_id",
};

/* The text @change sets @field to, in *@value; FALSE if it does not set it */
static gboolean
change_text (const FdChange  *change,
             const char      *field,
             const char     **value)
{
  const FdChangeField *set = _fd_change_lookup (change, field);

  if (set == NULL)
    return FALSE;
  *value = set->type == FD_FIELD_TEXT ? set->v.text : NULL;

  return TRUE;
}

static void
add_concerned (GPtrArray  *pairs,
               const char *session_id,
               const char *sequence_id)
{
  if (session_id == NULL || sequence_id == NULL)
    return;
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (g_str_equal (g_ptr_array_index (pairs, i), session_id) &&
        g_str_equal (g_ptr_array_index (pairs, i + 1), sequence_id))
      return;
  g_ptr_array_add (pairs, g_strdup (session_id));
  g_ptr_array_add (pairs, g_strdup (sequence_id));
}

/* Adds to @pairs (session, sequence, session, sequence…) the sequences
 * whose dates or places @change alters */
static gboolean
collect_concerned (FdDatabase      *database,
                   const FdChange  *change,
                   GPtrArray       *pairs,
                   GError         **error)
{
  FdChangeKind kind = fd_change_get_kind (change);
  sqlite3_stmt *stmt;
  gboolean moved = FALSE;
  int rc;

  if (!g_str_equal (fd_change_get_entity (change), "slot"))
    return TRUE;

  if (kind == FD_CHANGE_CREATE)
    {
      const char *session = NULL;
      const char *sequence = NULL;

      change_text (change, "session_id", &session);
      change_text (change, "sequence_id", &sequence);
      add_concerned (pairs, session, sequence);
      return TRUE;
    }

  stmt = _fd_database_prepare (database, slot_row_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fd_change_get_id (change), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *session = (const char *) sqlite3_column_text (stmt, 0);
      const char *sequence = (const char *) sqlite3_column_text (stmt, 1);
      gboolean deleted = sqlite3_column_int (stmt, 6) != 0;
      const char *value = NULL;

      if (kind == FD_CHANGE_DELETE)
        moved = !deleted;
      else if (kind == FD_CHANGE_RESTORE)
        moved = deleted;
      else
        for (guint i = 0; i < G_N_ELEMENTS (where_and_when) && !moved; i++)
          moved = change_text (change, where_and_when[i], &value) &&
                  g_strcmp0 (value, (const char *) sqlite3_column_text (stmt, (int) i + 2)) != 0;

      if (moved)
        {
          add_concerned (pairs, session, sequence);
          /* Moved to another sequence: both are concerned */
          if (change_text (change, "sequence_id", &value))
            add_concerned (pairs, session, value);
        }
    }
  else if (rc != SQLITE_DONE)
    _fd_database_set_error (database, error, slot_row_sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
is_concerned (FdDatabase  *database,
              const char  *session_id,
              gboolean    *concerned,
              GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, concerned_sql, error);
  int rc;

  *concerned = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *concerned = sqlite3_column_int (stmt, 0) != 0;
  else if (rc != SQLITE_DONE)
    _fd_database_set_error (database, error, concerned_sql);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/**
 * fd_invitations_edit_needs_update:
 * @database: a #FdDatabase
 * @changes: (element-type FdChange): an edit about to be applied
 * @session_id: (out) (optional) (transfer full): the session concerned
 * @sequence_ids: (out) (optional) (transfer full): its sequences concerned
 *
 * Whether applying @changes would make the calendar invitations of
 * enrolled trainees wrong, so that an update must be sent (seed 004:
 * changing a slot's place or date with participants enrolled): a slot
 * created, deleted or restored, or its start, end, place, room or
 * sequence changed to another value, in a session that has live
 * enrollments (not withdrawn or cancelled) and sends invitations
 * (published, not cancelled, invitations on). Anything else, a room or a
 * place renamed included, needs none. Call it before applying @changes,
 * then, once applied, fd_invitations_queue_updates_after_edit() with what
 * it returned, unless the user ticked "do not send an update".
 *
 * When an edit concerns several sessions (never from one editor), the
 * first one is returned. A database error is logged and reads as %FALSE.
 *
 * Returns: %TRUE if an update is needed
 */
gboolean
fd_invitations_edit_needs_update (FdDatabase  *database,
                                  GPtrArray   *changes,
                                  char       **session_id,
                                  GStrv       *sequence_ids)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) sequences = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *found = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (session_id != NULL)
    *session_id = NULL;
  if (sequence_ids != NULL)
    *sequence_ids = NULL;

  for (guint i = 0; i < changes->len; i++)
    if (!collect_concerned (database, g_ptr_array_index (changes, i), pairs, &error))
      {
        g_warning ("Could not tell whether calendar invitations need an update: %s",
                   error->message);
        return FALSE;
      }

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *session = g_ptr_array_index (pairs, i);
      gboolean concerned = FALSE;

      if (found != NULL && !g_str_equal (found, session))
        continue;
      if (found == NULL)
        {
          if (!is_concerned (database, session, &concerned, &error))
            {
              g_warning ("Could not tell whether calendar invitations need an update: %s",
                         error->message);
              return FALSE;
            }
          if (!concerned)
            continue;
          found = session;
        }
      g_strv_builder_add (sequences, g_ptr_array_index (pairs, i + 1));
    }

  if (found == NULL)
    return FALSE;
  if (session_id != NULL)
    *session_id = g_strdup (found);
  if (sequence_ids != NULL)
    *sequence_ids = g_strv_builder_end (sequences);

  return TRUE;
}

/**
 * fd_invitations_queue_updates_after_edit:
 * @database: a #FdDatabase
 * @session_id: the session fd_invitations_edit_needs_update() returned
 * @sequence_ids: (nullable) (array zero-terminated=1): its sequences
 *   concerned, %NULL for all of them
 * @error: return location for a #GError
 *
 * fd_invitations_queue_updates() for each of @sequence_ids, in one
 * transaction. The editor's slot dialog and the calendar (after a drop)
 * call it once their edit is applied. A sequence deleted since is
 * skipped.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_invitations_queue_updates_after_edit (FdDatabase          *database,
                                         const char          *session_id,
                                         const char * const  *sequence_ids,
                                         GError             **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sequence_ids == NULL)
    return fd_invitations_queue_updates (database, session_id, NULL, error);

  if (!fd_database_begin (database, error))
    return FALSE;
  for (guint i = 0; sequence_ids[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (queue_updates (database, session_id, sequence_ids[i], &local_error))
        continue;
      if (g_error_matches (local_error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND))
        continue;
      g_propagate_error (error, g_steal_pointer (&local_error));
      fd_database_rollback (database);
      return FALSE;
    }

  return fd_database_commit (database, error);
}

/* ------------------------------------------------------------------------ */
/* The invitation a convocation carries                                     */
/* ------------------------------------------------------------------------ */

FdInvitationsContext *
_fd_invitations_context_read (FdDatabase  *database,
                              const char  *session_id,
                              GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);

  return read_context (database, session_id, error);
}

void
_fd_invitations_context_free (FdInvitationsContext *context)
{
  if (context != NULL)
    context_free (context);
}

static const Person *
find_participant (Context        *context,
                  const Sequence *sequence,
                  const char     *email)
{
  GPtrArray *lists[] = { context->trainees, sequence->trainers };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        const Person *person = g_ptr_array_index (lists[l], i);

        if (g_ascii_strcasecmp (person->email, email) == 0)
          return person;
      }

  return NULL;
}

gboolean
_fd_invitations_attach (FdInvitationsContext *context,
                        const char           *sequence_id,
                        const char           *recipient,
                        gint64                now,
                        FdChange             *message,
                        GPtrArray            *changes)
{
  g_autofree char *email = fd_normalize_email (recipient);
  g_autofree char *calendar = NULL;
  Sequence *sequence;
  const Person *person;
  FdChange *saved;

  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  sequence = sequence_id != NULL ? find_sequence (context, sequence_id) : NULL;
  if (sequence == NULL || email == NULL || !can_send (context, sequence, now))
    return FALSE;
  person = find_participant (context, sequence, email);
  if (person == NULL)
    return FALSE;

  saved = save_invitation (context, sequence, FALSE);
  if (saved != NULL)
    g_ptr_array_add (changes, saved);

  calendar = render_calendar (context, sequence, person, FALSE, now);
  fd_change_set_string (message, "sequence_id", sequence->id);
  fd_change_set_string (message, "calendar", calendar);
  fd_change_set_int (message, "calendar_sequence", sequence->number);
  g_hash_table_add (context->sent, sent_key (sequence->id, person->email, sequence->number));
  g_hash_table_add (context->invited, invited_key (sequence->id, person->email));

  return TRUE;
}
