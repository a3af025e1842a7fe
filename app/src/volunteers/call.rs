//! The call for volunteers: the organisers' text, the teams, and the application form. Signed in, a
//! person applies in one click (every day of the event is ticked for them); a lead then decides.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use super::signup::volunteer_record;
use super::views::{ApplicationStatus, CallTeam, CallView, MyApplication};
use crate::entities::{event, user, volunteer_application, volunteer_team};
use crate::error::{AppError, AppResult};
use crate::lang::dates;
use crate::ui::markdown::render_markdown;
use domain::volunteers::application::{application_errors, ApplicationForm, TShirt};

pub async fn teams_of(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<volunteer_team::Model>> {
    Ok(volunteer_team::Entity::find()
        .filter(volunteer_team::Column::EventId.eq(event_id))
        .order_by_asc(volunteer_team::Column::Position)
        .all(db)
        .await?)
}

/// The event's days: (YYYY-MM-DD, label in the reader's language).
pub fn event_days(e: &event::Model) -> Vec<(String, String)> {
    let l = crate::lang::use_locale();
    e.start_date.iter_days().take_while(|d| *d <= e.end_date).map(|d| (d.to_string(), dates::day(l, d))).collect()
}

/// A comma-separated list as stored.
pub fn split(list: &str) -> Vec<String> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

fn mine(r: &volunteer_application::Model) -> MyApplication {
    MyApplication {
        status: Some(ApplicationStatus::parse(&r.status)),
        days: split(&r.days),
        teams: split(&r.teams),
        tshirt: r.tshirt.clone(),
        languages: r.languages.clone(),
        note: r.note.clone(),
    }
}

pub async fn call_view(db: &impl ConnectionTrait, e: &event::Model, viewer: Option<&user::Model>) -> AppResult<CallView> {
    let teams = teams_of(db, e.id).await?;
    let days = event_days(e);
    let mine = match viewer {
        Some(u) => Some(volunteer_record(db, e.id, u.id).await?.map(|r| mine(&r)).unwrap_or_else(|| MyApplication {
            status: None,
            days: days.iter().map(|(d, _)| d.clone()).collect(),
            teams: vec![],
            tshirt: String::new(),
            languages: String::new(),
            note: String::new(),
        })),
        None => None,
    };
    // The form starts with every day ticked: one click applies.
    let mine =
        mine.map(|m| MyApplication { days: if m.days.is_empty() { days.iter().map(|(d, _)| d.clone()).collect() } else { m.days }, ..m });
    Ok(CallView {
        event: crate::events::summary::summary(e),
        text_html: render_markdown(&super::settings::call_text(db, e).await?),
        teams: teams
            .into_iter()
            .map(|t| CallTeam { id: t.id, name: t.name, description: t.description, colour: t.colour, restricted: t.restricted })
            .collect(),
        days,
        signed_in: viewer.is_some(),
        mine,
    })
}

fn days_of(e: &event::Model) -> (NaiveDate, NaiveDate) {
    (e.start_date, e.end_date)
}

/// Sends (or updates) `me`'s application. A pending or invited one becomes pending with these answers;
/// an accepted volunteer updates their answers and stays accepted; a declined one is refused (409).
pub async fn apply(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    form: &ApplicationForm,
    now: DateTime<Utc>,
) -> AppResult<ApplicationStatus> {
    let team_ids: Vec<i32> = teams_of(db, e.id).await?.iter().map(|t| t.id).collect();
    let errors = application_errors(form, days_of(e), &team_ids);
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    if volunteer_record(db, e.id, me.id).await?.is_some_and(|r| ApplicationStatus::parse(&r.status) == ApplicationStatus::Declined) {
        return Err(AppError::Conflict(crate::tr!(volunteers.errors.already_declined).into()));
    }
    let clean = |list: &[String]| list.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(",");
    let row = volunteer_application::ActiveModel {
        event_id: Set(e.id),
        user_id: Set(me.id),
        days: Set(clean(&form.days)),
        teams: Set(clean(&form.teams)),
        tshirt: Set(TShirt::parse(&form.tshirt).map(|t| t.as_str().to_string()).unwrap_or_default()),
        languages: Set(form.languages.trim().to_string()),
        note: Set(form.note.trim().to_string()),
        status: Set(ApplicationStatus::Pending.as_str().into()),
        lock_version: Set(0),
        feed_token: Set(None),
        created_at: Set(now),
        decided_at: Set(None),
        ..Default::default()
    };
    use volunteer_application::Column as C;
    // Answers only: a decision taken meanwhile stands (a declined application keeps its answers too).
    let answers = OnConflict::columns([C::EventId, C::UserId])
        .update_columns([C::Days, C::Teams, C::Tshirt, C::Languages, C::Note])
        .action_and_where(Expr::col((volunteer_application::Entity, C::Status)).ne(ApplicationStatus::Declined.as_str()))
        .to_owned();
    volunteer_application::Entity::insert(row).on_conflict(answers).exec_without_returning(db).await?;
    volunteer_application::Entity::update_many()
        .col_expr(C::Status, Expr::value(ApplicationStatus::Pending.as_str()))
        .filter(C::EventId.eq(e.id))
        .filter(C::UserId.eq(me.id))
        .filter(C::Status.eq(ApplicationStatus::Invited.as_str()))
        .exec(db)
        .await?;
    let now_stands = volunteer_record(db, e.id, me.id).await?.map(|r| ApplicationStatus::parse(&r.status));
    Ok(now_stands.unwrap_or(ApplicationStatus::Pending))
}
