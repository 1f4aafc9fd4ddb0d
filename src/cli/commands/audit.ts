// wtlint audit <dir>: every area's documents through the check core (in worker threads when
// there are enough), area-level checks, one report. Ctrl-C stops the workers and writes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { bundledLinter, packageRoot, packageVersion, RULE_DATA_FILES } from '../../engine/resources.js';
import { Engine } from '../../engine/engine.js';
import { hashBytes } from '../../engine/cache.js';
import { UsageError } from '../../engine/errors.js';
import { parseCount } from '../../engine/options.js';
import { discoverAreas, type AreaDiscovery, type AreaSource } from '../../audit-run/areas.js';
import type { AuditTask } from '../../audit-run/file.js';
import {
  AuditInterrupted,
  MIN_DOCUMENTS_FOR_WORKERS,
  runAuditTasks,
  startWorkers,
  workerCount,
  type StartedWorker,
} from '../../audit-run/pool.js';
import { auditContext, readAuditJson, writeAuditHead, type AuditOutputFlags } from '../../audit-run/output.js';
import { auditExitCode } from '../exit-code.js';
import { keepHeapNearLive } from '../heap.js';
import { PartSpool } from '../../audit-run/spool.js';
import type { CliIO } from '../io.js';
import { auditLayout, packInForce, type AuditLayout } from '../../audit/spec.js';
import { evaluateArea } from '../../audit/evaluate.js';
import { AuditCollector } from '../../audit/build.js';
import { auditReporters } from '../../audit/report/index.js';
import type { AuditStreamReporter } from '../../audit/report/types.js';
import type { CompiledPack } from '../../pack/load.js';
import { parseShard, shardOf, type Shard } from '../../audit/shard.js';
import type { AreaResult, AuditDocument, AuditProvenance, AuditReport } from '../../audit/types.js';
import type { LintOptions } from '../../types.js';

export interface AuditFlags extends AuditOutputFlags {
  asOf?: string;
  edition?: string;
  config?: string;
  compare?: string;
  shard?: string;
  jobs?: string;
  manifest?: string;
}

/** Exit code after Ctrl-C (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;

export async function audit(dir: string, flags: AuditFlags, io: CliIO): Promise<number> {
  const linter = bundledLinter();
  const layout = auditLayout(linter.packs); // an invalid audit section stops here, before any work
  const { config, options } = new Engine({
    cwd: io.cwd,
    today: io.today,
    edition: flags.edition,
    asOf: flags.asOf,
    config: flags.config,
    warn: io.stderr,
  });
  const shard = flags.shard === undefined ? null : parseShard(flags.shard);
  if (flags.shard !== undefined && !shard)
    throw new UsageError(`--shard "${flags.shard}" is not i/n`, 'Give the shard as i/n with 1 ≤ i ≤ n, e.g. --shard 2/4.');
  const jobs = flags.jobs === undefined ? undefined : parseCount(flags.jobs, '--jobs');
  const previous = flags.compare ? readAuditJson(flags.compare, io, 'the previous audit') : null;

  // Worker threads start as soon as the walk has found enough documents to want them, so they
  // load the bundle while it goes on; runAuditTasks takes them (and stops any a shard does not need).
  let started: StartedWorker[] = [];
  let asked = false; // once only, even when no worker is wanted (--jobs 0 or 1)
  const onFound = (documents: number) => {
    if (asked || documents < MIN_DOCUMENTS_FOR_WORKERS) return;
    asked = true;
    started = startWorkers(workerCount(documents, jobs), options);
  };
  try {
    const discovery = discoverAreas(dir, io.cwd, { manifest: flags.manifest, isIgnored: config.isIgnored, onFound });
    return await auditDiscovered(discovery, { dir, flags, io, options, layout, jobs, shard, previous, started });
  } finally {
    // Stopped here when discovery failed, or the run ended before taking them (terminate is idempotent).
    await Promise.all(started.map(({ worker }) => worker.terminate()));
  }
}

async function auditDiscovered(discovery: AreaDiscovery, run: Omit<AuditRun, 'format' | 'signal'>): Promise<number> {
  const { dir, flags, io, shard } = run;
  if (discovery.loose.length)
    io.stderr(
      `wtlint: ${discovery.loose.length} document(s) directly in ${dir} belong to no area and were not audited: ${discovery.loose.join(', ')}\n`,
    );
  const areas = shard ? discovery.areas.filter((a) => shardOf(a.name, shard.total) === shard.index) : discovery.areas;
  const tasks = areas.flatMap((a) => a.tasks);

  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  // Held until the report is written: a Ctrl-C then can never cut a write short (the write is
  // synchronous and atomic), and during the run it stops the workers.
  process.once('SIGINT', onInterrupt);
  try {
    const format = await auditReporters[flags.format]();
    return await auditAreas(areas, tasks, { ...run, format, signal: controller.signal });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

interface AuditRun {
  dir: string;
  flags: AuditFlags;
  io: CliIO;
  options: LintOptions;
  layout: AuditLayout;
  jobs: number | undefined;
  shard: Shard | null;
  previous: AuditReport | null;
  /** Worker threads started while the documents were found. */
  started: StartedWorker[];
  /** The --format's reporter, loaded. */
  format: AuditStreamReporter;
  signal: AbortSignal;
}

async function auditAreas(areas: AreaSource[], tasks: AuditTask[], run: AuditRun): Promise<number> {
  const { dir, flags, io, options } = run;
  const linter = bundledLinter();
  const bar =
    process.stderr.isTTY && tasks.length > 0
      ? new cliProgress.SingleBar(
          { format: 'auditing {bar} {value}/{total} documents | {eta_formatted} left', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const spool = new PartSpool();
  try {
    const stream = new AreaStream(areas, run, (parts, area) => spool.add(area, parts));
    try {
      bar?.start(tasks.length, 0);
      await runAuditTasks(
        tasks,
        {
          workers: workerCount(tasks.length, run.jobs),
          started: run.started,
          options,
          onProgress: (n) => bar?.update(n),
          signal: run.signal,
          // Set only once the workers have loaded the bundle: V8 takes a code cache only under the flags it was made with.
          onCodeLoaded: keepHeapNearLive,
        },
        (index, doc) => stream.document(index, doc),
      );
    } catch (error) {
      if (error instanceof AuditInterrupted) {
        io.stderr('\nwtlint: audit interrupted; no report written.\n');
        return EXIT_INTERRUPTED;
      }
      throw error;
    } finally {
      bar?.stop();
    }
    const fileHash = (file: string) => hashBytes(readFileSync(join(packageRoot, file)));
    const provenance: AuditProvenance = {
      tool: 'wtlint',
      wtlint: packageVersion(),
      packs: linter.packs.map((p) => ({ pack: p.pack, edition: p.edition, sha256: fileHash(p.file) })),
      ruleData: RULE_DATA_FILES.map((file) => ({ file, sha256: fileHash(file) })),
      asOf: options.asOf,
      root: dir,
      shard: run.shard,
      mergedFrom: [],
      inputs: [],
    };
    const head = stream.collector.head(provenance);
    const names = head.areas.map((a) => a.name);
    writeAuditHead(head, (index) => spool.read(names, index), run.format, flags, io);
    return auditExitCode(head, stream.collector.internalError);
  } finally {
    spool.close();
  }
}

/**
 * Documents in (in any order) → areas out: an area is evaluated, compared, tallied and
 * rendered as soon as its last document is in, and then its documents are dropped. What
 * stays is the collector's summary per area.
 */
export class AreaStream {
  readonly collector: AuditCollector;
  private readonly areaOf: number[] = [];
  private readonly firstTask: number[] = [];
  private readonly waiting: (AuditDocument[] | null)[] = [];
  private readonly remaining: number[] = [];
  private readonly areaPack: CompiledPack;
  private readonly packs: CompiledPack[];
  private readonly render: (area: AreaResult) => string[];

  constructor(
    private readonly areas: AreaSource[],
    private readonly run: Pick<AuditRun, 'options' | 'layout' | 'previous' | 'format' | 'flags' | 'io'>,
    private readonly onParts: (parts: string[], area: string) => void,
  ) {
    this.packs = bundledLinter().packs;
    this.areaPack = packInForce(this.packs, run.options.asOf);
    this.collector = new AuditCollector(run.layout, run.previous);
    const ctx = auditContext(run.flags, run.io);
    this.render = (area) => run.format.parts(area, run.layout, ctx);
    areas.forEach((area, a) => {
      this.firstTask.push(this.areaOf.length);
      for (let i = 0; i < area.tasks.length; i++) this.areaOf.push(a);
      this.waiting.push(new Array(area.tasks.length));
      this.remaining.push(area.tasks.length);
    });
    areas.forEach((area, a) => {
      if (area.tasks.length === 0) this.finish(a);
    });
  }

  document(index: number, doc: AuditDocument): void {
    const a = this.areaOf[index]!;
    this.waiting[a]![index - this.firstTask[a]!] = doc;
    if (--this.remaining[a]! === 0) this.finish(a);
  }

  /** Documents held for areas not yet complete. */
  get held(): number {
    return this.waiting.reduce((n, docs, a) => n + (docs ? docs.length - this.remaining[a]! : 0), 0);
  }

  private finish(a: number): void {
    const { options, layout } = this.run;
    const area = evaluateArea({ name: this.areas[a]!.name, documents: this.waiting[a]! }, layout, this.packs, this.areaPack, {
      asOf: options.asOf,
      severities: options.severities,
    });
    this.waiting[a] = null;
    this.collector.add(area);
    this.onParts(this.render(area), area.name);
  }
}
