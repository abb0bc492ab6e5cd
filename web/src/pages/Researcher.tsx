import { useEffect, useState } from 'preact/hooks';
import type { ChartDataset } from 'chart.js';
import { ChartView, COLOURS } from '../charts';
import { instrumentName, number, percent, problemText, words } from '../format';
import {
  exportResearchAssessments,
  getResearchAggregates,
  type AggregateResponse,
  type CellResponse,
  type GetResearchAggregatesData,
} from '../sdk';

type Query = GetResearchAggregatesData['query'];
type Dimension = NonNullable<Query['groupBy']>[number];

const INSTRUMENTS: Query['instrument'][] = ['NRS_BACK_PAIN', 'ODI', 'PEG', 'PROMIS_PI_4A', 'RMDQ', 'NRS_LEG_PAIN', 'VAS_PAIN', 'NIH_ISS'];
const DIMENSIONS: Dimension[] = ['SEX', 'AGE_BAND', 'CHRONICITY', 'PAIN_SITES', 'CLINIC'];

function cellLabel(cell: CellResponse): string {
  const group = Object.values(cell.group ?? {}).map(words).join(' · ');
  const band = cell.sessions ? `${cell.sessions} sessions` : '';
  return [group, band].filter(Boolean).join(' · ') || 'All patients';
}

/** Half a power of ten below the range: 0.5 for a range of 1 to 10, 5 for 10 to 100. */
function niceStep(range: number): number {
  return 10 ** Math.floor(Math.log10(range)) / 2;
}

/**
 * Mean change with its 95 % CI, or a rate with its Wilson interval, per cell. A suppressed cell has no value: it gets
 * a grey band over the whole axis and "suppressed" in its label, never a bar at zero.
 */
function CellChart(props: {
  title: string;
  cells: CellResponse[];
  value: (cell: CellResponse) => { value?: number | null; low?: number | null; high?: number | null } | undefined;
  axis: string;
  testId: string;
  min?: number;
  max?: number;
  format: (value: number | null | undefined) => string;
}) {
  const labels = props.cells.map((cell) => (cell.suppressed ? `${cellLabel(cell)} (suppressed)` : cellLabel(cell)));
  const shown = props.cells.map((cell) => (cell.suppressed ? undefined : props.value(cell)));
  const numbers = shown.flatMap((entry) => [entry?.low, entry?.high, entry?.value]).filter((v): v is number => v != null);
  // The axis ends on round numbers at or beyond the widest interval (-2.27 -> -2.5), not on the interval itself.
  const step = niceStep(Math.max(1, ...numbers) - Math.min(0, ...numbers));
  const low = props.min ?? Math.floor(Math.min(0, ...numbers) / step) * step;
  const high = props.max ?? Math.ceil(Math.max(1, ...numbers) / step) * step;
  const datasets: ChartDataset<'bar' | 'scatter', unknown[]>[] = [
    {
      type: 'bar',
      label: '95 % interval',
      data: shown.map((entry) => (entry?.low != null && entry?.high != null ? [entry.low, entry.high] : null)),
      backgroundColor: COLOURS.ci,
      borderColor: COLOURS.score,
      borderWidth: 1,
      barPercentage: 0.3,
      grouped: false,
    },
    {
      type: 'scatter',
      label: 'Estimate',
      // A point for every cell, y null where there is no estimate: Chart.js reads a scatter dataset as objects only
      // when its first point is one, and then fails on a null point further on (a suppressed cell after a shown one).
      data: shown.map((entry, index) => ({ x: labels[index], y: entry?.value ?? null })),
      backgroundColor: COLOURS.score,
      borderColor: COLOURS.score,
      pointRadius: 6,
      pointStyle: 'rectRot',
    },
    {
      type: 'bar',
      label: 'Suppressed (too few patients, or protecting another cell)',
      data: props.cells.map((cell) => (cell.suppressed ? [low, high] : null)),
      backgroundColor: COLOURS.suppressed,
      borderWidth: 0,
      barPercentage: 0.9,
      grouped: false,
    },
  ];
  const suppressed = props.cells.filter((cell) => cell.suppressed).length;
  return (
    <div class="card">
      <h3>{props.title}</h3>
      <ChartView
        testId={props.testId}
        height={2}
        label={`${props.title}: ${props.cells
          .map((cell, index) =>
            cell.suppressed
              ? `${cellLabel(cell)} suppressed`
              : `${cellLabel(cell)} ${props.format(shown[index]?.value)} (${props.format(shown[index]?.low)} to ${props.format(shown[index]?.high)})`,
          )
          .join('; ')}`}
        config={{
          type: 'bar',
          data: { labels, datasets: datasets as never },
          options: {
            indexAxis: 'x',
            scales: {
              x: { type: 'category', ticks: { autoSkip: false, maxRotation: 60 } },
              y: { min: low, max: high, title: { display: true, text: props.axis } },
            },
            plugins: { legend: { labels: { boxWidth: 14 } } },
          },
        }}
      >
        <CellTable cells={props.cells} value={props.value} format={props.format} />
      </ChartView>
      {suppressed > 0 && (
        <p class="hint" data-testid="suppressed-note">
          {suppressed} of {props.cells.length} cells suppressed: shown as grey bands, not as zero.
        </p>
      )}
    </div>
  );
}

function CellTable(props: {
  cells: CellResponse[];
  value: (cell: CellResponse) => { value?: number | null; low?: number | null; high?: number | null } | undefined;
  format: (value: number | null | undefined) => string;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Patient-episodes</th>
          <th scope="col">Estimate</th>
          <th scope="col">95 % interval</th>
        </tr>
      </thead>
      <tbody>
        {props.cells.map((cell) => {
          const entry = props.value(cell);
          return (
            <tr data-suppressed={cell.suppressed ? 'true' : 'false'}>
              <th scope="row">{cellLabel(cell)}</th>
              {cell.suppressed ? (
                <td colSpan={3}>
                  <strong>Suppressed</strong>
                </td>
              ) : (
                <>
                  <td>{cell.patientEpisodes}</td>
                  <td>{props.format(entry?.value)}</td>
                  <td>
                    {props.format(entry?.low)} to {props.format(entry?.high)}
                  </td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ExportPanel() {
  const [project, setProject] = useState('demo');
  const [status, setStatus] = useState('');
  const [link, setLink] = useState<{ url: string; name: string }>();
  const start = async (event: Event) => {
    event.preventDefault();
    setStatus('Export running…');
    setLink(undefined);
    const { data, error, response } = await exportResearchAssessments({
      query: { project, format: 'csv' },
      parseAs: 'blob',
    });
    if (!data) {
      setStatus(
        response?.status === 403
          ? 'This sign-in may not export: it needs the research-export role (granted per data-use agreement).'
          : `The export failed: ${problemText(error)}`,
      );
      return;
    }
    const blob = data as unknown as Blob;
    const name = `meridian-${project}-assessments.csv`;
    setLink({ url: URL.createObjectURL(blob), name });
    setStatus(`Export ready: ${Math.max(0, (await blob.text()).split('\n').filter(Boolean).length - 1)} rows.`);
  };
  return (
    <form class="card" onSubmit={start}>
      <h2>Row-level export</h2>
      <p class="hint">Pseudonymised, k-anonymous rows of every consenting patient's assessments (docs/research.md).</p>
      <div class="row">
        <label for="project">Project</label>
        <input id="project" value={project} maxLength={64} onInput={(e) => setProject((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={!project.trim()}>
          Start export
        </button>
      </div>
      <p role="status" data-testid="export-status">
        {status}
      </p>
      {link && (
        <a href={link.url} download={link.name}>
          Download {link.name}
        </a>
      )}
    </form>
  );
}

export function ResearcherPage() {
  const [instrument, setInstrument] = useState<Query['instrument']>('NRS_BACK_PAIN');
  const [groupBy, setGroupBy] = useState<Dimension | ''>('SEX');
  const [followUpWeeks, setFollowUpWeeks] = useState('');
  const [result, setResult] = useState<AggregateResponse>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    setResult(undefined);
    setError(undefined);
    getResearchAggregates({
      query: {
        instrument,
        groupBy: groupBy ? [groupBy] : undefined,
        followUpWeeks: followUpWeeks ? Number(followUpWeeks) : undefined,
      },
    }).then(({ data, error: failure }) => (data ? setResult(data) : setError(failure ?? 'no answer')));
  }, [instrument, groupBy, followUpWeeks]);

  const cells = result ? [...(result.groups ?? []), ...(result.total ? [result.total] : [])] : [];
  const bands = result?.total?.doseResponse ?? [];
  const change = (cell: CellResponse) => ({
    value: cell.change?.mean,
    low: cell.change?.ciLower,
    high: cell.change?.ciUpper,
  });
  const responders = (cell: CellResponse) => ({
    value: cell.responderMcid?.rate,
    low: cell.responderMcid?.ciLower,
    high: cell.responderMcid?.ciUpper,
  });

  return (
    <section>
      <h1>Cohort outcomes</h1>
      <form class="card filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Instrument
          <select value={instrument} onChange={(e) => setInstrument((e.target as HTMLSelectElement).value as never)}>
            {INSTRUMENTS.map((code) => (
              <option value={code}>{instrumentName(code)}</option>
            ))}
          </select>
        </label>
        <label>
          Group by
          <select value={groupBy} onChange={(e) => setGroupBy((e.target as HTMLSelectElement).value as never)}>
            <option value="">No grouping</option>
            {DIMENSIONS.map((dimension) => (
              <option value={dimension}>{words(dimension)}</option>
            ))}
          </select>
        </label>
        <label>
          Follow-up
          <select value={followUpWeeks} onChange={(e) => setFollowUpWeeks((e.target as HTMLSelectElement).value)}>
            <option value="">Latest answer</option>
            <option value="4">4 weeks</option>
            <option value="12">12 weeks</option>
            <option value="26">26 weeks</option>
          </select>
        </label>
      </form>
      {error !== undefined && (
        <p class="error" role="alert">
          Could not load the aggregates: {problemText(error)}
        </p>
      )}
      {!result && error === undefined && <p>Loading…</p>}
      {result && (
        <>
          <p class="hint">
            {instrumentName(result.instrument)} {result.instrumentVersion} · cells under {result.minCellSize} patients,
            and any that could narrow one down, are suppressed.
          </p>
          <div class="charts">
            <CellChart
              title="Mean change from baseline"
              testId="chart-change"
              axis="change (95 % CI)"
              cells={cells}
              value={change}
              format={(value) => number(value, 2)}
            />
            <CellChart
              title="Responders (MCID)"
              testId="chart-responders"
              axis="rate (Wilson 95 % CI)"
              cells={cells}
              value={responders}
              min={0}
              max={1}
              format={percent}
            />
            <CellChart
              title="Mean change by sessions received (dose bands)"
              testId="chart-dose"
              axis="change (95 % CI)"
              cells={bands}
              value={change}
              format={(value) => number(value, 2)}
            />
          </div>
        </>
      )}
      <ExportPanel />
    </section>
  );
}
