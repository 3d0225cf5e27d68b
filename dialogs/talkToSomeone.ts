import type { Contact, KnowledgePack } from '../knowledge';
import { contactsForRoute, isOpen, talkContacts } from '../knowledge';
import type { Audience } from '../knowledge';
import { contactLines } from './cards/contactText';
import { frontDoorHours } from './clock';
import { talkAdultCare, talkByText, talkHowYouFeel, talkIntroClosed, talkIntroOpen } from './wording';

/**
 * "Talk to someone": people to phone, chosen by the instant. In office hours the
 * council's own front door comes first; out of hours the Emergency Duty Team for a
 * child's safety and the lines that are open day and night.
 */
export function talkToSomeone(
  pack: KnowledgePack,
  at: Date,
  audience: Audience | undefined,
  /** The worry is about an adult (a husband cared for, the writer's own as an adult): adult social care, not the children's front door. */
  aboutAnAdult = false,
  /** They asked for someone to text or type to ("is there someone i can text"): those come first. */
  byText = false,
): string {
  const hours = frontDoorHours(pack);
  const open = hours ? isOpen(hours, at) : false;
  const frontDoor = pack.contacts.filter((c) => hours && c.officeHoursId === hours.id && c.method.kind === 'phone');
  const child = pack.routes.some((r) => r.id === 'safeguarding-child') ? contactsForRoute(pack, 'safeguarding-child', at) : undefined;
  const crisis = pack.routes.some((r) => r.id === 'crisis') ? contactsForRoute(pack, 'crisis', at) : undefined;

  const isPhone = (c: Contact) => c.method.kind === 'phone' || c.method.kind === 'text';
  const notEmergency = (c: Contact) => !(c.method.kind === 'phone' && c.method.value === '999');
  // The pack's own lists for each kind of person (contacts.json "talk"). A pack without them gets
  // the crisis route's lines, sorted and filtered by their descriptions.
  const derived = (crisis?.contacts ?? []).filter((c) => isPhone(c) && notEmergency(c));
  derived.sort((a, b) => Number(/young|children/i.test(b.for)) - Number(/young|children/i.test(a.for)));
  const forAudience =
    talkContacts(pack, 'listening', audience) ??
    (audience === 'young-person' ? derived : derived.filter((c) => !/^children and young people/i.test(c.for)));
  const forAdults = talkContacts(pack, 'listening', 'self') ?? derived.filter((c) => !/^(children and young people|young people)/i.test(c.for));

  const lines: string[] = [];
  if (byText) {
    const typed = talkContacts(pack, 'byText', audience) ?? [...(crisis?.contacts ?? []).filter((c) => c.method.kind !== 'phone'), ...(crisis?.withoutACall ?? [])];
    const unique = typed.filter((c, i) => typed.findIndex((d) => d.id === c.id) === i);
    if (unique.length > 0) lines.push(talkByText, contactLines(unique));
  }
  const adultCare = aboutAnAdult && audience !== 'practitioner' && audience !== 'young-person' ? adultCareLine(pack, at) : undefined;
  if (adultCare) {
    // An older carer asking to talk to someone had the children's front door and a young
    // people's suicide line: adult social care, and the lines for adults.
    lines.push(talkAdultCare, contactLines([adultCare]));
    lines.push(talkHowYouFeel, contactLines(forAdults.slice(0, 3)));
  } else if (audience === 'practitioner') {
    // Professionals need the council's lines and the portal, not listening services.
    const portal = (child?.contacts ?? []).filter((c) => c.method.kind === 'url');
    if (open) lines.push("The children's front door is open now:", contactLines([...frontDoor, ...portal]));
    else {
      const outOfHoursTeam = (child?.contacts ?? []).filter((c) => c.method.kind === 'phone' && notEmergency(c) && !frontDoor.includes(c));
      lines.push("The children's front door is closed right now. For a child at risk of harm now:", contactLines([...outOfHoursTeam.slice(0, 1), ...portal]));
      if (frontDoor.length > 0) lines.push(`The front door is open ${frontDoor[0].hours}`);
    }
    lines.push("For advice on an Early Help Assessment, ask the Integrated Working Team through your agency's early help lead.");
  } else if (open && frontDoor.length > 0 && audience === 'young-person') {
    // A young person first meets people who listen; the council's line is for safety worries.
    lines.push('You can talk to someone now. These are free:', contactLines(forAudience.slice(0, 3)));
    lines.push("If you're worried about your safety, or another child's, the council's children's team is open now:", contactLines(frontDoor));
  } else if (open && frontDoor.length > 0) {
    lines.push(talkIntroOpen, contactLines(frontDoor));
    lines.push(talkHowYouFeel, contactLines(forAudience.slice(0, 3)));
  } else {
    const outOfHoursTeam = (child?.contacts ?? []).filter((c) => c.method.kind === 'phone' && notEmergency(c) && !frontDoor.includes(c));
    lines.push(talkIntroClosed);
    const safetyLead = audience === 'young-person' ? "If you're worried about your safety, or another child's, now:" : "If you're worried about a child's safety now:";
    if (outOfHoursTeam.length > 0) lines.push(safetyLead, contactLines(outOfHoursTeam.slice(0, 1)));
    lines.push('To talk to someone about how you feel:', contactLines(forAudience.slice(0, 3)));
    if (frontDoor.length > 0) lines.push(`The council's children's front door is open ${frontDoor[0].hours}`);
  }
  lines.push('If someone is in immediate danger, call 999.');
  return lines.join('\n\n');
}

/** The adults' route's own phone line (adult social care), not 999 or the police's 101. */
function adultCareLine(pack: KnowledgePack, at: Date): Contact | undefined {
  if (!pack.routes.some((r) => r.id === 'safeguarding-adult')) return undefined;
  return contactsForRoute(pack, 'safeguarding-adult', at).contacts.find((c) => c.method.kind === 'phone' && c.method.value !== '999' && c.method.value !== '101');
}
