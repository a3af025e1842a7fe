//! Who may take the talks of an imported speaker: the owner of the address the schedule file gave,
//! proven twice — they open the link mailed there, signed in with that very address, verified.
//! Anyone else (another account, an unverified one) is told why and nothing moves.
use crate::accounts::normalize_email;

/// A claim link works for two weeks.
pub const CLAIM_TTL_DAYS: i64 = 14;

/// Why the signed-in person (`email`, verified or not) cannot claim talks mailed to `invited`.
pub fn claim_refusal(invited: &str, email: &str, verified: bool) -> Option<String> {
    if normalize_email(email) != normalize_email(invited) {
        Some(format!(
            "This link was sent to {invited}, and you are signed in as {email}. Sign in with {invited} (or create an account with it) to take these talks."
        ))
    } else if !verified {
        Some(format!("Confirm your email address first (follow the link we mailed to {email}), then open this link again."))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_verified_owner_of_the_invited_address_may_claim() {
        assert_eq!(claim_refusal("ada@example.org", " Ada@Example.org", true), None);
        assert!(claim_refusal("ada@example.org", "ada@example.org", false).unwrap().starts_with("Confirm your email address first"));
        assert!(claim_refusal("ada@example.org", "eve@example.org", true).unwrap().starts_with("This link was sent to ada@example.org"));
    }
}
