//! Server-only formats and rules that need server crates (quick-xml, chrono-tz, icalendar, url):
//! the frab schedule export and import, iCal files, local times of an event, no-JS form bodies.
pub mod form_flash;
pub mod frab;
pub mod frab_import;
pub mod ical;
pub mod zoned;
