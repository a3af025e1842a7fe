//! The leads' side of applications: the list (pending first), accepting (which grants the volunteer
//! role and mails the person) or declining, confirming members of restricted teams, and inviting the
//! volunteers of an earlier edition in one action.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::call::{split, teams_of};
use super::mails::to;
use super::views::{ApplicationRow, ApplicationStatus};
use crate::auth::guard::has_event_role;
use crate::db::BeginWrite;
use crate::entities::{event, membership, user, volunteer_application, volunteer_team, volunteer_team_member};
use crate::error::{AppError, AppResult};
use crate::lang::dates;
use crate::mail::outbox;
use crate::mail::volunteer_templates as t;
use crate::state::AppState;
use domain::roles::{Role, VOLUNTEER_LEADS};

/// The applications of `e` with their people: pending and invited first, then accepted, then declined.
pub async fn application_rows(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Vec<ApplicationRow>> {
    let l = crate::lang::use_locale();
    let apps = volunteer_application::Entity::find().filter(volunteer_application::Column::EventId.eq(e.id)).all(db).await?;
    let people = user::Entity::find().filter(user::Column::Id.is_in(apps.iter().map(|a| a.user_id))).all(db).await?;
    let teams = teams_of(db, e.id).await?;
    let confirmed = volunteer_team_member::Entity::find()
        .filter(volunteer_team_member::Column::TeamId.is_in(teams.iter().map(|t| t.id)))
        .all(db)
        .await?;
    let mut rows: Vec<ApplicationRow> = apps
        .iter()
        .filter_map(|a| {
            let u = people.iter().find(|u| u.id == a.user_id)?;
            let wished: Vec<&volunteer_team::Model> =
                split(&a.teams).iter().filter_map(|id| teams.iter().find(|t| t.id.to_string() == *id)).collect();
            let day_label = |d: &String| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map(|d| dates::day(l, d)).unwrap_or_default();
            Some(ApplicationRow {
                id: a.id,
                name: u.display_name.clone(),
                email: u.email.clone(),
                status: ApplicationStatus::parse(&a.status),
                days: split(&a.days).iter().map(day_label).collect::<Vec<_>>().join(", "),
                teams: wished.iter().map(|t| t.name.clone()).collect::<Vec<_>>().join(", "),
                tshirt: a.tshirt.to_uppercase(),
                languages: a.languages.clone(),
                note: a.note.clone(),
                to_confirm: wished
                    .iter()
                    .filter(|t| t.restricted && !confirmed.iter().any(|m| m.team_id == t.id && m.user_id == u.id))
                    .map(|t| (t.id, t.name.clone()))
                    .collect(),
            })
        })
        .collect();
    let rank = |s: ApplicationStatus| match s {
        ApplicationStatus::Pending => 0,
        ApplicationStatus::Invited => 1,
        ApplicationStatus::Accepted => 2,
        ApplicationStatus::Declined => 3,
    };
    rows.sort_by(|a, b| (rank(a.status), a.name.to_lowercase()).cmp(&(rank(b.status), b.name.to_lowercase())));
    Ok(rows)
}

async fn application_of(db: &impl ConnectionTrait, e: &event::Model, id: i32) -> AppResult<volunteer_application::Model> {
    volunteer_application::Entity::find_by_id(id)
        .filter(volunteer_application::Column::EventId.eq(e.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Gives `user_id` the volunteer role of `e` unless they hold it already.
async fn grant_volunteer(db: &impl ConnectionTrait, e: &event::Model, user_id: i32, now: DateTime<Utc>) -> AppResult<()> {
    let held = membership::Entity::find()
        .filter(membership::Column::EventId.eq(e.id))
        .filter(membership::Column::UserId.eq(user_id))
        .filter(membership::Column::Role.eq(Role::Volunteer.as_str()))
        .one(db)
        .await?;
    if held.is_none() {
        crate::auth::roles::insert_membership(db, e.id, user_id, Role::Volunteer, now).await?;
    }
    Ok(())
}

/// Accepts or declines an application that waits for a decision, and mails the person, all in one
/// transaction. An application already decided is left as it is (409).
pub async fn decide(state: &AppState, e: &event::Model, application_id: i32, accept: bool, now: DateTime<Utc>) -> AppResult<()> {
    let txn = state.db.begin_write().await?;
    let a = application_of(&txn, e, application_id).await?;
    let status = if accept { ApplicationStatus::Accepted } else { ApplicationStatus::Declined };
    let changed = volunteer_application::Entity::update_many()
        .col_expr(volunteer_application::Column::Status, Expr::value(status.as_str()))
        .col_expr(volunteer_application::Column::DecidedAt, Expr::value(Some(now)))
        .filter(volunteer_application::Column::Id.eq(a.id))
        .filter(volunteer_application::Column::Status.is_in([ApplicationStatus::Pending.as_str(), ApplicationStatus::Invited.as_str()]))
        .exec(&txn)
        .await?;
    if changed.rows_affected != 1 {
        return Err(AppError::Conflict(crate::tr!(volunteers.errors.already_decided).into()));
    }
    let u = user::Entity::find_by_id(a.user_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    let mail = if accept {
        grant_volunteer(&txn, e, u.id, now).await?;
        t::application_accepted(&to(&u, e), &state.config.link(&crate::plumbing::urls::volunteer_board(&e.slug)))
    } else {
        t::application_declined(&to(&u, e), &state.config.link(&format!("/events/{}", e.slug)))
    };
    outbox::enqueue(&txn, mail, now).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

/// Confirms the applicant as a member of a restricted team of `e` (idempotent).
pub async fn confirm_member(
    db: &impl ConnectionTrait,
    e: &event::Model,
    application_id: i32,
    team_id: i32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let a = application_of(db, e, application_id).await?;
    let team = volunteer_team::Entity::find_by_id(team_id)
        .filter(volunteer_team::Column::EventId.eq(e.id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::problem("team_id", domain::problem::Problem::TeamUnknown))?;
    let row =
        volunteer_team_member::ActiveModel { team_id: Set(team.id), user_id: Set(a.user_id), created_at: Set(now), ..Default::default() };
    volunteer_team_member::Entity::insert(row)
        .on_conflict_do_nothing_on([volunteer_team_member::Column::TeamId, volunteer_team_member::Column::UserId])
        .exec(db)
        .await?;
    Ok(())
}

/// The earlier events (ended before `e` starts) whose volunteers `me` may invite: where they lead
/// volunteers or organise, latest first.
pub async fn earlier_events(db: &impl ConnectionTrait, e: &event::Model, me: &user::Model) -> AppResult<Vec<event::Model>> {
    use sea_orm::QueryOrder;
    let before =
        event::Entity::find().filter(event::Column::EndDate.lt(e.start_date)).order_by_desc(event::Column::StartDate).all(db).await?;
    let mut mine = Vec::new();
    for earlier in before {
        if has_event_role(db, me, earlier.id, VOLUNTEER_LEADS).await? {
            mine.push(earlier);
        }
    }
    Ok(mine)
}

/// Invites the accepted volunteers of `earlier` who have no application at `e` yet: each gets an
/// invited application (one click to apply) and a mail. Inviting again mails nobody twice.
pub async fn invite_earlier(
    state: &AppState,
    e: &event::Model,
    me: &user::Model,
    earlier_slug: &str,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let earlier = earlier_events(&state.db, e, me)
        .await?
        .into_iter()
        .find(|x| x.slug == earlier_slug.trim())
        .ok_or_else(|| AppError::field("earlier", crate::tr!(volunteers.errors.earlier_unknown)))?;
    let txn = state.db.begin_write().await?;
    let before = volunteer_application::Entity::find()
        .filter(volunteer_application::Column::EventId.eq(earlier.id))
        .filter(volunteer_application::Column::Status.eq(ApplicationStatus::Accepted.as_str()))
        .all(&txn)
        .await?;
    let link = state.config.link(&crate::plumbing::urls::volunteer_call(&e.slug));
    let mut invited = 0;
    for old in before {
        let row = volunteer_application::ActiveModel {
            event_id: Set(e.id),
            user_id: Set(old.user_id),
            days: Set(String::new()),
            teams: Set(old.teams.clone()),
            tshirt: Set(old.tshirt.clone()),
            languages: Set(old.languages.clone()),
            note: Set(String::new()),
            status: Set(ApplicationStatus::Invited.as_str().into()),
            lock_version: Set(0),
            feed_token: Set(None),
            created_at: Set(now),
            decided_at: Set(None),
            ..Default::default()
        };
        let inserted = volunteer_application::Entity::insert(row)
            .on_conflict_do_nothing_on([volunteer_application::Column::EventId, volunteer_application::Column::UserId])
            .exec_without_returning(&txn)
            .await?;
        if !matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0) {
            continue;
        }
        if let Some(u) = user::Entity::find_by_id(old.user_id).one(&txn).await? {
            outbox::enqueue(&txn, t::invited_again(&to(&u, e), &earlier.name, &link), now).await?;
            invited += 1;
        }
    }
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(invited)
}
