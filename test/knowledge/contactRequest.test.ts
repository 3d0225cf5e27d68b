import { contactRequest } from '../../knowledge/understanding/contactRequest';

// A short question asking for someone to contact (a person test: "is there someone i can text"
// and "is there a phone number I can ring" were met with "A good place to start is the first
// service above"), and worries that mention talking, which stay worries.
describe('asking for someone to contact', () => {
  test.each([
    ['is there someone i can text', 'text'],
    ['can i text someone instead', 'text'],
    ['is there a chat or something, i cant talk on the phone', 'text'],
    ['is there a phone number I can ring', 'talk'],
    ['who can I talk to', 'talk'],
    ['any helpline?', 'talk'],
    ['i need someone to talk to', 'talk'],
  ] as const)('%j asks to %s', (text, kind) => expect(contactRequest(text)).toBe(kind));

  test.each([
    "I need to talk to someone about my son's drinking",
    'my partner wont let me text my friends',
    'is there help with school uniform costs',
    'he keeps calling me names',
    'thanks',
    '',
  ])('%j is not', (text) => expect(contactRequest(text)).toBeUndefined());
});
