//! Server functions for accounts: authorize → service → error. Thin on purpose.
use leptos::prelude::*;

use super::CurrentUser;
use crate::error::AppError;

#[server(endpoint = "auth/me")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    let state = crate::state::try_app_state()?;
    let Some(user) = super::session::current_user(&state.db).await? else { return Ok(None) };
    Ok(Some(super::roles::current_user(&state.db, &user).await?))
}

#[server(endpoint = "auth/sign_up")]
pub async fn sign_up(email: String, display_name: String, password: String, next: Option<String>) -> Result<(), AppError> {
    // Decided before anything is written: a refused `next` falls back, it never fails the request.
    let target = next.as_deref().and_then(domain::redirect::safe_next).unwrap_or("/account?welcome=1").to_string();
    let state = crate::state::app_state();
    super::service::sign_up(&state, &email, &display_name, &password).await?;
    leptos_axum::redirect(&target);
    Ok(())
}

#[server(endpoint = "auth/sign_in")]
pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    let target = domain::redirect::next_or_default(next.as_deref());
    let state = crate::state::app_state();
    let ip = super::session::client_ip();
    super::service::sign_in(&state, &email, &password, &ip).await?;
    leptos_axum::redirect(&target);
    Ok(())
}

#[server(endpoint = "auth/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    let state = crate::state::app_state();
    super::session::end_current(&state.db).await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(endpoint = "auth/request_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    if let Some(problem) = domain::accounts::check_email(&email) {
        return Err(AppError::problem("email", problem));
    }
    let state = crate::state::app_state();
    let ip = super::session::client_ip();
    super::service::request_reset(&state, &email, &ip).await?;
    leptos_axum::redirect("/reset?sent=1");
    Ok(())
}

#[server(endpoint = "auth/reset")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    super::service::reset_password(&state.db, &token, &password, state.clock.now()).await?;
    leptos_axum::redirect("/signin?reset=1");
    Ok(())
}

#[server(endpoint = "auth/change_password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let user = super::guard::require_user(&state.db).await?;
    super::service::change_password(&state.db, user, &current_password, &new_password).await?;
    leptos_axum::redirect("/account?password=1");
    Ok(())
}

/// Moves the account to another address (see `service::change_email`).
#[server(endpoint = "auth/change_email")]
pub async fn change_email(password: String, new_email: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let user = super::guard::require_user(&state.db).await?;
    super::service::change_email(&state, user, &password, &new_email).await?;
    leptos_axum::redirect("/account?email=1");
    Ok(())
}

#[server(endpoint = "auth/profile")]
pub async fn update_profile(display_name: String, language: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let user = super::guard::require_user(&state.db).await?;
    super::service::update_profile(&state.db, user, &display_name, language.as_deref()).await?;
    // This browser follows the choice at once (the switch's cookie would otherwise win over it).
    if let Some(locale) = language.as_deref().and_then(crate::lang::parse) {
        crate::lang::switch::remember(locale, state.config.secure_cookies());
    }
    leptos_axum::redirect("/account?saved=1");
    Ok(())
}

#[server(endpoint = "auth/verify")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    super::service::verify_email(&state.db, &token, state.clock.now()).await?;
    leptos_axum::redirect("/account?verified=1");
    Ok(())
}

#[server(endpoint = "auth/resend_verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    let state = crate::state::app_state();
    let user = super::guard::require_user(&state.db).await?;
    super::service::resend_verification(&state, &user).await?;
    leptos_axum::redirect("/account?resent=1");
    Ok(())
}
