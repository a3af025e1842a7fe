//! "Become a partner": the prospectus, the tiers with the places left, and the application form.
//! The person who applies becomes the partner's first contact.
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use super::tiers::tiers_of;
use super::views::{MyPartner, ProspectusView};
use super::words;
use crate::db::BeginWrite;
use crate::entities::{event, partner, partner_contact, user};
use crate::error::{AppError, AppResult};
use crate::events::texts;
use crate::plumbing::unique_violation_as;
use crate::ui::markdown::render_markdown;
use domain::partners::application::{application_errors, ApplicationForm};
use domain::partners::pipeline::Status;
use domain::problem::Problem;

/// The `event_texts` field of the prospectus's versions.
pub const PROSPECTUS: &str = "partner_prospectus";

/// The partners `u` speaks for at `e`.
pub async fn partners_of(db: &impl ConnectionTrait, e: &event::Model, u: &user::Model) -> AppResult<Vec<partner::Model>> {
    let mine: Vec<i32> = partner_contact::Entity::find()
        .filter(partner_contact::Column::UserId.eq(u.id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.partner_id)
        .collect();
    Ok(partner::Entity::find()
        .filter(partner::Column::EventId.eq(e.id))
        .filter(partner::Column::Id.is_in(mine))
        .order_by_asc(partner::Column::Name)
        .all(db)
        .await?)
}

pub async fn prospectus_view(db: &impl ConnectionTrait, e: &event::Model, viewer: Option<&user::Model>) -> AppResult<ProspectusView> {
    let mine = match viewer {
        Some(u) => partners_of(db, e, u)
            .await?
            .into_iter()
            .map(|p| MyPartner { id: p.id, name: p.name, status: words::status(Status::parse(&p.status)) })
            .collect(),
        None => vec![],
    };
    Ok(ProspectusView {
        event: crate::events::summary::summary(e),
        text_html: render_markdown(&texts::for_this_reader(db, e, PROSPECTUS, "").await?),
        tiers: tiers_of(db, e.id).await?.iter().map(words::tier_view).collect(),
        signed_in: viewer.is_some(),
        mine,
        my_email: viewer.map(|u| u.email.clone()).unwrap_or_default(),
        my_name: viewer.map(|u| u.display_name.clone()).unwrap_or_default(),
    })
}

/// Records the application and makes `me` its contact; answers the new partner's id.
pub async fn apply(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    form: &ApplicationForm,
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let tier_ids: Vec<i32> = tiers_of(db, e.id).await?.iter().map(|t| t.id).collect();
    let problems = application_errors(form, &tier_ids);
    if !problems.is_empty() {
        return Err(AppError::problems(problems));
    }
    let txn = db.begin_write().await?;
    let row = partner::ActiveModel {
        event_id: Set(e.id),
        code: Set(crate::crypto::new_code()),
        name: Set(form.company.trim().to_string()),
        vat: Set(form.vat.trim().to_string()),
        billing_name: Set(form.billing_name.trim().to_string()),
        billing_email: Set(form.billing_email.trim().to_string()),
        message: Set(form.message.trim().to_string()),
        wished_tier_id: Set(form.tier.trim().parse().ok()),
        tier_id: Set(None),
        status: Set(Status::Applied.as_str().into()),
        applied_at: Set(now),
        notes: Set(String::new()),
        description: Set(String::new()),
        website: Set(String::new()),
        links: Set(String::new()),
        jobs: Set(String::new()),
        logo_file: Set(String::new()),
        logo_dark_file: Set(String::new()),
        needs_power: Set(false),
        needs_screen: Set(false),
        needs_table: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let id = partner::Entity::insert(row)
        .exec(&txn)
        .await
        .map_err(|err| unique_violation_as(err, || AppError::problem("company", Problem::CompanyTaken)))?
        .last_insert_id;
    let contact = partner_contact::ActiveModel { partner_id: Set(id), user_id: Set(me.id), created_at: Set(now), ..Default::default() };
    partner_contact::Entity::insert(contact).exec_without_returning(&txn).await?;
    txn.commit().await?;
    Ok(id)
}
