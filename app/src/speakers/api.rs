//! Server functions for the speaker profile, the talk library and the speaker's own proposals.
use leptos::prelude::*;

use super::{MyProposalRow, ProfileData, ProposalView, TalkData};
use crate::error::AppError;
use domain::{cfp::TalkForm, profile::ProfileForm};

#[server(endpoint = "speakers/profile")]
pub async fn my_profile() -> Result<ProfileData, AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    super::profile::data(&state.db, &me).await
}

/// Saves the signed-in speaker's profile (the fields of [`ProfileForm`]).
#[server(endpoint = "speakers/save_profile")]
pub async fn save_profile(#[server(flatten)] form: ProfileForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    super::profile::save(&state.db, &me, &form, state.clock.now()).await?;
    leptos_axum::redirect("/profile?saved=1");
    Ok(())
}

#[server(endpoint = "speakers/remove_photo")]
pub async fn remove_photo() -> Result<(), AppError> {
    use sea_orm::{ActiveModelTrait, Set};
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    if let Some(p) = super::profile::find(&state.db, me.id).await? {
        let file = p.photo_file.clone();
        let mut row: crate::entities::speaker_profile::ActiveModel = p.into();
        row.photo_file = Set(String::new());
        row.update(&state.db).await?;
        super::photo::remove_file(&state, &file).await;
    }
    leptos_axum::redirect("/profile?photo=removed");
    Ok(())
}

#[server(endpoint = "speakers/talks")]
pub async fn my_talk_list() -> Result<Vec<TalkData>, AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    super::talks::list(&state.db, &me).await
}

#[server(endpoint = "speakers/talk")]
pub async fn get_talk(id: String) -> Result<TalkData, AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    let id = crate::plumbing::parse_id(&id)?;
    super::talks::data(&state.db, &me, id).await
}

/// Creates (empty `id`) or changes a library talk (the fields of [`TalkForm`]).
#[server(endpoint = "speakers/save_talk")]
pub async fn save_talk(id: String, #[server(flatten)] form: TalkForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    let id = if id.trim().is_empty() {
        super::talks::insert(&state.db, &me, &form, state.clock.now()).await?.id
    } else {
        let id = crate::plumbing::parse_id(&id)?;
        super::talks::update(&state.db, &me, id, &form, state.clock.now()).await?;
        id
    };
    leptos_axum::redirect(&format!("/talks/{id}?saved=1"));
    Ok(())
}

#[server(endpoint = "cfp/mine")]
pub async fn my_proposals() -> Result<Vec<MyProposalRow>, AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    super::proposals::mine(&state.db, &me, state.clock.now()).await
}

#[server(endpoint = "cfp/proposal")]
pub async fn get_proposal(code: String) -> Result<ProposalView, AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    super::proposals::view(&state, &code, &me).await
}
