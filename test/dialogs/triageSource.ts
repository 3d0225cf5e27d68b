// TEMPORARY until knowledge/triage lands: a keyword fixture implementing TriageFn.
import type { KnowledgePack } from '../../knowledge';
import type { GroupScore, TriageFn } from '../../knowledge/triage/types';
import type { PriorityGroupId } from '../../knowledge';

const WORDS: Partial<Record<PriorityGroupId, string[]>> = {
  'school-attendance': ['school', 'attend'],
  'financial-exclusion': ['money', 'job', 'debt', 'bills'],
  housing: ['housing', 'evict', 'rent', 'homeless'],
  'mental-health': ['anxious', 'low', 'depressed', 'sad', 'worried'],
  bullying: ['bullied', 'bully'],
  'social-isolation': ['lonely', 'alone'],
  'new-parents': ['baby', 'pregnant'],
};

export function realTriage(_pack: Pick<KnowledgePack, 'priorityGroups' | 'needLevels'>): TriageFn {
  return (text) => {
    const t = text.toLowerCase();
    if (/kill myself|suicid/.test(t)) return { route: 'crisis', riskMatches: [{ route: 'crisis', rule: 'x', matched: 'x' }], priorityGroups: [], needLevel: 'specialist' };
    const groups: GroupScore[] = [];
    for (const [id, words] of Object.entries(WORDS)) {
      const hits = words!.filter((w) => t.includes(w)).length;
      if (hits) groups.push({ id: id as PriorityGroupId, score: Math.min(0.9, 0.4 + 0.2 * hits) });
    }
    groups.sort((a, b) => b.score - a.score);
    return { route: groups.length ? 'early-help' : 'information', riskMatches: [], priorityGroups: groups, needLevel: groups.length ? 'targeted' : 'universal' };
  };
}
