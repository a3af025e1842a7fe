use sea_orm::entity::prelude::*;

/// A tier of an event's partners (Gold, Silver, Community …) and what it gives.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_tiers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub name: String,
    /// "sponsor" or "community" (free: projects, meetups, associations).
    pub kind: String,
    pub price_eur: i32,
    pub available: i32,
    /// Partners accepted in this tier; raised only while below `available`.
    pub taken: i32,
    /// Square metres of booth; 0 means no booth.
    pub booth_size: i32,
    pub staff_passes: i32,
    pub logo_home: bool,
    pub logo_agenda: bool,
    pub logo_screens: bool,
    pub talks_allowed: bool,
    pub job_posts: bool,
    pub position: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
