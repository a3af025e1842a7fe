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
use domain::cfp::{parse_list, time_left, window, Language, Level, Window};

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
        Window::NotScheduled if e.end_date < now.with_timezone(&tz).date_naive() => (false, "The call for papers is closed.".to_string()),
        Window::NotScheduled => (false, "The call for papers is not open yet.".to_string()),
        Window::NotYetOpen { opens } => (false, format!("The call for papers opens on {}.", long_label(opens, tz))),
        Window::Open { closes } => (true, format!("Closes {}, {}.", time_left(now, closes), clock_label(closes, tz))),
        Window::Closed => (false, "The call for papers is closed.".to_string()),
    };
    CfpStatus { open, headline, closes_label }
}

pub fn levels_offered(s: &cfp_settings::Model) -> Vec<Level> {
    parse_list(&s.levels)
}

pub fn languages_offered(s: &cfp_settings::Model) -> Vec<Language> {
    parse_list(&s.languages)
}
