//! Hours and goodies: the hours each volunteer worked on the shifts they were checked in to, the
//! T-shirts to order, and the whole list as a spreadsheet for the leads
//! (`GET /admin/events/{slug}/volunteers.csv`).
use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Extension;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::call::split;
use super::signup::TAKEN;
use super::views::ApplicationStatus;
use crate::entities::{event, user, volunteer_application, volunteer_shift, volunteer_signup};
use crate::error::AppResult;
use crate::lang::RequestLocale;
use crate::spreadsheet::{download, event_for, failure, file_name, write_csv};
use crate::state::AppState;
use domain::roles::VOLUNTEER_LEADS;
use domain::volunteers::application::{tshirt_totals, TShirt};
use domain::volunteers::coverage::hours_worked;

pub const COLUMNS: [&str; 9] = ["name", "email", "status", "days", "teams", "tshirt", "languages", "note", "hours_checked_in"];

/// An accepted volunteer with what they gave.
pub struct Given {
    pub application: volunteer_application::Model,
    pub person: user::Model,
    pub hours: f64,
}

/// The event's applications with their people and checked-in hours, most hours first.
pub async fn given(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Vec<Given>> {
    let apps = volunteer_application::Entity::find().filter(volunteer_application::Column::EventId.eq(e.id)).all(db).await?;
    let people = user::Entity::find().filter(user::Column::Id.is_in(apps.iter().map(|a| a.user_id))).all(db).await?;
    let shifts = volunteer_shift::Entity::find().filter(volunteer_shift::Column::EventId.eq(e.id)).all(db).await?;
    let arrived = volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::ShiftId.is_in(shifts.iter().map(|s| s.id)))
        .filter(volunteer_signup::Column::Status.eq(TAKEN))
        .filter(volunteer_signup::Column::CheckedInAt.is_not_null())
        .all(db)
        .await?;
    let spans: Vec<_> =
        arrived.iter().filter_map(|a| shifts.iter().find(|s| s.id == a.shift_id).map(|s| (a.user_id, s.starts_at, s.ends_at))).collect();
    let hours: BTreeMap<i32, f64> = hours_worked(&spans);
    let mut out: Vec<Given> = apps
        .into_iter()
        .filter_map(|a| {
            let person = people.iter().find(|u| u.id == a.user_id)?.clone();
            Some(Given { hours: hours.get(&a.user_id).copied().unwrap_or(0.0), application: a, person })
        })
        .collect();
    out.sort_by(|a, b| b.hours.total_cmp(&a.hours).then_with(|| a.person.display_name.cmp(&b.person.display_name)));
    Ok(out)
}

fn accepted(g: &Given) -> bool {
    ApplicationStatus::parse(&g.application.status) == ApplicationStatus::Accepted
}

/// "2.5" hours, "2" when whole.
pub fn hours_text(h: f64) -> String {
    if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h}")
    }
}

/// Accepted volunteers' hours: (name, hours).
pub fn hours_rows(all: &[Given]) -> Vec<(String, String)> {
    all.iter().filter(|g| accepted(g)).map(|g| (g.person.display_name.clone(), hours_text(g.hours))).collect()
}

/// T-shirts of the accepted volunteers, by size.
pub fn tshirts(all: &[Given]) -> Vec<(String, usize)> {
    let sizes: Vec<Option<TShirt>> = all.iter().filter(|g| accepted(g)).map(|g| TShirt::parse(&g.application.tshirt)).collect();
    tshirt_totals(&sizes).into_iter().map(|(t, n)| (t.as_str().to_uppercase(), n)).collect()
}

fn record(g: &Given, teams: &[crate::entities::volunteer_team::Model]) -> Vec<String> {
    let a = &g.application;
    vec![
        g.person.display_name.clone(),
        g.person.email.clone(),
        a.status.clone(),
        split(&a.days).join(" "),
        split(&a.teams)
            .iter()
            .filter_map(|id| teams.iter().find(|t| t.id.to_string() == *id))
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        a.tshirt.to_uppercase(),
        a.languages.clone(),
        a.note.clone(),
        hours_text(g.hours),
    ]
}

pub async fn volunteers_csv(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    locale: Option<Extension<RequestLocale>>,
) -> Response {
    let l = locale.map(|Extension(RequestLocale(l))| l).unwrap_or_default();
    let e = match event_for(&state, &slug, &headers, l, VOLUNTEER_LEADS).await {
        Ok(e) => e,
        Err(answer) => return answer,
    };
    let all = match given(&state.db, &e).await {
        Ok(all) => all,
        Err(err) => return failure(l, err),
    };
    let teams = match super::call::teams_of(&state.db, e.id).await {
        Ok(t) => t,
        Err(err) => return failure(l, err),
    };
    let records: Vec<Vec<String>> = all.iter().map(|g| record(g, &teams)).collect();
    download(l, &file_name(&e.slug, "volunteers"), write_csv(&COLUMNS, &records))
}

#[cfg(test)]
mod tests {
    use super::hours_text;

    #[test]
    fn hours_read_without_needless_decimals() {
        assert_eq!(hours_text(2.0), "2");
        assert_eq!(hours_text(2.5), "2.5");
        assert_eq!(hours_text(0.25), "0.25");
    }
}
