/* fd-slot-create-popover.c — the session a drag-selected range is planned for
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-slot-create-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-slot-create-popover.h"

#include "fd-format.h"
#include "fd-option.h"

/*
 * FdSlotCreatePopover:
 *
 * What the calendar shows over a range drag-selected on empty hours: when
 * and where the new slot would be, the sessions it can be for (nearest the
 * day first, searched by code or label, at most MAX_SESSIONS), the chosen
 * session's sequences (its first by default), and what planning it would
 * cause — the session's lock, else the first conflict — before "Plan" is
 * pressed. It holds the #FdSlotDraft and never writes: "Plan" emits
 * #FdSlotCreatePopover::plan and the calendar page applies the draft.
 */

#define MAX_SESSIONS 30

struct _FdSlotCreatePopover
{
  GtkPopover parent_instance;

  FdDatabase *database;
  FdSlotDraft *draft;
  GPtrArray *sequence_ids;
  gboolean refused;
  gboolean filling;

  GtkLabel *check_label;
  GtkButton *plan_button;
  GtkSearchEntry *search_entry;
  GtkDropDown *sequence_dropdown;
  GtkListBox *sessions_list;
  GtkLabel *when_label;
  GtkLabel *where_label;
};

G_DEFINE_FINAL_TYPE (FdSlotCreatePopover, fd_slot_create_popover, GTK_TYPE_POPOVER)

enum {
  PLAN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_plan_button (FdSlotCreatePopover *self)
{
  /* the draft keeps its session while a search shows none: a row is the
   * choice */
  gboolean ready = self->draft != NULL && fd_slot_draft_get_session_id (self->draft) != NULL &&
                   gtk_list_box_get_selected_row (self->sessions_list) != NULL && !self->refused;

  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_button), ready);
}

/* The lock or the first conflict, before Plan is pressed */
static void
update_check (FdSlotCreatePopover *self)
{
  g_autofree char *message = NULL;
  GtkWidget *label = GTK_WIDGET (self->check_label);

  self->refused = FALSE;
  if (self->draft != NULL)
    message = fd_slot_draft_check (self->draft, NULL, &self->refused);

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (message != NULL)
    {
      gtk_label_set_label (self->check_label, message);
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_label_set_label (self->check_label, _("No conflict."));
      gtk_widget_add_css_class (label, "dim-label");
    }

  update_plan_button (self);
}

static void
fill_sequences (FdSlotCreatePopover *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) sequences = NULL;
  g_autoptr(GError) error = NULL;
  const char *session_id = self->draft != NULL ? fd_slot_draft_get_session_id (self->draft) : NULL;
  const char *chosen = self->draft != NULL ? fd_slot_draft_get_sequence_id (self->draft) : NULL;
  guint selected = 0;

  g_clear_pointer (&self->sequence_ids, g_ptr_array_unref);
  self->sequence_ids = g_ptr_array_new_with_free_func (g_free);

  if (session_id != NULL)
    sequences = fd_slot_draft_list_sequences (self->database, session_id, &error);
  if (error != NULL)
    g_warning ("Could not list a session's sequences: %s", error->message);

  for (guint i = 0; sequences != NULL && i < sequences->len; i++)
    {
      FdOption *option = g_ptr_array_index (sequences, i);

      gtk_string_list_append (labels, fd_option_get_label (option));
      g_ptr_array_add (self->sequence_ids, g_strdup (fd_option_get_id (option)));
      if (g_strcmp0 (fd_option_get_id (option), chosen) == 0)
        selected = i;
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->sequence_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->sequence_dropdown,
                              self->sequence_ids->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sequence_dropdown), self->sequence_ids->len > 1);
}

static char *
dup_period (const FdSessionChoice *choice)
{
  g_autofree char *first = fd_format_date_short (choice->first_day);
  g_autofree char *last = fd_format_date_short (choice->last_day);

  if (first == NULL)
    return g_strdup (choice->code);
  if (last == NULL || g_strcmp0 (first, last) == 0)
    /* Translators: a session's code and its day, as in "2026-0012 · 03/03/2026" */
    return g_strdup_printf (_("%1$s · %2$s"), choice->code, first);

  /* Translators: a session's code and its days, as in
   * "2026-0012 · 03/03/2026 – 06/03/2026" */
  return g_strdup_printf (_("%1$s · %2$s – %3$s"), choice->code, first, last);
}

static GtkWidget *
create_session_row (const FdSessionChoice *choice)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (choice->label);
  g_autofree char *period = dup_period (choice);
  GtkWidget *subtitle = gtk_label_new (period);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, choice->label);
  g_object_set_data_full (G_OBJECT (row), "session-id", g_strdup (choice->id), g_free);

  return row;
}

/* The sessions near the day that match the search; the first chosen */
static void
fill_sessions (FdSlotCreatePopover *self)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  GtkWidget *child;
  GtkListBoxRow *first;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_list))) != NULL)
    gtk_list_box_remove (self->sessions_list, child);
  self->filling = FALSE;

  if (self->draft == NULL || self->database == NULL)
    return;

  day = g_strndup (fd_slot_draft_get_start_at (self->draft), 10);
  choices = fd_slot_draft_list_sessions (self->database, day,
                                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                         MAX_SESSIONS, &error);
  if (choices == NULL)
    {
      g_warning ("Could not list the sessions to plan a slot for: %s", error->message);
      return;
    }

  self->filling = TRUE;
  for (guint i = 0; i < choices->len; i++)
    gtk_list_box_append (self->sessions_list, create_session_row (g_ptr_array_index (choices, i)));
  self->filling = FALSE;

  first = gtk_list_box_get_row_at_index (self->sessions_list, 0);
  gtk_list_box_select_row (self->sessions_list, first);
  if (first == NULL)
    {
      fill_sequences (self);
      update_plan_button (self);
    }
}

static void
on_search_entry_search_changed_cb (FdSlotCreatePopover *self,
                                   GtkSearchEntry      *entry)
{
  fill_sessions (self);
}

static void
on_sessions_list_row_selected_cb (FdSlotCreatePopover *self,
                                  GtkListBoxRow       *row,
                                  GtkListBox          *list)
{
  g_autoptr(GError) error = NULL;
  const char *session_id;

  if (self->filling || row == NULL || self->draft == NULL)
    return;

  session_id = g_object_get_data (G_OBJECT (row), "session-id");
  if (!fd_slot_draft_set_session (self->draft, session_id, NULL, &error))
    {
      /* changed since it was listed */
      gtk_label_set_label (self->check_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->plan_button), FALSE);
      return;
    }

  fill_sequences (self);
  update_check (self);
}

static void
on_sequence_dropdown_selected_cb (FdSlotCreatePopover *self,
                                  GParamSpec          *pspec,
                                  GtkDropDown         *dropdown)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *session_id;

  if (self->filling || self->draft == NULL || self->sequence_ids == NULL ||
      selected >= self->sequence_ids->len)
    return;

  session_id = fd_slot_draft_get_session_id (self->draft);
  if (session_id == NULL)
    return;

  if (!fd_slot_draft_set_session (self->draft, session_id,
                                  g_ptr_array_index (self->sequence_ids, selected), &error))
    {
      gtk_label_set_label (self->check_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "error");
      return;
    }

  update_check (self);
}

static void
on_plan_button_clicked_cb (FdSlotCreatePopover *self,
                           GtkButton           *button)
{
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->plan_button)))
    return;

  g_signal_emit (self, signals[PLAN], 0);
}

static void
on_cancel_button_clicked_cb (FdSlotCreatePopover *self,
                             GtkButton           *button)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
fd_slot_create_popover_dispose (GObject *object)
{
  FdSlotCreatePopover *self = FD_SLOT_CREATE_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_SLOT_CREATE_POPOVER);
  g_clear_object (&self->database);
  g_clear_pointer (&self->draft, fd_slot_draft_free);

  G_OBJECT_CLASS (fd_slot_create_popover_parent_class)->dispose (object);
}

static void
fd_slot_create_popover_finalize (GObject *object)
{
  FdSlotCreatePopover *self = FD_SLOT_CREATE_POPOVER (object);

  g_clear_pointer (&self->sequence_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (fd_slot_create_popover_parent_class)->finalize (object);
}

static void
fd_slot_create_popover_class_init (FdSlotCreatePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_slot_create_popover_dispose;
  object_class->finalize = fd_slot_create_popover_finalize;

  /**
   * FdSlotCreatePopover::plan:
   *
   * "Plan" was pressed with a session chosen: the page applies
   * fd_slot_create_popover_get_draft().
   */
  signals[PLAN] = g_signal_new ("plan", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-slot-create-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, FdSlotCreatePopover, check_label);
  gtk_widget_class_bind_template_child (widget_class, FdSlotCreatePopover, plan_button);
  gtk_widget_class_bind_template_child (widget_class, FdSlotCreatePopover, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdSlotCreatePopover, sequence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdSlotCreatePopover, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, FdSlotCreatePopover, when_label);
  gtk_widget_class_bind_template_child (widget_class, FdSlotCreatePopover, where_label);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sequence_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sessions_list_row_selected_cb);
}

static void
fd_slot_create_popover_init (FdSlotCreatePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_slot_create_popover_new:
 *
 * Returns: (transfer floating): a popover with no draft
 */
GtkWidget *
fd_slot_create_popover_new (void)
{
  return g_object_new (FD_TYPE_SLOT_CREATE_POPOVER, NULL);
}

/**
 * fd_slot_create_popover_set_draft:
 * @self: a #FdSlotCreatePopover
 * @database: the database the sessions are read from
 * @draft: (transfer full): the new slot, without a session
 * @where: (nullable): the lane's trainer or room, as shown
 *
 * Shows @draft: its times and @where, the sessions near its day with the
 * nearest chosen, and its check. The search is cleared.
 */
void
fd_slot_create_popover_set_draft (FdSlotCreatePopover *self,
                                  FdDatabase          *database,
                                  FdSlotDraft         *draft,
                                  const char          *where)
{
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *when = NULL;

  g_return_if_fail (FD_IS_SLOT_CREATE_POPOVER (self));
  g_return_if_fail (FD_IS_DATABASE (database));
  g_return_if_fail (draft != NULL);

  g_set_object (&self->database, database);
  g_clear_pointer (&self->draft, fd_slot_draft_free);
  self->draft = draft;

  day = g_strndup (fd_slot_draft_get_start_at (draft), 10);
  date = fd_format_date_long (day);
  time = fd_format_time_range (fd_slot_draft_get_start_at (draft), fd_slot_draft_get_end_at (draft));
  /* Translators: when a new slot is, as in "Tuesday 3 March 2026, 09:00–12:00" */
  when = g_strdup_printf (_("%1$s, %2$s"), date != NULL ? date : day, time != NULL ? time : "");
  gtk_label_set_label (self->when_label, when);
  gtk_label_set_label (self->where_label, where != NULL ? where : "");
  gtk_widget_set_visible (GTK_WIDGET (self->where_label), where != NULL && *where != '\0');

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->filling = FALSE;
  fill_sessions (self);
  if (fd_slot_draft_get_session_id (draft) == NULL)
    update_check (self);
}

/**
 * fd_slot_create_popover_get_draft:
 *
 * Returns: (transfer none) (nullable): the slot shown, with the session
 *   and sequence chosen
 */
FdSlotDraft *
fd_slot_create_popover_get_draft (FdSlotCreatePopover *self)
{
  g_return_val_if_fail (FD_IS_SLOT_CREATE_POPOVER (self), NULL);

  return self->draft;
}

/**
 * fd_slot_create_popover_clear:
 * @self: a #FdSlotCreatePopover
 *
 * Forgets the draft (once planned, or when the page changes).
 */
void
fd_slot_create_popover_clear (FdSlotCreatePopover *self)
{
  g_return_if_fail (FD_IS_SLOT_CREATE_POPOVER (self));

  g_clear_pointer (&self->draft, fd_slot_draft_free);
  fill_sessions (self);
  fill_sequences (self);
  update_plan_button (self);
}
