//! An event's CFP settings, formats and tracks as every area reads them (the speakers' CFP pages,
//! organisers, reviewers, selection, schedule import): look-ups, offers and where the CFP stands.
//! A new event's defaults are in `events::defaults`; the organisers change them in `organizer`.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::defaults::default_settings;
use super::{CfpStatus, Offer};
use crate::entities::{cfp_settings, event, format, track};
use crate::error::AppResult;
use crate::formats::zoned::{clock_label, long_label, zone};
use crate::tr;
use domain::cfp::{parse_list, window, Language, Level, Window};

/// The event's settings; an event created before CFPs existed gets the defaults now.
pub async fn settings_of(db: &impl ConnectionTrait, event_id: i32, now: DateTime<Utc>) -> AppResult<cfp_settings::Model> {
    let found = cfp_settings::Entity::find().filter(cfp_settings::Column::EventId.eq(event_id)).one(db).await?;
    match found {
        Some(s) => Ok(s),
        None => Ok(default_settings(event_id, now).insert(db).await?),
    }
}

pub async fn formats_of(db: &impl ConnectionTrait, event_id: i32, with_hidden: bool) -> AppResult<Vec<format::Model>> {
    let mut q = format::Entity::find().filter(format::Column::EventId.eq(event_id));
    if !with_hidden {
        q = q.filter(format::Column::Hidden.eq(false));
    }
    Ok(q.order_by_asc(format::Column::Position).order_by_asc(format::Column::Id).all(db).await?)
}

pub async fn tracks_of(db: &impl ConnectionTrait, event_id: i32, with_hidden: bool) -> AppResult<Vec<track::Model>> {
    let mut q = track::Entity::find().filter(track::Column::EventId.eq(event_id));
    if !with_hidden {
        q = q.filter(track::Column::Hidden.eq(false));
    }
    Ok(q.order_by_asc(track::Column::Position).order_by_asc(track::Column::Id).all(db).await?)
}

pub fn format_offer(f: &format::Model) -> Offer {
    Offer { id: f.id, name: f.name.clone(), description: f.description.clone(), duration_min: Some(f.duration_min), colour: None }
}

pub fn track_offer(t: &track::Model) -> Offer {
    Offer { id: t.id, name: t.name.clone(), description: t.description.clone(), duration_min: None, colour: Some(t.colour.clone()) }
}

/// Where the CFP of `e` stands at `now`, worded in the event's time zone.
pub fn status(now: DateTime<Utc>, s: &cfp_settings::Model, e: &event::Model) -> CfpStatus {
    let tz = zone(&e.time_zone);
    let closes_label = s.closes_at.map(|c| long_label(c, tz));
    let (open, headline) = match window(now, s.opens_at, s.closes_at) {
        // An event that is over and never had CFP dates (last year's edition) did not "not open yet".
        Window::NotScheduled if e.end_date < now.with_timezone(&tz).date_naive() => (false, tr!(events.cfp_status.closed).to_string()),
        Window::NotScheduled => (false, tr!(events.cfp_status.not_open_yet).to_string()),
        Window::NotYetOpen { opens } => (false, tr!(events.cfp_status.opens_on, date = long_label(opens, tz)).to_string()),
        Window::Open { closes } => {
            (true, tr!(events.cfp_status.closes, left = time_left(now, closes), clock = clock_label(closes, tz)).to_string())
        }
        Window::Closed => (false, tr!(events.cfp_status.closed).to_string()),
    };
    CfpStatus { open, headline, closes_label }
}

/// "in 3 days", "in 5 hours", "in 1 minute", in the reader's language: the largest unit, rounded down.
fn time_left(now: DateTime<Utc>, until: DateTime<Utc>) -> String {
    let secs = (until - now).num_seconds().max(0);
    let count = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    match secs {
        s if s >= 2 * 86_400 => tr!(events.cfp_status.in_days, count = count(s / 86_400)).to_string(),
        s if s >= 3600 => tr!(events.cfp_status.in_hours, count = count(s / 3600)).to_string(),
        s if s >= 60 => tr!(events.cfp_status.in_minutes, count = count(s / 60)).to_string(),
        _ => tr!(events.cfp_status.in_less_than_a_minute).to_string(),
    }
}

pub fn levels_offered(s: &cfp_settings::Model) -> Vec<Level> {
    parse_list(&s.levels)
}

pub fn languages_offered(s: &cfp_settings::Model) -> Vec<Language> {
    parse_list(&s.languages)
}
