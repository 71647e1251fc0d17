/* fd-editor-helpers.h — what the session editor's widgets share
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-core.h"

G_BEGIN_DECLS

/* Drop-downs (GtkDropDown or AdwComboRow) over a GListStore of FdOption */
void        fd_editor_fill_choices      (GListStore   *store,
                                         GPtrArray    *choices,
                                         const char   *none_label);
gboolean    fd_editor_load_choices      (GListStore   *store,
                                         FdDatabase   *database,
                                         FdOptionKind  kind,
                                         const char   *parent_id,
                                         const char   *none_label);
guint       fd_editor_find_choice       (GListModel   *model,
                                         const char   *id);
const char *fd_editor_get_selected_id   (gpointer      drop_down);
gboolean    fd_editor_select_id         (gpointer      drop_down,
                                         const char   *id);
void        fd_editor_use_choice_list   (gpointer      drop_down);

/* Errors shown at the field they are about */
void        fd_editor_show_field_error  (GtkWidget    *row,
                                         const char   *message);
void        fd_editor_clear_field_error (GtkWidget    *row);
gboolean    fd_editor_has_field_error   (GtkWidget    *row);

/* Entries of rows: the text, or NULL when blank */
char       *fd_editor_dup_text          (gpointer      editable);
void        fd_editor_set_text          (gpointer      editable,
                                         const char   *text);

/* Stored codes and their translated labels */
typedef struct
{
  const char *code;
  const char *context; /* of the label's translation, or NULL */
  const char *label;   /* untranslated, marked for translation */
} FdEditorCode;

const char         *fd_editor_code_get_label     (const FdEditorCode *code);
const FdEditorCode *fd_editor_get_cost_types     (guint        *n_types);
const FdEditorCode *fd_editor_get_modalities     (guint        *n_modalities);
const FdEditorCode *fd_editor_get_sequence_statuses (guint     *n_statuses);
const char         *fd_editor_cost_type_label    (const char   *code);
const char         *fd_editor_modality_label     (const char   *code);
const char         *fd_editor_sequence_status_label (const char *code);
char               *fd_editor_format_duration    (gint64        minutes);

/* Writes a user's edit, undoable from the main window */
gboolean            fd_editor_apply              (GtkWidget    *widget,
                                                  FdDatabase   *database,
                                                  const char   *label,
                                                  GPtrArray    *changes,
                                                  GError      **error);
gboolean            fd_editor_apply_one          (GtkWidget    *widget,
                                                  FdDatabase   *database,
                                                  const char   *label,
                                                  FdChange     *change,
                                                  GError      **error);

/* Response ids of fd_editor_new_unsaved_dialog() */
#define FD_EDITOR_RESPONSE_SAVE    "save"
#define FD_EDITOR_RESPONSE_DISCARD "discard"
#define FD_EDITOR_RESPONSE_CANCEL  "cancel"

AdwMessageDialog   *fd_editor_new_unsaved_dialog (GtkWidget    *parent);

G_END_DECLS
