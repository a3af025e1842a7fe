//! Who reviews what: reviewers and organisers of the event, minus conflicts of interest.
//! A proposal a reviewer may not review does not exist for them (404), so nothing about it leaks.
use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::auth::guard::{event_access, EventAccess};
use crate::entities::{event, proposal, proposal_speaker, review_override, review_settings, speaker_profile, user};
use crate::error::{AppError, AppResult};
use domain::cfp::{Choice, ProposalState};
use domain::review::{conflict, Conflict};
use domain::roles::REVIEWERS;

/// A signed-in reviewer (or organiser) of an event, with the event's review settings.
pub struct Reviewer {
    pub event: event::Model,
    pub me: user::Model,
    pub settings: review_settings::Model,
}

/// The event if the signed-in person reviews or organises it (`event_access` with `REVIEWERS`),
/// with its review settings read at `now`.
pub async fn reviewer_of(db: &impl ConnectionTrait, slug: &str, now: chrono::DateTime<chrono::Utc>) -> AppResult<Reviewer> {
    let EventAccess { event, user: me, .. } = event_access(db, slug, REVIEWERS).await?;
    let settings = super::settings::settings_of(db, event.id, now).await?;
    Ok(Reviewer { event, me, settings })
}

/// The event's submitted proposals (drafts and withdrawn ones are not reviewed), oldest first.
pub async fn submitted(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<proposal::Model>> {
    Ok(proposal::Entity::find()
        .filter(proposal::Column::EventId.eq(event_id))
        .filter(proposal::Column::State.eq(ProposalState::Submitted.as_str()))
        .order_by_asc(proposal::Column::Id)
        .all(db)
        .await?)
}

/// For each proposal, its speakers as (user id, company from their profile).
pub async fn speaker_companies(db: &impl ConnectionTrait, proposal_ids: &[i32]) -> AppResult<HashMap<i32, Vec<(i32, String)>>> {
    let links = proposal_speaker::Entity::find().filter(proposal_speaker::Column::ProposalId.is_in(proposal_ids.to_vec())).all(db).await?;
    let user_ids: Vec<i32> = links.iter().map(|l| l.user_id).collect();
    let companies: HashMap<i32, String> = speaker_profile::Entity::find()
        .filter(speaker_profile::Column::UserId.is_in(user_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p.company))
        .collect();
    let mut out: HashMap<i32, Vec<(i32, String)>> = HashMap::new();
    for l in links {
        let company = companies.get(&l.user_id).cloned().unwrap_or_default();
        out.entry(l.proposal_id).or_default().push((l.user_id, company));
    }
    Ok(out)
}

pub async fn company_of(db: &impl ConnectionTrait, user_id: i32) -> AppResult<String> {
    Ok(speaker_profile::Entity::find()
        .filter(speaker_profile::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .map(|p| p.company)
        .unwrap_or_default())
}

/// Proposals an organiser let this reviewer review despite a same-company flag.
async fn overrides(db: &impl ConnectionTrait, reviewer_id: i32) -> AppResult<HashSet<i32>> {
    Ok(review_override::Entity::find()
        .filter(review_override::Column::ReviewerId.eq(reviewer_id))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.proposal_id)
        .collect())
}

/// The proposals this reviewer may review, and how many were left out for a conflict.
pub async fn reviewable(db: &impl ConnectionTrait, r: &Reviewer) -> AppResult<(Vec<proposal::Model>, usize)> {
    let all = submitted(db, r.event.id).await?;
    let ids: Vec<i32> = all.iter().map(|p| p.id).collect();
    let speakers = speaker_companies(db, &ids).await?;
    let my_company = company_of(db, r.me.id).await?;
    let allowed = overrides(db, r.me.id).await?;
    let total = all.len();
    let kept: Vec<proposal::Model> = all
        .into_iter()
        .filter(|p| {
            let people = speakers.get(&p.id).map(Vec::as_slice).unwrap_or_default();
            match conflict(r.me.id, &my_company, people) {
                None => true,
                Some(Conflict::SameCompany) => allowed.contains(&p.id),
                Some(Conflict::Speaker) => false,
            }
        })
        .collect();
    let excluded = total - kept.len();
    Ok((kept, excluded))
}

/// The code a reviewer knows a proposal by: its review code, never its public code.
pub fn review_code(p: &proposal::Model) -> String {
    p.review_code.clone().unwrap_or_default()
}

/// Whether `code` is the review code of `p` (the public code is not accepted).
pub fn has_review_code(p: &proposal::Model, code: &str) -> bool {
    !code.is_empty() && p.review_code.as_deref() == Some(code)
}

/// One proposal this reviewer may review, by review code; anything else is "not found".
pub async fn reviewable_proposal(db: &impl ConnectionTrait, r: &Reviewer, code: &str) -> AppResult<proposal::Model> {
    let (kept, _) = reviewable(db, r).await?;
    kept.into_iter().find(|p| has_review_code(p, code)).ok_or(AppError::NotFound)
}
