/**
 * The dense graph over every passage vector (hnswlib HNSW, cosine). Building it costs minutes at
 * 100k passages, so a build that changes a few calls updates the published graph instead: read it,
 * grow it, add the new calls' passages, mark the removed calls' passages deleted, and write the
 * result into the new build (the published file is never touched). Each passage's label is fixed
 * when its call enters the graph (its shard's label_start + its position in the call); labels of
 * removed calls stay deleted until deletions pass REBUILD_DELETED_SHARE, then the graph is built
 * afresh and relabelled.
 */
import hnswlib from 'hnswlib-node';
import { sha256AsWritten } from './checksum.js';
import { HNSW_DEFAULTS } from './manifest.js';

/** Deleted labels beyond this share of the graph cost search time and memory: rebuild from scratch. */
export const REBUILD_DELETED_SHARE = 0.25;

export type Graph = hnswlib.HierarchicalNSW;

export interface GraphPoints {
  /** Row-major vectors, `dimensions` wide. */
  vectors: Float32Array;
  /** Label of the first row; rows take consecutive labels. */
  labelStart: number;
}

function addRows(graph: Graph, points: GraphPoints, dimensions: number): void {
  const rows = points.vectors.length / dimensions;
  for (let i = 0; i < rows; i++) graph.addPoint(Array.from(points.vectors.subarray(i * dimensions, (i + 1) * dimensions)), points.labelStart + i);
}

/** Points added between two turns of the event loop while a graph is built (about 50 ms of work). */
const YIELD_EVERY = 2_000;

/**
 * A new graph holding `points` (labels as given). Building 100k points takes a minute or more:
 * the event loop gets a turn every YIELD_EVERY points (health checks, signals), and `between`
 * runs there (a build may stop at that point by throwing).
 */
export async function createGraph(points: readonly GraphPoints[], dimensions: number, between?: () => void): Promise<Graph> {
  const total = points.reduce((n, p) => n + p.vectors.length / dimensions, 0);
  const graph = new hnswlib.HierarchicalNSW(HNSW_DEFAULTS.space, dimensions);
  graph.initIndex(Math.max(1, total), HNSW_DEFAULTS.m, HNSW_DEFAULTS.efConstruction, HNSW_DEFAULTS.seed);
  for (const p of points) {
    const rows = p.vectors.length / dimensions;
    for (let from = 0; from < rows; from += YIELD_EVERY) {
      const to = Math.min(rows, from + YIELD_EVERY);
      addRows(graph, { vectors: p.vectors.subarray(from * dimensions, to * dimensions), labelStart: p.labelStart + from }, dimensions);
      await new Promise((resolve) => setImmediate(resolve));
      between?.();
    }
  }
  return graph;
}

/** Reads a graph file written by writeGraph. */
export async function readGraph(file: string, dimensions: number): Promise<Graph> {
  const graph = new hnswlib.HierarchicalNSW(HNSW_DEFAULTS.space, dimensions);
  await graph.readIndex(file);
  return graph;
}

/** The published graph with calls added and removed, in place (the caller writes it elsewhere). */
export function updateGraph(graph: Graph, add: readonly GraphPoints[], removeLabels: Iterable<number>, dimensions: number): void {
  for (const label of removeLabels) graph.markDelete(label);
  const adding = add.reduce((n, p) => n + p.vectors.length / dimensions, 0);
  const needed = graph.getCurrentCount() + adding;
  if (needed > graph.getMaxElements()) graph.resizeIndex(needed);
  for (const p of add) addRows(graph, p, dimensions);
}

/**
 * Writes the graph to `file` (a new path) and returns the sha256 and size of what was written,
 * hashed while hnswlib writes it (the graph is the index's one large file: hundreds of MB at 100k
 * passages, so hashing it in a second pass afterwards is a cost every build would pay).
 */
export function writeGraph(graph: Graph, file: string): Promise<{ sha256: string; bytes: number }> {
  return sha256AsWritten(file, graph.writeIndex(file));
}
