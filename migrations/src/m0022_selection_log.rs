use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The audit trail of reviewing and selection: who did what, when. Rows are never updated.
#[derive(DeriveIden)]
enum SelectionLog {
    Table,
    Id,
    EventId,
    ProposalId,
    ActorId,
    Action,
    Detail,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use SelectionLog as L;
        manager
            .create_table(
                Table::create()
                    .table(L::Table)
                    .if_not_exists()
                    .col(pk_auto(L::Id))
                    .col(integer(L::EventId))
                    .col(integer_null(L::ProposalId))
                    .col(integer_null(L::ActorId))
                    .col(string(L::Action))
                    .col(text(L::Detail))
                    .col(timestamp_with_time_zone(L::CreatedAt))
                    .foreign_key(&mut cascade_fk((L::Table, L::EventId), (Events::Table, Events::Id)))
                    .to_owned(),
            )
            .await?;
        // A separate statement: SQLite has no inline non-unique index in CREATE TABLE.
        manager
            .create_index(Index::create().if_not_exists().name("ix_selection_log_event").table(L::Table).col(L::EventId).col(L::Id).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SelectionLog::Table).to_owned()).await
    }
}
