//! Events: public listing and landing pages, admin creation, per-event roles.
pub mod api;
#[cfg(feature = "ssr")]
pub mod defaults;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod summary;

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
