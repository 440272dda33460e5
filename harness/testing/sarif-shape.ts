/**
 * What a SARIF 2.1.0 log must be to be read by code scanning, checked by hand against the schema's
 * required properties and the keys it allows on the objects our writer emits (sarif-schema-2.1.0.json:
 * sarifLog, run, tool, toolComponent, reportingDescriptor, result, location, physicalLocation,
 * artifactLocation, region, suppression, message). Returns every problem as `path: what`.
 */
export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const bad = (path: string, what: string): void => { problems.push(`${path}: ${what}`); };
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const keys = (v: Record<string, unknown>, path: string, allowed: readonly string[]): void => {
    for (const k of Object.keys(v)) if (!allowed.includes(k)) bad(path, `property ${k} is not in the schema`);
  };
  const str = (v: unknown, path: string): boolean => {
    if (typeof v !== 'string' || v === '') { bad(path, 'must be a non-empty string'); return false; }
    return true;
  };
  const int = (v: unknown, path: string, min: number): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) bad(path, `must be an integer of at least ${min}`);
  };
  const message = (v: unknown, path: string): void => {
    if (!isObj(v)) { bad(path, 'must be a message object'); return; }
    keys(v, path, ['text', 'markdown', 'id', 'arguments', 'properties']);
    if (v['text'] === undefined && v['id'] === undefined) bad(path, 'needs text or id');
    if (v['text'] !== undefined) str(v['text'], `${path}.text`);
  };
  const LEVELS = ['none', 'note', 'warning', 'error'];

  if (!isObj(log)) return ['$: must be an object'];
  keys(log, '$', ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties']);
  if (log['version'] !== '2.1.0') bad('$.version', 'must be "2.1.0"');
  if (typeof log['$schema'] !== 'string' || !/^https?:\/\/.*sarif.*2\.1\.0.*\.json$/.test(log['$schema'])) bad('$.$schema', 'must name the SARIF 2.1.0 schema');
  const runs = log['runs'];
  if (!Array.isArray(runs)) return [...problems, '$.runs: must be an array'];
  runs.forEach((run: unknown, r) => {
    const rp = `$.runs[${r}]`;
    if (!isObj(run)) { bad(rp, 'must be an object'); return; }
    const tool = run['tool'];
    const driver = isObj(tool) ? tool['driver'] : undefined;
    if (!isObj(driver)) { bad(`${rp}.tool.driver`, 'is required'); return; }
    keys(driver, `${rp}.tool.driver`, ['name', 'fullName', 'version', 'semanticVersion', 'informationUri', 'rules', 'notifications', 'properties', 'organization', 'product', 'shortDescription', 'fullDescription']);
    str(driver['name'], `${rp}.tool.driver.name`);
    const rules = driver['rules'] ?? [];
    if (!Array.isArray(rules)) { bad(`${rp}.tool.driver.rules`, 'must be an array'); return; }
    const ids = new Set<string>();
    rules.forEach((rule: unknown, i) => {
      const p = `${rp}.tool.driver.rules[${i}]`;
      if (!isObj(rule)) { bad(p, 'must be an object'); return; }
      keys(rule, p, ['id', 'name', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration', 'properties', 'deprecatedIds', 'guid']);
      if (str(rule['id'], `${p}.id`)) {
        if (ids.has(rule['id'] as string)) bad(`${p}.id`, `${String(rule['id'])} is listed twice`);
        ids.add(rule['id'] as string);
      }
      if (rule['shortDescription'] !== undefined) message(rule['shortDescription'], `${p}.shortDescription`);
      const conf = rule['defaultConfiguration'];
      if (conf !== undefined && (!isObj(conf) || !LEVELS.includes(conf['level'] as string))) bad(`${p}.defaultConfiguration.level`, `must be one of ${LEVELS.join(', ')}`);
    });
    const results = run['results'];
    if (!Array.isArray(results)) { bad(`${rp}.results`, 'must be an array'); return; }
    results.forEach((res: unknown, i) => {
      const p = `${rp}.results[${i}]`;
      if (!isObj(res)) { bad(p, 'must be an object'); return; }
      keys(res, p, ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'locations', 'suppressions', 'properties', 'partialFingerprints', 'fingerprints', 'relatedLocations']);
      message(res['message'], `${p}.message`);
      str(res['ruleId'], `${p}.ruleId`);
      if (!LEVELS.includes(res['level'] as string)) bad(`${p}.level`, `must be one of ${LEVELS.join(', ')}`);
      if (res['ruleIndex'] !== undefined) {
        int(res['ruleIndex'], `${p}.ruleIndex`, 0);
        const rule: unknown = rules[res['ruleIndex'] as number];
        if (!isObj(rule) || rule['id'] !== res['ruleId']) bad(`${p}.ruleIndex`, `does not point at rule ${String(res['ruleId'])}`);
      }
      const locations = res['locations'] ?? [];
      if (!Array.isArray(locations)) { bad(`${p}.locations`, 'must be an array'); return; }
      locations.forEach((loc: unknown, j) => {
        const lp = `${p}.locations[${j}]`;
        if (!isObj(loc)) { bad(lp, 'must be an object'); return; }
        keys(loc, lp, ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties']);
        const phys = loc['physicalLocation'];
        if (phys === undefined) return;
        if (!isObj(phys)) { bad(`${lp}.physicalLocation`, 'must be an object'); return; }
        keys(phys, `${lp}.physicalLocation`, ['address', 'artifactLocation', 'region', 'contextRegion', 'properties']);
        const art = phys['artifactLocation'];
        if (!isObj(art)) { bad(`${lp}.physicalLocation.artifactLocation`, 'is required here'); return; }
        keys(art, `${lp}.physicalLocation.artifactLocation`, ['uri', 'uriBaseId', 'index', 'description', 'properties']);
        if (str(art['uri'], `${lp}.physicalLocation.artifactLocation.uri`)) {
          const uri = art['uri'] as string;
          // A relative reference must not start with a scheme; an absolute one must be a valid URL.
          if (art['uriBaseId'] !== undefined ? /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) : !URL.canParse(uri)) bad(`${lp}.physicalLocation.artifactLocation.uri`, `${uri} is not a valid URI reference`);
        }
        const region = phys['region'];
        if (region !== undefined) {
          if (!isObj(region)) { bad(`${lp}.physicalLocation.region`, 'must be an object'); return; }
          int(region['startLine'], `${lp}.physicalLocation.region.startLine`, 1);
          if (region['startColumn'] !== undefined) int(region['startColumn'], `${lp}.physicalLocation.region.startColumn`, 1);
        }
      });
      const sup = res['suppressions'] ?? [];
      if (!Array.isArray(sup)) bad(`${p}.suppressions`, 'must be an array');
      else sup.forEach((s: unknown, j) => { if (!isObj(s) || !['inSource', 'external'].includes(s['kind'] as string)) bad(`${p}.suppressions[${j}].kind`, 'must be inSource or external'); });
    });
  });
  return problems;
}
