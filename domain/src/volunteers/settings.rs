//! An event's volunteer settings as a lead types them, the day-before reminder's window, and what
//! editing a shift may not do to the people on it.
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::hosts::HostRule;
use super::signup::SIGN_OUT_HOURS_DEFAULT;
use crate::problem::{collect, FieldProblem, Problem};

pub const SIGN_OUT_HOURS_MAX: i64 = 168;
pub const MINUTES_BEFORE_MAX: i64 = 120;
pub const MAX_GAP_MAX: i64 = 240;
pub const CALL_TEXT_MAX: usize = 10_000;
/// A reminder leaves this many hours before the shift starts.
pub const REMINDER_HOURS: i64 = 24;

/// The settings form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsForm {
    pub sign_out_hours: String,
    pub host_minutes_before: String,
    pub host_max_gap_minutes: String,
}

/// The settings, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolunteerSettings {
    pub sign_out_hours: i64,
    pub host_minutes_before: i64,
    pub host_max_gap_minutes: i64,
}

impl Default for VolunteerSettings {
    fn default() -> Self {
        let rule = HostRule::default();
        VolunteerSettings {
            sign_out_hours: SIGN_OUT_HOURS_DEFAULT,
            host_minutes_before: rule.minutes_before,
            host_max_gap_minutes: rule.max_gap_minutes,
        }
    }
}

impl VolunteerSettings {
    /// The room-host rule these settings make.
    pub fn host_rule(&self) -> HostRule {
        HostRule { minutes_before: self.host_minutes_before, max_gap_minutes: self.host_max_gap_minutes, ..HostRule::default() }
    }
}

fn whole(typed: &str, max: i64, out_of_range: Problem) -> Result<i64, Problem> {
    match typed.trim().parse::<i64>() {
        Ok(n) if (0..=max).contains(&n) => Ok(n),
        _ => Err(out_of_range),
    }
}

/// Reads the settings form, or says which fields are wrong.
pub fn read_settings(form: &SettingsForm) -> Result<VolunteerSettings, Vec<FieldProblem>> {
    let hours = whole(&form.sign_out_hours, SIGN_OUT_HOURS_MAX, Problem::HoursOutOfRange { min: 0, max: SIGN_OUT_HOURS_MAX });
    let before = whole(&form.host_minutes_before, MINUTES_BEFORE_MAX, Problem::MinutesBetween { min: 0, max: MINUTES_BEFORE_MAX });
    let gap = whole(&form.host_max_gap_minutes, MAX_GAP_MAX, Problem::MinutesBetween { min: 0, max: MAX_GAP_MAX });
    match (hours, before, gap) {
        (Ok(sign_out_hours), Ok(host_minutes_before), Ok(host_max_gap_minutes)) => {
            Ok(VolunteerSettings { sign_out_hours, host_minutes_before, host_max_gap_minutes })
        }
        (hours, before, gap) => Err(collect([
            ("sign_out_hours", hours.err()),
            ("host_minutes_before", before.err()),
            ("host_max_gap_minutes", gap.err()),
        ])),
    }
}

/// Whether the reminder of a shift starting at `start` is due at `now`: within the last
/// `REMINDER_HOURS` before it, not once it started.
pub fn reminder_due(now: DateTime<Utc>, start: DateTime<Utc>) -> bool {
    start - Duration::hours(REMINDER_HOURS) <= now && now < start
}

/// Edited seats may not drop below the volunteers already on the shift: the lead takes someone off first.
pub fn seats_problem(seats: i32, taken: i32) -> Option<Problem> {
    (seats < taken).then_some(Problem::SeatsBelowTaken { taken })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::fields;
    use chrono::TimeZone;

    fn form(h: &str, b: &str, g: &str) -> SettingsForm {
        SettingsForm { sign_out_hours: h.into(), host_minutes_before: b.into(), host_max_gap_minutes: g.into() }
    }

    #[test]
    fn settings_are_read_within_their_bounds() {
        let s = read_settings(&form(" 48 ", "15", "30")).unwrap();
        assert_eq!(s, VolunteerSettings { sign_out_hours: 48, host_minutes_before: 15, host_max_gap_minutes: 30 });
        assert_eq!(s.host_rule().minutes_before, 15);
        assert_eq!(s.host_rule().max_gap_minutes, 30);
        assert_eq!(read_settings(&form("0", "0", "0")).unwrap().sign_out_hours, 0, "zero: leave until the start");
        assert_eq!(read_settings(&form("168", "120", "240")).unwrap().host_max_gap_minutes, 240);
        let errors = read_settings(&form("169", "-1", "ten")).unwrap_err();
        assert_eq!(fields(&errors), ["sign_out_hours", "host_minutes_before", "host_max_gap_minutes"]);
        assert_eq!(errors[0].problem, Problem::HoursOutOfRange { min: 0, max: 168 });
        assert_eq!(errors[2].problem, Problem::MinutesBetween { min: 0, max: 240 });
        assert_eq!(fields(&read_settings(&form("24", "", "20")).unwrap_err()), ["host_minutes_before"]);
    }

    #[test]
    fn the_defaults_are_the_rule_and_limit_volunteers_know() {
        let d = VolunteerSettings::default();
        assert_eq!((d.sign_out_hours, d.host_minutes_before, d.host_max_gap_minutes), (24, 10, 20));
        assert_eq!(d.host_rule(), HostRule::default());
    }

    #[test]
    fn the_reminder_is_due_in_the_last_day_before_the_start() {
        let start = Utc.with_ymd_and_hms(2027, 3, 10, 9, 0, 0).unwrap();
        assert!(!reminder_due(start - Duration::hours(25), start));
        assert!(reminder_due(start - Duration::hours(24), start), "exactly a day before");
        assert!(reminder_due(start - Duration::minutes(1), start));
        assert!(!reminder_due(start, start), "not once it started");
    }

    #[test]
    fn seats_cannot_drop_below_the_people_on_the_shift() {
        assert_eq!(seats_problem(2, 3), Some(Problem::SeatsBelowTaken { taken: 3 }));
        assert_eq!(seats_problem(3, 3), None);
        assert_eq!(seats_problem(5, 0), None);
    }
}
