/* fd-calendar-view.c — the Calendar page: a month of slots
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-calendar-view.h"

#include "fd-format.h"
#include "fd-month-model.h"
#include "fd-month-view.h"
#include "fd-queries.h"

/*
 * FdCalendarView:
 *
 * The Calendar page: a toolbar (Today, previous and next month, the month's
 * name) over an #FdMonthView. Each month change reads the slots of the six
 * weeks shown with one indexed range query, in a worker thread, and hands
 * them to the month view; activating a slot shows its details in a
 * popover.
 */
struct _FdCalendarView
{
  GtkWidget parent_instance;

  FdDatabase *database;
  GCancellable *cancellable; /* of the slots being read */
  GDateTime *date;           /* the first day of the month shown, local */
  char *today;               /* "" for the real today */
  guint midnight_id;         /* moves the real today's highlight */
  gulong rows_changed_id;    /* on the database */
  gboolean reload_when_shown; /* what it shows changed while hidden */

  GtkLabel *details_code_label;
  GtkLabel *details_date_label;
  GtkLabel *details_label_label;
  GtkButton *details_open_button;
  GtkLabel *details_place_caption;
  GtkLabel *details_place_label;
  GtkPopover *details_popover;
  GtkLabel *details_room_caption;
  GtkLabel *details_room_label;
  GtkLabel *details_sequence_caption;
  GtkLabel *details_sequence_label;
  GtkLabel *details_time_label;
  GtkLabel *details_trainers_caption;
  GtkLabel *details_trainers_label;
  FdMonthView *month_view;
  GtkLabel *title_label;
};

G_DEFINE_FINAL_TYPE (FdCalendarView, fd_calendar_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_DATE,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The day the view calls today: the "today" property, else the clock. */
static void
get_today (FdCalendarView *self,
           GDate          *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL && fd_month_model_parse_iso_date (self->today, today))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static void
update_title (FdCalendarView *self)
{
  g_autofree char *title = fd_format_month_year (g_date_time_get_year (self->date),
                                                 g_date_time_get_month (self->date));

  gtk_label_set_label (self->title_label, title);
}

typedef struct
{
  char *path;
  char *from;
  char *to;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->from);
  g_free (data->to);
  g_free (data);
}

/* Runs in a worker with its own connection (WAL lets it read while the
 * main one writes): six busy weeks are a thousand slots or more, too many
 * to read within a frame. */
static void
load_slots_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *slots;
  gint64 begin = g_get_monotonic_time ();
  gint64 opened;

  if (g_task_return_error_if_cancelled (task))
    return;

  database = fd_database_open (data->path, FD_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  opened = g_get_monotonic_time ();
  slots = fd_database_list_calendar_slots (database, data->from, data->to, &error);
  if (slots == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Listed %u slots from %s to %s in %.2f ms (opening took %.2f ms)",
           slots->len, data->from, data->to,
           (g_get_monotonic_time () - opened) / 1000.0,
           (opened - begin) / 1000.0);

  g_task_return_pointer (task, slots, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_slots_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;

  slots = g_task_propagate_pointer (G_TASK (result), &error);

  if (slots == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the calendar's slots: %s", error->message);
      return;
    }

  fd_month_view_set_slots (self->month_view, slots);
}

static void
load_slots (FdCalendarView *self)
{
  g_autoptr(GTask) task = NULL;
  const char *path;
  LoadData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  fd_month_view_set_slots (self->month_view, NULL);

  if (self->database == NULL)
    return;

  /* a private in-memory database has no second connection */
  path = fd_database_get_path (self->database);
  if (path == NULL || g_str_equal (path, ":memory:"))
    {
      g_autoptr(GPtrArray) slots = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      fd_month_view_dup_range (self->month_view, &from, &to);
      slots = fd_database_list_calendar_slots (self->database, from, to, &error);
      if (slots == NULL)
        g_warning ("Could not list the calendar's slots: %s", error->message);
      fd_month_view_set_slots (self->month_view, slots);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (path);
  fd_month_view_dup_range (self->month_view, &data->from, &data->to);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_slots_loaded_cb, NULL);
  g_task_set_source_tag (task, load_slots);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_slots_thread);
}

static void
show_month (FdCalendarView *self,
            int             year,
            int             month)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, 1, 0, 0, 0.0);

  g_assert (date != NULL);

  if (self->date != NULL &&
      g_date_time_get_year (self->date) == year &&
      g_date_time_get_month (self->date) == month)
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_steal_pointer (&date);

  gtk_popover_popdown (self->details_popover);
  fd_month_view_set_month (self->month_view, year, month);
  update_title (self);
  load_slots (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void schedule_midnight (FdCalendarView *self);

/* The clock's day changed: move the highlight, not the page. */
static gboolean
on_midnight_cb (gpointer user_data)
{
  FdCalendarView *self = user_data;
  GDate today;

  self->midnight_id = 0;

  get_today (self, &today);
  fd_month_view_set_today (self->month_view, &today);
  schedule_midnight (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_midnight (FdCalendarView *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  GTimeSpan until;

  g_clear_handle_id (&self->midnight_id, g_source_remove);

  if (self->today != NULL && *self->today != '\0')
    return;

  now = g_date_time_new_now_local ();
  midnight = g_date_time_new_local (g_date_time_get_year (now),
                                    g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now),
                                    0, 0, 0.0);
  tomorrow = g_date_time_add_days (midnight, 1);
  until = g_date_time_difference (tomorrow, now);

  self->midnight_id = g_timeout_add_seconds (until / G_TIME_SPAN_SECOND + 1,
                                             on_midnight_cb, self);
}

static void
show_today (FdCalendarView *self)
{
  GDate today;

  get_today (self, &today);
  fd_month_view_set_today (self->month_view, &today);
  show_month (self, g_date_get_year (&today), g_date_get_month (&today));
  schedule_midnight (self);
}

static void
set_detail (GtkLabel   *caption,
            GtkLabel   *label,
            const char *value)
{
  gboolean shown = value != NULL && *value != '\0';

  gtk_label_set_label (label, shown ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
  if (caption != NULL)
    gtk_widget_set_visible (GTK_WIDGET (caption), shown);
}

/* The month's slots only carry what their chips show: the popover reads
 * the whole slot, its sequence, room and trainers too. */
static void
on_month_view_slot_activated_cb (FdMonthView    *month_view,
                                 FdSlot         *chip_slot,
                                 FdCalendarView *self)
{
  g_autoptr(FdSlot) slot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char *start_at;
  const char *session_id;
  GdkRectangle area;

  if (self->database != NULL)
    slot = fd_database_get_slot (self->database, fd_record_get_id (FD_RECORD (chip_slot)), &error);
  if (slot == NULL)
    {
      /* deleted since the page was read: show what the page knows */
      if (error != NULL)
        g_debug ("Could not read a slot: %s", error->message);
      slot = g_object_ref (chip_slot);
    }

  start_at = fd_slot_get_start_at (slot);
  day = g_strndup (start_at, 10);
  date = fd_format_date_long (day);
  time = fd_format_time_range (start_at, fd_slot_get_end_at (slot));

  set_detail (NULL, self->details_code_label, fd_slot_get_session_code (slot));
  set_detail (NULL, self->details_label_label, fd_slot_get_session_label (slot));
  set_detail (self->details_sequence_caption, self->details_sequence_label,
              fd_slot_get_sequence_label (slot));
  set_detail (NULL, self->details_date_label, date);
  set_detail (NULL, self->details_time_label, time);
  set_detail (self->details_place_caption, self->details_place_label,
              fd_slot_get_place_name (slot));
  set_detail (self->details_room_caption, self->details_room_label,
              fd_slot_get_room_name (slot));
  set_detail (self->details_trainers_caption, self->details_trainers_label,
              fd_slot_get_trainer_names (slot));

  /* win.show-session, where the window provides it, opens the session */
  session_id = fd_slot_get_session_id (slot);
  gtk_widget_set_visible (GTK_WIDGET (self->details_open_button),
                          session_id != NULL && *session_id != '\0');
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->details_open_button),
                                    "s", session_id != NULL ? session_id : "");

  if (fd_month_view_get_slot_area (month_view, chip_slot, &area))
    gtk_popover_set_pointing_to (self->details_popover, &area);

  gtk_popover_popup (self->details_popover);
}

static void
on_details_open_button_clicked_cb (FdCalendarView *self,
                                   GtkButton      *button)
{
  /* The session is shown in another view: do not leave the popover open
   * for when the calendar comes back. */
  gtk_popover_popdown (self->details_popover);
}

/* The wheel turns the pages, like in GNOME Calendar. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              FdCalendarView           *self)
{
  if (dy > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.next-month", NULL);
  else if (dy < 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.previous-month", NULL);

  return dy != 0;
}

static void
previous_month_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (widget);
  g_autoptr(GDateTime) date = g_date_time_add_months (self->date, -1);

  show_month (self, g_date_time_get_year (date), g_date_time_get_month (date));
}

static void
next_month_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (widget);
  g_autoptr(GDateTime) date = g_date_time_add_months (self->date, 1);

  show_month (self, g_date_time_get_year (date), g_date_time_get_month (date));
}

static void
today_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  show_today (FD_CALENDAR_VIEW (widget));
}

static void
fd_calendar_view_dispose (GObject *object)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->database != NULL)
    g_clear_signal_handler (&self->rows_changed_id, self->database);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CALENDAR_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_calendar_view_parent_class)->dispose (object);
}

static void
fd_calendar_view_finalize (GObject *object)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (fd_calendar_view_parent_class)->finalize (object);
}

static void
fd_calendar_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_calendar_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      fd_calendar_view_set_database (self, g_value_get_object (value));
      break;

    case PROP_DATE:
      fd_calendar_view_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_TODAY:
      fd_calendar_view_set_today (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void fd_calendar_view_map (GtkWidget *widget);

static void
fd_calendar_view_class_init (FdCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_calendar_view_dispose;
  object_class->finalize = fd_calendar_view_finalize;
  object_class->get_property = fd_calendar_view_get_property;
  object_class->set_property = fd_calendar_view_set_property;

  widget_class->map = fd_calendar_view_map;

  /**
   * FdCalendarView:database:
   *
   * The database whose slots are shown.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * FdCalendarView:date:
   *
   * The first day of the month shown, at local midnight.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * FdCalendarView:today:
   *
   * The day highlighted and shown by the Today action, as an ISO date
   * ("2026-11-25"); empty for the clock's day. Setting it shows its month.
   */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/formadesk/Formadesk/fd-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_code_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_date_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_label_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_open_button);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_place_caption);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_place_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_popover);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_room_caption);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_room_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_sequence_caption);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_sequence_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_time_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_trainers_caption);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_trainers_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, month_view);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, title_label);
  gtk_widget_class_bind_template_callback (widget_class, on_details_open_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_view_slot_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scroll_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, previous_month_cb);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_cb);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "calendarview");

  g_type_ensure (FD_TYPE_MONTH_VIEW);
}

static void
fd_calendar_view_init (FdCalendarView *self)
{
  self->today = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  show_today (self);
}

/**
 * fd_calendar_view_new:
 *
 * Returns: (transfer floating): a calendar view on today's month
 */
GtkWidget *
fd_calendar_view_new (void)
{
  return g_object_new (FD_TYPE_CALENDAR_VIEW, NULL);
}

/* What a chip shows comes from these tables */
static const char * const shown_entities[] = {
  "slot", "slot_staff", "session", "sequence", "place", "room", "trainer",
};

/* The page is read again when what it shows changed: reading a month
 * takes a few milliseconds, in a thread. (Updating the changed slots
 * only comes with the calendar's per-slot timeline.) */
static void
on_database_rows_changed_cb (FdCalendarView *self,
                             FdRowChanges   *changes,
                             FdDatabase     *database)
{
  for (guint i = 0; i < G_N_ELEMENTS (shown_entities); i++)
    if (fd_row_changes_touches (changes, shown_entities[i]))
      {
        /* out of sight, when shown again */
        if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
          self->reload_when_shown = TRUE;
        else
          load_slots (self);
        return;
      }
}

static void
fd_calendar_view_map (GtkWidget *widget)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (widget);

  GTK_WIDGET_CLASS (fd_calendar_view_parent_class)->map (widget);

  if (self->reload_when_shown)
    {
      self->reload_when_shown = FALSE;
      load_slots (self);
    }
}

/**
 * fd_calendar_view_get_database:
 *
 * Returns: (transfer none) (nullable): the database shown
 */
FdDatabase *
fd_calendar_view_get_database (FdCalendarView *self)
{
  g_return_val_if_fail (FD_IS_CALENDAR_VIEW (self), NULL);

  return self->database;
}

/**
 * fd_calendar_view_set_database:
 * @self: a #FdCalendarView
 * @database: (nullable): the database to show
 */
void
fd_calendar_view_set_database (FdCalendarView *self,
                               FdDatabase     *database)
{
  g_return_if_fail (FD_IS_CALENDAR_VIEW (self));
  g_return_if_fail (database == NULL || FD_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->database != NULL)
    g_clear_signal_handler (&self->rows_changed_id, self->database);
  g_set_object (&self->database, database);
  if (database != NULL)
    self->rows_changed_id = g_signal_connect_object (database, "rows-changed",
                                                     G_CALLBACK (on_database_rows_changed_cb),
                                                     self, G_CONNECT_SWAPPED);

  gtk_popover_popdown (self->details_popover);
  load_slots (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * fd_calendar_view_get_date:
 *
 * Returns: (transfer none): the first day of the month shown
 */
GDateTime *
fd_calendar_view_get_date (FdCalendarView *self)
{
  g_return_val_if_fail (FD_IS_CALENDAR_VIEW (self), NULL);

  return self->date;
}

/**
 * fd_calendar_view_set_date:
 * @self: a #FdCalendarView
 * @date: any moment of the month to show
 */
void
fd_calendar_view_set_date (FdCalendarView *self,
                           GDateTime      *date)
{
  g_return_if_fail (FD_IS_CALENDAR_VIEW (self));
  g_return_if_fail (date != NULL);

  show_month (self, g_date_time_get_year (date), g_date_time_get_month (date));
}

/**
 * fd_calendar_view_get_today:
 *
 * Returns: (transfer none): the "today" override, or "" for the clock's day
 */
const char *
fd_calendar_view_get_today (FdCalendarView *self)
{
  g_return_val_if_fail (FD_IS_CALENDAR_VIEW (self), NULL);

  return self->today;
}

/**
 * fd_calendar_view_set_today:
 * @self: a #FdCalendarView
 * @today: (nullable): an ISO date, or %NULL or "" for the clock's day
 *
 * Sets the day the view treats as today (tests and demos pin it), and
 * shows its month.
 */
void
fd_calendar_view_set_today (FdCalendarView *self,
                            const char     *today)
{
  g_return_if_fail (FD_IS_CALENDAR_VIEW (self));

  if (today == NULL)
    today = "";

  if (g_strcmp0 (self->today, today) == 0)
    return;

  g_free (self->today);
  self->today = g_strdup (today);

  show_today (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

/**
 * fd_calendar_view_reload:
 * @self: a #FdCalendarView
 *
 * Reads the month's slots again, after the database changed.
 */
void
fd_calendar_view_reload (FdCalendarView *self)
{
  g_return_if_fail (FD_IS_CALENDAR_VIEW (self));

  load_slots (self);
}
