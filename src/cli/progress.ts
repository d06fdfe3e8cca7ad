import cliProgress from 'cli-progress';
import type { BuildProgress, BuildSummary } from '../index/build.js';

const LABELS: Record<BuildProgress['phase'], string> = {
  parse: 'Parsing transcripts',
  passages: 'Embedding passages',
  sentences: 'Embedding sentences',
  write: 'Writing index',
};

/**
 * Build progress on stderr: a bar per phase on a terminal, a line per phase (and
 * every 25%) otherwise, so logs and CI output stay readable.
 */
export function buildProgressReporter(stream: NodeJS.WriteStream = process.stderr): { onProgress: (p: BuildProgress) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | null = null;
  let phase: BuildProgress['phase'] | null = null;
  let lastQuarter = -1;
  const tty = Boolean(stream.isTTY);
  return {
    onProgress(p) {
      if (p.phase !== phase) {
        bar?.stop();
        bar = null;
        phase = p.phase;
        lastQuarter = -1;
        if (tty) {
          bar = new cliProgress.SingleBar(
            { stream, format: `${LABELS[p.phase].padEnd(20)} [{bar}] {value}/{total} {percentage}% | ETA {eta}s`, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, p.done);
        }
      }
      if (bar) bar.update(p.done);
      else {
        const quarter = p.total ? Math.floor((4 * p.done) / p.total) : 4;
        if (quarter !== lastQuarter) {
          lastQuarter = quarter;
          stream.write(`${LABELS[p.phase]}: ${p.done}/${p.total}\n`);
        }
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

export function formatBuildSummary(s: BuildSummary): string {
  const line = `Indexed ${s.passages} passages (${s.sentences} sentences) from ${s.manifest.sources.length} call(s) in ${s.seconds.toFixed(1)} s — ${s.passagesPerSecond.toFixed(1)} passages/s`;
  if (s.rejected.length === 0) return line;
  return [`${line}; skipped ${s.rejected.length} file(s) that could not be read:`, ...s.rejected.map((r) => `  ${r.path}: ${r.error}`)].join('\n');
}
