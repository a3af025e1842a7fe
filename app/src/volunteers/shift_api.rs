//! Server functions of one shift's page: volunteer leads and organisers edit, delete, assign, take
//! off and check people in.
use leptos::prelude::*;

use super::views::ShiftAdminView;
use crate::error::AppError;
use domain::volunteers::shifts::ShiftForm;

#[cfg(feature = "ssr")]
use crate::auth::guard::event_access;
#[cfg(feature = "ssr")]
use domain::roles::VOLUNTEER_LEADS;

#[cfg(feature = "ssr")]
async fn lead(slug: &str) -> Result<crate::entities::event::Model, AppError> {
    Ok(event_access(&crate::state::app_state().db, slug, VOLUNTEER_LEADS).await?.event)
}

#[cfg(feature = "ssr")]
fn back(slug: &str, shift: i32, flag: &str) -> String {
    format!("{}?{flag}=1", crate::plumbing::urls::admin_shift(slug, shift))
}

#[server(endpoint = "volunteers/shift")]
pub async fn load_shift(slug: String, shift: String) -> Result<ShiftAdminView, AppError> {
    let state = crate::state::app_state();
    let e = lead(&slug).await?;
    super::shift_admin::shift_view(&state.db, &e, crate::plumbing::parse_id(&shift)?).await
}

#[server(endpoint = "volunteers/edit_shift")]
pub async fn edit_shift(slug: String, shift: String, #[server(flatten)] form: ShiftForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = lead(&slug).await?;
    let id = crate::plumbing::parse_id(&shift)?;
    super::shift_admin::edit_shift(&state, &e, id, &form, state.clock.now()).await?;
    leptos_axum::redirect(&back(&e.slug, id, "saved"));
    Ok(())
}

#[server(endpoint = "volunteers/delete_shift")]
pub async fn delete_shift(slug: String, shift: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = lead(&slug).await?;
    super::shift_admin::delete_shift(&state, &e, crate::plumbing::parse_id(&shift)?, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?shift_deleted=1", crate::plumbing::urls::admin_volunteers(&e.slug)));
    Ok(())
}

/// Puts `person` (a user id) on the shift; `confirm` present accepts a double booking.
#[server(endpoint = "volunteers/assign")]
pub async fn assign_volunteer(slug: String, shift: String, person: String, confirm: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = lead(&slug).await?;
    let id = crate::plumbing::parse_id(&shift)?;
    let person_id = person.trim().parse::<i32>().map_err(|_| AppError::field("person", crate::tr!(volunteers.errors.choose_volunteer)))?;
    let who = super::signup::accepted_volunteer(&state.db, &e, person_id)
        .await?
        .ok_or_else(|| AppError::field("person", crate::tr!(volunteers.errors.choose_volunteer)))?;
    super::signup::assign(&state, &e, &who, id, confirm.is_some(), state.clock.now()).await?;
    leptos_axum::redirect(&back(&e.slug, id, "assigned"));
    Ok(())
}

/// Takes `person` off the shift (or its waiting list); a freed seat goes to the waiting list.
#[server(endpoint = "volunteers/take_off")]
pub async fn take_off(slug: String, shift: String, person: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = lead(&slug).await?;
    let id = crate::plumbing::parse_id(&shift)?;
    let now = state.clock.now();
    if super::signup::take_off(&state.db, &e, crate::plumbing::parse_id(&person)?, id).await? {
        super::signup::offer_freed_seat(&state, &e, id, now).await?;
    }
    leptos_axum::redirect(&back(&e.slug, id, "taken_off"));
    Ok(())
}

/// `how`: "arrived", "no_show" or "clear".
#[server(endpoint = "volunteers/mark")]
pub async fn mark_volunteer(slug: String, shift: String, person: String, how: String) -> Result<(), AppError> {
    use super::shift_admin::Mark;
    let state = crate::state::app_state();
    let e = lead(&slug).await?;
    let id = crate::plumbing::parse_id(&shift)?;
    let how = match how.as_str() {
        "arrived" => Mark::Arrived,
        "no_show" => Mark::NoShow,
        "clear" => Mark::Clear,
        _ => return Err(AppError::field("how", crate::tr!(errors.correct_the_field))),
    };
    super::shift_admin::mark(&state.db, &e, id, crate::plumbing::parse_id(&person)?, how, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}#person-{}", crate::plumbing::urls::admin_shift(&e.slug, id), person.trim()));
    Ok(())
}
