//! `schedule.json` (frab, pretalx, c3voc) into the raw shape. Paths read like the document:
//! `schedule.conference.days[1].rooms.Amphi[3]`.
use serde_json::{Map, Value};

use super::limits::check_json_depth;
use crate::tr;

use super::{fail, ImportError, ImportedPerson, ImportedRoom, ImportedTrack, Raw, RawDay, RawEvent, RawRoom};

pub(super) fn raw(text: &str) -> Result<Raw, ImportError> {
    check_json_depth(text)?;
    let doc: Value = serde_json::from_str(text).or_else(|e| fail("", tr!(import.file.not_json, error = e).to_string()))?;
    let schedule = object(member(&doc, "schedule", "")?, "schedule")?;
    let conference = object(member_of(schedule, "conference", "schedule")?, "schedule.conference")?;
    let days = array(member_of(conference, "days", "schedule.conference")?, "schedule.conference.days")?;
    let time_zone = match conference.get("time_zone_name") {
        Some(Value::String(z)) if !z.trim().is_empty() => Some(("schedule.conference.time_zone_name".into(), z.trim().to_string())),
        _ => None,
    };
    let declared_rooms = match conference.get("rooms") {
        Some(Value::Array(rooms)) => {
            Some(rooms.iter().enumerate().map(|(i, r)| room(r, &format!("schedule.conference.rooms[{i}]"))).collect::<Result<_, _>>()?)
        }
        _ => None,
    };
    let tracks = match conference.get("tracks") {
        Some(Value::Array(tracks)) => {
            tracks.iter().enumerate().map(|(i, t)| track(t, &format!("schedule.conference.tracks[{i}]"))).collect::<Result<_, _>>()?
        }
        _ => Vec::new(),
    };
    let days = days.iter().enumerate().map(|(i, d)| day(d, &format!("schedule.conference.days[{i}]"))).collect::<Result<_, _>>()?;
    Ok(Raw { time_zone, declared_rooms, tracks, days })
}

fn member<'a>(v: &'a Value, key: &str, path: &str) -> Result<&'a Value, ImportError> {
    match v {
        Value::Object(m) => member_of(m, key, path),
        _ if path.is_empty() => fail(path, tr!(import.file.file_should_be_object_with, key = key).to_string()),
        _ => fail(path, tr!(import.file.should_be_object_with, path = path, key = key).to_string()),
    }
}

fn member_of<'a>(m: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a Value, ImportError> {
    m.get(key).ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.missing, key = key).to_string() })
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, ImportError> {
    v.as_object().ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.should_be_object).into() })
}

fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>, ImportError> {
    v.as_array().ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.should_be_list).into() })
}

/// A text member: strings as they are, numbers written out, null and absent as None.
fn text(m: &Map<String, Value>, key: &str, path: &str) -> Result<Option<String>, ImportError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(_) => fail(path, tr!(import.file.should_be_text, key = key).to_string()),
    }
}

fn room(v: &Value, path: &str) -> Result<ImportedRoom, ImportError> {
    let m = object(v, path)?;
    let name = text(m, "name", path)?.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let name = name.ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.room_no_name).into() })?;
    let capacity = m.get("capacity").and_then(Value::as_f64).filter(|c| *c >= 1.0).map(|c| c as i32);
    // pretalx writes translated descriptions as {"en": "…"}.
    let description = match m.get("description") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(t)) => t.values().find_map(Value::as_str).unwrap_or_default().to_string(),
        _ => String::new(),
    };
    Ok(ImportedRoom { name, capacity, description })
}

fn track(v: &Value, path: &str) -> Result<ImportedTrack, ImportError> {
    let m = object(v, path)?;
    let name = text(m, "name", path)?.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let name = name.ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.track_no_name).into() })?;
    Ok(ImportedTrack { name, colour: text(m, "color", path)?.unwrap_or_default() })
}

fn day(v: &Value, path: &str) -> Result<RawDay, ImportError> {
    let m = object(v, path)?;
    let date = text(m, "date", path)?
        .ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.missing, key = "date").to_string() })?;
    let rooms = object(member_of(m, "rooms", path)?, &format!("{path}.rooms"))?;
    let mut out = Vec::new();
    for (name, events) in rooms {
        let room_path = format!("{path}.rooms.{name}");
        let events = array(events, &room_path)?;
        let events = events.iter().enumerate().map(|(i, e)| event(e, &format!("{room_path}[{i}]"))).collect::<Result<_, _>>()?;
        out.push(RawRoom { path: room_path, name: name.clone(), events });
    }
    Ok(RawDay { path: path.into(), date, rooms: out })
}

const FIELDS: [&str; 12] =
    ["title", "type", "date", "start", "duration", "abstract", "description", "track", "language", "guid", "code", "id"];

fn event(v: &Value, path: &str) -> Result<RawEvent, ImportError> {
    let m = object(v, path)?;
    let mut ev = RawEvent { path: path.into(), ..Default::default() };
    for key in FIELDS {
        if let Some(value) = text(m, key, path)? {
            ev.fields.insert(key.into(), value);
        }
    }
    if let Some(persons) = m.get("persons").filter(|p| !p.is_null()) {
        let persons = array(persons, &format!("{path}.persons"))?;
        ev.persons = persons.iter().enumerate().map(|(i, p)| person(p, &format!("{path}.persons[{i}]"))).collect::<Result<_, _>>()?;
    }
    Ok(ev)
}

fn person(v: &Value, path: &str) -> Result<ImportedPerson, ImportError> {
    let m = object(v, path)?;
    let name = text(m, "name", path)?.or(text(m, "public_name", path)?).map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let name = name.ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.person_no_name).into() })?;
    let key = [text(m, "code", path)?, text(m, "guid", path)?, text(m, "id", path)?].into_iter().flatten().find(|k| !k.trim().is_empty());
    Ok(ImportedPerson {
        key: key.unwrap_or_else(|| name.to_lowercase()),
        email: text(m, "email", path)?.filter(|e| !e.trim().is_empty()),
        biography: text(m, "biography", path)?.unwrap_or_default(),
        name,
    })
}
