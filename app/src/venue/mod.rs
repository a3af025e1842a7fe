//! Rooms of an event and the opening hours of each of its days, as organisers set them up before
//! building the schedule.
pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use serde::{Deserialize, Serialize};

use crate::events::EventSummary;

/// A room as organisers manage it, in agenda order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomRow {
    pub id: i32,
    pub name: String,
    pub capacity: Option<i32>,
    pub description: String,
}

/// The opening hours of one event day, in the event's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// "Sunday 28 March 2027".
    pub label: String,
    /// "HH:MM".
    pub opens: String,
    pub closes: String,
}

/// The "Rooms and days" page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueView {
    pub event: EventSummary,
    /// IANA name of the event's zone, in which the hours are typed.
    pub time_zone: String,
    pub rooms: Vec<RoomRow>,
    pub days: Vec<DayRow>,
}
