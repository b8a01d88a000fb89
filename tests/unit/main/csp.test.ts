import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Vite copies the page's <head> verbatim into out/renderer/index.html, so the source is what ships;
// the end-to-end test checks the policy is present and enforced in the running page.
const INDEX_HTML = join(__dirname, '../../../renderer/index.html');

function contentSecurityPolicy(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi)];
  expect(metas, 'exactly one CSP meta tag').toHaveLength(1);
  const content = /content="([^"]*)"/i.exec(metas[0]?.[0] ?? '')?.[1] ?? '';
  const directives = new Map<string, string[]>();
  for (const directive of content.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe('renderer Content-Security-Policy', () => {
  const html = readFileSync(INDEX_HTML, 'utf8');
  const csp = contentSecurityPolicy(html);

  it('allows only the app itself by default', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('shuts plugins, base rewriting and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('allows no inline code, eval or remote hosts anywhere', () => {
    const sources = [...csp.values()].flat();
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'unsafe-hashes'");
    expect(sources).not.toContain("'wasm-unsafe-eval'");
    expect(sources.filter((source) => /^(https?:|wss?:|\*)/.test(source))).toEqual([]);
  });

  it('has no inline scripts or style elements for the policy to refuse', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });
});
