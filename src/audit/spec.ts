// The audit's view of the packs: matrix columns and groups (the union over packs, by
// group id), and the pack whose area rules apply on a date. Checked once, before any run.
import { PackError, type CompiledPack } from '../pack/load.js';
import { isAreaCheckKind } from './area-kinds.js';
import type { AuditColumn, AuditGroupColumn } from './types.js';

export interface AuditLayout {
  groups: AuditGroupColumn[];
  columns: AuditColumn[];
}

/** Columns of every pack's groups, newest pack's order first; an unknown element or check kind is a PackError. */
export function auditLayout(packs: CompiledPack[]): AuditLayout {
  const groups = new Map<string, AuditGroupColumn>();
  const columns = new Map<string, AuditColumn>();
  for (const pack of [...packs].reverse()) {
    if (!pack.audit) continue;
    pack.audit.rules.forEach((rule, r) => {
      if (!isAreaCheckKind(rule.check.kind))
        throw new PackError(pack.file, 1, 1, `audit.rules[${r}].check.kind`, `unknown area check kind "${rule.check.kind}"`);
    });
    pack.audit.groups.forEach((group, g) => {
      let column = groups.get(group.id);
      if (!column) {
        column = { id: group.id, kind: group.kind, label: group.label, title: group.title, columns: [] };
        groups.set(group.id, column);
      } else if (column.kind !== group.kind) {
        throw new PackError(pack.file, 1, 1, `audit.groups[${g}].kind`, `group "${group.id}" is for ${column.kind} in another pack`);
      }
      group.elements.forEach((element, e) => {
        const rule = pack.rules.find((x) => x.element === element && x.applies_to.includes(group.kind));
        if (!rule)
          throw new PackError(pack.file, 1, 1, `audit.groups[${g}].elements[${e}]`, `no rule for element "${element}" in ${group.kind}`);
        const key = `${group.kind}/${element}`;
        if (columns.has(key)) {
          if (columns.get(key)!.group !== group.id)
            throw new PackError(pack.file, 1, 1, `audit.groups[${g}].elements[${e}]`, `${key} is in two groups`);
          return;
        }
        columns.set(key, { key, kind: group.kind, element, title: rule.title, group: group.id });
        column.columns.push(key);
      });
    });
  }
  const ordered = [...groups.values()];
  return { groups: ordered, columns: ordered.flatMap((g) => g.columns.map((k) => columns.get(k)!)) };
}

/** The pack in force on a date (its in_force window), else the newest. */
export function packInForce(packs: CompiledPack[], asOf: string): CompiledPack {
  const inForce = packs.filter((p) => p.in_force.from <= asOf && (!p.in_force.until || asOf <= p.in_force.until));
  return inForce.at(-1) ?? packs.at(-1)!;
}
