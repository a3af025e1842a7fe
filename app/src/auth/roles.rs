//! The roles a person holds across events (per-event checks are in `guard`).
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entities::{membership, user};
use crate::error::AppResult;
use domain::roles::{self, REVIEWERS};

/// Whether `me` reviews (or organises) any event: the menu then offers *Review*.
pub async fn reviews_anything(db: &impl ConnectionTrait, me: &user::Model) -> AppResult<bool> {
    use sea_orm::PaginatorTrait;
    let roles = roles::names(REVIEWERS);
    let n = membership::Entity::find()
        .filter(membership::Column::UserId.eq(me.id))
        .filter(membership::Column::Role.is_in(roles))
        .count(db)
        .await?;
    Ok(n > 0)
}
