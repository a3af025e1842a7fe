//! Languages: which one a page is read in, the FR | EN switch, dates in the reader's language.
//!
//! The words live in catalogues, `app/locales/<language>/<area>.json`, compiled by leptos_i18n
//! (`build.rs`) into `crate::i18n`: a key used in code must exist, and `catalogue_check` fails when
//! one language has a key the other lacks. Pages use [`tr!`] (the page's language) and mails and
//! server messages use `td_string!` with the recipient's [`Locale`].
//!
//! The server decides the language of each request once (`negotiate::pick`: the switch's cookie,
//! then the account's choice, then `Accept-Language`, then the event's default) and renders the
//! page in it from the first byte; the browser reads it back from `<html lang>`.
use leptos::prelude::*;
use leptos_i18n::Locale as _;

pub use crate::i18n::Locale;

#[cfg(feature = "ssr")]
pub mod dates;
pub mod labels;
pub mod negotiate;
pub mod problems;
#[cfg(feature = "ssr")]
pub mod switch;

/// The cookie the switch sets: the language a browser asked for.
pub const COOKIE: &str = "estrade_lang";

/// The language a request was answered in, put in the request's extensions by the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestLocale(pub Locale);

/// Looks a word up in the catalogues, in the language of the page being rendered.
#[macro_export]
macro_rules! tr {
    ($($args:tt)*) => { ::leptos_i18n::td_string!($crate::lang::use_locale(), $($args)*) };
}

/// The language of the page being rendered (on the server, also of a server function's answer).
pub fn use_locale() -> Locale {
    #[cfg(feature = "ssr")]
    return use_context::<Locale>().unwrap_or_else(request_locale);
    #[cfg(not(feature = "ssr"))]
    use_context::<Locale>().unwrap_or_default()
}

/// Makes the request's language (server) or the page's (browser) the one [`use_locale`] returns.
pub fn provide_locale() {
    #[cfg(feature = "ssr")]
    let locale = request_locale();
    #[cfg(not(feature = "ssr"))]
    let locale = document_locale();
    provide_context(locale);
}

/// The language the server chose for the request being answered.
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestLocale>().copied())
        .map(|RequestLocale(l)| l)
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn document_locale() -> Locale {
    let lang = leptos::prelude::document().document_element().and_then(|e| e.get_attribute("lang"));
    lang.as_deref().and_then(parse).unwrap_or_default()
}

/// The language of a mail: the recipient's choice, else the event's default, else the language of
/// the request that sends it.
#[cfg(feature = "ssr")]
pub fn for_recipient(chosen: Option<&str>, event_default: Option<&str>) -> Locale {
    chosen.and_then(parse).or_else(|| event_default.and_then(parse)).unwrap_or_else(request_locale)
}

/// The language of a code such as `fr` or `fr-BE` (its primary subtag), if Estrade speaks it.
pub fn parse(code: &str) -> Option<Locale> {
    let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    Locale::get_all().iter().copied().find(|l| l.as_str() == primary)
}

/// What the switch answers for a language Estrade does not speak (it names the ones it does).
pub fn unknown_language() -> &'static str {
    leptos_i18n::td_string!(Locale::default(), errors.unknown_language)
}

/// The code of a language, as in `lang` attributes and the cookie.
pub fn code(locale: Locale) -> &'static str {
    locale.as_str()
}

/// Every language, in the order of the switch.
pub fn all() -> &'static [Locale] {
    Locale::get_all()
}

/// The languages as choices of a `<select>`: code and name, each name in its own language.
pub fn choices() -> Vec<(&'static str, &'static str)> {
    all().iter().map(|&l| (code(l), leptos_i18n::td_string!(l, common.language.name))).collect()
}

/// The name of a role, in `locale`.
pub fn role_name(locale: Locale, role: domain::roles::Role) -> &'static str {
    use domain::roles::Role;
    use leptos_i18n::td_string;
    match role {
        Role::Organizer => td_string!(locale, common.roles.organizer),
        Role::Reviewer => td_string!(locale, common.roles.reviewer),
        Role::VolunteerLead => td_string!(locale, common.roles.volunteer_lead),
        Role::Volunteer => td_string!(locale, common.roles.volunteer),
        Role::Partner => td_string!(locale, common.roles.partner),
    }
}

/// The switch's address: sets the language, then comes back to `back` (a path on this site).
pub fn switch_href(locale: Locale, back: &str) -> String {
    let back: String = percent_encoding::utf8_percent_encode(back, percent_encoding::NON_ALPHANUMERIC).to_string();
    format!("/lang/{}?back={back}", code(locale))
}

#[cfg(test)]
mod catalogue_check;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_by_their_primary_subtag() {
        assert_eq!(parse("fr"), Some(Locale::fr));
        assert_eq!(parse("FR-be"), Some(Locale::fr));
        assert_eq!(parse("en_GB"), Some(Locale::en));
        assert_eq!(parse("de"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn the_switch_comes_back_to_the_same_page() {
        assert_eq!(switch_href(Locale::fr, "/events/x/agenda?day=2"), "/lang/fr?back=%2Fevents%2Fx%2Fagenda%3Fday%3D2");
    }
}
