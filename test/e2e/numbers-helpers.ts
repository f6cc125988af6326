// Shared by the issue-10 specs (numbers, currency, catalog-follows): the page in a language,
// fields found by their labels, typing and pasting as a person does.
import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { editor, openPlanner } from './helpers.ts';

export type Lang = 'en' | 'fr';
export const dict = { en, fr } as const;

export const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A field's label as the page writes it: the text, then "(unit)" or nothing. */
export function labelOf(lang: Lang, key: keyof typeof en, params: Record<string, string> = {}): RegExp {
  let text: string = dict[lang][key];
  for (const [k, v] of Object.entries(params)) text = text.replace(`{${k}}`, v);
  return new RegExp(`^${esc(text)}\\s*(\\(|$)`);
}

export async function openIn(page: Page, lang: Lang): Promise<void> {
  await openPlanner(page);
  if (lang === 'fr') {
    await page.getByLabel('Language').selectOption('fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  }
}

export function card(page: Page, name: RegExp): Locator {
  return editor(page).getByRole('region', { name });
}

/** The field box around an input (its message, its catalog tag, its "use catalog" button). */
export function box(input: Locator): Locator {
  return input.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " field ")][1]');
}

/** Selects everything in the field and types `text` key by key, then leaves it with Tab. */
export async function typeInto(page: Page, input: Locator, text: string, leave = true): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Delete');
  await page.keyboard.type(text, { delay: 15 });
  if (leave) await page.keyboard.press('Tab');
}

/** Replaces the field's text as a paste does (one input event with the whole text), then Tab. */
export async function pasteInto(page: Page, input: Locator, text: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Tab');
}
