//! Co-speakers: mailed single-use invitations, acceptance, removal.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::access::as_speaker;
use super::proposals::speakers_of;
use super::InvitationView;
use crate::auth::throttle::{self, wait_until, Key, Rule};
use crate::crypto::{new_token, token_hash};
use crate::db::BeginWrite;
use crate::entities::{cospeaker_invitation as invitation, event, proposal, proposal_speaker, user};
use crate::error::{AppError, AppResult};
use crate::mail::{outbox, templates};
use crate::state::AppState;
use domain::accounts::{check_email, normalize_email};
use domain::cfp::ProposalState;

/// An invitation link works for a week.
pub const INVITATION_TTL_DAYS: i64 = 7;

/// The message for a used or expired invitation link.
fn link_invalid() -> AppError {
    AppError::field("token", crate::tr!(cfp.errors.link_invalid))
}

fn only_owner(p: &proposal::Model, me: &user::Model, refusal: &str) -> AppResult<()> {
    if p.owner_id == me.id {
        Ok(())
    } else {
        Err(AppError::Conflict(refusal.to_string()))
    }
}

/// Invites `email` to co-present the proposal: one mail with a single-use link, queued with the invitation.
/// The mail carries the inviter's name and the title they chose, so only a verified account may send
/// it, and only so many a day (per account, per recipient and per IP).
pub async fn invite(state: &AppState, code: &str, me: &user::Model, email: &str, ip: &str) -> AppResult<()> {
    let p = as_speaker(&state.db, code, me).await?;
    only_owner(&p, me, crate::tr!(cfp.errors.only_owner_invites))?;
    if p.proposal_state() == ProposalState::Withdrawn {
        return Err(AppError::Conflict(crate::tr!(cfp.errors.withdrawn).into()));
    }
    if me.verified_at.is_none() {
        return Err(AppError::Conflict(crate::tr!(cfp.errors.confirm_email_first).into()));
    }
    if let Some(problem) = check_email(email) {
        return Err(AppError::problem("email", problem));
    }
    let email_n = normalize_email(email);
    let now = state.clock.now();
    let speakers = speakers_of(&state.db, p.id).await?;
    if speakers.iter().any(|(_, u)| u.email_normalized == email_n) {
        return Err(AppError::field("email", crate::tr!(cfp.errors.already_speaks)));
    }
    let pending = invitation::Entity::find()
        .filter(invitation::Column::ProposalId.eq(p.id))
        .filter(invitation::Column::EmailNormalized.eq(&email_n))
        .filter(invitation::Column::UsedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(now))
        .count(&state.db)
        .await?;
    if pending > 0 {
        return Err(AppError::field("email", crate::tr!(cfp.errors.already_invited)));
    }
    let e = event::Entity::find_by_id(p.event_id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    let token = new_token();
    let txn = state.db.begin_write().await?;
    count_invitation(state, &txn, me, &email_n, ip).await?;
    invitation::ActiveModel {
        proposal_id: Set(p.id),
        email_normalized: Set(email_n.clone()),
        token_hash: Set(token_hash(&token)),
        invited_by: Set(me.id),
        expires_at: Set(now + Duration::days(INVITATION_TTL_DAYS)),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let link = state.config.link(&format!("/cospeaker?token={token}"));
    outbox::enqueue(
        &txn,
        templates::cospeaker_invitation(
            crate::lang::for_recipient(None, Some(&e.default_language)),
            &email_n,
            &me.display_name,
            &p.title,
            &e.name,
            &link,
        ),
        now,
    )
    .await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

/// Counts one invitation against the sender, the recipient and the IP, in the invitation's transaction.
async fn count_invitation(state: &AppState, txn: &impl ConnectionTrait, me: &user::Model, email_n: &str, ip: &str) -> AppResult<()> {
    let (limits, now) = (&state.config.limits, state.clock.now());
    let account = me.id.to_string();
    let counters = [
        (Key::new(throttle::INVITE_PER_ACCOUNT, &account, ""), limits.invite_per_account, crate::tr!(cfp.errors.many_invitations)),
        (
            Key::new(throttle::INVITE_PER_RECIPIENT, email_n, ""),
            limits.invite_per_recipient,
            crate::tr!(cfp.errors.recipient_invited_often),
        ),
        (Key::new(throttle::INVITE_PER_IP, ip, ""), limits.invite_per_ip, crate::tr!(cfp.errors.network_invitations)),
    ];
    for (key, window, sentence) in counters {
        if let Err(until) = throttle::take(txn, key, Rule::Window(window), now).await? {
            let wait = wait_until(until, now);
            return Err(AppError::TooManyRequests(crate::tr!(cfp.errors.try_again, reason = sentence, wait = wait).to_string()));
        }
    }
    Ok(())
}

async fn live_invitation(db: &impl ConnectionTrait, token: &str, now: DateTime<Utc>) -> AppResult<invitation::Model> {
    invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(token_hash(token.trim())))
        .filter(invitation::Column::UsedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .ok_or_else(link_invalid)
}

/// What the invitation link's page shows; does not use the link up.
pub async fn peek(db: &impl ConnectionTrait, token: &str, viewer: Option<&user::Model>, now: DateTime<Utc>) -> AppResult<InvitationView> {
    let inv = live_invitation(db, token, now).await?;
    let p = proposal::Entity::find_by_id(inv.proposal_id).one(db).await?.ok_or(AppError::NotFound)?;
    let e = event::Entity::find_by_id(p.event_id).one(db).await?.ok_or(AppError::NotFound)?;
    let inviter = user::Entity::find_by_id(inv.invited_by).one(db).await?.map(|u| u.display_name).unwrap_or_default();
    Ok(InvitationView {
        proposal_title: p.title,
        event_name: e.name,
        invited_by: inviter,
        needs_confirmation: viewer.is_some_and(|u| u.email_normalized != inv.email_normalized),
        signed_in_as: viewer.map(|u| u.email.clone()),
        invited_email: inv.email_normalized,
    })
}

/// Accepts the invitation as `me`. Signed in with another address than the invited one, the person
/// must confirm (`confirmed`). The link is used up by a conditional update: it works once.
pub async fn accept(state: &AppState, token: &str, me: &user::Model, confirmed: bool) -> AppResult<String> {
    let now = state.clock.now();
    let inv = live_invitation(&state.db, token, now).await?;
    if inv.email_normalized != me.email_normalized && !confirmed {
        return Err(AppError::field(
            "confirm",
            crate::tr!(cfp.errors.confirm_other_address, invited = inv.email_normalized.clone(), me = me.email.clone()).to_string(),
        ));
    }
    let p = proposal::Entity::find_by_id(inv.proposal_id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    if p.proposal_state() == ProposalState::Withdrawn {
        return Err(AppError::Conflict(crate::tr!(cfp.errors.withdrawn_nothing_to_join).into()));
    }
    let txn = state.db.begin_write().await?;
    let used = invitation::Entity::update_many()
        .col_expr(invitation::Column::UsedAt, Expr::value(Some(now)))
        .filter(invitation::Column::Id.eq(inv.id))
        .filter(invitation::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Err(link_invalid());
    }
    let already = proposal_speaker::Entity::find()
        .filter(proposal_speaker::Column::ProposalId.eq(p.id))
        .filter(proposal_speaker::Column::UserId.eq(me.id))
        .count(&txn)
        .await?;
    if already == 0 {
        proposal_speaker::ActiveModel {
            proposal_id: Set(p.id),
            user_id: Set(me.id),
            is_owner: Set(false),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(p.code)
}

/// Removes a co-speaker (by their speaker row); only the owner may, and the owner stays.
pub async fn remove(db: &impl ConnectionTrait, code: &str, me: &user::Model, speaker_id: i32) -> AppResult<()> {
    let p = as_speaker(db, code, me).await?;
    only_owner(&p, me, crate::tr!(cfp.errors.only_owner_removes))?;
    let res = proposal_speaker::Entity::delete_many()
        .filter(proposal_speaker::Column::Id.eq(speaker_id))
        .filter(proposal_speaker::Column::ProposalId.eq(p.id))
        .filter(proposal_speaker::Column::IsOwner.eq(false))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
