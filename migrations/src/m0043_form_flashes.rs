use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What a form sent when it failed without JavaScript, kept a few minutes so the page it comes
/// back to shows it again. Found by the hash of an id in the redirect plus a browser cookie.
#[derive(DeriveIden)]
enum FormFlashes {
    Table,
    Id,
    KeyHash,
    Path,
    Fields,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use FormFlashes as F;
        manager
            .create_table(
                Table::create()
                    .table(F::Table)
                    .if_not_exists()
                    .col(pk_auto(F::Id))
                    .col(string_uniq(F::KeyHash))
                    .col(string(F::Path))
                    .col(text(F::Fields))
                    .col(timestamp_with_time_zone(F::ExpiresAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(FormFlashes::Table).to_owned()).await
    }
}
