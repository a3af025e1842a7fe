//! Server functions for the call for papers, speaker side: authorize → service → redirect.
use leptos::prelude::*;

use super::{CfpPage, InvitationView, ProposalEditor, ProposalForm};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::auth::guard::require_user;

#[server(endpoint = "cfp/page")]
pub async fn load_cfp_page(slug: String) -> Result<CfpPage, AppError> {
    let state = crate::state::app_state();
    let viewer = crate::auth::session::current_user(&state.db).await?;
    let e = super::proposals::cfp_event(&state.db, &slug, viewer.as_ref()).await?;
    super::proposals::page(&state.db, &e, state.clock.now()).await
}

#[server(endpoint = "cfp/new_editor")]
pub async fn new_proposal_editor(slug: String, talk: Option<String>) -> Result<ProposalEditor, AppError> {
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    let talk = talk.and_then(|t| t.parse::<i32>().ok());
    super::proposals::new_editor(&state, &slug, &me, talk).await
}

#[server(endpoint = "cfp/editor")]
pub async fn load_proposal_editor(code: String) -> Result<ProposalEditor, AppError> {
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    super::proposals::existing_editor(&state, &code, &me).await
}

/// Saves a proposal as a draft or submits it (see [`ProposalForm`]).
#[server(endpoint = "cfp/save")]
pub async fn save_proposal(#[server(flatten)] form: ProposalForm) -> Result<(), AppError> {
    use super::proposals::{Intent, SaveInput};
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    let intent = Intent::parse(form.intent.as_deref().unwrap_or("draft"));
    let ProposalForm { slug, code, form_key, talk_id, talk, format_id, track_id, .. } = form;
    let input = SaveInput { slug, code, form_key, talk_id, talk, format_id, track_id, intent, partner: None };
    let code = super::proposals::save(&state, &me, input).await?;
    let flag = if intent == Intent::Submit { "submitted" } else { "saved" };
    leptos_axum::redirect(&format!("/proposals/{code}?{flag}=1"));
    Ok(())
}

#[server(endpoint = "cfp/withdraw")]
pub async fn withdraw_proposal(code: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    super::proposals::withdraw(&state.db, &code, &me, state.clock.now()).await?;
    leptos_axum::redirect(&format!("/proposals/{code}?withdrawn=1"));
    Ok(())
}

#[server(endpoint = "cfp/invite")]
pub async fn invite_cospeaker(code: String, email: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    let ip = crate::auth::session::client_ip();
    super::cospeakers::invite(&state, &code, &me, &email, &ip).await?;
    leptos_axum::redirect(&format!("/proposals/{code}?invited=1"));
    Ok(())
}

#[server(endpoint = "cfp/remove_cospeaker")]
pub async fn remove_cospeaker(code: String, speaker_id: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    let id = crate::plumbing::parse_id(&speaker_id)?;
    super::cospeakers::remove(&state.db, &code, &me, id).await?;
    leptos_axum::redirect(&format!("/proposals/{code}?removed=1"));
    Ok(())
}

#[server(endpoint = "cfp/invitation")]
pub async fn cospeaker_invitation(token: String) -> Result<InvitationView, AppError> {
    let state = crate::state::app_state();
    let viewer = crate::auth::session::current_user(&state.db).await?;
    super::cospeakers::peek(&state.db, &token, viewer.as_ref(), state.clock.now()).await
}

#[server(endpoint = "cfp/accept")]
pub async fn accept_cospeaker(token: String, confirm: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    let code = super::cospeakers::accept(&state, &token, &me, confirm.is_some()).await?;
    leptos_axum::redirect(&format!("/proposals/{code}?joined=1"));
    Ok(())
}
