/* fd-option.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-option"

#include "config.h"

#include "fd-option.h"

/**
 * FdOption:
 *
 * A row an editor offers in a drop-down (a training, a place, a trainer,
 * an evaluation…): its id, the label shown and a detail under it (a code,
 * a city). A read-only snapshot; its properties never change, so lists
 * and expressions can read them without watching them.
 */
struct _FdOption
{
  GObject parent_instance;

  char *id;
  char *label;
  char *detail;
};

G_DEFINE_FINAL_TYPE (FdOption, fd_option, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_option_finalize (GObject *object)
{
  FdOption *self = (FdOption *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (fd_option_parent_class)->finalize (object);
}

static void
fd_option_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FdOption *self = FD_OPTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_option_class_init (FdOptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_option_finalize;
  object_class->get_property = fd_option_get_property;

  /**
   * FdOption:id:
   *
   * The row's id, or %NULL for the "None" choice of an optional field.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdOption:label:
   *
   * What the list shows.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdOption:detail:
   *
   * A detail shown under or beside the label, or %NULL.
   */
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_option_init (FdOption *self)
{
}

/**
 * fd_option_new:
 * @id: (nullable): the row's id, %NULL for "none"
 * @label: what to show
 * @detail: (nullable): a detail
 *
 * Returns: (transfer full): a new choice
 */
FdOption *
fd_option_new (const char *id,
               const char *label,
               const char *detail)
{
  FdOption *self;

  g_return_val_if_fail (label != NULL, NULL);

  self = g_object_new (FD_TYPE_OPTION, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->detail = g_strdup (detail);

  return self;
}

const char *
fd_option_get_id (FdOption *self)
{
  g_return_val_if_fail (FD_IS_OPTION (self), NULL);

  return self->id;
}

const char *
fd_option_get_label (FdOption *self)
{
  g_return_val_if_fail (FD_IS_OPTION (self), NULL);

  return self->label;
}

const char *
fd_option_get_detail (FdOption *self)
{
  g_return_val_if_fail (FD_IS_OPTION (self), NULL);

  return self->detail;
}
