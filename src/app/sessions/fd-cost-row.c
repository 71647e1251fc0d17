/* fd-cost-row.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cost-row"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cost-row.h"

#include "fd-attachment-list.h"
#include "fd-editor-helpers.h"

/* FdCostRow:
 *
 * One cost line of a session, edited in place: its amount, its
 * distribution (global, or per trainee times a quantity), its provider
 * (free text, with the providers already named as suggestions) and its
 * attachments (an #FdAttachmentList). Nothing is written until the
 * session page saves: the row only turns what was edited into changes
 * (fd_cost_row_build_changes()), made on the revisions it was shown with.
 */

#define MAX_SUGGESTIONS 20

struct _FdCostRow
{
  AdwExpanderRow  parent_instance;

  FdDatabase     *database;
  GListModel     *providers;

  /* As read, for an existing line */
  char           *id;
  gint64          revision;
  char           *type;
  gint64          amount_cents;
  gboolean        per_trainee;
  gint64          quantity;
  char           *provider;

  FdAttachmentList *attachments;
  gboolean        removed;
  gboolean        filling;

  AdwEntryRow    *amount_row;
  GtkButton      *attach_button;
  AdwActionRow   *attach_row;
  AdwComboRow    *distribution_row;
  GtkMenuButton  *providers_button;
  AdwEntryRow    *provider_row;
  AdwActionRow   *quantity_row;
  GtkSpinButton  *quantity_spin;
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (FdCostRow, fd_cost_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_per_trainee (FdCostRow *self)
{
  return adw_combo_row_get_selected (self->distribution_row) == 1;
}

static gint64
get_quantity (FdCostRow *self)
{
  return (gint64) gtk_spin_button_get_value_as_int (self->quantity_spin);
}

static gboolean
parse_amount (FdCostRow *self,
              gint64    *cents)
{
  return fd_input_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), cents);
}

static void
update_summary (FdCostRow *self)
{
  g_autofree char *amount = NULL;
  g_autofree char *provider = fd_editor_dup_text (self->provider_row);
  g_autofree char *subtitle = NULL;
  g_autofree char *distribution = NULL;
  gint64 cents;

  if (parse_amount (self, &cents))
    amount = fd_format_money (cents);
  else
    amount = g_strdup (_("No amount"));

  if (is_per_trainee (self))
    /* Translators: a cost paid for each trainee, « × 8 trainees » */
    distribution = g_strdup_printf (ngettext ("× %d trainee", "× %d trainees", get_quantity (self)),
                                    (int) get_quantity (self));
  else
    distribution = g_strdup (C_("cost distribution", "Global"));

  subtitle = g_strjoin (" · ", amount, distribution, provider != NULL ? provider : NULL, NULL);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_widget_set_sensitive (GTK_WIDGET (self->quantity_row), is_per_trainee (self));
}

static void
emit_changed (FdCostRow *self)
{
  update_summary (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_field_changed_cb (FdCostRow *self)
{
  if (self->filling)
    return;

  fd_cost_row_clear_errors (self);
  emit_changed (self);
}

static void
on_provider_chosen_cb (GtkButton *button,
                       FdCostRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->provider_row),
                         g_object_get_data (G_OBJECT (button), "provider"));
  gtk_menu_button_popdown (self->providers_button);
}

/* The providers already named that start like what is typed */
static void
update_suggestions (FdCostRow *self)
{
  g_autofree char *typed = NULL;
  GtkWidget *box;
  GtkWidget *popover;
  guint n;
  guint shown = 0;

  if (self->providers == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->providers_button), FALSE);
      return;
    }

  typed = fd_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->provider_row)));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  n = g_list_model_get_n_items (self->providers);

  for (guint i = 0; i < n && shown < MAX_SUGGESTIONS; i++)
    {
      g_autoptr(FdOption) choice = g_list_model_get_item (self->providers, i);
      g_autofree char *folded = fd_text_fold (fd_option_get_label (choice));
      GtkWidget *button;

      if (typed != NULL && *typed != '\0' && !g_str_has_prefix (folded, typed))
        continue;

      button = gtk_button_new_with_label (fd_option_get_label (choice));
      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_object_set_data_full (G_OBJECT (button), "provider",
                              g_strdup (fd_option_get_label (choice)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_provider_chosen_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->providers_button), shown > 0);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->providers_button, popover);
}

static void
on_provider_row_changed_cb (FdCostRow *self)
{
  on_field_changed_cb (self);
  if (!self->filling)
    update_suggestions (self);
}

static void
on_attach_button_clicked_cb (FdCostRow *self)
{
  fd_attachment_list_choose_file (self->attachments, GTK_WIDGET (self));
}

static void
on_attachments_changed_cb (FdCostRow *self)
{
  fd_editor_clear_field_error (GTK_WIDGET (self->attach_row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  emit_changed (self);
}

static void
on_attachments_failed_cb (FdCostRow  *self,
                          const char *message)
{
  fd_editor_show_field_error (GTK_WIDGET (self->attach_row), message);
}

static void
on_remove_button_clicked_cb (FdCostRow *self)
{
  self->removed = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  emit_changed (self);
}

static void
fill (FdCostRow  *self,
      const char *type,
      gint64      amount_cents,
      gboolean    per_trainee,
      gint64      quantity,
      const char *provider)
{
  g_autofree char *amount = amount_cents > 0 || self->id != NULL
                            ? fd_input_format_money (amount_cents) : NULL;

  self->filling = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), fd_editor_cost_type_label (type));
  fd_editor_set_text (self->amount_row, amount);
  adw_combo_row_set_selected (self->distribution_row, per_trainee ? 1 : 0);
  gtk_spin_button_set_value (self->quantity_spin, (double) MAX (1, quantity));
  fd_editor_set_text (self->provider_row, provider);
  self->filling = FALSE;

  update_summary (self);
}

static void
fd_cost_row_dispose (GObject *object)
{
  FdCostRow *self = FD_COST_ROW (object);

  g_clear_object (&self->attachments);
  g_clear_object (&self->providers);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_cost_row_parent_class)->dispose (object);
}

static void
fd_cost_row_finalize (GObject *object)
{
  FdCostRow *self = FD_COST_ROW (object);

  g_free (self->id);
  g_free (self->type);
  g_free (self->provider);

  G_OBJECT_CLASS (fd_cost_row_parent_class)->finalize (object);
}

static void
fd_cost_row_class_init (FdCostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_cost_row_dispose;
  object_class->finalize = fd_cost_row_finalize;

  /**
   * FdCostRow::changed:
   *
   * Emitted when the user edits the line, removes it, or attaches or
   * removes a file.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-cost-row.ui");

  gtk_widget_class_bind_template_child (widget_class, FdCostRow, amount_row);
  gtk_widget_class_bind_template_child (widget_class, FdCostRow, attach_button);
  gtk_widget_class_bind_template_child (widget_class, FdCostRow, attach_row);
  gtk_widget_class_bind_template_child (widget_class, FdCostRow, distribution_row);
  gtk_widget_class_bind_template_child (widget_class, FdCostRow, providers_button);
  gtk_widget_class_bind_template_child (widget_class, FdCostRow, provider_row);
  gtk_widget_class_bind_template_child (widget_class, FdCostRow, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, FdCostRow, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, FdCostRow, remove_button);

  gtk_widget_class_bind_template_callback (widget_class, on_attach_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_provider_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_button_clicked_cb);
}

static void
fd_cost_row_init (FdCostRow *self)
{
  self->quantity = 1;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->providers_button), FALSE);
}

static void
track_attachments (FdCostRow *self)
{
  self->attachments = fd_attachment_list_new (self->database, GTK_WIDGET (self));
  g_signal_connect_object (self->attachments, "changed", G_CALLBACK (on_attachments_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attachments, "failed", G_CALLBACK (on_attachments_failed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * fd_cost_row_new_for_cost:
 * @database: the database the line is read from
 * @cost: a cost line as read
 *
 * Returns: (transfer floating): a row editing @cost
 */
GtkWidget *
fd_cost_row_new_for_cost (FdDatabase       *database,
                          const FdPlanCost *cost)
{
  FdCostRow *self;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (cost != NULL, NULL);

  self = g_object_new (FD_TYPE_COST_ROW, NULL);
  self->database = g_object_ref (database);
  self->id = g_strdup (cost->id);
  self->revision = cost->revision;
  self->type = g_strdup (cost->type);
  self->amount_cents = cost->amount_cents;
  self->per_trainee = g_strcmp0 (cost->distribution, "per_trainee") == 0;
  self->quantity = cost->quantity;
  self->provider = g_strdup (cost->provider);

  track_attachments (self);
  for (guint i = 0; i < cost->attachments->len; i++)
    fd_attachment_list_add_saved (self->attachments, g_ptr_array_index (cost->attachments, i));

  fill (self, self->type, self->amount_cents, self->per_trainee, self->quantity, self->provider);

  return GTK_WIDGET (self);
}

/**
 * fd_cost_row_new_for_type:
 * @database: the database the line will be written to
 * @type: the cost type's code
 * @amount_cents: the amount to start from (the training's price), or 0
 *
 * Returns: (transfer floating): a row for a new line, open for editing
 */
GtkWidget *
fd_cost_row_new_for_type (FdDatabase *database,
                          const char *type,
                          gint64      amount_cents)
{
  FdCostRow *self;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  self = g_object_new (FD_TYPE_COST_ROW, NULL);
  self->database = g_object_ref (database);
  self->type = g_strdup (type);
  track_attachments (self);

  /* The amount is shown as typed, so that saving it untouched writes it */
  fill (self, type, amount_cents, FALSE, 1, NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);

  return GTK_WIDGET (self);
}

/* Returns: (nullable): the line's id; %NULL until it is saved */
const char *
fd_cost_row_get_cost_id (FdCostRow *self)
{
  g_return_val_if_fail (FD_IS_COST_ROW (self), NULL);

  return self->id;
}

gboolean
fd_cost_row_is_removed (FdCostRow *self)
{
  g_return_val_if_fail (FD_IS_COST_ROW (self), FALSE);

  return self->removed;
}

/**
 * fd_cost_row_is_modified:
 * @self: a #FdCostRow
 *
 * Returns: whether saving would write something: a new line, a removed
 *   one, a field or an attachment changed
 */
gboolean
fd_cost_row_is_modified (FdCostRow *self)
{
  g_autofree char *provider = NULL;
  gint64 cents;

  g_return_val_if_fail (FD_IS_COST_ROW (self), FALSE);

  if (self->removed)
    return self->id != NULL;
  if (self->id == NULL)
    return TRUE;

  provider = fd_editor_dup_text (self->provider_row);

  return !parse_amount (self, &cents) || cents != self->amount_cents ||
         is_per_trainee (self) != self->per_trainee ||
         (is_per_trainee (self) && get_quantity (self) != self->quantity) ||
         g_strcmp0 (provider, self->provider) != 0 ||
         fd_attachment_list_is_modified (self->attachments);
}

/**
 * fd_cost_row_get_total:
 * @self: a #FdCostRow
 * @cents: (out): what the line costs: its amount, times its quantity
 *   when it is per trainee
 *
 * Returns: %FALSE when the amount typed is not an amount
 */
gboolean
fd_cost_row_get_total (FdCostRow *self,
                       gint64    *cents)
{
  gint64 amount;

  g_return_val_if_fail (FD_IS_COST_ROW (self), FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  *cents = 0;
  if (self->removed)
    return TRUE;
  if (!parse_amount (self, &amount))
    return FALSE;

  *cents = is_per_trainee (self) ? amount * get_quantity (self) : amount;

  return TRUE;
}

/* Suggestions for the provider: a list of #FdOption */
void
fd_cost_row_set_providers (FdCostRow  *self,
                           GListModel *providers)
{
  g_return_if_fail (FD_IS_COST_ROW (self));
  g_return_if_fail (providers == NULL || G_IS_LIST_MODEL (providers));

  g_set_object (&self->providers, providers);
  update_suggestions (self);
}

/**
 * fd_cost_row_build_changes:
 * @self: a #FdCostRow
 * @session_id: the session of the line
 * @changes: (element-type FdChange): where to append the changes
 * @error: return location for a #GError
 *
 * Appends what saving the line writes: its creation, its update (only the
 * fields edited, on the revision shown) or its deletion, with its
 * attachments'. What the write path cannot check (an amount that is not
 * a number) is refused here, as a %FD_VALIDATION_ERROR naming the field.
 *
 * Returns: %FALSE with @error set if the line cannot be saved as it is
 */
gboolean
fd_cost_row_build_changes (FdCostRow   *self,
                           const char  *session_id,
                           GPtrArray   *changes,
                           GError     **error)
{
  g_autoptr(FdChange) change = NULL;
  g_autofree char *provider = NULL;
  const char *cost_id;
  gint64 cents;

  g_return_val_if_fail (FD_IS_COST_ROW (self), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!fd_cost_row_is_modified (self))
    return TRUE;

  if (self->removed)
    {
      fd_attachment_list_build_deletes (self->attachments, changes);
      g_ptr_array_add (changes, fd_change_new_delete ("cost", self->id, self->revision));
      return TRUE;
    }

  if (!parse_amount (self, &cents))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "amount_cents",
                          _("Type the amount in euros, such as 120 or 120,50."));
      return FALSE;
    }

  provider = fd_editor_dup_text (self->provider_row);

  if (self->id == NULL)
    {
      change = fd_change_new_create ("cost");
      fd_change_set_string (change, "session_id", session_id);
      fd_change_set_string (change, "type", self->type);
      fd_change_set_int (change, "amount_cents", cents);
      fd_change_set_string (change, "distribution",
                            is_per_trainee (self) ? "per_trainee" : "global");
      fd_change_set_int (change, "quantity", is_per_trainee (self) ? get_quantity (self) : 1);
      if (provider != NULL)
        fd_change_set_string (change, "provider", provider);
    }
  else
    {
      change = fd_change_new_update ("cost", self->id, self->revision);
      if (cents != self->amount_cents)
        fd_change_set_int (change, "amount_cents", cents);
      if (is_per_trainee (self) != self->per_trainee)
        fd_change_set_string (change, "distribution",
                              is_per_trainee (self) ? "per_trainee" : "global");
      if (is_per_trainee (self) && get_quantity (self) != self->quantity)
        fd_change_set_int (change, "quantity", get_quantity (self));
      if (g_strcmp0 (provider, self->provider) != 0)
        {
          if (provider != NULL)
            fd_change_set_string (change, "provider", provider);
          else
            fd_change_set_null (change, "provider");
        }
    }

  cost_id = fd_change_get_id (change);
  if (fd_change_get_n_fields (change) > 0)
    g_ptr_array_add (changes, fd_change_ref (change));

  fd_attachment_list_build_changes (self->attachments, "cost", cost_id, changes);

  return TRUE;
}

static GtkWidget *
row_of_field (FdCostRow  *self,
              const char *field)
{
  if (g_strcmp0 (field, "amount_cents") == 0)
    return GTK_WIDGET (self->amount_row);
  if (g_strcmp0 (field, "distribution") == 0)
    return GTK_WIDGET (self->distribution_row);
  if (g_strcmp0 (field, "quantity") == 0)
    return GTK_WIDGET (self->quantity_row);
  if (g_strcmp0 (field, "provider") == 0)
    return GTK_WIDGET (self->provider_row);
  if (g_strcmp0 (field, "blob_sha256") == 0 || g_strcmp0 (field, "file_name") == 0)
    return GTK_WIDGET (self->attach_row);

  return NULL;
}

/**
 * fd_cost_row_show_error:
 * @self: a #FdCostRow
 * @error: an error of the write path
 *
 * Shows @error at the field it names, opening the line.
 *
 * Returns: whether @error names a field of the line
 */
gboolean
fd_cost_row_show_error (FdCostRow    *self,
                        const GError *error)
{
  GtkWidget *row;

  g_return_val_if_fail (FD_IS_COST_ROW (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  row = row_of_field (self, fd_validation_error_get_field (error));
  if (row == NULL)
    return FALSE;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  fd_editor_show_field_error (row, error->message);

  return TRUE;
}

void
fd_cost_row_clear_errors (FdCostRow *self)
{
  g_return_if_fail (FD_IS_COST_ROW (self));

  fd_editor_clear_field_error (GTK_WIDGET (self->amount_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->distribution_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->quantity_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->provider_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->attach_row));
}

/**
 * fd_cost_row_attach_bytes:
 * @self: a #FdCostRow
 * @file_name: the file's name, as shown
 * @bytes: its contents
 * @mime_type: (nullable): its type
 * @error: return location for a #GError
 *
 * Stores @bytes as a blob (by its SHA-256) and adds the attachment to the
 * line; its row is written when the session page saves.
 *
 * Returns: %FALSE with @error set if the file could not be stored
 */
gboolean
fd_cost_row_attach_bytes (FdCostRow   *self,
                          const char  *file_name,
                          GBytes      *bytes,
                          const char  *mime_type,
                          GError     **error)
{
  g_return_val_if_fail (FD_IS_COST_ROW (self), FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  return fd_attachment_list_attach_bytes (self->attachments, file_name, bytes, mime_type, error);
}

/* The attachments the line shows, saved or not */
guint
fd_cost_row_get_n_attachments (FdCostRow *self)
{
  g_return_val_if_fail (FD_IS_COST_ROW (self), 0);

  return fd_attachment_list_get_n_attachments (self->attachments);
}
