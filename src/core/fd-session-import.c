/* fd-session-import.c — partners' sessions, read, checked, then written
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-session-import.h"

#include "fd-conflicts.h"

#include "fd-change-private.h"
#include "fd-database-private.h"
#include "fd-session-duplicate.h"
#include "fd-text.h"
#include "fd-validate.h"

#include <string.h>

/*
 * An import goes in three steps, so that the user sees everything that is
 * wrong, and what would be created, before anything is written:
 *
 *  1. read: fd_session_import_parse_csv() turns a file into rows (other
 *     readers, like the CLI's JSON one, add rows with
 *     fd_session_import_add_row()); what cannot be read is a problem of
 *     its line, only a file that is not text at all is an error;
 *  2. check: fd_session_import_check() resolves every row against the
 *     database (training, place, room, trainers), validates dates, times
 *     and breaks, groups the rows into sessions, and lists the problems;
 *  3. apply: fd_session_import_apply() checks again (the database may have
 *     changed since the preview) and, if there is no problem, writes the
 *     sessions (drafts), sequences, slots and staff in one
 *     fd_database_apply_all(): all or nothing.
 *
 * Core depends on GLib and SQLite only, so the JSON form is read in the
 * CLI, which hands the rows over; the checks are the same for both.
 */

G_DEFINE_QUARK (fd-session-import-error-quark, fd_session_import_error)

/* The names of the columns in a file (the template's, in French) */
static const char * const column_names[FD_SESSION_IMPORT_N_COLUMNS] = {
  "reference", "formation", "libelle", "type", "sequence", "date",
  "debut", "fin", "pause_minutes", "lieu", "salle", "formateurs",
};

/* Values quoted in messages are cut there, so a huge field does not make
 * a huge message */
#define MAX_QUOTED_CHARS 60

/* At most this many unknown header columns are named */
#define MAX_UNKNOWN_COLUMNS 5

typedef struct
{
  guint line;
  const char *values[FD_SESSION_IMPORT_N_COLUMNS]; /* in strings; "" when empty */
} Row;

typedef struct
{
  FdSessionImportProblem problem;
  guint order; /* problems of one line keep the order they were found in */
} Problem;

typedef struct
{
  FdSessionImportSlot slot;
  guint sequence_index;
} Slot;

typedef struct Training Training;

typedef struct
{
  FdSessionImportSession session;
  Training *training; /* a copy: the checker's are gone once it ran */
  char *folded_training; /* as the first row wrote it, to compare the others */
  char *kind_of_file;    /* NULL when the first row's type is not valid */
  gboolean label_of_file;
  guint label_line;
  GHashTable *sequence_index; /* folded label → index + 1 */
} Session;

struct _FdSessionImport
{
  GStringChunk *strings;
  GArray *rows;              /* Row */
  GPtrArray *read_problems;  /* Problem, found reading */
  GPtrArray *check_problems; /* Problem, found checking; replaced by each check */
  GPtrArray *problems;       /* both, sorted by line; borrowed */
  GPtrArray *sessions;       /* Session */
  guint next_order;
};

/* What the database holds, loaded once per check. Each row known by a
 * name starts with a Known: a live row hides deleted ones of the same
 * name, two live rows make the name ambiguous. */
typedef struct
{
  char *id;
  gboolean deleted;
  gboolean ambiguous;
} Known;

struct Training
{
  Known known;
  char *code;
  char *title;
  /* what a session takes from its training (seeds/004: choosing the
   * training fills these fields) */
  char *certification_id;
  int capacity_min;
  int capacity_target;
  int capacity_max;
  char *dispositif;
  gboolean eligible_funding;
  char *comments;
  gint64 price_cents;
  char *evaluation;
};

typedef struct
{
  Known known;
  char *name;
} Place;

typedef struct
{
  Known known;
  char *name;
} Room;

typedef struct
{
  Known known;
  char *first_name;
  char *last_name;
} Trainer;

typedef struct
{
  FdDatabase *database;
  FdSessionImport *import;
  GHashTable *trainings;   /* folded code → Training */
  GHashTable *places;      /* folded name → Place */
  GHashTable *rooms;       /* place id "\n" folded name → Room */
  GHashTable *room_places; /* folded room name → the name of a place with a live room so named */
  GHashTable *trainers;    /* email, normalised and in lower case → Trainer */
  GHashTable *imported;    /* external reference → session code */
  GHashTable *memo;        /* what a raw value resolved to, per column (see memo_key) */
  GHashTable *sessions;    /* reference → Session */
} Checker;

/* ------------------------------------------------------------------ */
/* Problems                                                             */

static void
problem_free (Problem *problem)
{
  g_free (problem->problem.column);
  g_free (problem->problem.message);
  g_free (problem);
}

static void
add_problem_take (FdSessionImport *self,
                  GPtrArray       *problems,
                  guint            line,
                  const char      *column,
                  char            *message)
{
  Problem *problem = g_new0 (Problem, 1);

  problem->problem.line = line;
  problem->problem.column = g_strdup (column);
  problem->problem.message = message;
  problem->order = self->next_order++;
  g_ptr_array_add (problems, problem);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
}

/* @value as a message quotes it: at most MAX_QUOTED_CHARS characters,
 * line breaks shown as spaces */
static char *
quote (const char *value)
{
  g_autofree char *flat = g_strdelimit (g_strdup (value), "\r\n\t", ' ');

  if (g_utf8_strlen (flat, -1) > MAX_QUOTED_CHARS)
    {
      g_autofree char *start = g_utf8_substring (flat, 0, MAX_QUOTED_CHARS - 1);

      return g_strconcat (start, "…", NULL);
    }

  return g_steal_pointer (&flat);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                 */

static void
slot_free (Slot *slot)
{
  g_free (slot->slot.sequence);
  g_free (slot->slot.start_at);
  g_free (slot->slot.end_at);
  g_free (slot->slot.place_id);
  g_free (slot->slot.place_name);
  g_free (slot->slot.room_id);
  g_free (slot->slot.room_name);
  g_ptr_array_unref (slot->slot.trainer_ids);
  g_ptr_array_unref (slot->slot.warnings);
  g_free (slot->slot.id);
  g_free (slot);
}

static void training_free (Training *training);

static void
session_free (Session *session)
{
  g_free (session->session.reference);
  g_free (session->session.training_id);
  g_free (session->session.training_code);
  g_free (session->session.training_title);
  g_free (session->session.label);
  g_free (session->session.kind);
  g_free (session->session.start_at);
  g_free (session->session.end_at);
  g_ptr_array_unref (session->session.sequences);
  g_ptr_array_unref (session->session.slots);
  g_free (session->session.id);
  g_free (session->session.code);
  g_clear_pointer (&session->training, training_free);
  g_free (session->folded_training);
  g_free (session->kind_of_file);
  g_hash_table_unref (session->sequence_index);
  g_free (session);
}

/**
 * fd_session_import_column_name:
 * @column: a column
 *
 * Returns: the column's name in a file ("formation"): the file format's,
 *   not translated
 */
const char *
fd_session_import_column_name (FdSessionImportColumn column)
{
  g_return_val_if_fail (column < FD_SESSION_IMPORT_N_COLUMNS, NULL);

  return column_names[column];
}

/**
 * fd_session_import_new:
 *
 * An empty import, for a reader that adds its rows with
 * fd_session_import_add_row().
 *
 * Returns: (transfer full): a new import
 */
FdSessionImport *
fd_session_import_new (void)
{
  FdSessionImport *self = g_new0 (FdSessionImport, 1);

  self->strings = g_string_chunk_new (64 * 1024);
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->read_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->check_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) session_free);

  return self;
}

void
fd_session_import_free (FdSessionImport *self)
{
  if (self == NULL)
    return;

  g_string_chunk_free (self->strings);
  g_array_unref (self->rows);
  g_ptr_array_unref (self->read_problems);
  g_ptr_array_unref (self->check_problems);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_ptr_array_unref (self->sessions);
  g_free (self);
}

/* Stores @length bytes of @text without their surrounding white space */
static const char *
insert_trimmed (FdSessionImport *self,
                const char      *text,
                gsize            length)
{
  while (length > 0 && g_ascii_isspace (text[0]))
    {
      text++;
      length--;
    }
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;

  if (length == 0)
    return "";

  return g_string_chunk_insert_len (self->strings, text, (gssize) length);
}

/**
 * fd_session_import_add_row:
 * @self: an import
 * @line: the line of the file the row starts on, for its problems
 * @values: (array fixed-size=12) (element-type utf8) (nullable): the row's
 *   values in #FdSessionImportColumn order, %NULL for an empty one
 *
 * Adds a row read by another reader than the CSV one. Values are trimmed;
 * text that is not UTF-8 is made valid.
 */
void
fd_session_import_add_row (FdSessionImport    *self,
                           guint               line,
                           const char * const *values)
{
  Row row = { line, { NULL, } };

  g_return_if_fail (self != NULL);
  g_return_if_fail (values != NULL);

  for (guint i = 0; i < FD_SESSION_IMPORT_N_COLUMNS; i++)
    {
      const char *value = values[i] != NULL ? values[i] : "";

      if (g_utf8_validate (value, -1, NULL))
        row.values[i] = insert_trimmed (self, value, strlen (value));
      else
        {
          g_autofree char *valid = g_utf8_make_valid (value, -1);

          row.values[i] = insert_trimmed (self, valid, strlen (valid));
        }
    }

  g_array_append_val (self->rows, row);
}

/**
 * fd_session_import_add_problem:
 * @self: an import
 * @line: the line of the problem
 * @column: (nullable): the column it is about
 * @message: what is wrong, translated
 *
 * Lets another reader report what it could not read; like the CSV
 * reader's problems, they stay when the import is checked again.
 */
void
fd_session_import_add_problem (FdSessionImport *self,
                               guint            line,
                               const char      *column,
                               const char      *message)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (message != NULL);

  add_problem_take (self, self->read_problems, line, column, g_strdup (message));
}

guint
fd_session_import_get_n_rows (FdSessionImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * fd_session_import_get_row_line:
 * @self: an import
 * @row: a row, below fd_session_import_get_n_rows()
 *
 * Returns: the line of the file @row starts on
 */
guint
fd_session_import_get_row_line (FdSessionImport *self,
                                guint            row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, Row, row).line;
}

/**
 * fd_session_import_get_value:
 * @self: an import
 * @row: a row, below fd_session_import_get_n_rows()
 * @column: a column
 *
 * Returns: the row's value, trimmed, "" when empty
 */
const char *
fd_session_import_get_value (FdSessionImport       *self,
                             guint                  row,
                             FdSessionImportColumn  column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < FD_SESSION_IMPORT_N_COLUMNS, NULL);

  return g_array_index (self->rows, Row, row).values[column];
}

/* ------------------------------------------------------------------ */
/* Reading CSV                                                          */

typedef struct
{
  const char *p;
  const char *end;
  guint line;
  char separator;
} Reader;

typedef enum
{
  READ_RECORD,
  READ_END,
  READ_FAILED,
} ReadResult;

/* The separator is the one of ";" and "," the header (the first line
 * that is not blank) uses more, outside quotes: French spreadsheets
 * write ";", others ",". */
static char
detect_separator (const char *p,
                  const char *end)
{
  guint semicolons = 0;
  guint commas = 0;
  gboolean quoted = FALSE;

  while (p < end && g_ascii_isspace (*p))
    p++;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ';')
        semicolons++;
      else if (*p == ',')
        commas++;
    }

  return commas > semicolons ? ',' : ';';
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static GString *
next_field (GPtrArray *fields,
            guint     *n_fields)
{
  GString *field;

  if (*n_fields == fields->len)
    g_ptr_array_add (fields, g_string_new (NULL));
  field = g_ptr_array_index (fields, *n_fields);
  g_string_truncate (field, 0);
  (*n_fields)++;

  return field;
}

static gboolean
is_blank (const GString *field)
{
  for (gsize i = 0; i < field->len; i++)
    if (!g_ascii_isspace (field->str[i]))
      return FALSE;

  return TRUE;
}

/* Reads one record (RFC 4180: fields in double quotes may hold the
 * separator, line breaks and doubled quotes) into the first *@n_fields
 * GStrings of @fields, which are reused from record to record. A quote
 * inside an unquoted field is kept as it is. @stray_field is set to the
 * first field whose closing quote is followed by other text, or -1. Only
 * a quote left open is an error: the rest of the file is in it. */
static ReadResult
read_record (Reader     *reader,
             GPtrArray  *fields,
             guint      *n_fields,
             guint      *record_line,
             int        *stray_field,
             GError    **error)
{
  const char *p = reader->p;
  const char *end = reader->end;
  const char separator = reader->separator;
  GString *field;

  if (p >= end)
    return READ_END;

  *record_line = reader->line;
  *n_fields = 0;
  *stray_field = -1;
  field = next_field (fields, n_fields);

  while (p < end)
    {
      const char *run;

      if (*p == separator)
        {
          p++;
          field = next_field (fields, n_fields);
          continue;
        }

      if (*p == '\n' || *p == '\r')
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          reader->line++;
          break;
        }

      if (*p == '"' && is_blank (field))
        {
          guint quote_line = reader->line;

          g_string_truncate (field, 0);
          p++;
          for (;;)
            {
              run = p;
              while (p < end && *p != '"' && *p != '\n' && *p != '\r')
                p++;
              g_string_append_len (field, run, p - run);

              if (p >= end)
                {
                  g_set_error (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_SYNTAX,
                               _("line %u: a quoted field is not closed"), quote_line);
                  return READ_FAILED;
                }

              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }

              /* A line break within the quotes: CRLF, LF or CR */
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              p++;
              reader->line++;
              g_string_append_c (field, '\n');
            }

          while (p < end && (*p == ' ' || *p == '\t'))
            p++;
          if (p < end && *p != separator && *p != '\n' && *p != '\r' && *stray_field < 0)
            *stray_field = (int) *n_fields - 1;
          continue;
        }

      run = p;
      while (p < end && *p != separator && *p != '\n' && *p != '\r' && *p != '"')
        p++;
      if (p == run)
        {
          /* a quote within an unquoted field */
          g_string_append_c (field, *p);
          p++;
          continue;
        }
      g_string_append_len (field, run, p - run);
    }

  reader->p = p;

  return READ_RECORD;
}

static gboolean
record_is_blank (GPtrArray *fields,
                 guint      n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (!is_blank (g_ptr_array_index (fields, i)))
      return FALSE;

  return TRUE;
}

/* The column a header cell names, or -1: names are compared folded, so
 * "Libellé", "LIBELLE" and "libelle" are the same, and "pause minutes"
 * is "pause_minutes". */
static int
lookup_column (const char *name)
{
  g_autofree char *folded = fd_text_fold (name);

  for (char *p = folded; *p; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';

  for (int i = 0; i < FD_SESSION_IMPORT_N_COLUMNS; i++)
    if (g_str_equal (folded, column_names[i]))
      return i;

  return -1;
}

/* Maps the header's cells to columns in @map (-1 for an unknown one);
 * FALSE if a column is missing or named twice, and the rows cannot be
 * read. */
static gboolean
read_header (FdSessionImport *self,
             GPtrArray       *fields,
             guint            n_fields,
             guint            line,
             GArray          *map)
{
  int positions[FD_SESSION_IMPORT_N_COLUMNS];
  g_autoptr(GString) unknown = g_string_new (NULL);
  guint n_unknown = 0;
  gboolean complete = TRUE;

  for (guint i = 0; i < FD_SESSION_IMPORT_N_COLUMNS; i++)
    positions[i] = -1;

  g_array_set_size (map, n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GString *field = g_ptr_array_index (fields, i);
      int column = lookup_column (field->str);

      g_array_index (map, int, i) = column;

      /* A blank cell is ignored: spreadsheets often end rows with a
       * separator */
      if (column < 0)
        {
          if (!is_blank (field))
            {
              if (n_unknown < MAX_UNKNOWN_COLUMNS)
                {
                  g_autofree char *name = quote (field->str);

                  if (unknown->len > 0)
                    g_string_append (unknown, ", ");
                  g_string_append_printf (unknown, "“%s”", name);
                }
              n_unknown++;
            }
          continue;
        }

      if (positions[column] >= 0)
        {
          add_problem_take (self, self->read_problems, line, NULL,
                            g_strdup_printf (_("the column “%s” appears twice"),
                                             column_names[column]));
          complete = FALSE;
          continue;
        }
      positions[column] = (int) i;
    }

  for (guint i = 0; i < FD_SESSION_IMPORT_N_COLUMNS; i++)
    if (positions[i] < 0)
      {
        add_problem_take (self, self->read_problems, line, NULL,
                          g_strdup_printf (_("the column “%s” is missing"), column_names[i]));
        complete = FALSE;
      }

  if (n_unknown > MAX_UNKNOWN_COLUMNS)
    add_problem_take (self, self->read_problems, line, NULL,
                      /* Translators: %1$s lists column names, %2$u how many more there are */
                      g_strdup_printf (ngettext ("unknown columns %1$s and %2$u other",
                                                 "unknown columns %1$s and %2$u others",
                                                 n_unknown - MAX_UNKNOWN_COLUMNS),
                                       unknown->str, n_unknown - MAX_UNKNOWN_COLUMNS));
  else if (n_unknown > 0)
    add_problem_take (self, self->read_problems, line, NULL,
                      /* Translators: %s lists column names */
                      g_strdup_printf (ngettext ("unknown column %s", "unknown columns %s",
                                                 n_unknown),
                                       unknown->str));

  return complete;
}

static gboolean
read_rows (FdSessionImport  *self,
           const char       *text,
           gsize             length,
           GError          **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (string_free);
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (int));
  Reader reader = { text, text + length, 1, ';' };
  gboolean header_read = FALSE;
  gboolean header_complete = FALSE;
  guint n_fields = 0;
  guint line = 0;
  int stray = -1;
  ReadResult result;

  reader.separator = detect_separator (text, text + length);

  while ((result = read_record (&reader, fields, &n_fields, &line, &stray, error)) == READ_RECORD)
    {
      Row row = { line, { NULL, } };

      if (record_is_blank (fields, n_fields))
        continue;

      if (!header_read)
        {
          header_read = TRUE;
          header_complete = read_header (self, fields, n_fields, line, map);
          continue;
        }

      if (!header_complete)
        continue;

      if (n_fields != map->len)
        {
          add_problem_take (self, self->read_problems, line, NULL,
                            /* Translators: %1$u is a number of fields, %2$u the header's */
                            g_strdup_printf (ngettext ("the row has %1$u field where the header "
                                                       "has %2$u",
                                                       "the row has %1$u fields where the header "
                                                       "has %2$u",
                                                       n_fields),
                                             n_fields, map->len));
          continue;
        }

      if (stray >= 0)
        {
          int column = g_array_index (map, int, stray);

          add_problem_take (self, self->read_problems, line,
                            column >= 0 ? column_names[column] : NULL,
                            g_strdup (_("text follows the closing quote of the field")));
          continue;
        }

      for (guint i = 0; i < n_fields; i++)
        {
          int column = g_array_index (map, int, i);
          GString *field = g_ptr_array_index (fields, i);

          if (column >= 0)
            row.values[column] = insert_trimmed (self, field->str, field->len);
        }
      g_array_append_val (self->rows, row);
    }

  if (result == READ_FAILED)
    return FALSE;

  if (!header_read)
    {
      g_set_error_literal (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_EMPTY,
                           _("The file is empty."));
      return FALSE;
    }

  return TRUE;
}

/**
 * fd_session_import_parse_csv:
 * @bytes: the file's contents
 * @error: return location for a #GError
 *
 * Reads a CSV file of sessions, one row per slot, with a header naming
 * the columns (see #FdSessionImportColumn) in any order. The separator is
 * ";" or ",", whichever the header uses; fields may be quoted as RFC 4180
 * says; lines end in CRLF, LF or CR; the text is UTF-8, with or without a
 * byte order mark, or else Windows-1252 (what French spreadsheets save).
 *
 * What cannot be read in a row (a wrong number of fields, text after a
 * closing quote) or in the header (a missing column) is a problem of that
 * line (fd_session_import_get_problems()); the other rows are still read.
 *
 * Returns: (transfer full): the import, or %NULL with @error set if the
 *   file is empty, is not text (NUL bytes, UTF-16), is neither UTF-8 nor
 *   Windows-1252, or leaves a quote open
 */
FdSessionImport *
fd_session_import_parse_csv (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(FdSessionImport) self = NULL;
  g_autofree char *converted = NULL;
  const guchar *data;
  const char *text;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    {
      g_set_error_literal (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_ENCODING,
                           _("The file is in UTF-16: save it as CSV in UTF-8."));
      return NULL;
    }

  if (length > 0 && memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_NOT_TEXT,
                           _("The file holds NUL bytes: it is not a CSV text file."));
      return NULL;
    }

  text = (const char *) data;
  if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    {
      text += 3;
      length -= 3;
    }

  if (length == 0)
    {
      g_set_error_literal (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  if (!g_utf8_validate_len (text, length, NULL))
    {
      gsize written = 0;

      converted = g_convert (text, (gssize) length, "UTF-8", "WINDOWS-1252", NULL, &written,
                             NULL);
      if (converted == NULL)
        {
          g_set_error_literal (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_ENCODING,
                               _("The file is neither UTF-8 nor Windows-1252 text."));
          return NULL;
        }
      text = converted;
      length = written;
    }

  self = fd_session_import_new ();
  if (!read_rows (self, text, length, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Values                                                               */

/* Reads 1 to @max digits; the number of digits read, 0 if none */
static guint
read_digits (const char **p,
             guint        max,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }

  return n;
}

/* DD/MM/YYYY (D/M/YYYY, or with dots), or ISO YYYY-MM-DD */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  const char *p = text;
  guint first;
  guint second;
  guint third;
  guint n_first;
  guint day;
  guint month;
  guint year;
  char separator;

  n_first = read_digits (&p, 4, &first);
  if (n_first == 0 || (*p != '/' && *p != '.' && *p != '-'))
    return FALSE;
  separator = *p++;
  if (read_digits (&p, 2, &second) == 0 || *p != separator)
    return FALSE;
  p++;

  if (n_first == 4 && separator == '-')
    {
      if (read_digits (&p, 2, &third) != 2)
        return FALSE;
      year = first;
      month = second;
      day = third;
    }
  else if (n_first <= 2 && separator != '-')
    {
      if (read_digits (&p, 4, &third) != 4)
        return FALSE;
      day = first;
      month = second;
      year = third;
    }
  else
    return FALSE;

  if (*p != '\0' || year < FD_SESSION_YEAR_MIN || year > FD_SESSION_YEAR_MAX || month < 1 ||
      month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/* HH:MM (H:MM, 9h30, 9h; seconds are dropped) into minutes since midnight */
static gboolean
parse_time (const char *text,
            int        *minutes)
{
  const char *p = text;
  guint hours;
  guint mins = 0;
  guint seconds;
  guint n;
  char separator;

  if (read_digits (&p, 2, &hours) == 0 || (*p != ':' && *p != 'h' && *p != 'H'))
    return FALSE;
  separator = *p++;

  n = read_digits (&p, 2, &mins);
  if (n == 1 || (n == 0 && separator == ':'))
    return FALSE;
  if (n == 2 && separator == ':' && *p == ':')
    {
      p++;
      if (read_digits (&p, 2, &seconds) != 2 || seconds > 59)
        return FALSE;
    }

  if (*p != '\0' || hours > 23 || mins > 59)
    return FALSE;

  *minutes = (int) (hours * 60 + mins);

  return TRUE;
}

static gboolean
parse_minutes (const char *text,
               int        *minutes)
{
  const char *p = text;
  guint value;

  if (*text == '\0')
    {
      *minutes = 0;
      return TRUE;
    }

  if (read_digits (&p, 4, &value) == 0 || *p != '\0' || value > 24 * 60)
    return FALSE;

  *minutes = (int) value;

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* What the database holds                                              */

static void
training_free (Training *training)
{
  g_free (training->known.id);
  g_free (training->code);
  g_free (training->title);
  g_free (training->certification_id);
  g_free (training->dispositif);
  g_free (training->comments);
  g_free (training->evaluation);
  g_free (training);
}

static Training *
training_copy (const Training *training)
{
  Training *copy = g_memdup2 (training, sizeof *training);

  copy->known.id = g_strdup (training->known.id);
  copy->code = g_strdup (training->code);
  copy->title = g_strdup (training->title);
  copy->certification_id = g_strdup (training->certification_id);
  copy->dispositif = g_strdup (training->dispositif);
  copy->comments = g_strdup (training->comments);
  copy->evaluation = g_strdup (training->evaluation);

  return copy;
}

static void
place_free (Place *place)
{
  g_free (place->known.id);
  g_free (place->name);
  g_free (place);
}

static void
room_free (Room *room)
{
  g_free (room->known.id);
  g_free (room->name);
  g_free (room);
}

static void
trainer_free (Trainer *trainer)
{
  g_free (trainer->known.id);
  g_free (trainer->first_name);
  g_free (trainer->last_name);
  g_free (trainer);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Inserts @value under @key (both taken) unless a live row already has
 * that key */
static void
insert_unique (GHashTable     *table,
               char           *key,
               Known          *value,
               GDestroyNotify  free_value)
{
  Known *existing = g_hash_table_lookup (table, key);

  if (existing == NULL || (existing->deleted && !value->deleted))
    {
      g_hash_table_insert (table, key, value);
      return;
    }

  if (!existing->deleted && !value->deleted)
    existing->ambiguous = TRUE;
  g_free (key);
  free_value (value);
}

static gboolean
load_trainings (Checker  *checker,
                GError  **error)
{
  static const char sql[] =
    "SELECT id, code, title, deleted, certification_id, capacity_min, capacity_target,"
    " capacity_max, dispositif, eligible_funding, comments, price_cents, evaluation"
    " FROM training";
  sqlite3_stmt *stmt = _fd_database_prepare (checker->database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Training *training = g_new0 (Training, 1);

      training->known.id = column_dup (stmt, 0);
      training->code = column_dup (stmt, 1);
      training->title = column_dup (stmt, 2);
      training->known.deleted = sqlite3_column_int (stmt, 3) != 0;
      training->certification_id = column_dup (stmt, 4);
      training->capacity_min = sqlite3_column_int (stmt, 5);
      training->capacity_target = sqlite3_column_int (stmt, 6);
      training->capacity_max = sqlite3_column_int (stmt, 7);
      training->dispositif = column_dup (stmt, 8);
      training->eligible_funding = sqlite3_column_int (stmt, 9) != 0;
      training->comments = column_dup (stmt, 10);
      training->price_cents = sqlite3_column_int64 (stmt, 11);
      training->evaluation = column_dup (stmt, 12);

      insert_unique (checker->trainings, fd_text_fold (training->code), &training->known,
                     (GDestroyNotify) training_free);
    }
  if (rc != SQLITE_DONE)
    _fd_database_set_error (checker->database, error, sql);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static gboolean
load_places (Checker  *checker,
             GError  **error)
{
  static const char places_sql[] = "SELECT id, name, deleted FROM place";
  static const char rooms_sql[] =
    "SELECT r.id, r.place_id, r.name, r.deleted, p.name FROM room r"
    " LEFT JOIN place p ON p.id = r.place_id";
  sqlite3_stmt *stmt;
  int rc;

  stmt = _fd_database_prepare (checker->database, places_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Place *place = g_new0 (Place, 1);

      place->known.id = column_dup (stmt, 0);
      place->name = column_dup (stmt, 1);
      place->known.deleted = sqlite3_column_int (stmt, 2) != 0;
      insert_unique (checker->places, fd_text_fold (place->name), &place->known,
                     (GDestroyNotify) place_free);
    }
  if (rc != SQLITE_DONE)
    _fd_database_set_error (checker->database, error, places_sql);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  stmt = _fd_database_prepare (checker->database, rooms_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Room *room = g_new0 (Room, 1);
      g_autofree char *folded = NULL;

      room->known.id = column_dup (stmt, 0);
      room->name = column_dup (stmt, 2);
      room->known.deleted = sqlite3_column_int (stmt, 3) != 0;
      folded = fd_text_fold (room->name);

      if (!room->known.deleted && sqlite3_column_type (stmt, 4) != SQLITE_NULL &&
          !g_hash_table_contains (checker->room_places, folded))
        g_hash_table_insert (checker->room_places, g_strdup (folded), column_dup (stmt, 4));

      insert_unique (checker->rooms,
                     g_strconcat ((const char *) sqlite3_column_text (stmt, 1), "\n", folded, NULL),
                     &room->known, (GDestroyNotify) room_free);
    }
  if (rc != SQLITE_DONE)
    _fd_database_set_error (checker->database, error, rooms_sql);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static char *
email_key (const char *email)
{
  g_autofree char *normalized = fd_normalize_email (email);

  return normalized != NULL ? g_ascii_strdown (normalized, -1) : NULL;
}

static gboolean
load_trainers (Checker  *checker,
               GError  **error)
{
  static const char sql[] =
    "SELECT id, email, first_name, last_name, deleted FROM trainer WHERE email IS NOT NULL";
  sqlite3_stmt *stmt = _fd_database_prepare (checker->database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key = email_key ((const char *) sqlite3_column_text (stmt, 1));
      Trainer *trainer;

      if (key == NULL)
        continue;

      trainer = g_new0 (Trainer, 1);
      trainer->known.id = column_dup (stmt, 0);
      trainer->first_name = column_dup (stmt, 2);
      trainer->last_name = column_dup (stmt, 3);
      trainer->known.deleted = sqlite3_column_int (stmt, 4) != 0;
      insert_unique (checker->trainers, key, &trainer->known, (GDestroyNotify) trainer_free);
    }
  if (rc != SQLITE_DONE)
    _fd_database_set_error (checker->database, error, sql);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static gboolean
load_imported (Checker  *checker,
               GError  **error)
{
  static const char sql[] =
    "SELECT external_reference, code FROM session"
    " WHERE deleted = 0 AND external_reference IS NOT NULL";
  sqlite3_stmt *stmt = _fd_database_prepare (checker->database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (checker->imported, column_dup (stmt, 0), column_dup (stmt, 1));
  if (rc != SQLITE_DONE)
    _fd_database_set_error (checker->database, error, sql);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

/* ------------------------------------------------------------------ */
/* Checking rows                                                        */

static void
add_check_problem (Checker               *checker,
                   const Row             *row,
                   FdSessionImportColumn  column,
                   char                  *message)
{
  add_problem_take (checker->import, checker->import->check_problems, row->line,
                    column_names[column], message);
}

/* Looks @value up in @table by its folded form, remembering the answer
 * per raw value: the same names come back on many rows. */
static gpointer
lookup_folded (Checker    *checker,
               GHashTable *table,
               const char *prefix,
               const char *value)
{
  g_autofree char *memo_key = g_strconcat (prefix, "\x1f", value, NULL);
  gpointer found;

  if (g_hash_table_lookup_extended (checker->memo, memo_key, NULL, &found))
    return found;

  {
    g_autofree char *folded = fd_text_fold (value);
    g_autofree char *key = NULL;

    /* rooms are keyed by their place too */
    if (table == checker->rooms)
      key = g_strconcat (prefix, "\n", folded, NULL);
    found = g_hash_table_lookup (table, key != NULL ? key : folded);
  }

  g_hash_table_insert (checker->memo, g_steal_pointer (&memo_key), found);

  return found;
}

static const Training *
check_training (Checker    *checker,
                const Row  *row)
{
  const char *code = row->values[FD_SESSION_IMPORT_COLUMN_TRAINING];
  const Training *training;
  g_autofree char *quoted = NULL;

  if (*code == '\0')
    return NULL;

  training = lookup_folded (checker, checker->trainings, "training", code);
  quoted = quote (code);
  if (training == NULL)
    add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_TRAINING,
                       g_strdup_printf (_("no training has the code “%s”"), quoted));
  else if (training->known.deleted)
    add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_TRAINING,
                       g_strdup_printf (_("the training “%s” was deleted"), quoted));
  else if (training->known.ambiguous)
    add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_TRAINING,
                       g_strdup_printf (_("several trainings have the code “%s”"), quoted));
  else
    return training;

  return NULL;
}

/* The session type, "intra" or "inter", or NULL */
static const char *
check_kind (Checker    *checker,
            const Row  *row)
{
  const char *value = row->values[FD_SESSION_IMPORT_COLUMN_KIND];
  g_autofree char *folded = NULL;
  g_autofree char *quoted = NULL;

  if (*value == '\0')
    return NULL;

  folded = fd_text_fold (value);
  if (g_str_equal (folded, "intra"))
    return "intra";
  if (g_str_equal (folded, "inter"))
    return "inter";

  quoted = quote (value);
  add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_KIND,
                     g_strdup_printf (_("“%s” is not a session type: write intra or inter"),
                                      quoted));

  return NULL;
}

static const Place *
check_place (Checker    *checker,
             const Row  *row)
{
  const char *name = row->values[FD_SESSION_IMPORT_COLUMN_PLACE];
  const Place *place;
  g_autofree char *quoted = NULL;

  if (*name == '\0')
    return NULL;

  place = lookup_folded (checker, checker->places, "place", name);
  quoted = quote (name);
  if (place == NULL)
    add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_PLACE,
                       g_strdup_printf (_("no place is named “%s”"), quoted));
  else if (place->known.deleted)
    add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_PLACE,
                       g_strdup_printf (_("the place “%s” was deleted"), quoted));
  else if (place->known.ambiguous)
    add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_PLACE,
                       g_strdup_printf (_("several places are named “%s”"), quoted));
  else
    return place;

  return NULL;
}

/* @place_ok: whether the row's place, if any, was found */
static const Room *
check_room (Checker     *checker,
            const Row   *row,
            const Place *place,
            gboolean     place_ok)
{
  const char *name = row->values[FD_SESSION_IMPORT_COLUMN_ROOM];
  const Room *room;
  g_autofree char *quoted = NULL;

  if (*name == '\0')
    return NULL;

  quoted = quote (name);
  if (*row->values[FD_SESSION_IMPORT_COLUMN_PLACE] == '\0')
    {
      add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_ROOM,
                         g_strdup_printf (_("the room “%s” needs its place in the column lieu"),
                                          quoted));
      return NULL;
    }
  if (!place_ok)
    return NULL;

  room = lookup_folded (checker, checker->rooms, place->known.id, name);
  if (room == NULL)
    {
      g_autofree char *folded = fd_text_fold (name);
      const char *elsewhere = g_hash_table_lookup (checker->room_places, folded);

      if (elsewhere != NULL)
        {
          g_autofree char *quoted_elsewhere = quote (elsewhere);
          g_autofree char *quoted_place = quote (place->name);

          add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_ROOM,
                             /* Translators: %1$s is a room, %2$s the place it is in,
                              * %3$s the place of the row */
                             g_strdup_printf (_("the room “%1$s” is in “%2$s”, "
                                                "not in “%3$s”"),
                                              quoted, quoted_elsewhere, quoted_place));
        }
      else
        {
          g_autofree char *quoted_place = quote (place->name);

          add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_ROOM,
                             /* Translators: %1$s is a place, %2$s a room name */
                             g_strdup_printf (_("“%1$s” has no room named “%2$s”"),
                                              quoted_place, quoted));
        }
    }
  else if (room->known.deleted)
    add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_ROOM,
                       g_strdup_printf (_("the room “%s” was deleted"), quoted));
  else if (room->known.ambiguous)
    add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_ROOM,
                       g_strdup_printf (_("several rooms of this place are named “%s”"),
                                        quoted));
  else
    return room;

  return NULL;
}

/* Adds the ids of the row's trainers to @ids, each once; FALSE if one is
 * not a live trainer */
static gboolean
check_trainers (Checker    *checker,
                const Row  *row,
                GPtrArray  *ids)
{
  g_auto(GStrv) emails = g_strsplit_set (row->values[FD_SESSION_IMPORT_COLUMN_TRAINERS], ",;", -1);
  gboolean ok = TRUE;

  for (guint i = 0; emails[i] != NULL; i++)
    {
      const char *email = g_strstrip (emails[i]);
      g_autofree char *quoted = NULL;
      g_autofree char *key = NULL;
      const Trainer *trainer;

      if (*email == '\0')
        continue;

      quoted = quote (email);
      key = email_key (email);
      if (key == NULL)
        {
          add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_TRAINERS,
                             g_strdup_printf (_("“%s” is not an email address"), quoted));
          ok = FALSE;
          continue;
        }

      trainer = g_hash_table_lookup (checker->trainers, key);
      if (trainer == NULL)
        add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_TRAINERS,
                           g_strdup_printf (_("no trainer has the email “%s”"), quoted));
      else if (trainer->known.deleted)
        add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_TRAINERS,
                           /* Translators: %1$s %2$s is a name, %3$s an email */
                           g_strdup_printf (_("the trainer %1$s %2$s (%3$s) was deleted"),
                                            trainer->first_name, trainer->last_name, quoted));
      else if (trainer->known.ambiguous)
        add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_TRAINERS,
                           g_strdup_printf (_("several trainers have the email “%s”"), quoted));
      else
        {
          gboolean listed = FALSE;

          for (guint j = 0; j < ids->len && !listed; j++)
            listed = g_str_equal (g_ptr_array_index (ids, j), trainer->known.id);
          if (!listed)
            g_ptr_array_add (ids, g_strdup (trainer->known.id));
          continue;
        }

      ok = FALSE;
    }

  return ok;
}

static Session *
session_new (Checker         *checker,
             const Row       *row,
             const Training  *training,
             const char      *kind)
{
  Session *session = g_new0 (Session, 1);
  const char *label = row->values[FD_SESSION_IMPORT_COLUMN_LABEL];

  session->session.reference = g_strdup (row->values[FD_SESSION_IMPORT_COLUMN_REFERENCE]);
  session->session.line = row->line;
  session->session.training_code = g_strdup (row->values[FD_SESSION_IMPORT_COLUMN_TRAINING]);
  session->session.kind = g_strdup (kind);
  session->session.sequences = g_ptr_array_new_with_free_func (g_free);
  session->session.slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
  session->training = training != NULL ? training_copy (training) : NULL;
  session->folded_training = fd_text_fold (row->values[FD_SESSION_IMPORT_COLUMN_TRAINING]);
  session->kind_of_file = g_strdup (kind);
  session->sequence_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (training != NULL)
    {
      session->session.training_id = g_strdup (training->known.id);
      session->session.training_title = g_strdup (training->title);
    }

  if (*label != '\0')
    {
      session->session.label = g_strdup (label);
      session->label_of_file = TRUE;
      session->label_line = row->line;
    }
  else if (training != NULL)
    session->session.label = g_strdup (training->title);

  g_ptr_array_add (checker->import->sessions, session);
  g_hash_table_insert (checker->sessions, session->session.reference, session);

  return session;
}

/* The row's session, made by its first row; the other rows must agree
 * with it on the training, the type and the label. */
static Session *
group_row (Checker         *checker,
           const Row       *row,
           const Training  *training,
           const char      *kind,
           gboolean        *ok)
{
  const char *reference = row->values[FD_SESSION_IMPORT_COLUMN_REFERENCE];
  const char *label = row->values[FD_SESSION_IMPORT_COLUMN_LABEL];
  g_autofree char *quoted = NULL;
  Session *session;

  if (*reference == '\0')
    return NULL;

  quoted = quote (reference);
  session = g_hash_table_lookup (checker->sessions, reference);
  if (session == NULL)
    {
      const char *code = g_hash_table_lookup (checker->imported, reference);

      session = session_new (checker, row, training, kind);
      if (code != NULL)
        {
          add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_REFERENCE,
                             /* Translators: %1$s is a partner's reference, %2$s a session code */
                             g_strdup_printf (_("the session “%1$s” was already imported "
                                                "as %2$s"),
                                              quoted, code));
          *ok = FALSE;
        }
      return session;
    }

  /* An unknown training was reported already */
  if (training != NULL)
    {
      g_autofree char *folded = fd_text_fold (row->values[FD_SESSION_IMPORT_COLUMN_TRAINING]);

      if (!g_str_equal (folded, session->folded_training) && *session->folded_training != '\0')
        {
          g_autofree char *first = quote (session->session.training_code);

          add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_TRAINING,
                             /* Translators: %1$s is a reference, %2$s a training code,
                              * %3$u a line number */
                             g_strdup_printf (_("the session “%1$s” already has the training "
                                                "“%2$s” (line %3$u)"),
                                              quoted, first, session->session.line));
          *ok = FALSE;
        }
    }

  if (kind != NULL && session->kind_of_file != NULL && !g_str_equal (kind, session->kind_of_file))
    {
      add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_KIND,
                         /* Translators: %1$s is a reference, %2$s intra or inter,
                          * %3$u a line number */
                         g_strdup_printf (_("the session “%1$s” is already of type %2$s "
                                            "(line %3$u)"),
                                          quoted, session->kind_of_file, session->session.line));
      *ok = FALSE;
    }

  if (*label != '\0')
    {
      if (!session->label_of_file)
        {
          g_free (session->session.label);
          session->session.label = g_strdup (label);
          session->label_of_file = TRUE;
          session->label_line = row->line;
        }
      else if (!g_str_equal (label, session->session.label))
        {
          g_autofree char *first = quote (session->session.label);

          add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_LABEL,
                             /* Translators: %1$s is a reference, %2$s a label,
                              * %3$u a line number */
                             g_strdup_printf (_("the session “%1$s” already has the label "
                                                "“%2$s” (line %3$u)"),
                                              quoted, first, session->label_line));
          *ok = FALSE;
        }
    }

  return session;
}

static char *
iso_date_time (const GDate *date,
               int          minutes)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", (int) g_date_get_year (date),
                          (int) g_date_get_month (date), (int) g_date_get_day (date),
                          minutes / 60, minutes % 60);
}

static void
add_slot (Session      *session,
          const Row    *row,
          const GDate  *date,
          int           start,
          int           end,
          int           break_minutes,
          const Place  *place,
          const Room   *room,
          GPtrArray    *trainer_ids)
{
  const char *label = row->values[FD_SESSION_IMPORT_COLUMN_SEQUENCE];
  g_autofree char *folded = fd_text_fold (label);
  Slot *slot = g_new0 (Slot, 1);
  gpointer index;

  if (!g_hash_table_lookup_extended (session->sequence_index, folded, NULL, &index))
    {
      g_ptr_array_add (session->session.sequences, g_strdup (label));
      index = GUINT_TO_POINTER (session->session.sequences->len);
      g_hash_table_insert (session->sequence_index, g_steal_pointer (&folded), index);
    }

  slot->sequence_index = GPOINTER_TO_UINT (index) - 1;
  slot->slot.line = row->line;
  slot->slot.sequence = g_strdup (g_ptr_array_index (session->session.sequences,
                                                     slot->sequence_index));
  slot->slot.start_at = iso_date_time (date, start);
  slot->slot.end_at = iso_date_time (date, end);
  slot->slot.break_minutes = break_minutes;
  if (place != NULL)
    {
      slot->slot.place_id = g_strdup (place->known.id);
      slot->slot.place_name = g_strdup (place->name);
    }
  if (room != NULL)
    {
      slot->slot.room_id = g_strdup (room->known.id);
      slot->slot.room_name = g_strdup (room->name);
    }
  slot->slot.trainer_ids = g_ptr_array_ref (trainer_ids);
  slot->slot.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  g_ptr_array_add (session->session.slots, slot);
}

static void
check_row (Checker   *checker,
           const Row *row)
{
  static const FdSessionImportColumn required[] = {
    FD_SESSION_IMPORT_COLUMN_REFERENCE, FD_SESSION_IMPORT_COLUMN_TRAINING,
    FD_SESSION_IMPORT_COLUMN_KIND, FD_SESSION_IMPORT_COLUMN_SEQUENCE,
    FD_SESSION_IMPORT_COLUMN_DATE, FD_SESSION_IMPORT_COLUMN_START,
    FD_SESSION_IMPORT_COLUMN_END,
  };
  g_autoptr(GPtrArray) trainer_ids = g_ptr_array_new_with_free_func (g_free);
  const Training *training;
  const char *kind;
  const Place *place;
  const Room *room;
  Session *session;
  gboolean ok = TRUE;
  gboolean date_ok;
  gboolean start_ok;
  gboolean end_ok;
  gboolean break_ok;
  int start = 0;
  int end = 0;
  int break_minutes = 0;
  GDate date;

  g_date_clear (&date, 1);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (*row->values[required[i]] == '\0')
      {
        add_check_problem (checker, row, required[i], g_strdup (_("a value is required")));
        ok = FALSE;
      }

  training = check_training (checker, row);
  ok = ok && training != NULL;

  kind = check_kind (checker, row);
  ok = ok && kind != NULL;

  date_ok = parse_date (row->values[FD_SESSION_IMPORT_COLUMN_DATE], &date);
  if (!date_ok && *row->values[FD_SESSION_IMPORT_COLUMN_DATE] != '\0')
    {
      g_autofree char *quoted = quote (row->values[FD_SESSION_IMPORT_COLUMN_DATE]);

      add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_DATE,
                         g_strdup_printf (_("“%s” is not a date: write DD/MM/YYYY"), quoted));
    }

  start_ok = parse_time (row->values[FD_SESSION_IMPORT_COLUMN_START], &start);
  if (!start_ok && *row->values[FD_SESSION_IMPORT_COLUMN_START] != '\0')
    {
      g_autofree char *quoted = quote (row->values[FD_SESSION_IMPORT_COLUMN_START]);

      add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_START,
                         g_strdup_printf (_("“%s” is not a time: write HH:MM"), quoted));
    }

  end_ok = parse_time (row->values[FD_SESSION_IMPORT_COLUMN_END], &end);
  if (!end_ok && *row->values[FD_SESSION_IMPORT_COLUMN_END] != '\0')
    {
      g_autofree char *quoted = quote (row->values[FD_SESSION_IMPORT_COLUMN_END]);

      add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_END,
                         g_strdup_printf (_("“%s” is not a time: write HH:MM"), quoted));
    }
  else if (end_ok && start_ok && end <= start)
    {
      add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_END,
                         /* Translators: %1$s and %2$s are times, "17:00" */
                         g_strdup_printf (_("the slot ends at %1$s, not after its start at %2$s"),
                                          row->values[FD_SESSION_IMPORT_COLUMN_END],
                                          row->values[FD_SESSION_IMPORT_COLUMN_START]));
      end_ok = FALSE;
    }

  break_ok = parse_minutes (row->values[FD_SESSION_IMPORT_COLUMN_BREAK], &break_minutes);
  if (!break_ok)
    {
      g_autofree char *quoted = quote (row->values[FD_SESSION_IMPORT_COLUMN_BREAK]);

      add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_BREAK,
                         g_strdup_printf (_("“%s” is not a number of minutes"), quoted));
    }
  else if (start_ok && end_ok && break_minutes >= end - start)
    {
      add_check_problem (checker, row, FD_SESSION_IMPORT_COLUMN_BREAK,
                         /* Translators: both are numbers of minutes */
                         g_strdup_printf (_("a break of %1$d minutes does not fit in a slot "
                                            "of %2$d minutes"),
                                          break_minutes, end - start));
      break_ok = FALSE;
    }

  ok = ok && date_ok && start_ok && end_ok && break_ok;

  place = check_place (checker, row);
  ok = ok && (place != NULL || *row->values[FD_SESSION_IMPORT_COLUMN_PLACE] == '\0');

  room = check_room (checker, row, place, place != NULL);
  ok = ok && (room != NULL || *row->values[FD_SESSION_IMPORT_COLUMN_ROOM] == '\0');

  ok = check_trainers (checker, row, trainer_ids) && ok;

  session = group_row (checker, row, training, kind, &ok);

  if (ok && session != NULL)
    add_slot (session, row, &date, start, end, break_minutes, place, room, trainer_ids);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const FdSessionImportSlot *x = *(FdSessionImportSlot * const *) a;
  const FdSessionImportSlot *y = *(FdSessionImportSlot * const *) b;
  int order = strcmp (x->start_at, y->start_at);

  if (order == 0)
    order = strcmp (x->end_at, y->end_at);
  if (order == 0)
    order = x->line < y->line ? -1 : x->line > y->line;

  return order;
}

static void
finish_sessions (FdSessionImport *self)
{
  for (guint i = 0; i < self->sessions->len; i++)
    {
      FdSessionImportSession *session = g_ptr_array_index (self->sessions, i);
      FdSessionImportSlot *first;

      if (session->slots->len == 0)
        continue;

      g_ptr_array_sort (session->slots, compare_slots);
      first = g_ptr_array_index (session->slots, 0);
      session->start_at = g_strdup (first->start_at);
      session->year = (int) g_ascii_strtoll (first->start_at, NULL, 10);
      for (guint j = 0; j < session->slots->len; j++)
        {
          FdSessionImportSlot *slot = g_ptr_array_index (session->slots, j);

          if (session->end_at == NULL || strcmp (slot->end_at, session->end_at) > 0)
            {
              g_free (session->end_at);
              session->end_at = g_strdup (slot->end_at);
            }
        }
    }
}

static void
add_warning_take (FdSessionImport     *self,
                  FdSessionImportSlot *slot,
                  char                *message)
{
  add_problem_take (self, slot->warnings, slot->line, NULL, message);
}

static gboolean
share_a_trainer (const FdSessionImportSlot *a,
                 const FdSessionImportSlot *b,
                 const char               **trainer_id)
{
  for (guint i = 0; i < a->trainer_ids->len; i++)
    for (guint j = 0; j < b->trainer_ids->len; j++)
      if (g_str_equal (g_ptr_array_index (a->trainer_ids, i), g_ptr_array_index (b->trainer_ids, j)))
        {
          *trainer_id = g_ptr_array_index (a->trainer_ids, i);
          return TRUE;
        }

  return FALSE;
}

static int
compare_slot_starts (gconstpointer a,
                     gconstpointer b)
{
  const FdSessionImportSlot *x = *(FdSessionImportSlot * const *) a;
  const FdSessionImportSlot *y = *(FdSessionImportSlot * const *) b;

  return strcmp (x->start_at, y->start_at);
}

/* Slots of the file that overlap in time and share a trainer or a room:
 * each pair is told on the later row. Slots are compared by their local
 * times: a file's slots are at most a few places of one region. */
static void
check_file_overlaps (FdSessionImport *self,
                     GPtrArray       *slots)
{
  g_ptr_array_sort (slots, compare_slot_starts);

  /* In start order, a slot overlaps only those starting before its end */
  for (guint i = 0; i < slots->len; i++)
    for (guint j = i + 1; j < slots->len; j++)
      {
        FdSessionImportSlot *a = g_ptr_array_index (slots, i);
        FdSessionImportSlot *b = g_ptr_array_index (slots, j);
        FdSessionImportSlot *later = a->line > b->line ? a : b;
        FdSessionImportSlot *earlier = later == a ? b : a;
        const char *trainer_id = NULL;

        if (strcmp (b->start_at, a->end_at) >= 0)
          break;

        if (share_a_trainer (a, b, &trainer_id))
          /* Translators: %u is a line number of the imported file */
          add_warning_take (self, later,
                            g_strdup_printf (_("the same trainer is also on line %u at that time"),
                                             earlier->line));
        if (a->room_id != NULL && g_strcmp0 (a->room_id, b->room_id) == 0)
          add_warning_take (self, later,
                            g_strdup_printf (_("the same room is also booked on line %u at that time"),
                                             earlier->line));
      }
}

/* Conflicts (a trainer or a room booked twice, a trainer unavailable or
 * at two places a day) are warnings: they do not stop the import, and the
 * sessions come in as drafts to be sorted out. The core's conflict rules
 * check each slot against the database; the file's own slots are then
 * compared with each other. */
static gboolean
check_conflicts (Checker  *checker,
                 GError  **error)
{
  FdSessionImport *self = checker->import;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < self->sessions->len; i++)
    {
      FdSessionImportSession *session = g_ptr_array_index (self->sessions, i);

      for (guint k = 0; k < session->slots->len; k++)
        {
          FdSessionImportSlot *slot = g_ptr_array_index (session->slots, k);
          g_autoptr(FdSlotProposal) proposal = fd_slot_proposal_new (NULL);
          g_autoptr(GPtrArray) conflicts = NULL;

          fd_slot_proposal_set_times (proposal, slot->start_at, slot->end_at);
          fd_slot_proposal_set_place_id (proposal, slot->place_id);
          fd_slot_proposal_set_room_id (proposal, slot->room_id);
          for (guint t = 0; t < slot->trainer_ids->len; t++)
            fd_slot_proposal_add_trainer (proposal, g_ptr_array_index (slot->trainer_ids, t));

          conflicts = fd_conflicts_check_proposal (checker->database, proposal, error);
          if (conflicts == NULL)
            return FALSE;
          for (guint c = 0; c < conflicts->len; c++)
            add_warning_take (self, slot,
                              g_strdup (fd_conflict_get_message (g_ptr_array_index (conflicts, c))));
          g_ptr_array_add (all, slot);
        }
    }

  check_file_overlaps (self, all);

  return TRUE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *x = *(Problem * const *) a;
  const Problem *y = *(Problem * const *) b;

  if (x->problem.line != y->problem.line)
    return x->problem.line < y->problem.line ? -1 : 1;

  return x->order < y->order ? -1 : x->order > y->order;
}

/**
 * fd_session_import_check:
 * @database: a #FdDatabase
 * @self: an import
 * @error: return location for a #GError
 *
 * Checks every row against @database and groups them into the sessions
 * the import would create (fd_session_import_get_sessions()), and lists
 * what is wrong (fd_session_import_get_problems()): a missing value, an
 * unknown or deleted training, place, room or trainer, a room of another
 * place, a date or time that is not one, a slot that ends before it
 * starts, a break longer than its slot, a type other than intra or
 * inter, a session whose rows disagree on its training, type or label, a
 * session already imported. Nothing is written.
 *
 * Checking again replaces the sessions and the problems found by the
 * previous check (borrowed pointers to them become invalid); the
 * problems found reading the file stay.
 *
 * Returns: %TRUE if the check ran (there may be problems), %FALSE with
 *   @error set if the database could not be read
 */
gboolean
fd_session_import_check (FdDatabase       *database,
                         FdSessionImport  *self,
                         GError          **error)
{
  Checker checker = { database, self, NULL, };
  gboolean ok;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (self->check_problems, 0);
  g_ptr_array_set_size (self->sessions, 0);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  checker.trainings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) training_free);
  checker.places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) place_free);
  checker.rooms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) room_free);
  checker.room_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  checker.trainers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) trainer_free);
  checker.imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  checker.memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker.sessions = g_hash_table_new (g_str_hash, g_str_equal);

  ok = load_trainings (&checker, error) && load_places (&checker, error) &&
       load_trainers (&checker, error) && load_imported (&checker, error);

  if (ok)
    {
      for (guint i = 0; i < self->rows->len; i++)
        check_row (&checker, &g_array_index (self->rows, Row, i));
      finish_sessions (self);
      ok = check_conflicts (&checker, error);
    }
  else
    g_ptr_array_set_size (self->sessions, 0);

  g_hash_table_unref (checker.sessions);
  g_hash_table_unref (checker.memo);
  g_hash_table_unref (checker.imported);
  g_hash_table_unref (checker.trainers);
  g_hash_table_unref (checker.room_places);
  g_hash_table_unref (checker.rooms);
  g_hash_table_unref (checker.places);
  g_hash_table_unref (checker.trainings);

  return ok;
}

/**
 * fd_session_import_get_problems:
 * @self: an import
 *
 * Returns: (transfer none) (element-type FdSessionImportProblem): what
 *   is wrong, found reading and checking, sorted by line
 */
GPtrArray *
fd_session_import_get_problems (FdSessionImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->problems == NULL)
    {
      self->problems = g_ptr_array_sized_new (self->read_problems->len +
                                              self->check_problems->len);
      for (guint i = 0; i < self->read_problems->len; i++)
        g_ptr_array_add (self->problems, g_ptr_array_index (self->read_problems, i));
      for (guint i = 0; i < self->check_problems->len; i++)
        g_ptr_array_add (self->problems, g_ptr_array_index (self->check_problems, i));
      g_ptr_array_sort (self->problems, compare_problems);
    }

  return self->problems;
}

/**
 * fd_session_import_get_sessions:
 * @self: an import
 *
 * Returns: (transfer none) (element-type FdSessionImportSession): the
 *   sessions the last check found, in the order of their first rows
 */
GPtrArray *
fd_session_import_get_sessions (FdSessionImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sessions;
}

/* The session's row: what the file says, and what the training fills in
 * when it is chosen (seeds/004). A draft, its workflow at its start; the
 * write path numbers it for its year. */
static FdChange *
session_change (const Session *session)
{
  const Training *training = session->training;
  FdChange *change = fd_change_new_create ("session");

  fd_change_set_string (change, "training_id", training->known.id);
  fd_change_set_int (change, "year", session->session.year);
  fd_change_set_string (change, "label", session->session.label);
  fd_change_set_string (change, "kind", session->session.kind);
  fd_change_set_string (change, "status", "created");
  fd_change_set_bool (change, "published", FALSE);
  fd_change_set_string (change, "external_reference", session->session.reference);
  if (training->certification_id != NULL)
    fd_change_set_string (change, "certification_id", training->certification_id);
  fd_change_set_int (change, "capacity_min", training->capacity_min);
  fd_change_set_int (change, "capacity_target", training->capacity_target);
  fd_change_set_int (change, "capacity_max", training->capacity_max);
  if (training->dispositif != NULL)
    fd_change_set_string (change, "dispositif", training->dispositif);
  fd_change_set_bool (change, "eligible_funding", training->eligible_funding);
  if (training->comments != NULL)
    fd_change_set_string (change, "comments", training->comments);
  fd_change_set_int (change, "price_cents", training->price_cents);
  if (training->evaluation != NULL)
    fd_change_set_string (change, "evaluation", training->evaluation);

  return change;
}

static void
add_session_changes (const Session *session,
                     GPtrArray     *changes)
{
  g_autoptr(GPtrArray) sequence_ids = g_ptr_array_new ();
  FdChange *change = session_change (session);
  const char *session_id = fd_change_get_id (change);

  g_ptr_array_add (changes, change);

  for (guint i = 0; i < session->session.sequences->len; i++)
    {
      FdChange *sequence = fd_change_new_create ("sequence");

      fd_change_set_string (sequence, "session_id", session_id);
      fd_change_set_int (sequence, "position", i);
      fd_change_set_string (sequence, "label", g_ptr_array_index (session->session.sequences, i));
      g_ptr_array_add (sequence_ids, (gpointer) fd_change_get_id (sequence));
      g_ptr_array_add (changes, sequence);
    }

  for (guint i = 0; i < session->session.slots->len; i++)
    {
      const Slot *slot = g_ptr_array_index (session->session.slots, i);
      FdChange *slot_change = fd_change_new_create ("slot");

      fd_change_set_string (slot_change, "sequence_id",
                            g_ptr_array_index (sequence_ids, slot->sequence_index));
      fd_change_set_string (slot_change, "session_id", session_id);
      fd_change_set_string (slot_change, "start_at", slot->slot.start_at);
      fd_change_set_string (slot_change, "end_at", slot->slot.end_at);
      fd_change_set_int (slot_change, "break_minutes", slot->slot.break_minutes);
      if (slot->slot.place_id != NULL)
        fd_change_set_string (slot_change, "place_id", slot->slot.place_id);
      if (slot->slot.room_id != NULL)
        fd_change_set_string (slot_change, "room_id", slot->slot.room_id);
      g_ptr_array_add (changes, slot_change);

      for (guint j = 0; j < slot->slot.trainer_ids->len; j++)
        {
          FdChange *staff = fd_change_new_create ("slot_staff");

          fd_change_set_string (staff, "slot_id", fd_change_get_id (slot_change));
          fd_change_set_string (staff, "trainer_id", g_ptr_array_index (slot->slot.trainer_ids, j));
          fd_change_set_string (staff, "role", "trainer");
          g_ptr_array_add (changes, staff);
        }
    }
}

/**
 * fd_session_import_apply:
 * @database: a #FdDatabase
 * @self: an import
 * @error: return location for a #GError
 *
 * Checks the import again against @database (it may have changed since
 * the preview) and, if nothing is wrong, writes its sessions as drafts
 * with their sequences, slots and trainers, in one fd_database_apply_all():
 * all or nothing. Each session's id and code, and each slot's id, are
 * then set in fd_session_import_get_sessions().
 *
 * Returns: %TRUE if everything was written; %FALSE with @error set
 *   (%FD_SESSION_IMPORT_ERROR_INVALID if there are problems,
 *   %FD_SESSION_IMPORT_ERROR_EMPTY if there is no session) and nothing
 *   written otherwise
 */
gboolean
fd_session_import_apply (FdDatabase       *database,
                         FdSessionImport  *self,
                         GError          **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *problems;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fd_session_import_check (database, self, error))
    return FALSE;

  problems = fd_session_import_get_problems (self);
  if (problems->len > 0)
    {
      g_set_error (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_INVALID,
                   ngettext ("The file has %u problem; nothing was imported.",
                             "The file has %u problems; nothing was imported.", problems->len),
                   problems->len);
      return FALSE;
    }

  if (self->sessions->len == 0)
    {
      g_set_error_literal (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_EMPTY,
                           _("The file has no session to import."));
      return FALSE;
    }

  for (guint i = 0; i < self->sessions->len; i++)
    {
      guint first = changes->len;

      g_array_append_val (firsts, first);
      add_session_changes (g_ptr_array_index (self->sessions, i), changes);
    }

  if (!fd_database_apply_all (database, changes, error))
    return FALSE;

  for (guint i = 0; i < self->sessions->len; i++)
    {
      FdSessionImportSession *session = g_ptr_array_index (self->sessions, i);
      guint next = g_array_index (firsts, guint, i);
      FdChange *change = g_ptr_array_index (changes, next);
      const FdChangeField *code = _fd_change_lookup (change, "code");

      session->id = g_strdup (fd_change_get_id (change));
      session->code = g_strdup (code != NULL && code->type == FD_FIELD_TEXT ? code->v.text : NULL);

      next += 1 + session->sequences->len;
      for (guint j = 0; j < session->slots->len; j++)
        {
          FdSessionImportSlot *slot = g_ptr_array_index (session->slots, j);

          slot->id = g_strdup (fd_change_get_id (g_ptr_array_index (changes, next)));
          next += 1 + slot->trainer_ids->len;
        }
    }

  return TRUE;
}

/**
 * fd_session_import_problem_format:
 * @problem: a problem
 *
 * Returns: (transfer full): the problem as one translated line,
 *   "line 4: formation: no training has the code “BUR-99”"
 */
char *
fd_session_import_problem_format (const FdSessionImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->column != NULL)
    /* Translators: %1$u is a line number, %2$s a column name of the file
     * (not translated: "formation"), %3$s what is wrong */
    return g_strdup_printf (_("line %1$u: %2$s: %3$s"), problem->line, problem->column,
                            problem->message);

  /* Translators: %1$u is a line number, %2$s what is wrong */
  return g_strdup_printf (_("line %1$u: %2$s"), problem->line, problem->message);
}
