import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { configureClient, current, expired, rolesOf, signIn, signOut, type Identity } from './auth';
import { finishSignIn } from './oidc';
import { navigate, onLinkClick, usePath } from './router';
import { SignInPage } from './pages/SignIn';
import { PatientPage } from './pages/Patient';
import { ClinicOverview, ClinicianPatient, ClinicianEpisode } from './pages/Clinician';
import { ResearcherPage } from './pages/Researcher';
import './styles.css';

configureClient();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch((failure) => {
    console.warn('The service worker could not be registered; the app will not open offline', failure);
  });
}

function App() {
  const path = usePath();
  const [identity, setIdentity] = useState<Identity | null>(current());
  const [online, setOnline] = useState(navigator.onLine);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);

  useEffect(() => {
    if (path === '/app/signed-in') {
      finishSignIn()
        .then((signedIn) => {
          signIn(signedIn);
          setIdentity(signedIn);
          navigate('/app/');
        })
        .catch((failure) => navigate(`/app/sign-in?error=${encodeURIComponent(String(failure.message ?? failure))}`));
    }
  }, [path]);

  const home = identity && path === '/app/' ? rolesOf(identity)[0] : undefined;
  useEffect(() => {
    if (home) navigate(`/app/${home}`);
  }, [home]);

  const accept = (signedIn: Identity) => {
    signIn(signedIn);
    setIdentity(signedIn);
    navigate(`/app/${rolesOf(signedIn)[0] ?? ''}`);
  };
  const leave = () => {
    signOut();
    setIdentity(null);
    navigate('/app/sign-in');
  };

  let page;
  const pages = identity ? rolesOf(identity) : [];
  if (path === '/app/signed-in') {
    page = <p role="status">Signing in…</p>;
  } else if (!identity || path === '/app/sign-in') {
    page = <SignInPage onSignIn={accept} />;
  } else if (path.startsWith('/app/patient') && pages.includes('patient')) {
    page = <PatientPage identity={identity} online={online} />;
  } else if (path.startsWith('/app/clinician') && pages.includes('clinician')) {
    const match = path.match(/^\/app\/clinician\/patients\/([^/]+)(?:\/episodes\/([^/]+))?/);
    if (match?.[2]) page = <ClinicianEpisode identity={identity} patientId={match[1]} episodeId={match[2]} />;
    else if (match) page = <ClinicianPatient identity={identity} patientId={match[1]} />;
    else page = <ClinicOverview identity={identity} />;
  } else if (path.startsWith('/app/researcher') && pages.includes('researcher')) {
    page = <ResearcherPage />;
  } else if (pages.length > 0 && path === '/app/') {
    page = null; // the effect below opens the sign-in's first page
  } else {
    page = (
      <section>
        <h1>Nothing here for this sign-in</h1>
        <p>
          {pages.length === 0
            ? 'This token has none of the roles the app serves (patient, practitioner, clinic-admin, researcher).'
            : 'This page is not one this sign-in may open.'}
        </p>
      </section>
    );
  }

  return (
    <div onClick={onLinkClick}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/app/">
          Meridian
        </a>
        {identity && (
          <nav aria-label="Pages">
            {pages.map((role) => (
              <a href={`/app/${role}`} aria-current={path.startsWith(`/app/${role}`) ? 'page' : undefined}>
                {role === 'patient' ? 'My questionnaires' : role === 'clinician' ? 'Clinic' : 'Research'}
              </a>
            ))}
            <button type="button" class="link" onClick={leave}>
              Sign out
            </button>
          </nav>
        )}
      </header>
      {!online && (
        <p class="banner offline" role="status">
          You are offline. Answers are kept on this device and sent when the connection returns.
        </p>
      )}
      {identity && expired(identity) && (
        <p class="banner" role="status">
          Your sign-in has expired: sign in again to load or send anything.
        </p>
      )}
      <main id="main">{page}</main>
    </div>
  );
}

render(<App />, document.getElementById('root')!);
