use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Failed sign-ins, keyed by "email:…" or "ip:…", so throttling holds across server instances.
#[derive(DeriveIden)]
enum LoginFailures {
    Table,
    Id,
    ScopeKey,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LoginFailures::Table)
                    .if_not_exists()
                    .col(pk_auto(LoginFailures::Id))
                    .col(string(LoginFailures::ScopeKey))
                    .col(timestamp_with_time_zone(LoginFailures::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("ix_login_failures_scope_time")
                    .table(LoginFailures::Table)
                    .col(LoginFailures::ScopeKey)
                    .col(LoginFailures::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LoginFailures::Table).to_owned()).await
    }
}
