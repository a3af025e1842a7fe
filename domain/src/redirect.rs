//! Where a form may send the browser next: only to a path of this site.
use percent_encoding::percent_decode_str;

/// Where to go when `next` is missing or refused.
pub const DEFAULT_NEXT: &str = "/account";

/// `next` if it is a same-site relative path, else `None`.
///
/// Browsers drop tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example` and
/// `/\evil.example` lead off-site: a path is refused when it, or its percent-decoded form, starts
/// with `//`, holds a backslash, a control character or white space. Only printable ASCII passes, so
/// the answer is always a valid `Location` header.
pub fn safe_next(next: &str) -> Option<&str> {
    let printable = next.bytes().all(|b| b.is_ascii_graphic());
    let decoded = percent_decode_str(next).decode_utf8_lossy();
    let acceptable = |p: &str| {
        p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') && !p.chars().any(|c| c.is_control() || c.is_whitespace())
    };
    (printable && acceptable(next) && acceptable(&decoded)).then_some(next)
}

/// `next` when it is safe, else the account page.
pub fn next_or_default(next: Option<&str>) -> String {
    next.and_then(safe_next).unwrap_or(DEFAULT_NEXT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_this_site_pass_with_their_query() {
        for p in ["/", "/admin", "/cospeaker?token=ab12&x=1", "/events/cloud-nord#cfp", "/talks/caf%C3%A9", "/search?q=%C3%A9t%C3%A9"] {
            assert_eq!(safe_next(p), Some(p), "{p}");
        }
    }

    #[test]
    fn other_sites_and_schemes_are_refused() {
        for p in
            ["//evil.example", "https://evil.example", "javascript:alert(1)", "evil.example", "", "/\\evil.example", "\\\\evil.example"]
        {
            assert_eq!(safe_next(p), None, "{p:?}");
        }
    }

    #[test]
    fn control_characters_and_white_space_are_refused_raw_or_encoded() {
        for p in [
            "/\x01",
            "/\t/evil.example",
            "/\n/evil.example",
            "/%01",
            "/%09/evil.example",
            "/%0a/evil.example",
            "/%0D%0ASet-Cookie:x=1",
            "/a b",
            "/%20/evil.example",
            "/%7f",
        ] {
            assert_eq!(safe_next(p), None, "{p:?}");
        }
    }

    #[test]
    fn encoded_slashes_and_backslashes_are_refused() {
        for p in ["/%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%5c%5cevil.example"] {
            assert_eq!(safe_next(p), None, "{p:?}");
        }
    }

    #[test]
    fn non_ascii_and_unicode_spaces_are_refused() {
        for p in ["/événements", "/\u{2028}", "/%E2%80%A8", "/%C2%A0evil"] {
            assert_eq!(safe_next(p), None, "{p:?}");
        }
    }

    #[test]
    fn the_default_is_the_account_page() {
        assert_eq!(next_or_default(None), "/account");
        assert_eq!(next_or_default(Some("//evil.example")), "/account");
        assert_eq!(next_or_default(Some("/admin")), "/admin");
    }
}
