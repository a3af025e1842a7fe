//! An event's tiers: listed in the organisers' order, created, edited and deleted.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};

use crate::db::BeginWrite;
use crate::entities::{event, partner, partner_tier};
use crate::error::{AppError, AppResult};
use crate::plumbing::unique_violation_as;
use domain::partners::tiers::{check_tier, Tier, TierForm};
use domain::problem::Problem;

pub async fn tiers_of(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<partner_tier::Model>> {
    Ok(partner_tier::Entity::find()
        .filter(partner_tier::Column::EventId.eq(event_id))
        .order_by_asc(partner_tier::Column::Position)
        .order_by_asc(partner_tier::Column::Id)
        .all(db)
        .await?)
}

pub async fn tier_of(db: &impl ConnectionTrait, e: &event::Model, id: i32) -> AppResult<partner_tier::Model> {
    partner_tier::Entity::find_by_id(id).filter(partner_tier::Column::EventId.eq(e.id)).one(db).await?.ok_or(AppError::NotFound)
}

fn name_taken() -> AppError {
    AppError::problem("name", Problem::NameTaken)
}

/// Creates a tier (`id` None) or updates one; a tier's count never drops below the partners it holds.
pub async fn save(db: &DatabaseConnection, e: &event::Model, id: Option<i32>, form: &TierForm, now: DateTime<Utc>) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let existing = match id {
        Some(id) => Some(tier_of(&txn, e, id).await?),
        None => None,
    };
    let tier = check_tier(form, existing.as_ref().map_or(0, |t| t.taken)).map_err(AppError::problems)?;
    let position = tiers_of(&txn, e.id).await?.len() as i32;
    let Tier { name, kind, price_eur, available, booth_size, staff_passes, logo_home, logo_agenda, logo_screens, talks_allowed, job_posts } =
        tier;
    let mut row = match existing {
        Some(t) => partner_tier::ActiveModel::from(t),
        None => partner_tier::ActiveModel {
            event_id: Set(e.id),
            taken: Set(0),
            position: Set(position),
            created_at: Set(now),
            ..Default::default()
        },
    };
    row.name = Set(name);
    row.kind = Set(kind.as_str().into());
    row.price_eur = Set(price_eur);
    row.available = Set(available);
    row.booth_size = Set(booth_size);
    row.staff_passes = Set(staff_passes);
    row.logo_home = Set(logo_home);
    row.logo_agenda = Set(logo_agenda);
    row.logo_screens = Set(logo_screens);
    row.talks_allowed = Set(talks_allowed);
    row.job_posts = Set(job_posts);
    let saved = match id {
        // The count is checked again in the update itself: a partner accepted meanwhile still counts.
        Some(id) => partner_tier::Entity::update_many()
            .set(row)
            .filter(partner_tier::Column::Id.eq(id))
            .filter(partner_tier::Column::Taken.lte(available))
            .exec(&txn)
            .await
            .map(|r| r.rows_affected == 1),
        None => partner_tier::Entity::insert(row).exec_without_returning(&txn).await.map(|_| true),
    };
    match saved {
        Ok(true) => {}
        Ok(false) => {
            let taken = tier_of(&txn, e, id.unwrap_or_default()).await?.taken;
            return Err(AppError::problem("available", Problem::TierBelowTaken { taken }));
        }
        Err(e) => return Err(unique_violation_as(e, name_taken)),
    }
    txn.commit().await?;
    Ok(())
}

/// Deletes a tier nobody is in (applications that only wished for it lose their wish).
pub async fn delete(db: &DatabaseConnection, e: &event::Model, id: i32) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let t = tier_of(&txn, e, id).await?;
    let holding = partner::Entity::find().filter(partner::Column::TierId.eq(t.id)).count(&txn).await?;
    if holding > 0 || t.taken > 0 {
        return Err(AppError::Conflict(crate::lang::problems::here(&Problem::TierInUse)));
    }
    partner::Entity::update_many()
        .col_expr(partner::Column::WishedTierId, Expr::value(Option::<i32>::None))
        .filter(partner::Column::WishedTierId.eq(t.id))
        .exec(&txn)
        .await?;
    partner_tier::Entity::delete_by_id(t.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}
