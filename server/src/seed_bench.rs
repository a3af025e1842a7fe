//! `server seed-bench`: a large public event for load tests (`make bench`), loaded into an empty
//! database in one transaction: 12 rooms, 3 days, 6 tracks, 200 speakers with profiles, 300
//! accepted and confirmed talks (some with a co-speaker) placed without conflicts around keynotes,
//! lunches and breaks across all rooms, published as v1 with `freeze`. One organiser signs in.
use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use app::crypto::{hash_password, new_code, new_token};
use app::db::BeginWrite;
use app::entities::{
    decision, event, event_day, format, membership, proposal, proposal_speaker, room, schedule_item, speaker_profile, track, user,
};
use app::formats::zoned::{local_to_utc, zone};
use app::schedule::publish::freeze;
use domain::accounts::normalize_email;
use domain::cfp::{Choice, Language, Level, ProposalState, DEFAULT_FORMATS};
use domain::review::{Decision, Response};
use domain::roles::Role;
use domain::schedule::MIN_GAP_MINUTES;
use domain::timetable::Kind;

#[path = "seed_bench_text.rs"]
mod text;

pub const SLUG: &str = "bench-conf";
pub const ORGANISER_EMAIL: &str = "organiser@bench.example";
pub const ORGANISER_PASSWORD: &str = "bench-organiser-pass";
pub const TALKS: usize = 300;
pub const SPEAKERS: usize = 200;
pub const DAYS: usize = 3;
pub const TRACKS: usize = 6;
const SPEAKER_DOMAIN: &str = "bench-speakers.example";
const TIME_ZONE: &str = "Europe/Paris";
/// Rows per INSERT: well under the bind-parameter limits of SQLite and PostgreSQL.
const CHUNK: usize = 100;

const OPENS: &str = "08:30";
const CLOSES: &str = "18:30";
/// Talk sessions between the shared items, local (start, end) as minutes since midnight.
const SESSIONS: [(i64, i64); 3] = [(9 * 60 + 50, 12 * 60 + 30), (13 * 60 + 40, 15 * 60 + 40), (16 * 60 + 10, 18 * 60 + 10)];

/// Items across all rooms each day: (kind, title, start, end) in minutes since midnight; the
/// keynote title (empty here) comes from `text::keynote`.
const SHARED: [(Kind, &str, i64, i64); 5] = [
    (Kind::Welcome, "Coffee and badges", 8 * 60 + 30, 9 * 60),
    (Kind::Plenary, "", 9 * 60, 9 * 60 + 40),
    (Kind::Lunch, "Lunch", 12 * 60 + 30, 13 * 60 + 40),
    (Kind::Break, "Coffee break", 15 * 60 + 40, 16 * 60 + 10),
    (Kind::Closing, "Wrap-up and announcements", 18 * 60 + 10, 18 * 60 + 30),
];

/// What was loaded, for the command's summary and the tests.
pub struct Seeded {
    pub event: event::Model,
    pub talks: usize,
    pub speakers: usize,
    pub version: i32,
    /// The code of one placed talk (its public page is `/events/bench-conf/talk/{code}`).
    pub sample_code: String,
    /// Its reviewers' code (its review page is `/review/bench-conf/{code}`).
    pub sample_review_code: String,
}

/// One talk as planned: who gives it, its format and track, and where and when.
#[derive(Debug, Clone)]
pub struct Planned {
    pub index: usize,
    pub owner: usize,
    pub co: Option<usize>,
    pub format: usize,
    pub track: usize,
    pub day: usize,
    pub room: usize,
    /// Local minutes since midnight.
    pub start: i64,
    pub minutes: i64,
}

fn format_of(i: usize) -> usize {
    match (i * 7) % 20 {
        0 => 2,     // deep-dive, 5 %
        1..=9 => 1, // experience report, 45 %
        _ => 0,     // short talk, 50 %
    }
}

fn speakers_of(i: usize) -> (usize, Option<usize>) {
    let owner = i % SPEAKERS;
    if i % 5 != 1 {
        return (owner, None);
    }
    let co = (i * 7 + 13) % SPEAKERS;
    (owner, Some(if co == owner { (co + 1) % SPEAKERS } else { co }))
}

/// Whether `who` may speak from `start` for `minutes` on `day`, leaving the usual gap around their other talks.
fn free(busy: &HashMap<usize, Vec<(usize, i64, i64)>>, who: &[usize], day: usize, start: i64, minutes: i64) -> bool {
    let end = start + minutes;
    who.iter().all(|w| {
        busy.get(w)
            .is_none_or(|slots| slots.iter().all(|(d, s, e)| *d != day || start >= e + MIN_GAP_MINUTES || end + MIN_GAP_MINUTES <= *s))
    })
}

/// Places one day's talks, longest first, each in the session and room with the most time left
/// (spreading the programme evenly) where its speakers are free.
fn place_day(day: usize, mut talks: Vec<Planned>, busy: &mut HashMap<usize, Vec<(usize, i64, i64)>>) -> Result<Vec<Planned>, String> {
    talks.sort_by_key(|t| (-t.minutes, t.index));
    let mut cursors: Vec<Vec<i64>> = SESSIONS.iter().map(|(s, _)| vec![*s; text::ROOMS.len()]).collect();
    for t in &mut talks {
        let who: Vec<usize> = std::iter::once(t.owner).chain(t.co).collect();
        let mut best: Option<(i64, usize, usize)> = None;
        for (s, (_, end)) in SESSIONS.iter().enumerate() {
            for (r, &start) in cursors[s].iter().enumerate() {
                let left = end - start - t.minutes;
                if left >= 0 && best.is_none_or(|(b, _, _)| left > b) && free(busy, &who, day, start, t.minutes) {
                    best = Some((left, s, r));
                }
            }
        }
        let (_, s, r) = best.ok_or_else(|| format!("talk {} does not fit on day {}", t.index, day + 1))?;
        (t.day, t.room, t.start) = (day, r, cursors[s][r]);
        cursors[s][r] += t.minutes + MIN_GAP_MINUTES;
        for w in &who {
            busy.entry(*w).or_default().push((day, t.start, t.start + t.minutes));
        }
    }
    Ok(talks)
}

/// The whole programme: every talk with its speakers, format, track, day, room and start.
pub fn plan() -> Result<Vec<Planned>, String> {
    let mut busy = HashMap::new();
    let mut out = Vec::with_capacity(TALKS);
    for day in 0..DAYS {
        let talks = (0..TALKS).filter(|i| i % DAYS == day).map(|i| {
            let (owner, co) = speakers_of(i);
            let format = format_of(i);
            Planned {
                index: i,
                owner,
                co,
                format,
                track: i % TRACKS,
                day,
                room: 0,
                start: 0,
                minutes: i64::from(DEFAULT_FORMATS[format].1),
            }
        });
        out.extend(place_day(day, talks.collect(), &mut busy)?);
    }
    out.sort_by_key(|t| t.index);
    Ok(out)
}

fn local(date: NaiveDate, minutes: i64) -> anyhow::Result<DateTime<Utc>> {
    let typed = format!("{date}T{:02}:{:02}", minutes / 60, minutes % 60);
    local_to_utc(&typed, zone(TIME_ZONE)).map_err(|e| anyhow::anyhow!("{typed}: {e}"))
}

/// Inserts `rows` a chunk at a time.
async fn insert_all<A: ActiveModelTrait + Clone + Send>(db: &impl ConnectionTrait, rows: Vec<A>) -> anyhow::Result<()> {
    for chunk in rows.chunks(CHUNK) {
        <A::Entity as EntityTrait>::insert_many(chunk.to_vec()).exec_without_returning(db).await?;
    }
    Ok(())
}

/// The event (public, three days from `start`), its default CFP settings, formats and the first six
/// default tracks, and its opening hours.
async fn add_event(db: &impl ConnectionTrait, start: NaiveDate, now: DateTime<Utc>) -> anyhow::Result<event::Model> {
    let e = event::ActiveModel {
        slug: Set(SLUG.into()),
        name: Set(format!("Bench Conf {}", start.year())),
        city: Set("Lille".into()),
        venue: Set("Palais des Congrès (fictional venue)".into()),
        time_zone: Set(TIME_ZONE.into()),
        start_date: Set(start),
        end_date: Set(start + Duration::days(DAYS as i64 - 1)),
        description: Set("A large **fictional** conference used to measure Estrade under load: twelve rooms, three days, \
             three hundred talks."
            .into()),
        visibility: Set("public".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    app::events::defaults::create_defaults(db, e.id, app::lang::Locale::en, now).await.map_err(|x| anyhow::anyhow!("defaults: {x}"))?;
    track::Entity::delete_many()
        .filter(track::Column::EventId.eq(e.id))
        .filter(track::Column::Position.gte(TRACKS as i32))
        .exec(db)
        .await?;
    let days = (0..DAYS).map(|d| event_day::ActiveModel {
        event_id: Set(e.id),
        day: Set(start + Duration::days(d as i64)),
        opens: Set(OPENS.into()),
        closes: Set(CLOSES.into()),
        ..Default::default()
    });
    insert_all(db, days.collect()).await?;
    Ok(e)
}

async fn add_rooms(db: &impl ConnectionTrait, event_id: i32, now: DateTime<Utc>) -> anyhow::Result<Vec<i32>> {
    let rows = text::ROOMS.iter().enumerate().map(|(i, (name, seats, description))| room::ActiveModel {
        event_id: Set(event_id),
        name: Set((*name).into()),
        capacity: Set(Some(*seats)),
        position: Set(i as i32),
        description: Set((*description).into()),
        created_at: Set(now),
        ..Default::default()
    });
    insert_all(db, rows.collect()).await?;
    let rooms = room::Entity::find().filter(room::Column::EventId.eq(event_id)).order_by_asc(room::Column::Position).all(db).await?;
    Ok(rooms.into_iter().map(|r| r.id).collect())
}

/// A verified, non-admin account with a public code.
pub(crate) fn user_row(email: &str, name: &str, hash: &str, now: DateTime<Utc>) -> user::ActiveModel {
    user::ActiveModel {
        email: Set(email.into()),
        email_normalized: Set(normalize_email(email)),
        display_name: Set(name.into()),
        password_hash: Set(hash.into()),
        verified_at: Set(Some(now)),
        is_admin: Set(false),
        created_at: Set(now),
        public_code: Set(Some(new_code())),
        ..Default::default()
    }
}

fn profile_row(user_id: i32, j: usize, now: DateTime<Utc>) -> speaker_profile::ActiveModel {
    let (name, job, company, city, bio) = text::speaker(j);
    speaker_profile::ActiveModel {
        user_id: Set(user_id),
        public_name: Set(name),
        bio: Set(bio),
        company: Set(company.into()),
        job_title: Set(job.into()),
        photo_url: Set(String::new()),
        photo_file: Set(String::new()),
        website: Set(if j.is_multiple_of(3) { format!("https://example.org/bench/{j}") } else { String::new() }),
        github: Set(String::new()),
        linkedin: Set(String::new()),
        social: Set(String::new()),
        city: Set(city.into()),
        private_notes: Set(String::new()),
        updated_at: Set(now),
        ..Default::default()
    }
}

/// The speakers' accounts (sharing one hash of a password nobody knows) and profiles; their ids in order.
async fn add_speakers(db: &impl ConnectionTrait, hash: &str, now: DateTime<Utc>) -> anyhow::Result<Vec<i32>> {
    let emails: Vec<String> = (0..SPEAKERS).map(|j| format!("speaker{j:03}@{SPEAKER_DOMAIN}")).collect();
    let rows = emails.iter().enumerate().map(|(j, email)| user_row(email, &text::speaker(j).0, hash, now));
    insert_all(db, rows.collect()).await?;
    let found = user::Entity::find().filter(user::Column::EmailNormalized.is_in(emails.clone())).all(db).await?;
    let by_email: HashMap<String, i32> = found.into_iter().map(|u| (u.email_normalized, u.id)).collect();
    let ids = emails
        .iter()
        .map(|e| by_email.get(e).copied().ok_or_else(|| anyhow::anyhow!("speaker {e} missing")))
        .collect::<anyhow::Result<Vec<i32>>>()?;
    insert_all(db, ids.iter().enumerate().map(|(j, id)| profile_row(*id, j, now)).collect()).await?;
    Ok(ids)
}

/// The organiser who signs in for the measurements; their id.
async fn add_organiser(db: &impl ConnectionTrait, event_id: i32, now: DateTime<Utc>) -> anyhow::Result<i32> {
    let hash = hash_password(ORGANISER_PASSWORD.into()).await.map_err(|e| anyhow::anyhow!("hash: {e}"))?;
    let u = user_row(ORGANISER_EMAIL, "Bench Organiser", &hash, now).insert(db).await?;
    membership::ActiveModel {
        event_id: Set(event_id),
        user_id: Set(u.id),
        role: Set(Role::Organizer.as_str().into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(u.id)
}

fn proposal_row(
    e: &event::Model,
    t: &Planned,
    code: &str,
    owner: i32,
    formats: &[i32],
    tracks: &[i32],
    now: DateTime<Utc>,
) -> proposal::ActiveModel {
    let (title, abstract_md, outline) = text::talk(t.index, t.track);
    let level = [Level::Beginner, Level::Intermediate, Level::Advanced][t.index % 3];
    let language = if t.index % 7 == 3 { Language::French } else { Language::English };
    let sent = now - Duration::days(60) + Duration::minutes(t.index as i64 * 37);
    proposal::ActiveModel {
        code: Set(code.into()),
        // Rows inserted in bulk skip the entity's insert hook.
        review_code: Set(Some(new_code())),
        event_id: Set(e.id),
        talk_id: Set(None),
        owner_id: Set(owner),
        format_id: Set(formats.get(t.format).copied()),
        track_id: Set(tracks.get(t.track).copied()),
        title: Set(title),
        summary: Set(abstract_md),
        details: Set(outline),
        level: Set(level.as_str().into()),
        language: Set(language.as_str().into()),
        references: Set(String::new()),
        state: Set(ProposalState::Submitted.as_str().into()),
        form_key: Set(new_code()),
        submitted_at: Set(Some(sent)),
        withdrawn_at: Set(None),
        created_at: Set(sent - Duration::hours(2)),
        updated_at: Set(sent),
        ..Default::default()
    }
}

fn accepted(proposal_id: i32, by: i32, now: DateTime<Utc>) -> decision::ActiveModel {
    let accepted = Decision::Accepted.as_str().to_string();
    decision::ActiveModel {
        proposal_id: Set(proposal_id),
        decision: Set(accepted.clone()),
        waitlist_rank: Set(None),
        feedback: Set(String::new()),
        decided_by: Set(by),
        decided_at: Set(now - Duration::days(20)),
        published_decision: Set(Some(accepted)),
        published_at: Set(Some(now - Duration::days(20))),
        confirm_token_hash: Set(None),
        response: Set(Some(Response::Confirmed.as_str().into())),
        responded_at: Set(Some(now - Duration::days(18))),
        ..Default::default()
    }
}

fn speaker_row(proposal_id: i32, user_id: i32, is_owner: bool, now: DateTime<Utc>) -> proposal_speaker::ActiveModel {
    proposal_speaker::ActiveModel {
        proposal_id: Set(proposal_id),
        user_id: Set(user_id),
        is_owner: Set(is_owner),
        created_at: Set(now),
        ..Default::default()
    }
}

fn item_row(
    event_id: i32,
    kind: Kind,
    title: &str,
    proposal: Option<i32>,
    room: Option<i32>,
    span: (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
) -> schedule_item::ActiveModel {
    schedule_item::ActiveModel {
        event_id: Set(event_id),
        kind: Set(kind.key().into()),
        proposal_id: Set(proposal),
        title: Set(title.into()),
        room_id: Set(room),
        all_rooms: Set(room.is_none()),
        starts_at: Set(Some(span.0)),
        ends_at: Set(Some(span.1)),
        minutes: Set((span.1 - span.0).num_minutes() as i32),
        version: Set(0),
        updated_at: Set(now),
        ..Default::default()
    }
}

/// The accepted, confirmed proposals of `plan` with their speakers and placed items; the codes in plan order.
async fn add_talks(
    db: &impl ConnectionTrait,
    e: &event::Model,
    by: i32,
    plan: &[Planned],
    speakers: &[i32],
    rooms: &[i32],
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<String>> {
    let formats: Vec<i32> = format::Entity::find()
        .filter(format::Column::EventId.eq(e.id))
        .order_by_asc(format::Column::Position)
        .all(db)
        .await?
        .iter()
        .map(|f| f.id)
        .collect();
    let tracks: Vec<i32> = track::Entity::find()
        .filter(track::Column::EventId.eq(e.id))
        .order_by_asc(track::Column::Position)
        .all(db)
        .await?
        .iter()
        .map(|t| t.id)
        .collect();
    let codes: Vec<String> = plan.iter().map(|_| new_code()).collect();
    let rows = plan.iter().zip(&codes).map(|(t, code)| proposal_row(e, t, code, speakers[t.owner], &formats, &tracks, now));
    insert_all(db, rows.collect()).await?;
    let found = proposal::Entity::find().filter(proposal::Column::EventId.eq(e.id)).all(db).await?;
    let by_code: HashMap<String, proposal::Model> = found.into_iter().map(|p| (p.code.clone(), p)).collect();
    let (mut people, mut decisions, mut items) = (Vec::new(), Vec::new(), Vec::new());
    for (t, code) in plan.iter().zip(&codes) {
        let p = by_code.get(code).ok_or_else(|| anyhow::anyhow!("proposal {code} missing"))?;
        people.push(speaker_row(p.id, speakers[t.owner], true, now));
        people.extend(t.co.map(|c| speaker_row(p.id, speakers[c], false, now)));
        decisions.push(accepted(p.id, by, now));
        let date = e.start_date + Duration::days(t.day as i64);
        let span = (local(date, t.start)?, local(date, t.start + t.minutes)?);
        items.push(item_row(e.id, Kind::Talk, &p.title, Some(p.id), Some(rooms[t.room]), span, now));
    }
    insert_all(db, people).await?;
    insert_all(db, decisions).await?;
    insert_all(db, items).await?;
    Ok(codes)
}

/// Welcome, keynote, lunch, break and wrap-up across all rooms, every day.
async fn add_shared(db: &impl ConnectionTrait, e: &event::Model, now: DateTime<Utc>) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    for day in 0..DAYS {
        let date = e.start_date + Duration::days(day as i64);
        for (kind, title, start, end) in SHARED {
            let title = if kind == Kind::Plenary { text::keynote(day) } else { title };
            rows.push(item_row(e.id, kind, title, None, None, (local(date, start)?, local(date, end)?), now));
        }
    }
    insert_all(db, rows).await
}

/// Loads the benchmark event into an empty database and publishes its schedule, in one transaction.
pub async fn seed_bench(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<Seeded> {
    if !crate::seed::is_empty(db).await? {
        anyhow::bail!("seed-bench loads into an empty database only: this one already has accounts.");
    }
    let plan = plan().map_err(|e| anyhow::anyhow!("bench schedule: {e}"))?;
    // One argon2 hash shared by every speaker: nobody signs in as them.
    let speaker_hash = hash_password(new_token()).await.map_err(|e| anyhow::anyhow!("hash: {e}"))?;
    let txn = db.begin_write().await?;
    let e = add_event(&txn, now.date_naive() + Duration::days(60), now).await?;
    let rooms = add_rooms(&txn, e.id, now).await?;
    let organiser = add_organiser(&txn, e.id, now).await?;
    let speakers = add_speakers(&txn, &speaker_hash, now).await?;
    let codes = add_talks(&txn, &e, organiser, &plan, &speakers, &rooms, now).await?;
    add_shared(&txn, &e, now).await?;
    let published = freeze(&txn, &e, Some(organiser), "", now).await.map_err(|x| anyhow::anyhow!("publish: {x}"))?;
    let (version, _, _) = published.ok_or_else(|| anyhow::anyhow!("publish: nothing placed"))?;
    txn.commit().await?;
    let sample = proposal::Entity::find().filter(proposal::Column::Code.eq(codes[0].clone())).one(db).await?;
    let sample_review_code = sample.and_then(|p| p.review_code).unwrap_or_default();
    Ok(Seeded { event: e, talks: codes.len(), speakers: speakers.len(), version, sample_code: codes[0].clone(), sample_review_code })
}

pub fn print_summary(s: &Seeded, took: std::time::Duration) {
    println!(
        "Loaded {} ({}) in {:.1} s: {} rooms, {DAYS} days, {} talks by {} speakers, published as v{}.",
        s.event.name,
        s.event.slug,
        took.as_secs_f64(),
        text::ROOMS.len(),
        s.talks,
        s.speakers,
        s.version
    );
    println!("Organiser: {ORGANISER_EMAIL} / {ORGANISER_PASSWORD}");
    println!("Sample talk: /events/{}/talk/{}", s.event.slug, s.sample_code);
    println!("Sample proposal: {}", s.sample_review_code);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_fits_without_room_or_speaker_conflicts() {
        let plan = plan().expect("every talk fits");
        assert_eq!(plan.len(), TALKS);
        for (i, a) in plan.iter().enumerate() {
            let session = SESSIONS.iter().find(|(s, e)| a.start >= *s && a.start + a.minutes <= *e);
            assert!(session.is_some(), "talk {} is outside the sessions", a.index);
            for b in &plan[i + 1..] {
                let overlap = a.day == b.day && a.start < b.start + b.minutes && b.start < a.start + a.minutes;
                assert!(!(overlap && a.room == b.room), "talks {} and {} share a room", a.index, b.index);
                let shared = [Some(a.owner), a.co].iter().flatten().any(|x| *x == b.owner || Some(*x) == b.co);
                assert!(!(overlap && shared), "talks {} and {} share a speaker", a.index, b.index);
            }
        }
    }
}
