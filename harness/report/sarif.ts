import type { RegisteredRule } from '../core/rules/registered-rule';
import { messageWithAbis, type Report, type ReportItem, type ReportLevel, type ReportLocation } from './report';

/** The schema every SARIF 2.1.0 log names (OASIS, errata 01). */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** `tool.driver.name`: code scanning groups alerts by it. */
export const SARIF_TOOL = 'uapi-harness';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: { readonly [L in ReportLevel]: SarifLevel } = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A path as a SARIF `artifactLocation`: an absolute path becomes a `file://` URI; a relative one stays
 * relative to the folder the command ran in (`uriBaseId` `%SRCROOT%`, which code scanning maps to the
 * checkout). Each segment is percent-encoded, so `v6.1:include/x.h` (a git revision and a path) cannot
 * read as a URI scheme.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const absolute = file.startsWith('/');
  const uri = file.split('/').map((s) => encodeURIComponent(s)).join('/');
  return absolute ? { uri: `file://${uri}` } : { uri, uriBaseId: '%SRCROOT%' };
}

function physicalLocation(l: ReportLocation): unknown {
  const region = l.line !== undefined && l.line >= 1 ? { region: { startLine: l.line, ...(l.col !== undefined && l.col >= 1 ? { startColumn: l.col } : {}) } } : {};
  return { physicalLocation: { artifactLocation: artifactLocation(l.file), ...region } };
}

function ruleDescriptor(r: RegisteredRule): unknown {
  return {
    id: r.id,
    shortDescription: { text: r.purpose },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { family: r.family, level: r.level },
  };
}

function result(i: ReportItem, index: ReadonlyMap<string, number>, fallback: string | undefined): unknown {
  const ruleIndex = index.get(i.rule);
  const where = i.location ?? (fallback !== undefined ? { file: fallback } : undefined);
  return {
    ruleId: i.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[i.level],
    message: { text: `${i.subject}: ${messageWithAbis(i)}` },
    ...(where !== undefined ? { locations: [{ ...(physicalLocation(where) as object), logicalLocations: [{ fullyQualifiedName: i.subject }] }] } : {}),
    // An imported header's finding: the spec file's line of the declaration, as a related location.
    ...(i.location?.spec !== undefined ? { relatedLocations: [{ id: 1, ...(physicalLocation(i.location.spec) as object), message: { text: 'declared in the spec here' } }] } : {}),
    ...(i.waived !== undefined ? { suppressions: [{ kind: 'external', justification: i.waived }] } : {}),
    ...(i.label !== undefined || i.abis !== undefined ? { properties: { ...(i.label !== undefined ? { level: i.label } : {}), ...(i.abis !== undefined ? { abis: i.abis } : {}) } } : {}),
  };
}

/**
 * SARIF 2.1.0 (the format code scanning reads): one run of `uapi-harness` whose driver lists the
 * report's rules from the rule registry (purpose as short description, default level), and one
 * result per item with its rule, level, message and location: where the item is (the header line of
 * an imported header), or the report's source file otherwise. A waived item is a suppressed result.
 */
export function formatSarif(report: Report): string {
  const rules = report.rules ?? [];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [{
      tool: { driver: { name: SARIF_TOOL, rules: rules.map(ruleDescriptor) } },
      results: report.items.map((i) => result(i, index, report.source)),
      properties: { title: report.title, verdict: report.verdict, failed: report.failed },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
