//! Public pages: the home page with its events, and an event's landing page.
use leptos::prelude::*;

use super::api::{get_event, listed_events};
use super::EventSummary;
use crate::plumbing::param;
use crate::tr;
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
        <PageTitle text=tr!(events.home.title)/>
        {crate::ui::query_flag("erased").get_untracked().then(|| view! { <crate::ui::Notice>{tr!(events.home.erased)}</crate::ui::Notice> })}
        <section class="hero">
            <h1>"Estrade"</h1>
            <p>{tr!(events.home.tagline)}</p>
        </section>
        <Suspense fallback=|| view! { <p>{tr!(events.home.loading)}</p> }>
            {move || lists.get().map(|r| match r {
                Ok(lists) => view! {
                    <section aria-labelledby="upcoming">
                        <h2 id="upcoming">{tr!(events.home.upcoming)}</h2>
                        {event_list(lists.upcoming, tr!(events.home.no_upcoming))}
                    </section>
                    <section aria-labelledby="past">
                        <h2 id="past">{tr!(events.home.past)}</h2>
                        {event_list(lists.past, tr!(events.home.no_past))}
                    </section>
                }.into_any(),
                Err(e) => view! { <p class="notice notice-error">{e.text()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
pub fn EventPage() -> impl IntoView {
    let event = Resource::new(param("slug"), get_event);
    view! {
        <Suspense fallback=|| view! { <p>{tr!(events.page.loading)}</p> }>
            {move || event.get().map(|r| match r {
                Ok(e) => view! {
                    <PageTitle text=tr!(events.page.title, name = &e.summary.name).to_string()/>
                    <article class="event">
                        <h1>{e.summary.name.clone()}</h1>
                        <p class="meta">{e.summary.dates.clone()}" · "{e.summary.venue.clone()}", "{e.summary.city.clone()}</p>
                        <p class="meta">{tr!(events.page.times_in, zone = &e.time_zone).to_string()}</p>
                        <div class="description">
                            {e.description.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
                        </div>
                        {(!e.agenda_published).then(|| view! { <p class="meta">{tr!(events.page.agenda_to_come)}</p> })}
                        <p class="actions">
                            {e.agenda_published.then(|| view! {
                                <a class="button primary" href=format!("/events/{}/agenda", e.summary.slug)>{tr!(events.page.agenda)}</a>" "
                            })}
                            <a class="button" class:primary=!e.agenda_published href=format!("/events/{}/cfp", e.summary.slug)>{tr!(events.page.cfp)}</a>
                        </p>
                        <p>{if e.volunteers_here {
                            view! { <a class="button" href=crate::plumbing::urls::volunteer_board(&e.summary.slug) rel="external">{tr!(events.page.volunteer_shifts)}</a> }.into_any()
                        } else {
                            view! { <a class="button" href=crate::plumbing::urls::volunteer_call(&e.summary.slug) rel="external">{tr!(events.page.volunteer_call)}</a> }.into_any()
                        }}</p>
                        <p>
                            <a class="button" href=crate::plumbing::urls::village(&e.summary.slug) rel="external">{tr!(events.page.village)}</a>" "
                            <a class="button" href=crate::plumbing::urls::partners_prospectus(&e.summary.slug) rel="external">{tr!(events.page.become_partner)}</a>
                        </p>
                        {(!e.partner_logos.is_empty()).then(|| view! {
                            <section class="partner-logos">
                                <h2>{tr!(events.page.partners)}</h2>
                                {e.partner_logos.iter().map(|(tier, logos)| view! {
                                    <h3>{tier.clone()}</h3>
                                    <ul>{logos.iter().map(|(name, code, src)| view! {
                                        <li><a href=crate::plumbing::urls::village_partner(&e.summary.slug, code) rel="external">
                                            <img class="logo" src=src.clone() alt=name.clone() width="120" height="60"/>
                                        </a></li>
                                    }).collect_view()}</ul>
                                }).collect_view()}
                            </section>
                        })}
                        {e.can_manage.then(|| view! {
                            <p><a class="button" href=format!("/admin/events/{}", e.summary.slug)>{tr!(events.page.manage)}</a></p>
                        })}
                    </article>
                }.into_any(),
                Err(_) => view! { <NotFoundNotice/> }.into_any(),
            })}
        </Suspense>
    }
}
