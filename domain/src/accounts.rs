//! Rules for accounts: email shape, display names, passwords.
use validator::ValidateEmail;

use crate::error::FieldError;

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

pub fn check_email(email: &str) -> Option<String> {
    let email = email.trim();
    if email.is_empty() {
        Some("Please enter your email address.".into())
    } else if email.chars().count() > EMAIL_MAX || !email.validate_email() {
        Some("This does not look like an email address.".into())
    } else {
        None
    }
}

/// The password rule: 10–128 characters and not the email itself.
pub fn check_password(password: &str, email: &str) -> Option<String> {
    let len = password.chars().count();
    if len < PASSWORD_MIN {
        Some(format!("Use at least {PASSWORD_MIN} characters."))
    } else if len > PASSWORD_MAX {
        Some(format!("Use at most {PASSWORD_MAX} characters."))
    } else if normalize_email(password) == normalize_email(email) {
        Some("Your password must not be your email address.".into())
    } else {
        None
    }
}

/// Passwords easier to guess than this are refused (zxcvbn: 3 means about 10^8 guesses or more).
#[cfg(feature = "ssr")]
pub const PASSWORD_MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

pub const WEAK_PASSWORD: &str =
    "This password is too easy to guess. Try a few unrelated words, or a longer phrase only you would think of.";

/// The rule for a password being chosen: the length rule, then a strength estimate (zxcvbn) that
/// counts common passwords, words, names, dates, keyboard runs and repeats, and the person's own email
/// and name as known words. Server only: the estimator's dictionaries would weigh on the browser.
#[cfg(feature = "ssr")]
pub fn check_new_password(password: &str, email: &str, display_name: &str) -> Option<String> {
    if let Some(msg) = check_password(password, email) {
        return Some(msg);
    }
    let email = normalize_email(email);
    let local_part = email.split('@').next().unwrap_or_default();
    let mut known = vec![email.as_str(), local_part, display_name.trim()];
    known.extend(display_name.split_whitespace());
    (zxcvbn::zxcvbn(password, &known).score() < PASSWORD_MIN_SCORE).then(|| WEAK_PASSWORD.to_string())
}

pub fn check_display_name(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        Some("Please tell us your name.".into())
    } else if name.chars().count() > DISPLAY_NAME_MAX {
        Some(format!("Use at most {DISPLAY_NAME_MAX} characters."))
    } else {
        None
    }
}

/// Collects the messages of failed checks as per-field errors.
pub fn collect(checks: impl IntoIterator<Item = (&'static str, Option<String>)>) -> Vec<FieldError> {
    checks
        .into_iter()
        .filter_map(|(field, msg)| msg.map(|message| FieldError { field: field.into(), message }))
        .collect()
}

#[cfg(feature = "ssr")]
pub fn sign_up_errors(email: &str, display_name: &str, password: &str) -> Vec<FieldError> {
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
        let msg = check_password("Alice@Example.org", "alice@example.org");
        assert_eq!(msg.as_deref(), Some("Your password must not be your email address."));
    }

    #[test]
    fn emails_are_normalized_and_checked() {
        assert_eq!(normalize_email("  Alice@Example.ORG "), "alice@example.org");
        assert!(check_email("alice@example.org").is_none());
        assert!(check_email("alice").is_some());
        assert!(check_email("").is_some());
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn imported_accounts_use_a_domain_no_mail_reaches() {
        assert_eq!(imported_email("abc"), "abc@imported.invalid");
        assert!(is_undeliverable("abc@imported.invalid") && is_undeliverable("x@Attendees.INVALID "));
        assert!(!is_undeliverable("ada@example.org") && !is_undeliverable("ada@invalid.example.org"));
    }

    #[test]
    fn sign_up_reports_each_bad_field() {
        let errs = sign_up_errors("nope", " ", "short");
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "display_name", "password"]);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn guessable_passwords_are_refused() {
        for weak in ["aaaaaaaaaa", "password123", "1234567890", "qwertyuiop", "iloveyou2024", "Password1!", "azertyuiop"] {
            assert_eq!(check_new_password(weak, "a@b.fr", "Ann").as_deref(), Some(WEAK_PASSWORD), "{weak}");
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
