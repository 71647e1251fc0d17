/* fd-demo-places.c — the demo's cities, training places and rooms
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

const City _fd_demo_cities[] = {
  { "Paris", "75011", "Bastille" },
  { "Lyon", "69003", "Part-Dieu" },
  { "Bordeaux", "33300", "Chartrons" },
  { "Lille", "59777", "Euralille" },
  { "Nantes", "44200", "Île de Nantes" },
  { "Marseille", "13002", "Joliette" },
  { "Toulouse", "31000", "Compans-Caffarelli" },
  { "Strasbourg", "67000", "Wacken" },
  { "Rennes", "35000", "Colombier" },
  { "Montpellier", "34000", "Antigone" },
  { "Grenoble", "38000", "Europole" },
  { "Nice", "06200", "Arénas" },
  { "Toulon", "83000", "Mayol" },
  { "Saint-Étienne", "42000", "Châteaucreux" },
  { "Le Havre", "76600", "Docks Vauban" },
  { "Dijon", "21000", "Clemenceau" },
  { "Angers", "49100", "Saint-Serge" },
  { "Nîmes", "30900", "Hoche" },
  { "Villeurbanne", "69100", "Gratte-Ciel" },
  { "Clermont-Ferrand", "63000", "Jaude" },
  { "Le Mans", "72000", "Novaxis" },
  { "Aix-en-Provence", "13100", "Pôle d'activités" },
  { "Brest", "29200", "Saint-Martin" },
  { "Tours", "37000", "Deux-Lions" },
  { "Amiens", "80000", "Gare La Vallée" },
  { "Limoges", "87000", "Ester Technopole" },
  { "Annecy", "74000", "Bonlieu" },
  { "Perpignan", "66000", "Tecnosud" },
  { "Metz", "57000", "Amphithéâtre" },
  { "Besançon", "25000", "Témis" },
  { "Orléans", "45000", "Coligny" },
  { "Rouen", "76000", "Luciline" },
  { "Mulhouse", "68100", "Fonderie" },
  { "Caen", "14000", "Presqu'île" },
  { "Nancy", "54000", "Nancy Grand Cœur" },
  { "Avignon", "84000", "Courtine" },
  { "Poitiers", "86000", "Futuroscope" },
  { "Pau", "64000", "Hélioparc" },
  { "La Rochelle", "17000", "Les Minimes" },
  { "Ajaccio", "20000", "Le Diamant" },
  { "Bastia", "20200", "Vieux-Port" },
  { "Quimper", "29000", "Créac'h Gwen" },
  { "Valence", "26000", "Briffaut" },
  { "Chambéry", "73000", "Savoie Technolac" },
  { "Vannes", "56000", "Le Prat" },
  { "Boulogne-Billancourt", "92100", "Trapèze" },
  { "Nanterre", "92000", "La Défense" },
  { "Versailles", "78000", "Satory" },
  { "Créteil", "94000", "Échat" },
  { "Colmar", "68000", "Saint-Joseph" },
  { "Lorient", "56100", "Keroman" },
  { "Bayonne", "64100", "Saint-Esprit" },
  { "Niort", "79000", "Terre de Sports" },
  { "Troyes", "10000", "Technopole de l'Aube" },
  { "Saint-Malo", "35400", "Rocabey" },
  { "Épinal", "88000", "Quartier de la Gare" },
};

const guint _fd_demo_n_cities = G_N_ELEMENTS (_fd_demo_cities);

static const char * const streets[] = {
  "rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo",
  "rue Pasteur", "place de la Mairie", "rue du Général Leclerc",
  "allée des Tilleuls", "rue des Lilas", "chemin des Vignes",
  "rue Émile Zola", "avenue de la Gare", "rue Nationale", "rue Gambetta",
  "boulevard de la Liberté", "impasse des Peupliers", "rue Jean Moulin",
  "rue de l'Église", "avenue du Maréchal Foch", "rue Voltaire",
  "rue des Écoles", "rue du Château", "avenue de Verdun", "rue Carnot",
  "rue de la Paix", "quai des Mariniers", "rue Saint-Exupéry",
};

char *
_fd_demo_random_address (Demo *demo)
{
  int number = rand_range (demo, 1, 120);

  if (chance (demo, 0.1))
    return g_strdup_printf ("%d bis %s", number, PICK (demo, streets));

  return g_strdup_printf ("%d %s", number, PICK (demo, streets));
}

int
_fd_demo_random_city (Demo *demo)
{
  /* The big cities come first in the list and are picked more often. */
  if (chance (demo, 0.5))
    return rand_range (demo, 0, 12);

  return rand_range (demo, 0, _fd_demo_n_cities);
}

gboolean
_fd_demo_write_places (Demo    *demo,
                       GError **error)
{
  static const char * const room_names[] = {
    "Salle Lumière", "Salle Curie", "Salle Eiffel", "Salle Molière",
    "Salle Pasteur", "Salle Colette", "Salle Jaurès", "Salle Hugo",
    "Salle Simone Veil", "Salle Rosa Bonheur",
  };
  guint n_places = demo->size == FD_DEMO_SIZE_LARGE ? _fd_demo_n_cities : 12;
  guint i;

  demo->places = g_ptr_array_new ();
  demo->rooms = g_array_new (FALSE, TRUE, sizeof (Room));

  for (i = 0; i < n_places; i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("place");
      Place *place = g_new0 (Place, 1);
      int n_rooms = rand_range (demo, 2, 5);
      int first_room = rand_range (demo, 0, G_N_ELEMENTS (room_names));
      int r;

      place->city = i;
      place->rooms = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (demo->places, place);

      if (i == 0)
        fd_change_set_string (change, "name", "Horizon Compétences — Paris Bastille");
      else
        set_string_take (change, "name",
                         g_strdup_printf ("Espace formation %s %s",
                                          _fd_demo_cities[i].name, _fd_demo_cities[i].district));
      set_string_take (change, "address", _fd_demo_random_address (demo));
      fd_change_set_string (change, "postal_code", _fd_demo_cities[i].postal_code);
      fd_change_set_string (change, "city", _fd_demo_cities[i].name);
      fd_change_set_string (change, "access_info",
                            PICK (demo, ((const char * const[]) {
                              "Tram et bus à 5 minutes à pied. Parking public à proximité.",
                              "À 10 minutes à pied de la gare. Accueil au rez-de-chaussée.",
                              "Métro à 200 m. Interphone « Horizon Compétences », 2e étage avec ascenseur.",
                              "Parking gratuit sur place. Badge remis à l'accueil.",
                            })));
      fd_change_set_bool (change, "accessible", chance (demo, 0.9));

      place->id = apply_create (demo, change, error);
      if (place->id == NULL)
        return FALSE;

      for (r = 0; r < n_rooms; r++)
        {
          g_autoptr(FdChange) room_change = fd_change_new_create ("room");
          Room room = { NULL, i, 0 };
          gboolean computers = r == 1;
          guint room_index;

          room.capacity = computers ? 10 : PICK (demo, ((const int[]) { 10, 12, 14, 16, 20 }));

          fd_change_set_string (room_change, "place_id", place->id);
          if (computers)
            fd_change_set_string (room_change, "name", "Salle informatique");
          else
            fd_change_set_string (room_change, "name",
                                  room_names[(first_room + r) % G_N_ELEMENTS (room_names)]);
          fd_change_set_int (room_change, "capacity", room.capacity);
          fd_change_set_string (room_change, "equipment",
                                computers
                                ? "10 postes informatiques, vidéoprojecteur, Wi-Fi"
                                : "Vidéoprojecteur, paperboard, Wi-Fi");

          room.id = apply_create (demo, room_change, error);
          if (room.id == NULL)
            return FALSE;

          g_array_append_val (demo->rooms, room);
          room_index = demo->rooms->len - 1;
          g_array_append_val (place->rooms, room_index);
        }
    }

  demo->room_busy = g_new0 (guint8, (gsize) demo->rooms->len * demo->n_days);

  return TRUE;
}
