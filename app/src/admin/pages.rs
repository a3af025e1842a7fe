//! Admin pages: events list and creation, one event's settings and members, failed mails.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{failed_mails, RetryMail};
use crate::error::AppError;
use crate::events::api::{admin_events, event_members, get_event, CreateEvent, GrantRole, RevokeRole, UpdateEvent};
use crate::plumbing::{param, urls};
use crate::ui::{action_error, field_error, Field, Form, FormError, Notice, PageTitle, Select, SubmitButton, TextArea};
use domain::events::{EventForm, Visibility};
use domain::roles::Role;

/// Shows `Err` as a notice (sign in / not allowed / not found) and `Ok` through `ok`.
fn or_notice<T>(r: Result<T, AppError>, ok: impl FnOnce(T) -> AnyView) -> AnyView {
    match r {
        Ok(v) => ok(v),
        Err(AppError::Unauthorized) => view! {
            <p class="notice notice-error">"Please "<a href="/signin?next=/admin">"sign in"</a>" as an administrator."</p>
        }
        .into_any(),
        Err(e) => view! { <p class="notice notice-error" role="alert">{e.text()}</p> }.into_any(),
    }
}

fn flag(name: &'static str) -> Memo<bool> {
    let q = use_query_map();
    Memo::new(move |_| q.read().get(name).is_some())
}

/// The fields of an event, shared by the create and edit forms.
#[component]
fn EventFields(form: EventForm, error: Signal<Option<AppError>>) -> impl IntoView {
    let vis: Vec<(&'static str, &'static str)> = Visibility::ALL.iter().map(|v| (v.as_str(), v.label())).collect();
    view! {
        <Field label="Name" name="name" value=form.name maxlength=120 error=field_error(error, "name")/>
        <Field label="Address (slug)" name="slug" value=form.slug maxlength=40 hint="Used in links: lower-case letters, digits, dashes." error=field_error(error, "slug")/>
        <div class="grid-2">
            <Field label="City" name="city" value=form.city maxlength=80 error=field_error(error, "city")/>
            <Field label="Venue" name="venue" value=form.venue maxlength=160 error=field_error(error, "venue")/>
        </div>
        <div class="grid-3">
            <Field label="First day" name="start_date" kind="date" value=form.start_date error=field_error(error, "start_date")/>
            <Field label="Last day" name="end_date" kind="date" value=form.end_date error=field_error(error, "end_date")/>
            <Field label="Time zone" name="time_zone" value=form.time_zone hint="IANA name, e.g. Europe/Paris." error=field_error(error, "time_zone")/>
        </div>
        <TextArea label="Description" name="description" value=form.description maxlength=5000 error=field_error(error, "description")/>
        <Select label="Visibility" name="visibility" options=vis selected=form.visibility error=field_error(error, "visibility")/>
        <Select
            label="Default language"
            name="default_language"
            options=crate::lang::choices()
            selected=form.default_language
            error=field_error(error, "default_language")
        />
    }
}

#[component]
pub fn AdminEventsPage() -> impl IntoView {
    let events = Resource::new(|| (), |_| admin_events());
    let create = ServerAction::<CreateEvent>::new();
    let error = action_error(create);
    let blank = EventForm { time_zone: "Europe/Paris".into(), visibility: "draft".into(), ..Default::default() };
    view! {
        <PageTitle text="Admin — Estrade"/>
        <h1>"Administration"</h1>
        <p><a href=urls::admin_mail()>"Mails that could not be sent"</a></p>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || events.get().map(|r| or_notice(r, |list| view! {
                <section class="card">
                    <h2>"Events"</h2>
                    <table class="table">
                        <thead><tr><th scope="col">"Event"</th><th scope="col">"Dates"</th><th scope="col">"City"</th><th scope="col">"Visibility"</th></tr></thead>
                        <tbody>
                            {list.into_iter().map(|e| view! {
                                <tr>
                                    <td><a href=urls::admin_event(&e.slug)>{e.name}</a></td>
                                    <td>{e.dates}</td><td>{e.city}</td><td>{e.visibility}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            }.into_any()))}
        </Suspense>
        <section class="card">
            <h2>"Create an event"</h2>
            <FormError error/>
            <Form action=create>
                <EventFields form=blank.clone() error/>
                <SubmitButton action=create label="Create event"/>
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
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || event.get().map(|r| or_notice(r, |e| {
                let current = e.summary.slug.clone();
                let current2 = current.clone();
                view! {
                    <PageTitle text=format!("Manage {} — Estrade", e.summary.name)/>
                    <h1>"Manage "{e.summary.name.clone()}</h1>
                    <p>
                        <a href=format!("/events/{}", e.summary.slug)>"See the public page"</a>" · "
                        <a href=urls::admin_cfp(&e.summary.slug)>"Call for papers settings"</a>" · "
                        <a href=urls::admin_venue(&e.summary.slug)>"Rooms and days"</a>" · "
                        <a href=urls::admin_schedule(&e.summary.slug)>"Schedule"</a>" · "
                        <a href=urls::admin_proposals(&e.summary.slug)>"Proposals"</a>" · "
                        <a href=urls::admin_selection(&e.summary.slug)>"Selection"</a>" · "
                        <a href=urls::admin_selection_settings(&e.summary.slug)>"Selection settings"</a>" · "
                        <a href=urls::admin_conflicts(&e.summary.slug)>"Conflicts of interest"</a>
                    </p>
                    {move || created.get().then(|| view! { <Notice>"Event created."</Notice> })}
                    {move || saved.get().then(|| view! { <Notice>"Saved."</Notice> })}
                    <section class="card">
                        <h2>"Settings"</h2>
                        <FormError error=update_error/>
                        <Form action=update>
                            <input type="hidden" name="current_slug" value=current/>
                            <EventFields form=e.form.clone() error=update_error/>
                            <SubmitButton action=update label="Save settings"/>
                        </Form>
                    </section>
                    <section class="card">
                        <h2>"People and roles"</h2>
                        {move || granted.get().then(|| view! { <Notice>"Role given; we mailed them."</Notice> })}
                        <Suspense fallback=|| ()>
                            {move || members.get().map(|r| or_notice(r, |rows| view! { <MembersTable rows/> }.into_any()))}
                        </Suspense>
                        <h3>"Give a role"</h3>
                        <FormError error=grant_error/>
                        <Form action=grant>
                            <input type="hidden" name="slug" value=current2/>
                            <div class="grid-2">
                                <Field label="Email" name="email" kind="email" error=field_error(grant_error, "email")/>
                                <Select label="Role" name="role" options=Role::ALL.iter().map(|r| (r.as_str(), r.label())).collect() error=field_error(grant_error, "role")/>
                            </div>
                            <SubmitButton action=grant label="Give role"/>
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
        return view! { <p class="empty">"Nobody has a role in this event yet."</p> }.into_any();
    }
    view! {
        <table class="table">
            <thead><tr><th scope="col">"Person"</th><th scope="col">"Role"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
            <tbody>
                {rows.into_iter().map(|m| view! {
                    <tr>
                        <td>
                            {m.display_name.clone().unwrap_or_else(|| "(no account yet)".into())}
                            <br/><span class="meta">{m.email.clone()}</span>
                        </td>
                        <td>{m.role_label.clone()}{m.pending.then(|| view! { " "<span class="badge warn">"invited"</span> })}</td>
                        <td>
                            <Form action=revoke attr:class="inline-form">
                                <input type="hidden" name="slug" value=slug/>
                                <input type="hidden" name="email" value=m.email.clone()/>
                                <input type="hidden" name="role" value=m.role.clone()/>
                                <button type="submit" class="link-button danger">"Remove"<span class="visually-hidden">" "{m.role_label.clone()}" role of "{m.email.clone()}</span></button>
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
    let retried = flag("retried");
    view! {
        <PageTitle text="Failed mails — Estrade"/>
        <h1>"Mails that could not be sent"</h1>
        {move || retried.get().then(|| view! { <Notice>"The mail is queued again."</Notice> })}
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || mails.get().map(|r| or_notice(r, |list| if list.is_empty() {
                view! { <p class="empty">"Every mail was delivered."</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <thead><tr><th scope="col">"To"</th><th scope="col">"Subject"</th><th scope="col">"Tries"</th><th scope="col">"Last error"</th><th scope="col"></th></tr></thead>
                        <tbody>{list.into_iter().map(|m| view! {
                            <tr>
                                <td>{m.to}</td><td>{m.subject}</td><td>{m.attempts}</td><td>{m.last_error}</td>
                                <td><Form action=retry attr:class="inline-form">
                                    <input type="hidden" name="id" value=m.id/>
                                    <button type="submit" class="link-button">"Retry"</button>
                                </Form></td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                }.into_any()
            }))}
        </Suspense>
    }
}
