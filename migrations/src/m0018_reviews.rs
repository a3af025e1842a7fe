use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0014_proposals::Proposals;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One review per reviewer and proposal (unique): a score 0–5, or none for "no opinion".
#[derive(DeriveIden)]
enum Reviews {
    Table,
    Id,
    ProposalId,
    ReviewerId,
    Score,
    Comment,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Reviews as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .if_not_exists()
                    .col(pk_auto(R::Id))
                    .col(integer(R::ProposalId))
                    .col(integer(R::ReviewerId))
                    .col(integer_null(R::Score))
                    .col(text(R::Comment))
                    .col(timestamp_with_time_zone(R::CreatedAt))
                    .col(timestamp_with_time_zone(R::UpdatedAt))
                    .foreign_key(&mut cascade_fk((R::Table, R::ProposalId), (Proposals::Table, Proposals::Id)))
                    .foreign_key(&mut cascade_fk((R::Table, R::ReviewerId), (Users::Table, Users::Id)))
                    .index(Index::create().name("ux_reviews").col(R::ProposalId).col(R::ReviewerId).unique())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Reviews::Table).to_owned()).await
    }
}
