/** dist/bundle/, built by scripts/bundle.mjs. */
export declare const BUNDLE_DIR: string;
/** Why the bundle in `dir` (sources relative to `root`) cannot be used, or null when it is current. */
export declare function bundleStaleReason(dir?: string, root?: string): string | null;
