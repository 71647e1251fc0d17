/* fd-template.h — text with {tags}, as email templates are written
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FD_TEMPLATE_ERROR (fd_template_error_quark ())

/**
 * FdTemplateError:
 * @FD_TEMPLATE_ERROR_INVALID_UTF8: the text is not valid UTF-8
 * @FD_TEMPLATE_ERROR_TOO_LONG: the text, or what it renders to, is longer
 *   than %FD_TEMPLATE_MAX_LENGTH or %FD_TEMPLATE_MAX_OUTPUT bytes
 * @FD_TEMPLATE_ERROR_UNTERMINATED: a `{` is not closed by a `}` on the same
 *   line within %FD_TEMPLATE_MAX_TAG_LENGTH bytes (a brace itself is
 *   written `{{`)
 *
 * Why a template is refused; the messages are translated sentences that
 * name the line, fit to show in a template editor.
 */
typedef enum
{
  FD_TEMPLATE_ERROR_INVALID_UTF8,
  FD_TEMPLATE_ERROR_TOO_LONG,
  FD_TEMPLATE_ERROR_UNTERMINATED,
} FdTemplateError;

/* Bytes of template text, of rendered text, and of a tag's name */
#define FD_TEMPLATE_MAX_LENGTH     (256 * 1024)
#define FD_TEMPLATE_MAX_OUTPUT     (4 * 1024 * 1024)
#define FD_TEMPLATE_MAX_TAG_LENGTH 64

/**
 * FdTemplateFlags:
 * @FD_TEMPLATE_FLAGS_NONE: render as written
 * @FD_TEMPLATE_FLAGS_SINGLE_LINE: every run of line breaks, in the text
 *   and in the values, becomes one space (an email's subject)
 */
typedef enum
{
  FD_TEMPLATE_FLAGS_NONE = 0,
  FD_TEMPLATE_FLAGS_SINGLE_LINE = 1 << 0,
} FdTemplateFlags;

GQuark    fd_template_error_quark (void);

gboolean  fd_template_check       (const char          *text,
                                   const char * const  *known_tags,
                                   GStrv               *unknown_tags,
                                   GError             **error);
char     *fd_template_render      (const char          *text,
                                   GHashTable          *values,
                                   FdTemplateFlags      flags,
                                   GError             **error);

G_END_DECLS
