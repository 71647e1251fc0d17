/* fd-demo-clients.c — the demo's clients, trainees and groups
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

static const char * const foreign_birth_countries[] = {
  "Maroc", "Portugal", "Algérie", "Belgique", "Tunisie", "Sénégal",
  "Espagne", "Italie", "Roumanie", "Côte d'Ivoire",
};

static const char * const education_levels[] = {
  "Niveau 3 (CAP, BEP)", "Niveau 4 (Baccalauréat)", "Niveau 5 (Bac+2)",
  "Niveau 6 (Licence, Bachelor)", "Niveau 7 (Master)", "Sans diplôme",
};

static const char * const employee_categories[] = {
  "Employé", "Ouvrier qualifié", "Technicien", "Agent de maîtrise", "Cadre",
};

typedef struct
{
  const char *prefix; /* "Transports", "Boulangerie"… */
  const char *opco;
} Sector;

/* The OPCO follows from the company's branch. */
static const Sector sectors[] = {
  { "Transports", "OPCO Mobilités" },
  { "Garage", "OPCO Mobilités" },
  { "Ambulances", "OPCO Mobilités" },
  { "Boulangerie", "OPCO EP" },
  { "Coiffure", "OPCO EP" },
  { "Pharmacie", "OPCO EP" },
  { "Bâtiment", "Constructys" },
  { "Menuiserie", "Constructys" },
  { "Électricité générale", "Constructys" },
  { "Clinique", "OPCO Santé" },
  { "EHPAD Les Jardins de", "OPCO Santé" },
  { "Studio", "Afdas" },
  { "Éditions", "Afdas" },
  { "Cabinet comptable", "Atlas" },
  { "Conseil informatique", "Atlas" },
  { "Assurances", "Atlas" },
  { "Hôtel", "Akto" },
  { "Restaurant", "Akto" },
  { "Propreté", "Akto" },
  { "Coopérative agricole", "OCAPIAT" },
  { "Vignobles", "OCAPIAT" },
  { "Plasturgie", "OPCO 2i" },
  { "Métallurgie", "OPCO 2i" },
  { "Laboratoires", "OPCO 2i" },
  { "Maison", "Opcommerce" },
  { "Supermarché", "Opcommerce" },
  { "Jardinerie", "Opcommerce" },
  { "Association", "Uniformation" },
  { "Centre social", "Uniformation" },
  { "Mutuelle", "Uniformation" },
};

static const char * const legal_forms[] = { "SARL", "SAS", "SA", "SASU", "EURL" };

typedef struct
{
  const char *prefix;
  const char *funder; /* "fifpl" for liberal professions, "agefice" for traders */
} Trade;

static const Trade trades[] = {
  { "Cabinet de kinésithérapie", "fifpl" },
  { "Cabinet d'avocat", "fifpl" },
  { "Cabinet d'architecture", "fifpl" },
  { "Cabinet infirmier", "fifpl" },
  { "Cabinet de psychologie", "fifpl" },
  { "Ostéopathe", "fifpl" },
  { "Traductions", "fifpl" },
  { "Fleuriste", "agefice" },
  { "Boutique", "agefice" },
  { "Épicerie fine", "agefice" },
  { "Librairie", "agefice" },
  { "Caviste", "agefice" },
  { "Agence immobilière", "agefice" },
};

static const char * const france_travail_agencies[] = {
  "France Travail Paris 11e Voltaire", "France Travail Lyon Part-Dieu",
  "France Travail Bordeaux Bastide", "France Travail Lille Vauban",
  "France Travail Nantes Est", "France Travail Marseille Joliette",
  "France Travail Toulouse Compans", "France Travail Strasbourg Meinau",
  "France Travail Rennes Cleunay", "France Travail Montpellier Près d'Arènes",
};

static gboolean
write_trainee (Demo       *demo,
               guint       client_index,
               const char *civility,
               const char *first_name,
               const char *last_name,
               const char *email_domain,
               const char *email,
               GError    **error)
{
  Client *client = &g_array_index (demo->clients, Client, client_index);
  g_autoptr(FdChange) change = fd_change_new_create ("trainee");
  Trainee trainee = { NULL, client_index };
  int birth_city = _fd_demo_random_city (demo);
  int city = chance (demo, 0.7) ? client->city : _fd_demo_random_city (demo);
  int age_days = rand_range (demo, 19 * 365, 63 * 365);
  guint index = demo->trainees->len;

  fd_change_set_string (change, "civility", civility);
  fd_change_set_string (change, "first_name", first_name);
  fd_change_set_string (change, "last_name", last_name);
  if (g_strcmp0 (civility, "mrs") == 0 && chance (demo, 0.2))
    fd_change_set_string (change, "birth_name", _fd_demo_pick_last_name (demo));
  if (email != NULL)
    fd_change_set_string (change, "email", email);
  else
    set_string_take (change, "email",
                     _fd_demo_unique_email (demo, first_name, last_name,
                                            email_domain != NULL
                                            ? email_domain
                                            : _fd_demo_pick_email_provider (demo)));
  set_string_take (change, "phone", _fd_demo_random_mobile (demo));
  set_string_take (change, "birth_date", _fd_demo_format_day (demo, demo->today - age_days));
  if (chance (demo, 0.9))
    {
      fd_change_set_string (change, "birth_postal_code", _fd_demo_cities[birth_city].postal_code);
      fd_change_set_string (change, "birth_city", _fd_demo_cities[birth_city].name);
      fd_change_set_string (change, "birth_country", "France");
      fd_change_set_bool (change, "native_french", TRUE);
    }
  else
    {
      const char *country = PICK (demo, foreign_birth_countries);

      fd_change_set_string (change, "birth_city",
                            g_str_equal (country, "Maroc") ? "Casablanca"
                            : g_str_equal (country, "Portugal") ? "Porto"
                            : g_str_equal (country, "Algérie") ? "Oran"
                            : g_str_equal (country, "Belgique") ? "Liège"
                            : g_str_equal (country, "Tunisie") ? "Sfax"
                            : g_str_equal (country, "Sénégal") ? "Dakar"
                            : g_str_equal (country, "Espagne") ? "Valence"
                            : g_str_equal (country, "Italie") ? "Turin"
                            : g_str_equal (country, "Roumanie") ? "Cluj-Napoca"
                            : "Abidjan");
      fd_change_set_string (change, "birth_country", country);
      fd_change_set_bool (change, "native_french", chance (demo, 0.3));
    }
  set_string_take (change, "address", _fd_demo_random_address (demo));
  fd_change_set_string (change, "postal_code", _fd_demo_cities[city].postal_code);
  fd_change_set_string (change, "city", _fd_demo_cities[city].name);
  fd_change_set_string (change, "country", "France");
  fd_change_set_string (change, "client_id", client->id);
  fd_change_set_bool (change, "employee", client->kind == CLIENT_COMPANY);
  fd_change_set_string (change, "financing", client->funder);
  fd_change_set_string (change, "education_level", PICK (demo, education_levels));
  switch (client->kind)
    {
    case CLIENT_COMPANY:
      fd_change_set_string (change, "socio_professional_category",
                            PICK (demo, employee_categories));
      break;

    case CLIENT_INDEPENDENT:
      fd_change_set_string (change, "socio_professional_category",
                            "Travailleur indépendant");
      break;

    case CLIENT_INDIVIDUAL:
    default:
      fd_change_set_string (change, "socio_professional_category",
                            g_strcmp0 (client->funder, "france_travail") == 0
                            ? "Demandeur d'emploi" : PICK (demo, employee_categories));
      break;
    }
  if (chance (demo, 0.03))
    fd_change_set_string (change, "disability_needs",
                          "Poste de travail adapté ; supports en gros caractères.");
  fd_change_set_string (change, "status", "active");

  trainee.id = apply_create (demo, change, error);
  if (trainee.id == NULL)
    return FALSE;

  g_array_append_val (demo->trainees, trainee);
  g_array_append_val (client->trainees, index);

  return TRUE;
}

/* Writes @client's row, then keeps @client in demo->clients; frees it if
 * the row could not be written */
static gboolean
add_client (Demo      *demo,
            FdChange  *change,
            Client    *client,
            GError   **error)
{
  client->id = apply_create (demo, change, error);
  if (client->id == NULL)
    {
      g_free (client->name);
      g_array_unref (client->trainees);
      return FALSE;
    }
  g_array_append_val (demo->clients, *client);

  return TRUE;
}

gboolean
_fd_demo_write_clients_and_trainees (Demo    *demo,
                                     guint    n_trainees,
                                     GError **error)
{
  guint n_individuals = n_trainees * 24 / 100;
  guint n_independents = n_trainees * 4 / 100;
  guint n_employees = n_trainees - n_individuals - n_independents;
  guint n_companies = MAX (n_employees / 18, 1);
  guint i;

  demo->clients = g_array_new (FALSE, TRUE, sizeof (Client));
  demo->companies = g_array_new (FALSE, FALSE, sizeof (guint));
  demo->trainees = g_array_sized_new (FALSE, TRUE, sizeof (Trainee), n_trainees);

  /* Companies, each with its employees. */
  for (i = 0; i < n_companies; i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("client");
      const Sector *sector = &sectors[rand_range (demo, 0, G_N_ELEMENTS (sectors))];
      const char *owner = _fd_demo_pick_last_name (demo);
      const char *civility;
      const char *first_name;
      const char *last_name;
      g_autofree char *domain = NULL;
      g_autofree char *slug = NULL;
      Client client = { 0, };
      guint index = demo->clients->len;
      guint n_staff;
      guint e;

      client.kind = CLIENT_COMPANY;
      client.funder = "opco";
      client.opco = sector->opco;
      client.city = _fd_demo_random_city (demo);
      client.trainees = g_array_new (FALSE, FALSE, sizeof (guint));
      client.name = g_strdup_printf ("%s %s %s", sector->prefix, owner, PICK (demo, legal_forms));
      slug = _fd_demo_slugify (client.name);
      domain = g_strdup_printf ("%s.fr", slug);

      fd_change_set_string (change, "kind", "company");
      fd_change_set_string (change, "name", client.name);
      set_string_take (change, "email", g_strdup_printf ("contact@%s", domain));
      set_string_take (change, "phone", _fd_demo_random_landline (demo));
      set_string_take (change, "siret", _fd_demo_random_siret (demo));
      _fd_demo_random_person (demo, &civility, &first_name, &last_name);
      set_string_take (change, "manager_name", g_strdup_printf ("%s %s", first_name, last_name));
      _fd_demo_random_person (demo, &civility, &first_name, &last_name);
      set_string_take (change, "training_manager_name",
                       g_strdup_printf ("%s %s", first_name, last_name));
      set_string_take (change, "address", _fd_demo_random_address (demo));
      fd_change_set_string (change, "postal_code", _fd_demo_cities[client.city].postal_code);
      fd_change_set_string (change, "city", _fd_demo_cities[client.city].name);
      fd_change_set_string (change, "funder", "opco");
      fd_change_set_string (change, "opco_name", client.opco);

      if (!add_client (demo, change, &client, error))
        return FALSE;
      g_array_append_val (demo->companies, index);

      if (i + 1 == n_companies)
        n_staff = n_employees - MIN (n_employees, demo->trainees->len);
      else
        n_staff = rand_range (demo, 4, 33);
      for (e = 0; e < n_staff && demo->trainees->len < n_employees; e++)
        {
          _fd_demo_random_person (demo, &civility, &first_name, &last_name);
          if (!write_trainee (demo, index, civility, first_name, last_name, domain, NULL,
                              error))
            return FALSE;
        }
    }

  /* Individuals and independents: the client is the trainee. */
  for (i = 0; i < n_individuals + n_independents; i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("client");
      gboolean independent = i >= n_individuals;
      g_autofree char *email = NULL;
      const char *civility;
      const char *first_name;
      const char *last_name;
      Client client = { 0, };
      guint index = demo->clients->len;

      _fd_demo_random_person (demo, &civility, &first_name, &last_name);
      client.city = _fd_demo_random_city (demo);
      client.trainees = g_array_new (FALSE, FALSE, sizeof (guint));

      if (independent)
        {
          const Trade *trade = &trades[rand_range (demo, 0, G_N_ELEMENTS (trades))];

          client.kind = CLIENT_INDEPENDENT;
          client.funder = trade->funder;
          client.name = g_strdup_printf ("%s %s %s", trade->prefix, first_name, last_name);
          fd_change_set_string (change, "kind", "independent");
          set_string_take (change, "siret", _fd_demo_random_siret (demo));
        }
      else
        {
          double draw = g_rand_double (demo->rand);

          client.kind = CLIENT_INDIVIDUAL;
          client.funder = draw < 0.55 ? "cpf" : draw < 0.85 ? "france_travail" : "self";
          client.name = g_strdup_printf ("%s %s", first_name, last_name);
          fd_change_set_string (change, "kind", "individual");
          if (g_str_equal (client.funder, "france_travail"))
            {
              g_autofree char *digits = _fd_demo_random_digits (demo, 7);

              set_string_take (change, "france_travail_id",
                               g_strdup_printf ("%s%c", digits, 'A' + rand_range (demo, 0, 26)));
              fd_change_set_string (change, "france_travail_agency",
                                    PICK (demo, france_travail_agencies));
            }
        }

      fd_change_set_string (change, "name", client.name);
      fd_change_set_string (change, "civility", civility);
      fd_change_set_string (change, "first_name", first_name);
      fd_change_set_string (change, "last_name", last_name);
      email = _fd_demo_unique_email (demo, first_name, last_name,
                                     _fd_demo_pick_email_provider (demo));
      fd_change_set_string (change, "email", email);
      set_string_take (change, "phone", _fd_demo_random_mobile (demo));
      set_string_take (change, "address", _fd_demo_random_address (demo));
      fd_change_set_string (change, "postal_code", _fd_demo_cities[client.city].postal_code);
      fd_change_set_string (change, "city", _fd_demo_cities[client.city].name);
      fd_change_set_string (change, "funder", client.funder);

      if (!add_client (demo, change, &client, error))
        return FALSE;

      /* The person's own address is the client's too. */
      if (!write_trainee (demo, index, civility, first_name, last_name, NULL, email, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_fd_demo_write_groups (Demo    *demo,
                       GError **error)
{
  guint n_groups = demo->size == FD_DEMO_SIZE_LARGE ? 120 : 10;
  guint i;

  for (i = 0; i < n_groups; i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("trainee_group");
      g_autofree char *group_id = NULL;
      const char *category;
      guint n_members = rand_range (demo, 5, 21);
      guint m;

      switch (i % 4)
        {
        case 0:
          {
            guint company = g_array_index (demo->companies, guint,
                                           rand_range (demo, 0, demo->companies->len));
            Client *client = &g_array_index (demo->clients, Client, company);

            category = "client";
            set_string_take (change, "name", g_strdup_printf ("Salariés %s", client->name));
          }
          break;

        case 1:
          category = "class";
          set_string_take (change, "name",
                           g_strdup_printf ("Promotion %s %d",
                                            PICK (demo, ((const char * const[]) {
                                              "Développeur web", "Anglais intensif",
                                              "Comptabilité", "FLE", "Managers",
                                            })),
                                            _fd_demo_day_year (demo, demo->today)
                                            - rand_range (demo, 0, 3)));
          break;

        case 2:
          category = "exam_session";
          set_string_take (change, "name",
                           g_strdup_printf ("Session d'examen %s — %s",
                                            _fd_demo_certification_specs[rand_range (demo, 0,
                                                                                     4)].name,
                                            _fd_demo_cities[rand_range (demo, 0, 12)].name));
          break;

        default:
          category = "other";
          set_string_take (change, "name",
                           g_strdup_printf ("Liste d'attente %u", i / 4 + 1));
          break;
        }
      fd_change_set_string (change, "category", category);

      group_id = apply_create (demo, change, error);
      if (group_id == NULL)
        return FALSE;

      for (m = 0; m < n_members; m++)
        {
          g_autoptr(FdChange) member = fd_change_new_create ("group_member");
          guint trainee = rand_range (demo, 0, demo->trainees->len);

          fd_change_set_string (member, "group_id", group_id);
          fd_change_set_string (member, "trainee_id",
                                g_array_index (demo->trainees, Trainee, trainee).id);
          if (!apply (demo, member, error))
            return FALSE;
        }
    }

  return TRUE;
}
