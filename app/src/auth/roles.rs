//! The roles a person holds across events (per-event checks are in `guard`).
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entities::{event, membership, role_invitation, user};
use crate::error::AppResult;
use crate::plumbing::is_unique_violation;
use domain::roles::{self, Role};

/// The roles `me` holds in any event (each once): the menu offers *Review* to reviewers and
/// *Manage* to managers.
pub async fn held_anywhere(db: &impl ConnectionTrait, me: &user::Model) -> AppResult<Vec<Role>> {
    use sea_orm::QuerySelect;
    let names: Vec<String> = membership::Entity::find()
        .select_only()
        .column(membership::Column::Role)
        .distinct()
        .filter(membership::Column::UserId.eq(me.id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(names.iter().filter_map(|n| Role::parse(n)).collect())
}

/// What the browser may know about `me`, with the menu's *Review* and *Manage* flags.
pub async fn current_user(db: &impl ConnectionTrait, me: &user::Model) -> AppResult<super::CurrentUser> {
    let held = held_anywhere(db, me).await?;
    let holds = |set: &[Role]| held.iter().any(|r| set.contains(r));
    let (reviews, manages) = (holds(roles::REVIEWERS), me.is_admin || holds(roles::MANAGERS));
    Ok(super::CurrentUser { reviews, manages, ..super::CurrentUser::from(me) })
}

/// The events where `me` holds one of `roles`, with the roles held there, latest start first.
pub async fn events_where(db: &impl ConnectionTrait, me: &user::Model, roles: &[Role]) -> AppResult<Vec<(event::Model, Vec<Role>)>> {
    use sea_orm::QueryOrder;
    let held = membership::Entity::find()
        .filter(membership::Column::UserId.eq(me.id))
        .filter(membership::Column::Role.is_in(roles::names(roles)))
        .all(db)
        .await?;
    let ids: Vec<i32> = held.iter().map(|m| m.event_id).collect();
    let events = event::Entity::find().filter(event::Column::Id.is_in(ids)).order_by_desc(event::Column::StartDate).all(db).await?;
    Ok(events
        .into_iter()
        .map(|e| {
            let roles = held.iter().filter(|m| m.event_id == e.id).filter_map(|m| Role::parse(&m.role)).collect();
            (e, roles)
        })
        .collect())
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
    let invites = role_invitation::Entity::find().filter(role_invitation::Column::EmailNormalized.eq(&u.email_normalized)).all(db).await?;
    for inv in invites {
        if let Some(role) = Role::parse(&inv.role) {
            insert_membership(db, inv.event_id, u.id, role, now).await?;
        }
        role_invitation::Entity::delete_by_id(inv.id).exec(db).await?;
    }
    Ok(())
}
