// Typing "quick exit" on the council's page leaves it, as the page's own button does (issue 13,
// point 3): the bot sends the page an event (deployment/webchat/embed.js acts on it), then the
// words on how to leave for an embed that does not.
import { QUICK_EXIT_EVENT } from '../../dialogs/interruptions';
import { dialogHarness, readable } from './harness';

const exitEvents = (replies: { type?: string; name?: string }[]) => replies.filter((r) => r.type === 'event' && r.name === QUICK_EXIT_EVENT);

describe('quick exit typed in the chat', () => {
  test.each(['quick exit', 'Exit', 'exit this page'])('%j on the web page: the exit event first, then how to leave', async (text) => {
    const h = dialogHarness('webchat');
    await h.say("I'm asking for myself");
    const replies = await h.say(text);
    expect(exitEvents(replies)).toHaveLength(1);
    expect(replies[0].type).toBe('event');
    expect(readable(replies)).toContain('To leave quickly');
  });

  test.each(['hide', 'close', 'get out'])('%j explains how to leave, and sends no exit event', async (text) => {
    const h = dialogHarness('webchat');
    const replies = await h.say(text);
    expect(exitEvents(replies)).toHaveLength(0);
    expect(readable(replies)).toContain('To leave quickly');
  });

  test('in Teams there is no page to leave: no event', async () => {
    const h = dialogHarness('msteams');
    expect(exitEvents(await h.say('quick exit'))).toHaveLength(0);
  });
});
