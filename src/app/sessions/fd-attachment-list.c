/* fd-attachment-list.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-attachment-list"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-attachment-list.h"

/* FdAttachmentList:
 *
 * The files attached to one record (a cost line, a session email) while
 * it is edited: those saved, those attached since and those removed, each
 * shown as a row of @container (an #AdwExpanderRow or an
 * #AdwPreferencesGroup) with a button to remove it. Files attached are
 * stored as blobs at once (content-addressed, harmless if never
 * referenced); their attachment rows are written only when the editor
 * saves, as the changes fd_attachment_list_build_changes() appends.
 */

typedef struct
{
  char *id;          /* NULL: not saved yet */
  gint64 revision;
  char *file_name;
  char *sha256;
  char *mime_type;
  gboolean removed;
  GtkWidget *row;
} Attachment;

struct _FdAttachmentList
{
  GObject     parent_instance;

  FdDatabase *database;
  GtkWidget  *container;   /* weak */
  GPtrArray  *attachments; /* Attachment */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (FdAttachmentList, fd_attachment_list, G_TYPE_OBJECT)

enum {
  CHANGED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
attachment_free (Attachment *attachment)
{
  g_free (attachment->id);
  g_free (attachment->file_name);
  g_free (attachment->sha256);
  g_free (attachment->mime_type);
  g_free (attachment);
}

static void
container_add (FdAttachmentList *self,
               GtkWidget        *row)
{
  if (ADW_IS_EXPANDER_ROW (self->container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self->container), row);
  else if (ADW_IS_PREFERENCES_GROUP (self->container))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->container), row);
}

static void
container_remove (FdAttachmentList *self,
                  GtkWidget        *row)
{
  if (ADW_IS_EXPANDER_ROW (self->container))
    adw_expander_row_remove (ADW_EXPANDER_ROW (self->container), row);
  else if (ADW_IS_PREFERENCES_GROUP (self->container))
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->container), row);
}

static void
on_remove_clicked_cb (GtkButton        *button,
                      FdAttachmentList *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      if (attachment->row != row)
        continue;

      if (self->container != NULL)
        container_remove (self, row);
      attachment->row = NULL;
      if (attachment->id != NULL)
        attachment->removed = TRUE;
      else
        g_ptr_array_remove_index (self->attachments, i);
      break;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_row (FdAttachmentList *self,
         Attachment       *attachment)
{
  GtkWidget *row;
  GtkWidget *remove;

  if (self->container == NULL)
    return;

  row = adw_action_row_new ();
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attachment->file_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               attachment->id == NULL ? _("Attached when saved") : "");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("mail-attachment-symbolic"));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove This Attachment"));
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  attachment->row = row;
  container_add (self, row);
}

static void
on_file_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FdAttachmentList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      g_autofree char *file_name = NULL;
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Could not read a file to attach: %s", error->message);
      file_name = g_file_get_parse_name (G_FILE (object));
      /* Translators: %s is a file's name */
      message = g_strdup_printf (_("“%s” could not be read: check that it exists and that you "
                                   "may open it."), file_name);
      g_signal_emit (self, signals[FAILED], 0, message);
      return;
    }

  name = g_file_get_basename (G_FILE (object));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  content_type = g_content_type_guess (name, g_bytes_get_data (bytes, NULL), length, NULL);
  mime_type = g_content_type_get_mime_type (content_type);

  if (!fd_attachment_list_attach_bytes (self, name, bytes, mime_type, &error))
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

static void
on_file_chooser_response_cb (GtkNativeDialog  *chooser,
                             int               response,
                             FdAttachmentList *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    fd_attachment_list_attach_file (self, file);
}

static void
fd_attachment_list_dispose (GObject *object)
{
  FdAttachmentList *self = FD_ATTACHMENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->container);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_attachment_list_parent_class)->dispose (object);
}

static void
fd_attachment_list_finalize (GObject *object)
{
  FdAttachmentList *self = FD_ATTACHMENT_LIST (object);

  g_clear_pointer (&self->attachments, g_ptr_array_unref);

  G_OBJECT_CLASS (fd_attachment_list_parent_class)->finalize (object);
}

static void
fd_attachment_list_class_init (FdAttachmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_attachment_list_dispose;
  object_class->finalize = fd_attachment_list_finalize;

  /**
   * FdAttachmentList::changed:
   *
   * Emitted when a file is attached or removed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * FdAttachmentList::failed:
   * @self: the list
   * @message: why, translated, to show the user
   *
   * Emitted when a file chosen could not be read or stored; nothing was
   * attached.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
fd_attachment_list_init (FdAttachmentList *self)
{
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  self->cancellable = g_cancellable_new ();
}

/**
 * fd_attachment_list_new:
 * @database: where the files are stored
 * @container: an #AdwExpanderRow or an #AdwPreferencesGroup to show the
 *   attachments in, as rows
 *
 * Returns: (transfer full): an empty list
 */
FdAttachmentList *
fd_attachment_list_new (FdDatabase *database,
                        GtkWidget  *container)
{
  FdAttachmentList *self;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (ADW_IS_EXPANDER_ROW (container) || ADW_IS_PREFERENCES_GROUP (container),
                        NULL);

  self = g_object_new (FD_TYPE_ATTACHMENT_LIST, NULL);
  self->database = g_object_ref (database);
  g_set_weak_pointer (&self->container, container);

  return self;
}

/* Adds an attachment as read from the database */
void
fd_attachment_list_add_saved (FdAttachmentList       *self,
                              const FdPlanAttachment *read)
{
  Attachment *attachment;

  g_return_if_fail (FD_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (read != NULL);

  attachment = g_new0 (Attachment, 1);
  attachment->id = g_strdup (read->id);
  attachment->revision = read->revision;
  attachment->file_name = g_strdup (read->file_name);
  attachment->sha256 = g_strdup (read->blob_sha256);
  attachment->mime_type = g_strdup (read->mime_type);
  g_ptr_array_add (self->attachments, attachment);
  add_row (self, attachment);
}

/**
 * fd_attachment_list_attach_bytes:
 * @self: a #FdAttachmentList
 * @file_name: the file's name, as shown
 * @bytes: its contents
 * @mime_type: (nullable): its type
 * @error: return location for a #GError
 *
 * Stores @bytes as a blob (by its SHA-256) and adds the attachment; its
 * row is written when the editor saves.
 *
 * Returns: %FALSE with @error set if the file could not be stored
 */
gboolean
fd_attachment_list_attach_bytes (FdAttachmentList  *self,
                                 const char        *file_name,
                                 GBytes            *bytes,
                                 const char        *mime_type,
                                 GError           **error)
{
  g_autofree char *sha256 = NULL;
  Attachment *attachment;

  g_return_val_if_fail (FD_IS_ATTACHMENT_LIST (self), FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  sha256 = fd_database_store_blob (self->database, bytes, mime_type, error);
  if (sha256 == NULL)
    return FALSE;

  attachment = g_new0 (Attachment, 1);
  attachment->file_name = g_strdup (file_name);
  attachment->sha256 = g_steal_pointer (&sha256);
  attachment->mime_type = g_strdup (mime_type);
  g_ptr_array_add (self->attachments, attachment);
  add_row (self, attachment);

  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * fd_attachment_list_attach_file:
 * @self: a #FdAttachmentList
 * @file: the file to attach
 *
 * Reads @file in the background and attaches it; emits ::changed once
 * it is, or ::failed if it cannot be read or stored.
 */
void
fd_attachment_list_attach_file (FdAttachmentList *self,
                                GFile            *file)
{
  g_return_if_fail (FD_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, on_file_loaded_cb, g_object_ref (self));
}

/* Asks the user for a file (over the window of @parent), then attaches it */
void
fd_attachment_list_choose_file (FdAttachmentList *self,
                                GtkWidget        *parent)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;

  g_return_if_fail (FD_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  root = gtk_widget_get_root (parent);
  chooser = gtk_file_chooser_native_new (_("Attach a File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The attachments shown, saved or not */
guint
fd_attachment_list_get_n_attachments (FdAttachmentList *self)
{
  guint n = 0;

  g_return_val_if_fail (FD_IS_ATTACHMENT_LIST (self), 0);

  for (guint i = 0; i < self->attachments->len; i++)
    if (!((Attachment *) g_ptr_array_index (self->attachments, i))->removed)
      n++;

  return n;
}

/* Whether saving would write something: a file attached or removed */
gboolean
fd_attachment_list_is_modified (FdAttachmentList *self)
{
  g_return_val_if_fail (FD_IS_ATTACHMENT_LIST (self), FALSE);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      if (attachment->id == NULL || attachment->removed)
        return TRUE;
    }

  return FALSE;
}

/**
 * fd_attachment_list_build_changes:
 * @self: a #FdAttachmentList
 * @owner_entity: what the files are attached to: "cost", "session_email"
 * @owner_id: its id
 * @changes: (element-type FdChange): where to append the changes
 *
 * Appends the creation of each file attached since and the deletion of
 * each saved one removed, on the revision it was read with.
 */
void
fd_attachment_list_build_changes (FdAttachmentList *self,
                                  const char       *owner_entity,
                                  const char       *owner_id,
                                  GPtrArray        *changes)
{
  g_return_if_fail (FD_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (owner_entity != NULL);
  g_return_if_fail (owner_id != NULL);
  g_return_if_fail (changes != NULL);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      if (attachment->id == NULL)
        {
          FdChange *change = fd_change_new_create ("attachment");

          fd_change_set_string (change, "owner_entity", owner_entity);
          fd_change_set_string (change, "owner_id", owner_id);
          fd_change_set_string (change, "blob_sha256", attachment->sha256);
          fd_change_set_string (change, "file_name", attachment->file_name);
          if (attachment->mime_type != NULL)
            fd_change_set_string (change, "mime_type", attachment->mime_type);
          g_ptr_array_add (changes, change);
        }
      else if (attachment->removed)
        g_ptr_array_add (changes, fd_change_new_delete ("attachment", attachment->id,
                                                        attachment->revision));
    }
}

/* Appends the deletion of every saved attachment still there: the
 * owner is deleted */
void
fd_attachment_list_build_deletes (FdAttachmentList *self,
                                  GPtrArray        *changes)
{
  g_return_if_fail (FD_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (changes != NULL);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      if (attachment->id != NULL && !attachment->removed)
        g_ptr_array_add (changes, fd_change_new_delete ("attachment", attachment->id,
                                                        attachment->revision));
    }
}
