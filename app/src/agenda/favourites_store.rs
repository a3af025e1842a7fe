//! Favourites kept in an account: the starred talks of one attendee for one event, and how many
//! attendees starred each talk (for organisers sizing rooms). Only talks of the published agenda
//! can be starred.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::entities::{event, favourite, proposal, user};
use crate::error::{AppError, AppResult};
use domain::programme::Programme;

/// More codes than any real agenda holds: a longer list is cut, not refused.
pub const MAX_CODES: usize = 500;

/// The codes `user` starred in `e`, in the order they were starred.
pub async fn codes(db: &impl ConnectionTrait, e: &event::Model, user: &user::Model) -> AppResult<Vec<String>> {
    let ids: Vec<i32> = favourite::Entity::find()
        .select_only()
        .column(favourite::Column::ProposalId)
        .filter(favourite::Column::EventId.eq(e.id))
        .filter(favourite::Column::UserId.eq(user.id))
        .order_by_asc(favourite::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let by_id = code_by_id(db, ids.clone()).await?;
    Ok(ids.iter().filter_map(|id| by_id.get(id).cloned()).collect())
}

/// Proposal ids of those `codes` that are talks of the published programme `p`.
async fn published_ids(db: &impl ConnectionTrait, e: &event::Model, p: &Programme, codes: &[String]) -> AppResult<Vec<(String, i32)>> {
    let wanted: Vec<&String> = codes.iter().take(MAX_CODES).filter(|c| p.sessions.iter().any(|s| s.code.as_ref() == Some(*c))).collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    Ok(proposal::Entity::find()
        .select_only()
        .columns([proposal::Column::Code, proposal::Column::Id])
        .filter(proposal::Column::EventId.eq(e.id))
        .filter(proposal::Column::Code.is_in(wanted.into_iter().cloned()))
        .into_tuple()
        .all(db)
        .await?)
}

async fn insert(db: &impl ConnectionTrait, e: &event::Model, user: &user::Model, ids: impl IntoIterator<Item = i32>) -> AppResult<()> {
    let now = crate::state::app_state().clock.now();
    let rows: Vec<favourite::ActiveModel> = ids
        .into_iter()
        .map(|id| favourite::ActiveModel {
            event_id: Set(e.id),
            user_id: Set(user.id),
            proposal_id: Set(id),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    favourite::Entity::insert_many(rows)
        .on_conflict_do_nothing_on([favourite::Column::UserId, favourite::Column::ProposalId])
        .exec(db)
        .await?;
    Ok(())
}

/// Stars (or unstars) the published talk `code` for `user`.
pub async fn set(
    db: &impl ConnectionTrait,
    e: &event::Model,
    p: &Programme,
    user: &user::Model,
    code: &str,
    starred: bool,
) -> AppResult<()> {
    let found = published_ids(db, e, p, &[code.to_string()]).await?;
    let Some((_, id)) = found.first() else {
        return Err(AppError::BadRequest(crate::tr!(agenda.not_on_agenda).into()));
    };
    if starred {
        insert(db, e, user, [*id]).await
    } else {
        favourite::Entity::delete_many()
            .filter(favourite::Column::UserId.eq(user.id))
            .filter(favourite::Column::ProposalId.eq(*id))
            .exec(db)
            .await?;
        Ok(())
    }
}

/// Adds a browser's starred codes to the account. Codes that are no longer on the agenda are
/// dropped quietly: a browser may remember a talk that was since withdrawn.
pub async fn merge(db: &impl ConnectionTrait, e: &event::Model, p: &Programme, user: &user::Model, codes: &[String]) -> AppResult<()> {
    let found = published_ids(db, e, p, codes).await?;
    insert(db, e, user, found.into_iter().map(|(_, id)| id)).await
}

/// How many accounts starred each talk of `e`, by talk code.
pub async fn counts(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<HashMap<String, i64>> {
    let per_id: Vec<(i32, i64)> = favourite::Entity::find()
        .select_only()
        .column(favourite::Column::ProposalId)
        .column_as(favourite::Column::Id.count(), "n")
        .filter(favourite::Column::EventId.eq(e.id))
        .group_by(favourite::Column::ProposalId)
        .into_tuple()
        .all(db)
        .await?;
    let code_of = code_by_id(db, per_id.iter().map(|(id, _)| *id).collect()).await?;
    Ok(per_id.into_iter().filter_map(|(id, n)| Some((code_of.get(&id)?.clone(), n))).collect())
}

async fn code_by_id(db: &impl ConnectionTrait, ids: Vec<i32>) -> AppResult<HashMap<i32, String>> {
    Ok(proposal::Entity::find()
        .select_only()
        .columns([proposal::Column::Id, proposal::Column::Code])
        .filter(proposal::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// How many accounts starred at least one talk of `e`.
pub async fn stargazers(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<u64> {
    Ok(favourite::Entity::find()
        .select_only()
        .column(favourite::Column::UserId)
        .distinct()
        .filter(favourite::Column::EventId.eq(e.id))
        .count(db)
        .await?)
}
