/* fd-editor-lists.c — what the editors offer to choose from
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-editor-lists"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-editor-lists.h"

#include "fd-database-private.h"
#include "fd-text.h"

#include <string.h>

/* Each query yields id, label, detail; ?1 is the parent's id when the
 * kind has one. Lists of names typed by users are bounded: they are
 * suggestions, not a report. */
static const char * const choice_sql[] = {
  [FD_OPTION_TRAINING] =
    "SELECT id, title, code FROM training WHERE deleted = 0 ORDER BY sort_key, id",
  [FD_OPTION_CERTIFICATION] =
    "SELECT id, name, reference FROM certification WHERE deleted = 0 ORDER BY name, id",
  [FD_OPTION_ORGANISATION] =
    "SELECT id, name, city FROM organisation WHERE deleted = 0 ORDER BY name, id",
  [FD_OPTION_PLACE] =
    "SELECT id, name, city FROM place WHERE deleted = 0 ORDER BY name, id",
  [FD_OPTION_ROOM] =
    "SELECT id, name, NULL FROM room WHERE place_id = ?1 AND deleted = 0 ORDER BY name, id",
  [FD_OPTION_TRAINER] =
    "SELECT id, trim (first_name || ' ' || last_name), coalesce (company, city) FROM trainer"
    " WHERE deleted = 0 ORDER BY sort_key, id",
  [FD_OPTION_EVALUATION] =
    "SELECT id, name, NULL FROM evaluation WHERE deleted = 0 ORDER BY name, id",
  [FD_OPTION_PROVIDER] =
    "SELECT provider, provider, NULL FROM cost WHERE deleted = 0 AND provider IS NOT NULL"
    " GROUP BY provider ORDER BY provider LIMIT 500",
  [FD_OPTION_DISPOSITIF] =
    "SELECT dispositif, dispositif, NULL FROM"
    " (SELECT dispositif FROM training WHERE deleted = 0 AND dispositif IS NOT NULL"
    "  UNION SELECT dispositif FROM session WHERE deleted = 0 AND dispositif IS NOT NULL)"
    " ORDER BY dispositif LIMIT 500",
  [FD_OPTION_COMPANY] =
    "SELECT id, name, city FROM client WHERE deleted = 0 AND kind = 'company' ORDER BY sort_key, id",
  [FD_OPTION_GROUP] =
    "SELECT id, name, NULL FROM trainee_group WHERE deleted = 0 ORDER BY name, id",
  [FD_OPTION_TRAINEE] =
    "SELECT id, trim (first_name || ' ' || last_name), coalesce (email, city) FROM trainee"
    " WHERE deleted = 0 ORDER BY sort_key, id",
};

static const char training_sql[] =
  "SELECT id, code, title, session_kind, certification_id, capacity_min, capacity_target,"
  " capacity_max, dispositif, eligible_funding, comments, price_cents"
  " FROM training WHERE id = ?1 AND deleted = 0";

typedef struct
{
  char *key;
  FdOption *option;
  guint position;
} KeyedOption;

static int
compare_options (gconstpointer a,
                 gconstpointer b)
{
  const KeyedOption *x = a;
  const KeyedOption *y = b;
  int order = strcmp (x->key, y->key);

  /* Stable: equal labels keep the query's order */
  return order != 0 ? order : (x->position > y->position) - (x->position < y->position);
}

/* Sorts @choices by their folded labels, each folded once (lists of
 * trainees are long) */
static void
sort_options (GPtrArray *choices)
{
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (KeyedOption), choices->len);

  for (guint i = 0; i < choices->len; i++)
    {
      KeyedOption item = { fd_text_fold (fd_option_get_label (g_ptr_array_index (choices, i))),
                           g_ptr_array_index (choices, i), i };

      g_array_append_val (keyed, item);
    }
  g_array_sort (keyed, compare_options);

  for (guint i = 0; i < keyed->len; i++)
    {
      KeyedOption *item = &g_array_index (keyed, KeyedOption, i);

      choices->pdata[i] = item->option;
      g_free (item->key);
    }
}

/**
 * fd_database_list_options:
 * @database: a #FdDatabase
 * @kind: what to list
 * @parent_id: (nullable): for %FD_OPTION_ROOM, the place
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FdOption): the live rows of
 *   @kind, sorted as a user looks for them, or %NULL with @error set
 */
GPtrArray *
fd_database_list_options (FdDatabase    *database,
                          FdOptionKind   kind,
                          const char    *parent_id,
                          GError       **error)
{
  g_autoptr(GPtrArray) choices = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (choice_sql), NULL);
  g_return_val_if_fail (kind != FD_OPTION_ROOM || parent_id != NULL, NULL);

  stmt = _fd_database_prepare (database, choice_sql[kind], error);
  if (stmt == NULL)
    return NULL;
  if (parent_id != NULL)
    sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_STATIC);

  choices = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *label = (const char *) sqlite3_column_text (stmt, 1);

      g_ptr_array_add (choices, fd_option_new ((const char *) sqlite3_column_text (stmt, 0),
                                               label != NULL ? label : "",
                                               (const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "listing choices");
      return NULL;
    }

  /* SQLite sorts bytes (“Écully” after “Salle Zola”): the French way */
  sort_options (choices);

  return g_steal_pointer (&choices);
}

void
fd_training_defaults_free (FdTrainingDefaults *defaults)
{
  if (defaults == NULL)
    return;

  g_free (defaults->id);
  g_free (defaults->code);
  g_free (defaults->title);
  g_free (defaults->session_kind);
  g_free (defaults->certification_id);
  g_free (defaults->dispositif);
  g_free (defaults->comments);
  g_free (defaults);
}

/**
 * fd_database_read_training_defaults:
 * @database: a #FdDatabase
 * @training_id: a training's id
 * @error: return location for a #GError
 *
 * Reads what a new session of the training takes from it: its title as
 * the label, the kind of session, certification, capacities, scheme,
 * funding eligibility, comments and price.
 *
 * Returns: (transfer full): the defaults, or %NULL with @error set
 */
FdTrainingDefaults *
fd_database_read_training_defaults (FdDatabase  *database,
                                    const char  *training_id,
                                    GError     **error)
{
  FdTrainingDefaults *defaults = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (training_id != NULL, NULL);

  stmt = _fd_database_prepare (database, training_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, training_id, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      defaults = g_new0 (FdTrainingDefaults, 1);
      defaults->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      defaults->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      defaults->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      defaults->session_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      defaults->certification_id = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      defaults->capacity_min = sqlite3_column_int64 (stmt, 5);
      defaults->capacity_target = sqlite3_column_int64 (stmt, 6);
      defaults->capacity_max = sqlite3_column_int64 (stmt, 7);
      defaults->dispositif = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      defaults->eligible_funding = sqlite3_column_int (stmt, 9) != 0;
      defaults->comments = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      defaults->price_cents = sqlite3_column_int64 (stmt, 11);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND,
                 _("This training no longer exists; it may have been deleted."));
  else if (rc != SQLITE_ROW)
    _fd_database_set_error (database, error, "reading a training");

  return defaults;
}

/**
 * fd_database_read_training_price:
 * @database: a #FdDatabase
 * @training_id: (nullable): a training's id
 *
 * Returns: the training's price in cents, or 0 when it has none (or there
 *   is no such training): what a new cost line of its sessions starts at
 */
gint64
fd_database_read_training_price (FdDatabase *database,
                                 const char *training_id)
{
  g_autoptr(FdTrainingDefaults) defaults = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), 0);

  if (training_id == NULL)
    return 0;

  defaults = fd_database_read_training_defaults (database, training_id, NULL);

  return defaults != NULL ? defaults->price_cents : 0;
}
