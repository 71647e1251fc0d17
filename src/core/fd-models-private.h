/* fd-models-private.h — building model objects from rows, for src/core only
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "fd-models.h"

G_BEGIN_DECLS

/*
 * Each model object is built from one row of a SELECT whose columns come in
 * a fixed order, the same for every query that makes that object: the
 * `FD_…_SELECT` macros below are that column list with its FROM clause, to
 * which a query appends its WHERE and ORDER BY clauses. Columns 0 and 1 are
 * always the row's id and revision. Computed values (a session's dates and
 * counts, names from joined rows) are computed here, never stored.
 *
 * The `_new_from_stmt` constructors read the current row of @stmt (after
 * sqlite3_step() returned SQLITE_ROW) and copy what they need: the statement
 * can be reset right after.
 */

/* FdSession: id, revision, code, label, training title, kind, status,
 * published, client name, start date, end date, n_slots, n_enrolled,
 * capacity_max, price_cents. Dates are the day ("2026-03-03") of the first
 * and last live slots' start_at, read in the order of the index
 * slot_session (session_id, start_at), which stops at the first live slot
 * where min() would visit them all. Alias `s` is the session. */
#define FD_SESSION_SELECT \
  "SELECT s.id, s.revision, s.code, s.label, t.title, s.kind, s.status," \
  " s.published, c.name," \
  " (SELECT substr (sl.start_at, 1, 10) FROM slot sl" \
  "  WHERE sl.session_id = s.id AND sl.deleted = 0" \
  "  ORDER BY sl.start_at LIMIT 1)," \
  " (SELECT substr (sl.start_at, 1, 10) FROM slot sl" \
  "  WHERE sl.session_id = s.id AND sl.deleted = 0" \
  "  ORDER BY sl.start_at DESC LIMIT 1)," \
  " (SELECT count (*) FROM slot sl" \
  "  WHERE sl.session_id = s.id AND sl.deleted = 0)," \
  " (SELECT count (*) FROM enrollment e" \
  "  WHERE e.session_id = s.id AND e.deleted = 0" \
  "  AND e.status NOT IN ('withdrawn', 'cancelled'))," \
  " s.capacity_max, s.price_cents" \
  " FROM session s" \
  " LEFT JOIN training t ON t.id = s.training_id" \
  " LEFT JOIN client c ON c.id = s.client_id"

/* FdTrainer: id, revision, first_name, last_name, email, phone, kind,
 * company, city, skills, extranet_state, daily_rate_cents. Alias `tr`. */
#define FD_TRAINER_SELECT \
  "SELECT tr.id, tr.revision, tr.first_name, tr.last_name, tr.email, tr.phone," \
  " tr.kind, tr.company, tr.city, tr.skills, tr.extranet_state," \
  " tr.daily_rate_cents" \
  " FROM trainer tr"

/* FdTrainee: id, revision, civility, first_name, last_name, email, phone,
 * birth_date, birth_city, postal_code, city, client name, status.
 * Alias `te`. */
#define FD_TRAINEE_SELECT \
  "SELECT te.id, te.revision, te.civility, te.first_name, te.last_name," \
  " te.email, te.phone, te.birth_date, te.birth_city, te.postal_code," \
  " te.city, c.name, te.status" \
  " FROM trainee te" \
  " LEFT JOIN client c ON c.id = te.client_id"

/* FdClient: id, revision, kind, name, email, phone, siret, city, funder.
 * Alias `c`. */
#define FD_CLIENT_SELECT \
  "SELECT c.id, c.revision, c.kind, c.name, c.email, c.phone, c.siret," \
  " c.city, c.funder" \
  " FROM client c"

/* FdSlot: id, revision, session_id, session code, session label, sequence
 * label, start_at, end_at, break_minutes, place name, room name, trainer
 * names, place_id, room_id, staff ids (of every role, ","-joined). Trainer names are the live staff of role trainer and co-trainer
 * (not hosts), trainers first, each sorted by name, joined with ", ".
 * Deleted sequences, places, rooms and trainers give no name. Alias `sl`. */
#define FD_SLOT_SELECT \
  "SELECT sl.id, sl.revision, sl.session_id, se.code, se.label, sq.label," \
  " sl.start_at, sl.end_at, sl.break_minutes, p.name, r.name," \
  " (SELECT group_concat (name, ', ') FROM" \
  "  (SELECT st.first_name || ' ' || st.last_name AS name" \
  "   FROM slot_staff ss JOIN trainer st ON st.id = ss.trainer_id AND st.deleted = 0" \
  "   WHERE ss.slot_id = sl.id AND ss.deleted = 0" \
  "   AND ss.role IN ('trainer', 'co_trainer')" \
  "   ORDER BY ss.role <> 'trainer', st.sort_key))," \
  " sl.place_id, sl.room_id," \
  " (SELECT group_concat (ss.trainer_id, ',') FROM slot_staff ss" \
  "  WHERE ss.slot_id = sl.id AND ss.deleted = 0)" \
  " FROM slot sl" \
  " LEFT JOIN session se ON se.id = sl.session_id" \
  " LEFT JOIN sequence sq ON sq.id = sl.sequence_id AND sq.deleted = 0" \
  " LEFT JOIN place p ON p.id = sl.place_id AND p.deleted = 0" \
  " LEFT JOIN room r ON r.id = sl.room_id AND r.deleted = 0"

/* The same values, for a slot assembled in C (see fd-queries.c); strings
 * are copied. */
typedef struct
{
  const char *id;
  gint64 revision;
  const char *session_id;
  const char *session_code;
  const char *session_label;
  const char *sequence_label;
  const char *start_at;
  const char *end_at;
  guint break_minutes;
  const char *place_name;
  const char *room_name;
  const char *trainer_names;
  const char *place_id;
  const char *room_id;
  const char * const *trainer_ids; /* NULL-terminated, or NULL */
} FdSlotRow;

FdSlot       *_fd_slot_new_from_row         (const FdSlotRow *row);

/* FdEnrollment: id, revision, session_id, session code, session label,
 * trainee_id, trainee name ("First Last"), status, funder, start date (the
 * day of the session's first live slot). Alias `e`. */
#define FD_ENROLLMENT_SELECT \
  "SELECT e.id, e.revision, e.session_id, se.code, se.label, e.trainee_id," \
  " te.first_name || ' ' || te.last_name, e.status, e.funder," \
  " (SELECT substr (sl.start_at, 1, 10) FROM slot sl" \
  "  WHERE sl.session_id = e.session_id AND sl.deleted = 0" \
  "  ORDER BY sl.start_at LIMIT 1)" \
  " FROM enrollment e" \
  " LEFT JOIN session se ON se.id = e.session_id" \
  " LEFT JOIN trainee te ON te.id = e.trainee_id"

void          _fd_record_set_identity       (FdRecord     *self,
                                             const char   *id,
                                             gint64        revision);

FdSession    *_fd_session_new_from_stmt     (sqlite3_stmt *stmt);
FdTrainer    *_fd_trainer_new_from_stmt     (sqlite3_stmt *stmt);
FdTrainee    *_fd_trainee_new_from_stmt     (sqlite3_stmt *stmt);
FdClient     *_fd_client_new_from_stmt      (sqlite3_stmt *stmt);
FdSlot       *_fd_slot_new_from_stmt        (sqlite3_stmt *stmt);
FdEnrollment *_fd_enrollment_new_from_stmt  (sqlite3_stmt *stmt);

/* A text column as valid UTF-8. SQLite hands back the bytes stored, and
 * another program may have stored invalid UTF-8 or a NUL: every reader of
 * a model's strings (GTK, JSON) needs UTF-8 that ends where the text ends.
 * Invalid sequences and NULs become U+FFFD; the rest of the text is kept.
 * Returns NULL for NULL. */
static inline char *
_fd_stmt_dup_text (sqlite3_stmt *stmt,
                   int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;

  /* After sqlite3_column_text(), so the length is that of the text */
  return g_utf8_make_valid (text, sqlite3_column_bytes (stmt, column));
}

static inline guint
_fd_stmt_get_uint (sqlite3_stmt *stmt,
                   int           column)
{
  return (guint) CLAMP (sqlite3_column_int64 (stmt, column), 0, G_MAXUINT);
}

/* Sets the id and revision of @self from columns 0 and 1 of @stmt. */
static inline void
_fd_record_set_identity_from_stmt (FdRecord     *self,
                                   sqlite3_stmt *stmt)
{
  _fd_record_set_identity (self,
                           (const char *) sqlite3_column_text (stmt, 0),
                           sqlite3_column_int64 (stmt, 1));
}

G_END_DECLS
