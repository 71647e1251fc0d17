/* fd-field-message.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-field-message"

#include "config.h"

#include "fd-field-message.h"

/* FdFieldMessage:
 *
 * The row under a field of a form that says what is wrong with it: hidden
 * until there is a message, which also marks the field with the `error`
 * style class. A row of its own so that the message sits in the list,
 * right under the field it is about.
 */
struct _FdFieldMessage
{
  AdwPreferencesRow  parent_instance;

  GtkWidget         *field;

  GtkLabel          *label;
};

G_DEFINE_FINAL_TYPE (FdFieldMessage, fd_field_message, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_field (FdFieldMessage *self)
{
  g_assert (FD_IS_FIELD_MESSAGE (self));

  if (self->field == NULL)
    return;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_widget_add_css_class (self->field, "error");
  else
    gtk_widget_remove_css_class (self->field, "error");
}

static void
fd_field_message_dispose (GObject *object)
{
  FdFieldMessage *self = FD_FIELD_MESSAGE (object);

  g_clear_weak_pointer (&self->field);

  G_OBJECT_CLASS (fd_field_message_parent_class)->dispose (object);
}

static void
fd_field_message_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdFieldMessage *self = FD_FIELD_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_object (value, self->field);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, fd_field_message_get_message (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_field_message_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FdFieldMessage *self = FD_FIELD_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      fd_field_message_set_field (self, g_value_get_object (value));
      break;

    case PROP_MESSAGE:
      fd_field_message_set_message (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_field_message_class_init (FdFieldMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_field_message_dispose;
  object_class->get_property = fd_field_message_get_property;
  object_class->set_property = fd_field_message_set_property;

  properties[PROP_FIELD] =
    g_param_spec_object ("field", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-field-message.ui");
  gtk_widget_class_bind_template_child (widget_class, FdFieldMessage, label);
}

static void
fd_field_message_init (FdFieldMessage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_field_message_get_field:
 *
 * Returns: (transfer none) (nullable): the field the message is about
 */
GtkWidget *
fd_field_message_get_field (FdFieldMessage *self)
{
  g_return_val_if_fail (FD_IS_FIELD_MESSAGE (self), NULL);

  return self->field;
}

void
fd_field_message_set_field (FdFieldMessage *self,
                            GtkWidget      *field)
{
  g_return_if_fail (FD_IS_FIELD_MESSAGE (self));
  g_return_if_fail (field == NULL || GTK_IS_WIDGET (field));

  if (self->field == field)
    return;

  if (self->field != NULL)
    gtk_widget_remove_css_class (self->field, "error");

  g_set_weak_pointer (&self->field, field);
  update_field (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

/**
 * fd_field_message_get_message:
 *
 * Returns: (nullable): the message shown, or %NULL when hidden
 */
const char *
fd_field_message_get_message (FdFieldMessage *self)
{
  g_return_val_if_fail (FD_IS_FIELD_MESSAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;

  return gtk_label_get_text (self->label);
}

/**
 * fd_field_message_set_message:
 * @self: a #FdFieldMessage
 * @message: (nullable): what is wrong with the field, translated; %NULL
 *   or empty to hide the message
 *
 * Shows @message under the field and marks the field, or clears both.
 */
void
fd_field_message_set_message (FdFieldMessage *self,
                              const char     *message)
{
  gboolean visible;

  g_return_if_fail (FD_IS_FIELD_MESSAGE (self));

  if (message != NULL && *message == '\0')
    message = NULL;

  if (g_strcmp0 (message, fd_field_message_get_message (self)) == 0)
    return;

  visible = message != NULL;
  gtk_label_set_text (self->label, visible ? message : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), visible ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self), visible);
  update_field (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}
