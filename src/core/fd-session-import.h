/* fd-session-import.h — partners' sessions, read, checked, then written
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-database.h"

G_BEGIN_DECLS

#define FD_SESSION_IMPORT_ERROR (fd_session_import_error_quark ())

/* Errors about the whole file; a bad row is a problem, not an error. */
typedef enum
{
  FD_SESSION_IMPORT_ERROR_EMPTY,
  FD_SESSION_IMPORT_ERROR_NOT_TEXT,
  FD_SESSION_IMPORT_ERROR_ENCODING,
  FD_SESSION_IMPORT_ERROR_SYNTAX,
  /* fd_session_import_apply() on an import with problems */
  FD_SESSION_IMPORT_ERROR_INVALID,
} FdSessionImportError;

/* The columns of the file, one row per slot; rows with the same reference
 * are one session. Their names in a file are French (the template's),
 * given by fd_session_import_column_name(). */
typedef enum
{
  FD_SESSION_IMPORT_COLUMN_REFERENCE, /* reference: the partner's session */
  FD_SESSION_IMPORT_COLUMN_TRAINING,  /* formation: a training code */
  FD_SESSION_IMPORT_COLUMN_LABEL,     /* libelle: optional, the training's title */
  FD_SESSION_IMPORT_COLUMN_KIND,      /* type: intra or inter */
  FD_SESSION_IMPORT_COLUMN_SEQUENCE,  /* sequence: its label within the session */
  FD_SESSION_IMPORT_COLUMN_DATE,      /* date: DD/MM/YYYY (or YYYY-MM-DD) */
  FD_SESSION_IMPORT_COLUMN_START,     /* debut: HH:MM */
  FD_SESSION_IMPORT_COLUMN_END,       /* fin: HH:MM */
  FD_SESSION_IMPORT_COLUMN_BREAK,     /* pause_minutes: optional, 0 */
  FD_SESSION_IMPORT_COLUMN_PLACE,     /* lieu: optional, a place's name */
  FD_SESSION_IMPORT_COLUMN_ROOM,      /* salle: optional, a room of that place */
  FD_SESSION_IMPORT_COLUMN_TRAINERS,  /* formateurs: optional, emails separated by "," */
  FD_SESSION_IMPORT_N_COLUMNS
} FdSessionImportColumn;

/**
 * FdSessionImportProblem:
 * @line: the line of the file the row starts on (1 is the header)
 * @column: (nullable): the name of the file's column it is about
 *   ("formation"), %NULL if it is about the whole row
 * @message: what is wrong, translated, without the line and the column:
 *   fd_session_import_problem_format() gives the whole sentence
 */
typedef struct
{
  guint line;
  char *column;
  char *message;
} FdSessionImportProblem;

/**
 * FdSessionImportSlot:
 * @line: the row it comes from
 * @sequence: the label of its sequence
 * @start_at: its start, ISO local time ("2026-03-03T09:00")
 * @end_at: its end
 * @break_minutes: its break
 * @place_id: (nullable): its place
 * @place_name: (nullable): the place's name as stored
 * @room_id: (nullable): its room
 * @room_name: (nullable): the room's name as stored
 * @trainer_ids: (element-type utf8): its trainers
 * @warnings: (element-type FdSessionImportProblem): what does not stop the
 *   import but the user should see: this is where conflicts (a trainer or
 *   a room booked twice, an unavailability) go once core computes them
 * @id: (nullable): the slot's id, once fd_session_import_apply() wrote it
 */
typedef struct
{
  guint line;
  char *sequence;
  char *start_at;
  char *end_at;
  int break_minutes;
  char *place_id;
  char *place_name;
  char *room_id;
  char *room_name;
  GPtrArray *trainer_ids;
  GPtrArray *warnings;
  char *id;
} FdSessionImportSlot;

/**
 * FdSessionImportSession:
 * @reference: the partner's reference, stored as the session's
 *   external_reference
 * @line: the first row of the session
 * @training_id: (nullable): its training, %NULL if the code is unknown
 * @training_code: the training code of the file
 * @training_title: (nullable): the training's title
 * @label: the session's label: the file's, or the training's title
 * @kind: "intra" or "inter"
 * @year: the year it is numbered in: that of its first slot
 * @start_at: (nullable): the start of its first slot
 * @end_at: (nullable): the end of its last slot
 * @sequences: (element-type utf8): its sequences' labels, in the order
 *   they first appear in the file
 * @slots: (element-type FdSessionImportSlot): its slots, in time order
 * @id: (nullable): the session's id, once written
 * @code: (nullable): its code, once written ("2026-0042")
 */
typedef struct
{
  char *reference;
  guint line;
  char *training_id;
  char *training_code;
  char *training_title;
  char *label;
  char *kind;
  int year;
  char *start_at;
  char *end_at;
  GPtrArray *sequences;
  GPtrArray *slots;
  char *id;
  char *code;
} FdSessionImportSession;

typedef struct _FdSessionImport FdSessionImport;

GQuark           fd_session_import_error_quark   (void);
const char      *fd_session_import_column_name   (FdSessionImportColumn column);

FdSessionImport *fd_session_import_new           (void);
void             fd_session_import_free          (FdSessionImport  *self);
FdSessionImport *fd_session_import_parse_csv     (GBytes           *bytes,
                                                  GError          **error);
void             fd_session_import_add_row       (FdSessionImport  *self,
                                                  guint             line,
                                                  const char * const *values);
void             fd_session_import_add_problem   (FdSessionImport  *self,
                                                  guint             line,
                                                  const char       *column,
                                                  const char       *message);

guint            fd_session_import_get_n_rows    (FdSessionImport  *self);
guint            fd_session_import_get_row_line  (FdSessionImport  *self,
                                                  guint             row);
const char      *fd_session_import_get_value     (FdSessionImport  *self,
                                                  guint             row,
                                                  FdSessionImportColumn column);

gboolean         fd_session_import_check         (FdDatabase       *database,
                                                  FdSessionImport  *self,
                                                  GError          **error);
GPtrArray       *fd_session_import_get_problems  (FdSessionImport  *self);
GPtrArray       *fd_session_import_get_sessions  (FdSessionImport  *self);
gboolean         fd_session_import_apply         (FdDatabase       *database,
                                                  FdSessionImport  *self,
                                                  GError          **error);

char            *fd_session_import_problem_format (const FdSessionImportProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSessionImport, fd_session_import_free)

G_END_DECLS
