import { CardFactory } from 'botbuilder';
import type { Attachment } from 'botbuilder';
import type { AppliesTo, Contact, Service } from '../../knowledge';
import type { Wording } from '../wording';
import { contactLink, howToReach } from './contactText';

const WHO: Record<AppliesTo, string> = {
  children: 'children',
  'young-people': 'young people',
  'parents-carers': 'parents and carers',
  adults: 'adults',
  'older-people': 'older people',
};

export function whoFor(service: Service): string {
  const who = service.appliesTo.map((a) => WHO[a]);
  const text = who.join(', ');
  const { min, max } = service.ages;
  const from = min < 0 ? 'pregnancy' : `${min}`;
  const ages = min <= 0 && max >= 100 ? 'any age' : max >= 100 ? `aged ${from} and over` : `aged ${from} to ${max}`;
  return `${text[0].toUpperCase()}${text.slice(1)}, ${ages}`;
}

/** Contact lines for a service, or where to look when no public contact is known (said to a young person when they are asking). */
export function serviceContactText(service: Service, directoryName: string, wording?: Pick<Wording, 'audience'>): string[] {
  // Named: a service may list several lines (a housing service's rough-sleeping line beside its
  // own), and a number alone does not say who answers.
  if (service.contacts.length > 0) return service.contacts.map((c) => `${c.name}: ${howToReach(c)} (${c.hours})`);
  const young = wording?.audience === 'young-person' ? service.howToFindYoungPeople : undefined;
  return [young ?? service.howToFind ?? `Search ${directoryName}.`];
}

/** The whole service as plain text: the card's fallback and the reply on text-only channels. */
export function serviceText(service: Service, wording: Wording, directoryName: string): string {
  return [
    `**${service.name}**`,
    service.description,
    `Who it is for: ${whoFor(service)}`,
    `How to get it: ${wording.access[service.access]}`,
    ...serviceContactText(service, directoryName, wording).map((line) => `Contact: ${line}`),
  ].join('\n');
}

/** An Adaptive Card: what the service does, who it is for, how to reach it, and links. */
export function serviceCard(service: Service, wording: Wording, directoryName: string): Attachment {
  // Every way to reach the service is one tap: a phone number dials (tel:), as the risk replies'
  // numbers do; links name where they go, so two of them are told apart.
  const links = service.contacts.filter((c) => c.method.kind !== 'text').slice(0, 3);
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    fallbackText: serviceText(service, wording, directoryName),
    speak: `${service.name}. ${service.description}`,
    body: [
      { type: 'TextBlock', text: service.name, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: service.description, wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Who it is for', value: whoFor(service) },
          { title: 'How to get it', value: wording.access[service.access] },
        ],
      },
      ...serviceContactText(service, directoryName, wording).map((line) => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'Small' })),
    ],
    actions: actionsFor(links),
  });
}

/** One button per contact; two links to one site are told apart by the contacts' names. */
function actionsFor(contacts: Contact[]): Array<{ type: 'Action.OpenUrl'; title: string; url: string }> {
  const titles = contacts.map(actionTitle);
  return contacts.map((c, i) => ({
    type: 'Action.OpenUrl',
    title: titles.indexOf(titles[i]) === titles.lastIndexOf(titles[i]) ? titles[i] : `Open: ${c.name}`,
    url: contactLink(c),
  }));
}

/** "Call 01225 396000", "Email jo@samaritans.org", "Open livewell.bathnes.gov.uk". */
function actionTitle(contact: Contact): string {
  const m = contact.method;
  if (m.kind === 'phone') return `Call ${m.value}`;
  if (m.kind === 'email') return `Email ${m.value}`;
  try {
    return `Open ${new URL(m.value).hostname.replace(/^www\./, '')}`;
  } catch {
    return 'Open the website';
  }
}
