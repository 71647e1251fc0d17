/* fd-template.c — text with {tags}, as email templates are written
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-template.h"

#include <string.h>

/*
 * The syntax is the one French training software uses in its email
 * templates: `{prenom}` is replaced by its value; `{{` is a brace `{` and
 * `}}` a brace `}`; a `}` alone is itself. A tag's name is what lies
 * between the braces, on one line, at most FD_TEMPLATE_MAX_TAG_LENGTH
 * bytes; a `{` that no `}` closes there is refused, so that a typo such as
 * `{prenom` is shown to the person writing the template rather than sent.
 * A tag without a value is left as written, braces included, and listed by
 * fd_template_check() so that an editor can warn about it.
 *
 * Hand-written: GLib has no templating library, and a regular expression
 * (g_regex_replace_eval()) would neither refuse a brace left open, with
 * its line, nor let `{{` escape one. Rendering is one pass over the text:
 * values are inserted as they are, never read again as templates.
 */

G_DEFINE_QUARK (fd-template-error-quark, fd_template_error)

typedef enum
{
  TOKEN_END,
  TOKEN_TEXT,
  TOKEN_TAG,
} TokenKind;

typedef struct
{
  const char *text;
  gsize length;
  gsize pos;
  guint line;
} Scanner;

/* The 1-based line of @pos in @text */
static guint
line_at (const char *text,
         gsize       pos)
{
  guint line = 1;

  for (gsize i = 0; i < pos; i++)
    if (text[i] == '\n')
      line++;

  return line;
}

/* Refuses what no template may be: too long, or not UTF-8. */
static gboolean
check_text (const char  *text,
            gsize       *length,
            GError     **error)
{
  const char *end = NULL;

  *length = strnlen (text, FD_TEMPLATE_MAX_LENGTH + 1);
  if (*length > FD_TEMPLATE_MAX_LENGTH)
    {
      g_set_error (error, FD_TEMPLATE_ERROR, FD_TEMPLATE_ERROR_TOO_LONG,
                   /* Translators: %d is a number of kilobytes */
                   _("The text is too long: a template holds at most %d KB."),
                   FD_TEMPLATE_MAX_LENGTH / 1024);
      return FALSE;
    }

  if (!g_utf8_validate (text, (gssize) *length, &end))
    {
      g_set_error (error, FD_TEMPLATE_ERROR, FD_TEMPLATE_ERROR_INVALID_UTF8,
                   /* Translators: %u is a line number */
                   _("Line %u contains characters that are not text."),
                   line_at (text, (gsize) (end - text)));
      return FALSE;
    }

  return TRUE;
}

/* Reads the next piece: literal text (an escaped brace is a piece of its
 * own, one byte long) or a tag's name, without its braces. */
static gboolean
next_token (Scanner     *scanner,
            TokenKind   *kind,
            const char **start,
            gsize       *length,
            GError     **error)
{
  const char *text = scanner->text;
  gsize pos = scanner->pos;
  gsize end;

  if (pos >= scanner->length)
    {
      *kind = TOKEN_END;
      return TRUE;
    }

  if (text[pos] == '{' || text[pos] == '}')
    {
      /* "{{" and "}}" stand for one brace; "}" alone is itself */
      if (pos + 1 < scanner->length && text[pos + 1] == text[pos])
        {
          *kind = TOKEN_TEXT;
          *start = text + pos;
          *length = 1;
          scanner->pos = pos + 2;
          return TRUE;
        }
      if (text[pos] == '}')
        {
          *kind = TOKEN_TEXT;
          *start = text + pos;
          *length = 1;
          scanner->pos = pos + 1;
          return TRUE;
        }

      for (end = pos + 1; end < scanner->length && end - pos - 1 <= FD_TEMPLATE_MAX_TAG_LENGTH;
           end++)
        {
          char c = text[end];

          if (c == '}' || c == '{' || c == '\n' || c == '\r')
            break;
        }

      if (end >= scanner->length || text[end] != '}' || end - pos - 1 > FD_TEMPLATE_MAX_TAG_LENGTH)
        {
          g_set_error (error, FD_TEMPLATE_ERROR, FD_TEMPLATE_ERROR_UNTERMINATED,
                       /* Translators: %u is a line number; “{{” is how a
                        * template writes a brace itself: keep it */
                       _("Line %u: a “{” is not closed by “}”. Write “{{” for a brace."),
                       scanner->line);
          return FALSE;
        }

      *kind = TOKEN_TAG;
      *start = text + pos + 1;
      *length = end - pos - 1;
      scanner->pos = end + 1;
      return TRUE;
    }

  for (end = pos; end < scanner->length && text[end] != '{' && text[end] != '}'; end++)
    if (text[end] == '\n')
      scanner->line++;

  *kind = TOKEN_TEXT;
  *start = text + pos;
  *length = end - pos;
  scanner->pos = end;

  return TRUE;
}

/**
 * fd_template_check:
 * @text: a template
 * @known_tags: (nullable) (array zero-terminated=1): the names of the tags
 *   that have values (without braces), or %NULL
 * @unknown_tags: (out) (optional) (transfer full) (array zero-terminated=1):
 *   the names of the other tags of @text, each once, in the order they
 *   first appear
 * @error: return location for a #GError, in the %FD_TEMPLATE_ERROR domain
 *
 * Tells whether @text can be rendered and which of its tags would be left
 * as written; an editor shows the error and warns about unknown tags.
 *
 * Returns: %FALSE if @text is refused (too long, not UTF-8, a `{` not
 *   closed); unknown tags do not make it fail
 */
gboolean
fd_template_check (const char          *text,
                   const char * const  *known_tags,
                   GStrv               *unknown_tags,
                   GError             **error)
{
  g_autoptr(GPtrArray) unknown = NULL;
  Scanner scanner = { text, 0, 0, 1 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (unknown_tags != NULL)
    *unknown_tags = NULL;

  if (!check_text (text, &scanner.length, error))
    return FALSE;

  unknown = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      TokenKind kind;
      const char *start = NULL;
      gsize length = 0;
      g_autofree char *name = NULL;
      gboolean seen = FALSE;

      if (!next_token (&scanner, &kind, &start, &length, error))
        return FALSE;
      if (kind == TOKEN_END)
        break;
      if (kind != TOKEN_TAG)
        continue;

      name = g_strndup (start, length);
      if (known_tags != NULL && g_strv_contains (known_tags, name))
        continue;
      for (guint i = 0; i < unknown->len && !seen; i++)
        seen = g_str_equal (g_ptr_array_index (unknown, i), name);
      if (!seen)
        g_ptr_array_add (unknown, g_steal_pointer (&name));
    }

  if (unknown_tags != NULL)
    {
      g_ptr_array_add (unknown, NULL);
      *unknown_tags = (GStrv) g_ptr_array_free (g_steal_pointer (&unknown), FALSE);
    }

  return TRUE;
}

static gboolean
append_checked (GString     *out,
                const char  *piece,
                gsize        length,
                GError     **error)
{
  if (length > FD_TEMPLATE_MAX_OUTPUT - out->len)
    {
      g_set_error (error, FD_TEMPLATE_ERROR, FD_TEMPLATE_ERROR_TOO_LONG,
                   /* Translators: %d is a number of megabytes */
                   _("The text would be too long once its tags are replaced (more than %d MB)."),
                   FD_TEMPLATE_MAX_OUTPUT / (1024 * 1024));
      return FALSE;
    }

  g_string_append_len (out, piece, (gssize) length);

  return TRUE;
}

/* Every run of line breaks becomes one space, and the ends are trimmed */
static char *
join_lines (GString *out)
{
  gboolean in_break = FALSE;
  gsize j = 0;

  for (gsize i = 0; i < out->len; i++)
    {
      char c = out->str[i];

      if (c == '\n' || c == '\r')
        {
          if (!in_break)
            out->str[j++] = ' ';
          in_break = TRUE;
          continue;
        }
      in_break = FALSE;
      out->str[j++] = c;
    }
  g_string_truncate (out, j);

  return g_strstrip (g_string_free (out, FALSE));
}

/**
 * fd_template_render:
 * @text: a template
 * @values: (element-type utf8 utf8): a tag's name (without braces) to its
 *   value; a %NULL value renders as nothing
 * @flags: how to render
 * @error: return location for a #GError, in the %FD_TEMPLATE_ERROR domain
 *
 * Replaces the tags of @text that have a value in @values; other tags are
 * left as written. Values are inserted as they are (made valid UTF-8 if
 * they are not), in one pass: a value that looks like a tag stays text.
 *
 * Returns: (transfer full) (nullable): the rendered text, or %NULL if
 *   @text is refused (see fd_template_check()) or the result would be
 *   longer than %FD_TEMPLATE_MAX_OUTPUT bytes
 */
char *
fd_template_render (const char       *text,
                    GHashTable       *values,
                    FdTemplateFlags   flags,
                    GError          **error)
{
  g_autoptr(GString) out = NULL;
  Scanner scanner = { text, 0, 0, 1 };

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_text (text, &scanner.length, error))
    return NULL;

  out = g_string_sized_new (scanner.length + 64);
  for (;;)
    {
      TokenKind kind;
      const char *start = NULL;
      gsize length = 0;
      char name[FD_TEMPLATE_MAX_TAG_LENGTH + 1];
      gpointer value = NULL;

      if (!next_token (&scanner, &kind, &start, &length, error))
        return NULL;
      if (kind == TOKEN_END)
        break;

      if (kind == TOKEN_TEXT)
        {
          if (!append_checked (out, start, length, error))
            return NULL;
          continue;
        }

      g_assert (length <= FD_TEMPLATE_MAX_TAG_LENGTH);
      memcpy (name, start, length);
      name[length] = '\0';

      if (!g_hash_table_lookup_extended (values, name, NULL, &value))
        {
          /* Unknown: left as written */
          if (!append_checked (out, start - 1, length + 2, error))
            return NULL;
        }
      else if (value != NULL && g_utf8_validate (value, -1, NULL))
        {
          if (!append_checked (out, value, strlen (value), error))
            return NULL;
        }
      else if (value != NULL)
        {
          g_autofree char *valid = g_utf8_make_valid (value, -1);

          if (!append_checked (out, valid, strlen (valid), error))
            return NULL;
        }
    }

  if (flags & FD_TEMPLATE_FLAGS_SINGLE_LINE)
    return join_lines (g_steal_pointer (&out));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
