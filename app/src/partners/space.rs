//! A partner's own space: where the application stands, the checklist, the profile, the staff
//! passes (never more than the tier gives: the partner's row is taken first, so two contacts adding
//! at once are counted one after the other) and the booth once placed.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::access::PartnerAccess;
use super::views::{ChecklistLine, SpaceView, StaffLine};
use super::{booths, store, tiers, words};
use crate::db::BeginWrite;
use crate::entities::{partner, partner_share, partner_staff, partner_tier, partner_village};
use crate::error::{AppError, AppResult};
use crate::plumbing::unique_violation_as;
use crate::state::AppState;
use domain::partners::application::{profile_errors, staff_errors, ProfileForm, StaffForm};
use domain::partners::checklist::{items, missing, Item, Progress};
use domain::partners::pipeline::Status;
use domain::problem::Problem;

/// What `p` still owes: (item in the reader's words, the item), checklist order.
pub async fn missing_items(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    tier: Option<&partner_tier::Model>,
) -> AppResult<Vec<(String, Item)>> {
    let progress = progress_of(db, p).await?;
    let (passes, booth) = tier.map_or((false, false), |t| (t.staff_passes > 0, t.booth_size > 0));
    Ok(missing(progress, passes, booth).into_iter().map(|i| (words::item(i), i)).collect())
}

pub async fn progress_of(db: &impl ConnectionTrait, p: &partner::Model) -> AppResult<Progress> {
    let staff = partner_staff::Entity::find().filter(partner_staff::Column::PartnerId.eq(p.id)).count(db).await?;
    Ok(Progress {
        logo: !p.logo_file.is_empty(),
        description: !p.description.trim().is_empty(),
        staff: staff > 0,
        needs: p.needs_saved_at.is_some(),
    })
}

fn checklist(
    l: crate::lang::Locale,
    progress: Progress,
    tier: Option<&partner_tier::Model>,
    village: &Option<partner_village::Model>,
) -> Vec<ChecklistLine> {
    let (passes, booth) = tier.map_or((false, false), |t| (t.staff_passes > 0, t.booth_size > 0));
    items(passes, booth)
        .into_iter()
        .map(|i| ChecklistLine {
            label: words::item(i),
            done: progress.done(i),
            due: village
                .as_ref()
                .and_then(|v| store::due_of(v, i))
                .map(|d| crate::tr!(partners.space.due, date = crate::lang::dates::long_date(l, d)).to_string()),
        })
        .collect()
}

/// A logo's address on this site, if one was uploaded.
pub fn logo_src(file: &str) -> Option<String> {
    (!file.is_empty()).then(|| format!("/media/logos/{file}"))
}

pub async fn space_view(db: &impl ConnectionTrait, a: &PartnerAccess) -> AppResult<SpaceView> {
    let (e, p) = (&a.event, &a.partner);
    let status = Status::parse(&p.status);
    let tier = match p.tier_id {
        Some(id) => Some(tiers::tier_of(db, e, id).await?),
        None => None,
    };
    let village = booths::village_of(db, e).await?;
    let progress = progress_of(db, p).await?;
    let booth = booths::booth_of(db, p.id).await?;
    let map = match &booth {
        Some(b) => Some(booths::map_view(db, e, Some(b.id)).await?),
        None => None,
    };
    let shares = partner_share::Entity::find().filter(partner_share::Column::PartnerId.eq(p.id)).count(db).await? as usize;
    Ok(SpaceView {
        event: crate::events::summary::summary(e),
        id: p.id,
        code: p.code.clone(),
        name: p.name.clone(),
        status: status.as_str().into(),
        status_label: words::status(status),
        checklist: if status == Status::Accepted {
            checklist(crate::lang::use_locale(), progress, tier.as_ref(), &village)
        } else {
            vec![]
        },
        tier: tier.as_ref().map(words::tier_view),
        steps: words::steps(e, p),
        description: p.description.clone(),
        website: p.website.clone(),
        links: p.links.clone(),
        jobs: p.jobs.clone(),
        needs_power: p.needs_power,
        needs_screen: p.needs_screen,
        needs_table: p.needs_table,
        logo_src: logo_src(&p.logo_file),
        logo_dark_src: logo_src(&p.logo_dark_file),
        staff: store::staff_of(db, p.id).await?.into_iter().map(|s| StaffLine { id: s.id, name: s.name, email: s.email }).collect(),
        booth: booth.map(|b| b.number),
        map,
        shares,
        talks: None,
    })
}

async fn tier_in(db: &impl ConnectionTrait, a: &PartnerAccess) -> AppResult<Option<partner_tier::Model>> {
    match a.partner.tier_id {
        Some(id) => Ok(Some(tiers::tier_of(db, &a.event, id).await?)),
        None => Ok(None),
    }
}

pub async fn save_profile(db: &DatabaseConnection, a: &PartnerAccess, form: &ProfileForm, now: DateTime<Utc>) -> AppResult<()> {
    let tier = tier_in(db, a).await?;
    let problems = profile_errors(form, tier.as_ref().is_some_and(|t| t.job_posts));
    if !problems.is_empty() {
        return Err(AppError::problems(problems));
    }
    let mut row = partner::ActiveModel::from(a.partner.clone());
    row.description = Set(form.description.trim().to_string());
    row.website = Set(form.website.trim().to_string());
    row.links = Set(domain::partners::application::link_lines(&form.links).join("\n"));
    row.jobs = Set(form.jobs.trim().to_string());
    row.needs_power = Set(form.needs_power.is_some());
    row.needs_screen = Set(form.needs_screen.is_some());
    row.needs_table = Set(form.needs_table.is_some());
    row.needs_saved_at = Set(Some(now));
    row.updated_at = Set(now);
    sea_orm::ActiveModelTrait::update(row, db).await?;
    Ok(())
}

/// Adds a staff pass (within the tier's limit) and mails its holder.
pub async fn add_staff(state: &AppState, a: &PartnerAccess, form: &StaffForm, now: DateTime<Utc>) -> AppResult<()> {
    if Status::parse(&a.partner.status) != Status::Accepted {
        return Err(AppError::Conflict(crate::lang::problems::here(&Problem::PartnerNotAccepted)));
    }
    let txn = state.db.begin_write().await?;
    // The partner's row first: one pass at a time per partner, on every database.
    partner::Entity::update_many()
        .col_expr(partner::Column::UpdatedAt, Expr::value(now))
        .filter(partner::Column::Id.eq(a.partner.id))
        .exec(&txn)
        .await?;
    let limit = tier_in(&txn, a).await?.map_or(0, |t| t.staff_passes);
    let held = store::staff_of(&txn, a.partner.id).await?.len();
    let problems = staff_errors(form, held, limit);
    if !problems.is_empty() {
        return Err(AppError::problems(problems));
    }
    let email = domain::accounts::normalize_email(&form.email);
    let row = partner_staff::ActiveModel {
        partner_id: Set(a.partner.id),
        name: Set(form.name.trim().to_string()),
        email: Set(email.clone()),
        created_at: Set(now),
        ..Default::default()
    };
    partner_staff::Entity::insert(row)
        .exec_without_returning(&txn)
        .await
        .map_err(|err| unique_violation_as(err, || AppError::problem("email", Problem::StaffTaken)))?;
    super::mails::staff_pass(state, &txn, &a.event, &a.partner, form.name.trim(), &email, now).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

pub async fn remove_staff(db: &DatabaseConnection, a: &PartnerAccess, staff_id: i32) -> AppResult<()> {
    let gone = partner_staff::Entity::delete_many()
        .filter(partner_staff::Column::Id.eq(staff_id))
        .filter(partner_staff::Column::PartnerId.eq(a.partner.id))
        .exec(db)
        .await?;
    if gone.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
