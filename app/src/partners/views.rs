//! What the village's pages show, as server functions return it.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::events::EventSummary;
use crate::ui::SafeHtml;

/// A tier as the prospectus and the organisers show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierView {
    pub id: i32,
    pub name: String,
    pub community: bool,
    /// "8 000 €" / "€8,000"; "Free" for a community tier.
    pub price: String,
    pub price_eur: i32,
    pub available: i32,
    pub taken: i32,
    pub left: i32,
    pub booth_size: i32,
    pub staff_passes: i32,
    pub logo_home: bool,
    pub logo_agenda: bool,
    pub logo_screens: bool,
    pub talks_allowed: bool,
    pub job_posts: bool,
    /// What it gives, one line each, in the reader's language.
    pub gives: Vec<String>,
}

/// A partner the viewer speaks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPartner {
    pub id: i32,
    pub name: String,
    pub status: String,
}

/// The public "Become a partner" page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProspectusView {
    pub event: EventSummary,
    pub text_html: SafeHtml,
    pub tiers: Vec<TierView>,
    pub signed_in: bool,
    pub mine: Vec<MyPartner>,
    /// The applicant's address, to fill in the billing contact.
    pub my_email: String,
    pub my_name: String,
}

/// One step of the pipeline and when it was done ("12 March 2027").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepLine {
    pub code: String,
    pub label: String,
    pub done_on: Option<String>,
}

/// A partner in the organisers' table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRow {
    pub id: i32,
    pub name: String,
    /// The tier it is in, else the one it wished.
    pub tier: String,
    pub status: String,
    pub status_label: String,
    pub applied_on: String,
    pub steps: Vec<StepLine>,
    pub booth: Option<String>,
    /// Checklist items still missing, in the reader's words.
    pub missing: Vec<String>,
}

/// The organisers' page of the village.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminView {
    pub event: EventSummary,
    pub tiers: Vec<TierView>,
    pub partners: Vec<PartnerRow>,
    pub settings: VillageSettingsView,
}

/// The village's settings as the form shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageSettingsView {
    pub language: String,
    pub prospectus: String,
    pub translations: BTreeMap<String, String>,
    /// The "no sales pitch" rule partners acknowledge with a talk, in the default language, and its other versions.
    pub rule: String,
    pub rule_translations: BTreeMap<String, String>,
    pub width: String,
    pub height: String,
    /// YYYY-MM-DD or empty, per checklist item code.
    pub due: Vec<(String, String, String)>,
}

/// The village settings form as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageSettingsForm {
    #[serde(default)]
    pub prospectus: String,
    #[serde(default)]
    pub prospectus_language: String,
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
    #[serde(default)]
    pub rule: String,
    #[serde(default)]
    pub rule_language: String,
    #[serde(default)]
    pub rule_translations: BTreeMap<String, String>,
    pub width: String,
    pub height: String,
    #[serde(default)]
    pub logo_due: String,
    #[serde(default)]
    pub description_due: String,
    #[serde(default)]
    pub staff_due: String,
    #[serde(default)]
    pub needs_due: String,
}

/// One partner, as organisers manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerAdminView {
    pub event: EventSummary,
    pub row: PartnerRow,
    pub vat: String,
    pub billing_name: String,
    pub billing_email: String,
    pub message: String,
    pub notes: String,
    pub wished_tier_id: Option<i32>,
    pub tiers: Vec<TierView>,
    pub contacts: Vec<String>,
    pub staff: Vec<StaffLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLine {
    pub id: i32,
    pub name: String,
    pub email: String,
}

/// A checklist item in the partner's space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistLine {
    pub label: String,
    pub done: bool,
    /// "due 1 March 2027", if a deadline is set.
    pub due: Option<String>,
}

/// A partner's own space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpaceView {
    pub event: EventSummary,
    pub id: i32,
    pub code: String,
    pub name: String,
    pub status: String,
    pub status_label: String,
    pub tier: Option<TierView>,
    pub steps: Vec<StepLine>,
    pub checklist: Vec<ChecklistLine>,
    pub description: String,
    pub website: String,
    pub links: String,
    pub jobs: String,
    pub needs_power: bool,
    pub needs_screen: bool,
    pub needs_table: bool,
    pub logo_src: Option<String>,
    pub logo_dark_src: Option<String>,
    pub staff: Vec<StaffLine>,
    pub booth: Option<String>,
    pub map: Option<MapView>,
    pub shares: usize,
    pub talks: Option<PartnerTalks>,
}

/// A partner's talk proposals, and what the form needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerTalks {
    /// The tier allows talks and the partner is accepted.
    pub allowed: bool,
    /// The call for papers is open.
    pub open: bool,
    pub headline: String,
    pub rule_html: SafeHtml,
    pub formats: Vec<(String, String)>,
    pub tracks: Vec<(String, String)>,
    pub levels: Vec<(String, String)>,
    pub languages: Vec<(String, String)>,
    pub form_key: String,
    pub proposals: Vec<TalkLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkLine {
    pub code: String,
    pub title: String,
    pub state: String,
}

/// A booth on the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapBooth {
    pub id: i32,
    pub number: String,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    /// (public code, name) of its partner.
    pub partner: Option<(String, String)>,
}

/// The floor map: its size in metres and its booths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapView {
    pub width: i32,
    pub height: i32,
    pub booths: Vec<MapBooth>,
    /// The booth to show highlighted (a partner's own).
    pub highlight: Option<i32>,
    /// The floor plan image drawn under the booths, if organisers uploaded one.
    pub plan_src: Option<String>,
}

/// The organisers' map page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapAdminView {
    pub event: EventSummary,
    pub map: MapView,
    /// Accepted partners whose tier gives a booth: (id, name, "Gold · 9 m²").
    pub partners: Vec<(i32, String, String)>,
    /// Booths smaller than their partner's tier promises, in words.
    pub warnings: Vec<String>,
}

/// A partner on the village page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageCard {
    pub code: String,
    pub name: String,
    pub tier: String,
    pub community: bool,
    pub summary: String,
    pub booth: Option<String>,
    pub logo_src: Option<String>,
}

/// The village as attendees read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageView {
    pub event: EventSummary,
    pub map: MapView,
    pub partners: Vec<VillageCard>,
    pub query: String,
}

/// One partner's public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillagePartnerView {
    pub event: EventSummary,
    pub card: VillageCard,
    pub description_html: SafeHtml,
    pub website: String,
    pub links: Vec<String>,
    pub jobs_html: Option<SafeHtml>,
    /// Its talks in the published agenda.
    pub talks: Vec<crate::agenda::TalkLine>,
    pub map: MapView,
    /// None for a visitor who is not signed in; else whether they shared their contact.
    pub shared: Option<bool>,
}

/// The partner-talk form as sent (`pitch_rule` present when the rule was acknowledged).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerTalkForm {
    pub form_key: String,
    pub title: String,
    pub summary: String,
    pub level: String,
    pub language: String,
    pub format_id: String,
    #[serde(default)]
    pub track_id: String,
    #[serde(default)]
    pub pitch_rule: Option<String>,
}
