//! The "Rooms and days" page of an event: its rooms in agenda order, and each day's opening hours.
use leptos::prelude::*;

use super::api::{load_venue, AddRoom, DeleteRoom, MoveRoom, SaveDayHours, UpdateRoom};
use super::{DayRow, RoomRow};
use crate::error::AppError;
use crate::plumbing::{general_error, param, row_error, row_has_error, urls};
use crate::tr;
use crate::ui::{action_error, field_error, outcome, query_flag, typed_or, Form, FormError, Notice, OrgField, PageTitle, SubmitButton};
use domain::venue::{ROOM_CAPACITY_MAX, ROOM_DESCRIPTION_MAX, ROOM_NAME_MAX};

#[component]
pub fn VenuePage() -> impl IntoView {
    let slug = param("slug");
    let add = ServerAction::<AddRoom>::new();
    let update = ServerAction::<UpdateRoom>::new();
    let moved = ServerAction::<MoveRoom>::new();
    let delete = ServerAction::<DeleteRoom>::new();
    let save_day = ServerAction::<SaveDayHours>::new();
    // Reload after every change, even when only the query string of the page changes.
    let versions =
        move || add.version().get() + update.version().get() + moved.version().get() + delete.version().get() + save_day.version().get();
    let venue = Resource::new(move || (slug(), versions()), |(s, _)| load_venue(s));
    let flags = [
        (query_flag("room_added"), tr!(venue.room_added)),
        (query_flag("room_saved"), tr!(venue.room_saved)),
        (query_flag("room_moved"), tr!(venue.room_moved)),
        (query_flag("room_deleted"), tr!(venue.room_deleted)),
        (query_flag("day_saved"), tr!(venue.day_saved)),
    ];
    view! {
        <Transition fallback=|| view! { <p>{tr!(venue.loading)}</p> }>
            {move || venue.get().map(|r| outcome(r, &urls::admin_venue(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=tr!(venue.title, event = &v.event.name).to_string()/>
                    <p class="meta">
                        <a href=urls::admin_event(&s)>{tr!(venue.manage, event = &v.event.name).to_string()}</a>" · "
                        <a href=urls::admin_cfp(&s)>{tr!(venue.cfp_settings)}</a>
                    </p>
                    <h1>{tr!(venue.heading)}</h1>
                    {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
                    <RoomsSection slug=s.clone() rows=v.rooms.clone() add update moved delete/>
                    <DaysSection slug=s time_zone=v.time_zone.clone() days=v.days.clone() save=save_day/>
                }
                .into_any()
            }))}
        </Transition>
    }
}

#[component]
fn RoomsSection(
    slug: String,
    rows: Vec<RoomRow>,
    add: ServerAction<AddRoom>,
    update: ServerAction<UpdateRoom>,
    moved: ServerAction<MoveRoom>,
    delete: ServerAction<DeleteRoom>,
) -> impl IntoView {
    let add_error = action_error(add);
    let update_error = action_error(update);
    let slug2 = slug.clone();
    let count = rows.len();
    view! {
        <section class="card" id="rooms">
            <h2>{tr!(venue.rooms)}</h2>
            <p class="hint">{tr!(venue.rooms_hint)}</p>
            <FormError error=general_error(update_error)/>
            <FormError error=action_error(moved)/>
            <FormError error=action_error(delete)/>
            {if rows.is_empty() {
                view! { <p class="empty">{tr!(venue.no_rooms)}</p> }.into_any()
            } else {
                view! {
                    <div class="org-table-wrap">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">{tr!(venue.name)}</th>
                                <th scope="col">{tr!(venue.seats)}</th>
                                <th scope="col">{tr!(venue.description)}</th>
                                <th scope="col">{tr!(venue.order)}</th>
                            </tr></thead>
                            <tbody>{rows.into_iter().enumerate().map(|(i, r)| view! {
                                <RoomLine slug=slug.clone() r first=i == 0 last=i + 1 == count update moved delete/>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h3>{tr!(venue.add_room_heading)}</h3>
            <FormError error=add_error/>
            <Form action=add>
                <input type="hidden" name="slug" value=slug2/>
                <div class="grid-2">
                    <OrgField label=tr!(venue.name) name="name" id="new-room-name" maxlength=ROOM_NAME_MAX as u32 required=true error=field_error(add_error, "name")/>
                    <OrgField label=tr!(venue.seats) name="capacity" id="new-room-capacity" kind="number" min="1" max=ROOM_CAPACITY_MAX.to_string()
                        hint=tr!(venue.seats_hint) error=field_error(add_error, "capacity")/>
                </div>
                <OrgField label=tr!(venue.description) name="description" id="new-room-description" maxlength=ROOM_DESCRIPTION_MAX as u32
                    hint=tr!(venue.description_hint) error=field_error(add_error, "description")/>
                <SubmitButton action=add label=tr!(venue.add_room)/>
            </Form>
        </section>
    }
}

/// An up or down button for a room.
#[component]
fn MoveButton(slug: String, id: String, direction: &'static str, label: String, moved: ServerAction<MoveRoom>) -> impl IntoView {
    let (arrow, title) = if direction == "up" { ("↑", tr!(venue.move_up)) } else { ("↓", tr!(venue.move_down)) };
    view! {
        <Form action=moved attr:class="org-inline">
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="direction" value=direction/>
            <button type="submit" class="link-button" aria-label=label title=title>{arrow}</button>
        </Form>
    }
}

#[component]
fn RoomLine(
    slug: String,
    r: RoomRow,
    first: bool,
    last: bool,
    update: ServerAction<UpdateRoom>,
    moved: ServerAction<MoveRoom>,
    delete: ServerAction<DeleteRoom>,
) -> impl IntoView {
    let error = action_error(update);
    let p = format!("room-{}-", r.id);
    let open = row_has_error(error, p.clone());
    let id = r.id.to_string();
    let capacity = r.capacity.map(|c| c.to_string()).unwrap_or_default();
    let (up_label, down_label) =
        (tr!(venue.move_room_up, name = &r.name).to_string(), tr!(venue.move_room_down, name = &r.name).to_string());
    let (slug2, id2, slug3, id3, slug4, id4) = (slug.clone(), id.clone(), slug.clone(), id.clone(), slug.clone(), id.clone());
    view! {
        <tr>
            <th scope="row">{r.name.clone()}</th>
            <td>{if capacity.is_empty() { "—".to_string() } else { capacity.clone() }}</td>
            <td>{r.description.clone()}</td>
            <td>
                {(!first).then(|| view! { <MoveButton slug=slug3 id=id3 direction="up" label=up_label moved/> })}
                {(!last).then(|| view! { <MoveButton slug=slug4 id=id4 direction="down" label=down_label moved/> })}
            </td>
        </tr>
        <tr class="org-edit-row">
            <td colspan="4">
                <details open=move || open.get()>
                    <summary>{tr!(venue.edit_or_delete, name = &r.name).to_string()}</summary>
                    <Form action=update row=("id", id2.clone())>
                        <input type="hidden" name="slug" value=slug2/>
                        <input type="hidden" name="id" value=id2/>
                        <div class="grid-2">
                            <OrgField label=tr!(venue.name) name="name" id=format!("{p}name") value=r.name.clone() maxlength=ROOM_NAME_MAX as u32 required=true error=row_error(error, &p, "name")/>
                            <OrgField label=tr!(venue.seats) name="capacity" id=format!("{p}capacity") kind="number" min="1" max=ROOM_CAPACITY_MAX.to_string()
                                value=capacity hint=tr!(venue.seats_hint) error=row_error(error, &p, "capacity")/>
                        </div>
                        <OrgField label=tr!(venue.description) name="description" id=format!("{p}description") value=r.description.clone()
                            maxlength=ROOM_DESCRIPTION_MAX as u32 error=row_error(error, &p, "description")/>
                        <button type="submit" class="button primary">{tr!(venue.save_room)}</button>
                    </Form>
                    <Form action=delete attr:class="org-delete">
                        <input type="hidden" name="slug" value=slug/>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="link-button danger">{tr!(venue.delete_room)}</button>
                    </Form>
                </details>
            </td>
        </tr>
    }
}

#[component]
fn DaysSection(slug: String, time_zone: String, days: Vec<DayRow>, save: ServerAction<SaveDayHours>) -> impl IntoView {
    let error = action_error(save);
    view! {
        <section class="card" id="days">
            <h2>{tr!(venue.days)}</h2>
            <p class="hint">{tr!(venue.days_hint, zone = &time_zone).to_string()}</p>
            <FormError error=general_error(error)/>
            {days.into_iter().map(|d| view! { <DayForm slug=slug.clone() d save error/> }).collect_view()}
        </section>
    }
}

/// A time input on the 5-minute grid.
#[component]
fn TimeField(label: &'static str, name: &'static str, id: String, value: String, error: Signal<Option<String>>) -> impl IntoView {
    let err_id = format!("{id}-error");
    let described = err_id.clone();
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <input id=id name=name type="time" step="300" value=typed_or(name, value) required=true
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| described.clone())/>
            {move || error.get().map(|m| view! { <p class="field-error" id=err_id.clone()>{m}</p> })}
        </div>
    }
}

#[component]
fn DayForm(slug: String, d: DayRow, save: ServerAction<SaveDayHours>, error: Signal<Option<AppError>>) -> impl IntoView {
    let p = format!("day-{}-", d.date);
    let (label, heading) = (d.label.clone(), d.label.clone());
    view! {
        <Form action=save row=("day", d.date.clone()) attr:class="org-day" attr:aria-label=label>
            <h3>{heading}</h3>
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="day" value=d.date.clone()/>
            <div class="grid-2">
                <TimeField label=tr!(venue.opens) name="opens" id=format!("{p}opens") value=d.opens.clone() error=row_error(error, &p, "opens")/>
                <TimeField label=tr!(venue.closes) name="closes" id=format!("{p}closes") value=d.closes.clone() error=row_error(error, &p, "closes")/>
            </div>
            <button type="submit" class="button primary">{tr!(venue.save_hours)}</button>
        </Form>
    }
}
