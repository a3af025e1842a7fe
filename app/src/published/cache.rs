//! Programmes built recently, kept per instance (each server process has its own).
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use domain::programme::Programme;

/// How long a built programme is reused: talk texts and profiles edited since show after this.
const PROGRAMME_TTL: Duration = Duration::from_secs(60);

/// How many rendered pages are kept at most (filters make many addresses of one agenda).
const MAX_PAGES: usize = 512;

/// Programmes built recently, by (event, version): signed-in visitors and page-cache misses reuse
/// them instead of reading every talk and profile again. Pages rendered from them are kept beside
/// them, as long (see `agenda::rendered`).
#[derive(Default)]
pub struct ProgrammeCache {
    programmes: Mutex<HashMap<(i32, i32), (Instant, Arc<Programme>)>>,
    pages: Mutex<HashMap<String, (Instant, Arc<String>)>>,
}

impl ProgrammeCache {
    pub(super) fn get(&self, key: (i32, i32)) -> Option<Arc<Programme>> {
        let map = self.programmes.lock().ok()?;
        map.get(&key).filter(|(at, _)| at.elapsed() < PROGRAMME_TTL).map(|(_, p)| p.clone())
    }

    pub(super) fn put(&self, key: (i32, i32), p: Arc<Programme>) {
        if let Ok(mut map) = self.programmes.lock() {
            map.retain(|_, (at, _)| at.elapsed() < PROGRAMME_TTL);
            map.insert(key, (Instant::now(), p));
        }
    }

    /// A page part rendered from a programme, if it was rendered within the programme's lifetime.
    pub fn rendered(&self, key: &str) -> Option<Arc<String>> {
        let map = self.pages.lock().ok()?;
        map.get(key).filter(|(at, _)| at.elapsed() < PROGRAMME_TTL).map(|(_, html)| html.clone())
    }

    /// Keeps a rendered page part; the oldest go first when there are too many.
    pub fn keep_rendered(&self, key: String, html: Arc<String>) {
        if let Ok(mut map) = self.pages.lock() {
            map.retain(|_, (at, _)| at.elapsed() < PROGRAMME_TTL);
            if map.len() >= MAX_PAGES {
                if let Some(oldest) = map.iter().min_by_key(|(_, (at, _))| *at).map(|(k, _)| k.clone()) {
                    map.remove(&oldest);
                }
            }
            map.insert(key, (Instant::now(), html));
        }
    }
}
