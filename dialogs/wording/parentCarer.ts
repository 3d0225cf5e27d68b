import type { Wording } from './types';
import { residentWording } from './resident';

/** A parent or carer: usually asking about a child, so the questions lead with the child. */
export const parentCarerWording: Wording = {
  ...residentWording,
  audience: 'parent-carer',
  // Parents and carers share this audience: a carer may look after an adult.
  askWorry: "What's worrying you about your child, your family or someone you care for? Tell me in a few words, or pick a topic. Please don't type names.",
  askAbout: 'Who is the worry about?',
  aboutOptions: [
    { value: 'child', label: 'My child', synonyms: ['child', 'my child', 'son', 'daughter', 'kid', 'baby'] },
    { value: 'family', label: 'Our whole family', synonyms: ['family', 'all of us', 'whole family', 'us'] },
    { value: 'myself', label: 'Me', synonyms: ['me', 'myself'] },
  ],
  // A carer asked about the adult they look after ("my husband, he had a stroke"): not "your child".
  askAge: (about) =>
    about === 'myself' ? 'How old are you?' : about === 'family' ? 'How old is your youngest child?' : about === 'adult' || about === 'older-person' ? 'How old are they?' : 'How old is your child?',
  summary: { ...residentWording.summary, heading: 'What our family would like help with' },
  aboutNames: { ...residentWording.aboutNames, child: 'my child', family: 'our family' },
};
