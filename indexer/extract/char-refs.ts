// Character references that scrapers leave in plain text.

import { decodeHTMLStrict } from 'entities';

/** A complete character reference: named, decimal or hexadecimal, closed by «;». */
const REFERENCE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/iu;

/**
 * Plain text (a record's fields, a .txt page) with the character references a scraper copied from the page's source
 * read as the characters they stand for («&quot;Северный поток-2&quot;» → «"Северный поток-2"»), as a browser shows
 * them: they are no words, and the reader shows the text as is. Only complete references: «AT&T» and «R&D» stay.
 */
export const withCharacters = (text: string): string => (REFERENCE.test(text) ? decodeHTMLStrict(text) : text);
