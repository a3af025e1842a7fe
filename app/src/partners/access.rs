//! Who may see a partner: its contacts and the event's organisers. Anyone else gets 404, as if the
//! partner did not exist (a contact of one partner learns nothing of another).
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::auth::guard::{event_roles, require_user};
use crate::entities::{event, partner, partner_contact, user};
use crate::error::{AppError, AppResult};
use domain::roles::Role;

/// A partner, seen by one of its contacts or an organiser of its event.
pub struct PartnerAccess {
    pub event: event::Model,
    pub user: user::Model,
    pub partner: partner::Model,
    pub organiser: bool,
}

/// The partner `partner_id` of the event `slug`, if the signed-in person speaks for it or organises
/// the event: no such event or partner, or neither: 404; nobody signed in: 401.
pub async fn partner_access(db: &impl ConnectionTrait, slug: &str, partner_id: i32) -> AppResult<PartnerAccess> {
    let event = crate::events::service::by_slug(db, slug).await?;
    let user = require_user(db).await?;
    partner_access_as(db, event, user, partner_id).await
}

/// The same check for a person already known (routes outside Leptos read the session themselves).
pub async fn partner_access_as(
    db: &impl ConnectionTrait,
    event: event::Model,
    user: user::Model,
    partner_id: i32,
) -> AppResult<PartnerAccess> {
    let partner =
        partner::Entity::find_by_id(partner_id).filter(partner::Column::EventId.eq(event.id)).one(db).await?.ok_or(AppError::NotFound)?;
    let organiser = event_roles(db, &user, event.id).await?.contains(&Role::Organizer);
    if organiser || is_contact(db, partner.id, user.id).await? {
        Ok(PartnerAccess { event, user, partner, organiser })
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn is_contact(db: &impl ConnectionTrait, partner_id: i32, user_id: i32) -> AppResult<bool> {
    let n = partner_contact::Entity::find()
        .filter(partner_contact::Column::PartnerId.eq(partner_id))
        .filter(partner_contact::Column::UserId.eq(user_id))
        .count(db)
        .await?;
    Ok(n > 0)
}
