//! The demo call for papers of the upcoming event: its settings, fictional speakers with profiles, and
//! their talks and proposals (see `seed_talks`). Everything is fictional; only codes and passwords are random.
use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, Set};

use app::auth::service::insert_user;
use app::crypto::{new_code, new_token};
use app::db::BeginWrite;
use app::entities::{cfp_settings, event, proposal, proposal_speaker, speaker_profile, talk};
use app::events::cfp_settings as settings;
use app::events::texts;
use app::formats::zoned::{local_to_utc, zone};
use app::lang::Locale;
use domain::cfp::{Choice, ProposalState};

use super::seed_talks::{PROPOSALS, SOFIA};

/// The domain of the fictional speakers' addresses; nobody signs in as them.
pub const SPEAKER_DOMAIN: &str = "speakers.example";

/// The upcoming event's CFP opened this many days ago and closed this many days ago (23:59, event time).
pub const OPENED_DAYS_AGO: i64 = 30;
pub const CLOSED_DAYS_AGO: i64 = 2;
/// The other demo event's CFP is open for this many more days: brand-new speakers can try it.
pub const CLOSES_IN_DAYS: i64 = 14;

const CFP_TEXT: &str = "\
## Tell us what you learnt running cloud-native systems

Cloud Nord is a one-day conference in Lille, run by volunteers, for about 250 people who build and operate \
cloud-native platforms. We want to hear from practitioners: what you built, what broke, what you would do differently.

**Talks can be in French or in English** — pick the one you are most at ease with and tell us in your proposal.

### What we are looking for

- **REX — retour d'expérience.** Experience reports are at the heart of the programme. Half-successes and honest failures are welcome.
- Kubernetes and operators, platform engineering, security and the software supply chain, observability, data and AI \
workloads, Green IT and FinOps, open source and digital autonomy.
- First-time speakers: say so in your proposal and a volunteer will help you rehearse.

### What we are not looking for

Product pitches. Our partners have a village where their teams share expertise with attendees; neither the village nor \
the stage is the place to announce a roadmap.

### Practical details

- Up to **3 proposals** per speaker; co-speakers are welcome.
- Short talks last 20 minutes, experience reports 40, deep-dives 90.
- Every speaker gets a ticket, and every proposal gets an answer.
";

const CFP_TEXT_FR: &str = "\
## Racontez-nous ce que vous avez appris en faisant tourner du cloud native

Cloud Nord est une journée de conférence à Lille, organisée par des bénévoles, pour environ 250 personnes qui construisent \
et exploitent des plateformes cloud native. Nous voulons entendre des praticiens : ce que vous avez construit, ce qui a \
cassé, ce que vous feriez autrement.

**Les talks peuvent être en français ou en anglais** — choisissez la langue dans laquelle vous êtes le plus à l’aise et \
indiquez-la dans votre proposition.

### Ce que nous cherchons

- **REX — retour d’expérience.** Les retours d’expérience sont au cœur du programme. Les demi-succès et les échecs \
racontés honnêtement sont les bienvenus.
- Kubernetes et opérateurs, platform engineering, sécurité et chaîne d’approvisionnement logicielle, observabilité, \
données et IA, Green IT et FinOps, open source et autonomie numérique.
- Première prise de parole : dites-le dans votre proposition, un·e bénévole vous aidera à répéter.

### Ce que nous ne cherchons pas

Les présentations commerciales. Nos partenaires ont un village où leurs équipes partagent leur expertise avec le public ; \
ni le village ni la scène ne sont le lieu pour annoncer une roadmap.

### En pratique

- Jusqu’à **3 propositions** par speaker ; les co-speakers sont bienvenus.
- Les talks courts durent 20 minutes, les retours d’expérience 40, les deep-dives 90.
- Chaque speaker reçoit une place, et chaque proposition reçoit une réponse.
";

/// (login, name, job title, company, city, website path or "", social handle or "", private notes, bio).
/// The email is `login@speakers.example`; the website is `https://example.org/<path>`.
type DemoSpeaker =
    (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str);

pub const SPEAKERS: [DemoSpeaker; 30] = [
    ("camille.dufresne", "Camille Dufresne", "Staff SRE", "Brasserie Logicielle du Nord", "Lille", "camille", "@camille@social.example", "",
     "Camille keeps payment services up at a fictional Lille scale-up and **chairs the SRE guild**. Collects postmortems like others collect stamps."),
    ("yannick.vandamme", "Yannick Van Damme", "Platform engineer", "Polderbyte", "Gand", "yvd", "", "",
     "Yannick builds the internal developer platform at Polderbyte. He believes the best platform is the one nobody has to think about."),
    ("amina.benali", "Amina Benali", "Security engineer", "Vigie Cloud", "Roubaix", "amina", "amina.bsky.example", "",
     "Amina travaille sur la sécurité de la chaîne d'approvisionnement logicielle. Elle anime un atelier mensuel *SBOM & café* à Roubaix."),
    ("thibault.lefebvre", "Thibault Lefebvre", "Kubernetes consultant", "Lefebvre Conseil (independent)", "Amiens", "tlefebvre", "", "",
     "Consultant indépendant, Thibault accompagne des PME picardes dans leurs premiers pas sur Kubernetes."),
    ("ines.carvalho", "Inês Carvalho", "Observability lead", "Quai des Métriques", "Lyon", "ines", "@ines@social.example", "",
     "Inês has spent ten years making systems explain themselves. Today she leads observability at Quai des Métriques and contributes to OpenTelemetry docs."),
    ("koen.peeters", "Koen Peeters", "CTO", "Ardennes Compute", "Bruxelles", "koen", "",
     "Hard of hearing: please repeat audience questions into the microphone.",
     "Koen co-founded Ardennes Compute, a small cloud provider running on open source only. Former network engineer, still draws everything as packets."),
    ("mathilde.roussel", "Mathilde Roussel", "Green IT consultant", "Sobriété Numérique Conseil", "Nantes", "mathilde", "", "",
     "Mathilde aide les équipes techniques à mesurer puis réduire l'empreinte environnementale de leurs services. Ancienne développeuse backend."),
    ("olusegun.adeyemi", "Olusegun Adeyemi", "Data platform engineer", "Canal Data", "Paris", "segun", "", "",
     "Segun runs the data platform at Canal Data: Spark, Kafka and a growing number of GPUs, all on Kubernetes."),
    ("lea.nguyen", "Léa Nguyen", "Developer advocate", "Tisserand Open Source", "Lille", "lea", "@lea@social.example", "",
     "Léa fait le lien entre les équipes produit et les communautés open source. Elle organise aussi un meetup cloud native à Lille."),
    ("pieter.dewilde", "Pieter De Wilde", "SRE manager", "Scheldt Cloud", "Gand", "", "", "",
     "Pieter manages two SRE teams and a very opinionated on-call rota. He cares about sleep, both his and his team's."),
    ("sarah.haddad", "Sarah Haddad", "DevSecOps engineer", "Mutuelle Horizon Nord", "Lille", "sarah", "", "",
     "Sarah sécurise les clusters d'une mutuelle (fictive) du Nord. Elle préfère les règles qu'on comprend aux règles qu'on subit."),
    ("julien.moreau", "Julien Moreau", "Cloud architect", "Hexagone Infra", "Paris", "jmoreau", "", "",
     "Julien conçoit des architectures hybrides pour des clients publics et privés, avec une obsession : pouvoir partir."),
    ("fatou.diop", "Fatou Diop", "ML engineer", "Atelier Neuronal", "Nantes", "fatou", "fatou.bsky.example", "",
     "Fatou puts models in production and keeps them there. She teaches an evening MLOps course in Nantes."),
    ("marc.delvaux", "Marc Delvaux", "Network engineer", "WaveLink Belgium", "Bruxelles", "", "@marc@social.example", "",
     "Marc started with routers and ended up in the Linux kernel. He now works on eBPF-based networking for multi-cluster platforms."),
    ("chloe.martin", "Chloé Martin", "Engineering manager", "Filature Digitale", "Roubaix", "chloe", "", "",
     "Chloé dirige l'équipe plateforme de Filature Digitale après y avoir été développeuse, ops puis SRE."),
    ("arnaud.leclercq", "Arnaud Leclercq", "Runtime security engineer", "Beffroi Systems", "Lille", "arnaud", "", "",
     "Arnaud writes kernel probes for a living and detection rules for fun. Regular at the Lille security meetups."),
    ("hana.kobayashi", "Hana Kobayashi", "Staff engineer", "Canopée Logistique", "Lyon", "hana", "", "",
     "Hana designs the multi-cluster platform behind a parcel network. Peak season is her favourite time of the year, really."),
    ("sven.janssens", "Sven Janssens", "FinOps practitioner", "Kasseien Retail", "Gand", "sven", "", "",
     "Sven helps engineers see what their architecture costs, in euros and in kilowatt-hours."),
    ("nadia.boukhris", "Nadia Boukhris", "Software supply chain lead", "Forge Libre Collectif", "Paris", "nadia", "@nadia@social.example", "",
     "Nadia maintient des outils de signature et d'attestation au sein d'un collectif open source. Elle aime les chaînes de confiance courtes."),
    ("guillaume.petit", "Guillaume Petit", "Platform engineer (ex-DBA)", "Banque Coopérative des Flandres", "Lille", "", "", "",
     "Guillaume a été DBA pendant douze ans avant de rejoindre l'équipe plateforme. Il a toujours un plan de restauration."),
    ("elif.yilmaz", "Elif Yilmaz", "Site reliability engineer", "Tramway Numérique", "Lyon", "elif", "", "",
     "Elif keeps a fictional transport operator's apps running and deletes more alerts than she creates."),
    ("baptiste.renard", "Baptiste Renard", "DevOps apprentice", "Coopérative Lainière", "Roubaix", "", "", "First talk: would appreciate a rehearsal slot.",
     "Baptiste est apprenti DevOps en deuxième année. C'est sa première proposition de talk."),
    ("anouk.devries", "Anouk de Vries", "Open source programme officer", "Grand-Place Software", "Bruxelles", "anouk", "anouk.bsky.example", "",
     "Anouk runs the open source programme office at Grand-Place Software, where she turns good intentions into licences and governance."),
    ("karim.mansouri", "Karim Mansouri", "Backend developer", "Somme Énergies", "Amiens", "karim", "", "",
     "Karim développe des services en Go et traque les mégaoctets inutiles dans les images de conteneur."),
    ("margaux.lambert", "Margaux Lambert", "Product manager, internal platform", "Logistique des Hauts", "Lille", "margaux", "", "",
     "Margaux is the product manager of an internal platform: her users are developers, and they are not shy."),
    ("tomasz.nowak", "Tomasz Nowak", "Senior Go developer", "Estuaire Cloud", "Nantes", "tomasz", "", "",
     "Tomasz has written more Kubernetes controllers than he would like to admit, and has opinions about finalizers."),
    ("aurelie.dumont", "Aurélie Dumont", "Technical writer", "Doc & Roll", "Paris", "aurelie", "",
     "Uses a wheelchair: needs step-free access to the stage and a lower lectern.",
     "Aurélie écrit la documentation de plateformes techniques et milite pour une doc organisée par tâches."),
    ("wout.claes", "Wout Claes", "Cloud security architect", "Leie Hosting", "Gand", "", "", "",
     "Wout designs identity and network security for a hosting platform. He distrusts IP addresses on principle."),
    ("priya.raman", "Priya Raman", "AI platform engineer", "Beffroi Systems", "Lille", "priya", "", "",
     "Priya builds the AI platform at Beffroi Systems and prefers boring databases to shiny ones."),
    ("jeanne.vasseur", "Jeanne Vasseur", "Head of infrastructure", "Métropole Numérique des Flandres (fictional)", "Lille", "", "", "",
     "Jeanne dirige l'infrastructure d'une collectivité (fictive) et pilote sa migration vers un cloud de confiance."),
];

fn website(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("https://example.org/{path}")
    }
}

fn ctx<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> anyhow::Error + '_ {
    move |e| anyhow::anyhow!("demo CFP, {what}: {e}")
}

/// Opens the CFP of `event`, adds the fictional speakers and the proposals, in one transaction.
pub async fn seed_cfp(db: &DatabaseConnection, event: &event::Model, sofia_id: i32, now: DateTime<Utc>) -> anyhow::Result<()> {
    let txn = db.begin_write().await?;
    open_cfp(&txn, event, OPENED_DAYS_AGO, -CLOSED_DAYS_AGO, (CFP_TEXT_FR, CFP_TEXT), now).await?;
    let mut ids = HashMap::from([(SOFIA, sofia_id)]);
    for s in &SPEAKERS {
        let (login, name, job, company, city, web, social, notes, bio) = *s;
        let email = format!("{login}@{SPEAKER_DOMAIN}");
        let u = insert_user(&txn, &email, name, &new_token(), false, true, now).await.map_err(ctx(&email))?;
        profile(u.id, name, bio, company, job, city, &website(web), social, notes, now).insert(&txn).await?;
        ids.insert(login, u.id);
    }
    profile(
        sofia_id,
        "Sofia Speaker",
        "Sofia is a backend developer who moved to the platform team two years ago. She speaks about **Kubernetes for \
         application developers** and progressive delivery.",
        "Estrade Demo Company",
        "Backend developer",
        "Lille",
        "https://example.org/sofia",
        "@sofia@social.example",
        "",
        now,
    )
    .insert(&txn)
    .await?;
    add_proposals(&txn, event, &ids, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Opens the event's CFP `opened_days_ago` days ago; it closes `closes_in_days` from today (the date of
/// `now`; negative: closed), at 23:59.
pub async fn open_cfp(
    db: &impl ConnectionTrait,
    event: &event::Model,
    opened_days_ago: i64,
    closes_in_days: i64,
    (french, english): (&str, &str),
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let tz = zone(&event.time_zone);
    let today = now.with_timezone(&tz).date_naive();
    let at = |day: chrono::NaiveDate, time: &str| local_to_utc(&format!("{day}T{time}"), tz).map_err(ctx("dates"));
    let opens = at(today - Duration::days(opened_days_ago), "00:00")?;
    let closes = at(today + Duration::days(closes_in_days), "23:59")?;
    let s = settings::settings_of(db, event.id, now).await.map_err(ctx("settings"))?;
    let mut active: cfp_settings::ActiveModel = s.into();
    active.opens_at = Set(Some(opens));
    active.closes_at = Set(Some(closes));
    active.max_proposals = Set(Some(3));
    active.cfp_text = Set(french.into());
    active.updated_at = Set(now);
    active.update(db).await?;
    let versions = [(Locale::fr, french.to_string()), (Locale::en, english.to_string())];
    texts::save(db, event.id, texts::CFP_TEXT, &versions).await.map_err(ctx("texts"))?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn profile(
    user_id: i32,
    name: &str,
    bio: &str,
    company: &str,
    job: &str,
    city: &str,
    website: &str,
    social: &str,
    notes: &str,
    now: DateTime<Utc>,
) -> speaker_profile::ActiveModel {
    speaker_profile::ActiveModel {
        user_id: Set(user_id),
        public_name: Set(name.into()),
        bio: Set(bio.into()),
        company: Set(company.into()),
        job_title: Set(job.into()),
        photo_url: Set(String::new()),
        photo_file: Set(String::new()),
        website: Set(website.into()),
        github: Set(String::new()),
        linkedin: Set(String::new()),
        social: Set(social.into()),
        city: Set(city.into()),
        private_notes: Set(notes.into()),
        updated_at: Set(now - Duration::days(OPENED_DAYS_AGO)),
        ..Default::default()
    }
}

/// One talk per row of `PROPOSALS`, and its proposal, spread over the weeks the CFP has been open.
async fn add_proposals(
    db: &impl ConnectionTrait,
    event: &event::Model,
    ids: &HashMap<&str, i32>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let formats = settings::formats_of(db, event.id, true).await.map_err(ctx("formats"))?;
    let tracks = settings::tracks_of(db, event.id, true).await.map_err(ctx("tracks"))?;
    let n = PROPOSALS.len() as i64;
    for (i, row) in PROPOSALS.iter().enumerate() {
        let (owner, co, format, track, level, language, state, title, summary, details) = *row;
        let who = |login: &str| ids.get(login).copied().ok_or_else(|| anyhow::anyhow!("demo CFP: unknown speaker {login}"));
        let owner_id = who(owner)?;
        let i = i as i64;
        // From 28 days ago to 3 days ago, so that every date below is in the past.
        let created: DateTime<Utc> = now - Duration::days(28 - i * 25 / n) + Duration::hours((i * 7) % 10);
        let submitted = created + Duration::hours(1 + i % 4);
        let t = talk::ActiveModel {
            owner_id: Set(owner_id),
            title: Set(title.into()),
            summary: Set(summary.into()),
            details: Set(details.into()),
            level: Set(level.as_str().into()),
            language: Set(language.as_str().into()),
            references: Set(String::new()),
            created_at: Set(created - Duration::days(2)),
            updated_at: Set(created - Duration::days(2)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let sent = state != ProposalState::Draft;
        let p = proposal::ActiveModel {
            code: Set(new_code()),
            event_id: Set(event.id),
            talk_id: Set(Some(t.id)),
            owner_id: Set(owner_id),
            format_id: Set(formats.get(format).map(|f| f.id)),
            track_id: Set(tracks.get(track).map(|t| t.id)),
            title: Set(t.title),
            summary: Set(t.summary),
            details: Set(t.details),
            level: Set(t.level),
            language: Set(t.language),
            references: Set(t.references),
            state: Set(state.as_str().into()),
            form_key: Set(new_code()),
            submitted_at: Set(sent.then_some(submitted)),
            withdrawn_at: Set((state == ProposalState::Withdrawn).then(|| submitted + Duration::days(1))),
            created_at: Set(created),
            updated_at: Set(if sent { submitted } else { created }),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let speakers = [(owner_id, true, created)];
        let cospeaker = if co.is_empty() { None } else { Some((who(co)?, false, created + Duration::hours(6))) };
        for (user_id, is_owner, at) in speakers.into_iter().chain(cospeaker) {
            proposal_speaker::ActiveModel {
                proposal_id: Set(p.id),
                user_id: Set(user_id),
                is_owner: Set(is_owner),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::cfp::{talk_errors, Language, Level, TalkForm, CFP_TEXT_MAX, DEFAULT_FORMATS, DEFAULT_TRACKS};
    use domain::profile::{profile_errors, ProfileForm};

    #[test]
    fn demo_profiles_pass_the_profile_rules() {
        for (login, name, job, company, city, web, social, notes, bio) in SPEAKERS {
            let form = ProfileForm {
                public_name: name.into(),
                bio: bio.into(),
                company: company.into(),
                job_title: job.into(),
                website: website(web),
                social: social.into(),
                city: city.into(),
                private_notes: notes.into(),
                ..Default::default()
            };
            assert!(profile_errors(&form).is_empty(), "{login}: {:?}", profile_errors(&form));
        }
        assert!(CFP_TEXT.chars().count() <= CFP_TEXT_MAX);
    }

    #[test]
    fn demo_proposals_are_complete_and_within_the_limit() {
        let logins: Vec<&str> = SPEAKERS.iter().map(|s| s.0).chain([SOFIA]).collect();
        for (owner, co, format, track, level, language, state, title, summary, details) in PROPOSALS.iter().copied() {
            let form = TalkForm {
                title: title.into(),
                summary: summary.into(),
                details: details.into(),
                level: level.as_str().into(),
                language: language.as_str().into(),
                references: String::new(),
            };
            assert!(talk_errors(&form, Level::ALL, Language::ALL, true).is_empty(), "{title}");
            assert!(logins.contains(&owner) && (co.is_empty() || (logins.contains(&co) && co != owner)), "{title}");
            assert!(format < DEFAULT_FORMATS.len() && track < DEFAULT_TRACKS.len(), "{title}");
            let submitted = PROPOSALS.iter().filter(|p| p.0 == owner && p.6 == ProposalState::Submitted).count();
            assert!(submitted <= 3 || state != ProposalState::Submitted, "{owner} submits too many");
        }
    }
}
