//! Local date-times in an event's time zone (server only: the zone database stays out of the wasm).
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::lang::{dates, Locale};

/// The format of `<input type="datetime-local">`.
const INPUT_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// Reads a local date-time typed in `tz`. A time that does not exist (clocks jump forward) is refused;
/// a time that happens twice (clocks go back) means its first occurrence.
pub fn local_to_utc(typed: &str, tz: Tz) -> Result<DateTime<Utc>, String> {
    let typed = typed.trim();
    let naive = NaiveDateTime::parse_from_str(typed, INPUT_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(typed, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| crate::tr!(events.zoned.not_a_date_time).to_string())?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(crate::tr!(events.zoned.no_such_time, zone = tz.to_string()).to_string()),
    }
}

/// The value for a `datetime-local` input showing `t` in `tz`.
pub fn utc_to_input(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format(INPUT_FORMAT).to_string()
}

/// "Wednesday 30 September 2026, 11:59 pm Europe/Paris" / "mercredi 30 septembre 2026, 23 h 59
/// Europe/Paris", in the language of the page (or server function) being answered.
pub fn long_label(t: DateTime<Utc>, tz: Tz) -> String {
    long_label_in(crate::lang::use_locale(), t, tz)
}

/// [`long_label`] in `locale`: for a mail, the recipient's language.
pub fn long_label_in(locale: Locale, t: DateTime<Utc>, tz: Tz) -> String {
    format!("{} {}", dates::long_date_time(locale, &t.with_timezone(&tz)), tz)
}

/// "11:59 pm Europe/Paris" / "23 h 59 Europe/Paris", in the language of the page being answered.
pub fn clock_label(t: DateTime<Utc>, tz: Tz) -> String {
    clock_label_in(crate::lang::use_locale(), t, tz)
}

/// [`clock_label`] in `locale`.
pub fn clock_label_in(locale: Locale, t: DateTime<Utc>, tz: Tz) -> String {
    format!("{} {}", dates::time(locale, t.with_timezone(&tz).time()), tz)
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
        assert_eq!(clock_label_in(Locale::en, t, PARIS), "11:59 pm Europe/Paris");
        assert_eq!(long_label_in(Locale::en, t, PARIS), "Sunday 25 October 2026, 11:59 pm Europe/Paris");
        assert_eq!(long_label_in(Locale::fr, t, PARIS), "dimanche 25 octobre 2026, 23 h 59 Europe/Paris");
        assert!(local_to_utc("tomorrow", PARIS).is_err());
    }
}
