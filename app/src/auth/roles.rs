//! The roles a person holds across events (per-event checks are in `guard`).
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entities::{membership, role_invitation, user};
use crate::error::AppResult;
use crate::plumbing::is_unique_violation;
use domain::roles::{self, Role, REVIEWERS};

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

/// Gives `user_id` `role` in the event; false when they already hold it.
pub async fn insert_membership(db: &impl ConnectionTrait, event_id: i32, user_id: i32, role: Role, now: DateTime<Utc>) -> AppResult<bool> {
    let res = membership::ActiveModel {
        event_id: Set(event_id),
        user_id: Set(user_id),
        role: Set(role.as_str().into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await;
    match res {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Turns the invitations waiting for this user's (now verified) email into memberships.
pub async fn apply_role_invitations(db: &impl ConnectionTrait, u: &user::Model, now: DateTime<Utc>) -> AppResult<()> {
    let invites = role_invitation::Entity::find()
        .filter(role_invitation::Column::EmailNormalized.eq(&u.email_normalized))
        .all(db)
        .await?;
    for inv in invites {
        if let Some(role) = Role::parse(&inv.role) {
            insert_membership(db, inv.event_id, u.id, role, now).await?;
        }
        role_invitation::Entity::delete_by_id(inv.id).exec(db).await?;
    }
    Ok(())
}
