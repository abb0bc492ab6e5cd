import { useEffect, useState } from 'preact/hooks';
import { decode, demoSignIns, type DemoSignIn, type Identity } from '../auth';
import { provider, startSignIn } from '../oidc';

export function SignInPage(props: { onSignIn: (identity: Identity) => void }) {
  const [demos, setDemos] = useState<DemoSignIn[]>([]);
  const [oidc, setOidc] = useState<Awaited<ReturnType<typeof provider>>>(null);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState(new URLSearchParams(location.search).get('error') ?? '');

  useEffect(() => {
    demoSignIns().then(setDemos);
    provider().then(setOidc);
  }, []);

  const usePasted = (event: Event) => {
    event.preventDefault();
    try {
      props.onSignIn(decode(pasted, 'pasted'));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <section class="narrow">
      <h1>Sign in</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {oidc && (
        <div class="card">
          <h2>With your account</h2>
          <button type="button" onClick={() => startSignIn(oidc)}>
            Sign in with Meridian's identity provider
          </button>
        </div>
      )}
      {demos.length > 0 && (
        <div class="card">
          <h2>Demo sign-ins</h2>
          <p class="hint">
            This stack was started with <code>scripts/run.sh --demo</code> on its local key: anyone who can open this
            page may use these.
          </p>
          <ul class="buttons">
            {demos.map((demo) => (
              <li>
                <button type="button" data-role={demo.role} onClick={() => props.onSignIn(decode(demo.token, 'demo'))}>
                  {demo.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form class="card" onSubmit={usePasted}>
        <h2>
          <label for="token">Paste an access token</label>
        </h2>
        <p class="hint" id="token-hint">
          For example the output of <code>scripts/token.sh practitioner --clinic …</code>. It stays in this tab only.
        </p>
        <textarea
          id="token"
          rows={4}
          aria-describedby="token-hint"
          value={pasted}
          onInput={(event) => setPasted((event.target as HTMLTextAreaElement).value)}
        />
        <button type="submit" disabled={!pasted.trim()}>
          Use this token
        </button>
      </form>
    </section>
  );
}
