use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// An event's own wording of a decision mail (the built-in text applies until one is saved).
#[derive(DeriveIden)]
enum DecisionTemplates {
    Table,
    Id,
    EventId,
    Decision,
    Subject,
    Body,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use DecisionTemplates as T;
        manager
            .create_table(
                Table::create()
                    .table(T::Table)
                    .if_not_exists()
                    .col(pk_auto(T::Id))
                    .col(integer(T::EventId))
                    .col(string(T::Decision))
                    .col(string(T::Subject))
                    .col(text(T::Body))
                    .col(timestamp_with_time_zone(T::UpdatedAt))
                    .foreign_key(&mut cascade_fk((T::Table, T::EventId), (Events::Table, Events::Id)))
                    .index(Index::create().name("ux_decision_templates").col(T::EventId).col(T::Decision).unique())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(DecisionTemplates::Table).to_owned()).await
    }
}
