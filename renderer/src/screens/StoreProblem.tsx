import type { AppError } from '../../../shared/ipc/result';
import type { AppStatus, StoreHealth } from '../../../shared/ipc/types';
import { BrandMark } from '../components/BrandMark';
import { Spinner } from '../components/Spinner';
import { useAppStore } from '../stores/app-store';
import { currentDisplayLocale } from '../stores/display-format';

const STORE_ROLE: Record<StoreHealth['name'], string> = {
  sql: 'Appointments, patients and staff',
  documents: 'Prescriptions, messages, feedback and the audit trail',
};

function StoreRow({ store }: { store: StoreHealth }) {
  return (
    <li className={`store-row${store.ok ? ' store-row--ok' : ' store-row--failed'}`}>
      <span className="store-row__icon" aria-hidden="true">
        {store.ok ? '✓' : '!'}
      </span>
      <div className="store-row__text">
        <p className="store-row__title">
          {store.description}
          <span className="store-row__state">{store.ok ? 'Connected' : 'Not available'}</span>
        </p>
        <p className="store-row__role">{STORE_ROLE[store.name]}</p>
        {store.problem ? <p className="store-row__problem">{store.problem}</p> : null}
      </div>
    </li>
  );
}

function adviceFor(status: AppStatus | null): string {
  if (status?.fatal?.code === 'SCHEMA_TOO_NEW') {
    return 'Another workstation has already upgraded the clinic database. Install the same Clinic Desk version on this computer.';
  }
  if (status?.fatal) return 'Give this message to your IT contact; nothing has been changed.';
  if (status?.mode === 'networked') {
    return 'Check that this computer is on the clinic network and that the clinic server is running, then press Retry. If it keeps failing, give this screen to your IT contact.';
  }
  return 'Close other copies of Clinic Desk on this computer, then press Retry. If it keeps failing, give this screen to your IT contact.';
}

/** On the clinic's clock (12- or 24-hour) as last reported, not the workstation's. */
function timeOfDay(date: Date): string {
  const display = currentDisplayLocale();
  return date.toLocaleTimeString(display.locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: display.hourCycle });
}

/** Why the app cannot open the clinic's data, and a way to try again; never a blank window. */
export function StoreProblem({ status, statusError }: { status: AppStatus | null; statusError: AppError | null }) {
  const retry = useAppStore((state) => state.retry);
  const retrying = useAppStore((state) => state.retrying);
  const lastRetryAt = useAppStore((state) => state.lastRetryAt);
  const modeLabel = status?.mode === 'networked' ? 'Clinic server' : 'Local store';

  return (
    <main className="problem">
      <section className="card problem__card" aria-labelledby="problem-title">
        <header className="problem__header">
          <span className="problem__badge" aria-hidden="true">
            !
          </span>
          <div>
            <h1 id="problem-title" className="problem__title">
              Clinic Desk can&rsquo;t open the clinic&rsquo;s data
            </h1>
            <p className="problem__lead">
              {statusError
                ? statusError.message
                : status?.fatal
                  ? status.fatal.message
                  : 'The appointments and records are kept safe on the store below; this workstation just cannot reach it right now.'}
            </p>
          </div>
        </header>

        {status && status.stores.length > 0 ? (
          <ul className="problem__stores" aria-label="Data stores">
            {status.stores.map((store) => (
              <StoreRow key={store.name} store={store} />
            ))}
          </ul>
        ) : null}

        <p className="problem__advice">{adviceFor(status)}</p>

        <footer className="problem__footer">
          <p className="problem__meta" role="status">
            {retrying
              ? 'Trying again…'
              : lastRetryAt
                ? `Still not available (tried at ${timeOfDay(lastRetryAt)}).`
                : null}
          </p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void retry()}
            disabled={retrying}
            autoFocus
          >
            {retrying ? (
              <>
                <Spinner /> Retrying…
              </>
            ) : (
              'Retry'
            )}
          </button>
        </footer>
      </section>
      <p className="problem__version">
        <BrandMark size={16} /> Clinic Desk {status?.appVersion ?? ''} · {modeLabel}
      </p>
    </main>
  );
}
