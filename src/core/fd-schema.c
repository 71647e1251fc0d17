/* fd-schema.c — the SQLite schema and its forward-only migrations
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-schema"

#include "config.h"

#include "fd-schema-private.h"

/*
 * Every synced table starts with the same four columns:
 *
 *   id          TEXT PRIMARY KEY   UUID made where the row is created
 *   version     INTEGER            server version the row was last seen at (0: never synced)
 *   deleted     INTEGER            tombstone (rows are never removed, they are marked)
 *   updated_at  INTEGER            local wall clock, UTC microseconds, for display only
 *
 * Foreign keys between synced rows are declared with REFERENCES for
 * documentation and `PRAGMA foreign_key_check` in `verify`, but enforcement is
 * left off: a pull may bring a child before its parent (SYNC.md), and a
 * tombstoned parent keeps its children.
 *
 * Dates that are wall-clock times in the training room are TEXT in ISO 8601
 * local time ("2026-03-03T09:00"); instants (signatures, audit) are INTEGER
 * UTC microseconds; money is INTEGER cents; rates are INTEGER basis points.
 *
 * `search_key` holds the accent-folded, lower-case text a user may search
 * for; `sort_key` the folded text a list sorts by, so "Éloïse" sorts before
 * "zoé" and "helene" finds "Hélène" without a collation at query time.
 */

#define SYNCED \
  "id TEXT PRIMARY KEY NOT NULL," \
  "version INTEGER NOT NULL DEFAULT 0," \
  "deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))," \
  "updated_at INTEGER NOT NULL DEFAULT 0,"

static const char migration_1[] =
  /* The tenant */
  "CREATE TABLE organisation ("
  SYNCED
  " name TEXT NOT NULL,"
  " legal_form TEXT,"
  " siret TEXT,"
  " nda TEXT,"
  " nda_region TEXT,"
  " address TEXT,"
  " postal_code TEXT,"
  " city TEXT,"
  " phone TEXT,"
  " email TEXT,"
  " website TEXT,"
  " vat_regime TEXT NOT NULL DEFAULT 'exempt'"
  "   CHECK (vat_regime IN ('exempt', 'franchise', 'standard')),"
  " logo_sha256 TEXT"
  ");"

  "CREATE TABLE user_account ("
  SYNCED
  " email TEXT NOT NULL,"
  " display_name TEXT NOT NULL,"
  " role TEXT NOT NULL"
  "   CHECK (role IN ('admin', 'operations_manager', 'planner', 'trainer', 'kiosk')),"
  " trainer_id TEXT REFERENCES trainer (id),"
  " active INTEGER NOT NULL DEFAULT 1"
  ");"

  /* Catalogue */
  "CREATE TABLE certification ("
  SYNCED
  " name TEXT NOT NULL,"
  " kind TEXT,"
  " reference TEXT,"
  " rncp_rs TEXT,"
  " unit_price_cents INTEGER NOT NULL DEFAULT 0,"
  " proctored INTEGER NOT NULL DEFAULT 1"
  ");"

  "CREATE TABLE training ("
  SYNCED
  " code TEXT NOT NULL,"
  " title TEXT NOT NULL,"
  " objectives TEXT,"
  " prerequisites TEXT,"
  " programme TEXT,"
  " methods TEXT,"
  " assessment TEXT,"
  " accessibility TEXT,"
  " audience TEXT,"
  " duration_minutes INTEGER NOT NULL DEFAULT 0,"
  " duration_days REAL NOT NULL DEFAULT 0,"
  " price_cents INTEGER NOT NULL DEFAULT 0,"
  " capacity_min INTEGER NOT NULL DEFAULT 1,"
  " capacity_target INTEGER NOT NULL DEFAULT 8,"
  " capacity_max INTEGER NOT NULL DEFAULT 12,"
  " session_kind TEXT NOT NULL DEFAULT 'inter' CHECK (session_kind IN ('intra', 'inter')),"
  " dispositif TEXT,"
  " certification_id TEXT REFERENCES certification (id),"
  " eligible_funding INTEGER NOT NULL DEFAULT 0,"
  " evaluation TEXT,"
  " speciality TEXT,"
  " comments TEXT,"
  " search_key TEXT NOT NULL DEFAULT '',"
  " sort_key TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE module ("
  SYNCED
  " training_id TEXT NOT NULL REFERENCES training (id),"
  " position INTEGER NOT NULL DEFAULT 0,"
  " title TEXT NOT NULL,"
  " objectives TEXT,"
  " duration_minutes INTEGER NOT NULL DEFAULT 0"
  ");"

  /* Places */
  "CREATE TABLE place ("
  SYNCED
  " name TEXT NOT NULL,"
  " address TEXT,"
  " postal_code TEXT,"
  " city TEXT,"
  " access_info TEXT,"
  " accessible INTEGER NOT NULL DEFAULT 1"
  ");"

  "CREATE TABLE room ("
  SYNCED
  " place_id TEXT NOT NULL REFERENCES place (id),"
  " name TEXT NOT NULL,"
  " capacity INTEGER NOT NULL DEFAULT 0,"
  " equipment TEXT"
  ");"

  /* People */
  "CREATE TABLE trainer ("
  SYNCED
  " civility TEXT CHECK (civility IN ('mr', 'mrs') OR civility IS NULL),"
  " first_name TEXT NOT NULL,"
  " last_name TEXT NOT NULL,"
  " email TEXT,"
  " phone TEXT,"
  " kind TEXT NOT NULL DEFAULT 'internal' CHECK (kind IN ('internal', 'external')),"
  " company TEXT,"
  " siret TEXT,"
  " address TEXT,"
  " postal_code TEXT,"
  " city TEXT,"
  " skills TEXT,"
  " qualifications TEXT,"
  " daily_rate_cents INTEGER NOT NULL DEFAULT 0,"
  " extranet_state TEXT NOT NULL DEFAULT 'none'"
  "   CHECK (extranet_state IN ('none', 'invited', 'active')),"
  " invited_at INTEGER,"
  " language TEXT NOT NULL DEFAULT 'fr',"
  " search_key TEXT NOT NULL DEFAULT '',"
  " sort_key TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE unavailability ("
  SYNCED
  " trainer_id TEXT NOT NULL REFERENCES trainer (id),"
  " start_at TEXT NOT NULL,"
  " end_at TEXT NOT NULL,"
  " reason TEXT,"
  " CHECK (end_at > start_at)"
  ");"

  "CREATE TABLE client ("
  SYNCED
  " kind TEXT NOT NULL CHECK (kind IN ('individual', 'company', 'independent')),"
  " name TEXT NOT NULL,"
  " civility TEXT CHECK (civility IN ('mr', 'mrs') OR civility IS NULL),"
  " first_name TEXT,"
  " last_name TEXT,"
  " email TEXT,"
  " phone TEXT,"
  " siret TEXT,"
  " siret_override_reason TEXT,"
  " manager_name TEXT,"
  " training_manager_name TEXT,"
  " address TEXT,"
  " postal_code TEXT,"
  " city TEXT,"
  " funder TEXT CHECK (funder IN ('cpf', 'france_travail', 'self', 'opco', 'fifpl', 'agefice',"
  "   'company') OR funder IS NULL),"
  " opco_name TEXT,"
  " france_travail_id TEXT,"
  " france_travail_agency TEXT,"
  " search_key TEXT NOT NULL DEFAULT '',"
  " sort_key TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE trainee ("
  SYNCED
  " civility TEXT CHECK (civility IN ('mr', 'mrs') OR civility IS NULL),"
  " first_name TEXT NOT NULL,"
  " last_name TEXT NOT NULL,"
  " birth_name TEXT,"
  " email TEXT,"
  " phone TEXT,"
  " birth_date TEXT,"
  " birth_postal_code TEXT,"
  " birth_city TEXT,"
  " birth_country TEXT,"
  " address TEXT,"
  " postal_code TEXT,"
  " city TEXT,"
  " country TEXT,"
  " client_id TEXT REFERENCES client (id),"
  " employee INTEGER NOT NULL DEFAULT 0,"
  " financing TEXT,"
  " education_level TEXT,"
  " socio_professional_category TEXT,"
  " native_french INTEGER,"
  " disability_needs TEXT,"
  " status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('creating', 'active', 'archived')),"
  " search_key TEXT NOT NULL DEFAULT '',"
  " sort_key TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE trainee_group ("
  SYNCED
  " name TEXT NOT NULL,"
  " category TEXT NOT NULL CHECK (category IN ('client', 'class', 'exam_session', 'other'))"
  ");"

  "CREATE TABLE group_member ("
  SYNCED
  " group_id TEXT NOT NULL REFERENCES trainee_group (id),"
  " trainee_id TEXT NOT NULL REFERENCES trainee (id)"
  ");"

  /* Sessions and their planning */
  "CREATE TABLE session ("
  SYNCED
  " training_id TEXT REFERENCES training (id),"
  " code TEXT NOT NULL,"
  " year INTEGER NOT NULL,"
  " label TEXT NOT NULL,"
  " kind TEXT NOT NULL DEFAULT 'inter' CHECK (kind IN ('intra', 'inter')),"
  " client_id TEXT REFERENCES client (id),"
  " status TEXT NOT NULL DEFAULT 'created'"
  "   CHECK (status IN ('created', 'proposal_sent', 'confirmed', 'in_progress', 'completed',"
  "                     'cancelled')),"
  " published INTEGER NOT NULL DEFAULT 0,"
  " population TEXT,"
  " capacity_min INTEGER NOT NULL DEFAULT 1,"
  " capacity_target INTEGER NOT NULL DEFAULT 8,"
  " capacity_max INTEGER NOT NULL DEFAULT 12,"
  " dispositif TEXT,"
  " eligible_funding INTEGER NOT NULL DEFAULT 0,"
  " price_cents INTEGER NOT NULL DEFAULT 0,"
  " commission_bp INTEGER NOT NULL DEFAULT 0,"
  " certification_id TEXT REFERENCES certification (id),"
  " evaluation TEXT,"
  " comments TEXT,"
  " notice_comment TEXT,"
  " organisation_comment TEXT,"
  " calendar_invitations INTEGER NOT NULL DEFAULT 1,"
  " search_key TEXT NOT NULL DEFAULT '',"
  " sort_key TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE sequence ("
  SYNCED
  " session_id TEXT NOT NULL REFERENCES session (id),"
  " position INTEGER NOT NULL DEFAULT 0,"
  " label TEXT NOT NULL,"
  " modality TEXT NOT NULL DEFAULT 'on_site'"
  "   CHECK (modality IN ('on_site', 'remote', 'blended', 'e_learning')),"
  " url TEXT,"
  " status TEXT NOT NULL DEFAULT 'planned'"
  "   CHECK (status IN ('planned', 'closed', 'cancelled', 'external')),"
  " prework INTEGER NOT NULL DEFAULT 0,"
  " survey_config TEXT"
  ");"

  /* session_id repeats the sequence's so a month or a session's dates
   * come from one indexed range scan. */
  "CREATE TABLE slot ("
  SYNCED
  " sequence_id TEXT NOT NULL REFERENCES sequence (id),"
  " session_id TEXT NOT NULL REFERENCES session (id),"
  " start_at TEXT NOT NULL,"
  " end_at TEXT NOT NULL,"
  " break_minutes INTEGER NOT NULL DEFAULT 0,"
  " place_id TEXT REFERENCES place (id),"
  " room_id TEXT REFERENCES room (id),"
  " comments TEXT,"
  " organisation_notice TEXT,"
  " place_notice TEXT,"
  " trainer_notice TEXT,"
  " CHECK (end_at > start_at)"
  ");"

  "CREATE TABLE slot_staff ("
  SYNCED
  " slot_id TEXT NOT NULL REFERENCES slot (id),"
  " trainer_id TEXT NOT NULL REFERENCES trainer (id),"
  " role TEXT NOT NULL DEFAULT 'trainer' CHECK (role IN ('trainer', 'co_trainer', 'host'))"
  ");"

  "CREATE TABLE enrollment ("
  SYNCED
  " session_id TEXT NOT NULL REFERENCES session (id),"
  " trainee_id TEXT NOT NULL REFERENCES trainee (id),"
  " client_id TEXT REFERENCES client (id),"
  " status TEXT NOT NULL DEFAULT 'registered'"
  "   CHECK (status IN ('planned', 'registered', 'confirmed', 'completed', 'withdrawn',"
  "                     'cancelled')),"
  " funder TEXT,"
  " funding_reference TEXT,"
  " funded_cents INTEGER NOT NULL DEFAULT 0,"
  " price_cents INTEGER NOT NULL DEFAULT 0,"
  " enrolled_on TEXT"
  ");"

  "CREATE TABLE module_validation ("
  SYNCED
  " module_id TEXT NOT NULL REFERENCES module (id),"
  " enrollment_id TEXT NOT NULL REFERENCES enrollment (id),"
  " result TEXT NOT NULL CHECK (result IN ('acquired', 'in_progress', 'not_acquired')),"
  " comment TEXT"
  ");"

  "CREATE TABLE cost ("
  SYNCED
  " session_id TEXT NOT NULL REFERENCES session (id),"
  " type TEXT NOT NULL,"
  " amount_cents INTEGER NOT NULL DEFAULT 0,"
  " distribution TEXT NOT NULL DEFAULT 'global' CHECK (distribution IN ('global', 'per_trainee')),"
  " quantity INTEGER NOT NULL DEFAULT 1,"
  " provider TEXT,"
  " attachment_sha256 TEXT"
  ");"

  /* Certifications: orders, assignments, activation codes */
  "CREATE TABLE cert_order ("
  SYNCED
  " number TEXT NOT NULL,"
  " ordered_on TEXT NOT NULL,"
  " status TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('draft', 'sent', 'delivered', 'cancelled')),"
  " vat_rate_bp INTEGER NOT NULL DEFAULT 2000"
  ");"

  "CREATE TABLE cert_order_line ("
  SYNCED
  " order_id TEXT NOT NULL REFERENCES cert_order (id),"
  " certification_id TEXT NOT NULL REFERENCES certification (id),"
  " quantity INTEGER NOT NULL CHECK (quantity > 0),"
  " unit_price_cents INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE cert_assignment ("
  SYNCED
  " certification_id TEXT NOT NULL REFERENCES certification (id),"
  " trainee_id TEXT NOT NULL REFERENCES trainee (id),"
  " exam_date TEXT,"
  " exam_centre TEXT,"
  " status TEXT NOT NULL DEFAULT 'planned'"
  "   CHECK (status IN ('to_assign', 'planned', 'passed', 'failed', 'cancelled')),"
  " score INTEGER"
  ");"

  "CREATE TABLE activation_code ("
  SYNCED
  " certification_id TEXT NOT NULL REFERENCES certification (id),"
  " code TEXT NOT NULL,"
  " assignment_id TEXT REFERENCES cert_assignment (id),"
  " generated_at INTEGER NOT NULL DEFAULT 0"
  ");"

  /* Attendance evidence: append-only. A correction is a new row whose
   * supersedes_id names the row it replaces; nothing is updated in place. */
  "CREATE TABLE attendance ("
  SYNCED
  " slot_id TEXT NOT NULL REFERENCES slot (id),"
  " half_day TEXT NOT NULL CHECK (half_day IN ('am', 'pm')),"
  " trainee_id TEXT REFERENCES trainee (id),"
  " trainer_id TEXT REFERENCES trainer (id),"
  " status TEXT NOT NULL DEFAULT 'present' CHECK (status IN ('present', 'absent', 'excused')),"
  " justification TEXT,"
  " signed_at INTEGER NOT NULL,"
  " device_id TEXT NOT NULL,"
  " method TEXT NOT NULL CHECK (method IN ('pad', 'kiosk', 'manual', 'paper')),"
  " signature_sha256 TEXT,"
  " supersedes_id TEXT REFERENCES attendance (id),"
  " CHECK ((trainee_id IS NULL) <> (trainer_id IS NULL))"
  ");"

  /* Documents and messages */
  "CREATE TABLE document ("
  SYNCED
  " kind TEXT NOT NULL,"
  " title TEXT NOT NULL,"
  " session_id TEXT REFERENCES session (id),"
  " trainee_id TEXT REFERENCES trainee (id),"
  " trainer_id TEXT REFERENCES trainer (id),"
  " client_id TEXT REFERENCES client (id),"
  " blob_sha256 TEXT,"
  " mime_type TEXT,"
  " created_at INTEGER NOT NULL DEFAULT 0,"
  " signed_at INTEGER"
  ");"

  "CREATE TABLE email_template ("
  SYNCED
  " key TEXT NOT NULL,"
  " name TEXT NOT NULL,"
  " subject TEXT NOT NULL,"
  " body TEXT NOT NULL,"
  " anchor TEXT NOT NULL DEFAULT 'sequence_start'"
  "   CHECK (anchor IN ('enrollment', 'session_start', 'sequence_start', 'session_end',"
  "                     'manual')),"
  " offset_days INTEGER NOT NULL DEFAULT 0,"
  " enabled INTEGER NOT NULL DEFAULT 1,"
  " system INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE email_message ("
  SYNCED
  " template_id TEXT REFERENCES email_template (id),"
  " session_id TEXT REFERENCES session (id),"
  " recipient TEXT NOT NULL,"
  " cc TEXT,"
  " bcc TEXT,"
  " subject TEXT NOT NULL,"
  " body TEXT NOT NULL,"
  " scheduled_at INTEGER,"
  " sent_at INTEGER,"
  " status TEXT NOT NULL DEFAULT 'scheduled'"
  "   CHECK (status IN ('scheduled', 'sent', 'failed', 'cancelled'))"
  ");"

  /* Trainer-side records with a staff validation workflow */
  "CREATE TABLE expense ("
  SYNCED
  " trainer_id TEXT NOT NULL REFERENCES trainer (id),"
  " session_id TEXT REFERENCES session (id),"
  " spent_on TEXT NOT NULL,"
  " category TEXT NOT NULL,"
  " amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),"
  " description TEXT,"
  " receipt_sha256 TEXT,"
  " status TEXT NOT NULL DEFAULT 'submitted'"
  "   CHECK (status IN ('submitted', 'validated', 'rejected', 'paid')),"
  " reviewed_by TEXT REFERENCES user_account (id),"
  " review_comment TEXT"
  ");"

  "CREATE TABLE trainer_invoice ("
  SYNCED
  " trainer_id TEXT NOT NULL REFERENCES trainer (id),"
  " session_id TEXT REFERENCES session (id),"
  " number TEXT NOT NULL,"
  " issued_on TEXT NOT NULL,"
  " amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),"
  " vat_cents INTEGER NOT NULL DEFAULT 0,"
  " blob_sha256 TEXT,"
  " status TEXT NOT NULL DEFAULT 'submitted'"
  "   CHECK (status IN ('submitted', 'validated', 'rejected', 'paid'))"
  ");"

  "CREATE TABLE quality_ticket ("
  SYNCED
  " session_id TEXT REFERENCES session (id),"
  " trainer_id TEXT REFERENCES trainer (id),"
  " source TEXT NOT NULL DEFAULT 'trainer'"
  "   CHECK (source IN ('trainee', 'trainer', 'client', 'funder', 'staff')),"
  " category TEXT NOT NULL DEFAULT 'complaint'"
  "   CHECK (category IN ('complaint', 'incident', 'suggestion', 'improvement')),"
  " subject TEXT NOT NULL,"
  " description TEXT,"
  " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),"
  " resolution TEXT,"
  " opened_on TEXT NOT NULL,"
  " closed_on TEXT"
  ");"

  /* Local-only tables: content-addressed blobs, the outbox of named
   * mutations waiting to be pushed, and sync bookkeeping. */
  "CREATE TABLE blob ("
  " sha256 TEXT PRIMARY KEY NOT NULL,"
  " mime_type TEXT NOT NULL,"
  " data BLOB NOT NULL"
  ");"

  "CREATE TABLE outbox ("
  " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  /* made here as a UUID; the server deduplicates retries by it */
  " mutation_id TEXT NOT NULL,"
  " name TEXT NOT NULL,"
  " entity_id TEXT NOT NULL,"
  " base_version INTEGER NOT NULL DEFAULT 0,"
  " args TEXT NOT NULL,"
  " created_at INTEGER NOT NULL"
  ");"

  "CREATE TABLE sync_state ("
  " key TEXT PRIMARY KEY NOT NULL,"
  " value TEXT"
  ");"

  /* Indexes for the queries the views run. The sort indexes carry the
   * search key so that lists and their searches never read the wide rows. */
  "CREATE INDEX training_sort ON training (deleted, sort_key, search_key);"
  "CREATE INDEX module_training ON module (training_id, position);"
  "CREATE INDEX room_place ON room (place_id);"
  "CREATE INDEX trainer_sort ON trainer (deleted, sort_key, search_key);"
  "CREATE INDEX unavailability_trainer ON unavailability (trainer_id, start_at);"
  "CREATE INDEX client_sort ON client (deleted, sort_key, search_key);"
  "CREATE INDEX trainee_sort ON trainee (deleted, sort_key, search_key);"
  "CREATE INDEX trainee_client ON trainee (client_id);"
  "CREATE INDEX group_member_group ON group_member (group_id);"
  "CREATE INDEX group_member_trainee ON group_member (trainee_id);"
  "CREATE INDEX session_sort ON session (deleted, sort_key, search_key);"
  "CREATE UNIQUE INDEX session_code ON session (code) WHERE deleted = 0;"
  "CREATE INDEX sequence_session ON sequence (session_id, position);"
  /* Covers what a calendar page reads of its slots (fd-queries.c) */
  "CREATE INDEX slot_start ON slot (start_at, deleted, end_at, session_id, sequence_id,"
  "  place_id, room_id, break_minutes, version, id);"
  "CREATE INDEX slot_session ON slot (session_id, deleted, start_at);"
  "CREATE INDEX slot_sequence ON slot (sequence_id, start_at);"
  "CREATE INDEX slot_staff_slot ON slot_staff (slot_id);"
  "CREATE INDEX slot_staff_trainer ON slot_staff (trainer_id);"
  "CREATE INDEX enrollment_session ON enrollment (session_id, deleted, status);"
  "CREATE INDEX enrollment_trainee ON enrollment (trainee_id);"
  "CREATE INDEX cost_session ON cost (session_id);"
  "CREATE INDEX cert_order_line_order ON cert_order_line (order_id);"
  "CREATE INDEX cert_assignment_trainee ON cert_assignment (trainee_id);"
  "CREATE INDEX attendance_slot ON attendance (slot_id, half_day);"
  "CREATE INDEX document_session ON document (session_id);"
  "CREATE INDEX expense_trainer ON expense (trainer_id);"
  "CREATE INDEX trainer_invoice_trainer ON trainer_invoice (trainer_id);"
  "CREATE INDEX email_message_session ON email_message (session_id);"
  "CREATE INDEX outbox_entity ON outbox (entity_id);"
  ;

/* Version 2: per-field versions for scheduling fields (SYNC.md: different
 * fields of a slot or a session merge, the same field edited twice is a
 * conflict) and the device identity that stamps signatures and mutations. */
static const char migration_2[] =
  "CREATE TABLE field_version ("
  " entity TEXT NOT NULL,"
  " entity_id TEXT NOT NULL,"
  " field TEXT NOT NULL,"
  " version INTEGER NOT NULL,"
  " PRIMARY KEY (entity, entity_id, field)"
  ") WITHOUT ROWID;"
  "INSERT INTO sync_state (key, value)"
  " VALUES ('device_id', lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2)))"
  "   || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'"
  "   || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)"
  "   || '-' || lower(hex(randomblob(6))));"
  ;

/* Version 3: the editing core.
 *
 * `revision` is the local change counter (change_log.seq) of the row's last
 * change, local or pulled: the base an edit is made on. field_version keeps
 * the revision of each field's last change, so an edit made on an older
 * revision merges when it touches other fields and is a conflict when it
 * touches the same one. change_log lists every changed row, whichever
 * process or connection wrote it, so that views update those rows only. */
#define ADD_REVISION(table) \
  "ALTER TABLE " table " ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;"

#define SYNCED_3 SYNCED "revision INTEGER NOT NULL DEFAULT 0,"

static const char migration_3[] =
  ADD_REVISION ("organisation")
  ADD_REVISION ("user_account")
  ADD_REVISION ("certification")
  ADD_REVISION ("training")
  ADD_REVISION ("module")
  ADD_REVISION ("place")
  ADD_REVISION ("room")
  ADD_REVISION ("trainer")
  ADD_REVISION ("unavailability")
  ADD_REVISION ("client")
  ADD_REVISION ("trainee")
  ADD_REVISION ("trainee_group")
  ADD_REVISION ("group_member")
  ADD_REVISION ("session")
  ADD_REVISION ("sequence")
  ADD_REVISION ("slot")
  ADD_REVISION ("slot_staff")
  ADD_REVISION ("enrollment")
  ADD_REVISION ("module_validation")
  ADD_REVISION ("cost")
  ADD_REVISION ("cert_order")
  ADD_REVISION ("cert_order_line")
  ADD_REVISION ("cert_assignment")
  ADD_REVISION ("activation_code")
  ADD_REVISION ("attendance")
  ADD_REVISION ("document")
  ADD_REVISION ("email_template")
  ADD_REVISION ("email_message")
  ADD_REVISION ("expense")
  ADD_REVISION ("trainer_invoice")
  ADD_REVISION ("quality_ticket")

  "CREATE TABLE change_log ("
  " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  " entity TEXT NOT NULL,"
  " entity_id TEXT NOT NULL,"
  " op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),"
  " fields TEXT"
  ");"

  /* One user operation that writes several rows (a duplicate, an import)
   * travels as one batch that the server applies all or nothing. */
  "ALTER TABLE outbox ADD COLUMN batch_id TEXT;"

  /* Places have a time zone (overseas places have their own); slots and
   * sessions name the training organisation that runs them. */
  "ALTER TABLE place ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Paris';"
  "ALTER TABLE session ADD COLUMN organisation_id TEXT REFERENCES organisation (id);"
  "ALTER TABLE session ADD COLUMN external_reference TEXT;"
  "ALTER TABLE session ADD COLUMN survey_config TEXT;"
  /* The period a session is planned for before it has slots (a duplicate
   * is given one); once it has slots, its dates are computed from them. */
  "ALTER TABLE session ADD COLUMN planned_start_on TEXT;"
  "ALTER TABLE session ADD COLUMN planned_end_on TEXT;"
  /* The days of the first slot's start and the last slot's end, kept by
   * core from the slots (never typed, never sent: each replica computes
   * them), so that the sessions list sorts by date with an index. */
  "ALTER TABLE session ADD COLUMN starts_on TEXT;"
  "ALTER TABLE session ADD COLUMN ends_on TEXT;"
  "UPDATE session SET"
  " starts_on = (SELECT substr (min (start_at), 1, 10) FROM slot"
  "              WHERE slot.session_id = session.id AND slot.deleted = 0),"
  " ends_on = (SELECT substr (max (end_at), 1, 10) FROM slot"
  "            WHERE slot.session_id = session.id AND slot.deleted = 0);"
  "ALTER TABLE session ADD COLUMN evaluation_id TEXT REFERENCES evaluation (id);"
  "ALTER TABLE slot ADD COLUMN organisation_id TEXT REFERENCES organisation (id);"
  "ALTER TABLE user_account ADD COLUMN place_id TEXT REFERENCES place (id);"

  /* Evaluations a session chooses from */
  "CREATE TABLE evaluation ("
  SYNCED_3
  " name TEXT NOT NULL,"
  " kind TEXT NOT NULL DEFAULT 'hot' CHECK (kind IN ('hot', 'cold', 'quiz', 'other')),"
  " questions TEXT"
  ");"

  /* Populations: named sets of trainees (a client company, a group, a
   * list). A session with populations takes enrollments only from them. */
  "CREATE TABLE population ("
  SYNCED_3
  " name TEXT NOT NULL,"
  " kind TEXT NOT NULL CHECK (kind IN ('client', 'group', 'list')),"
  " client_id TEXT REFERENCES client (id),"
  " group_id TEXT REFERENCES trainee_group (id)"
  ");"

  "CREATE TABLE population_member ("
  SYNCED_3
  " population_id TEXT NOT NULL REFERENCES population (id),"
  " trainee_id TEXT NOT NULL REFERENCES trainee (id)"
  ");"

  "CREATE TABLE session_population ("
  SYNCED_3
  " session_id TEXT NOT NULL REFERENCES session (id),"
  " population_id TEXT NOT NULL REFERENCES population (id)"
  ");"

  /* Email notifications of a session, prefilled from the templates: each
   * on or off, sent at an offset (minutes, negative before) from each
   * sequence's start or end. */
  "CREATE TABLE session_email ("
  SYNCED_3
  " session_id TEXT NOT NULL REFERENCES session (id),"
  " template_id TEXT REFERENCES email_template (id),"
  " kind TEXT NOT NULL,"
  " enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),"
  " anchor TEXT NOT NULL DEFAULT 'sequence_start'"
  "   CHECK (anchor IN ('sequence_start', 'sequence_end')),"
  " offset_minutes INTEGER NOT NULL DEFAULT 0,"
  " recipients TEXT NOT NULL DEFAULT 'trainees',"
  " cc TEXT,"
  " bcc TEXT"
  ");"

  /* Files attached to a cost line or a session email (content-addressed) */
  "CREATE TABLE attachment ("
  SYNCED_3
  " owner_entity TEXT NOT NULL CHECK (owner_entity IN ('cost', 'session_email')),"
  " owner_id TEXT NOT NULL,"
  " blob_sha256 TEXT NOT NULL,"
  " file_name TEXT NOT NULL,"
  " mime_type TEXT"
  ");"

  /* A conflict a planner chose to keep, with the reason: it stays visible. */
  "CREATE TABLE conflict_ack ("
  SYNCED_3
  " kind TEXT NOT NULL CHECK (kind IN ('trainer_overlap', 'room_overlap', 'trainer_unavailable',"
  "   'room_capacity', 'outside_year', 'trainer_two_places')),"
  " slot_id TEXT NOT NULL REFERENCES slot (id),"
  " subject_id TEXT,"
  " reason TEXT NOT NULL"
  ");"

  /* Local accounts of a shared workstation: the password hash never syncs */
  "CREATE TABLE local_credential ("
  " user_id TEXT PRIMARY KEY NOT NULL,"
  " password_hash TEXT NOT NULL"
  ");"

  "CREATE INDEX change_log_entity ON change_log (entity, entity_id);"
  "CREATE INDEX population_member_population ON population_member (population_id);"
  "CREATE INDEX session_population_session ON session_population (session_id);"
  "CREATE INDEX session_email_session ON session_email (session_id);"
  "CREATE INDEX attachment_owner ON attachment (owner_id);"
  "CREATE INDEX conflict_ack_slot ON conflict_ack (slot_id);"
  /* A calendar page reads the revision, the base of a drag, not the
   * server version */
  "DROP INDEX slot_start;"
  "CREATE INDEX slot_start ON slot (start_at, deleted, end_at, session_id, sequence_id,"
  "  place_id, room_id, break_minutes, revision, id);"
  "CREATE INDEX slot_place ON slot (place_id, start_at);"
  "CREATE INDEX slot_room ON slot (room_id, start_at);"
  "CREATE INDEX session_year ON session (year, deleted);"
  "CREATE INDEX session_dates ON session (deleted, published, ends_on, starts_on);"
  ;

/* Version 4: calendar invitations (seed 004).
 *
 * One invitation per sequence: its UID and the SEQUENCE of the iCalendar
 * last sent, raised by one with each update (a slot of the sequence moved
 * to another date or place). What each participant was sent is the mail
 * outbox itself: an email_message that carries an iCalendar (an invitation
 * alone, or a convocation with the invitation attached) names its sequence
 * and the SEQUENCE it carries, so the same invitation is never queued
 * twice to one address. The iCalendar is a column rather than an
 * attachment row: it is rendered per recipient (its ATTENDEE), like the
 * subject and the text beside it, and attachment rows belong to settings. */
static const char migration_4[] =
  "CREATE TABLE calendar_invitation ("
  SYNCED_3
  " session_id TEXT NOT NULL REFERENCES session (id),"
  " sequence_id TEXT NOT NULL REFERENCES sequence (id),"
  " uid TEXT NOT NULL,"
  " ical_sequence INTEGER NOT NULL DEFAULT 0 CHECK (ical_sequence >= 0)"
  ");"
  "ALTER TABLE email_message ADD COLUMN sequence_id TEXT REFERENCES sequence (id);"
  /* text/calendar, METHOD:REQUEST */
  "ALTER TABLE email_message ADD COLUMN calendar TEXT;"
  "ALTER TABLE email_message ADD COLUMN calendar_sequence INTEGER;"
  "CREATE INDEX calendar_invitation_session ON calendar_invitation (session_id, sequence_id);"
  "CREATE INDEX email_message_sequence ON email_message (sequence_id, recipient);"
  ;

/* Version 5: the sync client's bookkeeping (src/sync/fd-sync-client.c).
 *
 * An outbox entry the server applied keeps its version in pushed_version
 * until a pull has gone past that version: until then its fields are
 * still the device's own (a pulled page older than the push does not
 * overwrite them), and only then is it deleted (SYNC.md). A mutation the
 * server refused (a conflict, or a rejection) leaves the outbox for
 * sync_conflict, with what it set and why it was refused, for the user to
 * see and decide. */
static const char migration_5[] =
  "ALTER TABLE outbox ADD COLUMN pushed_version INTEGER;"
  "CREATE TABLE sync_conflict ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " mutation_id TEXT NOT NULL,"
  " name TEXT NOT NULL,"
  " entity_id TEXT NOT NULL,"
  " base_version INTEGER NOT NULL DEFAULT 0,"
  " args TEXT NOT NULL,"
  " batch_id TEXT,"
  " status TEXT NOT NULL CHECK (status IN ('conflict', 'rejected')),"
  " field TEXT,"
  " message TEXT,"
  " created_at INTEGER NOT NULL,"
  " refused_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX outbox_pushed ON outbox (pushed_version);"
  ;

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == FD_SCHEMA_VERSION);

const char *
_fd_schema_get_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= FD_SCHEMA_VERSION, NULL);

  return migrations[version - 1];
}
