/* fd-ical.c — slots as RFC 5545 iCalendar, written through libical
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-ical"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-ical.h"

#include "fd-database-private.h"
#include "fd-ical-private.h"
#include "fd-validate.h"

#include <string.h>

/*
 * An export is one VCALENDAR: the VTIMEZONE of each zone its slots are in,
 * then one VEVENT per live slot of a published session, by start. Times
 * are the slots' own wall-clock texts with the TZID of their place's zone
 * (the VTIMEZONE says when that zone changes to summer time, so a slot on
 * either side of the change lands on the right instant in any calendar);
 * the UID comes from the slot's id, so a second export updates the events
 * a calendar imported from the first; SEQUENCE is the slot's revision,
 * which grows with each change of the slot; DTSTAMP its last change.
 *
 * The slots are read with one query and each VEVENT is serialised by
 * libical (lines folded at 75 octets, CRLF) and written as soon as it is
 * made, so the memory an export takes does not grow with its size.
 */

#define USEC_PER_SEC_64 G_GINT64_CONSTANT (1000000)

#define PRODID "-//Formadesk//Formadesk " PACKAGE_VERSION "//FR"

G_LOCK_DEFINE_STATIC (libical_zones);

/* ------------------------------------------------------------------------ */
/* Shared pieces                                                            */
/* ------------------------------------------------------------------------ */

icalcomponent *
_fd_ical_new_calendar (const char *method)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);

  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  if (g_strcmp0 (method, "REQUEST") == 0)
    icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_REQUEST));
  else if (g_strcmp0 (method, "CANCEL") == 0)
    icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_CANCEL));
  else if (g_strcmp0 (method, "PUBLISH") == 0)
    icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  return calendar;
}

/* libical's built-in zone of @name, or NULL; its table is shared by every
 * thread and filled lazily */
static icaltimezone *
lookup_builtin (const char *name)
{
  icaltimezone *zone;

  G_LOCK (libical_zones);
  zone = icaltimezone_get_builtin_timezone (name);
  G_UNLOCK (libical_zones);

  return zone;
}

const char *
_fd_ical_zone_name (const char *zone)
{
  if (zone == NULL || *zone == '\0' || g_str_equal (zone, FD_ICAL_DEFAULT_TIME_ZONE))
    return FD_ICAL_DEFAULT_TIME_ZONE;

  if (lookup_builtin (zone) == NULL)
    {
      g_debug ("Unknown time zone “%s”: using %s", zone, FD_ICAL_DEFAULT_TIME_ZONE);
      return FD_ICAL_DEFAULT_TIME_ZONE;
    }

  return g_intern_string (zone);
}

gboolean
_fd_ical_parse_wall (const char   *wall,
                     icaltimetype *time)
{
  if (wall == NULL || !fd_validate_date_time (wall))
    return FALSE;

  *time = icaltime_null_time ();
  time->year = (int) g_ascii_strtoll (wall, NULL, 10);
  time->month = (int) g_ascii_strtoll (wall + 5, NULL, 10);
  time->day = (int) g_ascii_strtoll (wall + 8, NULL, 10);
  time->hour = (int) g_ascii_strtoll (wall + 11, NULL, 10);
  time->minute = (int) g_ascii_strtoll (wall + 14, NULL, 10);
  time->second = 0;
  time->is_date = 0;

  return TRUE;
}

void
_fd_ical_add_timezone (icalcomponent *calendar,
                       GHashTable    *seen,
                       const char    *zone,
                       const char    *first_wall)
{
  const char *name = _fd_ical_zone_name (zone);
  icaltimezone *builtin;
  icalcomponent *vtimezone;
  icalproperty *tzid;
  icaltimetype start = icaltime_null_time ();

  if (g_hash_table_contains (seen, name))
    return;
  g_hash_table_add (seen, (gpointer) name);

  builtin = lookup_builtin (name);
  if (builtin == NULL)
    return;

  G_LOCK (libical_zones);
  vtimezone = icalcomponent_new_clone (icaltimezone_get_component (builtin));
  G_UNLOCK (libical_zones);
  if (vtimezone == NULL)
    return;

  /* The zone's whole history since 1891 is long: from the first event's
   * year on is all a calendar needs. */
  if (_fd_ical_parse_wall (first_wall, &start))
    {
      start.month = 1;
      start.day = 1;
      start.hour = 0;
      start.minute = 0;
      start.zone = icaltimezone_get_utc_timezone ();
      icaltimezone_truncate_vtimezone (vtimezone, start, icaltime_null_time (), 0);
    }

  /* libical names its zones "/freeassociation.sourceforge.net/Europe/Paris";
   * calendars know them by their IANA name. */
  tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, name);
  else
    icalcomponent_add_property (vtimezone, icalproperty_new_tzid (name));

  icalcomponent_add_component (calendar, vtimezone);
}

icalproperty *
_fd_ical_new_local_time (icalproperty_kind  kind,
                         const char        *zone,
                         const char        *wall)
{
  icaltimetype time;
  icalproperty *property;

  if (!_fd_ical_parse_wall (wall, &time))
    return NULL;

  property = kind == ICAL_DTEND_PROPERTY ? icalproperty_new_dtend (time)
                                         : icalproperty_new_dtstart (time);
  icalproperty_add_parameter (property, icalparameter_new_tzid (_fd_ical_zone_name (zone)));

  return property;
}

icalproperty *
_fd_ical_new_dtstamp (gint64 usec)
{
  icaltimetype time = icaltime_from_timet_with_zone ((time_t) (usec / USEC_PER_SEC_64), 0,
                                                     icaltimezone_get_utc_timezone ());

  return icalproperty_new_dtstamp (time);
}

gboolean
_fd_ical_write_component (GOutputStream *output,
                          icalcomponent *component,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *text = icalcomponent_as_ical_string_r (component);

  if (text == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The calendar could not be written."));
      return FALSE;
    }

  return g_output_stream_write_all (output, text, strlen (text), NULL, cancellable, error);
}

/* ------------------------------------------------------------------------ */
/* Export                                                                   */
/* ------------------------------------------------------------------------ */

/* Slots shown in a calendar: live, in a live published session (drafts
 * are not shown anywhere outside the planning), neither cancelled; @slot
 * names what has the slot's session_id, sequence_id and place_id */
#define JOIN_VISIBLE(slot) \
  " CROSS JOIN session e ON e.id = " slot ".session_id AND e.deleted = 0 AND e.published = 1" \
  "   AND e.status <> 'cancelled'" \
  " CROSS JOIN sequence q ON q.id = " slot ".sequence_id AND q.deleted = 0" \
  "   AND q.status <> 'cancelled'" \
  " LEFT JOIN place p ON p.id = " slot ".place_id AND p.deleted = 0"

/* Each trainer's name is made once, not once per slot it is staffed on:
 * the names of a slot's trainers were a third of the main query. */
#define SLOTS_SELECT \
  "WITH names (id, name) AS MATERIALIZED" \
  " (SELECT id, trim (first_name || ' ' || last_name) FROM trainer WHERE deleted = 0) " \
  "SELECT s.id, s.start_at, s.end_at, s.updated_at, s.revision, e.code, e.label, q.label," \
  " p.time_zone, p.name, r.name, p.address, p.postal_code, p.city," \
  /* in the order they were staffed (slot_staff_slot's order): a sort per \
   * slot would cost more than the rest of the export */ \
  " (SELECT group_concat (n.name, ', ')" \
  "  FROM slot_staff st CROSS JOIN names n ON n.id = st.trainer_id" \
  "  WHERE st.slot_id = s.id AND st.deleted = 0 AND st.role IN ('trainer', 'co_trainer'))" \
  " FROM slot s" \
  JOIN_VISIBLE ("s") \
  " LEFT JOIN room r ON r.id = s.room_id AND r.deleted = 0" \
  " WHERE s.deleted = 0"

/* The first start of each zone: the slots' first starts by session,
 * sequence and place come from one index, without reading the slots, and
 * only those few groups are joined */
#define ZONES_SELECT \
  "SELECT coalesce (p.time_zone, '" FD_ICAL_DEFAULT_TIME_ZONE "'), min (g.first_start)" \
  " FROM (SELECT s.session_id, s.sequence_id, s.place_id, min (s.start_at) AS first_start" \
  "  FROM slot s WHERE s.deleted = 0"
#define ZONES_GROUP \
  "  GROUP BY 1, 2, 3) g" \
  JOIN_VISIBLE ("g") \
  " GROUP BY 1 ORDER BY 1"

#define FILTER_TRAINER \
  " AND s.id IN (SELECT slot_id FROM slot_staff WHERE trainer_id = ?1 AND deleted = 0)"
#define FILTER_ROOM " AND s.room_id = ?1"
#define FILTER_SESSION " AND s.session_id = ?1"

#define ORDER " ORDER BY s.start_at, s.id"

static const char * const slots_sql[] = {
  [FD_ICAL_SCOPE_ALL] = SLOTS_SELECT ORDER,
  [FD_ICAL_SCOPE_TRAINER] = SLOTS_SELECT FILTER_TRAINER ORDER,
  [FD_ICAL_SCOPE_ROOM] = SLOTS_SELECT FILTER_ROOM ORDER,
  [FD_ICAL_SCOPE_SESSION] = SLOTS_SELECT FILTER_SESSION ORDER,
};

static const char * const zones_sql[] = {
  [FD_ICAL_SCOPE_ALL] = ZONES_SELECT ZONES_GROUP,
  [FD_ICAL_SCOPE_TRAINER] = ZONES_SELECT FILTER_TRAINER ZONES_GROUP,
  [FD_ICAL_SCOPE_ROOM] = ZONES_SELECT FILTER_ROOM ZONES_GROUP,
  [FD_ICAL_SCOPE_SESSION] = ZONES_SELECT FILTER_SESSION ZONES_GROUP,
};

enum
{
  COL_ID,
  COL_START_AT,
  COL_END_AT,
  COL_UPDATED_AT,
  COL_REVISION,
  COL_CODE,
  COL_SESSION_LABEL,
  COL_SEQUENCE_LABEL,
  COL_TIME_ZONE,
  COL_PLACE,
  COL_ROOM,
  COL_ADDRESS,
  COL_POSTAL_CODE,
  COL_CITY,
  COL_TRAINERS,
  N_COLUMNS
};

static const char trainer_sql[] =
  "SELECT id FROM trainer WHERE email = ?1 COLLATE NOCASE AND deleted = 0 ORDER BY rowid";

static const char room_sql[] =
  "SELECT r.id FROM room r LEFT JOIN place p ON p.id = r.place_id"
  " WHERE r.deleted = 0 AND (r.name = ?1 COLLATE NOCASE"
  "   OR (p.name || '/' || r.name) = ?1 COLLATE NOCASE)"
  " ORDER BY r.rowid LIMIT 2";

static const char session_sql[] =
  "SELECT id FROM session WHERE code = ?1 AND deleted = 0";

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? text : NULL;
}

/* One slot's row, copied out of the statement so that another thread can
 * make its event while the next rows are read: the texts are NULL when
 * empty, as column_text() gives them */
typedef struct
{
  const char *text[N_COLUMNS];
  gint64 updated_at;
  gint64 revision;
} Row;

/* "Paris Bastille, Salle Voltaire, 18 rue de la Roquette, 75011 Paris" */
static void
make_location (const Row *row,
               GString   *text)
{
  const char *parts[] = {
    row->text[COL_PLACE], row->text[COL_ROOM], row->text[COL_ADDRESS],
  };
  const char *postal_code = row->text[COL_POSTAL_CODE];
  const char *city = row->text[COL_CITY];

  g_string_truncate (text, 0);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, parts[i]);
    }
  if (postal_code != NULL || city != NULL)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      if (postal_code != NULL)
        g_string_append (text, postal_code);
      if (postal_code != NULL && city != NULL)
        g_string_append_c (text, ' ');
      if (city != NULL)
        g_string_append (text, city);
    }
}

/* One VEVENT made once and filled anew for each slot: making and freeing
 * eight properties per slot would cost as much as serialising them. The
 * optional properties are detached while a slot has none. */
typedef struct
{
  icalcomponent *event;
  icalproperty *uid;
  icalproperty *dtstamp;
  icalproperty *sequence;
  icalproperty *dtstart;
  icalproperty *dtend;
  icalparameter *start_tzid;
  icalparameter *end_tzid;
  icalproperty *summary;
  icalproperty *location;
  icalproperty *description;
  gboolean has_location;
  gboolean has_description;
  /* texts reused from one slot to the next */
  GString *uid_text;
  GString *location_text;
  /* the last zone as read and as _fd_ical_zone_name() names it: most
   * slots are in the zone of the slot before */
  GString *zone_read;
  const char *zone;
} EventWriter;

static void
event_writer_init (EventWriter *writer)
{
  icaltimetype time = icaltime_null_time ();

  writer->event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  writer->uid = icalproperty_new_uid ("");
  writer->dtstamp = _fd_ical_new_dtstamp (0);
  writer->sequence = icalproperty_new_sequence (0);
  writer->dtstart = icalproperty_new_dtstart (time);
  writer->dtend = icalproperty_new_dtend (time);
  writer->start_tzid = icalparameter_new_tzid (FD_ICAL_DEFAULT_TIME_ZONE);
  writer->end_tzid = icalparameter_new_tzid (FD_ICAL_DEFAULT_TIME_ZONE);
  icalproperty_add_parameter (writer->dtstart, writer->start_tzid);
  icalproperty_add_parameter (writer->dtend, writer->end_tzid);
  writer->summary = icalproperty_new_summary ("");
  writer->location = icalproperty_new_location ("");
  writer->description = icalproperty_new_description ("");
  writer->has_location = FALSE;
  writer->has_description = FALSE;

  icalcomponent_add_property (writer->event, writer->uid);
  icalcomponent_add_property (writer->event, writer->dtstamp);
  icalcomponent_add_property (writer->event, writer->sequence);
  icalcomponent_add_property (writer->event, writer->dtstart);
  icalcomponent_add_property (writer->event, writer->dtend);
  icalcomponent_add_property (writer->event, writer->summary);

  writer->uid_text = g_string_new (NULL);
  writer->location_text = g_string_new (NULL);
  writer->zone_read = NULL;
  writer->zone = NULL;
}

static void
event_writer_clear (EventWriter *writer)
{
  if (writer->event == NULL)
    return;
  if (!writer->has_location)
    icalproperty_free (writer->location);
  if (!writer->has_description)
    icalproperty_free (writer->description);
  g_clear_pointer (&writer->event, icalcomponent_free);
  g_string_free (writer->uid_text, TRUE);
  g_string_free (writer->location_text, TRUE);
  if (writer->zone_read != NULL)
    g_string_free (writer->zone_read, TRUE);
}

static void
set_optional (EventWriter  *writer,
              icalproperty *property,
              gboolean     *attached,
              const char   *value)
{
  if (value != NULL)
    {
      if (property == writer->location)
        icalproperty_set_location (property, value);
      else
        icalproperty_set_description (property, value);
      if (!*attached)
        icalcomponent_add_property (writer->event, property);
      *attached = TRUE;
    }
  else if (*attached)
    {
      icalcomponent_remove_property (writer->event, property);
      *attached = FALSE;
    }
}

static const char *
event_writer_zone (EventWriter *writer,
                   const char  *zone)
{
  if (writer->zone_read == NULL)
    writer->zone_read = g_string_new (NULL);
  else if (writer->zone != NULL && g_strcmp0 (zone, writer->zone_read->str) == 0 &&
           (zone != NULL) == (writer->zone_read->len > 0))
    return writer->zone;

  g_string_assign (writer->zone_read, zone != NULL ? zone : "");
  writer->zone = _fd_ical_zone_name (zone);

  return writer->zone;
}

/* Fills the VEVENT with one slot; FALSE when its times are not wall-clock
 * times (the slot is left out) */
static gboolean
event_writer_fill (EventWriter *writer,
                   const Row   *row,
                   gint64       now)
{
  const char *zone = event_writer_zone (writer, row->text[COL_TIME_ZONE]);
  const char *sequence_label = row->text[COL_SEQUENCE_LABEL];
  const char *trainers = row->text[COL_TRAINERS];
  gint64 updated_at = row->updated_at;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  icaltimetype start;
  icaltimetype end;

  if (!_fd_ical_parse_wall (row->text[COL_START_AT], &start) ||
      !_fd_ical_parse_wall (row->text[COL_END_AT], &end))
    {
      g_debug ("Slot %s has no valid times: left out", row->text[COL_ID]);
      return FALSE;
    }

  g_string_assign (writer->uid_text, "slot-");
  g_string_append (writer->uid_text, row->text[COL_ID]);
  g_string_append (writer->uid_text, "@formadesk");
  icalproperty_set_uid (writer->uid, writer->uid_text->str);
  icalproperty_set_dtstamp (writer->dtstamp,
                            icaltime_from_timet_with_zone (
                              (time_t) ((updated_at > 0 ? updated_at : now) / USEC_PER_SEC_64),
                              0, icaltimezone_get_utc_timezone ()));
  icalproperty_set_sequence (writer->sequence, (int) CLAMP (row->revision, 0, G_MAXINT));
  icalproperty_set_dtstart (writer->dtstart, start);
  icalproperty_set_dtend (writer->dtend, end);
  icalparameter_set_tzid (writer->start_tzid, zone);
  icalparameter_set_tzid (writer->end_tzid, zone);

  if (sequence_label != NULL)
    /* Translators: an event's title in an exported calendar: %1$s is the
     * session's code, %2$s its label, %3$s the sequence's label */
    summary = g_strdup_printf (C_("calendar event", "%1$s %2$s — %3$s"),
                               row->text[COL_CODE], row->text[COL_SESSION_LABEL],
                               sequence_label);
  else
    /* Translators: an event's title in an exported calendar: %1$s is the
     * session's code, %2$s its label */
    summary = g_strdup_printf (C_("calendar event", "%1$s %2$s"), row->text[COL_CODE],
                               row->text[COL_SESSION_LABEL]);
  icalproperty_set_summary (writer->summary, summary);

  make_location (row, writer->location_text);
  set_optional (writer, writer->location, &writer->has_location,
                writer->location_text->len > 0 ? writer->location_text->str : NULL);

  if (trainers != NULL)
    /* Translators: an exported event's description, %s the trainers'
     * names ("Claire Dubois, Paul Martin") */
    description = g_strdup_printf (_("Trainers: %s"), trainers);
  set_optional (writer, writer->description, &writer->has_description, description);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The pipeline                                                             */
/* ------------------------------------------------------------------------ */

/*
 * Reading the slots (SQLite) and making their events (libical) cost about
 * the same: with two processors, the thread that owns the connection reads
 * the rows into batches and hands them to a writer thread, which makes and
 * writes the events of one batch while the next is read. A few batches go
 * round between the two, so memory stays the same whatever the number of
 * slots, and the events are written in the order they are read: the file
 * is the same byte for byte as one thread would write it.
 */

#define BATCH_ROWS 256
#define N_BATCHES 4

typedef struct
{
  GString *texts;             /* every text of the rows, each NUL-terminated */
  guint n_rows;
  gint32 offsets[BATCH_ROWS][N_COLUMNS];   /* in texts, -1 for NULL */
  gint64 numbers[BATCH_ROWS][2];           /* updated_at, revision */
} Batch;

static Batch *
batch_new (void)
{
  Batch *batch = g_new (Batch, 1);

  batch->texts = g_string_sized_new (BATCH_ROWS * 512);
  batch->n_rows = 0;

  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_string_free (batch->texts, TRUE);
  g_free (batch);
}

static void
batch_add_row (Batch        *batch,
               sqlite3_stmt *stmt)
{
  guint i = batch->n_rows++;

  g_assert (i < BATCH_ROWS);

  for (int column = 0; column < N_COLUMNS; column++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, column);
      int length = sqlite3_column_bytes (stmt, column);

      if (text == NULL || *text == '\0' || batch->texts->len > G_MAXINT32 - (gsize) length - 1)
        {
          batch->offsets[i][column] = -1;
          continue;
        }
      batch->offsets[i][column] = (gint32) batch->texts->len;
      g_string_append_len (batch->texts, text, length);
      g_string_append_c (batch->texts, '\0');
    }
  batch->numbers[i][0] = sqlite3_column_int64 (stmt, COL_UPDATED_AT);
  batch->numbers[i][1] = sqlite3_column_int64 (stmt, COL_REVISION);
}

static void
batch_get_row (Batch *batch,
               guint  i,
               Row   *row)
{
  g_assert (i < batch->n_rows);

  for (int column = 0; column < N_COLUMNS; column++)
    {
      gint32 offset = batch->offsets[i][column];

      row->text[column] = offset >= 0 ? batch->texts->str + offset : NULL;
    }
  row->updated_at = batch->numbers[i][0];
  row->revision = batch->numbers[i][1];
}

static void
batch_clear (Batch *batch)
{
  g_string_truncate (batch->texts, 0);
  batch->n_rows = 0;
}

typedef struct
{
  GOutputStream *output;
  GCancellable *cancellable;
  gint64 now;

  /* the writer's, while it runs */
  EventWriter writer;
  GString *text;
  guint n_events;
  GError *error;

  /* between the two threads */
  GAsyncQueue *full;          /* Batch to write, then &end_of_rows */
  GAsyncQueue *empty;         /* Batch written, to fill again */
  gint failed;                /* atomic: the writer has set error */
} Pipeline;

/* pushed after the last batch */
static char end_of_rows;

/* Makes and writes the events of @batch, all in one write */
static gboolean
write_batch (Pipeline  *pipeline,
             Batch     *batch,
             GError   **error)
{
  g_string_truncate (pipeline->text, 0);
  for (guint i = 0; i < batch->n_rows; i++)
    {
      Row row;
      char *event;

      batch_get_row (batch, i, &row);
      if (!event_writer_fill (&pipeline->writer, &row, pipeline->now))
        continue;
      event = icalcomponent_as_ical_string_r (pipeline->writer.event);
      if (event == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The calendar could not be written."));
          return FALSE;
        }
      g_string_append (pipeline->text, event);
      free (event);
      pipeline->n_events++;
    }

  return g_output_stream_write_all (pipeline->output, pipeline->text->str, pipeline->text->len,
                                    NULL, pipeline->cancellable, error);
}

/* The writer thread: batches until the end, each given back once written;
 * after a failure the rest are only given back */
static gpointer
write_batches (gpointer data)
{
  Pipeline *pipeline = data;
  gpointer item;

  while ((item = g_async_queue_pop (pipeline->full)) != &end_of_rows)
    {
      Batch *batch = item;

      if (!g_atomic_int_get (&pipeline->failed) &&
          !write_batch (pipeline, batch, &pipeline->error))
        g_atomic_int_set (&pipeline->failed, TRUE);
      batch_clear (batch);
      g_async_queue_push (pipeline->empty, batch);
    }

  return NULL;
}

/* Reads the rows of @stmt into batches and has them written: by a writer
 * thread when @threaded, else in turn by this one. Returns the events
 * written in @n_events. */
static gboolean
run_pipeline (sqlite3_stmt   *stmt,
              FdDatabase     *database,
              const char     *sql,
              GOutputStream  *output,
              gboolean        threaded,
              guint          *n_events,
              GCancellable   *cancellable,
              GError        **error)
{
  Pipeline pipeline = {
    .output = output,
    .cancellable = cancellable,
    .now = g_get_real_time (),
  };
  g_autoptr(GError) local_error = NULL;
  GThread *thread = NULL;
  Batch *batch;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  event_writer_init (&pipeline.writer);
  pipeline.text = g_string_sized_new (BATCH_ROWS * 512);
  pipeline.full = g_async_queue_new ();
  pipeline.empty = g_async_queue_new_full (batch_free);
  for (guint i = 0; i < (threaded ? N_BATCHES : 1); i++)
    g_async_queue_push (pipeline.empty, batch_new ());

  /* libical makes its UTC zone on first use: not from two threads at once */
  icaltimezone_get_utc_timezone ();
  if (threaded)
    thread = g_thread_new ("fd-ical-export", write_batches, &pipeline);

  batch = g_async_queue_pop (pipeline.empty);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      batch_add_row (batch, stmt);
      if (batch->n_rows < BATCH_ROWS)
        continue;

      if (threaded)
        {
          g_async_queue_push (pipeline.full, batch);
          batch = g_async_queue_pop (pipeline.empty);
          ok = !g_atomic_int_get (&pipeline.failed);
        }
      else
        {
          ok = write_batch (&pipeline, batch, &pipeline.error);
          batch_clear (batch);
        }
      ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, &local_error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, &local_error, sql);
      ok = FALSE;
    }

  if (ok && batch->n_rows > 0)
    {
      if (threaded)
        g_async_queue_push (pipeline.full, g_steal_pointer (&batch));
      else
        ok = write_batch (&pipeline, batch, &pipeline.error);
    }
  if (batch != NULL)
    g_async_queue_push (pipeline.empty, batch);

  if (thread != NULL)
    {
      g_async_queue_push (pipeline.full, &end_of_rows);
      g_thread_join (thread);
    }

  /* The writer's error comes first: the reader stopped because of it */
  if (pipeline.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pipeline.error));
      ok = FALSE;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  *n_events = pipeline.n_events;
  event_writer_clear (&pipeline.writer);
  g_string_free (pipeline.text, TRUE);
  g_async_queue_unref (pipeline.full);
  g_async_queue_unref (pipeline.empty);

  return ok;
}

static char *
lookup_id (FdDatabase  *database,
           const char  *sql,
           const char  *key,
           guint       *n_found,
           GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, error);
  char *id = NULL;
  int rc;

  *n_found = 0;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (id == NULL)
        id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      (*n_found)++;
    }
  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, sql);
      g_clear_pointer (&id, g_free);
      *n_found = 0;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return id;
}

/**
 * fd_ical_resolve_scope:
 * @database: a #FdDatabase
 * @scope: which slots
 * @key: (nullable): the trainer's email, the room's name ("Salle Voltaire",
 *   or "Paris Bastille/Salle Voltaire" when several places have one), or
 *   the session's code; ignored for %FD_ICAL_SCOPE_ALL
 * @error: return location for a #GError
 *
 * Finds what @key names, so that an export for something that does not
 * exist is refused before anything is written.
 *
 * Returns: (transfer full) (nullable): the id of the trainer, room or
 *   session (an empty string for %FD_ICAL_SCOPE_ALL), or %NULL with
 *   %FD_DATABASE_ERROR_NOT_FOUND and a sentence that names @key
 */
char *
fd_ical_resolve_scope (FdDatabase  *database,
                       FdIcalScope  scope,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  guint n_found = 0;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (scope <= FD_ICAL_SCOPE_SESSION, NULL);
  g_return_val_if_fail (scope == FD_ICAL_SCOPE_ALL || key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (scope)
    {
    case FD_ICAL_SCOPE_ALL:
      return g_strdup ("");

    case FD_ICAL_SCOPE_TRAINER:
      {
        g_autofree char *email = fd_normalize_email (key);

        id = lookup_id (database, trainer_sql, email != NULL ? email : key, &n_found,
                        &local_error);
        if (id == NULL && local_error == NULL)
          /* Translators: %s is what was given to --trainer */
          g_set_error (&local_error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                       _("There is no trainer with the email “%s”."), key);
      }
      break;

    case FD_ICAL_SCOPE_ROOM:
      id = lookup_id (database, room_sql, key, &n_found, &local_error);
      if (id == NULL && local_error == NULL)
        /* Translators: %s is what was given to --room */
        g_set_error (&local_error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                     _("There is no room “%s”."), key);
      else if (n_found > 1)
        {
          g_clear_pointer (&id, g_free);
          /* Translators: %s is a room's name; “Place/Room” shows how to
           * name a room with its place */
          g_set_error (&local_error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                       _("Several places have a room “%s”: name it “Place/Room”."), key);
        }
      break;

    case FD_ICAL_SCOPE_SESSION:
      id = lookup_id (database, session_sql, key, &n_found, &local_error);
      if (id == NULL && local_error == NULL)
        /* Translators: %s is a session's code, "2026-0042" */
        g_set_error (&local_error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                     _("There is no session “%s”."), key);
      break;

    default:
      g_assert_not_reached ();
    }

  if (id == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&id);
}

static void
bind_scope (sqlite3_stmt *stmt,
            FdIcalScope   scope,
            const char   *id)
{
  if (scope != FD_ICAL_SCOPE_ALL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
}

/* The VCALENDAR's opening (up to its VTIMEZONEs included) and closing,
 * serialised by libical around no event */
static gboolean
make_envelope (FdDatabase   *database,
               FdIcalScope   scope,
               const char   *id,
               char        **head,
               char        **tail,
               GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  icalcomponent *calendar = _fd_ical_new_calendar (NULL);
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  const char *end;
  int rc;

  stmt = _fd_database_prepare (database, zones_sql[scope], error);
  if (stmt == NULL)
    {
      icalcomponent_free (calendar);
      return FALSE;
    }
  bind_scope (stmt, scope, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _fd_ical_add_timezone (calendar, seen, column_text (stmt, 0), column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    _fd_database_set_error (database, error, zones_sql[scope]);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      icalcomponent_free (calendar);
      return FALSE;
    }

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  end = text != NULL ? g_strrstr (text, "END:VCALENDAR") : NULL;
  if (end == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The calendar could not be written."));
      return FALSE;
    }

  *head = g_strndup (text, (gsize) (end - text));
  *tail = g_strdup (end);

  return TRUE;
}

/**
 * fd_ical_export:
 * @database: a #FdDatabase
 * @scope: which slots
 * @key: (nullable): what @scope names (see fd_ical_resolve_scope())
 * @output: where to write the calendar
 * @n_events: (out) (optional): how many events were written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the slots of @scope as one RFC 5545 VCALENDAR: a VTIMEZONE per
 * zone used, then a VEVENT per live slot of a published, not cancelled
 * session (drafts and deleted rows are left out), by start. Each event has
 * the UID `slot-<slot id>@formadesk`, the slot's times in its place's zone
 * (TZID, Europe/Paris for a slot without a place), SEQUENCE (the slot's
 * revision), DTSTAMP (its last change), SUMMARY (session code, label and
 * sequence), LOCATION (place, room, address) and DESCRIPTION (trainers).
 * Lines are folded at 75 octets and end in CRLF. Memory does not grow with
 * the number of slots: each event is written as it is read.
 *
 * Returns: %TRUE on success; %FALSE with %FD_DATABASE_ERROR_NOT_FOUND
 *   when @key names nothing (nothing is written then), or a %G_IO_ERROR
 */
gboolean
fd_ical_export (FdDatabase     *database,
                FdIcalScope     scope,
                const char     *key,
                GOutputStream  *output,
                guint          *n_events,
                GCancellable   *cancellable,
                GError        **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (scope <= FD_ICAL_SCOPE_SESSION, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _fd_ical_export_full (database, scope, key, output, g_get_num_processors () > 1,
                               n_events, cancellable, error);
}

/* fd_ical_export(), its events made by a second thread when @threaded */
gboolean
_fd_ical_export_full (FdDatabase     *database,
                      FdIcalScope     scope,
                      const char     *key,
                      GOutputStream  *output,
                      gboolean        threaded,
                      guint          *n_events,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autofree char *id = NULL;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;
  gboolean ok;

  g_assert (FD_IS_DATABASE (database));
  g_assert (scope <= FD_ICAL_SCOPE_SESSION);
  g_assert (G_IS_OUTPUT_STREAM (output));

  if (n_events != NULL)
    *n_events = 0;

  id = fd_ical_resolve_scope (database, scope, key, error);
  if (id == NULL)
    return FALSE;

  /* One snapshot: the zones and the events see the same slots. A
   * savepoint, not BEGIN: the caller may be inside a transaction. */
  if (!_fd_database_run (database, "SAVEPOINT fd_ical_export", error))
    return FALSE;

  if (!make_envelope (database, scope, id, &head, &tail, error) ||
      !g_output_stream_write_all (output, head, strlen (head), NULL, cancellable, error) ||
      (stmt = _fd_database_prepare (database, slots_sql[scope], error)) == NULL)
    {
      _fd_database_run (database, "RELEASE fd_ical_export", NULL);
      return FALSE;
    }
  bind_scope (stmt, scope, id);
  ok = run_pipeline (stmt, database, slots_sql[scope], output, threaded, &n, cancellable, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  _fd_database_run (database, "RELEASE fd_ical_export", NULL);

  if (!ok || !g_output_stream_write_all (output, tail, strlen (tail), NULL, cancellable, error))
    return FALSE;

  if (n_events != NULL)
    *n_events = n;

  return TRUE;
}

/**
 * fd_ical_export_to_file:
 * @database: a #FdDatabase
 * @scope: which slots
 * @key: (nullable): what @scope names (see fd_ical_resolve_scope())
 * @path: the file to write
 * @n_events: (out) (optional): how many events were written
 * @error: return location for a #GError
 *
 * fd_ical_export() into @path. The calendar is written to a temporary
 * file beside it, renamed to @path only once complete: on any error
 * (@key names nothing, the disk is full) @path is left as it was, and no
 * file is made.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_ical_export_to_file (FdDatabase  *database,
                        FdIcalScope  scope,
                        const char  *key,
                        const char  *path,
                        guint       *n_events,
                        GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (scope <= FD_ICAL_SCOPE_SESSION, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _fd_ical_export_to_file_full (database, scope, key, path, g_get_num_processors () > 1,
                                       n_events, NULL, error);
}

/* fd_ical_export_to_file(), threaded or not, and cancellable */
gboolean
_fd_ical_export_to_file_full (FdDatabase    *database,
                              FdIcalScope    scope,
                              const char    *key,
                              const char    *path,
                              gboolean       threaded,
                              guint         *n_events,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autofree char *id = NULL;
  g_autofree char *temporary_path = NULL;
  g_autofree char *random = NULL;
  gboolean ok;

  g_assert (FD_IS_DATABASE (database));
  g_assert (path != NULL);

  if (n_events != NULL)
    *n_events = 0;

  /* Refused before any file is made */
  id = fd_ical_resolve_scope (database, scope, key, error);
  if (id == NULL)
    return FALSE;

  file = g_file_new_for_path (path);
  random = g_strdup_printf ("%08x", g_random_int ());
  temporary_path = g_strconcat (path, ".", random, ".part", NULL);
  temporary = g_file_new_for_path (temporary_path);
  stream = g_file_create (temporary, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;

  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 256 * 1024);
  ok = _fd_ical_export_full (database, scope, key, buffered, threaded, n_events, cancellable,
                             error) &&
       g_output_stream_close (buffered, NULL, error) &&
       g_file_move (temporary, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
  if (!ok)
    {
      g_output_stream_close (buffered, NULL, NULL);
      g_file_delete (temporary, NULL, NULL);
      if (n_events != NULL)
        *n_events = 0;
    }

  return ok;
}
