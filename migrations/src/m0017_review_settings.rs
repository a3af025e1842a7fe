use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// How an event reviews and decides: anonymity, when reviews close, the confirmation deadline.
#[derive(DeriveIden)]
enum ReviewSettings {
    Table,
    Id,
    EventId,
    Anonymous,
    HideScoresUntilReviewed,
    ReviewsCloseAt,
    ReviewsClosedAt,
    ConfirmBy,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ReviewSettings as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .if_not_exists()
                    .col(pk_auto(S::Id))
                    .col(integer_uniq(S::EventId))
                    .col(boolean(S::Anonymous).default(true))
                    .col(boolean(S::HideScoresUntilReviewed).default(true))
                    .col(timestamp_with_time_zone_null(S::ReviewsCloseAt))
                    .col(timestamp_with_time_zone_null(S::ReviewsClosedAt))
                    .col(timestamp_with_time_zone_null(S::ConfirmBy))
                    .col(timestamp_with_time_zone(S::UpdatedAt))
                    .foreign_key(&mut cascade_fk((S::Table, S::EventId), (Events::Table, Events::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ReviewSettings::Table).to_owned()).await
    }
}
