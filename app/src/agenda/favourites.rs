//! Starred talks without an account: a list of talk codes kept in the browser's localStorage,
//! per event. The server never sees them unless the visitor asks for "My agenda" or `faved.ics`.
use leptos::prelude::*;

use super::text;

/// The starred codes of one event, and whether the browser has read them yet (stars stay hidden
/// until then: without JavaScript there is nowhere to keep them).
#[derive(Clone, Copy)]
pub struct Favourites {
    slug: StoredValue<String>,
    pub codes: RwSignal<Vec<String>>,
    pub ready: RwSignal<bool>,
}

fn key(slug: &str) -> String {
    format!("estrade:favourites:{slug}")
}

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

#[cfg(feature = "hydrate")]
fn read(slug: &str) -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(&key(slug)).ok().flatten())
        .map(|v| v.split(',').filter(|c| !c.is_empty()).map(str::to_string).collect())
        .unwrap_or_default()
}

#[cfg(not(feature = "hydrate"))]
fn read(_slug: &str) -> Vec<String> {
    Vec::new()
}

#[cfg(feature = "hydrate")]
fn write(slug: &str, codes: &[String]) {
    if let Some(s) = storage() {
        let _ = s.set_item(&key(slug), &codes.join(","));
    }
}

#[cfg(not(feature = "hydrate"))]
fn write(_slug: &str, _codes: &[String]) {
    let _ = key;
}

impl Favourites {
    /// Reads the browser's list once hydrated.
    pub fn new(slug: String) -> Self {
        let favs = Favourites { slug: StoredValue::new(slug), codes: RwSignal::new(Vec::new()), ready: RwSignal::new(false) };
        Effect::new(move |_| {
            favs.codes.set(read(&favs.slug.get_value()));
            favs.ready.set(true);
        });
        favs
    }

    pub fn has(&self, code: &str) -> bool {
        self.codes.with(|c| c.iter().any(|x| x == code))
    }

    pub fn toggle(&self, code: &str) {
        self.codes.update(|c| match c.iter().position(|x| x == code) {
            Some(i) => {
                c.remove(i);
            }
            None => c.push(code.to_string()),
        });
        self.codes.with_untracked(|c| write(&self.slug.get_value(), c));
    }
}

/// A star that adds or removes `code` from the visitor's favourites.
#[component]
pub fn Star(favs: Favourites, code: String, title: String) -> impl IntoView {
    let code = StoredValue::new(code);
    let on = Memo::new(move |_| favs.has(&code.get_value()));
    let label = move || format!("{} “{title}”", if on.get() { text::UNSTAR } else { text::STAR });
    view! {
        <button
            type="button"
            class="star"
            class:on=on
            hidden=move || !favs.ready.get()
            aria-pressed=move || on.get().to_string()
            aria-label=label.clone()
            title=label
            on:click=move |_| favs.toggle(&code.get_value())
        >
            {move || if on.get() { "★" } else { "☆" }}
        </button>
    }
}
