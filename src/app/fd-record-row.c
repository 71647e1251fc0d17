/* fd-record-row.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-record-row"

#include "config.h"

#include "fd-record-row.h"

/* FdRecordRow:
 *
 * One row of the sessions, trainers and candidates lists: a title and a
 * subtitle on the left, two short texts on the right. Rows are recycled by
 * the list views, so it holds texts only, never the record.
 */
struct _FdRecordRow
{
  GtkWidget       parent_instance;

  GtkLabel       *end_subtitle_label;
  GtkLabel       *end_title_label;
  GtkInscription *subtitle_inscription;
  GtkInscription *title_inscription;
};

G_DEFINE_FINAL_TYPE (FdRecordRow, fd_record_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_END_TITLE,
  PROP_END_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
fd_record_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), FD_TYPE_RECORD_ROW);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fd_record_row_parent_class)->dispose (object);
}

static void
fd_record_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdRecordRow *self = FD_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, fd_record_row_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, fd_record_row_get_subtitle (self));
      break;

    case PROP_END_TITLE:
      g_value_set_string (value, fd_record_row_get_end_title (self));
      break;

    case PROP_END_SUBTITLE:
      g_value_set_string (value, fd_record_row_get_end_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_record_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FdRecordRow *self = FD_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      fd_record_row_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUBTITLE:
      fd_record_row_set_subtitle (self, g_value_get_string (value));
      break;

    case PROP_END_TITLE:
      fd_record_row_set_end_title (self, g_value_get_string (value));
      break;

    case PROP_END_SUBTITLE:
      fd_record_row_set_end_subtitle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_record_row_class_init (FdRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_record_row_dispose;
  object_class->get_property = fd_record_row_get_property;
  object_class->set_property = fd_record_row_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_END_TITLE] =
    g_param_spec_string ("end-title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_END_SUBTITLE] =
    g_param_spec_string ("end-subtitle", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/formadesk/Formadesk/fd-record-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fdrecordrow");

  gtk_widget_class_bind_template_child (widget_class, FdRecordRow, end_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FdRecordRow, end_title_label);
  gtk_widget_class_bind_template_child (widget_class, FdRecordRow, subtitle_inscription);
  gtk_widget_class_bind_template_child (widget_class, FdRecordRow, title_inscription);
}

static void
fd_record_row_init (FdRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fd_record_row_new (void)
{
  return g_object_new (FD_TYPE_RECORD_ROW, NULL);
}

const char *
fd_record_row_get_title (FdRecordRow *self)
{
  g_return_val_if_fail (FD_IS_RECORD_ROW (self), NULL);

  return gtk_inscription_get_text (self->title_inscription);
}

void
fd_record_row_set_title (FdRecordRow *self,
                         const char  *title)
{
  g_return_if_fail (FD_IS_RECORD_ROW (self));

  if (g_strcmp0 (title, gtk_inscription_get_text (self->title_inscription)) == 0)
    return;

  gtk_inscription_set_text (self->title_inscription, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
fd_record_row_get_subtitle (FdRecordRow *self)
{
  g_return_val_if_fail (FD_IS_RECORD_ROW (self), NULL);

  return gtk_inscription_get_text (self->subtitle_inscription);
}

void
fd_record_row_set_subtitle (FdRecordRow *self,
                            const char  *subtitle)
{
  g_return_if_fail (FD_IS_RECORD_ROW (self));

  if (g_strcmp0 (subtitle, gtk_inscription_get_text (self->subtitle_inscription)) == 0)
    return;

  gtk_inscription_set_text (self->subtitle_inscription, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_inscription),
                          subtitle != NULL && *subtitle != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
fd_record_row_get_end_title (FdRecordRow *self)
{
  g_return_val_if_fail (FD_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_text (self->end_title_label);
}

void
fd_record_row_set_end_title (FdRecordRow *self,
                             const char  *end_title)
{
  g_return_if_fail (FD_IS_RECORD_ROW (self));

  if (g_strcmp0 (end_title, gtk_label_get_text (self->end_title_label)) == 0)
    return;

  set_label_text (self->end_title_label, end_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TITLE]);
}

const char *
fd_record_row_get_end_subtitle (FdRecordRow *self)
{
  g_return_val_if_fail (FD_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_text (self->end_subtitle_label);
}

void
fd_record_row_set_end_subtitle (FdRecordRow *self,
                                const char  *end_subtitle)
{
  g_return_if_fail (FD_IS_RECORD_ROW (self));

  if (g_strcmp0 (end_subtitle, gtk_label_get_text (self->end_subtitle_label)) == 0)
    return;

  set_label_text (self->end_subtitle_label, end_subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_SUBTITLE]);
}
