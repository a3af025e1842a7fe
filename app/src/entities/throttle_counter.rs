use sea_orm::entity::prelude::*;

/// A throttle counter: `scope` names the rule, `subject` what is limited (an email, an account id,
/// an IP), `source` where attempts come from (an IP, or empty).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "throttle_counters")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub scope: String,
    pub subject: String,
    pub source: String,
    pub hits: i32,
    pub window_start: DateTimeUtc,
    pub blocked_until: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
