use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0014_proposals::Proposals;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The organisers' decision on a proposal. `decision` is the working one; `published_decision` is
/// what speakers were told (and mailed); the speaker's answer to an acceptance is `response`.
#[derive(DeriveIden)]
enum Decisions {
    Table,
    Id,
    ProposalId,
    Decision,
    WaitlistRank,
    Feedback,
    DecidedBy,
    DecidedAt,
    PublishedDecision,
    PublishedAt,
    ConfirmTokenHash,
    Response,
    RespondedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Decisions as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .if_not_exists()
                    .col(pk_auto(D::Id))
                    .col(integer_uniq(D::ProposalId))
                    .col(string(D::Decision))
                    .col(integer_null(D::WaitlistRank))
                    .col(text(D::Feedback))
                    .col(integer(D::DecidedBy))
                    .col(timestamp_with_time_zone(D::DecidedAt))
                    .col(string_null(D::PublishedDecision))
                    .col(timestamp_with_time_zone_null(D::PublishedAt))
                    .col(string_null(D::ConfirmTokenHash).unique_key())
                    .col(string_null(D::Response))
                    .col(timestamp_with_time_zone_null(D::RespondedAt))
                    .foreign_key(&mut cascade_fk((D::Table, D::ProposalId), (Proposals::Table, Proposals::Id)))
                    .foreign_key(&mut cascade_fk((D::Table, D::DecidedBy), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Decisions::Table).to_owned()).await
    }
}
