//! Server functions of the leads' people page: applications, restricted teams' members,
//! invitations of an earlier edition's volunteers, and the settings. Volunteer leads and organisers.
use leptos::prelude::*;

use super::views::{CallSettingsForm, PeopleView};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::auth::guard::{event_access, EventAccess};
#[cfg(feature = "ssr")]
use domain::roles::VOLUNTEER_LEADS;

#[cfg(feature = "ssr")]
async fn lead(slug: &str) -> Result<EventAccess, AppError> {
    event_access(&crate::state::app_state().db, slug, VOLUNTEER_LEADS).await
}

#[cfg(feature = "ssr")]
fn back(slug: &str, flag: &str) -> String {
    format!("{}?{flag}=1", crate::plumbing::urls::admin_volunteer_people(slug))
}

#[server(endpoint = "volunteers/people")]
pub async fn load_people(slug: String) -> Result<PeopleView, AppError> {
    let state = crate::state::app_state();
    let a = lead(&slug).await?;
    let e = &a.event;
    let given = super::hours::given(&state.db, e).await?;
    Ok(PeopleView {
        event: crate::events::summary::summary(e),
        applications: super::applications::application_rows(&state.db, e).await?,
        earlier: super::applications::earlier_events(&state.db, e, &a.user).await?.into_iter().map(|x| (x.slug, x.name)).collect(),
        hours: super::hours::hours_rows(&given),
        tshirts: super::hours::tshirts(&given),
        settings: super::settings::settings_view(&state.db, e).await?,
    })
}

/// `decision` is "accept" or "decline".
#[server(endpoint = "volunteers/decide")]
pub async fn decide_application(slug: String, application: String, decision: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = lead(&slug).await?.event;
    let id = crate::plumbing::parse_id(&application)?;
    let accept = match decision.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::field("decision", crate::tr!(errors.correct_the_field))),
    };
    super::applications::decide(&state, &e, id, accept, state.clock.now()).await?;
    leptos_axum::redirect(&back(&e.slug, if accept { "accepted" } else { "declined" }));
    Ok(())
}

#[server(endpoint = "volunteers/confirm_member")]
pub async fn confirm_member(slug: String, application: String, team_id: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = lead(&slug).await?.event;
    let id = crate::plumbing::parse_id(&application)?;
    let team = team_id.trim().parse::<i32>().map_err(|_| AppError::problem("team_id", domain::problem::Problem::TeamUnknown))?;
    super::applications::confirm_member(&state.db, &e, id, team, state.clock.now()).await?;
    leptos_axum::redirect(&back(&e.slug, "confirmed"));
    Ok(())
}

/// Invites the volunteers of the earlier event `earlier` (a slug); answers how many were mailed.
#[server(endpoint = "volunteers/invite")]
pub async fn invite_earlier(slug: String, earlier: String) -> Result<usize, AppError> {
    let state = crate::state::app_state();
    let a = lead(&slug).await?;
    let n = super::applications::invite_earlier(&state, &a.event, &a.user, &earlier, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?invited={n}", crate::plumbing::urls::admin_volunteer_people(&a.event.slug)));
    Ok(n)
}

#[server(endpoint = "volunteers/settings")]
pub async fn save_volunteer_settings(slug: String, #[server(flatten)] form: CallSettingsForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = lead(&slug).await?.event;
    super::settings::save(&state.db, &e, &form, state.clock.now()).await?;
    leptos_axum::redirect(&back(&e.slug, "saved"));
    Ok(())
}
