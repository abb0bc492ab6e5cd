// Checks the observability files against each other, offline:
//   - the Grafana dashboard is well formed: unique panel ids, every panel on a provisioned data source, every
//     query non-empty, every $variable defined;
//   - every metric that the alerting rules or the dashboard query is documented in docs/observability.md (the
//     contract the services implement), so that a renamed metric cannot leave a silent panel or a dead alert;
//   - writes the dashboard's queries, with Grafana's variables replaced, as a Prometheus rule file, so that
//     `promtool check rules` parses them (scripts/check-deploy.sh runs it).
// Usage: node check-observability.mjs --rules alerts.yml --dashboard d.json --datasources ds.yml
//                                     --contract docs/observability.md --write-queries out.yml
import fs from 'node:fs';
import YAML from 'yaml';

const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) {
    console.error(`missing --${name} (see the header of ${process.argv[1]})`);
    process.exit(2);
  }
  return process.argv[i + 1];
};
const rules = YAML.parse(fs.readFileSync(option('rules'), 'utf8'));
const dashboard = JSON.parse(fs.readFileSync(option('dashboard'), 'utf8'));
const datasources = YAML.parse(fs.readFileSync(option('datasources'), 'utf8')).datasources;
const contract = fs.readFileSync(option('contract'), 'utf8');
const problems = [];

// ---- the dashboard on its own ---------------------------------------------------------------------------------
const uids = new Set(datasources.map((d) => d.uid));
const variables = new Set((dashboard.templating?.list ?? []).map((v) => v.name));
const builtIns = new Set(['__rate_interval', '__interval', '__range', '__all']);
const ids = new Set();
const queries = [];
const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
for (const panel of panels) {
  const name = `panel ${panel.id} "${panel.title}"`;
  if (ids.has(panel.id)) problems.push(`${name}: duplicate id`);
  ids.add(panel.id);
  if (panel.type === 'row') continue;
  if (!uids.has(panel.datasource?.uid)) problems.push(`${name}: data source ${panel.datasource?.uid} is not provisioned`);
  if (!panel.targets?.length) problems.push(`${name}: no query`);
  for (const target of panel.targets ?? []) {
    if (!target.expr?.trim()) problems.push(`${name}: empty query ${target.refId}`);
    if (target.datasource && !uids.has(target.datasource.uid)) problems.push(`${name}: query ${target.refId} uses data source ${target.datasource.uid}, which is not provisioned`);
    for (const [, variable] of (target.expr ?? '').matchAll(/\$\{?(\w+)/g)) {
      if (!variables.has(variable) && !builtIns.has(variable)) problems.push(`${name}: $${variable} is not a dashboard variable`);
    }
    queries.push({ where: name, expr: target.expr });
  }
}
for (const variable of dashboard.templating?.list ?? []) {
  if (variable.datasource && !uids.has(variable.datasource.uid)) problems.push(`variable ${variable.name}: data source ${variable.datasource.uid} is not provisioned`);
  queries.push({ where: `variable ${variable.name}`, expr: variable.query?.query ?? variable.definition, variable: true });
}

// ---- metric names against the contract -------------------------------------------------------------------------
const keywords = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'inf', 'nan']);
/** The metric names a PromQL expression selects (strings, label matchers, ranges and grouping clauses removed). */
function metricNames(expr) {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set();
  for (const match of stripped.matchAll(/(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:])(?!\s*\()/g)) {
    const token = match[1];
    if (!keywords.has(token.toLowerCase()) && !token.includes(':')) names.add(token);
  }
  return names;
}
const documented = (name) =>
  [name, name.replace(/_(bucket|count|sum|max)$/, '')].some((n) => new RegExp(`\`${n}(\\{|\`|_\\{|\\s)`).test(contract) || contract.includes(`\`${n}\``));
const used = new Map();
for (const group of rules.groups) {
  for (const rule of group.rules) {
    for (const name of metricNames(rule.expr)) used.set(name, `rule ${rule.alert ?? rule.record}`);
  }
}
for (const { where, expr } of queries) {
  const promql = expr.replace(/^label_values\((.*),\s*\w+\)$/s, '$1');
  for (const name of metricNames(promql)) if (!used.has(name)) used.set(name, where);
}
for (const [name, where] of used) {
  if (!documented(name)) problems.push(`${where}: metric ${name} is not in the contract (${option('contract')})`);
}

// ---- the dashboard's queries as a rule file for promtool ---------------------------------------------------------
const recordingRules = queries
  .filter((q) => !q.variable)
  .map((q, i) => ({
    record: `dashboard:query_${i + 1}`,
    expr: q.expr.replaceAll('$__rate_interval', '5m').replaceAll('$__interval', '1m').replace(/\$\{?\w+\}?/g, '.*'),
  }));
fs.writeFileSync(option('write-queries'), YAML.stringify({ groups: [{ name: 'dashboard-queries', rules: recordingRules }] }));

for (const problem of problems) console.error(`  ${problem}`);
console.log(`dashboard: ${panels.length} panels, ${queries.length} queries; ${used.size} metric names checked against the contract: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
process.exit(problems.length === 0 ? 0 : 1);
