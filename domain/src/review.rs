//! Rules of reviewing and selection: scores and their statistics, conflicts of interest, when
//! reviews are open, decisions, and what a speaker is told.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::cfp::{Choice, ProposalState};
use crate::problem::{FieldProblem, Problem};

pub const SCORE_MAX: i32 = 5;
pub const COMMENT_MAX: usize = 2000;
pub const FEEDBACK_MAX: usize = 2000;
/// A standard deviation at or above this marks a proposal on which reviewers disagree.
pub const CONTROVERSIAL_STDDEV: f64 = 1.5;

/// A review as typed: "0"…"5", or "none" for no opinion.
pub fn parse_score(value: &str) -> Result<Option<i32>, FieldProblem> {
    let bad = || FieldProblem::new("score", Problem::ScoreInvalid { max: SCORE_MAX });
    match value.trim() {
        "none" => Ok(None),
        v => v.parse::<i32>().ok().filter(|s| (0..=SCORE_MAX).contains(s)).map(Some).ok_or_else(bad),
    }
}

pub fn comment_error(comment: &str) -> Option<FieldProblem> {
    (super::text::typed_len(comment) > COMMENT_MAX).then(|| FieldProblem::new("comment", Problem::CommentTooLong { max: COMMENT_MAX }))
}

/// What the reviews of one proposal add up to; "no opinion" counts as a review but not a score.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Stats {
    pub reviews: usize,
    pub scored: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub stddev: Option<f64>,
}

impl Stats {
    pub fn of(scores: &[Option<i32>]) -> Stats {
        let mut s: Vec<f64> = scores.iter().flatten().map(|&v| v as f64).collect();
        s.sort_by(|a, b| a.total_cmp(b));
        let n = s.len();
        let mean = (n > 0).then(|| s.iter().sum::<f64>() / n as f64);
        let median = (n > 0).then(|| if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 });
        // Population deviation: the reviewers are the whole panel, not a sample of one.
        let stddev = mean.map(|m| (s.iter().map(|v| (v - m).powi(2)).sum::<f64>() / n as f64).sqrt());
        Stats { reviews: scores.len(), scored: n, mean, median, stddev }
    }

    pub fn controversial(&self) -> bool {
        self.scored >= 2 && self.stddev.is_some_and(|d| d >= CONTROVERSIAL_STDDEV)
    }
}

/// One decimal, or an en dash when there is nothing to show.
pub fn one_decimal(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "–".into())
}

/// Why a reviewer may not review a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Conflict {
    /// The reviewer speaks in it: never shown, whatever an organiser says.
    Speaker,
    /// A speaker works for the reviewer's company: excluded unless an organiser overrides.
    SameCompany,
}

/// "ACME Corp " and "acme  corp" are one company; an empty company matches nothing.
pub fn same_company(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

pub fn conflict(reviewer_id: i32, reviewer_company: &str, speakers: &[(i32, String)]) -> Option<Conflict> {
    if speakers.iter().any(|(id, _)| *id == reviewer_id) {
        Some(Conflict::Speaker)
    } else if speakers.iter().any(|(_, company)| same_company(company, reviewer_company)) {
        Some(Conflict::SameCompany)
    } else {
        None
    }
}

/// Reviews are open until the closing date or until an organiser closes them, whichever is first.
pub fn reviews_open(now: DateTime<Utc>, close_at: Option<DateTime<Utc>>, closed_by_hand: Option<DateTime<Utc>>) -> bool {
    closed_by_hand.is_none() && close_at.is_none_or(|c| now < c)
}

/// The next proposal to review: among those not reviewed yet, the one with fewest reviews (so every
/// proposal gets read), then the oldest. Items are (proposal id, number of reviews).
pub fn next_to_review(unreviewed: &[(i32, usize)]) -> Option<i32> {
    unreviewed.iter().min_by_key(|(id, n)| (*n, *id)).map(|(id, _)| *id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    Accepted,
    Waitlisted,
    Rejected,
}

impl Choice for Decision {
    const ALL: &'static [Decision] = &[Decision::Accepted, Decision::Waitlisted, Decision::Rejected];
    fn as_str(self) -> &'static str {
        match self {
            Decision::Accepted => "accepted",
            Decision::Waitlisted => "waitlisted",
            Decision::Rejected => "rejected",
        }
    }
}

/// The speaker's answer to an acceptance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    Confirmed,
    Declined,
}

impl Choice for Response {
    const ALL: &'static [Response] = &[Response::Confirmed, Response::Declined];
    fn as_str(self) -> &'static str {
        match self {
            Response::Confirmed => "confirmed",
            Response::Declined => "declined",
        }
    }
}

/// Where a proposal stands for its speakers: only published decisions count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpeakerStatus {
    /// No decision published: the proposal's own state.
    Proposal(ProposalState),
    AcceptedAwaitingAnswer,
    Answered(Response),
    Waitlisted,
    NotSelected,
}

impl SpeakerStatus {
    /// How the status reads at a glance, the class of its badge: `good` (confirmed), `waiting`
    /// (submitted, accepted awaiting the answer, waitlisted), `ended` (declined, not selected,
    /// withdrawn), `draft`.
    pub fn tone(self) -> &'static str {
        match self {
            SpeakerStatus::Proposal(ProposalState::Draft) => "draft",
            SpeakerStatus::Proposal(ProposalState::Submitted) | SpeakerStatus::AcceptedAwaitingAnswer | SpeakerStatus::Waitlisted => "waiting",
            SpeakerStatus::Answered(Response::Confirmed) => "good",
            SpeakerStatus::Proposal(ProposalState::Withdrawn) | SpeakerStatus::Answered(Response::Declined) | SpeakerStatus::NotSelected => "ended",
        }
    }
}

pub fn speaker_status(state: ProposalState, published: Option<Decision>, response: Option<Response>) -> SpeakerStatus {
    match (published, response) {
        (Some(Decision::Accepted), None) => SpeakerStatus::AcceptedAwaitingAnswer,
        (Some(Decision::Accepted), Some(r)) => SpeakerStatus::Answered(r),
        (Some(Decision::Waitlisted), _) => SpeakerStatus::Waitlisted,
        (Some(Decision::Rejected), _) => SpeakerStatus::NotSelected,
        (None, _) => SpeakerStatus::Proposal(state),
    }
}

/// Whether an accepted talk holds a slot: declining frees it.
pub fn holds_slot(decision: Decision, response: Option<Response>) -> bool {
    decision == Decision::Accepted && response != Some(Response::Declined)
}

/// A decline frees a slot: the waitlisted proposal of the same format to suggest, best rank first.
/// Candidates are (proposal id, format id, waitlist rank).
pub fn promotion_candidate(format_id: Option<i32>, waitlisted: &[(i32, Option<i32>, Option<i32>)]) -> Option<i32> {
    waitlisted.iter().filter(|(_, f, _)| *f == format_id).min_by_key(|(id, _, rank)| (rank.unwrap_or(i32::MAX), *id)).map(|(id, _, _)| *id)
}

/// Whether a confirmation is still possible at `now`.
pub fn can_respond(now: DateTime<Utc>, confirm_by: Option<DateTime<Utc>>) -> bool {
    confirm_by.is_none_or(|d| now < d)
}

pub fn feedback_error(feedback: &str) -> Option<FieldProblem> {
    (super::text::typed_len(feedback) > FEEDBACK_MAX).then(|| FieldProblem::new("feedback", Problem::FeedbackTooLong { max: FEEDBACK_MAX }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declined_talk_never_looks_like_a_confirmed_one() {
        let confirmed = speaker_status(ProposalState::Submitted, Some(Decision::Accepted), Some(Response::Confirmed));
        let declined = speaker_status(ProposalState::Submitted, Some(Decision::Accepted), Some(Response::Declined));
        assert_eq!((confirmed.tone(), declined.tone()), ("good", "ended"));
        assert_eq!(speaker_status(ProposalState::Submitted, Some(Decision::Rejected), None).tone(), "ended");
        assert_eq!(speaker_status(ProposalState::Submitted, Some(Decision::Accepted), None).tone(), "waiting");
        assert_eq!(speaker_status(ProposalState::Draft, None, None).tone(), "draft");
    }
    use chrono::TimeZone;

    #[test]
    fn scores_are_0_to_5_or_no_opinion() {
        assert_eq!(parse_score("0").unwrap(), Some(0));
        assert_eq!(parse_score(" 5 ").unwrap(), Some(5));
        assert_eq!(parse_score("none").unwrap(), None);
        for bad in ["", "6", "-1", "3.5", "five"] {
            assert_eq!(parse_score(bad).unwrap_err(), FieldProblem::new("score", Problem::ScoreInvalid { max: 5 }), "{bad:?}");
        }
    }

    #[test]
    fn statistics_ignore_no_opinion() {
        let s = Stats::of(&[Some(1), None, Some(5), Some(3), Some(3)]);
        assert_eq!((s.reviews, s.scored), (5, 4));
        assert_eq!(s.mean, Some(3.0));
        assert_eq!(s.median, Some(3.0));
        assert!((s.stddev.unwrap() - 2.0_f64.sqrt()).abs() < 1e-9);
        assert_eq!(Stats::of(&[Some(2), Some(5)]).median, Some(3.5));
        let none = Stats::of(&[None]);
        assert_eq!((none.mean, none.median, none.stddev), (None, None, None));
        assert_eq!(one_decimal(Some(3.25)), "3.2");
        assert_eq!(one_decimal(None), "–");
    }

    #[test]
    fn disagreement_marks_a_proposal_controversial() {
        assert!(Stats::of(&[Some(0), Some(5)]).controversial());
        assert!(!Stats::of(&[Some(3), Some(4), Some(3)]).controversial());
        assert!(!Stats::of(&[Some(0)]).controversial(), "one score cannot disagree");
    }

    #[test]
    fn conflicts_of_interest() {
        let speakers = vec![(7, "ACME Corp".to_string()), (8, String::new())];
        assert_eq!(conflict(7, "Other", &speakers), Some(Conflict::Speaker));
        assert_eq!(conflict(9, " acme   corp ", &speakers), Some(Conflict::SameCompany));
        assert_eq!(conflict(9, "", &speakers), None, "no company is nobody's company");
        assert_eq!(conflict(9, "Initech", &speakers), None);
    }

    #[test]
    fn reviews_close_by_date_or_by_hand() {
        let t = |h| Utc.with_ymd_and_hms(2026, 12, 1, h, 0, 0).unwrap();
        assert!(reviews_open(t(9), None, None));
        assert!(reviews_open(t(9), Some(t(10)), None));
        assert!(!reviews_open(t(10), Some(t(10)), None));
        assert!(!reviews_open(t(9), Some(t(10)), Some(t(8))));
    }

    #[test]
    fn the_next_proposal_is_the_least_reviewed() {
        assert_eq!(next_to_review(&[(4, 2), (9, 0), (3, 0)]), Some(3));
        assert_eq!(next_to_review(&[]), None);
    }

    #[test]
    fn speakers_read_only_published_decisions() {
        let submitted = ProposalState::Submitted;
        assert_eq!(speaker_status(submitted, None, None), SpeakerStatus::Proposal(submitted));
        assert_eq!(speaker_status(submitted, Some(Decision::Accepted), None), SpeakerStatus::AcceptedAwaitingAnswer);
        assert_eq!(speaker_status(submitted, Some(Decision::Accepted), Some(Response::Declined)), SpeakerStatus::Answered(Response::Declined));
        assert_eq!(speaker_status(submitted, Some(Decision::Rejected), None), SpeakerStatus::NotSelected);
        assert_eq!(speaker_status(submitted, Some(Decision::Waitlisted), Some(Response::Confirmed)), SpeakerStatus::Waitlisted);
    }

    #[test]
    fn a_decline_suggests_the_best_waitlisted_of_the_same_format() {
        let waitlist = [(10, Some(1), Some(2)), (11, Some(1), Some(1)), (12, Some(2), Some(1)), (13, Some(1), None)];
        assert_eq!(promotion_candidate(Some(1), &waitlist), Some(11));
        assert_eq!(promotion_candidate(Some(3), &waitlist), None);
        assert!(holds_slot(Decision::Accepted, Some(Response::Confirmed)));
        assert!(!holds_slot(Decision::Accepted, Some(Response::Declined)));
    }

    #[test]
    fn long_comments_and_feedback_are_refused() {
        assert_eq!(comment_error(&"x".repeat(COMMENT_MAX)), None);
        assert_eq!(comment_error(&"x".repeat(COMMENT_MAX + 1)).unwrap().problem, Problem::CommentTooLong { max: COMMENT_MAX });
        assert_eq!(feedback_error(&"x".repeat(FEEDBACK_MAX + 1)).unwrap().problem, Problem::FeedbackTooLong { max: FEEDBACK_MAX });
    }

    #[test]
    fn confirmation_deadline() {
        let d = Utc.with_ymd_and_hms(2027, 1, 15, 23, 0, 0).unwrap();
        assert!(can_respond(d - chrono::Duration::seconds(1), Some(d)));
        assert!(!can_respond(d, Some(d)));
        assert!(can_respond(d, None));
    }
}
