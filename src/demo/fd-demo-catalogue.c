/* fd-demo-catalogue.c — the demo catalogue: fields, certifications, trainings
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

const char * const _fd_demo_domain_skills[N_DOMAINS] = {
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

const CertificationSpec _fd_demo_certification_specs[N_CERTS] = {
  { "TOSA Excel", "Évaluation adaptative", "RS5252", 7900, TRUE },
  { "TOSA Word", "Évaluation adaptative", "RS5794", 7900, TRUE },
  { "TOEIC Listening & Reading", "Test de langue", "RS5800", 13200, TRUE },
  { "Certification Le Robert", "Orthographe et expression", "RS5859", 6500, TRUE },
  { "Certificat SST", "Certificat INRS", NULL, 0, FALSE },
  { "CACES R489", "Certificat d'aptitude", NULL, 12000, FALSE },
  { "Linguaskill Business", "Test de langue", "RS6140", 11000, TRUE },
};

const TrainingSpec _fd_demo_training_specs[] = {
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

const guint _fd_demo_n_training_specs = G_N_ELEMENTS (_fd_demo_training_specs);

gboolean
_fd_demo_write_catalogue (Demo    *demo,
                          GError **error)
{
  guint n_trainings = _fd_demo_n_training_specs;
  guint i;

  for (i = 0; i < N_CERTS; i++)
    {
      const CertificationSpec *spec = &_fd_demo_certification_specs[i];
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
      const TrainingSpec *spec = &_fd_demo_training_specs[i];
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
                            spec->certification >= 0
                            && _fd_demo_certification_specs[spec->certification].reference != NULL
                            ? "Action de formation certifiante (CPF)"
                            : "Action de formation");
      if (spec->certification >= 0)
        fd_change_set_string (change, "certification_id", demo->cert_ids[spec->certification]);
      fd_change_set_bool (change, "eligible_funding",
                          spec->certification >= 0
                          && _fd_demo_certification_specs[spec->certification].reference != NULL);
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
