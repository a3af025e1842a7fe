//! The demo proposals to the upcoming event's CFP: fictional speakers, plausible cloud-native topics.
//! Each row becomes a talk in its owner's library and a proposal copying its text.
use domain::cfp::Language::{self, English, French};
use domain::cfp::Level::{self, Advanced, Beginner, Intermediate};
use domain::cfp::ProposalState::{self, Draft, Submitted, Withdrawn};

/// Positions of the default formats and tracks (see `domain::cfp::DEFAULT_FORMATS` / `DEFAULT_TRACKS`).
const SHORT: usize = 0;
const REX: usize = 1;
const DEEP: usize = 2;
const K8S: usize = 0;
const PLATFORM: usize = 1;
const SECURITY: usize = 2;
const OBSERVABILITY: usize = 3;
const AI_DATA: usize = 4;
const GREEN: usize = 5;
const OPEN: usize = 6;

/// The key of the existing demo speaker account (Sofia Speaker) in `PROPOSALS`.
pub const SOFIA: &str = "sofia";

/// (owner, accepted co-speaker or "", format, track, level, language, state, title, summary, outline).
/// Owners and co-speakers are logins of `seed_cfp::SPEAKERS`, or `SOFIA`.
pub type DemoProposal =
    (&'static str, &'static str, usize, usize, Level, Language, ProposalState, &'static str, &'static str, &'static str);

pub const PROPOSALS: &[DemoProposal] = &[
    (SOFIA, "", SHORT, PLATFORM, Beginner, English, Submitted,
     "Kubernetes for people who just want to ship",
     "You were told to \"deploy on the cluster\" and handed a kubeconfig. This talk is the twenty minutes I wish I had had: \
      what a Deployment, a Service and an Ingress really do, which three kubectl commands get you out of trouble, \
      and what to ask your platform team instead of copying YAML from a wiki page.",
     "- The mental model: desired state and controllers\n- Deployment, Service, Ingress in one picture\n- kubectl describe, logs, events\n- Questions to ask your platform team"),
    (SOFIA, "", REX, PLATFORM, Intermediate, French, Draft,
     "Feature flags et déploiements progressifs avec Argo Rollouts",
     "Nous déployions le vendredi soir en croisant les doigts. Un an plus tard, chaque mise en production passe par un canary \
      piloté par des métriques, et les fonctionnalités risquées restent derrière un feature flag. Ce retour d'expérience raconte \
      la migration, les analyses qui bloquent un rollout à tort, et la discipline qu'il a fallu pour nettoyer les flags.",
     "- Avant : le déploiement du vendredi\n- Canary et AnalysisTemplate\n- Faux positifs et seuils\n- La dette des feature flags"),
    ("camille.dufresne", "", REX, OBSERVABILITY, Intermediate, French, Submitted,
     "Nos SLO ont menti pendant six mois",
     "Nos tableaux de bord étaient verts, nos utilisateurs mécontents. Nous avions défini des SLO sur ce qui était facile à mesurer \
      plutôt que sur ce qui comptait. Je raconte comment nous avons découvert l'écart, réécrit nos indicateurs à partir des parcours \
      utilisateurs, et convaincu la direction qu'un budget d'erreur épuisé doit vraiment geler les mises en production.",
     "- Des SLO trop confortables\n- L'incident qui a tout révélé\n- Des SLI centrés sur les parcours\n- Faire respecter le budget d'erreur"),
    ("camille.dufresne", "pieter.dewilde", DEEP, OBSERVABILITY, Advanced, English, Submitted,
     "On-call without burnout: error budgets in practice",
     "Two SRE teams, one in Lille and one in Gent, compare how they run on-call for the same kind of platform. We go through \
      real (anonymised) pages, multi-window burn-rate alerts, handover rituals and the policies that protect people's nights. \
      Bring your laptop: the second half builds burn-rate alerts for a demo service together.",
     "- What a page costs\n- Burn-rate alerts, multi-window\n- Handover and follow-the-sun\n- Workshop: alerts for a demo service"),
    ("yannick.vandamme", "", SHORT, PLATFORM, Beginner, English, Submitted,
     "Golden paths are paved with templates",
     "A golden path is not a portal: it is the easiest way to do the right thing. In twenty minutes I show how a handful of \
      software templates took our new services from two weeks of tickets to a first deployment on day one, and why we \
      deliberately keep the escape hatches open.",
     "- What a golden path is (and is not)\n- Our first three templates\n- Measuring time to first deploy\n- Escape hatches"),
    ("yannick.vandamme", "", REX, K8S, Intermediate, English, Submitted,
     "We replaced 40 Helm charts with one operator (and regretted it a bit)",
     "Forty near-identical Helm charts, forty ways to drift. We wrote an operator to own the lifecycle of our internal services \
      instead. It worked: upgrades became boring. It also taught us about CRD versioning, status conditions nobody reads and \
      the on-call cost of owning a controller. An honest report with the numbers.",
     "- Chart sprawl\n- Designing the CRD\n- Upgrades, conversions, status\n- What we would do differently"),
    ("amina.benali", "nadia.boukhris", DEEP, SECURITY, Advanced, French, Submitted,
     "SBOM, VEX et signatures : une chaîne d'approvisionnement vérifiable de bout en bout",
     "Produire un SBOM est devenu facile ; s'en servir l'est beaucoup moins. Pendant ce deep-dive, nous construisons une chaîne \
      complète : génération des SBOM à la compilation, attestations signées, publication de documents VEX pour dire quelles \
      vulnérabilités nous concernent vraiment, et politique d'admission qui refuse une image non signée dans le cluster.",
     "- Pourquoi un SBOM seul ne suffit pas\n- Attestations et signatures\n- VEX : trier les CVE\n- Politique d'admission\n- Démo complète"),
    ("amina.benali", "", SHORT, SECURITY, Beginner, French, Draft,
     "Les secrets dans Git : trois erreurs et comment les éviter",
     "Une clé d'API commitée, un fichier .env oublié, un secret chiffré avec une clé partagée par toute l'équipe : trois histoires \
      vraies (et anonymisées) et, pour chacune, l'outil ou la pratique qui l'aurait évitée.",
     "- Erreur 1 : la clé commitée\n- Erreur 2 : le .env\n- Erreur 3 : la clé partagée\n- Une checklist"),
    ("thibault.lefebvre", "", REX, K8S, Intermediate, French, Submitted,
     "Migrer 200 CronJobs vers Argo Workflows : retour d'expérience",
     "Deux cents CronJobs, des dépendances implicites entre eux et des relances manuelles tous les lundis. Nous les avons migrés vers \
      des workflows explicites. Je partage la méthode d'inventaire, les pièges de la migration progressive, et les gains concrets \
      sur les reprises après incident.",
     "- L'inventaire\n- Modéliser les dépendances\n- Migration progressive\n- Bilan après six mois"),
    ("thibault.lefebvre", "", SHORT, K8S, Beginner, French, Withdrawn,
     "Kubernetes expliqué à ma DSI en 20 minutes",
     "Comment expliquer Kubernetes à une direction qui n'a jamais ouvert un terminal ? Des métaphores qui fonctionnent, celles qui \
      induisent en erreur, et les trois questions que toute DSI devrait poser avant de lancer un projet de plateforme.",
     "- Les bonnes métaphores\n- Les mauvaises\n- Trois questions pour la DSI"),
    ("ines.carvalho", "", DEEP, OBSERVABILITY, Intermediate, English, Submitted,
     "OpenTelemetry from zero to useful traces",
     "Instrumenting a service is the easy part; getting traces that answer real questions is not. We start from an uninstrumented \
      set of microservices, add automatic then manual instrumentation, configure the Collector (processors, tail sampling, \
      exporters) and finish by debugging a latency problem with nothing but the traces we produced.",
     "- Signals and semantic conventions\n- Auto vs manual instrumentation\n- The Collector pipeline\n- Debugging with traces"),
    ("ines.carvalho", "", SHORT, OBSERVABILITY, Intermediate, English, Submitted,
     "Sampling strategies: keep the traces that matter",
     "Keeping every trace is expensive; keeping one in a hundred loses the interesting ones. A quick tour of head and tail sampling, \
      what each costs, and the three rules we use to always keep errors, slow requests and rare paths.",
     "- Head sampling\n- Tail sampling\n- Our three rules"),
    ("koen.peeters", "", REX, OPEN, Intermediate, English, Submitted,
     "Building a sovereign cloud region in a former textile mill",
     "We turned an old mill into a small cloud region run on open source software only. This is the story of the choices: \
      OpenStack or Kubernetes on bare metal, storage that our team can actually operate, what \"sovereign\" means in contracts, \
      and the customers who came for the values and stayed for the latency.",
     "- Why a region of our own\n- The open source stack\n- Operating it with a small team\n- Sovereignty beyond marketing"),
    ("mathilde.roussel", "sven.janssens", REX, GREEN, Beginner, French, Submitted,
     "Mesurer l'empreinte carbone d'un cluster : ce que Kepler nous a appris",
     "Avant de réduire, il faut mesurer. Nous avons déployé Kepler pour estimer la consommation énergétique de nos charges, \
      croisé ces données avec la facture cloud et découvert que nos plus gros consommateurs n'étaient pas ceux que nous pensions. \
      Un retour d'expérience Green IT et FinOps à deux voix.",
     "- Pourquoi mesurer\n- Kepler en pratique\n- Croiser énergie et coût\n- Les surprises\n- Limites des estimations"),
    ("mathilde.roussel", "", SHORT, GREEN, Beginner, French, Submitted,
     "Éteindre les environnements de recette la nuit : 30 % d'économies",
     "Nos environnements de recette tournaient 24 h sur 24 pour être utilisés 40 heures par semaine. Une mise en veille automatique, \
      un bouton de réveil pour les équipes et quelques négociations plus tard, la facture et l'empreinte ont baissé de 30 %.",
     "- Le constat\n- La mise en veille automatique\n- Le bouton de réveil\n- Les résultats"),
    ("olusegun.adeyemi", "", DEEP, AI_DATA, Advanced, English, Submitted,
     "Running Spark on Kubernetes without tears",
     "Moving our Spark jobs from a dedicated Hadoop cluster to Kubernetes promised elasticity and delivered, at first, out-of-memory \
      kills and shuffle failures. This deep-dive covers executor sizing, dynamic allocation, shuffle storage, spot nodes and the \
      scheduling tricks that finally made our nightly batches faster and cheaper than before.",
     "- From Hadoop to Kubernetes\n- Executor sizing and memory overhead\n- Shuffle storage\n- Spot nodes and gang scheduling\n- Results"),
    ("lea.nguyen", "", SHORT, OPEN, Beginner, French, Submitted,
     "Contribuer à un projet cloud native sans écrire de Go",
     "Documentation, traductions, tri des issues, tests de versions candidates, animation de communauté : les projets open source \
      ont besoin de bien plus que du code. Quelques pistes concrètes pour faire sa première contribution dès la semaine prochaine.",
     "- Ce dont les projets ont besoin\n- Cinq façons de contribuer\n- Trouver sa première issue"),
    ("lea.nguyen", "margaux.lambert", REX, PLATFORM, Beginner, French, Submitted,
     "Notre plateforme interne a des utilisateurs : nous sommes allés les interviewer",
     "Nous pensions connaître les besoins de nos développeurs. Vingt entretiens plus tard, nous avons abandonné deux chantiers \
      et en avons lancé un que personne n'avait demandé explicitement. Méthode, questions, erreurs de débutants et effets sur \
      la feuille de route de l'équipe plateforme.",
     "- Pourquoi interviewer\n- Préparer les entretiens\n- Ce que nous avons appris\n- Ce qui a changé"),
    ("pieter.dewilde", "", REX, OBSERVABILITY, Intermediate, English, Submitted,
     "Postmortem of a postmortem culture",
     "We had a blameless postmortem template, and nobody read the postmortems. This talk looks at three years of incident reviews: \
      what made them useful, what made them theatre, and how we now track follow-up actions so that the same incident does not \
      happen a fourth time.",
     "- The template trap\n- Reviews that teach\n- Tracking follow-ups\n- Sharing beyond the team"),
    ("sarah.haddad", "", SHORT, SECURITY, Intermediate, French, Submitted,
     "Policy as code avec Kyverno : nos quinze premières règles",
     "Interdire les conteneurs root, exiger des limites de ressources, imposer des labels de propriétaire : nos quinze premières \
      règles, l'ordre dans lequel nous les avons activées, et pourquoi le mode audit pendant un mois nous a évité une révolte.",
     "- Pourquoi du policy as code\n- Les quinze règles\n- Audit avant enforce"),
    ("sarah.haddad", "", DEEP, SECURITY, Advanced, French, Submitted,
     "Durcir un cluster multi-tenant : namespaces, quotas et network policies",
     "Héberger plusieurs équipes sur un même cluster sans qu'une erreur de l'une touche les autres demande plus que des namespaces. \
      Nous construisons pas à pas une isolation réaliste : RBAC minimal, quotas et limites, network policies par défaut \
      restrictives, Pod Security Standards, et nous vérifions chaque étape en tentant de la contourner.",
     "- Modèle de menace\n- RBAC et namespaces\n- Quotas et limites\n- Network policies\n- Pod Security Standards\n- Tentatives d'évasion"),
    ("julien.moreau", "jeanne.vasseur", REX, OPEN, Intermediate, French, Submitted,
     "Cloud souverain : ce que la réversibilité veut dire en vrai",
     "Tout le monde promet la réversibilité ; peu l'ont testée. Nous avons réellement déménagé une application métier d'un \
      fournisseur à un autre. Formats de données, services managés sans équivalent, clauses contractuelles et délais : \
      un retour d'expérience à deux voix, côté prestataire et côté collectivité.",
     "- Pourquoi partir\n- L'inventaire des dépendances\n- Le déménagement\n- Ce qu'il faut écrire dans le contrat"),
    ("julien.moreau", "", SHORT, PLATFORM, Intermediate, English, Withdrawn,
     "From Terraform to OpenTofu: a migration diary",
     "A licence change, a fork, and a decision to make. We moved two hundred modules and their state to OpenTofu. \
      This short diary covers the preparation, the one surprise in the state files, and how we kept both tools working during the transition.",
     "- Why we moved\n- Preparing the modules\n- The state surprise\n- Running both"),
    ("fatou.diop", "", REX, AI_DATA, Intermediate, English, Submitted,
     "Serving language models on a shared GPU pool",
     "Six teams wanted GPUs, we had eight. We built a shared inference platform on Kubernetes with model servers, request-based \
      autoscaling and GPU time-slicing. This report covers the queueing problems, the cold starts, the quotas that made it fair \
      and the dashboards that made it accepted.",
     "- Demand versus eight GPUs\n- Model serving on Kubernetes\n- Autoscaling on requests\n- Fair sharing and quotas"),
    ("fatou.diop", "", SHORT, AI_DATA, Beginner, French, Draft,
     "MLOps : versionner les données avant les modèles",
     "Un modèle n'est reproductible que si ses données le sont. Vingt minutes pour comprendre pourquoi versionner les jeux de données, \
      comment le faire simplement, et ce que cela change le jour où il faut expliquer une prédiction.",
     "- Le problème de la reproductibilité\n- Versionner les données\n- Lier données, code et modèle"),
    ("marc.delvaux", "", DEEP, K8S, Advanced, English, Submitted,
     "eBPF networking: from kube-proxy to a multi-cluster mesh",
     "We replaced kube-proxy with an eBPF data path and then connected four clusters. This deep-dive explains what happens to a \
      packet at each step, how to observe flows with eBPF tooling, how network policies are enforced in the kernel, and what \
      went wrong during our migration (MTU, we are looking at you).",
     "- Life of a packet with iptables\n- The eBPF data path\n- Observing flows\n- Policies in the kernel\n- Multi-cluster\n- Migration pitfalls"),
    ("chloe.martin", "", REX, PLATFORM, Beginner, French, Submitted,
     "Équipe plateforme : trois réorganisations en deux ans",
     "Équipe ops, puis équipe DevOps, puis équipe plateforme : les noms changent, les problèmes restent parfois. Je raconte ce qui a \
      réellement changé à chaque réorganisation, ce qui n'a pas marché, et les interactions entre équipes qui ont fini par fonctionner.",
     "- Trois organisations\n- Ce qui a changé\n- Ce qui n'a pas marché\n- Les modes d'interaction qui tiennent"),
    ("arnaud.leclercq", "wout.claes", DEEP, SECURITY, Advanced, English, Submitted,
     "Runtime security with eBPF: writing your own detections",
     "Off-the-shelf rules catch the obvious. We show how runtime security tools hook into the kernel with eBPF, then write \
      detections for our own workloads: unexpected process trees, writes to read-only paths, outbound connections from \
      batch jobs. We finish with tuning, because a detection nobody trusts is a detection nobody reads.",
     "- How eBPF sees your workloads\n- Anatomy of a rule\n- Writing three detections\n- Tuning and noise\n- Responding"),
    ("hana.kobayashi", "", REX, K8S, Intermediate, English, Submitted,
     "Multi-cluster scheduling for a logistics peak season",
     "Every November our parcel volume triples. We spread workloads across three clusters in two regions with a placement layer, \
      and learnt the hard way about data gravity, DNS caching and capacity reservations. Here is what our peak-season runbook \
      looks like now.",
     "- The peak\n- Placement across clusters\n- Data gravity and DNS\n- The runbook"),
    ("sven.janssens", "", SHORT, GREEN, Beginner, English, Submitted,
     "FinOps for engineers: read your cloud bill like a log file",
     "Engineers read logs all day; a cloud bill is just another log. In twenty minutes: how to slice it by team and service, the \
      four line items that usually hide the waste, and how to put cost next to latency on your dashboards.",
     "- The bill as data\n- Tags and allocation\n- Four usual suspects\n- Cost on the dashboard"),
    ("nadia.boukhris", "", SHORT, SECURITY, Intermediate, French, Submitted,
     "Signer ses images de conteneur quand on est une petite équipe",
     "Signer les images semble réservé aux grandes organisations. Avec la signature sans clé et une intégration continue existante, \
      une équipe de trois personnes peut s'y mettre en une après-midi. Démonstration et pièges à éviter.",
     "- Pourquoi signer\n- La signature sans clé\n- Intégration dans la CI\n- Vérifier au déploiement"),
    ("guillaume.petit", "", REX, K8S, Intermediate, French, Submitted,
     "PostgreSQL sur Kubernetes avec un opérateur : deux ans après",
     "Il y a deux ans, mettre nos bases PostgreSQL dans Kubernetes semblait une mauvaise idée. Aujourd'hui, quarante clusters \
      tournent avec un opérateur. Sauvegardes, montées de version, bascules, incidents de stockage : le bilan honnête d'un ancien DBA.",
     "- Le pari\n- Sauvegardes et restaurations testées\n- Montées de version\n- Les incidents\n- Le bilan"),
    ("elif.yilmaz", "", SHORT, OBSERVABILITY, Beginner, English, Submitted,
     "Alerts that wake people up should be rare: an alert audit",
     "We counted: 70% of our pages needed no action. This short talk shows the audit we ran on two hundred alerts, the questions we \
      asked about each one, and how we cut night pages by two thirds without missing an incident.",
     "- Counting the pages\n- Four questions per alert\n- Delete, demote, fix\n- Results"),
    ("baptiste.renard", "", SHORT, PLATFORM, Beginner, French, Submitted,
     "Apprenti DevOps : ce que j'aurais aimé savoir sur GitOps",
     "Arrivé en alternance dans une équipe qui déploie tout en GitOps, j'ai mis trois mois à comprendre pourquoi mes modifications \
      disparaissaient. Un regard de débutant sur la réconciliation, les dépôts d'environnement et les bonnes questions à poser.",
     "- Mes premières semaines\n- La réconciliation expliquée simplement\n- Les dépôts d'environnement\n- Mes conseils aux nouveaux"),
    ("anouk.devries", "", REX, OPEN, Beginner, English, Submitted,
     "Opening our internal tools: governance before code",
     "We decided to publish three internal tools as open source. The code was the easy part. Licences, contributor agreements, \
      security reviews, a maintainers' charter and the question \"who answers the issues?\" took six months. What an open source \
      programme office does, told through this story.",
     "- Why open our tools\n- Licence and legal\n- Governance and maintainers\n- Six months later"),
    ("karim.mansouri", "", SHORT, GREEN, Intermediate, French, Withdrawn,
     "Des images de conteneur plus légères : distroless, multi-stage et mesure",
     "Nos images pesaient 1,2 Go en moyenne. Builds multi-étapes, images distroless et nettoyage des dépendances les ont ramenées \
      sous 80 Mo. Moins de stockage, des déploiements plus rapides, et une surface d'attaque réduite : les chiffres et la méthode.",
     "- Le constat\n- Multi-stage\n- Distroless\n- Mesurer le gain"),
    ("margaux.lambert", "", REX, PLATFORM, Beginner, English, Submitted,
     "Treating the platform as a product: roadmap, users and saying no",
     "As the first product manager of an internal platform team, I had users who could not leave and a backlog written by the \
      loudest voices. This report covers how we built a roadmap from user research, measured adoption, and learnt to say no \
      without losing trust.",
     "- Captive users\n- Research and roadmap\n- Adoption metrics\n- Saying no"),
    ("tomasz.nowak", "", DEEP, K8S, Advanced, English, Submitted,
     "Writing a Kubernetes operator in Go: reconcile loops done right",
     "Most operator bugs come from a few misunderstandings: treating reconcile as an event handler, writing status from the spec, \
      forgetting finalizers. We write an operator live, test it against a real API server, and make it survive restarts, \
      conflicts and partial failures.",
     "- Level-triggered thinking\n- Spec, status and conditions\n- Finalizers and owner references\n- Testing with a real API server\n- Failure drills"),
    ("aurelie.dumont", "", SHORT, OPEN, Beginner, French, Submitted,
     "Documenter une plateforme : la documentation comme produit",
     "Une plateforme sans documentation n'a pas d'utilisateurs, seulement des tickets. Comment nous avons organisé la documentation \
      par tâches plutôt que par composants, mesuré ce qui est lu, et fait de la doc une étape de la définition de « terminé ».",
     "- Tutoriels, guides, références\n- Organiser par tâches\n- Mesurer\n- La doc dans la définition de terminé"),
    ("wout.claes", "", REX, SECURITY, Intermediate, English, Submitted,
     "Zero trust between workloads with SPIFFE identities",
     "Network location is not identity. We rolled out workload identities across our hosting platform so that services \
      authenticate each other with short-lived certificates. This report covers the rollout order, the legacy services that \
      could not follow, and the incident where certificate rotation stopped.",
     "- Why IP allow-lists failed us\n- Workload identities\n- Rollout order\n- Legacy services\n- The rotation incident"),
    ("priya.raman", "olusegun.adeyemi", DEEP, AI_DATA, Intermediate, English, Submitted,
     "A practical RAG platform with vector search in PostgreSQL",
     "You may not need a new database for retrieval-augmented generation. We build a small RAG platform inside the cluster: \
      embeddings stored in PostgreSQL, an ingestion pipeline, a model server and an evaluation loop that tells whether answers \
      improve. Trade-offs, costs and the cases where a dedicated vector store wins.",
     "- RAG in one picture\n- Vectors in PostgreSQL\n- Ingestion pipeline\n- Serving and caching\n- Evaluating answers"),
    ("jeanne.vasseur", "", REX, OPEN, Intermediate, French, Draft,
     "Une collectivité sur un cloud de confiance : un an de migration",
     "Données des habitants, marchés publics, équipes réduites : migrer les services numériques d'une collectivité n'a rien d'un \
      projet de start-up. Un an après, ce qui a été migré, ce qui est resté sur site, et ce que nous avons appris sur la commande publique.",
     "- Le contexte\n- Choisir un hébergeur\n- Migrer par vagues\n- Commande publique et réversibilité"),
    ("koen.peeters", "", SHORT, GREEN, Intermediate, English, Submitted,
     "Heat reuse from a small data centre",
     "Our servers heat the offices and, since last winter, the neighbouring swimming pool. Twenty minutes on what heat reuse \
      needs (temperatures, contracts, monitoring), what it saves, and why it changed how we schedule batch workloads.",
     "- The idea\n- Temperatures and plumbing\n- Scheduling for heat\n- What it saves"),
];
