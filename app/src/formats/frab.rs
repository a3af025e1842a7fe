//! The frab / c3voc schedule formats (`schedule.json`, `schedule.xml`) that pretalx exports and
//! conference apps (Giggity, EventFahrplan, info-beamer…) read, built from a published programme.
//! Valid against the c3voc JSON Schema and XSD (copies in `tests/formats/`).
//!
//! An item spanning several rooms (a lunch in "All rooms") is listed once, in its first room: the
//! XSD requires event guids, ids and slugs to be unique across the file, and apps key favourites
//! and alarms on the guid, so repeating the event in every room would break both.
use chrono::{DateTime, NaiveDate, SecondsFormat, TimeZone, Utc};
use chrono_tz::Tz;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use uuid::Uuid;

use super::zoned::zone;
use domain::programme::{Programme, Session, SpeakerRef};
use domain::schedule::GRID_MINUTES;
use domain::timetable::Kind;

#[derive(Debug, Clone, Serialize)]
pub struct FrabRoot {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub generator: FrabGenerator,
    pub schedule: FrabSchedule,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrabGenerator {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrabSchedule {
    pub version: String,
    pub base_url: String,
    pub conference: FrabConference,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrabConference {
    pub acronym: String,
    pub title: String,
    pub start: String,
    pub end: String,
    #[serde(rename = "daysCount")]
    pub days_count: usize,
    pub timeslot_duration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone_name: Option<String>,
    pub url: String,
    pub tracks: Vec<FrabTrack>,
    pub rooms: Vec<FrabRoom>,
    pub days: Vec<FrabDay>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrabTrack {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrabRoom {
    pub name: String,
    pub guid: String,
    pub capacity: Option<i32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrabDay {
    pub index: usize,
    pub date: NaiveDate,
    pub day_start: String,
    pub day_end: String,
    pub rooms: RoomEvents,
}

/// Events by room name, in the event's room order (a JSON object whose key order is kept).
#[derive(Debug, Clone, Default)]
pub struct RoomEvents(pub Vec<(String, Vec<FrabEvent>)>);

impl Serialize for RoomEvents {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (room, events) in &self.0 {
            map.serialize_entry(room, events)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FrabEvent {
    pub guid: String,
    pub id: i32,
    pub date: String,
    pub start: String,
    pub end: String,
    pub duration: String,
    pub room: String,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub subtitle: String,
    pub track: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub language: Option<String>,
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    pub description: String,
    pub persons: Vec<FrabPerson>,
    pub links: Vec<FrabLink>,
}

/// The pretalx person shape (`name`, no numeric `id`), with `public_name` for older readers.
#[derive(Debug, Clone, Serialize)]
pub struct FrabPerson {
    pub guid: String,
    pub name: String,
    pub public_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub avatar: Option<String>,
    pub biography: Option<String>,
    pub links: Vec<FrabLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrabLink {
    pub url: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: String,
}

pub const SCHEMA_URL: &str = "https://c3voc.de/schedule/schema.json";

/// The published `p` as frab's schedule.json; links are absolute, under `base_url`.
pub fn schedule_json(p: &Programme, base_url: &str) -> FrabRoot {
    let base = base_url.trim_end_matches('/');
    let ids = Ids::new(p, base);
    let tz = zone(&p.time_zone);
    let days = days(p);
    FrabRoot {
        schema: SCHEMA_URL.into(),
        generator: FrabGenerator { name: "Estrade".into(), version: env!("CARGO_PKG_VERSION").into() },
        schedule: FrabSchedule {
            version: if p.version_name.trim().is_empty() { p.version.to_string() } else { p.version_name.clone() },
            base_url: format!("{base}/"),
            conference: FrabConference {
                acronym: acronym(&p.slug),
                title: p.name.clone(),
                start: p.start_date.to_string(),
                end: p.end_date.to_string(),
                days_count: days.len(),
                timeslot_duration: duration(GRID_MINUTES),
                time_zone_name: Some(p.time_zone.clone()).filter(|z| zone_name_ok(z)),
                url: format!("{base}/events/{}", p.slug),
                tracks: p
                    .tracks
                    .iter()
                    .map(|t| FrabTrack { name: t.name.clone(), slug: track_slug(&t.name), color: hex_colour(&t.colour) })
                    .collect(),
                rooms: p
                    .rooms
                    .iter()
                    .map(|r| FrabRoom { name: r.name.clone(), guid: ids.guid(&format!("room-{}", r.id)), capacity: r.capacity })
                    .collect(),
                days: days.iter().enumerate().map(|(i, d)| day(p, &ids, tz, i + 1, *d)).collect(),
            },
        },
    }
}

/// Builds stable identifiers: UUID v5 of the same names the calendar UIDs use.
struct Ids {
    slug: String,
    host: String,
    base: String,
}

impl Ids {
    fn new(p: &Programme, base: &str) -> Ids {
        let host = base.split("://").nth(1).unwrap_or(base).to_string();
        Ids { slug: p.slug.clone(), host, base: base.to_string() }
    }

    /// `<slug>-<what>@<host>` as a UUID; `item-<id>` gives the UID of the item's calendar event.
    fn guid(&self, what: &str) -> String {
        let name = format!("{}-{what}@{}", self.slug, self.host);
        Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes()).to_string()
    }

    fn link(&self, kind: &str, code: &str) -> String {
        format!("{}/events/{}/{kind}/{code}", self.base, self.slug)
    }
}

/// The event's days: every day from start to end, plus any day a session falls on outside them.
fn days(p: &Programme) -> Vec<NaiveDate> {
    let mut all: Vec<NaiveDate> = p.start_date.iter_days().take_while(|d| *d <= p.end_date).collect();
    all.extend(p.days());
    all.sort();
    all.dedup();
    all
}

fn day(p: &Programme, ids: &Ids, tz: Tz, index: usize, date: NaiveDate) -> FrabDay {
    let sessions: Vec<&Session> = p.sessions.iter().filter(|s| s.day == date).collect();
    let midnight =
        |d: NaiveDate| tz.from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default()).earliest().map(|t| t.with_timezone(&Utc));
    let start = sessions.iter().map(|s| s.start).min().or_else(|| midnight(date)).unwrap_or_default();
    let end = sessions.iter().map(|s| s.end).max().or_else(|| date.succ_opt().and_then(midnight)).unwrap_or_default();
    let mut rooms: Vec<(String, Vec<FrabEvent>)> = p.rooms.iter().map(|r| (r.name.clone(), Vec::new())).collect();
    for s in sessions {
        let room = room_of(p, s);
        let event = event(p, ids, tz, s, &room);
        match rooms.iter_mut().find(|(name, _)| *name == room) {
            Some((_, events)) => events.push(event),
            None => rooms.push((room, vec![event])),
        }
    }
    FrabDay { index, date, day_start: local_iso(start, tz), day_end: local_iso(end, tz), rooms: RoomEvents(rooms) }
}

/// The first of the session's rooms in the event's order (see the module comment).
fn room_of(p: &Programme, s: &Session) -> String {
    p.rooms
        .iter()
        .find(|r| s.room_ids.contains(&r.id))
        .or_else(|| p.rooms.first().filter(|_| s.room_ids.is_empty()))
        .map(|r| r.name.clone())
        .unwrap_or_else(|| s.room.clone())
}

fn event(p: &Programme, ids: &Ids, tz: Tz, s: &Session, room: &str) -> FrabEvent {
    let url = match &s.code {
        Some(code) => ids.link("talk", code),
        None => format!("{}/events/{}/agenda", ids.base, p.slug),
    };
    FrabEvent {
        guid: ids.guid(&format!("item-{}", s.item)),
        id: s.item,
        date: local_iso(s.start, tz),
        start: s.start_local.clone(),
        end: local_iso(s.end, tz),
        duration: duration(s.minutes()),
        room: room.to_string(),
        slug: event_slug(&p.slug, s),
        url,
        title: s.title.clone(),
        subtitle: String::new(),
        track: Some(s.track.clone()).filter(|t| !t.is_empty()),
        kind: event_type(s),
        language: Some(s.language.clone()).filter(|l| !l.is_empty()),
        abstract_text: s.abstract_md.clone(),
        // The frab description is public; ours is the reviewers' private details: left empty.
        description: String::new(),
        persons: s.speakers.iter().map(|r| person(p, ids, r)).collect(),
        links: Vec::new(),
    }
}

/// Talks carry their format's name ("Talk", "Workshop"), as pretalx does, and "Partner" before it
/// for a partner's talk ("Partner · Talk"); other items their kind.
fn event_type(s: &Session) -> String {
    match s.kind {
        Kind::Talk if !s.partner.is_empty() => format!("Partner · {}", if s.format.trim().is_empty() { "Talk" } else { s.format.trim() }),
        Kind::Talk if !s.format.trim().is_empty() => s.format.clone(),
        kind => kind.key().to_string(),
    }
}

fn person(p: &Programme, ids: &Ids, r: &SpeakerRef) -> FrabPerson {
    let profile = r.code.as_deref().and_then(|c| p.speaker(c));
    let guid = match &r.code {
        Some(code) => ids.guid(&format!("speaker-{code}")),
        None => ids.guid(&format!("speaker-name-{}", r.name)),
    };
    let absolute = |src: &String| if src.starts_with('/') { format!("{}{src}", ids.base) } else { src.clone() };
    FrabPerson {
        guid,
        name: r.name.clone(),
        public_name: r.name.clone(),
        url: r.code.as_deref().map(|c| ids.link("speaker", c)),
        avatar: profile.and_then(|s| s.photo.as_ref()).map(absolute),
        biography: profile.map(|s| s.bio_md.clone()).filter(|b| !b.is_empty()),
        links: profile
            .map(|s| s.links.iter().map(|(title, url)| FrabLink { url: url.clone(), title: title.clone(), kind: "web".into() }).collect())
            .unwrap_or_default(),
    }
}

/// "2027-03-10T09:00:00+01:00": the instant in the event's zone, with its offset.
pub fn local_iso(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// "hh:mm".
pub fn duration(minutes: i64) -> String {
    let m = minutes.max(0);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The schema's acronym (`^[a-z0-9_-][a-z0-9_]{3,}…`): the slug with `_` for `-`, at least 4 long.
pub fn acronym(slug: &str) -> String {
    let mut a: String = slug.chars().map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { '_' }).collect();
    while a.len() < 4 {
        a.push('_');
    }
    a
}

/// Lower-case ASCII words joined by `-` ("Cloud & Sécurité" → "cloud-securite").
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(|c| c.to_lowercase()) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// `<acronym>-<item>-<title words>`: unique per item, and matching both schemas' slug patterns.
pub fn event_slug(event_slug: &str, s: &Session) -> String {
    let mut words = slugify(&s.title);
    if words.is_empty() {
        words = s.kind.key().to_string();
    }
    let words: String = words.chars().take(48).collect();
    format!("{}-{}-{}", acronym(event_slug), s.item, words.trim_end_matches('-'))
}

/// The XSD's track slug (`[a-z][a-z0-9-]+`, and ending alphanumeric for the JSON Schema).
pub fn track_slug(name: &str) -> Option<String> {
    let s = slugify(name);
    match s.chars().next() {
        None => None,
        Some(c) if c.is_ascii_lowercase() && s.len() >= 2 => Some(s),
        Some(_) => Some(format!("track-{s}")),
    }
}

/// "#1f6feb" when it is one, else None.
fn hex_colour(c: &str) -> Option<String> {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|x| x.is_ascii_hexdigit());
    ok.then(|| c.to_string())
}

/// The JSON Schema only takes "Area/City" zone names or "UTC".
fn zone_name_ok(name: &str) -> bool {
    if name.ends_with("UTC") {
        return true;
    }
    let word =
        |w: &str| w.len() >= 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w[1..].starts_with(|c: char| c.is_ascii_lowercase());
    matches!(name.split_once('/'), Some((area, city)) if word(area) && word(city))
}

mod xml;
pub use xml::schedule_xml;

#[cfg(test)]
mod tests;
