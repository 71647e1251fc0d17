/* fd-demo-random.c — random draws and identifiers for the demo data
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

char *
_fd_demo_random_digits (Demo *demo,
                        guint n)
{
  char *digits = g_malloc (n + 1);
  guint i;

  for (i = 0; i < n; i++)
    digits[i] = '0' + rand_range (demo, 0, 10);
  digits[n] = '\0';

  return digits;
}

/* Sets the last digit of @digits so that the Luhn sum of all @n digits is a
 * multiple of ten, as SIREN and SIRET numbers require. */
static void
complete_luhn (char  *digits,
               guint  n)
{
  guint sum = 0;
  guint i;

  for (i = 0; i + 1 < n; i++)
    {
      guint value = digits[i] - '0';

      /* Counting from the right, the check digit is position 1; every
       * even position is doubled. */
      if ((n - i) % 2 == 0)
        {
          value *= 2;
          if (value > 9)
            value -= 9;
        }
      sum += value;
    }

  digits[n - 1] = '0' + (10 - sum % 10) % 10;
}

char *
_fd_demo_random_siret (Demo *demo)
{
  char *siret = _fd_demo_random_digits (demo, 14);

  /* A SIREN never starts with 0; its own check digit, then the
   * establishment's over all fourteen digits. */
  siret[0] = '1' + rand_range (demo, 0, 9);
  complete_luhn (siret, 9);
  siret[9] = '0';
  siret[10] = '0';
  complete_luhn (siret, 14);

  return siret;
}

char *
_fd_demo_random_mobile (Demo *demo)
{
  return g_strdup_printf ("+33 %d %02d %02d %02d %02d",
                          chance (demo, 0.8) ? 6 : 7,
                          rand_range (demo, 0, 100), rand_range (demo, 0, 100),
                          rand_range (demo, 0, 100), rand_range (demo, 0, 100));
}

char *
_fd_demo_random_landline (Demo *demo)
{
  return g_strdup_printf ("+33 %d %02d %02d %02d %02d",
                          rand_range (demo, 1, 6),
                          rand_range (demo, 10, 100), rand_range (demo, 0, 100),
                          rand_range (demo, 0, 100), rand_range (demo, 0, 100));
}

char *
_fd_demo_slugify (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;
  const char *p;

  for (p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  return g_string_free (out, FALSE);
}
