//! The organisers' side of applications: deciding (a place in a tier is claimed by one conditional
//! update, so concurrent accepts never exceed the tier), the steps after acceptance, notes, and the
//! table of all partners with what each still owes.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::views::{PartnerAdminView, PartnerRow, StaffLine};
use super::{space, store, tiers, words};
use crate::db::BeginWrite;
use crate::entities::{event, partner, partner_booth, partner_tier};
use crate::error::{AppError, AppResult};
use crate::lang::problems::here;
use crate::state::AppState;
use domain::partners::pipeline::{check_decision, check_step, Decision, Status, Step};
use domain::problem::Problem;

use super::store::{partner_of, partners_of_event};

/// Takes one place in `tier`, if one is left.
async fn claim_place(db: &impl ConnectionTrait, tier: &partner_tier::Model) -> AppResult<()> {
    use partner_tier::Column as T;
    let claimed = partner_tier::Entity::update_many()
        .col_expr(T::Taken, Expr::col(T::Taken).add(1))
        .filter(T::Id.eq(tier.id))
        .filter(Expr::col(T::Taken).lt(Expr::col(T::Available)))
        .exec(db)
        .await?;
    if claimed.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::Conflict(here(&Problem::TierSoldOut { tier: tier.name.clone() })))
    }
}

/// Gives back the place `p` held, and its booth.
async fn release_place(db: &impl ConnectionTrait, p: &partner::Model) -> AppResult<()> {
    use partner_tier::Column as T;
    if let Some(tier) = p.tier_id {
        partner_tier::Entity::update_many()
            .col_expr(T::Taken, Expr::col(T::Taken).sub(1))
            .filter(T::Id.eq(tier))
            .filter(T::Taken.gt(0))
            .exec(db)
            .await?;
    }
    partner_booth::Entity::update_many()
        .col_expr(partner_booth::Column::PartnerId, Expr::value(Option::<i32>::None))
        .filter(partner_booth::Column::PartnerId.eq(p.id))
        .exec(db)
        .await?;
    Ok(())
}

/// Decides on an application. Accepting puts the partner in `tier` (else the tier it wished for);
/// a place is claimed in the same transaction as the status changes, and the contacts are mailed.
pub async fn decide(
    state: &AppState,
    e: &event::Model,
    id: i32,
    decision: Decision,
    tier: Option<i32>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = state.db.begin_write().await?;
    let p = partner_of(&txn, e, id).await?;
    let was = Status::parse(&p.status);
    check_decision(was, decision).map_err(|problem| AppError::Conflict(here(&problem)))?;
    let tier = match decision {
        Decision::Accept => {
            let tier_id = tier.or(p.wished_tier_id).ok_or_else(|| AppError::problem("tier", Problem::TierUnknown))?;
            Some(tiers::tier_of(&txn, e, tier_id).await.map_err(|_| AppError::problem("tier", Problem::TierUnknown))?)
        }
        _ => None,
    };
    // Only from the status read above: a second organiser deciding at the same time gets a 409.
    use partner::Column as P;
    let changed = partner::Entity::update_many()
        .col_expr(P::Status, Expr::value(decision.status().as_str()))
        .col_expr(P::TierId, Expr::value(tier.as_ref().map(|t| t.id)))
        .col_expr(P::DecidedAt, Expr::value(Some(now)))
        .col_expr(P::UpdatedAt, Expr::value(now))
        .filter(P::Id.eq(p.id))
        .filter(P::Status.eq(p.status.clone()))
        .exec(&txn)
        .await?;
    if changed.rows_affected != 1 {
        return Err(AppError::Conflict(here(&Problem::AlreadyDecided)));
    }
    if was == Status::Accepted {
        release_place(&txn, &p).await?;
    }
    if let Some(t) = &tier {
        claim_place(&txn, t).await?;
    }
    super::mails::decided(state, &txn, e, &p, decision, now).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

/// Marks a step of the pipeline as done today.
pub async fn mark_step(db: &sea_orm::DatabaseConnection, e: &event::Model, id: i32, step: Step, now: DateTime<Utc>) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let p = partner_of(&txn, e, id).await?;
    let done = [p.signed_at.is_some(), p.invoiced_at.is_some(), p.paid_at.is_some()];
    check_step(Status::parse(&p.status), done, step).map_err(|problem| AppError::Conflict(here(&problem)))?;
    use partner::Column as P;
    let column = match step {
        Step::Signed => P::SignedAt,
        Step::Invoiced => P::InvoicedAt,
        Step::Paid => P::PaidAt,
    };
    partner::Entity::update_many()
        .col_expr(column, Expr::value(Some(now)))
        .col_expr(P::UpdatedAt, Expr::value(now))
        .filter(P::Id.eq(p.id))
        .filter(column.is_null())
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn save_notes(db: &sea_orm::DatabaseConnection, e: &event::Model, id: i32, notes: &str, now: DateTime<Utc>) -> AppResult<()> {
    if domain::text::typed_len(notes.trim()) > domain::partners::application::MESSAGE_MAX {
        return Err(AppError::problem("notes", Problem::AtMost { max: domain::partners::application::MESSAGE_MAX }));
    }
    let p = partner_of(db, e, id).await?;
    let mut row = partner::ActiveModel::from(p);
    row.notes = Set(notes.trim().to_string());
    row.updated_at = Set(now);
    sea_orm::ActiveModelTrait::update(row, db).await?;
    Ok(())
}

/// Every partner of `e` as the organisers' table shows it.
pub async fn rows(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Vec<PartnerRow>> {
    let tiers = tiers::tiers_of(db, e.id).await?;
    let booths = partner_booth::Entity::find().filter(partner_booth::Column::EventId.eq(e.id)).all(db).await?;
    let mut out = Vec::new();
    for p in partners_of_event(db, e).await? {
        out.push(row(db, e, &p, &tiers, &booths).await?);
    }
    Ok(out)
}

/// One partner's line of the table, from the event's tiers and booths.
async fn row(
    db: &impl ConnectionTrait,
    e: &event::Model,
    p: &partner::Model,
    tiers: &[partner_tier::Model],
    booths: &[partner_booth::Model],
) -> AppResult<PartnerRow> {
    let tier = tiers.iter().find(|t| Some(t.id) == p.tier_id.or(p.wished_tier_id));
    let status = Status::parse(&p.status);
    let missing = if status == Status::Accepted { space::missing_items(db, p, tier).await? } else { vec![] };
    Ok(PartnerRow {
        id: p.id,
        name: p.name.clone(),
        tier: tier.map(|t| t.name.clone()).unwrap_or_default(),
        status: status.as_str().into(),
        status_label: words::status(status),
        applied_on: words::applied_on(e, p),
        steps: words::steps(e, p),
        booth: booths.iter().find(|b| b.partner_id == Some(p.id)).map(|b| b.number.clone()),
        missing: missing.into_iter().map(|(item, _)| item).collect(),
    })
}

pub async fn partner_admin_view(db: &impl ConnectionTrait, e: &event::Model, id: i32) -> AppResult<PartnerAdminView> {
    let p = partner_of(db, e, id).await?;
    let tiers = tiers::tiers_of(db, e.id).await?;
    let booth: Vec<partner_booth::Model> = super::booths::booth_of(db, p.id).await?.into_iter().collect();
    let row = row(db, e, &p, &tiers, &booth).await?;
    Ok(PartnerAdminView {
        event: crate::events::summary::summary(e),
        row,
        vat: p.vat.clone(),
        billing_name: p.billing_name.clone(),
        billing_email: p.billing_email.clone(),
        message: p.message.clone(),
        notes: p.notes.clone(),
        wished_tier_id: p.tier_id.or(p.wished_tier_id),
        tiers: tiers.iter().map(words::tier_view).collect(),
        contacts: store::contacts_of(db, p.id).await?.into_iter().map(|u| u.email).collect(),
        staff: store::staff_of(db, p.id).await?.into_iter().map(|s| StaffLine { id: s.id, name: s.name, email: s.email }).collect(),
    })
}
