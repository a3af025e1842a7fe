//! Reading an event's partners and the people around them: the lowest layer of the area, which every
//! other module of it reads through (so none has to read another's service).
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{event, partner, partner_contact, partner_staff, partner_village, user};
use crate::error::{AppError, AppResult};
use domain::partners::checklist::Item;

pub async fn partner_of(db: &impl ConnectionTrait, e: &event::Model, id: i32) -> AppResult<partner::Model> {
    partner::Entity::find_by_id(id).filter(partner::Column::EventId.eq(e.id)).one(db).await?.ok_or(AppError::NotFound)
}

pub async fn partners_of_event(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Vec<partner::Model>> {
    Ok(partner::Entity::find().filter(partner::Column::EventId.eq(e.id)).order_by_asc(partner::Column::Name).all(db).await?)
}

pub async fn staff_of(db: &impl ConnectionTrait, partner_id: i32) -> AppResult<Vec<partner_staff::Model>> {
    Ok(partner_staff::Entity::find()
        .filter(partner_staff::Column::PartnerId.eq(partner_id))
        .order_by_asc(partner_staff::Column::Id)
        .all(db)
        .await?)
}

pub async fn contacts_of(db: &impl ConnectionTrait, partner_id: i32) -> AppResult<Vec<user::Model>> {
    let ids: Vec<i32> = partner_contact::Entity::find()
        .filter(partner_contact::Column::PartnerId.eq(partner_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.user_id)
        .collect();
    Ok(user::Entity::find().filter(user::Column::Id.is_in(ids)).order_by_asc(user::Column::Id).all(db).await?)
}

/// The village's deadline for a checklist item, if one is set.
pub fn due_of(v: &partner_village::Model, item: Item) -> Option<NaiveDate> {
    match item {
        Item::Logo => v.logo_due,
        Item::Description => v.description_due,
        Item::Staff => v.staff_due,
        Item::Needs => v.needs_due,
    }
}
