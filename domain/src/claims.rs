//! Who may take the talks of an imported speaker: the owner of the address the schedule file gave,
//! proven twice — they open the link mailed there, signed in with that very address, verified.
//! Anyone else (another account, an unverified one) is told why and nothing moves.
use crate::accounts::normalize_email;
use crate::problem::Problem;

/// A claim link works for two weeks.
pub const CLAIM_TTL_DAYS: i64 = 14;

/// Why the signed-in person (`email`, verified or not) cannot claim talks mailed to `invited`.
pub fn claim_refusal(invited: &str, email: &str, verified: bool) -> Option<Problem> {
    if normalize_email(email) != normalize_email(invited) {
        Some(Problem::ClaimForAnotherAddress { invited: invited.to_string(), email: email.to_string() })
    } else if !verified {
        Some(Problem::ClaimNeedsVerifiedEmail { email: email.to_string() })
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
        assert_eq!(
            claim_refusal("ada@example.org", "ada@example.org", false),
            Some(Problem::ClaimNeedsVerifiedEmail { email: "ada@example.org".into() })
        );
        assert_eq!(
            claim_refusal("ada@example.org", "eve@example.org", true),
            Some(Problem::ClaimForAnotherAddress { invited: "ada@example.org".into(), email: "eve@example.org".into() })
        );
    }
}
