//! How much an import reads. Checked before and while parsing, so that no file — however deep,
//! large or crowded — can exhaust a worker's stack, the memory or the time of one request.
//! Nesting is refused before any tree is built: a deep tree can then never be built, nor dropped
//! (dropping a tree recurses as deep as it nests).
use std::collections::BTreeSet;

use super::{fail, ImportError, Raw};
use crate::tr;

/// The largest file read (the HTTP route refuses larger bodies earlier, with a 413).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// Nesting of elements (XML) or of objects and lists (JSON): frab and pretalx files need about ten.
pub const MAX_DEPTH: usize = 32;
/// Sessions listed, copies of a plenary in each room included.
pub const MAX_SESSIONS: usize = 5_000;
/// Distinct people.
pub const MAX_PERSONS: usize = 5_000;
/// People listed in one session.
pub const MAX_PERSONS_PER_SESSION: usize = 50;
pub const MAX_ROOMS: usize = 200;
pub const MAX_TRACKS: usize = 200;
pub const MAX_DAYS: usize = 60;

/// Refuses a file larger than [`MAX_FILE_BYTES`].
pub(super) fn check_size(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_FILE_BYTES {
        let mb = |n: usize| format!("{:.1}", n as f64 / (1024.0 * 1024.0)).replace('.', tr!(import.file.decimal_separator));
        return fail("", tr!(import.file.too_large, size = mb(text.len()), max = mb(MAX_FILE_BYTES)).to_string());
    }
    Ok(())
}

fn too_deep() -> ImportError {
    ImportError { path: String::new(), message: tr!(import.file.too_deep, max = MAX_DEPTH).to_string() }
}

/// Refuses XML nesting deeper than [`MAX_DEPTH`]; `depth` counts the elements open around the
/// one being opened, itself included.
pub(super) fn check_xml_depth(depth: usize) -> Result<(), ImportError> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    Ok(())
}

/// Refuses JSON nesting deeper than [`MAX_DEPTH`] before it is parsed: one pass over the
/// brackets outside strings. A malformed text may be counted loosely; the parser refuses it then.
pub(super) fn check_json_depth(text: &str) -> Result<(), ImportError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep());
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// What an import counts, each with its refusal.
#[derive(Clone, Copy)]
enum Counted {
    Days,
    Tracks,
    Rooms,
    Sessions,
    People,
}

fn over(what: Counted, n: usize, max: usize) -> Result<(), ImportError> {
    if n > max {
        let message = match what {
            Counted::Days => tr!(import.file.too_many_days, n = n, max = max),
            Counted::Tracks => tr!(import.file.too_many_tracks, n = n, max = max),
            Counted::Rooms => tr!(import.file.too_many_rooms, n = n, max = max),
            Counted::Sessions => tr!(import.file.too_many_sessions, n = n, max = max),
            Counted::People => tr!(import.file.too_many_people, n = n, max = max),
        };
        return fail("", message.to_string());
    }
    Ok(())
}

/// Refuses a file with more days, rooms, tracks, sessions or people than an import takes, before
/// any of them is checked (checks compare them with each other).
pub(super) fn check_counts(raw: &Raw) -> Result<(), ImportError> {
    over(Counted::Days, raw.days.len(), MAX_DAYS)?;
    over(Counted::Tracks, raw.tracks.len(), MAX_TRACKS)?;
    let rooms: BTreeSet<&str> = raw
        .declared_rooms
        .iter()
        .flatten()
        .map(|r| r.name.as_str())
        .chain(raw.days.iter().flat_map(|d| d.rooms.iter().map(|r| r.name.as_str())))
        .collect();
    over(Counted::Rooms, rooms.len(), MAX_ROOMS)?;
    let events = || raw.days.iter().flat_map(|d| &d.rooms).flat_map(|r| &r.events);
    over(Counted::Sessions, events().count(), MAX_SESSIONS)?;
    if let Some(crowded) = events().find(|e| e.persons.len() > MAX_PERSONS_PER_SESSION) {
        return fail(&crowded.path, tr!(import.file.crowded, n = crowded.persons.len(), max = MAX_PERSONS_PER_SESSION).to_string());
    }
    let persons: BTreeSet<&str> = events().flat_map(|e| &e.persons).map(|p| p.key.as_str()).collect();
    over(Counted::People, persons.len(), MAX_PERSONS)
}

/// Refuses more distinct tracks than an import takes, once the sessions' own tracks are known.
pub(super) fn check_tracks(n: usize) -> Result<(), ImportError> {
    over(Counted::Tracks, n, MAX_TRACKS)
}
