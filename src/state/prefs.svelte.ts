// The person's preferences: the page's language. Remembered in localStorage. Only the messages
// of the language in use are loaded (each language is a chunk of its own).
import { LANGUAGES, loadDictionary, translatorOf, type Dictionary, type Lang, type Translator } from '../i18n/translate.ts';

/** localStorage key. Never rename: people would lose their language choice. */
const LANG_KEY = 'compute-planner.lang';

/** What the preferences read and write in the page (the browser's; a fake in the tests). */
export interface PrefsEnv {
  /** The storage (reading it may throw: private mode). */
  storage: () => Pick<Storage, 'getItem' | 'setItem'>;
  /** The browser's language (`navigator.language`). */
  browserLanguage: () => string;
  loadDictionary: (lang: Lang) => Promise<Dictionary>;
  /** Applies the language to <html lang>. */
  setDocumentLang: (lang: Lang) => void;
}

const browser: PrefsEnv = {
  storage: () => localStorage,
  browserLanguage: () => navigator.language,
  loadDictionary,
  setDocumentLang: (lang) => {
    document.documentElement.lang = lang;
  },
};

function initialLang(env: PrefsEnv): Lang {
  try {
    const saved = env.storage().getItem(LANG_KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    // Storage can be unavailable (private mode): fall back to the browser's language.
  }
  return env.browserLanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export class Prefs {
  lang: Lang;
  #dictionary = $state.raw<Dictionary | null>(null);
  /** Before `init` resolves, keys show themselves (the page is mounted after it). */
  t: Translator = $derived(this.#dictionary ? translatorOf(this.#dictionary) : (key: string) => key);
  readonly #env: PrefsEnv;

  constructor(env: PrefsEnv = browser) {
    this.#env = env;
    this.lang = $state<Lang>(initialLang(env));
  }

  /** Loads the messages of the starting language and applies it to <html lang>. */
  async init(): Promise<void> {
    this.#dictionary = await this.#env.loadDictionary(this.lang);
    this.#env.setDocumentLang(this.lang);
  }

  /** Switches language once its messages are loaded (the page never shows a half-translated state). */
  async setLang(lang: Lang): Promise<void> {
    const dictionary = await this.#env.loadDictionary(lang);
    this.#dictionary = dictionary;
    this.lang = lang;
    this.#env.setDocumentLang(lang);
    try {
      this.#env.storage().setItem(LANG_KEY, lang);
    } catch {
      // Not remembered, but the page still switches.
    }
  }
}

export const prefs = new Prefs();
