//! The speaker's own proposals as they read them: one proposal (with its co-speakers, the CFP's
//! status and the selection's answer) and "My proposals" across events.
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{MyProposalRow, ProposalView, SpeakerRow};
use crate::cfp::access::as_speaker;
use crate::cfp::proposals::{speakers_of, talk_of};
use crate::entities::{cospeaker_invitation, event, format, proposal, proposal_speaker, track, user};
use crate::error::{AppError, AppResult};
use crate::events::cfp_settings as settings;
use crate::state::AppState;
use crate::ui::markdown::render_markdown;
use domain::cfp::ProposalState;

async fn name_of<E: EntityTrait>(db: &impl ConnectionTrait, id: Option<i32>, name: fn(E::Model) -> String) -> AppResult<Option<String>>
where
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    match id {
        Some(id) => Ok(E::find_by_id(id).one(db).await?.map(name)),
        None => Ok(None),
    }
}

/// The proposal as one of its speakers sees it.
pub async fn view(state: &AppState, code: &str, me: &user::Model) -> AppResult<ProposalView> {
    let db = &state.db;
    let p = as_speaker(db, code, me).await?;
    let e = event::Entity::find_by_id(p.event_id).one(db).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let s = settings::settings_of(db, e.id, now).await?;
    let status = settings::status(now, &s, &e);
    let speakers = speakers_of(db, p.id).await?;
    let pending = cospeaker_invitation::Entity::find()
        .filter(cospeaker_invitation::Column::ProposalId.eq(p.id))
        .filter(cospeaker_invitation::Column::UsedAt.is_null())
        .filter(cospeaker_invitation::Column::ExpiresAt.gt(now))
        .all(db)
        .await?;
    let withdrawn = p.proposal_state() == ProposalState::Withdrawn;
    let mut sides = crate::selection::answers::speaker_side(db, std::slice::from_ref(&p), now).await?;
    Ok(ProposalView {
        selection: sides.remove(&p.id).ok_or(AppError::Internal)?,
        code: p.code.clone(),
        event: crate::events::summary::summary(&e),
        state_label: super::state_name(&p.state),
        state: p.proposal_state(),
        talk: talk_of(&p),
        summary_html: render_markdown(&p.summary),
        details_html: render_markdown(&p.details),
        format: name_of::<format::Entity>(db, p.format_id, |f| {
            crate::tr!(cfp.form.with_minutes, name = f.name, minutes = f.duration_min).to_string()
        })
        .await?,
        track: name_of::<track::Entity>(db, p.track_id, |t| t.name).await?,
        level_label: crate::lang::labels::level(crate::lang::use_locale(), &p.level),
        language_label: crate::lang::labels::language(crate::lang::use_locale(), &p.language),
        speakers: speakers
            .into_iter()
            .map(|(s, u)| SpeakerRow { id: s.id, name: u.display_name, email: u.email, is_owner: s.is_owner })
            .collect(),
        pending_invitations: pending.into_iter().map(|i| i.email_normalized).collect(),
        editable: status.open && !withdrawn,
        status,
        i_own_it: p.owner_id == me.id,
        submitted_at: p.submitted_at.map(|t| crate::formats::zoned::long_label(t, crate::formats::zoned::zone(&e.time_zone))),
    })
}

/// Every proposal the person speaks in, across events, newest first.
pub async fn mine(db: &impl ConnectionTrait, me: &user::Model, now: chrono::DateTime<Utc>) -> AppResult<Vec<MyProposalRow>> {
    let links = proposal_speaker::Entity::find().filter(proposal_speaker::Column::UserId.eq(me.id)).all(db).await?;
    let ids: Vec<i32> = links.iter().map(|l| l.proposal_id).collect();
    let proposals =
        proposal::Entity::find().filter(proposal::Column::Id.is_in(ids)).order_by_desc(proposal::Column::UpdatedAt).all(db).await?;
    let mut sides = crate::selection::answers::speaker_side(db, &proposals, now).await?;
    let mut rows = Vec::with_capacity(proposals.len());
    for p in proposals {
        let e = event::Entity::find_by_id(p.event_id).one(db).await?.ok_or(AppError::NotFound)?;
        rows.push(MyProposalRow {
            code: p.code.clone(),
            title: p.title.clone(),
            event_name: e.name,
            event_slug: e.slug,
            state_label: super::state_name(&p.state),
            state: p.proposal_state(),
            format: name_of::<format::Entity>(db, p.format_id, |f| f.name).await?,
            co_speaker: p.owner_id != me.id,
            selection: sides.remove(&p.id).ok_or(AppError::Internal)?,
        })
    }
    Ok(rows)
}
