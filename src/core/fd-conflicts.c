/* fd-conflicts.c — scheduling conflicts: one set of rules for every caller
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-conflicts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-conflicts.h"

#include "fd-conflicts-private.h"
#include "fd-database-private.h"
#include "fd-format.h"
#include "fd-validate.h"

#include <string.h>

/*
 * The session editor, the calendar (live, during a drag), duplicate,
 * imports, the demo generator and the server all ask the questions below,
 * so they all get the same answers (DESIGN.md, "one set of rules").
 *
 * Slot times are local wall-clock text in their place's time zone. Two
 * slots of the same zone (the common case) are compared as text; slots of
 * different zones are compared as real instants. Overlap is strict: a slot
 * ending at 12:00 and one starting at 12:00 do not conflict. An
 * unavailability has no place: it is read in the time zone of the slot it
 * is compared with (the trainer is where the slot is).
 *
 * Only live rows count: deleted rows (a deleted room, place or trainer
 * included) are as if absent, and slots of cancelled sessions or cancelled
 * sequences neither have nor cause conflicts.
 *
 * SQL only narrows the candidates, through the indexes slot_room,
 * slot_staff_trainer and unavailability_trainer, with margins for time
 * zones; the exact comparisons are made here, in C, by the same functions
 * for a proposal and for a whole range.
 */

#define DEFAULT_TIME_ZONE "Europe/Paris"

/* A slot is assumed to last at most this many days: the search for the
 * slots of a room reads that much of the slot_room index before a slot. */
#define MAX_SLOT_DAYS 7

/* Wall-clock texts of two time zones differ by 26 hours at most. */
#define ZONE_MARGIN_DAYS 2

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* Kept conflicts of two slots name the other slot and who they share:
 * "<other slot id>/<trainer or room id>". */
#define SUBJECT_SEPARATOR "/"

static const struct
{
  const char *name;
  const char *label;
} kinds[] = {
  { "trainer_overlap", N_("Trainer double-booked") },
  { "room_overlap", N_("Room double-booked") },
  { "trainer_unavailable", N_("Trainer unavailable") },
  { "room_capacity", N_("Room too small") },
  { "outside_year", N_("Outside the session’s year") },
  { "trainer_two_places", N_("Trainer in two places") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == FD_CONFLICT_N_KINDS);

struct _FdConflict
{
  gatomicrefcount ref_count;
  FdConflictKind kind;
  char *slot_id;
  char *session_code;
  char *start_at;
  char *end_at;
  char *other_slot_id;
  char *other_session_code;
  char *other_start_at;
  char *other_end_at;
  char *trainer_id;
  char *trainer_name;
  char *room_id;
  char *room_name;
  char *unavailability_id;
  char *subject_id;
  char *message;
  gboolean kept;
  char *kept_reason;
};

G_DEFINE_BOXED_TYPE (FdConflict, fd_conflict, fd_conflict_ref, fd_conflict_unref)
G_DEFINE_BOXED_TYPE (FdSlotProposal, fd_slot_proposal, fd_slot_proposal_copy, fd_slot_proposal_free)

typedef struct
{
  char *id;
  char *name;
} Trainer;

/* A slot as the rules see it: stored, or a proposal (id NULL) */
typedef struct
{
  char *id;
  char *session_id;
  char *session_code;
  int session_year;
  char start[20]; /* "YYYY-MM-DDTHH:MM:SS", local to the zone */
  char end[20];
  const char *zone; /* interned time zone identifier */
  gboolean has_instants;
  gint64 start_s; /* UTC seconds, computed when zones differ */
  gint64 end_s;
  char *place_id;
  char *place_name;
  char *room_id;
  char *room_name;
  gint64 room_capacity;
  gint64 headcount;
  gboolean in_range;
  GPtrArray *trainers; /* Trainer, borrowed */
} SlotInfo;

/* Columns 0-11 of every query that reads slots (see read_slot) */
#define SLOT_COLUMNS \
  "s.id, e.code, e.year, s.start_at, s.end_at, p.id, p.name, p.time_zone," \
  " r.id, r.name, r.capacity, e.id"

/* CROSS JOIN keeps the slots first: without statistics the planner would
 * rather start from the index of live sessions (session_sort) and read
 * them all. */
#define SLOT_JOINS \
  " CROSS JOIN session e ON e.id = s.session_id AND e.deleted = 0 AND e.status <> 'cancelled'" \
  " CROSS JOIN sequence q ON q.id = s.sequence_id AND q.deleted = 0 AND q.status <> 'cancelled'" \
  " LEFT JOIN place p ON p.id = s.place_id AND p.deleted = 0" \
  " LEFT JOIN room r ON r.id = s.room_id AND r.deleted = 0"

#define HEADCOUNT(session) \
  "(SELECT count(*) FROM enrollment n WHERE n.session_id = " session \
  " AND n.deleted = 0 AND n.status NOT IN ('withdrawn', 'cancelled'))"

/* The slots of a room around a time: ?1 room, ?2 ?3 bounds of start_at, ?4
 * lower bound of end_at, ?5 the slot left out */
static const char room_slots_sql[] =
  "SELECT " SLOT_COLUMNS " FROM slot s INDEXED BY slot_room" SLOT_JOINS
  " WHERE s.room_id = ?1 AND s.start_at >= ?2 AND s.start_at < ?3 AND s.end_at > ?4"
  " AND s.deleted = 0 AND s.id IS NOT ?5";

/* The slots of a trainer around a time: ?1 trainer, ?2 upper bound of
 * start_at, ?3 lower bound of end_at, ?4 the slot left out */
static const char trainer_slots_sql[] =
  "SELECT " SLOT_COLUMNS " FROM slot s" SLOT_JOINS
  " WHERE s.id IN (SELECT st.slot_id FROM slot_staff st"
  "                WHERE st.trainer_id = ?1 AND st.deleted = 0)"
  " AND s.start_at < ?2 AND s.end_at > ?3 AND s.deleted = 0 AND s.id IS NOT ?4";

static const char unavailability_sql[] =
  "SELECT id, start_at, end_at, reason FROM unavailability"
  " WHERE trainer_id = ?1 AND deleted = 0 AND start_at < ?2 AND end_at > ?3";

/* Every slot starting in [?1, ?2), from the index alone: its session,
 * sequence, place and room are read once each (a few hundred for
 * thousands of slots), as SLOT_JOINS would join them */
static const char range_slots_sql[] =
  "SELECT s.id, s.start_at, s.end_at, s.session_id, s.sequence_id, s.place_id, s.room_id"
  " FROM slot s"
  " WHERE s.start_at >= ?1 AND s.start_at < ?2 AND s.deleted = 0";

static const char range_session_sql[] =
  "SELECT code, year FROM session WHERE id = ?1 AND deleted = 0 AND status <> 'cancelled'";
static const char range_sequence_sql[] =
  "SELECT 1 FROM sequence WHERE id = ?1 AND deleted = 0 AND status <> 'cancelled'";
static const char headcount_sql[] =
  "SELECT " HEADCOUNT ("?1");

/* The staff of those slots; their trainers are read once each */
static const char range_staff_sql[] =
  "SELECT st.slot_id, st.trainer_id"
  " FROM slot s CROSS JOIN slot_staff st ON st.slot_id = s.id AND st.deleted = 0"
  " WHERE s.start_at >= ?1 AND s.start_at < ?2 AND s.deleted = 0";

static const char session_sql[] =
  "SELECT code, year, status = 'cancelled', " HEADCOUNT ("session.id")
  " FROM session WHERE id = ?1 AND deleted = 0";

static const char sequence_cancelled_sql[] =
  "SELECT status = 'cancelled' OR deleted <> 0 FROM sequence WHERE id = ?1";

static const char place_sql[] = "SELECT name, time_zone FROM place WHERE id = ?1 AND deleted = 0";
static const char room_sql[] = "SELECT name, capacity FROM room WHERE id = ?1 AND deleted = 0";
static const char trainer_sql[] =
  "SELECT first_name, last_name FROM trainer WHERE id = ?1 AND deleted = 0";

static const char stored_slot_sql[] =
  "SELECT session_id, sequence_id, start_at, end_at, place_id, room_id FROM slot"
  " WHERE id = ?1 AND deleted = 0";
static const char stored_staff_sql[] =
  "SELECT trainer_id FROM slot_staff WHERE slot_id = ?1 AND deleted = 0 ORDER BY rowid";

/* A kept conflict is found from either of its slots */
static const char ack_sql[] =
  "SELECT id, revision, reason FROM conflict_ack WHERE deleted = 0 AND kind = ?1"
  " AND ((slot_id = ?2 AND subject_id IS ?3) OR (slot_id = ?4 AND subject_id IS ?5))"
  " ORDER BY updated_at DESC LIMIT 1";

/* Time zones */

G_LOCK_DEFINE_STATIC (time_zones);
static GHashTable *time_zones; /* identifier → GTimeZone, for the process */

static const char *
intern_zone (const char *identifier)
{
  return g_intern_string (identifier != NULL && *identifier != '\0' ? identifier
                                                                     : DEFAULT_TIME_ZONE);
}

/* Returns: (transfer none): the zone, kept for the life of the process
 * (there are few), so that none is read twice from the disk */
static GTimeZone *
lookup_time_zone (const char *identifier)
{
  GTimeZone *tz;

  G_LOCK (time_zones);

  if (time_zones == NULL)
    time_zones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_time_zone_unref);

  tz = g_hash_table_lookup (time_zones, identifier);
  if (tz == NULL)
    {
      tz = g_time_zone_new_identifier (identifier);
      if (tz == NULL)
        {
          g_debug ("Unknown time zone “%s”: using %s", identifier, DEFAULT_TIME_ZONE);
          tz = g_time_zone_new_identifier (DEFAULT_TIME_ZONE);
        }
      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      g_hash_table_insert (time_zones, (gpointer) g_intern_string (identifier), tz);
    }

  G_UNLOCK (time_zones);

  return tz;
}

static int
read_digits (const char *text,
             guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + g_ascii_digit_value (text[i]);

  return value;
}

/* @text is normalised (see normalize_date_time) */
static GDateTime *
new_date_time (const char *zone,
               const char *text)
{
  return g_date_time_new (lookup_time_zone (zone),
                          read_digits (text, 4), read_digits (text + 5, 2),
                          read_digits (text + 8, 2), read_digits (text + 11, 2),
                          read_digits (text + 14, 2), read_digits (text + 17, 2));
}

static gint64
to_unix (const char *zone,
         const char *text)
{
  g_autoptr(GDateTime) date_time = new_date_time (zone, text);

  return date_time != NULL ? g_date_time_to_unix (date_time) : 0;
}

/* "UTC", "CET", "+04": how a time in @zone is labelled at @text */
static char *
zone_abbreviation (const char *zone,
                   const char *text)
{
  g_autoptr(GDateTime) date_time = new_date_time (zone, text);

  return g_strdup (date_time != NULL ? g_date_time_get_timezone_abbreviation (date_time) : zone);
}

/* Times and dates */

/* Writes @text ("2026-03-03T09:00" or "2026-03-03T09:00:30") with its
 * seconds, so that texts compare as times do. */
static gboolean
normalize_date_time (const char *text,
                     char        out[20])
{
  if (!fd_validate_date_time (text))
    return FALSE;

  memcpy (out, text, 16);
  memcpy (out + 16, strlen (text) == 19 ? text + 16 : ":00", 3);
  out[19] = '\0';

  return TRUE;
}

/* Writes the date @days after the date at the start of @text */
static void
shift_date (const char *text,
            int         days,
            char        out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) read_digits (text + 8, 2),
                  (GDateMonth) read_digits (text + 5, 2), (GDateYear) read_digits (text, 4));
  if (days > 0)
    g_date_add_days (&date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&date, (guint) -days);

  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

/* Trainers and slots */

static void
trainer_free (Trainer *trainer)
{
  g_free (trainer->id);
  g_free (trainer->name);
  g_free (trainer);
}

static char *
join_name (sqlite3_stmt *stmt,
           int           first)
{
  const char *first_name = (const char *) sqlite3_column_text (stmt, first);
  const char *last_name = (const char *) sqlite3_column_text (stmt, first + 1);

  /* Translators: a person's name, %1$s the first name, %2$s the last name */
  return g_strstrip (g_strdup_printf (C_("person name", "%1$s %2$s"),
                                      first_name != NULL ? first_name : "",
                                      last_name != NULL ? last_name : ""));
}

static SlotInfo *
slot_info_new (void)
{
  return g_new0 (SlotInfo, 1);
}

static void
slot_info_free (SlotInfo *slot)
{
  g_free (slot->id);
  g_free (slot->session_id);
  g_free (slot->session_code);
  g_free (slot->place_id);
  g_free (slot->place_name);
  g_free (slot->room_id);
  g_free (slot->room_name);
  g_clear_pointer (&slot->trainers, g_ptr_array_unref);
  g_free (slot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlotInfo, slot_info_free)

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Reads columns SLOT_COLUMNS; NULL for a row whose times are not valid
 * (they are checked on the way in, so this is a pulled row gone wrong). */
static SlotInfo *
read_slot (sqlite3_stmt *stmt)
{
  g_autoptr(SlotInfo) slot = slot_info_new ();

  if (!normalize_date_time ((const char *) sqlite3_column_text (stmt, 3), slot->start) ||
      !normalize_date_time ((const char *) sqlite3_column_text (stmt, 4), slot->end))
    {
      g_debug ("Slot %s has invalid times: left out of the conflicts",
               (const char *) sqlite3_column_text (stmt, 0));
      return NULL;
    }

  slot->id = dup_column (stmt, 0);
  slot->session_code = dup_column (stmt, 1);
  slot->session_year = sqlite3_column_int (stmt, 2);
  slot->place_id = dup_column (stmt, 5);
  slot->place_name = dup_column (stmt, 6);
  slot->zone = intern_zone ((const char *) sqlite3_column_text (stmt, 7));
  slot->room_id = dup_column (stmt, 8);
  slot->room_name = dup_column (stmt, 9);
  slot->room_capacity = sqlite3_column_int64 (stmt, 10);
  slot->session_id = dup_column (stmt, 11);

  return g_steal_pointer (&slot);
}

static void
ensure_instants (SlotInfo *slot)
{
  if (slot->has_instants)
    return;

  slot->start_s = to_unix (slot->zone, slot->start);
  slot->end_s = to_unix (slot->zone, slot->end);
  slot->has_instants = TRUE;
}

/* Real time overlap, strict: touching slots do not overlap */
static gboolean
slots_overlap (SlotInfo *a,
               SlotInfo *b)
{
  if (a->zone == b->zone)
    return strcmp (a->start, b->end) < 0 && strcmp (b->start, a->end) < 0;

  ensure_instants (a);
  ensure_instants (b);

  return a->start_s < b->end_s && b->start_s < a->end_s;
}

/* Two places the same local day: each slot's date in its own zone */
static gboolean
slots_at_two_places (const SlotInfo *a,
                     const SlotInfo *b)
{
  return a->place_id != NULL && b->place_id != NULL &&
         strcmp (a->place_id, b->place_id) != 0 &&
         memcmp (a->start, b->start, 10) == 0;
}

/* Another live slot of the slot's session starting in @year */
static gboolean
session_has_slot_in (FdDatabase     *database,
                     const SlotInfo *slot,
                     int             year)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database,
                                             "SELECT 1 FROM slot INDEXED BY slot_session"
                                             " WHERE session_id = ?1 AND deleted = 0"
                                             " AND start_at >= ?2 AND start_at < ?3"
                                             " AND id IS NOT ?4 LIMIT 1",
                                             NULL);
  char from[8];
  char to[8];
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  g_snprintf (from, sizeof from, "%04d", year);
  g_snprintf (to, sizeof to, "%04d", year + 1);
  sqlite3_bind_text (stmt, 1, slot->session_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, slot->id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/* A session is of a year: its slots are in it, or, for a session that
 * starts in it and spans the new year (it counts in both, DOMAIN.md), in
 * the next one */
static gboolean
is_outside_year (FdDatabase     *database,
                 const SlotInfo *slot)
{
  int year = (int) read_digits (slot->start, 4);

  if (year == slot->session_year || slot->session_year == 0)
    return FALSE;

  return year != slot->session_year + 1 || slot->session_id == NULL ||
         !session_has_slot_in (database, slot, slot->session_year);
}

static gboolean
is_room_too_small (const SlotInfo *slot)
{
  return slot->room_id != NULL && slot->room_capacity > 0 &&
         slot->headcount > slot->room_capacity;
}

/* Messages */

/* "10:00" on the day of @day, "04/03/2026 10:00" on another day */
static char *
format_moment (const char *day,
               const char *text)
{
  g_autofree char *date = NULL;
  g_autofree char *time = fd_format_time (text);

  if (strncmp (day, text, 10) == 0)
    return g_steal_pointer (&time);

  date = fd_format_date_short (text);
  /* Translators: a date and a time of day, as in "04/03/2026 10:00" */
  return g_strdup_printf (C_("date and time", "%1$s %2$s"), date, time);
}

/* "from 10:00 to 12:00", seen from @slot; with the zone's abbreviation
 * when @zone is not the slot's */
static char *
format_range (const SlotInfo *slot,
              const char     *start,
              const char     *end,
              const char     *zone)
{
  g_autofree char *from = format_moment (slot->start, start);
  g_autofree char *to = format_moment (slot->start, end);
  g_autofree char *abbreviation = NULL;

  if (zone == slot->zone)
    /* Translators: completes a sentence about a conflict, as in "Claire
     * Martin is already teaching 2026-0042 from 10:00 to 12:00." */
    return g_strdup_printf (C_("conflict", "from %1$s to %2$s"), from, to);

  abbreviation = zone_abbreviation (zone, start);
  /* Translators: as "from 10:00 to 12:00", in another time zone: %3$s is
   * the zone's abbreviation ("CET", "+04") */
  return g_strdup_printf (C_("conflict", "from %1$s to %2$s (%3$s)"), from, to, abbreviation);
}

static const char *
or_unknown (const char *text)
{
  return text != NULL ? text : "?";
}

/* Conflicts */

static FdConflict *
conflict_new (FdConflictKind  kind,
              const SlotInfo *slot)
{
  FdConflict *self = g_new0 (FdConflict, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->slot_id = g_strdup (slot->id);
  self->session_code = g_strdup (slot->session_code);
  self->start_at = g_strndup (slot->start, 16);
  self->end_at = g_strndup (slot->end, 16);

  return self;
}

static void
set_other_slot (FdConflict     *self,
                const SlotInfo *other)
{
  self->other_slot_id = g_strdup (other->id);
  self->other_session_code = g_strdup (other->session_code);
  self->other_start_at = g_strndup (other->start, 16);
  self->other_end_at = g_strndup (other->end, 16);
}

static FdConflict *
new_pair_conflict (FdConflictKind  kind,
                   SlotInfo       *slot,
                   SlotInfo       *other,
                   const Trainer  *trainer)
{
  FdConflict *self = conflict_new (kind, slot);
  g_autofree char *range = format_range (slot, other->start, other->end, other->zone);

  set_other_slot (self, other);

  if (trainer != NULL)
    {
      self->trainer_id = g_strdup (trainer->id);
      self->trainer_name = g_strdup (trainer->name);
      self->subject_id = g_strconcat (other->id, SUBJECT_SEPARATOR, trainer->id, NULL);
    }
  else
    {
      self->room_id = g_strdup (slot->room_id);
      self->room_name = g_strdup (slot->room_name);
      self->subject_id = g_strconcat (other->id, SUBJECT_SEPARATOR, slot->room_id, NULL);
    }

  switch (kind)
    {
    case FD_CONFLICT_KIND_TRAINER_OVERLAP:
      /* Translators: %1$s is a trainer, %2$s a session code, %3$s "from
       * 10:00 to 12:00" */
      self->message = g_strdup_printf (_("%1$s is already teaching %2$s %3$s."),
                                       self->trainer_name, or_unknown (other->session_code),
                                       range);
      break;

    case FD_CONFLICT_KIND_ROOM_OVERLAP:
      /* Translators: %1$s is a room, %2$s a session code, %3$s "from 10:00
       * to 12:00" */
      self->message = g_strdup_printf (_("%1$s is already booked for %2$s %3$s."),
                                       or_unknown (self->room_name),
                                       or_unknown (other->session_code), range);
      break;

    case FD_CONFLICT_KIND_TRAINER_TWO_PLACES:
      /* Translators: %1$s is a trainer, %2$s a session code, %3$s a place,
       * %4$s "from 14:00 to 17:00" */
      self->message = g_strdup_printf (_("%1$s also teaches %2$s at %3$s the same day, %4$s."),
                                       self->trainer_name, or_unknown (other->session_code),
                                       or_unknown (other->place_name), range);
      break;

    case FD_CONFLICT_KIND_TRAINER_UNAVAILABLE:
    case FD_CONFLICT_KIND_ROOM_CAPACITY:
    case FD_CONFLICT_KIND_OUTSIDE_YEAR:
    default:
      g_assert_not_reached ();
    }

  return self;
}

static FdConflict *
new_unavailable_conflict (const SlotInfo *slot,
                          const Trainer  *trainer,
                          const char     *unavailability_id,
                          const char     *start,
                          const char     *end,
                          const char     *reason)
{
  FdConflict *self = conflict_new (FD_CONFLICT_KIND_TRAINER_UNAVAILABLE, slot);
  g_autofree char *range = format_range (slot, start, end, slot->zone);

  self->trainer_id = g_strdup (trainer->id);
  self->trainer_name = g_strdup (trainer->name);
  self->unavailability_id = g_strdup (unavailability_id);
  self->subject_id = g_strdup (unavailability_id);
  self->other_start_at = g_strndup (start, 16);
  self->other_end_at = g_strndup (end, 16);

  if (reason != NULL && *reason != '\0')
    /* Translators: %1$s is a trainer, %2$s "from 10:00 to 12:00", %3$s
     * the reason they gave ("Congés") */
    self->message = g_strdup_printf (_("%1$s is unavailable %2$s (%3$s)."),
                                     trainer->name, range, reason);
  else
    /* Translators: %1$s is a trainer, %2$s "from 10:00 to 12:00" */
    self->message = g_strdup_printf (_("%1$s is unavailable %2$s."), trainer->name, range);

  return self;
}

static FdConflict *
new_capacity_conflict (const SlotInfo *slot)
{
  FdConflict *self = conflict_new (FD_CONFLICT_KIND_ROOM_CAPACITY, slot);
  int capacity = (int) MIN (slot->room_capacity, G_MAXINT);
  int headcount = (int) MIN (slot->headcount, G_MAXINT);

  self->room_id = g_strdup (slot->room_id);
  self->room_name = g_strdup (slot->room_name);
  self->subject_id = g_strdup (slot->room_id);
  /* Translators: %1$s is a room, %2$d its number of seats, %3$d the
   * number of trainees enrolled in the session */
  self->message = g_strdup_printf (ngettext ("%1$s seats %2$d, but %3$d trainee is enrolled.",
                                             "%1$s seats %2$d, but %3$d trainees are enrolled.",
                                             (gulong) headcount),
                                   or_unknown (slot->room_name), capacity, headcount);

  return self;
}

static FdConflict *
new_year_conflict (const SlotInfo *slot)
{
  FdConflict *self = conflict_new (FD_CONFLICT_KIND_OUTSIDE_YEAR, slot);
  g_autofree char *date = fd_format_date_short (slot->start);

  /* Translators: %1$s is a date, %2$d a year */
  self->message = g_strdup_printf (_("This slot is on %1$s, outside the session’s year %2$d."),
                                   date, slot->session_year);

  return self;
}

static gboolean
is_pair_kind (FdConflictKind kind)
{
  return kind == FD_CONFLICT_KIND_TRAINER_OVERLAP || kind == FD_CONFLICT_KIND_ROOM_OVERLAP ||
         kind == FD_CONFLICT_KIND_TRAINER_TWO_PLACES;
}

/* The subject of the same conflict seen from the other slot */
static char *
reverse_subject (const FdConflict *self)
{
  const char *who;

  if (!is_pair_kind (self->kind) || self->slot_id == NULL)
    return NULL;

  who = self->trainer_id != NULL ? self->trainer_id : self->room_id;

  return g_strconcat (self->slot_id, SUBJECT_SEPARATOR, who, NULL);
}

/* Finds the conflict_ack of @self, from either slot. Returns FALSE on a
 * database error; *@found tells whether there is one. */
static gboolean
lookup_ack (FdDatabase        *database,
            const FdConflict  *self,
            gboolean          *found,
            char             **id,
            gint64            *revision,
            char             **reason,
            GError           **error)
{
  g_autofree char *reverse = reverse_subject (self);
  sqlite3_stmt *stmt;
  int rc;

  *found = FALSE;
  if (self->slot_id == NULL)
    return TRUE;

  stmt = _fd_database_prepare (database, ack_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kinds[self->kind].name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->slot_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->subject_id, -1, SQLITE_STATIC);
  if (reverse != NULL)
    {
      sqlite3_bind_text (stmt, 4, self->other_slot_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, reverse, -1, SQLITE_STATIC);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      if (id != NULL)
        *id = dup_column (stmt, 0);
      if (revision != NULL)
        *revision = sqlite3_column_int64 (stmt, 1);
      if (reason != NULL)
        *reason = dup_column (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, ack_sql);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
mark_kept (FdDatabase  *database,
           GPtrArray   *conflicts,
           GError     **error)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      FdConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *reason = NULL;
      gboolean found;

      if (!lookup_ack (database, conflict, &found, NULL, NULL, &reason, error))
        return FALSE;

      conflict->kept = found;
      g_free (conflict->kept_reason);
      conflict->kept_reason = g_steal_pointer (&reason);
    }

  return TRUE;
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const FdConflict *x = *(const FdConflict * const *) a;
  const FdConflict *y = *(const FdConflict * const *) b;
  int cmp;

  if ((cmp = g_strcmp0 (x->start_at, y->start_at)) != 0 ||
      (cmp = g_strcmp0 (x->session_code, y->session_code)) != 0 ||
      (cmp = g_strcmp0 (x->slot_id, y->slot_id)) != 0)
    return cmp;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;

  if ((cmp = g_strcmp0 (x->other_start_at, y->other_start_at)) != 0 ||
      (cmp = g_strcmp0 (x->trainer_name, y->trainer_name)) != 0)
    return cmp;

  return g_strcmp0 (x->subject_id, y->subject_id);
}

static GPtrArray *
new_conflict_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) fd_conflict_unref);
}

/* Steps through a statement's rows; FALSE on an error. */
static gboolean
step_done (FdDatabase    *database,
           sqlite3_stmt  *stmt,
           int            rc,
           const char    *sql,
           GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  _fd_database_set_error (database, error, sql);
  return FALSE;
}

/* The trainer's unavailabilities overlapping @slot, as wall-clock times of
 * the slot's zone */
/* Adds the conflict of @slot's @trainer with an unavailability row that
 * unavailability_sql matched, when their times really overlap */
static void
add_unavailable (const SlotInfo *slot,
                 const Trainer  *trainer,
                 const char     *id,
                 const char     *start_at,
                 const char     *end_at,
                 const char     *reason,
                 GPtrArray      *conflicts)
{
  char start[20];
  char end[20];

  if (!normalize_date_time (start_at, start) || !normalize_date_time (end_at, end))
    return;

  if (strcmp (start, slot->end) < 0 && strcmp (slot->start, end) < 0)
    g_ptr_array_add (conflicts, new_unavailable_conflict (slot, trainer, id, start, end, reason));
}

static gboolean
check_unavailable (FdDatabase     *database,
                   const SlotInfo *slot,
                   const Trainer  *trainer,
                   GPtrArray      *conflicts,
                   GError        **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, unavailability_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, trainer->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, slot->end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, slot->start, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_unavailable (slot, trainer, (const char *) sqlite3_column_text (stmt, 0),
                     (const char *) sqlite3_column_text (stmt, 1),
                     (const char *) sqlite3_column_text (stmt, 2),
                     (const char *) sqlite3_column_text (stmt, 3), conflicts);

  return step_done (database, stmt, rc, unavailability_sql, error);
}

/* The unavailabilities of the trainers of a range's slots, read once per
 * trainer for all its slots (in the order unavailability_sql gives) and
 * matched to each slot as that query would */
typedef struct
{
  char *id;
  char *start_at;            /* as stored */
  char *end_at;
  char *reason;
} RangeUnavailability;

static void
range_unavailability_free (RangeUnavailability *unavailability)
{
  g_free (unavailability->id);
  g_free (unavailability->start_at);
  g_free (unavailability->end_at);
  g_free (unavailability->reason);
  g_free (unavailability);
}

typedef struct
{
  char from[20];             /* the earliest start of its slots in the range */
  char to[20];               /* the latest end */
  GPtrArray *rows;           /* RangeUnavailability */
} TrainerUnavailabilities;

static void
trainer_unavailabilities_free (TrainerUnavailabilities *unavailabilities)
{
  g_clear_pointer (&unavailabilities->rows, g_ptr_array_unref);
  g_free (unavailabilities);
}

/* check_unavailable() for a slot of the range, from the rows read */
static void
check_range_unavailable (const SlotInfo *slot,
                         const Trainer  *trainer,
                         GHashTable     *unavailabilities,
                         GPtrArray      *conflicts)
{
  TrainerUnavailabilities *found = g_hash_table_lookup (unavailabilities, trainer->id);

  for (guint i = 0; found != NULL && i < found->rows->len; i++)
    {
      const RangeUnavailability *row = g_ptr_array_index (found->rows, i);

      /* unavailability_sql's own test, on the text as stored */
      if (row->start_at != NULL && row->end_at != NULL &&
          strcmp (row->start_at, slot->end) < 0 && strcmp (row->end_at, slot->start) > 0)
        add_unavailable (slot, trainer, row->id, row->start_at, row->end_at, row->reason,
                         conflicts);
    }
}

/* The conflicts of one slot that involve no other slot */
static gboolean
check_alone (FdDatabase      *database,
             const SlotInfo  *slot,
             GHashTable      *unavailabilities,
             GPtrArray       *conflicts,
             GError         **error)
{
  if (is_outside_year (database, slot))
    g_ptr_array_add (conflicts, new_year_conflict (slot));

  if (is_room_too_small (slot))
    g_ptr_array_add (conflicts, new_capacity_conflict (slot));

  for (guint i = 0; slot->trainers != NULL && i < slot->trainers->len; i++)
    {
      const Trainer *trainer = g_ptr_array_index (slot->trainers, i);

      if (unavailabilities != NULL)
        check_range_unavailable (slot, trainer, unavailabilities, conflicts);
      else if (!check_unavailable (database, slot, trainer, conflicts, error))
        return FALSE;
    }

  return TRUE;
}

/* Proposals */

static gboolean
query_row (FdDatabase    *database,
           const char    *sql,
           const char    *id,
           sqlite3_stmt **out,
           GError       **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, error);
  int rc;

  *out = NULL;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = stmt;
      return TRUE;
    }

  return step_done (database, stmt, rc, sql, error);
}

/* Fills @slot from the proposal and the rows it names. *@cancelled is set
 * when the slot belongs to a cancelled session or sequence. */
static gboolean
load_proposal (FdDatabase            *database,
               const FdSlotProposal  *proposal,
               SlotInfo              *slot,
               GPtrArray             *trainers,
               gboolean              *cancelled,
               GError               **error)
{
  sqlite3_stmt *stmt;

  *cancelled = FALSE;

  if (!normalize_date_time (proposal->start_at, slot->start))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "start_at",
                          _("The start is not a valid date and time."));
      return FALSE;
    }
  if (!normalize_date_time (proposal->end_at, slot->end))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "end_at",
                          _("The end is not a valid date and time."));
      return FALSE;
    }
  if (strcmp (slot->end, slot->start) <= 0)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "end_at",
                          _("The end must come after the start."));
      return FALSE;
    }

  slot->id = g_strdup (proposal->slot_id);
  slot->session_id = g_strdup (proposal->session_id);

  /* A slot of a session not written yet (an import's preview) has no
   * year to be outside of and no trainees to seat */
  if (proposal->session_id != NULL)
    {
      if (!query_row (database, session_sql, proposal->session_id, &stmt, error))
        return FALSE;
      if (stmt == NULL)
        {
          g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                       _("The slot’s session no longer exists; it may have been deleted."));
          return FALSE;
        }
      slot->session_code = dup_column (stmt, 0);
      slot->session_year = sqlite3_column_int (stmt, 1);
      *cancelled = sqlite3_column_int (stmt, 2) != 0;
      slot->headcount = sqlite3_column_int64 (stmt, 3);
      sqlite3_reset (stmt);
    }

  if (proposal->sequence_id != NULL)
    {
      if (!query_row (database, sequence_cancelled_sql, proposal->sequence_id, &stmt, error))
        return FALSE;
      if (stmt != NULL)
        {
          *cancelled = *cancelled || sqlite3_column_int (stmt, 0) != 0;
          sqlite3_reset (stmt);
        }
    }

  slot->zone = intern_zone (NULL);
  if (proposal->place_id != NULL)
    {
      if (!query_row (database, place_sql, proposal->place_id, &stmt, error))
        return FALSE;
      if (stmt != NULL)
        {
          slot->place_id = g_strdup (proposal->place_id);
          slot->place_name = dup_column (stmt, 0);
          slot->zone = intern_zone ((const char *) sqlite3_column_text (stmt, 1));
          sqlite3_reset (stmt);
        }
    }

  if (proposal->room_id != NULL)
    {
      if (!query_row (database, room_sql, proposal->room_id, &stmt, error))
        return FALSE;
      if (stmt != NULL)
        {
          slot->room_id = g_strdup (proposal->room_id);
          slot->room_name = dup_column (stmt, 0);
          slot->room_capacity = sqlite3_column_int64 (stmt, 1);
          sqlite3_reset (stmt);
        }
    }

  for (guint i = 0; proposal->trainer_ids != NULL && i < proposal->trainer_ids->len; i++)
    {
      const char *trainer_id = g_ptr_array_index (proposal->trainer_ids, i);
      gboolean seen = FALSE;
      Trainer *trainer;

      for (guint j = 0; j < trainers->len && !seen; j++)
        seen = g_str_equal (((Trainer *) g_ptr_array_index (trainers, j))->id, trainer_id);
      if (seen)
        continue;

      if (!query_row (database, trainer_sql, trainer_id, &stmt, error))
        return FALSE;
      if (stmt == NULL)
        continue;

      trainer = g_new0 (Trainer, 1);
      trainer->id = g_strdup (trainer_id);
      trainer->name = join_name (stmt, 0);
      sqlite3_reset (stmt);
      g_ptr_array_add (trainers, trainer);
    }

  slot->trainers = g_ptr_array_ref (trainers);

  return TRUE;
}

static gboolean
check_room_slots (FdDatabase  *database,
                  SlotInfo    *slot,
                  GPtrArray   *conflicts,
                  GError     **error)
{
  char low_start[11];
  char low_end[11];
  char high_start[11];
  sqlite3_stmt *stmt;
  int rc;

  if (slot->room_id == NULL)
    return TRUE;

  shift_date (slot->start, -(MAX_SLOT_DAYS + ZONE_MARGIN_DAYS), low_start);
  shift_date (slot->start, -ZONE_MARGIN_DAYS, low_end);
  shift_date (slot->end, ZONE_MARGIN_DAYS + 1, high_start);

  stmt = _fd_database_prepare (database, room_slots_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, slot->room_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, low_start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, high_start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, low_end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, slot->id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SlotInfo) other = read_slot (stmt);

      if (other != NULL && slots_overlap (slot, other))
        g_ptr_array_add (conflicts,
                         new_pair_conflict (FD_CONFLICT_KIND_ROOM_OVERLAP, slot, other, NULL));
    }

  return step_done (database, stmt, rc, room_slots_sql, error);
}

static gboolean
check_trainer_slots (FdDatabase     *database,
                     SlotInfo       *slot,
                     const Trainer  *trainer,
                     GPtrArray      *conflicts,
                     GError        **error)
{
  char low_end[11];
  char high_start[11];
  sqlite3_stmt *stmt;
  int rc;

  /* Wide enough for the whole local day (trainer_two_places) in any zone */
  shift_date (slot->start, -ZONE_MARGIN_DAYS, low_end);
  shift_date (slot->end, ZONE_MARGIN_DAYS + 1, high_start);

  stmt = _fd_database_prepare (database, trainer_slots_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, trainer->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, high_start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, low_end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, slot->id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SlotInfo) other = read_slot (stmt);

      if (other == NULL)
        continue;

      if (slots_overlap (slot, other))
        g_ptr_array_add (conflicts,
                         new_pair_conflict (FD_CONFLICT_KIND_TRAINER_OVERLAP, slot, other,
                                            trainer));
      else if (slots_at_two_places (slot, other))
        g_ptr_array_add (conflicts,
                         new_pair_conflict (FD_CONFLICT_KIND_TRAINER_TWO_PLACES, slot, other,
                                            trainer));
    }

  return step_done (database, stmt, rc, trainer_slots_sql, error);
}

/* Reads in one snapshot, inside or outside the caller's transaction */
static gboolean
read_begin (FdDatabase  *database,
            GError     **error)
{
  return _fd_database_run (database, "SAVEPOINT fd_conflicts", error);
}

static void
read_end (FdDatabase *database)
{
  _fd_database_run (database, "RELEASE fd_conflicts", NULL);
}

/* Ranges */

typedef struct
{
  GPtrArray *slots;    /* SlotInfo */
  GHashTable *by_id;   /* slot id → SlotInfo */
  GHashTable *trainers; /* trainer id → Trainer */
} Range;

static void
range_clear (Range *range)
{
  g_clear_pointer (&range->by_id, g_hash_table_unref);
  g_clear_pointer (&range->trainers, g_hash_table_unref);
  g_clear_pointer (&range->slots, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Range, range_clear)

/* What the slots of a range share, read once per row named */
typedef struct
{
  char *code;
  int year;
  gint64 headcount;          /* -1 until asked for */
} RangeSession;

typedef struct
{
  char *name;
  const char *zone;          /* interned */
} RangePlace;

typedef struct
{
  char *name;
  gint64 capacity;
} RangeRoom;

static void
range_session_free (RangeSession *session)
{
  /* no row: no value */
  if (session == NULL)
    return;

  g_free (session->code);
  g_free (session);
}

static void
range_place_free (RangePlace *place)
{
  /* no row: no value */
  if (place == NULL)
    return;

  g_free (place->name);
  g_free (place);
}

static void
range_room_free (RangeRoom *room)
{
  /* no row: no value */
  if (room == NULL)
    return;

  g_free (room->name);
  g_free (room);
}

typedef struct
{
  GHashTable *sessions;      /* id → RangeSession, or no value when not live */
  GHashTable *sequences;     /* id → GINT_TO_POINTER (live) */
  GHashTable *places;        /* id → RangePlace, or no value when deleted */
  GHashTable *rooms;         /* id → RangeRoom, or no value when deleted */
  GHashTable *deleted_trainers; /* of ids: trainers deleted, left out of the staff */
} RangeRows;

static void
range_rows_clear (RangeRows *rows)
{
  g_clear_pointer (&rows->sessions, g_hash_table_unref);
  g_clear_pointer (&rows->sequences, g_hash_table_unref);
  g_clear_pointer (&rows->places, g_hash_table_unref);
  g_clear_pointer (&rows->rooms, g_hash_table_unref);
  g_clear_pointer (&rows->deleted_trainers, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RangeRows, range_rows_clear)

/* Looks @id up in @table, reading its row with @sql into a new value by
 * @read the first time; sets *@value to NULL for no row */
static gboolean
lookup_range_row (FdDatabase   *database,
                  GHashTable   *table,
                  const char   *sql,
                  const char   *id,
                  gpointer    (*read) (sqlite3_stmt *stmt),
                  gpointer     *value,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  gpointer found;

  *value = NULL;
  if (id == NULL)
    return TRUE;

  if (g_hash_table_lookup_extended (table, id, NULL, &found))
    {
      *value = found;
      return TRUE;
    }

  if (!query_row (database, sql, id, &stmt, error))
    return FALSE;

  if (stmt != NULL)
    {
      *value = read (stmt);
      sqlite3_reset (stmt);
    }
  g_hash_table_insert (table, g_strdup (id), *value);

  return TRUE;
}

static gpointer
read_range_session (sqlite3_stmt *stmt)
{
  RangeSession *session = g_new0 (RangeSession, 1);

  session->code = dup_column (stmt, 0);
  session->year = sqlite3_column_int (stmt, 1);
  session->headcount = -1;

  return session;
}

static gpointer
read_range_sequence (sqlite3_stmt *stmt)
{
  return GINT_TO_POINTER (TRUE);
}

static gpointer
read_range_place (sqlite3_stmt *stmt)
{
  RangePlace *place = g_new0 (RangePlace, 1);

  place->name = dup_column (stmt, 0);
  place->zone = intern_zone ((const char *) sqlite3_column_text (stmt, 1));

  return place;
}

static gpointer
read_range_room (sqlite3_stmt *stmt)
{
  RangeRoom *room = g_new0 (RangeRoom, 1);

  room->name = dup_column (stmt, 0);
  room->capacity = sqlite3_column_int64 (stmt, 1);

  return room;
}

/* The session's headcount, counted once, when a room's capacity asks */
static gboolean
get_range_headcount (FdDatabase    *database,
                     const char    *session_id,
                     RangeSession  *session,
                     gint64        *headcount,
                     GError       **error)
{
  sqlite3_stmt *stmt;

  if (session->headcount < 0)
    {
      if (!query_row (database, headcount_sql, session_id, &stmt, error))
        return FALSE;
      session->headcount = stmt != NULL ? sqlite3_column_int64 (stmt, 0) : 0;
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  *headcount = session->headcount;

  return TRUE;
}

/* A slot of the range from the row of range_slots_sql, as read_slot
 * reads SLOT_COLUMNS: NULL in *@out for a slot of a cancelled or deleted
 * session or sequence, or with times not valid */
static gboolean
read_range_slot (FdDatabase    *database,
                 sqlite3_stmt  *stmt,
                 RangeRows     *rows,
                 SlotInfo     **out,
                 GError       **error)
{
  const char *session_id = (const char *) sqlite3_column_text (stmt, 3);
  const char *sequence_id = (const char *) sqlite3_column_text (stmt, 4);
  g_autoptr(SlotInfo) slot = NULL;
  RangeSession *session;
  RangePlace *place;
  RangeRoom *room;
  gpointer sequence;

  *out = NULL;

  if (session_id == NULL || sequence_id == NULL)
    return TRUE;
  if (!lookup_range_row (database, rows->sessions, range_session_sql, session_id,
                         read_range_session, (gpointer *) &session, error) ||
      !lookup_range_row (database, rows->sequences, range_sequence_sql, sequence_id,
                         read_range_sequence, &sequence, error))
    return FALSE;
  if (session == NULL || sequence == NULL)
    return TRUE;

  slot = slot_info_new ();
  if (!normalize_date_time ((const char *) sqlite3_column_text (stmt, 1), slot->start) ||
      !normalize_date_time ((const char *) sqlite3_column_text (stmt, 2), slot->end))
    {
      g_debug ("Slot %s has invalid times: left out of the conflicts",
               (const char *) sqlite3_column_text (stmt, 0));
      return TRUE;
    }

  if (!lookup_range_row (database, rows->places, place_sql,
                         (const char *) sqlite3_column_text (stmt, 5),
                         read_range_place, (gpointer *) &place, error) ||
      !lookup_range_row (database, rows->rooms, room_sql,
                         (const char *) sqlite3_column_text (stmt, 6),
                         read_range_room, (gpointer *) &room, error))
    return FALSE;

  slot->id = dup_column (stmt, 0);
  slot->session_id = g_strdup (session_id);
  slot->session_code = g_strdup (session->code);
  slot->session_year = session->year;
  slot->zone = intern_zone (NULL);
  if (place != NULL)
    {
      slot->place_id = dup_column (stmt, 5);
      slot->place_name = g_strdup (place->name);
      slot->zone = place->zone;
    }
  if (room != NULL)
    {
      slot->room_id = dup_column (stmt, 6);
      slot->room_name = g_strdup (room->name);
      slot->room_capacity = room->capacity;
      if (room->capacity > 0 &&
          !get_range_headcount (database, session_id, session, &slot->headcount, error))
        return FALSE;
    }

  *out = g_steal_pointer (&slot);

  return TRUE;
}

static gboolean
load_range (FdDatabase  *database,
            Range       *range,
            const char  *from_date,
            const char  *to_date,
            const char  *low,
            const char  *high,
            GError     **error)
{
  g_auto(RangeRows) rows = { NULL, };
  sqlite3_stmt *stmt;
  int rc;

  range->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_info_free);
  range->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  range->trainers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) trainer_free);

  rows.sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) range_session_free);
  rows.sequences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rows.places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) range_place_free);
  rows.rooms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) range_room_free);
  rows.deleted_trainers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = _fd_database_prepare (database, range_slots_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, low, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, high, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlotInfo *slot;

      if (!read_range_slot (database, stmt, &rows, &slot, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (slot == NULL)
        continue;

      slot->in_range = (from_date == NULL || strncmp (slot->start, from_date, 10) >= 0) &&
                       (to_date == NULL || strncmp (slot->start, to_date, 10) <= 0);
      slot->trainers = g_ptr_array_new ();
      ensure_instants (slot);
      g_ptr_array_add (range->slots, slot);
      g_hash_table_insert (range->by_id, slot->id, slot);
    }
  if (!step_done (database, stmt, rc, range_slots_sql, error))
    return FALSE;

  stmt = _fd_database_prepare (database, range_staff_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, low, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, high, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlotInfo *slot = g_hash_table_lookup (range->by_id, sqlite3_column_text (stmt, 0));
      const char *trainer_id = (const char *) sqlite3_column_text (stmt, 1);
      Trainer *trainer;

      if (slot == NULL || trainer_id == NULL)
        continue; /* of a cancelled session or sequence */

      trainer = g_hash_table_lookup (range->trainers, trainer_id);
      if (trainer == NULL)
        {
          sqlite3_stmt *row;

          if (g_hash_table_contains (rows.deleted_trainers, trainer_id))
            continue;
          if (!query_row (database, trainer_sql, trainer_id, &row, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          if (row == NULL)
            {
              g_hash_table_add (rows.deleted_trainers, g_strdup (trainer_id));
              continue;
            }

          trainer = g_new0 (Trainer, 1);
          trainer->id = g_strdup (trainer_id);
          trainer->name = join_name (row, 0);
          sqlite3_reset (row);
          g_hash_table_insert (range->trainers, trainer->id, trainer);
        }

      if (!g_ptr_array_find (slot->trainers, trainer, NULL))
        g_ptr_array_add (slot->trainers, trainer);
    }

  return step_done (database, stmt, rc, range_staff_sql, error);
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const SlotInfo *x = *(const SlotInfo * const *) a;
  const SlotInfo *y = *(const SlotInfo * const *) b;

  if (x->start_s != y->start_s)
    return x->start_s < y->start_s ? -1 : 1;
  if (x->end_s != y->end_s)
    return x->end_s < y->end_s ? -1 : 1;

  return strcmp (x->id, y->id);
}

/* Reports each pair of @group (the slots of one room, or of one trainer)
 * that conflicts once, from its first slot in the range. */
static void
sweep_pairs (GPtrArray     *group,
             const Trainer *trainer,
             GPtrArray     *conflicts)
{
  g_ptr_array_sort (group, compare_starts);

  for (guint i = 0; i < group->len; i++)
    {
      SlotInfo *a = g_ptr_array_index (group, i);
      /* An hour more: same-zone slots compare as text, which may differ
       * from instants in the hour a clock is set back */
      gint64 limit = a->end_s + 3600;

      /* Any slot the same local day, whatever the zones */
      if (trainer != NULL)
        limit = MAX (limit, a->start_s + 3 * SECONDS_PER_DAY);

      for (guint j = i + 1; j < group->len; j++)
        {
          SlotInfo *b = g_ptr_array_index (group, j);
          FdConflictKind kind;

          if (b->start_s >= limit)
            break;
          if (!a->in_range && !b->in_range)
            continue;

          if (slots_overlap (a, b))
            kind = trainer != NULL ? FD_CONFLICT_KIND_TRAINER_OVERLAP
                                   : FD_CONFLICT_KIND_ROOM_OVERLAP;
          else if (trainer != NULL && slots_at_two_places (a, b))
            kind = FD_CONFLICT_KIND_TRAINER_TWO_PLACES;
          else
            continue;

          if (a->in_range)
            g_ptr_array_add (conflicts, new_pair_conflict (kind, a, b, trainer));
          else
            g_ptr_array_add (conflicts, new_pair_conflict (kind, b, a, trainer));
        }
    }
}

static void
add_to_group (GHashTable *groups,
              const char *key,
              SlotInfo   *slot)
{
  GPtrArray *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_ptr_array_new ();
      g_hash_table_insert (groups, (gpointer) key, group);
    }
  g_ptr_array_add (group, slot);
}

/* Trainer id → TrainerUnavailabilities for the trainers of the slots in
 * the range */
static GHashTable *
read_range_unavailabilities (FdDatabase  *database,
                             Range       *range,
                             GError     **error)
{
  g_autoptr(GHashTable) trainers =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                           (GDestroyNotify) trainer_unavailabilities_free);
  GHashTableIter iter;
  const char *trainer_id;
  TrainerUnavailabilities *unavailabilities;

  for (guint i = 0; i < range->slots->len; i++)
    {
      SlotInfo *slot = g_ptr_array_index (range->slots, i);

      if (!slot->in_range)
        continue;

      for (guint t = 0; t < slot->trainers->len; t++)
        {
          const Trainer *trainer = g_ptr_array_index (slot->trainers, t);

          unavailabilities = g_hash_table_lookup (trainers, trainer->id);
          if (unavailabilities == NULL)
            {
              unavailabilities = g_new0 (TrainerUnavailabilities, 1);
              g_strlcpy (unavailabilities->from, slot->start, sizeof unavailabilities->from);
              g_strlcpy (unavailabilities->to, slot->end, sizeof unavailabilities->to);
              g_hash_table_insert (trainers, trainer->id, unavailabilities);
              continue;
            }
          if (strcmp (slot->start, unavailabilities->from) < 0)
            g_strlcpy (unavailabilities->from, slot->start, sizeof unavailabilities->from);
          if (strcmp (slot->end, unavailabilities->to) > 0)
            g_strlcpy (unavailabilities->to, slot->end, sizeof unavailabilities->to);
        }
    }

  g_hash_table_iter_init (&iter, trainers);
  while (g_hash_table_iter_next (&iter, (gpointer *) &trainer_id, (gpointer *) &unavailabilities))
    {
      sqlite3_stmt *stmt = _fd_database_prepare (database, unavailability_sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;

      unavailabilities->rows =
        g_ptr_array_new_with_free_func ((GDestroyNotify) range_unavailability_free);
      sqlite3_bind_text (stmt, 1, trainer_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, unavailabilities->to, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, unavailabilities->from, -1, SQLITE_STATIC);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          RangeUnavailability *row = g_new0 (RangeUnavailability, 1);

          row->id = dup_column (stmt, 0);
          row->start_at = dup_column (stmt, 1);
          row->end_at = dup_column (stmt, 2);
          row->reason = dup_column (stmt, 3);
          g_ptr_array_add (unavailabilities->rows, row);
        }

      if (!step_done (database, stmt, rc, unavailability_sql, error))
        return NULL;
    }

  return g_steal_pointer (&trainers);
}

static gboolean
check_range (FdDatabase  *database,
             Range       *range,
             GPtrArray   *conflicts,
             GError     **error)
{
  g_autoptr(GHashTable) rooms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) trainers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) unavailabilities = read_range_unavailabilities (database, range, error);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (unavailabilities == NULL)
    return FALSE;

  for (guint i = 0; i < range->slots->len; i++)
    {
      SlotInfo *slot = g_ptr_array_index (range->slots, i);

      if (slot->in_range && !check_alone (database, slot, unavailabilities, conflicts, error))
        return FALSE;

      if (slot->room_id != NULL)
        add_to_group (rooms, slot->room_id, slot);
      for (guint t = 0; t < slot->trainers->len; t++)
        add_to_group (trainers, ((Trainer *) g_ptr_array_index (slot->trainers, t))->id, slot);
    }

  g_hash_table_iter_init (&iter, rooms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    sweep_pairs (value, NULL, conflicts);

  g_hash_table_iter_init (&iter, trainers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    sweep_pairs (value, g_hash_table_lookup (range->trainers, key), conflicts);

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Private API: candidates for a proposal (fd-suggestions.c) */

struct _FdSlotCheck
{
  FdDatabase *database;
  SlotInfo *slot;
  GPtrArray *trainers; /* Trainer: the proposal's staff */
  gboolean cancelled;
};

void
_fd_slot_check_free (FdSlotCheck *check)
{
  if (check == NULL)
    return;

  g_clear_pointer (&check->slot, slot_info_free);
  g_clear_pointer (&check->trainers, g_ptr_array_unref);
  g_clear_object (&check->database);
  g_free (check);
}

/* Loads @proposal as fd_conflicts_check_proposal() does, with the same
 * errors. Call it (and the checks) inside one read snapshot. */
FdSlotCheck *
_fd_slot_check_new (FdDatabase            *database,
                    const FdSlotProposal  *proposal,
                    GError               **error)
{
  g_autoptr(FdSlotCheck) check = g_new0 (FdSlotCheck, 1);

  g_assert (FD_IS_DATABASE (database));
  g_assert (proposal != NULL);

  check->database = g_object_ref (database);
  check->slot = slot_info_new ();
  check->trainers = g_ptr_array_new_with_free_func ((GDestroyNotify) trainer_free);

  if (!load_proposal (database, proposal, check->slot, check->trainers, &check->cancelled,
                      error))
    return NULL;

  return g_steal_pointer (&check);
}

gboolean
_fd_slot_check_is_cancelled (const FdSlotCheck *check)
{
  return check->cancelled;
}

/* The session's trainees, as the capacity rule counts them */
gint64
_fd_slot_check_get_headcount (const FdSlotCheck *check)
{
  return check->slot->headcount;
}

/* Whether @trainer_id, added to the slot, would have none of the trainer
 * conflicts: overlap, unavailability, another place the same day */
gboolean
_fd_slot_check_trainer_free (FdSlotCheck  *check,
                             const char   *trainer_id,
                             gboolean     *is_free,
                             GError      **error)
{
  g_autoptr(GPtrArray) conflicts = new_conflict_array ();
  Trainer trainer = { (char *) trainer_id, (char *) "" };

  if (!check_unavailable (check->database, check->slot, &trainer, conflicts, error) ||
      !check_trainer_slots (check->database, check->slot, &trainer, conflicts, error))
    return FALSE;

  *is_free = conflicts->len == 0;

  return TRUE;
}

/* Whether the slot, moved to @room_id, would have neither a room overlap
 * nor a room too small */
gboolean
_fd_slot_check_room_free (FdSlotCheck  *check,
                          const char   *room_id,
                          const char   *room_name,
                          gint64        capacity,
                          gboolean     *is_free,
                          GError      **error)
{
  g_autoptr(GPtrArray) conflicts = new_conflict_array ();
  SlotInfo *slot = check->slot;
  char *room_id_was = slot->room_id;
  char *room_name_was = slot->room_name;
  gint64 capacity_was = slot->room_capacity;
  gboolean ok;

  slot->room_id = (char *) room_id;
  slot->room_name = (char *) room_name;
  slot->room_capacity = capacity;

  ok = check_room_slots (check->database, slot, conflicts, error);
  *is_free = ok && conflicts->len == 0 && !is_room_too_small (slot);

  slot->room_id = room_id_was;
  slot->room_name = room_name_was;
  slot->room_capacity = capacity_was;

  return ok;
}

/* Public API: kinds */

/**
 * fd_conflict_kind_to_string:
 * @kind: a #FdConflictKind
 *
 * Returns: (transfer none): the stable name of @kind ("trainer_overlap"), as
 *   stored in `conflict_ack.kind` and printed in JSON
 */
const char *
fd_conflict_kind_to_string (FdConflictKind kind)
{
  g_return_val_if_fail ((guint) kind < FD_CONFLICT_N_KINDS, NULL);

  return kinds[kind].name;
}

/**
 * fd_conflict_kind_from_string:
 * @name: a stable name ("room_overlap")
 * @kind: (out): where to store the kind
 *
 * Returns: whether @name is the name of a kind
 */
gboolean
fd_conflict_kind_from_string (const char     *name,
                              FdConflictKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kinds[i].name, name))
        {
          *kind = (FdConflictKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * fd_conflict_kind_get_label:
 * @kind: a #FdConflictKind
 *
 * Returns: (transfer none): a short translated name of @kind ("Room
 *   double-booked"), for a list or a column
 */
const char *
fd_conflict_kind_get_label (FdConflictKind kind)
{
  g_return_val_if_fail ((guint) kind < FD_CONFLICT_N_KINDS, NULL);

  return _(kinds[kind].label);
}

/* Public API: proposals */

/**
 * fd_slot_proposal_new:
 * @session_id: (nullable): the session the slot belongs to; %NULL for a
 *   session not written yet (no year or headcount to check)
 *
 * A new slot to check, with no times, place, room or staff yet: set them
 * before fd_conflicts_check_proposal().
 *
 * Returns: (transfer full): a new proposal
 */
FdSlotProposal *
fd_slot_proposal_new (const char *session_id)
{
  FdSlotProposal *self;

  self = g_new0 (FdSlotProposal, 1);
  self->session_id = g_strdup (session_id);
  self->trainer_ids = g_ptr_array_new_with_free_func (g_free);

  return self;
}

/**
 * fd_slot_proposal_new_for_slot:
 * @database: a #FdDatabase
 * @slot_id: a stored slot
 * @error: return location for a #GError
 *
 * The stored slot as a proposal, to be edited (a drag changes its times
 * with fd_slot_proposal_set_times()) and checked again and again.
 *
 * Returns: (transfer full): a new proposal, or %NULL with @error set
 *   (%FD_DATABASE_ERROR_NOT_FOUND if the slot does not exist or was deleted)
 */
FdSlotProposal *
fd_slot_proposal_new_for_slot (FdDatabase  *database,
                               const char  *slot_id,
                               GError     **error)
{
  g_autoptr(FdSlotProposal) self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (slot_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!query_row (database, stored_slot_sql, slot_id, &stmt, error))
    return NULL;
  if (stmt == NULL)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("This slot no longer exists; it may have been deleted."));
      return NULL;
    }

  self = fd_slot_proposal_new ((const char *) sqlite3_column_text (stmt, 0));
  self->slot_id = g_strdup (slot_id);
  self->sequence_id = dup_column (stmt, 1);
  self->start_at = dup_column (stmt, 2);
  self->end_at = dup_column (stmt, 3);
  self->place_id = dup_column (stmt, 4);
  self->room_id = dup_column (stmt, 5);
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (database, stored_staff_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (self->trainer_ids, dup_column (stmt, 0));
  if (!step_done (database, stmt, rc, stored_staff_sql, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fd_slot_proposal_copy:
 * @self: a #FdSlotProposal
 *
 * Returns: (transfer full): a deep copy of @self
 */
FdSlotProposal *
fd_slot_proposal_copy (const FdSlotProposal *self)
{
  FdSlotProposal *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = fd_slot_proposal_new (self->session_id);
  copy->sequence_id = g_strdup (self->sequence_id);
  copy->slot_id = g_strdup (self->slot_id);
  copy->start_at = g_strdup (self->start_at);
  copy->end_at = g_strdup (self->end_at);
  copy->place_id = g_strdup (self->place_id);
  copy->room_id = g_strdup (self->room_id);
  for (guint i = 0; self->trainer_ids != NULL && i < self->trainer_ids->len; i++)
    g_ptr_array_add (copy->trainer_ids, g_strdup (g_ptr_array_index (self->trainer_ids, i)));

  return copy;
}

/**
 * fd_slot_proposal_free:
 * @self: (nullable): a #FdSlotProposal
 *
 * Frees @self and every field.
 */
void
fd_slot_proposal_free (FdSlotProposal *self)
{
  if (self == NULL)
    return;

  g_free (self->session_id);
  g_free (self->sequence_id);
  g_free (self->slot_id);
  g_free (self->start_at);
  g_free (self->end_at);
  g_free (self->place_id);
  g_free (self->room_id);
  g_clear_pointer (&self->trainer_ids, g_ptr_array_unref);
  g_free (self);
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/**
 * fd_slot_proposal_set_times:
 * @self: a #FdSlotProposal
 * @start_at: local wall-clock start, "2026-03-03T09:00"
 * @end_at: local wall-clock end
 *
 * Moves or resizes the slot, as a drag does.
 */
void
fd_slot_proposal_set_times (FdSlotProposal *self,
                            const char     *start_at,
                            const char     *end_at)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->start_at, start_at);
  replace_string (&self->end_at, end_at);
}

/**
 * fd_slot_proposal_set_place_id:
 * @self: a #FdSlotProposal
 * @place_id: (nullable): the place
 */
void
fd_slot_proposal_set_place_id (FdSlotProposal *self,
                               const char     *place_id)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->place_id, place_id);
}

/**
 * fd_slot_proposal_set_room_id:
 * @self: a #FdSlotProposal
 * @room_id: (nullable): the room
 */
void
fd_slot_proposal_set_room_id (FdSlotProposal *self,
                              const char     *room_id)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->room_id, room_id);
}

/**
 * fd_slot_proposal_add_trainer:
 * @self: a #FdSlotProposal
 * @trainer_id: a trainer to staff the slot with (any role)
 */
void
fd_slot_proposal_add_trainer (FdSlotProposal *self,
                              const char     *trainer_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (trainer_id != NULL);

  if (self->trainer_ids == NULL)
    self->trainer_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->trainer_ids, g_strdup (trainer_id));
}

/* Public API: conflicts */

/**
 * fd_conflict_ref:
 * @self: a #FdConflict
 *
 * Returns: (transfer full): @self, with one more reference
 */
FdConflict *
fd_conflict_ref (FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * fd_conflict_unref:
 * @self: (transfer full): a #FdConflict
 *
 * Drops a reference to @self, freeing it with the last one.
 */
void
fd_conflict_unref (FdConflict *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->slot_id);
  g_free (self->session_code);
  g_free (self->start_at);
  g_free (self->end_at);
  g_free (self->other_slot_id);
  g_free (self->other_session_code);
  g_free (self->other_start_at);
  g_free (self->other_end_at);
  g_free (self->trainer_id);
  g_free (self->trainer_name);
  g_free (self->room_id);
  g_free (self->room_name);
  g_free (self->unavailability_id);
  g_free (self->subject_id);
  g_free (self->message);
  g_free (self->kept_reason);
  g_free (self);
}

/**
 * fd_conflict_get_kind:
 *
 * Returns: what the conflict is
 */
FdConflictKind
fd_conflict_get_kind (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, FD_CONFLICT_KIND_TRAINER_OVERLAP);

  return self->kind;
}

/**
 * fd_conflict_get_slot_id:
 *
 * Returns: (nullable): the slot that has the conflict; %NULL for a
 *   proposal of a new slot
 */
const char *
fd_conflict_get_slot_id (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->slot_id;
}

/**
 * fd_conflict_get_session_code:
 *
 * Returns: (nullable): the code of the slot's session ("2026-0042")
 */
const char *
fd_conflict_get_session_code (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->session_code;
}

/**
 * fd_conflict_get_start_at:
 *
 * Returns: the slot's local start, "2026-03-03T09:00"
 */
const char *
fd_conflict_get_start_at (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->start_at;
}

/**
 * fd_conflict_get_end_at:
 *
 * Returns: the slot's local end
 */
const char *
fd_conflict_get_end_at (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->end_at;
}

/**
 * fd_conflict_get_other_slot_id:
 *
 * Returns: (nullable): the other slot of an overlap or of two places
 */
const char *
fd_conflict_get_other_slot_id (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->other_slot_id;
}

/**
 * fd_conflict_get_other_session_code:
 *
 * Returns: (nullable): the code of the other slot's session
 */
const char *
fd_conflict_get_other_session_code (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->other_session_code;
}

/**
 * fd_conflict_get_other_start_at:
 *
 * Returns: (nullable): the local start of the other slot (in its own
 *   place's zone) or of the unavailability
 */
const char *
fd_conflict_get_other_start_at (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->other_start_at;
}

/**
 * fd_conflict_get_other_end_at:
 *
 * Returns: (nullable): the local end of the other slot or of the
 *   unavailability
 */
const char *
fd_conflict_get_other_end_at (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->other_end_at;
}

/**
 * fd_conflict_get_trainer_id:
 *
 * Returns: (nullable): the trainer concerned
 */
const char *
fd_conflict_get_trainer_id (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->trainer_id;
}

/**
 * fd_conflict_get_trainer_name:
 *
 * Returns: (nullable): the trainer's name, "Claire Martin"
 */
const char *
fd_conflict_get_trainer_name (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->trainer_name;
}

/**
 * fd_conflict_get_room_id:
 *
 * Returns: (nullable): the room concerned (room overlap and capacity)
 */
const char *
fd_conflict_get_room_id (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->room_id;
}

/**
 * fd_conflict_get_room_name:
 *
 * Returns: (nullable): the room's name
 */
const char *
fd_conflict_get_room_name (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->room_name;
}

/**
 * fd_conflict_get_unavailability_id:
 *
 * Returns: (nullable): the unavailability the slot overlaps
 */
const char *
fd_conflict_get_unavailability_id (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->unavailability_id;
}

/**
 * fd_conflict_get_subject_id:
 *
 * What `conflict_ack.subject_id` holds when the conflict is kept: for an
 * overlap or two places, "<other slot id>/<trainer or room id>" (so that
 * keeping one conflict never hides a new one, with another slot or another
 * trainer); for an unavailability its id; for a capacity the room's id;
 * %NULL for a slot outside its session's year. A kept conflict of two
 * slots is found from either slot.
 *
 * Returns: (nullable): the subject of the conflict
 */
const char *
fd_conflict_get_subject_id (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->subject_id;
}

/**
 * fd_conflict_get_message:
 *
 * Returns: a translated sentence naming the people, rooms and times
 *   concerned: “Claire Martin is already teaching 2026-0042 from 10:00 to
 *   12:00.”
 */
const char *
fd_conflict_get_message (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->message;
}

/**
 * fd_conflict_get_kept:
 *
 * Returns: whether a planner chose to keep this conflict (see
 *   fd_conflict_keep())
 */
gboolean
fd_conflict_get_kept (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->kept;
}

/**
 * fd_conflict_get_kept_reason:
 *
 * Returns: (nullable): why it was kept, or %NULL if it was not
 */
const char *
fd_conflict_get_kept_reason (const FdConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->kept_reason;
}

/**
 * fd_conflicts_check_proposal:
 * @database: a #FdDatabase
 * @proposal: a slot not saved yet, or being edited or dragged
 * @error: return location for a #GError
 *
 * Every conflict @proposal would have with the stored data: trainers or
 * room already busy (real time overlap, strict), trainers unavailable,
 * trainers at another place the same local day, a room too small for the
 * session's trainees, a date outside the session's year. The stored slot
 * of `proposal->slot_id`, if any, is left out of the comparison. Fast
 * enough to run on every step of a drag.
 *
 * Returns: (transfer full) (element-type FdConflict): the conflicts, sorted
 *   (empty for a slot of a cancelled session or sequence), or %NULL with
 *   @error set: %FD_VALIDATION_ERROR_INVALID naming `start_at` or `end_at`
 *   for times that are not valid, %FD_DATABASE_ERROR_NOT_FOUND when the
 *   session does not exist
 */
GPtrArray *
fd_conflicts_check_proposal (FdDatabase            *database,
                             const FdSlotProposal  *proposal,
                             GError               **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) trainers = NULL;
  g_autoptr(SlotInfo) slot = NULL;
  gboolean cancelled = FALSE;
  gboolean ok;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (proposal != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  conflicts = new_conflict_array ();
  trainers = g_ptr_array_new_with_free_func ((GDestroyNotify) trainer_free);
  slot = slot_info_new ();

  if (!read_begin (database, error))
    return NULL;

  ok = load_proposal (database, proposal, slot, trainers, &cancelled, error);
  if (ok && !cancelled)
    {
      ok = check_alone (database, slot, NULL, conflicts, error) &&
           check_room_slots (database, slot, conflicts, error);
      for (guint i = 0; ok && i < trainers->len; i++)
        ok = check_trainer_slots (database, slot, g_ptr_array_index (trainers, i), conflicts,
                                  error);
      ok = ok && mark_kept (database, conflicts, error);
    }

  read_end (database);

  if (!ok)
    return NULL;

  g_ptr_array_sort (conflicts, compare_conflicts);

  return g_steal_pointer (&conflicts);
}

/**
 * fd_conflicts_for_slot:
 * @database: a #FdDatabase
 * @slot_id: a stored slot
 * @error: return location for a #GError
 *
 * The conflicts of a stored slot, as fd_conflicts_check_proposal() finds
 * them for the slot as it is stored.
 *
 * Returns: (transfer full) (element-type FdConflict): the conflicts, or
 *   %NULL with @error set (%FD_DATABASE_ERROR_NOT_FOUND for a slot that
 *   does not exist or was deleted)
 */
GPtrArray *
fd_conflicts_for_slot (FdDatabase  *database,
                       const char  *slot_id,
                       GError     **error)
{
  g_autoptr(FdSlotProposal) proposal = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (slot_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  proposal = fd_slot_proposal_new_for_slot (database, slot_id, error);
  if (proposal == NULL)
    return NULL;

  return fd_conflicts_check_proposal (database, proposal, error);
}

/**
 * fd_conflicts_in_range:
 * @database: a #FdDatabase
 * @from_date: (nullable): the first day, "2026-03-01"; %NULL for no limit
 * @to_date: (nullable): the last day, included; %NULL for no limit
 * @error: return location for a #GError
 *
 * Every conflict of the slots that start (local date) in the range. A
 * conflict between two slots is reported once, from the earlier slot when
 * both are in the range; otherwise from the one that is.
 *
 * Returns: (transfer full) (element-type FdConflict): the conflicts,
 *   sorted by the start of their slot, or %NULL with @error set
 *   (%FD_VALIDATION_ERROR_INVALID for a date that is not valid or a range
 *   that ends before it starts)
 */
GPtrArray *
fd_conflicts_in_range (FdDatabase  *database,
                       const char  *from_date,
                       const char  *to_date,
                       GError     **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_auto(Range) range = { NULL, };
  char low[11] = "";
  char high[11] = "~";
  gboolean ok;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (from_date != NULL && !fd_validate_date (from_date))
    {
      g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                   _("“%s” is not a valid date."), from_date);
      return NULL;
    }
  if (to_date != NULL && !fd_validate_date (to_date))
    {
      g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                   _("“%s” is not a valid date."), to_date);
      return NULL;
    }
  if (from_date != NULL && to_date != NULL && strcmp (to_date, from_date) < 0)
    {
      g_set_error_literal (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                           _("The end of the period comes before its start."));
      return NULL;
    }

  /* The slots that may conflict with those of the range, too */
  if (from_date != NULL)
    shift_date (from_date, -(MAX_SLOT_DAYS + ZONE_MARGIN_DAYS), low);
  if (to_date != NULL)
    shift_date (to_date, MAX_SLOT_DAYS + ZONE_MARGIN_DAYS + 1, high);

  conflicts = new_conflict_array ();

  if (!read_begin (database, error))
    return NULL;

  ok = load_range (database, &range, from_date, to_date, low, high, error) &&
       check_range (database, &range, conflicts, error) &&
       mark_kept (database, conflicts, error);

  read_end (database);

  if (!ok)
    return NULL;

  g_ptr_array_sort (conflicts, compare_conflicts);

  return g_steal_pointer (&conflicts);
}

/**
 * fd_conflict_keep:
 * @database: a #FdDatabase
 * @conflict: a conflict of a stored slot
 * @reason: why the planner keeps it (required)
 * @error: return location for a #GError
 *
 * Records that a planner saw @conflict and keeps it, with @reason, as a
 * `conflict_ack` row written through fd_database_apply(). The conflict is
 * still reported afterwards, marked kept with its reason (and @conflict is
 * marked so now). Keeping a kept conflict again replaces its reason.
 *
 * Returns: %TRUE if it was recorded; %FALSE with @error set
 *   (%FD_VALIDATION_ERROR_REQUIRED naming `reason` for a blank reason,
 *   %FD_VALIDATION_ERROR_INVALID for a slot not saved yet)
 */
gboolean
fd_conflict_keep (FdDatabase  *database,
                  FdConflict  *conflict,
                  const char  *reason,
                  GError     **error)
{
  g_autoptr(FdChange) change = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *ack_id = NULL;
  gint64 revision = 0;
  gboolean found;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reason != NULL && !g_utf8_validate (reason, -1, NULL))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "reason",
                          _("The reason contains invalid characters."));
      return FALSE;
    }

  if (is_blank (reason))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "reason",
                          _("Give a reason to keep this conflict."));
      return FALSE;
    }

  if (conflict->slot_id == NULL)
    {
      g_set_error_literal (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                           _("Save the slot before keeping its conflicts."));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (reason));

  if (!lookup_ack (database, conflict, &found, &ack_id, &revision, NULL, error))
    return FALSE;

  if (found)
    {
      change = fd_change_new_update ("conflict_ack", ack_id, revision);
    }
  else
    {
      change = fd_change_new_create ("conflict_ack");
      fd_change_set_string (change, "kind", kinds[conflict->kind].name);
      fd_change_set_string (change, "slot_id", conflict->slot_id);
      if (conflict->subject_id != NULL)
        fd_change_set_string (change, "subject_id", conflict->subject_id);
      else
        fd_change_set_null (change, "subject_id");
    }
  fd_change_set_string (change, "reason", trimmed);

  if (!fd_database_apply (database, change, error))
    return FALSE;

  conflict->kept = TRUE;
  g_free (conflict->kept_reason);
  conflict->kept_reason = g_steal_pointer (&trimmed);

  return TRUE;
}
