use sea_orm::entity::prelude::*;

/// An item of the work-in-progress schedule: a talk (with `proposal_id`) or a break, lunch, plenary…
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "schedule_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    /// talk | keynote | break | lunch | village | welcome | closing
    pub kind: String,
    #[sea_orm(unique)]
    pub proposal_id: Option<i32>,
    /// The title of a non-talk item; talks take their proposal's title.
    pub title: String,
    pub room_id: Option<i32>,
    /// Spans every room (lunch, opening keynote).
    pub all_rooms: bool,
    /// None while the talk waits in the "unscheduled" panel.
    pub starts_at: Option<DateTimeUtc>,
    pub ends_at: Option<DateTimeUtc>,
    /// Its length: the format's by default, changed per item.
    pub minutes: i32,
    /// Grows by one with each change; a change based on an older one is refused.
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
