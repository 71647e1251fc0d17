/* fd-date-row.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fd-date-row.h"

#include "fd-core.h"

/* FdDateRow:
 *
 * An entry row for a date, or for several dates at once ("03/03/2026,
 * 10/03/2026": a slot is made for each), typed as
 * fd_input_parse_date() reads them or picked in a calendar at its end.
 * In a multiple row, each day picked is added to the list; picking it
 * again takes it off.
 */
struct _FdDateRow
{
  AdwEntryRow  parent_instance;

  gboolean     multiple;
  GtkCalendar *calendar;
  GtkPopover  *popover;
};

G_DEFINE_FINAL_TYPE (FdDateRow, fd_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_MULTIPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
calendar_iso_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
on_calendar_day_selected_cb (FdDateRow   *self,
                             GtkCalendar *calendar)
{
  g_autofree char *iso = calendar_iso_date (calendar);

  if (!self->multiple)
    {
      fd_date_row_set_date (self, iso);
      gtk_popover_popdown (self->popover);
      return;
    }

  fd_date_row_add_date (self, iso);
}

/* Opens the calendar on the (first) date typed, if any */
static void
on_popover_show_cb (FdDateRow  *self,
                    GtkPopover *popover)
{
  g_auto(GStrv) dates = fd_input_parse_dates (gtk_editable_get_text (GTK_EDITABLE (self)), NULL);
  g_autoptr(GDateTime) date = NULL;
  int year;
  int month;
  int day;

  if (dates == NULL || sscanf (dates[0], "%d-%d-%d", &year, &month, &day) != 3)
    return;

  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    return;

  g_signal_handlers_block_by_func (self->calendar, on_calendar_day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, date);
  g_signal_handlers_unblock_by_func (self->calendar, on_calendar_day_selected_cb, self);
}

static void
fd_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FdDateRow *self = FD_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FdDateRow *self = FD_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      fd_date_row_set_multiple (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_date_row_class_init (FdDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fd_date_row_get_property;
  object_class->set_property = fd_date_row_set_property;

  /**
   * FdDateRow:multiple:
   *
   * Whether the row takes several dates, separated by commas.
   */
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_date_row_init (FdDateRow *self)
{
  GtkWidget *button = gtk_menu_button_new ();

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->calendar));
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (on_calendar_day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "show",
                           G_CALLBACK (on_popover_show_cb), self, G_CONNECT_SWAPPED);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (self->popover));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Pick in a Calendar"));
  gtk_widget_add_css_class (button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), button);
}

GtkWidget *
fd_date_row_new (void)
{
  return g_object_new (FD_TYPE_DATE_ROW, NULL);
}

gboolean
fd_date_row_get_multiple (FdDateRow *self)
{
  g_return_val_if_fail (FD_IS_DATE_ROW (self), FALSE);

  return self->multiple;
}

void
fd_date_row_set_multiple (FdDateRow *self,
                          gboolean   multiple)
{
  g_return_if_fail (FD_IS_DATE_ROW (self));

  multiple = !!multiple;
  if (self->multiple == multiple)
    return;

  self->multiple = multiple;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MULTIPLE]);
}

/**
 * fd_date_row_get_date:
 * @self: a #FdDateRow
 * @iso_date: (out) (transfer full) (nullable): the date typed, ISO, or
 *   %NULL when the row is blank
 *
 * Returns: %FALSE when the row holds something that is not one date
 */
gboolean
fd_date_row_get_date (FdDateRow  *self,
                      char      **iso_date)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (FD_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (iso_date != NULL, FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  *iso_date = NULL;
  if (*text == '\0')
    return TRUE;

  *iso_date = fd_input_parse_date (text);

  return *iso_date != NULL;
}

/**
 * fd_date_row_get_dates:
 * @self: a #FdDateRow
 * @bad_part: (out) (optional) (transfer full): the first part that is not
 *   a date, if any
 *
 * Returns: (transfer full) (nullable): the ISO dates typed, sorted, or
 *   %NULL when there is none or one part is not a date
 */
GStrv
fd_date_row_get_dates (FdDateRow  *self,
                       char      **bad_part)
{
  g_return_val_if_fail (FD_IS_DATE_ROW (self), NULL);

  return fd_input_parse_dates (gtk_editable_get_text (GTK_EDITABLE (self)), bad_part);
}

/* Shows @iso_date (or nothing, if %NULL) */
void
fd_date_row_set_date (FdDateRow  *self,
                      const char *iso_date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (FD_IS_DATE_ROW (self));

  text = iso_date != NULL ? fd_format_date_short (iso_date) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
}

/* Adds @iso_date to the dates of a multiple row, or takes it off when it
 * is there already */
void
fd_date_row_add_date (FdDateRow  *self,
                      const char *iso_date)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) dates = NULL;
  g_auto(GStrv) merged = NULL;
  g_autofree char *text = NULL;
  gboolean removed = FALSE;

  g_return_if_fail (FD_IS_DATE_ROW (self));
  g_return_if_fail (iso_date != NULL);

  dates = fd_date_row_get_dates (self, NULL);
  for (guint i = 0; dates != NULL && dates[i] != NULL; i++)
    {
      if (g_str_equal (dates[i], iso_date))
        removed = TRUE;
      else
        g_strv_builder_add (builder, dates[i]);
    }
  if (!removed)
    g_strv_builder_add (builder, iso_date);

  /* Sorted again by parsing what it shows */
  merged = g_strv_builder_end (builder);
  text = fd_input_format_dates ((const char * const *) merged);
  {
    g_auto(GStrv) sorted = fd_input_parse_dates (text, NULL);
    g_autofree char *sorted_text = fd_input_format_dates ((const char * const *) sorted);

    gtk_editable_set_text (GTK_EDITABLE (self), sorted_text);
  }
}
