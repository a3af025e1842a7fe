//! Where the organisers' and reviewers' pages live: one function per route, so a link, a redirect
//! or a page's own address is never a path written by hand. The patterns stay in the router
//! (`lib.rs`, and `server/src/router.rs` for the CSV export); a test checks every function here
//! against them, so renaming a route without its helper fails. Query strings and anchors are the
//! caller's (`format!("{}?saved=1", urls::admin_cfp(slug))`). Slugs, codes and numbers need no
//! escaping: they are made of letters, digits and dashes.
use std::fmt::Display;

/// `/admin`: the instance administration.
pub fn admin() -> String {
    "/admin".into()
}

/// `/admin/mail`: mails that could not be sent.
pub fn admin_mail() -> String {
    "/admin/mail".into()
}

/// `/admin/events/:slug`: an event's management page.
pub fn admin_event(slug: impl Display) -> String {
    format!("/admin/events/{slug}")
}

/// `/admin/events/:slug/cfp`: CFP settings, formats and tracks.
pub fn admin_cfp(slug: impl Display) -> String {
    format!("/admin/events/{slug}/cfp")
}

/// `/admin/events/:slug/venue`: rooms and days.
pub fn admin_venue(slug: impl Display) -> String {
    format!("/admin/events/{slug}/venue")
}

/// `/admin/events/:slug/schedule`: the schedule builder.
pub fn admin_schedule(slug: impl Display) -> String {
    format!("/admin/events/{slug}/schedule")
}

/// `/admin/events/:slug/schedule/place/:item`: placing one item without dragging.
pub fn admin_schedule_place(slug: impl Display, item: impl Display) -> String {
    format!("/admin/events/{slug}/schedule/place/{item}")
}

/// `/admin/events/:slug/schedule/import`: importing a frab / pretalx schedule.
pub fn admin_schedule_import(slug: impl Display) -> String {
    format!("/admin/events/{slug}/schedule/import")
}

/// `/admin/events/:slug/schedule/interest`: audience interest.
pub fn admin_schedule_interest(slug: impl Display) -> String {
    format!("/admin/events/{slug}/schedule/interest")
}

/// `/admin/events/:slug/schedule/versions`: the published versions.
pub fn admin_schedule_versions(slug: impl Display) -> String {
    format!("/admin/events/{slug}/schedule/versions")
}

/// `/admin/events/:slug/schedule/versions/:number`: one published version.
pub fn admin_schedule_version(slug: impl Display, number: impl Display) -> String {
    format!("/admin/events/{slug}/schedule/versions/{number}")
}

/// `/admin/events/:slug/proposals`: the proposals table.
pub fn admin_proposals(slug: impl Display) -> String {
    format!("/admin/events/{slug}/proposals")
}

/// `/admin/events/{slug}/volunteers.csv` (an axum route): the volunteers, their hours and sizes as CSV.
pub fn admin_volunteers_csv(slug: impl Display) -> String {
    format!("/admin/events/{slug}/volunteers.csv")
}

/// `/admin/events/{slug}/proposals.csv` (an axum route): the proposals table as CSV.
pub fn admin_proposals_csv(slug: impl Display) -> String {
    format!("/admin/events/{slug}/proposals.csv")
}

/// `/admin/events/:slug/proposals/:code`: one proposal, as organisers see it.
pub fn admin_proposal(slug: impl Display, code: impl Display) -> String {
    format!("/admin/events/{slug}/proposals/{code}")
}

/// `/admin/events/:slug/conflicts`: conflicts of interest.
pub fn admin_conflicts(slug: impl Display) -> String {
    format!("/admin/events/{slug}/conflicts")
}

/// `/admin/events/:slug/selection`: the deliberation.
pub fn admin_selection(slug: impl Display) -> String {
    format!("/admin/events/{slug}/selection")
}

/// `/admin/events/:slug/selection/settings`: selection settings and decision mails.
pub fn admin_selection_settings(slug: impl Display) -> String {
    format!("/admin/events/{slug}/selection/settings")
}

/// `/admin/events/:slug/selection/log`: the selection's audit trail.
pub fn admin_selection_log(slug: impl Display) -> String {
    format!("/admin/events/{slug}/selection/log")
}

/// `/admin/events/:slug/volunteers`: teams, shifts and coverage, for volunteer leads and organisers.
pub fn admin_volunteers(slug: impl Display) -> String {
    format!("/admin/events/{slug}/volunteers")
}

/// `/events/:slug/volunteer/mine`: a volunteer's own shifts.
pub fn my_shifts(slug: impl Display) -> String {
    format!("/events/{slug}/volunteer/mine")
}

/// `/events/:slug/volunteer/shifts`: the shift board of an event's volunteers.
pub fn volunteer_board(slug: impl Display) -> String {
    format!("/events/{slug}/volunteer/shifts")
}

/// `/events/:slug/volunteer`: the call for volunteers, with its application form.
pub fn volunteer_call(slug: impl Display) -> String {
    format!("/events/{slug}/volunteer")
}

/// `/admin/events/:slug/volunteers/people`: applications, invitations, hours and settings.
pub fn admin_volunteer_people(slug: impl Display) -> String {
    format!("/admin/events/{slug}/volunteers/people")
}

/// `/admin/events/:slug/volunteers/shifts/:id`: one shift, its people and their check-in.
pub fn admin_shift(slug: impl Display, id: i32) -> String {
    format!("/admin/events/{slug}/volunteers/shifts/{id}")
}

/// `/admin/events/:slug/partners`: tiers, applications and the village's settings.
pub fn admin_partners(slug: impl Display) -> String {
    format!("/admin/events/{slug}/partners")
}

/// `/admin/events/:slug/partners/:id`: one partner's application and pipeline.
pub fn admin_partner(slug: impl Display, id: i32) -> String {
    format!("/admin/events/{slug}/partners/{id}")
}

/// `/admin/events/:slug/village`: the village's floor map and its booths.
pub fn admin_village_map(slug: impl Display) -> String {
    format!("/admin/events/{slug}/village")
}

/// `/admin/events/:slug/village/plan`: where the floor plan image is uploaded.
pub fn admin_village_plan(slug: impl Display) -> String {
    format!("/admin/events/{slug}/village/plan")
}

/// `/events/:slug/partner/:id/logo`: where a partner's logo is uploaded.
pub fn partner_logo(slug: impl Display, id: i32) -> String {
    format!("/events/{slug}/partner/{id}/logo")
}

/// `/admin/events/:slug/partners/badges.csv`: partners' staff passes for the badge printer.
pub fn admin_partner_badges_csv(slug: impl Display) -> String {
    format!("/admin/events/{slug}/partners/badges.csv")
}

/// `/events/:slug/partners`: the prospectus and the application form.
pub fn partners_prospectus(slug: impl Display) -> String {
    format!("/events/{slug}/partners")
}

/// `/events/:slug/partner/:id`: a partner's own space.
pub fn partner_space(slug: impl Display, id: i32) -> String {
    format!("/events/{slug}/partner/{id}")
}

/// `/events/:slug/partner/:id/contacts.csv`: attendees who shared their contact with the partner.
pub fn partner_contacts_csv(slug: impl Display, id: i32) -> String {
    format!("/events/{slug}/partner/{id}/contacts.csv")
}

/// `/events/:slug/village`: the partner village as attendees read it.
pub fn village(slug: impl Display) -> String {
    format!("/events/{slug}/village")
}

/// `/events/:slug/village/:code`: one partner's page.
pub fn village_partner(slug: impl Display, code: impl Display) -> String {
    format!("/events/{slug}/village/{code}")
}

/// `/review`: a reviewer's events.
pub fn review() -> String {
    "/review".into()
}

/// `/review/:slug`: an event's review queue.
pub fn review_queue(slug: impl Display) -> String {
    format!("/review/{slug}")
}

/// `/review/:slug/:code`: one proposal under review (by its review code).
pub fn review_proposal(slug: impl Display, code: impl Display) -> String {
    format!("/review/{slug}/{code}")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// The quoted strings that follow `marker` in `text`: the paths of `path!` in lib.rs and of axum's `route` calls.
    fn patterns(text: &str, marker: &str) -> BTreeSet<String> {
        text.split(marker).skip(1).filter_map(|rest| rest.split('"').next()).map(str::to_string).collect()
    }

    fn routes() -> BTreeSet<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("app/src/lib.rs");
        let server = std::fs::read_to_string(root.join("../server/src/router.rs")).expect("server/src/router.rs");
        let mut all = patterns(&lib, "path!(\"");
        all.extend(patterns(&server, ".route(\""));
        all
    }

    /// `pattern` with its parameters (`:slug` in Leptos, `{slug}` in axum) filled in.
    fn filled(pattern: &str) -> String {
        let value = |segment: &str| match segment.trim_start_matches(':').trim_start_matches('{').split(['}', '.']).next() {
            Some("slug") => "cloud-nord",
            Some("code") => "Q7XK2M",
            Some("item") => "42",
            Some("number") => "3",
            Some("id") => "7",
            _ => "",
        };
        pattern
            .split('/')
            .map(|s| {
                if s.starts_with(':') {
                    value(s).to_string()
                } else if let Some(rest) = s.strip_prefix('{') {
                    let (_, after) = rest.split_once('}').expect("a closed parameter");
                    format!("{}{after}", value(s))
                } else {
                    s.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    #[test]
    fn every_helper_is_a_route_of_the_router() {
        let (slug, code) = ("cloud-nord", "Q7XK2M");
        let helpers = [
            (admin(), "/admin"),
            (admin_mail(), "/admin/mail"),
            (admin_event(slug), "/admin/events/:slug"),
            (admin_cfp(slug), "/admin/events/:slug/cfp"),
            (admin_venue(slug), "/admin/events/:slug/venue"),
            (admin_schedule(slug), "/admin/events/:slug/schedule"),
            (admin_schedule_place(slug, 42), "/admin/events/:slug/schedule/place/:item"),
            (admin_schedule_import(slug), "/admin/events/:slug/schedule/import"),
            (admin_schedule_interest(slug), "/admin/events/:slug/schedule/interest"),
            (admin_schedule_versions(slug), "/admin/events/:slug/schedule/versions"),
            (admin_schedule_version(slug, 3), "/admin/events/:slug/schedule/versions/:number"),
            (admin_proposals(slug), "/admin/events/:slug/proposals"),
            (admin_proposals_csv(slug), "/admin/events/{slug}/proposals.csv"),
            (admin_volunteers_csv(slug), "/admin/events/{slug}/volunteers.csv"),
            (admin_proposal(slug, code), "/admin/events/:slug/proposals/:code"),
            (admin_conflicts(slug), "/admin/events/:slug/conflicts"),
            (admin_selection(slug), "/admin/events/:slug/selection"),
            (admin_selection_settings(slug), "/admin/events/:slug/selection/settings"),
            (admin_selection_log(slug), "/admin/events/:slug/selection/log"),
            (volunteer_board(slug), "/events/:slug/volunteer/shifts"),
            (volunteer_call(slug), "/events/:slug/volunteer"),
            (admin_volunteer_people(slug), "/admin/events/:slug/volunteers/people"),
            (admin_shift(slug, 7), "/admin/events/:slug/volunteers/shifts/:id"),
            (admin_partners(slug), "/admin/events/:slug/partners"),
            (admin_partner(slug, 7), "/admin/events/:slug/partners/:id"),
            (admin_village_map(slug), "/admin/events/:slug/village"),
            (admin_partner_badges_csv(slug), "/admin/events/{slug}/partners/badges.csv"),
            (admin_village_plan(slug), "/admin/events/{slug}/village/plan"),
            (partner_logo(slug, 7), "/events/{slug}/partner/{id}/logo"),
            (partners_prospectus(slug), "/events/:slug/partners"),
            (partner_space(slug, 7), "/events/:slug/partner/:id"),
            (partner_contacts_csv(slug, 7), "/events/{slug}/partner/{id}/contacts.csv"),
            (village(slug), "/events/:slug/village"),
            (village_partner(slug, code), "/events/:slug/village/:code"),
            (my_shifts(slug), "/events/:slug/volunteer/mine"),
            (admin_volunteers(slug), "/admin/events/:slug/volunteers"),
            (review(), "/review"),
            (review_queue(slug), "/review/:slug"),
            (review_proposal(slug, code), "/review/:slug/:code"),
        ];
        let routes = routes();
        assert!(routes.len() > 40, "the router's paths were read: {routes:?}");
        for (url, pattern) in helpers {
            assert!(routes.contains(pattern), "{pattern} is no route of app/src/lib.rs or server/src/router.rs (renamed?)");
            assert_eq!(url, filled(pattern), "the helper for {pattern}");
        }
    }

    #[test]
    fn admin_and_review_addresses_come_from_here() {
        // Not converted yet: files whose text is being translated at the time of writing.
        const LATER: [&str; 3] = ["events/pages.rs", "agenda/claim_page.rs", "ui/layout.rs"];
        let mut found = Vec::new();
        for (rel, text) in crate::ui::checks::app_sources() {
            // `lang::negotiate` reads which event an address belongs to; it builds none.
            if rel == "plumbing/urls.rs" || rel == "lib.rs" || rel == "lang/negotiate.rs" || LATER.contains(&rel.as_str()) {
                continue;
            }
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (i, line) in code.lines().enumerate() {
                let line = line.split("//").next().unwrap_or("");
                if line.contains("\"/admin/events") || line.contains("\"/review") {
                    found.push(format!("{rel}:{}: {}", i + 1, line.trim()));
                }
            }
        }
        assert!(found.is_empty(), "hand-built admin or review addresses (use plumbing::urls):\n{}", found.join("\n"));
    }
}
