//! Server functions of the public agenda. No account needed; draft events stay hidden from
//! non-members. Answers that are the same for every anonymous visitor say so (`Cache-Control: public`)
//! so the server's page cache and any CDN may keep them.
use leptos::prelude::*;
use server_fn::codec::GetUrl;

use super::{NowView, SpeakerView, StarredView, TalkView, VersionsView};
use crate::error::AppError;
use domain::agenda::{AgendaView, Filter};

#[cfg(feature = "ssr")]
pub(super) mod ssr {
    use std::sync::Arc;

    use crate::entities::{event, user};
    use crate::error::AppError;
    use domain::programme::Programme;

    /// How long browsers and CDNs may keep a public answer without asking again.
    pub const PUBLIC_MAX_AGE_SECS: u32 = 60;

    pub fn mark_public() {
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            let value = format!("public, max-age={PUBLIC_MAX_AGE_SECS}");
            if let Ok(v) = http::HeaderValue::from_str(&value) {
                res.insert_header(http::header::CACHE_CONTROL, v);
            }
        }
    }

    /// Who is asking (None: anonymous), and the event `slug` if they may see it.
    pub async fn event(slug: &str) -> Result<(Option<user::Model>, event::Model), AppError> {
        let state = crate::state::app_state();
        let viewer = crate::auth::session::current_user(&state.db).await?;
        let e = crate::events::service::visible_model(&state.db, slug.trim(), viewer.as_ref()).await?;
        Ok((viewer, e))
    }

    /// Who is asking, and the latest published programme of the visible event `slug`.
    pub async fn programme(slug: &str) -> Result<(Option<user::Model>, event::Model, Arc<Programme>), AppError> {
        programme_for(crate::state::app_state(), crate::auth::session::session_token_from_request(), slug.trim().to_string()).await
    }

    /// [`programme`] from the state and session token, without the request's context: for a task
    /// of its own (see `agenda::rendered`).
    pub async fn programme_for(
        state: crate::state::AppState,
        token: Option<String>,
        slug: String,
    ) -> Result<(Option<user::Model>, event::Model, Arc<Programme>), AppError> {
        let viewer = match token {
            Some(t) => crate::auth::session::user_for_token(&state.db, &t, state.clock.now()).await?,
            None => None,
        };
        let e = crate::events::service::visible_model(&state.db, &slug, viewer.as_ref()).await?;
        let p = crate::published::latest_programme(&state.db, &state.programmes, &e).await?;
        Ok((viewer, e, p))
    }
}

/// The agenda of `slug` for the filters of its query string.
#[server(endpoint = "agenda/view", input = GetUrl)]
pub async fn load_agenda(slug: String, #[server(flatten)] filter: Filter) -> Result<AgendaView, AppError> {
    let (_, e, p) = ssr::programme(&slug).await?;
    let today = crate::state::app_state().clock.now().with_timezone(&crate::formats::zoned::zone(&e.time_zone)).date_naive();
    ssr::mark_public();
    let mut view = domain::agenda::agenda(&p, &filter, today);
    super::views::localise_agenda(&mut view, crate::lang::use_locale());
    Ok(view)
}

#[server(endpoint = "agenda/talk", input = GetUrl)]
pub async fn load_talk(slug: String, code: String) -> Result<TalkView, AppError> {
    let (_, _, p) = ssr::programme(&slug).await?;
    ssr::mark_public();
    super::views::talk(crate::lang::use_locale(), &p, code.trim())
}

#[server(endpoint = "agenda/speaker", input = GetUrl)]
pub async fn load_speaker(slug: String, code: String) -> Result<SpeakerView, AppError> {
    let (_, _, p) = ssr::programme(&slug).await?;
    ssr::mark_public();
    super::views::speaker(crate::lang::use_locale(), &p, code.trim())
}

/// Not cached: it changes every minute.
#[server(endpoint = "agenda/now", input = GetUrl)]
pub async fn load_now_and_next(slug: String) -> Result<NowView, AppError> {
    let (_, _, p) = ssr::programme(&slug).await?;
    Ok(super::views::now_and_next(crate::lang::use_locale(), &p, crate::state::app_state().clock.now()))
}

/// `codes` is the comma-separated list the browser keeps; a signed-in visitor's account stars are added.
#[server(endpoint = "agenda/starred", input = GetUrl)]
pub async fn load_starred(slug: String, codes: String) -> Result<StarredView, AppError> {
    let (viewer, e, p) = ssr::programme(&slug).await?;
    let mut codes = super::views::codes_of(&codes);
    if let Some(me) = viewer {
        codes.extend(super::favourites_store::codes(&crate::state::app_state().db, &e, &me).await?);
    }
    Ok(super::views::starred(crate::lang::use_locale(), &p, &codes))
}

#[server(endpoint = "agenda/changes", input = GetUrl)]
pub async fn load_changes(slug: String) -> Result<VersionsView, AppError> {
    let (_, e) = ssr::event(&slug).await?;
    ssr::mark_public();
    super::changes::versions_view(&crate::state::app_state().db, &e).await
}
