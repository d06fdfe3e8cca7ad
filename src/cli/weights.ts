import type { Command } from 'commander';
import { quantizedFromEnv } from '../model/weights.js';
import { UsageError } from './fail.js';

export interface WeightsChoice {
  int8?: boolean;
  fp32?: boolean;
}

/** --int8 / --fp32, for every command that runs the model. */
export function weightsOption(command: Command): Command {
  return command
    .option('--int8', 'use the int8 weights (MODEL_WEIGHTS=int8 makes them the default)')
    .option('--fp32', 'use the fp32 reference weights (the default)');
}

/** The weights chosen: a flag, else MODEL_WEIGHTS, else the default. */
export function quantizedFrom(choice: WeightsChoice): boolean {
  if (choice.int8 && choice.fp32) throw new UsageError('choose one of --int8 and --fp32');
  return choice.fp32 ? false : choice.int8 ? true : quantizedFromEnv();
}
