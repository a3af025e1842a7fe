//! Dates and times in the reader's language: "mardi 3 février 2026, 14 h 30" /
//! "Tuesday 3 February 2026, 2:30 pm". The names of days and months come from chrono's locale data;
//! the order of the parts is in the catalogue (`common.dates`), so each language sets its own.
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone};
use leptos_i18n::td_string;

use super::Locale;

/// chrono's locale data for a language (a new language adds its line here).
fn names(locale: Locale) -> chrono::Locale {
    match locale {
        Locale::en => chrono::Locale::en_GB,
        Locale::fr => chrono::Locale::fr_FR,
    }
}

/// `day` written with a catalogue pattern, with `l`'s names of days and months. The first of a
/// month is written as the catalogue says ("1er" in French).
pub fn with_pattern(l: Locale, day: NaiveDate, pattern: &str) -> String {
    let pattern = if day.day() == 1 { pattern.replace("%-d", td_string!(l, common.dates.first_of_month)) } else { pattern.to_string() };
    day.format_localized(&pattern, names(l)).to_string()
}

/// "Tuesday 3 February 2026" / "mardi 3 février 2026".
pub fn long_date(locale: Locale, day: NaiveDate) -> String {
    with_pattern(locale, day, td_string!(locale, common.dates.long_date))
}

/// "Tuesday 3 February" / "mardi 3 février".
pub fn day(locale: Locale, day: NaiveDate) -> String {
    with_pattern(locale, day, td_string!(locale, common.dates.day))
}

/// "Tue 3 Feb" / "mar. 3 févr.".
pub fn short_day(locale: Locale, day: NaiveDate) -> String {
    with_pattern(locale, day, td_string!(locale, common.dates.short_day))
}

/// "2:30 pm" / "14 h 30".
pub fn time(locale: Locale, time: NaiveTime) -> String {
    let pattern = td_string!(locale, common.dates.time);
    let at = chrono::Utc.from_utc_datetime(&NaiveDate::default().and_time(time));
    at.format_localized(&pattern, names(locale)).to_string()
}

/// "Tuesday 3 February 2026, 2:30 pm" / "mardi 3 février 2026, 14 h 30", in the zone `tz`.
pub fn long_date_time<Tz: TimeZone>(locale: Locale, at: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let local = at.naive_local();
    td_string!(locale, common.dates.date_at_time, date = long_date(locale, local.date()), time = time(locale, local.time())).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_and_time_read_as_each_language_writes_them() {
        let at = chrono::Utc.with_ymd_and_hms(2026, 2, 3, 14, 30, 0).unwrap();
        assert_eq!(long_date_time(Locale::fr, &at), "mardi 3 février 2026, 14 h 30");
        assert_eq!(long_date_time(Locale::en, &at), "Tuesday 3 February 2026, 2:30 pm");
        let d = at.date_naive();
        assert_eq!(day(Locale::fr, d), "mardi 3 février");
        assert_eq!(short_day(Locale::en, d), "Tue 3 Feb");
        assert_eq!(time(Locale::en, NaiveTime::from_hms_opt(9, 5, 0).unwrap()), "9:05 am");
        assert_eq!(time(Locale::fr, NaiveTime::from_hms_opt(9, 5, 0).unwrap()), "9 h 05");
    }

    #[test]
    fn the_first_of_a_month_reads_1er_in_french() {
        let first = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(long_date(Locale::fr, first), "jeudi 1er octobre 2026");
        assert_eq!(long_date(Locale::en, first), "Thursday 1 October 2026");
        assert_eq!(short_day(Locale::fr, first.succ_opt().unwrap()), "ven. 2 oct.");
    }
}
