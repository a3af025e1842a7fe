//! Estrade: the Leptos application (pages, server functions, rules).
#![recursion_limit = "256"]

pub mod accounts;
pub mod admin;
pub mod agenda;
pub mod auth;
pub mod availability;
pub mod cfp;
pub mod error;
pub mod events;
pub mod lang;
pub mod mail;
pub mod organizer;
pub mod partners;
pub mod plumbing;
pub mod review;
pub mod schedule;
pub mod selection;
pub mod speakers;
#[cfg(feature = "ssr")]
pub mod spreadsheet;
pub mod ui;
pub mod venue;
pub mod volunteers;

// The catalogues compiled by build.rs (leptos_i18n): `crate::i18n::Locale` and the keys.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

#[cfg(test)]
mod module_graph;

#[cfg(feature = "ssr")]
pub mod crypto;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod entities;
/// Server-only formats: frab JSON/XML export and import, iCal, zoned times, no-JS form bodies.
#[cfg(feature = "ssr")]
pub mod formats;
#[cfg(feature = "ssr")]
pub mod published;
#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::ui::{Layout, NotFoundNotice};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy(&options);
    #[cfg(feature = "ssr")]
    let language = lang::code(lang::request_locale());
    #[cfg(not(feature = "ssr"))]
    let language = lang::code(lang::use_locale());
    view! {
        <!DOCTYPE html>
        <html lang=language>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <AutoReload options=options.clone()/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <PageScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The app's wasm on the few pages that need it, small scripts on every other page, which is
/// complete as server-rendered HTML (see `domain::pages`).
#[component]
fn PageScripts(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let path = use_context::<http::request::Parts>().map(|req| req.uri.path().to_string()).unwrap_or_default();
    // The shell is rendered on the server only.
    #[cfg(not(feature = "ssr"))]
    let path = String::new();
    if domain::pages::loads_app(&path) {
        view! { <HydrationScripts options/> }.into_any()
    } else {
        domain::pages::scripts_of(&path).into_iter().map(|src| view! { <script src=src defer=true></script> }).collect_view().into_any()
    }
}

/// Pages carry a CSP (see `ui::csp`): a nonce for Leptos' inline scripts, except on attendee pages.
#[cfg(feature = "ssr")]
fn set_content_security_policy(options: &LeptosOptions) {
    use leptos::nonce::use_nonce;
    let Some(res) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let path = use_context::<http::request::Parts>().map(|req| req.uri.path().to_string()).unwrap_or_default();
    let nonce = use_nonce().map(|n| n.to_string());
    // The same condition as `AutoReload`, which adds the socket's script only then.
    let watching = std::env::var("LEPTOS_WATCH").is_ok();
    let protocol = match options.reload_ws_protocol {
        leptos::config::ReloadWSProtocol::WS => "ws",
        leptos::config::ReloadWSProtocol::WSS => "wss",
    };
    let port = options.reload_external_port.unwrap_or(options.reload_port);
    let csp = ui::csp::policy_for(&path, nonce.as_deref(), watching.then_some((protocol, port)));
    if let Ok(value) = http::HeaderValue::from_str(&csp) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    lang::provide_locale();
    view! {
        <Router>
            <AppRoutes/>
        </Router>
    }
}

/// A route whose page is rendered on the server only (`domain::pages`): in the browser's build it
/// holds a stand-in that loads the page from the server, so the page's code stays out of the wasm.
macro_rules! server_page {
    ($page:path) => {{
        #[cfg(feature = "ssr")]
        let page = $page;
        #[cfg(not(feature = "ssr"))]
        let page = crate::agenda::ServerRendered;
        page
    }};
}

#[component]
fn AppRoutes() -> impl IntoView {
    ui::layout::provide_current_user();
    view! {
        <Layout>
            // Async: whole pages are rendered before sending, so they read fully with JavaScript off.
            <Routes fallback=|| view! { <NotFoundNotice/> }>
                <Route ssr=SsrMode::Async path=path!("/") view=server_page!(events::pages::HomePage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug") view=server_page!(events::pages::EventPage)/>
                <Route ssr=SsrMode::Async path=path!("/signin") view=server_page!(accounts::pages::SignInPage)/>
                <Route ssr=SsrMode::Async path=path!("/signup") view=server_page!(accounts::pages::SignUpPage)/>
                <Route ssr=SsrMode::Async path=path!("/reset") view=server_page!(accounts::pages::ResetRequestPage)/>
                <Route ssr=SsrMode::Async path=path!("/reset/confirm") view=server_page!(accounts::pages::ResetConfirmPage)/>
                <Route ssr=SsrMode::Async path=path!("/verify") view=server_page!(accounts::pages::VerifyPage)/>
                <Route ssr=SsrMode::Async path=path!("/account") view=server_page!(accounts::pages::AccountPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/cfp") view=server_page!(cfp::pages::CfpPublicPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/agenda") view=server_page!(agenda::pages::AgendaPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/my") view=server_page!(agenda::pages::MyAgendaPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/talk/:code") view=server_page!(agenda::people_pages::TalkPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/speaker/:code") view=server_page!(agenda::people_pages::SpeakerPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/now") view=server_page!(agenda::people_pages::NowPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/changes") view=server_page!(agenda::people_pages::ChangesPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/cfp/propose") view=server_page!(cfp::pages::ProposeTalkPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/volunteer") view=server_page!(volunteers::call_pages::CallPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/volunteer/shifts") view=server_page!(volunteers::pages::ShiftBoardPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/volunteer/mine") view=server_page!(volunteers::pages::MyShiftsPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/partners") view=server_page!(partners::space_pages::ProspectusPage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/partner/:id") view=server_page!(partners::space_pages::SpacePage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/village") view=server_page!(partners::village_pages::VillagePage)/>
                <Route ssr=SsrMode::Async path=path!("/events/:slug/village/:code") view=server_page!(partners::village_pages::VillagePartnerPage)/>
                <Route ssr=SsrMode::Async path=path!("/proposals") view=server_page!(speakers::proposal_pages::MyProposalsPage)/>
                <Route ssr=SsrMode::Async path=path!("/proposals/:code") view=server_page!(speakers::proposal_pages::ProposalPage)/>
                <Route ssr=SsrMode::Async path=path!("/proposals/:code/edit") view=server_page!(cfp::pages::EditProposalPage)/>
                <Route ssr=SsrMode::Async path=path!("/cospeaker") view=server_page!(cfp::cospeaker_page::CospeakerPage)/>
                <Route ssr=SsrMode::Async path=path!("/claim") view=server_page!(agenda::claim_page::ClaimPage)/>
                <Route ssr=SsrMode::Async path=path!("/profile") view=server_page!(speakers::pages::ProfilePage)/>
                <Route ssr=SsrMode::Async path=path!("/talks") view=server_page!(speakers::pages::TalksPage)/>
                <Route ssr=SsrMode::Async path=path!("/talks/:id") view=server_page!(speakers::pages::TalkPage)/>
                <Route ssr=SsrMode::Async path=path!("/review") view=server_page!(review::pages::ReviewHomePage)/>
                <Route ssr=SsrMode::Async path=path!("/review/:slug") view=server_page!(review::pages::ReviewQueuePage)/>
                <Route ssr=SsrMode::Async path=path!("/review/:slug/:code") view=server_page!(review::pages::ReviewProposalPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin") view=server_page!(admin::pages::AdminEventsPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug") view=server_page!(admin::pages::AdminEventPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/cfp") view=server_page!(organizer::pages::CfpSettingsPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/venue") view=server_page!(venue::pages::VenuePage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/volunteers") view=server_page!(volunteers::lead_pages::LeadPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/volunteers/people") view=server_page!(volunteers::people_pages::PeoplePage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/volunteers/shifts/:id") view=server_page!(volunteers::shift_pages::ShiftPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/partners") view=server_page!(partners::admin_pages::PartnersAdminPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/partners/:id") view=server_page!(partners::admin_pages::PartnerAdminPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/village") view=server_page!(partners::map_pages::MapPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/schedule") view=schedule::builder_page::BuilderPage/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/schedule/place/:item") view=server_page!(schedule::place_page::PlacePage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/schedule/import") view=schedule::import_page::ImportPage/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/schedule/interest") view=server_page!(schedule::interest_page::InterestPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/schedule/versions") view=server_page!(schedule::versions_page::VersionsPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/schedule/versions/:number") view=server_page!(schedule::versions_page::VersionPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/proposals") view=server_page!(organizer::proposals_pages::ProposalsPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/proposals/:code") view=server_page!(organizer::proposals_pages::OrganizerProposalPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/conflicts") view=server_page!(review::pages::ConflictsPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/selection") view=server_page!(selection::pages::DeliberationPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/selection/settings") view=server_page!(selection::settings_pages::SelectionSettingsPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/events/:slug/selection/log") view=server_page!(selection::confirm_pages::SelectionLogPage)/>
                <Route ssr=SsrMode::Async path=path!("/confirm/:token") view=server_page!(selection::confirm_pages::ConfirmPage)/>
                <Route ssr=SsrMode::Async path=path!("/admin/mail") view=server_page!(admin::pages::AdminMailPage)/>
            </Routes>
        </Layout>
    }
}

/// Links from the app to a server-rendered page (`domain::pages`) are followed by the browser, not
/// by the app's router, which has only a stand-in for them: a capturing listener keeps the click
/// from reaching the router, and the browser loads the page.
#[cfg(feature = "hydrate")]
fn follow_links_to_server_pages() {
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    let handler = Closure::<dyn Fn(leptos::web_sys::MouseEvent)>::new(|e: leptos::web_sys::MouseEvent| {
        let link =
            e.target().and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok()).and_then(|el| el.closest("a[href]").ok().flatten());
        let Some(href) = link.and_then(|a| a.get_attribute("href")) else { return };
        let path = href.split(['?', '#']).next().unwrap_or_default();
        if path.starts_with('/') && !path.starts_with("//") && !domain::pages::loads_app(path) {
            e.stop_propagation();
        }
    });
    let _ = leptos::prelude::window().add_event_listener_with_callback_and_bool("click", handler.as_ref().unchecked_ref(), true);
    handler.forget();
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
    follow_links_to_server_pages();
    // Lets browser tests know the wasm is running.
    let _ = js_sys::Reflect::set(&leptos::prelude::window(), &"__estrade_hydrated".into(), &true.into());
}
