import { useEffect, useState } from 'preact/hooks';
import type { ChartDataset } from 'chart.js';
import type { ComponentChildren } from 'preact';
import type { Identity } from '../auth';
import { ChartView, COLOURS, dayTick } from '../charts';
import { date, dateTime, instrumentName, number, problemText, words } from '../format';
import {
  getEpisode,
  getEpisodeProgress,
  getPatient,
  getPatientProgress,
  getPatientSchedule,
  getPatientTrajectory,
  getVisit12Check,
  listAdverseEvents,
  listEpisodes,
  listInstruments,
  listSessions,
  searchPatients,
  type AdverseEvent,
  type Episode,
  type Instrument,
  type MeasureProgress,
  type Patient,
  type Progress,
  type Schedule,
  type Session,
  type Trajectory,
  type Visit12Check,
} from '../sdk';

const CHARTED = ['NRS_BACK_PAIN', 'ODI', 'PEG', 'PROMIS_PI_4A'];

type Row = { patient: Patient; progress?: Progress; schedule?: Schedule };

/** A table that scrolls sideways on a phone; focusable, so keyboard users can scroll it too. */
function ScrollTable(props: { children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label="Table (scrolls sideways on small screens)">
      {props.children}
    </div>
  );
}

type MeasureRow = {
  code?: string;
  baseline?: number | null;
  latest?: number | null;
  improvement?: number | null;
  percent?: number | null;
  status: ComponentChildren;
};

/** Baseline, latest and improvement per measure: the patient's progress and the visit-12 check's evidence. */
function MeasureTable(props: { caption?: string; rows: MeasureRow[]; testId?: string }) {
  return (
    <ScrollTable>
      <table data-testid={props.testId}>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Baseline</th>
            <th scope="col">Latest</th>
            <th scope="col">Improvement</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">{instrumentName(row.code)}</th>
              <td>{number(row.baseline)}</td>
              <td>{number(row.latest)}</td>
              <td>
                {row.improvement !== undefined && number(row.improvement)}
                {row.percent !== null && row.percent !== undefined && (
                  <>{row.improvement !== undefined ? ` (${number(row.percent, 0)} %)` : `${number(row.percent, 0)} %`}</>
                )}
              </td>
              <td>{row.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Failure(props: { error: unknown }) {
  return (
    <p class="error" role="alert">
      Could not load: {problemText(props.error)}
    </p>
  );
}

/** Worse than baseline by the instrument's rule (MCID or 30 %) on any measure. */
function worsening(progress?: Progress): boolean {
  return (progress?.measures ?? []).some(
    (measure) => measure.change?.deteriorationAbsolute === true || measure.change?.deteriorationRelative === true,
  );
}

function responder(progress?: Progress): boolean {
  return (progress?.measures ?? []).some((measure) => measure.responder === true);
}

function measure(progress: Progress | undefined, code: string): MeasureProgress | undefined {
  return progress?.measures?.find((candidate) => candidate.instrumentCode === code);
}

function Flags(props: { progress?: Progress }) {
  return (
    <span class="flags">
      {responder(props.progress) && <span class="flag good">Responder</span>}
      {worsening(props.progress) && <span class="flag bad">Worsening</span>}
    </span>
  );
}

function ScoreCell(props: { measure?: MeasureProgress }) {
  const m = props.measure;
  if (!m?.latest && !m?.baseline) return <td>–</td>;
  const change = m.change?.change;
  return (
    <td>
      {number(m.latest?.score ?? m.baseline?.score)}
      {change !== undefined && change !== null && (
        <span class="hint">
          {' '}
          ({change > 0 ? '+' : ''}
          {number(change)} from {number(m.baseline?.score)})
        </span>
      )}
    </td>
  );
}

/** Every patient of the clinic with latest scores, change from baseline, flags and what is due. */
export function ClinicOverview(props: { identity: Identity }) {
  const clinicId = props.identity.clinicId!;
  const [rows, setRows] = useState<Row[]>();
  const [error, setError] = useState<unknown>();
  const [query, setQuery] = useState('');

  useEffect(() => {
    (async () => {
      const { data, error: failure } = await searchPatients({ path: { clinicId }, query: { size: 100 } });
      if (!data) return setError(failure);
      const patients = data.items ?? [];
      setRows(patients.map((patient) => ({ patient })));
      // The API has no clinic-wide summary: one progress and one schedule call per patient (docs/web.md#gaps).
      const loaded = await Promise.all(
        patients.map(async (patient) => {
          const path = { clinicId, pseudonymId: patient.pseudonymId! };
          const [progress, schedule] = await Promise.all([
            getPatientProgress({ path }).then((result) => result.data),
            getPatientSchedule({ path }).then((result) => result.data),
          ]);
          return { patient, progress, schedule };
        }),
      );
      setRows(loaded);
    })().catch(setError);
  }, [clinicId]);

  const needle = query.trim().toLowerCase();
  const shown = (rows ?? []).filter(
    (row) => !needle || `${row.patient.givenName} ${row.patient.familyName}`.toLowerCase().includes(needle),
  );

  return (
    <section>
      <h1>Clinic overview</h1>
      <div class="row">
        <label for="find">Find a patient</label>
        <input id="find" type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      </div>
      {error !== undefined && <Failure error={error} />}
      {!rows && error === undefined && <p>Loading…</p>}
      {rows && (
        <ScrollTable>
          <table data-testid="clinic-patients">
            <caption>{shown.length} patients</caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Back pain (NRS)</th>
                <th scope="col">ODI</th>
                <th scope="col">Flags</th>
                <th scope="col">Due / overdue</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => {
                const items = row.schedule?.items ?? [];
                const due = items.filter((item) => item.status === 'DUE').length;
                const overdue = items.filter((item) => item.status === 'OVERDUE').length;
                return (
                  <tr data-patient={row.patient.pseudonymId}>
                    <th scope="row">
                      <a href={`/app/clinician/patients/${row.patient.id}`}>
                        {row.patient.givenName} {row.patient.familyName}
                      </a>
                    </th>
                    <ScoreCell measure={measure(row.progress, 'NRS_BACK_PAIN')} />
                    <ScoreCell measure={measure(row.progress, 'ODI')} />
                    <td>
                      <Flags progress={row.progress} />
                    </td>
                    <td>
                      {due} due
                      {overdue > 0 && <span class="flag bad">{overdue} overdue</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function useInstruments(): Instrument[] {
  const [instruments, setInstruments] = useState<Instrument[]>([]);
  useEffect(() => {
    listInstruments({ query: { size: 100 } }).then((result) => setInstruments(result.data?.items ?? []));
  }, []);
  return instruments;
}

/** One chart per instrument: scores over time, baseline and MCID threshold, sessions, pre/post-session pairs. */
function MeasureChart(props: {
  code: string;
  trajectory?: Trajectory;
  progress?: Progress;
  instrument?: Instrument;
  sessions: Session[];
}) {
  const series = props.trajectory?.series?.find((candidate) => candidate.instrumentCode === props.code);
  const points = (series?.points ?? []).filter((point) => point.score !== null && point.score !== undefined);
  const title = series?.title ?? props.instrument?.title ?? instrumentName(props.code);
  if (points.length === 0) {
    return (
      <div class="card">
        <h3>{title}</h3>
        <p class="hint">No answers yet.</p>
      </div>
    );
  }
  const at = (value?: string | null) => (value ? Date.parse(value) : 0);
  const main = points.filter((point) => point.timepoint !== 'PRE_SESSION' && point.timepoint !== 'POST_SESSION');
  const pairs = points.filter((point) => point.timepoint === 'PRE_SESSION' || point.timepoint === 'POST_SESSION');
  const xs = [...points.map((point) => at(point.answeredAt)), ...props.sessions.map((s) => at(s.startedAt))];
  const DAY = 86_400_000;
  const [minX, maxX] = [Math.min(...xs) - DAY, Math.max(...xs) + DAY];
  const baseline = measure(props.progress, props.code)?.baseline?.score;
  const mcid = props.instrument?.change?.absoluteMcid;
  const worse = (series?.direction ?? props.instrument?.direction) !== 'HIGHER_IS_BETTER';
  const threshold = baseline !== undefined && baseline !== null && mcid ? baseline + (worse ? -mcid : mcid) : null;
  const values = points.map((point) => point.score!);
  const floor = Math.min(0, ...values, threshold ?? 0);

  const datasets: ChartDataset<'line' | 'scatter', { x: number; y: number | null }[]>[] = [
    {
      type: 'line',
      label: 'Score',
      data: main.map((point) => ({ x: at(point.answeredAt), y: point.score! })),
      borderColor: COLOURS.score,
      backgroundColor: COLOURS.score,
      pointRadius: 4,
    },
  ];
  if (pairs.length > 0) {
    // Each session's pre and post ratings joined by a line of their own; a null between pairs breaks the line.
    const bySession = new Map<string, { pre?: (typeof pairs)[0]; post?: (typeof pairs)[0] }>();
    for (const point of pairs) {
      const key = point.sessionId ?? point.assessmentId!;
      const pair = bySession.get(key) ?? {};
      if (point.timepoint === 'PRE_SESSION') pair.pre = point;
      else pair.post = point;
      bySession.set(key, pair);
    }
    const joined: { x: number; y: number | null }[] = [];
    for (const pair of bySession.values()) {
      for (const point of [pair.pre, pair.post]) if (point) joined.push({ x: at(point.answeredAt), y: point.score! });
      joined.push({ x: at((pair.post ?? pair.pre)!.answeredAt) + 1, y: null });
    }
    datasets.push({
      type: 'line',
      label: 'Pre → post session',
      data: joined,
      borderColor: COLOURS.pre,
      backgroundColor: COLOURS.post,
      pointStyle: 'rectRot',
      pointRadius: 5,
      spanGaps: false,
    });
  }
  if (baseline !== undefined && baseline !== null) {
    datasets.push({
      type: 'line',
      label: `Baseline ${number(baseline)}`,
      data: [
        { x: minX, y: baseline },
        { x: maxX, y: baseline },
      ],
      borderColor: COLOURS.baseline,
      borderDash: [6, 4],
      pointRadius: 0,
    });
  }
  if (threshold !== null) {
    datasets.push({
      type: 'line',
      label: `MCID threshold ${number(threshold)} (${worse ? '−' : '+'}${number(mcid)})`,
      data: [
        { x: minX, y: threshold },
        { x: maxX, y: threshold },
      ],
      borderColor: COLOURS.mcid,
      borderDash: [2, 3],
      pointRadius: 0,
    });
  }
  if (props.sessions.length > 0) {
    datasets.push({
      type: 'scatter',
      label: 'Sessions',
      data: props.sessions.map((session) => ({ x: at(session.startedAt), y: floor })),
      borderColor: COLOURS.session,
      backgroundColor: COLOURS.session,
      pointStyle: 'triangle',
      pointRadius: 7,
    });
  }
  return (
    <div class="card">
      <h3>{title}</h3>
      <ChartView
        testId={`chart-${props.code}`}
        label={`${title} over time: ${main.map((point) => `${date(point.answeredAt)} ${point.score}`).join(', ')}${
          baseline !== undefined && baseline !== null ? `; baseline ${baseline}` : ''
        }${threshold !== null ? `; MCID threshold ${threshold}` : ''}; ${props.sessions.length} sessions`}
        config={{
          type: 'line',
          data: { datasets: datasets as never },
          options: {
            scales: {
              x: { type: 'linear', min: minX, max: maxX, ticks: { callback: dayTick, maxTicksLimit: 6 } },
              y: { suggestedMin: floor },
            },
            plugins: { legend: { labels: { boxWidth: 14 } } },
          },
        }}
      >
        <table>
          <thead>
            <tr>
              <th>Answered</th>
              <th>Timepoint</th>
              <th>Session</th>
              <th>Score</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr>
                <td>{dateTime(point.answeredAt)}</td>
                <td>{words(point.timepoint)}</td>
                <td>{point.sessionNumber ?? ''}</td>
                <td>
                  {point.score}
                  {point.late ? ' (late)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartView>
    </div>
  );
}

function ProgressTable(props: { progress?: Progress }) {
  const measures = props.progress?.measures ?? [];
  if (measures.length === 0) return null;
  return (
    <MeasureTable
      caption="Change from baseline"
      testId="progress"
      rows={measures.map((m) => ({
        code: m.instrumentCode,
        baseline: m.baseline?.score,
        latest: m.latest?.score,
        improvement: m.change?.improvement ?? null,
        percent: m.change?.percentImprovement,
        status: (
          <>
            {m.responder === true && <span class="flag good">Responder</span>}
            {(m.change?.deteriorationAbsolute || m.change?.deteriorationRelative) && (
              <span class="flag bad">Worsening</span>
            )}
            {m.changeNote && <span class="hint">{m.changeNote}</span>}
          </>
        ),
      }))}
    />
  );
}

export function ClinicianPatient(props: { identity: Identity; patientId: string }) {
  const clinicId = props.identity.clinicId!;
  const instruments = useInstruments();
  const [patient, setPatient] = useState<Patient>();
  const [episodes, setEpisodes] = useState<Episode[]>([]);
  const [sessions, setSessions] = useState<Session[]>([]);
  const [progress, setProgress] = useState<Progress>();
  const [trajectory, setTrajectory] = useState<Trajectory>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    (async () => {
      const found = await getPatient({ path: { clinicId, patientId: props.patientId } });
      if (!found.data) return setError(found.error);
      setPatient(found.data);
      const path = { clinicId, pseudonymId: found.data.pseudonymId! };
      const [episodeList, progressResult, trajectoryResult] = await Promise.all([
        listEpisodes({ path: { clinicId, patientId: props.patientId }, query: { size: 100 } }),
        getPatientProgress({ path }),
        getPatientTrajectory({ path }),
      ]);
      setEpisodes(episodeList.data?.items ?? []);
      setProgress(progressResult.data);
      setTrajectory(trajectoryResult.data);
      const sessionLists = await Promise.all(
        (episodeList.data?.items ?? []).map((episode) =>
          listSessions({ path: { clinicId, episodeId: episode.id! }, query: { size: 100 } }),
        ),
      );
      setSessions(
        sessionLists.flatMap((result) => result.data?.items ?? []).filter((session) => session.status !== 'CANCELLED'),
      );
    })().catch(setError);
  }, [props.patientId]);

  if (error !== undefined) return <Failure error={error} />;
  if (!patient) return <p>Loading…</p>;
  const current = (code: string) => instruments.find((instrument) => instrument.code === code && instrument.current);
  return (
    <section>
      <p>
        <a href="/app/clinician">← Clinic overview</a>
      </p>
      <h1>
        {patient.givenName} {patient.familyName} <Flags progress={progress} />
      </h1>
      <p class="hint">
        Born {date(patient.dateOfBirth)} · {words(patient.sex)} · {progress?.sessionsHeld ?? 0} sessions held
        {patient.referBeforeNeedling && <span class="flag bad">Refer before needling</span>}
      </p>
      <h2>Episodes</h2>
      <ul class="plain">
        {episodes.map((episode) => (
          <li>
            <a href={`/app/clinician/patients/${patient.id}/episodes/${episode.id}`}>
              Episode from {date(episode.startDate)}
            </a>{' '}
            · {words(episode.status)} · {episode.plannedSessions} sessions planned
          </li>
        ))}
        {episodes.length === 0 && <li>No treatment episode.</li>}
      </ul>
      <ProgressTable progress={progress} />
      <h2>Over time</h2>
      <div class="charts">
        {CHARTED.map((code) => (
          <MeasureChart
            code={code}
            trajectory={trajectory}
            progress={progress}
            instrument={current(code)}
            sessions={sessions}
          />
        ))}
      </div>
    </section>
  );
}

function SessionCard(props: { session: Session; events: AdverseEvent[] }) {
  const s = props.session;
  return (
    <article class="card" data-testid="session">
      <h3>
        Session {s.sessionNumber} · {dateTime(s.startedAt)} {s.status === 'CANCELLED' && <span class="flag">cancelled</span>}
      </h3>
      <dl class="facts">
        <dt>Style</dt>
        <dd>
          {words(s.style)}
          {s.styleDetails ? ` (${s.styleDetails})` : ''}
        </dd>
        <dt>Points</dt>
        <dd>
          {(s.points ?? []).map((point) => `${point.code} ${words(point.side)} ${point.depthMm} mm`).join(', ') || '–'}
        </dd>
        <dt>Needles</dt>
        <dd>
          {s.needleCount}
          {s.needleType
            ? ` · ${s.needleType.diameterMm} × ${s.needleType.lengthMm} mm ${words(s.needleType.material)}${
                s.needleType.manufacturer ? `, ${s.needleType.manufacturer}` : ''
              }`
            : ''}
        </dd>
        <dt>De qi</dt>
        <dd>{s.deQiElicited ? 'elicited' : 'not elicited'}</dd>
        <dt>Stimulation</dt>
        <dd>
          {words(s.stimulation)}
          {s.electroFrequencyHz ? ` ${s.electroFrequencyHz} Hz` : ''}
        </dd>
        <dt>Retention</dt>
        <dd>{s.retentionMinutes} min</dd>
        <dt>Co-interventions</dt>
        <dd>{(s.coInterventions ?? []).map((c) => words(c.type) + (c.details ? ` (${c.details})` : '')).join(', ') || 'none'}</dd>
        {s.notes && (
          <>
            <dt>Notes</dt>
            <dd>{s.notes}</dd>
          </>
        )}
      </dl>
      <h4>Adverse events</h4>
      {props.events.length === 0 ? (
        <p class="hint">None recorded.</p>
      ) : (
        <ul class="plain">
          {props.events.map((event) => (
            <li>
              <span class={event.serious ? 'flag bad' : 'flag'}>{words(event.severity)}</span> {words(event.type)}
              {event.description ? `: ${event.description}` : ''}
              {event.actionTaken ? ` · action: ${event.actionTaken}` : ''} · {date(event.recordedAt)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function ClinicianEpisode(props: { identity: Identity; patientId: string; episodeId: string }) {
  const clinicId = props.identity.clinicId!;
  const [patient, setPatient] = useState<Patient>();
  const [episode, setEpisode] = useState<Episode>();
  const [sessions, setSessions] = useState<Session[]>([]);
  const [events, setEvents] = useState<Record<string, AdverseEvent[]>>({});
  const [check, setCheck] = useState<Visit12Check>();
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    (async () => {
      const found = await getPatient({ path: { clinicId, patientId: props.patientId } });
      if (!found.data) return setError(found.error);
      setPatient(found.data);
      const outcomesPath = { clinicId, pseudonymId: found.data.pseudonymId!, episodeId: props.episodeId };
      const [episodeResult, sessionResult, checkResult, progressResult] = await Promise.all([
        getEpisode({ path: { clinicId, patientId: props.patientId, episodeId: props.episodeId } }),
        listSessions({ path: { clinicId, episodeId: props.episodeId }, query: { size: 100 } }),
        getVisit12Check({ path: outcomesPath }),
        getEpisodeProgress({ path: outcomesPath }),
      ]);
      if (!episodeResult.data) return setError(episodeResult.error);
      setEpisode(episodeResult.data);
      setCheck(checkResult.data);
      setProgress(progressResult.data);
      const list = sessionResult.data?.items ?? [];
      setSessions(list);
      const lists = await Promise.all(
        list.map((session) =>
          listAdverseEvents({ path: { clinicId, episodeId: props.episodeId, sessionId: session.id! } }).then(
            (result) => [session.id!, result.data?.items ?? []] as const,
          ),
        ),
      );
      setEvents(Object.fromEntries(lists));
    })().catch(setError);
  }, [props.episodeId]);

  if (error !== undefined) return <Failure error={error} />;
  if (!episode || !patient) return <p>Loading…</p>;
  return (
    <section>
      <p>
        <a href={`/app/clinician/patients/${patient.id}`}>
          ← {patient.givenName} {patient.familyName}
        </a>
      </p>
      <h1>Episode from {date(episode.startDate)}</h1>
      <p class="hint">
        {words(episode.status)} · {episode.plannedSessions} sessions planned · {sessions.length} recorded
        {episode.goals ? ` · goals: ${episode.goals}` : ''}
      </p>
      {check && (
        <div class="card" data-testid="visit-12">
          <h2>Visit-12 improvement check</h2>
          <p>
            <strong>{words(check.decision)}</strong>
            {check.improvementDocumented === true && <span class="flag good">Improvement documented</span>}
            {check.worsening && <span class="flag bad">Worsening</span>}
          </p>
          <p>{check.reason}</p>
          <p class="hint">
            {check.initialSessionsHeld} of {check.initialSessionLimit} initial sessions held (until{' '}
            {date(check.initialPeriodEndsAt)}) · {check.sessionsThisYear} of {check.annualCap} this year ·{' '}
            {check.additionalSessionsAllowed} more allowed
          </p>
          {(check.evidence ?? []).length > 0 && (
            <MeasureTable
              rows={check.evidence!.map((evidence) => ({
                code: evidence.instrumentCode,
                baseline: evidence.baselineScore,
                latest: evidence.latestScore,
                percent: evidence.percentImprovement,
                status:
                  evidence.responder === true ? (
                    <span class="flag good">Responder</span>
                  ) : evidence.deteriorationAbsolute || evidence.deteriorationRelative ? (
                    <span class="flag bad">Worsening</span>
                  ) : evidence.responder === false ? (
                    'not a responder'
                  ) : (
                    '–'
                  ),
              }))}
            />
          )}
        </div>
      )}
      <ProgressTable progress={progress} />
      <h2>Sessions</h2>
      {sessions.map((session) => (
        <SessionCard session={session} events={events[session.id!] ?? []} />
      ))}
      {sessions.length === 0 && <p>No sessions recorded.</p>}
    </section>
  );
}
