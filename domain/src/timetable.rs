//! What a schedule holds once placed: item kinds, the frozen slots of a published version, and the
//! changelog between two versions.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::schedule::GRID_MINUTES;
use crate::problem::Problem;

/// Longest item, in minutes (a full-day workshop fits).
pub const MAX_MINUTES: i64 = 600;
pub const TITLE_MAX: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Talk,
    Plenary,
    Break,
    Lunch,
    Village,
    Welcome,
    Closing,
}

impl Kind {
    /// What organisers may add besides talks, each with a usual length (the app names them).
    pub const EXTRAS: [Kind; 6] = [Kind::Plenary, Kind::Break, Kind::Lunch, Kind::Village, Kind::Welcome, Kind::Closing];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Talk => "talk",
            Kind::Plenary => "plenary",
            Kind::Break => "break",
            Kind::Lunch => "lunch",
            Kind::Village => "village",
            Kind::Welcome => "welcome",
            Kind::Closing => "closing",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        [Kind::Talk].into_iter().chain(Kind::EXTRAS).find(|k| k.key() == s.trim())
    }


    pub fn usual_minutes(self) -> i64 {
        match self {
            Kind::Talk | Kind::Plenary => 45,
            Kind::Break => 15,
            Kind::Lunch => 60,
            Kind::Village | Kind::Welcome => 30,
            Kind::Closing => 15,
        }
    }
}

/// A length typed by an organiser: whole minutes on the grid, at most `MAX_MINUTES`.
pub fn parse_minutes(s: &str) -> Result<i64, Problem> {
    let n: i64 = s.trim().parse().map_err(|_| Problem::MinutesInvalid)?;
    if n < GRID_MINUTES || n > MAX_MINUTES {
        return Err(Problem::MinutesOutOfRange { min: GRID_MINUTES, max: MAX_MINUTES });
    }
    if n % GRID_MINUTES != 0 {
        return Err(Problem::MinutesOffGrid { grid: GRID_MINUTES });
    }
    Ok(n)
}

/// The title of a break or plenary: present and not too long.
pub fn check_title(s: &str) -> Result<String, Problem> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Problem::ItemTitleMissing);
    }
    if t.chars().count() > TITLE_MAX {
        return Err(Problem::ItemTitleTooLong { max: TITLE_MAX });
    }
    Ok(t.to_string())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotSpeaker {
    pub id: i32,
    pub name: String,
}

/// One placed item as a published version froze it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub item: i32,
    pub kind: Kind,
    /// The proposal's public code, for talks.
    pub code: Option<String>,
    pub title: String,
    pub room_ids: Vec<i32>,
    /// Room names, or "All rooms".
    pub room: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub speakers: Vec<SlotSpeaker>,
    pub format: String,
    pub track: String,
}

impl Slot {
    fn same_place(&self, other: &Slot) -> bool {
        self.start == other.start && self.end == other.end && self.room_ids == other.room_ids
    }
}

/// What changed for attendees between two published versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    Added { slot: Slot },
    Removed { slot: Slot },
    Moved { before: Slot, after: Slot },
}

impl Change {
    /// The slot as it is now (or was, when removed).
    pub fn slot(&self) -> &Slot {
        match self {
            Change::Added { slot } | Change::Removed { slot } => slot,
            Change::Moved { after, .. } => after,
        }
    }
}

/// The changes from `before` to `after`, items matched by id, in the order of the new times.
pub fn changelog(before: &[Slot], after: &[Slot]) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::new();
    for slot in after {
        match before.iter().find(|b| b.item == slot.item) {
            None => changes.push(Change::Added { slot: slot.clone() }),
            Some(b) if !b.same_place(slot) => changes.push(Change::Moved { before: b.clone(), after: slot.clone() }),
            Some(_) => {}
        }
    }
    for slot in before.iter().filter(|b| !after.iter().any(|a| a.item == b.item)) {
        changes.push(Change::Removed { slot: slot.clone() });
    }
    changes.sort_by_key(|c| (c.slot().start, c.slot().item));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn slot(item: i32, hour: u32, room: i32) -> Slot {
        let start = Utc.with_ymd_and_hms(2027, 3, 10, hour, 0, 0).unwrap();
        Slot {
            item,
            kind: Kind::Talk,
            code: Some(format!("T{item}")),
            title: format!("Talk {item}"),
            room_ids: vec![room],
            room: format!("Room {room}"),
            start,
            end: start + chrono::Duration::minutes(40),
            speakers: vec![],
            format: "Short talk".into(),
            track: String::new(),
        }
    }

    #[test]
    fn the_changelog_lists_added_moved_and_removed_items() {
        let before = [slot(1, 9, 1), slot(2, 10, 1), slot(3, 11, 1)];
        let after = [slot(1, 9, 1), slot(2, 14, 2), slot(4, 8, 1)];
        let changes = changelog(&before, &after);
        assert_eq!(
            changes,
            [
                Change::Added { slot: slot(4, 8, 1) },
                Change::Removed { slot: slot(3, 11, 1) },
                Change::Moved { before: slot(2, 10, 1), after: slot(2, 14, 2) },
            ]
        );
    }

    #[test]
    fn an_unchanged_schedule_has_an_empty_changelog() {
        let same = [slot(1, 9, 1), slot(2, 10, 1)];
        assert!(changelog(&same, &same).is_empty());
        // A new room alone is a move too.
        assert_eq!(changelog(&[slot(1, 9, 1)], &[slot(1, 9, 2)]).len(), 1);
    }

    #[test]
    fn lengths_and_titles_are_checked() {
        assert_eq!(parse_minutes(" 40 "), Ok(40));
        assert_eq!(parse_minutes("42"), Err(Problem::MinutesOffGrid { grid: 5 }));
        assert_eq!(parse_minutes("0"), Err(Problem::MinutesOutOfRange { min: 5, max: 600 }));
        assert_eq!(parse_minutes("forty"), Err(Problem::MinutesInvalid));
        assert_eq!(check_title("  "), Err(Problem::ItemTitleMissing));
        assert_eq!(check_title(&"x".repeat(121)), Err(Problem::ItemTitleTooLong { max: 120 }));
        assert_eq!(check_title(" Lunch ").unwrap(), "Lunch");
        assert_eq!(Kind::parse("lunch"), Some(Kind::Lunch));
        assert_eq!(Kind::parse("nap"), None);
    }
}
