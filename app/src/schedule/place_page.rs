//! "Place…": the keyboard (and no-JavaScript) way to put an item on the grid, with selects for the
//! day, the room and the start time. The server applies the same rules as a drop.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_builder, PlaceItem, UnplaceItem};
use super::{kind_name, BuilderItem, BuilderView};
use crate::error::AppError;
use crate::plumbing::{general_error, param, urls};
use crate::tr;
use crate::ui::{action_error, field_error, outcome, Choices, Form, FormError, OrgField, PageTitle, SubmitButton};
use domain::timetable::Kind;

/// Day, room, start and length fields, as `schedule::place::Where` reads them.
#[component]
pub fn WhereFields(
    v: BuilderView,
    day: String,
    room: String,
    start: String,
    minutes: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let days: Vec<(String, String)> = v.days.iter().map(|d| (d.date.clone(), d.label.clone())).collect();
    let rooms: Vec<(String, String)> = v
        .rooms
        .iter()
        .map(|r| (r.id.to_string(), r.name.clone()))
        .chain([("all".to_string(), tr!(schedule.place.all_rooms_choice).to_string())])
        .collect();
    let mut times: Vec<String> = v.days.iter().flat_map(|d| d.rows.clone()).collect();
    times.sort();
    times.dedup();
    let start = if start.is_empty() {
        v.days.iter().find(|d| d.date == day).and_then(|d| d.rows.first().cloned()).unwrap_or_default()
    } else {
        start
    };
    let times = times.into_iter().map(|t| (t.clone(), t)).collect();
    view! {
        <div class="grid-2">
            <Choices label=tr!(schedule.place.day) name="day" options=days selected=day error=field_error(error, "day")/>
            <Choices label=tr!(schedule.place.room) name="room" options=rooms selected=room error=field_error(error, "room")/>
            <Choices label=tr!(schedule.place.starts_at) name="start" options=times selected=start error=field_error(error, "start")/>
            <OrgField label=tr!(schedule.place.minutes) name="minutes" id="f-minutes" kind="number" min="5" max="600" value=minutes required=true
                error=field_error(error, "minutes")/>
        </div>
    }
}

#[component]
pub fn PlacePage() -> impl IntoView {
    let slug = param("slug");
    let item = param("item");
    let place = ServerAction::<PlaceItem>::new();
    let unplace = ServerAction::<UnplaceItem>::new();
    let builder = Resource::new(move || slug(), load_builder);
    view! {
        <Transition fallback=|| view! { <p>{tr!(schedule.loading)}</p> }>
            {move || builder.get().map(|r| outcome(r, &urls::admin_schedule_place(slug(), item()), |v| {
                let found = item().parse::<i32>().ok().and_then(|id| v.item(id).cloned());
                match found {
                    Some(i) => view! { <PlaceForm v i place unplace/> }.into_any(),
                    None => view! { <p>{tr!(schedule.place.not_found)}</p> }.into_any(),
                }
            }))}
        </Transition>
    }
}

#[component]
fn PlaceForm(v: BuilderView, i: BuilderItem, place: ServerAction<PlaceItem>, unplace: ServerAction<UnplaceItem>) -> impl IntoView {
    let query = use_query_map();
    let error = action_error(place);
    let s = v.event.slug.clone();
    let asked_day = query.read_untracked().get("day").unwrap_or_default();
    let (day, room, start) = match &i.placed {
        Some(p) => (p.date.clone(), p.room.map(|r| r.to_string()).unwrap_or_else(|| "all".into()), p.starts.clone()),
        None => {
            let day = v.days.iter().find(|d| d.date == asked_day).or(v.days.first()).map(|d| d.date.clone()).unwrap_or_default();
            (day, v.rooms.first().map(|r| r.id.to_string()).unwrap_or_default(), String::new())
        }
    };
    let back = format!("{}?day={day}", urls::admin_schedule(&s));
    let now = match &i.placed {
        Some(p) => {
            let day = v.days.iter().find(|d| d.date == p.date).map_or_else(|| p.date.clone(), |d| d.label.clone());
            tr!(schedule.place.now, day = day, starts = &p.starts, ends = &p.ends, room = v.room_name(p.room)).to_string()
        }
        None => tr!(schedule.place.not_placed).to_string(),
    };
    let format_line = match i.format_minutes {
        Some(m) => tr!(schedule.place.format_says, format = &i.format, minutes = m).to_string(),
        None => kind_name(i.kind).to_string(),
    };
    let warnings: Vec<String> = v.warnings.iter().filter(|w| w.item == i.id).map(|w| w.message.clone()).collect();
    let (s2, day2) = (s.clone(), day.clone());
    let off_label = if i.kind == Kind::Talk { tr!(schedule.place.back_to_unscheduled) } else { tr!(schedule.place.remove) };
    view! {
        <PageTitle text=tr!(schedule.place.title, title = &i.title).to_string()/>
        <p class="meta"><a href=back.clone()>{tr!(schedule.place.back)}</a></p>
        <h1>{tr!(schedule.place.title, title = &i.title).to_string()}</h1>
        <p>{format_line}{(!i.speaker_names.is_empty()).then(|| format!(" · {}", i.speaker_names.join(", ")))}</p>
        <p>{now}</p>
        {(!warnings.is_empty()).then(|| view! { <ul class="sched-warnings">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul> })}
        <section class="card">
            <FormError error=general_error(error)/>
            <Form action=place>
                <input type="hidden" name="slug" value=s.clone()/>
                <input type="hidden" name="item" value=i.id.to_string()/>
                <input type="hidden" name="version" value=i.version.to_string()/>
                <WhereFields v=v.clone() day=day.clone() room start minutes=i.minutes.to_string() error/>
                <SubmitButton action=place label=tr!(schedule.place.button)/>
            </Form>
        </section>
        {i.placed.is_some().then(move || view! {
            <FormError error=action_error(unplace)/>
            <Form action=unplace attr:class="org-delete">
                <input type="hidden" name="slug" value=s2/>
                <input type="hidden" name="item" value=i.id.to_string()/>
                <input type="hidden" name="version" value=i.version.to_string()/>
                <input type="hidden" name="day" value=day2/>
                <button type="submit" class="button">{off_label}</button>
            </Form>
        })}
    }
}
