//! A failed form comes back as it was typed, with JavaScript or without.
//!
//! With JavaScript a failed form never leaves the page. Without it the browser posts to the server
//! function, which redirects back to the page with the error in the address. The server keeps what
//! the form sent (passwords excepted) for a few minutes, bound to the browser by a cookie and named
//! in the redirect (`domain::form_flash`, the `form_flash` middleware); while it renders that page,
//! the fields of the form that failed show the kept values instead of the stored ones. Every form is
//! a [`Form`]; the field components read the values through [`typed_or`], [`chosen`] and [`ticked`].
use std::sync::Arc;

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::web_sys::FormData;
use serde::de::DeserializeOwned;
use server_fn::client::Client;
use server_fn::codec::PostUrl;
use server_fn::request::ClientReq;
use server_fn::{Http, ServerFn};

/// What a form sent when it failed, as the server kept it for the page it returned to.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FlashedForm {
    /// The server function the form posted to.
    pub path: String,
    /// (name, value) pairs in the order sent.
    pub fields: Vec<(String, String)>,
}

impl FlashedForm {
    fn value(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn has(&self, name: &str, value: &str) -> bool {
        self.fields.iter().any(|(k, v)| k == name && v == value)
    }
}

/// The kept submission of the form around a field, when the page shows that form's failure.
#[derive(Clone)]
struct FormScope(Option<Arc<FlashedForm>>);

fn scope() -> Option<Arc<FlashedForm>> {
    use_context::<FormScope>().and_then(|s| s.0)
}

/// What was typed into field `name` of the failed form around the caller, if it came back.
pub fn typed(name: &str) -> Option<String> {
    scope().and_then(|f| f.value(name).map(str::to_owned))
}

/// `stored`, unless the form around the caller failed and came back: then what was typed.
pub fn typed_or(name: &str, stored: impl Into<String>) -> String {
    typed(name).unwrap_or_else(|| stored.into())
}

/// Whether option `value` of the select or radio group `name` is chosen: as sent when the form came
/// back, else `stored`.
pub fn chosen(name: &str, value: &str, stored: bool) -> bool {
    match scope().and_then(|f| f.value(name).map(|v| v == value)) {
        Some(sent) => sent,
        None => stored,
    }
}

/// Whether the checkbox `name` sending `value` is ticked: as sent when the form came back (a box
/// not sent was not ticked), else `stored`.
pub fn ticked(name: &str, value: &str, stored: bool) -> bool {
    match scope() {
        Some(f) => f.has(name, value),
        None => stored,
    }
}

/// The kept submission to the server function at `path` this page shows, if it is this form's:
/// forms of one action in several rows tell theirs by the (field, value) of the row.
fn flashed(path: &str, row: Option<&(&'static str, String)>) -> Option<Arc<FlashedForm>> {
    #[cfg(feature = "ssr")]
    {
        let parts = use_context::<http::request::Parts>()?;
        let kept = parts.extensions.get::<Arc<FlashedForm>>()?;
        let ours = kept.path == path && row.is_none_or(|(name, value)| kept.has(name, value));
        ours.then(|| kept.clone())
    }
    #[cfg(not(feature = "ssr"))]
    {
        // Only the server renders a page after a post without JavaScript.
        let _ = (path, row);
        None
    }
}

/// A form posting to `action` (Leptos' `ActionForm`), whose fields come back as typed when it
/// fails without JavaScript. `row` tells apart forms of one action on one page (one per table
/// row): the name and value of the row's hidden id field.
#[component]
pub fn Form<S, P: 'static>(
    action: ServerAction<S>,
    #[prop(optional)] row: Option<(&'static str, String)>,
    children: Children,
) -> impl IntoView
where
    S: DeserializeOwned + ServerFn<Protocol = Http<PostUrl, P>> + Clone + Send + Sync + 'static,
    <<S::Client as Client<S::Error>>::Request as ClientReq<S::Error>>::FormData: From<FormData>,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
    <S as ServerFn>::Client: Client<<S as ServerFn>::Error>,
{
    let kept = flashed(S::PATH, row.as_ref());
    view! {
        <Provider value=FormScope(kept)>
            <ActionForm action>{children()}</ActionForm>
        </Provider>
    }
}
