//! Reading an event's work-in-progress schedule: the talks that hold a slot get an item each
//! (created on first read), and everything is gathered into what the builder and the rules need.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::{placements_except, BuilderItem, Placed, WarningRow};
use crate::entities::{event, event_day, format, proposal, schedule_item, track};
use crate::error::AppResult;
use crate::formats::zoned::zone;
use crate::selection::deliberation::{decision_of, decisions_of, response_of};
use domain::review::holds_slot;
use domain::schedule::{check, Context, DayHours, Room, Unavailable};
use domain::timetable::Kind;

/// Length of a talk whose format is gone.
const FALLBACK_MINUTES: i32 = 30;

/// An event's schedule as loaded once per request.
pub struct Loaded {
    pub event: event::Model,
    pub tz: Tz,
    pub rooms: Vec<Room>,
    pub days: Vec<(event_day::Model, DayHours)>,
    pub items: Vec<BuilderItem>,
    pub unavailable: Vec<Unavailable>,
    pub formats: Vec<format::Model>,
    pub tracks: Vec<track::Model>,
}

impl Loaded {
    pub fn item(&self, id: i32) -> Option<&BuilderItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The hours of the day an instant falls on (its local date).
    pub fn day_of(&self, t: DateTime<Utc>) -> Option<DayHours> {
        let date = t.with_timezone(&self.tz).date_naive();
        self.days.iter().find(|(d, _)| d.day == date).map(|(_, h)| *h)
    }

    /// The rules' verdict on every placed item against the rest.
    pub fn warnings(&self) -> Vec<WarningRow> {
        let placements = placements_except(&self.items, &self.rooms, None);
        let mut rows = Vec::new();
        for p in &placements {
            let Some(day) = self.day_of(p.start) else { continue };
            let ctx = Context { others: &placements, day, rooms: &self.rooms, unavailable: &self.unavailable, expected: None };
            let v = check(p, &ctx);
            let problems = v.hard.iter().map(|h| h.problem()).chain(v.warnings.iter().map(|w| w.problem()));
            let messages = problems.map(|p| crate::lang::problems::here(&p));
            rows.extend(messages.map(|message| WarningRow { item: p.item, title: p.title.clone(), message }));
        }
        rows
    }
}

/// The submitted proposals of the event whose (working) decision holds a slot.
pub async fn slot_holders(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<proposal::Model>> {
    let submitted = crate::review::access::submitted(db, event_id).await?;
    let ids: Vec<i32> = submitted.iter().map(|p| p.id).collect();
    let decisions = decisions_of(db, &ids).await?;
    let holds =
        |p: &proposal::Model| decisions.get(&p.id).is_some_and(|d| decision_of(d).is_some_and(|dec| holds_slot(dec, response_of(d))));
    Ok(submitted.into_iter().filter(|p| holds(p)).collect())
}

pub async fn items_of(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<schedule_item::Model>> {
    Ok(schedule_item::Entity::find()
        .filter(schedule_item::Column::EventId.eq(event_id))
        .order_by_asc(schedule_item::Column::Id)
        .all(db)
        .await?)
}

/// Gives every talk holding a slot an item, and drops the items of talks that no longer hold one
/// (a speaker declined): the next published version lists them as removed. Answers the event's
/// items as they are then.
pub async fn sync_talks(
    db: &impl ConnectionTrait,
    event_id: i32,
    formats: &[format::Model],
    now: DateTime<Utc>,
) -> AppResult<Vec<schedule_item::Model>> {
    let holders = slot_holders(db, event_id).await?;
    let items = items_of(db, event_id).await?;
    let missing: Vec<&proposal::Model> = holders.iter().filter(|p| !items.iter().any(|i| i.proposal_id == Some(p.id))).collect();
    for p in &missing {
        let minutes = p.format_id.and_then(|f| formats.iter().find(|x| x.id == f)).map(|f| f.duration_min).unwrap_or(FALLBACK_MINUTES);
        schedule_item::Entity::insert(schedule_item::ActiveModel {
            event_id: Set(event_id),
            kind: Set(Kind::Talk.key().into()),
            proposal_id: Set(Some(p.id)),
            title: Set(p.title.clone()),
            all_rooms: Set(false),
            minutes: Set(minutes),
            version: Set(0),
            updated_at: Set(now),
            ..Default::default()
        })
        .on_conflict_do_nothing_on([schedule_item::Column::ProposalId])
        .exec(db)
        .await?;
    }
    let gone: Vec<i32> = items.iter().filter(|i| i.proposal_id.is_some_and(|p| !holders.iter().any(|h| h.id == p))).map(|i| i.id).collect();
    if missing.is_empty() && gone.is_empty() {
        return Ok(items);
    }
    if !gone.is_empty() {
        schedule_item::Entity::delete_many().filter(schedule_item::Column::Id.is_in(gone)).exec(db).await?;
    }
    items_of(db, event_id).await
}

pub(super) fn local_hhmm(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%H:%M").to_string()
}

fn placed(i: &schedule_item::Model, tz: Tz) -> Option<Placed> {
    let (start, end) = (i.starts_at?, i.ends_at?);
    Some(Placed {
        date: start.with_timezone(&tz).format("%Y-%m-%d").to_string(),
        room: if i.all_rooms { None } else { i.room_id },
        start,
        end,
        starts: local_hhmm(start, tz),
        ends: local_hhmm(end, tz),
    })
}

/// Loads the schedule of `e` (creating the items of newly accepted talks first, at `now`).
pub async fn load(db: &impl ConnectionTrait, e: &event::Model, now: DateTime<Utc>) -> AppResult<Loaded> {
    let tz = zone(&e.time_zone);
    let formats = format::Entity::find().filter(format::Column::EventId.eq(e.id)).order_by_asc(format::Column::Position).all(db).await?;
    let tracks = track::Entity::find().filter(track::Column::EventId.eq(e.id)).order_by_asc(track::Column::Position).all(db).await?;
    let rows = sync_talks(db, e.id, &formats, now).await?;
    let rooms = crate::venue::service::rooms_of(db, e.id)
        .await?
        .into_iter()
        .map(|r| Room { id: r.id, name: r.name, capacity: r.capacity.and_then(|c| u32::try_from(c).ok()) })
        .collect();
    let days = crate::venue::service::days_of(db, e)
        .await?
        .into_iter()
        .map(|d| {
            let hours = crate::venue::service::day_hours_utc(e, &d);
            (d, hours)
        })
        .collect();
    let proposal_ids: Vec<i32> = rows.iter().filter_map(|i| i.proposal_id).collect();
    let proposals: HashMap<i32, proposal::Model> = if proposal_ids.is_empty() {
        HashMap::new()
    } else {
        proposal::Entity::find()
            .filter(proposal::Column::Id.is_in(proposal_ids.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let speakers = crate::organizer::proposals::speakers_of(db, proposal_ids).await?;
    let items = rows
        .iter()
        .map(|i| {
            let p = i.proposal_id.and_then(|id| proposals.get(&id));
            let format = p.and_then(|p| p.format_id).and_then(|f| formats.iter().find(|x| x.id == f));
            let track = p.and_then(|p| p.track_id).and_then(|t| tracks.iter().find(|x| x.id == t));
            let people = i.proposal_id.and_then(|id| speakers.get(&id)).cloned().unwrap_or_default();
            BuilderItem {
                id: i.id,
                kind: Kind::parse(&i.kind).unwrap_or(Kind::Talk),
                title: p.map(|p| p.title.clone()).unwrap_or_else(|| i.title.clone()),
                code: p.map(|p| p.code.clone()),
                format: format.map(|f| f.name.clone()).unwrap_or_default(),
                format_id: format.map(|f| f.id),
                track: track.map(|t| t.name.clone()).unwrap_or_default(),
                track_id: track.map(|t| t.id),
                minutes: i64::from(i.minutes),
                format_minutes: format.map(|f| i64::from(f.duration_min)),
                speakers: people.iter().map(|s| s.user.id).collect(),
                speaker_names: people.iter().map(|s| s.name()).collect(),
                version: i.version,
                placed: placed(i, tz),
            }
        })
        .collect();
    let unavailable = crate::availability::service::unavailable_in(db, e.id).await?;
    Ok(Loaded { event: e.clone(), tz, rooms, days, items, unavailable, formats, tracks })
}
