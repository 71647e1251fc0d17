/* fd-calendar-view.c — the Calendar page: its views of slots
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-calendar-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fd-calendar-view.h"
#include "fd-calendar-view-private.h"

#include "fd-conflicts.h"
#include "fd-editor-lists.h"
#include "fd-format.h"
#include "fd-holidays.h"
#include "fd-invitations.h"
#include "fd-month-view.h"
#include "fd-resource-view.h"
#include "fd-week-view.h"
#include "fd-option-dropdown.h"
#include "fd-queries.h"
#include "fd-row-changes.h"
#include "fd-slot-create-popover.h"
#include "fd-slot-draft.h"
#include "fd-slot-move.h"
#include "fd-slot-view.h"
#include "fd-suggestion.h"
#include "fd-text.h"
#include "fd-window.h"

/*
 * FdCalendarView:
 *
 * The Calendar page: a toolbar (Today, previous and next page, the page's
 * title, a date picker, the filters, the conflicts of the page and the
 * views' switcher) over one #FdSlotView per view of the table below, in a
 * stack, and a panel listing the page's conflicts.
 *
 * Like GNOME Calendar's timeline, the page holds the slots shown (by id)
 * and feeds the visible view: the whole page when it changes, read with
 * one indexed range query in a worker thread; then, as core announces
 * changes, only the slots concerned, read again by id and added, updated
 * or removed one by one. A view shown again after the page changed under
 * it is given the page anew.
 *
 * The filters (place, room, trainer, session) are kept per view. Views
 * never write: a drag asks #FdSlotView::check-move as it goes (the
 * session's lock, then the one conflict API, through #FdSlotMove) and the
 * page applies the drop as an undoable edit of the window, asking first
 * when it falls outside working hours.
 */

typedef struct
{
  const char *name;      /* of the stack's page, and of the view's action */
  const char *label;     /* the switcher's, translatable */
  GtkWidget *(*create) (void);
} ViewInfo;

static GtkWidget *
create_week_view (void)
{
  return fd_week_view_new (7);
}

static GtkWidget *
create_day_view (void)
{
  return fd_week_view_new (1);
}

static GtkWidget *
create_trainers_view (void)
{
  return fd_resource_view_new (FD_SLOT_VIEW_LANES_TRAINERS);
}

static GtkWidget *
create_rooms_view (void)
{
  return fd_resource_view_new (FD_SLOT_VIEW_LANES_ROOMS);
}

static const ViewInfo view_infos[] = {
  { "month", N_("Month"), fd_month_view_new },
  { "week", N_("Week"), create_week_view },
  { "day", N_("Day"), create_day_view },
  { "trainers", N_("Trainers"), create_trainers_view },
  { "rooms", N_("Rooms"), create_rooms_view },
};

#define N_VIEWS G_N_ELEMENTS (view_infos)

typedef struct
{
  char *place_id;
  char *room_id;
  char *trainer_id;
  char *session_text;    /* folded, or NULL */
} Filters;

struct _FdCalendarView
{
  GtkWidget parent_instance;

  FdDatabase *database;
  GCancellable *cancellable; /* of the slots being read */
  GDate date;                /* a day of the page shown */
  GDateTime *page_start;     /* the "date" property: the page's first day */
  char *today;               /* "" for the real today */
  guint midnight_id;         /* moves the real today's highlight */
  gulong rows_changed_id;    /* on the database */
  gboolean reload_when_shown; /* what it shows changed while hidden */

  FdSlotView *views[N_VIEWS];
  GtkToggleButton *view_buttons[N_VIEWS];
  Filters filters[N_VIEWS];
  guint current;             /* index of the view shown */

  char *from;                /* the page's range, as slots store times */
  char *to;
  GHashTable *shown;         /* slot id → FdSlot, what the view shows */
  GHashTable *conflicted;    /* slot id → message */
  GHashTable *holidays;      /* ISO day → name, of the page */
  GPtrArray *conflicts;      /* of FdConflict, of the page */
  GCancellable *conflicts_cancellable;

  /* The page shown as it was read (for the cache when it is left), while
   * no change was applied to it slot by slot since */
  GPtrArray *page_slots;
  guint page_view;
  gboolean page_clean;

  /* Pages read ahead (the previous and next ones) and pages left, so that
   * turning a page shows it at once; dropped on any change they may show */
  GPtrArray *cache;          /* of CachedPage */
  guint64 cache_clock;
  struct _CachedPage *adopted; /* the page shown, whose read goes on in the cache */

  FdSlotMove *move;          /* the slot being dragged, read once */

  /* for --bench-ui: what is being read, and when it was last shown */
  gboolean reading_slots;
  gboolean reading_conflicts;
  gint64 slots_shown_usec;
  gint64 conflicts_shown_usec;

  gboolean lanes_read[N_VIEWS]; /* a resource view was given its lanes */
  GPtrArray *lanes[N_VIEWS];    /* and which, for the names of a new slot's lane */

  FdSlotCreatePopover *create_popover; /* over a range selected to plan a slot in */

  GPtrArray *place_ids;      /* the filters' dropdowns' rows */
  GPtrArray *room_ids;
  GPtrArray *trainer_ids;
  gboolean filling_filters;

  GtkWidget *main_box;
  GtkButton *details_open_button;
  GtkLabel *details_code_label;
  GtkLabel *details_date_label;
  GtkLabel *details_label_label;
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
  GtkLabel *details_conflict_label;
  GtkToggleButton *conflicts_button;
  GtkLabel *conflicts_count_label;
  GtkListBox *conflicts_list;
  GtkLabel *conflicts_title;
  GtkCalendar *date_calendar;
  GtkPopover *date_popover;
  GtkMenuButton *filters_button;
  GtkGrid *filters_grid;
  GtkDropDown *place_dropdown;
  GtkDropDown *room_dropdown;
  GtkDropDown *trainer_dropdown;
  GtkSearchEntry *session_entry;
  GtkButton *next_button;
  GtkButton *previous_button;
  GtkLabel *title_label;
  GtkLabel *title_short_label;
  GtkStack *view_stack;
  GtkBox *view_switcher;
};

G_DEFINE_FINAL_TYPE (FdCalendarView, fd_calendar_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_DATE,
  PROP_TODAY,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_slots (FdCalendarView *self);
static void load_conflicts (FdCalendarView *self);
static void prefetch_neighbours (FdCalendarView *self);
static void keep_page (FdCalendarView *self);
static gboolean show_cached_page (FdCalendarView *self);
static void drop_cache (FdCalendarView *self);
static void fill_filters (FdCalendarView *self);
static void update_filters_button (FdCalendarView *self);
static void show_toast (FdCalendarView *self,
                        const char     *message);

static void
filters_clear (Filters *filters)
{
  g_clear_pointer (&filters->place_id, g_free);
  g_clear_pointer (&filters->room_id, g_free);
  g_clear_pointer (&filters->trainer_id, g_free);
  g_clear_pointer (&filters->session_text, g_free);
}

static guint
filters_count (const Filters *filters)
{
  return (filters->place_id != NULL) + (filters->room_id != NULL) +
         (filters->trainer_id != NULL) + (filters->session_text != NULL);
}

/* Whether @slot passes @filters: the same test in the worker and for each
 * announced change */
static gboolean
filters_match (const Filters *filters,
               FdSlot        *slot)
{
  if (filters->place_id != NULL && g_strcmp0 (fd_slot_get_place_id (slot), filters->place_id) != 0)
    return FALSE;
  if (filters->room_id != NULL && g_strcmp0 (fd_slot_get_room_id (slot), filters->room_id) != 0)
    return FALSE;
  if (filters->trainer_id != NULL && !fd_slot_has_trainer (slot, filters->trainer_id))
    return FALSE;
  if (filters->session_text != NULL)
    {
      g_autofree char *code = fd_text_fold (fd_slot_get_session_code (slot));
      g_autofree char *label = fd_text_fold (fd_slot_get_session_label (slot));

      if ((code == NULL || strstr (code, filters->session_text) == NULL) &&
          (label == NULL || strstr (label, filters->session_text) == NULL))
        return FALSE;
    }

  return TRUE;
}

static void
filters_copy (Filters       *to,
              const Filters *from)
{
  to->place_id = g_strdup (from->place_id);
  to->room_id = g_strdup (from->room_id);
  to->trainer_id = g_strdup (from->trainer_id);
  to->session_text = g_strdup (from->session_text);
}

static gboolean
filters_equal (const Filters *a,
               const Filters *b)
{
  return g_strcmp0 (a->place_id, b->place_id) == 0 &&
         g_strcmp0 (a->room_id, b->room_id) == 0 &&
         g_strcmp0 (a->trainer_id, b->trainer_id) == 0 &&
         g_strcmp0 (a->session_text, b->session_text) == 0;
}

static FdSlotView *
get_view (FdCalendarView *self)
{
  return self->views[self->current];
}

static FdCalendarPeriod
get_period (FdCalendarView *self)
{
  return fd_slot_view_get_period (get_view (self));
}

/* The day the view calls today: the "today" property, else the clock. */
static void
get_today (FdCalendarView *self,
           GDate          *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL && fd_calendar_parse_iso (self->today, today, NULL))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/* Setting a tooltip asks the display where the pointer is (a round trip
 * to the X server, for each widget): only when it changes */
static void
set_tooltip_text (GtkWidget  *widget,
                  const char *text)
{
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_title (FdCalendarView *self)
{
  static const char * const previous[] = {
    N_("Previous Month"), N_("Previous Week"), N_("Previous Day"),
  };
  static const char * const next[] = {
    N_("Next Month"), N_("Next Week"), N_("Next Day"),
  };
  FdCalendarPeriod period = get_period (self);
  g_autofree char *title = fd_calendar_period_dup_title (period, &self->date);
  g_autofree char *short_title = fd_calendar_period_dup_short_title (period, &self->date);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->title_short_label, short_title);
  set_tooltip_text (GTK_WIDGET (self->title_short_label), title);
  /* the arrows say what they turn */
  set_tooltip_text (GTK_WIDGET (self->previous_button), _(previous[period]));
  set_tooltip_text (GTK_WIDGET (self->next_button), _(next[period]));
}

/* The page's first day, as the "date" property gives it */
static void
update_page_start (FdCalendarView *self)
{
  GDate first, after;

  fd_calendar_period_get_range (get_period (self), &self->date, &first, &after);
  if (get_period (self) == FD_CALENDAR_PERIOD_MONTH)
    {
      first = self->date;
      g_date_set_day (&first, 1);
    }

  g_clear_pointer (&self->page_start, g_date_time_unref);
  self->page_start = g_date_time_new_local (g_date_get_year (&first), g_date_get_month (&first),
                                            g_date_get_day (&first), 0, 0, 0.0);
}

typedef struct
{
  char *path;
  char *from;
  char *to;
  Filters filters;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->from);
  g_free (data->to);
  filters_clear (&data->filters);
  g_free (data);
}

static GPtrArray *
list_filtered_slots (FdDatabase     *database,
                     const char     *from,
                     const char     *to,
                     const Filters  *filters,
                     GError        **error)
{
  g_autoptr(GPtrArray) slots = fd_database_list_calendar_slots (database, from, to, error);

  if (slots == NULL || filters_count (filters) == 0)
    return g_steal_pointer (&slots);

  for (guint i = slots->len; i > 0; i--)
    if (!filters_match (filters, g_ptr_array_index (slots, i - 1)))
      g_ptr_array_remove_index (slots, i - 1);

  return g_steal_pointer (&slots);
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

  if (g_task_return_error_if_cancelled (task))
    return;

  database = fd_database_open (data->path, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  slots = list_filtered_slots (database, data->from, data->to, &data->filters, &error);
  if (slots == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, slots, (GDestroyNotify) g_ptr_array_unref);
}

static void
show_slots (FdCalendarView *self,
            GPtrArray      *slots)
{
  g_hash_table_remove_all (self->shown);
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      FdSlot *slot = g_ptr_array_index (slots, i);

      g_hash_table_insert (self->shown, g_strdup (fd_record_get_id (FD_RECORD (slot))),
                           g_object_ref (slot));
    }

  g_clear_pointer (&self->page_slots, g_ptr_array_unref);
  self->page_slots = slots != NULL ? g_ptr_array_ref (slots) : NULL;
  self->page_view = self->current;
  self->page_clean = slots != NULL;

  fd_slot_view_set_slots (get_view (self), slots);
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

  /* a cancelled read was replaced by a newer one, still going */
  if (slots == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->reading_slots = FALSE;
  if (slots == NULL)
    {
      g_warning ("Could not list the calendar's slots: %s", error->message);
      return;
    }

  /* no page is being read any more: changes apply slot by slot again */
  g_clear_object (&self->cancellable);
  show_slots (self, slots);
  self->slots_shown_usec = g_get_monotonic_time ();
  load_conflicts (self);
}

static gboolean
has_second_connection (FdCalendarView *self)
{
  const char *path = self->database != NULL ? fd_database_get_path (self->database) : NULL;

  /* a private in-memory database has no second connection */
  return path != NULL && !g_str_equal (path, ":memory:");
}

static void
load_slots (FdCalendarView *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* the page left is kept, as read, for when it is turned to again */
  keep_page (self);
  self->adopted = NULL;

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  self->from = fd_calendar_period_dup_iso_range (get_period (self), &self->date, &self->to);

  if (show_cached_page (self))
    return;

  show_slots (self, NULL);
  self->reading_slots = FALSE;

  if (self->database == NULL)
    return;

  if (!has_second_connection (self))
    {
      g_autoptr(GPtrArray) slots = NULL;
      g_autoptr(GError) error = NULL;

      slots = list_filtered_slots (self->database, self->from, self->to,
                                   &self->filters[self->current], &error);
      if (slots == NULL)
        g_warning ("Could not list the calendar's slots: %s", error->message);
      show_slots (self, slots);
      self->slots_shown_usec = g_get_monotonic_time ();
      load_conflicts (self);
      return;
    }

  self->reading_slots = TRUE;

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (fd_database_get_path (self->database));
  data->from = g_strdup (self->from);
  data->to = g_strdup (self->to);
  filters_copy (&data->filters, &self->filters[self->current]);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_slots_loaded_cb, NULL);
  g_task_set_source_tag (task, load_slots);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_slots_thread);
}

/* Conflicts of the page */

static GPtrArray *
list_conflicts (FdDatabase  *database,
                const char  *from,
                const char  *to,
                GError     **error)
{
  g_autofree char *from_day = g_strndup (from, 10);
  g_autofree char *last_day = NULL;
  GDate last;

  /* the range query takes the last day included */
  if (!fd_calendar_parse_iso (to, &last, NULL))
    return g_ptr_array_new ();
  g_date_subtract_days (&last, 1);
  last_day = g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&last),
                              (guint) g_date_get_month (&last), (guint) g_date_get_day (&last));

  return fd_conflicts_in_range (database, from_day, last_day, error);
}

static void
load_conflicts_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;

  database = fd_database_open (data->path, FD_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  conflicts = list_conflicts (database, data->from, data->to, &error);
  if (conflicts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, conflicts, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_conflict_row_activated_cb (GtkListBox     *list,
                              GtkListBoxRow  *row,
                              FdCalendarView *self)
{
  const char *slot_id = g_object_get_data (G_OBJECT (row), "slot-id");

  if (slot_id != NULL)
    fd_slot_view_focus_slot (get_view (self), slot_id);
}

static void
on_suggestion_clicked_cb (GtkButton      *button,
                          FdCalendarView *self)
{
  FdSuggestion *suggestion = g_object_get_data (G_OBJECT (button), "suggestion");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  gboolean applied;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  changes = fd_suggestion_build_changes (self->database, suggestion, &error);
  if (changes == NULL)
    applied = FALSE;
  else if (FD_IS_WINDOW (root))
    applied = fd_window_apply_edit (FD_WINDOW (root), _("Suggestion taken"), changes, &error);
  else
    applied = fd_database_apply_all (self->database, changes, &error);

  if (!applied)
    show_toast (self, error->message);
}

/* A suggestion's name, and why under it, dimmed */
static GtkWidget *
create_suggestion_button (FdSuggestion *suggestion)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (fd_suggestion_get_name (suggestion));
  GtkWidget *reason = gtk_label_new (fd_suggestion_get_reason (suggestion));

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (reason), 0.0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (reason), 36);
  gtk_widget_add_css_class (reason, "caption");
  gtk_widget_add_css_class (reason, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "suggestion");

  return button;
}

/* The suggestions of one conflict, read when asked for: finding free
 * trainers and rooms takes a few milliseconds */
static void
on_suggestions_popover_show_cb (GtkPopover     *popover,
                                FdCalendarView *self)
{
  FdConflict *conflict = g_object_get_data (G_OBJECT (popover), "conflict");
  GtkWidget *box = gtk_popover_get_child (popover);
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  if (self->database != NULL && fd_conflict_get_slot_id (conflict) != NULL)
    proposal = fd_slot_proposal_new_for_slot (self->database, fd_conflict_get_slot_id (conflict),
                                              &error);
  if (proposal != NULL)
    suggestions = fd_conflicts_suggest (self->database, proposal, 6, &error);

  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    {
      FdSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autofree char *text = NULL;
      GtkWidget *button;

      if (!fd_suggestion_answers (suggestion, conflict))
        continue;

      /* Translators: a suggestion for a conflict: %1$s a trainer or a
       * room, %2$s why, as in "Anne Martin — Free, teaches Excel" */
      text = g_strdup_printf (_("%1$s — %2$s"), fd_suggestion_get_name (suggestion),
                              fd_suggestion_get_reason (suggestion));
      button = create_suggestion_button (suggestion);
      gtk_widget_set_tooltip_text (button, text);
      g_object_set_data_full (G_OBJECT (button), "suggestion", fd_suggestion_ref (suggestion),
                              (GDestroyNotify) fd_suggestion_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_suggestion_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
      n++;
    }

  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (error != NULL ? error->message
                                                      : _("No free trainer or room fits."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
}

static GtkWidget *
create_suggestions_button (FdCalendarView *self,
                           FdConflict     *conflict)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Suggestions"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_size_request (box, 260, -1);
  g_object_set_data_full (G_OBJECT (popover), "conflict", fd_conflict_ref (conflict),
                          (GDestroyNotify) fd_conflict_unref);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_suggestions_popover_show_cb), self, 0);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}

static GtkWidget *
create_conflict_row (FdCalendarView *self,
                     FdConflict     *conflict)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *kind = gtk_label_new (fd_conflict_kind_get_label (fd_conflict_get_kind (conflict)));
  GtkWidget *message = gtk_label_new (fd_conflict_get_message (conflict));
  g_autofree char *when = NULL;
  g_autofree char *day = g_strndup (fd_conflict_get_start_at (conflict), 10);
  g_autofree char *date = fd_format_date_long (day);
  g_autofree char *time = fd_format_time_range (fd_conflict_get_start_at (conflict),
                                                fd_conflict_get_end_at (conflict));
  GtkWidget *when_label;

  /* Translators: when a conflicting slot is: %1$s a session's code, %2$s
   * a date, %3$s a time range, as in "2026-0012 · Tuesday 3 March 2026,
   * 09:00–12:00" */
  when = g_strdup_printf (_("%1$s · %2$s, %3$s"),
                          fd_conflict_get_session_code (conflict) != NULL
                            ? fd_conflict_get_session_code (conflict) : "",
                          date != NULL ? date : "", time != NULL ? time : "");
  when_label = gtk_label_new (when);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  for (GtkWidget *label = kind; label != NULL;
       label = label == kind ? when_label : label == when_label ? message : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (kind, "heading");
  gtk_widget_add_css_class (when_label, "caption");
  gtk_widget_add_css_class (when_label, "dim-label");
  if (fd_conflict_get_kept (conflict))
    {
      GtkWidget *kept = gtk_label_new (fd_conflict_get_kept_reason (conflict));

      gtk_label_set_xalign (GTK_LABEL (kept), 0.0);
      gtk_label_set_wrap (GTK_LABEL (kept), TRUE);
      gtk_widget_add_css_class (kept, "dim-label");
      gtk_box_append (GTK_BOX (box), kept);
    }
  else if (fd_conflict_get_slot_id (conflict) != NULL)
    gtk_box_append (GTK_BOX (box), create_suggestions_button (self, conflict));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (fd_conflict_get_slot_id (conflict) != NULL)
    g_object_set_data_full (G_OBJECT (row), "slot-id",
                            g_strdup (fd_conflict_get_slot_id (conflict)), g_free);

  return row;
}

/* Marks the slots shown that have a conflict not kept, and lists the
 * page's conflicts in the panel */
static void
show_conflicts (FdCalendarView *self,
                GPtrArray      *conflicts)
{
  g_autoptr(GHashTable) conflicted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;
  guint n_open = 0;

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = conflicts != NULL ? g_ptr_array_ref (conflicts) : NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list))) != NULL)
    gtk_list_box_remove (self->conflicts_list, child);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      FdConflict *conflict = g_ptr_array_index (conflicts, i);
      const char *ids[] = {
        fd_conflict_get_slot_id (conflict), fd_conflict_get_other_slot_id (conflict),
      };

      if (ids[0] == NULL || !g_hash_table_contains (self->shown, ids[0]))
        {
          if (ids[1] == NULL || !g_hash_table_contains (self->shown, ids[1]))
            continue;
        }

      gtk_list_box_append (self->conflicts_list, create_conflict_row (self, conflict));
      if (fd_conflict_get_kept (conflict))
        continue;

      n_open++;
      for (guint j = 0; j < G_N_ELEMENTS (ids); j++)
        if (ids[j] != NULL && !g_hash_table_contains (conflicted, ids[j]))
          g_hash_table_insert (conflicted, g_strdup (ids[j]),
                               g_strdup (fd_conflict_get_message (conflict)));
    }

  g_clear_pointer (&self->conflicted, g_hash_table_unref);
  self->conflicted = g_hash_table_ref (conflicted);

  count = g_strdup_printf ("%u", n_open);
  gtk_label_set_label (self->conflicts_count_label, count);
  if (n_open > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->conflicts_button), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->conflicts_button), "warning");

  if (n_open == 0)
    title = g_strdup (_("No conflicts on this page"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict on this page",
                                          "%u conflicts on this page", n_open),
                             n_open);
  gtk_label_set_label (self->conflicts_title, title);

  fd_slot_view_set_marks (get_view (self), self->conflicted, self->holidays);
}

/* The page's public holidays: the national ones, and those of the place
 * the view is filtered by (Alsace-Moselle's, an overseas department's);
 * without a place filter, a place's own are asked about when a slot is
 * planned there */
static void
update_holidays (FdCalendarView *self)
{
  g_autoptr(GArray) holidays = NULL;
  g_autofree char *department = NULL;
  GDate first, after;

  g_clear_pointer (&self->holidays, g_hash_table_unref);
  self->holidays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (self->database != NULL)
    department = fd_database_dup_place_department (self->database,
                                                   self->filters[self->current].place_id, NULL);

  fd_calendar_period_get_range (get_period (self), &self->date, &first, &after);
  g_date_subtract_days (&after, 1);
  holidays = fd_holidays_in_range (&first, &after, department);
  for (guint i = 0; holidays != NULL && i < holidays->len; i++)
    {
      const FdHoliday *holiday = &g_array_index (holidays, FdHoliday, i);

      g_hash_table_insert (self->holidays,
                           g_strdup_printf ("%04u-%02u-%02u",
                                            (guint) g_date_get_year (&holiday->date),
                                            (guint) g_date_get_month (&holiday->date),
                                            (guint) g_date_get_day (&holiday->date)),
                           (gpointer) holiday->name);
    }

  fd_slot_view_set_marks (get_view (self), self->conflicted, self->holidays);
}

static void
on_conflicts_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  conflicts = g_task_propagate_pointer (G_TASK (result), &error);
  if (conflicts == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->reading_conflicts = FALSE;
  if (conflicts == NULL)
    {
      g_warning ("Could not list the calendar's conflicts: %s", error->message);
      return;
    }

  show_conflicts (self, conflicts);
  self->conflicts_shown_usec = g_get_monotonic_time ();
  prefetch_neighbours (self);
}

static void
load_conflicts (FdCalendarView *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_cancellable_cancel (self->conflicts_cancellable);
  g_clear_object (&self->conflicts_cancellable);
  self->reading_conflicts = FALSE;

  if (self->database == NULL || self->from == NULL)
    return;

  if (!has_second_connection (self))
    {
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GError) error = NULL;

      conflicts = list_conflicts (self->database, self->from, self->to, &error);
      if (conflicts == NULL)
        g_warning ("Could not list the calendar's conflicts: %s", error->message);
      show_conflicts (self, conflicts);
      self->conflicts_shown_usec = g_get_monotonic_time ();
      return;
    }

  self->reading_conflicts = TRUE;

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (fd_database_get_path (self->database));
  data->from = g_strdup (self->from);
  data->to = g_strdup (self->to);

  self->conflicts_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->conflicts_cancellable, on_conflicts_loaded_cb, NULL);
  g_task_set_source_tag (task, load_conflicts);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_conflicts_thread);
}

/* The cache of pages
 *
 * A page left, or read ahead (the previous and next pages of the one
 * shown, same view and filters, read in the background once the page
 * shown has its conflicts), is kept as read: turning to it shows its
 * slots at once, and its conflicts when read too. Any change a page may
 * show drops the cache (and the reads going on in it): a page taken from
 * it is never older than the last change.
 */

#define MAX_CACHED_PAGES 3

typedef struct _CachedPage
{
  FdCalendarView *self;      /* unowned: the view drops its cache before it goes */
  guint view;
  char *from;
  char *to;
  Filters filters;
  GPtrArray *slots;          /* as read, or NULL while being read */
  GPtrArray *conflicts;      /* as read, or NULL while being read or not asked for */
  GCancellable *cancellable; /* of the read going on, or NULL */
  guint64 used;              /* the least recently used goes first */
} CachedPage;

static void
cached_page_free (CachedPage *page)
{
  g_cancellable_cancel (page->cancellable);
  g_clear_object (&page->cancellable);
  g_free (page->from);
  g_free (page->to);
  filters_clear (&page->filters);
  g_clear_pointer (&page->slots, g_ptr_array_unref);
  g_clear_pointer (&page->conflicts, g_ptr_array_unref);
  g_free (page);
}

static CachedPage *
find_cached_page (FdCalendarView *self,
                  guint           view,
                  const char     *from,
                  const char     *to)
{
  for (guint i = 0; i < self->cache->len; i++)
    {
      CachedPage *page = g_ptr_array_index (self->cache, i);

      if (page->view == view && g_str_equal (page->from, from) && g_str_equal (page->to, to) &&
          filters_equal (&page->filters, &self->filters[view]))
        return page;
    }

  return NULL;
}

/* Whether @page is the page shown */
static gboolean
is_page_shown (FdCalendarView *self,
               CachedPage     *page)
{
  return self->adopted == page && page->view == self->current &&
         g_strcmp0 (page->from, self->from) == 0 && g_strcmp0 (page->to, self->to) == 0;
}

static CachedPage *
add_cached_page (FdCalendarView *self,
                 guint           view,
                 const char     *from,
                 const char     *to)
{
  CachedPage *page = g_new0 (CachedPage, 1);

  page->self = self;
  page->view = view;
  page->from = g_strdup (from);
  page->to = g_strdup (to);
  filters_copy (&page->filters, &self->filters[view]);
  page->used = ++self->cache_clock;
  g_ptr_array_add (self->cache, page);

  /* the least recently used go, never the page shown */
  while (self->cache->len > MAX_CACHED_PAGES)
    {
      guint oldest = G_MAXUINT;

      for (guint i = 0; i < self->cache->len; i++)
        {
          CachedPage *other = g_ptr_array_index (self->cache, i);

          if (other != self->adopted &&
              (oldest == G_MAXUINT ||
               other->used < ((CachedPage *) g_ptr_array_index (self->cache, oldest))->used))
            oldest = i;
        }
      if (oldest == G_MAXUINT)
        break;
      g_ptr_array_remove_index_fast (self->cache, oldest);
    }

  return page;
}

static void
remove_cached_page (FdCalendarView *self,
                    CachedPage     *page)
{
  if (self->adopted == page)
    self->adopted = NULL;
  g_ptr_array_remove_fast (self->cache, page);
}

static LoadData *
load_data_new_for_page (FdCalendarView *self,
                        CachedPage     *page)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->path = g_strdup (fd_database_get_path (self->database));
  data->from = g_strdup (page->from);
  data->to = g_strdup (page->to);
  filters_copy (&data->filters, &page->filters);

  return data;
}

static void
on_cached_conflicts_loaded_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);
  CachedPage *page = user_data;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  /* a cancelled read's page is gone */
  conflicts = g_task_propagate_pointer (G_TASK (result), &error);
  if (conflicts == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&page->cancellable);
  if (conflicts == NULL)
    {
      g_warning ("Could not list the calendar's conflicts: %s", error->message);
      if (is_page_shown (self, page))
        {
          self->reading_conflicts = FALSE;
          self->adopted = NULL;
        }
      return;
    }

  page->conflicts = g_ptr_array_ref (conflicts);
  if (is_page_shown (self, page))
    {
      self->adopted = NULL;
      self->reading_conflicts = FALSE;
      show_conflicts (self, conflicts);
      self->conflicts_shown_usec = g_get_monotonic_time ();
    }

  /* the next page to read ahead, once the page shown has its conflicts */
  if (!self->reading_slots && !self->reading_conflicts)
    prefetch_neighbours (self);
}

static void
read_cached_conflicts (FdCalendarView *self,
                       CachedPage     *page)
{
  g_autoptr(GTask) task = NULL;

  g_clear_object (&page->cancellable);
  page->cancellable = g_cancellable_new ();
  task = g_task_new (self, page->cancellable, on_cached_conflicts_loaded_cb, page);
  g_task_set_source_tag (task, read_cached_conflicts);
  g_task_set_task_data (task, load_data_new_for_page (self, page),
                        (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_conflicts_thread);
}

static void
on_cached_slots_loaded_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);
  CachedPage *page = user_data;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;

  slots = g_task_propagate_pointer (G_TASK (result), &error);
  if (slots == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (slots == NULL)
    {
      gboolean shown = is_page_shown (self, page);

      g_warning ("Could not list the calendar's slots: %s", error->message);
      remove_cached_page (self, page);
      if (shown)
        {
          self->reading_slots = FALSE;
          g_clear_object (&self->cancellable);
        }
      return;
    }

  page->slots = g_ptr_array_ref (slots);
  if (is_page_shown (self, page))
    {
      /* no page is being read any more: changes apply slot by slot again */
      self->reading_slots = FALSE;
      g_clear_object (&self->cancellable);
      show_slots (self, slots);
      self->slots_shown_usec = g_get_monotonic_time ();
      g_cancellable_cancel (self->conflicts_cancellable);
      g_clear_object (&self->conflicts_cancellable);
      self->reading_conflicts = TRUE;
    }

  read_cached_conflicts (self, page);
}

static void
read_cached_page (FdCalendarView *self,
                  CachedPage     *page)
{
  g_autoptr(GTask) task = NULL;

  page->cancellable = g_cancellable_new ();
  task = g_task_new (self, page->cancellable, on_cached_slots_loaded_cb, page);
  g_task_set_source_tag (task, read_cached_page);
  g_task_set_task_data (task, load_data_new_for_page (self, page),
                        (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_slots_thread);
}

/* Whether a page of the cache is being read */
static gboolean
is_cache_reading (FdCalendarView *self)
{
  for (guint i = 0; i < self->cache->len; i++)
    if (((CachedPage *) g_ptr_array_index (self->cache, i))->cancellable != NULL)
      return TRUE;

  return FALSE;
}

/* Reads ahead the pages after and before the one shown, those not kept,
 * one at a time: two workers at once would take both cores from the
 * frames, and each its own memory */
static void
prefetch_neighbours (FdCalendarView *self)
{
  static const int steps[] = { 1, -1 };

  if (self->database == NULL || self->from == NULL || !has_second_connection (self) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)) || is_cache_reading (self))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      CachedPage *page;
      GDate date = self->date;

      fd_calendar_period_step (get_period (self), &date, steps[i]);
      from = fd_calendar_period_dup_iso_range (get_period (self), &date, &to);
      page = find_cached_page (self, self->current, from, to);
      if (page != NULL)
        {
          /* a page left before its conflicts were read */
          page->used = ++self->cache_clock;
          if (page->slots != NULL && page->conflicts == NULL && page->cancellable == NULL)
            {
              read_cached_conflicts (self, page);
              return;
            }
          continue;
        }

      read_cached_page (self, add_cached_page (self, self->current, from, to));
      return;
    }
}

/* Keeps the page shown, as read, when nothing changed it since */
static void
keep_page (FdCalendarView *self)
{
  CachedPage *page;

  if (!self->page_clean || self->page_slots == NULL || self->reading_slots ||
      self->from == NULL || !has_second_connection (self) ||
      find_cached_page (self, self->page_view, self->from, self->to) != NULL)
    return;

  page = add_cached_page (self, self->page_view, self->from, self->to);
  page->slots = g_ptr_array_ref (self->page_slots);
  if (!self->reading_conflicts && self->conflicts != NULL)
    page->conflicts = g_ptr_array_ref (self->conflicts);
}

/* Shows the page of self->from from the cache, if it is there: at once
 * when read, else when its read ends */
static gboolean
show_cached_page (FdCalendarView *self)
{
  CachedPage *page = find_cached_page (self, self->current, self->from, self->to);

  if (page == NULL)
    return FALSE;

  page->used = ++self->cache_clock;
  g_cancellable_cancel (self->conflicts_cancellable);
  g_clear_object (&self->conflicts_cancellable);
  self->reading_conflicts = FALSE;

  if (page->slots == NULL)
    {
      /* being read: shown when read, and any change meanwhile reads
       * the page again (as for any page being read) */
      show_slots (self, NULL);
      self->adopted = page;
      self->reading_slots = TRUE;
      self->cancellable = g_cancellable_new ();
      return TRUE;
    }

  show_slots (self, page->slots);
  self->reading_slots = FALSE;
  self->slots_shown_usec = g_get_monotonic_time ();

  if (page->conflicts != NULL)
    {
      show_conflicts (self, page->conflicts);
      self->conflicts_shown_usec = g_get_monotonic_time ();
      prefetch_neighbours (self);
    }
  else if (page->cancellable != NULL)
    {
      self->adopted = page;
      self->reading_conflicts = TRUE;
    }
  else
    load_conflicts (self);

  return TRUE;
}

/* Forgets the pages kept and read ahead; the page shown, when it waited
 * for a read in the cache, is read again */
static void
drop_cache (FdCalendarView *self)
{
  gboolean was_adopted = self->adopted != NULL;
  gboolean slots_pending = was_adopted && self->adopted->slots == NULL;

  self->adopted = NULL;
  g_ptr_array_set_size (self->cache, 0);

  if (!was_adopted)
    return;

  if (slots_pending)
    load_slots (self);
  else
    load_conflicts (self);
}

/* Whether @changes may change what a page shows: its slots or conflicts */
static gboolean
changes_concern_pages (FdRowChanges *changes)
{
  static const char * const entities[] = {
    "slot", "session", "slot_staff", "sequence", "place", "room", "trainer",
    "unavailability", "conflict_ack", "enrollment",
  };

  if (fd_row_changes_is_reset (changes))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (fd_row_changes_touches (changes, entities[i]))
      return TRUE;

  return FALSE;
}

/* Changes announced by core */

static gboolean
slot_on_page (FdCalendarView *self,
              FdSlot         *slot)
{
  const char *start_at = fd_slot_get_start_at (slot);

  return start_at != NULL && self->from != NULL &&
         g_strcmp0 (start_at, self->from) >= 0 && g_strcmp0 (start_at, self->to) < 0 &&
         filters_match (&self->filters[self->current], slot);
}

/* Shows the slot @id as it is now: added, updated, or removed when it was
 * deleted or left the page */
static void
refresh_slot (FdCalendarView *self,
              const char     *id,
              FdSlot         *slot)
{
  gboolean was_shown = g_hash_table_contains (self->shown, id);

  if (slot != NULL && slot_on_page (self, slot))
    {
      g_hash_table_insert (self->shown, g_strdup (id), g_object_ref (slot));
      if (was_shown)
        fd_slot_view_update_slot (get_view (self), slot);
      else
        fd_slot_view_add_slot (get_view (self), slot);
    }
  else if (was_shown)
    {
      g_hash_table_remove (self->shown, id);
      fd_slot_view_remove_slot (get_view (self), id);
    }
}

static void
refresh_slot_by_id (FdCalendarView *self,
                    const char     *id)
{
  g_autoptr(FdSlot) slot = fd_database_get_slot (self->database, id, NULL);

  refresh_slot (self, id, slot);
}

/* A session's code, label or deletion shows on each of its slots */
static void
refresh_session (FdCalendarView *self,
                 const char     *session_id)
{
  g_autoptr(GPtrArray) slots = fd_database_list_session_slots (self->database, session_id, NULL);
  g_autoptr(GHashTable) live = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *id;
  FdSlot *slot;

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      slot = g_ptr_array_index (slots, i);
      g_hash_table_add (live, (gpointer) fd_record_get_id (FD_RECORD (slot)));
      refresh_slot (self, fd_record_get_id (FD_RECORD (slot)), slot);
    }

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &slot))
    if (g_strcmp0 (fd_slot_get_session_id (slot), session_id) == 0 &&
        !g_hash_table_contains (live, id))
      g_ptr_array_add (gone, g_strdup (id));

  for (guint i = 0; i < gone->len; i++)
    refresh_slot (self, g_ptr_array_index (gone, i), NULL);
}

/* More than this many rows announced at once: read the page again */
#define MAX_REFRESHED 64

/* The slots concerned are read again one by one, the others are kept; a
 * change to what many slots show (a place, a room, a trainer's name), a
 * big batch, or any change while the page is being read reads the page
 * again, in the worker. */
static void
apply_changes (FdCalendarView *self,
               FdRowChanges   *changes)
{
  guint n = fd_row_changes_get_length (changes);
  gboolean touched = FALSE;

  /* A page being read may have been read before this commit: read it
   * again rather than lose the change when the older page arrives */
  if (self->cancellable != NULL ||
      fd_row_changes_is_reset (changes) || n > MAX_REFRESHED ||
      fd_row_changes_touches (changes, "place") || fd_row_changes_touches (changes, "room") ||
      fd_row_changes_touches (changes, "trainer") || fd_row_changes_touches (changes, "sequence"))
    {
      load_slots (self);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *entity = fd_row_changes_get_entity (changes, i);
      const char *id = fd_row_changes_get_id (changes, i);

      if (g_str_equal (entity, "slot"))
        refresh_slot_by_id (self, id);
      else if (g_str_equal (entity, "session"))
        refresh_session (self, id);
      else if (g_str_equal (entity, "slot_staff"))
        {
          g_autofree char *slot_id = fd_database_dup_staff_slot_id (self->database, id);

          if (slot_id != NULL)
            refresh_slot_by_id (self, slot_id);
        }
      else if (!g_str_equal (entity, "unavailability") && !g_str_equal (entity, "conflict_ack") &&
               !g_str_equal (entity, "enrollment"))
        continue;

      touched = TRUE;
    }

  /* what conflicts depends on moved with them */
  if (touched)
    load_conflicts (self);
}

static void
on_database_rows_changed_cb (FdCalendarView *self,
                             FdRowChanges   *changes,
                             FdDatabase     *database)
{
  /* what was read before is older than this change */
  if (changes_concern_pages (changes))
    {
      self->page_clean = FALSE;
      drop_cache (self);
    }

  /* out of sight: the whole page when shown again */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload_when_shown = TRUE;
      return;
    }

  apply_changes (self, changes);
}

/* The page */

static void
show_date (FdCalendarView *self,
           const GDate    *date,
           gboolean        force)
{
  if (!force && g_date_valid (&self->date) &&
      fd_calendar_period_same_page (get_period (self), &self->date, date))
    {
      self->date = *date;
      return;
    }

  self->date = *date;
  gtk_popover_popdown (self->details_popover);
  gtk_popover_popdown (GTK_POPOVER (self->create_popover));
  g_clear_pointer (&self->move, fd_slot_move_free);
  fd_slot_view_set_date (get_view (self), &self->date);
  update_title (self);
  update_page_start (self);
  update_holidays (self);
  load_slots (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void schedule_midnight (FdCalendarView *self);

static void
set_views_today (FdCalendarView *self)
{
  GDate today;

  get_today (self, &today);
  for (guint i = 0; i < N_VIEWS; i++)
    fd_slot_view_set_today (self->views[i], &today);
}

/* The clock's day changed (or the machine woke up on another day): move
 * the highlight, not the page. */
static gboolean
on_midnight_cb (gpointer user_data)
{
  FdCalendarView *self = user_data;

  self->midnight_id = 0;
  set_views_today (self);
  schedule_midnight (self);

  return G_SOURCE_REMOVE;
}

/* A timeout counts monotonic time, which stops while the machine sleeps:
 * check the wall clock every minute rather than once at midnight. */
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
  until = MIN (g_date_time_difference (tomorrow, now) / G_TIME_SPAN_SECOND + 1, 60);

  self->midnight_id = g_timeout_add_seconds ((guint) until, on_midnight_cb, self);
}

static void
show_today (FdCalendarView *self)
{
  GDate today;

  get_today (self, &today);
  set_views_today (self);
  show_date (self, &today, FALSE);
  schedule_midnight (self);
}

/* A resource view's lanes, read when it is first shown: 2 000 trainers */
static void
read_lanes (FdCalendarView *self)
{
  FdSlotView *view = get_view (self);
  g_autoptr(GPtrArray) lanes = NULL;
  g_autoptr(GError) error = NULL;

  if (!FD_IS_RESOURCE_VIEW (view) || self->lanes_read[self->current] || self->database == NULL)
    return;

  if (fd_slot_view_get_lanes (view) == FD_SLOT_VIEW_LANES_TRAINERS)
    lanes = fd_database_list_trainer_lanes (self->database, &error);
  else
    lanes = fd_database_list_room_lanes (self->database, &error);

  if (lanes == NULL)
    {
      g_warning ("Could not list the calendar's lanes: %s", error->message);
      return;
    }

  fd_resource_view_set_lanes (FD_RESOURCE_VIEW (view), lanes);
  self->lanes_read[self->current] = TRUE;
  g_clear_pointer (&self->lanes[self->current], g_ptr_array_unref);
  self->lanes[self->current] = g_steal_pointer (&lanes);
}

/* Switching views keeps the day; each view keeps its filters */
static void
set_current_view (FdCalendarView *self,
                  guint           index)
{
  g_return_if_fail (index < N_VIEWS);

  if (self->current == index &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), view_infos[index].name) == 0)
    return;

  /* the view left forgets its slots: it gets the page anew when shown */
  fd_slot_view_set_slots (get_view (self), NULL);

  self->current = index;
  for (guint i = 0; i < N_VIEWS; i++)
    gtk_toggle_button_set_active (self->view_buttons[i], i == index);
  read_lanes (self);
  gtk_stack_set_visible_child_name (self->view_stack, view_infos[index].name);
  /* the popover's rows (56 places…) are filled with the view's filters
   * when it opens: a switch only relabels the button */
  if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->filters_button))))
    fill_filters (self);
  else
    update_filters_button (self);
  show_date (self, &self->date, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
on_view_button_toggled_cb (GtkToggleButton *button,
                           FdCalendarView  *self)
{
  if (!gtk_toggle_button_get_active (button))
    {
      /* one is always active */
      if (button == self->view_buttons[self->current])
        gtk_toggle_button_set_active (button, TRUE);
      return;
    }

  for (guint i = 0; i < N_VIEWS; i++)
    if (self->view_buttons[i] == button && i != self->current)
      set_current_view (self, i);
}

/* Details */

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

/* A page's slots carry what their views show: the popover reads the whole
 * slot, its sequence too. */
static void
on_slot_activated_cb (FdSlotView     *view,
                      FdSlot         *view_slot,
                      FdCalendarView *self)
{
  g_autoptr(FdSlot) slot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char *id = fd_record_get_id (FD_RECORD (view_slot));
  const char *start_at;
  const char *session_id;
  GdkRectangle area;
  graphene_point_t point;

  if (self->database != NULL)
    slot = fd_database_get_slot (self->database, id, &error);
  if (slot == NULL)
    {
      /* deleted since the page was read: show what the page knows */
      if (error != NULL)
        g_debug ("Could not read a slot: %s", error->message);
      slot = g_object_ref (view_slot);
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
  set_detail (NULL, self->details_conflict_label,
              self->conflicted != NULL ? g_hash_table_lookup (self->conflicted, id) : NULL);

  /* win.show-session, where the window provides it, opens the session */
  session_id = fd_slot_get_session_id (slot);
  gtk_widget_set_visible (GTK_WIDGET (self->details_open_button),
                          session_id != NULL && *session_id != '\0');
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->details_open_button),
                                    "s", session_id != NULL ? session_id : "");

  if (fd_slot_view_get_slot_area (view, id, &area) &&
      gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (area.x, area.y), &point))
    {
      area.x = (int) point.x;
      area.y = (int) point.y;
      gtk_popover_set_pointing_to (self->details_popover, &area);
    }

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

/* Moves */

static FdSlotLane
get_lane_kind (FdSlotView *view)
{
  switch (fd_slot_view_get_lanes (view))
    {
    case FD_SLOT_VIEW_LANES_TRAINERS:
      return FD_SLOT_LANE_TRAINER;
    case FD_SLOT_VIEW_LANES_ROOMS:
      return FD_SLOT_LANE_ROOM;
    case FD_SLOT_VIEW_LANES_DAYS:
    default:
      return FD_SLOT_LANE_NONE;
    }
}

/* The move of @slot to the target, read from core once per drag */
static FdSlotMove *
prepare_move (FdCalendarView  *self,
              FdSlotView      *view,
              FdSlot          *slot,
              const char      *start_at,
              const char      *end_at,
              const char      *from_lane,
              const char      *to_lane,
              GError         **error)
{
  const char *id = fd_record_get_id (FD_RECORD (slot));

  if (self->database == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "no database");
      return NULL;
    }

  if (self->move == NULL || g_strcmp0 (fd_slot_move_get_slot_id (self->move), id) != 0)
    {
      g_clear_pointer (&self->move, fd_slot_move_free);
      self->move = fd_slot_move_new (self->database, id, error);
      if (self->move == NULL)
        return NULL;
    }

  if (!fd_slot_move_set_target (self->move, start_at, end_at, get_lane_kind (view),
                                from_lane, to_lane, error))
    return NULL;

  return self->move;
}

static char *
on_check_move_cb (FdSlotView     *view,
                  FdSlot         *slot,
                  const char     *start_at,
                  const char     *end_at,
                  const char     *from_lane,
                  const char     *to_lane,
                  FdCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  FdSlotMove *move = prepare_move (self, view, slot, start_at, end_at, from_lane, to_lane, &error);

  if (move == NULL)
    return g_strdup (error->message);

  return fd_slot_move_check (move, NULL, NULL);
}

static void
show_toast (FdCalendarView *self,
            const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FD_IS_WINDOW (root))
    fd_window_add_toast (FD_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* An edit of the planning from the calendar (a move, a new slot), asked
 * about first when it falls outside working hours or on a holiday, or
 * when it changes what enrolled trainees were invited to: then they get
 * an updated invitation unless "Do not send an update" is ticked. */
typedef struct
{
  FdCalendarView *self;
  GPtrArray *changes;        /* of FdChange */
  char *label;               /* the undo toast's, "Slot moved" */
  gboolean needs_update;
  char *session_id;          /* whose invitations are updated */
  GStrv sequence_ids;
  GtkCheckButton *no_update; /* in the dialog, or NULL */
  void (*applied) (FdCalendarView *self);
} PlanningEdit;

static void
planning_edit_free (PlanningEdit *edit)
{
  g_ptr_array_unref (edit->changes);
  g_free (edit->label);
  g_free (edit->session_id);
  g_strfreev (edit->sequence_ids);
  g_object_unref (edit->self);
  g_free (edit);
}

static gboolean
planning_edit_apply (PlanningEdit *edit)
{
  FdCalendarView *self = edit->self;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  gboolean applied;

  if (edit->changes->len == 0)
    return TRUE;

  if (FD_IS_WINDOW (root))
    applied = fd_window_apply_edit (FD_WINDOW (root), edit->label, edit->changes, &error);
  else
    applied = fd_database_apply_all (self->database, edit->changes, &error);

  if (!applied)
    {
      show_toast (self, error->message);
      return FALSE;
    }

  if (edit->needs_update &&
      (edit->no_update == NULL || !gtk_check_button_get_active (edit->no_update)) &&
      !fd_invitations_queue_updates_after_edit (self->database, edit->session_id,
                                                (const char * const *) edit->sequence_ids,
                                                &error))
    show_toast (self, error->message);

  if (edit->applied != NULL)
    edit->applied (self);

  return TRUE;
}

static void
on_planning_question_response_cb (AdwMessageDialog *dialog,
                                  const char       *response,
                                  PlanningEdit     *edit)
{
  if (g_str_equal (response, "apply"))
    planning_edit_apply (edit);
}

/* Applies @changes now, or once the user agreed. Takes @changes. Returns
 * %FALSE only when it was applied and failed. */
static gboolean
plan_edit (FdCalendarView  *self,
           GPtrArray       *changes,
           const char      *label,
           const char      *heading,
           const char      *accept,
           const char      *question,
           void           (*applied) (FdCalendarView *self))
{
  g_autoptr(GString) body = g_string_new (question);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PlanningEdit *edit = g_new0 (PlanningEdit, 1);
  GtkWidget *dialog;
  gboolean ok;

  edit->self = g_object_ref (self);
  edit->changes = changes;
  edit->label = g_strdup (label);
  edit->applied = applied;
  edit->needs_update = fd_invitations_edit_needs_update (self->database, changes,
                                                         &edit->session_id, &edit->sequence_ids);

  if ((question == NULL && !edit->needs_update) || !GTK_IS_WINDOW (root))
    {
      ok = planning_edit_apply (edit);
      planning_edit_free (edit);
      return ok;
    }

  if (edit->needs_update)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, _("Enrolled trainees will receive an updated calendar invitation."));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", accept,
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           question != NULL ? "cancel" : "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (edit->needs_update)
    {
      edit->no_update = GTK_CHECK_BUTTON (
        gtk_check_button_new_with_mnemonic (_("_Do not send an update to the participants")));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                          GTK_WIDGET (edit->no_update));
    }
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_planning_question_response_cb),
                         edit, (GClosureNotify) planning_edit_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static gboolean
on_move_slot_cb (FdSlotView     *view,
                 FdSlot         *slot,
                 const char     *start_at,
                 const char     *end_at,
                 const char     *from_lane,
                 const char     *to_lane,
                 FdCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *question = NULL;
  gboolean refused = FALSE;
  FdSlotMove *move;

  move = prepare_move (self, view, slot, start_at, end_at, from_lane, to_lane, &error);
  if (move == NULL)
    {
      show_toast (self, error->message);
      return FALSE;
    }

  if (fd_slot_move_changes_nothing (move))
    return FALSE;

  /* a locked session is refused with the reason (core would refuse too) */
  refusal = fd_slot_move_check (move, NULL, &refused);
  if (refused)
    {
      show_toast (self, refusal);
      g_clear_pointer (&self->move, fd_slot_move_free);
      return FALSE;
    }

  question = fd_slot_move_dup_question (move);
  changes = fd_slot_move_build_changes (move, &error);
  g_clear_pointer (&self->move, fd_slot_move_free);
  if (changes == NULL)
    {
      show_toast (self, error->message);
      return FALSE;
    }

  return plan_edit (self, g_steal_pointer (&changes), _("Slot moved"), _("Move the Slot?"),
                    _("_Move"), question, NULL);
}

/* New slots */

/* The lane a slot was selected on, as the popover names it */
static char *
dup_lane_name (FdCalendarView *self,
               const char     *lane_id)
{
  GPtrArray *lanes = self->lanes[self->current];

  for (guint i = 0; lane_id != NULL && lanes != NULL && i < lanes->len; i++)
    {
      const FdResourceLane *lane = g_ptr_array_index (lanes, i);
      const char *place = fd_resource_lane_get_place_name (lane);

      if (g_strcmp0 (fd_resource_lane_get_id (lane), lane_id) != 0)
        continue;

      if (get_lane_kind (get_view (self)) == FD_SLOT_LANE_ROOM && place != NULL && *place != '\0')
        /* Translators: a room and its place, as in "Salle Molière · Centre Paris Bastille" */
        return g_strdup_printf (_("%1$s · %2$s"), fd_resource_lane_get_name (lane), place);

      return g_strdup (fd_resource_lane_get_name (lane));
    }

  return NULL;
}

static void
on_create_slot_cb (FdSlotView         *view,
                   const char         *start_at,
                   const char         *end_at,
                   const char         *lane,
                   const GdkRectangle *area,
                   FdCalendarView     *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  FdSlotDraft *draft;
  graphene_point_t point;
  GdkRectangle pointing;

  if (self->database == NULL)
    return;

  draft = fd_slot_draft_new (self->database, start_at, end_at, get_lane_kind (view), lane, &error);
  if (draft == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  gtk_popover_popdown (self->details_popover);
  where = dup_lane_name (self, lane);
  fd_slot_create_popover_set_draft (self->create_popover, self->database, draft, where);

  pointing = *area;
  if (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (area->x, area->y), &point))
    {
      pointing.x = (int) point.x;
      pointing.y = (int) point.y;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->create_popover), &pointing);
  /* beside a range of hours, under a resource's bar: the range stays seen */
  gtk_popover_set_position (GTK_POPOVER (self->create_popover),
                            get_lane_kind (view) == FD_SLOT_LANE_NONE ? GTK_POS_RIGHT
                                                                      : GTK_POS_BOTTOM);
  gtk_popover_popup (GTK_POPOVER (self->create_popover));
}

/* The new slot was planned: the popover is done */
static void
on_create_applied (FdCalendarView *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->create_popover));
  fd_slot_create_popover_clear (self->create_popover);
}

static void
on_create_popover_plan_cb (FdSlotCreatePopover *popover,
                           FdCalendarView      *self)
{
  FdSlotDraft *draft = fd_slot_create_popover_get_draft (popover);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *question = NULL;
  gboolean refused = FALSE;

  if (draft == NULL)
    return;

  /* a locked session is refused with the reason (core would refuse too) */
  refusal = fd_slot_draft_check (draft, NULL, &refused);
  if (refused)
    {
      show_toast (self, refusal);
      return;
    }

  question = fd_slot_draft_dup_question (draft);
  changes = fd_slot_draft_build_changes (draft, &error);
  if (changes == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* the dialog, if any, comes over the popover */
  if (question != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  plan_edit (self, g_steal_pointer (&changes), _("Slot planned"), _("Plan the Slot?"), _("_Plan"),
             question, on_create_applied);
}

/* Filters */

static void
update_filters_button (FdCalendarView *self)
{
  guint n = filters_count (&self->filters[self->current]);
  g_autofree char *label = fd_filters_dup_label (n);

  gtk_menu_button_set_label (self->filters_button, label);
}

static GPtrArray *
list_options (FdCalendarView *self,
              FdOptionKind    kind,
              const char     *parent_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *options;

  if (self->database == NULL)
    return NULL;

  options = fd_database_list_options (self->database, kind, parent_id, &error);
  if (options == NULL)
    g_warning ("Could not list the calendar's filters: %s", error->message);

  return options;
}

static void
fill_rooms (FdCalendarView *self)
{
  Filters *filters = &self->filters[self->current];
  g_autoptr(GPtrArray) rooms = NULL;

  if (filters->place_id != NULL)
    rooms = list_options (self, FD_OPTION_ROOM, filters->place_id);

  g_clear_pointer (&self->room_ids, g_ptr_array_unref);
  self->room_ids = fd_option_dropdown_fill (self->room_dropdown, _("Any room"), rooms,
                                            filters->room_id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->room_dropdown), filters->place_id != NULL);
}

/* Puts the current view's filters in the popover */
static void
fill_filters (FdCalendarView *self)
{
  Filters *filters = &self->filters[self->current];
  g_autoptr(GPtrArray) places = list_options (self, FD_OPTION_PLACE, NULL);
  g_autoptr(GPtrArray) trainers = NULL;

  self->filling_filters = TRUE;

  g_clear_pointer (&self->place_ids, g_ptr_array_unref);
  self->place_ids = fd_option_dropdown_fill (self->place_dropdown, _("Any place"), places,
                                             filters->place_id);
  fill_rooms (self);

  /* 2 000 trainers: read when the popover opens, not with every view */
  if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->filters_button))) ||
      filters->trainer_id != NULL)
    trainers = list_options (self, FD_OPTION_TRAINER, NULL);
  g_clear_pointer (&self->trainer_ids, g_ptr_array_unref);
  self->trainer_ids = fd_option_dropdown_fill (self->trainer_dropdown, _("Any trainer"), trainers,
                                               filters->trainer_id);

  gtk_editable_set_text (GTK_EDITABLE (self->session_entry),
                         filters->session_text != NULL ? filters->session_text : "");

  self->filling_filters = FALSE;
  update_filters_button (self);
}

static void
on_filters_popover_show_cb (GtkPopover     *popover,
                            FdCalendarView *self)
{
  fill_filters (self);
}

static void
replace_filter (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static void
on_filter_changed_cb (FdCalendarView *self)
{
  Filters *filters = &self->filters[self->current];
  g_autofree char *old_place = NULL;
  g_autofree char *text = NULL;

  if (self->filling_filters)
    return;

  old_place = g_strdup (filters->place_id);
  replace_filter (&filters->place_id, fd_option_dropdown_get_id (self->place_dropdown,
                                                                 self->place_ids));
  if (g_strcmp0 (old_place, filters->place_id) != 0)
    {
      /* the rooms are the place's */
      g_clear_pointer (&filters->room_id, g_free);
      self->filling_filters = TRUE;
      fill_rooms (self);
      self->filling_filters = FALSE;
    }
  replace_filter (&filters->room_id, fd_option_dropdown_get_id (self->room_dropdown,
                                                                self->room_ids));
  replace_filter (&filters->trainer_id, fd_option_dropdown_get_id (self->trainer_dropdown,
                                                                   self->trainer_ids));

  text = fd_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->session_entry)));
  g_strstrip (text);
  replace_filter (&filters->session_text, *text != '\0' ? text : NULL);

  update_filters_button (self);
  /* a place's own holidays show when the view is filtered by it */
  update_holidays (self);
  /* the page shown and those kept were read with the other filters */
  self->page_clean = FALSE;
  drop_cache (self);
  load_slots (self);
}

static GtkDropDown *
add_filter_row (FdCalendarView *self,
                int             row,
                const char     *label)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  gtk_label_set_xalign (GTK_LABEL (caption), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), dropdown);
  gtk_widget_set_size_request (dropdown, 240, -1);
  gtk_grid_attach (self->filters_grid, caption, 0, row, 1, 1);
  gtk_grid_attach (self->filters_grid, dropdown, 1, row, 1, 1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_DROP_DOWN (dropdown);
}

static void
build_filters (FdCalendarView *self)
{
  GtkWidget *caption;

  self->place_dropdown = add_filter_row (self, 0, _("_Place"));
  self->room_dropdown = add_filter_row (self, 1, _("_Room"));
  self->trainer_dropdown = add_filter_row (self, 2, _("_Trainer"));

  caption = gtk_label_new_with_mnemonic (_("_Session"));
  gtk_label_set_xalign (GTK_LABEL (caption), 1.0);
  self->session_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->session_entry, "placeholder-text", _("Code or label"), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), GTK_WIDGET (self->session_entry));
  gtk_grid_attach (self->filters_grid, caption, 0, 3, 1, 1);
  gtk_grid_attach (self->filters_grid, GTK_WIDGET (self->session_entry), 1, 3, 1, 1);
  g_signal_connect_object (self->session_entry, "search-changed",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_menu_button_get_popover (self->filters_button), "show",
                           G_CALLBACK (on_filters_popover_show_cb), self, 0);
}

/* The date picker */

static void
on_date_popover_show_cb (GtkPopover     *popover,
                         FdCalendarView *self)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (g_date_get_year (&self->date),
                                                     g_date_get_month (&self->date),
                                                     g_date_get_day (&self->date), 0, 0, 0.0);

  gtk_calendar_select_day (self->date_calendar, date);
}

static void
on_date_calendar_day_selected_cb (GtkCalendar    *calendar,
                                  FdCalendarView *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  GDate day;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->date_popover)))
    return;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (date),
                  (GDateMonth) g_date_time_get_month (date),
                  (GDateYear) g_date_time_get_year (date));
  gtk_popover_popdown (self->date_popover);
  show_date (self, &day, FALSE);
}

/* Actions */

/* The wheel turns the month's pages, like in GNOME Calendar (the time
 * grids scroll their hours). */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              FdCalendarView           *self)
{
  if (dy > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.next", NULL);
  else if (dy < 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.previous", NULL);

  return dy != 0;
}

static void
step (FdCalendarView *self,
      int             n)
{
  GDate date = self->date;

  fd_calendar_period_step (get_period (self), &date, n);
  show_date (self, &date, FALSE);
}

static void
previous_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (FD_CALENDAR_VIEW (widget), -1);
}

static void
next_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  step (FD_CALENDAR_VIEW (widget), 1);
}

static void
today_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  show_today (FD_CALENDAR_VIEW (widget));
}

static void
view_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  fd_calendar_view_set_view (FD_CALENDAR_VIEW (widget), g_variant_get_string (parameter, NULL));
}

/* The widget */

static void
fd_calendar_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (widget);

  gtk_widget_measure (self->main_box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* The details popover is the page's, whatever the view it points into */
static void
fd_calendar_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (widget);

  gtk_widget_allocate (self->main_box, width, height, baseline, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->details_popover)))
    gtk_popover_present (self->details_popover);
  if (gtk_widget_get_visible (GTK_WIDGET (self->create_popover)))
    gtk_popover_present (GTK_POPOVER (self->create_popover));
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
  else if (!self->reading_slots && !self->reading_conflicts)
    prefetch_neighbours (self);
}

static void
fd_calendar_view_dispose (GObject *object)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->conflicts_cancellable);
  g_clear_object (&self->conflicts_cancellable);
  self->adopted = NULL;
  if (self->cache != NULL)
    g_ptr_array_set_size (self->cache, 0);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->database != NULL)
    g_clear_signal_handler (&self->rows_changed_id, self->database);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CALENDAR_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_pointer (&self->move, fd_slot_move_free);

  G_OBJECT_CLASS (fd_calendar_view_parent_class)->dispose (object);
}

static void
fd_calendar_view_finalize (GObject *object)
{
  FdCalendarView *self = FD_CALENDAR_VIEW (object);

  for (guint i = 0; i < N_VIEWS; i++)
    {
      filters_clear (&self->filters[i]);
      g_clear_pointer (&self->lanes[i], g_ptr_array_unref);
    }
  g_clear_pointer (&self->page_start, g_date_time_unref);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->conflicted, g_hash_table_unref);
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->page_slots, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_ptr_array_unref);
  g_clear_pointer (&self->place_ids, g_ptr_array_unref);
  g_clear_pointer (&self->room_ids, g_ptr_array_unref);
  g_clear_pointer (&self->trainer_ids, g_ptr_array_unref);

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
      g_value_set_boxed (value, self->page_start);
      break;

    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;

    case PROP_VIEW:
      g_value_set_string (value, view_infos[self->current].name);
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

    case PROP_VIEW:
      fd_calendar_view_set_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
  widget_class->measure = fd_calendar_view_measure;
  widget_class->size_allocate = fd_calendar_view_size_allocate;

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
   * The first day of the page shown, at local midnight: the month's first
   * day, the week's Monday, or the day. Setting it shows the page of that
   * day.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * FdCalendarView:today:
   *
   * The day highlighted and shown by the Today action, as an ISO date
   * ("2026-11-25"); empty for the clock's day. Setting it shows its page.
   */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * FdCalendarView:view:
   *
   * The name of the view shown: "month", "week", "day", "trainers" or
   * "rooms".
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/formadesk/Formadesk/fd-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, main_box);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, conflicts_count_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, conflicts_title);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, date_popover);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_code_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, details_conflict_label);
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
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, filters_button);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, filters_grid);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, next_button);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, title_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, title_short_label);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FdCalendarView, view_switcher);
  gtk_widget_class_bind_template_callback (widget_class, on_date_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_details_open_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_cb);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_cb);
  gtk_widget_class_install_action (widget_class, "calendar.view", "s", view_cb);

  gtk_widget_class_set_css_name (widget_class, "calendarview");

}

static void
fd_calendar_view_init (FdCalendarView *self)
{
  self->today = g_strdup ("");
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cache = g_ptr_array_new_with_free_func ((GDestroyNotify) cached_page_free);
  g_date_clear (&self->date, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_VIEWS; i++)
    {
      GtkWidget *view = view_infos[i].create ();
      GtkWidget *button = gtk_toggle_button_new_with_label (_(view_infos[i].label));
      g_autofree char *detailed = g_strdup_printf ("calendar.view::%s", view_infos[i].name);

      GtkWidget *page = view;

      /* a time grid scrolls its hours, its header pinned */
      if (GTK_IS_SCROLLABLE (view))
        {
          page = gtk_scrolled_window_new ();
          gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (page), GTK_POLICY_NEVER,
                                          GTK_POLICY_AUTOMATIC);
          gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page), view);
        }

      self->views[i] = FD_SLOT_VIEW (view);
      gtk_stack_add_named (self->view_stack, page, view_infos[i].name);
      g_signal_connect_object (view, "slot-activated", G_CALLBACK (on_slot_activated_cb), self, 0);
      g_signal_connect_object (view, "check-move", G_CALLBACK (on_check_move_cb), self, 0);
      g_signal_connect_object (view, "move-slot", G_CALLBACK (on_move_slot_cb), self, 0);
      g_signal_connect_object (view, "create-slot", G_CALLBACK (on_create_slot_cb), self, 0);

      if (fd_slot_view_get_period (FD_SLOT_VIEW (view)) == FD_CALENDAR_PERIOD_MONTH)
        {
          GtkEventController *scroll =
            gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                             GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

          g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll_cb), self, 0);
          gtk_widget_add_controller (view, scroll);
        }

      self->view_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->view_switcher, button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_view_button_toggled_cb), self, 0);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->view_switcher), N_VIEWS > 1);
  gtk_toggle_button_set_active (self->view_buttons[0], TRUE);

  self->create_popover = FD_SLOT_CREATE_POPOVER (fd_slot_create_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->create_popover), GTK_WIDGET (self));
  g_signal_connect_object (self->create_popover, "plan", G_CALLBACK (on_create_popover_plan_cb),
                           self, 0);

  g_signal_connect_object (self->conflicts_list, "row-activated",
                           G_CALLBACK (on_conflict_row_activated_cb), self, 0);
  g_signal_connect_object (self->date_popover, "show", G_CALLBACK (on_date_popover_show_cb),
                           self, 0);
  build_filters (self);

  show_today (self);
}

/**
 * fd_calendar_view_new:
 *
 * Returns: (transfer floating): a calendar page on today's month
 */
GtkWidget *
fd_calendar_view_new (void)
{
  return g_object_new (FD_TYPE_CALENDAR_VIEW, NULL);
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
  g_clear_pointer (&self->move, fd_slot_move_free);
  for (guint i = 0; i < N_VIEWS; i++)
    {
      filters_clear (&self->filters[i]);
      self->lanes_read[i] = FALSE;
      g_clear_pointer (&self->lanes[i], g_ptr_array_unref);
    }
  gtk_popover_popdown (GTK_POPOVER (self->create_popover));
  fd_slot_create_popover_clear (self->create_popover);
  self->page_clean = FALSE;
  drop_cache (self);
  read_lanes (self);
  fill_filters (self);
  load_slots (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * fd_calendar_view_get_date:
 *
 * Returns: (transfer none): the first day of the page shown
 */
GDateTime *
fd_calendar_view_get_date (FdCalendarView *self)
{
  g_return_val_if_fail (FD_IS_CALENDAR_VIEW (self), NULL);

  return self->page_start;
}

/**
 * fd_calendar_view_set_date:
 * @self: a #FdCalendarView
 * @date: any moment of the page to show
 */
void
fd_calendar_view_set_date (FdCalendarView *self,
                           GDateTime      *date)
{
  GDate day;

  g_return_if_fail (FD_IS_CALENDAR_VIEW (self));
  g_return_if_fail (date != NULL);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (date),
                  (GDateMonth) g_date_time_get_month (date),
                  (GDateYear) g_date_time_get_year (date));
  show_date (self, &day, FALSE);
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
 * shows its page.
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
 * fd_calendar_view_get_view:
 *
 * Returns: the name of the view shown ("month", "week"…)
 */
const char *
fd_calendar_view_get_view (FdCalendarView *self)
{
  g_return_val_if_fail (FD_IS_CALENDAR_VIEW (self), NULL);

  return view_infos[self->current].name;
}

/**
 * fd_calendar_view_set_view:
 * @self: a #FdCalendarView
 * @name: the name of a view; unknown names are ignored
 */
void
fd_calendar_view_set_view (FdCalendarView *self,
                           const char     *name)
{
  g_return_if_fail (FD_IS_CALENDAR_VIEW (self));

  for (guint i = 0; i < N_VIEWS; i++)
    if (g_strcmp0 (view_infos[i].name, name) == 0)
      {
        set_current_view (self, i);
        return;
      }
}

/**
 * fd_calendar_view_get_slot_view:
 *
 * Returns: (transfer none): the view shown
 */
FdSlotView *
fd_calendar_view_get_slot_view (FdCalendarView *self)
{
  g_return_val_if_fail (FD_IS_CALENDAR_VIEW (self), NULL);

  return get_view (self);
}

/**
 * fd_calendar_view_reload:
 * @self: a #FdCalendarView
 *
 * Reads the page's slots again, after the database changed.
 */
void
fd_calendar_view_reload (FdCalendarView *self)
{
  g_return_if_fail (FD_IS_CALENDAR_VIEW (self));

  self->page_clean = FALSE;
  drop_cache (self);
  load_slots (self);
}

/**
 * _fd_calendar_view_get_slots_shown:
 * @self: a #FdCalendarView
 * @usec: (out) (optional): when the page's slots were last shown, in
 *   g_get_monotonic_time()'s microseconds
 *
 * For --bench-ui: whether the page's slots are shown, rather than still
 * being read in the worker.
 *
 * Returns: %FALSE while the slots are being read
 */
gboolean
_fd_calendar_view_get_slots_shown (FdCalendarView *self,
                                   gint64         *usec)
{
  g_return_val_if_fail (FD_IS_CALENDAR_VIEW (self), FALSE);

  if (usec != NULL)
    *usec = self->slots_shown_usec;

  return !self->reading_slots;
}

/**
 * _fd_calendar_view_get_conflicts_shown:
 * @self: a #FdCalendarView
 * @usec: (out) (optional): when the page's conflicts were last marked
 *
 * For --bench-ui: whether the page's conflicts are marked, its slots read
 * and shown before them.
 *
 * Returns: %FALSE while the slots or their conflicts are being read
 */
gboolean
_fd_calendar_view_get_conflicts_shown (FdCalendarView *self,
                                       gint64         *usec)
{
  g_return_val_if_fail (FD_IS_CALENDAR_VIEW (self), FALSE);

  if (usec != NULL)
    *usec = self->conflicts_shown_usec;

  return !self->reading_slots && !self->reading_conflicts;
}

/**
 * _fd_calendar_view_is_page_cached:
 * @self: a #FdCalendarView
 * @step: pages away from the one shown, in the view shown (-1, 1…)
 *
 * For tests: whether that page is kept, its slots and conflicts read, so
 * that turning to it shows it at once.
 *
 * Returns: %TRUE when the page is kept and read
 */
gboolean
_fd_calendar_view_is_page_cached (FdCalendarView *self,
                                  int             step)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  CachedPage *page;
  GDate date;

  g_return_val_if_fail (FD_IS_CALENDAR_VIEW (self), FALSE);
  g_return_val_if_fail (g_date_valid (&self->date), FALSE);

  date = self->date;
  fd_calendar_period_step (get_period (self), &date, step);
  from = fd_calendar_period_dup_iso_range (get_period (self), &date, &to);
  page = find_cached_page (self, self->current, from, to);

  return page != NULL && page->slots != NULL && page->conflicts != NULL;
}
