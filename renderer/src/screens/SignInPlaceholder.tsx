import { BrandMark } from '../components/BrandMark';

/**
 * Stand-in for the sign-in screen, which arrives with staff accounts. Kept alone in this file
 * so the real sign-in replaces it without touching anything else.
 */
export function SignInPlaceholder({ clinicName }: { clinicName: string | null }) {
  return (
    <main className="signin">
      <section className="card signin__card" aria-labelledby="signin-title">
        <div className="brand">
          <BrandMark size={32} />
          <span className="brand__name">Clinic Desk</span>
        </div>
        <h1 id="signin-title" className="signin__title">
          Sign in{clinicName ? ` to ${clinicName}` : ''}
        </h1>
        <p className="signin__text">
          This clinic is set up. Signing in on this workstation arrives with staff accounts in the next update of Clinic
          Desk.
        </p>
      </section>
    </main>
  );
}
