//! Speakers: what a speaker keeps across events and sees of their own — the profile (photo
//! included), the talk library, "My proposals" and each proposal's page (CFP, selection answer and
//! unavailability together).
pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod photo;
#[cfg(feature = "ssr")]
pub mod photo_clean;
#[cfg(feature = "ssr")]
pub mod profile;
pub mod proposal_pages;
#[cfg(feature = "ssr")]
pub mod proposals;
#[cfg(feature = "ssr")]
pub mod talks;

use serde::{Deserialize, Serialize};

/// The name of a proposal state code ("submitted") in the page's language, or the code when unknown.
pub fn state_name(code: &str) -> String {
    crate::lang::labels::proposal_state(crate::lang::use_locale(), code)
}

use crate::events::{CfpStatus, EventSummary};
use domain::cfp::ProposalState;
use domain::cfp::TalkForm;
use domain::profile::ProfileForm;

/// The profile page's data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileData {
    pub form: ProfileForm,
    /// Where the photo is shown from (upload or URL), if any.
    pub photo_src: Option<String>,
    pub has_uploaded_photo: bool,
}

/// A talk of the library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkData {
    pub id: i32,
    pub talk: TalkForm,
    /// Events it was proposed to: (event name, proposal code, state label).
    pub proposals: Vec<(String, String, String)>,
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
    pub state: ProposalState,
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
    pub state: ProposalState,
    pub state_label: String,
    pub format: Option<String>,
    pub co_speaker: bool,
    /// The published decision and the answer it awaits (never scores nor comments).
    pub selection: crate::selection::SpeakerSide,
}
