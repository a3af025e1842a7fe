//! Rules for an event's basic settings.
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::problem::{collect, FieldProblem, Problem};

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


    pub fn parse(value: &str) -> Option<Visibility> {
        Visibility::ALL.into_iter().find(|v| v.as_str() == value)
    }
}

/// A slug is what appears in URLs: 3–40 lower-case letters, digits and dashes, not starting or ending with a dash.
pub fn check_slug(slug: &str) -> Option<Problem> {
    let ok_chars = slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let len = slug.len();
    if !(3..=40).contains(&len) || !ok_chars || slug.starts_with('-') || slug.ends_with('-') {
        Some(Problem::SlugInvalid)
    } else {
        None
    }
}

fn required(value: &str, max: usize, missing: Problem) -> Option<Problem> {
    let len = value.trim().chars().count();
    if len == 0 {
        Some(missing)
    } else if len > max {
        Some(Problem::AtMost { max })
    } else {
        None
    }
}

/// Longest event description, in characters.
pub const DESCRIPTION_MAX: usize = 5000;

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
    /// The description in `description_language`.
    pub description: String,
    pub visibility: String,
    /// The language of pages and mails when the reader's is unknown; empty means English.
    #[serde(default)]
    pub default_language: String,
    /// The language `description` is written in (the form says which it showed); empty means the
    /// default language chosen in this same form.
    #[serde(default)]
    pub description_language: String,
    /// The description in other languages, by language code (form fields `translations[en]`).
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
}

/// Checks the event form; `tz_known` tells whether the time zone name is a real IANA zone.
pub fn event_form_errors(form: &EventForm, tz_known: bool) -> Vec<FieldProblem> {
    let start = parse_date(&form.start_date);
    let end = parse_date(&form.end_date);
    let dates = match (start, end) {
        (Some(s), Some(e)) if e < s => Some(Problem::EndBeforeStart),
        (Some(_), Some(_)) => None,
        _ => Some(Problem::DatesMissing),
    };
    collect([
        ("slug", check_slug(&form.slug)),
        ("name", required(&form.name, 120, Problem::EventNameMissing)),
        ("city", required(&form.city, 80, Problem::CityMissing)),
        ("venue", required(&form.venue, 160, Problem::VenueMissing)),
        ("time_zone", (!tz_known).then_some(Problem::TimeZoneUnknown)),
        ("end_date", dates),
        ("description", (super::text::typed_len(&form.description) > DESCRIPTION_MAX).then_some(Problem::AtMost { max: DESCRIPTION_MAX })),
        ("visibility", Visibility::parse(&form.visibility).is_none().then_some(Problem::VisibilityMissing)),
    ])
    .into_iter()
    .chain(form.translations.iter().filter(|(_, text)| super::text::typed_len(text) > DESCRIPTION_MAX).map(|(code, _)| {
        FieldProblem::new(&format!("translations[{code}]"), Problem::AtMost { max: DESCRIPTION_MAX })
    }))
    .collect()
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
            ..Default::default()
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
        assert_eq!(event_form_errors(&form, true), [FieldProblem::new("end_date", Problem::EndBeforeStart)]);
    }

    #[test]
    fn unknown_time_zone_is_refused() {
        assert_eq!(event_form_errors(&valid(), false), [FieldProblem::new("time_zone", Problem::TimeZoneUnknown)]);
        let unnamed = EventForm { name: " ".into(), city: "x".repeat(81), ..valid() };
        assert_eq!(
            event_form_errors(&unnamed, true),
            [FieldProblem::new("name", Problem::EventNameMissing), FieldProblem::new("city", Problem::AtMost { max: 80 })]
        );
    }

    #[test]
    fn each_translation_of_the_description_is_held_to_the_same_length() {
        let long = EventForm { translations: [("en".to_string(), "x".repeat(DESCRIPTION_MAX + 1))].into(), ..valid() };
        assert_eq!(event_form_errors(&long, true), [FieldProblem::new("translations[en]", Problem::AtMost { max: DESCRIPTION_MAX })]);
    }
}
