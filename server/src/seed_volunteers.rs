//! Demo volunteers of Cloud Nord, through the leads' and volunteers' services: the call's text in
//! French and English, five teams (video restricted), shifts on the day and room hosts generated from
//! the published agenda, 25 fictional volunteers (some applying, some from last year's edition to
//! invite), a mix of full and understaffed shifts, and the demo volunteer on two of them.
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use app::crypto::{hash_password, new_token};
use app::entities::{event, user};
use app::volunteers::{call, hosts, lead, settings, signup};
use domain::cfp::TrackForm;
use domain::roles::Role;
use domain::volunteers::shifts::ShiftForm;

/// (name, description, colour, restricted, briefing).
const TEAMS: [(&str, &str, &str, bool, &str); 5] = [
    (
        "Accueil",
        "Badges, questions, lost and found at the entrance.",
        "#0969da",
        false,
        "Arrive 15 minutes early; the badge list is on the desk laptop.",
    ),
    (
        "Room hosts",
        "Time the speakers, hand the microphone, count the audience.",
        "#8250df",
        false,
        "Show the 5-minute card, then the 0 card.",
    ),
    ("Catering", "Coffee breaks and lunch with the caterer.", "#bf8700", false, "Gloves and aprons are in the kitchen."),
    ("Village guides", "Guide visitors through the partner village.", "#1a7f37", false, ""),
    ("Video", "Cameras and streaming of the main room.", "#cf222e", true, "Only after the video briefing: ask Inès."),
];

/// (team index, place, title, start, end, seats).
const SHIFTS: [(usize, &str, &str, &str, &str, i32); 6] = [
    (0, "Accueil", "Badges — opening", "08:00", "10:00", 3),
    (0, "Accueil", "Badges — morning", "10:00", "12:30", 2),
    (2, "Cafétéria", "Lunch service", "12:00", "14:00", 4),
    (3, "Village", "Village guide — morning", "10:00", "13:00", 2),
    (3, "Village", "Village guide — afternoon", "13:00", "17:00", 2),
    (4, "Amphi Jean Bart", "Camera — morning", "09:00", "13:00", 2),
];

/// Fictional volunteers (their addresses end in `.invalid`: no mail reaches anyone).
const PEOPLE: [&str; 25] = [
    "Amina Diallo",
    "Bastien Leroy",
    "Chloé Martin",
    "Dylan Petit",
    "Élodie Garnier",
    "Farid Benali",
    "Gaëlle Roux",
    "Hugo Lefebvre",
    "Inès Moreau",
    "Jules Fontaine",
    "Kenza Haddad",
    "Léo Dubois",
    "Maëlle Girard",
    "Nathan Mercier",
    "Océane Lambert",
    "Paul Renard",
    "Quentin Faure",
    "Rose Chevalier",
    "Samuel Blanc",
    "Tiphaine Morel",
    "Ugo Perrin",
    "Valentine Robin",
    "William Caron",
    "Yasmine Aubert",
    "Zacharie Henry",
];

const CALL_FR: &str = "Cloud Nord tient grâce à ses bénévoles : une quarantaine de personnes accueillent, guident, \
filment et nourrissent 250 participants.\n\n- **Ce que vous faites** : un ou deux créneaux de deux à quatre heures, \
dans l’équipe de votre choix.\n- **Ce que vous recevez** : l’entrée, le déjeuner, le T-shirt et notre reconnaissance.\n\n\
Aucune expérience demandée : chaque équipe a sa responsable et ses consignes.";
const CALL_EN: &str = "Cloud Nord runs on its volunteers: about forty people welcome, guide, film and feed 250 \
attendees.\n\n- **What you do**: one or two shifts of two to four hours, in the team you choose.\n- **What you get**: \
the ticket, lunch, the T-shirt and our thanks.\n\nNo experience needed: each team has its lead and its briefing.";

fn ctx<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> anyhow::Error + '_ {
    move |e| anyhow::anyhow!("demo volunteers, {what}: {e}")
}

fn email_of(i: usize) -> String {
    format!("volunteer{:02}@volunteers.invalid", i + 1)
}

/// The fictional volunteers' accounts (nobody can sign in to them).
async fn people(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<Vec<user::Model>> {
    let hash = hash_password(new_token()).await.map_err(|x| anyhow::anyhow!("demo volunteers: {x}"))?;
    let rows = PEOPLE.iter().enumerate().map(|(i, name)| crate::seed_bench::user_row(&email_of(i), name, &hash, now));
    user::Entity::insert_many(rows).exec(db).await?;
    let emails: Vec<String> = (0..PEOPLE.len()).map(email_of).collect();
    let mut all = user::Entity::find().filter(user::Column::Email.is_in(emails)).all(db).await?;
    all.sort_by_key(|u| u.email.clone());
    Ok(all)
}

/// Makes `u` an accepted volunteer of `e`, as a lead accepting them would.
async fn accepted(db: &DatabaseConnection, e: &event::Model, u: &user::Model, now: DateTime<Utc>) -> anyhow::Result<()> {
    app::auth::roles::insert_membership(db, e.id, u.id, Role::Volunteer, now).await.map_err(ctx("role"))?;
    signup::ensure_record(db, e.id, u.id, now).await.map_err(ctx("record"))
}

pub async fn seed_volunteers(
    db: &DatabaseConnection,
    e: &event::Model,
    last_year: &event::Model,
    volunteer: &user::Model,
    organiser_id: i32,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let call_text = app::volunteers::views::CallSettingsForm {
        call_text: CALL_FR.into(),
        call_text_language: "fr".into(),
        call_translations: [("en".to_string(), CALL_EN.to_string())].into(),
        sign_out_hours: "24".into(),
        host_minutes_before: "10".into(),
        host_max_gap_minutes: "20".into(),
    };
    settings::save(db, e, &call_text, now).await.map_err(ctx("call"))?;
    let mut teams = Vec::new();
    for (name, description, colour, restricted, briefing) in TEAMS {
        let looks = TrackForm { name: name.into(), description: description.into(), colour: colour.into() };
        let input = lead::TeamInput {
            looks,
            restricted,
            briefing: briefing.into(),
            lead_name: "Inès Caron".into(),
            lead_phone: "+33 6 00 00 00 00".into(),
        };
        teams.push(lead::create_team(db, e, &input, now).await.map_err(ctx(name))?);
    }
    let mut shifts = Vec::new();
    for (team, place, title, start, end, seats) in SHIFTS {
        let form = ShiftForm {
            team_id: teams[team].id.to_string(),
            place: place.into(),
            title: title.into(),
            day: e.start_date.to_string(),
            start: start.into(),
            end: end.into(),
            seats: seats.to_string(),
            notes: String::new(),
        };
        shifts.push(lead::add_shift(db, e, &form, now).await.map_err(ctx(title))?);
    }
    hosts::apply_in(db, &Default::default(), None, e, teams[1].id, now).await.map_err(ctx("room hosts"))?;

    let people = people(db, now).await?;
    app::auth::roles::insert_membership(db, last_year.id, organiser_id, Role::Organizer, now).await.map_err(ctx("last year"))?;
    for u in &people[8..] {
        accepted(db, last_year, u, now).await?;
    }
    for u in &people[..16] {
        accepted(db, e, u, now).await?;
    }
    let answers = domain::volunteers::application::ApplicationForm {
        days: vec![e.start_date.to_string()],
        teams: vec![teams[0].id.to_string()],
        tshirt: "l".into(),
        languages: "français, English".into(),
        note: "Je ne peux pas porter de charges lourdes.".into(),
    };
    for u in &people[16..20] {
        call::apply(db, e, u, &answers, now).await.map_err(ctx("application"))?;
    }
    app::volunteers::applications::confirm_member(db, e, record_id(db, e, &people[4]).await?, teams[4].id, now)
        .await
        .map_err(ctx("video"))?;

    signup::ensure_record(db, e.id, volunteer.id, now).await.map_err(ctx("record"))?;
    let take = |who: &'static str| ctx::<app::error::AppError>(who);
    for i in [0, 3] {
        signup::sign_up(db, e, volunteer, shifts[i].id, vec![], now).await.map_err(take("demo volunteer"))?;
    }
    // Badges at opening and the village's morning are full (one waiting); lunch is half staffed.
    let plan: [(usize, &[usize]); 4] = [(0, &[0, 1]), (3, &[2]), (2, &[3, 5]), (5, &[4])];
    for (shift, who) in plan {
        for &p in who {
            signup::sign_up(db, e, &people[p], shifts[shift].id, vec![], now).await.map_err(take("sign-up"))?;
        }
    }
    signup::join_waitlist(db, e, &people[6], shifts[3].id, vec![], now).await.map_err(take("waiting list"))?;
    Ok(())
}

async fn record_id(db: &DatabaseConnection, e: &event::Model, u: &user::Model) -> anyhow::Result<i32> {
    signup::volunteer_record(db, e.id, u.id)
        .await
        .map_err(ctx("record"))?
        .map(|r| r.id)
        .ok_or_else(|| anyhow::anyhow!("demo volunteers: no record"))
}
