/* fd-option-dropdown.c — a dropdown of core's options, "any" first
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-option-dropdown"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-option-dropdown.h"

#include "fd-option.h"

/**
 * fd_option_dropdown_fill:
 * @dropdown: a dropdown
 * @any: the first row's label, for no choice ("Any place")
 * @options: (nullable) (element-type FdOption): the choices, in order
 * @chosen_id: (nullable): the id to select, if it is among @options
 *
 * Puts @any then the labels of @options in @dropdown, searchable by what
 * is typed, and selects @chosen_id (else @any).
 *
 * Returns: (transfer full) (element-type utf8): the id of each row, %NULL
 *   for the first; keep it for fd_option_dropdown_get_id()
 */
GPtrArray *
fd_option_dropdown_fill (GtkDropDown *dropdown,
                         const char  *any,
                         GPtrArray   *options,
                         const char  *chosen_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), ids);
  g_return_val_if_fail (any != NULL, ids);

  g_ptr_array_add (ids, NULL);
  gtk_string_list_append (labels, any);
  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      FdOption *option = g_ptr_array_index (options, i);

      if (chosen_id != NULL && g_strcmp0 (fd_option_get_id (option), chosen_id) == 0)
        selected = ids->len;
      g_ptr_array_add (ids, g_strdup (fd_option_get_id (option)));
      gtk_string_list_append (labels, fd_option_get_label (option));
    }

  if (gtk_drop_down_get_expression (dropdown) == NULL)
    {
      g_autoptr(GtkExpression) expression =
        gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      gtk_drop_down_set_expression (dropdown, expression);
    }
  gtk_drop_down_set_enable_search (dropdown, options != NULL && options->len > 10);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, selected);

  return ids;
}

/**
 * fd_option_dropdown_get_id:
 * @dropdown: a dropdown filled by fd_option_dropdown_fill()
 * @ids: (nullable): what it returned
 *
 * Returns: (transfer none) (nullable): the id chosen, %NULL for "any"
 */
const char *
fd_option_dropdown_get_id (GtkDropDown *dropdown,
                           GPtrArray   *ids)
{
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);

  selected = gtk_drop_down_get_selected (dropdown);
  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return NULL;

  return g_ptr_array_index (ids, selected);
}

/**
 * fd_filters_dup_label:
 * @n_set: how many filters are in use
 *
 * Returns: (transfer full): the label of a filters button, "Filters" or
 *   "Filters (2)", translated
 */
char *
fd_filters_dup_label (guint n_set)
{
  if (n_set == 0)
    return g_strdup (_("Filters"));

  /* Translators: %u is how many filters are in use */
  return g_strdup_printf (ngettext ("Filters (%u)", "Filters (%u)", n_set), n_set);
}
