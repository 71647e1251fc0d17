/* fd-change.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-change"

#include "config.h"

#include "fd-change-private.h"
#include "fd-text.h"

struct _FdChange
{
  gatomicrefcount ref_count;
  FdChangeKind kind;
  char *entity;
  char *id;
  gint64 base_version;
  GArray *fields; /* FdChangeField, in the order they were first set */
};

G_DEFINE_BOXED_TYPE (FdChange, fd_change, fd_change_ref, fd_change_unref)

static void
clear_field (gpointer data)
{
  FdChangeField *field = data;

  if (field->type == FD_FIELD_TEXT)
    g_clear_pointer (&field->v.text, g_free);
}

static FdChange *
change_new (FdChangeKind  kind,
            const char   *entity,
            char         *id,
            gint64        base_version)
{
  FdChange *self = g_new0 (FdChange, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->entity = g_strdup (entity);
  self->id = id;
  self->base_version = base_version;
  self->fields = g_array_new (FALSE, TRUE, sizeof (FdChangeField));
  g_array_set_clear_func (self->fields, clear_field);

  return self;
}

/**
 * fd_change_new_create:
 * @entity: the entity (table) name, e.g. "trainee"
 *
 * A new row, with a UUID made now; fd_change_get_id() gives it so that
 * other changes in the same batch can refer to it.
 *
 * Returns: (transfer full): a new change
 */
FdChange *
fd_change_new_create (const char *entity)
{
  g_return_val_if_fail (entity != NULL, NULL);

  return change_new (FD_CHANGE_CREATE, entity, fd_text_uuid (), 0);
}

/**
 * fd_change_new_create_with_id:
 * @entity: the entity (table) name, e.g. "trainee"
 * @id: the row's id, made where the row was first created
 *
 * A new row whose UUID was made elsewhere: on the device that created it,
 * when its creation reaches the server or another replica.
 *
 * Returns: (transfer full): a new change
 */
FdChange *
fd_change_new_create_with_id (const char *entity,
                              const char *id)
{
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return change_new (FD_CHANGE_CREATE, entity, g_strdup (id), 0);
}

/**
 * fd_change_new_update:
 * @entity: the entity (table) name
 * @id: the row's id
 * @base_version: the row version the user saw when making the edit
 *
 * Returns: (transfer full): a new change
 */
FdChange *
fd_change_new_update (const char *entity,
                      const char *id,
                      gint64      base_version)
{
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return change_new (FD_CHANGE_UPDATE, entity, g_strdup (id), base_version);
}

/**
 * fd_change_new_delete:
 * @entity: the entity (table) name
 * @id: the row's id
 * @base_version: the row version the user saw
 *
 * Deleting marks the row as a tombstone; it is never removed.
 *
 * Returns: (transfer full): a new change
 */
FdChange *
fd_change_new_delete (const char *entity,
                      const char *id,
                      gint64      base_version)
{
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return change_new (FD_CHANGE_DELETE, entity, g_strdup (id), base_version);
}

/**
 * fd_change_new_restore:
 * @entity: the entity (table) name
 * @id: the id of a deleted row
 * @base_version: the row revision the user saw
 *
 * Brings back a row that was deleted: the undo of a delete.
 *
 * Returns: (transfer full): a new change
 */
FdChange *
fd_change_new_restore (const char *entity,
                       const char *id,
                       gint64      base_version)
{
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return change_new (FD_CHANGE_RESTORE, entity, g_strdup (id), base_version);
}

/* A copy of @self made on @base_version */
FdChange *
_fd_change_copy_rebased (const FdChange *self,
                         gint64          base_version)
{
  FdChange *copy = change_new (self->kind, self->entity, g_strdup (self->id), base_version);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const FdChangeField *field = &g_array_index (self->fields, FdChangeField, i);
      FdChangeField dup = *field;

      if (field->type == FD_FIELD_TEXT)
        dup.v.text = g_strdup (field->v.text);
      g_array_append_val (copy->fields, dup);
    }

  return copy;
}

/* The verb of the change's mutation name and of the change log */
const char *
_fd_change_kind_to_string (FdChangeKind kind)
{
  static const char * const verbs[] = { "create", "update", "delete", "restore" };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (verbs), "update");

  return verbs[kind];
}

FdChange *
fd_change_ref (FdChange *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
fd_change_unref (FdChange *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->fields);
      g_free (self->entity);
      g_free (self->id);
      g_free (self);
    }
}

FdChangeKind
fd_change_get_kind (const FdChange *self)
{
  g_return_val_if_fail (self != NULL, FD_CHANGE_CREATE);

  return self->kind;
}

const char *
fd_change_get_entity (const FdChange *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->entity;
}

const char *
fd_change_get_id (const FdChange *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

gint64
fd_change_get_base_version (const FdChange *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->base_version;
}

guint
fd_change_get_n_fields (const FdChange *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

const FdChangeField *
_fd_change_get_field (const FdChange *self,
                      guint           position)
{
  g_assert (position < self->fields->len);

  return &g_array_index (self->fields, FdChangeField, position);
}

const FdChangeField *
_fd_change_lookup (const FdChange *self,
                   const char     *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      const FdChangeField *field = &g_array_index (self->fields, FdChangeField, i);

      if (g_str_equal (field->name, name))
        return field;
    }

  return NULL;
}

gboolean
fd_change_has_field (const FdChange *self,
                     const char     *field)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return _fd_change_lookup (self, field) != NULL;
}

/* Returns the slot for @name, emptied, appended if new */
static FdChangeField *
take_field (FdChange   *self,
            const char *name)
{
  FdChangeField field = { 0 };

  for (guint i = 0; i < self->fields->len; i++)
    {
      FdChangeField *existing = &g_array_index (self->fields, FdChangeField, i);

      if (g_str_equal (existing->name, name))
        {
          clear_field (existing);
          return existing;
        }
    }

  field.name = g_intern_string (name);
  g_array_append_val (self->fields, field);

  return &g_array_index (self->fields, FdChangeField, self->fields->len - 1);
}

void
fd_change_set_string (FdChange   *self,
                      const char *field,
                      const char *value)
{
  FdChangeField *slot;

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);
  g_return_if_fail (self->kind == FD_CHANGE_CREATE || self->kind == FD_CHANGE_UPDATE);

  slot = take_field (self, field);
  if (value == NULL)
    {
      slot->type = FD_FIELD_NULL;
      return;
    }
  slot->type = FD_FIELD_TEXT;
  slot->v.text = g_strdup (value);
}

void
fd_change_set_int (FdChange   *self,
                   const char *field,
                   gint64      value)
{
  FdChangeField *slot;

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);
  g_return_if_fail (self->kind == FD_CHANGE_CREATE || self->kind == FD_CHANGE_UPDATE);

  slot = take_field (self, field);
  slot->type = FD_FIELD_INT;
  slot->v.integer = value;
}

void
fd_change_set_double (FdChange   *self,
                      const char *field,
                      double      value)
{
  FdChangeField *slot;

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);
  g_return_if_fail (self->kind == FD_CHANGE_CREATE || self->kind == FD_CHANGE_UPDATE);

  slot = take_field (self, field);
  slot->type = FD_FIELD_REAL;
  slot->v.real = value;
}

void
fd_change_set_bool (FdChange   *self,
                    const char *field,
                    gboolean    value)
{
  fd_change_set_int (self, field, value ? 1 : 0);
}

void
fd_change_set_null (FdChange   *self,
                    const char *field)
{
  fd_change_set_string (self, field, NULL);
}

/* Replaces a text field's value in place (used by normalisation) */
void
_fd_change_replace_text (FdChange   *self,
                         const char *name,
                         char       *value)
{
  FdChangeField *slot = take_field (self, name);

  slot->type = value != NULL ? FD_FIELD_TEXT : FD_FIELD_NULL;
  slot->v.text = value;
}
