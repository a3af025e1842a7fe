//! Every mail Estrade sends, in one place, in the recipient's language (`crate::lang::for_recipient`);
//! the words are in the `mail` catalogue.
use leptos_i18n::td_string;

use super::Email;
use crate::lang::Locale;

pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Builds a mail whose body is a greeting, paragraphs, one call-to-action link and a sign-off.
pub(crate) fn compose(l: Locale, to: &str, subject: String, greeting: &str, paragraphs: &[String], link: (&str, &str)) -> Email {
    let (label, url) = link;
    let signature = td_string!(l, mail.signature);
    let mut text = format!("{greeting}\n\n");
    let mut html = format!(
        "<!doctype html><html lang=\"{}\"><body style=\"font-family:sans-serif;line-height:1.5\"><p>{}</p>",
        crate::lang::code(l),
        escape(greeting)
    );
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", escape(p)));
    }
    text.push_str(&format!("{label}: {url}\n\n{signature}\n"));
    html.push_str(&format!("<p><a href=\"{}\">{}</a></p><p>{}</p></body></html>", escape(url), escape(label), escape(signature)));
    Email { to: to.to_string(), subject, text, html, attachment: None }
}

pub fn password_reset(l: Locale, to: &str, name: &str, link: &str) -> Email {
    compose(
        l,
        to,
        td_string!(l, mail.reset.subject).into(),
        &td_string!(l, mail.hello_name, name = name).to_string(),
        &[td_string!(l, mail.reset.asked).into(), td_string!(l, mail.reset.once).into()],
        (td_string!(l, mail.reset.link), link),
    )
}

pub fn verify_email(l: Locale, to: &str, name: &str, link: &str) -> Email {
    compose(
        l,
        to,
        td_string!(l, mail.verify.subject).into(),
        &td_string!(l, mail.welcome_name, name = name).to_string(),
        &[td_string!(l, mail.verify.body).into()],
        (td_string!(l, mail.verify.link), link),
    )
}

pub fn role_granted(l: Locale, to: &str, name: &str, role: &str, event: &str, link: &str) -> Email {
    compose(
        l,
        to,
        td_string!(l, mail.role_granted.subject, role = role, event = event).to_string(),
        &td_string!(l, mail.hello_name, name = name).to_string(),
        &[td_string!(l, mail.role_granted.body, role = role, event = event).to_string()],
        (td_string!(l, mail.role_granted.link), link),
    )
}

pub fn role_awaiting_verification(l: Locale, to: &str, name: &str, role: &str, event: &str, link: &str) -> Email {
    compose(
        l,
        to,
        td_string!(l, mail.role_invited.subject, role = role, event = event).to_string(),
        &td_string!(l, mail.hello_name, name = name).to_string(),
        &[
            td_string!(l, mail.role_invited.body, role = role, event = event).to_string(),
            td_string!(l, mail.role_invited.awaiting).into(),
            td_string!(l, mail.role_invited.not_yours).into(),
        ],
        (td_string!(l, mail.role_invited.open_account), link),
    )
}

pub fn role_invitation(l: Locale, to: &str, role: &str, event: &str, link: &str) -> Email {
    compose(
        l,
        to,
        td_string!(l, mail.role_invited.subject, role = role, event = event).to_string(),
        td_string!(l, mail.hello),
        &[
            td_string!(l, mail.role_invited.body, role = role, event = event).to_string(),
            td_string!(l, mail.role_invited.create, email = to).to_string(),
        ],
        (td_string!(l, mail.role_invited.create_link), link),
    )
}

pub fn proposal_submitted(l: Locale, to: &str, name: &str, title: &str, event: &str, link: &str) -> Email {
    compose(
        l,
        to,
        td_string!(l, mail.submitted.subject, title = title).to_string(),
        &td_string!(l, mail.hello_name, name = name).to_string(),
        &[td_string!(l, mail.submitted.body, title = title, event = event).to_string(), td_string!(l, mail.submitted.next).into()],
        (td_string!(l, mail.submitted.link), link),
    )
}

pub fn cospeaker_invitation(l: Locale, to: &str, inviter: &str, title: &str, event: &str, link: &str) -> Email {
    compose(
        l,
        to,
        td_string!(l, mail.cospeaker.subject, inviter = inviter, title = title).to_string(),
        td_string!(l, mail.hello),
        &[
            td_string!(l, mail.cospeaker.body, inviter = inviter, title = title, event = event).to_string(),
            td_string!(l, mail.cospeaker.how).into(),
        ],
        (td_string!(l, mail.cospeaker.link), link),
    )
}

/// An imported speaker's link to take their talks into their own account.
pub fn talk_claim(l: Locale, to: &str, name: &str, event: &str, titles: &[String], days: i64, link: &str) -> Email {
    let mut paragraphs = vec![td_string!(l, mail.claim.imported, event = event, name = name).to_string()];
    paragraphs.extend(titles.iter().map(|t| format!("• “{t}”")));
    paragraphs.push(td_string!(l, mail.claim.how, email = to, days = days).to_string());
    let subject = td_string!(l, mail.claim.subject, event = event).to_string();
    compose(l, to, subject, td_string!(l, mail.hello), &paragraphs, (td_string!(l, mail.claim.link), link))
}

/// The schedule was published and a speaker's talks were added or moved: one line per talk.
pub fn talks_scheduled(l: Locale, to: &str, name: &str, event: &str, version: &str, lines: &[String], link: &str) -> Email {
    let mut paragraphs = vec![td_string!(l, mail.scheduled.published, event = event, version = version).to_string()];
    paragraphs.extend(lines.iter().map(|line| format!("• {line}")));
    paragraphs.push(td_string!(l, mail.scheduled.calendar).into());
    let subject = td_string!(l, mail.scheduled.subject, count = lines.len() as i32, event = event).to_string();
    compose(
        l,
        to,
        subject,
        &td_string!(l, mail.hello_name, name = name).to_string(),
        &paragraphs,
        (td_string!(l, mail.scheduled.link), link),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_bodies_escape_what_people_typed() {
        let mail = password_reset(Locale::en, "a@b.fr", "<script>x</script>", "https://e.org/reset?token=1&x=2");
        assert!(mail.html.contains("&lt;script&gt;"));
        assert!(!mail.html.contains("<script>"));
        assert!(mail.text.contains("https://e.org/reset?token=1&x=2"));
        assert!(mail.html.contains("token=1&amp;x=2"));
    }

    #[test]
    fn a_mail_is_written_in_the_language_asked_for() {
        let fr = password_reset(Locale::fr, "a@b.fr", "Zoé", "https://e.org/r");
        assert_eq!(fr.subject, "Réinitialiser votre mot de passe Estrade");
        assert!(fr.text.starts_with("Bonjour Zoé,"));
        assert!(fr.html.contains("<html lang=\"fr\">"));
        let one = talks_scheduled(Locale::fr, "a@b.fr", "Zoé", "CNDF", "v2", &["l".into()], "https://e.org");
        let two = talks_scheduled(Locale::en, "a@b.fr", "Zoé", "CNDF", "v2", &["l".into(), "m".into()], "https://e.org");
        assert_eq!(one.subject, "Votre talk à CNDF est programmé");
        assert_eq!(two.subject, "Your talks at CNDF are scheduled");
    }
}
