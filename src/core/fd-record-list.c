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
#include "fd-models-private.h"
#include "fd-text.h"

/* A search is split into words that must all appear in the row's
 * search_key, in any order ("martin anne" finds "Anne Martin"). Words past
 * the last parameter are kept together in it, still matched as a phrase. */
#define MAX_WORDS 4

#define MATCH_WORD(n) " AND search_key LIKE '%' || ?" #n " || '%' ESCAPE '\\'"

#define IDS_SQL(table) \
  "SELECT rowid FROM " table " WHERE deleted = 0 ORDER BY sort_key"

#define SEARCH_SQL(table) \
  "SELECT rowid FROM " table " WHERE deleted = 0" \
  MATCH_WORD (1) MATCH_WORD (2) MATCH_WORD (3) MATCH_WORD (4) \
  " ORDER BY sort_key"

typedef struct
{
  const char *ids_sql;
  const char *search_sql;
  const char *row_sql;
} KindInfo;

static const KindInfo kinds[] = {
  [FD_RECORD_KIND_SESSION] = {
    IDS_SQL ("session"),
    SEARCH_SQL ("session"),
    FD_SESSION_SELECT " WHERE s.rowid = ?1",
  },
  [FD_RECORD_KIND_TRAINER] = {
    IDS_SQL ("trainer"),
    SEARCH_SQL ("trainer"),
    FD_TRAINER_SELECT " WHERE tr.rowid = ?1",
  },
  [FD_RECORD_KIND_TRAINEE] = {
    IDS_SQL ("trainee"),
    SEARCH_SQL ("trainee"),
    FD_TRAINEE_SELECT " WHERE te.rowid = ?1",
  },
  [FD_RECORD_KIND_CLIENT] = {
    IDS_SQL ("client"),
    SEARCH_SQL ("client"),
    FD_CLIENT_SELECT " WHERE c.rowid = ?1",
  },
};

struct _FdRecordList
{
  GObject       parent_instance;

  FdDatabase   *database;
  FdRecordKind  kind;
  char         *search;

  /* The words of the folded search, escaped for LIKE; NULL without one */
  GStrv         words;

  /* The rowids (gint64) of the matching rows, in list order */
  GArray       *rowids;
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

static void
release_statement (sqlite3_stmt *stmt)
{
  /* Resetting ends the statement's read transaction, so a cached statement
   * never keeps a WAL snapshot alive between two calls. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static char *
escape_like (const char *word)
{
  GString *escaped = g_string_sized_new (strlen (word) + 4);

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }

  return g_string_free (escaped, FALSE);
}

/* Folds @search and splits it into at most MAX_WORDS words escaped for
 * LIKE, or returns NULL when nothing is left to search for. */
static GStrv
split_search (const char *search)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) split = NULL;
  g_autoptr(GPtrArray) words = NULL;

  if (search == NULL)
    return NULL;

  folded = fd_text_fold (search);
  if (folded == NULL)
    return NULL;

  split = g_strsplit_set (folded, " \t\n", -1);
  words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; split[i] != NULL; i++)
    {
      if (split[i][0] == '\0')
        continue;

      if (words->len < MAX_WORDS)
        {
          g_ptr_array_add (words, g_strdup (split[i]));
        }
      else
        {
          char *last = g_ptr_array_index (words, MAX_WORDS - 1);

          g_ptr_array_index (words, MAX_WORDS - 1) =
            g_strconcat (last, " ", split[i], NULL);
          g_free (last);
        }
    }

  if (words->len == 0)
    return NULL;

  for (guint i = 0; i < words->len; i++)
    {
      char *word = g_ptr_array_index (words, i);

      g_ptr_array_index (words, i) = escape_like (word);
      g_free (word);
    }

  g_ptr_array_add (words, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static GArray *
query_rowids (FdRecordList  *self,
              GError       **error)
{
  const KindInfo *info = &kinds[self->kind];
  g_autoptr(GArray) rowids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_assert (FD_IS_RECORD_LIST (self));

  if (self->words == NULL)
    {
      stmt = _fd_database_prepare (self->database, info->ids_sql, error);
      if (stmt == NULL)
        return NULL;
    }
  else
    {
      guint n_words = g_strv_length (self->words);

      stmt = _fd_database_prepare (self->database, info->search_sql, error);
      if (stmt == NULL)
        return NULL;

      /* Unused words match everything: LIKE '%%' */
      for (guint i = 0; i < MAX_WORDS; i++)
        {
          const char *word = i < n_words ? self->words[i] : "";

          sqlite3_bind_text (stmt, i + 1, word, -1, SQLITE_STATIC);
        }
    }

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

/* Runs the query again and tells the views with one items-changed. */
static void
refresh (FdRecordList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;
  guint removed;
  guint added;

  g_assert (FD_IS_RECORD_LIST (self));

  rowids = query_rowids (self, &error);
  if (rowids == NULL)
    {
      g_warning ("Could not list rows: %s", error->message);
      rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  removed = self->rowids->len;
  added = rowids->len;

  g_array_unref (self->rowids);
  self->rowids = g_steal_pointer (&rowids);

  if (removed == 0 && added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);

  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
fd_record_list_get_item_type (GListModel *model)
{
  FdRecordList *self = FD_RECORD_LIST (model);

  switch (self->kind)
    {
    case FD_RECORD_KIND_SESSION:
      return FD_TYPE_SESSION;

    case FD_RECORD_KIND_TRAINER:
      return FD_TYPE_TRAINER;

    case FD_RECORD_KIND_TRAINEE:
      return FD_TYPE_TRAINEE;

    case FD_RECORD_KIND_CLIENT:
      return FD_TYPE_CLIENT;

    default:
      g_assert_not_reached ();
    }
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
  switch (kind)
    {
    case FD_RECORD_KIND_SESSION:
      return _fd_session_new_from_stmt (stmt);

    case FD_RECORD_KIND_TRAINER:
      return _fd_trainer_new_from_stmt (stmt);

    case FD_RECORD_KIND_TRAINEE:
      return _fd_trainee_new_from_stmt (stmt);

    case FD_RECORD_KIND_CLIENT:
      return _fd_client_new_from_stmt (stmt);

    default:
      g_assert_not_reached ();
    }
}

static gpointer
fd_record_list_get_item (GListModel *model,
                         guint       position)
{
  FdRecordList *self = FD_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gpointer item = NULL;
  gint64 rowid;
  int rc;

  if (position >= self->rowids->len)
    return NULL;

  rowid = g_array_index (self->rowids, gint64, position);

  stmt = _fd_database_prepare (self->database, kinds[self->kind].row_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read row %" G_GINT64_FORMAT ": %s", rowid, error->message);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, rowid);

  /* Rows are tombstoned, never removed, so the row is still there even if
   * it was deleted since the list was queried: the item is a snapshot. */
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      item = build_item (self->kind, stmt);
    }
  else
    {
      _fd_database_set_error (self->database, &error, "reading a row");
      g_warning ("Could not read row %" G_GINT64_FORMAT ": %s",
                 rowid, rc == SQLITE_DONE ? "no such row" : error->message);
    }

  release_statement (stmt);

  return item;
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
}

static void
fd_record_list_init (FdRecordList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
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
  g_return_val_if_fail (kind <= FD_RECORD_KIND_CLIENT, NULL);

  self = g_object_new (FD_TYPE_RECORD_LIST,
                       "database", database,
                       NULL);
  self->kind = kind;
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
