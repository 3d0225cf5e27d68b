import { z } from 'zod';
import { PRIORITY_GROUP_IDS, RISK_ROUTES, type PriorityGroupId, type RiskRoute, type Route } from '../vocabulary';
import type { TriageFn } from './types';

// The labelled evaluation, shared by `npm run eval` and the jest floors test so
// both measure the same thing. Message text is printed only for misses, and
// only from the labelled set, never from real conversations.

export const riskSetSchema = z.object({
  description: z.string().optional(),
  items: z.array(z.object({ text: z.string().min(1), route: z.enum(RISK_ROUTES), groups: z.array(z.enum(PRIORITY_GROUP_IDS)).optional() }).strict()),
});
export const worrySetSchema = z.object({
  description: z.string().optional(),
  items: z.array(
    z.object({ text: z.string().min(1), groups: z.array(z.enum(PRIORITY_GROUP_IDS)).min(1), riskTopic: z.boolean().optional() }).strict(),
  ),
});
export const holdoutSchema = z.object({
  description: z.string().optional(),
  risk: riskSetSchema.shape.items,
  worries: worrySetSchema.shape.items,
});

export type RiskItem = z.infer<typeof riskSetSchema>['items'][number];
export type WorryItem = z.infer<typeof worrySetSchema>['items'][number];

export interface Floors {
  /** Share of risk messages escalated to some risk route. */
  riskRecall: number;
  /** Share of risk messages whose labelled route is among the routes that fired. */
  routeRecall: number;
  /** Share of worries (no risk) that were escalated anyway. Must stay below this. */
  falseEscalation: number;
  /** Share of worries with a labelled group in the top three. */
  groupTop3: number;
}

/**
 * CI floors on the main set. False escalation was 0.5% when regex rules were tuned on this very
 * set; the learned model escalates 11.7% of its everyday worries (short, distressed ones), and
 * the floor says so rather than hiding it (docs/triage.md, "Known weaknesses").
 */
export const FLOORS: Floors = { riskRecall: 1, routeRecall: 0.95, falseEscalation: 0.12, groupTop3: 0.95 };

/** Floors on the hold-outs still apart from training (v12 to v14), whose first-run numbers are recorded: they guard against regressions. */
export const HOLDOUT_FLOORS: Floors = { riskRecall: 0.97, routeRecall: 0.93, falseEscalation: 0.08, groupTop3: 0.95 };

export interface RouteStats {
  route: RiskRoute;
  total: number;
  /** Labelled route among the routes that fired. */
  caught: number;
  /** Escalated at all. */
  escalated: number;
  /** Messages whose top route was this one. */
  predicted: number;
  /** ... and were labelled with it. */
  predictedCorrect: number;
}

export interface GroupStats {
  id: PriorityGroupId;
  total: number;
  top1: number;
  top3: number;
  predictedTop1: number;
  predictedTop1Correct: number;
}

export interface Miss {
  kind: 'risk-missed' | 'wrong-route' | 'false-escalation' | 'topic-escalated' | 'group';
  text: string;
  expected: string;
  got: string;
}

export interface EvaluationReport {
  risk: { total: number; escalated: number; routeCaught: number; topRouteCorrect: number; byRoute: RouteStats[] };
  worries: {
    total: number;
    falselyEscalated: number;
    riskTopics: number;
    riskTopicsEscalated: number;
    /** Of all worries escalated (hard negatives included), how many only as a check-in ("possible"). */
    escalatedAsCheckIn: number;
    top1: number;
    top3: number;
    top3All: number;
    byGroup: GroupStats[];
  };
  misses: Miss[];
  rates: {
    riskRecall: number;
    routeRecall: number;
    topRouteAccuracy: number;
    /** Plain worries escalated (questions about a risk topic left out). */
    falseEscalation: number;
    /** Every worry escalated, hard negatives included: the measure the bar uses. */
    falseEscalationAll: number;
    groupTop1: number;
    groupTop3: number;
    groupTop3All: number;
  };
}

export function evaluate(triage: TriageFn, riskItems: readonly RiskItem[], worryItems: readonly WorryItem[]): EvaluationReport {
  const misses: Miss[] = [];
  const byRoute = new Map<RiskRoute, RouteStats>(
    RISK_ROUTES.map((route) => [route, { route, total: 0, caught: 0, escalated: 0, predicted: 0, predictedCorrect: 0 }]),
  );
  const byGroup = new Map<PriorityGroupId, GroupStats>(
    PRIORITY_GROUP_IDS.map((id) => [id, { id, total: 0, top1: 0, top3: 0, predictedTop1: 0, predictedTop1Correct: 0 }]),
  );
  const countPrediction = (route: Route, labelled: RiskRoute | undefined) => {
    const stats = byRoute.get(route as RiskRoute);
    if (stats === undefined) return;
    stats.predicted++;
    if (route === labelled) stats.predictedCorrect++;
  };

  let escalated = 0;
  let routeCaught = 0;
  let topRouteCorrect = 0;
  for (const item of riskItems) {
    const result = triage(item.text);
    const stats = byRoute.get(item.route)!;
    stats.total++;
    const routes = new Set(result.riskMatches.map((m) => m.route));
    countPrediction(result.route, item.route);
    if (result.riskMatches.length === 0) {
      misses.push({ kind: 'risk-missed', text: item.text, expected: item.route, got: result.route });
      continue;
    }
    escalated++;
    stats.escalated++;
    if (result.route === item.route) topRouteCorrect++;
    if (routes.has(item.route)) {
      routeCaught++;
      stats.caught++;
    } else {
      misses.push({ kind: 'wrong-route', text: item.text, expected: item.route, got: describeMatches(result.riskMatches) });
    }
  }

  let falselyEscalated = 0;
  let riskTopics = 0;
  let riskTopicsEscalated = 0;
  let escalatedAsCheckIn = 0;
  let top1 = 0;
  let top3 = 0;
  let top3All = 0;
  for (const item of worryItems) {
    const result = triage(item.text);
    countPrediction(result.route, undefined);
    if (result.riskMatches.length > 0 && result.confidence === 'possible') escalatedAsCheckIn++;
    if (item.riskTopic) {
      // A question about a risk topic (hard negative): counted apart, and in the all-worries rate.
      riskTopics++;
      if (result.riskMatches.length > 0) {
        riskTopicsEscalated++;
        misses.push({ kind: 'topic-escalated', text: item.text, expected: 'no risk (a risk topic)', got: describeMatches(result.riskMatches) });
      }
    } else if (result.riskMatches.length > 0) {
      falselyEscalated++;
      misses.push({ kind: 'false-escalation', text: item.text, expected: 'no risk', got: describeMatches(result.riskMatches) });
    }
    const ranked = result.priorityGroups.map((g) => g.id);
    const first = ranked[0];
    const firstThree = new Set(ranked.slice(0, 3));
    if (first !== undefined) {
      const s = byGroup.get(first)!;
      s.predictedTop1++;
      if (item.groups.includes(first)) s.predictedTop1Correct++;
    }
    const hit1 = first !== undefined && item.groups.includes(first);
    const hit3 = item.groups.some((g) => firstThree.has(g));
    const hitAll = item.groups.slice(0, 3).every((g) => firstThree.has(g));
    if (hit1) top1++;
    if (hit3) top3++;
    if (hitAll) top3All++;
    for (const g of item.groups) {
      const s = byGroup.get(g)!;
      s.total++;
      if (first === g) s.top1++;
      if (firstThree.has(g)) s.top3++;
    }
    if (!hitAll) {
      misses.push({
        kind: 'group',
        text: item.text,
        expected: item.groups.join(' + '),
        got: result.priorityGroups.slice(0, 3).map((g) => `${g.id} ${g.score.toFixed(2)}`).join(', ') || '(none)',
      });
    }
  }

  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    risk: { total: riskItems.length, escalated, routeCaught, topRouteCorrect, byRoute: [...byRoute.values()] },
    worries: { total: worryItems.length, falselyEscalated, riskTopics, riskTopicsEscalated, escalatedAsCheckIn, top1, top3, top3All, byGroup: [...byGroup.values()] },
    misses,
    rates: {
      riskRecall: ratio(escalated, riskItems.length),
      routeRecall: ratio(routeCaught, riskItems.length),
      topRouteAccuracy: ratio(topRouteCorrect, riskItems.length),
      falseEscalation: worryItems.length - riskTopics === 0 ? 0 : falselyEscalated / (worryItems.length - riskTopics),
      falseEscalationAll: worryItems.length === 0 ? 0 : (falselyEscalated + riskTopicsEscalated) / worryItems.length,
      groupTop1: ratio(top1, worryItems.length),
      groupTop3: ratio(top3, worryItems.length),
      groupTop3All: ratio(top3All, worryItems.length),
    },
  };
}

/** Which floors a report falls below; empty when all hold. */
export function floorFailures(report: EvaluationReport, floors: Floors = FLOORS): string[] {
  const r = report.rates;
  const out: string[] = [];
  if (r.riskRecall < floors.riskRecall) out.push(`risk recall ${pct(r.riskRecall)} is below ${pct(floors.riskRecall)}`);
  if (r.routeRecall < floors.routeRecall) out.push(`route recall ${pct(r.routeRecall)} is below ${pct(floors.routeRecall)}`);
  if (r.falseEscalation >= floors.falseEscalation) out.push(`false escalation ${pct(r.falseEscalation)} is not under ${pct(floors.falseEscalation)}`);
  if (r.groupTop3 < floors.groupTop3) out.push(`group top-3 ${pct(r.groupTop3)} is below ${pct(floors.groupTop3)}`);
  return out;
}

export function formatReport(title: string, report: EvaluationReport): string {
  const lines: string[] = [];
  const r = report.rates;
  lines.push(`== ${title}`);
  lines.push(`risk messages: ${report.risk.total}   worries (no risk): ${report.worries.total}`);
  lines.push('');
  lines.push('route                 n   recall(route)  escalated   precision(top route)');
  for (const s of report.risk.byRoute) {
    const precision = s.predicted === 0 ? '   -' : pct(s.predictedCorrect / s.predicted);
    lines.push(
      `${s.route.padEnd(20)} ${String(s.total).padStart(3)}   ${pct(s.total ? s.caught / s.total : 1).padStart(8)}     ${pct(s.total ? s.escalated / s.total : 1).padStart(7)}   ${precision.padStart(8)} (${s.predictedCorrect}/${s.predicted})`,
    );
  }
  lines.push('');
  lines.push(`risk recall (escalated at all): ${pct(r.riskRecall)}   labelled route among routes fired: ${pct(r.routeRecall)}   top route = label: ${pct(r.topRouteAccuracy)}`);
  const plainWorries = report.worries.total - report.worries.riskTopics;
  lines.push(`false escalation on worries: ${pct(r.falseEscalation)} (${report.worries.falselyEscalated}/${plainWorries})`);
  lines.push(`questions about a risk topic escalated (not counted above): ${report.worries.riskTopicsEscalated}/${report.worries.riskTopics}`);
  const w = report.worries;
  lines.push(
    `false escalation, all worries (hard negatives included): ${pct(r.falseEscalationAll)} (${w.falselyEscalated + w.riskTopicsEscalated}/${w.total}; as a check-in: ${w.escalatedAsCheckIn})`,
  );
  lines.push('');
  lines.push('group                             n   top-1   top-3   precision(top-1)');
  for (const g of report.worries.byGroup) {
    const precision = g.predictedTop1 === 0 ? '   -' : pct(g.predictedTop1Correct / g.predictedTop1);
    lines.push(
      `${g.id.padEnd(32)} ${String(g.total).padStart(3)}  ${pct(g.total ? g.top1 / g.total : 1).padStart(6)}  ${pct(g.total ? g.top3 / g.total : 1).padStart(6)}   ${precision.padStart(6)}`,
    );
  }
  lines.push('');
  lines.push(`groups overall: top-1 ${pct(r.groupTop1)}   top-3 ${pct(r.groupTop3)}   every labelled group in top-3 ${pct(r.groupTop3All)}`);
  lines.push('');
  lines.push(`misses (${report.misses.length}):`);
  for (const m of report.misses) lines.push(`  [${m.kind}] "${m.text}"\n      expected: ${m.expected}\n      got:      ${m.got}`);
  return lines.join('\n');
}

function describeMatches(matches: ReadonlyArray<{ rule: string; matched: string }>): string {
  return matches.map((m) => `${m.rule} ("${m.matched}")`).join('; ') || '(none)';
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
