//! Admin pages: events list and creation, one event's settings and members, failed mails.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{failed_mails, RetryAllMails, RetryMail};
use crate::error::AppError;
use crate::events::api::{event_members, get_event, managed_events, CreateEvent, GrantRole, RevokeRole, UpdateEvent};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{
    action_error, field_error, Field, Form, FormError, Notice, PageTitle, Select, SubmitButton, TextArea, VersionFields, Versions,
};
use domain::events::{EventForm, Visibility};
use domain::roles::Role;

/// Shows `Err` as a notice (sign in / not allowed / not found) and `Ok` through `ok`.
fn or_notice<T>(r: Result<T, AppError>, ok: impl FnOnce(T) -> AnyView) -> AnyView {
    match r {
        Ok(v) => ok(v),
        Err(AppError::Unauthorized) => view! {
            <p class="notice notice-error">{tr!(admin.sign_in.before)}<a href="/signin?next=/admin">{tr!(admin.sign_in.link)}</a>"."</p>
        }
        .into_any(),
        Err(e) => view! { <p class="notice notice-error" role="alert">{e.text()}</p> }.into_any(),
    }
}

/// The name of a visibility, in the page's language.
fn visibility_label(v: Visibility) -> &'static str {
    match v {
        Visibility::Public => tr!(admin.visibility.public),
        Visibility::Unlisted => tr!(admin.visibility.unlisted),
        Visibility::Draft => tr!(admin.visibility.draft),
    }
}

fn flag(name: &'static str) -> Memo<bool> {
    let q = use_query_map();
    Memo::new(move |_| q.read().get(name).is_some())
}

/// The fields of an event, shared by the create and edit forms.
#[component]
fn EventFields(form: EventForm, error: Signal<Option<AppError>>) -> impl IntoView {
    let vis: Vec<(&'static str, &'static str)> = Visibility::ALL.iter().map(|&v| (v.as_str(), visibility_label(v))).collect();
    let description = view! { <DescriptionFields form=form.clone() error/> };
    view! {
        <Field label=tr!(admin.event.name) name="name" value=form.name maxlength=120 error=field_error(error, "name")/>
        <Field label=tr!(admin.event.slug) name="slug" value=form.slug maxlength=40 hint=tr!(admin.event.slug_hint) error=field_error(error, "slug")/>
        <div class="grid-2">
            <Field label=tr!(admin.event.city) name="city" value=form.city maxlength=80 error=field_error(error, "city")/>
            <Field label=tr!(admin.event.venue) name="venue" value=form.venue maxlength=160 error=field_error(error, "venue")/>
        </div>
        <div class="grid-3">
            <Field label=tr!(admin.event.first_day) name="start_date" kind="date" value=form.start_date error=field_error(error, "start_date")/>
            <Field label=tr!(admin.event.last_day) name="end_date" kind="date" value=form.end_date error=field_error(error, "end_date")/>
            <Field label=tr!(admin.event.time_zone) name="time_zone" value=form.time_zone hint=tr!(admin.event.time_zone_hint) error=field_error(error, "time_zone")/>
        </div>
        {description}
        <Select label=tr!(admin.event.visibility) name="visibility" options=vis selected=form.visibility error=field_error(error, "visibility")/>
        <Select
            label=tr!(admin.event.default_language)
            name="default_language"
            options=crate::lang::choices()
            selected=form.default_language
            error=field_error(error, "default_language")
        />
    }
}

/// The description: one field on the create form; one per language on the edit form.
#[component]
fn DescriptionFields(form: EventForm, error: Signal<Option<AppError>>) -> impl IntoView {
    match crate::lang::parse(&form.description_language) {
        None => view! {
            <TextArea label=tr!(admin.event.description) name="description" value=form.description maxlength=5000 error=field_error(error, "description")/>
        }
        .into_any(),
        Some(language) => {
            let versions = Versions { name: "description", others: "translations", language, first: form.description, translations: form.translations };
            view! { <VersionFields versions label=tr!(admin.event.description) maxlength=5000 error/> }.into_any()
        }
    }
}

/// `/admin`: the events the person manages (every event, the failed mails and the creation form
/// for an administrator).
#[component]
pub fn AdminEventsPage() -> impl IntoView {
    let events = Resource::new(|| (), |_| managed_events());
    view! {
        <PageTitle text=tr!(admin.events.title)/>
        <h1>{tr!(admin.events.heading)}</h1>
        <Suspense fallback=|| view! { <p>{tr!(admin.loading)}</p> }>
            {move || events.get().map(|r| or_notice(r, |managed| view! {
                {managed.is_admin.then(|| view! { <p><a href=urls::admin_mail()>{tr!(admin.mails.heading)}</a></p> })}
                <ManagedList events=managed.events/>
                {managed.is_admin.then(|| view! { <CreateEventForm/> })}
            }.into_any()))}
        </Suspense>
    }
}

#[component]
fn ManagedList(events: Vec<crate::events::ManagedEvent>) -> impl IntoView {
    if events.is_empty() {
        return view! { <p class="empty card">{tr!(admin.events.none)}<a href="/">{tr!(admin.events.none_link)}</a>"."</p> }.into_any();
    }
    let locale = crate::lang::use_locale();
    view! {
        <section class="card">
            <h2>{tr!(admin.events.list)}</h2>
            <div class="table-scroll">
                <table class="table">
                    <thead><tr><th scope="col">{tr!(admin.events.event)}</th><th scope="col">{tr!(admin.events.dates)}</th><th scope="col">{tr!(admin.events.your_roles)}</th><th scope="col">{tr!(admin.event.visibility)}</th></tr></thead>
                    <tbody>
                        {events.into_iter().map(|e| {
                            let roles = e.roles.iter().map(|&r| crate::lang::role_name(locale, r)).collect::<Vec<_>>().join(", ");
                            view! {
                                <tr>
                                    <td><a href=e.manage>{e.summary.name}</a></td>
                                    <td>{e.summary.dates}</td><td>{roles}</td>
                                    <td>{Visibility::parse(&e.summary.visibility).map(visibility_label).unwrap_or_default()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn CreateEventForm() -> impl IntoView {
    let create = ServerAction::<CreateEvent>::new();
    let error = action_error(create);
    let blank = EventForm { time_zone: "Europe/Paris".into(), visibility: "draft".into(), ..Default::default() };
    view! {
        <section class="card">
            <h2>{tr!(admin.events.create)}</h2>
            <FormError error/>
            <Form action=create>
                <EventFields form=blank error/>
                <SubmitButton action=create label=tr!(admin.events.create_button)/>
            </Form>
        </section>
    }
}

#[component]
pub fn AdminEventPage() -> impl IntoView {
    let slug = param("slug");
    let event = Resource::new(slug, get_event);
    let members = Resource::new(slug, event_members);
    let update = ServerAction::<UpdateEvent>::new();
    let update_error = action_error(update);
    let grant = ServerAction::<GrantRole>::new();
    let grant_error = action_error(grant);
    let created = flag("created");
    let saved = flag("saved");
    let granted = flag("granted");
    view! {
        <Suspense fallback=|| view! { <p>{tr!(admin.loading)}</p> }>
            {move || event.get().map(|r| or_notice(r, |e| {
                let current = e.summary.slug.clone();
                let current2 = current.clone();
                view! {
                    <PageTitle text=tr!(admin.manage.title, name = &e.summary.name).to_string()/>
                    <h1>{tr!(admin.manage.heading, name = &e.summary.name).to_string()}</h1>
                    <p>
                        <a href=format!("/events/{}", e.summary.slug)>{tr!(admin.manage.public_page)}</a>" · "
                        <a href=urls::admin_cfp(&e.summary.slug)>{tr!(admin.manage.cfp)}</a>" · "
                        <a href=urls::admin_venue(&e.summary.slug)>{tr!(admin.manage.venue)}</a>" · "
                        <a href=urls::admin_schedule(&e.summary.slug)>{tr!(admin.manage.schedule)}</a>" · "
                        <a href=urls::admin_proposals(&e.summary.slug)>{tr!(admin.manage.proposals)}</a>" · "
                        <a href=urls::admin_selection(&e.summary.slug)>{tr!(admin.manage.selection)}</a>" · "
                        <a href=urls::admin_selection_settings(&e.summary.slug)>{tr!(admin.manage.selection_settings)}</a>" · "
                        <a href=urls::admin_conflicts(&e.summary.slug)>{tr!(admin.manage.conflicts)}</a>" · "
                        <a href=urls::admin_volunteers(&e.summary.slug)>{tr!(admin.manage.volunteers)}</a>" · "
                        <a href=urls::admin_partners(&e.summary.slug) rel="external">{tr!(admin.manage.partners)}</a>
                    </p>
                    {move || created.get().then(|| view! { <Notice>{tr!(admin.manage.created)}</Notice> })}
                    {move || saved.get().then(|| view! { <Notice>{tr!(admin.manage.saved)}</Notice> })}
                    <section class="card">
                        <h2>{tr!(admin.manage.settings)}</h2>
                        <FormError error=update_error/>
                        <Form action=update>
                            <input type="hidden" name="current_slug" value=current/>
                            <EventFields form=e.form.clone() error=update_error/>
                            <SubmitButton action=update label=tr!(admin.manage.save)/>
                        </Form>
                    </section>
                    <section class="card">
                        <h2>{tr!(admin.members.heading)}</h2>
                        {move || granted.get().then(|| view! { <Notice>{tr!(admin.members.granted)}</Notice> })}
                        <Suspense fallback=|| ()>
                            {move || members.get().map(|r| or_notice(r, |rows| view! { <MembersTable rows/> }.into_any()))}
                        </Suspense>
                        <h3>{tr!(admin.members.give)}</h3>
                        <FormError error=grant_error/>
                        <Form action=grant>
                            <input type="hidden" name="slug" value=current2/>
                            <div class="grid-2">
                                <Field label=tr!(admin.members.email) name="email" kind="email" error=field_error(grant_error, "email")/>
                                <Select label=tr!(admin.members.role) name="role" options=Role::ALL.iter().map(|&r| (r.as_str(), crate::lang::role_name(crate::lang::use_locale(), r))).collect() error=field_error(grant_error, "role")/>
                            </div>
                            <SubmitButton action=grant label=tr!(admin.members.give_button)/>
                        </Form>
                    </section>
                }
                .into_any()
            }))}
        </Suspense>
    }
}

#[component]
fn MembersTable(rows: Vec<crate::events::MemberRow>) -> impl IntoView {
    let revoke = ServerAction::<RevokeRole>::new();
    let slug = param("slug");
    if rows.is_empty() {
        return view! { <p class="empty">{tr!(admin.members.empty)}</p> }.into_any();
    }
    view! {
        <table class="table">
            <thead><tr><th scope="col">{tr!(admin.members.person)}</th><th scope="col">{tr!(admin.members.role)}</th><th scope="col"><span class="visually-hidden">{tr!(admin.members.actions)}</span></th></tr></thead>
            <tbody>
                {rows.into_iter().map(|m| view! {
                    <tr>
                        <td>
                            {m.display_name.clone().unwrap_or_else(|| tr!(admin.members.no_account).into())}
                            <br/><span class="meta">{m.email.clone()}</span>
                        </td>
                        <td>{m.role_label.clone()}{m.pending.then(|| view! { " "<span class="badge warn">{tr!(admin.members.invited)}</span> })}</td>
                        <td>
                            <Form action=revoke attr:class="inline-form">
                                <input type="hidden" name="slug" value=slug/>
                                <input type="hidden" name="email" value=m.email.clone()/>
                                <input type="hidden" name="role" value=m.role.clone()/>
                                <button type="submit" class="link-button danger">{tr!(admin.members.remove)}<span class="visually-hidden">" "{tr!(admin.members.remove_what, role = &m.role_label, email = &m.email).to_string()}</span></button>
                            </Form>
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn AdminMailPage() -> impl IntoView {
    let mails = Resource::new(|| (), |_| failed_mails());
    let retry = ServerAction::<RetryMail>::new();
    let retry_all = ServerAction::<RetryAllMails>::new();
    let retried = flag("retried");
    let retried_all = flag("retried_all");
    view! {
        <PageTitle text=tr!(admin.mails.title)/>
        <h1>{tr!(admin.mails.heading)}</h1>
        {move || retried.get().then(|| view! { <Notice>{tr!(admin.mails.retried)}</Notice> })}
        {move || retried_all.get().then(|| view! { <Notice>{tr!(admin.mails.retried_all)}</Notice> })}
        <Suspense fallback=|| view! { <p>{tr!(admin.loading)}</p> }>
            {move || mails.get().map(|r| or_notice(r, |t| view! {
                <h2>{tr!(admin.mails.retrying_heading)}</h2>
                {if t.retrying.is_empty() {
                    view! { <p class="empty">{tr!(admin.mails.retrying_empty)}</p> }.into_any()
                } else {
                    view! {
                        <p>{tr!(admin.mails.retrying_intro)}</p>
                        <table class="table">
                            {mail_head(tr!(admin.mails.next_try).into_any())}
                            <tbody>{t.retrying.into_iter().map(|m| {
                                let next_try = m.next_try.clone();
                                view! { <tr>{mail_cells(m)}<td>{next_try}</td></tr> }
                            }).collect_view()}</tbody>
                        </table>
                    }.into_any()
                }}
                <h2>{tr!(admin.mails.failed_heading)}</h2>
                {if t.failed.is_empty() {
                    view! { <p class="empty">{tr!(admin.mails.empty)}</p> }.into_any()
                } else {
                    view! {
                        <Form action=retry_all attr:class="inline-form">
                            <button type="submit">{tr!(admin.mails.retry_all)}</button>
                        </Form>
                        <table class="table">
                            {mail_head(view! { <span class="visually-hidden">{tr!(admin.members.actions)}</span> }.into_any())}
                            <tbody>{t.failed.into_iter().map(|m| { let id = m.id; view! {
                                <tr>
                                    {mail_cells(m)}
                                    <td><Form action=retry attr:class="inline-form">
                                        <input type="hidden" name="id" value=id/>
                                        <button type="submit" class="link-button">{tr!(admin.mails.retry)}</button>
                                    </Form></td>
                                </tr>
                            }}).collect_view()}</tbody>
                        </table>
                    }.into_any()
                }}
            }.into_any()))}
        </Suspense>
    }
}

/// The columns both mail tables share, then `last`'s.
fn mail_head(last: AnyView) -> impl IntoView {
    view! {
        <thead><tr>
            <th scope="col">{tr!(admin.mails.to)}</th>
            <th scope="col">{tr!(admin.mails.subject)}</th>
            <th scope="col">{tr!(admin.mails.tries)}</th>
            <th scope="col">{tr!(admin.mails.last_error)}</th>
            <th scope="col">{last}</th>
        </tr></thead>
    }
}

fn mail_cells(m: crate::mail::FailedMail) -> impl IntoView {
    view! { <td>{m.to}</td><td>{m.subject}</td><td>{m.attempts}</td><td>{m.last_error}</td> }
}
