use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A mail may carry one text attachment (a calendar file when the schedule is published).
#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    AttachmentName,
    AttachmentType,
    AttachmentBody,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for column in [string_null(MailOutbox::AttachmentName), string_null(MailOutbox::AttachmentType), text_null(MailOutbox::AttachmentBody)] {
            manager.alter_table(Table::alter().table(MailOutbox::Table).add_column(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [MailOutbox::AttachmentName, MailOutbox::AttachmentType, MailOutbox::AttachmentBody] {
            manager.alter_table(Table::alter().table(MailOutbox::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
