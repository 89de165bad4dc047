/**
 * Progress of long work (teardown stages, orphan deletion, db provision).
 * On a terminal a live task list (listr2) shows the stage, its latest count
 * and the elapsed time; in CI, in pipes and with --json it is plain lines on
 * stderr, one per event, so logs stay readable and stdout stays the result.
 */
export interface Progress {
  /** Runs one stage; the stage's notes update it in place on a terminal. */
  stage<T>(title: string, work: () => Promise<T>, options?: StageOptions): Promise<T>;
  /** A line of news: inside a stage it is the stage's latest state. */
  note(line: string): void;
}

export interface StageOptions {
  /** The work runs a program that writes to the terminal itself (cdktf destroy): announce the stage in lines instead of drawing over it. */
  readonly drawsOnTerminal?: boolean;
}

export function elapsedText(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** One line per event; every stage that ends well says how long it took. */
export function lineProgress(write: (text: string) => void, now: () => number): Progress {
  return {
    note: (line) => write(`${line}\n`),
    async stage(title, work) {
      const start = now();
      write(`${title}: starting\n`);
      const result = await work();
      write(`${title}: done in ${elapsedText(now() - start)}\n`);
      return result;
    },
  };
}

/** A terminal's live task list (listr2's default renderer) on the given stream, normally stderr. */
export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  let update: ((line: string) => void) | undefined;
  return {
    note: (line) => {
      if (update === undefined) stream.write(`${line}\n`);
      else update(line);
    },
    async stage<T>(title: string, work: () => Promise<T>, options: StageOptions = {}): Promise<T> {
      if (options.drawsOnTerminal === true) return lineProgress((t) => void stream.write(t), Date.now).stage(title, work);
      const { Listr, ListrLogger, ProcessOutput, PRESET_TIMER } = await import('listr2');
      const logger = new ListrLogger({ processOutput: new ProcessOutput(stream, stream) });
      let result: { value: T } | undefined;
      const list = new Listr(
        [
          {
            title,
            task: async (_ctx, task) => {
              const started = Date.now();
              const tick = setInterval(() => {
                task.title = `${title} (${elapsedText(Date.now() - started)})`;
              }, 1000);
              update = (line) => {
                task.output = line;
              };
              try {
                result = { value: await work() };
              } finally {
                clearInterval(tick);
                update = undefined;
                task.title = title;
              }
            },
            rendererOptions: { persistentOutput: true },
          },
        ],
        {
          renderer: 'default',
          rendererOptions: { timer: PRESET_TIMER, logger },
          fallbackRendererOptions: { timer: PRESET_TIMER, logger },
          // The caller chose this stream because it is a terminal; listr2 would otherwise judge by process.stdout.
          forceTTY: true,
          exitOnError: true,
          registerSignalListeners: false,
        },
      );
      await list.run();
      if (result === undefined) throw new Error(`stage ${title} ended without a result`);
      return result.value;
    },
  };
}
