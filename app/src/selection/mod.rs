//! Selection, organiser side: review settings, deliberation (scores, decisions kept pending until they
//! are published), the mails that announce decisions, promotions from the waiting list, the audit
//! trail; and the speakers' answer to an acceptance (mailed link or their proposal page).
//! Speakers only ever learn published decisions, never scores nor comments.
#[cfg(feature = "ssr")]
pub mod answers;
pub mod api;
#[cfg(feature = "ssr")]
pub mod audit;
pub mod confirm_pages;
#[cfg(feature = "ssr")]
pub mod deliberation;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod publish;
#[cfg(feature = "ssr")]
pub mod settings;
pub mod settings_pages;

use serde::{Deserialize, Serialize};

use crate::events::EventSummary;
use crate::tr;

/// The name of a decision in `l`.
pub fn decision_label(l: crate::lang::Locale, d: domain::review::Decision) -> &'static str {
    use domain::review::Decision;
    match d {
        Decision::Accepted => leptos_i18n::td_string!(l, selection.decisions.accepted),
        Decision::Waitlisted => leptos_i18n::td_string!(l, selection.decisions.waitlisted),
        Decision::Rejected => leptos_i18n::td_string!(l, selection.decisions.rejected),
    }
}

/// The name of a speaker's answer in `l`.
pub fn response_label(l: crate::lang::Locale, r: domain::review::Response) -> &'static str {
    use domain::review::Response;
    match r {
        Response::Confirmed => leptos_i18n::td_string!(l, selection.responses.confirmed),
        Response::Declined => leptos_i18n::td_string!(l, selection.responses.declined),
    }
}

/// A format with the number of talks the organisers plan to accept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormatSlots {
    pub id: i32,
    pub name: String,
    pub hidden: bool,
    /// The form value: empty when not planned.
    pub slots: String,
    /// Accepted talks holding a slot (pending decisions included).
    pub accepted: usize,
}

/// The wording of one decision mail, as the settings form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateView {
    /// accepted | waitlisted | rejected
    pub decision: String,
    /// fr | en
    pub language: String,
    pub label: String,
    pub subject: String,
    pub body: String,
    /// False while the built-in text applies.
    pub custom: bool,
}

/// The review settings page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionSettingsView {
    pub event: EventSummary,
    /// IANA name of the event's zone, in which the dates are typed.
    pub time_zone: String,
    pub anonymous: bool,
    pub hide_scores_until_reviewed: bool,
    /// `datetime-local` values in the event's zone; empty when unset.
    pub reviews_close_at: String,
    pub confirm_by: String,
    pub reviews_open: bool,
    /// An organiser closed reviews by hand (then "Reopen" applies).
    pub closed_by_hand: bool,
    /// "Reviews are open until …", "Reviews were closed by hand on …", …
    pub reviews_status: String,
    pub formats: Vec<FormatSlots>,
    pub templates: Vec<TemplateView>,
    /// (placeholder, what it becomes)
    pub placeholders: Vec<(String, String)>,
}

/// How the deliberation table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    Mean,
    Stddev,
    Reviews,
    Title,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Mean, Sort::Stddev, Sort::Reviews, Sort::Title];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Mean => "mean",
            Sort::Stddev => "stddev",
            Sort::Reviews => "reviews",
            Sort::Title => "title",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Mean => tr!(selection.sort.mean),
            Sort::Stddev => tr!(selection.sort.stddev),
            Sort::Reviews => tr!(selection.sort.reviews),
            Sort::Title => tr!(selection.sort.title),
        }
    }

    /// Unknown or empty values sort by mean.
    pub fn parse(value: &str) -> Sort {
        Sort::ALL.into_iter().find(|s| s.as_str() == value.trim()).unwrap_or(Sort::Mean)
    }
}

/// The filters and sort of the deliberation table, as typed in its GET form (empty = any).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SelectionFilters {
    /// A format id.
    pub format: String,
    /// A track id.
    pub track: String,
    pub level: String,
    pub language: String,
    pub sort: String,
}

impl SelectionFilters {
    fn pairs(&self) -> [(&'static str, &str); 5] {
        [("format", &self.format), ("track", &self.track), ("level", &self.level), ("language", &self.language), ("sort", &self.sort)]
    }

    /// Reads `format=3&sort=title` back; unknown keys and odd values are dropped.
    pub fn from_query(query: &str) -> SelectionFilters {
        let mut f = SelectionFilters::default();
        for pair in query.trim_start_matches('?').split('&') {
            let Some((key, value)) = pair.split_once('=') else { continue };
            if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                continue;
            }
            let slot = match key {
                "format" => &mut f.format,
                "track" => &mut f.track,
                "level" => &mut f.level,
                "language" => &mut f.language,
                "sort" => &mut f.sort,
                _ => continue,
            };
            *slot = value.to_string();
        }
        f
    }

    /// `format=3&sort=title` for what is set; only plain values (ids, codes) survive.
    pub fn query_string(&self) -> String {
        let q: Vec<String> = self
            .pairs()
            .iter()
            .map(|(k, v)| (k, v.trim()))
            .filter(|(_, v)| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        q.join("&")
    }

    pub fn is_filtered(&self) -> bool {
        [&self.format, &self.track, &self.level, &self.language].iter().any(|v| !v.trim().is_empty())
    }

    /// Whether a proposal with these attributes passes every filter.
    pub fn matches(&self, format_id: Option<i32>, track_id: Option<i32>, level: &str, language: &str) -> bool {
        let id_ok = |f: &str, id: Option<i32>| f.trim().is_empty() || id.is_some_and(|i| i.to_string() == f.trim());
        let value_ok = |f: &str, v: &str| f.trim().is_empty() || f.trim() == v;
        id_ok(&self.format, format_id) && id_ok(&self.track, track_id) && value_ok(&self.level, level) && value_ok(&self.language, language)
    }
}

/// "REX: 6 / 8" at the top of the deliberation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotCount {
    pub format: String,
    pub accepted: usize,
    pub slots: Option<i32>,
}

impl SlotCount {
    pub fn label(&self) -> String {
        match self.slots {
            Some(s) => format!("{}: {} / {}", self.format, self.accepted, s),
            None => tr!(selection.slots.unplanned, format = &self.format, accepted = self.accepted).to_string(),
        }
    }

    pub fn over(&self) -> bool {
        self.slots.is_some_and(|s| self.accepted > s.max(0) as usize)
    }
}

/// A declined acceptance, and the waitlisted proposal of the same format to promote, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub declined_title: String,
    pub format: String,
    pub candidate_code: Option<String>,
    pub candidate_title: Option<String>,
    pub candidate_rank: Option<i32>,
}

/// One reviewer's review, as organisers read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreLine {
    pub reviewer: String,
    /// "4" or "No opinion".
    pub score: String,
    pub comment: String,
}

/// A line of the deliberation table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliberationRow {
    pub code: String,
    pub title: String,
    pub format: Option<String>,
    pub track: Option<String>,
    pub level_label: String,
    pub language_label: String,
    /// None while the event reviews anonymously.
    pub speakers: Option<Vec<String>>,
    pub reviews: usize,
    /// One decimal, or "–".
    pub mean: String,
    pub median: String,
    pub stddev: String,
    pub controversial: bool,
    pub scores: Vec<ScoreLine>,
    /// The working decision: "" (none), accepted, waitlisted or rejected.
    pub decision: String,
    pub waitlist_rank: String,
    pub feedback: String,
    /// What speakers were told ("" when nothing is published).
    pub published_label: String,
    /// "Confirmed" / "Declined" once the speakers answered an acceptance.
    pub response_label: String,
    /// The working decision differs from the published one.
    pub pending: bool,
}

/// The deliberation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deliberation {
    pub event: EventSummary,
    pub anonymous: bool,
    pub reviews_open: bool,
    pub filters: SelectionFilters,
    /// (value, label) pairs for the filter selects.
    pub formats: Vec<(String, String)>,
    pub tracks: Vec<(String, String)>,
    pub levels: Vec<(String, String)>,
    pub languages: Vec<(String, String)>,
    pub sorts: Vec<(String, String)>,
    pub slots: Vec<SlotCount>,
    /// Decisions saved but not published yet.
    pub pending: usize,
    pub suggestions: Vec<Suggestion>,
    /// Submitted proposals, whatever the filters.
    pub total: usize,
    pub rows: Vec<DeliberationRow>,
}

/// A line of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    /// In the event's time zone.
    pub when: String,
    pub who: String,
    pub action: String,
    pub proposal: Option<String>,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionLogView {
    pub event: EventSummary,
    pub lines: Vec<LogLine>,
}

/// Where the answer to an acceptance stands, for the mailed link's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkState {
    /// The speakers can confirm or decline.
    Open,
    /// Answered already: the link worked once.
    Answered,
    /// The confirmation deadline passed without an answer.
    Expired,
}

/// The page of a mailed confirmation link (works signed out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmationView {
    pub title: String,
    pub event_name: String,
    pub event_slug: String,
    pub state: LinkState,
    /// What to tell: the deadline, the answer given, or that the deadline passed.
    pub message: String,
}

/// What a speaker reads about the selection of one of their proposals (published decisions only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerSide {
    /// From `domain::review::speaker_status`.
    pub status_label: String,
    /// Its badge's class (`SpeakerStatus::tone`).
    #[serde(default)]
    pub tone: String,
    /// A published acceptance waiting for the speakers' answer, before the deadline.
    pub awaiting_answer: bool,
    /// "Please answer before …", or that the deadline passed.
    pub note: Option<String>,
    /// A published acceptance the speakers did not decline: they may say when they cannot speak.
    #[serde(default)]
    pub holds_slot: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_values_fall_back_to_mean() {
        assert_eq!(Sort::parse("stddev"), Sort::Stddev);
        assert_eq!(Sort::parse(" title "), Sort::Title);
        assert_eq!(Sort::parse(""), Sort::Mean);
        assert_eq!(Sort::parse("drop table"), Sort::Mean);
    }

    #[test]
    fn filters_round_trip_through_the_query_string() {
        let f = SelectionFilters { format: "3".into(), language: "fr".into(), sort: "title".into(), ..Default::default() };
        assert_eq!(f.query_string(), "format=3&language=fr&sort=title");
        assert_eq!(SelectionFilters::from_query(&f.query_string()), f);
        let odd = SelectionFilters::from_query("?format=3&x=1&level=a%20b&track=&sort=<script>");
        assert_eq!(odd, SelectionFilters { format: "3".into(), ..Default::default() });
        assert!(!SelectionFilters { sort: "title".into(), ..Default::default() }.is_filtered());
    }

    #[test]
    fn filters_narrow_by_format_track_level_and_language() {
        let f = SelectionFilters { format: "3".into(), level: "beginner".into(), ..Default::default() };
        assert!(f.matches(Some(3), None, "beginner", "fr"));
        assert!(!f.matches(Some(4), None, "beginner", "fr"));
        assert!(!f.matches(None, None, "beginner", "fr"));
        assert!(!f.matches(Some(3), None, "advanced", "fr"));
        assert!(SelectionFilters::default().matches(None, None, "", ""));
    }

    #[test]
    fn slot_counts_read_like_the_programme() {
        let c = SlotCount { format: "REX".into(), accepted: 6, slots: Some(8) };
        assert_eq!(c.label(), "REX: 6 / 8");
        assert!(!c.over());
        assert!(SlotCount { accepted: 9, ..c.clone() }.over());
        assert_eq!(SlotCount { slots: None, ..c }.label(), "REX: 6 (no slots planned)");
    }
}
