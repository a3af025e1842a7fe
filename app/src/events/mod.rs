//! Events: public listing and landing pages, admin creation, per-event roles.
pub mod api;
#[cfg(feature = "ssr")]
pub mod cfp_settings;
#[cfg(feature = "ssr")]
pub mod defaults;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod summary;
#[cfg(feature = "ssr")]
pub mod texts;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    pub slug: String,
    pub name: String,
    pub city: String,
    pub venue: String,
    /// e.g. "15 October 2026" or "15–16 October 2026".
    pub dates: String,
    pub visibility: String,
}

/// What `/admin` lists for the signed-in person: every event for an administrator, else the
/// events they organise or whose volunteers they lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminHome {
    pub is_admin: bool,
    pub events: Vec<ManagedEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedEvent {
    pub summary: EventSummary,
    /// The roles held there (empty for an administrator who holds none).
    pub roles: Vec<domain::roles::Role>,
    /// Where managing it starts: the event's page for organisers, the volunteers' for their leads.
    pub manage: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventLists {
    pub upcoming: Vec<EventSummary>,
    pub past: Vec<EventSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub summary: EventSummary,
    pub description: String,
    pub time_zone: String,
    /// The raw form values, for the edit page.
    pub form: domain::events::EventForm,
    pub can_manage: bool,
    /// The viewer volunteers at this event (or leads its volunteers, or organises it).
    #[serde(default)]
    pub volunteers_here: bool,
    /// Accepted partners whose tier puts their logo on the home page, by tier: (tier, [(name, code, logo)]).
    #[serde(default)]
    pub partner_logos: Vec<(String, Vec<(String, String, String)>)>,
    /// A schedule has been published: the page offers the agenda (else it says it is to come).
    #[serde(default)]
    pub agenda_published: bool,
}

/// A person holding (or invited to) a role in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub email: String,
    pub display_name: Option<String>,
    pub role: String,
    pub role_label: String,
    /// Invited by email; no account yet.
    pub pending: bool,
}

/// A format or track as offered to speakers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub id: i32,
    pub name: String,
    pub description: String,
    /// Minutes for a format; empty for a track.
    pub duration_min: Option<i32>,
    /// `#rrggbb` for a track.
    pub colour: Option<String>,
}

/// Where the CFP stands, worded for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CfpStatus {
    pub open: bool,
    /// "Closes in 3 days, 23:59 Europe/Paris", "Opens on …", "Closed", "Not open yet".
    pub headline: String,
    /// "Sunday 25 October 2026, 23:59 Europe/Paris" when a close date is set.
    pub closes_label: Option<String>,
}
