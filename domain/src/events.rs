//! Rules for an event's basic settings.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accounts::collect;
use crate::error::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visibility {
    /// Listed on the home page.
    Public,
    /// Reachable by its link, not listed.
    Unlisted,
    /// Only its members and admins see it.
    Draft,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::Public, Visibility::Unlisted, Visibility::Draft];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Unlisted => "unlisted",
            Visibility::Draft => "draft",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Visibility::Public => "Public (listed)",
            Visibility::Unlisted => "Unlisted (link only)",
            Visibility::Draft => "Draft (members only)",
        }
    }

    pub fn parse(value: &str) -> Option<Visibility> {
        Visibility::ALL.into_iter().find(|v| v.as_str() == value)
    }
}

/// A slug is what appears in URLs: 3–40 lower-case letters, digits and dashes, not starting or ending with a dash.
pub fn check_slug(slug: &str) -> Option<String> {
    let ok_chars = slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let len = slug.len();
    if !(3..=40).contains(&len) || !ok_chars || slug.starts_with('-') || slug.ends_with('-') {
        Some("Use 3–40 lower-case letters, digits and dashes (e.g. cloud-nord-2026).".into())
    } else {
        None
    }
}

fn required(value: &str, max: usize, what: &str) -> Option<String> {
    let len = value.trim().chars().count();
    if len == 0 {
        Some(format!("Please enter the {what}."))
    } else if len > max {
        Some(format!("Use at most {max} characters."))
    } else {
        None
    }
}

fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// The fields of the event form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventForm {
    pub slug: String,
    pub name: String,
    pub city: String,
    pub venue: String,
    pub time_zone: String,
    pub start_date: String,
    pub end_date: String,
    pub description: String,
    pub visibility: String,
    /// The language of pages and mails when the reader's is unknown; empty means English.
    #[serde(default)]
    pub default_language: String,
}

/// Checks the event form; `tz_known` tells whether the time zone name is a real IANA zone.
pub fn event_form_errors(form: &EventForm, tz_known: bool) -> Vec<FieldError> {
    let start = parse_date(&form.start_date);
    let end = parse_date(&form.end_date);
    let dates = match (start, end) {
        (Some(s), Some(e)) if e < s => Some("The event cannot end before it starts.".to_string()),
        (Some(_), Some(_)) => None,
        _ => Some("Please enter both dates (YYYY-MM-DD).".to_string()),
    };
    collect([
        ("slug", check_slug(&form.slug)),
        ("name", required(&form.name, 120, "event name")),
        ("city", required(&form.city, 80, "city")),
        ("venue", required(&form.venue, 160, "venue")),
        ("time_zone", (!tz_known).then(|| "Use an IANA time zone such as Europe/Paris.".to_string())),
        ("end_date", dates),
        ("description", (super::text::typed_len(&form.description) > 5000).then(|| "Use at most 5,000 characters.".to_string())),
        ("visibility", Visibility::parse(&form.visibility).is_none().then(|| "Choose a visibility.".to_string())),
    ])
}

pub fn parsed_dates(form: &EventForm) -> Option<(NaiveDate, NaiveDate)> {
    Some((parse_date(&form.start_date)?, parse_date(&form.end_date)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> EventForm {
        EventForm {
            default_language: "fr".into(),
            slug: "cloud-nord-2026".into(),
            name: "Cloud Nord 2026".into(),
            city: "Lille".into(),
            venue: "Grand Palais".into(),
            time_zone: "Europe/Paris".into(),
            start_date: "2026-10-15".into(),
            end_date: "2026-10-15".into(),
            description: String::new(),
            visibility: "public".into(),
        }
    }

    #[test]
    fn a_valid_form_has_no_errors() {
        assert!(event_form_errors(&valid(), true).is_empty());
    }

    #[test]
    fn slugs_are_url_safe() {
        assert!(check_slug("cloud-nord-2026").is_none());
        for bad in ["Cloud", "cn", "-abc", "abc-", "a b c", "été-2026"] {
            assert!(check_slug(bad).is_some(), "{bad} should be refused");
        }
    }

    #[test]
    fn end_before_start_is_refused() {
        let form = EventForm { end_date: "2026-10-14".into(), ..valid() };
        let errs = event_form_errors(&form, true);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].field, "end_date");
    }

    #[test]
    fn unknown_time_zone_is_refused() {
        let errs = event_form_errors(&valid(), false);
        assert_eq!(errs[0].field, "time_zone");
    }
}
