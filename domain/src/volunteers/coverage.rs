//! How well each team's shifts are staffed, who is on shift now, and the hours volunteers gave.
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// From, to.
type Span = (DateTime<Utc>, DateTime<Utc>);

/// One shift with its seats, for the coverage board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageShift {
    pub id: i32,
    pub team_id: i32,
    pub team: String,
    /// Local day in the event's zone.
    pub day: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub seats: i32,
    pub taken: i32,
}

impl CoverageShift {
    /// Seats still to fill (0 when full or over).
    pub fn shortfall(&self) -> i32 {
        (self.seats - self.taken).max(0)
    }
}

/// One team's shifts on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamCoverage {
    pub day: NaiveDate,
    pub team_id: i32,
    pub team: String,
    /// Understaffed first (largest shortfall first), then by start.
    pub shifts: Vec<CoverageShift>,
    pub needed: i32,
    /// Taken seats, each shift counting at most its seats so an overfull shift does not hide an
    /// empty one.
    pub taken: i32,
}

/// The shifts grouped by day, then team (by name), understaffed ones first.
pub fn coverage(shifts: &[CoverageShift]) -> Vec<TeamCoverage> {
    let mut groups: BTreeMap<(NaiveDate, String, i32), Vec<CoverageShift>> = BTreeMap::new();
    for s in shifts {
        groups.entry((s.day, s.team.clone(), s.team_id)).or_default().push(s.clone());
    }
    groups
        .into_iter()
        .map(|((day, team, team_id), mut shifts)| {
            shifts.sort_by_key(|s| (-s.shortfall(), s.start, s.id));
            TeamCoverage {
                day,
                team_id,
                team,
                needed: shifts.iter().map(|s| s.seats).sum(),
                taken: shifts.iter().map(|s| s.taken.min(s.seats)).sum(),
                shifts,
            }
        })
        .collect()
}

/// The shifts running at `now` (started, not ended), by start.
pub fn on_shift_now(shifts: &[CoverageShift], now: DateTime<Utc>) -> Vec<&CoverageShift> {
    let mut running: Vec<&CoverageShift> = shifts.iter().filter(|s| s.start <= now && now < s.end).collect();
    running.sort_by_key(|s| (s.start, s.id));
    running
}

/// Hours each volunteer worked on the shifts they were checked in to, given as (volunteer id,
/// start, end); time counted once where their shifts overlap, rounded to the quarter hour.
pub fn hours_worked(checked_in: &[(i32, DateTime<Utc>, DateTime<Utc>)]) -> BTreeMap<i32, f64> {
    let mut by_volunteer: BTreeMap<i32, Vec<Span>> = BTreeMap::new();
    for (volunteer, start, end) in checked_in.iter().filter(|(_, s, e)| e > s) {
        by_volunteer.entry(*volunteer).or_default().push((*start, *end));
    }
    let mut hours: BTreeMap<i32, f64> = checked_in.iter().map(|(v, ..)| (*v, 0.0)).collect();
    for (volunteer, mut spans) in by_volunteer {
        spans.sort();
        let mut seconds = 0;
        let mut covered_until: Option<DateTime<Utc>> = None;
        for (start, end) in spans {
            let from = covered_until.map_or(start, |c| c.max(start));
            if end > from {
                seconds += (end - from).num_seconds();
                covered_until = Some(end);
            }
        }
        hours.insert(volunteer, (seconds as f64 / 900.0).round() / 4.0);
    }
    hours
}

#[cfg(test)]
#[path = "coverage_tests.rs"]
mod tests;
