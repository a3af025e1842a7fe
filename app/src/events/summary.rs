//! An event as other areas show it in their page headers: one read model, so the areas that need
//! it do not reach into the events service.
use chrono::{Datelike, NaiveDate};
use leptos_i18n::td_string;

use super::EventSummary;
use crate::entities::event;
use crate::lang::{dates, Locale};

/// "12 March 2027", "12–13 March 2027" or "30 March 2027 – 1 April 2027", in `l`.
pub fn dates_label(l: Locale, start: NaiveDate, end: NaiveDate) -> String {
    let full = |d: NaiveDate| dates::with_pattern(l, d, td_string!(l, common.dates.day_month_year));
    if start == end {
        full(start)
    } else if (start.year(), start.month()) == (end.year(), end.month()) {
        format!("{}–{}", dates::with_pattern(l, start, td_string!(l, common.dates.day_of_month)), full(end))
    } else {
        format!("{} – {}", full(start), full(end))
    }
}

/// The header data of `e`.
pub fn summary(e: &event::Model) -> EventSummary {
    EventSummary {
        slug: e.slug.clone(),
        name: e.name.clone(),
        city: e.city.clone(),
        venue: e.venue.clone(),
        dates: dates_label(crate::lang::use_locale(), e.start_date, e.end_date),
        visibility: e.visibility.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::{dates_label, Locale};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn labels_one_day_and_ranges() {
        assert_eq!(dates_label(Locale::en, d(2026, 10, 15), d(2026, 10, 15)), "15 October 2026");
        assert_eq!(dates_label(Locale::en, d(2026, 10, 15), d(2026, 10, 16)), "15–16 October 2026");
        assert_eq!(dates_label(Locale::en, d(2026, 9, 30), d(2026, 10, 1)), "30 September 2026 – 1 October 2026");
        assert_eq!(dates_label(Locale::fr, d(2026, 9, 30), d(2026, 10, 1)), "30 septembre 2026 – 1er octobre 2026");
        assert_eq!(dates_label(Locale::fr, d(2026, 10, 15), d(2026, 10, 16)), "15–16 octobre 2026");
    }
}
