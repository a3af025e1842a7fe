//! What the read-only REST API (`/api/v1`) answers, with the OpenAPI schemas derived from it.
//! Built from the published `Programme` only; people appear by public code and name, never by
//! email or internal id.
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::entities::event;
use domain::programme::{Programme, ProgrammeRoom, ProgrammeTrack, Session, Speaker, SpeakerRef};

/// Every error: a sentence meant for the person reading it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    #[schema(example = "We could not find that talk.")]
    pub error: String,
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
    /// Items over all pages.
    pub total: u64,
    /// Path of the next page, or null on the last one.
    pub next: Option<String>,
}

/// The largest page number asked for (a list holds far fewer pages).
pub const MAX_PAGE: u64 = 10_000;
/// The most items on one page.
pub const MAX_PER_PAGE: u64 = 200;

/// `?page=1&per_page=50` (per_page at most 200). Out-of-range or non-numeric values get a 400.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1 to 10000 (default 1). A page past the end is empty.
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    /// Items per page, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<u64>,
}

/// `?version=2`: read an older published version (default: the latest). Not a number from 1: 400.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionParams {
    /// A published version number, from 1.
    #[param(minimum = 1, maximum = 2147483647)]
    pub version: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventLinks {
    /// The event's page for people.
    pub html: String,
    pub talks: String,
    pub speakers: String,
    pub schedule: String,
    /// frab schedule.json export.
    pub schedule_json: String,
    /// Calendar file of the whole schedule.
    pub ics: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventDto {
    pub slug: String,
    pub name: String,
    pub city: String,
    pub venue: String,
    /// IANA zone, e.g. "Europe/Paris".
    pub time_zone: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub links: EventLinks,
}

impl EventDto {
    pub fn from_model(e: &event::Model) -> Self {
        let s = &e.slug;
        EventDto {
            slug: s.clone(),
            name: e.name.clone(),
            city: e.city.clone(),
            venue: e.venue.clone(),
            time_zone: e.time_zone.clone(),
            start_date: e.start_date,
            end_date: e.end_date,
            links: EventLinks {
                html: format!("/events/{s}"),
                talks: format!("/api/v1/events/{s}/talks"),
                speakers: format!("/api/v1/events/{s}/speakers"),
                schedule: format!("/api/v1/events/{s}/schedule"),
                schedule_json: format!("/{s}/schedule.json"),
                ics: format!("/{s}/schedule.ics"),
            },
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SpeakerRefDto {
    /// Public code; null when the person has none yet.
    pub code: Option<String>,
    pub name: String,
}

impl From<&SpeakerRef> for SpeakerRefDto {
    fn from(r: &SpeakerRef) -> Self {
        SpeakerRefDto { code: r.code.clone(), name: r.name.clone() }
    }
}

/// A talk of the published schedule.
#[derive(Debug, Serialize, ToSchema)]
pub struct TalkDto {
    pub code: String,
    pub title: String,
    /// Markdown as the speaker wrote it.
    #[serde(rename = "abstract")]
    pub abstract_md: String,
    /// RFC 3339, UTC.
    pub start: DateTime<Utc>,
    /// RFC 3339, UTC.
    pub end: DateTime<Utc>,
    /// Room names, or "All rooms".
    pub room: String,
    pub track: String,
    pub format: String,
    /// "beginner" | "intermediate" | "advanced".
    pub level: String,
    /// "fr" | "en".
    pub language: String,
    pub speakers: Vec<SpeakerRefDto>,
}

impl TalkDto {
    pub fn from_session(s: &Session) -> Option<Self> {
        Some(TalkDto {
            code: s.code.clone()?,
            title: s.title.clone(),
            abstract_md: s.abstract_md.clone(),
            start: s.start,
            end: s.end,
            room: s.room.clone(),
            track: s.track.clone(),
            format: s.format.clone(),
            level: s.level.clone(),
            language: s.language.clone(),
            speakers: s.speakers.iter().map(SpeakerRefDto::from).collect(),
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkDto {
    /// "Website", "GitHub", …
    pub label: String,
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SpeakerDto {
    pub code: String,
    pub name: String,
    /// Markdown.
    pub bio: String,
    pub company: String,
    pub job_title: String,
    /// Path or URL of the photo.
    pub photo: Option<String>,
    pub links: Vec<LinkDto>,
    /// Codes of this speaker's talks.
    pub talks: Vec<String>,
}

impl From<&Speaker> for SpeakerDto {
    fn from(s: &Speaker) -> Self {
        SpeakerDto {
            code: s.code.clone(),
            name: s.name.clone(),
            bio: s.bio_md.clone(),
            company: s.company.clone(),
            job_title: s.job_title.clone(),
            photo: s.photo.clone(),
            links: s.links.iter().map(|(label, url)| LinkDto { label: label.clone(), url: url.clone() }).collect(),
            talks: s.talks.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RoomDto {
    pub name: String,
    pub capacity: Option<i32>,
}

impl From<&ProgrammeRoom> for RoomDto {
    fn from(r: &ProgrammeRoom) -> Self {
        RoomDto { name: r.name.clone(), capacity: r.capacity }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TrackDto {
    pub name: String,
    /// "#1f6feb" or empty.
    pub colour: String,
}

impl From<&ProgrammeTrack> for TrackDto {
    fn from(t: &ProgrammeTrack) -> Self {
        TrackDto { name: t.name.clone(), colour: t.colour.clone() }
    }
}

/// Any placed session: talks, breaks, lunches, plenaries…
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionDto {
    /// "talk" | "plenary" | "break" | "lunch" | "village" | "welcome" | "closing".
    pub kind: String,
    /// The talk's code; null for breaks.
    pub code: Option<String>,
    pub title: String,
    /// RFC 3339, UTC.
    pub start: DateTime<Utc>,
    /// RFC 3339, UTC.
    pub end: DateTime<Utc>,
    pub room: String,
    pub track: String,
    pub format: String,
    pub speakers: Vec<SpeakerRefDto>,
}

/// The whole published schedule of an event (not paginated).
#[derive(Debug, Serialize, ToSchema)]
pub struct ScheduleDto {
    pub slug: String,
    /// Number of the published version.
    pub version: i32,
    pub version_name: String,
    /// RFC 3339, UTC.
    pub published_at: DateTime<Utc>,
    pub time_zone: String,
    /// In time, then room order.
    pub sessions: Vec<SessionDto>,
}

impl From<&Programme> for ScheduleDto {
    fn from(p: &Programme) -> Self {
        let sessions = p
            .sessions
            .iter()
            .map(|s| SessionDto {
                kind: s.kind.key().to_string(),
                code: s.code.clone(),
                title: s.title.clone(),
                start: s.start,
                end: s.end,
                room: s.room.clone(),
                track: s.track.clone(),
                format: s.format.clone(),
                speakers: s.speakers.iter().map(SpeakerRefDto::from).collect(),
            })
            .collect();
        ScheduleDto {
            slug: p.slug.clone(),
            version: p.version,
            version_name: p.version_name.clone(),
            published_at: p.published_at,
            time_zone: p.time_zone.clone(),
            sessions,
        }
    }
}
