use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Events {
    Table,
    Id,
    Slug,
    Name,
    City,
    Venue,
    TimeZone,
    StartDate,
    EndDate,
    Description,
    Visibility,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Events::Table)
                    .if_not_exists()
                    .col(pk_auto(Events::Id))
                    .col(string_uniq(Events::Slug))
                    .col(string(Events::Name))
                    .col(string(Events::City))
                    .col(string(Events::Venue))
                    .col(string(Events::TimeZone))
                    .col(date(Events::StartDate))
                    .col(date(Events::EndDate))
                    .col(text(Events::Description))
                    .col(string(Events::Visibility))
                    .col(timestamp_with_time_zone(Events::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Events::Table).to_owned()).await
    }
}
