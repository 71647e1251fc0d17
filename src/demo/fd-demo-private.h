/* fd-demo-private.h — what the demo generator's pieces share
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-demo.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Reference data                                                           */
/* ------------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *postal_code;
  const char *district; /* a well-known business district, for place names */
} City;

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

typedef struct
{
  const char *title;
  int domain;
  double days;
  gint64 price_cents;
  int capacity_min;
  int capacity_target;
  int capacity_max;
  int certification; /* index in _fd_demo_certification_specs or -1 */
  int weight;        /* how often it runs */
  gboolean weekly;   /* half-days spread over weeks rather than in a row */
  const char *objectives;
  const char *prerequisites;
  const char *modules; /* "|"-separated titles */
} TrainingSpec;

extern const City _fd_demo_cities[];
extern const guint _fd_demo_n_cities;
extern const char * const _fd_demo_domain_skills[N_DOMAINS];
extern const CertificationSpec _fd_demo_certification_specs[N_CERTS];
extern const TrainingSpec _fd_demo_training_specs[];
extern const guint _fd_demo_n_training_specs;

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

/* ------------------------------------------------------------------------ */
/* Drawing and writing                                                      */
/* ------------------------------------------------------------------------ */

/* Every piece draws from the one GRand and writes through
 * fd_database_apply(), in the order the pieces are called: the same seed
 * gives the same data. */

static inline int
rand_range (Demo *demo,
            int   begin,
            int   end)
{
  g_assert (end > begin);

  return g_rand_int_range (demo->rand, begin, end);
}

static inline gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

#define PICK(demo, array) ((array)[rand_range ((demo), 0, G_N_ELEMENTS (array))])

/* Applies @change and returns a copy of the new row's id, or NULL and sets
 * @error. */
static inline char *
apply_create (Demo      *demo,
              FdChange  *change,
              GError   **error)
{
  if (!fd_database_apply (demo->db, change, error))
    return NULL;

  return g_strdup (fd_change_get_id (change));
}

static inline gboolean
apply (Demo      *demo,
       FdChange  *change,
       GError   **error)
{
  return fd_database_apply (demo->db, change, error);
}

static inline void
set_string_take (FdChange   *change,
                 const char *field,
                 char       *value)
{
  fd_change_set_string (change, field, value);
  g_free (value);
}

/* fd-demo-random.c */
char       *_fd_demo_random_digits          (Demo        *demo,
                                             guint        n);
char       *_fd_demo_random_siret           (Demo        *demo);
char       *_fd_demo_random_mobile          (Demo        *demo);
char       *_fd_demo_random_landline        (Demo        *demo);
char       *_fd_demo_slugify                (const char  *text);

/* fd-demo-calendar.c */
void        _fd_demo_build_calendar         (Demo        *demo,
                                             const GDate *today);
void        _fd_demo_day_to_date            (Demo        *demo,
                                             int          day,
                                             GDate       *date);
char       *_fd_demo_format_day             (Demo        *demo,
                                             int          day);
char       *_fd_demo_format_day_time        (Demo        *demo,
                                             int          day,
                                             int          minutes);
int         _fd_demo_day_year               (Demo        *demo,
                                             int          day);
gint64      _fd_demo_day_time_to_usec       (Demo        *demo,
                                             int          day,
                                             int          minutes,
                                             int          seconds);
int         _fd_demo_next_open_day          (Demo        *demo,
                                             int          day);

/* fd-demo-places.c */
char       *_fd_demo_random_address         (Demo        *demo);
int         _fd_demo_random_city            (Demo        *demo);
gboolean    _fd_demo_write_places           (Demo        *demo,
                                             GError     **error);

/* fd-demo-people.c */
const char *_fd_demo_pick_last_name         (Demo        *demo);
const char *_fd_demo_pick_email_provider    (Demo        *demo);
char       *_fd_demo_unique_email           (Demo        *demo,
                                             const char  *first_name,
                                             const char  *last_name,
                                             const char  *domain);
void        _fd_demo_random_person          (Demo        *demo,
                                             const char **civility,
                                             const char **first_name,
                                             const char **last_name);
gboolean    _fd_demo_write_trainers         (Demo        *demo,
                                             guint        n_trainers,
                                             GError     **error);

/* fd-demo-organisation.c */
gboolean    _fd_demo_write_organisation     (Demo        *demo,
                                             GError     **error);
gboolean    _fd_demo_write_staff_accounts   (Demo        *demo,
                                             GError     **error);
gboolean    _fd_demo_write_email_templates  (Demo        *demo,
                                             GError     **error);

/* fd-demo-catalogue.c */
gboolean    _fd_demo_write_catalogue        (Demo        *demo,
                                             GError     **error);

/* fd-demo-clients.c */
gboolean    _fd_demo_write_clients_and_trainees (Demo    *demo,
                                                 guint    n_trainees,
                                                 GError **error);
gboolean    _fd_demo_write_groups           (Demo        *demo,
                                             GError     **error);

/* fd-demo-planning.c */
SessionPlan *_fd_demo_plan_session          (Demo              *demo,
                                             int                first_day,
                                             int                last_day);
void         _fd_demo_session_plan_free     (SessionPlan       *plan);
void         _fd_demo_mark_busy             (Demo              *demo,
                                             guint8            *busy,
                                             const SessionPlan *plan);
void         _fd_demo_unmark_busy           (Demo              *demo,
                                             guint8            *busy,
                                             const SessionPlan *plan);
int          _fd_demo_pick_trainer          (Demo              *demo,
                                             const SessionPlan *plan,
                                             int                except);
int          _fd_demo_pick_room             (Demo              *demo,
                                             const SessionPlan *plan,
                                             guint              place_index,
                                             int                seats);

/* fd-demo-sessions.c */
gboolean    _fd_demo_write_sessions         (Demo        *demo,
                                             guint        n_sessions,
                                             GError     **error);

/* fd-demo-certifications.c */
gboolean    _fd_demo_write_certification_records (Demo    *demo,
                                                  GError **error);

/* fd-demo-quality.c */
gboolean    _fd_demo_write_quality_tickets  (Demo        *demo,
                                             GError     **error);
gboolean    _fd_demo_write_evaluations      (Demo        *demo,
                                             GError     **error);

G_END_DECLS
