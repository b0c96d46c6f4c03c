/**
 * Which language a question is in, by script alone: any Chinese character means Chinese, otherwise Latin
 * letters mean English. Kept to one function so a fuller detector can replace it in one place.
 */
export type Lang = 'zh' | 'en';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

export function questionLanguage(text: string): Lang {
  if (HAN.test(text)) return 'zh';
  return LATIN.test(text) ? 'en' : 'zh';
}
