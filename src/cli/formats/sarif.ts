// SARIF 2.1.0 output, so GitHub code scanning and other CI dashboards show each finding on its
// line of the draft, with the source passage it is based on as a related location.
import type * as Sarif from 'sarif';
import { contributes, version } from '../../../package.json';
import { isFlagged } from '../../core/check/results';
import { sourceLines } from '../../core/citations/sourceLines';
import { LineIndex } from '../../core/lineIndex';
import { sourceTitle } from '../../core/text/documentTitle';
import { VERDICT_LABELS } from '../../core/render/verdictLabels';
import type { ProblemCode } from '../../core/types';
import { sourcePath, type CheckReport } from '../checkReport';

// The problem codes, their descriptions and default severities, as the extension's settings declare them.
const SEVERITY_SETTING = contributes.configuration.properties['sourced.severity'];
const CODES = Object.keys(SEVERITY_SETTING.properties) as ProblemCode[];
const LEVELS: Record<string, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function rule(code: ProblemCode): Sarif.ReportingDescriptor {
  const setting = SEVERITY_SETTING.properties[code];
  return {
    id: code,
    name: code.replace(/(?:^|-)(\w)/g, (_, ch: string) => ch.toUpperCase()),
    shortDescription: { text: VERDICT_LABELS[code].replace(/^\W+/u, '') },
    fullDescription: { text: setting.description },
    defaultConfiguration: { level: LEVELS[setting.default] ?? 'warning' },
  };
}

function region(lines: LineIndex, start: number, end: number, text: string): Sarif.Region {
  const from = lines.positionAt(start);
  const to = lines.positionAt(end);
  return { startLine: from.line + 1, startColumn: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1, snippet: { text: text.slice(start, end) } };
}

export function sarifFormat(report: CheckReport): string {
  const rules = CODES.map(rule);
  const results: Sarif.Result[] = [];
  for (const file of report.files) {
    const lines = new LineIndex(file.text);
    const artifactLocation = { uri: encodeURI(file.path) };
    for (const r of file.results) {
      if (!isFlagged(r.verdict)) continue;
      const focus = r.focus ?? r.statement;
      const result: Sarif.Result = {
        ruleId: r.verdict,
        ruleIndex: CODES.indexOf(r.verdict),
        level: rules[CODES.indexOf(r.verdict)].defaultConfiguration?.level,
        message: { text: r.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(lines, focus.start, focus.end, file.text) } }],
        relatedLocations: r.sources.flatMap((hit, id) => {
          const doc = report.engine.documents.get(hit.passage.docId);
          if (!doc) return [];
          return [{
            id,
            message: { text: `Source: ${sourceTitle(doc) ?? sourcePath(report, doc.id)}` },
            physicalLocation: { artifactLocation: { uri: encodeURI(sourcePath(report, doc.id)) }, region: region(sourceLines(doc), hit.passage.start, hit.passage.end, doc.text) },
          }];
        }),
      };
      if (r.fix) {
        result.fixes = [{
          description: { text: r.fix.title },
          artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region(lines, r.fix.start, r.fix.end, file.text), insertedContent: { text: r.fix.replacement } }] }],
        }];
      }
      results.push(result);
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'Sourced', version, semanticVersion: version, rules } }, columnKind: 'utf16CodeUnits', results }],
  };
  return JSON.stringify(log, null, 2);
}
