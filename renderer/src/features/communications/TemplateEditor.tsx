import { useEffect, useMemo, useRef, useState } from 'react';
import {
  CheckedTemplate,
  MESSAGE_KIND_LABELS,
  MESSAGE_KINDS,
  PLACEHOLDERS,
  renderTemplate,
  SAMPLE_VALUES,
  type MessageKind,
  type MessageTemplates,
  type Placeholder,
} from '../../../../shared/domain/communications/templates';
import type { AppError } from '../../../../shared/ipc/result';
import { BusyButton } from '../../components/BusyButton';
import { FormField } from '../../components/FormField';
import { useCommunicationsStore } from '../../stores/communications-store';
import { ProblemBanner } from '../../components/ProblemBanner';
import { EmptyState } from '../../components/EmptyState';

/** Admins edit the four message texts; the preview fills them with sample data as they type. */
export function TemplateEditor() {
  const { templates, loadTemplates, saveTemplates } = useCommunicationsStore();
  const [draft, setDraft] = useState<MessageTemplates | null>(null);
  const [kind, setKind] = useState<MessageKind>('appointment_reminder');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const [lastField, setLastField] = useState<'subject' | 'body'>('body');
  const subject = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadTemplates().then((result) => {
      if (result.ok) setDraft((current) => current ?? result.data.templates);
      else setError(result.error);
    });
  }, [loadTemplates]);

  const current = draft?.[kind];
  const problems = useMemo(() => {
    const parsed = current ? CheckedTemplate.safeParse(current) : null;
    const byField: Partial<Record<'subject' | 'body', string>> = {};
    for (const issue of parsed?.error?.issues ?? []) byField[issue.path[0] as 'subject' | 'body'] ??= issue.message;
    return byField;
  }, [current]);
  const invalidKinds = draft ? MESSAGE_KINDS.filter((k) => !CheckedTemplate.safeParse(draft[k]).success) : [];
  const preview = current
    ? renderTemplate(current, {
        ...SAMPLE_VALUES,
        clinicName: templates?.clinicName || SAMPLE_VALUES.clinicName,
        address: templates?.clinicAddress || SAMPLE_VALUES.address,
      })
    : null;

  function change(field: 'subject' | 'body', value: string) {
    setSaved(false);
    setDraft((d) => (d ? { ...d, [kind]: { ...d[kind], [field]: value } } : d));
  }

  function insert(name: Placeholder) {
    const element = lastField === 'subject' ? subject.current : body.current;
    if (!current || !element) return;
    const text = current[lastField];
    const start = element.selectionStart ?? text.length;
    const end = element.selectionEnd ?? text.length;
    const token = `{{${name}}}`;
    change(lastField, text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function save() {
    if (!draft) return;
    setBusy(true);
    const result = await saveTemplates(draft);
    setBusy(false);
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
  }

  if (!draft || !current) {
    return error ? (
      <ProblemBanner title="The templates could not be loaded" error={error} />
    ) : (
      <EmptyState loading as="div">Loading templates…</EmptyState>
    );
  }

  return (
    <div className="template-editor">
      <nav className="kind-tabs" aria-label="Message">
        {MESSAGE_KINDS.map((k) => (
          <button key={k} type="button" className={`kind-tabs__item${k === kind ? ' kind-tabs__item--active' : ''}`} aria-pressed={k === kind} onClick={() => setKind(k)}>
            {MESSAGE_KIND_LABELS[k]}
            {invalidKinds.includes(k) ? <span className="kind-tabs__flag" aria-label="has a problem" /> : null}
          </button>
        ))}
      </nav>
      <div className="template-editor__grid">
        <div className="card template-editor__form">
          <FormField id="template-subject" label="Subject" error={problems.subject}>
            <input
              id="template-subject"
              ref={subject}
              className="field__input"
              value={current.subject}
              onFocus={() => setLastField('subject')}
              onChange={(event) => change('subject', event.target.value)}
              aria-invalid={problems.subject ? true : undefined}
            />
          </FormField>
          <FormField id="template-body" label="Message" error={problems.body}>
            <textarea
              id="template-body"
              ref={body}
              className="field__input field__textarea template-editor__body"
              value={current.body}
              rows={12}
              onFocus={() => setLastField('body')}
              onChange={(event) => change('body', event.target.value)}
              aria-invalid={problems.body ? true : undefined}
            />
          </FormField>
          <div className="placeholder-chips" aria-label="Insert a placeholder">
            <span className="placeholder-chips__label">Insert</span>
            {(Object.keys(PLACEHOLDERS) as Placeholder[]).map((name) => (
              <button key={name} type="button" className="chip" title={PLACEHOLDERS[name]} onClick={() => insert(name)}>
                {`{{${name}}}`}
              </button>
            ))}
          </div>
          <ProblemBanner title="The templates were not saved" error={error} />
          <div className="staff-form__actions">
            {saved ? <span className="form-saved">Saved</span> : null}
            <BusyButton className="button button--primary" busy={busy} onClick={() => void save()} disabled={invalidKinds.length > 0}>
              Save templates
            </BusyButton>
          </div>
        </div>
        <aside className="card message-preview" aria-label="Preview">
          <p className="message-preview__label">Preview with sample data</p>
          {preview ? (
            <>
              <p className="message-preview__subject" data-testid="preview-subject">
                {preview.subject}
              </p>
              <pre className="message-text" data-testid="preview-body">
                {preview.text}
              </pre>
            </>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
