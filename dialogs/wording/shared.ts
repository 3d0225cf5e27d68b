import type { AgeBand } from '../../knowledge/vocabulary';
import type { About } from '../profile';
import type { Option, Wording } from './types';

// Pieces the resident, parent/carer and young person wordings share.

export const childAgeOptions: Option<AgeBand>[] = [
  { value: 'pre-birth-5', label: 'Expecting a baby, or under 5', synonyms: ['baby', 'pregnant', 'toddler', 'under 5', 'pre-school', 'nursery'] },
  { value: '5-11', label: '5 to 11', synonyms: ['primary', 'primary school', '5-11'] },
  { value: '11-19', label: '11 to 19 (up to 25 with special needs)', synonyms: ['teenager', 'secondary', 'college', '11-19', 'teen', 'send', '11 to 19', 'special needs', 'disability'] },
];

export const adultAgeOptions: Option<AgeBand>[] = [
  { value: '11-19', label: 'Under 18', synonyms: ['under 18', 'teenager', 'young'] },
  { value: 'adult', label: '18 to 64', synonyms: ['adult', '18-64', 'grown up'] },
  { value: 'older', label: '65 or over', synonyms: ['older', 'over 65', 'pensioner', 'retired', 'elderly'] },
];

export const otherAdultAgeOptions: Option<AgeBand>[] = [
  { value: 'adult', label: 'Under 65', synonyms: ['adult', 'under 65'] },
  { value: 'older', label: '65 or over', synonyms: ['older', 'over 65', 'pensioner', 'retired', 'elderly'] },
];

export function ageOptionsFor(about: About): Option<AgeBand>[] {
  if (about === 'child' || about === 'family') return childAgeOptions;
  if (about === 'myself') return adultAgeOptions;
  return otherAdultAgeOptions;
}

export const plainAgeNames: Record<AgeBand, string> = {
  'pre-birth-5': 'expecting a baby, or a child under 5',
  '5-11': 'a child aged 5 to 11',
  '11-19': 'a young person aged 11 to 19 (or up to 25 with special educational needs or a disability)',
  adult: 'an adult',
  older: 'an older person (65 or over)',
};

export const plainAboutNames: Record<About, string> = {
  myself: 'me',
  child: 'my child',
  family: 'our family',
  adult: 'another adult',
  'older-person': 'an older person',
};

/** Who a service works with, in plain words. */
export const plainAccess: Wording['access'] = {
  'self-referral': 'You can contact them yourself.',
  'professional-referral': 'A professional, like a GP, health visitor or school, asks them for you.',
  both: 'You can contact them yourself, or a professional can ask for you.',
};

export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
