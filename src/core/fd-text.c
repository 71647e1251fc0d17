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
 * Makes a time-ordered UUID (version 7, RFC 9562): 48 bits of Unix time in
 * milliseconds, a 12-bit counter that keeps ids made in the same
 * millisecond in order, then 62 random bits. Rows created together get
 * neighbouring keys, so the B-trees keyed by id are appended to rather
 * than written at random, and the rows of one session or one month sit
 * on the same pages. Written here because GLib only makes version 4.
 *
 * Returns: (transfer full): a new UUID, lower case
 */
char *
fd_text_uuid (void)
{
  static GMutex lock;
  static gint64 last_ms;
  static guint counter;
  g_autofree char *random = g_uuid_string_random ();
  gint64 ms = g_get_real_time () / 1000;
  guint sequence;

  g_mutex_lock (&lock);
  if (ms <= last_ms)
    {
      /* Same millisecond, or the clock went back: keep counting from the
       * last one so ids stay ordered */
      counter++;
      if (counter > 0xfff)
        {
          last_ms++;
          counter = 0;
        }
      ms = last_ms;
    }
  else
    {
      last_ms = ms;
      counter = 0;
    }
  sequence = counter;
  g_mutex_unlock (&lock);

  /* Keep the random UUID's variant and last 62 bits: "xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx" */
  return g_strdup_printf ("%08x-%04x-7%03x-%s",
                          (guint) ((guint64) ms >> 16),
                          (guint) (ms & 0xffff),
                          sequence,
                          random + 19);
}

/**
 * fd_text_has_word:
 * @words: (nullable): words separated by single spaces ("first_name last_name")
 * @word: a word
 *
 * Returns: whether @word is one of @words
 */
gboolean
fd_text_has_word (const char *words,
                  const char *word)
{
  gsize length;

  g_return_val_if_fail (word != NULL, FALSE);

  if (words == NULL)
    return FALSE;

  length = strlen (word);
  for (const char *p = strstr (words, word); p != NULL; p = strstr (p + 1, word))
    if ((p == words || p[-1] == ' ') && (p[length] == ' ' || p[length] == '\0'))
      return TRUE;

  return FALSE;
}
