//! How a page shows a server answer: the content, or a notice saying why not.
use leptos::prelude::*;

use crate::error::AppError;
use crate::tr;

/// Shows `Ok` through `ok`; `Unauthorized` as an invitation to sign in and come back to `here`;
/// other errors as a notice.
pub fn outcome<T>(r: Result<T, AppError>, here: &str, ok: impl FnOnce(T) -> AnyView) -> AnyView {
    if let Err(e) = &r {
        answer_status(e);
    }
    match r {
        Ok(v) => ok(v),
        Err(AppError::Unauthorized) => {
            let next = crate::plumbing::path_in_query(here);
            let (sign_in, sign_up) = (format!("/signin?next={next}"), format!("/signup?next={next}"));
            view! {
                <section class="card narrow">
                    <p>
                        {tr!(errors.sign_in_first.before)}<a href=sign_in>{tr!(errors.sign_in_first.link)}</a>
                        {tr!(errors.sign_in_first.new_here)}<a href=sign_up>{tr!(errors.sign_in_first.create)}</a>"."
                    </p>
                </section>
            }
            .into_any()
        }
        Err(e) => view! { <p class="notice notice-error" role="alert">{e.text()}</p> }.into_any(),
    }
}

/// Gives the page's HTTP answer the status `e` means (on the server; nothing in the browser).
pub fn answer_status(e: &AppError) {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(e.status_code()) {
            res.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = e;
}

/// A query-string value (`?invited=3`) as a signal.
pub fn query_value(name: &'static str) -> Memo<Option<String>> {
    let q = leptos_router::hooks::use_query_map();
    Memo::new(move |_| q.read().get(name))
}

/// A query-string flag (`?saved=1`) as a signal.
pub fn query_flag(name: &'static str) -> Memo<bool> {
    let q = leptos_router::hooks::use_query_map();
    Memo::new(move |_| q.read().get(name).is_some())
}
