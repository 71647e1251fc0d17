/* fd-row-changes.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-row-changes"

#include "config.h"

#include "fd-row-changes.h"

typedef struct
{
  const char *entity; /* interned */
  char *id;
  FdChangeKind kind;
  GStrv fields;       /* the fields an update set; NULL: unknown, or all */
} RowChange;

struct _FdRowChanges
{
  gatomicrefcount ref_count;
  gboolean reset;
  GArray *rows;       /* RowChange, in the order first seen */
  GHashTable *index;  /* "entity\nid" → position + 1 */
};

G_DEFINE_BOXED_TYPE (FdRowChanges, fd_row_changes, fd_row_changes_ref, fd_row_changes_unref)

static void
clear_row (gpointer data)
{
  RowChange *row = data;

  g_clear_pointer (&row->id, g_free);
  g_clear_pointer (&row->fields, g_strfreev);
}

static char *
make_key (const char *entity,
          const char *id)
{
  return g_strconcat (entity, "\n", id, NULL);
}

/**
 * fd_row_changes_new:
 *
 * Returns: (transfer full): an empty set of changed rows
 */
FdRowChanges *
fd_row_changes_new (void)
{
  FdRowChanges *self = g_new0 (FdRowChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->rows = g_array_new (FALSE, TRUE, sizeof (RowChange));
  g_array_set_clear_func (self->rows, clear_row);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

/**
 * fd_row_changes_new_reset:
 *
 * Returns: (transfer full): a set saying "anything may have changed"
 */
FdRowChanges *
fd_row_changes_new_reset (void)
{
  FdRowChanges *self = fd_row_changes_new ();

  self->reset = TRUE;

  return self;
}

FdRowChanges *
fd_row_changes_ref (FdRowChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
fd_row_changes_unref (FdRowChanges *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->index);
      g_array_unref (self->rows);
      g_free (self);
    }
}

/**
 * fd_row_changes_add:
 *
 * Adds a changed row. A row already in the set keeps one entry: created
 * then updated stays "created", anything then deleted becomes "deleted",
 * deleted then restored becomes "updated".
 */
void
fd_row_changes_add (FdRowChanges *self,
                    const char   *entity,
                    const char   *id,
                    FdChangeKind  kind)
{
  fd_row_changes_add_fields (self, entity, id, kind, NULL);
}

/* The union of two updates' fields; NULL (all) wins */
static GStrv
merge_fields (GStrv       fields,
              const char *more)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) added = NULL;

  if (fields == NULL || more == NULL)
    {
      g_strfreev (fields);
      return NULL;
    }

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) fields);
  added = g_strsplit (more, " ", -1);
  for (guint i = 0; added[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) fields, added[i]))
      g_strv_builder_add (builder, added[i]);
  g_strfreev (fields);

  return g_strv_builder_end (builder);
}

/**
 * fd_row_changes_add_fields:
 * @fields: (nullable): for an update, the fields it set, separated by
 *   spaces; %NULL if unknown
 *
 * Adds a changed row, with the fields an update set. A row already in the
 * set keeps one entry: created then updated stays "created", anything
 * then deleted becomes "deleted", deleted then restored becomes "updated";
 * the fields of two updates add up.
 */
void
fd_row_changes_add_fields (FdRowChanges *self,
                           const char   *entity,
                           const char   *id,
                           FdChangeKind  kind,
                           const char   *fields)
{
  g_autofree char *key = NULL;
  gpointer position;
  RowChange row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (entity != NULL && id != NULL);

  key = make_key (entity, id);
  position = g_hash_table_lookup (self->index, key);
  if (position != NULL)
    {
      RowChange *existing = &g_array_index (self->rows, RowChange, GPOINTER_TO_UINT (position) - 1);

      if (kind == FD_CHANGE_DELETE)
        existing->kind = FD_CHANGE_DELETE;
      else if (existing->kind == FD_CHANGE_DELETE)
        existing->kind = FD_CHANGE_UPDATE;
      existing->fields = merge_fields (existing->fields,
                                       kind == FD_CHANGE_UPDATE ? fields : NULL);
      return;
    }

  row.entity = g_intern_string (entity);
  row.id = g_strdup (id);
  row.kind = kind == FD_CHANGE_RESTORE ? FD_CHANGE_CREATE : kind;
  row.fields = kind == FD_CHANGE_UPDATE && fields != NULL ? g_strsplit (fields, " ", -1) : NULL;
  g_array_append_val (self->rows, row);
  g_hash_table_insert (self->index, g_steal_pointer (&key), GUINT_TO_POINTER (self->rows->len));
}

gboolean
fd_row_changes_is_reset (const FdRowChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->reset;
}

guint
fd_row_changes_get_length (const FdRowChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

const char *
fd_row_changes_get_entity (const FdRowChanges *self,
                           guint               position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  return g_array_index (self->rows, RowChange, position).entity;
}

const char *
fd_row_changes_get_id (const FdRowChanges *self,
                       guint               position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  return g_array_index (self->rows, RowChange, position).id;
}

FdChangeKind
fd_row_changes_get_kind (const FdRowChanges *self,
                         guint               position)
{
  g_return_val_if_fail (self != NULL, FD_CHANGE_UPDATE);
  g_return_val_if_fail (position < self->rows->len, FD_CHANGE_UPDATE);

  return g_array_index (self->rows, RowChange, position).kind;
}

/**
 * fd_row_changes_get_fields:
 *
 * Returns: (transfer none) (nullable): the fields an updated row's
 *   updates set, or %NULL if unknown or the row was not only updated
 */
const char * const *
fd_row_changes_get_fields (const FdRowChanges *self,
                           guint               position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  return (const char * const *) g_array_index (self->rows, RowChange, position).fields;
}

/**
 * fd_row_changes_touches:
 *
 * Returns: whether a row of @entity changed (always %TRUE for a reset)
 */
gboolean
fd_row_changes_touches (const FdRowChanges *self,
                        const char         *entity)
{
  const char *interned;

  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (entity != NULL, TRUE);

  if (self->reset)
    return TRUE;

  interned = g_intern_string (entity);
  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, RowChange, i).entity == interned)
      return TRUE;

  return FALSE;
}

/**
 * fd_row_changes_lookup:
 * @kind: (out) (optional): what happened to the row
 *
 * Returns: whether the row @entity / @id is in the set
 */
gboolean
fd_row_changes_lookup (const FdRowChanges *self,
                       const char         *entity,
                       const char         *id,
                       FdChangeKind       *kind)
{
  g_autofree char *key = NULL;
  gpointer position;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entity != NULL && id != NULL, FALSE);

  key = make_key (entity, id);
  position = g_hash_table_lookup (self->index, key);
  if (position == NULL)
    return FALSE;

  if (kind != NULL)
    *kind = g_array_index (self->rows, RowChange, GPOINTER_TO_UINT (position) - 1).kind;

  return TRUE;
}
