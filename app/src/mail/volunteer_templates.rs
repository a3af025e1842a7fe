//! The mails of the volunteers' side, in the recipient's language; the words are in the `mail`
//! catalogue, under `volunteer`.
use leptos_i18n::td_string;

use super::templates::compose;
use super::Email;
use crate::lang::Locale;

/// A shift as a mail names it: "“Badges” · Tuesday 3 February · 08:00–10:00 · Accueil".
pub struct ShiftWords<'a> {
    pub title: &'a str,
    pub when: &'a str,
    pub place: &'a str,
}

impl ShiftWords<'_> {
    fn line(&self) -> String {
        format!("“{}” · {} · {}", self.title, self.when, self.place)
    }
}

/// Who gets the mail and about which event.
pub struct To<'a> {
    pub l: Locale,
    pub email: &'a str,
    pub name: &'a str,
    pub event: &'a str,
}

impl To<'_> {
    fn hello(&self) -> String {
        td_string!(self.l, mail.hello_name, name = self.name).to_string()
    }
}

pub fn application_accepted(to: &To, link: &str) -> Email {
    let l = to.l;
    compose(
        l,
        to.email,
        td_string!(l, mail.volunteer.accepted.subject, event = to.event).to_string(),
        &to.hello(),
        &[td_string!(l, mail.volunteer.accepted.body, event = to.event).to_string()],
        (td_string!(l, mail.volunteer.accepted.link), link),
    )
}

pub fn application_declined(to: &To, link: &str) -> Email {
    let l = to.l;
    compose(
        l,
        to.email,
        td_string!(l, mail.volunteer.declined.subject, event = to.event).to_string(),
        &to.hello(),
        &[td_string!(l, mail.volunteer.declined.body, event = to.event).to_string()],
        (td_string!(l, mail.volunteer.declined.link), link),
    )
}

/// A volunteer of an earlier edition, invited to this one.
pub fn invited_again(to: &To, earlier: &str, link: &str) -> Email {
    let l = to.l;
    compose(
        l,
        to.email,
        td_string!(l, mail.volunteer.invited.subject, event = to.event).to_string(),
        &to.hello(),
        &[td_string!(l, mail.volunteer.invited.body, event = to.event, earlier = earlier).to_string()],
        (td_string!(l, mail.volunteer.invited.link), link),
    )
}

/// A seat came to them: freed on a shift they waited for, or given by a lead.
pub fn shift_given(to: &To, shift: &ShiftWords, by_lead: bool, link: &str) -> Email {
    let l = to.l;
    let why = if by_lead { td_string!(l, mail.volunteer.given.by_lead) } else { td_string!(l, mail.volunteer.given.from_waiting_list) };
    compose(
        l,
        to.email,
        td_string!(l, mail.volunteer.given.subject, title = shift.title).to_string(),
        &to.hello(),
        &[why.to_string(), shift.line(), td_string!(l, mail.volunteer.given.cannot).to_string()],
        (td_string!(l, mail.volunteer.my_shifts), link),
    )
}

/// Their shift changed (moved, or edited by a lead): it now reads as `shift`.
pub fn shift_changed(to: &To, shift: &ShiftWords, link: &str) -> Email {
    let l = to.l;
    compose(
        l,
        to.email,
        td_string!(l, mail.volunteer.changed.subject, title = shift.title).to_string(),
        &to.hello(),
        &[td_string!(l, mail.volunteer.changed.body, event = to.event).to_string(), shift.line()],
        (td_string!(l, mail.volunteer.my_shifts), link),
    )
}

pub fn shift_cancelled(to: &To, shift: &ShiftWords, link: &str) -> Email {
    let l = to.l;
    compose(
        l,
        to.email,
        td_string!(l, mail.volunteer.cancelled.subject, title = shift.title).to_string(),
        &to.hello(),
        &[td_string!(l, mail.volunteer.cancelled.body, event = to.event).to_string(), shift.line()],
        (td_string!(l, mail.volunteer.cancelled.link), link),
    )
}

/// The day before: where and when, the briefing and who to call.
pub fn shift_reminder(to: &To, shift: &ShiftWords, briefing: &str, lead: &str, link: &str) -> Email {
    let l = to.l;
    let mut paragraphs = vec![td_string!(l, mail.volunteer.reminder.body, event = to.event).to_string(), shift.line()];
    if !briefing.trim().is_empty() {
        paragraphs.push(td_string!(l, mail.volunteer.reminder.briefing, briefing = briefing).to_string());
    }
    if !lead.trim().is_empty() {
        paragraphs.push(td_string!(l, mail.volunteer.reminder.lead, lead = lead).to_string());
    }
    paragraphs.push(td_string!(l, mail.volunteer.reminder.calendar).to_string());
    compose(
        l,
        to.email,
        td_string!(l, mail.volunteer.reminder.subject, title = shift.title).to_string(),
        &to.hello(),
        &paragraphs,
        (td_string!(l, mail.volunteer.my_shifts), link),
    )
}

/// A published agenda put `volunteer`'s talk on their shift; sent to them and to the event's leads.
pub fn talk_clash(to: &To, volunteer: &str, talk: &str, talk_when: &str, shift: &ShiftWords, link: &str) -> Email {
    let l = to.l;
    compose(
        l,
        to.email,
        td_string!(l, mail.volunteer.clash.subject, name = volunteer, event = to.event).to_string(),
        &to.hello(),
        &[
            td_string!(l, mail.volunteer.clash.body, name = volunteer, talk = talk, when = talk_when).to_string(),
            shift.line(),
            td_string!(l, mail.volunteer.clash.next).to_string(),
        ],
        (td_string!(l, mail.volunteer.clash.link), link),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volunteer_mails_speak_the_recipients_language_and_escape_typed_text() {
        let shift = ShiftWords { title: "<b>Badges</b>", when: "mardi 3 février · 08:00–10:00", place: "Accueil" };
        let fr = To { l: Locale::fr, email: "a@b.fr", name: "Zoé", event: "Cloud Nord" };
        let mail = shift_reminder(&fr, &shift, "Arrivez 10 min avant.", "Léa 06 12", "https://e.org/m");
        assert!(mail.text.starts_with("Bonjour Zoé,"), "{}", mail.text);
        assert!(mail.text.contains("“<b>Badges</b>” · mardi 3 février · 08:00–10:00 · Accueil"), "{}", mail.text);
        assert!(mail.html.contains("&lt;b&gt;Badges"), "{}", mail.html);
        let en = To { l: Locale::en, ..fr };
        assert!(shift_given(&en, &shift, false, "https://e.org/m").text.contains("waiting for"));
    }
}
