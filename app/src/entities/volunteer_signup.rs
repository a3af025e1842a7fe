use sea_orm::entity::prelude::*;

/// A volunteer on a shift ("taken") or in its waiting list ("waiting").
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_signups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub shift_id: i32,
    pub user_id: i32,
    pub status: String,
    pub queued_at: DateTimeUtc,
    pub checked_in_at: Option<DateTimeUtc>,
    pub no_show: bool,
    pub created_at: DateTimeUtc,
    /// When the day-before reminder was queued (sent once).
    pub reminded_at: Option<DateTimeUtc>,
    /// The talk this shift was last found to clash with, mailed once per clash.
    pub clash_mailed: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
