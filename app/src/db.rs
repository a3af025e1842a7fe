//! Write transactions that never fail half-way on SQLite.
//!
//! A plain `BEGIN` on SQLite is deferred: a transaction that reads and then writes must upgrade its
//! read snapshot to the write lock, and if another connection committed in between, SQLite answers
//! `SQLITE_BUSY_SNAPSHOT` at once, without waiting `busy_timeout` ("database is locked"). `BEGIN
//! IMMEDIATE` takes the write lock first, so writers queue behind `busy_timeout` instead. On
//! PostgreSQL the option is ignored: rows are locked as they are written.
use std::future::Future;

use sea_orm::{DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait};

const IMMEDIATE: TransactionOptions =
    TransactionOptions { isolation_level: None, access_mode: None, sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate) };

/// `db.begin_write()`: the only way this application starts a transaction (every one of them writes).
pub trait BeginWrite: TransactionTrait {
    fn begin_write(&self) -> impl Future<Output = Result<Self::Transaction, DbErr>> + Send;
}

impl<T: TransactionTrait> BeginWrite for T {
    fn begin_write(&self) -> impl Future<Output = Result<Self::Transaction, DbErr>> + Send {
        self.begin_with_options(IMMEDIATE)
    }
}
