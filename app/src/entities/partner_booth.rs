use sea_orm::entity::prelude::*;

/// A booth on the village's floor map, in metres from the top left corner.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_booths")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub number: String,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    /// Unique: a partner has at most one booth.
    pub partner_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
