/** Every scenario, in the order they run (cheap, central ones first). */
import type { Scenario } from '../harness.js';
import { accessibilityScenario, screenshotsScenario } from './accessibility.js';
import { embedScenario, foreignOriginScenario } from './embed.js';
import { feedbackScenario } from './feedback.js';
import { histogramKeyboardScenario, histogramMouseScenario } from './histogram.js';
import { languageScenario, phoneScenario, urlStateScenario } from './interface.js';
import { keyboardScenario } from './keyboard.js';
import { offersScenario } from './offers.js';
import { readerScenario } from './reader.js';
import { cardsScenario, chipsScenario, facetSearchScenario } from './refine.js';
import { outageScenario, raceScenario } from './resilience.js';
import { scriptScenario } from './script.js';
import { layoutFixScenario, noResultsScenario, orgScenario, pagingScenario, typingScenario } from './search.js';
import { xssScenario } from './security.js';

export const SCENARIOS: readonly Scenario[] = [
  typingScenario,
  histogramMouseScenario,
  histogramKeyboardScenario,
  orgScenario,
  facetSearchScenario,
  chipsScenario,
  cardsScenario,
  scriptScenario,
  offersScenario,
  feedbackScenario,
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
  accessibilityScenario,
  screenshotsScenario,
];
