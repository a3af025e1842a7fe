//! When a mail that could not be handed to the SMTP server is tried again, and when it is given up.
//!
//! An SMTP outage of a few hours (a provider's incident, a night) must not lose mail: a transient
//! failure is retried with a doubling delay, capped, until the retries span a whole window.
//! Only then, or when the server refused the mail for good (a 5xx answer), is it marked failed and
//! shown to administrators, who can queue it again.

/// How failed mails are retried (`MAIL_RETRY_*` settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Delay after the first failed try; doubled after each further one.
    pub base_secs: u64,
    /// The longest delay between two tries.
    pub max_delay_secs: u64,
    /// How long the retries of a mail span before it is given up (counted in tries: see
    /// [`RetryPolicy::gives_up`]).
    pub window_secs: u64,
}

impl Default for RetryPolicy {
    /// 30 s, doubling up to 15 min, for 24 h.
    fn default() -> Self {
        RetryPolicy { base_secs: 30, max_delay_secs: 900, window_secs: 86_400 }
    }
}

impl RetryPolicy {
    /// Delay before the next try after `attempts` failed tries: base, 2×base, 4×base … capped.
    pub fn delay_after(&self, attempts: i32) -> u64 {
        let exponent = attempts.saturating_sub(1).clamp(0, 30) as u32;
        self.base_secs.saturating_mul(1u64 << exponent).min(self.max_delay_secs.max(1))
    }

    /// How long the retries after `attempts` failed tries span: the sum of their delays.
    pub fn retried_for(&self, attempts: i32) -> u64 {
        let mut total = 0u64;
        for k in 1..=attempts.max(0) {
            let delay = self.delay_after(k);
            if delay == self.max_delay_secs.max(1) {
                // Every later delay is the cap: add them at once.
                return total.saturating_add(delay.saturating_mul((attempts - k + 1) as u64));
            }
            total = total.saturating_add(delay);
        }
        total
    }

    /// Whether a mail whose try number `attempts` just failed is given up: the server refused it for
    /// good, or its retries have spanned the window. Counted in tries, not from the queueing time,
    /// so a mail an administrator queues again (attempts back to 0) gets a whole window again.
    pub fn gives_up(&self, attempts: i32, permanent: bool) -> bool {
        permanent || self.retried_for(attempts) >= self.window_secs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: RetryPolicy = RetryPolicy { base_secs: 30, max_delay_secs: 900, window_secs: 86_400 };

    #[test]
    fn delays_double_from_the_base() {
        let delays: Vec<u64> = (1..=5).map(|a| POLICY.delay_after(a)).collect();
        assert_eq!(delays, [30, 60, 120, 240, 480]);
    }

    #[test]
    fn delays_are_capped() {
        assert_eq!(POLICY.delay_after(6), 900);
        assert_eq!(POLICY.delay_after(1000), 900);
    }

    #[test]
    fn retries_span_the_sum_of_their_delays() {
        assert_eq!(POLICY.retried_for(0), 0);
        assert_eq!(POLICY.retried_for(3), 30 + 60 + 120);
        assert_eq!(POLICY.retried_for(8), 30 + 60 + 120 + 240 + 480 + 3 * 900);
    }

    #[test]
    fn a_transient_failure_is_retried_for_the_whole_window() {
        // Eight failures used to be the end (about four minutes with a 1 s base); now a day goes by.
        assert!(!POLICY.gives_up(8, false));
        assert!(!POLICY.gives_up(99, false), "23 h 45 min of retries");
        assert!(POLICY.gives_up(100, false), "24 hours of retries");
    }

    #[test]
    fn a_permanent_refusal_is_given_up_at_once() {
        assert!(POLICY.gives_up(1, true));
    }

    #[test]
    fn a_zero_cap_still_waits_a_second() {
        let p = RetryPolicy { base_secs: 0, max_delay_secs: 0, window_secs: 10 };
        assert_eq!(p.delay_after(3), 0);
        let q = RetryPolicy { base_secs: 5, max_delay_secs: 0, window_secs: 10 };
        assert_eq!(q.delay_after(3), 1);
    }
}
