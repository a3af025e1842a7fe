//! How the volunteers' pages and mails name a shift's time: "Tuesday 3 February · 08:00–10:00" in
//! the event's zone and the reader's language.
use chrono::{DateTime, Utc};

use crate::entities::{event, volunteer_shift};
use crate::formats::zoned::zone;
use crate::lang::{dates, Locale};

/// "mardi 3 février · 08:00–10:00".
pub fn when(l: Locale, e: &event::Model, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let tz = zone(&e.time_zone);
    let (start, end) = (start.with_timezone(&tz), end.with_timezone(&tz));
    format!("{} · {}–{}", dates::day(l, start.date_naive()), start.format("%H:%M"), end.format("%H:%M"))
}

/// "08:00–10:00".
pub fn hours(e: &event::Model, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let tz = zone(&e.time_zone);
    format!("{}–{}", start.with_timezone(&tz).format("%H:%M"), end.with_timezone(&tz).format("%H:%M"))
}

/// The shift's title, else its team's name.
pub fn title(s: &volunteer_shift::Model, team: &str) -> String {
    if s.title.trim().is_empty() {
        team.to_string()
    } else {
        s.title.clone()
    }
}

/// "mardi 3 février · 14:00".
pub fn at(l: Locale, e: &event::Model, t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&zone(&e.time_zone));
    format!("{} · {}", dates::day(l, local.date_naive()), local.format("%H:%M"))
}
