/* fd-account-dialog.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-account-dialog.h"

#include "fd-field-message.h"
#include "fd-trainer-chooser.h"
#include "fd-user-ui.h"

/* FdAccountDialog:
 *
 * Adds a local account: email, name, role (with the trainer card of a
 * trainer, the place of a signature kiosk) and password. Core checks
 * everything and names the field that is wrong; the dialog shows its
 * message under that field and stays open. Only the confirmation of the
 * password is checked here, before asking core. The password is hashed in
 * a worker thread; closing the dialog meanwhile writes nothing.
 */
struct _FdAccountDialog
{
  AdwWindow           parent_instance;

  FdDatabase         *database;
  GCancellable       *cancellable;
  GStrv               place_ids;

  GtkButton          *add_button;
  FdFieldMessage     *confirm_message;
  AdwPasswordEntryRow *confirm_row;
  FdFieldMessage     *email_message;
  AdwEntryRow        *email_row;
  GtkLabel           *error_label;
  FdFieldMessage     *name_message;
  AdwEntryRow        *name_row;
  FdFieldMessage     *password_message;
  AdwPasswordEntryRow *password_row;
  FdFieldMessage     *place_message;
  AdwComboRow        *place_row;
  GtkStringList      *places;
  AdwComboRow        *role_row;
  GtkSpinner         *spinner;
  FdTrainerChooser   *trainer_chooser;
  FdFieldMessage     *trainer_message;
};

G_DEFINE_FINAL_TYPE (FdAccountDialog, fd_account_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  ACCOUNT_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static FdRole
get_role (FdAccountDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  return selected < FD_N_ROLES ? (FdRole) selected : FD_ROLE_PLANNER;
}

static const char *
get_place_id (FdAccountDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->place_row);

  if (self->place_ids == NULL || selected >= g_strv_length (self->place_ids))
    return NULL;

  return self->place_ids[selected];
}

static char *
get_role_label (AdwEnumListItem *item,
                gpointer         user_data)
{
  return g_strdup (fd_role_get_label (adw_enum_list_item_get_value (item)));
}

static void
clear_errors (FdAccountDialog *self)
{
  FdFieldMessage *messages[] = {
    self->email_message, self->name_message, self->trainer_message, self->place_message,
    self->password_message, self->confirm_message,
  };

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    fd_field_message_set_message (messages[i], NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Shows @error at the field it names, or under the form */
static void
show_error (FdAccountDialog *self,
            const GError    *error)
{
  const char *field = fd_user_ui_get_error_field (error);
  struct {
    const char *field;
    FdFieldMessage *message;
  } fields[] = {
    { "email", self->email_message },
    { "display_name", self->name_message },
    { "trainer_id", self->trainer_message },
    { "place_id", self->place_message },
    { "password", self->password_message },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = fd_field_message_get_field (fields[i].message);

      if (g_strcmp0 (field, fields[i].field) == 0 && gtk_widget_get_visible (row))
        {
          fd_field_message_show (fields[i].message, error->message);
          return;
        }
    }

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
set_busy (FdAccountDialog *self,
          gboolean         busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
update_role_rows (FdAccountDialog *self)
{
  FdRole role = get_role (self);
  gboolean trainer = role == FD_ROLE_TRAINER;
  gboolean kiosk = role == FD_ROLE_KIOSK;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row), fd_role_get_description (role));

  gtk_widget_set_visible (GTK_WIDGET (self->trainer_chooser), trainer);
  if (!trainer)
    fd_field_message_set_message (self->trainer_message, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->place_row), kiosk);
  if (!kiosk)
    fd_field_message_set_message (self->place_message, NULL);
}

static void
load_places (FdAccountDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = fd_database_list_options (self->database, FD_OPTION_PLACE, NULL,
                                                          &error);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  if (places == NULL)
    g_warning ("Could not list the places: %s", error->message);
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      FdOption *place = g_ptr_array_index (places, i);

      g_strv_builder_add (ids, fd_option_get_id (place));
      g_strv_builder_add (labels, fd_option_get_label (place));
    }
  g_clear_pointer (&self->place_ids, g_strfreev);
  self->place_ids = g_strv_builder_end (ids);
  names = g_strv_builder_end (labels);

  gtk_string_list_splice (self->places, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->places)),
                          (const char * const *) names);

  gtk_widget_set_sensitive (GTK_WIDGET (self->place_row), names != NULL && names[0] != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->place_row),
                               names != NULL && names[0] != NULL
                               ? _("Where the kiosk stands")
                               : _("No place yet: the kiosk is tied to none"));
}

static void
on_role_row_selected_notify_cb (FdAccountDialog *self,
                                GParamSpec      *pspec,
                                AdwComboRow     *row)
{
  update_role_rows (self);
}

static void
on_role_factory_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          FdAccountDialog          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 40);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), description);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (list_item, box);
}

static void
on_role_factory_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         FdAccountDialog          *self)
{
  AdwEnumListItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *description = gtk_widget_get_next_sibling (label);
  FdRole role = adw_enum_list_item_get_value (item);

  gtk_label_set_text (GTK_LABEL (label), fd_role_get_label (role));
  gtk_label_set_text (GTK_LABEL (description), fd_role_get_description (role));
}

static void
on_add_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FdAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) user = NULL;

  user = fd_accounts_add_finish (FD_DATABASE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (user == NULL)
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[ACCOUNT_ADDED], 0, user);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_add_button_clicked_cb (FdAccountDialog *self,
                          GtkButton       *button)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *confirmation = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  FdRole role = get_role (self);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;

  clear_errors (self);

  if (!fd_field_message_check_confirmation (self->confirm_message, password, confirmation))
    return;

  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  fd_accounts_add_async (self->database,
                         gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
                         gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                         role,
                         role == FD_ROLE_TRAINER
                         ? fd_trainer_chooser_get_trainer_id (self->trainer_chooser) : NULL,
                         role == FD_ROLE_KIOSK ? get_place_id (self) : NULL,
                         password,
                         self->cancellable,
                         on_add_cb,
                         g_object_ref (self));
}

static void
fd_account_dialog_constructed (GObject *object)
{
  FdAccountDialog *self = FD_ACCOUNT_DIALOG (object);

  G_OBJECT_CLASS (fd_account_dialog_parent_class)->constructed (object);

  fd_trainer_chooser_set_database (self->trainer_chooser, self->database);
  load_places (self);
}

static void
fd_account_dialog_dispose (GObject *object)
{
  FdAccountDialog *self = FD_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_ACCOUNT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_account_dialog_parent_class)->dispose (object);
}

static void
fd_account_dialog_finalize (GObject *object)
{
  FdAccountDialog *self = FD_ACCOUNT_DIALOG (object);

  g_clear_pointer (&self->place_ids, g_strfreev);

  G_OBJECT_CLASS (fd_account_dialog_parent_class)->finalize (object);
}

static void
fd_account_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdAccountDialog *self = FD_ACCOUNT_DIALOG (object);

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
fd_account_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdAccountDialog *self = FD_ACCOUNT_DIALOG (object);

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
fd_account_dialog_class_init (FdAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_account_dialog_constructed;
  object_class->dispose = fd_account_dialog_dispose;
  object_class->finalize = fd_account_dialog_finalize;
  object_class->get_property = fd_account_dialog_get_property;
  object_class->set_property = fd_account_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdAccountDialog::account-added:
   * @self: the dialog
   * @user: the new account
   *
   * Emitted once the account is written, before the dialog closes.
   */
  signals[ACCOUNT_ADDED] =
    g_signal_new ("account-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, FD_TYPE_USER);

  g_type_ensure (FD_TYPE_FIELD_MESSAGE);
  g_type_ensure (FD_TYPE_TRAINER_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-account-dialog.ui");

  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, confirm_message);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, email_message);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, password_message);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, place_message);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, places);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, trainer_chooser);
  gtk_widget_class_bind_template_child (widget_class, FdAccountDialog, trainer_message);

  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_role_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_role_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_role_row_selected_notify_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_account_dialog_init (FdAccountDialog *self)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(AdwEnumListModel) roles = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The label first: a combo row binds its items as soon as it has some */
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (get_role_label), NULL, NULL);
  adw_combo_row_set_expression (self->role_row, expression);
  roles = adw_enum_list_model_new (FD_TYPE_ROLE);
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row, FD_ROLE_PLANNER);
  update_role_rows (self);

  /* Typing in a field clears what was said about it */
  fd_field_message_clear_on (self->email_message, self->email_row, "changed");
  fd_field_message_clear_on (self->name_message, self->name_row, "changed");
  fd_field_message_clear_on (self->trainer_message, self->trainer_chooser, "notify::trainer-id");
  fd_field_message_clear_on (self->place_message, self->place_row, "notify::selected");
  fd_field_message_clear_on (self->password_message, self->password_row, "changed");
  fd_field_message_clear_on (self->confirm_message, self->confirm_row, "changed");
}

/**
 * fd_account_dialog_new:
 * @parent: the window the dialog is for
 * @database: where to add the account
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
GtkWidget *
fd_account_dialog_new (GtkWindow  *parent,
                       FdDatabase *database)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  return g_object_new (FD_TYPE_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       NULL);
}
