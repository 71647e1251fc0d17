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

#include "fd-details.h"

/* FdSessionImportDialog:
 *
 * « Importer : sessions de partenaires »: choose a file, see what it
 * would import and what is wrong in it (nothing is written yet), then
 * import it. Reading, checking and writing are core's
 * (fd_session_import_*()), as the CLI's import is, so that both validate
 * alike. The file is read and checked in a worker with its own
 * connection (a partner's file is checked slot by slot against the whole
 * planning); the import itself is one transaction on the dialog's.
 */
struct _FdSessionImportDialog
{
  AdwWindow       parent_instance;

  FdDatabase     *database;
  GFile          *file;
  FdSessionImport *import;   /* the file read and checked, to write */
  GCancellable   *cancellable; /* the file being read and checked */

  AdwStatusPage  *done_page;
  GtkButton      *import_button;
  GtkStack       *pages;
  AdwPreferencesGroup *preview_group;
  GtkListBox     *preview_list;
  GtkLabel       *preview_placeholder;
  AdwWindowTitle *window_title;
};

#define TEMPLATE "/fr/formadesk/Formadesk/fd-session-import-dialog.ui"

G_DEFINE_FINAL_TYPE (FdSessionImportDialog, fd_session_import_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  GFile *file;
  char  *path;   /* the database's, for the worker's own connection */
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->file);
  g_free (data->path);
  g_free (data);
}

/* Reads and checks @file against @database (fd_session_import_parse_csv(),
 * then fd_session_import_check()): nothing is written. */
static FdSessionImport *
read_import (FdDatabase    *database,
             GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(FdSessionImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert (FD_IS_DATABASE (database));
  g_assert (G_IS_FILE (file));

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  import = fd_session_import_parse_csv (bytes, error);
  if (import == NULL || g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !fd_session_import_check (database, import, error))
    return NULL;

  return g_steal_pointer (&import);
}

/* Runs in a worker with its own read-only connection (WAL lets it read
 * while the main one writes), touching only its task data. */
static void
check_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  FdSessionImport *import;

  if (g_task_return_error_if_cancelled (task))
    return;

  database = fd_database_open (data->path, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  import = read_import (database, data->file, cancellable, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, (GDestroyNotify) fd_session_import_free);
}

static GtkWidget *
new_preview_row (const char *title,
                 const char *subtitle,
                 const char *icon_name,
                 const char *style)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      if (style != NULL)
        gtk_widget_add_css_class (icon, style);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  return row;
}

/* « PART-2026-001 · BUR-02 · 7–8 septembre 2026 · 2 créneaux » */
static char *
describe_session (const FdSessionImportSession *session)
{
  g_autofree char *dates = NULL;
  g_autofree char *start = session->start_at != NULL ? g_strndup (session->start_at, 10) : NULL;
  g_autofree char *end = session->end_at != NULL ? g_strndup (session->end_at, 10) : NULL;
  g_autofree char *slots = NULL;

  dates = fd_details_format_date_range (start, end);
  /* Translators: how many slots an imported session has */
  slots = g_strdup_printf (ngettext ("%u slot", "%u slots", session->slots->len),
                           session->slots->len);

  return fd_details_join (" · ",
                          session->reference != NULL ? session->reference : "",
                          session->training_code != NULL ? session->training_code : "",
                          dates != NULL ? dates : "",
                          slots,
                          NULL);
}

static void
clear_preview (FdSessionImportDialog *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->preview_list, 0)) != NULL)
    gtk_list_box_remove (self->preview_list, GTK_WIDGET (row));
}

/* Shows self->import, or @error if the file could not be read or checked */
static void
show_preview (FdSessionImportDialog *self,
              const GError          *error)
{
  GPtrArray *problems;
  GPtrArray *sessions;
  gboolean can_import;

  g_assert (self->import != NULL || error != NULL);

  clear_preview (self);

  if (self->import == NULL)
    {
      gtk_label_set_text (self->preview_placeholder, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_placeholder), "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", FALSE);
      gtk_stack_set_visible_child_name (self->pages, "preview");
      return;
    }

  gtk_label_set_text (self->preview_placeholder, _("Nothing to import"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->preview_placeholder), "error");

  /* What is wrong first: nothing is imported until the file is right */
  problems = fd_session_import_get_problems (self->import);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = fd_session_import_problem_format (g_ptr_array_index (problems, i));

      gtk_list_box_append (self->preview_list,
                           new_preview_row (text, NULL, "dialog-error-symbolic", "error"));
    }

  sessions = fd_session_import_get_sessions (self->import);
  for (guint i = 0; i < sessions->len; i++)
    {
      const FdSessionImportSession *session = g_ptr_array_index (sessions, i);
      g_autofree char *subtitle = describe_session (session);
      guint n_warnings = 0;
      GtkWidget *row;

      for (guint j = 0; j < session->slots->len; j++)
        n_warnings += ((FdSessionImportSlot *) g_ptr_array_index (session->slots,
                                                                  j))->warnings->len;

      row = new_preview_row (session->label != NULL ? session->label : "", subtitle,
                             n_warnings > 0 ? "dialog-warning-symbolic" : NULL, "warning");
      if (n_warnings > 0)
        {
          /* Translators: conflicts an imported session's slots have (a
           * trainer booked twice…); they do not stop the import */
          g_autofree char *tooltip = g_strdup_printf (ngettext ("%u conflict to look at",
                                                                "%u conflicts to look at",
                                                                n_warnings),
                                                      n_warnings);

          gtk_widget_set_tooltip_text (row, tooltip);
        }
      gtk_list_box_append (self->preview_list, row);
    }

  can_import = problems->len == 0 && sessions->len > 0;
  adw_preferences_group_set_description (self->preview_group,
                                         problems->len > 0
                                         ? _("Correct the file, then choose it again: nothing is "
                                             "imported while a line is wrong.")
                                         : _("They are created as drafts."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", can_import);
  gtk_stack_set_visible_child_name (self->pages, "preview");
}

/* A check still running finishes in its worker; its result is dropped.
 * Closing unrealizes the dialog at once, while its task keeps it alive
 * (and undisposed) until the worker is done. */
static void
cancel_check (FdSessionImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
on_file_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  FdSessionImportDialog *self = FD_SESSION_IMPORT_DIALOG (object);
  g_autoptr(FdSessionImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = g_task_propagate_pointer (G_TASK (result), &error);

  /* The dialog was closed, or another file chosen: dropped */
  if (import == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->import, fd_session_import_free);
  self->import = g_steal_pointer (&import);
  show_preview (self, error);
}

static gboolean
has_second_connection (FdSessionImportDialog *self)
{
  const char *path = fd_database_get_path (self->database);

  /* a private in-memory database has no second connection */
  return path != NULL && !g_str_equal (path, ":memory:");
}

/* Reads and checks self->file, in a worker when the database has a
 * second connection, and shows what it would import */
static void
check_file (FdSessionImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  CheckData *data;

  cancel_check (self);
  g_clear_pointer (&self->import, fd_session_import_free);

  adw_window_title_set_subtitle (self->window_title, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", FALSE);

  if (!has_second_connection (self))
    {
      g_autoptr(GError) error = NULL;

      self->import = read_import (self->database, self->file, NULL, &error);
      show_preview (self, error);
      return;
    }

  clear_preview (self);
  gtk_stack_set_visible_child_name (self->pages, "checking");

  data = g_new0 (CheckData, 1);
  data->file = g_object_ref (self->file);
  data->path = g_strdup (fd_database_get_path (self->database));

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_file_checked_cb, NULL);
  g_task_set_source_tag (task, check_file);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_file_thread);
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
fd_session_import_dialog_unrealize (GtkWidget *widget)
{
  cancel_check (FD_SESSION_IMPORT_DIALOG (widget));

  GTK_WIDGET_CLASS (fd_session_import_dialog_parent_class)->unrealize (widget);
}

static void
fd_session_import_dialog_dispose (GObject *object)
{
  FdSessionImportDialog *self = FD_SESSION_IMPORT_DIALOG (object);

  cancel_check (self);
  g_clear_pointer (&self->import, fd_session_import_free);
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

  widget_class->unrealize = fd_session_import_dialog_unrealize;

  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);

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

/* Previews @file, as choosing it does: the page is "checking" until it
 * has been read and checked, then "preview" */
void
fd_session_import_dialog_set_file (FdSessionImportDialog *self,
                                   GFile                 *file)
{
  g_return_if_fail (FD_IS_SESSION_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  check_file (self);
}

/* Imports the file previewed (fd_session_import_apply(): checked again,
 * then written all or nothing); TRUE once imported */
gboolean
fd_session_import_dialog_import (FdSessionImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint n_sessions;

  g_return_val_if_fail (FD_IS_SESSION_IMPORT_DIALOG (self), FALSE);

  if (self->import == NULL)
    return FALSE;

  if (!fd_session_import_apply (self->database, self->import, &error))
    {
      /* It changed since the preview: show what the apply's check found */
      show_preview (self, NULL);
      adw_preferences_group_set_description (self->preview_group, error->message);
      return FALSE;
    }

  n_sessions = fd_session_import_get_sessions (self->import)->len;
  /* Translators: after an import */
  description = g_strdup_printf (ngettext ("%u session imported.",
                                           "%u sessions imported.", n_sessions),
                                 n_sessions);
  adw_status_page_set_description (self->done_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->pages, "done");

  return TRUE;
}

/* Returns: "choose", "checking", "preview" or "done" */
const char *
fd_session_import_dialog_get_page (FdSessionImportDialog *self)
{
  g_return_val_if_fail (FD_IS_SESSION_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}
