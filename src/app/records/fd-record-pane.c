/* fd-record-pane.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-record-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fd-record-pane.h"

#include "fd-list-filters.h"
#include "fd-record-kind-ui.h"
#include "fd-record-row.h"

/* FdRecordPane:
 *
 * The left pane of the sessions, trainers and candidates views: a search
 * entry, the matching records of one kind in a #GtkListView over an
 * #FdRecordList (rows are built only when shown, so 50 000 of them cost
 * nothing), their count, and what to show when there are none.
 *
 * Why a search does not simply change the list's records: GTK 4.8's list
 * item manager, told that the whole list changed, reads every new item to
 * look for the widgets it could keep, and #GtkSingleSelection reads them
 * all again looking for its selected item. Each read is a SQLite row: a
 * keystroke in a search of the 50 000 candidates took up to a second.
 * Detaching the view meanwhile avoided the reads, but then the view
 * destroyed its 200 row widgets and built 200 new ones each keystroke.
 *
 * So the pane keeps two lists of the same records behind a
 * #GtkFlattenListModel: a search runs in the spare one, out of the view's
 * sight, which then comes in before the shown one; the view scrolls to it
 * and rebinds its row widgets to it; then the old list goes (see
 * swap_records()). Nothing the view tracks is removed while 50 000 new
 * items are there to be scanned, and no row widget is built again. The two
 * lists share their search keys (see #FdRecordList).
 *
 * The record chosen before a search stays #FdRecordPane:selected (the
 * details keep showing it) even though the list no longer shows it
 * selected: finding it among the results would read them all. Reloading
 * or another database still detach the view (begin_change()).
 */
struct _FdRecordPane
{
  GtkWidget           parent_instance;

  FdDatabase         *database;
  FdRecordKind        kind;
  FdRecordList       *records;  /* the records listed */
  FdRecordList       *spare;    /* the next search's, see run_search() */
  GListStore         *lists;    /* holds @records, flattened for the view */
  FdRecord           *selected;

  /* Set while the pane changes the records and clears the selection */
  gboolean            changing;

  /* Set when the records changed since the list last had the focus */
  gboolean            results_changed;

  FdListFilters      *filters;  /* the kind's, or NULL */

  AdwBin             *filters_bin;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *no_results_page;
  GtkSearchEntry     *search_entry;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (FdRecordPane, fd_record_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_KIND,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_count (FdRecordPane *self)
{
  const FdRecordKindUi *ui = fd_record_kind_ui_get (self->kind);
  g_autofree char *text = NULL;
  const char *search;
  guint n;

  g_assert (FD_IS_RECORD_PANE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  text = ui->format_count (n);
  gtk_label_set_text (self->count_label, text);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  search = self->records != NULL ? fd_record_list_get_search (self->records) : NULL;
  if (search != NULL && *search != '\0')
    {
      g_autofree char *description = ui->format_no_match (search);

      adw_status_page_set_icon_name (self->no_results_page, "system-search-symbolic");
      adw_status_page_set_title (self->no_results_page, _("No Results"));
      adw_status_page_set_description (self->no_results_page, description);
    }
  else
    {
      adw_status_page_set_icon_name (self->no_results_page, ui->icon_name);
      adw_status_page_set_title (self->no_results_page, _(ui->empty_title));
      adw_status_page_set_description (self->no_results_page, NULL);
    }

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
set_selected (FdRecordPane *self,
              FdRecord     *record)
{
  g_assert (FD_IS_RECORD_PANE (self));
  g_assert (record == NULL || FD_IS_RECORD (record));

  if (g_set_object (&self->selected, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Puts the kind's filters, if it has any, on @list */
static void
filter_records (FdRecordPane *self,
                FdRecordList *list)
{
  if (self->filters != NULL && list != NULL)
    fd_list_filters_apply (self->filters, list);
}

/* Rows changed in the database, the list told of them row by row: the
 * record chosen stays chosen, found again by its id, and the details show
 * its new snapshot if it changed. */
static void
on_records_rows_updated_cb (FdRecordPane *self,
                            FdRecordList *records)
{
  g_autoptr(FdRecord) current = NULL;
  guint position;

  if (records != self->records || self->selected == NULL)
    return;

  position = fd_record_list_find (records, fd_record_get_id (self->selected));
  if (position == G_MAXUINT)
    {
      /* Gone, or no longer matching the search */
      if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
        {
          self->changing = TRUE;
          gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
          self->changing = FALSE;
          set_selected (self, NULL);
        }
      return;
    }

  current = g_list_model_get_item (G_LIST_MODEL (records), position);
  self->changing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->changing = FALSE;

  if (current != NULL && fd_record_get_revision (current) != fd_record_get_revision (self->selected))
    set_selected (self, current);
}

/* Before the records change as a whole: see the comment at the top. */
static void
begin_change (FdRecordPane *self)
{
  g_assert (FD_IS_RECORD_PANE (self));
  g_assert (!self->changing);

  self->changing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, NULL);
}

static void
end_change (FdRecordPane *self)
{
  g_assert (FD_IS_RECORD_PANE (self));
  g_assert (self->changing);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  self->changing = FALSE;
}

/* Whether @text searches the same rows as the search of @records: the
 * list folds case, accents and spaces, so "Anne " finds what "anne"
 * found. */
static gboolean
is_same_search (FdRecordList *records,
                const char   *text)
{
  g_autofree char *folded = fd_text_fold (text);
  g_autofree char *current = fd_text_fold (fd_record_list_get_search (records));

  return g_strcmp0 (folded, current) == 0;
}

/* Shows the spare list's records instead of the current ones, keeping the
 * row widgets: the new records come in before the old ones, the view
 * scrolls to the first, then the old records go. Rows built for the old
 * records are rebound to new ones instead of being destroyed and built
 * again, and no record the view tracked is removed while the new ones
 * are there to be scanned. */
static void
swap_records (FdRecordPane *self)
{
  FdRecordList *old = self->records;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (old));
  guint n_new = g_list_model_get_n_items (G_LIST_MODEL (self->spare));

  /* From the first items-changed on, the pane shows the new records */
  self->records = g_steal_pointer (&self->spare);
  self->spare = old;
  fd_record_list_set_follows_changes (self->records, TRUE);
  fd_record_list_set_follows_changes (self->spare, FALSE);

  self->changing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_list_store_insert (self->lists, 0, self->records);
  if (n_old > 0 && n_new > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  g_list_store_remove (self->lists, 1);

  self->changing = FALSE;
  self->results_changed = TRUE;
}

static void
run_query (FdRecordPane *self,
           const char   *text,
           gboolean      refilter)
{
  g_assert (FD_IS_RECORD_PANE (self));

  if (self->records == NULL)
    return;

  if (!refilter && is_same_search (self->records, text))
    {
      /* Changes nothing shown: keep the list and its selection */
      fd_record_list_set_search (self->records, text);
      return;
    }

  /* Swap in the other list (see swap_records()), with its rows read now:
   * they may have changed since it last searched the same words. */
  if (self->spare == NULL)
    {
      self->spare = fd_record_list_new (self->database, self->kind);
      g_signal_connect_object (self->spare, "rows-updated",
                               G_CALLBACK (on_records_rows_updated_cb), self, G_CONNECT_SWAPPED);
      filter_records (self, self->spare);
      fd_record_list_set_search (self->spare, text);
    }
  else if (is_same_search (self->spare, text))
    {
      filter_records (self, self->spare);
      fd_record_list_set_search (self->spare, text);
      fd_record_list_reload (self->spare);
    }
  else
    {
      filter_records (self, self->spare);
      fd_record_list_set_search (self->spare, text);
    }
  swap_records (self);
}

static void
run_search (FdRecordPane *self,
            const char   *text)
{
  run_query (self, text, FALSE);
}

/* The filters changed: the records are listed again, as for a search */
static void
on_filters_changed_cb (FdRecordPane  *self,
                       FdListFilters *filters)
{
  run_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), TRUE);
  update_count (self);
}

/* The kind's filters, above the list, when it has some */
static void
create_filters (FdRecordPane *self)
{
  const FdRecordKindUi *ui = fd_record_kind_ui_get (self->kind);

  adw_bin_set_child (self->filters_bin, NULL);
  self->filters = NULL;
  if (ui == NULL || ui->get_filters_type == NULL || self->database == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->filters_bin), FALSE);
      return;
    }

  self->filters = g_object_new (ui->get_filters_type (), "database", self->database, NULL);
  g_signal_connect_object (self->filters, "changed", G_CALLBACK (on_filters_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->filters_bin, GTK_WIDGET (self->filters));
  gtk_widget_set_visible (GTK_WIDGET (self->filters_bin), TRUE);
}

static void
create_records (FdRecordPane *self)
{
  g_assert (FD_IS_RECORD_PANE (self));

  begin_change (self);

  create_filters (self);
  g_clear_object (&self->records);
  g_clear_object (&self->spare);
  g_list_store_remove_all (self->lists);
  if (self->database != NULL)
    {
      self->records = fd_record_list_new (self->database, self->kind);
      g_signal_connect_object (self->records, "rows-updated",
                               G_CALLBACK (on_records_rows_updated_cb), self, G_CONNECT_SWAPPED);
      filter_records (self, self->records);
      fd_record_list_set_search (self->records,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      g_list_store_append (self->lists, self->records);
    }

  end_change (self);

  set_selected (self, NULL);
  update_count (self);
}

static void
on_selection_items_changed_cb (FdRecordPane *self,
                               guint         position,
                               guint         removed,
                               guint         added,
                               GListModel   *model)
{
  update_count (self);
}

static void
on_selection_selected_item_cb (FdRecordPane       *self,
                               GParamSpec         *pspec,
                               GtkSingleSelection *selection)
{
  /* The pane cleared the selection itself, or rows changed under it:
   * keep what the user chose */
  if (self->changing || (self->records != NULL && fd_record_list_is_updating (self->records)))
    return;

  set_selected (self, gtk_single_selection_get_selected_item (selection));
}

static void
on_search_entry_search_changed_cb (FdRecordPane   *self,
                                   GtkSearchEntry *entry)
{
  run_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search shows the first result. */
static void
on_search_entry_activate_cb (FdRecordPane   *self,
                             GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

/* Enter (or a double click) on a row shows it, whether or not moving the
 * keyboard focus there selected it. */
static void
on_list_view_activate_cb (FdRecordPane *self,
                          guint         position,
                          GtkListView  *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
}

/* Down, or Tab after a search, goes from the search to the first result.
 * GTK would focus the row that last had the focus, which a search may
 * have moved anywhere (to the last result, when its record went). */
static gboolean
on_search_entry_key_pressed_cb (FdRecordPane          *self,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                GtkEventControllerKey *controller)
{
  GtkWidget *first_row;

  if ((state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down &&
      !((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && self->results_changed))
    return GDK_EVENT_PROPAGATE;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return GDK_EVENT_PROPAGATE;

  /* The view keeps its rows in order: the first is the first record's */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  first_row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
  if (first_row == NULL || !gtk_widget_grab_focus (first_row))
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

static void
on_list_view_focus_enter_cb (FdRecordPane            *self,
                             GtkEventControllerFocus *controller)
{
  self->results_changed = FALSE;
}

static void
on_search_entry_stop_search_cb (FdRecordPane   *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     FdRecordPane             *self)
{
  gtk_list_item_set_child (list_item, fd_record_row_new ());
}

/* The record a row shows, held so that its address is not reused */
static GQuark
bound_record_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("fd-record-pane-bound-record");

  return quark;
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FdRecordPane             *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);

  /* GTK 4.8 binds a row again whenever its position changes, as when a
   * search puts its records before the 200 rows shown: a record is an
   * unchanging snapshot, the same one needs nothing more */
  if (g_object_get_qdata (G_OBJECT (row), bound_record_quark ()) == item)
    return;

  g_object_set_qdata_full (G_OBJECT (row), bound_record_quark (),
                           g_object_ref (item), g_object_unref);
  fd_record_kind_ui_get (self->kind)->bind_row (FD_RECORD_ROW (row), item);
}

static void
fd_record_pane_dispose (GObject *object)
{
  FdRecordPane *self = FD_RECORD_PANE (object);
  GtkWidget *child;

  self->filters = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_RECORD_PANE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selected);
  g_clear_object (&self->records);
  g_clear_object (&self->spare);
  g_clear_object (&self->lists);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_record_pane_parent_class)->dispose (object);
}

static void
fd_record_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdRecordPane *self = FD_RECORD_PANE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_record_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdRecordPane *self = FD_RECORD_PANE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      fd_record_pane_set_database (self, g_value_get_object (value));
      break;

    case PROP_KIND:
      fd_record_pane_set_kind (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_record_pane_class_init (FdRecordPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_record_pane_dispose;
  object_class->get_property = fd_record_pane_get_property;
  object_class->set_property = fd_record_pane_set_property;

  /**
   * FdRecordPane:database:
   *
   * The database the records are read from.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FdRecordPane:kind:
   *
   * What the pane lists: an #FdRecordKind, sessions, trainers or trainees
   * (#FdRecordKind has no #GType).
   */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       FD_RECORD_KIND_SESSION, fd_record_kind_ui_last (), FD_RECORD_KIND_SESSION,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FdRecordPane:selected:
   *
   * The record last chosen in the list, or %NULL. A search keeps it even
   * when it clears the list's selection; unselecting, reloading or
   * another database or kind clears it.
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         FD_TYPE_RECORD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_RECORD_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/formadesk/Formadesk/fd-record-pane.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, FdRecordPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, FdRecordPane, filters_bin);
  gtk_widget_class_bind_template_child (widget_class, FdRecordPane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FdRecordPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, FdRecordPane, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, FdRecordPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdRecordPane, selection);

  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_cb);
}

static void
fd_record_pane_init (FdRecordPane *self)
{
  g_autoptr(GtkFlattenListModel) flat = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lists = g_list_store_new (FD_TYPE_RECORD_LIST);
  flat = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->lists)));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (flat));

  self->kind = FD_RECORD_KIND_SESSION;
  g_object_set (self->search_entry,
                "placeholder-text", _(fd_record_kind_ui_get (self->kind)->search_placeholder),
                NULL);
  update_count (self);
}

GtkWidget *
fd_record_pane_new (FdDatabase   *database,
                    FdRecordKind  kind)
{
  g_return_val_if_fail (database == NULL || FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (fd_record_kind_ui_get (kind) != NULL, NULL);

  return g_object_new (FD_TYPE_RECORD_PANE,
                       "kind", kind,
                       "database", database,
                       NULL);
}

FdDatabase *
fd_record_pane_get_database (FdRecordPane *self)
{
  g_return_val_if_fail (FD_IS_RECORD_PANE (self), NULL);

  return self->database;
}

void
fd_record_pane_set_database (FdRecordPane *self,
                             FdDatabase   *database)
{
  g_return_if_fail (FD_IS_RECORD_PANE (self));
  g_return_if_fail (database == NULL || FD_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  create_records (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

FdRecordKind
fd_record_pane_get_kind (FdRecordPane *self)
{
  g_return_val_if_fail (FD_IS_RECORD_PANE (self), FD_RECORD_KIND_SESSION);

  return self->kind;
}

void
fd_record_pane_set_kind (FdRecordPane *self,
                         FdRecordKind  kind)
{
  g_return_if_fail (FD_IS_RECORD_PANE (self));
  g_return_if_fail (fd_record_kind_ui_get (kind) != NULL);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_set (self->search_entry,
                "placeholder-text", _(fd_record_kind_ui_get (kind)->search_placeholder),
                NULL);
  create_records (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * fd_record_pane_get_selected:
 * @self: a #FdRecordPane
 *
 * Returns: (transfer none) (nullable): the record last chosen in the list
 */
FdRecord *
fd_record_pane_get_selected (FdRecordPane *self)
{
  g_return_val_if_fail (FD_IS_RECORD_PANE (self), NULL);

  return self->selected;
}

/**
 * fd_record_pane_get_model:
 * @self: a #FdRecordPane
 *
 * Returns: (transfer none): the records listed, as the list view shows
 *   and selects them
 */
GtkSelectionModel *
fd_record_pane_get_model (FdRecordPane *self)
{
  g_return_val_if_fail (FD_IS_RECORD_PANE (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * fd_record_pane_get_list_view:
 * @self: a #FdRecordPane
 *
 * Returns: (transfer none): the list view showing the records
 */
GtkListView *
fd_record_pane_get_list_view (FdRecordPane *self)
{
  g_return_val_if_fail (FD_IS_RECORD_PANE (self), NULL);

  return self->list_view;
}

/**
 * fd_record_pane_search:
 * @self: a #FdRecordPane
 * @text: what to search for
 *
 * Puts @text in the search entry and lists the matching records at once,
 * without waiting for the entry's delay.
 */
void
fd_record_pane_search (FdRecordPane *self,
                       const char   *text)
{
  g_return_if_fail (FD_IS_RECORD_PANE (self));
  g_return_if_fail (text != NULL);

  /* Setting the text deletes the old one first, and the entry announces
   * an empty search at once: the pane would list every record, then the
   * matching ones, twice the work of a keystroke */
  g_signal_handlers_block_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  run_search (self, text);
}

/**
 * fd_record_pane_show:
 * @self: a #FdRecordPane
 * @id: the id of a record of the pane's kind
 *
 * Selects the record @id, scrolled into view, clearing the search if it
 * hides the record.
 *
 * Returns: whether the record is listed
 */
gboolean
fd_record_pane_show (FdRecordPane *self,
                     const char   *id)
{
  guint position;

  g_return_val_if_fail (FD_IS_RECORD_PANE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->records == NULL)
    return FALSE;

  position = fd_record_list_find (self->records, id);
  if (position == G_MAXUINT && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      fd_record_pane_search (self, "");
      position = fd_record_list_find (self->records, id);
    }
  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return TRUE;
}

/* Reads the records again, after the database changed under the pane. */
void
fd_record_pane_reload (FdRecordPane *self)
{
  g_return_if_fail (FD_IS_RECORD_PANE (self));

  if (self->records != NULL)
    {
      begin_change (self);
      fd_record_list_reload (self->records);
      end_change (self);
    }

  /* The record may have changed or gone */
  set_selected (self, NULL);
  update_count (self);
}

void
fd_record_pane_focus_search (FdRecordPane *self)
{
  g_return_if_fail (FD_IS_RECORD_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Loads what a search needs now (see fd_record_list_load_search_keys()),
 * when idle, rather than in the first keystroke. */
void
fd_record_pane_prepare_search (FdRecordPane *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FD_IS_RECORD_PANE (self));

  if (self->records != NULL && !fd_record_list_load_search_keys (self->records, &error))
    g_debug ("Could not prepare the search: %s", error->message);
}
