//! Server functions of selection: organisers (authorize → service → redirect with a flag) and the
//! speakers' answer to an acceptance (the mailed link is its own key; the proposal page needs the
//! signed-in speaker).
use leptos::prelude::*;

use super::{ConfirmationView, Deliberation, SelectionFilters, SelectionLogView, SelectionSettingsView};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::auth::guard::{event_access, EventAccess};
#[cfg(feature = "ssr")]
use domain::roles::ORGANISERS;

#[cfg(feature = "ssr")]
fn settings_page(slug: &str, flag: &str, anchor: &str) -> String {
    format!("{}?{flag}=1{anchor}", crate::plumbing::urls::admin_selection_settings(&slug))
}

#[server(endpoint = "selection/settings")]
pub async fn load_selection_settings(slug: String) -> Result<SelectionSettingsView, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::settings::view(&state.db, &event, state.clock.now()).await
}

/// Saves the review settings; each checkbox is present (`Some`) when ticked.
#[server(endpoint = "selection/save_settings")]
pub async fn save_selection_settings(
    slug: String,
    anonymous: Option<String>,
    hide_scores: Option<String>,
    reviews_close_at: String,
    confirm_by: String,
) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    let input = super::settings::SettingsInput {
        anonymous: anonymous.is_some(),
        hide_scores_until_reviewed: hide_scores.is_some(),
        reviews_close_at,
        confirm_by,
    };
    super::settings::save(&state.db, &event, &me, &input, state.clock.now()).await?;
    leptos_axum::redirect(&settings_page(&event.slug, "saved", ""));
    Ok(())
}

#[server(endpoint = "selection/close_reviews")]
pub async fn close_reviews(slug: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    super::settings::close_or_reopen(&state.db, &event, &me, true, state.clock.now()).await?;
    leptos_axum::redirect(&settings_page(&event.slug, "closed", ""));
    Ok(())
}

#[server(endpoint = "selection/reopen_reviews")]
pub async fn reopen_reviews(slug: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    super::settings::close_or_reopen(&state.db, &event, &me, false, state.clock.now()).await?;
    leptos_axum::redirect(&settings_page(&event.slug, "reopened", ""));
    Ok(())
}

/// Field errors come back as `format-<id>-slots`.
#[server(endpoint = "selection/save_slots")]
pub async fn save_format_slots(slug: String, format_id: String, slots: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    let id = crate::plumbing::parse_id(&format_id)?;
    super::settings::save_slots(&state.db, &event, &me, id, &slots, state.clock.now()).await?;
    leptos_axum::redirect(&settings_page(&event.slug, "slots_saved", "#slots"));
    Ok(())
}

/// Field errors come back as `template-<decision>-<language>-<field>`. Without `language`, the
/// wording is the one of the event's default language.
#[server(endpoint = "selection/save_template")]
pub async fn save_decision_template(
    slug: String,
    decision: String,
    language: Option<String>,
    subject: String,
    body: String,
) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    let decision = super::settings::parse_decision(&decision)?;
    let language = template_language(&event, language.as_deref())?;
    super::settings::save_template(&state.db, &event, &me, decision, language, &subject, &body, state.clock.now()).await?;
    leptos_axum::redirect(&settings_page(&event.slug, "template_saved", "#templates"));
    Ok(())
}

/// Back to the built-in wording (the event's own is deleted).
#[server(endpoint = "selection/reset_template")]
pub async fn reset_decision_template(slug: String, decision: String, language: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    let decision = super::settings::parse_decision(&decision)?;
    let language = template_language(&event, language.as_deref())?;
    super::settings::reset_template(&state.db, &event, &me, decision, language, state.clock.now()).await?;
    leptos_axum::redirect(&settings_page(&event.slug, "template_reset", "#templates"));
    Ok(())
}

/// The language of a wording as sent: the event's default one when none is given.
#[cfg(feature = "ssr")]
fn template_language(event: &crate::entities::event::Model, language: Option<&str>) -> Result<crate::lang::Locale, AppError> {
    match language.map(str::trim).filter(|l| !l.is_empty()) {
        Some(code) => super::settings::parse_language(code),
        None => Ok(super::settings::audit_locale(event)),
    }
}

/// The deliberation table with the filters and sort of its GET form.
#[server(endpoint = "selection/deliberation")]
pub async fn load_deliberation(slug: String, #[server(flatten)] filters: SelectionFilters) -> Result<Deliberation, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::deliberation::load(&state.db, &event, filters, state.clock.now()).await
}

/// Saves a pending decision. `view` is the table's query string, kept across the redirect; field
/// errors come back as `d-<code>-<field>`.
#[server(endpoint = "selection/decide")]
pub async fn decide_proposal(
    slug: String,
    code: String,
    decision: String,
    waitlist_rank: String,
    feedback: String,
    view: Option<String>,
) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    let input = super::publish::DecideInput { decision, waitlist_rank, feedback };
    super::publish::decide(&state.db, &event, &me, &code, &input, state.clock.now()).await?;
    let qs = SelectionFilters::from_query(view.as_deref().unwrap_or_default()).query_string();
    let qs = if qs.is_empty() { String::new() } else { format!("{qs}&") };
    leptos_axum::redirect(&format!("{}?{qs}decided=1#p-{}", crate::plumbing::urls::admin_selection(&event.slug), code.trim()));
    Ok(())
}

/// Publishes every pending decision: one mail per speaker, never twice for the same decision.
#[server(endpoint = "selection/publish")]
pub async fn publish_decisions(slug: String) -> Result<usize, AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    let n = super::publish::publish_all(&state, &event, &me).await?;
    let flag = if n == 0 { "nothing_new=1".to_string() } else { format!("published={n}") };
    leptos_axum::redirect(&format!("{}?{flag}", crate::plumbing::urls::admin_selection(&event.slug)));
    Ok(n)
}

/// Accepts a waitlisted proposal and mails its speakers at once.
#[server(endpoint = "selection/promote")]
pub async fn promote_proposal(slug: String, code: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    super::publish::promote(&state, &event, &me, &code).await?;
    leptos_axum::redirect(&format!("{}?promoted=1", crate::plumbing::urls::admin_selection(&event.slug)));
    Ok(())
}

#[server(endpoint = "selection/log")]
pub async fn load_selection_log(slug: String) -> Result<SelectionLogView, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::audit::log_view(&state.db, &event, state.clock.now()).await
}

/// The page of a mailed confirmation link; no account needed.
#[server(endpoint = "selection/confirmation")]
pub async fn load_confirmation(token: String) -> Result<ConfirmationView, AppError> {
    let state = crate::state::app_state();
    super::answers::confirmation(&state.db, &token, state.clock.now()).await
}

/// Confirms or declines from the mailed link (`answer` = "confirm" | "decline", from the button pressed).
#[server(endpoint = "selection/answer")]
pub async fn answer_confirmation(token: String, answer: String) -> Result<(), AppError> {
    use domain::cfp::Choice;
    let state = crate::state::app_state();
    let response = super::answers::parse_answer(&answer)?;
    super::answers::answer_by_link(&state.db, &token, response, state.clock.now()).await?;
    leptos_axum::redirect(&format!("/confirm/{}?{}=1", token.trim(), response.as_str()));
    Ok(())
}

/// Confirms or declines as a signed-in speaker of the proposal; `back` = "list" returns to "My proposals".
#[server(endpoint = "selection/answer_mine")]
pub async fn answer_my_acceptance(code: String, answer: String, back: Option<String>) -> Result<(), AppError> {
    use domain::cfp::Choice;
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    let response = super::answers::parse_answer(&answer)?;
    let code = super::answers::answer_as_speaker(&state.db, &me, &code, response, state.clock.now()).await?;
    let flag = response.as_str();
    let to = if back.as_deref() == Some("list") { format!("/proposals?{flag}=1") } else { format!("/proposals/{code}?{flag}=1") };
    leptos_axum::redirect(&to);
    Ok(())
}
