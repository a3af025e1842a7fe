//! Lifetimes of mailed tokens and sessions.

/// A password-reset link works for one hour.
pub const RESET_TOKEN_TTL_SECS: i64 = 3600;
/// An email-verification link works for two days.
pub const VERIFY_TOKEN_TTL_SECS: i64 = 2 * 24 * 3600;
/// A session ends after a week without use…
pub const SESSION_IDLE_SECS: i64 = 7 * 24 * 3600;
/// …and after 30 days whatever happens.
pub const SESSION_ABSOLUTE_SECS: i64 = 30 * 24 * 3600;
/// Last-seen is refreshed at most this often, to spare a write per request.
pub const SESSION_TOUCH_SECS: i64 = 300;

/// Whether a session seen at `last_seen` (epoch secs) and expiring at `expires` is still valid at `now`.
pub fn session_is_live(now: i64, last_seen: i64, expires: i64) -> bool {
    now < expires && now - last_seen < SESSION_IDLE_SECS
}

/// Whether a single-use token issued to expire at `expires` can be used at `now`.
pub fn token_is_usable(now: i64, expires: i64, used: bool) -> bool {
    !used && now < expires
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_expire_when_idle_or_old() {
        let day = 24 * 3600;
        assert!(session_is_live(10 * day, 9 * day, 30 * day));
        assert!(!session_is_live(10 * day, 2 * day, 30 * day), "idle for 8 days");
        assert!(!session_is_live(31 * day, 31 * day - 10, 30 * day), "past absolute expiry");
    }

    #[test]
    fn tokens_are_single_use_and_expire() {
        assert!(token_is_usable(100, 200, false));
        assert!(!token_is_usable(100, 200, true));
        assert!(!token_is_usable(200, 200, false));
    }
}
