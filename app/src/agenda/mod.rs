//! The public agenda: what attendees read without an account (pages, favourites, the changelog of
//! published versions), and the exports other tools read. Everything comes from published versions only.
use serde::{Deserialize, Serialize};

use crate::events::EventSummary;

pub use domain::programme::SpeakerRef;

pub mod api;
#[cfg(feature = "ssr")]
pub mod changes;
pub mod claim_page;
#[cfg(feature = "ssr")]
pub mod claims;
#[cfg(feature = "ssr")]
pub mod exports;
pub mod favourites;
#[cfg(feature = "ssr")]
pub mod favourites_store;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod people_pages;

#[cfg(feature = "ssr")]
pub mod rendered;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod rest_dto;
#[cfg(feature = "ssr")]
pub mod views;

/// A talk's public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkView {
    pub slug: String,
    pub event_name: String,
    pub code: String,
    pub title: String,
    /// "Wednesday 10 March, 09:00–09:40"
    pub when: String,
    pub room: String,
    pub format: String,
    pub track: String,
    pub track_colour: String,
    pub level: String,
    /// The talk's own language ("fr", "en"): its title and abstract are marked with it.
    pub language_code: String,
    pub language: String,
    pub abstract_html: crate::ui::SafeHtml,
    pub speakers: Vec<SpeakerCard>,
    /// The partner a partner talk speaks for (empty otherwise).
    pub partner: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerCard {
    pub code: Option<String>,
    pub name: String,
    pub photo: Option<String>,
    pub bio_html: crate::ui::SafeHtml,
    pub company: String,
    pub job_title: String,
}

/// A speaker's public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerView {
    pub slug: String,
    pub event_name: String,
    pub card: SpeakerCard,
    pub links: Vec<(String, String)>,
    pub talks: Vec<TalkLine>,
}

/// A session in a short list: speaker pages, now & next, my agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkLine {
    pub code: Option<String>,
    pub title: String,
    /// "Wed 10 Mar 09:00–09:40"
    pub when: String,
    pub room: String,
    pub speakers: String,
}

/// What is on in each room now and next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NowView {
    pub slug: String,
    pub event_name: String,
    /// "14:05 Europe/Paris"
    pub clock: String,
    pub rooms: Vec<RoomNow>,
    /// Why nothing is on, when nothing is: the event is still to come, over, or done for today.
    pub quiet: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomNow {
    pub room: String,
    pub now: Option<TalkLine>,
    pub next: Option<TalkLine>,
}

/// The starred talks of one visitor, with the pairs that overlap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StarredView {
    pub talks: Vec<TalkLine>,
    /// Titles of overlapping pairs.
    pub overlaps: Vec<(String, String)>,
    /// Path of the personal calendar feed.
    pub ics: String,
}

/// What the browser's router holds for a page rendered on the server only (`domain::pages`):
/// reached by a client-side move from a hydrated page (a link on the schedule builder), it loads
/// that address from the server (the router may not have put it in the address bar yet).
#[cfg(not(feature = "ssr"))]
#[leptos::component]
pub fn ServerRendered() -> impl leptos::IntoView {
    #[cfg(feature = "hydrate")]
    {
        use leptos::prelude::GetUntracked;
        let here = leptos_router::hooks::use_location();
        let target = format!("{}{}", here.pathname.get_untracked(), here.search.get_untracked());
        leptos::prelude::Effect::new(move |_| {
            let _ = leptos::prelude::window().location().set_href(&target);
        });
    }
}

/// Where an imported speaker's claim stands (see `claims`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClaimState {
    NotMailed,
    Mailed { until: String },
    Expired,
    Claimed { on: String },
}

/// An imported speaker the file gave an email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedSpeaker {
    pub name: String,
    /// As the file gave it (never compared with accounts).
    pub email: String,
    pub talks: Vec<String>,
    pub state: ClaimState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedSpeakers {
    pub rows: Vec<ImportedSpeaker>,
    /// How many a click on "Mail the links" would mail now.
    pub to_mail: usize,
}

/// What a claim link's page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimView {
    pub event_name: String,
    /// The speaker's name in the file.
    pub name: String,
    pub talks: Vec<String>,
    pub invited_email: String,
    pub signed_in_as: Option<String>,
    /// Why the signed-in person cannot take the talks, if they cannot.
    pub refusal: Option<String>,
}

/// A published version: its name, when, and what it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRow {
    pub number: i32,
    pub name: String,
    /// "Thursday 11 March 2027, 10:12 Europe/Paris".
    pub published: String,
    pub changes: Vec<String>,
}

/// The published versions of an event, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionsView {
    pub event: EventSummary,
    pub versions: Vec<VersionRow>,
}
