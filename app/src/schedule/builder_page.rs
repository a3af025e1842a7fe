//! The schedule builder page: day tabs, the board (unscheduled talks + grid), the conflicts panel,
//! adding breaks and plenaries, and publishing.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_builder, AddScheduleItem, PlaceItem, PublishSchedule, UnplaceItem};
use super::grid::Board;
use super::place_page::WhereFields;
use super::BuilderView;
use crate::plumbing::{general_error, param, urls};
use crate::ui::{action_error, field_error, outcome, query_flag, Choices, Form, FormError, Notice, OrgField, PageTitle, SubmitButton};
use domain::timetable::{Kind, TITLE_MAX};

const NO_ROOMS: &str = "This event has no rooms yet. Add them, with each day's opening hours, before building the schedule.";
const NO_WARNINGS: &str = "No conflicts: every placed item fits.";
const NOTHING_PENDING: &str = "Nothing to publish: the work in progress is the published version.";
const NEVER_PUBLISHED: &str = "Not published yet: attendees see no schedule.";

#[component]
pub fn BuilderPage() -> impl IntoView {
    let slug = param("slug");
    let place = ServerAction::<PlaceItem>::new();
    let unplace = ServerAction::<UnplaceItem>::new();
    let add = ServerAction::<AddScheduleItem>::new();
    let publish = ServerAction::<PublishSchedule>::new();
    let versions = move || place.version().get() + unplace.version().get() + add.version().get() + publish.version().get();
    let builder = Resource::new(move || (slug(), versions()), |(s, _)| load_builder(s));
    let flags = [
        (query_flag("placed"), "Placed."),
        (query_flag("unplaced"), "Taken off the grid."),
        (query_flag("added"), "Added to the schedule."),
        (query_flag("published"), "Published. Speakers whose talks were added or moved are being mailed."),
        (query_flag("unchanged"), "Nothing changed since the last version: nothing published, nobody mailed."),
    ];
    let placed_warnings = Signal::derive(move || place.value().get().and_then(|r| r.ok()).unwrap_or_default());
    view! {
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || builder.get().map(|r| outcome(r, &urls::admin_schedule(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=format!("Schedule — {}", v.event.name)/>
                    <p class="meta">
                        <a href=urls::admin_event(&s)>"Manage "{v.event.name.clone()}</a>" · "
                        <a href=urls::admin_venue(&s)>"Rooms and days"</a>" · "
                        <a href=urls::admin_schedule_versions(&s)>"Published versions"</a>" · "
                        <a href=format!("/events/{s}/agenda") rel="external">"Public agenda"</a>" · "
                        <a href=urls::admin_schedule_interest(&s)>"Audience interest"</a>" · "
                        <a href=urls::admin_schedule_import(&s)>"Import a pretalx/frab schedule"</a>
                    </p>
                    <h1>"Schedule"</h1>
                    <div aria-live="polite">
                        {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
                        {move || (!placed_warnings.get().is_empty()).then(|| view! {
                            <p class="notice notice-warn">{format!("Placed, but check: {}", placed_warnings.get().join(" "))}</p>
                        })}
                        <FormError error=action_error(place)/>
                        <FormError error=action_error(unplace)/>
                    </div>
                    {if v.rooms.is_empty() {
                        view! { <section class="card"><p>{NO_ROOMS}</p><a class="button primary" href=urls::admin_venue(&s)>"Set up rooms and days"</a></section> }.into_any()
                    } else {
                        view! { <Builder v=v.clone() place unplace add publish/> }.into_any()
                    }}
                }
                .into_any()
            }))}
        </Transition>
    }
}

#[component]
fn Builder(
    v: BuilderView,
    place: ServerAction<PlaceItem>,
    unplace: ServerAction<UnplaceItem>,
    add: ServerAction<AddScheduleItem>,
    publish: ServerAction<PublishSchedule>,
) -> impl IntoView {
    let query = use_query_map();
    let slug = v.event.slug.clone();
    let first = v.days.first().map(|d| d.date.clone()).unwrap_or_default();
    let chosen = query.read_untracked().get("day").filter(|d| v.days.iter().any(|x| &x.date == d)).unwrap_or(first);
    let day = v.days.iter().find(|d| d.date == chosen).cloned();
    let tabs = v
        .days
        .iter()
        .map(|d| {
            let current = (d.date == chosen).then_some("page");
            view! { <a href=format!("{}?day={}", urls::admin_schedule(&slug), d.date) aria-current=current class="tab">{d.label.clone()}</a> }
        })
        .collect_view();
    let unscheduled = v.items.iter().filter(|i| i.placed.is_none()).count();
    view! {
        <nav class="tabs" aria-label="Days">{tabs}</nav>
        <p class="hint">{format!("Times in {}. {} talk(s) wait to be placed; {} item(s) on the schedule.", v.time_zone, unscheduled, v.items.len() - unscheduled)}</p>
        {day.map(|d| view! { <Board view=v.clone() day=d slug=slug.clone() place unplace/> })}
        <div class="grid-2 sched-below">
            <ConflictsPanel v=v.clone()/>
            <PublishCard v=v.clone() publish/>
        </div>
        <AddItemCard v day=chosen add/>
    }
}

#[component]
fn ConflictsPanel(v: BuilderView) -> impl IntoView {
    view! {
        <section class="card" id="conflicts" aria-labelledby="conflicts-heading">
            <h2 id="conflicts-heading">"Conflicts and warnings"</h2>
            {if v.warnings.is_empty() {
                view! { <p class="empty">{NO_WARNINGS}</p> }.into_any()
            } else {
                view! {
                    <ul class="sched-warnings">
                        {v.warnings.into_iter().map(|w| view! { <li><strong>{w.title}</strong>": "{w.message}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn PublishCard(v: BuilderView, publish: ServerAction<PublishSchedule>) -> impl IntoView {
    let error = action_error(publish);
    let latest = match &v.latest {
        Some(l) => format!("Attendees see {}, published {}.", l.name, l.published),
        None => NEVER_PUBLISHED.to_string(),
    };
    view! {
        <section class="card" id="publish" aria-labelledby="publish-heading">
            <h2 id="publish-heading">"Publish"</h2>
            <p>{latest}</p>
            {if v.pending.is_empty() {
                view! { <p class="empty">{NOTHING_PENDING}</p> }.into_any()
            } else {
                view! {
                    <p>{format!("{} change(s) not published yet:", v.pending.len())}</p>
                    <ul class="sched-pending">{v.pending.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                }.into_any()
            }}
            <FormError error=general_error(error)/>
            <Form action=publish>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <OrgField label="Version name" name="name" id="version-name" maxlength=TITLE_MAX as u32
                    hint="Optional, e.g. “after the keynote swap”. The number and date are added." error=field_error(error, "name")/>
                <SubmitButton action=publish label="Publish the schedule"/>
            </Form>
        </section>
    }
}

#[component]
fn AddItemCard(v: BuilderView, day: String, add: ServerAction<AddScheduleItem>) -> impl IntoView {
    let error = action_error(add);
    let kinds: Vec<(String, String)> =
        Kind::EXTRAS.iter().map(|k| (k.key().to_string(), format!("{} (usually {} min)", k.label(), k.usual_minutes()))).collect();
    view! {
        <section class="card" id="add-item" aria-labelledby="add-heading">
            <h2 id="add-heading">"Add a break, lunch or plenary"</h2>
            <FormError error=general_error(error)/>
            <Form action=add>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <div class="grid-2">
                    <Choices label="What" name="kind" options=kinds selected="break" error=field_error(error, "kind")/>
                    <OrgField label="Title" name="title" id="add-title" maxlength=TITLE_MAX as u32 required=true
                        hint="As attendees will read it: “Lunch”, “Opening keynote”…" error=field_error(error, "title")/>
                </div>
                <WhereFields v=v.clone() day room="all".to_string() start=String::new() minutes="15".to_string() error/>
                <SubmitButton action=add label="Add to the schedule"/>
            </Form>
        </section>
    }
}
