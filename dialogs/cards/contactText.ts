import type { Contact } from '../../knowledge';

/** How to use a contact, in words: "Call 116 123", "Text SHOUT to 85258". */
export function howToReach(contact: Contact): string {
  const m = contact.method;
  switch (m.kind) {
    case 'phone':
      return `Call ${m.value}`;
    case 'text':
      return m.keyword ? `Text ${m.keyword} to ${m.value}` : `Text ${m.value}`;
    case 'url':
      return `Go to ${m.value}`;
    case 'email':
      return `Email ${m.value}`;
  }
}

/** A tel:, sms: or https: link for the contact, for card buttons. */
export function contactLink(contact: Contact): string {
  const m = contact.method;
  switch (m.kind) {
    case 'phone':
      return `tel:${m.value.replace(/\s+/g, '')}`;
    case 'text':
      return `sms:${m.value.replace(/\s+/g, '')}${m.keyword ? `?body=${encodeURIComponent(m.keyword)}` : ''}`;
    case 'url':
      return m.value;
    case 'email':
      return `mailto:${m.value}`;
  }
}

/**
 * One markdown line per contact, readable on every channel, cards or not. A phone number is a
 * tel: link, so one tap on a phone dials it; the number stays written out. Text lines stay
 * words ("Text SHOUT to 85258"): Web Chat's markdown renderer drops sms: links, text and all, so
 * the Web Chat page makes the pack's text lines into sms: links itself (deployment/webchat/embed.js).
 */
export function contactLine(contact: Contact): string {
  const reach = howToReach(contact);
  const action = contact.method.kind === 'phone' ? `[${reach}](${contactLink(contact)})` : reach;
  return `- **${contact.name}**: ${action}. ${contact.hours}${contact.note ? ` ${contact.note}` : ''}`;
}

export function contactLines(contacts: Contact[]): string {
  return contacts.map(contactLine).join('\n');
}
