//! Rules for the times a speaker says they cannot speak: what a window must be to be kept, and how
//! it reads. The same checks run in the browser and on the server; times are read in the event's
//! zone on the server (see `domain::zoned`) and checked here as instants.
use chrono::{DateTime, Duration, NaiveDateTime, Utc};

use crate::problem::{FieldProblem, Problem};

/// Longest note, in characters.
pub const NOTE_MAX: usize = 200;
/// Most windows one speaker may state for one event.
pub const MAX_WINDOWS: usize = 20;

/// A window as typed: local date-times (`<input type="datetime-local">`) and a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WindowForm {
    pub starts_at: String,
    pub ends_at: String,
    pub note: String,
}

/// What can be said without the zone: a time left empty, a note too long.
pub fn form_errors(form: &WindowForm) -> Vec<FieldProblem> {
    let mut errors = Vec::new();
    if form.starts_at.trim().is_empty() {
        errors.push(FieldProblem::new("starts_at", Problem::StartMissing));
    }
    if form.ends_at.trim().is_empty() {
        errors.push(FieldProblem::new("ends_at", Problem::EndMissing));
    }
    if let Some(e) = note_error(&form.note) {
        errors.push(e);
    }
    errors
}

pub fn note_error(note: &str) -> Option<FieldProblem> {
    (note.trim().chars().count() > NOTE_MAX).then(|| FieldProblem::new("note", Problem::NoteTooLong { max: NOTE_MAX }))
}

/// Checks a window read as instants: inside the event (`bounds`: its first day at 00:00 to the day
/// after its last at 00:00, local time; `dates` names them, in the reader's language, for the
/// message) and ending after it starts.
pub fn window_errors(start: DateTime<Utc>, end: DateTime<Utc>, bounds: (DateTime<Utc>, DateTime<Utc>), dates: &str) -> Vec<FieldProblem> {
    let (lo, hi) = bounds;
    let during = Problem::OutsideEvent { dates: dates.to_string() };
    let mut errors = Vec::new();
    if start < lo || start >= hi {
        errors.push(FieldProblem::new("starts_at", during.clone()));
    }
    if end <= lo || end > hi {
        errors.push(FieldProblem::new("ends_at", during));
    } else if end <= start {
        errors.push(FieldProblem::new("ends_at", Problem::EndNotAfterStart));
    }
    errors
}

/// The problem when a speaker already stated `existing` windows and may not add one more.
pub fn limit_problem(existing: usize) -> Option<Problem> {
    (existing >= MAX_WINDOWS).then_some(Problem::TooManyWindows { max: MAX_WINDOWS })
}

/// "Thu 11 Mar 14:00 – 16:00"; "Thu 11 Mar 14:00 – 24:00" up to midnight; "Thu 11 Mar 14:00 – Fri
/// 12 Mar 10:00" over several days. Times are local.
pub fn window_label(start: NaiveDateTime, end: NaiveDateTime) -> String {
    let from = start.format("%a %-d %b %H:%M");
    if end.date() == start.date() {
        format!("{from} – {}", end.format("%H:%M"))
    } else if end.time() == chrono::NaiveTime::MIN && end.date() - start.date() == Duration::days(1) {
        format!("{from} – 24:00")
    } else {
        format!("{from} – {}", end.format("%a %-d %b %H:%M"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, d, h, m, 0).unwrap()
    }

    fn local(d: u32, h: u32, m: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2027, 3, d).unwrap().and_hms_opt(h, m, 0).unwrap()
    }

    use crate::problem::fields;

    /// 10–11 March 2027, read in UTC for simplicity.
    fn bounds() -> (DateTime<Utc>, DateTime<Utc>) {
        (utc(10, 0, 0), utc(12, 0, 0))
    }

    #[test]
    fn empty_times_and_long_notes_are_refused() {
        let form = WindowForm { starts_at: " ".into(), ends_at: String::new(), note: "x".repeat(NOTE_MAX + 1) };
        assert_eq!(
            form_errors(&form),
            [
                FieldProblem::new("starts_at", Problem::StartMissing),
                FieldProblem::new("ends_at", Problem::EndMissing),
                FieldProblem::new("note", Problem::NoteTooLong { max: NOTE_MAX }),
            ]
        );
        let ok = WindowForm { starts_at: "2027-03-10T10:00".into(), ends_at: "2027-03-10T11:00".into(), note: "é".repeat(NOTE_MAX) };
        assert!(form_errors(&ok).is_empty(), "200 characters, not bytes");
        assert!(note_error(&format!("  {}  ", "a".repeat(NOTE_MAX))).is_none(), "spaces around do not count");
    }

    #[test]
    fn a_window_ends_after_it_starts() {
        assert!(window_errors(utc(10, 14, 0), utc(10, 16, 0), bounds(), "10–11 March").is_empty());
        let same = window_errors(utc(10, 14, 0), utc(10, 14, 0), bounds(), "10–11 March");
        assert_eq!(fields(&same), ["ends_at"]);
        assert_eq!(same[0].problem, Problem::EndNotAfterStart);
        assert_eq!(fields(&window_errors(utc(10, 16, 0), utc(10, 14, 0), bounds(), "x")), ["ends_at"]);
    }

    #[test]
    fn a_window_lies_within_the_event_days() {
        // The whole event, first minute to last, is fine.
        assert!(window_errors(utc(10, 0, 0), utc(12, 0, 0), bounds(), "x").is_empty());
        let before = window_errors(utc(9, 23, 0), utc(10, 1, 0), bounds(), "10–11 March 2027");
        assert_eq!(fields(&before), ["starts_at"]);
        assert_eq!(before[0].problem, Problem::OutsideEvent { dates: "10–11 March 2027".into() });
        assert_eq!(fields(&window_errors(utc(11, 23, 0), utc(12, 0, 1), bounds(), "x")), ["ends_at"]);
        assert_eq!(fields(&window_errors(utc(12, 0, 0), utc(12, 1, 0), bounds(), "x")), ["starts_at", "ends_at"]);
        assert_eq!(fields(&window_errors(utc(8, 1, 0), utc(9, 1, 0), bounds(), "x")), ["starts_at", "ends_at"]);
    }

    #[test]
    fn at_most_twenty_windows() {
        assert_eq!(limit_problem(MAX_WINDOWS - 1), None);
        assert_eq!(limit_problem(MAX_WINDOWS), Some(Problem::TooManyWindows { max: 20 }));
    }

    #[test]
    fn labels_read_like_a_diary() {
        assert_eq!(window_label(local(11, 14, 0), local(11, 16, 0)), "Thu 11 Mar 14:00 – 16:00");
        assert_eq!(window_label(local(11, 14, 0), local(12, 0, 0)), "Thu 11 Mar 14:00 – 24:00");
        assert_eq!(window_label(local(11, 14, 0), local(12, 10, 5)), "Thu 11 Mar 14:00 – Fri 12 Mar 10:05");
    }
}
