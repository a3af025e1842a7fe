//! When a failed mail is tried again.

/// Attempts after which a mail is marked failed and shown to admins.
pub const MAX_ATTEMPTS: i32 = 8;

/// Delay before the next try after `attempts` failed tries: base, 2×base, 4×base … capped at one hour.
pub fn retry_delay_secs(attempts: i32, base_secs: u64) -> u64 {
    let exponent = attempts.saturating_sub(1).clamp(0, 16) as u32;
    base_secs.saturating_mul(1u64 << exponent).min(3600)
}

/// Whether a mail that has failed `attempts` times should be given up.
pub fn should_give_up(attempts: i32) -> bool {
    attempts >= MAX_ATTEMPTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_from_the_base() {
        let delays: Vec<u64> = (1..=5).map(|a| retry_delay_secs(a, 30)).collect();
        assert_eq!(delays, [30, 60, 120, 240, 480]);
    }

    #[test]
    fn delays_are_capped_at_an_hour() {
        assert_eq!(retry_delay_secs(7, 30), 1920);
        assert_eq!(retry_delay_secs(8, 30), 3600);
        assert_eq!(retry_delay_secs(1000, 30), 3600);
    }

    #[test]
    fn gives_up_after_max_attempts() {
        assert!(!should_give_up(MAX_ATTEMPTS - 1));
        assert!(should_give_up(MAX_ATTEMPTS));
    }
}
