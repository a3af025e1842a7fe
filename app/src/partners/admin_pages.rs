//! The organisers' village pages: `/admin/events/:slug/partners` (tiers, applications with what
//! each partner still owes, settings) and `/admin/events/:slug/partners/:id` (one partner: decide,
//! steps, notes). Served without the app's wasm; every form posts and comes back.
use leptos::prelude::*;

use super::admin_api::{
    load_partner_admin, load_partners_admin, DecidePartner, DeleteTier, MarkPartnerStep, SavePartnerNotes, SaveTier, SaveVillageSettings,
};
use super::views::{AdminView, PartnerAdminView, PartnerRow, TierView, VillageSettingsView};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{
    action_error, field_error, outcome, query_flag, Check, Form, FormError, Notice, OrgField, PageTitle, SubmitButton, TextArea,
    VersionFields, Versions,
};

#[component]
pub fn PartnersAdminPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(slug, load_partners_admin);
    view! {
        <Suspense fallback=|| view! { <p>{tr!(partners.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::admin_partners(slug()), |v| view! { <Admin v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn Admin(v: AdminView) -> impl IntoView {
    let slug = v.event.slug.clone();
    let flags = [
        (query_flag("tier_saved"), tr!(partners.admin.tier_saved)),
        (query_flag("tier_deleted"), tr!(partners.admin.tier_deleted)),
        (query_flag("settings_saved"), tr!(partners.admin.settings_saved)),
    ];
    view! {
        <PageTitle text=tr!(partners.admin.title, name = &v.event.name).to_string()/>
        <p class="meta">
            <a href=urls::admin_event(&slug)>{v.event.name.clone()}</a>" · "
            <a href=urls::admin_village_map(&slug)>{tr!(partners.admin.map)}</a>" · "
            <a href=urls::partners_prospectus(&slug)>{tr!(partners.admin.prospectus)}</a>" · "
            <a href=urls::village(&slug)>{tr!(partners.admin.village)}</a>" · "
            <a href=urls::admin_partner_badges_csv(&slug) rel="external" download>{tr!(partners.admin.badges)}</a>
        </p>
        <h1>{tr!(partners.admin.heading)}</h1>
        {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
        <section class="card" id="partners">
            <h2>{tr!(partners.admin.partners)}</h2>
            {if v.partners.is_empty() {
                view! { <p>{tr!(partners.admin.no_partners)}</p> }.into_any()
            } else {
                view! { <PartnerTable slug=slug.clone() rows=v.partners.clone()/> }.into_any()
            }}
        </section>
        <Tiers slug=slug.clone() tiers=v.tiers.clone()/>
        <Settings slug=slug.clone() s=v.settings.clone()/>
    }
}

#[component]
fn PartnerTable(slug: String, rows: Vec<PartnerRow>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="partners">
                <thead><tr>
                    <th scope="col">{tr!(partners.admin.col_partner)}</th>
                    <th scope="col">{tr!(partners.admin.col_tier)}</th>
                    <th scope="col">{tr!(partners.admin.col_status)}</th>
                    <th scope="col">{tr!(partners.admin.col_steps)}</th>
                    <th scope="col">{tr!(partners.admin.col_booth)}</th>
                    <th scope="col">{tr!(partners.admin.col_missing)}</th>
                </tr></thead>
                <tbody>{rows.into_iter().map(|r| view! {
                    <tr>
                        <th scope="row"><a href=urls::admin_partner(&slug, r.id)>{r.name.clone()}</a><br/><span class="hint">{r.applied_on.clone()}</span></th>
                        <td>{r.tier.clone()}</td>
                        <td><span class=format!("badge status-{}", r.status)>{r.status_label.clone()}</span></td>
                        <td>{r.steps.iter().filter(|s| s.done_on.is_some()).map(|s| s.label.clone()).collect::<Vec<_>>().join(", ")}</td>
                        <td>{r.booth.clone().unwrap_or_default()}</td>
                        <td>{r.missing.join(", ")}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Tiers(slug: String, tiers: Vec<TierView>) -> impl IntoView {
    let save = ServerAction::<SaveTier>::new();
    let delete = ServerAction::<DeleteTier>::new();
    let error = action_error(save);
    let delete_error = action_error(delete);
    view! {
        <section class="card" id="tiers">
            <h2>{tr!(partners.admin.tiers)}</h2>
            <FormError error/>
            <FormError error=delete_error/>
            <ul class="tier-cards">{tiers.iter().cloned().map(|t| view! { <super::space_pages::TierCard t/> }).collect_view()}</ul>
            {tiers.into_iter().map(|t| {
                let (slug_edit, slug_delete) = (slug.clone(), slug.clone());
                let id = t.id.to_string();
                let (id_edit, id_delete, prefix) = (id.clone(), id.clone(), format!("t{id}-"));
                view! {
                    <details class="tier-edit">
                        <summary>{tr!(partners.admin.edit_tier, tier = &t.name).to_string()}</summary>
                        <Form action=save row=("tier", id.clone())>
                            <input type="hidden" name="slug" value=slug_edit/>
                            <input type="hidden" name="tier" value=id_edit/>
                            <TierFields t=Some(t.clone()) prefix=prefix/>
                            <SubmitButton action=save label=tr!(partners.admin.save_tier)/>
                        </Form>
                        <Form action=delete row=("tier", id.clone())>
                            <input type="hidden" name="slug" value=slug_delete/>
                            <input type="hidden" name="tier" value=id_delete/>
                            <button type="submit" class="button danger">{tr!(partners.admin.delete_tier)}</button>
                        </Form>
                    </details>
                }
            }).collect_view()}
            <h3>{tr!(partners.admin.new_tier)}</h3>
            <Form action=save>
                <input type="hidden" name="slug" value=slug.clone()/>
                <input type="hidden" name="tier" value=""/>
                <TierFields t=None prefix="new-".into()/>
                <SubmitButton action=save label=tr!(partners.admin.add_tier)/>
            </Form>
        </section>
    }
}

/// The tier form's fields; `prefix` keeps element ids apart between the forms of one page.
#[component]
fn TierFields(t: Option<TierView>, prefix: String) -> impl IntoView {
    let id = |f: &str| format!("f-{prefix}{f}");
    let value = |f: fn(&TierView) -> String| t.as_ref().map(f).unwrap_or_default();
    let kind = if t.as_ref().is_some_and(|t| t.community) { "community" } else { "sponsor" };
    let on = |f: fn(&TierView) -> bool| t.as_ref().is_some_and(f);
    let no_error = Signal::derive(|| None::<String>);
    view! {
        <div class="grid-2">
            <OrgField label=tr!(partners.tiers.name) name="name" id=id("name") value=value(|t| t.name.clone()) required=true error=no_error/>
            <div class="field">
                <label for=id("kind")>{tr!(partners.tiers.kind)}</label>
                <select id=id("kind") name="kind">
                    <option value="sponsor" selected=kind == "sponsor">{tr!(partners.tiers.sponsor)}</option>
                    <option value="community" selected=kind == "community">{tr!(partners.tiers.community)}</option>
                </select>
            </div>
            <OrgField label=tr!(partners.tiers.price) name="price_eur" id=id("price") kind="number" min="0" value=value(|t| t.price_eur.to_string()) hint=tr!(partners.tiers.price_hint) error=no_error/>
            <OrgField label=tr!(partners.tiers.available) name="available" id=id("available") kind="number" min="1" value=value(|t| t.available.to_string()) required=true error=no_error/>
            <OrgField label=tr!(partners.tiers.booth_size) name="booth_size" id=id("booth") kind="number" min="0" value=value(|t| t.booth_size.to_string()) hint=tr!(partners.tiers.booth_hint) required=true error=no_error/>
            <OrgField label=tr!(partners.tiers.staff_passes) name="staff_passes" id=id("passes") kind="number" min="0" value=value(|t| t.staff_passes.to_string()) required=true error=no_error/>
        </div>
        <fieldset class="org-checks">
            <legend>{tr!(partners.tiers.gives)}</legend>
            <Check label=tr!(partners.gives.logo_home) name="logo_home" id=id("home") checked=on(|t| t.logo_home)/>
            <Check label=tr!(partners.gives.logo_agenda) name="logo_agenda" id=id("agenda") checked=on(|t| t.logo_agenda)/>
            <Check label=tr!(partners.gives.logo_screens) name="logo_screens" id=id("screens") checked=on(|t| t.logo_screens)/>
            <Check label=tr!(partners.gives.talks) name="talks_allowed" id=id("talks") checked=on(|t| t.talks_allowed)/>
            <Check label=tr!(partners.gives.jobs) name="job_posts" id=id("jobs") checked=on(|t| t.job_posts)/>
        </fieldset>
    }
}

#[component]
fn Settings(slug: String, s: VillageSettingsView) -> impl IntoView {
    let action = ServerAction::<SaveVillageSettings>::new();
    let error = action_error(action);
    let versions = Versions {
        name: "prospectus",
        others: "translations",
        language: crate::lang::parse(&s.language).unwrap_or_default(),
        first: s.prospectus.clone(),
        translations: s.translations.clone(),
    };
    let rule = Versions {
        name: "rule",
        others: "rule_translations",
        language: crate::lang::parse(&s.language).unwrap_or_default(),
        first: s.rule.clone(),
        translations: s.rule_translations.clone(),
    };
    view! {
        <section class="card" id="settings">
            <h2>{tr!(partners.admin.settings)}</h2>
            <FormError error/>
            <Form action>
                <input type="hidden" name="slug" value=slug/>
                <VersionFields versions label=tr!(partners.admin.prospectus_text) hint=tr!(partners.admin.prospectus_hint) maxlength=super::booths::PROSPECTUS_MAX as u32 rows=8 error/>
                <VersionFields versions=rule label=tr!(partners.admin.rule_text) hint=tr!(partners.admin.rule_hint) maxlength=super::booths::PROSPECTUS_MAX as u32 rows=4 error/>
                <div class="grid-2">
                    <OrgField label=tr!(partners.admin.width) name="width" id="f-width" kind="number" min="4" max="200" value=s.width.clone() required=true error=field_error(error, "width")/>
                    <OrgField label=tr!(partners.admin.height) name="height" id="f-height" kind="number" min="4" max="200" value=s.height.clone() required=true error=field_error(error, "height")/>
                </div>
                <fieldset class="org-checks">
                    <legend>{tr!(partners.admin.deadlines)}</legend>
                    {s.due.iter().map(|(field, label, value)| {
                        let field_id = format!("f-{field}");
                        view! {
                            <div class="field">
                                <label for=field_id.clone()>{label.clone()}</label>
                                <input type="date" id=field_id name=field.clone() value=value.clone()/>
                                {let f = field.clone(); move || field_error(error, f.clone()).get().map(|e| view! { <p class="field-error">{e}</p> })}
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <SubmitButton action label=tr!(partners.admin.save_settings)/>
            </Form>
        </section>
    }
}

#[component]
pub fn PartnerAdminPage() -> impl IntoView {
    let slug = param("slug");
    let id = param("id");
    let data = Resource::new(move || (slug(), id()), |(s, p)| load_partner_admin(s, p));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(partners.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::admin_partners(slug()), |v| view! { <PartnerAdmin v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn PartnerAdmin(v: PartnerAdminView) -> impl IntoView {
    let slug = v.event.slug.clone();
    let id = v.row.id.to_string();
    let decide = ServerAction::<DecidePartner>::new();
    let step = ServerAction::<MarkPartnerStep>::new();
    let notes = ServerAction::<SavePartnerNotes>::new();
    let (decide_error, step_error, notes_error) = (action_error(decide), action_error(step), action_error(notes));
    let flags = [
        (query_flag("decided"), tr!(partners.admin.decided)),
        (query_flag("step_marked"), tr!(partners.admin.step_marked)),
        (query_flag("notes_saved"), tr!(partners.admin.notes_saved)),
    ];
    let accepted = v.row.status == "accepted";
    let tiers: Vec<(String, String, bool)> = v
        .tiers
        .iter()
        .map(|t| {
            (t.id.to_string(), tr!(partners.admin.tier_left, tier = &t.name, left = t.left).to_string(), Some(t.id) == v.wished_tier_id)
        })
        .collect();
    let decisions =
        [("accept", tr!(partners.admin.accept)), ("waitlist", tr!(partners.admin.waitlist)), ("decline", tr!(partners.admin.decline))]
            .into_iter()
            .filter(|(code, _)| {
                !(accepted && *code == "accept")
                    && v.row.status
                        != match *code {
                            "accept" => "accepted",
                            "waitlist" => "waitlist",
                            _ => "declined",
                        }
            })
            .collect::<Vec<_>>();
    let (slug_decide, id_decide, slug_notes, id_notes) = (slug.clone(), id.clone(), slug.clone(), id.clone());
    view! {
        <PageTitle text=tr!(partners.admin.partner_title, partner = &v.row.name, name = &v.event.name).to_string()/>
        <p class="meta"><a href=urls::admin_partners(&slug)>{tr!(partners.admin.back)}</a></p>
        <h1>{v.row.name.clone()}</h1>
        {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
        <section class="card">
            <p class="status-line">{v.row.status_label.clone()}" · "{v.row.tier.clone()}</p>
            <dl class="facts">
                <dt>{tr!(partners.apply.billing_name)}</dt><dd>{v.billing_name.clone()}" · "{v.billing_email.clone()}</dd>
                <dt>{tr!(partners.apply.vat)}</dt><dd>{v.vat.clone()}</dd>
                <dt>{tr!(partners.admin.contacts)}</dt><dd>{v.contacts.join(", ")}</dd>
                <dt>{tr!(partners.apply.message)}</dt><dd class="pre">{v.message.clone()}</dd>
            </dl>
            <FormError error=decide_error/>
            <Form action=decide>
                <input type="hidden" name="slug" value=slug_decide/>
                <input type="hidden" name="partner" value=id_decide/>
                <div class="field">
                    <label for="f-tier">{tr!(partners.admin.accept_into)}</label>
                    <select id="f-tier" name="tier">{tiers.into_iter().map(|(value, label, on)| view! { <option value=value selected=on>{label}</option> }).collect_view()}</select>
                </div>
                <div class="actions">{decisions.into_iter().map(|(code, label)| view! {
                    <button type="submit" name="decision" value=code class=if code == "accept" { "button primary" } else { "button" }>{label}</button>
                }).collect_view()}</div>
            </Form>
        </section>
        {accepted.then(|| view! {
            <section class="card" id="steps">
                <h2>{tr!(partners.admin.steps)}</h2>
                <FormError error=step_error/>
                <ul class="steps">{v.row.steps.iter().cloned().map(|s| {
                    let (slug, id) = (slug.clone(), id.clone());
                    view! {
                        <li class:done=s.done_on.is_some()>
                            {s.label.clone()}
                            {match s.done_on.clone() {
                                Some(d) => view! { " — "{d} }.into_any(),
                                None => view! {
                                    <Form action=step row=("step", s.code.clone())>
                                        <input type="hidden" name="slug" value=slug/>
                                        <input type="hidden" name="partner" value=id/>
                                        <input type="hidden" name="step" value=s.code.clone()/>
                                        <button type="submit" class="button small">{tr!(partners.admin.mark_done)}</button>
                                    </Form>
                                }.into_any(),
                            }}
                        </li>
                    }
                }).collect_view()}</ul>
                {(!v.row.missing.is_empty()).then(|| view! { <p>{tr!(partners.admin.missing)}" "{v.row.missing.join(", ")}</p> })}
                <h3>{tr!(partners.admin.staff)}</h3>
                <ul>{v.staff.iter().map(|s| view! { <li>{s.name.clone()}" · "{s.email.clone()}</li> }).collect_view()}</ul>
            </section>
        })}
        <section class="card" id="notes">
            <h2>{tr!(partners.admin.notes)}</h2>
            <FormError error=notes_error/>
            <Form action=notes>
                <input type="hidden" name="slug" value=slug_notes/>
                <input type="hidden" name="partner" value=id_notes/>
                <TextArea label=tr!(partners.admin.notes_label) name="notes" value=v.notes.clone() hint=tr!(partners.admin.notes_hint) rows=4 error=field_error(notes_error, "notes")/>
                <SubmitButton action=notes label=tr!(partners.admin.save_notes)/>
            </Form>
        </section>
    }
}
