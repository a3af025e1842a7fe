use sea_orm::entity::prelude::*;

/// Seats of a team at a place and time; `taken` only grows through `taken < seats` updates.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_shifts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub team_id: i32,
    pub title: String,
    pub place: String,
    pub room_id: Option<i32>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub seats: i32,
    pub taken: i32,
    #[sea_orm(column_type = "Text")]
    pub notes: String,
    /// The rule's key of a shift made from the agenda (`domain::volunteers::hosts::host_key`).
    pub generated_key: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
