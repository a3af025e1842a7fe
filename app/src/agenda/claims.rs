//! Claiming imported talks. An imported speaker whose file gave an email can be mailed, by the
//! event's organisers, a single-use link; whoever opens it signed in with that address, verified,
//! takes the imported speaker's talks into their own account: the talks join *My proposals* and
//! the agenda shows their own profile. Nothing of an account reaches an event before its owner
//! claims.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set};

use super::{ClaimState, ClaimView, ImportedSpeaker, ImportedSpeakers};
use crate::crypto::{new_token, token_hash};
use crate::db::BeginWrite;
use crate::entities::{event, proposal, proposal_speaker, schedule_version, speaker_claim as claim, speaker_profile, user};
use crate::error::{AppError, AppResult};
use crate::mail::{outbox, templates};
use crate::state::AppState;
use domain::claims::{claim_refusal, CLAIM_TTL_DAYS};
use domain::timetable::{Change, Slot};

/// The message for a used, expired or replaced claim link.
fn link_invalid() -> AppError {
    AppError::field("token", crate::tr!(agenda.claim.link_invalid))
}

/// "3 March 2027" / "3 mars 2027", in the page's language.
fn date(t: DateTime<Utc>) -> String {
    let l = crate::lang::use_locale();
    crate::lang::dates::with_pattern(l, t.date_naive(), leptos_i18n::td_string!(l, common.dates.day_month_year))
}

/// The titles of the talks `user_id` speaks in (imported speakers speak in one event only).
async fn titles(db: &impl ConnectionTrait, user_id: i32) -> AppResult<Vec<String>> {
    let ids: Vec<i32> = proposal_speaker::Entity::find()
        .filter(proposal_speaker::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.proposal_id)
        .collect();
    let talks = proposal::Entity::find().filter(proposal::Column::Id.is_in(ids)).order_by_asc(proposal::Column::Id).all(db).await?;
    Ok(talks.into_iter().map(|p| p.title).collect())
}

fn mailable(c: &claim::Model, now: DateTime<Utc>) -> bool {
    c.claimed_at.is_none() && c.expires_at.is_none_or(|t| t <= now)
}

/// The event's imported speakers that the file gave an email, for its organisers.
pub async fn list(db: &impl ConnectionTrait, event_id: i32, now: DateTime<Utc>) -> AppResult<ImportedSpeakers> {
    let claims = claim::Entity::find().filter(claim::Column::EventId.eq(event_id)).order_by_asc(claim::Column::Id).all(db).await?;
    let mut rows = Vec::new();
    for c in &claims {
        let name = user::Entity::find_by_id(c.user_id).one(db).await?.map(|u| u.display_name).unwrap_or_default();
        let state = match (c.claimed_at, c.expires_at) {
            (Some(at), _) => ClaimState::Claimed { on: date(at) },
            (None, Some(until)) if until > now => ClaimState::Mailed { until: date(until) },
            (None, Some(_)) => ClaimState::Expired,
            (None, None) => ClaimState::NotMailed,
        };
        rows.push(ImportedSpeaker { name, email: c.email_normalized.clone(), talks: titles(db, c.user_id).await?, state });
    }
    let to_mail = claims.iter().filter(|c| mailable(c, now)).count();
    Ok(ImportedSpeakers { rows, to_mail })
}

/// Mails a claim link to each imported speaker not yet claimed whose last link (if any) expired:
/// one mail per speaker per link lifetime, however often organisers click. Returns how many.
pub async fn send(state: &AppState, e: &event::Model, now: DateTime<Utc>) -> AppResult<usize> {
    let txn = state.db.begin_write().await?;
    let claims = claim::Entity::find().filter(claim::Column::EventId.eq(e.id)).all(&txn).await?;
    let mut sent = 0;
    for c in claims.into_iter().filter(|c| mailable(c, now)) {
        let token = new_token();
        let expires = now + Duration::days(CLAIM_TTL_DAYS);
        // Conditional: two organisers clicking at once mail each speaker once.
        let taken = claim::Entity::update_many()
            .col_expr(claim::Column::TokenHash, Expr::value(Some(token_hash(&token))))
            .col_expr(claim::Column::SentAt, Expr::value(Some(now)))
            .col_expr(claim::Column::ExpiresAt, Expr::value(Some(expires)))
            .filter(claim::Column::Id.eq(c.id))
            .filter(claim::Column::ClaimedAt.is_null())
            .filter(match &c.token_hash {
                Some(h) => claim::Column::TokenHash.eq(h.clone()),
                None => claim::Column::TokenHash.is_null(),
            })
            .exec(&txn)
            .await?;
        if taken.rows_affected != 1 {
            continue;
        }
        let speaker = user::Entity::find_by_id(c.user_id).one(&txn).await?;
        let locale = crate::lang::for_recipient(speaker.as_ref().and_then(|u| u.language.as_deref()), Some(&e.default_language));
        let name = speaker.map(|u| u.display_name).unwrap_or_default();
        let link = state.config.link(&format!("/claim?token={token}"));
        let mail =
            templates::talk_claim(locale, &c.email_normalized, &name, &e.name, &titles(&txn, c.user_id).await?, CLAIM_TTL_DAYS, &link);
        outbox::enqueue(&txn, mail, now).await?;
        sent += 1;
    }
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(sent)
}

async fn live(db: &impl ConnectionTrait, token: &str, now: DateTime<Utc>) -> AppResult<claim::Model> {
    claim::Entity::find()
        .filter(claim::Column::TokenHash.eq(token_hash(token.trim())))
        .filter(claim::Column::ClaimedAt.is_null())
        .filter(claim::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .ok_or_else(link_invalid)
}

/// What the link's page shows; does not use the link up.
pub async fn peek(db: &impl ConnectionTrait, token: &str, viewer: Option<&user::Model>, now: DateTime<Utc>) -> AppResult<ClaimView> {
    let c = live(db, token, now).await?;
    let e = event::Entity::find_by_id(c.event_id).one(db).await?.ok_or(AppError::NotFound)?;
    let name = user::Entity::find_by_id(c.user_id).one(db).await?.map(|u| u.display_name).unwrap_or_default();
    Ok(ClaimView {
        event_name: e.name,
        name,
        talks: titles(db, c.user_id).await?,
        refusal: viewer
            .and_then(|u| claim_refusal(&c.email_normalized, &u.email, u.verified_at.is_some()))
            .map(|p| crate::lang::problems::here(&p)),
        signed_in_as: viewer.map(|u| u.email.clone()),
        invited_email: c.email_normalized,
    })
}

/// Gives the imported speaker's talks to `me`, the verified owner of the address the link was
/// mailed to. The link is used up by a conditional update: it works once.
pub async fn accept(state: &AppState, token: &str, me: &user::Model, now: DateTime<Utc>) -> AppResult<()> {
    let c = live(&state.db, token, now).await?;
    if let Some(why) = claim_refusal(&c.email_normalized, &me.email, me.verified_at.is_some()) {
        return Err(AppError::Conflict(crate::lang::problems::here(&why)));
    }
    let txn = state.db.begin_write().await?;
    let used = claim::Entity::update_many()
        .col_expr(claim::Column::ClaimedAt, Expr::value(Some(now)))
        .col_expr(claim::Column::ClaimedBy, Expr::value(Some(me.id)))
        .filter(claim::Column::Id.eq(c.id))
        .filter(claim::Column::ClaimedAt.is_null())
        .filter(claim::Column::TokenHash.eq(token_hash(token.trim())))
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Err(link_invalid());
    }
    move_talks(&txn, c.user_id, me.id).await?;
    keep_profile(&txn, c.user_id, me.id).await?;
    relink_versions(&txn, c.event_id, c.user_id, me.id).await?;
    txn.commit().await?;
    Ok(())
}

/// The imported speaker's places in proposals become `to`'s (ownership included).
async fn move_talks(txn: &impl ConnectionTrait, from: i32, to: i32) -> AppResult<()> {
    for row in proposal_speaker::Entity::find().filter(proposal_speaker::Column::UserId.eq(from)).all(txn).await? {
        let already = proposal_speaker::Entity::find()
            .filter(proposal_speaker::Column::ProposalId.eq(row.proposal_id))
            .filter(proposal_speaker::Column::UserId.eq(to))
            .one(txn)
            .await?;
        match already {
            Some(mine) => {
                if row.is_owner && !mine.is_owner {
                    let mut mine = mine.into_active_model();
                    mine.is_owner = Set(true);
                    mine.update(txn).await?;
                }
                proposal_speaker::Entity::delete_by_id(row.id).exec(txn).await?;
            }
            None => {
                let mut row = row.into_active_model();
                row.user_id = Set(to);
                row.update(txn).await?;
            }
        }
    }
    proposal::Entity::update_many()
        .col_expr(proposal::Column::OwnerId, Expr::value(to))
        .filter(proposal::Column::OwnerId.eq(from))
        .exec(txn)
        .await?;
    Ok(())
}

/// Someone without a speaker profile starts from the imported one (name and biography).
async fn keep_profile(txn: &impl ConnectionTrait, from: i32, to: i32) -> AppResult<()> {
    let has_one = speaker_profile::Entity::find().filter(speaker_profile::Column::UserId.eq(to)).one(txn).await?.is_some();
    if !has_one {
        speaker_profile::Entity::update_many()
            .col_expr(speaker_profile::Column::UserId, Expr::value(to))
            .filter(speaker_profile::Column::UserId.eq(from))
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// The published versions name the speaker by account: the claimant's from now on, so the agenda
/// links their own profile without waiting for the next publication (names stay as published).
async fn relink_versions(txn: &impl ConnectionTrait, event_id: i32, from: i32, to: i32) -> AppResult<()> {
    let relink = |slots: Vec<&mut Slot>| {
        for sp in slots.into_iter().flat_map(|s| s.speakers.iter_mut()).filter(|sp| sp.id == from) {
            sp.id = to;
        }
    };
    for v in schedule_version::Entity::find().filter(schedule_version::Column::EventId.eq(event_id)).all(txn).await? {
        let mut snapshot: Vec<Slot> = serde_json::from_str(&v.snapshot).map_err(AppError::internal)?;
        relink(snapshot.iter_mut().collect());
        let mut changes: Vec<Change> = serde_json::from_str(&v.changelog).unwrap_or_default();
        relink(
            changes
                .iter_mut()
                .flat_map(|c| match c {
                    Change::Added { slot } | Change::Removed { slot } => vec![slot],
                    Change::Moved { before, after } => vec![before, after],
                })
                .collect(),
        );
        let mut row = v.into_active_model();
        row.snapshot = Set(serde_json::to_string(&snapshot).map_err(AppError::internal)?);
        row.changelog = Set(serde_json::to_string(&changes).map_err(AppError::internal)?);
        row.update(txn).await?;
    }
    Ok(())
}
