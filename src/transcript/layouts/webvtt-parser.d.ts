// Types for the parts of webvtt-parser (W3C's reference parser, plain JS) this layout uses.
declare module 'webvtt-parser' {
  export interface VttNode {
    type: 'object' | 'text' | 'timestamp';
    name?: string;
    value?: string;
    classes?: string[];
    children?: VttNode[];
  }
  export interface VttCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: VttNode[] };
  }
  export interface VttError {
    message: string;
    line: number;
    col: number;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: VttCue[]; errors: VttError[]; styles: unknown[] };
  }
  const pkg: { WebVTTParser: typeof WebVTTParser };
  export default pkg;
}
