//! The public agenda: what attendees read without an account (pages, favourites), and the exports
//! other tools read. Everything comes from published versions only.
use serde::{Deserialize, Serialize};

pub use crate::domain::programme::SpeakerRef;

pub mod api;
pub mod favourites;
pub mod import_page;
pub mod pages;
pub mod people_pages;
pub mod text;
#[cfg(feature = "ssr")]
pub mod exports;
#[cfg(feature = "ssr")]
pub mod rest;
#[cfg(feature = "ssr")]
pub mod rest_dto;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod service;
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
    pub language: String,
    pub abstract_html: String,
    pub description_html: String,
    pub speakers: Vec<SpeakerCard>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerCard {
    pub code: Option<String>,
    pub name: String,
    pub photo: Option<String>,
    pub bio_html: String,
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
