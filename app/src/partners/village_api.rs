//! Server functions of the village attendees read (no account needed), and the contact a
//! signed-in attendee chooses to share with one partner.
use leptos::prelude::*;

use super::views::{VillagePartnerView, VillageView};
use crate::error::AppError;

#[server(endpoint = "partners/village")]
pub async fn load_village(slug: String, #[server(default)] q: String) -> Result<VillageView, AppError> {
    let state = crate::state::app_state();
    let viewer = crate::auth::session::current_user(&state.db).await?;
    let e = crate::events::service::visible_model(&state.db, &slug, viewer.as_ref()).await?;
    super::village::village_view(&state.db, &e, &q).await
}

#[server(endpoint = "partners/village_partner")]
pub async fn load_village_partner(slug: String, code: String) -> Result<VillagePartnerView, AppError> {
    let state = crate::state::app_state();
    let viewer = crate::auth::session::current_user(&state.db).await?;
    let e = crate::events::service::visible_model(&state.db, &slug, viewer.as_ref()).await?;
    super::village::partner_view(&state.db, &state.programmes, &e, &code, viewer.as_ref()).await
}

/// `share` is "yes" to share one's contact with the partner, anything else withdraws it.
#[server(endpoint = "partners/share")]
pub async fn share_contact(slug: String, code: String, share: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    let e = crate::events::service::visible_model(&state.db, &slug, Some(&me)).await?;
    let yes = share == "yes";
    super::village::share(&state.db, &e, &code, &me, yes, state.clock.now()).await?;
    leptos_axum::redirect(&format!(
        "{}?{}=1",
        crate::plumbing::urls::village_partner(&e.slug, &code),
        if yes { "shared" } else { "withdrawn" }
    ));
    Ok(())
}
