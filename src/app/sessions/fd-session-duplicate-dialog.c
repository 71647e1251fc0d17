/* fd-session-duplicate-dialog.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-duplicate"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "fd-session-duplicate-dialog.h"

#include "fd-date-row.h"
#include "fd-details.h"
#include "fd-editor-helpers.h"
#include "fd-record-kind-ui.h"
#include "fd-record-row.h"

/* FdSessionDuplicateDialog:
 *
 * « Dupliquer une session », in three steps: choose the session to copy
 * in a searchable list of all of them (an #FdRecordList: rows are read
 * only when shown), give the new one its year and its start and end
 * dates, then go to it. The copy itself is core's (run_duplicate(),
 * fd_session_duplicate()); ::open-session then gives the new session's id.
 */
struct _FdSessionDuplicateDialog
{
  AdwWindow           parent_instance;

  FdDatabase         *database;
  FdRecordList       *sessions;
  char               *source_id;
  char               *new_id;

  GtkButton          *back_button;
  AdwStatusPage      *done_page;
  FdDateRow          *end_row;
  GtkLabel           *error_label;
  GtkListView        *list_view;
  GtkButton          *next_button;
  GtkStack           *pages;
  GtkSearchEntry     *search_entry;
  GtkSingleSelection *selection;
  AdwActionRow       *source_row;
  FdDateRow          *start_row;
  AdwWindowTitle     *window_title;
  AdwActionRow       *year_row;
  GtkSpinButton      *year_spin;
};

#define TEMPLATE "/fr/formadesk/Formadesk/fd-session-duplicate-dialog.ui"

G_DEFINE_FINAL_TYPE (FdSessionDuplicateDialog, fd_session_duplicate_dialog, ADW_TYPE_WINDOW)

enum {
  OPEN_SESSION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
parse_iso_date (const char *iso,
                GDate      *date)
{
  int year;
  int month;
  int day;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/* The copy is core's, as the CLI's is (fd_session_duplicate()): the
 * session's form, populations, sequences and email settings go into a new
 * draft of @year planned from @start_on to @end_on, with a code generated
 * for @year; not its slots, costs, funding, trainees, attendance,
 * certifications, documents, survey results nor history. Returns the new
 * session's id. */
static char *
run_duplicate (FdSessionDuplicateDialog  *self,
               const char                *source_id,
               int                        year,
               const char                *start_on,
               const char                *end_on,
               GError                   **error)
{
  GDate start;
  GDate end;
  char *new_id = NULL;

  g_assert (FD_IS_SESSION_DUPLICATE_DIALOG (self));

  if (!parse_iso_date (start_on, &start) || !parse_iso_date (end_on, &end))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID,
                          !parse_iso_date (start_on,
                                           &start) ? "planned_start_on" : "planned_end_on",
                          _("Type a date such as 03/03/2026, or pick one."));
      return NULL;
    }

  if (!fd_session_duplicate (self->database, source_id, year, &start, &end, &new_id, NULL, error))
    return NULL;

  return new_id;
}

static void
update_buttons (FdSessionDuplicateDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->pages);

  if (g_strcmp0 (page, "choose") == 0)
    {
      gboolean chosen = gtk_single_selection_get_selected_item (self->selection) != NULL;

      gtk_button_set_label (self->back_button, _("_Cancel"));
      gtk_button_set_label (self->next_button, _("_Next"));
      gtk_widget_set_visible (GTK_WIDGET (self->next_button), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.next", chosen);
    }
  else if (g_strcmp0 (page, "details") == 0)
    {
      gtk_button_set_label (self->back_button, _("_Back"));
      gtk_button_set_label (self->next_button, _("_Duplicate"));
      gtk_widget_set_visible (GTK_WIDGET (self->next_button), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.next", TRUE);
    }
  else
    {
      gtk_button_set_label (self->back_button, _("_Close"));
      gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
    }
}

static void
on_search_entry_search_changed_cb (FdSessionDuplicateDialog *self)
{
  fd_session_duplicate_dialog_search (self,
                                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_selection_selected_item_cb (FdSessionDuplicateDialog *self)
{
  update_buttons (self);
}

static void
on_list_view_activate_cb (FdSessionDuplicateDialog *self,
                          guint                     position)
{
  fd_session_duplicate_dialog_choose (self, position);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, fd_record_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  const FdRecordKindUi *ui = fd_record_kind_ui_get (FD_RECORD_KIND_SESSION);

  ui->bind_row (FD_RECORD_ROW (gtk_list_item_get_child (list_item)),
                gtk_list_item_get_item (list_item));
}

static void
show_details (FdSessionDuplicateDialog *self,
              FdSession                *session)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = NULL;

  g_free (self->source_id);
  self->source_id = g_strdup (fd_record_get_id (FD_RECORD (session)));

  title = fd_details_join (" · ", fd_session_get_code (session), fd_session_get_label (session),
                           NULL);
  adw_action_row_set_subtitle (self->source_row, title);
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_stack_set_visible_child_name (self->pages, "details");
  update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->start_row));
}

static void
show_error (FdSessionDuplicateDialog *self,
            GtkWidget                *row,
            const char               *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    fd_editor_show_field_error (row, message);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdSessionDuplicateDialog *self = FD_SESSION_DUPLICATE_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "details") == 0)
    {
      gtk_stack_set_visible_child_name (self->pages, "choose");
      update_buttons (self);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdSessionDuplicateDialog *self = FD_SESSION_DUPLICATE_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "choose") == 0)
    fd_session_duplicate_dialog_choose (self, gtk_single_selection_get_selected (self->selection));
  else
    fd_session_duplicate_dialog_duplicate (self);
}

static void
open_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FdSessionDuplicateDialog *self = FD_SESSION_DUPLICATE_DIALOG (widget);

  if (self->new_id != NULL)
    g_signal_emit (self, signals[OPEN_SESSION], 0, self->new_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fd_session_duplicate_dialog_dispose (GObject *object)
{
  FdSessionDuplicateDialog *self = FD_SESSION_DUPLICATE_DIALOG (object);

  g_clear_object (&self->sessions);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_session_duplicate_dialog_parent_class)->dispose (object);
}

static void
fd_session_duplicate_dialog_finalize (GObject *object)
{
  FdSessionDuplicateDialog *self = FD_SESSION_DUPLICATE_DIALOG (object);

  g_free (self->source_id);
  g_free (self->new_id);

  G_OBJECT_CLASS (fd_session_duplicate_dialog_parent_class)->finalize (object);
}

static void
fd_session_duplicate_dialog_class_init (FdSessionDuplicateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_session_duplicate_dialog_dispose;
  object_class->finalize = fd_session_duplicate_dialog_finalize;

  /**
   * FdSessionDuplicateDialog::open-session:
   * @self: the dialog
   * @session_id: the id of the new session
   *
   * Emitted when the user asks to go to the session made.
   */
  signals[OPEN_SESSION] =
    g_signal_new ("open-session",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (FD_TYPE_DATE_ROW);
  g_type_ensure (FD_TYPE_RECORD_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);

  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, pages);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, selection);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDuplicateDialog, year_spin);

  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_cb);

  gtk_widget_class_install_action (widget_class, "dialog.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "dialog.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "dialog.open-session", NULL, open_session_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_session_duplicate_dialog_init (FdSessionDuplicateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_session_duplicate_dialog_new:
 * @parent: (nullable): the window to put the dialog over
 * @database: the sessions to choose from, and where to write the copy
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
fd_session_duplicate_dialog_new (GtkWindow  *parent,
                                 FdDatabase *database)
{
  FdSessionDuplicateDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  self = g_object_new (FD_TYPE_SESSION_DUPLICATE_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->sessions = fd_record_list_new (database, FD_RECORD_KIND_SESSION);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->sessions));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_buttons (self);

  return GTK_WIDGET (self);
}

/* Lists the sessions whose code or label match @text */
void
fd_session_duplicate_dialog_search (FdSessionDuplicateDialog *self,
                                    const char               *text)
{
  g_return_if_fail (FD_IS_SESSION_DUPLICATE_DIALOG (self));

  /* A new search shows other rows: read them again from the top */
  gtk_list_view_set_model (self->list_view, NULL);
  fd_record_list_set_search (self->sessions, text);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_buttons (self);
}

/* Chooses the session at @position of the list, and goes on to the new
 * session's year and dates */
gboolean
fd_session_duplicate_dialog_choose (FdSessionDuplicateDialog *self,
                                    guint                     position)
{
  g_autoptr(FdSession) session = NULL;

  g_return_val_if_fail (FD_IS_SESSION_DUPLICATE_DIALOG (self), FALSE);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  session = g_list_model_get_item (G_LIST_MODEL (self->sessions), position);
  if (session == NULL)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  show_details (self, session);

  return TRUE;
}

/**
 * fd_session_duplicate_dialog_duplicate:
 * @self: a #FdSessionDuplicateDialog showing the new session's details
 *
 * Checks the year and dates, then makes the copy (run_duplicate()).
 *
 * Returns: whether the session was duplicated
 */
gboolean
fd_session_duplicate_dialog_duplicate (FdSessionDuplicateDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start_on = NULL;
  g_autofree char *end_on = NULL;
  g_autofree char *title = NULL;
  int year;

  g_return_val_if_fail (FD_IS_SESSION_DUPLICATE_DIALOG (self), FALSE);
  g_return_val_if_fail (self->source_id != NULL, FALSE);

  fd_editor_clear_field_error (GTK_WIDGET (self->year_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->start_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->end_row));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_spin_button_update (self->year_spin);
  year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (!fd_date_row_get_date (self->start_row, &start_on) || start_on == NULL)
    {
      show_error (self, GTK_WIDGET (self->start_row),
                  _("Type the start date, such as 03/03/2026."));
      return FALSE;
    }
  if (!fd_date_row_get_date (self->end_row, &end_on) || end_on == NULL)
    {
      show_error (self, GTK_WIDGET (self->end_row), _("Type the end date, such as 05/03/2026."));
      return FALSE;
    }
  if (strcmp (end_on, start_on) < 0)
    {
      show_error (self, GTK_WIDGET (self->end_row), _("The end must come after the start."));
      return FALSE;
    }

  g_free (self->new_id);
  self->new_id = run_duplicate (self, self->source_id, year, start_on, end_on, &error);
  if (self->new_id == NULL)
    {
      const char *field = fd_validation_error_get_field (error);
      GtkWidget *row = NULL;

      if (g_strcmp0 (field, "year") == 0)
        row = GTK_WIDGET (self->year_row);
      else if (g_strcmp0 (field, "planned_start_on") == 0)
        row = GTK_WIDGET (self->start_row);
      else if (g_strcmp0 (field, "planned_end_on") == 0)
        row = GTK_WIDGET (self->end_row);
      show_error (self, row, error->message);
      return FALSE;
    }

  {
    g_autoptr(FdSession) session = fd_database_get_session (self->database, self->new_id, NULL);

    if (session != NULL)
      title = fd_details_join (" · ", fd_session_get_code (session), fd_session_get_label (session),
                               NULL);
  }
  adw_status_page_set_description (self->done_page, title);
  gtk_stack_set_visible_child_name (self->pages, "done");
  update_buttons (self);

  return TRUE;
}

/* Returns: "choose", "details" or "done" */
const char *
fd_session_duplicate_dialog_get_page (FdSessionDuplicateDialog *self)
{
  g_return_val_if_fail (FD_IS_SESSION_DUPLICATE_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}
