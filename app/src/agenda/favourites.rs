//! Starred talks. Without an account they live in the browser's localStorage, per event, and the
//! server never sees them unless the visitor opens "My agenda" or `faved.ics`. Signed in, the
//! account keeps them too: the first visit merges the browser's list into the account, and from
//! then on the account is the reference. Attendee pages ship no wasm: the stars are server-rendered
//! buttons, hidden until `/agenda.js` (in `assets/`) reads the list and shows them. Public pages
//! hold nothing personal: the header's menu is the server's to fill in (`server::public_cache`) and
//! the account's stars are the script's to fetch.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::tr;

/// The signed-in visitor's stars for one event, handed to the page script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StarList {
    /// The visitor's public code: the script remembers per account that it merged the browser's list.
    pub user: String,
    pub codes: Vec<String>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::sync::Arc;

    use crate::entities::{event, user};
    use crate::error::AppError;
    use domain::programme::Programme;

    /// The signed-in visitor and the published programme they star talks of.
    pub async fn signed_in(slug: &str) -> Result<(user::Model, event::Model, Arc<Programme>), AppError> {
        let me = crate::auth::guard::require_user(&crate::state::app_state().db).await?;
        let (e, p) = published(&me, slug).await?;
        Ok((me, e, p))
    }

    /// The event `slug` as `me` may see it, with its latest published programme.
    pub async fn published(me: &user::Model, slug: &str) -> Result<(event::Model, Arc<Programme>), AppError> {
        let state = crate::state::app_state();
        let e = crate::events::service::visible_model(&state.db, slug.trim(), Some(me)).await?;
        let p = crate::published::latest_programme(&state.db, &state.programmes, &e).await?;
        Ok((e, p))
    }

    pub async fn stars(me: &user::Model, e: &event::Model) -> Result<super::StarList, AppError> {
        let db = &crate::state::app_state().db;
        let codes = super::super::favourites_store::codes(db, e, me).await?;
        Ok(super::StarList { user: me.public_code.clone().unwrap_or_default(), codes })
    }
}

/// The visitor's stars kept in their account; None when nobody is signed in.
#[server(endpoint = "agenda/stars", input = server_fn::codec::GetUrl)]
pub async fn load_account_stars(slug: String) -> Result<Option<StarList>, AppError> {
    let Some(me) = crate::auth::session::current_user(&crate::state::app_state().db).await? else {
        return Ok(None);
    };
    let (e, _) = ssr::published(&me, &slug).await?;
    ssr::stars(&me, &e).await.map(Some)
}

/// Stars (`starred` = "true") or unstars a talk of the published agenda in the visitor's account.
#[server(endpoint = "agenda/star")]
pub async fn star_talk(slug: String, code: String, starred: String) -> Result<StarList, AppError> {
    let starred = match starred.trim() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::BadRequest(tr!(agenda.star_true_or_false).into())),
    };
    let (me, e, p) = ssr::signed_in(&slug).await?;
    super::favourites_store::set(&crate::state::app_state().db, &e, &p, &me, code.trim(), starred).await?;
    ssr::stars(&me, &e).await
}

/// Adds the browser's starred talks (comma-separated codes) to the visitor's account.
#[server(endpoint = "agenda/merge")]
pub async fn merge_stars(slug: String, codes: String) -> Result<StarList, AppError> {
    let (me, e, p) = ssr::signed_in(&slug).await?;
    let codes = super::views::codes_of(&codes);
    super::favourites_store::merge(&crate::state::app_state().db, &e, &p, &me, &codes).await?;
    ssr::stars(&me, &e).await
}

/// What the page script says when a star could not be saved, on pages that are the same for every
/// visitor (the agenda, a talk): signed in, the script asks `/api/agenda/stars` for the account's
/// list, so that the server may send everyone the page it rendered once.
#[component]
pub fn StarTexts() -> impl IntoView {
    view! { <div hidden id="account-stars" data-failed=tr!(agenda.star_not_saved)></div> }
}

/// For a signed-in visitor, their account's stars as data the page script reads, on a personal
/// page ("My agenda"); nothing for anonymous visitors.
#[component]
pub fn AccountStarsData(slug: String) -> impl IntoView {
    let data = Resource::new(move || slug.clone(), load_account_stars);
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().and_then(|r| r.ok()).flatten().map(|s| view! {
                <div hidden id="account-stars" data-user=s.user data-codes=s.codes.join(",") data-failed=tr!(agenda.star_not_saved)></div>
            })}
        </Suspense>
    }
}

/// A star that adds or removes `code` from the visitor's favourites. It stays hidden without
/// JavaScript, which is where the list is kept.
#[component]
pub fn Star(code: String, title: String) -> impl IntoView {
    let label = tr!(agenda.star_label, title = &title).to_string();
    view! {
        <button
            type="button"
            class="star"
            hidden=true
            aria-pressed="false"
            aria-label=label.clone()
            title=label
            data-code=code
            data-title=title
            data-star=tr!(agenda.star)
            data-unstar=tr!(agenda.unstar)
        >
            "☆"
        </button>
    }
}
