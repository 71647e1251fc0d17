/* fd-record-view.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-record-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fd-record-view.h"

#include "fd-record-kind-ui.h"
#include "fd-record-pane.h"
#include "fd-session-page.h"

/* FdRecordView:
 *
 * The sessions, trainers or candidates view: an #FdRecordPane listing the
 * records of one kind on the left, and the read-only details of the one
 * chosen on the right (a session's slots and trainees, a trainer's next
 * slots, a candidate's enrollments). The details widget is built on the
 * first selection. Its database and kind are given at construction.
 */
struct _FdRecordView
{
  GtkWidget      parent_instance;

  FdDatabase    *database;
  FdRecordKind   kind;

  /* Set while the user is asked about a session's unsaved edits */
  gboolean       asking;

  AdwBin        *details_bin;
  GtkStack      *details_stack;
  AdwStatusPage *no_selection_page;
  FdRecordPane  *pane;
};

G_DEFINE_FINAL_TYPE (FdRecordView, fd_record_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_no_selection_page (FdRecordView *self)
{
  const FdRecordKindUi *ui = fd_record_kind_ui_get (self->kind);

  g_assert (FD_IS_RECORD_VIEW (self));

  adw_status_page_set_icon_name (self->no_selection_page, ui->icon_name);
  adw_status_page_set_title (self->no_selection_page, _(ui->no_selection_title));
  adw_status_page_set_description (self->no_selection_page, _(ui->no_selection_description));
}

static GtkWidget *
ensure_details (FdRecordView *self)
{
  GtkWidget *details = adw_bin_get_child (self->details_bin);

  if (details == NULL)
    {
      details = g_object_new (fd_record_kind_ui_get (self->kind)->get_details_type (),
                              "database", self->database,
                              NULL);
      adw_bin_set_child (self->details_bin, details);
    }

  return details;
}

static void
show_details (FdRecordView *self)
{
  FdRecord *record;
  GtkWidget *details;

  g_assert (FD_IS_RECORD_VIEW (self));

  record = fd_record_pane_get_selected (self->pane);
  details = adw_bin_get_child (self->details_bin);

  if (record == NULL || self->database == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "empty");
      if (details != NULL)
        g_object_set (details, fd_record_kind_ui_get (self->kind)->record_property, NULL, NULL);
      return;
    }

  g_object_set (ensure_details (self),
                fd_record_kind_ui_get (self->kind)->record_property, record,
                NULL);
  gtk_stack_set_visible_child_name (self->details_stack, "details");
}

static void
on_leave_details_cb (gboolean proceed,
                     gpointer user_data)
{
  g_autoptr(FdRecordView) self = user_data;
  FdSessionPage *page = FD_SESSION_PAGE (adw_bin_get_child (self->details_bin));

  /* Stay: the list selects again the session shown */
  if (!proceed && fd_session_page_get_session_id (page) != NULL)
    fd_record_pane_show (self->pane, fd_session_page_get_session_id (page));

  self->asking = FALSE;
  if (proceed)
    show_details (self);
}

static void
update_details (FdRecordView *self)
{
  FdRecord *record;
  GtkWidget *details;

  g_assert (FD_IS_RECORD_VIEW (self));

  if (self->asking)
    return;

  record = fd_record_pane_get_selected (self->pane);
  details = adw_bin_get_child (self->details_bin);

  /* A session edited and not saved: ask before showing another */
  if (FD_IS_SESSION_PAGE (details))
    {
      FdSessionPage *page = FD_SESSION_PAGE (details);
      const char *id = record != NULL ? fd_record_get_id (record) : NULL;

      if (id != NULL && g_strcmp0 (id, fd_session_page_get_session_id (page)) == 0 &&
          g_strcmp0 (gtk_stack_get_visible_child_name (self->details_stack), "details") == 0)
        return;

      if (fd_session_page_get_modified (page))
        {
          self->asking = TRUE;
          fd_session_page_ask_to_leave (page, on_leave_details_cb, g_object_ref (self));
          return;
        }
    }

  show_details (self);
}

static void
on_pane_selected_cb (FdRecordView *self,
                     GParamSpec   *pspec,
                     FdRecordPane *pane)
{
  update_details (self);
}

static void
fd_record_view_constructed (GObject *object)
{
  FdRecordView *self = FD_RECORD_VIEW (object);

  G_OBJECT_CLASS (fd_record_view_parent_class)->constructed (object);

  fd_record_pane_set_kind (self->pane, self->kind);
  fd_record_pane_set_database (self->pane, self->database);
  update_no_selection_page (self);
  update_details (self);
}

static void
fd_record_view_dispose (GObject *object)
{
  FdRecordView *self = FD_RECORD_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_RECORD_VIEW);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_record_view_parent_class)->dispose (object);
}

static void
fd_record_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdRecordView *self = FD_RECORD_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_record_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdRecordView *self = FD_RECORD_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_record_view_class_init (FdRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_record_view_constructed;
  object_class->dispose = fd_record_view_dispose;
  object_class->get_property = fd_record_view_get_property;
  object_class->set_property = fd_record_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * FdRecordView:kind:
   *
   * What the view shows: an #FdRecordKind, sessions, trainers or trainees.
   */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       FD_RECORD_KIND_SESSION, fd_record_kind_ui_last (), FD_RECORD_KIND_SESSION,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_RECORD_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-record-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, FdRecordView, details_bin);
  gtk_widget_class_bind_template_child (widget_class, FdRecordView, details_stack);
  gtk_widget_class_bind_template_child (widget_class, FdRecordView, no_selection_page);
  gtk_widget_class_bind_template_child (widget_class, FdRecordView, pane);

  gtk_widget_class_bind_template_callback (widget_class, on_pane_selected_cb);
}

static void
fd_record_view_init (FdRecordView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fd_record_view_new (FdDatabase   *database,
                    FdRecordKind  kind)
{
  g_return_val_if_fail (database == NULL || FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (fd_record_kind_ui_get (kind) != NULL, NULL);

  return g_object_new (FD_TYPE_RECORD_VIEW,
                       "database", database,
                       "kind", kind,
                       NULL);
}

FdDatabase *
fd_record_view_get_database (FdRecordView *self)
{
  g_return_val_if_fail (FD_IS_RECORD_VIEW (self), NULL);

  return self->database;
}

FdRecordKind
fd_record_view_get_kind (FdRecordView *self)
{
  g_return_val_if_fail (FD_IS_RECORD_VIEW (self), FD_RECORD_KIND_SESSION);

  return self->kind;
}

/* Reads the records again, after the database changed under the view. */
void
fd_record_view_reload (FdRecordView *self)
{
  g_return_if_fail (FD_IS_RECORD_VIEW (self));

  fd_record_pane_reload (self->pane);
  update_details (self);
}

void
fd_record_view_focus_search (FdRecordView *self)
{
  g_return_if_fail (FD_IS_RECORD_VIEW (self));

  fd_record_pane_focus_search (self->pane);
}

/**
 * fd_record_view_get_pane:
 * @self: a #FdRecordView
 *
 * Returns: (transfer none): the pane listing the records
 */
FdRecordPane *
fd_record_view_get_pane (FdRecordView *self)
{
  g_return_val_if_fail (FD_IS_RECORD_VIEW (self), NULL);

  return self->pane;
}

/**
 * fd_record_view_prepare_details:
 * @self: a #FdRecordView
 *
 * Builds the details widget now, when idle, rather than at the first
 * selection (the session page is a large template).
 *
 * Returns: (transfer none) (nullable): the details widget
 */
GtkWidget *
fd_record_view_prepare_details (FdRecordView *self)
{
  g_return_val_if_fail (FD_IS_RECORD_VIEW (self), NULL);

  if (self->database == NULL)
    return NULL;

  return ensure_details (self);
}

/**
 * fd_record_view_get_details:
 * @self: a #FdRecordView
 *
 * Returns: (transfer none) (nullable): the widget showing the record
 *   chosen (an #FdSessionPage for sessions), once built
 */
GtkWidget *
fd_record_view_get_details (FdRecordView *self)
{
  g_return_val_if_fail (FD_IS_RECORD_VIEW (self), NULL);

  return adw_bin_get_child (self->details_bin);
}

/**
 * fd_record_view_show_record:
 * @self: a #FdRecordView
 * @id: the id of a record of the view's kind
 *
 * Selects the record @id (clearing a search that hides it) and shows its
 * details.
 *
 * Returns: whether the record is listed
 */
gboolean
fd_record_view_show_record (FdRecordView *self,
                            const char   *id)
{
  g_return_val_if_fail (FD_IS_RECORD_VIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return fd_record_pane_show (self->pane, id);
}
