/** Every scenario, in the order they run (cheap, central ones first). */
import type { Scenario } from '../harness.js';
import { embedScenario, foreignOriginScenario } from './embed.js';
import { languageScenario, phoneScenario, urlStateScenario } from './interface.js';
import { keyboardScenario } from './keyboard.js';
import { readerScenario } from './reader.js';
import { outageScenario, raceScenario } from './resilience.js';
import {
  layoutFixScenario,
  noResultsScenario,
  orgScenario,
  pagingScenario,
  typingScenario,
  yearScenario,
} from './search.js';
import { xssScenario } from './security.js';

export const SCENARIOS: readonly Scenario[] = [
  typingScenario,
  yearScenario,
  orgScenario,
  noResultsScenario,
  pagingScenario,
  layoutFixScenario,
  outageScenario,
  raceScenario,
  languageScenario,
  readerScenario,
  keyboardScenario,
  xssScenario,
  urlStateScenario,
  phoneScenario,
  embedScenario,
  foreignOriginScenario,
];
