/* fd-record.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-record"

#include "config.h"

#include "fd-record.h"

#include "fd-models-private.h"

typedef struct
{
  char   *id;
  gint64  revision;
} FdRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FdRecord, fd_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_record_finalize (GObject *object)
{
  FdRecord *self = (FdRecord *)object;
  FdRecordPrivate *priv = fd_record_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);

  G_OBJECT_CLASS (fd_record_parent_class)->finalize (object);
}

static void
fd_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FdRecord *self = FD_RECORD (object);
  FdRecordPrivate *priv = fd_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, priv->revision);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_record_class_init (FdRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_record_finalize;
  object_class->get_property = fd_record_get_property;

  /**
   * FdRecord:id:
   *
   * The UUID of the row.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdRecord:revision:
   *
   * The row's local revision when it was read: the base of an edit made
   * from this snapshot (see fd_change_new_update()).
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("revision", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_record_init (FdRecord *self)
{
}

void
_fd_record_set_identity (FdRecord   *self,
                         const char *id,
                         gint64      revision)
{
  FdRecordPrivate *priv = fd_record_get_instance_private (self);

  g_return_if_fail (FD_IS_RECORD (self));

  g_free (priv->id);
  priv->id = g_strdup (id);
  priv->revision = revision;
}

/**
 * fd_record_get_id:
 * @self: a #FdRecord
 *
 * Returns: (transfer none): the UUID of the row
 */
const char *
fd_record_get_id (FdRecord *self)
{
  FdRecordPrivate *priv = fd_record_get_instance_private (self);

  g_return_val_if_fail (FD_IS_RECORD (self), NULL);

  return priv->id;
}

/**
 * fd_record_get_revision:
 * @self: a #FdRecord
 *
 * Returns: the row's revision when it was read, the base of an edit made
 *   from this snapshot
 */
gint64
fd_record_get_revision (FdRecord *self)
{
  FdRecordPrivate *priv = fd_record_get_instance_private (self);

  g_return_val_if_fail (FD_IS_RECORD (self), 0);

  return priv->revision;
}
