//! Rules for accounts: email shape, display names, passwords.
use validator::ValidateEmail;

pub use crate::problem::collect;
#[cfg(feature = "ssr")]
use crate::problem::FieldProblem;
use crate::problem::Problem;

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 128;
pub const DISPLAY_NAME_MAX: usize = 80;
pub const EMAIL_MAX: usize = 254;

/// The form of an email used for uniqueness and look-ups: trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The domain of the accounts an import creates for its speakers. `.invalid` is reserved (RFC 2606):
/// no real address is ever in it, so such an account can never be someone's, nor block a sign-up.
pub const IMPORTED_DOMAIN: &str = "imported.invalid";

/// The address of an imported speaker's account: a random code in [`IMPORTED_DOMAIN`].
pub fn imported_email(code: &str) -> String {
    format!("{code}@{IMPORTED_DOMAIN}")
}

/// Whether no mail can ever reach `email`: its domain is in the reserved `.invalid` TLD.
pub fn is_undeliverable(email: &str) -> bool {
    normalize_email(email).rsplit('@').next().is_some_and(|domain| domain == "invalid" || domain.ends_with(".invalid"))
}

pub fn check_email(email: &str) -> Option<Problem> {
    let email = email.trim();
    if email.is_empty() {
        Some(Problem::EmailMissing)
    } else if email.chars().count() > EMAIL_MAX || !email.validate_email() {
        Some(Problem::EmailInvalid)
    } else {
        None
    }
}

/// The password rule: 10–128 characters and not the email itself.
pub fn check_password(password: &str, email: &str) -> Option<Problem> {
    let len = password.chars().count();
    if len < PASSWORD_MIN {
        Some(Problem::TooShort { min: PASSWORD_MIN })
    } else if len > PASSWORD_MAX {
        Some(Problem::AtMost { max: PASSWORD_MAX })
    } else if normalize_email(password) == normalize_email(email) {
        Some(Problem::PasswordIsEmail)
    } else {
        None
    }
}

/// Passwords easier to guess than this are refused (zxcvbn: 3 means about 10^8 guesses or more).
#[cfg(feature = "ssr")]
pub const PASSWORD_MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

/// The rule for a password being chosen: the length rule, then a strength estimate (zxcvbn) that
/// counts common passwords, words, names, dates, keyboard runs and repeats, and the person's own email
/// and name as known words. Server only: the estimator's dictionaries would weigh on the browser.
#[cfg(feature = "ssr")]
pub fn check_new_password(password: &str, email: &str, display_name: &str) -> Option<Problem> {
    if let Some(msg) = check_password(password, email) {
        return Some(msg);
    }
    let email = normalize_email(email);
    let local_part = email.split('@').next().unwrap_or_default();
    let mut known = vec![email.as_str(), local_part, display_name.trim()];
    known.extend(display_name.split_whitespace());
    (zxcvbn::zxcvbn(password, &known).score() < PASSWORD_MIN_SCORE).then_some(Problem::PasswordWeak)
}

pub fn check_display_name(name: &str) -> Option<Problem> {
    let name = name.trim();
    if name.is_empty() {
        Some(Problem::DisplayNameMissing)
    } else if name.chars().count() > DISPLAY_NAME_MAX {
        Some(Problem::AtMost { max: DISPLAY_NAME_MAX })
    } else {
        None
    }
}

#[cfg(feature = "ssr")]
pub fn sign_up_errors(email: &str, display_name: &str, password: &str) -> Vec<FieldProblem> {
    collect([
        ("email", check_email(email)),
        ("display_name", check_display_name(display_name)),
        ("password", check_new_password(password, email, display_name)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_length_bounds() {
        assert!(check_password("123456789", "a@b.fr").is_some());
        assert!(check_password("1234567890", "a@b.fr").is_none());
        assert!(check_password(&"x".repeat(128), "a@b.fr").is_none());
        assert!(check_password(&"x".repeat(129), "a@b.fr").is_some());
    }

    #[test]
    fn password_counts_characters_not_bytes() {
        assert!(check_password("éééééééééé", "a@b.fr").is_none());
    }

    #[test]
    fn password_must_differ_from_email() {
        assert_eq!(check_password("Alice@Example.org", "alice@example.org"), Some(Problem::PasswordIsEmail));
        assert_eq!(check_password("short", "a@b.fr"), Some(Problem::TooShort { min: 10 }));
    }

    #[test]
    fn emails_are_normalized_and_checked() {
        assert_eq!(normalize_email("  Alice@Example.ORG "), "alice@example.org");
        assert!(check_email("alice@example.org").is_none());
        assert_eq!(check_email("alice"), Some(Problem::EmailInvalid));
        assert_eq!(check_email(" "), Some(Problem::EmailMissing));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn imported_accounts_use_a_domain_no_mail_reaches() {
        assert_eq!(imported_email("abc"), "abc@imported.invalid");
        assert!(is_undeliverable("abc@imported.invalid") && is_undeliverable("x@Attendees.INVALID "));
        assert!(!is_undeliverable("ada@example.org") && !is_undeliverable("ada@invalid.example.org"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn sign_up_reports_each_bad_field() {
        let errs = sign_up_errors("nope", " ", "short");
        assert_eq!(
            errs,
            [
                FieldProblem::new("email", Problem::EmailInvalid),
                FieldProblem::new("display_name", Problem::DisplayNameMissing),
                FieldProblem::new("password", Problem::TooShort { min: PASSWORD_MIN }),
            ]
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn guessable_passwords_are_refused() {
        for weak in ["aaaaaaaaaa", "password123", "1234567890", "qwertyuiop", "iloveyou2024", "Password1!", "azertyuiop"] {
            assert_eq!(check_new_password(weak, "a@b.fr", "Ann"), Some(Problem::PasswordWeak), "{weak}");
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_persons_own_email_and_name_count_as_known_words() {
        assert!(check_new_password("margaux.lefebvre1", "margaux.lefebvre@example.org", "Margaux").is_some());
        assert!(check_new_password("Margaux Lefebvre!", "m@example.org", "Margaux Lefebvre").is_some());
        assert!(check_new_password("margauxlefebvre", "m@example.org", "Margaux Lefebvre").is_some());
    }

    /// Every password the tests, the demo seed and the README use must pass.
    #[cfg(feature = "ssr")]
    #[test]
    fn the_passwords_used_across_the_repository_pass() {
        for good in [
            "correct horse battery",
            "my new long password",
            "another long password",
            "a brand new password",
            "demo-admin-pass",
            "demo-organizer-pass",
            "demo-reviewer-pass",
            "demo-speaker-pass",
            "demo-volunteer-pass",
            "bench-organiser-pass",
        ] {
            assert_eq!(check_new_password(good, "someone@example.org", "Someone"), None, "{good}");
        }
    }
}
