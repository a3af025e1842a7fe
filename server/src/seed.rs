//! Demo data: a fictional event in the spirit of Cloud Nord, and one account per role.
use chrono::{DateTime, Datelike, Duration, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use app::auth::roles::insert_membership;
use app::auth::service::insert_user;
use app::db::BeginWrite;
use app::entities::user;
use app::events::service as events;
use domain::events::EventForm;
use domain::roles::Role;

// Kept next to this file (server/src/) so the crate root needs no change.
#[path = "seed_cfp.rs"]
mod seed_cfp;
#[path = "seed_favourites.rs"]
mod seed_favourites;
#[path = "seed_partners.rs"]
mod seed_partners;
#[path = "seed_review.rs"]
pub mod seed_review;
#[path = "seed_schedule.rs"]
mod seed_schedule;
#[path = "seed_talks.rs"]
mod seed_talks;
#[path = "seed_volunteers.rs"]
mod seed_volunteers;

/// A demo account: (email, name, password, role in the demo event).
pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub password: &'static str,
    pub role: Option<Role>,
    pub admin: bool,
}

pub const DEMO_ACCOUNTS: [DemoAccount; 6] = [
    DemoAccount { email: "admin@estrade.example", name: "Ada Admin", password: "demo-admin-pass", role: None, admin: true },
    DemoAccount {
        email: "organizer@estrade.example",
        name: "Olivia Organiser",
        password: "demo-organizer-pass",
        role: Some(Role::Organizer),
        admin: false,
    },
    DemoAccount {
        email: "reviewer@estrade.example",
        name: "Rémi Reviewer",
        password: "demo-reviewer-pass",
        role: Some(Role::Reviewer),
        admin: false,
    },
    DemoAccount { email: "speaker@estrade.example", name: "Sofia Speaker", password: "demo-speaker-pass", role: None, admin: false },
    DemoAccount {
        email: "volunteer@estrade.example",
        name: "Victor Volunteer",
        password: "demo-volunteer-pass",
        role: Some(Role::Volunteer),
        admin: false,
    },
    DemoAccount {
        email: "partner@estrade.example",
        name: "Paula Partner",
        password: "demo-partner-pass",
        role: Some(Role::Partner),
        admin: false,
    },
];

/// The demo speaker, who gets a profile, talks and proposals to the upcoming event.
const SOFIA_EMAIL: &str = "speaker@estrade.example";
const ORGANISER_EMAIL: &str = "organizer@estrade.example";
const REVIEWER_EMAIL: &str = "reviewer@estrade.example";
const VOLUNTEER_EMAIL: &str = "volunteer@estrade.example";
const PARTNER_EMAIL: &str = "partner@estrade.example";

const CNDF_CFP_TEXT: (&str, &str) = (
    "\
## Cloud Native Days France : l’appel à propositions est ouvert

Une journée à Paris, plusieurs salles, des talks en français ou en anglais sur l’exploitation réelle de systèmes cloud \
native : **retours d’expérience**, deep-dives, et talks courts pour une première prise de parole.",
    "\
## Cloud Native Days France: the call for papers is open

One day in Paris, several rooms, talks in French or English about running cloud-native systems for real: \
**experience reports**, deep-dives, and short talks for first-time speakers.",
);

pub async fn is_empty(db: &DatabaseConnection) -> anyhow::Result<bool> {
    Ok(user::Entity::find().count(db).await? == 0)
}

/// A demo event described in French (its default language) and in English.
fn demo_event(slug: &str, name: &str, start: chrono::NaiveDate, french: &str, english: &str) -> EventForm {
    EventForm {
        slug: slug.into(),
        name: name.into(),
        city: "Lille".into(),
        venue: "La Filature Numérique (fictional venue)".into(),
        time_zone: "Europe/Paris".into(),
        start_date: start.to_string(),
        end_date: start.to_string(),
        description: french.into(),
        visibility: "public".into(),
        // Both conferences are French: a visitor whose browser asks for no language Estrade speaks reads French.
        default_language: "fr".into(),
        description_language: "fr".into(),
        translations: [("en".to_string(), english.to_string())].into(),
    }
}

/// Loads the demo events and accounts. The upcoming Cloud Nord is dated six weeks from today so that the
/// demo always has something ahead; its name carries that date's year. Its call for papers has just closed,
/// reviews and decisions are in (see `seed_cfp`, `seed_review`). Cloud Native Days France, later, has its
/// call for papers open. "Today" is the date of `now`.
pub async fn seed_demo(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<()> {
    let start = now.date_naive() + Duration::days(45);
    let year = start.year();
    let create = |form: EventForm| async move { events::create(db, &form, now).await.map_err(|e| anyhow::anyhow!("demo event: {e}")) };
    let upcoming = create(demo_event(
        &format!("cloud-nord-{year}"),
        &format!("Cloud Nord {year}"),
        start,
        "Une journée de conférence à Lille, organisée par des bénévoles, sur le cloud native, le platform engineering et \
         l’autonomie numérique.\n\n\
         Environ 250 personnes, des talks en français et en anglais, un village partenaires où les équipes partagent leur \
         expertise plutôt que leur roadmap.",
        "A one-day, volunteer-run conference in Lille about cloud native, platform engineering and digital autonomy.\n\n\
         About 250 people, talks in French and English, a partner village where teams share expertise rather than pitch roadmaps.",
    ))
    .await?;
    let last_year = create(demo_event(
        &format!("cloud-nord-{}", year - 1),
        &format!("Cloud Nord {}", year - 1),
        start - Duration::days(364),
        "L’édition de l’an dernier.",
        "Last year’s edition.",
    ))
    .await?;
    let later = start + Duration::days(90);
    let cndf = create(EventForm {
        city: "Paris".into(),
        venue: "Le Grand Quai (fictional venue)".into(),
        ..demo_event(
            &format!("cndf-{}", later.year()),
            &format!("Cloud Native Days France {}", later.year()),
            later,
            "Une journée de conférence communautaire à Paris, plusieurs salles, organisée par les bénévoles d’une association.",
            "A one-day community conference in Paris, several rooms, organised by volunteers of a non-profit.",
        )
    })
    .await?;

    let mut ids = std::collections::HashMap::new();
    for account in &DEMO_ACCOUNTS {
        let u = insert_user(db, account.email, account.name, account.password, account.admin, true, now)
            .await
            .map_err(|e| anyhow::anyhow!("demo account {}: {e}", account.email))?;
        ids.insert(account.email, u.id);
        if let Some(role) = account.role {
            for e in [&upcoming, &cndf] {
                insert_membership(db, e.id, u.id, role, now).await.map_err(|x| anyhow::anyhow!("demo role: {x}"))?;
            }
        }
    }
    let id = |email: &str| ids.get(email).copied().ok_or_else(|| anyhow::anyhow!("demo account {email} missing"));
    seed_cfp::seed_cfp(db, &upcoming, id(SOFIA_EMAIL)?, now).await?;
    seed_cfp::open_cfp(db, &cndf, 10, seed_cfp::CLOSES_IN_DAYS, CNDF_CFP_TEXT, now).await?;
    let txn = db.begin_write().await?;
    seed_review::seed_review(&txn, &upcoming, id(ORGANISER_EMAIL)?, id(REVIEWER_EMAIL)?, id(SOFIA_EMAIL)?, now).await?;
    txn.commit().await?;
    seed_schedule::seed_schedule(db, &upcoming, id(ORGANISER_EMAIL)?, now).await?;
    seed_favourites::seed_favourites(db, &upcoming, now).await?;
    let volunteer =
        user::Entity::find_by_id(id(VOLUNTEER_EMAIL)?).one(db).await?.ok_or_else(|| anyhow::anyhow!("demo volunteer missing"))?;
    seed_volunteers::seed_volunteers(db, &upcoming, &last_year, &volunteer, id(ORGANISER_EMAIL)?, now).await?;
    seed_partners::seed_partners(db, &upcoming, id(PARTNER_EMAIL)?, now).await?;
    Ok(())
}

/// Says what the demo holds. The passwords are shown only to a person at a terminal (text logs):
/// with JSON logs, output goes to a log store, which must hold no password (they are in the README).
pub fn print_accounts(base_url: &str, with_passwords: bool) {
    println!("\nDemo accounts (fictional people) for {base_url}:");
    for a in &DEMO_ACCOUNTS {
        let what = match (a.admin, a.role) {
            (true, _) => "instance admin".to_string(),
            (_, Some(r)) => format!("{} of the demo events", app::lang::role_name(app::lang::Locale::en, r).to_lowercase()),
            _ => "speaker".to_string(),
        };
        let password = if with_passwords { a.password } else { "(password in the README)" };
        println!("  {:<28} {:<22} {what}", a.email, password);
    }
    let others = seed_talks::PROPOSALS.iter().filter(|p| p.0 != seed_talks::SOFIA).count();
    println!(
        "\nCloud Nord: the call for papers closed {} days ago; {} reviewers scored the proposals (Rémi has some left), \
         decisions are published and mostly confirmed.",
        seed_cfp::CLOSED_DAYS_AGO,
        seed_review::REVIEWERS.len() + 1
    );
    println!("Its schedule (4 rooms) is published as v1, with one talk moved since, not yet published.");
    println!("Sofia Speaker has a profile, two talks, a draft and an accepted proposal to confirm.");
    println!(
        "Volunteers: a bilingual call, five teams, room hosts from the agenda, 25 fictional volunteers (4 applications \
         to decide, last year's to invite); Victor Volunteer holds two shifts."
    );
    println!(
        "Partner village: three tiers, ten fictional partners at every step, a floor map; Paula Partner speaks for Nordic Mesh \
         (Gold, booth A1)."
    );
    println!("Cloud Native Days France: the call for papers is open for {} more days.", seed_cfp::CLOSES_IN_DAYS);
    println!(
        "{} fictional speakers (…@{}, no sign-in) have sent {} more proposals, some with co-speakers.",
        seed_cfp::SPEAKERS.len(),
        seed_cfp::SPEAKER_DOMAIN,
        others,
    );
    println!();
}
