//! The call for volunteers (`/events/:slug/volunteer`): the organisers' text, the teams, and the
//! application form, on a phone, without the app's wasm (like the agenda).
use leptos::prelude::*;

use super::call_api::{load_call, ApplyToVolunteer, DAY_KEY, TEAM_KEY};
use super::views::{ApplicationStatus, CallTeam, CallView, MyApplication};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{action_error, field_error, outcome, query_flag, Form, FormError, Notice, OrgField, PageTitle, SubmitButton};
use domain::volunteers::application::{TShirt, LANGUAGES_MAX, NOTE_MAX};

#[component]
pub fn CallPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(slug, load_call);
    view! {
        <Suspense fallback=|| view! { <p>{tr!(volunteers.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::volunteer_call(slug()), |v| view! { <Call v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn Call(v: CallView) -> impl IntoView {
    let slug = v.event.slug.clone();
    let here = urls::volunteer_call(&slug);
    let applied = query_flag("applied");
    view! {
        <PageTitle text=tr!(volunteers.call.title, name = &v.event.name).to_string()/>
        <p class="meta"><a href=format!("/events/{slug}")>{v.event.name.clone()}</a></p>
        <h1>{tr!(volunteers.call.heading, name = &v.event.name).to_string()}</h1>
        <div class="prose" inner_html=v.text_html.html()></div>
        {(!v.teams.is_empty()).then(|| view! {
            <section>
                <h2>{tr!(volunteers.call.teams)}</h2>
                <ul class="team-cards">{v.teams.iter().cloned().map(|t| view! { <TeamCard t/> }).collect_view()}</ul>
            </section>
        })}
        <section class="card" id="mine">
            {move || applied.get().then(|| view! { <Notice>{tr!(volunteers.call.applied)}</Notice> })}
            {match v.mine.clone() {
                None => view! {
                    <h2>{tr!(volunteers.call.apply)}</h2>
                    <p>{tr!(volunteers.call.sign_in_first)}</p>
                    <p>
                        <a class="button primary" href=format!("/signin?next={here}")>{tr!(volunteers.call.sign_in)}</a>" "
                        <a class="button" href=format!("/signup?next={here}")>{tr!(volunteers.call.create_account)}</a>
                    </p>
                }.into_any(),
                Some(m) => view! { <Mine v=v.clone() m/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn TeamCard(t: CallTeam) -> impl IntoView {
    view! {
        <li class="team-card" style=format!("--team: {}", t.colour)>
            <h3>{t.name}</h3>
            {(!t.description.is_empty()).then(|| view! { <p>{t.description}</p> })}
            {t.restricted.then(|| view! { <p class="hint">{tr!(volunteers.call.restricted)}</p> })}
        </li>
    }
}

/// Where my application stands, and the form (to apply, or to update my answers).
#[component]
fn Mine(v: CallView, m: MyApplication) -> impl IntoView {
    let slug = v.event.slug.clone();
    let said = match m.status {
        None => None,
        Some(ApplicationStatus::Invited) => Some(tr!(volunteers.call.status_invited)),
        Some(ApplicationStatus::Pending) => Some(tr!(volunteers.call.status_pending)),
        Some(ApplicationStatus::Accepted) => Some(tr!(volunteers.call.status_accepted)),
        Some(ApplicationStatus::Declined) => Some(tr!(volunteers.call.status_declined)),
    };
    let accepted = m.status == Some(ApplicationStatus::Accepted);
    let declined = m.status == Some(ApplicationStatus::Declined);
    view! {
        <h2>{if m.status.is_none() || m.status == Some(ApplicationStatus::Invited) { tr!(volunteers.call.apply) } else { tr!(volunteers.call.my_application) }}</h2>
        {said.map(|s| view! { <p class="status-line">{s}</p> })}
        {accepted.then(|| view! {
            <p><a class="button primary" href=urls::volunteer_board(&slug)>{tr!(volunteers.call.to_board)}</a></p>
        })}
        {(!declined).then(|| view! { <ApplicationForm v m/> })}
    }
}

#[component]
fn ApplicationForm(v: CallView, m: MyApplication) -> impl IntoView {
    let action = ServerAction::<ApplyToVolunteer>::new();
    let error = action_error(action);
    let has = |list: &[String], x: &str| list.iter().any(|d| d == x);
    let sizes: Vec<(String, String)> = TShirt::ALL.iter().map(|t| (t.as_str().to_string(), t.as_str().to_uppercase())).collect();
    let first_time = matches!(m.status, None | Some(ApplicationStatus::Invited));
    view! {
        <FormError error/>
        <Form action>
            <input type="hidden" name="slug" value=v.event.slug.clone()/>
            <fieldset class="org-checks" class:has-error=move || field_error(error, "days").get().is_some()>
                <legend>{tr!(volunteers.call.days)}</legend>
                {v.days.iter().map(|(code, label)| {
                    let (id, for_id) = (format!("f-day-{code}"), format!("f-day-{code}"));
                    view! {
                        <label class="org-check" for=for_id>
                            <input type="checkbox" id=id name=format!("days[{DAY_KEY}{code}]") value="on" checked=has(&m.days, code)/>" "{label.clone()}
                        </label>
                    }
                }).collect_view()}
                {move || field_error(error, "days").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </fieldset>
            {(!v.teams.is_empty()).then(|| view! {
                <fieldset class="org-checks" class:has-error=move || field_error(error, "teams").get().is_some()>
                    <legend>{tr!(volunteers.call.teams_wished)}</legend>
                    <p class="hint">{tr!(volunteers.call.teams_hint)}</p>
                    {v.teams.iter().map(|t| {
                        let (id, for_id) = (format!("f-team-{}", t.id), format!("f-team-{}", t.id));
                        view! {
                            <label class="org-check" for=for_id>
                                <input type="checkbox" id=id name=format!("teams[{TEAM_KEY}{}]", t.id) value="on" checked=has(&m.teams, &t.id.to_string())/>" "{t.name.clone()}
                            </label>
                        }
                    }).collect_view()}
                    {move || field_error(error, "teams").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </fieldset>
            })}
            <div class="field">
                <label for="f-tshirt">{tr!(volunteers.call.tshirt)}</label>
                <select id="f-tshirt" name="tshirt">
                    <option value="" selected=m.tshirt.is_empty()>{tr!(volunteers.call.no_tshirt)}</option>
                    {sizes.into_iter().map(|(code, label)| {
                        let on = m.tshirt == code;
                        view! { <option value=code selected=on>{label}</option> }
                    }).collect_view()}
                </select>
                {move || field_error(error, "tshirt").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <OrgField label=tr!(volunteers.call.languages) name="languages" id="f-languages" value=m.languages.clone() maxlength=LANGUAGES_MAX as u32 hint=tr!(volunteers.call.languages_hint) error=field_error(error, "languages")/>
            <OrgField label=tr!(volunteers.call.note) name="note" id="f-note" value=m.note.clone() maxlength=NOTE_MAX as u32 hint=tr!(volunteers.call.note_hint) error=field_error(error, "note")/>
            <SubmitButton action label=if first_time { tr!(volunteers.call.send) } else { tr!(volunteers.call.update) }/>
        </Form>
    }
}
