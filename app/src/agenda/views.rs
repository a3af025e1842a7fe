//! Page data built from a `Programme` (server side: Markdown is rendered and cleaned here).
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{NowView, RoomNow, SpeakerCard, SpeakerView, StarredView, TalkLine, TalkView};
use domain::cfp::{Choice, Language, Level};
use domain::programme::{overlapping_pairs, Programme, Session, Speaker};
use domain::timetable::Kind;
use crate::formats::zoned::{clock_label, zone};
use crate::error::{AppError, AppResult};
use crate::ui::markdown::render_markdown;

fn tz(p: &Programme) -> Tz {
    zone(&p.time_zone)
}

fn names(s: &Session) -> String {
    s.speakers.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
}

pub fn line(s: &Session) -> TalkLine {
    TalkLine { code: s.code.clone(), title: s.title.clone(), when: s.short_when(), room: s.room.clone(), speakers: names(s) }
}

fn card(sp: Option<&Speaker>, name: &str, code: Option<String>) -> SpeakerCard {
    SpeakerCard {
        code,
        name: name.to_string(),
        photo: sp.and_then(|s| s.photo.clone()),
        bio_html: sp.map(|s| render_markdown(&s.bio_md)).unwrap_or_default(),
        company: sp.map(|s| s.company.clone()).unwrap_or_default(),
        job_title: sp.map(|s| s.job_title.clone()).unwrap_or_default(),
    }
}

pub fn talk(p: &Programme, code: &str) -> AppResult<TalkView> {
    let s = p.session(code).ok_or(AppError::NotFound)?;
    Ok(TalkView {
        slug: p.slug.clone(),
        event_name: p.name.clone(),
        code: code.to_string(),
        title: s.title.clone(),
        when: format!("{}, {}–{}", s.day.format("%A %-d %B"), s.start_local, s.end_local),
        room: s.room.clone(),
        format: s.format.clone(),
        track: s.track.clone(),
        track_colour: p.track_colour(&s.track).unwrap_or_default().to_string(),
        level: Level::label_of(&s.level),
        language: Language::label_of(&s.language),
        abstract_html: render_markdown(&s.abstract_md),
        speakers: s.speakers.iter().map(|r| card(r.code.as_deref().and_then(|c| p.speaker(c)), &r.name, r.code.clone())).collect(),
    })
}

pub fn speaker(p: &Programme, code: &str) -> AppResult<SpeakerView> {
    let sp = p.speaker(code).ok_or(AppError::NotFound)?;
    Ok(SpeakerView {
        slug: p.slug.clone(),
        event_name: p.name.clone(),
        card: card(Some(sp), &sp.name, Some(sp.code.clone())),
        links: sp.links.clone(),
        talks: sp.talks.iter().filter_map(|c| p.session(c)).map(line).collect(),
    })
}

/// For each room: the session under way at `now` and the next one to start (same day).
pub fn now_and_next(p: &Programme, now: DateTime<Utc>) -> NowView {
    let today = now.with_timezone(&tz(p)).date_naive();
    let in_room = |id: i32| p.sessions.iter().filter(move |s| s.day == today && s.room_ids.contains(&id));
    let rooms = p
        .rooms
        .iter()
        .map(|r| RoomNow {
            room: r.name.clone(),
            now: in_room(r.id).find(|s| s.start <= now && now < s.end).map(line),
            next: in_room(r.id).filter(|s| s.start > now).min_by_key(|s| s.start).map(line),
        })
        .filter(|r| r.now.is_some() || r.next.is_some())
        .collect();
    NowView { slug: p.slug.clone(), event_name: p.name.clone(), clock: clock_label(now, tz(p)), rooms }
}

/// The talks among `codes` (unknown ones ignored) in time order, and which of them overlap.
pub fn starred(p: &Programme, codes: &[String]) -> StarredView {
    let mut picked: Vec<&Session> =
        p.sessions.iter().filter(|s| s.kind == Kind::Talk && s.code.as_ref().is_some_and(|c| codes.contains(c))).collect();
    picked.sort_by_key(|s| (s.start, s.item));
    let overlaps = overlapping_pairs(&picked).into_iter().map(|(a, b)| (picked[a].title.clone(), picked[b].title.clone())).collect();
    let listed: Vec<String> = picked.iter().filter_map(|s| s.code.clone()).collect();
    StarredView {
        talks: picked.into_iter().map(line).collect(),
        overlaps,
        ics: format!("/{}/faved.ics?talks={}", p.slug, listed.join(",")),
    }
}

/// Codes from a comma-separated list, trimmed, at most 200.
pub fn codes_of(list: &str) -> Vec<String> {
    list.split(',').map(str::trim).filter(|c| !c.is_empty() && c.len() <= 32).take(200).map(str::to_string).collect()
}
