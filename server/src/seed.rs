//! Demo data: a fictional event in the spirit of Cloud Nord, and one account per role.
use chrono::{Datelike, Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};

use app::auth::service::insert_user;
use app::domain::events::EventForm;
use app::domain::roles::Role;
use app::entities::{membership, user};
use app::events::service as events;

// Kept next to this file (server/src/) so the crate root needs no change.
#[path = "seed_cfp.rs"]
mod seed_cfp;
#[path = "seed_talks.rs"]
mod seed_talks;

/// A demo account: (email, name, password, role in the demo event).
pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub password: &'static str,
    pub role: Option<Role>,
    pub admin: bool,
}

pub const DEMO_ACCOUNTS: [DemoAccount; 5] = [
    DemoAccount { email: "admin@estrade.example", name: "Ada Admin", password: "demo-admin-pass", role: None, admin: true },
    DemoAccount { email: "organizer@estrade.example", name: "Olivia Organiser", password: "demo-organizer-pass", role: Some(Role::Organizer), admin: false },
    DemoAccount { email: "reviewer@estrade.example", name: "Rémi Reviewer", password: "demo-reviewer-pass", role: Some(Role::Reviewer), admin: false },
    DemoAccount { email: "speaker@estrade.example", name: "Sofia Speaker", password: "demo-speaker-pass", role: None, admin: false },
    DemoAccount { email: "volunteer@estrade.example", name: "Victor Volunteer", password: "demo-volunteer-pass", role: Some(Role::Volunteer), admin: false },
];

/// The demo speaker, who gets a profile, talks and proposals to the upcoming event.
const SOFIA_EMAIL: &str = "speaker@estrade.example";

pub async fn is_empty(db: &DatabaseConnection) -> anyhow::Result<bool> {
    Ok(user::Entity::find().count(db).await? == 0)
}

fn demo_event(slug: &str, name: &str, start: chrono::NaiveDate, description: &str) -> EventForm {
    EventForm {
        slug: slug.into(),
        name: name.into(),
        city: "Lille".into(),
        venue: "La Filature Numérique (fictional venue)".into(),
        time_zone: "Europe/Paris".into(),
        start_date: start.to_string(),
        end_date: start.to_string(),
        description: description.into(),
        visibility: "public".into(),
    }
}

/// Loads the demo event and accounts. The upcoming edition is dated six weeks from today so
/// that the demo always has something ahead; its name carries that date's year. Its call for papers is open,
/// with fictional speakers and proposals (see `seed_cfp`).
pub async fn seed_demo(db: &DatabaseConnection) -> anyhow::Result<()> {
    let start = Utc::now().date_naive() + Duration::days(45);
    let year = start.year();
    let upcoming = events::create(
        db,
        &demo_event(
            &format!("cloud-nord-{year}"),
            &format!("Cloud Nord {year}"),
            start,
            "A one-day, volunteer-run conference in Lille about cloud native, platform engineering and digital autonomy.\n\n\
             About 250 people, talks in French and English, a partner village where teams share expertise rather than pitch roadmaps.",
        ),
    )
    .await
    .map_err(|e| anyhow::anyhow!("demo event: {e}"))?;
    events::create(
        db,
        &demo_event(
            &format!("cloud-nord-{}", year - 1),
            &format!("Cloud Nord {}", year - 1),
            start - Duration::days(364),
            "Last year's edition.",
        ),
    )
    .await
    .map_err(|e| anyhow::anyhow!("demo event: {e}"))?;

    let mut sofia = None;
    for account in &DEMO_ACCOUNTS {
        let u = insert_user(db, account.email, account.name, account.password, account.admin, true)
            .await
            .map_err(|e| anyhow::anyhow!("demo account {}: {e}", account.email))?;
        if account.email == SOFIA_EMAIL {
            sofia = Some(u.id);
        }
        if let Some(role) = account.role {
            membership::ActiveModel {
                event_id: Set(upcoming.id),
                user_id: Set(u.id),
                role: Set(role.as_str().into()),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    let sofia = sofia.ok_or_else(|| anyhow::anyhow!("demo account {SOFIA_EMAIL} missing"))?;
    seed_cfp::seed_cfp(db, &upcoming, sofia).await
}

pub fn print_accounts(base_url: &str) {
    println!("\nDemo accounts (fictional people) for {base_url}:");
    for a in &DEMO_ACCOUNTS {
        let what = match (a.admin, a.role) {
            (true, _) => "instance admin".to_string(),
            (_, Some(r)) => format!("{} of the demo event", r.label().to_lowercase()),
            _ => "speaker".to_string(),
        };
        println!("  {:<28} {:<22} {what}", a.email, a.password);
    }
    let others = seed_talks::PROPOSALS.iter().filter(|p| p.0 != seed_talks::SOFIA).count();
    println!(
        "\nThe call for papers of the upcoming event is open; it closes in {} days, at 23:59 Paris time.",
        seed_cfp::CLOSES_IN_DAYS
    );
    println!("Sofia Speaker has a profile, two talks in her library, a submitted proposal and a draft.");
    println!(
        "{} fictional speakers (…@{}, no sign-in) have sent {} more proposals, some with co-speakers.",
        seed_cfp::SPEAKERS.len(),
        seed_cfp::SPEAKER_DOMAIN,
        others,
    );
    println!();
}
