//! Every mail Estrade sends, in one place (English for now; French can follow here).
use super::Email;

pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Builds a mail whose body is a greeting, paragraphs, one call-to-action link and a sign-off.
fn compose(to: &str, subject: String, greeting: &str, paragraphs: &[String], link: (&str, &str)) -> Email {
    let (label, url) = link;
    let mut text = format!("{greeting}\n\n");
    let mut html = format!(
        "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\"><p>{}</p>",
        escape(greeting)
    );
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", escape(p)));
    }
    text.push_str(&format!("{label}: {url}\n\n— Estrade\n"));
    html.push_str(&format!(
        "<p><a href=\"{}\">{}</a></p><p>— Estrade</p></body></html>",
        escape(url),
        escape(label)
    ));
    Email { to: to.to_string(), subject, text, html, attachment: None }
}

pub fn password_reset(to: &str, name: &str, link: &str) -> Email {
    compose(
        to,
        "Reset your Estrade password".into(),
        &format!("Hello {name},"),
        &[
            "Someone (hopefully you) asked to reset the password of your Estrade account.".into(),
            "The link below works once, for one hour. If you did not ask for it, ignore this mail: your password stays as it is.".into(),
        ],
        ("Choose a new password", link),
    )
}

pub fn verify_email(to: &str, name: &str, link: &str) -> Email {
    compose(
        to,
        "Confirm your email for Estrade".into(),
        &format!("Welcome {name},"),
        &["Please confirm that this address is yours. The link works once, for two days.".into()],
        ("Confirm my email", link),
    )
}

pub fn role_granted(to: &str, name: &str, role: &str, event: &str, link: &str) -> Email {
    compose(
        to,
        format!("You are now {role} for {event}"),
        &format!("Hello {name},"),
        &[format!("You have been given the role \"{role}\" for {event} on Estrade.")],
        ("Open the event", link),
    )
}

pub fn role_awaiting_verification(to: &str, name: &str, role: &str, event: &str, link: &str) -> Email {
    compose(
        to,
        format!("You are invited to {event} as {role}"),
        &format!("Hello {name},"),
        &[
            format!("The organisers of {event} would like you to join as \"{role}\" on Estrade."),
            "The role will be yours once the email address of your account is confirmed: open the confirmation \
             mail, or ask for a new one on your account page."
                .into(),
            "If you did not create this account, or do not know its password, choose a new password with \
             \"Forgot your password?\" on the sign-in page: that confirms the address too."
                .into(),
        ],
        ("Open my account", link),
    )
}

pub fn role_invitation(to: &str, role: &str, event: &str, link: &str) -> Email {
    compose(
        to,
        format!("You are invited to {event} as {role}"),
        "Hello,",
        &[
            format!("The organisers of {event} would like you to join as \"{role}\" on Estrade."),
            format!("Create your account with this email address ({to}) and confirm it; the role will then be yours."),
        ],
        ("Create my account", link),
    )
}

pub fn proposal_submitted(to: &str, name: &str, title: &str, event: &str, link: &str) -> Email {
    compose(
        to,
        format!("Proposal received: {title}"),
        &format!("Hello {name},"),
        &[
            format!("Your proposal \"{title}\" to {event} is submitted. Thank you!"),
            "You can still edit it until the call for papers closes. The organisers will tell you their decision by mail.".into(),
        ],
        ("See your proposal", link),
    )
}

pub fn cospeaker_invitation(to: &str, inviter: &str, title: &str, event: &str, link: &str) -> Email {
    compose(
        to,
        format!("{inviter} invites you to co-present \"{title}\""),
        "Hello,",
        &[
            format!("{inviter} would like you to present \"{title}\" with them at {event}, and invited you on Estrade."),
            "Open the link to accept; you can create an account if you have none. The link works once, for 7 days.".into(),
        ],
        ("Answer the invitation", link),
    )
}

/// An imported speaker's link to take their talks into their own account.
pub fn talk_claim(to: &str, name: &str, event: &str, titles: &[String], days: i64, link: &str) -> Email {
    let mut paragraphs = vec![format!("The organisers of {event} imported their schedule into Estrade. It lists you ({name}) as speaker of:")];
    paragraphs.extend(titles.iter().map(|t| format!("• “{t}”")));
    paragraphs.push(format!(
        "To find these talks in your proposals and show your own speaker profile with them, open the link signed in with this address ({to}); create an account with it if you have none. The link works once, for {days} days. If this is not you, ignore this mail."
    ));
    compose(to, format!("Your talks at {event} on Estrade"), "Hello,", &paragraphs, ("Take my talks", link))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_bodies_escape_what_people_typed() {
        let mail = password_reset("a@b.fr", "<script>x</script>", "https://e.org/reset?token=1&x=2");
        assert!(mail.html.contains("&lt;script&gt;"));
        assert!(!mail.html.contains("<script>"));
        assert!(mail.text.contains("https://e.org/reset?token=1&x=2"));
        assert!(mail.html.contains("token=1&amp;x=2"));
    }
}

/// The schedule was published and a speaker's talks were added or moved: one line per talk.
pub fn talks_scheduled(to: &str, name: &str, event: &str, version: &str, lines: &[String], link: &str) -> Email {
    let mut paragraphs = vec![format!("The schedule of {event} has been published ({version}). Where and when you speak:")];
    paragraphs.extend(lines.iter().map(|l| format!("• {l}")));
    paragraphs.push("The attached calendar file puts it in your calendar. If a time does not work for you, reply to the organisers quickly.".into());
    let subject = match lines {
        [_] => format!("Your talk at {event} is scheduled"),
        _ => format!("Your talks at {event} are scheduled"),
    };
    compose(to, subject, &format!("Hello {name},"), &paragraphs, ("See your proposals", link))
}
