import { getContact } from '../knowledge';
import type { Contact, Guidance, KnowledgePack } from '../knowledge';
import type { Audience } from '../knowledge/vocabulary';
import { contactLines } from './cards/contactText';

/**
 * Pieces of the pack's guidance as one message: each title and its text (the professional text
 * for a practitioner, the plain one for anyone else where the pack has it), then its contacts,
 * each contact once (several pieces point to the same portal).
 */
export function guidanceText(pack: KnowledgePack, pieces: readonly Guidance[], audience: Audience | undefined): string {
  const parts: string[] = [];
  const shown = new Set<string>();
  for (const piece of pieces) {
    const body = audience === 'practitioner' ? piece.body : (piece.plainBody ?? piece.body);
    parts.push(`**${piece.title}**\n${body}`);
    const contacts = piece.contacts
      .filter((id) => !shown.has(id))
      .map((id) => getContact(pack, id))
      .filter((c): c is Contact => c !== undefined);
    for (const c of contacts) shown.add(c.id);
    if (contacts.length > 0) parts.push(contactLines(contacts));
  }
  return parts.join('\n\n');
}
