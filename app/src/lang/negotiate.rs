//! Which language to answer a request in, from what the request and the account say.
use super::{parse, Locale};

/// What a request says about language, strongest first.
#[derive(Debug, Default, Clone, Copy)]
pub struct Signals<'a> {
    /// The switch's cookie.
    pub cookie: Option<&'a str>,
    /// The signed-in account's saved choice.
    pub account: Option<&'a str>,
    /// The browser's `Accept-Language` header.
    pub accept_language: Option<&'a str>,
    /// The default language of the event the page belongs to.
    pub event_default: Option<&'a str>,
}

/// The cookie, then the account's choice, then `Accept-Language`, then the event's default, then English.
pub fn pick(signals: Signals<'_>) -> Locale {
    signals
        .cookie
        .and_then(parse)
        .or_else(|| signals.account.and_then(parse))
        .or_else(|| signals.accept_language.and_then(from_accept_language))
        .or_else(|| signals.event_default.and_then(parse))
        .unwrap_or_default()
}

/// The most preferred language of an `Accept-Language` header that Estrade speaks (`q=0` means "not this one").
pub fn from_accept_language(header: &str) -> Option<Locale> {
    let mut ranked: Vec<(u16, usize, Locale)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let quality = parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1000), quality_in_thousandths)?;
            Some((quality, position, parse(tag)?)).filter(|(q, _, _)| *q > 0)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.first().map(|(_, _, locale)| *locale)
}

fn quality_in_thousandths(q: &str) -> Option<u16> {
    let value: f32 = q.trim().parse().ok()?;
    (0.0..=1.0).contains(&value).then(|| (value * 1000.0).round() as u16)
}

/// The event a page belongs to, from its path: `/events/<slug>…`, `/admin/events/<slug>…`, `/review/<slug>…`.
pub fn event_slug_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/events/").or_else(|| path.strip_prefix("/admin/events/")).or_else(|| path.strip_prefix("/review/"))?;
    let slug = rest.split('/').next()?;
    (!slug.is_empty()).then_some(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_wins_then_the_account_then_the_browser_then_the_event() {
        let all = Signals { cookie: Some("en"), account: Some("fr"), accept_language: Some("fr"), event_default: Some("fr") };
        assert_eq!(pick(all), Locale::en);
        assert_eq!(pick(Signals { cookie: None, ..all }), Locale::fr);
        assert_eq!(pick(Signals { cookie: Some("xx"), account: Some("en"), ..all }), Locale::en);
        let browser = Signals { accept_language: Some("en-GB,en;q=0.8"), event_default: Some("fr"), ..Default::default() };
        assert_eq!(pick(browser), Locale::en);
        let event = Signals { accept_language: Some("de-DE"), event_default: Some("fr"), ..Default::default() };
        assert_eq!(pick(event), Locale::fr);
        assert_eq!(pick(Signals::default()), Locale::en);
    }

    #[test]
    fn accept_language_follows_quality_then_order() {
        assert_eq!(from_accept_language("de;q=0.9, fr;q=0.8, en;q=0.7"), Some(Locale::fr));
        assert_eq!(from_accept_language("en;q=0.5, fr-CA"), Some(Locale::fr));
        assert_eq!(from_accept_language("fr, en"), Some(Locale::fr));
        assert_eq!(from_accept_language("fr;q=0, en;q=0.1"), Some(Locale::en));
        assert_eq!(from_accept_language("*"), None);
        assert_eq!(from_accept_language("fr;q=abc"), None);
        assert_eq!(from_accept_language(""), None);
    }

    #[test]
    fn pages_of_an_event_name_it() {
        assert_eq!(event_slug_of("/events/cndf-2026/agenda"), Some("cndf-2026"));
        assert_eq!(event_slug_of("/admin/events/cloud-nord"), Some("cloud-nord"));
        assert_eq!(event_slug_of("/review/x/ABC"), Some("x"));
        assert_eq!(event_slug_of("/events/"), None);
        assert_eq!(event_slug_of("/proposals"), None);
    }
}
