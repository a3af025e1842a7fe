//! Programmes built recently, kept per instance (each server process has its own).
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use domain::programme::Programme;

/// How long a built programme is reused: talk texts and profiles edited since show after this.
const PROGRAMME_TTL: Duration = Duration::from_secs(60);

/// Programmes built recently, by (event, version): signed-in visitors and page-cache misses reuse
/// them instead of reading every talk and profile again.
#[derive(Default)]
pub struct ProgrammeCache(Mutex<HashMap<(i32, i32), (Instant, Arc<Programme>)>>);

impl ProgrammeCache {
    pub(super) fn get(&self, key: (i32, i32)) -> Option<Arc<Programme>> {
        let map = self.0.lock().ok()?;
        map.get(&key).filter(|(at, _)| at.elapsed() < PROGRAMME_TTL).map(|(_, p)| p.clone())
    }

    pub(super) fn put(&self, key: (i32, i32), p: Arc<Programme>) {
        if let Ok(mut map) = self.0.lock() {
            map.retain(|_, (at, _)| at.elapsed() < PROGRAMME_TTL);
            map.insert(key, (Instant::now(), p));
        }
    }
}
