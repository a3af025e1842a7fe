//! One shift for its leads (`/admin/events/:slug/volunteers/shifts/:id`): who is on it with
//! arrived / no-show buttons for the day (a phone list), the waiting list, assigning someone by hand,
//! editing and deleting.
use leptos::prelude::*;

use super::shift_api::{load_shift, AssignVolunteer, DeleteShift, EditShift, MarkVolunteer, TakeOff};
use super::views::{OnShift, ShiftAdminView};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{
    action_error, field_error, outcome, query_flag, Check, Choices, Form, FormError, Notice, OrgField, PageTitle, SubmitButton,
};

#[component]
pub fn ShiftPage() -> impl IntoView {
    let slug = param("slug");
    let id = param("id");
    let edit = ServerAction::<EditShift>::new();
    let assign = ServerAction::<AssignVolunteer>::new();
    let mark = ServerAction::<MarkVolunteer>::new();
    let off = ServerAction::<TakeOff>::new();
    let delete = ServerAction::<DeleteShift>::new();
    let versions = move || edit.version().get() + assign.version().get() + mark.version().get() + off.version().get();
    let data = Resource::new(move || (slug(), id(), versions()), |(s, id, _)| load_shift(s, id));
    let flags = [
        (query_flag("saved"), tr!(volunteers.shift.saved)),
        (query_flag("assigned"), tr!(volunteers.shift.assigned)),
        (query_flag("taken_off"), tr!(volunteers.shift.taken_off)),
    ];
    view! {
        <Transition fallback=|| view! { <p>{tr!(volunteers.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::admin_shift(slug(), id().parse().unwrap_or(0)), |v| view! {
                {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
                <Shift v edit assign mark off delete/>
            }.into_any()))}
        </Transition>
    }
}

#[component]
fn Shift(
    v: ShiftAdminView,
    edit: ServerAction<EditShift>,
    assign: ServerAction<AssignVolunteer>,
    mark: ServerAction<MarkVolunteer>,
    off: ServerAction<TakeOff>,
    delete: ServerAction<DeleteShift>,
) -> impl IntoView {
    let s = v.event.slug.clone();
    let title = if v.form.title.is_empty() { v.team.clone() } else { v.form.title.clone() };
    let mark_error = action_error(mark);
    let delete_error = action_error(delete);
    view! {
        <PageTitle text=tr!(volunteers.shift.title, title = &title).to_string()/>
        <p class="meta"><a href=urls::admin_volunteers(&s)>{tr!(volunteers.people.back)}</a></p>
        <h1>{title.clone()}</h1>
        <p class="shift-when"><strong>{v.when.clone()}</strong>" · "{v.form.place.clone()}" · "{v.team.clone()}" · "
            <span class="seats">{tr!(volunteers.board.seats, taken = v.taken, seats = v.seats).to_string()}</span>
        </p>
        <section class="card">
            <h2>{tr!(volunteers.shift.people)}</h2>
            <FormError error=mark_error/>
            {v.people.is_empty().then(|| view! { <p class="empty">{tr!(volunteers.shift.nobody)}</p> })}
            <ul class="check-in">
                {v.people.iter().cloned().map(|p| view! { <Person p slug=s.clone() shift=v.id mark off/> }).collect_view()}
            </ul>
            {(!v.waiting.is_empty()).then(|| view! { <p>{tr!(volunteers.shift.waiting)}" "{v.waiting.join(", ")}</p> })}
        </section>
        <Assign v=v.clone() action=assign/>
        <Edit v=v.clone() action=edit/>
        <section class="card">
            <h2>{tr!(volunteers.shift.delete)}</h2>
            <p class="hint">{tr!(volunteers.shift.delete_hint)}</p>
            <FormError error=delete_error/>
            <Form action=delete>
                <input type="hidden" name="slug" value=s.clone()/>
                <input type="hidden" name="shift" value=v.id.to_string()/>
                <button type="submit" class="button danger">{tr!(volunteers.shift.delete_button)}</button>
            </Form>
        </section>
    }
}

#[component]
fn Person(p: OnShift, slug: String, shift: i32, mark: ServerAction<MarkVolunteer>, off: ServerAction<TakeOff>) -> impl IntoView {
    let person = p.user_id.to_string();
    let button = |how: &'static str, label: &'static str, on: bool| {
        let (slug, person) = (slug.clone(), person.clone());
        view! {
            <Form action=mark>
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="shift" value=shift.to_string()/>
                <input type="hidden" name="person" value=person/>
                <input type="hidden" name="how" value=if on { "clear" } else { how }/>
                <button type="submit" class=if on { "button primary" } else { "button" } aria-pressed=if on { "true" } else { "false" }>{label}</button>
            </Form>
        }
    };
    let (arrived, no_show) =
        (button("arrived", tr!(volunteers.shift.arrived), p.arrived), button("no_show", tr!(volunteers.shift.no_show), p.no_show));
    view! {
        <li id=format!("person-{}", p.user_id) class:arrived=p.arrived class:no-show=p.no_show>
            <strong>{p.name.clone()}</strong>
            <div class="actions">
                {arrived}
                {no_show}
                <Form action=off>
                    <input type="hidden" name="slug" value=slug/>
                    <input type="hidden" name="shift" value=shift.to_string()/>
                    <input type="hidden" name="person" value=person/>
                    <button type="submit" class="link-button danger">{tr!(volunteers.shift.take_off)}</button>
                </Form>
            </div>
        </li>
    }
}

#[component]
fn Assign(v: ShiftAdminView, action: ServerAction<AssignVolunteer>) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card">
            <h2>{tr!(volunteers.shift.assign)}</h2>
            <p class="hint">{tr!(volunteers.shift.assign_hint)}</p>
            <Form action>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <input type="hidden" name="shift" value=v.id.to_string()/>
                <Choices label=tr!(volunteers.shift.volunteer) name="person" options=v.assignable placeholder=tr!(volunteers.shift.choose_volunteer) error=field_error(error, "person")/>
                {move || field_error(error, "confirm").get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                <Check label=tr!(volunteers.shift.confirm) name="confirm" id="f-confirm" checked=false/>
                <SubmitButton action label=tr!(volunteers.shift.assign_button)/>
            </Form>
        </section>
    }
}

#[component]
fn Edit(v: ShiftAdminView, action: ServerAction<EditShift>) -> impl IntoView {
    let error = action_error(action);
    let f = v.form.clone();
    view! {
        <section class="card">
            <h2>{tr!(volunteers.shift.edit)}</h2>
            <p class="hint">{tr!(volunteers.shift.edit_hint)}</p>
            <FormError error/>
            <Form action>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <input type="hidden" name="shift" value=v.id.to_string()/>
                <Choices label=tr!(volunteers.lead.team) name="team_id" options=v.teams.clone() selected=f.team_id.clone() error=field_error(error, "team_id")/>
                <div class="grid-2">
                    <OrgField label=tr!(volunteers.lead.place) name="place" id="f-place" value=f.place.clone() maxlength=80 required=true error=field_error(error, "place")/>
                    <OrgField label=tr!(volunteers.lead.shift_title) name="title" id="f-title" value=f.title.clone() maxlength=120 error=field_error(error, "title")/>
                </div>
                <div class="grid-3">
                    <Choices label=tr!(volunteers.lead.day) name="day" options=v.days.clone() selected=f.day.clone() error=field_error(error, "day")/>
                    <OrgField label=tr!(volunteers.lead.start) name="start" id="f-start" kind="time" value=f.start.clone() required=true error=field_error(error, "start")/>
                    <OrgField label=tr!(volunteers.lead.end) name="end" id="f-end" kind="time" value=f.end.clone() required=true error=field_error(error, "end")/>
                </div>
                <OrgField label=tr!(volunteers.lead.seats) name="seats" id="f-seats" kind="number" min="1" max="200" value=f.seats.clone() required=true error=field_error(error, "seats")/>
                <OrgField label=tr!(volunteers.lead.notes) name="notes" id="f-notes" value=f.notes.clone() maxlength=2000 error=field_error(error, "notes")/>
                <SubmitButton action label=tr!(volunteers.shift.save)/>
            </Form>
        </section>
    }
}
