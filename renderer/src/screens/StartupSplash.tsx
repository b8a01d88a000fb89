import { BrandMark } from '../components/BrandMark';
import { Spinner } from '../components/Spinner';

/** Shown while main opens the stores; fades in late so a quick start never flashes it. */
export function StartupSplash() {
  return (
    <main className="splash" aria-busy="true">
      <div className="splash__content">
        <BrandMark size={48} />
        <p className="splash__name">Clinic Desk</p>
        <p className="splash__status" role="status">
          <Spinner /> Opening the clinic&rsquo;s data…
        </p>
      </div>
    </main>
  );
}
