use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Decision mail wordings per language: an event keeps one wording per decision and language
/// (`fr`, `en`), and each speaker gets the one of their language. The table is rebuilt because the
/// old unique index (event, decision) was created with the table, which SQLite cannot drop; the
/// wordings saved before take the event's default language, the language most of its speakers read.
#[derive(DeriveIden)]
enum DecisionTemplates {
    Table,
    Id,
    EventId,
    Decision,
    Language,
    Subject,
    Body,
    UpdatedAt,
}

/// The new table is built under a passing name (one per direction: PostgreSQL keeps the first name
/// in the names of the key and its sequence).
fn table(name: &str, with_language: bool) -> TableCreateStatement {
    use DecisionTemplates as T;
    let mut t = Table::create();
    t.table(Alias::new(name)).col(pk_auto(T::Id)).col(integer(T::EventId)).col(string(T::Decision));
    if with_language {
        t.col(ColumnDef::new(T::Language).string_len(8).not_null().default("en"));
    }
    t.col(string(T::Subject))
        .col(text(T::Body))
        .col(timestamp_with_time_zone(T::UpdatedAt))
        .foreign_key(&mut cascade_fk((Alias::new(name), T::EventId), (Events::Table, Events::Id)));
    if with_language {
        t.index(Index::create().name("ux_decision_templates_language").col(T::EventId).col(T::Decision).col(T::Language).unique());
    } else {
        t.index(Index::create().name("ux_decision_templates").col(T::EventId).col(T::Decision).unique());
    }
    t.to_owned()
}

/// Copies the rows with `copy` (SQL), drops the old table and gives the new one its name, in one
/// batch on one connection (with SQLite's pool, separate statements could meet a connection that
/// still knows the old table).
async fn rebuild(manager: &SchemaManager<'_>, name: &str, with_language: bool, copy: &str) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    let batch = [
        b.build(&table(name, with_language)).sql,
        copy.to_string(),
        b.build(&Table::drop().table(DecisionTemplates::Table).to_owned()).sql,
        b.build(&Table::rename().table(Alias::new(name), DecisionTemplates::Table).to_owned()).sql,
    ];
    manager.get_connection().execute_unprepared(&batch.join(";\n")).await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let copy = "INSERT INTO decision_templates_v2 (event_id, decision, language, subject, body, updated_at) \
                    SELECT t.event_id, t.decision, e.default_language, t.subject, t.body, t.updated_at \
                    FROM decision_templates t JOIN events e ON e.id = t.event_id";
        rebuild(manager, "decision_templates_v2", true, copy).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let copy = "INSERT INTO decision_templates_v1 (event_id, decision, subject, body, updated_at) \
                    SELECT t.event_id, t.decision, t.subject, t.body, t.updated_at \
                    FROM decision_templates t JOIN events e ON e.id = t.event_id WHERE t.language = e.default_language";
        rebuild(manager, "decision_templates_v1", false, copy).await
    }
}
