//! Erasing an account: a person's right to have their data erased.
//!
//! What identifies the person goes: their sign-in (email, name, password), sessions and mailed
//! links, speaker profile and photo, talk library, draft proposals, stars, unavailability,
//! volunteer applications and shifts (a freed seat goes to the waiting list), roles, partner
//! contacts, and mails still waiting to be sent to them. What stays, under a "deleted account"
//! with no address: proposals already submitted (withdrawn, unless accepted) and the reviews
//! written, which are the selection's record; and published programmes, which are the event's
//! public record, frozen as published (the organisers can publish a new version without them).
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::auth::session;
use crate::crypto::{hash_password, new_token, verify_password};
use crate::db::BeginWrite;
use crate::entities::{
    decision, event, favourite, mail_outbox, membership, partner_contact, partner_share, proposal, proposal_speaker, role_invitation,
    speaker_profile, speaker_unavailability, talk, user, user_token, volunteer_application, volunteer_shift, volunteer_signup,
    volunteer_team_member,
};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tr;
use domain::cfp::{Choice, ProposalState};
use domain::review::Decision;

/// Erases `me` after checking the password and the ticked confirmation; ends this browser's session.
pub async fn erase_account(state: &AppState, me: user::Model, password: &str, confirmed: bool) -> AppResult<()> {
    if !confirmed {
        return Err(AppError::field("confirm", tr!(accounts.erase.tick_to_confirm)));
    }
    if !verify_password(password.to_string(), Some(me.password_hash.clone())).await? {
        return Err(AppError::field("password", tr!(auth.wrong_current_password)));
    }
    if me.is_admin && admins(state).await? <= 1 {
        return Err(AppError::Conflict(tr!(accounts.erase.last_admin).into()));
    }
    let now = state.clock.now();
    leave_shifts(state, &me, now).await?;
    let photo =
        speaker_profile::Entity::find().filter(speaker_profile::Column::UserId.eq(me.id)).one(&state.db).await?.map(|p| p.photo_file);
    let unusable = hash_password(new_token()).await?;
    let txn = state.db.begin_write().await?;
    forget_personal_rows(&txn, &me).await?;
    settle_proposals(&txn, me.id, now).await?;
    let id = me.id;
    let mut row: user::ActiveModel = me.into();
    row.email = Set(format!("erased-{id}@erased.invalid"));
    row.email_normalized = Set(format!("erased-{id}@erased.invalid"));
    row.display_name = Set(tr!(accounts.erase.erased_name).into());
    row.password_hash = Set(unusable);
    row.verified_at = Set(None);
    row.is_admin = Set(false);
    row.language = Set(None);
    row.update(&txn).await?;
    session::end_current(&txn).await?;
    txn.commit().await?;
    if let Some(file) = photo.filter(|f| !f.is_empty()) {
        crate::speakers::photo::remove_file(state, &file).await;
    }
    Ok(())
}

async fn admins(state: &AppState) -> AppResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(user::Entity::find().filter(user::Column::IsAdmin.eq(true)).count(&state.db).await?)
}

/// Takes the person off every shift and waiting list; a seat freed on a shift still to come is
/// offered to its waiting list as when anyone leaves.
async fn leave_shifts(state: &AppState, me: &user::Model, now: DateTime<Utc>) -> AppResult<()> {
    let signups = volunteer_signup::Entity::find().filter(volunteer_signup::Column::UserId.eq(me.id)).all(&state.db).await?;
    for s in signups {
        let Some(shift) = volunteer_shift::Entity::find_by_id(s.shift_id).one(&state.db).await? else { continue };
        let Some(e) = event::Entity::find_by_id(shift.event_id).one(&state.db).await? else { continue };
        let freed = crate::volunteers::signup::take_off(&state.db, &e, me.id, shift.id).await?;
        if freed && shift.starts_at > now {
            crate::volunteers::signup::offer_freed_seat(state, &e, shift.id, now).await?;
        }
    }
    Ok(())
}

/// Deletes the rows that are only about the person.
async fn forget_personal_rows(db: &impl ConnectionTrait, me: &user::Model) -> AppResult<()> {
    let id = me.id;
    favourite::Entity::delete_many().filter(favourite::Column::UserId.eq(id)).exec(db).await?;
    speaker_profile::Entity::delete_many().filter(speaker_profile::Column::UserId.eq(id)).exec(db).await?;
    speaker_unavailability::Entity::delete_many().filter(speaker_unavailability::Column::UserId.eq(id)).exec(db).await?;
    volunteer_application::Entity::delete_many().filter(volunteer_application::Column::UserId.eq(id)).exec(db).await?;
    volunteer_team_member::Entity::delete_many().filter(volunteer_team_member::Column::UserId.eq(id)).exec(db).await?;
    membership::Entity::delete_many().filter(membership::Column::UserId.eq(id)).exec(db).await?;
    partner_contact::Entity::delete_many().filter(partner_contact::Column::UserId.eq(id)).exec(db).await?;
    partner_share::Entity::delete_many().filter(partner_share::Column::UserId.eq(id)).exec(db).await?;
    user_token::Entity::delete_many().filter(user_token::Column::UserId.eq(id)).exec(db).await?;
    talk::Entity::delete_many().filter(talk::Column::OwnerId.eq(id)).exec(db).await?;
    role_invitation::Entity::delete_many()
        .filter(role_invitation::Column::EmailNormalized.eq(me.email_normalized.clone()))
        .exec(db)
        .await?;
    // Mails not sent yet; those sent or failed are the instance's record of what went out.
    mail_outbox::Entity::delete_many()
        .filter(mail_outbox::Column::ToAddr.eq(me.email.clone()))
        .filter(mail_outbox::Column::Status.eq(crate::mail::outbox::PENDING))
        .exec(db)
        .await?;
    session::end_all(db, id).await
}

/// Drafts go (the person's part of a shared one only); a submitted proposal they alone carry is
/// withdrawn unless the speakers were told it is accepted (the organisers then see who left).
async fn settle_proposals(db: &impl ConnectionTrait, user_id: i32, now: DateTime<Utc>) -> AppResult<()> {
    let links = proposal_speaker::Entity::find().filter(proposal_speaker::Column::UserId.eq(user_id)).all(db).await?;
    for link in links {
        let Some(p) = proposal::Entity::find_by_id(link.proposal_id).one(db).await? else { continue };
        let others = proposal_speaker::Entity::find()
            .filter(proposal_speaker::Column::ProposalId.eq(p.id))
            .filter(proposal_speaker::Column::UserId.ne(user_id))
            .all(db)
            .await?;
        match p.proposal_state() {
            ProposalState::Draft if others.is_empty() => {
                proposal_speaker::Entity::delete_many().filter(proposal_speaker::Column::ProposalId.eq(p.id)).exec(db).await?;
                proposal::Entity::delete_by_id(p.id).exec(db).await?;
            }
            ProposalState::Draft => {
                proposal_speaker::Entity::delete_by_id(link.id).exec(db).await?;
            }
            ProposalState::Submitted if others.is_empty() && !told_accepted(db, p.id).await? => {
                proposal::Entity::update_many()
                    .col_expr(proposal::Column::State, Expr::value(ProposalState::Withdrawn.as_str()))
                    .col_expr(proposal::Column::WithdrawnAt, Expr::value(Some(now)))
                    .filter(proposal::Column::Id.eq(p.id))
                    .exec(db)
                    .await?;
            }
            _ => {}
        }
    }
    Ok(())
}

async fn told_accepted(db: &impl ConnectionTrait, proposal_id: i32) -> AppResult<bool> {
    let d = decision::Entity::find().filter(decision::Column::ProposalId.eq(proposal_id)).one(db).await?;
    Ok(d.and_then(|d| d.published()) == Some(Decision::Accepted))
}
