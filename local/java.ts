import { execFile } from 'node:child_process';

/** What DynamoDB Local needs, checked before anything starts so a failure says what to do. */
export const MIN_JAVA_VERSION = 17;
const INSTALL_HINT =
  'install OpenJDK 17 or later (e.g. `sudo apt-get install openjdk-17-jre-headless`, ' +
  '`brew install openjdk@17`) and put its `java` first on PATH, then try again';
const PROBE_TIMEOUT_MS = 30_000;

export interface JavaRuntime {
  /** As `java -version` reports it, e.g. "17.0.15". */
  version: string;
  /**
   * Whether `java File.java` works: the jdk.compiler module is present (in every JDK, and in
   * Debian's openjdk-17-jre-headless; not in runtimes trimmed with jlink, such as some JRE images).
   * local/LoopbackDynamoDBLocal.java needs it to keep DynamoDB Local off the network.
   */
  runsSourceFiles: boolean;
}

export class JavaUnavailableError extends Error {
  override name = 'JavaUnavailableError';
}

/**
 * Runs `java -version` (and `java --list-modules`) from PATH, as DynamoDB Local will be run.
 * Rejects with a JavaUnavailableError whose message is one sentence saying what to do when Java
 * is missing, older than 17, or says no version.
 */
export async function checkJava(signal?: AbortSignal): Promise<JavaRuntime> {
  const versionOutput = await runJava(['-version'], signal);
  if (versionOutput === null) {
    throw new JavaUnavailableError(
      `DynamoDB Local needs Java ${MIN_JAVA_VERSION} or later and there is no \`java\` on PATH: ${INSTALL_HINT}.`,
    );
  }
  const version = /version "([^"]+)"/.exec(versionOutput)?.[1];
  const major = version === undefined ? NaN : javaMajorVersion(version);
  if (version === undefined || Number.isNaN(major)) {
    const said = versionOutput.trim().split('\n')[0]?.slice(0, 200) ?? '';
    throw new JavaUnavailableError(
      `DynamoDB Local needs Java ${MIN_JAVA_VERSION} or later and \`java -version\` named no version ` +
        `(it printed "${said}"): ${INSTALL_HINT}.`,
    );
  }
  if (major < MIN_JAVA_VERSION) {
    throw new JavaUnavailableError(
      `DynamoDB Local needs Java ${MIN_JAVA_VERSION} or later and the \`java\` on PATH is ` +
        `version ${version}: ${INSTALL_HINT}.`,
    );
  }
  const modules = (await runJava(['--list-modules'], signal)) ?? '';
  return { version, runsSourceFiles: /^jdk\.compiler@/m.test(modules) };
}

/** "1.8.0_292" → 8 (the old scheme), "17.0.15" → 17, "25-ea" → 25. */
export function javaMajorVersion(version: string): number {
  const [first, second] = version.split(/[.\-+_]/).map(Number);
  return first === 1 && second !== undefined ? second : (first ?? NaN);
}

/** Everything java printed (it writes -version to stderr), or null if there is no java to run. */
function runJava(args: string[], signal: AbortSignal | undefined): Promise<string | null> {
  return new Promise((resolve, reject) => {
    execFile('java', args, { timeout: PROBE_TIMEOUT_MS, signal }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT' || code === 'EACCES') resolve(null);
      else if (error?.name === 'AbortError') reject(error);
      // A failing `--list-modules` (Java 8 has none) still answers: with what it printed.
      else resolve(`${stdout}${stderr}`);
    });
  });
}
