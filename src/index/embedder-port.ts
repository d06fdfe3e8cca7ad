/** What index building and search need from an embedding model (src/model/embedder.ts provides it). */
export interface TextEmbedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** sha256 of the weights actually loaded; recorded in the manifest. */
  readonly checksum: string;
  embed(texts: string[]): Promise<Float32Array[]>;
  countTokens(text: string): number;
}
