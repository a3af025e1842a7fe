use sea_orm::entity::prelude::*;

/// An event's volunteer settings: the call's text (its versions in `event_texts`), the self
/// sign-out limit and the room-host rule's parameters.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_settings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    #[sea_orm(column_type = "Text")]
    pub call_text: String,
    pub sign_out_hours: i32,
    pub host_minutes_before: i32,
    pub host_max_gap_minutes: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
