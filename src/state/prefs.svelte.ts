// The person's preferences: the page's language. Remembered in localStorage.
import { LANGUAGES, translator, type Lang, type Translator } from '../i18n/translate.ts';

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
  t: Translator = $derived(translator(this.lang));

  setLang(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Not remembered, but the page still switches.
    }
  }

  /** Applies the language to <html lang> at start. */
  apply(): void {
    document.documentElement.lang = this.lang;
  }
}

export const prefs = new Prefs();
