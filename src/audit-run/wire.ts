// What an audit worker sends back: documents whose findings leave out their rule's repeated
// text (ruleId, element, severity, citation, help), sent once per worker as a numbered rule.
// The main thread puts the text back from one table, so every finding of a rule shares it.
import type { AuditDocument } from '../audit/types.js';
import type { Finding } from '../types.js';

export type RuleText = Pick<Finding, 'ruleId' | 'element' | 'severity' | 'citation' | 'help'>;

/** A finding with its rule by number; any finding of another shape travels whole. */
export interface PackedFinding {
  rule: number;
  message: string;
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  path?: Finding['path'];
}

export interface WireDocument extends Omit<AuditDocument, 'findings'> {
  findings: (PackedFinding | Finding)[];
}

// The key orders the engine gives a finding; packing keeps them, so the JSON report is unchanged.
const SHAPES = new Set(
  [
    ['ruleId', 'element', 'severity', 'message', 'messageId', 'line', 'column', 'citation', 'help'],
    ['ruleId', 'element', 'severity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn', 'citation', 'help'],
  ].flatMap((keys) => [keys.join(), [...keys, 'path'].join()]),
);

const ruleKey = (r: RuleText): string => `${r.ruleId}\u0000${r.element}\u0000${r.severity}\u0000${r.citation}\u0000${r.help}`;

/** In a worker: numbers the rules it has seen and packs findings. */
export class FindingPacker {
  private readonly numbers = new Map<string, number>();
  private fresh: RuleText[] = [];

  packDocument(doc: AuditDocument): WireDocument {
    return { ...doc, findings: doc.findings.map((f) => this.pack(f)) };
  }

  pack(finding: Finding): PackedFinding | Finding {
    if (!SHAPES.has(Object.keys(finding).join())) return finding;
    const key = ruleKey(finding);
    let rule = this.numbers.get(key);
    if (rule === undefined) {
      rule = this.numbers.size;
      this.numbers.set(key, rule);
      this.fresh.push({
        ruleId: finding.ruleId,
        element: finding.element,
        severity: finding.severity,
        citation: finding.citation,
        help: finding.help,
      });
    }
    const packed: PackedFinding = {
      rule,
      message: finding.message,
      messageId: finding.messageId,
      line: finding.line,
      column: finding.column,
    };
    if ('endLine' in finding) {
      packed.endLine = finding.endLine;
      packed.endColumn = finding.endColumn;
    }
    if ('path' in finding) packed.path = finding.path;
    return packed;
  }

  /** The rules numbered since the last call: sent with the batch that first uses them. */
  takeNewRules(): RuleText[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** In the main thread: one per worker, over a table of rule text shared by all workers. */
export class FindingUnpacker {
  private readonly rules: RuleText[] = [];

  constructor(private readonly shared: Map<string, RuleText> = new Map()) {}

  learn(rules: RuleText[]): void {
    for (const rule of rules) {
      const key = ruleKey(rule);
      let known = this.shared.get(key);
      if (!known) this.shared.set(key, (known = rule));
      this.rules.push(known);
    }
  }

  unpackDocument(doc: WireDocument): AuditDocument {
    return { ...doc, findings: doc.findings.map((f) => this.unpack(f)) };
  }

  unpack(finding: PackedFinding | Finding): Finding {
    if (!('rule' in finding)) return finding;
    const r = this.rules[finding.rule];
    if (!r) throw new Error(`an audit worker sent a finding of unknown rule ${finding.rule}`);
    const head = {
      ruleId: r.ruleId,
      element: r.element,
      severity: r.severity,
      message: finding.message,
      messageId: finding.messageId,
      line: finding.line,
      column: finding.column,
    };
    const out: Finding =
      'endLine' in finding
        ? { ...head, endLine: finding.endLine, endColumn: finding.endColumn, citation: r.citation, help: r.help }
        : { ...head, citation: r.citation, help: r.help };
    if ('path' in finding) out.path = finding.path;
    return out;
  }
}
