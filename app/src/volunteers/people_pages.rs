//! The leads' people page (`/admin/events/:slug/volunteers/people`): applications to decide on,
//! restricted teams to confirm, last edition's volunteers to invite, hours and T-shirts, and the
//! call's text and volunteer settings.
use leptos::prelude::*;

use super::people_api::{load_people, ConfirmMember, DecideApplication, InviteEarlier, SaveVolunteerSettings};
use super::views::{ApplicationRow, ApplicationStatus, PeopleView, SettingsView};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{
    action_error, field_error, outcome, query_flag, Choices, Form, FormError, Notice, OrgField, PageTitle, SubmitButton, VersionFields,
    Versions,
};
use domain::volunteers::settings::CALL_TEXT_MAX;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let slug = param("slug");
    let decide = ServerAction::<DecideApplication>::new();
    let confirm = ServerAction::<ConfirmMember>::new();
    let invite = ServerAction::<InviteEarlier>::new();
    let save = ServerAction::<SaveVolunteerSettings>::new();
    let versions = move || decide.version().get() + confirm.version().get() + invite.version().get() + save.version().get();
    let data = Resource::new(move || (slug(), versions()), |(s, _)| load_people(s));
    let flags = [
        (query_flag("accepted"), tr!(volunteers.people.accepted)),
        (query_flag("declined"), tr!(volunteers.people.declined)),
        (query_flag("confirmed"), tr!(volunteers.people.confirmed)),
        (query_flag("saved"), tr!(volunteers.people.saved)),
    ];
    let invited = crate::ui::query_value("invited");
    view! {
        <Transition fallback=|| view! { <p>{tr!(volunteers.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::admin_volunteer_people(slug()), |v| view! {
                {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
                {move || invited.get().map(|n| view! { <Notice>{tr!(volunteers.people.invited, count = n.parse::<i32>().unwrap_or(0)).to_string()}</Notice> })}
                <People v decide confirm invite save/>
            }.into_any()))}
        </Transition>
    }
}

#[component]
fn People(
    v: PeopleView,
    decide: ServerAction<DecideApplication>,
    confirm: ServerAction<ConfirmMember>,
    invite: ServerAction<InviteEarlier>,
    save: ServerAction<SaveVolunteerSettings>,
) -> impl IntoView {
    let s = v.event.slug.clone();
    let decide_error = action_error(decide);
    view! {
        <PageTitle text=tr!(volunteers.people.title, name = &v.event.name).to_string()/>
        <p class="meta">
            <a href=urls::admin_volunteers(&s)>{tr!(volunteers.people.back)}</a>" · "
            <a href=urls::volunteer_call(&s) rel="external">{tr!(volunteers.people.call)}</a>
        </p>
        <h1>{tr!(volunteers.people.heading)}</h1>
        <section class="card">
            <h2>{tr!(volunteers.people.applications)}</h2>
            <FormError error=decide_error/>
            {v.applications.is_empty().then(|| view! { <p class="empty">{tr!(volunteers.people.none)}</p> })}
            <ul class="applications">
                {v.applications.into_iter().map(|a| view! { <Application a slug=s.clone() decide confirm/> }).collect_view()}
            </ul>
        </section>
        {(!v.earlier.is_empty()).then(|| view! { <Invite slug=s.clone() earlier=v.earlier.clone() action=invite/> })}
        <section class="card">
            <h2>{tr!(volunteers.people.hours)}</h2>
            <p><a href=urls::admin_volunteers_csv(&s) download="" rel="external">{tr!(volunteers.people.csv)}</a></p>
            {v.hours.is_empty().then(|| view! { <p class="empty">{tr!(volunteers.people.no_hours)}</p> })}
            <table class="plain">
                <tbody>
                    {v.hours.into_iter().map(|(name, h)| view! { <tr><td>{name}</td><td>{tr!(volunteers.people.hours_value, hours = &h).to_string()}</td></tr> }).collect_view()}
                </tbody>
            </table>
            <h3>{tr!(volunteers.people.tshirts)}</h3>
            <p class="tshirts">{v.tshirts.into_iter().map(|(size, n)| format!("{size} {n}")).collect::<Vec<_>>().join(" · ")}</p>
        </section>
        <Settings slug=s settings=v.settings action=save/>
    }
}

#[component]
fn Application(
    a: ApplicationRow,
    slug: String,
    decide: ServerAction<DecideApplication>,
    confirm: ServerAction<ConfirmMember>,
) -> impl IntoView {
    let id = a.id.to_string();
    let status = match a.status {
        ApplicationStatus::Invited => tr!(volunteers.people.status_invited),
        ApplicationStatus::Pending => tr!(volunteers.people.status_pending),
        ApplicationStatus::Accepted => tr!(volunteers.people.status_accepted),
        ApplicationStatus::Declined => tr!(volunteers.people.status_declined),
    };
    let open = matches!(a.status, ApplicationStatus::Pending | ApplicationStatus::Invited);
    let (slug2, id2, row_id) = (slug.clone(), id.clone(), format!("application-{id}"));
    view! {
        <li class="application" id=row_id>
            <p><strong>{a.name}</strong>" · "<span class="badge">{status}</span></p>
            <p class="meta">{a.email}</p>
            {(!a.days.is_empty()).then(|| view! { <p>{tr!(volunteers.people.days)}" "{a.days}</p> })}
            <p>{tr!(volunteers.people.teams)}" "{if a.teams.is_empty() { tr!(volunteers.people.anywhere).to_string() } else { a.teams }}</p>
            {(!a.tshirt.is_empty() || !a.languages.is_empty()).then(|| view! { <p>{tr!(volunteers.people.tshirt)}" "{a.tshirt}" · "{tr!(volunteers.people.languages)}" "{a.languages}</p> })}
            {(!a.note.is_empty()).then(|| view! { <p class="private-note">{tr!(volunteers.people.note)}" "{a.note}</p> })}
            {open.then(|| view! {
                <div class="actions">
                    <Form action=decide>
                        <input type="hidden" name="slug" value=slug.clone()/>
                        <input type="hidden" name="application" value=id.clone()/>
                        <button type="submit" name="decision" value="accept" class="button primary">{tr!(volunteers.people.accept)}</button>" "
                        <button type="submit" name="decision" value="decline" class="button">{tr!(volunteers.people.decline)}</button>
                    </Form>
                </div>
            })}
            {(a.status == ApplicationStatus::Accepted).then(|| a.to_confirm.into_iter().map(|(team, name)| {
                let (slug, id) = (slug2.clone(), id2.clone());
                view! {
                <Form action=confirm>
                    <input type="hidden" name="slug" value=slug/>
                    <input type="hidden" name="application" value=id/>
                    <input type="hidden" name="team_id" value=team.to_string()/>
                    <button type="submit" class="button">{tr!(volunteers.people.confirm_for, team = &name).to_string()}</button>
                </Form>
                }
            }).collect_view())}
        </li>
    }
}

#[component]
fn Invite(slug: String, earlier: Vec<(String, String)>, action: ServerAction<InviteEarlier>) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card">
            <h2>{tr!(volunteers.people.invite)}</h2>
            <p class="hint">{tr!(volunteers.people.invite_hint)}</p>
            <Form action>
                <input type="hidden" name="slug" value=slug/>
                <Choices label=tr!(volunteers.people.earlier) name="earlier" options=earlier error=field_error(error, "earlier")/>
                <SubmitButton action label=tr!(volunteers.people.invite_button)/>
            </Form>
        </section>
    }
}

#[component]
fn Settings(slug: String, settings: SettingsView, action: ServerAction<SaveVolunteerSettings>) -> impl IntoView {
    let error = action_error(action);
    let versions = Versions {
        name: "call_text",
        others: "call_translations",
        language: crate::lang::parse(&settings.call_language).unwrap_or_default(),
        first: settings.call_text.clone(),
        translations: settings.call_translations.clone(),
    };
    view! {
        <section class="card" id="settings">
            <h2>{tr!(volunteers.people.settings)}</h2>
            <FormError error/>
            <Form action>
                <input type="hidden" name="slug" value=slug/>
                <VersionFields versions label=tr!(volunteers.people.call_text) hint=tr!(volunteers.people.call_text_hint) maxlength=CALL_TEXT_MAX as u32 rows=8 error/>
                <OrgField label=tr!(volunteers.people.sign_out_hours) name="sign_out_hours" id="f-sign-out-hours" kind="number" min="0" max="168" value=settings.sign_out_hours hint=tr!(volunteers.people.sign_out_hint) required=true error=field_error(error, "sign_out_hours")/>
                <div class="grid-2">
                    <OrgField label=tr!(volunteers.people.host_minutes_before) name="host_minutes_before" id="f-host-before" kind="number" min="0" max="120" value=settings.host_minutes_before required=true error=field_error(error, "host_minutes_before")/>
                    <OrgField label=tr!(volunteers.people.host_max_gap) name="host_max_gap_minutes" id="f-host-gap" kind="number" min="0" max="240" value=settings.host_max_gap_minutes required=true error=field_error(error, "host_max_gap_minutes")/>
                </div>
                <SubmitButton action label=tr!(volunteers.people.save)/>
            </Form>
        </section>
    }
}
