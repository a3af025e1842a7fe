//! The schedule builder: organisers place accepted talks, breaks and plenaries on a rooms × time
//! grid (by mouse or by the "Place…" form), the server checks every move with
//! `domain::schedule::check`, and publishing freezes a version with its changelog.
pub mod api;
#[cfg(feature = "ssr")]
pub mod builder;
pub mod builder_page;
pub mod grid;
#[cfg(feature = "ssr")]
pub mod import;
pub mod import_page;
#[cfg(feature = "ssr")]
pub mod import_speakers;
pub mod interest_page;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
pub mod place;
pub mod place_page;
#[cfg(feature = "ssr")]
pub mod publish;
#[cfg(feature = "ssr")]
pub mod service;
pub mod versions_page;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::agenda::VersionRow;
use crate::events::EventSummary;
use crate::lang::Locale;
use domain::schedule::{Placement, Room, Unavailable};
use domain::timetable::Kind;

/// Where an organiser asked to put an item, as typed: `day` YYYY-MM-DD, `room` an id or "all",
/// `start` local HH:MM, `minutes` its length.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Where {
    pub day: String,
    pub room: String,
    pub start: String,
    pub minutes: String,
}

/// One event day on the grid: its opening instants and the local clock label of every 5-minute row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// "Thursday 11 March".
    pub label: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// "09:00", "09:05", … up to the closing time (excluded).
    pub rows: Vec<String>,
}

impl BuilderDay {
    /// The row an instant falls on (None outside the day).
    pub fn row_of(&self, t: DateTime<Utc>) -> Option<usize> {
        let minutes = (t - self.start).num_minutes();
        (minutes >= 0 && t < self.end).then_some((minutes / domain::schedule::GRID_MINUTES) as usize)
    }

    pub fn instant_of(&self, row: usize) -> DateTime<Utc> {
        self.start + Duration::minutes(row as i64 * domain::schedule::GRID_MINUTES)
    }
}

/// Where an item sits, once placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placed {
    pub date: String,
    /// None: it spans every room.
    pub room: Option<i32>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Local "HH:MM".
    pub starts: String,
    pub ends: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderItem {
    pub id: i32,
    pub kind: Kind,
    pub title: String,
    pub code: Option<String>,
    pub format: String,
    pub format_id: Option<i32>,
    pub track: String,
    pub track_id: Option<i32>,
    pub minutes: i64,
    pub format_minutes: Option<i64>,
    /// User ids of the speakers, for the speaker checks, and their public names in the same order.
    pub speakers: Vec<i32>,
    pub speaker_names: Vec<String>,
    pub version: i32,
    pub placed: Option<Placed>,
}

impl BuilderItem {
    /// The item as the placement rules see it, were it in `room` (None: all rooms) from `start`.
    pub fn placement_at(&self, room: Option<i32>, start: DateTime<Utc>, rooms: &[Room]) -> Placement {
        Placement {
            item: self.id,
            title: self.title.clone(),
            rooms: room.map(|r| vec![r]).unwrap_or_else(|| rooms.iter().map(|r| r.id).collect()),
            start,
            end: start + Duration::minutes(self.minutes),
            speakers: self.speakers.clone(),
            format_minutes: self.format_minutes,
        }
    }

    /// Where it is now, if placed.
    pub fn placement(&self, rooms: &[Room]) -> Option<Placement> {
        let p = self.placed.as_ref()?;
        let mut placement = self.placement_at(p.room, p.start, rooms);
        placement.end = p.end;
        Some(placement)
    }
}

/// A warning about a placed item, for the conflicts panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningRow {
    pub item: i32,
    pub title: String,
    pub message: String,
}

/// Everything the builder page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderView {
    pub event: EventSummary,
    pub time_zone: String,
    pub rooms: Vec<Room>,
    pub days: Vec<BuilderDay>,
    pub items: Vec<BuilderItem>,
    pub unavailable: Vec<Unavailable>,
    pub warnings: Vec<WarningRow>,
    /// What "Publish" would change, one line each.
    pub pending: Vec<String>,
    pub latest: Option<VersionRow>,
    pub formats: Vec<(i32, String)>,
    pub tracks: Vec<(i32, String)>,
}

impl BuilderView {
    pub fn item(&self, id: i32) -> Option<&BuilderItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Every placed item but `except`, for checking a move of `except`.
    pub fn others(&self, except: i32) -> Vec<Placement> {
        placements_except(&self.items, &self.rooms, Some(except))
    }

    /// A room's name in the language of the page ("All rooms" for an item spanning them).
    pub fn room_name(&self, room: Option<i32>) -> String {
        room_label(crate::lang::use_locale(), &self.rooms, room)
    }
}

/// The placements of every placed item but `except`.
pub fn placements_except(items: &[BuilderItem], rooms: &[Room], except: Option<i32>) -> Vec<Placement> {
    items.iter().filter(|i| Some(i.id) != except).filter_map(|i| i.placement(rooms)).collect()
}

/// A room's name, or "All rooms" in `locale` for an item spanning them.
pub fn room_label(locale: Locale, rooms: &[Room], room: Option<i32>) -> String {
    match room {
        None => leptos_i18n::td_string!(locale, schedule.all_rooms).to_string(),
        Some(id) => rooms.iter().find(|r| r.id == id).map(|r| r.name.clone()).unwrap_or_default(),
    }
}

/// The name of a kind of item (talk, break, lunch…) in the language of the page.
pub fn kind_name(kind: Kind) -> &'static str {
    use crate::tr;
    match kind {
        Kind::Talk => tr!(schedule.kinds.talk),
        Kind::Plenary => tr!(schedule.kinds.plenary),
        Kind::Break => tr!(schedule.kinds.coffee_break),
        Kind::Lunch => tr!(schedule.kinds.lunch),
        Kind::Village => tr!(schedule.kinds.village),
        Kind::Welcome => tr!(schedule.kinds.welcome),
        Kind::Closing => tr!(schedule.kinds.closing),
    }
}

/// One published version, readable as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    pub event: EventSummary,
    pub version: VersionRow,
    /// (day label, [(time, room, title, speakers)]).
    pub days: Vec<(String, Vec<(String, String, String, String)>)>,
}
