//! `schedule.xml`: the same document as `schedule.json`, in the element order the XSD expects.
use std::io;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use super::{schedule_json, FrabConference, FrabDay, FrabEvent, FrabRoom, FrabRoot};
use domain::programme::Programme;

type W = Writer<Vec<u8>>;

/// The published `p` as frab's schedule.xml; links are absolute, under `base_url`.
pub fn schedule_xml(p: &Programme, base_url: &str) -> String {
    let root = schedule_json(p, base_url);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail.
    write_root(&mut w, &root).expect("writing XML to memory");
    String::from_utf8(w.into_inner()).expect("quick-xml writes UTF-8")
}

fn text(w: &mut W, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name).write_text_content(BytesText::new(value))?;
    Ok(())
}

fn write_root(w: &mut W, root: &FrabRoot) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("schedule").write_inner_content(|w| {
        w.create_element("generator")
            .with_attribute(("name", root.generator.name.as_str()))
            .with_attribute(("version", root.generator.version.as_str()))
            .write_empty()?;
        text(w, "version", &root.schedule.version)?;
        conference(w, &root.schedule.conference, &root.schedule.base_url)?;
        for d in &root.schedule.conference.days {
            day(w, d, &root.schedule.conference.rooms)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn conference(w: &mut W, c: &FrabConference, base_url: &str) -> io::Result<()> {
    w.create_element("conference").write_inner_content(|w| {
        text(w, "title", &c.title)?;
        text(w, "acronym", &c.acronym)?;
        text(w, "start", &c.start)?;
        text(w, "end", &c.end)?;
        text(w, "days", &c.days_count.to_string())?;
        text(w, "timeslot_duration", &c.timeslot_duration)?;
        text(w, "base_url", base_url)?;
        text(w, "url", &c.url)?;
        if let Some(z) = &c.time_zone_name {
            text(w, "time_zone_name", z)?;
        }
        for t in &c.tracks {
            let mut el = w.create_element("track").with_attribute(("name", t.name.as_str()));
            if let Some(slug) = &t.slug {
                el = el.with_attribute(("slug", slug.as_str()));
            }
            if let Some(color) = &t.color {
                el = el.with_attribute(("color", color.as_str()));
            }
            el.write_text_content(BytesText::new(&t.name))?;
        }
        Ok(())
    })?;
    Ok(())
}

fn day(w: &mut W, d: &FrabDay, rooms: &[FrabRoom]) -> io::Result<()> {
    let date = d.date.to_string();
    let index = d.index.to_string();
    w.create_element("day")
        .with_attribute(("index", index.as_str()))
        .with_attribute(("date", date.as_str()))
        .with_attribute(("start", d.day_start.as_str()))
        .with_attribute(("end", d.day_end.as_str()))
        .write_inner_content(|w| {
            for (room, events) in &d.rooms.0 {
                let mut el = w.create_element("room").with_attribute(("name", room.as_str()));
                if let Some(r) = rooms.iter().find(|r| r.name == *room) {
                    el = el.with_attribute(("guid", r.guid.as_str()));
                }
                el.write_inner_content(|w| events.iter().try_for_each(|e| event(w, e)))?;
            }
            Ok(())
        })?;
    Ok(())
}

fn event(w: &mut W, e: &FrabEvent) -> io::Result<()> {
    let id = e.id.to_string();
    w.create_element("event").with_attribute(("guid", e.guid.as_str())).with_attribute(("id", id.as_str())).write_inner_content(|w| {
        text(w, "room", &e.room)?;
        text(w, "title", &e.title)?;
        text(w, "subtitle", &e.subtitle)?;
        text(w, "type", &e.kind)?;
        text(w, "date", &e.date)?;
        text(w, "start", &e.start)?;
        text(w, "duration", &e.duration)?;
        text(w, "abstract", &e.abstract_text)?;
        text(w, "slug", &e.slug)?;
        text(w, "track", e.track.as_deref().unwrap_or(""))?;
        persons(w, e)?;
        if let Some(language) = &e.language {
            text(w, "language", language)?;
        }
        text(w, "description", &e.description)?;
        w.create_element("links").write_empty()?;
        text(w, "url", &e.url)?;
        Ok(())
    })?;
    Ok(())
}

fn persons(w: &mut W, e: &FrabEvent) -> io::Result<()> {
    w.create_element("persons").write_inner_content(|w| {
        for p in &e.persons {
            w.create_element("person").with_attribute(("guid", p.guid.as_str())).write_text_content(BytesText::new(&p.name))?;
        }
        Ok(())
    })?;
    Ok(())
}
