//! The mails a published schedule sends: one per speaker whose talks were added or moved, with
//! the new day, time and room, queued in the publishing transaction.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entities::{event, user};
use crate::error::AppResult;
use crate::formats::ical::{calendar, CalEvent, CONTENT_TYPE};
use crate::formats::zoned::zone;
use crate::lang::{dates, Locale};
use crate::mail::{outbox, templates, Attachment, Email};
use crate::state::AppState;
use domain::timetable::{Change, Kind, Slot};
use leptos_i18n::td_string;

/// "“Title” — Thursday 11 March 2027, 10:30 am–11:10 am (Europe/Paris), Amphi (moved from …)", in `l`.
fn line(l: Locale, change: &Change, tz: chrono_tz::Tz) -> String {
    let full = |s: &Slot| {
        let start = dates::long_date_time(l, &s.start.with_timezone(&tz));
        let end = dates::time(l, s.end.with_timezone(&tz).time());
        td_string!(l, mail.scheduled.slot, start = start, end = end, zone = tz, room = &s.room).to_string()
    };
    match change {
        Change::Moved { before, after } => {
            td_string!(l, mail.scheduled.moved, title = &after.title, slot = full(after), before = full(before)).to_string()
        }
        other => td_string!(l, mail.scheduled.line, title = &other.slot().title, slot = full(other.slot())).to_string(),
    }
}

/// The talks each speaker should hear about: added or moved, by speaker id.
fn by_speaker(changes: &[Change]) -> BTreeMap<i32, Vec<&Change>> {
    let mut out: BTreeMap<i32, Vec<&Change>> = BTreeMap::new();
    for c in changes.iter().filter(|c| !matches!(c, Change::Removed { .. }) && c.slot().kind == Kind::Talk) {
        for s in &c.slot().speakers {
            out.entry(s.id).or_default().push(c);
        }
    }
    out
}

/// Attaches the talks as a calendar file; each talk keeps its UID across versions, so a calendar
/// app moves the event it already has.
fn with_calendar(l: Locale, mail: Email, e: &event::Model, slots: &[&Slot], base_url: &str, now: DateTime<Utc>) -> Email {
    let host = base_url.split("://").nth(1).unwrap_or(base_url).trim_end_matches('/');
    let events: Vec<CalEvent> = slots
        .iter()
        .map(|s| CalEvent {
            uid: format!("{}-item-{}@{host}", e.slug, s.item),
            summary: s.title.clone(),
            description: td_string!(l, mail.scheduled.calendar_description, event = &e.name).to_string(),
            location: format!("{}, {}", s.room, e.venue),
            start: s.start,
            end: s.end,
            url: Some(format!("{}/events/{}", base_url.trim_end_matches('/'), e.slug)),
        })
        .collect();
    let body = calendar(&e.name, &events, now);
    mail.with_attachment(Attachment { filename: format!("{}.ics", e.slug), content_type: CONTENT_TYPE.into(), body })
}

pub async fn queue_for_changes(
    db: &impl ConnectionTrait,
    state: &AppState,
    e: &event::Model,
    version: &str,
    changes: &[Change],
) -> AppResult<usize> {
    let tz = zone(&e.time_zone);
    let grouped = by_speaker(changes);
    if grouped.is_empty() {
        return Ok(0);
    }
    let users = user::Entity::find().filter(user::Column::Id.is_in(grouped.keys().copied().collect::<Vec<_>>())).all(db).await?;
    let link = format!("{}/proposals", state.config.base_url.trim_end_matches('/'));
    for u in &users {
        let Some(talks) = grouped.get(&u.id) else { continue };
        let l = crate::lang::for_recipient(u.language.as_deref(), Some(&e.default_language));
        let lines: Vec<String> = talks.iter().map(|c| line(l, c, tz)).collect();
        let mail = templates::talks_scheduled(l, &u.email, &u.display_name, &e.name, version, &lines, &link);
        let slots: Vec<&Slot> = talks.iter().map(|c| c.slot()).collect();
        let now = state.clock.now();
        outbox::enqueue(db, with_calendar(l, mail, e, &slots, &state.config.base_url, now), now).await?;
    }
    Ok(users.len())
}
