use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review_settings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub event_id: i32,
    pub anonymous: bool,
    pub hide_scores_until_reviewed: bool,
    pub reviews_close_at: Option<DateTimeUtc>,
    /// Set when an organiser closed reviews by hand.
    pub reviews_closed_at: Option<DateTimeUtc>,
    /// Accepted speakers confirm before this instant.
    pub confirm_by: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
