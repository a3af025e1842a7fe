//! The schedule builder page: day tabs, the board (unscheduled talks + grid), the conflicts panel,
//! adding breaks and plenaries, and publishing.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_builder, AddScheduleItem, PlaceItem, PublishSchedule, UnplaceItem};
use super::grid::{Board, DropNote};
use super::place_page::WhereFields;
use super::{kind_name, BuilderView};
use crate::plumbing::{general_error, param, urls};
use crate::tr;
use crate::ui::{action_error, field_error, outcome, query_flag, Choices, Form, FormError, Notice, OrgField, PageTitle, SubmitButton};
use domain::timetable::{Kind, TITLE_MAX};

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
        (query_flag("placed"), tr!(schedule.builder.placed)),
        (query_flag("unplaced"), tr!(schedule.builder.unplaced)),
        (query_flag("added"), tr!(schedule.builder.added)),
        (query_flag("published"), tr!(schedule.builder.published)),
        (query_flag("unchanged"), tr!(schedule.builder.unchanged)),
    ];
    let placed_warnings = Signal::derive(move || place.value().get().and_then(|r| r.ok()).unwrap_or_default());
    let note = RwSignal::new(None::<DropNote>);
    provide_context(note);
    // The server's answer to a drop replaces "Placing…" beside it.
    Effect::new(move |_| {
        let Some(answer) = place.value().get() else { return };
        let (text, refused) = match answer {
            Ok(w) if w.is_empty() => (tr!(schedule.builder.placed).to_string(), false),
            Ok(w) => (tr!(schedule.builder.placed_but_check, warnings = w.join(" ")).to_string(), false),
            Err(e) => (e.text(), true),
        };
        note.update(|n| {
            if let Some(n) = n.as_mut() {
                n.text = text;
                n.refused = refused;
            }
        });
    });
    view! {
        <Transition fallback=|| view! { <p>{tr!(schedule.loading)}</p> }>
            {move || builder.get().map(|r| outcome(r, &urls::admin_schedule(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=tr!(schedule.builder.title, event = &v.event.name).to_string()/>
                    <p class="meta">
                        <a href=urls::admin_event(&s)>{tr!(schedule.builder.manage, event = &v.event.name).to_string()}</a>" · "
                        <a href=urls::admin_venue(&s)>{tr!(schedule.builder.rooms_and_days)}</a>" · "
                        <a href=urls::admin_schedule_versions(&s)>{tr!(schedule.builder.published_versions)}</a>" · "
                        <a href=format!("/events/{s}/agenda") rel="external">{tr!(schedule.builder.public_agenda)}</a>" · "
                        <a href=urls::admin_schedule_interest(&s)>{tr!(schedule.builder.audience_interest)}</a>" · "
                        <a href=urls::admin_schedule_import(&s)>{tr!(schedule.builder.import)}</a>
                    </p>
                    <h1>{tr!(schedule.builder.heading)}</h1>
                    <div aria-live="polite">
                        {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
                        {move || (!placed_warnings.get().is_empty()).then(|| view! {
                            <p class="notice notice-warn">{tr!(schedule.builder.placed_but_check, warnings = placed_warnings.get().join(" ")).to_string()}</p>
                        })}
                        <FormError error=action_error(place)/>
                        <FormError error=action_error(unplace)/>
                    </div>
                    {if v.rooms.is_empty() {
                        view! { <section class="card"><p>{tr!(schedule.builder.no_rooms)}</p><a class="button primary" href=urls::admin_venue(&s)>{tr!(schedule.builder.set_up_rooms)}</a></section> }.into_any()
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
    let summary = format!(
        "{} {} {}",
        tr!(schedule.builder.times_in, zone = &v.time_zone),
        tr!(schedule.builder.waiting, count = unscheduled as i32),
        tr!(schedule.builder.on_schedule, count = (v.items.len() - unscheduled) as i32)
    );
    view! {
        <nav class="tabs" aria-label=tr!(schedule.builder.days)>{tabs}</nav>
        <p class="hint">{summary}</p>
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
            <h2 id="conflicts-heading">{tr!(schedule.builder.conflicts)}</h2>
            {if v.warnings.is_empty() {
                view! { <p class="empty">{tr!(schedule.builder.no_warnings)}</p> }.into_any()
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
        Some(l) => tr!(schedule.publish.attendees_see, name = &l.name, when = &l.published).to_string(),
        None => tr!(schedule.publish.never_published).to_string(),
    };
    view! {
        <section class="card" id="publish" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{tr!(schedule.publish.heading)}</h2>
            <p>{latest}</p>
            {if v.pending.is_empty() {
                view! { <p class="empty">{tr!(schedule.publish.nothing_pending)}</p> }.into_any()
            } else {
                view! {
                    <p>{tr!(schedule.publish.pending, count = v.pending.len() as i32).to_string()}</p>
                    <ul class="sched-pending">{v.pending.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                }.into_any()
            }}
            <FormError error=general_error(error)/>
            <Form action=publish>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <OrgField label=tr!(schedule.publish.version_name) name="name" id="version-name" maxlength=TITLE_MAX as u32
                    hint=tr!(schedule.publish.version_name_hint) error=field_error(error, "name")/>
                <SubmitButton action=publish label=tr!(schedule.publish.button)/>
            </Form>
        </section>
    }
}

#[component]
fn AddItemCard(v: BuilderView, day: String, add: ServerAction<AddScheduleItem>) -> impl IntoView {
    let error = action_error(add);
    let kinds: Vec<(String, String)> = Kind::EXTRAS
        .iter()
        .map(|k| (k.key().to_string(), tr!(schedule.add.kind_usually, kind = kind_name(*k), minutes = k.usual_minutes()).to_string()))
        .collect();
    view! {
        <section class="card" id="add-item" aria-labelledby="add-heading">
            <h2 id="add-heading">{tr!(schedule.add.heading)}</h2>
            <FormError error=general_error(error)/>
            <Form action=add>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <div class="grid-2">
                    <Choices label=tr!(schedule.add.what) name="kind" options=kinds selected="break" error=field_error(error, "kind")/>
                    <OrgField label=tr!(schedule.add.title) name="title" id="add-title" maxlength=TITLE_MAX as u32 required=true
                        hint=tr!(schedule.add.title_hint) error=field_error(error, "title")/>
                </div>
                <WhereFields v=v.clone() day room="all".to_string() start=String::new() minutes="15".to_string() error/>
                <SubmitButton action=add label=tr!(schedule.add.button)/>
            </Form>
        </section>
    }
}
