use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One row per throttled thing: sign-ins per (email, IP) and per IP, mails per account, recipient
/// and IP. A row is taken with a row lock (PostgreSQL) or inside the single writer (SQLite), so
/// concurrent requests are counted one after the other and cannot all pass.
#[derive(DeriveIden)]
pub enum ThrottleCounters {
    Table,
    Id,
    Scope,
    Subject,
    Source,
    Hits,
    WindowStart,
    BlockedUntil,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ThrottleCounters as T;
        manager
            .create_table(
                Table::create()
                    .table(T::Table)
                    .if_not_exists()
                    .col(pk_auto(T::Id))
                    .col(string(T::Scope))
                    .col(string(T::Subject))
                    .col(string(T::Source))
                    .col(integer(T::Hits))
                    .col(timestamp_with_time_zone(T::WindowStart))
                    .col(timestamp_with_time_zone_null(T::BlockedUntil))
                    .col(timestamp_with_time_zone(T::UpdatedAt))
                    .index(Index::create().name("ux_throttle_counters").col(T::Scope).col(T::Subject).col(T::Source).unique())
                    .to_owned(),
            )
            .await?;
        // A separate statement: SQLite has no inline non-unique index in CREATE TABLE.
        manager
            .create_index(Index::create().if_not_exists().name("ix_throttle_counters_updated").table(T::Table).col(T::UpdatedAt).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ThrottleCounters::Table).to_owned()).await
    }
}
