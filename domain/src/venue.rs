//! Rooms and opening hours of an event, as organisers type them: pure checks shared by the server
//! and the browser.
use serde::{Deserialize, Serialize};

use super::schedule::GRID_MINUTES;
use crate::problem::{collect, FieldProblem, Problem};

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
pub fn parse_capacity(typed: &str) -> Result<Option<i32>, Problem> {
    let t = typed.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i32>() {
        Ok(n) if (1..=ROOM_CAPACITY_MAX).contains(&n) => Ok(Some(n)),
        _ => Err(Problem::CapacityInvalid { max: ROOM_CAPACITY_MAX }),
    }
}

pub fn room_errors(form: &RoomForm) -> Vec<FieldProblem> {
    let name = match chars(&form.name) {
        0 => Some(Problem::NameMissing),
        n if n > ROOM_NAME_MAX => Some(Problem::TooLong { max: ROOM_NAME_MAX, have: n }),
        _ => None,
    };
    let n = chars(&form.description);
    let description = (n > ROOM_DESCRIPTION_MAX).then_some(Problem::TooLong { max: ROOM_DESCRIPTION_MAX, have: n });
    collect([("name", name), ("capacity", parse_capacity(&form.capacity).err()), ("description", description)])
}

/// Minutes since midnight of a 24-hour "HH:MM", or why it is not one on the 5-minute grid.
pub fn parse_clock(typed: &str) -> Result<u32, Problem> {
    let t = typed.trim();
    let bad = || Problem::ClockInvalid;
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
        return Err(Problem::ClockOffGrid { grid: GRID_MINUTES });
    }
    Ok(h * 60 + m)
}

/// Checks a day's opening hours (`opens`, `closes`: "HH:MM" in the event's zone).
pub fn day_hours_errors(opens: &str, closes: &str) -> Vec<FieldProblem> {
    let o = parse_clock(opens);
    let c = parse_clock(closes);
    let order = match (&o, &c) {
        (Ok(o), Ok(c)) if c <= o => Some(Problem::ClosesBeforeOpens),
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

    fn fields(errors: Vec<FieldProblem>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_room_needs_a_name_and_a_sensible_capacity() {
        assert!(room_errors(&room("Amphi Gaston Berger", "", "Ground floor, step-free.")).is_empty());
        assert!(room_errors(&room("A", "1", "")).is_empty());
        assert!(room_errors(&room(&"x".repeat(60), "10000", &"d".repeat(500))).is_empty());
        assert_eq!(fields(room_errors(&room("  ", "", ""))), ["name"]);
        assert_eq!(room_errors(&room(&"x".repeat(61), "", "")), [FieldProblem::new("name", Problem::TooLong { max: 60, have: 61 })]);
        for bad in ["0", "-3", "10001", "many", "12.5"] {
            assert_eq!(
                room_errors(&room("Amphi", bad, "")),
                [FieldProblem::new("capacity", Problem::CapacityInvalid { max: 10_000 })],
                "{bad}"
            );
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
            assert_eq!(parse_clock(bad), Err(Problem::ClockInvalid), "{bad}");
        }
        assert_eq!(parse_clock("09:03"), Err(Problem::ClockOffGrid { grid: 5 }));
    }

    #[test]
    fn a_day_opens_before_it_closes() {
        assert!(day_hours_errors(DEFAULT_OPENS, DEFAULT_CLOSES).is_empty());
        assert_eq!(day_hours_errors("18:00", "09:00"), [FieldProblem::new("closes", Problem::ClosesBeforeOpens)]);
        assert_eq!(fields(day_hours_errors("09:00", "09:00")), ["closes"]);
        assert_eq!(fields(day_hours_errors("25:00", "09:03")), ["opens", "closes"]);
        assert_eq!(fields(day_hours_errors("09:00", "09:03")), ["closes"]);
    }
}
