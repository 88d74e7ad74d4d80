import { finishArticle } from './extract/finish.js';
import { prepareItem, type ReadItem } from './read.js';
import type { ExtractedArticle } from './types.js';

/** The clean, analyzed article of an item, in one call on this thread (throws ExtractError when there is none). */
export const extractItem = (item: ReadItem): ExtractedArticle => finishArticle(prepareItem(item));
