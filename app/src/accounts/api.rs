//! The server function erasing an account (the rest of the account's are in `auth`).
use leptos::prelude::*;

use crate::error::AppError;

/// Erases the signed-in person's account (see `erasure`): `password` confirms it is them,
/// `confirm` is the ticked "I understand".
#[server(endpoint = "accounts/erase")]
pub async fn erase_account(password: String, confirm: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    super::erasure::erase_account(&state, me, &password, confirm.is_some()).await?;
    leptos_axum::redirect("/?erased=1");
    Ok(())
}
