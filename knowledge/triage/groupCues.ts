import path from 'node:path';
import { z } from 'zod';
import { checkedOnce, readCheckedJson, type PackIssue } from '../loader';
import { projectPath } from '../paths';
import { PRIORITY_GROUP_IDS, TOPIC_SIGNALS, type PriorityGroupId, type TopicSignal } from '../vocabulary';

// Cue phrases for the priority groups and for reading a message (a worry, a topic, a child
// present), as data: knowledge/triage/rules/group-cues.json, read and checked like the rules.

/** A pattern (knowledge/triage/pattern.ts) and how strongly it names its group: 1, 0.6, 0.35… */
export type Cue = readonly [pattern: string, weight: number];

const pattern = z.string().trim().min(1, 'a pattern cannot be empty');
const patterns = z.array(pattern).min(1);
const plainWords = z.array(z.string().regex(/^[a-z]+(?: [a-z]+)*$/, 'plain lower-case words, one space between them')).min(1);

const groupCuesFileSchema = z
  .object({
    about: z.record(z.string(), z.string()).optional(),
    groups: z.record(
      z.enum(PRIORITY_GROUP_IDS),
      z.array(z.object({ pattern, weight: z.number().gt(0).max(1), note: z.string().trim().min(1).optional() }).strict()).min(1),
    ),
    worry: patterns,
    complexity: patterns,
    statutory: patterns,
    topic: patterns,
    topicMaterial: patterns,
    childPresent: patterns,
    childSpeaker: patterns,
    signals: z.record(z.enum(TOPIC_SIGNALS), patterns),
    smallTalk: plainWords,
    questionStart: plainWords,
  })
  .strict();

export interface GroupCues {
  groups: Readonly<Record<PriorityGroupId, readonly Cue[]>>;
  /** Words that show someone is describing a problem, not asking a plain question. */
  worry: readonly string[];
  /** Signs that needs are more than one simple thing. */
  complexity: readonly string[];
  /** Statutory-level words that make a case specialist even without a risk rule. */
  statutory: readonly string[];
  /** A message about a risk topic (training, signs, leaflets), not a case: model/decision.ts. */
  topic: readonly string[];
  /** Requests for material about a harm (training, a toolkit, signs to look for): a topic unless the model is sure. */
  topicMaterial: readonly string[];
  /** A child is present or at risk: the children's route is added to an adult or emergency one. */
  childPresent: readonly string[];
  /** The person speaking, or the one at risk, is a child: the children's route leads. */
  childSpeaker: readonly string[];
  /** What a worry says beyond its groups that decides a service (a picture being shared): vocabulary TOPIC_SIGNALS. */
  signals: Readonly<Partial<Record<TopicSignal, readonly string[]>>>;
  /** A whole message that is a greeting, thanks or small talk: never a worry. */
  smallTalk: RegExp;
  /** The opening words of an information question. */
  questionStart: RegExp;
}

export function defaultGroupCuesPath(): string {
  return projectPath('knowledge', 'triage', 'rules', 'group-cues.json');
}

/** Reads and checks a cues file; every priority group needs cues. */
export function readGroupCues(file: string = defaultGroupCuesPath()): { cues?: GroupCues; issues: PackIssue[] } {
  const label = path.basename(file);
  const { data, issues } = readCheckedJson(file, label, groupCuesFileSchema);
  if (!data) return { issues };
  const missing = PRIORITY_GROUP_IDS.filter((id) => !data.groups[id]);
  if (missing.length > 0) return { issues: missing.map((id) => ({ file: label, path: `groups.${id}`, message: 'every priority group needs cues: this one has none' })) };
  const words = (list: readonly string[]) => list.map((w) => w.replace(/ /g, '\\s+')).join('|');
  return {
    cues: {
      groups: Object.fromEntries(PRIORITY_GROUP_IDS.map((id) => [id, data.groups[id]!.map((c): Cue => [c.pattern, c.weight])])) as Record<PriorityGroupId, Cue[]>,
      worry: data.worry,
      complexity: data.complexity,
      statutory: data.statutory,
      topic: data.topic,
      topicMaterial: data.topicMaterial,
      childPresent: data.childPresent,
      childSpeaker: data.childSpeaker,
      signals: data.signals,
      smallTalk: new RegExp(`^\\s*(${words(data.smallTalk)})[\\s!.?]*$`, 'i'),
      questionStart: new RegExp(`^\\s*(${words(data.questionStart)})\\b`, 'i'),
    },
    issues: [],
  };
}

/** The project's cues, read and checked on first use (see checkedOnce). */
export const groupCues = checkedOnce('The group cues', () => readGroupCues(), (r) => r.cues);
