//! The axum router: Leptos pages and server functions, static files, probes, and the layers around them.
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::{middleware, Router};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower::ServiceBuilder;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::middleware as mw;
use crate::observability;
use app::speakers::photo::UPLOAD_LIMIT_BYTES;
use app::state::AppState;
use app::{shell, App};

fn security_headers() -> [(HeaderName, &'static str); 5] {
    [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        // Pages replace this with a nonce-bearing policy; everything else gets the strict default.
        (header::CONTENT_SECURITY_POLICY, "default-src 'self'; frame-ancestors 'none'; base-uri 'self'"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()"),
    ]
}

/// Every log line of a request carries its id (from `X-Request-Id`, set here when the proxy did
/// not) and its path — never its query string, which may hold a reset or claim token.
fn request_span(req: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
    tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
}

/// The app's routes, listed once per process. Listing renders the app with resource loading
/// suppressed for the whole process (leptos_server's `SuppressResourceLoad`): a page whose resource
/// first ran while another router was being built would wait forever (leptos-rs/leptos#4773). The
/// tests build many routers in one process while others serve.
pub fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the whole application router for `state`.
pub fn build(state: AppState, health: crate::health::Health, max_body_bytes: usize, timeout: Duration) -> Router {
    let options = state.leptos_options.clone();
    let cache = crate::public_cache::PublicCache::new(state.clone());
    let routes = route_list();
    let pkg_dir = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);
    let pkg_route = format!("/{}", options.site_pkg_dir);

    let static_files = Router::new()
        .fallback_service(ServeDir::new(pkg_dir).precompressed_br().precompressed_gzip())
        .layer(middleware::from_fn(mw::long_cache));

    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let shell_fn = {
        let options = options.clone();
        move || shell(options.clone())
    };

    let photos = ServeDir::new(state.config.data_dir.join("photos"));
    // Logos may be SVG: opened on their own, they run nothing and load nothing.
    let logos = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
        ))
        .service(ServeDir::new(state.config.data_dir.join("logos")));
    // Photo uploads get their own, larger body limit so an oversized picture is answered with a
    // message on the profile page rather than a bare 413.
    let uploads = Router::new()
        .route("/profile/photo", post(app::speakers::photo::upload))
        .route("/events/{slug}/partner/{id}/logo", post(app::partners::files::upload_logo))
        .route("/admin/events/{slug}/village/plan", post(app::partners::files::upload_plan))
        .layer(middleware::from_fn(crate::nul_guard::refuse_nul))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT_BYTES))
        .layer(RequestBodyLimitLayer::new(UPLOAD_LIMIT_BYTES))
        .with_state(state.clone());

    let main = Router::new()
        .route("/admin/events/{slug}/proposals.csv", get(app::organizer::csv::proposals_csv))
        .route("/admin/events/{slug}/volunteers.csv", get(app::volunteers::hours::volunteers_csv))
        .route("/admin/events/{slug}/partners/badges.csv", get(app::partners::files::badges_csv))
        .route("/events/{slug}/partner/{id}/contacts.csv", get(app::partners::files::shared_csv))
        .merge(app::agenda::exports::routes())
        .merge(app::volunteers::feed::routes())
        .merge(app::agenda::rest::routes())
        .merge(crate::lang::switch_routes())
        // Registers every server function under /api/… with the same context.
        .leptos_routes_with_context(&state, routes, context.clone(), shell_fn)
        .nest(&pkg_route, static_files)
        .nest_service("/media/photos", photos)
        .nest_service("/media/logos", logos)
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(middleware::from_fn(crate::hydration_data::drop_hydration_data))
        .layer(middleware::from_fn(mw::server_fn_error_status))
        .layer(middleware::from_fn(crate::nul_guard::refuse_nul))
        // Inside the body limits, which bound what it reads.
        .layer(middleware::from_fn_with_state(state.clone(), crate::form_flash::keep_failed_forms))
        .layer(RequestBodyLimitLayer::new(max_body_bytes))
        .layer(DefaultBodyLimit::max(max_body_bytes))
        // Outermost, so a declared oversized body gets a sentence rather than the limit layer's bare 413.
        .layer(middleware::from_fn_with_state(max_body_bytes, mw::refuse_large_bodies))
        .with_state(state.clone());

    let mut router = main.merge(uploads).layer(middleware::from_fn_with_state(state.clone(), mw::refuse_cross_origin_writes));

    for (name, value) in security_headers() {
        router = router.layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)));
    }
    // Probes and metrics answer outside every layer (no page cache, language or session lookup,
    // which would wait for a database that may be away) and stay out of the request logs.
    let probes = Router::new()
        .route("/healthz", get(crate::health::healthz))
        .route("/readyz", get(crate::health::readyz))
        .with_state(health.clone())
        .merge(Router::new().route("/metrics", get(observability::metrics)).with_state(state.clone()));
    router
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(request_span)
                        .on_response(tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO)),
                )
                .layer(middleware::from_fn(mw::record_metrics))
                .layer(middleware::from_fn_with_state(health, crate::health::unavailable_page))
                .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
                // Compresses what the page cache did not answer already compressed.
                // Brotli's default (quality 11) costs tens of milliseconds per 100 KB page: fine
                // once for the page cache, far too slow for every personal page.
                .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
                // Before the page cache, which keeps one answer per language.
                .layer(middleware::from_fn_with_state((state.clone(), crate::lang::EventLanguages::default()), crate::lang::choose))
                .layer(middleware::from_fn_with_state(cache, crate::public_cache::serve)),
        )
        .merge(probes)
}
