//! Lengths of what people type, counted as their browser counts them.

/// The length of `s` as a form field's `maxlength` counts it: a line break is one character,
/// although the form sends it as CR LF. Counted otherwise, a text the browser let through at its
/// limit (2,000 characters, with line breaks) is refused by the server.
pub fn typed_len(s: &str) -> usize {
    s.chars().count() - s.matches("\r\n").count()
}

#[cfg(test)]
mod tests {
    use super::typed_len;

    #[test]
    fn a_line_break_counts_once_however_it_is_sent() {
        assert_eq!(typed_len("a\r\nb"), 3);
        assert_eq!(typed_len("a\nb"), 3);
        assert_eq!(typed_len("é\r\n\r\n"), 3);
        assert_eq!(typed_len(""), 0);
    }
}
