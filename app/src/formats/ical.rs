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

/// Who made the file, as calendar apps show it.
pub const PRODID: &str = "-//Estrade//EN";

/// A published calendar named `name` holding `events`, stamped at `now` (DTSTAMP).
pub fn calendar(name: &str, events: &[CalEvent], now: DateTime<Utc>) -> String {
    let mut cal = header(name);
    for e in events {
        cal.push(vevent(e, now));
    }
    cal.done().to_string()
}

/// VERSION, PRODID, CALSCALE, METHOD and the calendar's name (NAME and X-WR-CALNAME).
fn header(name: &str) -> Calendar {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .name(&one_line(name));
    cal
}

fn vevent(e: &CalEvent, now: DateTime<Utc>) -> Event {
    let mut event = Event::new();
    event
        .uid(&one_line(&e.uid))
        .summary(&one_line(&e.summary))
        .description(&lines(&e.description))
        .location(&one_line(&e.location))
        .starts(e.start)
        .ends(e.end)
        .timestamp(now);
    if let Some(url) = &e.url {
        event.url(&one_line(url));
    }
    event.done()
}

/// A value that must stay on its content line: every control character (CR and LF included,
/// which the calendar library leaves as they are in some properties) becomes a space, so typed
/// text can never end a line and start a property of its own.
pub fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// A multi-line text value: CRLF and bare CR become LF (which the library escapes as `\n`), other
/// control characters except tabs are dropped.
pub fn lines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect()
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

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0).unwrap()
    }

    /// The content lines as a calendar app reads them: split on CRLF, continuation lines
    /// (starting with a space or tab) joined back. Panics on a bare LF.
    fn content_lines(ics: &str) -> Vec<String> {
        let body = ics.strip_suffix("\r\n").expect("ends with CRLF");
        let mut out: Vec<String> = Vec::new();
        for physical in body.split("\r\n") {
            assert!(!physical.contains('\n') && !physical.contains('\r'), "bare line break in {physical:?}");
            assert!(physical.len() <= 75, "longer than 75 octets: {physical:?}");
            match physical.strip_prefix([' ', '\t']) {
                Some(rest) => out.last_mut().expect("a line to continue").push_str(rest),
                None => out.push(physical.to_string()),
            }
        }
        out
    }

    /// The value of the property `name` (no parameters) in `lines`, one per occurrence.
    fn values<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
        let prefix = format!("{name}:");
        lines.iter().filter_map(|l| l.strip_prefix(prefix.as_str())).collect()
    }

    #[test]
    fn a_calendar_holds_each_event_in_utc_with_its_text_escaped() {
        let ics = calendar("Cloud Nord", &[talk(), CalEvent { uid: "talk-43@estrade".into(), ..talk() }], now());
        let lines = content_lines(&ics);
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        assert_eq!(values(&lines, "VERSION"), ["2.0"]);
        assert_eq!(values(&lines, "PRODID"), [PRODID], "one PRODID, ours");
        assert_eq!(values(&lines, "METHOD"), ["PUBLISH"]);
        assert_eq!(values(&lines, "X-WR-CALNAME"), ["Cloud Nord"]);
        assert_eq!(values(&lines, "BEGIN").iter().filter(|v| **v == "VEVENT").count(), 2);
        assert_eq!(values(&lines, "END").iter().filter(|v| **v == "VEVENT").count(), 2);
        assert_eq!(values(&lines, "UID"), ["talk-42@estrade", "talk-43@estrade"]);
        assert_eq!(values(&lines, "DTSTART"), ["20270328T080000Z"; 2]);
        assert_eq!(values(&lines, "DTEND"), ["20270328T084000Z"; 2]);
        assert_eq!(values(&lines, "DTSTAMP"), ["20270301T120000Z"; 2]);
        assert_eq!(values(&lines, "SUMMARY")[0], "Golden paths\\, forty teams later\\; a REX");
        assert_eq!(values(&lines, "DESCRIPTION")[0], "Line one\\nline two");
        assert_eq!(values(&lines, "URL")[0], "https://estrade.example/events/x");
    }

    #[test]
    fn long_lines_are_folded_without_splitting_a_character() {
        let summary = "Observabilité de bout en bout — traces, métriques et journaux réconciliés à l’échelle".repeat(2);
        let ics = calendar("Cloud Nord", &[CalEvent { summary: summary.clone(), url: None, ..talk() }], now());
        assert!(ics.lines().any(|l| l.starts_with(' ')), "a folded line: {ics}");
        let lines = content_lines(&ics);
        assert_eq!(values(&lines, "SUMMARY"), [summary.replace(',', "\\,")]);
        assert!(values(&lines, "URL").is_empty(), "no URL without one");
    }

    /// Every kind of line break and control character a person can type, in each text of a calendar.
    const HOSTILE: [&str; 6] =
        ["x\rX-INJ:1", "x\nX-INJ:1", "x\r\nX-INJ:1", "x\u{0b}\u{0c}\u{1b}\u{7f}\u{85}X-INJ:1", "x\r\rX-INJ:1", "\rX-INJ:1"];

    #[test]
    fn control_characters_in_any_text_never_start_a_line() {
        for bad in HOSTILE {
            let event = CalEvent {
                uid: format!("uid{bad}"),
                summary: format!("Summary {bad}"),
                description: format!("Description {bad}"),
                location: format!("Room {bad}"),
                url: Some(format!("https://e.example/{bad}")),
                ..talk()
            };
            let ics = calendar(&format!("Cal {bad}"), &[event], now());
            let lines = content_lines(&ics);
            assert!(lines.iter().all(|l| !l.starts_with("X-INJ")), "{bad:?} made a property: {ics:?}");
            assert!(!ics.chars().any(|c| c.is_control() && c != '\r' && c != '\n'), "{bad:?} left a control character: {ics:?}");
            assert_eq!(values(&lines, "SUMMARY").len(), 1, "{bad:?}");
            assert!(values(&lines, "DESCRIPTION")[0].contains("X-INJ:1"), "the text is kept, escaped: {ics:?}");
        }
    }

    #[test]
    fn line_breaks_in_a_description_stay_line_breaks_and_one_line_values_get_spaces() {
        assert_eq!(lines("a\r\nb\rc\nd\u{1b}e\tf"), "a\nb\nc\nde\tf");
        assert_eq!(one_line("a\r\nb\rc\td"), "a  b c d");
        let ics = calendar("Cal", &[CalEvent { description: "one\r\ntwo\rthree".into(), ..talk() }], now());
        assert_eq!(values(&content_lines(&ics), "DESCRIPTION"), ["one\\ntwo\\nthree"]);
    }

    #[test]
    fn an_empty_list_is_still_a_valid_calendar() {
        let lines = content_lines(&calendar("Empty", &[], now()));
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        assert!(values(&lines, "BEGIN").iter().all(|v| *v == "VCALENDAR"));
    }
}
