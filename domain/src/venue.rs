//! Rooms and opening hours of an event, as organisers type them: pure checks shared by the server
//! and the browser.
use serde::{Deserialize, Serialize};

use super::accounts::collect;
use super::schedule::GRID_MINUTES;
use crate::error::FieldError;

pub const ROOM_NAME_MAX: usize = 60;
pub const ROOM_DESCRIPTION_MAX: usize = 500;
pub const ROOM_CAPACITY_MAX: i32 = 10_000;
/// The hours a new event day starts with.
pub const DEFAULT_OPENS: &str = "09:00";
pub const DEFAULT_CLOSES: &str = "18:00";

/// A room as typed by organisers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomForm {
    pub name: String,
    /// Empty when unknown.
    pub capacity: String,
    pub description: String,
}

fn chars(s: &str) -> usize {
    s.trim().chars().count()
}

/// The capacity typed: `Ok(None)` when empty, `Err` when it is not 1 to 10 000.
pub fn parse_capacity(typed: &str) -> Result<Option<i32>, String> {
    let t = typed.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i32>() {
        Ok(n) if (1..=ROOM_CAPACITY_MAX).contains(&n) => Ok(Some(n)),
        _ => Err(format!("Leave empty if unknown, or give a number of seats from 1 to {ROOM_CAPACITY_MAX}.")),
    }
}

pub fn room_errors(form: &RoomForm) -> Vec<FieldError> {
    let name = match chars(&form.name) {
        0 => Some("Please enter a name.".to_string()),
        n if n > ROOM_NAME_MAX => Some(format!("Use at most {ROOM_NAME_MAX} characters (you have {n}).")),
        _ => None,
    };
    let n = chars(&form.description);
    let description =
        (n > ROOM_DESCRIPTION_MAX).then(|| format!("Use at most {ROOM_DESCRIPTION_MAX} characters (you have {n})."));
    collect([("name", name), ("capacity", parse_capacity(&form.capacity).err()), ("description", description)])
}

/// Minutes since midnight of a 24-hour "HH:MM", or why it is not one on the 5-minute grid.
pub fn parse_clock(typed: &str) -> Result<u32, String> {
    let t = typed.trim();
    let bad = || "Enter a time like 09:30 (24-hour clock).".to_string();
    let (h, m) = t.split_once(':').ok_or_else(bad)?;
    let digits = |s: &str| s.len() == 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 23 || m > 59 {
        return Err(bad());
    }
    if i64::from(m) % GRID_MINUTES != 0 {
        return Err(format!("Use a multiple of {GRID_MINUTES} minutes, like 09:05 or 09:10."));
    }
    Ok(h * 60 + m)
}

/// Checks a day's opening hours (`opens`, `closes`: "HH:MM" in the event's zone).
pub fn day_hours_errors(opens: &str, closes: &str) -> Vec<FieldError> {
    let o = parse_clock(opens);
    let c = parse_clock(closes);
    let order = match (&o, &c) {
        (Ok(o), Ok(c)) if c <= o => Some("The day must close after it opens.".to_string()),
        _ => None,
    };
    collect([("opens", o.err()), ("closes", c.err().or(order))])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room(name: &str, capacity: &str, description: &str) -> RoomForm {
        RoomForm { name: name.into(), capacity: capacity.into(), description: description.into() }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_room_needs_a_name_and_a_sensible_capacity() {
        assert!(room_errors(&room("Amphi Gaston Berger", "", "Ground floor, step-free.")).is_empty());
        assert!(room_errors(&room("A", "1", "")).is_empty());
        assert!(room_errors(&room(&"x".repeat(60), "10000", &"d".repeat(500))).is_empty());
        assert_eq!(fields(room_errors(&room("  ", "", ""))), ["name"]);
        assert_eq!(fields(room_errors(&room(&"x".repeat(61), "", ""))), ["name"]);
        for bad in ["0", "-3", "10001", "many", "12.5"] {
            assert_eq!(fields(room_errors(&room("Amphi", bad, ""))), ["capacity"], "{bad}");
        }
        assert_eq!(fields(room_errors(&room("", "x", &"d".repeat(501)))), ["name", "capacity", "description"]);
        assert_eq!(parse_capacity(" 300 "), Ok(Some(300)));
        assert_eq!(parse_capacity(""), Ok(None));
    }

    #[test]
    fn clock_times_are_24_hour_on_the_grid() {
        assert_eq!(parse_clock("09:00"), Ok(540));
        assert_eq!(parse_clock(" 23:55 "), Ok(1435));
        assert_eq!(parse_clock("00:00"), Ok(0));
        for bad in ["25:00", "24:00", "9:00", "09:60", "0900", "", "ab:cd", "09:00:00"] {
            assert!(parse_clock(bad).unwrap_err().contains("24-hour"), "{bad}");
        }
        assert!(parse_clock("09:03").unwrap_err().contains("multiple of 5"));
    }

    #[test]
    fn a_day_opens_before_it_closes() {
        assert!(day_hours_errors(DEFAULT_OPENS, DEFAULT_CLOSES).is_empty());
        assert_eq!(fields(day_hours_errors("18:00", "09:00")), ["closes"]);
        assert_eq!(fields(day_hours_errors("09:00", "09:00")), ["closes"]);
        assert_eq!(fields(day_hours_errors("25:00", "09:03")), ["opens", "closes"]);
        assert_eq!(fields(day_hours_errors("09:00", "09:03")), ["closes"]);
    }
}
