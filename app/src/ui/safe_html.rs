//! HTML that may go into `inner_html`: only `ui::markdown::render_markdown` makes one on the server
//! (a browser receives it from the server inside a page's data).
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

    /// The HTML, for `inner_html`.
    pub fn html(&self) -> String {
        self.0.clone()
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}
