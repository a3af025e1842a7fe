//! Names of stored choices (levels, talk languages, proposal states) in the reader's language.
use leptos_i18n::td_string;

use super::Locale;

/// The name of a talk level code ("beginner"), or the code itself when unknown.
pub fn level(l: Locale, code: &str) -> String {
    match code {
        "beginner" => td_string!(l, common.levels.beginner).to_string(),
        "intermediate" => td_string!(l, common.levels.intermediate).to_string(),
        "advanced" => td_string!(l, common.levels.advanced).to_string(),
        other => other.to_string(),
    }
}

/// A room name as published: an item spanning every room was published with "All rooms" in the
/// event's default language; a reader of another language gets it in theirs.
pub fn room(l: Locale, published: &str) -> String {
    let spanning = super::all().iter().any(|&other| td_string!(other, schedule.all_rooms) == published);
    if spanning {
        td_string!(l, schedule.all_rooms).to_string()
    } else {
        published.to_string()
    }
}

/// The name of a proposal state code ("submitted"), or the code itself when unknown.
pub fn proposal_state(l: Locale, code: &str) -> String {
    match code {
        "draft" => td_string!(l, speakers.states.draft).to_string(),
        "submitted" => td_string!(l, speakers.states.submitted).to_string(),
        "withdrawn" => td_string!(l, speakers.states.withdrawn).to_string(),
        other => other.to_string(),
    }
}

/// Where a proposal stands as its speakers read it (published decisions only). Organisers read
/// the same, except that an acceptance awaiting an answer is worded for them.
pub fn speaker_status(l: Locale, s: domain::review::SpeakerStatus, for_organisers: bool) -> String {
    use domain::cfp::Choice;
    use domain::review::{Response, SpeakerStatus};
    match s {
        SpeakerStatus::Proposal(state) => proposal_state(l, state.as_str()),
        SpeakerStatus::AcceptedAwaitingAnswer if for_organisers => td_string!(l, selection.speaker_status.awaiting_answer).into(),
        SpeakerStatus::AcceptedAwaitingAnswer => td_string!(l, selection.speaker_status.accepted_awaiting).into(),
        SpeakerStatus::Answered(Response::Confirmed) => td_string!(l, selection.responses.confirmed).into(),
        SpeakerStatus::Answered(Response::Declined) => td_string!(l, selection.responses.declined).into(),
        SpeakerStatus::Waitlisted => td_string!(l, selection.decisions.waitlisted).into(),
        SpeakerStatus::NotSelected => td_string!(l, selection.speaker_status.not_selected).into(),
    }
}

/// The name of a talk language code ("fr"), or the code itself when unknown.
pub fn language(l: Locale, code: &str) -> String {
    match code {
        "fr" => td_string!(l, common.languages.fr).to_string(),
        "en" => td_string!(l, common.languages.en).to_string(),
        other => other.to_string(),
    }
}
