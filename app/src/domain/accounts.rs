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

pub fn sign_up_errors(email: &str, display_name: &str, password: &str) -> Vec<FieldError> {
    collect([
        ("email", check_email(email)),
        ("display_name", check_display_name(display_name)),
        ("password", check_password(password, email)),
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
}
