//! Importing a frab / pretalx schedule into an existing event whose schedule is empty: rooms,
//! tracks, formats, the event's imported speakers (`import_speakers`: never an existing account),
//! accepted and confirmed proposals, their placed items, breaks and plenaries, then a published
//! version — in one transaction, so a file refused half-way changes nothing.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use super::place::lock;
use super::publish::freeze;
use crate::crypto::new_code;
use crate::db::BeginWrite;
use crate::entities::{decision, event, format, membership, proposal, proposal_speaker, schedule_item, schedule_version, track, user};
use crate::error::{AppError, AppResult};
use crate::formats::frab_import::{parse, ImportedSchedule, ImportedSession};
use crate::formats::zoned::zone;
use crate::tr;
use domain::cfp::{is_hex_colour, Choice, Level, ProposalState, TITLE_MAX};
use domain::review::{Decision, Response};
use domain::roles::Role;
use domain::timetable::Kind;
use domain::venue::{RoomForm, ROOM_CAPACITY_MAX, ROOM_DESCRIPTION_MAX};

/// What an import created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub talks: usize,
    /// Breaks, lunches, plenaries…
    pub extras: usize,
    /// Imported speakers created (accounts of this event only).
    pub speakers: usize,
    pub version: i32,
    pub version_name: String,
}

/// A track the file gives no colour.
const TRACK_COLOUR: &str = "#6e7781";
/// Format lengths organisers may set.
const FORMAT_MINUTES: (i32, i32) = (5, 480);

fn bad(message: impl Into<String>) -> AppError {
    AppError::BadRequest(message.into())
}

/// Imports `text` (schedule.json or schedule.xml) into `e`, recorded as decided and published by
/// the user `by`.
pub async fn import(db: &DatabaseConnection, e: &event::Model, by: i32, text: &str, now: DateTime<Utc>) -> AppResult<Imported> {
    let tz = zone(&e.time_zone);
    let s = parse(text, tz).map_err(|x| bad(x.to_string()))?;
    let txn = db.begin_write().await?;
    lock(&txn, e.id).await?;
    refuse_unless_empty(&txn, e).await?;
    check_fits(e, &s, tz)?;
    let rooms = rooms(&txn, e.id, &s, now).await?;
    let tracks = tracks(&txn, e.id, &s, now).await?;
    let formats = formats(&txn, e.id, &s, now).await?;
    let people = super::import_speakers::people(&txn, e.id, &s, now).await?;
    let mut talks = 0;
    for session in &s.sessions {
        let proposal = match session.kind {
            Kind::Talk => Some(accepted_proposal(&txn, e.id, by, session, &people.ids, &formats, &tracks, now).await?),
            _ => None,
        };
        talks += usize::from(proposal.is_some());
        item(&txn, e.id, session, proposal, &rooms, now).await?;
    }
    widen_hours(&txn, e, &s, tz).await?;
    let (version, version_name, _) =
        freeze(&txn, e, Some(by), &imported_name(e), now).await?.ok_or_else(|| bad(tr!(import.refused.placed_nothing)))?;
    txn.commit().await?;
    Ok(Imported { talks, extras: s.sessions.len() - talks, speakers: people.created, version, version_name })
}

/// The name typed for the version an import publishes ("v1 — imported"), in the event's language
/// like the rest of what it publishes.
fn imported_name(e: &event::Model) -> String {
    let l = crate::lang::for_recipient(None, Some(&e.default_language));
    leptos_i18n::td_string!(l, import.refused.version_name).to_string()
}

/// Whoever the command line records as importing: the event's first organiser, else the first
/// instance admin.
pub async fn default_importer(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Option<i32>> {
    let organiser = membership::Entity::find()
        .filter(membership::Column::EventId.eq(event_id))
        .filter(membership::Column::Role.eq(Role::Organizer.as_str()))
        .order_by_asc(membership::Column::Id)
        .one(db)
        .await?;
    if let Some(m) = organiser {
        return Ok(Some(m.user_id));
    }
    Ok(user::Entity::find().filter(user::Column::IsAdmin.eq(true)).order_by_asc(user::Column::Id).one(db).await?.map(|u| u.id))
}

/// Every session on one of the event's days, with a title the schedule accepts.
fn check_fits(e: &event::Model, s: &ImportedSchedule, tz: Tz) -> AppResult<()> {
    let dates = crate::venue::service::event_dates(e);
    for session in &s.sessions {
        let day = session.start.with_timezone(&tz).date_naive();
        if !dates.contains(&day) {
            let problem = tr!(import.refused.outside_dates, title = &session.title, day = day, start = e.start_date, end = e.end_date);
            return Err(bad(format!("{}: {problem}", session.path)));
        }
        if session.title.chars().count() > TITLE_MAX {
            return Err(bad(format!("{}: {}", session.path, tr!(import.refused.title_too_long, max = TITLE_MAX))));
        }
    }
    Ok(())
}

async fn refuse_unless_empty(txn: &impl ConnectionTrait, e: &event::Model) -> AppResult<()> {
    let placed = schedule_item::Entity::find()
        .filter(schedule_item::Column::EventId.eq(e.id))
        .filter(schedule_item::Column::StartsAt.is_not_null())
        .count(txn)
        .await?;
    let versions = schedule_version::Entity::find().filter(schedule_version::Column::EventId.eq(e.id)).count(txn).await?;
    if placed + versions > 0 {
        let placed = tr!(import.refused.placed_items, count = placed as i32).to_string();
        let versions = tr!(import.refused.published_versions, count = versions as i32).to_string();
        return Err(AppError::Conflict(tr!(import.refused.already_has, event = &e.name, placed = placed, versions = versions).to_string()));
    }
    Ok(())
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Room ids by lower-case name: the event's rooms, and the file's others added after them.
async fn rooms(txn: &impl ConnectionTrait, event_id: i32, s: &ImportedSchedule, now: DateTime<Utc>) -> AppResult<HashMap<String, i32>> {
    let mut ids: HashMap<String, i32> =
        crate::venue::service::rooms_of(txn, event_id).await?.into_iter().map(|r| (key(&r.name), r.id)).collect();
    for r in &s.rooms {
        if ids.contains_key(&key(&r.name)) {
            continue;
        }
        let form = RoomForm {
            name: r.name.clone(),
            capacity: r.capacity.filter(|c| (1..=ROOM_CAPACITY_MAX).contains(c)).map(|c| c.to_string()).unwrap_or_default(),
            description: r.description.chars().take(ROOM_DESCRIPTION_MAX).collect(),
        };
        let room = crate::venue::service::add_room(txn, event_id, &form, now)
            .await
            .map_err(|x| bad(tr!(import.refused.room, name = &r.name, problem = x.text()).to_string()))?;
        ids.insert(key(&r.name), room.id);
    }
    Ok(ids)
}

async fn tracks(txn: &impl ConnectionTrait, event_id: i32, s: &ImportedSchedule, now: DateTime<Utc>) -> AppResult<HashMap<String, i32>> {
    let existing = crate::events::cfp_settings::tracks_of(txn, event_id, true).await?;
    let mut position = existing.iter().map(|t| t.position + 1).max().unwrap_or(0);
    let mut ids: HashMap<String, i32> = existing.into_iter().map(|t| (key(&t.name), t.id)).collect();
    for t in &s.tracks {
        if ids.contains_key(&key(&t.name)) {
            continue;
        }
        if t.name.chars().count() > 60 {
            return Err(bad(tr!(import.refused.track_name_too_long, name = &t.name, max = 60).to_string()));
        }
        let colour = if is_hex_colour(t.colour.trim()) { t.colour.trim() } else { TRACK_COLOUR };
        let row = track::ActiveModel {
            event_id: Set(event_id),
            name: Set(t.name.clone()),
            description: Set(String::new()),
            colour: Set(colour.to_lowercase()),
            hidden: Set(false),
            position: Set(position),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        position += 1;
        ids.insert(key(&t.name), row.id);
    }
    Ok(ids)
}

/// The most common length of the talks of a type, for its format.
fn usual_minutes(s: &ImportedSchedule, name: &str) -> i32 {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for m in s.sessions.iter().filter(|x| x.kind == Kind::Talk && x.format == name).map(ImportedSession::minutes) {
        *counts.entry(m).or_default() += 1;
    }
    let best = counts.into_iter().max_by_key(|(m, n)| (*n, -m)).map_or(30, |(m, _)| m);
    (best as i32).clamp(FORMAT_MINUTES.0, FORMAT_MINUTES.1)
}

/// Format ids by lower-case name: one per talk `type`, lasting its talks' usual length.
async fn formats(txn: &impl ConnectionTrait, event_id: i32, s: &ImportedSchedule, now: DateTime<Utc>) -> AppResult<HashMap<String, i32>> {
    let existing = crate::events::cfp_settings::formats_of(txn, event_id, true).await?;
    let mut position = existing.iter().map(|f| f.position + 1).max().unwrap_or(0);
    let mut ids: HashMap<String, i32> = existing.into_iter().map(|f| (key(&f.name), f.id)).collect();
    for session in s.sessions.iter().filter(|x| x.kind == Kind::Talk) {
        if ids.contains_key(&key(&session.format)) {
            continue;
        }
        if session.format.chars().count() > 60 {
            return Err(bad(format!("{}: {}", session.path, tr!(import.refused.type_too_long, name = &session.format, max = 60))));
        }
        let row = format::ActiveModel {
            event_id: Set(event_id),
            name: Set(session.format.clone()),
            description: Set(String::new()),
            duration_min: Set(usual_minutes(s, &session.format)),
            hidden: Set(false),
            position: Set(position),
            slots: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        position += 1;
        ids.insert(key(&session.format), row.id);
    }
    Ok(ids)
}

/// A submitted proposal with its speakers (the first owns it) and a published, confirmed
/// acceptance: what the selection leaves behind for a talk that holds a slot.
#[allow(clippy::too_many_arguments)]
async fn accepted_proposal(
    txn: &impl ConnectionTrait,
    event_id: i32,
    by: i32,
    s: &ImportedSession,
    people: &HashMap<String, i32>,
    formats: &HashMap<String, i32>,
    tracks: &HashMap<String, i32>,
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let mut speakers: Vec<i32> = Vec::new();
    for id in s.persons.iter().filter_map(|p| people.get(&p.key).copied()) {
        if !speakers.contains(&id) {
            speakers.push(id);
        }
    }
    let owner = *speakers.first().ok_or_else(|| bad(format!("{}: {}", s.path, tr!(import.refused.no_speaker, title = &s.title))))?;
    let p = proposal::ActiveModel {
        code: Set(new_code()),
        event_id: Set(event_id),
        talk_id: Set(None),
        owner_id: Set(owner),
        format_id: Set(formats.get(&key(&s.format)).copied()),
        track_id: Set(s.track.as_ref().and_then(|t| tracks.get(&key(t)).copied())),
        title: Set(s.title.clone()),
        summary: Set(s.abstract_md.clone()),
        details: Set(s.description_md.clone()),
        // frab has no level.
        level: Set(Level::Intermediate.as_str().into()),
        language: Set(s.language.clone()),
        references: Set(String::new()),
        state: Set(ProposalState::Submitted.as_str().into()),
        form_key: Set(new_code()),
        submitted_at: Set(Some(now)),
        withdrawn_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    for (i, user_id) in speakers.iter().enumerate() {
        proposal_speaker::ActiveModel {
            proposal_id: Set(p.id),
            user_id: Set(*user_id),
            is_owner: Set(i == 0),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    let accepted = Decision::Accepted.as_str().to_string();
    decision::ActiveModel {
        proposal_id: Set(p.id),
        decision: Set(accepted.clone()),
        waitlist_rank: Set(None),
        feedback: Set(String::new()),
        decided_by: Set(by),
        decided_at: Set(now),
        published_decision: Set(Some(accepted)),
        published_at: Set(Some(now)),
        confirm_token_hash: Set(None),
        response: Set(Some(Response::Confirmed.as_str().into())),
        responded_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(p.id)
}

async fn item(
    txn: &impl ConnectionTrait,
    event_id: i32,
    s: &ImportedSession,
    proposal: Option<i32>,
    rooms: &HashMap<String, i32>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let room = match &s.room {
        Some(name) => {
            Some(*rooms.get(&key(name)).ok_or_else(|| bad(format!("{}: {}", s.path, tr!(import.refused.unknown_room, name = name))))?)
        }
        None => None,
    };
    schedule_item::ActiveModel {
        event_id: Set(event_id),
        kind: Set(s.kind.key().into()),
        proposal_id: Set(proposal),
        title: Set(s.title.clone()),
        room_id: Set(room),
        all_rooms: Set(room.is_none()),
        starts_at: Set(Some(s.start)),
        ends_at: Set(Some(s.end)),
        minutes: Set(s.minutes() as i32),
        version: Set(0),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// Opens each day early enough and closes it late enough for what the file put on it, so the
/// builder shows every item inside the day.
async fn widen_hours(txn: &impl ConnectionTrait, e: &event::Model, s: &ImportedSchedule, tz: Tz) -> AppResult<()> {
    for d in crate::venue::service::days_of(txn, e).await? {
        let on_day: Vec<&ImportedSession> = s.sessions.iter().filter(|x| x.start.with_timezone(&tz).date_naive() == d.day).collect();
        let Some(first) = on_day.iter().map(|x| x.start.with_timezone(&tz).format("%H:%M").to_string()).min() else { continue };
        let last = on_day
            .iter()
            .map(|x| x.end.with_timezone(&tz))
            .map(|t| if t.date_naive() == d.day { t.format("%H:%M").to_string() } else { "23:59".to_string() })
            .max()
            .unwrap_or_default();
        let opens = first.min(d.opens.clone());
        let closes = last.max(d.closes.clone());
        if opens != d.opens || closes != d.closes {
            crate::venue::service::save_day_hours(txn, e, &d.day.to_string(), &opens, &closes)
                .await
                .map_err(|x| bad(tr!(import.refused.day, day = d.day, problem = x.text()).to_string()))?;
        }
    }
    Ok(())
}
