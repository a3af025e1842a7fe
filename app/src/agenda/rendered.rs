//! The agenda page's programme part (day tabs, filters, slots), rendered once per published
//! version, language, filters and day, and reused for a minute like the programme it comes from.
//! Every visitor, signed in or not, gets the same bytes for it; a request renders only its own
//! parts around it (the header, a signed-in visitor's stars). The 136 KB of HTML of a 300-talk
//! agenda is then rendered once, not on every signed-in request.
use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::td_string;

use crate::error::AppError;
use crate::lang::Locale;
use crate::ui::SafeHtml;
use domain::agenda::{AgendaView, Filter};

/// The page's title and its programme part.
pub struct RenderedAgenda {
    pub title: String,
    pub body_html: SafeHtml,
}

/// The agenda of `slug` for `filter`, from the cache when this programme was rendered so already;
/// else `body` renders it (the page's own view of the programme part).
pub async fn agenda(slug: &str, filter: Filter, body: impl FnOnce(AgendaView) -> AnyView) -> Result<RenderedAgenda, AppError> {
    let (e, p) = programme_in_own_task(slug).await?;
    super::api::ssr::mark_public();
    let state = crate::state::app_state();
    let today = state.clock.now().with_timezone(&crate::formats::zoned::zone(&e.time_zone)).date_naive();
    let l = crate::lang::use_locale();
    let title = td_string!(l, agenda.title_of, what = td_string!(l, agenda.agenda), event = &p.name).to_string();
    let filters = serde_json::to_string(&filter).unwrap_or_default();
    let key = format!("agenda {} {} {} {} {today} {filters}", e.id, p.version, p.published_at.timestamp_micros(), crate::lang::code(l));
    if let Some(html) = state.programmes.rendered(&key) {
        return Ok(RenderedAgenda { title, body_html: SafeHtml::rendered(html.to_string()) });
    }
    let mut view = domain::agenda::agenda(&p, &filter, today);
    super::views::localise_agenda(&mut view, l);
    let html = render(l, move || body(view));
    state.programmes.keep_rendered(key, Arc::new(html.clone()));
    Ok(RenderedAgenda { title, body_html: SafeHtml::rendered(html) })
}

/// The visible event `slug` and its latest programme, read in a task of its own. This runs inside
/// the page's `Suspend`, which the renderer may poll before it can be woken: a waiter for a pooled
/// database connection registered from there can be woken for nothing, and the pool's queue then
/// stalls until its timeout (seen with 8 concurrent signed-in visitors on SQLite's 8 connections:
/// 2 requests/s, then 503s). A spawned task is polled whenever it is woken.
async fn programme_in_own_task(slug: &str) -> Result<(crate::entities::event::Model, Arc<domain::programme::Programme>), AppError> {
    let read = super::api::ssr::programme_for(
        crate::state::app_state(),
        crate::auth::session::session_token_from_request(),
        slug.trim().to_string(),
    );
    let (_, e, p) = tokio::spawn(read).await.map_err(AppError::internal)??;
    Ok((e, p))
}

/// A view as HTML, rendered apart from the page (in `l`).
fn render(l: Locale, view: impl FnOnce() -> AnyView) -> String {
    Owner::new().with(|| {
        provide_context(l);
        view().to_html()
    })
}
