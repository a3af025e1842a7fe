//! The published programme, one read model for every area that shows it (agenda, exports, REST,
//! favourites, interest, schedule mails): reads a published version into a `Programme`: the frozen slots, the talks' public details
//! (abstract, level, language) and the speakers' public profiles. Nothing unpublished is read.
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{event, partner, proposal, room, schedule_version, speaker_profile, track, user};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::{long_label, zone};
use domain::programme::{Programme, ProgrammeRoom, ProgrammeTrack, Session, Speaker, SpeakerRef};
use domain::timetable::Slot;

mod cache;
pub use cache::ProgrammeCache;

/// The newest published version of the event, if any.
pub async fn latest(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Option<schedule_version::Model>> {
    Ok(schedule_version::Entity::find()
        .filter(schedule_version::Column::EventId.eq(event_id))
        .order_by_desc(schedule_version::Column::Number)
        .one(db)
        .await?)
}

/// The slots a version froze.
pub fn snapshot_of(v: &schedule_version::Model) -> AppResult<Vec<Slot>> {
    serde_json::from_str(&v.snapshot).map_err(|e| {
        tracing::error!(version = v.id, "unreadable schedule snapshot: {e}");
        AppError::Internal
    })
}

/// Version `number` of `e` (the latest when None), or NotFound when nothing is published.
pub async fn version(db: &impl ConnectionTrait, e: &event::Model, number: Option<i32>) -> AppResult<schedule_version::Model> {
    let found = match number {
        None => latest(db, e.id).await?,
        Some(n) => {
            schedule_version::Entity::find()
                .filter(schedule_version::Column::EventId.eq(e.id))
                .filter(schedule_version::Column::Number.eq(n))
                .one(db)
                .await?
        }
    };
    found.ok_or(AppError::NotFound)
}

/// The latest published programme of `e`, reused from `cache` while it is fresh.
pub async fn latest_programme(db: &impl ConnectionTrait, cache: &ProgrammeCache, e: &event::Model) -> AppResult<Arc<Programme>> {
    let v = version(db, e, None).await?;
    if let Some(p) = cache.get((e.id, v.id)) {
        return Ok(p);
    }
    let p = Arc::new(build(db, e, &v).await?);
    cache.put((e.id, v.id), p.clone());
    Ok(p)
}

/// Version `number` of `e`'s programme, or the latest (reused from `cache`) when None.
pub async fn published_programme(
    db: &impl ConnectionTrait,
    cache: &ProgrammeCache,
    e: &event::Model,
    number: Option<i32>,
) -> AppResult<Arc<Programme>> {
    match number {
        None => latest_programme(db, cache, e).await,
        Some(_) => Ok(Arc::new(programme(db, e, number).await?)),
    }
}

/// The programme of `e` as version `number` (latest when None) published it.
pub async fn programme(db: &impl ConnectionTrait, e: &event::Model, number: Option<i32>) -> AppResult<Programme> {
    build(db, e, &version(db, e, number).await?).await
}

async fn build(db: &impl ConnectionTrait, e: &event::Model, v: &schedule_version::Model) -> AppResult<Programme> {
    let slots = snapshot_of(v)?;
    let tz = zone(&e.time_zone);
    let codes: Vec<String> = slots.iter().filter_map(|s| s.code.clone()).collect();
    let proposals: HashMap<String, proposal::Model> = proposal::Entity::find()
        .filter(proposal::Column::EventId.eq(e.id))
        .filter(proposal::Column::Code.is_in(codes))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.code.clone(), p))
        .collect();
    let speaker_ids: Vec<i32> = slots.iter().flat_map(|s| s.speakers.iter().map(|p| p.id)).collect();
    let people = people(db, &speaker_ids).await?;
    let partner_ids: Vec<i32> = proposals.values().filter_map(|p| p.partner_id).collect();
    let partners: HashMap<i32, String> =
        partner::Entity::find().filter(partner::Column::Id.is_in(partner_ids)).all(db).await?.into_iter().map(|p| (p.id, p.name)).collect();
    let sessions: Vec<Session> =
        slots.iter().map(|s| session(s, proposals.get(s.code.as_deref().unwrap_or("")), &people, &partners, tz)).collect();
    Ok(Programme {
        slug: e.slug.clone(),
        name: e.name.clone(),
        city: e.city.clone(),
        venue: e.venue.clone(),
        time_zone: e.time_zone.clone(),
        start_date: e.start_date,
        end_date: e.end_date,
        version: v.number,
        version_name: v.name.clone(),
        published_at: v.published_at,
        published_label: long_label(v.published_at, tz),
        rooms: rooms(db, e.id).await?,
        tracks: tracks(db, e.id).await?,
        speakers: speakers(&slots, &people),
        sessions,
    })
}

/// A speaker's account and public profile, by user id.
type People = HashMap<i32, (user::Model, Option<speaker_profile::Model>)>;

async fn people(db: &impl ConnectionTrait, ids: &[i32]) -> AppResult<People> {
    let users = user::Entity::find().filter(user::Column::Id.is_in(ids.to_vec())).all(db).await?;
    let mut profiles: HashMap<i32, speaker_profile::Model> = speaker_profile::Entity::find()
        .filter(speaker_profile::Column::UserId.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p))
        .collect();
    Ok(users
        .into_iter()
        .map(|u| {
            let profile = profiles.remove(&u.id);
            (u.id, (u, profile))
        })
        .collect())
}

fn session(s: &Slot, p: Option<&proposal::Model>, people: &People, partners: &HashMap<i32, String>, tz: Tz) -> Session {
    let local = |t: DateTime<Utc>| t.with_timezone(&tz);
    Session {
        item: s.item,
        kind: s.kind,
        code: s.code.clone(),
        title: s.title.clone(),
        room_ids: s.room_ids.clone(),
        room: s.room.clone(),
        start: s.start,
        end: s.end,
        day: local(s.start).date_naive(),
        start_local: local(s.start).format("%H:%M").to_string(),
        end_local: local(s.end).format("%H:%M").to_string(),
        speakers: s
            .speakers
            .iter()
            .map(|sp| SpeakerRef { code: people.get(&sp.id).and_then(|(u, _)| u.public_code.clone()), name: sp.name.clone() })
            .collect(),
        format: s.format.clone(),
        track: s.track.clone(),
        level: p.map(|p| p.level.clone()).unwrap_or_default(),
        language: p.map(|p| p.language.clone()).unwrap_or_default(),
        abstract_md: p.map(|p| p.summary.clone()).unwrap_or_default(),
        partner: p.and_then(|p| p.partner_id).and_then(|id| partners.get(&id).cloned()).unwrap_or_default(),
    }
}

/// The speakers of `slots` with a public code, by name, each with the codes of their talks.
fn speakers(slots: &[Slot], people: &People) -> Vec<Speaker> {
    let mut by_id: BTreeMap<i32, Speaker> = BTreeMap::new();
    for s in slots {
        for sp in &s.speakers {
            let Some((u, profile)) = people.get(&sp.id) else { continue };
            let Some(code) = u.public_code.clone() else { continue };
            let entry = by_id.entry(sp.id).or_insert_with(|| public_speaker(code, &sp.name, profile.as_ref()));
            if let Some(talk) = &s.code {
                if !entry.talks.contains(talk) {
                    entry.talks.push(talk.clone());
                }
            }
        }
    }
    let mut all: Vec<Speaker> = by_id.into_values().collect();
    all.sort_by_key(|s| s.name.to_lowercase());
    all
}

fn public_speaker(code: String, name: &str, p: Option<&speaker_profile::Model>) -> Speaker {
    let text = |f: fn(&speaker_profile::Model) -> &String| p.map(|p| f(p).trim().to_string()).unwrap_or_default();
    let links = p
        .map(|p| {
            [("Website", &p.website), ("GitHub", &p.github), ("LinkedIn", &p.linkedin), ("Social", &p.social)]
                .into_iter()
                .filter(|(_, url)| url.starts_with("https://") || url.starts_with("http://"))
                .map(|(label, url)| (label.to_string(), url.clone()))
                .collect()
        })
        .unwrap_or_default();
    Speaker {
        code,
        name: name.to_string(),
        bio_md: text(|p| &p.bio),
        company: text(|p| &p.company),
        job_title: text(|p| &p.job_title),
        photo: p.and_then(photo_src),
        links,
        talks: Vec::new(),
    }
}

async fn rooms(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<ProgrammeRoom>> {
    let rows = room::Entity::find().filter(room::Column::EventId.eq(event_id)).order_by_asc(room::Column::Position).all(db).await?;
    Ok(rows.into_iter().map(|r| ProgrammeRoom { id: r.id, name: r.name, capacity: r.capacity }).collect())
}

async fn tracks(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<ProgrammeTrack>> {
    let rows = track::Entity::find()
        .filter(track::Column::EventId.eq(event_id))
        .filter(track::Column::Hidden.eq(false))
        .order_by_asc(track::Column::Position)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|t| ProgrammeTrack { name: t.name, colour: t.colour }).collect())
}

/// Where a profile's photo is shown from: the uploaded file first, else the given URL.
pub fn photo_src(p: &speaker_profile::Model) -> Option<String> {
    if !p.photo_file.is_empty() {
        Some(format!("/media/photos/{}", p.photo_file))
    } else if !p.photo_url.is_empty() {
        Some(p.photo_url.clone())
    } else {
        None
    }
}
