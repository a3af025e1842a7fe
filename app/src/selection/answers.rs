//! Speakers answer an acceptance: from the mailed link (signed out is fine; the link works once,
//! until the deadline) or from their proposal page. And what speakers read about a decision: only
//! what was published, never scores nor comments.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use leptos_i18n::td_string;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::deliberation::{decisions_of, published_of, response_of};
use super::{ConfirmationView, LinkState, SpeakerSide};
use crate::crypto::token_hash;
use crate::db::BeginWrite;
use crate::entities::{decision, event, proposal, review_settings, user};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::{long_label, zone};
use crate::lang::Locale;
use crate::review::settings::{record, settings_of};
use crate::tr;
use domain::cfp::{Choice, ProposalState};
use domain::review::{can_respond, holds_slot, speaker_status, Decision, Response, SpeakerStatus};

/// "confirm" or "decline", from the button pressed.
pub fn parse_answer(value: &str) -> AppResult<Response> {
    match value.trim() {
        "confirm" => Ok(Response::Confirmed),
        "decline" => Ok(Response::Declined),
        _ => Err(AppError::BadRequest(tr!(selection.answer.choose).into())),
    }
}

/// A published acceptance with what it concerns.
struct Acceptance {
    d: decision::Model,
    p: proposal::Model,
    e: event::Model,
    settings: review_settings::Model,
}

async fn acceptance_of(db: &impl ConnectionTrait, d: decision::Model, now: DateTime<Utc>) -> AppResult<Acceptance> {
    if published_of(&d) != Some(Decision::Accepted) {
        return Err(AppError::NotFound);
    }
    let p = proposal::Entity::find_by_id(d.proposal_id).one(db).await?.ok_or(AppError::NotFound)?;
    let e = event::Entity::find_by_id(p.event_id).one(db).await?.ok_or(AppError::NotFound)?;
    let settings = settings_of(db, e.id, now).await?;
    Ok(Acceptance { d, p, e, settings })
}

async fn by_token(db: &impl ConnectionTrait, token: &str, now: DateTime<Utc>) -> AppResult<Acceptance> {
    let token = token.trim();
    if token.is_empty() {
        return Err(AppError::NotFound);
    }
    let d = decision::Entity::find()
        .filter(decision::Column::ConfirmTokenHash.eq(token_hash(token)))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    acceptance_of(db, d, now).await
}

/// Whether the acceptance can still be answered, and what to tell.
fn link_state(a: &Acceptance, now: DateTime<Utc>) -> (LinkState, String) {
    let tz = zone(&a.e.time_zone);
    if let Some(r) = response_of(&a.d) {
        let when = a.d.responded_at.map(|t| tr!(selection.answer.answered_on, at = long_label(t, tz)).to_string()).unwrap_or_default();
        let message = match r {
            Response::Confirmed => tr!(selection.answer.answered_confirmed, when = when, event = &a.e.name).to_string(),
            Response::Declined => tr!(selection.answer.answered_declined, when = when, event = &a.e.name).to_string(),
        };
        return (LinkState::Answered, message);
    }
    if a.p.proposal_state() != ProposalState::Submitted {
        return (LinkState::Expired, tr!(selection.answer.withdrawn).into());
    }
    match a.settings.confirm_by {
        Some(d) if !can_respond(now, Some(d)) => {
            (LinkState::Expired, tr!(selection.answer.deadline_passed, at = long_label(d, tz), event = &a.e.name).to_string())
        }
        Some(d) => (LinkState::Open, tr!(selection.answer.before, at = long_label(d, tz)).to_string()),
        None => (LinkState::Open, tr!(selection.answer.asap).into()),
    }
}

/// The page of a mailed confirmation link.
pub async fn confirmation(db: &impl ConnectionTrait, token: &str, now: DateTime<Utc>) -> AppResult<ConfirmationView> {
    let a = by_token(db, token, now).await?;
    let (state, message) = link_state(&a, now);
    Ok(ConfirmationView { title: a.p.title.clone(), event_name: a.e.name.clone(), event_slug: a.e.slug.clone(), state, message })
}

/// Records the answer once: a second answer, or one after the deadline, is refused with the reason.
async fn respond(
    db: &DatabaseConnection,
    a: &Acceptance,
    answer: Response,
    actor: Option<i32>,
    via: Via,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (state, message) = link_state(a, now);
    if state != LinkState::Open {
        return Err(AppError::Conflict(message));
    }
    let txn = db.begin_write().await?;
    let res = decision::Entity::update_many()
        .col_expr(decision::Column::Response, Expr::value(Some(answer.as_str())))
        .col_expr(decision::Column::RespondedAt, Expr::value(Some(now)))
        .filter(decision::Column::Id.eq(a.d.id))
        .filter(decision::Column::Response.is_null())
        .filter(decision::Column::PublishedDecision.eq(Decision::Accepted.as_str()))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        txn.rollback().await?;
        return Err(AppError::Conflict(tr!(selection.answer.once).into()));
    }
    let action = if answer == Response::Confirmed { "confirm" } else { "decline" };
    record(&txn, a.e.id, Some(a.p.id), actor, action, audit_detail(a, answer, via), now).await?;
    txn.commit().await?;
    Ok(())
}

/// Where an answer came from, for the audit trail.
#[derive(Clone, Copy)]
enum Via {
    MailedLink,
    ProposalPage,
}

/// The audit line of an answer, in the event's default language like the rest of the trail.
fn audit_detail(a: &Acceptance, answer: Response, via: Via) -> String {
    let l = super::settings::audit_locale(&a.e);
    let answer = response_name(l, answer);
    match via {
        Via::MailedLink => td_string!(l, selection.answer.by_link, answer = answer).to_string(),
        Via::ProposalPage => td_string!(l, selection.answer.by_page, answer = answer).to_string(),
    }
}

fn response_name(l: Locale, r: Response) -> &'static str {
    match r {
        Response::Confirmed => td_string!(l, selection.responses.confirmed),
        Response::Declined => td_string!(l, selection.responses.declined),
    }
}

/// What a speaker reads about a proposal, in the page's language.
fn status_label(s: SpeakerStatus) -> String {
    crate::lang::labels::speaker_status(crate::lang::use_locale(), s, false)
}

/// Answers from the mailed link (no account needed: the link is the key).
pub async fn answer_by_link(db: &DatabaseConnection, token: &str, answer: Response, now: DateTime<Utc>) -> AppResult<()> {
    let a = by_token(db, token, now).await?;
    respond(db, &a, answer, None, Via::MailedLink, now).await
}

/// Answers as a signed-in speaker of the proposal; anyone else gets "not found".
pub async fn answer_as_speaker(
    db: &DatabaseConnection,
    me: &user::Model,
    code: &str,
    answer: Response,
    now: DateTime<Utc>,
) -> AppResult<String> {
    let p = crate::cfp::access::as_speaker(db, code, me).await?;
    let d = decision::Entity::find().filter(decision::Column::ProposalId.eq(p.id)).one(db).await?;
    let nothing = || AppError::Conflict(tr!(selection.answer.nothing).into());
    let a = match d {
        Some(d) => acceptance_of(db, d, now).await.map_err(|_| nothing())?,
        None => return Err(nothing()),
    };
    respond(db, &a, answer, Some(me.id), Via::ProposalPage, now).await?;
    Ok(p.code)
}

/// What the speakers of these proposals may read about their selection, by proposal id.
pub async fn speaker_side(
    db: &impl ConnectionTrait,
    proposals: &[proposal::Model],
    now: DateTime<Utc>,
) -> AppResult<HashMap<i32, SpeakerSide>> {
    let ids: Vec<i32> = proposals.iter().map(|p| p.id).collect();
    let decisions = decisions_of(db, &ids).await?;
    let mut events: HashMap<i32, (Option<DateTime<Utc>>, chrono_tz::Tz)> = HashMap::new();
    let mut out = HashMap::new();
    for p in proposals {
        let submitted = p.proposal_state() == ProposalState::Submitted;
        let d = decisions.get(&p.id);
        let published = d.and_then(published_of).filter(|_| submitted);
        let response = d.and_then(response_of);
        let status = speaker_status(p.proposal_state(), published, response);
        let mut side = SpeakerSide {
            status_label: status_label(status),
            tone: status.tone().into(),
            awaiting_answer: false,
            note: None,
            holds_slot: published.is_some_and(|d| holds_slot(d, response)),
        };
        if published == Some(Decision::Accepted) && response.is_none() {
            let (confirm_by, tz) = match events.get(&p.event_id) {
                Some(known) => *known,
                None => {
                    let e = event::Entity::find_by_id(p.event_id).one(db).await?.ok_or(AppError::NotFound)?;
                    let found = (settings_of(db, e.id, now).await?.confirm_by, zone(&e.time_zone));
                    events.insert(p.event_id, found);
                    found
                }
            };
            side.awaiting_answer = can_respond(now, confirm_by);
            side.note = match confirm_by {
                Some(t) if side.awaiting_answer => Some(tr!(selection.answer.before, at = long_label(t, tz)).to_string()),
                Some(t) => Some(tr!(selection.answer.deadline_passed_short, at = long_label(t, tz)).to_string()),
                None => Some(tr!(selection.answer.asap).into()),
            };
        }
        out.insert(p.id, side);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_come_from_the_button_pressed() {
        assert_eq!(parse_answer("confirm").unwrap(), Response::Confirmed);
        assert_eq!(parse_answer(" decline ").unwrap(), Response::Declined);
        assert_eq!(parse_answer("maybe").unwrap_err().status_code(), 400);
    }
}
