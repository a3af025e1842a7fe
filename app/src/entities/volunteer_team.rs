use sea_orm::entity::prelude::*;

/// A team of an event's volunteers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_teams")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub name: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub colour: String,
    /// A lead confirms a member before they take this team's shifts.
    pub restricted: bool,
    #[sea_orm(column_type = "Text")]
    pub briefing: String,
    pub lead_name: String,
    /// Shown to the volunteers of this team's shifts only.
    pub lead_phone: String,
    pub position: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
