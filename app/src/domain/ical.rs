//! Calendar files (RFC 5545) for talks: mailed to speakers, later served to attendees.
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

/// One event of a calendar, times in UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalEvent {
    /// Stable across versions, so a calendar app updates the event rather than adding a second one.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub url: Option<String>,
}

/// The MIME type of what `calendar` builds.
pub const CONTENT_TYPE: &str = "text/calendar; charset=UTF-8; method=PUBLISH";

/// A published calendar named `name` holding `events`, stamped at `now`.
pub fn calendar(name: &str, events: &[CalEvent], now: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name(name).append_property(("METHOD", "PUBLISH"));
    for e in events {
        let mut event = Event::new();
        event.uid(&e.uid).summary(&e.summary).description(&e.description).location(&e.location).starts(e.start).ends(e.end).timestamp(now);
        if let Some(url) = &e.url {
            event.url(url);
        }
        cal.push(event.done());
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn talk() -> CalEvent {
        CalEvent {
            uid: "talk-42@estrade".into(),
            summary: "Golden paths, forty teams later; a REX".into(),
            description: "Line one\nline two".into(),
            location: "Amphi Jean Bart".into(),
            start: Utc.with_ymd_and_hms(2027, 3, 28, 8, 0, 0).unwrap(),
            end: Utc.with_ymd_and_hms(2027, 3, 28, 8, 40, 0).unwrap(),
            url: Some("https://estrade.example/events/x".into()),
        }
    }

    #[test]
    fn a_calendar_holds_each_event_in_utc_with_its_text_escaped() {
        let now = Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0).unwrap();
        let ics = calendar("Cloud Nord", &[talk(), CalEvent { uid: "talk-43@estrade".into(), ..talk() }], now);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.contains("METHOD:PUBLISH\r\n"));
        assert!(ics.contains("X-WR-CALNAME:Cloud Nord\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert!(ics.contains("UID:talk-42@estrade\r\n"));
        assert!(ics.contains("DTSTART:20270328T080000Z\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20270328T084000Z\r\n"));
        assert!(ics.contains("SUMMARY:Golden paths\\, forty teams later\\; a REX\r\n"), "{ics}");
        assert!(ics.contains("DESCRIPTION:Line one\\nline two\r\n"), "{ics}");
        assert!(ics.trim_end().ends_with("END:VCALENDAR"));
    }
}
