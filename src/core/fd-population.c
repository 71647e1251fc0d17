/* fd-population.c — who a session is for
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-population"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "fd-population.h"

#include "fd-database-private.h"
#include "fd-text.h"
#include "fd-validate.h"

/*
 * A population is a named set of trainees: a client company's employees
 * (its trainees, as they are now), a group's members, or a list of its
 * own (population_member). A session may name populations
 * (session_population); then:
 *
 * - it takes enrollments only from them: the write path refuses any other
 *   trainee (check_enrollment() in fd-entity.c), whoever enrolls them;
 * - it is shown only to them outside the staff's views: a trainee portal,
 *   a client's HR space or a published catalogue lists such a session only
 *   to trainees of one of its populations (and to the clients they work
 *   for). The staff's views (the desktop app, the CLI) show every session.
 *   No such outside view exists yet; whichever comes first applies this
 *   rule with the same query as check_enrollment().
 *
 * A session without populations is open to all. Everything here writes
 * through the one write path, as changes a caller may apply with others
 * (a session's form saves its fields and its populations in one undoable
 * edit).
 */

#define POPULATION_COLUMNS \
  "p.id, p.revision, p.name, p.kind, p.client_id, p.group_id," \
  " CASE p.kind" \
  "  WHEN 'client' THEN (SELECT count(*) FROM trainee t" \
  "                      WHERE t.client_id = p.client_id AND t.deleted = 0)" \
  "  WHEN 'group' THEN (SELECT count(*) FROM group_member g" \
  "                     JOIN trainee t ON t.id = g.trainee_id AND t.deleted = 0" \
  "                     WHERE g.group_id = p.group_id AND g.deleted = 0)" \
  "  ELSE (SELECT count(*) FROM population_member m" \
  "        JOIN trainee t ON t.id = m.trainee_id AND t.deleted = 0" \
  "        WHERE m.population_id = p.id AND m.deleted = 0)" \
  " END"

static const char populations_sql[] =
  "SELECT " POPULATION_COLUMNS " FROM population p WHERE p.deleted = 0";

static const char session_populations_sql[] =
  "SELECT " POPULATION_COLUMNS " FROM session_population sp"
  " JOIN population p ON p.id = sp.population_id AND p.deleted = 0"
  " WHERE sp.session_id = ?1 AND sp.deleted = 0 ORDER BY sp.rowid";

static const char links_sql[] =
  "SELECT id, revision, population_id FROM session_population"
  " WHERE session_id = ?1 AND deleted = 0";

void
fd_population_free (FdPopulation *population)
{
  if (population == NULL)
    return;

  g_free (population->id);
  g_free (population->name);
  g_free (population->kind);
  g_free (population->client_id);
  g_free (population->group_id);
  g_free (population);
}

/**
 * fd_population_kind_label:
 * @kind: "client", "group" or "list"
 *
 * Returns: what the population is made of, translated
 */
const char *
fd_population_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "client") == 0)
    return _("Client company");
  if (g_strcmp0 (kind, "group") == 0)
    return _("Group");
  if (g_strcmp0 (kind, "list") == 0)
    return _("List of trainees");

  return kind != NULL ? kind : "";
}

static GPtrArray *
read_populations (FdDatabase  *database,
                  const char  *sql,
                  const char  *session_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) populations = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_population_free);
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (session_id != NULL)
    sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdPopulation *population = g_new0 (FdPopulation, 1);

      population->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      population->revision = sqlite3_column_int64 (stmt, 1);
      population->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      population->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      population->client_id = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      population->group_id = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      population->n_members = (guint) CLAMP (sqlite3_column_int64 (stmt, 6), 0, G_MAXUINT);
      g_ptr_array_add (populations, population);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "reading populations");
      return NULL;
    }

  return g_steal_pointer (&populations);
}

typedef struct
{
  char *key;
  FdPopulation *population;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a;
  const Keyed *y = b;
  int order = strcmp (x->key, y->key);

  return order != 0 ? order : strcmp (x->population->id, y->population->id);
}

/**
 * fd_database_list_populations:
 * @database: a #FdDatabase
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FdPopulation): the live
 *   populations with their member counts, in French order of their names
 *   (« Équipe » beside « Equipe », before « Ferrand »), or %NULL with
 *   @error set
 */
GPtrArray *
fd_database_list_populations (FdDatabase  *database,
                              GError     **error)
{
  g_autoptr(GPtrArray) populations = NULL;
  g_autoptr(GArray) keyed = NULL;
  GPtrArray *sorted;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  populations = read_populations (database, populations_sql, NULL, error);
  if (populations == NULL)
    return NULL;

  /* Fold each name once, not at each comparison */
  keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), populations->len);
  for (guint i = 0; i < populations->len; i++)
    {
      Keyed item = { fd_text_fold (((FdPopulation *) g_ptr_array_index (populations, i))->name),
                     g_ptr_array_index (populations, i) };

      g_array_append_val (keyed, item);
    }
  g_array_sort (keyed, compare_keyed);

  g_ptr_array_set_free_func (populations, NULL);
  sorted = g_ptr_array_new_full (keyed->len, (GDestroyNotify) fd_population_free);
  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *item = &g_array_index (keyed, Keyed, i);

      g_ptr_array_add (sorted, item->population);
      g_free (item->key);
    }

  return sorted;
}

/**
 * fd_database_list_session_populations:
 * @database: a #FdDatabase
 * @session_id: a session
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FdPopulation): the live
 *   populations the session is for, in the order they were chosen; empty
 *   when it is open to all; %NULL with @error set
 */
GPtrArray *
fd_database_list_session_populations (FdDatabase  *database,
                                      const char  *session_id,
                                      GError     **error)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);

  return read_populations (database, session_populations_sql, session_id, error);
}

/* Whether @changes create a row of @entity with @id */
static gboolean
creates (GPtrArray  *changes,
         const char *entity,
         const char *id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      FdChange *change = g_ptr_array_index (changes, i);

      if (fd_change_get_kind (change) == FD_CHANGE_CREATE &&
          g_str_equal (fd_change_get_entity (change), entity) &&
          g_str_equal (fd_change_get_id (change), id))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_live (FdDatabase *database,
         const char *sql,
         const char *id)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * fd_population_collect_create:
 * @database: a #FdDatabase
 * @kind: "client", "group" or "list"
 * @name: the population's name
 * @source_id: (nullable): for "client", the client company; for "group",
 *   the group; %NULL for "list"
 * @trainee_ids: (nullable) (array zero-terminated=1): for "list", the
 *   trainees, at least one, each once
 * @changes: (element-type FdChange): where to append the changes
 * @population_id: (out) (optional) (transfer full): the new population's id
 * @error: return location for a #GError
 *
 * Appends the creation of a population and, for a list, of its members,
 * to be applied with the caller's other changes. What is wrong is refused
 * here, as a %FD_VALIDATION_ERROR naming the field ("name", "kind",
 * "client_id", "group_id" or "trainee_id"), and nothing is appended.
 *
 * Returns: %FALSE with @error set if the population cannot be made
 */
gboolean
fd_population_collect_create (FdDatabase          *database,
                              const char          *kind,
                              const char          *name,
                              const char          *source_id,
                              const char * const  *trainee_ids,
                              GPtrArray           *changes,
                              char               **population_id,
                              GError             **error)
{
  g_autoptr(GPtrArray) collected = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(FdChange) change = NULL;
  gboolean is_list;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (kind, "client") != 0 && g_strcmp0 (kind, "group") != 0 &&
      g_strcmp0 (kind, "list") != 0)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "kind",
                          _("A population is made of a client company’s trainees, a group or a "
                            "list of trainees."));
      return FALSE;
    }
  is_list = g_str_equal (kind, "list");

  if (is_blank (name))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "name",
                          _("Give the population a name."));
      return FALSE;
    }

  if (g_str_equal (kind, "client") &&
      (source_id == NULL ||
       !is_live (database, "SELECT 1 FROM client WHERE id = ?1 AND deleted = 0 AND kind = 'company'",
                 source_id)))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "client_id",
                          _("Choose the client company whose trainees make the population."));
      return FALSE;
    }

  if (g_str_equal (kind, "group") &&
      (source_id == NULL ||
       !is_live (database, "SELECT 1 FROM trainee_group WHERE id = ?1 AND deleted = 0", source_id)))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "group_id",
                          _("Choose the group whose members make the population."));
      return FALSE;
    }

  if (is_list && (trainee_ids == NULL || trainee_ids[0] == NULL))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "trainee_id",
                          _("Add at least one trainee to the list."));
      return FALSE;
    }

  change = fd_change_new_create ("population");
  {
    g_autofree char *stripped = g_strstrip (g_strdup (name));

    fd_change_set_string (change, "name", stripped);
  }
  fd_change_set_string (change, "kind", kind);
  if (g_str_equal (kind, "client"))
    fd_change_set_string (change, "client_id", source_id);
  else if (g_str_equal (kind, "group"))
    fd_change_set_string (change, "group_id", source_id);
  g_ptr_array_add (collected, fd_change_ref (change));

  for (guint i = 0; is_list && trainee_ids[i] != NULL; i++)
    {
      FdChange *member;

      if (!is_live (database, "SELECT 1 FROM trainee WHERE id = ?1 AND deleted = 0", trainee_ids[i]))
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainee_id",
                              _("A trainee of the list does not exist or was deleted."));
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) trainee_ids[i]))
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainee_id",
                              _("A trainee is in the list twice."));
          return FALSE;
        }

      member = fd_change_new_create ("population_member");
      fd_change_set_string (member, "population_id", fd_change_get_id (change));
      fd_change_set_string (member, "trainee_id", trainee_ids[i]);
      g_ptr_array_add (collected, member);
    }

  for (guint i = 0; i < collected->len; i++)
    g_ptr_array_add (changes, fd_change_ref (g_ptr_array_index (collected, i)));
  if (population_id != NULL)
    *population_id = g_strdup (fd_change_get_id (change));

  return TRUE;
}

/**
 * fd_database_create_population:
 * @database: a #FdDatabase
 * @kind: "client", "group" or "list"
 * @name: the population's name
 * @source_id: (nullable): the client company or the group
 * @trainee_ids: (nullable) (array zero-terminated=1): for a list, its trainees
 * @error: return location for a #GError
 *
 * fd_population_collect_create(), applied at once, all or nothing.
 *
 * Returns: (transfer full): the new population's id, or %NULL with
 *   @error set
 */
char *
fd_database_create_population (FdDatabase          *database,
                               const char          *kind,
                               const char          *name,
                               const char          *source_id,
                               const char * const  *trainee_ids,
                               GError             **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  g_autofree char *id = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  if (!fd_population_collect_create (database, kind, name, source_id, trainee_ids, changes, &id,
                                     error) ||
      !fd_database_apply_all (database, changes, error))
    return NULL;

  return g_steal_pointer (&id);
}

/**
 * fd_session_populations_collect_changes:
 * @database: a #FdDatabase
 * @session_id: a session, stored or created by @changes
 * @population_ids: (array zero-terminated=1): the populations it is to
 *   be for, each once; empty to open it to all
 * @changes: (element-type FdChange): where to append the changes; a
 *   population it creates may be chosen
 * @error: return location for a #GError
 *
 * Appends what makes the session's populations @population_ids: a link
 * for each one added, the deletion of each one dropped (on the revision
 * read now). An unknown or deleted population, or one named twice, is
 * refused as a %FD_VALIDATION_ERROR on "population_id", and nothing is
 * appended.
 *
 * Returns: %FALSE with @error set if @population_ids cannot be set
 */
gboolean
fd_session_populations_collect_changes (FdDatabase          *database,
                                        const char          *session_id,
                                        const char * const  *population_ids,
                                        GPtrArray           *changes,
                                        GError             **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) linked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) collected = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (population_ids != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!creates (changes, "session", session_id) &&
      !is_live (database, "SELECT 1 FROM session WHERE id = ?1 AND deleted = 0", session_id))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "session_id",
                          _("This session no longer exists; it may have been deleted."));
      return FALSE;
    }

  for (guint i = 0; population_ids[i] != NULL; i++)
    {
      const char *id = population_ids[i];

      if (!creates (changes, "population", id) &&
          !is_live (database, "SELECT 1 FROM population WHERE id = ?1 AND deleted = 0", id))
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "population_id",
                              _("A population chosen does not exist or was deleted."));
          return FALSE;
        }
      if (!g_hash_table_add (wanted, (gpointer) id))
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "population_id",
                              _("A population is chosen twice."));
          return FALSE;
        }
    }

  /* The links stored: those no longer wanted go, the others stay */
  stmt = _fd_database_prepare (database, links_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *population = (const char *) sqlite3_column_text (stmt, 2);

      if (g_hash_table_contains (wanted, population) &&
          !g_hash_table_contains (linked, population))
        g_hash_table_add (linked, g_strdup (population));
      else
        g_ptr_array_add (collected,
                         fd_change_new_delete ("session_population",
                                               (const char *) sqlite3_column_text (stmt, 0),
                                               sqlite3_column_int64 (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, "reading a session’s populations");
      return FALSE;
    }

  for (guint i = 0; population_ids[i] != NULL; i++)
    {
      FdChange *link;

      if (g_hash_table_contains (linked, population_ids[i]))
        continue;

      link = fd_change_new_create ("session_population");
      fd_change_set_string (link, "session_id", session_id);
      fd_change_set_string (link, "population_id", population_ids[i]);
      g_ptr_array_add (collected, link);
    }

  for (guint i = 0; i < collected->len; i++)
    g_ptr_array_add (changes, fd_change_ref (g_ptr_array_index (collected, i)));

  return TRUE;
}

/**
 * fd_database_set_session_populations:
 * @database: a #FdDatabase
 * @session_id: a session
 * @population_ids: (array zero-terminated=1): its populations; empty to
 *   open it to all
 * @error: return location for a #GError
 *
 * fd_session_populations_collect_changes(), applied at once.
 *
 * Returns: %FALSE with @error set if nothing was changed
 */
gboolean
fd_database_set_session_populations (FdDatabase          *database,
                                     const char          *session_id,
                                     const char * const  *population_ids,
                                     GError             **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);

  if (!fd_session_populations_collect_changes (database, session_id, population_ids, changes,
                                               error))
    return FALSE;

  return changes->len == 0 || fd_database_apply_all (database, changes, error);
}
