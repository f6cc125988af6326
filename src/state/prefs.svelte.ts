// The person's preferences: the page's language. Remembered in localStorage. Only the messages
// of the language in use are loaded (each language is a chunk of its own).
import { LANGUAGES, loadDictionary, translatorOf, type Dictionary, type Lang, type Translator } from '../i18n/translate.ts';

/** localStorage key. Never rename: people would lose their language choice. */
const LANG_KEY = 'compute-planner.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    // Storage can be unavailable (private mode): fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

class Prefs {
  lang = $state<Lang>(initialLang());
  #dictionary = $state.raw<Dictionary | null>(null);
  /** Before `init` resolves, keys show themselves (the page is mounted after it). */
  t: Translator = $derived(this.#dictionary ? translatorOf(this.#dictionary) : (key: string) => key);

  /** Loads the messages of the starting language and applies it to <html lang>. */
  async init(): Promise<void> {
    this.#dictionary = await loadDictionary(this.lang);
    document.documentElement.lang = this.lang;
  }

  /** Switches language once its messages are loaded (the page never shows a half-translated state). */
  async setLang(lang: Lang): Promise<void> {
    const dictionary = await loadDictionary(lang);
    this.#dictionary = dictionary;
    this.lang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Not remembered, but the page still switches.
    }
  }
}

export const prefs = new Prefs();
