//! Throttling rules: how many attempts pass, and how long the next one waits. Times are epoch seconds.
//!
//! Sign-ins are limited per (email, IP) with a growing delay, never by a lockout: an attacker can
//! slow down only their own attempts, and any other address can still sign in to the account. A much
//! higher ceiling per IP brakes password spraying. Mails sent on request (resets, invitations) are
//! limited per fixed window.

/// What is stored per counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    pub hits: u32,
    pub window_start: i64,
    pub blocked_until: Option<i64>,
    pub updated_at: i64,
}

impl Counter {
    pub fn fresh(now: i64) -> Counter {
        Counter { hits: 0, window_start: now, blocked_until: None, updated_at: now }
    }
}

/// The answer to an attempt: go on (and store the new counter), or wait until then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Go(Counter),
    Wait { until: i64 },
}

/// `free` attempts pass; from then on each attempt waits for the previous one's delay, which starts at
/// `first_delay` and doubles up to `max_delay`. A success clears the counter; a quiet `forget_after`
/// does too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub free: u32,
    pub first_delay: i64,
    pub max_delay: i64,
    pub forget_after: i64,
}

impl Backoff {
    /// The delay that follows the `hits`-th attempt.
    pub fn delay_after(&self, hits: u32) -> i64 {
        if hits < self.free {
            return 0;
        }
        let doublings = (hits - self.free).min(20);
        self.first_delay.saturating_mul(1 << doublings).min(self.max_delay)
    }

    /// Counts an attempt at `now`; the attempt is counted before it is evaluated, so concurrent ones
    /// cannot all pass.
    pub fn attempt(&self, stored: Option<Counter>, now: i64) -> Verdict {
        let mut c = match stored {
            Some(c) if now - c.updated_at < self.forget_after => c,
            _ => Counter::fresh(now),
        };
        if let Some(until) = c.blocked_until.filter(|u| *u > now) {
            return Verdict::Wait { until };
        }
        c.hits += 1;
        c.updated_at = now;
        let delay = self.delay_after(c.hits);
        c.blocked_until = (delay > 0).then_some(now + delay);
        Verdict::Go(c)
    }
}

/// At most `limit` attempts per window of `secs` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub limit: u32,
    pub secs: i64,
}

impl Window {
    pub fn attempt(&self, stored: Option<Counter>, now: i64) -> Verdict {
        let mut c = match stored {
            Some(c) if now - c.window_start < self.secs => c,
            _ => Counter::fresh(now),
        };
        if c.hits >= self.limit {
            return Verdict::Wait { until: c.window_start + self.secs };
        }
        c.hits += 1;
        c.updated_at = now;
        Verdict::Go(c)
    }
}

/// Every limit of the application, in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Sign-ins per (email, IP).
    pub sign_in: Backoff,
    /// Failed sign-ins per IP, whatever the email: a brake on spraying.
    pub sign_in_per_ip: Window,
    pub reset_per_recipient: Window,
    pub reset_per_ip: Window,
    pub invite_per_account: Window,
    pub invite_per_recipient: Window,
    pub invite_per_ip: Window,
    pub verify_per_account: Window,
}

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            sign_in: Backoff { free: 5, first_delay: MINUTE, max_delay: 15 * MINUTE, forget_after: DAY },
            sign_in_per_ip: Window { limit: 200, secs: 15 * MINUTE },
            reset_per_recipient: Window { limit: 3, secs: HOUR },
            reset_per_ip: Window { limit: 20, secs: HOUR },
            invite_per_account: Window { limit: 20, secs: DAY },
            invite_per_recipient: Window { limit: 5, secs: DAY },
            invite_per_ip: Window { limit: 50, secs: DAY },
            verify_per_account: Window { limit: 5, secs: HOUR },
        }
    }
}

/// "1 minute", "12 minutes": a wait of `secs`, rounded up to the minute.
pub fn wait_phrase(secs: i64) -> String {
    match (secs.max(1) + MINUTE - 1) / MINUTE {
        1 => "1 minute".to_string(),
        m => format!("{m} minutes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: Backoff = Backoff { free: 5, first_delay: 60, max_delay: 900, forget_after: 86_400 };

    fn go(v: Verdict) -> Counter {
        match v {
            Verdict::Go(c) => c,
            Verdict::Wait { until } => panic!("refused until {until}"),
        }
    }

    #[test]
    fn five_attempts_pass_then_the_sixth_waits_a_minute() {
        let mut c = None;
        for _ in 0..5 {
            c = Some(go(RULE.attempt(c, 1000)));
        }
        assert_eq!(c.unwrap().blocked_until, Some(1060));
        assert_eq!(RULE.attempt(c, 1000), Verdict::Wait { until: 1060 });
        assert_eq!(RULE.attempt(c, 1059), Verdict::Wait { until: 1060 });
    }

    #[test]
    fn the_delay_doubles_and_is_capped() {
        assert_eq!([4, 5, 6, 7, 8, 9, 40].map(|h| RULE.delay_after(h)), [0, 60, 120, 240, 480, 900, 900]);
        let mut c = go(RULE.attempt(Some(Counter { hits: 5, window_start: 0, blocked_until: Some(60), updated_at: 0 }), 60));
        assert_eq!((c.hits, c.blocked_until), (6, Some(180)));
        c = go(RULE.attempt(Some(c), 180));
        assert_eq!(c.blocked_until, Some(420));
    }

    #[test]
    fn a_quiet_day_forgets_the_failures() {
        let old = Counter { hits: 9, window_start: 0, blocked_until: Some(900), updated_at: 0 };
        assert_eq!(go(RULE.attempt(Some(old), 86_400)).hits, 1);
    }

    #[test]
    fn a_window_counts_up_to_its_limit_then_starts_again() {
        let w = Window { limit: 3, secs: 3600 };
        let mut c = None;
        for _ in 0..3 {
            c = Some(go(w.attempt(c, 100)));
        }
        assert_eq!(w.attempt(c, 200), Verdict::Wait { until: 3700 });
        assert_eq!(go(w.attempt(c, 3700)).hits, 1);
    }

    #[test]
    fn waits_read_in_whole_minutes() {
        assert_eq!(wait_phrase(1), "1 minute");
        assert_eq!(wait_phrase(60), "1 minute");
        assert_eq!(wait_phrase(61), "2 minutes");
        assert_eq!(wait_phrase(0), "1 minute");
    }
}
