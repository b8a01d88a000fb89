import { Brand } from '../components/BrandMark';
import { SignInForm } from '../features/session/SignInForm';

/** Shown when the clinic is set up and nobody is signed in on this workstation. */
export function SignIn({ clinicName }: { clinicName: string | null }) {
  return (
    <main className="signin">
      <section className="card signin__card" aria-labelledby="signin-title">
        <Brand size={32} />
        <div className="signin__heading">
          <h1 id="signin-title" className="signin__title">
            Sign in{clinicName ? ` to ${clinicName}` : ''}
          </h1>
          <p className="signin__text">Use your staff user name or email.</p>
        </div>
        <SignInForm />
      </section>
    </main>
  );
}
