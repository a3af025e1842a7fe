//! Room hosts from the published agenda: a preview of what applying the rule would create, move or
//! delete, and applying it in one transaction. Applying twice with no agenda change changes nothing.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::mails::{tell_holders, Told};
use super::{HostLine, HostPreview};
use crate::db::BeginWrite;
use crate::entities::{event, volunteer_shift, volunteer_team};
use crate::error::{AppError, AppResult};
use crate::published::ProgrammeCache;
use crate::state::AppState;
use domain::volunteers::hosts::{desired_host_shifts, plan_hosts, DesiredShift, GeneratedShift, HostPlan, HostRule};

/// The plan against the latest published agenda; `None` when nothing is published yet.
async fn plan(
    db: &DatabaseConnection,
    programmes: &ProgrammeCache,
    e: &event::Model,
) -> AppResult<Option<(HostPlan, Vec<volunteer_shift::Model>)>> {
    let programme = match crate::published::latest_programme(db, programmes, e).await {
        Ok(p) => p,
        Err(AppError::NotFound) => return Ok(None),
        Err(other) => return Err(other),
    };
    let generated = volunteer_shift::Entity::find()
        .filter(volunteer_shift::Column::EventId.eq(e.id))
        .filter(volunteer_shift::Column::GeneratedKey.is_not_null())
        .all(db)
        .await?;
    let existing: Vec<GeneratedShift> = generated
        .iter()
        .map(|s| GeneratedShift {
            shift_id: s.id,
            key: s.generated_key.clone().unwrap_or_default(),
            start: s.starts_at,
            end: s.ends_at,
            seats_taken: s.taken,
        })
        .collect();
    let rule = super::settings::settings_of(db, e.id).await?.host_rule();
    let desired = desired_host_shifts(&programme, &rule);
    Ok(Some((plan_hosts(&desired, &existing), generated)))
}

fn line(e: &event::Model, room: &str, talk: &str, start: DateTime<Utc>, end: DateTime<Utc>, taken: i32) -> HostLine {
    HostLine { when: super::words::when(crate::lang::use_locale(), e, start, end), room: room.into(), first_talk: talk.into(), taken }
}

pub async fn preview(state: &AppState, e: &event::Model) -> AppResult<HostPreview> {
    let Some((plan, generated)) = plan(&state.db, &state.programmes, e).await? else {
        return Ok(HostPreview { published: false, ..Default::default() });
    };
    let shift = |id: i32| generated.iter().find(|s| s.id == id);
    let desired_line = |d: &DesiredShift| line(e, &d.room, &d.first_talk, d.start, d.end, 0);
    Ok(HostPreview {
        published: true,
        create: plan.create.iter().map(desired_line).collect(),
        moved: plan.moved.iter().map(|(id, d)| HostLine { taken: shift(*id).map_or(0, |s| s.taken), ..desired_line(d) }).collect(),
        delete: plan
            .delete
            .iter()
            .filter_map(|id| shift(*id))
            .map(|s| line(e, &s.place, &s.title, s.starts_at, s.ends_at, s.taken))
            .collect(),
        unchanged: plan.unchanged.len(),
    })
}

/// Applies the plan with new shifts in `team_id`'s team; answers how many shifts changed. The
/// volunteers of a moved or deleted shift are mailed in the same transaction.
pub async fn apply(state: &AppState, e: &event::Model, team_id: i32, now: DateTime<Utc>) -> AppResult<usize> {
    let changed = apply_in(&state.db, &state.programmes, Some(state), e, team_id, now).await?;
    state.mail_wake.notify_one();
    Ok(changed)
}

/// Applies the plan; `tell` (the state, for links) mails the volunteers of moved or deleted shifts —
/// None only where no shift has volunteers yet (the demo data).
pub async fn apply_in(
    db: &DatabaseConnection,
    programmes: &ProgrammeCache,
    tell: Option<&AppState>,
    e: &event::Model,
    team_id: i32,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let team = volunteer_team::Entity::find_by_id(team_id)
        .filter(volunteer_team::Column::EventId.eq(e.id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::problem("team_id", domain::problem::Problem::TeamUnknown))?;
    let Some((plan, _)) = plan(db, programmes, e).await? else { return Ok(0) };
    let txn = db.begin_write().await?;
    let rule = HostRule::default();
    for d in &plan.create {
        volunteer_shift::ActiveModel {
            event_id: Set(e.id),
            team_id: Set(team.id),
            title: Set(d.first_talk.chars().take(120).collect()),
            place: Set(d.room.chars().take(80).collect()),
            room_id: Set(Some(d.room_id)),
            starts_at: Set(d.start),
            ends_at: Set(d.end),
            seats: Set(rule.seats),
            taken: Set(0),
            notes: Set(String::new()),
            generated_key: Set(Some(d.key.clone())),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for (id, d) in &plan.moved {
        if let Some(s) = volunteer_shift::Entity::find_by_id(*id).one(&txn).await? {
            let mut row: volunteer_shift::ActiveModel = s.into();
            row.starts_at = Set(d.start);
            row.ends_at = Set(d.end);
            row.title = Set(d.first_talk.chars().take(120).collect());
            row.updated_at = Set(now);
            let moved = row.update(&txn).await?;
            if let Some(state) = tell {
                tell_holders(&txn, state, e, &moved, Told::Changed, now).await?;
            }
        }
    }
    for id in &plan.delete {
        if let Some(s) = volunteer_shift::Entity::find_by_id(*id).one(&txn).await? {
            if let Some(state) = tell {
                tell_holders(&txn, state, e, &s, Told::Cancelled, now).await?;
            }
            volunteer_shift::Entity::delete_by_id(s.id).exec(&txn).await?;
        }
    }
    txn.commit().await?;
    Ok(plan.create.len() + plan.moved.len() + plan.delete.len())
}
