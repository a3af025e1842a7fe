//! Keeping what a form sent when it failed without JavaScript, so the page it returns to shows it
//! again (pure rules; the store is `ui::flash_store`, the middleware is in the server crate).
use url::form_urlencoded;

/// How long a failed submission is kept for its page to show it again.
pub const FLASH_MINUTES: i64 = 15;
/// Larger submissions are not kept.
pub const MAX_FLASH_BYTES: usize = 1024 * 1024;
/// The query parameter naming a kept submission (it means nothing without the browser's cookie).
pub const FLASH_PARAM: &str = "__form";
/// The cookie naming the browser that kept submissions belong to.
pub const FLASH_COOKIE: &str = "estrade_form";

const PATH_PARAM: &str = "__path";
const ERROR_PARAM: &str = "__err";

/// Whether a field may be kept: never a password or a secret token.
pub fn keeps_field(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    !(n.contains("password") || n.contains("token") || n.contains("secret"))
}

/// The fields of a url-encoded form body that may be kept, in the order sent.
pub fn kept_fields(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().filter(|(name, _)| keeps_field(name)).collect()
}

fn split_query(location: &str) -> (&str, &str, &str) {
    let (rest, fragment) = match location.find('#') {
        Some(i) => location.split_at(i),
        None => (location, ""),
    };
    match rest.split_once('?') {
        Some((base, query)) => (base, query, fragment),
        None => (rest, "", fragment),
    }
}

fn query_pairs(location: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(split_query(location).1.as_bytes()).into_owned().collect()
}

fn last<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Whether a form's redirect reports a failure (the server function's error rides in the URL).
pub fn reports_error(location: &str) -> bool {
    last(&query_pairs(location), ERROR_PARAM).is_some()
}

/// The id of the kept submission a page address names, when it also reports an error.
pub fn flash_id(query: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    last(&pairs, ERROR_PARAM)?;
    last(&pairs, FLASH_PARAM).filter(|id| !id.is_empty()).map(str::to_owned)
}

/// The redirect of a form post, tidied: at most one error (the newest: a second failure from an
/// error page would otherwise show the first one again), and the id of the kept submission when
/// there is one and the post failed. A success drops an earlier id.
pub fn relocate(location: &str, flash: Option<&str>) -> String {
    let (base, _, fragment) = split_query(location);
    let pairs = query_pairs(location);
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(k, _)| ![PATH_PARAM, ERROR_PARAM, FLASH_PARAM].contains(&k.as_str())) {
        query.append_pair(k, v);
    }
    if let (Some(path), Some(error)) = (last(&pairs, PATH_PARAM), last(&pairs, ERROR_PARAM)) {
        query.append_pair(PATH_PARAM, path).append_pair(ERROR_PARAM, error);
        if let Some(id) = flash {
            query.append_pair(FLASH_PARAM, id);
        }
    }
    let query = query.finish();
    if query.is_empty() {
        format!("{base}{fragment}")
    } else {
        format!("{base}?{query}{fragment}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_and_tokens_are_never_kept() {
        let body = b"email=a%40b.fr&password=hunter22&new_password=x&current_password=y&token=t&title=Hi+there&summary=a%0D%0Ab";
        let kept = kept_fields(body);
        let names: Vec<&str> = kept.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["email", "title", "summary"]);
        assert_eq!(kept[1].1, "Hi there");
        assert_eq!(kept[2].1, "a\r\nb");
    }

    #[test]
    fn repeated_fields_keep_their_order() {
        let kept = kept_fields(b"lang=fr&lang=en&x=");
        assert_eq!(kept, [("lang".into(), "fr".into()), ("lang".into(), "en".into()), ("x".into(), String::new())]);
    }

    #[test]
    fn a_failure_keeps_the_newest_error_and_names_the_submission() {
        let loc = "http://h/events/x/cfp/propose?talk=3&__path=/api/a&__err=OLD&__form=old#top";
        let second = loc.replace("#top", "&__path=%2Fapi%2Fb&__err=NEW#top");
        let out = relocate(&second, Some("id2"));
        assert_eq!(out, "http://h/events/x/cfp/propose?talk=3&__path=%2Fapi%2Fb&__err=NEW&__form=id2#top");
        assert!(reports_error(&out));
        assert_eq!(flash_id(out.split_once('?').unwrap().1.trim_end_matches("#top")).as_deref(), Some("id2"));
    }

    #[test]
    fn a_success_drops_an_earlier_submission() {
        assert_eq!(relocate("http://h/profile?saved=1&__form=abc", None), "http://h/profile?saved=1");
        assert_eq!(relocate("/", None), "/");
        assert!(!reports_error("http://h/profile?saved=1"));
    }

    #[test]
    fn an_id_without_an_error_is_ignored() {
        assert_eq!(flash_id("__form=abc"), None);
        assert_eq!(flash_id("__path=/api/x&__err=e&__form="), None);
    }
}
