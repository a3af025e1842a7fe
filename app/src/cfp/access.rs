//! A speaker's access to their own proposals: anyone who is not one of its speakers gets 404.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::entities::{proposal, proposal_speaker, user};
use crate::error::{AppError, AppResult};

/// The proposal with `code`, if `viewer` is one of its speakers; anyone else gets 404.
pub async fn as_speaker(db: &impl ConnectionTrait, code: &str, viewer: &user::Model) -> AppResult<proposal::Model> {
    let p = proposal::Entity::find().filter(proposal::Column::Code.eq(code.trim())).one(db).await?;
    let p = p.ok_or(AppError::NotFound)?;
    let on_it = proposal_speaker::Entity::find()
        .filter(proposal_speaker::Column::ProposalId.eq(p.id))
        .filter(proposal_speaker::Column::UserId.eq(viewer.id))
        .count(db)
        .await?;
    if on_it == 0 {
        return Err(AppError::NotFound);
    }
    Ok(p)
}
