/* fd-suggestion.c — what to change to solve a scheduling conflict
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-conflicts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-suggestion.h"

#include "fd-conflicts-private.h"
#include "fd-database-private.h"
#include "fd-validate.h"

#include <string.h>

/*
 * The calendar's conflict panel offers these next to each conflict; taking
 * one is an ordinary edit (FdHistory can undo it). Candidates are narrowed
 * in SQL and C (skills, rooms of the place), ranked, then tried one by one
 * with the conflict rules themselves until enough are free, so a suggestion
 * never brings a conflict of its own.
 */

struct _FdSuggestion
{
  gatomicrefcount ref_count;
  FdSuggestionKind kind;
  char *slot_id;
  char *id;
  char *name;
  char *replaces_id;
  char *reason;
};

G_DEFINE_BOXED_TYPE (FdSuggestion, fd_suggestion, fd_suggestion_ref, fd_suggestion_unref)

/* Ranks of trainers, best first */
typedef enum
{
  RANK_TAUGHT_HERE,
  RANK_TAUGHT,
  RANK_SKILLED,
  RANK_NONE,
} Rank;

typedef struct
{
  char *id;
  char *name;
  char *sort_key;
  char *skills;        /* as written, valid UTF-8 */
  char *folded_skills; /* normalised and case-folded */
  gboolean taught;
  gboolean taught_here;
  gboolean on_slot;
  gboolean checked;
  gboolean is_free;
} Candidate;

/* A skill term: as written, and folded for comparisons */
typedef struct
{
  char *text;
  char *folded;
} Term;

static const char session_sql[] =
  "SELECT e.training_id, t.title, e.label, e.capacity_target FROM session e"
  " LEFT JOIN training t ON t.id = e.training_id AND t.deleted = 0"
  " WHERE e.id = ?1 AND e.deleted = 0";

static const char trainers_sql[] =
  "SELECT id, skills, sort_key FROM trainer WHERE deleted = 0";

static const char trainer_name_sql[] =
  "SELECT first_name, last_name FROM trainer WHERE id = ?1";

/* Who taught the training ?1 before (whether at the place ?2): a scan of
 * the sessions, faster than the index of their dates (which has not the
 * training) and its lookups of each row */
#define TAUGHT_SQL(sessions, where) \
  "SELECT st.trainer_id, max(s.place_id IS ?2) FROM " sessions \
  " CROSS JOIN slot s INDEXED BY slot_session ON s.session_id = e.id AND s.deleted = 0" \
  " CROSS JOIN slot_staff st ON st.slot_id = s.id AND st.deleted = 0" \
  " WHERE " where " GROUP BY st.trainer_id"

static const char taught_training_sql[] =
  TAUGHT_SQL ("session e NOT INDEXED", "e.training_id = ?1 AND e.deleted = 0");

/* Without a training: who taught the session ?1 itself */
static const char taught_session_sql[] = TAUGHT_SQL ("session e", "e.id = ?1");

static const char rooms_sql[] =
  "SELECT id, name, capacity FROM room WHERE place_id = ?1 AND deleted = 0";

static const char staff_rows_sql[] =
  "SELECT id, revision FROM slot_staff WHERE slot_id = ?1 AND trainer_id = ?2 AND deleted = 0"
  " ORDER BY rowid";

static const char slot_revision_sql[] = "SELECT revision FROM slot WHERE id = ?1 AND deleted = 0";

/* Suggestions */

static FdSuggestion *
suggestion_new (FdSuggestionKind  kind,
                const char       *slot_id,
                const char       *id,
                const char       *name,
                const char       *replaces_id,
                char             *reason)
{
  FdSuggestion *self = g_new0 (FdSuggestion, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->slot_id = g_strdup (slot_id);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->replaces_id = g_strdup (replaces_id);
  self->reason = reason;

  return self;
}

/* Candidates and skills */

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->id);
  g_free (candidate->name);
  g_free (candidate->sort_key);
  g_free (candidate->skills);
  g_free (candidate->folded_skills);
  g_free (candidate);
}

static void
term_free (Term *term)
{
  g_free (term->text);
  g_free (term->folded);
  g_free (term);
}

static char *
dup_valid (const char *text)
{
  if (text == NULL)
    return NULL;

  return g_utf8_validate (text, -1, NULL) ? g_strdup (text) : g_utf8_make_valid (text, -1);
}

/* Whether @text has combining diacritical marks (U+0300 to U+036F, lead
 * bytes 0xCC and 0xCD): text typed on a French keyboard has none, and
 * normalising every trainer's skills would cost more than the rest */
static gboolean
has_combining_marks (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p == 0xCC || *p == 0xCD)
      return TRUE;

  return FALSE;
}

/* Composed and case-folded: "Développement" and "DÉVELOPPEMENT" match,
 * "e" + U+0301 too */
static char *
fold (const char *text)
{
  g_autofree char *valid = dup_valid (text);
  g_autofree char *normalized = NULL;

  if (valid == NULL)
    return NULL;

  if (has_combining_marks (valid))
    normalized = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normalized != NULL ? normalized : valid, -1);
}

static gboolean
is_word_char_at (const char *text,
                 const char *p)
{
  if (p < text || *p == '\0')
    return FALSE;

  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* Whether @needle occurs in @haystack as whole words ("sql" is in "python,
 * sql" but not in "postgresql"); both folded */
static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  gsize length = strlen (needle);

  if (haystack == NULL || length == 0)
    return FALSE;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *before = p > haystack ? g_utf8_find_prev_char (haystack, p) : NULL;

      if ((before == NULL || !is_word_char_at (haystack, before)) &&
          !is_word_char_at (haystack, p + length))
        return TRUE;
    }

  return FALSE;
}

/* Appends the terms of @skills that @terms does not have yet */
static void
add_terms (GPtrArray  *terms,
           const char *skills)
{
  g_auto(GStrv) parts = NULL;

  if (skills == NULL)
    return;

  parts = g_strsplit_set (skills, ",;\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;
      gboolean seen = FALSE;
      Term *term;

      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;

      folded = fold (parts[i]);
      for (guint j = 0; j < terms->len && !seen; j++)
        seen = g_str_equal (((Term *) g_ptr_array_index (terms, j))->folded, folded);
      if (seen)
        continue;

      term = g_new0 (Term, 1);
      term->text = g_strdup (parts[i]);
      term->folded = g_steal_pointer (&folded);
      g_ptr_array_add (terms, term);
    }
}

/* The terms named by the training's title or the session's label, if
 * any; otherwise all of them */
static void
narrow_terms (GPtrArray  *terms,
              const char *folded_title)
{
  g_autoptr(GPtrArray) named = g_ptr_array_new ();

  for (guint i = 0; i < terms->len; i++)
    if (contains_words (folded_title, ((Term *) g_ptr_array_index (terms, i))->folded))
      g_ptr_array_add (named, g_ptr_array_index (terms, i));

  if (named->len == 0 || named->len == terms->len)
    return;

  for (guint i = terms->len; i > 0; i--)
    if (!g_ptr_array_find (named, g_ptr_array_index (terms, i - 1), NULL))
      g_ptr_array_remove_index (terms, i - 1);
}

static const Term *
matching_term (const Candidate *candidate,
               GPtrArray       *terms)
{
  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = g_ptr_array_index (terms, i);

      if (contains_words (candidate->folded_skills, term->folded))
        return term;
    }

  return NULL;
}

/* The request: what is known of the slot's session */
typedef struct
{
  FdDatabase *database;
  const FdSlotProposal *proposal;
  FdSlotCheck *check;
  guint max;
  char *training_id;
  char *folded_title;
  gint64 target;
  GPtrArray *candidates; /* Candidate */
  GHashTable *by_id;     /* trainer id → Candidate */
} Request;

static void
request_clear (Request *request)
{
  g_clear_pointer (&request->check, _fd_slot_check_free);
  g_clear_pointer (&request->training_id, g_free);
  g_clear_pointer (&request->folded_title, g_free);
  g_clear_pointer (&request->by_id, g_hash_table_unref);
  g_clear_pointer (&request->candidates, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Request, request_clear)

static gboolean
finish_statement (FdDatabase    *database,
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

static gboolean
load_session (Request  *request,
              GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  request->target = 0;
  if (request->proposal->session_id == NULL)
    return TRUE;

  stmt = _fd_database_prepare (request->database, session_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, request->proposal->session_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *training_title = (const char *) sqlite3_column_text (stmt, 1);
      const char *label = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *title = g_strjoin ("\n", training_title != NULL ? training_title : "",
                                          label != NULL ? label : "", NULL);

      request->training_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      request->folded_title = fold (title);
      request->target = sqlite3_column_int64 (stmt, 3);
      rc = SQLITE_DONE;
    }

  return finish_statement (request->database, stmt, rc, session_sql, error);
}

static char *
join_name (const char *first_name,
           const char *last_name)
{
  /* Translators: a person's name, %1$s the first name, %2$s the last name */
  return g_strstrip (g_strdup_printf (C_("person name", "%1$s %2$s"),
                                      first_name != NULL ? first_name : "",
                                      last_name != NULL ? last_name : ""));
}

static gboolean
load_candidates (Request  *request,
                 GError  **error)
{
  const FdSlotProposal *proposal = request->proposal;
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  request->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  request->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  stmt = _fd_database_prepare (request->database, trainers_sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate *candidate = g_new0 (Candidate, 1);

      candidate->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      candidate->skills = dup_valid ((const char *) sqlite3_column_text (stmt, 1));
      candidate->folded_skills = fold (candidate->skills);
      candidate->sort_key = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (request->candidates, candidate);
      g_hash_table_insert (request->by_id, candidate->id, candidate);
    }
  if (!finish_statement (request->database, stmt, rc, trainers_sql, error))
    return FALSE;

  for (guint i = 0; proposal->trainer_ids != NULL && i < proposal->trainer_ids->len; i++)
    {
      Candidate *candidate = g_hash_table_lookup (request->by_id,
                                                  g_ptr_array_index (proposal->trainer_ids, i));

      if (candidate != NULL)
        candidate->on_slot = TRUE;
    }

  if (proposal->session_id == NULL)
    return TRUE;

  sql = request->training_id != NULL ? taught_training_sql : taught_session_sql;
  stmt = _fd_database_prepare (request->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, request->training_id != NULL ? request->training_id
                                                           : proposal->session_id,
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, proposal->place_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate *candidate = g_hash_table_lookup (request->by_id, sqlite3_column_text (stmt, 0));

      if (candidate == NULL)
        continue;
      candidate->taught = TRUE;
      candidate->taught_here = proposal->place_id != NULL && sqlite3_column_int (stmt, 1) != 0;
    }

  return finish_statement (request->database, stmt, rc, sql, error);
}

/* The name of a trainer about to be suggested: read for those only */
static gboolean
load_name (Request    *request,
           Candidate  *candidate,
           GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (candidate->name != NULL)
    return TRUE;

  stmt = _fd_database_prepare (request->database, trainer_name_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, candidate->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      candidate->name = join_name ((const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1));
      rc = SQLITE_DONE;
    }

  return finish_statement (request->database, stmt, rc, trainer_name_sql, error);
}

/* What a replacement of @replaced needs to know */
static GPtrArray *
needed_terms (Request         *request,
              const Candidate *replaced)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);

  if (replaced != NULL)
    add_terms (terms, replaced->skills);

  if (terms->len == 0)
    for (guint i = 0; i < request->candidates->len; i++)
      {
        const Candidate *candidate = g_ptr_array_index (request->candidates, i);

        if (candidate->taught)
          add_terms (terms, candidate->skills);
      }

  narrow_terms (terms, request->folded_title);

  return terms;
}

typedef struct
{
  Candidate *candidate;
  Rank rank;
  const Term *term;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;
  int cmp;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  /* sort_key is the name as the lists sort it */
  if ((cmp = g_strcmp0 (x->candidate->sort_key, y->candidate->sort_key)) != 0)
    return cmp;

  return strcmp (x->candidate->id, y->candidate->id);
}

static char *
trainer_reason (const Ranked *ranked)
{
  switch (ranked->rank)
    {
    case RANK_TAUGHT_HERE:
      return g_strdup (_("Free, has taught this training here"));

    case RANK_TAUGHT:
      return g_strdup (_("Free, has taught this training"));

    case RANK_SKILLED:
      /* Translators: %s is one of the trainer's skills, as written on
       * their card ("Excel") */
      return g_strdup_printf (_("Free, teaches %s"), ranked->term->text);

    case RANK_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
suggest_trainers (Request     *request,
                  const char  *replaced_id,
                  GPtrArray   *suggestions,
                  GError     **error)
{
  g_autoptr(GPtrArray) terms = needed_terms (request,
                                             g_hash_table_lookup (request->by_id, replaced_id));
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  guint found = 0;

  for (guint i = 0; i < request->candidates->len; i++)
    {
      Ranked entry = { g_ptr_array_index (request->candidates, i), RANK_NONE, NULL };

      if (entry.candidate->on_slot || (entry.candidate->checked && !entry.candidate->is_free))
        continue;

      if (entry.candidate->taught_here)
        entry.rank = RANK_TAUGHT_HERE;
      else if (entry.candidate->taught)
        entry.rank = RANK_TAUGHT;
      else if ((entry.term = matching_term (entry.candidate, terms)) != NULL)
        entry.rank = RANK_SKILLED;
      else
        continue;

      g_array_append_val (ranked, entry);
    }

  g_array_sort (ranked, compare_ranked);

  for (guint i = 0; i < ranked->len && found < request->max; i++)
    {
      const Ranked *entry = &g_array_index (ranked, Ranked, i);
      Candidate *candidate = entry->candidate;

      if (!candidate->checked)
        {
          if (!_fd_slot_check_trainer_free (request->check, candidate->id, &candidate->is_free,
                                            error))
            return FALSE;
          candidate->checked = TRUE;
        }
      if (!candidate->is_free)
        continue;

      if (!load_name (request, candidate, error))
        return FALSE;
      g_ptr_array_add (suggestions,
                       suggestion_new (FD_SUGGESTION_KIND_TRAINER, request->proposal->slot_id,
                                       candidate->id, candidate->name, replaced_id,
                                       trainer_reason (entry)));
      found++;
    }

  return TRUE;
}

typedef struct
{
  char *id;
  char *name;
  gint64 capacity;
  int tier; /* 0 seats the target, 1 the trainees only, 2 unknown */
} Room;

static void
room_clear (Room *room)
{
  g_free (room->id);
  g_free (room->name);
}

static int
compare_rooms (gconstpointer a,
               gconstpointer b)
{
  const Room *x = a;
  const Room *y = b;
  int cmp;

  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  if (x->capacity != y->capacity)
    return x->capacity < y->capacity ? -1 : 1;
  if ((cmp = g_utf8_collate (x->name, y->name)) != 0)
    return cmp;

  return strcmp (x->id, y->id);
}

static gboolean
suggest_rooms (Request    *request,
               GPtrArray  *suggestions,
               GError    **error)
{
  const FdSlotProposal *proposal = request->proposal;
  g_autoptr(GArray) rooms = g_array_new (FALSE, FALSE, sizeof (Room));
  gint64 headcount = _fd_slot_check_get_headcount (request->check);
  gint64 wanted = MAX (headcount, request->target);
  sqlite3_stmt *stmt;
  guint found = 0;
  int rc;

  g_array_set_clear_func (rooms, (GDestroyNotify) room_clear);
  if (proposal->place_id == NULL)
    return TRUE;

  stmt = _fd_database_prepare (request->database, rooms_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, proposal->place_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Room room = { NULL, };

      room.capacity = sqlite3_column_int64 (stmt, 2);
      if (room.capacity > 0 && room.capacity < headcount)
        continue;
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), proposal->room_id) == 0)
        continue;

      room.id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      room.name = dup_valid ((const char *) sqlite3_column_text (stmt, 1));
      room.tier = room.capacity <= 0 ? 2 : room.capacity >= wanted ? 0 : 1;
      g_array_append_val (rooms, room);
    }
  if (!finish_statement (request->database, stmt, rc, rooms_sql, error))
    return FALSE;

  g_array_sort (rooms, compare_rooms);

  for (guint i = 0; i < rooms->len && found < request->max; i++)
    {
      const Room *room = &g_array_index (rooms, Room, i);
      gboolean is_free;
      char *reason;

      if (!_fd_slot_check_room_free (request->check, room->id, room->name, room->capacity,
                                     &is_free, error))
        return FALSE;
      if (!is_free)
        continue;

      if (room->capacity > 0)
        /* Translators: %d is the number of seats of a free room */
        reason = g_strdup_printf (ngettext ("Free, seats %d", "Free, seats %d",
                                            (gulong) MIN (room->capacity, G_MAXINT)),
                                  (int) MIN (room->capacity, G_MAXINT));
      else
        reason = g_strdup (_("Free, seats not known"));

      g_ptr_array_add (suggestions,
                       suggestion_new (FD_SUGGESTION_KIND_ROOM, proposal->slot_id, room->id,
                                       room->name, proposal->room_id, reason));
      found++;
    }

  return TRUE;
}

static gboolean
is_trainer_kind (FdConflictKind kind)
{
  return kind == FD_CONFLICT_KIND_TRAINER_OVERLAP ||
         kind == FD_CONFLICT_KIND_TRAINER_UNAVAILABLE ||
         kind == FD_CONFLICT_KIND_TRAINER_TWO_PLACES;
}

static gboolean
is_room_kind (FdConflictKind kind)
{
  return kind == FD_CONFLICT_KIND_ROOM_OVERLAP || kind == FD_CONFLICT_KIND_ROOM_CAPACITY;
}

/* Public API */

/**
 * fd_suggestion_ref:
 * @self: a #FdSuggestion
 *
 * Returns: (transfer full): @self, with one more reference
 */
FdSuggestion *
fd_suggestion_ref (FdSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * fd_suggestion_unref:
 * @self: (transfer full): a #FdSuggestion
 *
 * Drops a reference to @self, freeing it with the last one.
 */
void
fd_suggestion_unref (FdSuggestion *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->slot_id);
  g_free (self->id);
  g_free (self->name);
  g_free (self->replaces_id);
  g_free (self->reason);
  g_free (self);
}

/**
 * fd_suggestion_get_kind:
 *
 * Returns: whether it suggests a trainer or a room
 */
FdSuggestionKind
fd_suggestion_get_kind (const FdSuggestion *self)
{
  g_return_val_if_fail (self != NULL, FD_SUGGESTION_KIND_TRAINER);

  return self->kind;
}

/**
 * fd_suggestion_get_slot_id:
 *
 * Returns: (nullable): the slot it is for; %NULL for a proposal of a new
 *   slot
 */
const char *
fd_suggestion_get_slot_id (const FdSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->slot_id;
}

/**
 * fd_suggestion_get_id:
 *
 * Returns: the suggested trainer's or room's id
 */
const char *
fd_suggestion_get_id (const FdSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

/**
 * fd_suggestion_get_name:
 *
 * Returns: the suggested trainer's name ("Claire Martin") or room's
 */
const char *
fd_suggestion_get_name (const FdSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * fd_suggestion_get_replaces_id:
 *
 * Returns: (nullable): the trainer the suggested one replaces; for a room,
 *   the room it replaces (%NULL if the slot had none)
 */
const char *
fd_suggestion_get_replaces_id (const FdSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->replaces_id;
}

/**
 * fd_suggestion_get_reason:
 *
 * Returns: why it is suggested, translated: “Free, teaches Excel”, “Free,
 *   seats 14”
 */
const char *
fd_suggestion_get_reason (const FdSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->reason;
}

/**
 * fd_suggestion_answers:
 * @self: a #FdSuggestion
 * @conflict: a conflict of the same slot
 *
 * Whether taking @self solves @conflict: a trainer suggestion solves the
 * conflicts of the trainer it replaces, a room suggestion those of the
 * room. For a panel that lists each conflict with its suggestions.
 *
 * Returns: %TRUE if @self is a way out of @conflict
 */
gboolean
fd_suggestion_answers (const FdSuggestion *self,
                       const FdConflict   *conflict)
{
  FdConflictKind kind;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  if (g_strcmp0 (self->slot_id, fd_conflict_get_slot_id (conflict)) != 0)
    return FALSE;

  kind = fd_conflict_get_kind (conflict);
  if (self->kind == FD_SUGGESTION_KIND_TRAINER)
    return is_trainer_kind (kind) &&
           g_strcmp0 (self->replaces_id, fd_conflict_get_trainer_id (conflict)) == 0;

  return is_room_kind (kind);
}

/**
 * fd_conflicts_suggest:
 * @database: a #FdDatabase
 * @proposal: a slot, stored (fd_slot_proposal_new_for_slot()) or not
 * @max: how many suggestions at most for each trainer to replace, and for
 *   the room
 * @error: return location for a #GError
 *
 * Ways out of the conflicts of @proposal (see #FdSuggestion for how they
 * are chosen): for each trainer with a conflict (booked, unavailable, at
 * another place that day), free trainers with the needed skills to replace
 * them; for a room booked or too small, free rooms of the place big enough.
 * Conflicts a planner kept get none, nor does a slot outside its session's
 * year (no trainer or room would change that).
 *
 * Returns: (transfer full) (element-type FdSuggestion): the suggestions,
 *   trainers first (in the order of the proposal's staff, best first),
 *   then rooms; empty without conflicts; %NULL with @error set, as for
 *   fd_conflicts_check_proposal()
 */
GPtrArray *
fd_conflicts_suggest (FdDatabase            *database,
                      const FdSlotProposal  *proposal,
                      guint                  max,
                      GError               **error)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) replaced = g_ptr_array_new ();
  g_auto(Request) request = { NULL, };
  gboolean needs_room = FALSE;
  gboolean ok;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (proposal != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_suggestion_unref);

  if (!_fd_database_run (database, "SAVEPOINT fd_suggestions", error))
    return NULL;

  conflicts = fd_conflicts_check_proposal (database, proposal, error);
  ok = conflicts != NULL;

  for (guint i = 0; ok && i < conflicts->len; i++)
    {
      const FdConflict *conflict = g_ptr_array_index (conflicts, i);
      FdConflictKind kind = fd_conflict_get_kind (conflict);
      const char *trainer_id = fd_conflict_get_trainer_id (conflict);

      if (fd_conflict_get_kept (conflict))
        continue;

      if (is_trainer_kind (kind) && trainer_id != NULL &&
          !g_ptr_array_find_with_equal_func (replaced, trainer_id, g_str_equal, NULL))
        g_ptr_array_add (replaced, (gpointer) trainer_id);
      else if (is_room_kind (kind))
        needs_room = TRUE;
    }

  if (ok && max > 0 && (replaced->len > 0 || needs_room))
    {
      request.database = database;
      request.proposal = proposal;
      request.max = max;
      request.check = _fd_slot_check_new (database, proposal, error);
      ok = request.check != NULL;

      if (ok && replaced->len > 0)
        {
          ok = load_session (&request, error) && load_candidates (&request, error);
          for (guint i = 0; ok && i < replaced->len; i++)
            ok = suggest_trainers (&request, g_ptr_array_index (replaced, i), suggestions, error);
        }
      else if (ok)
        {
          ok = load_session (&request, error);
        }

      if (ok && needs_room)
        ok = suggest_rooms (&request, suggestions, error);
    }

  _fd_database_run (database, "RELEASE fd_suggestions", NULL);

  if (!ok)
    return NULL;

  return g_steal_pointer (&suggestions);
}

/**
 * fd_suggestion_build_changes:
 * @database: a #FdDatabase
 * @self: a suggestion for a stored slot
 * @error: return location for a #GError
 *
 * The edit that takes @self: the replaced trainer's `slot_staff` rows of
 * the slot given to the suggested trainer (their role kept), or the slot's
 * room changed. Apply it with fd_history_apply() (or
 * fd_database_apply_all_with_inverse()) so that it can be undone.
 *
 * Returns: (transfer full) (element-type FdChange): the changes, on the
 *   revisions the rows have now; %NULL with @error set:
 *   %FD_VALIDATION_ERROR_INVALID for a slot not saved yet (use
 *   fd_suggestion_apply_to_proposal()), %FD_DATABASE_ERROR_NOT_FOUND when
 *   the slot, or the replaced trainer on it, is gone
 */
GPtrArray *
fd_suggestion_build_changes (FdDatabase          *database,
                             const FdSuggestion  *self,
                             GError             **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  sqlite3_stmt *stmt;
  const char *sql;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->slot_id == NULL)
    {
      g_set_error_literal (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                           _("Save the slot before taking a suggestion for it."));
      return NULL;
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  sql = self->kind == FD_SUGGESTION_KIND_TRAINER ? staff_rows_sql : slot_revision_sql;
  stmt = _fd_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, self->slot_id, -1, SQLITE_STATIC);
  if (self->kind == FD_SUGGESTION_KIND_TRAINER)
    {
      sqlite3_bind_text (stmt, 2, self->replaces_id, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          FdChange *change = fd_change_new_update ("slot_staff",
                                                   (const char *) sqlite3_column_text (stmt, 0),
                                                   sqlite3_column_int64 (stmt, 1));

          fd_change_set_string (change, "trainer_id", self->id);
          g_ptr_array_add (changes, change);
        }
    }
  else
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          FdChange *change = fd_change_new_update ("slot", self->slot_id,
                                                   sqlite3_column_int64 (stmt, 0));

          fd_change_set_string (change, "room_id", self->id);
          g_ptr_array_add (changes, change);
          rc = SQLITE_DONE;
        }
    }

  if (!finish_statement (database, stmt, rc, sql, error))
    return NULL;

  if (changes->len == 0)
    {
      if (self->kind == FD_SUGGESTION_KIND_TRAINER)
        g_set_error_literal (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                             _("The trainer to replace is no longer on this slot."));
      else
        g_set_error_literal (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                             _("This slot no longer exists; it may have been deleted."));
      return NULL;
    }

  return g_steal_pointer (&changes);
}

/**
 * fd_suggestion_apply_to_proposal:
 * @self: a #FdSuggestion
 * @proposal: the proposal it was made for
 *
 * Takes @self in @proposal, a slot being edited or dragged: the replaced
 * trainer becomes the suggested one, or the room changes. Check the
 * proposal again to see its conflicts go.
 */
void
fd_suggestion_apply_to_proposal (const FdSuggestion *self,
                                 FdSlotProposal     *proposal)
{
  gboolean replaced = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (proposal != NULL);

  if (self->kind == FD_SUGGESTION_KIND_ROOM)
    {
      fd_slot_proposal_set_room_id (proposal, self->id);
      return;
    }

  for (guint i = proposal->trainer_ids != NULL ? proposal->trainer_ids->len : 0; i > 0; i--)
    {
      char **id = (char **) &g_ptr_array_index (proposal->trainer_ids, i - 1);

      if (g_strcmp0 (*id, self->replaces_id) != 0)
        continue;

      g_free (*id);
      *id = g_strdup (self->id);
      replaced = TRUE;
    }

  if (!replaced)
    fd_slot_proposal_add_trainer (proposal, self->id);
}
