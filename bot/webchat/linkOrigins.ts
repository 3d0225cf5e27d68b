import type { KnowledgePack } from '../../knowledge';

/**
 * The origins the bot itself links to: every https URL in the knowledge pack (services,
 * contacts, sources). The page makes only these (and tel:/mailto:) into live links; any
 * other URL in a message stays plain text, so an echoed address can never become a link.
 */
export function linkOriginsOf(pack: KnowledgePack, extra: string[] = []): string[] {
  const origins = new Set<string>(extra);
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/^https:\/\/[^\s]+$/i.test(value)) {
        try {
          origins.add(new URL(value).origin);
        } catch {
          // Not a URL after all; nothing to allow.
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(pack);
  return [...origins].sort();
}
