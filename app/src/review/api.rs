//! Server functions for reviewers: every one checks the reviewer (or organiser) role of the event.
use leptos::prelude::*;

use super::{ConflictsView, ReviewEvent, ReviewQueue, ReviewSubject};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::auth::guard::{event_access, EventAccess};
#[cfg(feature = "ssr")]
use domain::roles::ORGANISERS;

#[server(endpoint = "review/events")]
pub async fn load_review_events() -> Result<Vec<ReviewEvent>, AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    super::service::my_events(&state.db, &me, state.clock.now()).await
}

#[server(endpoint = "review/queue")]
pub async fn load_review_queue(slug: String, format: String, track: String) -> Result<ReviewQueue, AppError> {
    let state = crate::state::app_state();
    let r = super::access::reviewer_of(&state.db, &slug, state.clock.now()).await?;
    super::service::queue(&state, &r, &format, &track).await
}

#[server(endpoint = "review/subject")]
pub async fn load_review_subject(slug: String, code: String) -> Result<ReviewSubject, AppError> {
    let state = crate::state::app_state();
    let r = super::access::reviewer_of(&state.db, &slug, state.clock.now()).await?;
    super::service::subject(&state, &r, &code).await
}

/// Saves a review, then opens `next` (the next proposal to review) or comes back with a notice.
#[server(endpoint = "review/save")]
pub async fn save_review(slug: String, code: String, score: String, comment: String, next: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let r = super::access::reviewer_of(&state.db, &slug, state.clock.now()).await?;
    super::service::save(&state, &r, &code, &score, &comment).await?;
    let slug = r.event.slug;
    match next.filter(|n| !n.is_empty()) {
        Some(next) if next != code && next.chars().all(|c| c.is_ascii_alphanumeric()) => {
            leptos_axum::redirect(&format!("{}?saved={code}", crate::plumbing::urls::review_proposal(&slug, &next)))
        }
        _ => leptos_axum::redirect(&format!("{}?saved={code}", crate::plumbing::urls::review_proposal(&slug, &code))),
    }
    Ok(())
}

#[server(endpoint = "review/conflicts")]
pub async fn load_conflicts(slug: String) -> Result<ConflictsView, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    let rows = super::conflicts::same_company_pairs(&state.db, event.id).await?;
    Ok(ConflictsView { event: crate::events::summary::summary(&event), rows })
}

/// Organisers only: lets a reviewer review a proposal from their own company.
#[server(endpoint = "review/allow")]
pub async fn allow_conflict(slug: String, code: String, email: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    super::conflicts::allow(&state.db, &event, &me, &code, &email, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?allowed=1", crate::plumbing::urls::admin_conflicts(&event.slug)));
    Ok(())
}
