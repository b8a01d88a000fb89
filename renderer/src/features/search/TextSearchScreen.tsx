import { useState, type FormEvent } from 'react';
import type { TextSearchMethod } from '../../../../shared/ipc/search/types';
import { ProblemBanner } from '../../components/ProblemBanner';
import { BusyButton } from '../../components/BusyButton';
import { useTextSearchStore } from '../../stores/text-search-store';
import { formatMoment } from '../../stores/display-format';
import { AdminPage } from '../../components/AdminPage';
import { DataTable } from '../../components/DataTable';

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
          <BusyButton type="submit" className="button button--primary" busy={searching} disabled={query.trim().length < 2}>
            Search
          </BusyButton>
        </div>
        {method ? <p className="text-search__method">{METHOD_NOTE[method]}</p> : null}
      </form>
      <ProblemBanner title="The search did not run" error={error} />

      {kind === 'notes' && notes ? (
        <DataTable
          label="Prescriptions found"
          columns={['Date', 'Patient', 'Found']}
          empty={notes.hits.length === 0 ? 'Nothing found among your patients’ prescriptions.' : null}
        >
          {notes.hits.map((hit) => (
            <tr key={hit.prescriptionId}>
              <td className="data-table__nowrap">{formatMoment(hit.prescriptionDate, zone)}</td>
              <td>{hit.patientName}</td>
              <td>{hit.excerpt}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}

      {kind === 'feedbackAndMessages' && feedbackAndMessages ? (
        <>
          <DataTable
            label="Feedback found"
            columns={['Date', 'From', 'Found', 'Status']}
            empty={feedbackAndMessages.feedback.length === 0 ? 'No feedback found.' : null}
          >
            {feedbackAndMessages.feedback.map((hit) => (
              <tr key={hit.feedbackId}>
                <td className="data-table__nowrap">{formatMoment(hit.feedbackDate, zone)}</td>
                <td>{hit.anonymous ? 'Anonymous' : `Patient no. ${hit.patientId}`}</td>
                <td>{hit.excerpt}</td>
                <td>{hit.moderationStatus}</td>
              </tr>
            ))}
          </DataTable>
          <DataTable
            label="Messages found"
            columns={['Sent', 'To', 'Found']}
            empty={feedbackAndMessages.messages.length === 0 ? 'No messages found.' : null}
          >
            {feedbackAndMessages.messages.map((hit) => (
              <tr key={hit.messageId}>
                <td className="data-table__nowrap">{hit.sentAt ? formatMoment(hit.sentAt, zone) : 'Not sent'}</td>
                <td>Patient no. {hit.patientId}</td>
                <td>{hit.excerpt}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </AdminPage>
  );
}
