/* fd-sessions-view.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-sessions-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fd-sessions-view.h"

#include "fd-details.h"
#include "fd-record-row.h"
#include "fd-session-details.h"

/* FdSessionsView:
 *
 * The sessions of the organisation: a searchable list on the left, over an
 * #FdRecordList (rows are built only when shown), and the read-only details
 * of the selected session on the right, with its slots and enrolled
 * trainees.
 */
struct _FdSessionsView
{
  GtkWidget           parent_instance;

  FdDatabase         *database;
  FdRecordList       *records;

  GtkLabel           *count_label;
  AdwBin             *details_bin;
  GtkStack           *details_stack;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *no_results_page;
  GtkSearchEntry     *search_entry;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (FdSessionsView, fd_sessions_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_count (FdSessionsView *self)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  const char *search;
  guint n;

  g_assert (FD_IS_SESSIONS_VIEW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  number = fd_details_format_count (n);
  /* Translators: %s is a number, « 1 482 » */
  text = g_strdup_printf (ngettext ("%s session", "%s sessions", n), number);
  gtk_label_set_text (self->count_label, text);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  search = self->records != NULL ? fd_record_list_get_search (self->records) : NULL;
  if (search != NULL && *search != '\0')
    {
      g_autofree char *description = NULL;

      /* Translators: %s is what the user searched for */
      description = g_strdup_printf (_("No session matches “%s”"), search);
      adw_status_page_set_icon_name (self->no_results_page, "system-search-symbolic");
      adw_status_page_set_title (self->no_results_page, _("No Results"));
      adw_status_page_set_description (self->no_results_page, description);
    }
  else
    {
      adw_status_page_set_icon_name (self->no_results_page, "view-list-bullet-symbolic");
      adw_status_page_set_title (self->no_results_page, _("No Sessions"));
      adw_status_page_set_description (self->no_results_page, NULL);
    }

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static FdSessionDetails *
ensure_details (FdSessionsView *self)
{
  GtkWidget *details = adw_bin_get_child (self->details_bin);

  if (details == NULL)
    {
      details = fd_session_details_new (self->database);
      adw_bin_set_child (self->details_bin, details);
    }

  return FD_SESSION_DETAILS (details);
}

static void
update_details (FdSessionsView *self)
{
  gpointer item;
  GtkWidget *details;

  g_assert (FD_IS_SESSIONS_VIEW (self));

  item = gtk_single_selection_get_selected_item (self->selection);
  details = adw_bin_get_child (self->details_bin);

  if (item == NULL || self->database == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "empty");
      if (details != NULL)
        fd_session_details_set_session (FD_SESSION_DETAILS (details), NULL);
      return;
    }

  fd_session_details_set_session (ensure_details (self), FD_SESSION (item));
  gtk_stack_set_visible_child_name (self->details_stack, "details");
}

static void
on_selection_items_changed_cb (FdSessionsView *self,
                               guint           position,
                               guint           removed,
                               guint           added,
                               GListModel     *model)
{
  update_count (self);
}

static void
on_selection_selected_item_cb (FdSessionsView     *self,
                               GParamSpec         *pspec,
                               GtkSingleSelection *selection)
{
  update_details (self);
}

static void
on_search_entry_search_changed_cb (FdSessionsView *self,
                                   GtkSearchEntry *entry)
{
  if (self->records != NULL)
    fd_record_list_set_search (self->records, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search shows the first result. */
static void
on_search_entry_activate_cb (FdSessionsView *self,
                             GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
on_search_entry_stop_search_cb (FdSessionsView *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     FdSessionsView           *self)
{
  gtk_list_item_set_child (list_item, fd_record_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FdSessionsView           *self)
{
  FdSession *session = gtk_list_item_get_item (list_item);
  FdRecordRow *row = FD_RECORD_ROW (gtk_list_item_get_child (list_item));
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *seats = NULL;

  dates = fd_details_format_date_range (fd_session_get_start_date (session),
                                        fd_session_get_end_date (session));
  subtitle = fd_details_join (" · ",
                              fd_session_get_code (session),
                              dates != NULL ? dates : "",
                              NULL);
  /* Translators: enrolled trainees / seats, « 8/12 » */
  seats = g_strdup_printf (_("%1$u/%2$u"),
                           fd_session_get_n_enrolled (session),
                           fd_session_get_capacity_max (session));

  fd_record_row_set_title (row, fd_session_get_label (session));
  fd_record_row_set_subtitle (row, subtitle);
  fd_record_row_set_end_title (row, fd_format_session_status (fd_session_get_status (session)));
  fd_record_row_set_end_subtitle (row, seats);
}

static void
fd_sessions_view_dispose (GObject *object)
{
  FdSessionsView *self = FD_SESSIONS_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_SESSIONS_VIEW);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->records);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_sessions_view_parent_class)->dispose (object);
}

static void
fd_sessions_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdSessionsView *self = FD_SESSIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_sessions_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FdSessionsView *self = FD_SESSIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      fd_sessions_view_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_sessions_view_class_init (FdSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_sessions_view_dispose;
  object_class->get_property = fd_sessions_view_get_property;
  object_class->set_property = fd_sessions_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_RECORD_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/formadesk/Formadesk/fd-sessions-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, FdSessionsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, FdSessionsView, details_bin);
  gtk_widget_class_bind_template_child (widget_class, FdSessionsView, details_stack);
  gtk_widget_class_bind_template_child (widget_class, FdSessionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FdSessionsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, FdSessionsView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, FdSessionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdSessionsView, selection);

  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_cb);
}

static void
fd_sessions_view_init (FdSessionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_count (self);
  update_details (self);
}

GtkWidget *
fd_sessions_view_new (FdDatabase *database)
{
  g_return_val_if_fail (database == NULL || FD_IS_DATABASE (database), NULL);

  return g_object_new (FD_TYPE_SESSIONS_VIEW,
                       "database", database,
                       NULL);
}

FdDatabase *
fd_sessions_view_get_database (FdSessionsView *self)
{
  g_return_val_if_fail (FD_IS_SESSIONS_VIEW (self), NULL);

  return self->database;
}

void
fd_sessions_view_set_database (FdSessionsView *self,
                               FdDatabase     *database)
{
  g_return_if_fail (FD_IS_SESSIONS_VIEW (self));
  g_return_if_fail (database == NULL || FD_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  g_clear_object (&self->records);
  adw_bin_set_child (self->details_bin, NULL);

  if (database != NULL)
    {
      self->records = fd_record_list_new (database, FD_RECORD_KIND_SESSION);
      fd_record_list_set_search (self->records,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->records));
  update_count (self);
  update_details (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* Reads the sessions again, after the database changed under the view. */
void
fd_sessions_view_reload (FdSessionsView *self)
{
  g_return_if_fail (FD_IS_SESSIONS_VIEW (self));

  if (self->records != NULL)
    fd_record_list_reload (self->records);

  update_count (self);
  update_details (self);
}

void
fd_sessions_view_focus_search (FdSessionsView *self)
{
  g_return_if_fail (FD_IS_SESSIONS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * fd_sessions_view_show_session:
 * @self: a #FdSessionsView
 * @code: a session code, "2026-0042"
 *
 * Searches for the session coded @code and shows its details.
 */
void
fd_sessions_view_show_session (FdSessionsView *self,
                               const char     *code)
{
  g_autoptr(FdSession) session = NULL;

  g_return_if_fail (FD_IS_SESSIONS_VIEW (self));
  g_return_if_fail (code != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), code);

  /* Without waiting for the search entry's delay */
  if (self->records != NULL)
    fd_record_list_set_search (self->records, code);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    session = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

  if (session != NULL && g_strcmp0 (fd_session_get_code (session), code) == 0)
    gtk_single_selection_set_selected (self->selection, 0);
}
