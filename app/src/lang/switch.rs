//! The cookie of the FR | EN switch (the switch's route is in the server: `server::lang`).
use http::{header, HeaderValue};

use super::{code, COOKIE};

/// A year: the choice is the reader's until they change it.
const KEEP_SECS: i64 = 365 * 24 * 3600;

/// The cookie that keeps `locale` for this browser.
pub fn cookie(locale: super::Locale, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={}; Path=/; Max-Age={KEEP_SECS}; SameSite=Lax{secure}", code(locale))
}

/// Makes this browser keep `locale`, from inside a server function.
pub fn remember(locale: super::Locale, secure: bool) {
    use leptos::prelude::use_context;
    if let (Some(res), Ok(v)) = (use_context::<leptos_axum::ResponseOptions>(), HeaderValue::from_str(&cookie(locale, secure))) {
        res.append_header(header::SET_COOKIE, v);
    }
}
