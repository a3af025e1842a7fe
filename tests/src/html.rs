//! Reading pages as a browser would: a real HTML parser (html5ever, through scraper), then what it
//! found — so a test sees an injected element exactly when a browser would.
use scraper::{ElementRef, Html, Selector};

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"))
}

fn text_of(el: ElementRef<'_>) -> String {
    el.text().collect()
}

/// A parsed page.
pub struct Page {
    pub path: String,
    pub doc: Html,
}

impl Page {
    pub fn parse(path: &str, html: &str) -> Page {
        Page { path: path.to_string(), doc: Html::parse_document(html) }
    }

    /// The text of the `<title>` element.
    pub fn title(&self) -> String {
        self.doc.select(&sel("title")).next().map(text_of).unwrap_or_default()
    }

    /// The text of the first `<textarea>` named `name` (what the field holds when the page opens).
    pub fn textarea(&self, name: &str) -> Option<String> {
        self.doc.select(&sel(&format!("textarea[name='{name}']"))).next().map(text_of)
    }

    /// The text of the `<textarea>` with this id.
    pub fn textarea_by_id(&self, id: &str) -> Option<String> {
        self.doc.select(&sel(&format!("textarea#{id}"))).next().map(text_of)
    }

    /// The `value` of the first input `css` finds.
    pub fn input_value(&self, css: &str) -> Option<String> {
        self.doc.select(&sel(css)).next().and_then(|e| e.value().attr("value").map(str::to_owned))
    }

    /// The value of the selected option of the select named `name` (the first option when none is).
    pub fn selected(&self, name: &str) -> Option<String> {
        let select = self.doc.select(&sel(&format!("select[name='{name}']"))).next()?;
        let options: Vec<ElementRef<'_>> = select.select(&sel("option")).collect();
        let chosen = options.iter().find(|o| o.value().attr("selected").is_some()).or(options.first())?;
        chosen.value().attr("value").map(str::to_owned)
    }

    /// Whether the input `css` finds is checked.
    pub fn checked(&self, css: &str) -> bool {
        self.doc.select(&sel(css)).next().is_some_and(|e| e.value().attr("checked").is_some())
    }

    /// The visible text of the elements `css` finds.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.doc.select(&sel(css)).map(text_of).collect()
    }

    /// What an attacker's text would have added to the page: a `<meta http-equiv>` sending the
    /// browser elsewhere, an element with an `on…` handler attribute, an inline script without the
    /// page's nonce (Leptos' own carry it; what they hold is JSON with `<` escaped).
    pub fn injections(&self) -> Vec<String> {
        let mut found = Vec::new();
        for m in self.doc.select(&sel("meta[http-equiv]")) {
            if m.value().attr("content").is_some_and(|c| c.to_lowercase().contains("url")) {
                found.push(format!("{}: {}", self.path, m.html()));
            }
        }
        for el in self.doc.select(&sel("*")) {
            if el.value().attrs().any(|(name, _)| name.starts_with("on")) {
                found.push(format!("{}: handler attribute in {}", self.path, el.html()));
            }
        }
        for s in self.doc.select(&sel("script:not([nonce]):not([src])")) {
            found.push(format!("{}: injected script {}", self.path, s.html()));
        }
        found
    }
}

/// `text` as a browser reads it back from HTML: line breaks are LF (a form sends them as CRLF).
pub fn as_parsed(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}
