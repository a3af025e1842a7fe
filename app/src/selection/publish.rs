//! Deciding (pending, invisible to speakers), publishing (one mail per speaker, through the outbox,
//! in one transaction; a decision already published is never mailed again) and promoting a
//! waitlisted proposal when an accepted speaker declines.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::deliberation::{decision_of, decisions_of, published_of, PROMOTE};
use super::settings::{at_label, audit_locale};
use crate::crypto::{new_token, token_hash};
use crate::db::BeginWrite;
use crate::entities::{decision, event, proposal, review_settings, speaker_profile, user};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::zone;
use crate::lang::Locale;
use crate::mail::templates::escape;
use crate::mail::{outbox, Email};
use crate::review::settings::{record, settings_of};
use crate::state::AppState;
use crate::tr;
use domain::cfp::{Choice, ProposalState};
use domain::decision_mail::{render, Values};
use domain::review::{can_respond, feedback_error, Decision};
use leptos_i18n::td_string;

/// The decision form of one row, as sent.
#[derive(Debug, Clone, Default)]
pub struct DecideInput {
    /// "" or "none" for no decision, else accepted | waitlisted | rejected.
    pub decision: String,
    pub waitlist_rank: String,
    pub feedback: String,
}

/// A submitted proposal of the event, by code; anything else is "not found".
pub async fn submitted_proposal(db: &impl ConnectionTrait, event_id: i32, code: &str) -> AppResult<proposal::Model> {
    proposal::Entity::find()
        .filter(proposal::Column::Code.eq(code.trim()))
        .filter(proposal::Column::EventId.eq(event_id))
        .filter(proposal::Column::State.eq(ProposalState::Submitted.as_str()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn decision_row(db: &impl ConnectionTrait, proposal_id: i32) -> AppResult<Option<decision::Model>> {
    Ok(decision::Entity::find().filter(decision::Column::ProposalId.eq(proposal_id)).one(db).await?)
}

/// The next free place at the end of the event's waiting list.
async fn next_rank(db: &impl ConnectionTrait, event_id: i32) -> AppResult<i32> {
    let ids: Vec<i32> = crate::review::access::submitted(db, event_id).await?.into_iter().map(|p| p.id).collect();
    let last = decisions_of(db, &ids)
        .await?
        .values()
        .filter(|d| decision_of(d) == Some(Decision::Waitlisted))
        .filter_map(|d| d.waitlist_rank)
        .max();
    Ok(last.unwrap_or(0) + 1)
}

fn label_with_rank(l: Locale, d: Option<Decision>, rank: Option<i32>) -> String {
    match (d, rank) {
        (Some(Decision::Waitlisted), Some(r)) => td_string!(l, selection.decisions.waitlisted_rank, rank = r).to_string(),
        (Some(d), _) => super::decision_label(l, d).to_string(),
        (None, _) => td_string!(l, selection.decisions.none).into(),
    }
}

/// Saves the working decision of a proposal; speakers see nothing until it is published.
/// Field errors are named `d-<code>-<field>` so the page shows them on the right row.
pub async fn decide(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    code: &str,
    input: &DecideInput,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let p = submitted_proposal(db, e.id, code).await?;
    let prefix = format!("d-{}-", p.code);
    let row_err = |field: &str, message: &str| crate::plumbing::for_row(AppError::field(field, message), &prefix);
    let choice = match input.decision.trim() {
        "" | "none" => None,
        v => Some(Decision::parse(v).ok_or_else(|| row_err("decision", tr!(selection.errors.choose_decision)))?),
    };
    if let Some(err) = feedback_error(&input.feedback) {
        return Err(row_err(&err.field, &crate::lang::problems::here(&err.problem)));
    }
    let rank = match (choice, input.waitlist_rank.trim()) {
        (Some(Decision::Waitlisted), "") => Some(next_rank(db, e.id).await?),
        (Some(Decision::Waitlisted), r) => Some(
            r.parse::<i32>()
                .ok()
                .filter(|n| (1..=999).contains(n))
                .ok_or_else(|| row_err("waitlist_rank", tr!(selection.errors.waitlist_rank)))?,
        ),
        _ => None,
    };
    let existing = decision_row(db, p.id).await?;
    let feedback = input.feedback.trim().to_string();
    let Some(choice) = choice else {
        let Some(d) = existing else { return Ok(()) };
        if d.published_decision.is_some() {
            return Err(AppError::Conflict(tr!(selection.errors.already_published).into()));
        }
        let txn = db.begin_write().await?;
        decision::Entity::delete_by_id(d.id).exec(&txn).await?;
        record(&txn, e.id, Some(p.id), Some(me.id), "decide", td_string!(audit_locale(e), selection.audit.decision_removed), now).await?;
        txn.commit().await?;
        return Ok(());
    };
    if existing.as_ref().is_some_and(|d| d.decision == choice.as_str() && d.waitlist_rank == rank && d.feedback == feedback) {
        return Ok(());
    }
    let row = decision::ActiveModel {
        proposal_id: Set(p.id),
        decision: Set(choice.as_str().into()),
        waitlist_rank: Set(rank),
        feedback: Set(feedback),
        decided_by: Set(me.id),
        decided_at: Set(now),
        published_decision: Set(None),
        published_at: Set(None),
        confirm_token_hash: Set(None),
        response: Set(None),
        responded_at: Set(None),
        ..Default::default()
    };
    let txn = db.begin_write().await?;
    // Only the working columns change: what was published (and answered) stays as it is.
    decision::Entity::insert(row)
        .on_conflict(
            OnConflict::column(decision::Column::ProposalId)
                .update_columns([
                    decision::Column::Decision,
                    decision::Column::WaitlistRank,
                    decision::Column::Feedback,
                    decision::Column::DecidedBy,
                    decision::Column::DecidedAt,
                ])
                .to_owned(),
        )
        .exec(&txn)
        .await?;
    let al = audit_locale(e);
    let detail = td_string!(al, selection.audit.pending, decision = label_with_rank(al, Some(choice), rank)).to_string();
    record(&txn, e.id, Some(p.id), Some(me.id), "decide", detail, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Each speaker of the proposal as (email, public name, chosen language).
async fn recipients(db: &impl ConnectionTrait, proposal_id: i32) -> AppResult<Vec<(String, String, Option<String>)>> {
    let users: Vec<user::Model> = crate::cfp::proposals::speakers_of(db, proposal_id).await?.into_iter().map(|(_, u)| u).collect();
    let profiles: HashMap<i32, String> = speaker_profile::Entity::find()
        .filter(speaker_profile::Column::UserId.is_in(users.iter().map(|u| u.id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p.public_name.trim().to_string()))
        .collect();
    Ok(users
        .into_iter()
        .map(|u| {
            let name = profiles.get(&u.id).filter(|n| !n.is_empty()).cloned().unwrap_or(u.display_name);
            (u.email, name, u.language)
        })
        .collect())
}

/// The HTML twin of a plain-text mail: paragraphs, line breaks, and web addresses as links.
fn html_of(l: Locale, text: &str) -> String {
    let line = |l: &str| {
        l.split(' ')
            .map(|w| {
                if w.starts_with("https://") || w.starts_with("http://") {
                    format!("<a href=\"{0}\">{0}</a>", escape(w))
                } else {
                    escape(w)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", p.lines().map(line).collect::<Vec<_>>().join("<br>")))
        .collect();
    format!(
        "<!doctype html><html lang=\"{}\"><body style=\"font-family:sans-serif;line-height:1.5\">{}</body></html>",
        crate::lang::code(l),
        paragraphs.concat()
    )
}

/// The wordings of the event, per decision and language, read once per publication.
pub type Templates = HashMap<(Decision, Locale), (String, String)>;

pub async fn templates_of(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Templates> {
    let mut out = HashMap::new();
    for d in Decision::ALL {
        for l in crate::lang::all() {
            out.insert((*d, *l), super::settings::template_for(db, event_id, *d, *l).await?);
        }
    }
    Ok(out)
}

/// Refuses to publish acceptances without a deadline speakers can still meet.
fn require_deadline(s: &review_settings::Model, e: &event::Model, now: DateTime<Utc>) -> AppResult<()> {
    match s.confirm_by {
        None => Err(AppError::Conflict(tr!(selection.errors.no_deadline).into())),
        Some(d) if !can_respond(now, Some(d)) => Err(AppError::Conflict(
            tr!(selection.errors.deadline_passed, at = at_label(crate::lang::use_locale(), d, zone(&e.time_zone))).to_string(),
        )),
        Some(_) => Ok(()),
    }
}

/// Marks one decision published and queues its mails, unless it was published meanwhile (then nothing
/// is sent). Run inside the publishing transaction; returns whether it published.
async fn publish_one(
    txn: &impl ConnectionTrait,
    state: &AppState,
    e: &event::Model,
    p: &proposal::Model,
    d: &decision::Model,
    ctx: (&review_settings::Model, &Templates, i32),
) -> AppResult<bool> {
    let (settings, templates, actor) = ctx;
    let now = state.clock.now();
    let Some(dec) = decision_of(d) else { return Ok(false) };
    let token = (dec == Decision::Accepted).then(new_token);
    let none: Option<DateTime<Utc>> = None;
    // Conditional: of two publications at once, one marks the row and mails; the other finds it done.
    let res = decision::Entity::update_many()
        .col_expr(decision::Column::PublishedDecision, Expr::value(Some(d.decision.clone())))
        .col_expr(decision::Column::PublishedAt, Expr::value(Some(now)))
        .col_expr(decision::Column::ConfirmTokenHash, Expr::value(token.as_deref().map(token_hash)))
        .col_expr(decision::Column::Response, Expr::value(Option::<String>::None))
        .col_expr(decision::Column::RespondedAt, Expr::value(none))
        .filter(decision::Column::Id.eq(d.id))
        .filter(decision::Column::Decision.eq(d.decision.clone()))
        .filter(
            Condition::any()
                .add(decision::Column::PublishedDecision.is_null())
                .add(decision::Column::PublishedDecision.ne(d.decision.clone())),
        )
        .exec(txn)
        .await?;
    if res.rows_affected != 1 {
        return Ok(false);
    }
    let tz = zone(&e.time_zone);
    let speakers = recipients(txn, p.id).await?;
    for (email, name, language) in &speakers {
        // Each speaker reads the mail in their language: their account's, else the event's.
        let l = crate::lang::for_recipient(language.as_deref(), Some(&e.default_language));
        let (subject, body) = &templates[&(dec, l)];
        let values = Values {
            speaker: name.clone(),
            title: p.title.clone(),
            event: e.name.clone(),
            confirm_link: token.as_ref().map(|t| state.config.link(&format!("/confirm/{t}"))).unwrap_or_default(),
            deadline: settings
                .confirm_by
                .map(|t| td_string!(l, selection.deadline_at, at = at_label(l, t, tz), zone = tz.name()).to_string())
                .unwrap_or_default(),
            feedback: if dec == Decision::Rejected { d.feedback.clone() } else { String::new() },
        };
        let text = render(body, &values);
        outbox::enqueue(
            txn,
            Email { to: email.clone(), subject: render(subject, &values), html: html_of(l, &text), text, attachment: None },
            now,
        )
        .await?;
    }
    let n = speakers.len();
    let al = audit_locale(e);
    let detail = td_string!(al, selection.audit.published_one, decision = super::decision_label(al, dec), count = n as i32).to_string();
    record(txn, e.id, Some(p.id), Some(actor), "publish", detail, now).await?;
    Ok(true)
}

/// Publishes every decision that differs from what speakers were told, in one transaction.
/// Returns how many were published (0 when there was nothing new).
pub async fn publish_all(state: &AppState, e: &event::Model, me: &user::Model) -> AppResult<usize> {
    let db = &state.db;
    let now = state.clock.now();
    let settings = settings_of(db, e.id, now).await?;
    let proposals = crate::review::access::submitted(db, e.id).await?;
    let ids: Vec<i32> = proposals.iter().map(|p| p.id).collect();
    let decisions = decisions_of(db, &ids).await?;
    let todo: Vec<(&proposal::Model, &decision::Model)> = proposals
        .iter()
        .filter_map(|p| decisions.get(&p.id).map(|d| (p, d)))
        .filter(|(_, d)| decision_of(d).is_some() && published_of(d) != decision_of(d))
        .collect();
    if todo.is_empty() {
        return Ok(0);
    }
    if todo.iter().any(|(_, d)| decision_of(d) == Some(Decision::Accepted)) {
        require_deadline(&settings, e, now)?;
    }
    let templates = templates_of(db, e.id).await?;
    let txn = db.begin_write().await?;
    let mut published = 0;
    for (p, d) in todo {
        if publish_one(&txn, state, e, p, d, (&settings, &templates, me.id)).await? {
            published += 1;
        }
    }
    if published > 0 {
        let detail = td_string!(audit_locale(e), selection.audit.published_all, count = published as i32).to_string();
        record(&txn, e.id, None, Some(me.id), "publish", detail, now).await?;
    }
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(published)
}

/// Accepts a waitlisted proposal and publishes that acceptance at once (its speakers get the mail
/// with a confirmation link); other pending decisions stay pending.
pub async fn promote(state: &AppState, e: &event::Model, me: &user::Model, code: &str) -> AppResult<()> {
    let db = &state.db;
    let p = submitted_proposal(db, e.id, code).await?;
    let not_waitlisted = || AppError::Conflict(tr!(selection.errors.not_waitlisted).into());
    let d = decision_row(db, p.id).await?.filter(|d| decision_of(d) == Some(Decision::Waitlisted)).ok_or_else(not_waitlisted)?;
    let now = state.clock.now();
    let settings = settings_of(db, e.id, now).await?;
    require_deadline(&settings, e, now)?;
    let templates = templates_of(db, e.id).await?;
    let txn = db.begin_write().await?;
    let res = decision::Entity::update_many()
        .col_expr(decision::Column::Decision, Expr::value(Decision::Accepted.as_str()))
        .col_expr(decision::Column::WaitlistRank, Expr::value(Option::<i32>::None))
        .col_expr(decision::Column::DecidedBy, Expr::value(me.id))
        .col_expr(decision::Column::DecidedAt, Expr::value(now))
        .filter(decision::Column::Id.eq(d.id))
        .filter(decision::Column::Decision.eq(Decision::Waitlisted.as_str()))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        txn.rollback().await?;
        return Err(not_waitlisted());
    }
    let al = audit_locale(e);
    let detail = match d.waitlist_rank {
        Some(rank) => td_string!(al, selection.audit.promoted_rank, rank = rank).to_string(),
        None => td_string!(al, selection.audit.promoted).to_string(),
    };
    record(&txn, e.id, Some(p.id), Some(me.id), PROMOTE, detail, now).await?;
    let accepted =
        decision::Model { decision: Decision::Accepted.as_str().into(), waitlist_rank: None, decided_by: me.id, decided_at: now, ..d };
    publish_one(&txn, state, e, &p, &accepted, (&settings, &templates, me.id)).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_html_escapes_text_and_links_addresses() {
        let html = html_of(Locale::en, "Hello <b>Ada</b>,\n\nConfirm here:\nhttps://x.org/confirm/abc\n\nBye & thanks");
        assert!(html.contains("<p>Hello &lt;b&gt;Ada&lt;/b&gt;,</p>"));
        assert!(html.contains("<br><a href=\"https://x.org/confirm/abc\">https://x.org/confirm/abc</a></p>"));
        assert!(html.contains("<p>Bye &amp; thanks</p>"));
    }

    #[test]
    fn decisions_read_with_their_rank() {
        assert_eq!(label_with_rank(Locale::en, Some(Decision::Waitlisted), Some(2)), "Waitlisted (rank 2)");
        assert_eq!(label_with_rank(Locale::en, Some(Decision::Accepted), None), "Accepted");
        assert_eq!(label_with_rank(Locale::en, None, None), "No decision");
        assert_eq!(label_with_rank(Locale::fr, Some(Decision::Waitlisted), Some(2)), "Liste d’attente (rang 2)");
    }
}
