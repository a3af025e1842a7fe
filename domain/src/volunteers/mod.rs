//! Rules for an event's volunteers: shifts and how organisers cut them, who may sign up for what,
//! room hosts generated from the published agenda, coverage and the hours people gave. Times are
//! instants; the caller reads typed local times in the event's zone.
use chrono::{DateTime, NaiveDate, Utc};

pub mod application;
pub mod coverage;
pub mod hosts;
pub mod settings;
pub mod shifts;
pub mod signup;

/// Whether two half-open intervals `[start, end)` intersect: a shift ending at 10:00 and one
/// starting at 10:00 do not overlap.
pub fn overlaps(a: (DateTime<Utc>, DateTime<Utc>), b: (DateTime<Utc>, DateTime<Utc>)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// `day` parsed as YYYY-MM-DD.
fn parse_day(day: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").ok()
}

/// Whether `day` is one of the event's days (`event_days`: first and last, inclusive).
fn within(day: NaiveDate, event_days: (NaiveDate, NaiveDate)) -> bool {
    event_days.0 <= day && day <= event_days.1
}

/// The calendar UID of a shift: built from its id only, so a calendar updates the shift it already
/// holds when the shift moves.
pub fn shift_uid(event_slug: &str, shift_id: i32) -> String {
    format!("shift-{shift_id}@{event_slug}.estrade")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 10, h, m, 0).unwrap()
    }

    #[test]
    fn touching_intervals_do_not_overlap() {
        assert!(!overlaps((at(9, 0), at(10, 0)), (at(10, 0), at(11, 0))));
        assert!(!overlaps((at(10, 0), at(11, 0)), (at(9, 0), at(10, 0))));
        assert!(overlaps((at(9, 0), at(10, 1)), (at(10, 0), at(11, 0))));
        assert!(overlaps((at(9, 0), at(12, 0)), (at(10, 0), at(11, 0))), "one inside the other");
    }

    #[test]
    fn days_are_read_and_bounded() {
        let d = |n| NaiveDate::from_ymd_opt(2027, 3, n).unwrap();
        assert_eq!(parse_day(" 2027-03-10 "), Some(d(10)));
        assert_eq!(parse_day("10/03/2027"), None);
        assert!(within(d(10), (d(10), d(11))) && within(d(11), (d(10), d(11))));
        assert!(!within(d(12), (d(10), d(11))) && !within(d(9), (d(10), d(11))));
    }

    #[test]
    fn a_shift_uid_depends_on_its_id_only() {
        assert_eq!(shift_uid("devconf", 42), "shift-42@devconf.estrade");
    }
}
