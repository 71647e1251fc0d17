/* test-validate.c — identifiers, contact data and folded keys
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-text.h"
#include "fd-validate.h"

static void
test_siret (void)
{
  /* Real, published establishments */
  g_assert_true (fd_validate_siret ("73282932000074"));
  g_assert_true (fd_validate_siret ("55210055400013"));
  g_assert_true (fd_validate_siren ("732829320"));
  /* La Poste's establishments: digit sum a multiple of 5, no Luhn key */
  g_assert_true (fd_validate_siret ("35600000000048"));
  g_assert_true (fd_validate_siret ("35600000049837"));
  g_assert_false (fd_validate_siret ("35600000012342"));

  g_assert_false (fd_validate_siret ("73282932000075"));
  g_assert_false (fd_validate_siret ("7328293200007"));
  g_assert_false (fd_validate_siret ("732829320000745"));
  g_assert_false (fd_validate_siret ("7328293200007a"));
  g_assert_false (fd_validate_siret (""));
  g_assert_false (fd_validate_siret (NULL));
  g_assert_false (fd_validate_siren ("732829321"));
}

static void
test_digits (void)
{
  g_autofree char *a = fd_normalize_digits ("732 829 320 00074");
  g_autofree char *b = fd_normalize_digits ("732.829.320-00074");
  g_autofree char *c = fd_normalize_digits ("732\u00a0829\u202f320 00074");

  g_assert_cmpstr (a, ==, "73282932000074");
  g_assert_cmpstr (b, ==, "73282932000074");
  g_assert_cmpstr (c, ==, "73282932000074");
}

static void
test_nda (void)
{
  g_assert_true (fd_validate_nda ("11755555575"));
  g_assert_false (fd_validate_nda ("1175555557"));
  g_assert_false (fd_validate_nda ("00755555575"));
  g_assert_false (fd_validate_nda ("117555555a5"));
}

static void
test_email (void)
{
  g_autofree char *normalized = fd_normalize_email ("  Helene.Dupont@Exemple.FR ");

  g_assert_cmpstr (normalized, ==, "Helene.Dupont@exemple.fr");
  g_assert_true (fd_validate_email ("a@b.fr"));
  g_assert_true (fd_validate_email ("prenom.nom+tag@sous-domaine.exemple.com"));
  g_assert_false (fd_validate_email ("a@b"));
  g_assert_false (fd_validate_email ("@b.fr"));
  g_assert_false (fd_validate_email ("a@@b.fr"));
  g_assert_false (fd_validate_email ("a b@c.fr"));
  g_assert_false (fd_validate_email ("a..b@c.fr"));
  g_assert_false (fd_validate_email ("a.@c.fr"));
  g_assert_false (fd_validate_email ("a@-c.fr"));
  g_assert_false (fd_validate_email ("a@c.123"));
  g_assert_false (fd_validate_email ("hélène@c.fr"));
  g_assert_null (fd_normalize_email ("pas une adresse"));
  g_assert_null (fd_normalize_email (NULL));
}

static void
test_phone (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "01 23 45 67 89", "+33123456789" },
    { "06.12.34.56.78", "+33612345678" },
    { "+33 6 12 34 56 78", "+33612345678" },
    { "+33 (0)6 12 34 56 78", "+33612345678" },
    { "0033612345678", "+33612345678" },
    { "+32 2 123 45 67", "+3221234567" },
    { "0612345678", "+33612345678" },
    { "12345", NULL },
    { "0012", NULL },
    { "06 12 34 56 7", NULL },
    { "00 00 34 56 78", NULL },
    { "06 12 34 56 78 ext", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *phone = fd_normalize_phone (cases[i].in);

      g_assert_cmpstr (phone, ==, cases[i].out);
    }
}

static void
test_postal_code (void)
{
  g_assert_true (fd_validate_postal_code ("75011"));
  g_assert_true (fd_validate_postal_code ("20000")); /* Ajaccio */
  g_assert_true (fd_validate_postal_code ("97400")); /* La Réunion */
  g_assert_true (fd_validate_postal_code ("01000"));
  g_assert_false (fd_validate_postal_code ("00100"));
  g_assert_false (fd_validate_postal_code ("96000"));
  g_assert_false (fd_validate_postal_code ("7501"));
  g_assert_false (fd_validate_postal_code ("750111"));
  g_assert_false (fd_validate_postal_code ("7501A"));
}

static void
test_dates (void)
{
  g_assert_true (fd_validate_date ("2026-03-03"));
  g_assert_true (fd_validate_date ("2028-02-29"));
  g_assert_false (fd_validate_date ("2026-02-29"));
  g_assert_false (fd_validate_date ("2026-13-01"));
  g_assert_false (fd_validate_date ("03/03/2026"));
  g_assert_false (fd_validate_date ("2026-3-3"));
  g_assert_false (fd_validate_date (NULL));

  g_assert_true (fd_validate_date_time ("2026-03-03T09:00"));
  g_assert_true (fd_validate_date_time ("2026-03-03T23:59:59"));
  g_assert_false (fd_validate_date_time ("2026-03-03T24:00"));
  g_assert_false (fd_validate_date_time ("2026-03-03 09:00"));
  g_assert_false (fd_validate_date_time ("2026-03-03T9:00"));
  g_assert_false (fd_validate_date_time ("2026-03-03T09:00:"));
}

static void
test_fold (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Hélène", "helene" },
    { "  Éloïse   MAËLYS ", "eloise maelys" },
    { "Lœvenbrück", "loevenbruck" },
    { "ÆSIR straße", "aesir strasse" },
    { "François\tGarçon", "francois garcon" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = fd_text_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  {
    g_autofree char *null_folded = fd_text_fold (NULL);
    g_autofree char *invalid = fd_text_fold ("\xff\xfe");
    g_autofree char *eloise = fd_text_fold ("Éloïse");
    g_autofree char *zoe = fd_text_fold ("zoé");

    g_assert_cmpstr (null_folded, ==, "");
    g_assert_cmpstr (invalid, ==, "");
    /* French order with a plain byte comparison */
    g_assert_cmpint (strcmp (eloise, zoe), <, 0);
  }
}

static void
test_uuid (void)
{
  g_autofree char *a = fd_text_uuid ();
  char *b = fd_text_uuid ();

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_true (g_uuid_string_is_valid (b));
  g_assert_cmpint (a[14], ==, '7');
  g_assert_true (strchr ("89ab", a[19]) != NULL);
  /* Time-ordered, even within one millisecond */
  g_assert_cmpint (strcmp (a, b), <, 0);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *next = fd_text_uuid ();

      g_assert_cmpint (strcmp (b, next), <, 0);
      g_free (b);
      b = g_steal_pointer (&next);
    }
  g_free (b);
}

/* Random bytes and random near-valid text never crash a validator or a
 * normaliser, and what a normaliser returns is valid (run under ASan/UBSan
 * in CI). */
static void
test_random_input (void)
{
  static const char alphabet[] = "0123456789 +-.()@abcXYZéœ\x00\xff%_'\"";

  for (guint round = 0; round < 20000; round++)
    {
      guint len = (guint) g_test_rand_int_range (0, 40);
      g_autofree char *text = g_malloc (len + 1);
      g_autofree char *phone = NULL;
      g_autofree char *email = NULL;
      g_autofree char *digits = NULL;
      g_autofree char *folded = NULL;

      for (guint i = 0; i < len; i++)
        {
          if (round % 2 == 0)
            text[i] = (char) g_test_rand_int_range (1, 256);
          else
            text[i] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
          if (text[i] == '\0')
            text[i] = ' ';
        }
      text[len] = '\0';

      phone = fd_normalize_phone (text);
      if (phone != NULL)
        {
          g_autofree char *again = fd_normalize_phone (phone);

          g_assert_cmpstr (again, ==, phone);
        }
      email = fd_normalize_email (text);
      if (email != NULL)
        g_assert_true (fd_validate_email (email));
      digits = fd_normalize_digits (text);
      folded = fd_text_fold (text);
      g_assert_true (g_utf8_validate (folded, -1, NULL));
      fd_validate_siret (digits);
      fd_validate_siren (digits);
      fd_validate_nda (digits);
      fd_validate_postal_code (digits);
      fd_validate_date (text);
      fd_validate_date_time (text);
    }
}

static void
test_has_word (void)
{
  g_assert_true (fd_text_has_word ("first_name last_name", "last_name"));
  g_assert_true (fd_text_has_word ("first_name last_name", "first_name"));
  g_assert_false (fd_text_has_word ("first_name last_name", "name"));
  g_assert_false (fd_text_has_word ("first_name last_name", "last"));
  g_assert_false (fd_text_has_word (NULL, "code"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/siret", test_siret);
  g_test_add_func ("/text/has-word", test_has_word);
  g_test_add_func ("/validate/digits", test_digits);
  g_test_add_func ("/validate/nda", test_nda);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/postal-code", test_postal_code);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/uuid", test_uuid);
  g_test_add_func ("/validate/random-input", test_random_input);

  return g_test_run ();
}
