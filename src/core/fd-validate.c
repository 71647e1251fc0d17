/* fd-validate.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-validate"

#include "config.h"

#include <string.h>

#include "fd-validate.h"

/* A validation error carries the name of the field (the column) it is
 * about, so that a form marks that row and an import names that column. */
typedef struct
{
  char *field;
} FdValidationErrorPrivate;

static void
fd_validation_error_private_init (FdValidationErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
fd_validation_error_private_copy (const FdValidationErrorPrivate *src,
                                  FdValidationErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
fd_validation_error_private_clear (FdValidationErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (FdValidationError, fd_validation_error)

/**
 * fd_validation_error_get_field:
 * @error: a #GError
 *
 * Returns: (nullable): the field (column name) a %FD_VALIDATION_ERROR is
 *   about, or %NULL if it is about the whole record or is another error
 */
const char *
fd_validation_error_get_field (const GError *error)
{
  FdValidationErrorPrivate *priv;

  if (error == NULL || error->domain != FD_VALIDATION_ERROR)
    return NULL;

  priv = fd_validation_error_get_private (error);

  return priv != NULL ? priv->field : NULL;
}

/**
 * fd_set_field_error:
 * @error: return location for a #GError, or %NULL
 * @code: a #FdValidationError code
 * @field: (nullable): the field (column name) the error is about
 * @format: printf()-style format of the translated message
 *
 * Sets a %FD_VALIDATION_ERROR that names @field.
 */
void
fd_set_field_error (GError     **error,
                    int          code,
                    const char  *field,
                    const char  *format,
                    ...)
{
  g_autofree char *message = NULL;
  FdValidationErrorPrivate *priv;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, FD_VALIDATION_ERROR, code, message);
  priv = fd_validation_error_get_private (*error);
  if (priv != NULL)
    priv->field = g_strdup (field);
}

/* SIREN of La Poste: its establishments' SIRETs (but the head office's) do
 * not pass the Luhn check; INSEE documents that for them the sum of the 14
 * digits is a multiple of 5. */
#define LA_POSTE_SIREN "356000000"

static gboolean
all_digits (const char *text,
            gsize       len)
{
  if (text == NULL || strlen (text) != len)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
luhn_valid (const char *digits)
{
  gsize len = strlen (digits);
  guint sum = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint d = (guint) (digits[len - 1 - i] - '0');

      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return sum % 10 == 0;
}

/**
 * fd_normalize_digits:
 * @text: (nullable): what the user typed ("732 829 320 00074")
 *
 * Removes spaces, non-breaking spaces, dots and dashes that people type
 * inside identifiers.
 *
 * Returns: (transfer full): the digits and other characters left; "" for
 *   %NULL or text that is not UTF-8
 */
char *
fd_normalize_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == '.' || c == '-')
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * fd_validate_siren:
 * @text: 9 digits, already normalised
 *
 * Returns: whether @text is a SIREN number with a valid check digit
 */
gboolean
fd_validate_siren (const char *text)
{
  return all_digits (text, 9) && luhn_valid (text);
}

/**
 * fd_validate_siret:
 * @text: 14 digits, already normalised
 *
 * Checks the Luhn key over the 14 digits, and the SIREN inside it; La
 * Poste's establishments follow their own documented rule. Anything else
 * that a staff member knows to be right is accepted with an override reason
 * by the entity rules, not here.
 *
 * Returns: whether @text is a valid SIRET number
 */
gboolean
fd_validate_siret (const char *text)
{
  g_autofree char *siren = NULL;
  guint sum = 0;

  if (!all_digits (text, 14))
    return FALSE;

  siren = g_strndup (text, 9);
  if (luhn_valid (text) && fd_validate_siren (siren))
    return TRUE;

  if (g_str_equal (siren, LA_POSTE_SIREN))
    {
      for (guint i = 0; i < 14; i++)
        sum += (guint) (text[i] - '0');
      return sum % 5 == 0;
    }

  return FALSE;
}

/**
 * fd_validate_nda:
 * @text: normalised text
 *
 * Returns: whether @text looks like a numéro de déclaration d'activité
 *   (11 digits, the first two a region code)
 */
gboolean
fd_validate_nda (const char *text)
{
  return all_digits (text, 11) && !(text[0] == '0' && text[1] == '0');
}

/**
 * fd_validate_email:
 * @text: (nullable): an address, already normalised
 *
 * A pragmatic check of what people mistype: one "@", a non-empty local part
 * of allowed characters without leading, trailing or doubled dots, and a
 * domain of at least two labels of letters, digits and inner hyphens.
 *
 * Returns: whether @text is a plausible email address
 */
gboolean
fd_validate_email (const char *text)
{
  const char *at;
  const char *domain;
  g_auto(GStrv) labels = NULL;
  gsize local_len;

  if (text == NULL || strlen (text) > 254)
    return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  local_len = (gsize) (at - text);
  if (local_len > 64 || text[0] == '.' || at[-1] == '.')
    return FALSE;

  for (const char *p = text; p < at; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("!#$%&'*+/=?^_`{|}~-", *p) != NULL)
        continue;
      if (*p == '.' && p[1] != '.')
        continue;
      return FALSE;
    }

  domain = at + 1;
  labels = g_strsplit (domain, ".", -1);
  if (g_strv_length (labels) < 2)
    return FALSE;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *label = labels[i];
      gsize len = strlen (label);

      if (len == 0 || len > 63 || label[0] == '-' || label[len - 1] == '-')
        return FALSE;
      for (gsize j = 0; j < len; j++)
        if (!g_ascii_isalnum (label[j]) && label[j] != '-')
          return FALSE;
    }

  /* The top-level domain is never numeric */
  return !g_ascii_isdigit (labels[g_strv_length (labels) - 1][0]);
}

/**
 * fd_normalize_email:
 * @text: (nullable): what the user typed
 *
 * Returns: (transfer full) (nullable): @text trimmed, its domain in lower
 *   case, or %NULL if it is not a plausible address
 */
char *
fd_normalize_email (const char *text)
{
  g_autofree char *trimmed = NULL;
  char *at;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  at = strchr (trimmed, '@');
  if (at != NULL)
    for (char *p = at + 1; *p; p++)
      *p = g_ascii_tolower (*p);

  if (!fd_validate_email (trimmed))
    return NULL;

  return g_steal_pointer (&trimmed);
}

/**
 * fd_validate_postal_code:
 * @text: normalised text
 *
 * French postal codes: 5 digits whose department part exists: 01 to 95
 * (Corsica is 20xxx), 97x overseas departments and 98x overseas
 * collectivities.
 *
 * Returns: whether @text is a plausible French postal code
 */
gboolean
fd_validate_postal_code (const char *text)
{
  int department;

  if (!all_digits (text, 5))
    return FALSE;

  department = (text[0] - '0') * 10 + (text[1] - '0');

  return (department >= 1 && department <= 95) || department == 97 || department == 98;
}

/**
 * fd_normalize_phone:
 * @text: (nullable): what the user typed ("01 23 45 67 89", "+33 (0)1 23…")
 *
 * French numbers become E.164 (+33123456789); other international numbers
 * typed with "+" or "00" are kept as "+" and 8 to 15 digits.
 *
 * Returns: (transfer full) (nullable): the normalised number, or %NULL if
 *   it is not a phone number
 */
char *
fd_normalize_phone (const char *text)
{
  GString *digits = g_string_new (NULL);
  gboolean international = FALSE;
  g_autofree char *result = NULL;
  const char *p;

  if (text == NULL)
    goto invalid;

  p = text;
  while (g_ascii_isspace (*p))
    p++;

  if (*p == '+')
    {
      international = TRUE;
      p++;
    }

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == ' ' || *p == '.' || *p == '-' || *p == '(' || *p == ')' || *p == '/')
        continue;
      else
        goto invalid;
    }

  if (!international && g_str_has_prefix (digits->str, "00"))
    {
      g_string_erase (digits, 0, 2);
      international = TRUE;
    }

  /* "+33 (0)1 23 45 67 89": drop the trunk zero after the country code */
  if (international && g_str_has_prefix (digits->str, "330") && digits->len == 12)
    g_string_erase (digits, 2, 1);

  if (!international)
    {
      if (digits->len != 10 || digits->str[0] != '0' || digits->str[1] == '0')
        goto invalid;
      result = g_strdup_printf ("+33%s", digits->str + 1);
    }
  else if (g_str_has_prefix (digits->str, "33"))
    {
      if (digits->len != 11 || digits->str[2] == '0')
        goto invalid;
      result = g_strdup_printf ("+%s", digits->str);
    }
  else
    {
      if (digits->len < 8 || digits->len > 15 || digits->str[0] == '0')
        goto invalid;
      result = g_strdup_printf ("+%s", digits->str);
    }

  g_string_free (digits, TRUE);
  return g_steal_pointer (&result);

invalid:
  g_string_free (digits, TRUE);
  return NULL;
}

/**
 * fd_validate_date:
 * @text: (nullable): an ISO 8601 date ("2026-03-03")
 *
 * Returns: whether @text is exactly YYYY-MM-DD and a real calendar date
 */
gboolean
fd_validate_date (const char *text)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return y >= 1900 && y <= 2200 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/**
 * fd_validate_date_time:
 * @text: (nullable): an ISO 8601 local date and time ("2026-03-03T09:00")
 *
 * Returns: whether @text is YYYY-MM-DDTHH:MM (optionally :SS) and valid
 */
gboolean
fd_validate_date_time (const char *text)
{
  char date[11];
  gsize len;
  int hours, minutes, seconds = 0;

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if ((len != 16 && len != 19) || text[10] != 'T' || text[13] != ':')
    return FALSE;

  memcpy (date, text, 10);
  date[10] = '\0';
  if (!fd_validate_date (date))
    return FALSE;

  for (gsize i = 11; i < len; i++)
    if (i != 13 && i != 16 && !g_ascii_isdigit (text[i]))
      return FALSE;

  if (len == 19 && text[16] != ':')
    return FALSE;

  hours = (text[11] - '0') * 10 + (text[12] - '0');
  minutes = (text[14] - '0') * 10 + (text[15] - '0');
  if (len == 19)
    seconds = (text[17] - '0') * 10 + (text[18] - '0');

  return hours < 24 && minutes < 60 && seconds < 60;
}
