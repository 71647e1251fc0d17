/* fd-session-emails.c — a session's email notifications: settings,
 * schedule per sequence, and the due messages put in the mail outbox
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-emails"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-session-emails.h"

#include "fd-change-private.h"
#include "fd-database-private.h"
#include "fd-entity-private.h"
#include "fd-format.h"
#include "fd-invitations-private.h"
#include "fd-template.h"
#include "fd-validate.h"

#include <string.h>

/*
 * A session's emails are prefilled from the organisation's email templates
 * (one session_email row per template anchored on the session's dates),
 * then edited as ordinary rows. Each enabled setting is sent once per
 * sequence of the session ("session complexe": a trainer file 10 days
 * before sequences on 15 May and 27 June leaves on 5 May and on 17 June),
 * at the sequence's first slot start or last slot end plus its delay, in
 * the wall-clock time of that slot's place; pre-work sequences get a
 * calendar invitation only, never an email.
 *
 * Due messages are rendered into email_message rows (the mail outbox that
 * delivery reads), one per recipient. The table has no column naming the
 * setting or the sequence, so a message is known by what it already
 * stores: (template_id, session_id, recipient, scheduled_at). The same
 * setting and sequence give the same template and the same time, so the
 * same recipient is never queued twice; a sequence moved to other dates,
 * or a delay changed, gives another time, and its emails are planned anew
 * (with the new dates). Messages deleted or cancelled in the outbox count
 * as handled: they are never queued again. Two trainees sharing one
 * address get one message.
 *
 * Drafts (session.published = 0) and cancelled sessions or sequences send
 * nothing; the schedule of a draft still shows what would be sent.
 */

#define DEFAULT_TIME_ZONE "Europe/Paris"

#define MINUTES_PER_DAY 1440
#define USEC_PER_MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define USEC_PER_DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

/* Wall-clock texts of two time zones differ by 26 hours at most */
#define ZONE_MARGIN_MINUTES (2 * MINUTES_PER_DAY)

/* ------------------------------------------------------------------------ */
/* Tags                                                                     */
/* ------------------------------------------------------------------------ */

/* The tags of email templates, in French as the people who write the
 * templates use them; a template editor lists them with their meaning. */
static const struct
{
  const char *name;
  const char *description;
} tags[] = {
  { "prenom", N_("The recipient’s first name") },
  { "nom", N_("The recipient’s last name") },
  { "session", N_("The session’s label") },
  { "code_session", N_("The session’s code") },
  { "formation", N_("The title of the session’s training") },
  { "sequence", N_("The sequence’s label") },
  { "date_debut", N_("The sequence’s first day, written in full") },
  { "date_fin", N_("The sequence’s last day, written in full") },
  { "heure_debut", N_("The time the sequence starts") },
  { "heure_fin", N_("The time the sequence ends") },
  { "horaires", N_("Every day of the sequence with its hours, one a line") },
  { "lieu", N_("The place of the sequence") },
  { "salle", N_("The room") },
  { "adresse", N_("The place’s address") },
  { "lien", N_("The sequence’s link (a virtual class)") },
  { "formateur", N_("The trainers of the sequence") },
  { "organisme", N_("The training organisation’s name") },
  { "commentaire_convocation", N_("The session’s notice comment") },
  { "commentaire_organisme", N_("The comments for the training organisation") },
  { "commentaire_lieu", N_("The slots’ comments about the place") },
  { "commentaire_formateur", N_("The slots’ comments for the trainer file") },
};

static const char * const tag_names[] = {
  "prenom", "nom", "session", "code_session", "formation", "sequence", "date_debut",
  "date_fin", "heure_debut", "heure_fin", "horaires", "lieu", "salle", "adresse", "lien",
  "formateur", "organisme", "commentaire_convocation", "commentaire_organisme",
  "commentaire_lieu", "commentaire_formateur", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (tags) + 1 == G_N_ELEMENTS (tag_names));

/* ------------------------------------------------------------------------ */
/* States                                                                   */
/* ------------------------------------------------------------------------ */

static const struct
{
  const char *name;
  const char *label;
} states[] = {
  { "upcoming", NC_("email state", "Upcoming") },
  { "due", NC_("email state", "Due") },
  { "missed", NC_("email state", "Not sent") },
  { "queued", NC_("email state", "Queued") },
  { "sent", NC_("email state", "Sent") },
  { "failed", NC_("email state", "Failed") },
  { "cancelled", NC_("email state", "Cancelled") },
  { "disabled", NC_("email state", "Off") },
  { "no_template", NC_("email state", "No template") },
  { "no_date", NC_("email state", "No date") },
  { "prework", NC_("email state", "Pre-work: calendar invitation only") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (states) == FD_SESSION_EMAIL_STATE_PREWORK + 1);

/* ------------------------------------------------------------------------ */
/* Types                                                                    */
/* ------------------------------------------------------------------------ */

struct _FdSessionEmailSetting
{
  gatomicrefcount ref_count;
  char *id;
  gint64 revision;
  char *session_id;
  char *template_id;
  char *kind;
  char *name;
  gboolean enabled;
  char *anchor;
  gint64 offset_minutes;
  char *recipients;
  char *cc;
  char *bcc;
  guint n_attachments;
  char *subject; /* NULL without a live template */
  char *body;
  char *template_problem;
};

struct _FdSessionEmailEntry
{
  gatomicrefcount ref_count;
  FdSessionEmailSetting *setting;
  char *sequence_id;
  char *sequence_label;
  int sequence_position;
  gboolean prework;
  char *anchor_at;
  char *send_at;
  char *time_zone;
  gint64 scheduled_at;
  FdSessionEmailState state;
  gboolean draft;
  guint n_recipients;
  guint n_messages;
  guint n_without_address;
};

G_DEFINE_BOXED_TYPE (FdSessionEmailSetting, fd_session_email_setting,
                     fd_session_email_setting_ref, fd_session_email_setting_unref)
G_DEFINE_BOXED_TYPE (FdSessionEmailEntry, fd_session_email_entry,
                     fd_session_email_entry_ref, fd_session_email_entry_unref)

typedef struct
{
  char *start_at;
  char *end_at;
  char *time_zone;
  char *place_name;
  char *address;
  char *room_name;
  char *organisation_notice;
  char *place_notice;
  char *trainer_notice;
} Slot;

/* A trainee, a trainer, or an address given as such */
typedef struct
{
  char *id; /* NULL for an address given as such */
  char *first_name;
  char *last_name;
  char *email; /* normalised, or NULL */
} Person;

typedef struct
{
  char *id;
  char *label;
  int position;
  gboolean prework;
  gboolean cancelled;
  char *url;
  char *modality;
  GPtrArray *slots;    /* Slot, by start */
  GPtrArray *trainers; /* Person, each once */
} Sequence;

/* Everything the schedule and the messages of one session are made of */
typedef struct
{
  char *session_id;
  char *code;
  char *label;
  gboolean published;
  gboolean cancelled;
  char *training_title;
  char *organisation_name;
  char *notice_comment;
  char *organisation_comment;
  GPtrArray *settings;  /* FdSessionEmailSetting */
  GPtrArray *sequences; /* Sequence */
  GPtrArray *trainees;  /* Person */
  /* message key (see message_key) → status, "cancelled" for deleted rows */
  GHashTable *messages;
  /* "template_id|scheduled_at" → MessageCounts */
  GHashTable *message_counts;
} Context;

/* The messages queued for one setting and sequence, by status */
typedef struct
{
  guint scheduled;
  guint sent;
  guint failed;
  guint cancelled;
} MessageCounts;

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
  g_free (slot->time_zone);
  g_free (slot->place_name);
  g_free (slot->address);
  g_free (slot->room_name);
  g_free (slot->organisation_notice);
  g_free (slot->place_notice);
  g_free (slot->trainer_notice);
  g_free (slot);
}

static void
person_free (Person *person)
{
  g_free (person->id);
  g_free (person->first_name);
  g_free (person->last_name);
  g_free (person->email);
  g_free (person);
}

static Person *
person_new (const char *id,
            const char *first_name,
            const char *last_name,
            const char *email)
{
  Person *person = g_new0 (Person, 1);

  person->id = g_strdup (id);
  person->first_name = g_strdup (first_name);
  person->last_name = g_strdup (last_name);
  person->email = fd_normalize_email (email);

  return person;
}

static void
sequence_free (Sequence *sequence)
{
  g_free (sequence->id);
  g_free (sequence->label);
  g_free (sequence->url);
  g_free (sequence->modality);
  g_ptr_array_unref (sequence->slots);
  g_ptr_array_unref (sequence->trainers);
  g_free (sequence);
}

static void
context_free (Context *context)
{
  g_free (context->session_id);
  g_free (context->code);
  g_free (context->label);
  g_free (context->training_title);
  g_free (context->organisation_name);
  g_free (context->notice_comment);
  g_free (context->organisation_comment);
  g_clear_pointer (&context->settings, g_ptr_array_unref);
  g_clear_pointer (&context->sequences, g_ptr_array_unref);
  g_clear_pointer (&context->trainees, g_ptr_array_unref);
  g_clear_pointer (&context->messages, g_hash_table_unref);
  g_clear_pointer (&context->message_counts, g_hash_table_unref);
  g_free (context);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Context, context_free)

static gboolean
step_failed (FdDatabase    *database,
             sqlite3_stmt  *stmt,
             int            rc,
             const char    *what,
             GError       **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;

  _fd_database_set_error (database, error, what);
  sqlite3_reset (stmt);

  return TRUE;
}

G_LOCK_DEFINE_STATIC (time_zones);

/* Time zones are made once per identifier: parsing one reads a file. */
static GTimeZone *
lookup_time_zone (const char *identifier)
{
  static GHashTable *time_zones;
  GTimeZone *tz;

  if (identifier == NULL)
    identifier = DEFAULT_TIME_ZONE;

  G_LOCK (time_zones);

  if (time_zones == NULL)
    time_zones = g_hash_table_new (g_str_hash, g_str_equal);

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

/* Minutes of a wall-clock "2026-05-15T09:00" since an epoch, or -1 */
static gint64
wall_minutes (const char *text)
{
  GDate date;

  if (!fd_validate_date_time (text))
    return -1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  (GDateDay) g_ascii_strtoll (text + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoll (text + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoll (text, NULL, 10));

  return (gint64) g_date_get_julian (&date) * MINUTES_PER_DAY +
         g_ascii_strtoll (text + 11, NULL, 10) * 60 + g_ascii_strtoll (text + 14, NULL, 10);
}

/* The wall-clock text of @minutes (see wall_minutes()), or NULL */
static char *
wall_text (gint64 minutes)
{
  gint64 days = minutes / MINUTES_PER_DAY;
  gint64 rest = minutes % MINUTES_PER_DAY;
  GDate date;

  if (minutes < MINUTES_PER_DAY || days > G_MAXUINT32 || !g_date_valid_julian ((guint32) days))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) days);
  if (g_date_get_year (&date) > 9999)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d",
                          (int) g_date_get_year (&date), (int) g_date_get_month (&date),
                          (int) g_date_get_day (&date), (int) (rest / 60), (int) (rest % 60));
}

/* UTC microseconds of a wall-clock time in @zone; a time that a change to
 * summer time skips is read as GLib does (the hour after). */
static gint64
instant_of (const char *zone,
            const char *text)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (!fd_validate_date_time (text))
    return 0;

  date_time = g_date_time_new (lookup_time_zone (zone),
                               (int) g_ascii_strtoll (text, NULL, 10),
                               (int) g_ascii_strtoll (text + 5, NULL, 10),
                               (int) g_ascii_strtoll (text + 8, NULL, 10),
                               (int) g_ascii_strtoll (text + 11, NULL, 10),
                               (int) g_ascii_strtoll (text + 14, NULL, 10),
                               0);

  return date_time != NULL ? g_date_time_to_unix (date_time) * G_USEC_PER_SEC : 0;
}

static gint64
usec_of (GDateTime *now)
{
  g_autoptr(GDateTime) current = NULL;

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();

  return g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
}

static char *
message_key (const char *template_id,
             gint64      scheduled_at,
             const char *recipient)
{
  g_autofree char *folded = recipient != NULL ? g_ascii_strdown (recipient, -1) : NULL;

  if (folded == NULL)
    return g_strdup_printf ("%s|%" G_GINT64_FORMAT, template_id != NULL ? template_id : "",
                            scheduled_at);

  return g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s", template_id != NULL ? template_id : "",
                          scheduled_at, folded);
}

/* A kind of email goes to trainers when its key says so
 * ("trainer_file"), to trainees otherwise. */
static const char *
default_recipients (const char *kind)
{
  return g_str_has_prefix (kind, "trainer") ? FD_SESSION_EMAIL_RECIPIENTS_TRAINERS
                                            : FD_SESSION_EMAIL_RECIPIENTS_TRAINEES;
}

/* Inter-company notices are sent from each enrollment, not from the
 * session's email settings (seed: « Convocation Session INTER »). */
static gboolean
is_notice (const char *kind)
{
  return g_str_equal (kind, "notice") || g_str_equal (kind, "convocation");
}

/* The anchor of a session email made from a template's, or NULL when the
 * template is not sent from the sequences' dates (enrollment, manual) */
static const char *
anchor_of_template (const char *anchor)
{
  if (g_str_equal (anchor, "sequence_start") || g_str_equal (anchor, "session_start"))
    return "sequence_start";
  if (g_str_equal (anchor, "session_end"))
    return "sequence_end";

  return NULL;
}

/* Splits a list of recipients as people type them: commas, semicolons,
 * spaces or line breaks between them. */
static GStrv
split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return g_strv_builder_end (builder);

  parts = g_strsplit_set (text, ",; \t\r\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------------------ */
/* Settings and entries                                                     */
/* ------------------------------------------------------------------------ */

static void
setting_check_template (FdSessionEmailSetting *self)
{
  g_autoptr(GError) error = NULL;

  if (self->subject == NULL)
    return;

  if (!fd_session_emails_check_template (self->subject, NULL, &error))
    /* Translators: %s says what is wrong in a template's subject */
    self->template_problem = g_strdup_printf (_("Subject: %s"), error->message);
  else if (!fd_session_emails_check_template (self->body, NULL, &error))
    /* Translators: %s says what is wrong in a template's text */
    self->template_problem = g_strdup_printf (_("Text: %s"), error->message);
}

/* Columns of read_setting() */
#define SETTING_COLUMNS \
  "m.id, m.revision, m.session_id, m.template_id, m.kind, m.enabled, m.anchor," \
  " m.offset_minutes, m.recipients, m.cc, m.bcc, t.name, t.subject, t.body," \
  " (SELECT count(*) FROM attachment a WHERE a.owner_id = m.id" \
  "  AND a.owner_entity = 'session_email' AND a.deleted = 0)"

static FdSessionEmailSetting *
read_setting (sqlite3_stmt *stmt)
{
  FdSessionEmailSetting *self = g_new0 (FdSessionEmailSetting, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = column_dup (stmt, 0);
  self->revision = sqlite3_column_int64 (stmt, 1);
  self->session_id = column_dup (stmt, 2);
  self->template_id = column_dup (stmt, 3);
  self->kind = column_dup (stmt, 4);
  if (self->kind == NULL)
    self->kind = g_strdup ("");
  self->enabled = sqlite3_column_int (stmt, 5) != 0;
  self->anchor = column_dup (stmt, 6);
  if (self->anchor == NULL)
    self->anchor = g_strdup ("sequence_start");
  self->offset_minutes = sqlite3_column_int64 (stmt, 7);
  self->recipients = column_dup (stmt, 8);
  self->cc = column_dup (stmt, 9);
  self->bcc = column_dup (stmt, 10);
  self->name = column_dup (stmt, 11);
  if (self->name == NULL)
    self->name = g_strdup (self->kind);
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    {
      self->subject = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
      self->body = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
      if (self->body == NULL)
        self->body = g_strdup ("");
    }
  self->n_attachments = (guint) sqlite3_column_int64 (stmt, 14);
  setting_check_template (self);

  return self;
}

static FdSessionEmailEntry *
entry_new (FdSessionEmailSetting *setting,
           const Sequence        *sequence)
{
  FdSessionEmailEntry *self = g_new0 (FdSessionEmailEntry, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->setting = fd_session_email_setting_ref (setting);
  self->sequence_id = g_strdup (sequence->id);
  self->sequence_label = g_strdup (sequence->label);
  self->sequence_position = sequence->position;
  self->prework = sequence->prework;

  return self;
}

/* ------------------------------------------------------------------------ */
/* Reading a session                                                        */
/* ------------------------------------------------------------------------ */

static const char session_sql[] =
  "SELECT e.code, e.label, e.published, e.status = 'cancelled', t.title,"
  " e.notice_comment, e.organisation_comment,"
  " coalesce ((SELECT o.name FROM organisation o WHERE o.id = e.organisation_id AND o.deleted = 0),"
  "           (SELECT o.name FROM organisation o WHERE o.deleted = 0 ORDER BY o.rowid LIMIT 1))"
  " FROM session e LEFT JOIN training t ON t.id = e.training_id AND t.deleted = 0"
  " WHERE e.id = ?1 AND e.deleted = 0";

static const char settings_sql[] =
  "SELECT " SETTING_COLUMNS
  " FROM session_email m LEFT JOIN email_template t ON t.id = m.template_id AND t.deleted = 0"
  " WHERE m.session_id = ?1 AND m.deleted = 0 ORDER BY m.rowid";

static const char sequences_sql[] =
  "SELECT id, label, position, prework, status = 'cancelled', url, modality FROM sequence"
  " WHERE session_id = ?1 AND deleted = 0 ORDER BY position, rowid";

static const char slots_sql[] =
  "SELECT s.sequence_id, s.start_at, s.end_at, p.time_zone, p.name, p.address, p.postal_code,"
  " p.city, r.name, s.organisation_notice, s.place_notice, s.trainer_notice"
  " FROM slot s LEFT JOIN place p ON p.id = s.place_id AND p.deleted = 0"
  " LEFT JOIN room r ON r.id = s.room_id AND r.deleted = 0"
  " WHERE s.session_id = ?1 AND s.deleted = 0 ORDER BY s.start_at, s.rowid";

/* Trainers and co-trainers teach; hosts welcome and get no trainer file */
static const char staff_sql[] =
  "SELECT s.sequence_id, t.id, t.first_name, t.last_name, t.email"
  " FROM slot s CROSS JOIN slot_staff st ON st.slot_id = s.id AND st.deleted = 0"
  "   AND st.role IN ('trainer', 'co_trainer')"
  " CROSS JOIN trainer t ON t.id = st.trainer_id AND t.deleted = 0"
  " WHERE s.session_id = ?1 AND s.deleted = 0 ORDER BY s.start_at, st.rowid";

static const char trainees_sql[] =
  "SELECT t.id, t.first_name, t.last_name, t.email"
  " FROM enrollment n CROSS JOIN trainee t ON t.id = n.trainee_id AND t.deleted = 0"
  " WHERE n.session_id = ?1 AND n.deleted = 0 AND n.status NOT IN ('withdrawn', 'cancelled')"
  " ORDER BY t.sort_key, t.id";

static const char messages_sql[] =
  "SELECT template_id, scheduled_at, recipient, CASE WHEN deleted THEN 'cancelled' ELSE status END"
  " FROM email_message WHERE session_id = ?1 AND scheduled_at IS NOT NULL"
  /* calendar invitations alone have no template (fd-invitations.c) */
  " AND template_id IS NOT NULL";

static char *
join_address (sqlite3_stmt *stmt,
              int           first)
{
  const char *address = (const char *) sqlite3_column_text (stmt, first);
  const char *postal_code = (const char *) sqlite3_column_text (stmt, first + 1);
  const char *city = (const char *) sqlite3_column_text (stmt, first + 2);
  g_autoptr(GString) text = g_string_new (NULL);

  if (address != NULL && *address != '\0')
    g_string_append (text, address);
  if ((postal_code != NULL && *postal_code != '\0') || (city != NULL && *city != '\0'))
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      if (postal_code != NULL && *postal_code != '\0')
        g_string_append (text, postal_code);
      if (postal_code != NULL && *postal_code != '\0' && city != NULL && *city != '\0')
        g_string_append_c (text, ' ');
      if (city != NULL)
        g_string_append (text, city);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
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

static gboolean
read_messages (FdDatabase  *database,
               Context     *context,
               GError     **error)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, messages_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, context->session_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *template_id = (const char *) sqlite3_column_text (stmt, 0);
      gint64 scheduled_at = sqlite3_column_int64 (stmt, 1);
      const char *recipient = (const char *) sqlite3_column_text (stmt, 2);
      const char *status = (const char *) sqlite3_column_text (stmt, 3);
      char *count_key = message_key (template_id, scheduled_at, NULL);
      MessageCounts *counts = g_hash_table_lookup (context->message_counts, count_key);

      if (counts == NULL)
        {
          counts = g_new0 (MessageCounts, 1);
          g_hash_table_insert (context->message_counts, count_key, counts);
        }
      else
        g_free (count_key);

      if (g_strcmp0 (status, "sent") == 0)
        counts->sent++;
      else if (g_strcmp0 (status, "failed") == 0)
        counts->failed++;
      else if (g_strcmp0 (status, "cancelled") == 0)
        counts->cancelled++;
      else
        counts->scheduled++;

      g_hash_table_insert (context->messages, message_key (template_id, scheduled_at, recipient),
                           (gpointer) g_intern_string (status != NULL ? status : "scheduled"));
    }
  if (step_failed (database, stmt, rc, messages_sql, error))
    return FALSE;
  sqlite3_reset (stmt);

  return TRUE;
}

/* Reads what the emails of a session are made of; NULL and
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
  context->settings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) fd_session_email_setting_unref);
  context->sequences = g_ptr_array_new_with_free_func ((GDestroyNotify) sequence_free);
  context->trainees = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  context->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  context->message_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stmt = _fd_database_prepare (database, session_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (!step_failed (database, stmt, rc, session_sql, error))
        {
          sqlite3_reset (stmt);
          g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                       _("This session does not exist or was deleted."));
        }
      return NULL;
    }
  context->code = column_dup (stmt, 0);
  context->label = column_dup (stmt, 1);
  context->published = sqlite3_column_int (stmt, 2) != 0;
  context->cancelled = sqlite3_column_int (stmt, 3) != 0;
  context->training_title = column_dup (stmt, 4);
  context->notice_comment = column_dup (stmt, 5);
  context->organisation_comment = column_dup (stmt, 6);
  context->organisation_name = column_dup (stmt, 7);
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (database, settings_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (context->settings, read_setting (stmt));
  if (step_failed (database, stmt, rc, settings_sql, error))
    return NULL;
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (database, sequences_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Sequence *sequence = g_new0 (Sequence, 1);

      sequence->id = column_dup (stmt, 0);
      sequence->label = column_dup (stmt, 1);
      sequence->position = sqlite3_column_int (stmt, 2);
      sequence->prework = sqlite3_column_int (stmt, 3) != 0;
      sequence->cancelled = sqlite3_column_int (stmt, 4) != 0;
      sequence->url = column_dup (stmt, 5);
      sequence->modality = column_dup (stmt, 6);
      sequence->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
      sequence->trainers = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
      g_ptr_array_add (context->sequences, sequence);
    }
  if (step_failed (database, stmt, rc, sequences_sql, error))
    return NULL;
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (database, slots_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Sequence *sequence = find_sequence (context, (const char *) sqlite3_column_text (stmt, 0));
      Slot *slot;

      if (sequence == NULL)
        continue;
      slot = g_new0 (Slot, 1);
      slot->start_at = column_dup (stmt, 1);
      slot->end_at = column_dup (stmt, 2);
      slot->time_zone = column_dup (stmt, 3);
      slot->place_name = column_dup (stmt, 4);
      slot->address = join_address (stmt, 5);
      slot->room_name = column_dup (stmt, 8);
      slot->organisation_notice = column_dup (stmt, 9);
      slot->place_notice = column_dup (stmt, 10);
      slot->trainer_notice = column_dup (stmt, 11);
      g_ptr_array_add (sequence->slots, slot);
    }
  if (step_failed (database, stmt, rc, slots_sql, error))
    return NULL;
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (database, staff_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Sequence *sequence = find_sequence (context, (const char *) sqlite3_column_text (stmt, 0));
      const char *trainer_id = (const char *) sqlite3_column_text (stmt, 1);
      gboolean seen = FALSE;
      Person *person;

      if (sequence == NULL || trainer_id == NULL)
        continue;
      for (guint i = 0; i < sequence->trainers->len && !seen; i++)
        seen = g_strcmp0 (((Person *) g_ptr_array_index (sequence->trainers, i))->id,
                          trainer_id) == 0;
      if (seen)
        continue;
      person = person_new (trainer_id,
                           (const char *) sqlite3_column_text (stmt, 2),
                           (const char *) sqlite3_column_text (stmt, 3),
                           (const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (sequence->trainers, person);
    }
  if (step_failed (database, stmt, rc, staff_sql, error))
    return NULL;
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (database, trainees_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (context->trainees,
                     person_new ((const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2),
                                 (const char *) sqlite3_column_text (stmt, 3)));
  if (step_failed (database, stmt, rc, trainees_sql, error))
    return NULL;
  sqlite3_reset (stmt);

  if (!read_messages (database, context, error))
    return NULL;

  return g_steal_pointer (&context);
}

/* ------------------------------------------------------------------------ */
/* Recipients, times and states                                             */
/* ------------------------------------------------------------------------ */

static void
add_recipient (GPtrArray    *people,
               GHashTable   *seen,
               const Person *person)
{
  Person *copy;

  if (person->email != NULL)
    {
      g_autofree char *folded = g_ascii_strdown (person->email, -1);

      if (g_hash_table_contains (seen, folded))
        return;
      g_hash_table_add (seen, g_steal_pointer (&folded));
    }
  else if (person->id != NULL)
    {
      if (g_hash_table_contains (seen, person->id))
        return;
      g_hash_table_add (seen, g_strdup (person->id));
    }

  copy = person_new (person->id, person->first_name, person->last_name, NULL);
  copy->email = g_strdup (person->email);
  g_ptr_array_add (people, copy);
}

/* Who receives @setting's email for @sequence: each live trainee enrolled
 * (withdrawn and cancelled enrollments left out), each trainer or
 * co-trainer staffed on the sequence's slots, and addresses given as such;
 * each address once. People without an address are kept (and counted). */
static GPtrArray *
resolve_recipients (Context                     *context,
                    const FdSessionEmailSetting *setting,
                    const Sequence              *sequence)
{
  g_auto(GStrv) tokens = split_list (setting->recipients);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_str_equal (tokens[i], FD_SESSION_EMAIL_RECIPIENTS_TRAINEES))
        {
          for (guint k = 0; k < context->trainees->len; k++)
            add_recipient (people, seen, g_ptr_array_index (context->trainees, k));
        }
      else if (g_str_equal (tokens[i], FD_SESSION_EMAIL_RECIPIENTS_TRAINERS))
        {
          for (guint k = 0; k < sequence->trainers->len; k++)
            add_recipient (people, seen, g_ptr_array_index (sequence->trainers, k));
        }
      else
        {
          g_autofree char *email = fd_normalize_email (tokens[i]);
          Person address = { NULL, NULL, NULL, email };

          if (email != NULL)
            add_recipient (people, seen, &address);
        }
    }

  return people;
}

static FdSessionEmailState
state_of_messages (const MessageCounts *counts)
{
  if (counts->failed > 0)
    return FD_SESSION_EMAIL_STATE_FAILED;
  if (counts->scheduled > 0)
    return FD_SESSION_EMAIL_STATE_QUEUED;
  if (counts->sent > 0)
    return FD_SESSION_EMAIL_STATE_SENT;

  return FD_SESSION_EMAIL_STATE_CANCELLED;
}

/* The slot whose start (or end) the setting is anchored on */
static const Slot *
anchor_slot (const FdSessionEmailSetting *setting,
             const Sequence              *sequence)
{
  const Slot *found = NULL;

  if (sequence->slots->len == 0)
    return NULL;

  if (!g_str_equal (setting->anchor, "sequence_end"))
    return g_ptr_array_index (sequence->slots, 0);

  for (guint i = 0; i < sequence->slots->len; i++)
    {
      const Slot *slot = g_ptr_array_index (sequence->slots, i);

      if (found == NULL || g_strcmp0 (slot->end_at, found->end_at) > 0)
        found = slot;
    }

  return found;
}

/* Computes @entry's times and state at @now; @recipients (Person, owned by
 * the caller) receives who the email goes to and @pending (borrowed from
 * @recipients) who has an address and no message yet. */
static void
compute_entry (Context              *context,
               FdSessionEmailEntry  *entry,
               const Sequence       *sequence,
               gint64                now,
               GPtrArray           **recipients,
               GPtrArray           **pending)
{
  const FdSessionEmailSetting *setting = entry->setting;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autofree char *count_key = NULL;
  const MessageCounts *counts = NULL;
  const Slot *anchor;
  const Slot *first;
  gboolean cancelled = context->cancelled || sequence->cancelled;
  gint64 minutes;
  gint64 deadline;
  gint64 first_start;

  entry->draft = !context->published;

  people = resolve_recipients (context, setting, sequence);
  waiting = g_ptr_array_new ();
  for (guint i = 0; i < people->len; i++)
    {
      const Person *person = g_ptr_array_index (people, i);

      if (person->email == NULL)
        entry->n_without_address++;
      else
        entry->n_recipients++;
    }

  if (sequence->prework)
    {
      entry->state = FD_SESSION_EMAIL_STATE_PREWORK;
      goto out;
    }

  anchor = anchor_slot (setting, sequence);
  if (anchor != NULL)
    {
      entry->anchor_at = g_strdup (g_str_equal (setting->anchor, "sequence_end")
                                   ? anchor->end_at : anchor->start_at);
      entry->time_zone = g_strdup (anchor->time_zone != NULL ? anchor->time_zone
                                                             : DEFAULT_TIME_ZONE);
      minutes = wall_minutes (entry->anchor_at);
      if (minutes >= 0)
        entry->send_at = wall_text (minutes + setting->offset_minutes);
      if (entry->send_at != NULL)
        entry->scheduled_at = instant_of (entry->time_zone, entry->send_at);
    }

  if (entry->send_at != NULL)
    {
      count_key = message_key (setting->template_id, entry->scheduled_at, NULL);
      counts = g_hash_table_lookup (context->message_counts, count_key);
      if (counts != NULL)
        entry->n_messages = counts->scheduled + counts->sent + counts->failed + counts->cancelled;

      for (guint i = 0; i < people->len; i++)
        {
          Person *person = g_ptr_array_index (people, i);
          g_autofree char *key = NULL;

          if (person->email == NULL)
            continue;
          key = message_key (setting->template_id, entry->scheduled_at, person->email);
          if (!g_hash_table_contains (context->messages, key))
            g_ptr_array_add (waiting, person);
        }
    }

  if (cancelled && counts == NULL)
    entry->state = FD_SESSION_EMAIL_STATE_CANCELLED;
  else if (entry->send_at == NULL)
    entry->state = FD_SESSION_EMAIL_STATE_NO_DATE;
  else if (counts != NULL && (waiting->len == 0 || cancelled || !setting->enabled ||
                              setting->subject == NULL))
    entry->state = state_of_messages (counts);
  else if (!setting->enabled)
    entry->state = FD_SESSION_EMAIL_STATE_DISABLED;
  else if (setting->subject == NULL)
    entry->state = FD_SESSION_EMAIL_STATE_NO_TEMPLATE;
  else if (entry->scheduled_at > now)
    entry->state = counts != NULL ? state_of_messages (counts) : FD_SESSION_EMAIL_STATE_UPCOMING;
  else
    {
      /* Late, but maybe not too late: a message meant to arrive before
       * the sequence starts is useless once it started; others keep a
       * few days' grace. */
      first = g_ptr_array_index (sequence->slots, 0);
      first_start = instant_of (first->time_zone, first->start_at);
      deadline = entry->scheduled_at < first_start
                 ? first_start
                 : entry->scheduled_at + FD_SESSION_EMAILS_GRACE_DAYS * USEC_PER_DAY;

      if (now < deadline)
        entry->state = FD_SESSION_EMAIL_STATE_DUE;
      else
        entry->state = counts != NULL ? state_of_messages (counts) : FD_SESSION_EMAIL_STATE_MISSED;
    }

out:
  if (recipients != NULL)
    *recipients = g_steal_pointer (&people);
  if (pending != NULL)
    *pending = g_steal_pointer (&waiting);
}

/* One entry per setting and sequence, settings first */
static GPtrArray *
build_entries (Context *context,
               gint64   now)
{
  GPtrArray *entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) fd_session_email_entry_unref);

  for (guint i = 0; i < context->settings->len; i++)
    {
      FdSessionEmailSetting *setting = g_ptr_array_index (context->settings, i);

      for (guint k = 0; k < context->sequences->len; k++)
        {
          const Sequence *sequence = g_ptr_array_index (context->sequences, k);
          FdSessionEmailEntry *entry = entry_new (setting, sequence);

          compute_entry (context, entry, sequence, now, NULL, NULL);
          g_ptr_array_add (entries, entry);
        }
    }

  return entries;
}

/* ------------------------------------------------------------------------ */
/* Rendering                                                                */
/* ------------------------------------------------------------------------ */

static void
set_value (GHashTable *values,
           const char *tag,
           const char *value)
{
  g_assert (g_strv_contains (tag_names, tag));

  g_hash_table_replace (values, (gpointer) tag, g_strdup (value != NULL ? value : ""));
}

static void
take_value (GHashTable *values,
            const char *tag,
            char       *value)
{
  set_value (values, tag, value);
  g_free (value);
}

/* The distinct non-empty texts of a field of the slots, one a line */
static char *
join_notices (const Sequence *sequence,
              gsize           offset,
              const char     *first)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  if (first != NULL)
    {
      g_string_append (text, first);
      g_ptr_array_add (seen, (gpointer) first);
    }

  for (guint i = 0; i < sequence->slots->len; i++)
    {
      const Slot *slot = g_ptr_array_index (sequence->slots, i);
      const char *notice = G_STRUCT_MEMBER (const char *, slot, offset);
      gboolean again = FALSE;

      if (notice == NULL)
        continue;
      for (guint k = 0; k < seen->len && !again; k++)
        again = g_str_equal (g_ptr_array_index (seen, k), notice);
      if (again)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, notice);
      g_ptr_array_add (seen, (gpointer) notice);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Friday 15 May 2026: 09:00 – 12:30, 13:30 – 17:00", a day a line */
static char *
format_hours (const Sequence *sequence)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) ranges = g_string_new (NULL);
  g_autofree char *day = NULL;

  for (guint i = 0; i <= sequence->slots->len; i++)
    {
      const Slot *slot = i < sequence->slots->len ? g_ptr_array_index (sequence->slots, i) : NULL;
      g_autofree char *range = NULL;

      if (day != NULL && (slot == NULL || strncmp (slot->start_at, day, 10) != 0))
        {
          g_autofree char *date = fd_format_date_long (day);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* Translators: a day of a sequence in an email, %1$s is the date
           * written in full, %2$s its hours ("09:00 – 12:30, 13:30 – 17:00");
           * French puts a space before the colon */
          g_string_append_printf (text, C_("email hours", "%1$s: %2$s"),
                                  date != NULL ? date : day, ranges->str);
          g_string_truncate (ranges, 0);
          g_clear_pointer (&day, g_free);
        }
      if (slot == NULL)
        break;

      if (day == NULL)
        day = g_strndup (slot->start_at, 10);
      range = fd_format_time_range (slot->start_at, slot->end_at);
      if (range == NULL)
        continue;
      if (ranges->len > 0)
        g_string_append (ranges, ", ");
      g_string_append (ranges, range);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
join_names (const GPtrArray *people)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      const Person *person = g_ptr_array_index (people, i);
      g_autofree char *name = NULL;

      /* Translators: a person's name, %1$s the first name, %2$s the last name */
      name = g_strstrip (g_strdup_printf (C_("person name", "%1$s %2$s"),
                                          person->first_name != NULL ? person->first_name : "",
                                          person->last_name != NULL ? person->last_name : ""));
      if (*name == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The values of every tag for the emails of @sequence, the recipient's
 * left empty */
static GHashTable *
sequence_values (Context        *context,
                 const Sequence *sequence)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const Slot *first = sequence->slots->len > 0 ? g_ptr_array_index (sequence->slots, 0) : NULL;
  const Slot *last = NULL;
  const Slot *at = NULL;

  for (guint i = 0; tag_names[i] != NULL; i++)
    set_value (values, tag_names[i], "");

  for (guint i = 0; i < sequence->slots->len; i++)
    {
      const Slot *slot = g_ptr_array_index (sequence->slots, i);

      if (last == NULL || g_strcmp0 (slot->end_at, last->end_at) > 0)
        last = slot;
      if (at == NULL && slot->place_name != NULL)
        at = slot;
    }

  set_value (values, "session", context->label);
  set_value (values, "code_session", context->code);
  set_value (values, "formation",
             context->training_title != NULL ? context->training_title : context->label);
  set_value (values, "sequence", sequence->label);
  set_value (values, "organisme", context->organisation_name);
  set_value (values, "lien", sequence->url);
  set_value (values, "commentaire_convocation", context->notice_comment);
  take_value (values, "commentaire_organisme",
              join_notices (sequence, G_STRUCT_OFFSET (Slot, organisation_notice),
                            context->organisation_comment));
  take_value (values, "commentaire_lieu",
              join_notices (sequence, G_STRUCT_OFFSET (Slot, place_notice), NULL));
  take_value (values, "commentaire_formateur",
              join_notices (sequence, G_STRUCT_OFFSET (Slot, trainer_notice), NULL));
  take_value (values, "formateur", join_names (sequence->trainers));

  if (first != NULL)
    {
      take_value (values, "date_debut", fd_format_date_long (first->start_at));
      take_value (values, "heure_debut", fd_format_time (first->start_at));
      take_value (values, "date_fin", fd_format_date_long (last->end_at));
      take_value (values, "heure_fin", fd_format_time (last->end_at));
      take_value (values, "horaires", format_hours (sequence));
    }

  if (at != NULL)
    {
      set_value (values, "lieu", at->place_name);
      set_value (values, "salle", at->room_name);
      set_value (values, "adresse", at->address);
    }
  else if (g_strcmp0 (sequence->modality, "remote") == 0 ||
           g_strcmp0 (sequence->modality, "e_learning") == 0)
    {
      /* Translators: where a sequence takes place when it has no place */
      set_value (values, "lieu", C_("place", "Online"));
    }

  return values;
}

static gboolean
render_message (const FdSessionEmailSetting  *setting,
                GHashTable                   *values,
                const Person                 *person,
                char                        **subject,
                char                        **body,
                GError                      **error)
{
  g_autofree char *rendered_subject = NULL;
  g_autofree char *rendered_body = NULL;

  if (setting->subject == NULL)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("This email has no template."));
      return FALSE;
    }

  set_value (values, "prenom", person != NULL ? person->first_name : NULL);
  set_value (values, "nom", person != NULL ? person->last_name : NULL);

  rendered_subject = fd_template_render (setting->subject, values, FD_TEMPLATE_FLAGS_SINGLE_LINE,
                                         error);
  if (rendered_subject == NULL)
    return FALSE;
  rendered_body = fd_template_render (setting->body, values, FD_TEMPLATE_FLAGS_NONE, error);
  if (rendered_body == NULL)
    return FALSE;

  *subject = g_steal_pointer (&rendered_subject);
  *body = g_steal_pointer (&rendered_body);

  return TRUE;
}

/* The valid addresses of a list, normalised, ", " between them, or NULL */
static char *
normalize_addresses (const char *text)
{
  g_auto(GStrv) parts = split_list (text);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *email = fd_normalize_email (parts[i]);

      if (email == NULL)
        continue;
      if (joined->len > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, email);
    }

  return joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
}

/* ------------------------------------------------------------------------ */
/* Queueing                                                                 */
/* ------------------------------------------------------------------------ */

/* The published, live sessions that may have an email due at @now: their
 * settings' times read as if every place were in one zone, with a margin
 * for zones; compute_entry() then decides exactly. */
static const char candidates_sql[] =
  "SELECT m.session_id, m.anchor, m.offset_minutes,"
  " (SELECT min(s.start_at) FROM slot s WHERE s.sequence_id = q.id AND s.deleted = 0),"
  " (SELECT max(s.end_at) FROM slot s WHERE s.sequence_id = q.id AND s.deleted = 0)"
  " FROM session_email m"
  " CROSS JOIN session e ON e.id = m.session_id AND e.deleted = 0 AND e.published = 1"
  "   AND e.status <> 'cancelled'"
  " CROSS JOIN sequence q ON q.session_id = m.session_id AND q.deleted = 0 AND q.prework = 0"
  "   AND q.status <> 'cancelled'"
  " WHERE m.deleted = 0 AND m.enabled = 1 AND m.template_id IS NOT NULL"
  " ORDER BY m.session_id";

static GPtrArray *
find_candidates (FdDatabase  *database,
                 gint64       now,
                 GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autofree char *now_text = NULL;
  sqlite3_stmt *stmt;
  gint64 now_minutes;
  int rc;

  if (now_utc == NULL)
    return g_steal_pointer (&ids);
  now_text = g_date_time_format (now_utc, "%Y-%m-%dT%H:%M");
  now_minutes = wall_minutes (now_text);

  stmt = _fd_database_prepare (database, candidates_sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *session_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *anchor = (const char *) sqlite3_column_text (stmt, 1);
      gint64 offset = sqlite3_column_int64 (stmt, 2);
      gint64 start = wall_minutes ((const char *) sqlite3_column_text (stmt, 3));
      gint64 end = wall_minutes ((const char *) sqlite3_column_text (stmt, 4));
      gint64 scheduled;
      gint64 deadline;

      if (start < 0 || end < 0)
        continue;
      scheduled = (g_strcmp0 (anchor, "sequence_end") == 0 ? end : start) + offset;
      deadline = scheduled < start
                 ? start
                 : scheduled + FD_SESSION_EMAILS_GRACE_DAYS * MINUTES_PER_DAY;
      if (scheduled > now_minutes + ZONE_MARGIN_MINUTES ||
          deadline < now_minutes - ZONE_MARGIN_MINUTES)
        continue;

      if (ids->len == 0 || g_strcmp0 (g_ptr_array_index (ids, ids->len - 1), session_id) != 0)
        g_ptr_array_add (ids, g_strdup (session_id));
    }
  if (step_failed (database, stmt, rc, candidates_sql, error))
    return NULL;
  sqlite3_reset (stmt);

  return g_steal_pointer (&ids);
}

/* Adds to @changes the messages of @context that are due at @now. A
 * convocation carries the current calendar invitation of its sequence
 * to its recipient (seed 004: the invitation is updated with it). */
static gboolean
queue_session (FdDatabase     *database,
               Context        *context,
               gint64          now,
               GPtrArray      *changes,
               GStrvBuilder   *problems,
               GError        **error)
{
  g_autoptr(FdInvitationsContext) invitations = NULL;

  if (!context->published || context->cancelled)
    return TRUE;

  for (guint i = 0; i < context->settings->len; i++)
    {
      FdSessionEmailSetting *setting = g_ptr_array_index (context->settings, i);
      g_autofree char *cc = normalize_addresses (setting->cc);
      g_autofree char *bcc = normalize_addresses (setting->bcc);
      gboolean refused = FALSE;

      for (guint k = 0; k < context->sequences->len && !refused; k++)
        {
          const Sequence *sequence = g_ptr_array_index (context->sequences, k);
          g_autoptr(FdSessionEmailEntry) entry = entry_new (setting, sequence);
          g_autoptr(GPtrArray) recipients = NULL;
          g_autoptr(GPtrArray) pending = NULL;
          g_autoptr(GHashTable) values = NULL;

          compute_entry (context, entry, sequence, now, &recipients, &pending);
          if (entry->state != FD_SESSION_EMAIL_STATE_DUE || pending->len == 0)
            continue;

          if (is_notice (setting->kind) && invitations == NULL)
            {
              invitations = _fd_invitations_context_read (database, context->session_id, error);
              if (invitations == NULL)
                return FALSE;
            }

          values = sequence_values (context, sequence);
          for (guint r = 0; r < pending->len; r++)
            {
              const Person *person = g_ptr_array_index (pending, r);
              g_autoptr(FdChange) change = NULL;
              g_autoptr(GError) refusal = NULL;
              g_autofree char *subject = NULL;
              g_autofree char *body = NULL;

              if (!render_message (setting, values, person, &subject, &body, &refusal))
                {
                  g_autofree char *problem = NULL;

                  /* Translators: %1$s is an email's name, %2$s a session's
                   * code, %3$s what is wrong with its template */
                  problem = g_strdup_printf (_("“%1$s” of session %2$s was not queued: %3$s"),
                                             setting->name, context->code, refusal->message);
                  if (problems != NULL)
                    g_strv_builder_add (problems, problem);
                  else
                    g_warning ("%s", problem);
                  refused = TRUE;
                  break;
                }

              change = fd_change_new_create ("email_message");
              fd_change_set_string (change, "template_id", setting->template_id);
              fd_change_set_string (change, "session_id", context->session_id);
              fd_change_set_string (change, "recipient", person->email);
              if (cc != NULL)
                fd_change_set_string (change, "cc", cc);
              if (bcc != NULL)
                fd_change_set_string (change, "bcc", bcc);
              fd_change_set_string (change, "subject", subject);
              fd_change_set_string (change, "body", body);
              fd_change_set_int (change, "scheduled_at", entry->scheduled_at);
              fd_change_set_string (change, "status", "scheduled");
              if (invitations != NULL && is_notice (setting->kind))
                _fd_invitations_attach (invitations, sequence->id, person->email, now, change,
                                        changes);
              g_ptr_array_add (changes, g_steal_pointer (&change));
            }
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Prefill                                                                  */
/* ------------------------------------------------------------------------ */

static const char prefill_session_sql[] =
  "SELECT kind FROM session WHERE id = ?1 AND deleted = 0";

static const char prefill_templates_sql[] =
  "SELECT id, key, anchor, offset_days FROM email_template"
  " WHERE deleted = 0 AND enabled = 1 ORDER BY rowid";

/* Deleted rows count: a setting a planner removed is not brought back */
static const char prefill_existing_sql[] =
  "SELECT template_id, kind FROM session_email WHERE session_id = ?1";

static gboolean
collect_prefill (FdDatabase  *database,
                 const char  *session_id,
                 GPtrArray   *changes,
                 GError     **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *session_kind = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _fd_database_prepare (database, prefill_session_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (!step_failed (database, stmt, rc, prefill_session_sql, error))
        {
          sqlite3_reset (stmt);
          g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                       _("This session does not exist or was deleted."));
        }
      return FALSE;
    }
  session_kind = column_dup (stmt, 0);
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (database, prefill_existing_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *template_id = column_dup (stmt, 0);
      g_autofree char *kind = column_dup (stmt, 1);

      if (template_id != NULL)
        g_hash_table_add (existing, g_strconcat ("t:", template_id, NULL));
      if (kind != NULL)
        g_hash_table_add (existing, g_strconcat ("k:", kind, NULL));
    }
  if (step_failed (database, stmt, rc, prefill_existing_sql, error))
    return FALSE;
  sqlite3_reset (stmt);

  stmt = _fd_database_prepare (database, prefill_templates_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *template_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);
      const char *template_anchor = (const char *) sqlite3_column_text (stmt, 2);
      gint64 offset_days = sqlite3_column_int64 (stmt, 3);
      g_autofree char *template_key = NULL;
      g_autofree char *kind_key = NULL;
      const char *anchor;
      FdChange *change;

      if (template_id == NULL || key == NULL || template_anchor == NULL)
        continue;
      anchor = anchor_of_template (template_anchor);
      if (anchor == NULL)
        continue;
      if (g_strcmp0 (session_kind, "inter") == 0 && is_notice (key))
        continue;

      template_key = g_strconcat ("t:", template_id, NULL);
      kind_key = g_strconcat ("k:", key, NULL);
      if (g_hash_table_contains (existing, template_key) ||
          g_hash_table_contains (existing, kind_key))
        continue;
      /* Two templates of one key: the first one only */
      g_hash_table_add (existing, g_steal_pointer (&kind_key));

      change = fd_change_new_create ("session_email");
      fd_change_set_string (change, "session_id", session_id);
      fd_change_set_string (change, "template_id", template_id);
      fd_change_set_string (change, "kind", key);
      fd_change_set_bool (change, "enabled", TRUE);
      fd_change_set_string (change, "anchor", anchor);
      fd_change_set_int (change, "offset_minutes", offset_days * MINUTES_PER_DAY);
      fd_change_set_string (change, "recipients", default_recipients (key));
      g_ptr_array_add (changes, change);
    }
  if (step_failed (database, stmt, rc, prefill_templates_sql, error))
    {
      g_ptr_array_set_size (changes, 0);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * fd_session_email_state_to_string:
 * @state: a state
 *
 * Returns: (transfer none): the state's stable name ("upcoming", "due",
 *   "missed", "queued", "sent", "failed", "cancelled", "disabled",
 *   "no_template", "no_date", "prework"), as the CLI prints it in JSON
 */
const char *
fd_session_email_state_to_string (FdSessionEmailState state)
{
  g_return_val_if_fail (state <= FD_SESSION_EMAIL_STATE_PREWORK, NULL);

  return states[state].name;
}

/**
 * fd_session_email_state_get_label:
 * @state: a state
 *
 * Returns: (transfer none): the state, translated, to show
 */
const char *
fd_session_email_state_get_label (FdSessionEmailState state)
{
  g_return_val_if_fail (state <= FD_SESSION_EMAIL_STATE_PREWORK, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "email state", states[state].label);
}

/**
 * fd_session_email_state_is_overdue:
 * @state: a state
 *
 * Returns: whether the estimated time has passed and the email was not
 *   sent (shown in red): %FD_SESSION_EMAIL_STATE_DUE or
 *   %FD_SESSION_EMAIL_STATE_MISSED
 */
gboolean
fd_session_email_state_is_overdue (FdSessionEmailState state)
{
  return state == FD_SESSION_EMAIL_STATE_DUE || state == FD_SESSION_EMAIL_STATE_MISSED;
}

/**
 * fd_session_email_format_delay:
 * @anchor: (nullable): "sequence_start" or "sequence_end"
 * @offset_minutes: the delay, negative before
 *
 * Returns: (transfer full): the delay as a sentence: "10 days before the
 *   start", "1 day after the end", "2 hours before the start"
 */
char *
fd_session_email_format_delay (const char *anchor,
                               gint64      offset_minutes)
{
  gboolean end = g_strcmp0 (anchor, "sequence_end") == 0;
  guint64 magnitude = offset_minutes < 0 ? 0 - (guint64) offset_minutes : (guint64) offset_minutes;
  g_autofree char *amount = NULL;
  guint n;

  if (magnitude == 0)
    return g_strdup (end ? _("At the end") : _("At the start"));

  if (magnitude % MINUTES_PER_DAY == 0)
    {
      n = (guint) MIN (magnitude / MINUTES_PER_DAY, G_MAXUINT);
      amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n), n);
    }
  else if (magnitude % 60 == 0)
    {
      n = (guint) MIN (magnitude / 60, G_MAXUINT);
      amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", n), n);
    }
  else
    {
      n = (guint) MIN (magnitude, G_MAXUINT);
      amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", n), n);
    }

  if (offset_minutes < 0)
    /* Translators: %s is a delay, "10 days" */
    return g_strdup_printf (end ? _("%s before the end") : _("%s before the start"), amount);

  /* Translators: %s is a delay, "10 days" */
  return g_strdup_printf (end ? _("%s after the end") : _("%s after the start"), amount);
}

static const char find_session_sql[] =
  "SELECT id, published FROM session WHERE code = ?1 AND deleted = 0";

/**
 * fd_session_emails_find_session:
 * @database: a #FdDatabase
 * @code: a session's code ("2026-0042")
 * @published: (out) (optional): whether the session is published (a draft
 *   sends nothing)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the id of the live session of that
 *   code, or %NULL (%FD_DATABASE_ERROR_NOT_FOUND if there is none)
 */
char *
fd_session_emails_find_session (FdDatabase  *database,
                                const char  *code,
                                gboolean    *published,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  char *id;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (database, find_session_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (!step_failed (database, stmt, rc, find_session_sql, error))
        {
          sqlite3_reset (stmt);
          /* Translators: %s is a session's code, "2026-0042" */
          g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                       _("There is no session “%s”."), code);
        }
      return NULL;
    }
  id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (published != NULL)
    *published = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);

  return id;
}

/**
 * fd_session_emails_collect_prefill:
 * @database: a #FdDatabase
 * @session_id: a session, written already
 * @changes: (element-type FdChange): where to add the changes
 * @error: return location for a #GError
 *
 * Adds to @changes what fd_session_emails_prefill() would write, for an
 * operation that writes many sessions to apply them in one batch (an
 * import). Call it inside the operation's transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_session_emails_collect_prefill (FdDatabase  *database,
                                   const char  *session_id,
                                   GPtrArray   *changes,
                                   GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  return collect_prefill (database, session_id, changes, error);
}

/**
 * fd_session_emails_prefill:
 * @database: a #FdDatabase
 * @session_id: a session
 * @error: return location for a #GError
 *
 * Gives @session_id its default email settings: one session_email row per
 * enabled email template that is sent from the sessions' dates (anchors
 * session_start and sequence_start become sequence_start, session_end
 * becomes sequence_end; enrollment and manual templates are left out),
 * with the template's key as kind, its delay (offset_days → minutes,
 * negative before) and its recipients: trainers for keys that start with
 * "trainer" (trainer_file), trainees otherwise. Inter-company sessions get
 * no notice ("notice" or "convocation"): those go from each enrollment.
 *
 * It runs once per template: a template that already has a row for this
 * session, even a deleted one, is left alone, so calling it again writes
 * nothing. The rows are written in one fd_database_apply_all().
 *
 * Returns: %TRUE on success, even if nothing was to be written
 */
gboolean
fd_session_emails_prefill (FdDatabase  *database,
                           const char  *session_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Read first without the write lock: most calls have nothing to do.
   * Within a transaction (the demo, an import), the lock is held already
   * and one reading is enough. */
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  if (sqlite3_get_autocommit (_fd_database_get_handle (database)) == 0)
    return collect_prefill (database, session_id, changes, error) &&
           (changes->len == 0 || fd_database_apply_all (database, changes, error));

  if (!collect_prefill (database, session_id, changes, error))
    return FALSE;
  if (changes->len == 0)
    return TRUE;

  /* Again under the lock, so that two processes do not both write */
  if (!fd_database_begin (database, error))
    return FALSE;
  g_ptr_array_set_size (changes, 0);
  if (!collect_prefill (database, session_id, changes, error) ||
      (changes->len > 0 && !fd_database_apply_all (database, changes, error)))
    {
      fd_database_rollback (database);
      return FALSE;
    }

  return fd_database_commit (database, error);
}

/**
 * fd_session_emails_list:
 * @database: a #FdDatabase
 * @session_id: a session
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type FdSessionEmailSetting): the
 *   session's email settings, in the order they were made, or %NULL
 *   (%FD_DATABASE_ERROR_NOT_FOUND if the session does not exist)
 */
GPtrArray *
fd_session_emails_list (FdDatabase  *database,
                        const char  *session_id,
                        GError     **error)
{
  g_autoptr(Context) context = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context = read_context (database, session_id, error);
  if (context == NULL)
    return NULL;

  return g_ptr_array_ref (context->settings);
}

/**
 * fd_session_emails_schedule:
 * @database: a #FdDatabase
 * @session_id: a session
 * @now: (nullable): the time the states are computed at, %NULL for now
 * @error: return location for a #GError
 *
 * The estimated send times of the session's emails: one entry per setting
 * (enabled or not) and sequence, in the settings' order then the
 * sequences'. An entry's time is its sequence's first slot start (anchor
 * sequence_start) or last slot end (sequence_end) plus the setting's
 * delay, as wall-clock text in that slot's place's time zone
 * (fd_session_email_entry_get_send_at()) and as an instant
 * (fd_session_email_entry_get_scheduled_at()). Pre-work sequences get no
 * email (%FD_SESSION_EMAIL_STATE_PREWORK).
 *
 * Returns: (transfer container) (element-type FdSessionEmailEntry): the
 *   entries, or %NULL (%FD_DATABASE_ERROR_NOT_FOUND if the session does
 *   not exist)
 */
GPtrArray *
fd_session_emails_schedule (FdDatabase  *database,
                            const char  *session_id,
                            GDateTime   *now,
                            GError     **error)
{
  g_autoptr(Context) context = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context = read_context (database, session_id, error);
  if (context == NULL)
    return NULL;

  return build_entries (context, usec_of (now));
}

/**
 * fd_session_emails_queue_due:
 * @database: a #FdDatabase
 * @now: (nullable): the time, %NULL for now
 * @n_queued: (out) (optional): how many messages were queued
 * @problems: (out) (optional) (transfer full): translated sentences about
 *   emails that could not be queued (a template refused), or an empty list
 * @error: return location for a #GError
 *
 * Puts every email due at @now in the mail outbox (email_message, status
 * "scheduled"): for each published, live session, each enabled setting
 * and each of its sequences in %FD_SESSION_EMAIL_STATE_DUE, one message per
 * recipient that has none yet, its subject and text rendered, with the
 * setting's cc and bcc and the entry's scheduled_at. Recipients are the
 * trainees enrolled (not withdrawn or cancelled) or the trainers and
 * co-trainers staffed on that sequence's slots, and addresses named in the
 * setting; people without an email address are skipped. Drafts and
 * cancelled sessions or sequences send nothing. It never queues the same
 * (template, session, recipient, scheduled_at) twice. Everything is written
 * in one fd_database_apply_all(), under the write lock.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_session_emails_queue_due (FdDatabase   *database,
                             GDateTime    *now,
                             guint        *n_queued,
                             GStrv        *problems,
                             GError      **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  gint64 now_usec = usec_of (now);

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_queued != NULL)
    *n_queued = 0;
  if (problems != NULL)
    *problems = NULL;

  if (!fd_database_begin (database, error))
    return FALSE;

  candidates = find_candidates (database, now_usec, error);
  if (candidates == NULL)
    {
      fd_database_rollback (database);
      return FALSE;
    }

  builder = g_strv_builder_new ();
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(Context) context = NULL;

      context = read_context (database, g_ptr_array_index (candidates, i), error);

      if (context == NULL)
        {
          fd_database_rollback (database);
          return FALSE;
        }
      if (!queue_session (database, context, now_usec, changes, builder, error))
        {
          fd_database_rollback (database);
          return FALSE;
        }
    }

  if ((changes->len > 0 && !fd_database_apply_all (database, changes, error)))
    {
      fd_database_rollback (database);
      return FALSE;
    }
  if (!fd_database_commit (database, error))
    return FALSE;

  /* Messages only: a convocation may bring its invitation's row too */
  for (guint i = 0; n_queued != NULL && i < changes->len; i++)
    if (g_str_equal (fd_change_get_entity (g_ptr_array_index (changes, i)), "email_message"))
      (*n_queued)++;
  if (problems != NULL)
    *problems = g_strv_builder_end (builder);

  return TRUE;
}

/**
 * fd_session_emails_preview:
 * @database: a #FdDatabase
 * @entry: an entry of fd_session_emails_schedule()
 * @subject: (out) (transfer full): the subject
 * @body: (out) (transfer full): the text
 * @error: return location for a #GError
 *
 * Renders @entry's email as its first recipient would receive it (with
 * the recipient's tags empty when it has none), for a preview.
 *
 * Returns: %TRUE on success; %FALSE if the template is refused
 *   (%FD_TEMPLATE_ERROR) or missing, or the session is gone
 */
gboolean
fd_session_emails_preview (FdDatabase           *database,
                           FdSessionEmailEntry  *entry,
                           char                **subject,
                           char                **body,
                           GError              **error)
{
  g_autoptr(Context) context = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(FdSessionEmailEntry) current = NULL;
  FdSessionEmailSetting *setting = NULL;
  const Sequence *sequence;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (subject != NULL && body != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  context = read_context (database, entry->setting->session_id, error);
  if (context == NULL)
    return FALSE;

  sequence = find_sequence (context, entry->sequence_id);
  for (guint i = 0; i < context->settings->len && setting == NULL; i++)
    if (g_str_equal (fd_session_email_setting_get_id (g_ptr_array_index (context->settings, i)),
                     entry->setting->id))
      setting = g_ptr_array_index (context->settings, i);
  if (sequence == NULL || setting == NULL)
    {
      g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                   _("This email or its sequence was deleted."));
      return FALSE;
    }

  current = entry_new (setting, sequence);
  compute_entry (context, current, sequence, usec_of (NULL), &recipients, NULL);
  values = sequence_values (context, sequence);

  return render_message (setting, values,
                         recipients->len > 0 ? g_ptr_array_index (recipients, 0) : NULL,
                         subject, body, error);
}

static gboolean
check_list (FdChange    *change,
            const char  *field,
            gboolean     groups,
            GError     **error)
{
  const FdChangeField *value = _fd_change_lookup (change, field);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;

  if (value == NULL || value->type == FD_FIELD_NULL)
    {
      if (value != NULL && groups)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, field,
                              _("Choose who receives this email."));
          return FALSE;
        }
      return TRUE;
    }

  if (value->type != FD_FIELD_TEXT || !g_utf8_validate (value->v.text, -1, NULL))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, field,
                          _("%s must be text."), _fd_entity_column_label (field));
      return FALSE;
    }

  parts = split_list (value->v.text);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *email = NULL;

      if (groups && (g_str_equal (parts[i], FD_SESSION_EMAIL_RECIPIENTS_TRAINEES) ||
                     g_str_equal (parts[i], FD_SESSION_EMAIL_RECIPIENTS_TRAINERS)))
        {
          if (joined->len > 0)
            g_string_append (joined, ", ");
          g_string_append (joined, parts[i]);
          continue;
        }

      email = fd_normalize_email (parts[i]);
      if (email == NULL)
        {
          /* Translators: %1$s is a field ("Cc"), %2$s what was typed */
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, field,
                              _("%1$s: “%2$s” is not a valid email address."),
                              _fd_entity_column_label (field), parts[i]);
          return FALSE;
        }
      if (joined->len > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, email);
    }

  if (joined->len == 0 && groups)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, field,
                          _("Choose who receives this email."));
      return FALSE;
    }

  _fd_change_replace_text (change, field,
                           joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE)
                                           : NULL);

  return TRUE;
}

/**
 * fd_session_emails_check_change:
 * @change: a change of a session_email row
 * @error: return location for a #GError
 *
 * Checks and normalises what the write path does not know of a session
 * email: its recipients ("trainees", "trainers" and addresses) and its cc
 * and bcc (addresses), separated by commas, semicolons or spaces and
 * rewritten with ", " between them. Call it before fd_database_apply();
 * changes of other tables pass unchanged.
 *
 * Returns: %FALSE with a %FD_VALIDATION_ERROR naming the field
 *   (fd_validation_error_get_field()) if a value is refused
 */
gboolean
fd_session_emails_check_change (FdChange  *change,
                                GError   **error)
{
  FdChangeKind kind;

  g_return_val_if_fail (change != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kind = fd_change_get_kind (change);
  if (!g_str_equal (fd_change_get_entity (change), "session_email") ||
      kind == FD_CHANGE_DELETE || kind == FD_CHANGE_RESTORE)
    return TRUE;

  return check_list (change, "recipients", TRUE, error) &&
         check_list (change, "cc", FALSE, error) &&
         check_list (change, "bcc", FALSE, error);
}

/**
 * fd_session_emails_get_tags:
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the tags
 *   an email template may use, without braces ("prenom", "date_debut"…)
 */
const char * const *
fd_session_emails_get_tags (void)
{
  return tag_names;
}

/**
 * fd_session_emails_get_tag_description:
 * @tag: a tag's name, without braces
 *
 * Returns: (transfer none) (nullable): what @tag stands for, translated,
 *   or %NULL if it is not a tag
 */
const char *
fd_session_emails_get_tag_description (const char *tag)
{
  g_return_val_if_fail (tag != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_str_equal (tags[i].name, tag))
      return _(tags[i].description);

  return NULL;
}

/**
 * fd_session_emails_check_template:
 * @text: an email template's subject or text
 * @unknown_tags: (out) (optional) (transfer full): the tags of @text that
 *   are not email tags, which would be sent as written
 * @error: return location for a #GError, in the %FD_TEMPLATE_ERROR domain
 *
 * Returns: %FALSE if @text is refused (see fd_template_check())
 */
gboolean
fd_session_emails_check_template (const char  *text,
                                  GStrv       *unknown_tags,
                                  GError     **error)
{
  return fd_template_check (text, tag_names, unknown_tags, error);
}

/* Setting */

/**
 * fd_session_email_setting_ref:
 * @self: a #FdSessionEmailSetting
 *
 * Returns: (transfer full): @self, with one more reference
 */
FdSessionEmailSetting *
fd_session_email_setting_ref (FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
fd_session_email_setting_unref (FdSessionEmailSetting *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->session_id);
  g_free (self->template_id);
  g_free (self->kind);
  g_free (self->name);
  g_free (self->anchor);
  g_free (self->recipients);
  g_free (self->cc);
  g_free (self->bcc);
  g_free (self->subject);
  g_free (self->body);
  g_free (self->template_problem);
  g_free (self);
}

const char *
fd_session_email_setting_get_id (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/* The base of an update of the row (fd_change_new_update()) */
gint64
fd_session_email_setting_get_revision (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->revision;
}

const char *
fd_session_email_setting_get_session_id (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->session_id;
}

const char *
fd_session_email_setting_get_template_id (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->template_id;
}

/* The template's key it was made from ("notice", "trainer_file"…) */
const char *
fd_session_email_setting_get_kind (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->kind;
}

/* The template's name ("Convocation"), or the kind without a template */
const char *
fd_session_email_setting_get_name (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

gboolean
fd_session_email_setting_get_enabled (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->enabled;
}

/* "sequence_start" or "sequence_end" */
const char *
fd_session_email_setting_get_anchor (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->anchor;
}

/* The delay from the anchor, in minutes, negative before */
gint64
fd_session_email_setting_get_offset_minutes (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->offset_minutes;
}

/* "trainees", "trainers" and addresses, separated by ", " */
const char *
fd_session_email_setting_get_recipients (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->recipients;
}

const char *
fd_session_email_setting_get_cc (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->cc;
}

const char *
fd_session_email_setting_get_bcc (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->bcc;
}

guint
fd_session_email_setting_get_n_attachments (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_attachments;
}

/* The template's subject, or NULL without a live template */
const char *
fd_session_email_setting_get_subject (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subject;
}

/* The template's text, or NULL without a live template */
const char *
fd_session_email_setting_get_body (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->body;
}

/* Why the template cannot be rendered (translated), or NULL */
const char *
fd_session_email_setting_get_template_problem (const FdSessionEmailSetting *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->template_problem;
}

/* Entry */

/**
 * fd_session_email_entry_ref:
 * @self: a #FdSessionEmailEntry
 *
 * Returns: (transfer full): @self, with one more reference
 */
FdSessionEmailEntry *
fd_session_email_entry_ref (FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
fd_session_email_entry_unref (FdSessionEmailEntry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  fd_session_email_setting_unref (self->setting);
  g_free (self->sequence_id);
  g_free (self->sequence_label);
  g_free (self->anchor_at);
  g_free (self->send_at);
  g_free (self->time_zone);
  g_free (self);
}

/**
 * fd_session_email_entry_get_setting:
 * @self: a #FdSessionEmailEntry
 *
 * Returns: (transfer none): the setting the entry is of; entries of one
 *   schedule share their settings' objects
 */
FdSessionEmailSetting *
fd_session_email_entry_get_setting (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->setting;
}

const char *
fd_session_email_entry_get_sequence_id (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sequence_id;
}

const char *
fd_session_email_entry_get_sequence_label (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sequence_label;
}

int
fd_session_email_entry_get_sequence_position (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sequence_position;
}

gboolean
fd_session_email_entry_get_prework (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->prework;
}

/* The first slot's start or last slot's end, wall-clock ("2026-05-15T09:00"),
 * or NULL when the sequence has no slot or is pre-work */
const char *
fd_session_email_entry_get_anchor_at (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->anchor_at;
}

/* The estimated send time, wall-clock in get_time_zone() ("2026-05-05T09:00"),
 * or NULL (no slot, pre-work) */
const char *
fd_session_email_entry_get_send_at (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->send_at;
}

/* The time zone of the anchor slot's place ("Europe/Paris" without a place) */
const char *
fd_session_email_entry_get_time_zone (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->time_zone;
}

/* The estimated send time, UTC microseconds (email_message.scheduled_at),
 * 0 without one */
gint64
fd_session_email_entry_get_scheduled_at (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->scheduled_at;
}

FdSessionEmailState
fd_session_email_entry_get_state (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, FD_SESSION_EMAIL_STATE_NO_DATE);
  return self->state;
}

/* Whether the session is a draft: nothing is sent until it is published */
gboolean
fd_session_email_entry_get_draft (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->draft;
}

/* Recipients with an email address */
guint
fd_session_email_entry_get_n_recipients (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_recipients;
}

/* Messages already in the outbox for this entry, any status */
guint
fd_session_email_entry_get_n_messages (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_messages;
}

/* Recipients who have no (valid) email address: they get nothing */
guint
fd_session_email_entry_get_n_without_address (const FdSessionEmailEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_without_address;
}
