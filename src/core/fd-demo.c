/* fd-demo.c — realistic French demo data
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The demo generator plays the part of a training organisation's staff over
 * three years: it builds a catalogue, people and places, then plans sessions
 * day by day so that no trainer and no room is booked twice, enrolls
 * trainees within capacity, and collects attendance signatures for the slots
 * that are already past. Every row goes through fd_database_apply(), like
 * any user's edit, so the data also exercises the write path's validation.
 *
 * Everything is drawn from one GRand seeded by the caller: the same seed and
 * the same date give the same organisation (only the UUIDs differ).
 */

/* ------------------------------------------------------------------------ */
/* Reference lists                                                          */
/* ------------------------------------------------------------------------ */

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

typedef struct
{
  const char *name;
  const char *postal_code;
  const char *district; /* a well-known business district, for place names */
} City;

static const City cities[] = {
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

static const char * const email_providers[] = {
  "gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr", "sfr.fr",
  "yahoo.fr", "hotmail.fr", "wanadoo.fr", "icloud.com",
};

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

/* ------------------------------------------------------------------------ */
/* The catalogue                                                            */
/* ------------------------------------------------------------------------ */

enum
{
  DOMAIN_OFFICE,
  DOMAIN_MANAGEMENT,
  DOMAIN_SAFETY,
  DOMAIN_LANGUAGES,
  DOMAIN_IT,
  DOMAIN_HR,
  DOMAIN_SALES,
  DOMAIN_CARE,
  N_DOMAINS
};

static const char * const domain_skills[N_DOMAINS] = {
  "Excel, Word, PowerPoint, Outlook, VBA",
  "Management, conduite du changement, communication, gestion de projet",
  "SST, habilitation électrique, incendie, CACES, gestes et postures",
  "Anglais, espagnol, FLE, orthographe, préparation TOEIC",
  "Développement web, Python, Linux, SQL, cybersécurité",
  "Paie, comptabilité, droit du travail, RGPD",
  "Vente, négociation, marketing digital, relation client",
  "Bientraitance, risques psychosociaux, ingénierie pédagogique",
};

static const char * const domain_codes[N_DOMAINS] = {
  "BUR", "MAN", "SEC", "LAN", "INF", "RHJ", "COM", "SAN",
};

static const char * const domain_specialities[N_DOMAINS] = {
  "326 — Informatique, traitement de l'information",
  "310 — Spécialités plurivalentes des échanges et de la gestion",
  "344 — Sécurité des biens et des personnes",
  "136 — Langues vivantes, civilisations étrangères et régionales",
  "326 — Informatique, traitement de l'information",
  "315 — Ressources humaines, gestion du personnel",
  "312 — Commerce, vente",
  "330 — Spécialités plurivalentes sanitaires et sociales",
};

typedef struct
{
  const char *name;
  const char *kind;
  const char *reference;
  gint64 unit_price_cents;
  gboolean proctored;
} CertificationSpec;

enum
{
  CERT_TOSA_EXCEL,
  CERT_TOSA_WORD,
  CERT_TOEIC,
  CERT_LE_ROBERT,
  CERT_SST,
  CERT_CACES,
  CERT_LINGUASKILL,
  N_CERTS
};

static const CertificationSpec certification_specs[N_CERTS] = {
  { "TOSA Excel", "Évaluation adaptative", "RS5252", 7900, TRUE },
  { "TOSA Word", "Évaluation adaptative", "RS5794", 7900, TRUE },
  { "TOEIC Listening & Reading", "Test de langue", "RS5800", 13200, TRUE },
  { "Certification Le Robert", "Orthographe et expression", "RS5859", 6500, TRUE },
  { "Certificat SST", "Certificat INRS", NULL, 0, FALSE },
  { "CACES R489", "Certificat d'aptitude", NULL, 12000, FALSE },
  { "Linguaskill Business", "Test de langue", "RS6140", 11000, TRUE },
};

typedef struct
{
  const char *title;
  int domain;
  double days;
  gint64 price_cents;
  int capacity_min;
  int capacity_target;
  int capacity_max;
  int certification; /* index in certification_specs or -1 */
  int weight;        /* how often it runs */
  gboolean weekly;   /* half-days spread over weeks rather than in a row */
  const char *objectives;
  const char *prerequisites;
  const char *modules; /* "|"-separated titles */
} TrainingSpec;

static const TrainingSpec training_specs[] = {
  { "Excel initiation", DOMAIN_OFFICE, 2, 79000, 4, 8, 10, CERT_TOSA_EXCEL, 6, FALSE,
    "Créer, mettre en forme et imprimer des tableaux ; utiliser les formules de calcul simples.",
    "Connaître l'environnement Windows.",
    "Découvrir l'interface|Saisir et mettre en forme|Formules et fonctions simples|Graphiques et impression" },
  { "Excel perfectionnement", DOMAIN_OFFICE, 2, 89000, 4, 8, 10, CERT_TOSA_EXCEL, 6, FALSE,
    "Maîtriser les fonctions avancées, les tableaux croisés dynamiques et les outils d'analyse.",
    "Avoir suivi Excel initiation ou niveau équivalent.",
    "Fonctions conditionnelles et RECHERCHEX|Tableaux croisés dynamiques|Mise en forme conditionnelle|Outils de simulation" },
  { "Excel — tableaux croisés dynamiques", DOMAIN_OFFICE, 1, 49000, 4, 8, 10, -1, 3, FALSE,
    "Analyser rapidement de grands volumes de données avec les tableaux croisés dynamiques.",
    "Pratique courante d'Excel.",
    "Préparer ses données|Construire un tableau croisé|Graphiques croisés dynamiques" },
  { "Word — maîtriser les documents longs", DOMAIN_OFFICE, 1, 45000, 4, 8, 10, CERT_TOSA_WORD, 2, FALSE,
    "Structurer un document long : styles, sommaire, sections, index et publipostage.",
    "Pratique de base de Word.",
    "Styles et plan|Sections, en-têtes et pieds de page|Sommaire, index et renvois" },
  { "PowerPoint — des présentations efficaces", DOMAIN_OFFICE, 1, 45000, 4, 8, 10, -1, 2, FALSE,
    "Concevoir des présentations claires et animées avec les masques et les bonnes pratiques visuelles.",
    "Aucun.",
    "Masques et thèmes|Illustrer ses propos|Animer et présenter" },
  { "Outlook et gestion du temps", DOMAIN_OFFICE, 1, 42000, 4, 8, 12, -1, 2, FALSE,
    "Organiser sa messagerie, son agenda et ses tâches pour gagner en efficacité.",
    "Aucun.",
    "Traiter ses e-mails|Agenda partagé|Tâches et priorités" },
  { "VBA Excel — automatiser ses tableaux", DOMAIN_OFFICE, 3, 129000, 3, 6, 8, -1, 2, FALSE,
    "Automatiser des traitements répétitifs avec des macros et le langage VBA.",
    "Excel perfectionnement ou niveau équivalent.",
    "Enregistreur de macros|Le langage VBA|Boucles et conditions|Formulaires utilisateur|Gestion des erreurs" },
  { "Management d'équipe", DOMAIN_MANAGEMENT, 3, 149000, 4, 8, 12, -1, 6, FALSE,
    "Adopter une posture de manager, motiver son équipe, déléguer et conduire les entretiens clés.",
    "Encadrer ou être appelé à encadrer une équipe.",
    "Le rôle du manager|Motiver et fédérer|Déléguer et accompagner|Entretiens de recadrage" },
  { "Manager à distance", DOMAIN_MANAGEMENT, 2, 109000, 4, 8, 12, -1, 3, FALSE,
    "Animer et piloter une équipe en télétravail ou multi-sites.",
    "Encadrer une équipe.",
    "Les codes du travail à distance|Rituels d'équipe|Outils collaboratifs" },
  { "Conduire l'entretien annuel et professionnel", DOMAIN_MANAGEMENT, 1, 59000, 4, 8, 12, -1, 3, FALSE,
    "Préparer et mener les entretiens annuels et professionnels dans le respect du cadre légal.",
    "Aucun.",
    "Cadre légal|Préparer l'entretien|Fixer des objectifs" },
  { "Gestion des conflits", DOMAIN_MANAGEMENT, 2, 99000, 4, 8, 12, -1, 3, FALSE,
    "Prévenir, analyser et désamorcer les situations conflictuelles.",
    "Aucun.",
    "Comprendre les conflits|Communication non violente|Médiation" },
  { "Prise de parole en public", DOMAIN_MANAGEMENT, 2, 99000, 4, 6, 8, -1, 3, FALSE,
    "Gagner en aisance à l'oral et captiver son auditoire.",
    "Aucun.",
    "Gérer son trac|Voix et gestuelle|Structurer son message|Mises en situation filmées" },
  { "Gestion de projet — les fondamentaux", DOMAIN_MANAGEMENT, 3, 139000, 4, 8, 12, -1, 4, FALSE,
    "Cadrer, planifier et piloter un projet avec les outils classiques et agiles.",
    "Aucun.",
    "Cadrage et note de lancement|Planification|Pilotage et reporting|Méthodes agiles" },
  { "SST — Sauveteur secouriste du travail", DOMAIN_SAFETY, 2, 29000, 4, 8, 10, CERT_SST, 8, FALSE,
    "Intervenir face à une situation d'accident du travail et contribuer à la prévention des risques.",
    "Aucun.",
    "Le sauvetage secourisme du travail|Protéger, examiner, alerter|Secourir|Prévention des risques" },
  { "MAC SST — maintien et actualisation des compétences", DOMAIN_SAFETY, 1, 18000, 4, 8, 10, CERT_SST, 5, FALSE,
    "Maintenir et actualiser les compétences du sauveteur secouriste du travail.",
    "Être titulaire du certificat SST.",
    "Retour d'expérience|Révision des gestes|Cas concrets" },
  { "Habilitation électrique B0-H0V non électricien", DOMAIN_SAFETY, 1, 25000, 4, 8, 12, -1, 4, FALSE,
    "Travailler en sécurité au voisinage d'installations électriques (NF C 18-510).",
    "Aucun.",
    "Notions d'électricité|Le risque électrique|Zones et consignes" },
  { "Habilitation électrique B1V", DOMAIN_SAFETY, 3, 69000, 4, 6, 10, -1, 4, FALSE,
    "Exécuter des travaux d'ordre électrique en basse tension en sécurité.",
    "Connaissances de base en électricité.",
    "Réglementation NF C 18-510|Travaux hors tension|Consignations|Évaluation pratique" },
  { "Incendie — équipier de première intervention", DOMAIN_SAFETY, 1, 19000, 4, 8, 12, -1, 3, FALSE,
    "Réagir face à un départ de feu et utiliser les extincteurs.",
    "Aucun.",
    "Le feu et ses dangers|Extincteurs : exercice pratique|Évacuation" },
  { "CACES R489 — chariots élévateurs catégories 1, 3 et 5", DOMAIN_SAFETY, 5, 119000, 3, 5, 6, CERT_CACES, 3, FALSE,
    "Conduire en sécurité les chariots élévateurs à conducteur porté.",
    "Avoir 18 ans et être apte médicalement.",
    "Réglementation|Technologie des chariots|Conduite en sécurité|Tests théoriques|Tests pratiques" },
  { "Gestes et postures", DOMAIN_SAFETY, 1, 22000, 4, 8, 12, -1, 3, FALSE,
    "Prévenir les troubles musculosquelettiques par les bons gestes.",
    "Aucun.",
    "Anatomie et TMS|Principes d'économie d'effort|Exercices sur poste" },
  { "Anglais professionnel TOEIC", DOMAIN_LANGUAGES, 10, 240000, 3, 6, 8, CERT_TOEIC, 9, TRUE,
    "Communiquer avec aisance en anglais professionnel et préparer le TOEIC.",
    "Niveau A2 minimum (test de positionnement).",
    "Positionnement|Compréhension orale|Compréhension écrite|Entraînement TOEIC|Examen blanc" },
  { "Anglais — remise à niveau", DOMAIN_LANGUAGES, 10, 180000, 3, 6, 8, CERT_LINGUASKILL, 4, TRUE,
    "Consolider les bases grammaticales et le vocabulaire courant.",
    "Test de positionnement.",
    "Grammaire essentielle|Vocabulaire du quotidien|Expression orale" },
  { "Espagnol professionnel", DOMAIN_LANGUAGES, 10, 220000, 3, 6, 8, -1, 3, TRUE,
    "Échanger en espagnol dans les situations professionnelles courantes.",
    "Niveau A2.",
    "Se présenter|Téléphone et e-mails|Réunions|Négociation" },
  { "Français langue étrangère (FLE)", DOMAIN_LANGUAGES, 15, 270000, 4, 8, 10, -1, 2, TRUE,
    "Progresser en français oral et écrit pour l'insertion professionnelle.",
    "Test de positionnement.",
    "Communication orale|Écrits du quotidien|Français professionnel|Préparation DELF" },
  { "Orthographe et expression écrite — Certification Le Robert", DOMAIN_LANGUAGES, 3, 99000, 4, 8, 10, CERT_LE_ROBERT, 4, FALSE,
    "Écrire sans fautes et rédiger des écrits professionnels clairs.",
    "Aucun.",
    "Règles d'accord|Conjugaison|Écrits professionnels|Préparation à la certification" },
  { "Développeur web — HTML, CSS et JavaScript", DOMAIN_IT, 10, 390000, 4, 8, 10, -1, 2, FALSE,
    "Créer des sites web responsives et dynamiques.",
    "Être à l'aise avec l'outil informatique.",
    "HTML sémantique|CSS et mise en page|JavaScript|Accessibilité|Projet final" },
  { "Python — les fondamentaux", DOMAIN_IT, 3, 159000, 4, 8, 10, -1, 3, FALSE,
    "Écrire des scripts Python pour automatiser des tâches et traiter des données.",
    "Notions d'algorithmique.",
    "Syntaxe et types|Fonctions et modules|Fichiers et données|Bibliothèque standard" },
  { "Linux — administration système", DOMAIN_IT, 5, 245000, 3, 6, 8, -1, 2, FALSE,
    "Installer, configurer et maintenir un serveur Linux.",
    "Pratique de la ligne de commande.",
    "Installation|Utilisateurs et droits|Services et journaux|Réseau|Sauvegardes" },
  { "Cybersécurité — sensibilisation des utilisateurs", DOMAIN_IT, 1, 49000, 4, 10, 12, -1, 4, FALSE,
    "Adopter les bons réflexes face aux menaces informatiques.",
    "Aucun.",
    "Hameçonnage|Mots de passe|Bonnes pratiques" },
  { "SQL — interroger une base de données", DOMAIN_IT, 2, 109000, 4, 8, 10, -1, 2, FALSE,
    "Extraire et analyser des données avec le langage SQL.",
    "Aucun.",
    "Modèle relationnel|SELECT et jointures|Agrégats et sous-requêtes" },
  { "WordPress — créer et gérer son site", DOMAIN_IT, 3, 119000, 4, 8, 10, -1, 2, FALSE,
    "Créer un site vitrine avec WordPress et le faire vivre.",
    "Aucun.",
    "Installation|Thèmes et extensions|Contenus|Référencement" },
  { "Paie — les fondamentaux", DOMAIN_HR, 3, 135000, 4, 8, 10, -1, 3, FALSE,
    "Établir et contrôler les bulletins de paie courants.",
    "Connaissances de base en gestion.",
    "Structure du bulletin|Cotisations sociales|Absences et congés|Contrôles" },
  { "Comptabilité générale — initiation", DOMAIN_HR, 5, 175000, 4, 8, 10, -1, 2, FALSE,
    "Comprendre et tenir une comptabilité simple.",
    "Aucun.",
    "Principes comptables|Saisie des écritures|TVA|Clôture et bilan" },
  { "Droit du travail — l'essentiel pour les managers", DOMAIN_HR, 2, 109000, 4, 8, 12, -1, 3, FALSE,
    "Appliquer les règles essentielles du droit du travail au quotidien.",
    "Aucun.",
    "Contrat de travail|Durée du travail|Pouvoir disciplinaire" },
  { "RGPD — mettre son organisation en conformité", DOMAIN_HR, 1, 69000, 4, 8, 12, -1, 2, FALSE,
    "Connaître ses obligations et piloter la mise en conformité au RGPD.",
    "Aucun.",
    "Principes du RGPD|Registre des traitements|Droits des personnes" },
  { "Techniques de vente", DOMAIN_SALES, 2, 109000, 4, 8, 12, -1, 3, FALSE,
    "Conduire un entretien de vente de la découverte à la conclusion.",
    "Aucun.",
    "Découverte des besoins|Argumentation|Traitement des objections|Conclusion" },
  { "Négociation commerciale", DOMAIN_SALES, 3, 149000, 4, 8, 12, -1, 2, FALSE,
    "Préparer et mener des négociations gagnant-gagnant.",
    "Expérience commerciale.",
    "Préparation|Stratégies et tactiques|Concessions|Jeux de rôle" },
  { "Marketing digital et réseaux sociaux", DOMAIN_SALES, 3, 139000, 4, 8, 12, -1, 3, FALSE,
    "Construire une stratégie digitale et animer ses réseaux sociaux.",
    "Aucun.",
    "Stratégie digitale|Réseaux sociaux|Contenus|Mesure de performance" },
  { "Accueil physique et téléphonique", DOMAIN_SALES, 1, 45000, 4, 8, 12, -1, 3, FALSE,
    "Offrir un accueil professionnel et gérer les situations délicates.",
    "Aucun.",
    "Image de l'entreprise|Accueil téléphonique|Clients mécontents" },
  { "Bientraitance en établissement", DOMAIN_CARE, 2, 89000, 4, 10, 12, -1, 3, FALSE,
    "Promouvoir une culture de bientraitance auprès des personnes accompagnées.",
    "Aucun.",
    "Cadre réglementaire|Repérer la maltraitance|Pratiques bientraitantes" },
  { "Prévention des risques psychosociaux", DOMAIN_CARE, 2, 99000, 4, 8, 12, -1, 3, FALSE,
    "Identifier et prévenir les risques psychosociaux au travail.",
    "Aucun.",
    "Stress et épuisement|Facteurs de risque|Plan de prévention" },
  { "Formateur occasionnel — concevoir et animer une formation", DOMAIN_CARE, 4, 159000, 4, 8, 10, -1, 3, FALSE,
    "Concevoir une séquence pédagogique et l'animer avec des méthodes actives.",
    "Être expert dans son métier.",
    "Ingénierie pédagogique|Objectifs et évaluation|Méthodes actives|Animation|Mises en situation" },
  { "Titre professionnel Secrétaire assistant", DOMAIN_OFFICE, 20, 540000, 6, 10, 12, -1, 6, FALSE,
    "Assurer les travaux administratifs courants et l'accueil d'une structure (titre de niveau 4).",
    "Niveau 3 validé ; entretien de motivation.",
    "Travaux administratifs courants|Accueil et communication|Gestion administrative du personnel|Suivi commercial|Préparation du dossier professionnel" },
  { "Titre professionnel Formateur professionnel d'adultes", DOMAIN_CARE, 20, 620000, 6, 10, 12, -1, 5, FALSE,
    "Préparer et animer des actions de formation collectives et accompagner les parcours (titre de niveau 5).",
    "Expérience professionnelle de trois ans dans un métier.",
    "Ingénierie de formation|Animation en présentiel et à distance|Évaluation des acquis|Accompagnement des parcours|Préparation du dossier professionnel" },
  { "Titre professionnel Comptable assistant", DOMAIN_HR, 20, 560000, 6, 10, 12, -1, 5, FALSE,
    "Assurer les travaux courants de comptabilité et préparer la paie (titre de niveau 4).",
    "Niveau 3 validé ; aisance avec les chiffres.",
    "Comptabilité courante|Travaux de fin d'exercice|Préparation de la paie|Outils bureautiques|Préparation du dossier professionnel" },
  { "CléA — socle de connaissances et de compétences", DOMAIN_LANGUAGES, 10, 150000, 4, 8, 10, -1, 4, TRUE,
    "Consolider les savoirs de base (français, calcul, numérique) et obtenir le certificat CléA.",
    "Évaluation préalable CléA.",
    "Communiquer en français|Règles de calcul et raisonnement|Environnement numérique|Travailler en équipe|Évaluation finale" },
};

/* ------------------------------------------------------------------------ */
/* Generator state                                                          */
/* ------------------------------------------------------------------------ */

#define BUSY_AM 1
#define BUSY_PM 2
#define BUSY_DAY (BUSY_AM | BUSY_PM)

typedef enum
{
  HALF_AM,
  HALF_PM,
  HALF_FULL,
} SlotShape;

typedef struct
{
  int day;
  SlotShape shape;
  int sequence;
} SlotPlan;

typedef struct
{
  char *id;
  int city;
  GArray *rooms; /* guint: indexes in rooms */
} Place;

typedef struct
{
  char *id;
  guint place;
  int capacity;
} Room;

typedef struct
{
  char *id;
  char *first_name;
  char *last_name;
  guint domains; /* bit mask */
  gboolean external;
  gint64 daily_rate_cents;
} Trainer;

typedef enum
{
  CLIENT_INDIVIDUAL,
  CLIENT_COMPANY,
  CLIENT_INDEPENDENT,
} ClientKind;

typedef struct
{
  char *id;
  char *name;
  ClientKind kind;
  const char *funder;
  const char *opco;
  int city;
  GArray *trainees; /* guint */
} Client;

typedef struct
{
  char *id;
  guint client;
} Trainee;

typedef struct
{
  guint training;
  int start_day;
  gboolean intra;
  int client; /* for intra sessions, else -1 */
  GArray *slots; /* SlotPlan */
  int n_sequences;
} SessionPlan;

typedef struct
{
  FdDatabase *db;
  GRand *rand;
  FdDemoSize size;
  GTimeZone *tz;
  const char *device_id;

  guint32 base_julian;  /* day 0 */
  int n_days;
  int today;            /* index of today */
  guint8 *closed;       /* per day: weekend or public holiday */

  char *org_domain;
  char *cert_ids[N_CERTS];
  char **training_ids;
  GPtrArray *module_ids; /* per training: GPtrArray of ids */
  GPtrArray *places;     /* Place */
  GArray *rooms;         /* Room */
  guint8 *room_busy;     /* rooms->len × n_days */
  GArray *trainers;      /* Trainer */
  guint8 *trainer_busy;  /* trainers->len × n_days */
  GArray *domain_trainers[N_DOMAINS]; /* guint */
  GArray *clients;       /* Client */
  GArray *companies;     /* guint: indexes of company clients */
  GArray *trainees;      /* Trainee */
  GHashTable *emails;
  GPtrArray *assignable; /* (trainee index, certification) pairs seen in sessions */
  char *admin_id;
  int invoice_number;
} Demo;

static void
demo_clear (Demo *demo)
{
  guint i;

  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->tz, g_time_zone_unref);
  g_clear_pointer (&demo->closed, g_free);
  g_clear_pointer (&demo->org_domain, g_free);
  for (i = 0; i < N_CERTS; i++)
    g_clear_pointer (&demo->cert_ids[i], g_free);
  g_clear_pointer (&demo->training_ids, g_strfreev);
  g_clear_pointer (&demo->module_ids, g_ptr_array_unref);

  if (demo->places != NULL)
    {
      for (i = 0; i < demo->places->len; i++)
        {
          Place *place = g_ptr_array_index (demo->places, i);

          g_free (place->id);
          g_array_unref (place->rooms);
          g_free (place);
        }
      g_clear_pointer (&demo->places, g_ptr_array_unref);
    }

  if (demo->rooms != NULL)
    {
      for (i = 0; i < demo->rooms->len; i++)
        g_free (g_array_index (demo->rooms, Room, i).id);
      g_clear_pointer (&demo->rooms, g_array_unref);
    }
  g_clear_pointer (&demo->room_busy, g_free);

  if (demo->trainers != NULL)
    {
      for (i = 0; i < demo->trainers->len; i++)
        {
          Trainer *trainer = &g_array_index (demo->trainers, Trainer, i);

          g_free (trainer->id);
          g_free (trainer->first_name);
          g_free (trainer->last_name);
        }
      g_clear_pointer (&demo->trainers, g_array_unref);
    }
  g_clear_pointer (&demo->trainer_busy, g_free);
  for (i = 0; i < N_DOMAINS; i++)
    g_clear_pointer (&demo->domain_trainers[i], g_array_unref);

  if (demo->clients != NULL)
    {
      for (i = 0; i < demo->clients->len; i++)
        {
          Client *client = &g_array_index (demo->clients, Client, i);

          g_free (client->id);
          g_free (client->name);
          g_array_unref (client->trainees);
        }
      g_clear_pointer (&demo->clients, g_array_unref);
    }
  g_clear_pointer (&demo->companies, g_array_unref);

  if (demo->trainees != NULL)
    {
      for (i = 0; i < demo->trainees->len; i++)
        g_free (g_array_index (demo->trainees, Trainee, i).id);
      g_clear_pointer (&demo->trainees, g_array_unref);
    }
  g_clear_pointer (&demo->emails, g_hash_table_unref);
  g_clear_pointer (&demo->assignable, g_ptr_array_unref);
  g_clear_pointer (&demo->admin_id, g_free);
}

/* ------------------------------------------------------------------------ */
/* Random helpers                                                           */
/* ------------------------------------------------------------------------ */

static int
rand_range (Demo *demo,
            int   begin,
            int   end)
{
  g_assert (end > begin);

  return g_rand_int_range (demo->rand, begin, end);
}

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

#define PICK(demo, array) ((array)[rand_range ((demo), 0, G_N_ELEMENTS (array))])

static char *
random_digits (Demo *demo,
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

static char *
random_siret (Demo *demo)
{
  char *siret = random_digits (demo, 14);

  /* A SIREN never starts with 0; its own check digit, then the
   * establishment's over all fourteen digits. */
  siret[0] = '1' + rand_range (demo, 0, 9);
  complete_luhn (siret, 9);
  siret[9] = '0';
  siret[10] = '0';
  complete_luhn (siret, 14);

  return siret;
}

static char *
random_mobile (Demo *demo)
{
  return g_strdup_printf ("+33 %d %02d %02d %02d %02d",
                          chance (demo, 0.8) ? 6 : 7,
                          rand_range (demo, 0, 100), rand_range (demo, 0, 100),
                          rand_range (demo, 0, 100), rand_range (demo, 0, 100));
}

static char *
random_landline (Demo *demo)
{
  return g_strdup_printf ("+33 %d %02d %02d %02d %02d",
                          rand_range (demo, 1, 6),
                          rand_range (demo, 10, 100), rand_range (demo, 0, 100),
                          rand_range (demo, 0, 100), rand_range (demo, 0, 100));
}

static char *
random_address (Demo *demo)
{
  int number = rand_range (demo, 1, 120);

  if (chance (demo, 0.1))
    return g_strdup_printf ("%d bis %s", number, PICK (demo, streets));

  return g_strdup_printf ("%d %s", number, PICK (demo, streets));
}

static int
random_city (Demo *demo)
{
  /* The big cities come first in the list and are picked more often. */
  if (chance (demo, 0.5))
    return rand_range (demo, 0, 12);

  return rand_range (demo, 0, G_N_ELEMENTS (cities));
}

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

static char *
slugify (const char *text)
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

/* Returns a new address not given to anyone yet: "helene.martin@orange.fr",
 * then "helene.martin2@orange.fr"… */
static char *
unique_email (Demo       *demo,
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

static void
random_person (Demo        *demo,
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
  *last_name = PICK (demo, last_names);
}

/* ------------------------------------------------------------------------ */
/* Calendar                                                                 */
/* ------------------------------------------------------------------------ */

static void
day_to_date (Demo  *demo,
             int    day,
             GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, demo->base_julian + day);
}

static char *
format_day (Demo *demo,
            int   day)
{
  GDate date;

  day_to_date (demo, day, &date);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

static char *
format_day_time (Demo *demo,
                 int   day,
                 int   minutes)
{
  GDate date;

  day_to_date (demo, day, &date);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date),
                          minutes / 60, minutes % 60);
}

static int
day_year (Demo *demo,
          int   day)
{
  GDate date;

  day_to_date (demo, day, &date);

  return g_date_get_year (&date);
}

/* UTC microseconds of a wall-clock time in the training room. */
static gint64
day_time_to_usec (Demo *demo,
                  int   day,
                  int   minutes,
                  int   seconds)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  day_to_date (demo, day, &date);
  date_time = g_date_time_new (demo->tz,
                               g_date_get_year (&date),
                               g_date_get_month (&date),
                               g_date_get_day (&date),
                               minutes / 60, minutes % 60, seconds);

  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC;
}

static void
close_date (Demo *demo,
            int   year,
            int   month,
            int   day_of_month)
{
  GDate date;
  gint64 day;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day_of_month, month, year);
  day = (gint64) g_date_get_julian (&date) - demo->base_julian;
  if (day >= 0 && day < demo->n_days)
    demo->closed[day] = TRUE;
}

static void
close_easter_based (Demo *demo,
                    int   year,
                    int   offset)
{
  /* Anonymous Gregorian algorithm for Easter Sunday. */
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day_of_month = (h + l - 7 * m + 114) % 31 + 1;
  GDate date;
  gint64 day;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day_of_month, month, year);
  g_date_add_days (&date, offset);
  day = (gint64) g_date_get_julian (&date) - demo->base_julian;
  if (day >= 0 && day < demo->n_days)
    demo->closed[day] = TRUE;
}

static void
build_calendar (Demo        *demo,
                const GDate *today)
{
  GDate first;
  GDate last;
  int year;
  int day;

  first = *today;
  g_date_subtract_years (&first, 2);
  g_date_subtract_days (&first, 7);
  last = *today;
  g_date_add_years (&last, 1);
  /* Room for the weekly courses that start near the end. */
  g_date_add_days (&last, 200);

  demo->base_julian = g_date_get_julian (&first);
  demo->n_days = g_date_get_julian (&last) - demo->base_julian + 1;
  demo->today = g_date_get_julian (today) - demo->base_julian;
  demo->closed = g_new0 (guint8, demo->n_days);

  for (day = 0; day < demo->n_days; day++)
    {
      GDate date;

      day_to_date (demo, day, &date);
      if (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
        demo->closed[day] = TRUE;
    }

  for (year = g_date_get_year (&first); year <= g_date_get_year (&last); year++)
    {
      close_date (demo, year, 1, 1);
      close_date (demo, year, 5, 1);
      close_date (demo, year, 5, 8);
      close_date (demo, year, 7, 14);
      close_date (demo, year, 8, 15);
      close_date (demo, year, 11, 1);
      close_date (demo, year, 11, 11);
      close_date (demo, year, 12, 25);
      close_easter_based (demo, year, 1);  /* Easter Monday */
      close_easter_based (demo, year, 39); /* Ascension */
      close_easter_based (demo, year, 50); /* Whit Monday */
    }
}

static int
next_open_day (Demo *demo,
               int   day)
{
  while (day < demo->n_days - 1 && demo->closed[day])
    day++;

  return day;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */
/* ------------------------------------------------------------------------ */

/* Applies @change and returns a copy of the new row's id, or NULL and sets
 * @error. */
static char *
apply_create (Demo      *demo,
              FdChange  *change,
              GError   **error)
{
  if (!fd_database_apply (demo->db, change, error))
    return NULL;

  return g_strdup (fd_change_get_id (change));
}

static gboolean
apply (Demo      *demo,
       FdChange  *change,
       GError   **error)
{
  return fd_database_apply (demo->db, change, error);
}

static void
set_string_take (FdChange   *change,
                 const char *field,
                 char       *value)
{
  fd_change_set_string (change, field, value);
  g_free (value);
}

static gboolean
write_organisation (Demo    *demo,
                    GError **error)
{
  g_autoptr(FdChange) change = fd_change_new_create ("organisation");
  g_autofree char *siret = random_siret (demo);
  g_autofree char *nda = random_digits (demo, 9);
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

static gboolean
write_staff_accounts (Demo    *demo,
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

static gboolean
write_catalogue (Demo    *demo,
                 GError **error)
{
  guint n_trainings = G_N_ELEMENTS (training_specs);
  guint i;

  for (i = 0; i < N_CERTS; i++)
    {
      const CertificationSpec *spec = &certification_specs[i];
      g_autoptr(FdChange) change = fd_change_new_create ("certification");

      fd_change_set_string (change, "name", spec->name);
      fd_change_set_string (change, "kind", spec->kind);
      if (spec->reference != NULL)
        {
          fd_change_set_string (change, "reference", spec->reference);
          fd_change_set_string (change, "rncp_rs", spec->reference);
        }
      fd_change_set_int (change, "unit_price_cents", spec->unit_price_cents);
      fd_change_set_bool (change, "proctored", spec->proctored);

      demo->cert_ids[i] = apply_create (demo, change, error);
      if (demo->cert_ids[i] == NULL)
        return FALSE;
    }

  demo->training_ids = g_new0 (char *, n_trainings + 1);
  demo->module_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (i = 0; i < n_trainings; i++)
    {
      const TrainingSpec *spec = &training_specs[i];
      g_autoptr(FdChange) change = fd_change_new_create ("training");
      g_auto(GStrv) modules = g_strsplit (spec->modules, "|", -1);
      g_autoptr(GString) programme = g_string_new (NULL);
      GPtrArray *module_ids = g_ptr_array_new_with_free_func (g_free);
      gint64 minutes = (gint64) (spec->days * 7 * 60);
      guint n_modules = g_strv_length (modules);
      guint m;

      g_ptr_array_add (demo->module_ids, module_ids);

      for (m = 0; m < n_modules; m++)
        g_string_append_printf (programme, "%u. %s\n", m + 1, modules[m]);

      set_string_take (change, "code",
                       g_strdup_printf ("%s-%02u", domain_codes[spec->domain], i + 1));
      fd_change_set_string (change, "title", spec->title);
      fd_change_set_string (change, "objectives", spec->objectives);
      fd_change_set_string (change, "prerequisites", spec->prerequisites);
      fd_change_set_string (change, "programme", programme->str);
      fd_change_set_string (change, "methods",
                            "Apports théoriques, exercices pratiques, études de cas "
                            "et mises en situation. Support de cours remis à chaque participant.");
      fd_change_set_string (change, "assessment",
                            "Évaluation des acquis en fin de formation (QCM et mise en pratique).");
      fd_change_set_string (change, "accessibility",
                            "Locaux accessibles aux personnes à mobilité réduite. Contactez "
                            "notre référente handicap pour adapter la formation à vos besoins.");
      fd_change_set_string (change, "audience",
                            spec->domain == DOMAIN_MANAGEMENT
                            ? "Managers, chefs d'équipe, responsables de service"
                            : "Tout public");
      fd_change_set_int (change, "duration_minutes", minutes);
      fd_change_set_double (change, "duration_days", spec->days);
      fd_change_set_int (change, "price_cents", spec->price_cents);
      fd_change_set_int (change, "capacity_min", spec->capacity_min);
      fd_change_set_int (change, "capacity_target", spec->capacity_target);
      fd_change_set_int (change, "capacity_max", spec->capacity_max);
      fd_change_set_string (change, "session_kind", "inter");
      fd_change_set_string (change, "dispositif",
                            spec->certification >= 0 && certification_specs[spec->certification].reference != NULL
                            ? "Action de formation certifiante (CPF)"
                            : "Action de formation");
      if (spec->certification >= 0)
        fd_change_set_string (change, "certification_id", demo->cert_ids[spec->certification]);
      fd_change_set_bool (change, "eligible_funding",
                          spec->certification >= 0
                          && certification_specs[spec->certification].reference != NULL);
      fd_change_set_string (change, "evaluation",
                            "Questionnaire de satisfaction à chaud et à froid (J+60).");
      fd_change_set_string (change, "speciality", domain_specialities[spec->domain]);

      demo->training_ids[i] = apply_create (demo, change, error);
      if (demo->training_ids[i] == NULL)
        return FALSE;

      for (m = 0; m < n_modules; m++)
        {
          g_autoptr(FdChange) module = fd_change_new_create ("module");
          char *id;

          fd_change_set_string (module, "training_id", demo->training_ids[i]);
          fd_change_set_int (module, "position", m);
          fd_change_set_string (module, "title", modules[m]);
          fd_change_set_int (module, "duration_minutes", minutes / n_modules);

          id = apply_create (demo, module, error);
          if (id == NULL)
            return FALSE;
          g_ptr_array_add (module_ids, id);
        }
    }

  return TRUE;
}

static gboolean
write_places (Demo    *demo,
              GError **error)
{
  static const char * const room_names[] = {
    "Salle Lumière", "Salle Curie", "Salle Eiffel", "Salle Molière",
    "Salle Pasteur", "Salle Colette", "Salle Jaurès", "Salle Hugo",
    "Salle Simone Veil", "Salle Rosa Bonheur",
  };
  guint n_places = demo->size == FD_DEMO_SIZE_LARGE ? G_N_ELEMENTS (cities) : 12;
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
                                          cities[i].name, cities[i].district));
      set_string_take (change, "address", random_address (demo));
      fd_change_set_string (change, "postal_code", cities[i].postal_code);
      fd_change_set_string (change, "city", cities[i].name);
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

static gboolean
write_trainers (Demo    *demo,
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
      int city = random_city (demo);
      int n_unavailabilities;
      int u;

      random_person (demo, &civility, &first_name, &last_name);
      trainer.first_name = g_strdup (first_name);
      trainer.last_name = g_strdup (last_name);
      trainer.external = chance (demo, 0.7);
      trainer.domains = 1u << primary;
      if (chance (demo, 0.3))
        trainer.domains |= 1u << rand_range (demo, 0, N_DOMAINS);

      fd_change_set_string (change, "civility", civility);
      fd_change_set_string (change, "first_name", first_name);
      fd_change_set_string (change, "last_name", last_name);
      email = unique_email (demo, first_name, last_name,
                            trainer.external
                            ? PICK (demo, email_providers)
                            : demo->org_domain);
      fd_change_set_string (change, "email", email);
      set_string_take (change, "phone", random_mobile (demo));
      fd_change_set_string (change, "kind", trainer.external ? "external" : "internal");
      if (trainer.external)
        {
          if (chance (demo, 0.5))
            set_string_take (change, "company",
                             g_strdup_printf ("%s %s Conseil", first_name, last_name));
          else
            set_string_take (change, "company",
                             g_strdup_printf ("EI %s %s", first_name, last_name));
          set_string_take (change, "siret", random_siret (demo));
          trainer.daily_rate_cents = rand_range (demo, 35, 71) * 1000;
          fd_change_set_int (change, "daily_rate_cents", trainer.daily_rate_cents);
        }
      set_string_take (change, "address", random_address (demo));
      fd_change_set_string (change, "postal_code", cities[city].postal_code);
      fd_change_set_string (change, "city", cities[city].name);
      if (trainer.domains != (1u << primary))
        {
          int other;

          for (other = 0; other < N_DOMAINS; other++)
            if (other != primary && (trainer.domains & (1u << other)) != 0)
              break;
          set_string_take (change, "skills",
                           g_strdup_printf ("%s ; %s", domain_skills[primary],
                                            domain_skills[other]));
        }
      else
        fd_change_set_string (change, "skills", domain_skills[primary]);
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
                           day_time_to_usec (demo, demo->today - rand_range (demo, 1, 600),
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
          int first = next_open_day (demo, rand_range (demo, 0, demo->n_days - 200));
          int length = rand_range (demo, 1, 6);
          guint8 *busy = demo->trainer_busy + (gsize) i * demo->n_days;
          int day;

          for (day = first; day < first + length + 2 && day < demo->n_days; day++)
            busy[day] = BUSY_DAY;

          fd_change_set_string (unavailability, "trainer_id", trainer.id);
          set_string_take (unavailability, "start_at", format_day_time (demo, first, 8 * 60));
          set_string_take (unavailability, "end_at",
                           format_day_time (demo, first + length - 1, 19 * 60));
          fd_change_set_string (unavailability, "reason", PICK (demo, reasons));
          if (!apply (demo, unavailability, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_email_templates (Demo    *demo,
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
  int birth_city = random_city (demo);
  int city = chance (demo, 0.7) ? client->city : random_city (demo);
  int age_days = rand_range (demo, 19 * 365, 63 * 365);
  guint index = demo->trainees->len;

  fd_change_set_string (change, "civility", civility);
  fd_change_set_string (change, "first_name", first_name);
  fd_change_set_string (change, "last_name", last_name);
  if (g_strcmp0 (civility, "mrs") == 0 && chance (demo, 0.2))
    fd_change_set_string (change, "birth_name", PICK (demo, last_names));
  if (email != NULL)
    fd_change_set_string (change, "email", email);
  else
    set_string_take (change, "email",
                     unique_email (demo, first_name, last_name,
                                   email_domain != NULL ? email_domain
                                                        : PICK (demo, email_providers)));
  set_string_take (change, "phone", random_mobile (demo));
  set_string_take (change, "birth_date", format_day (demo, demo->today - age_days));
  if (chance (demo, 0.9))
    {
      fd_change_set_string (change, "birth_postal_code", cities[birth_city].postal_code);
      fd_change_set_string (change, "birth_city", cities[birth_city].name);
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
  set_string_take (change, "address", random_address (demo));
  fd_change_set_string (change, "postal_code", cities[city].postal_code);
  fd_change_set_string (change, "city", cities[city].name);
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

static gboolean
write_clients_and_trainees (Demo    *demo,
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
      const char *owner = PICK (demo, last_names);
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
      client.city = random_city (demo);
      client.trainees = g_array_new (FALSE, FALSE, sizeof (guint));
      client.name = g_strdup_printf ("%s %s %s", sector->prefix, owner, PICK (demo, legal_forms));
      slug = slugify (client.name);
      domain = g_strdup_printf ("%s.fr", slug);

      fd_change_set_string (change, "kind", "company");
      fd_change_set_string (change, "name", client.name);
      set_string_take (change, "email", g_strdup_printf ("contact@%s", domain));
      set_string_take (change, "phone", random_landline (demo));
      set_string_take (change, "siret", random_siret (demo));
      random_person (demo, &civility, &first_name, &last_name);
      set_string_take (change, "manager_name", g_strdup_printf ("%s %s", first_name, last_name));
      random_person (demo, &civility, &first_name, &last_name);
      set_string_take (change, "training_manager_name",
                       g_strdup_printf ("%s %s", first_name, last_name));
      set_string_take (change, "address", random_address (demo));
      fd_change_set_string (change, "postal_code", cities[client.city].postal_code);
      fd_change_set_string (change, "city", cities[client.city].name);
      fd_change_set_string (change, "funder", "opco");
      fd_change_set_string (change, "opco_name", client.opco);

      client.id = apply_create (demo, change, error);
      if (client.id == NULL)
        {
          g_free (client.name);
          g_array_unref (client.trainees);
          return FALSE;
        }
      g_array_append_val (demo->clients, client);
      g_array_append_val (demo->companies, index);

      if (i + 1 == n_companies)
        n_staff = n_employees - MIN (n_employees, demo->trainees->len);
      else
        n_staff = rand_range (demo, 4, 33);
      for (e = 0; e < n_staff && demo->trainees->len < n_employees; e++)
        {
          random_person (demo, &civility, &first_name, &last_name);
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

      random_person (demo, &civility, &first_name, &last_name);
      client.city = random_city (demo);
      client.trainees = g_array_new (FALSE, FALSE, sizeof (guint));

      if (independent)
        {
          const Trade *trade = &trades[rand_range (demo, 0, G_N_ELEMENTS (trades))];

          client.kind = CLIENT_INDEPENDENT;
          client.funder = trade->funder;
          client.name = g_strdup_printf ("%s %s %s", trade->prefix, first_name, last_name);
          fd_change_set_string (change, "kind", "independent");
          set_string_take (change, "siret", random_siret (demo));
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
              g_autofree char *digits = random_digits (demo, 7);

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
      email = unique_email (demo, first_name, last_name, PICK (demo, email_providers));
      fd_change_set_string (change, "email", email);
      set_string_take (change, "phone", random_mobile (demo));
      set_string_take (change, "address", random_address (demo));
      fd_change_set_string (change, "postal_code", cities[client.city].postal_code);
      fd_change_set_string (change, "city", cities[client.city].name);
      fd_change_set_string (change, "funder", client.funder);

      client.id = apply_create (demo, change, error);
      if (client.id == NULL)
        {
          g_free (client.name);
          g_array_unref (client.trainees);
          return FALSE;
        }
      g_array_append_val (demo->clients, client);

      /* The person's own address is the client's too. */
      if (!write_trainee (demo, index, civility, first_name, last_name, NULL, email, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_groups (Demo    *demo,
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
                                            day_year (demo, demo->today) - rand_range (demo, 0, 3)));
          break;

        case 2:
          category = "exam_session";
          set_string_take (change, "name",
                           g_strdup_printf ("Session d'examen %s — %s",
                                            certification_specs[rand_range (demo, 0, 4)].name,
                                            cities[rand_range (demo, 0, 12)].name));
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

/* ------------------------------------------------------------------------ */
/* Sessions                                                                 */
/* ------------------------------------------------------------------------ */

static void
session_plan_free (SessionPlan *plan)
{
  g_array_unref (plan->slots);
  g_free (plan);
}

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  const SessionPlan *plan_a = *(const SessionPlan * const *) a;
  const SessionPlan *plan_b = *(const SessionPlan * const *) b;

  return plan_a->start_day - plan_b->start_day;
}

static guint
pick_training (Demo *demo)
{
  int total = 0;
  int draw;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (training_specs); i++)
    total += training_specs[i].weight;

  draw = rand_range (demo, 0, total);
  for (i = 0; i < G_N_ELEMENTS (training_specs); i++)
    {
      draw -= training_specs[i].weight;
      if (draw < 0)
        return i;
    }

  return 0;
}

static SessionPlan *
plan_session (Demo *demo,
              int   first_day,
              int   last_day)
{
  SessionPlan *plan = g_new0 (SessionPlan, 1);
  const TrainingSpec *spec;
  int n_days;
  int day;
  int d;

  plan->training = pick_training (demo);
  spec = &training_specs[plan->training];
  plan->start_day = next_open_day (demo, rand_range (demo, first_day, last_day));
  plan->slots = g_array_new (FALSE, FALSE, sizeof (SlotPlan));
  plan->client = -1;
  if (spec->domain != DOMAIN_LANGUAGES && chance (demo, 0.3))
    {
      int attempt;

      /* A company with staff to train. */
      for (attempt = 0; attempt < 10 && plan->client < 0; attempt++)
        {
          guint company = g_array_index (demo->companies, guint,
                                         rand_range (demo, 0, demo->companies->len));

          if (g_array_index (demo->clients, Client, company).trainees->len > 0)
            plan->client = company;
        }
      plan->intra = plan->client >= 0;
    }

  n_days = (int) (spec->days + 0.5);
  day = plan->start_day;

  if (spec->weekly)
    {
      /* Language courses: one half-day twice a week (Tuesday and Thursday
       * mornings, or Monday and Wednesday afternoons). */
      SlotShape shape = chance (demo, 0.5) ? HALF_AM : HALF_PM;
      int n_slots = n_days * 2;
      int made = 0;

      plan->n_sequences = 1;
      while (made < n_slots && day < demo->n_days - 1)
        {
          GDate date;
          GDateWeekday weekday;

          day_to_date (demo, day, &date);
          weekday = g_date_get_weekday (&date);
          if (!demo->closed[day]
              && (shape == HALF_AM
                  ? (weekday == G_DATE_TUESDAY || weekday == G_DATE_THURSDAY)
                  : (weekday == G_DATE_MONDAY || weekday == G_DATE_WEDNESDAY)))
            {
              SlotPlan slot = { day, shape, 0 };

              g_array_append_val (plan->slots, slot);
              made++;
            }
          day++;
        }

      if (plan->slots->len == 0)
        {
          SlotPlan slot = { plan->start_day, shape, 0 };

          g_array_append_val (plan->slots, slot);
        }
      plan->start_day = g_array_index (plan->slots, SlotPlan, 0).day;
      return plan;
    }

  /* Consecutive working days, split into one to three sequences a week or
   * two apart. */
  plan->n_sequences = 1;
  if (n_days >= 3)
    {
      int wanted = rand_range (demo, 1, 4);

      plan->n_sequences = MIN (wanted, n_days);
    }
  for (d = 0; d < n_days; d++)
    {
      int sequence = d * plan->n_sequences / n_days;

      if (d > 0 && sequence != (d - 1) * plan->n_sequences / n_days)
        day += rand_range (demo, 5, 15);
      day = next_open_day (demo, day);

      if (chance (demo, 0.1))
        {
          SlotPlan slot = { day, HALF_FULL, sequence };

          g_array_append_val (plan->slots, slot);
        }
      else
        {
          SlotPlan morning = { day, HALF_AM, sequence };
          SlotPlan afternoon = { day, HALF_PM, sequence };

          g_array_append_val (plan->slots, morning);
          g_array_append_val (plan->slots, afternoon);
        }
      day++;
    }

  return plan;
}

static guint8
shape_bits (SlotShape shape)
{
  switch (shape)
    {
    case HALF_AM:
      return BUSY_AM;
    case HALF_PM:
      return BUSY_PM;
    case HALF_FULL:
    default:
      return BUSY_DAY;
    }
}

static gboolean
is_free (Demo              *demo,
         const guint8      *busy,
         const SessionPlan *plan)
{
  guint i;

  for (i = 0; i < plan->slots->len; i++)
    {
      const SlotPlan *slot = &g_array_index (plan->slots, SlotPlan, i);

      if ((busy[slot->day] & shape_bits (slot->shape)) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
mark_busy (Demo              *demo,
           guint8            *busy,
           const SessionPlan *plan)
{
  guint i;

  for (i = 0; i < plan->slots->len; i++)
    {
      const SlotPlan *slot = &g_array_index (plan->slots, SlotPlan, i);

      busy[slot->day] |= shape_bits (slot->shape);
    }
}

/* A trainer of the training's field free on every slot, or any free
 * trainer, or -1. */
static int
pick_trainer (Demo              *demo,
              const SessionPlan *plan,
              int                except)
{
  GArray *pool = demo->domain_trainers[training_specs[plan->training].domain];
  int attempt;

  for (attempt = 0; attempt < 40; attempt++)
    {
      guint trainer;

      if (attempt < 30 && pool->len > 0)
        trainer = g_array_index (pool, guint, rand_range (demo, 0, pool->len));
      else
        trainer = rand_range (demo, 0, demo->trainers->len);

      if ((int) trainer != except
          && is_free (demo, demo->trainer_busy + (gsize) trainer * demo->n_days, plan))
        return trainer;
    }

  return -1;
}

static int
pick_room (Demo              *demo,
           const SessionPlan *plan,
           guint              place_index,
           int                seats)
{
  Place *place = g_ptr_array_index (demo->places, place_index);
  guint offset = rand_range (demo, 0, place->rooms->len);
  guint i;

  for (i = 0; i < place->rooms->len; i++)
    {
      guint room = g_array_index (place->rooms, guint, (i + offset) % place->rooms->len);

      if (g_array_index (demo->rooms, Room, room).capacity >= seats
          && is_free (demo, demo->room_busy + (gsize) room * demo->n_days, plan))
        return room;
    }

  return -1;
}

static void
slot_minutes (SlotShape  shape,
              int       *start,
              int       *end)
{
  switch (shape)
    {
    case HALF_AM:
      *start = 9 * 60;
      *end = 12 * 60 + 30;
      break;

    case HALF_PM:
      *start = 13 * 60 + 30;
      *end = 17 * 60;
      break;

    case HALF_FULL:
    default:
      *start = 9 * 60;
      *end = 17 * 60;
      break;
    }
}

static const char *
funding_reference_prefix (const Client *client)
{
  if (g_strcmp0 (client->funder, "cpf") == 0)
    return "CPF";
  if (g_strcmp0 (client->funder, "france_travail") == 0)
    return "AIF";
  if (g_strcmp0 (client->funder, "fifpl") == 0)
    return "FIFPL";
  if (g_strcmp0 (client->funder, "agefice") == 0)
    return "AGEFICE";
  if (client->opco != NULL)
    return client->opco;
  return NULL;
}

static gboolean
write_signature (Demo        *demo,
                 const char  *slot_id,
                 const char  *half_day,
                 const char  *trainee_id,
                 const char  *trainer_id,
                 const char  *status,
                 int          day,
                 int          minutes,
                 GError     **error)
{
  g_autoptr(FdChange) change = fd_change_new_create ("attendance");

  fd_change_set_string (change, "slot_id", slot_id);
  fd_change_set_string (change, "half_day", half_day);
  if (trainee_id != NULL)
    fd_change_set_string (change, "trainee_id", trainee_id);
  else
    fd_change_set_string (change, "trainer_id", trainer_id);
  fd_change_set_string (change, "status", status);
  if (g_str_equal (status, "excused"))
    fd_change_set_string (change, "justification",
                          PICK (demo, ((const char * const[]) {
                            "Arrêt maladie", "Enfant malade", "Convocation administrative",
                            "Grève des transports",
                          })));
  /* Trainees sign in the first twenty minutes of the half-day, the
   * trainer a little later, countersigning the sheet. */
  fd_change_set_int (change, "signed_at",
                     day_time_to_usec (demo, day,
                                       minutes + (trainee_id != NULL
                                                  ? rand_range (demo, 0, 20)
                                                  : rand_range (demo, 20, 30)),
                                       rand_range (demo, 0, 60)));
  fd_change_set_string (change, "device_id", demo->device_id);
  fd_change_set_string (change, "method",
                        trainee_id != NULL ? (chance (demo, 0.7) ? "kiosk" : "pad") : "pad");

  return apply (demo, change, error);
}

typedef struct
{
  char *id;
  guint trainee;
  gboolean attends;
} Enrolled;

static gboolean
write_session (Demo         *demo,
               SessionPlan  *plan,
               int           number,
               GError      **error)
{
  const TrainingSpec *spec = &training_specs[plan->training];
  const SlotPlan *first_slot = &g_array_index (plan->slots, SlotPlan, 0);
  const SlotPlan *last_slot = &g_array_index (plan->slots, SlotPlan, plan->slots->len - 1);
  g_autoptr(FdChange) change = fd_change_new_create ("session");
  g_autofree char *session_id = NULL;
  g_autoptr(GPtrArray) sequence_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) enrolled = g_array_new (FALSE, FALSE, sizeof (Enrolled));
  g_autofree gboolean *remote = NULL;
  const char *status;
  Client *client = plan->client >= 0
                   ? &g_array_index (demo->clients, Client, plan->client)
                   : NULL;
  gboolean cancelled = chance (demo, 0.03);
  gboolean past = last_slot->day < demo->today;
  gboolean future = first_slot->day > demo->today;
  gboolean at_client = FALSE;
  gboolean attendance;
  int trainer;
  int co_trainer = -1;
  int place = -1;
  int room = -1;
  int seats;
  gint64 price;
  guint i;
  int s;

  /* How many will come, within capacity. */
  seats = rand_range (demo, 4, 13);
  seats = MIN (seats, spec->capacity_max);
  if (client != NULL)
    seats = MIN (seats, (int) client->trainees->len);
  if (cancelled)
    {
      int few = rand_range (demo, 1, MAX (spec->capacity_min, 2));

      seats = MIN (seats, few);
    }
  seats = MAX (seats, 1);

  trainer = pick_trainer (demo, plan, -1);
  if (trainer >= 0)
    mark_busy (demo, demo->trainer_busy + (gsize) trainer * demo->n_days, plan);
  if (!spec->weekly && chance (demo, 0.1))
    {
      co_trainer = pick_trainer (demo, plan, trainer);
      if (co_trainer >= 0)
        mark_busy (demo, demo->trainer_busy + (gsize) co_trainer * demo->n_days, plan);
    }

  remote = g_new0 (gboolean, plan->n_sequences);
  if (plan->n_sequences == 3 && chance (demo, 0.4))
    remote[1] = TRUE;

  if (client != NULL && chance (demo, 0.5))
    at_client = TRUE;
  else
    {
      int attempt;

      place = client != NULL ? (int) MIN ((guint) client->city, demo->places->len - 1)
                             : rand_range (demo, 0, demo->places->len);
      for (attempt = 0; attempt < 6 && room < 0; attempt++)
        {
          room = pick_room (demo, plan, place, seats);
          if (room < 0 && attempt + 1 < 6)
            place = rand_range (demo, 0, demo->places->len);
        }
      if (room >= 0)
        mark_busy (demo, demo->room_busy + (gsize) room * demo->n_days, plan);
    }

  if (cancelled)
    status = "cancelled";
  else if (past)
    status = "completed";
  else if (!future)
    status = "in_progress";
  else if (first_slot->day - demo->today < 30)
    status = "confirmed";
  else if (client != NULL)
    status = PICK (demo, ((const char * const[]) { "created", "proposal_sent", "confirmed" }));
  else
    status = chance (demo, 0.6) ? "confirmed" : "created";

  price = client != NULL
          ? (gint64) (spec->days + 0.5) * rand_range (demo, 110, 181) * 1000
          : spec->price_cents;

  fd_change_set_string (change, "training_id", demo->training_ids[plan->training]);
  /* The code core would give ("2026-0042"), numbered in date order; set
   * here because the generator knows the numbers without asking. */
  set_string_take (change, "code",
                   g_strdup_printf ("%d-%04d", day_year (demo, first_slot->day), number));
  fd_change_set_int (change, "year", day_year (demo, first_slot->day));
  if (client != NULL)
    set_string_take (change, "label", g_strdup_printf ("%s — %s", spec->title, client->name));
  else if (place >= 0)
    set_string_take (change, "label",
                     g_strdup_printf ("%s — %s", spec->title,
                                      cities[((Place *) g_ptr_array_index (demo->places, place))->city].name));
  else
    set_string_take (change, "label", g_strdup_printf ("%s — classe virtuelle", spec->title));
  fd_change_set_string (change, "kind", client != NULL ? "intra" : "inter");
  if (client != NULL)
    fd_change_set_string (change, "client_id", client->id);
  fd_change_set_string (change, "status", status);
  fd_change_set_bool (change, "published",
                      client == NULL && !g_str_equal (status, "created") && chance (demo, 0.9));
  if (client != NULL)
    set_string_take (change, "population", g_strdup_printf ("Salariés de %s", client->name));
  else
    fd_change_set_string (change, "population", "Tout public");
  fd_change_set_int (change, "capacity_min", spec->capacity_min);
  fd_change_set_int (change, "capacity_target", spec->capacity_target);
  fd_change_set_int (change, "capacity_max", spec->capacity_max);
  fd_change_set_string (change, "dispositif",
                        client != NULL ? "Plan de développement des compétences"
                                       : "Action de formation");
  fd_change_set_bool (change, "eligible_funding",
                      spec->certification >= 0
                      && certification_specs[spec->certification].reference != NULL);
  fd_change_set_int (change, "price_cents", price);
  if (chance (demo, 0.1))
    fd_change_set_int (change, "commission_bp", 1800);
  if (spec->certification >= 0)
    fd_change_set_string (change, "certification_id", demo->cert_ids[spec->certification]);
  fd_change_set_string (change, "evaluation", "Questionnaire de satisfaction à chaud");
  if (at_client)
    fd_change_set_string (change, "notice_comment",
                          "La formation a lieu dans vos locaux ; prévoir une salle "
                          "avec vidéoprojecteur.");
  if (cancelled)
    fd_change_set_string (change, "comments", "Annulée faute d'un nombre suffisant de participants.");

  session_id = apply_create (demo, change, error);
  if (session_id == NULL)
    return FALSE;

  for (s = 0; s < plan->n_sequences; s++)
    {
      g_autoptr(FdChange) sequence = fd_change_new_create ("sequence");
      char *id;

      fd_change_set_string (sequence, "session_id", session_id);
      fd_change_set_int (sequence, "position", s);
      if (plan->n_sequences == 1)
        fd_change_set_string (sequence, "label",
                              spec->weekly ? "Cours hebdomadaires" : "Formation en présentiel");
      else
        set_string_take (sequence, "label",
                         g_strdup_printf ("Partie %d%s", s + 1,
                                          remote[s] ? " — classe virtuelle" : ""));
      fd_change_set_string (sequence, "modality", remote[s] ? "remote" : "on_site");
      if (remote[s])
        set_string_take (sequence, "url",
                         g_strdup_printf ("https://visio.horizon-competences.fr/%.8s",
                                          session_id));
      fd_change_set_string (sequence, "status",
                            cancelled ? "cancelled" : past ? "closed" : "planned");

      id = apply_create (demo, sequence, error);
      if (id == NULL)
        return FALSE;
      g_ptr_array_add (sequence_ids, id);
    }

  /* Who comes: the client's staff for intra sessions, anyone otherwise. */
  while ((int) enrolled->len < seats)
    {
      Enrolled entry = { NULL, 0, TRUE };
      gboolean taken = FALSE;
      guint k;

      if (client != NULL)
        entry.trainee = g_array_index (client->trainees, guint,
                                       rand_range (demo, 0, client->trainees->len));
      else
        entry.trainee = rand_range (demo, 0, demo->trainees->len);

      for (k = 0; k < enrolled->len; k++)
        if (g_array_index (enrolled, Enrolled, k).trainee == entry.trainee)
          taken = TRUE;
      if (!taken)
        g_array_append_val (enrolled, entry);
    }

  /* Slots, with their staff and, once past, their attendance. */
  attendance = !cancelled
               && (demo->size == FD_DEMO_SIZE_SMALL || last_slot->day >= demo->today - 40);

  for (i = 0; i < enrolled->len; i++)
    {
      Enrolled *entry = &g_array_index (enrolled, Enrolled, i);
      Trainee *trainee = &g_array_index (demo->trainees, Trainee, entry->trainee);
      Client *payer = &g_array_index (demo->clients, Client, trainee->client);
      g_autoptr(FdChange) enrollment = fd_change_new_create ("enrollment");
      const char *prefix = funding_reference_prefix (payer);
      const char *enrollment_status;
      gint64 enrollment_price = client != NULL ? price / seats : price;

      if (cancelled)
        enrollment_status = "cancelled";
      else if (past)
        enrollment_status = chance (demo, 0.04) ? "withdrawn" : "completed";
      else if (!future || g_str_equal (status, "confirmed"))
        enrollment_status = "confirmed";
      else
        enrollment_status = chance (demo, 0.2) ? "planned" : "registered";
      entry->attends = !g_str_equal (enrollment_status, "withdrawn")
                       && !g_str_equal (enrollment_status, "cancelled");

      fd_change_set_string (enrollment, "session_id", session_id);
      fd_change_set_string (enrollment, "trainee_id", trainee->id);
      fd_change_set_string (enrollment, "client_id", payer->id);
      fd_change_set_string (enrollment, "status", enrollment_status);
      fd_change_set_string (enrollment, "funder", payer->funder);
      if (prefix != NULL)
        {
          g_autofree char *digits = random_digits (demo, 8);
          g_autofree char *slug = slugify (prefix);

          set_string_take (enrollment, "funding_reference",
                           g_strdup_printf ("%s-%d-%s", slug, day_year (demo, first_slot->day),
                                            digits));
        }
      if (g_strcmp0 (payer->funder, "self") != 0)
        fd_change_set_int (enrollment, "funded_cents",
                           g_strcmp0 (payer->funder, "opco") == 0 && chance (demo, 0.3)
                           ? enrollment_price * 80 / 100
                           : enrollment_price);
      fd_change_set_int (enrollment, "price_cents", enrollment_price);
      set_string_take (enrollment, "enrolled_on",
                       format_day (demo, first_slot->day - rand_range (demo, 10, 75)));

      entry->id = apply_create (demo, enrollment, error);
      if (entry->id == NULL)
        {
          for (i = 0; i < enrolled->len; i++)
            g_free (g_array_index (enrolled, Enrolled, i).id);
          return FALSE;
        }

      if (spec->certification >= 0 && entry->attends && demo->assignable->len < 6000
          && (cancelled == FALSE) && chance (demo, 0.6))
        {
          g_ptr_array_add (demo->assignable,
                           g_strdup_printf ("%d|%s|%d", spec->certification, trainee->id,
                                            last_slot->day));
        }
    }

  for (i = 0; i < plan->slots->len; i++)
    {
      const SlotPlan *slot = &g_array_index (plan->slots, SlotPlan, i);
      g_autoptr(FdChange) slot_change = fd_change_new_create ("slot");
      g_autofree char *slot_id = NULL;
      gboolean on_site = !remote[slot->sequence];
      int start;
      int end;

      slot_minutes (slot->shape, &start, &end);

      fd_change_set_string (slot_change, "sequence_id",
                            g_ptr_array_index (sequence_ids, slot->sequence));
      fd_change_set_string (slot_change, "session_id", session_id);
      set_string_take (slot_change, "start_at", format_day_time (demo, slot->day, start));
      set_string_take (slot_change, "end_at", format_day_time (demo, slot->day, end));
      if (slot->shape == HALF_FULL)
        fd_change_set_int (slot_change, "break_minutes", 60);
      else if (chance (demo, 0.5))
        fd_change_set_int (slot_change, "break_minutes", 15);
      if (on_site && place >= 0)
        {
          fd_change_set_string (slot_change, "place_id",
                                ((Place *) g_ptr_array_index (demo->places, place))->id);
          if (room >= 0)
            fd_change_set_string (slot_change, "room_id",
                                  g_array_index (demo->rooms, Room, room).id);
        }
      else if (on_site && at_client)
        fd_change_set_string (slot_change, "comments", "Dans les locaux du client.");

      slot_id = apply_create (demo, slot_change, error);
      if (slot_id == NULL)
        goto failed;

      if (trainer >= 0)
        {
          g_autoptr(FdChange) staff = fd_change_new_create ("slot_staff");

          fd_change_set_string (staff, "slot_id", slot_id);
          fd_change_set_string (staff, "trainer_id",
                                g_array_index (demo->trainers, Trainer, trainer).id);
          fd_change_set_string (staff, "role", "trainer");
          if (!apply (demo, staff, error))
            goto failed;
        }
      if (co_trainer >= 0)
        {
          g_autoptr(FdChange) staff = fd_change_new_create ("slot_staff");

          fd_change_set_string (staff, "slot_id", slot_id);
          fd_change_set_string (staff, "trainer_id",
                                g_array_index (demo->trainers, Trainer, co_trainer).id);
          fd_change_set_string (staff, "role", "co_trainer");
          if (!apply (demo, staff, error))
            goto failed;
        }

      if (attendance && slot->day < demo->today)
        {
          int half;

          for (half = 0; half < 2; half++)
            {
              const char *half_day = half == 0 ? "am" : "pm";
              int half_start = half == 0 ? 9 * 60 : 13 * 60 + 30;
              guint k;

              if ((half == 0 && slot->shape == HALF_PM) || (half == 1 && slot->shape == HALF_AM))
                continue;

              for (k = 0; k < enrolled->len; k++)
                {
                  const Enrolled *entry = &g_array_index (enrolled, Enrolled, k);
                  double draw = g_rand_double (demo->rand);

                  if (!entry->attends)
                    continue;
                  if (!write_signature (demo, slot_id, half_day,
                                        g_array_index (demo->trainees, Trainee, entry->trainee).id,
                                        NULL,
                                        draw < 0.93 ? "present" : draw < 0.98 ? "absent" : "excused",
                                        slot->day, half_start, error))
                    goto failed;
                }

              if (trainer >= 0
                  && !write_signature (demo, slot_id, half_day, NULL,
                                       g_array_index (demo->trainers, Trainer, trainer).id,
                                       "present", slot->day, half_start, error))
                goto failed;
            }
        }
    }

  for (i = 0; i < enrolled->len; i++)
    g_free (g_array_index (enrolled, Enrolled, i).id);
  g_array_set_size (enrolled, 0);

  /* Costs. */
  if (chance (demo, 0.35))
    {
      g_autoptr(FdChange) cost = fd_change_new_create ("cost");

      fd_change_set_string (cost, "session_id", session_id);
      if (at_client || chance (demo, 0.5))
        {
          fd_change_set_string (cost, "type", "Supports pédagogiques");
          fd_change_set_int (cost, "amount_cents", rand_range (demo, 8, 40) * 100);
          fd_change_set_string (cost, "distribution", "per_trainee");
          fd_change_set_int (cost, "quantity", seats);
          fd_change_set_string (cost, "provider", "Imprimerie du Centre");
        }
      else
        {
          fd_change_set_string (cost, "type", "Déplacement formateur");
          fd_change_set_int (cost, "amount_cents", rand_range (demo, 40, 400) * 100);
          fd_change_set_string (cost, "distribution", "global");
          fd_change_set_string (cost, "provider", "SNCF Voyageurs");
        }
      if (!apply (demo, cost, error))
        return FALSE;
    }

  /* Trainer-side records for what is done. */
  if (trainer >= 0 && past && !cancelled)
    {
      Trainer *info = &g_array_index (demo->trainers, Trainer, trainer);

      if (info->external && chance (demo, 0.5))
        {
          g_autoptr(FdChange) invoice = fd_change_new_create ("trainer_invoice");
          gint64 amount = (gint64) (spec->days + 0.5) * info->daily_rate_cents;

          fd_change_set_string (invoice, "trainer_id", info->id);
          fd_change_set_string (invoice, "session_id", session_id);
          set_string_take (invoice, "number",
                           g_strdup_printf ("F%d-%04d", day_year (demo, last_slot->day),
                                            ++demo->invoice_number));
          set_string_take (invoice, "issued_on",
                           format_day (demo, last_slot->day + rand_range (demo, 1, 15)));
          fd_change_set_int (invoice, "amount_cents", amount);
          fd_change_set_int (invoice, "vat_cents", chance (demo, 0.5) ? amount / 5 : 0);
          fd_change_set_string (invoice, "status",
                                last_slot->day < demo->today - 45 ? "paid"
                                : PICK (demo, ((const char * const[]) { "submitted", "validated" })));
          if (!apply (demo, invoice, error))
            return FALSE;
        }

      if (chance (demo, 0.2))
        {
          g_autoptr(FdChange) expense = fd_change_new_create ("expense");
          gboolean reviewed = last_slot->day < demo->today - 20;

          fd_change_set_string (expense, "trainer_id", info->id);
          fd_change_set_string (expense, "session_id", session_id);
          set_string_take (expense, "spent_on", format_day (demo, first_slot->day));
          fd_change_set_string (expense, "category",
                                PICK (demo, ((const char * const[]) {
                                  "Transport", "Hébergement", "Repas", "Parking",
                                })));
          fd_change_set_int (expense, "amount_cents", rand_range (demo, 900, 18000));
          fd_change_set_string (expense, "description",
                                PICK (demo, ((const char * const[]) {
                                  "Billet de train aller-retour", "Nuit d'hôtel",
                                  "Déjeuner", "Parking de la gare", "Frais kilométriques",
                                })));
          fd_change_set_string (expense, "status",
                                reviewed ? (chance (demo, 0.9) ? "paid" : "rejected") : "submitted");
          if (reviewed)
            {
              fd_change_set_string (expense, "reviewed_by", demo->admin_id);
              fd_change_set_string (expense, "review_comment", "Vérifié avec le justificatif.");
            }
          if (!apply (demo, expense, error))
            return FALSE;
        }
    }

  return TRUE;

failed:
  for (i = 0; i < enrolled->len; i++)
    g_free (g_array_index (enrolled, Enrolled, i).id);
  return FALSE;
}

/* How many sessions start within two weeks before or four after today */
#define NEAR_TODAY_SESSIONS 15

static gboolean
write_sessions (Demo    *demo,
                guint    n_sessions,
                GError **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) session_plan_free);
  GDate from;
  GDate to;
  int first_day;
  int last_day;
  int current_year = 0;
  int number = 0;
  guint i;

  day_to_date (demo, demo->today, &from);
  g_date_subtract_years (&from, 2);
  day_to_date (demo, demo->today, &to);
  g_date_add_years (&to, 1);
  first_day = g_date_get_julian (&from) - demo->base_julian;
  last_day = g_date_get_julian (&to) - demo->base_julian;

  /* A few sessions start in the weeks around today, so that the calendar
   * opened on the demo shows sessions under way and coming; the rest are
   * spread over the three years. */
  for (i = 0; i < n_sessions; i++)
    {
      if (i < MIN (n_sessions / 10, NEAR_TODAY_SESSIONS))
        g_ptr_array_add (plans, plan_session (demo, demo->today - 14, demo->today + 28));
      else
        g_ptr_array_add (plans, plan_session (demo, first_day, last_day));
    }
  g_ptr_array_sort (plans, compare_plans);

  for (i = 0; i < plans->len; i++)
    {
      SessionPlan *plan = g_ptr_array_index (plans, i);
      int year = day_year (demo, g_array_index (plan->slots, SlotPlan, 0).day);

      if (year != current_year)
        {
          current_year = year;
          number = 0;
        }

      if (!write_session (demo, plan, ++number, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Certifications, quality                                                  */
/* ------------------------------------------------------------------------ */

static char *
random_activation_code (Demo       *demo,
                        const char *prefix)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  char code[10];
  guint i;

  for (i = 0; i < 9; i++)
    code[i] = i == 4 ? '-' : alphabet[rand_range (demo, 0, sizeof alphabet - 1)];
  code[9] = '\0';

  return g_strdup_printf ("%s-%s", prefix, code);
}

static gboolean
write_certification_records (Demo    *demo,
                             GError **error)
{
  static const char * const exam_centres[] = {
    "La Poste — Paris Louvre", "La Poste — Lyon Part-Dieu",
    "La Poste — Bordeaux Mériadeck", "La Poste — Lille Rihour",
    "Horizon Compétences — Paris Bastille",
  };
  guint n_orders = demo->size == FD_DEMO_SIZE_LARGE ? 24 : 4;
  guint i;

  for (i = 0; i < n_orders; i++)
    {
      g_autoptr(FdChange) order = fd_change_new_create ("cert_order");
      g_autofree char *order_id = NULL;
      int day = demo->today - 700 + (int) (i * 800 / n_orders);
      int n_lines = rand_range (demo, 1, 4);
      int l;

      set_string_take (order, "number",
                       g_strdup_printf ("CMD-%d-%03u", day_year (demo, day), i + 1));
      set_string_take (order, "ordered_on", format_day (demo, day));
      fd_change_set_string (order, "status",
                            day < demo->today - 20 ? "delivered"
                            : day <= demo->today ? "sent" : "draft");
      fd_change_set_int (order, "vat_rate_bp", 2000);

      order_id = apply_create (demo, order, error);
      if (order_id == NULL)
        return FALSE;

      for (l = 0; l < n_lines; l++)
        {
          g_autoptr(FdChange) line = fd_change_new_create ("cert_order_line");
          int cert = PICK (demo, ((const int[]) {
                             CERT_TOSA_EXCEL, CERT_TOSA_WORD, CERT_TOEIC,
                             CERT_LE_ROBERT, CERT_LINGUASKILL,
                           }));

          fd_change_set_string (line, "order_id", order_id);
          fd_change_set_string (line, "certification_id", demo->cert_ids[cert]);
          fd_change_set_int (line, "quantity", rand_range (demo, 1, 5) * 10);
          fd_change_set_int (line, "unit_price_cents", certification_specs[cert].unit_price_cents);
          if (!apply (demo, line, error))
            return FALSE;
        }
    }

  for (i = 0; i < demo->assignable->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (demo->assignable, i), "|", 3);
      g_autoptr(FdChange) assignment = fd_change_new_create ("cert_assignment");
      g_autofree char *assignment_id = NULL;
      int cert = atoi (parts[0]);
      int exam_day = next_open_day (demo, atoi (parts[2]) + rand_range (demo, 3, 30));
      const char *status;

      if (exam_day < demo->today)
        status = chance (demo, 0.85) ? "passed" : chance (demo, 0.5) ? "failed" : "cancelled";
      else
        status = "planned";

      fd_change_set_string (assignment, "certification_id", demo->cert_ids[cert]);
      fd_change_set_string (assignment, "trainee_id", parts[1]);
      if (cert != CERT_SST && cert != CERT_CACES)
        {
          set_string_take (assignment, "exam_date", format_day (demo, exam_day));
          fd_change_set_string (assignment, "exam_centre", PICK (demo, exam_centres));
        }
      else
        set_string_take (assignment, "exam_date", format_day (demo, atoi (parts[2])));
      fd_change_set_string (assignment, "status", status);
      if (g_str_equal (status, "passed") || g_str_equal (status, "failed"))
        {
          if (cert == CERT_TOEIC)
            fd_change_set_int (assignment, "score",
                               g_str_equal (status, "passed") ? rand_range (demo, 55, 199) * 5
                                                              : rand_range (demo, 10, 55) * 5);
          else if (cert == CERT_TOSA_EXCEL || cert == CERT_TOSA_WORD || cert == CERT_LE_ROBERT)
            fd_change_set_int (assignment, "score",
                               g_str_equal (status, "passed") ? rand_range (demo, 400, 1000)
                                                              : rand_range (demo, 1, 400));
        }

      assignment_id = apply_create (demo, assignment, error);
      if (assignment_id == NULL)
        return FALSE;

      if (certification_specs[cert].proctored)
        {
          g_autoptr(FdChange) code = fd_change_new_create ("activation_code");

          fd_change_set_string (code, "certification_id", demo->cert_ids[cert]);
          set_string_take (code, "code", random_activation_code (demo, certification_specs[cert].kind[0] == 'T' ? "TL" : "CR"));
          fd_change_set_string (code, "assignment_id", assignment_id);
          fd_change_set_int (code, "generated_at",
                             day_time_to_usec (demo, atoi (parts[2]), 10 * 60, 0));
          if (!apply (demo, code, error))
            return FALSE;
        }
    }

  /* Stock not given to anyone yet. */
  for (i = 0; i < (demo->size == FD_DEMO_SIZE_LARGE ? 200u : 25u); i++)
    {
      g_autoptr(FdChange) code = fd_change_new_create ("activation_code");
      int cert = i % 2 == 0 ? CERT_TOSA_EXCEL : CERT_LE_ROBERT;

      fd_change_set_string (code, "certification_id", demo->cert_ids[cert]);
      set_string_take (code, "code", random_activation_code (demo, "ST"));
      fd_change_set_int (code, "generated_at",
                         day_time_to_usec (demo, demo->today - rand_range (demo, 1, 90),
                                           11 * 60, 0));
      if (!apply (demo, code, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_quality_tickets (Demo    *demo,
                       GError **error)
{
  static const struct
  {
    const char *source;
    const char *category;
    const char *subject;
    const char *description;
  } tickets[] = {
    { "trainee", "complaint", "Salle trop froide",
      "Plusieurs stagiaires se sont plaints de la température de la salle le matin." },
    { "trainer", "incident", "Vidéoprojecteur en panne",
      "Le vidéoprojecteur ne s'allume plus ; formation poursuivie sur écran." },
    { "client", "complaint", "Convocation reçue tardivement",
      "L'entreprise a reçu les convocations la veille de la formation." },
    { "trainer", "suggestion", "Ajouter un module pratique",
      "Les participants demandent davantage d'exercices sur cas réels." },
    { "funder", "complaint", "Feuille d'émargement incomplète",
      "L'OPCO signale une demi-journée sans signature du formateur." },
    { "staff", "improvement", "Questionnaire à froid trop long",
      "Réduire le questionnaire à froid à dix questions pour améliorer le taux de réponse." },
    { "trainee", "suggestion", "Supports en version numérique",
      "Mettre les supports à disposition en PDF avant la formation." },
    { "trainer", "incident", "Accès au bâtiment impossible",
      "Badge non activé à l'arrivée ; début de séance retardé de vingt minutes." },
  };
  guint n = demo->size == FD_DEMO_SIZE_LARGE ? 240 : 12;
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("quality_ticket");
      guint t = rand_range (demo, 0, G_N_ELEMENTS (tickets));
      int opened = demo->today - rand_range (demo, 1, 700);
      const char *status;

      if (opened < demo->today - 60)
        status = "closed";
      else
        status = chance (demo, 0.5) ? "open" : "in_progress";

      if (g_str_equal (tickets[t].source, "trainer"))
        fd_change_set_string (change, "trainer_id",
                              g_array_index (demo->trainers, Trainer,
                                             rand_range (demo, 0, demo->trainers->len)).id);
      fd_change_set_string (change, "source", tickets[t].source);
      fd_change_set_string (change, "category", tickets[t].category);
      fd_change_set_string (change, "subject", tickets[t].subject);
      fd_change_set_string (change, "description", tickets[t].description);
      fd_change_set_string (change, "status", status);
      set_string_take (change, "opened_on", format_day (demo, opened));
      if (g_str_equal (status, "closed"))
        {
          fd_change_set_string (change, "resolution",
                                "Action corrective mise en place et client informé.");
          set_string_take (change, "closed_on",
                           format_day (demo, opened + rand_range (demo, 1, 30)));
        }

      if (!apply (demo, change, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

static gboolean
generate (Demo    *demo,
          GError **error)
{
  gboolean large = demo->size == FD_DEMO_SIZE_LARGE;

  return write_organisation (demo, error)
         && write_staff_accounts (demo, error)
         && write_catalogue (demo, error)
         && write_places (demo, error)
         && write_trainers (demo, large ? 2000 : 60, error)
         && write_email_templates (demo, error)
         && write_clients_and_trainees (demo, large ? 50000 : 1500, error)
         && write_groups (demo, error)
         && write_sessions (demo, large ? 5000 : 150, error)
         && write_certification_records (demo, error)
         && write_quality_tickets (demo, error);
}

/**
 * fd_demo_generate:
 * @database: an empty database
 * @size: how much to generate
 * @today: (nullable): the ISO date the data is centred on, or %NULL for the
 *   current date
 * @seed: the random seed; the same seed and date give the same data
 * @error: return location for a #GError
 *
 * Fills @database with a training organisation's three years of activity:
 * two years of past sessions with their attendance, and one year planned.
 * Everything is written in one transaction, through fd_database_apply(); on
 * error nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_demo_generate (FdDatabase  *database,
                  FdDemoSize   size,
                  const char  *today,
                  guint32      seed,
                  GError     **error)
{
  Demo demo = { 0, };
  GDate today_date;
  gboolean ok;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (size == FD_DEMO_SIZE_SMALL || size == FD_DEMO_SIZE_LARGE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (&today_date, 1);
  if (today != NULL)
    {
      int year;
      int month;
      int day;
      char end;

      if (sscanf (today, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3
          || !g_date_valid_dmy (day, month, year))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a date (expected YYYY-MM-DD)"), today);
          return FALSE;
        }
      g_date_set_dmy (&today_date, day, month, year);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&today_date,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  demo.db = database;
  demo.size = size;
  demo.rand = g_rand_new_with_seed (seed);
  demo.tz = g_time_zone_new_identifier ("Europe/Paris");
  if (demo.tz == NULL)
    demo.tz = g_time_zone_new_local ();
  demo.device_id = fd_database_get_device_id (database);
  demo.emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.assignable = g_ptr_array_new_with_free_func (g_free);
  build_calendar (&demo, &today_date);

  if (!fd_database_begin (database, error))
    {
      demo_clear (&demo);
      return FALSE;
    }

  ok = generate (&demo, error) && fd_database_commit (database, error);
  if (!ok)
    fd_database_rollback (database);

  demo_clear (&demo);

  return ok;
}
