// Validates rendered Kubernetes manifests (kubectl kustomize output) offline, as strictly as `kubectl apply`
// would, without a cluster:
//   1. built-in kinds: types, required fields, enums and formats from the Kubernetes API schemas compiled into
//      kubernetes-models, and, since those accept any unknown field, every field name checked against the API
//      types of @kubernetes/client-node (a misspelt `readinesProbe` fails here instead of being dropped);
//   2. custom kinds (CloudNativePG Cluster, PodMonitor): the JSON Schemas in deploy/k8s/schemas/;
//   3. references between objects: Service, PodDisruptionBudget and NetworkPolicy selectors select some pod,
//      autoscalers and the Ingress point at objects that exist, named ports exist, and every Secret or ConfigMap a
//      pod or the Cluster uses is rendered or declared as created outside (--external Kind/name,...).
// Usage: node validate-manifests.mjs --schemas DIR [--external Secret/a,ConfigMap/b] FILE...
// Exit status 1 when anything is wrong; one line per problem.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import * as k8s from '@kubernetes/client-node';

const args = process.argv.slice(2);
let schemaDir = null;
const external = new Set();
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--schemas') schemaDir = args[++i];
  else if (args[i] === '--external') args[++i].split(',').filter(Boolean).forEach((ref) => external.add(ref));
  else files.push(args[i]);
}
if (!schemaDir || files.length === 0) {
  console.error('usage: validate-manifests.mjs --schemas DIR [--external Kind/name,...] FILE...');
  process.exit(2);
}

const problems = [];
const ajv = new Ajv({ allErrors: true, strict: true, logger: false });
ajv.addFormat('date-time', true);

// ---- 1 and 2: each object on its own -------------------------------------------------------------------------

/** kubernetes-models exports each kind from a module named after its API group and version. */
async function builtInModel(apiVersion, kind) {
  const module = apiVersion.includes('/') ? apiVersion : `v1`;
  try {
    const exported = await import(`kubernetes-models/${module}`);
    return exported[kind] ?? null;
  } catch {
    return null;
  }
}

/** @kubernetes/client-node names its classes after the version and kind: apps/v1 Deployment is V1Deployment. */
function apiType(apiVersion, kind) {
  const version = apiVersion.split('/').pop();
  return k8s[version.charAt(0).toUpperCase() + version.slice(1) + kind] ?? null;
}

/** Reports every field the API type does not have, walking nested types, arrays and maps. */
function unknownFields(value, type, where) {
  if (value === null || value === undefined) return;
  const arrayOf = /^Array<(.+)>$/.exec(type);
  if (arrayOf) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, arrayOf[1], `${where}[${i}]`));
    return;
  }
  const mapOf = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (mapOf) {
    if (typeof value === 'object') Object.entries(value).forEach(([k, v]) => unknownFields(v, mapOf[1], `${where}.${k}`));
    return;
  }
  const model = k8s[type];
  if (typeof model?.getAttributeTypeMap !== 'function' || typeof value !== 'object' || Array.isArray(value)) return;
  const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [field, fieldValue] of Object.entries(value)) {
    if (!attributes.has(field)) problems.push(`${where}: unknown field "${field}" (not in ${type})`);
    else unknownFields(fieldValue, attributes.get(field), `${where}.${field}`);
  }
}

function schemaFor(apiVersion, kind) {
  const file = path.join(schemaDir, `${apiVersion.replace('/', '_')}_${kind}.json`);
  if (!fs.existsSync(file)) return null;
  return ajv.getSchema(file) ?? (ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')), file), ajv.getSchema(file));
}

async function validateObject(object, where) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !object.metadata?.name) {
    problems.push(`${where}: apiVersion, kind and metadata.name are required`);
    return;
  }
  const customSchema = schemaFor(apiVersion, kind);
  if (customSchema) {
    if (!customSchema(object)) {
      for (const e of customSchema.errors) {
        const detail = e.keyword === 'additionalProperties' ? `unknown field "${e.params.additionalProperty}"` : e.message;
        problems.push(`${where}${e.instancePath.replaceAll('/', '.')}: ${detail}`);
      }
    }
    return;
  }
  const Model = await builtInModel(apiVersion, kind);
  const type = apiType(apiVersion, kind);
  if (!Model || !type) {
    problems.push(`${where}: no schema for ${apiVersion} ${kind} (add one to ${schemaDir})`);
    return;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    for (const line of String(e.message).split(', ')) problems.push(`${where}: ${line.replace(/^data/, '')}`);
  }
  unknownFields(object, type.name, where);
}

// ---- 3: references between objects ---------------------------------------------------------------------------

const selects = (selector, labels) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);

function checkReferences(objects) {
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const pods = objects.filter((o) => o.kind === 'Deployment').map((d) => ({
    owner: `Deployment/${d.metadata.name}`,
    labels: d.spec.template.metadata?.labels ?? {},
    spec: d.spec.template.spec,
  }));
  // CloudNativePG labels its instance pods with the cluster's name.
  for (const c of objects.filter((o) => o.kind === 'Cluster')) {
    pods.push({ owner: `Cluster/${c.metadata.name}`, labels: { 'cnpg.io/cluster': c.metadata.name }, spec: null });
  }
  const where = (o) => `${o.kind}/${o.metadata.name}`;
  const exists = (kind, name) => named(kind, name) || external.has(`${kind}/${name}`);
  const containerPorts = (spec) => (spec?.containers ?? []).flatMap((c) => c.ports ?? []);

  for (const d of objects.filter((o) => o.kind === 'Deployment')) {
    if (!selects(d.spec.selector, d.spec.template.metadata?.labels)) problems.push(`${where(d)}: selector does not match its pod template`);
    const spec = d.spec.template.spec;
    if (spec.serviceAccountName && !exists('ServiceAccount', spec.serviceAccountName)) problems.push(`${where(d)}: ServiceAccount ${spec.serviceAccountName} is not rendered`);
    const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
    for (const v of spec.volumes ?? []) {
      if (v.configMap && !exists('ConfigMap', v.configMap.name)) problems.push(`${where(d)}: ConfigMap ${v.configMap.name} is neither rendered nor declared external`);
      if (v.secret && !exists('Secret', v.secret.secretName)) problems.push(`${where(d)}: Secret ${v.secret.secretName} is neither rendered nor declared external`);
    }
    for (const c of spec.containers) {
      const ports = new Set((c.ports ?? []).map((p) => p.name));
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        const port = c[probe]?.httpGet?.port;
        if (typeof port === 'string' && !ports.has(port)) problems.push(`${where(d)}: ${probe} uses port "${port}", which container ${c.name} does not name`);
      }
      for (const m of c.volumeMounts ?? []) if (!volumes.has(m.name)) problems.push(`${where(d)}: volumeMount ${m.name} has no volume`);
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef && !exists('ConfigMap', from.configMapRef.name)) problems.push(`${where(d)}: ConfigMap ${from.configMapRef.name} is neither rendered nor declared external`);
        if (from.secretRef && !exists('Secret', from.secretRef.name)) problems.push(`${where(d)}: Secret ${from.secretRef.name} is neither rendered nor declared external`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef;
        const kind = e.valueFrom?.secretKeyRef ? 'Secret' : 'ConfigMap';
        if (!ref) continue;
        const object = named(kind, ref.name);
        if (!object && !external.has(`${kind}/${ref.name}`)) problems.push(`${where(d)}: ${kind} ${ref.name} (${e.name}) is neither rendered nor declared external`);
        const data = { ...(object?.data ?? {}), ...(object?.stringData ?? {}) };
        if (object && !(ref.key in data)) problems.push(`${where(d)}: ${kind} ${ref.name} has no key ${ref.key} (${e.name})`);
      }
    }
  }
  for (const s of objects.filter((o) => o.kind === 'Service' && o.spec.selector)) {
    const matched = pods.filter((p) => selects({ matchLabels: s.spec.selector }, p.labels));
    if (matched.length === 0) problems.push(`${where(s)}: selector matches no pod`);
    for (const port of s.spec.ports ?? []) {
      if (typeof port.targetPort === 'string' && !matched.some((p) => containerPorts(p.spec).some((cp) => cp.name === port.targetPort))) {
        problems.push(`${where(s)}: targetPort "${port.targetPort}" is no named port of the selected pods`);
      }
    }
  }
  for (const p of objects.filter((o) => o.kind === 'PodDisruptionBudget')) {
    if (!pods.some((pod) => selects(p.spec.selector, pod.labels))) problems.push(`${where(p)}: selector matches no pod`);
  }
  for (const n of objects.filter((o) => o.kind === 'NetworkPolicy')) {
    const targets = pods.filter((pod) => selects(n.spec.podSelector, pod.labels));
    if (targets.length === 0) problems.push(`${where(n)}: podSelector matches no pod`);
    const peers = [...(n.spec.ingress ?? []).flatMap((r) => r.from ?? []), ...(n.spec.egress ?? []).flatMap((r) => r.to ?? [])];
    for (const peer of peers) {
      // A pod selector without a namespace selector means this namespace, so it must match a pod rendered here.
      if (peer.podSelector && !peer.namespaceSelector && !pods.some((pod) => selects(peer.podSelector, pod.labels))) {
        problems.push(`${where(n)}: peer podSelector ${JSON.stringify(peer.podSelector.matchLabels)} matches no pod`);
      }
    }
    for (const rule of n.spec.ingress ?? []) {
      for (const port of rule.ports ?? []) {
        if (typeof port.port === 'string' && !targets.some((t) => containerPorts(t.spec).some((cp) => cp.name === port.port))) {
          problems.push(`${where(n)}: port "${port.port}" is no named port of the selected pods`);
        }
      }
    }
  }
  for (const h of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const target = h.spec.scaleTargetRef;
    if (!named(target.kind, target.name)) problems.push(`${where(h)}: scale target ${target.kind}/${target.name} is not rendered`);
    if (h.spec.minReplicas > h.spec.maxReplicas) problems.push(`${where(h)}: minReplicas is above maxReplicas`);
  }
  for (const i of objects.filter((o) => o.kind === 'Ingress')) {
    for (const rule of i.spec.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const backend = p.backend.service;
        const service = named('Service', backend.name);
        if (!service) problems.push(`${where(i)}: backend Service ${backend.name} is not rendered`);
        else if (!service.spec.ports.some((sp) => sp.name === backend.port.name || sp.port === backend.port.number)) {
          problems.push(`${where(i)}: Service ${backend.name} has no port ${backend.port.name ?? backend.port.number}`);
        }
      }
    }
  }
  for (const c of objects.filter((o) => o.kind === 'Cluster')) {
    for (const role of c.spec.managed?.roles ?? []) {
      const secretName = role.passwordSecret?.name;
      const secret = secretName && named('Secret', secretName);
      if (secretName && !secret && !external.has(`Secret/${secretName}`)) problems.push(`${where(c)}: Secret ${secretName} (role ${role.name}) is neither rendered nor declared external`);
      if (secret && secret.type !== 'kubernetes.io/basic-auth') problems.push(`${where(c)}: Secret ${secretName} (role ${role.name}) must be of type kubernetes.io/basic-auth`);
    }
    for (const ref of c.spec.bootstrap?.initdb?.postInitApplicationSQLRefs?.configMapRefs ?? []) {
      const map = named('ConfigMap', ref.name);
      if (!map) problems.push(`${where(c)}: ConfigMap ${ref.name} is not rendered`);
      else if (!(ref.key in (map.data ?? {}))) problems.push(`${where(c)}: ConfigMap ${ref.name} has no key ${ref.key}`);
    }
  }
}

// ---- run ------------------------------------------------------------------------------------------------------

let count = 0;
for (const file of files) {
  const documents = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
  const objects = [];
  for (const [index, document] of documents.entries()) {
    if (document.errors.length > 0) {
      problems.push(`${file} document ${index + 1}: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    objects.push(object);
    await validateObject(object, `${path.basename(file)}: ${object.kind}/${object.metadata?.name}`);
    count++;
  }
  const before = problems.length;
  checkReferences(objects.filter((o) => o?.kind && o.metadata?.name));
  for (let i = before; i < problems.length; i++) problems[i] = `${path.basename(file)}: ${problems[i]}`;
}
for (const problem of problems) console.error(`  ${problem}`);
console.log(`${count} objects in ${files.length} file(s): ${problems.length === 0 ? 'valid' : `${problems.length} problem(s)`}`);
process.exit(problems.length === 0 ? 0 : 1);
