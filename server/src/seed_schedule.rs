//! The demo schedule of the upcoming Cloud Nord: four rooms, a welcome, opening and closing keynotes,
//! lunch and a village break across all rooms, the accepted talks packed into the sessions, published
//! as v1 yesterday, and one talk moved since (a work-in-progress change not yet published).
use chrono::{DateTime, Duration, Utc};
use sea_orm::DatabaseConnection;

use app::db::BeginWrite;
use app::entities::event;
use app::schedule::place::{add_extra, place, Where};
use app::schedule::placements_except;
use app::schedule::publish::freeze;
use app::schedule::service::load;
use domain::schedule::{check, Context, Placement};
use domain::venue::RoomForm;

const ROOMS: [(&str, &str, &str); 4] = [
    ("Amphi Jean Bart", "250", "Ground floor, step-free access, induction loop."),
    ("Salle Vauban", "120", "First floor, lift beside the welcome desk."),
    ("Salle Beffroi", "80", "First floor."),
    ("Atelier", "40", "Ground floor, tables for hands-on sessions."),
];
const OPENS: &str = "08:30";
const CLOSES: &str = "18:30";
/// Items across all rooms: (kind, title, start, minutes).
const SHARED: [(&str, &str, &str, &str); 5] = [
    ("welcome", "Welcome coffee and badges", "08:30", "30"),
    ("plenary", "Opening keynote: ten years of cloud native in the North", "09:00", "40"),
    ("lunch", "Lunch in the partner village", "12:30", "70"),
    ("village", "Break in the partner village", "15:40", "30"),
    ("closing", "Closing keynote and thanks", "17:50", "40"),
];
/// The talk sessions between them: (start, end), local times.
const SESSIONS: [(&str, &str); 3] = [("09:50", "12:30"), ("13:40", "15:40"), ("16:10", "17:40")];
/// Changeover between two talks in a room.
const GAP: i64 = 10;

fn hhmm(t: &str) -> i64 {
    let (h, m) = t.split_once(':').unwrap_or(("0", "0"));
    h.parse::<i64>().unwrap_or(0) * 60 + m.parse::<i64>().unwrap_or(0)
}

fn clock(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Where each room is free next, per session (minutes since midnight).
struct Cursors(Vec<Vec<i64>>);

impl Cursors {
    fn new(rooms: usize) -> Self {
        Cursors(SESSIONS.iter().map(|(start, _)| vec![hhmm(start); rooms]).collect())
    }
}

pub async fn seed_schedule(db: &DatabaseConnection, e: &event::Model, organiser_id: i32, now: DateTime<Utc>) -> anyhow::Result<()> {
    let err = |what: &str| {
        let what = what.to_string();
        move |e: app::error::AppError| anyhow::anyhow!("demo schedule, {what}: {e}")
    };
    for (name, seats, description) in ROOMS {
        let form = RoomForm { name: name.into(), capacity: seats.into(), description: description.into() };
        app::venue::service::add_room(db, e.id, &form, now).await.map_err(err("room"))?;
    }
    let day = e.start_date.format("%Y-%m-%d").to_string();
    app::venue::service::save_day_hours(db, e, &day, OPENS, CLOSES).await.map_err(err("hours"))?;
    for (kind, title, start, minutes) in SHARED {
        let w = Where { day: day.clone(), room: "all".into(), start: start.into(), minutes: minutes.into() };
        add_extra(db, e, kind, title, &w, now).await.map_err(err(title))?;
    }
    let mut cursors = place_talks(db, e, &day, now).await?;
    let txn = db.begin_write().await?;
    freeze(&txn, e, Some(organiser_id), "", now - Duration::days(1)).await.map_err(err("publish"))?;
    txn.commit().await?;
    move_one_talk(db, e, &day, &mut cursors, now).await
}

/// Packs the talks, longest first, into the first session and room where the rules allow them.
async fn place_talks(db: &DatabaseConnection, e: &event::Model, day: &str, now: DateTime<Utc>) -> anyhow::Result<Cursors> {
    let loaded = load(db, e, now).await.map_err(|x| anyhow::anyhow!("demo schedule: {x}"))?;
    let mut talks: Vec<_> = loaded.items.iter().filter(|i| i.placed.is_none()).collect();
    talks.sort_by_key(|i| (-i.minutes, i.id));
    let mut placed: Vec<Placement> = placements_except(&loaded.items, &loaded.rooms, None);
    let mut cursors = Cursors::new(loaded.rooms.len());
    let hours = loaded.days.first().map(|(_, h)| *h).ok_or_else(|| anyhow::anyhow!("demo event has no day"))?;
    for talk in talks {
        'search: for (s, (_, end)) in SESSIONS.iter().enumerate() {
            for (r, room) in loaded.rooms.iter().enumerate() {
                let start = cursors.0[s][r];
                if start + talk.minutes > hhmm(end) {
                    continue;
                }
                let instant = hours.start + Duration::minutes(start - hhmm(OPENS));
                let candidate = talk.placement_at(Some(room.id), instant, &loaded.rooms);
                let ctx = Context { others: &placed, day: hours, rooms: &loaded.rooms, unavailable: &loaded.unavailable, expected: None };
                if !check(&candidate, &ctx).allowed() {
                    continue;
                }
                let w = Where { day: day.into(), room: room.id.to_string(), start: clock(start), minutes: talk.minutes.to_string() };
                place(db, e, talk.id, &talk.version.to_string(), &w, now)
                    .await
                    .map_err(|x| anyhow::anyhow!("demo talk {}: {x}", talk.title))?;
                placed.push(candidate);
                cursors.0[s][r] = start + talk.minutes + GAP;
                break 'search;
            }
        }
    }
    Ok(cursors)
}

/// After publishing: the last short talk of the morning moves to the end of the afternoon.
async fn move_one_talk(
    db: &DatabaseConnection,
    e: &event::Model,
    day: &str,
    cursors: &mut Cursors,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let loaded = load(db, e, now).await.map_err(|x| anyhow::anyhow!("demo schedule: {x}"))?;
    let Some(talk) =
        loaded.items.iter().filter(|i| i.placed.is_some() && i.minutes <= 20).max_by_key(|i| i.placed.as_ref().map(|p| p.start))
    else {
        return Ok(());
    };
    let last = SESSIONS.len() - 1;
    let end = hhmm(SESSIONS[last].1);
    for (r, room) in loaded.rooms.iter().enumerate().rev() {
        let start = cursors.0[last][r];
        if start + talk.minutes > end {
            continue;
        }
        let w = Where { day: day.into(), room: room.id.to_string(), start: clock(start), minutes: talk.minutes.to_string() };
        if place(db, e, talk.id, &talk.version.to_string(), &w, now).await.is_ok() {
            cursors.0[last][r] = start + talk.minutes + GAP;
            break;
        }
    }
    Ok(())
}
