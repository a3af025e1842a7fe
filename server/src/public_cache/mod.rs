//! Serves public answers (agenda pages, exports) from memory during the morning rush.
//!
//! A response is kept when a handler marks it `Cache-Control: public`: it is then the same for
//! every anonymous visitor. An entry lives at most its `max-age` and only while the newest
//! published schedule version and the events' visibility (read from the database at most once a
//! second, so several instances agree) are those it was rendered under. Entries hold the body
//! already compressed (gzip and brotli) and an ETag, so a hit costs no rendering, no query and no
//! compression, and a revalidation is a 304. It sits inside the compression layer, which leaves
//! its already-encoded answers alone and compresses everything else.
//!
//! A public page differs for a signed-in visitor only by the header's menu (and the stars, which
//! the page script fetches): such a visitor gets the kept page with their menu in place of the
//! anonymous one (`signed_in`). Entries are only ever filled by an anonymous rendering.
mod gzip_around;
mod signed_in;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::ops::Range;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryOrder, QuerySelect};
use sha2::{Digest, Sha256};

use app::entities::{event, schedule_version};
use app::state::AppState;
use gzip_around::GzipAround;

/// Beyond this many entries the cache starts afresh (bounded memory whatever URLs are asked).
const MAX_ENTRIES: usize = 2_000;
/// Bodies larger than this are served but not kept.
const MAX_BODY: usize = 8 * 1024 * 1024;
/// How long an address whose anonymous answer could not be kept is not tried again.
const UNSHARED_FOR: Duration = Duration::from_secs(60);
/// How stale the "newest version" may be.
const STAMP_EVERY: Duration = Duration::from_secs(1);

#[derive(Clone)]
pub struct PublicCache(Arc<Inner>);

struct Inner {
    state: AppState,
    entries: Mutex<HashMap<String, Arc<Entry>>>,
    /// Addresses whose anonymous answer could not be kept (a draft event an organiser previews),
    /// with the stamp and time they were tried at: for a while, signed-in visitors get their own
    /// rendering at once (a while only: the failure may have been passing).
    unshared: Mutex<HashMap<String, (i64, Instant)>>,
    /// Addresses whose anonymous answer a request is rendering to keep.
    filling: Mutex<HashSet<String>>,
    stamp: tokio::sync::Mutex<(Option<Instant>, i64)>,
}

struct Entry {
    stamp: i64,
    born: Instant,
    max_age: Duration,
    headers: HeaderMap,
    etag: HeaderValue,
    identity: Bytes,
    gzip: Bytes,
    br: Bytes,
    /// For an HTML page with the header's menu: the page around it, for signed-in visitors.
    around_menu: Option<AroundMenu>,
}

struct AroundMenu {
    before: Bytes,
    after: Bytes,
    gzip: GzipAround,
}

impl PublicCache {
    pub fn new(state: AppState) -> Self {
        PublicCache(Arc::new(Inner {
            state,
            entries: Mutex::new(HashMap::new()),
            unshared: Mutex::new(HashMap::new()),
            filling: Mutex::new(HashSet::new()),
            stamp: tokio::sync::Mutex::new((None, 0)),
        }))
    }

    /// What public pages depend on besides their URL: the newest schedule version and every
    /// event's slug, name, zone and visibility (a switch back to draft hides an agenda at once).
    /// Re-read at most once per `STAMP_EVERY`.
    async fn stamp(&self) -> i64 {
        let mut guard = self.0.stamp.lock().await;
        if guard.0.is_some_and(|at| at.elapsed() < STAMP_EVERY) {
            return guard.1;
        }
        // On a read failure the stamp moves, so nothing stale is served.
        let value = read_stamp(&self.0.state.db).await.unwrap_or_else(|e| {
            tracing::warn!("public cache: cannot read what public pages depend on: {e}");
            guard.1.wrapping_sub(1)
        });
        *guard = (Some(Instant::now()), value);
        value
    }

    fn get(&self, key: &str, stamp: i64) -> Option<Arc<Entry>> {
        let entries = self.0.entries.lock().ok()?;
        entries.get(key).filter(|e| e.stamp == stamp && e.born.elapsed() < e.max_age).cloned()
    }

    fn put(&self, key: String, entry: Arc<Entry>) {
        if let Ok(mut entries) = self.0.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key, entry);
        }
    }

    /// Keeps `res` under `key` when it is worth it; else gives it back.
    async fn keep(&self, key: String, stamp: i64, res: Response) -> Result<Arc<Entry>, Response> {
        let Some(max_age) = is_public(res.headers()).filter(|_| worth_keeping(&res)) else {
            return Err(res);
        };
        let (parts, body) = res.into_parts();
        let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
            return Err((StatusCode::INTERNAL_SERVER_ERROR, "This page is too large to send.").into_response());
        };
        let entry = Arc::new(entry(stamp, max_age, parts.headers, bytes).await);
        self.put(key, entry.clone());
        Ok(entry)
    }

    /// Leave to render the anonymous page at `key` to keep it: not when it is known not to be
    /// kept under `stamp`, nor while another request renders it (a signed-in crowd after a publish
    /// renders it once, not once each). The leave lasts as long as the guard.
    fn leave_to_fill(&self, key: &str, stamp: i64) -> Option<Filling> {
        let known_unshared = |u: &HashMap<String, (i64, Instant)>| u.get(key).is_some_and(|(s, at)| *s == stamp && at.elapsed() < UNSHARED_FOR);
        if self.0.unshared.lock().is_ok_and(|u| known_unshared(&u)) {
            return None;
        }
        let mut filling = self.0.filling.lock().ok()?;
        filling.insert(key.to_string()).then(|| Filling { cache: self.clone(), key: key.to_string() })
    }

    fn not_shared(&self, key: String, stamp: i64) {
        if let Ok(mut unshared) = self.0.unshared.lock() {
            if unshared.len() >= MAX_ENTRIES {
                unshared.clear();
            }
            unshared.insert(key, (stamp, Instant::now()));
        }
    }
}

/// See [`PublicCache::leave_to_fill`].
struct Filling {
    cache: PublicCache,
    key: String,
}

impl Drop for Filling {
    fn drop(&mut self) {
        if let Ok(mut filling) = self.cache.0.filling.lock() {
            filling.remove(&self.key);
        }
    }
}

async fn read_stamp(db: &DatabaseConnection) -> Result<i64, sea_orm::DbErr> {
    use std::hash::{Hash, Hasher};
    let newest: Option<Option<i32>> =
        schedule_version::Entity::find().select_only().column_as(schedule_version::Column::Id.max(), "newest").into_tuple().one(db).await?;
    let events: Vec<(i32, String, String, String, String)> = event::Entity::find()
        .select_only()
        .columns([event::Column::Id, event::Column::Slug, event::Column::Name, event::Column::TimeZone, event::Column::Visibility])
        .order_by_asc(event::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (newest.flatten(), events).hash(&mut h);
    Ok(h.finish() as i64)
}

/// The `max-age` of a response marked public. Immutable static files are left to the file
/// server and browsers.
fn is_public(headers: &HeaderMap) -> Option<Duration> {
    let cc = headers.get(header::CACHE_CONTROL)?.to_str().ok()?;
    if !cc.split(',').any(|d| d.trim() == "public") || cc.contains("immutable") {
        return None;
    }
    let secs = cc.split(',').find_map(|d| d.trim().strip_prefix("max-age=")?.parse::<u64>().ok())?;
    Some(Duration::from_secs(secs))
}

/// The middleware: see the module documentation.
pub async fn serve(State(cache): State<PublicCache>, req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return privately(next.run(req).await);
    }
    // One answer per language: the same address reads differently in French and English.
    let language = req.extensions().get::<app::lang::RequestLocale>().map_or("", |l| app::lang::code(l.0));
    let key = format!("{language} {}", req.uri());
    let accept = req.headers().get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let stamp = cache.stamp().await;
    if let Some(token) = app::auth::session::session_token(req.headers()) {
        return signed_in::answer(&cache, req, next, signed_in::Asked { key, stamp, accept, token }).await;
    }
    let asked = (header_str(req.headers(), header::IF_NONE_MATCH), header_str(req.headers(), header::IF_MODIFIED_SINCE));
    if let Some(entry) = cache.get(&key, stamp) {
        metrics::counter!("estrade_page_cache_hits_total").increment(1);
        return answer(&entry, &accept, &asked);
    }
    metrics::counter!("estrade_page_cache_misses_total").increment(1);
    match cache.keep(key, stamp, next.run(req).await).await {
        Ok(entry) => answer(&entry, &accept, &asked),
        Err(res) => res,
    }
}

/// A personal answer marked public (rendered for a signed-in visitor) must not be kept by a shared cache.
fn privately(mut res: Response) -> Response {
    if is_public(res.headers()).is_some() {
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    }
    res
}

fn worth_keeping(res: &Response) -> bool {
    let declared = res.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && !res.headers().contains_key(header::CONTENT_ENCODING)
        && !allows_a_nonce(res.headers())
        && declared.is_none_or(|n| n <= MAX_BODY)
}

/// A page whose policy trusts a nonce is never kept: every visitor would get the same nonce for a
/// minute, and anyone could read it. Cacheable pages are built without one (`app::ui::csp`).
fn allows_a_nonce(headers: &HeaderMap) -> bool {
    headers.get_all(header::CONTENT_SECURITY_POLICY).iter().any(|v| v.to_str().map_or(true, |v| v.contains("'nonce-")))
}

fn header_str(h: &HeaderMap, name: header::HeaderName) -> Option<String> {
    h.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
}

async fn entry(stamp: i64, max_age: Duration, mut headers: HeaderMap, identity: Bytes) -> Entry {
    for h in [header::CONTENT_LENGTH, header::CONTENT_ENCODING, header::TRANSFER_ENCODING, header::DATE] {
        headers.remove(h);
    }
    let digest = Sha256::digest(&identity);
    let etag = HeaderValue::from_str(&format!("W/\"{}\"", hex::encode(&digest[..12]))).expect("hex is a valid header");
    let menu = is_html(&headers).then(|| std::str::from_utf8(&identity).ok().and_then(app::ui::layout::menu_span)).flatten();
    let body = identity.clone();
    let compressed = tokio::task::spawn_blocking(move || (gzip(&body), brotli(&body), menu.map(|m| around(&body, m)))).await;
    let (gzip, br, around_menu) = compressed.unwrap_or_default();
    Entry { stamp, born: Instant::now(), max_age, headers, etag, identity, gzip: gzip.into(), br: br.into(), around_menu }
}

fn is_html(headers: &HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"))
}

fn around(body: &Bytes, menu: Range<usize>) -> AroundMenu {
    let (before, after) = (body.slice(..menu.start), body.slice(menu.end..));
    AroundMenu { gzip: GzipAround::new(&before, &after), before, after }
}

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = enc.write_all(body);
    enc.finish().unwrap_or_default()
}

fn brotli(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = brotli::CompressorWriter::new(&mut out, 4096, 9, 22);
        let _ = enc.write_all(body);
    }
    out
}

fn answer(e: &Entry, accept: &str, (if_none_match, if_modified_since): &(Option<String>, Option<String>)) -> Response {
    let fresh = if_none_match.as_deref().is_some_and(|v| v.split(',').any(|t| t.trim() == e.etag.to_str().unwrap_or("")))
        || (if_none_match.is_none()
            && if_modified_since.as_deref().is_some_and(|v| Some(v) == e.headers.get(header::LAST_MODIFIED).and_then(|l| l.to_str().ok())));
    let (status, encoding, body) = if fresh {
        (StatusCode::NOT_MODIFIED, None, Bytes::new())
    } else if accept.contains("br") && !e.br.is_empty() {
        (StatusCode::OK, Some("br"), e.br.clone())
    } else if accept.contains("gzip") && !e.gzip.is_empty() {
        (StatusCode::OK, Some("gzip"), e.gzip.clone())
    } else {
        (StatusCode::OK, None, e.identity.clone())
    };
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = status;
    let h = res.headers_mut();
    h.extend(e.headers.clone());
    h.insert(header::ETAG, e.etag.clone());
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding, Cookie"));
    if let Some(enc) = encoding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(enc));
    }
    res
}
