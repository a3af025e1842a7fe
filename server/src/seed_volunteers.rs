//! Demo volunteers of the upcoming Cloud Nord, through the leads' and volunteers' services: five
//! teams (video restricted), shifts on the day, and the demo volunteer on two of them.
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use app::entities::{event, user};
use app::volunteers::{lead, signup};
use domain::cfp::TrackForm;
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
    ("Partner village", "Guide visitors through the village.", "#1a7f37", false, ""),
    ("Video", "Cameras and streaming of the main room.", "#cf222e", true, "Only after the video briefing: ask Inès."),
];

/// (team index, place, title, start, end, seats).
const SHIFTS: [(usize, &str, &str, &str, &str, i32); 7] = [
    (0, "Accueil", "Badges — opening", "08:00", "10:00", 3),
    (0, "Accueil", "Badges — morning", "10:00", "12:30", 2),
    (2, "Cafétéria", "Lunch service", "12:00", "14:00", 4),
    (3, "Village", "Village guide — morning", "10:00", "13:00", 2),
    (3, "Village", "Village guide — afternoon", "13:00", "17:00", 2),
    (4, "Amphi Jean Bart", "Camera — morning", "09:00", "13:00", 2),
    (1, "Amphi Jean Bart", "Room host — afternoon", "14:00", "17:30", 1),
];

fn ctx<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> anyhow::Error + '_ {
    move |e| anyhow::anyhow!("demo volunteers, {what}: {e}")
}

pub async fn seed_volunteers(db: &DatabaseConnection, e: &event::Model, volunteer: &user::Model, now: DateTime<Utc>) -> anyhow::Result<()> {
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
    signup::ensure_record(db, e.id, volunteer.id, now).await.map_err(ctx("record"))?;
    for i in [0, 3] {
        signup::sign_up(db, e, volunteer, shifts[i].id, vec![], now).await.map_err(ctx("sign-up"))?;
    }
    Ok(())
}
