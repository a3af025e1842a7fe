//! Rules of a schedule: where an item may go (hard conflicts, refused) and what deserves a second
//! look (warnings, allowed). The builder in the browser and the server call the same `check`.
use chrono::{DateTime, Duration, Timelike, Utc};
use serde::{Deserialize, Serialize};

use crate::problem::Problem;

/// Items start and end on a 5-minute grid.
pub const GRID_MINUTES: i64 = 5;
/// Two talks of one speaker closer than this are "back to back".
pub const MIN_GAP_MINUTES: i64 = 10;

/// Something placed (or about to be placed) on the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub item: i32,
    pub title: String,
    /// The rooms it occupies: one for a talk, several or all for a plenary or a break.
    pub rooms: Vec<i32>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Speakers (owner and co-speakers) by user id; empty for breaks.
    pub speakers: Vec<i32>,
    /// The length its format gives, when it is a talk.
    pub format_minutes: Option<i64>,
}

impl Placement {
    fn overlaps(&self, other: &Placement) -> bool {
        self.start < other.end && other.start < self.end
    }

    fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Room {
    pub id: i32,
    pub name: String,
    pub capacity: Option<u32>,
}

/// The opening hours of one event day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// A time a speaker said they cannot speak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unavailable {
    pub speaker: i32,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// Refused: the schedule would be impossible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hard {
    NotOnGrid,
    EmptyOrReversed,
    OutsideDay,
    RoomTaken { room: String, other: String },
    SpeakerElsewhere { other: String },
}

/// Allowed, but listed in the conflicts panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Warning {
    DurationDiffers { format_minutes: i64, minutes: i64 },
    SpeakerUnavailable,
    RoomTooSmall { room: String, capacity: u32, expected: u32 },
    BackToBack { other: String },
}

impl Hard {
    /// What to tell the organiser (the app words it in their language).
    pub fn problem(&self) -> Problem {
        match self {
            Hard::NotOnGrid => Problem::NotOnGrid { grid: GRID_MINUTES },
            Hard::EmptyOrReversed => Problem::EmptyOrReversed,
            Hard::OutsideDay => Problem::OutsideDay,
            Hard::RoomTaken { room, other } => Problem::RoomTaken { room: room.clone(), other: other.clone() },
            Hard::SpeakerElsewhere { other } => Problem::SpeakerElsewhere { other: other.clone() },
        }
    }
}

impl Warning {
    /// What to tell the organiser (the app words it in their language).
    pub fn problem(&self) -> Problem {
        match self {
            Warning::DurationDiffers { format_minutes, minutes } => {
                Problem::DurationDiffers { format_minutes: *format_minutes, minutes: *minutes }
            }
            Warning::SpeakerUnavailable => Problem::SpeakerUnavailable,
            Warning::RoomTooSmall { room, capacity, expected } => {
                Problem::RoomTooSmall { room: room.clone(), capacity: *capacity, expected: *expected }
            }
            Warning::BackToBack { other } => Problem::BackToBack { other: other.clone(), gap: MIN_GAP_MINUTES },
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub hard: Vec<Hard>,
    pub warnings: Vec<Warning>,
}

impl Verdict {
    pub fn allowed(&self) -> bool {
        self.hard.is_empty()
    }
}

/// What the schedule around a placement looks like.
pub struct Context<'a> {
    /// Everything else already placed (the candidate itself, if moved, is skipped by item id).
    pub others: &'a [Placement],
    pub day: DayHours,
    pub rooms: &'a [Room],
    pub unavailable: &'a [Unavailable],
    /// How many people are expected at the candidate (later: favourites), if known.
    pub expected: Option<u32>,
}

fn on_grid(t: DateTime<Utc>) -> bool {
    t.second() == 0 && t.nanosecond() == 0 && i64::from(t.minute()) % GRID_MINUTES == 0
}

fn room_name(rooms: &[Room], id: i32) -> String {
    rooms.iter().find(|r| r.id == id).map(|r| r.name.clone()).unwrap_or_else(|| format!("#{id}"))
}

/// Checks a placement against the rest of the schedule.
pub fn check(candidate: &Placement, ctx: &Context) -> Verdict {
    let mut v = Verdict::default();
    if candidate.end <= candidate.start {
        v.hard.push(Hard::EmptyOrReversed);
        return v;
    }
    if !on_grid(candidate.start) || !on_grid(candidate.end) {
        v.hard.push(Hard::NotOnGrid);
    }
    if candidate.start < ctx.day.start || candidate.end > ctx.day.end {
        v.hard.push(Hard::OutsideDay);
    }
    let others = ctx.others.iter().filter(|o| o.item != candidate.item);
    for o in others.clone().filter(|o| o.overlaps(candidate)) {
        if let Some(room) = candidate.rooms.iter().find(|r| o.rooms.contains(r)) {
            v.hard.push(Hard::RoomTaken { room: room_name(ctx.rooms, *room), other: o.title.clone() });
        }
        if candidate.speakers.iter().any(|s| o.speakers.contains(s)) {
            v.hard.push(Hard::SpeakerElsewhere { other: o.title.clone() });
        }
    }
    if let Some(format_minutes) = candidate.format_minutes.filter(|m| *m != candidate.minutes()) {
        v.warnings.push(Warning::DurationDiffers { format_minutes, minutes: candidate.minutes() });
    }
    let unavailable =
        ctx.unavailable.iter().any(|u| candidate.speakers.contains(&u.speaker) && u.start < candidate.end && candidate.start < u.end);
    if unavailable {
        v.warnings.push(Warning::SpeakerUnavailable);
    }
    if let Some(expected) = ctx.expected {
        for r in ctx.rooms.iter().filter(|r| candidate.rooms.contains(&r.id)) {
            if let Some(capacity) = r.capacity.filter(|c| *c < expected) {
                v.warnings.push(Warning::RoomTooSmall { room: r.name.clone(), capacity, expected });
            }
        }
    }
    let gap = Duration::minutes(MIN_GAP_MINUTES);
    for o in others.filter(|o| !o.overlaps(candidate) && candidate.speakers.iter().any(|s| o.speakers.contains(s))) {
        let between = if o.end <= candidate.start { candidate.start - o.end } else { o.start - candidate.end };
        if between < gap {
            v.warnings.push(Warning::BackToBack { other: o.title.clone() });
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 10, h, m, 0).unwrap()
    }

    fn talk(item: i32, room: i32, start: (u32, u32), minutes: i64, speakers: &[i32]) -> Placement {
        let s = at(start.0, start.1);
        Placement {
            item,
            title: format!("Talk {item}"),
            rooms: vec![room],
            start: s,
            end: s + Duration::minutes(minutes),
            speakers: speakers.to_vec(),
            format_minutes: Some(40),
        }
    }

    fn rooms() -> Vec<Room> {
        vec![Room { id: 1, name: "Amphi".into(), capacity: Some(300) }, Room { id: 2, name: "Atelier".into(), capacity: Some(40) }]
    }

    fn verdict(candidate: &Placement, others: &[Placement], unavailable: &[Unavailable], expected: Option<u32>) -> Verdict {
        let rooms = rooms();
        let ctx = Context { others, day: DayHours { start: at(8, 0), end: at(18, 0) }, rooms: &rooms, unavailable, expected };
        check(candidate, &ctx)
    }

    #[test]
    fn a_free_slot_is_fine() {
        let v = verdict(&talk(1, 1, (9, 0), 40, &[7]), &[talk(2, 1, (10, 0), 40, &[8])], &[], None);
        assert_eq!(v, Verdict::default());
    }

    #[test]
    fn one_room_holds_one_item_at_a_time() {
        let v = verdict(&talk(1, 1, (9, 0), 40, &[7]), &[talk(2, 1, (9, 35), 40, &[8])], &[], None);
        assert_eq!(v.hard, [Hard::RoomTaken { room: "Amphi".into(), other: "Talk 2".into() }]);
        // Ending when the next one starts is not an overlap.
        assert!(verdict(&talk(1, 1, (9, 0), 40, &[7]), &[talk(2, 1, (9, 40), 40, &[8])], &[], None).allowed());
    }

    #[test]
    fn a_plenary_across_rooms_blocks_each_of_them() {
        let mut lunch = talk(9, 1, (12, 0), 60, &[]);
        lunch.rooms = vec![1, 2];
        lunch.format_minutes = None;
        let v = verdict(&talk(1, 2, (12, 30), 40, &[7]), &[lunch], &[], None);
        assert_eq!(v.hard, [Hard::RoomTaken { room: "Atelier".into(), other: "Talk 9".into() }]);
    }

    #[test]
    fn a_co_speaker_cannot_be_in_two_rooms() {
        let v = verdict(&talk(1, 2, (9, 10), 40, &[7, 8]), &[talk(2, 1, (9, 0), 40, &[8])], &[], None);
        assert_eq!(v.hard, [Hard::SpeakerElsewhere { other: "Talk 2".into() }]);
    }

    #[test]
    fn moving_an_item_does_not_conflict_with_itself() {
        let v = verdict(&talk(1, 1, (9, 5), 40, &[7]), &[talk(1, 1, (9, 0), 40, &[7])], &[], None);
        assert!(v.allowed(), "{v:?}");
    }

    #[test]
    fn items_stay_within_the_day_and_on_the_grid() {
        assert_eq!(verdict(&talk(1, 1, (17, 40), 40, &[7]), &[], &[], None).hard, [Hard::OutsideDay]);
        assert_eq!(verdict(&talk(1, 1, (7, 30), 40, &[7]), &[], &[], None).hard, [Hard::OutsideDay]);
        assert_eq!(verdict(&talk(1, 1, (9, 3), 40, &[7]), &[], &[], None).hard, [Hard::NotOnGrid]);
        assert_eq!(verdict(&talk(1, 1, (9, 0), 0, &[7]), &[], &[], None).hard, [Hard::EmptyOrReversed]);
    }

    #[test]
    fn warnings_are_listed_but_allowed() {
        let busy = [Unavailable { speaker: 7, start: at(9, 30), end: at(11, 0) }];
        let v = verdict(&talk(1, 2, (9, 0), 45, &[7]), &[talk(2, 1, (9, 50), 40, &[7])], &busy, Some(120));
        assert!(v.allowed());
        assert_eq!(
            v.warnings,
            [
                Warning::DurationDiffers { format_minutes: 40, minutes: 45 },
                Warning::SpeakerUnavailable,
                Warning::RoomTooSmall { room: "Atelier".into(), capacity: 40, expected: 120 },
                Warning::BackToBack { other: "Talk 2".into() },
            ]
        );
        assert_eq!(v.warnings[3].problem(), Problem::BackToBack { other: "Talk 2".into(), gap: 10 });
        assert_eq!(Hard::NotOnGrid.problem(), Problem::NotOnGrid { grid: 5 });
    }
}
