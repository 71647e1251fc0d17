/* fd-editor-helpers.c — what the session editor's widgets share
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-editor-helpers.h"

#include "fd-window.h"

/* The cost types a session's cost line may have; stored as their code */
static const FdEditorCode cost_types[] = {
  { "trainer_fees", NULL, N_("Trainer fees") },
  { "room_hire", NULL, N_("Room hire") },
  { "travel", NULL, N_("Travel") },
  { "accommodation", NULL, N_("Accommodation") },
  { "catering", NULL, N_("Catering") },
  { "materials", NULL, N_("Teaching materials") },
  { "certification", NULL, N_("Certification") },
  { "other", NULL, N_("Other") },
};

static const FdEditorCode modalities[] = {
  { "on_site", NULL, N_("On site") },
  { "remote", NULL, N_("Remote") },
  { "blended", NULL, N_("Blended") },
  { "e_learning", NULL, N_("E-learning") },
};

static const FdEditorCode sequence_statuses[] = {
  { "planned", "sequence", NC_("sequence", "Planned") },
  { "closed", "sequence", NC_("sequence", "Closed") },
  { "cancelled", "sequence", NC_("sequence", "Cancelled") },
  { "external", "sequence", NC_("sequence", "External") },
};

/**
 * fd_editor_code_get_label:
 * @code: an entry of one of the lists of codes
 *
 * Returns: its translated label
 */
const char *
fd_editor_code_get_label (const FdEditorCode *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return code->context != NULL ? g_dpgettext2 (NULL, code->context, code->label) : _(code->label);
}

static const char *
lookup_label (const FdEditorCode *codes,
              guint               n_codes,
              const char         *code)
{
  for (guint i = 0; code != NULL && i < n_codes; i++)
    if (g_str_equal (codes[i].code, code))
      return fd_editor_code_get_label (&codes[i]);

  /* A type typed before the list existed (or by another program) is
   * shown as it is */
  return code;
}

const FdEditorCode *
fd_editor_get_cost_types (guint *n_types)
{
  g_return_val_if_fail (n_types != NULL, NULL);

  *n_types = G_N_ELEMENTS (cost_types);

  return cost_types;
}

const FdEditorCode *
fd_editor_get_modalities (guint *n_modalities)
{
  g_return_val_if_fail (n_modalities != NULL, NULL);

  *n_modalities = G_N_ELEMENTS (modalities);

  return modalities;
}

const FdEditorCode *
fd_editor_get_sequence_statuses (guint *n_statuses)
{
  g_return_val_if_fail (n_statuses != NULL, NULL);

  *n_statuses = G_N_ELEMENTS (sequence_statuses);

  return sequence_statuses;
}

const char *
fd_editor_cost_type_label (const char *code)
{
  return lookup_label (cost_types, G_N_ELEMENTS (cost_types), code);
}

const char *
fd_editor_modality_label (const char *code)
{
  return lookup_label (modalities, G_N_ELEMENTS (modalities), code);
}

const char *
fd_editor_sequence_status_label (const char *code)
{
  return lookup_label (sequence_statuses, G_N_ELEMENTS (sequence_statuses), code);
}

/* « 7 h », « 3 h 30 », « 45 min » */
char *
fd_editor_format_duration (gint64 minutes)
{
  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), (int) minutes);

  if (minutes % 60 == 0)
    /* Translators: a duration in whole hours */
    return g_strdup_printf (_("%d h"), (int) (minutes / 60));

  /* Translators: a duration in hours and minutes, « 3 h 30 » */
  return g_strdup_printf (_("%1$d h %2$02d"), (int) (minutes / 60), (int) (minutes % 60));
}

/**
 * fd_editor_fill_choices:
 * @store: a #GListStore of #FdOption
 * @choices: (nullable) (element-type FdOption): the rows to offer
 * @none_label: (nullable): the label of a first choice meaning "none",
 *   for an optional field
 *
 * Replaces the content of @store in one items-changed.
 */
void
fd_editor_fill_choices (GListStore *store,
                        GPtrArray  *choices,
                        const char *none_label)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (G_IS_LIST_STORE (store));

  if (none_label != NULL)
    g_ptr_array_add (items, fd_option_new (NULL, none_label, NULL));
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (choices, i)));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

gboolean
fd_editor_load_choices (GListStore   *store,
                        FdDatabase   *database,
                        FdOptionKind  kind,
                        const char   *parent_id,
                        const char   *none_label)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);

  if (kind != FD_OPTION_ROOM || parent_id != NULL)
    {
      choices = fd_database_list_options (database, kind, parent_id, &error);
      if (choices == NULL)
        g_warning ("Could not list what to choose from: %s", error->message);
    }

  fd_editor_fill_choices (store, choices, none_label);

  return choices != NULL;
}

/* The position of the choice of @id (%NULL: the "none" choice), or
 * GTK_INVALID_LIST_POSITION */
guint
fd_editor_find_choice (GListModel *model,
                       const char *id)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), GTK_INVALID_LIST_POSITION);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdOption) choice = g_list_model_get_item (model, i);

      if (g_strcmp0 (fd_option_get_id (choice), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * fd_editor_get_selected_id:
 * @drop_down: a #GtkDropDown or an #AdwComboRow over #FdOption items
 *
 * Returns: (nullable): the id of the selected choice; %NULL when nothing
 *   or "none" is selected
 */
const char *
fd_editor_get_selected_id (gpointer drop_down)
{
  GObject *item = NULL;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down) || ADW_IS_COMBO_ROW (drop_down), NULL);

  if (GTK_IS_DROP_DOWN (drop_down))
    item = gtk_drop_down_get_selected_item (drop_down);
  else
    item = adw_combo_row_get_selected_item (drop_down);

  return FD_IS_OPTION (item) ? fd_option_get_id (FD_OPTION (item)) : NULL;
}

/* Selects the choice of @id; FALSE (and the first choice) if there is none */
gboolean
fd_editor_select_id (gpointer    drop_down,
                     const char *id)
{
  GListModel *model;
  guint position;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down) || ADW_IS_COMBO_ROW (drop_down), FALSE);

  if (GTK_IS_DROP_DOWN (drop_down))
    model = gtk_drop_down_get_model (drop_down);
  else
    model = adw_combo_row_get_model (drop_down);

  position = model != NULL ? fd_editor_find_choice (model, id) : GTK_INVALID_LIST_POSITION;

  if (GTK_IS_DROP_DOWN (drop_down))
    gtk_drop_down_set_selected (drop_down, position != GTK_INVALID_LIST_POSITION ? position : 0);
  else
    adw_combo_row_set_selected (drop_down, position != GTK_INVALID_LIST_POSITION ? position : 0);

  return position != GTK_INVALID_LIST_POSITION;
}

static void
on_choice_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
on_choice_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (label);
  FdOption *choice = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (label), fd_option_get_label (choice));
  gtk_label_set_text (GTK_LABEL (detail),
                      fd_option_get_detail (choice) != NULL ? fd_option_get_detail (choice) : "");
  gtk_widget_set_visible (detail, fd_option_get_detail (choice) != NULL);
}

static void
on_selected_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
on_selected_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  FdOption *choice = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      fd_option_get_label (choice));
}

/**
 * fd_editor_use_choice_list:
 * @drop_down: a #GtkDropDown or an #AdwComboRow over #FdOption items
 *
 * Shows the choices of @drop_down's list in full, each with its detail
 * (a code, a city) under it: an #AdwComboRow cuts long names short, and
 * two evaluations that begin alike could not be told apart.
 */
void
fd_editor_use_choice_list (gpointer drop_down)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down) || ADW_IS_COMBO_ROW (drop_down));

  g_signal_connect (factory, "setup", G_CALLBACK (on_choice_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_choice_bind_cb), NULL);

  if (GTK_IS_DROP_DOWN (drop_down))
    {
      gtk_drop_down_set_list_factory (drop_down, factory);
      return;
    }

  adw_combo_row_set_list_factory (drop_down, factory);

  /* The choice shown in the row takes the room the row has */
  g_clear_object (&factory);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_selected_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_selected_bind_cb), NULL);
  adw_combo_row_set_factory (drop_down, factory);
}

#define ERROR_ICON_KEY "fd-editor-error-icon"
#define SUBTITLE_KEY   "fd-editor-subtitle"

/* Scrolls the page holding @row so that @row shows; FALSE when @row is
 * not laid out yet */
static gboolean
scroll_to (GtkWidget *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = NULL;
  GtkWidget *content = NULL;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value;
  double page;

  if (scrolled != NULL)
    viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (viewport))
    content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  if (content == NULL)
    return TRUE;
  if (!gtk_widget_compute_bounds (row, content, &bounds) || bounds.size.height < 10)
    return FALSE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);

  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 24);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page + 24);

  return TRUE;
}

/* After the frame lays the row out: a dialog just shown has not yet */
static gboolean
on_scroll_tick_cb (GtkWidget     *row,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  guint *frames = g_object_get_data (G_OBJECT (row), "fd-editor-scroll-frames");

  if (scroll_to (row) || frames == NULL || ++*frames > 10)
    {
      g_object_set_data (G_OBJECT (row), "fd-editor-scroll-frames", NULL);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * fd_editor_show_field_error:
 * @row: the row of the field (an #AdwActionRow, #AdwEntryRow…)
 * @message: the translated message
 *
 * Shows @message at @row: the row takes the `error` style, its subtitle
 * (or, for an entry row, a warning icon at its end) and its tooltip say
 * what is wrong, and the focus goes there, scrolled into view.
 */
void
fd_editor_show_field_error (GtkWidget  *row,
                            const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (message != NULL);

  fd_editor_clear_field_error (row);

  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);

  if (ADW_IS_ENTRY_ROW (row))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, message);
      gtk_widget_add_css_class (icon, "error");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), ERROR_ICON_KEY, icon);
    }
  else if (ADW_IS_ACTION_ROW (row))
    {
      g_object_set_data_full (G_OBJECT (row), SUBTITLE_KEY,
                              g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))),
                              g_free);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
    }

  gtk_widget_grab_focus (row);
  g_object_set_data_full (G_OBJECT (row), "fd-editor-scroll-frames", g_new0 (guint, 1), g_free);
  gtk_widget_add_tick_callback (row, on_scroll_tick_cb, NULL, NULL);
}

void
fd_editor_clear_field_error (GtkWidget *row)
{
  GtkWidget *icon;

  g_return_if_fail (GTK_IS_WIDGET (row));

  if (!gtk_widget_has_css_class (row, "error"))
    return;

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, NULL);

  icon = g_object_get_data (G_OBJECT (row), ERROR_ICON_KEY);
  if (icon != NULL && ADW_IS_ENTRY_ROW (row))
    adw_entry_row_remove (ADW_ENTRY_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), ERROR_ICON_KEY, NULL);

  if (ADW_IS_ACTION_ROW (row) && g_object_get_data (G_OBJECT (row), SUBTITLE_KEY) != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   g_object_get_data (G_OBJECT (row), SUBTITLE_KEY));
      g_object_set_data (G_OBJECT (row), SUBTITLE_KEY, NULL);
    }
}

gboolean
fd_editor_has_field_error (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), FALSE);

  return gtk_widget_has_css_class (row, "error");
}

/* The text of @editable, stripped, or %NULL when blank */
char *
fd_editor_dup_text (gpointer editable)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

void
fd_editor_set_text (gpointer    editable,
                    const char *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  gtk_editable_set_text (editable, text != NULL ? text : "");
}

/**
 * fd_editor_apply:
 * @widget: the widget the user edited in (a page, a dialog)
 * @database: where to write
 * @label: the user's words for the edit, translated (“Slots added”)
 * @changes: (element-type FdChange): the edit, applied all or nothing
 * @error: return location for a #GError
 *
 * Applies a user's edit so that it can be undone: through the history of
 * the main window @widget is in (or a dialog of), which says so in a toast
 * with an Undo button; without one (a test's window), through
 * fd_database_apply_all() alone.
 *
 * Returns: whether the edit was applied
 */
gboolean
fd_editor_apply (GtkWidget   *widget,
                 FdDatabase  *database,
                 const char  *label,
                 GPtrArray   *changes,
                 GError     **error)
{
  GtkRoot *root;
  GtkWindow *window;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  root = gtk_widget_get_root (widget);
  window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget)
                                                                              : NULL;
  while (window != NULL && !FD_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window != NULL && fd_window_get_history (FD_WINDOW (window)) != NULL &&
      fd_window_get_database (FD_WINDOW (window)) == database)
    return fd_window_apply_edit (FD_WINDOW (window), label, changes, error);

  return fd_database_apply_all (database, changes, error);
}

/* fd_editor_apply() for one change */
gboolean
fd_editor_apply_one (GtkWidget   *widget,
                     FdDatabase  *database,
                     const char  *label,
                     FdChange    *change,
                     GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();

  g_return_val_if_fail (change != NULL, FALSE);

  g_ptr_array_add (changes, change);

  return fd_editor_apply (widget, database, label, changes, error);
}

/**
 * fd_editor_new_unsaved_dialog:
 * @parent: a widget of the window to put the dialog over
 *
 * The question asked before leaving unsaved changes: Save, Discard or
 * Cancel (the responses FD_EDITOR_RESPONSE_…). Connect to its ::response,
 * then present it.
 *
 * Returns: (transfer none): the dialog, owned by GTK until it closes
 */
AdwMessageDialog *
fd_editor_new_unsaved_dialog (GtkWidget *parent)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  root = gtk_widget_get_root (parent);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save Changes?"),
                                   _("This session has changes that are not saved. "
                                     "Don’t forget to save before leaving."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    FD_EDITOR_RESPONSE_CANCEL, _("_Cancel"),
                                    FD_EDITOR_RESPONSE_DISCARD, _("_Discard"),
                                    FD_EDITOR_RESPONSE_SAVE, _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              FD_EDITOR_RESPONSE_DISCARD,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              FD_EDITOR_RESPONSE_SAVE,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), FD_EDITOR_RESPONSE_SAVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), FD_EDITOR_RESPONSE_CANCEL);

  return ADW_MESSAGE_DIALOG (dialog);
}
