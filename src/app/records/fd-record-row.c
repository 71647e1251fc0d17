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
 * subtitle on the left, two short texts on the right, drawn with Pango.
 *
 * Why drawn rather than made of labels: GTK 4.8's GtkListView keeps 200 rows
 * alive whatever its height, and builds new row widgets for every new item
 * of a search. With four labels a row, each keystroke rebuilt 800 labels
 * (about 90 ms on the large demo); this row costs little to make, stores
 * its texts, and lays them out only when it is drawn, so only the rows on
 * screen pay for Pango. Its height does not depend on its texts.
 */
struct _FdRecordRow
{
  GtkWidget    parent_instance;

  char        *texts[4];
  PangoLayout *layouts[4];
  int          natural_widths[4]; /* of each layout, unwrapped, in pixels */
  guint        context_serial;    /* of the Pango context they were made in */
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

/* Indices of texts[] and layouts[] */
enum {
  TITLE,
  SUBTITLE,
  END_TITLE,
  END_SUBTITLE,
};

#define MARGIN_Y       6
#define LINE_SPACING   2
#define COLUMN_SPACING 12
#define DIM_ALPHA      0.55f

static GParamSpec *properties[N_PROPS];

/* The line heights only depend on the font: computed once per font. */
static guint metrics_font_hash;
static int title_line_height;
static int caption_line_height;

static PangoAttrList *
new_attributes (guint index)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  if (index == TITLE)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  else
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));

  if (index == END_SUBTITLE)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));

  return attrs;
}

static void
ensure_metrics (FdRecordRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  guint hash = font != NULL ? pango_font_description_hash (font) : 0;

  if (hash == metrics_font_hash && title_line_height > 0)
    return;

  for (guint i = TITLE; i <= SUBTITLE; i++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      g_autoptr(PangoAttrList) attrs = new_attributes (i);
      int height;

      pango_layout_set_attributes (layout, attrs);
      pango_layout_set_text (layout, "Ag", -1);
      pango_layout_get_pixel_size (layout, NULL, &height);

      if (i == TITLE)
        title_line_height = height;
      else
        caption_line_height = height;
    }

  metrics_font_hash = hash;
}

static PangoLayout *
ensure_layout (FdRecordRow *self,
               guint        index)
{
  if (self->layouts[index] == NULL)
    {
      g_autoptr(PangoAttrList) attrs = new_attributes (index);

      self->layouts[index] = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                             self->texts[index]);
      pango_layout_set_attributes (self->layouts[index], attrs);
      pango_layout_set_ellipsize (self->layouts[index], PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layouts[index], TRUE);
      pango_layout_get_pixel_size (self->layouts[index], &self->natural_widths[index], NULL);
    }

  return self->layouts[index];
}

/* Lays out the text @index within @available pixels, ellipsized if it
 * does not fit, and returns its width. A text that fits keeps no width:
 * Pango lays a text out again each time its width changes, and a row
 * drawn again would lay it out twice for nothing. */
static int
fit_layout (FdRecordRow *self,
            guint        index,
            int          available)
{
  PangoLayout *layout = ensure_layout (self, index);
  int width;

  if (self->natural_widths[index] <= available)
    {
      pango_layout_set_width (layout, -1);
      return self->natural_widths[index];
    }

  pango_layout_set_width (layout, available * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static void
update_accessible_label (FdRecordRow *self)
{
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    {
      if (self->texts[i] == NULL || *self->texts[i] == '\0')
        continue;

      if (label->len > 0)
        g_string_append (label, ", ");
      g_string_append (label, self->texts[i]);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
}

/* Stores @text without telling anyone; returns whether it changed */
static gboolean
store_text (FdRecordRow *self,
            guint        index,
            const char  *text)
{
  if (g_strcmp0 (self->texts[index], text) == 0)
    return FALSE;

  g_free (self->texts[index]);
  self->texts[index] = g_strdup (text);
  g_clear_object (&self->layouts[index]);

  return TRUE;
}

static void
set_text (FdRecordRow *self,
          guint        index,
          const char  *text,
          guint        prop_id)
{
  if (!store_text (self, index, text))
    return;

  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             int            x,
             int            y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
fd_record_row_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FdRecordRow *self = FD_RECORD_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_height;
  int top;
  int end_width = 0;
  int start_width;
  GdkRGBA color;
  GdkRGBA dim;

  ensure_metrics (self);

  /* A new font makes new layouts, and their widths measured again */
  if (self->context_serial != pango_context_get_serial (gtk_widget_get_pango_context (widget)))
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->layouts); i++)
        g_clear_object (&self->layouts[i]);
      self->context_serial = pango_context_get_serial (gtk_widget_get_pango_context (widget));
    }

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= DIM_ALPHA;

  text_height = title_line_height + LINE_SPACING + caption_line_height;
  top = MAX (0, (height - text_height) / 2);

  /* The end column: as wide as its longer text, up to a third of the row */
  for (guint i = END_TITLE; i <= END_SUBTITLE; i++)
    {
      if (self->texts[i] != NULL && *self->texts[i] != '\0')
        {
          ensure_layout (self, i);
          end_width = MAX (end_width, self->natural_widths[i]);
        }
    }
  end_width = MIN (end_width, width / 3);

  for (guint i = END_TITLE; i <= END_SUBTITLE; i++)
    {
      int text_width;
      int y;

      if (self->texts[i] == NULL || *self->texts[i] == '\0')
        continue;

      text_width = fit_layout (self, i, end_width);

      /* Both end texts are captions: centre them on the two lines */
      y = i == END_TITLE
          ? top + (title_line_height - caption_line_height) / 2
          : top + title_line_height + LINE_SPACING;

      draw_layout (snapshot, self->layouts[i],
                   rtl ? 0 : width - text_width, y,
                   i == END_TITLE ? &color : &dim);
    }

  start_width = width - (end_width > 0 ? end_width + COLUMN_SPACING : 0);
  if (start_width <= 0)
    return;

  for (guint i = TITLE; i <= SUBTITLE; i++)
    {
      int text_width;

      if (self->texts[i] == NULL || *self->texts[i] == '\0')
        continue;

      text_width = fit_layout (self, i, start_width);

      draw_layout (snapshot, self->layouts[i],
                   rtl ? width - text_width : 0,
                   i == TITLE ? top : top + title_line_height + LINE_SPACING,
                   i == TITLE ? &color : &dim);
    }
}

/**
 * fd_record_row_snapshot_samples:
 * @widget: a widget in the window the rows will be in
 * @snapshot: where to add the samples
 *
 * Adds sample texts in each font of the rows (bold titles, small
 * captions, tabular figures) to @snapshot. Rendering them opens the fonts
 * and draws their glyphs before a list is first shown (see #FdWindow).
 */
void
fd_record_row_snapshot_samples (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  static const char sample[] = "AaBbCcDdEeFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz"
                               " 0123456789 ÀÂÇÉÈÊËÎÏÔÙÛÜàâçéèêëîïôùûüœ’«»·/–—@.,-";
  static const GdkRGBA black = { 0, 0, 0, 1 };

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (snapshot != NULL);

  for (guint i = TITLE; i <= END_SUBTITLE; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, sample);
      g_autoptr(PangoAttrList) attrs = new_attributes (i);

      pango_layout_set_attributes (layout, attrs);
      gtk_snapshot_append_layout (snapshot, layout, &black);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, 20));
    }
}

static void
fd_record_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  FdRecordRow *self = FD_RECORD_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 320;
      return;
    }

  ensure_metrics (self);
  *minimum = *natural = MARGIN_Y + title_line_height + LINE_SPACING
                        + caption_line_height + MARGIN_Y;
}

static void
fd_record_row_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous_direction)
{
  FdRecordRow *self = FD_RECORD_ROW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (self->layouts); i++)
    g_clear_object (&self->layouts[i]);

  GTK_WIDGET_CLASS (fd_record_row_parent_class)->direction_changed (widget, previous_direction);
}

static void
fd_record_row_finalize (GObject *object)
{
  FdRecordRow *self = FD_RECORD_ROW (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    {
      g_clear_pointer (&self->texts[i], g_free);
      g_clear_object (&self->layouts[i]);
    }

  G_OBJECT_CLASS (fd_record_row_parent_class)->finalize (object);
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

  object_class->finalize = fd_record_row_finalize;
  object_class->get_property = fd_record_row_get_property;
  object_class->set_property = fd_record_row_set_property;

  widget_class->direction_changed = fd_record_row_direction_changed;
  widget_class->measure = fd_record_row_measure;
  widget_class->snapshot = fd_record_row_snapshot;

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

  gtk_widget_class_set_css_name (widget_class, "fdrecordrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
fd_record_row_init (FdRecordRow *self)
{
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

  return self->texts[TITLE];
}

void
fd_record_row_set_title (FdRecordRow *self,
                         const char  *title)
{
  g_return_if_fail (FD_IS_RECORD_ROW (self));

  set_text (self, TITLE, title, PROP_TITLE);
}

const char *
fd_record_row_get_subtitle (FdRecordRow *self)
{
  g_return_val_if_fail (FD_IS_RECORD_ROW (self), NULL);

  return self->texts[SUBTITLE];
}

void
fd_record_row_set_subtitle (FdRecordRow *self,
                            const char  *subtitle)
{
  g_return_if_fail (FD_IS_RECORD_ROW (self));

  set_text (self, SUBTITLE, subtitle, PROP_SUBTITLE);
}

const char *
fd_record_row_get_end_title (FdRecordRow *self)
{
  g_return_val_if_fail (FD_IS_RECORD_ROW (self), NULL);

  return self->texts[END_TITLE];
}

void
fd_record_row_set_end_title (FdRecordRow *self,
                             const char  *end_title)
{
  g_return_if_fail (FD_IS_RECORD_ROW (self));

  set_text (self, END_TITLE, end_title, PROP_END_TITLE);
}

const char *
fd_record_row_get_end_subtitle (FdRecordRow *self)
{
  g_return_val_if_fail (FD_IS_RECORD_ROW (self), NULL);

  return self->texts[END_SUBTITLE];
}

void
fd_record_row_set_end_subtitle (FdRecordRow *self,
                                const char  *end_subtitle)
{
  g_return_if_fail (FD_IS_RECORD_ROW (self));

  set_text (self, END_SUBTITLE, end_subtitle, PROP_END_SUBTITLE);
}

/**
 * fd_record_row_set_texts:
 * @self: a #FdRecordRow
 * @title: (nullable): the title
 * @subtitle: (nullable): the subtitle
 * @end_title: (nullable): the text at the end of the title's line
 * @end_subtitle: (nullable): the text at the end of the subtitle's line
 *
 * Sets the four texts at once, as a list binds a row: the accessible
 * label is made once rather than once per text, which a search that binds
 * 200 rows notices.
 */
void
fd_record_row_set_texts (FdRecordRow *self,
                         const char  *title,
                         const char  *subtitle,
                         const char  *end_title,
                         const char  *end_subtitle)
{
  const char *texts[] = { title, subtitle, end_title, end_subtitle };
  const guint prop_ids[] = { PROP_TITLE, PROP_SUBTITLE, PROP_END_TITLE, PROP_END_SUBTITLE };
  gboolean changed[G_N_ELEMENTS (texts)];
  gboolean any = FALSE;

  g_return_if_fail (FD_IS_RECORD_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      changed[i] = store_text (self, i, texts[i]);
      any |= changed[i];
    }

  if (!any)
    return;

  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (changed[i])
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_ids[i]]);
  g_object_thaw_notify (G_OBJECT (self));
}
