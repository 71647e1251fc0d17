/* fd-resource-lane.c — the trainers and rooms a resource week has lanes for
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-resource-lane"

#include "config.h"

#include "fd-resource-lane.h"

#include "fd-database-private.h"
#include "fd-models-private.h"
#include "fd-text.h"

#include <string.h>

/*
 * FdResourceLane:
 *
 * One row of the calendar's resource week: a live trainer or a live room,
 * with only what the row shows and what a page filters lanes by (a room's
 * place). It is a small immutable boxed value rather than an FdRecord: the
 * large demo has 2 000 trainers, listed at once when the view is first
 * shown, and reading whole trainer records for them would cost ten times
 * more than these four columns.
 */
struct _FdResourceLane
{
  char *id;
  char *name;
  char *place_id;
  char *place_name;
  guint capacity;
};

G_DEFINE_BOXED_TYPE (FdResourceLane, fd_resource_lane,
                     fd_resource_lane_ref, fd_resource_lane_unref)

/* Every live trainer, by the sort key the trainers' list uses (folded last
 * then first name): the order people look for a colleague in. */
static const char trainer_lanes_sql[] =
  "SELECT id, first_name || ' ' || last_name FROM trainer"
  " WHERE deleted = 0 ORDER BY sort_key, id";

/* Live rooms of live places; sorted below, by folded names. */
static const char room_lanes_sql[] =
  "SELECT r.id, r.name, r.place_id, p.name, r.capacity"
  " FROM room r JOIN place p ON p.id = r.place_id AND p.deleted = 0"
  " WHERE r.deleted = 0";

static void
lane_clear (FdResourceLane *self)
{
  g_free (self->id);
  g_free (self->name);
  g_free (self->place_id);
  g_free (self->place_name);
}

/**
 * fd_resource_lane_new:
 * @id: the trainer's or the room's id
 * @name: what the lane is called: "Anne Martin", "Salle Molière"
 * @place_id: (nullable): a room's place
 * @place_name: (nullable): its name
 * @capacity: a room's seats, 0 for a trainer or when unknown
 *
 * Returns: (transfer full): a new lane
 */
FdResourceLane *
fd_resource_lane_new (const char *id,
                      const char *name,
                      const char *place_id,
                      const char *place_name,
                      guint       capacity)
{
  FdResourceLane *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_atomic_rc_box_new0 (FdResourceLane);
  self->id = g_strdup (id);
  self->name = g_strdup (name != NULL ? name : "");
  self->place_id = g_strdup (place_id);
  self->place_name = g_strdup (place_name);
  self->capacity = capacity;

  return self;
}

FdResourceLane *
fd_resource_lane_ref (FdResourceLane *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
fd_resource_lane_unref (FdResourceLane *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) lane_clear);
}

const char *
fd_resource_lane_get_id (const FdResourceLane *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

const char *
fd_resource_lane_get_name (const FdResourceLane *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * fd_resource_lane_get_place_id:
 *
 * Returns: (nullable): the place of a room lane, %NULL for a trainer
 */
const char *
fd_resource_lane_get_place_id (const FdResourceLane *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->place_id;
}

const char *
fd_resource_lane_get_place_name (const FdResourceLane *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->place_name;
}

guint
fd_resource_lane_get_capacity (const FdResourceLane *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->capacity;
}

/**
 * fd_database_list_trainer_lanes:
 * @self: a #FdDatabase
 * @error: return location for a #GError
 *
 * Lists every live trainer as a lane named "First Last", in the order of
 * the trainers' list.
 *
 * Returns: (transfer full) (element-type FdResourceLane): the lanes, or
 *   %NULL
 */
GPtrArray *
fd_database_list_trainer_lanes (FdDatabase  *self,
                                GError     **error)
{
  g_autoptr(GPtrArray) lanes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (self, trainer_lanes_sql, error);
  if (stmt == NULL)
    return NULL;

  lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_resource_lane_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (id == NULL)
        continue;
      g_ptr_array_add (lanes, fd_resource_lane_new (id,
                                                    (const char *) sqlite3_column_text (stmt, 1),
                                                    NULL, NULL, 0));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _fd_database_set_error (self, error, "listing the trainers' lanes");
      return NULL;
    }

  return g_steal_pointer (&lanes);
}

typedef struct
{
  FdResourceLane *lane;
  char *place_key;
  char *room_key;
} RoomRow;

static int
compare_room_rows (gconstpointer a,
                   gconstpointer b)
{
  const RoomRow *x = a;
  const RoomRow *y = b;
  int order;

  order = strcmp (x->place_key, y->place_key);
  if (order == 0)
    order = g_strcmp0 (x->lane->place_id, y->lane->place_id);
  if (order == 0)
    order = strcmp (x->room_key, y->room_key);
  if (order == 0)
    order = strcmp (x->lane->id, y->lane->id);

  return order;
}

/**
 * fd_database_list_room_lanes:
 * @self: a #FdDatabase
 * @error: return location for a #GError
 *
 * Lists every live room of a live place as a lane, sorted by place name
 * then room name, accents folded ("Éco" before "Zola").
 *
 * Returns: (transfer full) (element-type FdResourceLane): the lanes, or
 *   %NULL
 */
GPtrArray *
fd_database_list_room_lanes (FdDatabase  *self,
                             GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  GPtrArray *lanes;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _fd_database_prepare (self, room_lanes_sql, error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, FALSE, sizeof (RoomRow));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *id = _fd_stmt_dup_text (stmt, 0);
      g_autofree char *name = _fd_stmt_dup_text (stmt, 1);
      g_autofree char *place_id = _fd_stmt_dup_text (stmt, 2);
      g_autofree char *place_name = _fd_stmt_dup_text (stmt, 3);
      gint64 capacity = sqlite3_column_int64 (stmt, 4);
      RoomRow row;

      if (id == NULL)
        continue;

      row.lane = fd_resource_lane_new (id, name, place_id, place_name,
                                       (guint) CLAMP (capacity, 0, G_MAXUINT));
      row.place_key = fd_text_fold (place_name);
      row.room_key = fd_text_fold (name);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < rows->len; i++)
        {
          RoomRow *row = &g_array_index (rows, RoomRow, i);

          fd_resource_lane_unref (row->lane);
          g_free (row->place_key);
          g_free (row->room_key);
        }
      _fd_database_set_error (self, error, "listing the rooms' lanes");
      return NULL;
    }

  g_array_sort (rows, compare_room_rows);

  lanes = g_ptr_array_new_full (rows->len, (GDestroyNotify) fd_resource_lane_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      RoomRow *row = &g_array_index (rows, RoomRow, i);

      g_ptr_array_add (lanes, row->lane);
      g_free (row->place_key);
      g_free (row->room_key);
    }

  return lanes;
}
