//! Public pages: the home page with its events, and an event's landing page.
use leptos::prelude::*;

use super::api::{get_event, listed_events};
use super::EventSummary;
use crate::plumbing::param;
use crate::ui::{NotFoundNotice, PageTitle};

#[component]
fn EventCard(event: EventSummary) -> impl IntoView {
    view! {
        <li class="card event-card">
            <h3><a href=format!("/events/{}", event.slug)>{event.name}</a></h3>
            <p class="meta">{event.dates}" · "{event.city}" · "{event.venue}</p>
        </li>
    }
}

fn event_list(events: Vec<EventSummary>, empty: &'static str) -> AnyView {
    if events.is_empty() {
        view! { <p class="empty">{empty}</p> }.into_any()
    } else {
        view! { <ul class="event-list">{events.into_iter().map(|event| view! { <EventCard event/> }).collect_view()}</ul> }.into_any()
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let lists = Resource::new(|| (), |_| listed_events());
    view! {
        <PageTitle text="Estrade — volunteer-run tech conferences"/>
        <section class="hero">
            <h1>"Estrade"</h1>
            <p>"Calls for papers, reviews, schedules, volunteers and partner villages for community tech conferences."</p>
        </section>
        <Suspense fallback=|| view! { <p>"Loading events…"</p> }>
            {move || lists.get().map(|r| match r {
                Ok(lists) => view! {
                    <section aria-labelledby="upcoming">
                        <h2 id="upcoming">"Upcoming events"</h2>
                        {event_list(lists.upcoming, "No upcoming event yet.")}
                    </section>
                    <section aria-labelledby="past">
                        <h2 id="past">"Past events"</h2>
                        {event_list(lists.past, "No past event.")}
                    </section>
                }.into_any(),
                Err(e) => view! { <p class="notice notice-error">{e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
pub fn EventPage() -> impl IntoView {
    let event = Resource::new(param("slug"), get_event);
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || event.get().map(|r| match r {
                Ok(e) => view! {
                    <PageTitle text=format!("{} — Estrade", e.summary.name)/>
                    <article class="event">
                        <h1>{e.summary.name.clone()}</h1>
                        <p class="meta">{e.summary.dates.clone()}" · "{e.summary.venue.clone()}", "{e.summary.city.clone()}</p>
                        <p class="meta">"Times are shown in "{e.time_zone.clone()}"."</p>
                        <div class="description">
                            {e.description.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
                        </div>
                        <p class="actions">
                            <a class="button primary" href=format!("/events/{}/agenda", e.summary.slug) rel="external">"Agenda"</a>
                            " "<a class="button" href=format!("/events/{}/cfp", e.summary.slug)>"Call for papers"</a>
                        </p>
                        {e.can_manage.then(|| view! {
                            <p><a class="button" href=format!("/admin/events/{}", e.summary.slug)>"Manage this event"</a></p>
                        })}
                    </article>
                }.into_any(),
                Err(_) => view! { <NotFoundNotice/> }.into_any(),
            })}
        </Suspense>
    }
}
