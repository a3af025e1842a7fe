//! Rules of a call for papers: levels, languages, proposal states, the submission window, and
//! what a talk, a format and a track must look like.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::problem::{collect, FieldProblem, Problem};

pub const TITLE_MIN: usize = 5;
pub const TITLE_MAX: usize = 120;
pub const ABSTRACT_MIN: usize = 100;
pub const ABSTRACT_MAX: usize = 2000;
pub const DETAILS_MAX: usize = 5000;
pub const REFERENCES_MAX: usize = 2000;
pub const CFP_TEXT_MAX: usize = 10_000;

/// A value stored in the database and sent by forms; people read it through the app's catalogues.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.as_str() == value)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Choice for Level {
    const ALL: &'static [Level] = &[Level::Beginner, Level::Intermediate, Level::Advanced];
    fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    French,
    English,
}

impl Choice for Language {
    const ALL: &'static [Language] = &[Language::French, Language::English];
    fn as_str(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
        }
    }
}

/// Where a proposal stands. Later issues add accepted, rejected, confirmed … In JSON as stored ("submitted").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProposalState {
    Draft,
    Submitted,
    Withdrawn,
}

impl Choice for ProposalState {
    const ALL: &'static [ProposalState] = &[ProposalState::Draft, ProposalState::Submitted, ProposalState::Withdrawn];
    fn as_str(self) -> &'static str {
        match self {
            ProposalState::Draft => "draft",
            ProposalState::Submitted => "submitted",
            ProposalState::Withdrawn => "withdrawn",
        }
    }
}

/// Parses a comma-separated list of stored values, keeping only known ones.
pub fn parse_list<C: Choice>(stored: &str) -> Vec<C> {
    stored.split(',').filter_map(|v| C::parse(v.trim())).collect()
}

pub fn join_list<C: Choice>(items: &[C]) -> String {
    items.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
}

/// Where the submission window stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// No closing date set yet: organisers have not opened the CFP.
    NotScheduled,
    NotYetOpen {
        opens: DateTime<Utc>,
    },
    Open {
        closes: DateTime<Utc>,
    },
    Closed,
}

/// The window at `now`. A CFP without a closing date is not open; the closing instant itself is closed.
pub fn window(now: DateTime<Utc>, opens: Option<DateTime<Utc>>, closes: Option<DateTime<Utc>>) -> Window {
    let Some(closes) = closes else { return Window::NotScheduled };
    match opens {
        Some(opens) if now < opens => Window::NotYetOpen { opens },
        _ if now < closes => Window::Open { closes },
        _ => Window::Closed,
    }
}

/// The fields of a talk as typed, shared by the talk library and proposals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkForm {
    pub title: String,
    pub summary: String,
    pub details: String,
    pub level: String,
    pub language: String,
    pub references: String,
}

fn chars(s: &str) -> usize {
    super::text::typed_len(s.trim())
}

fn check_title(title: &str) -> Option<Problem> {
    match chars(title) {
        0 => Some(Problem::TalkTitleMissing),
        n if n < TITLE_MIN => Some(Problem::TooShort { min: TITLE_MIN }),
        n if n > TITLE_MAX => Some(Problem::TooLong { max: TITLE_MAX, have: n }),
        _ => None,
    }
}

fn check_abstract(summary: &str, complete: bool) -> Option<Problem> {
    let n = chars(summary);
    if n > ABSTRACT_MAX {
        Some(Problem::TooLong { max: ABSTRACT_MAX, have: n })
    } else if complete && n < ABSTRACT_MIN {
        Some(Problem::AbstractTooShort { min: ABSTRACT_MIN, have: n })
    } else {
        None
    }
}

fn at_most(value: &str, max: usize) -> Option<Problem> {
    let n = chars(value);
    (n > max).then_some(Problem::TooLong { max, have: n })
}

/// A choice among those `offered`: `missing` when none is made (and one is needed), `not_offered`
/// when the value is not one of them.
fn check_choice<C: Choice>(value: &str, offered: &[C], complete: bool, missing: Problem, not_offered: Problem) -> Option<Problem> {
    if value.is_empty() {
        return complete.then_some(missing);
    }
    match C::parse(value) {
        Some(c) if offered.contains(&c) => None,
        _ => Some(not_offered),
    }
}

/// Checks a talk. `complete` is false for drafts and library entries: lengths are capped but
/// minimums and required choices wait until submission.
pub fn talk_errors(form: &TalkForm, levels: &[Level], languages: &[Language], complete: bool) -> Vec<FieldProblem> {
    collect([
        ("title", check_title(&form.title)),
        ("summary", check_abstract(&form.summary, complete)),
        ("details", at_most(&form.details, DETAILS_MAX)),
        ("level", check_choice(&form.level, levels, complete, Problem::LevelMissing, Problem::LevelNotOffered)),
        ("language", check_choice(&form.language, languages, complete, Problem::LanguageMissing, Problem::LanguageNotOffered)),
        ("references", at_most(&form.references, REFERENCES_MAX)),
    ])
}

/// A format offered by an event, as typed by organisers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormatForm {
    pub name: String,
    pub description: String,
    pub duration_min: String,
}

pub const FORMAT_MINUTES_MIN: i32 = 5;
pub const FORMAT_MINUTES_MAX: i32 = 480;

pub fn format_errors(form: &FormatForm) -> Vec<FieldProblem> {
    let duration = match form.duration_min.trim().parse::<i32>() {
        Ok(n) if (FORMAT_MINUTES_MIN..=FORMAT_MINUTES_MAX).contains(&n) => None,
        _ => Some(Problem::DurationOutOfRange { min: FORMAT_MINUTES_MIN, max: FORMAT_MINUTES_MAX }),
    };
    collect([("name", name_error(&form.name, 60)), ("description", at_most(&form.description, 500)), ("duration_min", duration)])
}

/// A track offered by an event, as typed by organisers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackForm {
    pub name: String,
    pub description: String,
    pub colour: String,
}

/// Colours are `#rrggbb` so the agenda can rely on them.
pub fn is_hex_colour(value: &str) -> bool {
    value.len() == 7 && value.starts_with('#') && value[1..].chars().all(|c| c.is_ascii_hexdigit())
}

pub fn track_errors(form: &TrackForm) -> Vec<FieldProblem> {
    collect([
        ("name", name_error(&form.name, 60)),
        ("description", at_most(&form.description, 500)),
        ("colour", (!is_hex_colour(form.colour.trim())).then_some(Problem::ColourInvalid)),
    ])
}

fn name_error(name: &str, max: usize) -> Option<Problem> {
    if chars(name) == 0 {
        Some(Problem::NameMissing)
    } else {
        at_most(name, max)
    }
}

/// The formats a new event starts with (catalogue key, minutes); the app names them in the event's language.
pub const DEFAULT_FORMATS: [(&str, i32); 3] = [("short", 20), ("rex", 40), ("deep_dive", 90)];

/// The tracks a new event starts with (catalogue key, colour).
pub const DEFAULT_TRACKS: [(&str, &str); 7] = [
    ("kubernetes", "#326ce5"),
    ("platform", "#8250df"),
    ("security", "#cf222e"),
    ("observability", "#bf8700"),
    ("ai_data", "#1a7f37"),
    ("green_it", "#2da44e"),
    ("open_source", "#0969da"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 10, 25, h, m, s).unwrap()
    }

    fn complete_talk() -> TalkForm {
        TalkForm {
            title: "Operators in anger".into(),
            summary: "x".repeat(150),
            details: String::new(),
            level: "intermediate".into(),
            language: "fr".into(),
            references: String::new(),
        }
    }

    #[test]
    fn the_window_closes_at_the_closing_instant() {
        let closes = Some(t(22, 59, 0));
        assert_eq!(window(t(22, 58, 59), None, closes), Window::Open { closes: t(22, 59, 0) });
        assert_eq!(window(t(22, 59, 0), None, closes), Window::Closed);
        assert_eq!(window(t(22, 59, 1), None, closes), Window::Closed);
        assert_eq!(window(t(10, 0, 0), None, None), Window::NotScheduled);
        assert_eq!(window(t(10, 0, 0), Some(t(11, 0, 0)), closes), Window::NotYetOpen { opens: t(11, 0, 0) });
    }

    #[test]
    fn a_complete_talk_passes_and_bounds_are_inclusive() {
        let all_levels = Level::ALL;
        let all_langs = Language::ALL;
        assert!(talk_errors(&complete_talk(), all_levels, all_langs, true).is_empty());
        let edge = TalkForm { title: "x".repeat(5), summary: "y".repeat(100), ..complete_talk() };
        assert!(talk_errors(&edge, all_levels, all_langs, true).is_empty());
        let edge = TalkForm { title: "x".repeat(120), summary: "y".repeat(2000), details: "z".repeat(5000), ..complete_talk() };
        assert!(talk_errors(&edge, all_levels, all_langs, true).is_empty());
    }

    #[test]
    fn line_breaks_count_as_the_browser_counts_them() {
        // 2,000 characters in the browser's field, 40 of them line breaks a form sends as CR LF.
        let summary = "y\r\n".repeat(40) + &"y".repeat(1920);
        let form = TalkForm { summary, ..complete_talk() };
        assert!(talk_errors(&form, Level::ALL, Language::ALL, true).is_empty());
        let over = TalkForm { summary: form.summary.clone() + "y", ..complete_talk() };
        assert_eq!(talk_errors(&over, Level::ALL, Language::ALL, true)[0].field, "summary");
    }

    #[test]
    fn submission_needs_what_a_draft_does_not() {
        let draft = TalkForm { title: "My draft".into(), ..Default::default() };
        assert!(talk_errors(&draft, Level::ALL, Language::ALL, false).is_empty());
        assert_eq!(
            talk_errors(&draft, Level::ALL, Language::ALL, true),
            [
                FieldProblem::new("summary", Problem::AbstractTooShort { min: ABSTRACT_MIN, have: 0 }),
                FieldProblem::new("level", Problem::LevelMissing),
                FieldProblem::new("language", Problem::LanguageMissing),
            ]
        );
    }

    #[test]
    fn too_long_or_too_short_fields_are_named() {
        let bad = TalkForm { title: "Hey".into(), summary: "y".repeat(2001), details: "z".repeat(5001), ..complete_talk() };
        assert_eq!(
            talk_errors(&bad, Level::ALL, Language::ALL, false),
            [
                FieldProblem::new("title", Problem::TooShort { min: TITLE_MIN }),
                FieldProblem::new("summary", Problem::TooLong { max: ABSTRACT_MAX, have: 2001 }),
                FieldProblem::new("details", Problem::TooLong { max: DETAILS_MAX, have: 5001 }),
            ]
        );
    }

    #[test]
    fn choices_must_be_offered_by_the_event() {
        let form = TalkForm { language: "en".into(), ..complete_talk() };
        let errs = talk_errors(&form, Level::ALL, &[Language::French], true);
        assert_eq!(errs, [FieldProblem::new("language", Problem::LanguageNotOffered)]);
    }

    #[test]
    fn lists_round_trip_and_ignore_unknown_values() {
        assert_eq!(parse_list::<Level>("beginner, advanced,expert"), vec![Level::Beginner, Level::Advanced]);
        assert_eq!(join_list(&[Language::French, Language::English]), "fr,en");
    }

    #[test]
    fn formats_and_tracks_are_checked() {
        let ok = FormatForm { name: "Lightning".into(), description: String::new(), duration_min: "5".into() };
        assert!(format_errors(&ok).is_empty());
        let bad = FormatForm { duration_min: "0".into(), ..ok };
        assert_eq!(format_errors(&bad), [FieldProblem::new("duration_min", Problem::DurationOutOfRange { min: 5, max: 480 })]);
        let unnamed = TrackForm { name: " ".into(), description: String::new(), colour: "red".into() };
        assert_eq!(
            track_errors(&unnamed),
            [FieldProblem::new("name", Problem::NameMissing), FieldProblem::new("colour", Problem::ColourInvalid)]
        );
        assert!(is_hex_colour("#1f6feb"));
        assert!(!is_hex_colour("red"));
        assert!(!is_hex_colour("#12345g"));
    }
}
