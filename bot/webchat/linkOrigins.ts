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

/** A text line in the pack: its number as the bot writes it, its digits, and the word to send. */
export interface TextLine {
  /** As in the pack, and so in the bot's words ("Text SHOUT to 85258"). */
  written: string;
  /** Digits only, for the sms: link. */
  number: string;
  keyword?: string;
}

/**
 * The pack's text lines. Web Chat's markdown renderer drops sms: links, text and all, so the bot
 * writes them as words ("Text SHOUT to 85258") and the page makes exactly these into sms: links;
 * any other number in a message stays plain text.
 */
export function textLinesOf(pack: KnowledgePack): TextLine[] {
  const lines = new Map<string, TextLine>();
  for (const contact of [...pack.contacts, ...pack.services.flatMap((s) => s.contacts ?? [])]) {
    const m = contact.method;
    if (m.kind !== 'text') continue;
    const number = m.value.replace(/\s+/g, '');
    // Only a plain number and a plain word can become a link (the pack schema checks them too).
    if (!/^\d{5,11}$/.test(number) || (m.keyword !== undefined && !/^[A-Za-z0-9]{1,20}$/.test(m.keyword))) continue;
    lines.set(`${number} ${m.keyword ?? ''}`, { written: m.value, number, ...(m.keyword ? { keyword: m.keyword } : {}) });
  }
  return [...lines.values()];
}
