/* fd-record-list.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-record-list"

#include "config.h"

#include "fd-record-list.h"

#include "fd-database-private.h"
#include "fd-entity-private.h"
#include "fd-record-kind-private.h"
#include "fd-text.h"

#include <string.h>

/*
 * Why the list keeps the search keys in memory: matching a typed word
 * anywhere in a name cannot use an index, and scanning 50 000 trainee rows
 * with LIKE takes about 100 ms, far from a keystroke's budget. The first
 * search loads the folded search_key of every live row, in list order
 * (about 60 bytes a row: 3 MB for 50 000 trainees); then each keystroke is
 * a strstr() over that buffer, a millisecond or two; a keystroke that
 * narrows the last search (« hel » after « he ») only looks again at the
 * rows that search found. The keys are loaded
 * again when the database changed since (this connection's change counter
 * and `PRAGMA data_version` for other connections), so a search always
 * sees the current rows, as a query would. Lists of the same kind on the
 * same connection share the keys last loaded.
 *
 * The queries are the kind's (see fd-record-kind.c).
 */

/* What tells whether the database changed since the keys were loaded */
typedef struct
{
  gint64 data_version;
  gint64 total_changes;
} Stamp;

/* Every live row's rowid (gint64) and the offset (guint32) of its
 * NUL-terminated search key in @keys, in list order, as of @stamp. Shared
 * by the lists of one kind on one connection (a pane keeps two, see
 * FdRecordPane), read-only once loaded but for the last search: its
 * @last_words and the indices (guint32, ascending) of the rows that
 * matched them, which a search that narrows it scans instead of all. */
typedef struct
{
  gatomicrefcount ref_count;
  Stamp           stamp;
  GArray         *all_rowids;
  GArray         *key_offsets;
  GByteArray     *keys;
  GStrv           last_words;
  GArray         *last_matches;
} SearchKeys;

static SearchKeys *
search_keys_ref (SearchKeys *keys)
{
  g_atomic_ref_count_inc (&keys->ref_count);

  return keys;
}

static void
search_keys_unref (SearchKeys *keys)
{
  if (!g_atomic_ref_count_dec (&keys->ref_count))
    return;

  g_array_unref (keys->all_rowids);
  g_array_unref (keys->key_offsets);
  g_byte_array_unref (keys->keys);
  g_strfreev (keys->last_words);
  g_clear_pointer (&keys->last_matches, g_array_unref);
  g_free (keys);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchKeys, search_keys_unref)

/* The keys last loaded for @kind on @database, kept with the database */
static GQuark
shared_keys_quark (FdRecordKind kind)
{
  static GQuark quarks[FD_N_RECORD_KINDS];

  g_assert (kind < FD_N_RECORD_KINDS);

  if (quarks[kind] == 0)
    {
      g_autofree char *name = g_strdup_printf ("fd-record-list-keys-%u", (guint) kind);

      quarks[kind] = g_quark_from_string (name);
    }

  return quarks[kind];
}

struct _FdRecordList
{
  GObject       parent_instance;

  FdDatabase   *database;
  FdRecordKind  kind;
  char         *search;

  /* The words of the folded search; NULL without one */
  GStrv         words;

  /* The rowids (gint64) of the matching rows, in list order */
  GArray       *rowids;

  /* The items of the page of positions [page_start, page_start + len)
   * last read, so the rows a list view asks for one by one are read a
   * page at a time, in one read transaction. */
  GPtrArray    *page;
  guint         page_start;

  /* Loaded by the first search, or shared with another list */
  SearchKeys   *keys;

  /* Set while the list tells of the rows an announcement changed */
  gboolean      updating;

  /* Whether announcements update the list (not while a pane keeps it aside) */
  gboolean      follows_changes;

  /* Why the rows or some of them could not be read since the last query;
   * a GListModel cannot say it, the list's owner can ask */
  GError       *error;

  /* The kind's filters in use: name → value ("" for a yes/no one) */
  GHashTable   *filters;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdRecordList, fd_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SEARCH,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ROWS_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
release_statement (sqlite3_stmt *stmt)
{
  /* Resetting ends the statement's read transaction, so a cached statement
   * never keeps a WAL snapshot alive between two calls. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Folds @search and splits it into words, or returns NULL when nothing is
 * left to search for. Every word must appear in a row's key, in any order:
 * "martin anne" finds "Anne Martin". */
static GStrv
split_search (const char *search)
{
  g_autofree char *folded = NULL;

  if (search == NULL)
    return NULL;

  /* Folding collapses white space: words are separated by one space */
  folded = fd_text_fold (search);
  if (folded == NULL || folded[0] == '\0')
    return NULL;

  return g_strsplit (folded, " ", -1);
}

static gboolean
read_stamp (FdRecordList  *self,
            Stamp         *stamp,
            GError       **error)
{
  sqlite3_stmt *stmt;

  g_assert (FD_IS_RECORD_LIST (self));
  g_assert (stamp != NULL);

  stmt = _fd_database_prepare (self->database, "PRAGMA data_version", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _fd_database_set_error (self->database, error, "reading the data version");
      release_statement (stmt);
      return FALSE;
    }

  stamp->data_version = sqlite3_column_int64 (stmt, 0);
  stamp->total_changes = sqlite3_total_changes64 (_fd_database_get_handle (self->database));
  release_statement (stmt);

  return TRUE;
}

static gboolean
stamp_equal (const Stamp *a,
             const Stamp *b)
{
  return a->data_version == b->data_version && a->total_changes == b->total_changes;
}

/* @select with the filters in use, then @order, and their values to bind
 * from ?1 on */
static char *
filtered_sql (FdRecordList  *self,
              const char    *select,
              GPtrArray     *values)
{
  const FdRecordKindQueries *queries = _fd_record_kind_get_queries (self->kind);
  g_autoptr(GString) sql = g_string_new (select);

  for (guint i = 0; i < G_N_ELEMENTS (queries->filters) && queries->filters[i].name; i++)
    {
      const FdRecordKindFilter *filter = &queries->filters[i];
      const char *value = g_hash_table_lookup (self->filters, filter->name);
      g_auto(GStrv) parts = NULL;
      g_autofree char *param = NULL;
      g_autofree char *condition = NULL;

      if (value == NULL)
        continue;

      parts = g_strsplit (filter->condition, "?1", -1);
      if (parts[0] != NULL && parts[1] != NULL)
        {
          g_ptr_array_add (values, (gpointer) value);
          param = g_strdup_printf ("?%u", values->len);
        }
      condition = g_strjoinv (param, parts);
      g_string_append_printf (sql, " AND (%s)", condition);
    }
  g_string_append (sql, queries->order_by);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The statement of @unfiltered, or of @select filtered, its values bound */
static sqlite3_stmt *
prepare_listing (FdRecordList  *self,
                 const char    *unfiltered,
                 const char    *select,
                 GError       **error)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (g_hash_table_size (self->filters) == 0)
    return _fd_database_prepare (self->database, unfiltered, error);

  values = g_ptr_array_new ();
  sql = filtered_sql (self, select, values);
  stmt = _fd_database_prepare (self->database, sql, error);
  for (guint i = 0; stmt != NULL && i < values->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (values, i), -1, SQLITE_TRANSIENT);

  return stmt;
}

/* Loads the keys as of @stamp, read just before */
static SearchKeys *
load_keys (FdRecordList  *self,
           const Stamp   *stamp,
           GError       **error)
{
  g_autoptr(SearchKeys) keys = g_new0 (SearchKeys, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_assert (FD_IS_RECORD_LIST (self));

  g_atomic_ref_count_init (&keys->ref_count);
  keys->stamp = *stamp;
  keys->all_rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  keys->key_offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 1024);
  keys->keys = g_byte_array_sized_new (64 * 1024);

  stmt = prepare_listing (self, _fd_record_kind_get_queries (self->kind)->keys_sql,
                          _fd_record_kind_get_queries (self->kind)->keys_select, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      const guint8 *key = sqlite3_column_text (stmt, 1);
      guint32 offset = keys->keys->len;

      g_array_append_val (keys->all_rowids, rowid);
      g_array_append_val (keys->key_offsets, offset);
      if (key != NULL)
        g_byte_array_append (keys->keys, key, (guint) sqlite3_column_bytes (stmt, 1));
      g_byte_array_append (keys->keys, (const guint8 *) "", 1);
    }

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self->database, error, "loading search keys");
      release_statement (stmt);
      return NULL;
    }

  release_statement (stmt);

  return g_steal_pointer (&keys);
}

/* Makes self->keys current: the list's own if the database did not change
 * since they were loaded, else those another list loaded since, else new
 * ones if @load. Clears them when stale and not @load. */
static gboolean
ensure_keys (FdRecordList  *self,
             gboolean       load,
             GError       **error)
{
  GQuark quark = shared_keys_quark (self->kind);
  SearchKeys *shared;
  SearchKeys *loaded;
  Stamp stamp;

  g_assert (FD_IS_RECORD_LIST (self));

  /* Read before the rows: a change in between only loads them once more */
  if (!read_stamp (self, &stamp, error))
    return FALSE;

  if (self->keys != NULL && stamp_equal (&self->keys->stamp, &stamp))
    return TRUE;

  g_clear_pointer (&self->keys, search_keys_unref);

  /* A filtered list's keys are its own */
  if (g_hash_table_size (self->filters) > 0)
    {
      if (load)
        {
          self->keys = load_keys (self, &stamp, error);
          return self->keys != NULL;
        }
      return TRUE;
    }

  shared = g_object_get_qdata (G_OBJECT (self->database), quark);
  if (shared != NULL && stamp_equal (&shared->stamp, &stamp))
    {
      self->keys = search_keys_ref (shared);
      return TRUE;
    }
  if (shared != NULL)
    g_object_set_qdata (G_OBJECT (self->database), quark, NULL);

  if (!load)
    return TRUE;

  loaded = load_keys (self, &stamp, error);
  if (loaded == NULL)
    return FALSE;

  self->keys = loaded;
  g_object_set_qdata_full (G_OBJECT (self->database), quark,
                           search_keys_ref (loaded), (GDestroyNotify) search_keys_unref);

  return TRUE;
}

/* Whether the byte before a match ends a word: keys are folded (lower
 * case, no accents), so a space, a hyphen, an @ or a dot does, a letter,
 * a digit or a byte of a non-ASCII letter does not */
static gboolean
ends_a_word (char c)
{
  return (guchar) c < 0x80 && !g_ascii_isalnum (c);
}

/* Whether @found, in @key, is at the start of one of its words */
static gboolean
starts_a_word (const char *key,
               const char *found)
{
  return found == key || ends_a_word (found[-1]);
}

/* Whether @word also appears, after @found, at the start of a word */
static gboolean
finds_at_a_word_start (const char *found,
                       const char *word)
{
  for (const char *p = strstr (found + 1, word); p != NULL; p = strstr (p + 1, word))
    if (ends_a_word (p[-1]))
      return TRUE;

  return FALSE;
}

/* Whether every row matching @words also matches @last: each word of
 * @last is in one of @words (« hele » after « hel », « anne mar » after
 * « mar »), so a row holding all of @words holds all of @last */
static gboolean
narrows (const char * const *words,
         const char * const *last)
{
  if (last == NULL)
    return FALSE;

  for (guint l = 0; last[l] != NULL; l++)
    {
      gboolean held = FALSE;

      for (guint w = 0; !held && words[w] != NULL; w++)
        held = strstr (words[w], last[l]) != NULL;
      if (!held)
        return FALSE;
    }

  return TRUE;
}

static GArray *
filter_keys (FdRecordList *self)
{
  SearchKeys *keys = self->keys;
  const GArray *candidates = NULL;
  GArray *matches;
  GArray *later;
  GArray *rowids;
  const char *text;
  guint n;

  g_assert (FD_IS_RECORD_LIST (self));
  g_assert (keys != NULL);

  rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  text = (const char *) keys->keys->data;

  if (self->words == NULL)
    {
      g_array_append_vals (rowids, keys->all_rowids->data, keys->all_rowids->len);
      return rowids;
    }

  /* The rows the last search found, in list order, hold every row this
   * one can find: the same scan over them gives the same rows */
  if (narrows ((const char * const *) self->words, (const char * const *) keys->last_words))
    candidates = keys->last_matches;
  n = candidates != NULL ? candidates->len : keys->all_rowids->len;

  /* Rows where every word starts a word of the key come first (« hele »
   * shows Hélène before Barthélemy), each group in list order */
  matches = g_array_new (FALSE, FALSE, sizeof (guint32));
  later = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint c = 0; c < n; c++)
    {
      guint32 i = candidates != NULL ? g_array_index (candidates, guint32, c) : c;
      const char *key = text + g_array_index (keys->key_offsets, guint32, i);
      gboolean found_all = TRUE;
      gboolean at_starts = TRUE;

      for (guint w = 0; found_all && self->words[w] != NULL; w++)
        {
          const char *found = strstr (key, self->words[w]);

          found_all = found != NULL;
          if (found_all && at_starts && !starts_a_word (key, found))
            at_starts = finds_at_a_word_start (found, self->words[w]);
        }

      if (found_all)
        {
          g_array_append_val (matches, i);
          g_array_append_val (at_starts ? rowids : later,
                              g_array_index (keys->all_rowids, gint64, i));
        }
    }
  g_array_append_vals (rowids, later->data, later->len);
  g_array_unref (later);

  g_strfreev (keys->last_words);
  keys->last_words = g_strdupv (self->words);
  g_clear_pointer (&keys->last_matches, g_array_unref);
  keys->last_matches = matches;

  return rowids;
}

/* Lists every live row, in order, without loading the keys */
static GArray *
query_rowids (FdRecordList  *self,
              GError       **error)
{
  g_autoptr(GArray) rowids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_assert (FD_IS_RECORD_LIST (self));

  stmt = prepare_listing (self, _fd_record_kind_get_queries (self->kind)->ids_sql,
                          _fd_record_kind_get_queries (self->kind)->ids_select, error);
  if (stmt == NULL)
    return NULL;

  rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self->database, error, "listing rows");
      release_statement (stmt);
      return NULL;
    }

  release_statement (stmt);

  return g_steal_pointer (&rowids);
}

static GArray *
list_rowids (FdRecordList  *self,
             GError       **error)
{
  g_assert (FD_IS_RECORD_LIST (self));

  /* Without a search, stale keys are not worth loading */
  if (!ensure_keys (self, self->words != NULL, error))
    return NULL;

  if (self->keys == NULL)
    return query_rowids (self, error);

  return filter_keys (self);
}

/* Keeps @error (taking it) for fd_record_list_get_error() */
static void
take_error (FdRecordList *self,
            GError       *error)
{
  g_debug ("Could not read the rows of a list of kind %d: %s", self->kind, error->message);
  g_clear_error (&self->error);
  self->error = error;
}

/* Runs the query again and tells the views with one items-changed. */
static void
refresh (FdRecordList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;
  guint removed;
  guint added;

  g_assert (FD_IS_RECORD_LIST (self));

  g_clear_error (&self->error);
  rowids = list_rowids (self, &error);
  if (rowids == NULL)
    {
      take_error (self, g_steal_pointer (&error));
      rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  removed = self->rowids->len;
  added = rowids->len;

  g_array_unref (self->rowids);
  self->rowids = g_steal_pointer (&rowids);
  g_ptr_array_set_size (self->page, 0);

  if (removed == 0 && added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);

  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The rowids of the listed rows that @changes changed, directly or through
 * what the rows show of other tables; NULL when none of them */
static GHashTable *
affected_rowids (FdRecordList       *self,
                 const FdRowChanges *changes)
{
  const FdRecordKindQueries *queries = _fd_record_kind_get_queries (self->kind);
  g_autoptr(GHashTable) rowids = NULL;
  gboolean relevant = FALSE;

  for (guint d = 0; d < G_N_ELEMENTS (queries->depends_on) && queries->depends_on[d].entity; d++)
    {
      const FdRecordKindDependency *dependency = &queries->depends_on[d];
      sqlite3_stmt *stmt = NULL;

      for (guint i = 0; i < fd_row_changes_get_length (changes); i++)
        {
          if (!g_str_equal (fd_row_changes_get_entity (changes, i), dependency->entity))
            continue;

          relevant = TRUE;
          if (rowids == NULL)
            rowids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          if (stmt == NULL)
            stmt = _fd_database_prepare (self->database, dependency->sql, NULL);
          if (stmt == NULL)
            break;

          sqlite3_bind_text (stmt, 1, fd_row_changes_get_id (changes, i), -1, SQLITE_STATIC);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              gint64 *rowid = g_new (gint64, 1);

              *rowid = sqlite3_column_int64 (stmt, 0);
              g_hash_table_add (rowids, rowid);
            }
          sqlite3_reset (stmt);
        }
    }

  if (!relevant)
    return NULL;

  return g_steal_pointer (&rowids);
}

static GHashTable *
rowid_set (const GArray *rowids,
           guint         from,
           guint         to)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Copies: @rowids may move in memory as rows are inserted */
  for (guint i = from; i < to; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (rowids, gint64, i), sizeof (gint64)));

  return set;
}

/* Tells the views what changed between the rows listed and @next, row by
 * row: a row that moved is removed then inserted, a row that changed in
 * place is changed, and every other row keeps its widget. The list holds
 * at each announcement the rows as announced so far. */
static void
update_in_place (FdRecordList *self,
                 GArray       *next,
                 GHashTable   *affected)
{
  GArray *rows = self->rowids;
  guint old_len = rows->len;
  guint prefix = 0;
  guint suffix = 0;
  guint old_end;
  guint new_end;
  g_autoptr(GHashTable) in_next = NULL;
  g_autoptr(GHashTable) in_rows = NULL;

  while (prefix < rows->len && prefix < next->len &&
         g_array_index (rows, gint64, prefix) == g_array_index (next, gint64, prefix))
    prefix++;
  while (suffix < rows->len - prefix && suffix < next->len - prefix &&
         g_array_index (rows, gint64, rows->len - 1 - suffix) ==
         g_array_index (next, gint64, next->len - 1 - suffix))
    suffix++;
  old_end = rows->len - suffix;
  new_end = next->len - suffix;

  /* Rows gone or moved, from the last, then rows come or moved back */
  in_next = rowid_set (next, prefix, new_end);
  for (guint i = old_end; i > prefix; i--)
    {
      gint64 rowid = g_array_index (rows, gint64, i - 1);

      if (!g_hash_table_contains (in_next, &rowid) || g_hash_table_contains (affected, &rowid))
        {
          g_array_remove_index (rows, i - 1);
          g_list_model_items_changed (G_LIST_MODEL (self), i - 1, 1, 0);
        }
    }

  in_rows = rowid_set (rows, prefix, rows->len - suffix);
  for (guint i = prefix; i < new_end; i++)
    {
      gint64 rowid = g_array_index (next, gint64, i);

      if (!g_hash_table_contains (in_rows, &rowid) || g_hash_table_contains (affected, &rowid))
        {
          g_array_insert_val (rows, i, rowid);
          g_list_model_items_changed (G_LIST_MODEL (self), i, 0, 1);
        }
    }

  /* The rows kept in order must now be those of @next: if not (rows that
   * changed without being announced), tell of the whole middle. */
  if (rows->len != next->len ||
      memcmp (rows->data, next->data, sizeof (gint64) * next->len) != 0)
    {
      guint removed = rows->len - prefix - suffix;

      g_array_set_size (rows, 0);
      g_array_append_vals (rows, next->data, next->len);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, new_end - prefix);
    }

  /* Rows that changed where they are */
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 rowid = g_array_index (rows, gint64, i);

      if ((i < prefix || i >= new_end) && g_hash_table_contains (affected, &rowid))
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
    }

  if (rows->len != old_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Whether @changes may change which rows are listed or their order: a row
 * of the kind created, deleted or restored, or updated in a field it sorts
 * or is searched by, or a row of a table its order reads (a session's
 * slots). Rows of other tables only change what rows show. */
/* More rows changed than this through what their order reads of other
 * tables: list them again rather than check each */
#define MAX_ORDER_CHECKS 16

/* Whether the rows listed are still in order after @affected changed
 * through what the order reads of other tables (a session's first and
 * last days, from its slots): each affected row still sorts between its
 * neighbours, then every pair of neighbours does, and the list is in
 * order. A few three-row queries instead of listing 5 000 rows again.
 * Not with filters or a search, whose matches such a change may change. */
static gboolean
rows_keep_order (FdRecordList *self,
                 GHashTable   *affected)
{
  const FdRecordKindQueries *queries = _fd_record_kind_get_queries (self->kind);
  g_autofree char *sql = NULL;
  guint found = 0;

  if (affected == NULL || g_hash_table_size (self->filters) > 0 || self->words != NULL ||
      g_hash_table_size (affected) > MAX_ORDER_CHECKS)
    return FALSE;

  sql = g_strconcat (queries->ids_select, " AND rowid IN (?1, ?2, ?3)", queries->order_by, NULL);

  for (guint i = 0; i < self->rowids->len; i++)
    {
      gint64 *rowids = (gint64 *) (gpointer) self->rowids->data;
      gint64 expected[3];
      guint n = 0;
      guint got = 0;
      sqlite3_stmt *stmt;
      int rc;

      if (!g_hash_table_contains (affected, &rowids[i]))
        continue;
      found++;

      if (i > 0)
        expected[n++] = rowids[i - 1];
      expected[n++] = rowids[i];
      if (i + 1 < self->rowids->len)
        expected[n++] = rowids[i + 1];

      stmt = _fd_database_prepare (self->database, sql, NULL);
      if (stmt == NULL)
        return FALSE;
      for (guint j = 0; j < 3; j++)
        sqlite3_bind_int64 (stmt, (int) j + 1, expected[MIN (j, n - 1)]);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (got >= n || sqlite3_column_int64 (stmt, 0) != expected[got])
            break;
          got++;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE || got != n)
        return FALSE;
    }

  /* a row not listed may have to be */
  return found == g_hash_table_size (affected);
}

static gboolean
may_move_rows (FdRecordList       *self,
               const FdRowChanges *changes,
               GHashTable         *affected)
{
  const FdRecordKindQueries *queries = _fd_record_kind_get_queries (self->kind);
  const char *entity = queries->info.entity;
  gboolean order_read = FALSE;

  for (guint i = 0; i < fd_row_changes_get_length (changes); i++)
    {
      const char *changed = fd_row_changes_get_entity (changes, i);
      const char * const *fields;

      if (fd_text_has_word (queries->order_entities, changed))
        {
          order_read = TRUE;
          continue;
        }
      if (!g_str_equal (changed, entity))
        continue;
      /* any field may be one a filter looks at */
      if (g_hash_table_size (self->filters) > 0)
        return TRUE;
      if (fd_row_changes_get_kind (changes, i) != FD_CHANGE_UPDATE)
        return TRUE;

      fields = fd_row_changes_get_fields (changes, i);
      if (fields == NULL)
        return TRUE;
      for (guint f = 0; fields[f] != NULL; f++)
        if (_fd_entity_is_key_column (entity, fields[f]) ||
            fd_text_has_word (queries->order_columns, fields[f]))
          return TRUE;
    }

  return order_read && !rows_keep_order (self, affected);
}

/* The search keys still hold after changes that moved no row: they are
 * current as of now, or dropped when they may not be */
static void
restamp_keys (FdRecordList *self,
              gboolean      still_valid)
{
  Stamp stamp;

  if (self->keys == NULL)
    return;

  if (!still_valid || !read_stamp (self, &stamp, NULL))
    {
      if (g_hash_table_size (self->filters) == 0)
        g_object_set_qdata (G_OBJECT (self->database), shared_keys_quark (self->kind), NULL);
      g_clear_pointer (&self->keys, search_keys_unref);
      return;
    }

  self->keys->stamp = stamp;
}

/* Rows changed where they are: each is told of once */
static void
update_rows (FdRecordList *self,
             GHashTable   *affected)
{
  for (guint i = 0; i < self->rowids->len; i++)
    if (g_hash_table_contains (affected, &g_array_index (self->rowids, gint64, i)))
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
}

static void
on_database_rows_changed_cb (FdDatabase   *database,
                             FdRowChanges *changes,
                             FdRecordList *self)
{
  g_autoptr(GHashTable) affected = NULL;
  g_autoptr(GArray) next = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->follows_changes)
    return;

  if (fd_row_changes_is_reset (changes))
    {
      fd_record_list_reload (self);
      return;
    }

  affected = affected_rowids (self, changes);
  if (affected == NULL)
    return;

  /* Items already built are snapshots: those of changed rows are stale */
  g_ptr_array_set_size (self->page, 0);

  if (!may_move_rows (self, changes, affected))
    {
      /* Nothing to list again: 50 000 rows take 8 ms to */
      restamp_keys (self, TRUE);
      self->updating = TRUE;
      update_rows (self, affected);
      self->updating = FALSE;
      g_signal_emit (self, signals[ROWS_UPDATED], 0);
      return;
    }

  restamp_keys (self, FALSE);
  next = list_rowids (self, &error);
  if (next == NULL)
    {
      take_error (self, g_steal_pointer (&error));
      return;
    }

  self->updating = TRUE;
  update_in_place (self, next, affected);
  self->updating = FALSE;

  g_signal_emit (self, signals[ROWS_UPDATED], 0);
}

static GType
fd_record_list_get_item_type (GListModel *model)
{
  FdRecordList *self = FD_RECORD_LIST (model);

  return fd_record_kind_get_info (self->kind)->get_item_type ();
}

static guint
fd_record_list_get_n_items (GListModel *model)
{
  FdRecordList *self = FD_RECORD_LIST (model);

  return self->rowids->len;
}

static gpointer
build_item (FdRecordKind  kind,
            sqlite3_stmt *stmt)
{
  return _fd_record_kind_get_queries (kind)->new_from_stmt (stmt);
}

#define PAGE_SIZE 32

/* Reads the row at @position; NULL if it cannot be read */
static gpointer
read_item (FdRecordList *self,
           sqlite3_stmt *stmt,
           guint         position)
{
  g_autoptr(GError) error = NULL;
  gint64 rowid = g_array_index (self->rowids, gint64, position);
  gpointer item = NULL;
  int rc;

  sqlite3_bind_int64 (stmt, 1, rowid);

  /* Rows are tombstoned, never removed, so the row is still there even if
   * it was deleted since the list was queried: the item is a snapshot. */
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      item = build_item (self->kind, stmt);
    }
  else if (rc == SQLITE_DONE)
    {
      g_warning ("Could not read row %" G_GINT64_FORMAT ": it was removed", rowid);
    }
  else
    {
      _fd_database_set_error (self->database, &error, "reading a row");
      take_error (self, g_steal_pointer (&error));
    }

  release_statement (stmt);

  return item;
}

/* Reads the page of @position: a list view asks for rows one at a time,
 * and a read transaction per row costs more than the row itself. */
static gboolean
read_page (FdRecordList *self,
           guint         position)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->rowids->len);
  gboolean shared;

  stmt = _fd_database_prepare (self->database,
                               _fd_record_kind_get_queries (self->kind)->row_sql, &error);
  if (stmt == NULL)
    {
      take_error (self, g_steal_pointer (&error));
      return FALSE;
    }

  g_ptr_array_set_size (self->page, 0);
  self->page_start = start;

  /* A savepoint, not BEGIN: the connection may be inside a transaction.
   * Without it the rows are still read, one read transaction each. */
  shared = _fd_database_run (self->database, "SAVEPOINT fd_read_page", &error);
  if (!shared)
    {
      g_debug ("Reading rows without a shared transaction: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = start; i < end; i++)
    {
      gpointer item = read_item (self, stmt, i);

      if (item == NULL)
        break;
      g_ptr_array_add (self->page, item);
    }
  if (shared && !_fd_database_run (self->database, "RELEASE fd_read_page", &error))
    g_warning ("Could not end the read of rows: %s", error->message);

  return self->page->len == end - start;
}

static gpointer
fd_record_list_get_item (GListModel *model,
                         guint       position)
{
  FdRecordList *self = FD_RECORD_LIST (model);

  if (position >= self->rowids->len)
    return NULL;

  if (position < self->page_start || position >= self->page_start + self->page->len)
    {
      if (!read_page (self, position) &&
          (position < self->page_start || position >= self->page_start + self->page->len))
        return NULL;
    }

  return g_object_ref (g_ptr_array_index (self->page, position - self->page_start));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fd_record_list_get_item_type;
  iface->get_n_items = fd_record_list_get_n_items;
  iface->get_item = fd_record_list_get_item;
}

static void
fd_record_list_dispose (GObject *object)
{
  FdRecordList *self = (FdRecordList *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_record_list_parent_class)->dispose (object);
}

static void
fd_record_list_finalize (GObject *object)
{
  FdRecordList *self = (FdRecordList *)object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->page, g_ptr_array_unref);
  g_clear_pointer (&self->keys, search_keys_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->filters, g_hash_table_unref);

  G_OBJECT_CLASS (fd_record_list_parent_class)->finalize (object);
}

static void
fd_record_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdRecordList *self = FD_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rowids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_record_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdRecordList *self = FD_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SEARCH:
      fd_record_list_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_record_list_class_init (FdRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_record_list_dispose;
  object_class->finalize = fd_record_list_finalize;
  object_class->get_property = fd_record_list_get_property;
  object_class->set_property = fd_record_list_set_property;

  /**
   * FdRecordList:database:
   *
   * The database the rows are read from.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * FdRecordList:search:
   *
   * The text typed in the search entry, or %NULL to list every row.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * FdRecordList:n-items:
   *
   * The number of rows matching the search.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdRecordList::rows-updated:
   *
   * Emitted after the list told, row by row, of the rows a database
   * announcement changed; fd_record_list_is_updating() is %TRUE meanwhile.
   */
  signals[ROWS_UPDATED] =
    g_signal_new ("rows-updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
fd_record_list_init (FdRecordList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->page = g_ptr_array_new_with_free_func (g_object_unref);
  self->follows_changes = TRUE;
  self->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * fd_record_list_new:
 * @database: a #FdDatabase
 * @kind: which rows to list
 *
 * Creates a list of the live rows of @kind, sorted, and runs its query.
 *
 * Returns: (transfer full): a new #FdRecordList
 */
FdRecordList *
fd_record_list_new (FdDatabase   *database,
                    FdRecordKind  kind)
{
  FdRecordList *self;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (kind < FD_N_RECORD_KINDS, NULL);

  self = g_object_new (FD_TYPE_RECORD_LIST,
                       "database", database,
                       NULL);
  self->kind = kind;
  g_signal_connect_object (database, "rows-changed",
                           G_CALLBACK (on_database_rows_changed_cb), self, 0);
  refresh (self);

  return self;
}

/**
 * fd_record_list_get_kind:
 * @self: a #FdRecordList
 *
 * Returns: which rows @self lists
 */
FdRecordKind
fd_record_list_get_kind (FdRecordList *self)
{
  g_return_val_if_fail (FD_IS_RECORD_LIST (self), FD_RECORD_KIND_SESSION);

  return self->kind;
}

/**
 * fd_record_list_get_error:
 * @self: a #FdRecordList
 *
 * Why the list is empty or lacks rows when the database could not be read
 * (a damaged file, a table dropped by another program): the error met by
 * the last query of the rows or, since, by reading one of them.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL if all was read
 */
const GError *
fd_record_list_get_error (FdRecordList *self)
{
  g_return_val_if_fail (FD_IS_RECORD_LIST (self), NULL);

  return self->error;
}

/**
 * fd_record_list_get_search:
 * @self: a #FdRecordList
 *
 * Returns: (transfer none) (nullable): the search, as given to
 *   fd_record_list_set_search()
 */
const char *
fd_record_list_get_search (FdRecordList *self)
{
  g_return_val_if_fail (FD_IS_RECORD_LIST (self), NULL);

  return self->search;
}

/**
 * fd_record_list_set_search:
 * @self: a #FdRecordList
 * @search: (nullable): the text the user typed, or %NULL for every row
 *
 * Keeps only the rows whose searchable text contains every word of @search,
 * ignoring case and accents. Emits #GListModel::items-changed once if the
 * rows listed may have changed.
 */
void
fd_record_list_set_search (FdRecordList *self,
                           const char   *search)
{
  g_auto(GStrv) words = NULL;
  gboolean same_words;

  g_return_if_fail (FD_IS_RECORD_LIST (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);

  /* "Anne " searches the same rows as "anne": nothing to query again */
  words = split_search (search);
  same_words = (words == NULL && self->words == NULL) ||
               (words != NULL && self->words != NULL &&
                g_strv_equal ((const char * const *) words,
                              (const char * const *) self->words));

  if (!same_words)
    {
      g_strfreev (self->words);
      self->words = g_steal_pointer (&words);
      refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/**
 * fd_record_list_reload:
 * @self: a #FdRecordList
 *
 * Runs the query again, after the rows may have changed, and emits
 * #GListModel::items-changed once for the whole list.
 */
void
fd_record_list_reload (FdRecordList *self)
{
  g_return_if_fail (FD_IS_RECORD_LIST (self));

  refresh (self);
}

/**
 * fd_record_list_load_search_keys:
 * @self: a #FdRecordList
 * @error: return location for a #GError
 *
 * Loads the search keys of the rows now, if they are not loaded and
 * current, rather than at the first search: for 50 000 trainees that is
 * 3 MB and 20 ms, better spent when idle than in a keystroke. The lists of
 * the same kind on the same connection share them.
 *
 * Returns: %TRUE if the keys are loaded
 */
gboolean
fd_record_list_load_search_keys (FdRecordList  *self,
                                 GError       **error)
{
  g_return_val_if_fail (FD_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ensure_keys (self, TRUE, error);
}

/**
 * fd_record_list_is_updating:
 * @self: a #FdRecordList
 *
 * Returns: whether the list is telling of rows changed in the database
 *   (a view keeps its selection meanwhile, see #FdRecordList::rows-updated)
 */
gboolean
fd_record_list_is_updating (FdRecordList *self)
{
  g_return_val_if_fail (FD_IS_RECORD_LIST (self), FALSE);

  return self->updating;
}

/**
 * fd_record_list_find:
 * @self: a #FdRecordList
 * @id: a row's UUID
 *
 * Returns: the position of the row @id in the list, or
 *   %GTK_INVALID_LIST_POSITION (G_MAXUINT) if it is not listed
 */
guint
fd_record_list_find (FdRecordList *self,
                     const char   *id)
{
  const FdRecordKindQueries *queries;
  sqlite3_stmt *stmt;
  gint64 rowid = -1;

  g_return_val_if_fail (FD_IS_RECORD_LIST (self), G_MAXUINT);
  g_return_val_if_fail (id != NULL, G_MAXUINT);

  queries = _fd_record_kind_get_queries (self->kind);
  stmt = _fd_database_prepare (self->database, queries->depends_on[0].sql, NULL);
  if (stmt == NULL)
    return G_MAXUINT;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (guint i = 0; rowid >= 0 && i < self->rowids->len; i++)
    if (g_array_index (self->rowids, gint64, i) == rowid)
      return i;

  return G_MAXUINT;
}

/**
 * fd_record_list_set_follows_changes:
 * @self: a #FdRecordList
 * @follows: whether the list updates itself when rows change
 *
 * A list follows the database's announcements (#FdDatabase::rows-changed)
 * by default, updating the rows concerned in place. A list kept aside
 * (a pane's spare, queried again before it is shown) need not.
 */
void
fd_record_list_set_follows_changes (FdRecordList *self,
                                    gboolean      follows)
{
  g_return_if_fail (FD_IS_RECORD_LIST (self));

  self->follows_changes = !!follows;
}

static const FdRecordKindFilter *
lookup_filter (FdRecordKind  kind,
               const char   *name)
{
  const FdRecordKindQueries *queries = _fd_record_kind_get_queries (kind);

  for (guint i = 0; i < G_N_ELEMENTS (queries->filters) && queries->filters[i].name; i++)
    if (g_str_equal (queries->filters[i].name, name))
      return &queries->filters[i];

  return NULL;
}

/**
 * fd_record_list_has_filter:
 * @kind: a kind of records
 * @name: a filter's name
 *
 * Returns: whether lists of @kind can be narrowed by @name: for sessions
 *   "status" (a workflow status), "draft" (drafts only), "training" and
 *   "place" (ids), "from" and "to" (ISO dates of a period)
 */
gboolean
fd_record_list_has_filter (FdRecordKind  kind,
                           const char   *name)
{
  g_return_val_if_fail (kind < FD_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return lookup_filter (kind, name) != NULL;
}

/**
 * fd_record_list_set_filter:
 * @self: a #FdRecordList
 * @name: a filter of the list's kind (see fd_record_list_has_filter())
 * @value: (nullable): what to keep ("confirmed", a training's id, a date;
 *   "" for a yes/no filter), or %NULL to stop filtering by @name
 *
 * Keeps only the rows the filters in use allow, and the search. Emits
 * #GListModel::items-changed once if the rows listed may have changed.
 */
void
fd_record_list_set_filter (FdRecordList *self,
                           const char   *name,
                           const char   *value)
{
  const char *current;

  g_return_if_fail (FD_IS_RECORD_LIST (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (lookup_filter (self->kind, name) != NULL);

  current = g_hash_table_lookup (self->filters, name);
  if (g_strcmp0 (current, value) == 0)
    return;

  if (value == NULL)
    g_hash_table_remove (self->filters, name);
  else
    g_hash_table_insert (self->filters, g_strdup (name), g_strdup (value));

  /* Keys loaded under other filters list other rows */
  g_clear_pointer (&self->keys, search_keys_unref);
  refresh (self);
}

/**
 * fd_record_list_get_filter:
 *
 * Returns: (nullable): the value of the filter @name in use, or %NULL
 */
const char *
fd_record_list_get_filter (FdRecordList *self,
                           const char   *name)
{
  g_return_val_if_fail (FD_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->filters, name);
}
