import fc from 'fast-check';
import { DEFAULT_DISPLAY_LOCALE, formatDayLong } from '../../../shared/domain/display-format';
import { describe, expect, it } from 'vitest';
import { CheckedTemplate, DEFAULT_TEMPLATES, escapeHtml, MESSAGE_KINDS, PLACEHOLDERS, renderTemplate, SAMPLE_VALUES, unknownPlaceholders, type TemplateValues } from '../../../shared/domain/communications/templates';

const values: TemplateValues = { ...SAMPLE_VALUES, patientFirstName: 'Kim', doctorName: 'Dr. Lee', date: 'Monday 7 December 2026', time: '10:15' };

describe('renderTemplate', () => {
  it('fills every placeholder in subject and body', () => {
    const out = renderTemplate({ subject: 'See {{doctorName}} at {{time}}', body: 'Hi {{patientFirstName}}, {{date}} at {{ address }}.' }, values);
    expect(out.subject).toBe('See Dr. Lee at 10:15');
    expect(out.text).toBe(`Hi Kim, Monday 7 December 2026 at ${values.address}.`);
    expect(out.html).toBe(`<p>Hi Kim, Monday 7 December 2026 at ${values.address}.</p>`);
  });

  it('escapes values and the template text in the HTML part, not in the text part', () => {
    const out = renderTemplate({ subject: 'x', body: 'A & B: {{patientName}}' }, { ...values, patientName: '<img src=x onerror=alert(1)> "Bo"' });
    expect(out.html).toBe('<p>A &amp; B: &lt;img src=x onerror=alert(1)&gt; &quot;Bo&quot;</p>');
    expect(out.text).toBe('A & B: <img src=x onerror=alert(1)> "Bo"');
  });

  it('keeps paragraphs and line breaks in HTML', () => {
    expect(renderTemplate({ subject: 's', body: 'one\ntwo\n\nthree' }, values).html).toBe('<p>one<br>two</p>\n<p>three</p>');
  });

  it('never lets a value break the subject onto another header line', () => {
    expect(renderTemplate({ subject: 'Hello {{patientName}}', body: 'b' }, { ...values, patientName: 'Eve\r\nBcc: x@y.z' }).subject).toBe('Hello Eve Bcc: x@y.z');
  });

  it('leaves an unknown placeholder visible rather than dropping it', () => {
    expect(renderTemplate({ subject: 's', body: '{{nope}} {{time}}' }, values).text).toBe('{{nope}} 10:15');
  });

  it('property: no value can inject markup into the HTML part', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, body) => {
        const html = renderTemplate({ subject: 's', body: `${body}{{patientName}}` }, { ...values, patientName: name }).html;
        const withoutOwnTags = html.replace(/<\/?p>|<br>/g, '');
        expect(withoutOwnTags).not.toMatch(/[<>"']/);
        expect(html).toContain(escapeHtml(name).replace(/\r\n?|\n/g, '<br>').split('<br>')[0] ?? '');
      }),
    );
  });
});

describe('template checks', () => {
  it('names unknown placeholders', () => {
    expect(unknownPlaceholders('{{date}} {{doctor}} {{ patient }} {{doctor}}')).toEqual(['doctor', 'patient']);
    const parsed = CheckedTemplate.safeParse({ subject: 'ok {{date}}', body: 'Dear {{patientname}}' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['body']);
    expect(parsed.error?.issues[0]?.message).toContain('{{patientname}}');
  });

  it('the default templates are valid and use known placeholders only', () => {
    for (const kind of MESSAGE_KINDS) expect(CheckedTemplate.safeParse(DEFAULT_TEMPLATES[kind]).success).toBe(true);
    expect(Object.keys(SAMPLE_VALUES).sort()).toEqual(Object.keys(PLACEHOLDERS).sort());
  });
});

describe('formatDayLong', () => {
  it('writes the weekday, day, month and year', () => {
    expect(formatDayLong('2026-12-08', DEFAULT_DISPLAY_LOCALE)).toBe('Tuesday 8 December 2026');
    expect(formatDayLong('2024-02-29', DEFAULT_DISPLAY_LOCALE)).toBe('Thursday 29 February 2024');
  });
});
