import type { Activity } from 'botbuilder';
import { isOpen } from '../knowledge';
import type { KnowledgePack, OfficeHours } from '../knowledge';

/**
 * The instant a turn happened, from the channel's clock: the activity's timestamp. Out of
 * hours is a question about the person's "now", not the server's; a queued or replayed
 * activity keeps its own time. The server clock is used only when the channel sent none.
 */
export function turnInstant(activity: Partial<Activity> | undefined, now: () => Date = () => new Date()): Date {
  const raw = activity?.timestamp as Date | string | undefined;
  if (raw !== undefined && raw !== null) {
    const at = raw instanceof Date ? raw : new Date(raw);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return now();
}

/** The office hours that decide "out of hours" for the bot: the children's front door's, the first listed. */
export function frontDoorHours(pack: KnowledgePack): OfficeHours | undefined {
  const routed = pack.routes.find((r) => r.officeHoursId !== undefined)?.officeHoursId;
  return pack.officeHours.find((h) => h.id === routed) ?? pack.officeHours[0];
}

export function isOutOfHours(pack: KnowledgePack, at: Date): boolean {
  const hours = frontDoorHours(pack);
  return hours ? !isOpen(hours, at) : true;
}
