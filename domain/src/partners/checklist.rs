//! What an accepted partner still owes the organisers, with each item's deadline, and when to
//! remind them (once, a week before).
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days before a deadline when the reminder goes.
pub const REMIND_DAYS_BEFORE: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Item {
    Logo,
    Description,
    Staff,
    Needs,
}

impl Item {
    pub const ALL: [Item; 4] = [Item::Logo, Item::Description, Item::Staff, Item::Needs];

    pub fn as_str(self) -> &'static str {
        match self {
            Item::Logo => "logo",
            Item::Description => "description",
            Item::Staff => "staff",
            Item::Needs => "needs",
        }
    }

    pub fn parse(code: &str) -> Option<Item> {
        Item::ALL.into_iter().find(|i| i.as_str() == code)
    }
}

/// What a partner has done of each item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub logo: bool,
    pub description: bool,
    /// At least one staff pass named (when the tier gives any).
    pub staff: bool,
    pub needs: bool,
}

impl Progress {
    pub fn done(&self, item: Item) -> bool {
        match item {
            Item::Logo => self.logo,
            Item::Description => self.description,
            Item::Staff => self.staff,
            Item::Needs => self.needs,
        }
    }
}

/// The items a partner's checklist holds, in order: staff passes and booth needs only when the tier
/// gives passes / a booth.
pub fn items(gives_passes: bool, gives_booth: bool) -> Vec<Item> {
    Item::ALL
        .into_iter()
        .filter(|i| match i {
            Item::Staff => gives_passes,
            Item::Needs => gives_booth,
            _ => true,
        })
        .collect()
}

/// The items still missing, in checklist order.
pub fn missing(progress: Progress, gives_passes: bool, gives_booth: bool) -> Vec<Item> {
    items(gives_passes, gives_booth).into_iter().filter(|i| !progress.done(*i)).collect()
}

/// Whether a missing item's reminder is due on `today`: from a week before its deadline until the
/// deadline itself (after it, the organisers chase by hand).
pub fn reminder_due(deadline: Option<NaiveDate>, today: NaiveDate) -> bool {
    deadline.is_some_and(|d| today <= d && (d - today).num_days() <= REMIND_DAYS_BEFORE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    #[test]
    fn missing_items_depend_on_the_tier() {
        let p = Progress { logo: true, ..Progress::default() };
        assert_eq!(missing(p, true, true), [Item::Description, Item::Staff, Item::Needs]);
        assert_eq!(missing(p, false, false), [Item::Description]);
        let all = Progress { logo: true, description: true, staff: true, needs: true };
        assert_eq!(missing(all, true, true), []);
    }

    #[test]
    fn a_reminder_is_due_in_the_week_before_the_deadline() {
        assert!(!reminder_due(Some(day(20)), day(12)));
        assert!(reminder_due(Some(day(20)), day(13)));
        assert!(reminder_due(Some(day(20)), day(20)));
        assert!(!reminder_due(Some(day(20)), day(21)));
        assert!(!reminder_due(None, day(20)));
    }

    #[test]
    fn items_round_trip() {
        for i in Item::ALL {
            assert_eq!(Item::parse(i.as_str()), Some(i));
        }
    }
}
