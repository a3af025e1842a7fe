//! Call for papers, organiser side: CFP settings, formats and tracks, the incoming proposals, their CSV.
//! Drafts never reach organisers: every query, the filter below and the CSV leave them out.
pub mod api;
#[cfg(feature = "ssr")]
pub mod csv;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod proposals;
pub mod proposals_pages;
#[cfg(feature = "ssr")]
pub mod service;

use serde::{Deserialize, Serialize};

use crate::events::CfpStatus;
use crate::events::EventSummary;
use domain::cfp::{Choice, ProposalState};

/// The CFP settings form as sent: each checkbox is present (`Some`) when ticked; the CFP text in
/// the event's languages (see `ui::Versions`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CfpSettingsForm {
    pub opens_at: String,
    pub closes_at: String,
    pub max_proposals: String,
    #[serde(default)]
    pub level_beginner: Option<String>,
    #[serde(default)]
    pub level_intermediate: Option<String>,
    #[serde(default)]
    pub level_advanced: Option<String>,
    #[serde(default)]
    pub lang_fr: Option<String>,
    #[serde(default)]
    pub lang_en: Option<String>,
    pub cfp_text: String,
    #[serde(default)]
    pub cfp_text_language: String,
    #[serde(default)]
    pub cfp_translations: std::collections::BTreeMap<String, String>,
}

/// A format as organisers manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormatRow {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub duration_min: i32,
    pub hidden: bool,
    /// Proposals (not drafts) using it.
    pub proposals: u64,
}

/// A track as organisers manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackRow {
    pub id: i32,
    pub name: String,
    pub description: String,
    /// `#rrggbb`.
    pub colour: String,
    pub hidden: bool,
    /// Proposals (not drafts) using it.
    pub proposals: u64,
}

/// The CFP settings page: the settings as the form shows them, with the formats and tracks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CfpSettingsView {
    pub event: EventSummary,
    /// IANA name of the event's zone, in which the dates are typed.
    pub time_zone: String,
    pub status: CfpStatus,
    /// `datetime-local` values in the event's zone; empty when unset.
    pub opens_at: String,
    pub closes_at: String,
    /// Empty for no limit.
    pub max_proposals: String,
    /// Stored values of the levels and languages offered.
    pub levels: Vec<String>,
    pub languages: Vec<String>,
    /// The CFP text in the event's default language, and in the others by language code.
    pub cfp_text: String,
    pub cfp_translations: std::collections::BTreeMap<String, String>,
    pub default_language: String,
    pub formats: Vec<FormatRow>,
    pub tracks: Vec<TrackRow>,
}

/// The filters of the proposals table, as typed in its GET form (empty = any).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposalFilters {
    /// A format id.
    pub format: String,
    /// A track id.
    pub track: String,
    pub level: String,
    pub language: String,
    pub state: String,
    /// Words searched in the title and the speakers' names.
    pub q: String,
}

/// What a proposal offers to the filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub format_id: Option<i32>,
    pub track_id: Option<i32>,
    pub level: &'a str,
    pub language: &'a str,
    pub state: &'a str,
    pub title: &'a str,
    /// Public and account names of every speaker.
    pub names: Vec<&'a str>,
}

fn same_id(filter: &str, id: Option<i32>) -> bool {
    let f = filter.trim();
    f.is_empty() || id.is_some_and(|i| i.to_string() == f)
}

fn same_value(filter: &str, value: &str) -> bool {
    let f = filter.trim();
    f.is_empty() || f == value
}

/// Keeps ASCII letters, digits and `-_.~`; everything else is percent-encoded (UTF-8 bytes).
fn url_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl ProposalFilters {
    fn pairs(&self) -> [(&'static str, &str); 6] {
        [
            ("format", &self.format),
            ("track", &self.track),
            ("level", &self.level),
            ("language", &self.language),
            ("state", &self.state),
            ("q", &self.q),
        ]
    }

    pub fn is_empty(&self) -> bool {
        self.pairs().iter().all(|(_, v)| v.trim().is_empty())
    }

    /// `format=3&q=rust` for the filters that are set; empty when none is.
    pub fn query_string(&self) -> String {
        self.pairs()
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", url_encode(v.trim())))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Whether the proposal passes every filter. A draft never does.
    pub fn matches(&self, c: &Candidate<'_>) -> bool {
        if c.state == ProposalState::Draft.as_str() {
            return false;
        }
        if !(same_id(&self.format, c.format_id)
            && same_id(&self.track, c.track_id)
            && same_value(&self.level, c.level)
            && same_value(&self.language, c.language)
            && same_value(&self.state, c.state))
        {
            return false;
        }
        let title = c.title.to_lowercase();
        let names: Vec<String> = c.names.iter().map(|n| n.to_lowercase()).collect();
        self.q.to_lowercase().split_whitespace().all(|word| title.contains(word) || names.iter().any(|n| n.contains(word)))
    }
}

/// A line of the counts at the top of the proposals page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub name: String,
    pub count: usize,
}

/// A line of the proposals table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalRow {
    pub code: String,
    pub title: String,
    pub speakers: Vec<String>,
    pub format: Option<String>,
    pub track: Option<String>,
    pub level_label: String,
    pub language_label: String,
    /// Where it stands as its speakers were told (`domain::review::SpeakerStatus`).
    pub state_label: String,
    /// The class of its badge (`SpeakerStatus::tone`).
    pub tone: String,
}

/// The proposals page: filters and their choices, counts, and the matching proposals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalsList {
    pub event: EventSummary,
    pub filters: ProposalFilters,
    /// (value, label) pairs for the filter selects.
    pub formats: Vec<(String, String)>,
    pub tracks: Vec<(String, String)>,
    pub levels: Vec<(String, String)>,
    pub languages: Vec<(String, String)>,
    pub states: Vec<(String, String)>,
    /// Over the proposals that are neither drafts nor withdrawn, whatever the filters.
    pub by_format: Vec<Count>,
    pub by_track: Vec<Count>,
    pub active: usize,
    /// Proposals organisers can see (not drafts), whatever the filters.
    pub total: usize,
    pub rows: Vec<ProposalRow>,
}

/// A link of a speaker's profile; `href` only for web addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileLink {
    pub label: String,
    pub text: String,
    pub href: Option<String>,
}

/// A speaker of a proposal with their profile, as organisers see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerCard {
    pub name: String,
    pub email: String,
    pub is_owner: bool,
    /// False when the speaker never filled a profile (then only name and email are known).
    pub has_profile: bool,
    pub company: String,
    pub job_title: String,
    pub city: String,
    pub bio_html: crate::ui::SafeHtml,
    pub photo_src: Option<String>,
    pub links: Vec<ProfileLink>,
    pub private_notes: String,
}

/// One proposal with everything its speakers wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizerProposal {
    pub event: EventSummary,
    pub code: String,
    pub title: String,
    pub summary_html: crate::ui::SafeHtml,
    pub details_html: crate::ui::SafeHtml,
    pub references: String,
    pub level_label: String,
    pub language_label: String,
    pub format: Option<String>,
    pub track: Option<String>,
    pub state_label: String,
    pub tone: String,
    /// In the event's time zone.
    pub submitted_at: Option<String>,
    pub withdrawn_at: Option<String>,
    pub speakers: Vec<SpeakerCard>,
    /// The partner a partner talk speaks for (organisers only; reviewers never see it).
    pub partner: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate() -> Candidate<'static> {
        Candidate {
            format_id: Some(3),
            track_id: Some(7),
            level: "beginner",
            language: "fr",
            state: "submitted",
            title: "Operators in Anger",
            names: vec!["Zoé Martin", "zoe"],
        }
    }

    #[test]
    fn empty_filters_match_everything_but_drafts() {
        let f = ProposalFilters::default();
        assert!(f.is_empty());
        assert!(f.matches(&candidate()));
        assert!(!f.matches(&Candidate { state: "draft", ..candidate() }));
        let asking_for_drafts = ProposalFilters { state: "draft".into(), ..Default::default() };
        assert!(!asking_for_drafts.matches(&Candidate { state: "draft", ..candidate() }));
    }

    #[test]
    fn each_filter_narrows() {
        let c = candidate();
        assert!(ProposalFilters { format: "3".into(), track: " 7 ".into(), ..Default::default() }.matches(&c));
        assert!(!ProposalFilters { format: "4".into(), ..Default::default() }.matches(&c));
        assert!(!ProposalFilters { format: "x".into(), ..Default::default() }.matches(&c));
        assert!(!ProposalFilters { track: "3".into(), ..Default::default() }.matches(&Candidate { track_id: None, ..c.clone() }));
        assert!(ProposalFilters { level: "beginner".into(), language: "fr".into(), ..Default::default() }.matches(&c));
        assert!(!ProposalFilters { language: "en".into(), ..Default::default() }.matches(&c));
        assert!(!ProposalFilters { state: "withdrawn".into(), ..Default::default() }.matches(&c));
        assert!(ProposalFilters { state: "withdrawn".into(), ..Default::default() }.matches(&Candidate { state: "withdrawn", ..c }));
    }

    #[test]
    fn search_is_case_insensitive_over_title_and_names() {
        let c = candidate();
        let q = |q: &str| ProposalFilters { q: q.into(), ..Default::default() };
        assert!(q("anger").matches(&c));
        assert!(q("ZOÉ").matches(&c));
        assert!(q("  operators   martin ").matches(&c), "every word, anywhere");
        assert!(!q("operators dupont").matches(&c));
        assert!(!q("kubernetes").matches(&c));
    }

    #[test]
    fn query_string_keeps_set_filters_encoded() {
        assert_eq!(ProposalFilters::default().query_string(), "");
        let f = ProposalFilters { format: "3".into(), q: "zoé & co".into(), ..Default::default() };
        assert_eq!(f.query_string(), "format=3&q=zo%C3%A9%20%26%20co");
    }
}
