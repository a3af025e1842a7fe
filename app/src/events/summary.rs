//! An event as other areas show it in their page headers: one read model, so the areas that need
//! it do not reach into the events service.
use chrono::NaiveDate;

use super::EventSummary;
use crate::entities::event;

/// "12 March 2027", "12–13 March 2027" or "30 March 2027 – 1 April 2027".
pub fn dates_label(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        start.format("%-d %B %Y").to_string()
    } else if start.format("%Y-%m").to_string() == end.format("%Y-%m").to_string() {
        format!("{}–{}", start.format("%-d"), end.format("%-d %B %Y"))
    } else {
        format!("{} – {}", start.format("%-d %B %Y"), end.format("%-d %B %Y"))
    }
}

/// The header data of `e`.
pub fn summary(e: &event::Model) -> EventSummary {
    EventSummary {
        slug: e.slug.clone(),
        name: e.name.clone(),
        city: e.city.clone(),
        venue: e.venue.clone(),
        dates: dates_label(e.start_date, e.end_date),
        visibility: e.visibility.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::dates_label;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn labels_one_day_and_ranges() {
        assert_eq!(dates_label(d(2026, 10, 15), d(2026, 10, 15)), "15 October 2026");
        assert_eq!(dates_label(d(2026, 10, 15), d(2026, 10, 16)), "15–16 October 2026");
        assert_eq!(dates_label(d(2026, 9, 30), d(2026, 10, 1)), "30 September 2026 – 1 October 2026");
    }
}
