/* fd-history.c — undo and redo of the user's edits
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-history"

#include "config.h"

#include "fd-history.h"

#include "fd-change-private.h"
#include "fd-database-private.h"

/**
 * FdHistory:
 *
 * The user's edits of one database, to undo and redo them. Undoing is not
 * rewinding: it applies the inverse changes through the same write path,
 * validated, checked against later edits (undoing a field someone changed
 * since is a conflict, and the step stays to undo), stamped and queued
 * for sync like any edit. Redo applies the inverse of the undo.
 *
 * Only what goes through fd_history_apply() is recorded: imports, sync
 * and other processes are not the user's to undo.
 */
struct _FdHistory
{
  GObject     parent_instance;

  FdDatabase *database;
  GPtrArray  *undo; /* Step, the last one on top */
  GPtrArray  *redo; /* Step, the next one on top */
};

G_DEFINE_FINAL_TYPE (FdHistory, fd_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many steps are kept to undo */
#define MAX_STEPS 100

typedef struct
{
  char *label;
  GPtrArray *changes; /* FdChange: what undoes (or redoes) the step */
  GPtrArray *applied; /* FdChange: what the step's edit set, as applied */
} Step;

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_ptr_array_unref (step->applied);
  g_free (step);
}

static Step *
step_new (const char *label,
          GPtrArray  *changes,
          GPtrArray  *applied)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = changes;
  step->applied = g_ptr_array_ref (applied);

  return step;
}

/* The last change of @applied to the row @change is about */
static const FdChange *
find_applied (GPtrArray      *applied,
              const FdChange *change)
{
  for (guint i = applied->len; i > 0; i--)
    {
      const FdChange *candidate = g_ptr_array_index (applied, i - 1);

      if (g_str_equal (fd_change_get_id (candidate), fd_change_get_id (change)) &&
          g_str_equal (fd_change_get_entity (candidate), fd_change_get_entity (change)))
        return candidate;
    }

  return NULL;
}

/* The step's changes made on the rows as they are now, where they still
 * hold what the step set: later steps of this history, undone since,
 * changed them too, and that is no conflict. Where someone else changed
 * a field, the change keeps its base and the write path refuses it. */
static GPtrArray *
rebase (FdHistory *self,
        Step      *step)
{
  GPtrArray *rebased = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);

  for (guint i = 0; i < step->changes->len; i++)
    {
      FdChange *change = g_ptr_array_index (step->changes, i);
      const FdChange *applied = find_applied (step->applied, change);
      gint64 revision = 0;

      if (fd_change_get_kind (change) == FD_CHANGE_UPDATE && applied != NULL &&
          _fd_database_row_matches (self->database, change, applied, &revision))
        g_ptr_array_add (rebased, _fd_change_copy_rebased (change, revision));
      else
        g_ptr_array_add (rebased, fd_change_ref (change));
    }

  return rebased;
}

static Step *
top (GPtrArray *steps)
{
  return steps->len > 0 ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

static void
notify_all (FdHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
push (GPtrArray *steps,
      Step      *step)
{
  g_ptr_array_add (steps, step);
  if (steps->len > MAX_STEPS)
    g_ptr_array_remove_index (steps, 0);
}

/* Applies the top step of @from and moves it, inverted, onto @to */
static gboolean
replay (FdHistory  *self,
        GPtrArray  *from,
        GPtrArray  *to,
        GError    **error)
{
  g_autoptr(GPtrArray) inverse = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  Step *step = top (from);

  if (step == NULL)
    return TRUE;

  changes = rebase (self, step);
  if (!fd_database_apply_all_with_inverse (self->database, changes, &inverse, error))
    return FALSE;

  push (to, step_new (step->label, g_steal_pointer (&inverse), changes));
  g_ptr_array_remove_index (from, from->len - 1);
  notify_all (self);

  return TRUE;
}

static void
fd_history_dispose (GObject *object)
{
  FdHistory *self = FD_HISTORY (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_history_parent_class)->dispose (object);
}

static void
fd_history_finalize (GObject *object)
{
  FdHistory *self = FD_HISTORY (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (fd_history_parent_class)->finalize (object);
}

static void
fd_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FdHistory *self = FD_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, fd_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, fd_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, fd_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, fd_history_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FdHistory *self = FD_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_history_class_init (FdHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_history_dispose;
  object_class->finalize = fd_history_finalize;
  object_class->get_property = fd_history_get_property;
  object_class->set_property = fd_history_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdHistory:undo-label:
   *
   * What undoing would undo, as the user's words for it (“Slot moved”).
   */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_history_init (FdHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/**
 * fd_history_new:
 * @database: the database the edits are made on
 *
 * Returns: (transfer full): an empty history
 */
FdHistory *
fd_history_new (FdDatabase *database)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  return g_object_new (FD_TYPE_HISTORY, "database", database, NULL);
}

FdDatabase *
fd_history_get_database (FdHistory *self)
{
  g_return_val_if_fail (FD_IS_HISTORY (self), NULL);

  return self->database;
}

/**
 * fd_history_apply:
 * @self: a #FdHistory
 * @label: the user's words for the edit, translated (“Slot moved”)
 * @changes: (element-type FdChange): the edit, applied all or nothing
 * @error: return location for a #GError
 *
 * Applies an edit of the user's and records how to undo it. A new edit
 * drops what could be redone.
 *
 * Returns: %TRUE if the edit was applied
 */
gboolean
fd_history_apply (FdHistory   *self,
                  const char  *label,
                  GPtrArray   *changes,
                  GError     **error)
{
  g_autoptr(GPtrArray) inverse = NULL;

  g_return_val_if_fail (FD_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!fd_database_apply_all_with_inverse (self->database, changes, &inverse, error))
    return FALSE;

  push (self->undo, step_new (label, g_steal_pointer (&inverse), changes));
  g_ptr_array_set_size (self->redo, 0);
  notify_all (self);

  return TRUE;
}

/**
 * fd_history_undo:
 *
 * Undoes the last edit, if any. When it cannot be undone (someone changed
 * the same field since, or a rule now refuses it) @error says why and the
 * edit stays to undo.
 *
 * Returns: %TRUE if the edit was undone, or there was none
 */
gboolean
fd_history_undo (FdHistory  *self,
                 GError    **error)
{
  g_return_val_if_fail (FD_IS_HISTORY (self), FALSE);

  return replay (self, self->undo, self->redo, error);
}

/**
 * fd_history_redo:
 *
 * Does again the last edit undone, if any.
 *
 * Returns: %TRUE if it was redone, or there was none
 */
gboolean
fd_history_redo (FdHistory  *self,
                 GError    **error)
{
  g_return_val_if_fail (FD_IS_HISTORY (self), FALSE);

  return replay (self, self->redo, self->undo, error);
}

gboolean
fd_history_get_can_undo (FdHistory *self)
{
  g_return_val_if_fail (FD_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
fd_history_get_can_redo (FdHistory *self)
{
  g_return_val_if_fail (FD_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

const char *
fd_history_get_undo_label (FdHistory *self)
{
  Step *step;

  g_return_val_if_fail (FD_IS_HISTORY (self), NULL);

  step = top (self->undo);

  return step != NULL ? step->label : NULL;
}

const char *
fd_history_get_redo_label (FdHistory *self)
{
  Step *step;

  g_return_val_if_fail (FD_IS_HISTORY (self), NULL);

  step = top (self->redo);

  return step != NULL ? step->label : NULL;
}

/**
 * fd_history_clear:
 *
 * Forgets every step (another database was opened, another user signed in).
 */
void
fd_history_clear (FdHistory *self)
{
  g_return_if_fail (FD_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_all (self);
}
