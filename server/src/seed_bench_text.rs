//! Generated, varied text for the benchmark event: speaker names and bios, talk titles, abstracts
//! (Markdown, about 500 characters) and outlines. Deterministic: the same index gives the same text.

/// A small deterministic generator (splitmix64): no dependency, same output on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, pool: &[&'a str]) -> &'a str {
        pool[self.below(pool.len())]
    }
}

const FIRST: [&str; 20] = [
    "Alice", "Bastien", "Chiara", "Daniel", "Emma", "Farid", "Greta", "Hugo", "Ingrid", "Jonas", "Keiko", "Lucas", "Maya", "Nils", "Olga",
    "Pablo", "Quentin", "Rosa", "Samir", "Tess",
];
const LAST: [&str; 20] = [
    "Andersen", "Bernard", "Costa", "Dubois", "Eriksen", "Fontaine", "García", "Hoffmann", "Ivanova", "Jansen", "Kowalski", "Laurent",
    "Moreau", "Novak", "Okafor", "Peeters", "Quinn", "Rossi", "Schmidt", "Tanaka",
];
const JOBS: [&str; 12] = [
    "Staff engineer",
    "Site reliability engineer",
    "Platform engineer",
    "Security engineer",
    "Developer advocate",
    "Engineering manager",
    "Data engineer",
    "Cloud architect",
    "ML engineer",
    "Open source maintainer",
    "Backend developer",
    "Head of infrastructure",
];
const COMPANIES: [&str; 15] = [
    "Northwind Cloud",
    "Fjord Systems",
    "Harbour Data",
    "Tilia Software",
    "Blue Heron Labs",
    "Quartz Logistics",
    "Meridian Bank (fictional)",
    "Lumen Health",
    "Cobalt Retail",
    "Orchard Energy",
    "Kestrel Networks",
    "Atelier Numérique",
    "Polder Compute",
    "Granite Insurance",
    "Vela Mobility",
];
const CITIES: [&str; 12] =
    ["Lille", "Ghent", "Brussels", "Paris", "Lyon", "Amsterdam", "Berlin", "Nantes", "Rotterdam", "Antwerp", "Cologne", "Luxembourg"];
const INTERESTS: [&str; 10] = [
    "making on-call boring",
    "small, well-documented platforms",
    "supply-chain security",
    "honest postmortems",
    "measuring before optimising",
    "teaching Kubernetes to newcomers",
    "open standards",
    "frugal infrastructure",
    "developer experience",
    "data pipelines that explain themselves",
];
const HOBBIES: [&str; 8] = [
    "Off work, they run long distances slowly.",
    "They bake bread and break builds, in that order.",
    "They organise a local meetup and always bring the stickers.",
    "They collect vintage keyboards.",
    "They mentor first-time speakers.",
    "They play the cello in an amateur orchestra.",
    "They cycle to work whatever the weather.",
    "They write a newsletter about incident reviews.",
];

/// (display name, job, company, city, Markdown bio) of speaker `j` (0..200: every name distinct).
pub fn speaker(j: usize) -> (String, &'static str, &'static str, &'static str, String) {
    let name = format!("{} {}", FIRST[j % 20], LAST[(7 * (j % 20) + j / 20) % 20]);
    let mut rng = Rng::new(1_000 + j as u64);
    let (job, company, city) = (rng.pick(&JOBS), rng.pick(&COMPANIES), rng.pick(&CITIES));
    let years = 3 + rng.below(15);
    let first = rng.below(INTERESTS.len());
    let bio = format!(
        "{name} is a {} at **{company}** in {city}, with {years} years of building and running production systems. \
         Cares about *{}* and {}. {}",
        job.to_lowercase(),
        INTERESTS[first],
        INTERESTS[(first + 1 + rng.below(INTERESTS.len() - 1)) % INTERESTS.len()],
        rng.pick(&HOBBIES),
    );
    (name, job, company, city, bio)
}

/// Subjects per track, in the order of the event's tracks.
const SUBJECTS: [[&str; 10]; 6] = [
    [
        "Kubernetes operators",
        "cluster autoscaling",
        "multi-cluster networking",
        "StatefulSets",
        "the Gateway API",
        "etcd",
        "admission webhooks",
        "pod scheduling",
        "node upgrades",
        "CRD versioning",
    ],
    [
        "internal developer platforms",
        "golden paths",
        "GitOps",
        "progressive delivery",
        "CI pipelines",
        "preview environments",
        "platform APIs",
        "self-service databases",
        "build caches",
        "release trains",
    ],
    [
        "SBOMs",
        "image signing",
        "secrets management",
        "policy as code",
        "runtime detection",
        "zero-trust networking",
        "workload identity",
        "vulnerability triage",
        "least-privilege RBAC",
        "reproducible builds",
    ],
    [
        "OpenTelemetry",
        "SLOs",
        "distributed tracing",
        "log pipelines",
        "alert fatigue",
        "continuous profiling",
        "eBPF observability",
        "incident reviews",
        "synthetic monitoring",
        "error budgets",
    ],
    [
        "GPU scheduling",
        "feature stores",
        "streaming pipelines",
        "vector databases",
        "model serving",
        "data contracts",
        "batch workloads",
        "LLM inference",
        "lakehouse storage",
        "notebook platforms",
    ],
    [
        "carbon-aware scheduling",
        "rightsizing",
        "FinOps",
        "energy metrics",
        "idle clusters",
        "data retention",
        "efficient container images",
        "hardware lifecycles",
        "green CI",
        "demand shaping",
    ],
];

const TITLES: [&str; 12] = [
    "{S} in production: lessons from {N} clusters",
    "What we learnt running {s} for {Y} years",
    "{S} without the hype",
    "A practical guide to {s}",
    "Debugging {s} at 3 a.m.",
    "From zero to {s}: an honest migration story",
    "{S}: the parts nobody documents",
    "Scaling {s} to {N} teams",
    "Why we replaced our home-grown tooling with {s}",
    "{S} for application developers",
    "Ten mistakes we made with {s}",
    "Testing {s} before it tests you",
];

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn fill(template: &str, subject: &str, rng: &mut Rng) -> String {
    template
        .replace("{S}", &capitalised(subject))
        .replace("{s}", subject)
        .replace("{N}", &(3 + rng.below(60)).to_string())
        .replace("{Y}", &(2 + rng.below(7)).to_string())
}

const OPENERS: [&str; 8] = [
    "Everyone calls {s} a solved problem. Our pager disagreed.",
    "Two years ago we bet on {s}, mostly because the alternatives scared us more.",
    "On a slide, getting {s} right looks simple; at scale it gets interesting.",
    "This talk starts with an outage that our work on {s} was supposed to prevent.",
    "We were asked to adopt {s} in one quarter, with no new hires.",
    "Most guides to {s} stop where the real work begins.",
    "Our first attempt at {s} was rolled back within a week.",
    "Work on {s} touches every team, which is exactly why it is hard to get right.",
];
const CONTEXTS: [&str; 8] = [
    "Our setup: a few hundred services, {N} engineers and a platform team of six.",
    "The context is a regulated company where every change needs an audit trail.",
    "We run on bare metal in two data centres, with a public cloud for the bursts.",
    "It all happened while the product kept shipping every day, which made it fun.",
    "The numbers come from {N} months of production data, warts included.",
    "Our users are developers, and they are not shy about telling us what hurts.",
    "Nothing here needs a big budget: most of it is configuration and discipline.",
    "We did it with volunteers from {N} teams rather than a dedicated squad.",
];
const MIDDLES: [&str; 8] = [
    "We walk through **the architecture we ended up with**, the numbers before and after, and the trade-offs we would make again.",
    "You will see **real dashboards**, a failed experiment and the small changes that finally made the difference.",
    "We compare three approaches side by side and explain **why the boring one won**.",
    "Expect a live demo, a few anonymised incident timelines and **a checklist you can reuse on Monday**.",
    "We cover the migration plan, how we kept the old path alive, and **what we measured to know we were done**.",
    "Along the way we show the scripts, the policies and **the conversations with other teams** that it took.",
    "We share the design documents, the mistakes in them, and **how review culture caught the worst ones**.",
    "The second half is hands-on: **bring a laptop** if you want to follow along.",
];
const TAKEAWAYS: [&str; 8] = [
    "You will leave knowing when *not* to use it.",
    "No vendor pitch: everything shown is open source.",
    "Aimed at practitioners; no prior experience with the tools is needed.",
    "Slides, code and a reading list will be shared after the session.",
    "Come with questions: the last ten minutes are for yours.",
    "Ideal if you are about to start the same journey.",
    "We close with what we would do differently next time.",
    "The lessons apply well beyond our stack.",
];
const STEPS: [&str; 10] = [
    "Where we started",
    "The first incident",
    "Design choices",
    "Migration in small steps",
    "Measuring the result",
    "What went wrong",
    "Team and process changes",
    "Costs and savings",
    "Live demo",
    "Questions",
];

/// (title, Markdown abstract of about 500 characters, Markdown outline) of talk `i` in `track`.
/// Titles are distinct for distinct `i` below 300.
pub fn talk(i: usize, track: usize) -> (String, String, String) {
    let mut rng = Rng::new(i as u64);
    let subject_no = (i / SUBJECTS.len()) % 10;
    let subject = SUBJECTS[track % SUBJECTS.len()][subject_no];
    let template = TITLES[(i / 60 + subject_no + 2 * track) % TITLES.len()];
    let title = fill(template, subject, &mut rng);
    let opener = fill(rng.pick(&OPENERS), subject, &mut rng);
    let context = fill(rng.pick(&CONTEXTS), subject, &mut rng);
    let steps = |rng: &mut Rng, n: usize| {
        let first = rng.below(STEPS.len());
        (0..n).map(|k| format!("- {}", STEPS[(first + 3 * k) % STEPS.len()])).collect::<Vec<_>>().join("\n")
    };
    let abstract_md = format!(
        "{opener} {context}\n\n{} {}\n\n{}\n\n{}",
        fill("In this session we place {s} within a modern platform and show where the idea stops helping.", subject, &mut rng),
        rng.pick(&MIDDLES),
        steps(&mut rng, 4),
        rng.pick(&TAKEAWAYS),
    );
    let outline = steps(&mut rng, 5);
    (title, abstract_md, outline)
}

/// Rooms: (name, seats, description).
pub const ROOMS: [(&str, i32, &str); 12] = [
    ("Grand Amphi", 900, "Ground floor, step-free access, induction loop, live captions."),
    ("Amphi Lumière", 450, "Ground floor, step-free access, induction loop."),
    ("Salle Atlas", 300, "First floor, lift beside the cloakroom."),
    ("Salle Borealis", 250, "First floor, lift beside the cloakroom."),
    ("Salle Cassiopée", 200, "First floor."),
    ("Salle Dorado", 180, "First floor."),
    ("Salle Eridan", 150, "Second floor, lift."),
    ("Salle Fornax", 120, "Second floor, lift."),
    ("Salle Gémeaux", 100, "Second floor, lift."),
    ("Salle Hydra", 80, "Second floor, quiet room next door."),
    ("Atelier 1", 40, "Ground floor, tables for hands-on sessions."),
    ("Atelier 2", 40, "Ground floor, tables for hands-on sessions."),
];

/// The day's keynote title.
pub fn keynote(day: usize) -> &'static str {
    ["Keynote: the next ten years of cloud native", "Keynote: platforms are products", "Keynote: sustainable infrastructure, for real"]
        [day % 3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_names_are_distinct_and_within_limits() {
        let titles: std::collections::HashSet<String> = (0..300).map(|i| talk(i, i % 6).0).collect();
        assert_eq!(titles.len(), 300);
        assert!(titles.iter().all(|t| t.chars().count() <= domain::cfp::TITLE_MAX));
        let names: std::collections::HashSet<String> = (0..200).map(|j| speaker(j).0).collect();
        assert_eq!(names.len(), 200);
        for i in 0..300 {
            let n = talk(i, i % 6).1.chars().count();
            assert!((350..=900).contains(&n), "abstract {i}: {n} characters");
        }
    }
}
