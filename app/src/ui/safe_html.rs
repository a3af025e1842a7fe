//! HTML that may go into `inner_html`: made on the server only, by `ui::markdown::render_markdown`
//! (sanitised) or by rendering the app's own components (`rendered`, whose texts Leptos escapes).
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Wraps the sanitiser's output; nothing outside `ui` can call it.
    #[cfg(feature = "ssr")]
    pub(super) fn sanitised(html: String) -> Self {
        SafeHtml(html)
    }

    /// The HTML of the app's own components rendered on the server (`agenda::rendered`): every
    /// text in it was escaped by Leptos while rendering.
    #[cfg(feature = "ssr")]
    pub fn rendered(html: String) -> Self {
        SafeHtml(html)
    }

    /// The HTML, for `inner_html`.
    pub fn html(&self) -> String {
        self.0.clone()
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}
