//! Who may do what: every server function starts here — `event_access` for anything inside an
//! event, `require_user` / `require_admin` for the rest. The role sets live in `domain::roles`.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::session;
use crate::entities::{event, membership, user};
use crate::error::{AppError, AppResult};
use domain::roles::{self, Role};

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

/// A signed-in person allowed into an event, with the roles they hold there.
#[derive(Debug, Clone)]
pub struct EventAccess {
    pub event: event::Model,
    pub user: user::Model,
    /// The roles the user holds in this event (instance admins hold every role).
    pub roles: Vec<Role>,
}

/// The event of `slug`, if the signed-in person holds one of `allowed` there (instance admins hold
/// every role). No such event: 404 (checked first, whoever asks); nobody signed in: 401; none of
/// the roles: 403.
pub async fn event_access(db: &impl ConnectionTrait, slug: &str, allowed: &[Role]) -> AppResult<EventAccess> {
    let event = event::Entity::find().filter(event::Column::Slug.eq(slug)).one(db).await?.ok_or(AppError::NotFound)?;
    let user = require_user(db).await?;
    let roles = event_roles(db, &user, event.id).await?;
    if roles.iter().any(|r| allowed.contains(r)) {
        Ok(EventAccess { event, user, roles })
    } else {
        Err(AppError::Forbidden)
    }
}

/// The roles `user` holds in the event (instance admins hold every role).
pub async fn event_roles(db: &impl ConnectionTrait, user: &user::Model, event_id: i32) -> AppResult<Vec<Role>> {
    if user.is_admin {
        return Ok(Role::ALL.to_vec());
    }
    let rows = membership::Entity::find()
        .filter(membership::Column::EventId.eq(event_id))
        .filter(membership::Column::UserId.eq(user.id))
        .all(db)
        .await?;
    Ok(Role::ALL.into_iter().filter(|r| rows.iter().any(|m| m.role == r.as_str())).collect())
}

/// Whether `user` holds one of `roles` in the event (instance admins hold every role).
pub async fn has_event_role(db: &impl ConnectionTrait, user: &user::Model, event_id: i32, roles: &[Role]) -> AppResult<bool> {
    if user.is_admin {
        return Ok(true);
    }
    let count = membership::Entity::find()
        .filter(membership::Column::EventId.eq(event_id))
        .filter(membership::Column::UserId.eq(user.id))
        .filter(membership::Column::Role.is_in(roles::names(roles)))
        .count(db)
        .await?;
    Ok(count > 0)
}
