//! Reviewer pages: the events to review, an event's queue, one proposal with the review form.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_conflicts, load_review_events, load_review_queue, load_review_subject, AllowConflict, SaveReview};
use super::{OtherReview, QueueItem, ReviewQueue, ReviewSubject};
use crate::plumbing::{param, urls};
use crate::ui::{action_error, chosen, field_error, outcome, Choices, Form, FormError, Notice, PageTitle, TextArea};

/// "27 / 41 reviewed", with a progress bar people and screen readers can read.
#[component]
fn Progress(reviewed: usize, total: usize) -> impl IntoView {
    view! {
        <p class="review-progress">
            <label>
                <strong>{reviewed}" / "{total}</strong>" reviewed "
                <progress max=total.max(1) value=reviewed>{reviewed}" of "{total}</progress>
            </label>
        </p>
    }
}

#[component]
pub fn ReviewHomePage() -> impl IntoView {
    let events = Resource::new(|| (), |_| load_review_events());
    view! {
        <PageTitle text="Review — Estrade"/>
        <h1>"Review proposals"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || events.get().map(|r| outcome(r, &urls::review(), |list| {
                if list.is_empty() {
                    return view! { <p class="empty">"You do not review any event. Organisers give the reviewer role from their event's page."</p> }.into_any();
                }
                view! {
                    <ul class="card-list">
                        {list.into_iter().map(|e| view! {
                            <li class="card">
                                <h2><a href=urls::review_queue(&e.event.slug)>{e.event.name.clone()}</a></h2>
                                <p class="meta">{e.event.dates.clone()}" · "{if e.open { "Reviews open" } else { "Reviews closed" }}</p>
                                <Progress reviewed=e.reviewed total=e.total/>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }))}
        </Suspense>
    }
}

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let slug = param("slug");
    let query = use_query_map();
    let filter = move |k: &str| query.read().get(k).unwrap_or_default();
    let queue = Resource::new(move || (slug(), filter("format"), filter("track")), |(s, f, t)| load_review_queue(s, f, t));
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || queue.get().map(|r| outcome(r, &urls::review_queue(slug()), |q| view! {
                <QueueBody q format=filter("format") track=filter("track")/>
            }.into_any()))}
        </Suspense>
    }
}

#[component]
fn QueueBody(q: ReviewQueue, format: String, track: String) -> impl IntoView {
    let s = q.event.slug.clone();
    let base = urls::review_queue(&s);
    let none = Signal::derive(|| None::<String>);
    let offers = |o: &[crate::events::Offer]| o.iter().map(|x| (x.id.to_string(), x.name.clone())).collect::<Vec<_>>();
    let filtered = !format.is_empty() || !track.is_empty();
    view! {
        <PageTitle text=format!("Review — {}", q.event.name)/>
        <p class="meta"><a href=urls::review()>"Review"</a>" · "{q.event.dates.clone()}</p>
        <h1>"Review “"{q.event.name.clone()}"”"</h1>
        <section class="card">
            <Progress reviewed=q.reviewed total=q.total/>
            {(!q.closing.is_empty()).then(|| view! { <p>{q.closing.clone()}</p> })}
            {(q.excluded > 0).then(|| view! {
                <p class="hint">{q.excluded}" proposal(s) are left out of your queue: you speak in them, or they come from your company."</p>
            })}
            {match q.next.clone() {
                Some(code) => view! { <a class="button primary" href=urls::review_proposal(&s, &code)>"Review the next proposal"</a> }.into_any(),
                None => view! { <p><strong>"Nothing left to review here. Thank you!"</strong></p> }.into_any(),
            }}
        </section>
        <form method="get" action=base.clone() class="card org-filters" role="search">
            <h2>"Filter"</h2>
            <div class="grid-2">
                <Choices label="Format" name="format" options=offers(&q.formats) selected=format placeholder="Any format" error=none/>
                <Choices label="Track" name="track" options=offers(&q.tracks) selected=track placeholder="Any track" error=none/>
            </div>
            <button type="submit" class="button">"Filter"</button>" "
            {filtered.then(|| view! { <a href=base.clone()>"Clear the filters"</a> })}
        </form>
        <QueueTable slug=q.event.slug.clone() items=q.items/>
    }
}

#[component]
fn QueueTable(slug: String, items: Vec<QueueItem>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">"No proposal to review here."</p> }.into_any();
    }
    view! {
        <div class="org-table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">"Title"</th><th scope="col">"Format"</th><th scope="col">"Track"</th>
                    <th scope="col">"Level"</th><th scope="col">"Language"</th><th scope="col">"Your score"</th>
                </tr></thead>
                <tbody>
                    {items.into_iter().map(|i| view! {
                        <tr>
                            <td><a href=urls::review_proposal(&slug, &i.code)>{i.title}</a></td>
                            <td>{i.format}</td>
                            <td>{i.track}</td>
                            <td>{i.level}</td>
                            <td>{i.language}</td>
                            <td>{match i.my_score {
                                Some(s) => view! { <strong>{s}</strong> }.into_any(),
                                None => view! { <span class="badge warn">"To review"</span> }.into_any(),
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn ReviewProposalPage() -> impl IntoView {
    let slug = param("slug");
    let code = param("code");
    let save = ServerAction::<SaveReview>::new();
    let query = use_query_map();
    let subject = Resource::new(move || (slug(), code(), save.version().get()), |(s, c, _)| load_review_subject(s, c));
    let saved = move || query.read().get("saved").filter(|s| !s.is_empty());
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || subject.get().map(|r| outcome(r, &urls::review_proposal(slug(), code()), |p| {
                let notice = saved().map(|c| if c == p.code { "Review saved." } else { "Review saved. Here is the next proposal." });
                view! {
                    {notice.map(|text| view! { <Notice>{text}</Notice> })}
                    <SubjectBody p save/>
                }.into_any()
            }))}
        </Suspense>
    }
}

#[component]
fn SubjectBody(p: ReviewSubject, save: ServerAction<SaveReview>) -> impl IntoView {
    let s = p.event.slug.clone();
    view! {
        <PageTitle text=format!("Review: {} — {}", p.title, p.event.name)/>
        <p class="meta"><a href=urls::review_queue(&s)>"← Queue of "{p.event.name.clone()}</a>" · "{p.reviewed}" / "{p.total}" reviewed"</p>
        <h1>{p.title.clone()}</h1>
        <p class="badges">
            <span class="badge">{p.format.clone()}</span>" "<span class="badge">{p.track.clone()}</span>" "
            <span class="badge">{p.level.clone()}</span>" "<span class="badge">{p.language.clone()}</span>
        </p>
        <div class="review-layout">
            <article class="card">
                <h2>"Abstract"</h2>
                <div class="prose" inner_html=p.summary_html.html()></div>
                <h2>"Details for reviewers"</h2>
                <div class="prose" inner_html=p.details_html.html()></div>
                {(!p.references_html.is_empty()).then(|| view! { <h2>"References"</h2><div class="prose" inner_html=p.references_html.html()></div> })}
                <Speakers speakers=p.speakers.clone()/>
            </article>
            <aside>
                <ReviewForm p=p.clone() save/>
                <Others others=p.others.clone()/>
            </aside>
        </div>
    }
}

#[component]
fn Speakers(speakers: Option<Vec<super::NamedSpeaker>>) -> impl IntoView {
    match speakers {
        None => view! { <p class="hint">"Anonymous review: who speaks is hidden until the organisers lift anonymity."</p> }.into_any(),
        Some(list) => view! {
            <h2>"Speakers"</h2>
            {list.into_iter().map(|sp| view! {
                <section class="speaker-card">
                    <h3>{sp.name}</h3>
                    <p class="meta">{sp.job_title}{(!sp.company.is_empty()).then(|| format!(" · {}", sp.company))}</p>
                    <div class="prose" inner_html=sp.bio_html.html()></div>
                </section>
            }).collect_view()}
        }
        .into_any(),
    }
}

const SCORES: [(&str, &str); 7] =
    [("0", "0 — not for us"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5 — must have"), ("none", "No opinion")];

#[component]
fn ReviewForm(p: ReviewSubject, save: ServerAction<SaveReview>) -> impl IntoView {
    let error = action_error(save);
    let score_error = field_error(error, "score");
    let comment_error = field_error(error, "comment");
    if !p.open {
        return view! {
            <section class="card">
                <h2>"Your review"</h2>
                <p>"Reviews are closed."</p>
                {(!p.my_score.is_empty()).then(|| view! { <p>"Your score: "<strong>{if p.my_score == "none" { "No opinion".to_string() } else { p.my_score.clone() }}</strong></p> })}
                {(!p.my_comment.is_empty()).then(|| view! { <p>{p.my_comment.clone()}</p> })}
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card">
            <h2>"Your review"</h2>
            <FormError error/>
            <Form action=save>
                <input type="hidden" name="slug" value=p.event.slug.clone()/>
                <input type="hidden" name="code" value=p.code.clone()/>
                <fieldset class="score-choices" class:has-error=move || score_error.get().is_some()>
                    <legend>"Score"</legend>
                    {SCORES.into_iter().map(|(value, label)| {
                        let id = format!("score-{value}");
                        let for_id = id.clone();
                        view! {
                            <label for=for_id class="score-choice">
                                <input type="radio" id=id name="score" value=value checked=chosen("score", value, p.my_score == value) required=true/>" "{label}
                            </label>
                        }
                    }).collect_view()}
                    {move || score_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                </fieldset>
                <TextArea label="Comment for the team" name="comment" value=p.my_comment.clone() rows=5 maxlength=2000
                    hint="Optional. Other reviewers and organisers read it; speakers never do." error=comment_error/>
                {match p.next.clone() {
                    Some(next) => view! {
                        <button type="submit" class="button primary" name="next" value=next>"Save and review the next"</button>" "
                        <button type="submit" class="button">"Save"</button>
                    }.into_any(),
                    None => view! { <button type="submit" class="button primary">"Save"</button> }.into_any(),
                }}
            </Form>
        </section>
    }
    .into_any()
}

#[component]
fn Others(others: Option<Vec<OtherReview>>) -> impl IntoView {
    view! {
        <section class="card">
            <h2>"Other reviews"</h2>
            {match others {
                None => view! { <p class="hint">"Other reviewers' scores appear once you have saved yours."</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="hint">"No other review yet."</p> }.into_any(),
                Some(list) => view! {
                    <ul class="other-reviews">
                        {list.into_iter().map(|o| view! {
                            <li><strong>{o.reviewer}</strong>": "{o.score}{(!o.comment.is_empty()).then(|| view! { <p>{o.comment}</p> })}</li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

/// Organisers: reviewers flagged for proposals from their own company, with a way to lift each.
#[component]
pub fn ConflictsPage() -> impl IntoView {
    let slug = param("slug");
    let allow = ServerAction::<AllowConflict>::new();
    let error = action_error(allow);
    let view_data = Resource::new(move || (slug(), allow.version().get()), |(s, _)| load_conflicts(s));
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || view_data.get().map(|r| outcome(r, &urls::admin_conflicts(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=format!("Conflicts of interest — {}", v.event.name)/>
                    <p class="meta"><a href=urls::admin_event(&s)>"Manage "{v.event.name.clone()}</a></p>
                    <h1>"Conflicts of interest"</h1>
                    <p>"A reviewer never sees a proposal they speak in. Proposals from a reviewer's own company (as written on their profiles) are left out of that reviewer's queue unless you allow it here."</p>
                    <FormError error/>
                    {if v.rows.is_empty() {
                        view! { <p class="empty">"No reviewer shares a company with a speaker."</p> }.into_any()
                    } else {
                        view! {
                            <div class="org-table-wrap"><table class="table">
                                <thead><tr><th scope="col">"Proposal"</th><th scope="col">"Reviewer"</th><th scope="col">"Company"</th><th scope="col">"Review allowed"</th></tr></thead>
                                <tbody>{v.rows.into_iter().map(|c| { let s = s.clone(); view! {
                                    <tr>
                                        <td>{c.title}</td><td>{c.reviewer}</td><td>{c.company}</td>
                                        <td>{if c.allowed { view! { <span class="badge ok">"Allowed"</span> }.into_any() } else { view! {
                                            <Form action=allow attr:class="inline-form">
                                                <input type="hidden" name="slug" value=s.clone()/>
                                                <input type="hidden" name="code" value=c.code/>
                                                <input type="hidden" name="email" value=c.reviewer_email/>
                                                <button type="submit" class="button small">"Allow"</button>
                                            </Form>
                                        }.into_any() }}</td>
                                    </tr>
                                }}).collect_view()}</tbody>
                            </table></div>
                        }.into_any()
                    }}
                }.into_any()
            }))}
        </Suspense>
    }
}
