import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_SENTENCES, actionSentence } from '../../../shared/domain/audit/action-sentences';
import { contract } from '../../../shared/ipc/contract';
import { sourceFiles } from '../architecture/source-files';

/** Audit actions written outside the channels' specs: literal actions in code that calls audit.record. */
function actionsRecordedByHand(): string[] {
  const main = join(__dirname, '../../../electron/main');
  return sourceFiles(main)
    .map((file) => readFileSync(file, 'utf8'))
    .filter((source) => /\baudit\.record\(/.test(source))
    .flatMap((source) => [...source.matchAll(/\baction:\s*'([a-z][a-z0-9_]*)'/g)].map((m) => m[1]!));
}

const channelActions = (): string[] =>
  Object.values(contract).flatMap((spec) => ('audit' in spec && spec.audit ? [spec.audit.action] : []));

describe('the audit trail in plain language', () => {
  it('has a sentence for every action a channel writes', () => {
    const actions = channelActions();
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((action) => !(action in ACTION_SENTENCES))).toEqual([]);
  });

  it('has a sentence for every action written by hand (schedule changes that cancel visits)', () => {
    const actions = actionsRecordedByHand();
    expect(actions).toContain('cancel_appointment');
    expect(actions.filter((action) => !(action in ACTION_SENTENCES))).toEqual([]);
  });

  it('says an action as a sentence, and an unknown one readably', () => {
    expect(actionSentence('view_patient_record')).toBe('Viewed the patient record');
    expect(actionSentence('view_own_prescriptions')).toBe('Viewed their own prescriptions');
    expect(actionSentence('archive_something_new')).toBe('Archive something new');
  });

  it('keeps no sentence for an action nothing writes any more', () => {
    const written = new Set([...channelActions(), ...actionsRecordedByHand()]);
    expect(Object.keys(ACTION_SENTENCES).filter((action) => !written.has(action))).toEqual([]);
  });
});
