//! Public pages for signed-in visitors: the kept anonymous page with their own menu in the header.
//! Costs a session lookup and a few hundred bytes of compression instead of a page rendering.
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use super::{is_public, privately, AroundMenu, Entry, PublicCache};
use crate::lang::SessionUser;
use app::entities::user::Model as User;
use app::error::AppError;
use app::lang::{Locale, RequestLocale};

/// What a signed-in visitor asked for.
pub(super) struct Asked {
    pub key: String,
    pub stamp: i64,
    pub accept: String,
    pub token: String,
}

pub(super) async fn answer(cache: &PublicCache, req: Request, next: Next, asked: Asked) -> Response {
    let locale = req.extensions().get::<RequestLocale>().map(|l| l.0).unwrap_or_default();
    let seen = req.extensions().get::<SessionUser>().map(|s| s.0.clone());
    if let Some(entry) = cache.get(&asked.key, asked.stamp) {
        if let Some(around) = &entry.around_menu {
            match menu_for(cache, &asked.token, seen, locale).await {
                Ok(menu) => {
                    metrics::counter!("estrade_page_cache_signed_in_hits_total").increment(1);
                    return with_menu(&entry, around, &menu, &asked.accept);
                }
                Err(e) => tracing::warn!("public cache: cannot read who is signed in, rendering the page for them: {e}"),
            }
        }
        return privately(next.run(req).await);
    }
    let fill = cache.leave_to_fill(&asked.key, asked.stamp).map(|leave| (leave, without_session(&req)));
    let res = next.clone().run(req).await;
    if let (Some((_leave, anonymous)), true) = (fill, is_public(res.headers()).is_some() && super::is_html(res.headers())) {
        // Rendered once more as an anonymous visitor sees it, so that the next signed-in visitors
        // (and anonymous ones) are served from memory.
        if cache.keep(asked.key.clone(), asked.stamp, next.run(anonymous).await).await.is_err() {
            cache.not_shared(asked.key, asked.stamp);
        }
    }
    privately(res)
}

/// The header's menu for the session `token` (the signed-out one when it has ended), whose user
/// may have been looked up already.
async fn menu_for(cache: &PublicCache, token: &str, seen: Option<Option<User>>, locale: Locale) -> Result<String, AppError> {
    let state = &cache.0.state;
    let user = match seen {
        Some(user) => user,
        None => app::auth::session::user_for_token(&state.db, token, state.clock.now()).await?,
    };
    let me = match user {
        Some(user) => Some(app::auth::roles::current_user(&state.db, &user).await?),
        None => None,
    };
    Ok(app::ui::layout::menu_html(me, locale))
}

fn with_menu(entry: &Entry, around: &AroundMenu, menu: &str, accept: &str) -> Response {
    let gzip = accept.contains("gzip");
    let body = if gzip {
        Bytes::from(around.gzip.with(menu.as_bytes()))
    } else {
        Bytes::from([&around.before[..], menu.as_bytes(), &around.after[..]].concat())
    };
    let mut res = Response::new(Body::from(body));
    let h = res.headers_mut();
    h.extend(entry.headers.clone());
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding, Cookie"));
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    res
}

/// The same request without its session cookie: what an anonymous visitor would ask.
fn without_session(req: &Request) -> Request {
    let mut copy = Request::new(Body::empty());
    *copy.method_mut() = req.method().clone();
    *copy.uri_mut() = req.uri().clone();
    *copy.version_mut() = req.version();
    *copy.extensions_mut() = req.extensions().clone();
    copy.extensions_mut().remove::<SessionUser>();
    let headers = copy.headers_mut();
    for (name, value) in req.headers() {
        if name != header::COOKIE {
            headers.append(name, value.clone());
        }
    }
    let others: Vec<&str> = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .map(str::trim)
        .filter(|pair| !pair.is_empty() && pair.split_once('=').is_none_or(|(name, _)| name != app::auth::session::COOKIE_NAME))
        .collect();
    if let Ok(value) = HeaderValue::from_str(&others.join("; ")) {
        if !others.is_empty() {
            headers.insert(header::COOKIE, value);
        }
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_anonymous_copy_keeps_everything_but_the_session() {
        let mut req = Request::builder()
            .method("GET")
            .uri("/events/nord/agenda?day=2027-03-10")
            .header(header::COOKIE, "estrade_lang=fr; estrade_session=secret-token; other=1")
            .header(header::ACCEPT_LANGUAGE, "fr")
            .body(Body::empty())
            .unwrap();
        req.extensions_mut().insert(SessionUser(None));
        req.extensions_mut().insert(RequestLocale(Locale::default()));
        let copy = without_session(&req);
        assert_eq!((copy.method(), copy.uri()), (req.method(), req.uri()));
        assert_eq!(copy.headers()[header::COOKIE], "estrade_lang=fr; other=1");
        assert_eq!(copy.headers()[header::ACCEPT_LANGUAGE], "fr");
        assert!(copy.extensions().get::<SessionUser>().is_none() && copy.extensions().get::<RequestLocale>().is_some());

        let only_session = Request::builder().header(header::COOKIE, "estrade_session=secret-token").body(Body::empty()).unwrap();
        assert!(without_session(&only_session).headers().get(header::COOKIE).is_none());
    }
}
