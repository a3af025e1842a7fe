//! The page title, escaped where it has to be.
use leptos::prelude::*;

/// Sets the document's title to `text`. `leptos_meta`'s `Title` writes its text into the server's
/// `<title>` element unescaped, where a `</title>` in an event name or a talk title would end the
/// element and let what follows into the page; so the server gets the escaped text. In the browser
/// the text goes to `document.title`, a plain string, as it is.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let text = html_escape::encode_text(&text).into_owned();
    view! { <leptos_meta::Title text/> }
}
