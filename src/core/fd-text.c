/* fd-text.c — folded keys for French sorting and accent-insensitive search
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-text"

#include "config.h"

#include "fd-text.h"

/**
 * fd_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text into the key that lists sort by and searches match against:
 * lower case, accents and other combining marks removed, ligatures spelled
 * out (œ → oe, æ → ae, ß → ss), runs of white space made one space, leading
 * and trailing space removed. "  Hélène  Lœvenbrück" becomes
 * "helene loevenbruck", so "helene" finds "Hélène" and "Éloïse" sorts
 * before "zoé" with a plain byte comparison.
 *
 * Returns: (transfer full): the folded text, "" for %NULL
 */
char *
fd_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }

      switch (c)
        {
        case 0x0152: /* Œ */
        case 0x0153: /* œ */
          g_string_append (out, "oe");
          break;

        case 0x00C6: /* Æ */
        case 0x00E6: /* æ */
          g_string_append (out, "ae");
          break;

        case 0x00DF: /* ß */
          g_string_append (out, "ss");
          break;

        default:
          g_string_append_unichar (out, g_unichar_tolower (c));
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * fd_text_uuid:
 *
 * Returns: (transfer full): a new random (version 4) UUID, lower case
 */
char *
fd_text_uuid (void)
{
  return g_uuid_string_random ();
}
