import path from 'node:path';
import { z } from 'zod';
import { checkedOnce, readCheckedJson, type PackIssue } from '../loader';
import { projectPath } from '../paths';

// Named phrase lists the rules, frames and group cues refer to as {NAME}: data, in
// knowledge/triage/rules/slots.json, read and checked like the rules file.

const slotsFileSchema = z
  .object({
    about: z.record(z.string(), z.string()).optional(),
    slots: z.record(
      z.string().regex(/^[A-Z][A-Z_]*$/, 'a slot name is upper case, like REFLEX'),
      z.object({ note: z.string().trim().min(1).optional(), phrases: z.array(z.string().trim().min(1)).min(1, 'a slot needs at least one phrase') }).strict(),
    ),
  })
  .strict();

export type RiskSlots = Readonly<Record<string, readonly string[]>>;

export function defaultSlotsPath(): string {
  return projectPath('knowledge', 'triage', 'rules', 'slots.json');
}

/** Reads and checks a slots file; the slots come back only when there is no problem. */
export function readRiskSlots(file: string = defaultSlotsPath()): { slots?: RiskSlots; issues: PackIssue[] } {
  const { data, issues } = readCheckedJson(file, path.basename(file), slotsFileSchema);
  if (!data) return { issues };
  return { slots: Object.fromEntries(Object.entries(data.slots).map(([name, slot]) => [name, slot.phrases])), issues: [] };
}

/** The project's slots, read and checked on first use (see checkedOnce). */
export const riskSlots = checkedOnce('The rule slots', () => readRiskSlots(), (r) => r.slots);
