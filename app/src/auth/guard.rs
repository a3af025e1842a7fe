//! Who may do what: every server function starts here.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::session;
use domain::roles::Role;
use crate::entities::{membership, user};
use crate::error::{AppError, AppResult};

pub async fn require_user(db: &impl ConnectionTrait) -> AppResult<user::Model> {
    session::current_user(db).await?.ok_or(AppError::Unauthorized)
}

pub async fn require_admin(db: &impl ConnectionTrait) -> AppResult<user::Model> {
    let user = require_user(db).await?;
    if user.is_admin {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Whether `user` holds one of `roles` in the event (instance admins hold every role).
pub async fn has_event_role(db: &impl ConnectionTrait, user: &user::Model, event_id: i32, roles: &[Role]) -> AppResult<bool> {
    if user.is_admin {
        return Ok(true);
    }
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let count = membership::Entity::find()
        .filter(membership::Column::EventId.eq(event_id))
        .filter(membership::Column::UserId.eq(user.id))
        .filter(membership::Column::Role.is_in(names))
        .count(db)
        .await?;
    Ok(count > 0)
}

/// The signed-in user, if they hold one of `roles` in the event.
pub async fn require_event_role(db: &impl ConnectionTrait, event_id: i32, roles: &[Role]) -> AppResult<user::Model> {
    let user = require_user(db).await?;
    if has_event_role(db, &user, event_id, roles).await? {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}
