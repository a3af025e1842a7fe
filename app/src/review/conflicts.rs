//! Same-company conflicts, as organisers see and lift them. A reviewer who speaks in a proposal is a
//! conflict no one can lift.
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::access::{company_of, speaker_companies, submitted};
use super::settings::record;
use super::ConflictRow;
use crate::db::BeginWrite;
use crate::entities::{event, membership, review_override, user};
use crate::error::{AppError, AppResult};
use crate::tr;
use domain::review::{conflict, Conflict};
use domain::roles::{self, REVIEWERS};

/// The event's reviewers (and organisers), who may review.
async fn reviewers(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<user::Model>> {
    let ids: HashSet<i32> = membership::Entity::find()
        .filter(membership::Column::EventId.eq(event_id))
        .filter(membership::Column::Role.is_in(roles::names(REVIEWERS)))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    Ok(user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?)
}

/// Every (reviewer, proposal) pair flagged for the same company, and whether it was lifted.
pub async fn same_company_pairs(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<ConflictRow>> {
    let proposals = submitted(db, event_id).await?;
    let ids: Vec<i32> = proposals.iter().map(|p| p.id).collect();
    let speakers = speaker_companies(db, &ids).await?;
    let lifted: HashSet<(i32, i32)> = review_override::Entity::find()
        .filter(review_override::Column::ProposalId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.proposal_id, o.reviewer_id))
        .collect();
    let mut companies: HashMap<i32, String> = HashMap::new();
    let mut rows = Vec::new();
    for r in reviewers(db, event_id).await? {
        let company = match companies.get(&r.id) {
            Some(c) => c.clone(),
            None => company_of(db, r.id).await?,
        };
        companies.insert(r.id, company.clone());
        for p in &proposals {
            let people = speakers.get(&p.id).map(Vec::as_slice).unwrap_or_default();
            if conflict(r.id, &company, people) == Some(Conflict::SameCompany) {
                rows.push(ConflictRow {
                    code: p.code.clone(),
                    title: p.title.clone(),
                    reviewer: r.display_name.clone(),
                    reviewer_email: r.email.clone(),
                    company: company.clone(),
                    allowed: lifted.contains(&(p.id, r.id)),
                });
            }
        }
    }
    Ok(rows)
}

/// Lets the reviewer with `email` review the proposal `code` despite a same-company flag.
pub async fn allow(
    db: &sea_orm::DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    code: &str,
    email: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let proposal = submitted(db, e.id).await?.into_iter().find(|p| p.code == code).ok_or(AppError::NotFound)?;
    let reviewer = reviewers(db, e.id)
        .await?
        .into_iter()
        .find(|u| u.email_normalized == email.trim().to_lowercase())
        .ok_or_else(|| AppError::field("email", tr!(review.errors.no_reviewer)))?;
    let people = speaker_companies(db, &[proposal.id]).await?.remove(&proposal.id).unwrap_or_default();
    if conflict(reviewer.id, &company_of(db, reviewer.id).await?, &people) == Some(Conflict::Speaker) {
        return Err(AppError::Conflict(format!("{} speaks in this proposal: that conflict cannot be lifted.", reviewer.display_name)));
    }
    let txn = db.begin_write().await?;
    review_override::Entity::insert(review_override::ActiveModel {
        proposal_id: Set(proposal.id),
        reviewer_id: Set(reviewer.id),
        granted_by: Set(me.id),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([review_override::Column::ProposalId, review_override::Column::ReviewerId])
    .exec(&txn)
    .await?;
    let detail = format!("{} may review “{}” despite a same-company conflict", reviewer.display_name, proposal.title);
    record(&txn, e.id, Some(proposal.id), Some(me.id), "conflict_lifted", detail, now).await?;
    txn.commit().await?;
    Ok(())
}
