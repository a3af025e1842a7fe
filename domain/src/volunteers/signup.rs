//! Who may take, leave and check in to a shift, and who takes a seat freed on a full one.
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::overlaps;
use crate::problem::Problem;

/// Volunteers may sign out of a shift until this many hours before it starts (the event may say
/// otherwise).
pub const SIGN_OUT_HOURS_DEFAULT: i64 = 24;
/// Volunteers may check themselves in from this many minutes before their shift starts.
pub const CHECK_IN_EARLY_MINUTES: i64 = 15;

/// A shift as a volunteer considers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftSlot {
    pub id: i32,
    pub title: String,
    pub team_id: i32,
    pub team_name: String,
    /// Only volunteers the team confirmed may take it.
    pub restricted: bool,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub seats: i32,
    pub taken: i32,
}

/// What a volunteer already does during the event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolunteerPlan {
    /// (shift id, title, start, end) of the shifts they signed up for.
    pub shifts: Vec<(i32, String, DateTime<Utc>, DateTime<Utc>)>,
    /// (title, start, end) of the talks they give.
    pub talks: Vec<(String, DateTime<Utc>, DateTime<Utc>)>,
    /// The teams that confirmed them.
    pub confirmed_teams: Vec<i32>,
}

/// Why a volunteer may not take a shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    Full { taken: i32, seats: i32 },
    OverlapsShift { title: String, start: DateTime<Utc> },
    OverlapsTalk { title: String, start: DateTime<Utc> },
    NeedsTeamConfirmation { team: String },
    AlreadySignedUp,
    Started,
}

impl Refusal {
    /// What to tell the volunteer (the app words it in their language); `local` turns an instant
    /// into the event's wall-clock time.
    pub fn problem(&self, local: impl Fn(DateTime<Utc>) -> NaiveDateTime) -> Problem {
        match self {
            Refusal::Full { taken, seats } => Problem::ShiftFull { taken: *taken, seats: *seats },
            Refusal::OverlapsShift { title, start } => Problem::OverlapsShift { title: title.clone(), start: local(*start) },
            Refusal::OverlapsTalk { title, start } => Problem::OverlapsTalk { title: title.clone(), start: local(*start) },
            Refusal::NeedsTeamConfirmation { team } => Problem::NeedsTeamConfirmation { team: team.clone() },
            Refusal::AlreadySignedUp => Problem::AlreadySignedUp,
            Refusal::Started => Problem::ShiftStarted,
        }
    }
}

/// Whether `me` may take `shift` at `now`. "Full" is only said when nothing else stands in the
/// way, since a full shift offers its waiting list and the other refusals would keep them off it.
pub fn can_sign_up(shift: &ShiftSlot, me: &VolunteerPlan, now: DateTime<Utc>) -> Result<(), Refusal> {
    let during = (shift.start, shift.end);
    if me.shifts.iter().any(|(id, ..)| *id == shift.id) {
        return Err(Refusal::AlreadySignedUp);
    }
    if now >= shift.start {
        return Err(Refusal::Started);
    }
    if let Some((title, start, _)) = me.talks.iter().filter(|(_, s, e)| overlaps(during, (*s, *e))).min_by_key(|(_, s, _)| *s) {
        return Err(Refusal::OverlapsTalk { title: title.clone(), start: *start });
    }
    if let Some((_, title, start, _)) = me.shifts.iter().filter(|(_, _, s, e)| overlaps(during, (*s, *e))).min_by_key(|(_, _, s, _)| *s) {
        return Err(Refusal::OverlapsShift { title: title.clone(), start: *start });
    }
    if shift.restricted && !me.confirmed_teams.contains(&shift.team_id) {
        return Err(Refusal::NeedsTeamConfirmation { team: shift.team_name.clone() });
    }
    if shift.taken >= shift.seats {
        return Err(Refusal::Full { taken: shift.taken, seats: shift.seats });
    }
    Ok(())
}

/// Whether a refused volunteer may join the shift's waiting list instead.
pub fn may_wait(refusal: &Refusal) -> bool {
    matches!(refusal, Refusal::Full { .. })
}

/// Whether a volunteer may still leave a shift starting at `start`: no longer once `hours_before`
/// hours remain (exactly then included), so the team has time to find someone.
pub fn can_sign_out(now: DateTime<Utc>, start: DateTime<Utc>, hours_before: i64) -> bool {
    now < start - Duration::hours(hours_before)
}

/// Whether a volunteer may check themselves in: from a quarter of an hour before the start until
/// the end.
pub fn can_check_in_self(now: DateTime<Utc>, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
    start - Duration::minutes(CHECK_IN_EARLY_MINUTES) <= now && now < end
}

/// Who takes the seat just freed on `shift`: the first in the queue (earliest, then lowest id) whose
/// plan lets them take it now. `waiting` holds (volunteer id, queued at).
pub fn next_from_waitlist(
    waiting: &[(i32, DateTime<Utc>)],
    plans: impl Fn(i32) -> VolunteerPlan,
    shift: &ShiftSlot,
    now: DateTime<Utc>,
) -> Option<i32> {
    let mut queue = waiting.to_vec();
    queue.sort_by_key(|(id, at)| (*at, *id));
    queue.into_iter().map(|(id, _)| id).find(|id| matches!(can_sign_up(shift, &plans(*id), now), Ok(()) | Err(Refusal::Full { .. })))
}

#[cfg(test)]
#[path = "signup_tests.rs"]
mod tests;
