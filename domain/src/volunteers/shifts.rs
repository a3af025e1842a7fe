//! A shift as an organiser types it, and a block of hours cut into shifts of equal length.
use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{parse_day, within};
use crate::problem::{collect, FieldProblem, Problem};
use crate::text::typed_len;

pub const PLACE_MAX: usize = 80;
pub const TITLE_MAX: usize = 120;
pub const NOTES_MAX: usize = 2000;
pub const SEATS_MIN: i32 = 1;
pub const SEATS_MAX: i32 = 200;
/// Shortest and longest shift a block may be cut into, in minutes.
pub const CUT_MINUTES_MIN: u32 = 15;
pub const CUT_MINUTES_MAX: u32 = 720;
/// Most shifts one cut may make.
pub const CUT_PIECES_MAX: usize = 48;

/// The shift form, as typed. `day` is YYYY-MM-DD and `start`/`end` HH:MM, local to the event; a
/// shift ends on the day it starts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftForm {
    pub team_id: String,
    pub place: String,
    /// Optional: the team's name stands in for it.
    pub title: String,
    pub day: String,
    pub start: String,
    pub end: String,
    pub seats: String,
    pub notes: String,
}

fn parse_clock(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").ok()
}

fn parse_seats(s: &str) -> Option<i32> {
    s.trim().parse().ok().filter(|n| (SEATS_MIN..=SEATS_MAX).contains(n))
}

fn team_problem(team_id: &str, known_team_ids: &[i32]) -> Option<Problem> {
    let known = team_id.trim().parse::<i32>().is_ok_and(|id| known_team_ids.contains(&id));
    (!known).then_some(Problem::TeamUnknown)
}

fn place_problem(place: &str) -> Option<Problem> {
    match typed_len(place.trim()) {
        0 => Some(Problem::PlaceMissing),
        n if n > PLACE_MAX => Some(Problem::AtMost { max: PLACE_MAX }),
        _ => None,
    }
}

fn at_most(text: &str, max: usize) -> Option<Problem> {
    (typed_len(text.trim()) > max).then_some(Problem::AtMost { max })
}

pub(super) fn day_problem(day: &str, event_days: (NaiveDate, NaiveDate)) -> Option<Problem> {
    match parse_day(day) {
        None => Some(Problem::DayInvalid),
        Some(d) if !within(d, event_days) => Some(Problem::DayOutsideEvent { first: event_days.0, last: event_days.1 }),
        Some(_) => None,
    }
}

fn end_problem(start: &str, end: &str) -> Option<Problem> {
    match (parse_clock(start), parse_clock(end)) {
        (_, None) => Some(Problem::ClockInvalid),
        (Some(s), Some(e)) if e <= s => Some(Problem::EndNotAfterStart),
        _ => None,
    }
}

/// Checks the shift form against the event's teams and days (first and last, inclusive).
pub fn shift_form_errors(form: &ShiftForm, known_team_ids: &[i32], event_days: (NaiveDate, NaiveDate)) -> Vec<FieldProblem> {
    collect([
        ("team_id", team_problem(&form.team_id, known_team_ids)),
        ("place", place_problem(&form.place)),
        ("title", at_most(&form.title, TITLE_MAX)),
        ("day", day_problem(&form.day, event_days)),
        ("start", parse_clock(&form.start).is_none().then_some(Problem::ClockInvalid)),
        ("end", end_problem(&form.start, &form.end)),
        ("seats", parse_seats(&form.seats).is_none().then_some(Problem::SeatsInvalid { min: SEATS_MIN, max: SEATS_MAX })),
        ("notes", at_most(&form.notes, NOTES_MAX)),
    ])
}

/// The day, local start and end, and seats of a form that `shift_form_errors` accepted.
pub fn parsed_shift(form: &ShiftForm) -> Option<(NaiveDate, NaiveTime, NaiveTime, i32)> {
    Some((parse_day(&form.day)?, parse_clock(&form.start)?, parse_clock(&form.end)?, parse_seats(&form.seats)?))
}

/// Cuts `start`–`end` (one day) into shifts of `minutes`; a shorter remainder at the end is a shift
/// of its own, so the whole block stays covered.
pub fn cut_block(start: NaiveTime, end: NaiveTime, minutes: u32) -> Result<Vec<(NaiveTime, NaiveTime)>, Problem> {
    if !(CUT_MINUTES_MIN..=CUT_MINUTES_MAX).contains(&minutes) {
        return Err(Problem::MinutesOutOfRange { min: CUT_MINUTES_MIN.into(), max: CUT_MINUTES_MAX.into() });
    }
    if end <= start {
        return Err(Problem::EndNotAfterStart);
    }
    let step = Duration::minutes(minutes.into());
    let pieces = (end - start).num_seconds().unsigned_abs().div_ceil(60 * u64::from(minutes));
    if pieces > CUT_PIECES_MAX as u64 {
        return Err(Problem::TooManyShifts { max: CUT_PIECES_MAX });
    }
    let mut shifts = Vec::new();
    let mut from = start;
    while from < end {
        // `end` is after `from` on the same day, so adding less than their distance cannot wrap.
        let to = if end - from > step { from + step } else { end };
        shifts.push((from, to));
        from = to;
    }
    Ok(shifts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::fields;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn days() -> (NaiveDate, NaiveDate) {
        (day(10), day(11))
    }

    fn valid() -> ShiftForm {
        ShiftForm {
            team_id: "3".into(),
            place: "Hall A".into(),
            title: String::new(),
            day: "2027-03-11".into(),
            start: "09:00".into(),
            end: "11:30".into(),
            seats: " 4 ".into(),
            notes: "Badges".into(),
        }
    }

    #[test]
    fn a_valid_shift_has_no_errors_and_parses() {
        assert_eq!(shift_form_errors(&valid(), &[3, 4], days()), []);
        assert_eq!(parsed_shift(&valid()), Some((day(11), t(9, 0), t(11, 30), 4)));
    }

    #[test]
    fn every_field_is_checked() {
        let form = ShiftForm {
            team_id: "9".into(),
            place: " ".into(),
            title: "x".repeat(TITLE_MAX + 1),
            day: "2027-03-12".into(),
            start: "9h".into(),
            end: "25:00".into(),
            seats: "0".into(),
            notes: "x".repeat(NOTES_MAX + 1),
        };
        let errors = shift_form_errors(&form, &[3], days());
        assert_eq!(fields(&errors), ["team_id", "place", "title", "day", "start", "end", "seats", "notes"]);
        let problems: Vec<Problem> = errors.into_iter().map(|e| e.problem).collect();
        assert_eq!(
            problems,
            [
                Problem::TeamUnknown,
                Problem::PlaceMissing,
                Problem::AtMost { max: 120 },
                Problem::DayOutsideEvent { first: day(10), last: day(11) },
                Problem::ClockInvalid,
                Problem::ClockInvalid,
                Problem::SeatsInvalid { min: 1, max: 200 },
                Problem::AtMost { max: 2000 },
            ]
        );
        assert_eq!(parsed_shift(&form), None);
    }

    #[test]
    fn lengths_team_and_day_have_their_limits() {
        let errors = |f: ShiftForm| shift_form_errors(&f, &[3], days());
        assert_eq!(errors(ShiftForm { place: "é".repeat(PLACE_MAX), notes: "x".repeat(NOTES_MAX), ..valid() }), []);
        assert_eq!(errors(ShiftForm { place: "x".repeat(PLACE_MAX + 1), ..valid() })[0].problem, Problem::AtMost { max: 80 });
        assert_eq!(fields(&errors(ShiftForm { team_id: String::new(), ..valid() })), ["team_id"]);
        assert_eq!(fields(&errors(ShiftForm { team_id: "three".into(), ..valid() })), ["team_id"]);
        assert_eq!(errors(ShiftForm { day: "11/03/2027".into(), ..valid() })[0].problem, Problem::DayInvalid);
        assert_eq!(errors(ShiftForm { day: "2027-03-09".into(), ..valid() })[0].field, "day");
        assert_eq!(errors(ShiftForm { day: "2027-03-10".into(), ..valid() }), [], "the first day is one of the event's");
    }

    #[test]
    fn the_end_comes_after_the_start() {
        let same = shift_form_errors(&ShiftForm { end: "09:00".into(), ..valid() }, &[3], days());
        assert_eq!(same, [FieldProblem::new("end", Problem::EndNotAfterStart)]);
        let before = shift_form_errors(&ShiftForm { end: "08:59".into(), ..valid() }, &[3], days());
        assert_eq!(before, [FieldProblem::new("end", Problem::EndNotAfterStart)]);
        // An unreadable start is said once, on the start.
        let unreadable = shift_form_errors(&ShiftForm { start: String::new(), ..valid() }, &[3], days());
        assert_eq!(unreadable, [FieldProblem::new("start", Problem::ClockInvalid)]);
    }

    #[test]
    fn seats_are_a_whole_number_from_1_to_200() {
        let seats = |s: &str| shift_form_errors(&ShiftForm { seats: s.into(), ..valid() }, &[3], days());
        assert_eq!(seats("1"), []);
        assert_eq!(seats("200"), []);
        for bad in ["201", "-1", "2.5", "", "many"] {
            assert_eq!(fields(&seats(bad)), ["seats"], "{bad}");
        }
    }

    #[test]
    fn a_block_is_cut_into_equal_shifts() {
        let cut = cut_block(t(8, 0), t(18, 0), 120).unwrap();
        assert_eq!(cut.len(), 5);
        assert_eq!(cut[0], (t(8, 0), t(10, 0)));
        assert_eq!(cut[4], (t(16, 0), t(18, 0)));
        assert!(cut.windows(2).all(|w| w[0].1 == w[1].0), "no gaps between shifts");
    }

    #[test]
    fn the_last_remainder_is_a_shorter_shift() {
        let cut = cut_block(t(8, 0), t(9, 0), 45).unwrap();
        assert_eq!(cut, [(t(8, 0), t(8, 45)), (t(8, 45), t(9, 0))]);
        assert_eq!(cut_block(t(8, 0), t(8, 10), 15).unwrap(), [(t(8, 0), t(8, 10))], "a block shorter than one shift");
        assert_eq!(cut_block(t(22, 0), t(23, 59), 60).unwrap().last(), Some(&(t(23, 0), t(23, 59))));
    }

    #[test]
    fn cuts_have_limits() {
        let out_of_range = Err(Problem::MinutesOutOfRange { min: 15, max: 720 });
        assert_eq!(cut_block(t(8, 0), t(18, 0), 14), out_of_range);
        assert_eq!(cut_block(t(8, 0), t(18, 0), 721), out_of_range);
        assert_eq!(cut_block(t(8, 0), t(20, 0), 720).unwrap().len(), 1);
        assert_eq!(cut_block(t(10, 0), t(10, 0), 60), Err(Problem::EndNotAfterStart));
        assert_eq!(cut_block(t(18, 0), t(8, 0), 60), Err(Problem::EndNotAfterStart));
        // 12 hours by 15 minutes is 48 shifts; one more minute would make 49.
        assert_eq!(cut_block(t(8, 0), t(20, 0), 15).unwrap().len(), 48);
        assert_eq!(cut_block(t(8, 0), t(20, 1), 15), Err(Problem::TooManyShifts { max: 48 }));
    }
}
