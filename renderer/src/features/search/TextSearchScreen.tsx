import { useState, type FormEvent } from 'react';
import type { TextSearchMethod } from '../../../../shared/ipc/search/types';
import { ProblemBanner } from '../../components/ProblemBanner';
import { Spinner } from '../../components/Spinner';
import { useTextSearchStore } from '../../stores/text-search-store';
import { formatMoment } from '../../stores/display-format';
import { AdminPage } from '../../components/AdminPage';
import { TableHead } from '../../components/TableHead';

const METHOD_NOTE: Record<TextSearchMethod, string> = {
  'sqlite-fts5': 'Words are matched at their start, best matches first.',
  'mongodb-text': 'Words are matched by their stem, best matches first.',
  'keyword-regex': 'This clinic server has no text index: words are matched anywhere in the text, newest first.',
};

/** Doctors: their own patients' prescriptions. Admins: feedback and messages. Every search is on the audit trail. */
export function TextSearchScreen({ kind, zone }: { kind: 'notes' | 'feedbackAndMessages'; zone: string }) {
  const { notes, feedbackAndMessages, searching, error, searchNotes, searchFeedbackAndMessages } = useTextSearchStore();
  const [query, setQuery] = useState('');
  const method = kind === 'notes' ? notes?.method : feedbackAndMessages?.method;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (query.trim().length < 2) return;
    void (kind === 'notes' ? searchNotes(query) : searchFeedbackAndMessages(query));
  }

  return (
    <AdminPage
      titleId="text-search-title"
      title={kind === 'notes' ? 'Search notes' : 'Search feedback and messages'}
      lead={
        <>
          {kind === 'notes'
            ? 'Diagnoses, clinical notes and medications in the prescriptions of your own patients.'
            : 'Patient reviews and suggestions, and the subjects and texts of messages sent. Anonymous feedback is shown without its author.'}{' '}
          Searches are recorded in the audit trail.
        </>
      }
    >
      <form className="card text-search__form" role="search" onSubmit={submit}>
        <label className="field__label" htmlFor="text-search-query">
          Words to find
        </label>
        <div className="text-search__row">
          <input
            id="text-search-query"
            className="field__input"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            maxLength={200}
          />
          <button type="submit" className="button button--primary" disabled={searching || query.trim().length < 2}>
            {searching ? <Spinner /> : null}
            Search
          </button>
        </div>
        {method ? <p className="text-search__method">{METHOD_NOTE[method]}</p> : null}
      </form>
      {error ? <ProblemBanner title="The search did not run" error={error} /> : null}

      {kind === 'notes' && notes ? (
        <div className="card table-card">
          <table className="data-table" aria-label="Prescriptions found">
            <TableHead columns={['Date', 'Patient', 'Found']} />
            <tbody>
              {notes.hits.length === 0 ? (
                <tr>
                  <td colSpan={3} className="data-table__muted">
                    Nothing found among your patients’ prescriptions.
                  </td>
                </tr>
              ) : (
                notes.hits.map((hit) => (
                  <tr key={hit.prescriptionId}>
                    <td className="data-table__nowrap">{formatMoment(hit.prescriptionDate, zone)}</td>
                    <td>{hit.patientName}</td>
                    <td>{hit.excerpt}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ) : null}

      {kind === 'feedbackAndMessages' && feedbackAndMessages ? (
        <>
          <div className="card table-card">
            <table className="data-table" aria-label="Feedback found">
              <TableHead columns={['Date', 'From', 'Found', 'Status']} />
              <tbody>
                {feedbackAndMessages.feedback.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="data-table__muted">
                      No feedback found.
                    </td>
                  </tr>
                ) : (
                  feedbackAndMessages.feedback.map((hit) => (
                    <tr key={hit.feedbackId}>
                      <td className="data-table__nowrap">{formatMoment(hit.feedbackDate, zone)}</td>
                      <td>{hit.anonymous ? 'Anonymous' : `Patient no. ${hit.patientId}`}</td>
                      <td>{hit.excerpt}</td>
                      <td>{hit.moderationStatus}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          <div className="card table-card">
            <table className="data-table" aria-label="Messages found">
              <TableHead columns={['Sent', 'To', 'Found']} />
              <tbody>
                {feedbackAndMessages.messages.length === 0 ? (
                  <tr>
                    <td colSpan={3} className="data-table__muted">
                      No messages found.
                    </td>
                  </tr>
                ) : (
                  feedbackAndMessages.messages.map((hit) => (
                    <tr key={hit.messageId}>
                      <td className="data-table__nowrap">{hit.sentAt ? formatMoment(hit.sentAt, zone) : 'Not sent'}</td>
                      <td>Patient no. {hit.patientId}</td>
                      <td>{hit.excerpt}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </AdminPage>
  );
}
