//! Reviewing, reviewer side: the queue of an event's submitted proposals, scoring one, and what a
//! reviewer may see. With anonymous mode on, nothing here carries a speaker's identity: the DTOs
//! below have no field for it unless the organisers switched anonymity off.
#[cfg(feature = "ssr")]
pub mod access;
pub mod api;
#[cfg(feature = "ssr")]
pub mod conflicts;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod settings;

use serde::{Deserialize, Serialize};

use crate::events::EventSummary;
use crate::events::Offer;

/// An event the signed-in person reviews, with their progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEvent {
    pub event: EventSummary,
    pub reviewed: usize,
    pub total: usize,
    pub open: bool,
}

/// One proposal in a reviewer's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub code: String,
    pub title: String,
    pub format: String,
    pub track: String,
    pub level: String,
    pub language: String,
    /// The reviewer's own score label ("4", "No opinion"), if reviewed.
    pub my_score: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub event: EventSummary,
    pub open: bool,
    /// "Reviews close on …", "Reviews are closed.", or empty.
    pub closing: String,
    pub reviewed: usize,
    pub total: usize,
    /// Proposals left out of this reviewer's queue for a conflict of interest.
    pub excluded: usize,
    /// The code of the next proposal to review (within the filters), if any is left.
    pub next: Option<String>,
    pub items: Vec<QueueItem>,
    pub formats: Vec<Offer>,
    pub tracks: Vec<Offer>,
}

/// A speaker as reviewers see them when anonymity is off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedSpeaker {
    pub name: String,
    pub company: String,
    pub job_title: String,
    pub bio_html: crate::ui::SafeHtml,
}

/// Another reviewer's review, shown once allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherReview {
    pub reviewer: String,
    pub score: String,
    pub comment: String,
}

/// One proposal as a reviewer reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSubject {
    pub event: EventSummary,
    pub code: String,
    pub title: String,
    pub summary_html: crate::ui::SafeHtml,
    pub details_html: crate::ui::SafeHtml,
    pub references_html: crate::ui::SafeHtml,
    pub format: String,
    pub track: String,
    pub level: String,
    pub language: String,
    /// None while the event reviews anonymously.
    pub speakers: Option<Vec<NamedSpeaker>>,
    pub open: bool,
    /// The form values of the reviewer's review: "0"…"5", "none", or "" when not reviewed yet.
    pub my_score: String,
    pub my_comment: String,
    /// None while hidden (until the reviewer has reviewed, if the event says so).
    pub others: Option<Vec<OtherReview>>,
    /// The next proposal to review after this one.
    pub next: Option<String>,
    pub reviewed: usize,
    pub total: usize,
}

/// A reviewer flagged for a proposal from their own company, as organisers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictRow {
    pub code: String,
    pub title: String,
    pub reviewer: String,
    pub reviewer_email: String,
    pub company: String,
    /// An organiser lifted the conflict: the reviewer may review it.
    pub allowed: bool,
}

/// The conflicts page of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictsView {
    pub event: EventSummary,
    pub rows: Vec<ConflictRow>,
}
