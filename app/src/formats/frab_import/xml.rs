//! `schedule.xml` (frab, pretalx) into the raw shape. Paths read like XPath, counted from 1:
//! `schedule/day[2]/room[@name='Amphi']/event[4]`.
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::Event;
use quick_xml::Reader;

use super::limits::check_xml_depth;
use crate::tr;

use super::{fail, ImportError, ImportedPerson, ImportedTrack, Raw, RawDay, RawEvent, RawRoom};

/// An element with its attributes, text and children: schedule files are small, and `tree`
/// refuses deep nesting before it is built (dropping an `El` recurses as deep as it nests).
#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<El>,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }
}

fn xml_error(reader: &Reader<&[u8]>, e: impl std::fmt::Display) -> ImportError {
    ImportError { path: String::new(), message: tr!(import.file.not_xml, position = reader.error_position(), error = e).to_string() }
}

fn tree(text: &str) -> Result<El, ImportError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<El> = vec![El::default()];
    loop {
        let event = reader.read_event().map_err(|e| xml_error(&reader, e))?;
        match event {
            Event::Start(s) => {
                // The stack holds a root above the document's elements.
                check_xml_depth(stack.len())?;
                stack.push(open(&reader, &s)?);
            }
            Event::Empty(s) => {
                let el = open(&reader, &s)?;
                stack.last_mut().expect("root").children.push(el);
            }
            Event::End(_) => {
                let el = stack.pop().expect("quick-xml checks end tags");
                stack.last_mut().ok_or_else(|| xml_error(&reader, tr!(import.file.unexpected_end)))?.children.push(el);
            }
            Event::Text(t) => stack.last_mut().expect("root").text.push_str(&t.xml_content().map_err(|e| xml_error(&reader, e))?),
            Event::CData(t) => stack.last_mut().expect("root").text.push_str(&t.decode().map_err(|e| xml_error(&reader, e))?),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| xml_error(&reader, e))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| xml_error(&reader, e))?;
                        resolve_xml_entity(&name)
                            .ok_or_else(|| xml_error(&reader, tr!(import.file.unknown_entity, name = &name)))?
                            .to_string()
                    }
                };
                stack.last_mut().expect("root").text.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(xml_error(&reader, tr!(import.file.unclosed)));
    }
    let mut root = stack.pop().expect("root");
    root.children.pop().ok_or_else(|| ImportError { path: String::new(), message: tr!(import.file.xml_empty).into() })
}

fn open(reader: &Reader<&[u8]>, s: &quick_xml::events::BytesStart) -> Result<El, ImportError> {
    let name = String::from_utf8_lossy(s.local_name().as_ref()).to_string();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| xml_error(reader, e))?;
        let value = a.unescape_value().map_err(|e| xml_error(reader, e))?.to_string();
        attrs.push((String::from_utf8_lossy(a.key.local_name().as_ref()).to_string(), value));
    }
    Ok(El { name, attrs, ..Default::default() })
}

pub(super) fn raw(text: &str) -> Result<Raw, ImportError> {
    let root = tree(text)?;
    if root.name != "schedule" {
        return fail("", tr!(import.file.wrong_root, root = format!("<{}>", root.name), expected = "<schedule>").to_string());
    }
    let conference = root.child("conference");
    let time_zone = conference.and_then(|c| c.child("time_zone_name")).map(|z| z.text.trim().to_string()).filter(|z| !z.is_empty());
    let tracks = conference
        .map(|c| c.all("track").filter_map(|t| t.attr("name").or(Some(t.text.as_str())).map(|n| n.trim().to_string())).collect::<Vec<_>>())
        .unwrap_or_default();
    let colours =
        conference.map(|c| c.all("track").map(|t| t.attr("color").unwrap_or_default().to_string()).collect::<Vec<_>>()).unwrap_or_default();
    let tracks =
        tracks.into_iter().zip(colours).filter(|(n, _)| !n.is_empty()).map(|(name, colour)| ImportedTrack { name, colour }).collect();
    let days = root.all("day").enumerate().map(|(i, d)| day(d, &format!("schedule/day[{}]", i + 1))).collect::<Result<_, _>>()?;
    Ok(Raw { time_zone: time_zone.map(|z| ("schedule/conference/time_zone_name".into(), z)), declared_rooms: None, tracks, days })
}

fn day(d: &El, path: &str) -> Result<RawDay, ImportError> {
    let date = d.attr("date").map(str::to_string).or_else(|| d.attr("start").map(|s| s.chars().take(10).collect()));
    let date = date.ok_or_else(|| ImportError { path: path.into(), message: tr!(import.file.day_no_date).into() })?;
    let mut rooms = Vec::new();
    for r in d.all("room") {
        let name = r.attr("name").unwrap_or_default().to_string();
        let room_path = format!("{path}/room[@name='{name}']");
        if name.trim().is_empty() {
            return fail(&room_path, tr!(import.file.room_no_name));
        }
        let events =
            r.all("event").enumerate().map(|(i, e)| event(e, &format!("{room_path}/event[{}]", i + 1))).collect::<Result<_, _>>()?;
        rooms.push(RawRoom { path: room_path, name, events });
    }
    Ok(RawDay { path: path.into(), date, rooms })
}

const FIELDS: [&str; 9] = ["title", "type", "date", "start", "duration", "abstract", "description", "track", "language"];

fn event(e: &El, path: &str) -> Result<RawEvent, ImportError> {
    let mut ev = RawEvent { path: path.into(), ..Default::default() };
    for key in FIELDS {
        if let Some(c) = e.child(key) {
            ev.fields.insert(key.into(), c.text.clone());
        }
    }
    for key in ["guid", "code", "id"] {
        if let Some(v) = e.attr(key) {
            ev.fields.insert(key.into(), v.to_string());
        }
    }
    if let Some(persons) = e.child("persons") {
        ev.persons = persons
            .all("person")
            .enumerate()
            .map(|(i, p)| person(p, &format!("{path}/persons/person[{}]", i + 1)))
            .collect::<Result<_, _>>()?;
    }
    Ok(ev)
}

fn person(p: &El, path: &str) -> Result<ImportedPerson, ImportError> {
    let name = p.text.trim().to_string();
    if name.is_empty() {
        return fail(path, tr!(import.file.person_no_name));
    }
    let key = ["code", "guid", "id"].into_iter().find_map(|k| p.attr(k)).map(str::to_string).unwrap_or_else(|| name.to_lowercase());
    Ok(ImportedPerson { key, name, email: None, biography: String::new() })
}
