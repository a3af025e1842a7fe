//! Local date-times in an event's time zone (server only: the zone database stays out of the wasm).
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The format of `<input type="datetime-local">`.
const INPUT_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// Reads a local date-time typed in `tz`. A time that does not exist (clocks jump forward) is refused;
/// a time that happens twice (clocks go back) means its first occurrence.
pub fn local_to_utc(typed: &str, tz: Tz) -> Result<DateTime<Utc>, String> {
    let typed = typed.trim();
    let naive = NaiveDateTime::parse_from_str(typed, INPUT_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(typed, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| "Enter a date and time like 2026-09-30T23:59.".to_string())?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(format!("This time does not exist in {tz} (the clocks change then).")),
    }
}

/// The value for a `datetime-local` input showing `t` in `tz`.
pub fn utc_to_input(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format(INPUT_FORMAT).to_string()
}

/// "Wednesday 30 September 2026, 23:59 Europe/Paris".
pub fn long_label(t: DateTime<Utc>, tz: Tz) -> String {
    format!("{} {}", t.with_timezone(&tz).format("%A %-d %B %Y, %H:%M"), tz)
}

/// "23:59 Europe/Paris".
pub fn clock_label(t: DateTime<Utc>, tz: Tz) -> String {
    format!("{} {}", t.with_timezone(&tz).format("%H:%M"), tz)
}

/// The event's zone, falling back to UTC for a name the zone database does not know.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    #[test]
    fn summer_and_winter_offsets_are_applied() {
        assert_eq!(local_to_utc("2026-06-30T23:59", PARIS).unwrap().to_rfc3339(), "2026-06-30T21:59:00+00:00");
        assert_eq!(local_to_utc("2026-10-25T23:59", PARIS).unwrap().to_rfc3339(), "2026-10-25T22:59:00+00:00");
    }

    #[test]
    fn the_spring_gap_is_refused_and_the_autumn_repeat_is_the_first() {
        assert!(local_to_utc("2026-03-29T02:30", PARIS).unwrap_err().contains("does not exist"));
        assert_eq!(local_to_utc("2026-10-25T02:30", PARIS).unwrap().to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn input_values_round_trip() {
        let t = local_to_utc("2026-10-25T23:59", PARIS).unwrap();
        assert_eq!(utc_to_input(t, PARIS), "2026-10-25T23:59");
        assert_eq!(clock_label(t, PARIS), "23:59 Europe/Paris");
        assert_eq!(long_label(t, PARIS), "Sunday 25 October 2026, 23:59 Europe/Paris");
        assert!(local_to_utc("tomorrow", PARIS).is_err());
    }
}
