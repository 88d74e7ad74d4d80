import { z } from 'zod';
import { parseParams } from '../params.js';
import { scriptParam } from './display-script.js';

/** The `script` parameter as the API parses it (errors as the API reports them). */
export const parseScriptParam = (value: unknown) =>
  parseParams(z.object({ script: scriptParam }), { script: value }).script;
