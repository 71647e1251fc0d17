/* fd-session-import-dialog.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-import"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-session-import-dialog.h"

/* FdSessionImportDialog:
 *
 * « Importer : sessions de partenaires »: choose a file, see what it
 * would import (nothing is written yet), then import it. Reading and
 * writing are core's (run_import()), as the CLI's import is, so that both
 * validate alike.
 */
struct _FdSessionImportDialog
{
  AdwWindow       parent_instance;

  FdDatabase     *database;
  GFile          *file;

  AdwStatusPage  *done_page;
  GtkButton      *import_button;
  GtkStack       *pages;
  AdwPreferencesGroup *preview_group;
  GtkListBox     *preview_list;
  GtkLabel       *preview_placeholder;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (FdSessionImportDialog, fd_session_import_dialog, ADW_TYPE_WINDOW)

/* HOOK (import): point this at the session import of core
 * (fd_session_import_*(), being written beside this dialog, as the CLI's
 * import). With @preview_only it reads and validates @file and writes
 * nothing; otherwise it imports it, all or nothing. Either way it returns
 * one line a session, as the preview lists them ("2026-0042 · Excel ·
 * 3–5 mars 2026"). Until it lands this says so. */
static GPtrArray *
run_import (FdSessionImportDialog  *self,
            GFile                  *file,
            gboolean                preview_only,
            GError                **error)
{
  g_assert (FD_IS_SESSION_IMPORT_DIALOG (self));
  g_assert (G_IS_FILE (file));

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Importing sessions is not available in this version yet."));

  return NULL;
}

static void
clear_preview (FdSessionImportDialog *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->preview_list, 0)) != NULL)
    gtk_list_box_remove (self->preview_list, GTK_WIDGET (row));
}

static void
show_preview (FdSessionImportDialog *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (self->file);

  clear_preview (self);
  adw_window_title_set_subtitle (self->window_title, name);

  lines = run_import (self, self->file, TRUE, &error);
  if (lines == NULL)
    {
      gtk_label_set_text (self->preview_placeholder, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_placeholder), "error");
    }
  else
    {
      gtk_label_set_text (self->preview_placeholder, _("Nothing to import"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview_placeholder), "error");
      for (guint i = 0; i < lines->len; i++)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (lines, i));
          gtk_list_box_append (self->preview_list, row);
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", lines != NULL && lines->len > 0);
  gtk_stack_set_visible_child_name (self->pages, "preview");
}

static void
on_file_chooser_response_cb (GtkNativeDialog       *chooser,
                             int                    response,
                             FdSessionImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    fd_session_import_dialog_set_file (self, file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FdSessionImportDialog *self = FD_SESSION_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Sessions"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fd_session_import_dialog_import (FD_SESSION_IMPORT_DIALOG (widget));
}

static void
fd_session_import_dialog_dispose (GObject *object)
{
  FdSessionImportDialog *self = FD_SESSION_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_session_import_dialog_parent_class)->dispose (object);
}

static void
fd_session_import_dialog_class_init (FdSessionImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_session_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-session-import-dialog.ui");

  gtk_widget_class_bind_template_child (widget_class, FdSessionImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, FdSessionImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, FdSessionImportDialog, pages);
  gtk_widget_class_bind_template_child (widget_class, FdSessionImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, FdSessionImportDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, FdSessionImportDialog, preview_placeholder);
  gtk_widget_class_bind_template_child (widget_class, FdSessionImportDialog, window_title);

  gtk_widget_class_install_action (widget_class, "dialog.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "dialog.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_session_import_dialog_init (FdSessionImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", FALSE);
}

/**
 * fd_session_import_dialog_new:
 * @parent: (nullable): the window to put the dialog over
 * @database: where to import
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
fd_session_import_dialog_new (GtkWindow  *parent,
                              FdDatabase *database)
{
  FdSessionImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  self = g_object_new (FD_TYPE_SESSION_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);

  return GTK_WIDGET (self);
}

/* Previews @file, as choosing it does */
void
fd_session_import_dialog_set_file (FdSessionImportDialog *self,
                                   GFile                 *file)
{
  g_return_if_fail (FD_IS_SESSION_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  show_preview (self);
}

/* Imports the file previewed; TRUE once imported */
gboolean
fd_session_import_dialog_import (FdSessionImportDialog *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (FD_IS_SESSION_IMPORT_DIALOG (self), FALSE);

  if (self->file == NULL)
    return FALSE;

  lines = run_import (self, self->file, FALSE, &error);
  if (lines == NULL)
    {
      gtk_label_set_text (self->preview_placeholder, error->message);
      clear_preview (self);
      return FALSE;
    }

  /* Translators: after an import */
  description = g_strdup_printf (ngettext ("%u session imported.",
                                           "%u sessions imported.", lines->len),
                                 lines->len);
  adw_status_page_set_description (self->done_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->pages, "done");

  return TRUE;
}

/* Returns: "choose", "preview" or "done" */
const char *
fd_session_import_dialog_get_page (FdSessionImportDialog *self)
{
  g_return_val_if_fail (FD_IS_SESSION_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}
