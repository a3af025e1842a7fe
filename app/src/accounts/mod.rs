//! The account pages people see: sign in, sign up, password reset, email verification, account.
//! The rules and server functions behind them are in `auth`, which the layout uses too.
pub mod api;
#[cfg(feature = "ssr")]
pub mod erasure;
pub mod pages;
