//! Call for papers, speaker side: the public CFP page, the proposal editor (draft, submit, withdraw),
//! co-speakers, and the talks a proposal writes into the library. The organisers' side is in
//! `organizer`; the settings everyone reads are `events::cfp_settings`.
#[cfg(feature = "ssr")]
pub mod access;
pub mod api;
pub mod cospeaker_page;
#[cfg(feature = "ssr")]
pub mod cospeakers;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod proposals;
#[cfg(feature = "ssr")]
pub mod talks;

use serde::{Deserialize, Serialize};

use crate::events::{CfpStatus, EventSummary, Offer};
use domain::cfp::TalkForm;

/// What the public CFP page shows.
/// The proposal form as sent: the talk's fields, the event's choices, and the button pressed
/// (`intent` = "draft" | "submit"). `form_key` makes a double submission one proposal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalForm {
    pub slug: String,
    pub code: String,
    pub form_key: String,
    pub talk_id: String,
    #[serde(flatten)]
    pub talk: TalkForm,
    pub format_id: String,
    pub track_id: String,
    #[serde(default)]
    pub intent: Option<String>,
}

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
