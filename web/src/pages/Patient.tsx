import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Identity } from '../auth';
import { ChartView, COLOURS, dayTick } from '../charts';
import { date, dateTime, instrumentName, newKey, words } from '../format';
import { discard, enqueue, flush, queued, recall, remember, type Queued } from '../outbox';
import {
  getPatientSchedule,
  getPatientTrajectory,
  listInstruments,
  type Instrument,
  type Schedule,
  type ScheduleItem,
  type Trajectory,
} from '../sdk';
import { validateAnswers, type AnswerError } from '../validate';

type Task = { instrument: Instrument; item?: ScheduleItem; episodeId?: string | null };

/** Reads from the API and keeps the answer for offline use; offline, the kept answer. */
async function fresh<T>(id: string, load: () => Promise<{ data?: T; error?: unknown }>): Promise<T | undefined> {
  try {
    const { data, error } = await load();
    if (data !== undefined) {
      await remember(id, data);
      return data;
    }
    if (navigator.onLine) console.warn(id, error);
  } catch {
    // no connection: fall back to what was kept
  }
  return recall<T>(id);
}

export function PatientPage(props: { identity: Identity; online: boolean }) {
  const clinicId = props.identity.clinicId!;
  const pseudonymId = props.identity.pseudonymId!;
  const path = { clinicId, pseudonymId };
  const [schedule, setSchedule] = useState<Schedule>();
  const [instruments, setInstruments] = useState<Instrument[]>([]);
  const [trajectory, setTrajectory] = useState<Trajectory>();
  const [waiting, setWaiting] = useState<Queued[]>([]);
  const [task, setTask] = useState<Task>();
  const [notice, setNotice] = useState('');
  const [loaded, setLoaded] = useState(false);

  const refreshQueue = useCallback(async () => setWaiting(await queued(pseudonymId)), [pseudonymId]);

  const load = useCallback(async () => {
    const [s, i, t] = await Promise.all([
      fresh(`schedule:${pseudonymId}`, () => getPatientSchedule({ path })),
      fresh(`instruments`, () => listInstruments({ query: { size: 100 } })),
      fresh(`trajectory:${pseudonymId}`, () => getPatientTrajectory({ path })),
    ]);
    setSchedule(s);
    setInstruments(i?.items ?? []);
    setTrajectory(t);
    setLoaded(true);
  }, [pseudonymId]);

  const send = useCallback(async () => {
    const stored = await flush(pseudonymId);
    await refreshQueue();
    if (stored > 0) {
      setNotice(stored === 1 ? 'Your answers were sent.' : `${stored} questionnaires were sent.`);
      await load();
    }
  }, [pseudonymId]);

  useEffect(() => {
    load();
    refreshQueue().then(send);
    const retry = setInterval(send, 20_000);
    addEventListener('online', send);
    return () => {
      clearInterval(retry);
      removeEventListener('online', send);
    };
  }, [pseudonymId]);

  const instrument = (code?: string) => instruments.find((candidate) => candidate.code === code && candidate.current);
  const due = (schedule?.items ?? []).filter((item) => item.status === 'DUE' || item.status === 'OVERDUE');
  const upcoming = (schedule?.items ?? []).filter((item) => item.status === 'UPCOMING').slice(0, 3);

  const submitted = async (entry: Omit<Queued, 'state' | 'attempts' | 'queuedAt'>) => {
    await enqueue(entry);
    setTask(undefined);
    await refreshQueue();
    if (navigator.onLine) {
      await send();
    } else {
      setNotice('Saved on this device. It will be sent when you are back online.');
    }
  };

  if (task) {
    return (
      <Questionnaire
        task={task}
        onCancel={() => setTask(undefined)}
        onSubmit={(answers) =>
          submitted({
            key: newKey(),
            clinicId,
            pseudonymId,
            title: task.instrument.title ?? task.instrument.code ?? '',
            body: {
              instrumentCode: task.instrument.code!,
              instrumentVersion: task.instrument.version,
              timepoint: (task.item?.timepoint as never) ?? 'AD_HOC',
              sessionId: task.item?.sessionId ?? undefined,
              followUpWeeks: task.item?.followUpWeeks ?? undefined,
              episodeId: task.episodeId ?? undefined,
              answeredAt: new Date().toISOString(),
              answers,
            },
          })
        }
      />
    );
  }

  return (
    <section>
      <h1>My questionnaires</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {waiting.length > 0 && (
        <div class="card" data-testid="outbox">
          <h2>Waiting to be sent ({waiting.length})</h2>
          <ul class="plain">
            {waiting.map((entry) => (
              <li data-state={entry.state}>
                <strong>{entry.title}</strong> · answered {dateTime(entry.body.answeredAt)} ·{' '}
                {entry.state === 'rejected' ? (
                  <span class="flag bad">
                    Not accepted: {entry.lastError}
                    {entry.errors?.map((error) => ` ${error.field} (${error.code})`).join(',')}{' '}
                    <button type="button" class="link" onClick={() => discard(entry.key).then(refreshQueue)}>
                      Remove
                    </button>
                  </span>
                ) : (
                  <span>{props.online ? 'sending…' : 'will be sent when you are online'}</span>
                )}
              </li>
            ))}
          </ul>
          {props.online && (
            <button type="button" onClick={send}>
              Send now
            </button>
          )}
        </div>
      )}
      <div class="card">
        <h2>Due now</h2>
        {!loaded && <p>Loading…</p>}
        {loaded && !schedule && <p>Your schedule could not be loaded, and none is kept on this device yet.</p>}
        {loaded && schedule && due.length === 0 && <p>Nothing is due. Thank you!</p>}
        <ul class="tasks">
          {due.map((item) => {
            const definition = instrument(item.instrumentCode);
            return (
              <li>
                <div>
                  <strong>{definition?.title ?? instrumentName(item.instrumentCode)}</strong>
                  <span class="hint">
                    {' '}
                    {words(item.timepoint)}
                    {item.sessionNumber ? `, session ${item.sessionNumber}` : ''}
                    {item.followUpWeeks ? `, ${item.followUpWeeks} weeks` : ''} · due by {dateTime(item.dueBy)}
                  </span>{' '}
                  {item.status === 'OVERDUE' && <span class="flag bad">overdue</span>}
                </div>
                <button
                  type="button"
                  disabled={!definition}
                  onClick={() => definition && setTask({ instrument: definition, item, episodeId: schedule?.episodeId })}
                >
                  Start
                </button>
              </li>
            );
          })}
        </ul>
        {upcoming.length > 0 && (
          <p class="hint">
            Next:{' '}
            {upcoming.map((item) => `${instrumentName(item.instrumentCode)} from ${date(item.opensAt)}`).join('; ')}
          </p>
        )}
      </div>
      <AdHoc
        instruments={instruments.filter((candidate) => candidate.current)}
        onStart={(chosen) => setTask({ instrument: chosen, episodeId: schedule?.episodeId })}
      />
      <MyProgress trajectory={trajectory} />
    </section>
  );
}

function AdHoc(props: { instruments: Instrument[]; onStart: (instrument: Instrument) => void }) {
  const [code, setCode] = useState('');
  if (props.instruments.length === 0) return null;
  const chosen = props.instruments.find((instrument) => instrument.code === code);
  return (
    <form
      class="card"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) props.onStart(chosen);
      }}
    >
      <h2>
        <label for="adhoc">Tell us how you are now</label>
      </h2>
      <div class="row">
        <select id="adhoc" value={code} onChange={(event) => setCode((event.target as HTMLSelectElement).value)}>
          <option value="">Choose a questionnaire</option>
          {props.instruments.map((instrument) => (
            <option value={instrument.code}>{instrument.title}</option>
          ))}
        </select>
        <button type="submit" disabled={!chosen}>
          Start
        </button>
      </div>
    </form>
  );
}

function MyProgress(props: { trajectory?: Trajectory }) {
  const series = props.trajectory?.series?.find((candidate) => candidate.instrumentCode === 'NRS_BACK_PAIN');
  const points = (series?.points ?? []).filter((point) => point.score !== null && point.timepoint !== 'POST_SESSION');
  if (points.length === 0) return null;
  return (
    <div class="card">
      <h2>My progress</h2>
      <ChartView
        testId="my-progress"
        label={`Back pain from 0 to 10 over time: ${points.map((point) => point.score).join(', ')}`}
        config={{
          type: 'line',
          data: {
            datasets: [
              {
                label: 'Back pain (0 none, 10 worst)',
                data: points.map((point) => ({ x: Date.parse(point.answeredAt!), y: point.score! })),
                borderColor: COLOURS.score,
                backgroundColor: COLOURS.score,
              },
            ],
          },
          options: {
            scales: {
              x: { type: 'linear', ticks: { callback: dayTick, maxTicksLimit: 6 } },
              y: { min: 0, max: 10, title: { display: true, text: 'pain' } },
            },
          },
        }}
      >
        <table>
          <thead>
            <tr>
              <th>Date</th>
              <th>Back pain</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr>
                <td>{date(point.answeredAt)}</td>
                <td>{point.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartView>
    </div>
  );
}

/** One question at a time, in the instrument's own words and answer options; checked before it is queued. */
function Questionnaire(props: {
  task: Task;
  onCancel: () => void;
  onSubmit: (answers: Record<string, number | null>) => void;
}) {
  const instrument = props.task.instrument;
  const items = instrument.items ?? [];
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Record<string, number | null>>({});
  const [errors, setErrors] = useState<AnswerError[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const reviewing = step >= items.length;
  const item = items[step];

  useEffect(() => heading.current?.focus(), [step]);

  const finish = () => {
    const complete = Object.fromEntries(items.map((candidate) => [candidate.code!, answers[candidate.code!] ?? null]));
    const problems = validateAnswers(instrument, complete);
    setErrors(problems);
    if (problems.length === 0) props.onSubmit(complete);
  };
  const errorOf = (code?: string) => errors.find((error) => error.field === `answers.${code}`);

  return (
    <section class="narrow questionnaire" aria-labelledby="q-title">
      <h1 id="q-title">{instrument.title}</h1>
      <p class="hint">
        {props.task.item ? words(props.task.item.timepoint) : 'Now'} · {instrumentName(instrument.code)} · version{' '}
        {instrument.version}
      </p>
      {!reviewing && item && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setStep(step + 1);
          }}
        >
          <p class="progress-text" ref={heading} tabIndex={-1}>
            Question {step + 1} of {items.length}
          </p>
          <fieldset aria-describedby={errorOf(item.code) ? `error-${item.code}` : undefined}>
            <legend>{item.text}</legend>
            {errorOf(item.code) && (
              <p class="error" id={`error-${item.code}`} data-code={errorOf(item.code)!.code}>
                This question {errorOf(item.code)!.message}.
              </p>
            )}
            {(item.options ?? []).map((option) => (
              <label class="option">
                <input
                  type="radio"
                  name={item.code}
                  value={option.value}
                  checked={answers[item.code!] === option.value}
                  onChange={() => setAnswers({ ...answers, [item.code!]: option.value ?? null })}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </fieldset>
          <div class="row">
            <button type="button" class="secondary" onClick={() => (step === 0 ? props.onCancel() : setStep(step - 1))}>
              {step === 0 ? 'Cancel' : 'Back'}
            </button>
            <button type="submit">{answers[item.code!] === undefined ? 'Skip' : 'Next'}</button>
          </div>
        </form>
      )}
      {reviewing && (
        <div>
          <h2 ref={heading} tabIndex={-1}>
            Check your answers
          </h2>
          {errors.length > 0 && (
            <div class="error" role="alert" data-testid="answer-errors">
              <p>Some answers are needed before this can be sent:</p>
              <ul>
                {errors.map((error) => {
                  const index = items.findIndex((candidate) => `answers.${candidate.code}` === error.field);
                  return (
                    <li data-code={error.code}>
                      <button type="button" class="link" onClick={() => setStep(Math.max(index, 0))}>
                        Question {index + 1}: {items[index]?.text ?? error.field}
                      </button>{' '}
                      {error.message} ({error.code})
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          <ol class="review">
            {items.map((candidate, index) => (
              <li>
                <button type="button" class="link" onClick={() => setStep(index)}>
                  {candidate.text}
                </button>
                :{' '}
                {candidate.options?.find((option) => option.value === answers[candidate.code!])?.label ?? (
                  <em>not answered</em>
                )}
              </li>
            ))}
          </ol>
          {instrument.licenceNotice && <p class="hint">{instrument.licenceNotice}</p>}
          <div class="row">
            <button type="button" class="secondary" onClick={() => setStep(items.length - 1)}>
              Back
            </button>
            <button type="button" onClick={finish}>
              Send my answers
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

