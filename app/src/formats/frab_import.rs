//! Reading a frab / pretalx schedule (`schedule.json` or `schedule.xml`) into a neutral
//! `ImportedSchedule`, checked: the first problem is named with where it is in the file, e.g.
//! `schedule.conference.days[1].rooms.Amphi[3]: start “25:00” is not a time`. No IO.
//! Both formats are first read into the same raw shape (`Raw`), then checked by the same code.
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::tr;
use domain::timetable::Kind;

/// A room name some tools write for an item spanning every room (compared ignoring case).
pub const ALL_ROOMS: &str = "all rooms";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// Where in the file, empty for the file as a whole.
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

fn fail<T>(path: &str, message: impl Into<String>) -> Result<T, ImportError> {
    Err(ImportError { path: path.to_string(), message: message.into() })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSchedule {
    /// In the file's order: the declared rooms first, then those met in the days.
    pub rooms: Vec<ImportedRoom>,
    pub tracks: Vec<ImportedTrack>,
    pub sessions: Vec<ImportedSession>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRoom {
    pub name: String,
    pub capacity: Option<i32>,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedTrack {
    pub name: String,
    /// `#rrggbb` or empty.
    pub colour: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedPerson {
    /// What identifies the person within this file: pretalx code, guid, frab id or name.
    pub key: String,
    pub name: String,
    pub email: Option<String>,
    pub biography: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSession {
    /// Where it was read, for errors found later (e.g. a day outside the event).
    pub path: String,
    pub kind: Kind,
    pub title: String,
    pub abstract_md: String,
    pub description_md: String,
    /// None: it spans every room.
    pub room: Option<String>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub track: Option<String>,
    /// The frab `type`: becomes the talk's format.
    pub format: String,
    /// Lower-case code such as "en", "fr".
    pub language: String,
    pub persons: Vec<ImportedPerson>,
}

impl ImportedSession {
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

/// Reads `text` (JSON or XML, told apart by its first character); times without an offset are read
/// in the file's `time_zone_name`, else in `zone`.
pub fn parse(text: &str, zone: Tz) -> Result<ImportedSchedule, ImportError> {
    if text.trim().is_empty() {
        return fail("", tr!(import.file.empty));
    }
    limits::check_size(text)?;
    let raw = if text.trim_start().starts_with('<') { xml::raw(text)? } else { json::raw(text)? };
    limits::check_counts(&raw)?;
    check(raw, zone)
}

/// The file as read, before any check but its shape.
struct Raw {
    time_zone: Option<(String, String)>,
    declared_rooms: Option<Vec<ImportedRoom>>,
    tracks: Vec<ImportedTrack>,
    days: Vec<RawDay>,
}

struct RawDay {
    path: String,
    date: String,
    rooms: Vec<RawRoom>,
}

struct RawRoom {
    path: String,
    name: String,
    events: Vec<RawEvent>,
}

#[derive(Default)]
struct RawEvent {
    path: String,
    /// title, type, date, start, duration, abstract, description, track, language, guid, code, id.
    fields: BTreeMap<String, String>,
    persons: Vec<ImportedPerson>,
}

impl RawEvent {
    fn get(&self, key: &str) -> Option<&str> {
        self.fields.get(key).map(|s| s.trim()).filter(|s| !s.is_empty())
    }
}

fn check(raw: Raw, fallback: Tz) -> Result<ImportedSchedule, ImportError> {
    let zone = match &raw.time_zone {
        Some((path, name)) => name.parse::<Tz>().or_else(|_| fail(path, tr!(import.file.not_a_zone, name = name).to_string()))?,
        None => fallback,
    };
    let mut rooms = raw.declared_rooms.clone().unwrap_or_default();
    let mut tracks = raw.tracks;
    // Each session with the rooms it was listed in (several: a plenary copied into each room).
    let mut sessions: Vec<(ImportedSession, Vec<String>)> = Vec::new();
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    for day in &raw.days {
        let date = NaiveDate::parse_from_str(day.date.trim(), "%Y-%m-%d")
            .or_else(|_| fail(&day.path, tr!(import.file.not_a_date, value = &day.date).to_string()))?;
        for room in &day.rooms {
            let name = room.name.trim().to_string();
            let spans_all = name.eq_ignore_ascii_case(ALL_ROOMS);
            if !spans_all && !rooms.iter().any(|r| r.name == name) {
                if raw.declared_rooms.is_some() {
                    return fail(&room.path, tr!(import.file.room_not_listed, name = &name).to_string());
                }
                rooms.push(ImportedRoom { name: name.clone(), capacity: None, description: String::new() });
            }
            for ev in &room.events {
                let s = session(ev, (!spans_all).then(|| name.clone()), date, zone)?;
                if let Some(t) = s.track.as_ref().filter(|t| !tracks.iter().any(|x| &x.name == *t)) {
                    tracks.push(ImportedTrack { name: t.clone(), colour: String::new() });
                    limits::check_tracks(tracks.len())?;
                }
                let key = ev.get("guid").or(ev.get("code")).or(ev.get("id")).map(str::to_string).unwrap_or_else(|| ev.path.clone());
                match keys.get(&key) {
                    Some(&i) => merge_copy(&mut sessions[i], s)?,
                    None => {
                        keys.insert(key, sessions.len());
                        let listed = s.room.iter().cloned().collect();
                        sessions.push((s, listed));
                    }
                }
            }
        }
    }
    if sessions.is_empty() {
        return fail("", tr!(import.file.no_sessions));
    }
    let mut every: Vec<&str> = rooms.iter().map(|r| r.name.as_str()).collect();
    every.sort();
    let mut out = Vec::new();
    for (mut s, mut listed) in sessions {
        if listed.len() > 1 {
            listed.sort();
            if listed != every {
                return fail(&s.path, tr!(import.file.some_rooms, title = &s.title).to_string());
            }
            s.room = None;
        }
        out.push(s);
    }
    if let [first, _, ..] = rooms.as_slice() {
        spread_first_room_extras(&mut out, &first.name);
    }
    Ok(ImportedSchedule { rooms, tracks, sessions: out })
}

/// Estrade's own export lists an item spanning every room once, in the first room (a frab event
/// has one room): a break, lunch, plenary… there that overlaps nothing elsewhere spans them all.
fn spread_first_room_extras(sessions: &mut [ImportedSession], first_room: &str) {
    let busy: Vec<(DateTime<Utc>, DateTime<Utc>)> =
        sessions.iter().filter(|s| s.room.as_deref().is_some_and(|r| r != first_room)).map(|s| (s.start, s.end)).collect();
    for s in sessions.iter_mut().filter(|s| s.kind != Kind::Talk && s.room.as_deref() == Some(first_room)) {
        if !busy.iter().any(|(start, end)| *start < s.end && s.start < *end) {
            s.room = None;
        }
    }
}

/// The same item listed again (same guid): in another room at the same time, it joins its rooms;
/// anything else is an error.
fn merge_copy(first: &mut (ImportedSession, Vec<String>), copy: ImportedSession) -> Result<(), ImportError> {
    let same_time = first.0.start == copy.start && first.0.end == copy.end;
    match &copy.room {
        Some(room) if same_time && first.0.room.is_some() && !first.1.contains(room) => {
            first.1.push(room.clone());
            Ok(())
        }
        _ => fail(&copy.path, tr!(import.file.listed_twice, title = &copy.title).to_string()),
    }
}

fn session(ev: &RawEvent, room: Option<String>, day: NaiveDate, zone: Tz) -> Result<ImportedSession, ImportError> {
    let path = ev.path.as_str();
    let title = ev.get("title").ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.no_title).into() })?.to_string();
    let minutes = match ev.get("duration") {
        Some(d) => duration_minutes(d)
            .ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.not_a_length, value = d).to_string() })?,
        None => return fail(path, tr!(import.file.no_duration)),
    };
    let start_time = match ev.get("start") {
        Some(s) => {
            Some(clock(s).ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.not_a_time, value = s).to_string() })?)
        }
        None => None,
    };
    let start = match (ev.get("date"), start_time) {
        (Some(d), _) => DateTime::parse_from_rfc3339(d)
            .map(|t| t.with_timezone(&Utc))
            .or_else(|_| fail(path, tr!(import.file.not_a_date_time, value = d).to_string()))?,
        (None, Some(t)) => day
            .and_time(t)
            .and_local_timezone(zone)
            .earliest()
            .ok_or_else(|| ImportError {
                path: path.into(),
                message: tr!(import.file.start_skipped, time = t, day = day, zone = zone).to_string(),
            })?
            .with_timezone(&Utc),
        (None, None) => return fail(path, tr!(import.file.no_date_nor_start)),
    };
    let format = ev.get("type").unwrap_or("Talk").to_string();
    let language = ev.get("language").unwrap_or("en").to_lowercase().split(['-', '_']).next().unwrap_or("en").to_string();
    Ok(ImportedSession {
        path: path.to_string(),
        kind: kind_of(&format, ev.persons.is_empty()),
        abstract_md: ev.get("abstract").unwrap_or_default().to_string(),
        description_md: ev.get("description").unwrap_or_default().to_string(),
        room,
        start,
        end: start + Duration::minutes(minutes),
        track: ev.get("track").map(str::to_string),
        format,
        language,
        persons: ev.persons.clone(),
        title,
    })
}

/// "00:40", "1:30", "01:30:00" as minutes (more than zero).
fn duration_minutes(d: &str) -> Option<i64> {
    let parts: Vec<&str> = d.split(':').collect();
    let number = |s: &str| s.parse::<i64>().ok().filter(|_| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()));
    let (h, m) = match parts.as_slice() {
        [h, m] | [h, m, _] => (number(h)?, number(m)?),
        _ => return None,
    };
    let minutes = h * 60 + m;
    (m < 60 && minutes > 0).then_some(minutes)
}

/// "09:05" or "09:05:00".
fn clock(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M").or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S")).ok()
}

/// A talk, unless nobody speaks: then the break, lunch… its type names, or a plenary (a proposal
/// needs a speaker).
fn kind_of(kind: &str, nobody: bool) -> Kind {
    let k = kind.trim().to_lowercase();
    let extra = match k.as_str() {
        "break" | "coffee break" | "pause" => Some(Kind::Break),
        "keynote" | "plenary" | "keynote / plenary" => Some(Kind::Plenary),
        "partner village time" => Some(Kind::Village),
        _ => Kind::parse(&k),
    };
    match extra {
        _ if !nobody => Kind::Talk,
        Some(e) if e != Kind::Talk => e,
        _ => Kind::Plenary,
    }
}

mod json;
pub mod limits;
mod xml;

#[cfg(test)]
mod tests;
