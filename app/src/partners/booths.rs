//! The village's floor: its size and deadlines (one settings row per event), its booths, and which
//! partner stands where. A partner holds at most one booth and a booth one partner: the booth row
//! carries the partner under a unique index, and assigning is a conditional update.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter, QueryOrder, Set};

use super::talks::PITCH_RULE;
use super::views::{MapAdminView, MapBooth, MapView, VillageSettingsForm, VillageSettingsView};
use super::{apply::PROSPECTUS, store, tiers};
use crate::db::BeginWrite;
use crate::entities::{event, partner, partner_booth, partner_village};
use crate::error::{AppError, AppResult};
use crate::events::texts;
use crate::plumbing::unique_violation_as;
use domain::partners::booths::{check_booth, check_floor, size_warning, Booth, BoothForm};
use domain::partners::checklist::Item;
use domain::partners::pipeline::Status;
use domain::problem::{FieldProblem, Problem};

/// A new village's floor, in metres.
pub const DEFAULT_FLOOR: (i32, i32) = (30, 20);
pub const PROSPECTUS_MAX: usize = 8000;

pub async fn village_of(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Option<partner_village::Model>> {
    Ok(partner_village::Entity::find().filter(partner_village::Column::EventId.eq(e.id)).one(db).await?)
}

fn floor(v: &Option<partner_village::Model>) -> (i32, i32) {
    v.as_ref().map_or(DEFAULT_FLOOR, |v| (v.width, v.height))
}

pub async fn booths_of(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<partner_booth::Model>> {
    Ok(partner_booth::Entity::find()
        .filter(partner_booth::Column::EventId.eq(event_id))
        .order_by_asc(partner_booth::Column::Number)
        .all(db)
        .await?)
}

pub async fn booth_of(db: &impl ConnectionTrait, partner_id: i32) -> AppResult<Option<partner_booth::Model>> {
    Ok(partner_booth::Entity::find().filter(partner_booth::Column::PartnerId.eq(partner_id)).one(db).await?)
}

fn shape(b: &partner_booth::Model) -> Booth {
    Booth { number: b.number.clone(), x: b.x, y: b.y, w: b.w, h: b.h }
}

/// The map with each booth's partner, if it is accepted (a declined partner's booth reads free).
pub async fn map_view(db: &impl ConnectionTrait, e: &event::Model, highlight: Option<i32>) -> AppResult<MapView> {
    let village = village_of(db, e).await?;
    let (width, height) = floor(&village);
    let plan_src = village.map(|v| v.plan_file).filter(|f| !f.is_empty()).map(|f| format!("/media/logos/{f}"));
    let partners = store::partners_of_event(db, e).await?;
    let booths = booths_of(db, e.id)
        .await?
        .into_iter()
        .map(|b| {
            let partner = partners
                .iter()
                .find(|p| Some(p.id) == b.partner_id && Status::parse(&p.status) == Status::Accepted)
                .map(|p| (p.code.clone(), p.name.clone()));
            MapBooth { id: b.id, number: b.number, x: b.x, y: b.y, w: b.w, h: b.h, partner }
        })
        .collect();
    Ok(MapView { width, height, booths, highlight, plan_src })
}

pub async fn map_admin_view(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<MapAdminView> {
    let tiers = tiers::tiers_of(db, e.id).await?;
    let accepted: Vec<partner::Model> =
        store::partners_of_event(db, e).await?.into_iter().filter(|p| Status::parse(&p.status) == Status::Accepted).collect();
    let booths = booths_of(db, e.id).await?;
    let mut warnings = Vec::new();
    let mut partners = Vec::new();
    for p in &accepted {
        let Some(t) = tiers.iter().find(|t| Some(t.id) == p.tier_id) else { continue };
        if t.booth_size == 0 {
            continue;
        }
        partners.push((p.id, p.name.clone(), crate::tr!(partners.map.tier_size, tier = &t.name, size = t.booth_size).to_string()));
        if let Some(problem) = booths.iter().find(|b| b.partner_id == Some(p.id)).and_then(|b| size_warning(&shape(b), t.booth_size)) {
            warnings.push(format!("{} — {}", p.name, crate::lang::problems::here(&problem)));
        }
    }
    Ok(MapAdminView { event: crate::events::summary::summary(e), map: map_view(db, e, None).await?, partners, warnings })
}

/// Points the village at a new floor plan image; answers the file it replaces ("" if none).
pub async fn set_plan(db: &DatabaseConnection, e: &event::Model, file: &str, now: DateTime<Utc>) -> AppResult<String> {
    let txn = db.begin_write().await?;
    let previous = village_of(&txn, e).await?;
    let (width, height) = floor(&previous);
    let row = partner_village::ActiveModel {
        event_id: Set(e.id),
        width: Set(width),
        height: Set(height),
        plan_file: Set(file.to_string()),
        updated_at: Set(now),
        ..Default::default()
    };
    use partner_village::Column as V;
    let upsert = OnConflict::column(V::EventId).update_columns([V::PlanFile, V::UpdatedAt]).to_owned();
    partner_village::Entity::insert(row).on_conflict(upsert).exec_without_returning(&txn).await?;
    txn.commit().await?;
    Ok(previous.map(|v| v.plan_file).unwrap_or_default())
}

/// Draws a booth (`id` None) or moves/resizes one; it must fit on the floor and overlap no other.
pub async fn save_booth(db: &DatabaseConnection, e: &event::Model, id: Option<i32>, form: &BoothForm, now: DateTime<Utc>) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let all = booths_of(&txn, e.id).await?;
    let others: Vec<Booth> = all.iter().filter(|b| Some(b.id) != id).map(shape).collect();
    let booth = check_booth(form, floor(&village_of(&txn, e).await?), &others).map_err(AppError::problems)?;
    let row = match id {
        Some(id) => {
            let existing = all.into_iter().find(|b| b.id == id).ok_or(AppError::NotFound)?;
            partner_booth::ActiveModel::from(existing)
        }
        None => partner_booth::ActiveModel { event_id: Set(e.id), partner_id: Set(None), created_at: Set(now), ..Default::default() },
    };
    let mut row = row;
    row.number = Set(booth.number);
    row.x = Set(booth.x);
    row.y = Set(booth.y);
    row.w = Set(booth.w);
    row.h = Set(booth.h);
    let taken = || AppError::problem("number", Problem::BoothNumberTaken);
    if id.is_some() {
        sea_orm::ActiveModelTrait::update(row, &txn).await.map_err(|err| unique_violation_as(err, taken))?;
    } else {
        partner_booth::Entity::insert(row).exec_without_returning(&txn).await.map_err(|err| unique_violation_as(err, taken))?;
    }
    txn.commit().await?;
    Ok(())
}

pub async fn delete_booth(db: &DatabaseConnection, e: &event::Model, id: i32) -> AppResult<()> {
    let gone = partner_booth::Entity::delete_many()
        .filter(partner_booth::Column::Id.eq(id))
        .filter(partner_booth::Column::EventId.eq(e.id))
        .exec(db)
        .await?;
    if gone.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Puts an accepted partner on a free booth (its previous booth, if any, becomes free), or frees the
/// booth (`partner` None). Two partners on one booth is refused with the holder's name.
pub async fn assign(db: &DatabaseConnection, e: &event::Model, booth_id: i32, partner_id: Option<i32>) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let booth = booths_of(&txn, e.id).await?.into_iter().find(|b| b.id == booth_id).ok_or(AppError::NotFound)?;
    use partner_booth::Column as B;
    if let Some(pid) = partner_id {
        let p = store::partner_of(&txn, e, pid).await.map_err(|_| AppError::problem("partner", Problem::PartnerNotAccepted))?;
        if Status::parse(&p.status) != Status::Accepted {
            return Err(AppError::problem("partner", Problem::PartnerNotAccepted));
        }
        partner_booth::Entity::update_many()
            .col_expr(B::PartnerId, Expr::value(Option::<i32>::None))
            .filter(B::PartnerId.eq(pid))
            .filter(B::Id.ne(booth.id))
            .exec(&txn)
            .await?;
    }
    // Only a free booth (or one already this partner's) takes a partner.
    let mut update = partner_booth::Entity::update_many().col_expr(B::PartnerId, Expr::value(partner_id)).filter(B::Id.eq(booth.id));
    if let Some(pid) = partner_id {
        update = update.filter(B::PartnerId.is_null().or(B::PartnerId.eq(pid)));
    }
    let placed = update.exec(&txn).await?;
    if placed.rows_affected != 1 {
        let holder = match booth.partner_id {
            Some(id) => store::partner_of(&txn, e, id).await.map(|p| p.name).unwrap_or_default(),
            None => String::new(),
        };
        return Err(AppError::problem("partner", Problem::BoothTaken { number: booth.number, partner: holder }));
    }
    txn.commit().await?;
    Ok(())
}

pub async fn settings_view(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<VillageSettingsView> {
    let v = village_of(db, e).await?;
    let mut versions = texts::versions(db, e.id, PROSPECTUS).await?;
    let mut rules = texts::versions(db, e.id, PITCH_RULE).await?;
    let (width, height) = floor(&v);
    Ok(VillageSettingsView {
        language: e.default_language.clone(),
        prospectus: versions.remove(&e.default_language).unwrap_or_default(),
        translations: versions,
        rule: rules.remove(&e.default_language).unwrap_or_default(),
        rule_translations: rules,
        width: width.to_string(),
        height: height.to_string(),
        due: Item::ALL
            .into_iter()
            .map(|i| {
                (
                    format!("{}_due", i.as_str()),
                    super::words::item(i),
                    v.as_ref().and_then(|v| store::due_of(v, i)).map(|d| d.to_string()).unwrap_or_default(),
                )
            })
            .collect(),
    })
}

fn read_day(field: &str, typed: &str, problems: &mut Vec<FieldProblem>) -> Option<NaiveDate> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| problems.push(FieldProblem::new(field, Problem::DayInvalid))).ok()
}

/// Saves the floor's size, the deadlines and the prospectus's versions, all or nothing.
pub async fn save_settings(db: &DatabaseConnection, e: &event::Model, form: &VillageSettingsForm, now: DateTime<Utc>) -> AppResult<()> {
    let mut problems = check_floor(&form.width, &form.height).err().unwrap_or_default();
    let days = [
        read_day("logo_due", &form.logo_due, &mut problems),
        read_day("description_due", &form.description_due, &mut problems),
        read_day("staff_due", &form.staff_due, &mut problems),
        read_day("needs_due", &form.needs_due, &mut problems),
    ];
    let texts_sent = [("prospectus".to_string(), &form.prospectus), ("rule".to_string(), &form.rule)]
        .into_iter()
        .chain(form.translations.iter().map(|(code, text)| (format!("translations[{code}]"), text)))
        .chain(form.rule_translations.iter().map(|(code, text)| (format!("rule_translations[{code}]"), text)));
    for (field, text) in texts_sent {
        if domain::text::typed_len(text) > PROSPECTUS_MAX {
            problems.push(FieldProblem { field, problem: Problem::AtMost { max: PROSPECTUS_MAX } });
        }
    }
    if !problems.is_empty() {
        return Err(AppError::problems(problems));
    }
    let (width, height) = check_floor(&form.width, &form.height).map_err(AppError::problems)?;
    let default = crate::lang::code(crate::lang::parse(&e.default_language).unwrap_or_default());
    let sent = texts::Sent {
        name: "prospectus",
        others: "translations",
        language: &form.prospectus_language,
        first: &form.prospectus,
        translations: &form.translations,
    };
    let versions = sent.versions(default)?;
    let rule = texts::Sent {
        name: "rule",
        others: "rule_translations",
        language: &form.rule_language,
        first: &form.rule,
        translations: &form.rule_translations,
    };
    let rules = rule.versions(default)?;
    let txn = db.begin_write().await?;
    let row = partner_village::ActiveModel {
        event_id: Set(e.id),
        width: Set(width),
        height: Set(height),
        plan_file: Set(String::new()),
        logo_due: Set(days[0]),
        description_due: Set(days[1]),
        staff_due: Set(days[2]),
        needs_due: Set(days[3]),
        updated_at: Set(now),
        ..Default::default()
    };
    use partner_village::Column as V;
    let upsert = OnConflict::column(V::EventId)
        .update_columns([V::Width, V::Height, V::LogoDue, V::DescriptionDue, V::StaffDue, V::NeedsDue, V::UpdatedAt])
        .to_owned();
    partner_village::Entity::insert(row).on_conflict(upsert).exec_without_returning(&txn).await?;
    texts::save(&txn, e.id, PROSPECTUS, &versions).await?;
    texts::save(&txn, e.id, PITCH_RULE, &rules).await?;
    txn.commit().await?;
    Ok(())
}
