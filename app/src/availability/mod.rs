//! Speakers of an accepted talk say when they cannot speak during the event, so the schedule
//! builder can warn before placing them then.
pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use serde::{Deserialize, Serialize};

/// One time a speaker cannot speak, shown in the event's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnavailabilityRow {
    pub id: i32,
    /// "Thu 11 Mar 14:00 – 16:00".
    pub label: String,
    pub note: String,
}

/// The speaker's own windows for an event, and what the add form needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnavailabilityView {
    pub event_slug: String,
    pub event_name: String,
    /// IANA name of the event's zone, in which times are typed and shown.
    pub time_zone: String,
    /// "10–11 March 2027".
    pub dates: String,
    /// `datetime-local` bounds of the event: its first day at 00:00, the day after its last at 00:00.
    pub min: String,
    pub max: String,
    /// In start order.
    pub windows: Vec<UnavailabilityRow>,
    /// Fewer than the most a speaker may state.
    pub can_add: bool,
}
