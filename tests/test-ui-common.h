/* test-ui-common.h — set-up shared by the UI tests (header only)
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "fd-core.h"
#include "fd-demo.h"
#include "test-ui-input.h"

#define UI_TEST_TODAY "2026-11-25"
#define UI_TEST_SEED  20261125

static char *ui_test_dir;
static FdDatabase *ui_test_database;

/* Returns FALSE (after printing a TAP skip plan) when there is no display. */
static inline gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  const char *localedir = g_getenv ("FORMADESK_LOCALEDIR");

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  adw_init ();
  g_object_set (gtk_settings_get_default (),
                "gtk-font-name", "Cantarell 11",
                "gtk-enable-animations", FALSE,
                NULL);

  return TRUE;
}

/* A small demo database, made once per test binary. */
static inline FdDatabase *
ui_test_get_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (ui_test_database != NULL)
    return ui_test_database;

  ui_test_dir = g_dir_make_tmp ("formadesk-ui-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (ui_test_dir, "demo.db", NULL);
  ui_test_database = fd_database_open (path, FD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fd_demo_generate (ui_test_database, FD_DEMO_SIZE_SMALL, UI_TEST_TODAY, UI_TEST_SEED, &error);
  g_assert_no_error (error);

  return ui_test_database;
}

static inline void
ui_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }

  g_rmdir (path);
}

static inline void
ui_test_cleanup (void)
{
  g_clear_object (&ui_test_database);

  if (ui_test_dir != NULL)
    ui_test_remove_dir (ui_test_dir);
  g_clear_pointer (&ui_test_dir, g_free);
}

/* Runs the tests, then removes the demo database. */
static inline int
ui_test_run (void)
{
  int ret = g_test_run ();

  ui_test_cleanup ();

  return ret;
}

/* Shows @child in a window of its own and waits until it is drawn. */
static inline GtkWindow *
ui_test_show (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1200, 780);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (child));
  ui_test_iterate (50);

  return window;
}

/* The first row widget of type @row_type shown in @widget, depth first. */
static inline GtkWidget *
ui_test_find_first (GtkWidget *widget,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;

      if ((found = ui_test_find_first (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* A child of @view's template, of its list pane's, or of its details
 * pane's once built. */
static inline GObject *
ui_test_child (GtkWidget  *view,
               const char *name)
{
  GObject *object = gtk_widget_get_template_child (view, G_OBJECT_TYPE (view), name);

  if (object == NULL)
    {
      GObject *pane = gtk_widget_get_template_child (view, G_OBJECT_TYPE (view), "pane");

      if (pane != NULL)
        object = gtk_widget_get_template_child (GTK_WIDGET (pane), G_OBJECT_TYPE (pane), name);
    }

  if (object == NULL)
    {
      GObject *bin = gtk_widget_get_template_child (view, G_OBJECT_TYPE (view), "details_bin");
      GtkWidget *details = bin != NULL ? adw_bin_get_child (ADW_BIN (bin)) : NULL;

      if (details != NULL)
        object = gtk_widget_get_template_child (details, G_OBJECT_TYPE (details), name);
    }

  g_assert_nonnull (object);

  return object;
}

static inline const char *
ui_test_row_value (GtkWidget  *view,
                   const char *row_name)
{
  GObject *row = ui_test_child (view, row_name);

  g_assert_true (ADW_IS_ACTION_ROW (row));

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static inline const char *
ui_test_label (GtkWidget  *view,
               const char *name)
{
  GObject *label = ui_test_child (view, name);

  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_text (GTK_LABEL (label));
}

/* Types @text in @view's search entry. */
static inline void
ui_test_search (GtkWidget  *view,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (ui_test_child (view, "search_entry")), text);
}

/* Asserts that @list shows @n rows, no more. */
static inline void
ui_test_assert_n_rows (GtkListBox *list,
                       guint       n)
{
  if (n > 0)
    g_assert_nonnull (gtk_list_box_get_row_at_index (list, n - 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, n));
}

/* Switches the messages to French; FALSE when the catalogue is missing or
 * does not translate @msgid yet. */
static inline gboolean
ui_test_use_french (const char *msgid)
{
  g_setenv ("LANGUAGE", "fr", TRUE);
  /* Setting the domain again drops gettext's cache. */
  textdomain (GETTEXT_PACKAGE);

  return g_strcmp0 (_(msgid), msgid) != 0;
}

static inline void
ui_test_use_english (void)
{
  g_unsetenv ("LANGUAGE");
  textdomain (GETTEXT_PACKAGE);
}

/* GLib decides once per process whether to translate, so French is
 * checked in a child started with LANGUAGE=fr: TRUE in that child, which
 * then checks; FALSE in the test itself, once the child passed. */
static inline gboolean
ui_test_in_french_subprocess (void)
{
  if (g_test_subprocess ())
    return TRUE;

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();

  return FALSE;
}
