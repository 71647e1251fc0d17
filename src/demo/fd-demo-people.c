/* fd-demo-people.c — the demo's names, e-mail addresses and trainers
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

static const char * const female_first_names[] = {
  "Hélène", "Éloïse", "Zoé", "Maëlys", "Léa", "Chloé", "Camille", "Manon",
  "Inès", "Juliette", "Clémence", "Océane", "Anaïs", "Émilie", "Sophie",
  "Nathalie", "Isabelle", "Sandrine", "Céline", "Aurélie", "Élodie", "Marie",
  "Julie", "Laure", "Gaëlle", "Noémie", "Agnès", "Françoise", "Valérie",
  "Véronique", "Brigitte", "Sylvie", "Christine", "Mathilde", "Léonie",
  "Jeanne", "Louise", "Alice", "Margaux", "Pauline", "Solène", "Bérénice",
  "Capucine", "Mélanie", "Stéphanie", "Cécile", "Joséphine", "Lucie", "Anne",
  "Claire", "Fatima", "Yasmine", "Amélie", "Béatrice", "Séverine", "Ophélie",
};

static const char * const male_first_names[] = {
  "François", "Loïc", "Léo", "Gabriel", "Raphaël", "Louis", "Hugo", "Jules",
  "Arthur", "Lucas", "Théo", "Noé", "Maël", "Nathan", "Thomas", "Nicolas",
  "Julien", "Stéphane", "Sébastien", "Frédéric", "Jérôme", "Jean-Pierre",
  "Jean-Luc", "Philippe", "Patrick", "Christophe", "Olivier", "Pierre",
  "Benoît", "Hervé", "Gérard", "Rémi", "Aurélien", "Mathéo", "Timothée",
  "Grégoire", "Clément", "Bastien", "Cédric", "Joël", "Noël", "Anthony",
  "Kévin", "Yannick", "Mickaël", "Antoine", "Étienne", "Adrien", "Baptiste",
  "Guillaume", "Karim", "Mehdi", "Jérémy", "Ludovic", "Thibault", "Gaël",
};

static const char * const last_names[] = {
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
  "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux",
  "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
  "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure",
  "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier",
  "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
  "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
  "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer",
  "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière",
  "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Gérard", "Roche",
  "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
  "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix",
  "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc",
  "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean",
  "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis",
  "Moulin", "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher",
  "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Poirier", "Marty", "Aubry",
  "Guyot", "Carré", "Charles", "Renault", "Charpentier", "Ménard", "Maillard",
  "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall",
  "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot",
  "Daniel", "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois",
  "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré",
  "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob",
  "Monnier", "Michaud", "Guichard", "Gillet", "Étienne", "Grondin", "Poulain",
  "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva", "Bouchet",
  "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau",
  "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy",
  "Delaunay", "Pasquier", "Carlier", "Laporte", "N'Diaye", "Benali",
};

static const char * const email_providers[] = {
  "gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr", "sfr.fr",
  "yahoo.fr", "hotmail.fr", "wanadoo.fr", "icloud.com",
};

/* "Jean-Pierre Le Gall" → "jean-pierre.legall" */
static char *
email_local_part (const char *first_name,
                  const char *last_name)
{
  g_autofree char *first = g_str_to_ascii (first_name, "C");
  g_autofree char *last = g_str_to_ascii (last_name, "C");
  g_autofree char *joined = g_strdup_printf ("%s.%s", first, last);
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = joined; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.' || *p == '-')
        g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

/* Returns a new address not given to anyone yet: "helene.martin@orange.fr",
 * then "helene.martin2@orange.fr"… */
char *
_fd_demo_unique_email (Demo       *demo,
                       const char *first_name,
                       const char *last_name,
                       const char *domain)
{
  g_autofree char *local = email_local_part (first_name, last_name);
  char *email = g_strdup_printf ("%s@%s", local, domain);
  int n = 2;

  while (g_hash_table_contains (demo->emails, email))
    {
      g_free (email);
      email = g_strdup_printf ("%s%d@%s", local, n++, domain);
    }

  g_hash_table_add (demo->emails, email);

  return g_strdup (email);
}

void
_fd_demo_random_person (Demo        *demo,
                        const char **civility,
                        const char **first_name,
                        const char **last_name)
{
  if (chance (demo, 0.52))
    {
      *civility = "mrs";
      *first_name = PICK (demo, female_first_names);
    }
  else
    {
      *civility = "mr";
      *first_name = PICK (demo, male_first_names);
    }
  *last_name = _fd_demo_pick_last_name (demo);
}

const char *
_fd_demo_pick_last_name (Demo *demo)
{
  return PICK (demo, last_names);
}

const char *
_fd_demo_pick_email_provider (Demo *demo)
{
  return PICK (demo, email_providers);
}

gboolean
_fd_demo_write_trainers (Demo    *demo,
                         guint    n_trainers,
                         GError **error)
{
  static const char * const reasons[] = {
    "Congés", "Formation de formateurs", "Rendez-vous médical",
    "Autre mission", "Indisponible",
  };
  guint i;
  int d;

  demo->trainers = g_array_sized_new (FALSE, TRUE, sizeof (Trainer), n_trainers);
  demo->trainer_busy = g_new0 (guint8, (gsize) n_trainers * demo->n_days);
  for (d = 0; d < N_DOMAINS; d++)
    demo->domain_trainers[d] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (i = 0; i < n_trainers; i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("trainer");
      g_autofree char *email = NULL;
      Trainer trainer = { 0, };
      const char *civility;
      const char *first_name;
      const char *last_name;
      const char *state;
      int primary = i % N_DOMAINS;
      int city = _fd_demo_random_city (demo);
      int n_unavailabilities;
      int u;

      _fd_demo_random_person (demo, &civility, &first_name, &last_name);
      trainer.first_name = g_strdup (first_name);
      trainer.last_name = g_strdup (last_name);
      trainer.external = chance (demo, 0.7);
      trainer.domains = 1u << primary;
      if (chance (demo, 0.3))
        trainer.domains |= 1u << rand_range (demo, 0, N_DOMAINS);

      fd_change_set_string (change, "civility", civility);
      fd_change_set_string (change, "first_name", first_name);
      fd_change_set_string (change, "last_name", last_name);
      email = _fd_demo_unique_email (demo, first_name, last_name,
                                     trainer.external
                                     ? _fd_demo_pick_email_provider (demo)
                                     : demo->org_domain);
      fd_change_set_string (change, "email", email);
      set_string_take (change, "phone", _fd_demo_random_mobile (demo));
      fd_change_set_string (change, "kind", trainer.external ? "external" : "internal");
      if (trainer.external)
        {
          if (chance (demo, 0.5))
            set_string_take (change, "company",
                             g_strdup_printf ("%s %s Conseil", first_name, last_name));
          else
            set_string_take (change, "company",
                             g_strdup_printf ("EI %s %s", first_name, last_name));
          set_string_take (change, "siret", _fd_demo_random_siret (demo));
          trainer.daily_rate_cents = rand_range (demo, 35, 71) * 1000;
          fd_change_set_int (change, "daily_rate_cents", trainer.daily_rate_cents);
        }
      set_string_take (change, "address", _fd_demo_random_address (demo));
      fd_change_set_string (change, "postal_code", _fd_demo_cities[city].postal_code);
      fd_change_set_string (change, "city", _fd_demo_cities[city].name);
      if (trainer.domains != (1u << primary))
        {
          int other;

          for (other = 0; other < N_DOMAINS; other++)
            if (other != primary && (trainer.domains & (1u << other)) != 0)
              break;
          set_string_take (change, "skills",
                           g_strdup_printf ("%s ; %s", _fd_demo_domain_skills[primary],
                                            _fd_demo_domain_skills[other]));
        }
      else
        fd_change_set_string (change, "skills", _fd_demo_domain_skills[primary]);
      set_string_take (change, "qualifications",
                       g_strdup_printf ("%d ans d'expérience. %s",
                                        rand_range (demo, 3, 26),
                                        PICK (demo, ((const char * const[]) {
                                          "Titre professionnel Formateur pour adultes.",
                                          "Master en sciences de l'éducation.",
                                          "Formateur certifié par l'éditeur.",
                                          "Ancien cadre du secteur, certifié Qualiopi.",
                                          "Formateur de formateurs habilité INRS.",
                                        }))));

      state = PICK (demo, ((const char * const[]) { "none", "none", "invited", "active", "active" }));
      fd_change_set_string (change, "extranet_state", state);
      if (g_strcmp0 (state, "none") != 0)
        fd_change_set_int (change, "invited_at",
                           _fd_demo_day_time_to_usec (demo, demo->today - rand_range (demo, 1, 600),
                                                      rand_range (demo, 9 * 60, 18 * 60), 0));
      fd_change_set_string (change, "language", "fr");

      trainer.id = apply_create (demo, change, error);
      if (trainer.id == NULL)
        return FALSE;

      g_array_append_val (demo->trainers, trainer);
      for (d = 0; d < N_DOMAINS; d++)
        if ((trainer.domains & (1u << d)) != 0)
          g_array_append_val (demo->domain_trainers[d], i);

      if (g_strcmp0 (state, "active") == 0)
        {
          g_autoptr(FdChange) account = fd_change_new_create ("user_account");

          fd_change_set_string (account, "email", email);
          set_string_take (account, "display_name",
                           g_strdup_printf ("%s %s", first_name, last_name));
          fd_change_set_string (account, "role", "trainer");
          fd_change_set_string (account, "trainer_id", trainer.id);
          if (!apply (demo, account, error))
            return FALSE;
        }

      n_unavailabilities = rand_range (demo, 1, 4);
      for (u = 0; u < n_unavailabilities; u++)
        {
          g_autoptr(FdChange) unavailability = fd_change_new_create ("unavailability");
          int first = _fd_demo_next_open_day (demo, rand_range (demo, 0, demo->n_days - 200));
          int length = rand_range (demo, 1, 6);
          guint8 *busy = demo->trainer_busy + (gsize) i * demo->n_days;
          int day;

          for (day = first; day < first + length + 2 && day < demo->n_days; day++)
            busy[day] = BUSY_DAY;

          fd_change_set_string (unavailability, "trainer_id", trainer.id);
          set_string_take (unavailability, "start_at",
                           _fd_demo_format_day_time (demo, first, 8 * 60));
          set_string_take (unavailability, "end_at",
                           _fd_demo_format_day_time (demo, first + length - 1, 19 * 60));
          fd_change_set_string (unavailability, "reason", PICK (demo, reasons));
          if (!apply (demo, unavailability, error))
            return FALSE;
        }
    }

  return TRUE;
}
