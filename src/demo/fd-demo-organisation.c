/* fd-demo-organisation.c — the demo organisation, its staff and its e-mails
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

gboolean
_fd_demo_write_organisation (Demo    *demo,
                             GError **error)
{
  g_autoptr(FdChange) change = fd_change_new_create ("organisation");
  g_autofree char *siret = _fd_demo_random_siret (demo);
  g_autofree char *nda = _fd_demo_random_digits (demo, 9);
  g_autofree char *nda_full = g_strconcat ("11", nda, NULL);

  demo->org_domain = g_strdup ("horizon-competences.fr");

  fd_change_set_string (change, "name", "Horizon Compétences");
  fd_change_set_string (change, "legal_form", "SAS");
  fd_change_set_string (change, "siret", siret);
  fd_change_set_string (change, "nda", nda_full);
  fd_change_set_string (change, "nda_region", "Île-de-France");
  fd_change_set_string (change, "address", "18 rue de la Roquette");
  fd_change_set_string (change, "postal_code", "75011");
  fd_change_set_string (change, "city", "Paris");
  fd_change_set_string (change, "phone", "+33 1 43 55 12 80");
  fd_change_set_string (change, "email", "contact@horizon-competences.fr");
  fd_change_set_string (change, "website", "https://www.horizon-competences.fr");
  fd_change_set_string (change, "vat_regime", "exempt");

  return apply (demo, change, error);
}

gboolean
_fd_demo_write_staff_accounts (Demo    *demo,
                               GError **error)
{
  static const struct
  {
    const char *email;
    const char *name;
    const char *role;
  } accounts[] = {
    { "claire.dubois@horizon-competences.fr", "Claire Dubois", "admin" },
    { "julien.moreau@horizon-competences.fr", "Julien Moreau", "operations_manager" },
    { "sophie.lambert@horizon-competences.fr", "Sophie Lambert", "planner" },
    { "karim.benali@horizon-competences.fr", "Karim Benali", "planner" },
    { "borne.paris@horizon-competences.fr", "Borne d'émargement — Paris Bastille", "kiosk" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("user_account");
      char *id;

      fd_change_set_string (change, "email", accounts[i].email);
      fd_change_set_string (change, "display_name", accounts[i].name);
      fd_change_set_string (change, "role", accounts[i].role);
      fd_change_set_bool (change, "active", TRUE);

      id = apply_create (demo, change, error);
      if (id == NULL)
        return FALSE;
      if (demo->admin_id == NULL)
        demo->admin_id = id;
      else
        g_free (id);

      g_hash_table_add (demo->emails, g_strdup (accounts[i].email));
    }

  return TRUE;
}

gboolean
_fd_demo_write_email_templates (Demo    *demo,
                                GError **error)
{
  static const struct
  {
    const char *key;
    const char *name;
    const char *subject;
    const char *body;
    const char *anchor;
    int offset_days;
  } templates[] = {
    { "notice", "Convocation", "Convocation — {formation}",
      "Bonjour {prenom},\n\nNous avons le plaisir de vous convier à la formation "
      "« {formation} » qui débutera le {date_debut} à {heure_debut}, {lieu}.\n\n"
      "Pensez à vous munir d'une pièce d'identité.\n\nÀ bientôt,\n{organisme}",
      "session_start", -7 },
    { "reminder", "Rappel la veille", "Rappel : votre formation commence demain",
      "Bonjour {prenom},\n\nPetit rappel : la séquence « {sequence} » commence demain "
      "à {heure_debut}, {lieu}.\n\nBonne formation,\n{organisme}",
      "sequence_start", -1 },
    { "satisfaction", "Questionnaire de satisfaction", "Votre avis sur « {formation} »",
      "Bonjour {prenom},\n\nMerci d'avoir suivi la formation « {formation} ». "
      "Pourriez-vous prendre cinq minutes pour répondre à notre questionnaire : {lien}\n\n"
      "{organisme}",
      "session_end", 1 },
    { "cold_survey", "Évaluation à froid", "Que retenez-vous de « {formation} » ?",
      "Bonjour {prenom},\n\nIl y a deux mois, vous suiviez « {formation} ». "
      "Dites-nous ce que vous en avez mis en pratique : {lien}\n\n{organisme}",
      "session_end", 60 },
    { "enrollment", "Confirmation d'inscription", "Votre inscription est confirmée",
      "Bonjour {prenom},\n\nVotre inscription à « {formation} » du {date_debut} "
      "au {date_fin} est confirmée.\n\n{organisme}",
      "enrollment", 0 },
    { "trainer_invitation", "Invitation à l'extranet formateur",
      "{organisme} vous invite sur son extranet",
      "Bonjour {prenom},\n\n{organisme} vous invite à rejoindre son extranet formateur "
      "pour consulter votre planning et émarger en ligne : {lien}",
      "manual", 0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("email_template");

      fd_change_set_string (change, "key", templates[i].key);
      fd_change_set_string (change, "name", templates[i].name);
      fd_change_set_string (change, "subject", templates[i].subject);
      fd_change_set_string (change, "body", templates[i].body);
      fd_change_set_string (change, "anchor", templates[i].anchor);
      fd_change_set_int (change, "offset_days", templates[i].offset_days);
      fd_change_set_bool (change, "enabled", TRUE);
      fd_change_set_bool (change, "system", TRUE);

      if (!apply (demo, change, error))
        return FALSE;
    }

  return TRUE;
}
