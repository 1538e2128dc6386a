import fc from 'fast-check';
import { calendarFile, escapeIcsText, foldIcsLine } from './ics';

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('calendar invitation (.ics)', () => {
  it('is one UTC event of the interview, with CRLF line ends', () => {
    const ics = calendarFile({
      uid: '0f7c2b1e-1111-4222-8333-444455556666',
      start: new Date('2026-12-08T10:00:00Z'),
      minutes: 30,
      title: 'Interview with the platform team',
      description: 'Study: Setting up a new service; 30 minutes, video call',
      url: 'http://localhost:3000/research?tab=invitations',
      stamp: new Date('2026-11-30T12:34:56.789Z'),
    });
    const lines = unfold(ics).split('\r\n');
    expect(lines).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Paved//User research//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:0f7c2b1e-1111-4222-8333-444455556666@paved',
      'DTSTAMP:20261130T123456Z',
      'DTSTART:20261208T100000Z',
      'DTEND:20261208T103000Z',
      'SUMMARY:Interview with the platform team',
      'DESCRIPTION:Study: Setting up a new service\\; 30 minutes\\, video call',
      'URL:http://localhost:3000/research?tab=invitations',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
    expect(ics).not.toMatch(/[^\r]\n/);
  });

  it.each([
    ['a;b,c', 'a\\;b\\,c'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines\r\nhere', 'two\\nlines\\nhere'],
  ])('escapes %p as %p', (text, escaped) => {
    expect(escapeIcsText(text)).toBe(escaped);
  });

  it('folds every line to at most 75 octets and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), text => {
        const line = `DESCRIPTION:${escapeIcsText(text)}`;
        const folded = foldIcsLine(line);
        for (const part of folded.split('\r\n')) {
          expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
        }
        expect(unfold(folded)).toBe(line);
      }),
    );
  });
});
