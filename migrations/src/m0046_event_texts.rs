use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// An event's texts written in several languages (the description now; the CFP text, volunteer call
/// and partner prospectus can follow): one row per text and language. `events.description` keeps
/// the text in the event's default language for everything that reads one text (exports, API).
#[derive(DeriveIden)]
enum EventTexts {
    Table,
    Id,
    EventId,
    Field,
    Language,
    Body,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use EventTexts as T;
        manager
            .create_table(
                Table::create()
                    .table(T::Table)
                    .if_not_exists()
                    .col(pk_auto(T::Id))
                    .col(integer(T::EventId))
                    .col(string_len(T::Field, 32))
                    .col(string_len(T::Language, 8))
                    .col(text(T::Body))
                    .foreign_key(&mut cascade_fk((T::Table, T::EventId), (Events::Table, Events::Id)))
                    .index(Index::create().name("ux_event_texts").col(T::EventId).col(T::Field).col(T::Language).unique())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(EventTexts::Table).to_owned()).await
    }
}
