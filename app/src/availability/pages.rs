//! "When you cannot speak": on the proposal page of a speaker whose talk is accepted (and not
//! declined), the times they cannot speak during the event, each with a Remove button, and a form
//! to add one. Forms work without JavaScript (the server redirects back here).
use leptos::prelude::*;

use super::api::{my_unavailability, AddUnavailability, DeleteUnavailability};
use super::{UnavailabilityRow, UnavailabilityView};
use crate::tr;
use crate::ui::{action_error, field_error, query_flag, Form, FormError, Notice, OrgField, SubmitButton};
use domain::availability::NOTE_MAX;

/// The section, for the proposal `code` of the event `slug`.
#[component]
pub fn UnavailabilitySection(slug: String, code: String) -> impl IntoView {
    let add = ServerAction::<AddUnavailability>::new();
    let remove = ServerAction::<DeleteUnavailability>::new();
    let versions = move || add.version().get() + remove.version().get();
    let data = Resource::new(move || (slug.clone(), versions()), |(s, _)| my_unavailability(s));
    let flags =
        [(query_flag("unavailable_added"), tr!(availability.added)), (query_flag("unavailable_removed"), tr!(availability.removed))];
    view! {
        <section class="card" id="unavailability" aria-labelledby="unavailability-heading">
            <h2 id="unavailability-heading">{tr!(availability.heading)}</h2>
            {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
            <Transition fallback=|| view! { <p>{tr!(availability.loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok(v) => view! { <Windows v code=code.clone() add remove/> }.into_any(),
                    Err(e) => view! { <p class="notice notice-error" role="alert">{e.text()}</p> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Windows(
    v: UnavailabilityView,
    code: String,
    add: ServerAction<AddUnavailability>,
    remove: ServerAction<DeleteUnavailability>,
) -> impl IntoView {
    let remove_error = action_error(remove);
    let slug = v.event_slug.clone();
    let list = if v.windows.is_empty() {
        view! { <p class="empty">{tr!(availability.empty)}</p> }.into_any()
    } else {
        let rows = v.windows.clone();
        let (slug, code) = (slug.clone(), code.clone());
        view! {
            <ul class="unavailability-list">
                {rows.into_iter().map(|w| view! { <WindowLine w slug=slug.clone() code=code.clone() remove/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <p class="hint">{tr!(availability.intro)}</p>
        <FormError error=remove_error/>
        {list}
        <h3>{tr!(availability.add_heading)}</h3>
        {if v.can_add {
            view! { <AddForm v code add/> }.into_any()
        } else {
            view! { <p class="hint">{tr!(availability.limit_reached)}</p> }.into_any()
        }}
    }
}

#[component]
fn WindowLine(w: UnavailabilityRow, slug: String, code: String, remove: ServerAction<DeleteUnavailability>) -> impl IntoView {
    let label = w.label.clone();
    view! {
        <li>
            <span class="unavailability-when">{w.label.clone()}</span>
            {(!w.note.is_empty()).then(|| view! { " · "<span class="unavailability-note">{w.note.clone()}</span> })}
            " "
            <Form action=remove attr:class="inline-form">
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="id" value=w.id/>
                <input type="hidden" name="code" value=code/>
                <button type="submit" class="link-button danger">{tr!(availability.remove)}<span class="visually-hidden">" "{label}</span></button>
            </Form>
        </li>
    }
}

#[component]
fn AddForm(v: UnavailabilityView, code: String, add: ServerAction<AddUnavailability>) -> impl IntoView {
    let error = action_error(add);
    let hint = tr!(availability.time_hint, zone = v.time_zone.clone(), dates = v.dates.clone()).to_string();
    view! {
        <FormError error/>
        <Form action=add attr:class="unavailability-form">
            <input type="hidden" name="slug" value=v.event_slug.clone()/>
            <input type="hidden" name="code" value=code/>
            <div class="grid-2">
                <OrgField label=tr!(availability.from) name="starts_at" id="f-unavailable-starts_at" kind="datetime-local" required=true
                    min=v.min.clone() max=v.max.clone() hint=hint.clone() error=field_error(error, "starts_at")/>
                <OrgField label=tr!(availability.until) name="ends_at" id="f-unavailable-ends_at" kind="datetime-local" required=true
                    min=v.min.clone() max=v.max.clone() hint=hint error=field_error(error, "ends_at")/>
            </div>
            <OrgField label=tr!(availability.note) name="note" id="f-unavailable-note" maxlength=NOTE_MAX as u32 hint=tr!(availability.note_hint)
                error=field_error(error, "note")/>
            <SubmitButton action=add label=tr!(availability.add)/>
        </Form>
    }
}
