//! Page data built from a `Programme` (server side: Markdown is rendered and cleaned here).
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{NowView, RoomNow, SpeakerCard, SpeakerView, StarredView, TalkLine, TalkView};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::{clock_label, zone};
use crate::lang::{dates, labels, Locale};
use crate::ui::markdown::render_markdown;
use domain::agenda::AgendaView;
use domain::programme::{overlapping_pairs, Programme, Session, Speaker};
use domain::timetable::Kind;

fn tz(p: &Programme) -> Tz {
    zone(&p.time_zone)
}

fn names(s: &Session) -> String {
    s.speakers.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
}

/// "Wed 10 Mar 09:00–09:40", in `l`.
fn short_when(l: Locale, s: &Session) -> String {
    format!("{} {}–{}", dates::short_day(l, s.day), s.start_local, s.end_local)
}

pub fn line(l: Locale, s: &Session) -> TalkLine {
    TalkLine { code: s.code.clone(), title: s.title.clone(), when: short_when(l, s), room: labels::room(l, &s.room), speakers: names(s) }
}

/// Names the agenda's days, levels and talk languages in `l` (the rules give dates and codes).
pub fn localise_agenda(v: &mut AgendaView, l: Locale) {
    for d in &mut v.days {
        if let Ok(date) = chrono::NaiveDate::parse_from_str(&d.date, "%Y-%m-%d") {
            d.label = dates::short_day(l, date);
        }
    }
    for (code, label) in &mut v.choices.levels {
        *label = labels::level(l, code);
    }
    for (code, label) in &mut v.choices.languages {
        *label = labels::language(l, code);
    }
    for row in v.groups.iter_mut().flat_map(|g| g.rows.iter_mut()) {
        row.room = labels::room(l, &row.room);
        row.level = labels::level(l, &row.level);
        row.language = labels::language(l, &row.language);
    }
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

pub fn talk(l: Locale, p: &Programme, code: &str) -> AppResult<TalkView> {
    let s = p.session(code).ok_or(AppError::NotFound)?;
    Ok(TalkView {
        slug: p.slug.clone(),
        event_name: p.name.clone(),
        code: code.to_string(),
        title: s.title.clone(),
        when: format!("{}, {}–{}", dates::day(l, s.day), s.start_local, s.end_local),
        room: labels::room(l, &s.room),
        format: s.format.clone(),
        track: s.track.clone(),
        track_colour: p.track_colour(&s.track).unwrap_or_default().to_string(),
        level: labels::level(l, &s.level),
        language_code: s.language.clone(),
        language: labels::language(l, &s.language),
        abstract_html: render_markdown(&s.abstract_md),
        speakers: s.speakers.iter().map(|r| card(r.code.as_deref().and_then(|c| p.speaker(c)), &r.name, r.code.clone())).collect(),
        partner: s.partner.clone(),
    })
}

pub fn speaker(l: Locale, p: &Programme, code: &str) -> AppResult<SpeakerView> {
    let sp = p.speaker(code).ok_or(AppError::NotFound)?;
    Ok(SpeakerView {
        slug: p.slug.clone(),
        event_name: p.name.clone(),
        card: card(Some(sp), &sp.name, Some(sp.code.clone())),
        links: sp.links.clone(),
        talks: sp.talks.iter().filter_map(|c| p.session(c)).map(|s| line(l, s)).collect(),
    })
}

/// For each room: the session under way at `now` and the next one to start (same day).
pub fn now_and_next(l: Locale, p: &Programme, now: DateTime<Utc>) -> NowView {
    let today = now.with_timezone(&tz(p)).date_naive();
    let in_room = |id: i32| p.sessions.iter().filter(move |s| s.day == today && s.room_ids.contains(&id));
    let rooms = p
        .rooms
        .iter()
        .map(|r| RoomNow {
            room: r.name.clone(),
            now: in_room(r.id).find(|s| s.start <= now && now < s.end).map(|s| line(l, s)),
            next: in_room(r.id).filter(|s| s.start > now).min_by_key(|s| s.start).map(|s| line(l, s)),
        })
        .filter(|r| r.now.is_some() || r.next.is_some())
        .collect();
    let quiet = if today < p.start_date {
        leptos_i18n::td_string!(l, agenda.event_starts_on, date = dates::long_date(l, p.start_date)).to_string()
    } else if today > p.end_date {
        leptos_i18n::td_string!(l, agenda.event_over, date = dates::long_date(l, p.end_date)).to_string()
    } else {
        leptos_i18n::td_string!(l, agenda.nothing_now).to_string()
    };
    NowView { slug: p.slug.clone(), event_name: p.name.clone(), clock: clock_label(now, tz(p)), rooms, quiet }
}

/// The talks among `codes` (unknown ones ignored) in time order, and which of them overlap.
pub fn starred(l: Locale, p: &Programme, codes: &[String]) -> StarredView {
    let mut picked: Vec<&Session> =
        p.sessions.iter().filter(|s| s.kind == Kind::Talk && s.code.as_ref().is_some_and(|c| codes.contains(c))).collect();
    picked.sort_by_key(|s| (s.start, s.item));
    let overlaps = overlapping_pairs(&picked).into_iter().map(|(a, b)| (picked[a].title.clone(), picked[b].title.clone())).collect();
    let listed: Vec<String> = picked.iter().filter_map(|s| s.code.clone()).collect();
    StarredView {
        talks: picked.into_iter().map(|s| line(l, s)).collect(),
        overlaps,
        ics: format!("/{}/faved.ics?talks={}", p.slug, listed.join(",")),
    }
}

/// Codes from a comma-separated list, trimmed, at most 200.
pub fn codes_of(list: &str) -> Vec<String> {
    list.split(',').map(str::trim).filter(|c| !c.is_empty() && c.len() <= 32).take(200).map(str::to_string).collect()
}
