/* fd-application.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fd-application.h"

#include "fd-bench-ui.h"
#include "fd-core.h"
#include "fd-demo.h"
#include "fd-preferences-window.h"
#include "fd-window.h"

/* Each --bench-ui measure's number of runs */
#define BENCH_UI_RUNS 20

/* FdApplication:
 *
 * Opens the database named on the command line (or the default one) and
 * shows it in an #FdWindow. A database that cannot be opened is reported
 * and left untouched; a missing one is created empty, and demo data is
 * offered.
 */
struct _FdApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  gint64          main_time;
  gboolean        bench_startup;
  gboolean        bench_ui;
  FdBenchUi      *bench;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (FdApplication, fd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "bench-startup", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the time from process start to the first frame, then quit"), NULL },
  { "bench-ui", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Time view switches, searches and scrolling, print the figures, then quit"), NULL },
  { NULL }
};

/* Milliseconds since the process started, from /proc/self/stat (so that
 * the dynamic linker and library constructors count too), or since main()
 * when that cannot be read. */
static double
elapsed_since_process_start (gint64 main_time)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  struct timespec now;
  const char *after_name;
  long ticks_per_second;
  guint64 start_ticks;

  if (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      && (after_name = strrchr (stat, ')')) != NULL
      && (fields = g_strsplit (after_name + 2, " ", -1)) != NULL
      && g_strv_length (fields) > 19
      && (ticks_per_second = sysconf (_SC_CLK_TCK)) > 0
      && clock_gettime (CLOCK_BOOTTIME, &now) == 0)
    {
      /* Field 22 of the file, "starttime", is the 20th after the name. */
      start_ticks = g_ascii_strtoull (fields[19], NULL, 10);

      return (now.tv_sec * 1000.0 + now.tv_nsec / 1e6)
             - (start_ticks * 1000.0 / ticks_per_second);
    }

  return (g_get_monotonic_time () - main_time) / 1000.0;
}

static void
on_frame_clock_after_paint_cb (GdkFrameClock *frame_clock,
                               FdApplication *self)
{
  double process_ms = elapsed_since_process_start (self->main_time);
  double main_ms = (g_get_monotonic_time () - self->main_time) / 1000.0;

  g_signal_handlers_disconnect_by_func (frame_clock, on_frame_clock_after_paint_cb, self);

  g_print ("first frame: %.0f ms after process start (%.0f ms after main)\n",
           process_ms, main_ms);

  g_application_quit (G_APPLICATION (self));
}

static gboolean
on_bench_ui_done_cb (gpointer user_data)
{
  FdApplication *self = user_data;

  g_autofree char *table = fd_bench_ui_format (self->bench);

  g_print ("%s", table);
  g_application_quit (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

static void
on_window_realize_cb (GtkWidget     *window,
                      FdApplication *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  if (self->bench_ui)
    {
      g_clear_pointer (&self->bench, fd_bench_ui_free);
      self->bench = fd_bench_ui_new (FD_WINDOW (window), BENCH_UI_RUNS, on_bench_ui_done_cb, self);
      fd_bench_ui_start (self->bench);
      return;
    }

  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (on_frame_clock_after_paint_cb), self, 0);
}

static GtkWindow *
show_error (FdApplication *self,
            GtkWindow     *parent,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

typedef struct
{
  char    *path;
  guint32  seed;
} DemoData;

static void
demo_data_free (DemoData *data)
{
  g_free (data->path);
  g_free (data);
}

/* Runs in a worker thread, on its own connection. */
static void
generate_demo_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  DemoData *data = task_data;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = fd_database_open (data->path, FD_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL
      || !fd_demo_generate (database, FD_DEMO_SIZE_SMALL, NULL, data->seed, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_generate_demo_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(FdWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  /* Closed meanwhile: the window is destroyed, only kept alive by the
   * reference this callback holds */
  gboolean closed = !gtk_widget_get_visible (GTK_WIDGET (window));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Not transient for a destroyed window: GTK does not show such a
       * dialog, and the error would be lost. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (FD_APPLICATION (object), closed ? NULL : GTK_WINDOW (window),
                    _("Could Not Load Demo Data"), error->message);
      return;
    }

  /* The data is in the file for next time */
  if (closed)
    return;

  fd_window_reload (window);
  fd_window_add_toast (window, adw_toast_new (_("Demo data loaded")));
}

static void
generate_demo (FdApplication *self,
               FdWindow      *window)
{
  g_autoptr(GTask) task = NULL;
  DemoData *data;

  data = g_new0 (DemoData, 1);
  data->path = g_strdup (fd_database_get_path (fd_window_get_database (window)));
  data->seed = g_random_int ();

  task = g_task_new (self, self->cancellable, on_generate_demo_cb, g_object_ref (window));
  g_task_set_source_tag (task, generate_demo);
  g_task_set_task_data (task, data, (GDestroyNotify) demo_data_free);
  g_task_run_in_thread (task, generate_demo_thread);

  fd_window_add_toast (window, adw_toast_new (_("Loading demo data…")));
}

static void
on_demo_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            FdApplication    *self)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "load") == 0 && FD_IS_WINDOW (window))
    generate_demo (self, FD_WINDOW (window));
}

static void
offer_demo_data (FdApplication *self,
                 FdWindow      *window)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                   _("Load Demo Data?"),
                                   _("The database is new and empty. Demo data lets you try "
                                     "Formadesk with realistic sessions, trainers and candidates."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "empty", _("_Start Empty"),
                                    "load", _("_Load Demo Data"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "load",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "load");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "empty");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_demo_dialog_response_cb), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows;

  /* Close the windows rather than leave them to the process's exit, so
   * that each keeps its state (size, last view) as when closed by hand:
   * g_application_quit() alone emits no close-request. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (user_data)),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  FdApplication *self = user_data;
  const char *developers[] = { _("The Formadesk authors"), NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application", self,
                        "transient-for", window,
                        "application-name", _("Formadesk"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Formadesk authors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Formadesk authors"),
                        "website", "https://formadesk.fr",
                        "issue-url", "https://formadesk.fr/support",
                        /* Translators: your name(s), one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The preferences of the main window in front, or of the one a dialog
 * in front belongs to */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  while (window != NULL && !FD_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window != NULL)
    fd_preferences_window_show_for (FD_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static int
fd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  FdApplication *self = FD_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &path))
    {
      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (path, NULL);
    }

  if (g_variant_dict_contains (options, "bench-startup"))
    self->bench_startup = TRUE;
  if (g_variant_dict_contains (options, "bench-ui"))
    self->bench_ui = TRUE;

  /* Another database, or a measure, is its own instance, not a new window
   * of the one already running. */
  if (self->database_path != NULL || self->bench_startup || self->bench_ui)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
fd_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  FdApplication *self = FD_APPLICATION (application);

  G_APPLICATION_CLASS (fd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
}

static void
fd_application_activate (GApplication *application)
{
  FdApplication *self = FD_APPLICATION (application);
  g_autofree char *default_path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->database_path == NULL)
    default_path = fd_database_dup_default_path ();

  fd_application_open_database (self,
                                self->database_path != NULL ? self->database_path : default_path);
}

static void
fd_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (fd_application_parent_class)->constructed (object);

  /* The same resources (help overlay, style.css) whatever the application
   * id: the development build and the tests use other ids. */
  g_application_set_resource_base_path (G_APPLICATION (object), "/fr/formadesk/Formadesk");
}

static void
fd_application_dispose (GObject *object)
{
  FdApplication *self = FD_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->bench, fd_bench_ui_free);

  G_OBJECT_CLASS (fd_application_parent_class)->dispose (object);
}

static void
fd_application_finalize (GObject *object)
{
  FdApplication *self = FD_APPLICATION (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (fd_application_parent_class)->finalize (object);
}

static void
fd_application_class_init (FdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = fd_application_constructed;
  object_class->dispose = fd_application_dispose;
  object_class->finalize = fd_application_finalize;

  application_class->activate = fd_application_activate;
  application_class->handle_local_options = fd_application_handle_local_options;
  application_class->startup = fd_application_startup;
}

static void
fd_application_init (FdApplication *self)
{
  self->main_time = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

FdApplication *
fd_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (FD_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}

/* The time main() started, for --bench-startup when /proc cannot tell. */
void
fd_application_set_main_time (FdApplication *self,
                              gint64         main_time)
{
  g_return_if_fail (FD_IS_APPLICATION (self));

  self->main_time = main_time;
}

/**
 * fd_application_open_database:
 * @self: a #FdApplication
 * @path: the database file
 *
 * Opens @path in a new window. A missing file is created empty and demo
 * data is offered; a file that cannot be opened (not a database, too new,
 * read-only) is reported in a dialog and not touched.
 *
 * Returns: (transfer none): the new window, or the error dialog
 */
GtkWindow *
fd_application_open_database (FdApplication *self,
                              const char    *path)
{
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  FdWindow *window;
  gboolean created;

  g_return_val_if_fail (FD_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  created = !g_file_test (path, G_FILE_TEST_EXISTS);
  database = fd_database_open (path,
                               created ? FD_DATABASE_OPEN_CREATE : FD_DATABASE_OPEN_DEFAULT,
                               &error);
  if (database == NULL)
    {
      g_debug ("Could not open the database %s: %s", path, error->message);

      return show_error (self, NULL, _("Could Not Open the Database"), error->message);
    }

  window = fd_window_new (GTK_APPLICATION (self), database);

  if (self->bench_startup || self->bench_ui)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize_cb), self, 0);

  gtk_window_present (GTK_WINDOW (window));

  if (created && !self->bench_startup && !self->bench_ui)
    offer_demo_data (self, window);

  return GTK_WINDOW (window);
}
