/* fd-session-filters.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-filters"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "fd-session-filters.h"

#include "fd-option-dropdown.h"

/* FdSessionFilters:
 *
 * What narrows the sessions list (seed 004): a "Drafts" toggle always in
 * sight (drafts wait to be published), and in a popover the workflow
 * status, the training, a place of the slots and a period from today.
 * Each dropdown's first item is "any". The choices of trainings and
 * places follow the database's changes.
 */
struct _FdSessionFilters
{
  GtkWidget    parent_instance;

  FdDatabase  *database;
  GPtrArray   *training_ids; /* utf8, [0] NULL for any */
  GPtrArray   *place_ids;
  gboolean     loading;      /* the choices are being put in the dropdowns */

  GtkButton      *clear_button;
  GtkToggleButton *drafts_button;
  GtkMenuButton  *filters_button;
  GtkDropDown    *period_dropdown;
  GtkDropDown    *place_dropdown;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *training_dropdown;
};

static void list_filters_iface_init (FdListFiltersInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdSessionFilters, fd_session_filters, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (FD_TYPE_LIST_FILTERS, list_filters_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static const char * const periods[] = {
  [FD_SESSION_PERIOD_ANY] = N_("Any time"),
  [FD_SESSION_PERIOD_COMING] = N_("Coming"),
  [FD_SESSION_PERIOD_THIS_MONTH] = N_("This month"),
  [FD_SESSION_PERIOD_NEXT_THREE_MONTHS] = N_("Next three months"),
  [FD_SESSION_PERIOD_THIS_YEAR] = N_("This year"),
  [FD_SESSION_PERIOD_PAST] = N_("Past"),
};

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/**
 * fd_session_period_get_range:
 * @period: a period
 * @today: the day it is counted from
 * @from: (out) (nullable): its first day, ISO, or %NULL for no bound
 * @to: (out) (nullable): its last day, ISO, or %NULL for no bound
 *
 * The days of @period, for the sessions list's "from" and "to" filters.
 */
void
fd_session_period_get_range (FdSessionPeriod   period,
                             GDate            *today,
                             char            **from,
                             char            **to)
{
  GDate first = *today;
  GDate last = *today;

  *from = NULL;
  *to = NULL;

  switch (period)
    {
    case FD_SESSION_PERIOD_COMING:
      *from = format_date (today);
      break;

    case FD_SESSION_PERIOD_THIS_MONTH:
      g_date_set_day (&first, 1);
      g_date_set_day (&last, g_date_get_days_in_month (g_date_get_month (today),
                                                       g_date_get_year (today)));
      *from = format_date (&first);
      *to = format_date (&last);
      break;

    case FD_SESSION_PERIOD_NEXT_THREE_MONTHS:
      g_date_add_months (&last, 3);
      *from = format_date (today);
      *to = format_date (&last);
      break;

    case FD_SESSION_PERIOD_THIS_YEAR:
      g_date_set_dmy (&first, 1, G_DATE_JANUARY, g_date_get_year (today));
      g_date_set_dmy (&last, 31, G_DATE_DECEMBER, g_date_get_year (today));
      *from = format_date (&first);
      *to = format_date (&last);
      break;

    case FD_SESSION_PERIOD_PAST:
      g_date_subtract_days (&last, 1);
      *to = format_date (&last);
      break;

    case FD_SESSION_PERIOD_ANY:
    default:
      break;
    }
}

/* Puts "any" then @choices in @dropdown, keeping the row chosen by id */
static void
set_choices (FdSessionFilters *self,
             GtkDropDown      *dropdown,
             GPtrArray       **ids,
             const char       *any,
             GPtrArray        *choices)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint keep = 0;

  if (*ids != NULL && selected != GTK_INVALID_LIST_POSITION && selected < (*ids)->len)
    chosen = g_strdup (g_ptr_array_index (*ids, selected));

  g_clear_pointer (ids, g_ptr_array_unref);
  *ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*ids, NULL);
  gtk_string_list_append (labels, any);
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      FdOption *choice = g_ptr_array_index (choices, i);

      if (g_strcmp0 (fd_option_get_id (choice), chosen) == 0)
        keep = (*ids)->len;
      g_ptr_array_add (*ids, g_strdup (fd_option_get_id (choice)));
      gtk_string_list_append (labels, fd_option_get_label (choice));
    }

  self->loading = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, keep);
  self->loading = FALSE;
}

static void
load_choices (FdSessionFilters *self)
{
  g_autoptr(GPtrArray) trainings = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;

  trainings = fd_database_list_options (self->database, FD_OPTION_TRAINING, NULL, &error);
  if (trainings == NULL)
    {
      g_warning ("Could not list the trainings: %s", error->message);
      g_clear_error (&error);
    }
  places = fd_database_list_options (self->database, FD_OPTION_PLACE, NULL, &error);
  if (places == NULL)
    g_warning ("Could not list the places: %s", error->message);

  set_choices (self, self->training_dropdown, &self->training_ids, _("Any training"), trainings);
  set_choices (self, self->place_dropdown, &self->place_ids, _("Any place"), places);
}

static const char *
chosen_id (GtkDropDown *dropdown,
           GPtrArray   *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return NULL;

  return g_ptr_array_index (ids, selected);
}

static const char *
chosen_status (FdSessionFilters *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > fd_format_get_n_session_statuses ())
    return NULL;

  return fd_format_get_session_status_code (selected - 1);
}

static FdSessionPeriod
chosen_period (FdSessionFilters *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  return selected < G_N_ELEMENTS (periods) ? (FdSessionPeriod) selected : FD_SESSION_PERIOD_ANY;
}

/**
 * fd_session_filters_count_active:
 *
 * Returns: how many of the popover's filters are in use (not the drafts)
 */
guint
fd_session_filters_count_active (FdSessionFilters *self)
{
  g_return_val_if_fail (FD_IS_SESSION_FILTERS (self), 0);

  return (chosen_status (self) != NULL) +
         (chosen_id (self->training_dropdown, self->training_ids) != NULL) +
         (chosen_id (self->place_dropdown, self->place_ids) != NULL) +
         (chosen_period (self) != FD_SESSION_PERIOD_ANY);
}

static void
update_button (FdSessionFilters *self)
{
  guint n = fd_session_filters_count_active (self);
  g_autofree char *label = NULL;

  label = fd_filters_dup_label (n);
  gtk_menu_button_set_label (self->filters_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), n > 0);
}

static void
on_control_changed_cb (FdSessionFilters *self)
{
  if (self->loading)
    return;

  update_button (self);
  fd_list_filters_changed (FD_LIST_FILTERS (self));
}

static void
on_clear_button_clicked_cb (FdSessionFilters *self,
                            GtkButton        *button)
{
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->training_dropdown, 0);
  gtk_drop_down_set_selected (self->place_dropdown, 0);
  gtk_drop_down_set_selected (self->period_dropdown, 0);
  self->loading = FALSE;
  on_control_changed_cb (self);
}

static void
on_database_rows_changed_cb (FdSessionFilters *self,
                             FdRowChanges     *changes,
                             FdDatabase       *database)
{
  if (fd_row_changes_touches (changes, "training") || fd_row_changes_touches (changes, "place"))
    load_choices (self);
}

static void
apply (FdListFilters *filters,
       FdRecordList  *list)
{
  FdSessionFilters *self = FD_SESSION_FILTERS (filters);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  fd_session_period_get_range (chosen_period (self), &today, &from, &to);

  fd_record_list_set_filter (list, "draft",
                             gtk_toggle_button_get_active (self->drafts_button) ? "" : NULL);
  fd_record_list_set_filter (list, "status", chosen_status (self));
  fd_record_list_set_filter (list, "training", chosen_id (self->training_dropdown,
                                                          self->training_ids));
  fd_record_list_set_filter (list, "place", chosen_id (self->place_dropdown, self->place_ids));
  fd_record_list_set_filter (list, "from", from);
  fd_record_list_set_filter (list, "to", to);
}

static void
list_filters_iface_init (FdListFiltersInterface *iface)
{
  iface->apply = apply;
}

static void
fd_session_filters_constructed (GObject *object)
{
  FdSessionFilters *self = FD_SESSION_FILTERS (object);

  G_OBJECT_CLASS (fd_session_filters_parent_class)->constructed (object);

  if (self->database != NULL)
    g_signal_connect_object (self->database, "rows-changed",
                             G_CALLBACK (on_database_rows_changed_cb), self, G_CONNECT_SWAPPED);
  load_choices (self);
}

static void
fd_session_filters_dispose (GObject *object)
{
  FdSessionFilters *self = FD_SESSION_FILTERS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_SESSION_FILTERS);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_pointer (&self->training_ids, g_ptr_array_unref);
  g_clear_pointer (&self->place_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (fd_session_filters_parent_class)->dispose (object);
}

static void
fd_session_filters_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdSessionFilters *self = FD_SESSION_FILTERS (object);

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
fd_session_filters_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FdSessionFilters *self = FD_SESSION_FILTERS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_session_filters_class_init (FdSessionFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_session_filters_constructed;
  object_class->dispose = fd_session_filters_dispose;
  object_class->get_property = fd_session_filters_get_property;
  object_class->set_property = fd_session_filters_set_property;

  g_object_class_override_property (object_class, PROP_DATABASE, "database");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-session-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, FdSessionFilters, clear_button);
  gtk_widget_class_bind_template_child (widget_class, FdSessionFilters, drafts_button);
  gtk_widget_class_bind_template_child (widget_class, FdSessionFilters, filters_button);
  gtk_widget_class_bind_template_child (widget_class, FdSessionFilters, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdSessionFilters, place_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdSessionFilters, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdSessionFilters, training_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_control_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fd_session_filters_init (FdSessionFilters *self)
{
  g_autoptr(GtkStringList) status_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) period_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->loading = TRUE;
  gtk_string_list_append (status_labels, _("Any status"));
  for (guint i = 0; i < fd_format_get_n_session_statuses (); i++)
    gtk_string_list_append (status_labels,
                            fd_format_session_status (fd_format_get_session_status_code (i)));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_labels));
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    gtk_string_list_append (period_labels, _(periods[i]));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (period_labels));
  self->loading = FALSE;

  update_button (self);
}

static void
select_id (FdSessionFilters *self,
           GtkDropDown      *dropdown,
           GPtrArray        *ids,
           const char       *id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

void
fd_session_filters_set_drafts (FdSessionFilters *self,
                               gboolean          drafts)
{
  g_return_if_fail (FD_IS_SESSION_FILTERS (self));

  gtk_toggle_button_set_active (self->drafts_button, drafts);
}

void
fd_session_filters_set_status (FdSessionFilters *self,
                               const char       *status)
{
  g_return_if_fail (FD_IS_SESSION_FILTERS (self));

  gtk_drop_down_set_selected (self->status_dropdown, 0);
  for (guint i = 0; status != NULL && i < fd_format_get_n_session_statuses (); i++)
    if (g_str_equal (fd_format_get_session_status_code (i), status))
      gtk_drop_down_set_selected (self->status_dropdown, i + 1);
}

void
fd_session_filters_set_training (FdSessionFilters *self,
                                 const char       *training_id)
{
  g_return_if_fail (FD_IS_SESSION_FILTERS (self));

  select_id (self, self->training_dropdown, self->training_ids, training_id);
}

void
fd_session_filters_set_place (FdSessionFilters *self,
                              const char       *place_id)
{
  g_return_if_fail (FD_IS_SESSION_FILTERS (self));

  select_id (self, self->place_dropdown, self->place_ids, place_id);
}

void
fd_session_filters_set_period (FdSessionFilters *self,
                               FdSessionPeriod   period)
{
  g_return_if_fail (FD_IS_SESSION_FILTERS (self));
  g_return_if_fail (period < G_N_ELEMENTS (periods));

  gtk_drop_down_set_selected (self->period_dropdown, period);
}
