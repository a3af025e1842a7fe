//! Room hosts from the published agenda: one shift per run of talks in a room, and what applying
//! them again after a schedule change creates, moves or deletes.
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::programme::{Programme, Session};
use crate::timetable::Kind;

/// How host shifts wrap the talks they serve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostRule {
    /// The host arrives this long before the first talk…
    pub minutes_before: i64,
    /// …and stays this long after the last.
    pub minutes_after: i64,
    pub seats: i32,
    /// A gap between two talks longer than this ends a run: nobody waits an hour in an empty room.
    pub max_gap_minutes: i64,
}

impl Default for HostRule {
    fn default() -> Self {
        HostRule { minutes_before: 10, minutes_after: 0, seats: 1, max_gap_minutes: 20 }
    }
}

/// A host shift the agenda calls for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesiredShift {
    /// Room and first talk's schedule item: the same after the talks move, so a shift already
    /// generated is moved rather than replaced.
    pub key: String,
    pub room_id: i32,
    pub room: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub first_talk: String,
}

/// A host shift generated earlier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedShift {
    pub shift_id: i32,
    pub key: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub seats_taken: i32,
}

/// What applying the host shifts would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostPlan {
    pub create: Vec<DesiredShift>,
    pub moved: Vec<(i32, DesiredShift)>,
    pub delete: Vec<i32>,
    pub unchanged: Vec<i32>,
}

impl HostPlan {
    /// Nothing to create, move or delete.
    pub fn is_empty(&self) -> bool {
        self.create.is_empty() && self.moved.is_empty() && self.delete.is_empty()
    }

    /// The moved or deleted shifts that volunteers had signed up for: they are to be told.
    pub fn touching_volunteers(&self, existing: &[GeneratedShift]) -> Vec<i32> {
        let changed = self.moved.iter().map(|(id, _)| *id).chain(self.delete.iter().copied());
        changed.filter(|id| existing.iter().any(|e| e.shift_id == *id && e.seats_taken > 0)).collect()
    }
}

pub fn host_key(room_id: i32, first_item: i32) -> String {
    format!("host:{room_id}:{first_item}")
}

/// Whether a session takes place in `room`: an item with no rooms spans them all.
fn in_room(s: &Session, room: i32) -> bool {
    s.room_ids.is_empty() || s.room_ids.contains(&room)
}

/// The room ids of the programme: its rooms in order, then any only its sessions name.
fn room_ids(p: &Programme) -> Vec<i32> {
    let mut ids: Vec<i32> = p.rooms.iter().map(|r| r.id).collect();
    let mut extra: Vec<i32> = p.sessions.iter().flat_map(|s| s.room_ids.iter().copied()).filter(|id| !ids.contains(id)).collect();
    extra.sort();
    extra.dedup();
    ids.extend(extra);
    ids
}

/// The talks of one room split into runs: consecutive talks stay together unless something else
/// (a break, a lunch, a plenary…) happens in the room between them or the gap exceeds `max_gap`.
fn runs(p: &Programme, room: i32, max_gap: Duration) -> Vec<Vec<&Session>> {
    let mut talks: Vec<&Session> = p.sessions.iter().filter(|s| s.kind == Kind::Talk && in_room(s, room)).collect();
    talks.sort_by_key(|s| (s.start, s.item));
    let others: Vec<&Session> = p.sessions.iter().filter(|s| s.kind != Kind::Talk && in_room(s, room)).collect();
    let split = |a: &Session, b: &Session| b.start - a.end > max_gap || others.iter().any(|o| o.start < b.start && o.end > a.end);
    let mut runs: Vec<Vec<&Session>> = Vec::new();
    for talk in talks {
        match runs.last_mut() {
            Some(run) if !split(run[run.len() - 1], talk) => run.push(talk),
            _ => runs.push(vec![talk]),
        }
    }
    runs
}

/// The host shifts the programme calls for, by start then room order. Two runs close together may
/// give overlapping shifts in one room; each keeps its own host.
pub fn desired_host_shifts(p: &Programme, rule: &HostRule) -> Vec<DesiredShift> {
    let max_gap = Duration::minutes(rule.max_gap_minutes);
    let mut shifts = Vec::new();
    for (position, room_id) in room_ids(p).into_iter().enumerate() {
        let room = p.rooms.iter().find(|r| r.id == room_id).map(|r| r.name.clone());
        for run in runs(p, room_id, max_gap) {
            let (first, last_end) = (run[0], run.iter().map(|s| s.end).max().unwrap_or(run[0].end));
            let shift = DesiredShift {
                key: host_key(room_id, first.item),
                room_id,
                room: room.clone().unwrap_or_else(|| first.room.clone()),
                start: first.start - Duration::minutes(rule.minutes_before),
                end: last_end + Duration::minutes(rule.minutes_after),
                first_talk: first.title.clone(),
            };
            shifts.push((position, shift));
        }
    }
    shifts.sort_by_key(|(position, s)| (s.start, *position));
    shifts.into_iter().map(|(_, s)| s).collect()
}

/// Matches the desired host shifts with those generated earlier, by key.
pub fn plan_hosts(desired: &[DesiredShift], existing: &[GeneratedShift]) -> HostPlan {
    let mut plan = HostPlan::default();
    let mut matched: Vec<i32> = Vec::new();
    for d in desired {
        let Some(e) = existing.iter().find(|e| e.key == d.key) else {
            plan.create.push(d.clone());
            continue;
        };
        matched.push(e.shift_id);
        if e.start == d.start && e.end == d.end {
            plan.unchanged.push(e.shift_id);
        } else {
            plan.moved.push((e.shift_id, d.clone()));
        }
    }
    // A key generated twice keeps its first shift; the other is deleted like a key gone.
    plan.delete = existing.iter().map(|e| e.shift_id).filter(|id| !matched.contains(id)).collect();
    plan
}

#[cfg(test)]
#[path = "hosts_tests.rs"]
mod tests;
