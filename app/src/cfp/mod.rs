//! Call for papers, speaker side: the public CFP page, proposals, co-speakers.
pub mod api;
pub mod pages;
pub mod proposal_pages;
#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod cospeakers;
#[cfg(feature = "ssr")]
pub mod proposals;
#[cfg(feature = "ssr")]
pub mod settings;

use serde::{Deserialize, Serialize};

use domain::cfp::TalkForm;
use crate::events::EventSummary;

/// A format or track as offered to speakers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub id: i32,
    pub name: String,
    pub description: String,
    /// Minutes for a format; empty for a track.
    pub duration_min: Option<i32>,
    /// `#rrggbb` for a track.
    pub colour: Option<String>,
}

/// Where the CFP stands, worded for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CfpStatus {
    pub open: bool,
    /// "Closes in 3 days, 23:59 Europe/Paris", "Opens on …", "Closed", "Not open yet".
    pub headline: String,
    /// "Sunday 25 October 2026, 23:59 Europe/Paris" when a close date is set.
    pub closes_label: Option<String>,
}

/// What the public CFP page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CfpPage {
    pub event: EventSummary,
    pub status: CfpStatus,
    /// The organisers' Markdown, rendered and sanitised on the server.
    pub text_html: crate::ui::SafeHtml,
    pub formats: Vec<Offer>,
    pub tracks: Vec<Offer>,
    /// (value, label) pairs.
    pub levels: Vec<(String, String)>,
    pub languages: Vec<(String, String)>,
    pub max_proposals: Option<i32>,
}

/// One of the speaker's own talks, to start a proposal from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkChoice {
    pub id: i32,
    pub title: String,
}

/// Everything the proposal editor needs, for a new proposal or an existing one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalEditor {
    pub page: CfpPage,
    /// Empty for a new proposal.
    pub code: String,
    /// Identifies this form, so a double submission creates one proposal.
    pub form_key: String,
    /// The library talk this proposal starts from, if any.
    pub talk_id: Option<i32>,
    pub talk: TalkForm,
    pub format_id: Option<i32>,
    pub track_id: Option<i32>,
    pub my_talks: Vec<TalkChoice>,
    pub state: String,
}

/// A person on a proposal, as its speakers see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRow {
    /// The proposal_speakers row, used to remove a co-speaker.
    pub id: i32,
    pub name: String,
    pub email: String,
    pub is_owner: bool,
}

/// A proposal as one of its speakers sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    pub code: String,
    pub event: EventSummary,
    pub state: String,
    pub state_label: String,
    pub talk: TalkForm,
    pub summary_html: crate::ui::SafeHtml,
    pub details_html: crate::ui::SafeHtml,
    pub format: Option<String>,
    pub track: Option<String>,
    pub level_label: String,
    pub language_label: String,
    pub speakers: Vec<SpeakerRow>,
    /// Emails invited who have not answered yet.
    pub pending_invitations: Vec<String>,
    pub status: CfpStatus,
    pub i_own_it: bool,
    /// The CFP is open and the proposal is not withdrawn.
    pub editable: bool,
    pub submitted_at: Option<String>,
    /// The published decision and the answer it awaits (never scores nor comments).
    pub selection: crate::selection::SpeakerSide,
}

/// A line of "My proposals".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProposalRow {
    pub code: String,
    pub title: String,
    pub event_name: String,
    pub event_slug: String,
    pub state: String,
    pub state_label: String,
    pub format: Option<String>,
    pub co_speaker: bool,
    /// The published decision and the answer it awaits (never scores nor comments).
    pub selection: crate::selection::SpeakerSide,
}

/// A co-speaker invitation, as its link's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub proposal_title: String,
    pub event_name: String,
    pub invited_by: String,
    pub invited_email: String,
    /// The signed-in person's email, if any.
    pub signed_in_as: Option<String>,
    /// Signed in with another address than the invited one: accepting needs a confirmation.
    pub needs_confirmation: bool,
}
